"""Shared by the quote and speaker tests: one real engine per test session, and helpers.

(No tests here: the module only holds the cached engine so every quotes/speakers test
module reuses one loaded model.)
"""

from __future__ import annotations

from functools import lru_cache

from guillemet.analysis.engine import Engine
from guillemet.analysis.models import Analysis, Quote


@lru_cache(maxsize=1)
def shared_engine() -> Engine:
    """The real default pipeline, loaded once per process."""
    return Engine()


def analyse(text: str) -> Analysis:
    """The engine's analysis of a short text."""
    return shared_engine().analyse(text)


def quote_with(analysis: Analysis, words: str) -> Quote:
    """The one quote whose text contains `words` (fails loudly otherwise)."""
    found = [q for q in analysis.quotes if words in q.text]
    assert len(found) == 1, (words, [q.text for q in analysis.quotes])
    return found[0]


def speaker_of(quote: Quote) -> str | None:
    """The name the quote stands under in the speakers panel, or None."""
    return quote.speaker.name if quote.speaker is not None else None
