"""Who speaks an untagged dialogue turn: the exchange it belongs to decides.

Novels and interviews tag a reply only now and then ("— Oui, dit-il."); the replies between
are understood from the turn-taking. The rules, in order:
1. a turn right after a paragraph that ends on a colon ("Cette exclamation lui échappa :")
   is spoken by the subject that paragraph was about;
2. a turn that calls someone by name ("Tu viens, Pauline ?") is answered by that person;
3. in an exchange, untagged turns alternate: the reply goes to the last other voice heard;
4. when one voice only has been heard, the other is the person named last who is not it.
An exchange ends after a long stretch of narrative, or a few paragraphs without a turn.
"""

from __future__ import annotations

from typing import Generic, TypeVar

Voice = TypeVar("Voice")

_NARRATIVE_BREAK_CHARS = 400
"""A paragraph of narrative this long ends the exchange: the next turn starts a new one."""

_NARRATIVE_BREAK_PARAGRAPHS = 3
"""So do this many paragraphs in a row without a turn."""


class Exchange(Generic[Voice]):
    """The voices of the dialogue being read, the latest last."""

    def __init__(self) -> None:
        self.voices: list[Voice] = []
        self.addressed: Voice | None = None  # called by name in the last turn: answers next
        self._quiet = 0

    def heard(self, voice: Voice) -> None:
        """A turn spoken by `voice` (the two halves of a turn around its incise count once)."""
        self._quiet = 0
        self.addressed = None
        if not self.voices or self.voices[-1] is not voice:
            self.voices.append(voice)

    def narrative(self, length: int) -> None:
        """A paragraph without a turn was read."""
        self._quiet += 1
        self.addressed = None
        if length >= _NARRATIVE_BREAK_CHARS or self._quiet >= _NARRATIVE_BREAK_PARAGRAPHS:
            self.voices.clear()

    @property
    def last(self) -> Voice | None:
        return self.voices[-1] if self.voices else None

    def reply(self) -> Voice | None:
        """The voice an untagged reply alternates to: the last one heard before the last."""
        last = self.last
        for voice in reversed(self.voices[:-1]):
            if voice is not last:
                return voice
        return None
