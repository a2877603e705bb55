"""The dialog where the reader writes or edits a note (key `a`).

A modal screen with one input: enter keeps the note, escape cancels. It returns the text (an
empty text on an existing note means "delete it"), or None when cancelled; the extension
decides what that does to the annotations.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from guillemet.tui.annotation_marks import excerpt


class NoteDialog(ModalScreen[str | None]):
    """Write a note about `about` (see the module docstring)."""

    DEFAULT_CSS = """
    NoteDialog { align: center middle; }
    NoteDialog > Vertical {
        width: 72; max-width: 90%; height: auto; max-height: 100%; overflow-y: auto;
        border: round $accent; background: $surface; padding: 0 1;
    }
    NoteDialog .dialog-about { color: $text-muted; margin-bottom: 1; }
    NoteDialog .dialog-help { color: $text-muted; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel", tooltip="Close without saving")]

    def __init__(self, about: str, note: str = "") -> None:
        super().__init__()
        self.about = about
        self.note = note

    def compose(self) -> ComposeResult:
        """What is annotated, the input, and the keys."""
        with Vertical() as box:
            box.border_title = "Edit note" if self.note else "Note"
            yield Static(f"On “{excerpt(self.about, 120)}”", classes="dialog-about")
            yield Input(self.note, placeholder="Your note", id="note-input")
            hint = "enter: save · esc: cancel" + (" · empty: delete the note" if self.note else "")
            yield Static(hint, classes="dialog-help")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter: keep the note (empty means delete, for an existing one)."""
        event.stop()
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        """Escape: leave without changing anything."""
        self.dismiss(None)
