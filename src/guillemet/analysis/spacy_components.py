"""guillemet's rules as registered spaCy pipeline components, for spaCy users.

    nlp = spacy.load("fr_core_news_md")
    nlp.add_pipe("guillemet_paragraphs", before="parser")  # paragraph ends end sentences
    nlp.add_pipe("guillemet_entities")   # optional: fixes entity edges in doc.ents
    nlp.add_pipe("guillemet_quotes")     # doc._.quotes: what was said, cue, speaker mention
    nlp.add_pipe("guillemet_speakers")   # doc._.speakers, and each quote's speaker
    doc = nlp(normalise(text).text)

The components read a whole-document Doc the way the engine reads an article: paragraph by
paragraph (lines or blank-line blocks), with the same rules, so the results are the same
data (`models.Quote`, `models.Speaker`, offsets into `doc.text`). Feed them text normalised
with `guillemet.analysis.normalize.normalise` (a component cannot change the characters the
tokenizer saw). The app itself pipes paragraphs directly, which is faster on long texts.

spaCy imports this module (through the `spacy_factories` entry points) every time it builds
any pipeline, so it must stay cheap to import and must not change spaCy's global state:
the Doc extensions are registered only when a component is created.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from guillemet.analysis.assemble import build_quotes_and_speakers
from guillemet.analysis.document import attribution_steps
from guillemet.analysis.entities import set_clean_entities
from guillemet.analysis.normalize import OffsetMap
from guillemet.analysis.paragraphs import paragraph_spans

_ATTRIBUTIONS_KEY = "guillemet_attributions"


def _register_extensions() -> None:
    for name in ("quotes", "speakers"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=())


def paragraph_docs(doc: Doc) -> Iterator[tuple[int, Doc]]:
    """(character offset, Doc copy) of each paragraph of a whole-document Doc, in order."""
    for start, end in paragraph_spans(doc.text):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            yield span.start_char, span.as_doc()


class ParagraphBreaker:
    """Makes every paragraph start a sentence, before the parser runs.

    The parser respects sentence starts set before it, so no dependency arc crosses a
    paragraph boundary and the parse matches the engine's paragraph-by-paragraph parse
    closely (not always exactly: the token vectors still see across the boundary).
    """

    def __call__(self, doc: Doc) -> Doc:
        for start, end in paragraph_spans(doc.text):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span):
                span[0].is_sent_start = True
        return doc


class EntityCleaner:
    """Fixes the edges and labels of `doc.ents` (titles, determiners, lone function words)."""

    def __call__(self, doc: Doc) -> Doc:
        set_clean_entities(doc)
        return doc


class QuoteFinder:
    """Finds quotes and reported claims; sets `doc._.quotes` (speaker left to the next step)."""

    def __call__(self, doc: Doc) -> Doc:
        steps = attribution_steps()
        if steps is None:
            quotes, speakers = (), ()
        else:
            extract_paragraph, resolve = steps
            findings = []
            for offset, paragraph in paragraph_docs(doc):
                set_clean_entities(paragraph)
                findings.append(extract_paragraph(paragraph, offset))
            quotes, speakers = build_quotes_and_speakers(
                resolve(findings), doc.text, OffsetMap([], len(doc.text))
            )
        doc.user_data[_ATTRIBUTIONS_KEY] = (quotes, speakers)
        doc._.quotes = tuple(replace(quote, speaker=None) for quote in quotes)
        return doc


class SpeakerResolver:
    """Sets `doc._.speakers` and each quote's speaker, from what `guillemet_quotes` found."""

    def __call__(self, doc: Doc) -> Doc:
        if _ATTRIBUTIONS_KEY not in doc.user_data:
            raise ValueError(
                "the guillemet_speakers component needs guillemet_quotes before it in the pipeline"
            )
        quotes, speakers = doc.user_data.pop(_ATTRIBUTIONS_KEY)
        doc._.quotes = quotes
        doc._.speakers = speakers
        return doc


@Language.factory("guillemet_paragraphs", assigns=["token.is_sent_start"])
def make_paragraph_component(nlp: Language, name: str) -> Any:
    """Factory of the paragraph breaker (add it before the parser)."""
    return ParagraphBreaker()


@Language.factory("guillemet_entities", requires=["doc.ents"], assigns=["doc.ents"])
def make_entity_component(nlp: Language, name: str) -> Any:
    """Factory of the entity cleaner."""
    return EntityCleaner()


@Language.factory(
    "guillemet_quotes",
    requires=["token.dep", "token.lemma", "doc.ents"],
    assigns=["doc._.quotes"],
)
def make_quote_component(nlp: Language, name: str) -> Any:
    """Factory of the quote finder."""
    _register_extensions()
    return QuoteFinder()


@Language.factory("guillemet_speakers", assigns=["doc._.speakers", "doc._.quotes"])
def make_speaker_component(nlp: Language, name: str) -> Any:
    """Factory of the speaker resolver (add it after guillemet_quotes)."""
    _register_extensions()
    return SpeakerResolver()
