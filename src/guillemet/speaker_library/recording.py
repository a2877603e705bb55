"""Recording one analysed article: the article once (by its text's hash), its speakers with
their kind, gender and identity, its quotes with type, text, offsets and speaker, all in one
transaction, so that a library never holds half an article and two processes recording the
same article at once record it once."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone

from guillemet.analysis.gender import speaker_genders
from guillemet.analysis.models import Analysis
from guillemet.speaker_library.connection import write_transaction
from guillemet.speaker_library.identify import identity_for

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Recorded:
    """What `record` did: the article's id in the library, and whether it was new."""

    article_id: int
    new: bool
    quotes: int


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def _recorded(connection: sqlite3.Connection, text_sha256: str) -> tuple[int, int] | None:
    """(id, quotes) of the article with this text in the library, if there is one."""
    return connection.execute(
        "SELECT id, (SELECT count(*) FROM quotes WHERE article = articles.id) FROM articles WHERE text_sha256 = ?",
        (text_sha256,),
    ).fetchone()


def record_analysis(connection: sqlite3.Connection, analysis: Analysis, text: str,
                    genders: Mapping[str, str] | None = None) -> Recorded:
    """Record the article and its analysis, unless an article with the same text is there.
    `genders` (speaker id to gender) are the speakers' as `speaker_genders` gives them, when
    the caller has them already; else they are worked out, only for an article not yet there."""
    meta = analysis.metadata or {}
    if genders is None and _recorded(connection, analysis.text_sha256) is None:
        genders = speaker_genders(analysis, text)  # before the write lock: a book takes 0.15 s
    with write_transaction(connection):
        row = _recorded(connection, analysis.text_sha256)
        if row:
            return Recorded(int(row[0]), False, int(row[1]))
        cursor = connection.execute(
            "INSERT INTO articles (text_sha256, source, title, date, site, words, recorded_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                analysis.text_sha256,
                str(meta.get("source") or analysis.source),
                meta.get("title"),
                meta.get("date"),
                meta.get("site"),
                word_count(text),
                datetime.now(timezone.utc).isoformat(timespec="seconds"),
            ),
        )
        article_id = int(cursor.lastrowid or 0)
        if genders is None:  # the article was there a moment ago, and another process removed it
            genders = speaker_genders(analysis, text)
        speaker_rows: dict[str, int] = {}
        for speaker in analysis.speakers:
            mentions = tuple(m.text for m in speaker.mentions)
            identity = identity_for(connection, article_id, speaker.name, speaker.kind, mentions)
            cursor = connection.execute(
                "INSERT INTO speakers (article, local_id, name, kind, gender, identity) VALUES (?, ?, ?, ?, ?, ?)",
                (article_id, speaker.id, speaker.name, speaker.kind, genders.get(speaker.id, "unknown"), identity),
            )
            speaker_rows[speaker.id] = int(cursor.lastrowid or 0)
        for quote in analysis.quotes:
            speaker_row = speaker_rows.get(quote.speaker.id) if quote.speaker else None
            cursor = connection.execute(
                'INSERT INTO quotes (article, speaker, type, text, start, "end", words) VALUES (?, ?, ?, ?, ?, ?, ?)',
                (article_id, speaker_row, quote.type, quote.text, quote.start, quote.end, word_count(quote.text)),
            )
            connection.execute(
                "INSERT INTO quotes_fts (rowid, text) VALUES (?, ?)", (cursor.lastrowid, quote.text)
            )
            if speaker_row is not None:
                connection.execute(
                    "UPDATE speakers SET quotes = quotes + 1, words = words + ? WHERE id = ?",
                    (word_count(quote.text), speaker_row),
                )
        return Recorded(article_id, True, len(analysis.quotes))
