"""Opening articles: files, and (later) web pages, Markdown, standard input and URLs.

`load_article(spec)` is the one entry point: it returns an `Article` or raises `InputError`
with a one-line message naming the input and the problem.
"""

from __future__ import annotations

from pathlib import Path

from guillemet.article import Article
from guillemet.errors import InputError

MAX_BYTES = 50 * 1024 * 1024


def load_article(spec: str) -> Article:
    """Open the article named by `spec` (a path, for now)."""
    path = Path(spec)
    if not path.exists():
        raise InputError(spec, "no such file")
    if path.is_dir():
        raise InputError(spec, "is a directory, not an article")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(spec, f"cannot be read ({error.strerror or error})") from None
    if len(data) > MAX_BYTES:
        raise InputError(spec, f"is too large ({len(data) // (1024 * 1024)} MB; the limit is 50 MB)")
    if not data.strip():
        raise InputError(spec, "is empty")
    if b"\x00" in data[:8192]:
        raise InputError(spec, "looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(spec, "is not valid UTF-8 text") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Article(text=text, source=spec, title=None, encoding="utf-8", kind="text")
