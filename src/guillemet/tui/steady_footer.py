"""Textual's footer, rebuilt only when the keys it shows change.

Why: `Footer` rebuilds itself (removes its key widgets, mounts new ones, and a layout of the
screen follows: 17 to 28 ms each here) on every change of the screen's bindings, whether or not
the keys it shows changed. The reader's start-up makes several such changes (the article takes
the focus, the app's bindings settle), so three rebuilds ran right after the first frame and the
first key typed waited for all of them. `SteadyFooter` lets a change through only when the keys
on show, their labels or their enabled state differ from the last ones it let through.
"""

from __future__ import annotations

from collections.abc import Hashable

from rich.cells import cell_len
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer


def shown_keys(screen: Screen) -> tuple[Hashable, ...]:
    """What a footer on `screen` would show: each shown binding (and the command palette's,
    shown on the right) with its key, label and state."""
    app = screen.app
    palette_key = app.COMMAND_PALETTE_BINDING
    return tuple(
        (key, binding.key, app.get_key_display(binding), binding.action, binding.description,
         binding.group, enabled, tooltip)
        for key, (_, binding, enabled, tooltip) in screen.active_bindings.items()
        if binding.show or key == palette_key
    )


class SteadyFooter(Footer):
    """A `Footer` that skips the rebuilds that would not change it (see the module docstring)."""

    _last_shown: tuple[Hashable, ...] | None = None

    def bindings_changed(self, screen: Screen) -> None:
        """Let Textual's footer note the change (it then asks for a rebuild after the next
        frame, which `recompose` skips when the keys on show are the same). The first build
        also comes before the next frame: it then belongs to the app's first frame, instead of
        running (with the layout it brings) while the reader's first key waits."""
        first = self._last_shown is None
        super().bindings_changed(screen)
        if first and screen.app.app_focus and self.is_attached and screen is self.screen:
            self.call_next(self.recompose)

    async def recompose(self) -> None:
        """Rebuild, unless the keys on show are those of the last rebuild."""
        if not self.is_attached:
            return
        shown = shown_keys(self.screen)
        if shown == self._last_shown:
            return
        self._last_shown = shown
        await super().recompose()
        self.fit_keys()

    def on_resize(self) -> None:
        """The keys that fit the new width."""
        self.fit_keys()

    def fit_keys(self) -> None:
        """On a narrow terminal, the compact style, then only the keys that fit beside the
        palette's, the least needed left out first (`KEPT`): cut off at the edge, a key would
        show half its name, or none of those after it, help and quit among them."""
        width = self.size.width or self.app.size.width
        keys = [key for key in self.query("FooterKey") if not key.has_class("-command-palette")]
        palette = sum(key_width(key, compact=False) + 1 for key in self.query("FooterKey.-command-palette"))
        for compact in (False, True):
            shown = sorted(keys, key=kept_rank)
            while shown and sum(key_width(key, compact) for key in shown) > width - palette:
                shown.pop()
            if len(shown) == len(keys):
                break
        self.compact = compact
        for key in keys:
            key.display = key in shown


KEPT = ("help", "quit", "next_claim", "search", "previous_claim", "source", "back")
"""The footer's keys by what a narrow footer keeps longest (actions); the others after them.
Help lists every key: it is the last to go."""


def kept_rank(key: Widget) -> int:
    """Where a footer key stands in `KEPT`."""
    action = str(getattr(key, "action", "")).rpartition(".")[2]
    return KEPT.index(action) if action in KEPT else len(KEPT)


def key_width(key: Widget, compact: bool) -> int:
    """The cells a footer key takes with its margin, as Textual's footer styles it:
    ` n Next claim ` (a cell around the key, one after the description), compact
    `n Next claim` and a margin of one."""
    text = f"{getattr(key, 'key_display', '')} {getattr(key, 'description', '')}".strip()
    return cell_len(text) + (1 if compact else 2)
