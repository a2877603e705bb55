"""The Voices tab: who gets a voice in the article on show, as bars of text.

For each speaker, their share of the quotes and of the quoted words; the same by kind of
speaker; and among the people quoted, how many are women, men, or not marked by the text
(`guillemet.analysis.gender`: the text's own marks, never a first name). The numbers come from
`speaker_library.article_voices`, the same count `guillemet voices` makes over the library.

Why bars of characters: the panel is a column of text like the others, redrawn at its width
(eighths of a block, so a 3 % share still shows), in the theme's colours, with the percentage
written beside each bar for those who cannot tell colours apart. The count runs in a thread
once the analysis is complete (the genders read the text), never on a key.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

if TYPE_CHECKING:
    from guillemet.speaker_library.voices import Voices

EIGHTHS = " ▏▎▍▌▋▊▉"
LABEL_CELLS = 10
"""The labels before the bars ("quotes", "words", "women 3"...): every bar has the same width."""
WAITING = "The voices are counted once the analysis is complete."


def bar(share: float, cells: int) -> str:
    """A bar `cells` wide filled to `share` (0 to 1), to an eighth of a cell."""
    cells = max(1, cells)
    eighths = round(max(0.0, min(1.0, share)) * cells * 8)
    full, part = divmod(eighths, 8)
    return ("█" * full + (EIGHTHS[part] if part else "")).ljust(cells)


def percent(share: float) -> str:
    return f"{round(share * 100):>3d} %"


def _bar_line(label: str, share: float, width: int, style: str) -> Text:
    """`label  ████▌     42 %`: the bar takes what the label and the number leave."""
    tail = f" {percent(share)}"
    cells = max(4, width - LABEL_CELLS - 2 - len(tail))
    line = Text(f"  {label:<{LABEL_CELLS}}", style="dim")
    line.append(bar(share, cells), style=style)
    line.append(tail)
    return line


def _heading(text: str) -> Text:
    return Text(text, style="bold")


def voices_chart(voices: Voices, width: int, quote_style: str = "", word_style: str = "",
                 people_style: str = "") -> Group:
    """The tab's content for `voices`, `width` cells wide."""
    width = max(24, width)
    parts: list[Text] = []
    if not voices.quotes:
        return Group(Text("No quote with a known speaker in this article."))
    parts.append(_heading(f"{voices.quotes} quotes, {voices.words} quoted words"))
    for voice in voices.speakers:
        name = Text(voice.name, style="bold", no_wrap=True, overflow="ellipsis")
        name.append(f"  {voice.kind}", style="dim")
        name.truncate(width, overflow="ellipsis")
        parts += [Text(""), name,
                  _bar_line("quotes", voice.quote_share, width, quote_style),
                  _bar_line("words", voice.word_share, width, word_style)]
    parts += [Text(""), _heading("By kind")]
    for kind in voices.kinds:
        speakers = f"{kind.speakers} speaker{'s' * (kind.speakers != 1)}"
        parts += [Text(f"{kind.kind}  ", style="bold").append(speakers, style="dim"),
                  _bar_line("quotes", kind.quote_share, width, quote_style),
                  _bar_line("words", kind.word_share, width, word_style)]
    parts += [Text(""), _heading(f"People quoted: {voices.people}")]
    if voices.people:
        for label, count in (("women", voices.women), ("men", voices.men), ("unknown", voices.unknown)):
            parts.append(_bar_line(f"{label} {count}", voices.share(count), width, people_style))
        parts.append(Text("Gender as the text marks it (Mme, la ministre, elle…); unmarked: unknown.",
                          style="dim italic"))
    return Group(*parts)


class VoicesTab(VerticalScroll, can_focus=False):
    """The Voices side tab (see the module docstring)."""

    DEFAULT_CSS = """
    VoicesTab { height: 1fr; padding: 0 1; scrollbar-size-vertical: 1; }
    VoicesTab > Static { width: 1fr; height: auto; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.voices: Voices | None = None
        self._chart = Static(WAITING)

    def compose(self):  # type: ignore[no-untyped-def]
        yield self._chart

    def show_voices(self, voices: Voices | None) -> None:
        """Show the count of the article's complete analysis (None: not counted yet)."""
        self.voices = voices
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        if self.voices is None:
            self._chart.update(WAITING)
            return
        theme = self.app.current_theme
        width = self.scrollable_content_region.width or 30
        self._chart.update(voices_chart(self.voices, width, quote_style=theme.primary,
                                        word_style=theme.secondary or theme.primary,
                                        people_style=theme.accent or theme.primary))
