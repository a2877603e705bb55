"""When two speakers of different articles are one person or one organisation.

Articles spell a name in many ways: "Barack Obama", "B. Obama", "M. Obama", "OBAMA"; "Human
Rights Watch" and "HRW". The library compares names in a folded form (lower case, no accents,
no honorifics, typographic apostrophes made plain) so that these variants meet, and compares a
person's given name loosely (an initial matches any given name that starts with it), never the
surname. Descriptions such as "le porte-parole du ministère" name no one in particular: they
stay local to their article (`is_proper_name` says which names are worth comparing).

Pure functions only: the database code decides what to do with the keys computed here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

HONORIFICS = frozenset(
    "m mm mme mmes mlle mlles monsieur madame mademoiselle messieurs mesdames "
    "me maitre dr pr mgr sir lady lord".split()
)
"""Folded words that precede a name without being part of it."""

FUNCTION_WORDS = frozenset("de d du des la le les l et en a au aux pour sur of the and".split())
"""Folded words that an acronym skips ("Confédération générale du travail" is "CGT")."""

SURNAME_PARTICLES = frozenset("le la de du des d van von der den da di del ben bin al el ibn mac mc".split())
"""A name that starts with one of these is all surname ("Le Pen", "De Gaulle")."""

LEADING_ARTICLES = frozenset("le la les l the".split())

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'", "`": "'"})
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]*(?:-[A-Z0-9&]+)*$")
_INITIAL = re.compile(r"^(?:[A-Za-zÀ-ÿ]\.-?)+$|^[A-Za-zÀ-ÿ]$")
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*", re.UNICODE)

PERSON_KINDS = frozenset({"person"})


def fold(text: str) -> str:
    """Lower case, no accents, plain apostrophes, words separated by single spaces."""
    text = text.translate(_APOSTROPHES)
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return " ".join(_WORD.findall(plain))


def is_proper_name(name: str) -> bool:
    """True when the name holds a capitalised word that is not only its first word.

    "Barack Obama", "CGT", "Météo France", "Moody's" are names; "le ministre du budget" and
    "Le gouvernement" are descriptions, which would wrongly merge different people.
    """
    words = _name_words(name)
    if not words:
        return False
    if len(words) == 1:
        return words[0][:1].isupper() and fold(words[0]) not in LEADING_ARTICLES
    first_is_article = fold(words[0]) in LEADING_ARTICLES | HONORIFICS
    rest = words[1:] if first_is_article else words
    return any(w[:1].isupper() for w in rest)


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name split for comparison: folded given name(s) and surname.

    `given` is "" when only a surname is known ("Obama"); `initials` are the first letters of
    the given name's parts ("jean-marie" and "J.-M." are both "jm").
    """

    given: str
    surname: str

    @property
    def initials(self) -> str:
        return "".join(part[:1] for part in self.given.split("-") if part)

    @property
    def given_is_initial(self) -> bool:
        return bool(self.given) and all(len(part) == 1 for part in self.given.split("-"))

    @property
    def display_key(self) -> str:
        return f"{self.given} {self.surname}".strip()


def person_name(name: str) -> PersonName | None:
    """The name's given name and surname, without honorifics; None if no word is left."""
    words = _strip_honorifics(_name_words(name))
    if not words:
        return None
    if len(words) == 1 or fold(words[0]) in SURNAME_PARTICLES:
        return PersonName("", fold(" ".join(words)))
    given_word, rest = words[0], words[1:]
    # Initials after the given name ("John F. Kennedy") are no part of the surname.
    while len(rest) > 1 and _INITIAL.match(rest[0]):
        rest = rest[1:]
    given = "-".join(fold(given_word.replace(".", " ")).split()).replace(" ", "-")
    return PersonName(given, fold(" ".join(rest)))


def same_person(a: PersonName, b: PersonName) -> bool:
    """Same surname, and given names that agree: equal, or one an initial of the other.

    A bare surname ("Obama") is *compatible* with any given name; whether it may join a full
    name is the caller's decision (only when that full name is the only one with the surname).
    """
    if a.surname != b.surname:
        return False
    if not a.given or not b.given:
        return True
    if a.given == b.given:
        return True
    if a.given_is_initial or b.given_is_initial:
        return a.initials == b.initials
    return False


def organisation_aliases(name: str, mentions: tuple[str, ...] = ()) -> set[tuple[str, str]]:
    """(kind, folded value) pairs under which an organisation may be found again.

    kind is "name" (the folded name, without a leading article), "acronym" (an upper-case word
    seen in the name or in a mention: "HRW", "SUD-PTT") or "initials" (the initials of a name of
    two or more significant words: "Human Rights Watch" gives "hrw"). An acronym matches a name,
    an acronym or initials; initials alone never match initials (two unrelated names can share
    them).
    """
    aliases: set[tuple[str, str]] = set()
    folded = _without_article(fold(name))
    if folded:
        aliases.add(("name", folded))
    for text in (name, *mentions):
        for word in _name_words(text):
            if _ACRONYM.match(word) and 2 <= len(word.replace("-", "")) <= 10:
                aliases.add(("acronym", fold(word)))
    significant = [w for w in folded.split() if w not in FUNCTION_WORDS]
    if len(significant) >= 2:
        aliases.add(("initials", "".join(w[0] for w in significant)))
    return aliases


def aliases_match(mine: set[tuple[str, str]], theirs: set[tuple[str, str]]) -> bool:
    """True when two alias sets name the same organisation (see `organisation_aliases`)."""
    for kind, value in mine:
        for other_kind, other_value in theirs:
            if value == other_value and _kinds_meet(kind, other_kind):
                return True
    return False


def _kinds_meet(a: str, b: str) -> bool:
    if a == b:
        return a != "initials"
    return "acronym" in (a, b)


def _name_words(name: str) -> list[str]:
    """The words of a name as written, with "M.Houdré" cut after its honorific."""
    text = name.translate(_APOSTROPHES)
    text = re.sub(r"\b(Mmes?|Mlles?|MM?|Dr|Pr)\.(?=\w)", r"\1. ", text)
    return [w for w in re.split(r"[\s,;:()«»\"]+", text) if w and w not in {"'", "-", "."}]


def _strip_honorifics(words: list[str]) -> list[str]:
    while words and fold(words[0]) in HONORIFICS and len(words) > 1:
        words = words[1:]
    return words


def _without_article(folded: str) -> str:
    words = folded.split()
    while len(words) > 1 and words[0] in LEADING_ARTICLES:
        words = words[1:]
    return " ".join(words)
