"""`guillemet index`: record articles in the speaker library.

    guillemet index PATH [PATH...] [--library PATH] [--model NAME] [--jobs N] [--no-cache]

Files and folders (searched recursively for articles guillemet can read, hidden ones left out)
go through the same batch extraction as `guillemet extract` (the analysis cache, `--jobs`), and
each analysis is recorded with its text, so the speakers get their gender. An article already in
the library (same text) is not recorded twice. A Rich progress bar is drawn on standard error
when it is a terminal. Inputs that fail are named on standard error, one line each, the others
are recorded, and the exit status is 2.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from guillemet.analysis.engine import DEFAULT_MODEL, installed_model_version
from guillemet.article import Article
from guillemet.batch import BatchExtractor
from guillemet.cache import AnalysisCache
from guillemet.commands.library_cli import OpenedLibrary, library_parser
from guillemet.commands.library_progress import progress
from guillemet.errors import GuillemetError, ModelNotInstalledError
from guillemet.inputs import load_article
from guillemet.speaker_library import SpeakerLibrary

ARTICLE_SUFFIXES = frozenset(
    ".txt .text .md .markdown .mdown .mkd .html .htm .xhtml .shtml .mhtml .mht".split()
)


def build_parser():
    parser = library_parser("index", "Record articles, their speakers and quotes in the speaker library.")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders of articles")
    parser.add_argument("--model", default=DEFAULT_MODEL, help=f"installed spaCy pipeline (default {DEFAULT_MODEL})")
    parser.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (default 1)")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the analysis cache")
    return parser


def run(args: list[str]) -> int:
    options = build_parser().parse_args(args)
    sources = checked_sources(options.paths, options.model, options.jobs)
    opened = OpenedLibrary(options.library)
    with opened as library:
        result = index_sources(library, sources, options.model, options.jobs, options.no_cache)
        total = library.article_count()
    print(
        f"guillemet: {result.new} new article(s) recorded with {result.quotes} quote(s), "
        f"{len(result.article_ids) - result.new} already there; {total} in {library.path}",
        file=sys.stderr,
    )
    return opened.status(2 if result.failures else 0)


def checked_sources(paths: list[str], model: str, jobs: int) -> list[str]:
    """The article files of `paths`; a one-line error when there are none or the model is missing."""
    if jobs < 1:
        raise GuillemetError("--jobs must be at least 1")
    # a file is recorded by its absolute path, so the reader can open it again from any folder
    sources = [str(Path(s).resolve()) if Path(s).is_file() else s for s in article_files(paths)]
    if not sources:
        raise GuillemetError("no article files in " + ", ".join(paths))
    if installed_model_version(model) is None and not Path(model).is_dir():
        raise ModelNotInstalledError(model)
    return sources


@dataclass
class Indexed:
    """What an indexing run did: the library ids of the articles read, and counts."""

    article_ids: list[int] = field(default_factory=list)
    new: int = 0
    quotes: int = 0
    failures: int = 0


def index_sources(library: SpeakerLibrary, sources: list[str], model: str, jobs: int, no_cache: bool) -> Indexed:
    """Analyse `sources` through the batch extraction and record each in `library`."""
    texts: dict[str, str] = {}

    def keep_text(source: str) -> Article:
        article = load_article(source)
        texts[source] = article.text
        return article

    result = Indexed()
    cache = None if no_cache else AnalysisCache()
    with BatchExtractor(model, jobs=jobs, cache=cache, loader=keep_text) as batch:
        with progress(len(sources), "indexing") as (advance, report):
            for outcome in batch.run(sources):
                text = texts.pop(outcome.source, None)
                if outcome.analysis is None or text is None:
                    result.failures += 1
                    report(f"guillemet: {outcome.error}")
                else:
                    recorded = library.record(outcome.analysis, text)
                    result.article_ids.append(recorded.article_id)
                    result.new += recorded.new
                    result.quotes += recorded.quotes if recorded.new else 0
                advance()
    return result


def article_files(paths: list[str]) -> Iterator[str]:
    """The paths given, with each folder replaced by the article files under it (sorted)."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in found.relative_to(path).parts)
                if found.is_file() and not hidden and found.suffix.lower() in ARTICLE_SUFFIXES:
                    yield str(found)
        else:
            yield given
