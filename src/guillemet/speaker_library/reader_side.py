"""The reader's side of the library: whether it records, where, and the two calls it makes.

Why each call opens and closes the library: the reader makes them from worker threads, and an
SQLite connection belongs to the thread that opened it (`store.py`). An article is recorded
once and the quotes of a speaker are asked for on a key, so a connection per call costs a few
milliseconds and nothing stays open between them.

Why every problem comes back as a line and never as an exception: the library is a record kept
on the side. A damaged, locked or unwritable file is said in a notification; the article, its
analysis and its annotations are never touched by it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from guillemet.analysis.models import Analysis
from guillemet.speaker_library.errors import LibraryError
from guillemet.speaker_library.location import library_path, library_turned_off
from guillemet.speaker_library.rows import LibraryQuote
from guillemet.speaker_library.store import SpeakerLibrary, open_library


def reader_library_path(option: str | None, disabled: bool = False) -> Path | None:
    """The library the reader uses: `--library PATH`, else `$GUILLEMET_LIBRARY`, else the user
    data folder's; None when `--no-library` or `GUILLEMET_LIBRARY=off` turns it off."""
    if disabled:
        return None
    if not option and library_turned_off():
        return None
    return library_path(option)


@dataclass
class LibraryAnswer:
    """What a call did: `problems` are lines for notifications (a damaged file set aside, a
    file that cannot be opened); `quotes` are the quotes asked for, if any."""

    problems: list[str] = field(default_factory=list)
    quotes: list[LibraryQuote] = field(default_factory=list)
    articles: int = 0


def record_article(path: Path, analysis: Analysis, text: str,
                   genders: Mapping[str, str] | None = None) -> LibraryAnswer:
    """Record an article the reader opened (its source as an absolute path, so that the reader
    can open it again from anywhere); `genders` as `SpeakerLibrary.record` takes them."""

    def record(library: SpeakerLibrary, answer: LibraryAnswer) -> None:
        library.record(_with_absolute_source(analysis), text, genders)

    return _in_library(path, record)


def quotes_elsewhere(path: Path, text_sha256: str, speaker_name: str) -> LibraryAnswer:
    """The quotes of this article's speaker in the library's other articles."""

    def look_up(library: SpeakerLibrary, answer: LibraryAnswer) -> None:
        answer.quotes = library.quotes_elsewhere(text_sha256, speaker_name)

    return _in_library(path, look_up)


def _in_library(path: Path, work: Callable[[SpeakerLibrary, LibraryAnswer], None]) -> LibraryAnswer:
    """Open the library, do `work` in it and count its articles; every problem (opening,
    a damaged file set aside, the work itself) comes back as a line of the answer."""
    answer = LibraryAnswer()
    try:
        library, notice = open_library(path)
    except (LibraryError, OSError) as error:
        answer.problems.append(str(error))
        return answer
    if notice:
        answer.problems.append(notice)
    try:
        with library:
            work(library, answer)
            answer.articles = library.article_count()
    except (LibraryError, OSError) as error:
        answer.problems.append(str(error))
    return answer


def source_file(source: str) -> Path | None:
    """The file an article was recorded from, when it is a local file that still exists
    (a relative source is taken from the current folder, as `guillemet index` recorded it)."""
    if not source or source == "-" or "://" in source:
        return None
    path = Path(source).expanduser()
    return path if path.is_file() else None


def _with_absolute_source(analysis: Analysis) -> Analysis:
    meta = dict(analysis.metadata or {})
    source = str(meta.get("source") or analysis.source)
    if source and source != "-" and "://" not in source and Path(source).exists():
        meta["source"] = str(Path(source).resolve())
        return dataclasses.replace(analysis, metadata=meta)
    return analysis
