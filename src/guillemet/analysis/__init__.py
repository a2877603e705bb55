"""The analysis engine: entities, quotes and speakers from an article's text.

Nothing here imports Textual; the models in `guillemet.analysis.models` import nothing heavy,
so the reader and the cache can use them without loading spaCy.
"""

DEFAULT_MODEL = "fr_core_news_md"
"""The spaCy pipeline the engine uses unless told otherwise (here, not in `engine`, so that the
reader can name it without importing the engine's modules)."""
