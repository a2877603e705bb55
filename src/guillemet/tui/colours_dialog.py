"""The `c` dialog: which entity types are drawn in colour, applied as the reader ticks them.

A reader studying who is named in an article often wants one type alone (only the people,
say) or none at all; a checklist does both without a key per type. Each change is applied
at once through `on_change`, so the article behind the dialog shows the result while the
reader is still choosing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import SelectionList, Static

ENTITY_TYPES: tuple[tuple[str, str], ...] = (
    ("entity-per", "person (PER)"),
    ("entity-org", "organisation (ORG)"),
    ("entity-loc", "place (LOC)"),
    ("entity-misc", "other (MISC)"),
)


class EntityColoursDialog(ModalScreen[None]):
    """A checklist of the entity types (see the module docstring)."""

    DEFAULT_CSS = """
    EntityColoursDialog { align: center middle; }
    EntityColoursDialog > Vertical {
        width: 54; max-width: 100%; height: auto; max-height: 100%; overflow-y: auto;
        border: round $accent; background: $surface; padding: 0 1;
    }
    EntityColoursDialog SelectionList, EntityColoursDialog SelectionList:focus {
        height: auto; margin: 1 0; border: none; padding: 0;
    }
    EntityColoursDialog .dialog-help { color: $text-muted; }
    """
    BINDINGS = [
        Binding("escape,c", "close", "Close", id="colours.close",
                tooltip="Close the entity colours dialog"),
        Binding("a", "toggle_all", "All / none", id="colours.all",
                tooltip="Colour every entity type, or none"),
    ]

    def __init__(self, shown: Iterable[str], on_change: Callable[[frozenset[str]], None]) -> None:
        super().__init__()
        self._shown = frozenset(shown)
        self._on_change = on_change

    def compose(self) -> ComposeResult:
        """The four types, ticked when coloured, and the keys."""
        with Vertical() as box:
            box.border_title = "Entity colours"
            yield SelectionList[str](
                *[(label, key, key in self._shown) for key, label in ENTITY_TYPES], id="entity-types"
            )
            yield Static("space: show / hide · a: all / none · esc: close", classes="dialog-help")

    def on_mount(self) -> None:
        """Start in the list."""
        self.query_one(SelectionList).focus()

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        """A type was ticked or unticked: colour the article that way now."""
        event.stop()
        self._on_change(frozenset(event.selection_list.selected))

    def action_toggle_all(self) -> None:
        """`a`: every type coloured, or none if they all are."""
        types = self.query_one(SelectionList)
        if len(types.selected) == len(ENTITY_TYPES):
            types.deselect_all()
        else:
            types.select_all()

    def action_close(self) -> None:
        """Leave the dialog (the choice is already applied)."""
        self.dismiss(None)
