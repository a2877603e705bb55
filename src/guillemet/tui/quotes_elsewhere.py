"""A speaker's quotes in the other articles of the library, as a list to choose from.

Shown over the article by the key of the speaker library extension (`library_extension.py`):
one row per quote, newest article first, with the article's title, date and the quote's type,
then its text. `enter` closes the list with the quote chosen (the extension opens that article
at it); `escape` or `backspace` closes it with nothing, back where the reader was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from guillemet.speaker_library.rows import LibraryQuote

QUOTE_CELLS = 400
"""A very long quote is cut: the row is for recognising it, the article shows it whole."""


def quote_row(quote: LibraryQuote) -> Text:
    """Two lines or more: the article (title, date, type), then the quote."""
    title = quote.title or quote.source.rsplit("/", 1)[-1] or "untitled article"
    row = Text(title, style="bold")
    row.append(f"  {quote.date or 'no date'} · {quote.type}", style="dim")
    text = " ".join(quote.text.split())
    if len(text) > QUOTE_CELLS:
        text = text[: QUOTE_CELLS - 1] + "…"
    row.append(f"\n  {text}")
    return row


def heading(speaker: str, quotes: list[LibraryQuote]) -> str:
    articles = len({q.text_sha256 for q in quotes})
    said = f"{len(quotes)} quote{'s' * (len(quotes) != 1)}"
    return f"{speaker}: {said} in {articles} other article{'s' * (articles != 1)} of the library"


class QuotesElsewhere(ModalScreen["LibraryQuote | None"]):
    """The list (see the module docstring)."""

    DEFAULT_CSS = """
    QuotesElsewhere { align: center middle; }
    QuotesElsewhere > Vertical {
        width: 90%; max-width: 110; height: 80%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    QuotesElsewhere #elsewhere-heading { height: auto; text-style: bold; margin-bottom: 1; }
    QuotesElsewhere OptionList { height: 1fr; border: none; }
    QuotesElsewhere #elsewhere-help { height: 1; color: $text-muted; }
    """

    BINDINGS = [
        Binding("escape,backspace", "close", "Back", show=False),
    ]

    def __init__(self, speaker: str, quotes: list[LibraryQuote]) -> None:
        super().__init__()
        self.speaker = speaker
        self.quotes = list(quotes)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(heading(self.speaker, self.quotes), id="elsewhere-heading")
            yield OptionList(*(Option(quote_row(q), id=str(i)) for i, q in enumerate(self.quotes)),
                             id="elsewhere-quotes")
            yield Static("enter: open the article at this quote · escape or backspace: back",
                         id="elsewhere-help")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.quotes[event.option_index])

    def action_close(self) -> None:
        self.dismiss(None)
