"""The voices as a chart of bars, in the terminal with Rich or as an SVG picture (Rich's own
SVG export of the same chart, so the picture is what the terminal shows)."""

from __future__ import annotations

from pathlib import Path

from guillemet.errors import GuillemetError
from guillemet.speaker_library import Voices

BAR_WIDTH = 30
GENDER_STYLES = {"female": "magenta", "male": "cyan", "unknown": "grey50"}


def chart(voices: Voices, top: int):
    """A Rich renderable: people quoted by gender, shares by kind, the most quoted speakers."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    heading = Text(
        f"{voices.quotes} quote(s), {voices.words} quoted word(s), {voices.people} people quoted, "
        f"in {voices.articles} article(s)",
        style="bold",
    )
    people = Table.grid(padding=(0, 1))
    for label, count, quotes, gender in (
        ("women", voices.women, voices.women_quotes, "female"),
        ("men", voices.men, voices.men_quotes, "male"),
        ("unknown", voices.unknown, None, "unknown"),
    ):
        said = f"{quotes} quote(s)" if quotes is not None else ""
        people.add_row(label, _bar(voices.share(count), GENDER_STYLES[gender]), f"{voices.share(count):.0%}",
                       str(count), said)
    kinds = Table.grid(padding=(0, 1))
    for kind in voices.kinds:
        kinds.add_row(kind.kind, _bar(kind.quote_share, "green"), f"{kind.quote_share:.0%} of quotes",
                      f"{kind.word_share:.0%} of words")
    speakers = Table.grid(padding=(0, 1))
    for voice in voices.speakers[:top]:
        speakers.add_row(Text(voice.name), _bar(voice.quote_share, GENDER_STYLES.get(voice.gender, "green")),
                         f"{voice.quote_share:.0%}", f"{voice.quotes} quote(s)", f"{voice.word_share:.0%} of words",
                         voice.kind)
    return Group(
        heading, Text(""), Text("People quoted", style="bold underline"), people, Text(""),
        Text("By kind of speaker", style="bold underline"), kinds, Text(""),
        Text(f"Most quoted speakers (top {min(top, len(voices.speakers))})", style="bold underline"), speakers,
    )


def render_chart(voices: Voices, top: int) -> None:
    from rich.console import Console

    Console().print(chart(voices, top))


def write_svg(voices: Voices, path: str, top: int) -> None:
    """Write the chart as SVG; a path that cannot be written is a one-line error."""
    from rich.console import Console

    console = Console(record=True, width=110, file=_Discard(), force_terminal=True, color_system="truecolor")
    console.print(chart(voices, top))
    try:
        Path(path).write_text(console.export_svg(title="guillemet voices"), encoding="utf-8")
    except OSError as error:
        raise GuillemetError(f"voices: cannot write {path}: {error.strerror or error}") from None


def _bar(share: float, style: str):
    from rich.text import Text

    filled = round(share * BAR_WIDTH)
    bar = Text("█" * filled, style=style)
    bar.append("·" * (BAR_WIDTH - filled), style="grey23")
    return bar


class _Discard:
    """A file that forgets what is written: the SVG is taken from the console's record."""

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass
