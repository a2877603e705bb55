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


def _with_title(title: str, text: str) -> Analysis:
    """An analysis of `text` with a quote in its first line and one in its body."""
    from guillemet.analysis.models import Quote, Speaker, SpeakerRef

    obama = SpeakerRef("s1", "Barack Obama")
    first = text.index("« ") + 2
    headline = Quote("q1", first, text.index(" »"), text[first:text.index(" »")], "direct", speaker=obama)
    second = text.index("« ", first) + 2
    body_end = text.index(" »", second)
    body = Quote("q2", second, body_end, text[second:body_end], "direct", speaker=obama)
    return Analysis("a.txt", "fr", "m", "0" * 64, speakers=(Speaker("s1", "Barack Obama", "person"),),
                    quotes=(headline, body), text_length=len(text), analysed_to=len(text),
                    metadata={"title": title})


def test_a_quote_in_the_title_is_no_claim_of_the_article() -> None:
    title = "Barack Obama : « le meilleur reste à venir »"
    text = f"{title}\n\nBarack Obama a déclaré : « le meilleur reste à venir » devant ses partisans."
    model = ReadingModel.build(_with_title(title, text))
    assert [claim.id for claim in model.claims] == ["q2"]
    assert [len(row.claims) for row in model.speakers] == [1]
    assert all("quote" not in keys for _, _, keys in model.runs.slice(0, len(title)))  # nor tinted


def test_a_title_that_is_not_the_first_line_takes_no_claim_away() -> None:
    text = "Barack Obama : « le meilleur reste à venir »\n\nIl a redit « le meilleur reste à venir »."
    model = ReadingModel.build(_with_title("Un autre titre, celui de la page", text))
    assert [claim.id for claim in model.claims] == ["q1", "q2"]
