"""Search in the article: every match of the query, case-insensitive, as sorted offsets.

Finding the matches scans the text once per query (a regex in C: a few milliseconds for 1 MB);
moving to the next or previous match is then a bisect. Pure: no Textual.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from guillemet.reading.cycling import cyclic_step

MAX_MATCHES = 100_000


@dataclass(slots=True)
class SearchResults:
    """The matches of one query in one text."""

    query: str
    starts: list[int] = field(default_factory=list)
    length: int = 0

    @classmethod
    def find(cls, text: str, query: str) -> SearchResults:
        """All matches of `query` in `text`, ignoring case (offsets stay those of `text`)."""
        if not query:
            return cls(query)
        pattern = re.compile(re.escape(query), re.IGNORECASE)
        starts = []
        for match in pattern.finditer(text):
            starts.append(match.start())
            if len(starts) >= MAX_MATCHES:
                break
        return cls(query, starts, len(query))

    def __len__(self) -> int:
        return len(self.starts)

    def step(self, offset: int, forward: bool) -> int | None:
        """The index of the match after (before) `offset`, cycling at the ends."""
        return cyclic_step(self.starts, offset, forward)

    def describe(self, current: int | None = None) -> str:
        """The search as the status line says it: `“kiev” 4 matches`, `“kiev” 1 match`,
        `“kiev” no match`, and `“kiev” match 2/4` once a match is current (its index)."""
        count = len(self)
        if current is not None and 0 <= current < count:
            where = f"match {current + 1}/{count}"
        elif count == 0:
            where = "no match"
        else:
            where = f"{count} match{'es' if count != 1 else ''}"
        return f"“{self.query}” {where}"

    def in_range(self, start: int, end: int) -> list[int]:
        """Starts of the matches that overlap `[start, end)`."""
        first = bisect_left(self.starts, start - self.length + 1)
        last = bisect_left(self.starts, end)
        return self.starts[first:last]
