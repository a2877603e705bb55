"""Who gets a voice: each speaker's share of the quotes and of the quoted words, the shares by
kind of speaker, and how many of the people quoted are women and men (as the texts mark it).

`article_voices` works on one analysis (what the reader's Voices tab shows), `library_voices`
on the library or some of its articles (`guillemet voices`); both give the same `Voices`.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from guillemet.analysis.gender import FEMALE, MALE, UNKNOWN, speaker_genders
from guillemet.analysis.models import Analysis
from guillemet.speaker_library.queries import combined_gender
from guillemet.speaker_library.recording import word_count


@dataclass(frozen=True, slots=True)
class Voice:
    """One speaker's part of what is quoted."""

    name: str
    kind: str
    gender: str
    quotes: int
    words: int
    quote_share: float
    word_share: float


@dataclass(frozen=True, slots=True)
class KindShare:
    """One kind of speaker's part (person, organisation, government, document, group)."""

    kind: str
    speakers: int
    quotes: int
    words: int
    quote_share: float
    word_share: float


@dataclass(frozen=True, slots=True)
class Voices:
    """The voices of some articles. `women`, `men`, `unknown` count the people quoted;
    `women_quotes` and `men_quotes` count their quotes."""

    articles: int
    quotes: int
    words: int
    speakers: tuple[Voice, ...]
    kinds: tuple[KindShare, ...]
    women: int
    men: int
    unknown: int
    women_quotes: int
    men_quotes: int

    @property
    def people(self) -> int:
        return self.women + self.men + self.unknown

    def share(self, count: int) -> float:
        """`count` as a share of the people quoted."""
        return count / self.people if self.people else 0.0

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["people"] = self.people
        return data


# (name, kind, gender, quotes, words) of one speaker
SpeakerTally = tuple[str, str, str, int, int]


def voices_from(tallies: Iterable[SpeakerTally], articles: int) -> Voices:
    """Shares and counts from each speaker's tally."""
    rows = [t for t in tallies if t[3] > 0]
    quotes = sum(t[3] for t in rows)
    words = sum(t[4] for t in rows)
    speakers = tuple(
        Voice(name, kind, gender, q, w, _share(q, quotes), _share(w, words))
        for name, kind, gender, q, w in sorted(rows, key=lambda t: (-t[3], -t[4], t[0]))
    )
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for _, kind, _, q, w in rows:
        by_kind[kind][0] += 1
        by_kind[kind][1] += q
        by_kind[kind][2] += w
    kinds = tuple(
        KindShare(kind, n, q, w, _share(q, quotes), _share(w, words))
        for kind, (n, q, w) in sorted(by_kind.items(), key=lambda item: -item[1][1])
    )
    people = [t for t in rows if t[1] == "person"]
    count = {g: sum(1 for t in people if t[2] == g) for g in (FEMALE, MALE)}
    said = {g: sum(t[3] for t in people if t[2] == g) for g in (FEMALE, MALE)}
    return Voices(
        articles, quotes, words, speakers, kinds,
        women=count[FEMALE], men=count[MALE], unknown=len(people) - count[FEMALE] - count[MALE],
        women_quotes=said[FEMALE], men_quotes=said[MALE],
    )


def article_voices(analysis: Analysis, text: str, genders: Mapping[str, str] | None = None) -> Voices:
    """The voices of one analysed article (no library needed); `genders` (speaker id to
    gender, from `speaker_genders`) when the caller has them already."""
    if genders is None:
        genders = speaker_genders(analysis, text)
    tally: dict[str, list[int]] = {s.id: [0, 0] for s in analysis.speakers}
    for quote in analysis.quotes:
        if quote.speaker is not None and quote.speaker.id in tally:
            tally[quote.speaker.id][0] += 1
            tally[quote.speaker.id][1] += word_count(quote.text)
    rows = [
        (s.name, s.kind, genders.get(s.id, UNKNOWN), tally[s.id][0], tally[s.id][1]) for s in analysis.speakers
    ]
    return voices_from(rows, 1)


def library_voices(connection: sqlite3.Connection, article_ids: list[int] | None = None) -> Voices:
    """The voices of the whole library, or of the articles given by id; one identity counts once."""
    where, params = "", []
    if article_ids is not None:
        where = f"AND s.article IN ({','.join('?' for _ in article_ids)})"
        params = list(article_ids)
    rows = connection.execute(
        "SELECT i.name, i.kind, group_concat(DISTINCT s.gender), sum(s.quotes), sum(s.words) "
        "FROM speakers s JOIN identities i ON i.id = s.identity "
        f"WHERE s.quotes > 0 {where} GROUP BY i.id",
        params,
    ).fetchall()
    if article_ids is None:
        articles = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    else:
        articles = len(set(article_ids))
    return voices_from(((n, k, combined_gender(g), q, w) for n, k, g, q, w in rows), int(articles))


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0
