"""A process killed (SIGKILL) at random moments while it saves: the sidecar is always whole.

A forked child adds one annotation and saves, again and again, telling the parent through a
pipe after each completed save. The parent kills it at a random moment, then checks that the
sidecar parses and is either the last version the child reported or the one it was writing,
with exactly the annotations of that version, and that the backup parses too. The next child
continues from what is on disk, so every iteration also checks that a crashed save leaves
nothing that disturbs the next one.
"""

from __future__ import annotations

import os
import random
import select
import signal
import time
from pathlib import Path

import pytest

from guillemet.annotations.document import document_from_json
from guillemet.annotations.model import Annotation, Body
from guillemet.annotations.session import AnnotationSession
from guillemet.annotations.sidecar import backup_path, default_sidecar_path
from guillemet.article import Article

ITERATIONS = 40

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")


def keep_saving(article: Article, report_fd: int) -> None:
    """The child: add an annotation, save, report the count; forever."""
    session = AnnotationSession.open(article)
    count = len(session.annotations())
    text = article.text
    while True:
        start = (count * 37) % (len(text) - 20)
        session.put(Annotation.create(text, start, start + 12, "commenting", Body(note=f"note {count}")))
        session.save()
        count += 1
        os.write(report_fd, f"{count}\n".encode())


def reported_counts(read_fd: int) -> list[int]:
    data = b""
    while select.select([read_fd], [], [], 0)[0]:
        chunk = os.read(read_fd, 65536)
        if not chunk:
            break
        data += chunk
    return [int(line) for line in data.split()]


def notes_on_disk(path: Path) -> set[str]:
    document = document_from_json(path.read_text(encoding="utf-8"))
    return {a.body.note or "" for a in document.annotations}


def expected(count: int) -> set[str]:
    return {f"note {i}" for i in range(count)}


def test_the_sidecar_survives_sigkill_at_any_moment(article: Article) -> None:
    path = default_sidecar_path(article.source)
    assert path is not None
    rng = random.Random(20261126)
    saved = 0
    for _ in range(ITERATIONS):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child never returns into pytest
            try:
                os.close(read_fd)
                keep_saving(article, write_fd)
            finally:
                os._exit(1)
        os.close(write_fd)
        # Kill at a random moment once the child is in its saving loop (the first save of this
        # child is reported), so a loaded machine cannot make every kill land before any save.
        assert select.select([read_fd], [], [], 10)[0], "the child never saved"
        time.sleep(rng.uniform(0.0, 0.02))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        counts = reported_counts(read_fd)
        os.close(read_fd)
        last = counts[-1] if counts else saved
        on_disk = notes_on_disk(path)  # parses: never a partial file
        assert on_disk in (expected(last), expected(last + 1)), (last, len(on_disk))
        if backup_path(path).exists():
            assert notes_on_disk(backup_path(path)) <= on_disk
        saved = len(on_disk)
    assert saved >= ITERATIONS  # every child saved at least once
    # A normal save afterwards clears the temporary files the killed children left behind.
    session = AnnotationSession.open(article)
    session.put(Annotation.create(article.text, 0, 5, "highlighting"))
    assert session.save()
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]
    assert notes_on_disk(path) == expected(saved) | {""}


def test_two_processes_saving_at_once_lose_nothing(article: Article) -> None:
    """Two readers of the same article saving as fast as they can: every annotation of both
    ends up in the sidecar (saves take turns under a lock, and each merges the other's)."""
    path = default_sidecar_path(article.source)
    assert path is not None
    per_child = 15
    children = []
    for name in ("first", "second"):
        pid = os.fork()
        if pid == 0:
            status = 1
            try:
                session = AnnotationSession.open(article)
                for i in range(per_child):
                    start = (i * 53) % (len(article.text) - 20)
                    note = Body(note=f"{name} {i}")
                    session.put(Annotation.create(article.text, start, start + 9, "commenting", note))
                    session.save()
                status = 0
            finally:
                os._exit(status)
        children.append(pid)
    for pid in children:
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
    expected_notes = {f"{name} {i}" for name in ("first", "second") for i in range(per_child)}
    assert notes_on_disk(path) == expected_notes
