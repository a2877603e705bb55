"""One reader annotation, shaped like a W3C Web Annotation.

An annotation says something about a stretch of the article (its target) for a reason (its
motivation): a note, a highlight, a tag or assessment, or a correction of the analysis. The
target is kept twice, by position and by quote (exact text with some context), because the
article may change under the annotation and the quote is what lets it be found again
(see `anchoring`). Annotations are immutable values: editing one makes a new value with a
newer `modified` time, which is what merging two readers' changes relies on.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from enum import Enum

MOTIVATIONS = ("commenting", "highlighting", "tagging", "assessing", "editing")

#: Tags that judge a claim rather than file it: stored with the motivation "assessing".
ASSESSMENT_TAGS = ("verified", "disputed", "false", "needs a source")
#: Tags offered to the reader besides the ones they type.
SUGGESTED_TAGS = (*ASSESSMENT_TAGS, "important")

#: The kinds of correction a reader can make to the analysis.
CORRECTION_KINDS = ("speaker", "not-a-quote", "added-quote")

#: Characters of context kept on each side of the quoted text.
CONTEXT_LENGTH = 32


def now_iso() -> str:
    """The current UTC time as ISO 8601 with milliseconds: what `created`/`modified` hold."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def parse_time(value: str) -> datetime:
    """An ISO time as an aware datetime (naive times are taken as UTC), for comparisons."""
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def new_annotation_id() -> str:
    """A globally unique IRI, so two readers never make the same id."""
    return f"urn:uuid:{uuid.uuid4()}"


def tag_motivation(tag: str) -> str:
    """"assessing" for the judgements (verified, disputed...), "tagging" for anything else."""
    return "assessing" if tag.strip().lower() in ASSESSMENT_TAGS else "tagging"


@dataclass(frozen=True, slots=True)
class TextQuoteSelector:
    """The annotated text itself with a little context either side (W3C TextQuoteSelector)."""

    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True, slots=True)
class TextPositionSelector:
    """Where the annotated text was, as str offsets into the article, end exclusive."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Target:
    """What an annotation is about, found by position and, failing that, by quote."""

    position: TextPositionSelector
    quote: TextQuoteSelector

    @classmethod
    def from_text(cls, text: str, start: int, end: int) -> Target:
        """The target for `text[start:end]`, with its context taken from `text`."""
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"span {start}:{end} outside a text of length {len(text)}")
        return cls(
            TextPositionSelector(start, end),
            TextQuoteSelector(
                exact=text[start:end],
                prefix=text[max(0, start - CONTEXT_LENGTH) : start],
                suffix=text[end : end + CONTEXT_LENGTH],
            ),
        )


@dataclass(frozen=True, slots=True)
class Correction:
    """A change the reader makes to the analysis.

    `speaker`: the claim is by another speaker (`speaker_id` of an article speaker, or only a
    `speaker_name`, which creates a new speaker); `not-a-quote`: the detected quote is not
    one; `added-quote`: the target is a quote the engine missed, by that speaker.
    """

    kind: str
    speaker_id: str | None = None
    speaker_name: str | None = None
    quote_type: str = "direct"

    def __post_init__(self) -> None:
        if self.kind not in CORRECTION_KINDS:
            raise ValueError(f"unknown correction {self.kind!r}")
        if self.kind in ("speaker", "added-quote") and not (self.speaker_name or self.speaker_id):
            raise ValueError(f"a {self.kind} correction needs a speaker")

    def describe(self) -> str:
        """One line for people: the notes panel, the exports."""
        if self.kind == "not-a-quote":
            return "not a quote"
        who = self.speaker_name or self.speaker_id
        if self.kind == "speaker":
            return f"speaker: {who}"
        return f"added quote by {who}"


@dataclass(frozen=True, slots=True)
class Body:
    """What the reader said: a note, a tag and/or a correction (all optional: a highlight
    has none)."""

    note: str | None = None
    tag: str | None = None
    correction: Correction | None = None


class AnchorState(str, Enum):
    """How an annotation was placed in the article as it is now."""

    EXACT = "exact"  # the stored position still holds the stored text
    QUOTE = "quote"  # found elsewhere by its exact text (chosen by prefix and suffix)
    APPROXIMATE = "approximate"  # text there is similar, not equal: see the score
    ORPHAN = "orphan"  # could not be placed: kept, listed, re-attachable or deletable


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where an annotation sits in the current text, and how sure we are."""

    state: AnchorState
    start: int | None = None
    end: int | None = None
    score: float | None = None

    @property
    def placed(self) -> bool:
        """False for an orphan: it has no position in the current text."""
        return self.state is not AnchorState.ORPHAN


@dataclass(frozen=True, slots=True)
class Annotation:
    """One reader annotation.

    `anchor` is computed against the current article text (by `anchoring.anchor`), never
    saved: it is None until the annotation has been anchored.
    """

    id: str
    motivation: str
    created: str
    modified: str
    target: Target
    body: Body = Body()
    anchor: Anchor | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.motivation not in MOTIVATIONS:
            raise ValueError(f"unknown motivation {self.motivation!r}")

    @classmethod
    def create(
        cls, text: str, start: int, end: int, motivation: str, body: Body = Body()
    ) -> Annotation:
        """A new annotation on `text[start:end]`, anchored exactly, stamped now."""
        stamp = now_iso()
        return cls(
            id=new_annotation_id(),
            motivation=motivation,
            created=stamp,
            modified=stamp,
            target=Target.from_text(text, start, end),
            body=body,
            anchor=Anchor(AnchorState.EXACT, start, end),
        )

    @property
    def span(self) -> tuple[int, int] | None:
        """The (start, end) in the current text, or None for an orphan or unanchored one."""
        if self.anchor is None or not self.anchor.placed:
            return None
        return (self.anchor.start, self.anchor.end)  # type: ignore[return-value]

    @property
    def is_orphan(self) -> bool:
        """Anchored, but nowhere in the current text (kept, listed, re-attachable)."""
        return self.anchor is not None and self.anchor.state is AnchorState.ORPHAN

    def edited(self, **changes: object) -> Annotation:
        """A copy with some fields changed and `modified` stamped now (what a user edit is)."""
        stamp = now_iso()
        if parse_time(stamp) <= parse_time(self.modified):  # same millisecond, or clock skew
            stamp = (parse_time(self.modified) + timedelta(milliseconds=1)).isoformat(
                timespec="milliseconds"
            )
        return replace(self, modified=stamp, **changes)  # type: ignore[arg-type]

    def reattached(self, text: str, start: int, end: int) -> Annotation:
        """This annotation moved to `text[start:end]` by the reader (an orphan re-attached)."""
        return self.edited(
            target=Target.from_text(text, start, end), anchor=Anchor(AnchorState.EXACT, start, end)
        )

    def describe(self) -> str:
        """A short line for lists: the note, the tag, the correction or "highlight"."""
        parts: list[str] = []
        if self.body.correction:
            parts.append(self.body.correction.describe())
        if self.body.tag:
            parts.append(f"#{self.body.tag}")
        if self.body.note:
            parts.append(self.body.note)
        return " · ".join(parts) if parts else self.motivation


@dataclass(frozen=True, slots=True)
class Tombstone:
    """The memory of a deleted annotation, so a merge never brings it back."""

    id: str
    deleted: str
