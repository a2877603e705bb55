"""How other features plug into the reader without editing it.

A `ReaderExtension` (for example the annotations) is made for one article and lives on that
article's screen (`ReaderScreen`, whose docstring lists what it offers). It gives:
- `commands()`: more `Command`s (bindings with ids, help lines, palette entries; their actions
  are looked up on the extension first: `action_<name>` methods of the extension object),
- `side_panels(reader)`: `(title, widget)` pairs added as tabs next to "Speakers",
- `on_mount(reader)`: called once the article's screen is up, to wire itself to it (read the
  current claim and the selection, draw with `reader.article_view.set_extra_spans(...)`,
  show corrections with `reader.show_analysis(...)`),
- optionally `transform_analysis(analysis) -> Analysis`: applied to each analysis that arrives
  before it is shown (the annotations' corrections).

`discover_extensions()` imports the modules listed in `EXTENSION_MODULES` that exist, each
exposing `EXTENSION` (an object) or `make_extension(article, options) -> ReaderExtension`.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from textual.widget import Widget

    from guillemet.article import Article
    from guillemet.tui.bindings import Command

EXTENSION_MODULES = ("guillemet.tui.annotation_extension", "guillemet.tui.library_extension")


class ReaderExtension(Protocol):
    """A feature added to the reader (see the module docstring)."""

    def commands(self) -> Sequence[Command]:
        """More commands: bindings (remappable by id), help lines, palette entries."""
        ...

    def side_panels(self, reader: Any) -> Iterable[tuple[str, Widget]]:
        """`(title, widget)` tabs to add next to "Speakers"."""
        ...

    def on_mount(self, reader: Any) -> None:
        """Wire the extension to the article's screen once it is up."""
        ...


def discover_extensions(article: Article, options: dict[str, Any]) -> list[ReaderExtension]:
    """The extensions installed alongside the reader, built for this article."""
    found: list[ReaderExtension] = []
    for name in EXTENSION_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name == name:
                continue
            raise
        factory = getattr(module, "make_extension", None)
        if factory is not None:
            found.append(factory(article, options))
        elif hasattr(module, "EXTENSION"):
            found.append(module.EXTENSION)
    return found
