"""The colours the reader resolved, recorded for the next first screen.

The first screen (`first_screen.py`) is painted before Textual is imported, so it cannot resolve
the `.tcss` theme variables itself; the app records what they resolved to once its panels are
up, per theme, and the next launch paints with exactly these colours. The package ships the
looks of its own themes, made the same way: `python -m guillemet.tui.recorded_look`.
"""

from __future__ import annotations

from rich.style import Style

from guillemet.tui.first_screen import VIEW_KEYS, Look, Pen, record_look

TEXT_ATTRIBUTES = ("bold", "dim", "italic", "underline", "reverse", "strike")


def _hex(colour: object) -> str | None:
    """A Rich colour as `#rrggbb` (None for the terminal's default)."""
    if colour is None or getattr(colour, "is_default", False):
        return None
    return colour.get_truecolor().hex  # type: ignore[attr-defined]


def text_attributes(style: Style) -> frozenset[str]:
    return frozenset(name for name in TEXT_ATTRIBUTES if getattr(style, name))


def _colours(style: Style) -> Pen:
    """A widget's own text and background colours."""
    return Pen(_hex(style.color), _hex(style.bgcolor))


def current_look(reader) -> Look:  # type: ignore[no-untyped-def] - a ReaderScreen (a cycle otherwise)
    """The look of the app's current theme, from the reader's article view, side panel and
    status line."""
    view = reader.article_view
    palette = view.palette
    layers = {}
    for key in VIEW_KEYS:
        layer = palette.layer(key)
        if layer is None:
            continue
        style = palette.style((key,))
        layers[key] = Pen(
            _hex(style.color) if layer.color is not None else None,
            _hex(style.bgcolor) if layer.background is not None else None,
            text_attributes(layer.text_style),
        )
    side = reader.query_one("#side")
    border_colour = side.styles.border_left[1]
    side_pen = _colours(side.rich_style)
    return Look(
        view=_colours(palette.style(())),
        layers=layers,
        side=side_pen,
        border=Pen(border_colour.hex[:7].lower() if border_colour.a else None, side_pen.bg),
        status=_colours(reader.status_line.rich_style),
    )


def record_current_look(reader) -> bool:  # type: ignore[no-untyped-def]
    """Record the look of the app's theme as `reader` shows it (see the module docstring)."""
    return record_look(reader.app.theme, current_look(reader))


async def resolved_look(theme: str) -> Look:
    """The look the reader resolves for `theme` from the stylesheet, headless."""
    from guillemet.article import Article
    from guillemet.tui.app import ReaderApp

    app = ReaderApp(Article(text="« Oui », a dit Paul Martin.", source="look.txt"), None, theme=theme)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        return current_look(app.reader)


def ship_looks() -> None:
    """Write the looks of the package's own themes next to the stylesheet (after a change of
    the stylesheet, the themes or Textual; the tests say when)."""
    import asyncio

    from guillemet.tui.first_screen import SHIPPED_LOOKS, look_bytes, shipped_look_path
    from guillemet.tui.themes import THEMES

    SHIPPED_LOOKS.mkdir(exist_ok=True)
    for theme in THEMES:
        shipped_look_path(theme.name).write_bytes(look_bytes(theme.name, asyncio.run(resolved_look(theme.name))))
        print(f"wrote {shipped_look_path(theme.name).name}")


if __name__ == "__main__":
    ship_looks()
