"""`python -m bot calibrate`: fit the abstain model (`bot.abstain`) on labelled questions.

Each question file is asked against a throwaway index of the corpus folder (all of it, or with
`FILE:en` / `FILE:zh` only the documents in that language, which turns questions in the other
language into cross-language cases; a question's optional `answerable_from` lists the languages whose
documents hold its answer). The evidence features of every question, labelled with its
`answerable` flag, go into a class-balanced logistic regression whose coefficients are written
as JSON. The threshold is the highest that, in 5-fold cross-validation over the same questions
(ten different splits, pooled), refuses no more than the allowed share of answerable ones (10% by
default). The files used for
fitting must not be the ones the bot is then evaluated on.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tqdm import tqdm

from bot.abstain import AbstainModel, cross_validated_probabilities, fit_logistic, threshold_for
from bot.answer import ExtractiveAnswerer
from bot.config import Settings
from bot.evaluate import load_questions
from bot.text import detect_language

CV_REPEATS = 10


@dataclass(frozen=True)
class QuestionSource:
    path: Path
    index_lang: str | None = None

    @classmethod
    def parse(cls, spec: str) -> QuestionSource:
        """`FILE` or `FILE:en` / `FILE:zh`."""
        head, _, lang = spec.rpartition(":")
        if head and lang in ("en", "zh"):
            return cls(Path(head), lang)
        return cls(Path(spec))

    def __str__(self) -> str:
        return f"{self.path}:{self.index_lang}" if self.index_lang else str(self.path)


def answerable_from(question: dict[str, Any], index_lang: str | None) -> bool:
    """Whether the indexed documents answer the question: `answerable`, and with only one language's
    documents indexed, that language among the question's `answerable_from` (when it says)."""
    if not question.get("answerable", True):
        return False
    return index_lang is None or index_lang in question.get("answerable_from", ("en", "zh"))


def collect_features(
    sources: list[QuestionSource], settings: Settings, progress: bool = True
) -> tuple[list[dict[str, float]], list[bool]]:
    """Evidence features and answerable labels of every question in `sources`."""
    from bot.eval_runner import corpus_documents, throwaway_bot

    rows: list[dict[str, float]] = []
    labels: list[bool] = []
    with tempfile.TemporaryDirectory(prefix="bot-calibrate-") as scratch:
        bots: dict[str | None, Any] = {}
        for source in sources:
            if source.index_lang not in bots:
                documents = corpus_documents(settings, source.index_lang)
                bots[source.index_lang] = throwaway_bot(documents, settings, Path(scratch) / str(source.index_lang))
            bot = bots[source.index_lang]
            answerer: ExtractiveAnswerer = bot.answerer
            questions = load_questions(source.path)
            for question in tqdm(questions, desc=str(source), unit="q", disable=not progress, leave=False):
                text = question["question"]
                language = detect_language(text)
                passages = bot.search.search(text, bot.top_k, language)
                scored = answerer.score_sentences(text, passages)
                if not scored:
                    continue
                rows.append(answerer.evidence_features(text, scored, passages, language))
                labels.append(answerable_from(question, source.index_lang))
    return rows, labels


def calibrate(
    sources: list[QuestionSource],
    settings: Settings,
    out: Path,
    progress: bool = True,
    max_false_refusal_rate: float = 0.10,
) -> dict[str, Any]:
    """Fit the abstain model on `sources`, choose its threshold by cross-validation, write it to
    `out` and return how it does on them."""
    rows, labels = collect_features(sources, settings, progress)
    # Ten different 5-fold splits, pooled: one split moves the threshold by up to 0.03 on its own.
    held_out = [p for seed in range(CV_REPEATS) for p in cross_validated_probabilities(rows, labels, seed=seed)]
    held_out_labels = labels * CV_REPEATS
    threshold = threshold_for(held_out, held_out_labels, max_false_refusal_rate)
    weights, bias = fit_logistic(rows, labels)
    model = AbstainModel(weights, bias, threshold, fitted_on=", ".join(str(s) for s in sources))
    report = {
        "questions": len(rows),
        "answerable": sum(labels),
        "unanswerable": len(labels) - sum(labels),
        "threshold": threshold,
        **_refusal_rates("cross_validated", [p >= threshold for p in held_out], held_out_labels),
        **_refusal_rates("in_sample", [model.answers(row) for row in rows], labels),
    }
    model.save(out, report)
    return report


def _refusal_rates(prefix: str, answered: list[bool], labels: list[bool]) -> dict[str, float]:
    positives = [a for a, label in zip(answered, labels, strict=True) if label]
    negatives = [a for a, label in zip(answered, labels, strict=True) if not label]
    return {
        f"{prefix}_refusal_recall": round(sum(not a for a in negatives) / max(len(negatives), 1), 3),
        f"{prefix}_false_refusal_rate": round(sum(not a for a in positives) / max(len(positives), 1), 3),
    }
