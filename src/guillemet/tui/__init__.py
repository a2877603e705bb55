"""The reader: a Textual app where every claim is one key away from its source.

This package is imported only by the `guillemet ARTICLE` command. What the reader computes
without drawing (the reading model, the wrap, search, the articles opened together) is in
`guillemet.reading`, and where its analysis comes from in `guillemet.analysis_service`; of the
modules here, `keymap` and `first_screen` (painted before Textual is imported) never import
Textual. Nothing is imported here on purpose.
"""
