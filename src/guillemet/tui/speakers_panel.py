"""The speakers panel: who speaks in the article, how often, and each of their quotes.

A `Tree`: one row per speaker (name, kind, number of claims), expandable to one line per claim
(a short excerpt). `enter` (or a click) on a speaker asks the app to filter the claims to that
speaker; on a claim, to jump to it. The panel only posts messages: the app decides.

Each speaker row fits the panel on one line (`fit_speaker_row`): a long name is cut with "…"
so that the count and the kind stay whole (a kind cut to "gov" reads as another word), and a
speaker left with no claims (after a correction) keeps the place of the expand arrow, so the
names stay in one column.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.style import Style
from rich.text import Text
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from guillemet.tui.bindings import PANEL_COMMANDS, bindings_of
from guillemet.reading.model import ReadingModel, SpeakerRow, speaker_details

EXCERPT_CELLS = 60
MAX_LISTED_CLAIMS = 300
ARROW_CELLS = 2
"""The width of the tree's expand arrow (`Tree.ICON_NODE`, "▶ "), kept blank on rows without one."""
DETAILS_GAP = "  "


@dataclass(frozen=True, slots=True)
class PanelEntry:
    """What a tree row stands for: a speaker (claim None) or one of their claims."""

    speaker_id: str
    claim: int | None = None


def excerpt(text: str, cells: int = EXCERPT_CELLS) -> str:
    """One line of a quote: whitespace folded, cut at a word with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= cells:
        return flat
    cut = flat.rfind(" ", 0, cells - 1)
    return flat[: cut if cut > cells // 2 else cells - 1].rstrip(" ,;:") + "…"


def fit_speaker_row(name: str, details: str, cells: int) -> tuple[str, str]:
    """The name and the details (`3 · government`) of a speaker row in `cells` cells: the name
    is cut with "…" first; the details only when not even one letter of the name would fit."""
    room = cells - cell_len(DETAILS_GAP) - cell_len(details)
    if cell_len(name) <= room:
        return name, details
    if room >= 2:
        return _cut(name, room), details
    return _cut(name, max(1, cells // 2)), _cut(details, max(1, cells - max(1, cells // 2) - 2))


def _cut(text: str, cells: int) -> str:
    """`text` in at most `cells` cells, the last one an ellipsis when something was cut."""
    if cell_len(text) <= cells:
        return text
    return set_cell_size(text, max(0, cells - 1)).rstrip() + "…"


class SpeakersPanel(Tree[PanelEntry]):
    """The speakers and their claims (see the module docstring)."""

    BINDINGS = bindings_of(PANEL_COMMANDS)

    class SpeakerChosen(Message):
        """The reader chose a speaker: filter the claims to them."""

        def __init__(self, speaker_id: str) -> None:
            super().__init__()
            self.speaker_id = speaker_id

    class ClaimChosen(Message):
        """The reader chose one claim: go to it."""

        def __init__(self, claim: int) -> None:
            super().__init__()
            self.claim = claim

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("Speakers", id=id)
        self.show_root = False
        self.auto_expand = False
        self.guide_depth = 2
        self._signature: tuple = ()
        self._speaker_rows: dict[str, tuple[str, str, int]] = {}
        self._model: ReadingModel | None = None
        self._labels: dict[int, tuple[str, str, bool]] = {}
        """What each speaker row's label shows (`_shown_row`), by node id: unchanged rows are
        not relabelled."""
        self._filter: str | None = None
        self._row_style: Style | None = None

    def show_model(self, model: ReadingModel, filter_speaker: str | None = None) -> None:
        """List the speakers of `model`, keeping expanded rows expanded."""
        rows = model.speakers
        signature = (
            tuple((r.id, r.name, r.kind, r.claims) for r in rows),
            tuple((c.id, c.start, c.end) for c in model.claims),
        )
        self._model = model
        self._filter = filter_speaker
        if signature == self._signature:
            self.mark_filter(filter_speaker)
            return
        self._signature = signature
        self._speaker_rows = {r.id: (r.name, r.kind, len(r.claims)) for r in rows}
        if not rows:
            self.clear()
            self._labels.clear()
            self.root.add_leaf(Text("No speakers found", style="dim italic"))
            return
        self._sync_rows(rows)
        self.mark_filter(filter_speaker)
        if self.cursor_line < 0:
            self.cursor_line = 0

    def _sync_rows(self, rows: Sequence[SpeakerRow]) -> None:
        """Make the speaker rows those of `rows`, in order, changing the tree in place: each
        analysis of a long text that comes in (partial ones too) changes only labels and
        adds a few rows, where clearing and refilling a tree of hundreds of speakers took
        tens of milliseconds and a layout of the whole screen. A speaker that was expanded
        stays expanded wherever its row now is, with its quotes listed afresh."""
        nodes = [node for node in self.root.children if node.data is not None]
        if len(nodes) != len(self.root.children):  # the "No speakers found" line
            self.clear()
            self._labels.clear()
            nodes = []
        expanded = {node.data.speaker_id for node in nodes if node.is_expanded}
        for node, row in zip(nodes, rows):
            if node.allow_expand != bool(row.claims):
                node.allow_expand = bool(row.claims)
            if node.data.speaker_id == row.id and not node.children:
                continue
            if node.children:  # each of these calls lays the tree out again: only if needed
                node.remove_children()
            node.data = PanelEntry(row.id)
            if row.id in expanded:
                self._add_claims(node)
                if not node.is_expanded:
                    node.expand()
            elif node.is_expanded:
                node.collapse()
        for node in nodes[len(rows):]:
            self._labels.pop(node.id, None)
            node.remove()
        for row in rows[len(nodes):]:
            # labelled now (not by `mark_filter`): each `set_label` costs a message to the tree
            shown = self._shown_row(row.name, row.kind, len(row.claims), row.id == self._filter,
                                    self._label_cells())
            node = self.root.add(self._speaker_label(shown), data=PanelEntry(row.id),
                                 allow_expand=bool(row.claims))
            self._labels[node.id] = shown
            if row.id in expanded:
                self._add_claims(node)
                node.expand()

    def _add_claims(self, node: TreeNode[PanelEntry]) -> None:
        """Add a speaker's claims under their row, the first time it is expanded (a novel's
        narrator has thousands: the tree is built lazily, and long lists are cut)."""
        if node.children or node.data is None or self._model is None:
            return
        claims = self._model.claims_of(node.data.speaker_id)
        for claim in claims[:MAX_LISTED_CLAIMS]:
            quote = self._model.claims[claim]
            node.add_leaf(self._claim_label(quote.text, quote.type),
                          data=PanelEntry(node.data.speaker_id, claim))
        if len(claims) > MAX_LISTED_CLAIMS:
            more = len(claims) - MAX_LISTED_CLAIMS
            node.add_leaf(Text(f"… {more} more: use ] and [ to go through them", style="dim"))

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[PanelEntry]) -> None:
        """Fill a speaker's quotes in on first expansion."""
        event.stop()
        self._add_claims(event.node)

    @staticmethod
    def _shown_row(name: str, kind: str, count: int, filtered: bool, cells: int) -> tuple[str, str, bool]:
        """What a speaker's row shows in `cells`: its name and details as cut to fit, and
        whether the claims are filtered to it."""
        name, details = fit_speaker_row(name, speaker_details(count, kind), cells)
        return name, details, filtered

    def _speaker_label(self, shown: tuple[str, str, bool]) -> Text:
        name, details, filtered = shown
        label = Text()
        label.append(name, style="bold reverse" if filtered else "bold")
        label.append(f"{DETAILS_GAP}{details}", style="dim italic")
        return label

    def _label_cells(self) -> int:
        """The cells a speaker's label may take: the panel's content less the arrow and a
        column kept for the scrollbar (whether or not it shows, so labels do not change when
        it comes and goes). Before the first layout: no limit."""
        width = self.content_region.width
        return width - ARROW_CELLS - 1 if width else 1 << 16

    def on_resize(self) -> None:
        """Another width: the names are cut again to fit it."""
        self.mark_filter(self._filter)

    def render_label(self, node: TreeNode[PanelEntry], base_style: Style, style: Style) -> Text:
        """A speaker row with no claims to expand keeps the arrow's place blank, so that its
        name lines up with the others."""
        label = super().render_label(node, base_style, style)
        if self._is_speaker_row(node) and not node.allow_expand:
            label = Text.assemble((" " * ARROW_CELLS, base_style), label)
        return label

    def _is_speaker_row(self, node: TreeNode[PanelEntry]) -> bool:
        return node.parent is self.root and node.data is not None and node.data.claim is None

    def _claim_label(self, text: str, kind: str) -> Text:
        width = max(12, self.size.width - 6) if self.size.width else EXCERPT_CELLS
        flat = excerpt(text, min(EXCERPT_CELLS, width))
        label = Text(flat, style="italic" if kind in ("direct", "mixed") else "")
        return label

    def mark_filter(self, speaker_id: str | None) -> None:
        """Show which speaker the claims are filtered to (and each row's name and count),
        relabelling only the rows whose label changed: at another width, only those whose
        name is cut differently (a book has hundreds of rows, and each `set_label` lays the
        tree out again)."""
        self._filter = speaker_id
        cells = self._label_cells()
        for node in self.root.children:
            if node.data is None:
                continue
            name, kind, count = self._row_info(node)
            shown = self._shown_row(name, kind, count, node.data.speaker_id == speaker_id, cells)
            if self._labels.get(node.id) != shown:
                self._labels[node.id] = shown
                node.set_label(self._speaker_label(shown))

    def render_lines(self, crop: Region) -> list[Strip]:
        """The rows in `crop`, each drawn on the panel's base style worked out once for them
        all (`rich_style` below): `Tree.render_line` asks for it again for every row (it walks
        up the widget tree for the background), which was two fifths of drawing the panel, and
        the panel is drawn again each time an analysis of a book comes in."""
        self._row_style = super().rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._row_style = None

    @property
    def rich_style(self) -> Style:
        """The panel's base style: while `render_lines` draws, the one it worked out."""
        return self._row_style if self._row_style is not None else super().rich_style

    def get_label_width(self, node: TreeNode[PanelEntry]) -> int:
        """The label's width without rendering it (Textual renders every row's label to
        measure the tree each time it changes: hundreds of rows for a novel)."""
        return node.label.cell_len + (ARROW_CELLS if node.allow_expand or self._is_speaker_row(node) else 0)

    def _row_info(self, node: TreeNode[PanelEntry]) -> tuple[str, str, int]:
        if node.data is None:
            return "", "", 0
        return self._speaker_rows.get(node.data.speaker_id, ("", "", 0))

    def on_tree_node_selected(self, event: Tree.NodeSelected[PanelEntry]) -> None:
        """Enter or a click: filter by a speaker, or go to a quote."""
        event.stop()
        entry = event.node.data
        if entry is None:
            return
        if entry.claim is None:
            self.post_message(self.SpeakerChosen(entry.speaker_id))
        else:
            self.post_message(self.ClaimChosen(entry.claim))
