"""Speaker resolution within an article: names, roles, pronouns, documents."""

from __future__ import annotations

from test_quotes_support import analyse, quote_with


def test_surname_joins_the_full_name() -> None:
    a = analyse("Sébastien Lecornu est arrivé mercredi.\n« Nous sommes prêts », a déclaré Lecornu.")
    q = quote_with(a, "prêts")
    assert q.speaker is not None and q.speaker.name == "Sébastien Lecornu"


def test_honorific_and_surname_join_the_full_name() -> None:
    a = analyse("Jean-Marc Ayrault a pris la parole.\n« Nous ne renoncerons pas », a lancé M. Ayrault.")
    q = quote_with(a, "renoncerons")
    assert q.speaker is not None and q.speaker.name == "Jean-Marc Ayrault"


def test_role_introduced_by_apposition_is_the_named_person() -> None:
    a = analyse(
        "Le ministre français des Armées Sébastien Lecornu s'est entretenu avec son homologue.\n"
        "Le ministre français a indiqué que la France était prête à discuter."
    )
    q = quote_with(a, "prête")
    assert q.speaker is not None and q.speaker.name == "Sébastien Lecornu"


def test_pronoun_refers_to_the_last_compatible_source() -> None:
    a = analyse("Marie Dupont a visité l'usine hier.\nElle a déclaré que la production allait reprendre.")
    q = quote_with(a, "production")
    assert q.speaker is not None and q.speaker.name == "Marie Dupont"


def test_inverted_pronoun_refers_to_the_last_source() -> None:
    a = analyse("« La réforme est nécessaire », a souligné Paul Martin.\n« Elle sera votée », assure-t-il.")
    q = quote_with(a, "votée")
    assert q.speaker is not None and q.speaker.name == "Paul Martin"


def test_other_person_with_the_same_surname_is_another_speaker() -> None:
    a = analyse("« Nous gagnerons », a dit Barack Obama.\n« Nous serons là », a dit Michelle Obama.")
    first, second = quote_with(a, "gagnerons"), quote_with(a, "serons")
    assert first.speaker is not None and second.speaker is not None
    assert first.speaker.id != second.speaker.id


def test_every_speaker_lists_its_mentions_as_slices() -> None:
    text = "« Nous sommes prêts », a déclaré Sébastien Lecornu.\n« Nous restons prêts », a ajouté Lecornu."
    a = analyse(text)
    (speaker,) = a.speakers
    assert len(speaker.mentions) >= 2
    assert all(text[m.start:m.end] == m.text for m in speaker.mentions)
    assert speaker.kind == "person"


def test_selon_with_a_pronoun_refers_to_the_last_source() -> None:
    a = analyse("« La crise est profonde », a déclaré Paul Martin.\nSelon lui, la reprise viendra en 2026.")
    q = quote_with(a, "reprise")
    assert q.type == "selon"
    assert q.speaker is not None and q.speaker.name == "Paul Martin"


def test_name_set_off_by_commas_after_a_role_is_the_source() -> None:
    a = analyse("Le porte-parole du Kremlin, Dmitri Peskov, a affirmé que la Russie était prête à négocier.")
    q = quote_with(a, "négocier")
    assert q.speaker is not None and q.speaker.name == "Dmitri Peskov"


def test_a_new_name_is_never_merged_into_another_person_by_role() -> None:
    a = analyse(
        "« C'est historique », a dit le président ukrainien Volodymyr Zelensky.\n"
        "Le président Emmanuel Macron a assuré qu'il ne démissionnerait pas."
    )
    q = quote_with(a, "démissionnerait")
    assert q.speaker is not None and q.speaker.name == "Emmanuel Macron"


def test_words_inside_a_quotation_are_not_antecedents() -> None:
    a = analyse(
        "Moody's explique dans un communiqué que « l'Italie a plus de risques ».\n"
        "Malgré les démarches, elle considère que la croissance sera faible."
    )
    q = quote_with(a, "croissance")
    assert q.speaker is not None and "Moody" in q.speaker.name


def test_press_service_with_no_communique_before_it_is_its_own_source() -> None:
    a = analyse("La ministre a visité le site.\n« La sécurité est garantie », précise son service de presse.")
    q = quote_with(a, "sécurité")
    assert q.speaker is not None and q.speaker.name == "service de presse"


def test_armies_of_two_countries_stay_two_sources() -> None:
    a = analyse(
        "Le ministère russe de la Défense a indiqué que les frappes avaient cessé.\n"
        "« Les frappes continuent », affirme l'armée ukrainienne."
    )
    first, second = quote_with(a, "avaient cessé"), quote_with(a, "continuent")
    assert first.speaker is not None and second.speaker is not None
    assert first.speaker.id != second.speaker.id


def test_a_description_opening_a_paragraph_is_not_glued_to_the_name_ending_the_last() -> None:
    a = analyse(
        "Le ministre s'est entretenu avec son homologue russe Sergueï Choïgou.\n"
        "Cet échange d'une heure a eu lieu mercredi.\n"
        "« Il existe des informations », a souligné Sergueï Choïgou."
    )
    speaker = next(s for s in a.speakers if s.name == "Sergueï Choïgou")
    assert all("échange" not in m.text for m in speaker.mentions)
