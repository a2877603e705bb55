"""Document-level coreference of sources, once every paragraph has been read.

The reading-order resolver (`resolve.py`) links a mention to what came before it. Many
sources are only settled by the whole article: a description in the title before the name
("le maire de New York appelle …" then "Le maire de New York, Michael Bloomberg, …"), an
acronym used before or after its definition, "l'ONG" and "l'organisation" for the one
organisation quoted. This stage merges the clusters that the article shows to be one
source, each merge a small named rule:

1. `same_acronym`: "HRW" and "Human Rights Watch" (initials, or a definition in
   parentheses), "SUD" and "SUD-PTT" (the first part of a hyphenated acronym);
2. `described_by_table`: a description that the article's own alias table gives to a name
   ("le maire de New York" -> "Michael Bloomberg"), by head noun and words, either way round;
3. `salient_referent`: a short definite description with no entry in the table ("le
   chercheur", "l'organisation") goes to the most salient compatible named source of its
   kind and gender: one already quoted before it, else the nearest named before it.

The canonical name of a merged source is its fullest proper name (an acronym's expansion
rather than the acronym).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .aliases import initials_match
from .lexicon import lexicon
from .types import Alias

_ACRONYM = re.compile(r"^[A-ZÉÈ][A-ZÉÈ0-9&.-]{1,9}$")
_SMALL = frozenset({"de", "du", "des", "d'", "la", "le", "les", "l'", "et", "en", "à", "au", "aux"})
_DEFINITE = frozenset({"le", "la", "l'", "l’", "les", "ce", "cet", "cette", "ces"})


def fold(word: str) -> str:
    """A word compared without case, accents or typographic apostrophes."""
    word = word.casefold().replace("’", "'")
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def content_words(text: str) -> frozenset[str]:
    """The words of a description that carry meaning ("maire de New York" -> maire, new, york)."""
    words = (fold(w) for w in re.findall(r"[\w'’-]+", text))
    return frozenset(w[2:] if w[:2] in ("l'", "d'") else w for w in words if w not in _SMALL)


@dataclass
class Description:
    """One description of a source as the text gives it ("l'expert", "le maire de X")."""

    start: int
    head: str
    text: str
    definite: bool
    possessive: bool
    plural: bool
    gender: str


@dataclass
class Source:
    """What the merge needs to know of a cluster of mentions."""

    key: int
    kind: str
    name: str
    gender: str
    first: int
    quoted_at: list[int] = field(default_factory=list)
    mentions: list[int] = field(default_factory=list)
    descriptions: list[Description] = field(default_factory=list)


class _Groups:
    """Union-find over source keys; the root is the earliest source of its group."""

    def __init__(self, sources: dict[int, Source]) -> None:
        self.parent = {key: key for key in sources}
        self.sources = sources

    def find(self, key: int) -> int:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            first, second = sorted((ra, rb), key=lambda k: self.sources[k].first)
            self.parent[second] = first


def _name_key(name: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in re.findall(r"[\w'’-]+", name))


def _is_acronym(name: str) -> bool:
    return bool(_ACRONYM.match(name.strip()))


def same_acronym(a: Source, b: Source, defined: dict[str, str]) -> bool:
    """"HRW" is "Human Rights Watch"; "SUD" is "SUD-PTT"."""
    for short, full in ((a, b), (b, a)):
        if not short.name or not full.name or not _is_acronym(short.name):
            continue
        words = re.findall(r"[\w'’-]+", full.name)
        if defined.get(short.name) and _name_key(defined[short.name]) == _name_key(full.name):
            return True
        if len(words) >= 2 and initials_match(short.name, words):
            return True
        if _is_acronym(full.name) and full.name.startswith(short.name + "-"):
            return True
    return False


def _compatible_words(description: frozenset[str], role: frozenset[str]) -> bool:
    """One refines the other: "le président" and "président de la République" agree,
    "maire de Paris" and "maire de Lyon" do not."""
    return description <= role or role <= description


def described_by_table(description: Description, aliases: list[Alias]) -> str | None:
    """The name the article's alias table gives to this description, if exactly one does."""
    if description.possessive or description.plural or not description.head:
        return None
    words = content_words(description.text)
    names = {
        _name_key(alias.name): alias.name
        for alias in aliases
        if not alias.acronym and fold(alias.head) == fold(description.head)
        and _compatible_words(words, content_words(alias.role))
        and not (alias.gender and description.gender and alias.gender != description.gender)
    }
    return next(iter(names.values())) if len(names) == 1 else None


def _anaphoric(description: Description, kind: str) -> bool:
    """A short definite description that points back rather than introduces: "le
    chercheur", "l'expert", "l'organisation", "la centrale syndicale". A person's
    description with a complement ("le chef de la direction de l'aviation civile") is a
    first mention in its own right, and stays one."""
    if not description.definite or description.possessive or description.plural:
        return False
    words = content_words(description.text)
    if kind == "person":
        return len(words) <= 2 and not re.search(r"\b(de|du|des|d')\b", description.text.casefold().replace("’", "'"))
    return kind == "organisation"


def salient_referent(description: Description, kind: str, candidates: list[Source]) -> Source | None:
    """The named source a short description points back to: of its kind and gender, quoted
    before it if one is (the latest such), else, for a person, the nearest named one
    before it (an organisation's description may name a body never quoted: "l'armée")."""
    fitting = [s for s in candidates if s.kind == kind and s.name and not (
        # a body has no gender: "la centrale syndicale" is "le syndicat SUD"
        kind == "person" and s.gender and description.gender and s.gender != description.gender)]
    quoted = [s for s in fitting if any(q < description.start for q in s.quoted_at)]
    if quoted:
        return max(quoted, key=lambda s: max(q for q in s.quoted_at if q < description.start))
    before = [s for s in fitting if any(m < description.start for m in s.mentions)]
    if before and kind == "person":
        return max(before, key=lambda s: max(m for m in s.mentions if m < description.start))
    return None


def merge_sources(sources: dict[int, Source], aliases: list[Alias]) -> dict[int, tuple[int, str]]:
    """For each source key: (key of the source it is one with, that source's canonical name)."""
    groups = _Groups(sources)
    defined = {alias.role: alias.name for alias in aliases if alias.acronym}
    named = [s for s in sources.values() if s.name]
    by_name: dict[tuple[str, ...], Source] = {}
    for source in named:
        by_name.setdefault(_name_key(source.name), source)
    for i, a in enumerate(named):
        for b in named[i + 1:]:
            if same_acronym(a, b, defined):
                groups.union(a.key, b.key)
    person_words = lexicon().person
    for source in sources.values():
        if source.name:
            continue
        for description in source.descriptions:
            name = described_by_table(description, aliases)
            target = by_name.get(_name_key(name)) if name else None
            if target is None and _anaphoric(description, source.kind) and (
                    source.kind != "person" or description.head in person_words):
                target = salient_referent(description, source.kind, named)
            if target is not None:
                groups.union(source.key, target.key)
                break
    return _canonical(sources, groups, defined)


def _canonical(sources: dict[int, Source], groups: _Groups, defined: dict[str, str]) -> dict[int, tuple[int, str]]:
    members: dict[int, list[Source]] = {}
    for key in sources:
        members.setdefault(groups.find(key), []).append(sources[key])
    out: dict[int, tuple[int, str]] = {}
    for root, group in members.items():
        names = [s.name for s in sorted(group, key=lambda s: s.first) if s.name]
        names += [defined[n] for n in names if n in defined]
        best = max(names, key=lambda n: (0 if _is_acronym(n) else 1, len(n.split())), default="")
        for source in group:
            out[source.key] = (root, best)
    return out
