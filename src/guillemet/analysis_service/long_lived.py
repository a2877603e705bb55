"""Building objects that all stay alive, without the cyclic garbage collector walking them.

Why: an analysis that arrives (a book's partial and complete ones, a cached one) is decoded into
a hundred thousand objects and indexed into a reading model, all of which live until the next
one replaces them. While they are made, Python's cyclic collector runs again and again over the
growing heap, and its full passes stop every thread: decoding and indexing a book's analysis
took 134 ms with the collector on and 56 ms with it paused, and a key typed meanwhile waited
for those passes (15 to 30 ms each). Inside `long_lived_allocations` the collector is paused;
at its end everything that exists is frozen (`gc.freeze`): later passes skip it.

Nothing leaks by this: frozen objects are still freed when their last reference goes, and an
analysis and its reading model hold no reference cycles (a test checks it). Cyclic garbage
that happens to exist at the moment of a freeze stays until the reader closes and unfreezes.
Pure: no Textual.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def long_lived_allocations() -> Iterator[None]:
    """Pause the cyclic collector while the block runs, then freeze what exists."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()
