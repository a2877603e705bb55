"""The speaker library: every article analysed, its speakers and quotes, searchable across articles.

A local SQLite database (`store.py` says how the reader uses it) answers "what has X said across
my articles", finds quotes by their words and counts who gets a voice. It imports neither
Textual nor spaCy.
"""

from guillemet.speaker_library.errors import LibraryDamagedError, LibraryError, UnknownSpeakerError
from guillemet.speaker_library.rows import LibraryQuote, SpeakerSummary
from guillemet.speaker_library.store import SpeakerLibrary, open_library
from guillemet.speaker_library.voices import Voices, article_voices

__all__ = [
    "LibraryDamagedError",
    "LibraryError",
    "LibraryQuote",
    "SpeakerLibrary",
    "SpeakerSummary",
    "UnknownSpeakerError",
    "Voices",
    "article_voices",
    "open_library",
]
