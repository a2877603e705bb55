"""Stepping through sorted offsets with wrap-around, as `e`/`E` (entities) and `.`/`,` (search
matches) do: the next start after an offset, or the last one before it, going round at the
ends. One function, so both keys behave alike at the edges. Pure: no Textual.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence


def cyclic_step(starts: Sequence[int], offset: int, forward: bool) -> int | None:
    """The index in sorted `starts` of the first start after `offset` (forward) or the last
    one before it (backward), wrapping round at the ends; None when `starts` is empty."""
    if not starts:
        return None
    if forward:
        index = bisect_right(starts, offset)
        return index if index < len(starts) else 0
    index = bisect_left(starts, offset) - 1
    return index if index >= 0 else len(starts) - 1
