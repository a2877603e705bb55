"""The side panel's column, folded away on narrow screens and shown over the article on demand.

Why: below `reading.layout.SIDE_FOLD_WIDTH` columns a panel beside the article would leave it
too narrow to read (5 columns at the 50×12 minimum), so the screen takes the class
`side-folded` and the stylesheet gives the article the whole width. The panel is still there:
a key (`side.toggle`, a tab's key such as `S` or `N`, or anything that focuses a widget in it)
adds `side-shown`, which lays it over the article's right side, and it goes away as soon as the
focus leaves it (escape, tab back to the article, a click in the article, a claim chosen in it).
On a wide screen the same keys only move the focus, the panel being always in sight.
"""

from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import TabbedContent

from guillemet.reading.layout import side_folded

FOLDED = "side-folded"
SHOWN = "side-shown"


class SideColumn(Vertical):
    """The side panel's column (see the module docstring)."""

    BINDINGS = [Binding("escape", "hide", "Hide panel", show=False, id="side.hide",
                        tooltip="Hide the side panel shown over the article")]

    @property
    def overlaid(self) -> bool:
        """Whether the panel is shown over the article (a folded screen's panel on demand)."""
        return self.screen.has_class(FOLDED) and self.screen.has_class(SHOWN)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Escape hides the overlaid panel; otherwise it goes on to the reader (clear)."""
        return self.overlaid if action == "hide" else True

    def action_hide(self) -> None:
        """Escape: back to the article."""
        self.screen.remove_class(SHOWN)
        self.screen.query_one("#article").focus()

    def on_descendant_focus(self) -> None:
        """A widget of the panel took the focus: show the panel if it is folded away."""
        if self.screen.has_class(FOLDED):
            self.screen.add_class(SHOWN)

    def on_descendant_blur(self) -> None:
        """The focus left the panel (once the frame settles: it may only be moving within)."""
        self.call_after_refresh(self._hide_unless_focused)

    def _hide_unless_focused(self) -> None:
        screen = self.screen
        if screen.app.screen is not screen:
            return  # a dialog on top: the focus comes back when it closes
        focused = screen.focused
        if focused is None or self not in focused.ancestors_with_self:
            screen.remove_class(SHOWN)

    def on_speakers_panel_claim_chosen(self) -> None:
        """A quote chosen in the panel: the article, where it now is, must be in sight."""
        if self.overlaid:
            self.action_hide()


def fit_side(screen: Screen, width: int) -> None:
    """Fold the side panel away, or bring it back beside the article, for a terminal `width`
    columns wide (the first screen makes the same choice before Textual starts)."""
    folded = side_folded(width)
    screen.set_class(folded, FOLDED)
    if not folded:
        screen.remove_class(SHOWN)


class SidePanelMoves:
    """The keys that bring the side panel in sight (a mixin of the reader's screen)."""

    query_one: Any
    focused: Widget | None

    def action_toggle_side(self) -> None:
        """`P`: the side panel and the focus in it (over the article on a narrow screen);
        again, from inside the panel: back to the article."""
        side = self.query_one("#side", SideColumn)
        focused = self.focused
        if focused is not None and side in focused.ancestors:
            side.action_hide() if side.overlaid else self.query_one("#article").focus()
            return
        tabs = self.query_one("#side-tabs", TabbedContent)
        pane = tabs.active_pane
        target = next((w for w in (pane.query("*") if pane else ()) if w.focusable), None)
        (target or tabs).focus()

    def action_show_speakers(self) -> None:
        """`S`: the Speakers tab, the cursor on the list (back to it after `N` or `L`)."""
        self.query_one("#side-tabs", TabbedContent).active = "speakers-tab"
        self.query_one("#speakers").focus()
