"""The screen an article is read on: its view, panels and status, and the reading state.

Why a screen per article: everything here belongs to one article (its analysis, its analysis
process, its annotations, the place the reader is at), so switching articles switches screens
and the app keeps only what is app-wide (theme, keymap, the article list). The screen goes
away with its article: its analysis stops and its annotations are saved on the way out.

The reading state is a handful of reactive variables: `current_claim`, `filter_speaker`,
`search_results`, `current_match`, `analysis`, `analysing`. The keys (`reader_moves.py`) and
the panels' messages only set them; each one's watcher updates the view and the speakers
panel, and the status line's words are computed from all of them (`reading.status`), so no
code has to remember to refresh anything.

Extension points (used by the annotations, see `extensions.py`):
- Commands: each extension's `commands()` become bindings of a subclass of this screen
  (`carrying`: Textual reads bindings from classes), remappable by id; the action `foo` of an
  extension command calls `extension.action_foo()`.
- Side panel: each extension's `side_panels(reader)` are tabs next to "Speakers".
- `transform_analysis(analysis)`, when an extension has it, is applied to every analysis that
  arrives before it is shown (the annotations' corrections), so the reader never sees the
  engine's version first.
- State to read: `current_quote`, `article_view.selection`, `analysis`, `article`.
- State to change: `show_analysis(analysis)` (after a correction), `article_view.
  set_extra_spans(spans)`, `go_to_span(start, end)` (with the jump history).
- Messages: `ReaderScreen.AnalysisShown` (a new analysis is on screen), and the view's
  `ArticleView.SelectionChanged`.
"""

from __future__ import annotations

from collections.abc import Sequence
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Input, Static, TabbedContent, TabPane

from guillemet.analysis.models import Analysis
from guillemet.analysis_service import AnalysisStream
from guillemet.article import Article
from guillemet.reading.headings import header_lines
from guillemet.reading.history import JumpHistory
from guillemet.reading.layout import MIN_HEIGHT, MIN_WIDTH
from guillemet.reading.library import ArticleLibrary
from guillemet.reading.model import ReadingModel
from guillemet.reading.search import SearchResults
from guillemet.reading.status import ReadingState, StatusWords, status_words
from guillemet.tui.analysis_feed import AnalysisArrived, AnalysisEnded, AnalysisFailed, feed_analyses
from guillemet.tui.article_view import ArticleView
from guillemet.tui.articles_panel import ArticlesPanel
from guillemet.tui.bindings import (
    APP_COMMANDS,
    PANEL_COMMANDS,
    READER_COMMANDS,
    VIEW_COMMANDS,
    Command,
    bindings_of,
)
from guillemet.tui.colours_dialog import EntityColoursDialog
from guillemet.tui.extensions import ReaderExtension
from guillemet.tui.legend import Legend
from guillemet.tui.reader_moves import ReaderMoves
from guillemet.tui.search_bar import SearchBar
from guillemet.tui.side_column import FOLDED, SideColumn, SidePanelMoves, fit_side
from guillemet.tui.speakers_panel import SpeakersPanel
from guillemet.tui.status_line import StatusLine
from guillemet.tui.steady_footer import SteadyFooter
from guillemet.tui.toast_place import place_toasts

SPIN_SECONDS = 0.12
ARTICLES_REFRESH_SECONDS = 0.5


class ReaderScreen(ReaderMoves, SidePanelMoves, Screen[None]):
    """One article in the reader (see the module docstring)."""

    BINDINGS = bindings_of(READER_COMMANDS)

    class AnalysisShown(Message):
        """A new analysis is on screen (for extensions that index it too)."""

        def __init__(self, analysis: Analysis) -> None:
            super().__init__()
            self.analysis = analysis

    current_claim: var[int | None] = var(None, init=False)
    filter_speaker: var[str | None] = var(None, init=False)
    search_results: var[SearchResults | None] = var(None, init=False, always_update=True)
    current_match: var[int | None] = var(None, init=False)
    analysis: var[Analysis | None] = var(None, init=False, always_update=True)
    analysing: var[bool] = var(False, init=False, always_update=True)
    analysis_failed: var[bool] = var(False, init=False)
    spinner_frame: var[int] = var(0, init=False)
    status_words: var[StatusWords | None] = var(None)
    """Computed from the state above (`compute_status_words`); shown by its watcher."""

    @classmethod
    def carrying(cls, commands: Sequence[Command]) -> type[ReaderScreen]:
        """A subclass with `commands` as more bindings (this class itself when there are none)."""
        if not commands:
            return cls
        return type(cls.__name__, (cls,), {"BINDINGS": bindings_of(commands)})

    @classmethod
    def open(cls, article: Article, source: AnalysisStream | None, *,
             extensions: Sequence[ReaderExtension] = (), library: ArticleLibrary | None = None,
             ready: tuple[Analysis, ReadingModel] | None = None) -> ReaderScreen:
        """The screen for `article`, its class carrying the extensions' keys."""
        commands = [Command(c.id, c.key, f"extension_action('{c.id}')", c.description, c.tooltip,
                            c.group, c.show, c.key_display, target="reader")
                    for extension in extensions for c in extension.commands()]
        return cls.carrying(commands)(article, source, extensions=extensions, library=library, ready=ready)

    def __init__(self, article: Article, source: AnalysisStream | None, *,
                 extensions: Sequence[ReaderExtension] = (), library: ArticleLibrary | None = None,
                 ready: tuple[Analysis, ReadingModel] | None = None) -> None:
        super().__init__()
        self.article = article
        self.source = source
        self.extensions = list(extensions)
        self.library = library if library is not None and len(library) > 1 else None
        """The articles opened together (None for one article: no list, no switching)."""
        self.title = header_lines(article)[0]
        self.model = ReadingModel.empty()
        self.history = JumpHistory()
        self.leaving = False
        """Set once the screen is going away: late analyses and timer ticks are ignored."""
        self._analysis_at_start = ready
        self._extension_commands = {command.id: (extension, command)
                                    for extension in self.extensions for command in extension.commands()}

    # -- layout -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """The article on the left, with the search bar and the status line under it, and the
        side panel (speakers, extension tabs, articles, legend) on the right. The status line
        stays under the article: it changes at every key, and Textual repaints the box around
        everything that changed, so a full-width line would repaint the side panel too.

        Everything is in the first frame: building the panels later held the keys of the first
        moments (about 80 ms of mounting and first renders)."""
        title, meta = header_lines(self.article)
        with Horizontal(id="main"):
            with Vertical(id="reading"):
                yield ArticleView(self.article.text, title, meta, id="article")
                yield SearchBar(id="search")
                yield StatusLine(id="status")
            with SideColumn(id="side"):
                with TabbedContent(id="side-tabs"):
                    yield TabPane("Speakers", SpeakersPanel(id="speakers"), id="speakers-tab")
                    for extension in self.extensions:
                        for tab_title, widget in extension.side_panels(self):
                            yield TabPane(tab_title, widget)
                    if self.library is not None:
                        yield TabPane("Articles", ArticlesPanel(self.library, id="articles"), id="articles-tab")
                yield Legend(id="legend")
        yield Static(f"The terminal is too small for the reader.\nMake it at least {MIN_WIDTH}×{MIN_HEIGHT}.",
                     id="too-small")
        yield SteadyFooter()

    @property
    def article_view(self) -> ArticleView:
        """The article view widget."""
        return self.query_one("#article", ArticleView)

    @property
    def speakers_panel(self) -> SpeakersPanel:
        """The speakers panel widget."""
        return self.query_one("#speakers", SpeakersPanel)

    @property
    def status_line(self) -> StatusLine:
        """The status line widget."""
        return self.query_one("#status", StatusLine)

    def on_mount(self) -> None:
        """Focus the article, wire the extensions, show an analysis at hand, else start the
        analysis (off the UI)."""
        self.article_view.focus()
        self.check_size()
        self.show_legend()
        for extension in self.extensions:
            extension.on_mount(self)
        ready, self._analysis_at_start = self._analysis_at_start, None
        if ready is not None:
            self.show_analysis(*ready, transform=True)
        self.analysing = self.source is not None and not self.analysis_complete
        if self.analysing:
            self._spinner = self.set_interval(SPIN_SECONDS, self._spin)
            self.run_worker(lambda: feed_analyses(self.source, self.article, self), thread=True,
                            exclusive=True, group="analysis", exit_on_error=False)
        elif self.library is not None:
            self.library.start_background()
        if self.library is not None:
            self.set_interval(ARTICLES_REFRESH_SECONDS, self._refresh_articles)

    @property
    def analysis_complete(self) -> bool:
        """Whether the whole article's analysis is on show."""
        return self.analysis is not None and self.analysis.complete

    def on_resize(self) -> None:
        """Show the too-small message, fold the side panel, as the terminal's size asks. At
        once: this handler runs before `Screen`'s own, which lays the screen out for the new
        size, so the classes set here are part of that layout (after it, they would cost the
        whole screen a second layout and a second full repaint, some 40 ms with a book)."""
        self.check_size()

    def check_size(self) -> None:
        """Below the minimum size, the too-small message instead of the reader; on a narrow
        screen, the side panel folded away (`side_column`)."""
        width, height = self.app.size
        self.set_class(width < MIN_WIDTH or height < MIN_HEIGHT, "too-small")
        fit_side(self, width)

    def show_legend(self) -> None:
        """Draw the legend in the view's current colours (after a theme or colour change)."""
        self.query_one("#legend", Legend).show(self.article_view)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`/` is a priority binding (keys typed right after it must reach the search bar,
        see `action_search`): it must not fire while the reader types in a field or a dialog
        is open."""
        if action == "search":
            return not isinstance(self.app.focused, Input) and self.app.screen is self
        return True

    # -- the state and what follows from it ------------------------------------------------------

    def compute_status_words(self) -> StatusWords:
        """The status line's words, from the reading state (`reading.status`)."""
        library = self.library
        return status_words(ReadingState(
            self.model, self.analysis, self.analysing, self.analysis_failed, self.current_claim,
            self.filter_speaker, self.search_results, self.current_match,
            (library.current, len(library)) if library is not None else None, self.spinner_frame,
        ))

    def watch_status_words(self, words: StatusWords | None) -> None:
        """Show the new words (the line redraws only what changed, never a layout)."""
        if words is None or not self.children:
            return
        line = self.status_line
        line.set_left(words.left)
        for name in ("article", "analysis", "filter", "search"):
            line.set_part(name, getattr(words, name))

    def watch_current_claim(self, claim: int | None) -> None:
        """Tint the current claim in the view; on a narrow screen, the notifications on show
        move away from it once the view has scrolled to it (`toast_place`)."""
        self.article_view.set_current_claim(claim)
        if self.has_class(FOLDED) and self.query("Toast"):
            self.call_after_refresh(place_toasts, self)

    def watch_filter_speaker(self, speaker_id: str | None) -> None:
        """Dim the other speakers' claims and mark the speaker in the panel."""
        self.article_view.set_filter(speaker_id)
        self.speakers_panel.mark_filter(speaker_id)

    def watch_search_results(self, results: SearchResults | None) -> None:
        """Mark the new matches (none current yet)."""
        self.current_match = None
        self.article_view.set_search(results)

    def watch_current_match(self, match: int | None) -> None:
        """Mark the current match."""
        self.article_view.set_current_match(match)

    def _spin(self) -> None:
        """The analysis indicator's tick."""
        if not self.leaving:
            self.spinner_frame += 1

    # -- the analysis ----------------------------------------------------------------------------

    def on_analysis_arrived(self, message: AnalysisArrived) -> None:
        """Show each analysis as it arrives (partial ones too)."""
        if not self.leaving:
            self.show_analysis(message.analysis, message.model, panel_after_frame=True, transform=True)

    def on_analysis_failed(self, message: AnalysisFailed) -> None:
        """Keep the article readable and say why there is no analysis."""
        if self.leaving:
            return
        self.analysis_failed = True
        self._analysis_done()
        self.app.notify(f"{message.message}. The article is shown without colours or claims.",
                        title="Analysis unavailable", severity="error", timeout=12)

    def on_analysis_ended(self, message: AnalysisEnded) -> None:
        """The source is exhausted: stop the indicator."""
        if not self.leaving:
            self._analysis_done()

    def _analysis_done(self) -> None:
        if not self.analysing:
            return
        self.analysing = False
        self._spinner.stop()
        if self.library is not None:
            self.library.start_background()

    def show_analysis(self, analysis: Analysis, model: ReadingModel | None = None, *,
                      panel_after_frame: bool = False, transform: bool = False) -> None:
        """Show `analysis` at once in the view, the panel and the status line, keeping the
        current claim by id. Extensions call this after a correction; `transform`: first
        apply the extensions' `transform_analysis` (a new analysis from the source).

        `panel_after_frame`: the speakers panel follows one frame later. Analyses of a book
        come in while the reader reads; the panel's rows and the layout they bring are the
        costliest part of showing one (10 to 25 ms), and a key pressed meanwhile is answered
        in the frame between instead of after both."""
        if transform:
            for extension in self.extensions:
                change = getattr(extension, "transform_analysis", None)
                changed = change(analysis) if change is not None else analysis
                if changed is not analysis:
                    analysis, model = changed, None
        model = model if model is not None else ReadingModel.build(analysis)
        current = self.current_quote
        self.model = model
        view = self.article_view
        view.current_claim = None  # an index into the old model's claims
        view.set_model(model)
        self.set_reactive(ReaderScreen.current_claim, None)
        self.current_claim = model.claim_index(current.id) if current is not None else None
        view.set_pending_from(None if analysis.complete else analysis.analysed_to)
        self.analysis = analysis
        if analysis.complete:
            if self.library is not None:
                self.library.record(self.library.current, len(analysis.quotes))
            self._analysis_done()
        if panel_after_frame:
            self.call_after_refresh(self._show_speakers, model)
        else:
            self._show_speakers(model)
        self.post_message(self.AnalysisShown(analysis))

    def _show_speakers(self, model: ReadingModel) -> None:
        """List the speakers of `model` in the panel, unless a newer model came since."""
        if model is self.model and not self.leaving:
            self.speakers_panel.show_model(model, self.filter_speaker)

    def stop_analysis(self) -> None:
        """The screen is going away: the analysis stops, late messages and ticks are ignored."""
        self.leaving = True
        spinner = getattr(self, "_spinner", None)
        if spinner is not None:
            spinner.stop()
        if self.source is not None:
            self.source.cancel()

    def on_unmount(self) -> None:
        """Never leave an analysis process behind."""
        self.stop_analysis()

    # -- search ------------------------------------------------------------------------------

    def action_search(self) -> None:
        """`/`: open the search bar."""
        bar = self.query_one("#search", SearchBar)
        bar.value = ""
        bar.display = True
        self.set_focus(bar)  # at once: keys typed right after `/` must land in the bar

    def on_search_bar_search_changed(self, message: SearchBar.SearchChanged) -> None:
        """Show the matches as the query is typed."""
        self.search_results = SearchResults.find(self.article.text, message.query) if message.query else None

    def on_search_bar_search_submitted(self, message: SearchBar.SearchSubmitted) -> None:
        """Enter: go to the first match after the view's top; escape: drop the search."""
        bar = self.query_one("#search", SearchBar)
        bar.display = False
        self.article_view.focus()
        if message.cancelled:
            bar.value = ""
            self.search_results = None
        elif self.search_results is not None and len(self.search_results) == 0:
            self.app.notify(f"“{message.query}” is not in the article.", timeout=3)
        elif self.search_results is not None:
            self.step_match(True)

    # -- colours, commands, extensions -----------------------------------------------------------

    def action_toggle_colours(self) -> None:
        """`c`: choose which entity types are coloured (applied as they are ticked)."""
        self.app.push_screen(EntityColoursDialog(self.article_view.entity_types_shown, self.set_entity_types))

    def set_entity_types(self, shown: frozenset[str]) -> None:
        """Colour only these entity types, and say so in the legend."""
        self.article_view.set_entity_types(shown)
        self.show_legend()

    def all_commands(self) -> list[Command]:
        """Every command of this screen, the app and the extensions (help screen, palette)."""
        extra = [command for _, command in self._extension_commands.values()]
        return [*READER_COMMANDS, *APP_COMMANDS, *VIEW_COMMANDS, *PANEL_COMMANDS, *extra]

    def is_extension_command(self, command_id: str) -> bool:
        """Whether `command_id` is one of the extensions' commands."""
        return command_id in self._extension_commands

    def action_extension_action(self, command_id: str) -> None:
        """Run an extension's command by id."""
        extension, command = self._extension_commands[command_id]
        handler = getattr(extension, f"action_{command.action}", None)
        if handler is not None:
            handler()

    def show_articles(self) -> None:
        """The Articles tab, the cursor on the list."""
        self.query_one("#side-tabs", TabbedContent).active = "articles-tab"
        self.query_one("#articles", ArticlesPanel).focus()

    def _refresh_articles(self) -> None:
        """The list's quote counts, as the background pass finds them (it redraws only when
        the library changed)."""
        if not self.leaving:
            self.query_one("#articles", ArticlesPanel).show()

    # -- messages from the widgets ---------------------------------------------------------------

    def on_article_view_claim_clicked(self, message: ArticleView.ClaimClicked) -> None:
        """A click in a claim makes it current."""
        self.go_to_claim(message.claim)

    def on_speakers_panel_speaker_chosen(self, message: SpeakersPanel.SpeakerChosen) -> None:
        """Enter on a speaker filters to them (again: clears the filter)."""
        self.filter_speaker = None if self.filter_speaker == message.speaker_id else message.speaker_id

    def on_speakers_panel_claim_chosen(self, message: SpeakersPanel.ClaimChosen) -> None:
        """Enter (or a click) on a quote in the panel goes to it."""
        self.go_to_claim(message.claim)
