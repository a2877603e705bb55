"""The notes tab: the notes panel, wired to the annotations it lists.

Why a widget around the panel: the panel posts messages as the other panels do, and messages
go to widgets; the annotation extension is not one (it is the reader's feature, not part of
its page). This tab receives the panel's messages and hands them to the extension, and saves
what is waiting when the reader's screen goes away (an article switch or the end).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Container

from guillemet.tui.notes_panel import NotesPanel

if TYPE_CHECKING:
    from guillemet.tui.annotation_extension import AnnotationExtension


class NotesTab(Container):
    """The notes panel and what its messages do (see the module docstring)."""

    DEFAULT_CSS = "NotesTab { height: 1fr; }"

    def __init__(self, extension: AnnotationExtension, panel: NotesPanel) -> None:
        super().__init__()
        self.extension = extension
        self.panel = panel

    def compose(self) -> ComposeResult:
        yield self.panel

    def on_notes_panel_annotation_chosen(self, message: NotesPanel.AnnotationChosen) -> None:
        """Enter on an annotation: go there (or say why not)."""
        message.stop()
        self.extension.jump_to_annotation(message.annotation_id)

    def on_notes_panel_delete_asked(self, message: NotesPanel.DeleteAsked) -> None:
        """`delete` in the panel: delete the annotation."""
        message.stop()
        self.extension.delete_annotation(message.annotation_id)

    def on_unmount(self) -> None:
        """Whatever still waits for the debounced save goes now."""
        self.extension.flush()
