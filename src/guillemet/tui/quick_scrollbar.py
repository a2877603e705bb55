"""The article view's scrollbar, drawn straight into lines it keeps.

Why: the view scrolls on nearly every key (`n` centres the next claim), and each scroll repaints
the scrollbar. Textual's `ScrollBar` draws itself as a Rich renderable: a console pass, line
splitting, then Textual's per-line styling pass; 38 rows took 1.9 ms of a `n` keypress, a fifth
of its budget. `QuickScrollBar` is the same widget (the same mouse handling, colours and CSS),
whose rows come from the same `ScrollBarRender.render_bar` but are turned into strips directly,
and the strips of the few distinct rows (track above, thumb, track below, the thumb's ends) are
kept. Anything it does not know how to draw (a horizontal bar, another renderer, a border) is
drawn by Textual as before.
"""

from __future__ import annotations

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip
from textual.widget import Widget

from guillemet.tui.direct_lines import direct_lines, has_plain_box

DEFAULT_TRACK = Color.parse("#555555")
DEFAULT_THUMB = Color.parse("bright_magenta")
"""`ScrollBarRender`'s own colours when the style gives none."""
KEPT_ROWS = 64


class QuickScrollBar(ScrollBar):
    """A vertical `ScrollBar` whose rows are drawn without Rich (see the module docstring)."""

    _rows: dict[tuple[Segment, Style, int], Strip]

    def render_lines(self, crop: Region) -> list[Strip]:
        """The bar's rows in `crop`: the same cells as `ScrollBar`'s, made directly."""
        bar = self.render()
        if not (self.vertical and type(bar) is ScrollBarRender and isinstance(bar.style, Style)
                and has_plain_box(self)):
            return super().render_lines(crop)
        width, height = self.size
        style = bar.style
        rows = bar.render_bar(
            size=height,
            virtual_size=bar.virtual_size,
            window_size=bar.window_size,
            position=bar.position,
            thickness=width,
            vertical=True,
            back_color=style.bgcolor or DEFAULT_TRACK,
            bar_color=style.color or DEFAULT_THUMB,
        ).segments
        base = self.visual_style.rich_style
        lines = [self._row(segment, base, width) for segment in rows]
        return direct_lines(self, crop, lines.__getitem__)

    def _row(self, segment: Segment, base: Style, width: int) -> Strip:
        """One row of the bar, on the widget's base style (as Textual draws a renderable)."""
        rows = self.__dict__.setdefault("_rows", {})
        key = (segment, base, width)
        strip = rows.get(key)
        if strip is None:
            if len(rows) >= KEPT_ROWS:
                rows.clear()
            text, style, _ = segment
            strip = rows[key] = Strip([Segment(text, base + style if style else base)], width)
        return strip


def use_quick_scrollbar(widget: Widget) -> None:
    """Draw `widget`'s vertical scrollbar with `QuickScrollBar`. Textual makes the scrollbar
    widget itself, when `vertical_scrollbar` is first read; it stays that widget, only drawn
    by the subclass (which adds no state Textual would need to know about)."""
    bar = widget.vertical_scrollbar
    if type(bar) is ScrollBar:
        bar.__class__ = QuickScrollBar
