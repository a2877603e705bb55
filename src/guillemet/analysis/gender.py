"""The gender of each person quoted, as the article's own French marks it, or unknown.

Counting how many women and men are given a voice needs a gender per person speaker, and
guessing it from first names is both unreliable and not what the text says. French marks
gender in the words around a person: an honorific (M., Mme), a determiner or the form of a
role noun ("la ministre", "l'avocate", "le président"), an adjective ("la première
ministre"), the agreement of a participle with être ("est revenue", "Submergée par
l'émotion, X"), an inverted pronoun after the verb of saying ("a-t-elle déclaré"), an
emphatic pronoun ("X a elle relevé") and a pronoun the analysis resolved to the speaker.
Each such mark is a `GenderClue`; a speaker whose clues agree gets their gender, a speaker
with no clue or with clues that disagree stays "unknown".

This reads a finished `Analysis` and the text it indexes: no spaCy, so the library can give a
gender to analyses that come from the cache. Only speakers of kind "person" get a gender.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from guillemet.analysis.models import Analysis, Quote, Speaker, Span

FEMALE, MALE, UNKNOWN = "female", "male", "unknown"
GENDERS = (FEMALE, MALE, UNKNOWN)

_WINDOW = 90
"""Characters looked at on either side of a name for a role noun or a participle."""

_NOUN_PHRASE_WORDS = 9
"""At most this many words of a noun phrase before a name are read ("la veuve de l'ancien
président de l'Autorité palestinienne, X"); farther words belong to another phrase."""

_TOKEN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿœŒ]+(?:[-'’][A-Za-zÀ-ÖØ-öø-ÿœŒ]+)*\.?|[,;:()«»\"!?]")
_CLAUSE_BREAK = {";", ":", "«", "»", '"', "!", "?", "(", ")"}
_VERB_WORDS = frozenset(
    "a ont est sont était étaient avait avaient fut sera serait qui que qu' selon avec contre par "
    "dont où lorsque quand mais car donc se s' ne n' y".split()
)
_ETRE = frozenset("est était fut sera serait soit été".split())
_ADVERBS = frozenset(
    "ensuite alors aussi déjà également pourtant toujours encore bien même enfin finalement "
    "notamment cependant rapidement vite très".split()
)
_NOT_PARTICIPLES = frozenset(
    "au du lu eu vu tu su ici aussi ainsi parmi lui puis depuis suite vite ensuite élite "
    "une partie crise vie précise".split()
)
_HONORIFIC_BEFORE = re.compile(r"\b(?:M|Mme|Mlle|Monsieur|Madame)\.?\s*\Z")
_HONORIFIC_REACH = 16
"""Characters before a surname that hold its honorific ("Monsieur" and a few spaces)."""
_INVERTED = re.compile(r"-(?:t-)?(il|elle)\b", re.IGNORECASE)
_EMPHATIC = re.compile(r"^\s*(?:\([^)]{0,40}\)\s*)?(?:,[^,.;:«»]{1,60},\s*)?(?:a|avait|aura)\s+(elle|lui)\b")


HONORIFICS = {"mme": FEMALE, "madame": FEMALE, "mlle": FEMALE, "mademoiselle": FEMALE, "m": MALE, "monsieur": MALE}
"""A closed list, so kept here rather than in the lexicon files (folded, without the dot)."""


@dataclass(frozen=True, slots=True)
class GenderClue:
    """One mark of gender in the text: which gender, what marks it, and where."""

    gender: str
    reason: str
    start: int


@cache
def _words() -> dict:
    raw = resources.files("guillemet").joinpath("data/gender_words.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    def by_gender(group: str) -> dict[str, str]:
        return {w: g for g in (FEMALE, MALE) for w in data[f"{g}_{group}"]}

    nouns = by_gender("nouns")
    return {
        "honorifics": HONORIFICS,
        "determiners": by_gender("determiners"),
        "possessives": frozenset(data["possessives_before_vowel"]),
        "nouns": nouns,
        "roles": frozenset(nouns) | frozenset(data["epicene_nouns"]),
        "adjectives": by_gender("adjectives"),
    }


def speaker_genders(analysis: Analysis, text: str) -> dict[str, str]:
    """Speaker id to "female", "male" or "unknown", for the person speakers of `analysis`."""
    article = _ArticleIndex.of(analysis)
    return {s.id: decide(gender_clues(analysis, text, s, article)) for s in analysis.speakers if s.kind == "person"}


def decide(clues: list[GenderClue]) -> str:
    """The one gender all clues agree on, else unknown (no clue, or clues that disagree)."""
    found = {clue.gender for clue in clues}
    return found.pop() if len(found) == 1 else UNKNOWN


@dataclass(frozen=True, slots=True)
class _ArticleIndex:
    """What every speaker's clues look up in the whole analysis, gathered once: a book has
    hundreds of speakers and thousands of quotes and entities, and going through them all
    for each speaker made the genders of a 1 MB book take a second."""

    quotes: dict[str, list[Quote]]
    person_names: frozenset[str]

    @classmethod
    def of(cls, analysis: Analysis) -> _ArticleIndex:
        quotes: dict[str, list[Quote]] = {}
        for quote in analysis.quotes:
            if quote.speaker is not None:
                quotes.setdefault(quote.speaker.id, []).append(quote)
        return cls(quotes, frozenset(e.text for e in analysis.entities if e.label == "PER"))


def gender_clues(analysis: Analysis, text: str, speaker: Speaker,
                 article: _ArticleIndex | None = None) -> list[GenderClue]:
    """Every mark of gender the text gives this speaker (see the module docstring)."""
    article = article or _ArticleIndex.of(analysis)
    clues: list[GenderClue] = []
    for mention in speaker.mentions:
        clues.extend(_mention_clues(mention, text))
    for start, end in _name_occurrences(article, text, speaker):
        clues.extend(_around_name(text, start, end))
    for quote in article.quotes.get(speaker.id, ()):
        clues.extend(_quote_clues(quote.cue, quote.speaker_mention, text))
    return clues


# What a mention says by itself ------------------------------------------------------------


def _mention_clues(mention: Span, text: str) -> Iterator[GenderClue]:
    words = [w.lower() for w in _tokens(mention.text)]
    if not words:
        return
    if words in (["il"], ["t-il"], ["-t-il"]):
        yield GenderClue(MALE, "il", mention.start)
    elif words in (["elle"], ["t-elle"], ["-t-elle"]):
        yield GenderClue(FEMALE, "elle", mention.start)
    elif words == ["lui"] and _previous_word(text, mention.start) in {"selon", "pour", "d'après", "après"}:
        yield GenderClue(MALE, "selon lui", mention.start)
    else:
        gender = _noun_phrase_gender(words)
        if gender:
            yield GenderClue(gender, mention.text, mention.start)


def _noun_phrase_gender(words: list[str]) -> str | None:
    """The gender of "DET ADJ* ROLE ..." or "HONORIFIC Name", or None when it is not one.

    The determiner decides when it is marked (la ministre); else the role noun's form
    (l'avocate), else an adjective before it (l'ancienne ministre).
    """
    lex = _words()
    first = words[0].rstrip(".")
    if first in lex["honorifics"] and len(words) > 1:
        return lex["honorifics"][first]
    determiner: str | None = None
    rest = words
    if first in lex["determiners"] or first in lex["possessives"] or first in {"l'", "l’", "d'", "son"}:
        determiner, rest = first, words[1:]
    elif first.startswith(("l'", "l’")):
        determiner, rest = "l'", [first[2:], *words[1:]]
    adjective: str | None = None
    for word in rest[:4]:
        bare = word.removeprefix("ex-")
        if bare in lex["adjectives"] and word not in lex["roles"]:
            adjective = lex["adjectives"][bare]
            continue
        role = _role(word)
        if role:
            return _agree(determiner, role, lex["nouns"].get(role), adjective)
        if word in {"jeune", "grand", "grande", "célèbre", "des", "deux", "trois"} or word.endswith(("-", "ex")):
            continue  # "l'un des chercheurs": the determiner still tells
        return None
    return None


def _role(word: str) -> str | None:
    """The role noun `word` is, as listed: itself, without "ex-", its singular, or the first
    part of a compound ("président-candidat")."""
    roles = _words()["roles"]
    bare = word.removeprefix("ex-")
    for candidate in (word, bare, bare.removesuffix("s"), bare.split("-")[0]):
        if candidate in roles:
            return candidate
    return None


def _agree(determiner: str | None, noun: str, noun_gender: str | None, adjective: str | None) -> str | None:
    lex = _words()
    if determiner in lex["determiners"]:
        return lex["determiners"][determiner]
    if determiner in lex["possessives"] and not _starts_with_vowel(noun) and not adjective:
        return MALE  # "son producteur": before a consonant, son is masculine
    return noun_gender or adjective


def _starts_with_vowel(word: str) -> bool:
    return word[:1] in "aeiouyàâéèêëîïôöùûœh"


# What the words around a name say --------------------------------------------------------


def _name_occurrences(article: _ArticleIndex, text: str, speaker: Speaker) -> list[tuple[int, int]]:
    """Where the speaker's name stands: its mentions that are names, and every occurrence of its
    full name in the text (the analysis keeps only the mentions near its quotes)."""
    spans = {(m.start, m.end) for m in speaker.mentions if m.text[:1].isupper() and len(_tokens(m.text)) > 1}
    name = speaker.name.strip()
    if len(name.split()) > 1 and name[:1].isupper():
        for match in re.finditer(re.escape(name), text):
            spans.add((match.start(), match.end()))
        spans |= _honorific_surname(article, text, name)
    return sorted(spans)


def _honorific_surname(article: _ArticleIndex, text: str, name: str) -> set[tuple[int, int]]:
    """"M. Ayrault" for Jean-Marc Ayrault, unless another person of the article shares the surname."""
    surname = name.split()[-1]
    others = {person for person in article.person_names if person.endswith(surname)}
    if any(len(o.split()) > 1 and not name.endswith(o) and not o.endswith(name) for o in others):
        return set()
    # The surname first (a plain search), then the honorific just before it: one pattern that
    # starts with the honorific tries every word boundary of the text, 16 ms a name on a book.
    found = set()
    for match in re.finditer(re.escape(surname) + r"\b", text):
        before = _HONORIFIC_BEFORE.search(text, max(0, match.start() - _HONORIFIC_REACH), match.start())
        if before is not None:
            found.add((before.start(), match.end()))
    return found


def _around_name(text: str, start: int, end: int) -> Iterator[GenderClue]:
    left_text = text[max(0, start - _WINDOW):start]
    opens = start <= _WINDOW or "\n" in left_text  # the window holds a paragraph's start
    left = _tokens(left_text.rsplit("\n", 1)[-1])
    right_text = text[end:end + _WINDOW]
    right = _tokens(right_text)
    yield from _left_clues(left, start, opens)
    yield from _right_clues(right, right_text, end)


def _left_clues(left: list[str], start: int, opens: bool) -> Iterator[GenderClue]:
    """The noun phrase that ends with the name ("la première ministre du Québec, X"), or an
    apposed participle opening the sentence ("Submergée par l'émotion, X")."""
    lex = _words()
    if left and left[-1].rstrip(".").lower() in lex["honorifics"]:
        yield GenderClue(lex["honorifics"][left[-1].rstrip(".").lower()], left[-1], start)
        return
    stretch: list[str] = []
    for index, word in enumerate(reversed(left)):
        lower = word.lower()
        if word == "," and index == 0:
            continue
        if lower in _CLAUSE_BREAK or word == "," or lower in _VERB_WORDS or word.endswith("."):
            break
        stretch.insert(0, lower)
        if len(stretch) == _NOUN_PHRASE_WORDS:
            break
    for position, word in enumerate(stretch):
        if _role(word) or (word.startswith(("l'", "l’")) and _role(word[2:])):
            opening = stretch[max(0, position - 3):position + 1]
            words = _from_determiner(opening)
            gender = _noun_phrase_gender(words) if words else None
            if gender:
                yield GenderClue(gender, " ".join(words), start)
            return
    if left and left[-1] == ",":
        sentence = _sentence_start(left[:-1], opens)
        if sentence:
            gender = _participle_gender(sentence[0].lower())
            if gender:
                yield GenderClue(gender, sentence[0], start)


def _from_determiner(words: list[str]) -> list[str]:
    """The end of `words` from its last determiner or possessive on (or all of it)."""
    lex = _words()
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        if word in lex["determiners"] or word in lex["possessives"] or word.startswith(("l'", "l’")) or word == "son":
            return words[index:]
    return words


def _sentence_start(words: list[str], opens: bool) -> list[str]:
    """The words of `words` after the last sentence end, if the sentence starts within them
    (`opens`: the words start a paragraph)."""
    for index in range(len(words) - 1, -1, -1):
        if words[index] in {".", "!", "?"} or words[index].endswith(".") or words[index] in _CLAUSE_BREAK:
            return words[index + 1:]
    return words if opens else []


def _right_clues(right: list[str], right_text: str, end: int) -> Iterator[GenderClue]:
    """An apposition after the name ("X, présidente de…", "X, une journaliste"), an être with
    its participle or adjective ("X est revenue"), an emphatic pronoun ("X a elle relevé")."""
    lex = _words()
    emphatic = _EMPHATIC.match(right_text)
    if emphatic:
        yield GenderClue(FEMALE if emphatic.group(1) == "elle" else MALE, emphatic.group(0).strip(), end)
    words = [w.lower() for w in right]
    if words[:1] == ["("] and ")" in words:
        words = words[words.index(")") + 1:]
    if words[:1] == [","]:
        phrase = []
        for word in words[1:6]:
            if word in _CLAUSE_BREAK or word == ",":
                break
            phrase.append(word)
        gender = _noun_phrase_gender(phrase) if phrase else None
        if gender:
            yield GenderClue(gender, " ".join(phrase), end)
        return
    index = 1 if words[:1] in (["s'"], ["se"]) else 0
    if words[index:index + 1] and words[index] in _ETRE:
        following = [w for w in words[index + 1:index + 4] if w not in _ADVERBS]
        if following and following[0] in lex["determiners"]:
            gender = _noun_phrase_gender(following[:3])
        else:
            gender = _participle_gender(following[0]) if following else None
        if gender:
            yield GenderClue(gender, " ".join(words[:index + 3]), end)


def _participle_gender(word: str) -> str | None:
    """Feminine for "revenue", "née", "partie", "dite", "mise"; masculine for "revenu", "né"."""
    word = word.lower()
    if word in _NOT_PARTICIPLES or len(word) < 3 or not word.isalpha():
        return None
    if word.endswith(("ée", "ue", "ie", "ite", "ise")):
        return FEMALE
    if word.endswith(("é", "u")):
        return MALE
    return None


# What the verb of saying says -------------------------------------------------------------


def _quote_clues(cue: Span | None, mention: Span | None, text: str) -> Iterator[GenderClue]:
    """"a-t-elle déclaré", "explique-t-il": the inverted subject pronoun glued to the cue."""
    if cue is None:
        return
    around = text[max(0, cue.start - 12):cue.end + 12]
    cue_at = cue.start - max(0, cue.start - 12)
    for match in _INVERTED.finditer(around):
        if cue_at - 10 <= match.start() <= cue_at + len(cue.text) + 1:
            yield GenderClue(FEMALE if match.group(1).lower() == "elle" else MALE, match.group(0), cue.start)
            return


def _previous_word(text: str, start: int) -> str:
    words = _tokens(text[max(0, start - 20):start])
    return words[-1].lower() if words else ""


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.replace("’", "'"))
