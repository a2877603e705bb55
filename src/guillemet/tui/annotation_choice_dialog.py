"""A dialog to pick one of a few choices or type a new one: tags (`T`) and speakers (`C`, `A`).

Both questions have the same shape (the usual answers, or the reader's own), so one modal
screen serves them: a list (arrows and enter pick) and an input (tab goes to it, enter keeps
what was typed). It returns a `Choice`, or None when cancelled.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from guillemet.tui.annotation_marks import excerpt


@dataclass(frozen=True, slots=True)
class Choice:
    """What the reader chose: `key` of a listed choice (None if typed) and its text."""

    key: str | None
    text: str


class ChoiceDialog(ModalScreen[Choice | None]):
    """Pick one of `choices` (key, label, text) or type a new one (see the module docstring)."""

    DEFAULT_CSS = """
    ChoiceDialog { align: center middle; }
    ChoiceDialog > Vertical {
        width: 72; max-width: 90%; height: auto; max-height: 100%; overflow-y: auto;
        border: round $accent; background: $surface; padding: 0 1;
    }
    ChoiceDialog .dialog-about { color: $text-muted; margin-bottom: 1; }
    ChoiceDialog .dialog-help { color: $text-muted; }
    ChoiceDialog OptionList { height: auto; max-height: 12; margin-bottom: 1; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel", tooltip="Close without choosing")]

    def __init__(
        self,
        title: str,
        about: str,
        choices: Sequence[tuple[str, str, str]],
        placeholder: str,
    ) -> None:
        super().__init__()
        self.dialog_title = title
        self.about = about
        self.choices = list(choices)
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        """What is annotated, the choices, the input, and the keys."""
        with Vertical() as box:
            box.border_title = self.dialog_title
            yield Static(f"On “{excerpt(self.about, 120)}”", classes="dialog-about")
            if self.choices:
                yield OptionList(*[Option(label, id=key) for key, label, _ in self.choices], id="choices")
            yield Input(placeholder=self.placeholder, id="typed")
            yield Static("↑↓ enter: choose · tab: type your own · esc: cancel", classes="dialog-help")

    def on_mount(self) -> None:
        """Start in the list (the usual answers), or the input if there is no list."""
        target = self.query_one("#choices" if self.choices else "#typed")
        target.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter in the list: that choice."""
        event.stop()
        key = event.option.id
        text = next(text for k, _, text in self.choices if k == key)
        self.dismiss(Choice(key, text))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the input: what was typed (nothing typed: keep waiting)."""
        event.stop()
        if event.value.strip():
            self.dismiss(Choice(None, event.value.strip()))

    def action_cancel(self) -> None:
        """Escape: leave without choosing."""
        self.dismiss(None)
