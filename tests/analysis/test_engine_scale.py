"""A book-length text (over spaCy's max_length) is analysed progressively, without error.

This runs the model over about a megabyte of text (tens of seconds): it is the one test of
the engine at book scale, so it checks everything it can on that single pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from guillemet.analysis.engine import FIRST_STAGE_CHARS, Engine
from guillemet.analysis.paragraphs import MAX_PARAGRAPH_CHARS

pytestmark = pytest.mark.model

ONE_MEGABYTE = 1_000_000
LITBANK = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "fr-litbank"


def book_length_text(sample_text: str) -> str:
    """The fr-litbank novels when present (else the sample repeated), past max_length, with
    one paragraph far longer than the engine's paragraph limit."""
    novels = [path.read_text(encoding="utf-8") for path in sorted(LITBANK.glob("*.txt"))]
    parts = novels or [sample_text]
    text = "\n\n".join(parts)
    while len(text) <= ONE_MEGABYTE:
        text += "\n\n" + "\n\n".join(parts)
    one_line = " ".join(sample_text.split()) + " "
    giant_paragraph = one_line * (3 * MAX_PARAGRAPH_CHARS // len(one_line))
    return giant_paragraph + "\n" + text


@pytest.mark.timeout(1200)  # a megabyte through the model: minutes on a busy two-core machine
def test_a_megabyte_is_analysed_in_a_few_stages(sample_text: str) -> None:
    engine = Engine()
    text = book_length_text(sample_text)
    assert len(text) > engine.nlp.max_length

    stages = []
    for analysis in engine.analyse_progressively(text, "book"):
        # Keep only what is needed to check the stages: a book's stages are big.
        stages.append((analysis.analysed_to, len(analysis.entities), len(analysis.quotes)))
        final = analysis

    assert FIRST_STAGE_CHARS <= stages[0][0] < 8 * FIRST_STAGE_CHARS
    assert 3 <= len(stages) <= 12
    assert [s[0] for s in stages] == sorted({s[0] for s in stages})
    assert final.complete and final.analysed_to == final.text_length == len(text)
    assert len(final.entities) > 1_000
    for entity in final.entities:
        assert text[entity.start : entity.end] == entity.text
        assert "\n" not in entity.text
    for quote in final.quotes:
        assert text[quote.start : quote.end] == quote.text
