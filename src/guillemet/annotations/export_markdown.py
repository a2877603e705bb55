"""A reading report in Markdown: who said what in the article, and what the reader made of it.

Meant for people (to paste in a document or a ticket), so it favours readability over
completeness: the article's metadata, a summary, each speaker with their claims (and the
reader's notes and tags on each claim right under it), the reader's other annotations in reading
order, the corrections made, and the annotations that could not be placed. Each annotation is
in one place only. Text from the article and the reader is escaped: a note holding `<script>`
or `[a link](…)` is shown as written, never rendered.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePath

from guillemet.analysis.models import Analysis, Quote
from guillemet.annotations.model import Annotation, AnchorState
from guillemet.article import Article

EXCERPT = 160
FULL = 2000
"""Claims are quoted in full (up to this length): they are what the report is about."""


MARKDOWN_PUNCTUATION = "`*_[]|~"
"""Characters that would start emphasis, code, a link or strike-through, or break a table."""
HTML_ENTITIES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))
"""Markdown passes HTML through to the page: these make a note's tags plain text."""


def _escaped(text: str) -> str:
    """`text` shown as written by a Markdown renderer: no HTML, links, emphasis or code."""
    text = text.replace("\\", "\\\\")
    for character, entity in HTML_ENTITIES:
        text = text.replace(character, entity)
    for character in MARKDOWN_PUNCTUATION:
        text = text.replace(character, "\\" + character)
    return text


def _inline(text: str, limit: int = EXCERPT) -> str:
    """One line, shortened and escaped (see `_escaped`)."""
    flat = " ".join(text.split())
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    return _escaped(flat)


def _quoted(text: str) -> str:
    """A claim as a reader expects it: a quote already between guillemets as it is, anything
    else (reported speech, a mixed quote) between typographic double quotes."""
    inner = text.strip()
    if inner.startswith("«") and inner.endswith("»"):
        return _inline(inner, FULL)
    return f"“{_inline(inner, FULL)}”"


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else plural or word + 's'}"


def _annotation_line(annotation: Annotation) -> str:
    parts: list[str] = []
    if annotation.body.correction:
        parts.append(f"correction: {_inline(annotation.body.correction.describe(), 1000)}")
    if annotation.body.tag:
        parts.append(f"{'assessment' if annotation.motivation == 'assessing' else 'tag'}: **{_inline(annotation.body.tag)}**")
    if annotation.body.note:
        parts.append(f"note: {_inline(annotation.body.note, 1000)}")
    if not parts:
        parts.append("highlight")
    if annotation.anchor and annotation.anchor.state is AnchorState.APPROXIMATE:
        parts.append(f"(placed approximately, {annotation.anchor.score:.0f}% similar)")
    return " · ".join(parts)


def _on_quote(quote: Quote, annotations: list[Annotation]) -> list[Annotation]:
    return [a for a in annotations if a.span == (quote.start, quote.end) and a.motivation != "editing"]


def _metadata(article: Article, analysis: Analysis) -> list[str]:
    rows = [(key.capitalize(), value) for key, value in article.metadata().items() if value and key != "kind"]
    rows.append(("Model", analysis.model))
    lines = ["| | |", "|---|---|"]
    lines += [f"| {name} | {_inline(str(value))} |" for name, value in rows]
    return lines


def _claim_lines(quote: Quote, annotations: list[Annotation], shown: set[str]) -> list[str]:
    """A claim, and under it the reader's notes, tags and highlights on exactly that claim
    (recorded in `shown`, so they are not listed again)."""
    on_it = _on_quote(quote, annotations)
    shown.update(a.id for a in on_it)
    return [f"- {_quoted(quote.text)} *({quote.type})*", *(f"  - {_annotation_line(a)}" for a in on_it)]


def _passage_lines(annotations: list[Annotation], text: str) -> list[str]:
    """Each annotation under the passage it is on, with the day it was last changed."""
    lines: list[str] = []
    for annotation in annotations:
        start, end = annotation.span  # type: ignore[misc]
        lines.append(f"- > {_inline(text[start:end])}")
        lines.append(f"  - {_annotation_line(annotation)} *({annotation.modified[:10]})*")
    return lines


def to_markdown(article: Article, analysis: Analysis, annotations: Iterable[Annotation]) -> str:
    """The report as Markdown text; `analysis` should already carry the reader's corrections."""
    notes = list(annotations)
    placed = [a for a in notes if a.span is not None]
    orphans = [a for a in notes if a.span is None]
    corrections = [a for a in placed if a.motivation == "editing"]
    text = article.text
    name = article.title or (PurePath(article.source).name if article.source != "-" else "standard input")
    lines = [f"# Reading report: {_inline(name)}", ""]
    lines += _metadata(article, analysis)
    lines += [
        "",
        "## Summary",
        "",
        f"{_plural(len(analysis.quotes), 'claim')} by {_plural(len(analysis.speakers), 'speaker')}, "
        f"{_plural(len(analysis.entities), 'named entity', 'named entities')}; "
        f"{_plural(len(notes), 'reader annotation')}"
        + (f", {_plural(len(orphans), 'orphan')}" if orphans else "")
        + ".",
    ]
    if not analysis.complete:
        lines += ["", f"*The analysis covers the first {analysis.analysed_to} of {analysis.text_length} characters.*"]
    lines += ["", "## Speakers"]
    if not analysis.speakers:
        lines += ["", "*No speakers found.*"]
    shown: set[str] = set()
    unattributed = [q for q in analysis.quotes if q.speaker is None]
    for speaker in analysis.speakers:
        quotes = [q for q in analysis.quotes if q.speaker and q.speaker.id == speaker.id]
        lines += ["", f"### {_inline(speaker.name)} ({speaker.kind}, {_plural(len(quotes), 'claim')})", ""]
        if not quotes:
            lines.append("*No claim attributed.*")
        for quote in quotes:
            lines += _claim_lines(quote, placed, shown)
    if unattributed:
        lines += ["", "### Unattributed", ""]
        for quote in unattributed:
            lines += _claim_lines(quote, placed, shown)
    others = [a for a in placed if a.id not in shown and a.motivation != "editing"]
    lines += ["", "## The reader's annotations", ""]
    if others:
        lines += _passage_lines(others, text)
    elif shown:
        lines.append("*None besides those under the claims above.*")
    else:
        lines.append("*None.*")
    if corrections:
        lines += ["", "## Corrections", ""]
        lines += _passage_lines(corrections, text)
    if orphans:
        lines += ["", "## Annotations that could not be placed", ""]
        lines.append("The article changed and these annotations' text was not found in it:")
        lines.append("")
        for annotation in orphans:
            lines.append(f"- > {_inline(annotation.target.quote.exact)}")
            lines.append(f"  - {_annotation_line(annotation)}")
    return "\n".join(lines) + "\n"
