"""What the reader shows above an article: its title and a line of metadata.

Pure (no Textual): the first screen, painted before Textual is imported, shows them too.
"""

from __future__ import annotations

from pathlib import Path

from guillemet.article import Article
from guillemet.inputs.hygiene import remove_controls


def display_title(article: Article) -> str:
    """The title a reader knows the article by: its own, else its file name (without control
    characters, like everything shown of an article: see `header_lines`)."""
    if article.title:
        return remove_controls(article.title)
    if article.source not in ("-", ""):
        return remove_controls(Path(article.source).name)
    return "Untitled article"


def header_lines(article: Article) -> tuple[str, list[str]]:
    """The title shown on top of the article and the metadata line under it, without control
    characters (a web page's metadata or a file name could hold some; the text is cleaned
    of them when it is loaded, see `inputs.hygiene`)."""
    title = display_title(article)
    meta = [article.author or "", article.date or "", article.site or ""]
    if article.title and article.source not in ("-", ""):
        meta.append(article.source)
    if article.encoding and article.encoding.lower().replace("-", "") not in ("utf8", "ascii"):
        meta.append(f"encoding: {article.encoding}")
    return title, [remove_controls(part) for part in meta if part]
