"""The word wrap on character offsets: every character shown once, lines within the width."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from guillemet.reading.layout import BLANK, BODY, META, RULE, TITLE, build_layout, wrap_paragraph


def shown(text: str, lines: list[tuple[int, int]]) -> str:
    return " ".join(text[s:e] for s, e in lines)


def test_wraps_at_spaces_within_the_width() -> None:
    text = "le ministre français des Armées a indiqué"
    lines = wrap_paragraph(text, 0, len(text), 12)
    assert [text[s:e] for s, e in lines] == ["le ministre", "français des", "Armées a", "indiqué"]


def test_cuts_a_word_longer_than_the_width() -> None:
    text = "anticonstitutionnellement oui"
    lines = wrap_paragraph(text, 0, len(text), 10)
    assert [text[s:e] for s, e in lines] == ["anticonsti", "tutionnell", "ement oui"]


def test_french_quotation_marks_stay_with_their_words() -> None:
    text = "il a dit « la guerre » et « la paix » : assez !"
    lines = [text[s:e] for s, e in wrap_paragraph(text, 0, len(text), 20)]
    assert lines == ["il a dit « la", "guerre » et « la", "paix » : assez !"]
    for line in lines:
        assert not line.startswith(("»", ":", "!")) and not line.endswith("«")


def test_french_quotation_marks_stay_with_their_words_among_wide_characters() -> None:
    text = "日本 a dit « la guerre » et « la paix »"
    lines = [text[s:e] for s, e in wrap_paragraph(text, 0, len(text), 16)]
    assert lines == ["日本 a dit « la", "guerre » et « la", "paix »"]


def test_a_word_too_long_with_its_marks_is_cut_inside_the_word_not_before_the_mark() -> None:
    """A » never starts a line, even when the word before it fills one: the word is cut so
    that its last letters carry the » to the next line."""
    text = "«\u00a0aaaaaaaa » bb"
    lines = wrap_paragraph(text, 0, len(text), 10)
    assert [text[s:e] for s, e in lines] == ["«\u00a0aaaaaaa", "a » bb"]


def test_an_opening_mark_never_ends_a_line_before_a_long_word() -> None:
    text = "comme « petite-bourgeoise ». Oui"
    for cut_in in (wrap_paragraph(text, 0, len(text), 16), wrap_paragraph(text + " 漢", 0, len(text) + 2, 16)):
        lines = [text[s:e] for s, e in cut_in]
        assert lines[:3] == ["comme", "« petite-bourgeo", "ise ». Oui"], lines


def test_a_closing_mark_stays_with_a_word_as_wide_as_the_line() -> None:
    text = "toute instrumentalisation », ajoute le communiqué"
    lines = [text[s:e] for s, e in wrap_paragraph(text, 0, len(text), 20)]
    assert not any(line.startswith("»") for line in lines), lines
    assert "instrumentalisatio" in lines and "n », ajoute le" in lines


_WORD = st.text(alphabet="abcdéèàç’", min_size=2, max_size=12)


@given(st.lists(st.tuples(_WORD, st.sampled_from(["", "«»", ":", "?"])), min_size=1, max_size=25),
       st.integers(min_value=3, max_value=40), st.booleans())
def test_no_line_starts_with_a_closing_mark_or_ends_with_an_opening_one(
        words: list[tuple[str, str]], width: int, wide: bool) -> None:
    """Whatever the words and the width, both wraps (one cell per character, and by cells)
    break only at spaces that glue nothing, or inside a word."""
    parts = [f"« {word} »" if marks == "«»" else f"{word} {marks}".rstrip() for word, marks in words]
    text = " ".join(parts) + (" 漢" if wide else "")
    lines = wrap_paragraph(text, 0, len(text), width)
    for (_, end), (start, _) in zip(lines, lines[1:]):
        line, following = text[:end], text[start:]
        assert not following.startswith(("»", ":", "?")), (text[:end], following)
        assert not line.endswith("«"), (line, following)
        assert start == end + 1 or (text[end - 1].isalpha() or text[end - 1] == "’") and text[end] != " "


def test_wide_characters_count_two_cells() -> None:
    text = "日本語の記事 です"
    lines = wrap_paragraph(text, 0, len(text), 6)
    assert [text[s:e] for s, e in lines] == ["日本語", "の記事", "です"]


@given(st.lists(st.text(alphabet="abcdéèàç« »’", min_size=1, max_size=15), max_size=30),
       st.integers(min_value=1, max_value=40))
def test_every_character_is_shown_once_and_no_line_is_too_long(words: list[str], width: int) -> None:
    text = " ".join(words).replace("\n", " ")
    lines = wrap_paragraph(text, 0, len(text), width)
    assert all(e - s <= width for s, e in lines)
    assert all(s <= e for s, e in lines)
    for (_, end), (start, _) in zip(lines, lines[1:]):
        assert start in (end, end + 1)  # a break eats at most the one space it breaks at
        assert start == end or text[end] == " "
    assert lines[0][0] == 0 and lines[-1][1] == len(text)


def test_layout_puts_title_meta_and_blank_lines_between_paragraphs() -> None:
    text = "Premier paragraphe assez long.\n\n\nSecond."
    layout = build_layout(text, 20, "Le titre", ["Le Monde", "2024"])
    kinds = layout.kinds
    assert kinds[:4] == [TITLE, META, RULE, BLANK]
    body = [text[s:e] for s, e, k in zip(layout.starts, layout.ends, kinds) if k == BODY]
    assert body == ["Premier paragraphe", "assez long.", "Second."]
    assert kinds[-2:] == [BLANK, BODY]  # three newlines collapse into one blank line


def test_line_of_finds_the_line_showing_an_offset() -> None:
    text = "un deux trois quatre\ncinq six"
    layout = build_layout(text, 8)
    for offset, char in enumerate(text):
        line = layout.line_of(offset)
        if char not in " \n":
            assert layout.starts[line] <= offset < layout.ends[line]
    assert list(layout.lines_of(text.index("deux"), text.index("six") + 3)) == list(
        range(layout.line_of(text.index("deux")), len(layout))
    )


def test_a_megabyte_wraps_into_the_expected_number_of_lines() -> None:
    paragraph = ("mot " * 200).strip()
    text = "\n".join([paragraph] * 1300)  # about 1 MB
    layout = build_layout(text, 76)
    per_paragraph = len(wrap_paragraph(paragraph, 0, len(paragraph), 76))
    assert len(layout) == 1300 * per_paragraph + 1299


@given(st.text(alphabet="ab «»:\n漢", max_size=300), st.integers(min_value=1, max_value=30))
def test_a_layout_made_from_known_paragraphs_is_the_same(text: str, width: int) -> None:
    """A re-wrap reuses the paragraphs found by the previous layout (they do not depend on
    the width); the lines must be those of a layout made from scratch."""
    previous = build_layout(text, 17, "Titre")
    again = build_layout(text, width, "Titre", (), previous.paragraphs)
    fresh = build_layout(text, width, "Titre")
    assert (again.starts, again.ends, again.kinds) == (fresh.starts, fresh.ends, fresh.kinds)


def test_a_title_that_is_the_first_line_is_shown_once_with_its_offsets() -> None:
    title = "Barack Obama : « le meilleur reste à venir »"
    text = f"{title}\n\nLe président a parlé. Il a dit « merci »."
    layout = build_layout(text, 30, title, ["6 novembre 2012"])
    shown = [layout.decorations.get(i, text[layout.starts[i]:layout.ends[i]]) for i in range(len(layout))]
    assert sum("Barack Obama" in line for line in shown) == 1
    assert layout.kinds[:2] == [TITLE, TITLE] and layout.kinds[2] == META
    assert "".join(shown[:2]).replace(" ", "") == title.replace(" ", "")
    assert (layout.starts[0], layout.ends[1]) == (0, len(title))  # the title's own offsets
    assert layout.starts == sorted(layout.starts)
    assert layout.kinds[layout.line_of(text.index("Le président"))] == BODY


def test_a_title_that_is_not_in_the_text_is_shown_above_it() -> None:
    text = "Le président a parlé."
    layout = build_layout(text, 30, "Un titre venu de la page")
    assert layout.decorations[0] == "Un titre venu de la page" and layout.kinds[0] == TITLE
    assert text in [text[s:e] for s, e, k in zip(layout.starts, layout.ends, layout.kinds) if k == BODY]
