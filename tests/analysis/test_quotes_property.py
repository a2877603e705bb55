"""Whatever the text, the extraction never crashes and every span is a slice of the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from test_quotes_support import analyse

_PIECES = st.sampled_from([
    "« ", " »", "«", "»", "“", "”", '"', "‘", "’", "\u00a0", "\u202f", "\u00ad", " ", "\n", "\n\n",
    ", a dit Jean Dupont", " a déclaré que ", "Selon la police, ", "Et d'ajouter : ", "-t-il",
    "Marie", "le ministre", "Il", "elle", ".", ":", ";", ",", "!", "?", "—", "(", ")", "l'",
])
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=40).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_random_text_with_random_marks_never_crashes_and_spans_are_slices(text: str) -> None:
    analysis = analyse(text)
    speaker_ids = {s.id for s in analysis.speakers}
    for quote in analysis.quotes:
        assert 0 <= quote.start < quote.end <= len(text)
        assert text[quote.start:quote.end] == quote.text
        for span in (quote.cue, quote.speaker_mention):
            if span is not None:
                assert 0 <= span.start <= span.end <= len(text)
                assert text[span.start:span.end] == span.text
        if quote.speaker is not None:
            assert quote.speaker.id in speaker_ids
    for speaker in analysis.speakers:
        for mention in speaker.mentions:
            assert text[mention.start:mention.end] == mention.text
