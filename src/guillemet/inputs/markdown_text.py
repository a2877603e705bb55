"""Markdown as an article: the text a reader would see once rendered, never the raw markup.

The source is parsed with markdown-it-py (CommonMark, plus tables and strikethrough) and its
tokens are rendered to plain text:

- headings are kept as lines of their own, each a section break (a blank line around it); the
  first heading (or a `title:` in YAML front matter) is the article's title;
- paragraphs are one line each (a soft line break is a space, as Markdown means it), separated by
  blank lines; hard line breaks stay line breaks;
- emphasis, strong and strikethrough markers go; links keep their text; images, raw HTML and
  rules are dropped; inline code keeps its text (it is part of a sentence);
- code blocks (fenced or indented) are left out of the text: code is not prose, and a string
  literal in it (`print("« Bonjour »")`) would be read as a quote. `Article.text` is both what
  the reader shows and what the engine analyses, so leaving the block out is the only way to
  keep it out of the analysis; the reader shows a Markdown article without its code;
- list items are paragraphs of their own (a blank line around each), bullets shown as `• `,
  numbered items keep their number (`3. `): items of similar length on consecutive lines would
  otherwise read as one hard-wrapped paragraph, and a quote in one item get the speaker of
  another; blockquotes keep their text without `>`; table rows are cells joined by ` | `.

Author and date come from front matter (`author:`, `date:`) when there is one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from guillemet.article import Article
from guillemet.errors import InputError
from guillemet.inputs.hygiene import clean_text, normalise_newlines
from guillemet.inputs.plain_text import title_of

if TYPE_CHECKING:
    from markdown_it.token import Token

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_MATTER_FIELD = re.compile(r"^(title|author|date)[ \t]*:[ \t]*(.+?)[ \t]*$", re.MULTILINE)
_INLINE_SKIPPED = frozenset({"image", "html_inline"})


def markdown_article(
    source_text: str, source: str, encoding: str, extra: dict | None = None
) -> Article:
    """Build the Article for a decoded Markdown document."""
    body, fields = split_front_matter(normalise_newlines(source_text))
    text, first_heading = render(body)
    text = clean_text(text)
    if not text:
        raise InputError(source, "no article text found (the Markdown holds no text)")
    return Article(
        text=text,
        source=source,
        title=fields.get("title") or first_heading or title_of(text),
        author=fields.get("author"),
        date=fields.get("date"),
        encoding=encoding,
        kind="markdown",
        extra=extra or {},
    )


def split_front_matter(text: str) -> tuple[str, dict[str, str]]:
    """Remove a YAML front matter block and return its title, author and date fields."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return text, {}
    fields = {key: value.strip("\"'") for key, value in _FRONT_MATTER_FIELD.findall(match.group(1))}
    return text[match.end() :], fields


def render(markdown: str) -> tuple[str, str | None]:
    """Render Markdown to plain text; return the text and the first heading's text."""
    from markdown_it import MarkdownIt  # imported here: only Markdown inputs need it

    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    return _Renderer().run(parser.parse(markdown))


class _Renderer:
    """Walks markdown-it block tokens and collects plain-text lines.

    Consecutive rows of one table are kept together (one newline); every other block, list
    items included, is separated from the previous one by a blank line.
    """

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.first_heading: str | None = None
        self.item_prefix = ""
        self.last_was_grouped = False
        self.row: list[str] | None = None

    def run(self, tokens: Sequence[Token]) -> tuple[str, str | None]:
        in_heading = False
        for token in tokens:
            kind = token.type
            if kind == "list_item_open":
                self.item_prefix = f"{token.info}{token.markup} " if token.info else "• "
            elif kind == "heading_open":
                in_heading = True
            elif kind == "heading_close":
                in_heading = False
            elif kind == "tr_open":
                self.row = []
            elif kind == "tr_close" and self.row is not None:
                self.emit(" | ".join(self.row), grouped=True)
                self.row = None
            elif kind == "table_close":
                self.last_was_grouped = False
            elif kind == "inline":
                self.inline(render_inline(token.children or []), in_heading)
        return "".join(self.pieces), self.first_heading

    def inline(self, text: str, in_heading: bool) -> None:
        if self.row is not None:
            self.row.append(text)
            return
        if not text.strip():  # a paragraph that held only an image or raw HTML
            return
        if in_heading and self.first_heading is None:
            self.first_heading = " ".join(text.split())
        prefix, self.item_prefix = self.item_prefix, ""
        self.emit(prefix + text, grouped=False)

    def emit(self, line: str, grouped: bool) -> None:
        if self.pieces:
            self.pieces.append("\n" if grouped and self.last_was_grouped else "\n\n")
        self.pieces.append(line)
        self.last_was_grouped = grouped


def render_inline(children: Sequence[Token]) -> str:
    """The visible text of an inline token stream: no markers, no images, link text only."""
    parts: list[str] = []
    for child in children:
        if child.type in _INLINE_SKIPPED:
            continue
        if child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type in ("text", "code_inline"):
            parts.append(child.content)
    return "".join(parts)
