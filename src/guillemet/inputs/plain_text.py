"""Plain text as an article: cleaned, unwrapped if hard-wrapped, with a title if it has one.

The title rule: plain text has no markup, so the title is a guess, and it is only metadata (the
reader's header): the first line always stays in `Article.text`, so offsets are unaffected. The
first line is taken as the title when it is short (at most `MAX_TITLE_CHARS` characters and
`MAX_TITLE_WORDS` words), something follows it, and it does not end like a sentence (`.`, `,`,
`;`, `:` or `…`); a title may end in `?`, `!` or `»`. This fits the common "title, blank line,
paragraphs" layout (Wikinews exports, notes) and leaves alone articles that start straight with
their first paragraph. Without a title the reader shows the file name.
"""

from __future__ import annotations

from guillemet.article import Article
from guillemet.errors import InputError
from guillemet.inputs.hygiene import clean_text
from guillemet.inputs.unwrap import unwrap

MAX_TITLE_CHARS = 150
MAX_TITLE_WORDS = 25
_SENTENCE_ENDS = (".", ",", ";", ":", "…")


def text_article(text: str, source: str, encoding: str, extra: dict | None = None) -> Article:
    """Build the Article for decoded plain text; refuse text that is empty once cleaned."""
    cleaned = unwrap(clean_text(text))
    if not cleaned:
        raise InputError(source, "is empty (only whitespace)")
    return Article(
        text=cleaned,
        source=source,
        title=title_of(cleaned),
        encoding=encoding,
        kind="text",
        extra=extra or {},
    )


def title_of(text: str) -> str | None:
    """The first line when it reads like a title (see the module docstring), else None."""
    first, newline, rest = text.partition("\n")
    if not newline or not rest.strip():
        return None
    if len(first) > MAX_TITLE_CHARS or len(first.split()) > MAX_TITLE_WORDS:
        return None
    if first.endswith(_SENTENCE_ENDS):
        return None
    return first
