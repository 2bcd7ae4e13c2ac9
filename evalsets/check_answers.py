"""Sanity check for the cross-language eval sets in this folder.

For every question: the gold docs exist and are in the other language, and every answer string occurs verbatim
in the body (front matter stripped) of at least one gold doc. Also lists non-gold docs of the gold language whose
body contains an answer string (to review gold completeness by hand), and for zh->en questions marked
also_in_lang=false, any Chinese doc containing an answer string verbatim.

Run from the repo root:  python evalsets/check_answers.py
"""

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*(?:\n|\Z)", re.DOTALL)
SETS = {"crosslang_zh_to_en.jsonl": ("zh", False), "crosslang_en_to_zh.jsonl": ("en", True)}
FIELDS = {"qid", "question", "lang", "answers", "answerable", "gold_doc_ids", "kind", "also_in_lang"}


def occurs(answer, text):
    """Verbatim occurrence; an all-digit answer must stand alone (not part of a longer number or a date)."""
    if answer.isdigit():
        return re.search(rf"(?<![\d年月.-]){answer}(?![\d年月日号.-])", text) is not None
    return answer in text


def body(path):
    return FRONT.sub("", path.read_text(encoding="utf-8"), count=1)


docs = {f"corpus/{p.name}": body(p) for p in sorted((ROOT / "corpus").glob("*.md"))}
is_zh = {d: Path(d).name.startswith("zh-") for d in docs}
errors, notes = [], []
for name, (qlang, gold_is_zh) in SETS.items():
    text = (ROOT / "evalsets" / name).read_text(encoding="utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    qids = [r["qid"] for r in rows]
    if len(set(qids)) != len(qids):
        errors.append(f"{name}: duplicate qids")
    for r in rows:
        q = r["qid"]
        if set(r) != FIELDS or r["lang"] != qlang or r["kind"] != "crosslang" or r["answerable"] is not True:
            errors.append(f"{q}: bad fields {sorted(r)}")
        for g in r["gold_doc_ids"]:
            if g not in docs:
                errors.append(f"{q}: missing gold doc {g}")
            elif is_zh[g] != gold_is_zh:
                errors.append(f"{q}: gold doc {g} is in the wrong language")
        golds = [g for g in r["gold_doc_ids"] if g in docs]
        for a in r["answers"]:
            hits = [g for g in golds if a in docs[g]]
            if not hits:
                errors.append(f"{q}: answer {a!r} not found in any gold doc")
            others = [d for d in docs if is_zh[d] == gold_is_zh and d not in golds and occurs(a, docs[d])]
            if others:
                notes.append(f"{q}: {a!r} also occurs in non-gold {others} (review)")
            if not gold_is_zh and r["also_in_lang"] is False:
                zh_hits = [d for d in docs if is_zh[d] and occurs(a, docs[d])]
                if zh_hits:
                    errors.append(f"{q}: marked English-only but {a!r} occurs in {zh_hits}")
    n_only = sum(1 for r in rows if r["also_in_lang"] is False)
    print(
        f"{name}: {len(rows)} questions, {sum(len(r['answers']) for r in rows)} answer strings, "
        f"{n_only} with also_in_lang=false"
    )
for n in notes:
    print("NOTE", n)
for e in errors:
    print("ERROR", e)
print("OK" if not errors else f"{len(errors)} error(s)")
sys.exit(1 if errors else 0)
