"""The French lexicons the attribution rules read, loaded once from package data.

Keeping words in data files (not code) lets another language be a lexicon away, and lets a
reader extend the cue list without touching the rules.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def _load(name: str) -> dict:
    return json.loads((resources.files("guillemet") / "data" / name).read_text(encoding="utf-8"))


def _bare(lemma: str) -> str:
    """'se féliciter' / "s'exclamer" -> 'féliciter' / 'exclamer': spaCy lemmatises the verb alone."""
    for prefix in ("se ", "s'"):
        if lemma.startswith(prefix):
            return lemma[len(prefix):]
    return lemma


def _with_reformed_spelling(words) -> frozenset[str]:
    """The words and their 1990 spellings without circumflex on i and u ("reconnaître" and
    "reconnaitre", "paraître" and "paraitre"): both are correct French and both are printed."""
    words = set(words)
    return frozenset(words | {w.replace("î", "i").replace("û", "u") for w in words})


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Sets for O(1) look-ups by the rules."""

    tier1: frozenset[str]
    tier2: frozenset[str]
    incise: frozenset[str]
    stems: tuple[str, ...]
    reflexive: frozenset[str]
    bad_subjects: frozenset[str]
    selon: frozenset[str]
    document: frozenset[str]
    service: frozenset[str]
    organisation: frozenset[str]
    government: frozenset[str]
    group: frozenset[str]
    person: frozenset[str]
    pronouns: dict[str, str]
    honorifics: frozenset[str]
    possessives: frozenset[str]
    determiners: frozenset[str]
    heads: frozenset[str] = frozenset()
    time_words: frozenset[str] = frozenset()

    def speaker_heads(self) -> frozenset[str]:
        """Every head noun that can designate a source."""
        return self.heads


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon, parsed once per process."""
    verbs = _load("reporting_verbs.json")
    nouns = _load("speaker_nouns.json")
    tier1 = _with_reformed_spelling(_bare(v) for v in verbs["tier1"])
    tier2 = _with_reformed_spelling(_bare(v) for v in verbs["tier2"]) - tier1
    incise = _with_reformed_spelling(_bare(v) for v in verbs["incise"]) | tier1 | tier2
    stems = tuple(sorted({v[:-2] for v in tier1 if len(v) >= 7 and v[-2:] in ("er", "ir", "re")}))
    kinds = ("document", "service", "organisation", "government", "group", "person")
    heads = frozenset(word for kind in kinds for word in nouns[kind])
    return Lexicon(
        heads=heads,
        time_words=frozenset(nouns["time_words"]),
        tier1=tier1,
        tier2=tier2,
        incise=incise,
        stems=stems,
        reflexive=frozenset(verbs["reflexive"]),
        bad_subjects=frozenset(verbs["not_reporting_subjects"]),
        selon=frozenset(verbs["selon"]),
        document=frozenset(nouns["document"]),
        service=frozenset(nouns["service"]),
        organisation=frozenset(nouns["organisation"]),
        government=frozenset(nouns["government"]),
        group=frozenset(nouns["group"]),
        person=frozenset(nouns["person"]),
        pronouns=dict(nouns["pronouns"]),
        honorifics=frozenset(nouns["honorifics"]),
        possessives=frozenset(nouns["possessives"]),
        determiners=frozenset(nouns["determiners"]),
    )
