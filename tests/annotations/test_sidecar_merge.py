"""Two readers on the same article: each save merges the other's instead of overwriting it."""

from __future__ import annotations

from dataclasses import replace

from guillemet.annotations.merge import merge_annotations, merge_tombstones
from guillemet.annotations.model import Annotation, Body, Tombstone
from guillemet.annotations.session import AnnotationSession
from guillemet.article import Article

TEXT = "Le ministre a dit « nous sommes prêts » hier."


def made(note: str, modified: str = "2026-01-01T10:00:00.000+00:00", identifier: str | None = None) -> Annotation:
    annotation = Annotation.create(TEXT, 0, 11, "commenting", Body(note=note))
    return replace(annotation, id=identifier or annotation.id, created=modified, modified=modified)


def test_the_merge_is_a_union_by_id_where_the_newer_wins() -> None:
    a, b = made("a"), made("b")
    old = made("old", "2026-01-01T10:00:00.000+00:00", "urn:same")
    new = made("new", "2026-01-01T11:00:00.000+00:00", "urn:same")
    one = merge_annotations([a, old], [b, new], [])
    other = merge_annotations([b, new], [a, old], [])
    assert {x.body.note for x in one} == {"a", "b", "new"}
    assert set(one) == set(other)  # commutative: both readers converge


def test_a_tombstone_on_either_side_wins_over_any_edit() -> None:
    edited = made("edited later", "2027-01-01T00:00:00.000+00:00", "urn:gone")
    tombstones = merge_tombstones([Tombstone("urn:gone", "2026-01-01T00:00:00.000+00:00")], [])
    assert merge_annotations([edited], [], tombstones) == ()
    assert merge_annotations([], [edited], tombstones) == ()


def test_tombstones_are_merged_keeping_the_first_deletion() -> None:
    early, late = Tombstone("x", "2026-01-01T00:00:00+00:00"), Tombstone("x", "2026-02-01T00:00:00+00:00")
    assert merge_tombstones([late], [early], [Tombstone("y", "2026-03-01T00:00:00+00:00")]) == (early, Tombstone("y", "2026-03-01T00:00:00+00:00"))


def note(session: AnnotationSession, needle: str, text: str) -> Annotation:
    start = session.article.text.index(needle)
    return session.put(Annotation.create(session.article.text, start, start + len(needle), "commenting", Body(note=text)))


def notes(session: AnnotationSession) -> set[str]:
    return {a.body.note or "" for a in session.annotations()}


def test_two_readers_saving_in_turn_keep_each_others_annotations(article: Article) -> None:
    first, second = AnnotationSession.open(article), AnnotationSession.open(article)
    note(first, "Moscou", "from the first")
    assert first.save()
    note(second, "Kiev", "from the second")
    assert second.save()
    assert notes(second) == {"from the first", "from the second"}
    assert any("Merged" in m for m in second.messages)
    assert notes(AnnotationSession.open(article)) == {"from the first", "from the second"}
    note(first, "Paris", "first again")
    first.save()
    assert notes(first) == {"from the first", "from the second", "first again"}


def test_a_deletion_by_one_reader_is_not_resurrected_by_the_other(article: Article) -> None:
    first = AnnotationSession.open(article)
    shared = note(first, "Moscou", "shared")
    first.save()
    second = AnnotationSession.open(article)
    assert second.delete(shared.id)
    second.save()
    # The first reader still has it, edits it, and saves: the deletion stands.
    first.put(shared.edited(body=Body(note="edited after the deletion")))
    first.save()
    assert notes(first) == set()
    assert notes(AnnotationSession.open(article)) == set()


def test_the_later_edit_of_the_same_annotation_wins(article: Article) -> None:
    first = AnnotationSession.open(article)
    shared = note(first, "Moscou", "v1")
    first.save()
    second = AnnotationSession.open(article)
    second.put(shared.edited(body=Body(note="second's edit")))
    second.save()
    first.put(second.get(shared.id).edited(body=Body(note="first's later edit")))  # type: ignore[union-attr]
    first.save()
    assert notes(AnnotationSession.open(article)) == {"first's later edit"}


def test_a_reader_notices_the_others_saves_without_saving(article: Article) -> None:
    first, second = AnnotationSession.open(article), AnnotationSession.open(article)
    assert not first.refresh_from_disk()
    note(second, "Kiev", "news")
    second.save()
    version = first.version
    assert first.refresh_from_disk()
    assert notes(first) == {"news"} and first.version > version
    assert not first.dirty  # nothing of its own to write
    assert first.annotations()[0].span is not None  # anchored in its article
