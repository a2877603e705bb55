"""A sentence of a paragraph seen by the rules: its tokens and its quotation-mark pairs.

spaCy may split a sentence inside a quotation; sentences crossed by a quote are merged so
that a quote and its incise are always judged together.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .marks import INTERVIEWEE_LABELS, INTERVIEWER_LABELS, dialogue_turns, inner_span, pair_marks, speaker_label


@dataclass
class QuotePair:
    """One top-level quotation in a sentence: marks, inner content, tokens."""

    open_char: int
    close_char: int  # == len(text) when never closed
    content: tuple[int, int]
    open_tok: int
    close_tok: int  # token of the closing mark, or one past the last inner token
    words: int
    closed: bool
    turn: bool = False  # a dialogue turn opened by a dash; close_char is where it ends
    label: tuple[int, int] | None = None  # "Jean Dupont :" before a transcript turn (chars)


@dataclass
class SentenceView:
    """Token range [start, end) of a (merged) sentence and its quotations."""

    doc: Doc
    offset: int
    start: int
    end: int
    quotes: list[QuotePair] = field(default_factory=list)
    inside: dict[int, int] = field(default_factory=dict)  # token index -> quote number

    @property
    def first_char(self) -> int:
        """Offset of the sentence in its paragraph."""
        return self.doc[self.start].idx

    @property
    def last_char(self) -> int:
        """End of the sentence without its final punctuation and spaces."""
        end = self.end
        while end > self.start + 1 and (self.doc[end - 1].is_punct and self.doc[end - 1].text in ".!?;…" or self.doc[end - 1].is_space):
            end -= 1
        tok = self.doc[end - 1]
        return tok.idx + len(tok.text)

    def outside(self, token: Token) -> bool:
        """True when the token is neither a mark nor inside a quotation."""
        return token.i not in self.inside and not any(token.i in (q.open_tok, q.close_tok) for q in self.quotes)

    def quote_at(self, token_index: int) -> int:
        """Number of the quotation the token is inside, or -1."""
        return self.inside.get(token_index, -1)


_SENTENCE_ENDS = frozenset({".", "!", "?", "…", "»", "”", '"', ":", ";", "...", "!»", "?»"})


def _broken(doc: Doc, previous: list[int], current: list[int]) -> bool:
    """A sentence cut by the parser mid-way (after "Moody'" or before a lowercase word)."""
    if doc[previous[1] - 1].text == ":":
        return True  # what a colon announces belongs to its sentence
    first = doc[current[0]].text[:1]
    if first in ",;:)]" or first.islower():
        return True  # « … », a-t-il dit : the incise continues the sentence
    if doc[previous[1] - 1].text in _SENTENCE_ENDS:
        return False
    return previous[1] - previous[0] <= 4 or doc[current[0]].text[:1].islower()


def _token_at(starts: list[int], char: int) -> int:
    return max(0, bisect_right(starts, char) - 1)


def _labelled_turn(doc: Doc, text: str, starts: list[int]) -> QuotePair | None:
    """The turn of a transcript paragraph ("Jean Dupont : Nous …", "Q : …"): the label must
    be Q/R, a person the entity recogniser knows, or a name written in capitals."""
    found = speaker_label(text)
    if found is None:
        return None
    label_start, label_end, colon = found
    label = text[label_start:label_end]
    tokens = [t for t in doc if label_start <= t.idx < label_end and t.is_alpha]
    if not tokens:
        return None
    is_name = all(t.ent_type_ == "PER" for t in tokens) or all(t.text.isupper() and len(t.text) > 1 for t in tokens)
    if not (is_name or label.lower() in INTERVIEWER_LABELS | INTERVIEWEE_LABELS):
        return None
    content = inner_span(text, (colon, len(text)))
    open_tok = _token_at(starts, colon)
    if content is None or doc[open_tok].idx != colon or text[content[0]] in "«“\"":
        return None  # "Barack Obama : « … »" is a headline quotation, which the marks give
    words = sum(1 for t in doc[open_tok + 1:] if t.is_alpha)
    return QuotePair(colon, len(text), content, open_tok, len(doc), words, False, turn=True, label=(label_start, label_end))


def sentence_views(doc: Doc, offset: int) -> list[SentenceView]:
    """The paragraph's sentences, merged across quotations, each with its quote pairs."""
    text = doc.text
    if not len(doc):
        return []
    starts = [t.idx for t in doc]
    pairs = []
    turns = dialogue_turns(text)
    for open_char, close_char in pair_marks(text):
        if any(t_start <= open_char < t_end for t_start, t_end in turns):
            continue  # marks inside a turn are the speaker's own quoting
        content = inner_span(text, (open_char, close_char))
        if content is None:
            continue
        open_tok = _token_at(starts, open_char)
        closed = close_char < len(text)
        close_tok = _token_at(starts, close_char) if closed else len(doc)
        if close_tok <= open_tok:
            continue
        words = sum(1 for t in doc[open_tok + 1:close_tok] if t.is_alpha)
        # « opened at the start of a paragraph and not closed in it opens a dialogue whose
        # replies follow in dashes: a turn, with its incise inside
        opens_dialogue = not closed and not text[:open_char].strip()
        pairs.append(QuotePair(open_char, close_char, content, open_tok, close_tok, words, closed, turn=opens_dialogue))
    for open_char, close_char in turns:
        content = inner_span(text, (open_char, close_char))
        if content is not None and text[content[1] - 1] in "»”" and not any(
                ch in "«“" for ch in text[content[0]:content[1]]):
            # "— Pourquoi donc ? »": the mark closes the dialogue the « opened paragraphs ago
            content = inner_span(text, (open_char, content[1] - 1))
        open_tok = _token_at(starts, open_char)
        close_tok = _token_at(starts, close_char) if close_char < len(text) else len(doc)
        if content is None or close_tok <= open_tok + 1 or doc[open_tok].idx != open_char:
            continue
        words = sum(1 for t in doc[open_tok + 1:close_tok] if t.is_alpha)
        pairs.append(QuotePair(open_char, close_char, content, open_tok, close_tok, words, False, turn=True))
    if not turns:
        labelled = _labelled_turn(doc, text, starts)
        if labelled is not None:
            pairs = [p for p in pairs if p.open_char > labelled.open_char] + [labelled]
    pairs.sort(key=lambda p: p.open_char)
    bounds = [[s.start, s.end] for s in doc.sents]
    merged: list[list[int]] = []
    for b in bounds:
        if merged and (any(p.open_tok < merged[-1][1] <= p.close_tok for p in pairs)
                       or _broken(doc, merged[-1], b)):
            merged[-1][1] = b[1]
        else:
            merged.append(b)
    views = []
    for start, end in merged:
        view = SentenceView(doc, offset, start, end)
        for p in pairs:
            if start <= p.open_tok < end:
                view.quotes.append(p)
                for i in range(p.open_tok + 1, min(p.close_tok, end)):
                    view.inside[i] = len(view.quotes) - 1
        views.append(view)
    return views
