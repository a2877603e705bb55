"""Every key of the reader, through Pilot, with the hand-made analysis of the sample article.

Each test asserts the state the key must leave: the current claim, the scroll position, the
speaker filter, the jump history, the focus.
"""

from __future__ import annotations

from reader_harness import claim_is_centred, make_app, settle, visible_lines
from textual.widgets import Tabs

from guillemet.tui.article_view import ArticleView
from guillemet.tui.colours_dialog import EntityColoursDialog
from guillemet.tui.help_screen import HelpScreen
from guillemet.tui.speakers_panel import SpeakersPanel

SMALL = (100, 16)  # short enough that the sample scrolls


async def test_n_and_p_move_in_reading_order_and_centre_the_claim(article, analysis) -> None:
    app = make_app(article, [analysis])
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        assert app.reader.current_claim is None
        await pilot.press("n")
        assert app.reader.current_quote.id == "q1"
        await pilot.press("n", "n", "n")
        assert app.reader.current_quote.id == "q4"
        assert claim_is_centred(app)
        assert app.reader.article_view.scroll_offset.y > 0
        await pilot.press("p")
        assert app.reader.current_quote.id == "q3"
        assert claim_is_centred(app)
        assert "Quote 3/9 · Sébastien Lecornu · direct" in app.reader.status_line.left


async def test_n_wraps_around_at_the_end(article, analysis) -> None:
    app = make_app(article, [analysis])
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        await pilot.press("p")
        assert app.reader.current_quote.id == "q9"
        await pilot.press("n")
        assert app.reader.current_quote.id == "q1"


async def test_brackets_stay_with_the_same_speaker(article, analysis) -> None:
    app = make_app(article, [analysis])
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        await pilot.press("n")  # q1, Lecornu
        await pilot.press("right_square_bracket")
        assert app.reader.current_quote.id == "q2"
        await pilot.press("right_square_bracket")
        assert app.reader.current_quote.id == "q3"
        await pilot.press("right_square_bracket")
        assert app.reader.current_quote.id == "q1"  # cycles among Lecornu's claims
        await pilot.press("left_square_bracket")
        assert app.reader.current_quote.id == "q3"
        assert claim_is_centred(app)


async def test_s_goes_to_the_mention_then_the_first_mention(article, analysis, sample_text) -> None:
    app = make_app(article, [analysis])
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        for _ in range(8):
            await pilot.press("n")
        quote = app.reader.current_quote
        assert quote.id == "q8"
        await pilot.press("s")
        mention = quote.speaker_mention
        assert app.reader.article_view.focus_span == (mention.start, mention.end)
        await pilot.press("s")
        first = sample_text.index("Sergueï Choïgou")
        assert app.reader.article_view.focus_span == (first, first + len("Sergueï Choïgou"))
        assert app.reader.article_view.text_layout.line_of(first) in visible_lines(app)
        assert app.reader.current_quote.id == "q8"  # the claim stays current


async def test_backspace_goes_back_through_the_jumps(article, analysis) -> None:
    app = make_app(article, [analysis])
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        await pilot.press("n", "n", "n", "n", "n", "n")
        assert app.reader.current_quote.id == "q6"
        top_at_q6 = app.reader.article_view.scroll_offset.y
        await pilot.press("s", "s")
        assert app.reader.article_view.scroll_offset.y == 0
        assert len(app.reader.history) == 8
        await pilot.press("backspace")  # back to the mention of q6
        assert app.reader.article_view.focus_span == tuple(
            (app.reader.current_quote.speaker_mention.start, app.reader.current_quote.speaker_mention.end)
        )
        await pilot.press("backspace")  # back to q6 itself
        assert app.reader.current_quote.id == "q6"
        assert app.reader.article_view.focus_span is None
        assert app.reader.article_view.scroll_offset.y == top_at_q6
        await pilot.press("backspace")
        assert app.reader.current_quote.id == "q5"
        assert len(app.reader.history) == 5


async def test_scrolling_keys(article, analysis) -> None:
    app = make_app(article, [analysis])
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        view = app.reader.article_view
        page = view.scrollable_content_region.height - 2
        await pilot.press("j", "down")
        assert view.scroll_offset.y == 2
        await pilot.press("k")
        assert view.scroll_offset.y == 1
        await pilot.press("space")
        assert view.scroll_offset.y == 1 + page
        await pilot.press("b")
        assert view.scroll_offset.y == 1
        await pilot.press("pagedown")
        assert view.scroll_offset.y == 1 + page
        await pilot.press("pageup", "up")
        assert view.scroll_offset.y == 0
        await pilot.press("G")
        assert view.scroll_offset.y == view.max_scroll_y > 0
        await pilot.press("g")
        assert view.scroll_offset.y == 0
        await pilot.press("end")
        assert view.scroll_offset.y == view.max_scroll_y
        await pilot.press("home")
        assert view.scroll_offset.y == 0
        assert app.reader.current_claim is None  # scrolling is not a jump
        assert len(app.reader.history) == 0


async def test_tab_moves_focus_between_article_and_panel(article, analysis) -> None:
    app = make_app(article, [analysis])
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        assert isinstance(app.focused, ArticleView)
        await pilot.press("tab")
        assert isinstance(app.focused, Tabs)  # the side panel's tab bar: left and right switch tabs
        await pilot.press("tab")
        assert isinstance(app.focused, SpeakersPanel)
        await pilot.press("tab")
        assert isinstance(app.focused, ArticleView)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, SpeakersPanel)
        await pilot.press("shift+tab", "shift+tab")
        assert isinstance(app.focused, ArticleView)


async def test_panel_enter_filters_and_escape_clears(article, analysis) -> None:
    app = make_app(article, [analysis])
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        await pilot.press("S", "down", "enter")  # the second speaker: Choïgou
        assert app.reader.filter_speaker == "choigou"
        assert "only Sergueï Choïgou" in app.reader.status_line.right_parts["filter"]
        await pilot.press("n")
        assert app.reader.current_quote.id == "q6"
        await pilot.press("n", "n")
        assert app.reader.current_quote.id == "q8"
        await pilot.press("n")
        assert app.reader.current_quote.id == "q6"  # n/p cycle through that speaker's claims
        await pilot.press("p")
        assert app.reader.current_quote.id == "q8"
        await pilot.press("escape")
        assert app.reader.filter_speaker is None
        await pilot.press("n")
        assert app.reader.current_quote.id == "q9"


async def test_panel_enter_on_a_quote_jumps_to_it(article, analysis) -> None:
    app = make_app(article, [analysis])
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        await pilot.press("S", "down", "space")  # expand Choïgou
        await pilot.press("down", "down", "enter")  # his second quote
        assert app.reader.current_quote.id == "q7"
        assert claim_is_centred(app)
        assert app.reader.filter_speaker is None
        assert len(app.reader.history) == 1


async def test_e_and_shift_e_visit_entities(article, analysis) -> None:
    app = make_app(article, [analysis])
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        entities = app.reader.model.entities
        await pilot.press("e")
        assert app.reader.article_view.focus_span == (entities[0].start, entities[0].end)
        await pilot.press("e")
        assert app.reader.article_view.focus_span == (entities[1].start, entities[1].end)
        await pilot.press("E")
        assert app.reader.article_view.focus_span == (entities[0].start, entities[0].end)
        await pilot.press("E")
        last = entities[-1]
        assert app.reader.article_view.focus_span == (last.start, last.end)
        assert app.reader.article_view.text_layout.line_of(last.start) in visible_lines(app)


async def test_search_with_next_and_previous_match(article, analysis, sample_text) -> None:
    app = make_app(article, [analysis])
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        await pilot.press("slash")
        await pilot.press(*"ukraine")
        assert len(app.reader.search_results) == sample_text.lower().count("ukraine")
        await pilot.press("enter")
        assert isinstance(app.focused, ArticleView)
        starts = app.reader.search_results.starts
        assert app.reader.article_view.current_match == 0
        assert app.reader.article_view.focus_span == (starts[0], starts[0] + 7)
        await pilot.press("full_stop", "full_stop")
        assert app.reader.article_view.current_match == 2
        await pilot.press("comma")
        assert app.reader.article_view.current_match == 1
        assert app.reader.article_view.text_layout.line_of(starts[1]) in visible_lines(app)
        await pilot.press("escape")
        assert app.reader.search_results is None


async def test_escape_in_the_search_bar_cancels(article, analysis) -> None:
    app = make_app(article, [analysis])
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        await pilot.press("slash", "x", "y", "escape")
        assert app.reader.search_results is None
        assert isinstance(app.focused, ArticleView)


async def test_c_hides_and_shows_entity_colours_type_by_type(article, analysis) -> None:
    app = make_app(article, [analysis])
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        view = app.reader.article_view
        assert view.entity_types_shown == {"entity-per", "entity-org", "entity-loc", "entity-misc"}
        await pilot.press("c")
        assert isinstance(app.screen, EntityColoursDialog)
        await pilot.press("space")  # the first type: person
        assert view.entity_types_shown == {"entity-org", "entity-loc", "entity-misc"}
        assert "person" in app.query_one("#legend").render().plain  # still listed, struck through
        await pilot.press("down", "down", "space")  # place
        assert view.entity_types_shown == {"entity-org", "entity-misc"}
        await pilot.press("escape")
        assert not isinstance(app.screen, EntityColoursDialog)
        assert view.entity_types_shown == {"entity-org", "entity-misc"}  # kept after closing


async def test_c_then_a_hides_every_colour_and_a_again_shows_them(article, analysis) -> None:
    app = make_app(article, [analysis])
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        await pilot.press("c", "a")
        assert not app.reader.article_view.colours
        await pilot.press("c")  # c closes the dialog too
        assert not isinstance(app.screen, EntityColoursDialog)
        assert "entity colours off" in app.query_one("#legend").render().plain
        await pilot.press("c", "a", "escape")
        assert app.reader.article_view.colours


async def test_a_hidden_entity_type_is_drawn_without_its_colour(article, analysis) -> None:
    app = make_app(article, [analysis])
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        view = app.reader.article_view
        person = next(e for e in analysis.entities if e.label == "PER")
        line = view.text_layout.line_of(person.start)
        view.scroll_to_line(line)
        await pilot.pause()

        def style_of_person() -> object:
            strip = view.render_line(0)
            column = view.left_edge + (person.start - view.text_layout.starts[line])
            cells = 0
            for segment in strip:
                cells += len(segment.text)
                if cells > column:
                    return segment.style
            raise AssertionError("the person is not on the line")

        coloured = style_of_person()
        await pilot.press("c", "space", "escape")
        await pilot.pause()
        assert style_of_person() != coloured


async def test_question_mark_shows_every_key_and_q_quits(article, analysis) -> None:
    app = make_app(article, [analysis])
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("q")
        await pilot.pause()
        assert app._exit  # the app is closing
    assert app.return_code == 0


async def test_clicking_a_claim_in_the_text_selects_it(article, analysis) -> None:
    app = make_app(article, [analysis])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        view = app.reader.article_view
        quote = next(q for q in app.reader.model.claims if q.id == "q6")
        line = view.text_layout.line_of(quote.start + 5)
        column = view.left_edge + quote.start + 5 - view.text_layout.starts[line]
        await pilot.click("#article", offset=(column, line - int(view.scroll_offset.y)))
        assert app.reader.current_quote.id == "q6"


async def test_clicking_a_quote_in_the_panel_selects_it(article, analysis) -> None:
    app = make_app(article, [analysis])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        panel = app.reader.speakers_panel
        panel.root.children[0].expand()  # Lecornu: rows 0 (him), 1-3 (his quotes)
        await pilot.pause()
        await pilot.click("#speakers", offset=(8, 2))
        assert app.reader.current_quote.id == "q2"


async def test_keyboard_selection(article, analysis) -> None:
    app = make_app(article, [analysis])
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        await pilot.press("n", "v")
        quote = app.reader.current_quote
        assert app.reader.article_view.selection == (quote.start, quote.end)
        await pilot.press("shift+right")
        start, end = app.reader.article_view.selection
        assert start == quote.start and end > quote.end
        await pilot.press("escape")
        assert app.reader.article_view.selection is None


async def test_keys_typed_right_after_slash_reach_the_search_bar(article, analysis) -> None:
    from textual import events

    app = make_app(article, [analysis])
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        for key, character in (("slash", "/"), ("M", "M"), ("o", "o"), ("slash", "/"), ("s", "s")):
            app.post_message(events.Key(key, character))  # all queued at once, like a fast typist
        await pilot.pause(0.2)
        assert app.query_one("#search").value == "Mo/s"  # the second / is typed, not a new search


async def test_the_command_palette_is_built_from_the_command_table(article, analysis) -> None:
    app = make_app(article, [analysis])
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        assert {"Next claim", "Source", "Back", "Next entity", "Page down"} <= set(commands)
        await commands["Next claim"].callback()
        assert app.reader.current_quote.id == "q1"
        await commands["Page down"].callback()  # a command of the article view
        assert app.reader.article_view.scroll_offset.y > 0


async def test_dragging_the_mouse_selects_text(article, analysis) -> None:
    app = make_app(article, [analysis])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        view = app.reader.article_view
        line = view.text_layout.line_of(app.reader.article.text.index("Cet échange"))
        y = line - int(view.scroll_offset.y)
        await pilot.mouse_down("#article", offset=(view.left_edge, y))
        await pilot.hover("#article", offset=(view.left_edge + 11, y))
        await pilot.mouse_up("#article", offset=(view.left_edge + 11, y))
        start, end = view.selection
        assert app.reader.article.text[start:end] == "Cet échange"
        assert app.reader.current_claim is None  # a drag is not a click


async def test_a_new_analysis_updates_the_speaker_rows_in_place_and_keeps_expansion(article, analysis) -> None:
    from dataclasses import replace

    from guillemet.reading.model import ReadingModel

    app = make_app(article, [analysis])
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        panel = app.reader.speakers_panel
        first = [node.data.speaker_id for node in panel.root.children]
        expanded_id = first[-1]
        last_node = panel.root.children[-1]
        last_node.expand()
        await pilot.pause()
        assert last_node.children
        # a later analysis: the speakers in another order (the last one first), one dropped
        kept = [s for s in analysis.speakers if s.id != first[1]]
        kept_ids = {s.id for s in kept}
        later = replace(analysis, quotes=tuple(q for q in analysis.quotes if q.speaker is None or q.speaker.id in kept_ids))
        model = ReadingModel.build(later)
        app.reader.show_analysis(later, model)
        await pilot.pause()
        rows = [node.data.speaker_id for node in panel.root.children]
        assert rows == [row.id for row in model.speakers]
        for node, row in zip(panel.root.children, model.speakers):
            shown = str(node.label)  # a long name is cut with an ellipsis to fit the panel
            assert shown.startswith(row.name[:8]) and f"{len(row.claims)} · {row.kind}" in shown
        moved = next(node for node in panel.root.children if node.data.speaker_id == expanded_id)
        assert moved.is_expanded and len(moved.children) == len(model.claims_of(expanded_id))
        assert all(not node.is_expanded for node in panel.root.children if node is not moved)


async def test_q_at_once_quits(article, analysis) -> None:
    app = make_app(article, [analysis])
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
