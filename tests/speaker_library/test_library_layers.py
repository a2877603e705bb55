"""The speaker library is a domain package: it imports neither Textual nor spaCy."""

from __future__ import annotations

import subprocess
import sys


def test_the_library_imports_neither_textual_nor_spacy() -> None:
    script = (
        "import importlib, pkgutil, sys\n"
        "import guillemet.speaker_library as package\n"
        "for module in pkgutil.walk_packages(package.__path__, 'guillemet.speaker_library.'):\n"
        "    importlib.import_module(module.name)\n"
        "import guillemet.analysis.gender\n"
        "print('\\n'.join(sys.modules))\n"
    )
    modules = set(subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.split())
    assert "guillemet.speaker_library.store" in modules  # the walk really happened
    assert "textual" not in modules
    assert "spacy" not in modules
