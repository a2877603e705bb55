"""Test data for the annotation tests: a hand-made analysis of the sample article.

The analysis is written by hand (no spaCy) so these tests are fast and do not depend on what
the engine finds; offsets are found with `str.find`, so they are right by construction.
"""

from __future__ import annotations

from pathlib import Path

from guillemet.analysis.models import Analysis, Entity, Quote, Span, Speaker, SpeakerRef
from guillemet.article import Article

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "seeds" / "lecornu-choigou.txt"


def find_span(text: str, needle: str, occurrence: int = 0) -> Span:
    """The `occurrence`-th place of `needle` in `text`, as a Span."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.find(needle, start + 1)
        assert start != -1, f"{needle!r} not in the text"
    return Span(start, start + len(needle), needle)


def all_spans(text: str, needle: str) -> tuple[Span, ...]:
    spans, start = [], text.find(needle)
    while start != -1:
        spans.append(Span(start, start + len(needle), needle))
        start = text.find(needle, start + 1)
    return tuple(spans)


def make_quote(text: str, quote_id: str, needle: str, kind: str, speaker: Speaker, mention: Span | None) -> Quote:
    span = find_span(text, needle)
    return Quote(quote_id, span.start, span.end, span.text, kind, None, SpeakerRef(speaker.id, speaker.name), mention)


def sample_analysis(text: str, source: str = "sample.txt") -> Analysis:
    """Three speakers, three claims, a few entities, on the sample article."""
    lecornu = Speaker("s1", "Sébastien Lecornu", "person", all_spans(text, "Sébastien Lecornu"))
    choigou = Speaker("s2", "Sergueï Choïgou", "person", all_spans(text, "Sergueï Choïgou"))
    ministry = Speaker("s3", "ministère russe de la Défense", "government", all_spans(text, "Le ministère russe de la Défense"))
    quotes = [
        make_quote(
            text,
            "q1",
            "« a confirmé que la France ne disposait d’aucune information permettant d’établir un lien entre cet attentat et l’Ukraine »",
            "mixed",
            lecornu,
            lecornu.mentions[2],
        ),
        make_quote(text, "q2", "« à la demande pressante de la partie française »", "direct", ministry, ministry.mentions[0]),
        make_quote(
            text,
            "q3",
            "« Il existe des informations sur une piste ukrainienne dans l’organisation de l’attentat »",
            "direct",
            choigou,
            choigou.mentions[2],
        ),
    ]
    entities = [
        Entity(s.start, s.end, "PER", s.text) for s in (*lecornu.mentions, *choigou.mentions)
    ] + [Entity(s.start, s.end, "LOC", s.text) for s in all_spans(text, "Russie")]
    entities.sort(key=lambda e: e.start)
    return Analysis(
        source=source,
        language="fr",
        model="hand-made",
        text_sha256=Article(text, source).sha256,
        entities=tuple(entities),
        speakers=(lecornu, choigou, ministry),
        quotes=tuple(sorted(quotes, key=lambda q: q.start)),
        text_length=len(text),
        analysed_to=len(text),
    )
