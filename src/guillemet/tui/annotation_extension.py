"""The annotations in the reader: keys, dialogs, the notes panel, marks and saving.

The reader discovers this module (`extensions.EXTENSION_MODULES`) and calls
`make_extension(article, options)`. The keys themselves are in `annotation_actions`. The
extension owns an `AnnotationSession` (the domain: the sidecar, merging, re-anchoring) and plugs
it into the article's screen only through the reader's documented extension points: its
commands become keys, the notes panel is a side tab (`NotesTab`), annotations are drawn with
`set_extra_spans`, corrections are applied to each analysis before it is shown
(`transform_analysis`) and after each change (`show_analysis`).

Nothing polls. Saving is debounced: each change marks the session dirty and sets a timer for
when changes have settled; leaving the article saves what is left. Saves run on the UI thread:
a sidecar is a few kilobytes, and a thread would only make the session lock contend with the UI.
Another reader's saves are looked for every `DISK_CHECK_SECONDS` and merged into the view.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from textual.widget import Widget

from guillemet.analysis.models import Analysis
from guillemet.annotations.debounce import DebouncedSaver
from guillemet.annotations.session import AnnotationSession
from guillemet.article import Article
from guillemet.tui.annotation_actions import AnnotationActions
from guillemet.tui.annotation_commands import ANNOTATION_COMMANDS, PANEL_ANNOTATION_COMMANDS
from guillemet.tui.annotation_marks import marks
from guillemet.tui.bindings import Command
from guillemet.tui.notes_panel import NotesPanel
from guillemet.tui.notes_tab import NotesTab

DISK_CHECK_SECONDS = 2.0
"""How often it looks for another reader's saves."""


def make_extension(article: Article, options: dict[str, Any]) -> AnnotationExtension:
    """The extension for `article`; `options["sidecar"]` may name the annotations file."""
    sidecar = options.get("sidecar")
    return AnnotationExtension(AnnotationSession.open(article, Path(sidecar) if sidecar else None))


class AnnotationExtension(AnnotationActions):
    """Annotating in the reader (see the module docstring)."""

    def __init__(self, session: AnnotationSession, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.session = session
        self.saver = DebouncedSaver(self.session.save, clock=clock)
        self.reader: Any = None
        """The article's `ReaderScreen`, once it is on screen."""
        self.app: Any = None
        self.panel = NotesPanel(id="notes")
        self._base: Analysis | None = None  # the analysis as the engine made it
        self._seen_version = -1
        self._corrections_key: tuple[Any, ...] | None = None
        self._told_unsaved = False

    # -- the reader's extension protocol ------------------------------------------------------

    def commands(self) -> Sequence[Command]:
        """The annotation keys, for the bindings, the help screen and the palette."""
        return (*ANNOTATION_COMMANDS, *PANEL_ANNOTATION_COMMANDS)

    def side_panels(self, reader: Any) -> Iterable[tuple[str, Widget]]:
        """The notes panel, as a tab next to the speakers."""
        return [("Notes", NotesTab(self, self.panel))]

    def on_mount(self, reader: Any) -> None:
        """The reader is on screen: draw the annotations, tell what the file said, save what
        was recovered, and look for other readers' saves from now on."""
        self.reader, self.app = reader, reader.app
        self.refresh()
        if self.session.dirty:  # recovered from a backup: written back without a key
            self.save_soon()
        self.show_messages()
        reader.set_interval(DISK_CHECK_SECONDS, self.check_disk)

    def transform_analysis(self, analysis: Analysis) -> Analysis:
        """The analysis to show instead of `analysis`: with the reader's corrections (the
        reader calls this for every analysis that arrives)."""
        self._base = analysis
        return self.session.corrected(analysis)

    # -- keeping the screen and the file in step ---------------------------------------------------

    @property
    def text(self) -> str:
        """The article text every offset points into."""
        return self.session.article.text

    def save_soon(self) -> None:
        """Save once changes have settled (`DebouncedSaver`): a timer per change, the last
        one (or the one past the saver's longest wait) saves."""
        self.saver.mark_dirty()
        self.reader.set_timer(self.saver.delay, self.save_if_due)

    def save_if_due(self) -> None:
        """A change's timer: save if changes have settled (a save also merges what another
        reader saved meanwhile)."""
        if self.saver.flush_if_due():
            self.catch_up()

    def check_disk(self) -> None:
        """Merge another reader's saves into the view."""
        if self.session.refresh_from_disk():
            self.app.notify("Annotations saved by another reader were merged.", title="Annotations", timeout=4)
        if self.session.dirty and not self.saver.pending:  # the merge is ours to write back
            self.save_soon()
        self.catch_up()

    def catch_up(self) -> None:
        """Show what the session learnt without a key: merged annotations and its messages."""
        if self.session.version != self._seen_version:
            self.refresh()
        self.show_messages()

    def refresh(self) -> None:
        """Redraw the marks and the notes panel, and re-apply corrections if they changed."""
        annotations = self.session.annotations()
        self._seen_version = self.session.version
        self.reader.article_view.set_extra_spans(marks(annotations))
        self.panel.show(annotations, self.text)
        key = tuple((a.id, a.modified, a.span) for a in annotations if a.motivation == "editing")
        if key != self._corrections_key:
            self._corrections_key = key
            self.apply_corrections()

    def apply_corrections(self) -> None:
        """Show the engine's analysis with the reader's corrections (if it is known yet)."""
        if self._base is None:
            return
        corrected = self.session.corrected(self._base)
        if corrected is not self.reader.analysis:
            self.reader.show_analysis(corrected)

    def show_messages(self) -> None:
        """Tell the reader what the session has to say (damage, merges, read-only)."""
        for message in self.session.take_messages():
            self.app.notify(message, title="Annotations", severity="warning", timeout=10)

    def changed(self) -> None:
        """After every change: save soon, redraw now, and drop the selection it was made on."""
        if self.session.path is None and not self._told_unsaved:
            self._told_unsaved = True
            self.app.notify(
                "This article has no file next to it, so annotations last only this session; "
                "open it with --sidecar PATH to keep them.",
                title="Annotations",
                timeout=8,
            )
        self.save_soon()
        self.reader.article_view.set_selection(None, None)
        self.refresh()

    def flush(self) -> None:
        """Save now what is waiting (the reader is leaving the article)."""
        self.saver.flush()
        self.session.save()  # also what became dirty without a key: a recovery, a merge

    # -- the notes panel's controller ------------------------------------------------------------

    def jump_to_annotation(self, annotation_id: str) -> None:
        """Enter in the notes panel: go to the annotation, with the jump history."""
        annotation = self.session.get(annotation_id)
        if annotation is None:
            return
        if annotation.span is None:
            self.explain(
                "This annotation's text is no longer in the article: select where it belongs "
                "and press r to re-attach it, or delete it."
            )
            return
        self.reader.go_to_span(*annotation.span)

    def delete_annotation(self, annotation_id: str) -> None:
        """Delete from the notes panel."""
        if self.writable():
            self.delete(annotation_id)
            self.app.notify("Annotation deleted.", timeout=2)
