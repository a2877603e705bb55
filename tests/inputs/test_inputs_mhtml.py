"""Pages saved as a single file (MHTML), written the way Chrome writes them."""

from __future__ import annotations

import base64
import quopri
from pathlib import Path

import pytest

from guillemet.errors import InputError
from guillemet.inputs import load_article

ROOT = Path(__file__).resolve().parents[2]
NEWS_PAGE = ROOT / "tests" / "fixtures" / "inputs" / "echo-du-soir-lecornu.html"
ADDRESS = "https://www.echodusoir.example/international/2024/04/03/lecornu-choigou-entretien"
BOUNDARY = "----MultipartBoundary--k2v8EdWx3Yyv7y3oX7jWwYLc9JXbS6jV8zW6tY4Ao----"


def chrome_mhtml(html: bytes, boundary: str = BOUNDARY) -> bytes:
    """An MHTML file as Chrome saves it: no charset on the page part, quoted-printable body."""
    image = base64.encodebytes(b"\xff\xd8\xff\xe0" + bytes(200)).decode("ascii")
    return (
        "From: <Saved by Blink>\r\n"
        f"Snapshot-Content-Location: {ADDRESS}\r\n"
        "Subject: =?utf-8?Q?Lecornu_et_Cho=C3=AFgou?=\r\n"
        "Date: Wed, 3 Apr 2024 19:50:00 +0200\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n'
        f'\tboundary="{boundary}"\r\n\r\n\r\n'
        f"--{boundary}\r\n"
        "Content-Type: text/html\r\n"
        "Content-ID: <frame-1@mhtml.blink>\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        f"Content-Location: {ADDRESS}\r\n\r\n"
        + quopri.encodestring(html).decode("ascii").replace("\n", "\r\n")
        + f"\r\n--{boundary}\r\n"
        "Content-Type: image/jpeg\r\n"
        "Content-Transfer-Encoding: base64\r\n"
        f"Content-Location: {ADDRESS}/lecornu.jpg\r\n\r\n"
        + image.replace("\n", "\r\n")
        + f"\r\n--{boundary}--\r\n"
    ).encode("ascii")


@pytest.mark.parametrize("name", ["page.mhtml", "page.mht", "page-sans-extension"])
def test_a_single_file_page_gives_the_article(tmp_path: Path, sample_text: str, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(chrome_mhtml(NEWS_PAGE.read_bytes()))
    article = load_article(str(path))
    assert article.text == sample_text.rstrip("\n")
    assert (article.kind, article.encoding, article.author) == ("html", "utf-8", "Claire Dubois")
    assert article.extra["url"] == ADDRESS


def test_the_page_charset_comes_from_its_meta_tag(tmp_path: Path) -> None:
    body = "« Nous ne céderons pas », a déclaré jeudi le délégué syndical devant l’usine de Poissy."
    html = (
        '<html><head><meta charset="windows-1252"></head>'
        f"<body><article><p>{body}</p></article></body></html>"
    )
    path = tmp_path / "page.mhtml"
    path.write_bytes(chrome_mhtml(html.encode("cp1252")))
    article = load_article(str(path))
    assert (article.text, article.encoding) == (body, "cp1252")


def test_an_mhtml_file_without_a_page(tmp_path: Path) -> None:
    data = chrome_mhtml(b"<html></html>").replace(
        b"Content-Type: text/html\r\n", b"Content-Type: text/css\r\n"
    )
    path = tmp_path / "page.mhtml"
    path.write_bytes(data)
    with pytest.raises(InputError, match="no web page found in this MHTML file"):
        load_article(str(path))
