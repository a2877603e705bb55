"""The domain layers never import the UI toolkit, and the engine's light parts never import spaCy.

Checked in a fresh interpreter, since this test process may already have imported anything.
"""

from __future__ import annotations

import subprocess
import sys

DOMAIN_PACKAGES = ["guillemet.analysis", "guillemet.annotations", "guillemet.inputs"]
DOMAIN_MODULES = ["guillemet.article", "guillemet.errors", "guillemet.cache"]


def imported_after(code: str) -> set[str]:
    """The module names in sys.modules after running `code` in a fresh interpreter."""
    script = code + "\nimport sys\nprint('\\n'.join(sys.modules))\n"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


def test_domain_layers_do_not_import_textual() -> None:
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
    assert "textual" not in modules


def test_models_and_engine_entry_do_not_import_spacy() -> None:
    modules = imported_after(
        "import guillemet.analysis.models, guillemet.analysis.engine, guillemet.article"
    )
    assert "guillemet.analysis.engine" in modules
    assert "spacy" not in modules


READER_PURE_MODULES = [
    f"guillemet.tui.{name}"
    for name in ("layout", "spans", "reading_model", "history", "search", "keymap", "analysis_source",
                 "long_lived", "first_screen")
]


def test_the_readers_pure_modules_do_not_import_textual() -> None:
    """They are tested without an app, and the analysis process imports `analysis_source`."""
    modules = imported_after("import " + ", ".join(READER_PURE_MODULES))
    assert set(READER_PURE_MODULES) <= modules
    assert "textual" not in modules
