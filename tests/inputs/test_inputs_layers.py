"""The inputs package stays below the UI: opening every kind of input never imports Textual."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NEWS_PAGE = ROOT / "tests" / "fixtures" / "inputs" / "echo-du-soir-lecornu.html"


def test_loading_text_html_and_markdown_imports_no_textual(
    tmp_path: Path, sample_path: Path
) -> None:
    note = tmp_path / "note.md"
    note.write_text("# Titre\n\nIl a dit : « oui ».\n", encoding="utf-8")
    script = (
        "import sys\n"
        "from guillemet.inputs import load_articles\n"
        f"results = load_articles([{str(sample_path)!r}, {str(NEWS_PAGE)!r}, {str(note)!r}])\n"
        "assert [r.kind for r in results] == ['text', 'html', 'markdown'], results\n"
        "leaked = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'spacy'))\n"
        "print(','.join(leaked))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
