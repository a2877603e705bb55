"""The analysis service: cache, then engine, then store (see the package docstring)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Protocol

from guillemet.analysis.models import Analysis
from guillemet.article import Article

if TYPE_CHECKING:
    from guillemet.cache import AnalysisCache


class AnalysisStream(Protocol):
    """A run of the analysis of one article: what the reader consumes, whoever computes it."""

    def stream(self, article: Article) -> Iterator[Analysis]:
        """Yield analyses of `article`, partial ones first, the complete one last; raise
        `GuillemetError` on failure."""
        ...

    def cancel(self) -> None:
        """Stop as soon as possible (the reader is closing); safe to call from any thread."""
        ...


def default_model() -> str:
    """The engine's default pipeline (imported late: the engine module is not free)."""
    from guillemet.analysis import DEFAULT_MODEL

    return DEFAULT_MODEL


class AnalysisService:
    """One model's analyses through the cache (see the package docstring).

    `use_cache` false: the cache is neither read nor written (`--no-cache`). A cache that fails
    is never an error: a damaged entry or an unreadable folder is a miss, a failed store is
    forgotten. `engine_factory(model)` makes the engine on the first miss (tests put a fake one
    in); it is kept for the next.
    """

    def __init__(
        self,
        model: str | None = None,
        *,
        use_cache: bool = True,
        cache: AnalysisCache | None = None,
        engine_factory: Callable[[str], Any] | None = None,
    ) -> None:
        self.model = model or default_model()
        self.use_cache = use_cache
        self._given_cache = cache
        self._cache: AnalysisCache | None = None
        self._engine_factory = engine_factory
        self._engine: Any = None

    @property
    def cache(self) -> AnalysisCache | None:
        """The cache in use (None with `use_cache` false), opened on first use."""
        if not self.use_cache:
            return None
        if self._cache is None:
            if self._given_cache is not None:
                self._cache = self._given_cache
            else:
                from guillemet.cache import AnalysisCache

                self._cache = AnalysisCache()
        return self._cache

    def cached(self, article: Article) -> Analysis | None:
        """The cached analysis of `article` (its source and metadata set), or None."""
        cache = self.cache
        if cache is None:
            return None
        try:
            hit = cache.load(article.sha256, self.model, article.source)
        except Exception:  # noqa: BLE001 - a broken cache is a miss
            return None
        return None if hit is None else replace(hit, metadata=article.metadata())

    def store(self, analysis: Analysis) -> bool:
        """Keep a complete analysis for the next time; False when it was not kept."""
        cache = self.cache
        if cache is None or not analysis.complete:
            return False
        try:
            return cache.store(analysis, self.model)
        except Exception:  # noqa: BLE001 - the cache is a convenience
            return False

    def engine(self) -> Any:
        """The engine for this model, made on first use (loading a model takes seconds)."""
        if self._engine is None:
            if self._engine_factory is not None:
                self._engine = self._engine_factory(self.model)
            else:
                from guillemet.analysis.engine import Engine

                self._engine = Engine(self.model)
        return self._engine

    def analyse(self, article: Article) -> Analysis:
        """The complete analysis of `article`: cached, else made here and stored."""
        cached = self.cached(article)
        if cached is not None:
            return cached
        analysis = self.engine().analyse(article.text, article.source)
        self.store(analysis)
        return replace(analysis, metadata=article.metadata())

    def stream(self, article: Article) -> Iterator[Analysis]:
        """`AnalysisStream.stream` in this process: the cached analysis alone, else the
        engine's partial analyses and its complete one (stored)."""
        cached = self.cached(article)
        if cached is not None:
            yield cached
            return
        for analysis in self.engine().analyse_progressively(article.text, article.source):
            if analysis.complete:
                self.store(analysis)
            yield analysis

    def cancel(self) -> None:
        """Nothing runs in the background here."""
