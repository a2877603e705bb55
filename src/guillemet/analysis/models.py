"""The analysis as plain, frozen data: the contract between the engine and everything else.

Every span is a pair of Python `str` indices into `Article.text` exactly as loaded, end
exclusive, and every `text` field equals `article_text[start:end]`. These classes never hold a
spaCy object, so the TUI, the cache and the exports can use them without importing spaCy.
`to_json`/`from_json` give the JSON documented in the README (the output of
`guillemet extract`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

QUOTE_TYPES = ("direct", "mixed", "indirect", "selon")
ENTITY_LABELS = ("PER", "ORG", "LOC", "MISC")
SPEAKER_KINDS = ("person", "organisation", "government", "document", "group")


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article text: `text == article_text[start:end]`."""

    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Span | None:
        if data is None:
            return None
        return cls(int(data["start"]), int(data["end"]), str(data["text"]))


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity: PER, ORG, LOC or MISC."""

    start: int
    end: int
    label: str
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "label": self.label, "text": self.text}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Entity:
        return cls(int(data["start"]), int(data["end"]), str(data["label"]), str(data["text"]))


@dataclass(frozen=True, slots=True)
class Speaker:
    """One source of statements, with its canonical name and every mention of it."""

    id: str
    name: str
    kind: str
    mentions: tuple[Span, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "mentions": [m.to_json() for m in self.mentions],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Speaker:
        mentions = tuple(Span.from_json(m) for m in data.get("mentions", ()))
        return cls(str(data["id"]), str(data["name"]), str(data["kind"]), mentions)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class SpeakerRef:
    """A quote's pointer to its speaker: the id in `Analysis.speakers` and its name."""

    id: str
    name: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name}


@dataclass(frozen=True, slots=True)
class Quote:
    """An attributed statement: a quote or a reported claim, with its cue and speaker."""

    id: str
    start: int
    end: int
    text: str
    type: str
    cue: Span | None = None
    speaker: SpeakerRef | None = None
    speaker_mention: Span | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "cue": self.cue.to_json() if self.cue else None,
            "speaker": self.speaker.to_json() if self.speaker else None,
            "speaker_mention": self.speaker_mention.to_json() if self.speaker_mention else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Quote:
        speaker = data.get("speaker")
        return cls(
            id=str(data["id"]),
            start=int(data["start"]),
            end=int(data["end"]),
            text=str(data["text"]),
            type=str(data["type"]),
            cue=Span.from_json(data.get("cue")),
            speaker=SpeakerRef(str(speaker["id"]), str(speaker["name"])) if speaker else None,
            speaker_mention=Span.from_json(data.get("speaker_mention")),
        )


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the engine found in one article.

    `analysed_to` is the offset up to which the text has been analysed: equal to the text
    length when the analysis is complete, smaller while a long document is analysed
    progressively (the reader shows what is done so far).
    """

    source: str
    language: str
    model: str
    text_sha256: str
    entities: tuple[Entity, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    quotes: tuple[Quote, ...] = ()
    text_length: int = 0
    analysed_to: int = 0
    metadata: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def complete(self) -> bool:
        return self.analysed_to >= self.text_length

    def speaker(self, speaker_id: str) -> Speaker | None:
        """The speaker with this id, or None."""
        for speaker in self.speakers:
            if speaker.id == speaker_id:
                return speaker
        return None

    def with_source(self, source: str) -> Analysis:
        """The same analysis for another path (the cache is keyed by content, not path)."""
        return replace(self, source=source)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "source": self.source,
            "language": self.language,
            "model": self.model,
            "text_sha256": self.text_sha256,
            "text_length": self.text_length,
            "analysed_to": self.analysed_to,
            "entities": [e.to_json() for e in self.entities],
            "speakers": [s.to_json() for s in self.speakers],
            "quotes": [q.to_json() for q in self.quotes],
        }
        if self.metadata:
            data["metadata"] = dict(self.metadata)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Analysis:
        length = int(data.get("text_length", 0))
        return cls(
            source=str(data["source"]),
            language=str(data["language"]),
            model=str(data["model"]),
            text_sha256=str(data["text_sha256"]),
            entities=tuple(Entity.from_json(e) for e in data.get("entities", ())),
            speakers=tuple(Speaker.from_json(s) for s in data.get("speakers", ())),
            quotes=tuple(Quote.from_json(q) for q in data.get("quotes", ())),
            text_length=length,
            analysed_to=int(data.get("analysed_to", length)),
            metadata=dict(data.get("metadata") or {}),
        )
