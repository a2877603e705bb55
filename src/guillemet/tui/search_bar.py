"""The search bar: an input at the bottom that finds text in the article as you type.

It posts `SearchChanged` on every change (the app finds the matches: a regex over the text, a
few milliseconds even for a book) and `SearchSubmitted` on enter; escape closes it.
"""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """The `/` search input (see the module docstring)."""

    class SearchChanged(Message):
        """The query changed."""

        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class SearchSubmitted(Message):
        """The reader pressed enter (or escape: `cancelled`)."""

        def __init__(self, query: str, cancelled: bool = False) -> None:
            super().__init__()
            self.query = query
            self.cancelled = cancelled

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="Search the article…", id=id)

    def on_input_changed(self, event: Input.Changed) -> None:
        """Report the query as it changes."""
        event.stop()
        self.post_message(self.SearchChanged(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Report enter."""
        event.stop()
        self.post_message(self.SearchSubmitted(event.value))

    def on_key(self, event: events.Key) -> None:
        """Escape cancels the search."""
        if event.key == "escape":
            event.stop()
            event.prevent_default()
            self.post_message(self.SearchSubmitted(self.value, cancelled=True))
