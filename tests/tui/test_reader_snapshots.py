"""SVG snapshots of the reader's main states (pytest-textual-snapshot), with frozen state.

The analysis is the hand-made one (no timing, no model), and every state is reached by keys
after the analysis is on screen, so each picture is the same on every run. Update them with
`pytest tests/tui/test_reader_snapshots.py --snapshot-update` after a deliberate change, and
look at the report before committing.
"""

from __future__ import annotations

from reader_harness import make_app, settle

from guillemet.tui.themes import LIGHT_THEME

SIZE = (120, 36)


def _ready(app):
    async def run_before(pilot) -> None:
        await settle(pilot, app)

    return run_before


def _press_after_ready(app, *keys: str):
    async def run_before(pilot) -> None:
        await settle(pilot, app)
        await pilot.press(*keys)
        await pilot.pause()

    return run_before


def test_reader_opens_on_the_article(snap_compare, article, analysis) -> None:
    app = make_app(article, [analysis])
    assert snap_compare(app, terminal_size=SIZE, run_before=_ready(app))


def test_current_claim_in_the_light_theme(snap_compare, article, analysis) -> None:
    app = make_app(article, [analysis], theme=LIGHT_THEME)
    assert snap_compare(app, terminal_size=SIZE, run_before=_press_after_ready(app, "n", "n", "n"))


def test_speaker_filter(snap_compare, article, analysis) -> None:
    app = make_app(article, [analysis])
    keys = ("S", "down", "enter", "space", "tab", "n")
    assert snap_compare(app, terminal_size=SIZE, run_before=_press_after_ready(app, *keys))


def test_source_mention_and_search(snap_compare, article, analysis) -> None:
    app = make_app(article, [analysis])
    keys = ("slash", *"ukraine", "enter", "n", "n", "s")
    assert snap_compare(app, terminal_size=SIZE, run_before=_press_after_ready(app, *keys))


def test_help_screen(snap_compare, article, analysis) -> None:
    app = make_app(article, [analysis])
    assert snap_compare(app, terminal_size=SIZE, run_before=_press_after_ready(app, "question_mark"))


def test_without_analysis(snap_compare, article) -> None:
    app = make_app(article, [])
    assert snap_compare(app, terminal_size=(80, 24), run_before=_ready(app))


def test_entity_colours_dialog_with_people_hidden(snap_compare, article, analysis) -> None:
    app = make_app(article, [analysis])
    assert snap_compare(app, terminal_size=SIZE, run_before=_press_after_ready(app, "c", "space"))
