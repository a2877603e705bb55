"""Saved pages keep every paragraph and heading of the article body, and only the page's date.

The pages are small copies of two shapes where trafilatura alone loses part of the article: a
MediaWiki page (Wikinews) whose section headings carry an edit link and whose tables make
trafilatura take readability's extraction, which drops the headings; and a news page whose lead
paragraph (with a quote in it) sits in the article's `<header>`, apart from the body.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import trafilatura

from guillemet.inputs import load_article
from guillemet.inputs.hygiene import clean_text
from guillemet.inputs.page_date import dateline_date, page_date

EDIT_LINK = (
    '<span class="editsection">[<a href="/w/index.php?title=X&amp;action=edit&amp;'
    'section={n}" title="Modifier la section">modifier</a>]</span>'
)
SHARE_TABLE = '<table class="wikitable"><tr><td>Partager</td><td><a href="/s">Facebook</a></td></tr></table>'

WIKINEWS_PARAGRAPHS = [
    "27 août 2012. - Un postier travaillant sur le site de Noyal-sur-Vilaine a été retrouvé "
    "mort à son domicile. C'est le syndicat SUD-PTT qui a révélé ce décès à la presse.",
    "La Poste a immédiatement réagi et a nié toute responsabilité en affirmant que son geste "
    "était consécutif à des problèmes d'ordre privé.",
    "Réactions",
    "Le syndicat estime au contraire que « ce collègue avait des difficultés dans sa vie au "
    "travail », évoquant des « refus de lui accorder ses congés ».",
    "Un précédent",
    "Le 29 février dernier, un jeune encadrant de 28 ans s'était donné la mort en sautant du "
    "dernier étage de son lieu de travail, a rappelé le syndicat.",
]
WIKINEWS_HEADINGS = {"Réactions", "Un précédent"}


def wikinews_page() -> str:
    """A French Wikinews article page as saved by a browser in 2012 (trimmed)."""
    body = []
    for number, block in enumerate(WIKINEWS_PARAGRAPHS):
        if block in WIKINEWS_HEADINGS:
            tag = "h2" if block == "Réactions" else "h3"
            edit = EDIT_LINK.format(n=number)
            body.append(f'<{tag}>{edit} <span class="mw-headline">{block}</span></{tag}>')
        else:
            body.append(f"<p>{block}</p>")
    body[0] = body[0].replace("27 août 2012", "<b>27 août 2012</b>")
    return f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="UTF-8" />
<title>France : encore un suicide de postier en Bretagne — Wikinews</title></head>
<body class="mediawiki ltr skin-vector">
<div id="content" class="mw-body" role="main">
<h1 id="firstHeading" class="firstHeading">France : encore un suicide de postier en Bretagne</h1>
<div id="bodyContent">
<div id="siteSub">Un article de Wikinews, la source d'informations libre.</div>
<div id="mw-content-text" lang="fr" dir="ltr" class="mw-content-ltr">
{chr(10).join(body)}
<h2>{EDIT_LINK.format(n=9)} <span class="mw-headline">Sources</span></h2>
<ul><li><a class="external text" href="http://www.example.fr/a">Suicide d'un postier</a></li></ul>
{SHARE_TABLE * 6}
</div>
<div class="printfooter">Récupérée de « http://fr.wikinews.org/w/index.php?title=France »</div>
<div id="catlinks" class="catlinks">Catégories : <ul><li><a href="/wiki/Cat%C3%A9gorie:France">France</a></li>
<li><a href="/wiki/Cat%C3%A9gorie:2012">2012</a></li></ul></div>
</div></div>
<div id="footer"><ul><li>Dernière modification de cette page le 28/08 à 10:12.</li></ul></div>
</body></html>
"""


LEAD = (
    "« Nous irons jusqu’au bout de cette réforme », a déclaré mardi la Première ministre "
    "devant les députés, malgré une nouvelle journée de mobilisation."
)
NEWS_BODY = [
    "La journée de grève a rassemblé plusieurs centaines de milliers de manifestants dans "
    "toute la France, selon le ministère de l’Intérieur.",
    "Les syndicats divisés",
    "Le secrétaire général de la CFDT a estimé que « le gouvernement fait fausse route » et "
    "appelé à une nouvelle mobilisation la semaine prochaine.",
    "Les autres organisations syndicales doivent se réunir jeudi pour décider de la suite du "
    "mouvement, a indiqué un porte-parole.",
]
COMMENT = "« Cette réforme est une honte absolue », écrit un lecteur sous le pseudonyme de Max."


def news_page(lead: str = LEAD) -> str:
    """A news site's article page: the lead in the article's header, comments below."""
    body = "\n".join(
        f"<h2>{block}</h2>" if block == "Les syndicats divisés" else f"<p>{block}</p>"
        for block in NEWS_BODY
    )
    return f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Retraites : le gouvernement maintient sa réforme</title></head>
<body>
<header class="site-header"><nav><a href="/">Accueil</a> <a href="/politique">Politique</a></nav></header>
<main><article>
<header><h1>Retraites : le gouvernement maintient sa réforme</h1><p>{lead}</p></header>
<div class="article-body">
{body}
</div>
<section class="comments"><h2>Réactions des lecteurs</h2><p>{COMMENT}</p></section>
</article></main>
<footer><p>© 2023 Le Journal. Tous droits réservés, reproduction interdite sans autorisation.</p></footer>
</body></html>
"""


def trafilatura_alone(html: str) -> str:
    """The text trafilatura gives for the page, as guillemet read pages before the repair."""
    document = trafilatura.bare_extraction(
        html, include_comments=False, include_images=False, include_links=False,
        with_metadata=True,
    )
    return clean_text(document.text)


def save(tmp_path: Path, html: str, name: str = "page.html") -> str:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return str(path)


def body_lines(text: str, first: str) -> list[str]:
    """The lines of `text` from the line `first` on (what comes before is the page's top)."""
    lines = text.split("\n")
    return lines[lines.index(first):]


def test_trafilatura_alone_loses_the_wikinews_headings_and_date() -> None:
    """The fixture reproduces the fault, so the tests below can fail."""
    html = wikinews_page()
    text = trafilatura_alone(html)
    assert "Réactions" not in text.split("\n")
    assert "Un précédent" not in text.split("\n")
    assert trafilatura.bare_extraction(html, with_metadata=True).date == "2012-01-01"


def test_a_wikinews_page_keeps_every_paragraph_and_heading_in_order(tmp_path: Path) -> None:
    article = load_article(save(tmp_path, wikinews_page()))
    assert body_lines(article.text, WIKINEWS_PARAGRAPHS[0]) == WIKINEWS_PARAGRAPHS


def test_a_heading_over_a_list_of_links_is_not_put_back(tmp_path: Path) -> None:
    article = load_article(save(tmp_path, wikinews_page()))
    assert "Sources" not in article.text.split("\n")
    assert "modifier" not in article.text


def test_the_wikinews_date_is_the_dateline_not_the_first_of_january(tmp_path: Path) -> None:
    assert load_article(save(tmp_path, wikinews_page())).date == "2012-08-27"


def test_trafilatura_alone_loses_the_lead_in_the_article_header() -> None:
    assert "jusqu’au bout" not in trafilatura_alone(news_page())


def test_the_lead_and_its_quote_come_first(tmp_path: Path) -> None:
    article = load_article(save(tmp_path, news_page()))
    assert article.text.split("\n") == [LEAD, *NEWS_BODY]


def test_comments_and_footer_are_not_put_back(tmp_path: Path) -> None:
    article = load_article(save(tmp_path, news_page()))
    assert "lecteur" not in article.text
    assert "Réactions des lecteurs" not in article.text
    assert "droits réservés" not in article.text


def test_a_page_without_a_date_gets_none_not_its_copyright_year(tmp_path: Path) -> None:
    html = news_page()
    assert trafilatura.bare_extraction(html, with_metadata=True).date == "2023-01-01"
    assert load_article(save(tmp_path, html)).date is None


def test_a_page_extracted_whole_is_left_as_trafilatura_gave_it(tmp_path: Path) -> None:
    html = wikinews_page().replace(EDIT_LINK.format(n=2), "").replace(EDIT_LINK.format(n=4), "")
    html = html.replace(SHARE_TABLE * 6, "")
    assert load_article(save(tmp_path, html)).text == trafilatura_alone(html)


@pytest.mark.parametrize(
    ("found", "text", "page", "expected"),
    [
        ("2012-08-27", "Texte.", "", "2012-08-27"),  # a full date found is kept
        ("2012-01-01", "27 août 2012. - Un avion...", "© 2012", "2012-08-27"),
        ("2012-01-01", "Pas de date ici.", "© 2012", None),
        ("2013-01-01", "Texte.", "<p>Le 1er janvier 2013, ...</p>", "2013-01-01"),
        ("2013-01-01", "Texte.", '<time datetime="2013-01-01">', "2013-01-01"),
        (None, "Titre\n\nLundi 3 septembre 2012 – Le ministre...", "", "2012-09-03"),
        (None, "Le 12 mars 2011, une centrale...", "", None),  # an event, not a dateline
    ],
)
def test_page_date(found: str | None, text: str, page: str, expected: str | None) -> None:
    assert page_date(found, text, page) == expected


def test_a_dateline_on_the_first_of_the_month() -> None:
    assert dateline_date("1er septembre 2012. - Le 12 mars 2011, ...") == "2012-09-01"
