"""The reader's moves: claims, speakers, sources, entities, search matches and the way back.

A mixin of `ReaderScreen`, kept apart so the screen's file holds its state and wiring and this
one what the keys do. Every move only sets the screen's state (`current_claim`,
`filter_speaker`, `search_results`, `current_match`) and scrolls; the screen's watchers bring
the view, the speakers panel and the status line in line with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from guillemet.analysis.models import Quote
from guillemet.reading.history import JumpHistory, Position
from guillemet.reading.search import SearchResults

if TYPE_CHECKING:
    from guillemet.article import Article
    from guillemet.reading.model import ReadingModel
    from guillemet.tui.article_view import ArticleView


class ReaderMoves:
    """The key actions that move the reader (the host is a `ReaderScreen`)."""

    article: Article
    model: ReadingModel
    analysis: Any
    history: JumpHistory
    current_claim: int | None
    filter_speaker: str | None
    search_results: SearchResults | None
    current_match: int | None
    article_view: ArticleView
    app: Any

    @property
    def current_quote(self) -> Quote | None:
        """The current claim as a `Quote`, or None."""
        index = self.current_claim
        if index is None or index >= len(self.model.claims):
            return None
        return self.model.claims[index]

    def position(self) -> Position:
        """Where the reader is now (for the jump history)."""
        quote = self.current_quote
        view = self.article_view
        return Position(view.top_offset, quote.id if quote else None, view.focus_span)

    def go_to_claim(self, claim: int | None, remember: bool = True) -> None:
        """Make `claim` current and centre it (the previous place goes into the history)."""
        if claim is None:
            return
        if remember:
            self.history.push(self.position())
        self.article_view.set_focus_span(None)
        self.current_claim = claim
        quote = self.model.claims[claim]
        self.article_view.scroll_to_span(quote.start, quote.end)

    def go_to_span(self, start: int, end: int, centre: bool = True) -> None:
        """Jump to `text[start:end]` and mark it (with history)."""
        self.history.push(self.position())
        self.article_view.set_focus_span((start, end))
        if centre or not self.is_visible(start, end):
            self.article_view.scroll_to_span(start, end)

    def is_visible(self, start: int, end: int) -> bool:
        """Whether `text[start:end]` is on screen whole."""
        view = self.article_view
        if view.text_layout is None:
            return False
        lines = view.text_layout.lines_of(start, max(start + 1, end))
        top = int(view.scroll_offset.y)
        return top <= lines.start and lines.stop <= top + view.scrollable_content_region.height

    def refuse(self, message: str) -> None:
        """A key that cannot do anything here: a bell and one line saying what to do."""
        self.app.bell()
        self.app.notify(message, timeout=3)

    # -- claims and speakers -------------------------------------------------------------------

    def _step(self, forward: bool, speaker_id: str | None) -> None:
        if not self.model.claims:
            self.refuse("The claims are not known yet: the analysis is running." if self.analysis is None
                        else "No claims in this article.")
            return
        current = self.current_claim if self.claim_on_screen() else None
        claim, wrapped = self.model.step_claim(current, self.article_view.top_offset, forward, speaker_id)
        if claim is None:
            self.app.bell()
            return
        only = speaker_id is not None and claim == self.current_claim and len(self.model.claims_of(speaker_id)) == 1
        self.go_to_claim(claim)
        if only:
            row = self.model.speaker_row(speaker_id)
            self.app.notify(f"This is {row.name if row else 'this speaker'}'s only claim.", timeout=3)
        elif wrapped:
            self.app.notify(f"Back to the {'first' if forward else 'last'} claim.", timeout=2)

    def claim_on_screen(self) -> bool:
        """Whether some line of the current claim is in the view. When it is not (the reader
        scrolled away: `g`, page keys, the mouse), `n` and `p` go on from the view's top
        instead of from a claim out of sight."""
        quote = self.current_quote
        view = self.article_view
        if quote is None or view.text_layout is None:
            return False
        lines = view.text_layout.lines_of(quote.start, max(quote.start + 1, quote.end))
        top = int(view.scroll_offset.y)
        return lines.start < top + view.scrollable_content_region.height and lines.stop > top

    def action_next_claim(self) -> None:
        """`n`: the next claim in reading order (within the speaker filter)."""
        self._step(True, self.filter_speaker)

    def action_previous_claim(self) -> None:
        """`p`: the previous claim in reading order (within the speaker filter)."""
        self._step(False, self.filter_speaker)

    def _same_speaker(self, forward: bool) -> None:
        quote = self.current_quote
        if quote is None or quote.speaker is None:
            self.refuse("Choose a claim with a known speaker first (n, p).")
            return
        self._step(forward, quote.speaker.id)

    def action_next_same_speaker(self) -> None:
        """`]`: the next claim by the current claim's speaker."""
        self._same_speaker(True)

    def action_previous_same_speaker(self) -> None:
        """`[`: the previous claim by the current claim's speaker."""
        self._same_speaker(False)

    def action_source(self) -> None:
        """`s`: the current claim's speaker mention; again: the speaker's first mention."""
        quote = self.current_quote
        if quote is None:
            self.refuse("Choose a claim first (n, p), then s goes to its source.")
            return
        mention = quote.speaker_mention
        first = self.model.first_mention(quote.speaker.id) if quote.speaker else None
        if mention is not None and self.article_view.focus_span != (mention.start, mention.end):
            target = mention
        elif first is not None:
            target = first
        else:
            self.refuse("This claim's speaker is not named in the text.")
            return
        self.go_to_span(target.start, target.end)

    def action_back(self) -> None:
        """`backspace`: back to the position before the last jump."""
        position = self.history.pop()
        if position is None:
            self.app.bell()
            return
        self.current_claim = self.model.claim_index(position.claim_id) if position.claim_id else None
        self.article_view.set_focus_span(position.focus)
        self.article_view.scroll_to_offset(position.top_offset)

    def action_clear(self) -> None:
        """Escape: clear the selection, the search and the speaker filter."""
        self.article_view.set_selection(None, None)
        self.article_view.set_focus_span(None)
        self.search_results = None
        self.filter_speaker = None

    # -- entities -----------------------------------------------------------------------------

    def _entity(self, forward: bool) -> None:
        view = self.article_view
        if view.focus_span is not None:
            reference = view.focus_span[0]
        elif self.current_quote is not None:
            reference = self.current_quote.start
        else:
            reference = view.top_offset - 1 if forward else view.top_offset
        index = self.model.step_entity(reference, forward)
        if index is None:
            self.app.bell()
            return
        entity = self.model.entities[index]
        self.go_to_span(entity.start, entity.end, centre=False)

    def action_next_entity(self) -> None:
        """`e`: the next named entity."""
        self._entity(True)

    def action_previous_entity(self) -> None:
        """`E`: the previous named entity."""
        self._entity(False)

    # -- search matches ------------------------------------------------------------------------

    def step_match(self, forward: bool) -> None:
        """Go to the next (previous) match of the search."""
        results = self.search_results
        if results is None or not len(results):
            self.app.bell()
            return
        current = self.current_match
        reference = results.starts[current] if current is not None else self.article_view.top_offset - 1
        index = results.step(reference, forward)
        if index is None:
            return
        self.current_match = index
        start = results.starts[index]
        self.go_to_span(start, start + results.length, centre=not self.is_visible(start, start + 1))

    def action_next_match(self) -> None:
        """`.`: the next match of the search."""
        self.step_match(True)

    def action_previous_match(self) -> None:
        """`,`: the previous match of the search."""
        self.step_match(False)

    def action_start_selection(self) -> None:
        """`v`: start a keyboard selection."""
        self.article_view.start_selection()
