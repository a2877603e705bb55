"""`guillemet ARTICLE`: bad inputs fail before the app starts; the parts stay light."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from guillemet.cli import main
from guillemet.commands.read import build_app


def test_a_missing_file_is_one_line_and_exit_2(tmp_path: Path, capsys) -> None:
    status = main([str(tmp_path / "absent.txt")])
    err = capsys.readouterr().err
    assert status == 2
    assert err.startswith("guillemet: ") and "absent.txt" in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_a_binary_file_is_refused_before_the_app(tmp_path: Path, capsys) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x01\x02" * 10)
    assert main([str(binary)]) == 2
    assert "binary" in capsys.readouterr().err


def test_the_good_inputs_open_and_the_bad_ones_are_reported(tmp_path: Path, sample_path) -> None:
    app, errors = build_app([str(tmp_path / "absent.txt"), str(sample_path)])
    assert len(errors) == 1 and "absent.txt" in str(errors[0])
    assert app.article.source == str(sample_path)


def test_an_unknown_theme_is_a_user_error(sample_path, capsys) -> None:
    assert main([str(sample_path), "--theme", "no-such-theme"]) == 2
    assert "unknown theme" in capsys.readouterr().err


def test_options_parse(sample_path) -> None:
    app, _ = build_app([str(sample_path), "--light", "--model", "fr_core_news_sm",
                        "--no-cache", "--sidecar", "notes.json"])
    assert app.theme == "guillemet-light"
    assert app.source.model == "fr_core_news_sm" and not app.source.use_cache
    default, _ = build_app([str(sample_path)])
    assert default.source.model is None and default.source.use_cache


@pytest.mark.parametrize("module", ["guillemet.tui.analysis_source", "guillemet.tui.layout",
                                    "guillemet.tui.reading_model", "guillemet.tui.keymap"])
def test_pure_parts_do_not_import_textual(module: str) -> None:
    code = f"import sys, {module}; sys.exit('textual' in sys.modules or 'spacy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
