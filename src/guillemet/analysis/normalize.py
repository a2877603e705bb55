"""Make text digestible for the French model without ever losing the reader's offsets.

The French pipelines were trained on text with straight apostrophes and plain spaces: a
typographic apostrophe splits "C’est" into nonsense tokens, a soft hyphen breaks a word in
two, a non-breaking hyphen hides the "-t-il" of an inverted incise. So the model reads a
*normalised* copy of the text. Most fixes replace one character by another (the offsets stay
the same); a few characters are removed (soft hyphen, zero-width characters), which shifts
everything after them. `OffsetMap` undoes that shift, so every span the engine hands out
indexes the ORIGINAL text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_APOSTROPHES = "\u2019\u02bc\uff07"  # ’ ʼ ＇ used as elision apostrophes
_SPACES = (
    "\t\u00a0\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u205f\u3000\u1680\x0b\x0c"
)
_LINE_BREAKS = "\r\u2028\u2029\x85"
_HYPHENS = "\u2010\u2011"  # hyphen, non-breaking hyphen: "a\u2011t\u2011il"
_REMOVED = "\u00ad\u200b\u200c\u200d\u2060\ufeff"  # soft hyphen, zero-width characters

_TRANSLATION: dict[int, str | None] = {
    **{ord(c): "'" for c in _APOSTROPHES},
    **{ord(c): " " for c in _SPACES},
    **{ord(c): "\n" for c in _LINE_BREAKS},
    **{ord(c): "-" for c in _HYPHENS},
    **{ord(c): None for c in _REMOVED},
}
_REMOVED_RE = re.compile(f"[{_REMOVED}]")


class OffsetMap:
    """Maps offsets in the normalised text back to offsets in the original text.

    Only removed characters shift offsets. For the k-th removed character (0-based) at
    original index d, `_shift_points[k] = d - k` is where the gap sits in the normalised
    text; the original index of normalised character n is n plus the number of gaps at or
    before n.
    """

    __slots__ = ("_removed", "_shift_points", "original_length")

    def __init__(self, removed_positions: list[int], original_length: int) -> None:
        self._removed = removed_positions
        self._shift_points = [d - k for k, d in enumerate(removed_positions)]
        self.original_length = original_length

    @property
    def is_identity(self) -> bool:
        """True when no character was removed: normalised offsets are original offsets."""
        return not self._removed

    def to_original(self, offset: int) -> int:
        """The original index of the character at normalised `offset` (or the text end)."""
        if not self._shift_points:
            return offset
        return offset + bisect_right(self._shift_points, offset)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original (start, end) of a normalised span.

        The start is the original position of its first character and the end follows its
        last character, so removed characters *inside* the span stay inside and removed
        characters at its edges stay outside.
        """
        if not self._shift_points:
            return start, end
        if end <= start:
            position = self.to_original(start)
            return position, position
        return self.to_original(start), self.to_original(end - 1) + 1

    def to_normalised(self, offset: int) -> int:
        """The normalised offset of original `offset` (a removed character maps to the gap)."""
        if not self._removed:
            return offset
        return offset - bisect_right(self._removed, offset - 1)


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """The model's copy of a text and the way back to the original offsets."""

    text: str
    offsets: OffsetMap


def normalise(text: str) -> NormalisedText:
    """The text as the model should read it, with the map back to `text`'s offsets.

    Newlines stay newlines (paragraphs are found on the normalised text); quotation marks
    are left alone (the quote rules want to see « », “ ” and " as written).
    """
    removed = [match.start() for match in _REMOVED_RE.finditer(text)]
    return NormalisedText(text.translate(_TRANSLATION), OffsetMap(removed, len(text)))
