"""The articles opened together (`guillemet a.txt b.html c.md`) and what the list shows of them.

Why the reader shows one article at a time and the library outlives it: everything on the
reader's screen (the view, the analysis process, the annotations and their saving) belongs to
one article. Switching replaces that screen, which saves its annotations on the way out, with
one for the chosen article; the library keeps the list, the titles and the number of quotes of
each across the switches.

The counts come from the analysis service (`ProcessAnalysisStream.stream_many`): the cache,
else one background process that analyses the articles not yet known (all of them in one
`nlp.pipe` stream, the model loaded once) and stores each result in the cache, so that switching
to any of them shows its colours at once. It starts only when the reader asks (after the
current article's own analysis), so it never competes with it.

This module imports neither Textual nor spaCy.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from guillemet.article import Article
from guillemet.analysis_service.process import ProcessAnalysisStream
from guillemet.reading.headings import display_title


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
        self._stream: ProcessAnalysisStream | None = None
        if background and len(self.articles) > 1:
            # made now, not in the app: it starts multiprocessing's helper process while
            # standard error is still the real one (see `analysis_service.process`)
            self._stream = ProcessAnalysisStream(model, use_cache)

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
        stream = self._stream
        if stream is None:
            return
        unknown = [i for i in range(len(self.articles)) if self.count(i) is None]
        try:
            for position, analysis in stream.stream_many([self.articles[i] for i in unknown]):
                if self._stop_requested.is_set():
                    return
                if analysis.complete:
                    self.record(unknown[position], len(analysis.quotes))
        except Exception as error:  # noqa: BLE001 - the list says "no analysis", the reader goes on
            self._fail(str(error))

    def _fail(self, message: str) -> None:
        with self._counts_lock:
            self.failed = message
            self.version += 1

    def stop(self) -> None:
        """End the background pass (the reader is leaving for good)."""
        self._stop_requested.set()
        if self._stream is not None:
            self._stream.cancel()
