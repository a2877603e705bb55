"""Quitting with annotations that could not be saved: the reader offers another file, or to
stay, and leaving without them is reported with a non-zero status.

The failing disk is simulated (the tests run as root, which ignores permissions): the atomic
writer fails with "read-only file system" for the article's folder only, so another folder
can still take the annotations.
"""

from __future__ import annotations

import errno
import os
import signal
from pathlib import Path

import pytest
from reader_harness import make_app, settle
from textual.widgets import Input, Static
from tui_samples import sample_analysis, sample_article

from guillemet.annotations import sidecar as sidecar_module
from guillemet.annotations.document import document_from_json
from guillemet.article import Article
from guillemet.tui.annotation_extension import AnnotationExtension, make_extension
from guillemet.tui.app import ReaderApp
from guillemet.tui.quit_guard import UnsavedAnnotationsDialog

SIZE = (120, 40)


@pytest.fixture()
def article(tmp_path: Path, sample_text: str) -> Article:
    folder = tmp_path / "read-only"
    folder.mkdir()
    path = folder / "article.txt"
    path.write_text(sample_text, encoding="utf-8")
    return sample_article(sample_text, str(path))


@pytest.fixture()
def read_only_folder(article: Article, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Writing anything in the article's folder fails as on a read-only file system."""
    folder = Path(article.source).parent
    write = sidecar_module.write_atomically

    def refuse_in_folder(path: Path, data: bytes, mode: int | None = None) -> None:
        if path.parent == folder:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        write(path, data, mode)

    monkeypatch.setattr(sidecar_module, "write_atomically", refuse_in_folder)
    return folder


def reader(article: Article) -> tuple[ReaderApp, AnnotationExtension]:
    extension = make_extension(article, {"sidecar": None})
    return make_app(article, [sample_analysis(article.text, article.source)], extensions=[extension]), extension


async def add_note(pilot, text: str = "à vérifier") -> None:  # type: ignore[no-untyped-def]
    await settle(pilot, pilot.app)
    await pilot.press("n", "a")
    field = pilot.app.focused
    assert isinstance(field, Input)
    field.insert_text_at_cursor(text)
    await pilot.press("enter")


def notes_in(path: Path) -> list[str]:
    return [a.body.note or "" for a in document_from_json(path.read_text(encoding="utf-8")).annotations]


async def test_quit_with_a_failed_save_asks_and_escape_stays_in_the_reader(article, read_only_folder) -> None:
    app, extension = reader(article)
    async with app.run_test(size=SIZE) as pilot:
        await add_note(pilot)
        await pilot.press("q")
        assert isinstance(app.screen, UnsavedAnnotationsDialog)
        about = str(app.screen.query(Static).first().render())
        assert "could not be saved" in about and "Read-only file system" in about
        await pilot.press("escape")
        assert app.is_running and not isinstance(app.screen, UnsavedAnnotationsDialog)
        assert [a.body.note for a in extension.session.annotations()] == ["à vérifier"]
        await pilot.press("q")  # asked again: the annotations are still in no file
        assert isinstance(app.screen, UnsavedAnnotationsDialog)
        await pilot.press("ctrl+q")  # Textual's own quit key asks too, and does not stack dialogs
        assert len([s for s in app.screen_stack if isinstance(s, UnsavedAnnotationsDialog)]) == 1
        await pilot.press("escape")
    assert not (read_only_folder / "article.txt.guillemet.json").exists()


async def test_the_annotations_can_be_saved_to_another_path_and_the_reader_then_quits(
    article, read_only_folder, tmp_path: Path
) -> None:
    app, extension = reader(article)
    elsewhere = tmp_path / "elsewhere.guillemet.json"
    taken = tmp_path / "taken.json"
    taken.write_text("the reader's own file", encoding="utf-8")
    async with app.run_test(size=SIZE) as pilot:
        await add_note(pilot)
        await pilot.press("q")
        field = app.screen.query_one("#unsaved-path", Input)
        field.value = str(taken)  # an existing file is never replaced
        await pilot.press("enter")
        assert isinstance(app.screen, UnsavedAnnotationsDialog)
        assert "already exists" in str(app.screen.query_one("#unsaved-problem", Static).render())
        field.value = str(elsewhere)
        await pilot.press("enter")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0 and app.leaving_report == []
    assert notes_in(elsewhere) == ["à vérifier"] and extension.session.path == elsewhere
    assert taken.read_text(encoding="utf-8") == "the reader's own file"


async def test_leaving_without_them_is_reported_with_status_1(article, read_only_folder) -> None:
    app, _ = reader(article)
    async with app.run_test(size=SIZE) as pilot:
        await add_note(pilot)
        await pilot.press("q", "ctrl+d")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 1
    (line,) = app.leaving_report
    assert "1 annotation" in line and "Read-only file system" in line and "left unsaved" in line


async def test_an_article_without_a_file_offers_a_place_for_its_annotations(tmp_path: Path, sample_text: str) -> None:
    article = sample_article(sample_text, "-")
    app, extension = reader(article)
    target = tmp_path / "from-stdin.guillemet.json"
    async with app.run_test(size=SIZE) as pilot:
        await add_note(pilot, "lu")
        await pilot.press("q")
        assert isinstance(app.screen, UnsavedAnnotationsDialog)
        app.screen.query_one("#unsaved-path", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0 and notes_in(target) == ["lu"]


async def test_a_successful_save_quits_without_asking(article: Article) -> None:
    app, _ = reader(article)
    async with app.run_test(size=SIZE) as pilot:
        await add_note(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0
    assert notes_in(Path(article.source + ".guillemet.json")) == ["à vérifier"]


async def test_sigterm_saves_a_fresh_note_and_closes_the_reader(article: Article) -> None:
    app, _ = reader(article)
    sidecar = Path(article.source + ".guillemet.json")
    handler_before = signal.getsignal(signal.SIGTERM)
    async with app.run_test(size=SIZE) as pilot:
        await add_note(pilot)
        assert not sidecar.exists()  # the debounced save is still half a second away
        assert signal.getsignal(signal.SIGTERM) != handler_before  # else the kill ends the tests
        os.kill(os.getpid(), signal.SIGTERM)
        for _ in range(100):
            if not app.is_running:
                break
            await pilot.pause(0.05)
        assert not app.is_running
    assert app.return_code == 128 + signal.SIGTERM
    assert notes_in(sidecar) == ["à vérifier"]
    assert signal.getsignal(signal.SIGTERM) == handler_before  # handed back


async def test_sighup_with_a_failing_save_rescues_the_annotations(
    article, read_only_folder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    app, _ = reader(article)
    async with app.run_test(size=SIZE) as pilot:
        await add_note(pilot)
        assert signal.getsignal(signal.SIGHUP) not in (signal.SIG_DFL, signal.SIG_IGN, None)
        os.kill(os.getpid(), signal.SIGHUP)
        for _ in range(100):
            if not app.is_running:
                break
            await pilot.pause(0.05)
        assert not app.is_running
    assert app.return_code == 128 + signal.SIGHUP
    (rescued,) = (tmp_path / "data" / "guillemet" / "unsaved").glob("article.txt.*.guillemet.json")
    assert notes_in(rescued) == ["à vérifier"]
    (line,) = app.leaving_report
    assert "Read-only file system" in line and str(rescued) in line
