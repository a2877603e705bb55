"""The session the reader's UI talks to: anchoring on open, orphans, re-attaching, corrections."""

from __future__ import annotations

from pathlib import Path

import pytest

from guillemet.analysis.models import Analysis
from guillemet.annotations.model import AnchorState, Annotation, Body, Correction
from guillemet.annotations.session import AnnotationSession
from guillemet.article import Article


def add_note(session: AnnotationSession, needle: str, text: str) -> Annotation:
    start = session.article.text.index(needle)
    return session.put(Annotation.create(session.article.text, start, start + len(needle), "commenting", Body(note=text)))


def edited_article(article: Article, new_text: str) -> Article:
    Path(article.source).write_text(new_text, encoding="utf-8")
    return Article(text=new_text, source=article.source)


def test_an_edited_article_reanchors_and_lists_orphans(article: Article) -> None:
    session = AnnotationSession.open(article)
    add_note(session, "Crocus City Hall", "lieu de l’attentat")
    add_note(session, "Emmanuel Macron a de son côté dénoncé", "réaction")
    session.save()
    text = "Dépêche mise à jour.\n" + article.text.replace("Emmanuel Macron a de son côté dénoncé", "L’Élysée a jugé")
    reopened = AnnotationSession.open(edited_article(article, text))
    placed, orphan = reopened.annotations()  # reading order: placed first, orphans last
    assert placed.anchor.state is AnchorState.QUOTE and text[slice(*placed.span)] == "Crocus City Hall"
    assert orphan.is_orphan and reopened.orphans() == [orphan]
    assert any("could not be placed" in m for m in reopened.messages)
    start = text.index("L’Élysée a jugé")
    again = reopened.reattach(orphan.id, start, start + len("L’Élysée a jugé"))
    assert again.span == (start, start + 15) and not reopened.orphans()
    assert reopened.save()
    assert all(a.anchor.state is AnchorState.EXACT for a in AnnotationSession.open(Article(text, article.source)).annotations())


def test_approximate_placements_are_announced(article: Article) -> None:
    session = AnnotationSession.open(article)
    add_note(session, "Il existe des informations sur une piste ukrainienne", "piste")
    session.save()
    text = article.text.replace("des informations sur", "des indications sur")
    reopened = AnnotationSession.open(edited_article(article, text))
    assert reopened.annotations()[0].anchor.state is AnchorState.APPROXIMATE
    assert any("similar, not identical" in m for m in reopened.messages)


def test_orphans_are_never_dropped_by_saving(article: Article) -> None:
    session = AnnotationSession.open(article)
    add_note(session, "Crocus City Hall", "lieu")
    session.save()
    other = AnnotationSession.open(edited_article(article, "Un tout autre article."))
    assert len(other.orphans()) == 1
    add_note(other, "autre", "nouvelle")
    other.save()
    assert len(AnnotationSession.open(Article("Un tout autre article.", article.source)).annotations()) == 2


def test_covering_and_version(article: Article) -> None:
    session = AnnotationSession.open(article)
    version = session.version
    made = add_note(session, "Crocus City Hall", "lieu")
    assert session.version > version and session.dirty
    offset = article.text.index("City")
    assert session.covering(offset) == [made] and session.covering(0) == []
    assert session.delete(made.id) and not session.delete(made.id)


def test_corrected_uses_the_articles_text(article: Article, analysis: Analysis) -> None:
    session = AnnotationSession.open(article)
    start = article.text.index("« commentaires baroques et menaçants »")
    session.put(
        Annotation.create(article.text, start, start + 38, "editing", Body(correction=Correction("added-quote", speaker_name="Emmanuel Macron")))
    )
    corrected = session.corrected(analysis)
    assert len(corrected.quotes) == len(analysis.quotes) + 1
    assert corrected.quotes[-1].text == article.text[start : start + 38]


def test_standard_input_has_no_sidecar_but_works_in_memory() -> None:
    session = AnnotationSession.open(Article(text="Texte lu sur l’entrée standard.", source="-"))
    add_note(session, "Texte", "ok")
    assert session.path is None and not session.save() and len(session.annotations()) == 1


def test_an_unwritable_directory_keeps_annotations_in_memory(article: Article, tmp_path: Path) -> None:
    session = AnnotationSession.open(article, tmp_path / "missing-dir" / "notes.json")
    add_note(session, "Moscou", "ici")
    assert not session.save()
    assert session.dirty and any("not saved" in m for m in session.take_messages())
    assert session.take_messages() == []
    with pytest.raises(KeyError):
        session.reattach("urn:nothing", 0, 1)
