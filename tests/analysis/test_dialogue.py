"""Dialogue turns (issue: dialogue, interviews and books), each form on a short invented text.

Turns are opened by a dash; the incise inside a turn names its speaker and cuts it; untagged
turns are given by the exchange (the colon that announces a turn, alternation, the narrator).
"""

from __future__ import annotations

import pytest

from guillemet.analysis.attribution.marks import dialogue_turns
from guillemet.analysis.engine import Engine
from guillemet.analysis.models import Analysis

from test_quotes_support import quote_with, shared_engine, speaker_of

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def engine() -> Engine:
    return shared_engine()


def texts(a: Analysis) -> list[str]:
    return [q.text for q in a.quotes]


# --- where turns are (no model) -------------------------------------------------------------


def test_a_paragraph_opened_by_a_dash_is_a_turn() -> None:
    text = "— Cela sera-t-il bien long ? demanda le laquais."
    assert dialogue_turns(text) == [(0, len(text))]


def test_a_dash_after_a_sentence_end_opens_a_new_reply() -> None:
    text = "— Venez. — Non, merci."
    assert dialogue_turns(text) == [(0, 9), (9, len(text))]


def test_a_dash_before_a_lowercase_incise_is_no_new_reply() -> None:
    text = "– Madame Krafft ? – continua le domestique. – C’est ta mère ?"
    starts = [start for start, _ in dialogue_turns(text)]
    assert starts == [0, text.index("– C’est")]


def test_an_aside_between_dashes_in_narrative_is_no_turn() -> None:
    assert dialogue_turns("Il partit — trop tard — vers Lyon.") == []


def test_a_reply_in_a_narrative_paragraph_needs_a_capital() -> None:
    text = "Il se leva. — Venez, dit-il."
    assert dialogue_turns(text) == [(text.index("—"), len(text))]


# --- statements of a turn ----------------------------------------------------------------------


def test_untagged_short_turn_is_a_statement(engine: Engine) -> None:
    a = engine.analyse("Paul Vernet entra dans la cuisine.\n\n— Ah !")
    assert texts(a) == ["Ah !"]


def test_incise_after_a_question_mark_ends_the_content(engine: Engine) -> None:
    a = engine.analyse("— Cela sera-t-il bien long ? demanda le laquais empaqueté de fourrures.")
    assert texts(a) == ["Cela sera-t-il bien long ?"]
    assert speaker_of(a.quotes[0]) == "laquais empaqueté de fourrures"


def test_words_after_the_incise_are_a_second_quotation_of_the_same_speaker(engine: Engine) -> None:
    a = engine.analyse("— C'est l'affaire d'une heure, répondit le postillon ; nous allons manger l'avoine.")
    assert texts(a) == ["C'est l'affaire d'une heure", "nous allons manger l'avoine."]
    assert {speaker_of(q) for q in a.quotes} == {"postillon"}


def test_incise_between_dashes_inside_a_turn(engine: Engine) -> None:
    a = engine.analyse("– Madame Krafft ? – continua le domestique. – C’est ta mère ?")
    assert speaker_of(quote_with(a, "Madame Krafft")) == "domestique"


def test_narrative_after_the_incise_is_not_speech(engine: Engine) -> None:
    a = engine.analyse("— Les papiers s'envoleraient ! s'écria Pécuchet, qui redoutait les courants d'air.")
    assert texts(a) == ["Les papiers s'envoleraient !"]
    assert speaker_of(a.quotes[0]) == "Pécuchet"


def test_marks_inside_a_turn_are_the_speakers_own(engine: Engine) -> None:
    a = engine.analyse("— Il m'a dit « jamais », répondit Marthe Lenoir.")
    assert texts(a) == ["Il m'a dit « jamais »"]


# --- who speaks an untagged turn -------------------------------------------------------------


def test_a_colon_at_the_end_of_a_paragraph_announces_the_next_turn(engine: Engine) -> None:
    a = engine.analyse(
        "Oncle Firmin, qui avait tenu à m'accompagner, me dit tranquillement :\n\n"
        "— Tu marches bien mieux depuis l'été."
    )
    assert speaker_of(quote_with(a, "marches bien mieux")) == "Firmin"


def test_first_person_narrator_speaks_as_the_narrator(engine: Engine) -> None:
    a = engine.analyse("Je répondis :\n\n— Oui, beaucoup mieux.")
    assert speaker_of(quote_with(a, "beaucoup mieux")) == "narrateur"


def test_untagged_turns_alternate_between_the_two_voices(engine: Engine) -> None:
    a = engine.analyse(
        "— Tu viens demain ? demanda Paul Vernet.\n\n"
        "— Peut-être, répondit Marthe Lenoir.\n\n"
        "— Il faudra pourtant te décider.\n\n"
        "— Je le sais bien."
    )
    assert speaker_of(quote_with(a, "te décider")) == "Paul Vernet"
    assert speaker_of(quote_with(a, "le sais bien")) == "Marthe Lenoir"


def test_first_person_in_a_turn_is_a_mention_of_its_speaker(engine: Engine) -> None:
    text = "— Je reviendrai, dit Paul Vernet."
    a = engine.analyse(text)
    speaker = next(s for s in a.speakers if s.name == "Paul Vernet")
    assert any(text[m.start:m.end] == "Je" for m in speaker.mentions)


def test_news_paragraph_with_an_aside_dash_has_no_turn(engine: Engine) -> None:
    a = engine.analyse("Le ministre a présenté le budget — le troisième de la législature — mardi.")
    assert not a.quotes


def test_a_name_called_in_a_turn_answers_next(engine: Engine) -> None:
    a = engine.analyse(
        "— Tu viens demain ? demanda Paul Vernet.\n\n"
        "— Peut-être, répondit Marthe Lenoir.\n\n"
        "— Tu en as parlé à ta sœur, Pauline Lenoir ?\n\n"
        "— Pas encore."
    )
    assert speaker_of(quote_with(a, "Pas encore")) == "Pauline Lenoir"


# --- interviews and transcripts --------------------------------------------------------------

INTERVIEW = (
    "Entretien avec Jean Dupont, maire de Lille.\n\n"
    "Q : Monsieur le maire, allez-vous céder ?\n\n"
    "R : Nous ne céderons pas.\n\n"
    "JEAN DUPONT : Et je le redis devant le conseil."
)


def test_question_and_answer_labels(engine: Engine) -> None:
    a = engine.analyse(INTERVIEW)
    assert speaker_of(quote_with(a, "allez-vous céder")) == "rédaction"
    assert speaker_of(quote_with(a, "ne céderons pas")) == "Jean Dupont"


def test_a_name_in_capitals_labels_a_transcript_turn(engine: Engine) -> None:
    a = engine.analyse(INTERVIEW)
    q = quote_with(a, "je le redis")
    assert q.text == "Et je le redis devant le conseil."
    assert speaker_of(q) == "Jean Dupont"


def test_one_name_and_colon_is_a_headline_not_a_transcript(engine: Engine) -> None:
    a = engine.analyse("Obama : le bilan de son premier mandat\n\nLe président a parlé de l'emploi.")
    assert not a.quotes


def test_headline_quotation_after_a_name_and_colon_keeps_its_marks(engine: Engine) -> None:
    a = engine.analyse("Barack Obama : « le meilleur reste à venir pour les États-Unis ! »")
    assert texts(a) == ["le meilleur reste à venir pour les États-Unis !"]
    assert speaker_of(a.quotes[0]) == "Barack Obama"


def test_both_halves_around_a_described_speaker_are_one_speaker(engine: Engine) -> None:
    # one mention ("la commerçante") for two quotations: one speaker, of kind person
    a = engine.analyse("— Il dit ça maintenant, répond la commerçante en riant. Attendez l'hiver !")
    assert len(a.quotes) == 2
    assert len(a.speakers) == 1
    assert a.speakers[0].kind == "person"


def test_bundled_interview_sample_gives_each_side_its_words(engine: Engine) -> None:
    from pathlib import Path

    from guillemet.inputs import load_article

    sample = Path(__file__).resolve().parents[2] / "seeds" / "entretien-boulangere.md"
    a = engine.analyse(load_article(str(sample)).text)
    assert speaker_of(quote_with(a, "Comment tenez-vous")) == "rédaction"
    assert speaker_of(quote_with(a, "rogne sur ma propre paie")) == "Nolwenn Kerbrat"
    assert speaker_of(quote_with(a, "les nuits")) == "Maël Tanguy"
    assert speaker_of(quote_with(a, "déjà fait")) == "Maël Tanguy"
    assert speaker_of(quote_with(a, "le métier t'a pris")) == "Nolwenn Kerbrat"


def test_a_dialogue_opened_by_a_mark_and_continued_by_dashes(engine: Engine) -> None:
    a = engine.analyse(
        "« Venez demain, dit Paul Vernet.\n\n"
        "— Non, répondit Marthe Lenoir.\n\n"
        "— Pourquoi donc ? »"
    )
    assert texts(a) == ["Venez demain", "Non", "Pourquoi donc ?"]
    assert [speaker_of(q) for q in a.quotes] == ["Paul Vernet", "Marthe Lenoir", "Paul Vernet"]


def test_a_quotation_running_over_two_paragraphs_keeps_its_speaker(engine: Engine) -> None:
    a = engine.analyse(
        "« Nous ne céderons pas sur les retraites, a déclaré Paul Vernet. Le texte sera voté.\n\n"
        "« Et nous irons jusqu'au bout de la réforme, quoi qu'il en coûte. »"
    )
    assert speaker_of(quote_with(a, "jusqu'au bout")) == "Paul Vernet"
