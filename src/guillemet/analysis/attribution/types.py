"""Plain data passed between the two attribution steps and handed to the engine.

The per-paragraph step reduces a spaCy Doc to these small frozen records so that a long
document can be streamed: the engine drops each Doc as soon as it is read, keeps the findings,
and runs the cheap document-level resolution over them. Offsets are in the normalised text.
"""

from __future__ import annotations

from dataclasses import dataclass

SpanPair = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Mention:
    """A noun phrase that may designate a source: a name, a description or a pronoun.

    `name` is the proper name inside or glued to the phrase ("le ministre X" -> X), `role`
    the descriptive part without determiner ("ministre français des Armées"), `head` the
    lemma of the head noun, used to match later short descriptions and to pick a kind.
    """

    start: int
    end: int
    text: str
    head: str
    name: SpanPair | None = None
    name_text: str = ""
    role: str = ""
    label: str = ""  # entity label of the name (PER, ORG, LOC, MISC) or ""
    gender: str = ""  # "m", "f" or ""
    plural: bool = False
    pronoun: bool = False
    possessive: bool = False  # "son service de presse": speaks for the previous source
    subject: bool = False  # grammatical subject: what a later pronoun most likely refers to


@dataclass(frozen=True, slots=True)
class FoundQuote:
    """One statement found in a paragraph, before its speaker is resolved.

    `follows_previous` marks a floating quote or a continuation ("Et d'ajouter : « … »")
    whose speaker is the previous statement's; `turn` a dialogue turn ("— Ah !").
    """

    start: int
    end: int
    type: str
    cue: SpanPair | None
    mention: Mention | None
    follows_previous: bool = False
    turn: bool = False  # a dialogue turn, whose untagged speaker the exchange decides
    self_mentions: tuple[SpanPair, ...] = ()  # "je", "moi" inside a direct quotation
    labelled: bool = False  # a transcript turn whose label ("Jean Dupont :") names the speaker
    addressee: Mention | None = None  # a name the turn calls ("…, Pauline ?"): who speaks next


@dataclass(frozen=True, slots=True)
class Alias:
    """A name and what the article calls it elsewhere: a role ("maire de New York", head
    noun "maire") or, with `acronym`, the letters it is shortened to ("HRW")."""

    name: str
    role: str
    head: str
    gender: str = ""
    acronym: bool = False


@dataclass(frozen=True, slots=True)
class ParagraphFindings:
    """What one paragraph contributes: its statements and the mentions around them."""

    offset: int
    length: int
    quotes: tuple[FoundQuote, ...]
    mentions: tuple[Mention, ...]
    aliases: tuple[Alias, ...] = ()
    introduces: bool = False  # ends on a colon: what follows is announced by it
    introducer: Mention | None = None  # who that colon announces ("Oncle meunier me dit :")


@dataclass(frozen=True, slots=True)
class RawQuote:
    """A resolved statement; `speaker` is a key into `Attributions.speakers` or None."""

    start: int
    end: int
    type: str
    cue: SpanPair | None
    mention: SpanPair | None
    speaker: int | None


@dataclass(frozen=True, slots=True)
class RawSpeaker:
    """A resolved source. `name_span`, when set, is a span whose slice is the name."""

    key: int
    name: str
    name_span: SpanPair | None
    kind: str
    mentions: tuple[SpanPair, ...]


@dataclass(frozen=True, slots=True)
class Attributions:
    """The attribution result of a document: statements sorted by start, their speakers."""

    quotes: tuple[RawQuote, ...]
    speakers: tuple[RawSpeaker, ...]
