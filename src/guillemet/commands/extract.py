"""`guillemet extract`: print the analysis of articles as JSON, for scripts and pipelines.

    guillemet extract FILE [FILE...] [--format json|jsonl] [--model NAME] [--jobs N] [--no-cache]

With `--format json` (the default) one input prints one pretty-printed object and several inputs
print an array of them; with `--format jsonl` every input prints one compact line. Objects come
in the order of the inputs and are printed as soon as they are ready, so a folder of thousands
of articles streams. An input that cannot be read or analysed is left out of the output and
named in a one-line error on stderr; the others are still processed and the exit status is 2.
This command never imports Textual, and when every input is in the cache it never imports spaCy.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from guillemet.analysis.engine import DEFAULT_MODEL, installed_model_version
from guillemet.batch import BatchExtractor
from guillemet.cache import AnalysisCache
from guillemet.errors import ModelNotInstalledError

FORMATS = ("json", "jsonl")


def build_parser() -> argparse.ArgumentParser:
    """The command's options, also shown by `guillemet extract --help`."""
    parser = argparse.ArgumentParser(
        prog="guillemet extract",
        description="Print the entities, quotes and speakers of articles as JSON.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="articles to analyse ('-' reads stdin)")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="json",
        help="json: one object, or an array for several files (default); jsonl: one line per file",
    )
    parser.add_argument("--model", default=DEFAULT_MODEL, help=f"installed spaCy pipeline (default {DEFAULT_MODEL})")
    parser.add_argument("--jobs", type=_positive_int, default=1, metavar="N", help="worker processes (default 1)")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the analysis cache")
    return parser


def run(args: list[str]) -> int:
    """Analyse the files given in `args`; 0 when all succeeded, 2 when any failed."""
    options = build_parser().parse_args(args)
    _check_model(options.model)
    cache = None if options.no_cache else AnalysisCache()
    writer = _writer(options.format, several=len(options.files) > 1, out=sys.stdout)
    failures = 0
    try:
        with BatchExtractor(options.model, jobs=options.jobs, cache=cache) as batch:
            with _progress(len(options.files)) as (advance, report):
                writer.send(None)
                for outcome in batch.run(options.files):
                    if outcome.analysis is not None:
                        writer.send(outcome.analysis.to_json())
                    else:
                        failures += 1
                        report(f"guillemet: {outcome.error}")
                    advance()
        writer.close()
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()  # the reader of our output (e.g. `head`) has had enough
    return 2 if failures else 0


def _check_model(model: str) -> None:
    """Fail before reading anything when the model is neither installed nor a model folder."""
    if installed_model_version(model) is None and not Path(model).is_dir():
        raise ModelNotInstalledError(model)


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


JsonSink = Generator[None, "dict[str, Any] | None", None]


def _writer(form: str, *, several: bool, out: TextIO) -> JsonSink:
    """A generator fed with JSON objects that prints them; closing it ends the document."""

    def jsonl() -> JsonSink:
        while True:
            data = yield
            out.write(json.dumps(data, ensure_ascii=False) + "\n")
            out.flush()

    def single() -> JsonSink:
        try:
            while True:
                data = yield
                out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        finally:
            out.flush()

    def array() -> JsonSink:
        count = 0
        out.write("[")
        try:
            while True:
                data = yield
                item = json.dumps(data, ensure_ascii=False, indent=2).replace("\n", "\n  ")
                out.write(("," if count else "") + "\n  " + item)
                out.flush()
                count += 1
        except GeneratorExit:
            out.write("\n]\n" if count else "]\n")
            out.flush()

    if form == "jsonl":
        return jsonl()
    return array() if several else single()


@contextmanager
def _progress(total: int) -> Iterator[tuple[Callable[[], None], Callable[[str], None]]]:
    """(advance, report): a Rich progress bar on stderr when it is a terminal, else nothing.

    Error lines go through `report` so they print above the bar instead of through it.
    """

    def report_plain(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    if total < 2 or not sys.stderr.isatty():
        yield (lambda: None), report_plain
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(stderr=True)
    columns = (TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("extract", total=total)

        def report(message: str) -> None:
            console.print(message, markup=False, highlight=False, soft_wrap=True)

        yield (lambda: progress.advance(task)), report


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the exit flush does not fail again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
