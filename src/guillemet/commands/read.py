"""`guillemet ARTICLE...`: open articles in the reader.

    guillemet ARTICLE [ARTICLE...] [--model NAME] [--no-cache] [--light | --theme NAME]
                      [--sidecar PATH] [--library PATH | --no-library]

Several articles open one at a time, each on its own screen of one reader, with a list of them
in the reader's "Articles" tab and `>` / `<` to go from one to the next.

The articles are loaded before the app starts, so a bad input gets the same one-line error as
`guillemet extract` (exit 2) instead of a broken screen; inputs that load are still opened.
Textual is imported only after that, and the engine module not before the first paint (the
analysis source resolves the default model in its own thread). The analysis runs in a separate
process started by the app (the cache first), so the text is on screen before spaCy is even
imported.

Exit status: 0; 2 if an input could not be opened, `--sidecar` names a path that cannot be
an annotations file (a folder, a file that is not a guillemet sidecar) or there is no terminal
to show the reader on (`require_terminal`); 1 if the reader chose
to leave annotations unsaved; 128 + the signal's number after SIGTERM or SIGHUP (the reader
saves and gives the terminal back first, see `guillemet.tui.closing_signals`).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path
from typing import Any

from guillemet.article import Article
from guillemet.errors import GuillemetError
from guillemet.inputs import STDIN
from guillemet.inputs import load_articles as load_all


FRAMES_PER_SECOND = "240"
"""Textual's highest frame rate, unless the user sets `TEXTUAL_FPS`. It is a cap, not a rate:
Textual makes a frame only when something changed. But a frame made between two of its ticks
(the analysis indicator's, every 0.12 s) puts the next tick one to two periods later, and a key
pressed then waits for that tick: up to 33 ms at Textual's default of 60, 8 ms at 240. While
the analysis ran, keys waited 16 ms (median) at 60 and 5 ms at 240."""


def build_parser() -> argparse.ArgumentParser:
    """The reader's options, also shown by `guillemet --help`."""
    parser = argparse.ArgumentParser(
        prog="guillemet",
        description="Read news articles and see who said what. "
        "Other commands: `guillemet extract`, `guillemet export`.",
    )
    parser.add_argument("articles", nargs="+", metavar="ARTICLE",
                        help="article files ('-' reads standard input)")
    parser.add_argument("--model", default=None,
                        help="installed spaCy pipeline (default: the engine's French model)")
    parser.add_argument("--no-cache", action="store_true",
                        help="analyse again instead of using the analysis cache")
    themes = parser.add_mutually_exclusive_group()
    themes.add_argument("--light", action="store_true", help="use the light theme")
    themes.add_argument("--theme", default=None, help="a Textual theme name")
    parser.add_argument("--sidecar", default=None, metavar="PATH",
                        help="where to keep your annotations (default: next to the article)")
    library = parser.add_mutually_exclusive_group()
    library.add_argument("--library", default=None, metavar="PATH",
                         help="the speaker library the reader records each article in (default: "
                              "$GUILLEMET_LIBRARY, else speakers.sqlite3 in the user data folder)")
    library.add_argument("--no-library", action="store_true",
                         help="record nothing in the speaker library (as GUILLEMET_LIBRARY=off)")
    return parser


def load_articles(specs: list[str]) -> tuple[list[Article], list[GuillemetError]]:
    """Every article that loads, and the errors of those that do not (standard input is
    read once: a second `-` is an error)."""
    articles: list[Article] = []
    errors: list[GuillemetError] = []
    for loaded in load_all(specs):
        if isinstance(loaded, Article):
            articles.append(loaded)
        else:
            errors.append(loaded)
    return articles, errors


NO_TERMINAL = ("there is no terminal to show the reader on (standard output is not one); "
               "use `guillemet extract` or `guillemet export` instead")


def keyboard_from_terminal(reason: str = "the article came from standard input") -> None:
    """The keys must come from the terminal itself when standard input is not it (the
    article came through it, or it is /dev/null): the reader reads keys from file
    descriptor 0, which is made the terminal. No terminal: one line, exit 2."""
    if sys.stdin is not None and sys.stdin.isatty():
        return
    try:
        terminal = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        raise GuillemetError(
            f"{reason} and there is no terminal to read keys from; "
            "use `guillemet extract` or `guillemet export` instead"
        ) from None
    os.dup2(terminal, 0)
    os.close(terminal)


def require_terminal(articles_from_stdin: bool) -> None:
    """Stop in one line (exit 2) before Textual starts when there is no terminal to read on:
    without one the reader would draw into a pipe or a file and wait for keys that never
    come (`setsid guillemet FILE </dev/null` ran until killed). Keys come from the
    controlling terminal when standard input is something else."""
    stdout = sys.stdout
    if stdout is None or not stdout.isatty():
        raise GuillemetError(NO_TERMINAL)
    keyboard_from_terminal("the article came from standard input" if articles_from_stdin
                           else "standard input is not a terminal")


def run(args: list[str]) -> int:
    """Open the reader on the articles in `args`; the exit status is in the module docstring."""
    from guillemet.tui.closing_signals import ClosedBySignal, signals_end_the_command

    try:
        with signals_end_the_command():
            return _run(build_parser().parse_args(args))
    except ClosedBySignal as closed:
        return closed.status


def _run(options: argparse.Namespace) -> int:
    """`run` once the options are known: the reader, then what it had to say on standard
    error."""
    articles, errors = loaded_articles(options)
    for error in errors:
        print(f"guillemet: {error}", file=sys.stderr)
    require_terminal(STDIN in options.articles)
    notices = [str(error) for error in errors]
    status = 2 if errors else 0
    report: list[str] = []
    from guillemet.tui.first_screen import first_screen

    with first_screen() as screen:
        ready = paint_first_screen(screen, articles[0], options) if screen is not None else None
        library = article_library(articles, options)
        try:
            app = reader_for(library, options, notices, ready)
            if screen is not None:
                screen.give_back_keys()
            app.run()
            status = max(status, app.return_code or 0)
            report += app.leaving_report
        finally:
            library.stop()
    say_on_leaving(report)
    return status


def say_on_leaving(report: list[str]) -> None:
    """What the readers had to say, once the terminal is back (annotations left unsaved, or
    saved elsewhere on a signal). After SIGHUP there may be no terminal to say it on."""
    for line in report:
        with contextlib.suppress(OSError):
            print(f"guillemet: {line}", file=sys.stderr, flush=True)


def theme_of(options: argparse.Namespace) -> str:
    """The theme the options ask for."""
    from guillemet.tui.theme_colours import DARK_NAME, LIGHT_NAME

    return options.theme or (LIGHT_NAME if options.light else DARK_NAME)


def paint_first_screen(screen: Any, article: Article, options: argparse.Namespace) -> Any:
    """Paint the reader's first screen before Textual is imported (see
    `guillemet.tui.first_screen`): the plain article at once, then, if its analysis is cached,
    the colours and the speakers. Returns that analysis with its reading model, for the app
    to show in its first frame, or None. A first screen that fails is no reason not to read:
    the app draws its own."""
    try:
        return _paint_first_screen(screen, article, options)
    except Exception:  # noqa: BLE001 - a head start, never a failure
        return None


def _paint_first_screen(screen: Any, article: Article, options: argparse.Namespace) -> Any:
    from guillemet.tui.first_screen import SpeakerLine, load_look, paint
    from guillemet.reading.headings import header_lines
    from guillemet.reading.model import WAITING_FOR_ANALYSIS

    look = load_look(theme_of(options))
    if look is None:
        return None
    title, meta = header_lines(article)
    size = (screen.size.columns, screen.size.lines)
    screen.show(paint(article.text, title, meta, size, look, colours=screen.colours,
                      status=WAITING_FOR_ANALYSIS, status_right="⠋ analysing…"))
    if options.no_cache:
        return None
    from guillemet.analysis import DEFAULT_MODEL
    from guillemet.analysis_service.process import cached_analysis
    from guillemet.analysis_service.long_lived import long_lived_allocations
    from guillemet.reading.model import ReadingModel, claim_summary, speaker_details

    with long_lived_allocations():
        analysis = cached_analysis(article, options.model or DEFAULT_MODEL)
        model = ReadingModel.build(analysis) if analysis is not None else None
    if analysis is None or model is None:
        return None
    speakers = [SpeakerLine(row.name, speaker_details(len(row.claims), row.kind)) for row in model.speakers]
    screen.show(paint(article.text, title, meta, size, look, colours=screen.colours, runs=model.runs,
                      speakers=speakers, status=claim_summary(None, 0, len(model.claims))))
    return analysis, model


def loaded_articles(options: argparse.Namespace) -> tuple[list[Article], list[GuillemetError]]:
    """The articles of `options` that load, and the errors of the others.

    Raises the first input's error when none of them can be opened, and refuses `--sidecar`
    with several articles or on a path that cannot be an annotations file.
    """
    check_sidecar(options.sidecar)
    articles, errors = load_articles(options.articles)
    if not articles:
        raise errors[0]
    if options.sidecar and len(articles) > 1:
        raise GuillemetError("--sidecar names the annotations file of one article; give one article with it")
    return articles, errors


def check_sidecar(option: str | None) -> None:
    """Refuse, in one line, a `--sidecar` that is a folder, a file that is not a guillemet
    sidecar (opening it would move the reader's own file aside as damaged), or a file in a
    missing folder."""
    if option is None:
        return
    from guillemet.annotations.sidecar import sidecar_path_problem

    problem = sidecar_path_problem(Path(option))
    if problem is not None:
        raise GuillemetError(problem)


def article_library(articles: list[Article], options: argparse.Namespace) -> Any:
    """The articles, opened together (see `guillemet.reading.library`)."""
    from guillemet.reading.library import ArticleLibrary

    return ArticleLibrary(articles, options.model, use_cache=not options.no_cache)


def build_app(args: list[str]) -> tuple[Any, list[GuillemetError]]:
    """The reader app for `args` (not started) on the first article that opens, and the
    inputs that could not be opened."""
    options = build_parser().parse_args(args)
    articles, errors = loaded_articles(options)
    return reader_for(article_library(articles, options), options, [str(error) for error in errors]), errors


def reader_for(library: Any, options: argparse.Namespace, notices: list[str] | None = None,
               ready: Any = None) -> Any:
    """The reader on the library's current article, with the command's options; `notices`
    are shown in it as notifications (the inputs that could not be opened); `ready` is the
    article's analysis and reading model when they are already at hand (from the cache), to
    show in the first frame."""
    os.environ.setdefault("TEXTUAL_FPS", FRAMES_PER_SECOND)  # read once, as Textual is imported
    from guillemet.analysis_service.process import ProcessAnalysisStream
    from guillemet.tui.app import ReaderApp
    from guillemet.tui.extensions import discover_extensions
    from guillemet.tui.keymap import load_keymap

    theme = theme_of(options)
    keymap, keymap_problem = load_keymap()
    extension_options = {"sidecar": options.sidecar, "model": options.model,
                         "library": options.library, "no_library": options.no_library}

    def reader_parts(article: Article) -> tuple[Any, Any]:
        """An article's analysis source and extensions (for each article switched to)."""
        source = ProcessAnalysisStream(options.model, use_cache=not options.no_cache)
        return source, discover_extensions(article, extension_options)

    return ReaderApp(
        library.article,
        None if ready else ProcessAnalysisStream(options.model, use_cache=not options.no_cache),
        theme=theme,
        keymap=keymap,
        keymap_problem=keymap_problem,
        extensions=discover_extensions(library.article, extension_options),
        library=library,
        notices=notices or [],
        ready=ready,
        reader_parts=reader_parts,
    )
