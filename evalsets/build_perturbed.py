"""Build the perturbation set: answerable questions of the visible public sets (`../shared/eval/squad2_en`,
`../shared/eval/cmrc2018_zh`) and `../shared/eval/approvals_dev.jsonl`, each next to a copy with one
constraint changed (a year, a number or a named entity) to a value that no passage holding the question's
answer pairs with it. The copy must be refused, the original still answered.

It reads the public sets at build time and writes to `eval-out/perturbed/` (not committed: the public sets
are not copied into the repository):

- `squad2_en/questions.jsonl` and `cmrc2018_zh/questions.jsonl`, each with a `corpus.jsonl` link to the
  set's own corpus, so `python -m bot eval eval-out/perturbed/squad2_en` asks them against it;
- `approvals.jsonl`, asked against the current index (`python -m bot eval eval-out/perturbed/approvals.jsonl`).

Each original keeps its fields (`answerable: true`); each copy gets `answerable: false`, `kind: "perturbed"`,
`perturbed_from` (the original's qid) and `perturbation` ({kind, from, to}). `refusal_recall` of
`bot eval` is then the perturbed questions' refusal recall and `false_refusal_rate` the originals'.
Run from the repository root: `python evalsets/build_perturbed.py`.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.constraints import read_constraints  # noqa: E402
from bot.text import detect_language, keyword_tokens, normalize  # noqa: E402

SEED = 20260914
SHARED = ROOT.parent / "shared" / "eval"
OUT = ROOT / "eval-out" / "perturbed"
# Earlier years first: later ones may be in the register's newer lists, which this script does not read.
YEAR_SHIFTS = (-1, -2, -3, -5, -10, 1, 2, 3)
NUMBER_SHIFTS = (1, 2, 3, 5, 7, 10, 20)


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def approvals_passages(corpus: Path) -> list[str]:
    """The corpus documents' paragraphs (front matter left out), which is what 'pairs' a value with a subject."""
    passages = []
    for path in sorted(corpus.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---"):
            text = text.split("---", 2)[-1]
        passages += [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    return passages


def subject_passages(question: dict, passages: list[tuple[str, frozenset[str]]], by_id: dict[str, str]) -> list[str]:
    """The passages about the question's subject: its gold documents, any passage with a gold answer, and any
    passage holding at least half of the question's keywords."""
    golds = [normalize(a) for a in question.get("answers", []) if len(a) > 1]
    asked = set(keyword_tokens(question["question"]))
    found = [by_id[d] for d in question.get("gold_doc_ids") or [] if d in by_id]
    for text, tokens in passages:
        if any(g in normalize(text) for g in golds) or (asked and len(asked & tokens) >= len(asked) / 2):
            found.append(text)
    return found


def entity_groups(questions: list[dict], titles: dict[str, str]) -> dict[str, list[str]]:
    """Named entities of the questions, by the title of their gold document (an article, for SQuAD): an
    entity is swapped for another one asked about in the same article, so it is of the same kind."""
    groups: dict[str, list[str]] = {}
    for question in questions:
        language = detect_language(question["question"])
        group = titles.get(next(iter(question.get("gold_doc_ids") or []), ""), "")
        groups.setdefault(group, []).extend(_entities(question["question"], language))
    return {group: sorted(set(names)) for group, names in groups.items()}


def _entities(text: str, language: str) -> list[str]:
    """The question's entities, without one that opens an English question (capitalised for the sentence)."""
    entities = read_constraints(text, language).entities  # type: ignore[arg-type]
    return [e for e in entities if e in text and (language == "zh" or not text.startswith(e))]


def perturb(question: dict, subject: list[str], pools: list[list[str]], rng: random.Random) -> dict | None:
    """A copy of `question` with its first year, else number, else named entity changed to a value that none
    of `subject` (the passages about it) contains; None when it has none of them. An entity is taken from
    the first of `pools` (same article, then the whole set) that has one in the question's language."""
    text = question["question"]
    language = detect_language(text)
    constraints = read_constraints(text, language)
    held = normalize(" ".join(subject))

    def unseen(value: str) -> bool:
        return normalize(value) not in held

    for year in constraints.years:
        for shift in YEAR_SHIFTS:
            new = str(int(year) + shift)
            if unseen(new) and int(new) <= 2030:
                return _copy(question, text.replace(year, new, 1), "year", year, new)
    for number in constraints.numbers:
        surface = re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d.,]?\d)", text)
        if not surface:
            continue  # written as a word or a Chinese numeral: left alone
        for shift in NUMBER_SHIFTS:
            new = str(int(float(number)) + shift) if "." not in number else f"{float(number) + shift:g}"
            if unseen(new):
                changed = text[: surface.start()] + new + text[surface.end() :]
                return _copy(question, changed, "number", number, new)
    candidates = _entities(text, language)
    if not candidates:
        return None
    entity = candidates[0]
    for pool in pools:
        others = [
            e
            for e in pool
            if detect_language(e) == language
            and unseen(e)
            and normalize(e) not in normalize(text)
            and normalize(entity) not in normalize(e)
        ]
        if others:
            # Of the same shape where possible (words in English, characters in Chinese): "Henry II" for "John I".
            alike = [e for e in others if _shape(e) == _shape(entity)]
            new = rng.choice(alike or others)
            return _copy(question, text.replace(entity, new, 1), "entity", entity, new)
    return None


def _shape(entity: str) -> int:
    return len(entity.split()) if entity.isascii() else len(entity)


def _copy(question: dict, text: str, kind: str, old: str, new: str) -> dict:
    copy = {k: v for k, v in question.items() if k not in ("answers", "gold_doc_ids", "answerable", "kind")}
    copy.update(
        qid=f"{question['qid']}~{kind}",
        question=text,
        answers=[],
        answerable=False,
        kind="perturbed",
        gold_doc_ids=[],
        perturbed_from=question["qid"],
        perturbation={"kind": kind, "from": old, "to": new},
    )
    return copy


def build(questions: list[dict], passages: list[str], titles: dict[str, str], by_id: dict[str, str]) -> list[dict]:
    """Originals followed each by its perturbed copy; answerable questions without a constraint are left out."""
    rng = random.Random(SEED)
    answerable = [q for q in questions if q.get("answerable", True)]
    groups = entity_groups(answerable, titles)
    everyone = sorted({e for names in groups.values() for e in names})
    tokenised = [(p, frozenset(keyword_tokens(p))) for p in passages]
    rows = []
    for question in answerable:
        group = titles.get(next(iter(question.get("gold_doc_ids") or []), ""), "")
        pools = [groups.get(group, []), everyone] if group else [everyone]
        copy = perturb(question, subject_passages(question, tokenised, by_id), pools, rng)
        if copy is not None:
            rows += [question, copy]
    return rows


def write(rows: list[dict], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    kinds = Counter(r["perturbation"]["kind"] for r in rows if not r["answerable"])
    print(f"{path}: {len(rows) // 2} originals and their copies ({dict(kinds)})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED, help="the public sets (default ../shared/eval)")
    parser.add_argument("--out", type=Path, default=OUT, help="where the sets go (default eval-out/perturbed)")
    args = parser.parse_args(argv)
    for name in ("squad2_en", "cmrc2018_zh"):
        corpus = read_jsonl(args.shared / name / "corpus.jsonl")
        by_id = {row["doc_id"]: row["text"] for row in corpus}
        titles = {row["doc_id"]: row.get("title", "") for row in corpus}
        rows = build(read_jsonl(args.shared / name / "questions.jsonl"), list(by_id.values()), titles, by_id)
        write(rows, args.out / name / "questions.jsonl")
        link = args.out / name / "corpus.jsonl"
        link.unlink(missing_ok=True)
        link.symlink_to((args.shared / name / "corpus.jsonl").resolve())
    approvals = read_jsonl(args.shared / "approvals_dev.jsonl")
    write(build(approvals, approvals_passages(ROOT / "corpus"), {}, {}), args.out / "approvals.jsonl")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
