"""Write `evalsets/register_heldout.jsonl`, the held-out register questions, from the raw files in
`corpus/register/`, with its own seed and its own phrasings.

`register.jsonl` (made by `build_register_eval.py`) was looked at while the bot's question parser was fixed, so
it is a development set. This set is the out-of-sample one: its phrasings (`register_heldout_phrases.py`) were
written without looking at the parser or at the development set's questions, and it leaves out every
entity/gold pair the development set asks (`register_dev_overlap.py`). The gold comes from `register_data`'s
own readers. Like the development script, it checks known totals against the raw data and refuses a question
that an issue example or a test already asks. Run from anywhere: `python evalsets/build_register_heldout.py`.
Do not run the bot on it before the final measurement.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_register_eval import check_raw_totals, leaks, summary, tests_texts
from register_data import SETS_ALIASES, english_names, read_algorithm_lists, read_genai
from register_dev_overlap import DEV_FILE, DevOverlap
from register_heldout_algorithm import heldout_algorithm_questions
from register_heldout_common import HeldoutSet, entities
from register_heldout_genai import heldout_genai_questions

SEED = 20261108  # the development set's is 20260913
OUT = Path(__file__).resolve().parent / "register_heldout.jsonl"


def build(seed: int = SEED, aliases: Path = SETS_ALIASES, dev: Path = DEV_FILE) -> tuple[list[dict], list[str]]:
    genai, lists = read_genai(), read_algorithm_lists()
    names, names_from = english_names(aliases)
    everything = genai + lists
    questions = HeldoutSet(seed, prefix="rh", dev=DevOverlap(dev))
    known = entities(names)
    heldout_genai_questions(questions, genai, everything, names, known)
    heldout_algorithm_questions(questions, lists, everything, names, known)
    notes = [f"English names from: {names_from}", *check_raw_totals(genai, lists)]
    notes.append(f"left out, against the development set ({len(questions.dev)} questions) or repeated:")
    notes += [f"  {why}: {n}" for why, n in sorted(questions.skipped.items())]
    return questions.rows, notes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument(
        "--aliases", type=Path, default=SETS_ALIASES, help="the alias table (English names), as of commit 33cb60d"
    )
    parser.add_argument("--dev", type=Path, default=DEV_FILE, help="the development set to stay apart from")
    args = parser.parse_args()
    rows, notes = build(args.seed, args.aliases, args.dev)
    found = leaks(rows, tests_texts())
    if found:
        print("These questions are issue examples or asked in tests; change their wording:", *found, sep="\n  ")
        return 1
    args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print("\n".join(notes + summary(rows)))
    print(f"Wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
