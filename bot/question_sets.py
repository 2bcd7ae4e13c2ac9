"""The repository's question sets and the part each plays, in one place: the set the abstain model is
fitted on, the questions we looked at while choosing rules (the golden guard, the chat's examples,
the README's and the tests' questions), and the sets whose figures we report.

A reported set that must not be copied into the repository (the shared evaluation data) is kept here
as fingerprints (`bot.leaks`), written by `python -m bot leaks --fingerprint`. This module lists and
loads sets; it does not compare them (`bot.leaks`) or score answers (`bot.evaluate`).
"""

from __future__ import annotations

import ast
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.fingerprint import Embed, Fingerprint, fingerprint

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class QuestionSet:
    """One set of questions. `path` is relative to the repository: a JSON-lines file of questions, or
    a `.fingerprints.json` file standing in for questions kept outside it."""

    name: str
    path: str
    own_corpus: bool = True  # asked against our corpus (so its answerable labels compare with ours)
    optional: bool = False  # counted only once the file exists
    # Written together with its feature and reported as development figures: the feature's tests and examples
    # may ask what it asks in their own words (the fitting data may not). The held-out set is not.
    tuned_on: bool = False
    # Reported sets written after this one was looked at while tuning a feature (the register's development,
    # held-out and first blind sets tuned the register answerer before the second blind set was written):
    # against those, its questions also count as tuning questions.
    tunes: tuple[str, ...] = ()

    @property
    def file(self) -> Path:
        return REPO / self.path

    @property
    def fingerprinted(self) -> bool:
        return self.path.endswith(".fingerprints.json")

    def exists(self) -> bool:
        return self.file.exists()


# The abstain model is fitted on this set only (`python -m bot calibrate`, asked three ways).
CALIBRATION = QuestionSet("calibration", "evalsets/calibration.jsonl")
GOLDEN = QuestionSet("golden", "tests/golden/questions.jsonl")

# The register answer's rules were tuned on the register, held-out and all five blind sets: their questions are
# held against every other set asked of our corpus, as any tuning question is. A sixth blind set, once written,
# joins this tuple until its one out-of-sample run; then it joins the tuned-on sets.
REGISTER_TUNES = ("golden", "approvals_dev", "crosslang_zh_to_en", "crosslang_en_to_zh")

# Sets whose figures the documentation reports. Golden is reported too: the abstain model never sees
# it, though we looked at it while choosing rules (so its figures are development figures).
REPORTED_SETS = [
    GOLDEN,
    QuestionSet("crosslang_zh_to_en", "evalsets/crosslang_zh_to_en.jsonl"),
    QuestionSet("crosslang_en_to_zh", "evalsets/crosslang_en_to_zh.jsonl"),
    QuestionSet("register", "evalsets/register.jsonl", optional=True, tuned_on=True, tunes=REGISTER_TUNES),
    QuestionSet(
        "register_heldout", "evalsets/register_heldout.jsonl", optional=True, tuned_on=True, tunes=REGISTER_TUNES
    ),
    QuestionSet("register_blind", "evalsets/register_blind.jsonl", optional=True, tuned_on=True, tunes=REGISTER_TUNES),
    QuestionSet(
        "register_blind2", "evalsets/register_blind2.jsonl", optional=True, tuned_on=True, tunes=REGISTER_TUNES
    ),
    QuestionSet(
        "register_blind3", "evalsets/register_blind3.jsonl", optional=True, tuned_on=True, tunes=REGISTER_TUNES
    ),
    QuestionSet(
        "register_blind4", "evalsets/register_blind4.jsonl", optional=True, tuned_on=True, tunes=REGISTER_TUNES
    ),
    QuestionSet(
        "register_blind5", "evalsets/register_blind5.jsonl", optional=True, tuned_on=True, tunes=REGISTER_TUNES
    ),
    QuestionSet("approvals_dev", "evalsets/fingerprints/approvals_dev.fingerprints.json"),
    QuestionSet("squad2_en", "evalsets/fingerprints/squad2_en.fingerprints.json", own_corpus=False),
    QuestionSet("cmrc2018_zh", "evalsets/fingerprints/cmrc2018_zh.fingerprints.json", own_corpus=False),
]

# Where the fingerprinted sets come from, relative to the repository (the shared evaluation data).
SHARED_SOURCES = {
    "approvals_dev": "../shared/eval/approvals_dev.jsonl",
    "squad2_en": "../shared/eval/squad2_en/questions.jsonl",
    "cmrc2018_zh": "../shared/eval/cmrc2018_zh/questions.jsonl",
}


def reported_sets() -> list[QuestionSet]:
    """The reported sets in use: every listed one, an optional one only once its file exists."""
    return [s for s in REPORTED_SETS if not s.optional or s.exists()]


def use_encoder() -> Embed:
    """The multilingual USE that the stored fingerprints were made with; each distinct text is encoded once."""
    import numpy as np

    from bot.embeddings import UniversalSentenceEncoderEmbeddings

    model = UniversalSentenceEncoderEmbeddings()
    cache: dict[str, np.ndarray] = {}

    def encode(texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in cache]
        if missing:
            cache.update(zip(missing, model.encode(missing), strict=True))
        return np.array([cache[t] for t in texts], dtype=np.float32).reshape(len(texts), -1)

    return encode


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def tuning_questions() -> Iterator[tuple[str, str, str]]:
    """(set name, id, question) of the unlabelled questions we looked at while choosing rules (their id
    is their text): the example questions (web chat and documentation) and every question a test asks
    (a string literal in `tests/*.py` ending in a question mark), and the benchmarks' (`bench/*.py`) too."""
    from bot.examples import EXAMPLES

    for question in EXAMPLES:
        yield ("examples", question, question)
    for path in sorted([*(REPO / "tests").glob("*.py"), *(REPO / "bench").glob("*.py")]):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        seen: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value.strip()
                if text.endswith(("?", "？")) and len(text) >= 8 and "\n" not in text and text not in seen:
                    seen.add(text)
                    yield (f"{path.parent.name}/{path.name}", text, text)


def fingerprints_of(qset: QuestionSet, embed: Embed | None) -> list[Fingerprint]:
    """The fingerprints of a set: read from its fingerprint file, or made from its questions."""
    if qset.fingerprinted:
        stored = json.loads(qset.file.read_text(encoding="utf-8"))
        found = [Fingerprint.from_json(row, qset.name, qset.own_corpus) for row in stored["questions"]]
    else:
        questions = load_jsonl(qset.file)
        for line, question in enumerate(questions, 1):
            question.setdefault("qid", question.get("id") or f"line-{line}")
        found = [fingerprint(q, qset.name, embed, qset.own_corpus) for q in questions]
    for f in found:
        f.tuned_on = qset.tuned_on
    return found


def write_fingerprints(qset: QuestionSet, source: Path, named: str, embed: Embed, command: str) -> int:
    """Fingerprint the questions in `source` (`named` so in the file) into `qset`'s file, with where
    they came from; returns how many. Sets on another corpus keep only their wording's n-grams (all
    the check compares them on)."""
    questions = load_jsonl(source)
    rows = []
    for question in questions:
        f = fingerprint(question, qset.name, embed if qset.own_corpus else None, qset.own_corpus)
        row = f.to_json()
        if not qset.own_corpus:
            row = {k: row[k] for k in ("qid", "lang", "answerable", "shingles", "numbers", "words")}
        rows.append(row)
    header = {
        "set": qset.name,
        "source": named,
        "source_sha256": hashlib.sha256(source.read_bytes()).hexdigest(),
        "questions_count": len(rows),
        "made_by": command,
        "contents": "No question text: hashed character n-grams of each question and, for sets on our corpus, "
        "hashed canonical forms of its gold answers and 8-bit multilingual USE vectors of its keywords and of "
        "the whole question (bot/fingerprint.py).",
    }
    lines = ",\n".join(json.dumps(row, ensure_ascii=False) for row in rows)
    qset.file.parent.mkdir(parents=True, exist_ok=True)
    qset.file.write_text(json.dumps(header, ensure_ascii=False)[:-1] + f', "questions": [\n{lines}\n]}}\n')
    return len(rows)


ALLOWED_OVERLAPS = "evalsets/allowed_overlaps.json"


def used_and_reported(embed: Embed | None) -> tuple[list[Fingerprint], list[Fingerprint]]:
    """The fingerprints of every question used to fit or tune the bot (calibration, golden, examples,
    tests, the reported sets that also tuned a feature) and of every reported question."""
    fitting = fingerprints_of(CALIBRATION, embed)
    tuning = fingerprints_of(GOLDEN, embed)
    for set_name, qid, text in tuning_questions():
        tuning.append(fingerprint({"qid": qid, "question": text}, set_name, embed, labelled=False))
    for qset in reported_sets():
        if qset.tunes:
            tuned = fingerprints_of(qset, embed)  # its own copies: the reported ones keep their role
            for f in tuned:
                f.compared_with = frozenset(qset.tunes)
            tuning += tuned
    for f in fitting:
        f.role = "fitting"
    for f in tuning:
        f.role = "tuning"
    used = fitting + tuning
    reported = [f for qset in reported_sets() for f in fingerprints_of(qset, embed)]
    return used, reported


def allowed_overlaps() -> dict[tuple[str, str], str]:
    """The pairs the leak check lets through, `("set:qid", "set:qid") -> why`."""
    rows = json.loads((REPO / ALLOWED_OVERLAPS).read_text(encoding="utf-8"))
    return {(row["used"], row["reported"]): row["why"] for row in rows}
