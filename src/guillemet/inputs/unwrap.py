"""Undo hard wrapping in text exports, and the hyphenation that came with it.

The engine and the reader treat every line as a paragraph (the sample article has one paragraph
per line), so a text wrapped at 72 columns would become dozens of one-line "paragraphs" and
words cut as "démo-" / "cratie" would be two broken tokens. But most text files are not wrapped,
and joining lines that the author meant (a list, a poem, a dialogue) would damage them. So:

1. **Only clearly hard-wrapped texts are touched.** A text is hard-wrapped when it has at least
   `MIN_WRAPPED_LINES` lines followed by another non-empty line, the wrap width (90th percentile
   of their lengths) is between `MIN_WIDTH` and `MAX_WIDTH` columns, and at least
   `FULL_SHARE` of those lines are *full*: the next line's first word would not have fitted at the
   end of the line (within 10 % of the width). Texts with one paragraph per line have long, uneven
   lines and are left alone, as are texts with too few wrapped lines to judge.
2. **Only full lines are joined to the next.** A short line inside a block (the end of a
   paragraph without a blank line after it, a list item, a verse) keeps its line break; so do
   blank lines, and a line whose successor starts like a list item or a dialogue dash.
3. **A hyphen at the end of a joined line** (a letter then `-`) is resolved so:
   - next line starts with an upper-case letter or a digit: the hyphen is kept, no space
     (`Jean-` / `Marc` gives `Jean-Marc`, `Île-de-` / `France` gives `Île-de-France`);
   - next line starts lower-case: the text itself decides first: if the joined word appears
     elsewhere in the text the hyphen goes (`démo-` / `cratie` gives `démocratie`), else if the
     hyphenated word appears elsewhere it stays (`porte-` / `parole` gives `porte-parole`);
     failing that the hyphen stays before French clitics and particles (`a-t-` / `il`,
     `celle-` / `ci`, `peut-` / `être`) and after the first words of frequent compounds
     (`ex-`, `vice-`, `demi-`, `contre-`, `porte-`, `sous-`...: a compound always breaks at its
     hyphen, a hyphenated word only sometimes at that syllable), and goes everywhere else
     (line-end hyphenation is far more common than a compound cut exactly at its hyphen).

   Known limit: a compound cut at its own hyphen, not seen elsewhere in the text and not in
   those lists, loses its hyphen (`social-` / `démocrate` gives `socialdémocrate`).
"""

from __future__ import annotations

import re

MIN_WRAPPED_LINES = 3
MIN_WIDTH = 30
MAX_WIDTH = 120
FULL_SHARE = 0.75

_KEEP_AFTER = frozenset(
    "t il ils elle elles on je tu nous vous le la les lui leur leurs moi toi soi y en ci là "
    "même mêmes être dire".split()
)
_KEEP_BEFORE = frozenset(
    "ex vice demi semi mi porte contre après avant arrière sous sans grand grande "
    "belle beau petit petite".split()
)
_LIST_START = re.compile(r"^(?:[-*•–—]\s|\d+[.)]\s)")
_HYPHENATED_END = re.compile(r"(\w+)-$")
_FIRST_WORD = re.compile(r"^\w+")
_WORD_OR_COMPOUND = re.compile(r"\w+(?:-\w+)*")


def wrap_width(lines: list[str]) -> int | None:
    """The width the text was wrapped at, or None when it is not clearly hard-wrapped."""
    inner = [i for i in range(len(lines) - 1) if lines[i] and lines[i + 1]]
    if len(inner) < MIN_WRAPPED_LINES:
        return None
    lengths = sorted(len(lines[i]) for i in inner)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        return None
    full = sum(_is_full(lines[i], lines[i + 1], width) for i in inner)
    if full < MIN_WRAPPED_LINES or full / len(inner) < FULL_SHARE:
        return None
    return width


def unwrap(text: str) -> str:
    """Join the lines of hard-wrapped paragraphs; return `text` unchanged if it is not wrapped."""
    lines = text.split("\n")
    width = wrap_width(lines)
    if width is None:
        return text
    vocabulary = _Vocabulary(text)
    pieces = [lines[0]]
    for line, following in zip(lines, lines[1:]):
        wrapped_here = line and following and _is_full(line, following, width)
        if not wrapped_here or _LIST_START.match(following):
            pieces.append("\n")
        elif (hyphen := _line_end_hyphen(line, following, vocabulary)) is None:
            pieces.append(" ")
        elif not hyphen:
            pieces[-1] = pieces[-1][:-1]
        pieces.append(following)
    return "".join(pieces)


def _is_full(line: str, following: str, width: int) -> bool:
    """True when the next line's first word would not have fitted on this line."""
    first_word = following.split(" ", 1)[0]
    return len(line) + 1 + len(first_word) > 0.9 * width


def _line_end_hyphen(line: str, following: str, vocabulary: _Vocabulary) -> bool | None:
    """None if `line` does not end in a word cut by a hyphen; else whether to keep the hyphen."""
    left = _HYPHENATED_END.search(line)
    right = _FIRST_WORD.match(following)
    if left is None or right is None:
        return None
    return _keep_hyphen(left.group(1), right.group(0), vocabulary)


def _keep_hyphen(left: str, right: str, vocabulary: _Vocabulary) -> bool:
    """Decide whether `left-` + `right` is a compound (keep `-`) or a hyphenated word."""
    if not right[0].islower():
        return True
    left, right = left.lower(), right.lower()
    if left + right in vocabulary.words:
        return False
    if f"{left}-{right}" in vocabulary.compounds:
        return True
    return right in _KEEP_AFTER or left in _KEEP_BEFORE


class _Vocabulary:
    """The words of the text, and the pairs joined by a hyphen inside a line, built lazily.

    Sets, so that a book with thousands of line-end hyphens is read once, not once per hyphen.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._words: set[str] | None = None
        self._compounds: set[str] = set()

    @property
    def words(self) -> set[str]:
        if self._words is None:
            self._words = set()
            for token in _WORD_OR_COMPOUND.findall(self._text.lower()):
                parts = token.split("-")
                self._words.update(parts)
                self._compounds.update(f"{a}-{b}" for a, b in zip(parts, parts[1:]))
        return self._words

    @property
    def compounds(self) -> set[str]:
        _ = self.words
        return self._compounds
