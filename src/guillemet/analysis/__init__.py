"""The analysis engine: entities, quotes and speakers from an article's text.

Nothing here imports Textual; the models in `guillemet.analysis.models` import nothing heavy,
so the reader and the cache can use them without loading spaCy.
"""
