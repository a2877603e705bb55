"""`guillemet speakers`: the speakers of the library by number of quotes, and corrections.

    guillemet speakers [--library PATH] [--format table|json|csv] [--limit N]
    guillemet speakers --merge NAME OTHER      # OTHER is the same speaker as NAME
    guillemet speakers --split NAME --article ARTICLE [--article ...]

`--merge` makes two identities one (later articles naming OTHER join NAME too); `--split`
gives NAME in these articles (source path, title or text hash prefix) an identity of its own.
Names are written as articles write them, or as `#ID` from the list.
"""

from __future__ import annotations

import sys

from guillemet.commands.library_cli import OpenedLibrary, add_format_option, chosen_format, library_parser
from guillemet.commands.library_output import emit
from guillemet.errors import GuillemetError

COLUMNS = (
    ("identity", "#"),
    ("name", "Speaker"),
    ("kind", "Kind"),
    ("gender", "Gender"),
    ("quotes", "Quotes"),
    ("articles", "Articles"),
    ("words", "Words"),
)


def run(args: list[str]) -> int:
    parser = library_parser("speakers", "List the speakers of the speaker library, or correct them.")
    parser.add_argument("--limit", type=int, metavar="N", help="only the N most quoted")
    parser.add_argument("--merge", nargs=2, metavar=("NAME", "OTHER"), help="OTHER is the same speaker as NAME")
    parser.add_argument("--split", metavar="NAME", help="NAME in the --article articles is someone else")
    parser.add_argument("--article", action="append", default=[], metavar="ARTICLE", help="an article for --split")
    add_format_option(parser)
    options = parser.parse_args(args)
    if options.split and not options.article:
        raise GuillemetError("speakers: --split needs at least one --article")
    if options.article and not options.split:
        raise GuillemetError("speakers: --article goes with --split")
    if options.merge and options.split:
        raise GuillemetError("speakers: --merge and --split are separate corrections")
    opened = OpenedLibrary(options.library)
    with opened as library:
        if options.merge:
            kept, merged, moved = library.merge(*options.merge)
            print(f"guillemet: {merged} is now {kept} ({moved} article speaker(s) moved)", file=sys.stderr)
            return opened.status()
        if options.split:
            name, new = library.split(options.split, options.article)
            print(f"guillemet: {name} in those articles is now speaker #{new}", file=sys.stderr)
            return opened.status()
        summaries = library.speakers(options.limit)
    rows = [s.to_json() for s in summaries]
    emit(rows, COLUMNS, chosen_format(options.format), title=f"{len(rows)} speaker(s) quoted")
    return opened.status()
