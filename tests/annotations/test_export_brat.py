"""The brat export, parsed back with a small brat reader and checked against the analysis."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from guillemet.analysis.models import Analysis, Quote, SpeakerRef
from guillemet.annotations.corrections import apply_corrections
from guillemet.annotations.export_brat import fragments, to_brat
from guillemet.annotations.model import Annotation, Body, Correction
from guillemet.article import Article


@dataclass
class Brat:
    """A parsed `.ann`: text-bound annotations, attributes, relations and notes."""

    textbound: dict[str, tuple[str, list[tuple[int, int]], str]] = field(default_factory=dict)
    attributes: list[tuple[str, str, str | None]] = field(default_factory=list)
    relations: list[tuple[str, str, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)

    def span(self, tid: str) -> tuple[int, int]:
        pieces = self.textbound[tid][1]
        return pieces[0][0], pieces[-1][1]

    def ids_of(self, label: str) -> list[str]:
        return [tid for tid, (kind, _, _) in self.textbound.items() if kind == label]


def parse_brat(ann: str, text: str) -> Brat:
    """Read brat standoff strictly enough to catch malformed lines."""
    brat = Brat()
    for line in ann.splitlines():
        kind = line[0]
        if kind == "T":
            tid, middle, covered = line.split("\t")
            label, offsets = middle.split(" ", 1)
            pieces = [tuple(int(x) for x in piece.split()) for piece in offsets.split(";")]
            assert all(len(p) == 2 and "\n" not in text[p[0] : p[1]] for p in pieces), line
            assert covered == " ".join(text[s:e] for s, e in pieces), line
            brat.textbound[tid] = (label, pieces, covered)  # type: ignore[assignment]
        elif kind == "A":
            _, body = line.split("\t")
            parts = body.split(" ")
            assert len(parts) in (2, 3), line
            brat.attributes.append((parts[0], parts[1], parts[2] if len(parts) == 3 else None))
        elif kind == "R":
            _, body = line.split("\t")
            name, arg1, arg2 = body.split(" ")
            assert arg1.startswith("Arg1:") and arg2.startswith("Arg2:"), line
            brat.relations.append((name, arg1[5:], arg2[5:]))
        elif kind == "#":
            _, middle, note = line.split("\t")
            assert middle.startswith("AnnotatorNotes ")
            brat.notes.append((middle.split(" ")[1], note))
        else:
            raise AssertionError(f"unexpected brat line {line!r}")
    for tid in [t for _, t, _ in brat.attributes] + [t for n in brat.notes for t in n[:1]]:
        assert tid in brat.textbound
    return brat


def test_entities_quotes_and_who_said_what_come_back(article: Article, analysis: Analysis) -> None:
    brat = parse_brat(to_brat(article.text, analysis, []), article.text)
    entities = {(label, *brat.span(t)) for t, (label, _, _) in brat.textbound.items() if label in ("PER", "LOC", "ORG", "MISC")}
    assert entities == {(e.label, e.start, e.end) for e in analysis.entities}
    quote_ids = {brat.span(t): t for t in brat.ids_of("Quote")}
    assert set(quote_ids) == {(q.start, q.end) for q in analysis.quotes}
    types = {t: v for name, t, v in brat.attributes if name == "QuoteType"}
    said_by = {arg1: arg2 for name, arg1, arg2 in brat.relations if name == "SaidBy"}
    for quote in analysis.quotes:
        tid = quote_ids[(quote.start, quote.end)]
        assert types[tid] == quote.type
        mention = brat.span(said_by[tid])
        assert brat.textbound[said_by[tid]][0] == "Speaker"
        assert mention == (quote.speaker_mention.start, quote.speaker_mention.end)
        speaker = analysis.speaker(quote.speaker.id)
        assert mention in {(m.start, m.end) for m in speaker.mentions}
    mentions = {brat.span(t) for t in brat.ids_of("Speaker")}
    assert mentions == {(m.start, m.end) for s in analysis.speakers for m in s.mentions}


def test_the_readers_notes_tags_and_highlights_are_written(article: Article, analysis: Analysis) -> None:
    q3 = next(q for q in analysis.quotes if q.id == "q3")
    moscou = article.text.index("Moscou")
    annotations = [
        Annotation.create(article.text, q3.start, q3.end, "commenting", Body(note="Source ?\nÀ vérifier")),
        Annotation.create(article.text, q3.start, q3.end, "assessing", Body(tag="needs a source")),
        Annotation.create(article.text, moscou, moscou + 6, "tagging", Body(tag="lieu")),
        Annotation.create(article.text, moscou, moscou + 6, "highlighting"),
    ]
    brat = parse_brat(to_brat(article.text, analysis, annotations), article.text)
    quote_tid = next(t for t in brat.ids_of("Quote") if brat.span(t) == (q3.start, q3.end))
    assert (quote_tid, "Source ? À vérifier") in brat.notes
    assert ("Assessment", quote_tid, "needs_a_source") in brat.attributes
    (tag_tid,) = brat.ids_of("Tag")
    assert brat.span(tag_tid) == (moscou, moscou + 6) and ("Tag", tag_tid, "lieu") in brat.attributes
    (highlight,) = brat.ids_of("Highlight")
    assert brat.span(highlight) == (moscou, moscou + 6)


def test_corrections_show_in_the_export(article: Article, analysis: Analysis) -> None:
    q1 = next(q for q in analysis.quotes if q.id == "q1")
    fix = Annotation.create(article.text, q1.start, q1.end, "editing", Body(correction=Correction("speaker", speaker_name="Un conseiller")))
    brat = parse_brat(to_brat(article.text, apply_corrections(analysis, [fix]), [fix]), article.text)
    quote_tid = next(t for t in brat.ids_of("Quote") if brat.span(t) == (q1.start, q1.end))
    assert (quote_tid, "speaker: Un conseiller") in brat.notes
    assert quote_tid not in {a1 for _, a1, _ in brat.relations}


def test_a_quote_across_lines_is_split_into_fragments() -> None:
    text = "Il a dit : « Nous verrons.\nPuis nous agirons. » Fin."
    start, end = text.index("«"), text.index("»") + 1
    analysis = Analysis(
        "t", "fr", "hand", "x", quotes=(Quote("q1", start, end, text[start:end], "direct", None, SpeakerRef("s", "Il")),),
        text_length=len(text), analysed_to=len(text),
    )
    brat = parse_brat(to_brat(text, analysis, []), text)
    (tid,) = brat.ids_of("Quote")
    assert brat.textbound[tid][1] == fragments(text, start, end) == [(start, text.index("\n")), (text.index("\n") + 1, end)]


def test_orphans_and_empty_input_give_valid_files(article: Article, analysis: Analysis) -> None:
    orphan = replace(Annotation.create(article.text, 0, 5, "commenting", Body(note="x")), anchor=None)
    assert to_brat(article.text, replace(analysis, entities=(), speakers=(), quotes=()), [orphan]) == ""
