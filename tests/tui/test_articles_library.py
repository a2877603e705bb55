"""Several articles open together: the Articles tab, `>` / `<`, enter on the list, the
command's loop that reopens the reader, and annotations saved on every switch."""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_harness import make_app, settle
from tui_samples import sample_analysis, sample_article

import guillemet.tui.app as app_module
from guillemet.article import Article
from guillemet.commands import read
from guillemet.tui.annotation_extension import make_extension
from guillemet.tui.articles_panel import ArticlesPanel
from guillemet.reading.library import ArticleLibrary, SwitchArticle

SIZE = (120, 40)


def other_article(title: str) -> Article:
    text = f"{title}\n« Nous verrons », a déclaré Paul Martin."
    return Article(text=text, source=f"{title}.txt", title=title)


@pytest.fixture()
def library(article: Article) -> ArticleLibrary:
    return ArticleLibrary([article, other_article("Deuxième"), other_article("Troisième")], background=False)


def panel_lines(app) -> list[str]:
    panel = app.query_one("#articles", ArticlesPanel)
    return [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]


async def test_the_articles_tab_lists_titles_and_the_counts_known(article, analysis, library) -> None:
    app = make_app(article, [analysis], library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.pause(0.6)  # the list is redrawn on a timer
        lines = panel_lines(app)
        assert lines[0].startswith("▶ 1. ") and f"{len(analysis.quotes)} quotes" in lines[0]
        assert "2. Deuxième" in lines[1] and "analysing…" in lines[1]
        assert "article 1/3" in app.status_line.render().plain


async def test_greater_than_opens_the_next_article_and_less_than_goes_round(article, analysis, library) -> None:
    app = make_app(article, [analysis], library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("greater_than_sign")
    assert app.return_value == SwitchArticle(1)
    app = make_app(article, [analysis], library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("less_than_sign")
    assert app.return_value == SwitchArticle(2)


async def test_l_shows_the_list_and_enter_opens_an_article_of_it(article, analysis, library) -> None:
    app = make_app(article, [analysis], library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("L")
        assert app.query_one("#side-tabs").active == "articles-tab"
        assert isinstance(app.focused, ArticlesPanel)
        await pilot.press("down", "down", "enter")
    assert app.return_value == SwitchArticle(2)


async def test_with_one_article_the_keys_say_so_and_stay(article, analysis) -> None:
    app = make_app(article, [analysis], library=ArticleLibrary([article], background=False))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("greater_than_sign")
        assert app.is_running and not app.query("#articles")
        assert any("Only one article" in str(n.message) for n in app._notifications)


async def test_switching_saves_the_annotations_of_the_article_left(tmp_path: Path, sample_text: str) -> None:
    path = tmp_path / "article.txt"
    path.write_text(sample_text, encoding="utf-8")
    first = sample_article(sample_text, str(path))
    library = ArticleLibrary([first, other_article("Deuxième")], background=False)
    extension = make_extension(first, {"sidecar": None})
    app = make_app(first, [sample_analysis(sample_text, str(path))], extensions=[extension], library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("n", "h", "greater_than_sign")  # highlight a claim, then leave at once
    assert app.return_value == SwitchArticle(1)
    saved = Path(str(path) + ".guillemet.json")
    assert saved.exists() and "highlighting" in saved.read_text(encoding="utf-8")


def test_the_command_reopens_the_reader_on_the_chosen_article(tmp_path: Path, monkeypatch) -> None:
    paths = []
    for name in ("un", "deux"):
        paths.append(tmp_path / f"{name}.txt")
        paths[-1].write_text(f"Article {name}.\n« Oui », a dit Paul Martin.", encoding="utf-8")
    shown: list[str] = []
    answers = iter([SwitchArticle(1), SwitchArticle(0), None])

    def fake_run(self):
        shown.append(Path(self.article.source).name)
        return next(answers)

    monkeypatch.setattr(app_module.ReaderApp, "run", fake_run)
    monkeypatch.setattr(read, "require_terminal", lambda from_stdin: None)  # no terminal here
    stopped = []
    monkeypatch.setattr(ArticleLibrary, "stop", lambda self: stopped.append(True))
    assert read.run([str(p) for p in paths]) == 0
    assert shown == ["un.txt", "deux.txt", "un.txt"] and stopped == [True]


def test_sidecar_with_several_articles_is_refused(tmp_path: Path, sample_path, capsys) -> None:
    from guillemet.cli import main

    other = tmp_path / "other.txt"
    other.write_text("Un autre article.", encoding="utf-8")
    assert main([str(sample_path), str(other), "--sidecar", str(tmp_path / "notes.json")]) == 2
    assert "--sidecar" in capsys.readouterr().err


@pytest.mark.model
def test_the_background_pass_counts_the_other_articles_and_fills_the_cache() -> None:
    import time

    from guillemet.analysis.engine import DEFAULT_MODEL
    from guillemet.analysis_service.process import cached_analysis

    articles = [other_article("Premier"), other_article("Deuxième"),
                Article(text="Il pleut sur Lyon depuis mardi.", source="pluie.txt")]
    library = ArticleLibrary(articles)
    library.record(0, 1)  # the reader's own analysis of the article on screen
    library.start_background()
    deadline = time.monotonic() + 120
    while (library.count(1) is None or library.count(2) is None) and time.monotonic() < deadline:
        assert library.failed is None, library.failed
        time.sleep(0.1)
    library.stop()
    assert library.count(1) == 1 and library.count(2) == 0
    cached = cached_analysis(articles[1], DEFAULT_MODEL)
    assert cached is not None and len(cached.quotes) == 1
