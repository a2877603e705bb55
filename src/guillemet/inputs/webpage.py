"""A web page (saved or fetched) as an article: trafilatura finds the article in the page.

trafilatura is the field's standard main-text extractor: it drops navigation, cookie banners,
ads, share buttons and "read also" boxes, and reads the title, author, date and site name from
the page's metadata (Open Graph, JSON-LD, `<meta>`). Comments are left out. Its plain-text
output has one paragraph per line, which is what the engine expects.

A page where trafilatura keeps only scraps (menu entries, form labels) is refused: the text must
hold at least one line of prose, `MIN_PROSE_WORDS` words or more with sentence punctuation.

Two things trafilatura gets wrong on some pages are corrected here: paragraphs and headings of
the article body that it left out are put back from the page (`page_body`), and a date it made
up from a year alone is replaced by the article's dateline or dropped (`page_date`).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from guillemet.article import Article
from guillemet.errors import InputError
from guillemet.inputs.hygiene import clean_text
from guillemet.inputs.page_body import complete_article_text
from guillemet.inputs.page_date import page_date

MIN_PROSE_WORDS = 8

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_SAVED_FROM = re.compile(r"<!-- saved from url=\(\d+\)(\S+?) -->")
_SENTENCE_PUNCTUATION = re.compile(r"[.!?…»]")


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first kilobytes (`<meta>` or XML declaration)."""
    head = data[:4096]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def webpage_article(html: str, source: str, encoding: str, url: str | None = None) -> Article:
    """Extract the article from a decoded HTML page; refuse a page with no article in it."""
    trafilatura = _import_trafilatura(source)
    page_url = url or _saved_from(html)
    html = _XML_DECLARATION.sub("", html, count=1)
    try:
        document = trafilatura.bare_extraction(
            html,
            url=page_url,
            include_comments=False,
            include_images=False,
            include_links=False,
            with_metadata=True,
        )
    except ImportError as error:  # some parts of lxml are imported only on first use
        raise InputError(source, _missing_module(error)) from None
    except Exception as error:  # a third-party parser on arbitrary input: never a traceback
        problem = f"could not be read as a web page ({type(error).__name__})"
        raise InputError(source, problem) from None
    text = clean_text(document.text or "") if document is not None else ""
    if document is None or not has_prose(text):
        raise InputError(source, "no article text found in this page")
    text = _whole_article_text(html, text)
    address = document.url or page_url
    extra = {"url": address} if address else {}
    return Article(
        text=text,
        source=source,
        title=document.title or None,
        author=document.author or None,
        date=page_date(document.date or None, text, html),
        site=document.sitename or document.hostname or _hostname(page_url),
        encoding=encoding,
        kind="html",
        extra=extra,
    )


def _import_trafilatura(source: str) -> Any:
    """trafilatura, imported here: it costs 0.6 s, and most inputs are not web pages.

    An install that lacks one of its modules (lxml's HTML cleaner is a package of its own,
    `lxml_html_clean`, that some installs of trafilatura do not pull in) cannot read any page:
    it is said in one line naming the module, not shown as a traceback.
    """
    try:
        import trafilatura
    except ImportError as error:
        raise InputError(source, _missing_module(error)) from None
    return trafilatura


def _missing_module(error: ImportError) -> str:
    name = error.name or (str(error).splitlines() or ["?"])[0]
    return f"web pages cannot be read: the Python module {name} is missing (reinstall guillemet)"


def _whole_article_text(html: str, text: str) -> str:
    """`text` with what trafilatura dropped from the article body put back (see `page_body`).

    A page lxml cannot parse again keeps trafilatura's text: the repair is a bonus.
    """
    from trafilatura import load_html

    try:
        page = load_html(html)
        return text if page is None else clean_text(complete_article_text(page, text, has_prose))
    except Exception:  # noqa: BLE001 - a third-party parser on arbitrary input
        return text


def has_prose(text: str) -> bool:
    """True when some line is a real sentence, not a menu entry or a form label."""
    return any(
        len(line.split()) >= MIN_PROSE_WORDS and _SENTENCE_PUNCTUATION.search(line)
        for line in text.split("\n")
    )


def _saved_from(html: str) -> str | None:
    """The original address browsers note in a saved page (`<!-- saved from url=... -->`)."""
    match = _SAVED_FROM.search(html[:2048])
    return match.group(1) if match else None


def _hostname(url: str | None) -> str | None:
    return urlsplit(url).hostname if url else None
