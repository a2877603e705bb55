"""Opening the library's SQLite file so that several processes can write to it at once, and
telling a damaged file from a busy one.

WAL lets readers go on while one process writes; a busy timeout makes a writer wait for
another instead of failing; every write is one `BEGIN IMMEDIATE` transaction, taken before
anything is read, so two processes recording the same article cannot both insert it. A file
that SQLite cannot read as a database, or finds malformed, is damaged: `set_aside` renames it
(with its -wal and -shm files) so that a new library can start and the old one can still be
looked at or repaired by hand.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from guillemet.speaker_library.errors import LibraryDamagedError, LibraryError

BUSY_TIMEOUT_MS = 30_000
_DAMAGE_WORDS = ("not a database", "malformed", "disk image", "file is encrypted", "corrupt")


def connect(path: Path) -> sqlite3.Connection:
    """An open connection in autocommit mode (transactions are explicit), WAL, busy timeout."""
    if path.is_dir():
        raise LibraryError(f"the speaker library {path} is a folder, not a file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except (OSError, sqlite3.OperationalError) as error:
        raise LibraryError(f"the speaker library {path} cannot be opened ({error})") from None
    try:
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA foreign_keys = ON")
        if connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        connection.close()
        raise as_library_error(error, path) from None
    return connection


def as_library_error(error: sqlite3.Error, path: Path) -> LibraryError:
    """The one-line error for an SQLite failure: damaged file, or another problem."""
    message = str(error)
    if isinstance(error, sqlite3.DatabaseError) and any(w in message.lower() for w in _DAMAGE_WORDS):
        return LibraryDamagedError(path, message)
    return LibraryError(f"the speaker library {path} could not be used ({message})")


@contextmanager
def write_transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """`BEGIN IMMEDIATE` ... `COMMIT`, rolled back if anything fails inside."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def set_aside(path: Path) -> Path:
    """Rename a damaged library and its WAL files out of the way; returns the new name."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(target.with_name(target.name + suffix))
    return target
