"""The reader's corrections applied to an analysis, so the reader and the exports show them.

A pure function over plain data: the engine's analysis stays as it was (it is cached by
content), and the corrected one is recomputed whenever the annotations change. Corrections are
applied oldest first, so a later correction of the same claim wins. A correction whose claim is
no longer found (the analysis changed) is skipped, not forced onto another claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from guillemet.analysis.models import Analysis, Quote, Speaker, SpeakerRef
from guillemet.annotations.model import Annotation, AnchorState, Correction, parse_time

#: Prefix of the ids of speakers and quotes the reader created (never clashes with the engine's).
READER_ID_PREFIX = "reader-"


def claim_at(quotes: Iterable[Quote], start: int, end: int) -> Quote | None:
    """The quote a correction on `start:end` is about: the one with exactly that span, else the
    one overlapping it most, if it overlaps at least half of the shorter of the two."""
    best: tuple[int, Quote] | None = None
    for quote in quotes:
        if (quote.start, quote.end) == (start, end):
            return quote
        overlap = min(end, quote.end) - max(start, quote.start)
        shorter = max(1, min(end - start, quote.end - quote.start))
        if overlap * 2 >= shorter and overlap > 0 and (best is None or overlap > best[0]):
            best = (overlap, quote)
    return best[1] if best else None


def _slug(name: str) -> str:
    return re.sub(r"[^\w]+", "-", name.casefold()).strip("-") or "speaker"


def resolve_speaker(speakers: list[Speaker], correction: Correction) -> Speaker:
    """The speaker a correction names: an article speaker (by id, else by name), or a new one,
    appended to `speakers`."""
    name = (correction.speaker_name or "").strip()
    by_id = next((s for s in speakers if s.id == correction.speaker_id), None)
    if by_id is not None and (not name or by_id.name.casefold() == name.casefold()):
        return by_id
    by_name = next((s for s in speakers if name and s.name.casefold() == name.casefold()), None)
    if by_name is not None:
        return by_name
    if not name:  # an id the analysis no longer has, and no name to fall back on
        name = correction.speaker_id or "?"
    base = f"{READER_ID_PREFIX}{_slug(name)}"
    taken = {s.id for s in speakers}
    new_id, n = base, 2
    while new_id in taken:
        new_id, n = f"{base}-{n}", n + 1
    speaker = Speaker(id=new_id, name=name, kind="person", mentions=())
    speakers.append(speaker)
    return speaker


def _span_text(annotation: Annotation, text: str | None) -> str | None:
    start, end = annotation.span  # type: ignore[misc]
    if text is not None:
        return text[start:end]
    anchor = annotation.anchor
    if anchor is not None and anchor.state in (AnchorState.EXACT, AnchorState.QUOTE):
        return annotation.target.quote.exact
    return None


def apply_corrections(analysis: Analysis, annotations: Iterable[Annotation], text: str | None = None) -> Analysis:
    """`analysis` as corrected by the reader's placed "editing" annotations.

    Speaker corrections reassign the claim (creating the speaker if the name is new); "not a
    quote" removes it; "added quote" inserts a quote in reading order. Speakers' quote counts
    follow since they are counted from the quotes. `text` (the article text) is needed for
    added quotes placed approximately; without it those are skipped.
    """
    edits = [a for a in annotations if a.body.correction is not None and a.span is not None]
    if not edits:
        return analysis
    edits.sort(key=lambda a: (parse_time(a.modified), a.id))
    quotes = list(analysis.quotes)
    speakers = list(analysis.speakers)
    applied = 0
    for annotation in edits:
        correction: Correction = annotation.body.correction  # type: ignore[assignment]
        start, end = annotation.span  # type: ignore[misc]
        if correction.kind == "added-quote":
            span_text = _span_text(annotation, text)
            if span_text is None:
                continue
            speaker = resolve_speaker(speakers, correction)
            quote_id = f"{READER_ID_PREFIX}{annotation.id.rsplit(':', 1)[-1]}"
            quotes = [q for q in quotes if q.id != quote_id]
            quotes.append(
                Quote(quote_id, start, end, span_text, correction.quote_type, None, SpeakerRef(speaker.id, speaker.name))
            )
            applied += 1
            continue
        claim = claim_at(quotes, start, end)
        if claim is None:
            continue
        index = quotes.index(claim)
        if correction.kind == "not-a-quote":
            del quotes[index]
        else:
            speaker = resolve_speaker(speakers, correction)
            same = claim.speaker is not None and claim.speaker.id == speaker.id
            quotes[index] = replace(
                claim,
                speaker=SpeakerRef(speaker.id, speaker.name),
                speaker_mention=claim.speaker_mention if same else None,
            )
        applied += 1
    quotes.sort(key=lambda q: (q.start, q.end, q.id))
    metadata = {**analysis.metadata, "reader_corrections": applied}
    return replace(analysis, quotes=tuple(quotes), speakers=tuple(speakers), metadata=metadata)
