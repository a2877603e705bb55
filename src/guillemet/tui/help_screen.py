"""The `?` screen: every key of the reader, by group, as the user's keymap has them.

Built from the same command table as the bindings (`bindings.py`), so a key added there, or
remapped in the user's keymap, shows here without anyone editing this screen.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from guillemet.tui.bindings import GROUPS, Command

KEY_NAMES = {
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "question_mark": "?",
    "greater_than_sign": ">",
    "less_than_sign": "<",
    "slash": "/",
    "full_stop": ".",
    "comma": ",",
    "backspace": "⌫ backspace",
    "escape": "esc",
    "pagedown": "pgdn",
    "pageup": "pgup",
    "space": "space",
}


def display_keys(keys: str) -> str:
    """`right_square_bracket,f3` as a reader reads it: `]  f3`."""
    shown = [KEY_NAMES.get(key.strip(), key.strip()) for key in keys.split(",") if key.strip()]
    return "  ".join(shown)


NARROW = 90
"""Below this many columns the ids go under the descriptions: beside them, on a 50-column
terminal, they left the descriptions no room at all."""


def help_table(commands: Iterable[Command], keymap: dict[str, str], narrow: bool = False) -> Table:
    """The commands as a table grouped like `GROUPS`, keys as remapped by `keymap`; `narrow`:
    two columns, each id dimmed under its description."""
    table = Table.grid(padding=(0, 2 - narrow), expand=True)
    table.add_column(justify="right", style="bold", no_wrap=True)
    table.add_column(ratio=1)
    if not narrow:
        table.add_column(style="dim", no_wrap=True)
    by_group: dict[str, list[Command]] = {}
    for command in commands:
        by_group.setdefault(command.group, []).append(command)
    order = [g for g in GROUPS if g in by_group] + [g for g in by_group if g not in GROUPS]
    for number, group in enumerate(order):
        if number:
            table.add_row()
        table.add_row("", Text(group, style="bold underline"))
        for command in by_group[group]:
            keys = display_keys(keymap.get(command.id, command.key))
            if narrow:
                table.add_row(keys, Text.assemble(command.tooltip, "\n", (command.id, "dim")))
            else:
                table.add_row(keys, Text(command.tooltip), command.id)
    return table


class HelpScreen(ModalScreen[None]):
    """Every key, grouped (see the module docstring)."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="help.close",
                tooltip="Close the help screen"),
    ]

    def __init__(self, commands: Iterable[Command], keymap: dict[str, str]) -> None:
        super().__init__()
        self.commands = list(commands)
        self.keymap = keymap
        self.narrow: bool | None = None

    def compose(self) -> ComposeResult:
        """The table in a scrollable box (filled for the terminal's width, `on_resize`)."""
        with VerticalScroll(id="help-box") as box:
            box.border_title = "Keys"
            yield Static(id="help-table")

    def on_mount(self) -> None:
        """The table for the width at hand."""
        self.fit(self.app.size.width)

    def on_resize(self, event: events.Resize) -> None:
        """The table for the new width."""
        self.fit(event.size.width)

    def fit(self, width: int) -> None:
        """Ids beside the descriptions on a wide terminal, under them on a narrow one; the
        box's subtitle as long as the box lets it be."""
        narrow = width < NARROW
        if narrow == self.narrow:
            return
        self.narrow = narrow
        self.query_one("#help-table", Static).update(help_table(self.commands, self.keymap, narrow))
        self.query_one("#help-box").border_subtitle = (
            "esc to close" if narrow else "esc to close · remap a key by its id in keymap.toml")

    async def action_dismiss(self, result: None = None) -> None:
        """Close the help screen."""
        self.dismiss(result)
