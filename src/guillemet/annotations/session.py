"""The annotations of one open article: what the reader's UI talks to.

A session loads the sidecar (with recovery), anchors every annotation in the article as it is
now, takes the reader's changes (add, edit, delete, re-attach), and saves them with merging.
It is UI-agnostic and thread-safe (a debounced save may run off the UI thread). The UI shows
`messages` (what went wrong with the file, what was merged) and watches `version`, which grows
on every change, to know when to repaint.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

from guillemet.analysis.models import Analysis
from guillemet.annotations.anchoring import anchor, anchor_all
from guillemet.annotations.corrections import apply_corrections
from guillemet.annotations.document import SidecarDocument
from guillemet.annotations.merge import merge_annotations, merge_tombstones
from guillemet.annotations.model import AnchorState, Annotation, Tombstone, now_iso
from guillemet.annotations.sidecar import (
    DiskVersion,
    SidecarReadOnlyError,
    default_sidecar_path,
    load_sidecar,
    new_file_problem,
    peek_disk,
    save_sidecar,
)
from guillemet.article import Article


class SidecarPathError(ValueError):
    """A path the annotations cannot be saved to as a new file; the message says why in one line."""


def reading_order(annotations: list[Annotation]) -> list[Annotation]:
    """Placed annotations by position, then the orphans (by creation time)."""
    placed = [a for a in annotations if a.span is not None]
    orphans = [a for a in annotations if a.span is None]
    placed.sort(key=lambda a: (a.span, a.created, a.id))
    orphans.sort(key=lambda a: (a.created, a.id))
    return placed + orphans


class AnnotationSession:
    """The reader's annotations on one article, kept in step with its sidecar file."""

    def __init__(
        self,
        article: Article,
        path: Path | None,
        document: SidecarDocument | None = None,
        disk: DiskVersion | None = None,
        *,
        messages: list[str] | None = None,
        read_only: bool = False,
        dirty: bool = False,
        incomplete: bool = False,
    ) -> None:
        document = document or SidecarDocument()
        self.article = article
        self.path = path
        self.read_only = read_only
        self.messages: list[str] = list(messages or [])
        self.dirty = dirty
        self.incomplete = incomplete
        """Annotations the sidecar holds are missing here (damaged ones, for an export)."""
        self.save_problem: str | None = None
        """Why the last save failed, until one succeeds."""
        self.version = 0
        self._lock = threading.RLock()
        self._disk = disk or DiskVersion()
        self._annotations: dict[str, Annotation] = {
            a.id: a for a in anchor_all(document.annotations, article.text)
        }
        self._tombstones: dict[str, Tombstone] = {t.id: t for t in document.tombstones}

    @classmethod
    def open(cls, article: Article, path: Path | None = None, *, repair: bool = True) -> AnnotationSession:
        """Load the annotations for `article` from `path` (default: next to the article).

        Never raises for a bad sidecar: see `messages` and `read_only`.
        """
        path = path if path is not None else default_sidecar_path(article.source)
        if path is None:
            return cls(article, None)
        result = load_sidecar(path, repair=repair)
        session = cls(
            article,
            path,
            result.document,
            result.disk,
            messages=result.messages,
            read_only=result.read_only,
            dirty=result.recovered and not result.read_only,
            incomplete=result.incomplete,
        )
        orphans = len(session.orphans())
        if orphans:
            session.messages.append(
                f"{orphans} annotation{'s' * (orphans != 1)} could not be placed in the article as "
                "it is now: see the notes panel to re-attach or delete them."
            )
        approximate = sum(1 for a in session.annotations() if a.anchor and a.anchor.state is AnchorState.APPROXIMATE)
        if approximate:
            session.messages.append(
                f"The article changed since it was annotated: {approximate} annotation"
                f"{'s were' if approximate != 1 else ' was'} placed on similar, not identical, text."
            )
        return session

    # Reading -------------------------------------------------------------------------------

    def annotations(self) -> list[Annotation]:
        """Every annotation in reading order (orphans last)."""
        with self._lock:
            return reading_order(list(self._annotations.values()))

    def get(self, annotation_id: str) -> Annotation | None:
        """The annotation with this id, or None (deleted, or never there)."""
        with self._lock:
            return self._annotations.get(annotation_id)

    def orphans(self) -> list[Annotation]:
        """The annotations that could not be placed in the article as it is now."""
        return [a for a in self.annotations() if a.span is None]

    def covering(self, offset: int) -> list[Annotation]:
        """The placed annotations whose span contains `offset`."""
        return [a for a in self.annotations() if a.span and a.span[0] <= offset < a.span[1]]

    def corrected(self, analysis: Analysis) -> Analysis:
        """`analysis` with the reader's corrections applied (what the reader shows)."""
        return apply_corrections(analysis, self.annotations(), self.article.text)

    # Changing ------------------------------------------------------------------------------

    def _changed(self) -> None:
        self.dirty = True
        self.version += 1

    def _check_writable(self) -> None:
        if self.read_only:
            raise SidecarReadOnlyError("the annotations are read-only for this session")

    def put(self, annotation: Annotation) -> Annotation:
        """Add a new annotation or replace the one with the same id. Returns it anchored."""
        self._check_writable()
        if annotation.anchor is None:
            annotation = anchor(annotation, self.article.text)
        with self._lock:
            self._annotations[annotation.id] = annotation
            self._changed()
        return annotation

    def delete(self, annotation_id: str) -> bool:
        """Delete an annotation for good (a tombstone keeps other readers from resurrecting it)."""
        self._check_writable()
        with self._lock:
            if self._annotations.pop(annotation_id, None) is None:
                return False
            self._tombstones[annotation_id] = Tombstone(annotation_id, now_iso())
            self._changed()
            return True

    def reattach(self, annotation_id: str, start: int, end: int) -> Annotation:
        """Pin an annotation (typically an orphan) to `article.text[start:end]`."""
        annotation = self.get(annotation_id)
        if annotation is None:
            raise KeyError(annotation_id)
        return self.put(annotation.reattached(self.article.text, start, end))

    # Saving --------------------------------------------------------------------------------

    def _document(self) -> SidecarDocument:
        return SidecarDocument(
            annotations=tuple(self._annotations.values()),
            tombstones=tuple(self._tombstones.values()),
            article_sha256=self.article.sha256,
            article_length=len(self.article.text),
        )

    def _absorb(self, document: SidecarDocument) -> bool:
        """Take in a merged document (ours plus another reader's); True if anything changed."""
        before = dict(self._annotations)
        merged = {}
        for annotation in document.annotations:
            mine = before.get(annotation.id)
            merged[annotation.id] = mine if mine is annotation else anchor(annotation, self.article.text)
        self._annotations = merged
        self._tombstones = {t.id: t for t in document.tombstones}
        changed = set(merged) != set(before) or any(merged[k] is not before.get(k) for k in merged)
        if changed:
            self.version += 1
        return changed

    def save(self) -> bool:
        """Write the annotations if they changed. True if the sidecar was written.

        Merges in what another reader saved meanwhile; problems become `messages`, never
        exceptions, so a failing disk never takes the reader down (the annotations stay in
        memory and the next save tries again).
        """
        with self._lock:
            if not self.dirty or self.read_only or self.path is None:
                return False
            try:
                result = save_sidecar(self.path, self._document(), self._disk)
            except SidecarReadOnlyError as error:
                self.read_only = True
                self.save_problem = str(error)
                self.messages.append(f"Annotations not saved: {error}.")
                return False
            except OSError as error:
                self.save_problem = str(error.strerror or error)
                self.messages.append(f"Annotations not saved ({self.save_problem}); will retry.")
                return False
            self.save_problem = None
            self.messages.extend(result.messages)
            self._disk = result.disk
            self.dirty = False
            if result.merged and self._absorb(result.document):
                self.messages.append("Merged the annotations another reader saved meanwhile.")
            return result.written

    @property
    def unsaved(self) -> bool:
        """Changes that are in no file: a save failed, or there is no file to save to (an
        article from standard input). Deletions of annotations no file ever held do not count."""
        with self._lock:
            return self.dirty and (self.path is not None or bool(self._annotations))

    def save_as(self, path: Path) -> None:
        """Keep the annotations in a new file at `path` from now on (their own file cannot be
        written, or there is none). Never replaces or merges into an existing file.

        Raises `SidecarPathError` for a path that cannot be a new file, OSError if writing fails.
        """
        problem = new_file_problem(path)
        if problem is not None:
            raise SidecarPathError(problem)
        with self._lock:
            result = save_sidecar(path, self._document(), DiskVersion.of(None))
            self.path, self._disk = path, result.disk
            self.dirty = self.read_only = False
            self.save_problem = None

    def refresh_from_disk(self) -> bool:
        """Merge in another reader's saved changes without saving ours. True if any arrived."""
        with self._lock:
            if self.path is None or peek_disk(self.path) == self._disk:
                return False
            result = load_sidecar(self.path, repair=False)
            if result.messages:  # damaged or newer: leave it to the next save to sort out
                return False
            tombstones = merge_tombstones(self._tombstones.values(), result.document.tombstones)
            theirs = replace(
                result.document,
                annotations=merge_annotations(self._annotations.values(), result.document.annotations, tombstones),
                tombstones=tombstones,
            )
            changed = self._absorb(theirs)
            same = set(self._annotations.values()) == set(result.document.annotations) and set(
                self._tombstones.values()
            ) == set(result.document.tombstones)
            if same:
                self._disk = result.disk  # nothing of ours is missing on disk
            else:
                self.dirty = True  # the next save merges again and writes ours
            return changed

    def take_messages(self) -> list[str]:
        """The pending messages for the reader, emptied (each is shown once)."""
        with self._lock:
            messages, self.messages = self.messages, []
            return messages
