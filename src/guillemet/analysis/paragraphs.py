"""Cut a text into the paragraphs the model reads one at a time.

Paragraph boundaries are sentence boundaries for the reader, and feeding spaCy paragraph by
paragraph keeps its cost linear and its memory flat (one `nlp(text)` call on a book grows
worse than linearly and fails past `nlp.max_length`). News articles and the novels we read
put one paragraph per line; text hard-wrapped at a fixed width (blank-line separated blocks
of similar-length lines) is read block by block instead, so a sentence is not cut at every
line end. A paragraph too long for one comfortable parse is cut at a sentence-ish boundary.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

MAX_PARAGRAPH_CHARS = 20_000
"""Longer paragraphs are cut into chunks of at most this many characters."""

_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")
_SENTENCE_END_RE = re.compile(r"[.!?…»\"”;:](?=\s)")
_WRAP_MIN_LINES = 3
_WRAP_MAX_WIDTH = 100
_WRAP_FILL = 0.7  # a wrapped line fills at least this share of the block's widest line


def paragraph_spans(text: str) -> Iterator[tuple[int, int]]:
    """The (start, end) of every paragraph of `text`, in order, stripped of outer spaces.

    Every span is non-empty and lies inside one line, or inside one hard-wrapped block
    (whose inner newlines the caller should read as spaces).
    """
    for block_start, block_end in _blocks(text):
        lines = list(_stripped_lines(text, block_start, block_end))
        if _looks_hard_wrapped(lines):
            yield from _chunks(text, lines[0][0], lines[-1][1])
        else:
            for start, end in lines:
                yield from _chunks(text, start, end)


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """Stretches of text between blank lines."""
    start = 0
    for match in _BLANK_LINE_RE.finditer(text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _stripped_lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The non-blank lines of text[start:end], without their surrounding whitespace."""
    line_start = start
    while line_start < end:
        line_end = text.find("\n", line_start, end)
        if line_end < 0:
            line_end = end
        left, right = line_start, line_end
        while left < right and text[left].isspace():
            left += 1
        while right > left and text[right - 1].isspace():
            right -= 1
        if left < right:
            yield left, right
        line_start = line_end + 1


def _looks_hard_wrapped(lines: list[tuple[int, int]]) -> bool:
    """True for a block of several lines that all but the last fill a fixed width."""
    if len(lines) < _WRAP_MIN_LINES:
        return False
    widths = [end - start for start, end in lines[:-1]]
    widest = max(widths)
    if widest > _WRAP_MAX_WIDTH:
        return False
    return all(width >= _WRAP_FILL * widest for width in widths)


def _chunks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """text[start:end] in pieces of at most MAX_PARAGRAPH_CHARS, cut after a sentence end
    when there is one in the second half of the piece, else at a space, else anywhere."""
    while end - start > MAX_PARAGRAPH_CHARS:
        limit = start + MAX_PARAGRAPH_CHARS
        cut = _last_sentence_end(text, start + MAX_PARAGRAPH_CHARS // 2, limit)
        if cut is None:
            space = text.rfind(" ", start + 1, limit)
            cut = space if space > start else limit
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        if piece_end > start:
            yield start, piece_end
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        yield start, end


def _last_sentence_end(text: str, low: int, high: int) -> int | None:
    """The position just after the last sentence-ending mark in text[low:high], if any."""
    last = None
    for match in _SENTENCE_END_RE.finditer(text, low, high):
        last = match.end()
    return last
