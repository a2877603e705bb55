"""Fetching an article from an http:// or https:// URL, with every failure as one line.

urllib rather than trafilatura's own fetcher: it lets us set the timeout, the size limit and the
User-Agent, and turn each way a download can fail (no network, unknown host, refused
connection, HTTP error, timeout, a PDF instead of a page) into an `InputError` that says which.
The timeout covers the whole download, not each socket read, so a server that trickles bytes
cannot hold the reader forever.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
import urllib.error
import urllib.request
from email.message import Message
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from guillemet import __version__
from guillemet.errors import InputError
from guillemet.inputs import sources
from guillemet.inputs.sniff import HTML, MARKDOWN, TEXT, kind_from_name
from guillemet.inputs.sources import DEFAULT_TIMEOUT, RawInput, too_large

USER_AGENT = f"guillemet/{__version__} (terminal news reader)"
_ACCEPT = "text/html, application/xhtml+xml, text/plain;q=0.9, */*;q=0.5"
_CHUNK = 64 * 1024
_CONTENT_KINDS = {
    "text/html": HTML,
    "application/xhtml+xml": HTML,
    "text/plain": TEXT,
    "text/markdown": MARKDOWN,
    "text/x-markdown": MARKDOWN,
}


def fetch(url: str, timeout: float = DEFAULT_TIMEOUT, limit: int | None = None) -> RawInput:
    """Download `url` and return its bytes with the content type and charset the server gave."""
    limit = sources.MAX_BYTES if limit is None else limit
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT})
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            headers: Message = response.headers
            kind = _content_kind(url, headers.get_content_type())
            length = headers.get("Content-Length")
            if length and length.isdigit() and int(length) > limit:
                raise too_large(url, limit)
            data = _read_before(response, deadline, url, timeout, limit)
            final_url = response.geturl()
    except InputError:
        raise
    except urllib.error.HTTPError as error:
        raise InputError(url, f"HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise InputError(url, _network_problem(error.reason, timeout)) from None
    except TimeoutError:
        raise InputError(url, _timed_out(timeout)) from None
    except (http.client.HTTPException, ssl.SSLError, OSError) as error:
        raise InputError(url, _network_problem(error, timeout)) from None
    name = PurePosixPath(urlsplit(final_url).path).name or None
    if kind == TEXT and name and kind_from_name(name) == MARKDOWN:
        kind = MARKDOWN  # raw Markdown is usually served as text/plain
    charset = headers.get_content_charset()
    return RawInput(source=url, data=data, name=name, kind=kind, charset=charset, url=final_url)


def _content_kind(url: str, content_type: str) -> str | None:
    """HTML, Markdown or text from the Content-Type; None to sniff; an error for other media."""
    if content_type in _CONTENT_KINDS:
        return _CONTENT_KINDS[content_type]
    if content_type in ("application/octet-stream", "") or content_type.startswith("text/"):
        return None
    raise InputError(url, f"is not a web page or text (the server sent {content_type})")


def _read_before(
    response: http.client.HTTPResponse, deadline: float, url: str, timeout: float, limit: int
) -> bytes:
    """Read the body in chunks, giving up at the deadline or past the size limit."""
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read1(_CHUNK):
        size += len(chunk)
        if size > limit:
            raise too_large(url, limit)
        if time.monotonic() > deadline:
            raise InputError(url, _timed_out(timeout))
        chunks.append(chunk)
    return b"".join(chunks)


def _timed_out(timeout: float) -> str:
    return f"timed out after {timeout:g} s"


def _network_problem(reason: object, timeout: float) -> str:
    """One line saying why the connection failed, from the exception urllib wraps."""
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return _timed_out(timeout)
    if isinstance(reason, socket.gaierror):
        return "could not connect (host not found, or no network)"
    if isinstance(reason, ConnectionRefusedError):
        return "could not connect (connection refused)"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"could not connect securely (certificate problem: {reason.verify_message})"
    if isinstance(reason, ssl.SSLError):
        return "could not connect securely (TLS error)"
    if isinstance(reason, (ConnectionResetError, http.client.RemoteDisconnected)):
        return "the server closed the connection"
    if isinstance(reason, http.client.IncompleteRead):
        return "the server closed the connection before the page was complete"
    if isinstance(reason, OSError) and reason.strerror:
        return f"could not connect ({reason.strerror})"
    text = str(reason).strip().splitlines()
    return f"could not connect ({text[0]})" if text else "could not connect"
