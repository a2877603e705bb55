"""The sidecar's JSON: W3C-shaped annotations, a stable diff-friendly layout, strict reading."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guillemet import __version__
from guillemet.annotations.document import (
    SCHEMA_VERSION,
    NewerSchemaError,
    SidecarDocument,
    document_from_json,
    document_to_json,
)
from guillemet.annotations.model import SUGGESTED_TAGS, Annotation, Body, Correction, Tombstone, tag_motivation
from guillemet.annotations.w3c import AnnotationFormatError, annotation_from_json, annotation_to_json

TEXT = "Le ministre a dit « nous sommes prêts » hier, selon son entourage."


def some_annotations() -> list[Annotation]:
    quote = (TEXT.index("«"), TEXT.index("»") + 1)
    return [
        Annotation.create(TEXT, 0, 11, "commenting", Body(note="Qui ?\nÀ vérifier.")),
        Annotation.create(TEXT, *quote, "highlighting"),
        Annotation.create(TEXT, *quote, tag_motivation("needs a source"), Body(tag="needs a source")),
        Annotation.create(TEXT, *quote, tag_motivation("à relire"), Body(tag="à relire")),
        Annotation.create(TEXT, *quote, "editing", Body(correction=Correction("speaker", "s2", "Sergueï Choïgou"))),
        Annotation.create(TEXT, *quote, "editing", Body(correction=Correction("not-a-quote"))),
        Annotation.create(TEXT, 47, 66, "editing", Body(correction=Correction("added-quote", None, "Un proche", "indirect"))),
    ]


def test_every_kind_of_annotation_survives_a_round_trip() -> None:
    for annotation in some_annotations():
        again = annotation_from_json(json.loads(json.dumps(annotation_to_json(annotation))))
        assert again == annotation


def test_the_json_is_shaped_like_a_web_annotation() -> None:
    note, _, assessed, tagged, *_ = some_annotations()
    data = annotation_to_json(note)
    assert data["type"] == "Annotation" and data["motivation"] == "commenting"
    selectors = {s["type"]: s for s in data["target"]["selector"]}
    assert selectors["TextPositionSelector"] == {"type": "TextPositionSelector", "start": 0, "end": 11}
    assert selectors["TextQuoteSelector"]["exact"] == "Le ministre"
    assert selectors["TextQuoteSelector"]["suffix"].startswith(" a dit")
    assert data["body"] == [{"type": "TextualBody", "purpose": "commenting", "value": "Qui ?\nÀ vérifier.", "format": "text/plain"}]
    assert assessed.motivation == "assessing" and tagged.motivation == "tagging"
    assert annotation_to_json(assessed)["body"][0]["purpose"] == "assessing"


def test_a_document_round_trips_with_metadata_and_tombstones() -> None:
    document = SidecarDocument(
        annotations=tuple(some_annotations()),
        tombstones=(Tombstone("urn:uuid:gone", "2026-01-01T00:00:00.000+00:00"),),
        article_sha256="ab" * 32,
        article_length=len(TEXT),
    )
    text = document_to_json(document)
    data = json.loads(text)
    assert data["schema"] == SCHEMA_VERSION and data["app_version"] == __version__
    assert data["article"] == {"sha256": "ab" * 32, "length": len(TEXT)}
    again = document_from_json(text)
    assert set(again.annotations) == set(document.annotations)
    assert again.tombstones == document.tombstones


def test_the_layout_is_stable_and_diff_friendly() -> None:
    annotations = some_annotations()
    one = document_to_json(SidecarDocument(tuple(annotations)))
    other = document_to_json(SidecarDocument(tuple(reversed(annotations))))
    assert one == other  # stable order whatever the order in memory
    assert one.endswith("}\n") and "\n  " in one  # indented, one key per line
    assert "Sergueï" in one  # readable UTF-8, not \u escapes
    keys = [line.strip() for line in one.splitlines() if line.startswith('  "')]
    assert keys == sorted(keys)
    # Adding one annotation changes only lines of its own block.
    extra = Annotation.create(TEXT, 12, 17, "highlighting")
    grown = document_to_json(SidecarDocument((*annotations, extra)))
    removed = [line for line in one.splitlines() if line not in grown.splitlines()]
    assert removed == []


@pytest.mark.parametrize(
    "text",
    [
        '{"format": "guillemet-annotations", "schema": 1, "annotations": [',  # truncated
        "bonjour",  # not JSON
        "[]",  # wrong top-level type
        '{"format": "something-else", "schema": 1}',  # another program's JSON
        '{"format": "guillemet-annotations", "schema": "1"}',  # bad schema
        '{"format": "guillemet-annotations", "schema": 1, "annotations": [{"id": "x"}]}',
        '{"format": "guillemet-annotations", "schema": 1, "annotations": {}}',
    ],
)
def test_malformed_documents_are_refused(text: str) -> None:
    with pytest.raises(AnnotationFormatError):
        document_from_json(text)


def test_a_bad_annotation_is_refused_not_half_read() -> None:
    data = annotation_to_json(some_annotations()[0])
    for damage in (
        lambda d: d.pop("target"),
        lambda d: d["target"]["selector"].pop(0),
        lambda d: d.update(motivation="liking"),
        lambda d: d.update(created="yesterday"),
        lambda d: d["target"]["selector"][0].update(start=True),
        lambda d: d["target"]["selector"][0].update(start=-3),
    ):
        broken = json.loads(json.dumps(data))
        damage(broken)
        with pytest.raises(AnnotationFormatError):
            annotation_from_json(broken)


def test_a_newer_schema_is_recognised() -> None:
    text = json.dumps({"format": "guillemet-annotations", "schema": SCHEMA_VERSION + 1, "annotations": []})
    with pytest.raises(NewerSchemaError):
        document_from_json(text)
    assert document_from_json(text, allow_newer=True).schema == SCHEMA_VERSION + 1


@settings(max_examples=100, deadline=None)
@given(
    text=st.text(min_size=1, max_size=80),
    note=st.text(max_size=40),
    tag=st.sampled_from([None, *SUGGESTED_TAGS, "étiquette à moi"]),
    data=st.data(),
)
def test_any_text_and_note_survive_the_file(text: str, note: str, tag: str | None, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    motivation = tag_motivation(tag) if tag else "commenting"
    annotation = Annotation.create(text, start, end, motivation, Body(note=note, tag=tag))
    again = document_from_json(document_to_json(SidecarDocument((annotation,))))
    assert again.annotations == (annotation,)
