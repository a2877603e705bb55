"""The reader's own files are never moved or lost: only a recognisable sidecar is moved aside,
`--sidecar` refuses what cannot be an annotations file, sidecars keep their permissions, and
an export keeps every valid annotation of a damaged sidecar."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from guillemet.annotations import atomic
from guillemet.annotations.model import Annotation, Body
from guillemet.annotations.session import AnnotationSession, SidecarPathError
from guillemet.annotations.sidecar import load_sidecar, sidecar_path_problem
from guillemet.article import Article
from guillemet.cli import main
from guillemet.commands import export


def note(article: Article, needle: str, text: str) -> Annotation:
    start = article.text.index(needle)
    return Annotation.create(article.text, start, start + len(needle), "commenting", Body(note=text))


def moved_copies(path: Path) -> list[Path]:
    return sorted(path.parent.glob(path.name + ".damaged-*"))


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture()
def user_file(tmp_path: Path) -> Path:
    path = tmp_path / "notes.md"
    path.write_text("# Mes notes\n\nRien à voir avec guillemet.\n", encoding="utf-8")
    return path


# -- only a recognisable sidecar is moved aside ---------------------------------------------


def test_a_file_that_is_not_a_sidecar_is_left_as_it_is(article: Article, user_file: Path) -> None:
    before = user_file.read_bytes()
    session = AnnotationSession.open(article, user_file)
    assert user_file.read_bytes() == before and not moved_copies(user_file)
    assert session.read_only and any("not a guillemet annotations file" in m for m in session.messages)


def test_a_damaged_file_that_says_it_is_a_sidecar_is_still_moved_aside(article: Article, tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    path.write_bytes(b'{"annotations": [], "format": "guillemet-annotations", "sch')
    session = AnnotationSession.open(article, path)
    assert not path.exists() and len(moved_copies(path)) == 1 and not session.read_only


def test_a_sidecar_replaced_by_another_file_is_not_moved_by_a_save(article: Article, tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    session = AnnotationSession.open(article, path)
    session.put(note(article, "Moscou", "un"))
    assert session.save()
    path.write_text("the reader's own text\n", encoding="utf-8")
    session.put(note(article, "Paris", "deux"))
    assert not session.save()
    assert path.read_text(encoding="utf-8") == "the reader's own text\n" and not moved_copies(path)
    assert session.unsaved and session.read_only and "replaced" in (session.save_problem or "")


@pytest.mark.parametrize(
    ("make", "must_exist", "expected"),
    [
        (lambda d: d / "folder", False, "is a folder"),
        (lambda d: d / "notes.md", False, "is not a guillemet annotations file"),
        (lambda d: d / "missing" / "notes.json", False, "no such folder"),
        (lambda d: d / "notes.md" / "notes.json", False, "is not a folder"),
        (lambda d: d / "new.json", True, "no such annotations file"),
        (lambda d: d / "new.json", False, None),
        (lambda d: d / "ours.json", True, None),
    ],
)
def test_what_a_sidecar_path_may_be(tmp_path: Path, user_file: Path, article: Article, make, must_exist, expected) -> None:
    (tmp_path / "folder").mkdir()
    ours = AnnotationSession.open(article, tmp_path / "ours.json")
    ours.put(note(article, "Moscou", "un"))
    assert ours.save()
    problem = sidecar_path_problem(make(tmp_path), must_exist=must_exist)
    if expected is None:
        assert problem is None
    else:
        assert problem is not None and expected in problem and "\n" not in problem


@pytest.mark.parametrize("kind", ["not a sidecar", "folder", "missing folder"])
def test_the_reader_refuses_a_bad_sidecar_option_in_one_line(
    kind: str, article_file: Path, user_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = {"not a sidecar": user_file, "folder": tmp_path, "missing folder": tmp_path / "no" / "n.json"}
    before = user_file.read_bytes()
    assert main([str(article_file), "--sidecar", str(paths[kind])]) == 2
    err = capsys.readouterr().err
    assert err.startswith("guillemet: ") and err.count("\n") == 1 and "Traceback" not in err
    expected = {"not a sidecar": "not a guillemet annotations file", "folder": "is a folder",
                "missing folder": "no such folder"}[kind]
    assert expected in err
    assert user_file.read_bytes() == before and not moved_copies(user_file) and tmp_path.is_dir()


def test_a_folder_is_never_moved_aside(tmp_path: Path) -> None:
    folder = tmp_path / "a.txt.guillemet.json"
    folder.mkdir()
    result = load_sidecar(folder)
    assert folder.is_dir() and not moved_copies(folder) and result.read_only


# -- permissions --------------------------------------------------------------------------------


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize(("umask", "expected"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_sidecar_follows_the_umask(article: Article, tmp_path: Path, umask: int, expected: int) -> None:
    path = tmp_path / "new.json"
    session = AnnotationSession.open(article, path)
    session.put(note(article, "Moscou", "un"))
    previous = os.umask(umask)
    try:
        assert session.save()
    finally:
        os.umask(previous)
    assert mode_of(path) == expected


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize("mode", [0o644, 0o640, 0o660])
def test_an_existing_sidecar_keeps_its_mode_and_so_does_its_backup(
    article: Article, tmp_path: Path, mode: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kept.json"
    session = AnnotationSession.open(article, path)
    session.put(note(article, "Moscou", "un"))
    assert session.save()
    path.chmod(mode)
    monkeypatch.setattr(atomic.os, "link", _no_hard_links)  # the backup is then a copy
    previous = os.umask(0o077)
    try:
        session.put(note(article, "Paris", "deux"))
        assert session.save()
    finally:
        os.umask(previous)
    assert mode_of(path) == mode and mode_of(path.with_name(path.name + ".bak")) == mode


def _no_hard_links(source: object, destination: object) -> None:
    raise OSError(1, "Operation not permitted")


# -- saving elsewhere ---------------------------------------------------------------------------


def test_save_as_never_replaces_a_file_and_then_keeps_saving_there(article: Article, user_file: Path, tmp_path: Path) -> None:
    session = AnnotationSession.open(article, tmp_path / "no" / "such" / "x.json")
    session.put(note(article, "Moscou", "un"))
    assert not session.save() and session.unsaved
    with pytest.raises(SidecarPathError, match="already exists"):
        session.save_as(user_file)
    new = tmp_path / "new.json"
    session.save_as(new)
    assert not session.unsaved and session.path == new
    session.put(note(article, "Paris", "deux"))
    assert session.save()
    assert len(json.loads(new.read_text(encoding="utf-8"))["annotations"]) == 2


# -- exports of a damaged sidecar ------------------------------------------------------------------


@pytest.fixture()
def no_engine(monkeypatch: pytest.MonkeyPatch, analysis) -> None:
    monkeypatch.setattr(export, "analyse", lambda article, model, use_cache=True: analysis)


def test_an_export_keeps_the_valid_annotations_of_a_damaged_sidecar_and_exits_1(
    article: Article, no_engine, capsys: pytest.CaptureFixture[str]
) -> None:
    session = AnnotationSession.open(article)
    session.put(note(article, "Moscou", "valide un"))
    broken = session.put(note(article, "Paris", "cassée"))
    session.put(note(article, "Sergueï Choïgou", "valide deux"))
    assert session.save()
    path = Path(article.source + ".guillemet.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    for item in data["annotations"]:
        if item["id"] == broken.id:
            del item["created"]
    damaged = json.dumps(data)
    path.write_text(damaged, encoding="utf-8")
    assert main(["export", article.source, "--format", "markdown"]) == 1
    captured = capsys.readouterr()
    assert "valide un" in captured.out and "valide deux" in captured.out and "cassée" not in captured.out
    (line,) = [line for line in captured.err.splitlines() if broken.id in line]
    assert "left out" in line and "'created'" in line
    assert path.read_text(encoding="utf-8") == damaged  # an export changes nothing


def test_an_export_of_an_intact_sidecar_exits_0(article: Article, no_engine, capsys) -> None:  # type: ignore[no-untyped-def]
    session = AnnotationSession.open(article)
    session.put(note(article, "Moscou", "valide"))
    assert session.save()
    assert main(["export", article.source, "--format", "w3c"]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("kind", ["not a sidecar", "folder"])
def test_export_refuses_a_sidecar_option_that_is_not_one(
    kind: str, article: Article, user_file: Path, tmp_path: Path, no_engine, capsys: pytest.CaptureFixture[str]
) -> None:
    path = user_file if kind == "not a sidecar" else tmp_path
    assert main(["export", article.source, "--format", "w3c", "--sidecar", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and ("is a folder" if kind == "folder" else "not a guillemet") in err
