"""Scoring answers against labelled questions: answer accuracy, refusal precision and recall,
false refusals and retrieval recall. Used by the golden test and by `python -m bot eval`.
It judges answers; it neither builds indexes nor asks questions itself."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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


def is_correct(question: dict[str, Any], answer: Answer) -> bool:
    """Answerable: answered with a matching answer. Unanswerable: abstained."""
    if question.get("answerable", True):
        return not answer.abstained and answer_matches(answer.answer, question.get("answers", []))
    return answer.abstained


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


def answer_metrics(outcomes: list[Outcome]) -> dict[str, Any]:
    answerable = [o for o in outcomes if o.answerable]
    unanswerable = [o for o in outcomes if not o.answerable]
    abstained = [o for o in outcomes if o.answer.abstained]
    latencies = sorted(o.seconds * 1000 for o in outcomes)
    languages: dict[str, int] = {}
    for o in outcomes:
        lang = o.question.get("lang") or detect_language(o.question["question"])
        languages[lang] = languages.get(lang, 0) + 1
    return {
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
