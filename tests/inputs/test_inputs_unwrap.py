"""Hard-wrapped text exports: when lines are re-joined, and how line-end hyphens are resolved."""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from guillemet.inputs.unwrap import unwrap, wrap_width

PARAGRAPHS = [
    "Le ministre français des Armées Sébastien Lecornu a indiqué à son homologue russe "
    "Sergueï Choïgou que la France était « disponible » pour des « échanges accrus » en "
    "matière de lutte contre le terrorisme, lors d’un entretien téléphonique inédit.",
    "« Il existe des informations sur une piste ukrainienne dans l’organisation de "
    "l’attentat », a souligné Sergueï Choïgou, avant d’ajouter que le régime de Kiev ne "
    "faisait rien sans l’approbation des Occidentaux.",
    "Emmanuel Macron a de son côté dénoncé des « commentaires baroques et menaçants » des "
    "Russes, selon un communiqué publié dans la soirée par la présidence de la République.",
]


def wrapped(paragraphs: list[str], width: int = 72, separator: str = "\n\n") -> str:
    return separator.join(textwrap.fill(p, width) for p in paragraphs)


def test_hard_wrapped_paragraphs_separated_by_blank_lines_are_rejoined() -> None:
    assert unwrap(wrapped(PARAGRAPHS)) == "\n\n".join(PARAGRAPHS)


def test_hard_wrapped_paragraphs_without_blank_lines_split_at_short_lines() -> None:
    assert unwrap(wrapped(PARAGRAPHS, separator="\n")) == "\n".join(PARAGRAPHS)


def test_one_paragraph_per_line_is_left_alone(sample_text: str) -> None:
    text = sample_text.rstrip("\n")
    assert wrap_width(text.split("\n")) is None
    assert unwrap(text) == text


def test_short_lines_such_as_lists_and_verse_are_left_alone() -> None:
    text = "Au menu :\n- du pain\n- du vin\n- du fromage\n\nFin de la liste."
    assert unwrap(text) == text


def test_a_list_inside_a_wrapped_text_keeps_its_lines() -> None:
    intro = textwrap.fill(PARAGRAPHS[0], 72)
    text = (
        intro
        + "\n- premier point de la liste\n- second point de la liste\n\n"
        + wrapped(PARAGRAPHS[1:])
    )
    out = unwrap(text)
    assert out.startswith(PARAGRAPHS[0] + "\n- premier point de la liste\n- second point")
    assert out.endswith("\n\n".join(PARAGRAPHS[1:]))


def _hyphen_break(before: str, after: str, filler: str = PARAGRAPHS[2]) -> str:
    """Text wrapped at 72 columns: a full line ends with `before`, the next starts with `after`."""
    lines = textwrap.fill(PARAGRAPHS[0], 72).split("\n")[:-1]
    words = lines[-1].split()
    while len(" ".join(words)) + 1 + len(before) > 72:
        words.pop()
    lines[-1] = " ".join(words + [before])
    tail = textwrap.fill(after + " " + filler, 72)
    return "\n".join(lines) + "\n" + tail


def test_line_end_hyphenation_is_undone() -> None:
    out = unwrap(_hyphen_break("démo-", "cratie"))
    assert " démocratie " in out
    assert "démo-" not in out


def test_a_compound_seen_elsewhere_in_the_text_keeps_its_hyphen() -> None:
    filler = PARAGRAPHS[2] + " Le porte-parole du gouvernement n’a pas réagi."
    out = unwrap(_hyphen_break("porte-", "parole", filler))
    assert out.count("porte-parole") == 2


def test_a_word_seen_whole_elsewhere_in_the_text_loses_its_hyphen() -> None:
    filler = PARAGRAPHS[2] + " Le contreterrorisme est un sujet."
    out = unwrap(_hyphen_break("contre-", "terrorisme", filler))
    assert out.count("contreterrorisme") == 2


def test_clitics_keep_their_hyphen() -> None:
    assert "a-t-il" in unwrap(_hyphen_break("a-t-", "il"))
    assert "celle-ci" in unwrap(_hyphen_break("celle-", "ci"))


def test_a_capitalised_second_part_keeps_its_hyphen() -> None:
    assert "Jean-Marc" in unwrap(_hyphen_break("Jean-", "Marc"))


def test_a_dash_after_a_space_is_not_a_hyphenation() -> None:
    out = unwrap(_hyphen_break("-", "donc"))
    assert " - donc " in out


WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèàç", min_size=1, max_size=12)
LONG_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=6, max_size=10)
# Long enough (over 3 lines at width 100) for the wrapping to be clear.
PARAGRAPH = (
    st.lists(st.one_of(WORDS, LONG_WORD), min_size=60, max_size=120)
    .map(" ".join)
    .filter(lambda p: len(p) > 300)
)


@settings(max_examples=25, deadline=None)
@given(st.lists(PARAGRAPH, min_size=2, max_size=5), st.integers(min_value=50, max_value=100))
def test_any_text_wrapped_by_textwrap_is_restored(paragraphs: list[str], width: int) -> None:
    assert unwrap(wrapped(paragraphs, width)) == "\n\n".join(paragraphs)
