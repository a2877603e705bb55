"""Re-anchoring: annotations follow their text when the article changes, or become orphans.

"Right" is defined strictly: an annotation placed exactly or by quote sits on text equal to its
stored exact quote; one placed approximately is marked so, with a score that is really the
similarity of the text it sits on and at least the minimum; anything else is an orphan, with
no position at all. The property tests check that after random edits.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from guillemet.annotations.anchoring import MIN_APPROXIMATE_LENGTH, MIN_SCORE, anchor
from guillemet.annotations.model import AnchorState, Annotation, Body

TEXT = (
    "Le ministre a dit « nous sommes prêts » hier. Le porte-parole a dit « nous sommes prêts » "
    "aussi, ajoute le communiqué publié par le ministère.\n"
    "« Il existe des informations sur une piste ukrainienne », a souligné Sergueï Choïgou."
)


def note_on(text: str, needle: str, occurrence: int = 0) -> Annotation:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return Annotation.create(text, start, start + len(needle), "commenting", Body(note="n"))


def placed_text(annotation: Annotation, text: str) -> str:
    assert annotation.span is not None
    start, end = annotation.span
    return text[start:end]


def test_unchanged_text_is_exact_at_the_same_place() -> None:
    note = note_on(TEXT, "nous sommes prêts", 1)
    placed = anchor(note, TEXT)
    assert placed.anchor is not None and placed.anchor.state is AnchorState.EXACT
    assert placed.span == (note.target.position.start, note.target.position.end)


def test_text_inserted_before_moves_the_annotation_by_quote() -> None:
    note = note_on(TEXT, "piste ukrainienne")
    edited = "Mise à jour : " + TEXT
    placed = anchor(note, edited)
    assert placed.anchor.state is AnchorState.QUOTE
    assert placed.span == (note.target.position.start + 14, note.target.position.end + 14)
    assert placed.target.position.start == placed.span[0]  # the stored position follows


def test_the_occurrence_is_chosen_by_its_context_not_by_closeness() -> None:
    note = note_on(TEXT, "nous sommes prêts", 1)  # the spokesman's, not the minister's
    # Delete the text between the two, so the minister's occurrence is now nearer the old position.
    first_end = TEXT.index("hier.") + len("hier.")
    second = TEXT.index("Le porte-parole")
    edited = TEXT[:first_end] + " Bref. " + TEXT[second:]
    placed = anchor(note, edited)
    assert placed.anchor.state is AnchorState.QUOTE
    start, _ = placed.span
    assert edited[:start].endswith("Le porte-parole a dit « ")


def test_a_reworded_quote_is_placed_approximately_with_its_score() -> None:
    note = note_on(TEXT, "Il existe des informations sur une piste ukrainienne")
    edited = TEXT.replace("des informations sur", "des indications sur")
    placed = anchor(note, edited)
    assert placed.anchor.state is AnchorState.APPROXIMATE
    assert placed.anchor.score >= MIN_SCORE
    assert placed.anchor.score == fuzz.ratio(note.target.quote.exact, placed_text(placed, edited))
    assert "piste ukrainienne" in placed_text(placed, edited)
    assert placed.target == note.target  # what the reader annotated is kept as it was


def test_removed_text_makes_an_orphan_that_is_kept() -> None:
    note = note_on(TEXT, "Il existe des informations sur une piste ukrainienne")
    edited = TEXT[: TEXT.index("\n")]
    placed = anchor(note, edited)
    assert placed.anchor.state is AnchorState.ORPHAN
    assert placed.span is None and placed.is_orphan
    assert placed.target == note.target and placed.body == note.body


def test_short_quotes_are_never_placed_approximately() -> None:
    note = note_on(TEXT, "hier")
    placed = anchor(note, TEXT.replace("hier", "hiver"))
    assert placed.anchor.state is AnchorState.ORPHAN


def test_reattaching_an_orphan_pins_it_to_the_chosen_text() -> None:
    note = anchor(note_on(TEXT, "hier"), "rien de tout cela")
    assert note.is_orphan
    again = note.reattached("rien de tout cela", 8, 12)
    assert again.span == (8, 12) and again.target.quote.exact == "tout"
    assert again.modified > note.modified and again.id == note.id


# Property tests --------------------------------------------------------------------------

WORDS = ["le", "la", "ministre", "a", "dit", "que", "nous", "sommes", "prêts", "«", "»", "Paris", "Moscou", "\n"]


def joined(words: list[str]) -> str:
    return " ".join(words)


texts = st.lists(st.sampled_from(WORDS), min_size=3, max_size=60).map(joined)
insertions = st.lists(st.sampled_from(WORDS + ["Choïgou", "l’attentat", "x"]), min_size=1, max_size=8).map(
    lambda words: " " + joined(words) + " "
)


@st.composite
def edits(draw: st.DrawFn, text: str) -> str:
    """`text` after one random edit: an insertion, a deletion or a replacement."""
    kind = draw(st.sampled_from(["insert", "delete", "replace", "single char"]))
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, min(len(text), start + 40)))
    if kind == "insert":
        return text[:start] + draw(insertions) + text[start:]
    if kind == "delete":
        return text[:start] + text[end:]
    if kind == "single char":
        return text[:start] + draw(st.sampled_from("aeéx ")) + text[start + 1 :]
    return text[:start] + draw(insertions) + text[end:]


@st.composite
def annotated_then_edited(draw: st.DrawFn) -> tuple[str, Annotation, str]:
    text = draw(texts)
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    note = Annotation.create(text, start, end, "commenting", Body(note="n"))
    edited = text
    for _ in range(draw(st.integers(0, 3))):
        edited = draw(edits(edited))
    return text, note, edited


@settings(max_examples=300, deadline=None)
@given(annotated_then_edited())
def test_an_annotation_is_placed_right_or_kept_as_an_orphan(case: tuple[str, Annotation, str]) -> None:
    original, note, edited = case
    placed = anchor(note, edited)
    state = placed.anchor.state
    exact = note.target.quote.exact
    if state in (AnchorState.EXACT, AnchorState.QUOTE):
        assert placed_text(placed, edited) == exact
    elif state is AnchorState.APPROXIMATE:
        assert len(exact) >= MIN_APPROXIMATE_LENGTH
        assert placed.anchor.score >= MIN_SCORE
        assert placed.anchor.score == fuzz.ratio(exact, placed_text(placed, edited))
    else:
        assert placed.span is None
    if state is AnchorState.EXACT:
        assert placed.span == (note.target.position.start, note.target.position.end)
    assert placed.id == note.id and placed.body == note.body
    if edited == original:
        assert state is AnchorState.EXACT


@settings(max_examples=200, deadline=None)
@given(texts, st.data())
def test_an_edit_away_from_the_annotation_keeps_it_on_its_own_text(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    note = Annotation.create(text, start, end, "commenting", Body(note="n"))
    quote = note.target.quote
    # One insertion or deletion outside the annotation and its stored context.
    before = data.draw(st.booleans())
    if before:
        cut = data.draw(st.integers(0, start - len(quote.prefix)))
        edited, shift = text[:cut] + " Paris " + text[cut:], 7
    else:
        cut = data.draw(st.integers(end + len(quote.suffix), len(text)))
        edited, shift = text[:cut] + " Paris " + text[cut:], 0
    context_whole = quote.prefix + quote.exact + quote.suffix
    placed = anchor(note, edited)
    occurrences = sum(edited.startswith(context_whole, i) for i in range(len(edited)))
    if occurrences == 1:  # otherwise even a human could not tell which
        assert placed.span == (start + shift, end + shift)
    assert placed_text(placed, edited) == quote.exact
