"""The colours of the reader's two themes, as plain data.

`themes.py` makes Textual themes of them. They are plain data, apart from Textual, so that the
first screen (`first_screen.py`), painted before Textual is imported, can tell whether the looks
it paints with were resolved from these colours (they are part of the stylesheet's fingerprint).
"""

from __future__ import annotations

DARK_NAME = "guillemet-dark"
LIGHT_NAME = "guillemet-light"

THEME_COLOURS: dict[str, dict[str, str]] = {
    DARK_NAME: {
        "primary": "#7AA2F7",
        "secondary": "#BB9AF7",
        "accent": "#FF9E64",
        "warning": "#E0AF68",
        "error": "#F7768E",
        "success": "#9ECE6A",
        "foreground": "#C8CEE8",
        "background": "#191A23",
        "surface": "#20222E",
        "panel": "#2A2D3D",
    },
    LIGHT_NAME: {
        "primary": "#1F5FAD",
        "secondary": "#7B3F9E",
        "accent": "#C25400",
        "warning": "#8A6A00",
        "error": "#B3261E",
        "success": "#2E7D32",
        "foreground": "#2B2824",
        "background": "#FBF8F1",
        "surface": "#F3EEE3",
        "panel": "#E7DFCE",
    },
}
"""Theme name -> Textual theme colour -> `#RRGGBB`: a calm dark theme and a paper-like light one."""
