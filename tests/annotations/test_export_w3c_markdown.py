"""The W3C JSON-LD collection's structure and the Markdown report's content."""

from __future__ import annotations

import json
from pathlib import Path

from guillemet.analysis.models import Analysis
from guillemet.annotations.anchoring import anchor
from guillemet.annotations.corrections import apply_corrections
from guillemet.annotations.export_markdown import to_markdown
from guillemet.annotations.export_w3c import to_w3c_json
from guillemet.annotations.model import Annotation, Body, Correction
from guillemet.article import Article


def reader_annotations(article: Article, analysis: Analysis) -> list[Annotation]:
    q3 = next(q for q in analysis.quotes if q.id == "q3")
    q2 = next(q for q in analysis.quotes if q.id == "q2")
    return [
        Annotation.create(article.text, q3.start, q3.end, "commenting", Body(note="Aucune preuve citée.")),
        Annotation.create(article.text, q3.start, q3.end, "assessing", Body(tag="disputed")),
        Annotation.create(article.text, q2.start, q2.end, "editing", Body(correction=Correction("speaker", speaker_name="Igor Konachenkov"))),
        anchor(Annotation.create("texte disparu de l’article", 0, 13, "commenting", Body(note="perdue")), article.text),
    ]


def test_the_w3c_export_is_an_annotation_collection(article: Article, analysis: Analysis) -> None:
    annotations = reader_annotations(article, analysis)
    data = json.loads(to_w3c_json(article, analysis, annotations))
    assert data["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection" and data["label"] == article.title
    page = data["first"]
    assert page["type"] == "AnnotationPage" and data["total"] == len(page["items"])
    items = page["items"]
    assert len(items) == len(analysis.entities) + len(analysis.quotes) + len(annotations)
    assert len({item["id"] for item in items}) == len(items)
    for item in items:
        assert item["type"] == "Annotation" and item["target"]["source"] == Path(article.source).resolve().as_uri()
        selectors = {s["type"]: s for s in item["target"]["selector"]}
        quote = selectors["TextQuoteSelector"]
        if "TextPositionSelector" in selectors:
            position = selectors["TextPositionSelector"]
            assert article.text[position["start"] : position["end"]] == quote["exact"]
            assert article.text[: position["start"]].endswith(quote["prefix"])
            assert article.text[position["end"] :].startswith(quote["suffix"])
        else:  # only the orphan has no place in this text
            assert quote["exact"] == "texte disparu"
    quotes = [i for i in items if i["motivation"] == "describing"]
    assert {b["value"] for q in quotes for b in q["body"] if b["purpose"] == "identifying"} == {
        "Sébastien Lecornu", "Sergueï Choïgou", "ministère russe de la Défense"
    }
    entities = [i for i in items if i["motivation"] == "identifying"]
    assert {b["value"] for e in entities for b in e["body"]} == {"PER", "LOC"}
    mine = [i for i in items if "creator" not in i]
    assert [i["motivation"] for i in mine] == ["commenting", "assessing", "editing", "commenting"]
    assert mine[1]["body"][0] == {"type": "TextualBody", "purpose": "assessing", "value": "disputed"}


def test_the_markdown_report_tells_who_said_what_and_what_the_reader_thought(article: Article, analysis: Analysis) -> None:
    annotations = reader_annotations(article, analysis)
    corrected = apply_corrections(analysis, annotations, article.text)
    report = to_markdown(article, corrected, annotations)
    assert report.startswith("# Reading report: Lecornu et Choïgou\n")
    assert "| Model | hand-made |" in report
    assert "« « " not in report and "- « a confirmé que la France" in report
    assert "3 claims by 4 speakers" in report and "4 reader annotations, 1 orphan" in report
    choigou = report.index("### Sergueï Choïgou (person, 1 claim)")
    assert report.index("Il existe des informations", choigou) < report.index("note: Aucune preuve citée.", choigou)
    assert "assessment: **disputed**" in report
    assert "### Igor Konachenkov (person, 1 claim)" in report  # the correction is shown
    assert "### ministère russe de la Défense (government, 0 claims)" in report
    assert "correction: speaker: Igor Konachenkov" in report
    orphans = report.index("## Annotations that could not be placed")
    assert report.index("texte disparu", orphans) < report.index("note: perdue", orphans)


def test_a_report_without_annotations_says_so(article: Article, analysis: Analysis) -> None:
    report = to_markdown(article, analysis, [])
    assert "0 reader annotations" in report and "*None.*" in report
    assert "could not be placed" not in report


def test_the_w3c_export_carries_the_article_metadata(article: Article, analysis: Analysis) -> None:
    article = Article(text=article.text, source="https://example.org/a", title="Un titre",
                      author="Marie Dupont", date="2024-03-28", site="Exemple")
    data = json.loads(to_w3c_json(article, analysis, []))
    assert data["article"] == {"title": "Un titre", "author": "Marie Dupont", "date": "2024-03-28",
                               "site": "Exemple", "source": "https://example.org/a", "kind": "text"}
