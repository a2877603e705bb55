"""The issue's bar on the 65 dev Wikinews articles: indexed through `guillemet index`, every
speaker quoted in two or more of them has all those quotes listed by `guillemet who`.

What "all those quotes" are comes from the analyses themselves (`guillemet extract` on the
same files), grouped by the library's own notion of one person, so nothing here is hard-coded.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from guillemet.cli import main
from guillemet.speaker_library.identity import person_name, same_person

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "wikinews-fr"


@pytest.mark.model
def test_who_lists_every_quote_of_a_speaker_quoted_in_several_dev_articles(tmp_path: Path, capsys, monkeypatch) -> None:
    if not (CORPUS / "DEV.txt").exists():
        pytest.skip("the shared Wikinews corpus is not next to the checkout")
    monkeypatch.setenv("GUILLEMET_CACHE_DIR", str(tmp_path / "cache"))
    ids = [line.strip() for line in (CORPUS / "DEV.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
    files = [str(CORPUS / f"{i}.txt") for i in ids]
    library = str(tmp_path / "lib.sqlite3")
    assert main(["index", *files, "--library", library]) == 0
    assert main(["extract", *files, "--format", "jsonl"]) == 0
    analyses = [json.loads(line) for line in capsys.readouterr().out.splitlines()]

    by_person: dict[str, set[tuple[str, int]]] = {}
    for analysis in analyses:
        for quote in analysis["quotes"]:
            speaker = quote["speaker"]
            if speaker and len(speaker["name"].split()) > 1 and speaker["name"][:1].isupper():
                key = next((k for k in by_person if same_person(person_name(k), person_name(speaker["name"]))),
                           speaker["name"])
                by_person.setdefault(key, set()).add((analysis["source"], quote["start"]))
    several = {name: quotes for name, quotes in by_person.items() if len({s for s, _ in quotes}) >= 2}
    assert several, "the dev articles quote someone in two articles or more"
    for name, quotes in several.items():
        assert main(["who", name, "--library", library, "--format", "json"]) == 0
        listed = {(row["source"], row["start"]) for row in json.loads(capsys.readouterr().out)}
        assert quotes <= listed, name
