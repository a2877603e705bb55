"""The reader's corrections to identities: two identities that are one speaker (merge), and a
speaker of some articles that is not the identity it was put in (split).

A merge moves the speakers and the aliases of one identity into the other, so later articles
that name the merged speaker join it too. A split gives the speakers of the chosen articles a
new identity and pins them there; the new identity has no aliases, so later articles keep
going to the original one. Both are logged in the `corrections` table.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone

from guillemet.speaker_library.connection import write_transaction
from guillemet.speaker_library.errors import LibraryError


def merge(connection: sqlite3.Connection, keep: int, other: int) -> int:
    """Put identity `other` into `keep`; returns how many article speakers moved."""
    if keep == other:
        raise LibraryError("these two names are already one speaker")
    with write_transaction(connection):
        moved = connection.execute("UPDATE speakers SET identity = ? WHERE identity = ?", (keep, other)).rowcount
        connection.execute(
            "INSERT OR IGNORE INTO aliases (identity, kind, value) SELECT ?, kind, value FROM aliases WHERE identity = ?",
            (keep, other),
        )
        connection.execute("DELETE FROM aliases WHERE identity = ?", (other,))
        connection.execute("DELETE FROM identities WHERE id = ?", (other,))
        _log(connection, "merge", {"kept": keep, "merged": other, "speakers": moved})
    return moved


def split(connection: sqlite3.Connection, identity: int, article_ids: list[int]) -> int:
    """Give the speakers of `identity` in these articles a new identity of their own; its id."""
    with write_transaction(connection):
        marks = ",".join("?" for _ in article_ids)
        speakers = connection.execute(
            f"SELECT id, name, kind FROM speakers WHERE identity = ? AND article IN ({marks})",
            [identity, *article_ids],
        ).fetchall()
        if not speakers:
            raise LibraryError("that speaker is not quoted in those articles")
        remaining = connection.execute(
            f"SELECT count(*) FROM speakers WHERE identity = ? AND article NOT IN ({marks})",
            [identity, *article_ids],
        ).fetchone()[0]
        if not remaining:
            raise LibraryError("those are all the articles of that speaker: nothing to split from")
        _, name, kind = speakers[0]
        new = int(connection.execute(
            "INSERT INTO identities (name, kind) VALUES (?, ?)", (name, kind)
        ).lastrowid or 0)
        connection.executemany(
            "UPDATE speakers SET identity = ?, pinned = 1 WHERE id = ?", [(new, row[0]) for row in speakers]
        )
        _log(connection, "split", {"from": identity, "new": new, "articles": article_ids})
    return new


def find_articles(connection: sqlite3.Connection, reference: str) -> list[int]:
    """Articles by source path (as recorded, or its end), title, or hash prefix (6+ characters)."""
    rows = connection.execute(
        "SELECT id FROM articles WHERE source = ? OR title = ? OR (length(?) >= 6 AND text_sha256 LIKE ? || '%') "
        "OR source LIKE '%/' || ?",
        (reference, reference, reference, reference, reference),
    ).fetchall()
    return [int(row[0]) for row in rows]


def _log(connection: sqlite3.Connection, action: str, detail: dict) -> None:
    connection.execute(
        "INSERT INTO corrections (action, detail, made_at) VALUES (?, ?, ?)",
        (action, json.dumps(detail), datetime.now(timezone.utc).isoformat(timespec="seconds")),
    )
