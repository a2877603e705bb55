"""The domain layers never import the UI toolkits (Textual, Rich), and the engine's light parts
never import spaCy.

Checked in a fresh interpreter, since this test process may already have imported anything.
"""

from __future__ import annotations

import subprocess
import sys

DOMAIN_PACKAGES = ["guillemet.analysis", "guillemet.annotations", "guillemet.inputs",
                   "guillemet.analysis_service", "guillemet.reading"]
DOMAIN_MODULES = ["guillemet.article", "guillemet.errors", "guillemet.cache", "guillemet.atomic_write",
                  "guillemet.batch"]


def imported_after(code: str) -> set[str]:
    """The module names in sys.modules after running `code` in a fresh interpreter."""
    script = code + "\nimport sys\nprint('\\n'.join(sys.modules))\n"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


def test_domain_layers_import_neither_textual_nor_rich() -> None:
    code = (
        "import importlib, pkgutil\n"
        f"for name in {DOMAIN_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        f"for name in {DOMAIN_PACKAGES!r}:\n"
        "    package = importlib.import_module(name)\n"
        "    for module in pkgutil.walk_packages(package.__path__, name + '.'):\n"
        "        importlib.import_module(module.name)\n"
    )
    modules = imported_after(code)
    assert "guillemet.analysis.spacy_components" in modules  # the walk really happened
    assert {"guillemet.analysis_service.process", "guillemet.reading.model"} <= modules
    assert "textual" not in modules


def test_domain_layers_never_import_rich() -> None:
    """spaCy itself imports Rich, so the domain's own imports are read: none of them is Rich."""
    import ast
    import importlib
    from pathlib import Path

    files = [Path(importlib.import_module(name).__file__) for name in DOMAIN_MODULES]
    for name in DOMAIN_PACKAGES:
        files += Path(importlib.import_module(name).__file__).parent.rglob("*.py")
    imported = set()
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                imported.add(node.module.split(".")[0])
    assert {"guillemet", "dataclasses"} <= imported  # the files were read
    assert not imported & {"rich", "textual"}


def test_the_reader_service_and_model_load_neither_rich_nor_spacy() -> None:
    """What the reader needs before its first frame: no Rich, no Textual, no spaCy."""
    modules = imported_after(
        "import guillemet.analysis_service.process, guillemet.reading.model, guillemet.reading.library"
    )
    assert "guillemet.reading.library" in modules
    assert not {"rich", "textual", "spacy"} & modules


def test_models_and_engine_entry_do_not_import_spacy() -> None:
    modules = imported_after(
        "import guillemet.analysis.models, guillemet.analysis.engine, guillemet.article"
    )
    assert "guillemet.analysis.engine" in modules
    assert "spacy" not in modules


READER_PURE_MODULES = [f"guillemet.tui.{name}" for name in ("keymap", "first_screen")]


def test_the_readers_pure_modules_do_not_import_textual() -> None:
    """They run before Textual is imported (the first screen) or are tested without an app."""
    modules = imported_after("import " + ", ".join(READER_PURE_MODULES))
    assert set(READER_PURE_MODULES) <= modules
    assert "textual" not in modules
