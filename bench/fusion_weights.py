"""Which retrieval signals, with which weights: measures document recall@1/5 and MRR@10 of fusion
weightings on an evaluation set, using the bot's own index and fusion code (`HybridSearch.rankings`
once per question, then `HybridSearch.fuse` per weighting), and writes the table as JSON.

    python bench/fusion_weights.py ../shared/eval/squad2_en ../shared/eval/cmrc2018_zh --out bench/results

Each set is indexed into a throwaway store, as `python -m bot eval` does. The weights the bot uses by
default (`bot.retrieve.FusionWeights`) were chosen from this table.
"""

from __future__ import annotations

import argparse
import itertools
import json
import tempfile
import time
from pathlib import Path

from tqdm import tqdm

from bot.config import Settings
from bot.eval_runner import load_corpus, throwaway_bot
from bot.evaluate import load_questions
from bot.retrieve import KEYWORD, TITLE, FusionWeights

NAMED = {
    "BM25 only": {KEYWORD: 1.0},
    "MiniLM (sentences) only": {"minilm": 1.0},
    "USE only": {"use": 1.0},
    "equal MiniLM + USE + BM25": {"minilm": 1.0, "use": 1.0, KEYWORD: 1.0},
    "equal + title": {"minilm": 1.0, "use": 1.0, KEYWORD: 1.0, TITLE: 0.2},
    "default for English questions": FusionWeights().en,
    "default for Chinese questions": FusionWeights().zh,
}


def grid() -> dict[str, dict[str, float]]:
    rows = {}
    for minilm, use, bm25, title in itertools.product((0, 1, 2), (0, 0.5, 1), (0.5, 1), (0, 0.2)):
        rows[f"minilm={minilm} use={use} bm25={bm25} title={title}"] = {
            "minilm": minilm,
            "use": use,
            KEYWORD: bm25,
            TITLE: title,
        }
    return rows


def measure(path: Path, settings: Settings, scratch: Path) -> dict[str, dict[str, float]]:
    bot = throwaway_bot(load_corpus(path / "corpus.jsonl"), settings, scratch, progress=True)
    questions = load_questions(path / "questions.jsonl")
    questions = [q for q in questions if q.get("answerable", True) and q.get("gold_doc_ids")]
    search = bot.search
    cached = [(q, search.rankings(q["question"])) for q in tqdm(questions, desc="Signals", unit="q")]
    results = {}
    for name, weights in {**NAMED, **grid()}.items():
        started = time.perf_counter()
        hits1 = hits5 = reciprocal = 0.0
        for question, rankings in cached:
            passages = search.fuse(question["question"], rankings, weights, 30)
            ranked = list(dict.fromkeys(p.chunk.source for p in passages))[:10]
            gold = set(question["gold_doc_ids"])
            hits1 += bool(gold & set(ranked[:1]))
            hits5 += bool(gold & set(ranked[:5]))
            first = next((i for i, doc in enumerate(ranked) if doc in gold), None)
            reciprocal += 1 / (first + 1) if first is not None else 0.0
        n = len(cached)
        results[name] = {
            "recall@1": round(hits1 / n, 3),
            "recall@5": round(hits5 / n, 3),
            "mrr@10": round(reciprocal / n, 3),
            "fuse_ms": round((time.perf_counter() - started) * 1000 / n, 2),
        }
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="+", help="folders with corpus.jsonl and questions.jsonl")
    parser.add_argument("--out", default="bench/results", help="folder for fusion_weights.json")
    args = parser.parse_args()
    settings = Settings()
    report = {}
    with tempfile.TemporaryDirectory(prefix="bench-fusion-") as scratch:
        for n, path in enumerate(map(Path, args.sets)):
            report[path.name] = measure(path, settings, Path(scratch) / str(n))
            print(f"\n{path.name}")
            best = sorted(report[path.name].items(), key=lambda item: -item[1]["mrr@10"])
            for name, row in [*((k, report[path.name][k]) for k in NAMED), ("— best five by MRR —", {}), *best[:5]]:
                print(f"  {name:45s} " + "  ".join(f"{k} {v}" for k, v in row.items()))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "fusion_weights.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"\nWrote {out / 'fusion_weights.json'}")


if __name__ == "__main__":
    main()
