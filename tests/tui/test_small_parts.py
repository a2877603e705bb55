"""Search, jump history, keymap file, status wording and headings: the reader's small pure
parts."""

from __future__ import annotations

from pathlib import Path

from guillemet.analysis.models import Quote, SpeakerRef
from guillemet.article import Article
from guillemet.reading.headings import display_title, header_lines
from guillemet.tui.help_screen import display_keys
from guillemet.reading.history import JumpHistory, Position
from guillemet.tui.keymap import load_keymap
from guillemet.reading.search import SearchResults
from guillemet.tui.speakers_panel import excerpt
from guillemet.reading.model import claim_summary


def test_search_ignores_case_and_steps_around() -> None:
    results = SearchResults.find("Kiev, kiev et KIEV", "kiev")
    assert results.starts == [0, 6, 14]
    assert results.step(0, True) == 1
    assert results.step(14, True) == 0
    assert results.step(0, False) == 2
    assert results.in_range(5, 10) == [6]
    assert len(SearchResults.find("abc", "")) == 0


def test_search_wording_counts_in_good_english() -> None:
    results = SearchResults.find("Kiev, kiev et KIEV", "kiev")
    assert results.describe() == "“kiev” 3 matches"
    assert results.describe(0) == "“kiev” match 1/3"
    assert SearchResults.find("Kiev seul", "kiev").describe() == "“kiev” 1 match"
    assert SearchResults.find("Kiev seul", "kiev").describe(0) == "“kiev” match 1/1"
    assert SearchResults.find("Moscou", "kiev").describe() == "“kiev” no match"


def test_history_is_a_stack_without_repeats() -> None:
    history = JumpHistory(limit=3)
    for offset in (1, 2, 2, 3, 4):
        history.push(Position(offset))
    assert len(history) == 3
    assert [history.pop().top_offset for _ in range(3)] == [4, 3, 2]
    assert history.pop() is None


def test_keymap_from_toml_json_and_broken_files(tmp_path: Path) -> None:
    assert load_keymap(tmp_path) == ({}, None)
    (tmp_path / "keymap.json").write_text('{"claim.next": "j"}')
    assert load_keymap(tmp_path) == ({"claim.next": "j"}, None)
    (tmp_path / "keymap.toml").write_text('"claim.next" = "x,y"\n"quit" = "ctrl+q"\n')
    assert load_keymap(tmp_path) == ({"claim.next": "x,y", "quit": "ctrl+q"}, None)
    (tmp_path / "keymap.toml").write_text("this is = not toml [")
    keymap, problem = load_keymap(tmp_path)
    assert keymap == {} and problem is not None and "keymap.toml" in problem


def test_status_wording() -> None:
    quote = Quote("q3", 0, 5, "« a »", "direct", speaker=SpeakerRef("c", "Sergueï Choïgou"))
    assert claim_summary(quote, 3, 11) == "Quote 3/11 · Sergueï Choïgou · direct"
    assert claim_summary(None, 0, 0) == "No claims"
    assert claim_summary(None, 0, 1) == "1 claim"


def test_excerpt_and_key_names() -> None:
    assert excerpt("un  deux\ntrois") == "un deux trois"
    long = excerpt("mot " * 40, 20)
    assert long.endswith("…") and len(long) <= 20
    assert display_keys("right_square_bracket,f3") == "]  f3"


def test_titles_and_metadata_are_shown_without_control_characters() -> None:
    article = Article(text="Texte.", source="/tmp/ev\x1b]0;x\x07il.txt", title="Le \x1b[2Jtitre",
                      author="A\x9bB", site="site\x07")
    title, meta = header_lines(article)
    assert title == "Le [2Jtitre"
    assert meta == ["AB", "site", "/tmp/ev]0;xil.txt"]
    untitled = Article(text="Texte.", source="/tmp/ev\x1b]0;x\x07il.txt")
    assert display_title(untitled) == "ev]0;xil.txt"
