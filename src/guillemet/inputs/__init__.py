"""Opening articles: text files, saved web pages (HTML, MHTML), Markdown, stdin and URLs.

`load_article(spec)` is the one entry point: it returns an `Article` or raises `InputError`
with a one-line message naming the input and the problem. `load_articles(specs)` opens several
and keeps going past failures, so a caller can report the bad ones and still open the rest.

Which text the offsets index: `Article.text` is the *cleaned* text, never the raw bytes. It is
the decoded input (encoding detected, see `decode`), with the article extracted from a web page
(`webpage`, `mhtml`) or rendered from Markdown (`markdown_text`), newlines as `\\n`, soft
hyphens, zero-width and control characters removed, spaces tidied (`hygiene`) and, for plain
text that is clearly hard-wrapped, paragraphs re-joined and line-end hyphenation undone
(`unwrap`).
Every offset in an analysis, in `guillemet extract` output and in the annotations indexes that
string (Python `str` indices). A clean UTF-8 text file loads exactly as it is on disk (at most
trailing whitespace is trimmed), so its offsets are also file offsets.

The spec is `-` for standard input, an `http://` or `https://` URL, or a file path. Another
URL scheme (`ftp://`, `file://`...) is refused as such, not looked for as a file name.
This package never imports Textual (the layering test checks it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from guillemet.article import Article
from guillemet.errors import InputError
from guillemet.inputs.build import build_article
from guillemet.inputs.sources import (
    DEFAULT_TIMEOUT,
    MAX_BYTES,
    STDIN,
    RawInput,
    is_url,
    read_file,
    read_stdin,
)

_URL_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")

__all__ = [
    "DEFAULT_TIMEOUT",
    "MAX_BYTES",
    "STDIN",
    "load_article",
    "load_articles",
]


def load_article(spec: str, *, timeout: float = DEFAULT_TIMEOUT) -> Article:
    """Open the article named by `spec` (path, URL or `-`); `timeout` is for URLs, in seconds."""
    return build_article(read_input(spec, timeout=timeout))


def load_articles(
    specs: Iterable[str], *, timeout: float = DEFAULT_TIMEOUT
) -> list[Article | InputError]:
    """Open every spec in order; a failure takes its place in the list as its InputError.

    Standard input can be read only once: a second `-` gets an error instead of an empty read.
    """
    results: list[Article | InputError] = []
    stdin_used = False
    for spec in specs:
        if spec == STDIN and stdin_used:
            results.append(InputError(STDIN, "standard input can be read only once"))
            continue
        stdin_used = stdin_used or spec == STDIN
        try:
            results.append(load_article(spec, timeout=timeout))
        except InputError as error:
            results.append(error)
    return results


def read_input(spec: str, *, timeout: float = DEFAULT_TIMEOUT) -> RawInput:
    """The bytes behind `spec`, from standard input, the network or a file."""
    if spec == STDIN:
        return read_stdin()
    if is_url(spec):
        from guillemet.inputs.fetch import fetch  # the network stack only when a URL is given

        return fetch(spec, timeout=timeout)
    if not spec.strip():
        raise InputError(repr(spec), "is not a file name")
    if (scheme := _URL_SCHEME.match(spec)) and not Path(spec).exists():
        raise InputError(spec, unsupported_scheme(scheme.group(1)))
    return read_file(spec)


def unsupported_scheme(scheme: str) -> str:
    """Why a URL with another scheme than http(s) is not opened, and what to do instead."""
    if scheme.lower() == "file":
        return "file:// URLs are not opened: give the file's path instead"
    return f"unsupported URL scheme {scheme}:// (only http:// and https:// URLs are fetched)"
