"""Write `evalsets/register.jsonl`, the register questions `python -m bot eval` scores, from the raw files in
`corpus/register/` (the generative-AI JSON and the 35 Word lists), with a fixed seed.

The gold is computed from the rows by `register_data` (its own readers, not the bot's), so the evaluation
cross-checks the bot's readers too. Run from anywhere: `python evalsets/build_register_eval.py`. It prints
the questions per type, series and language, checks known totals against the raw data, and refuses to
write a question that the issues' own examples (used by the README and tests) already ask.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from register_algorithm_questions import algorithm_questions
from register_data import (
    ALGORITHM_DIR,
    GENAI_FILE,
    SETS_ALIASES,
    Row,
    english_names,
    read_algorithm_lists,
    read_genai,
)
from register_genai_questions import genai_questions
from register_gold import QuestionSet, has_chinese

SEED = 20260913
ROOT = Path(__file__).resolve().parent.parent
OUT = Path(__file__).resolve().parent / "register.jsonl"

# The questions the issues give as examples: the README and the tests ask them, so the set must not.
ISSUE_EXAMPLES = (
    "Has DeepSeek been approved in China? When, under what number?",
    "Which services were approved in the January 2024 batch?",
    "How many services from Shanghai are filed?",
    "Is ChatGPT filed in China?",
    "Is DeepSeek approved in China?",
    "Has Xiaomi's AI assistant been approved?",
    "What must ERNIE Bot display to users?",
    "How many services were approved in the January 2024 batch?",
    "Which were they?",
    "Has Apple Intelligence been filed?",
    "一共有多少项服务完成了登记？",
    "What is the filing number of Douyin's recommendation algorithm?",
    "Has Kling's video generator been filed?",
    "How many deep-synthesis algorithms come from Guangdong?",
    "Which of Kaola's filings were cancelled?",
    "How many deep-synthesis algorithms were in the May 2026 list?",
    "深度合成服务算法备案一共有多少条？",
    "What has Kuaishou filed?",
    "Which filings were cancelled?",
    "What was 上海识装信息科技有限公司 renamed to?",
    "How many deep-synthesis algorithms come from Shanghai?",
    "How have deep-synthesis filings grown?",
    "各省生成式人工智能备案数量",
    "Which algorithms does the Douyin app use?",
    "What has Baidu filed?",
)


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


def leaks(questions: list[dict], test_texts: list[str]) -> list[str]:
    """Questions equal or very close to an issue example, or asked word for word in a test file."""
    examples = [_squash(e) for e in ISSUE_EXAMPLES]
    tests = _squash("\n".join(test_texts))
    found = []
    for row in questions:
        mine = _squash(row["question"])
        close = [e for e in examples if difflib.SequenceMatcher(None, mine, e).ratio() >= 0.85]
        if close or mine in tests:
            found.append(f"{row['qid']} {row['question']}")
    return found


def check_raw_totals(genai: list[Row], lists: list[Row]) -> list[str]:
    """Known facts about the raw data, computed from the gold's rows; each line says what was checked."""
    lines = []

    def check(what: str, got: object, expected: object) -> None:
        if got != expected:
            raise SystemExit(f"check failed: {what}: the rows give {got!r}, the data README says {expected!r}")
        lines.append(f"ok  {what}: {got}")

    check("generative-AI rows", len(genai), 1842)
    check("filings", sum(r.kind == "filing" for r in genai), 1113)
    check("registrations", sum(r.kind == "registration" for r in genai), 729)
    beijing_day = [r for r in genai if r.date == "2024-01-17"]
    check("services dated 2024-01-17", (len(beijing_day), {r.province for r in beijing_day}), (14, {"北京"}))
    check(
        "filings dated January 2024",
        sum(r.kind == "filing" and (r.date or "").startswith("2024-01") for r in genai),
        25,
    )
    check("filings from Shanghai", sum(r.kind == "filing" and r.province == "上海" for r in genai), 188)
    apple = [(r.province, r.number, r.date) for r in genai if r.name == "Apple智能"]
    check("Apple智能", apple, [("上海", "Shanghai-AppleZhiNeng-202506160057", "2026-07-08")])
    check("algorithm rows", sum(r.series == "algorithm" for r in lists), 938)
    check("deep-synthesis rows", sum(r.series == "deep-synthesis" for r in lists), 7059)
    check(
        "deep-synthesis rows in the May 2026 list",
        sum(r.series == "deep-synthesis" and r.period == "2026-05" for r in lists),
        608,
    )
    check("cancelled (已注销) rows", sum(r.cancelled for r in lists), 47)
    manifest = json.loads((ALGORITHM_DIR / "manifest.json").read_text(encoding="utf-8"))
    per_file = Counter(f"{r.series}-{r.period}" for r in lists)
    wrong = {
        f["file"]: (per_file[Path(f["file"]).stem], f["rows"])
        for f in manifest["files"]
        if per_file[Path(f["file"]).stem] != f["rows"]
    }
    check("Word lists whose row count differs from manifest.json", wrong, {})
    batches = json.loads(GENAI_FILE.read_text(encoding="utf-8"))["batches"]
    per_period = Counter(r.period for r in genai)
    expected = {b["period"]: b["count"] - sum(row.get("序号") == "序号" for row in b["rows"]) for b in batches}
    wrong = {p: (per_period[p], n) for p, n in expected.items() if per_period[p] != n}
    check("generative-AI lists whose row count differs from their 'count' less repeated headers", wrong, {})
    return lines


def build(seed: int = SEED, aliases: Path = SETS_ALIASES) -> tuple[list[dict], list[str]]:
    genai, lists = read_genai(), read_algorithm_lists()
    names, names_from = english_names(aliases)
    questions = QuestionSet(seed)
    genai_questions(questions, genai, genai + lists, names)
    algorithm_questions(questions, lists, genai + lists, names)
    notes = [f"English names from: {names_from}", *check_raw_totals(genai, lists)]
    return questions.rows, notes


def summary(rows: list[dict]) -> list[str]:
    lines = [f"{len(rows)} questions"]
    for field in ("type", "series", "lang"):
        lines.append(
            f"by {field}: " + ", ".join(f"{k} {n}" for k, n in sorted(Counter(r[field] for r in rows).items()))
        )
    genai = [r for r in rows if r["series"] == "genai"]
    lines.append(f"generative AI: {len(genai)}; other series: {len(rows) - len(genai)}")
    lines.append(
        "variants: " + ", ".join(f"{k} {n}" for k, n in sorted(Counter(r.get("variant", "") for r in rows).items()))
    )
    english_only = [r for r in genai if r.get("variant") == "english-name" and not has_chinese(r["question"])]
    lines.append(f"generative-AI questions with English names only: {len(english_only)}")
    by_series_type = Counter((r["series"], r["type"]) for r in rows)
    lines += [f"  {series:26} {type_:16} {n}" for (series, type_), n in sorted(by_series_type.items())]
    return lines


def tests_texts() -> list[str]:
    """The tests' files, whose questions a set must not ask word for word."""
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests").rglob("*")) if p.suffix in {".py", ".jsonl"}]


def build_and_write(description: str, build, out: Path, seed: int, aliases: Path) -> int:
    """A register set builder's command line: build with `--seed` and `--aliases`, refuse issue examples and
    questions the tests ask, write the set to `--out` and print its summary."""
    parser = argparse.ArgumentParser(description=description.splitlines()[0])
    parser.add_argument("--out", type=Path, default=out)
    parser.add_argument("--seed", type=int, default=seed)
    parser.add_argument("--aliases", type=Path, default=aliases, help="the alias table, as of commit 33cb60d")
    args = parser.parse_args()
    rows, notes = build(args.seed, args.aliases)
    found = leaks(rows, tests_texts())
    if found:
        print("These questions are issue examples or asked in tests; change their wording:", *found, sep="\n  ")
        return 1
    args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print("\n".join(notes + summary(rows)))
    print(f"Wrote {args.out}")
    return 0


def main() -> int:
    return build_and_write(__doc__, build, OUT, SEED, SETS_ALIASES)


if __name__ == "__main__":
    raise SystemExit(main())
