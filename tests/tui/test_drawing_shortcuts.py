"""The reader's shortcuts past Textual's generic machinery (made for speed) change nothing a
reader sees: the article's lines are the cells Textual's own pass draws, the
footer shows the keys of the moment, and analyses freed by the collector's pause are freed."""

from __future__ import annotations

import gc
import os

import pytest
from reader_harness import SIZE, make_app, settle
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Tree
from textual.widgets._footer import FooterKey

from guillemet.analysis.models import Analysis
from guillemet.article import Article
from guillemet.commands.read import FRAMES_PER_SECOND, build_app
from guillemet.tui import textual_internals
from guillemet.analysis_service.long_lived import long_lived_allocations
from guillemet.reading.model import ReadingModel
from guillemet.tui.steady_footer import SteadyFooter, shown_keys
from guillemet.tui.textual_internals import has_plain_box
from guillemet.tui.theme_colours import DARK_NAME, LIGHT_NAME

shortcuts_only = pytest.mark.skipif(
    not textual_internals.enabled(), reason="the shortcuts past Textual are switched off")


def cells(strips) -> list[list[tuple[str, object]]]:
    return [[(segment.text, segment.style) for segment in strip] for strip in strips]


def drawn_both_ways(widget: Widget, crop: Region) -> tuple[list, list]:
    """The widget's lines as the reader draws them, and as Textual's generic pass does."""
    ours = widget.render_lines(crop)
    widget._styles_cache.clear()
    return cells(ours), cells(Widget.render_lines(widget, crop))


@shortcuts_only
@pytest.mark.parametrize("theme", [DARK_NAME, LIGHT_NAME])
async def test_the_article_is_drawn_as_textual_draws_it(
        article: Article, analysis: Analysis, theme: str) -> None:
    app = make_app(article, [analysis], theme=theme)
    async with app.run_test(size=(90, 24)) as pilot:
        await settle(pilot, app)
        view = app.reader.article_view
        assert textual_internals.draws_directly(view)
        for keys in ((), ("n", "n", "n"), ("G",)):  # the top, a claim in the middle, the end
            for key in keys:
                await pilot.press(key)
            await pilot.pause()
            full = Region(0, 0, *view.size)
            ours, textual = drawn_both_ways(view, full)
            assert ours == textual
            assert len(ours) == view.size.height
            middle = Region(2, 3, view.size.width - 4, 5)  # a part of the view, as the screen asks
            ours, textual = drawn_both_ways(view, middle)
            assert ours == textual


async def test_with_the_shortcuts_off_textual_draws_everything(
        article: Article, analysis: Analysis, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(textual_internals, "_enabled", False)
    app = make_app(article, [analysis])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        view = app.reader.article_view
        assert not textual_internals.draws_directly(view)
        lines = view.render_lines(Region(0, 0, *view.size))
        assert any("Lecornu" in strip.text for strip in lines)
        await pilot.press("n")
        assert app.reader.current_claim == 0


@shortcuts_only
async def test_a_boxed_article_view_is_drawn_by_textual(article: Article, analysis: Analysis) -> None:
    """A border or padding (from a user's CSS, say) is drawn by Textual's own pass."""
    app = make_app(article, [analysis])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        view = app.reader.article_view
        assert has_plain_box(view)
        view.styles.padding = (0, 2)
        await pilot.pause()
        assert not has_plain_box(view)
        lines = view.render_lines(Region(0, 0, *view.size))
        assert all(strip.cell_length == view.size.width for strip in lines)
        assert all(strip.text.startswith("  ") for strip in lines)  # the padding is drawn
        assert any("Lecornu" in strip.text for strip in lines)


async def test_the_footer_is_rebuilt_only_when_its_keys_change(article: Article, analysis: Analysis) -> None:
    app = make_app(article, [analysis])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        footer = app.query_one(SteadyFooter)

        def footer_keys() -> list[str]:
            return [key.key for key in footer.query(FooterKey)]

        def rebuilt() -> bool:  # a rebuild makes new key widgets
            return not any(key is old for key in footer.query(FooterKey) for old in before)

        shown = footer_keys()
        before = list(footer.query(FooterKey))  # held, so no new widget reuses their ids
        assert "n" in shown and "q" in shown
        footer.bindings_changed(app.screen)  # nothing changed
        await pilot.pause()
        await pilot.pause()
        assert not rebuilt() and footer_keys() == shown
        app.set_keymap({"claim.next": "N"})  # the keys on show change
        await pilot.pause()
        await pilot.pause()
        assert rebuilt()
        assert "N" in footer_keys() and "n" not in footer_keys()
        assert {key[1] for key in shown_keys(app.screen)} == set(footer_keys())


def test_long_lived_allocations_pause_the_collector_then_freeze() -> None:
    was_enabled = gc.isenabled()
    gc.enable()
    frozen = gc.get_freeze_count()
    try:
        with long_lived_allocations():
            assert not gc.isenabled()
            kept = [[number] for number in range(1000)]
        assert gc.isenabled()
        assert gc.get_freeze_count() >= frozen + len(kept)
        gc.disable()
        with long_lived_allocations():
            pass
        assert not gc.isenabled()  # a collector that was off stays off
    finally:
        gc.unfreeze()
        if was_enabled:
            gc.enable()


def test_an_analysis_and_its_reading_model_hold_no_reference_cycles(analysis: Analysis) -> None:
    """So a frozen one replaced by the next is freed by reference counting alone."""
    was_enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        decoded = Analysis.from_json(analysis.to_json())
        model = ReadingModel.build(decoded)
        assert model.claims
        del decoded, model
        assert gc.collect() == 0
    finally:
        if was_enabled:
            gc.enable()


def test_the_reader_asks_textual_for_its_frame_rate_unless_the_user_set_one(
        sample_path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEXTUAL_FPS", "0")
    monkeypatch.delenv("TEXTUAL_FPS")  # restored (unset) after the test
    build_app([str(sample_path)])
    assert os.environ["TEXTUAL_FPS"] == FRAMES_PER_SECOND
    monkeypatch.setenv("TEXTUAL_FPS", "30")
    build_app([str(sample_path)])
    assert os.environ["TEXTUAL_FPS"] == "30"


async def test_the_speakers_panel_rows_are_drawn_as_the_tree_draws_them(
        article: Article, analysis: Analysis) -> None:
    app = make_app(article, [analysis])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        panel = app.reader.speakers_panel
        panel.root.children[0].expand()
        await pilot.pause()
        rows = range(panel.size.height)
        ours = cells(panel.render_lines(Region(0, 0, *panel.size)))
        panel._line_cache.clear()
        panel._styles_cache.clear()
        trees = cells(Widget.render_lines(panel, Region(0, 0, *panel.size)))
        assert ours == trees
        panel._line_cache.clear()
        assert cells(Tree.render_line(panel, y) for y in rows) == cells(panel.render_line(y) for y in rows)
        assert any("Choïgou" in "".join(text for text, _ in row) for row in ours)
