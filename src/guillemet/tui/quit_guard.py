"""Leaving the reader never drops annotations without the reader knowing.

`q` (and opening another article) first saves what is waiting. If annotations are still in no
file (the save failed: a read-only disk, a folder gone; or the article has no file to keep
them, as with standard input), a dialog offers another path for them, or going back to the
reader. Leaving without them is a deliberate choice (`ctrl+d`), reported on standard error once
the terminal is back, and the command's exit status is then 1.

A closing signal (SIGTERM, SIGHUP) leaves no one to ask: annotations that cannot be saved in
their own file go to a new file in the user's data folder (`unsaved/`), and standard error
says where.

The app knows nothing of annotations: the sessions are found on the extensions of the article
being left (an extension with a `session` and a `flush()`, as the annotation extension has).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from guillemet.annotations.session import AnnotationSession, SidecarPathError
from guillemet.annotations.sidecar import SIDECAR_SUFFIX

UNSAVED_STATUS = 1
"""The exit status when the reader left annotations unsaved."""
SAVED, DISCARD = "saved", "discard"
"""The dialog's answers (None: back to the reader)."""


def unsaved_sessions(extensions: Iterable[Any]) -> list[AnnotationSession]:
    """The extensions' annotation sessions still holding changes in no file, after saving
    each one now as far as it can be."""
    unsaved = []
    for extension in extensions:
        session = getattr(extension, "session", None)
        if not isinstance(session, AnnotationSession):
            continue
        flush = getattr(extension, "flush", None)
        if flush is not None:
            flush()
        if session.unsaved:
            unsaved.append(session)
    return unsaved


def _annotation_count(session: AnnotationSession) -> str:
    count = len(session.annotations())
    return f"{count} annotation{'s' * (count != 1)}"


def _article_name(session: AnnotationSession) -> str:
    source = session.article.source
    return "standard input" if source == "-" else Path(source).name or source


def why_unsaved(session: AnnotationSession) -> str:
    """One line: how many annotations are in no file, and why."""
    if session.path is None:
        return f"{_annotation_count(session)} on {_article_name(session)} are in no file: the article has no annotations file"
    problem = session.save_problem or "it cannot be written"
    return f"{_annotation_count(session)} on {_article_name(session)} could not be saved to {session.path} ({problem})"


def file_name_for(session: AnnotationSession) -> str:
    """A name for the annotations' new file: their own file's name, or the article's."""
    if session.path is not None:
        return session.path.name
    name = _article_name(session)
    return ("standard-input" if name == "standard input" else name) + SIDECAR_SUFFIX


def leave_when_saved(app: Any, extensions: Iterable[Any], leave: Callable[[int], None],
                     discarded: tuple[AnnotationSession, ...] = ()) -> None:
    """Call `leave(status)` once no annotations of `extensions` (those of the article being
    left) are in danger: all saved (status 0), or saved elsewhere, or left behind by the
    reader's choice (status 1, reported on leaving). Until then the dialog asks, one session
    at a time; `esc` there keeps the reader open."""
    if isinstance(app.screen, UnsavedAnnotationsDialog):
        return  # already asking (ctrl+q reaches the app even over a dialog)
    extensions = list(extensions)
    pending = [s for s in unsaved_sessions(extensions) if all(s is not d for d in discarded)]
    if not pending:
        app.leaving_report.extend(f"{why_unsaved(s)}; left unsaved." for s in discarded)
        leave(UNSAVED_STATUS if discarded else 0)
        return
    session = pending[0]

    def answered(choice: str | None) -> None:
        if choice == DISCARD:
            leave_when_saved(app, extensions, leave, (*discarded, session))
        elif choice == SAVED:
            leave_when_saved(app, extensions, leave, discarded)

    app.push_screen(UnsavedAnnotationsDialog(session), answered)


def rescue_folder() -> Path:
    """Where annotations go when there is no one to ask: the user's data folder."""
    from platformdirs import user_data_path

    return user_data_path("guillemet") / "unsaved"


def rescue(session: AnnotationSession, folder: Path | None = None) -> Path:
    """Save the annotations to a new file in `folder` (default `rescue_folder()`), named after
    their file and the time; returns its path. Raises OSError or `SidecarPathError`."""
    folder = folder or rescue_folder()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    name = file_name_for(session).removesuffix(SIDECAR_SUFFIX)
    for attempt in range(1, 100):
        path = folder / f"{name}.{stamp}{f'-{attempt}' if attempt > 1 else ''}{SIDECAR_SUFFIX}"
        if not path.exists():
            session.save_as(path)
            return path
    raise SidecarPathError(f"{folder}: no free name for the annotations")


def save_before_signal_exit(app: Any, extensions: Iterable[Any]) -> None:
    """A closing signal: save, else rescue, and say on leaving where the annotations are."""
    for session in unsaved_sessions(extensions):
        reason = why_unsaved(session)
        try:
            path = rescue(session)
        except (OSError, SidecarPathError) as error:
            app.leaving_report.append(f"{reason}; no rescue file could be written either ({error}): they are lost.")
        else:
            app.leaving_report.append(f"{reason}; they were saved to {path}.")


class UnsavedAnnotationsDialog(ModalScreen[str | None]):
    """Annotations that could not be saved: another path, back to the reader, or leave
    without them (see the module docstring). Answers `SAVED`, `DISCARD` or None."""

    DEFAULT_CSS = """
    UnsavedAnnotationsDialog { align: center middle; }
    UnsavedAnnotationsDialog > Vertical {
        width: 80; max-width: 95%; height: auto; max-height: 100%; overflow-y: auto;
        border: round $error; background: $surface; padding: 0 1;
    }
    UnsavedAnnotationsDialog .dialog-about { margin-bottom: 1; }
    UnsavedAnnotationsDialog #unsaved-problem { color: $error; }
    UnsavedAnnotationsDialog .dialog-help { color: $text-muted; }
    """
    BINDINGS = [
        Binding("escape", "stay", "Back to the reader", id="unsaved.stay"),
        Binding("ctrl+d", "discard", "Leave without them", id="unsaved.discard", priority=True),
    ]

    def __init__(self, session: AnnotationSession) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        """What is unsaved and why, a path to save to, and the keys."""
        with Vertical() as box:
            box.border_title = "Annotations not saved"
            yield Static(f"{why_unsaved(self.session)}.", classes="dialog-about")
            yield Static("Save them to another file:")
            yield Input(str(Path.home() / file_name_for(self.session)), id="unsaved-path")
            yield Static("", id="unsaved-problem")
            yield Static("enter: save there · esc: back to the reader · ctrl+d: leave without them",
                         classes="dialog-help")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter: save there, or say in the dialog why that path will not do."""
        event.stop()
        path = Path(event.value.strip()).expanduser()
        try:
            self.session.save_as(path)
        except SidecarPathError as error:
            self.query_one("#unsaved-problem", Static).update(str(error))
        except OSError as error:
            self.query_one("#unsaved-problem", Static).update(f"{path}: cannot be written ({error.strerror or error})")
        else:
            self.app.notify(f"Annotations saved to {path}.", title="Annotations", timeout=4)
            self.dismiss(SAVED)

    def action_stay(self) -> None:
        """Escape: back to the reader, the annotations still in memory."""
        self.dismiss(None)

    def action_discard(self) -> None:
        """ctrl+d: leave without them (reported on standard error, exit status 1)."""
        self.dismiss(DISCARD)
