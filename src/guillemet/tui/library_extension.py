"""The speaker library in the reader: every article opened is recorded, a key shows what the
speaker on hand said in the other articles, and the Voices tab counts who gets a voice here.

The reader discovers this module (`extensions.EXTENSION_MODULES`) and calls
`make_extension(article, options)`; `options["library"]` is the `--library` path (None: as the
commands, `$GUILLEMET_LIBRARY`, else the user data folder's) and `options["no_library"]` turns
recording and the look-ups off (so does `GUILLEMET_LIBRARY=off`; the Voices tab needs no
library and stays).

Why it never slows the reader: nothing of the library (sqlite3, the genders) is imported on the
way to the first paint; the recording waits for the complete analysis to be shown, then runs in
a thread with a connection of its own, as do the look-up and the count of voices. A library
that cannot be opened or is damaged is one notification; the article, its analysis and its
annotations never depend on it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from textual.widget import Widget

from guillemet.analysis.models import Analysis
from guillemet.article import Article
from guillemet.tui.bindings import Command
from guillemet.tui.daemon_call import daemon_call
from guillemet.tui.voices_tab import VoicesTab

if TYPE_CHECKING:
    from guillemet.speaker_library.reader_side import LibraryAnswer
    from guillemet.speaker_library.rows import LibraryQuote

SETTLE_SECONDS = 0.5
"""How long after a complete analysis is shown the library's work starts: its first import
(sqlite3, the genders' lexicons: some 60 ms of Python in a thread) then competes with no frame
of the launch or of the analysis arriving."""

LIBRARY_COMMANDS: tuple[Command, ...] = (
    Command("speaker.elsewhere", "w", "quotes_elsewhere", "Said elsewhere",
            "What this speaker (the speakers panel's cursor, else the current claim's) said in the "
            "other articles of the library; enter opens one at the quote, backspace comes back",
            "Speakers"),
)


def make_extension(article: Article, options: dict[str, Any]) -> LibraryExtension:
    """The extension for `article` (see the module docstring for the options)."""
    return LibraryExtension(article, options.get("library"), bool(options.get("no_library")))


class LibraryExtension:
    """The speaker library on one article's screen (see the module docstring)."""

    def __init__(self, article: Article, library: str | None = None, disabled: bool = False) -> None:
        self.article = article
        self.library_option = library
        self.disabled = disabled
        self.reader: Any = None
        self.voices_tab = VoicesTab(id="voices")
        self.recorded = False
        self._counted: Analysis | None = None

    # -- the reader's extension protocol ------------------------------------------------------

    def commands(self) -> Sequence[Command]:
        return LIBRARY_COMMANDS

    def side_panels(self, reader: Any) -> Iterable[tuple[str, Widget]]:
        return [("Voices", self.voices_tab)]

    def on_mount(self, reader: Any) -> None:
        """Follow the analyses shown (the one at hand at the start too)."""
        self.reader = reader
        reader.watch(reader, "analysis", self._analysis_shown, init=False)

    # -- recording and the voices ------------------------------------------------------------

    def _analysis_shown(self, analysis: Analysis | None) -> None:
        """A complete analysis is on screen: count its voices and record it, once the frames
        that show it are out."""
        if analysis is None or not analysis.complete or analysis is self._counted:
            return
        self._counted = analysis
        self.reader.set_timer(SETTLE_SECONDS, lambda: self._start_work(analysis))

    def _start_work(self, analysis: Analysis) -> None:
        if self.reader.leaving:
            return
        self.reader.run_worker(self._library_work(analysis, record=not self.recorded), group="library-work",
                               exit_on_error=False)
        self.recorded = True

    async def _library_work(self, analysis: Analysis, record: bool) -> None:
        """The speakers' genders once, then the voices and the recording from them, each call
        in a thread. What runs there holds Python's lock, and a key waits for it: the genders
        of a 1 MB book are the longest part (some 0.15 s), so they are worked out only once."""
        from guillemet.analysis.gender import speaker_genders
        from guillemet.speaker_library.reader_side import reader_library_path, record_article
        from guillemet.speaker_library.voices import article_voices

        text = self.article.text
        genders = await daemon_call(speaker_genders, analysis, text)
        voices = await daemon_call(article_voices, analysis, text, genders)
        if analysis is self._counted and not self.reader.leaving:
            self.voices_tab.show_voices(voices)
        path = reader_library_path(self.library_option, self.disabled) if record else None
        if path is not None and not self.reader.leaving:
            self._tell(await daemon_call(record_article, path, analysis, text, genders))

    def _tell(self, answer: LibraryAnswer) -> None:
        """Each problem the library had, as a notification (the reader goes on)."""
        for problem in answer.problems:
            self.reader.app.notify(problem, title="Speaker library", severity="warning", timeout=8)

    # -- the key -----------------------------------------------------------------------------

    def speaker_on_hand(self) -> tuple[str, str] | None:
        """(id, name) of the speaker under the speakers panel's cursor when the focus is in the
        side panel, else of the current claim's speaker, else of the panel's cursor if the
        panel is on screen."""
        reader = self.reader
        panel = reader.speakers_panel
        analysis = reader.analysis
        node = panel.cursor_node
        on_panel = node.data.speaker_id if node is not None and node.data is not None else None
        focused = reader.app.focused
        in_side = focused is not None and any(a.id == "side" for a in focused.ancestors_with_self)
        quote = reader.current_quote
        if in_side and on_panel and panel.is_on_screen:
            speaker_id = on_panel
        elif quote is not None and quote.speaker is not None:
            speaker_id = quote.speaker.id
        else:
            speaker_id = on_panel if panel.is_on_screen else None
        speaker = analysis.speaker(speaker_id) if analysis is not None and speaker_id else None
        return (speaker.id, speaker.name) if speaker is not None else None

    def action_quotes_elsewhere(self) -> None:
        """`w`: this speaker's quotes in the library's other articles."""
        on_hand = self.speaker_on_hand()
        if on_hand is None:
            self.reader.refuse("Choose a speaker first: a claim (n, p) or a row of the speakers panel.")
            return
        self.reader.run_worker(self._look_up(on_hand[1]), group="library-look-up", exclusive=True,
                               exit_on_error=False)

    async def _look_up(self, name: str) -> None:
        from guillemet.speaker_library.reader_side import quotes_elsewhere, reader_library_path

        path = reader_library_path(self.library_option, self.disabled)
        app = self.reader.app
        if path is None:
            app.notify("The speaker library is off (--no-library or GUILLEMET_LIBRARY=off).", timeout=4)
            return
        sha = self.reader.analysis.text_sha256 if self.reader.analysis is not None else self.article.sha256
        answer = await daemon_call(quotes_elsewhere, path, sha, name)
        self._tell(answer)
        if answer.problems and not answer.quotes:
            return
        if not answer.quotes:
            others = max(0, answer.articles - 1)
            app.notify(f"{name} is quoted in none of the {others} other article{'s' * (others != 1)} "
                       "of the library.", timeout=4)
            return
        from guillemet.tui.quotes_elsewhere import QuotesElsewhere

        app.push_screen(QuotesElsewhere(name, answer.quotes), self._chosen)

    def _chosen(self, quote: LibraryQuote | None) -> None:
        if quote is not None:
            from guillemet.tui.elsewhere_screen import open_at_quote

            self.reader.app.run_worker(open_at_quote(self.reader.app, quote), group="library-open",
                                       exit_on_error=False)
