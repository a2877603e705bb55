"""Finding an annotation again in an article that may have changed since it was made.

In order: the stored position, if the stored text is still there; else the stored exact text
found elsewhere, the occurrence chosen by how well its surroundings match the stored prefix and
suffix (then by closeness to the old position); else the most similar stretch of text, if it is
similar enough (at least `MIN_SCORE`, by rapidfuzz's `ratio`), marked approximate with its
score; else the annotation is an orphan: kept and listed, never silently dropped, and never
pinned to text it was not about.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from guillemet.annotations.model import Anchor, AnchorState, Annotation, TextPositionSelector

#: The least similarity (0-100, rapidfuzz `fuzz.ratio`) for an approximate placement.
MIN_SCORE = 80.0
#: Shorter quotes are never placed approximately: a few similar letters prove nothing.
MIN_APPROXIMATE_LENGTH = 10
#: Characters either side of the old position searched first for an approximate match.
NEARBY = 2000


def _occurrences(text: str, exact: str) -> Iterator[int]:
    start = text.find(exact)
    while start != -1:
        yield start
        start = text.find(exact, start + 1)


def _ratio(a: str, b: str) -> float:
    """rapidfuzz's similarity (0-100); imported on first use, as an unchanged article (the
    usual case) never needs it and the reader's start-up should not pay for it."""
    from rapidfuzz import fuzz

    return float(fuzz.ratio(a, b))


def _similarity(expected: str, found: str) -> float:
    if expected == found:
        return 100.0
    return _ratio(expected, found) if expected else 100.0


def context_score(text: str, start: int, end: int, prefix: str, suffix: str) -> float:
    """How well the text around `start:end` matches the stored context (0-100)."""
    before = text[max(0, start - len(prefix)) : start]
    after = text[end : end + len(suffix)]
    return (_similarity(prefix, before) + _similarity(suffix, after)) / 2


def _best_occurrence(text: str, annotation: Annotation) -> int | None:
    quote, old = annotation.target.quote, annotation.target.position.start
    best: tuple[float, int] | None = None
    best_start: int | None = None
    for start in _occurrences(text, quote.exact):
        key = (context_score(text, start, start + len(quote.exact), quote.prefix, quote.suffix), -abs(start - old))
        if best is None or key > best:
            best, best_start = key, start
    return best_start


def _refine(exact: str, text: str, start: int, end: int) -> tuple[int, int, float]:
    """Widen or narrow a candidate span a little while that raises the similarity (text
    inserted or removed inside the quote changes its length)."""
    score = _ratio(exact, text[start:end])
    slack = max(2, min(40, len(exact) // 4))
    for _ in range(2):
        for which in ("end", "start"):
            for delta in range(-slack, slack + 1):
                s, e = (start, end + delta) if which == "end" else (start + delta, end)
                if 0 <= s < e <= len(text):
                    candidate = _ratio(exact, text[s:e])
                    if candidate > score:
                        score, start, end = candidate, s, e
    return start, end, score


def _approximate(text: str, annotation: Annotation, min_score: float) -> Anchor | None:
    from rapidfuzz import fuzz

    exact, old = annotation.target.quote.exact, annotation.target.position.start
    if len(exact) < MIN_APPROXIMATE_LENGTH or len(exact) > len(text):
        return None
    window_start = max(0, old - NEARBY - len(exact))
    windows = [(window_start, min(len(text), old + NEARBY + 2 * len(exact)))]
    if windows[0] != (0, len(text)):
        windows.append((0, len(text)))
    for low, high in windows:
        region = text[low:high]
        if len(region) < len(exact):
            continue
        found = fuzz.partial_ratio_alignment(exact, region, score_cutoff=min_score)
        if found is None:
            continue
        start, end, score = _refine(exact, text, low + found.dest_start, low + found.dest_end)
        if score >= min_score:
            return Anchor(AnchorState.APPROXIMATE, start, end, score)
    return None


def anchor(annotation: Annotation, text: str, min_score: float = MIN_SCORE) -> Annotation:
    """The annotation placed in `text`, with its `anchor` set.

    Placed exactly or by quote, its stored position is updated (the quote is the same text,
    so nothing is lost); placed approximately or orphaned, its stored target is left as the
    reader made it, so a later, better version of the article can still place it exactly.
    """
    quote = annotation.target.quote
    position = annotation.target.position
    if not quote.exact:
        return replace(annotation, anchor=Anchor(AnchorState.ORPHAN))
    if text[position.start : position.end] == quote.exact and position.end <= len(text):
        if context_score(text, position.start, position.end, quote.prefix, quote.suffix) == 100.0:
            return replace(annotation, anchor=Anchor(AnchorState.EXACT, position.start, position.end))
    start = _best_occurrence(text, annotation)
    if start is not None:
        end = start + len(quote.exact)
        state = AnchorState.EXACT if start == position.start else AnchorState.QUOTE
        target = replace(annotation.target, position=TextPositionSelector(start, end))
        return replace(annotation, target=target, anchor=Anchor(state, start, end))
    approximate = _approximate(text, annotation, min_score)
    if approximate is not None:
        return replace(annotation, anchor=approximate)
    return replace(annotation, anchor=Anchor(AnchorState.ORPHAN))


def anchor_all(annotations: Iterable[Annotation], text: str, min_score: float = MIN_SCORE) -> list[Annotation]:
    """`anchor` for each annotation, in the same order."""
    return [anchor(annotation, text, min_score) for annotation in annotations]
