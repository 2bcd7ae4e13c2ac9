"""Write `evalsets/register_blind4.jsonl`, the fourth blind register questions, from the raw files in
`corpus/register/`, with its own seed and its own templates.

The development, held-out and first three blind sets all tuned the register answerer, so their figures are
development figures. This set is the fresh out-of-sample one: its templates (`register_blind4_phrases.py`) were
written without reading the bot's register code (`bot/register/`), the earlier sets' questions or phrase files,
or any evaluation report, and without running the bot on it. It leaves out what any of the five asks
(`register_dev_overlap.DevOverlap`, yes/no answers only), computes every gold from `register_data`'s own
readers, checks the data READMEs' totals, and refuses issue examples and questions a test asks. Run from
anywhere: `python evalsets/build_register_blind4.py`. Do not run the bot on it before the final measurement.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_register_eval import build_and_write, check_raw_totals, leaks, tests_texts
from register_blind2_common import OtherName
from register_blind4_algorithm import algorithm_questions
from register_blind4_common import Blind4Set, other_names
from register_blind4_genai import genai_questions
from register_data import SETS_ALIASES, english_names, read_algorithm_lists, read_genai
from register_dev_overlap import DEV_FILE, DevOverlap
from register_gold import has_chinese
from register_heldout_common import clear_entities, entities

SEED = 20270214  # development 20260913, held-out 20261108, blind 20261205, blind2 20261219, blind3 20261231
HERE = Path(__file__).resolve().parent
OUT = HERE / "register_blind4.jsonl"
TUNED_ON = (
    DEV_FILE,
    HERE / "register_heldout.jsonl",
    HERE / "register_blind.jsonl",
    HERE / "register_blind2.jsonl",
    HERE / "register_blind3.jsonl",
)


def build(seed: int = SEED, aliases: Path = SETS_ALIASES) -> tuple[list[dict], list[str]]:
    tests = "\n".join(tests_texts())
    genai, lists = read_genai(), read_algorithm_lists()
    names, names_from = english_names(aliases)
    everything = genai + lists
    spellings = tuple(n.english for n in names) + tuple(c for n in names for c in n.chinese)
    questions = Blind4Set(
        seed,
        prefix="re",
        tuned_on=[DevOverlap(path) for path in TUNED_ON],
        already_asked=lambda question: bool(leaks([{"qid": "", "question": question}], [tests])),
    )
    known = entities(names)
    others = other_names(tuple(n.english for n in names), everything)
    genai_questions(questions, genai, everything, clear_entities(known, genai, everything), others, spellings)
    algorithm_questions(questions, lists, everything, clear_entities(known, lists, everything), others, spellings)
    notes = [f"English names from: {names_from}", *check_raw_totals(genai, lists)]
    notes.append("left out, as asked by a tuned-on set or already here:")
    notes += [f"  {why}: {n}" for why, n in sorted(questions.skipped.items())]
    notes += blind4_summary(questions, others)
    return questions.rows, notes


def blind4_summary(questions: Blind4Set, others: list[OtherName]) -> list[str]:
    """What the brief promises, measured: sub-series, Chinese and Traditional, English names, templates."""
    rows = questions.rows
    zh = [r for r in rows if r["lang"] == "zh"]
    english_only = [r for r in rows if r.get("variant") == "english-name" and not has_chinese(r["question"])]
    outside = [
        r for r in english_only if any(o.english in r["question"] for o in others) or r["type"] == "not_in_register"
    ]
    templates = Counter((type_, lang) for type_, lang, _ in questions.templates_used)
    return [
        "by sub-series: " + ", ".join(f"{k} {n}" for k, n in sorted(Counter(questions.subseries.values()).items())),
        f"Chinese: {len(zh)} of {len(rows)} ({len(zh) / max(len(rows), 1):.0%})",
        f"Traditional: {sum(r.get('variant') == 'traditional' for r in rows)}",
        f"English names only: {len(english_only)}; of them English names not in the alias table: {len(outside)}",
        "templates used, per type and language: "
        + ", ".join(f"{t}/{lang} {n}" for (t, lang), n in sorted(templates.items())),
        f"templates used in all: {len(questions.templates_used)}",
    ]


def main() -> int:
    return build_and_write(__doc__, build, OUT, SEED, SETS_ALIASES)


if __name__ == "__main__":
    raise SystemExit(main())
