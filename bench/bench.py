"""`make bench`: how fast guillemet is on this machine, measured in one run, printed as one table.

Rows (medians of several runs unless said otherwise):
- model load: `import spacy` + loading the pipeline the engine uses, in a fresh process;
- words per second of raw spaCy (`nlp.pipe` over the paragraphs, same pipeline) and of the
  `guillemet extract` path (read the files, analyse, make the JSON; model already loaded) on the
  same texts (the fr-litbank corpus), their ratio, and the same path with `--jobs 2`;
- the whole `guillemet extract` command on the corpus, one and two jobs (one run each);
- a 1 MB document through `guillemet extract`: time and peak memory of that process;
- the reader on a terminal: the real `guillemet ARTICLE` in a pseudo-terminal (bench/terminal.py),
  launch to text on screen for the sample and the 1 MB document, and re-open of a cached article
  to its colours and speakers; the time a string first shows on the terminal, whoever draws it
  (the first screen painted before Textual is imported, or Textual);
- the reader, headless (`App.run_test`) in a fresh process per run: launch to Textual's first
  frame and to colours for the sample and the 1 MB document, `n` keypress to repaint on the 1 MB
  document (keys at a held key's repeat rate), worst keypress while the analysis runs, re-wrap on
  resize, resize across the side panel's fold, and peak memory of the reader's own process and of its analysis process. Moments are
  taken in the reader's process: the first frame Textual composites with article lines in it,
  colours and keys from the app's public state after the repaint that shows them.

`--quick` is a smoke run (one run each, a small corpus, a 200 kB "big" document), `--reader-only`
skips the engine rows. `--markdown` prints the table for the README.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from terminal import time_strings

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "fr-litbank"
SAMPLE = ROOT / "seeds" / "lecornu-choigou.txt"
MODEL = "fr_core_news_md"
CACHE_DIR_ENV = "GUILLEMET_CACHE_DIR"
BIG_CHARS = 1_000_000
QUICK_BIG_CHARS = 200_000
TERMINAL_SIZE = (120, 40)
REWRAP_WIDTHS = (100, 140, 100, 140, 100, 140)
"""Terminal widths at which the article's measure differs (about 62 and 76 characters with the
side panel beside it), so that every resize re-wraps the 1 MB text."""
FOLD_WIDTHS = (80, 120, 80, 120, 80, 120)
"""Terminal widths on either side of the side panel's fold: the panel goes and comes back;
the text keeps its measure (76 characters at both), so this is the screen's layout alone."""
KEY_RATE = 30
"""Keys a second in the `n` test: a held key's auto-repeat (typically 25 to 33 a second). Keys
sent back to back would measure Textual's frame clock: it repaints at most 60 times a second,
so a key that comes within 1/60 s of the last repaint waits for the next one."""


# The table -------------------------------------------------------------------------------


@dataclass
class Row:
    """One line of the table: what was measured, the result, the target and whether it is met."""

    measure: str
    result: str
    target: str = ""
    met: bool | None = None

    @property
    def verdict(self) -> str:
        return {True: "yes", False: "NO", None: ""}[self.met]


def seconds(value: float) -> str:
    return f"{value:.2f} s" if value >= 1 else f"{value * 1000:.0f} ms"


def millis(value: float) -> str:
    return f"{value * 1000:.1f} ms"


def megabytes(kilobytes: float) -> str:
    return f"{kilobytes / 1024:.0f} MB"


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def print_table(rows: list[Row], header: list[str], markdown: bool) -> None:
    if markdown:
        print("\n".join(header))
        print()
        print("| Measure | Result | Target | Met |")
        print("|---|---|---|---|")
        for row in rows:
            print(f"| {row.measure} | {row.result} | {row.target} | {row.verdict} |")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title="guillemet benchmark", caption="\n".join(header), caption_justify="left")
    for column in ("Measure", "Result", "Target", "Met"):
        table.add_column(column, overflow="fold")
    for row in rows:
        style = "bold red" if row.met is False else None
        table.add_row(row.measure, row.result, row.target, row.verdict, style=style)
    Console(width=max(120, Console().width)).print(table)


def machine_header(started: float) -> list[str]:
    """Date and machine: the figures mean nothing without them."""
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or cpu
    versions = []
    for package in ("spacy", MODEL, "textual"):
        try:
            from importlib.metadata import version

            versions.append(f"{package} {version(package)}")
        except Exception:  # noqa: BLE001 - a missing package is just not listed
            pass
    load = os.getloadavg()
    return [
        f"Measured {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC in {time.time() - started:.0f} s "
        f"on {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
        + ", ".join(versions)
        + ".",
        f"Load average at the end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} "
        "(other processes on a shared machine slow every figure).",
    ]


# Processes ---------------------------------------------------------------------------------


def run_measured(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, int, int, str]:
    """Run a process; return (wall seconds, exit status, its peak RSS in kB, its stdout)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(argv, stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        process.returncode = code = os.waitstatus_to_exitcode(status)
        if code != 0:
            err.seek(0)
            tail = err.read().decode("utf-8", "replace")[-600:]
            print(f"bench: {' '.join(argv[:5])}... exited {code}: {tail}", file=sys.stderr)
        out.seek(0)
        return elapsed, code, usage.ru_maxrss, out.read().decode("utf-8", "replace")


def environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != CACHE_DIR_ENV}
    env.update(extra)
    return env


def guillemet_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "guillemet", *args]


# Workloads ---------------------------------------------------------------------------------


def corpus_files(quick: bool) -> list[Path]:
    files = sorted(CORPUS.glob("*.txt"))
    return files[:3] if quick else files


def word_count(texts: Sequence[str]) -> int:
    return sum(len(text.split()) for text in texts)


def make_big_document(directory: Path, chars: int) -> Path:
    """About `chars` characters of real French prose: the corpus, or the sample, repeated."""
    sources = sorted(CORPUS.glob("*.txt")) or [SAMPLE]
    parts: list[str] = []
    size = 0
    while size < chars:
        for source in sources:
            text = source.read_text(encoding="utf-8").strip() + "\n\n"
            parts.append(text)
            size += len(text)
            if size >= chars:
                break
    text = "".join(parts)[:chars]
    text = text[: text.rfind("\n") + 1] or text
    path = directory / "big-document.txt"
    path.write_text(text, encoding="utf-8")
    return path


# Engine rows -------------------------------------------------------------------------------

LOAD_SCRIPT = """
import json, time
started = time.perf_counter()
import spacy
imported = time.perf_counter()
from guillemet.analysis.pipeline import load_pipeline
load_pipeline({model!r})
done = time.perf_counter()
print(json.dumps({{"import": imported - started, "load": done - imported}}))
"""


def model_load_rows(runs: int) -> list[Row]:
    imports, loads, peaks = [], [], []
    for _ in range(runs):
        _, status, peak, out = run_measured([sys.executable, "-c", LOAD_SCRIPT.format(model=MODEL)], environment())
        if status == 0:
            result = json.loads(out)
            imports.append(result["import"])
            loads.append(result["load"])
            peaks.append(peak)
    if not loads:
        return [Row("Model load", "failed")]
    total = [i + l for i, l in zip(imports, loads)]
    return [
        Row(
            f"Model load, fresh process ({MODEL}, engine components)",
            f"{seconds(median(total))} (import spaCy {seconds(median(imports))} + load "
            f"{seconds(median(loads))}); {megabytes(median(peaks))}",
        )
    ]


def throughput_rows(files: list[Path], runs: int) -> tuple[list[Row], float | None]:
    """Raw spaCy vs the extract path vs two jobs, on the same texts, in this process."""
    from guillemet.analysis.engine import PIPE_BATCH_SIZE
    from guillemet.analysis.paragraphs import paragraph_spans
    from guillemet.analysis.pipeline import load_pipeline
    from guillemet.batch import BatchExtractor, load_engine
    from guillemet.inputs import load_article

    texts = [load_article(str(path)).text for path in files]
    words = word_count(texts)
    sources = [str(path) for path in files]
    paragraphs = [text[start:end] for text in texts for start, end in paragraph_spans(text)]

    engine = load_engine(MODEL)
    # The engine's own pipeline: the same components and the same vocabulary state, so the
    # only difference measured is the work guillemet adds around spaCy.
    nlp = getattr(engine, "nlp", None) or load_pipeline(MODEL)
    for _ in nlp.pipe(paragraphs[:200], batch_size=PIPE_BATCH_SIZE):
        pass
    engine.analyse(texts[0][:20_000])

    def raw() -> None:
        for _ in nlp.pipe(paragraphs, batch_size=PIPE_BATCH_SIZE):
            pass

    def extract_with(batch: BatchExtractor) -> Callable[[], None]:
        def run() -> None:
            for outcome in batch.run(sources):
                if outcome.analysis is None:
                    raise RuntimeError(outcome.error)
                json.dumps(outcome.analysis.to_json(), ensure_ascii=False)

        return run

    single = BatchExtractor(MODEL, jobs=1, cache=None)
    raw_times, single_times = [], []
    for _ in range(runs):  # interleaved, so a burst of load from elsewhere hits both alike
        raw_times.append(timed(raw))
        single_times.append(timed(extract_with(single)))
    with BatchExtractor(MODEL, jobs=2, cache=None) as double:
        double.warm_up()
        double_times = [timed(extract_with(double)) for _ in range(runs)]

    raw_wps = words / median(raw_times)
    single_wps = words / median(single_times)
    double_wps = words / median(double_times)
    corpus = f"{len(files)} files, {sum(map(len, texts)) / 1e6:.2f} M chars, {words:,} words"
    rows = [
        Row(f"Raw spaCy nlp.pipe over paragraphs ({corpus})", f"{raw_wps:,.0f} words/s"),
        Row("guillemet extract path, 1 process (read, analyse, JSON; model loaded)", f"{single_wps:,.0f} words/s"),
        Row("  ratio extract / raw spaCy", f"{single_wps / raw_wps:.2f}", ">= 0.85", single_wps / raw_wps >= 0.85),
        Row("guillemet extract path, --jobs 2 (workers loaded)", f"{double_wps:,.0f} words/s"),
        Row("  ratio --jobs 2 / 1 process", f"{double_wps / single_wps:.2f}", ">= 1.5", double_wps / single_wps >= 1.5),
    ]
    return rows, words


def timed(action: Callable[[], None]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def command_rows(files: list[Path], words: int, cache_dir: Path) -> list[Row]:
    """The whole command, as a user runs it: start-up and model loads included."""
    rows = []
    for jobs in (1, 2):
        argv = guillemet_command("extract", "--no-cache", "--format", "jsonl", "--jobs", str(jobs), *map(str, files))
        elapsed, status, _, out = run_measured(argv, environment(**{CACHE_DIR_ENV: str(cache_dir)}))
        ok = status == 0 and len(out.splitlines()) == len(files)
        rows.append(
            Row(
                f"`guillemet extract --jobs {jobs}` on the corpus, whole command (one run)",
                f"{seconds(elapsed)} = {words / elapsed:,.0f} words/s" if ok else f"failed (exit {status})",
            )
        )
    return rows


def big_extract_rows(big: Path, cache_dir: Path) -> list[Row]:
    argv = guillemet_command("extract", "--no-cache", "--format", "jsonl", str(big))
    elapsed, status, peak, out = run_measured(argv, environment(**{CACHE_DIR_ENV: str(cache_dir)}))
    size = f"{big.stat().st_size / 1e6:.1f} MB"
    if status != 0:
        return [Row(f"{size} document through guillemet extract", f"FAILED (exit {status})", "no error", False)]
    analysis = json.loads(out)
    return [
        Row(
            f"{size} document through guillemet extract (one run, incl. model load)",
            f"{seconds(elapsed)}, {len(analysis['quotes'])} quotes, peak {megabytes(peak)}",
            "analysis < 1.5 GB",
            peak < 1.5 * 1024 * 1024,
        )
    ]


# Reader rows (each run in a fresh process: bench.py --child reader ...) -----------------------


def reader_available() -> str | None:
    """None when the reader exposes what the bench needs, else why not."""
    probe = "from guillemet.commands.read import build_app"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=environment())
    if result.returncode != 0:
        return (result.stderr.strip().splitlines() or ["cannot import the reader"])[-1]
    return None


def run_reader(path: Path, cache_dir: Path, *, keys: bool, no_cache: bool = False) -> dict:
    """Launch the reader headless on `path` in a fresh process; return its measurements."""
    argv = [sys.executable, str(Path(__file__).resolve()), "--child", "reader", str(path), "--t0"]
    env = environment(**{CACHE_DIR_ENV: str(cache_dir)})
    extra = ["--keys"] if keys else []
    extra += ["--no-cache"] if no_cache else []
    launched = time.time()
    _, status, _, out = run_measured([*argv, repr(launched), *extra], env)
    if status != 0:
        return {"error": f"exit {status}"}
    lines = out.strip().splitlines()
    return json.loads(lines[-1]) if lines else {"error": "no result"}


def reader_rows(big: Path, quick: bool, runs: int) -> list[Row]:
    problem = reader_available()
    if problem:
        return [Row("Reader rows", f"not measured: {problem}")]
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as scratch, scratch_library(Path(scratch)):
        sample = Path(scratch) / SAMPLE.name  # a copy: the reader may write a sidecar beside it
        sample.write_bytes(SAMPLE.read_bytes())
        size = f"{big.stat().st_size / 1e6:.1f} MB"
        # On a terminal: the real command, never seen before (a fresh cache each run), then cached.
        for name, path, extra in (("sample", sample, []), (size, big, ["--no-cache"])):
            words = first_words(path)
            seen = [on_terminal([str(path), *extra], [words], Path(scratch) / f"fresh-{n}") for n in range(runs)]
            texts = [times[words] for times in seen if words in times]
            rows.append(Row(f"Reader, {name}: launch to text on a terminal", seconds(median(texts)) if texts
                            else "not measured: the text never showed", "< 0.25 s", bool(texts) and median(texts) < 0.25))
        rows += cached_rows(sample, Path(scratch) / "warm", runs)
        # Headless, in the app: when Textual's frames show the text and the colours; the keys.
        fresh = [run_reader(sample, Path(scratch) / f"headless-{n}", keys=False) for n in range(runs)]
        rows += launch_rows("sample", fresh)
        big_runs = [run_reader(big, Path(scratch) / "big", keys=True, no_cache=True) for _ in range(1 if quick else 2)]
        rows += launch_rows(size, big_runs)
        rows += key_rows(size, big_runs)
    return rows


@contextlib.contextmanager
def scratch_library(scratch: Path) -> Iterator[None]:
    """The readers the bench starts record their articles in a speaker library of its own
    (as they would in the user's: the recording's cost is part of what is measured)."""
    before = os.environ.get(LIBRARY_ENV)
    os.environ[LIBRARY_ENV] = str(scratch / "speakers.sqlite3")
    try:
        yield
    finally:
        if before is None:
            del os.environ[LIBRARY_ENV]
        else:
            os.environ[LIBRARY_ENV] = before


LIBRARY_ENV = "GUILLEMET_LIBRARY"

INTERNALS_SWITCH = "GUILLEMET_TEXTUAL_INTERNALS"
"""Switches off the reader's shortcuts past Textual's drawing (`guillemet.tui.textual_internals`)."""


def reader_rows_internals_off(big: Path, quick: bool, runs: int) -> list[Row]:
    """The reader's rows again with its shortcuts past Textual switched off: what each costs
    is the difference, and whether the targets hold on Textual's public path alone."""
    os.environ[INTERNALS_SWITCH] = "off"  # every process the rows start inherits it
    try:
        rows = reader_rows(big, quick, runs)
    finally:
        del os.environ[INTERNALS_SWITCH]
    for row in rows:
        row.measure += " [internals off]"
    return rows


def first_words(path: Path) -> str:
    """A few words the reader draws on its first screen: the start of the first paragraph."""
    first = next(line for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return " ".join(first.split()[:3])[:24]


def on_terminal(args: list[str], wanted: list[str], cache_dir: Path) -> dict[str, float]:
    """When each of `wanted` showed on a terminal running `guillemet ARGS`; nothing if the
    reader did not then quit cleanly on `q` (a crash is not a fast launch)."""
    # a modern terminal: 24-bit colours (the first screen is drawn only where it can look
    # like the app, with 256 colours or more)
    env = environment(**{CACHE_DIR_ENV: str(cache_dir), "TERM": "xterm-256color", "COLORTERM": "truecolor"})
    env.pop("TEXTUAL", None)  # no devtools
    env.pop("NO_COLOR", None)
    seen, status = time_strings(guillemet_command(*args), wanted, size=TERMINAL_SIZE, env=env)
    if status != 0:
        print(f"bench: guillemet {' '.join(args)} on a terminal ended with status {status}", file=sys.stderr)
        return {}
    return seen


def cached_rows(sample: Path, cache_dir: Path, runs: int) -> list[Row]:
    """Re-open of a cached article: until its colours and speakers are on the terminal, seen as
    the speakers panel's first row (the panel and the colours are drawn together)."""
    from guillemet.analysis.models import Analysis
    from guillemet.reading.model import ReadingModel, speaker_details

    extracted = subprocess.run(guillemet_command("extract", str(sample)), capture_output=True, text=True,
                               env=environment(**{CACHE_DIR_ENV: str(cache_dir)}), check=False)
    if extracted.returncode != 0:
        return [Row("Re-open of a cached article", "not measured: `guillemet extract` failed")]
    speakers = ReadingModel.build(Analysis.from_json(json.loads(extracted.stdout))).speakers
    if not speakers:
        return [Row("Re-open of a cached article", "not measured: the sample has no speakers")]
    top = f"{speakers[0].name}  {speaker_details(len(speakers[0].claims), speakers[0].kind)}"
    # A re-open: the article was opened once before (which also recorded the theme's colours
    # for the first screen; without them it draws the theme's raw colours, as fast).
    on_terminal([str(sample)], [top], cache_dir)
    seen = [on_terminal([str(sample)], [top], cache_dir) for _ in range(runs)]
    values = [times[top] for times in seen if top in times]
    if not values:
        return [Row("Re-open of a cached article", "not measured: the speakers never showed")]
    return [Row("Re-open of a cached article: launch to colours and speakers on a terminal",
                seconds(median(values)), "< 0.3 s", median(values) < 0.3)]


def launch_rows(name: str, results: list[dict]) -> list[Row]:
    rows = []
    texts = [r["text"] for r in results if "text" in r]
    colours = [r["colours"] for r in results if "colours" in r]
    complete = [r["complete"] for r in results if "complete" in r]
    if texts:
        cpu = [r["text_cpu"] for r in results if "text_cpu" in r]
        rows.append(Row(f"Reader, {name}, headless: launch to the app's first frame (CPU time)",
                        f"{seconds(median(texts))} ({seconds(median(cpu))} CPU)"))
    if colours:
        rows.append(Row(f"Reader, {name}, headless: launch to colours (first screen)", seconds(median(colours))))
    if complete and (not colours or median(complete) - median(colours) > 0.05):
        rows.append(Row(f"Reader, {name}, headless: launch to complete analysis", seconds(median(complete))))
    if not texts:
        rows.append(Row(f"Reader, {name}", _error(results)))
    return rows


def key_rows(name: str, results: list[dict]) -> list[Row]:
    rows = []
    n_keys = [t for r in results for t in r.get("n_keys", [])]
    busy = [t for r in results for t in r.get("busy_keys", [])]
    resize = [t for r in results for t in r.get("resize", [])]
    fold = [t for r in results for t in r.get("fold", [])]
    if n_keys:
        cpu = [t for r in results for t in r.get("n_keys_cpu", [])]
        rows.append(Row(f"Reader, {name}: `n` to repaint, median / worst of {len(n_keys)} (CPU median)",
                        f"{millis(median(n_keys))} / {millis(max(n_keys))} ({millis(median(cpu))} CPU)",
                        "< 10 / < 50 ms", median(n_keys) < 0.010 and max(n_keys) < 0.050))
    else:
        rows.append(Row(f"Reader, {name}: `n` keypress", "not measured (no quote or no key event)"))
    if busy:
        rows.append(Row(f"Reader, {name}: worst keypress while the analysis runs ({len(busy)} keys)",
                        millis(max(busy)), "< 50 ms", max(busy) < 0.050))
    if resize:
        rows.append(Row(f"Reader, {name}: re-wrap on resize ({' ↔ '.join(map(str, REWRAP_WIDTHS[:2]))} columns), "
                        "median / worst", f"{millis(median(resize))} / {millis(max(resize))}",
                        "< 100 ms", median(resize) < 0.100))
    if fold:
        rows.append(Row(f"Reader, {name}: resize across the side panel's fold ({' ↔ '.join(map(str, FOLD_WIDTHS[:2]))} "
                        "columns), median / worst", f"{millis(median(fold))} / {millis(max(fold))}",
                        "< 100 ms", median(fold) < 0.100))
    own = [r["rss_self_kb"] for r in results if "rss_self_kb" in r]
    analysis = [r["rss_analysis_kb"] for r in results if r.get("rss_analysis_kb")]
    if own:
        rows.append(Row(f"Reader, {name}: peak memory of the reader's own process", megabytes(max(own)), "< 150 MB",
                        max(own) < 150 * 1024))
    if analysis:
        rows.append(Row(f"Reader, {name}: peak memory of its analysis process", megabytes(max(analysis)), "< 1.5 GB",
                        max(analysis) < 1.5 * 1024 * 1024))
    return rows


def _error(results: list[dict]) -> str:
    errors = {r.get("error", "no timestamps logged") for r in results}
    return "not measured: " + "; ".join(sorted(errors))


# The child process that drives the reader -------------------------------------------------------


def child_reader(path: str, t0: float, keys: bool, no_cache: bool) -> None:
    """Run the reader headless on `path`, time its moments and keys; print one JSON line.

    Moments are taken from the app's public state, each "after the repaint that shows it"
    (`call_after_refresh` once the state has changed): text on screen when the app is ready,
    colours when the app has processed `AnalysisShown` and the speakers panel has followed
    (a frame later), a key when the claim or the scroll
    position it moves has changed, a re-wrap when the view's layout has the new width, a fold
    when the screen has folded the side panel away (or brought it back) at the new size.
    `t0` is the time the parent process launched this one.
    """
    import asyncio

    result: dict = {}

    async def after_repaint(app) -> float:  # type: ignore[no-untyped-def]
        painted = asyncio.get_running_loop().create_future()
        app.screen.call_after_refresh(lambda: painted.done() or painted.set_result(time.time()))
        return await painted

    async def until(condition: Callable[[], bool], timeout: float) -> bool:
        deadline = time.time() + timeout
        while not condition():
            if time.time() > deadline:
                return False
            await asyncio.sleep(0.0005)
        return True

    async def scenario() -> None:
        from guillemet.commands.read import build_app

        # the app is built first, as the command does: Textual is imported with its settings
        built = build_app([path, *(["--no-cache"] if no_cache else [])])
        from textual import events as textual_events

        from guillemet.reading.layout import side_folded
        from guillemet.tui.article_view import ArticleView
        from guillemet.tui.side_column import FOLDED

        app = built[0] if isinstance(built, tuple) else built  # (app, input errors)
        first_frame: list[tuple[float, float]] = []  # (time, CPU time) of the first text frame
        drawn: list[bool] = []
        draw_lines = ArticleView.render_lines

        def render_lines(view, crop):  # type: ignore[no-untyped-def]
            if view.text_layout is not None:  # the article's lines, wrapped
                drawn.append(True)
            return draw_lines(view, crop)

        display = app._display

        def display_frame(screen, renderable):  # type: ignore[no-untyped-def]
            # the composited frame that first holds article lines: what a terminal shows
            if drawn and renderable is not None and not first_frame:
                first_frame.append((time.time(), time.process_time()))
            return display(screen, renderable)

        ArticleView.render_lines = render_lines  # type: ignore[method-assign]
        app._display = display_frame  # type: ignore[method-assign]
        shown: list[tuple[bool, float]] = []  # (complete, time painted)
        key_cpu: list[float] = []  # CPU time the process spent on each `n` (contention-free)

        def hook(message: object) -> None:
            # an analysis is on screen once the speakers panel shows it too, a frame after
            # the view (`ReaderApp.show_analysis`): after the second repaint from now
            if type(message).__name__ == "AnalysisShown":
                complete = bool(getattr(getattr(message, "analysis", None), "complete", False))
                app.screen.call_after_refresh(
                    lambda: app.screen.call_after_refresh(lambda: shown.append((complete, time.time()))))

        async with app.run_test(size=TERMINAL_SIZE, message_hook=hook) as pilot:
            # The frame that first shows the article's lines is recorded as it is sent
            # (`display_frame`); wait for it rather than for one repaint: the app can be ready,
            # and repaint, before the view has laid out a 1 MB text, and that repaint holds no
            # article line (the intermittent IndexError of a busy machine).
            if not await until(lambda: bool(first_frame), 120.0):
                result["error"] = "no frame with the article's text within 120 s"
                return
            result["text"] = first_frame[0][0] - t0
            result["text_cpu"] = first_frame[0][1]  # this process's CPU since it started
            ArticleView.render_lines = draw_lines  # type: ignore[method-assign]
            view = app.reader.article_view

            async def key(name: str, char: str | None, changed: Callable[[], object]) -> float | None:
                before = changed()
                sent, cpu = time.time(), time.process_time()
                event = textual_events.Key(name, char)
                event.set_sender(app)
                app.post_message(event)
                if not await until(lambda: changed() != before, 5.0):
                    return None
                latency = await after_repaint(app) - sent
                key_cpu.append(time.process_time() - cpu)
                return latency

            busy: list[float] = []
            while keys and not any(complete for complete, _ in shown) and time.time() - t0 < 900:
                if view.scroll_offset.y > 200:
                    await key("home", None, lambda: view.scroll_offset.y)
                latency = await key("down", None, lambda: view.scroll_offset.y)
                if latency is not None:
                    busy.append(latency)
                await asyncio.sleep(0.1)
            if not await until(lambda: any(complete for complete, _ in shown), 900):
                result["error"] = "no complete analysis was shown"
            if shown:
                result["colours"] = shown[0][1] - t0
                result["cached"] = shown[0][0] and shown[0][1] - t0 < 1.0
            finished = [when for complete, when in shown if complete]
            if finished:
                result["complete"] = finished[0] - t0
            if keys:
                result["busy_keys"] = busy
                key_cpu.clear()
                n_keys = []
                for _ in range(40):  # at most KEY_RATE keys a second, as a held key repeats
                    pressed = time.time()
                    n_keys.append(await key("n", "n", lambda: app.reader.current_claim))
                    await asyncio.sleep(max(0.0, 1 / KEY_RATE - (time.time() - pressed)))
                result["n_keys"] = [t for t in n_keys if t is not None]
                result["n_keys_cpu"] = list(key_cpu)
                resize = []
                for width in REWRAP_WIDTHS:
                    old_wrap = view.text_layout.width
                    started = time.time()
                    _resize(app, (width, TERMINAL_SIZE[1]))
                    rewrapped = await until(lambda: view.text_layout.width == view.text_width != old_wrap, 5.0)
                    if rewrapped:
                        resize.append(await after_repaint(app) - started)
                result["resize"] = resize
                fold = []
                for width in FOLD_WIDTHS:
                    folded = side_folded(width)
                    started = time.time()
                    _resize(app, (width, TERMINAL_SIZE[1]))
                    if await until(lambda: app.screen.has_class(FOLDED) == folded and app.screen.size.width == width, 5.0):
                        fold.append(await after_repaint(app) - started)
                result["fold"] = fold
            await pilot.pause()

    asyncio.run(scenario())
    result["rss_self_kb"] = own_peak_kb()
    result["rss_analysis_kb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps(result))


def own_peak_kb() -> int:
    """This process's peak resident memory. Linux keeps `ru_maxrss` across fork and exec, so a
    process started by the bench would report the bench's own peak (spaCy loaded); the high
    water mark of the process image, `VmHWM`, is its own."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _resize(app, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    """What `Pilot.resize_terminal` does, without its idle wait (>= 20 ms) in the timing."""
    from textual.events import Resize
    from textual.geometry import Size

    driver = app._driver
    if driver is not None and hasattr(driver, "_size"):
        driver._size = Size(*size)
    app.post_message(Resize(Size(*size), Size(*size)))


# Main --------------------------------------------------------------------------------------


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a fast smoke run (one run each, small inputs)")
    parser.add_argument("--runs", type=int, default=None, help="runs per measure (default 3, 1 with --quick)")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument("--skip-reader", action="store_true", help="measure the engine only")
    parser.add_argument("--reader-only", action="store_true", help="measure the reader only")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("child_args", nargs="*", help=argparse.SUPPRESS)
    parser.add_argument("--t0", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--keys", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--no-cache", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.child == "reader":
        child_reader(args.child_args[0], args.t0, args.keys, args.no_cache)
        return 0
    started = time.time()
    runs = args.runs or (1 if args.quick else 3)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as scratch:
        cache_dir = Path(scratch) / "cache"
        big = make_big_document(Path(scratch), QUICK_BIG_CHARS if args.quick else BIG_CHARS)
        for step in progress_steps(args, rows, runs, big, cache_dir):
            print(f"bench: {step}", file=sys.stderr, flush=True)
    header = machine_header(started)
    print_table(rows, header, args.markdown)
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "bench.md", "w", encoding="utf-8") as markdown:  # the same run, for the README
        sys.stdout, stdout = markdown, sys.stdout
        try:
            print_table(rows, header, True)
        finally:
            sys.stdout = stdout
    print(f"bench: the table as Markdown is in {(out / 'bench.md').relative_to(ROOT)}", file=sys.stderr)
    return 0


def progress_steps(args: argparse.Namespace, rows: list[Row], runs: int, big: Path, cache_dir: Path) -> Iterator[str]:
    """Measure in order, engine first, saying what is being measured (the bench takes minutes)."""
    if args.reader_only:
        yield "reader"
        rows += reader_rows(big, args.quick, runs)
        yield f"reader with {INTERNALS_SWITCH}=off"
        rows += reader_rows_internals_off(big, args.quick, runs)
        return
    yield "model load"
    rows += model_load_rows(runs)
    files = corpus_files(args.quick)
    if files:
        yield f"throughput on {len(files)} corpus files, {runs} runs"
        throughput, words = throughput_rows(files, runs)
        rows += throughput
        if not args.quick and words:
            yield "whole guillemet extract command"
            rows += command_rows(files, words, cache_dir)
    else:
        rows.append(Row("Throughput rows", "skipped: the fr-litbank corpus is not next to the checkout"))
    yield "big document through guillemet extract"
    rows += big_extract_rows(big, cache_dir)
    yield "speaker library queries"
    from library_bench import library_rows  # bench/library_bench.py

    rows += library_rows(Row)
    if not args.skip_reader:
        yield "reader"
        rows += reader_rows(big, args.quick, runs)
        yield f"reader with {INTERNALS_SWITCH}=off"
        rows += reader_rows_internals_off(big, args.quick, runs)


if __name__ == "__main__":
    sys.exit(main())
