"""Style keys to Rich styles, layered the way a reader expects, resolved from the `.tcss` files.

The article view draws several layers over the same characters (a quote's tint, an entity's
colour, the current claim's highlight, a search match, a selection). Textual gives a component
class's background with its alpha (`background: $accent 30%`), but Rich styles cannot blend, so
this module keeps the Textual colours and blends each layer over the one below itself, then
caches the Rich style per combination of keys.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rich.style import Style
from textual.color import Color
from textual.widget import Widget


@dataclass(frozen=True, slots=True)
class Layer:
    """One component class's colours and text style (None: leaves the layer below)."""

    color: Color | None
    background: Color | None
    text_style: Style


class Palette:
    """Component classes of one widget as blendable layers (see the module docstring)."""

    def __init__(self, widget: Widget, prefix: str) -> None:
        self._styled_widget = widget
        self._prefix = prefix
        self._resolved: dict[str, Layer | None] = {}
        self._combined: dict[tuple[str, ...], Style] = {}

    def clear(self) -> None:
        """Forget everything (the theme or the CSS changed)."""
        self._resolved.clear()
        self._combined.clear()

    def layer(self, name: str) -> Layer | None:
        """The layer of component class `<prefix>--<name>`, or None if there is no such class."""
        if name not in self._resolved:
            self._resolved[name] = self._resolve(name)
        return self._resolved[name]

    def _resolve(self, name: str) -> Layer | None:
        try:
            styles = self._styled_widget.get_component_styles(f"{self._prefix}--{name}")
        except KeyError:
            return None
        color = styles.color if styles.has_rule("color") else None
        background = styles.background if styles.has_rule("background") else None
        text_style = styles.text_style if styles.has_rule("text_style") else Style()
        return Layer(color, background, text_style)

    def base(self) -> tuple[Color, Color]:
        """The widget's own text and background colours."""
        styles = self._styled_widget.styles
        background = self._styled_widget.background_colors[1]
        return background + styles.color, background

    def style(self, names: Iterable[str]) -> Style:
        """The Rich style of these layers drawn in order over the widget's own colours."""
        key = tuple(names)
        cached = self._combined.get(key)
        if cached is not None:
            return cached
        color, background = self.base()
        text_style = Style()
        for name in key:
            layer = self.layer(name)
            if layer is None:
                continue
            if layer.background is not None:
                background = background + layer.background
            if layer.color is not None:
                color = layer.color
            text_style += layer.text_style
        visible = background + color
        style = Style(color=visible.rich_color, bgcolor=background.rich_color) + text_style
        self._combined[key] = style
        return style
