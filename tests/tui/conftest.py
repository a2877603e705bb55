"""Fixtures of the reader's tests: the sample article and its hand-made analysis."""

from __future__ import annotations

import pytest
from tui_samples import sample_analysis, sample_article

from guillemet.analysis.models import Analysis
from guillemet.article import Article


@pytest.fixture(scope="session")
def article(sample_text: str) -> Article:
    return sample_article(sample_text)


@pytest.fixture(scope="session")
def analysis(sample_text: str) -> Analysis:
    return sample_analysis(sample_text)


@pytest.fixture(autouse=True)
def _no_user_config(tmp_path, monkeypatch) -> None:
    """Tests never read the developer's keymap or write to the real cache or speaker library."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("GUILLEMET_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("GUILLEMET_LIBRARY", str(tmp_path / "library" / "speakers.sqlite3"))
