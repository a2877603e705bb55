"""What the reader sees of the annotations: marks in the text and one line per annotation.

Pure (no Textual), so the choices are tested without an app: highlights get the `highlight`
style, every other placed annotation the `annotation` style (styles/reader.tcss), and orphans,
having no place in the text, appear only in the notes panel, flagged.
"""

from __future__ import annotations

from collections.abc import Iterable

from guillemet.annotations.model import AnchorState, Annotation
from guillemet.reading.spans import StyledSpan

EXCERPT = 48
ICONS = {"commenting": "✎", "highlighting": "▌", "tagging": "#", "assessing": "✓", "editing": "⚑"}


def marks(annotations: Iterable[Annotation]) -> list[StyledSpan]:
    """The spans to draw over the article for the placed annotations."""
    spans = []
    for annotation in annotations:
        if annotation.span is None:
            continue
        key = "highlight" if annotation.motivation == "highlighting" else "annotation"
        spans.append(StyledSpan(*annotation.span, key))
    return spans


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """One line of at most `limit` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def annotated_text(annotation: Annotation, article_text: str) -> str:
    """The text the annotation sits on now (its stored quote for an orphan)."""
    if annotation.span is None:
        return annotation.target.quote.exact
    start, end = annotation.span
    return article_text[start:end]


def entry_line(annotation: Annotation, article_text: str) -> str:
    """One line for the notes panel: icon, what was said, and the text it is about."""
    icon = ICONS.get(annotation.motivation, "•")
    state = ""
    if annotation.anchor is not None and annotation.anchor.state is AnchorState.APPROXIMATE:
        state = f" (≈{annotation.anchor.score:.0f}%)"
    elif annotation.is_orphan:
        state = " (orphan: r re-attaches, delete removes)"
    return f"{icon} {excerpt(annotation.describe(), 60)}{state} — “{excerpt(annotated_text(annotation, article_text))}”"
