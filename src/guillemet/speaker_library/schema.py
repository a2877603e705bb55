"""The library's tables, and the version number that says which tables a file holds.

`PRAGMA user_version` holds `SCHEMA_VERSION`. A file at 0 is new and gets the tables; a file
at an older version would be migrated by `MIGRATIONS` (none yet); a file written by a newer
guillemet is refused rather than guessed at. Quote texts are indexed by FTS5 with diacritics
removed, so "president" finds "président".
"""

from __future__ import annotations

import sqlite3

from guillemet.speaker_library.errors import LibraryError

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    text_sha256 TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    title TEXT,
    date TEXT,
    site TEXT,
    words INTEGER NOT NULL DEFAULT 0,
    recorded_at TEXT NOT NULL
);
CREATE INDEX articles_newest ON articles (date DESC, recorded_at DESC);

-- One person or organisation across articles. `surname` and `given` (folded) are set for
-- people with a proper name; `local_article` for a description that stays in its article.
CREATE TABLE identities (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    given TEXT NOT NULL DEFAULT '',
    surname TEXT NOT NULL DEFAULT '',
    local_article INTEGER REFERENCES articles (id)
);
CREATE INDEX identities_surname ON identities (surname) WHERE surname != '';

-- Folded names an identity is found again by: kind 'person', 'name', 'acronym', 'initials'.
CREATE TABLE aliases (
    identity INTEGER NOT NULL REFERENCES identities (id),
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (value, kind, identity)
);
CREATE INDEX aliases_identity ON aliases (identity);

-- A speaker of one article; `pinned` when a correction set its identity by hand; `quotes` and
-- `words` count its quotes here, so that listing speakers need not read every quote.
CREATE TABLE speakers (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles (id),
    local_id TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    gender TEXT NOT NULL DEFAULT 'unknown',
    identity INTEGER NOT NULL REFERENCES identities (id),
    pinned INTEGER NOT NULL DEFAULT 0,
    quotes INTEGER NOT NULL DEFAULT 0,
    words INTEGER NOT NULL DEFAULT 0,
    UNIQUE (article, local_id)
);
CREATE INDEX speakers_identity ON speakers (identity);

CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles (id),
    speaker INTEGER REFERENCES speakers (id),
    type TEXT NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    words INTEGER NOT NULL
);
CREATE INDEX quotes_speaker ON quotes (speaker);
CREATE INDEX quotes_article ON quotes (article);

CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    text, content = 'quotes', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);

-- What the reader corrected (merge, split), kept as a record of why identities look as they do.
CREATE TABLE corrections (
    id INTEGER PRIMARY KEY,
    action TEXT NOT NULL,
    detail TEXT NOT NULL,
    made_at TEXT NOT NULL
);
"""

MIGRATIONS: dict[int, str] = {}
"""version -> SQL taking a library from that version to the next one."""


def prepare(connection: sqlite3.Connection) -> None:
    """Create or migrate the tables; call inside a write transaction (`BEGIN IMMEDIATE`)."""
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise LibraryError(
            f"the speaker library was written by a newer guillemet (schema {version}, this one "
            f"knows {SCHEMA_VERSION}); use --library for another file"
        )
    if version == SCHEMA_VERSION:
        return
    if version == 0:
        if connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise LibraryError("the file given as speaker library is an SQLite database of something else")
        for statement in _statements(SCHEMA):
            connection.execute(statement)
    else:
        for step in range(version, SCHEMA_VERSION):
            for statement in _statements(MIGRATIONS[step]):
                connection.execute(statement)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _statements(script: str) -> list[str]:
    """The statements of a script, for `execute` one by one (`executescript` would commit)."""
    lines = [line for line in script.splitlines() if not line.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
