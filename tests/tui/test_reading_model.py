"""The analysis indexed for reading: claim order, speakers' claims, sources, entities."""

from __future__ import annotations

from guillemet.analysis.models import Analysis
from guillemet.reading.model import ReadingModel


def test_claims_are_in_reading_order_and_speakers_sorted_by_claims(analysis: Analysis) -> None:
    model = ReadingModel.build(analysis)
    assert model.claim_starts == sorted(model.claim_starts)
    assert [row.name for row in model.speakers[:2]] == ["Sébastien Lecornu", "Sergueï Choïgou"]
    assert [len(row.claims) for row in model.speakers] == [3, 3, 1, 1, 1]


def test_step_claim_cycles_and_follows_the_filter(analysis: Analysis) -> None:
    model = ReadingModel.build(analysis)
    assert model.step_claim(None, 0, True) == (0, False)
    assert model.step_claim(0, 0, True) == (1, False)
    last = len(model.claims) - 1
    assert model.step_claim(last, 0, True) == (0, True)
    assert model.step_claim(0, 0, False) == (last, True)
    choigou = list(model.claims_of("choigou"))
    assert model.step_claim(None, 0, True, "choigou") == (choigou[0], False)
    assert model.step_claim(choigou[0], 0, True, "choigou") == (choigou[1], False)
    assert model.step_claim(choigou[-1], 0, True, "choigou") == (choigou[0], True)
    # from a claim of another speaker, the next one of the filtered speaker
    assert model.step_claim(0, 0, True, "choigou") == (choigou[0], False)


def test_claim_at_and_first_mention(analysis: Analysis, sample_text: str) -> None:
    model = ReadingModel.build(analysis)
    inside = sample_text.index("piste ukrainienne")
    claim = model.claim_at(inside)
    assert claim is not None and model.claims[claim].speaker.id == "choigou"
    assert model.claim_at(0) is None
    first = model.first_mention("choigou")
    assert first is not None and first.start == sample_text.index("Sergueï Choïgou")


def test_step_entity_cycles(analysis: Analysis) -> None:
    model = ReadingModel.build(analysis)
    assert model.step_entity(-1, True) == 0
    assert model.step_entity(model.entity_starts[-1], True) == 0
    assert model.step_entity(0, False) == len(model.entities) - 1
