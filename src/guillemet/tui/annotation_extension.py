"""The annotations in the reader: keys, dialogs, the notes panel, marks and saving.

The reader discovers this module (`extensions.EXTENSION_MODULES`) and calls
`make_extension(article, options)`. The keys themselves are in `annotation_actions`. The extension owns an `AnnotationSession` (the domain: the
sidecar, merging, re-anchoring) and plugs it into the app only through the reader's documented
extension points: its commands become keys, the notes panel is a side tab, annotations are drawn
with `set_extra_spans`, and corrections are shown with `show_analysis`.

Saving is debounced: each change marks the session dirty, a timer tick saves once changes have
settled, and closing the reader saves what is left. Saves run on the UI thread: a sidecar is a
few kilobytes, and a thread would only make the session lock contend with the UI. The same tick
merges another reader's saves into the view and shows the session's messages (a damaged file,
a read-only sidecar) as notifications.
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

TICK_SECONDS = 0.25
"""How often the extension saves (when due), looks for new analyses and shows messages."""
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
        self.clock = clock
        self.app: Any = None
        self.panel = NotesPanel(self, id="notes")
        self._base: Analysis | None = None  # the analysis as the engine made it
        self._shown: Analysis | None = None  # the corrected analysis on screen
        self._seen_version = -1
        self._corrections_key: tuple[Any, ...] | None = None
        self._last_disk_check = clock()
        self._told_unsaved = False

    # -- the reader's extension protocol ------------------------------------------------------

    def commands(self) -> Sequence[Command]:
        """The annotation keys, for the bindings, the help screen and the palette."""
        return (*ANNOTATION_COMMANDS, *PANEL_ANNOTATION_COMMANDS)

    def side_panels(self, app: Any) -> Iterable[tuple[str, Widget]]:
        """The notes panel, as a tab next to the speakers."""
        return [("Notes", self.panel)]

    def on_mount(self, app: Any) -> None:
        """The reader is on screen: draw the annotations, tell what the file said, start ticking."""
        self.app = app
        self.refresh()
        self.show_messages()
        app.set_interval(TICK_SECONDS, self.tick)

    def transform_analysis(self, analysis: Analysis) -> Analysis:
        """The analysis to show instead of `analysis`: with the reader's corrections. (Called
        by the reader before showing a new analysis, where it offers that hook; otherwise the
        tick notices the new analysis and shows the corrected one.)"""
        self._base = analysis
        self._shown = self.session.corrected(analysis)
        return self._shown

    # -- keeping the screen and the file in step ---------------------------------------------------

    @property
    def text(self) -> str:
        """The article text every offset points into."""
        return self.session.article.text

    def tick(self) -> None:
        """Save if due, pick up a new analysis or another reader's saves, show messages."""
        app = self.app
        if app.analysis is not None and app.analysis is not self._shown:
            self._base = app.analysis
            self._corrections_key = None
            self.apply_corrections()
        if self.session.dirty and not self.saver.pending:  # recovered from a backup, or merged
            self.saver.mark_dirty()
        self.saver.flush_if_due()
        now = self.clock()
        if now - self._last_disk_check >= DISK_CHECK_SECONDS:
            self._last_disk_check = now
            if self.session.refresh_from_disk():
                app.notify("Annotations saved by another reader were merged.", title="Annotations", timeout=4)
        if self.session.version != self._seen_version:
            self.refresh()
        self.show_messages()

    def refresh(self) -> None:
        """Redraw the marks and the notes panel, and re-apply corrections if they changed."""
        annotations = self.session.annotations()
        self._seen_version = self.session.version
        self.app.article_view.set_extra_spans(marks(annotations))
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
        self._shown = corrected
        if corrected is not self.app.analysis:
            self.app.show_analysis(corrected)

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
        self.saver.mark_dirty()
        self.app.article_view.set_selection(None, None)
        self.refresh()

    def flush(self) -> None:
        """Save now what is waiting (the reader is closing)."""
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
        self.app.go_to_span(*annotation.span)

    def delete_annotation(self, annotation_id: str) -> None:
        """Delete from the notes panel."""
        if self.writable():
            self.delete(annotation_id)
            self.app.notify("Annotation deleted.", timeout=2)
