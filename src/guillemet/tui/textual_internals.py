"""Every shortcut the reader takes past Textual's own drawing, in one place, with an off switch.

Why this module exists: the shortcut below relies on how Textual 8.2 draws a widget (what its
per-line styling pass does), which Textual does not promise. A new Textual could change that
silently (a missed style), so it is used only on the minor version the tests pass on
(`TESTED`), and never when `GUILLEMET_TEXTUAL_INTERNALS=off` is set: then the reader draws
everything the public way, and `make bench` prints its rows both ways so the cost of each
shortcut stays visible. CI runs the reader's tests in both modes. No other module of the
reader may use a private Textual name (`tests/tui/test_textual_internals.py` checks).

What the shortcut buys (from `make bench`, 1 MB book, `n` keypress, a quiet machine):
- `direct_lines`: the article view's lines handed to the screen as drawn. Textual's
  `Widget.render_lines` runs every line of a repainted widget through its styles cache
  (border, padding, outline, tint, opacity, hatch, a new `Strip` per line, the app's colour
  filter again); for a widget with none of those styles the pass changes nothing, yet it cost as
  much as styling the article's lines: `n` takes 12 ms at the median without it, 6 with it
  (target: 10). A widget is drawn this way only while `has_plain_box` holds; a border from a
  user's CSS, say, gives Textual's pass back.

A shortcut is kept only where a target needs it. Drawing the scrollbars without Rich (by
switching the class of the scrollbar Textual makes) saved about 1 ms of those 6, which no
target needs, so the scrollbars are Textual's own.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

SWITCH = "GUILLEMET_TEXTUAL_INTERNALS"
"""Set to `off` (or `0`, `no`, `false`) to draw everything through Textual's public path."""
TESTED = ((8, 2), (8, 3))
"""The Textual versions the shortcut is checked against: from 8.2 included to 8.3 excluded
(the range `pyproject.toml` pins)."""
OFF_VALUES = frozenset({"off", "0", "no", "false"})

_enabled: bool | None = None


def textual_version() -> tuple[int, int]:
    """The installed Textual's major and minor version (`importlib.metadata`: Textual's own
    `__version__` asks the same, lazily)."""
    from importlib.metadata import version

    major, minor, *_ = (int(part) if part.isdigit() else 0 for part in version("textual").split("."))
    return major, minor


def enabled() -> bool:
    """Whether the shortcut is in use: asked for (the default) and on a tested Textual.
    Worked out once per process."""
    global _enabled
    if _enabled is None:
        wanted = os.environ.get(SWITCH, "on").strip().lower() not in OFF_VALUES
        _enabled = wanted and TESTED[0] <= textual_version() < TESTED[1]
    return _enabled


def set_enabled(value: bool | None) -> None:
    """Force the switch (tests); None: work it out again from the environment."""
    global _enabled
    _enabled = value


# -- lines handed over as drawn ------------------------------------------------------------------


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


def draws_directly(widget: Widget) -> bool:
    """Whether `widget` may hand its lines over with `direct_lines` now."""
    return enabled() and has_plain_box(widget)


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
