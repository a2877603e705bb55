"""Annotations to and from W3C Web Annotation JSON: the shape of the sidecar and the w3c export.

One representation serves both, so a sidecar is already almost a Web Annotation document and
the export adds only the collection around it. Bodies are `TextualBody` items whose `purpose`
says what they are (commenting, tagging, assessing, editing); a correction also carries a
`correction` object with the machine-readable details. Reading is strict: anything malformed
raises `AnnotationFormatError`, so a damaged sidecar is noticed instead of half-read.
"""

from __future__ import annotations

from typing import Any

from guillemet.annotations.model import (
    ASSESSMENT_TAGS,
    Annotation,
    Body,
    Correction,
    Target,
    TextPositionSelector,
    TextQuoteSelector,
    Tombstone,
    parse_time,
)


class AnnotationFormatError(ValueError):
    """JSON that is not a valid annotation (a damaged or foreign sidecar)."""


def selectors_to_json(target: Target) -> list[dict[str, Any]]:
    """The two W3C selectors of a target: by position, then by quote."""
    return [
        {"type": "TextPositionSelector", "start": target.position.start, "end": target.position.end},
        {
            "type": "TextQuoteSelector",
            "exact": target.quote.exact,
            "prefix": target.quote.prefix,
            "suffix": target.quote.suffix,
        },
    ]


def body_to_json(annotation: Annotation) -> list[dict[str, Any]]:
    """The W3C bodies of an annotation (empty for a plain highlight)."""
    body = annotation.body
    items: list[dict[str, Any]] = []
    if body.correction:
        correction = body.correction
        details: dict[str, Any] = {"kind": correction.kind}
        if correction.speaker_id:
            details["speakerId"] = correction.speaker_id
        if correction.speaker_name:
            details["speakerName"] = correction.speaker_name
        if correction.kind == "added-quote":
            details["quoteType"] = correction.quote_type
        items.append(
            {
                "type": "TextualBody",
                "purpose": "editing",
                "value": correction.describe(),
                "correction": details,
            }
        )
    if body.tag:
        purpose = "assessing" if body.tag.strip().lower() in ASSESSMENT_TAGS else "tagging"
        items.append({"type": "TextualBody", "purpose": purpose, "value": body.tag})
    if body.note is not None:
        items.append(
            {"type": "TextualBody", "purpose": "commenting", "value": body.note, "format": "text/plain"}
        )
    return items


def annotation_to_json(annotation: Annotation, source: str | None = None) -> dict[str, Any]:
    """The W3C JSON of one annotation; `source` (the article's IRI) only in exports."""
    target: dict[str, Any] = {"selector": selectors_to_json(annotation.target)}
    if source is not None:
        target["source"] = source
    return {
        "id": annotation.id,
        "type": "Annotation",
        "motivation": annotation.motivation,
        "created": annotation.created,
        "modified": annotation.modified,
        "body": body_to_json(annotation),
        "target": target,
    }


def tombstone_to_json(tombstone: Tombstone) -> dict[str, Any]:
    """The JSON of a deletion: the id and when it was deleted."""
    return {"id": tombstone.id, "deleted": tombstone.deleted}


def _need(data: Any, key: str, kind: type | tuple[type, ...]) -> Any:
    if not isinstance(data, dict):
        raise AnnotationFormatError(f"expected an object, found {type(data).__name__}")
    if key not in data:
        raise AnnotationFormatError(f"missing {key!r}")
    value = data[key]
    if not isinstance(value, kind) or isinstance(value, bool) and kind is int:
        raise AnnotationFormatError(f"{key!r} has the wrong type ({type(value).__name__})")
    return value


def _time(data: Any, key: str) -> str:
    value = _need(data, key, str)
    try:
        parse_time(value)
    except ValueError:
        raise AnnotationFormatError(f"{key!r} is not an ISO time: {value!r}") from None
    return value


def target_from_json(data: Any) -> Target:
    """Read a target; both selectors are required (the sidecar always writes both)."""
    position: TextPositionSelector | None = None
    quote: TextQuoteSelector | None = None
    for selector in _need(data, "selector", list):
        kind = _need(selector, "type", str)
        if kind == "TextPositionSelector":
            start, end = _need(selector, "start", int), _need(selector, "end", int)
            if not 0 <= start <= end:
                raise AnnotationFormatError(f"bad position {start}:{end}")
            position = TextPositionSelector(start, end)
        elif kind == "TextQuoteSelector":
            quote = TextQuoteSelector(
                _need(selector, "exact", str),
                str(selector.get("prefix", "")),
                str(selector.get("suffix", "")),
            )
    if position is None or quote is None:
        raise AnnotationFormatError("a target needs a TextPositionSelector and a TextQuoteSelector")
    return Target(position, quote)


def body_from_json(items: Any) -> Body:
    """Read the bodies back into one `Body`."""
    if not isinstance(items, list):
        raise AnnotationFormatError("'body' must be a list")
    note = tag = None
    correction = None
    for item in items:
        purpose = _need(item, "purpose", str)
        if purpose == "commenting":
            note = _need(item, "value", str)
        elif purpose in ("tagging", "assessing"):
            tag = _need(item, "value", str)
        elif purpose == "editing":
            details = _need(item, "correction", dict)
            try:
                correction = Correction(
                    kind=_need(details, "kind", str),
                    speaker_id=details.get("speakerId"),
                    speaker_name=details.get("speakerName"),
                    quote_type=str(details.get("quoteType", "direct")),
                )
            except ValueError as error:
                raise AnnotationFormatError(str(error)) from None
    return Body(note=note, tag=tag, correction=correction)


def annotation_from_json(data: Any) -> Annotation:
    """Read one annotation written by `annotation_to_json`."""
    try:
        return Annotation(
            id=_need(data, "id", str),
            motivation=_need(data, "motivation", str),
            created=_time(data, "created"),
            modified=_time(data, "modified"),
            target=target_from_json(_need(data, "target", dict)),
            body=body_from_json(data.get("body", [])),
        )
    except ValueError as error:  # an unknown motivation
        if isinstance(error, AnnotationFormatError):
            raise
        raise AnnotationFormatError(str(error)) from None


def tombstone_from_json(data: Any) -> Tombstone:
    """Read a deletion back, strictly."""
    return Tombstone(_need(data, "id", str), _time(data, "deleted"))
