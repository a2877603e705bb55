"""Screenshots of the reader on the sample article, as SVG and PNG, for the README.

    python bench/screenshots.py [--out screenshots] [--analysis FILE.json] [--model NAME]

The sample is analysed with the real engine (or read from `--analysis`, a `guillemet extract`
JSON), then the reader is driven headless through four states at 120×36: the default theme,
the light theme, a speaker filter, the help screen; and two at 80×24: the default theme and
the help screen; and the bundled interview (seeds/entretien-boulangere.md) at 120×36. PNGs
are made from the SVGs with `rsvg-convert` (Debian: librsvg2-bin); without it only the SVGs
are written.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "lecornu-choigou.txt"
SIZE = (120, 36)

from guillemet.analysis.models import Analysis
from guillemet.inputs import load_article
from guillemet.analysis_service.process import FixedAnalysisStream
from guillemet.tui.app import ReaderApp
from guillemet.tui.themes import DEFAULT_THEME, LIGHT_THEME

SMALL = (80, 24)
"""The classic terminal: the shots at this size show what a reader on a laptop's default
window gets (the side panel shares the width or folds away)."""

SHOTS: Sequence[tuple[str, str, tuple[str, ...], tuple[int, int]]] = (
    ("reader-dark", DEFAULT_THEME, ("n", "n", "n"), SIZE),
    ("reader-light", LIGHT_THEME, ("n", "n", "n", "n", "n", "n", "s"), SIZE),
    ("reader-speaker-filter", DEFAULT_THEME, ("tab", "enter", "space", "shift+tab", "n", "n"), SIZE),
    ("reader-help", DEFAULT_THEME, ("question_mark",), SIZE),
    ("reader-dark-80x24", DEFAULT_THEME, ("n", "n", "n"), SMALL),
    ("reader-help-80x24", DEFAULT_THEME, ("question_mark",), SMALL),
)

INTERVIEW = ROOT / "seeds" / "entretien-boulangere.md"
INTERVIEW_SHOTS: Sequence[tuple[str, str, tuple[str, ...], tuple[int, int]]] = (
    ("interview-dark", DEFAULT_THEME, ("n", "n", "n", "n", "n", "n", "n", "n", "n"), SIZE),
)
"""The bundled interview: Q/R turns, a dialogue in dashes and the speakers panel they give."""


def analyse(text: str, model: str, sample: Path = SAMPLE) -> Analysis:
    """The real engine's analysis of a sample."""
    from guillemet.analysis.engine import Engine

    return Engine(model).analyse(text, str(sample.relative_to(ROOT)))


def _load(sample: Path):
    return load_article(str(sample.relative_to(Path.cwd())) if sample.is_relative_to(Path.cwd()) else str(sample))


async def shoot(article, analysis: Analysis, theme: str, keys: Sequence[str],
                size: tuple[int, int] = SIZE) -> str:
    """The reader's screen as SVG after `keys`, with its annotation tab as a reader has it (the
    sidecar in a scratch folder: the shots never write beside the sample)."""
    from guillemet.tui.extensions import discover_extensions

    with tempfile.TemporaryDirectory() as scratch:
        extensions = discover_extensions(article, {"sidecar": str(Path(scratch) / "notes.json")})
        app = ReaderApp(article, FixedAnalysisStream([analysis]), theme=theme, extensions=extensions)
        return await _drive(app, keys, size)


async def _drive(app: ReaderApp, keys: Sequence[str], size: tuple[int, int] = SIZE) -> str:
    async with app.run_test(size=size) as pilot:
        while _analysing(app):
            await pilot.pause(0.02)
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
        await pilot.pause()
        return app.export_screenshot(title="guillemet")


def _analysing(app: ReaderApp) -> bool:
    """Whether the article on show is still being analysed (the state is the article's
    screen's, `app.reader`, where the app has one; the app's own before)."""
    return bool(getattr(getattr(app, "reader", app), "analysing", False))


def to_png(svg: Path, png: Path) -> None:
    """Render with rsvg-convert; spaces are made plain first (it drops leading no-break spaces)."""
    source = svg.read_text(encoding="utf-8").replace("&#160;", " ")
    source = re.sub(r"<svg ", '<svg xml:space="preserve" ', source, count=1)
    with tempfile.NamedTemporaryFile("w", suffix=".svg", encoding="utf-8", delete=False) as tmp:
        tmp.write(source)
    try:
        subprocess.run(["rsvg-convert", "--zoom", "1", tmp.name, "-o", str(png)], check=True)
    finally:
        Path(tmp.name).unlink()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--analysis", type=Path, help="use this JSON instead of the engine")
    parser.add_argument("--model", default="fr_core_news_md")
    options = parser.parse_args()
    article = _load(SAMPLE)
    if options.analysis:
        analysis = Analysis.from_json(json.loads(options.analysis.read_text(encoding="utf-8")))
    else:
        analysis = analyse(article.text, options.model)
    interview = _load(INTERVIEW)
    options.out.mkdir(parents=True, exist_ok=True)
    converter = shutil.which("rsvg-convert")
    plan = [(article, analysis, shot) for shot in SHOTS]
    plan += [(interview, analyse(interview.text, options.model, INTERVIEW), shot) for shot in INTERVIEW_SHOTS]
    for shown, shown_analysis, (name, theme, keys, size) in plan:
        svg = options.out / f"{name}.svg"
        svg.write_text(asyncio.run(shoot(shown, shown_analysis, theme, keys, size)), encoding="utf-8")
        if converter:
            to_png(svg, svg.with_suffix(".png"))
        print(f"{svg.relative_to(ROOT) if svg.is_relative_to(ROOT) else svg}"
              f"{' + .png' if converter else ''}")
    if not converter:
        print("rsvg-convert not found: PNGs skipped (Debian: apt-get install librsvg2-bin)",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
