"""`guillemet export`: the analysis plus the reader's annotations, for other tools and people.

    guillemet export FILE --format brat|w3c|markdown [-o OUT] [--sidecar PATH] [--model NAME] [--no-cache]

The article is analysed (from the cache when it can be), the reader's corrections from the
sidecar are applied, and the result is written to OUT or standard output:

- `brat`: brat standoff. brat needs the text next to the annotations with identical offsets, so
  with `-o NAME.ann` (or `-o NAME`, or `-o DIRECTORY`) both `NAME.ann` and `NAME.txt` (the
  article text exactly as guillemet reads it) are written; without `-o` only the `.ann` content
  is printed.
- `w3c`: a W3C Web Annotation collection (JSON-LD).
- `markdown`: a reading report.

Exporting never changes the sidecar, even a damaged one (that is the reader's job); problems
with it are reported on stderr, the export goes on with every annotation it can read, and the
exit status is 1 so a script notices that some are missing. `--sidecar` must name an existing
guillemet sidecar: anything else is refused (exit 2) before any work is done.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from guillemet.analysis.models import Analysis
from guillemet.annotations.export_brat import to_brat
from guillemet.annotations.export_markdown import to_markdown
from guillemet.annotations.export_w3c import to_w3c_json
from guillemet.annotations.model import Annotation
from guillemet.annotations.session import AnnotationSession
from guillemet.annotations.sidecar import sidecar_path_problem
from guillemet.article import Article
from guillemet.errors import GuillemetError

FORMATS = ("brat", "w3c", "markdown")


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is a one-line `GuillemetError` (exit 2), not a usage dump."""

    def error(self, message: str) -> None:  # type: ignore[override]
        """Raise instead of printing the usage and exiting."""
        raise GuillemetError(f"export: {message} (see `guillemet export --help`)")


def build_parser() -> argparse.ArgumentParser:
    """The command's options, also shown by `guillemet export --help`."""
    from guillemet.analysis.engine import DEFAULT_MODEL

    parser = _Parser(
        prog="guillemet export",
        description="Export an article's analysis and the reader's annotations.",
    )
    parser.add_argument("file", metavar="FILE", help="the article")
    parser.add_argument("--format", required=True, choices=FORMATS, help="brat standoff, W3C JSON-LD or a Markdown report")
    parser.add_argument("-o", "--output", metavar="OUT", help="write here instead of standard output")
    parser.add_argument("--sidecar", metavar="PATH", help="the annotations file (default: FILE.guillemet.json)")
    parser.add_argument("--model", default=DEFAULT_MODEL, help=f"installed spaCy pipeline (default {DEFAULT_MODEL})")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the analysis cache")
    return parser


def analyse(article: Article, model: str, *, use_cache: bool = True) -> Analysis:
    """The analysis of `article`: from the cache if it is there, else from the engine (see
    `guillemet.analysis_service`)."""
    from guillemet.analysis_service import AnalysisService

    return AnalysisService(model, use_cache=use_cache).analyse(article)


def render(fmt: str, article: Article, analysis: Analysis, annotations: list[Annotation]) -> str:
    """The export text in format `fmt`, from an already corrected analysis."""
    if fmt == "brat":
        return to_brat(article.text, analysis, annotations)
    if fmt == "w3c":
        return to_w3c_json(article, analysis, annotations)
    return to_markdown(article, analysis, annotations)


def brat_paths(output: Path, article: Article) -> tuple[Path, Path]:
    """The `.ann` and `.txt` paths for `-o OUT` (see the module docstring)."""
    if output.is_dir():
        stem = Path(article.source).stem if article.source != "-" else "article"
        base = output / stem
    else:
        base = output.with_suffix("") if output.suffix == ".ann" else output
    return base.with_name(base.name + ".ann"), base.with_name(base.name + ".txt")


def _write(path: Path, content: str) -> None:
    try:
        path.write_text(content, encoding="utf-8", newline="\n")
    except OSError as error:
        raise GuillemetError(f"{path}: cannot be written ({error.strerror or error})") from None


def _write_brat_text(path: Path, article: Article) -> None:
    """Write brat's `.txt`, refusing to replace the article itself with different bytes."""
    data = article.text.encode("utf-8")
    source = Path(article.source)
    if article.source != "-" and path.exists() and source.exists() and path.resolve() == source.resolve():
        if path.read_bytes() == data:
            return  # the article already is brat's text file
        raise GuillemetError(f"{path}: is the article itself; choose another -o so it is not overwritten")
    _write(path, article.text)


def check_output(output: str) -> None:
    """Refuse an `-o` whose folder does not exist before any work is done (`-o notes/`
    would otherwise become `notes.ann` beside a missing folder)."""
    path = Path(output)
    if output.endswith(("/", os.sep)) and not path.is_dir():
        raise GuillemetError(f"{output}: no such folder")
    if not path.is_dir() and not path.parent.is_dir():
        raise GuillemetError(f"{path.parent}/: no such folder for {path.name}")


def chosen_sidecar(option: str | None) -> Path | None:
    """The `--sidecar` path, refused in one line unless it is an existing guillemet sidecar."""
    if option is None:
        return None
    path = Path(option)
    problem = sidecar_path_problem(path, must_exist=True)
    if problem is not None:
        raise GuillemetError(problem)
    return path


def run(args: list[str]) -> int:
    """Export one article: 0 on success, 1 when annotations of a damaged sidecar had to be
    left out (errors are raised as `GuillemetError`: exit 2)."""
    from guillemet.inputs import load_article

    try:
        options = build_parser().parse_args(args)
    except SystemExit as done:  # --help
        return int(done.code or 0)
    if options.output is not None:
        check_output(options.output)
    sidecar = chosen_sidecar(options.sidecar)
    article = load_article(options.file)
    session = AnnotationSession.open(article, sidecar, repair=False)
    for message in session.take_messages():
        print(f"guillemet: {message}", file=sys.stderr)
    analysis = session.corrected(analyse(article, options.model, use_cache=not options.no_cache))
    content = render(options.format, article, analysis, session.annotations())
    status = 1 if session.incomplete else 0
    if options.output is None:
        sys.stdout.write(content)
        sys.stdout.flush()
        return status
    output = Path(options.output)
    if options.format == "brat":
        ann, txt = brat_paths(output, article)
        _write_brat_text(txt, article)
        _write(ann, content)
    else:
        _write(output, content)
    return status
