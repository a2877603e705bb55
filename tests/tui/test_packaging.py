"""The reader's stylesheet is package data: an installed guillemet (a wheel) has it."""

from __future__ import annotations

from pathlib import Path

import guillemet
from guillemet.tui.app import ReaderApp

PACKAGE = Path(guillemet.__file__).resolve().parent


def test_the_stylesheet_is_a_file_inside_the_package_not_a_link_out_of_it() -> None:
    styles = Path(guillemet.__file__).parent / "styles"
    assert not styles.is_symlink() and not (styles / "reader.tcss").is_symlink()
    assert (styles / "reader.tcss").resolve().is_relative_to(PACKAGE)
    assert [Path(path).resolve() for path in ReaderApp.CSS_PATH] == [(styles / "reader.tcss").resolve()]


def test_the_package_data_names_it() -> None:
    pyproject = (PACKAGE.parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert '"styles/*.tcss"' in pyproject
    assert '"styles/looks/*.json"' in pyproject  # the first screen's colours, resolved from it
