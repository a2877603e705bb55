"""Reported clauses on the dependency parse: the "que" clause and the infinitive of a cue.

These give the content span of indirect and mixed statements: what follows "que" up to the
end of the clause, or the infinitive clause ("a déclaré vouloir …", "invite à boire …").
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import lexicon
from .sentences import SentenceView

_QUE = frozenset({"que", "qu'"})
_INFINITIVE_CUES = frozenset({
    "déclarer", "affirmer", "dire", "annoncer", "promettre", "assurer", "appeler", "inviter",
    "exhorter", "demander", "menacer", "estimer", "proposer", "reconnaître", "nier",
    "jurer", "conseiller", "recommander", "exiger", "réclamer", "plaider", "avouer", "prétendre",
    "invite", "appelle",
})
# verbs of intention report speech only when their infinitive is (partly) quoted
_INTENTION_CUES = frozenset({
    "souhaiter", "espérer", "vouloir", "prévoir", "refuser", "accepter", "envisager", "compter",
    "penser", "croire", "s'engager", "engager",
})


def que_clause(view: SentenceView, verb: Token) -> tuple[int, int, int] | None:
    """(que token, first clause token, end token exclusive) of the cue's que-clause, or None.

    The "que" must follow the verb with only its objects in between (no other verb, no
    strong punctuation), so "X a indiqué à son homologue Y que …" is found but a "que" of
    another clause is not.
    """
    doc = view.doc
    limit = min(view.end, verb.i + 14)
    j = verb.i + 1
    while j < limit:
        tok = doc[j]
        if tok.lower_ in _QUE and tok.dep_ in ("mark", "obj", "nsubj", "dep", "cc", "ccomp"):
            if not view.outside(tok):
                return None
            break
        if tok.text in (";", ":", ".", "!", "?") or tok.pos_ in ("VERB",) or (
            tok.pos_ == "AUX" and tok.head.i != verb.i
        ):
            if not (tok.pos_ == "VERB" and tok.dep_ == "xcomp" and tok.lemma_ in ("vouloir",)):
                return None
        if tok.lower_ in ("qui", "dont", "lequel", "laquelle", "si") or tok.text in ("«", "“", '"'):
            return None
        j += 1
    else:
        return None
    que = doc[j]
    if j + 1 >= view.end or not _complementizer(verb, que):
        return None
    end = view.end
    head = que.head
    if head.i > que.i:
        end = min(view.end, max(head.right_edge.i + 1, _last_conj_edge(head)))
    # the clause runs to the end of its sentence unless a ";" stops it
    for k in range(j + 1, view.end):
        if doc[k].text in (";", ":", ".", "!", "?") and view.outside(doc[k]) and k < view.end - 1:
            end = min(end, k)
            break
    else:
        end = max(end, _sentence_content_end(view))
    if _in_relative_gloss(verb):
        end = min(end, _main_clause_resumes(view, j + 1, end))
    return j, j + 1, end


_SUBORDINATING = frozenset({
    "afin", "pour", "avant", "après", "sans", "bien", "alors", "tandis", "parce", "dès",
    "pendant", "depuis", "sorte", "ainsi", "plutôt", "lors", "encore", "moins", "plus", "autant",
})
"""Words that make "que" part of a conjunction ("afin que", "bien que", "ainsi que"): the
clause it opens is a circumstance, not what the cue reports."""


def _complementizer(verb: Token, que: Token) -> bool:
    """Whether this "que" opens the cue's reported clause, not a relative clause ("les
    activités qu'il entend organiser"), a restriction ("ne rapporteront que 3 milliards")
    or a conjunction ("afin qu'il explique")."""
    doc = verb.doc
    if que.i > 0 and doc[que.i - 1].lower_ in _SUBORDINATING:
        return False
    if que.head.dep_ == "acl:relcl" and que.dep_ in ("obj", "nsubj", "obl"):
        return False
    negation = [c for c in verb.children if c.lower_ in ("ne", "n'", "n’")]
    if not negation:
        return True
    # "ne … pas" (before the participle in a compound tense: "n'a pas nié que") is a negated
    # cue, which still reports; a bare "ne … que" restricts
    return any(doc[k].lower_ in ("pas", "jamais", "plus", "rien", "point")
               for k in range(negation[0].i + 1, que.i) if k != verb.i)


def _in_relative_gloss(verb: Token) -> bool:
    """"X, qui a déclaré que …, votera contre": the cue sits in a relative set off by commas."""
    doc = verb.doc
    for child in verb.lefts:
        if child.lower_ == "qui" and child.dep_ in ("nsubj", "nsubj:pass"):
            return child.i > 0 and doc[child.i - 1].text == ","
    return False


def _main_clause_resumes(view: SentenceView, first: int, end: int) -> int:
    """The comma after which the main clause's verb comes back (", votera …", ", a présenté …")."""
    doc = view.doc
    for k in range(first, end - 1):
        if doc[k].text != "," or not view.outside(doc[k]):
            continue
        nxt = k + 1
        while nxt < end and doc[nxt].lower_ in ("ne", "n'", "y", "en", "se", "s'"):
            nxt += 1
        if nxt < end and doc[nxt].pos_ in ("VERB", "AUX") and doc[nxt].morph.get("VerbForm") == ["Fin"]:
            return k
    return end


def _last_conj_edge(head: Token) -> int:
    edge = head.right_edge.i + 1
    for child in head.children:
        if child.dep_ == "conj":
            edge = max(edge, child.right_edge.i + 1)
    return edge


def _sentence_content_end(view: SentenceView) -> int:
    end = view.end
    doc = view.doc
    while end > view.start + 1 and (doc[end - 1].is_space or doc[end - 1].text in ".!?…"):
        end -= 1
    return end


_CIRCUMSTANCE_MARKS = frozenset({"avant", "après", "pour", "sans", "afin", "lieu", "faute"})
"""Prepositions that make an infinitive a time, a purpose or a manner ("avant de poursuivre",
"pour protester", "sans préciser"), never the content of what the verb reports."""


def _circumstance(infinitive: Token) -> bool:
    return any(c.dep_ in ("mark", "case") and c.lower_ in _CIRCUMSTANCE_MARKS for c in infinitive.children)


def infinitive_clause(view: SentenceView, verb: Token) -> tuple[int, int] | None:
    """(first, end exclusive) tokens of the infinitive complement of a cue, or None."""
    lemma = verb.lemma_.lower()
    quoted_only = lemma in _INTENTION_CUES
    if not quoted_only and lemma not in _INFINITIVE_CUES and verb.lower_ not in _INFINITIVE_CUES \
            and lemma not in lexicon().tier1:
        return None
    doc = view.doc
    for child in verb.rights:
        if child.i > verb.i + 5:
            break
        if child.morph.get("VerbForm") == ["Inf"] and child.dep_ in ("xcomp", "ccomp", "obj", "obl:arg", "advcl", "conj") \
                and not _circumstance(child):
            first = child.i
            for t in child.subtree:
                if t.i < first and t.dep_ not in ("mark", "case") and t.i > verb.i:
                    first = t.i
            while first < child.i and doc[first].dep_ in ("mark", "case"):
                first += 1
            end = _last_conj_edge(child)
            for sibling in verb.rights:
                # "invite à boire, se rafraîchir et éviter …": the parser may hang the
                # coordinated infinitives on the cue; keep them when they follow on
                if sibling.i > child.i and sibling.dep_ == "conj" and sibling.pos_ == "VERB" \
                        and sibling.left_edge.i <= end + 2 \
                        and not any(c.dep_ in ("nsubj", "nsubj:pass") for c in sibling.children):
                    end = max(end, _last_conj_edge(sibling))
            end = min(view.end, end)
            if quoted_only and all(view.outside(doc[k]) for k in range(first, end)):
                return None
            return first, end
    return None


def trim_end(view: SentenceView, end: int) -> int:
    """Drop trailing punctuation tokens (except a closing quotation mark) from a token end."""
    doc = view.doc
    while end > view.start + 1 and doc[end - 1].is_punct and doc[end - 1].text not in ("»", "”", '"', ")", "]"):
        end -= 1
    return end
