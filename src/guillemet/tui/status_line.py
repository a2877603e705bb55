"""The status line: where the reader is, what is filtered, and whether the analysis runs.

`Quote 3/11 · Sergueï Choïgou · direct` on the left; the filter, the search and the analysis
progress on the right. It is a plain `Static` updated by the app: no logic of its own beyond
formatting; the wording lives in pure functions (`reading_model.claim_summary`) so tests, and the
first screen painted before Textual is imported, share it.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"


class StatusLine(Static):
    """One line under the article (see the module docstring)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.left = ""
        self.right_parts: dict[str, str] = {}
        self._shown: tuple[str, int] | None = None

    def set_left(self, text: str) -> None:
        """Where the reader is."""
        self.left = text
        self._redraw()

    def set_part(self, name: str, text: str | None) -> None:
        """A named indicator on the right (filter, search, analysis); None removes it."""
        if text:
            self.right_parts[name] = text
        else:
            self.right_parts.pop(name, None)
        self._redraw()

    def _redraw(self) -> None:
        """Draw the line again if its words or width changed. Never a layout: the line is
        one row of fixed size, and a layout pass would repaint the whole screen (the app
        updates the line at every key)."""
        width = self.size.width or 80
        right = "  ".join(self.right_parts.values())
        if self._shown == (self.left + "\0" + right, width):
            return
        self._shown = (self.left + "\0" + right, width)
        line = Text(self.left, style="bold")
        gap = max(2, width - line.cell_len - len(right) - 2)
        line.append(" " * gap)
        line.append(right, style="italic")
        self.update(line, layout=False)

    def on_resize(self) -> None:
        """Keep the right-hand parts flush right."""
        self._redraw()
