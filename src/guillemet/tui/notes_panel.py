"""The notes panel: every annotation in reading order, orphans last; enter jumps to one.

It sits in a tab next to the speakers. The reader app knows nothing of annotations, so the
panel does not post messages for the app to handle: it calls its `NotesController` (the
annotation extension), which owns the session and moves the reader. `delete` removes the
highlighted annotation; re-attaching an orphan is the extension's global `r` (select the new
text in the article first).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from guillemet.annotations.model import Annotation
from guillemet.tui.annotation_marks import entry_line

EMPTY_HINT = "No annotations yet: a note · h highlight · T tag · C speaker · D not a quote · A add a quote"


class NotesController(Protocol):
    """What the panel asks of whoever owns the annotations."""

    def jump_to_annotation(self, annotation_id: str) -> None:
        """Move the reader to the annotation (or explain why not: an orphan)."""

    def delete_annotation(self, annotation_id: str) -> None:
        """Delete the annotation for good."""

    def flush(self) -> None:
        """Save now whatever is waiting to be saved."""


class NotesPanel(OptionList):
    """The list of annotations (see the module docstring)."""

    BINDINGS = [
        Binding("delete,x", "delete_annotation", "Delete", id="notes.delete",
                tooltip="Delete the highlighted annotation (notes panel)"),
    ]

    def __init__(self, controller: NotesController, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.controller = controller
        self.annotation_ids: list[str] = []

    def show(self, annotations: Sequence[Annotation], article_text: str) -> None:
        """List `annotations` (already in reading order), keeping the highlighted one if it is
        still there."""
        keep = self.highlighted_id
        self.clear_options()
        self.annotation_ids = [a.id for a in annotations]
        if not annotations:
            self.add_option(Option(EMPTY_HINT, disabled=True))
            return
        self.add_options([Option(entry_line(a, article_text), id=a.id) for a in annotations])
        if keep in self.annotation_ids:
            self.highlighted = self.annotation_ids.index(keep)
        else:
            self.highlighted = 0

    @property
    def highlighted_id(self) -> str | None:
        """The id of the highlighted annotation, or None."""
        index = self.highlighted
        if index is None or not self.annotation_ids or index >= len(self.annotation_ids):
            return None
        return self.annotation_ids[index]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on an annotation: jump to it."""
        event.stop()
        if event.option.id is not None:
            self.controller.jump_to_annotation(event.option.id)

    def action_delete_annotation(self) -> None:
        """Delete the highlighted annotation."""
        if self.highlighted_id is not None:
            self.controller.delete_annotation(self.highlighted_id)

    def on_unmount(self) -> None:
        """The reader is closing (or switching article): whatever is still waiting for the
        debounced save goes now."""
        self.controller.flush()
