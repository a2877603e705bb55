"""The engine on the sample article and on edge cases, with the real French model."""

from __future__ import annotations

import subprocess
import sys

import pytest

from guillemet.analysis.engine import DEFAULT_MODEL, Engine, installed_model_version
from guillemet.analysis.models import ENTITY_LABELS, Analysis
from guillemet.article import Article
from guillemet.errors import ModelNotInstalledError

pytestmark = pytest.mark.model

FUNCTION_WORDS = {"le", "la", "les", "l'", "l’", "il", "elle", "c'", "c’", "s'", "s’", "de", "d’"}


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


@pytest.fixture(scope="module")
def sample_analysis(engine: Engine, sample_text: str) -> Analysis:
    return engine.analyse(sample_text, "seeds/lecornu-choigou.txt")


def all_spans(analysis: Analysis) -> list[tuple[int, int, str]]:
    spans = [(e.start, e.end, e.text) for e in analysis.entities]
    for quote in analysis.quotes:
        spans.append((quote.start, quote.end, quote.text))
        for part in (quote.cue, quote.speaker_mention):
            if part is not None:
                spans.append((part.start, part.end, part.text))
    for speaker in analysis.speakers:
        spans.extend((m.start, m.end, m.text) for m in speaker.mentions)
    return spans


def assert_spans_are_slices(analysis: Analysis, text: str) -> None:
    for start, end, span_text in all_spans(analysis):
        assert 0 <= start < end <= len(text)
        assert text[start:end] == span_text


def test_sample_names_sebastien_lecornu_as_a_person(sample_analysis: Analysis) -> None:
    people = {e.text for e in sample_analysis.entities if e.label == "PER"}
    assert {"Sébastien Lecornu", "Sergueï Choïgou", "Emmanuel Macron"} <= people
    assert not any("Armées" in name or "ministre" in name for name in people)


def test_sample_apostrophes_do_not_break_entities(
    sample_analysis: Analysis, sample_text: str
) -> None:
    ukraine = sample_text.index("l’Ukraine") + 2
    assert any(e.start == ukraine and e.text == "Ukraine" for e in sample_analysis.entities)
    assert not any("’" in e.text or "'" in e.text for e in sample_analysis.entities)


def test_sample_has_no_lone_function_word_entity(sample_analysis: Analysis) -> None:
    for entity in sample_analysis.entities:
        assert entity.text.lower() not in FUNCTION_WORDS
        assert any(char.isalpha() for char in entity.text)
        assert entity.label in ENTITY_LABELS


def test_sample_spans_are_slices_of_the_original_and_stay_in_a_paragraph(
    sample_analysis: Analysis, sample_text: str
) -> None:
    assert_spans_are_slices(sample_analysis, sample_text)
    assert not any("\n" in e.text for e in sample_analysis.entities)


def test_sample_quotes_point_to_listed_speakers(sample_analysis: Analysis) -> None:
    ids = {speaker.id for speaker in sample_analysis.speakers}
    for quote in sample_analysis.quotes:
        if quote.speaker is not None:
            assert quote.speaker.id in ids
            assert sample_analysis.speaker(quote.speaker.id).name == quote.speaker.name  # type: ignore[union-attr]


def test_analysis_describes_the_text_and_the_model(
    sample_analysis: Analysis, sample_text: str
) -> None:
    assert sample_analysis.source == "seeds/lecornu-choigou.txt"
    assert sample_analysis.language == "fr"
    assert sample_analysis.model == DEFAULT_MODEL
    assert sample_analysis.text_sha256 == Article(sample_text, "-").sha256
    assert sample_analysis.text_length == sample_analysis.analysed_to == len(sample_text)
    assert sample_analysis.complete
    assert Analysis.from_json(sample_analysis.to_json()) == sample_analysis


def test_removed_characters_never_leak_into_offsets(engine: Engine) -> None:
    text = "\ufeffLe ministre Sébas\u00adtien Le\u00adcornu a parlé à Mos\u200bcou\u00a0mercredi."
    analysis = engine.analyse(text)
    assert_spans_are_slices(analysis, text)
    assert "Sébas\u00adtien Le\u00adcornu" in {e.text for e in analysis.entities}


def test_analyse_many_keeps_order_and_matches_analyse(engine: Engine, sample_text: str) -> None:
    items = [
        (sample_text, "a"),
        ("", "empty"),
        ("   \n\n ", "blank"),
        ("Emmanuel Macron est à Paris.", "b"),
        (sample_text, "c"),
    ]
    results = list(engine.analyse_many(iter(items)))
    assert [r.source for r in results] == ["a", "empty", "blank", "b", "c"]
    assert results[0] == engine.analyse(sample_text, "a")
    assert results[4].with_source("a") == results[0]
    assert results[1].entities == () and results[1].complete
    assert {e.text for e in results[3].entities} == {"Emmanuel Macron", "Paris"}


def test_short_text_progressive_analysis_is_one_complete_result(
    engine: Engine, sample_text: str
) -> None:
    stages = list(engine.analyse_progressively(sample_text))
    assert len(stages) == 1
    assert stages[0] == engine.analyse(sample_text)


def test_long_text_is_analysed_in_growing_stages_ending_with_the_full_analysis(
    engine: Engine, sample_text: str
) -> None:
    text = "\n\n".join([sample_text] * 20)
    stages = list(engine.analyse_progressively(text))
    assert 2 <= len(stages) <= 6
    reached = [stage.analysed_to for stage in stages]
    assert reached == sorted(set(reached))
    assert 8_000 <= reached[0] < len(text)
    assert stages[-1].complete
    assert stages[-1] == engine.analyse(text)
    for stage in stages[:-1]:
        assert not stage.complete
        assert all(e.end <= stage.analysed_to for e in stage.entities)
        assert stage.entities == stages[-1].entities[: len(stage.entities)]


def test_missing_model_is_a_one_line_error() -> None:
    with pytest.raises(ModelNotInstalledError) as error:
        Engine("xx_guillemet_no_such_model")
    assert "pip install" in str(error.value) and "\n" not in str(error.value)


def test_installed_model_version_does_not_import_spacy() -> None:
    code = (
        "import sys\n"
        "from guillemet.analysis.engine import installed_model_version\n"
        f"print(installed_model_version({DEFAULT_MODEL!r}))\n"
        "print(installed_model_version('xx_guillemet_no_such_model'))\n"
        "print('spacy' in sys.modules)\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert output[0].startswith("3.8") and output[0] == installed_model_version(DEFAULT_MODEL)
    assert output[1:] == ["None", "False"]
