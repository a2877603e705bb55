"""Where a progressive analysis reports: few stages, doubling, the last one complete (no model)."""

from __future__ import annotations

from guillemet.analysis.engine import FIRST_STAGE_CHARS, _stage_stops


def paragraphs(count: int, size: int) -> list[tuple[int, int]]:
    return [(i * (size + 1), i * (size + 1) + size) for i in range(count)]


def test_short_text_has_a_single_complete_stage() -> None:
    assert _stage_stops(paragraphs(10, 100)) == [10]
    assert _stage_stops([]) == [0]


def test_book_reports_at_doubling_sizes_then_complete() -> None:
    book = paragraphs(5_000, 199)  # one million characters
    stops = _stage_stops(book)
    ends = [book[stop - 1][1] for stop in stops]
    assert stops[-1] == len(book)
    assert FIRST_STAGE_CHARS <= ends[0] < FIRST_STAGE_CHARS + 200
    assert all(later >= 2 * earlier - 200 for earlier, later in zip(ends, ends[1:-1]))
    assert len(stops) <= 9


def test_one_huge_paragraph_is_one_stage() -> None:
    assert _stage_stops([(0, 50 * FIRST_STAGE_CHARS)]) == [1]
