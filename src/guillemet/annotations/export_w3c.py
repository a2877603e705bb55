"""The analysis and the reader's annotations as a W3C Web Annotation collection (JSON-LD).

One `AnnotationCollection` whose single `AnnotationPage` holds: the entities (motivation
`identifying`, a `classifying` body with the type), the claims (motivation `describing`, with
the quote type, the speaker and the cue), both made by the software; then the reader's own
annotations, in the same shape as in the sidecar. Every target carries a TextPositionSelector
and a TextQuoteSelector computed on the article as it is now; an orphaned annotation keeps only
its stored quote selector, since no position in this text is right for it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from guillemet import __version__
from guillemet.analysis.models import Analysis
from guillemet.annotations.model import Annotation, Target
from guillemet.annotations.w3c import annotation_to_json, selectors_to_json
from guillemet.article import Article

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
GENERATOR = {"type": "Software", "name": "guillemet"}


def _target(article: Article, start: int, end: int) -> dict[str, Any]:
    return {"source": article.source, "selector": selectors_to_json(Target.from_text(article.text, start, end))}


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
    data = annotation_to_json(annotation, source=article.source)
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
