"""`SpeakerLibrary`: the library as one object, for the commands and for the reader.

How the reader should use it (one library per thread: SQLite connections stay in the thread
that opened them, so open it in the worker that records, not in the UI thread):

    from guillemet.speaker_library import open_library

    library, notice = open_library()          # notice: a damaged file was set aside (show it)
    with library:
        library.record(analysis, article.text) # after each complete analysis; once per text
        others = library.quotes_elsewhere(analysis.text_sha256, speaker.name)
        # LibraryQuote rows: source, text_sha256, start, end -> open that article at that quote
    voices = article_voices(analysis, article.text)  # the Voices tab; needs no library

Every method raises `LibraryError` (one line, `str(error)`) and never a bare sqlite3 error; a
`LibraryDamagedError` means the file went bad while open: `open_library` again sets it aside.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TypeVar

from guillemet.analysis.models import Analysis
from guillemet.speaker_library import corrections, queries
from guillemet.speaker_library.connection import as_library_error, connect, set_aside, write_transaction
from guillemet.speaker_library.errors import LibraryDamagedError, LibraryError, UnknownSpeakerError
from guillemet.speaker_library.location import library_path
from guillemet.speaker_library.recording import Recorded, record_analysis
from guillemet.speaker_library.rows import LibraryQuote, SpeakerSummary
from guillemet.speaker_library.schema import prepare
from guillemet.speaker_library.voices import Voices, library_voices

T = TypeVar("T")


class SpeakerLibrary:
    """An open library file. Use `open_library` to get one; close it (or use `with`)."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._connection = connection

    def __enter__(self) -> SpeakerLibrary:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._connection.close()

    def _run(self, work: Callable[[sqlite3.Connection], T]) -> T:
        try:
            return work(self._connection)
        except sqlite3.Error as error:
            raise as_library_error(error, self.path) from None

    # Writing -------------------------------------------------------------------------------

    def record(self, analysis: Analysis, text: str, genders: Mapping[str, str] | None = None) -> Recorded:
        """Record an analysed article (its text gives the speakers' genders, unless `genders`
        gives them already); once per text."""
        return self._run(lambda c: record_analysis(c, analysis, text, genders))

    def merge(self, keep: str, other: str) -> tuple[str, str, int]:
        """Make the speaker named `other` part of the one named `keep`: (kept, merged, speakers moved)."""
        kept, kept_name = self._run(lambda c: queries.identity_ids(c, keep))
        merged, merged_name = self._run(lambda c: queries.identity_ids(c, other))
        moved = self._run(lambda c: corrections.merge(c, kept, merged))
        return kept_name, merged_name, moved

    def split(self, name: str, articles: list[str]) -> tuple[str, int]:
        """Give the speaker `name` in these articles an identity of its own: (name, new id)."""
        identity, display = self._run(lambda c: queries.identity_ids(c, name))
        ids: list[int] = []
        for reference in articles:
            found = self._run(lambda c: corrections.find_articles(c, reference))
            if not found:
                raise UnknownSpeakerError(f"no article {reference!r} in the speaker library")
            ids.extend(found)
        return display, self._run(lambda c: corrections.split(c, identity, ids))

    # Reading -------------------------------------------------------------------------------

    def who(self, name: str) -> tuple[str, list[LibraryQuote]]:
        """The speaker `name` designates and every quote of theirs, newest article first."""
        identity, display = self._run(lambda c: queries.identity_ids(c, name))
        return display, self._run(lambda c: queries.quotes_of(c, identity))

    def quotes_elsewhere(self, text_sha256: str, speaker_name: str) -> list[LibraryQuote]:
        """For the reader: the quotes of this article's speaker in the library's other articles
        (empty when the name designates no one, or several)."""
        try:
            identity, _ = self._run(lambda c: queries.resolve_one(c, speaker_name))
        except UnknownSpeakerError:
            return []
        return self._run(lambda c: queries.quotes_of(c, identity, exclude_sha256=text_sha256))

    def search(self, words: str, limit: int = 200) -> list[LibraryQuote]:
        """Quotes holding all these words, accents and case ignored."""
        return self._run(lambda c: queries.search_quotes(c, words, limit))

    def speakers(self, limit: int | None = None) -> list[SpeakerSummary]:
        """Speakers by number of quotes."""
        return self._run(lambda c: queries.speaker_summaries(c, limit))

    def voices(self, article_ids: list[int] | None = None) -> Voices:
        """Who gets a voice in the library, or in the articles given by id."""
        return self._run(lambda c: library_voices(c, article_ids))

    def article_count(self) -> int:
        return int(self._run(lambda c: c.execute("SELECT count(*) FROM articles").fetchone()[0]))


def open_library(path: str | Path | None = None) -> tuple[SpeakerLibrary, str | None]:
    """Open (or create) the library; a damaged file is set aside and a new one started.

    Returns the library and, when a file was set aside, a one-line notice saying so.
    """
    target = library_path(path)
    notice = None
    try:
        return _open(target), None
    except LibraryDamagedError as damage:
        moved = set_aside(target)
        notice = f"{damage}; it was set aside as {moved.name} and a new library started"
    return _open(target), notice


def _open(path: Path) -> SpeakerLibrary:
    connection = connect(path)
    try:
        with write_transaction(connection):
            prepare(connection)
    except sqlite3.Error as error:
        connection.close()
        raise as_library_error(error, path) from None
    except LibraryError:
        connection.close()
        raise
    return SpeakerLibrary(path, connection)
