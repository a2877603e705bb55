"""Hand-made analyses for the library tests: small French articles whose speakers, quotes and
offsets are written out, so the library is tested without loading the model."""

from __future__ import annotations

import hashlib

from guillemet.analysis.models import Analysis, Quote, Speaker, SpeakerRef, Span


def article(source: str, title: str, date: str | None, sentences: list[tuple[str, str, str, str]]) -> tuple[Analysis, str]:
    """(analysis, text) of an article made of sentences (mention, kind, canonical name, quote):
    each sentence reads `{mention} a déclaré : « {quote} ».`"""
    text = ""
    speakers: dict[str, tuple[str, str, list[Span]]] = {}
    quotes = []
    for mention, kind, name, said in sentences:
        start = len(text)
        sentence = f"{mention} a déclaré : « {said} ». "
        text += sentence
        mention_span = Span(start, start + len(mention), mention)
        sid = speakers.setdefault(name, (f"s{len(speakers) + 1}", kind, []))[0]
        speakers[name][2].append(mention_span)
        q_start = start + sentence.index(said)
        cue_start = start + len(mention) + 1
        quotes.append(Quote(
            f"q{len(quotes) + 1}", q_start, q_start + len(said), said, "direct",
            Span(cue_start, cue_start + len("a déclaré"), "a déclaré"), SpeakerRef(sid, name), mention_span,
        ))
    analysis = Analysis(
        source=source, language="fr", model="hand-made",
        text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        speakers=tuple(Speaker(sid, name, kind, tuple(spans)) for name, (sid, kind, spans) in speakers.items()),
        quotes=tuple(quotes), text_length=len(text), analysed_to=len(text),
        metadata={"source": source, "title": title, "date": date},
    )
    assert all(text[q.start:q.end] == q.text for q in analysis.quotes)
    return analysis, text


def three_articles() -> list[tuple[Analysis, str]]:
    """Obama quoted in two articles under two spellings, a woman minister, HRW under two names."""
    return [
        article("a.txt", "Élection américaine", "2012-09-04", [
            ("Barack Obama", "person", "Barack Obama", "le meilleur reste à venir"),
            ("Mitt Romney", "person", "Mitt Romney", "nous gagnerons la saison"),
        ]),
        article("b.txt", "Le discours de Chicago", "2012-11-07", [
            ("Le président B. Obama", "person", "B. Obama", "la lutte pour le changement continue"),
            ("Human Rights Watch", "organisation", "Human Rights Watch", "la torture est systématique"),
        ]),
        article("c.txt", "Santé publique", "2012-10-01", [
            ("La ministre de la Santé Marisol Touraine", "person", "Marisol Touraine", "l'hôpital public sera défendu"),
            ("HRW", "organisation", "HRW", "les prisons sont surpeuplées"),
        ]),
    ]
