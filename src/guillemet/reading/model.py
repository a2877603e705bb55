"""What the reader needs from an `Analysis`, indexed once so that no keystroke scans it.

Built off the UI thread when an analysis arrives (the analysis source's thread does it), then
swapped into the app in one assignment: claims sorted by offset with their starts for bisect,
each speaker's claims, entity starts, the styled runs of the article view, and the speakers
panel rows. Pure: no Textual.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace

from guillemet.analysis.models import Analysis, Entity, Quote, Span, Speaker
from guillemet.reading.cycling import cyclic_step
from guillemet.reading.spans import Runs, StyledSpan, flatten

SPEAKER_KEY_PREFIX = "speaker:"


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    """One speaker as the panel lists it: name, kind and claims in reading order."""

    id: str
    name: str
    kind: str
    claims: tuple[int, ...]
    """Indexes into `ReadingModel.claims`."""


def speaker_details(count: int, kind: str) -> str:
    """What a speaker row shows after the name: `3 · person` (the panel and the first screen
    write it alike)."""
    return " · ".join(part for part in (str(count), kind) if part)


def analysis_layers(keys: Sequence[str], entity_types: Collection[str] | None = None, dimmed: bool = False) -> list[str]:
    """The component classes one run of the analysis is drawn with, bottom first: the quote's
    tint (dimmed when a filter leaves it out), the entity types shown (None: all), the cue and
    the speaker mention. The article view and the first screen draw runs alike with it."""
    names: list[str] = []
    if "quote" in keys:
        names.append("quote-dimmed" if dimmed else "quote")
    for key in keys:
        if key.startswith("entity-"):
            if entity_types is None or key in entity_types:
                names.append(key)
        elif key in ("cue", "mention"):
            names.append(key)
    return names


WAITING_FOR_ANALYSIS = "Reading… claims and colours follow"
"""The status line while the first analysis is not there yet (the app's and the first screen's)."""


def claim_summary(quote: Quote | None, position: int, total: int) -> str:
    """`Quote 3/11 · Sergueï Choïgou · direct` (position is 1-based)."""
    if quote is None:
        if total == 0:
            return "No claims"
        return f"{total} claim{'s' if total != 1 else ''}"
    speaker = quote.speaker.name if quote.speaker else "unknown speaker"
    return f"Quote {position}/{total} · {speaker} · {quote.type}"


def in_title(quote: Quote, title: str) -> bool:
    """Whether `quote` is in the article's title, which a plain-text or Markdown article keeps
    as its first line (offsets index the text as loaded). A headline repeats what the article
    says ("Barack Obama : « le meilleur reste à venir »"): counted, it would be one claim too
    many, first in n's order and in its speaker's count. The title's own characters at the
    quote's offsets must be the quote's: a page whose title is not in its text keeps its
    claims."""
    return quote.end <= len(title) and title[quote.start:quote.end] == quote.text


def _sort_key(item: Quote | Entity | Span) -> tuple[int, int]:
    return (item.start, item.end)


def styled_spans(analysis: Analysis) -> list[StyledSpan]:
    """The analysis as style keys: quotes (tagged with their speaker so a filter can dim the
    others), entities by type, cues and speaker mentions on top."""
    spans: list[StyledSpan] = []
    for quote in analysis.quotes:
        spans.append(StyledSpan(quote.start, quote.end, "quote"))
        speaker_id = quote.speaker.id if quote.speaker else ""
        spans.append(StyledSpan(quote.start, quote.end, SPEAKER_KEY_PREFIX + speaker_id))
    for entity in analysis.entities:
        spans.append(StyledSpan(entity.start, entity.end, "entity-" + entity.label.lower()))
    for quote in analysis.quotes:
        if quote.cue:
            spans.append(StyledSpan(quote.cue.start, quote.cue.end, "cue"))
        if quote.speaker_mention:
            spans.append(
                StyledSpan(quote.speaker_mention.start, quote.speaker_mention.end, "mention")
            )
    return spans


@dataclass(slots=True)
class ReadingModel:
    """The analysis indexed for reading (see the module docstring)."""

    analysis: Analysis | None
    claims: tuple[Quote, ...] = ()
    claim_starts: list[int] = field(default_factory=list)
    claim_ends: list[int] = field(default_factory=list)
    entities: tuple[Entity, ...] = ()
    entity_starts: list[int] = field(default_factory=list)
    speakers: tuple[SpeakerRow, ...] = ()
    runs: Runs = field(default_factory=lambda: Runs([], []))
    _claim_index: dict[str, int] = field(default_factory=dict)
    _speaker_claims: dict[str, list[int]] = field(default_factory=dict)
    _speakers_by_id: dict[str, Speaker] = field(default_factory=dict)
    _speaker_starts: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def empty(cls) -> ReadingModel:
        """Before any analysis: the plain article."""
        return cls(None)

    @classmethod
    def build(cls, analysis: Analysis) -> ReadingModel:
        """Index `analysis` (linear in its size; done once per arrival, off the UI thread).
        A quote in the article's title is no claim of the article (see `in_title`)."""
        title = (analysis.metadata or {}).get("title")
        if isinstance(title, str) and title:
            analysis = replace(analysis, quotes=tuple(q for q in analysis.quotes if not in_title(q, title)))
        claims = tuple(sorted(analysis.quotes, key=_sort_key))
        entities = tuple(sorted(analysis.entities, key=_sort_key))
        speaker_claims: dict[str, list[int]] = {}
        for index, claim in enumerate(claims):
            if claim.speaker:
                speaker_claims.setdefault(claim.speaker.id, []).append(index)
        rows = []
        for speaker in analysis.speakers:
            found = speaker_claims.get(speaker.id, [])
            rows.append(SpeakerRow(speaker.id, speaker.name, speaker.kind, tuple(found)))
        known = {speaker.id for speaker in analysis.speakers}
        for claim in claims:  # a quote pointing to a speaker the list lacks still gets a row
            if claim.speaker and claim.speaker.id not in known:
                known.add(claim.speaker.id)
                found = speaker_claims[claim.speaker.id]
                rows.append(SpeakerRow(claim.speaker.id, claim.speaker.name, "", tuple(found)))
        rows.sort(key=lambda row: (-len(row.claims), row.claims[:1] or (1 << 60), row.name))
        return cls(
            analysis=analysis,
            claims=claims,
            claim_starts=[c.start for c in claims],
            claim_ends=[c.end for c in claims],
            entities=entities,
            entity_starts=[e.start for e in entities],
            speakers=tuple(rows),
            runs=flatten(styled_spans(analysis)),
            _claim_index={c.id: i for i, c in enumerate(claims)},
            _speaker_claims=speaker_claims,
            _speakers_by_id={s.id: s for s in analysis.speakers},
            _speaker_starts={
                key: [claims[i].start for i in found] for key, found in speaker_claims.items()
            },
        )

    # -- claims ---------------------------------------------------------------------------

    def claim_index(self, claim_id: str) -> int | None:
        """The reading-order index of the claim with this id."""
        return self._claim_index.get(claim_id)

    def claims_of(self, speaker_id: str | None) -> Sequence[int]:
        """The claims of one speaker (all claims for None), in reading order."""
        if speaker_id is None:
            return range(len(self.claims))
        return self._speaker_claims.get(speaker_id, [])

    def claim_at(self, offset: int) -> int | None:
        """The claim whose text contains `offset`, if any (claims do not nest)."""
        index = bisect_right(self.claim_starts, offset) - 1
        for candidate in range(index, max(-1, index - 4), -1):
            if self.claim_ends[candidate] > offset:
                return candidate
        return None

    def step_claim(
        self, current: int | None, offset: int, forward: bool, speaker_id: str | None = None
    ) -> tuple[int | None, bool]:
        """The next (or previous) claim, among one speaker's claims if `speaker_id` is set.

        From the current claim if there is one, else from `offset` (the top of the view).
        Cycles at the ends; the flag says whether it wrapped around.
        """
        candidates = self.claims_of(speaker_id)
        if not candidates:
            return None, False
        if current is not None:
            position = bisect_left(candidates, current)
            on_current = position < len(candidates) and candidates[position] == current
            if forward:
                target = position + 1 if on_current else position
            else:
                target = position - 1
        else:
            keys = self._speaker_starts.get(speaker_id, []) if speaker_id else self.claim_starts
            target = bisect_left(keys, offset) if forward else bisect_left(keys, offset) - 1
        wrapped = False
        if target >= len(candidates):
            target, wrapped = 0, True
        elif target < 0:
            target, wrapped = len(candidates) - 1, True
        return candidates[target], wrapped

    # -- speakers and entities ---------------------------------------------------------------

    def speaker(self, speaker_id: str) -> Speaker | None:
        """The analysis's speaker with this id."""
        return self._speakers_by_id.get(speaker_id)

    def speaker_row(self, speaker_id: str) -> SpeakerRow | None:
        """The panel row of this speaker."""
        for row in self.speakers:
            if row.id == speaker_id:
                return row
        return None

    def first_mention(self, speaker_id: str) -> Span | None:
        """The speaker's first mention in the text: where the article introduces them."""
        speaker = self._speakers_by_id.get(speaker_id)
        mentions = [m for m in speaker.mentions] if speaker else []
        mentions += [
            self.claims[i].speaker_mention
            for i in self._speaker_claims.get(speaker_id, [])
            if self.claims[i].speaker_mention
        ]
        return min(mentions, key=_sort_key) if mentions else None

    def step_entity(self, offset: int, forward: bool) -> int | None:
        """The entity after (or before) `offset`, cycling at the ends."""
        return cyclic_step(self.entity_starts, offset, forward)
