"""Text hygiene: the small repairs every input gets before it becomes `Article.text`.

Why here and not in the engine: `Article.text` is what the reader paints and what every offset
indexes, so characters that a terminal draws wrongly (a soft hyphen is one cell wide for Rich
but invisible in a browser), or that no reader wants to see (carriage returns, zero-width
spaces), are removed once, at load time. The engine then never sees them and its own offset
map only has to deal with linguistic normalisation (apostrophes, non-breaking spaces).

What changes (and nothing else does; clean UTF-8 text with `\\n` newlines comes out identical):

- newlines: `\\r\\n`, `\\r`, form feed, vertical tab, NEL, U+2028 and U+2029 become `\\n`;
- invisible characters: soft hyphens (U+00AD), zero-width spaces (U+200B), word joiners
  (U+2060), stray byte-order marks (U+FEFF) and the Mongolian vowel separator are removed;
  zero-width (non-)joiners are kept because they carry meaning in emoji and some scripts;
- control characters (C0 and C1, but tab and the line breaks above, and DEL) are removed: they
  mean nothing in prose, and the reader writes the text to a terminal, where an escape
  character from an article would start a command of the terminal's own (colours, the
  cursor, the window's title) instead of being read;
- spaces: tabs become spaces, runs of spaces inside a line become one space, spaces at the
  ends of lines go; non-breaking and thin spaces are kept (French typography uses them
  around « », : ; ! ?);
- blank lines: lines holding only whitespace become empty, and blank lines at the start and
  end of the text go. Runs of blank lines inside the text are kept: they are the author's
  layout (a section break in a novel), and keeping them keeps the offsets of annotated corpora.
"""

from __future__ import annotations

import re

_NEWLINES = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff\u180e]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
"""Control characters but tab, the line breaks (`\\n`, and those `_NEWLINES` turns into it)."""
_SPACE_RUN = re.compile("\t[ \t]*| [ \t]+")
"""A tab, or a space with more after it: not a lone space (most of a text's spaces, left as
they are instead of being replaced one by one)."""
_LINE_EDGE_SPACES = re.compile("^ +| +$", re.MULTILINE)


def _holds_any(text: str, characters: str) -> bool:
    """Whether `text` holds any of `characters`: one fast `in` scan each, where a regular
    expression walks a megabyte character by character (tens of milliseconds): most texts
    need none of the repairs, and the reader paints nothing before they are done."""
    return any(character in text for character in characters)


def normalise_newlines(text: str) -> str:
    """Turn every kind of line break into `\\n`, the only one the engine and reader know."""
    return _NEWLINES.sub("\n", text) if _holds_any(text, "\r\x0b\x0c\x85\u2028\u2029") else text


def remove_invisible(text: str) -> str:
    """Drop soft hyphens and zero-width characters, which mean nothing to a reader here."""
    return _INVISIBLE.sub("", text) if _holds_any(text, "\u00ad\u200b\u2060\ufeff\u180e") else text


def remove_controls(text: str) -> str:
    """Drop control characters (see the module docstring): one search of a megabyte takes
    about 6 ms, the removal runs only when there is one."""
    return _CONTROL.sub("", text) if _CONTROL.search(text) else text


def tidy_spaces(text: str) -> str:
    """Collapse tabs and runs of spaces, trim line ends, drop blank lines at both ends."""
    if "\t" in text or "  " in text:
        text = _SPACE_RUN.sub(" ", text)
    if " \n" in text or "\n " in text or text.startswith(" ") or text.endswith(" "):
        text = _LINE_EDGE_SPACES.sub("", text)
    return text.strip("\n")


def clean_text(text: str) -> str:
    """Apply every repair above, in the order that keeps them independent of each other."""
    return tidy_spaces(remove_controls(remove_invisible(normalise_newlines(text))))
