"""The article as loaded: the text every offset points into, and what is known about it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any


@dataclass(frozen=True)
class Article:
    """An opened article.

    `text` is the text the reader shows and the engine analyses (decoded, newlines as `\\n`):
    every offset in the analysis and in the annotations indexes it. `source` is the path, URL
    or `-` as the user gave it.
    """

    text: str
    source: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    site: str | None = None
    encoding: str | None = None
    kind: str = "text"
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def metadata(self) -> dict[str, Any]:
        """Title, author, date, site, source and encoding, as shown and exported."""
        return {
            "title": self.title,
            "author": self.author,
            "date": self.date,
            "site": self.site,
            "source": self.source,
            "encoding": self.encoding,
            "kind": self.kind,
        }
