"""`-`: the article piped to standard input, text or HTML."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from guillemet.errors import InputError
from guillemet.inputs import load_article, load_articles

ROOT = Path(__file__).resolve().parents[2]
NEWS_PAGE = ROOT / "tests" / "fixtures" / "inputs" / "echo-du-soir-lecornu.html"


class FakeStdin:
    """Enough of sys.stdin for the loader: a byte buffer and a terminal flag."""

    def __init__(self, data: bytes, tty: bool = False) -> None:
        self.buffer = io.BytesIO(data)
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


def test_text_from_stdin(monkeypatch: pytest.MonkeyPatch, sample_text: str) -> None:
    monkeypatch.setattr(sys, "stdin", FakeStdin(sample_text.replace("\n", "\r\n").encode("cp1252")))
    article = load_article("-")
    assert article.text == sample_text.rstrip("\n")
    assert (article.source, article.kind, article.encoding) == ("-", "text", "cp1252")


def test_html_from_stdin_is_recognised(monkeypatch: pytest.MonkeyPatch, sample_text: str) -> None:
    monkeypatch.setattr(sys, "stdin", FakeStdin(NEWS_PAGE.read_bytes()))
    article = load_article("-")
    assert article.kind == "html"
    assert article.text == sample_text.rstrip("\n")


def test_empty_stdin_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", FakeStdin(b"\n  \n"))
    with pytest.raises(InputError, match=r"^-: is empty$"):
        load_article("-")


def test_a_terminal_on_stdin_is_an_error_not_a_hang(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", FakeStdin(b"", tty=True))
    with pytest.raises(InputError, match="standard input is a terminal"):
        load_article("-")


def test_stdin_is_read_once_in_a_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", FakeStdin(b"Un texte court."))
    first, second = load_articles(["-", "-"])
    assert first.text == "Un texte court."
    assert isinstance(second, InputError) and "only once" in second.problem


def test_a_real_pipe_into_a_fresh_process(sample_text: str) -> None:
    script = (
        "import json; from guillemet.inputs import load_article; "
        "a = load_article('-'); print(json.dumps({'text': a.text, 'kind': a.kind}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        input=sample_text.encode("utf-16"),
        capture_output=True,
        check=True,
        timeout=60,
    )
    result = json.loads(done.stdout)
    assert result == {"text": sample_text.rstrip("\n"), "kind": "text"}
