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
from .mentions import mention_from_head
from .reported import find_reported
from .selon import find_selon
from .sentences import sentence_views
from .types import FoundQuote, Mention, ParagraphFindings

_SUBJ = frozenset({"nsubj", "nsubj:pass"})


def _overlaps(a: FoundQuote, b: FoundQuote) -> bool:
    return a.start < b.end and b.start < a.end


def _subject_mentions(doc: Doc, offset: int, quoted: set[int]) -> list[Mention]:
    """Subjects and named people/organisations: antecedents for pronouns and roles.

    Words inside quotations are the quoted person's, not the article's: they are skipped.
    """
    out: list[Mention] = []
    seen: set[int] = set()
    for tok in doc:
        if tok.i in quoted:
            continue
        if (tok.dep_ in _SUBJ and tok.pos_ in ("NOUN", "PROPN")) or (
            tok.ent_iob_ == "B" and tok.ent_type_ in ("PER", "ORG")
        ) or (tok.dep_ == "appos" and tok.pos_ == "PROPN"):
            head = tok
            if head.dep_ == "appos" and head.head.pos_ == "NOUN":
                head = head.head
            if head.i in seen:
                continue
            seen.add(head.i)
            mention = mention_from_head(head, offset)
            if mention is not None and not mention.pronoun:
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
        anchored = [q for q in quoted if not (q.follows_previous and q.cue is None)]
        floating = [q for q in quoted if q.follows_previous and q.cue is None]
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
    return ParagraphFindings(offset, len(doc.text), tuple(found), tuple(_subject_mentions(doc, offset, inside_quotes)),
                             tuple(paragraph_aliases(doc, offset, inside_quotes)))
