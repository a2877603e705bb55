"""The reader at 80×24 and at the 50×12 minimum: the side panel folded and shown on demand, a key
per tab, the status line, footer, help, search field and dialogs within the screen, the search
and claim wording, and notifications that never cover the current claim.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from reader_harness import make_app, settle, spy_notifications
from textual.geometry import Region
from textual.widgets import Tabs
from tui_samples import sample_analysis, sample_article

from guillemet.tui.annotation_extension import make_extension
from guillemet.reading.layout import ARTICLE_MIN_WIDTH
from guillemet.tui.app import ReaderApp
from guillemet.tui.article_view import ArticleView
from guillemet.tui.colours_dialog import EntityColoursDialog
from guillemet.tui.help_screen import HelpScreen
from guillemet.tui.speakers_panel import SpeakersPanel
from guillemet.tui.toast_place import claim_region

NARROW = [(80, 24), (50, 12)]


def annotated(tmp_path: Path, sample_text: str) -> ReaderApp:
    """The reader with the annotations (their Notes tab and their footer key), as it runs."""
    path = tmp_path / "article.txt"
    path.write_text(sample_text, encoding="utf-8")
    article = sample_article(sample_text, str(path))
    extension = make_extension(article, {"sidecar": None})
    return make_app(article, [sample_analysis(sample_text, str(path))], extensions=[extension])


def drawn(widget: Any) -> str:
    """The text a widget draws, line by line, as on screen (cut where the screen cuts it)."""
    return "\n".join(strip.text for strip in widget.render_lines(Region(0, 0, *widget.size)))


def within(region: Region, size: tuple[int, int]) -> bool:
    return region.area > 0 and Region(0, 0, *size).contains_region(region)


@pytest.mark.parametrize("size", NARROW)
async def test_on_a_narrow_screen_the_panel_folds_and_p_shows_it_over_the_article(size, tmp_path, sample_text) -> None:
    app = annotated(tmp_path, sample_text)
    async with app.run_test(size=size) as pilot:
        await settle(pilot, app)
        reader = app.reader
        side = reader.query_one("#side")
        assert reader.has_class("side-folded") and not side.display
        assert reader.article_view.outer_size.width == size[0]
        await pilot.press("P")
        assert reader.has_class("side-shown") and isinstance(app.focused, SpeakersPanel)
        assert within(side.region, size) and side.region.right == size[0]
        await pilot.pause()
        assert not side.region.overlaps(reader.status_line.region)  # the status line stays whole
        await pilot.press("escape")
        await pilot.pause()
        assert not reader.has_class("side-shown") and isinstance(app.focused, ArticleView)
        await pilot.press("N")  # the Notes tab's key shows the folded panel too
        await pilot.pause()
        assert reader.has_class("side-shown")
        assert reader.query_one("#side-tabs").active != "speakers-tab"
        await pilot.press("S")  # and back to the speakers
        assert reader.query_one("#side-tabs").active == "speakers-tab"
        assert isinstance(app.focused, SpeakersPanel)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, Tabs)
        await pilot.press("shift+tab")  # out of the panel: it goes away
        await pilot.pause()
        assert isinstance(app.focused, ArticleView) and not reader.has_class("side-shown")


async def test_beside_the_panel_the_article_keeps_60_columns_and_p_moves_the_focus(article, analysis) -> None:
    app = make_app(article, [analysis])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        reader = app.reader
        assert not reader.has_class("side-folded") and reader.query_one("#side").display
        assert reader.article_view.outer_size.width >= ARTICLE_MIN_WIDTH
        await pilot.press("P")
        assert isinstance(app.focused, SpeakersPanel)
        await pilot.press("P")
        assert isinstance(app.focused, ArticleView)
        await pilot.resize_terminal(80, 24)
        await pilot.pause(0.1)
        assert reader.has_class("side-folded") and reader.article_view.outer_size.width == 80


async def test_the_tab_keys_are_in_the_help_and_the_palette(article, analysis) -> None:
    app = make_app(article, [analysis])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        ids = {command.id: command.key for command in app.reader.all_commands()}
        assert ids["tab.speakers"] == "S" and ids["side.toggle"] == "P"
        keys = [command.key for command in app.reader.all_commands() if command.target != "panel"]
        assert len(keys) == len(set(keys)), "two commands on one key"
        palette = [command.title for command in app.get_system_commands(app.reader)]
        assert "Speakers" in palette and "Panel" in palette
        await pilot.press("question_mark")
        await pilot.pause()
        shown = drawn(app.screen.query_one("#help-table"))
        assert "tab.speakers" in shown and "side.toggle" in shown


@pytest.mark.parametrize("size", NARROW)
async def test_status_footer_help_search_and_dialogs_fit(size, tmp_path, sample_text) -> None:
    app = annotated(tmp_path, sample_text)
    async with app.run_test(size=size) as pilot:
        await settle(pilot, app)
        reader = app.reader
        assert within(reader.status_line.region, size)
        footer_keys = [key for key in reader.query("FooterKey") if key.display]
        palette = [key for key in footer_keys if key.has_class("-command-palette")]
        shown = [key for key in footer_keys if key not in palette]
        assert {str(key.action).rpartition(".")[2] for key in shown} >= {"help", "quit", "next_claim"}
        for key in shown:  # whole, and not under the palette's key
            assert within(key.region, size) and key.region.right <= palette[0].region.x
            assert key.region.width >= len(f"{key.key_display} {key.description}")
        await pilot.press("slash", *"Kiev", "enter")
        await pilot.pause()
        assert reader.status_words.search == "“Kiev” match 1/1"
        assert "“Kiev” match 1/1" in drawn(reader.status_line)
        await pilot.press("slash")
        await pilot.pause()
        assert within(reader.query_one("#search").region, size)
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        assert within(help_screen.query_one("#help-box").region, size)
        table = drawn(help_screen.query_one("#help-table"))
        for command in reader.all_commands():  # every id whole, none cut off
            assert command.id in table
        await pilot.press("escape", "c")
        await pilot.pause()
        assert isinstance(app.screen, EntityColoursDialog)
        assert within(app.screen.query_one("Vertical").region, size)
        await pilot.press("escape", "n", "a")
        await pilot.pause()
        assert within(app.screen.query_one("Vertical").region, size)  # the note dialog


@pytest.mark.parametrize("size", NARROW)
async def test_the_search_words_count_in_good_english(size, article, analysis) -> None:
    app = make_app(article, [analysis])
    async with app.run_test(size=size) as pilot:
        await settle(pilot, app)
        await pilot.press("slash", *"Ukraine")
        await pilot.pause()
        count = len(app.reader.search_results)
        assert app.reader.status_words.search == f"“Ukraine” {count} matches"
        await pilot.press("enter")
        assert app.reader.status_words.search == f"“Ukraine” match 1/{count}"
        await pilot.press("slash", *"Pékin", "enter")
        assert app.reader.status_words.search == "“Pékin” no match"


@pytest.mark.parametrize("size", NARROW)
async def test_the_speakers_only_claim_is_said_so(size, article, analysis) -> None:
    app = make_app(article, [analysis])
    seen = spy_notifications(app)
    async with app.run_test(size=size) as pilot:
        await settle(pilot, app)
        await pilot.press(*"n" * 9)
        assert app.reader.current_quote.speaker.name == "Emmanuel Macron"
        await pilot.press("right_square_bracket")
        assert seen[-1] == "This is Emmanuel Macron's only claim."
        assert app.reader.current_quote.id == "q9"


@pytest.mark.parametrize("size", NARROW)
async def test_g_then_n_goes_on_from_the_view(size, article, analysis) -> None:
    app = make_app(article, [analysis])
    async with app.run_test(size=size) as pilot:
        await settle(pilot, app)
        await pilot.press(*"n" * 6)
        assert app.reader.current_quote.id == "q6"
        await pilot.press("g")
        await pilot.pause()
        assert app.reader.article_view.scroll_offset.y == 0
        await pilot.press("n")
        assert app.reader.current_quote.id == "q1"  # the first from the top, not q7
        await pilot.press("n", "n")
        assert app.reader.current_quote.id == "q3"  # on screen: from the claim


async def test_beside_the_article_a_notification_lies_over_the_panel(article, analysis) -> None:
    app = make_app(article, [analysis])
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot, app)
        app.notify("A notice long enough to be wrapped over several lines of its toast.", timeout=30)
        await pilot.pause(0.2)
        toasts = list(app.reader.query("Toast"))
        assert toasts and all(t.region.x >= app.reader.query_one("#side").region.x for t in toasts)


@pytest.mark.parametrize("size", NARROW)
@pytest.mark.parametrize("where", ["low", "high"])
async def test_a_notification_never_covers_the_current_claim(size, where, article, analysis) -> None:
    app = make_app(article, [analysis])
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(pilot, app)
        reader = app.reader
        await pilot.press(*"n" * 4)
        await pilot.pause()
        view = reader.article_view
        claim = claim_region(reader)
        assert claim is not None
        # put the claim at the bottom (or the top) of the view
        lines = view.text_layout.lines_of(reader.current_quote.start, reader.current_quote.end)
        top = lines.stop - view.scrollable_content_region.height if where == "low" else lines.start
        view.scroll_to(y=top, animate=False)
        await pilot.pause()
        app.notify("A notice long enough to take several lines of the toast, even across the "
                   "whole width of a terminal eighty columns wide.", title="Notice", timeout=30)
        await pilot.pause(0.3)
        claim = claim_region(reader)
        toasts = list(reader.query("Toast"))
        assert claim is not None and toasts
        for toast in toasts:
            assert not toast.region.intersection(claim).area, (toast.region, claim)


@pytest.mark.parametrize("size", NARROW)
async def test_a_notification_moves_away_from_the_claim_the_reader_moves_to(size, article, analysis) -> None:
    """A notification that stays on screen while the reader goes through the claims goes to
    the other end of the view when a claim comes under it."""
    app = make_app(article, [analysis])
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(pilot, app)
        reader = app.reader
        app.notify("A notice long enough to take several lines of the toast, even across the "
                   "whole width of a terminal eighty columns wide.", title="Notice", timeout=60)
        await pilot.pause(0.3)
        for _ in range(len(reader.analysis.quotes)):  # every claim, the toast still on show
            await pilot.press("n")
            await pilot.pause(0.2)
            claim = claim_region(reader)
            toasts = list(reader.query("Toast"))
            assert claim is not None and toasts
            for toast in toasts:
                assert not toast.region.intersection(claim).area, (reader.current_claim, toast.region, claim)
