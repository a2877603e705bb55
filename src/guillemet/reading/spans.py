"""Overlapping styled spans flattened into runs, so a screen line finds its styles by bisect.

Why: a quote contains entities, a cue and a speaker mention; annotations overlap all of them.
Rendering one screen line must not scan every span of a 1 MB document, so the spans are
flattened once (per analysis, per set of annotations) into consecutive runs, each with the
tuple of style keys active over it. A line then bisects to its first run and walks a few runs.
Pure: no Textual.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

EMPTY: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StyledSpan:
    """`text[start:end]` carries the style key `key` (a component class suffix or a tag)."""

    start: int
    end: int
    key: str


@dataclass(slots=True)
class Runs:
    """Consecutive runs: run `i` covers `[starts[i], starts[i + 1])` with `keys[i]` active."""

    starts: list[int]
    keys: list[tuple[str, ...]]

    def slice(self, start: int, end: int) -> Iterator[tuple[int, int, tuple[str, ...]]]:
        """The runs over `[start, end)`, clipped, skipping runs with no keys."""
        starts = self.starts
        if not starts or start >= end:
            return
        index = max(0, bisect_right(starts, start) - 1)
        count = len(starts)
        while index < count and starts[index] < end:
            keys = self.keys[index]
            run_end = starts[index + 1] if index + 1 < count else end
            if keys and run_end > start:
                yield max(start, starts[index]), min(end, run_end), keys
            index += 1

    def keys_over(self, start: int, end: int) -> set[str]:
        """Every key active anywhere in `[start, end)`."""
        found: set[str] = set()
        for _, _, keys in self.slice(start, end):
            found.update(keys)
        return found


def flatten(spans: Iterable[StyledSpan]) -> Runs:
    """Flatten overlapping spans into runs. Keys keep the order in which spans were given
    (later spans are drawn on top), and equal key tuples are shared to save memory."""
    events: list[tuple[int, int, int, str]] = []
    for order, span in enumerate(spans):
        if span.end > span.start:
            events.append((span.start, 1, order, span.key))
            events.append((span.end, 0, order, span.key))
    events.sort()
    active: dict[int, str] = {}
    starts: list[int] = []
    keys: list[tuple[str, ...]] = []
    interned: dict[tuple[str, ...], tuple[str, ...]] = {}
    index = 0
    count = len(events)
    while index < count:
        offset = events[index][0]
        while index < count and events[index][0] == offset:
            _, is_start, order, key = events[index]
            if is_start:
                active[order] = key
            else:
                active.pop(order, None)
            index += 1
        current = tuple(active[o] for o in sorted(active)) if active else EMPTY
        current = interned.setdefault(current, current)
        if keys and keys[-1] == current:
            continue
        starts.append(offset)
        keys.append(current)
    return Runs(starts, keys)
