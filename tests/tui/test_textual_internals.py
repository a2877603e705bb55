"""Textual's private names are used in one module only, and the reader works with it switched off.

Why: a private name can change in any Textual release; kept in `textual_internals.py` (behind a
version check and `GUILLEMET_TEXTUAL_INTERNALS=off`), a new Textual can cost the reader some
speed, never a broken screen. Every other module of the reader is read here, and any name
Textual keeps private (an underscore name that Textual's own source defines or reads), used as
an attribute or defined as a method, or any import from a private Textual module, fails.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest
import textual

import guillemet.tui
from guillemet.tui import textual_internals

TUI = Path(guillemet.tui.__file__).parent
ALLOWED = {"textual_internals.py"}


@cache
def textual_private_names() -> frozenset[str]:
    """Every single-underscore name Textual's source defines (a method, a class) or reads on
    an object."""
    names: set[str] = set()
    for path in Path(textual.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute):
                names.add(node.attr)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
    return frozenset(name for name in names if name.startswith("_") and not name.startswith("__"))


def private_uses(source: str) -> list[str]:
    """The uses of Textual's private names in `source`: `line: name`."""
    private = textual_private_names()
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr in private:
            found.append(f"{node.lineno}: .{node.attr}")
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name in private:
            found.append(f"{node.lineno}: def {node.name}")
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            modules = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            for module in modules:
                parts = module.split(".")
                if parts[0] == "textual" and any(part.startswith("_") for part in parts):
                    found.append(f"{node.lineno}: import {module}")
    return sorted(found, key=lambda use: int(use.split(":")[0]))


def test_the_scan_finds_what_it_looks_for() -> None:
    assert "_bindings" in textual_private_names() and "_render_line" in textual_private_names()
    source = (
        "from textual.widgets._footer import FooterKey\n"
        "self._bindings = merged\n"
        "def _render_line(self): ...\n"
        "self._speaker_rows = {}\n"
    )
    assert private_uses(source) == [
        "1: import textual.widgets._footer", "2: ._bindings", "3: def _render_line"
    ]


@pytest.mark.parametrize("path", sorted(p.name for p in TUI.glob("*.py") if p.name not in ALLOWED))
def test_no_reader_module_but_the_internals_one_uses_a_private_textual_name(path: str) -> None:
    assert private_uses((TUI / path).read_text(encoding="utf-8")) == []


def test_the_switch_and_the_version_check(monkeypatch: pytest.MonkeyPatch) -> None:
    try:
        for value, expected in (("off", False), ("0", False), ("on", True), ("", True)):
            monkeypatch.setenv(textual_internals.SWITCH, value)
            textual_internals.set_enabled(None)
            assert textual_internals.enabled() is expected
        monkeypatch.setenv(textual_internals.SWITCH, "on")
        monkeypatch.setattr(textual_internals, "textual_version", lambda: (9, 0))
        textual_internals.set_enabled(None)
        assert not textual_internals.enabled()  # an untested Textual: the public path
    finally:
        textual_internals.set_enabled(None)


def test_the_pinned_range_is_the_tested_one() -> None:
    """The version check and `pyproject.toml` say the same."""
    pyproject = (TUI.parents[2] / "pyproject.toml").read_text(encoding="utf-8")
    (low_major, low_minor), (high_major, high_minor) = textual_internals.TESTED
    assert f'"textual>={low_major}.{low_minor},<{high_major}.{high_minor}"' in pyproject
    assert textual_internals.TESTED[0] <= textual_internals.textual_version() < textual_internals.TESTED[1]
