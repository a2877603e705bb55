"""guillemet: a terminal reader for news articles that shows who said what."""

__version__ = "0.1.0"
