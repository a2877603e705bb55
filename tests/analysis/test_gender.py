"""Gender of person speakers from the marks of the French text, on short sentences analysed by
the real engine; and the same rules on hand-made analyses, where the engine is not the point."""

from __future__ import annotations

import pytest
from test_quotes_support import analyse

from guillemet.analysis.gender import FEMALE, MALE, UNKNOWN, decide, GenderClue, speaker_genders
from guillemet.analysis.models import Analysis, Quote, Speaker, SpeakerRef, Span


def gender_of(text: str, name: str) -> str:
    """The gender the engine's analysis of `text` gives the person speaker called `name`."""
    analysis = analyse(text)
    genders = speaker_genders(analysis, text)
    matches = [s for s in analysis.speakers if s.kind == "person" and name in s.name]
    assert matches, [(s.name, s.kind) for s in analysis.speakers]
    return genders[matches[0].id]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("« Nous ne céderons pas », a déclaré Mme Claire Dubois devant les députés.", "Dubois", FEMALE),
        ("« Nous ne céderons pas », a déclaré M. Paul Dubois devant les députés.", "Dubois", MALE),
        ("La ministre de la Santé, Claire Dubois, a affirmé que l'hôpital manquait de moyens.", "Dubois", FEMALE),
        ("Le ministre de la Santé, Paul Dubois, a affirmé que l'hôpital manquait de moyens.", "Dubois", MALE),
        ("Claire Dubois, présidente du syndicat, a estimé que la réforme était injuste.", "Dubois", FEMALE),
        ("Claire Dubois dirige le syndicat. « La réforme est injuste », a-t-elle déclaré.", "Dubois", FEMALE),
        ("Claire Dubois est revenue sur ses propos : « Je maintiens ce que j'ai dit. »", "Dubois", FEMALE),
        ("Submergée par l'émotion, Claire Dubois a déclaré : « Je suis très heureuse. »", "Dubois", FEMALE),
        ("Camille Dubois a déclaré que la réforme était injuste.", "Dubois", UNKNOWN),
        ("La porte-parole Camille Dubois a déclaré que la réforme était injuste.", "Dubois", FEMALE),
    ],
)
def test_the_text_marks_the_gender(text: str, name: str, expected: str) -> None:
    assert gender_of(text, name) == expected


@pytest.mark.model
def test_an_epicene_role_without_determiner_says_nothing() -> None:
    text = "Camille Dubois, journaliste au Monde, a affirmé que le journal allait fermer."
    assert gender_of(text, "Dubois") == UNKNOWN


def _hand_made(text: str, mention: str, cue: str) -> Analysis:
    start = text.index(mention)
    cue_start = text.index(cue)
    speaker = Speaker("s1", "Claude Martin", "person", (Span(start, start + len(mention), mention),))
    quote = Quote("q1", 0, 10, text[0:10], "direct", Span(cue_start, cue_start + len(cue), cue),
                  SpeakerRef("s1", "Claude Martin"), Span(start, start + len(mention), mention))
    return Analysis("-", "fr", "test", "0", speakers=(speaker,), quotes=(quote,), text_length=len(text),
                    analysed_to=len(text))


def test_an_inverted_pronoun_after_the_cue_marks_the_speaker() -> None:
    text = "« Rien ne change », poursuit-elle. Claude Martin parlait au Sénat."
    analysis = _hand_made(text, "Claude Martin", "poursuit")
    assert speaker_genders(analysis, text) == {"s1": FEMALE}


def test_disagreeing_marks_leave_the_gender_unknown() -> None:
    text = "« Rien ne change », poursuit-il. Mme Claude Martin parlait au Sénat."
    analysis = _hand_made(text, "Claude Martin", "poursuit")
    assert speaker_genders(analysis, text) == {"s1": UNKNOWN}


def test_only_people_get_a_gender() -> None:
    text = "« Rien ne change », poursuit-elle. La CGT le dit."
    start = text.index("La CGT")
    speaker = Speaker("s1", "CGT", "organisation", (Span(start, start + 6, "La CGT"),))
    analysis = Analysis("-", "fr", "test", "0", speakers=(speaker,), text_length=len(text), analysed_to=len(text))
    assert speaker_genders(analysis, text) == {}


def test_the_surname_after_an_honorific_is_one_more_place_to_read() -> None:
    """"Mme Dubois" later in the text is Claire Dubois: the words around it are read too
    ("est revenue"); a longer word that starts with the surname is someone else."""
    text = "« Non », dit Claire Dubois. Plus tard, Mme  Dubois est revenue sur ses propos. M. Duboisier est parti."
    quote = Quote("q1", 0, 7, text[0:7], "direct", speaker=SpeakerRef("s1", "Claire Dubois"))
    analysis = Analysis("test", "fr", "none", "0" * 64, quotes=(quote,),
                        speakers=(Speaker("s1", "Claire Dubois", "person"),),
                        text_length=len(text), analysed_to=len(text))
    assert speaker_genders(analysis, text) == {"s1": FEMALE}
    alone = text.replace("Mme  Dubois est revenue", "elle est revenue")
    assert speaker_genders(analysis, alone) == {"s1": UNKNOWN}


def test_decide_needs_agreement() -> None:
    assert decide([]) == UNKNOWN
    assert decide([GenderClue(MALE, "il", 0), GenderClue(MALE, "le ministre", 5)]) == MALE
    assert decide([GenderClue(MALE, "il", 0), GenderClue(FEMALE, "la ministre", 5)]) == UNKNOWN
