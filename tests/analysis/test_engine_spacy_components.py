"""The rules as spaCy components give what the engine gives; the lemmatizer fix changes nothing."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

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


def test_quote_component_alone_leaves_speakers_to_the_speaker_component(
    sample_text: str, spacy_user_nlp: Language
) -> None:
    with spacy_user_nlp.select_pipes(disable=["guillemet_speakers"]):
        doc = spacy_user_nlp(normalise(sample_text).text)
    assert all(quote.speaker is None for quote in doc._.quotes)
    assert doc._.speakers == ()


def test_speaker_component_without_quote_component_says_what_is_missing() -> None:
    nlp = spacy.blank("fr")
    nlp.add_pipe("guillemet_speakers")
    with pytest.raises(ValueError, match="guillemet_quotes"):
        nlp("Bonjour.")


def test_engine_lemmatizer_speed_fix_gives_the_same_lemmas(
    spacy_user_nlp: Language, sample_text: str
) -> None:
    paragraphs = normalise(sample_text).text.splitlines()
    plain = [[t.lemma_ for t in doc] for doc in spacy_user_nlp.pipe(paragraphs)]
    fixed = [[t.lemma_ for t in doc] for doc in Engine().nlp.pipe(paragraphs)]
    assert fixed == plain
