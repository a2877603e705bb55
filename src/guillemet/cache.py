"""A disk cache of finished analyses, so that a re-opened article needs no spaCy at all.

An analysis is plain offsets (`Analysis.to_json`), which loads in milliseconds, while getting it
again means importing spaCy and loading a model (seconds). Entries are keyed by everything that
can change the result: the text's sha256, the model's name and installed version, and
`ENGINE_VERSION`; a change of any of them is simply a miss. The cache is a convenience, never a
source of failure: a damaged or unreadable entry is a miss (and is rewritten by the next store),
a write that fails is forgotten, and its size is bounded by evicting the least recently used
entries (by modification time, refreshed on every hit).

Importing this module imports neither spaCy nor Textual.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from guillemet.analysis.models import Analysis
from guillemet.atomic_write import TEMP_SUFFIX, write_atomically

CACHE_DIR_ENV = "GUILLEMET_CACHE_DIR"
"""Set this environment variable to put the cache somewhere else (tests, read-only homes)."""

ENTRY_FORMAT = 1
DEFAULT_MAX_BYTES = 256 * 1024 * 1024
DEFAULT_MAX_ENTRIES = 5000
EVICT_TO = 0.9
"""Eviction goes below the bounds by this factor, so that it runs once in a while, not per store."""
STALE_TEMP_SECONDS = 3600
ENTRY_SUFFIX = ".json"
TEMP_PREFIX = ".tmp-"


def default_cache_dir() -> Path:
    """Where analyses are kept: `$GUILLEMET_CACHE_DIR`, else the platform's user cache dir."""
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("guillemet")) / "analyses"


@dataclass(frozen=True, slots=True)
class CacheKey:
    """Everything a cached analysis depends on; two equal keys give the same analysis."""

    text_sha256: str
    model: str
    model_version: str
    engine_version: str

    def to_json(self) -> dict[str, str]:
        return {
            "text_sha256": self.text_sha256,
            "model": self.model,
            "model_version": self.model_version,
            "engine_version": self.engine_version,
        }

    def filename(self) -> str:
        """A file name that is safe on any file system whatever the model name holds."""
        joined = "\x1f".join(self.to_json().values())
        return hashlib.sha256(joined.encode("utf-8")).hexdigest() + ENTRY_SUFFIX


class AnalysisCache:
    """Complete analyses on disk, one JSON file per key, bounded in total size and count."""

    def __init__(
        self,
        directory: Path | str | None = None,
        *,
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_entries: int = DEFAULT_MAX_ENTRIES,
    ) -> None:
        self.directory = Path(directory) if directory is not None else default_cache_dir()
        self.max_bytes = max_bytes
        self.max_entries = max_entries
        self._sizes: dict[str, int] | None = None  # file name -> bytes, once scanned
        self._model_versions: dict[str, str | None] = {}

    def key(self, text_sha256: str, model: str) -> CacheKey | None:
        """The key of this text under `model` as installed now; None if it is not installed.

        The model's version is looked up once per cache object (a batch asks thousands of times).
        """
        from guillemet.analysis import engine  # here: the first screen finds the cache folder without it

        if model not in self._model_versions:
            self._model_versions[model] = engine.installed_model_version(model)
        version = self._model_versions[model]
        if version is None:
            return None
        return CacheKey(text_sha256, model, version, engine.ENGINE_VERSION)

    # Reading -----------------------------------------------------------------------------

    def load(self, text_sha256: str, model: str, source: str) -> Analysis | None:
        """The cached analysis of this text for `source`, or None (miss, stale or damaged)."""
        key = self.key(text_sha256, model)
        return None if key is None else self.load_key(key, source)

    def load_key(self, key: CacheKey, source: str) -> Analysis | None:
        """The analysis stored under `key`, with its source set to `source`; None on a miss."""
        path = self.directory / key.filename()
        try:
            data = json.loads(path.read_bytes())
            analysis = _analysis_from_entry(data, key)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self._discard(path)
            return None
        _touch(path)
        return analysis.with_source(source)

    # Writing -----------------------------------------------------------------------------

    def store(self, analysis: Analysis, model: str) -> bool:
        """Keep a complete analysis made with `model`; True when it was written.

        Partial analyses are not kept (a re-open must not show half a book as if finished).
        The source path and metadata are not kept either: the entry is about the text, and
        the caller knows where it came from.
        """
        if not analysis.complete:
            return False
        key = self.key(analysis.text_sha256, model)
        return False if key is None else self.store_key(key, analysis)

    def store_key(self, key: CacheKey, analysis: Analysis) -> bool:
        """Write `analysis` under `key` atomically, then evict old entries past the bounds."""
        if not analysis.complete or analysis.text_sha256 != key.text_sha256:
            return False
        entry = {
            "format": ENTRY_FORMAT,
            "key": key.to_json(),
            "analysis": replace(analysis, source="", metadata={}).to_json(),
        }
        payload = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        name = key.filename()
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            write_atomically(self.directory / name, payload, durable=False)
        except OSError:
            return False
        sizes = self._entry_sizes()
        sizes[name] = len(payload)
        self._evict(keep=name)
        return True

    def clear(self) -> None:
        """Remove every entry (the directory itself stays)."""
        for path in self._entry_paths():
            self._discard(path)
        self._sizes = {}

    # Bounds ------------------------------------------------------------------------------

    def _entry_paths(self) -> list[Path]:
        try:
            return [p for p in self.directory.iterdir() if p.suffix == ENTRY_SUFFIX]
        except OSError:
            return []

    def _entry_sizes(self) -> dict[str, int]:
        """Sizes of the entries, scanned once per cache object then kept up to date.

        The scan also removes temporary files left behind by a process killed mid-write.
        """
        if self._sizes is None:
            self._sizes = {}
            for path in self._entry_paths():
                try:
                    self._sizes[path.name] = path.stat().st_size
                except OSError:
                    pass
            self._remove_stale_temporaries()
        return self._sizes

    def _remove_stale_temporaries(self) -> None:
        cutoff = time.time() - STALE_TEMP_SECONDS
        # ours (`atomic_write`: `.NAME.xxxx.tmp`), and those of older versions (`.tmp-*`)
        leftovers = [*self.directory.glob(".*" + TEMP_SUFFIX), *self.directory.glob(TEMP_PREFIX + "*")]
        for path in leftovers:
            try:
                if path.stat().st_mtime < cutoff:
                    path.unlink()
            except OSError:
                pass

    def _evict(self, keep: str) -> None:
        """Past a bound, drop the least recently used entries (never `keep`) to below it."""
        sizes = self._entry_sizes()
        if sum(sizes.values()) <= self.max_bytes and len(sizes) <= self.max_entries:
            return
        max_bytes = int(self.max_bytes * EVICT_TO)
        max_entries = int(self.max_entries * EVICT_TO)
        by_age = []
        for name in sizes:
            try:
                by_age.append(((self.directory / name).stat().st_mtime_ns, name))
            except OSError:
                by_age.append((0, name))
        by_age.sort()
        total = sum(sizes.values())
        for _, name in by_age:
            if total <= max_bytes and len(sizes) <= max_entries:
                break
            if name == keep:
                continue
            total -= sizes.pop(name)
            self._discard(self.directory / name)

    def _discard(self, path: Path) -> None:
        try:
            path.unlink()
        except OSError:
            pass
        if self._sizes is not None:
            self._sizes.pop(path.name, None)


def _analysis_from_entry(data: Any, key: CacheKey) -> Analysis:
    """Check that an entry is whole and really for `key`; raise ValueError when it is not."""
    if not isinstance(data, dict) or data.get("format") != ENTRY_FORMAT:
        raise ValueError("not a cache entry of this format")
    if data.get("key") != key.to_json():
        raise ValueError("entry written for another key")
    analysis = Analysis.from_json(data["analysis"])
    if analysis.text_sha256 != key.text_sha256 or not analysis.complete:
        raise ValueError("entry holds another or an unfinished analysis")
    return analysis


def _touch(path: Path) -> None:
    """Mark an entry as recently used, for eviction by age."""
    try:
        os.utime(path)
    except OSError:
        pass
