"""Extracting many articles at once, at the speed of spaCy, whatever goes wrong with one of them.

Files are read and grouped into chunks of about `chunk_chars` characters; each chunk's texts go
through one `Engine.analyse_many` call (one `nlp.pipe` stream), in this process or, with
`jobs > 1`, in worker processes that each load the model once. Outcomes come back one per input,
in the input order, as soon as their chunk is done, so output can be streamed. An input that
cannot be read, or whose analysis fails, becomes an `Outcome` with an error and the batch goes
on. The cache is looked up before any work is sent and filled with what comes back, through the
analysis service (`guillemet.analysis_service`), so a batch of cached articles never loads spaCy.
"""

from __future__ import annotations

import functools
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from typing import Protocol

from guillemet.analysis.engine import DEFAULT_MODEL
from guillemet.analysis.models import Analysis
from guillemet.article import Article
from guillemet.analysis_service import AnalysisService
from guillemet.cache import AnalysisCache
from guillemet.errors import GuillemetError, InputError
from guillemet.inputs import STDIN, load_article

DEFAULT_CHUNK_CHARS = 100_000
"""Big enough for `nlp.pipe` to batch well, small enough to spread a folder over workers."""


class AnalysisEngine(Protocol):
    """The part of `guillemet.analysis.engine.Engine` a batch needs."""

    def analyse(self, text: str, source: str = "-") -> Analysis: ...

    def analyse_many(self, items: Iterable[tuple[str, str]]) -> Iterator[Analysis]: ...


EngineFactory = Callable[[str], AnalysisEngine]


@functools.cache
def load_engine(model: str) -> AnalysisEngine:
    """The real engine, one per model per process (loading costs seconds and hundreds of MB)."""
    from guillemet.analysis.engine import Engine

    return Engine(model)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one input: its analysis, or a one-line error naming it."""

    source: str
    analysis: Analysis | None = None
    error: str | None = None
    cached: bool = False

    @property
    def ok(self) -> bool:
        return self.analysis is not None


@dataclass(slots=True)
class _Pending:
    """An input on its way through the batch: done already (error, cache hit) or to analyse."""

    source: str
    article: Article | None = None
    outcome: Outcome | None = None


# One worker result per text: the analysis, or the one-line problem.
_WorkResult = Analysis | str


class BatchExtractor:
    """Analyses inputs in order, through the cache, one process or several.

    Use it as a context manager (worker processes are stopped on exit) and call `run` as many
    times as needed: the engine or the worker pool is created on the first cache miss and kept.
    `engine_factory` is how tests put a fake engine in; with `jobs > 1` it must be a picklable
    module-level function (workers are started with the `spawn` method, so they never inherit
    the parent's threads).
    """

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        *,
        jobs: int = 1,
        cache: AnalysisCache | None = None,
        engine_factory: EngineFactory = load_engine,
        loader: Callable[[str], Article] = load_article,
        chunk_chars: int = DEFAULT_CHUNK_CHARS,
    ) -> None:
        if jobs < 1:
            raise ValueError("jobs must be at least 1")
        self.model = model
        self.jobs = jobs
        self.cache = cache
        self.service = AnalysisService(model, use_cache=cache is not None, cache=cache)
        """The cache lookups and stores (the engine runs here or in the workers, in chunks)."""
        self.engine_factory = engine_factory
        self.loader = loader
        self.chunk_chars = chunk_chars
        self._engine: AnalysisEngine | None = None
        self._pool: ProcessPoolExecutor | None = None
        self._stdin_read = False

    def __enter__(self) -> BatchExtractor:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the worker processes, if any were started."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def warm_up(self) -> None:
        """Load the model now (in every worker with `jobs > 1`) rather than on the first miss."""
        if self.jobs == 1:
            self._local_engine()
            return
        pool = self._worker_pool()
        for future in [pool.submit(_worker_ready) for _ in range(self.jobs)]:
            _raise_if_fatal(future.result())

    # The batch ---------------------------------------------------------------------------

    def run(self, sources: Iterable[str]) -> Iterator[Outcome]:
        """One outcome per source, in the order given, each as soon as its chunk is done."""
        if self.jobs == 1:
            for chunk in self._chunks(sources):
                yield from self._finish(chunk, self._analyse_here(_to_analyse(chunk)))
        else:
            yield from self._run_in_workers(sources)

    def _run_in_workers(self, sources: Iterable[str]) -> Iterator[Outcome]:
        """Keep up to two chunks per worker in flight, and hand results back in order."""
        in_flight: deque[tuple[list[_Pending], Future[list[_WorkResult]] | None, ProcessPoolExecutor | None]] = deque()
        try:
            for chunk in self._chunks(sources):
                work = _to_analyse(chunk)
                future, pool = self._submit(work) if work else (None, None)
                in_flight.append((chunk, future, pool))
                while len(in_flight) > 2 * self.jobs or (in_flight and _is_ready(in_flight[0])):
                    yield from self._collect(*in_flight.popleft())
            while in_flight:
                yield from self._collect(*in_flight.popleft())
        finally:
            for _, future, _ in in_flight:
                if future is not None:
                    future.cancel()

    def _submit(self, work: list[tuple[str, str]]) -> tuple[Future[list[_WorkResult]], ProcessPoolExecutor]:
        """Send a chunk to the workers. A worker that died while chunks were still being sent
        broke the pool under us: a fresh pool takes this chunk (those already sent to the
        broken one fail in `_collect`, input by input)."""
        pool = self._worker_pool()
        try:
            return pool.submit(_worker_analyse, work), pool
        except BrokenProcessPool:
            self._drop_broken_pool(pool)
            pool = self._worker_pool()
            return pool.submit(_worker_analyse, work), pool

    def _collect(
        self,
        chunk: list[_Pending],
        future: Future[list[_WorkResult]] | None,
        pool: ProcessPoolExecutor | None,
    ) -> Iterator[Outcome]:
        if future is None:
            results: list[_WorkResult] = []
        else:
            try:
                results = future.result()
            except BrokenProcessPool:
                self._drop_broken_pool(pool)
                results = ["the worker process stopped unexpectedly"] * len(_to_analyse(chunk))
            _raise_if_fatal(results)
        yield from self._finish(chunk, results)

    def _chunks(self, sources: Iterable[str]) -> Iterator[list[_Pending]]:
        """Read the inputs and group them; errors and cache hits are settled on the way."""
        chunk: list[_Pending] = []
        size = 0
        for source in sources:
            pending = self._read(source)
            chunk.append(pending)
            if pending.outcome is None and pending.article is not None:
                size += len(pending.article.text)
            if size >= self.chunk_chars:
                yield chunk
                chunk, size = [], 0
        if chunk:
            yield chunk

    def _read(self, source: str) -> _Pending:
        if source == STDIN:
            if self._stdin_read:  # not "is empty": it was read, by the first `-`
                return _Pending(source, outcome=Outcome(source, error=f"{STDIN}: standard input can be read only once"))
            self._stdin_read = True
        try:
            article = self.loader(source)
        except InputError as error:
            return _Pending(source, outcome=Outcome(source, error=str(error)))
        except Exception as error:  # noqa: BLE001 - whatever the loader hits, only this input fails
            problem = _one_line(f"cannot be read ({type(error).__name__}: {error})")
            return _Pending(source, outcome=Outcome(source, error=f"{source}: {problem}"))
        hit = self.service.cached(article)
        if hit is not None:
            return _Pending(source, article, Outcome(source, hit, cached=True))
        return _Pending(source, article)

    def _finish(self, chunk: list[_Pending], results: list[_WorkResult]) -> Iterator[Outcome]:
        """Pair the chunk's inputs with the results of its misses, store them, yield in order."""
        fresh = iter(results)
        for pending in chunk:
            if pending.outcome is not None:
                yield pending.outcome
                continue
            assert pending.article is not None
            result = next(fresh)
            if isinstance(result, str):
                yield Outcome(pending.source, error=f"{pending.source}: {result}")
                continue
            self.service.store(result)
            analysis = replace(result, source=pending.source, metadata=pending.article.metadata())
            yield Outcome(pending.source, analysis)

    # Where the analysis runs -------------------------------------------------------------

    def _analyse_here(self, work: list[tuple[str, str]]) -> list[_WorkResult]:
        if not work:
            return []
        return analyse_isolated(self._local_engine(), work)

    def _local_engine(self) -> AnalysisEngine:
        if self._engine is None:
            self._engine = self.engine_factory(self.model)
        return self._engine

    def _drop_broken_pool(self, pool: ProcessPoolExecutor | None) -> None:
        """A worker of `pool` died (killed, out of memory): forget that pool, if it is still
        the current one (a fresh pool that already took over is kept); the next chunk starts
        anew."""
        if pool is not None and self._pool is pool:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def _worker_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.jobs,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_worker_start,
                initargs=(self.model, self.engine_factory),
            )
        return self._pool


def analyse_isolated(engine: AnalysisEngine, work: list[tuple[str, str]]) -> list[_WorkResult]:
    """Analyse the (text, source) pairs in one stream; if that fails, one by one.

    The second pass finds which text failed, so one bad text costs only its own result.
    """
    try:
        results: list[_WorkResult] = list(engine.analyse_many(work))
    except GuillemetError:
        raise
    except Exception:  # noqa: BLE001 - any failure is retried text by text below
        results = []
    if len(results) == len(work):
        return results
    results = []
    for text, source in work:
        try:
            results.append(engine.analyse(text, source))
        except GuillemetError:
            raise
        except Exception as error:  # noqa: BLE001 - reported as this input's error
            results.append(_one_line(f"analysis failed ({type(error).__name__}: {error})"))
    return results


def _one_line(message: str) -> str:
    return " ".join(message.split())


def _to_analyse(chunk: list[_Pending]) -> list[tuple[str, str]]:
    return [(p.article.text, p.source) for p in chunk if p.outcome is None and p.article]


def _is_ready(entry: tuple[list[_Pending], Future[list[_WorkResult]] | None]) -> bool:
    return entry[1] is None or entry[1].done()


# In the worker processes ---------------------------------------------------------------

_FATAL = "\x00fatal:"
"""Prefix of a worker result that must stop the batch (the model cannot be loaded)."""

_worker_engine: AnalysisEngine | None = None
_worker_failure: str | None = None


def _worker_start(model: str, engine_factory: EngineFactory) -> None:
    """Load the model once per worker; remember a user error to report it on the first task."""
    global _worker_engine, _worker_failure
    try:
        _worker_engine = engine_factory(model)
    except GuillemetError as error:
        _worker_failure = str(error)


def _worker_ready() -> list[_WorkResult]:
    return [_FATAL + _worker_failure] if _worker_failure else []


def _worker_analyse(work: list[tuple[str, str]]) -> list[_WorkResult]:
    if _worker_engine is None:
        return [_FATAL + (_worker_failure or "the model could not be loaded")]
    try:
        return analyse_isolated(_worker_engine, work)
    except GuillemetError as error:
        return [_FATAL + str(error)]


def _raise_if_fatal(results: list[_WorkResult]) -> None:
    for result in results:
        if isinstance(result, str) and result.startswith(_FATAL):
            raise GuillemetError(result.removeprefix(_FATAL))
