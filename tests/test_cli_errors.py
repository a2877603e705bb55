"""The command line's messages name the real problem, in one line, with exit status 2."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from guillemet import __version__
from guillemet.errors import ModelNotInstalledError

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = "« Nous irons jusqu’au bout », a déclaré mardi la Première ministre devant les députés.\n"


def run(*args: str, tmp_path: Path, code: str | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m guillemet ARGS`, or `code` run in a fresh interpreter, with a private cache."""
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "guillemet"]
    return subprocess.run(
        [*command, *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "GUILLEMET_CACHE_DIR": str(tmp_path / "cache")},
        timeout=300,
    )


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture
def article(tmp_path: Path) -> str:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return str(path)


def test_version_is_printed(tmp_path: Path) -> None:
    result = run("--version", tmp_path=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, f"guillemet {__version__}\n", "")


def test_a_model_directory_without_a_pipeline_is_named_as_such(tmp_path: Path, article: str) -> None:
    not_a_model = tmp_path / "some" / "dir"
    not_a_model.mkdir(parents=True)
    result = run("extract", "--no-cache", "--model", str(not_a_model), article, tmp_path=tmp_path)
    line = one_line_error(result)
    assert "is not a spaCy pipeline" in line and "config.cfg" in line
    assert "pip install" not in line and "not installed" not in line


def test_a_missing_model_directory_is_named_as_such(tmp_path: Path, article: str) -> None:
    missing = str(tmp_path / "no" / "such" / "model")
    line = one_line_error(run("extract", "--model", missing, article, tmp_path=tmp_path))
    assert line == f"guillemet: the model directory {missing!r} does not exist"


def test_a_missing_model_package_says_how_to_install_it() -> None:
    assert "pip install fr-core-news-lg" in str(ModelNotInstalledError("fr_core_news_lg"))


@pytest.mark.parametrize("command", [["extract"], []])
def test_an_unsupported_url_scheme_is_named(tmp_path: Path, command: list[str]) -> None:
    line = one_line_error(run(*command, "ftp://example.org/article.txt", tmp_path=tmp_path))
    assert line == (
        "guillemet: ftp://example.org/article.txt: unsupported URL scheme ftp:// "
        "(only http:// and https:// URLs are fetched)"
    )


def test_a_file_url_says_to_give_the_path(tmp_path: Path, article: str) -> None:
    line = one_line_error(run("extract", Path(article).as_uri(), tmp_path=tmp_path))
    assert line.endswith("file:// URLs are not opened: give the file's path instead")


def test_html_input_declares_lxml_html_clean() -> None:
    """trafilatura needs lxml's HTML cleaner, which some of its installs do not bring."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = {dependency.split(">")[0].split("=")[0].strip() for dependency in project["dependencies"]}
    assert "lxml_html_clean" in names


def test_a_missing_html_module_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(f"<html><body><p>{ARTICLE}</p></body></html>", encoding="utf-8")
    code = (
        "import sys; sys.modules['trafilatura'] = None; from guillemet.cli import main; "
        "sys.exit(main(sys.argv[1:]))"
    )
    line = one_line_error(run("extract", str(page), tmp_path=tmp_path, code=code))
    assert line == (
        f"guillemet: {page}: web pages cannot be read: the Python module trafilatura is missing "
        "(reinstall guillemet)"
    )
