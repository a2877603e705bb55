"""Bytes to text: byte-order marks, UTF-8, a declared charset, then charset-normalizer's guess.

The order matters. A byte-order mark is proof, so it wins. Valid UTF-8 is almost never an
accident, so it comes next. A charset declared by the source (an HTTP header, an HTML `<meta>`)
is trusted if the bytes decode with it. Only then is the encoding guessed, with
charset-normalizer. UTF-16 without a BOM is recognised by its pattern of zero bytes before
anything else can call it binary.

French-first tie-break: on short texts charset-normalizer often finds several single-byte
encodings equally plausible (cp1250 and cp1252 decode most French letters alike, but not
`ê`, `à` or `œ`). When Windows-1252 is among the best candidates it is chosen: it is the most
common legacy encoding of Western European text and the one web browsers assume. For the same
reason ISO-8859-1 is read as its superset Windows-1252, as browsers do. And when the guess
rests on no evidence (no language recognised in the decoded text, typically a line or two, or
no guess at all) Windows-1252 is used if it reads the bytes cleanly: without that, "Élysée :
« non »" comes out as Shift-JIS. The price: a very short Cyrillic or Greek note in a Windows
code page may be misread; longer texts are recognised by their language. Bytes that
Windows-1252 cannot read, or that it reads as UTF-8 mojibake (`Ã©`, `â€™`: a file mixing
two encodings), with no good guess, are refused.

Windows punctuation: bytes 0x80-0x9F are control characters in ISO-8859 and letters in Mac
and DOS code pages, but Windows-1252 reads most of them as the punctuation of French text
(`’` `“` `”` `–` `—` `…` `€` `œ`). A text holding such bytes, that Windows-1252 reads cleanly, is
Windows-1252, whatever charset-normalizer guessed or the source declared, unless that is another
Windows code page (Central European, Cyrillic...: they read those bytes as text too, and were
chosen for the letters). Without this rule a French article with a single `’` came out as
ISO-8859-10, the `’` as a control character, removed, and the quotes around it were lost. The
price: a Mac or DOS text with bytes in that range is misread.

The name reported (`Article.encoding`, shown by the reader) is Python's canonical codec name:
`utf-8`, `utf-8-sig` (UTF-8 with a BOM), `utf-16-le`, `cp1252`...
"""

from __future__ import annotations

import codecs
import re

from guillemet.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_TIE = 0.01
_PREFERRED = "cp1252"
_MOJIBAKE = re.compile("[ÂÃ][\u00a0-\u00bf]|â€")
_WINDOWS_1252_PUNCTUATION = re.compile(rb"[\x80\x82-\x8c\x8e\x91-\x9c\x9e\x9f]")
"""The bytes 0x80-0x9F that Windows-1252 maps to printable characters (all but five)."""


def canonical(encoding: str) -> str | None:
    """Python's canonical name for `encoding`, or None when Python does not know it."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return None


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark at the start of `data` announces, if any."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def bomless_utf16(data: bytes) -> str | None:
    """`utf-16-le` or `utf-16-be` when `data` looks like mostly-Latin UTF-16 without a BOM.

    In such text every other byte is zero (the high byte of ASCII and Latin-1 letters), on the
    odd positions for little-endian and the even ones for big-endian; binary data is not so
    regular.
    """
    sample = data[:4096]
    if len(sample) < 4 or len(data) % 2:
        return None
    pairs = len(sample) // 2
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    if odd_zeros >= 0.6 * pairs and even_zeros <= 0.01 * pairs:
        return "utf-16-le"
    if even_zeros >= 0.6 * pairs and odd_zeros <= 0.01 * pairs:
        return "utf-16-be"
    return None


def decode(data: bytes, source: str, declared: str | None = None) -> tuple[str, str]:
    """Decode `data` and return (text, encoding); raise InputError when no encoding fits."""
    for encoding in (bom_encoding(data), bomless_utf16(data)):
        if encoding:
            return _strict(data, encoding, source).removeprefix("\ufeff"), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared_name = canonical(declared) if declared else None
    if declared_name and not declared_name.startswith(("utf-16", "utf-32")):
        # a wide encoding declared by bytes we could read as ASCII is a mistake (as in browsers)
        declared_name = _PREFERRED if declared_name == "iso8859-1" else declared_name
        declared_name = _windows_1252_if_its_punctuation(data, declared_name)
        try:
            return data.decode(declared_name), declared_name
        except UnicodeDecodeError:
            pass
    guessed = guess_encoding(data)
    if guessed is None:
        raise InputError(source, "unknown text encoding (not UTF-8, and no other encoding fits)")
    return data.decode(guessed), guessed


def guess_encoding(data: bytes) -> str | None:
    """charset-normalizer's best guess for `data`, with the French-first rules above."""
    guessed = _normalizer_guess(data)
    return _windows_1252_if_its_punctuation(data, guessed) if guessed else None


def _windows_1252_if_its_punctuation(data: bytes, encoding: str) -> str:
    """Windows-1252 instead of `encoding` when `data` holds its punctuation bytes and reads
    cleanly with it, and `encoding` is not a Windows code page itself (see the module docstring)."""
    if encoding.startswith("cp125") or not _WINDOWS_1252_PUNCTUATION.search(data):
        return encoding
    return _PREFERRED if _reads_cleanly_as_preferred(data) else encoding


def _normalizer_guess(data: bytes) -> str | None:
    """charset-normalizer's best guess, with the tie-break and fallbacks to Windows-1252."""
    import charset_normalizer  # imported here: only texts that are not UTF-8 need it

    matches = list(charset_normalizer.from_bytes(data))
    best = matches[0] if matches else None
    for match in matches:
        tied = match.chaos <= best.chaos + _TIE and match.coherence >= best.coherence - _TIE
        if tied and _PREFERRED in match.could_be_from_charset:
            return _PREFERRED
    if best is not None and best.coherence > 0:
        name = canonical(best.encoding) or best.encoding
        return _PREFERRED if name == "iso8859-1" and _decodes(data, _PREFERRED) else name
    if _reads_cleanly_as_preferred(data):
        return _PREFERRED
    return (canonical(best.encoding) or best.encoding) if best is not None else None


def _reads_cleanly_as_preferred(data: bytes) -> bool:
    """True when Windows-1252 decodes `data` without mojibake of UTF-8 in it."""
    try:
        text = data.decode(_PREFERRED)
    except UnicodeDecodeError:
        return False
    return _MOJIBAKE.search(text) is None


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _strict(data: bytes, encoding: str, source: str) -> str:
    """Decode with an encoding we are sure of; bytes that break it make the input unreadable."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(
            source, f"is not valid {encoding} text (bad bytes at offset {error.start})"
        ) from None
