"""What the reader shows above an article: its title and a line of metadata.

Pure (no Textual): the first screen, painted before Textual is imported, shows them too.
"""

from __future__ import annotations

from pathlib import Path

from guillemet.article import Article


def display_title(article: Article) -> str:
    """The title a reader knows the article by: its own, else its file name."""
    if article.title:
        return article.title
    if article.source not in ("-", ""):
        return Path(article.source).name
    return "Untitled article"


def header_lines(article: Article) -> tuple[str, list[str]]:
    """The title shown on top of the article and the metadata line under it."""
    title = display_title(article)
    meta = [article.author or "", article.date or "", article.site or ""]
    if article.title and article.source not in ("-", ""):
        meta.append(article.source)
    if article.encoding and article.encoding.lower().replace("-", "") not in ("utf8", "ascii"):
        meta.append(f"encoding: {article.encoding}")
    return title, [part for part in meta if part]
