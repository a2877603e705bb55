"""Extraction quality does not depend on how the article arrived.

The real engine runs on the sample article as a plain text file and on the same article as a
saved news page (and as a Markdown note and a hard-wrapped Windows text export): the quotes
found, with their speakers, must be the same.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from guillemet.article import Article
from guillemet.inputs import load_article

ROOT = Path(__file__).resolve().parents[2]
NEWS_PAGE = ROOT / "tests" / "fixtures" / "inputs" / "echo-du-soir-lecornu.html"

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def engine():
    from guillemet.analysis.engine import Engine

    return Engine()


def quotes_of(engine, article: Article) -> list[tuple[str, str | None]]:
    analysis = engine.analyse(article.text, article.source)
    for quote in analysis.quotes:  # the offsets contract holds on the loaded text
        assert article.text[quote.start : quote.end] == quote.text
    return [(q.text, q.speaker.name if q.speaker else None) for q in analysis.quotes]


@pytest.fixture(scope="module")
def sample_quotes(engine, sample_path: Path) -> list[tuple[str, str | None]]:
    quotes = quotes_of(engine, load_article(str(sample_path)))
    assert quotes, "the engine finds no quote in the sample article: nothing to compare"
    return quotes


def test_the_saved_news_page_gives_the_same_quotes_and_speakers(engine, sample_quotes) -> None:
    assert quotes_of(engine, load_article(str(NEWS_PAGE))) == sample_quotes


def test_a_markdown_note_gives_the_same_quotes(
    engine, sample_quotes, sample_text: str, tmp_path: Path
) -> None:
    note = tmp_path / "note.md"
    paragraphs = sample_text.rstrip("\n").split("\n")
    note.write_text("\n\n".join(textwrap.fill(p, 80) for p in paragraphs), encoding="utf-8")
    assert quotes_of(engine, load_article(str(note))) == sample_quotes


def test_a_wrapped_windows_export_gives_the_same_quotes(
    engine, sample_quotes, sample_text: str, tmp_path: Path
) -> None:
    export = tmp_path / "export.txt"
    paragraphs = sample_text.rstrip("\n").split("\n")
    wrapped = "\r\n\r\n".join(textwrap.fill(p, 72).replace("\n", "\r\n") for p in paragraphs)
    export.write_bytes(wrapped.encode("cp1252"))
    assert quotes_of(engine, load_article(str(export))) == sample_quotes
