"""The content of a sidecar file, and its diff-friendly JSON.

A sidecar holds a schema version, the app version that wrote it, the article's sha256 and
length at that time, the annotations and the tombstones of deleted ones. The JSON is written
with sorted keys and an indent, annotations in a stable order (by creation time, then id), so
that one change is one small block in a diff and a sidecar can live under version control.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from guillemet import __version__
from guillemet.annotations.model import Annotation, Tombstone
from guillemet.annotations.w3c import (
    AnnotationFormatError,
    annotation_from_json,
    annotation_to_json,
    tombstone_from_json,
    tombstone_to_json,
)

T = TypeVar("T")

#: Bumped when a change would make older versions misread the file.
SCHEMA_VERSION = 1
FORMAT_NAME = "guillemet-annotations"


class NewerSchemaError(AnnotationFormatError):
    """A sidecar written by a newer guillemet: readable, perhaps, but not ours to rewrite."""

    def __init__(self, schema: int) -> None:
        super().__init__(f"written with schema {schema}; this guillemet knows schema {SCHEMA_VERSION}")
        self.schema = schema


@dataclass(frozen=True)
class SidecarDocument:
    """Everything a sidecar file says."""

    annotations: tuple[Annotation, ...] = ()
    tombstones: tuple[Tombstone, ...] = ()
    article_sha256: str | None = None
    article_length: int | None = None
    schema: int = SCHEMA_VERSION
    app_version: str = __version__
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def empty(self) -> bool:
        """Nothing to keep: no annotation and no deletion to remember."""
        return not self.annotations and not self.tombstones


def _order(annotation: Annotation) -> tuple[str, str]:
    return (annotation.created, annotation.id)


def document_to_json(document: SidecarDocument) -> str:
    """The sidecar text: UTF-8-ready JSON, sorted keys, two-space indent, newline at the end."""
    data = {
        "format": FORMAT_NAME,
        "schema": SCHEMA_VERSION,
        "app_version": document.app_version,
        "article": {"sha256": document.article_sha256, "length": document.article_length},
        "annotations": [annotation_to_json(a) for a in sorted(document.annotations, key=_order)],
        "deleted": [tombstone_to_json(t) for t in sorted(document.tombstones, key=lambda t: t.id)],
    }
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def document_from_json(text: str, *, allow_newer: bool = False) -> SidecarDocument:
    """Parse sidecar text, strictly. Raises `AnnotationFormatError` (or its subclass
    `NewerSchemaError` for a newer schema, unless `allow_newer`, which reads it as best it
    can for a read-only view)."""
    return _document(text, allow_newer=allow_newer, problems=None)


def salvage_document(text: str) -> tuple[SidecarDocument, list[str]]:
    """The valid annotations and deletions of a sidecar in which some are invalid, and one
    line for each item left out: an export must not drop every note for one bad one.

    Raises `AnnotationFormatError` when the file as a whole cannot be read (not JSON, not a
    guillemet file, a newer schema)."""
    problems: list[str] = []
    return _document(text, allow_newer=False, problems=problems), problems


def _items(values: list[Any], read: Callable[[Any], T], what: str, problems: list[str] | None) -> tuple[T, ...]:
    """Read each item; an invalid one raises, or, when collecting `problems`, is left out
    with a line naming it (its position and id, when it has one)."""
    items: list[T] = []
    for number, value in enumerate(values, 1):
        try:
            items.append(read(value))
        except AnnotationFormatError as error:
            if problems is None:
                raise
            identifier = value.get("id") if isinstance(value, dict) else None
            named = f" ({identifier})" if isinstance(identifier, str) else ""
            problems.append(f"{what} {number}{named} left out: {error}")
    return tuple(items)


def _document(text: str, *, allow_newer: bool, problems: list[str] | None) -> SidecarDocument:
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as error:
        raise AnnotationFormatError(f"not valid JSON ({error})") from None
    if not isinstance(data, dict):
        raise AnnotationFormatError(f"expected a JSON object, found {type(data).__name__}")
    if data.get("format") != FORMAT_NAME:
        raise AnnotationFormatError("not a guillemet annotations file")
    schema = data.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise AnnotationFormatError(f"bad schema version {schema!r}")
    if schema > SCHEMA_VERSION and not allow_newer:
        raise NewerSchemaError(schema)
    article = data.get("article") or {}
    if not isinstance(article, dict):
        raise AnnotationFormatError("'article' must be an object")
    annotations = data.get("annotations", [])
    tombstones = data.get("deleted", [])
    if not isinstance(annotations, list) or not isinstance(tombstones, list):
        raise AnnotationFormatError("'annotations' and 'deleted' must be lists")
    known = {"format", "schema", "app_version", "article", "annotations", "deleted"}
    return SidecarDocument(
        annotations=_items(annotations, annotation_from_json, "annotation", problems),
        tombstones=_items(tombstones, tombstone_from_json, "deletion", problems),
        article_sha256=article.get("sha256"),
        article_length=article.get("length"),
        schema=schema,
        app_version=str(data.get("app_version", "?")),
        extra={k: v for k, v in data.items() if k not in known},
    )
