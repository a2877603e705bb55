"""The sample article: all 11 statements, each under the right speaker, with the right type."""

from __future__ import annotations

import pytest

from guillemet.analysis.models import Analysis
from test_quotes_support import analyse

# (words inside the statement, accepted speaker names, type)
EXPECTED = [
    ("« disponible » pour des « échanges accrus »", {"Sébastien Lecornu"}, "mixed"),
    ("ne disposait d’aucune information", {"communiqué", "service de presse", "Sébastien Lecornu"}, None),
    ("appelé la Russie à cesser", {"communiqué", "service de presse", "Sébastien Lecornu"}, None),
    ("condamné sans réserve", {"communiqué", "service de presse", "Sébastien Lecornu"}, None),
    ("à la demande pressante", {"ministère russe de la Défense"}, "mixed"),
    ("a exprimé ses condoléances", {"ministère russe de la Défense", "armée russe"}, "direct"),
    ("tout en essayant de convaincre", {"ministère russe de la Défense", "armée russe"}, "direct"),
    ("une piste ukrainienne", {"Sergueï Choïgou"}, "direct"),
    ("Le régime de Kiev ne fait rien", {"Sergueï Choïgou"}, "direct"),
    ("cela créerait des problèmes", {"Sergueï Choïgou"}, "mixed"),
    ("commentaires baroques et menaçants", {"Emmanuel Macron"}, "mixed"),
]


@pytest.fixture(scope="module")
def sample(sample_text: str) -> Analysis:
    return analyse(sample_text)


def test_sample_has_exactly_the_eleven_statements(sample: Analysis) -> None:
    assert len(sample.quotes) == 11


@pytest.mark.parametrize(("words", "speakers", "kind"), EXPECTED, ids=[e[0][:24] for e in EXPECTED])
def test_sample_statement_has_the_right_speaker_and_type(
    sample: Analysis, words: str, speakers: set[str], kind: str | None
) -> None:
    found = [q for q in sample.quotes if words in q.text]
    assert len(found) == 1, [q.text for q in sample.quotes]
    quote = found[0]
    assert quote.speaker is not None and quote.speaker.name in speakers
    if kind is not None:
        assert quote.type == kind


def test_sample_named_sources_keep_their_full_names(sample: Analysis) -> None:
    kinds = {s.name: s.kind for s in sample.speakers}
    for person in ("Sébastien Lecornu", "Sergueï Choïgou", "Emmanuel Macron"):
        assert kinds.get(person) == "person"
    assert kinds.get("communiqué") == "document"
    assert kinds.get("ministère russe de la Défense") == "government"
    assert all(q.speaker is not None for q in sample.quotes)


def test_sample_speakers_hold_their_mentions(sample: Analysis) -> None:
    mentions = {s.name: {m.text for m in s.mentions} for s in sample.speakers}
    assert mentions["communiqué"] == {"le communiqué"}
    assert mentions["ministère russe de la Défense"] == {"Le ministère russe de la Défense"}
    assert "Le ministre français" in mentions["Sébastien Lecornu"]
    assert all("Choïgou" in m for m in mentions["Sergueï Choïgou"])


def test_sample_direct_quotes_are_the_text_inside_the_marks(sample: Analysis, sample_text: str) -> None:
    for quote in sample.quotes:
        assert sample_text[quote.start:quote.end] == quote.text
        if quote.type == "direct":
            assert sample_text[quote.start - 2:quote.start].strip() in ("«", "")
            assert "«" not in quote.text and "»" not in quote.text
