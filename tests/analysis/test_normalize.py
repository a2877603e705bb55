"""The model's copy of the text, and the way back to the reader's offsets (no model needed)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from guillemet.analysis.normalize import normalise

SOFT_HYPHEN = "\u00ad"
ODD_CHARACTERS = "’ʼ\u00a0\u202f\u2009\u00ad\u200b\u2060\ufeff\u2011\t\r«»“”\"'\n -"


def test_typographic_apostrophes_become_straight_without_moving_offsets() -> None:
    result = normalise("C’est l’Ukraine, s’est-il dit")
    assert result.text == "C'est l'Ukraine, s'est-il dit"
    assert result.offsets.is_identity


def test_non_breaking_spaces_become_spaces_and_quote_marks_stay() -> None:
    result = normalise("«\u00a0disponible\u202f» “ok”")
    assert result.text == "« disponible » “ok”"


def test_non_breaking_hyphen_becomes_a_hyphen() -> None:
    assert normalise("a\u2011t\u2011il").text == "a-t-il"


def test_newlines_are_kept_for_the_paragraphs() -> None:
    assert normalise("un\ndeux\u2029trois").text == "un\ndeux\ntrois"


def test_soft_hyphen_is_removed_and_spans_map_back_around_it() -> None:
    original = f"le mi{SOFT_HYPHEN}nistre parle"
    result = normalise(original)
    assert result.text == "le ministre parle"
    start = result.text.index("ministre")
    assert result.offsets.span(start, start + len("ministre")) == (3, 12)
    assert original[3:12] == f"mi{SOFT_HYPHEN}nistre"
    parle = result.text.index("parle")
    assert original[slice(*result.offsets.span(parle, parle + 5))] == "parle"


def test_removed_characters_at_a_span_edge_stay_outside_it() -> None:
    original = f"{SOFT_HYPHEN}{SOFT_HYPHEN}Paris{SOFT_HYPHEN}"
    result = normalise(original)
    assert result.text == "Paris"
    assert result.offsets.span(0, 5) == (2, 7)


def test_empty_span_maps_to_an_empty_span() -> None:
    result = normalise(f"a{SOFT_HYPHEN}b")
    start, end = result.offsets.span(1, 1)
    assert start == end


@given(st.text(alphabet=st.sampled_from(ODD_CHARACTERS + "abcé")) | st.text())
def test_every_normalised_span_maps_to_an_original_slice_that_normalises_to_it(
    original: str,
) -> None:
    result = normalise(original)
    normalised = result.text
    for start in range(len(normalised) + 1):
        for end in range(start, min(len(normalised), start + 6) + 1):
            o_start, o_end = result.offsets.span(start, end)
            assert 0 <= o_start <= o_end <= len(original)
            assert normalise(original[o_start:o_end]).text == normalised[start:end]


@given(st.text(alphabet=st.sampled_from(ODD_CHARACTERS + "ab")))
def test_offsets_round_trip(original: str) -> None:
    result = normalise(original)
    for offset in range(len(result.text) + 1):
        assert result.offsets.to_normalised(result.offsets.to_original(offset)) == offset
