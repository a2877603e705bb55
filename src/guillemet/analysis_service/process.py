"""The analysis service with the engine in a spawned process: what the reader and its article
list use.

Why a process: spaCy holds the GIL for long stretches while it loads and parses, which freezes
a UI thread for 150-200 ms at a time; in another process the reader's keys stay responsive.
The process is started with the "spawn" method, so it never inherits the reader's threads. It
looks nothing up in the cache (the parent did) but stores what it completes, and sends one kind
of message back through a queue: `(kind, index, payload)`, where `index` is the article's place
in the run and `kind` is "analysis" (the payload is the analysis as pickled JSON, partial or
complete), "error" or "missing-model" (a one-line message or the model's name), or "done".
The parent decodes each analysis with the garbage collector paused (`long_lived.py`), which
the queue's own unpickling would not allow.

The helper process that multiprocessing needs is started when a stream is created, so create it
before a Textual app starts: inside the app, Textual captures standard error and a child could
not be handed it.
"""

from __future__ import annotations

import multiprocessing
import pickle
import queue
import threading
from collections.abc import Iterable, Iterator, Sequence
from multiprocessing import resource_tracker
from typing import Any

from guillemet.analysis.models import Analysis
from guillemet.analysis_service.long_lived import long_lived_allocations
from guillemet.analysis_service.service import AnalysisService
from guillemet.article import Article
from guillemet.errors import GuillemetError, ModelNotInstalledError

POLL_SECONDS = 0.1


class AnalysisFailed(GuillemetError):
    """The analysis could not be made; the article stays readable without it."""


class FixedAnalysisStream:
    """Analyses known in advance, yielded in order (an exception in the list is raised)."""

    def __init__(self, analyses: Iterable[Analysis | GuillemetError]) -> None:
        self._analyses = list(analyses)

    def stream(self, article: Article) -> Iterator[Analysis]:
        """Yield the analyses of `article` (see `AnalysisStream.stream`)."""
        for item in self._analyses:
            if isinstance(item, GuillemetError):
                raise item
            yield item

    def cancel(self) -> None:
        """Nothing runs in the background."""


def _analyse_in_child(items: list[tuple[str, str]], model: str, use_cache: bool, progressive: bool,
                      out: Any) -> None:
    """The spawned process: analyse `items` ((text, source) pairs) and send each analysis (see
    the module docstring); one article progressively, several in one `nlp.pipe` stream."""
    try:
        service = AnalysisService(model, use_cache=use_cache)
        engine = service.engine()
        if progressive and len(items) == 1:
            results: Iterable[tuple[int, Analysis]] = ((0, a) for a in engine.analyse_progressively(*items[0]))
        else:
            results = enumerate(engine.analyse_many(items))
        completed = []
        for index, analysis in results:
            out.put(("analysis", index, pickle.dumps(analysis.to_json(), pickle.HIGHEST_PROTOCOL)))
            if analysis.complete:
                completed.append(analysis)
        out.put(("done", -1, None))
        for analysis in completed:  # after "done": the reader need not wait for the disk
            service.store(analysis)
    except ModelNotInstalledError as error:
        out.put(("missing-model", -1, error.model))
    except GuillemetError as error:
        out.put(("error", -1, str(error)))
    except Exception as error:  # the parent must hear of any failure, whatever it is
        out.put(("error", -1, f"the analysis failed ({type(error).__name__}: {error})"))


class ProcessAnalysisStream:
    """The cache, else the engine in a spawned process (see the module docstring)."""

    def __init__(self, model: str | None = None, use_cache: bool = True) -> None:
        self.model = model
        """The spaCy pipeline; None: the engine's default, looked up off the UI thread."""
        self.use_cache = use_cache
        self._cancel_requested = threading.Event()
        self._process: multiprocessing.process.BaseProcess | None = None
        resource_tracker.ensure_running()  # now, while standard error is the real one

    def service(self) -> AnalysisService:
        """The service for the cache lookups (resolves the default model)."""
        service = AnalysisService(self.model, use_cache=self.use_cache)
        self.model = service.model
        return service

    def stream(self, article: Article) -> Iterator[Analysis]:
        """Yield the analyses of `article` (see `AnalysisStream.stream`)."""
        service = self.service()
        with long_lived_allocations():
            cached = service.cached(article)
        if cached is not None:
            yield cached
            return
        for _, analysis in self.run([(article.text, article.source)], progressive=True):
            yield analysis

    def stream_many(self, articles: Sequence[Article]) -> Iterator[tuple[int, Analysis]]:
        """The complete analysis of each article, as `(index, analysis)`: the cached ones
        first, then the others from one process (the model loaded once)."""
        service = self.service()
        missing = []
        for index, article in enumerate(articles):
            if self._cancel_requested.is_set():
                return
            cached = service.cached(article)
            if cached is not None:
                yield index, cached
            else:
                missing.append(index)
        if missing:
            work = [(articles[i].text, articles[i].source) for i in missing]
            for position, analysis in self.run(work, progressive=False):
                yield missing[position], analysis

    def run(self, work: list[tuple[str, str]], progressive: bool) -> Iterator[tuple[int, Analysis]]:
        """Analyse `work` in a spawned process; yield `(position in work, analysis)`."""
        context = multiprocessing.get_context("spawn")
        results = context.Queue()
        process = context.Process(
            target=_analyse_in_child,
            args=(work, self.model, self.use_cache, progressive, results),
            name="guillemet-analysis",
            daemon=True,
        )
        if self._cancel_requested.is_set():
            return
        self._process = process
        process.start()
        try:
            yield from self._receive(process, results)
        finally:
            self._stop(process)

    def _receive(self, process: Any, results: Any) -> Iterator[tuple[int, Analysis]]:
        while not self._cancel_requested.is_set():
            try:
                kind, index, payload = results.get(timeout=POLL_SECONDS)
            except queue.Empty:
                if not process.is_alive():
                    raise AnalysisFailed(
                        f"the analysis process stopped unexpectedly (exit code {process.exitcode})"
                    ) from None
                continue
            if kind == "analysis":
                with long_lived_allocations():
                    analysis = Analysis.from_json(pickle.loads(payload))
                yield index, analysis
            elif kind == "done":
                return
            elif kind == "missing-model":
                raise ModelNotInstalledError(payload)
            else:
                raise AnalysisFailed(str(payload))

    def _stop(self, process: Any) -> None:
        """Let a finishing process store its results; end one that is still working."""
        process.join(timeout=0 if self._cancel_requested.is_set() else 5)
        if process.is_alive():
            process.terminate()
            process.join(timeout=1)

    def cancel(self) -> None:
        """Stop the analysis process now (the reader is closing)."""
        self._cancel_requested.set()
        process = self._process
        if process is not None and process.is_alive():
            process.terminate()


def cached_analysis(article: Article, model: str) -> Analysis | None:
    """The cached analysis of this article's text under `model`, or None (the first screen)."""
    return AnalysisService(model).cached(article)
