"""`guillemet quotes "WORDS"`: the quotes of the library that hold these words.

    guillemet quotes WORDS [--library PATH] [--format table|json|csv] [--limit N]

All the words must be in a quote; case and accents do not matter ("president" finds
"président"); a word ending in `*` is a prefix. Newest articles first.
"""

from __future__ import annotations

from guillemet.commands.library_cli import OpenedLibrary, add_format_option, chosen_format, library_parser
from guillemet.commands.library_output import emit
from guillemet.errors import GuillemetError

COLUMNS = (("date", "Date"), ("speaker", "Speaker"), ("type", "Type"), ("text", "Quote"), ("title", "Article"))


def run(args: list[str]) -> int:
    parser = library_parser("quotes", "Search the quotes of the speaker library by their words.")
    parser.add_argument("words", nargs="+", metavar="WORDS", help="words the quote must hold")
    parser.add_argument("--limit", type=int, default=200, metavar="N", help="at most N quotes (default 200)")
    add_format_option(parser)
    options = parser.parse_args(args)
    words = " ".join(options.words)
    if not any(ch.isalnum() for ch in words):
        raise GuillemetError("quotes: give at least one word to look for")
    opened = OpenedLibrary(options.library)
    with opened as library:
        found = library.search(words, max(1, options.limit))
    rows = [{**q.to_json(), "title": q.title or q.source} for q in found]
    emit(rows, COLUMNS, chosen_format(options.format), title=f"{len(found)} quote(s) with {words!r}")
    return opened.status()
