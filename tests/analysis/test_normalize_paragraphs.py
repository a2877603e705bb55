"""Cutting a text into the paragraphs the model reads (no model needed)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from guillemet.analysis.paragraphs import MAX_PARAGRAPH_CHARS, paragraph_spans


def texts(text: str) -> list[str]:
    return [text[start:end] for start, end in paragraph_spans(text)]


def test_each_line_is_a_paragraph_and_outer_spaces_are_dropped() -> None:
    assert texts("  Titre  \nPremier paragraphe.\n\n\n  Second.\n") == [
        "Titre",
        "Premier paragraphe.",
        "Second.",
    ]


def test_a_hard_wrapped_block_is_one_paragraph() -> None:
    block = (
        "Il y a trois ans, il arriva a Saint-Front, petite ville fort laide qui\n"
        "est situee dans nos environs et que je ne vous engage pas a chercher sur\n"
        "la carte, meme sur celle de Cassini, une aventure qui fit beaucoup jaser.\n"
        "Fin."
    )
    assert texts(f"{block}\n\nAutre.") == [block, "Autre."]


def test_short_lines_of_uneven_length_stay_separate() -> None:
    assert texts("— Oui.\n— Cela sera-t-il bien long ? demanda le laquais.\n— Non.") == [
        "— Oui.",
        "— Cela sera-t-il bien long ? demanda le laquais.",
        "— Non.",
    ]


def test_an_over_long_paragraph_is_cut_after_a_sentence_end() -> None:
    sentence = "Le ministre a parlé longtemps de la guerre. "
    text = sentence * (3 * MAX_PARAGRAPH_CHARS // len(sentence))
    pieces = texts(text)
    assert len(pieces) >= 3
    assert all(len(piece) <= MAX_PARAGRAPH_CHARS for piece in pieces)
    assert all(piece.endswith(".") for piece in pieces)
    assert "".join(pieces).replace(" ", "") == text.replace(" ", "")


def test_an_over_long_word_is_cut_anyway() -> None:
    pieces = texts("x" * (2 * MAX_PARAGRAPH_CHARS + 5))
    assert [len(piece) for piece in pieces] == [MAX_PARAGRAPH_CHARS, MAX_PARAGRAPH_CHARS, 5]


@given(st.text(alphabet=st.sampled_from("ab. \n\t«»")))
def test_paragraphs_are_ordered_stripped_and_cover_every_visible_character(text: str) -> None:
    spans = list(paragraph_spans(text))
    covered = set()
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        covered.update(range(start, end))
        previous_end = end
    assert all(i in covered for i, char in enumerate(text) if not char.isspace())
