"""The article view: the text wrapped to a reading width, drawn one screen line at a time.

Why a `ScrollView` with `render_line`: only the lines on screen are ever styled, each one is
kept as a `Strip` in an LRU cache, and a change (the current claim, a search match, the
selection) discards and repaints only the lines it touches. The wrap is our own on character
offsets (`layout.py`), so a 1 MB book opens, scrolls and re-wraps on resize in milliseconds.
Scrolling is never animated: a reader wants the page at once.

The view shows state; the app decides it. Setters (`set_model`, `set_current_claim`,
`set_focus_span`, `set_search`, `set_filter`, `set_colours`, `set_entity_types`,
`set_extra_spans`, `set_selection`) each repaint what changed.

Extension points (for annotations):
- `set_extra_spans(spans)`: more highlighted spans (`StyledSpan(start, end, key)`), drawn over
  the analysis; `key` names a component class `article-view--<key>` (`annotation`,
  `highlight`, `annotation-orphan` are styled in `styles/reader.tcss`; an unknown key is drawn
  as `annotation`).
- `selection` (a `(start, end)` pair or None) and the `SelectionChanged` message: made with
  the mouse (drag) or the keyboard (`v`, then shift+arrows).
- `offset_at(x, y)`, `top_offset`, `scroll_to_span(start, end)`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from guillemet.reading import layout as lay
from guillemet.tui.bindings import VIEW_COMMANDS, bindings_of
from guillemet.tui.palette import Palette
from guillemet.reading.model import SPEAKER_KEY_PREFIX, ReadingModel, analysis_layers
from guillemet.reading.search import SearchResults
from guillemet.reading.spans import Runs, StyledSpan, flatten
from guillemet.tui.textual_internals import direct_lines, draws_directly

GUTTER = lay.GUTTER
ENTITY_KEYS = ("entity-per", "entity-org", "entity-loc", "entity-misc")
STYLED_EXTRA_KEYS = ("annotation", "highlight", "annotation-orphan")
LINE_CACHE_SIZE = 256
"""Lines kept styled: a few screens. Each line is a Textual `Strip` of some twenty objects in
reference cycles (its own caches), which every full garbage collection walks; 2000 of them
made those collections three times longer."""


class ArticleView(ScrollView, can_focus=True):
    """The article, its entities and claims (see the module docstring)."""

    ALLOW_SELECT = False
    BINDINGS = bindings_of(VIEW_COMMANDS)
    COMPONENT_CLASSES = {
        "article-view--title",
        "article-view--meta",
        "article-view--rule",
        "article-view--quote",
        "article-view--quote-dimmed",
        "article-view--cue",
        "article-view--mention",
        "article-view--entity-per",
        "article-view--entity-org",
        "article-view--entity-loc",
        "article-view--entity-misc",
        "article-view--current",
        "article-view--focus",
        "article-view--match",
        "article-view--match-current",
        "article-view--selection",
        "article-view--annotation",
        "article-view--highlight",
        "article-view--annotation-orphan",
        "article-view--gutter-quote",
        "article-view--gutter-current",
        "article-view--pending",
    }

    class ClaimClicked(Message):
        """The reader clicked inside a claim."""

        def __init__(self, claim: int) -> None:
            super().__init__()
            self.claim = claim

    class SelectionChanged(Message):
        """The selected text changed (None: nothing is selected)."""

        def __init__(self, selection: tuple[int, int] | None) -> None:
            super().__init__()
            self.selection = selection

    def __init__(
        self,
        text: str,
        title: str | None = None,
        meta: Sequence[str] = (),
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.text = text
        self.article_title = title
        self.article_meta = tuple(meta)
        self.model = ReadingModel.empty()
        self.text_layout: lay.Layout | None = None
        self.current_claim: int | None = None
        self.focus_span: tuple[int, int] | None = None
        self.search: SearchResults | None = None
        self.current_match: int | None = None
        self.filter_speaker: str | None = None
        self.entity_types_shown: frozenset[str] = frozenset(ENTITY_KEYS)
        """The entity component keys (`entity-per`, …) drawn in colour; the others plain."""
        self.extra_runs = Runs([], [])
        self.selection_anchor: int | None = None
        self.selection_caret: int | None = None
        self.pending_from: int | None = None
        """Text past this offset is not analysed yet (None: no analysis is running)."""
        self._line_strips: LRUCache[int, Strip] = LRUCache(LINE_CACHE_SIZE)
        self.palette = Palette(self, "article-view")
        """The view's component classes as blendable Rich styles (the legend and the recorded
        look draw with it too)."""
        self._drag_start: int | None = None
        self._dragged = False

    # -- geometry -------------------------------------------------------------------------

    @property
    def text_width(self) -> int:
        """The width the text is wrapped to at the current size."""
        return lay.text_width_for(self.scrollable_content_region.width)

    @property
    def left_edge(self) -> int:
        """Cells from the view's left edge to the first character of the text."""
        return lay.left_edge_for(self.scrollable_content_region.width)

    def relayout(self) -> None:
        """Wrap the text to the current width, keeping the first line on screen in place."""
        top = self.top_offset if self.text_layout is not None else None
        width = self.text_width
        paragraphs = self.text_layout.paragraphs if self.text_layout is not None else None
        self.text_layout = lay.build_layout(self.text, width, self.article_title, self.article_meta, paragraphs)
        self._line_strips.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.text_layout))
        if top is not None and self.scroll_offset.y > 0:
            self.scroll_to(y=self.text_layout.line_of(top), animate=False, immediate=True)
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        """Re-wrap when the text width changes (the first line on screen stays)."""
        if self.scrollable_content_region.width <= 0:
            return
        if self.text_layout is None or self.text_layout.width != self.text_width:
            self.relayout()
        else:  # the same wrap (cached lines of another width are redrawn by `render_line`)
            self.virtual_size = Size(self.scrollable_content_region.width, len(self.text_layout))

    def on_mount(self) -> None:
        """Wrap the text for the first paint, if the view already has its size (else the
        first resize does it: wrapping a book to a placeholder width would be wasted)."""
        if self.scrollable_content_region.width > 0:
            self.relayout()

    def notify_style(self) -> None:
        """The theme or the CSS changed: resolve the styles again."""
        super().notify_style()
        self.palette.clear()
        self._line_strips.clear()

    @property
    def top_offset(self) -> int:
        """The text offset of the first line on screen."""
        if self.text_layout is None or not len(self.text_layout):
            return 0
        index = min(int(self.scroll_offset.y), len(self.text_layout) - 1)
        return self.text_layout.starts[index]

    def offset_at(self, x: int, y: int) -> int | None:
        """The text offset under the view coordinates `(x, y)`, or None off the text."""
        if self.text_layout is None:
            return None
        index = int(self.scroll_offset.y) + y
        if not 0 <= index < len(self.text_layout) or self.text_layout.kinds[index] != lay.BODY:
            return None
        start, end = self.text_layout.starts[index], self.text_layout.ends[index]
        column = x - self.left_edge
        if column < 0:
            return start
        return lay.cell_offset_to_index(self.text, start, end, column)

    # -- scrolling ------------------------------------------------------------------------

    def scroll_to_line(self, line: int) -> None:
        """Put screen line `line` at the top of the view, at once."""
        self.scroll_to(y=max(0, line), animate=False, immediate=True)

    def scroll_to_offset(self, offset: int) -> None:
        """Put the line showing `offset` at the top of the view."""
        if self.text_layout is not None:
            self.scroll_to_line(self.text_layout.line_of(offset))

    def scroll_to_span(self, start: int, end: int) -> None:
        """Centre `text[start:end]` vertically (its top stays visible if it is taller)."""
        if self.text_layout is None:
            return
        lines = self.text_layout.lines_of(start, max(start + 1, end))
        height = max(1, self.scrollable_content_region.height)
        if len(lines) >= height:
            self.scroll_to_line(lines.start - 1)
        else:
            self.scroll_to_line(lines.start - (height - len(lines)) // 2)

    def action_line_down(self) -> None:
        """Scroll one line down."""
        self.scroll_to(y=self.scroll_offset.y + 1, animate=False, immediate=True)

    def action_line_up(self) -> None:
        """Scroll one line up."""
        self.scroll_to(y=self.scroll_offset.y - 1, animate=False, immediate=True)

    def action_page_down(self) -> None:
        """Scroll a page down (two lines of context kept)."""
        page = max(1, self.scrollable_content_region.height - 2)
        self.scroll_to(y=self.scroll_offset.y + page, animate=False, immediate=True)

    def action_page_up(self) -> None:
        """Scroll a page up (two lines of context kept)."""
        page = max(1, self.scrollable_content_region.height - 2)
        self.scroll_to(y=self.scroll_offset.y - page, animate=False, immediate=True)

    def action_top(self) -> None:
        """Go to the top."""
        self.scroll_to(y=0, animate=False, immediate=True)

    def action_bottom(self) -> None:
        """Go to the end."""
        self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)

    # -- state setters ----------------------------------------------------------------------

    def set_model(self, model: ReadingModel) -> None:
        """Show a new analysis (complete or partial): everything is repainted."""
        self.model = model
        if self.current_claim is not None and self.current_claim >= len(model.claims):
            self.current_claim = None
        self.repaint_all()

    def repaint_all(self) -> None:
        """Forget every cached line and repaint the screen."""
        self.palette.clear()
        self._line_strips.clear()
        self.refresh()

    def repaint_span(self, span: tuple[int, int] | None) -> None:
        """Repaint only the lines that show `span`."""
        if span is None or self.text_layout is None:
            return
        lines = self.text_layout.lines_of(span[0], max(span[0] + 1, span[1]))
        for index in lines:
            self._line_strips.discard(index)
        self.refresh_lines(lines.start, len(lines))

    def _claim_span(self, claim: int | None) -> tuple[int, int] | None:
        if claim is None or claim >= len(self.model.claims):
            return None
        quote = self.model.claims[claim]
        return (quote.start, quote.end)

    def set_current_claim(self, claim: int | None) -> None:
        """Highlight claim `claim` (an index into the model's claims) as the current one."""
        old = self._claim_span(self.current_claim)
        self.current_claim = claim
        self.repaint_span(old)
        self.repaint_span(self._claim_span(claim))

    def set_focus_span(self, span: tuple[int, int] | None) -> None:
        """Mark what the last jump landed on (a mention, an entity, a match)."""
        old, self.focus_span = self.focus_span, span
        self.repaint_span(old)
        self.repaint_span(span)

    def set_search(self, results: SearchResults | None, current: int | None = None) -> None:
        """Show the matches of a search (None: no search)."""
        self.search = results
        self.current_match = current
        self.repaint_all()

    def set_current_match(self, current: int | None) -> None:
        """Mark one match of the search as the current one."""
        if self.search is None:
            return
        old, self.current_match = self.current_match, current
        for index in (old, current):
            if index is not None and index < len(self.search.starts):
                start = self.search.starts[index]
                self.repaint_span((start, start + self.search.length))

    def set_filter(self, speaker_id: str | None) -> None:
        """Dim the claims of every speaker but this one (None: no filter)."""
        self.filter_speaker = speaker_id
        self.repaint_all()

    @property
    def colours(self) -> bool:
        """Whether any entity type is coloured."""
        return bool(self.entity_types_shown)

    def set_colours(self, on: bool) -> None:
        """Show or hide the colours of every entity type."""
        self.set_entity_types(ENTITY_KEYS if on else ())

    def set_entity_types(self, shown: Iterable[str]) -> None:
        """Colour only these entity types (keys of `ENTITY_KEYS`; others are ignored)."""
        self.entity_types_shown = frozenset(shown) & frozenset(ENTITY_KEYS)
        self.repaint_all()

    def set_extra_spans(self, spans: Iterable[StyledSpan]) -> None:
        """Highlight more spans over the analysis (annotations): see the module docstring."""
        self.extra_runs = flatten(spans)
        self.repaint_all()

    def set_pending_from(self, offset: int | None) -> None:
        """Text from `offset` on is still being analysed (None: done or not started)."""
        self.pending_from = offset
        self.repaint_all()

    # -- selection --------------------------------------------------------------------------

    @property
    def selection(self) -> tuple[int, int] | None:
        """The selected text as `(start, end)`, or None."""
        if self.selection_anchor is None or self.selection_caret is None:
            return None
        start, end = sorted((self.selection_anchor, self.selection_caret))
        return (start, end) if end > start else None

    def set_selection(self, anchor: int | None, caret: int | None) -> None:
        """Select `text[anchor:caret]` (either order); None clears the selection."""
        old = self.selection
        self.selection_anchor, self.selection_caret = anchor, caret
        new = self.selection
        if old == new:
            return
        self.repaint_span(old)
        self.repaint_span(new)
        self.post_message(self.SelectionChanged(new))

    def start_selection(self) -> None:
        """Start a keyboard selection at the focus, the current claim or the top of the view."""
        if self.focus_span is not None:
            start, end = self.focus_span
        elif (span := self._claim_span(self.current_claim)) is not None:
            start, end = span
        else:
            start = end = self.top_offset
        self.set_selection(start, end)

    def action_extend_selection(self, direction: str) -> None:
        """Move the selection's moving end by a word (left/right) or a line (up/down)."""
        if self.selection_anchor is None or self.selection_caret is None:
            self.start_selection()
        caret = self.selection_caret if self.selection_caret is not None else self.top_offset
        text = self.text
        if direction == "right":
            while caret < len(text) and text[caret].isspace():
                caret += 1
            while caret < len(text) and not text[caret].isspace():
                caret += 1
        elif direction == "left":
            while caret > 0 and text[caret - 1].isspace():
                caret -= 1
            while caret > 0 and not text[caret - 1].isspace():
                caret -= 1
        elif self.text_layout is not None:
            line = self.text_layout.line_of(caret)
            column = caret - self.text_layout.starts[line]
            step = 1 if direction == "down" else -1
            target = line + step
            while 0 <= target < len(self.text_layout) and self.text_layout.kinds[target] != lay.BODY:
                target += step
            if 0 <= target < len(self.text_layout):
                start, end = self.text_layout.starts[target], self.text_layout.ends[target]
                caret = min(end, start + column)
        self.set_selection(self.selection_anchor, caret)
        if self.text_layout is not None:
            line = self.text_layout.line_of(caret)
            top = int(self.scroll_offset.y)
            height = self.scrollable_content_region.height
            if not top <= line < top + height:
                self.scroll_to_span(caret, caret + 1)

    # -- mouse ------------------------------------------------------------------------------

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """Start a possible drag selection."""
        offset = self.offset_at(event.x, event.y)
        self._drag_start = offset
        self._dragged = False
        if offset is not None:
            self.capture_mouse()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """Extend the drag selection."""
        if self._drag_start is None or not event.button:
            return
        offset = self.offset_at(event.x, event.y)
        if offset is not None and offset != self._drag_start:
            self._dragged = True
            self.set_selection(self._drag_start, offset)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        """End a drag, or treat it as a click on a claim."""
        start, self._drag_start = self._drag_start, None
        self.release_mouse()
        if start is None or self._dragged:
            return
        self.set_selection(None, None)
        claim = self.model.claim_at(start)
        if claim is not None:
            self.post_message(self.ClaimClicked(claim))

    # -- rendering --------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        """The lines of `crop`, handed over as they are drawn (`textual_internals.direct_lines`,
        when the shortcut is on); the view's geometry is worked out once for them all."""
        if not draws_directly(self):
            return super().render_lines(crop)
        width, left = self._prepare_lines()
        top = int(self.scroll_offset.y)
        return direct_lines(self, crop, lambda y: self._screen_line(top + y, width, left))

    def render_line(self, y: int) -> Strip:
        """One screen line, from the strip cache or freshly styled, as wide as the view (its
        last column, kept for the scrollbar, is blank)."""
        width, left = self._prepare_lines()
        return self._screen_line(int(self.scroll_offset.y) + y, width, left)

    def _prepare_lines(self) -> tuple[int, int]:
        """The lines' width and the text's left edge, after a re-wrap if the view's width
        changed: the view can be drawn before its Resize event comes, and drawing the old
        wrap once, then again, would cost a book's screen twice."""
        text_area = self.scrollable_content_region.width
        if self.text_layout is not None and text_area > 0 and self.text_layout.width != lay.text_width_for(text_area):
            self.relayout()
        return self.size.width, lay.left_edge_for(text_area)

    def _screen_line(self, index: int, width: int, left: int) -> Strip:
        """Screen line `index` of the layout, from the strip cache or freshly styled."""
        layout = self.text_layout
        if layout is None or not 0 <= index < len(layout):
            return Strip.blank(width, self.rich_style)
        strip = self._line_strips.get(index)
        if strip is None or strip.cell_length != width:
            strip = self._render_screen_line(index, width, left)
            self._line_strips[index] = strip
        return strip

    def _render_screen_line(self, index: int, width: int, left: int) -> Strip:
        layout = self.text_layout
        assert layout is not None
        kind = layout.kinds[index]
        base = self.palette.style(())
        segments = [Segment(" " * (left - GUTTER), base)]
        if kind == lay.BODY:
            segments.append(self._gutter_segment(layout.starts[index], layout.ends[index], base))
            segments.extend(self._body(layout.starts[index], layout.ends[index]))
        elif kind == lay.TITLE:
            segments.append(Segment(" " * GUTTER, base))
            segments.append(Segment(layout.decorations[index], self.palette.style(("title",))))
        elif kind == lay.META:
            segments.append(Segment(" " * GUTTER, base))
            segments.append(Segment(layout.decorations[index], self.palette.style(("meta",))))
        elif kind == lay.RULE:
            segments.append(Segment(" " * GUTTER, base))
            segments.append(Segment("─" * self.text_width, self.palette.style(("rule",))))
        return Strip(segments).adjust_cell_length(width, base)

    def _gutter_segment(self, start: int, end: int, base: Style) -> Segment:
        current = self._claim_span(self.current_claim)
        if current is not None and current[0] < max(end, start + 1) and start < current[1]:
            return Segment("┃ ", self.palette.style(("gutter-current",)))
        for _, _, keys in self.model.runs.slice(start, max(end, start + 1)):
            if "quote" in keys:
                dimmed = self._is_dimmed(keys)
                name = "quote-dimmed" if dimmed else "gutter-quote"
                return Segment("▎ ", self.palette.style((name,)))
        return Segment(" " * GUTTER, base)

    def _is_dimmed(self, keys: tuple[str, ...]) -> bool:
        return (
            self.filter_speaker is not None
            and SPEAKER_KEY_PREFIX + self.filter_speaker not in keys
        )

    def _analysis_layers(self, keys: tuple[str, ...]) -> list[str]:
        """The component classes for one run of the analysis."""
        return analysis_layers(keys, self.entity_types_shown, self._is_dimmed(keys))

    def _body(self, start: int, end: int) -> list[Segment]:
        """The styled segments of `text[start:end]`: layers cut at every boundary."""
        if end <= start:
            return []
        intervals: list[tuple[int, int, tuple[str, ...]]] = []
        if self.pending_from is not None and end > self.pending_from:
            intervals.append((max(start, self.pending_from), end, ("pending",)))
        for run_start, run_end, keys in self.model.runs.slice(start, end):
            names = tuple(self._analysis_layers(keys))
            if names:
                intervals.append((run_start, run_end, names))
        for run_start, run_end, keys in self.extra_runs.slice(start, end):
            names = tuple(k if k in STYLED_EXTRA_KEYS else "annotation" for k in keys)
            intervals.append((run_start, run_end, names))
        current = self._claim_span(self.current_claim)
        if current is not None and current[0] < end and start < current[1]:
            intervals.append((max(start, current[0]), min(end, current[1]), ("current",)))
        if self.search is not None:
            length = self.search.length
            current_start = (
                self.search.starts[self.current_match]
                if self.current_match is not None and self.current_match < len(self.search)
                else None
            )
            for match in self.search.in_range(start, end):
                name = "match-current" if match == current_start else "match"
                intervals.append((max(start, match), min(end, match + length), (name,)))
        for span, name in ((self.focus_span, "focus"), (self.selection, "selection")):
            if span is not None and span[0] < end and start < span[1]:
                intervals.append((max(start, span[0]), min(end, span[1]), (name,)))
        text = self.text
        if not intervals:
            return [Segment(text[start:end], self.palette.style(()))]
        cuts = sorted({start, end, *(s for s, _, _ in intervals), *(e for _, e, _ in intervals)})
        segments = []
        for cut_start, cut_end in zip(cuts, cuts[1:]):
            names = []
            for interval_start, interval_end, layer_names in intervals:
                if interval_start <= cut_start and cut_end <= interval_end:
                    names.extend(layer_names)
            segments.append(Segment(text[cut_start:cut_end], self.palette.style(names)))
        return segments
