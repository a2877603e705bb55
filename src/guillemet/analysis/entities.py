"""Turn the model's raw entities into the ones a reader can trust.

The statistical NER gets the core of a name right but its edges wrong in ways a reader
notices at once: a title glued to a person ("Armées Sébastien Lecornu", "ministre Sébastien
Lecornu"), a determiner or a quotation mark swallowed ("la France", "« Le Monde"), a lone
"Il" tagged as a person, a ministry tagged as a place. These rules fix the edges from a small
lexicon (data/titles.json) and only ever shrink a span, so they never invent an entity and
never cross a paragraph (or a line) boundary.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from guillemet.analysis.models import ENTITY_LABELS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_KEPT_LABELS = frozenset(ENTITY_LABELS)
_CUTTING_MARKS = frozenset({"!", "?", "!?", "?!", "…", "..."})
_LABEL_ALIASES = {"PERSON": "PER", "GPE": "LOC", "NORP": "MISC", "FAC": "LOC", "ORGANIZATION": "ORG"}


@dataclass(frozen=True, slots=True)
class TitleLexicon:
    """The words trimmed from entity edges, as lower-cased sets."""

    honorifics: frozenset[str]
    titles: frozenset[str]
    portfolios: frozenset[str]
    name_particles: frozenset[str]
    function_words: frozenset[str]
    interjections: frozenset[str]
    organisation_heads: frozenset[str]

    @property
    def not_a_name(self) -> frozenset[str]:
        """Words that may precede a person's name but never start it."""
        return self.honorifics | self.titles | self.portfolios


@lru_cache(maxsize=1)
def title_lexicon() -> TitleLexicon:
    """The bundled lexicon of titles, roles and function words (read once)."""
    raw = json.loads(
        resources.files("guillemet").joinpath("data/titles.json").read_text(encoding="utf-8")
    )
    return TitleLexicon(
        **{
            key: frozenset(word.lower() for word in raw[key])
            for key in TitleLexicon.__dataclass_fields__
        }
    )


def clean_entities(doc: Doc, *, lexicon: TitleLexicon | None = None) -> list[Span]:
    """The doc's entities with their edges fixed, relabelled to PER/ORG/LOC/MISC.

    Returns new spans (token-aligned, never overlapping, in order); entities with nothing
    left that could be a name are dropped.
    """
    lexicon = lexicon or title_lexicon()
    cleaned: list[Span] = []
    for entity in doc.ents:
        label = _LABEL_ALIASES.get(entity.label_, entity.label_)
        if label not in _KEPT_LABELS:
            continue
        start, end = _cut_at_break(doc, entity.start, entity.end)
        for piece_start, piece_end, piece_label in _split_role_from_person(
            doc, start, end, label, lexicon
        ):
            piece = _clean_piece(doc, piece_start, piece_end, piece_label, lexicon)
            if piece is not None:
                cleaned.append(piece)
    return cleaned


def _clean_piece(
    doc: Doc, start: int, end: int, label: str, lexicon: TitleLexicon
) -> Span | None:
    """The trimmed, relabelled entity, or None if nothing name-like is left."""
    start, end = _trim(doc, start, end, label, lexicon)
    if start >= end or not _could_be_a_name(doc[start:end], lexicon):
        return None
    if label in ("LOC", "MISC") and doc[start].lower_ in lexicon.organisation_heads:
        label = "ORG"
    return _span(doc, start, end, label)


def _split_role_from_person(
    doc: Doc, start: int, end: int, label: str, lexicon: TitleLexicon
) -> list[tuple[int, int, str]]:
    """Split "Armées Sébastien Lecornu" (after "ministre des") into ORG + PER.

    Smaller models tag a portfolio and the minister's name as one ORG; when the entity
    starts with portfolio words, a title precedes it closely, and two or more capitalised
    words follow the portfolio, the rest is the person.
    """
    if label == "PER":
        return [(start, end, label)]
    split = start
    while split < end and doc[split].lower_ in lexicon.portfolios and _is_capitalised(doc[split]):
        split += 1
    rest = doc[split:end]
    if (
        split == start
        or len(rest) < 2
        or not all(_is_capitalised(t) or t.lower_ in lexicon.name_particles for t in rest)
        or not any(t.lower_ in lexicon.titles for t in doc[max(0, start - 5) : start])
    ):
        return [(start, end, label)]
    return [(start, split, "ORG"), (split, end, "PER")]


def set_clean_entities(doc: Doc) -> list[Span]:
    """Replace `doc.ents` by the cleaned entities (so later rules see them) and return them."""
    cleaned = clean_entities(doc)
    doc.ents = cleaned
    return cleaned


def _span(doc: Doc, start: int, end: int, label: str) -> Span:
    from spacy.tokens import Span

    return Span(doc, start, end, label=label)


def _cut_at_break(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Keep the part of the entity before any line break (whole-document Docs only) or
    exclamation/question mark ("Malheureux ! malheureux" is not one name)."""
    for index in range(start, end):
        token = doc[index]
        if (token.is_space and "\n" in token.text) or token.text in _CUTTING_MARKS:
            return start, index
    return start, end


def _trim(doc: Doc, start: int, end: int, label: str, lexicon: TitleLexicon) -> tuple[int, int]:
    """Shrink [start, end) past leading and trailing words that are not part of the name."""
    while start < end:
        token = doc[start]
        if token.is_punct or token.is_space:
            start += 1
        elif label == "PER" and _is_title_before_name(doc, start, end, lexicon):
            start += 1
        elif label != "PER" and _is_leading_determiner(token, lexicon):
            start += 1
        else:
            break
    while end > start:
        token = doc[end - 1]
        if token.is_punct or token.is_space or (
            token.lower_ in lexicon.function_words and not _is_capitalised(token)
        ):
            end -= 1
        else:
            break
    return start, end


def _is_title_before_name(doc: Doc, index: int, end: int, lexicon: TitleLexicon) -> bool:
    """True if the token at `index` is a title, role or lower-case word before a name.

    Name particles ("de Gaulle", "van Gogh") are kept when a capitalised name follows.
    """
    token = doc[index]
    lower = token.lower_
    if lower in lexicon.not_a_name:
        return True
    if _is_capitalised(token):
        return False
    if lower in lexicon.name_particles and index + 1 < end:
        following = doc[index + 1]
        return not _is_capitalised(following) or following.lower_ in lexicon.not_a_name
    return True


def _is_leading_determiner(token: Token, lexicon: TitleLexicon) -> bool:
    """A determiner or preposition at the head of a non-person entity ("la France").

    A capitalised one is kept mid-sentence, where it is part of a name ("Le Monde").
    """
    if token.lower_ not in lexicon.function_words:
        return False
    return not _is_capitalised(token) or bool(token.is_sent_start)


def _is_capitalised(token: Token) -> bool:
    first = token.text[:1]
    return first.isupper()


def _could_be_a_name(span: Span, lexicon: TitleLexicon) -> bool:
    """False for what is only function words, punctuation or numbers, under two letters,
    all lower case ("pauvre garçon", unless it heads an organisation: "commission
    européenne"), or a lone interjection ("Oh", "Hélas")."""
    text = span.text
    if sum(1 for char in text if char.isalpha()) < 2:
        return False
    if not any(char.isupper() for char in text) and span[0].lower_ not in lexicon.organisation_heads:
        return False
    if len(span) == 1 and (span[0].pos_ == "INTJ" or span[0].lower_ in lexicon.interjections):
        return False
    return any(
        not (token.is_stop or token.is_punct or token.is_space or token.like_num)
        for token in span
    )
