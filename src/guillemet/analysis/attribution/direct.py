"""Quotations: who says the words between the marks.

Order of the rules, first match wins for each quotation:
1. an inverted incise right after it (« … », a souligné X / ajoute le communiqué / dit-il);
   the incise also covers the unattributed quotations before it in the sentence and the one
   right after it (« A », a-t-il dit, « B »);
2. an introducer before it ("X a déclaré : « … »", "Et d'ajouter : « … »");
3. a reporting verb earlier in the sentence that governs it: inside its que-clause (mixed,
   or direct when the clause is just the quotation), its infinitive, or a quoted fragment;
4. otherwise a long, sentence-like quotation floats to the previous speaker; short ones
   (titles, names, scare quotes) are not statements.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .clauses import infinitive_clause, que_clause, trim_end
from .cues import cue_start, incise_form, incise_verb, inverted_subject, reporting_tier, subject_of
from .dialogue import turn_statements
from .lexicon import lexicon
from .mentions import mention_from_head, phrase_end
from .sentences import SentenceView
from .types import FoundQuote, Mention

_OBJECT_CLITICS = frozenset({"lui", "leur", "me", "m'", "te", "t'", "nous", "vous", "le", "la", "l'", "les", "y", "en"})
_FLOATING_MIN_WORDS = 5
_MIXED_LEAD_WORDS = 6


@dataclass
class _Incise:
    verb: Token
    subject: Token
    end: int  # token after the incise


def _char_span(view: SentenceView, first: int, end: int) -> tuple[int, int]:
    doc = view.doc
    last = doc[end - 1]
    return view.offset + doc[first].idx, view.offset + last.idx + len(last.text)


def _cue(view: SentenceView, verb: Token) -> tuple[int, int]:
    return _char_span(view, cue_start(verb), verb.i + 1)


def _incise_after(view: SentenceView, number: int) -> _Incise | None:
    """The inverted incise that follows quotation `number`, if any."""
    q = view.quotes[number]
    if not q.closed:
        return None
    found = _incise_at(view, q.close_tok + 1)
    if found is not None:
        return found
    gap = _appended_phrase_end(view, q.close_tok + 1)
    return _incise_at(view, gap) if gap is not None else None


_APPENDED_MAX_TOKENS = 15


def _appended_phrase_end(view: SentenceView, start: int) -> int | None:
    """"« … », y compris le montant imposé à Samsung, commente X": a phrase with no finite
    verb may extend the quotation before its incise; the comma that closes it, or None."""
    doc = view.doc
    if start >= view.end or doc[start].text != ",":
        return None
    for k in range(start + 1, min(view.end, start + _APPENDED_MAX_TOKENS)):
        tok = doc[k]
        if tok.text in ("«", "»", ";", ":", "(", ")") or tok.pos_ in ("VERB", "AUX") and tok.morph.get("VerbForm") == ["Fin"]:
            return None
        if tok.text == "," and k > start + 2:
            return k
    return None


def _incise_at(view: SentenceView, j: int) -> _Incise | None:
    """The inverted incise that starts at token `j` (after commas, dashes and adverbs)."""
    doc = view.doc
    skipped = 0
    while j < view.end and doc[j].text in (",", "-", "—", "–") and skipped < 2:
        j += 1
        skipped += 1
    while j < view.end and doc[j].pos_ == "ADV" and doc[j].lower_ not in ("ne", "n'"):
        j += 1
    if j >= view.end:
        return None
    while j < view.end - 1 and (doc[j].lower_ in ("se", "s'") or doc[j].lower_ in _OBJECT_CLITICS and doc[j].pos_ == "PRON"):
        j += 1  # "« … », lui avait dit Christian Jacob", "leur a répondu X"
    verb = doc[j]
    if verb.lemma_ == "pouvoir" or verb.pos_ == "AUX" or verb.lower_ in ("a", "avait", "aurait", "ont", "est", "s'est"):
        k = j + 1
        while k < min(view.end, j + 5) and not incise_verb(doc[k]):
            k += 1
        if k >= min(view.end, j + 5):
            return None
        verb = doc[k]
    if not incise_verb(verb) and not incise_form(verb):
        return None
    if verb.i + 1 < view.end and doc[verb.i + 1].lower_ in ("que", "qu'"):
        return None
    subject = inverted_subject(verb, view.end)
    if subject is None:
        return None
    end = max(subject.i, verb.i) + 1
    return _Incise(verb, subject, end)


def _ends_sentence(view: SentenceView, number: int) -> bool:
    """A quotation that closes on a full stop ("… aujourd'hui. »") is an utterance of its
    own: an incise after the next quotation does not reach back over it."""
    q = view.quotes[number]
    text = view.doc.text
    return q.closed and text[q.content[1] - 1:q.content[1]] in (".", "!", "?", "…")


def _inner_incise(view: SentenceView, number: int) -> tuple[_Incise, int, int] | None:
    """An incise inside the marks: « A, a-t-il déclaré, B » -> (incise, end of A, start of B)."""
    q = view.quotes[number]
    doc = view.doc
    last = min(q.close_tok, view.end) - 1
    for i in range(q.open_tok + 2, last - 1):
        if doc[i].text != ",":
            continue
        j = i + 1
        if doc[j].pos_ == "AUX" or doc[j].lower_ in ("a", "avait", "ont"):
            j += 1
            while j < min(last, i + 5) and doc[j].lower_ in ("-t", "-il", "-elle", "-ils", "-elles", "-t-il", "-t-elle"):
                j += 1
        verb = doc[j]
        if not incise_verb(verb) or verb.morph.get("VerbForm") == ["Inf"]:
            continue
        subject = inverted_subject(verb, last + 1)
        if subject is None:
            continue
        k = max(verb.i, subject.i) + 1
        if subject.pos_ != "PRON":
            k = phrase_end(subject)
        if k <= last and doc[k].text in (",", ".", ";", "!", "?"):
            b_start = k + 1
            while b_start <= last and doc[b_start].is_space:
                b_start += 1
            if b_start > last:
                return None
            return _Incise(verb, subject, k), i, b_start
    return None


def _is_label(view: SentenceView, number: int) -> bool:
    """A capitalised « … » right after a noun names that thing (l'opération « Sentinelle »,
    le film « X »); a lowercase one describes it and may be quoted speech (un discours
    « truffé d'incantations »)."""
    q = view.quotes[number]
    if q.open_tok == view.start or q.words > 6:
        return False
    before = view.doc[q.open_tok - 1]
    first = view.doc.text[q.content[0]:q.content[0] + 1]
    return before.pos_ in ("NOUN", "PROPN") and before.text[:1].islower() and first.isupper()


def _introducer(view: SentenceView, number: int) -> tuple[Token | None, bool] | None:
    """(cue verb, follows previous speaker) when a colon introduces quotation `number`."""
    q = view.quotes[number]
    doc = view.doc
    before = q.open_tok - 1
    if before < view.start or doc[before].text != ":":
        return None
    for k in range(before - 1, view.start - 1, -1):
        tok = doc[k]
        if not view.outside(tok):
            break
        if reporting_tier(tok) > 0 or incise_verb(tok) and tok.morph.get("VerbForm") == ["Inf"]:
            return tok, subject_of(tok) is None
    return None, True


def _governing_verb(view: SentenceView, number: int) -> Token | None:
    """The nearest reporting verb before the quotation, outside quotes, with a subject."""
    q = view.quotes[number]
    doc = view.doc
    for k in range(q.open_tok - 1, view.start - 1, -1):
        tok = doc[k]
        if not view.outside(tok):
            continue
        if tok.text in (";",):
            return None
        if reporting_tier(tok) > 0 and subject_of(tok) is not None:
            first_inner = doc[q.open_tok + 1] if q.open_tok + 1 < len(doc) else doc[q.open_tok]
            governs = tok.is_ancestor(first_inner) or tok.is_ancestor(doc[q.open_tok]) or k >= q.open_tok - 8
            if not governs:
                return None
            return _outer_report(view, tok, q.open_tok) or tok
    return None


def _outer_report(view: SentenceView, inner: Token, open_tok: int) -> Token | None:
    """"X affirme qu'il voulait qualifier sa fille de « … »": a verb of saying whose
    que-clause holds both the nearer verb and the quotation reports the whole clause."""
    doc = view.doc
    for k in range(inner.i - 1, view.start - 1, -1):
        tok = doc[k]
        if not view.outside(tok) or tok.text == ";":
            return None
        if reporting_tier(tok) == 1 and subject_of(tok) is not None:
            clause = que_clause(view, tok)
            if clause is not None and clause[1] <= inner.i and open_tok < clause[2]:
                return tok
    return None


def _utterance_like(view: SentenceView, number: int) -> bool:
    """A quotation that reads as said words: it has a finite verb or ends a sentence."""
    q = view.quotes[number]
    doc = view.doc
    inner = doc[q.open_tok + 1:min(q.close_tok, len(doc))]
    return any(t.morph.get("VerbForm") == ["Fin"] for t in inner) or (
        len(inner) > 0 and inner[-1].text in (".", "!", "?", "…"))


def _clause_subject(view: SentenceView, colon: int) -> Token | None:
    """The subject of the clause before a colon, when no reporting verb introduces a quote."""
    doc = view.doc
    for k in range(colon - 1, view.start - 1, -1):
        tok = doc[k]
        if tok.pos_ in ("VERB", "AUX") and view.outside(tok):
            subject = subject_of(tok)
            if subject is not None:
                return subject if _can_speak(subject) else None
    return None


def _can_speak(token: Token) -> bool:
    """A person, a named body or a source noun: what may say the words after a colon."""
    lex = lexicon()
    return token.pos_ in ("PROPN", "PRON") or token.ent_type_ in ("PER", "ORG") or (
        token.lemma_.lower() in lex.speaker_heads())


def _name_before_colon(view: SentenceView, colon: int) -> Token | None:
    """"Barack Obama : « … »" (a headline): a bare name before the colon is the source."""
    doc = view.doc
    before = [t for t in doc[view.start:colon] if not t.is_punct]
    if not before or len(before) > 6:
        return None
    if all(t.pos_ in ("PROPN", "X") or (t.ent_type_ and t.text[:1].isupper()) or t.pos_ == "DET" for t in before):
        head = before[-1]
        while head.dep_ == "flat:name" and head.head.i < head.i and head.head.i >= view.start:
            head = head.head
        return head
    return None


def find_quotes(view: SentenceView, claimed: set[int]) -> list[FoundQuote]:
    """Statements made of or around the sentence's quotations (those not `claimed`)."""
    doc = view.doc
    n = len(view.quotes)
    found: list[FoundQuote] = []
    owner: list[tuple[Mention | None, tuple[int, int] | None, bool] | None] = [None] * n
    for k in range(n):
        if view.quotes[k].turn and k not in claimed:
            claimed.add(k)
            found.extend(turn_statements(view, k))
    for k in range(n):
        inner = _inner_incise(view, k) if k not in claimed else None
        if inner is None:
            continue
        inc, a_end, b_start = inner
        claimed.add(k)
        q = view.quotes[k]
        mention = mention_from_head(inc.subject, view.offset, after=inc.verb.i)
        cue = _char_span(view, cue_start(inc.verb), inc.verb.i + 1)
        a_last = doc[a_end - 1]
        found.append(FoundQuote(view.offset + q.content[0], view.offset + a_last.idx + len(a_last.text), "direct", cue, mention))
        found.append(FoundQuote(view.offset + doc[b_start].idx, view.offset + q.content[1], "direct", cue, mention))
    incises = [_incise_after(view, k) if k not in claimed else None for k in range(n)]
    # 1. incises, spreading backwards over unattributed quotations and forward to the next one
    for k in range(n):
        inc = incises[k]
        if inc is None:
            continue
        mention = mention_from_head(inc.subject, view.offset, after=inc.verb.i)
        cue = _char_span(view, min(cue_start(inc.verb), inc.verb.i), max(inc.verb.i, inc.subject.i if inc.subject.i < inc.verb.i else inc.verb.i) + 1)
        owner[k] = (mention, cue, False)
        b = k - 1
        while b >= 0 and owner[b] is None and incises[b] is None and b not in claimed \
                and not _ends_sentence(view, b):
            owner[b] = (mention, cue, False)
            b -= 1
        lead = view.quotes[b + 1].open_tok
        # the sentence before the quotation, after any quotation the incise does not cover
        lead_start = view.quotes[b].close_tok + 1 if b >= 0 else view.start
        if sum(1 for t in doc[lead_start:lead] if t.is_alpha and view.outside(t)) >= _MIXED_LEAD_WORDS and not any(
            reporting_tier(t) for t in doc[lead_start:lead]
        ):
            # a quoted fragment ending a longer sentence: the sentence is the statement
            first = lead_start
            while first < lead and (doc[first].is_punct or doc[first].is_space):
                first += 1
            s_char = view.offset + doc[first].idx
            e_char = view.offset + view.quotes[k].close_char + 1
            found.append(FoundQuote(s_char, e_char, "mixed", cue, mention))
            for c in range(b + 1, k + 1):
                claimed.add(c)
        if k + 1 < n and owner[k + 1] is None and k + 1 not in claimed:
            between = doc[inc.end:view.quotes[k + 1].open_tok]
            if all(t.is_punct or t.is_space for t in between):
                owner[k + 1] = (mention, cue, False)
    done_clauses: set[tuple[int, int]] = set()
    for k in range(n):
        if k in claimed:
            continue
        q = view.quotes[k]
        if owner[k] is not None:
            mention, cue, follows = owner[k]
            found.append(FoundQuote(view.offset + q.content[0], view.offset + q.content[1], "direct", cue, mention, follows))
            continue
        # 2. introducer
        intro = _introducer(view, k)
        if intro is not None and (intro[0] is not None or q.words >= _FLOATING_MIN_WORDS):
            verb, follows = intro
            mention = None
            cue = None
            if verb is None:
                subject = _clause_subject(view, q.open_tok - 1) or _name_before_colon(view, q.open_tok - 1)
                if subject is not None:
                    mention = mention_from_head(subject, view.offset)
                    follows = mention is None
            else:
                subject = subject_of(verb) or inverted_subject(verb, q.open_tok - 1)
                mention = mention_from_head(subject, view.offset) if subject is not None else None
                follows = mention is None
                cue = _cue(view, verb)
                if follows and verb.i - 1 >= view.start and verb.doc[verb.i - 1].lower_ in ("d'", "de"):
                    first = verb.i - 1
                    if first - 1 >= view.start and verb.doc[first - 1].lower_ == "et":
                        first -= 1
                    cue = _char_span(view, first, verb.i + 1)
            found.append(FoundQuote(view.offset + q.content[0], view.offset + q.content[1], "direct", cue, mention, follows))
            continue
        if _is_label(view, k):
            continue
        # 3. governed by a reporting verb earlier in the sentence
        verb = _governing_verb(view, k)
        if verb is not None:
            subject = subject_of(verb)
            mention = mention_from_head(subject, view.offset) if subject is not None else None
            cue = _cue(view, verb)
            clause = que_clause(view, verb)
            if clause is not None and clause[1] <= q.open_tok < clause[2]:
                first, end = clause[1], trim_end(view, clause[2])
                if (first, end) in done_clauses:
                    continue
                done_clauses.add((first, end))
                if first == q.open_tok and end - 1 <= q.close_tok:
                    found.append(FoundQuote(view.offset + q.content[0], view.offset + q.content[1], "direct", cue, mention))
                else:
                    s, e = _char_span(view, first, end)
                    found.append(FoundQuote(s, max(e, view.offset + q.content[1]) if not q.closed else e, "mixed", cue, mention))
                continue
            inf = infinitive_clause(view, verb)
            if inf is not None and inf[0] <= q.open_tok < inf[1]:
                first, end = inf[0], trim_end(view, inf[1])
                if (first, end) not in done_clauses:
                    done_clauses.add((first, end))
                    s, e = _char_span(view, first, end)
                    found.append(FoundQuote(s, e, "mixed", cue, mention))
                continue
            for child in verb.rights:
                if child.dep_ == "xcomp" and child.pos_ == "ADJ" and child.i < q.open_tok <= child.right_edge.i + 1:
                    first, end = child.i, trim_end(view, child.right_edge.i + 1)
                    if (first, end) not in done_clauses:
                        done_clauses.add((first, end))
                        s, e = _char_span(view, first, max(end, q.close_tok + 1))
                        found.append(FoundQuote(s, e, "mixed", cue, mention))
                    break
            else:
                found.append(FoundQuote(view.offset + q.content[0], view.offset + q.content[1], "mixed", cue, mention))
            continue
        # 4. floating
        if q.words >= _FLOATING_MIN_WORDS and _utterance_like(view, k):
            found.append(FoundQuote(view.offset + q.content[0], view.offset + q.content[1], "direct", None, None, True))
    return found
