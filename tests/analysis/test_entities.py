"""Entity clean-up rules, on small hand-built Docs with the real model's vocabulary."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from guillemet.analysis.engine import Engine
from guillemet.analysis.entities import clean_entities

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def vocab():  # type: ignore[no-untyped-def]
    return Engine().nlp.vocab


def cleaned(vocab, words: list[str], tags: list[str]) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    doc = Doc(vocab, words=words, ents=tags, sent_starts=[True] + [False] * (len(words) - 1))
    return [(span.text, span.label_) for span in clean_entities(doc)]


def test_title_glued_to_a_person_is_trimmed(vocab) -> None:  # type: ignore[no-untyped-def]
    words = ["le", "ministre", "des", "Armées", "Sébastien", "Lecornu", "a", "dit"]
    tags = ["O", "B-PER", "I-PER", "I-PER", "I-PER", "I-PER", "O", "O"]
    assert cleaned(vocab, words, tags) == [("Sébastien Lecornu", "PER")]


def test_portfolio_and_minister_tagged_as_one_organisation_are_split(vocab) -> None:  # type: ignore[no-untyped-def]
    words = ["le", "ministre", "des", "Armées", "Sébastien", "Lecornu", "a", "dit"]
    tags = ["O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O"]
    assert cleaned(vocab, words, tags) == [("Armées", "ORG"), ("Sébastien Lecornu", "PER")]


def test_an_organisation_name_without_a_title_before_it_is_left_alone(vocab) -> None:  # type: ignore[no-untyped-def]
    words = ["selon", "la", "Défense", "Nationale", "Suisse", "."]
    tags = ["O", "O", "B-ORG", "I-ORG", "I-ORG", "O"]
    assert cleaned(vocab, words, tags) == [("Défense Nationale Suisse", "ORG")]


def test_honorific_is_trimmed_but_name_particle_kept(vocab) -> None:  # type: ignore[no-untyped-def]
    words = ["M.", "de", "Gaulle", "et", "Mme", "Le", "Pen"]
    tags = ["B-PER", "I-PER", "I-PER", "O", "B-PER", "I-PER", "I-PER"]
    assert cleaned(vocab, words, tags) == [("de Gaulle", "PER"), ("Le Pen", "PER")]


def test_leading_determiner_and_punctuation_are_stripped(vocab) -> None:  # type: ignore[no-untyped-def]
    words = ["vers", "la", "France", "et", "«", "l'", "Élysée", "»", ","]
    tags = ["O", "B-LOC", "I-LOC", "O", "B-LOC", "I-LOC", "I-LOC", "I-LOC", "O"]
    assert cleaned(vocab, words, tags) == [("France", "LOC"), ("Élysée", "LOC")]


def test_capitalised_article_inside_a_name_is_kept_mid_sentence(vocab) -> None:  # type: ignore[no-untyped-def]
    words = ["selon", "Le", "Monde"]
    tags = ["O", "B-ORG", "I-ORG"]
    assert cleaned(vocab, words, tags) == [("Le Monde", "ORG")]


def test_lone_function_words_and_punctuation_are_not_entities(vocab) -> None:  # type: ignore[no-untyped-def]
    words = ["Il", "a", "dit", "«", "Le", "»", "à", "X", "."]
    tags = ["B-PER", "O", "O", "B-MISC", "I-MISC", "I-MISC", "O", "B-PER", "O"]
    assert cleaned(vocab, words, tags) == []


def test_a_ministry_tagged_as_a_place_is_an_organisation(vocab) -> None:  # type: ignore[no-untyped-def]
    words = ["Le", "ministère", "russe", "de", "la", "Défense", "a", "dit"]
    tags = ["O", "B-LOC", "I-LOC", "I-LOC", "I-LOC", "I-LOC", "O", "O"]
    assert cleaned(vocab, words, tags) == [("ministère russe de la Défense", "ORG")]


def test_an_entity_stops_at_a_line_break(vocab) -> None:  # type: ignore[no-untyped-def]
    words = ["Paris", "\n", "Lyon", "gagne"]
    tags = ["B-LOC", "I-LOC", "I-LOC", "O"]
    assert cleaned(vocab, words, tags) == [("Paris", "LOC")]


def test_other_labels_are_dropped(vocab) -> None:  # type: ignore[no-untyped-def]
    words = ["le", "22", "mars", "à", "Moscou"]
    tags = ["O", "B-DATE", "I-DATE", "O", "B-LOC"]
    assert cleaned(vocab, words, tags) == [("Moscou", "LOC")]


def test_interjections_and_lower_case_phrases_are_not_entities(vocab) -> None:  # type: ignore[no-untyped-def]
    words = ["Hélas", "!", "mon", "pauvre", "garçon", ",", "la", "commission", "européenne"]
    tags = ["B-MISC", "I-MISC", "B-MISC", "I-MISC", "I-MISC", "O", "O", "B-ORG", "I-ORG"]
    assert cleaned(vocab, words, tags) == [("commission européenne", "ORG")]


def test_an_entity_stops_at_an_exclamation_mark(vocab) -> None:  # type: ignore[no-untyped-def]
    words = ["Clarimonde", "!", "Clarimonde", "!"]
    tags = ["B-PER", "I-PER", "I-PER", "I-PER"]
    assert cleaned(vocab, words, tags) == [("Clarimonde", "PER")]
