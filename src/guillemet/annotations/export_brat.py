"""The analysis and the reader's annotations as brat standoff (`.ann`), for annotation tools.

brat reads a `.txt` with the document text and a `.ann` whose offsets are character offsets
into it, which are exactly our offsets (Python `str` indices), so the `.txt` must be the article
text as guillemet loaded it. Lines written:

- `T` text-bound annotations: entities (PER, ORG, LOC, MISC), speaker mentions (`Speaker`),
  quotes (`Quote`), and reader annotations that do not fall on one of those (`Note`,
  `Highlight`, `Tag`, `Assessment`). A span crossing a line break is split into fragments
  (`start end;start end`), as brat requires.
- `A` attributes: `QuoteType` of each quote; the reader's `Tag` and `Assessment` values
  (spaces become `_`, since brat values are single tokens).
- `R` relations: `SaidBy Arg1:<quote> Arg2:<speaker mention>` for who said what.
- `#` `AnnotatorNotes`: the reader's notes, and the speaker's name for a claim whose speaker
  has no mention in the text (a speaker the reader typed in).

Corrections are already applied to the analysis given here; orphaned annotations have no
place in the text and are left out (the Markdown report lists them).
"""

from __future__ import annotations

from collections.abc import Iterable

from guillemet.analysis.models import Analysis, Quote, Span
from guillemet.annotations.model import Annotation

READER_TYPES = {"commenting": "Note", "highlighting": "Highlight", "tagging": "Tag", "assessing": "Assessment"}


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """`start:end` cut at line breaks, empty pieces dropped (brat spans cannot cross lines)."""
    pieces: list[tuple[int, int]] = []
    position = start
    for line in text[start:end].split("\n"):
        if line:
            pieces.append((position, position + len(line)))
        position += len(line) + 1
    return pieces or [(start, end)]


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _token(value: str) -> str:
    return "_".join(value.split()) or "_"


class BratWriter:
    """Numbers brat ids and remembers which span got which `T`, so annotations can share them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: list[str] = []
        self.counters = {"T": 0, "A": 0, "R": 0, "#": 0}
        self.by_span: dict[tuple[int, int], str] = {}

    def _next(self, kind: str) -> str:
        self.counters[kind] += 1
        return f"{kind}{self.counters[kind]}"

    def textbound(self, label: str, start: int, end: int) -> str:
        """Write a `T` line for `start:end` (split at line breaks); returns its id."""
        pieces = fragments(self.text, start, end)
        offsets = ";".join(f"{s} {e}" for s, e in pieces)
        covered = " ".join(self.text[s:e] for s, e in pieces)
        tid = self._next("T")
        self.lines.append(f"{tid}\t{label} {offsets}\t{covered}")
        self.by_span.setdefault((start, end), tid)
        return tid

    def attribute(self, name: str, target: str, value: str | None = None) -> None:
        """Write an `A` line: a flag, or a name with a one-token value."""
        suffix = f" {_token(value)}" if value is not None else ""
        self.lines.append(f"{self._next('A')}\t{name} {target}{suffix}")

    def relation(self, name: str, arg1: str, arg2: str) -> None:
        """Write an `R` line between two `T` ids."""
        self.lines.append(f"{self._next('R')}\t{name} Arg1:{arg1} Arg2:{arg2}")

    def note(self, target: str, value: str) -> None:
        """Write a `#` AnnotatorNotes line (on one line: brat notes cannot span lines)."""
        self.lines.append(f"{self._next('#')}\tAnnotatorNotes {target}\t{_one_line(value)}")


def _mention_of(quote: Quote, analysis: Analysis) -> Span | None:
    if quote.speaker_mention is not None:
        return quote.speaker_mention
    speaker = analysis.speaker(quote.speaker.id) if quote.speaker else None
    return speaker.mentions[0] if speaker and speaker.mentions else None


def to_brat(text: str, analysis: Analysis, annotations: Iterable[Annotation]) -> str:
    """The `.ann` content for `text`, `analysis` (already corrected) and the reader's annotations."""
    out = BratWriter(text)
    for entity in analysis.entities:
        out.textbound(entity.label, entity.start, entity.end)
    mentions: dict[tuple[int, int], str] = {}
    for speaker in analysis.speakers:
        for mention in speaker.mentions:
            if (mention.start, mention.end) not in mentions:
                mentions[(mention.start, mention.end)] = out.textbound("Speaker", mention.start, mention.end)
    quote_ids: dict[tuple[int, int], str] = {}
    for quote in analysis.quotes:
        tid = out.textbound("Quote", quote.start, quote.end)
        quote_ids.setdefault((quote.start, quote.end), tid)
        out.attribute("QuoteType", tid, quote.type)
        mention = _mention_of(quote, analysis)
        if mention is not None:
            key = (mention.start, mention.end)
            if key not in mentions:
                mentions[key] = out.textbound("Speaker", mention.start, mention.end)
            out.relation("SaidBy", tid, mentions[key])
        elif quote.speaker is not None:
            out.note(tid, f"speaker: {quote.speaker.name}")
    for annotation in annotations:
        span = annotation.span
        if span is None or annotation.motivation == "editing":
            continue
        host = quote_ids.get(span) or mentions.get(span) or out.by_span.get(span)
        if host is None or annotation.motivation == "highlighting":
            host = out.textbound(READER_TYPES[annotation.motivation], *span)
        if annotation.body.tag:
            out.attribute("Assessment" if annotation.motivation == "assessing" else "Tag", host, annotation.body.tag)
        if annotation.body.note:
            out.note(host, annotation.body.note)
    return "\n".join(out.lines) + ("\n" if out.lines else "")
