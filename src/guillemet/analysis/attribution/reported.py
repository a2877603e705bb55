"""Reported speech without quotation marks: "X a annoncé que …", "X a déclaré vouloir …",
and the inverted incise after a plain clause ("…, rapporte le chef de la direction").
"""

from __future__ import annotations

from spacy.tokens import Token

from .clauses import infinitive_clause, que_clause, trim_end
from .cues import cue_start, inverted_subject, reporting_tier, subject_of
from .mentions import mention_from_head, plausible_source
from .sentences import SentenceView
from .types import FoundQuote

_INVERTED = frozenset({"-il", "-elle", "-ils", "-elles", "-on", "-t"})


def _span(view: SentenceView, first: int, end: int) -> tuple[int, int]:
    doc = view.doc
    last = doc[end - 1]
    return view.offset + doc[first].idx, view.offset + last.idx + len(last.text)


def _kind(view: SentenceView, first: int, end: int) -> str:
    return "mixed" if any(first <= q.open_tok < end for q in view.quotes) else "indirect"


def _trailing_incise(view: SentenceView, verb: Token) -> FoundQuote | None:
    """"<clause>, rapporte X." : the verb after a comma, its subject after it, then the end."""
    doc = view.doc
    k = cue_start(verb) - 1
    if k <= view.start or doc[k].text != ",":
        return None
    if verb.morph.get("VerbForm") != ["Fin"] and cue_start(verb) == verb.i:
        return None  # a bare participle ("…, ajoutée à …") is no incise
    subject = inverted_subject(verb, view.end)
    if subject is None:
        return None
    mention = mention_from_head(subject, view.offset, after=verb.i)
    if mention is None:
        return None
    first = view.start
    while first < k and (doc[first].is_space or doc[first].is_punct):
        first += 1
    if first >= k or any(view.start <= q.open_tok < view.end for q in view.quotes):
        return None
    cue = _span(view, cue_start(verb), verb.i + 1)
    tail = mention.end - view.offset
    after = next((t for t in doc[verb.i + 1:view.end] if t.idx >= tail), None)
    if after is not None and after.text == "," and _mid_incise_rest(view, after.i + 1):
        # "La crise, affirme X, est profonde": the incise sits inside the statement
        s, e = view.offset + doc[first].idx, view.offset + view.last_char
        return FoundQuote(s, e, "indirect", cue, mention)
    if any(c.dep_ in ("nsubj", "nsubj:pass") and c.i < verb.i and c.lower_ not in _INVERTED for c in verb.children):
        return None  # "Un responsable, a confirmé ces incidents": a plain subject, no incise
    # nothing but the subject phrase (and adverbials) may follow
    for t in doc[verb.i + 1:view.end]:
        if t.idx >= tail and t.pos_ in ("VERB", "AUX", "PRON", "SCONJ"):
            return None
    if not any(t.pos_ in ("VERB", "AUX") for t in doc[first:k]):
        return None  # what precedes must be a clause
    s, e = _span(view, first, k)
    return FoundQuote(s, e, "indirect", cue, mention)


def _mid_incise_rest(view: SentenceView, start: int) -> bool:
    """After a mid-sentence incise, the sentence goes on with its own verb (and no new
    reporting construction): "…, affirme X, est profonde"."""
    doc = view.doc
    rest = [t for t in doc[start:view.end] if not t.is_punct]
    return len(rest) >= 2 and any(t.pos_ in ("VERB", "AUX") and t.morph.get("VerbForm") != ["Inf"] for t in rest) \
        and not any(t.lower_ in ("que", "qu'") and t.i == start for t in rest)


def _self_description(verb: Token) -> tuple[int, int] | None:
    """"X s'est dit prêt à négocier": what a source says of itself (se dire / se déclarer)."""
    if verb.lemma_ not in ("dire", "déclarer") or not any(c.lower_ in ("se", "s'") for c in verb.children):
        return None
    for child in verb.rights:
        if child.dep_ in ("xcomp", "obj", "acl") and child.pos_ == "ADJ" and child.i <= verb.i + 3:
            return child.left_edge.i, child.right_edge.i + 1
    return None


def find_reported(view: SentenceView) -> list[FoundQuote]:
    """Reported clauses of the sentence's reporting verbs (outside quotations)."""
    doc = view.doc
    found: list[FoundQuote] = []
    for i in range(view.start, view.end):
        verb = doc[i]
        if not view.outside(verb):
            continue
        tier = reporting_tier(verb)
        if tier == 0:
            continue
        item = _trailing_incise(view, verb)
        if item is not None:
            found.append(item)
            continue
        subject = subject_of(verb)
        if subject is None:
            continue
        mention = mention_from_head(subject, view.offset)
        if mention is None or not plausible_source(mention):
            continue
        cue = _span(view, cue_start(verb), verb.i + 1)
        clause = que_clause(view, verb)
        if clause is not None:
            first, end = clause[1], trim_end(view, clause[2])
            if end > first:
                s, e = _span(view, first, end)
                found.append(FoundQuote(s, e, _kind(view, first, end), cue, mention))
            continue
        inf = infinitive_clause(view, verb) or _self_description(verb)
        if inf is not None:
            first, end = inf[0], trim_end(view, inf[1])
            if end > first:
                s, e = _span(view, first, end)
                found.append(FoundQuote(s, e, _kind(view, first, end), cue, mention))
    return found
