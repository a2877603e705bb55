"""The speaker library in the reader: recording the article opened, `w` (the speaker's quotes in
the other articles), opening one at its quote and coming back, the Voices tab, and a library
that is damaged or switched off."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader_harness import SIZE, make_app, settle, spy_notifications
from textual.pilot import Pilot
from rich.console import Group
from textual.widgets import OptionList, Static, TabbedContent

from guillemet.analysis.models import Analysis, Quote, Speaker, SpeakerRef, Span
from guillemet.analysis_service.process import FixedAnalysisStream
from guillemet.article import Article
from guillemet.speaker_library import open_library
from guillemet.speaker_library.reader_side import reader_library_path
from guillemet.tui.app import ReaderApp
from guillemet.tui.elsewhere_screen import ElsewhereReaderScreen
from guillemet.tui.library_extension import LibraryExtension
from guillemet.tui.quotes_elsewhere import QuotesElsewhere
from guillemet.tui.voices_tab import VoicesTab, bar, voices_chart

OTHER_QUOTE = "nous resterons aux côtés de l’Ukraine aussi longtemps qu’il le faudra"


def other_article(folder: Path) -> tuple[Article, Analysis]:
    """An article on disk quoting Sébastien Lecornu once, with its hand-made analysis."""
    text = ("Soutien militaire\n\nLe ministre des Armées Sébastien Lecornu a déclaré : "
            f"« {OTHER_QUOTE} ». La séance a été levée.\n")
    path = folder / "soutien.txt"
    path.write_text(text, encoding="utf-8")
    start = text.index(OTHER_QUOTE)
    mention = Span(text.index("Sébastien"), text.index("Sébastien") + len("Sébastien Lecornu"), "Sébastien Lecornu")
    cue = Span(text.index("a déclaré"), text.index("a déclaré") + len("a déclaré"), "a déclaré")
    analysis = Analysis(
        source=str(path), language="fr", model="hand-made",
        text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        speakers=(Speaker("s1", "Sébastien Lecornu", "person", (mention,)),),
        quotes=(Quote("q1", start, start + len(OTHER_QUOTE), OTHER_QUOTE, "direct", cue,
                      SpeakerRef("s1", "Sébastien Lecornu"), mention),),
        text_length=len(text), analysed_to=len(text),
        metadata={"source": str(path), "title": "Soutien militaire", "date": "2024-04-02"},
    )
    return Article(text=text, source=str(path), title="Soutien militaire"), analysis


def library_with(path: Path, *recorded: tuple[Article, Analysis]) -> Path:
    library, notice = open_library(path)
    assert notice is None
    with library:
        for article, analysis in recorded:
            library.record(analysis, article.text)
    return path


def library_of_another_article(folder: Path) -> tuple[Article, Analysis, Path]:
    """The other article (`other_article`), its analysis, and a library in `folder` that holds it."""
    other, other_analysis = other_article(folder)
    return other, other_analysis, library_with(folder / "speakers.sqlite3", (other, other_analysis))


def reader(article: Article, analysis: Analysis, library: Path, others: dict[str, Analysis],
           disabled: bool = False) -> ReaderApp:
    """The reader on `article`; an article opened from the library gets its analysis from
    `others` (by source) and the library extension too."""

    def reader_parts(opened: Article) -> tuple[Any, Any]:
        return FixedAnalysisStream([others[opened.source]]), [LibraryExtension(opened, str(library))]

    return make_app(article, [analysis], extensions=[LibraryExtension(article, str(library), disabled)],
                    reader_parts=reader_parts)


async def until(pilot: Pilot, condition: Callable[[], object], timeout: float = 10.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "never happened"
        await pilot.pause(0.02)


def extension_of(app: ReaderApp) -> LibraryExtension:
    return next(e for e in app.reader.extensions if isinstance(e, LibraryExtension))


async def test_the_article_opened_is_recorded_once_its_analysis_is_complete(article, analysis, tmp_path) -> None:
    path = tmp_path / "speakers.sqlite3"
    app = reader(article, analysis, path, {})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await until(pilot, lambda: path.exists() and extension_of(app).recorded)
        await app.workers.wait_for_complete()
    library, _ = open_library(path)
    with library:
        assert library.article_count() == 1
        _, quotes = library.who("Sébastien Lecornu")
    assert {q.text for q in quotes} == {q.text for q in analysis.quotes if q.speaker.id == "lecornu"}


async def test_w_lists_the_speakers_quotes_elsewhere_and_enter_opens_one_backspace_returns(
        article, analysis, tmp_path) -> None:
    other, other_analysis, path = library_of_another_article(tmp_path)
    app = reader(article, analysis, path, {other.source: other_analysis})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        first = app.reader
        await pilot.press("n")  # the first claim: Sébastien Lecornu's
        assert first.current_quote.speaker.name == "Sébastien Lecornu"
        claim, top = first.current_claim, first.article_view.scroll_offset.y
        await pilot.press("w")
        await until(pilot, lambda: isinstance(app.screen, QuotesElsewhere))
        listing = app.screen
        assert [q.text for q in listing.quotes] == [OTHER_QUOTE]
        row = str(listing.query_one(OptionList).get_option_at_index(0).prompt)
        assert "Soutien militaire" in row and "2024-04-02" in row and "direct" in row and OTHER_QUOTE in row
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ElsewhereReaderScreen))
        opened = app.screen
        assert app.reader is opened and opened.article.source == other.source
        await until(pilot, lambda: opened.current_quote is not None)
        assert opened.current_quote.text == OTHER_QUOTE
        await pilot.press("backspace")
        await until(pilot, lambda: app.screen is first)
        assert app.reader is first
        assert (first.current_claim, first.article_view.scroll_offset.y) == (claim, top)


async def test_w_on_the_speakers_panel_cursor_and_a_speaker_quoted_nowhere_else(article, analysis, tmp_path) -> None:
    _, _, path = library_of_another_article(tmp_path)
    app = reader(article, analysis, path, {})
    seen = spy_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        panel = app.reader.speakers_panel
        panel.focus()
        await pilot.pause()
        rows = [node for node in panel.root.children if node.data is not None]
        panel.move_cursor(next(n for n in rows if n.data.speaker_id == "choigou"))
        await pilot.press("w")
        await until(pilot, lambda: any("quoted in none" in m for m in seen))
        assert any(m.startswith("Sergueï Choïgou is quoted in none of the") for m in seen)
        assert not isinstance(app.screen, QuotesElsewhere)


async def test_w_with_no_claim_takes_the_panels_cursor_while_the_panel_is_shown(article, analysis, tmp_path) -> None:
    _, _, path = library_of_another_article(tmp_path)
    app = reader(article, analysis, path, {})
    seen = spy_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("w")  # no claim yet: the cursor's speaker, the first of the panel
        await until(pilot, lambda: isinstance(app.screen, QuotesElsewhere))
        assert app.screen.speaker == "Sébastien Lecornu"
        await pilot.press("escape")
        tab = app.reader.query_one(VoicesTab)
        app.reader.query_one("#side-tabs", TabbedContent).active = tab.parent.id
        await pilot.pause()
        await pilot.press("w")  # the panel is hidden behind another tab: no speaker on hand
        assert any(m.startswith("Choose a speaker first") for m in seen)


async def test_a_quote_whose_article_file_is_gone_is_said_in_one_line(article, analysis, tmp_path) -> None:
    other, _, path = library_of_another_article(tmp_path)
    Path(other.source).unlink()
    app = reader(article, analysis, path, {})
    seen = spy_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        first = app.reader
        await pilot.press("n", "w")
        await until(pilot, lambda: isinstance(app.screen, QuotesElsewhere))
        await pilot.press("enter")
        await until(pilot, lambda: any("is gone" in m for m in seen))
        assert app.screen is first and app.reader is first
        assert [m for m in seen if "is gone" in m] == [f"{other.source} is gone: the article cannot be opened."]


async def test_escape_closes_the_list_where_the_reader_was(article, analysis, tmp_path) -> None:
    _, _, path = library_of_another_article(tmp_path)
    app = reader(article, analysis, path, {})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        first = app.reader
        await pilot.press("n", "w")
        await until(pilot, lambda: isinstance(app.screen, QuotesElsewhere))
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is first and first.current_claim == 0


async def test_the_voices_tab_shows_shares_by_speaker_and_kind_and_the_people_quoted(
        article, analysis, tmp_path) -> None:
    app = reader(article, analysis, tmp_path / "speakers.sqlite3", {})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        tab = app.reader.query_one(VoicesTab)
        await until(pilot, lambda: tab.voices is not None)
        tabs = app.reader.query_one("#side-tabs", TabbedContent)
        tabs.active = tab.parent.id
        await pilot.pause()
        assert tab.is_on_screen
        voices = tab.voices
        assert voices.quotes == len(analysis.quotes)
        by_name = {voice.name: voice for voice in voices.speakers}
        assert by_name["Sébastien Lecornu"].quotes == by_name["Sergueï Choïgou"].quotes == 3
        assert voices.people == 3  # Lecornu, Choïgou, Macron
        assert isinstance(tab.query_one(Static).content, Group)  # the chart, not the waiting line
        lines = _chart_text(voices, tab.scrollable_content_region.width)
        assert "Sébastien Lecornu" in lines and "By kind" in lines and "People quoted: 3" in lines
        assert " 33 %" in lines  # three of the nine quotes
        assert "women" in lines and "men" in lines and "unknown" in lines


def _chart_text(voices: Any, width: int) -> str:
    from rich.console import Console

    console = Console(width=width, record=True, color_system=None)
    console.print(voices_chart(voices, width))
    return console.export_text()


def test_bars_fill_to_an_eighth_of_a_cell() -> None:
    assert bar(0.0, 4) == "    "
    assert bar(1.0, 4) == "████"
    assert bar(0.5, 4) == "██  "
    assert bar(1 / 32, 4) == "▏   "


async def test_a_damaged_library_is_one_notification_and_the_reader_goes_on(article, analysis, tmp_path) -> None:
    path = tmp_path / "speakers.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    app = reader(article, analysis, path, {})
    seen = spy_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await until(pilot, lambda: any("set aside" in m for m in seen))
        await pilot.press("n", "n")
        assert app.reader.current_claim == 1
        assert app.reader.analysis.quotes == analysis.quotes
    assert list(tmp_path.glob("speakers.sqlite3.damaged-*"))


async def test_a_library_that_cannot_be_opened_never_stops_the_reader(article, analysis, tmp_path) -> None:
    path = tmp_path / "a-folder"
    path.mkdir()
    app = reader(article, analysis, path, {})
    seen = spy_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await until(pilot, lambda: any("is a folder" in m for m in seen))
        await pilot.press("n", "w")
        await until(pilot, lambda: sum("is a folder" in m for m in seen) == 2)
        assert app.screen is app.reader and app.reader.current_claim == 0


async def test_switched_off_the_reader_records_nothing_and_w_says_so(article, analysis, tmp_path) -> None:
    path = tmp_path / "speakers.sqlite3"
    app = reader(article, analysis, path, {}, disabled=True)
    seen = spy_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        tab = app.reader.query_one(VoicesTab)
        await until(pilot, lambda: tab.voices is not None)  # the Voices tab needs no library
        await pilot.press("n", "w")
        await until(pilot, lambda: any("library is off" in m for m in seen))
    assert not path.exists()


def test_the_library_is_off_with_the_flag_or_the_variable(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("GUILLEMET_LIBRARY", "off")
    assert reader_library_path(None) is None
    assert reader_library_path(str(tmp_path / "x.sqlite3")) == tmp_path / "x.sqlite3"
    monkeypatch.setenv("GUILLEMET_LIBRARY", str(tmp_path / "env.sqlite3"))
    assert reader_library_path(None) == tmp_path / "env.sqlite3"
    assert reader_library_path(None, disabled=True) is None


def test_the_command_hands_its_library_options_to_the_extension(tmp_path, sample_path) -> None:
    from guillemet.commands.read import build_app

    chosen = tmp_path / "mine.sqlite3"
    app, _ = build_app([str(sample_path), "--library", str(chosen)])
    extension = next(e for e in app.reader.extensions if isinstance(e, LibraryExtension))
    assert (extension.library_option, extension.disabled) == (str(chosen), False)
    app, _ = build_app([str(sample_path), "--no-library"])
    extension = next(e for e in app.reader.extensions if isinstance(e, LibraryExtension))
    assert extension.disabled


def test_w_is_in_the_help_and_the_palette(article, analysis, tmp_path) -> None:
    app = reader(article, analysis, tmp_path / "speakers.sqlite3", {})
    commands = {c.id: c for c in app.reader.all_commands()}
    assert commands["speaker.elsewhere"].key == "w"
    assert "speaker.elsewhere" in {b.id for b in type(app.reader).BINDINGS if hasattr(b, "id")}
