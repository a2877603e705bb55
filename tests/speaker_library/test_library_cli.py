"""The library commands: their output formats, their one-line errors, a damaged library."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from guillemet.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_who_json_lists_every_quote_newest_first(library_file: Path, capsys) -> None:
    status, out, err = run(capsys, "who", "B. Obama", "--library", str(library_file), "--format", "json")
    rows = json.loads(out)
    assert status == 0 and err == ""
    assert [r["source"] for r in rows] == ["b.txt", "a.txt"]
    assert {r["text"] for r in rows} == {"le meilleur reste à venir", "la lutte pour le changement continue"}


def test_who_markdown_is_a_dossier(library_file: Path, capsys) -> None:
    status, out, _ = run(capsys, "who", "Barack Obama", "--library", str(library_file), "--format", "markdown")
    assert status == 0
    assert out.startswith("# Barack Obama\n")
    assert out.index("## Le discours de Chicago") < out.index("## Élection américaine")


def test_who_table_on_a_terminal_shows_the_quotes(library_file: Path, capsys) -> None:
    status, out, _ = run(capsys, "who", "Obama", "--library", str(library_file), "--format", "table")
    assert status == 0 and "Barack Obama" in out and "lutte" in out


def test_quotes_csv(library_file: Path, capsys) -> None:
    status, out, _ = run(capsys, "quotes", "systematique", "--library", str(library_file), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert status == 0
    assert [(r["speaker"], r["text"]) for r in rows] == [("Human Rights Watch", "la torture est systématique")]


def test_speakers_json_most_quoted_first(library_file: Path, capsys) -> None:
    status, out, _ = run(capsys, "speakers", "--library", str(library_file), "--format", "json")
    rows = json.loads(out)
    assert status == 0
    assert rows[0]["quotes"] >= rows[-1]["quotes"]
    assert {r["name"]: r["quotes"] for r in rows}["Human Rights Watch"] == 2


def test_speakers_merge_then_list(library_file: Path, capsys) -> None:
    status, _, err = run(capsys, "speakers", "--library", str(library_file), "--merge", "Barack Obama", "Mitt Romney")
    assert status == 0 and "Mitt Romney is now Barack Obama" in err
    _, out, _ = run(capsys, "speakers", "--library", str(library_file), "--format", "json")
    assert "Mitt Romney" not in {r["name"] for r in json.loads(out)}


def test_voices_json_and_svg(library_file: Path, tmp_path: Path, capsys) -> None:
    picture = tmp_path / "voices.svg"
    status, out, _ = run(capsys, "voices", "--library", str(library_file), "--format", "json", "--svg", str(picture))
    data = json.loads(out)
    assert status == 0
    assert (data["women"], data["men"], data["people"]) == (1, 1, 3)
    assert picture.read_text(encoding="utf-8").startswith("<svg")


def test_voices_chart_on_a_terminal(library_file: Path, capsys) -> None:
    status, out, _ = run(capsys, "voices", "--library", str(library_file), "--format", "table")
    assert status == 0 and "People quoted" in out and "Marisol Touraine" in out


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["who", "Personne Inconnue"], "no speaker called"),
        (["who", "Obama", "--format", "yaml"], "invalid choice"),
        (["quotes", "!!"], "at least one word"),
        (["speakers", "--split", "Obama"], "needs at least one --article"),
        (["speakers", "--merge", "Obama", "Obama"], "already one speaker"),
        (["voices", "--svg", "/nonexistent-dir/x.svg"], "cannot write"),
    ],
)
def test_bad_input_is_one_line_and_a_non_zero_status(library_file: Path, capsys, args: list[str], words: str) -> None:
    status, _, err = run(capsys, *args, "--library", str(library_file))
    assert status == 2
    assert words in err and err.count("\n") == 1 and "Traceback" not in err


def test_index_names_an_input_it_cannot_read_and_goes_on(library_file: Path, capsys) -> None:
    status, _, err = run(capsys, "index", "definitely-not-here.txt", "--library", str(library_file))
    first, summary = err.splitlines()
    assert status == 2 and first == "guillemet: definitely-not-here.txt: no such file"
    assert "0 new article(s)" in summary and "Traceback" not in err


def test_a_damaged_library_is_reported_and_set_aside(tmp_path: Path, capsys) -> None:
    damaged = tmp_path / "speakers.sqlite3"
    damaged.write_bytes(b"this is not an SQLite file at all" * 100)
    status, out, err = run(capsys, "speakers", "--library", str(damaged), "--format", "json")
    assert status == 1
    assert err.count("\n") == 1 and "damaged" in err and "set aside" in err
    assert json.loads(out) == []
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("speakers.sqlite3.damaged-")]
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is not")


def test_a_library_from_a_newer_guillemet_is_refused_not_set_aside(tmp_path: Path, capsys) -> None:
    import sqlite3

    path = tmp_path / "speakers.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA user_version = 999")
    status, _, err = run(capsys, "speakers", "--library", str(path))
    assert status == 2 and "newer guillemet" in err and path.exists()


def test_the_environment_names_the_library(library_file: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("GUILLEMET_LIBRARY", str(library_file))
    status, out, _ = run(capsys, "who", "HRW", "--format", "json")
    assert status == 0 and len(json.loads(out)) == 2


@pytest.mark.parametrize("command", [["who", "Obama"], ["speakers"], ["voices"], ["index", "a.txt"]])
def test_a_library_turned_off_is_said_and_no_file_is_made(command: list[str], library_file: Path, tmp_path: Path,
                                                          capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GUILLEMET_LIBRARY", "off")
    status, out, err = run(capsys, *command)
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and "library is off" in err and "--library" in err
    assert not (tmp_path / "off").exists()
    status, _, _ = run(capsys, "speakers", "--library", str(library_file))  # named: used
    assert status == 0


@pytest.mark.model
def test_index_records_files_and_folders(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("GUILLEMET_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.txt").write_text("« Nous ne céderons pas », a déclaré Mme Claire Dubois.\n", encoding="utf-8")
    (folder / ".hidden.txt").write_text("« Rien », a dit M. Caché.\n", encoding="utf-8")
    (folder / "notes.bin").write_bytes(b"\x00\x01")
    other = tmp_path / "two.txt"
    other.write_text("« Le budget sera tenu », a affirmé le ministre Paul Martin.\n", encoding="utf-8")
    library = tmp_path / "lib.sqlite3"
    status, _, err = run(capsys, "index", str(folder), str(other), "--library", str(library))
    assert status == 0 and "2 new article(s)" in err
    _, out, _ = run(capsys, "speakers", "--library", str(library), "--format", "json")
    genders = {r["name"]: r["gender"] for r in json.loads(out)}
    assert genders == {"Claire Dubois": "female", "Paul Martin": "male"}
    status, _, err = run(capsys, "index", str(other), "--library", str(library))
    assert status == 0 and "0 new article(s)" in err and "1 already there" in err


@pytest.mark.model
def test_index_records_a_relative_path_as_absolute(tmp_path: Path, capsys, monkeypatch) -> None:
    # the reader opens a quote's article from any folder: the source must not depend on the cwd
    monkeypatch.setenv("GUILLEMET_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "one.txt").write_text("« Nous ne céderons pas », a déclaré Mme Claire Dubois.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    library = tmp_path / "lib.sqlite3"
    status, _, _ = run(capsys, "index", "one.txt", "--library", str(library))
    assert status == 0
    _, out, _ = run(capsys, "who", "Claire Dubois", "--library", str(library), "--format", "json")
    assert [r["source"] for r in json.loads(out)] == [str(tmp_path / "one.txt")]
