"""Opening files: good ones become Articles, bad ones one-line InputErrors naming the file."""

from __future__ import annotations

import os
import textwrap
import zipfile
from pathlib import Path

import pytest

from guillemet.errors import InputError
from guillemet.inputs import load_article, load_articles, sources
from guillemet.inputs.plain_text import title_of

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "inputs"
CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews-fr"
LITBANK = ROOT.parent / "shared" / "corpus" / "fr-litbank"


def write(tmp_path: Path, name: str, data: bytes | str) -> str:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    return str(path)


def problem(spec: str) -> str:
    with pytest.raises(InputError) as caught:
        load_article(spec)
    error = caught.value
    assert error.source == spec
    assert "\n" not in str(error)
    assert str(error).startswith(f"{spec}: ")
    return error.problem


def test_the_sample_article_loads_exactly_as_on_disk(sample_path: Path, sample_text: str) -> None:
    article = load_article(str(sample_path))
    assert article.text == sample_text.rstrip("\n")
    assert (article.kind, article.encoding, article.title) == ("text", "utf-8", None)
    assert article.source == str(sample_path)


def test_bundled_wikinews_samples_load_exactly_as_on_disk_with_their_title() -> None:
    samples = sorted((ROOT / "seeds" / "wikinews").glob("*.txt"))
    if not samples:
        pytest.skip("no Wikinews samples bundled in seeds/")
    for path in samples:
        raw = path.read_text(encoding="utf-8")
        article = load_article(str(path))
        assert article.text == raw.rstrip("\n"), path.name
        assert article.title == raw.split("\n", 1)[0], path.name


def test_dev_corpus_articles_load_exactly_as_on_disk_with_their_title() -> None:
    if not CORPUS.is_dir():
        pytest.skip("the shared Wikinews corpus is not next to the checkout")
    for article_id in (CORPUS / "DEV.txt").read_text(encoding="utf-8").split():
        raw = (CORPUS / f"{article_id}.txt").read_text(encoding="utf-8")
        article = load_article(str(CORPUS / f"{article_id}.txt"))
        assert article.text == raw.rstrip("\n"), article_id
        assert article.title == raw.split("\n", 1)[0], article_id


def test_annotated_novels_keep_their_offsets() -> None:
    """The novels' annotations index the files: loading may only trim the end of the text."""
    texts = sorted(LITBANK.glob("*.txt")) if LITBANK.is_dir() else []
    if not texts:
        pytest.skip("the shared fr-litbank corpus is not next to the checkout")
    for path in texts:
        raw = path.read_text(encoding="utf-8")
        article = load_article(str(path))
        assert raw.startswith(article.text), path.name
        assert not raw[len(article.text) :].strip(), path.name


@pytest.mark.parametrize(
    ("first_line", "title"),
    [
        ("France : PSA va supprimer 8 000 emplois", "France : PSA va supprimer 8 000 emplois"),
        (
            "Barack Obama : « le meilleur reste à venir ! »",
            "Barack Obama : « le meilleur reste à venir ! »",
        ),
        ("Le ministre a parlé hier.", None),
        ("Au sommaire :", None),
        ("Un très long début " * 10, None),
    ],
)
def test_plain_text_title_rule(first_line: str, title: str | None) -> None:
    assert title_of(first_line.strip() + "\n\nLe corps de l’article.") == title


def test_a_single_line_has_no_title() -> None:
    assert title_of("Juste une ligne sans point") is None


def test_crlf_soft_hyphens_and_odd_spaces_are_cleaned(tmp_path: Path) -> None:
    raw = "Titre\r\n\r\nLe mi\u00adnistre  a\tdit\u200b : « oui ».\r\n"
    article = load_article(write(tmp_path, "sale.txt", raw))
    assert article.text == "Titre\n\nLe ministre a dit : « oui »."
    assert article.title == "Titre"


def test_a_hard_wrapped_text_export_becomes_one_line_per_paragraph(
    tmp_path: Path, sample_text: str
) -> None:
    paragraphs = sample_text.rstrip("\n").split("\n")
    export = "\n\n".join(textwrap.fill(p, 70) for p in paragraphs)
    article = load_article(write(tmp_path, "export.txt", export + "\n"))
    assert article.text == "\n\n".join(paragraphs)


def test_a_one_megabyte_book_opens(tmp_path: Path, sample_text: str) -> None:
    book = (sample_text.rstrip("\n") + "\n\n") * (1_000_000 // len(sample_text) + 1)
    article = load_article(write(tmp_path, "livre.txt", book))
    assert len(article.text) > 1_000_000
    assert article.text.count("\n\n") >= 450


def test_a_file_over_the_size_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sources, "MAX_BYTES", 1024 * 1024)
    spec = write(tmp_path, "gros.txt", b"a" * (1024 * 1024 + 1))
    assert problem(spec) == "is too large (the limit is 1 MB)"


def test_a_missing_file(tmp_path: Path) -> None:
    assert problem(str(tmp_path / "absent.txt")) == "no such file"


def test_a_directory(tmp_path: Path) -> None:
    assert problem(str(tmp_path)) == "is a directory, not an article"


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions, not root"
)
def test_an_unreadable_file(tmp_path: Path) -> None:
    spec = write(tmp_path, "secret.txt", "Le texte.")
    os.chmod(spec, 0)
    try:
        assert problem(spec).startswith("cannot be read (Permission denied")
    finally:
        os.chmod(spec, 0o600)


@pytest.mark.parametrize("data", [b"", b"   \n\r\n\t  \n"], ids=["empty", "whitespace"])
def test_an_empty_file(tmp_path: Path, data: bytes) -> None:
    assert problem(write(tmp_path, "vide.txt", data)) == "is empty"


def test_a_file_of_invisible_characters_is_empty(tmp_path: Path) -> None:
    spec = write(tmp_path, "invisible.txt", "\u200b\u00ad \n\ufeff")
    assert problem(spec) == "is empty (only whitespace)"


def _zip_bytes(tmp_path: Path) -> bytes:
    archive = tmp_path / "a.docx"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("word/document.xml", "<w:document/>")
    return archive.read_bytes()


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("scan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF document"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "a JPEG image"),
    ],
)
def test_binary_files_are_refused_with_their_kind(
    tmp_path: Path, name: str, data: bytes, kind: str
) -> None:
    assert (
        problem(write(tmp_path, name, data)) == f"is a binary file ({kind}), not text or a web page"
    )


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 4,
        b"du texte\x00avec un octet nul au milieu",
        b"\x01\x02\x03 texte \x04\x05",
    ],
)
def test_other_binary_data_is_refused(tmp_path: Path, data: bytes) -> None:
    assert problem(write(tmp_path, "data.txt", data)) == "is a binary file, not text or a web page"


def test_a_word_document_is_refused_as_a_zip(tmp_path: Path) -> None:
    spec = write(tmp_path, "article.docx", _zip_bytes(tmp_path))
    assert problem(spec).startswith("is a binary file (a ZIP archive")


def test_html_without_an_extension_is_recognised_by_its_content(tmp_path: Path) -> None:
    page = (FIXTURES / "echo-du-soir-lecornu.html").read_bytes()
    article = load_article(write(tmp_path, "page-sans-extension", page))
    assert article.kind == "html"
    assert article.author == "Claire Dubois"


def test_load_articles_keeps_order_and_puts_errors_in_place(
    tmp_path: Path, sample_path: Path
) -> None:
    good = str(sample_path)
    missing = str(tmp_path / "absent.txt")
    page = str(FIXTURES / "echo-du-soir-lecornu.html")
    results = load_articles([good, missing, page])
    assert [type(r).__name__ for r in results] == ["Article", "InputError", "Article"]
    assert results[0].source == good
    assert results[1].source == missing
    assert results[2].kind == "html"
