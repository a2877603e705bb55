"""Turn the attribution rules' raw findings into the public `Quote` and `Speaker` data.

The rules work on the normalised text and number their speakers however they like; the
rest of the program wants spans of the ORIGINAL text whose `text` is the slice, and stable
short ids ("q1", "s1") in reading order. This is the one place that translation happens.
"""

from __future__ import annotations

from typing import Any

from guillemet.analysis.models import Quote, Span, Speaker, SpeakerRef
from guillemet.analysis.normalize import OffsetMap

_QUOTE_TYPES = frozenset(("direct", "mixed", "indirect", "selon"))


def original_span(text: str, offsets: OffsetMap, span: Any) -> Span | None:
    """The original-text `Span` of a normalised (start, end) pair, or None if empty/absent."""
    if span is None:
        return None
    start, end = offsets.span(int(span[0]), int(span[1]))
    start, end = max(0, start), min(len(text), end)
    if start >= end:
        return None
    return Span(start, end, text[start:end])


def build_quotes_and_speakers(
    attributions: Any, text: str, offsets: OffsetMap
) -> tuple[tuple[Quote, ...], tuple[Speaker, ...]]:
    """Public quotes (sorted by start, ids q1, q2…) and speakers (ids s1, s2… in the
    rules' order) from an `Attributions` result in normalised offsets."""
    speakers: list[Speaker] = []
    refs: dict[Any, SpeakerRef] = {}
    for raw in attributions.speakers:
        name = _speaker_name(raw, text, offsets)
        mentions = sorted(
            {m for m in (original_span(text, offsets, s) for s in raw.mentions) if m},
            key=lambda m: (m.start, m.end),
        )
        speaker = Speaker(f"s{len(speakers) + 1}", name, str(raw.kind), tuple(mentions))
        speakers.append(speaker)
        refs[raw.key] = SpeakerRef(speaker.id, speaker.name)

    quotes: list[Quote] = []
    for raw in sorted(attributions.quotes, key=lambda q: (q.start, q.end)):
        content = original_span(text, offsets, (raw.start, raw.end))
        if content is None or raw.type not in _QUOTE_TYPES:
            continue
        quotes.append(
            Quote(
                id=f"q{len(quotes) + 1}",
                start=content.start,
                end=content.end,
                text=content.text,
                type=raw.type,
                cue=original_span(text, offsets, raw.cue),
                speaker=refs.get(raw.speaker) if raw.speaker is not None else None,
                speaker_mention=original_span(text, offsets, raw.mention),
            )
        )
    return tuple(quotes), tuple(speakers)


def _speaker_name(raw: Any, text: str, offsets: OffsetMap) -> str:
    """The original slice of the name's span when the rules give one (keeps ’ as written;
    any run of whitespace becomes one space), else the name the rules derived."""
    span = original_span(text, offsets, getattr(raw, "name_span", None))
    if span is not None:
        return " ".join(span.text.split())
    return str(raw.name)
