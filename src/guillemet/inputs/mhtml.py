"""Web pages saved as one file (`.mhtml`, `.mht`: the "single file" of Chrome's "Save as...").

Such a file is a MIME message (like an e-mail) whose first `text/html` part is the page and whose
other parts are its images and styles. The standard library's e-mail parser undoes the
quoted-printable or base64 transfer encoding; the page then goes through the same extraction
as any saved HTML page. The address the page was saved from (`Snapshot-Content-Location`) is
kept, as browsers record it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from guillemet.errors import InputError
from guillemet.inputs.decode import canonical, decode
from guillemet.inputs.webpage import declared_charset

if TYPE_CHECKING:
    from email.message import Message

_START_MARKERS = (b"mime-version:", b"from:", b"snapshot-content-location:", b"subject:", b"date:")


def looks_like_mhtml(data: bytes) -> bool:
    """True when `data` starts like a MIME message holding a multipart page."""
    head = data[:2048].lower()
    return head.startswith(_START_MARKERS) and b"multipart/related" in head


def html_part(data: bytes, source: str) -> tuple[str, str, str | None]:
    """The page in an MHTML file: (decoded HTML, its encoding, the address it was saved from).

    Browsers often leave the charset off the part; the page's own `<meta charset>` then says it.
    """
    import email  # imported here: 0.1 s at every launch for a format few readers open
    import email.policy

    message = email.message_from_bytes(data, policy=email.policy.compat32)
    part = next((p for p in message.walk() if p.get_content_type() == "text/html"), None)
    if part is None:
        raise InputError(source, "no web page found in this MHTML file")
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload.strip():
        raise InputError(source, "is empty (its web page has no content)")
    text, encoding = decode(payload, source, _charset(part) or declared_charset(payload))
    return text, encoding, _saved_from(message, part)


def _charset(part: Message) -> str | None:
    charset = part.get_content_charset()
    return charset if charset and canonical(charset) else None


def _saved_from(message: Message, part: Message) -> str | None:
    address = message.get("Snapshot-Content-Location") or part.get("Content-Location")
    return str(address).strip() if address else None
