"""Fixtures for the annotation tests: the sample article in a fresh directory, and its
hand-made analysis (see `annotation_samples`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotation_samples import SAMPLE, sample_analysis

from guillemet.analysis.models import Analysis
from guillemet.article import Article


@pytest.fixture()
def article_file(tmp_path: Path) -> Path:
    """A copy of the sample article in a fresh directory (sidecars are written next to it)."""
    path = tmp_path / "article.txt"
    path.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    return path


@pytest.fixture()
def article(article_file: Path) -> Article:
    text = article_file.read_text(encoding="utf-8")
    return Article(text=text, source=str(article_file), title="Lecornu et Choïgou", kind="text")


@pytest.fixture()
def analysis(article: Article) -> Analysis:
    return sample_analysis(article.text, article.source)
