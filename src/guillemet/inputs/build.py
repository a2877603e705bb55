"""From an input's bytes to an Article: refuse binaries, pick the kind, decode, extract.

The kind is, in order: what the source declared (an HTTP Content-Type), what the file name
says (`.html`, `.mhtml`, `.md`, `.txt`), and otherwise what the content looks like (a
single-file MHTML page, HTML, Markdown, or plain text).
"""

from __future__ import annotations

from guillemet.article import Article
from guillemet.errors import InputError
from guillemet.inputs.decode import bom_encoding, bomless_utf16, decode
from guillemet.inputs.markdown_text import markdown_article
from guillemet.inputs.mhtml import html_part, looks_like_mhtml
from guillemet.inputs.plain_text import text_article
from guillemet.inputs.sniff import (
    BINARY_DATA,
    HTML,
    MARKDOWN,
    MHTML,
    TEXT,
    binary_kind,
    head_text,
    kind_from_name,
    looks_like_html,
    looks_like_markdown,
)
from guillemet.inputs.sources import RawInput
from guillemet.inputs.webpage import declared_charset, webpage_article


def build_article(raw: RawInput) -> Article:
    """Turn the bytes of one input into its Article, or raise InputError saying why not."""
    data = raw.data
    if not data.strip():
        raise InputError(raw.source, "is empty")
    wide = _wide_encoding(data)
    if wide is None and (binary := binary_kind(data)) is not None:
        what = "" if binary == BINARY_DATA else f" ({binary})"
        raise InputError(raw.source, f"is a binary file{what}, not text or a web page")
    kind = raw.kind or (kind_from_name(raw.name) if raw.name else None)
    if kind is None and wide is None and looks_like_mhtml(data):
        kind = MHTML
    if kind is None:
        kind = _kind_from_content(head_text(data, wide))
    if kind == MHTML:
        html, encoding, address = html_part(data, raw.source)
        return webpage_article(html, raw.source, encoding, url=raw.url or address)
    charset = raw.charset or (declared_charset(data) if kind == HTML and wide is None else None)
    text, encoding = decode(data, raw.source, charset)
    if kind == HTML:
        return webpage_article(text, raw.source, encoding, url=raw.url)
    extra = {"url": raw.url} if raw.url else {}
    if kind == MARKDOWN:
        return markdown_article(text, raw.source, encoding, extra=extra)
    return text_article(text, raw.source, encoding, extra=extra)


def _kind_from_content(head: str) -> str:
    """HTML, Markdown or plain text, for an input whose source did not say which."""
    if looks_like_html(head):
        return HTML
    return MARKDOWN if looks_like_markdown(head) else TEXT


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32, which are text although full of zero bytes; None for anything else."""
    encoding = bom_encoding(data) or bomless_utf16(data)
    return encoding if encoding and encoding.startswith(("utf-16", "utf-32")) else None
