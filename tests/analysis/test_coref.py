"""Document-level merge of sources, on hand-built sources and aliases (no model).

Each merge rule is checked on its own, then `merge_sources` for the name the merged
speaker ends up with: these rules decide whether two quotes share one speaker, so both a
missed merge and a wrong one must show here.
"""

from __future__ import annotations

from guillemet.analysis.attribution.coref import (
    Description,
    Source,
    described_by_table,
    merge_sources,
    salient_referent,
    same_acronym,
)
from guillemet.analysis.attribution.types import Alias


def org(key: int, name: str, first: int = 0, **kw) -> Source:  # type: ignore[no-untyped-def]
    return Source(key, "organisation", name, "", first, **kw)


def person(key: int, name: str, gender: str, first: int = 0, **kw) -> Source:  # type: ignore[no-untyped-def]
    return Source(key, "person", name, gender, first, **kw)


def definite(start: int, head: str, text: str | None = None, gender: str = "") -> Description:
    """A definite singular description ("le maire", "l'experte")."""
    return Description(start, head, text or head, definite=True, possessive=False, plural=False, gender=gender)


MAYOR = Alias("Octave Perrichon", "maire de Montbrison", "maire", "m")


# --- same_acronym -------------------------------------------------------------------------


def test_acronym_spelt_by_the_initials_of_the_name() -> None:
    short, full = org(0, "CRU"), org(1, "Collectif des Riverains Unis")
    assert same_acronym(short, full, {})
    assert same_acronym(full, short, {})  # either way round


def test_acronym_not_spelt_by_the_name_is_another_source() -> None:
    assert not same_acronym(org(0, "CRU"), org(1, "Comité des Riverains de Vienne"), {})


def test_acronym_defined_in_parentheses_merges_even_when_the_initials_differ() -> None:
    """A foreign acronym of a French name: only the article's definition can tell."""
    short, full = org(0, "FCF"), org(1, "Union des Pêcheurs Côtiers")
    assert not same_acronym(short, full, {})
    assert same_acronym(short, full, {"FCF": "Union des Pêcheurs Côtiers"})
    assert not same_acronym(short, full, {"FCF": "Union des Marins"})


def test_acronym_is_the_first_part_of_a_hyphenated_acronym() -> None:
    assert same_acronym(org(0, "STR"), org(1, "STR-PTA"), {})
    assert same_acronym(org(0, "STR-PTA"), org(1, "STR"), {})
    assert not same_acronym(org(0, "STR"), org(1, "STX-PTA"), {})
    assert not same_acronym(org(0, "PTA"), org(1, "STR-PTA"), {})  # only the first part


def test_a_one_word_name_is_never_expanded_by_initials() -> None:
    """Initials need a name of two words or more: "Cresson" is no expansion of "CR"."""
    assert not same_acronym(org(0, "CR"), org(1, "Cresson"), {})


# --- described_by_table -------------------------------------------------------------------


def test_short_description_refined_by_the_role() -> None:
    assert described_by_table(definite(10, "maire"), [MAYOR]) == "Octave Perrichon"


def test_longer_description_refines_a_short_role() -> None:
    alias = Alias("Octave Perrichon", "maire", "maire", "m")
    assert described_by_table(definite(10, "maire", "maire de Montbrison"), [alias]) == "Octave Perrichon"


def test_description_with_another_complement_does_not_match() -> None:
    assert described_by_table(definite(10, "maire", "maire de Villefranche"), [MAYOR]) is None


def test_description_needs_the_same_head() -> None:
    assert described_by_table(definite(10, "adjoint", "adjoint"), [MAYOR]) is None


def test_two_names_for_one_description_give_none() -> None:
    other = Alias("Hortense Vaillant", "maire de Villefranche", "maire", "f")
    assert described_by_table(definite(10, "maire"), [MAYOR, other]) is None


def test_one_name_given_twice_is_still_one_name() -> None:
    again = Alias("Octave  Perrichon", "maire", "maire", "m")  # same words, other spacing
    assert described_by_table(definite(10, "maire"), [MAYOR, again]) in ("Octave Perrichon", "Octave  Perrichon")


def test_gender_clash_gives_none() -> None:
    assert described_by_table(definite(10, "maire", gender="f"), [MAYOR]) is None
    assert described_by_table(definite(10, "maire", gender="m"), [MAYOR]) == "Octave Perrichon"
    assert described_by_table(definite(10, "maire", gender=""), [MAYOR]) == "Octave Perrichon"


def test_possessive_plural_and_acronym_entries_are_not_resolved() -> None:
    possessive = Description(10, "maire", "maire", definite=True, possessive=True, plural=False, gender="m")
    plural = Description(10, "maire", "maires", definite=True, possessive=False, plural=True, gender="m")
    assert described_by_table(possessive, [MAYOR]) is None
    assert described_by_table(plural, [MAYOR]) is None
    acronym = Alias("Collectif des Riverains Unis", "CRU", "cru", "", acronym=True)
    assert described_by_table(definite(10, "cru", "CRU"), [acronym]) is None


# --- salient_referent ---------------------------------------------------------------------


def test_quoted_person_beats_a_nearer_merely_mentioned_one() -> None:
    quoted = person(0, "Benoît Vallorbe", "m", quoted_at=[20], mentions=[10])
    mentioned = person(1, "Gaspard Lemoine", "m", first=80, mentions=[80])
    assert salient_referent(definite(100, "chercheur"), "person", [quoted, mentioned]) is quoted


def test_latest_quoted_before_the_description_wins() -> None:
    early = person(0, "Benoît Vallorbe", "m", quoted_at=[10], mentions=[10])
    late = person(1, "Gaspard Lemoine", "m", first=40, quoted_at=[50], mentions=[40])
    after = person(2, "Armand Cazeneuve", "m", first=150, quoted_at=[160], mentions=[150])
    assert salient_referent(definite(100, "chercheur"), "person", [early, late, after]) is late


def test_person_falls_back_to_the_nearest_named_before() -> None:
    far = person(0, "Benoît Vallorbe", "m", mentions=[10])
    near = person(1, "Gaspard Lemoine", "m", first=60, mentions=[60])
    later = person(2, "Armand Cazeneuve", "m", first=150, mentions=[150])
    assert salient_referent(definite(100, "chercheur"), "person", [far, near, later]) is near


def test_person_filter_by_gender() -> None:
    claire = person(0, "Claire Fontenay", "f", mentions=[10])
    benoit = person(1, "Benoît Vallorbe", "m", first=60, mentions=[60])
    assert salient_referent(definite(100, "experte", gender="f"), "person", [claire, benoit]) is claire
    assert salient_referent(definite(100, "expert", gender="m"), "person", [claire, benoit]) is benoit
    assert salient_referent(definite(100, "experte", gender="f"), "person", [benoit]) is None


def test_organisation_needs_a_quoted_candidate() -> None:
    """"l'armée" may be a body the article never quoted: no nearest-named fallback."""
    mentioned = org(0, "Horizons Solidaires", mentions=[10])
    assert salient_referent(definite(100, "organisation"), "organisation", [mentioned]) is None
    quoted = org(1, "Force Paysanne", first=30, quoted_at=[40], mentions=[30])
    assert salient_referent(definite(100, "organisation"), "organisation", [mentioned, quoted]) is quoted


def test_organisation_has_no_gender_to_clash() -> None:
    """"la centrale syndicale" is "le syndicat Force Paysanne"."""
    union = Source(0, "organisation", "Force Paysanne", "m", 0, quoted_at=[10], mentions=[0])
    found = salient_referent(definite(100, "centrale", "centrale syndicale", gender="f"), "organisation", [union])
    assert found is union


def test_referent_must_be_of_the_description_kind() -> None:
    body = org(0, "Horizons Solidaires", quoted_at=[10], mentions=[0])
    assert salient_referent(definite(100, "chercheur"), "person", [body]) is None


# --- merge_sources ------------------------------------------------------------------------


def test_acronym_and_full_name_merge_under_the_full_name() -> None:
    sources = {0: org(0, "UPC", first=0, quoted_at=[0]), 1: org(1, "Union des Pêcheurs Côtiers", first=50)}
    merged = merge_sources(sources, [])
    assert merged[0] == merged[1] == (0, "Union des Pêcheurs Côtiers")  # root: the earliest


def test_lone_acronym_is_named_by_its_definition() -> None:
    definition = Alias("Union des Pêcheurs Côtiers", "FCF", "", "", acronym=True)
    merged = merge_sources({0: org(0, "FCF", quoted_at=[0])}, [definition])
    assert merged[0] == (0, "Union des Pêcheurs Côtiers")


def test_description_before_the_name_joins_the_name() -> None:
    """The title's "le maire de Montbrison" speaks before the article names him."""
    title = Source(0, "person", "", "m", 0, quoted_at=[5], mentions=[0],
                   descriptions=[definite(0, "maire", "maire de Montbrison", gender="m")])
    named = person(1, "Octave Perrichon", "m", first=80, quoted_at=[120], mentions=[80])
    merged = merge_sources({0: title, 1: named}, [MAYOR])
    assert merged[0] == merged[1] == (0, "Octave Perrichon")


def test_description_of_another_town_stays_apart() -> None:
    other = Source(0, "person", "", "m", 0, quoted_at=[5], mentions=[0],
                   descriptions=[definite(0, "maire", "maire de Villefranche", gender="m")])
    named = person(1, "Octave Perrichon", "m", first=80, quoted_at=[120], mentions=[80])
    merged = merge_sources({0: other, 1: named}, [MAYOR])
    assert merged[0][0] != merged[1][0]
    assert merged[1] == (1, "Octave Perrichon")


def test_short_person_description_joins_the_salient_person() -> None:
    named = person(0, "Benoît Vallorbe", "m", mentions=[0])
    researcher = Source(1, "person", "", "m", 100, quoted_at=[90], mentions=[100],
                        descriptions=[definite(100, "chercheur", gender="m")])
    merged = merge_sources({0: named, 1: researcher}, [])
    assert merged[1] == (0, "Benoît Vallorbe")


def test_short_organisation_description_joins_the_quoted_organisation() -> None:
    named = org(0, "Horizons Solidaires", quoted_at=[5], mentions=[0])
    body = Source(1, "organisation", "", "f", 100, quoted_at=[110], mentions=[100],
                  descriptions=[definite(100, "organisation", gender="f")])
    merged = merge_sources({0: named, 1: body}, [])
    assert merged[1] == (0, "Horizons Solidaires")


def test_description_with_a_complement_is_a_new_person() -> None:
    """"le chef de la brigade fluviale" introduces someone; it does not point back."""
    named = person(0, "Benoît Vallorbe", "m", mentions=[0])
    chief = Source(1, "person", "", "m", 100, quoted_at=[90], mentions=[100],
                   descriptions=[definite(100, "chef", "chef de la brigade fluviale", gender="m")])
    merged = merge_sources({0: named, 1: chief}, [])
    assert merged[1] == (1, "")
