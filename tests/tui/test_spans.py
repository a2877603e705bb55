"""Overlapping spans flattened into runs that a screen line finds by bisect."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from guillemet.reading.spans import StyledSpan, flatten


def test_nested_spans_give_runs_with_every_active_key() -> None:
    runs = flatten([StyledSpan(0, 10, "quote"), StyledSpan(2, 4, "entity-per"),
                    StyledSpan(8, 12, "cue")])
    assert list(runs.slice(0, 12)) == [
        (0, 2, ("quote",)), (2, 4, ("quote", "entity-per")), (4, 8, ("quote",)),
        (8, 10, ("quote", "cue")), (10, 12, ("cue",)),
    ]


def test_slice_clips_to_the_line() -> None:
    runs = flatten([StyledSpan(0, 100, "quote")])
    assert list(runs.slice(40, 50)) == [(40, 50, ("quote",))]
    assert runs.keys_over(100, 120) == set()


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50), st.sampled_from("abc")),
                max_size=12))
def test_runs_agree_with_the_spans_at_every_offset(raw: list[tuple[int, int, str]]) -> None:
    spans = [StyledSpan(min(a, b), max(a, b), key) for a, b, key in raw]
    runs = flatten(spans)
    for offset in range(52):
        expected = sorted(s.key for s in spans if s.start <= offset < s.end)
        found = [keys for start, end, keys in runs.slice(offset, offset + 1)]
        assert sorted(found[0] if found else ()) == expected
