"""Text files in the encodings people actually have, and the ones that cannot be read."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from guillemet.errors import InputError
from guillemet.inputs import load_article
from guillemet.inputs.decode import decode

SHORT = "Le ministre a déclaré : « Nous sommes prêts », a-t-il ajouté à l’AFP. Cœur."


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize(
    ("codec", "bom", "expected"),
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", codecs.BOM_UTF8, "utf-8-sig"),
        ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16-le"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16-be"),
        ("utf-16-le", b"", "utf-16-le"),
        ("utf-16-be", b"", "utf-16-be"),
        ("utf-32-le", codecs.BOM_UTF32_LE, "utf-32-le"),
        ("cp1252", b"", "cp1252"),
    ],
)
def test_the_sample_article_opens_in_every_encoding(
    tmp_path: Path, sample_text: str, codec: str, bom: bytes, expected: str
) -> None:
    spec = write(tmp_path, "article.txt", bom + sample_text.encode(codec))
    article = load_article(spec)
    assert article.text == sample_text.rstrip("\n")
    assert article.encoding == expected


def test_latin1_is_read_as_its_superset_windows_1252(tmp_path: Path, sample_text: str) -> None:
    latin1_text = sample_text.replace("’", "'").replace("œ", "oe")
    article = load_article(write(tmp_path, "latin1.txt", latin1_text.encode("latin-1")))
    assert article.text == latin1_text.rstrip("\n")
    assert article.encoding == "cp1252"


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_a_short_french_text_is_not_mistaken_for_central_european(
    tmp_path: Path, codec: str
) -> None:
    text = SHORT if codec == "cp1252" else SHORT.replace("’", "'").replace("œ", "oe")
    article = load_article(write(tmp_path, "court.txt", text.encode(codec)))
    assert article.text == text


@pytest.mark.parametrize("note", ["Élysée : « non »", "Café", "Noël à Paris.", "Déjà vu" * 20])
def test_a_few_words_in_cp1252_are_read_as_cp1252(note: str) -> None:
    assert decode(note.encode("cp1252"), "note.txt") == (note, "cp1252")


def test_a_russian_paragraph_in_cp1251_is_recognised() -> None:
    text = "Министр заявил, что Франция готова к сотрудничеству в борьбе с терроризмом."
    assert decode(text.encode("cp1251"), "ru.txt") == (text, "cp1251")


def test_windows_newlines_in_a_cp1252_file(tmp_path: Path, sample_text: str) -> None:
    data = sample_text.replace("\n", "\r\n").encode("cp1252")
    article = load_article(write(tmp_path, "windows.txt", data))
    assert article.text == sample_text.rstrip("\n")
    assert "\r" not in article.text


def test_a_declared_charset_is_used_when_the_bytes_are_not_utf8() -> None:
    text, encoding = decode("Déjà vu".encode("iso-8859-15"), "x", declared="iso-8859-15")
    assert (text, encoding) == ("Déjà vu", "iso8859-15")


def test_valid_utf8_wins_over_a_wrong_declared_charset() -> None:
    text, encoding = decode("Déjà vu".encode(), "x", declared="windows-1252")
    assert (text, encoding) == ("Déjà vu", "utf-8")


def test_a_declared_utf16_is_ignored_when_the_bytes_are_not_utf16() -> None:
    text, encoding = decode(SHORT.encode("cp1252"), "x", declared="utf-16")
    assert (text, encoding) == (SHORT, "cp1252")


def test_a_broken_utf16_file_is_an_input_error(tmp_path: Path) -> None:
    data = codecs.BOM_UTF16_LE + "Bonjour".encode("utf-16-le") + b"\x00\xd8"
    with pytest.raises(InputError, match="not valid utf-16-le text"):
        load_article(write(tmp_path, "broken.txt", data))


@pytest.mark.parametrize(
    "data",
    [
        ("Élysée ".encode() + "Élysée ".encode("cp1252")) * 30,
        bytes(range(0x80, 0x100)) * 8,
    ],
    ids=["utf8-and-cp1252-mixed", "high-bytes-only"],
)
def test_bytes_that_fit_no_encoding_are_an_input_error(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(InputError, match="unknown text encoding"):
        load_article(write(tmp_path, "odd.txt", data))
