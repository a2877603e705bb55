"""Score the quote extractor on the dev articles with the shared scorer (`make eval`).

Runs the real engine over the sample article (seeds/) and the dev Wikinews articles listed in
../shared/corpus/wikinews-fr/DEV.txt, writes the predictions as JSON lines in the scorer's
format, and prints the scorer's report. Only the dev articles are read: the other corpus
articles are the held-out test set. `--verbose` adds a per-article table of the errors;
`--out FILE` keeps the predictions.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "eval" / "dev-gold.jsonl"
SCORER = SHARED / "eval" / "score.py"
CORPUS = SHARED / "corpus" / "wikinews-fr"
SAMPLE_ID = "lecornu-choigou"


def dev_articles() -> list[tuple[str, str]]:
    """(id, text) of the dev articles only: the sample and the ids of DEV.txt."""
    ids = [line.strip() for line in (CORPUS / "DEV.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
    out = [(SAMPLE_ID, (ROOT / "seeds" / f"{SAMPLE_ID}.txt").read_text(encoding="utf-8"))]
    out += [(i, (CORPUS / f"{i}.txt").read_text(encoding="utf-8")) for i in ids]
    return out


def _analyses(articles: list[tuple[str, str]]):
    """Per article: list of quote dicts with start, end, type, speaker, cue, speaker_mention."""
    from guillemet.analysis.engine import Engine

    engine = Engine()
    for (doc_id, text), analysis in zip(articles, engine.analyse_many((t, i) for i, t in articles)):
        quotes = []
        for q in analysis.quotes:
            quotes.append({
                "start": q.start, "end": q.end, "type": q.type,
                "speaker": q.speaker.name if q.speaker else None,
                "cue": q.cue.text if q.cue else None,
                "mention": q.speaker_mention.text if q.speaker_mention else None,
            })
        yield doc_id, text, quotes


def _load_scorer():
    spec = importlib.util.spec_from_file_location("guillemet_dev_scorer", SCORER)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def _report_errors(scorer, gold: dict, preds: dict, texts: dict[str, str]) -> None:
    """Print, per article, missed gold quotes, spurious predictions and wrong speakers."""
    for doc_id, g in gold.items():
        text = texts[doc_id]
        gq, pq = g["quotes"], preds[doc_id]["quotes"]
        matches = scorer.match(gq, pq, strict=False)
        matched_g = {i for i, _ in matches}
        matched_p = {j for _, j in matches}
        lines = []
        for i, q in enumerate(gq):
            s, e = q["content"]
            if i not in matched_g:
                lines.append(f"  MISS [{q['type']}] {text[s:e][:90]!r} <- {q['speaker']}")
        for j, p in enumerate(pq):
            if j not in matched_p:
                lines.append(f"  SPUR [{p['type']}] {text[p['start']:p['end']][:90]!r} <- {p['speaker']} (cue {p['cue']!r})")
        for i, j in matches:
            if not scorer.speaker_ok(gq[i], pq[j]):
                p = pq[j]
                lines.append(f"  SPKR {text[p['start']:p['end']][:60]!r}: got {p['speaker']!r} (mention {p['mention']!r}), want {gq[i]['speaker']!r}")
        if lines:
            print(f"== {doc_id}")
            print("\n".join(lines))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list the errors per article")
    parser.add_argument("--out", type=Path, help="keep the predictions in this file")
    args = parser.parse_args(argv)
    if not GOLD.exists():
        print(f"eval: no gold data at {GOLD.relative_to(ROOT.parent)}; nothing to score", file=sys.stderr)
        return 2
    articles = dev_articles()
    texts = dict(articles)
    preds = {}
    for doc_id, _text, quotes in _analyses(articles):
        preds[doc_id] = {"id": doc_id, "quotes": quotes}
    out = args.out or Path(tempfile.mkstemp(suffix=".jsonl", prefix="guillemet-eval-")[1])
    out.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds.values()), encoding="utf-8")
    scorer = _load_scorer()
    gold = scorer.load(str(GOLD))
    if args.verbose:
        _report_errors(scorer, gold, preds, texts)
    result = scorer.score(gold, scorer.load(str(out)))
    c = result["counts"]
    print(f"gold quotes {c['gold']}, predicted {c['pred']}")
    for key in ("lenient", "strict", "attributed"):
        m = result[key]
        print(f"{key:>10}: P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}")
    print(f"speaker accuracy: {result['speaker_accuracy']:.3f} (canonical), "
          f"{result['speaker_accuracy_mention']:.3f} (or mention words)")
    print("recall by type: " + ", ".join(f"{k} {v:.2f}" for k, v in result["recall_by_type"].items()))
    if not args.out:
        out.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
