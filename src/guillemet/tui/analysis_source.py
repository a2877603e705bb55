"""Where the reader's analysis comes from: the cache, or spaCy in a separate process.

Why a process: spaCy holds the GIL for long stretches while it loads and parses, which freezes
a UI thread for 150-200 ms at a time; in another process the reader's keys stay responsive.
The process is started with the "spawn" method, so it never inherits the reader's threads,
and it sends plain JSON (`Analysis.to_json`) back through a queue, pickled by the process
itself: the reader unpickles and decodes it with the garbage collector paused
(`long_lived.py`), which the queue's own unpickling would not allow.

An `AnalysisSource` turns an article into a stream of analyses (partial ones first when the
engine works progressively, the complete one last) and raises `GuillemetError` when it fails.
The app consumes the stream in a thread and never knows which source it has:

- `ProcessAnalysisSource`: the cache first (no spaCy import on a hit), else the engine in a
  spawned process; stores the complete result in the cache.
- `FixedAnalysisSource`: analyses given in advance (tests, snapshots, benchmarks).

This module imports neither Textual nor spaCy (the spawned process imports it first).
"""

from __future__ import annotations

import multiprocessing
import pickle
from multiprocessing import resource_tracker
import queue
import threading
from collections.abc import Iterable, Iterator
from typing import Any, Protocol

from guillemet.analysis.models import Analysis
from guillemet.article import Article
from guillemet.errors import GuillemetError, ModelNotInstalledError
from guillemet.tui.long_lived import long_lived_allocations

POLL_SECONDS = 0.1


class AnalysisFailed(GuillemetError):
    """The analysis could not be made; the article stays readable without it."""


class AnalysisSource(Protocol):
    """A stream of analyses for one article (see the module docstring)."""

    def stream(self, article: Article) -> Iterator[Analysis]:
        """Yield analyses of `article`, complete last; raise `GuillemetError` on failure."""
        ...

    def cancel(self) -> None:
        """Stop as soon as possible (the reader is closing); safe to call from any thread."""
        ...


class FixedAnalysisSource:
    """Analyses known in advance, yielded in order (an exception in the list is raised)."""

    def __init__(self, analyses: Iterable[Analysis | GuillemetError]) -> None:
        self._analyses = list(analyses)

    def stream(self, article: Article) -> Iterator[Analysis]:
        """Yield the analyses of `article` (see `AnalysisSource.stream`)."""
        for item in self._analyses:
            if isinstance(item, GuillemetError):
                raise item
            yield item

    def cancel(self) -> None:
        """Nothing runs in the background."""


def _analyse_in_child(text: str, source: str, model: str, use_cache: bool, out: Any) -> None:
    """The spawned process: run the engine, send each analysis as pickled JSON, then
    ("done",)."""
    try:
        from guillemet.analysis.engine import Engine

        engine = Engine(model)
        last: Analysis | None = None
        for analysis in engine.analyse_progressively(text, source):
            out.put(("analysis", pickle.dumps(analysis.to_json(), pickle.HIGHEST_PROTOCOL)))
            last = analysis
        out.put(("done", None))
        if use_cache and last is not None and last.complete:
            _store_in_cache(last, model)
    except ModelNotInstalledError as error:
        out.put(("missing-model", error.model))
    except GuillemetError as error:
        out.put(("error", str(error)))
    except Exception as error:  # the reader must hear of any failure, whatever it is
        out.put(("error", f"the analysis failed ({type(error).__name__}: {error})"))


def _store_in_cache(analysis: Analysis, model: str) -> None:
    """Keep a complete analysis for the next opening; a cache failure is never fatal."""
    try:
        from guillemet.cache import AnalysisCache

        AnalysisCache().store(analysis, model)
    except Exception:  # noqa: BLE001 - the cache is a convenience
        pass


def cached_analysis(article: Article, model: str) -> Analysis | None:
    """The cached analysis of this article's text under `model`, or None."""
    try:
        from guillemet.cache import AnalysisCache

        return AnalysisCache().load(article.sha256, model, article.source)
    except Exception:  # noqa: BLE001 - a broken cache is a miss
        return None


class ProcessAnalysisSource:
    """The cache, else the engine in a spawned process (see the module docstring)."""

    def __init__(self, model: str | None = None, use_cache: bool = True) -> None:
        self.model = model
        """The spaCy pipeline; None: the engine's default, looked up off the UI thread."""
        self.use_cache = use_cache
        self._cancel_requested = threading.Event()
        self._process: multiprocessing.process.BaseProcess | None = None
        # Create this source before the app starts: the helper process that multiprocessing
        # needs is started here, while standard error is still the real one (inside the app,
        # Textual captures it and multiprocessing could not hand it to a child).
        resource_tracker.ensure_running()

    def stream(self, article: Article) -> Iterator[Analysis]:
        """Yield the analyses of `article` (see `AnalysisSource.stream`)."""
        if self.model is None:
            from guillemet.analysis import DEFAULT_MODEL

            self.model = DEFAULT_MODEL
        if self.use_cache:
            with long_lived_allocations():
                cached = cached_analysis(article, self.model)
            if cached is not None:
                yield cached
                return
        context = multiprocessing.get_context("spawn")
        results = context.Queue()
        process = context.Process(
            target=_analyse_in_child,
            args=(article.text, article.source, self.model, self.use_cache, results),
            name="guillemet-analysis",
            daemon=True,
        )
        self._process = process
        process.start()
        try:
            yield from self._receive(process, results)
        finally:
            self._stop(process)

    def _receive(self, process: Any, results: Any) -> Iterator[Analysis]:
        while not self._cancel_requested.is_set():
            try:
                message = results.get(timeout=POLL_SECONDS)
            except queue.Empty:
                if not process.is_alive():
                    raise AnalysisFailed(
                        f"the analysis process stopped unexpectedly (exit code {process.exitcode})"
                    ) from None
                continue
            kind, payload = message
            if kind == "analysis":
                with long_lived_allocations():
                    analysis = Analysis.from_json(pickle.loads(payload))
                yield analysis
            elif kind == "done":
                return
            elif kind == "missing-model":
                raise ModelNotInstalledError(payload)
            else:
                raise AnalysisFailed(str(payload))

    def _stop(self, process: Any) -> None:
        """Let a finishing process store its result; end one that is still working."""
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
