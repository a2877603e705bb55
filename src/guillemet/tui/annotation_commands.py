"""The annotation keys as data: ids (remappable in keymap.toml), help lines, palette entries.

The reader turns these `Command`s into bindings, help-screen lines and palette entries like its
own (see `bindings.py`); each `action` names an `action_<action>` method of the extension.
"""

from __future__ import annotations

from guillemet.tui.bindings import Command

GROUP = "Annotations"

ANNOTATION_COMMANDS: tuple[Command, ...] = (
    Command("annotation.note", "a", "note", "Note",
            "Add or edit a note on the selected text or the current claim", GROUP, show=True),
    Command("annotation.highlight", "h", "highlight", "Highlight",
            "Highlight the selected text or the current claim (again: remove it)", GROUP),
    Command("annotation.tag", "T", "tag", "Tag",
            "Tag the current claim: verified, disputed, false, needs a source, important, or your own",
            GROUP, key_display="T"),
    Command("annotation.speaker", "C", "correct_speaker", "Correct speaker",
            "Correct the speaker of the current claim (an article speaker or a new name)",
            GROUP, key_display="C"),
    Command("annotation.not_quote", "D", "not_a_quote", "Not a quote",
            "Mark the current claim as not a quote (delete the mark in the notes panel to undo)",
            GROUP, key_display="D"),
    Command("annotation.add_quote", "A", "add_quote", "Add quote",
            "Add the selected text as a quote the analysis missed, and choose its speaker",
            GROUP, key_display="A"),
    Command("annotation.reattach", "r", "reattach", "Re-attach",
            "Re-attach the annotation highlighted in the notes panel to the selected text",
            GROUP),
    Command("notes.show", "N", "show_notes", "Notes",
            "Show the notes panel (every annotation in reading order; enter jumps)", GROUP,
            key_display="N"),
)

#: Listed for the help screen; runs only when the notes panel has the focus.
PANEL_ANNOTATION_COMMANDS: tuple[Command, ...] = (
    Command("notes.delete", "delete,x", "delete_note", "Delete annotation",
            "In the notes panel: delete the highlighted annotation", GROUP, target="panel",
            key_display="del x"),
)
