"""Widget lines handed to the screen as drawn, without Textual's per-line styling pass.

Why: Textual's `Widget.render_lines` runs every line of a repainted widget through its styles
cache: it looks up the border, padding, outline, tint, opacity and hatch, and makes a new
`Strip` for every line, so the app's line filter (the colour conversion for the terminal) runs
again on every line of every frame. For a widget with none of those styles that draws its lines
at full width itself, the pass changes nothing, yet on a `n` keypress in a book it cost as much
as styling the article's lines did (the article view's 38 lines and its scrollbar's: some 3 ms
of a 10 ms budget). Widgets that qualify draw through `direct_lines` instead; the strips they
return keep their filtered copies in their own caches, so an unchanged line costs a lookup.

A widget is drawn this way only while `has_plain_box` holds; as soon as a style that the pass
would apply is set (a border in a user's CSS, say), Textual's own pass is used again.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget


def has_plain_box(widget: Widget) -> bool:
    """Whether Textual's styling pass would leave the widget's lines as they are: no border,
    padding or outline, no tint, hatch or transparency."""
    styles = widget.styles
    return (
        not widget.BLANK
        and not any(styles.gutter)
        and not any(edge for edge, _ in styles.outline)
        and not styles.tint.a
        and widget.opacity == 1.0
        and styles.text_opacity == 1.0
        and (not styles.has_rule("hatch") or styles.hatch == "none")
    )


def direct_lines(widget: Widget, crop: Region, line_at: Callable[[int], Strip]) -> list[Strip]:
    """The lines of `crop` (a region of the widget), each `line_at(y)` (which must be as wide
    as the widget) with the app's line filters applied, as `Widget.render_lines` returns them."""
    background = widget.background_colors[1]
    filters = widget.get_line_filters()
    strips = []
    for y in crop.line_range:
        strip = line_at(y)
        for line_filter in filters:
            strip = strip.apply_filter(line_filter, background)
        strips.append(strip)
    left, right = crop.column_span
    if (left, right) != (0, widget.region.width):
        strips = [strip.crop(left, right) for strip in strips]
    return strips
