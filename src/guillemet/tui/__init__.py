"""The reader: a Textual app where every claim is one key away from its source.

This package is imported only by the `guillemet ARTICLE` command. Its pure modules
(`layout`, `spans`, `reading_model`, `history`, `search`, `keymap`, `analysis_source`,
`long_lived`, `first_screen`) never import Textual, so they are tested without an app and
the analysis process that imports `analysis_source` stays light. Nothing is imported here on purpose: importing
`guillemet.tui.analysis_source` in the analysis process must not pull Textual in.
"""
