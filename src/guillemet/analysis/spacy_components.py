"""guillemet's rules as registered spaCy pipeline components, for spaCy users.

    nlp = spacy.load("fr_core_news_md")
    nlp.add_pipe("guillemet_paragraphs", before="parser")  # paragraph ends end sentences
    nlp.add_pipe("guillemet_entities")   # optional: fixes entity edges in doc.ents
    nlp.add_pipe("guillemet_quotes")     # doc.spans["guillemet_quotes"]: what was said
    nlp.add_pipe("guillemet_speakers")   # who said it: span._.speaker, doc._.speakers
    doc = nlp(normalise(text).text)
    for span in doc.spans["guillemet_quotes"]:
        print(span.text, span._.quote_type, span._.cue, span._.speaker_mention, span._.speaker)

The components read a whole-document Doc the way the engine reads an article: paragraph by
paragraph (lines or blank-line blocks), with the same rules, so the results are the same
(offsets into `doc.text`). Feed them text normalised with
`guillemet.analysis.normalize.normalise` (a component cannot change the characters the
tokenizer saw). The app itself pipes paragraphs directly, which is faster on long texts.

The output is spaCy's own: a span group of the statements, labelled with their type, whose
`Span._` attributes say the type, cue, speaker mention and speaker; a span group of every
mention of each speaker, labelled with the speaker's id. The plain data of the JSON
(`doc._.quotes`, `doc._.speakers`, tuples of `models.Quote` / `models.Speaker`) stays for the
callers that want it.

How the two steps hand over: the rules come in two steps, a per-paragraph one that needs the
parse (`extract_paragraph` -> findings) and a cheap document-level one on plain data
(`resolve`). `guillemet_quotes` runs the first and leaves the findings on the documented Doc
extension `doc._.guillemet_findings`; `guillemet_speakers` resolves them. The quote step also
resolves (the statements are what resolution returns, so they are exactly the engine's), and
the speaker step resolves again rather than reading a result parked on the Doc: resolution
is deterministic and takes milliseconds, and this way the only thing passed between the
components is the rules' own interface, visible on the Doc, not a hidden entry in
`doc.user_data`. The speaker step then clears the findings, so a finished Doc holds only
strings and offsets in its span attributes.

The `Span._` values are stored as plain strings and character offsets; `span._.cue` and
`span._.speaker_mention` are getters that make a Span from those offsets (token-expanded),
so no Span object is stored inside another's attributes. spaCy keys span attributes by
character offsets: two statements with identical token spans would share them (the rules
never overlap statements). The exact character offsets of a statement are those of its
`Quote` in `doc._.quotes` (`span._.quote_id`); the span is expanded to whole tokens.

spaCy imports this module (through the `spacy_factories` entry points) every time it builds
any pipeline, so it must stay cheap to import and must not change spaCy's global state:
the Doc and Span extensions are registered only when a component is created.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from guillemet.analysis.assemble import build_quotes_and_speakers
from guillemet.analysis.document import attribution_steps
from guillemet.analysis.entities import set_clean_entities
from guillemet.analysis.models import Quote, Speaker
from guillemet.analysis.normalize import OffsetMap
from guillemet.analysis.paragraphs import paragraph_spans

QUOTES_KEY = "guillemet_quotes"
MENTIONS_KEY = "guillemet_speaker_mentions"

_DOC_VALUES: dict[str, Any] = {"quotes": (), "speakers": (), "guillemet_findings": None}
_SPAN_VALUES = ("quote_id", "quote_type", "cue_chars", "speaker_mention_chars",
                "speaker", "speaker_id")


def _register_extensions() -> None:
    """Declare the Doc and Span attributes (once; never replaces a user's own)."""
    for name, default in _DOC_VALUES.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in _SPAN_VALUES:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    for name, stored in (("cue", "cue_chars"), ("speaker_mention", "speaker_mention_chars")):
        if not Span.has_extension(name):
            Span.set_extension(name, getter=_span_getter(stored))


def _span_getter(stored: str) -> Any:
    """A getter turning the (start, end) offsets kept in `span._.<stored>` into a Span."""

    def get(span: Span) -> Span | None:
        chars = getattr(span._, stored)
        if chars is None:
            return None
        return span.doc.char_span(chars[0], chars[1], alignment_mode="expand")

    return get


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


def _chars(span: Any) -> tuple[int, int] | None:
    """A plain (start, end) pair of a `models.Span`, or None."""
    return None if span is None else (span.start, span.end)


def _attributions(doc: Doc) -> tuple[tuple[Quote, ...], tuple[Speaker, ...]]:
    """Quotes and speakers resolved from the findings the quote step left on the Doc."""
    steps = attribution_steps()
    findings = doc._.guillemet_findings
    if steps is None or not findings:
        return (), ()
    return build_quotes_and_speakers(steps[1](findings), doc.text, OffsetMap([], len(doc.text)))


def _quote_span(doc: Doc, quote: Quote) -> Span | None:
    """The token span of a statement, labelled with its type, its attributes set."""
    span = doc.char_span(quote.start, quote.end, label=quote.type, alignment_mode="expand")
    if span is not None:
        span._.quote_id = quote.id
        span._.quote_type = quote.type
        span._.cue_chars = _chars(quote.cue)
        span._.speaker_mention_chars = _chars(quote.speaker_mention)
    return span


class QuoteFinder:
    """Finds quotes and reported claims: `doc.spans["guillemet_quotes"]` and `doc._.quotes`.

    The speaker of each statement is left to `guillemet_speakers`; the findings it needs
    are left in `doc._.guillemet_findings`.
    """

    def __call__(self, doc: Doc) -> Doc:
        steps = attribution_steps()
        findings: list[Any] = []
        if steps is not None:
            for offset, paragraph in paragraph_docs(doc):
                set_clean_entities(paragraph)
                findings.append(steps[0](paragraph, offset))
        doc._.guillemet_findings = tuple(findings)
        quotes = tuple(replace(quote, speaker=None) for quote in _attributions(doc)[0])
        spans = (_quote_span(doc, quote) for quote in quotes)
        doc.spans[QUOTES_KEY] = [span for span in spans if span is not None]
        doc._.quotes = quotes
        return doc


class SpeakerResolver:
    """Says who spoke: each quote span's `_.speaker` / `_.speaker_id`, the speakers' mentions
    in `doc.spans["guillemet_speaker_mentions"]`, and `doc._.speakers` / `doc._.quotes`."""

    def __call__(self, doc: Doc) -> Doc:
        if doc._.guillemet_findings is None:
            raise ValueError(
                "the guillemet_speakers component needs guillemet_quotes before it in the pipeline"
            )
        quotes, speakers = _attributions(doc)
        by_id = {quote.id: quote for quote in quotes}
        for span in doc.spans.get(QUOTES_KEY, ()):
            quote = by_id.get(span._.quote_id)
            speaker = quote.speaker if quote is not None else None
            span._.speaker = speaker.name if speaker else None
            span._.speaker_id = speaker.id if speaker else None
        doc.spans[MENTIONS_KEY] = _mention_spans(doc, speakers)
        doc._.quotes = quotes
        doc._.speakers = speakers
        doc._.guillemet_findings = None  # working data: the finished Doc keeps plain values
        return doc


def _mention_spans(doc: Doc, speakers: tuple[Speaker, ...]) -> list[Span]:
    """Every mention of every speaker as a span labelled with the speaker's id, in order."""
    spans = []
    for speaker in speakers:
        for mention in speaker.mentions:
            span = doc.char_span(
                mention.start, mention.end, label=speaker.id, alignment_mode="expand"
            )
            if span is not None:
                span._.speaker = speaker.name
                span._.speaker_id = speaker.id
                spans.append(span)
    return sorted(spans, key=lambda span: (span.start, span.end))


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
    assigns=["doc.spans", "doc._.quotes", "doc._.guillemet_findings", "span._.quote_type"],
)
def make_quote_component(nlp: Language, name: str) -> Any:
    """Factory of the quote finder."""
    _register_extensions()
    return QuoteFinder()


@Language.factory(
    "guillemet_speakers",
    requires=["doc._.guillemet_findings"],
    assigns=["doc.spans", "doc._.speakers", "doc._.quotes", "span._.speaker"],
)
def make_speaker_component(nlp: Language, name: str) -> Any:
    """Factory of the speaker resolver (add it after guillemet_quotes)."""
    _register_extensions()
    return SpeakerResolver()
