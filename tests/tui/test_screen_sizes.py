"""Screens of every size, at the stylesheet's level: the article keeps 60 columns whenever the
terminal has them, the side panel shrinks, then folds away below `SIDE_FOLD_WIDTH` and comes
back over the article when shown.

The reader's frame (article column beside the side panel) is built here with the reader's
stylesheet and the ids it styles, so the rules are tried without the whole reader.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

import guillemet
from guillemet.reading.layout import (ARTICLE_MIN_WIDTH, MIN_WIDTH, SIDE_FOLD_WIDTH, SIDE_MIN_WIDTH, side_folded,
                                      side_width)
from guillemet.tui.themes import THEMES

STYLESHEET = Path(guillemet.__file__).parent / "styles" / "reader.tcss"


class Frame(App[None]):
    """The reader's frame: `#main` holding `#reading` and `#side`."""

    CSS_PATH = [str(STYLESHEET)]

    def __init__(self, shown: bool = False, fold: bool = True) -> None:
        super().__init__()
        for item in THEMES:
            self.register_theme(item)
        self.theme = THEMES[0].name
        self.shown = shown
        self.fold = fold

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            yield Vertical(Static("article"), id="reading")
            yield Vertical(Static("speakers"), id="side")

    def on_mount(self) -> None:
        self.screen.set_class(self.fold and side_folded(self.size.width), "side-folded")
        self.screen.set_class(self.shown, "side-shown")


def test_the_panel_folds_below_the_width_that_leaves_both_their_minimum() -> None:
    assert SIDE_FOLD_WIDTH == ARTICLE_MIN_WIDTH + SIDE_MIN_WIDTH
    assert not side_folded(120) and not side_folded(SIDE_FOLD_WIDTH)
    assert side_folded(80) and side_folded(MIN_WIDTH)


@pytest.mark.parametrize("width", [160, 126, 120, 100, SIDE_FOLD_WIDTH])
async def test_beside_the_panel_the_article_keeps_60_columns(width: int) -> None:
    app = Frame()
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        reading, side = app.query_one("#reading"), app.query_one("#side")
        assert reading.size.width >= ARTICLE_MIN_WIDTH
        assert SIDE_MIN_WIDTH <= side.outer_size.width <= 42
        assert reading.outer_size.width + side.outer_size.width == width  # nothing off-screen


@pytest.mark.parametrize("size", [(80, 24), (60, 15), (50, 12)])
async def test_on_a_narrow_screen_the_article_has_the_whole_width(size: tuple[int, int]) -> None:
    app = Frame()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert app.query_one("#reading").outer_size.width == size[0]
        assert not app.query_one("#side").display


@pytest.mark.parametrize("size", [(80, 24), (50, 12)])
async def test_shown_on_a_narrow_screen_the_panel_lies_over_the_article(size: tuple[int, int]) -> None:
    app = Frame(shown=True)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        side = app.query_one("#side")
        assert app.query_one("#reading").outer_size.width == size[0]  # not pushed aside
        assert side.display and 0 < side.outer_size.width < size[0]
        assert side.region.right == size[0]


@pytest.mark.parametrize("width", [200, 126, 125, 100, 91, 90, 80, 61, 50])
async def test_side_width_is_what_the_stylesheet_gives(width: int) -> None:
    """The first screen paints with `side_width` before Textual is imported: it must be the
    width Textual gives the panel (the screen not folded, as before the app decides)."""
    app = Frame(fold=False)
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        assert app.query_one("#side").outer_size.width == side_width(width)
    assert side_width(width, folded=True) == 0
