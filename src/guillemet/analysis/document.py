"""One text on its way through the engine: its paragraphs out, plain results back in.

The engine pipes paragraphs of many texts through one spaCy stream; each `TextInProgress`
says which paragraphs the model must read, takes each parsed paragraph back, keeps only
plain offsets from it (entities, and the attribution rules' light per-paragraph findings)
and drops the Doc. So memory stays flat however long the text, and an `Analysis` of
everything read so far can be built at any moment (progressive analysis of a book).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from guillemet.analysis.assemble import build_quotes_and_speakers
from guillemet.analysis.entities import set_clean_entities
from guillemet.analysis.models import Analysis, Entity
from guillemet.analysis.normalize import normalise
from guillemet.analysis.paragraphs import paragraph_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc


def attribution_steps() -> tuple[Callable[..., Any], Callable[..., Any]] | None:
    """The quote rules' (extract_paragraph, resolve), or None if that package is absent.

    Only a missing package is tolerated (entities still work without it); a broken one
    raises, so a bug in the rules can never pass silently as "no quotes".
    """
    try:
        from guillemet.analysis.attribution import extract_paragraph, resolve
    except ModuleNotFoundError as error:
        if error.name != "guillemet.analysis.attribution":
            raise
        return None
    return extract_paragraph, resolve


class TextInProgress:
    """The state of one text being analysed: what is left to read and what was found."""

    def __init__(self, text: str, source: str, *, language: str, model: str) -> None:
        self.text = text
        self.source = source
        self._language = language
        self._model = model
        self._normalised = normalise(text)
        self.paragraphs: list[tuple[int, int]] = list(paragraph_spans(self._normalised.text))
        self.read_count = 0
        self._entities: list[Entity] = []
        self._findings: list[Any] = []
        self._steps = attribution_steps()
        self._sha256 = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    @property
    def done(self) -> bool:
        """True once every paragraph has been read."""
        return self.read_count >= len(self.paragraphs)

    def model_inputs(self, first: int = 0, stop: int | None = None) -> Iterator[tuple[str, int]]:
        """(paragraph text for the model, paragraph index) for paragraphs[first:stop].

        A hard-wrapped paragraph's inner newlines are read as spaces (same length, so the
        offsets do not move).
        """
        normalised = self._normalised.text
        for index in range(first, len(self.paragraphs) if stop is None else stop):
            start, end = self.paragraphs[index]
            yield normalised[start:end].replace("\n", " "), index

    def absorb(self, doc: Doc, index: int) -> None:
        """Take the parsed paragraph `index` (they arrive in order) and keep plain data only."""
        offset = self.paragraphs[index][0]
        offsets = self._normalised.offsets
        text = self.text
        for entity in set_clean_entities(doc):
            start, end = offsets.span(entity.start_char + offset, entity.end_char + offset)
            self._entities.append(Entity(start, end, entity.label_, text[start:end]))
        if self._steps is not None:
            self._findings.append(self._steps[0](doc, offset))
        self.read_count = index + 1

    def analysed_to(self) -> int:
        """The original offset up to which the text has been read."""
        if self.done:
            return len(self.text)
        if self.read_count == 0:
            return 0
        return self._normalised.offsets.span(*self.paragraphs[self.read_count - 1])[1]

    def analysis(self) -> Analysis:
        """Everything found so far, as public data in original-text offsets."""
        quotes: tuple = ()
        speakers: tuple = ()
        if self._steps is not None:
            attributions = self._steps[1](self._findings)
            quotes, speakers = build_quotes_and_speakers(
                attributions, self.text, self._normalised.offsets
            )
        return Analysis(
            source=self.source,
            language=self._language,
            model=self._model,
            text_sha256=self._sha256,
            entities=tuple(self._entities),
            speakers=speakers,
            quotes=quotes,
            text_length=len(self.text),
            analysed_to=self.analysed_to(),
        )
