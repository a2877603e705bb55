"""The JSON lexicons hold words of the language, never names of people, organisations or places.

A name in a lexicon ("washington" as a government, "kremlin") makes the rules right on the
articles it was added for and wrong elsewhere, and ties the lexicon to one period of the news.

How a name is told from a word: each entry, lowercase as stored, is put in several neutral
French carrier sentences (noun slots for nouns, infinitive slots for verbs) and read by the real
model. A common noun there is a NOUN; a name is still recognised by the model as a name (a
named entity, or PROPN) even in lowercase. One sentence can mislead the tagger, so an entry is
flagged when a majority of its sentences say "name", or when two of them put it inside a
named entity (the entity recogniser is the stronger signal). The capitalised form is not
tried: in French news any capitalised word in running text looks like a name to the model.

The lists of words that stand next to names or inside them (honorifics "m.", particles "van",
"al") and the closed grammatical lists (determiners, pronouns, interjections) are not read by
the model: it was trained to read them as part of a name, which they are not. They get the
structural checks only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

pytestmark = pytest.mark.model

DATA = Path(__file__).resolve().parents[2] / "src" / "guillemet" / "data"

# Lists read by the model, by the kind of slot their entries fill.
VERB_LISTS = frozenset(("tier1", "tier2", "incise", "reflexive"))
GRAMMAR_LISTS = frozenset((
    "honorifics", "name_particles", "function_words", "determiners", "possessives",
    "pronouns", "interjections", "not_reporting_subjects", "selon",
))

NOUN_CARRIERS = (
    "Hier soir, chaque {} a été évoqué dans les journaux.",
    "Ils ont beaucoup parlé de leur {} hier soir.",
    "Ce matin, on a parlé de {} dans les journaux.",
    "On a vu un {} près de la gare.",
    "Il a été question de {} pendant toute la réunion.",
    "Tout le monde attendait {} depuis longtemps.",
)
VERB_CARRIERS = (
    "Hier soir, elle a voulu {} devant tout le monde.",
    "Il ne faut pas {} trop vite.",
    "Ils vont {} demain matin.",
)

# Common nouns the model misreads in every carrier tried, each with the reason it is a word:
ALLOWED = {
    "etat": "état written without its accent (as in 'Etat'); the model does not know the spelling",
    "shah": "the title of the kings of Iran, a common noun, mostly seen before a name",
}

_ENTRY = re.compile(r"^[a-zàâäçéèêëîïôöùûüÿœæ'’. -]+$")


def lexicon_entries(data: Path = DATA) -> Iterator[tuple[str, str, str]]:
    """(file name, list name, entry) of every word of every JSON lexicon in `data`."""
    for path in sorted(data.glob("*.json")):
        for key, value in json.loads(path.read_text(encoding="utf-8")).items():
            if not key.startswith("_"):
                yield from ((path.name, key, entry) for entry in _strings(value))


def _strings(value: object) -> Iterator[str]:
    """The strings of a list, a dict's keys, or nested lists of them."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        yield from value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    else:
        raise TypeError(f"unexpected lexicon value {value!r}")


def _says_name(sentence: spacy.tokens.Doc, start: int, end: int) -> tuple[bool, bool]:
    """(tagged PROPN or in an entity, in an entity) for the characters start:end."""
    tokens = [t for t in sentence if t.idx < end and t.idx + len(t) > start]
    in_entity = any(e.start_char < end and e.end_char > start for e in sentence.ents)
    return in_entity or any(t.pos_ == "PROPN" for t in tokens), in_entity


def names_among(nlp: Language, entries: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The entries the model reads as names (see the module docstring for the rule)."""
    slots = [(entry, carrier) for entry in entries for carrier in _carriers(entry)]
    docs = nlp.pipe((carrier.format(entry[2]) for entry, carrier in slots), batch_size=256)
    votes: dict[tuple[str, str, str], list[tuple[bool, bool]]] = {}
    for (entry, carrier), doc in zip(slots, docs):
        start = carrier.index("{}")
        votes.setdefault(entry, []).append(_says_name(doc, start, start + len(entry[2])))
    return [entry for entry, said in votes.items() if _is_name(said) and entry[2] not in ALLOWED]


def _carriers(entry: tuple[str, str, str]) -> tuple[str, ...]:
    return VERB_CARRIERS if entry[1] in VERB_LISTS else NOUN_CARRIERS


def _is_name(votes: list[tuple[bool, bool]]) -> bool:
    """A majority of sentences say "name", or two put the entry in a named entity."""
    names = sum(name for name, _ in votes)
    return 2 * names > len(votes) or sum(entity for _, entity in votes) >= 2


@pytest.fixture(scope="module")
def nlp() -> Language:
    from guillemet.analysis.engine import DEFAULT_MODEL

    return spacy.load(DEFAULT_MODEL)


def _model_read() -> list[tuple[str, str, str]]:
    return [e for e in lexicon_entries() if e[1] not in GRAMMAR_LISTS]


def test_lexicons_are_found_and_hold_words() -> None:
    assert len({name for name, _, _ in lexicon_entries()}) >= 3
    assert len(_model_read()) > 300


def test_lexicon_entries_are_plain_lowercase_words() -> None:
    bad = [e for e in lexicon_entries() if not _ENTRY.match(e[2]) or e[2] != e[2].strip()
           or "  " in e[2]]
    assert bad == []


def test_lexicons_hold_no_names(nlp: Language) -> None:
    assert names_among(nlp, _model_read()) == []


def test_the_name_check_tells_names_from_common_nouns(nlp: Language) -> None:
    """The rule itself: lowercase names are caught, the lexicon's kind of nouns are not."""
    names = ["washington", "moscou", "toulouse", "bruxelles", "otan", "renault", "mélenchon"]
    nouns = ["ministre", "communiqué", "gouvernement", "porte-parole", "préfecture", "syndicat",
             "ambassade", "entourage", "chancelier", "sénat", "parlement", "armée"]
    rows = [("probe", "names", w) for w in names] + [("probe", "nouns", w) for w in nouns]
    assert [w for _, _, w in names_among(nlp, rows)] == names
    assert names_among(nlp, [("probe", "tier1", w) for w in ("déclarer", "twitter")]) == []
