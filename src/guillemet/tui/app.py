"""The reader app: the article, its speakers and claims, and the keys to move between them.

The app owns the reading state (current claim, speaker filter, search, jump history) and
tells its widgets what to show; widgets only post messages. The analysis comes from an
`AnalysisStream` consumed in a thread that does nothing but wait on a queue and index the
result (`ReadingModel.build`), so the first paint never waits for spaCy.

Extension points (used by the annotations):
- Commands: `ReaderApp(..., extensions=[...])`; each extension's `commands()` become bindings
  (remappable by id), help lines and palette entries; the action `foo` of an extension
  command calls `extension.action_foo()` (see `extensions.py`).
- Side panel: each extension's `side_panels(app)` are tabs next to "Speakers"
  (`#side-tabs`, a `TabbedContent`).
- State to read: `app.current_quote` (the current `Quote` or None), `app.article_view.selection`
  (`(start, end)` or None), `app.analysis` (the `Analysis` shown), `app.article`.
- State to change: `app.show_analysis(analysis)` replaces the analysis at once (view, panel,
  status), for corrections; `app.article_view.set_extra_spans(spans)` draws annotations;
  `app.go_to_span(start, end)` jumps (with history), e.g. from a notes list.
- Messages: `ReaderApp.AnalysisShown` (a new analysis is on screen), and the view's
  `ArticleView.SelectionChanged`.
"""

from __future__ import annotations

import asyncio
import gc
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult, SystemCommand
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static, TabbedContent, TabPane
from textual.worker import get_current_worker

from guillemet.analysis.models import Analysis, Quote
from guillemet.article import Article
from guillemet.errors import GuillemetError, ModelNotInstalledError
from guillemet.analysis_service import AnalysisStream
from guillemet.tui.article_view import ArticleView
from guillemet.tui.articles_panel import ArticlesPanel
from guillemet.tui.bindings import APP_COMMANDS, PANEL_COMMANDS, VIEW_COMMANDS, Command
from guillemet.tui.closing_signals import forward_to_loop, status_after
from guillemet.tui.colours_dialog import EntityColoursDialog
from guillemet.tui.extensions import ReaderExtension
from guillemet.tui.help_screen import HelpScreen
from guillemet.reading.history import JumpHistory, Position
from guillemet.reading.headings import header_lines
from guillemet.reading.layout import MIN_HEIGHT, MIN_WIDTH
from guillemet.reading.library import ArticleLibrary, SwitchArticle
from guillemet.analysis_service.long_lived import long_lived_allocations
from guillemet.tui.quit_guard import leave_when_saved, save_before_signal_exit
from guillemet.tui.reader_screen import ReaderScreen
from guillemet.reading.model import WAITING_FOR_ANALYSIS, ReadingModel, claim_summary
from guillemet.reading.search import SearchResults
from guillemet.tui.search_bar import SearchBar
from guillemet.tui.speakers_panel import SpeakersPanel
from guillemet.tui.status_line import SPINNER, StatusLine
from guillemet.tui.steady_footer import SteadyFooter
from guillemet.tui.themes import DEFAULT_THEME, THEMES

STYLES = Path(__file__).resolve().parent.parent / "styles"
"""The package's `styles/` folder (`importlib.resources` would find the same folder, at the cost
of importing it before the first paint)."""


class ReaderApp(App["SwitchArticle | None"]):
    """The reader (see the module docstring)."""

    CSS_PATH = [str(STYLES / "reader.tcss")]
    BINDINGS = [command.binding() for command in APP_COMMANDS]
    COMMAND_PALETTE_BINDING = "ctrl+p"

    class AnalysisArrived(Message):
        """A (possibly partial) analysis is ready, already indexed for reading."""

        def __init__(self, analysis: Analysis, model: ReadingModel) -> None:
            super().__init__()
            self.analysis = analysis
            self.model = model

    class AnalysisFailed(Message):
        """The analysis could not be made; `message` says why in one line."""

        def __init__(self, message: str) -> None:
            super().__init__()
            self.message = message

    class AnalysisEnded(Message):
        """The analysis source has nothing more to send."""

    class AnalysisShown(Message):
        """A new analysis is on screen (for extensions that index it too)."""

        def __init__(self, analysis: Analysis) -> None:
            super().__init__()
            self.analysis = analysis

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
    ) -> None:
        super().__init__()
        self._analysis_at_start = ready
        """The analysis and its reading model when at hand before the start (from the cache):
        the first frame shows them."""
        for item in THEMES:
            self.register_theme(item)
        if theme not in self.available_themes:
            known = ", ".join(sorted(self.available_themes))
            raise GuillemetError(f"unknown theme {theme!r}; try one of: {known}")
        self.theme = theme
        self.article = article
        self.source = source
        self.extensions = list(extensions)
        self.library = library
        self.notices = list(notices)
        """Problems met before the app started (inputs that could not be opened): printed on
        standard error, which the app's screen hides, so shown again as notifications."""
        """The articles opened together (None or one article: no list, no switching)."""
        self.user_keymap = dict(keymap or {})
        self.keymap_problem = keymap_problem
        self.analysis: Analysis | None = None
        self.model = ReadingModel.empty()
        self.filter_speaker: str | None = None
        self.search_results: SearchResults | None = None
        self.history = JumpHistory()
        self.analysing = source is not None
        self._spinner_frame = 0
        self._leaving = False
        """Set once the app starts closing (not `_closing`: that name is Textual's own)."""
        self.leaving_report: list[str] = []
        """Lines for standard error once the terminal is back (annotations left unsaved)."""
        self._restore_signals = lambda: None
        self._extension_commands: dict[str, tuple[ReaderExtension, Command]] = {}
        for extension in self.extensions:
            for command in extension.commands():
                self._extension_commands[command.id] = (extension, command)
        title, meta = header_lines(article)
        self.title = title
        self._view_title, self._view_meta = title, meta

    # -- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """The article on the left, with the search bar and the status line under it, and the
        side panel (speakers, extension tabs, legend) on the right. The status line stays under
        the article: it changes at every key, and Textual repaints the box around everything
        that changed, so a full-width line would repaint the side panel too.

        Everything is in the first frame: the read command has painted a first screen before
        Textual was imported (`first_screen.py`), so nothing is gained by painting the text
        alone first, and building the panels later held the keys of the first moments (about
        80 ms of mounting and first renders)."""
        with Horizontal(id="main"):
            with Vertical(id="reading"):
                yield ArticleView(
                    self.article.text, self._view_title, self._view_meta, id="article"
                )
                yield SearchBar(id="search")
                yield StatusLine(id="status")
            with Vertical(id="side"):
                with TabbedContent(id="side-tabs"):
                    yield from self._side_panes()
                yield Static(id="legend")
        yield Static(
            f"The terminal is too small for the reader.\n"
            f"Make it at least {MIN_WIDTH}×{MIN_HEIGHT}.",
            id="too-small",
        )
        yield SteadyFooter()

    def _side_panes(self) -> list[TabPane]:
        """The side tabs: speakers, the extensions' tabs, the articles."""
        panes = [TabPane("Speakers", SpeakersPanel(id="speakers"), id="speakers-tab")]
        for extension in self.extensions:
            for title, widget in extension.side_panels(self):
                panes.append(TabPane(title, widget))
        if self.library is not None and len(self.library) > 1:
            panes.append(TabPane("Articles", ArticlesPanel(self.library, id="articles"), id="articles-tab"))
        return panes

    def get_default_screen(self) -> Screen:
        """The reader's screen, whose class carries the extensions' bindings (Textual reads
        bindings from classes, and extensions are known per app)."""
        commands = [Command(command.id, command.key, f"app.extension_action('{command.id}')",
                            command.description, command.tooltip, command.group,
                            command.show, command.key_display)
                    for _, command in self._extension_commands.values()]
        return ReaderScreen.carrying(commands)(id="_default")

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

    def on_load(self) -> None:
        """From the app's first moment, SIGTERM and SIGHUP close it as `q` does
        (`closing_signals`), instead of killing it with the terminal still in its hands."""
        self._restore_signals = forward_to_loop(asyncio.get_running_loop(), self._close_on_signal)

    def on_mount(self) -> None:
        """Focus the article, wire the extensions, show an analysis at hand, else start the
        analysis (off the UI)."""
        if self.user_keymap:
            self.set_keymap(self.user_keymap)
        for bar in self.query("#side-tabs Tabs"):
            bar.can_focus = False  # tab and shift+tab go between the article and the panel
        self.article_view.focus()
        self._check_size()
        self._update_status()
        if self.keymap_problem:
            self.notify(self.keymap_problem, title="Keymap", severity="warning")
        for notice in self.notices:
            self.notify(notice, title="Not opened", severity="warning", timeout=10)
        self._update_legend()
        for extension in self.extensions:
            extension.on_mount(self)
        at_start, self._analysis_at_start = self._analysis_at_start, None
        if at_start is not None:
            self.show_analysis(*at_start)
        if self.source is not None:
            self.status_line.set_part("analysis", f"{SPINNER[0]} analysing…")
            self._spinner = self.set_interval(0.12, self._spin)
            self._consume_analyses()
        else:
            self._start_library()
        if self.library is not None and len(self.library) > 1:
            self.set_interval(0.5, self._refresh_articles)
        self.call_after_refresh(self._record_look)
        self._freeze_long_lived()

    def _record_look(self) -> None:
        """Keep this theme's colours for the next launch's first screen (`first_screen.py`)."""
        if self._leaving:
            return
        from guillemet.tui.recorded_look import record_current_look

        try:
            record_current_look(self)
        except Exception:  # noqa: BLE001 - a convenience for the next launch, never a failure now
            pass

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Which app commands may run now. `/` is a priority binding (so that keys typed right
        after it reach the search bar, see `action_search`): it must not fire while the reader
        types in a field or a dialog."""
        if action == "search":
            return not isinstance(self.focused, Input) and self.screen is self.screen_stack[0]
        return True

    def on_resize(self) -> None:
        """Show the too-small message when the terminal is below the minimum size."""
        self.call_after_refresh(self._check_size)

    def _check_size(self) -> None:
        width, height = self.size
        self.screen.set_class(width < MIN_WIDTH or height < MIN_HEIGHT, "too-small")

    def watch_theme(self) -> None:
        """Theme colours changed: the legend is drawn from them."""
        if self.is_mounted:
            self.call_after_refresh(self._update_legend)
            self.call_after_refresh(self._record_look)

    # -- the analysis -----------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="analysis", exit_on_error=False)
    def _consume_analyses(self) -> None:
        """Wait for analyses off the UI thread, index each, and post it to the app."""
        assert self.source is not None
        worker = get_current_worker()
        try:
            for analysis in self.source.stream(self.article):
                if worker.is_cancelled:
                    return
                with long_lived_allocations():
                    model = ReadingModel.build(analysis)
                self.post_message(self.AnalysisArrived(analysis, model))
        except ModelNotInstalledError as error:
            self.post_message(self.AnalysisFailed(str(error)))
        except GuillemetError as error:
            self.post_message(self.AnalysisFailed(str(error)))
        except Exception as error:  # noqa: BLE001 - the article stays readable whatever happens
            self.post_message(self.AnalysisFailed(f"the analysis failed ({error})"))
        finally:
            self.post_message(self.AnalysisEnded())

    def on_reader_app_analysis_ended(self) -> None:
        """The source is exhausted: stop the indicator."""
        if not self._leaving:
            self._analysis_done()

    def on_reader_app_analysis_arrived(self, message: AnalysisArrived) -> None:
        """Show each analysis as it arrives (partial ones too)."""
        if self._leaving:
            return
        self.show_analysis(message.analysis, message.model, panel_after_frame=True)

    def _freeze_long_lived(self) -> None:
        """Take what exists at start-up (modules, widgets, an analysis at hand) out of the
        cyclic garbage collector's full passes, which walked them all (over 100 ms, while a key
        waited), after a young collection. Analyses that arrive later are frozen as they are
        decoded (`long_lived.py`). Whatever cyclic garbage is frozen stays until the reader
        closes (`on_unmount` unfreezes)."""
        gc.collect(1)
        gc.freeze()

    def on_reader_app_analysis_failed(self, message: AnalysisFailed) -> None:
        """Keep the article readable and say why there is no analysis."""
        if self._leaving:
            return
        try:
            self._analysis_done()
            self.status_line.set_part("analysis", "no analysis")
        except NoMatches:  # the source was stopped while the reader closes
            self._leaving = True
            return
        self.notify(
            f"{message.message}. The article is shown without colours or claims.",
            title="Analysis unavailable",
            severity="error",
            timeout=12,
        )

    def _analysis_done(self) -> None:
        if not self.analysing:
            return
        self.analysing = False
        self._start_library()
        spinner = getattr(self, "_spinner", None)
        if spinner is not None:
            spinner.stop()
        self.status_line.set_part("analysis", None)
        self._update_status()

    def _spin(self) -> None:
        if self._leaving:
            return
        self._spinner_frame = (self._spinner_frame + 1) % len(SPINNER)
        progress = ""
        if self.analysis is not None and self.analysis.text_length:
            share = self.analysis.analysed_to / self.analysis.text_length
            progress = f" {share:.0%}"
        try:
            self.status_line.set_part(
                "analysis", f"{SPINNER[self._spinner_frame]} analysing{progress}…"
            )
        except NoMatches:  # a tick while the app closes
            self._leaving = True

    def show_analysis(self, analysis: Analysis, model: ReadingModel | None = None,
                      panel_after_frame: bool = False) -> None:
        """Show `analysis` at once in the view, the panel and the status line (keeps the
        current claim by id). Extensions call this after a correction.

        `panel_after_frame`: the speakers panel follows one frame later. Analyses of a book
        come in while the reader reads; the panel's rows and the layout they bring are the
        costliest part of showing one (10 to 25 ms), and a key pressed meanwhile is answered
        in the frame between instead of after both."""
        model = model if model is not None else ReadingModel.build(analysis)
        current = self.current_quote
        self.analysis, self.model = analysis, model
        view = self.article_view
        view.current_claim = None
        view.set_model(model)
        if current is not None:
            view.set_current_claim(model.claim_index(current.id))
        view.set_pending_from(None if analysis.complete else analysis.analysed_to)
        if analysis.complete:
            if self.library is not None:
                self.library.record(self.library.current, len(analysis.quotes))
            self._analysis_done()
        if panel_after_frame:
            self.call_after_refresh(self._show_speakers, model)
        else:
            self._show_speakers(model)
        self._update_status()
        self.post_message(self.AnalysisShown(analysis))

    def _show_speakers(self, model: ReadingModel) -> None:
        """List the speakers of `model` in the panel, unless a newer model came since."""
        if model is self.model and not self._leaving:
            self.speakers_panel.show_model(model, self.filter_speaker)

    # -- reading state ----------------------------------------------------------------------

    @property
    def current_claim(self) -> int | None:
        """The index (reading order) of the current claim, or None."""
        return self.article_view.current_claim

    @property
    def current_quote(self) -> Quote | None:
        """The current claim as a `Quote`, or None."""
        index = self.article_view.current_claim
        if index is None or index >= len(self.model.claims):
            return None
        return self.model.claims[index]

    def position(self) -> Position:
        """Where the reader is now (for the jump history)."""
        view = self.article_view
        quote = self.current_quote
        return Position(view.top_offset, quote.id if quote else None, view.focus_span)

    def _update_status(self) -> None:
        index = self.current_claim
        total = len(self.model.claims)
        if self.filter_speaker is not None:
            claims = self.model.claims_of(self.filter_speaker)
            found = bisect_left(claims, index) if index is not None else len(claims)
            position = found + 1 if found < len(claims) and claims[found] == index else 0
            left = claim_summary(self.current_quote if position else None, position, len(claims))
        else:
            position = index + 1 if index is not None else 0
            left = claim_summary(self.current_quote, position, total)
        if self.analysis is None and not self.analysing:
            left = "Plain text (no analysis)"
        elif self.analysis is None:
            left = WAITING_FOR_ANALYSIS
        self.status_line.set_left(left)
        row = self.model.speaker_row(self.filter_speaker) if self.filter_speaker else None
        self.status_line.set_part("filter", f"only {row.name}" if row else None)
        library = self.library
        if library is not None and len(library) > 1:
            self.status_line.set_part("article", f"article {library.current + 1}/{len(library)} (< >)")
        results = self.search_results
        if results is not None and results.query:
            current = self.article_view.current_match
            where = f"{current + 1}/" if current is not None else ""
            self.status_line.set_part("search", f"“{results.query}” {where}{len(results)} matches")
        else:
            self.status_line.set_part("search", None)

    def _update_legend(self) -> None:
        view = self.article_view
        palette = view.palette
        palette.clear()
        legend = Text()
        if view.colours:
            for key, label in (("entity-per", "person"), ("entity-org", "organisation"),
                               ("entity-loc", "place"), ("entity-misc", "other")):
                if key in view.entity_types_shown:
                    legend.append(label, palette.style((key,)))
                else:  # hidden with `c`: struck through, so the legend says what is missing
                    legend.append(label, "dim strike")
                legend.append("  ")
        else:
            legend.append("entity colours off (c)  ", "italic")
        legend.append("\n")
        legend.append("« quote »", palette.style(("quote",)))
        legend.append("  ")
        legend.append("speaker", palette.style(("quote", "mention")))
        legend.append("  ")
        legend.append("cue", palette.style(("quote", "cue")))
        legend.append("  ")
        legend.append("current", palette.style(("quote", "current")))
        self.query_one("#legend", Static).update(legend)
        view.repaint_all()

    # -- moving around ----------------------------------------------------------------------

    def go_to_claim(self, claim: int | None, remember: bool = True) -> None:
        """Make `claim` current and centre it (the previous place goes into the history)."""
        if claim is None:
            return
        if remember:
            self.history.push(self.position())
        view = self.article_view
        view.set_focus_span(None)
        view.set_current_claim(claim)
        quote = self.model.claims[claim]
        view.scroll_to_span(quote.start, quote.end)
        self._update_status()

    def go_to_span(self, start: int, end: int, centre: bool = True) -> None:
        """Jump to `text[start:end]` and mark it (with history)."""
        self.history.push(self.position())
        view = self.article_view
        view.set_focus_span((start, end))
        if centre or not self._visible(start, end):
            view.scroll_to_span(start, end)
        self._update_status()

    def _visible(self, start: int, end: int) -> bool:
        view = self.article_view
        if view.text_layout is None:
            return False
        lines = view.text_layout.lines_of(start, max(start + 1, end))
        top = int(view.scroll_offset.y)
        return top <= lines.start and lines.stop <= top + view.scrollable_content_region.height

    def _no_claims(self) -> None:
        self.bell()
        if self.analysis is None:
            self.notify("The claims are not known yet: the analysis is running.", timeout=3)
        else:
            self.notify("No claims in this article.", timeout=3)

    def _step(self, forward: bool, speaker_id: str | None) -> None:
        if not self.model.claims:
            self._no_claims()
            return
        view = self.article_view
        claim, wrapped = self.model.step_claim(
            self.current_claim, view.top_offset, forward, speaker_id
        )
        if claim is None:
            self.bell()
            return
        self.go_to_claim(claim)
        if wrapped:
            where = "first" if forward else "last"
            self.notify(f"Back to the {where} claim.", timeout=2)

    def action_next_claim(self) -> None:
        """`n`: the next claim in reading order (within the speaker filter)."""
        self._step(True, self.filter_speaker)

    def action_previous_claim(self) -> None:
        """`p`: the previous claim in reading order (within the speaker filter)."""
        self._step(False, self.filter_speaker)

    def _same_speaker(self, forward: bool) -> None:
        quote = self.current_quote
        if quote is None or quote.speaker is None:
            self.bell()
            self.notify("Choose a claim with a known speaker first (n, p).", timeout=3)
            return
        self._step(forward, quote.speaker.id)

    def action_next_same_speaker(self) -> None:
        """`]`: the next claim by the current claim's speaker."""
        self._same_speaker(True)

    def action_previous_same_speaker(self) -> None:
        """`[`: the previous claim by the current claim's speaker."""
        self._same_speaker(False)

    def action_source(self) -> None:
        """`s`: the current claim's speaker mention; again: the speaker's first mention."""
        quote = self.current_quote
        if quote is None:
            self.bell()
            self.notify("Choose a claim first (n, p), then s goes to its source.", timeout=3)
            return
        view = self.article_view
        mention = quote.speaker_mention
        first = self.model.first_mention(quote.speaker.id) if quote.speaker else None
        if mention is not None and view.focus_span != (mention.start, mention.end):
            target = mention
        elif first is not None:
            target = first
        else:
            self.bell()
            self.notify("This claim's speaker is not named in the text.", timeout=3)
            return
        self.go_to_span(target.start, target.end)

    def action_back(self) -> None:
        """`backspace`: back to the position before the last jump."""
        position = self.history.pop()
        if position is None:
            self.bell()
            return
        view = self.article_view
        claim = self.model.claim_index(position.claim_id) if position.claim_id else None
        view.set_current_claim(claim)
        view.set_focus_span(position.focus)
        view.scroll_to_offset(position.top_offset)
        self._update_status()

    def action_next_entity(self) -> None:
        """`e`: the next named entity."""
        self._entity(True)

    def action_previous_entity(self) -> None:
        """`E`: the previous named entity."""
        self._entity(False)

    def _entity(self, forward: bool) -> None:
        view = self.article_view
        if view.focus_span is not None:
            reference = view.focus_span[0]
        elif self.current_quote is not None:
            reference = self.current_quote.start
        else:
            reference = view.top_offset - 1 if forward else view.top_offset
        index = self.model.step_entity(reference, forward)
        if index is None:
            self.bell()
            return
        entity = self.model.entities[index]
        self.go_to_span(entity.start, entity.end, centre=False)

    def action_toggle_colours(self) -> None:
        """`c`: choose which entity types are coloured (applied as they are ticked)."""
        self.push_screen(EntityColoursDialog(self.article_view.entity_types_shown, self.set_entity_types))

    def set_entity_types(self, shown: frozenset[str]) -> None:
        """Colour only these entity types, and say so in the legend."""
        self.article_view.set_entity_types(shown)
        self._update_legend()

    def action_clear(self) -> None:
        """Escape: clear the selection, the search and the speaker filter."""
        view = self.article_view
        view.set_selection(None, None)
        view.set_focus_span(None)
        if self.search_results is not None:
            self.search_results = None
            view.set_search(None)
        self.set_filter(None)

    def set_filter(self, speaker_id: str | None) -> None:
        """Show only one speaker's claims to n/p (None: all claims)."""
        self.filter_speaker = speaker_id
        self.article_view.set_filter(speaker_id)
        self.speakers_panel.mark_filter(speaker_id)
        self._update_status()

    # -- search -----------------------------------------------------------------------------

    def action_search(self) -> None:
        """`/`: open the search bar."""
        bar = self.query_one("#search", SearchBar)
        bar.value = ""
        bar.display = True
        self.set_focus(bar)  # at once: keys typed right after `/` must land in the bar

    def on_search_bar_search_changed(self, message: SearchBar.SearchChanged) -> None:
        """Show the matches as the query is typed."""
        results = SearchResults.find(self.article.text, message.query) if message.query else None
        self.search_results = results
        self.article_view.set_search(results)
        self._update_status()

    def on_search_bar_search_submitted(self, message: SearchBar.SearchSubmitted) -> None:
        """Enter: go to the first match after the view's top; escape: drop the search."""
        bar = self.query_one("#search", SearchBar)
        bar.display = False
        self.article_view.focus()
        if message.cancelled:
            bar.value = ""
            self.search_results = None
            self.article_view.set_search(None)
            self._update_status()
            return
        if self.search_results is not None and len(self.search_results) == 0:
            self.notify(f"“{message.query}” is not in the article.", timeout=3)
        elif self.search_results is not None:
            self._step_match(True)

    def _step_match(self, forward: bool) -> None:
        results = self.search_results
        if results is None or not len(results):
            self.bell()
            return
        view = self.article_view
        current = view.current_match
        reference = results.starts[current] if current is not None else view.top_offset - 1
        index = results.step(reference, forward)
        if index is None:
            return
        view.set_current_match(index)
        start = results.starts[index]
        self.go_to_span(start, start + results.length, centre=not self._visible(start, start + 1))
        self._update_status()

    def action_next_match(self) -> None:
        """`.`: the next match of the search."""
        self._step_match(True)

    def action_previous_match(self) -> None:
        """`,`: the previous match of the search."""
        self._step_match(False)

    # -- selection, help, extensions ----------------------------------------------------------

    def action_start_selection(self) -> None:
        """`v`: start a keyboard selection."""
        self.article_view.start_selection()

    def all_commands(self) -> list[Command]:
        """Every command of the reader and its extensions (help screen, palette)."""
        extra = [command for _, command in self._extension_commands.values()]
        return [*APP_COMMANDS, *VIEW_COMMANDS, *PANEL_COMMANDS, *extra]

    def action_help(self) -> None:
        """`?`: the help screen."""
        self.push_screen(HelpScreen(self.all_commands(), self.user_keymap))

    def action_extension_action(self, command_id: str) -> None:
        """Run an extension's command by id."""
        extension, command = self._extension_commands[command_id]
        handler = getattr(extension, f"action_{command.action}", None)
        if handler is not None:
            handler()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The command palette: Textual's commands, then every command of the table."""
        yield from super().get_system_commands(screen)
        for command in self.all_commands():
            if command.target == "panel":
                continue
            yield SystemCommand(command.description, command.tooltip, self._runner(command))

    def _runner(self, command: Command) -> Any:
        async def run() -> None:
            if command.id in self._extension_commands:
                self.action_extension_action(command.id)
            elif command.target == "view":
                await self.article_view.run_action(command.action)
            else:
                await self.run_action(command.action)

        return run

    # -- the articles opened together ----------------------------------------------------------

    def _start_library(self) -> None:
        """The article on screen is analysed: now count the quotes of the others."""
        if self.library is not None:
            self.library.start_background()

    def _refresh_articles(self) -> None:
        """The list's quote counts, as the background pass finds them (it redraws only when
        the library changed; the status line's `article k/n` never changes in one reader)."""
        if not self._leaving:
            self.query_one("#articles", ArticlesPanel).show()

    def action_show_articles(self) -> None:
        """`L`: the Articles tab, the cursor on the list."""
        if self.library is None or len(self.library) < 2:
            self.notify("Only one article is open; give several to guillemet to switch.", timeout=4)
            return
        self.query_one("#side-tabs", TabbedContent).active = "articles-tab"
        self.query_one("#articles", ArticlesPanel).focus()

    def action_next_article(self) -> None:
        """`>`: the next of the articles opened together."""
        self._open_neighbour(1)

    def action_previous_article(self) -> None:
        """`<`: the previous one."""
        self._open_neighbour(-1)

    def _open_neighbour(self, step: int) -> None:
        if self.library is None or len(self.library) < 2:
            self.notify("Only one article is open; give several to guillemet to switch.", timeout=4)
            return
        self.open_article(self.library.neighbour(step))

    def open_article(self, index: int) -> None:
        """Leave this article for article `index` of the library (the caller reopens the
        reader on it; closing saves the annotations as any close does)."""
        if self.library is None or index == self.library.current:
            return
        leave_when_saved(self, lambda status: self._leave(SwitchArticle(index), status))

    def on_articles_panel_article_chosen(self, message: ArticlesPanel.ArticleChosen) -> None:
        """Enter on an article of the list opens it."""
        self.open_article(message.index)

    async def action_quit(self) -> None:
        """`q`: leave once the annotations are safe (`quit_guard` asks where to put those that
        could not be saved)."""
        leave_when_saved(self, lambda status: self._leave(None, status))

    def _leave(self, result: SwitchArticle | None, status: int) -> None:
        """Stop the analysis process and close the reader with `result` and exit `status`."""
        self._stop_analysis()
        self.exit(result, return_code=status)

    def _close_on_signal(self, signum: int) -> None:
        """SIGTERM or SIGHUP (`closing_signals`): save as `q` does, with no one to ask, then
        close the normal way, which gives the terminal back."""
        if self._leaving:
            return  # already closing: the close saves
        save_before_signal_exit(self)
        self._leave(None, status_after(signum))

    def on_unmount(self) -> None:
        """Never leave an analysis process behind; give this reader's objects back to the
        garbage collector (`_freeze_long_lived`; a switch to another article starts a new
        app); signals go back to their handlers from before the reader."""
        self._restore_signals()
        self._stop_analysis()
        gc.unfreeze()

    def _stop_analysis(self) -> None:
        """Closing: the analysis stops and late messages and timer ticks are ignored (the
        widgets they would update are being removed)."""
        self._leaving = True
        spinner = getattr(self, "_spinner", None)
        if spinner is not None:
            spinner.stop()
        if self.source is not None:
            self.source.cancel()

    # -- messages from the widgets --------------------------------------------------------

    def on_article_view_claim_clicked(self, message: ArticleView.ClaimClicked) -> None:
        """A click in a claim makes it current."""
        self.go_to_claim(message.claim)

    def on_speakers_panel_speaker_chosen(self, message: SpeakersPanel.SpeakerChosen) -> None:
        """Enter on a speaker filters to them (again: clears the filter)."""
        same = self.filter_speaker == message.speaker_id
        self.set_filter(None if same else message.speaker_id)

    def on_speakers_panel_claim_chosen(self, message: SpeakersPanel.ClaimChosen) -> None:
        """Enter (or a click) on a quote in the panel goes to it."""
        self.go_to_claim(message.claim)
