"""The notes panel: every annotation in reading order, orphans last; enter jumps to one.

It sits in a tab next to the speakers and, like the speakers panel, only shows what it is
given and posts messages (`AnnotationChosen`, `DeleteAsked`); whoever holds the annotations
(the annotation extension's `NotesTab`) acts on them. `delete` asks to remove the highlighted
annotation; re-attaching an orphan is the extension's global `r` (select the new text in the
article first).
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from guillemet.annotations.model import Annotation
from guillemet.tui.annotation_marks import entry_line

EMPTY_HINT = "No annotations yet: a note · h highlight · T tag · C speaker · D not a quote · A add a quote"


class NotesPanel(OptionList):
    """The list of annotations (see the module docstring)."""

    BINDINGS = [
        Binding("delete,x", "delete_annotation", "Delete", id="notes.delete",
                tooltip="Delete the highlighted annotation (notes panel)"),
    ]

    class AnnotationChosen(Message):
        """Enter on an annotation: the reader should go to it."""

        def __init__(self, annotation_id: str) -> None:
            super().__init__()
            self.annotation_id = annotation_id

    class DeleteAsked(Message):
        """`delete` on an annotation: it should be deleted for good."""

        def __init__(self, annotation_id: str) -> None:
            super().__init__()
            self.annotation_id = annotation_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
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
            self.post_message(self.AnnotationChosen(event.option.id))

    def action_delete_annotation(self) -> None:
        """Ask to delete the highlighted annotation."""
        if self.highlighted_id is not None:
            self.post_message(self.DeleteAsked(self.highlighted_id))
