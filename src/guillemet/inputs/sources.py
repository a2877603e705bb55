"""Getting the bytes of an input: a file or standard input (URLs are in `fetch`).

Each reader returns a `RawInput`: the bytes and what the source told us about them (a name with
an extension, a declared charset, a content type). Every failure is an `InputError` naming the
input, so one bad input never stops the others from opening.
"""

from __future__ import annotations

import os
import select
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from guillemet.errors import InputError

MAX_BYTES = 50 * 1024 * 1024
"""The largest input opened: a 1 MB novel opens fine; a 50 MB 'article' is a mistake."""

DEFAULT_TIMEOUT = 10.0
"""Seconds allowed for the whole download of a URL."""

STDIN = "-"


def is_url(spec: str) -> bool:
    """True for the specs fetched from the network: http:// and https:// URLs."""
    return spec.lower().startswith(("http://", "https://"))


@dataclass(frozen=True)
class RawInput:
    """An input's bytes before decoding, with the hints its source gave about them."""

    source: str
    data: bytes
    name: str | None = None
    kind: str | None = None
    charset: str | None = None
    url: str | None = None


def too_large(source: str, limit: int) -> InputError:
    """The error for an input over the size limit, with the limit in it."""
    return InputError(source, f"is too large (the limit is {_megabytes(limit)})")


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB"


def read_file(spec: str, limit: int | None = None) -> RawInput:
    """Read the file at `spec`, refusing what is missing, a directory, unreadable or too big."""
    limit = MAX_BYTES if limit is None else limit
    path = Path(spec).expanduser()
    try:
        if path.is_dir():
            raise InputError(spec, "is a directory, not an article")
        if not path.exists():
            raise InputError(spec, "no such file")
        if stat.S_ISFIFO(path.stat().st_mode):
            data = read_named_pipe(path, spec, limit)
        elif path.stat().st_size > limit:
            raise too_large(spec, limit)
        else:
            with path.open("rb") as stream:
                data = read_limited(stream, spec, limit)
    except InputError:
        raise
    except OSError as error:
        raise InputError(spec, f"cannot be read ({error.strerror or error})") from None
    return RawInput(source=spec, data=data, name=path.name)


WRITER_GRACE = 0.3
"""Seconds a named pipe may take to bring its first bytes before the command says it waits."""


def read_named_pipe(path: Path, spec: str, limit: int) -> bytes:
    """Read a named pipe (`mkfifo`) to its end. Opening one blocks until a program opens it
    for writing, and a command that hangs without a word looks broken: when nothing comes
    within `WRITER_GRACE`, one line on standard error says what it waits for."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # returns at once, writer or not
    try:
        if not select.select([fd], [], [], WRITER_GRACE)[0]:
            print(f"guillemet: {spec}: a named pipe: waiting for a program to write the article "
                  "into it (ctrl+c to stop)", file=sys.stderr, flush=True)
            select.select([fd], [], [])
        os.set_blocking(fd, True)
        stream = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with stream:
        return read_limited(stream, spec, limit)


def read_stdin(stream: BinaryIO | None = None, limit: int | None = None) -> RawInput:
    """Read the article piped to standard input; refuse an interactive terminal."""
    limit = MAX_BYTES if limit is None else limit
    if stream is None:
        if sys.stdin is None or sys.stdin.isatty():
            raise InputError(STDIN, "standard input is a terminal: pipe an article into it")
        stream = sys.stdin.buffer
    try:
        data = read_limited(stream, STDIN, limit)
    except OSError as error:
        raise InputError(STDIN, f"cannot be read ({error.strerror or error})") from None
    return RawInput(source=STDIN, data=data)


def read_limited(stream: BinaryIO, source: str, limit: int) -> bytes:
    """Read a stream to its end, but never more than `limit` bytes (pipes have no size)."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise too_large(source, limit)
    return data
