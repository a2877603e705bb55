"""The analysis and the reader's annotations as a W3C Web Annotation collection (JSON-LD).

One `AnnotationCollection` whose single `AnnotationPage` holds: the entities (motivation
`identifying`, a `classifying` body with the type), the claims (motivation `describing`, with
the quote type, the speaker and the cue), both made by the software; then the reader's own
annotations, in the same shape as in the sidecar. Every target carries a TextPositionSelector
and a TextQuoteSelector computed on the article as it is now; an orphaned annotation keeps only
its stored quote selector, since no position in this text is right for it.

The JSON-LD is meant to survive a JSON-LD processor: every target's `source` is an absolute
IRI (a `file:` URI for a path, the text's `urn:sha256:` for standard input), a highlight has no
`body` rather than an empty one, and the two keys of our own, `article` (the article's metadata)
and `correction` (a correction's details), are defined in the `@context` as JSON literals, kept
as they are instead of being dropped as unknown terms.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from guillemet import __version__
from guillemet.analysis.models import Analysis
from guillemet.annotations.model import Annotation, Target
from guillemet.annotations.w3c import annotation_to_json, selectors_to_json
from guillemet.article import Article

ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
TERMS = "urn:guillemet:"
"""The namespace of guillemet's own JSON-LD terms."""
CONTEXT: list[Any] = [
    ANNOTATION_CONTEXT,
    {
        "@version": 1.1,
        "article": {"@id": f"{TERMS}article", "@type": "@json"},
        "correction": {"@id": f"{TERMS}correction", "@type": "@json"},
        "version": "https://schema.org/softwareVersion",
    },
]
GENERATOR = {"type": "Software", "name": "guillemet"}


def source_iri(article: Article) -> str:
    """The article as an absolute IRI: its URL, the `file:` URI of its path, or, for standard
    input, the `urn:sha256:` of its text (a target's source must be an IRI, and a relative
    path means nothing once the JSON is elsewhere)."""
    source = article.source
    if source.startswith(("http://", "https://")):
        return source
    if source == "-":
        return f"urn:sha256:{article.sha256}"
    return Path(source).resolve().as_uri()


def _target(article: Article, start: int, end: int) -> dict[str, Any]:
    return {"source": source_iri(article), "selector": selectors_to_json(Target.from_text(article.text, start, end))}


def _machine(identifier: str, motivation: str, bodies: list[dict[str, Any]], target: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": identifier,
        "type": "Annotation",
        "motivation": motivation,
        "creator": {**GENERATOR, "version": __version__},
        "body": bodies,
        "target": target,
    }


def _text_body(purpose: str, value: str) -> dict[str, Any]:
    return {"type": "TextualBody", "purpose": purpose, "value": value}


def _reader(annotation: Annotation, article: Article) -> dict[str, Any]:
    data = annotation_to_json(annotation, source=source_iri(article))
    if not data["body"]:  # a highlight: Web Annotation bodies are optional, never empty
        del data["body"]
    if annotation.span is not None:
        data["target"] = _target(article, *annotation.span)
    else:
        data["target"]["selector"] = [s for s in data["target"]["selector"] if s["type"] == "TextQuoteSelector"]
    return data


def to_w3c(article: Article, analysis: Analysis, annotations: Iterable[Annotation]) -> dict[str, Any]:
    """The collection as a JSON-ready dict."""
    base = f"urn:sha256:{article.sha256}"
    items: list[dict[str, Any]] = []
    for number, entity in enumerate(analysis.entities, 1):
        items.append(
            _machine(
                f"{base}#entity-{number}",
                "identifying",
                [_text_body("classifying", entity.label)],
                _target(article, entity.start, entity.end),
            )
        )
    for quote in analysis.quotes:
        bodies = [_text_body("classifying", f"{quote.type} quote")]
        if quote.speaker is not None:
            bodies.append(_text_body("identifying", quote.speaker.name))
        if quote.cue is not None:
            bodies.append(_text_body("describing", f"cue: {quote.cue.text}"))
        items.append(_machine(f"{base}#quote-{quote.id}", "describing", bodies, _target(article, quote.start, quote.end)))
    items.extend(_reader(annotation, article) for annotation in annotations)
    return {
        "@context": CONTEXT,
        "id": base,
        "type": "AnnotationCollection",
        "label": article.title or article.source,
        "generator": {**GENERATOR, "version": __version__},
        # the article's own metadata (title, author, date, site, source, encoding, kind): not
        # a Web Annotation term, so kept under one plain key a reader of the JSON finds
        "article": {key: value for key, value in article.metadata().items() if value},
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def to_w3c_json(article: Article, analysis: Analysis, annotations: Iterable[Annotation]) -> str:
    """The collection as JSON-LD text (UTF-8-ready, indented)."""
    return json.dumps(to_w3c(article, analysis, annotations), ensure_ascii=False, indent=2) + "\n"
