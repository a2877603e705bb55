"""The `guillemet` command line: open articles in the reader, `extract` / `export` them, or use
the speaker library (`index`, `who`, `quotes`, `speakers`, `voices`).

`guillemet ARTICLE...` opens the reader; `guillemet extract ...` and `guillemet export ...`
are subcommands. Each subcommand lives in `guillemet.commands` and is imported only when used,
so `guillemet extract` never imports Textual and the reader never pays for the exporters.
Every user-caused failure is a `GuillemetError`: one line on stderr, exit status 2.
`guillemet --version` prints the version, here, before any subcommand or parser is imported.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from guillemet.errors import GuillemetError

LIBRARY_COMMANDS = ("index", "who", "quotes", "speakers", "voices")
"""The speaker library's commands, each a module of `guillemet.commands` with a `run(args)`."""
SUBCOMMANDS = ("extract", "export", *LIBRARY_COMMANDS)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if asks_for_version(args):
        from guillemet import __version__

        print(f"guillemet {__version__}")
        return 0
    try:
        if args and args[0] == "extract":
            from guillemet.commands.extract import run as run_extract

            return run_extract(args[1:])
        if args and args[0] == "export":
            from guillemet.commands.export import run as run_export

            return run_export(args[1:])
        if args and args[0] in LIBRARY_COMMANDS:
            from importlib import import_module

            return import_module(f"guillemet.commands.{args[0]}").run(args[1:])
        from guillemet.commands.read import run as run_read

        return run_read(args)
    except GuillemetError as error:
        print(f"guillemet: {error}", file=sys.stderr)
        return error.exit_status
    except KeyboardInterrupt:
        return 130


def asks_for_version(args: list[str]) -> bool:
    """True when `--version` is among the options (not after `--`, where it is a file name)."""
    options = args[: args.index("--")] if "--" in args else args
    return "--version" in options
