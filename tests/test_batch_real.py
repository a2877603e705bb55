"""Batch extraction with the real engine: worker processes give exactly the single-process result."""

from __future__ import annotations

from pathlib import Path

import pytest

from guillemet.batch import BatchExtractor

pytestmark = pytest.mark.model

MODEL = "fr_core_news_md"


@pytest.fixture
def articles(tmp_path: Path, sample_text: str) -> list[str]:
    """The sample, cut into four articles of a few paragraphs, plus one missing file."""
    paragraphs = [p for p in sample_text.split("\n") if p.strip()]
    quarter = max(1, len(paragraphs) // 4)
    paths = []
    for number in range(4):
        path = tmp_path / f"part-{number}.txt"
        path.write_text("\n".join(paragraphs[number * quarter : (number + 1) * quarter]) + "\n")
        paths.append(str(path))
    paths.insert(2, str(tmp_path / "missing.txt"))
    return paths


def test_two_workers_give_the_same_analyses_as_one_process(articles):
    single = list(BatchExtractor(MODEL, chunk_chars=1).run(articles))
    with BatchExtractor(MODEL, jobs=2, chunk_chars=1) as batch:
        parallel = list(batch.run(articles))

    assert [o.source for o in parallel] == articles
    assert [o.error for o in parallel] == [o.error for o in single]
    assert [o.analysis for o in parallel] == [o.analysis for o in single]
    assert sum(o.ok for o in single) == 4
    assert any(o.analysis.entities for o in single if o.analysis)
