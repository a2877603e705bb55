"""Notifications that never cover the current claim.

Why: a notification comes exactly when the reader looks at a claim ("Back to the first claim.",
"This is X's only claim."). Beside the article, the stylesheet keeps the toasts within the side
panel's width, so they lie over the panel. On a narrow screen (the panel folded away) they run
across the article: there, they go to the top or the bottom of the view, whichever is away from
the current claim (`toasts-top` on the screen), and if one still reaches the claim (a long
claim, a tall toast), the view scrolls the claim clear of it.
"""

from __future__ import annotations

from typing import Any

from textual.geometry import Region

from guillemet.tui.side_column import FOLDED

TOP = "toasts-top"


def claim_region(reader: Any) -> Region | None:
    """Where the current claim's lines are on screen (the view's width), None when it is not
    on screen."""
    view = reader.article_view
    quote = reader.current_quote
    if quote is None or view.text_layout is None:
        return None
    lines = view.text_layout.lines_of(quote.start, max(quote.start + 1, quote.end))
    area = view.content_region
    top = int(view.scroll_offset.y)
    first, last = max(lines.start, top), min(lines.stop, top + area.height)
    if first >= last:
        return None
    return Region(area.x, area.y + first - top, area.width, last - first)


def place_toasts(reader: Any) -> None:
    """On a narrow screen, the toasts at the end of the view away from the current claim; then,
    once they are drawn, the claim scrolled clear of any that still covers it."""
    if not reader.has_class(FOLDED):
        reader.remove_class(TOP)
        return
    claim = claim_region(reader)
    if claim is None:
        return
    area = reader.article_view.content_region
    reader.set_class(claim.y - area.y > area.bottom - claim.bottom, TOP)
    reader.call_after_refresh(scroll_clear, reader)


def scroll_clear(reader: Any) -> None:
    """Scroll the view so that the current claim is out from under the toasts, if the view
    has the room."""
    claim = claim_region(reader)
    if claim is None:
        return
    view = reader.article_view
    area = view.content_region
    for toast in reader.query("Toast"):
        covered = toast.region.intersection(claim)
        if not covered.area:
            continue
        if reader.has_class(TOP):
            shift = -(toast.region.bottom - claim.y)  # the claim down, below the toast
        else:
            shift = claim.bottom - toast.region.y  # the claim up, above it
        if area.y <= claim.y - shift and claim.bottom - shift <= area.bottom:
            view.scroll_to(y=view.scroll_offset.y + shift, animate=False)
        return
