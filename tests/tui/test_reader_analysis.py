"""How the analysis reaches the reader: progressively, replaced at once, or not at all."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from reader_harness import make_app, settle
from textual.widget import Widget
from textual.widgets import Static
from tui_samples import sample_analysis

from guillemet.errors import ModelNotInstalledError
from guillemet.analysis_service.process import FixedAnalysisStream
from guillemet.tui.app import ReaderApp
from guillemet.tui.reader_screen import ReaderScreen
from guillemet.tui.bindings import Command
from guillemet.reading.model import ReadingModel
from guillemet.reading.spans import StyledSpan


async def test_partial_analyses_are_shown_then_completed(article, sample_text) -> None:
    partial = sample_analysis(sample_text, analysed_to=sample_text.index("Le ministère russe"))
    complete = sample_analysis(sample_text)
    shown: list[int] = []

    class Recording(ReaderApp):
        def on_reader_screen_analysis_shown(self, message: ReaderScreen.AnalysisShown) -> None:
            shown.append(message.analysis.analysed_to)

    app = Recording(article, FixedAnalysisStream([partial, complete]))
    async with app.run_test() as pilot:
        await settle(pilot, app)
        await pilot.pause()
        assert shown == [partial.analysed_to, len(sample_text)]
        assert app.reader.analysis.complete
        assert app.reader.article_view.pending_from is None
        assert len(app.reader.model.claims) == 9


async def test_a_partial_analysis_keeps_navigation_and_marks_the_rest(article, sample_text) -> None:
    cut = sample_text.index("Le ministère russe")
    partial = sample_analysis(sample_text, analysed_to=cut)
    app = make_app(article, [partial])
    async with app.run_test() as pilot:
        await settle(pilot, app)  # a source that stops after a partial analysis
        assert app.reader.article_view.pending_from == cut
        await pilot.press("p")
        assert app.reader.current_quote.id == "q3"  # the last claim analysed so far


async def test_a_missing_model_leaves_the_article_readable(article) -> None:
    app = make_app(article, [ModelNotInstalledError("fr_nothing_here")])
    async with app.run_test() as pilot:
        await settle(pilot, app)
        messages = [n.message for n in app._notifications]
        assert any("fr_nothing_here" in m and "not installed" in m for m in messages)
        assert app.reader.analysis is None
        assert app.reader.status_line.left == "Plain text (no analysis)"
        await pilot.press("n")  # explains, does not crash
        await pilot.press("space")
        assert app.reader.article_view.scroll_offset.y > 0


async def test_show_analysis_replaces_claims_and_speakers_at_once(article, analysis) -> None:
    app = make_app(article, [analysis])
    async with app.run_test() as pilot:
        await settle(pilot, app)
        await pilot.press("n", "n")
        assert app.reader.current_quote.id == "q2"
        fewer = replace(analysis, quotes=analysis.quotes[1:])  # q1 is "not a quote"
        app.reader.show_analysis(fewer)
        await pilot.pause()
        assert app.reader.current_quote.id == "q2"  # kept by id
        assert app.reader.current_claim == 0
        rows = {node.data.speaker_id: node for node in app.reader.speakers_panel.root.children}
        rows["lecornu"].expand()
        await pilot.pause()
        assert len(rows["lecornu"].children) == 2
        assert app.reader.speakers_panel.root.children[0].data.speaker_id == "choigou"  # most quoted


async def test_a_small_terminal_gets_a_message(article, analysis) -> None:
    app = make_app(article, [analysis])
    async with app.run_test(size=(40, 10)) as pilot:
        await settle(pilot, app)
        assert app.screen.has_class("too-small")
        assert app.query_one("#too-small", Static).display
        await pilot.resize_terminal(120, 40)
        await pilot.pause(0.1)
        assert not app.screen.has_class("too-small")


async def test_a_resized_view_is_drawn_with_the_new_wrap_at_once(article, analysis) -> None:
    """The view can be drawn at its new size before its Resize event is handled: it wraps
    then, instead of drawing the old wrap once more."""
    from guillemet.reading import layout as lay

    app = make_app(article, [analysis])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        view = app.reader.article_view
        top = view.text_layout.starts[view.scroll_offset.y]
        view.text_layout = lay.build_layout(view.text, 30, view.article_title, view.article_meta)
        line = view.render_line(0)
        assert view.text_layout.width == view.text_width != 30
        assert view.text_layout.starts[view.scroll_offset.y] == top
        assert line.text.strip() == view.render_line(0).text.strip()
        await pilot.resize_terminal(80, 30)
        await pilot.pause(0.1)
        assert view.text_layout.width == view.text_width


async def test_a_user_keymap_remaps_by_binding_id(article, analysis) -> None:
    app = make_app(article, [analysis], keymap={"claim.next": "x"})
    async with app.run_test() as pilot:
        await settle(pilot, app)
        await pilot.press("n")
        assert app.reader.current_claim is None
        await pilot.press("x")
        assert app.reader.current_quote.id == "q1"


class NoteTaker:
    """A minimal extension: one command, one side panel, annotations drawn in the text."""

    def __init__(self) -> None:
        self.reader = None
        self.notes: list[str] = []

    def commands(self) -> Sequence[Command]:
        return [Command("note.add", "a", "add_note", "Note", "Add a note", "Notes", show=True)]

    def side_panels(self, reader) -> Iterable[tuple[str, Widget]]:
        yield "Notes", Static("no notes", id="notes")

    def on_mount(self, reader) -> None:
        self.reader = reader

    def action_add_note(self) -> None:
        quote = self.reader.current_quote
        self.notes.append(quote.id)
        self.reader.article_view.set_extra_spans([StyledSpan(quote.start, quote.end, "annotation")])


async def test_an_extension_adds_a_remappable_command_and_a_panel(article, analysis) -> None:
    extension = NoteTaker()
    app = make_app(article, [analysis], extensions=[extension], keymap={"note.add": "A"})
    async with app.run_test() as pilot:
        await settle(pilot, app)
        assert app.query_one("#notes", Static)
        await pilot.press("n", "A")
        assert extension.notes == ["q1"]
        assert app.reader.article_view.extra_runs.keys_over(app.reader.current_quote.start,
                                                      app.reader.current_quote.end) == {"annotation"}
        assert any(c.id == "note.add" for c in app.reader.all_commands())


async def test_an_analysis_that_comes_at_once_is_shown(article, analysis) -> None:
    app = ReaderApp(article, FixedAnalysisStream([analysis]))
    async with app.run_test() as pilot:
        await settle(pilot, app)
        assert app.reader.analysis is analysis
        assert len(app.reader.speakers_panel.root.children) == len(analysis.speakers)


async def test_an_arriving_analysis_lists_its_speakers_a_frame_later(article, sample_text) -> None:
    """The view shows an analysis that comes in at once, the panel in the next frame; a
    model replaced before that frame is never listed."""
    partial = sample_analysis(sample_text, analysed_to=sample_text.index("Le ministère russe"))
    complete = sample_analysis(sample_text)
    app = make_app(article, [complete])
    async with app.run_test() as pilot:
        await settle(pilot, app)
        panel = app.reader.speakers_panel

        def listed() -> dict[str, int]:
            return {speaker_id: count for speaker_id, (_, _, count) in panel._speaker_rows.items()}

        def counts(model: ReadingModel) -> dict[str, int]:
            return {row.id: len(row.claims) for row in model.speakers}

        complete_model = app.reader.model
        assert listed() == counts(complete_model)
        partial_model = ReadingModel.build(partial)
        assert counts(partial_model) != counts(complete_model)
        app.reader.show_analysis(partial, partial_model, panel_after_frame=True)
        assert app.reader.model is partial_model and len(app.reader.article_view.model.claims) == len(partial_model.claims)
        assert listed() == counts(complete_model)  # not yet
        await pilot.pause()
        assert listed() == counts(partial_model)
        app.reader.show_analysis(partial, ReadingModel.build(partial), panel_after_frame=True)
        stale = app.reader.model
        app.reader.show_analysis(complete, complete_model, panel_after_frame=True)
        await pilot.pause()
        assert app.reader.model is complete_model is not stale
        assert listed() == counts(complete_model)
