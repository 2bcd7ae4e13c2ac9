"""The build shared by the second and later blind register sets: read the raw lists and the English names, ask
a set's own generators for its questions (kept apart from the tuned-on sets and the tests' texts), and say
what came out. Each blind builder names its own set class, id prefix, seed and generators; the templates stay in
each set's own modules, written apart."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from build_register_eval import check_raw_totals, leaks, tests_texts
from register_data import english_names, read_algorithm_lists, read_genai
from register_dev_overlap import DevOverlap
from register_gold import has_chinese
from register_heldout_common import clear_entities, entities


def build_blind_set(
    make_set: Callable[..., Any],
    prefix: str,
    seed: int,
    aliases: Path,
    tuned_on: tuple[Path, ...],
    other_names: Callable[..., list[Any]],
    genai_questions: Callable[..., None],
    algorithm_questions: Callable[..., None],
) -> tuple[list[dict], list[str]]:
    """A blind set's rows and the build's notes (English names' source, raw totals, what was left out, summary)."""
    tests = "\n".join(tests_texts())
    genai, lists = read_genai(), read_algorithm_lists()
    names, names_from = english_names(aliases)
    everything = genai + lists
    spellings = tuple(n.english for n in names) + tuple(c for n in names for c in n.chinese)
    questions = make_set(
        seed,
        prefix=prefix,
        tuned_on=[DevOverlap(path) for path in tuned_on],
        already_asked=lambda question: bool(leaks([{"qid": "", "question": question}], [tests])),
    )
    known = entities(names)
    others = other_names(tuple(n.english for n in names), everything)
    genai_questions(questions, genai, everything, clear_entities(known, genai, everything), others, spellings)
    algorithm_questions(questions, lists, everything, clear_entities(known, lists, everything), others, spellings)
    notes = [f"English names from: {names_from}", *check_raw_totals(genai, lists)]
    notes.append("left out, as asked by a tuned-on set or already here:")
    notes += [f"  {why}: {n}" for why, n in sorted(questions.skipped.items())]
    notes += blind_summary(questions, others)
    return questions.rows, notes


def blind_summary(questions: Any, others: list[Any]) -> list[str]:
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
