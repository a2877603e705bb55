"""What the speaker-library commands (`index`, `who`, `quotes`, `speakers`, `voices`) share:
a parser whose usage errors are one line, the `--library` and `--format` options, and opening
the library with the notice of a damaged file set aside printed on standard error."""

from __future__ import annotations

import argparse
import sys

from guillemet.errors import GuillemetError
from guillemet.speaker_library import SpeakerLibrary, open_library
from guillemet.speaker_library.location import LIBRARY_ENV

TABLE_FORMATS = ("table", "json", "csv")


class LibraryParser(argparse.ArgumentParser):
    """argparse, but a usage error is a one-line `GuillemetError` (exit 2), not a usage dump."""

    def error(self, message: str) -> None:  # type: ignore[override]
        command = self.prog.removeprefix("guillemet ")
        raise GuillemetError(f"{command}: {message} (see `{self.prog} --help`)")


def library_parser(command: str, description: str) -> LibraryParser:
    """A parser with the options every library command has."""
    parser = LibraryParser(prog=f"guillemet {command}", description=description)
    parser.add_argument(
        "--library",
        metavar="PATH",
        help=f"the speaker library file (default: ${LIBRARY_ENV}, else speakers.sqlite3 in the user data folder)",
    )
    return parser


def add_format_option(parser: argparse.ArgumentParser, formats: tuple[str, ...] = TABLE_FORMATS) -> None:
    parser.add_argument(
        "--format",
        choices=formats,
        help="table (the default on a terminal), json (the default otherwise), " + ", ".join(formats[2:]),
    )


def chosen_format(value: str | None) -> str:
    """The format asked for, else a table on a terminal and JSON in a pipe."""
    if value:
        return value
    return "table" if sys.stdout.isatty() else "json"


class OpenedLibrary:
    """The library of a command, and whether a damaged file had to be set aside (exit 1)."""

    def __init__(self, option: str | None) -> None:
        self.library: SpeakerLibrary
        self.library, notice = open_library(option)
        self.set_aside = notice is not None
        if notice:
            print(f"guillemet: {notice}", file=sys.stderr)

    def __enter__(self) -> SpeakerLibrary:
        return self.library

    def __exit__(self, *exc_info: object) -> None:
        self.library.close()

    def status(self, status: int = 0) -> int:
        """`status`, or 1 if it was 0 and a damaged library was set aside."""
        return 1 if self.set_aside and status == 0 else status
