"""Step 1 of attribution: reduce one paragraph's Doc to light `ParagraphFindings`.

Runs the rules sentence by sentence (source adverbials, quotations, reported clauses),
keeps the first statement where two overlap, and records the subject mentions that the
document-level resolution needs for pronouns and short descriptions.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from .direct import find_quotes
from .aliases import paragraph_aliases
from .cues import subject_of
from .mentions import mention_from_head, plausible_source
from .reported import find_reported
from .selon import find_selon
from .sentences import sentence_views
from .types import FoundQuote, Mention, ParagraphFindings

_SUBJ = frozenset({"nsubj", "nsubj:pass"})


def _overlaps(a: FoundQuote, b: FoundQuote) -> bool:
    return a.start < b.end and b.start < a.end


_NARRATIVE_PRONOUNS = frozenset({"il", "elle"})
"""Subject pronouns of the narrative, linked to the person they continue: the speaker of a
later quotation is then known by them too, and they keep that person salient."""


def _subject_mentions(doc: Doc, offset: int, quoted: set[int]) -> list[Mention]:
    """Subjects and named people/organisations: antecedents for pronouns and roles.

    Words inside quotations are the quoted person's, not the article's: they are skipped.
    """
    out: list[Mention] = []
    seen: set[int] = set()
    for tok in doc:
        if tok.i in quoted:
            continue
        if (tok.dep_ in _SUBJ and (tok.pos_ in ("NOUN", "PROPN") or tok.lower_ in _NARRATIVE_PRONOUNS)) or (
            tok.ent_iob_ == "B" and tok.ent_type_ in ("PER", "ORG")
        ) or (tok.dep_ == "appos" and tok.pos_ == "PROPN"):
            head = tok
            if head.dep_ == "appos" and head.head.pos_ == "NOUN":
                head = head.head
            if head.i in seen:
                continue
            seen.add(head.i)
            mention = mention_from_head(head, offset)
            if mention is not None and (not mention.pronoun or mention.text.lower() in _NARRATIVE_PRONOUNS):
                out.append(replace(mention, subject=tok.dep_ in _SUBJ))
    return out


def _closing_end(doc: Doc, end: int, offset: int) -> int:
    """Just after the closing mark that follows a quotation's content, if there is one."""
    text = doc.text
    i = end - offset
    while i < len(text) and text[i] == " ":
        i += 1
    return offset + i + 1 if i < len(text) and text[i] in "»”\"" else end


def extract_paragraph(doc: Doc, offset: int) -> ParagraphFindings:
    """The statements and mentions of one paragraph (offsets in the normalised text).

    The rules need the dependency parse; a pipeline without a parser yields no statements.
    """
    found: list[FoundQuote] = []
    if not len(doc) or not doc.has_annotation("DEP"):
        return ParagraphFindings(offset, len(doc.text), (), ())
    inside_quotes: set[int] = set()
    for view in sentence_views(doc, offset):
        inside_quotes.update(view.inside)
        claimed: set[int] = set()
        local: list[FoundQuote] = []
        selon = find_selon(view, claimed)
        quoted = find_quotes(view, claimed)
        anchored = [q for q in quoted if q.turn or not (q.follows_previous and q.cue is None)]
        floating = [q for q in quoted if not q.turn and q.follows_previous and q.cue is None]
        for item in selon + anchored + find_reported(view):
            if item.end > item.start and not any(_overlaps(item, other) for other in local):
                local.append(item)
        for item in floating:
            if any(_overlaps(item, other) for other in local):
                continue
            before = [other for other in local if other.end <= item.start and other.type != "direct"]
            if before:
                # a quotation later in a reported sentence belongs to that statement
                last = max(before, key=lambda other: other.end)
                local[local.index(last)] = replace(last, end=_closing_end(doc, item.end, offset), type="mixed")
            else:
                local.append(item)
        found.extend(sorted(local, key=lambda q: q.start))
    found = [_with_self_mentions(doc, offset, q) for q in found]
    return ParagraphFindings(offset, len(doc.text), tuple(found), tuple(_subject_mentions(doc, offset, inside_quotes)),
                             tuple(paragraph_aliases(doc, offset, inside_quotes)),
                             introduces=doc.text.rstrip().endswith(":"), introducer=_introducer(doc, offset))


FIRST_PERSON_SUBJECTS = frozenset({"je", "j'", "j’"})


def _introducer(doc: Doc, offset: int) -> Mention | None:
    """Who a paragraph ending on a colon announces: the subject of the verb the colon hangs
    on ("Oncle meunier me dit tranquillement :", "Puis il rendit le papier en disant :"), or
    the narrator ("je répondis :"). A subject that cannot speak ("Cette exclamation lui
    échappa :") announces no one."""
    last = len(doc) - 1
    while last > 0 and doc[last].is_space:
        last -= 1
    if last <= 0 or doc[last].text != ":":
        return None
    verb = doc[last].head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for child in verb.children:
        if child.dep_ in _SUBJ and child.lower_ in FIRST_PERSON_SUBJECTS:
            return Mention(offset + child.idx, offset + child.idx + len(child.text), child.text, "je", pronoun=True, subject=True)
    subject = subject_of(verb)
    mention = mention_from_head(subject, offset) if subject is not None else None
    if mention is None or not plausible_source(mention):
        return None
    return replace(mention, subject=True)


_FIRST_PERSON = frozenset({"je", "j'", "j’", "me", "m'", "m’", "moi"})


def _with_self_mentions(doc: Doc, offset: int, quote: FoundQuote) -> FoundQuote:
    """A direct quotation's "je" and "moi" are its speaker: mentions of whoever says it."""
    if quote.type != "direct":
        return quote
    spans = tuple(
        (offset + t.idx, offset + t.idx + len(t.text))
        for t in doc.char_span(quote.start - offset, quote.end - offset, alignment_mode="expand") or ()
        if t.lower_ in _FIRST_PERSON
    )
    return replace(quote, self_mentions=spans) if spans else quote
