"""Every key of the reader as data: one table for the bindings, the help screen and the palette.

Why a table: each command has an id (users remap keys by id in their keymap file), a short
description (footer, help screen), a tooltip (help screen, command palette) and a group; the
`Binding`s, the `?` screen and the command palette are all generated from it, so they can never
disagree.

Extension point: another feature adds its commands by passing more `Command`s to the app
(`ReaderApp(..., extensions=...)`, see `extensions.py`); they get bindings, help lines and
palette entries like the reader's own. `target` says who runs the action: "app" (anywhere:
the articles, help, quit), "reader" (the screen of the article on show), "view" (the article
view, when it has focus) or "panel" (the speakers panel).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from textual.binding import Binding


@dataclass(frozen=True, slots=True)
class Command:
    """One remappable command (see the module docstring)."""

    id: str
    key: str
    action: str
    description: str
    tooltip: str
    group: str
    show: bool = False
    key_display: str | None = None
    target: str = "app"
    priority: bool = False

    def binding(self) -> Binding:
        """The Textual binding for this command."""
        return Binding(
            self.key,
            self.action,
            self.description,
            show=self.show,
            key_display=self.key_display,
            tooltip=self.tooltip,
            id=self.id,
            priority=self.priority,
        )


def bindings_of(commands: Iterable[Command]) -> list[Binding]:
    """The Textual bindings of a command table."""
    return [command.binding() for command in commands]


GROUPS = ("Claims", "Speakers", "Reading", "Search", "Selection", "Articles", "App")


def _on_reader(*commands: Command) -> tuple[Command, ...]:
    """`commands`, run by the screen of the article on show (target "reader")."""
    return tuple(replace(command, target="reader") for command in commands)


READER_COMMANDS: tuple[Command, ...] = _on_reader(
    Command("claim.next", "n", "next_claim", "Next claim",
            "Go to the next claim in reading order (of the filtered speaker, if any)",
            "Claims", show=True),
    Command("claim.previous", "p", "previous_claim", "Previous claim",
            "Go to the previous claim in reading order", "Claims", show=True),
    Command("claim.next_same_speaker", "right_square_bracket", "next_same_speaker",
            "Next by speaker", "Next claim by the same speaker as the current one",
            "Claims", key_display="]"),
    Command("claim.previous_same_speaker", "left_square_bracket", "previous_same_speaker",
            "Previous by speaker", "Previous claim by the same speaker as the current one",
            "Claims", key_display="["),
    Command("claim.source", "s", "source", "Source",
            "Go to the speaker mention of the current claim; again: the speaker's first mention",
            "Claims", show=True),
    Command("jump.back", "backspace", "back", "Back",
            "Back to where you were before the last jump", "Claims", show=True),
    Command("filter.clear", "escape", "clear", "Clear",
            "Clear the speaker filter, the search and the selection", "Speakers"),
    Command("entity.next", "e", "next_entity", "Next entity",
            "Go to the next named entity", "Reading"),
    Command("entity.previous", "E", "previous_entity", "Previous entity",
            "Go to the previous named entity", "Reading", key_display="E"),
    Command("colours.toggle", "c", "toggle_colours", "Colours",
            "Show or hide the entity colours, type by type (person, organisation, place, other)",
            "Reading"),
    Command("side.toggle", "P", "toggle_side", "Panel",
            "Show the side panel and move into it (over the article on a narrow screen); "
            "again: back to the article", "Reading", key_display="P"),
    Command("tab.speakers", "S", "show_speakers", "Speakers",
            "Show the Speakers tab (N: Notes, L: Articles), the cursor on the list", "Speakers",
            key_display="S"),
    Command("focus.next", "tab", "app.focus_next", "Next panel",
            "Move the focus on: the article, the side panel's tabs, its list", "Reading"),
    Command("focus.previous", "shift+tab", "app.focus_previous", "Previous panel",
            "Move the focus back", "Reading"),
    Command("search.start", "slash", "search", "Search",
            "Search the article (enter: go to the first match)", "Search", show=True,
            key_display="/", priority=True),
    Command("search.next", "full_stop,f3", "next_match", "Next match",
            "Go to the next match of the search", "Search", key_display="."),
    Command("search.previous", "comma,shift+f3", "previous_match", "Previous match",
            "Go to the previous match of the search", "Search", key_display=","),
    Command("selection.start", "v", "start_selection", "Select",
            "Start selecting text at the current claim (extend with shift+arrows)",
            "Selection"),
)
"""The keys of one article's screen (`ReaderScreen`)."""

APP_COMMANDS: tuple[Command, ...] = (
    Command("articles.show", "L", "show_articles", "Articles",
            "Show the list of the articles given together (enter opens one)", "Articles"),
    Command("article.next", "greater_than_sign", "next_article", "Next article",
            "Open the next of the articles given together (the list is in the Articles tab)",
            "Articles", key_display=">"),
    Command("article.previous", "less_than_sign", "previous_article", "Previous article",
            "Open the previous of the articles given together", "Articles", key_display="<"),
    Command("help", "question_mark", "help", "Help", "Show every key", "App", show=True,
            key_display="?"),
    Command("quit", "q", "quit", "Quit", "Leave the reader", "App", show=True),
    Command("suspend", "ctrl+z", "suspend_process", "Suspend",
            "Put the reader in the background and give the shell back (fg brings it back)",
            "App"),
)
"""The app's own keys, the same whichever article is on show (`ReaderApp`)."""

VIEW_COMMANDS: tuple[Command, ...] = (
    Command("scroll.down", "down,j", "line_down", "Down", "Scroll down one line", "Reading",
            target="view", key_display="↓ j"),
    Command("scroll.up", "up,k", "line_up", "Up", "Scroll up one line", "Reading",
            target="view", key_display="↑ k"),
    Command("scroll.page_down", "pagedown,space", "page_down", "Page down",
            "Scroll down one page", "Reading", target="view", key_display="space pgdn"),
    Command("scroll.page_up", "pageup,b", "page_up", "Page up", "Scroll up one page",
            "Reading", target="view", key_display="b pgup"),
    Command("scroll.top", "home,g", "top", "Top", "Go to the top of the article", "Reading",
            target="view", key_display="g home"),
    Command("scroll.bottom", "end,G", "bottom", "Bottom", "Go to the end of the article",
            "Reading", target="view", key_display="G end"),
    Command("selection.extend_right", "shift+right", "extend_selection('right')",
            "Select word", "Extend the selection by a word", "Selection", target="view"),
    Command("selection.extend_left", "shift+left", "extend_selection('left')",
            "Unselect word", "Shrink or extend the selection to the left", "Selection",
            target="view"),
    Command("selection.extend_down", "shift+down", "extend_selection('down')",
            "Select line", "Extend the selection by a line", "Selection", target="view"),
    Command("selection.extend_up", "shift+up", "extend_selection('up')", "Unselect line",
            "Extend the selection up by a line", "Selection", target="view"),
)

PANEL_COMMANDS: tuple[Command, ...] = (
    Command("panel.select", "enter", "select_cursor", "Filter / jump",
            "On a speaker: show only their claims; on a quote: go to it", "Speakers",
            target="panel"),
    Command("panel.expand", "space,right", "toggle_node", "Expand",
            "Show or hide a speaker's quotes", "Speakers", target="panel"),
)
