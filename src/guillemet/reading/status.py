"""The words of the reader's status line, from the reading state alone.

Why a pure function: the status line says where the reader is (`Quote 3/11 · Sergueï Choïgou ·
direct`), what is filtered, what is searched and whether the analysis runs. The reader's screen
recomputes these words whenever a piece of its state changes (a Textual compute) and the line
shows them; nothing has to remember to update it, and tests check the words without a screen.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from guillemet.analysis.models import Analysis
from guillemet.reading.model import WAITING_FOR_ANALYSIS, ReadingModel, claim_summary
from guillemet.reading.search import SearchResults

SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"
PLAIN_TEXT = "Plain text (no analysis)"


@dataclass(frozen=True, slots=True)
class StatusWords:
    """The left part, then the indicators on the right (None: not shown)."""

    left: str
    filter: str | None = None
    search: str | None = None
    article: str | None = None
    analysis: str | None = None


@dataclass(frozen=True, slots=True)
class ReadingState:
    """What the status line speaks of."""

    model: ReadingModel
    analysis: Analysis | None
    analysing: bool
    failed: bool = False
    current_claim: int | None = None
    filter_speaker: str | None = None
    search: SearchResults | None = None
    current_match: int | None = None
    article: tuple[int, int] | None = None
    """(index, count) of the articles opened together, None for one article."""
    spinner_frame: int = 0


def status_words(state: ReadingState) -> StatusWords:
    """The status line's words for `state`."""
    return StatusWords(
        left=_where(state),
        filter=_filter(state),
        search=_search(state),
        article=f"article {state.article[0] + 1}/{state.article[1]} (< >)" if state.article else None,
        analysis=_analysis(state),
    )


def _where(state: ReadingState) -> str:
    if state.analysis is None:
        return WAITING_FOR_ANALYSIS if state.analysing else PLAIN_TEXT
    model, index = state.model, state.current_claim
    quote = model.claims[index] if index is not None and index < len(model.claims) else None
    if state.filter_speaker is None:
        return claim_summary(quote, index + 1 if quote is not None else 0, len(model.claims))
    claims = model.claims_of(state.filter_speaker)
    found = bisect_left(claims, index) if index is not None else len(claims)
    position = found + 1 if found < len(claims) and claims[found] == index else 0
    return claim_summary(quote if position else None, position, len(claims))


def _filter(state: ReadingState) -> str | None:
    row = state.model.speaker_row(state.filter_speaker) if state.filter_speaker else None
    return f"only {row.name}" if row else None


def _search(state: ReadingState) -> str | None:
    results = state.search
    if results is None or not results.query:
        return None
    return results.describe(state.current_match)


def _analysis(state: ReadingState) -> str | None:
    if state.failed:
        return "no analysis"
    if not state.analysing:
        return None
    progress = ""
    analysis = state.analysis
    if analysis is not None and analysis.text_length:
        progress = f" {analysis.analysed_to / analysis.text_length:.0%}"
    return f"{SPINNER[state.spinner_frame % len(SPINNER)]} analysing{progress}…"
