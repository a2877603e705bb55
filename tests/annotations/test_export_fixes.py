"""The exports say each thing once and safely: the Markdown report lists each annotation in
one place, has its Corrections section and escapes HTML; the W3C JSON-LD defines its own keys,
points at the article by an absolute IRI and has no empty body."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from guillemet.analysis.models import Analysis
from guillemet.annotations.corrections import apply_corrections
from guillemet.annotations.export_markdown import to_markdown
from guillemet.annotations.export_w3c import to_w3c
from guillemet.annotations.model import Annotation, Body, Correction
from guillemet.article import Article

SCRIPT = "<script>alert('x')</script> & <b>gras</b> [lien](javascript:alert(1)) `code`"


def on_claim(article: Article, analysis: Analysis, claim_id: str, motivation: str, body: Body) -> Annotation:
    quote = next(q for q in analysis.quotes if q.id == claim_id)
    return Annotation.create(article.text, quote.start, quote.end, motivation, body)


def on_text(article: Article, needle: str, motivation: str, body: Body) -> Annotation:
    start = article.text.index(needle)
    return Annotation.create(article.text, start, start + len(needle), motivation, body)


def report(article: Article, analysis: Analysis, annotations: list[Annotation]) -> str:
    return to_markdown(article, apply_corrections(analysis, annotations, article.text), annotations)


def section(text: str, heading: str) -> str:
    """The body of the `## heading` section."""
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


# -- Markdown -----------------------------------------------------------------------------------


def test_each_annotation_is_in_the_report_once(article: Article, analysis: Analysis) -> None:
    annotations = [
        on_claim(article, analysis, "q3", "commenting", Body(note="Note sur la citation.")),
        on_claim(article, analysis, "q3", "highlighting", Body()),
        on_text(article, "Moscou", "commenting", Body(note="Note hors citation.")),
    ]
    text = report(article, analysis, annotations)
    assert text.count("Note sur la citation.") == 1 and text.count("Note hors citation.") == 1
    assert text.count("highlight") == 1
    others = section(text, "The reader's annotations")
    assert "Note hors citation." in others and "Note sur la citation." not in others


def test_a_report_whose_annotations_are_all_on_claims_says_where_they_are(article: Article, analysis: Analysis) -> None:
    annotations = [on_claim(article, analysis, "q1", "commenting", Body(note="Seule note."))]
    others = section(report(article, analysis, annotations), "The reader's annotations")
    assert "under the claims above" in others and "Seule note." not in others


def test_corrections_have_their_own_section(article: Article, analysis: Analysis) -> None:
    correction = on_claim(article, analysis, "q2", "editing",
                          Body(correction=Correction("speaker", speaker_name="Igor Konachenkov")))
    not_a_quote = on_claim(article, analysis, "q1", "editing", Body(correction=Correction("not-a-quote")))
    text = report(article, analysis, [correction, not_a_quote])
    corrections = section(text, "Corrections")
    assert "correction: speaker: Igor Konachenkov" in corrections and "correction: not a quote" in corrections
    assert text.count("correction: ") == 2  # nowhere else
    assert "Corrections" not in report(article, analysis, [])


def test_html_and_markdown_in_notes_are_shown_as_written(article: Article, analysis: Analysis) -> None:
    annotations = [
        on_claim(article, analysis, "q3", "commenting", Body(note=SCRIPT)),
        on_text(article, "Moscou", "tagging", Body(tag="<i>tag</i>")),
        on_claim(article, analysis, "q2", "editing",
                 Body(correction=Correction("speaker", speaker_name="<img src=x onerror=alert(1)>"))),
    ]
    text = report(article, analysis, annotations)
    assert "<" not in text and ">" not in text.replace("\n- > ", "\n")  # only our quote marks
    assert "&lt;script&gt;alert('x')&lt;/script&gt; &amp; &lt;b&gt;gras&lt;/b&gt;" in text
    assert "\\[lien\\](javascript:alert(1))" in text and "\\`code\\`" in text
    assert "&lt;i&gt;tag&lt;/i&gt;" in text and "&lt;img src=x onerror=alert(1)&gt;" in text


# -- W3C ---------------------------------------------------------------------------------------------


def items_of(data: dict[str, Any]) -> list[dict[str, Any]]:
    return data["first"]["items"]


def local_context(data: dict[str, Any]) -> dict[str, Any]:
    context = data["@context"]
    assert isinstance(context, list) and context[0] == "http://www.w3.org/ns/anno.jsonld"
    (local,) = [c for c in context if isinstance(c, dict)]
    return local


def is_absolute_iri(value: str) -> bool:
    scheme, colon, rest = value.partition(":")
    return bool(colon and rest and scheme[:1].isalpha() and all(c.isalnum() or c in "+-." for c in scheme))


def test_article_and_correction_are_defined_in_the_context(article: Article, analysis: Analysis) -> None:
    correction = on_claim(article, analysis, "q2", "editing", Body(correction=Correction("speaker", speaker_name="X")))
    data = to_w3c(article, analysis, [correction])
    local = local_context(data)
    for term in ("article", "correction"):
        definition = local[term]
        assert is_absolute_iri(definition["@id"]) and definition["@type"] == "@json"
    assert local["@version"] == 1.1  # JSON literals need JSON-LD 1.1
    assert "article" in data
    assert any("correction" in body for item in items_of(data) for body in item.get("body", []))
    json.dumps(data)  # still plain JSON


def test_every_target_source_is_an_absolute_iri(article: Article, analysis: Analysis) -> None:
    note = on_text(article, "Moscou", "commenting", Body(note="n"))
    sources = {item["target"]["source"] for item in items_of(to_w3c(article, analysis, [note]))}
    assert sources == {Path(article.source).resolve().as_uri()}
    assert next(iter(sources)).startswith("file:///")


def test_standard_input_and_urls_are_iris_too(article: Article, analysis: Analysis) -> None:
    stdin = Article(text=article.text, source="-")
    (source,) = {item["target"]["source"] for item in items_of(to_w3c(stdin, analysis, []))}
    assert source == f"urn:sha256:{stdin.sha256}"
    web = Article(text=article.text, source="https://example.org/article?id=3")
    (source,) = {item["target"]["source"] for item in items_of(to_w3c(web, analysis, []))}
    assert source == "https://example.org/article?id=3"


def test_a_highlight_has_no_empty_body(article: Article, analysis: Analysis) -> None:
    highlight = on_text(article, "Moscou", "highlighting", Body())
    orphan = Annotation.create("texte disparu", 0, 5, "highlighting", Body())
    items = items_of(to_w3c(article, analysis, [highlight, orphan]))
    assert all(item.get("body", None) != [] for item in items)
    mine = [item for item in items if item["id"] in (highlight.id, orphan.id)]
    assert len(mine) == 2 and all("body" not in item for item in mine)
