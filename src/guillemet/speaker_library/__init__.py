"""The speaker library: every article analysed, its speakers and quotes, searchable across articles.

A local SQLite database (see `guillemet.speaker_library.store`) answers "what has X said across
my articles", finds quotes by their words and counts who gets a voice. It imports neither
Textual nor spaCy.
"""
