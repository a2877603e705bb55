"""The engine version (part of the cache key) follows the rule code and lexicons by itself."""

from __future__ import annotations

from pathlib import Path

from guillemet.analysis.engine import ENGINE_VERSION
from guillemet.analysis.revision import RULES_REVISION, fingerprint


def make_package(root: Path) -> None:
    (root / "analysis" / "attribution").mkdir(parents=True)
    (root / "analysis" / "__pycache__").mkdir()
    (root / "data").mkdir()
    (root / "analysis" / "engine.py").write_text("RULE = 1\n")
    (root / "analysis" / "attribution" / "cues.py").write_text("CUES = ()\n")
    (root / "data" / "titles.json").write_text('{"titles": ["ministre"]}')


def test_fingerprint_changes_with_a_rule_or_a_lexicon_and_nothing_else(tmp_path: Path) -> None:
    make_package(tmp_path)
    before = fingerprint(tmp_path)
    assert before.startswith(RULES_REVISION + "+")

    (tmp_path / "analysis" / "__pycache__" / "engine.cpython-311.pyc").write_bytes(b"x")
    (tmp_path / "README.md").write_text("notes")
    assert fingerprint(tmp_path) == before

    (tmp_path / "data" / "titles.json").write_text('{"titles": ["ministre", "maire"]}')
    after_lexicon = fingerprint(tmp_path)
    assert after_lexicon != before

    (tmp_path / "analysis" / "attribution" / "cues.py").write_text("CUES = ('dire',)\n")
    assert fingerprint(tmp_path) not in (before, after_lexicon)


def test_engine_version_is_the_installed_rules_fingerprint() -> None:
    assert ENGINE_VERSION.startswith(RULES_REVISION + "+") and len(ENGINE_VERSION) > 8
