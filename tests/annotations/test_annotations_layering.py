"""The annotations domain and the export command never import Textual (or spaCy, for the
domain): the reader's UI depends on them, never the reverse, and exports stay light."""

from __future__ import annotations

import subprocess
import sys

MODULES = [
    "guillemet.annotations.anchoring",
    "guillemet.annotations.atomic",
    "guillemet.annotations.corrections",
    "guillemet.annotations.debounce",
    "guillemet.annotations.document",
    "guillemet.annotations.export_brat",
    "guillemet.annotations.export_markdown",
    "guillemet.annotations.export_w3c",
    "guillemet.annotations.merge",
    "guillemet.annotations.model",
    "guillemet.annotations.session",
    "guillemet.annotations.sidecar",
    "guillemet.annotations.w3c",
    "guillemet.commands.export",
]


def test_the_domain_imports_neither_textual_nor_spacy() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {name}\n" for name in MODULES)
        + "print(sorted(m for m in ('textual', 'spacy') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
