"""The analysis cache: keyed by text, model, model version and engine version; never fatal; bounded."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from guillemet import cache as cache_module
from guillemet.analysis import engine
from guillemet.analysis.models import Analysis, Entity
from guillemet.cache import CACHE_DIR_ENV, AnalysisCache, CacheKey, default_cache_dir

MODEL = "fr_core_news_md"


def make_analysis(text: str, *, analysed_to: int | None = None, source: str = "a.txt") -> Analysis:
    """A small complete analysis of `text` with one entity on its first word."""
    first = text.split()[0]
    return Analysis(
        source=source,
        language="fr",
        model=MODEL,
        text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        entities=(Entity(0, len(first), "PER", first),),
        text_length=len(text),
        analysed_to=len(text) if analysed_to is None else analysed_to,
        metadata={"title": "kept by the caller"},
    )


@pytest.fixture
def versions(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Installed model versions as the cache sees them (edit the dict to 'upgrade' a model)."""
    installed = {MODEL: "3.8.0", "fr_core_news_sm": "3.8.0"}
    monkeypatch.setattr(engine, "installed_model_version", installed.get, raising=False)
    return installed


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv(CACHE_DIR_ENV, str(directory))
    return directory


def entries(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.json"))


def test_hit_returns_the_stored_analysis_for_the_new_source(versions, cache_dir):
    analysis = make_analysis("Pierre parle.")
    assert AnalysisCache().store(analysis, MODEL)

    hit = AnalysisCache().load(analysis.text_sha256, MODEL, source="elsewhere/b.txt")

    assert hit is not None
    assert hit.source == "elsewhere/b.txt"
    assert hit == analysis.with_source("elsewhere/b.txt")
    assert hit.metadata == {}  # metadata belongs to the file, not to the text
    assert len(entries(cache_dir)) == 1


def test_miss_when_the_text_changes(versions, cache_dir):
    AnalysisCache().store(make_analysis("Pierre parle."), MODEL)
    other = make_analysis("Pierre parle encore.")
    assert AnalysisCache().load(other.text_sha256, MODEL, "a.txt") is None


def test_miss_when_the_model_changes(versions, cache_dir):
    analysis = make_analysis("Pierre parle.")
    AnalysisCache().store(analysis, MODEL)
    assert AnalysisCache().load(analysis.text_sha256, "fr_core_news_sm", "a.txt") is None


def test_miss_when_the_model_version_changes(versions, cache_dir):
    analysis = make_analysis("Pierre parle.")
    AnalysisCache().store(analysis, MODEL)
    versions[MODEL] = "3.8.1"
    assert AnalysisCache().load(analysis.text_sha256, MODEL, "a.txt") is None


def test_miss_when_the_engine_version_changes(versions, cache_dir, monkeypatch):
    analysis = make_analysis("Pierre parle.")
    AnalysisCache().store(analysis, MODEL)
    monkeypatch.setattr(engine, "ENGINE_VERSION", engine.ENGINE_VERSION + "-next")
    assert AnalysisCache().load(analysis.text_sha256, MODEL, "a.txt") is None


def test_nothing_is_cached_for_a_model_that_is_not_installed(versions, cache_dir):
    analysis = make_analysis("Pierre parle.")
    assert not AnalysisCache().store(analysis, "xx_no_such_model")
    assert AnalysisCache().load(analysis.text_sha256, "xx_no_such_model", "a.txt") is None
    assert entries(cache_dir) == []


def test_partial_analyses_are_not_cached(versions, cache_dir):
    partial = make_analysis("Pierre parle. Paul répond.", analysed_to=5)
    assert not partial.complete
    assert not AnalysisCache().store(partial, MODEL)
    assert entries(cache_dir) == []


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"{\"format\": 1, \"key\": ",  # cut short while being written by something else
        b"\xff\xfe not utf-8",
        b"[1, 2, 3]",
        b"{\"format\": 1, \"key\": {}, \"analysis\": {}}",
        b"{\"format\": 99}",
    ],
)
def test_a_damaged_entry_is_a_miss_and_is_rewritten(versions, cache_dir, damage):
    analysis = make_analysis("Pierre parle.")
    AnalysisCache().store(analysis, MODEL)
    [entry] = entries(cache_dir)
    entry.write_bytes(damage)

    assert AnalysisCache().load(analysis.text_sha256, MODEL, "a.txt") is None
    assert not entry.exists()

    assert AnalysisCache().store(analysis, MODEL)
    assert AnalysisCache().load(analysis.text_sha256, MODEL, "a.txt") == analysis


def test_an_entry_under_the_wrong_name_is_not_trusted(versions, cache_dir):
    first, second = make_analysis("Pierre parle."), make_analysis("Paul répond.")
    cache = AnalysisCache()
    cache.store(first, MODEL)
    cache.store(second, MODEL)
    first_key, second_key = cache.key(first.text_sha256, MODEL), cache.key(second.text_sha256, MODEL)
    assert first_key is not None and second_key is not None
    (cache_dir / second_key.filename()).write_bytes((cache_dir / first_key.filename()).read_bytes())

    assert cache.load(second.text_sha256, MODEL, "b.txt") is None
    assert cache.load(first.text_sha256, MODEL, "a.txt") == first


def test_the_number_of_entries_is_bounded_and_the_least_recently_used_go_first(versions, cache_dir):
    cache = AnalysisCache(max_entries=4)
    analyses = [make_analysis(f"Texte numéro {n}.") for n in range(4)]
    for age, analysis in enumerate(analyses):
        cache.store(analysis, MODEL)
        key = cache.key(analysis.text_sha256, MODEL)
        assert key is not None
        past = time.time() - 1000 + age  # oldest first, whatever the clock's resolution
        os.utime(cache_dir / key.filename(), (past, past))
    assert cache.load(analyses[0].text_sha256, MODEL, "a.txt") is not None  # now the most recent

    cache.store(make_analysis("Un cinquième texte."), MODEL)

    assert len(entries(cache_dir)) <= 4
    assert cache.load(analyses[0].text_sha256, MODEL, "a.txt") is not None
    assert cache.load(analyses[1].text_sha256, MODEL, "a.txt") is None


def test_the_total_size_is_bounded(versions, cache_dir):
    one = make_analysis("Texte de référence pour la taille.")
    AnalysisCache().store(one, MODEL)
    entry_size = entries(cache_dir)[0].stat().st_size
    cache = AnalysisCache(max_bytes=int(entry_size * 3.5))

    for n in range(10):
        cache.store(make_analysis(f"Texte de référence pour la taille {n:02}."), MODEL)
        assert sum(p.stat().st_size for p in entries(cache_dir)) <= cache.max_bytes

    newest = make_analysis("Texte de référence pour la taille 09.")
    assert cache.load(newest.text_sha256, MODEL, "a.txt") is not None


def test_writes_leave_no_temporary_file_and_old_leftovers_are_removed(versions, cache_dir):
    cache_dir.mkdir(parents=True)
    leftover = cache_dir / (cache_module.TEMP_PREFIX + "killed.part")
    leftover.write_bytes(b"half an entry")
    long_ago = time.time() - 2 * cache_module.STALE_TEMP_SECONDS
    os.utime(leftover, (long_ago, long_ago))

    AnalysisCache().store(make_analysis("Pierre parle."), MODEL)

    assert [p.suffix for p in cache_dir.iterdir()] == [".json"]


def test_a_cache_that_cannot_be_written_is_not_an_error(versions, tmp_path):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory should be")
    cache = AnalysisCache(blocker / "cache")
    analysis = make_analysis("Pierre parle.")
    assert not cache.store(analysis, MODEL)
    assert cache.load(analysis.text_sha256, MODEL, "a.txt") is None


def test_the_directory_comes_from_the_environment_or_the_platform(monkeypatch, tmp_path):
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path / "here"))
    assert default_cache_dir() == tmp_path / "here"
    monkeypatch.delenv(CACHE_DIR_ENV)
    assert "guillemet" in default_cache_dir().parts


def test_the_key_names_a_file_whatever_the_model_name():
    key = CacheKey("0" * 64, "../../etc/passwd", "1.0", "1")
    assert "/" not in key.filename() and key.filename().endswith(".json")
    assert key.filename() != CacheKey("0" * 64, "../../etc/passwd", "1.1", "1").filename()


@pytest.mark.model
def test_a_hit_does_not_import_spacy(tmp_path):
    """The point of the cache: a re-open needs no spaCy at all (checked in a fresh interpreter)."""
    if engine.installed_model_version(MODEL) is None:
        pytest.skip(f"{MODEL} is not installed")
    analysis = make_analysis("Sébastien Lecornu a parlé.")
    AnalysisCache(tmp_path).store(analysis, MODEL)
    script = textwrap.dedent(
        f"""
        import json, sys
        from guillemet.cache import AnalysisCache
        hit = AnalysisCache({str(tmp_path)!r}).load({analysis.text_sha256!r}, {MODEL!r}, "b.txt")
        print(json.dumps({{"hit": hit is not None and hit.source == "b.txt",
                          "spacy": "spacy" in sys.modules, "textual": "textual" in sys.modules}}))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == {"hit": True, "spacy": False, "textual": False}
