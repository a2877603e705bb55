"""The sidecar file: only written when there is something to keep, saved with a backup, and
recovered from every kind of damage without losing an annotation or the damaged file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from guillemet.annotations.document import SCHEMA_VERSION, document_from_json
from guillemet.annotations.model import Annotation, Body
from guillemet.annotations.session import AnnotationSession
from guillemet.annotations.sidecar import (
    SidecarReadOnlyError,
    backup_path,
    default_sidecar_path,
    load_sidecar,
    move_aside,
)
from guillemet.article import Article


def note(article: Article, needle: str, text: str) -> Annotation:
    start = article.text.index(needle)
    return Annotation.create(article.text, start, start + len(needle), "commenting", Body(note=text))


def sidecar_of(article: Article) -> Path:
    path = default_sidecar_path(article.source)
    assert path is not None
    return path


def notes_in(path: Path) -> list[str]:
    document = document_from_json(path.read_text(encoding="utf-8"))
    return sorted(a.body.note or "" for a in document.annotations)


@pytest.fixture()
def saved_twice(article: Article) -> Path:
    """A sidecar saved twice: two notes in the backup, three in the sidecar."""
    session = AnnotationSession.open(article)
    session.put(note(article, "Sébastien Lecornu", "one"))
    session.put(note(article, "Sergueï Choïgou", "two"))
    assert session.save()
    session.put(note(article, "Moscou", "three"))
    assert session.save()
    return sidecar_of(article)


def test_the_sidecar_lives_next_to_the_article(article_file: Path) -> None:
    assert default_sidecar_path(str(article_file)) == article_file.with_name("article.txt.guillemet.json")
    assert default_sidecar_path("-") is None
    assert default_sidecar_path("https://example.org/a.html") is None


def test_reading_alone_creates_no_file(article: Article, article_file: Path) -> None:
    session = AnnotationSession.open(article)
    assert session.annotations() == [] and session.messages == []
    assert not session.save()
    assert sorted(p.name for p in article_file.parent.iterdir()) == ["article.txt"]


def test_annotations_are_saved_and_reloaded(article: Article) -> None:
    session = AnnotationSession.open(article)
    made = session.put(note(article, "Sergueï Choïgou", "le ministre russe"))
    assert session.save()
    again = AnnotationSession.open(article)
    assert [a.body.note for a in again.annotations()] == ["le ministre russe"]
    assert again.annotations()[0].span == made.span
    data = json.loads(sidecar_of(article).read_text(encoding="utf-8"))
    assert data["article"] == {"sha256": article.sha256, "length": len(article.text)}


def test_the_previous_version_is_kept_as_a_backup(saved_twice: Path) -> None:
    assert notes_in(saved_twice) == ["one", "three", "two"]
    assert notes_in(backup_path(saved_twice)) == ["one", "two"]


def test_an_unchanged_session_does_not_rewrite_the_file(saved_twice: Path, article: Article) -> None:
    before = saved_twice.stat().st_mtime_ns, saved_twice.read_bytes()
    session = AnnotationSession.open(article)
    assert not session.save()
    assert (saved_twice.stat().st_mtime_ns, saved_twice.read_bytes()) == before


def test_deleting_every_annotation_keeps_the_file_with_tombstones(saved_twice: Path, article: Article) -> None:
    session = AnnotationSession.open(article)
    for annotation in session.annotations():
        assert session.delete(annotation.id)
    assert session.save()
    document = document_from_json(saved_twice.read_text(encoding="utf-8"))
    assert document.annotations == () and len(document.tombstones) == 3


def test_a_chosen_sidecar_path_is_used(article: Article, tmp_path: Path) -> None:
    elsewhere = tmp_path / "notes" / "mine.json"
    elsewhere.parent.mkdir()
    session = AnnotationSession.open(article, elsewhere)
    session.put(note(article, "Moscou", "ici"))
    assert session.save()
    assert notes_in(elsewhere) == ["ici"]
    assert not sidecar_of(article).exists()


# Damage ----------------------------------------------------------------------------------

DAMAGE = {
    "truncated JSON": lambda good: good[: len(good) // 2],
    "not JSON": lambda good: b"Ceci n'est pas un fichier JSON.\n",
    "binary garbage": lambda good: bytes(range(256)) * 4,
    "wrong top-level type": lambda good: b'["a", "list"]\n',
    "empty file": lambda good: b"",
    "bad annotation": lambda good: good.replace(b'"TextPositionSelector"', b'"Nothing"'),
}


def damaged_copies(path: Path) -> list[Path]:
    return sorted(path.parent.glob(path.name + ".damaged-*"))


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_a_damaged_sidecar_is_moved_aside_and_recovered_from_the_backup(
    kind: str, saved_twice: Path, article: Article
) -> None:
    damaged = DAMAGE[kind](saved_twice.read_bytes())
    saved_twice.write_bytes(damaged)
    session = AnnotationSession.open(article)  # the article still opens
    assert sorted(a.body.note for a in session.annotations()) == ["one", "two"]
    assert any("damaged" in m for m in session.messages)
    assert any("recovered from the backup" in m for m in session.messages)
    (moved,) = damaged_copies(saved_twice)
    assert moved.read_bytes() == damaged  # kept as it was, not deleted
    assert not saved_twice.exists() and not session.read_only
    # The recovered annotations are written back at the next save; the damaged copy stays.
    assert session.dirty and session.save()
    assert notes_in(saved_twice) == ["one", "two"]
    assert damaged_copies(saved_twice) == [moved]


def test_a_damaged_sidecar_without_a_backup_still_opens_the_article(article: Article) -> None:
    path = sidecar_of(article)
    path.write_bytes(b'{"format": "guillemet-annotations", "sch')
    session = AnnotationSession.open(article)
    assert session.annotations() == []
    assert any("No readable backup" in m for m in session.messages)
    assert damaged_copies(path)[0].read_bytes().startswith(b'{"format"')


def test_a_folder_where_the_sidecar_should_be_is_left_alone(article: Article) -> None:
    path = sidecar_of(article)
    path.mkdir()  # a directory where the file should be: not a sidecar, never moved
    session = AnnotationSession.open(article)
    assert any("is a folder" in m for m in session.messages) and session.read_only
    assert path.is_dir() and not damaged_copies(path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_a_sidecar_without_read_permission_is_reported(saved_twice: Path, article: Article) -> None:
    saved_twice.chmod(0)
    try:
        session = AnnotationSession.open(article)
        assert any("cannot be read" in m for m in session.messages)
        assert sorted(a.body.note for a in session.annotations()) == ["one", "two"]
    finally:
        for path in (saved_twice, *damaged_copies(saved_twice)):
            if path.exists():
                path.chmod(0o644)


def test_an_export_reports_damage_but_changes_nothing(saved_twice: Path, article: Article) -> None:
    saved_twice.write_bytes(b"not json")
    result = load_sidecar(saved_twice, repair=False)
    assert result.read_only and result.messages
    assert saved_twice.read_bytes() == b"not json" and not damaged_copies(saved_twice)


def test_moving_aside_never_overwrites_an_earlier_damaged_copy(tmp_path: Path) -> None:
    path = tmp_path / "a.txt.guillemet.json"
    copies = []
    for content in (b"first", b"second", b"third"):
        path.write_bytes(content)
        copies.append(move_aside(path))
    assert len(set(copies)) == 3
    assert [c.read_bytes() for c in copies] == [b"first", b"second", b"third"]


def test_a_newer_schema_is_opened_read_only(saved_twice: Path, article: Article) -> None:
    data = json.loads(saved_twice.read_text(encoding="utf-8"))
    data["schema"] = SCHEMA_VERSION + 1
    newer = json.dumps(data).encode()
    saved_twice.write_bytes(newer)
    session = AnnotationSession.open(article)
    assert session.read_only
    assert any("read-only" in m for m in session.messages)
    assert len(session.annotations()) == 3  # still shown
    with pytest.raises(SidecarReadOnlyError):
        session.put(note(article, "Moscou", "no"))
    session.dirty = True
    assert not session.save()
    assert saved_twice.read_bytes() == newer


def test_a_newer_schema_that_cannot_be_read_opens_empty_and_read_only(article: Article) -> None:
    path = sidecar_of(article)
    path.write_text(json.dumps({"format": "guillemet-annotations", "schema": 99, "annotations": [{"new": 1}]}))
    session = AnnotationSession.open(article)
    assert session.read_only and session.annotations() == [] and session.messages
