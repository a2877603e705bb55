"""Names of one person or organisation written in different ways meet; different ones do not."""

from __future__ import annotations

import pytest

from guillemet.speaker_library.identity import (
    aliases_match,
    fold,
    is_proper_name,
    organisation_aliases,
    person_name,
    same_person,
)


def test_fold_drops_case_accents_and_typographic_apostrophes() -> None:
    assert fold("Sébastien LECORNU") == "sebastien lecornu"
    assert fold("Moody’s") == fold("Moody's") == "moody s"
    assert fold("  Jean-François   Copé ") == "jean-francois cope"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Barack Obama", "B. Obama"),
        ("Barack Obama", "M. Barack Obama"),
        ("Jean-Marie Le Pen", "J.-M. Le Pen"),
        ("Sébastien Lecornu", "sebastien lecornu"),
        ("Mme Pauline Marois", "Pauline Marois"),
        ("M.Houdré", "Houdré"),
        ("Obama", "Barack Obama"),
    ],
)
def test_the_same_person(a: str, b: str) -> None:
    first, second = person_name(a), person_name(b)
    assert first is not None and second is not None
    assert same_person(first, second)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Barack Obama", "Michelle Obama"),
        ("Jean-Marie Le Pen", "Marine Le Pen"),
        ("B. Obama", "M. Obama Junior"),
        ("Claude Bartolone", "Claude Bertolone"),
    ],
)
def test_different_people(a: str, b: str) -> None:
    first, second = person_name(a), person_name(b)
    assert first is not None and second is not None
    assert not same_person(first, second)


def test_an_honorific_is_no_given_name() -> None:
    name = person_name("M. Ayrault")
    assert name is not None and name.given == "" and name.surname == "ayrault"


@pytest.mark.parametrize(
    ("name", "proper"),
    [
        ("Barack Obama", True),
        ("CGT", True),
        ("Météo France", True),
        ("Le Figaro", True),
        ("le ministre du budget", False),
        ("gouvernement français", False),
        ("Le gouvernement", False),
        ("analystes", False),
    ],
)
def test_descriptions_are_not_names(name: str, proper: bool) -> None:
    assert is_proper_name(name) is proper


def test_an_acronym_meets_the_name_it_abbreviates() -> None:
    long_name = organisation_aliases("Human Rights Watch", ("l'ONG",))
    acronym = organisation_aliases("HRW")
    assert aliases_match(long_name, acronym)
    cgt = organisation_aliases("Confédération générale du travail", ("la CGT",))
    assert aliases_match(cgt, organisation_aliases("CGT"))


def test_a_leading_article_does_not_matter() -> None:
    assert aliases_match(organisation_aliases("Le Figaro"), organisation_aliases("Figaro"))


def test_computed_initials_alone_do_not_merge_two_names() -> None:
    assert not aliases_match(organisation_aliases("Météo France"), organisation_aliases("Mutuelle Française"))
