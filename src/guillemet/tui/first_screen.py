"""The first screen, painted by hand before Textual is even imported.

Why: importing Textual takes about 0.2 s on a modest machine, and the app's first frame comes
some 0.35 s after launch; a reader wants the page at once. So `guillemet ARTICLE` paints the
screen the app is about to show itself, with plain escape codes: the same geometry (the side
panel's width as the stylesheet gives it, `layout.side_width`; `layout.text_width_for`), the
same wrap (`layout.build_layout`), the theme's colours, the status line; and when the analysis
is already cached, its colours and the speakers panel too. The app's first frame then replaces
it cell for cell.

Keys typed before the app reads them are kept: the terminal is put in non-canonical, no-echo
mode while the first screen shows (so they are neither echoed over it nor held back until
Enter) and the app reads them when it starts. The terminal's own settings are restored when
the reader has closed.

Colours: Textual derives the entity colours from the theme (contrast-adjusted `$text-*`
variables) and blends tints over the background, which cannot be computed without importing
it. So the colours come from the stylesheet through Textual itself, never from a copy: a "look"
is what the app resolved from `styles/reader.tcss` for one theme, stamped with the stylesheet's
fingerprint (`stylesheet_fingerprint`: the stylesheet and the themes' colours). The package
ships the looks of its own themes (`styles/looks/`, made by `python -m
guillemet.tui.recorded_look`; a test fails when they no longer match what the app resolves);
the app records the look of any other theme it shows in the cache folder (`record_look`).
Where no look of this stylesheet is at hand (a theme never shown, a stylesheet changed since),
or the terminal takes too few colours, or is too small, there is no first screen: the app
paints the first frame itself.

Nothing here imports Textual or Rich.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from guillemet.reading import layout as lay
from guillemet.reading.model import analysis_layers
from guillemet.tui.theme_colours import THEME_COLOURS

STYLESHEET = Path(__file__).resolve().parent.parent / "styles" / "reader.tcss"
SHIPPED_LOOKS = STYLESHEET.parent / "looks"
"""The looks of the package's own themes, resolved by the app from `STYLESHEET`."""
SCROLLBAR = 1
"""The article view keeps one column for its scrollbar (`scrollbar-gutter: stable`)."""
LOOK_FORMAT = 2
VIEW_KEYS = (
    "title", "meta", "rule", "quote", "cue", "mention",
    "entity-per", "entity-org", "entity-loc", "entity-misc", "gutter-quote",
)
"""The article view's component classes the first screen draws (`article-view--<key>`)."""
ATTRIBUTES = (("bold", 1), ("dim", 2), ("italic", 3), ("underline", 4), ("reverse", 7), ("strike", 9))
TOO_LONG_PREFIX = 40
"""Wrap at most this many screenfuls of text for the first screen (a book is not wrapped)."""


# Colours ---------------------------------------------------------------------------------------

TRUECOLOR = "truecolor"
XTERM_256 = "256"
_CUBE = (0, 95, 135, 175, 215, 255)


def colour_mode(environ: Mapping[str, str]) -> str | None:
    """The colours the terminal takes, decided as Rich (so Textual) decides them: 24-bit with
    `COLORTERM=truecolor`, the xterm palette with a `*256color` `TERM`; None for fewer colours
    or `NO_COLOR`, where the first screen could not look like the app's."""
    if environ.get("NO_COLOR"):
        return None
    if environ.get("COLORTERM", "").strip().lower() in ("truecolor", "24bit"):
        return TRUECOLOR
    if "256" in environ.get("TERM", ""):
        return XTERM_256
    return None


def xterm_256(rgb: tuple[int, int, int]) -> int:
    """The nearest colour of the xterm palette's colour cube or grey ramp (16 to 255)."""

    def level(value: int) -> int:
        return min(range(6), key=lambda index: abs(_CUBE[index] - value))

    r, g, b = (level(value) for value in rgb)
    cube = 16 + 36 * r + 6 * g + b
    cube_rgb = (_CUBE[r], _CUBE[g], _CUBE[b])
    grey_index = min(23, max(0, round((sum(rgb) / 3 - 8) / 10)))
    grey = 8 + 10 * grey_index
    distance = lambda other: sum((a - c) ** 2 for a, c in zip(rgb, other))  # noqa: E731
    return cube if distance(cube_rgb) <= distance((grey, grey, grey)) else 232 + grey_index


# Looks: the colours of one theme ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Pen:
    """One style: colours as `#rrggbb` (None: leaves the colour below) and text attributes."""

    fg: str | None = None
    bg: str | None = None
    attributes: frozenset[str] = frozenset()

    def over(self, below: Pen) -> Pen:
        """This style drawn over `below`."""
        return Pen(self.fg or below.fg, self.bg or below.bg, below.attributes | self.attributes)

    def sgr(self) -> str:
        """The escape sequence that selects this style (after a reset), in 24-bit colours
        (`paint` turns them into the xterm palette's for a terminal that needs it)."""
        codes = ["0"]
        codes += [str(code) for name, code in ATTRIBUTES if name in self.attributes]
        for colour, lead in ((self.fg, "38"), (self.bg, "48")):
            rgb = _rgb(colour)
            if rgb is not None:
                codes.append(f"{lead};2;{rgb[0]};{rgb[1]};{rgb[2]}")
        return "\x1b[" + ";".join(codes) + "m"

    def to_json(self) -> dict[str, Any]:
        return {"fg": self.fg, "bg": self.bg, "attributes": sorted(self.attributes)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Pen:
        attributes = data.get("attributes", [])
        if not isinstance(attributes, list) or not all(isinstance(a, str) for a in attributes):
            raise ValueError("attributes must be a list of names")
        return cls(_colour(data.get("fg")), _colour(data.get("bg")), frozenset(attributes))


@dataclass(frozen=True, slots=True)
class Look:
    """Every style the first screen draws with, for one theme."""

    view: Pen
    """The article view's own text and background."""
    layers: Mapping[str, Pen]
    """`VIEW_KEYS` -> the layer drawn over `view` (colours None where the layer leaves them)."""
    side: Pen
    border: Pen
    status: Pen

    def layer(self, key: str) -> Pen:
        return self.layers.get(key, Pen())

    def to_json(self, theme: str) -> dict[str, Any]:
        return {
            "format": LOOK_FORMAT,
            "theme": theme,
            "view": self.view.to_json(),
            "layers": {key: pen.to_json() for key, pen in self.layers.items()},
            "side": self.side.to_json(),
            "border": self.border.to_json(),
            "status": self.status.to_json(),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Look:
        if data.get("format") != LOOK_FORMAT:
            raise ValueError("not a look of this version")
        layers = data["layers"]
        return cls(
            Pen.from_json(data["view"]),
            {str(key): Pen.from_json(value) for key, value in layers.items()},
            Pen.from_json(data["side"]),
            Pen.from_json(data["border"]),
            Pen.from_json(data["status"]),
        )


def _colour(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str) and _rgb(value) is not None:
        return value.lower()
    raise ValueError(f"not a colour: {value!r}")


def _rgb(colour: str | None) -> tuple[int, int, int] | None:
    if not colour or len(colour) != 7 or colour[0] != "#":
        return None
    try:
        return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)
    except ValueError:
        return None


def stylesheet_fingerprint(stylesheet: Path = STYLESHEET) -> str | None:
    """What a look's colours were resolved from: the stylesheet and the colours of the
    package's themes (None if the stylesheet cannot be read: then no look is trusted)."""
    try:
        digest = hashlib.sha256(stylesheet.read_bytes())
    except OSError:
        return None
    digest.update(json.dumps(THEME_COLOURS, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()[:16]


def look_path(theme: str, cache_dir: Path | None = None) -> Path:
    """Where the look of `theme` is recorded: a `looks` folder in the analysis cache's."""
    if cache_dir is None:
        from guillemet.cache import default_cache_dir

        cache_dir = default_cache_dir()
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in theme)
    return cache_dir / "looks" / f"{safe}.json"


def shipped_look_path(theme: str) -> Path:
    """Where the package keeps the look of one of its own themes."""
    return SHIPPED_LOOKS / f"{theme}.json"


def load_look(theme: str, cache_dir: Path | None = None) -> Look | None:
    """The look of `theme` resolved from the current stylesheet: the one the app recorded,
    else the one shipped with the package, else None (no first screen). A damaged look file,
    or one resolved from another stylesheet, is ignored (the app records it again)."""
    fingerprint = stylesheet_fingerprint()
    if fingerprint is None:
        return None
    for path in (look_path(theme, cache_dir), shipped_look_path(theme)):
        try:
            data = json.loads(path.read_bytes())
            if data.get("theme") == theme and data.get("stylesheet") == fingerprint:
                return Look.from_json(data)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            continue
    return None


def look_bytes(theme: str, look: Look) -> bytes:
    """A look's file, stamped with the current stylesheet's fingerprint."""
    data = {**look.to_json(theme), "stylesheet": stylesheet_fingerprint()}
    return json.dumps(data, sort_keys=True, indent=1).encode("utf-8") + b"\n"


def record_look(theme: str, look: Look, cache_dir: Path | None = None) -> bool:
    """Keep the colours the app resolved for `theme`, for the next first screen. Written only
    when they changed; a failure is forgotten (the look is a convenience)."""
    payload = look_bytes(theme, look)
    try:
        path = look_path(theme, cache_dir)
        try:
            if path.read_bytes() == payload:
                return True
        except OSError:
            pass
        path.parent.mkdir(parents=True, exist_ok=True)
        from guillemet.atomic_write import write_atomically

        write_atomically(path, payload, durable=False)
        return True
    except OSError:
        return False


# Painting ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SpeakerLine:
    """One row of the speakers panel: `▶ name  3 · person`."""

    name: str
    details: str


def paint(
    text: str,
    title: str | None,
    meta: Sequence[str],
    size: tuple[int, int],
    look: Look,
    *,
    runs: Any = None,
    speakers: Sequence[SpeakerLine] | None = None,
    status: str = "",
    status_right: str = "",
    colours: str = TRUECOLOR,
) -> str:
    """The escape codes that draw the reader's first frame on a `size` (columns, rows)
    terminal: the article column (title, wrapped text, status line) and the side panel.

    `runs` (a `spans.Runs` of the analysis) colours the text as the article view does;
    `speakers` fills the side panel. The last row is where the app's footer goes.
    `colours` is the terminal's `colour_mode`.
    """
    width, height = size
    reading = max(1, width - lay.side_width(width, folded=lay.side_folded(width)))
    content = max(1, reading - SCROLLBAR)
    text_width = lay.text_width_for(content)
    left = lay.left_edge_for(content)
    rows = height - 2  # the status line, then the footer
    layout = lay.build_layout(_prefix(text, rows, text_width), text_width, title, meta)
    out = ["\x1b[?2026h\x1b[?25l\x1b[?7l"]  # synchronised update, no cursor, no autowrap
    for y in range(height):
        out.append(f"\x1b[{y + 1};1H")
        if y < rows:
            out.append(_article_line(text, layout, y, content, left, look, runs))
            out.append(look.view.sgr() + " " * (reading - content))
        elif y == rows:
            out.append(_status_line(status, status_right, reading, look))
        else:  # where the app's footer will be, across the whole width
            out.append(look.status.sgr() + " " * width)
            continue
        out.append(_side_line(y, speakers, look, width - reading))
    out.append("\x1b[0m\x1b[?2026l")
    frame = "".join(out)
    return frame if colours == TRUECOLOR else _TRUECOLOR_CODE.sub(_as_256, frame)


_TRUECOLOR_CODE = re.compile(r"(38|48);2;(\d+);(\d+);(\d+)")


def _as_256(match: re.Match[str]) -> str:
    lead, r, g, b = match.groups()
    return f"{lead};5;{xterm_256((int(r), int(g), int(b)))}"


def _prefix(text: str, rows: int, width: int) -> str:
    """Enough of `text` for the first screen, cut at a paragraph end when there is one."""
    limit = TOO_LONG_PREFIX * max(1, rows) * max(1, width)
    if len(text) <= limit:
        return text
    end = text.find("\n", limit // 2)
    return text[: end if 0 < end <= limit else limit]


def _article_line(text: str, layout: lay.Layout, y: int, content: int, left: int,
                  look: Look, runs: Any) -> str:
    base = look.view
    if y >= len(layout):
        return base.sgr() + " " * content
    kind = layout.kinds[y]
    start, end = layout.starts[y], layout.ends[y]
    gutter = "  "
    gutter_pen = base
    pieces: list[tuple[str, Pen]] = []
    if kind == lay.BODY:
        if runs is not None:
            for run_start, run_end, keys in runs.slice(start, max(end, start + 1)):
                if "quote" in keys:
                    gutter, gutter_pen = "▎ ", look.layer("gutter-quote").over(base)
                    break
        pieces = list(_styled(text, start, end, base, look, runs))
    elif kind in (lay.TITLE, lay.META):
        name = "title" if kind == lay.TITLE else "meta"
        pieces = [(layout.decorations[y], look.layer(name).over(base))]
    elif kind == lay.RULE:
        pieces = [("─" * lay.text_width_for(content), look.layer("rule").over(base))]
    line = [base.sgr(), " " * max(0, left - lay.GUTTER), gutter_pen.sgr(), gutter[: max(0, content - left + lay.GUTTER)]]
    used = min(left, content)
    for piece, pen in pieces:
        piece = _fit(piece, content - used)
        if not piece:
            break
        line += [pen.sgr(), piece]
        used += _cells(piece)
    line += [base.sgr(), " " * max(0, content - used)]
    return "".join(line)


def _cells(piece: str) -> int:
    return len(piece) if piece.isascii() else sum(lay.char_cells(c) for c in piece)


def _fit(piece: str, cells: int) -> str:
    """`piece` cut to at most `cells` cells (the app trims a line that overflows its view)."""
    if cells <= 0:
        return ""
    if _cells(piece) <= cells:
        return piece
    return piece[: lay.cell_offset_to_index(piece, 0, len(piece), cells)]


def _styled(text: str, start: int, end: int, base: Pen, look: Look, runs: Any) -> Iterator[tuple[str, Pen]]:
    """`text[start:end]` in pieces, each with the style of the analysis layers over it."""
    position = start
    if runs is not None:
        for run_start, run_end, keys in runs.slice(start, end):
            run_start, run_end = max(start, run_start), min(end, run_end)
            if run_start > position:
                yield text[position:run_start], base
            pen = base
            for key in analysis_layers(keys):
                pen = look.layer(key).over(pen)
            yield text[run_start:run_end], pen
            position = max(position, run_end)
    if position < end:
        yield text[position:end], base


def _status_line(left: str, right: str, width: int, look: Look) -> str:
    inner = max(0, width - 2)
    left = left[:inner]
    right = right[: max(0, inner - len(left) - 2)]
    gap = max(0, inner - len(left) - len(right))
    bold = Pen(None, None, frozenset({"bold"})).over(look.status)
    italic = Pen(None, None, frozenset({"italic"})).over(look.status)
    return "".join([look.status.sgr(), " ", bold.sgr(), left, look.status.sgr(), " " * gap,
                    italic.sgr(), right, look.status.sgr(), " "])


def _side_line(y: int, speakers: Sequence[SpeakerLine] | None, look: Look, width: int) -> str:
    if width <= 0:
        return ""  # folded away on a narrow screen, as the app will fold it
    inner = max(0, width - 1)
    line = [look.border.sgr(), "▏", look.side.sgr()]
    if speakers is None:
        return "".join(line + [" " * inner])
    bold = Pen(None, None, frozenset({"bold"})).over(look.side)
    muted = Pen(None, None, frozenset({"dim", "italic"})).over(look.side)
    if y == 0:
        line += [" ", bold.sgr(), "Speakers"[: max(0, inner - 1)], look.side.sgr(), " " * max(0, inner - 9)]
    elif y >= 2 and y - 2 < len(speakers):
        row = speakers[y - 2]
        name = row.name[: max(0, inner - 2)]
        details = ("  " + row.details)[: max(0, inner - 2 - len(name))]
        rest = max(0, inner - 2 - len(name) - len(details))
        line += ["▶ ", bold.sgr(), name, muted.sgr(), details, look.side.sgr(), " " * rest]
    else:
        line.append(" " * inner)
    return "".join(line)


# The terminal ----------------------------------------------------------------------------------


class FirstScreen:
    """Paints on the terminal the app will use (Textual writes to standard error), and keeps
    the terminal's settings to restore them once the reader has closed."""

    def __init__(self, stream: TextIO, keyboard: int, colours: str = TRUECOLOR) -> None:
        self.stream = stream
        self.keyboard = keyboard
        self.colours = colours
        """The terminal's `colour_mode`, to pass to `paint`."""
        self._saved: list[Any] | None = None
        self._suspend: Any = None
        self.entered = False
        """Whether the alternate screen was entered (by `show`)."""
        self.size = os.get_terminal_size(stream.fileno())

    def hold_keys(self) -> None:
        """Raw-ish input, as the app will set it: typed keys wait, unseen and untranslated
        (a return stays a return, ctrl+s and ctrl+v reach the app), for the app. Ctrl+C still
        interrupts; a suspend (ctrl+z) is ignored until the app, which handles it, runs."""
        try:
            import signal
            import termios

            self._saved = termios.tcgetattr(self.keyboard)
            quiet = termios.tcgetattr(self.keyboard)
            quiet[0] &= ~(termios.ICRNL | termios.INLCR | termios.IGNCR | termios.IXON | termios.IXOFF)
            quiet[3] &= ~(termios.ECHO | termios.ICANON | termios.IEXTEN)
            termios.tcsetattr(self.keyboard, termios.TCSANOW, quiet)
            self._suspend = signal.signal(signal.SIGTSTP, signal.SIG_IGN)
        except Exception:  # noqa: BLE001 - no termios, termios.error, not a terminal...: the keys are left as they are
            self._saved = None

    def show(self, frame: str) -> None:
        """Draw `frame` on the alternate screen (where the app will draw too)."""
        self.entered = True  # before the write: an interrupt in it must still leave the screen
        self.stream.write("\x1b[?1049h" + frame)
        self.stream.flush()

    def give_back_keys(self) -> None:
        """Put the keyboard back as it was, right before the app starts: the app saves the
        settings it finds and restores them when it suspends (ctrl+z) or ends, so they must be
        the user's own. Keys already typed stay for the app."""
        if self._saved is not None:
            import termios

            try:
                termios.tcsetattr(self.keyboard, termios.TCSANOW, self._saved)
            except termios.error:
                pass

    def restore(self, *, leave_screen: bool) -> None:
        """Give the terminal back as it was; leave the alternate screen too if the app never
        did (it failed before starting)."""
        if leave_screen and self.entered:
            self.stream.write("\x1b[0m\x1b[?7h\x1b[?25h\x1b[?1049l")
            self.stream.flush()
        if self._saved is not None:
            import signal
            import termios

            try:
                termios.tcsetattr(self.keyboard, termios.TCSADRAIN, self._saved)
            except termios.error:
                pass
            if self._suspend is not None:
                signal.signal(signal.SIGTSTP, self._suspend)


@contextmanager
def first_screen() -> Iterator[FirstScreen | None]:
    """A `FirstScreen` when both the keyboard and the app's output are a terminal big enough
    for the reader, with colours enough (else None: the app alone decides what to show). The
    terminal is restored on the way out, and the alternate screen left if the block failed."""
    stream = sys.__stderr__
    screen: FirstScreen | None = None
    colours = colour_mode(os.environ)
    try:
        if stream is not None and colours is not None and stream.isatty() and os.isatty(0):
            candidate = FirstScreen(stream, 0, colours)
            if candidate.size.columns >= lay.MIN_WIDTH and candidate.size.lines >= lay.MIN_HEIGHT:
                screen = candidate
    except (OSError, ValueError):
        screen = None
    if screen is not None:
        screen.hold_keys()
    try:
        yield screen
    except BaseException:
        if screen is not None:
            screen.restore(leave_screen=True)
            screen = None
        raise
    finally:
        if screen is not None:
            screen.restore(leave_screen=False)
