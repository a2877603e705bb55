"""The rules as spaCy components give what the engine gives, as spaCy spans and attributes;
the lemmatizer fix changes nothing."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from guillemet.analysis.engine import DEFAULT_MODEL, Engine
from guillemet.analysis.normalize import normalise

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def spacy_user_nlp() -> Language:
    """The default model as a spaCy user loads it (no engine tweaks), plus our components."""
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("guillemet_paragraphs", before="parser")
    nlp.add_pipe("guillemet_entities")
    nlp.add_pipe("guillemet_quotes")
    nlp.add_pipe("guillemet_speakers")
    return nlp


def test_components_on_a_whole_document_match_the_engine(
    spacy_user_nlp: Language, sample_text: str
) -> None:
    normalised = normalise(sample_text)
    assert normalised.offsets.is_identity  # so the two sets of offsets are comparable
    doc = spacy_user_nlp(normalised.text)
    analysis = Engine().analyse(sample_text)

    entities = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    assert entities == [(e.start, e.end, e.label) for e in analysis.entities]
    assert [(q.start, q.end, q.type) for q in doc._.quotes] == [
        (q.start, q.end, q.type) for q in analysis.quotes
    ]
    assert [q.speaker.name if q.speaker else None for q in doc._.quotes] == [
        q.speaker.name if q.speaker else None for q in analysis.quotes
    ]
    assert [(s.name, s.kind) for s in doc._.speakers] == [
        (s.name, s.kind) for s in analysis.speakers
    ]


@pytest.fixture(scope="module")
def sample_doc(spacy_user_nlp: Language, sample_text: str) -> Doc:
    return spacy_user_nlp(normalise(sample_text).text)


def test_quotes_are_a_span_group_with_the_engine_quotes(sample_doc: Doc, sample_text: str) -> None:
    analysis = Engine().analyse(sample_text)
    spans = list(sample_doc.spans["guillemet_quotes"])
    assert analysis.quotes and len(spans) == len(analysis.quotes)
    for span, quote in zip(spans, analysis.quotes):
        # the same characters: the Doc reads the normalised text (’ -> '), same offsets
        assert (span.start_char, span.end_char) == (quote.start, quote.end)
        assert span.text == sample_doc.text[quote.start:quote.end]
        assert normalise(quote.text).text == span.text
        assert span.label_ == span._.quote_type == quote.type
        assert span._.quote_id == quote.id


def test_quote_spans_carry_cue_mention_and_speaker(sample_doc: Doc, sample_text: str) -> None:
    analysis = Engine().analyse(sample_text)
    for span, quote in zip(sample_doc.spans["guillemet_quotes"], analysis.quotes):
        assert _text(span._.cue) == _text(quote.cue)
        assert _text(span._.speaker_mention) == _text(quote.speaker_mention)
        assert span._.speaker == (quote.speaker.name if quote.speaker else None)
        assert span._.speaker_id == (quote.speaker.id if quote.speaker else None)
    assert any(span._.speaker for span in sample_doc.spans["guillemet_quotes"])


def test_speaker_mentions_are_a_span_group_labelled_by_speaker(sample_doc: Doc) -> None:
    mentions = sample_doc.spans["guillemet_speaker_mentions"]
    expected = sorted(
        (m.text, s.id, s.name) for s in sample_doc._.speakers for m in s.mentions
    )
    assert sorted((m.text, m.label_, m._.speaker) for m in mentions) == expected
    assert all(m._.speaker_id == m.label_ for m in mentions)


def test_findings_are_handed_over_on_the_doc_not_in_user_data(
    spacy_user_nlp: Language, sample_text: str, sample_doc: Doc
) -> None:
    with spacy_user_nlp.select_pipes(disable=["guillemet_speakers"]):
        doc = spacy_user_nlp(normalise(sample_text).text)
    assert doc._.guillemet_findings
    assert sample_doc._.guillemet_findings is None  # cleared once the speakers are known
    assert not any(isinstance(key, str) and key.startswith("guillemet") for key in doc.user_data)


def test_quote_component_alone_leaves_speakers_to_the_speaker_component(
    sample_text: str, spacy_user_nlp: Language
) -> None:
    with spacy_user_nlp.select_pipes(disable=["guillemet_speakers"]):
        doc = spacy_user_nlp(normalise(sample_text).text)
    assert all(quote.speaker is None for quote in doc._.quotes)
    assert doc._.speakers == ()
    assert doc.spans["guillemet_quotes"]
    assert all(span._.speaker is None for span in doc.spans["guillemet_quotes"])
    assert "guillemet_speaker_mentions" not in doc.spans


def test_speaker_component_without_quote_component_says_what_is_missing() -> None:
    nlp = spacy.blank("fr")
    nlp.add_pipe("guillemet_speakers")
    with pytest.raises(ValueError, match="guillemet_quotes"):
        nlp("Bonjour.")


def _text(span: object) -> str | None:
    """A spaCy or `models` span's text, normalised as the Doc's text is (’ -> ')."""
    return None if span is None else normalise(span.text).text  # type: ignore[attr-defined]


def test_engine_lemmatizer_speed_fix_gives_the_same_lemmas(
    spacy_user_nlp: Language, sample_text: str
) -> None:
    paragraphs = normalise(sample_text).text.splitlines()
    plain = [[t.lemma_ for t in doc] for doc in spacy_user_nlp.pipe(paragraphs)]
    fixed = [[t.lemma_ for t in doc] for doc in Engine().nlp.pipe(paragraphs)]
    assert fixed == plain
