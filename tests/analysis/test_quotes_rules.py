"""Each quote rule on short French sentences, through the real engine and model."""

from __future__ import annotations

import pytest

from test_quotes_support import analyse, quote_with


def test_inverted_incise_after_a_quote() -> None:
    a = analyse("« Il existe des informations sur une piste ukrainienne », a souligné Sergueï Choïgou.")
    q = quote_with(a, "piste ukrainienne")
    assert q.type == "direct"
    assert q.text == "Il existe des informations sur une piste ukrainienne"
    assert q.cue is not None and q.cue.text == "a souligné"
    assert q.speaker is not None and q.speaker.name == "Sergueï Choïgou"


@pytest.mark.parametrize("marks", [("«\u00a0", "\u00a0»"), ("«\u202f", "\u202f»"), ("« ", " »"), ("«", "»"), ("“", "”"), ('"', '"')])
def test_every_kind_of_quotation_mark(marks: tuple[str, str]) -> None:
    opening, closing = marks
    a = analyse(f"{opening}Nous ne céderons pas{closing}, a déclaré Marie Dupont.")
    q = quote_with(a, "céderons")
    assert q.text == "Nous ne céderons pas"
    assert q.speaker is not None and q.speaker.name == "Marie Dupont"


def test_quote_split_by_an_incise_gives_two_items_with_one_speaker() -> None:
    a = analyse("Jean Dupont est arrivé hier. « Nous partirons demain », a-t-il dit, « et nous reviendrons lundi ».")
    first, second = quote_with(a, "partirons"), quote_with(a, "reviendrons")
    assert first.type == second.type == "direct"
    assert first.speaker is not None and first.speaker == second.speaker
    assert first.speaker.name == "Jean Dupont"


def test_inverted_incise_with_a_document_speaker() -> None:
    a = analyse("« La France condamne cette attaque », ajoute le communiqué.")
    q = quote_with(a, "condamne")
    assert q.speaker is not None and q.speaker.name == "communiqué"
    assert a.speaker(q.speaker.id).kind == "document"


def test_introducer_with_a_colon() -> None:
    a = analyse("Marie Curie a déclaré : « Nous partons demain pour Varsovie. »")
    q = quote_with(a, "Varsovie")
    assert q.type == "direct"
    assert q.speaker is not None and q.speaker.name == "Marie Curie"


def test_continuation_takes_the_previous_speaker() -> None:
    a = analyse("« Le travail continue », a souligné Paul Martin.\nEt d'ajouter : « Nous ne lâcherons rien. »")
    q = quote_with(a, "lâcherons")
    assert q.speaker is not None and q.speaker.name == "Paul Martin"
    assert q.cue is not None and "ajouter" in q.cue.text


def test_floating_quote_takes_the_previous_speaker() -> None:
    a = analyse("« Le travail continue », a souligné Paul Martin.\n« Nous avons encore beaucoup de choses à faire ensemble. »")
    q = quote_with(a, "beaucoup")
    assert q.speaker is not None and q.speaker.name == "Paul Martin"
    assert q.cue is None


def test_que_clause_is_an_indirect_quote() -> None:
    a = analyse("Le ministre Jean Martin a annoncé que le projet serait abandonné.")
    q = quote_with(a, "projet")
    assert q.type == "indirect"
    assert q.text == "le projet serait abandonné"
    assert q.speaker is not None and q.speaker.name == "Jean Martin"


def test_que_clause_with_quoted_fragments_is_mixed() -> None:
    a = analyse("Sébastien Lecornu a indiqué que la France était « disponible » pour des « échanges accrus ».")
    q = quote_with(a, "disponible")
    assert q.type == "mixed"
    assert q.text.startswith("la France était « disponible »")
    assert q.speaker is not None and q.speaker.name == "Sébastien Lecornu"


def test_quoted_fragment_of_the_journalist_sentence_is_mixed() -> None:
    a = analyse("Emmanuel Macron a de son côté dénoncé des « commentaires baroques et menaçants » des Russes.")
    q = quote_with(a, "baroques")
    assert (q.type, q.text) == ("mixed", "commentaires baroques et menaçants")
    assert q.speaker is not None and q.speaker.name == "Emmanuel Macron"


def test_infinitive_after_a_reporting_verb() -> None:
    a = analyse("Le ministère de la Santé invite à boire, se rafraîchir et éviter de sortir.")
    q = quote_with(a, "boire")
    assert q.type == "indirect"
    assert q.text.startswith("boire")
    assert q.speaker is not None and "ministère de la Santé" in q.speaker.name


@pytest.mark.parametrize("marker", ["Selon", "D'après"])
def test_selon_credits_the_rest_of_the_sentence(marker: str) -> None:
    a = analyse(f"{marker} la police, trois personnes ont été blessées dans l'accident.")
    q = quote_with(a, "blessées")
    assert q.type == "selon"
    assert q.text == "trois personnes ont été blessées dans l'accident"
    assert q.speaker is not None and q.speaker.name == "police"


def test_selon_followed_by_a_quotation_is_direct() -> None:
    a = analyse("Selon Météo France, « les températures vont encore monter ».")
    q = quote_with(a, "températures")
    assert q.type == "direct" and q.text == "les températures vont encore monter"
    assert q.speaker is not None and q.speaker.name == "Météo France"


def test_selon_with_a_non_source_is_not_a_quote() -> None:
    a = analyse("Selon la mythologie grecque, Europe était une princesse.")
    assert a.quotes == ()


def test_plain_clause_with_an_inverted_incise() -> None:
    a = analyse("Aucun passager n'a apparemment survécu, rapporte le chef de la police locale.")
    q = quote_with(a, "survécu")
    assert q.type == "indirect"
    assert q.speaker is not None and q.speaker.name == "chef de la police locale"


@pytest.mark.parametrize("text", [
    "Il a relu « Les Misérables » pendant les vacances.",
    "L'opération « Sentinelle » continue dans les gares.",
    "Le film « La Petite danseuse de quatorze ans » sort mercredi.",
])
def test_quotation_marks_that_are_not_speech_are_not_quotes(text: str) -> None:
    assert analyse(text).quotes == ()


@pytest.mark.parametrize("text", ["« Texte sans fin", "fin » « » «", "«««»»» “”\"\"« a » b »", "« « « »"])
def test_unbalanced_marks_never_crash(text: str) -> None:
    a = analyse(text)
    for q in a.quotes:
        assert 0 <= q.start < q.end <= len(text) and text[q.start:q.end] == q.text


def test_headline_quote_is_found() -> None:
    a = analyse("Obama raille « Coach » Romney\n\nLe président a parlé dans l'Ohio.")
    q = quote_with(a, "Coach")
    assert q.speaker is not None and "Obama" in q.speaker.name


def test_incise_inside_the_marks_splits_the_quote() -> None:
    a = analyse("« La situation est grave, a déclaré le ministre Gérald Darmanin. Nous devons agir vite. »")
    first, second = quote_with(a, "grave"), quote_with(a, "agir vite")
    assert first.text == "La situation est grave"
    assert first.speaker is not None and first.speaker == second.speaker
    assert first.speaker.name == "Gérald Darmanin"


def test_reflexive_incise_verb() -> None:
    a = analyse("« C'est un jour historique », s'est félicité le président ukrainien Volodymyr Zelensky sur Twitter.")
    q = quote_with(a, "historique")
    assert q.type == "direct"
    assert q.speaker is not None and q.speaker.name == "Volodymyr Zelensky"
    assert q.speaker_mention is not None and "Twitter" not in q.speaker_mention.text


def test_headline_name_before_a_colon_is_the_source() -> None:
    a = analyse("Barack Obama : « le meilleur reste à venir pour les Etats-Unis ! »\n\nLe président a été réélu.")
    q = quote_with(a, "meilleur")
    assert q.speaker is not None and q.speaker.name == "Barack Obama"


def test_capitalised_quote_after_a_noun_is_a_label_not_speech() -> None:
    assert analyse("Le gouvernement a lancé l'opération « Sentinelle » en 2015.").quotes == ()


def test_incise_subject_after_an_addressee_and_a_date() -> None:
    a = analyse("« La situation est sous contrôle », confie mardi à l'AFP Marie Martin, directrice de l'hôpital.")
    q = quote_with(a, "contrôle")
    assert q.speaker is not None and q.speaker.name == "Marie Martin"


def test_self_description_with_se_dire() -> None:
    a = analyse("Le ministre Paul Martin s'est dit prêt à négocier avec les syndicats.")
    q = quote_with(a, "négocier")
    assert q.type == "indirect" and q.text == "prêt à négocier avec les syndicats"
    assert q.speaker is not None and q.speaker.name == "Paul Martin"


def test_faire_savoir_is_a_reporting_cue() -> None:
    a = analyse("L'entreprise Renault a fait savoir qu'elle ne commenterait pas.")
    q = quote_with(a, "commenterait")
    assert q.cue is not None and q.cue.text == "a fait savoir"


def test_que_clause_in_a_relative_stops_where_the_main_clause_resumes() -> None:
    a = analyse("Le député, qui a déclaré que la loi était injuste, a voté contre le texte.")
    q = quote_with(a, "injuste")
    assert q.text == "la loi était injuste"
    assert q.cue is not None and q.cue.text == "a déclaré"


def test_mid_sentence_incise_attributes_the_whole_statement() -> None:
    a = analyse("La crise, affirme Jean Dupont, est plus profonde que prévu.")
    q = quote_with(a, "profonde")
    assert q.text.startswith("La crise") and q.text.endswith("que prévu")
    assert q.type == "indirect" and q.speaker is not None and q.speaker.name == "Jean Dupont"


def test_impersonal_on_takes_the_source_it_learnt_from() -> None:
    a = analyse("Le pont restera fermé jusqu'à lundi, a-t-on appris auprès de la préfecture.")
    q = quote_with(a, "pont")
    assert q.cue is not None and q.cue.text == "a-t-on appris"
    assert q.speaker is not None and q.speaker.name == "préfecture"


def test_impersonal_on_with_no_source_named_is_no_statement() -> None:
    a = analyse("Le pont restera fermé jusqu'à lundi, a-t-on appris mardi.")
    assert all("pont" not in q.text for q in a.quotes)
