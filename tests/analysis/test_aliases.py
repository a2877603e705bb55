"""The article's alias table: which roles and acronyms a paragraph gives to a name.

The table is what lets a later "le maire de Montbrison" or "l'UPC" be resolved to the name
the article gave it, so a wrong or missing entry silently changes who a statement is
credited to. Each construction is checked on a short invented sentence parsed by the real
model; `initials_match` and `acronym_aliases` work on plain text and need no model.
"""

from __future__ import annotations

import pytest

from guillemet.analysis.attribution.aliases import acronym_aliases, initials_match, paragraph_aliases
from guillemet.analysis.attribution.types import Alias
from guillemet.analysis.entities import set_clean_entities

from test_quotes_support import shared_engine


def aliases_of(text: str) -> list[Alias]:
    """The aliases of one paragraph, read as the engine reads it (entities cleaned first)."""
    doc = shared_engine().nlp(text)
    set_clean_entities(doc)
    return paragraph_aliases(doc, 0, set())


def roles_of(text: str, name: str) -> list[str]:
    return [a.role for a in aliases_of(text) if a.name == name and not a.acronym]


# --- roles read off the parse ------------------------------------------------------------


@pytest.mark.model
def test_role_glued_before_a_name() -> None:
    aliases = aliases_of("L'astronome suisse Benoît Vallorbe a présenté ses résultats hier.")
    assert Alias("Benoît Vallorbe", "astronome suisse", "astronome", "m") in aliases


@pytest.mark.model
def test_role_set_off_by_commas_before_a_name() -> None:
    aliases = aliases_of("Le maire de Villefranche, Octave Perrichon, a déclaré que la route serait fermée.")
    assert Alias("Octave Perrichon", "maire de Villefranche", "maire", "m") in aliases


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name", "role", "head"),
    [
        ("Lucienne Garabed, présidente de l'association, a dénoncé la réforme.",
         "Lucienne Garabed", "présidente de l'association", "président"),
        ("Armand Cazeneuve, porte-parole de la préfecture, a confirmé l'accident.",
         "Armand Cazeneuve", "porte-parole de la préfecture", "porte-parole"),
    ],
)
def test_role_apposed_after_a_name(text: str, name: str, role: str, head: str) -> None:
    found = [a for a in aliases_of(text) if a.name == name]
    assert [(a.role, a.head) for a in found] == [(role, head)]


@pytest.mark.model
def test_porte_parole_apposed_after_a_name_whatever_its_tag() -> None:
    assert roles_of("Lucienne Garabed, porte-parole du syndicat, a dénoncé la réforme.",
                    "Lucienne Garabed") == ["porte-parole du syndicat"]


@pytest.mark.model
def test_copula_gives_the_subject_its_role() -> None:
    aliases = aliases_of("Anatole Brissac est ministre de la Santé.")
    assert Alias("Anatole Brissac", "ministre de la Santé", "ministre", "m") in aliases


@pytest.mark.model
@pytest.mark.xfail(strict=True, reason=(
    "_copula runs the role to the noun's right edge, so a time adverbial the parser hangs "
    "on the noun ('depuis mars') becomes part of the role"))
def test_copula_role_stops_before_a_time_adverbial() -> None:
    assert roles_of("Anatole Brissac est ministre de la Santé depuis mars.", "Anatole Brissac") == [
        "ministre de la Santé"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("L'association Horizons Solidaires a publié un rapport.", "Horizons Solidaires", "association"),
        ("Le syndicat Force Paysanne a publié un communiqué.", "Force Paysanne", "syndicat"),
    ],
)
def test_classifier_noun_before_an_organisation(text: str, name: str, role: str) -> None:
    assert roles_of(text, name) == [role]


@pytest.mark.model
def test_ong_before_an_organisation_is_its_classifier() -> None:
    assert roles_of("L'ONG Médecins des Montagnes a dénoncé la situation.", "Médecins des Montagnes") == ["ONG"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Les chercheurs de l'Institut Delaunay ont publié un rapport.",
        "La chercheuse de l'Institut Delaunay a publié un rapport.",
        "Le directeur de l'Institut Delaunay a démissionné.",
    ],
)
def test_name_completing_a_noun_is_not_an_alias(text: str) -> None:
    """"la chercheuse de X" is someone of X, not another name for X."""
    assert [a for a in aliases_of(text) if a.name == "Institut Delaunay"] == []


@pytest.mark.model
def test_clause_after_a_name_and_comma_is_not_a_role() -> None:
    assert roles_of("Selon Paul Vernet, la croissance ralentira.", "Paul Vernet") == []


# --- acronyms defined in parentheses ------------------------------------------------------


@pytest.mark.model
def test_acronym_in_parentheses_after_its_expansion() -> None:
    aliases = aliases_of("Le Collectif des Riverains Unis (CRU) a saisi la justice.")
    assert Alias("Collectif des Riverains Unis", "CRU", "", "", acronym=True) in aliases


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "acronym", "expansion"),
    [
        ("Le MLC (Mouvement pour la liberté des Cévennes) a revendiqué l'incendie.",
         "MLC", "Mouvement pour la liberté des Cévennes"),
        ("L'ULC (Union pour la libération de la Camargue) a revendiqué l'incendie.",
         "ULC", "Union pour la libération de la Camargue"),
    ],
)
def test_expansion_in_parentheses_after_its_acronym(text: str, acronym: str, expansion: str) -> None:
    """Also after an elided article: "L'ULC" defines "ULC", not "L'ULC"."""
    assert Alias(expansion, acronym, "", "", acronym=True) in aliases_of(text)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Un incendie a touché une ferme de Janzé (Ille-et-Vilaine) mardi.",
        "Octave Perrichon (PS) a voté contre le budget.",
    ],
)
def test_parentheses_that_define_nothing(text: str) -> None:
    """A place or a party label in parentheses is no acronym definition."""
    assert [a for a in aliases_of(text) if a.acronym] == []


# --- pure text rules ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("acronym", "words", "expected"),
    [
        ("CRU", ["Collectif", "des", "Riverains", "Unis"], True),
        ("CDRU", ["Collectif", "des", "Riverains", "Unis"], True),  # a small word may give its letter
        ("C.R.U.", ["Collectif", "des", "Riverains", "Unis"], True),  # dots are not letters
        ("ULC", ["Union", "pour", "la", "libération", "de", "la", "Camargue"], True),
        ("CR", ["Collectif", "des", "Riverains", "Unis"], False),  # "Unis" must give its letter
        ("RU", ["Collectif", "des", "Riverains", "Unis"], False),  # must start with the first word
        ("CRV", ["Collectif", "des", "Riverains", "Unis"], False),
        ("C", ["Collectif"], False),  # one letter is no acronym
        ("CRU", [], False),
    ],
)
def test_initials_match(acronym: str, words: list[str], expected: bool) -> None:
    assert initials_match(acronym, words) is expected


def test_acronym_aliases_after_the_expansion() -> None:
    assert acronym_aliases("Le Collectif des Riverains Unis (CRU) a saisi la justice.") == [
        Alias("Collectif des Riverains Unis", "CRU", "", "", acronym=True)]


def test_acronym_aliases_before_the_expansion_with_an_elided_article() -> None:
    assert acronym_aliases("L'ULC (Union pour la libération de la Camargue) a revendiqué l'incendie.") == [
        Alias("Union pour la libération de la Camargue", "ULC", "", "", acronym=True)]


@pytest.mark.parametrize(
    "text",
    [
        "Un incendie a touché une ferme de Janzé (Ille-et-Vilaine) mardi.",
        "Octave Perrichon (PS) a voté contre le budget.",
        "Le comité de quartier (CRU) a saisi la justice.",  # the words before do not spell it
        "Le CRU (comité de quartier) a saisi la justice.",  # nor do the words inside
    ],
)
def test_acronym_aliases_need_the_initials_to_agree(text: str) -> None:
    assert acronym_aliases(text) == []
