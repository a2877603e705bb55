"""A title shown once and never counted as a claim, with the real engine and loader: a
Wikinews-style text (title, blank line, paragraphs) whose headline quotes its speaker, and the
sample, which has no title line."""

from __future__ import annotations

from pathlib import Path

import pytest

from guillemet.analysis.engine import DEFAULT_MODEL, Engine
from guillemet.inputs import load_article
from guillemet.reading.headings import header_lines
from guillemet.reading.layout import BODY, build_layout
from guillemet.reading.model import ReadingModel

HEADLINE = "Barack Obama : « le meilleur reste à venir pour les Etats-Unis ! »"
ARTICLE = f"""{HEADLINE}

7 novembre 2012. - Réélu président des États-Unis, Barack Obama s'est adressé à ses partisans
à Chicago. « Le meilleur reste à venir pour les Etats-Unis », a déclaré le président.
"""


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(DEFAULT_MODEL)


def _read(path: Path, engine: Engine) -> tuple[ReadingModel, list[str], str, int]:
    article = load_article(str(path))
    analysis = engine.analyse(article.text, str(path))
    from dataclasses import replace

    analysis = replace(analysis, metadata=article.metadata())  # as the analysis service does
    title, meta = header_lines(article)
    layout = build_layout(article.text, 60, title, meta)
    shown = [layout.decorations.get(i) if layout.kinds[i] != BODY else article.text[layout.starts[i]:layout.ends[i]]
             for i in range(len(layout))]
    in_headline = sum(quote.start < len(HEADLINE) for quote in analysis.quotes)
    return ReadingModel.build(analysis), shown, article.text, in_headline


@pytest.mark.model
def test_a_headline_quote_is_shown_once_and_counted_once(tmp_path: Path, engine: Engine) -> None:
    path = tmp_path / "obama.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    model, shown, text, in_headline = _read(path, engine)
    assert in_headline  # the engine finds the headline's quote: the reader leaves it out
    assert sum("Barack Obama :" in (line or "") for line in shown) == 1
    assert model.claims and all(claim.start > len(HEADLINE) for claim in model.claims)
    assert any("Le meilleur reste à venir" in claim.text for claim in model.claims)


@pytest.mark.model
def test_the_sample_without_a_title_line_keeps_every_claim(sample_path: Path, engine: Engine) -> None:
    model, shown, text, _ = _read(sample_path, engine)
    first_line = text.split("\n", 1)[0]
    assert sum(first_line[:40] in (line or "") for line in shown) == 1
    assert len(model.claims) == len(model.analysis.quotes)
