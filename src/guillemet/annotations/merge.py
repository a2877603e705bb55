"""Merging two versions of the same sidecar, so two readers never overwrite each other.

The rule is a union by annotation id: an annotation in only one version is kept; in both, the
one modified last wins; a tombstone (a deletion) in either version removes the annotation for
good, so a merge never resurrects what a reader deleted. The merge is commutative, so both
readers converge on the same content whoever saves first.
"""

from __future__ import annotations

from collections.abc import Iterable

from guillemet.annotations.model import Annotation, Tombstone, parse_time


def _newer(a: Annotation, b: Annotation) -> Annotation:
    """The later-modified of two versions of an annotation; ties broken deterministically."""
    ta, tb = parse_time(a.modified), parse_time(b.modified)
    if ta != tb:
        return a if ta > tb else b
    return a if repr((a.target, a.body, a.motivation)) >= repr((b.target, b.body, b.motivation)) else b


def merge_tombstones(*groups: Iterable[Tombstone]) -> tuple[Tombstone, ...]:
    """Every deletion from every version (the earliest time kept per id)."""
    merged: dict[str, Tombstone] = {}
    for group in groups:
        for tombstone in group:
            known = merged.get(tombstone.id)
            if known is None or parse_time(tombstone.deleted) < parse_time(known.deleted):
                merged[tombstone.id] = tombstone
    return tuple(merged.values())


def merge_annotations(
    ours: Iterable[Annotation],
    theirs: Iterable[Annotation],
    tombstones: Iterable[Tombstone],
) -> tuple[Annotation, ...]:
    """The union of both versions by id, newer modification winning, tombstoned ids removed.

    When our version wins, our object (with its current anchor) is kept as it is.
    """
    deleted = {t.id for t in tombstones}
    merged: dict[str, Annotation] = {}
    for annotation in (*ours, *theirs):
        if annotation.id in deleted:
            continue
        known = merged.get(annotation.id)
        merged[annotation.id] = annotation if known is None else _newer(known, annotation)
    return tuple(merged.values())
