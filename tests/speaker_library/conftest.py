"""A library file with the three hand-made articles recorded in it."""

from __future__ import annotations

from pathlib import Path

import pytest
from library_samples import three_articles

from guillemet.speaker_library import open_library


@pytest.fixture
def library_file(tmp_path: Path) -> Path:
    path = tmp_path / "speakers.sqlite3"
    library, notice = open_library(path)
    assert notice is None
    with library:
        for analysis, text in three_articles():
            library.record(analysis, text)
    return path
