"""The reading state as reactive variables: the status line's words follow from it alone, and
the annotations' corrections reach the screen with the analysis, without polling."""

from __future__ import annotations

from pathlib import Path

from reader_harness import make_app, settle
from tui_samples import sample_analysis, sample_article

from guillemet.analysis_service.process import FixedAnalysisStream
from guillemet.annotations.model import Annotation, Body, Correction
from guillemet.annotations.session import AnnotationSession
from guillemet.reading.model import WAITING_FOR_ANALYSIS, ReadingModel
from guillemet.reading.search import SearchResults
from guillemet.reading.status import PLAIN_TEXT, ReadingState, status_words
from guillemet.tui.annotation_extension import make_extension
from guillemet.tui.app import ReaderApp
from guillemet.tui.reader_screen import ReaderScreen


def test_the_status_words_follow_from_the_state(article, analysis) -> None:
    model = ReadingModel.build(analysis)
    assert status_words(ReadingState(ReadingModel.empty(), None, True)).left == WAITING_FOR_ANALYSIS
    assert status_words(ReadingState(ReadingModel.empty(), None, False)).left == PLAIN_TEXT
    idle = status_words(ReadingState(model, analysis, False))
    assert idle.left == f"{len(model.claims)} claims" and idle.analysis is None and idle.filter is None
    speaker = model.claims[2].speaker
    filtered = status_words(ReadingState(model, analysis, False, current_claim=2, filter_speaker=speaker.id))
    assert filtered.left.startswith("Quote 3/") and filtered.filter == f"only {model.speaker_row(speaker.id).name}"
    results = SearchResults.find(article.text, "Ukraine")
    searched = status_words(ReadingState(model, analysis, False, search=results, current_match=1, article=(0, 3)))
    assert searched.search == f"“Ukraine” match 2/{len(results)}" and searched.article == "article 1/3 (< >)"
    partial = sample_analysis(article.text, analysed_to=len(article.text) // 2)
    running = status_words(ReadingState(ReadingModel.build(partial), partial, True, spinner_frame=1))
    assert running.analysis == "⠙ analysing 50%…"
    assert status_words(ReadingState(model, None, False, failed=True)).analysis == "no analysis"


async def test_setting_the_state_updates_view_panel_and_status(article, analysis) -> None:
    app = make_app(article, [analysis])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        reader = app.reader
        speaker = reader.model.claims[1].speaker
        reader.filter_speaker = speaker.id  # no key, no call: the watchers follow
        reader.current_claim = 1
        await pilot.pause()
        assert reader.article_view.filter_speaker == speaker.id and reader.article_view.current_claim == 1
        assert "only" in reader.status_line.render().plain and "Quote " in reader.status_line.left
        reader.search_results = SearchResults.find(article.text, "Moscou")
        await pilot.pause()
        assert reader.article_view.search is reader.search_results
        assert "“Moscou”" in reader.status_line.render().plain


async def test_corrections_are_in_the_first_analysis_shown(tmp_path: Path, sample_text: str) -> None:
    path = tmp_path / "article.txt"
    path.write_text(sample_text, encoding="utf-8")
    article = sample_article(sample_text, str(path))
    analysis = sample_analysis(sample_text, str(path))
    wrong = analysis.quotes[0]
    session = AnnotationSession.open(article)
    session.put(Annotation.create(sample_text, wrong.start, wrong.end, "editing",
                                  Body(correction=Correction("not-a-quote"))))
    session.save()
    shown: list[tuple[str, ...]] = []

    class Recording(ReaderApp):
        def on_reader_screen_analysis_shown(self, message: ReaderScreen.AnalysisShown) -> None:
            shown.append(tuple(q.id for q in message.analysis.quotes))

    app = Recording(article, FixedAnalysisStream([analysis]), extensions=[make_extension(article, {"sidecar": None})])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.pause(0.3)
    assert shown and all(wrong.id not in ids for ids in shown)  # never the engine's version first
    assert shown[-1] == tuple(q.id for q in analysis.quotes[1:])
