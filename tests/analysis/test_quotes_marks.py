"""Quotation-mark pairing: pure functions, no model."""

from __future__ import annotations

from guillemet.analysis.attribution.marks import inner_span, pair_marks


def test_guillemets_pair_and_inner_span_drops_spaces() -> None:
    text = "Il a dit «\u00a0oui\u00a0» hier."
    (pair,) = pair_marks(text)
    start, end = inner_span(text, pair)
    assert text[start:end] == "oui"


def test_nested_marks_give_one_outer_quote() -> None:
    text = "« Il a lu “ce livre” hier »"
    assert pair_marks(text) == [(0, len(text) - 1)]


def test_straight_quotes_alternate() -> None:
    text = 'Il dit "oui" puis "non".'
    pairs = pair_marks(text)
    assert [text[a + 1:b] for a, b in pairs] == ["oui", "non"]


def test_unclosed_guillemet_runs_to_the_paragraph_end() -> None:
    text = "« Et la suite continue"
    assert pair_marks(text) == [(0, len(text))]


def test_stray_closing_mark_is_ignored() -> None:
    assert pair_marks("fin » début") == []


def test_english_curly_quotes_pair() -> None:
    text = "He said “yes” and “no”."
    assert [text[a + 1:b] for a, b in pair_marks(text)] == ["yes", "no"]


def test_empty_quote_has_no_inner_span() -> None:
    assert inner_span("«  »", (0, 3)) is None
