"""Saved web pages: the article and its metadata, without the page around it."""

from __future__ import annotations

from pathlib import Path

import pytest

from guillemet.errors import InputError
from guillemet.inputs import load_article
from guillemet.inputs.webpage import declared_charset

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "inputs"
NEWS_PAGE = FIXTURES / "echo-du-soir-lecornu.html"
NO_ARTICLE = FIXTURES / "echo-du-soir-no-article.html"

BOILERPLATE = [
    "Tout accepter",  # cookie banner, with its own « »
    "cookies",
    "Actualités",  # navigation
    "Fil d’Ariane",
    "Publicité",  # ads
    "forfait mobile",
    "Partez l’esprit léger",
    "Lire aussi",
    "Partager sur Facebook",
    "Commentaires",  # comments, with quotes of their own
    "qui parle beaucoup ne fait rien",
    "Nous ne commenterons pas",
    "Les plus lus",
    "Nous irons jusqu’au bout",
    "Mentions légales",
    "Je m’inscris",
]


@pytest.fixture(scope="module")
def news_page():
    return load_article(str(NEWS_PAGE))


def test_the_article_text_is_exactly_the_sample_article(news_page, sample_text: str) -> None:
    assert news_page.text == sample_text.rstrip("\n")


@pytest.mark.parametrize("scrap", BOILERPLATE)
def test_navigation_ads_cookies_and_comments_are_left_out(news_page, scrap: str) -> None:
    assert scrap not in news_page.text


def test_the_metadata_comes_from_the_page(news_page) -> None:
    assert news_page.metadata() == {
        "title": "Lecornu et Choïgou se sont parlé, une première depuis octobre 2022",
        "author": "Claire Dubois",
        "date": "2024-04-03",
        "site": "L'Écho du Soir",
        "source": str(NEWS_PAGE),
        "encoding": "utf-8",
        "kind": "html",
    }
    assert news_page.extra["url"].startswith("https://www.echodusoir.example/international/")


def test_a_page_with_no_article_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        load_article(str(NO_ARTICLE))
    assert caught.value.problem == "no article text found in this page"


@pytest.mark.parametrize(
    "html", [b"", b"<html><body></body></html>", b"<html><head><title>Vide</title></head></html>"]
)
def test_empty_pages_are_refused(tmp_path: Path, html: bytes) -> None:
    path = tmp_path / "vide.html"
    path.write_bytes(html)
    with pytest.raises(InputError, match="is empty|no article text found"):
        load_article(str(path))


def _page(charset_tag: str, body: str) -> str:
    return (
        f"<!DOCTYPE html><html><head>{charset_tag}<title>Grève</title></head><body><article>"
        f"<h1>Grève à Poissy</h1><p>{body}</p></article></body></html>"
    )


BODY = "« Nous ne céderons pas », a déclaré jeudi le délégué syndical devant l’usine de Poissy."
BODY_EURO = "« Pas un euro de moins », a lancé le délégué, la main sur le cœur, devant l'usine."


@pytest.mark.parametrize(
    ("tag", "body", "codec", "encoding"),
    [
        ('<meta charset="windows-1252">', BODY, "cp1252", "cp1252"),
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
            BODY,
            "cp1252",
            "cp1252",
        ),
        ('<meta charset="iso-8859-15">', BODY_EURO, "iso-8859-15", "iso8859-15"),
        ("", BODY, "cp1252", "cp1252"),
    ],
)
def test_the_page_encoding_comes_from_its_meta_charset_or_a_guess(
    tmp_path: Path, tag: str, body: str, codec: str, encoding: str
) -> None:
    path = tmp_path / "page.htm"
    path.write_bytes(_page(tag, body).encode(codec))
    article = load_article(str(path))
    assert article.text.endswith(body)
    assert article.encoding == encoding


def test_declared_charset_reads_meta_and_xml_declarations() -> None:
    assert declared_charset(b'<html><head><meta charset="koi8-r">') == "koi8-r"
    assert declared_charset(b'<?xml version="1.0" encoding="ISO-8859-1"?><html>') == "ISO-8859-1"
    assert declared_charset(b"<html><head><title>t</title>") is None


def test_an_xhtml_page_with_an_xml_declaration(tmp_path: Path) -> None:
    page = '<?xml version="1.0" encoding="utf-8"?>\n' + _page("", BODY)
    path = tmp_path / "page.xhtml"
    path.write_text(page, encoding="utf-8")
    assert load_article(str(path)).text.endswith(BODY)


def test_a_utf16_saved_page(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(_page("", BODY).encode("utf-16"))
    article = load_article(str(path))
    assert article.text.endswith(BODY)
    assert article.encoding.startswith("utf-16")
