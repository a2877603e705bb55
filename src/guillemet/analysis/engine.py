"""The engine's public face: load a spaCy pipeline once, analyse texts into `Analysis` data.

CONTRACT (implemented by the engine work; signatures are fixed so the reader, the batch
extractor and the cache can be written against them):

    DEFAULT_MODEL = "fr_core_news_md"
    ENGINE_VERSION: str              # bump when results change; part of the cache key
    class Engine:
        def __init__(self, model: str = DEFAULT_MODEL) -> None   # raises ModelNotInstalledError
        model_name: str
        model_version: str
        def analyse(self, text: str, source: str = "-") -> Analysis
        def analyse_many(self, items: Iterable[tuple[str, str]]) -> Iterator[Analysis]
            # (text, source) pairs in, analyses out in the same order, batched through nlp.pipe
        def analyse_progressively(self, text: str, source: str = "-") -> Iterator[Analysis]
            # partial analyses (analysed_to < len(text)) first, the complete one last
    def installed_model_version(model: str) -> str | None   # without importing spaCy

How it works: each text is normalised for the model (offset map back to the original), cut
into paragraphs, and the paragraphs of all texts flow through ONE `nlp.pipe` stream (spaCy
is fastest on many small batched docs, and never meets `max_length`). Each parsed paragraph
is reduced at once to plain offsets (entities, the quote rules' per-paragraph findings) and
dropped; a text's quotes and speakers are resolved when its last paragraph is in.

Importing this module does not import spaCy (the cache and the reader need the constants
and `installed_model_version` without paying for it); creating an `Engine` does.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from guillemet.analysis import DEFAULT_MODEL
from guillemet.analysis.document import TextInProgress
from guillemet.analysis.models import Analysis
from guillemet.analysis.pipeline import installed_model_version, load_pipeline
from guillemet.analysis.revision import rules_fingerprint

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["DEFAULT_MODEL", "ENGINE_VERSION", "Engine", "installed_model_version"]

ENGINE_VERSION = rules_fingerprint()
"""Part of the cache key: a digest of the rule code and lexicons, so it changes by itself
whenever the results may change."""

PIPE_BATCH_SIZE = 64
"""Paragraphs per `nlp.pipe` batch. Measured on the 1 MB fr-litbank corpus: 64 is as fast as
256 or 1000 (same CPU time within 3%) but peaks at ~770 MB instead of ~1.0 and ~1.9 GB."""

FIRST_STAGE_CHARS = 8_000
"""A progressive analysis first covers about this much text (a first screen or two), then
twice as much at each stage, so the total extra work stays linear."""


class Engine:
    """A loaded spaCy pipeline and the rules on top of it; reuse one for many texts."""

    def __init__(self, model: str = DEFAULT_MODEL) -> None:
        self._nlp = load_pipeline(model)
        self.model_name = model
        self.model_version = installed_model_version(model) or str(
            self._nlp.meta.get("version", "unknown")
        )
        self.language: str = self._nlp.lang or "xx"

    @property
    def nlp(self) -> Language:
        """The loaded spaCy pipeline (shared by every Engine of this model: do not modify)."""
        return self._nlp

    def analyse(self, text: str, source: str = "-") -> Analysis:
        """The complete analysis of one text."""
        return next(self.analyse_many([(text, source)]))

    def analyse_many(self, items: Iterable[tuple[str, str]]) -> Iterator[Analysis]:
        """Analyses of (text, source) pairs, in the same order, all piped as one stream.

        `items` is read lazily (a folder of thousands of files is never all in memory).
        """
        started: deque[TextInProgress] = deque()

        def model_inputs() -> Iterator[tuple[str, tuple[TextInProgress, int]]]:
            for text, source in items:
                job = self._start(text, source)
                started.append(job)
                for paragraph, index in job.model_inputs():
                    yield paragraph, (job, index)

        docs = self._nlp.pipe(model_inputs(), as_tuples=True, batch_size=PIPE_BATCH_SIZE)
        for doc, (job, index) in docs:
            job.absorb(doc, index)
            while started and started[0].done:
                yield started.popleft().analysis()
        while started:
            yield started.popleft().analysis()

    def analyse_progressively(self, text: str, source: str = "-") -> Iterator[Analysis]:
        """Partial analyses of a long text (the first screen first), then the complete one.

        Stages double in size, so a book costs a handful of partial results, not one per
        paragraph; each stage is piped on its own so its result comes as soon as its text
        is parsed. A short text gets the complete analysis straight away.
        """
        job = self._start(text, source)
        first = 0
        for stop in _stage_stops(job.paragraphs):
            docs = self._nlp.pipe(
                job.model_inputs(first, stop), as_tuples=True, batch_size=PIPE_BATCH_SIZE
            )
            for doc, index in docs:
                job.absorb(doc, index)
            first = stop
            yield job.analysis()

    def _start(self, text: str, source: str) -> TextInProgress:
        return TextInProgress(text, source, language=self.language, model=self.model_name)


def _stage_stops(paragraphs: list[tuple[int, int]]) -> list[int]:
    """Paragraph counts at which a progressive analysis reports: the first paragraph ending
    past FIRST_STAGE_CHARS, then past twice that, and so on; the last is all of them."""
    stops: list[int] = []
    limit = FIRST_STAGE_CHARS
    for count, (_, end) in enumerate(paragraphs, start=1):
        if end >= limit:
            stops.append(count)
            while limit <= end:
                limit *= 2
    if not stops or stops[-1] != len(paragraphs):
        stops.append(len(paragraphs))
    return stops
