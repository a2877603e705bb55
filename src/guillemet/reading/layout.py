"""Word wrap on character offsets: the article as a list of screen lines.

Why our own wrap: the article view renders one line at a time (Textual's line API) and must map
between screen lines and offsets in `Article.text` in both directions (a claim's offset to the
line to scroll to, a mouse click to an offset). Wrapping with `str.rfind` over character offsets
re-wraps a 1 MB text in tens of milliseconds, where Rich's `Text.wrap` takes ten times longer
(see the performance notes). This module is pure: it knows nothing of Textual or styles.

A `Layout` holds parallel lists `starts`, `ends`, `kinds`: screen line `i` shows
`text[starts[i]:ends[i]]` when `kinds[i] == BODY`. Decoration lines (title, metadata, blank
lines between paragraphs) carry the offset of the neighbouring text, so `starts` never decreases
and `line_of(offset)` is one `bisect`.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

BODY = 0
BLANK = 1
TITLE = 2
META = 3
RULE = 4

MAX_TEXT_WIDTH = 76
"""A comfortable measure: about 65-75 characters a line."""
GUTTER = 2
"""Cells left of the text for the quote marks."""
MIN_MARGIN = 1
MIN_WIDTH = 50
MIN_HEIGHT = 12
"""The smallest terminal the reader lays out; below it the app shows a "too small" message
(and there is no first screen)."""
ARTICLE_MIN_WIDTH = 60
"""Columns the article keeps beside the side panel (the stylesheet shares the width 2 to 1)."""
SIDE_MIN_WIDTH = 30
"""The narrowest side panel shown beside the article: a name and `3 · organisation`."""
SIDE_FOLD_WIDTH = ARTICLE_MIN_WIDTH + SIDE_MIN_WIDTH
"""Below this terminal width the side panel folds away (`side_folded`)."""


SIDE_MAX_WIDTH = 42
"""`#side { max-width: 42 }` in styles/reader.tcss, its left border included."""


def side_width(terminal_width: int, folded: bool = False) -> int:
    """The side panel's width as the stylesheet makes it: a third of the terminal (the article
    2fr, the panel 1fr, Textual giving the article the rounded-down share), at most
    `SIDE_MAX_WIDTH`; 0 when folded away. The first screen paints with it, so that the app's
    first frame lands on the same columns."""
    if folded:
        return 0
    return min(SIDE_MAX_WIDTH, terminal_width - (2 * terminal_width) // 3)


def side_folded(terminal_width: int) -> bool:
    """Whether the side panel folds away at this terminal width, leaving the article the whole
    width (a key shows the panel over it). Here, not in the app, so that the first screen,
    painted before Textual is imported, can lay out the same way."""
    return terminal_width < SIDE_FOLD_WIDTH


def text_width_for(content_width: int) -> int:
    """The width the text is wrapped to in a view `content_width` cells wide (here, and not in
    the view, because the first screen is painted with the same geometry before Textual is
    imported: see `guillemet.tui.first_screen`)."""
    return max(10, min(MAX_TEXT_WIDTH, content_width - GUTTER - 2 * MIN_MARGIN))


def left_edge_for(content_width: int) -> int:
    """Cells from the view's left edge to the first character of the text: the text column,
    gutter included, is centred."""
    return max(0, (content_width - text_width_for(content_width) - GUTTER) // 2) + GUTTER

# Characters that do not take exactly one terminal cell: East Asian wide and full-width
# forms, emoji and the symbol blocks where many are wide (⌚, ⚡, ✅), combining marks,
# zero-width characters, control characters. A paragraph
# without any of them is wrapped with the fast path (one cell per character).
_NOT_ONE_CELL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a"
    "\u064b-\u065f\u1100-\u115f\u200b-\u200f\u2028-\u202e\u2060-\u206f\u20d0-\u20ff"
    "\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff"
    "\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe00-\ufe0f\ufe20-\ufe6f\uff00-\uff60"
    "\uffe0-\uffe6\U0001f000-\U0001faff\U00020000-\U0003fffd]"
)


def char_cells(char: str) -> int:
    """How many terminal cells one character takes (0, 1 or 2)."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Cf", "Cc", "Mn", "Me"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


_GLUED_AFTER = frozenset("«“‹")
_GLUED_BEFORE = frozenset("»”›:;!?")


def _breakable(text: str, space: int) -> bool:
    """Whether a line may break at the space `text[space]`. French sets its quotation marks
    and its high punctuation off with spaces, often plain ones in real articles; a line that
    starts with « » » or « : », or ends with « « », is a typesetting fault a reader sees."""
    return text[space - 1] not in _GLUED_AFTER and text[space + 1 : space + 2] not in _GLUED_BEFORE


def _inside_word(text: str, pos: int) -> bool:
    """Whether a word may be cut before `text[pos]`: between two characters of a word, neither
    a mark glued to it nor a combining character (which belongs with the one before)."""
    before, after = text[pos - 1], text[pos]
    return (before != " " and after != " " and before not in _GLUED_AFTER
            and after not in _GLUED_BEFORE and char_cells(after) > 0)


def _hard_cut(text: str, pos: int, limit: int) -> int:
    """Where to cut a line that has no space to break at before `limit` (the first character
    past the width): a word, or a word and the marks glued to it (« petite-bourgeoise »,
    « instrumentalisation », »), longer than the line. Cut inside the word, at the latest place
    that keeps a « with the word after it and a » with the word before it, so that the rest
    of the word carries its marks to the next line; at `limit` when there is no such place."""
    for cut in range(limit, pos, -1):
        if _inside_word(text, cut):
            return cut
    return limit


def wrap_paragraph(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Wrap `text[start:end]` (one paragraph, no newline) into `(start, end)` lines of at most
    `width` cells, breaking after spaces but never at one that glues French punctuation to its
    word; a word (with its glued marks) longer than the width is cut (see `_hard_cut`)."""
    width = max(1, width)
    if _NOT_ONE_CELL.search(text, start, end):
        return _wrap_by_cells(text, start, end, width)
    starts: list[int] = []
    ends: list[int] = []
    _wrap_into(text, start, end, width, starts, ends)
    return list(zip(starts, ends))


def _wrap_by_cells(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """The slow path of `wrap_paragraph`, counting cells character by character: the same
    breaks as `_wrap_into`, with the width measured in cells instead of characters."""
    lines: list[tuple[int, int]] = []
    pos = start
    while True:
        limit, cells = pos, 0
        while limit < end:
            size = char_cells(text[limit])
            if cells + size > width and limit > pos:
                break
            cells += size
            limit += 1
        if limit >= end:
            lines.append((pos, end))
            return lines
        cut = text.rfind(" ", pos, limit + 1)
        while cut > pos and not _breakable(text, cut):
            cut = text.rfind(" ", pos, cut)
        if cut > pos:
            lines.append((pos, cut))
            pos = cut + 1
        else:
            cut = _hard_cut(text, pos, limit)
            lines.append((pos, cut))
            pos = cut


def cell_offset_to_index(text: str, start: int, end: int, cells: int) -> int:
    """The offset in `text[start:end]` shown at `cells` cells from the line's left edge."""
    if not _NOT_ONE_CELL.search(text, start, end):
        return min(end, start + max(0, cells))
    used = 0
    for pos in range(start, end):
        used += char_cells(text[pos])
        if used > cells:
            return pos
    return end


@dataclass(frozen=True, slots=True)
class Paragraphs:
    """The paragraphs of a text (`text[starts[i]:ends[i]]`, no newline, not blank) and whether
    each needs the cell-counting wrap. They do not depend on the width: found once per text
    (`paragraphs_of`), they make each re-wrap only the wrapping itself."""

    starts: list[int]
    ends: list[int]
    by_cells: list[bool]


@dataclass(slots=True)
class Layout:
    """The screen lines of an article at one width (see the module docstring)."""

    width: int
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    kinds: list[int] = field(default_factory=list)
    decorations: dict[int, str] = field(default_factory=dict)
    paragraphs: Paragraphs | None = None
    """The text's paragraphs, for the next `build_layout` of the same text."""

    def __len__(self) -> int:
        return len(self.starts)

    def line_of(self, offset: int) -> int:
        """The screen line showing `offset` (the nearest body line for a decoration)."""
        index = bisect_right(self.starts, offset) - 1
        return max(0, min(index, len(self.starts) - 1))

    def lines_of(self, start: int, end: int) -> range:
        """The screen lines that show any of `text[start:end]`."""
        first = self.line_of(start)
        last = self.line_of(max(start, end - 1))
        return range(first, last + 1)

    def add(self, start: int, end: int, kind: int, decoration: str | None = None) -> None:
        """Append a screen line (used while building)."""
        if decoration is not None:
            self.decorations[len(self.starts)] = decoration
        self.starts.append(start)
        self.ends.append(end)
        self.kinds.append(kind)


def _wrap_decoration(text: str, width: int) -> list[str]:
    """Wrap a decoration (title, metadata) that is not part of the article text."""
    return [text[s:e] for s, e in wrap_paragraph(text, 0, len(text), width)] if text else []


def paragraphs_of(text: str) -> Paragraphs:
    """Find the paragraphs of `text` (each non-blank line; see `build_layout`)."""
    starts: list[int] = []
    ends: list[int] = []
    by_cells: list[bool] = []
    length = len(text)
    pos = 0
    find = text.find
    search = _NOT_ONE_CELL.search
    while pos < length:
        newline = find("\n", pos)
        if newline == -1:
            newline = length
        if newline > pos and not text[pos:newline].isspace():
            starts.append(pos)
            ends.append(newline)
            by_cells.append(search(text, pos, newline) is not None)
        pos = newline + 1
    return Paragraphs(starts, ends, by_cells)


def _wrap_into(text: str, pos: int, end: int, width: int, starts: list[int], ends: list[int]) -> None:
    """`wrap_paragraph`'s fast path (one cell per character), appending to `starts` and
    `ends` directly: no tuple per line, and `_breakable`'s test written out in place (a book
    has tens of thousands of breaks; calling it doubled the wrap of 1 MB, 7.6 to 15 ms). The
    two must say the same: `test_every_character_is_shown_once...` and the French punctuation
    tests hold both paths to it."""
    rfind = text.rfind
    after, before = _GLUED_AFTER, _GLUED_BEFORE
    while end - pos > width:
        cut = rfind(" ", pos, pos + width + 1)
        while cut > pos and (text[cut - 1] in after or text[cut + 1 : cut + 2] in before):
            cut = rfind(" ", pos, cut)
        starts.append(pos)
        if cut <= pos:
            cut = _hard_cut(text, pos, pos + width)
            ends.append(cut)
            pos = cut
        else:
            ends.append(cut)
            pos = cut + 1
    starts.append(pos)
    ends.append(end)


def _title_paragraphs(text: str, title: str | None, paragraphs: Paragraphs) -> int:
    """1 when the text's first paragraph is the title (a plain-text or Markdown article keeps
    its title line in the text), else 0. That paragraph is then drawn as the title, with its
    own offsets, instead of the title above it and the same words again below."""
    if not title or not paragraphs.starts:
        return 0
    first = text[paragraphs.starts[0]:paragraphs.ends[0]].strip()
    return 1 if first == title.strip() else 0


def build_layout(
    text: str,
    width: int,
    title: str | None = None,
    meta: Sequence[str] = (),
    paragraphs: Paragraphs | None = None,
) -> Layout:
    """Wrap the whole article to `width` cells: title, metadata, a rule, then paragraphs
    separated by one blank line; a first paragraph that is the title is shown once, as the
    title (its lines keep their offsets, so the view can still point into them). Each line of the text is a paragraph; runs of empty lines
    collapse into one blank line. `paragraphs` (`paragraphs_of(text)`, or the `paragraphs` of
    a previous layout of the same text) saves finding them again at each width."""
    width = max(1, width)
    if paragraphs is None:
        paragraphs = paragraphs_of(text)
    layout = Layout(width, paragraphs=paragraphs)
    skip = _title_paragraphs(text, title, paragraphs)
    after_title = 0
    if skip:
        for start, end in wrap_paragraph(text, paragraphs.starts[0], paragraphs.ends[0], width):
            layout.add(start, end, TITLE, text[start:end])
        after_title = paragraphs.ends[0]
    elif title:
        for line in _wrap_decoration(title.strip(), width):
            layout.add(0, 0, TITLE, line)
    meta_text = " · ".join(part for part in meta if part)
    if meta_text:
        for line in _wrap_decoration(meta_text, width):
            layout.add(after_title, after_title, META, line)
    if title or meta_text:
        layout.add(after_title, after_title, RULE, "")
        layout.add(after_title, after_title, BLANK, "")
    starts, ends, kinds = layout.starts, layout.ends, layout.kinds
    first = True
    for pos, end, by_cells in zip(paragraphs.starts[skip:], paragraphs.ends[skip:], paragraphs.by_cells[skip:]):
        if not first:
            starts.append(pos - 1)
            ends.append(pos - 1)
            kinds.append(BLANK)
        first = False
        before = len(starts)
        if by_cells:
            lines = _wrap_by_cells(text, pos, end, width)
            starts.extend([line[0] for line in lines])
            ends.extend([line[1] for line in lines])
        else:
            _wrap_into(text, pos, end, width, starts, ends)
        kinds.extend([BODY] * (len(starts) - before))
    if not layout.starts:
        layout.add(0, 0, BLANK, "")
    return layout
