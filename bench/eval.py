"""Score the quote extractor on the dev articles with the shared scorer (`make eval`).

Runs the real engine over the sample article (seeds/) and the dev Wikinews articles listed in
../shared/corpus/wikinews-fr/DEV.txt, writes the predictions as JSON lines in the scorer's
format, and prints the scorer's report. Only the dev articles are read: the other corpus
articles are the held-out test set. `--verbose` adds a per-article table of the errors;
`--out FILE` keeps the predictions.

`--litbank` scores dialogue on the French novels of fr-litbank (../shared/corpus/fr-litbank,
brat `Citation` spans and `Source` relations): the direct quotations' lenient span precision,
recall and F1 (the scorer's matching), and source accuracy: among matched quotations with a
gold source, the share whose predicted speaker has a mention overlapping the gold source
mention (the bar: F1 >= 0.80, source accuracy >= 0.65). The figures are printed, not asserted.
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
LITBANK = SHARED / "corpus" / "fr-litbank"


def dev_articles() -> list[tuple[str, str]]:
    """(id, text) of the dev articles only: the sample and the ids of DEV.txt."""
    ids = [line.strip() for line in (CORPUS / "DEV.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
    out = [(SAMPLE_ID, (ROOT / "seeds" / f"{SAMPLE_ID}.txt").read_text(encoding="utf-8"))]
    out += [(i, (CORPUS / f"{i}.txt").read_text(encoding="utf-8")) for i in ids]
    return out


KEPT_ANALYSES: dict = {}
"""doc id -> (text, Analysis) of the last `_analyses` run, scored again for gender at the end."""


def _analyses(articles: list[tuple[str, str]]):
    """Per article: list of quote dicts with start, end, type, speaker, cue, speaker_mention."""
    from guillemet.analysis.engine import Engine

    engine = Engine()
    for (doc_id, text), analysis in zip(articles, engine.analyse_many((t, i) for i, t in articles)):
        KEPT_ANALYSES[doc_id] = (text, analysis)  # for the gender block
        quotes = []
        for q in analysis.quotes:
            quotes.append({
                "start": q.start, "end": q.end, "type": q.type,
                "speaker": q.speaker.name if q.speaker else None,
                "cue": q.cue.text if q.cue else None,
                "mention": q.speaker_mention.text if q.speaker_mention else None,
            })
        yield doc_id, text, quotes


FIRST_ROUND = 30
"""The gold file lists the sample and the 30 Wikinews articles the first rules were written
from, then the 35 added in December 2026; the two are reported apart, as a check on
over-fitting (a change that helps one and hurts the other is suspect)."""


def dev_subsets(gold: dict) -> tuple[list[str], list[str]]:
    """(the sample and the first-round ids, the ids added later), in the gold file's order."""
    ids = [i for i in gold if i != SAMPLE_ID]
    return [SAMPLE_ID] + ids[:FIRST_ROUND], ids[FIRST_ROUND:]


def _print_scores(scorer, title: str, gold: dict, predicted: dict) -> None:
    """The scorer's figures for one subset of the gold articles."""
    result = scorer.score(gold, {i: predicted[i] for i in gold})
    c = result["counts"]
    print(f"== {title}: gold quotes {c['gold']}, predicted {c['pred']}")
    for key in ("lenient", "strict", "attributed"):
        m = result[key]
        print(f"{key:>10}: P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}")
    print(f"speaker accuracy: {result['speaker_accuracy']:.3f} (canonical), "
          f"{result['speaker_accuracy_mention']:.3f} (or mention words)")
    print("recall by type: " + ", ".join(f"{k} {v:.2f}" for k, v in result["recall_by_type"].items()))


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


def litbank_citations(ann: str) -> list[tuple[int, int, tuple[int, int] | None]]:
    """Gold quotations of one brat file, each with the span of its `Source` mention (or None):
    each fragment of a `Citation` is one unit (a discontinuous citation is a quote split by an
    incise, which the extractor also cuts)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    entities: dict[str, tuple[int, int]] = {}
    sources: dict[str, str] = {}
    for line in ann.splitlines():
        fields = line.split("\t")
        if len(fields) < 2:
            continue
        if fields[0].startswith("T"):
            label, _, ranges = fields[1].partition(" ")
            pieces = [tuple(int(x) for x in fragment.split()) for fragment in ranges.split(";")]
            if label == "Citation":
                spans[fields[0]] = pieces
            else:
                entities[fields[0]] = (pieces[0][0], pieces[-1][1])
        elif fields[0].startswith("R") and fields[1].startswith("Source "):
            args = dict(arg.split(":", 1) for arg in fields[1].split()[1:])
            sources[args.get("Arg2", "")] = args.get("Arg1", "")
    out = []
    for key, pieces in spans.items():
        source = entities.get(sources.get(key, ""))
        out.extend((start, end, source) for start, end in pieces)
    return sorted(out)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _source_right(quote, analysis, source: tuple[int, int]) -> bool:
    """The predicted speaker is the gold source: its mention for this quote, or one of the
    speaker's mentions in the text, overlaps the gold source mention."""
    if quote.speaker_mention is not None and _overlaps((quote.speaker_mention.start, quote.speaker_mention.end), source):
        return True
    if quote.speaker is None:
        return False
    speaker = next((s for s in analysis.speakers if s.id == quote.speaker.id), None)
    return speaker is not None and any(_overlaps((m.start, m.end), source) for m in speaker.mentions)


def litbank_main(scorer, show: int) -> int:
    """Direct quotations on the fr-litbank novels: lenient span precision, recall and F1
    against the `Citation` spans, and source accuracy on the matched ones that have a gold
    `Source` (the bar of dialogue support: F1 >= 0.80, source accuracy >= 0.65)."""
    from guillemet.analysis.engine import Engine

    names = sorted(p.stem for p in LITBANK.glob("*.ann") if (LITBANK / f"{p.stem}.txt").exists())
    if not names:
        print(f"eval: no fr-litbank data at {LITBANK.relative_to(ROOT.parent)}", file=sys.stderr)
        return 2
    texts = [(LITBANK / f"{n}.txt").read_text(encoding="utf-8") for n in names]
    total = {"gold": 0, "pred": 0, "tp": 0, "sourced": 0, "source_ok": 0}
    engine = Engine()
    print(f"{'novel':<45} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'source':>7}")
    for name, text, analysis in zip(names, texts, engine.analyse_many((t, n) for n, t in zip(names, texts))):
        citations = litbank_citations((LITBANK / f"{name}.ann").read_text(encoding="utf-8"))
        gold = [{"content": [s, e]} for s, e, _ in citations]
        direct = [q for q in analysis.quotes if q.type == "direct"]
        pred = [{"start": q.start, "end": q.end} for q in direct]
        matched = scorer.match(gold, pred, strict=False)
        sourced = [(i, j) for i, j in matched if citations[i][2] is not None]
        right = sum(1 for i, j in sourced if _source_right(direct[j], analysis, citations[i][2]))
        for key, value in (("gold", len(gold)), ("pred", len(pred)), ("tp", len(matched)),
                           ("sourced", len(sourced)), ("source_ok", right)):
            total[key] += value
        p = len(matched) / len(pred) if pred else 0.0
        r = len(matched) / len(gold) if gold else 0.0
        acc = f"{right / len(sourced):.3f}" if sourced else "-"
        print(f"{name[:45]:<45} {len(gold):>5} {len(pred):>5} {p:>6.3f} {r:>6.3f} {acc:>7}")
        if show:
            used = {j for _, j in matched}
            spurious = [q for j, q in enumerate(direct) if j not in used]
            for q in spurious[:show]:
                print(f"   SPUR {q.text[:90]!r} <- {q.speaker.name if q.speaker else None}")
            found = {i for i, _ in matched}
            for s, e, _ in [c for i, c in enumerate(citations) if i not in found][:show]:
                print(f"   MISS {text[s:e][:90]!r}")
            wrong = [(i, j) for i, j in sourced if not _source_right(direct[j], analysis, citations[i][2])]
            for i, j in wrong[:show]:
                s, e = citations[i][2]
                q = direct[j]
                print(f"   SRC  {q.text[:50]!r}: got {q.speaker.name if q.speaker else None!r}, want {text[s:e]!r}")
    precision, recall, f1 = scorer.prf(total["tp"], total["pred"], total["gold"])
    print(f"fr-litbank direct quotations: gold {total['gold']}, predicted {total['pred']}, "
          f"lenient P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}")
    if total["sourced"]:
        print(f"source accuracy: {total['source_ok'] / total['sourced']:.3f} "
              f"({total['source_ok']}/{total['sourced']} matched quotations with a gold source)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list the errors per article")
    parser.add_argument("--out", type=Path, help="keep the predictions in this file")
    parser.add_argument("--litbank", action="store_true",
                        help="score span precision/recall on the fr-litbank novels instead")
    args = parser.parse_args(argv)
    if args.litbank:
        return litbank_main(_load_scorer(), 8 if args.verbose else 0)
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
    predicted = scorer.load(str(out))
    first, added = dev_subsets(gold)
    for title, ids in (("all dev articles", list(gold)), (f"first {len(first) - 1} dev articles and the sample", first),
                       (f"{len(added)} dev articles added later", added)):
        _print_scores(scorer, title, {i: gold[i] for i in ids if i in gold}, predicted)
    if not args.out:
        out.unlink()
    _print_gender(args.verbose)
    return 0


def _print_gender(verbose: bool) -> None:
    """The gender given to person speakers against the project's gold list (gender_eval.py)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from gender_eval import print_report

    print_report(KEPT_ANALYSES, verbose)


if __name__ == "__main__":
    sys.exit(main())
