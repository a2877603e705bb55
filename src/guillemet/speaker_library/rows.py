"""What library queries return: plain frozen records, for tables, JSON, CSV and the reader."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class LibraryQuote:
    """A quote as the library holds it, with where to find it again.

    `source` and `text_sha256` name the article (the reader opens `source` and checks the hash),
    `start`/`end` are offsets into that article's text.
    """

    speaker: str
    identity: int
    kind: str
    type: str
    text: str
    start: int
    end: int
    source: str
    text_sha256: str
    title: str | None
    date: str | None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class SpeakerSummary:
    """One identity of the library: how often and where it is quoted."""

    identity: int
    name: str
    kind: str
    gender: str
    quotes: int
    articles: int
    words: int
    names: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)
