"""Several articles open together: the Articles tab, `>` / `<`, enter on the list, a screen
per article in one reader, and annotations saved on every switch and read again on return."""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_harness import make_app, settle
from tui_samples import sample_analysis, sample_article

from guillemet.analysis_service.process import FixedAnalysisStream, ProcessAnalysisStream
from guillemet.article import Article
from guillemet.commands import read
from guillemet.reading.library import ArticleLibrary
from guillemet.tui.annotation_extension import AnnotationExtension, make_extension
from guillemet.tui.app import ReaderApp
from guillemet.tui.articles_panel import ArticlesPanel

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
        assert "article 1/3" in app.reader.status_line.render().plain


async def test_greater_than_opens_the_next_article_and_less_than_goes_round(article, analysis, library) -> None:
    app = make_app(article, [analysis], library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        first = app.reader
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert app.is_running and library.current == 1
        assert app.reader is not first and app.screen is app.reader and not first.is_attached
        assert app.reader.article.title == "Deuxième" and "Nous verrons" in app.reader.article_view.text
        assert "article 2/3" in app.reader.status_line.render().plain
        await pilot.press("less_than_sign", "less_than_sign")
        await pilot.pause()
        assert library.current == 2 and app.reader.article.title == "Troisième"
        assert len(app.screen_stack) == 1


async def test_l_shows_the_list_and_enter_opens_an_article_of_it(article, analysis, library) -> None:
    app = make_app(article, [analysis], library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("L")
        assert app.query_one("#side-tabs").active == "articles-tab"
        assert isinstance(app.focused, ArticlesPanel)
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert library.current == 2 and app.reader.article.title == "Troisième"
        assert app.focused is app.reader.article_view


async def test_with_one_article_the_keys_say_so_and_stay(article, analysis) -> None:
    app = make_app(article, [analysis], library=ArticleLibrary([article], background=False))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("greater_than_sign")
        assert app.is_running and not app.query("#articles")
        assert any("Only one article" in str(n.message) for n in app._notifications)


def annotated_reader(first: Article, library: ArticleLibrary, text: str) -> ReaderApp:
    """The reader with the annotations on every article, as the command builds it."""

    def reader_parts(article: Article):  # type: ignore[no-untyped-def]
        analyses = [sample_analysis(text, article.source)] if article is first else []
        return FixedAnalysisStream(analyses), [make_extension(article, {"sidecar": None})]

    source, extensions = reader_parts(first)
    return ReaderApp(first, source, extensions=extensions, library=library, reader_parts=reader_parts)


async def test_switching_saves_the_annotations_of_the_article_left(tmp_path: Path, sample_text: str) -> None:
    path = tmp_path / "article.txt"
    path.write_text(sample_text, encoding="utf-8")
    first = sample_article(sample_text, str(path))
    library = ArticleLibrary([first, other_article("Deuxième")], background=False)
    app = annotated_reader(first, library, sample_text)
    saved = Path(str(path) + ".guillemet.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("n", "h", "greater_than_sign")  # highlight a claim, then leave at once
        await pilot.pause()
        assert library.current == 1 and app.is_running
        assert saved.exists() and "highlighting" in saved.read_text(encoding="utf-8")
        await pilot.press("greater_than_sign")  # back: the highlight is read again and drawn
        await settle(pilot, app)
        (extension,) = app.reader.extensions
        assert [a.motivation for a in extension.session.annotations()] == ["highlighting"]
        highlight = extension.session.annotations()[0].span
        assert "highlight" in app.reader.article_view.extra_runs.keys_over(*highlight)


def test_the_command_gives_each_article_its_own_analysis_and_annotations(tmp_path: Path) -> None:
    paths = []
    for name in ("un", "deux"):
        paths.append(tmp_path / f"{name}.txt")
        paths[-1].write_text(f"Article {name}.\n« Oui », a dit Paul Martin.", encoding="utf-8")
    app, errors = read.build_app([str(p) for p in paths])
    assert not errors and app.reader.article.source == str(paths[0])
    source, extensions = app.reader_parts(app.library.articles[1])
    assert isinstance(source, ProcessAnalysisStream) and source is not app.reader.source
    (extension,) = [e for e in extensions if isinstance(e, AnnotationExtension)]
    assert extension.session.path == Path(str(paths[1]) + ".guillemet.json")
    app.library.stop()


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
