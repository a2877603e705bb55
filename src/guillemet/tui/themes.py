"""The reader's two themes: a calm dark one and a paper-like light one.

Their colours are plain data in `theme_colours.py` (the first screen reads them before Textual
is imported). Entity colours are not set here: `styles/reader.tcss` derives them from the
theme's `$text-*` colours, which Textual adjusts for contrast, so every theme (these two and
Textual's own, chosen from the command palette) keeps entities readable.
"""

from __future__ import annotations

from textual.theme import Theme

from guillemet.tui.theme_colours import DARK_NAME, LIGHT_NAME, THEME_COLOURS

DARK = Theme(name=DARK_NAME, **THEME_COLOURS[DARK_NAME], dark=True)
LIGHT = Theme(name=LIGHT_NAME, **THEME_COLOURS[LIGHT_NAME], dark=False)

THEMES = (DARK, LIGHT)
DEFAULT_THEME = DARK.name
LIGHT_THEME = LIGHT.name
