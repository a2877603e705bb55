"""Saving the sidecar so that a crash at any instant leaves the old version or the new.

The write itself is `guillemet.atomic_write` (the one helper the cache and the looks use too),
durable: flushed, renamed, the directory flushed. Here is what only the sidecar needs: before a
save, the previous version is kept as a backup, by a hard link when the file system allows it
(instant, atomic) or by an atomic copy otherwise; temporaries left by a killed save are
removed; and two processes saving next to the same article take turns (`locked_directory`).
"""

from __future__ import annotations

import contextlib
import glob
import os
from collections.abc import Iterator
from pathlib import Path

from guillemet.atomic_write import (  # noqa: F401 - the sidecar's names for the one helper
    TEMP_SUFFIX,
    existing_mode,
    fsync_directory,
    temp_prefix,
    write_atomically,
)


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
