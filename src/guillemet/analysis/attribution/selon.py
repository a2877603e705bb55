"""Source adverbials: "selon X, …", "d'après X, …", "pour X, …", "comme le précise X, …".

The content is the rest of the sentence credited to X; when that rest is one quotation the
statement is a direct quote ("D'après le communiqué, « … »").
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from .cues import reporting_tier
from .lexicon import lexicon
from .mentions import is_agent_noun, mention_from_head
from .sentences import SentenceView
from .types import FoundQuote

_LEADING = frozenset({"mais", "et", "or", "car", "donc", "ainsi", "enfin", "cependant", "toutefois", "aussi", ","})


def _marker(view: SentenceView, i: int) -> tuple[int, int] | None:
    """(first token, last token + 1) of a source marker starting at token i, or None."""
    doc = view.doc
    low = doc[i].lower_
    nxt = doc[i + 1].lower_ if i + 1 < view.end else ""
    if low in lexicon().selon:
        return i, i + 1
    if low in ("d'", "de") and nxt == "après":
        return i, i + 2
    if low == "avis" and i >= view.start + 1 and doc[i - 1].lower_ in ("l'",) and nxt in ("de", "d'", "du", "des"):
        first = i - 1
        if first - 1 >= view.start and doc[first - 1].lower_ in ("de", "à"):
            first -= 1
        return first, i + 2 if nxt in ("de", "d'") else i + 1
    if low == "comme" and i + 2 < view.end and doc[i + 1].lower_ in ("le", "l'") and reporting_tier(doc[i + 2]) == 1:
        return i, i + 3
    if low == "pour":
        before = [t.lower_ for t in doc[view.start:i]]
        if all(b in _LEADING for b in before):
            return i, i + 1
    return None


def _can_speak(view: SentenceView, head: Token, first: int, end: int, any_noun: bool = False) -> bool:
    """A source is a name, a pronoun or a noun that designates people, bodies or documents.
    After "selon" and "d'après", also an agent noun by its French suffix ("selon les
    prévisionnistes", "selon son producteur") or a noun with a possessive ("selon ses
    proches"); "selon les juridictions" or "selon la mythologie" tell a manner, not a source."""
    lex = lexicon()
    if head.pos_ in ("VERB", "AUX"):
        return False
    if any_noun and head.pos_ == "NOUN" and (
        is_agent_noun(head.lower_)
        or any(t.lower_ in lex.possessives for t in view.doc[first:head.i])
    ):
        return True
    if head.pos_ in ("PROPN", "PRON") or head.lemma_.lower() in lex.speaker_heads():
        return True
    return any((t.pos_ in ("PROPN", "X") or t.ent_type_) and t.text[:1].isupper() for t in view.doc[first:end])


def _source_head(view: SentenceView, first: int, end: int) -> Token | None:
    doc = view.doc
    best = None
    for t in doc[first:end]:
        if t.is_punct:
            continue
        if not (first <= t.head.i < end) or t.head.i == t.i:
            best = t
            break
    if best is None:
        for t in doc[first:end]:
            if t.pos_ in ("NOUN", "PROPN", "PRON"):
                return t
    return best


def _clause_goes_on(view: SentenceView, start: int) -> bool:
    """Whether the words after a marker set off by commas continue the clause it interrupts
    (no subject and verb of their own: "…, selon lui, une substance accessible …",
    "…, d'après l'opposition, à des députés de …") rather than start a new one."""
    doc = view.doc
    for tok in doc[start:view.end]:
        if tok.text in (",", ";", ":"):
            return True
        if tok.dep_ in ("nsubj", "nsubj:pass") and tok.head.i >= start:
            return False
    return True


def find_selon(view: SentenceView, claimed: set[int]) -> list[FoundQuote]:
    """Statements introduced by a source adverbial in this sentence."""
    doc = view.doc
    found: list[FoundQuote] = []
    for i in range(view.start, view.end - 1):
        if not view.outside(doc[i]):
            continue
        # "Craig Murray, pour qui …"
        if doc[i].lower_ == "pour" and doc[i + 1].lower_ == "qui" and i - 1 > view.start and (
                doc[i - 1].text == "," or doc[i - 1].pos_ in ("PROPN", "NOUN")):
            # "Craig Murray, pour qui …", "tel le Medef pour qui …"
            ante = doc[i - 2] if doc[i - 1].text == "," else doc[i - 1]
            if ante.pos_ in ("PROPN", "NOUN"):
                mention = mention_from_head(ante, view.offset)
                first, end = i + 2, view.end
                found.append(_item(view, first, end, (i, i + 2), mention, claimed))
            continue
        marker = _marker(view, i)
        if marker is None:
            continue
        m_first, m_end = marker
        # the source runs to the next comma (or the sentence end)
        k = m_end
        while k < view.end and doc[k].text not in (",", ":", ";", "«", "“", '"') and not (doc[k].text in ".!?" and k == view.end - 1):
            k += 1
        if k == m_end or k - m_end > 14:
            continue
        # "Pour l'ALN (Armée de libération nationale), …": a gloss in parentheses is no part
        # of the source's words
        src_end = next((j for j in range(m_end + 1, k) if doc[j].text == "("), k)
        while src_end - 1 > m_end and doc[src_end - 1].pos_ in ("ADP", "DET"):
            src_end -= 1
        head = _source_head(view, m_end, src_end)
        attributive = doc[i].lower_ in lexicon().selon or doc[i + 1].lower_ == "après"
        if head is None or not _can_speak(view, head, m_end, src_end, any_noun=attributive):
            continue
        if doc[i].lower_ == "pour" and (k >= view.end or doc[k].text != ","
                                        or doc[m_end].pos_ in ("VERB", "AUX", "ADP", "ADV")):
            continue
        mention = mention_from_head(head, view.offset)
        if mention is not None and head.pos_ != "PRON":
            # the whole phrase up to the comma is the source ("un rapport établi par l'INSEE")
            last = doc[src_end - 1]
            s_char, e_char = doc[m_end].idx, last.idx + len(last.text)
            mention = replace(mention, start=view.offset + s_char, end=view.offset + e_char,
                              text=doc.text[s_char:e_char])
            words = [t for t in doc[m_end:src_end] if t.is_alpha and t.lower_ not in lexicon().determiners]
            if words and all(t.text[:1].isupper() for t in words):
                # the whole source is a name ("The Hollywood Reporter")
                first_name = next(t for t in doc[m_end:src_end] if t.text[:1].isupper())
                n_start = first_name.idx
                mention = replace(mention, name=(view.offset + n_start, view.offset + e_char),
                                  name_text=doc.text[n_start:e_char], head="", role="")
        before = [t for t in doc[view.start:m_first] if not t.is_punct]
        at_start = all(t.lower_ in _LEADING or t.pos_ in ("ADV", "CCONJ") for t in before)
        if at_start and k < view.end and doc[k].text == ",":
            first, end = k + 1, view.end
            # stop at a colon: what follows is another statement
            for j in range(first, view.end):
                if doc[j].text in (":", ";") and view.outside(doc[j]):
                    end = j
                    break
        elif not at_start and m_first - 1 > view.start and doc[m_first - 1].text == ",":
            first, end = view.start, m_first - 1
            if k < view.end and doc[k].text == "," and _clause_goes_on(view, k + 1):
                # "le polonium est, selon lui, une substance …": set off inside a clause,
                # the marker credits the whole sentence
                first, end = view.start, view.end
            elif k < view.end and doc[k].text == "," and view.end - k > m_first - view.start:
                first, end = k + 1, view.end
        elif doc[m_first].lower_ == "comme":
            # "…, l'armée ne va pas retirer ses forces comme le précise X : « … »"
            first, end = view.start, m_first
        else:
            first, end = view.start, view.end
        found.append(_item(view, first, end, (m_first, m_end), mention, claimed))
    return [f for f in found if f is not None]


def _item(view: SentenceView, first: int, end: int, cue: tuple[int, int], mention, claimed: set[int]):
    if mention is None:
        return None  # "selon moi", "selon nous": no source a reader could list
    doc = view.doc
    while end > first and (doc[end - 1].is_punct and doc[end - 1].text not in ("»", "”", '"', ")") or doc[end - 1].is_space):
        end -= 1
    while first < end and doc[first].is_space:
        first += 1
    if end <= first:
        return None
    kind = "selon"
    start_char, end_char = doc[first].idx, doc[end - 1].idx + len(doc[end - 1].text)
    for number, q in enumerate(view.quotes):
        if q.open_tok == first and q.close_tok == end - 1:
            kind = "direct"
            start_char, end_char = q.content
            claimed.add(number)
        elif first <= q.open_tok < end:
            claimed.add(number)
            if q.words >= 3:
                kind = "mixed"
    cue_span = (view.offset + doc[cue[0]].idx, view.offset + doc[cue[1] - 1].idx + len(doc[cue[1] - 1].text))
    return FoundQuote(view.offset + start_char, view.offset + end_char, kind, cue_span, mention)
