"""The reader's two themes: a calm dark one and a paper-like light one.

Entity colours are not set here: `styles/reader.tcss` derives them from the theme's
`$text-*` colours, which Textual adjusts for contrast, so every theme (these two and Textual's
own, chosen from the command palette) keeps entities readable.
"""

from __future__ import annotations

from textual.theme import Theme

DARK = Theme(
    name="guillemet-dark",
    primary="#7AA2F7",
    secondary="#BB9AF7",
    accent="#FF9E64",
    warning="#E0AF68",
    error="#F7768E",
    success="#9ECE6A",
    foreground="#C8CEE8",
    background="#191A23",
    surface="#20222E",
    panel="#2A2D3D",
    dark=True,
)

LIGHT = Theme(
    name="guillemet-light",
    primary="#1F5FAD",
    secondary="#7B3F9E",
    accent="#C25400",
    warning="#8A6A00",
    error="#B3261E",
    success="#2E7D32",
    foreground="#2B2824",
    background="#FBF8F1",
    surface="#F3EEE3",
    panel="#E7DFCE",
    dark=False,
)

THEMES = (DARK, LIGHT)
DEFAULT_THEME = DARK.name
LIGHT_THEME = LIGHT.name
