"""Whatever the text, the engine does not crash and every span it returns is a true slice."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guillemet.analysis.engine import Engine

pytestmark = pytest.mark.model

PIECES = [
    "« ", " »", "«", "»", "“", "”", '"', "’", "'", "\u00a0", "\u202f", "\u00ad", "\u200b",
    "\n", "\n\n", " ", ", a-t-il dit, ", " a déclaré : ", " selon ", "Emmanuel Macron",
    "le ministre", "Il", " que ", "C’est", "l’Ukraine", ".", " ", "—", "\ufeff", "\u2029",
]


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


newsy_text = st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=40).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=newsy_text | st.text(max_size=200))
def test_any_text_gives_spans_that_are_slices_of_it(engine: Engine, text: str) -> None:
    analysis = engine.analyse(text)
    assert analysis.text_length == analysis.analysed_to == len(text)
    spans = [(e.start, e.end, e.text) for e in analysis.entities]
    for quote in analysis.quotes:
        spans.append((quote.start, quote.end, quote.text))
        spans.extend((p.start, p.end, p.text) for p in (quote.cue, quote.speaker_mention) if p)
    for speaker in analysis.speakers:
        spans.extend((m.start, m.end, m.text) for m in speaker.mentions)
    for start, end, span_text in spans:
        assert 0 <= start < end <= len(text)
        assert text[start:end] == span_text
