"""The speakers panel's rows: one line each, names in one column, long names cut with "…"
and the kind always whole; its cursor never in the colour of the current claim.

The panel is tried alone in a small app with the reader's stylesheet and themes, at the
widths it has beside the article at 80×24 and at the 50×12 minimum.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.app import App, ComposeResult
from textual.color import Color

from guillemet.analysis.models import Analysis, Quote, Speaker, SpeakerRef
from guillemet.reading.model import ReadingModel
import guillemet
from guillemet.tui.article_view import ArticleView
from guillemet.tui.speakers_panel import SpeakersPanel, fit_speaker_row
from guillemet.tui.themes import THEMES

LONG_NAME = "ministère russe de la Défense et des Affaires étrangères"


def test_a_long_name_is_cut_with_an_ellipsis_and_the_kind_kept_whole() -> None:
    name, details = fit_speaker_row(LONG_NAME, "3 · government", 30)
    assert details == "3 · government"
    assert name.endswith("…") and LONG_NAME.startswith(name[:-1].rstrip())
    assert cell_len(name) + 2 + cell_len(details) <= 30


def test_a_name_that_fits_is_left_whole() -> None:
    assert fit_speaker_row("Paul Martin", "1 · person", 30) == ("Paul Martin", "1 · person")


def test_wide_characters_are_counted_by_cells() -> None:
    name, details = fit_speaker_row("习近平主席和李强总理", "2 · person", 20)
    assert cell_len(name) + 2 + cell_len(details) <= 20 and name.endswith("…")


def test_a_panel_too_narrow_for_the_details_still_fits() -> None:
    name, details = fit_speaker_row(LONG_NAME, "12 · organisation", 10)
    assert cell_len(name) + 2 + cell_len(details) <= 10


def _analysis() -> Analysis:
    text = "« Oui », dit Paul. « Non », dit le ministère. Rien de plus."
    quote = Quote("q1", 0, 7, text[0:7], "direct", speaker=SpeakerRef("s1", "Paul"))
    other = Quote("q2", 19, 26, text[19:26], "direct", speaker=SpeakerRef("s2", LONG_NAME))
    speakers = (Speaker("s1", "Paul", "person"), Speaker("s2", LONG_NAME, "government"),
                Speaker("s3", "Jeanne Dupont", "person"))  # no claims: a corrected-away speaker
    return Analysis("test", "fr", "none", "0" * 64, speakers=speakers, quotes=(quote, other),
                    text_length=len(text), analysed_to=len(text))


class PanelApp(App[None]):
    """The panel `width` cells wide beside an article view, styled as in the reader."""

    CSS_PATH = [str(Path(guillemet.__file__).parent / "styles" / "reader.tcss")]

    def __init__(self, width: int, theme: str = THEMES[0].name) -> None:
        super().__init__()
        self.panel_width = width
        for item in THEMES:
            self.register_theme(item)
        self.theme = theme

    def compose(self) -> ComposeResult:
        yield ArticleView("« Oui », dit Paul.", None, [], id="article")
        yield SpeakersPanel(id="speakers")

    def on_mount(self) -> None:
        self.query_one(SpeakersPanel).styles.width = self.panel_width
        self.query_one(SpeakersPanel).styles.dock = "right"


def _rows(panel: SpeakersPanel) -> list[str]:
    strips = panel.render_lines(panel.region.reset_offset)
    return ["".join(segment.text for segment in strip) for strip in strips]


@pytest.mark.parametrize("width", [24, 42])
async def test_rows_are_one_line_each_with_the_names_in_one_column(width: int) -> None:
    app = PanelApp(width)
    async with app.run_test(size=(80, 24)) as pilot:
        panel = app.query_one(SpeakersPanel)
        panel.show_model(ReadingModel.build(_analysis()))
        await pilot.pause()
        rows = [row for row in _rows(panel)[:3]]
        assert [row.rstrip()[:4] for row in rows] != ["", "", ""]
        columns = {len(row) - len(row.lstrip("▶ ")) for row in rows}
        assert columns == {2}, rows  # the speaker with no claims lines up with the others
        assert all("…" in row for row in rows if "ministère" in row)
        assert any(row.rstrip().endswith("1 · government") for row in rows), rows
        assert any(row.rstrip().endswith("0 · person") for row in rows), rows


async def test_the_names_are_cut_again_when_the_panel_narrows() -> None:
    app = PanelApp(42)
    async with app.run_test(size=(80, 24)) as pilot:
        panel = app.query_one(SpeakersPanel)
        panel.show_model(ReadingModel.build(_analysis()))
        await pilot.pause()
        panel.styles.width = 26
        await pilot.pause()
        await pilot.pause()
        row = next(row for row in _rows(panel) if "minis" in row)
        assert row.rstrip().endswith("1 · government") and "…" in row, row


async def test_at_another_width_only_the_rows_cut_differently_are_relabelled() -> None:
    """A book has hundreds of rows and each new label lays the tree out again: a resize
    relabels the long name cut at the new width, not the short ones that fit at both."""
    app = PanelApp(42)
    async with app.run_test(size=(80, 24)) as pilot:
        panel = app.query_one(SpeakersPanel)
        panel.show_model(ReadingModel.build(_analysis()))
        await pilot.pause()
        labels = {node.data.speaker_id: node.label for node in panel.root.children}
        panel.styles.width = 30
        await pilot.pause()
        await pilot.pause()
        after = {node.data.speaker_id: node.label for node in panel.root.children}
        assert after["s1"] is labels["s1"] and after["s3"] is labels["s3"]  # "Paul", "Jeanne Dupont"
        assert after["s2"] is not labels["s2"] and after["s2"].plain != labels["s2"].plain


def _distance(one: Color, other: Color) -> float:
    return sum(abs(a - b) for a, b in zip(one.rgb, other.rgb)) / 3


@pytest.mark.parametrize("theme", [theme.name for theme in THEMES])
async def test_the_cursor_is_never_in_the_colour_of_the_current_claim(theme: str) -> None:
    """Without the focus the cursor is no tinted block at all (one would read as the current
    speaker); with it, a block far from the current claim's colour."""
    app = PanelApp(42, theme)
    async with app.run_test(size=(80, 24)) as pilot:
        panel = app.query_one(SpeakersPanel)
        view = app.query_one(ArticleView)
        panel.show_model(ReadingModel.build(_analysis()))
        view.focus()
        await pilot.pause()
        current = Color.from_rich_color(view.get_component_rich_style("article-view--current").bgcolor)
        blurred = panel.get_component_rich_style("tree--cursor")
        assert Color.from_rich_color(blurred.bgcolor) == Color.from_rich_color(panel.rich_style.bgcolor)
        assert blurred.underline
        panel.focus()
        await pilot.pause()
        focused = Color.from_rich_color(panel.get_component_rich_style("tree--cursor").bgcolor)
        assert _distance(focused, current) > 60, (theme, focused.hex, current.hex)
