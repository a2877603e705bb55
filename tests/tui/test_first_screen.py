"""The first screen, painted before Textual is imported: the same lines as the app's first
frame, the colours of the recorded look, and a terminal given back as it was."""

from __future__ import annotations

import json
import os
import re
import select
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
from reader_harness import make_app

from guillemet.analysis.models import Analysis
from guillemet.article import Article
from guillemet.tui import first_screen as fs
from guillemet.tui.app import ReaderApp
from guillemet.tui.recorded_look import resolved_look
from guillemet.tui.themes import THEMES
from guillemet.reading.headings import header_lines
from guillemet.reading.layout import char_cells
from guillemet.reading.model import ReadingModel, speaker_details

SIZE = (120, 40)
CURSOR_TO = re.compile(r"\x1b\[(\d+);1H")
STYLE = re.compile(r"\x1b\[[0-9;?]*[a-zA-Z]")


def screen_lines(frame: str, width: int) -> list[str]:
    """What `frame` leaves on a terminal: one string per row (styles dropped)."""
    rows: dict[int, str] = {}
    parts = CURSOR_TO.split(frame)
    for index in range(1, len(parts), 2):
        rows[int(parts[index]) - 1] = STYLE.sub("", parts[index + 1])
    assert all(sum(char_cells(c) for c in line) == width for line in rows.values()), "every row fills the terminal"
    return [rows[y] for y in sorted(rows)]


def speaker_lines(model: ReadingModel) -> list[fs.SpeakerLine]:
    return [fs.SpeakerLine(row.name, speaker_details(len(row.claims), row.kind)) for row in model.speakers]


def paint_article(article: Article, look: fs.Look, model: ReadingModel | None = None, size=SIZE) -> str:
    title, meta = header_lines(article)
    if model is None:
        return fs.paint(article.text, title, meta, size, look, status="Reading…")
    return fs.paint(article.text, title, meta, size, look, runs=model.runs, speakers=speaker_lines(model),
                    status="11 claims")


def view_lines(app: ReaderApp) -> list[str]:
    """The view's lines, without the column kept for the scrollbar."""
    view = app.reader.article_view
    text_area = view.scrollable_content_region
    return [view.render_line(y).crop(0, text_area.width).text for y in range(text_area.height)]


async def test_the_plain_first_screen_is_the_app_first_frame(article: Article) -> None:
    look = fs.load_look("guillemet-dark")
    assert look is not None
    lines = screen_lines(paint_article(article, look), SIZE[0])
    app = make_app(article, [])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = view_lines(app)
        width = app.reader.article_view.scrollable_content_region.width
    assert width == SIZE[0] - fs.lay.side_width(SIZE[0]) - fs.SCROLLBAR
    assert len(shown) == SIZE[1] - 2  # the status line and the footer under the view
    assert [line[:width] for line in lines[: len(shown)]] == shown
    assert lines[SIZE[1] - 2].strip().startswith("Reading…")
    assert "première depuis octobre 2022" in "".join(lines)


@pytest.mark.parametrize("size", [(50, 12), (53, 20), (80, 24), (81, 30)])
async def test_the_first_screen_fits_odd_sizes_and_wide_characters(size, tmp_path: Path) -> None:
    """Narrow views (the text is wider than the view: cut, as the app cuts it) and wide
    symbols (two cells each). Below 90 columns the side panel is folded away in both: the
    article has the whole width."""
    from guillemet.inputs import load_article

    path = tmp_path / "orage.txt"
    path.write_text("Alerte ⚡⚡⚡ orage sur la côte, « restez chez vous », dit la préfète.\n"
                    "Le vent souffle à 120 km/h ✅ selon Météo-France.\n", encoding="utf-8")
    article = load_article(str(path))
    look = fs.load_look("guillemet-dark")
    assert look is not None
    title, meta = header_lines(article)
    lines = screen_lines(fs.paint(article.text, title, meta, size, look), size[0])
    app = make_app(article, [])
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        shown = view_lines(app)
        width = app.reader.article_view.scrollable_content_region.width
    assert width == size[0] - fs.SCROLLBAR
    assert [fs._fit(line, width) for line in lines[: len(shown)]] == shown
    assert all("▏" not in line for line in lines)  # no side panel's border


async def test_the_cached_first_screen_has_the_speakers_and_the_app_starts_with_them(
    article: Article, analysis: Analysis
) -> None:
    model = ReadingModel.build(analysis)
    look = fs.load_look("guillemet-dark")
    assert look is not None
    lines = screen_lines(paint_article(article, look, model), SIZE[0])
    app = ReaderApp(article, None, ready=(analysis, model))
    async with app.run_test(size=SIZE) as pilot:
        # before any pause: the panels and the analysis are there from the first frame
        assert app.reader.analysis is analysis
        await pilot.pause()
        shown = view_lines(app)
        width = app.reader.article_view.scrollable_content_region.width
        assert app.reader.speakers_panel.root.children
    assert [line[:width] for line in lines[: len(shown)]] == shown
    side = [line[SIZE[0] - fs.lay.side_width(SIZE[0]):] for line in lines]
    top = model.speakers[0]
    assert any(f"▶ {top.name}  {speaker_details(len(top.claims), top.kind)}" in line for line in side)


def test_the_analysis_colours_use_the_look(article: Article, analysis: Analysis) -> None:
    model = ReadingModel.build(analysis)
    look = fs.load_look("guillemet-light")
    assert look is not None
    frame = paint_article(article, look, model)
    person = next(e for e in analysis.entities if e.label == "PER")
    name = article.text[person.start:person.end]
    pen = look.layer("entity-per").over(look.view)
    assert pen.sgr() + name in frame or any(
        look.layer(key).over(pen).sgr() + name in frame for key in ("quote", "mention")
    )
    assert look.layer("gutter-quote").over(look.view).sgr() + "▎ " in frame


def test_a_book_is_not_wrapped_whole(article: Article) -> None:
    text = ("Une phrase assez longue pour remplir une ligne du lecteur. " * 30 + "\n") * 20_000
    look = fs.load_look("guillemet-dark")
    assert look is not None
    started = time.perf_counter()
    lines = screen_lines(fs.paint(text, None, (), SIZE, look), SIZE[0])
    assert len(lines) == SIZE[1] and lines[0].strip().startswith("Une phrase")
    assert time.perf_counter() - started < 5  # a bound against wrapping 12 MB, not a speed test


def test_a_recorded_look_wins_and_a_damaged_or_stale_one_is_ignored(tmp_path: Path) -> None:
    assert fs.load_look("nord", tmp_path) is None  # never shown, not shipped: no first screen
    look = fs.load_look("guillemet-dark", tmp_path)
    assert look is not None  # shipped with the package
    recorded = fs.Look(fs.Pen("#010203", "#040506"), {"entity-per": fs.Pen("#aabbcc", None, frozenset({"bold"}))},
                       look.side, look.border, look.status)
    assert fs.record_look("nord", recorded, tmp_path)
    assert fs.load_look("nord", tmp_path) == recorded
    stale = json.loads(fs.look_path("nord", tmp_path).read_text())
    fs.look_path("nord", tmp_path).write_text(json.dumps({**stale, "stylesheet": "another stylesheet"}))
    assert fs.load_look("nord", tmp_path) is None  # resolved from a stylesheet that changed since
    fs.look_path("nord", tmp_path).write_text('{"format": 2, "theme": "nord", "view": 3}')
    assert fs.load_look("nord", tmp_path) is None
    fs.look_path("guillemet-dark", tmp_path).write_bytes(b"\xff\x00 not json")
    assert fs.load_look("guillemet-dark", tmp_path) == look


@pytest.mark.parametrize("theme", [theme.name for theme in THEMES])
async def test_the_shipped_looks_are_what_the_app_resolves_from_the_stylesheet(theme: str) -> None:
    """The first screen's colours are the stylesheet's, resolved by Textual: if this fails, the
    stylesheet, the themes or Textual changed; run `python -m guillemet.tui.recorded_look`."""
    shipped = json.loads(fs.shipped_look_path(theme).read_text(encoding="utf-8"))
    assert shipped["stylesheet"] == fs.stylesheet_fingerprint()
    assert fs.Look.from_json(shipped) == await resolved_look(theme)


async def test_the_app_records_the_look_it_resolved(article: Article, analysis: Analysis) -> None:
    app = make_app(article, [analysis], theme="nord")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)
        palette_style = app.reader.article_view.palette.style(("entity-per",))
    recorded = fs.load_look("nord")
    assert recorded is not None
    assert recorded.layer("entity-per").fg == palette_style.color.get_truecolor().hex
    assert json.loads(fs.look_path("nord").read_text())["theme"] == "nord"


def test_no_first_screen_without_a_terminal() -> None:
    with fs.first_screen() as screen:  # pytest's standard input is not a terminal
        assert screen is None


def test_the_reader_paints_first_keeps_early_keys_and_restores_the_terminal(tmp_path: Path, sample_path) -> None:
    """The real command on a pseudo-terminal: the text shows, a `q` typed while the first screen
    shows quits the reader, and the terminal's settings are those it had before."""
    import fcntl
    import struct

    master, terminal = os.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
    before = termios.tcgetattr(terminal)
    env = dict(os.environ, TERM="xterm-256color", XDG_CONFIG_HOME=str(tmp_path / "config"),
               GUILLEMET_CACHE_DIR=str(tmp_path / "cache"))
    process = subprocess.Popen([sys.executable, "-m", "guillemet", str(sample_path)], stdin=terminal,
                               stdout=terminal, stderr=terminal, env=env, start_new_session=True)
    screen, typed = b"", False
    deadline = time.monotonic() + 60
    try:
        while process.poll() is None and time.monotonic() < deadline:
            if select.select([master], [], [], 0.05)[0]:
                screen += os.read(master, 1 << 16)
            if not typed and "première".encode() in screen:
                os.write(master, b"q")
                typed = True
        assert typed, screen[-2000:]
        assert process.wait(timeout=max(1.0, deadline - time.monotonic())) == 0
    finally:
        if process.poll() is None:
            process.kill()
        after = termios.tcgetattr(terminal)
        os.close(master)
        os.close(terminal)
    assert after[3] & (termios.ECHO | termios.ICANON) == before[3] & (termios.ECHO | termios.ICANON)
    assert b"\x1b[?1049l" in screen  # back on the main screen


@pytest.mark.parametrize("size", [(49, 40), (120, 11)])
def test_a_terminal_too_small_gets_no_first_screen(size, monkeypatch) -> None:
    monkeypatch.setenv("COLORTERM", "truecolor")
    monkeypatch.setattr(fs.os, "get_terminal_size", lambda fd: os.terminal_size(size))
    monkeypatch.setattr(fs.os, "isatty", lambda fd: True)

    class Terminal:
        def isatty(self) -> bool:
            return True

        def fileno(self) -> int:
            return 2

    monkeypatch.setattr(fs.sys, "__stderr__", Terminal())
    with fs.first_screen() as screen:
        assert screen is None


def test_the_colours_are_those_the_terminal_takes(article: Article) -> None:
    assert fs.colour_mode({"COLORTERM": "truecolor", "TERM": "xterm"}) == fs.TRUECOLOR
    assert fs.colour_mode({"TERM": "tmux-256color"}) == fs.XTERM_256
    assert fs.colour_mode({"TERM": "xterm"}) is None and fs.colour_mode({"TERM": "dumb"}) is None
    assert fs.colour_mode({"COLORTERM": "truecolor", "NO_COLOR": "1"}) is None
    assert [fs.xterm_256(rgb) for rgb in ((0, 0, 0), (255, 0, 0), (128, 128, 128), (25, 26, 35))] == [16, 196, 244, 234]
    look = fs.load_look("guillemet-dark")
    assert look is not None
    title, meta = header_lines(article)
    frame = fs.paint(article.text, title, meta, SIZE, look, colours=fs.XTERM_256)
    assert ";2;" not in frame and "48;5;234" in frame  # the dark background, in the palette
    assert screen_lines(frame, SIZE[0]) == screen_lines(fs.paint(article.text, title, meta, SIZE, look), SIZE[0])


def test_the_keys_are_held_as_the_app_will_read_them_and_given_back() -> None:
    master, terminal = os.openpty()
    try:
        before = termios.tcgetattr(terminal)
        screen = fs.FirstScreen(os.fdopen(os.dup(terminal), "w"), terminal)
        screen.hold_keys()
        held = termios.tcgetattr(terminal)
        assert not held[3] & (termios.ECHO | termios.ICANON)
        assert not held[0] & (termios.ICRNL | termios.IXON)  # a return stays a return
        assert held[3] & termios.ISIG  # ctrl+c still interrupts
        screen.give_back_keys()  # right before the app starts: it must save the user's own
        assert termios.tcgetattr(terminal) == before
        screen.restore(leave_screen=False)
        assert termios.tcgetattr(terminal) == before
    finally:
        os.close(master)
        os.close(terminal)


def test_without_a_look_of_this_stylesheet_nothing_is_painted(article: Article, tmp_path: Path) -> None:
    """A theme whose look is not at hand: no approximation, the app paints the first frame."""
    from guillemet.commands.read import build_parser, paint_first_screen

    class Screen:
        size = os.terminal_size(SIZE)
        colours = fs.TRUECOLOR
        frames: list[str] = []

        def show(self, frame: str) -> None:
            self.frames.append(frame)

    screen = Screen()
    assert paint_first_screen(screen, article, build_parser().parse_args(["x.txt", "--theme", "nord"])) is None
    assert screen.frames == []
    assert paint_first_screen(screen, article, build_parser().parse_args(["x.txt", "--no-cache"])) is None
    assert len(screen.frames) == 1  # the package's own theme: its shipped look
