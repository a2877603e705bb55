"""The screen an article is read on.

Why a screen class of its own: Textual reads key bindings from classes, never from instances,
and the extensions (the annotations) bring their commands per reader. `carrying(commands)`
makes the subclass whose class-level `BINDINGS` are those commands, so they are remappable by
id, shown in the footer and the help like the reader's own, through Textual's public API.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.screen import Screen

from guillemet.tui.bindings import Command, bindings_of


class ReaderScreen(Screen[None]):
    """The reader's screen (see the module docstring)."""

    @classmethod
    def carrying(cls, commands: Sequence[Command]) -> type[ReaderScreen]:
        """A subclass with `commands` as its bindings (this class itself when there are none)."""
        if not commands:
            return cls
        return type(cls.__name__, (cls,), {"BINDINGS": bindings_of(commands)})
