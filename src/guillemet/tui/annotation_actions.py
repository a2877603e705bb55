"""The annotation keys: what `a`, `h`, `T`, `C`, `D`, `A`, `r`, `N` and `delete` do.

A mixin of `AnnotationExtension` (kept apart so each file has one job): the actions decide
what to annotate (the selection, else the current claim), ask through a dialog when needed, and
turn the answer into annotations with `put`, `create` and `delete`, after which the host's
`changed()` saves (debounced) and redraws. Every refusal is explained in one line (`explain`),
never silent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual.widgets import TabbedContent, TabPane

from guillemet.analysis.models import Quote
from guillemet.annotations.corrections import READER_ID_PREFIX
from guillemet.annotations.model import SUGGESTED_TAGS, Annotation, Body, Correction, tag_motivation
from guillemet.annotations.sidecar import SidecarReadOnlyError
from guillemet.tui.annotation_choice_dialog import Choice, ChoiceDialog
from guillemet.tui.annotation_note_dialog import NoteDialog

if TYPE_CHECKING:
    from guillemet.annotations.session import AnnotationSession
    from guillemet.tui.notes_panel import NotesPanel


class AnnotationActions:
    """The key actions and their helpers; the host provides `reader` (the article's screen),
    `app`, `session`, `panel`, `text` and `changed()`."""

    reader: Any
    app: Any
    session: AnnotationSession
    panel: NotesPanel
    text: str

    def changed(self) -> None:
        """Save soon and redraw (the host's job)."""
        raise NotImplementedError

    def explain(self, message: str) -> None:
        """A refused key: a bell and one line saying what to do instead."""
        self.app.bell()
        self.app.notify(message, timeout=4)

    def writable(self) -> bool:
        """Whether annotations may change now (explains if not)."""
        if self.session.read_only:
            self.explain("The annotations are read-only in this session (see the earlier message).")
            return False
        return True

    def claim(self) -> Quote | None:
        """The current claim, or None after explaining how to choose one."""
        quote = self.reader.current_quote
        if quote is None:
            self.explain("Choose a claim first (n, p).")
        return quote

    def target(self) -> tuple[int, int] | None:
        """The selected text, else the current claim."""
        selection = self.reader.article_view.selection
        if selection is not None:
            return selection
        quote = self.reader.current_quote
        if quote is not None:
            return (quote.start, quote.end)
        self.explain("Select text (v, then shift+arrows) or choose a claim (n, p) first.")
        return None

    def on_span(self, span: tuple[int, int], motivation: str | Sequence[str]) -> list[Annotation]:
        """The annotations with these motivations placed exactly on `span`."""
        kinds = (motivation,) if isinstance(motivation, str) else tuple(motivation)
        return [a for a in self.session.annotations() if a.span == span and a.motivation in kinds]

    def put(self, annotation: Annotation) -> None:
        """Add or replace an annotation, then save soon and redraw."""
        try:
            self.session.put(annotation)
        except SidecarReadOnlyError as error:
            self.explain(str(error))
            return
        self.changed()

    def delete(self, annotation_id: str) -> None:
        """Delete an annotation, then save soon and redraw."""
        try:
            self.session.delete(annotation_id)
        except SidecarReadOnlyError as error:
            self.explain(str(error))
            return
        self.changed()

    def create(self, span: tuple[int, int], motivation: str, body: Body = Body()) -> None:
        """A new annotation on `text[span]`."""
        self.put(Annotation.create(self.text, span[0], span[1], motivation, body))

    # -- the keys ----------------------------------------------------------------------------

    def action_note(self) -> None:
        """`a`: add or edit the note on the selection or the current claim."""
        span = self.target() if self.writable() else None
        if span is None:
            return
        existing = next(iter(self.on_span(span, "commenting")), None)

        def done(value: str | None) -> None:
            if value is None:
                return
            if existing is None:
                if value:
                    self.create(span, "commenting", Body(note=value))
            elif not value:
                self.delete(existing.id)
            elif value != existing.body.note:
                self.put(existing.edited(body=replace(existing.body, note=value)))

        note = (existing.body.note or "") if existing is not None else ""
        self.app.push_screen(NoteDialog(self.text[span[0] : span[1]], note), done)

    def action_highlight(self) -> None:
        """`h`: highlight the selection or the current claim, or remove that highlight."""
        span = self.target() if self.writable() else None
        if span is None:
            return
        existing = self.on_span(span, "highlighting")
        if existing:
            self.delete(existing[0].id)
            self.app.notify("Highlight removed.", timeout=2)
        else:
            self.create(span, "highlighting")

    def action_tag(self) -> None:
        """`T`: tag the selection or the current claim; choosing a tag it has removes it."""
        span = self.target() if self.writable() else None
        if span is None:
            return
        present = {a.body.tag: a for a in self.on_span(span, ("tagging", "assessing")) if a.body.tag}
        tags = list(SUGGESTED_TAGS) + [t for t in present if t not in SUGGESTED_TAGS]
        choices = [(f"tag-{n}", f"{'✓ ' if t in present else '  '}{t}", t) for n, t in enumerate(tags)]

        def done(choice: Choice | None) -> None:
            if choice is None:
                return
            if choice.text in present:
                self.delete(present[choice.text].id)
                self.app.notify(f"Tag “{choice.text}” removed.", timeout=2)
            else:
                self.create(span, tag_motivation(choice.text), Body(tag=choice.text))

        self.app.push_screen(
            ChoiceDialog("Tag", self.text[span[0] : span[1]], choices, "or type a tag"), done
        )

    def speaker_choices(self) -> list[tuple[str, str, str]]:
        """The article's speakers (as shown, corrections included), most quoted first."""
        analysis = self.reader.analysis
        if analysis is None:
            return []
        counts: dict[str, int] = {}
        for quote in analysis.quotes:
            if quote.speaker is not None:
                counts[quote.speaker.id] = counts.get(quote.speaker.id, 0) + 1
        speakers = sorted(analysis.speakers, key=lambda s: (-counts.get(s.id, 0), s.name))
        current = self.reader.current_quote
        now = current.speaker.id if current is not None and current.speaker else None
        return [
            (s.id, f"{s.name} · {s.kind} · {counts.get(s.id, 0)}{'  ← now' if s.id == now else ''}", s.name)
            for s in speakers
        ]

    def _added_quote(self, quote: Quote) -> Annotation | None:
        """The reader's annotation that created `quote`, if the reader added it."""
        if not quote.id.startswith(READER_ID_PREFIX):
            return None
        for annotation in self.on_span((quote.start, quote.end), "editing"):
            if annotation.body.correction and annotation.body.correction.kind == "added-quote":
                return annotation
        return None

    def action_correct_speaker(self) -> None:
        """`C`: reassign the current claim to an article speaker or a new name."""
        quote = self.claim() if self.writable() else None
        if quote is None:
            return
        span = (quote.start, quote.end)
        added = self._added_quote(quote)
        earlier = next(
            (a for a in self.on_span(span, "editing") if a.body.correction and a.body.correction.kind == "speaker"),
            None,
        )

        def done(choice: Choice | None) -> None:
            if choice is None:
                return
            if added is not None:
                old = added.body.correction
                fixed = Correction("added-quote", choice.key, choice.text, old.quote_type if old else "direct")
                self.put(added.edited(body=Body(correction=fixed)))
                return
            fixed = Correction("speaker", choice.key, choice.text)
            if earlier is not None:
                self.put(earlier.edited(body=Body(correction=fixed)))
            else:
                self.create(span, "editing", Body(correction=fixed))

        who = quote.speaker.name if quote.speaker else "no speaker"
        self.app.push_screen(
            ChoiceDialog(f"Speaker (now: {who})", quote.text, self.speaker_choices(), "or type a new name"),
            done,
        )

    def action_not_a_quote(self) -> None:
        """`D`: the current claim is not a quote (a quote the reader added is removed)."""
        quote = self.claim() if self.writable() else None
        if quote is None:
            return
        added = self._added_quote(quote)
        if added is not None:
            self.delete(added.id)
            self.app.notify("The quote you added was removed.", timeout=3)
            return
        self.create((quote.start, quote.end), "editing", Body(correction=Correction("not-a-quote")))
        self.app.notify("Marked as not a quote (delete the mark in the notes panel, N, to undo).", timeout=4)

    def action_add_quote(self) -> None:
        """`A`: the selection is a quote the analysis missed; ask who said it."""
        if not self.writable():
            return
        span = self.reader.article_view.selection
        if span is None:
            self.explain("Select the quote's text first (v, then shift+arrows, or drag with the mouse).")
            return

        def done(choice: Choice | None) -> None:
            if choice is not None:
                self.create(span, "editing", Body(correction=Correction("added-quote", choice.key, choice.text)))

        self.app.push_screen(
            ChoiceDialog("Who said it?", self.text[span[0] : span[1]], self.speaker_choices(), "or type a new name"),
            done,
        )

    def action_reattach(self) -> None:
        """`r`: move the annotation highlighted in the notes panel to the selection or claim."""
        if not self.writable():
            return
        annotation_id = self.panel.highlighted_id
        if annotation_id is None:
            self.explain("Highlight an annotation in the notes panel (N) first.")
            return
        span = self.target()
        if span is None:
            return
        try:
            self.session.reattach(annotation_id, *span)
        except KeyError:  # deleted meanwhile (by another reader)
            self.explain("That annotation no longer exists.")
            return
        self.changed()
        self.app.notify("Annotation re-attached.", timeout=2)

    def action_show_notes(self) -> None:
        """`N`: show the notes tab and focus it."""
        pane = next((a for a in self.panel.ancestors if isinstance(a, TabPane)), None)
        tabs = next((a for a in self.panel.ancestors if isinstance(a, TabbedContent)), None)
        if tabs is not None and isinstance(pane, TabPane) and pane.id:
            tabs.active = pane.id
        self.panel.focus()

    def action_delete_note(self) -> None:
        """`delete`: only meaningful in the notes panel (explains elsewhere)."""
        if not self.panel.has_focus:
            self.explain("Open the notes panel (N) and highlight the annotation to delete.")
            return
        self.panel.action_delete_annotation()
