"""Text hygiene: what is repaired, and that clean text is left exactly as it is."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guillemet.inputs.hygiene import (
    clean_text,
    normalise_newlines,
    remove_controls,
    remove_invisible,
    tidy_spaces,
)

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews-fr"


def test_windows_and_old_mac_newlines_become_newlines() -> None:
    assert normalise_newlines("un\r\ndeux\rtrois\nquatre") == "un\ndeux\ntrois\nquatre"


def test_unicode_line_and_page_breaks_become_newlines() -> None:
    assert normalise_newlines("a\u2028b\u2029c\x0cd\x85e") == "a\nb\nc\nd\ne"


def test_soft_hyphens_and_zero_width_characters_are_removed() -> None:
    assert remove_invisible("démo\u00adcra\u200btie\u2060 \ufeffok") == "démocratie ok"


def test_zero_width_joiners_are_kept_for_emoji() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert remove_invisible(family) == family


def test_control_characters_are_removed_so_no_article_commands_the_terminal() -> None:
    hostile = "Il a dit \x1b[31m« oui »\x1b[0m\x07 puis \x1b]0;titre\x07 rien\x9b2J.\x7f"
    assert remove_controls(hostile) == "Il a dit [31m« oui »[0m puis ]0;titre rien2J."
    assert remove_controls("tab\tet ligne\nsuivante") == "tab\tet ligne\nsuivante"
    cleaned = clean_text("Un\x1b[2J\r\ndeux\x0cbis\x85trois\x00.")
    assert cleaned == "Un[2J\ndeux\nbis\ntrois."
    assert not any(ord(character) < 32 and character != "\n" for character in cleaned)


def test_tabs_and_runs_of_spaces_become_one_space_and_line_ends_are_trimmed() -> None:
    assert tidy_spaces("\tIl a dit :\t« oui ».   \nFin.  ") == "Il a dit : « oui ».\nFin."


def test_french_non_breaking_spaces_are_kept() -> None:
    text = "Il a dit\u00a0: «\u202foui\u202f»."
    assert clean_text(text) == text


def test_blank_lines_are_trimmed_at_the_ends_and_kept_inside() -> None:
    assert tidy_spaces("\n\n  \nUn.\n \n\n\nII\n\nDeux.\n\n") == "Un.\n\n\n\nII\n\nDeux."


def test_clean_text_combines_the_repairs() -> None:
    raw = "\ufeffTitre\r\n\r\nLe mi\u00adnistre  a  dit\u200b.\r\n"
    assert clean_text(raw) == "Titre\n\nLe ministre a dit."


@given(st.text())
def test_clean_text_is_idempotent(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once


def test_the_sample_article_is_left_exactly_as_it_is(sample_text: str) -> None:
    assert clean_text(sample_text) == sample_text.rstrip("\n")


def test_clean_dev_corpus_articles_are_left_exactly_as_they_are() -> None:
    """Offsets of the gold data index the files: loading must not move them."""
    if not CORPUS.is_dir():
        pytest.skip("the shared Wikinews corpus is not next to the checkout")
    ids = (CORPUS / "DEV.txt").read_text(encoding="utf-8").split()
    for article_id in ids:
        text = (CORPUS / f"{article_id}.txt").read_text(encoding="utf-8")
        assert clean_text(text) == text.rstrip("\n"), article_id
