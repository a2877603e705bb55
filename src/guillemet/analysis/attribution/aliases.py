"""The article's own table of who is what: roles and acronyms read off the syntax.

French news names a source once with its role and then uses either alone: "Le maire de New
York, Michael Bloomberg, …" then "le maire de New York", "l'astronome suisse Michel Mayor"
then "le chercheur", "Human Rights Watch (HRW)" then "HRW". Each paragraph contributes the
pairs it shows; the document-level merge (`coref.py`) resolves descriptions through them, in
either direction (the description may come first, in the title). One function per
construction:

- a role noun with a name glued or apposed to it: "l'ONG Human Rights Watch", "le maire de
  New York, Michael Bloomberg";
- a name with an apposed role: "Nadim Houry, responsable de l'organisation";
- a copula: "Michael Bloomberg est maire de New York", "X devient ministre";
- an acronym defined in parentheses, either way round: "Human Rights Watch (HRW)",
  "l'ALN (Armée de libération nationale)".
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .lexicon import lexicon
from .mentions import glue, name_chain
from .types import Alias

_NAME_LABELS = frozenset({"PER", "ORG"})
_COPULAS = frozenset({"être", "devenir", "rester", "demeurer"})
_PARENTHESIS = re.compile(r"\(([^()]{2,80})\)")
_ACRONYM = re.compile(r"^[A-ZÉÈ][A-ZÉÈ0-9&.-]{1,9}$")
_ACRONYM_FIRST_WORDS = frozenset({"le", "la", "les", "l'", "l’", "un", "une", "des", "du", "de"})


def _is_name(token: Token) -> bool:
    return token.text[:1].isupper() and (token.pos_ == "PROPN" or token.ent_type_ in _NAME_LABELS)


def _names(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the people and bodies named in the paragraph: PER and ORG entities
    (cut before a parenthesis) and acronyms standing alone ("HRW", "SUD-PTT")."""
    spans: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ in _NAME_LABELS:
            start, end = ent.start, next((t.i for t in ent if t.text == "("), ent.end)
            while start + 1 < end and doc[start].text[:1].islower() and doc[start + 1].text[:1].isupper():
                start += 1  # "le quotidien El Punt Avui": the classifier noun is a role
            if end > start:
                joined = glue(doc, start, end)  # "Moody's", "Royaume-Uni"
                spans.append((min(start, joined[0]), max(end, joined[1])))
    covered = {i for start, end in spans for i in range(start, end)}
    for token in doc:
        if token.i not in covered and _ACRONYM.match(token.text) and token.pos_ in ("PROPN", "X", "NOUN"):
            spans.append((token.i, token.i + 1))
    return sorted(spans)


def _role_words_before(doc: Doc, end: int) -> tuple[int, int] | None:
    """The description that ends at token `end`: back to its determiner, through "de"
    complements ("le maire de New York"), stopping at a verb, a pronoun, a clause word or
    any other preposition. Returns the range of its words without the determiner."""
    k = end - 1
    while k >= 0:
        tok = doc[k]
        if tok.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "CCONJ") or tok.is_punct:
            break
        if tok.pos_ == "ADP" and tok.lower_ not in ("de", "du", "des", "d'", "d’"):
            break
        k -= 1
    first = k + 1
    while first < end and (doc[first].pos_ in ("DET", "ADP") or doc[first].lower_ in lexicon().determiners):
        first += 1
    if first >= end or doc[first].pos_ not in ("NOUN", "X", "PROPN") or not doc[first].text[:1].islower() \
            and doc[first].lower_ not in lexicon().speaker_heads():
        return None
    return first, end


def _role_before_name(doc: Doc, name: tuple[int, int]) -> tuple[int, int] | None:
    """"l'astronome suisse Michel Mayor", "L'ONG Human Rights Watch" (glued), "Le maire de
    New York, Michael Bloomberg, …" (set off by commas)."""
    start, end = name
    if start >= 2 and doc[start - 1].text == "," and (end >= len(doc) or doc[end].text in (",", ".", ")")):
        return _role_words_before(doc, start - 1)
    if start >= 1 and not doc[start - 1].is_punct:
        return _role_words_before(doc, start)
    return None


def _role_after_name(doc: Doc, name: tuple[int, int]) -> tuple[int, int] | None:
    """"Nadim Houry, responsable de l'organisation et spécialiste de la Syrie, …"."""
    k = name[1]
    if k + 1 >= len(doc) or doc[k].text != ",":
        return None
    first = k + 1
    while first < len(doc) and doc[first].lower_ in lexicon().determiners:
        first += 1
    # a lowercase noun, whatever the tagger says ("porte-parole" may come out PROPN)
    if first >= len(doc) or doc[first].pos_ not in ("NOUN", "PROPN") or not doc[first].text[:1].islower():
        return None
    end = first + 1
    while end < len(doc) and not doc[end].is_punct and doc[end].pos_ not in ("VERB", "AUX", "PRON", "CCONJ", "SCONJ"):
        end += 1
    if end < len(doc) and not doc[end].is_punct:
        return None  # "Selon Paul Vernet, la croissance ralentira": a clause, no apposition
    return first, end


def _singular_determiner(noun: Token) -> bool:
    """"L'ONG": a singular determiner outweighs the tagger's plural on an invariable noun."""
    return any(c.dep_ == "det" and c.lower_ in ("l'", "l’", "le", "la", "un", "une") for c in noun.children)


def _alias(doc: Doc, name: tuple[int, int], role: tuple[int, int]) -> Alias | None:
    words = doc[role[0]:role[1]]
    head = next((t for t in words if t.pos_ in ("NOUN", "X", "PROPN")), None)
    if head is None or len(words) > 12 or head.morph.get("Number") == ["Plur"] and not _singular_determiner(head):
        return None
    if words[-1].pos_ in ("ADP", "DET") or words[-1].lower_ in lexicon().determiners:
        return None  # "les chercheurs de HRW": the name completes the noun, it is not apposed
    return Alias(doc[name[0]:name[1]].text, words.text, head.lower_ if head.pos_ != "NOUN" else head.lemma_.lower(),
                 _noun_gender(head))


def _copula(noun: Token) -> Alias | None:
    """"X est ministre de la Santé", "X devient président": the subject is the role."""
    if not any(c.dep_ == "cop" and c.lemma_ in _COPULAS for c in noun.children) and not (
        noun.dep_ == "xcomp" and noun.head.lemma_ in _COPULAS
    ):
        return None
    verb = noun if any(c.dep_ == "cop" for c in noun.children) else noun.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subject is None or not _is_name(subject):
        return None
    doc = noun.doc
    end = noun.i + 1
    for tok in doc[noun.i + 1:noun.right_edge.i + 1]:
        if tok.text in (",", ";", ".", "(") or tok.dep_ in ("acl:relcl", "conj", "cc"):
            break
        end = tok.i + 1
    chain = name_chain(subject)
    return Alias(doc[chain[0]:chain[1]].text, doc[noun.i:end].text, noun.lemma_.lower(), _noun_gender(noun))


def _noun_gender(noun: Token) -> str:
    value = noun.morph.get("Gender")
    return ("f" if value[0] == "Fem" else "m") if value else ""


def initials_match(acronym: str, words: list[str]) -> bool:
    """Whether an acronym is spelt by the initials of a name's words, in order: every
    capitalised word gives its letter, small words ("de", "du") may or may not ("CGT" for
    "Confédération générale du travail", "ALN" for "Armée de libération nationale")."""
    letters = [c for c in acronym.upper() if c.isalpha()]
    if len(letters) < 2 or not words or words[0][:1].upper() != letters[0]:
        return False
    i = 0
    for word in words:
        initial = word[:1].upper()
        if i < len(letters) and initial == letters[i]:
            i += 1
        elif word[:1].isupper():
            return False  # a capitalised word must give its letter
    return i == len(letters)


def _expansion_before(text: str, open_at: int, acronym: str) -> str | None:
    """The words just before "(ACRONYM)" whose initials spell it."""
    words = re.findall(r"[\w’'-]+", text[max(0, open_at - 120):open_at])
    for size in range(len(acronym), min(len(words), 3 * len(acronym)) + 1):
        candidate = words[-size:]
        if candidate[0].lower() in _ACRONYM_FIRST_WORDS:
            continue
        if initials_match(acronym, candidate):
            return " ".join(candidate)
    return None


def acronym_aliases(text: str) -> list[Alias]:
    """Acronyms defined in parentheses: "Human Rights Watch (HRW)", "l'ALN (Armée de
    libération nationale)"; only when the initials agree, so "(Ille-et-Vilaine)" is no
    definition."""
    found: list[Alias] = []
    for match in _PARENTHESIS.finditer(text):
        inside = match.group(1).strip()
        if _ACRONYM.match(inside):
            expansion = _expansion_before(text, match.start(), inside)
            if expansion:
                found.append(Alias(expansion, inside, "", "", acronym=True))
            continue
        before = re.findall(r"[\w’'-]+", text[max(0, match.start() - 20):match.start()])
        words = re.findall(r"[\w’'-]+", inside)
        short = re.sub(r"^[dlDL]['’]", "", before[-1]) if before else ""
        if short and _ACRONYM.match(short) and initials_match(short, words):
            found.append(Alias(" ".join(words), short, "", "", acronym=True))
    return found


def paragraph_aliases(doc: Doc, offset: int, quoted: set[int]) -> list[Alias]:
    """Every role and acronym pair the paragraph shows (words inside quotations excluded:
    they are the quoted person's, not the article's)."""
    found: list[Alias] = []
    for name in _names(doc):
        if name[0] in quoted:
            continue
        for role in (_role_before_name(doc, name), _role_after_name(doc, name)):
            alias = _alias(doc, name, role) if role is not None else None
            if alias is not None:
                found.append(alias)
    for token in doc:
        if token.pos_ == "NOUN" and token.i not in quoted:
            alias = _copula(token)
            if alias is not None:
                found.append(alias)
    found.extend(acronym_aliases(doc.text))
    return found
