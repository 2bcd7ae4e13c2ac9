"""Write `evalsets/register_blind.jsonl`, the blind register questions, from the raw files in `corpus/register/`,
with its own seed and its own phrasings.

`register.jsonl` and `register_heldout.jsonl` were both used to tune the register answerer, so their figures
are development figures. This set is the fresh out-of-sample one: its phrasings (`register_blind_phrases.py`)
were written without reading the bot's register code (`bot/register/`), the questions of the two earlier sets
or any evaluation report, and without running the bot on it. It leaves out what either earlier set asks
(`register_dev_overlap.DevOverlap`, yes/no answers only), computes every gold from `register_data`'s own
readers, reuses the development script's checks of known totals and its refusal of issue examples and of
questions a test contains. Run from anywhere: `python evalsets/build_register_blind.py`. Do not run the bot
on it before the final measurement.

The set was run once (commit 33cb60d) and is now a development set. Its English names come from the alias table
as it was then (`register_sets_aliases.yaml`): the table has grown since, and the questions must not move with it.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_register_eval import build_and_write, check_raw_totals, leaks, tests_texts
from register_blind_algorithm import blind_algorithm_questions
from register_blind_common import BlindSet
from register_blind_genai import blind_genai_questions
from register_data import SETS_ALIASES, english_names, read_algorithm_lists, read_genai
from register_dev_overlap import DEV_FILE, DevOverlap
from register_gold import has_chinese
from register_heldout_common import clear_entities, entities

SEED = 20261205  # the development set's is 20260913, the held-out set's 20261108
OUT = Path(__file__).resolve().parent / "register_blind.jsonl"
HELDOUT_FILE = Path(__file__).resolve().parent / "register_heldout.jsonl"


def build(seed: int = SEED, aliases: Path = SETS_ALIASES) -> tuple[list[dict], list[str]]:
    tests = "\n".join(tests_texts())
    genai, lists = read_genai(), read_algorithm_lists()
    names, names_from = english_names(aliases)
    everything = genai + lists
    questions = BlindSet(
        seed,
        prefix="rb",
        tuned_on=[DevOverlap(DEV_FILE), DevOverlap(HELDOUT_FILE)],
        already_asked=lambda question: bool(leaks([{"qid": "", "question": question}], [tests])),
    )
    known = entities(names)
    blind_genai_questions(questions, genai, everything, names, known, clear_entities(known, genai, everything))
    blind_algorithm_questions(questions, lists, everything, names, clear_entities(known, lists, everything))
    notes = [f"English names from: {names_from}", *check_raw_totals(genai, lists)]
    notes.append("left out, as asked by a tuned-on set or already here:")
    notes += [f"  {why}: {n}" for why, n in sorted(questions.skipped.items())]
    notes += blind_summary(questions)
    return questions.rows, notes


def blind_summary(questions: BlindSet) -> list[str]:
    """What the promises of the brief are measured on: sub-series, Traditional, English names only, templates."""
    rows = questions.rows
    lines = [
        "by sub-series: " + ", ".join(f"{k} {n}" for k, n in sorted(Counter(questions.subseries.values()).items()))
    ]
    zh = [r for r in rows if r["lang"] == "zh"]
    lines.append(f"Chinese: {len(zh)} of {len(rows)} ({len(zh) / max(len(rows), 1):.0%})")
    lines.append(f"Traditional: {sum(r.get('variant') == 'traditional' for r in rows)}")
    english_only = [r for r in rows if r.get("variant") == "english-name" and not has_chinese(r["question"])]
    lines.append(f"English names only: {len(english_only)}")
    templates = Counter((type_, lang) for type_, lang, _ in questions.templates_used)
    lines.append(
        "templates used, per type and language: "
        + ", ".join(f"{t}/{lang} {n}" for (t, lang), n in sorted(templates.items()))
    )
    lines.append(f"templates used in all: {len(questions.templates_used)}")
    return lines


def main() -> int:
    return build_and_write(__doc__, build, OUT, SEED, SETS_ALIASES)


if __name__ == "__main__":
    raise SystemExit(main())
