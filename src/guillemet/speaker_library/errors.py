"""Failures of the speaker library that reach the user as one line."""

from __future__ import annotations

from pathlib import Path

from guillemet.errors import GuillemetError


class LibraryError(GuillemetError):
    """The library cannot be used (a folder in its place, a newer schema, no permission)."""


class LibraryDamagedError(LibraryError):
    """The file is not a readable SQLite database, or SQLite found it malformed."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"the speaker library {path} is damaged ({problem})")
        self.path = path
        self.problem = problem


class UnknownSpeakerError(LibraryError):
    """A name that matches no speaker of the library, or several that cannot be told apart."""
