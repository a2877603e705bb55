"""`kill` (SIGTERM) and a closed terminal window (SIGHUP) end the reader as `q` does.

Python's default for both signals is to die on the spot: the debounced save of the last note
never happens, and the terminal stays in the alternate screen with mouse reporting on. While a
reader runs, the signals are forwarded to its event loop (`forward_to_loop`), which saves and
closes the app the normal way, so Textual gives the terminal back. Before and between readers
(loading the articles, the first screen), a signal raises `ClosedBySignal` instead, so that
the `with` blocks holding the terminal undo what they did.

A closed window does not always send SIGHUP to the reader: the kernel sends it to the session's
leader, and when that is not the reader's shell but, say, `make run`, the reader is never told.
Its terminal then reads as end of file forever (Textual's input thread spins on it), so the
reader also checks, once a second, that its terminal is still one (`watch_terminal`), and closes
as for SIGHUP when it is gone.

The exit status is then the one a shell reports for a death by that signal (128 + its number):
a script still sees how the command ended. Nothing here imports Textual: the read command sets
this up before the first paint.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from collections.abc import Callable, Iterator
from typing import Any

CLOSING_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))
HANGUP = getattr(signal, "SIGHUP", signal.SIGTERM)
TERMINAL_CHECK_SECONDS = 1.0
"""How often a running reader checks that its terminal is still there (one `isatty` a stream)."""


def status_after(signum: int) -> int:
    """The exit status for a command ended by signal `signum`, as a shell reports it."""
    return 128 + signum


class ClosedBySignal(Exception):
    """A closing signal arrived while no reader was running."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"closed by signal {signum}")
        self.signum = signum

    @property
    def status(self) -> int:
        """The command's exit status."""
        return status_after(self.signum)


def _install(handler: Callable[[int, Any], None]) -> Callable[[], None]:
    """Make `handler` the closing signals' handler; returns what puts the previous ones back.
    Outside the main thread signals cannot be handled: nothing changes then."""
    previous: dict[int, Any] = {}
    try:
        for signum in CLOSING_SIGNALS:
            previous[signum] = signal.signal(signum, handler)
    except ValueError:  # not the main thread
        pass

    def restore() -> None:
        for signum, handler_before in previous.items():
            with contextlib.suppress(ValueError, TypeError):
                signal.signal(signum, handler_before)
        previous.clear()

    return restore


@contextlib.contextmanager
def signals_end_the_command() -> Iterator[None]:
    """While in this block, a closing signal raises `ClosedBySignal` (a reader running inside
    it forwards them to itself instead)."""

    def stop(signum: int, frame: Any) -> None:
        raise ClosedBySignal(signum)

    restore = _install(stop)
    try:
        yield
    finally:
        restore()


def forward_to_loop(loop: asyncio.AbstractEventLoop, callback: Callable[[int], None]) -> Callable[[], None]:
    """Call `callback(signum)` on `loop` when a closing signal arrives (the handler itself
    runs between two bytecodes of whatever the main thread was doing: it only schedules).
    Returns what puts the previous handlers back."""

    def forward(signum: int, frame: Any) -> None:
        loop.call_soon_threadsafe(callback, signum)

    return _install(forward)


def terminal_streams() -> tuple[int, ...]:
    """The file descriptors of the standard streams that are a terminal now."""
    found = []
    for stream in (sys.__stdin__, sys.__stdout__, sys.__stderr__):
        try:
            descriptor = stream.fileno() if stream is not None else -1
        except (OSError, ValueError):
            continue
        if descriptor >= 0 and os.isatty(descriptor) and descriptor not in found:
            found.append(descriptor)
    return tuple(found)


def terminal_gone(streams: tuple[int, ...]) -> bool:
    """Whether the terminal behind `streams` has hung up: none of them is a terminal any more
    (a hung-up terminal answers the terminal requests with an input/output error)."""
    return bool(streams) and not any(os.isatty(descriptor) for descriptor in streams)


def watch_terminal(app: Any, close: Callable[[int], None]) -> None:
    """Check every `TERMINAL_CHECK_SECONDS` that the terminal `app` was started on is still
    there; once it is gone, `close(SIGHUP)`. Nothing is checked for an app without a terminal
    (headless, in tests)."""
    if app.is_headless:
        return
    streams = terminal_streams()
    if not streams:
        return

    def check() -> None:
        if terminal_gone(streams):
            close(HANGUP)

    app.set_interval(TERMINAL_CHECK_SECONDS, check)
