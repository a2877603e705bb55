"""The articles opened together (`guillemet a.txt b.html c.md`) and what the list shows of them.

Why the reader shows one article at a time and the library outlives it: everything in the
reader (the view, the analysis process, the annotations and their saving) belongs to one
article, and that lifecycle is what the tests hold. Switching closes the reader on the current
article, which saves its annotations like any close, and opens the chosen one; the library
keeps the list, the titles and the number of quotes of each across the switches.

The counts come from the cache, else from one background process that analyses the articles
not yet known (all of them in one `nlp.pipe` stream, the model loaded once) and stores each
result in the cache, so that switching to any of them shows its colours at once. It starts only
when the reader asks (after the current article's own analysis), so it never competes with it.

This module imports neither Textual nor spaCy.
"""

from __future__ import annotations

import multiprocessing
import queue
from multiprocessing import resource_tracker
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from guillemet.article import Article
from guillemet.tui.analysis_source import POLL_SECONDS, cached_analysis
from guillemet.tui.headings import display_title


@dataclass(frozen=True, slots=True)
class SwitchArticle:
    """What the reader returns when the reader asks for another article of the library."""

    index: int


def _count_in_child(items: list[tuple[int, str, str]], model: str, use_cache: bool, out: Any) -> None:
    """The spawned process: analyse the articles in one stream, send ("count", index, n) for
    each (and cache it), then ("done",); ("failed", message) if the engine cannot run."""
    try:
        from guillemet.analysis.engine import Engine

        engine = Engine(model)
        cache = None
        if use_cache:
            from guillemet.cache import AnalysisCache

            cache = AnalysisCache()
        analyses = engine.analyse_many((text, source) for _, text, source in items)
        for (index, _, _), analysis in zip(items, analyses):
            out.put(("count", index, len(analysis.quotes)))
            if cache is not None:
                try:
                    cache.store(analysis, model)
                except Exception:  # noqa: BLE001 - the cache is a convenience
                    pass
        out.put(("done", None, None))
    except Exception as error:  # noqa: BLE001 - the list says "no analysis", the reader goes on
        out.put(("failed", None, str(error)))


class ArticleLibrary:
    """The open articles, the current one, and their quote counts (see the module docstring).

    Thread-safe: the counts are written by a receiving thread and read by the UI; `version`
    grows at every change so the list knows when to redraw.
    """

    def __init__(
        self,
        articles: Sequence[Article],
        model: str | None = None,
        use_cache: bool = True,
        *,
        background: bool = True,
    ) -> None:
        if not articles:
            raise ValueError("a library holds at least one article")
        self.articles = list(articles)
        self.current = 0
        self.model = model
        self.use_cache = use_cache
        self.background = background
        """Whether `start_background` counts the other articles (off: they show only what the
        reader itself learns, as in tests with hand-made analyses)."""
        self.version = 0
        self.failed: str | None = None
        """Why the background analysis could not run (the counts stay unknown)."""
        self._counts: dict[int, int] = {}
        self._counts_lock = threading.Lock()
        self._started = False
        self._stop_requested = threading.Event()
        self._process: Any = None
        if background and len(self.articles) > 1:
            # the counting process is started from inside the app later: multiprocessing's
            # helper process must be started now, while standard error is still the real one
            # (Textual captures it, and a child could not be handed it), as the analysis
            # source does
            resource_tracker.ensure_running()

    def __len__(self) -> int:
        return len(self.articles)

    @property
    def article(self) -> Article:
        """The article on screen."""
        return self.articles[self.current]

    def title(self, index: int) -> str:
        """The title of article `index` as the list shows it."""
        return display_title(self.articles[index])

    def count(self, index: int) -> int | None:
        """How many quotes article `index` holds, None while unknown."""
        with self._counts_lock:
            return self._counts.get(index)

    def record(self, index: int, quotes: int) -> None:
        """Article `index` has `quotes` quotes (the reader's own complete analysis says so)."""
        with self._counts_lock:
            if self._counts.get(index) == quotes:
                return
            self._counts[index] = quotes
            self.version += 1

    def neighbour(self, step: int) -> int:
        """The index `step` articles away from the current one, going round the list."""
        return (self.current + step) % len(self.articles)

    # -- the background pass ------------------------------------------------------------------

    def start_background(self) -> None:
        """Count the quotes of the articles not yet known (once; returns at once)."""
        if self._started or len(self.articles) < 2 or not self.background:
            return
        self._started = True
        threading.Thread(target=self._background, name="guillemet-library", daemon=True).start()

    def _background(self) -> None:
        model = self.model
        if model is None:
            from guillemet.analysis import DEFAULT_MODEL

            model = DEFAULT_MODEL
        missing: list[tuple[int, str, str]] = []
        for index, article in enumerate(self.articles):
            if self._stop_requested.is_set():
                return
            if self.count(index) is not None:
                continue
            cached = cached_analysis(article, model) if self.use_cache else None
            if cached is not None and cached.complete:
                self.record(index, len(cached.quotes))
            else:
                missing.append((index, article.text, article.source))
        if missing and not self._stop_requested.is_set():
            self._analyse(missing, model)

    def _analyse(self, missing: list[tuple[int, str, str]], model: str) -> None:
        context = multiprocessing.get_context("spawn")
        results = context.Queue()
        process = context.Process(
            target=_count_in_child, args=(missing, model, self.use_cache, results),
            name="guillemet-library", daemon=True,
        )
        with self._counts_lock:
            if self._stop_requested.is_set():
                return
            self._process = process
            process.start()
        try:
            while not self._stop_requested.is_set():
                try:
                    kind, index, payload = results.get(timeout=POLL_SECONDS)
                except queue.Empty:
                    if not process.is_alive():
                        self._fail(f"the analysis process stopped (exit code {process.exitcode})")
                        return
                    continue
                if kind == "count":
                    self.record(index, payload)
                elif kind == "failed":
                    self._fail(payload)
                    return
                else:
                    return
        finally:
            process.join(timeout=1)
            if process.is_alive():
                process.terminate()

    def _fail(self, message: str) -> None:
        with self._counts_lock:
            self.failed = message
            self.version += 1

    def stop(self) -> None:
        """End the background pass (the reader is leaving for good)."""
        self._stop_requested.set()
        with self._counts_lock:
            process = self._process
        if process is not None and process.is_alive():
            process.terminate()
