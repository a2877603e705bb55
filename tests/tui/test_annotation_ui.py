"""Annotating in the reader, through Pilot: every key, the notes panel, saving and recovery.

The article is a copy of the sample in a temporary folder (the sidecar is written next to it),
the analysis the reader's hand-made one. Each test checks the state the key must leave: the
annotations in the session, what the view and panels show, and the sidecar on disk.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input
from reader_harness import make_app, settle, spy_notifications
from tui_samples import sample_analysis, sample_article

from guillemet.analysis.models import Analysis
from guillemet.annotations.document import SCHEMA_VERSION, document_from_json
from guillemet.annotations.model import Annotation, Body, Correction
from guillemet.annotations.session import AnnotationSession
from guillemet.article import Article
from guillemet.tui.annotation_choice_dialog import ChoiceDialog
from guillemet.tui.annotation_extension import AnnotationExtension, make_extension
from guillemet.tui.annotation_note_dialog import NoteDialog
from guillemet.tui.app import ReaderApp
from guillemet.tui.help_screen import HelpScreen
from guillemet.tui.notes_panel import NotesPanel

SIZE = (120, 40)


@pytest.fixture()
def copy(tmp_path: Path, sample_text: str) -> tuple[Article, Analysis]:
    path = tmp_path / "article.txt"
    path.write_text(sample_text, encoding="utf-8")
    return sample_article(sample_text, str(path)), sample_analysis(sample_text, str(path))


def reader(copy: tuple[Article, Analysis], **options: Any) -> tuple[ReaderApp, AnnotationExtension]:
    article, analysis = copy
    extension = make_extension(article, {"sidecar": options.pop("sidecar", None)})
    return make_app(article, [analysis], extensions=[extension], **options), extension


def sidecar(article: Article) -> Path:
    return Path(article.source + ".guillemet.json")


def saved(article: Article) -> list[Annotation]:
    return list(document_from_json(sidecar(article).read_text(encoding="utf-8")).annotations)


async def wait_for(pilot, condition, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    """Let the app run until `condition()` holds (timers are late on a busy machine)."""
    for _ in range(int(timeout / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    assert condition()


async def type_text(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type `text` into the focused input: a short word key by key, longer text at once (each
    key press is a full round trip, slow on a busy machine)."""
    if len(text) <= 3:
        await pilot.press(*text)
        return
    field = pilot.app.focused
    assert isinstance(field, Input)
    field.insert_text_at_cursor(text)
    await pilot.pause()


# -- a: notes -------------------------------------------------------------------------------


async def test_a_writes_a_note_on_the_current_claim_and_saves_it(copy) -> None:
    app, ext = reader(copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("n")
        claim = app.reader.current_quote
        await pilot.press("a")
        assert isinstance(app.screen, NoteDialog)
        await type_text(pilot, "à vérifier")
        await pilot.press("enter")
        (note,) = ext.session.annotations()
        assert note.motivation == "commenting" and note.body.note == "à vérifier"
        assert note.span == (claim.start, claim.end)
        assert app.reader.article_view.extra_runs.keys_over(claim.start, claim.end) == {"annotation"}
        await wait_for(pilot, sidecar(copy[0]).exists)  # saved while the reader is open
        assert [a.body.note for a in saved(copy[0])] == ["à vérifier"]


async def test_a_again_edits_the_note_and_an_empty_note_deletes_it(copy) -> None:
    app, ext = reader(copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("n", "a")
        await type_text(pilot, "un")
        await pilot.press("enter", "a")
        assert app.screen.query_one("Input").value == "un"
        app.screen.query_one(Input).value = ""
        await type_text(pilot, "deux")
        await pilot.press("enter")
        (note,) = ext.session.annotations()
        assert note.body.note == "deux" and note.modified > note.created
        await pilot.press("a")
        app.screen.query_one(Input).value = ""
        await pilot.press("enter")
        assert ext.session.annotations() == []
    assert saved(copy[0]) == []  # saved on quit: the deletion is on disk too


async def test_a_on_the_selection_and_escape_cancels(copy) -> None:
    app, ext = reader(copy)
    text = copy[0].text
    start = text.index("Crocus City Hall")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        app.reader.article_view.set_selection(start, start + 16)
        await pilot.press("a", "x", "escape")
        assert ext.session.annotations() == [] and not isinstance(app.screen, NoteDialog)
        await pilot.press("a", "x", "enter")
        (note,) = ext.session.annotations()
        assert note.span == (start, start + 16) and note.target.quote.exact == "Crocus City Hall"
        assert app.reader.article_view.selection is None  # the mark is visible, not hidden by it


async def test_a_with_nothing_to_annotate_explains(copy) -> None:
    app, ext = reader(copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        seen = spy_notifications(app)
        await pilot.press("a")
        assert not isinstance(app.screen, NoteDialog) and any("Select text" in m for m in seen)


# -- h, T: highlights and tags ------------------------------------------------------------------


async def test_h_toggles_a_highlight_on_the_claim(copy) -> None:
    app, ext = reader(copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("n", "n", "h")
        claim = app.reader.current_quote
        (highlight,) = ext.session.annotations()
        assert highlight.motivation == "highlighting" and highlight.span == (claim.start, claim.end)
        assert "highlight" in app.reader.article_view.extra_runs.keys_over(claim.start, claim.end)
        await pilot.press("h")
        assert ext.session.annotations() == []


async def test_T_tags_with_a_suggested_or_typed_tag_and_toggles_off(copy) -> None:
    app, ext = reader(copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("n", "T")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("down", "enter")  # the second suggestion: disputed
        await pilot.press("T", "tab")
        await type_text(pilot, "à creuser")
        await pilot.press("enter")
        tags = {a.body.tag: a.motivation for a in ext.session.annotations()}
        assert tags == {"disputed": "assessing", "à creuser": "tagging"}
        await pilot.press("T", "down", "enter")  # disputed again: removed
        assert {a.body.tag for a in ext.session.annotations()} == {"à creuser"}


# -- C, D, A: corrections -------------------------------------------------------------------------


async def test_C_reassigns_the_claim_to_an_article_speaker_at_once(copy) -> None:
    app, ext = reader(copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("n")
        before = app.reader.current_quote
        choices = ext.speaker_choices()
        target = next(i for i, (key, _, _) in enumerate(choices) if key != before.speaker.id)
        await pilot.press("C", *["down"] * target, "enter")
        chosen_id = choices[target][0]
        assert app.reader.current_quote.id == before.id and app.reader.current_quote.speaker.id == chosen_id
        def panel_count(analysis: Analysis, speaker_id: str) -> int:
            return sum(1 for q in analysis.quotes if q.speaker and q.speaker.id == speaker_id)

        row = app.reader.model.speaker_row(chosen_id)  # what the speakers panel lists
        assert len(row.claims) == panel_count(copy[1], chosen_id) + 1
        old_row = app.reader.model.speaker_row(before.speaker.id)
        assert len(old_row.claims) == panel_count(copy[1], before.speaker.id) - 1
        assert choices[target][2] in app.reader.status_line.left


async def test_C_with_a_new_name_creates_a_speaker_and_C_again_edits_the_correction(copy) -> None:
    app, ext = reader(copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("n", "C", "tab")
        await type_text(pilot, "Igor Konachenkov")
        await pilot.press("enter")
        assert app.reader.current_quote.speaker.name == "Igor Konachenkov"
        assert any(s.name == "Igor Konachenkov" for s in app.reader.analysis.speakers)
        assert "Igor Konachenkov" in app.reader.status_line.left
        await pilot.press("C", "tab")
        await type_text(pilot, "Un conseiller")
        await pilot.press("enter")
        (correction,) = ext.session.annotations()
        assert correction.body.correction.speaker_name == "Un conseiller"
        assert app.reader.current_quote.speaker.name == "Un conseiller"


async def test_D_removes_the_claim_and_deleting_the_mark_brings_it_back(copy) -> None:
    app, ext = reader(copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        total = len(app.reader.model.claims)
        await pilot.press("n", "n")
        removed = app.reader.current_quote.id
        await pilot.press("D")
        assert len(app.reader.model.claims) == total - 1
        assert removed not in {q.id for q in app.reader.model.claims}
        await pilot.press("N")
        assert isinstance(app.focused, NotesPanel)
        await pilot.press("delete")
        assert ext.session.annotations() == []
        assert len(app.reader.model.claims) == total


async def test_A_adds_the_selected_text_as_a_quote_with_its_speaker(copy) -> None:
    app, ext = reader(copy)
    text = copy[0].text
    missed = "sollicité par Paris sur la question du contre-terrorisme"  # not a claim of the analysis
    start = text.index(missed)
    end = start + len(missed)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        total = len(app.reader.model.claims)
        await pilot.press("A")  # nothing selected: explained, no dialog
        assert not isinstance(app.screen, ChoiceDialog)
        app.reader.article_view.set_selection(start, end)
        await pilot.press("A")
        macron = next(i for i, (_, _, name) in enumerate(ext.speaker_choices()) if name == "Emmanuel Macron")
        await pilot.press(*["down"] * macron, "enter")
        assert len(app.reader.model.claims) == total + 1
        added = next(q for q in app.reader.model.claims if q.start == start)
        assert added.end == end and added.speaker.name == "Emmanuel Macron"
        # D on a quote the reader added removes the addition itself.
        app.reader.go_to_claim(app.reader.model.claim_index(added.id))
        await pilot.press("D")
        assert len(app.reader.model.claims) == total and ext.session.annotations() == []


# -- the notes panel ------------------------------------------------------------------------------


async def test_the_notes_panel_lists_in_reading_order_and_enter_jumps(copy) -> None:
    app, ext = reader(copy)
    text = copy[0].text
    late, early = text.index("Emmanuel Macron"), text.index("Moscou")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        for start, word in ((late, "tard"), (early, "tôt")):
            app.reader.article_view.set_selection(start, start + 6)
            await pilot.press("a")
            await type_text(pilot, word)
            await pilot.press("enter")
        await pilot.press("N")
        panel = app.query_one(NotesPanel)
        assert [ext.session.get(i).body.note for i in panel.annotation_ids] == ["tôt", "tard"]
        await pilot.press("home", "enter")
        assert app.reader.article_view.focus_span == (early, early + 6)
        await pilot.press("down", "enter")
        assert app.reader.article_view.focus_span == (late, late + 6)
        await pilot.press("backspace")  # the jump went into the reader's history
        assert app.reader.article_view.focus_span != (late, late + 6)


async def test_orphans_are_listed_and_r_reattaches_them(copy) -> None:
    article, analysis = copy
    session = AnnotationSession.open(Article("Une version plus ancienne de l’article.", article.source))
    session.put(Annotation.create(session.article.text, 4, 11, "commenting", Body(note="ancienne")))
    session.save()
    app, ext = reader(copy)
    seen = spy_notifications(app)  # before the app starts: it tells at once
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        (orphan,) = ext.session.orphans()
        await pilot.press("N")
        panel = app.query_one(NotesPanel)
        assert "orphan" in str(panel.get_option_at_index(0).prompt)
        await pilot.press("enter")
        assert any("no longer in the article" in m for m in seen)
        start = article.text.index("Crocus")
        app.reader.article_view.set_selection(start, start + 6)
        await pilot.press("r")
        assert ext.session.orphans() == [] and ext.session.get(orphan.id).span == (start, start + 6)


async def test_an_annotation_saved_before_is_shown_when_the_article_opens(copy) -> None:
    article, _ = copy
    session = AnnotationSession.open(article)
    start = article.text.index("Kiev")
    session.put(Annotation.create(article.text, start, start + 4, "highlighting"))
    session.save()
    app, ext = reader(copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        assert app.reader.article_view.extra_runs.keys_over(start, start + 4) == {"highlight"}
        assert len(app.query_one(NotesPanel).annotation_ids) == 1


# -- the file: damage, read-only, another reader ---------------------------------------------------


async def test_a_damaged_sidecar_is_reported_and_the_article_opens(copy) -> None:
    article, _ = copy
    sidecar(article).write_text("{ broken", encoding="utf-8")
    app, ext = reader(copy)
    seen = spy_notifications(app)  # before the app starts: it tells at once
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        assert app.reader.article_view.text == article.text
    assert any("damaged" in m for m in seen) and any("No readable backup" in m for m in seen)
    assert list(Path(article.source).parent.glob("article.txt.guillemet.json.damaged-*"))


async def test_annotations_recovered_from_the_backup_are_shown_and_saved_again(copy) -> None:
    article, _ = copy
    session = AnnotationSession.open(article)
    start = article.text.index("Moscou")
    session.put(Annotation.create(article.text, start, start + 6, "commenting", Body(note="gardée")))
    session.save()
    session.put(Annotation.create(article.text, start, start + 6, "highlighting"))
    session.save()  # the backup holds the note; the sidecar, the note and the highlight
    sidecar(article).write_bytes(b"\x00\x01 garbage")
    app, ext = reader(copy)
    seen = spy_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        assert [a.body.note for a in ext.session.annotations()] == ["gardée"]
        assert len(app.query_one(NotesPanel).annotation_ids) == 1
    assert any("recovered from the backup" in m for m in seen)
    assert [a.body.note for a in saved(article)] == ["gardée"]  # written back, without a key


async def test_a_newer_sidecar_is_read_only(copy) -> None:
    article, _ = copy
    sidecar(article).write_text(json.dumps({"format": "guillemet-annotations", "schema": SCHEMA_VERSION + 1}))
    app, ext = reader(copy)
    seen = spy_notifications(app)  # before the app starts: it tells at once
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("n", "a")
        assert not isinstance(app.screen, NoteDialog)
        assert any("read-only" in m for m in seen)
    assert json.loads(sidecar(article).read_text())["schema"] == SCHEMA_VERSION + 1


async def test_another_readers_saves_are_merged_into_the_view(copy) -> None:
    article, _ = copy
    app, ext = reader(copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("n", "h")
        other = AnnotationSession.open(article)
        start = article.text.index("Moscou")
        other.put(Annotation.create(article.text, start, start + 6, "commenting", Body(note="de l’autre")))
        other.save()
        await wait_for(pilot, lambda: len(ext.session.annotations()) == 2)
        assert {a.motivation for a in ext.session.annotations()} == {"highlighting", "commenting"}
        assert len(app.query_one(NotesPanel).annotation_ids) == 2
    assert {a.motivation for a in saved(article)} == {"highlighting", "commenting"}


# -- keys: help, palette, remapping ------------------------------------------------------------------


async def test_the_keys_are_in_the_help_screen_and_the_palette(copy) -> None:
    app, _ = reader(copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        ids = {command.id for command in app.reader.all_commands()}
        assert {"annotation.note", "annotation.tag", "annotation.speaker", "annotation.not_quote",
                "annotation.add_quote", "annotation.highlight", "notes.show", "notes.delete"} <= ids
        palette = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Note", "Tag", "Correct speaker", "Not a quote", "Add quote", "Highlight"} <= palette
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)


async def test_an_annotation_key_can_be_remapped_by_id(copy) -> None:
    app, ext = reader(copy, keymap={"annotation.note": "m"})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("n", "m")
        assert isinstance(app.screen, NoteDialog)


async def test_standard_input_annotations_are_kept_in_memory_and_the_reader_is_told(sample_text: str) -> None:
    article = sample_article(sample_text, "-")
    extension = make_extension(article, {})
    app = make_app(article, [sample_analysis(sample_text, "-")], extensions=[extension])
    seen = spy_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("n", "h")
        assert len(extension.session.annotations()) == 1
        assert any("--sidecar" in m for m in seen)


def test_the_corrections_can_be_applied_before_an_analysis_is_shown(copy) -> None:
    article, analysis = copy
    session = AnnotationSession.open(article)
    quote = analysis.quotes[0]
    session.put(Annotation.create(article.text, quote.start, quote.end, "editing", Body(correction=Correction("not-a-quote"))))
    extension = AnnotationExtension(session)
    shown = extension.transform_analysis(analysis)
    assert [q.id for q in shown.quotes] == [q.id for q in analysis.quotes[1:]]


def test_the_reader_discovers_the_annotations(copy) -> None:
    from guillemet.tui.extensions import discover_extensions

    article, _ = copy
    chosen = Path(article.source).with_name("notes.json")
    (extension,) = [e for e in discover_extensions(article, {"sidecar": str(chosen)}) if isinstance(e, AnnotationExtension)]
    assert extension.session.path == chosen
