"""The reader app: the articles opened together, each read on a screen of its own.

The app holds what is app-wide: the theme, the keymap, the list of articles and the keys that
go from one to another, the help, the command palette, and the way out (annotations saved
first, closing signals). Everything about one article (its view, panels, status line, analysis,
annotations and reading state) lives on its `ReaderScreen` (`reader_screen.py`, where the
extension points are described); `app.reader` is the one on show. Switching articles switches
screens: the screen left saves its annotations and stops its analysis as it goes.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from textual.app import App, SystemCommand
from textual.screen import Screen

from guillemet.analysis.models import Analysis
from guillemet.analysis_service import AnalysisStream
from guillemet.article import Article
from guillemet.errors import GuillemetError
from guillemet.reading.library import ArticleLibrary
from guillemet.reading.model import ReadingModel
from guillemet.tui.articles_panel import ArticlesPanel
from guillemet.tui.bindings import APP_COMMANDS, Command, bindings_of
from guillemet.tui.closing_signals import forward_to_loop, status_after, watch_terminal
from guillemet.tui.extensions import ReaderExtension
from guillemet.tui.help_screen import HelpScreen
from guillemet.tui.quit_guard import leave_when_saved, save_before_signal_exit
from guillemet.tui.reader_screen import ReaderScreen
from guillemet.tui.themes import DEFAULT_THEME, THEMES
from guillemet.tui.toast_place import place_toasts

STYLES = Path(__file__).resolve().parent.parent / "styles"
"""The package's `styles/` folder (`importlib.resources` costs an import before the first paint)."""

ReaderParts = Callable[[Article], "tuple[AnalysisStream | None, Sequence[ReaderExtension]]"]
"""How to read another article of the list: its analysis source and its extensions (none given:
the article alone, without analysis or extensions)."""


class ReaderApp(App[None]):
    """The reader (see the module docstring)."""

    CSS_PATH = [str(STYLES / "reader.tcss")]
    BINDINGS = bindings_of(APP_COMMANDS)
    COMMAND_PALETTE_BINDING = "ctrl+p"
    DEFAULT_MODE = "article-0"
    """Each article's screen is the base of a screen mode of its own (`article-<n>`), so that a
    switch replaces it, with whatever dialogs were on it, through Textual's public API."""

    def __init__(
        self,
        article: Article,
        source: AnalysisStream | None,
        *,
        theme: str = DEFAULT_THEME,
        keymap: dict[str, str] | None = None,
        keymap_problem: str | None = None,
        extensions: Sequence[ReaderExtension] = (),
        library: ArticleLibrary | None = None,
        notices: Sequence[str] = (),
        ready: tuple[Analysis, ReadingModel] | None = None,
        reader_parts: ReaderParts | None = None,
    ) -> None:
        super().__init__()
        self.reader = ReaderScreen.open(article, source, extensions=extensions, library=library, ready=ready)
        """The screen of the article on show (under any dialog; the last one once closed)."""
        self.title = self.reader.title
        self._modes_opened = 1
        self.add_mode(self.DEFAULT_MODE, lambda: self.reader)
        for item in THEMES:
            self.register_theme(item)
        if theme not in self.available_themes:
            known = ", ".join(sorted(self.available_themes))
            raise GuillemetError(f"unknown theme {theme!r}; try one of: {known}")
        self.theme = theme
        self.library = library
        self.reader_parts = reader_parts
        self.user_keymap = dict(keymap or {})
        self.keymap_problem = keymap_problem
        self.notices = list(notices)
        """Problems met before the start (inputs not opened), shown again as notifications."""
        self.leaving_report: list[str] = []
        """Lines for standard error once the terminal is back (annotations left unsaved)."""
        self._leaving = False
        """Set once the app starts closing (not `_closing`: that name is Textual's own)."""
        self._restore_signals: Callable[[], None] = lambda: None

    def on_load(self) -> None:
        """From the app's first moment, SIGTERM and SIGHUP close it as `q` does
        (`closing_signals`), instead of killing it with the terminal still in its hands."""
        self._restore_signals = forward_to_loop(asyncio.get_running_loop(), self._close_on_signal)

    def on_mount(self) -> None:
        """Apply the keymap, say what went wrong before the start, keep the long-lived; a
        terminal that goes away closes the reader as SIGHUP does (`closing_signals`)."""
        watch_terminal(self, self._close_on_signal)
        if self.user_keymap:
            self.set_keymap(self.user_keymap)
        if self.keymap_problem:
            self.notify(self.keymap_problem, title="Keymap", severity="warning")
        for notice in self.notices:
            self.notify(notice, title="Not opened", severity="warning", timeout=10)
        self.call_after_refresh(self._record_look)
        self._freeze_long_lived()

    def _freeze_long_lived(self) -> None:
        """Take what exists now (modules, widgets, an analysis at hand) out of the cyclic
        garbage collector's full passes, which walked them all (over 100 ms, while a key
        waited), after a young collection. Analyses that arrive later are frozen as they are
        decoded (`long_lived.py`). A switch of article unfreezes, collects the screen left and
        freezes again; the app's end unfreezes."""
        gc.collect(1)
        gc.freeze()

    def _record_look(self) -> None:
        """Keep this theme's colours for the next launch's first screen (`first_screen.py`)."""
        if self._leaving:
            return
        from guillemet.tui.recorded_look import record_current_look

        try:
            record_current_look(self.reader)
        except Exception:  # noqa: BLE001 - a convenience for the next launch, never a failure now
            pass

    def on_notify(self) -> None:
        """A notification: on a narrow screen, put it where the current claim is not
        (`toast_place`; beside the article, the stylesheet keeps it over the side panel)."""
        if self.screen is self.reader:
            place_toasts(self.reader)

    def watch_theme(self) -> None:
        """Theme colours changed: the legend is drawn from them."""
        if self.reader.is_mounted:
            self.call_after_refresh(self.reader.show_legend)
            self.call_after_refresh(self._record_look)

    # -- commands ----------------------------------------------------------------------------

    def action_help(self) -> None:
        """`?`: the help screen."""
        self.push_screen(HelpScreen(self.reader.all_commands(), self.user_keymap))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The command palette: Textual's commands, then every command of the table."""
        yield from super().get_system_commands(screen)
        for command in self.reader.all_commands():
            if command.target != "panel":
                yield SystemCommand(command.description, command.tooltip, self._runner(command))

    def _runner(self, command: Command) -> Any:
        async def run() -> None:
            reader = self.reader
            if reader.is_extension_command(command.id):
                reader.action_extension_action(command.id)
            elif command.target == "view":
                await reader.article_view.run_action(command.action)
            elif command.target == "reader":
                await reader.run_action(command.action)
            else:
                await self.run_action(command.action)

        return run

    # -- the articles opened together ----------------------------------------------------------

    def _several_articles(self) -> bool:
        if self.library is not None and len(self.library) > 1:
            return True
        self.notify("Only one article is open; give several to guillemet to switch.", timeout=4)
        return False

    def action_show_articles(self) -> None:
        """`L`: the Articles tab, the cursor on the list."""
        if self._several_articles():
            self.reader.show_articles()

    def action_next_article(self) -> None:
        """`>`: the next of the articles opened together."""
        if self._several_articles():
            self.open_article(self.library.neighbour(1))

    def action_previous_article(self) -> None:
        """`<`: the previous one."""
        if self._several_articles():
            self.open_article(self.library.neighbour(-1))

    def on_articles_panel_article_chosen(self, message: ArticlesPanel.ArticleChosen) -> None:
        """Enter on an article of the list opens it."""
        self.open_article(message.index)

    def open_article(self, index: int) -> None:
        """Show article `index` of the list, once the annotations of the one on show are safe
        (`quit_guard`)."""
        if self.library is None or index == self.library.current or self._leaving:
            return
        leave_when_saved(self, self.reader.extensions, lambda status: self.call_next(self._switch_to, index))

    async def _switch_to(self, index: int) -> None:
        """Replace the reader's screen with article `index`'s; the screen left stops its
        analysis and saves its annotations as it is removed."""
        assert self.library is not None
        self.reader.stop_analysis()
        self.library.current = index
        article = self.library.article
        source, extensions = self.reader_parts(article) if self.reader_parts else (None, ())
        reader = ReaderScreen.open(article, source, extensions=extensions, library=self.library)
        left, mode = self.current_mode, f"article-{self._modes_opened}"
        self._modes_opened += 1
        self.add_mode(mode, lambda: reader)
        self.reader, self.title = reader, reader.title
        await self.switch_mode(mode)
        await self.remove_mode(left)
        gc.unfreeze()
        self.call_after_refresh(gc.collect)  # the screen left, once the new one is painted
        self.call_after_refresh(self._freeze_long_lived)

    # -- leaving -------------------------------------------------------------------------------

    async def action_quit(self) -> None:
        """`q`: leave once the annotations are safe (`quit_guard` asks where to put those that
        could not be saved)."""
        leave_when_saved(self, self.reader.extensions, self._leave)

    def _leave(self, status: int) -> None:
        """Stop the analysis and close the reader with exit `status`."""
        self._leaving = True
        self.reader.stop_analysis()
        self.exit(None, return_code=status)

    def _close_on_signal(self, signum: int) -> None:
        """SIGTERM or SIGHUP (`closing_signals`): save as `q` does, with no one to ask, then
        close the normal way, which gives the terminal back."""
        if self._leaving:
            return  # already closing: the close saves
        save_before_signal_exit(self, self.reader.extensions)
        self._leave(status_after(signum))

    def on_unmount(self) -> None:
        """Signals go back to their handlers from before the reader; the garbage collector
        gets the reader's objects back."""
        self._restore_signals()
        gc.unfreeze()
