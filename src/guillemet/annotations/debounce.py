"""Saving on every change without writing on every keystroke.

`DebouncedSaver` has no timer of its own, so it fits any UI loop: the UI calls `mark_dirty()`
after each change and `flush_if_due()` from a periodic tick (Textual's `set_interval`, say),
and `flush()` when closing. A save happens once changes have been quiet for `delay` seconds,
or at the latest `max_delay` seconds after the first unsaved change, so a reader who keeps
typing still gets saved. Thread-safe: the save may run in a worker thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class DebouncedSaver:
    """Call `save` once changes settle; see the module docstring for the protocol."""

    def __init__(
        self,
        save: Callable[[], object],
        delay: float = 0.5,
        max_delay: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._save = save
        self.delay = delay
        self.max_delay = max_delay
        self._clock = clock
        self._lock = threading.Lock()
        self._first_change: float | None = None
        self._last_change: float | None = None

    @property
    def pending(self) -> bool:
        """Whether changes are waiting to be saved."""
        return self._first_change is not None

    def mark_dirty(self, now: float | None = None) -> None:
        """Record a change: the save is due `delay` seconds from now (or at `max_delay`)."""
        now = self._clock() if now is None else now
        with self._lock:
            if self._first_change is None:
                self._first_change = now
            self._last_change = now

    def due(self, now: float | None = None) -> bool:
        """Whether a save should happen now."""
        now = self._clock() if now is None else now
        with self._lock:
            if self._first_change is None or self._last_change is None:
                return False
            return now - self._last_change >= self.delay or now - self._first_change >= self.max_delay

    def flush_if_due(self, now: float | None = None) -> bool:
        """Save if due. True if `save` was called."""
        if not self.due(now):
            return False
        return self.flush()

    def flush(self) -> bool:
        """Save now if anything is pending (on quit). True if `save` was called.

        If `save` raises, the changes stay pending and the error propagates.
        """
        with self._lock:
            if self._first_change is None:
                return False
            first, last = self._first_change, self._last_change
            self._first_change = self._last_change = None
        try:
            self._save()
        except BaseException:
            with self._lock:  # keep them pending, unless newer changes already are
                if self._first_change is None:
                    self._first_change, self._last_change = first, last
            raise
        return True
