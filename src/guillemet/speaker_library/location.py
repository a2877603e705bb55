"""Where the speaker library lives: `--library PATH`, else `$GUILLEMET_LIBRARY`, else the user's
data directory (platformdirs), which survives cache cleaning: the library is the reader's own
record of what they read, not something that can be rebuilt for free."""

from __future__ import annotations

import os
from pathlib import Path

LIBRARY_ENV = "GUILLEMET_LIBRARY"
LIBRARY_FILE = "speakers.sqlite3"


def default_library_path() -> Path:
    """`$GUILLEMET_LIBRARY`, else `speakers.sqlite3` in the platform's user data directory."""
    override = os.environ.get(LIBRARY_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("guillemet")) / LIBRARY_FILE


def library_path(option: str | Path | None) -> Path:
    """The path a command works on: its `--library` option if given, else the default."""
    return Path(option).expanduser() if option else default_library_path()
