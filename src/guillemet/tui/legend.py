"""The legend under the side panel: what each colour of the article view means.

Why it is drawn from the view's palette: the colours come from the theme (the stylesheet's
variables over the theme's colours), so the legend is right in any theme only if it uses the
very styles the view draws with; and an entity type hidden with `c` is struck through, so the
legend also says what is missing.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from guillemet.tui.article_view import ArticleView

ENTITY_LABELS = (("entity-per", "person"), ("entity-org", "organisation"),
                 ("entity-loc", "place"), ("entity-misc", "other"))
CLAIM_LABELS = ((("quote",), "« quote »"), (("quote", "mention"), "speaker"),
                (("quote", "cue"), "cue"), (("quote", "current"), "current"))


class Legend(Static):
    """The colour legend (see the module docstring)."""

    def show(self, view: ArticleView) -> None:
        """Draw the legend in `view`'s current styles, and repaint the view in them."""
        palette = view.palette
        palette.clear()
        legend = Text()
        if view.colours:
            for key, label in ENTITY_LABELS:
                shown = key in view.entity_types_shown
                legend.append(label, palette.style((key,)) if shown else "dim strike")
                legend.append("  ")
        else:
            legend.append("entity colours off (c)  ", "italic")
        legend.append("\n")
        for index, (keys, label) in enumerate(CLAIM_LABELS):
            legend.append("  " if index else "")
            legend.append(label, palette.style(keys))
        self.update(legend)
        view.repaint_all()
