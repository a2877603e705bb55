"""A fingerprint of the rules, so cached analyses are never older than the code.

The cache keys an analysis by the engine's version. A hand-bumped number is forgotten the
day a lexicon entry or a rule changes; a digest of the rule sources and data files changes by
itself. Reading them costs a few milliseconds and imports nothing heavy.
"""

from __future__ import annotations

import hashlib
from importlib import resources
from importlib.resources.abc import Traversable

RULES_REVISION = "1"
"""Bumped by hand for changes the digest cannot see (none expected; kept for clarity)."""

_FINGERPRINTED = (("analysis", (".py",)), ("data", (".json", ".txt")))


def rules_fingerprint() -> str:
    """RULES_REVISION plus a short digest of the analysis code and the lexicons."""
    return fingerprint(resources.files("guillemet"))


def fingerprint(root: Traversable) -> str:
    """RULES_REVISION plus a digest of root/analysis/**/*.py and root/data/*.json|txt."""
    digest = hashlib.sha256()
    for folder, suffixes in _FINGERPRINTED:
        for name, content in sorted(_files(root.joinpath(folder), folder, suffixes)):
            digest.update(name.encode("utf-8"))
            digest.update(content)
    return f"{RULES_REVISION}+{digest.hexdigest()[:12]}"


def _files(
    folder: Traversable, prefix: str, suffixes: tuple[str, ...]
) -> list[tuple[str, bytes]]:
    """(relative name, bytes) of the files under `folder` with one of `suffixes`."""
    found: list[tuple[str, bytes]] = []
    if not folder.is_dir():
        return found
    for entry in folder.iterdir():
        name = f"{prefix}/{entry.name}"
        if entry.is_dir():
            if not entry.name.startswith((".", "__")):
                found.extend(_files(entry, name, suffixes))
        elif entry.name.endswith(suffixes):
            found.append((name, entry.read_bytes()))
    return found
