"""Dialogue turns: speech opened by a dash, as novels and interviews print it.

A turn is one statement, however short ("— Ah !"): the dash says that someone speaks. The
incise inside it ("— Cela sera-t-il bien long ? demanda le laquais.", "— Tiens, dit-il,
nous avons eu la même idée") names the speaker and cuts the turn: the words before it are
one quotation, the words after it another, with the same speaker. A turn without an incise
is left to the resolver, which knows the exchange it belongs to (`resolve.py`).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from .cues import cue_start, incise_form, incise_verb, inverted_subject
from .marks import INTERVIEWEE_LABELS, INTERVIEWER_LABELS
from .mentions import mention_from_head, phrase_end
from .sentences import SentenceView
from .types import FoundQuote, Mention

_BEFORE_INCISE = frozenset({",", "?", "!", "…", "...", "?!", "!?", "—", "–"})
"""What ends the first words of a turn before its incise: "— Oui, dit-il", "— Ah ! fit-elle"."""

_AFTER_INCISE = frozenset({",", ";", ":", "…", "...", ".", "!", "?", "—", "–"})
"""What ends the incise when the turn goes on after it."""


_SENTENCE_END = frozenset({".", "!", "?", "…", "...", ";", "—", "–"})

_NARRATIVE_LEADS = frozenset({"qui", "que", "qu'", "qu’", "dont", "où", "lequel", "laquelle", "en",
                              "avec", "sans", "sur", "vers", "dans", "d'un", "d'une", "d’un", "d’une",
                              "tout", "puis", "comme", "tandis", "pendant"})
"""Words that carry the narrative on after an incise and a comma: a relative clause about
the speaker, a gerund or a manner ("dit-elle, en sautant à terre", ", d'une voix émue")."""


def _narrative_goes_on(token: Token) -> bool:
    return token.lower_ in _NARRATIVE_LEADS or token.pos_ in ("VERB", "AUX") and token.morph.get("VerbForm") == ["Part"]


def _incise_in_turn(view: SentenceView, first: int, end: int) -> tuple[Token, Token, int] | None:
    """(verb, subject, token after the separator that precedes the incise) of the first
    inverted incise inside tokens [first, end)."""
    doc = view.doc
    for i in range(first, end - 1):
        if doc[i].text not in _BEFORE_INCISE:
            continue
        j = i + 1
        while j < end and (doc[j].pos_ == "AUX" or doc[j].lower_ in ("lui", "leur", "me", "m'", "se", "s'", "-t")):
            j += 1  # "lui dit-elle", "s'écria-t-il", "a répondu X"
        if j >= end or doc[j].text[:1].isupper():
            continue  # a new sentence of the speaker's, not an incise
        verb = doc[j]
        if not (incise_verb(verb) or incise_form(verb)) or verb.morph.get("VerbForm") == ["Inf"]:
            continue
        subject = inverted_subject(verb, end)
        if subject is not None:
            return verb, subject, i
    return None


def _label_mention(view: SentenceView, label: tuple[int, int]) -> Mention:
    """The speaker a transcript label names: a person ("Jean Dupont :"), or the interview's
    two sides ("Q :", "R :"), which the resolver knows by their head "q" and "r"."""
    text = view.doc.text[label[0]:label[1]]
    start, end = view.offset + label[0], view.offset + label[1]
    low = text.lower()
    if low in INTERVIEWER_LABELS | INTERVIEWEE_LABELS:
        return Mention(start, end, text, "q" if low in INTERVIEWER_LABELS else "r", subject=True)
    name = " ".join(w.capitalize() if w.isupper() else w for w in text.replace("*", " ").split())
    return Mention(start, end, text, name.split()[-1].lower(), name=(start, end), name_text=name, label="PER", subject=True)


def turn_statements(view: SentenceView, number: int) -> list[FoundQuote]:
    """The statements of dialogue turn `number` of the view (one, or two around an incise)."""
    q = view.quotes[number]
    doc = view.doc
    end = min(q.close_tok, view.end)
    first = q.open_tok + 1
    while end > first and doc[end - 1].is_space:
        end -= 1
    if end <= first:
        return []
    start_char, end_char = view.offset + q.content[0], view.offset + q.content[1]
    if q.label is not None:
        return [FoundQuote(start_char, end_char, "direct", None, _label_mention(view, q.label), turn=True, labelled=True)]
    addressee = _addressee(view, first, end)
    found = _incise_in_turn(view, first, end)
    if found is None:
        return [FoundQuote(start_char, end_char, "direct", None, None, True, turn=True, addressee=addressee)]
    verb, subject, separator = found
    mention = mention_from_head(subject, view.offset, after=verb.i)
    cue_first = cue_start(verb)
    cue_tok = doc[verb.i]
    cue = (view.offset + doc[cue_first].idx, view.offset + cue_tok.idx + len(cue_tok.text))
    last_a = doc[separator] if doc[separator].text in "?!…" else doc[separator - 1]
    out = []
    if separator > first:
        out.append(FoundQuote(start_char, view.offset + last_a.idx + len(last_a.text), "direct", cue, mention, turn=True))
    k = max(verb.i, subject.i) + 1
    if subject.pos_ != "PRON":
        k = max(k, phrase_end(subject))
    while k < end and doc[k].text not in _AFTER_INCISE:
        k += 1  # the rest of the incise: "répondit le postillon à demi débotté ; …"
    while k + 1 < end and doc[k].text == "," and _narrative_goes_on(doc[k + 1]):
        k += 1  # "s'écria Pécuchet, qui redoutait les courants d'air." is still the incise
        while k < end and doc[k].text not in _SENTENCE_END:
            k += 1
    b_first = k + 1
    while b_first < end and (doc[b_first].is_punct or doc[b_first].is_space):
        b_first += 1
    if b_first < end and any(t.is_alpha for t in doc[b_first:end]):
        out.append(FoundQuote(view.offset + doc[b_first].idx, end_char, "direct", cue, mention, turn=True))
    if out and addressee is not None:
        out[-1] = replace(out[-1], addressee=addressee)
    return out


def _addressee(view: SentenceView, first: int, end: int) -> Mention | None:
    """The person a turn calls by name, set off by a comma at its end or its start ("Tu
    viens, Pauline ?", "Pauline, tu viens ?"): in a dialogue, who answers next."""
    doc = view.doc
    last = end - 1
    while last > first and doc[last].is_punct:
        last -= 1
    k = last
    while k > first and doc[k - 1].ent_type_ == "PER" and doc[k].ent_iob_ != "B":
        k -= 1
    if doc[last].ent_type_ == "PER" and doc[last].text[:1].isupper() and k > first and doc[k - 1].text == ",":
        return mention_from_head(doc[k], view.offset)
    j = first
    while j + 1 < end and doc[j + 1].ent_type_ == "PER" and doc[j + 1].ent_iob_ == "I":
        j += 1
    if doc[first].ent_type_ == "PER" and doc[first].text[:1].isupper() and j + 1 < end and doc[j + 1].text == ",":
        return mention_from_head(doc[first], view.offset)
    return None
