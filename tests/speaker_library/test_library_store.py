"""The library records each article once, finds one speaker across articles, searches quote
words without accents, counts voices, and applies the reader's merges and splits."""

from __future__ import annotations

from pathlib import Path

import pytest
from library_samples import article, three_articles

from guillemet.speaker_library import UnknownSpeakerError, article_voices, open_library


def test_an_article_is_recorded_once(tmp_path: Path) -> None:
    library, _ = open_library(tmp_path / "lib.sqlite3")
    with library:
        analysis, text = three_articles()[0]
        first = library.record(analysis, text)
        again = library.record(analysis.with_source("elsewhere.txt"), text)
        assert first.new and not again.new and again.article_id == first.article_id
        assert library.article_count() == 1


def test_an_article_already_there_costs_no_genders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Re-opening an article records nothing, so its speakers' genders (the costly part on a
    book) are not worked out again; genders the caller has are used as given."""
    from guillemet.speaker_library import recording

    library, _ = open_library(tmp_path / "lib.sqlite3")
    with library:
        analysis, text = three_articles()[0]
        person = next(s for s in analysis.speakers if s.kind == "person")
        given = {person.id: "female"}
        library.record(analysis, text, given)

        def no_genders(*_: object) -> dict[str, str]:
            raise AssertionError("genders worked out again")

        monkeypatch.setattr(recording, "speaker_genders", no_genders)
        assert not library.record(analysis, text).new
        rows = library._run(lambda c: c.execute("SELECT gender FROM speakers WHERE local_id = ?",
                                                (person.id,)).fetchall())
        assert rows == [("female",)]


def test_who_finds_a_person_under_two_spellings_newest_first(library_file: Path) -> None:
    library, _ = open_library(library_file)
    with library:
        name, quotes = library.who("Obama")
    assert name == "Barack Obama"
    assert [q.source for q in quotes] == ["b.txt", "a.txt"]  # 2012-11-07 before 2012-09-04


def test_an_organisation_is_found_by_its_acronym(library_file: Path) -> None:
    library, _ = open_library(library_file)
    with library:
        _, quotes = library.who("HRW")
    assert {q.source for q in quotes} == {"b.txt", "c.txt"}


def test_search_ignores_accents_and_case(library_file: Path) -> None:
    library, _ = open_library(library_file)
    with library:
        found = library.search("HOPITAL defendu")
        nothing = library.search('" AND OR (')
    assert [q.speaker for q in found] == ["Marisol Touraine"]
    assert nothing == []


def test_speakers_carry_the_gender_their_text_marks(library_file: Path) -> None:
    library, _ = open_library(library_file)
    with library:
        genders = {s.name: s.gender for s in library.speakers()}
    assert genders["Marisol Touraine"] == "female"
    assert genders["Barack Obama"] == "male"  # "Le président B. Obama"
    assert genders["Mitt Romney"] == "unknown"


def test_quotes_elsewhere_leaves_out_the_article_being_read(library_file: Path) -> None:
    analysis, _ = three_articles()[1]
    library, _ = open_library(library_file)
    with library:
        others = library.quotes_elsewhere(analysis.text_sha256, "B. Obama")
        nobody = library.quotes_elsewhere(analysis.text_sha256, "Personne Inconnue")
    assert [q.source for q in others] == ["a.txt"]
    assert nobody == []


def test_merge_and_split(library_file: Path) -> None:
    library, _ = open_library(library_file)
    with library:
        library.merge("Barack Obama", "Mitt Romney")
        assert len(library.who("Barack Obama")[1]) == 3
        assert library.who("Mitt Romney")[0] == "Barack Obama"  # the merged name leads to the kept one
        with pytest.raises(UnknownSpeakerError):
            library.who("Personne Inconnue")
        name, new = library.split("Barack Obama", ["a.txt"])
        assert len(library.who("Barack Obama")[1]) == 1
        assert len(library.who(f"#{new}")[1]) == 2


def test_a_later_article_follows_a_merge(library_file: Path) -> None:
    library, _ = open_library(library_file)
    with library:
        library.merge("Barack Obama", "Mitt Romney")
        later, text = article("d.txt", "Plus tard", "2013-01-01", [("Mitt Romney", "person", "Mitt Romney", "rien")])
        library.record(later, text)
        assert [q.source for q in library.who("Barack Obama")[1]][0] == "d.txt"


def test_voices_of_an_article_and_of_the_library(library_file: Path) -> None:
    analysis, text = three_articles()[2]
    one = article_voices(analysis, text)
    assert one.quotes == 2 and one.women == 1 and one.men == 0
    assert {k.kind for k in one.kinds} == {"person", "organisation"}
    library, _ = open_library(library_file)
    with library:
        everything = library.voices()
    assert everything.articles == 3 and everything.quotes == 6
    assert (everything.women, everything.men, everything.unknown) == (1, 1, 1)
    assert abs(sum(v.quote_share for v in everything.speakers) - 1.0) < 1e-9
