"""Windows-1252 punctuation (’ “ ” – … œ €, bytes 0x80-0x9F) makes a text Windows-1252.

ISO-8859 encodings read those bytes as control characters, which are then removed: a French
article read as ISO-8859-10 lost its apostrophes, and the quotes around them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from guillemet.inputs import decode as decode_module
from guillemet.inputs import load_article
from guillemet.inputs.decode import decode, guess_encoding

ARTICLE = (
    "Le maire l’a dit mardi : « Nous n’avons plus d’argent pour la piscine », a-t-il déclaré "
    "devant le conseil municipal."
)
CP1252 = ARTICLE.encode("cp1252")


@pytest.mark.parametrize("wrong_guess", ["iso8859-10", "iso8859-15", "mac-latin2", "cp775"])
def test_a_guess_that_misreads_the_punctuation_gives_way_to_windows_1252(
    monkeypatch: pytest.MonkeyPatch, wrong_guess: str
) -> None:
    monkeypatch.setattr(decode_module, "_normalizer_guess", lambda data: wrong_guess)
    assert guess_encoding(CP1252) == "cp1252"
    assert decode(CP1252, "article.txt") == (ARTICLE, "cp1252")


def test_another_windows_code_page_is_trusted(monkeypatch: pytest.MonkeyPatch) -> None:
    """cp1250 also reads 0x80-0x9F as text; charset-normalizer chose it for the letters."""
    monkeypatch.setattr(decode_module, "_normalizer_guess", lambda data: "cp1250")
    assert guess_encoding(CP1252) == "cp1250"


def test_without_those_bytes_the_guess_stands(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decode_module, "_normalizer_guess", lambda data: "iso8859-15")
    assert guess_encoding("Élysée : « non », répond l'entourage.".encode("latin-1")) == "iso8859-15"


def test_bytes_windows_1252_cannot_read_leave_the_guess(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decode_module, "_normalizer_guess", lambda data: "iso8859-10")
    assert guess_encoding(CP1252 + b"\x81") == "iso8859-10"


def test_a_declared_iso_charset_with_windows_punctuation_is_read_as_windows_1252() -> None:
    assert decode(CP1252, "page.html", declared="iso-8859-10") == (ARTICLE, "cp1252")


def test_a_cp1252_file_keeps_its_apostrophes_and_quotes(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(("Municipales\n\n" + ARTICLE).encode("cp1252"))
    article = load_article(str(path))
    assert article.encoding == "cp1252"
    assert "l’a dit" in article.text and "« Nous n’avons plus d’argent" in article.text
