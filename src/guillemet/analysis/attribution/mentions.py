"""Turn the token that designates a source into a `Mention`: its phrase, name, role, gender.

The phrase is cut where a source description ends in French news: before a comma (an
apposition set off by commas is a gloss, not the mention), a relative clause, a quotation
mark or a verb, so "Arié Bensemhoun, président de …" gives "Arié Bensemhoun".
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import lexicon
from .types import Mention

_STOP_DEPS = frozenset({"acl:relcl", "acl", "punct", "cc", "conj", "advcl", "parataxis"})
_MAX_TOKENS = 14
_CIRCUMSTANCE = frozenset({"sur", "dans", "lors", "pendant", "après", "avant", "devant", "depuis", "via", "par", "chez"})
_HONORIFIC_GENDER = {"m.": "m", "m": "m", "mme": "f", "mme.": "f", "mlle": "f"}


_DETERMINER_GENDER = {"le": "m", "un": "m", "ce": "m", "cet": "m", "du": "m", "au": "m",
                      "la": "f", "une": "f", "cette": "f", "ma": "f", "ta": "f", "sa": "f"}
"""Determiners that show the gender of their noun: "la biologiste", "le juge", "cette élue"."""


def _gender(token: Token) -> str:
    """Grammatical gender of a common noun: its determiner's when that shows one (the
    tagger's morphology misses epicene nouns: "la biologiste"), else the morphology's;
    names carry none the model can be trusted with."""
    if token.pos_ != "NOUN" or token.ent_type_ == "PER" and token.text[:1].isupper():
        return ""  # "Ana Pastor": a first name the tagger took for a noun
    for child in token.children:
        if child.dep_ == "det" and child.lower_ in _DETERMINER_GENDER:
            return _DETERMINER_GENDER[child.lower_]
    value = token.morph.get("Gender")
    if not value:
        return ""
    return "f" if value[0] == "Fem" else "m"


def phrase_bounds(head: Token) -> tuple[int, int]:
    """Token range [start, end) of the noun phrase headed by `head`, cut at glosses."""
    doc = head.doc
    start = head.i
    for child in head.lefts:
        if child.dep_ in ("det", "amod", "nummod", "nmod", "flat:name", "compound") or child.pos_ in ("DET", "ADJ"):
            start = min(start, child.left_edge.i)
    sent_start = head.sent.start
    start = max(start, sent_start)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in _STOP_DEPS or child.pos_ in ("VERB", "AUX"):
            break
        if child.dep_ in ("nmod", "obl", "obl:mod") and any(
            c.dep_ == "case" and c.lower_ in _CIRCUMSTANCE for c in child.children
        ):
            break  # "… sur Twitter", "… dans un communiqué": circumstances, not the source
        if any(t.text in ",;:()«»\"“”" for t in doc[end:child.right_edge.i + 1]):
            # keep the part before a comma-set gloss when it is glued (" Sébastien Lecornu")
            break
        end = max(end, child.right_edge.i + 1)
    end = min(end, head.i + _MAX_TOKENS, head.sent.end)
    for k in range(head.i + 1, end):
        if doc[k].lower_ in _CIRCUMSTANCE and doc[k].pos_ == "ADP":
            end = k
            break
        if doc[k].lower_ in ("à", "au", "aux") and _names_after(doc, k, end):
            end = k  # "son avocate à l'AFP", "le président à Hilliard": addressee or place
            break
    while end > head.i + 1 and doc[end - 1].is_punct:
        end -= 1
    return start, end


def _names_after(doc, k: int, end: int) -> bool:
    """Whether "à" at token k leads to a named entity (past its determiner)."""
    j = k + 1
    while j < end and doc[j].lower_ in lexicon().determiners:
        j += 1
    return j < end and bool(doc[j].ent_type_) and doc[j].text[:1].isupper()


def pronoun_mention(token: Token, offset: int) -> Mention | None:
    """A subject pronoun (il, elle, -t-il …) as a mention, or None."""
    lex = lexicon()
    low = token.lower_
    gender = lex.pronouns.get(low)
    if gender is None:
        return None
    start = token.idx + (1 if low.startswith("-") else 0)
    return Mention(
        start=offset + start,
        end=offset + token.idx + len(token.text),
        text=token.text.lstrip("-"),
        head=low.lstrip("-"),
        gender=gender[0],
        plural=gender.endswith("p"),
        pronoun=True,
    )


def phrase_end(head: Token) -> int:
    """Token index just after the noun phrase headed by `head`."""
    return phrase_bounds(head)[1]


def name_chain(head: Token) -> tuple[int, int]:
    """Token range of the proper name headed by a PROPN token (its flat:name tail included)."""
    doc = head.doc
    if head.ent_type_:
        for e in doc.ents:
            if e.start <= head.i < e.end:
                # "l'ALN (Armée de libération nationale)": the gloss in parentheses is no part
                end = next((t.i for t in doc[head.i + 1:e.end] if t.text == "("), e.end)
                return glue(doc, e.start, end)
    start = end = head.i
    for child in head.children:
        if child.dep_ in ("flat:name", "flat", "fixed") or (child.pos_ == "PROPN" and child.dep_ in ("appos", "nmod") and abs(child.i - head.i) == 1):
            start, end = min(start, child.i), max(end, child.i)
    return glue(doc, start, end + 1)


def glue(doc, start: int, end: int) -> tuple[int, int]:
    """Widen a name over the pieces written without a space ("Royaume" "-" "Uni", "Moody's"),
    and drop lowercase words the NER let trail after it ("Marthe sursauta")."""
    while end - 1 > start and doc[end - 1].text[:1].islower() and doc[end - 1].pos_ in ("VERB", "AUX", "ADV", "ADJ"):
        end -= 1
    while start + 1 < end and doc[start].text[:1].islower() and doc[start].pos_ in ("VERB", "AUX", "ADV", "ADJ", "NOUN"):
        start += 1
    def joined(left: int) -> bool:  # tokens left and left + 1 are written together
        a, b = doc[left], doc[left + 1]
        return not a.whitespace_ and (a.text.endswith("-") or b.text.startswith("-") or a.text == "-"
                                      or (a.text.endswith("'") and b.lower_ == "s"))
    while start > 0 and joined(start - 1) and (doc[start - 1].is_alpha or doc[start - 1].text.endswith("-")):
        start -= 1
    while end < len(doc) and joined(end - 1) and (doc[end].is_alpha or doc[end].text.startswith("-")):
        end += 1
    return start, end


def _glued_name(head: Token, start: int, end: int) -> tuple[int, int] | None:
    """A name apposed to a description: "le ministre X", "le ministre, X,", "X, le ministre"."""
    doc = head.doc
    for child in head.rights:
        if child.dep_ in ("appos", "flat:name", "nmod") and (
            child.pos_ == "PROPN" or (child.pos_ == "X" and child.text[:1].isupper())
        ):
            between = doc[head.i + 1:child.i]
            if child.dep_ == "nmod" and any(t.dep_ == "case" for t in child.children):
                continue
            if child.dep_ == "appos" or not any(t.pos_ == "ADP" for t in between):
                return name_chain(child)
        if child.dep_ == "conj" and child.pos_ == "PROPN" and doc[child.i - 1].text == ",":
            # "Le porte-parole du Kremlin, Dmitri Peskov, a affirmé": an apposition the
            # parser read as a coordination
            chain = name_chain(child)
            if chain[1] < len(doc) and doc[chain[1]].text == ",":
                return chain
    if head.dep_ == "appos" and head.head.pos_ == "PROPN" and head.head.i < head.i:
        return name_chain(head.head)
    # "le nouveau directeur X", "le quotidien El Punt Avui": a named entity ending the phrase
    # right after the classifier noun or its adjective, not after "de"
    for ent in doc.ents:
        if ent.label_ in ("PER", "ORG", "MISC") and start < ent.start and ent.end == end \
                and doc[ent.start - 1].pos_ in ("NOUN", "ADJ") and doc[ent.start].text[:1].isupper():
            return ent.start, ent.end
    # "X, le successeur de Y, qui …": a description set off by commas after a name
    if start >= 2 and doc[start - 1].text == "," and doc[start - 2].pos_ == "PROPN":
        name_head = doc[start - 2]
        while name_head.dep_ == "flat:name" and name_head.head.i < name_head.i:
            name_head = name_head.head
        return name_chain(name_head)
    return None


def _is_title_word(doc, name: tuple[int, int]) -> bool:
    words = doc[name[0]:name[1]].text.lower().replace("-", " ").split()
    return bool(words) and words[0] in lexicon().person and not any(
        t.pos_ == "PROPN" and t.lower_ not in lexicon().person for t in doc[name[0]:name[1]])


def _is_name_token(token: Token) -> bool:
    """A proper name; a lowercase word the tagger called PROPN ("l'économiste Marie
    Durand") is a common noun whose apposed name follows."""
    if token.pos_ == "PROPN":
        return token.text[:1].isupper() or bool(token.ent_type_) or not token.is_alpha
    return bool(token.ent_type_) and token.text[:1].isupper()


def mention_from_head(head: Token, offset: int, after: int = -1) -> Mention | None:
    """The mention whose head noun (or name token, or pronoun) is `head`.

    `after`: a token index the phrase must not reach back to (the verb of an incise, whose
    subject follows it).
    """
    if head.pos_ == "PRON" or head.lower_ in lexicon().pronouns:
        return pronoun_mention(head, offset)
    if head.dep_ == "flat:name" and head.head.i < head.i:
        head = head.head
    if head.is_punct or head.is_space:
        return None
    doc = head.doc
    start, end = phrase_bounds(head)
    lex = lexicon()
    name: tuple[int, int] | None = None
    label = ""
    if _is_name_token(head):
        name = name_chain(head)
        start, end = min(start, name[0]), max(end, name[1])
    else:
        name = _glued_name(head, start, end)
        if name is not None and start <= name[0] <= end:
            end = max(end, name[1])
    if after >= 0:
        start = max(start, after + 1)
        if name is not None and name[0] <= after:
            name = (after + 1, name[1]) if name[1] > after + 1 else None
    if name is not None and _is_title_word(doc, name):
        name = None  # "le Président-candidat" is a description, whatever the NER says
    span = doc[start:end]
    if name is not None:
        for ent in doc.ents:
            if ent.start <= name[0] < ent.end:
                label = ent.label_
                break
    role_tokens = [t for t in span if name is None or not (name[0] <= t.i < name[1])]
    while role_tokens and (role_tokens[0].lower_ in lex.determiners or role_tokens[0].lower_ in lex.honorifics):
        role_tokens.pop(0)
    while role_tokens and role_tokens[-1].pos_ in ("ADP", "DET", "PUNCT"):
        role_tokens.pop()
    role = doc[role_tokens[0].i:role_tokens[-1].i + 1].text if role_tokens else ""
    name_span = None
    name_text = ""
    if name is not None:
        first, last = doc[name[0]], doc[name[1] - 1]
        name_span = (offset + first.idx, offset + last.idx + len(last.text))
        name_text = doc.text[first.idx:last.idx + len(last.text)]
    in_name = name is not None and name[0] <= head.i < name[1]
    if name is None and head.pos_ == "PROPN":
        head = doc[start] if doc[start].lower_ not in lex.determiners else doc[min(start + 1, end - 1)]
    head_lemma = "" if in_name else (head.lemma_ or head.text).lower()
    first_tok = span[0]
    return Mention(
        start=offset + span.start_char,
        end=offset + span.end_char,
        text=span.text,
        head=head_lemma,
        name=name_span,
        name_text=name_text,
        role=role if not in_name else "",
        label=label,
        gender=_gender(head) or _HONORIFIC_GENDER.get(doc[start].lower_, ""),
        plural=head.morph.get("Number") == ["Plur"],
        possessive=first_tok.lower_ in lex.possessives,
    )


AGENT_SUFFIXES = (
    "eur", "eurs", "euse", "euses", "trice", "trices", "iste", "istes", "ien", "iens", "ienne",
    "iennes", "logue", "logues", "aire", "aires", "ier", "iers", "ière", "ières", "ant", "ants",
    "ante", "antes", "ent", "ents", "ente", "entes",
)
"""Endings of French agent nouns (producteur, prévisionniste, historien, politologue,
fonctionnaire, conseiller, manifestant, président): nouns of people who can be a source."""

_ACTION_SUFFIXES = ("ment", "ments")
"""Nouns of action or result (événement, changement, jugement) end in -ent without naming an
agent; those that are sources (gouvernement, parlement) are in the lexicon by name."""


def is_agent_noun(word: str) -> bool:
    """Whether a common noun names a person by its French agent suffix."""
    word = word.lower()
    return word.endswith(AGENT_SUFFIXES) and not word.endswith(_ACTION_SUFFIXES)


def plausible_source(mention: Mention) -> bool:
    """Whether a subject can be the source of reported speech: a pronoun, a name, a noun
    the lexicon knows for sources, or an agent noun by its ending. "Une telle stratégie
    exige de …" and "cet événement appelle à …" report nobody's words."""
    if mention.pronoun or mention.name is not None or mention.label:
        return True
    head = mention.head
    return not head or head in lexicon().speaker_heads() or is_agent_noun(head) \
        or not head.isalpha()
