"""Writing a file so that a crash at any instant leaves the old version or the new, never a mix.

One helper for every file guillemet writes in place: the reader's sidecar (the annotations), the
analysis cache's entries and the recorded looks of the first screen. The new content goes to a
temporary file in the same directory (hidden, recognisable: `temp_prefix`), and is renamed over
the target (a rename within one file system is atomic). A durable write also flushes the file
and then the directory, so the rename itself survives a power cut: the sidecar is the reader's
work; a cache entry or a look lost to a power cut is only a miss, and is not flushed.

A new file's permissions are those of the file it replaces, or, for a first save, what the
umask gives any new file (`tempfile.mkstemp` would make it 0600 whatever the umask).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

TEMP_SUFFIX = ".tmp"


def temp_prefix(path: Path) -> str:
    """The name prefix of our temporary files for `path` (hidden, recognisable)."""
    return f".{path.name}."


def fsync_directory(directory: Path) -> None:
    """Flush a directory entry change (a rename) to disk, where the platform allows it."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems (and Windows) do not support it
    finally:
        os.close(fd)


def existing_mode(path: Path) -> int | None:
    """The permission bits of `path`, or None when there is no such file."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        return None


def _create_temporary(path: Path) -> tuple[int, str]:
    """A new, empty temporary file next to `path`, created with the mode any new file gets."""
    for _ in range(100):
        name = str(path.parent / f"{temp_prefix(path)}{secrets.token_hex(6)}{TEMP_SUFFIX}")
        try:
            return os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666), name
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name next to {path.name}")


def write_atomically(path: Path, data: bytes, mode: int | None = None, *, durable: bool = True) -> None:
    """Replace `path` with `data`: readers see the old bytes or the new, never a mix.

    The file gets `mode`, else the mode of the file it replaces, else the umask's default.
    `durable`: flushed to disk, file and directory, before this returns."""
    directory = path.parent
    keep = mode if mode is not None else existing_mode(path)
    fd, temp_name = _create_temporary(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            if keep is not None and hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), keep)
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    if durable:
        fsync_directory(directory)
