"""`guillemet extract` with the real engine: the JSON of the issue, formats, bad files, cache.

Output-only checks call `commands.extract.run` in this process (the model is loaded once per
process); exit statuses and stderr are checked on a real process.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from guillemet.cache import CACHE_DIR_ENV
from guillemet.commands import extract
from guillemet.inputs import load_article

pytestmark = pytest.mark.model

TOP_KEYS = {"source", "language", "model", "text_sha256", "entities", "speakers", "quotes"}
METADATA_KEYS = {"title", "author", "date", "site", "source", "encoding"}
SPAN_KEYS = {"start", "end", "text"}


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv(CACHE_DIR_ENV, str(directory))
    return directory


@pytest.fixture
def small_files(tmp_path: Path) -> list[str]:
    texts = [
        "« Nous ne céderons rien », a déclaré Emmanuel Macron mardi à Paris.\n",
        "Selon le ministère russe de la Défense, les frappes ont visé des dépôts.\n",
        "Sébastien Lecornu a affirmé que la France resterait aux côtés de l’Ukraine.\n",
    ]
    paths = []
    for number, text in enumerate(texts):
        path = tmp_path / f"article-{number}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


@pytest.fixture
def bad_files(tmp_path: Path) -> dict[str, str]:
    """Each kind of unreadable input of the issue, by name."""
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "a-directory").mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.bin").write_bytes(bytes(range(256)) * 8)
    (bad / "undecodable.txt").write_bytes(b"\xef\xbb\xbfCaf\xe9 cr\xe8me \xff\xfe\xfd br\xfbl\xe9e.\n")
    return {
        "missing": str(bad / "no-such-file.txt"),
        "directory": str(bad / "a-directory"),
        "empty": str(bad / "empty.txt"),
        "binary": str(bad / "binary.bin"),
        "undecodable": str(bad / "undecodable.txt"),
    }


def extract_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = extract.run(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "guillemet", "extract", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


def assert_span(span: dict, text: str) -> None:
    assert set(span) >= SPAN_KEYS
    assert 0 <= span["start"] < span["end"] <= len(text)
    assert text[span["start"] : span["end"]] == span["text"]


def test_the_sample_gives_the_json_of_the_issue(capsys, sample_path):
    SAMPLE = sample_path
    status, out, err = extract_json(capsys, str(SAMPLE))
    assert (status, err) == (0, "")
    data = json.loads(out)
    text = load_article(str(SAMPLE)).text

    assert set(data) >= TOP_KEYS
    assert data["source"] == str(SAMPLE)
    assert data["language"] == "fr"
    assert data["model"] == "fr_core_news_md"
    assert data["text_sha256"] == load_article(str(SAMPLE)).sha256
    assert set(data["metadata"]) >= METADATA_KEYS
    assert data["metadata"]["source"] == str(SAMPLE)

    assert data["entities"], "the sample names people, places and organisations"
    for entity in data["entities"]:
        assert set(entity) == {"start", "end", "label", "text"}
        assert entity["label"] in {"PER", "ORG", "LOC", "MISC"}
        assert_span(entity, text)

    speaker_ids = set()
    for speaker in data["speakers"]:
        assert set(speaker) == {"id", "name", "kind", "mentions"}
        speaker_ids.add(speaker["id"])
        for mention in speaker["mentions"]:
            assert set(mention) == SPAN_KEYS
            assert_span(mention, text)

    assert data["quotes"], "the sample has eleven quotes"
    for quote in data["quotes"]:
        assert set(quote) == {"id", "start", "end", "text", "type", "cue", "speaker", "speaker_mention"}
        assert quote["type"] in {"direct", "mixed", "indirect", "selon"}
        assert_span(quote, text)
        for part in ("cue", "speaker_mention"):
            if quote[part] is not None:
                assert set(quote[part]) == SPAN_KEYS
                assert_span(quote[part], text)
        if quote["speaker"] is not None:
            assert set(quote["speaker"]) == {"id", "name"}
            assert quote["speaker"]["id"] in speaker_ids


def test_jsonl_prints_one_line_per_file_in_order(capsys, small_files):
    status, out, err = extract_json(capsys, "--format", "jsonl", *small_files)
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert [json.loads(line)["source"] for line in lines] == small_files


def test_json_prints_an_array_for_several_files_and_an_object_for_one(capsys, small_files):
    _, several, _ = extract_json(capsys, *small_files)
    _, one, _ = extract_json(capsys, small_files[1])

    array = json.loads(several)
    assert [item["source"] for item in array] == small_files
    assert json.loads(one) == array[1]


def test_a_second_run_comes_from_the_cache_and_is_identical(capsys, small_files, private_cache):
    _, first, _ = extract_json(capsys, "--format", "jsonl", *small_files)
    assert len(list(private_cache.glob("*.json"))) == len(small_files)
    _, again, _ = extract_json(capsys, "--format", "jsonl", *small_files)
    assert again == first


def test_no_cache_neither_reads_nor_writes_it(capsys, small_files, private_cache):
    status, out, _ = extract_json(capsys, "--no-cache", small_files[0])
    assert status == 0 and json.loads(out)["source"] == small_files[0]
    assert not private_cache.exists()


def test_cached_files_are_extracted_without_importing_spacy(capsys, small_files, private_cache):
    extract_json(capsys, "--format", "jsonl", *small_files)
    script = textwrap.dedent(
        f"""
        import sys
        from guillemet.commands.extract import run
        status = run(["--format", "jsonl", *{small_files!r}])
        print("spacy imported" if "spacy" in sys.modules else "no spacy", status, file=sys.stderr)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
        env={**os.environ, CACHE_DIR_ENV: str(private_cache)},
    )
    assert result.stderr.strip() == "no spacy 0"
    assert len(result.stdout.splitlines()) == len(small_files)


def test_bad_files_get_one_line_each_and_the_others_are_still_processed(small_files, bad_files):
    inputs = [small_files[0], *bad_files.values(), small_files[1]]
    result = run_cli("--format", "jsonl", *inputs)

    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == small_files[:2]
    errors = result.stderr.splitlines()
    assert len(errors) == len(bad_files)
    for line, (kind, path) in zip(errors, bad_files.items(), strict=True):
        assert line.startswith(f"guillemet: {path}: "), kind
        assert len(line) > len(f"guillemet: {path}: ") + 3, f"{kind}: the problem is named"


def test_a_missing_model_is_one_line_naming_the_package_to_install(small_files):
    result = run_cli("--model", "xx_no_such_model_lg", small_files[0])
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "pip install xx-no-such-model-lg" in result.stderr


@pytest.mark.parametrize("args", [["--jobs", "0", "x.txt"], ["--format", "xml", "x.txt"], []])
def test_bad_usage_exits_with_status_2(args):
    result = run_cli(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


class TerminalStream(io.StringIO):
    """A stderr that says it is a terminal, as an interactive session's is."""

    def isatty(self) -> bool:
        return True


def test_a_progress_bar_is_drawn_only_when_stderr_is_a_terminal(monkeypatch, capsys, small_files, bad_files):
    inputs = [*small_files, bad_files["missing"]]
    terminal = TerminalStream()
    monkeypatch.setattr(sys, "stderr", terminal)
    status = extract.run(["--format", "jsonl", *inputs])

    assert status == 2
    assert len(capsys.readouterr().out.splitlines()) == len(small_files)
    drawn = terminal.getvalue()
    assert "extracting" in drawn
    assert f"guillemet: {bad_files['missing']}: no such file" in drawn
