"""A Rich progress bar on standard error for the library commands that analyse many articles."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def progress(total: int, label: str) -> Iterator[tuple[Callable[[], None], Callable[[str], None]]]:
    """(advance, report): a bar when stderr is a terminal and there are two inputs or more.

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
    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(label, total=total)

        def report(message: str) -> None:
            console.print(message, markup=False, highlight=False, soft_wrap=True)

        yield (lambda: bar.advance(task)), report
