"""Reporting cues on the parse: which tokens are reporting verbs, their span, their subject.

The lemmatiser of the French models sometimes misses ("invite" -> "invite"), so a verb is
also recognised by its lowercased form or by the stem of a long tier-1 lemma.
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import lexicon

_AUX_DEPS = frozenset({"aux", "aux:tense", "aux:pass", "expl:comp", "expl:pv", "expl:pass", "expl"})
_SUBJ_DEPS = frozenset({"nsubj", "nsubj:pass", "expl:subj"})
_VERBAL = frozenset({"VERB", "AUX"})
# verbs of learning report a statement when the journalist is the impersonal "on" that
# learnt it from a named place or source ("a-t-on appris auprès du parquet")
_LEARNT = frozenset({"apprendre", "lire", "indiquer", "préciser", "confirmer", "assurer", "souligner", "expliquer"})
_SOURCE_PREPOSITIONS = frozenset({"dans", "à", "au", "aux", "chez", "auprès", "de", "du", "des", "d'", "selon"})


def reporting_tier(token: Token) -> int:
    """1 for a verb of saying, 2 for a verb of thinking, 0 otherwise."""
    if token.pos_ not in _VERBAL and not (token.pos_ in ("NOUN", "ADJ") and token.dep_ in ("ROOT", "advcl", "parataxis")):
        return 0
    lex = lexicon()
    if any(child.dep_ == "aux:pass" for child in token.children):
        return 0
    lemma = token.lemma_.lower()
    if lemma in lex.tier1:
        return 1
    if lemma in lex.tier2:
        return 2
    if lemma in lex.reflexive and any(c.lower_ in ("se", "s'") for c in token.children):
        return 2
    if lemma in ("savoir", "valoir") and token.head.lemma_ == "faire" and token.head.i < token.i:
        return 1  # "a fait savoir que", "fait valoir que"
    if lemma in _LEARNT and any(c.lower_ in ("-on", "on") for c in token.children):
        return 1  # "a-t-on appris auprès de …", "apprend-on de source policière"
    low = token.lower_
    if low in lex.tier1:
        return 1
    if token.pos_ in ("NOUN", "ADJ") and _infinitive_guesses(low) & lex.tier1:
        return 1  # "raconte" tagged as an adjective at the root of its sentence
    if token.pos_ == "VERB" and len(low) >= 6 and low.startswith(lex.stems) and any(
        low.startswith(stem) and len(low) - len(stem) <= 4 for stem in lex.stems
    ):
        return 1
    return 0


def incise_verb(token: Token) -> bool:
    """Whether the token may head an inverted incise (« … », poursuit-il)."""
    if token.pos_ not in _VERBAL and token.pos_ not in ("NOUN", "ADJ", "PROPN"):
        return False
    lex = lexicon()
    return (token.lemma_.lower() in lex.incise or token.lower_ in lex.incise
            or reporting_tier(token) > 0)


def _infinitive_guesses(low: str) -> set[str]:
    """Infinitives a present or past form may come from (raconte -> raconter, dit -> dire)."""
    if len(low) < 4 or not low.isalpha():
        return set()
    return {low + "r", low[:-1] + "re", low + "re", low[:-1] + "ir", low[:-2] + "ire", low[:-1] + "er"}


def incise_form(token: Token) -> bool:
    """A word right after « … », that reads as a third-person reporting verb even when the
    tagger took it for a noun ("juge", "lance"): its infinitive is in the lexicon."""
    low = token.lower_
    if not low.isalpha() or token.text[:1].isupper() or len(low) < 4 or token.pos_ not in ("VERB", "NOUN", "ADJ"):
        return False
    lex = lexicon()
    guesses = {low + "r", low[:-1] + "re", low + "re", low[:-1] + "ir", low[:-2] + "ire"}
    guesses.update(low[:-len(ending)] + infinitive for ending, infinitive in _NARRATIVE_ENDINGS if low.endswith(ending))
    return any(g in lex.incise for g in guesses)


_NARRATIVE_ENDINGS = (("a", "er"), ("ait", "er"), ("ait", "ir"), ("ait", "re"), ("it", "ir"), ("it", "re"))
"""Third-person endings of the past tenses of narrative (s'écria, demandait, répondit) and
the infinitive endings they come from: the forms of dialogue incises in novels."""


def cue_start(verb: Token) -> int:
    """Token index where the cue begins: its auxiliaries and reflexive clitic included."""
    if verb.lemma_ in ("savoir", "valoir") and verb.head.lemma_ == "faire" and verb.head.i < verb.i:
        verb = verb.head  # "a fait savoir"
    start = verb.i
    for child in verb.lefts:
        if child.dep_ in _AUX_DEPS and child.i >= verb.i - 6:
            start = min(start, child.i)
    return start


_FILLERS = frozenset({"pour", "sa", "son", "leur", "part", "de", "côté", "quant", "à", "lui", "elle", "eux",
                      "aussi", "également", "ensuite", "alors", "encore", "déjà", "même", "enfin"})
"""Words that may stand between a subject and its verb without being either ("a pour sa part
ajouté", "a de son côté déclaré", "a lui aussi affirmé")."""


def apposed_name_before(verb: Token) -> Token | None:
    """"Le ministre des finances, Pierre Moscovici, a ajouté", "L'un des porte-parole, Joe
    Incandela, a annoncé": a name set off by commas right before the verb is its subject,
    whatever the parser made of the description before it."""
    doc = verb.doc
    k = cue_start(verb) - 1
    skipped = 0
    while k > verb.sent.start and skipped < 5 and (doc[k].lower_ in _FILLERS or doc[k].pos_ == "ADV"
                                                   or doc[k].lemma_ in ("avoir", "être") and doc[k].pos_ == "AUX"):
        k -= 1
        skipped += 1
    if k <= verb.sent.start or doc[k].text != ",":
        return None
    last = doc[k - 1]
    if last.ent_type_ not in ("PER", "ORG") or not last.text[:1].isupper():
        return _name_before_gloss(verb, k)
    first = last.i
    while first - 1 > verb.sent.start and doc[first - 1].ent_type_ == last.ent_type_ and doc[first - 1].ent_iob_ != "O" \
            and last.ent_iob_ != "B" and doc[first].ent_iob_ != "B":
        first -= 1
    if first - 1 <= verb.sent.start or doc[first - 1].text != ",":
        return None
    return doc[first]


def _name_right_before(verb: Token) -> Token | None:
    """"…, François Brottes (PS) est intervenu": a name that opens its clause right before
    the verb (a gloss in parentheses between them), for when the parse lost it."""
    doc = verb.doc
    k = cue_start(verb) - 1
    while k > verb.sent.start and (doc[k].pos_ == "ADV" or doc[k].lemma_ in ("avoir", "être") and doc[k].pos_ == "AUX"):
        k -= 1
    if doc[k].text == ")":
        while k > verb.sent.start and doc[k].text != "(":
            k -= 1
        k -= 1
    last = doc[k]
    if last.ent_type_ not in ("PER", "ORG") or not last.text[:1].isupper():
        return None
    first = k
    while first > verb.sent.start and doc[first - 1].ent_type_ == last.ent_type_ and doc[first].ent_iob_ != "B":
        first -= 1
    if first > verb.sent.start and doc[first - 1].text not in (",", ";", ":") and doc[first - 1].pos_ != "CCONJ":
        return None
    return doc[first]


def _name_before_gloss(verb: Token, comma: int) -> Token | None:
    """"Michel Guay, jeune appelé et témoin de la scène, raconte": a name opening the clause,
    a description set off by commas after it, then the verb."""
    doc = verb.doc
    k = comma - 1
    while k > verb.sent.start and doc[k].text != ",":
        if doc[k].pos_ in ("VERB", "AUX") and doc[k].morph.get("VerbForm") == ["Fin"] or doc[k].text in ("«", "»", ";", ":"):
            return None
        k -= 1
    if k <= verb.sent.start or comma - k < 2:
        return None
    last = doc[k - 1]
    if last.ent_type_ != "PER" or not last.text[:1].isupper():
        return None
    first = k - 1
    while first > verb.sent.start and doc[first - 1].ent_type_ == "PER" and doc[first].ent_iob_ != "B":
        first -= 1
    before = doc[first - 1] if first > verb.sent.start else None
    if before is not None and not before.is_punct:
        return None  # the name must open its clause
    return doc[first]


def _dative_clitic(token: Token) -> bool:
    """"lui avait dit X", "leur a répondu Y": "lui" and "leur" right before the verb (or its
    auxiliary) are who is spoken to; the parser sometimes makes them the subject."""
    if token.lower_ not in ("lui", "leur"):
        return False
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return after is not None and after.pos_ in ("VERB", "AUX")


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The subject of a verb, climbing through coordination and control when needed."""
    lex = lexicon()
    if depth == 0:
        apposed = apposed_name_before(verb)
        if apposed is not None:
            return apposed
    for child in verb.children:
        if child.dep_ in _SUBJ_DEPS and child.i < verb.i:
            if _dative_clitic(child):
                continue
            if any(c.dep_ == "case" and c.pos_ == "ADP" for c in child.children):
                # "Sur Twitter, X a dénoncé", "la gauche était en minorité, X est intervenu":
                # a noun after a preposition is never the subject the parser made it
                found = _name_right_before(verb)
                if found is None:
                    found = next((c for c in child.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
                if found is not None:
                    return found
                continue
            if child.lower_ == "qui" and verb.dep_ == "acl:relcl" and verb.head.i < child.i:
                return verb.head
            if child.lower_ in lex.bad_subjects or child.lower_ in ("qu'", "que", "se", "s'"):
                return None
            if child.pos_ == "PRON" and child.lower_ not in lex.pronouns:
                return None
            return child
    # "X a de son côté dénoncé": the parser may hang the participle off a noun; the
    # auxiliary to its left still carries the subject
    if depth < 2 and verb.morph.get("VerbForm") == ["Part"] and verb.dep_ not in ("conj",):
        doc = verb.doc
        for k in range(verb.i - 1, max(verb.sent.start, verb.i - 7) - 1, -1):
            tok = doc[k]
            if tok.lemma_ in ("avoir", "être") and tok.pos_ in ("AUX", "VERB"):
                if tok.head.i == verb.i:
                    break
                found = subject_of(tok, depth + 1)
                if found is not None:
                    return found
                break
    doc = verb.doc
    if verb.dep_ == "acl" and verb.morph.get("VerbForm") == ["Fin"] and verb.head.i < verb.i \
            and verb.head.pos_ in ("PROPN", "NOUN"):
        # a finite verb cannot modify a noun: "Obama raille …" misparsed in a headline
        return verb.head
    if verb.morph.get("VerbForm") == ["Fin"]:
        # "Joji Otaki, auteur de l'étude ayant fourni …, précise": the parser gave the
        # subject to the participle clause on the left
        for child in verb.lefts:
            if child.dep_ in ("advcl", "acl") and child.pos_ in ("VERB", "AUX"):
                for grand in child.lefts:
                    if grand.dep_ in _SUBJ_DEPS and grand.pos_ in ("PROPN", "NOUN") and grand.i == verb.sent.start + (doc[verb.sent.start].pos_ == "DET"):
                        return grand
        # "… et appelle la population à …": a coordinated verb shares the subject
        prev = verb.i - 1
        if prev > verb.sent.start and doc[prev].lower_ == "et" and depth < 2:
            for k in range(prev - 1, verb.sent.start - 1, -1):
                if doc[k].pos_ == "VERB" and doc[k].morph.get("VerbForm") in (["Fin"], ["Part"]):
                    found = subject_of(doc[k], depth + 1)
                    if found is not None:
                        return found
    if verb.morph.get("VerbForm") == ["Fin"] and verb.i > 0:
        # a name the parser left outside the tree ("Moody's explique …")
        before = doc[verb.i - 1]
        while before.dep_ in ("flat:name", "flat:foreign") and before.head.i < before.i:
            before = before.head
        if (before.pos_ in ("PROPN", "X") or before.ent_type_ in ("ORG", "PER")) and before.text[:1].isupper() \
                and before.dep_ in ("ROOT", "dep") and before.head.i != verb.i:
            return before
    if depth < 2 and verb.dep_ in ("advcl", "acl", "parataxis") and verb.morph.get("VerbForm") == ["Part"] \
            and verb.morph.get("Tense") == ["Pres"] and verb.head.i < verb.i:
        # "X a réfuté l'idée, affirmant : …": the gerund's subject is the main clause's
        found = subject_of(verb.head, depth + 1)
        if found is not None or verb.dep_ != "acl" or doc[verb.i - 1].text != ",":
            return found
        # "X demandait l'ouverture d'une enquête, estimant que …": a participle set off by a
        # comma is apposed to the subject, though the parser hung it on the nearest noun
        governor = verb.head
        while governor.pos_ not in ("VERB", "AUX") and governor.head.i != governor.i:
            governor = governor.head
        return subject_of(governor, depth + 1) if governor.pos_ in ("VERB", "AUX") else None
    if depth < 2 and verb.dep_ in ("conj", "xcomp") and verb.head.i < verb.i:
        return subject_of(verb.head, depth + 1)
    if depth < 2 and verb.dep_ in ("advcl", "acl") and verb.morph.get("VerbForm") == ["Inf"] \
            and verb.head.pos_ in ("VERB", "AUX") and any(c.dep_ == "mark" for c in verb.children):
        # "X a salué les militants avant de poursuivre : …": the unexpressed subject of an
        # adverbial infinitive is the subject of the clause it hangs on
        return subject_of(verb.head, depth + 1)
    if depth < 2 and verb.dep_ == "acl:relcl":
        return verb.head
    return None


def _impersonal_source(verb: Token, limit: int) -> Token | None:
    """"peut-on lire dans le communiqué", "indique-t-on à l'Élysée", "a-t-on appris auprès de
    la préfecture", "apprend-on de source policière": the place or source named after the
    preposition speaks; with none, "on" is nobody a reader could list."""
    doc = verb.doc
    lex = lexicon()
    for j in range(verb.i + 1, min(limit, verb.i + 8)):
        if doc[j].lower_ in _SOURCE_PREPOSITIONS and doc[j].pos_ in ("ADP", "ADV", "DET"):
            k = j + 1
            while k < min(limit, j + 4) and doc[k].pos_ in ("ADP", "DET") and doc[k].lower_ in _SOURCE_PREPOSITIONS | lex.determiners:
                k += 1
            if k >= limit:
                return None
            head = doc[k]
            while head.dep_ == "flat:name" and head.head.i < head.i:
                head = head.head
            if head.pos_ == "PROPN" or head.ent_type_ in ("PER", "ORG", "LOC") or head.lemma_.lower() in lex.speaker_heads():
                return head
            return None
        if doc[j].is_punct:
            return None
    return None


def inverted_subject(verb: Token, limit: int) -> Token | None:
    """The subject after the verb of an incise ("ajoute le communiqué", "dit-il").

    Skips adverbs and auxiliaries; returns the head of the noun phrase that follows, or the
    attached pronoun, or None when the incise has no subject before `limit`.
    """
    doc = verb.doc
    lex = lexicon()
    # "a-t-il précisé": the pronoun sits between auxiliary and verb
    for j in range(max(verb.i - 3, verb.sent.start), min(verb.i + 3, limit)):
        if doc[j].lower_ in ("-il", "-elle", "-ils", "-elles"):
            return doc[j]
        if doc[j].lower_ == "-on":
            return _impersonal_source(verb, limit)
    j = verb.i + 1
    while j < limit:
        tok = doc[j]
        if tok.pos_ == "ADV" or tok.lower_ in ("-t", "encore", "aussi", "également", "alors", "ensuite") \
                or tok.lower_ in lex.time_words:
            j += 1
        elif tok.lower_ in ("à", "au", "aux") and tok.pos_ == "ADP" and tok.head.i > j:
            # "confie à l'AFP Jean Dupont": skip the addressee
            j = max(j + 1, min(tok.head.right_edge.i, tok.head.i) + 1)
            while j < limit and doc[j].text[:1].isupper() and doc[j].ent_type_ != "PER" \
                    and (doc[j].pos_ in ("PROPN", "X") or doc[j].ent_type_):
                j += 1  # and its name: "a annoncé à l'agence RIA Novosti Valentine Sapounov"
        else:
            break
    if j >= limit:
        return None
    tok = doc[j]
    if tok.lower_ in lex.pronouns:
        return tok
    if tok.pos_ in ("DET", "ADJ", "NUM") or tok.lower_ in lex.honorifics:
        k = j
        while k < limit and doc[k].pos_ not in ("NOUN", "PROPN", "PRON"):
            if doc[k].is_punct:
                return None
            k += 1
        if k >= limit:
            return None
        tok = doc[k]
    if tok.pos_ in ("NOUN", "PROPN") or (tok.pos_ in ("ADJ", "X") and tok.text[:1].isupper()):
        # a foreign name may be tagged X ("commente Song Myung-Sup")
        while tok.dep_ == "flat:name" and tok.head.i < tok.i and tok.head.i >= j \
                and not (tok.ent_type_ == "PER" and tok.head.ent_type_ != "PER"):
            tok = tok.head
        return tok
    return None
