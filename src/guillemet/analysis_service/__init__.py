"""Getting an article's analysis, the one way every command does it: the cache, then the engine,
then the cache again.

Why one service: the reader, the reader's article list, `guillemet extract` (the batch) and
`guillemet export` each need "the analysis of this text under this model", and each wrote the
cache lookup, the engine call and the store its own way, with three message protocols between
the engine's process and the reader. Here there is one `AnalysisService` for the lookup and the
store and one protocol for what an analysis run yields (`AnalysisStream`): analyses of the
article in order, partial ones (`analysis.complete` false: the text up to
`analysis.analysed_to`) first, the complete one last, and a `GuillemetError` when it fails.

- `AnalysisService`: the cache first, then the engine in this process (`analyse`, `stream`),
  then the store. Used by `export`, the batch (which runs the engine its own way, in chunks and
  worker processes, around `cached` and `store`) and the processes below.
- `process.ProcessAnalysisStream`: the same, with the engine in a spawned process (spaCy holds
  the GIL for long stretches; the reader's keys must not wait for it).
- `process.FixedAnalysisStream`: analyses given in advance (tests, snapshots, benchmarks).

Neither this package nor its modules import Textual, Rich or spaCy (spaCy comes with the engine,
on the first cache miss).
"""

from guillemet.analysis_service.service import AnalysisService, AnalysisStream

__all__ = ["AnalysisService", "AnalysisStream"]
