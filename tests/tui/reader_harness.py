"""Opening the reader under Pilot with an injected analysis, and waiting for it to show."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

from textual.pilot import Pilot

from guillemet.analysis.models import Analysis
from guillemet.article import Article
from guillemet.errors import GuillemetError
from guillemet.analysis_service.process import FixedAnalysisStream
from guillemet.tui.app import ReaderApp

SIZE = (120, 40)


def make_app(article: Article, analyses: Sequence[Analysis | GuillemetError], **options) -> ReaderApp:
    """The reader on `article`, fed `analyses` in order (an error is raised by the source)."""
    return ReaderApp(article, FixedAnalysisStream(analyses), **options)


async def settle(pilot: Pilot, app: ReaderApp, timeout: float = 10.0) -> None:
    """Wait until the analysis thread is done and its messages are handled."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while app.reader.analysing and loop.time() < deadline:
        await pilot.pause(0.02)
    await pilot.pause()
    assert not app.reader.analysing, "the analysis never arrived"


def visible_lines(app: ReaderApp) -> range:
    view = app.reader.article_view
    top = int(view.scroll_offset.y)
    return range(top, top + view.scrollable_content_region.height)


def claim_is_centred(app: ReaderApp) -> bool:
    """The current claim's lines are on screen, away from the edges when it is short."""
    view = app.reader.article_view
    quote = app.reader.current_quote
    assert quote is not None and view.text_layout is not None
    lines = view.text_layout.lines_of(quote.start, quote.end)
    shown = visible_lines(app)
    if view.scroll_offset.y in (0, view.max_scroll_y):
        return lines.start in shown
    above = lines.start - shown.start
    below = shown.stop - lines.stop
    return lines.start in shown and abs(above - below) <= 1


def spy_notifications(app: ReaderApp) -> list[str]:
    """The messages `app` notifies from now on, in order (each is still shown)."""
    seen: list[str] = []
    original = app.notify

    def notify(message: str, **kwargs: Any) -> None:
        seen.append(message)
        original(message, **kwargs)

    app.notify = notify  # type: ignore[method-assign]
    return seen
