"""Pairing quotation marks in a paragraph, whatever state the typography is in.

French news mixes « » (with or without non-breaking spaces), “ ” and straight " ". Novels and
interviews also give speech in dialogue turns, opened by a dash instead of a mark
(`dialogue_turns`).
Pairs are found with a stack so that nested marks (« … “ … ” … ») give one outer quote;
a closing mark with no opener is ignored, and an opener never closed in its paragraph
runs to the paragraph's end (a quote continued in the next paragraph). Never raises.
"""

from __future__ import annotations

_OPENERS = {"«": "»", "“": "”", "„": "“"}
_CLOSERS = {"»": "«", "”": "“"}
_OPEN_CONTEXT = frozenset(" \t\n([{—–-:;,'/«“")


def pair_marks(text: str) -> list[tuple[int, int]]:
    """Top-level (open index, close index) pairs; close == len(text) when never closed."""
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for i, ch in enumerate(text):
        if ch in _OPENERS and not (ch == "“" and any(o == "„" for o, _ in stack)):
            stack.append((ch, i))
        elif ch in _CLOSERS or (ch == "“" and stack):
            want = _CLOSERS.get(ch, "„")
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == want:
                    pairs.append((stack[depth][1], i))
                    del stack[depth:]
                    break
        elif ch == '"':
            depth = next((d for d in range(len(stack) - 1, -1, -1) if stack[d][0] == '"'), -1)
            if depth >= 0 and not (i > 0 and text[i - 1] in " \t(" and i + 1 < len(text)
                                   and text[i + 1].isalnum()):
                pairs.append((stack[depth][1], i))
                del stack[depth:]
            elif i == 0 or text[i - 1] in _OPEN_CONTEXT:
                stack.append((ch, i))
    for opener, i in stack[:1]:
        if opener == "«" or opener == "“":
            pairs.append((i, len(text)))
    pairs.sort()
    top: list[tuple[int, int]] = []
    for start, end in pairs:
        if top and start < top[-1][1]:
            continue
        top.append((start, end))
    return top


def inner_span(text: str, pair: tuple[int, int]) -> tuple[int, int] | None:
    """The content strictly inside the marks, without surrounding spaces; None if empty."""
    start, end = pair[0] + 1, pair[1]
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


TURN_DASHES = "—–"
"""The em and en dashes that open a dialogue turn ("— Cela sera-t-il bien long ?")."""

_REPLY_BEFORE = ".!?…"


def dialogue_turns(text: str) -> list[tuple[int, int]]:
    """(dash index, end) of each dialogue turn of a paragraph: a paragraph opened by a dash
    (or by "- " as plain-text writers type it), and each new reply a dash opens after a
    sentence end within it ("— Venez. — Non, merci."), also in a paragraph of narrative when a
capital follows ("Il se leva. — Venez, dit-il."). A dash inside a sentence is an aside
    ("il partit — trop tard — vers Lyon"), no turn. The end is the next turn's dash or the
    end of the paragraph."""
    lead = len(text) - len(text.lstrip())
    if lead >= len(text):
        return []
    opened = text[lead] in TURN_DASHES or text.startswith("- ", lead)
    starts = [lead] if opened else []
    for i in range(lead + 1, len(text) - 2):
        if text[i] in TURN_DASHES and text[i - 1].isspace() and text[i + 1].isspace():
            k = i - 1
            while k > lead and text[k].isspace():
                k -= 1
            ends_reply = text[k] in _REPLY_BEFORE or opened and text[k] in "»”"
            if ends_reply and (text[i + 2:i + 3].isupper() or text[i + 2:i + 3] in "«“"):
                starts.append(i)  # "? – continua le domestique" is an incise, no reply
    if not starts:
        return []
    ends = starts[1:] + [len(text)]
    return list(zip(starts, ends))


INTERVIEWER_LABELS = frozenset({"q", "question"})
INTERVIEWEE_LABELS = frozenset({"r", "réponse"})
_LABEL_MAX_WORDS = 5


def speaker_label(text: str) -> tuple[int, int, int] | None:
    """(start, end, colon index) of the speaker label of a transcript or interview paragraph:
    "Jean Dupont : Nous …", "JEAN DUPONT : …", "M. Dupont : …", "Q : …", "R : …". The label
    is a few capitalised words before a colon with words after it; whether it names a person
    is for the caller, who has the entities, to say."""
    colon = text.find(":")
    if colon <= 0 or not text[colon + 1:].strip():
        return None
    label = text[:colon].strip()
    start = text.index(label[0]) if label else 0
    words = label.replace("*", " ").split()
    if not words or len(words) > _LABEL_MAX_WORDS or any(ch in label for ch in "«»“”\"(),;!?0123456789"):
        return None
    if label.lower() in INTERVIEWER_LABELS | INTERVIEWEE_LABELS:
        return start, start + len(label), colon
    if not all(w[:1].isupper() or w.lower() in ("de", "d'", "du", "von", "van", "le", "la") for w in words):
        return None
    return start, start + len(label), colon
