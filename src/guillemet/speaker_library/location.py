"""Where the speaker library lives: `--library PATH`, else `$GUILLEMET_LIBRARY`, else the user's
data directory (platformdirs), which survives cache cleaning: the library is the reader's own
record of what they read, not something that can be rebuilt for free.

`GUILLEMET_LIBRARY=off` turns the library off: the reader neither records nor looks up, and a
library command without `--library` says so instead of making a file named "off"."""

from __future__ import annotations

import os
from pathlib import Path

from guillemet.speaker_library.errors import LibraryError

LIBRARY_ENV = "GUILLEMET_LIBRARY"
LIBRARY_FILE = "speakers.sqlite3"
OFF = "off"
"""`GUILLEMET_LIBRARY=off`: no library unless a command's `--library` names one."""


def library_turned_off() -> bool:
    """Whether `$GUILLEMET_LIBRARY` turns the library off."""
    return os.environ.get(LIBRARY_ENV, "").strip().lower() == OFF


def default_library_path() -> Path:
    """`$GUILLEMET_LIBRARY`, else `speakers.sqlite3` in the platform's user data directory;
    a `LibraryError` when `$GUILLEMET_LIBRARY` turns the library off."""
    override = os.environ.get(LIBRARY_ENV)
    if library_turned_off():
        raise LibraryError(f"the speaker library is off ({LIBRARY_ENV}={override}): "
                           "give --library PATH to use one")
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("guillemet")) / LIBRARY_FILE


def library_path(option: str | Path | None) -> Path:
    """The path a command works on: its `--library` option if given, else the default."""
    return Path(option).expanduser() if option else default_library_path()
