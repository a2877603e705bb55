"""`guillemet who NAME`: what a speaker said across the library, newest article first.

    guillemet who NAME [--library PATH] [--format table|json|csv|markdown]

NAME may be written as any article wrote it ("B. Obama", "Obama", "HRW") or as `#ID` from
`guillemet speakers`. A name that could be several speakers lists them and exits with 2.
`--format markdown` prints a dossier: the speaker, then each article with its quotes.
"""

from __future__ import annotations

import sys

from guillemet.commands.library_cli import TABLE_FORMATS, OpenedLibrary, add_format_option, chosen_format, library_parser
from guillemet.commands.library_output import emit
from guillemet.speaker_library import LibraryQuote

COLUMNS = (("date", "Date"), ("title", "Article"), ("type", "Type"), ("text", "Quote"), ("source", "Source"))


def run(args: list[str]) -> int:
    parser = library_parser("who", "List a speaker's quotes across the speaker library, newest first.")
    parser.add_argument("name", metavar="NAME", help="the speaker, as any article names them, or #ID")
    add_format_option(parser, (*TABLE_FORMATS, "markdown"))
    options = parser.parse_args(args)
    form = chosen_format(options.format)
    opened = OpenedLibrary(options.library)
    with opened as library:
        name, quotes = library.who(options.name)
    if form == "markdown":
        sys.stdout.write(dossier(name, quotes))
    else:
        rows = [{**q.to_json(), "title": q.title or q.source} for q in quotes]
        emit(rows, COLUMNS, form, title=f"{name}: {len(quotes)} quote(s)")
    return opened.status()


def dossier(name: str, quotes: list[LibraryQuote]) -> str:
    """A Markdown dossier: the speaker, then each article (newest first) with its quotes."""
    articles: dict[str, list[LibraryQuote]] = {}
    for quote in quotes:
        articles.setdefault(quote.text_sha256, []).append(quote)
    lines = [f"# {_escape(name)}", "", f"{len(quotes)} quote(s) in {len(articles)} article(s).", ""]
    for group in articles.values():
        first = group[0]
        heading = _escape(first.title or first.source)
        lines += [f"## {heading}", "", f"{first.date or 'undated'} · `{first.source}`", ""]
        for quote in group:
            lines.append(f"- *{quote.type}*, as {_escape(quote.speaker)}: « {_escape(quote.text)} »")
        lines.append("")
    return "\n".join(lines)


def _escape(text: str) -> str:
    """Text shown as written: Markdown and HTML characters escaped."""
    out = text.replace("\\", "\\\\")
    for char in "`*_[]<>#|":
        out = out.replace(char, "\\" + char)
    return " ".join(out.split())
