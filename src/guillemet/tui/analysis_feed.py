"""The analyses of one article, from its source to the reader's screen, off the UI thread.

Why a thread that only waits: the source (`AnalysisStream`) blocks on the cache, then on the
analysis process; decoding each analysis and indexing it for reading (`ReadingModel.build`)
takes tens of milliseconds on a book. Done here, the UI thread only receives finished models as
messages, so the first paint never waits for spaCy and keys stay answered while a book's
partial analyses arrive. Widgets are never touched from this thread.
"""

from __future__ import annotations

from textual.dom import DOMNode
from textual.message import Message
from textual.worker import get_current_worker

from guillemet.analysis.models import Analysis
from guillemet.analysis_service import AnalysisStream
from guillemet.analysis_service.long_lived import long_lived_allocations
from guillemet.article import Article
from guillemet.errors import GuillemetError
from guillemet.reading.model import ReadingModel


class AnalysisArrived(Message):
    """A (possibly partial) analysis is ready, already indexed for reading."""

    def __init__(self, analysis: Analysis, model: ReadingModel) -> None:
        super().__init__()
        self.analysis = analysis
        self.model = model


class AnalysisFailed(Message):
    """The analysis could not be made; `message` says why in one line."""

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message


class AnalysisEnded(Message):
    """The source has nothing more to send."""


def feed_analyses(source: AnalysisStream, article: Article, receiver: DOMNode) -> None:
    """Post every analysis of `article` from `source` to `receiver`, then `AnalysisEnded`
    (run in a thread worker; stops quietly once the worker is cancelled)."""
    worker = get_current_worker()
    try:
        for analysis in source.stream(article):
            if worker.is_cancelled:
                return
            with long_lived_allocations():
                model = ReadingModel.build(analysis)
            receiver.post_message(AnalysisArrived(analysis, model))
    except GuillemetError as error:
        receiver.post_message(AnalysisFailed(str(error)))
    except Exception as error:  # noqa: BLE001 - the article stays readable whatever happens
        receiver.post_message(AnalysisFailed(f"the analysis failed ({error})"))
    finally:
        receiver.post_message(AnalysisEnded())
