"""The engine's public face: load a spaCy pipeline once, analyse texts into `Analysis` data.

CONTRACT (implemented by the engine work; signatures are fixed so the reader, the batch
extractor and the cache can be written against them):

    DEFAULT_MODEL = "fr_core_news_md"
    ENGINE_VERSION: str              # bump when results change; part of the cache key
    class Engine:
        def __init__(self, model: str = DEFAULT_MODEL) -> None   # raises ModelNotInstalledError
        model_name: str
        model_version: str
        def analyse(self, text: str, source: str = "-") -> Analysis
        def analyse_many(self, items: Iterable[tuple[str, str]]) -> Iterator[Analysis]
            # (text, source) pairs in, analyses out in the same order, batched through nlp.pipe
        def analyse_progressively(self, text: str, source: str = "-") -> Iterator[Analysis]
            # partial analyses (analysed_to < len(text)) first, the complete one last
    def installed_model_version(model: str) -> str | None   # without importing spaCy
"""

from __future__ import annotations

DEFAULT_MODEL = "fr_core_news_md"
ENGINE_VERSION = "0"
