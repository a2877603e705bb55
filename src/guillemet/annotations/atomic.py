"""Writing a file so that a crash at any instant leaves the old version or the new, never a mix.

The new content goes to a temporary file in the same directory, is flushed to disk, and is
renamed over the target (a rename within one file system is atomic); the directory is then
flushed so the rename itself survives a power cut. Before that, the previous version is kept
as a backup, by a hard link when the file system allows it (instant, atomic) or by an atomic
copy otherwise.

A new file's permissions are those of the file it replaces, or, for a first save, what the
umask gives any new file: a sidecar is the reader's document, as shareable as they made it.
"""

from __future__ import annotations

import contextlib
import glob
import os
import secrets
import stat
from collections.abc import Iterator
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
    """A new, empty temporary file next to `path`, created with the mode any new file gets
    (0666 less the umask; `tempfile.mkstemp` would make it 0600 whatever the umask)."""
    for _ in range(100):
        name = str(path.parent / f"{temp_prefix(path)}{secrets.token_hex(6)}{TEMP_SUFFIX}")
        try:
            return os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666), name
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name next to {path.name}")


def write_atomically(path: Path, data: bytes, mode: int | None = None) -> None:
    """Replace `path` with `data`: readers see the old bytes or the new, never a mix.

    The file gets `mode`, else the mode of the file it replaces, else the umask's default."""
    directory = path.parent
    keep = mode if mode is not None else existing_mode(path)
    fd, temp_name = _create_temporary(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            if keep is not None and hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), keep)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    fsync_directory(directory)


def keep_backup(path: Path, backup: Path) -> None:
    """Make `backup` a copy of `path` as it is now (atomically), if `path` exists."""
    if not path.exists():
        return
    link_name = backup.with_name(f"{temp_prefix(backup)}link{os.getpid()}{TEMP_SUFFIX}")
    try:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(link_name)
        os.link(path, link_name)
        os.replace(link_name, backup)
        # rename() does nothing when both names are already links to the same file (a save
        # killed between backup and replace leaves it so): the temporary name must go too.
        with contextlib.suppress(FileNotFoundError):
            os.unlink(link_name)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(link_name)
        write_atomically(backup, path.read_bytes(), mode=existing_mode(path))


def remove_stale_temporaries(path: Path) -> None:
    """Delete temporary files a killed process left behind for `path` or its backup.

    Only call this while holding the directory lock (`locked_directory`), so no live save
    is using them.
    """
    for candidate in path.parent.glob(glob.escape(f".{path.name}") + f"*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            candidate.unlink()


@contextlib.contextmanager
def locked_directory(directory: Path) -> Iterator[None]:
    """Hold an exclusive advisory lock on `directory` while saving, so two guillemet processes
    saving next to the same article take turns (a no-op where `fcntl` is missing)."""
    try:
        import fcntl
    except ImportError:  # Windows: saves are still atomic, just not serialised
        yield
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
