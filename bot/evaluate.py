"""Scoring answers against labelled questions: answer accuracy, refusal precision and recall,
false refusals and retrieval recall; and, for register questions (`kind: "register"`), the answer's
`register` field against the gold computed from the CAC's lists (counts, lists, lookups, renamed companies,
names in no list). Used by the golden test and by `python -m bot eval`.
It judges answers; it neither builds indexes nor asks questions itself."""

from __future__ import annotations

import json
import re
import time
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.register.records import normalize_number
from bot.schema import Answer
from bot.text import detect_language, normalize

MAX_ANSWER_CHARS = 400
_MARKER = re.compile(r"\s*\[\d+\]")


def load_questions(path: Path) -> list[dict[str, Any]]:
    """Question lines `{qid, question, answers, answerable, ...}` from a JSONL file."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _canonical(text: str) -> str:
    text = normalize(_MARKER.sub("", text))
    text = re.sub(r"(?<=\d)[,，](?=\d{3}\b)", "", text)  # 85,000 → 85000
    text = re.sub(r"(?<=\d)\s+(?=%)", "", text)
    text = text.replace(" per cent", "%").replace(" percent", "%")
    return re.sub(r"\s+", " ", text)


def answer_matches(answer: str, golds: Iterable[str]) -> bool:
    """At most 400 characters and contains one of the gold answers, after normalising."""
    text = _MARKER.sub("", answer)
    if len(text) > MAX_ANSWER_CHARS:
        return False
    canonical = _canonical(text)
    return any(_canonical(gold) and _canonical(gold) in canonical for gold in golds)


# A filing number as the CAC writes one: 网信算备 + digits (algorithm lists), or Province-PinYin-date
# (generative-AI lists, e.g. Beijing-WenXinYiYan-20230821, Shanghai-XXX-20250606S0054).
FILING_NUMBER = re.compile(r"网信算备\s*\d{10,}|\b[A-Za-z]{4,}-[^\s，。,;:：]+-\d{8,14}(?:S\d{4})?")


@dataclass(frozen=True)
class RegisterScore:
    """How one register answer scored: right or not, and for lists the precision and recall of its numbers."""

    correct: bool
    precision: float | None = None
    recall: float | None = None
    claims_number: bool = False  # a filing number in the rows or the text (never right when nothing is filed)


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


def _digits(date: object) -> str:
    return re.sub(r"\D", "", str(date or ""))


def _finds_gold_row(rows: list[dict[str, Any]], gold: Mapping[str, Any]) -> bool:
    """A row with one of the gold numbers and, where the gold has one, that number's date."""
    dates = gold.get("dates") or {gold["number"]: gold.get("date")}
    wanted = {normalize_number(n): dates.get(n) for n in gold.get("numbers") or [gold["number"]]}
    for row in rows:
        number = normalize_number(str(row.get("number") or ""))
        if number in wanted and (not wanted[number] or _digits(row.get("date")) == _digits(wanted[number])):
            return True
    return False


def score_register(question: Mapping[str, Any], answer: Answer | Mapping[str, Any]) -> RegisterScore:
    """Score an answer (an `Answer` or its JSON) by its `register` field against the question's gold:
    {"count"}: total exact; {"numbers", "total"}: the rows' numbers (precision and recall, when the gold lists
    them) and the total; {"number", "date", "numbers"}: a gold number among the rows, with its date;
    {"company"}: the company named in the text or the rows; {}: total 0, no rows, no number in the text."""
    data = answer.to_dict() if hasattr(answer, "to_dict") else dict(answer)
    register = data.get("register") or None
    gold = question.get("gold") or {}
    text = str(data.get("answer") or "")
    rows = list(register.get("rows") or []) if register else []
    total = register.get("total") if register else None
    numbers = {normalize_number(str(r["number"])) for r in rows if r.get("number")}
    claims = bool(numbers) or bool(FILING_NUMBER.search(text))
    answered = not data.get("abstained", False)
    if "count" in gold:
        return RegisterScore(answered and total == gold["count"], claims_number=claims)
    if "total" in gold:
        expected = {normalize_number(n) for n in gold.get("numbers") or []}
        right_total = answered and total == gold["total"]
        if not expected:  # too long to list: scored by its total
            return RegisterScore(right_total, claims_number=claims)
        found = len(numbers & expected)
        precision = found / len(numbers) if numbers else 0.0
        recall = found / len(expected)
        return RegisterScore(right_total and precision == recall == 1.0, precision, recall, claims)
    if "number" in gold:
        return RegisterScore(answered and _finds_gold_row(rows, gold), claims_number=claims)
    if "company" in gold:
        company = _plain(gold["company"])
        named = company in _plain(text) or any(_plain(str(r.get("company") or "")) == company for r in rows)
        return RegisterScore(answered and named, claims_number=claims)
    nothing = register is not None and total == 0 and not rows and not claims
    return RegisterScore(answered and nothing, claims_number=claims)


def is_correct(question: dict[str, Any], answer: Answer) -> bool:
    """Register questions: `score_register`. Answerable: answered with a matching answer. Unanswerable: abstained."""
    if question.get("kind") == "register":
        return score_register(question, answer).correct
    if question.get("answerable", True):
        golds = question.get("answers", [])
        return not answer.abstained and (answer_matches(answer.answer, golds) or table_matches(answer, golds))
    return answer.abstained


def table_matches(answer: Answer, golds: Iterable[str]) -> bool:
    """Whether a row of a register answer's table holds a gold answer: the web chat and the widget draw the
    table under the text, and OpenAI clients get it as a Markdown table in the content."""
    if answer.register is None:
        return False
    for row in answer.register.rows:
        cells = _canonical(" ".join(str(row.get(key) or "") for key in ("name", "company", "number", "date")))
        if any(_canonical(gold) and _canonical(gold) in cells for gold in golds):
            return True
    return False


@dataclass
class Outcome:
    question: dict[str, Any]
    answer: Answer
    seconds: float
    correct: bool
    ranked_sources: list[str] = field(default_factory=list)

    @property
    def answerable(self) -> bool:
        return bool(self.question.get("answerable", True))


def ask_all(ask: Callable[[str], Answer], questions: list[dict[str, Any]], progress: bool = False) -> list[Outcome]:
    from tqdm import tqdm

    outcomes = []
    for question in tqdm(questions, desc="Asking", unit="q", disable=not progress, leave=False):
        started = time.perf_counter()
        answer = ask(question["question"])
        seconds = time.perf_counter() - started
        outcomes.append(Outcome(question, answer, seconds, is_correct(question, answer)))
    return outcomes


def _ratio(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 4) if denominator else None


def _p50(values: list[float]) -> float | None:
    values = sorted(values)
    return round(values[len(values) // 2], 1) if values else None


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def register_metrics(outcomes: list[Outcome]) -> dict[str, Any] | None:
    """Per question type and per series: the share scored right (and, for lists, the mean precision and
    recall of the numbers); the register questions' latency p50; not-in-register answers that gave a number."""
    scored = [(o, score_register(o.question, o.answer)) for o in outcomes if o.question.get("kind") == "register"]
    if not scored:
        return None

    def group(key: str) -> dict[str, dict[str, Any]]:
        groups: dict[str, dict[str, Any]] = {}
        for name in sorted({str(o.question.get(key, "")) for o, _ in scored}):
            members = [score for o, score in scored if str(o.question.get(key, "")) == name]
            entry: dict[str, Any] = {
                "questions": len(members),
                "accuracy": _ratio(sum(score.correct for score in members), len(members)),
            }
            listed = [score for score in members if score.precision is not None]
            if listed:
                entry["precision"] = _mean([score.precision or 0.0 for score in listed])
                entry["recall"] = _mean([score.recall or 0.0 for score in listed])
            groups[name] = entry
        return groups

    absent = [score for o, score in scored if o.question.get("type") == "not_in_register"]
    return {
        "questions": len(scored),
        "accuracy": _ratio(sum(score.correct for _, score in scored), len(scored)),
        "by_type": group("type"),
        "by_series": group("series"),
        "latency_p50_ms": _p50([o.seconds * 1000 for o, _ in scored]),
        "not_in_register_with_number": sum(score.claims_number for score in absent),
    }


def answer_metrics(outcomes: list[Outcome]) -> dict[str, Any]:
    answerable = [o for o in outcomes if o.answerable]
    unanswerable = [o for o in outcomes if not o.answerable]
    abstained = [o for o in outcomes if o.answer.abstained]
    latencies = sorted(o.seconds * 1000 for o in outcomes)
    languages: dict[str, int] = {}
    for o in outcomes:
        lang = o.question.get("lang") or detect_language(o.question["question"])
        languages[lang] = languages.get(lang, 0) + 1
    metrics: dict[str, Any] = {
        "questions": len(outcomes),
        "answer_accuracy": _ratio(sum(o.correct for o in answerable), len(answerable)),
        "refusal_recall": _ratio(sum(o.answer.abstained for o in unanswerable), len(unanswerable)),
        "refusal_precision": _ratio(sum(not o.answerable for o in abstained), len(abstained)),
        "false_refusal_rate": _ratio(sum(o.answer.abstained for o in answerable), len(answerable)),
        "latency_p50_ms": round(latencies[len(latencies) // 2], 1) if latencies else None,
        "latency_p95_ms": round(latencies[min(len(latencies) - 1, int(len(latencies) * 0.95))], 1)
        if latencies
        else None,
        "languages": languages,
    }
    register = register_metrics(outcomes)
    if register:
        metrics["register"] = register
    return metrics
