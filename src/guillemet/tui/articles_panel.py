"""The "Articles" side tab: the articles opened together, with their titles and quote counts.

A plain option list: arrows move, enter (or a click) opens the article. The app redraws it
when the library's counts change (`show`), and it says which article is on screen.
"""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from guillemet.reading.library import ArticleLibrary


def article_line(library: ArticleLibrary, index: int) -> Text:
    """One row: a marker for the current article, its number and title; under it, the
    number of quotes (a title may wrap, the count stays on its own line)."""
    count = library.count(index)
    if count is not None:
        detail = f"{count} quote" + ("" if count == 1 else "s")
    elif library.failed:
        detail = "no analysis"
    else:
        detail = "analysing…"
    current = index == library.current
    line = Text("▶ " if current else "  ", style="bold" if current else "")
    line.append(f"{index + 1}. ", style="dim")
    line.append(library.title(index), style="bold" if current else "")
    line.append(f"\n     {detail}", style="dim italic")
    return line


class ArticlesPanel(OptionList):
    """The list of open articles (see the module docstring)."""

    class ArticleChosen(Message):
        """Enter (or a click) on an article of the list."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, library: ArticleLibrary, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.library = library
        self._shown_version = -1

    def on_mount(self) -> None:
        """Fill the list, the cursor on the article on screen."""
        self.show()
        self.highlighted = self.library.current

    def show(self) -> None:
        """Redraw the rows if the library changed since the last time."""
        if self._shown_version == self.library.version:
            return
        self._shown_version = self.library.version
        highlighted = self.highlighted
        self.clear_options()
        self.add_options(
            Option(article_line(self.library, index), id=str(index)) for index in range(len(self.library))
        )
        self.highlighted = highlighted if highlighted is not None else self.library.current

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on an article: ask the app to open it."""
        event.stop()
        self.post_message(self.ArticleChosen(event.option_index))
