"""Another article of the library, opened at one of its quotes, over the article being read.

Why a screen pushed over the reader's instead of a switch of articles: the way back must find
the reader exactly where they were (the place, the current claim, a filter, a search), and the
screen they were on keeps all of it while it waits underneath. The article opened is read on an
ordinary `ReaderScreen` (its analysis, extensions and keys, made by the app's `reader_parts` as
for an article of the list), which only adds the way back: `backspace` goes back through its
own jumps first, then to the screen under it. The annotations of the article left are saved
before it is covered, and those of the article opened when it is closed (`quit_guard`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from guillemet.errors import GuillemetError
from guillemet.tui.daemon_call import daemon_call
from guillemet.tui.quit_guard import leave_when_saved
from guillemet.tui.reader_screen import ReaderScreen

if TYPE_CHECKING:
    from guillemet.article import Article
    from guillemet.speaker_library.rows import LibraryQuote

ARRIVAL_FRAMES = 20
"""How many frames to wait for the article's layout before placing the quote on screen."""


class ElsewhereReaderScreen(ReaderScreen):
    """An article opened from the library's quotes (see the module docstring)."""

    arrive_at: tuple[int, int] | None = None
    """The quote to show, as offsets into this article's text."""
    came_from: ReaderScreen | None = None
    """The reader's screen under this one, where `backspace` goes back to."""

    def on_mount(self) -> None:
        """Place the quote once the text is laid out (the base class's `on_mount` runs too)."""
        self._arrival_tries = 0
        self.call_after_refresh(self._arrive)

    def _arrive(self) -> None:
        if self.arrive_at is None or self.leaving:
            return
        view = self.article_view
        if view.text_layout is None and self._arrival_tries < ARRIVAL_FRAMES:
            self._arrival_tries += 1
            self.call_after_refresh(self._arrive)
            return
        view.set_focus_span(self.arrive_at)
        view.scroll_to_span(*self.arrive_at)

    def on_reader_screen_analysis_shown(self, message: ReaderScreen.AnalysisShown) -> None:
        """Once the analysis is there, the quote arrived at becomes the current claim."""
        if self.arrive_at is None or self.current_claim is not None:
            return
        for index, claim in enumerate(self.model.claims):
            if (claim.start, claim.end) == self.arrive_at:
                self.article_view.set_focus_span(None)
                self.current_claim = index
                self.article_view.scroll_to_span(claim.start, claim.end)
                return

    def action_back(self) -> None:
        """`backspace`: back through this article's jumps, then to the article left."""
        if len(self.history) or self.came_from is None:
            super().action_back()
            return
        leave_when_saved(self.app, self.extensions, lambda status: self.app.call_next(self._go_back))

    async def _go_back(self) -> None:
        app: Any = self.app
        self.stop_analysis()
        app.reader, app.title = self.came_from, self.came_from.title
        await app.pop_screen()


def quote_span(article: Article, quote: LibraryQuote) -> tuple[int, int] | None:
    """Where `quote` is in `article`: its offsets when the text is the one recorded, else the
    first place the quote's words are found (the file changed since), else None."""
    if article.sha256 == quote.text_sha256 and article.text[quote.start:quote.end] == quote.text:
        return quote.start, quote.end
    found = article.text.find(quote.text)
    return (found, found + len(quote.text)) if found >= 0 else None


async def open_at_quote(app: Any, quote: LibraryQuote) -> None:
    """Open the article `quote` was recorded from, at the quote, over the reader's screen; one
    line when the file is gone or cannot be read."""
    from guillemet.inputs import load_article
    from guillemet.speaker_library.reader_side import source_file

    path = source_file(quote.source)
    if path is None:
        app.notify(f"{quote.source} is gone: the article cannot be opened.", title="Library",
                   severity="warning", timeout=6)
        return
    try:
        article = await daemon_call(load_article, str(path))
    except GuillemetError as error:
        app.notify(str(error), title="Library", severity="warning", timeout=6)
        return
    span = quote_span(article, quote)
    if span is None:
        app.notify(f"{path.name} changed since it was recorded: the quote is not in it any more.",
                   title="Library", timeout=6)
    below: ReaderScreen = app.reader

    def cover(status: int) -> None:
        source, extensions = app.reader_parts(article)
        screen = ElsewhereReaderScreen.open(article, source, extensions=extensions)
        screen.arrive_at, screen.came_from = span, below
        app.reader, app.title = screen, screen.title
        app.push_screen(screen)

    leave_when_saved(app, below.extensions, cover)
