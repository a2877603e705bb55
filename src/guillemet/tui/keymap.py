"""The user's key remapping: binding ids to keys, read from the config directory.

Every binding of the reader has an id (see `bindings.py`); a file `keymap.toml` (or
`keymap.json`) in the user's config directory (platformdirs: `guillemet`) maps ids to keys:

    # keymap.toml: several keys are separated by commas
    "claim.next" = "n,ctrl+down"
    "jump.back" = "backspace,ctrl+o"

A missing file means the defaults; an unreadable one is reported, never fatal. Pure: no Textual.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from platformdirs import user_config_dir

KEYMAP_NAMES = ("keymap.toml", "keymap.json")


def config_dir() -> Path:
    """Where the user's guillemet configuration lives."""
    return Path(user_config_dir("guillemet", appauthor=False))


def load_keymap(directory: Path | None = None) -> tuple[dict[str, str], str | None]:
    """The user's keymap and a one-line problem if the file could not be used."""
    directory = config_dir() if directory is None else directory
    for name in KEYMAP_NAMES:
        path = directory / name
        if not path.is_file():
            continue
        try:
            raw = path.read_bytes()
            data = tomllib.loads(raw.decode("utf-8")) if name.endswith(".toml") else json.loads(raw)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, ValueError) as error:
            return {}, f"{path.name}: ignored, it could not be read ({error})"
        if not isinstance(data, dict):
            return {}, f"{path.name}: ignored, it must map binding ids to keys"
        keymap = {str(k): str(v) for k, v in data.items() if isinstance(v, str) and v.strip()}
        return keymap, None
    return {}, None
