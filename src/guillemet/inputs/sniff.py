"""Recognising what an input is before reading it as an article.

A file's name says what it claims to be (`.html`, `.md`); its first bytes say what it is. Binary
files are refused by their magic numbers (so the message can name the kind: "a PDF document"),
then by zero bytes or control characters; content with no telling extension is sniffed as HTML,
Markdown or plain text, so that a page or a note piped to standard input or saved without an
extension still works.

Markdown is recognised by markup plain text does not have: YAML front matter, a first line that
is a `# heading`, a fenced code block, or two or more of `## headings`, `===` heading
underlines, `[links](...)` and `**strong**` text. List bullets and `*` alone are not enough:
plain text uses them too. A text taken for Markdown loses only its markup.
"""

from __future__ import annotations

import re
from pathlib import PurePath

HTML = "html"
MHTML = "mhtml"
MARKDOWN = "markdown"
TEXT = "text"
BINARY_DATA = "binary data"

_EXTENSIONS = {
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".shtml": HTML,
    ".mhtml": MHTML,
    ".mht": MHTML,
    ".md": MARKDOWN,
    ".markdown": MARKDOWN,
    ".mdown": MARKDOWN,
    ".mkd": MARKDOWN,
    ".txt": TEXT,
    ".text": TEXT,
}

_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx, .odt or .epub document)"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document (save it as plain text)"),
    (b"\x7fELF", "a program"),
    (b"MZ\x90\x00", "a program"),
    (b"OggS", "an audio file"),
    (b"ID3", "an audio file"),
    (b"fLaC", "an audio file"),
    (b"\x00\x00\x00\x18ftyp", "a video file"),
    (b"\x00\x00\x00\x20ftyp", "a video file"),
    (b"\x1aE\xdf\xa3", "a video file"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_RIFF_KINDS = {b"WEBP": "a WebP image", b"WAVE": "an audio file", b"AVI ": "a video file"}
_CONTROL_BYTES = frozenset(range(0, 9)) | frozenset(range(14, 27)) | frozenset(range(28, 32))
_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAGS = re.compile(r"<(?:p|div|article|br|h[1-6])\b[^>]*>", re.IGNORECASE)
_MARKDOWN_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n.*?^(?:---|\.\.\.)[ \t]*$", re.M | re.S)
_MARKDOWN_TITLE = re.compile(r"\A\ufeff?\s*#{1,6}[ \t]+\S")
_MARKDOWN_FENCE = re.compile(r"^ {0,3}(?:```|~~~)", re.MULTILINE)
_MARKDOWN_MARKUP = re.compile(
    r"^ {0,3}#{1,6}[ \t]+\S"  # a heading
    r"|^[^\n]*\S[^\n]*\n {0,3}={3,}[ \t]*$"  # a heading underlined with ===
    r"|\[[^\]\n]+\]\([^)\s]+\)"  # a link or an image
    r"|\*\*\S[^*\n]*\*\*|__\S[^_\n]*__",  # strong text
    re.MULTILINE,
)


def kind_from_name(name: str) -> str | None:
    """The kind a file name announces by its extension, or None when it does not say."""
    return _EXTENSIONS.get(PurePath(name).suffix.lower())


def binary_kind(data: bytes) -> str | None:
    """What kind of binary file `data` is ("a PDF document", "binary data"), or None if text.

    Call it after ruling out UTF-16/32 (which is full of zero bytes but is text).
    """
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    if data.startswith(b"RIFF") and data[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[data[8:12]]
    sample = data[:8192]
    if b"\x00" in sample:
        return BINARY_DATA
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    if controls > max(2, len(sample) // 100):
        return BINARY_DATA
    return None


def looks_like_html(head: str) -> bool:
    """True when `head` (the start of an input) opens an HTML document or is full of tags."""
    head = head.lstrip("\ufeff")
    return bool(_HTML_START.match(head)) or len(_HTML_TAGS.findall(head)) >= 3


def looks_like_markdown(head: str) -> bool:
    """True when `head` (the start of an input) is written in Markdown (see the docstring)."""
    if _MARKDOWN_FRONT_MATTER.match(head) or _MARKDOWN_TITLE.match(head):
        return True
    if _MARKDOWN_FENCE.search(head):
        return True
    return len(_MARKDOWN_MARKUP.findall(head)) >= 2


def head_text(data: bytes, wide_encoding: str | None) -> str:
    """The first few kilobytes of `data` as text, good enough to sniff for markup.

    Latin-1 maps every byte to a character, so any ASCII-compatible encoding sniffs right;
    UTF-16 and UTF-32 need their own codec.
    """
    return data[:4096].decode(wide_encoding or "latin-1", errors="replace")
