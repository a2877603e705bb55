"""Putting back the paragraphs and headings of the article body that extraction dropped.

trafilatura is good at leaving out what is not the article, but on some pages it leaves out
part of the article too: when its own extraction looks weak it takes readability's instead,
which drops a heading whose edit link makes it look like a link list (MediaWiki's
`[modifier]`) and a lead paragraph kept apart from the others (in the article's `<header>`).
A lost lead or section heading loses quotes, or the speaker named before them.

So the extracted text is checked against the page itself. The article body is the smallest
element of the page that holds every extracted paragraph (or the `<article>` around it); each
`<p>` and `<h2>`-`<h6>` in it that the extracted text does not hold is put back where it stands
in the page, after the block before it. Only what reads as the article is put back:

- a paragraph must be prose (`has_prose`), mostly not link text, and outside the parts of a
  page that are never the article (navigation, tables, forms, comments, share boxes, footers);
- a heading must introduce a paragraph of the article (a "Sources" heading over a list of
  links is left out).

Nothing is taken out and nothing reordered: a page extracted whole comes out exactly as
trafilatura gave it. The check compares words, not markup, so small differences in spacing,
footnote marks or punctuation do not make a paragraph look missing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
MAX_HEADING_WORDS = 20
MAX_LINK_SHARE = 0.5
"""A paragraph that is more than half link text is a list of links, not prose."""
PRESENT_SHARE = 0.6
"""A paragraph counts as extracted when this share of its three-word sequences are there."""

_NEVER_ARTICLE_TAGS = frozenset(
    {"script", "style", "noscript", "template", "nav", "aside", "footer", "form", "table",
     "figure", "figcaption", "button", "select", "textarea", "iframe", "svg"}
)
_NEVER_ARTICLE_NAMES = re.compile(
    r"comment|share|sharing|social|related|newsletter|footer|navbox|noprint|infobox|"
    r"editsection|catlinks|printfooter|\btoc\b|sidebar|advert|cookie|consent|breadcrumb|"
    r"hidden|display:\s*none",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


@dataclass
class _Block:
    """A paragraph or heading of the page, with its words for comparing with the text."""

    element: Any
    text: str
    is_heading: bool

    @property
    def words(self) -> list[str]:
        return _words(self.text)


def complete_article_text(page: Any, extracted: str, is_prose: Callable[[str], bool]) -> str:
    """`extracted` with the article body's missing paragraphs and headings put back in place.

    `page` is the page's parsed lxml tree; `is_prose` says whether a paragraph reads as a
    sentence (the same test that decides whether a page has an article at all).
    """
    lines = extracted.split("\n")
    index = _LineIndex(lines)
    body = _article_body(page, index)
    if body is None:
        return extracted
    blocks = list(_blocks(body))
    positions = [index.line_of(block) for block in blocks]
    wanted = _missing_blocks_to_restore(blocks, positions, is_prose)
    if not wanted:
        return extracted
    return "\n".join(_with_insertions(lines, blocks, positions, wanted))


def _article_body(page: Any, index: _LineIndex) -> Any | None:
    """The smallest element holding every extracted paragraph, widened to its `<article>`."""
    found = [
        element
        for element in page.iter("p")
        if not _never_article(element)
        and len(_words(_text_of(element))) >= 8
        and index.line_of(_Block(element, _text_of(element), False)) is not None
    ]
    if not found:
        return None
    body = _common_ancestor(found)
    while body is not None and (body.tag == "p" or _inside_paragraph(body)):
        body = body.getparent()
    if body is None:
        return None
    article = next((a for a in body.iterancestors("article")), None)
    return article if article is not None else body


def _missing_blocks_to_restore(
    blocks: list[_Block], positions: list[int | None], is_prose: Callable[[str], bool]
) -> set[int]:
    """Indexes of the blocks to put back: prose paragraphs, and headings over article text."""
    kept_paragraph = [
        not block.is_heading
        and (position is not None or _reads_as_article(block, is_prose))
        for block, position in zip(blocks, positions)
    ]
    wanted: set[int] = set()
    for number, (block, position) in enumerate(zip(blocks, positions)):
        if position is not None:
            continue
        if block.is_heading:
            if _introduces_text(number, blocks, kept_paragraph):
                wanted.add(number)
        elif kept_paragraph[number]:
            wanted.add(number)
    return wanted


def _introduces_text(number: int, blocks: list[_Block], kept_paragraph: list[bool]) -> bool:
    """True when the next block of the body that is kept is a paragraph, not a heading."""
    for following in range(number + 1, len(blocks)):
        if blocks[following].is_heading:
            return False
        if kept_paragraph[following]:
            return True
    return False


def _with_insertions(
    lines: list[str], blocks: list[_Block], positions: list[int | None], wanted: set[int]
) -> list[str]:
    """The lines with each wanted block after the line of the last block before it found."""
    first_found = next((p for p in positions if p is not None), 0)
    before: dict[int, list[str]] = {}
    anchor: int | None = None
    for number, (block, position) in enumerate(zip(blocks, positions)):
        if position is not None:
            anchor = position
        elif number in wanted:
            slot = first_found if anchor is None else anchor + 1
            before.setdefault(slot, []).append(block.text)
    result: list[str] = []
    for number, line in enumerate(lines):
        result.extend(before.pop(number, ()))
        result.append(line)
    for slot in sorted(before):
        result.extend(before[slot])
    return result


def _blocks(body: Any) -> Iterator[_Block]:
    """The paragraphs and headings of the body, in page order, outside never-article parts."""
    for element in body.iter("p", *HEADINGS):
        if _never_article(element) or _inside_paragraph(element):
            continue
        text = _text_of(element)
        if not _words(text):
            continue
        is_heading = element.tag in HEADINGS
        if is_heading and len(_words(text)) > MAX_HEADING_WORDS:
            continue
        yield _Block(element, text, is_heading)


def _reads_as_article(block: _Block, is_prose: Callable[[str], bool]) -> bool:
    return is_prose(block.text) and _link_share(block.element) <= MAX_LINK_SHARE


class _LineIndex:
    """Where a block of the page is in the extracted lines, compared word by word."""

    def __init__(self, lines: list[str]) -> None:
        self.line_words = [_words(line) for line in lines]
        self.line_shingles = [set(_shingles(words)) for words in self.line_words]
        self.all_shingles = set().union(*self.line_shingles) if lines else set()

    def line_of(self, block: _Block) -> int | None:
        """The line holding `block`, or None when the extracted text does not hold it."""
        words = block.words
        if block.is_heading or len(words) < 3:
            return self._short_line_holding(words)
        shingles = _shingles(words)
        if sum(s in self.all_shingles for s in shingles) < PRESENT_SHARE * len(shingles):
            return None
        overlaps = [sum(s in line for s in shingles) for line in self.line_shingles]
        return max(range(len(overlaps)), key=overlaps.__getitem__)

    def _short_line_holding(self, words: list[str]) -> int | None:
        """A short line holding `words` in a row (a heading may keep an edit link, a number)."""
        size = len(words)
        for number, line in enumerate(self.line_words):
            if size <= len(line) <= size + 3 and any(
                line[start : start + size] == words for start in range(len(line) - size + 1)
            ):
                return number
        return None


def _text_of(element: Any) -> str:
    """The visible text of an element: `<br>` as a line break, hidden parts left out."""
    pieces = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and not _never_article_here(child):
            pieces.append("\n" if child.tag == "br" else _text_of(child))
        pieces.append(child.tail or "")
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(pieces).split("\n"))
    return "\n".join(line for line in lines if line)


def _link_share(element: Any) -> float:
    text = len(" ".join(_words(_text_of(element))))
    links = sum(len(" ".join(_words(_text_of(a)))) for a in element.iter("a"))
    return links / text if text else 1.0


def _never_article(element: Any) -> bool:
    """True when the element or one of its ancestors is a part of a page that is not prose."""
    return any(_never_article_here(e) for e in (element, *element.iterancestors()))


def _never_article_here(element: Any) -> bool:
    if not isinstance(element.tag, str) or element.tag in _NEVER_ARTICLE_TAGS:
        return True
    names = " ".join(element.get(name, "") for name in ("class", "id", "style"))
    return bool(names.strip()) and _NEVER_ARTICLE_NAMES.search(names) is not None


def _inside_paragraph(element: Any) -> bool:
    return any(ancestor.tag == "p" for ancestor in element.iterancestors())


def _common_ancestor(elements: list[Any]) -> Any | None:
    """The deepest element that holds all of `elements` (or is one of them)."""
    chains = [[element, *element.iterancestors()][::-1] for element in elements]
    common = None
    for level in zip(*chains):
        if any(node is not level[0] for node in level):
            break
        common = level[0]
    return common


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _shingles(words: list[str]) -> list[tuple[str, ...]]:
    if len(words) < 3:
        return [tuple(words)] if words else []
    return [tuple(words[i : i + 3]) for i in range(len(words) - 2)]
