"""Quote and speaker attribution for French news: who said what.

Two steps so long texts can stream: `extract_paragraph` turns one paragraph's spaCy Doc into
light `ParagraphFindings` (the Doc can then be dropped), and `resolve` links the findings of
the whole document into speakers. `find_attributions` chains both.
"""

from __future__ import annotations

from typing import Iterable

from spacy.tokens import Doc

from .extract import extract_paragraph
from .resolve import resolve
from .types import Attributions, FoundQuote, Mention, ParagraphFindings, RawQuote, RawSpeaker


def find_attributions(paragraphs: Iterable[tuple[int, Doc]]) -> Attributions:
    """Statements and speakers of a document given as (offset, Doc) paragraphs in order."""
    return resolve(extract_paragraph(doc, offset) for offset, doc in paragraphs)


__all__ = [
    "Attributions", "FoundQuote", "Mention", "ParagraphFindings", "RawQuote", "RawSpeaker",
    "extract_paragraph", "find_attributions", "resolve",
]
