"""The jump history: `backspace` goes back to where the reader was before the last jump.

Positions are stored as text offsets and claim ids, never as screen lines, so going back still
lands right after a resize re-wrapped the article or a new analysis replaced the claims. Pure.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Position:
    """Where the reader is: the first text offset on screen, the current claim, the focus."""

    top_offset: int
    claim_id: str | None = None
    focus: tuple[int, int] | None = None


class JumpHistory:
    """A bounded stack of positions, like a browser's back button."""

    def __init__(self, limit: int = 200) -> None:
        self._stack: list[Position] = []
        self._limit = limit

    def push(self, position: Position) -> None:
        """Remember `position` before a jump (a repeat of the last one is not stored twice)."""
        if self._stack and self._stack[-1] == position:
            return
        self._stack.append(position)
        if len(self._stack) > self._limit:
            del self._stack[0]

    def pop(self) -> Position | None:
        """The position before the last jump, forgotten once returned."""
        return self._stack.pop() if self._stack else None

    def __len__(self) -> int:
        return len(self._stack)
