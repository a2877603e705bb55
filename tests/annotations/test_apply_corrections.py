"""The reader's corrections change the analysis the reader and the exports show."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from guillemet.analysis.models import Analysis
from guillemet.annotations.anchoring import anchor
from guillemet.annotations.corrections import apply_corrections, claim_at
from guillemet.annotations.model import Annotation, Body, Correction
from guillemet.article import Article


def correction_on(article: Article, start: int, end: int, correction: Correction) -> Annotation:
    return Annotation.create(article.text, start, end, "editing", Body(correction=correction))


def counts(analysis: Analysis) -> Counter[str]:
    return Counter(q.speaker.name for q in analysis.quotes if q.speaker)


def quote(analysis: Analysis, quote_id: str):  # type: ignore[no-untyped-def]
    return next(q for q in analysis.quotes if q.id == quote_id)


def test_no_corrections_leave_the_analysis_as_it_is(analysis: Analysis) -> None:
    assert apply_corrections(analysis, []) is analysis


def test_a_claim_is_reassigned_to_an_article_speaker(article: Article, analysis: Analysis) -> None:
    q1 = quote(analysis, "q1")
    fix = correction_on(article, q1.start, q1.end, Correction("speaker", "s2", "Sergueï Choïgou"))
    corrected = apply_corrections(analysis, [fix])
    assert quote(corrected, "q1").speaker.id == "s2"
    assert quote(corrected, "q1").speaker_mention is None  # the old mention was someone else's
    assert counts(corrected) == Counter({"Sergueï Choïgou": 2, "ministère russe de la Défense": 1})
    assert len(corrected.speakers) == len(analysis.speakers)
    assert quote(analysis, "q1").speaker.id == "s1"  # the input is untouched


def test_a_new_name_creates_a_new_speaker(article: Article, analysis: Analysis) -> None:
    q2 = quote(analysis, "q2")
    fix = correction_on(article, q2.start, q2.end, Correction("speaker", speaker_name="Igor Konachenkov"))
    corrected = apply_corrections(analysis, [fix])
    new = corrected.speakers[-1]
    assert new.name == "Igor Konachenkov" and new.id.startswith("reader-") and new.mentions == ()
    assert quote(corrected, "q2").speaker.id == new.id
    assert counts(corrected)["Igor Konachenkov"] == 1 and "ministère russe de la Défense" not in counts(corrected)


def test_a_typed_name_that_exists_reuses_that_speaker(article: Article, analysis: Analysis) -> None:
    q2 = quote(analysis, "q2")
    fix = correction_on(article, q2.start, q2.end, Correction("speaker", speaker_name="sébastien lecornu"))
    corrected = apply_corrections(analysis, [fix])
    assert quote(corrected, "q2").speaker.id == "s1" and len(corrected.speakers) == 3


def test_not_a_quote_removes_the_claim(article: Article, analysis: Analysis) -> None:
    q3 = quote(analysis, "q3")
    fix = correction_on(article, q3.start + 2, q3.end - 2, Correction("not-a-quote"))  # inner span is enough
    corrected = apply_corrections(analysis, [fix])
    assert [q.id for q in corrected.quotes] == ["q1", "q2"]
    assert "Sergueï Choïgou" not in counts(corrected)


def test_an_added_quote_is_inserted_in_reading_order(article: Article, analysis: Analysis) -> None:
    start = article.text.index("« commentaires baroques et menaçants »")
    end = start + len("« commentaires baroques et menaçants »")
    early = article.text.index("« disponible »")
    added = [
        correction_on(article, start, end, Correction("added-quote", speaker_name="Emmanuel Macron")),
        correction_on(article, early, early + 14, Correction("added-quote", "s1", "Sébastien Lecornu", "mixed")),
    ]
    corrected = apply_corrections(analysis, added, article.text)
    starts = [q.start for q in corrected.quotes]
    assert starts == sorted(starts) and len(corrected.quotes) == 5
    macron = next(q for q in corrected.quotes if q.start == start)
    assert macron.text == article.text[start:end] and macron.speaker.name == "Emmanuel Macron"
    assert corrected.quotes[0].start == early and corrected.quotes[0].type == "mixed"
    assert corrected.quotes[0].speaker.id == "s1"
    assert counts(corrected)["Sébastien Lecornu"] == 2


def test_the_latest_correction_of_a_claim_wins(article: Article, analysis: Analysis) -> None:
    q1 = quote(analysis, "q1")
    first = correction_on(article, q1.start, q1.end, Correction("speaker", speaker_name="A"))
    second = replace(correction_on(article, q1.start, q1.end, Correction("speaker", speaker_name="B")), modified="2099-01-01T00:00:00.000+00:00")
    for order in ([first, second], [second, first]):
        assert quote(apply_corrections(analysis, order), "q1").speaker.name == "B"


def test_orphaned_corrections_change_nothing(article: Article, analysis: Analysis) -> None:
    q1 = quote(analysis, "q1")
    fix = anchor(correction_on(article, q1.start, q1.end, Correction("not-a-quote")), "un tout autre texte")
    assert fix.is_orphan
    assert apply_corrections(analysis, [fix]).quotes == analysis.quotes


def test_a_correction_finds_its_claim_only_if_it_overlaps_enough(analysis: Analysis) -> None:
    q1 = quote(analysis, "q1")
    assert claim_at(analysis.quotes, q1.start, q1.end) == q1
    assert claim_at(analysis.quotes, q1.start - 3, q1.end + 3) == q1
    assert claim_at(analysis.quotes, q1.end - 3, q1.end + 50) is None
    assert claim_at(analysis.quotes, 0, 10) is None
