"""The reader with the real engine: the spaCy model in a spawned process, and without it.

The model is a real dependency, never mocked: one test runs the whole path (cache off, the
analysis process spawned, the model loaded there); the others reuse one in-process analysis
per session.
"""

from __future__ import annotations

import pytest
from reader_harness import make_app, settle

from guillemet.analysis.models import Analysis
from guillemet.commands.read import build_app
from guillemet.tui.app import ReaderApp

pytestmark = pytest.mark.model


@pytest.fixture(scope="session")
def real_analysis(sample_text: str) -> Analysis:
    from guillemet.analysis.engine import DEFAULT_MODEL, Engine

    return Engine(DEFAULT_MODEL).analyse(sample_text, "seeds/lecornu-choigou.txt")


async def test_the_spawned_analysis_reaches_the_reader(sample_path) -> None:
    app, errors = build_app([str(sample_path), "--no-cache"])
    assert errors == []
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.reader.analysing  # the text is on screen while the model loads elsewhere
        assert "analysing" in app.reader.status_line.right_parts["analysis"]
        await settle(pilot, app, timeout=120)
        assert app.reader.analysis is not None and app.reader.analysis.complete
        assert app.reader.analysis.text_sha256 == app.reader.article.sha256
        assert any(e.label == "PER" for e in app.reader.analysis.entities)


async def test_a_model_that_is_not_installed_leaves_the_article_readable(sample_path) -> None:
    app, _ = build_app([str(sample_path), "--model", "fr_core_news_nothing", "--no-cache"])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app, timeout=120)
        assert app.reader.analysis is None
        messages = " ".join(n.message for n in app._notifications)
        assert "fr_core_news_nothing" in messages and "not installed" in messages
        await pilot.press("j")
        assert app.reader.article_view.scroll_offset.y == 1


async def test_keys_work_on_the_real_analysis(article, real_analysis: Analysis) -> None:
    app: ReaderApp = make_app(article, [real_analysis])
    async with app.run_test(size=(100, 16)) as pilot:
        await settle(pilot, app)
        rows = app.reader.speakers_panel.root.children
        assert len(app.reader.model.speakers) == len(real_analysis.speakers)
        assert len(rows) == max(1, len(real_analysis.speakers))
        await pilot.press("e")
        first = app.reader.model.entities[0]
        assert app.reader.article_view.focus_span == (first.start, first.end)
        if real_analysis.quotes:
            await pilot.press("n")
            assert app.reader.current_claim == 0
            await pilot.press("s", "backspace")
            assert app.reader.current_claim == 0
