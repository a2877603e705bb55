"""`guillemet export` end to end, with the hand-made analysis standing in for the engine
(the engine has its own tests; here the command's plumbing and errors are what matter)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from annotation_samples import sample_analysis

from guillemet.analysis.models import Analysis
from guillemet.annotations.model import Annotation, Body, Correction
from guillemet.annotations.session import AnnotationSession
from guillemet.article import Article
from guillemet.cli import main
from guillemet.commands import export


@pytest.fixture(autouse=True)
def no_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    def analyse(article: Article, model: str, *, use_cache: bool = True) -> Analysis:
        return sample_analysis(article.text, article.source)

    monkeypatch.setattr(export, "analyse", analyse)


@pytest.fixture()
def annotated(article: Article, analysis: Analysis) -> Path:
    """The sample with a note and a speaker correction saved in its sidecar."""
    session = AnnotationSession.open(article)
    q1 = next(q for q in analysis.quotes if q.id == "q1")
    session.put(Annotation.create(article.text, q1.start, q1.end, "commenting", Body(note="Vérifié auprès du ministère.")))
    session.put(Annotation.create(article.text, q1.start, q1.end, "editing", Body(correction=Correction("speaker", speaker_name="Un porte-parole"))))
    assert session.save()
    return Path(article.source)


def test_markdown_to_standard_output_includes_the_sidecar(annotated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(annotated), "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert "note: Vérifié auprès du ministère." in out
    assert "### Un porte-parole (person, 1 claim)" in out


def test_w3c_to_a_file(annotated: Path, tmp_path: Path) -> None:
    out = tmp_path / "export.jsonld"
    assert main(["export", str(annotated), "--format", "w3c", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["type"] == "AnnotationCollection"
    assert any(item.get("motivation") == "commenting" for item in data["first"]["items"])


@pytest.mark.parametrize("output", ["brat/out.ann", "brat/out", "brat"])
def test_brat_writes_the_annotations_and_the_text_they_point_into(annotated: Path, tmp_path: Path, output: str) -> None:
    (tmp_path / "brat").mkdir()
    assert main(["export", str(annotated), "--format", "brat", "-o", str(tmp_path / output)]) == 0
    stem = "article" if output == "brat" else "out"
    ann, txt = tmp_path / "brat" / f"{stem}.ann", tmp_path / "brat" / f"{stem}.txt"
    text = txt.read_text(encoding="utf-8")
    assert text == annotated.read_text(encoding="utf-8")
    for line in ann.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            _, middle, covered = line.split("\t")
            start, end = (int(x) for x in middle.split(" ")[1:3])
            assert text[start:end] == covered
    assert "AnnotatorNotes" in ann.read_text(encoding="utf-8")


def test_brat_never_overwrites_the_article_with_other_bytes(annotated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    annotated.write_bytes(annotated.read_bytes().replace(b"\n", b"\r\n"))  # loaded text differs from the bytes
    before = annotated.read_bytes()
    assert main(["export", str(annotated), "--format", "brat", "-o", str(annotated.with_suffix(".ann"))]) == 2
    assert annotated.read_bytes() == before
    assert "overwritten" in capsys.readouterr().err


def test_a_chosen_sidecar_is_read(article: Article, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    elsewhere = tmp_path / "notes.json"
    session = AnnotationSession.open(article, elsewhere)
    session.put(Annotation.create(article.text, 0, 4, "commenting", Body(note="d’ailleurs")))
    session.save()
    assert main(["export", article.source, "--format", "markdown", "--sidecar", str(elsewhere)]) == 0
    assert "note: d’ailleurs" in capsys.readouterr().out


def test_a_damaged_sidecar_is_reported_and_left_alone(annotated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sidecar = annotated.with_name(annotated.name + ".guillemet.json")
    sidecar.write_text("{ broken", encoding="utf-8")
    assert main(["export", str(annotated), "--format", "markdown"]) == 1  # annotations are missing
    captured = capsys.readouterr()
    assert "damaged" in captured.err and "# Reading report" in captured.out
    assert sidecar.read_text(encoding="utf-8") == "{ broken"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.txt", "--format", "w3c"], "no such file"),
        (["{article}", "--format", "pdf"], "invalid choice"),
        (["{article}"], "--format"),
        (["{article}", "--format", "w3c", "--sidecar", "nowhere.json"], "no such annotations file"),
        (["{article}", "--format", "w3c", "-o", "{missing_dir}/x.json"], "no such folder"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    article_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    filled = [a.format(article=article_file, missing_dir=tmp_path / "no" / "such") for a in args]
    assert main(["export", *filled]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("guillemet: ") and message in err


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--help"]) == 0
    assert "--format" in capsys.readouterr().out


@pytest.mark.parametrize("output", ["missing/", "missing/out.ann"])
def test_an_output_in_a_missing_folder_is_one_line_and_nothing_is_written(
    annotated: Path, tmp_path: Path, output: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = set(tmp_path.iterdir())
    assert main(["export", str(annotated), "--format", "brat", "-o", f"{tmp_path}/{output}"]) == 2
    err = capsys.readouterr().err
    assert "no such folder" in err and err.count("\n") == 1
    assert set(tmp_path.iterdir()) == before
