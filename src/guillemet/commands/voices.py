"""`guillemet voices`: who gets a voice, across the library or in some articles.

    guillemet voices [PATH...] [--library PATH] [--format table|json] [--svg FILE] [--top N]

Each speaker's share of the quotes and of the quoted words, the shares by kind of speaker, and
how many of the people quoted are women and men, as their articles' text marks it (unknown
when it does not). With PATHs, those articles are recorded first (as `guillemet index` does)
and only they are counted. `--svg FILE` also writes the chart as a picture.
"""

from __future__ import annotations

import json
import sys

from guillemet.analysis.engine import DEFAULT_MODEL
from guillemet.commands.index import checked_sources, index_sources
from guillemet.commands.library_cli import OpenedLibrary, chosen_format, library_parser
from guillemet.commands.voices_chart import render_chart, write_svg
from guillemet.errors import GuillemetError


def run(args: list[str]) -> int:
    parser = library_parser("voices", "Show who gets a voice: shares of quotes and words, women and men quoted.")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="only these articles (recorded first)")
    parser.add_argument("--format", choices=("table", "json"), help="a chart (default on a terminal) or JSON")
    parser.add_argument("--svg", metavar="FILE", help="also write the chart as an SVG picture")
    parser.add_argument("--top", type=int, default=15, metavar="N", help="speakers shown in the chart (default 15)")
    parser.add_argument("--model", default=DEFAULT_MODEL, help="spaCy pipeline for PATHs not yet analysed")
    parser.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes for PATHs")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the analysis cache")
    options = parser.parse_args(args)
    if options.top < 1:
        raise GuillemetError("voices: --top must be at least 1")
    sources = checked_sources(options.paths, options.model, options.jobs) if options.paths else None
    failures = 0
    opened = OpenedLibrary(options.library)
    with opened as library:
        article_ids = None
        if sources is not None:
            indexed = index_sources(library, sources, options.model, options.jobs, options.no_cache)
            failures, article_ids = indexed.failures, indexed.article_ids
        voices = library.voices(article_ids)
    if options.svg:
        write_svg(voices, options.svg, options.top)
    if chosen_format(options.format) == "json":
        sys.stdout.write(json.dumps(voices.to_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        render_chart(voices, options.top)
    return opened.status(2 if failures else 0)
