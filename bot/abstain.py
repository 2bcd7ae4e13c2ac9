"""The abstain decision: a logistic model over a few features of the best evidence found, which
says how likely it is that the documents answer the question. The coefficients are fitted by
`python -m bot calibrate` on labelled questions (answerable against unanswerable, English and
Chinese) and ship in `bot/abstain_model.json`; nothing here is a hand-set threshold.

It judges evidence; it does not find or rank it (see `bot.answer`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

DEFAULT_MODEL = Path(__file__).with_name("abstain_model.json")

# What the model looks at, all in 0..1 (see `bot.answer.ExtractiveAnswerer.evidence_features`).
FEATURES = (
    "lexical",  # share of the question's weighted terms found in the best sentence
    "context_lexical",  # ... in that sentence's passage, with its title and heading
    "best_context_lexical",  # ... in the best-covered passage
    "missing_term",  # rarity (idf / max idf) of the rarest question term missing from the best passage*
    "unknown_terms",  # share of the question's weight on terms the corpus never uses*
    "semantic",  # cosine similarity of question and best sentence (multilingual encoder)
    "dense",  # the top passage's dense similarity (MiniLM sentences in English, else USE)
    "type_match",  # the best sentence has the date or number a when/how-many question asks for
    "cross_language",  # the best sentence is in the other language than the question
    "semantic_cross",  # semantic, counted only across languages (where words cannot match)
    "chinese",  # the question is in Chinese (lets the model shift its baseline per language)
    "score",  # the sentence-ranking score of the best sentence
)  # *: 0 when the best sentence is in the other language, where no question word can be found


@dataclass(frozen=True)
class AbstainModel:
    """P(answerable) = sigmoid(bias + weights · features); answer when it reaches `threshold`."""

    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0
    threshold: float = 0.5
    fitted_on: str = ""

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(weight * features.get(name, 0.0) for name, weight in self.weights.items())
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def answers(self, features: dict[str, float]) -> bool:
        return self.probability(features) >= self.threshold

    @classmethod
    def load(cls, path: Path = DEFAULT_MODEL) -> AbstainModel:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["weights"], data["bias"], data.get("threshold", 0.5), data.get("fitted_on", ""))

    def save(self, path: Path, report: Mapping[str, object] | None = None) -> None:
        data = {
            "weights": self.weights,
            "bias": self.bias,
            "threshold": self.threshold,
            "fitted_on": self.fitted_on,
            **({"fit": dict(report)} if report else {}),
        }
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def fit_logistic(
    rows: list[dict[str, float]],
    labels: list[bool],
    l2: float = 1.0,
    iterations: int = 50,
) -> tuple[dict[str, float], float]:
    """Class-balanced, L2-regularised logistic regression by Newton's method: (weights, bias)."""
    x = np.array([[row.get(name, 0.0) for name in FEATURES] for row in rows], dtype=np.float64)
    y = np.array(labels, dtype=np.float64)
    x = np.hstack([x, np.ones((len(x), 1))])
    # Each class weighs half, so the model is not pulled towards whichever label is more common.
    positives = max(float(y.sum()), 1.0)
    negatives = max(float(len(y) - y.sum()), 1.0)
    sample_weight = np.where(y == 1, len(y) / (2 * positives), len(y) / (2 * negatives))
    penalty = np.full(x.shape[1], l2)
    penalty[-1] = 0.0  # the bias is not shrunk
    beta = np.zeros(x.shape[1])
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ beta, -50, 50)))
        gradient = x.T @ (sample_weight * (p - y)) + penalty * beta
        hessian = (x * (sample_weight * p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hessian + 1e-9 * np.eye(len(beta)), gradient)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return {name: round(float(b), 4) for name, b in zip(FEATURES, beta[:-1], strict=True)}, round(float(beta[-1]), 4)


def cross_validated_probabilities(
    rows: list[dict[str, float]], labels: list[bool], folds: int = 5, seed: int = 0
) -> list[float]:
    """P(answerable) of every row from a model fitted without that row's fold: how the model does on
    questions it has not seen."""
    fold_of = np.random.default_rng(seed).permutation(len(rows)) % folds
    probabilities = [0.0] * len(rows)
    for fold in range(folds):
        train = [i for i in range(len(rows)) if fold_of[i] != fold]
        weights, bias = fit_logistic([rows[i] for i in train], [labels[i] for i in train])
        model = AbstainModel(weights, bias)
        for i in range(len(rows)):
            if fold_of[i] == fold:
                probabilities[i] = model.probability(rows[i])
    return probabilities


def threshold_for(probabilities: list[float], labels: list[bool], max_false_refusal_rate: float) -> float:
    """The highest threshold that refuses at most `max_false_refusal_rate` of the answerable questions."""
    answerable = sorted(p for p, label in zip(probabilities, labels, strict=True) if label)
    if not answerable:
        return 0.5
    allowed = int(max_false_refusal_rate * len(answerable))
    # Refusing is `p < threshold`, so the (allowed + 1)-th lowest answerable probability is the limit.
    return float(np.floor(answerable[min(allowed, len(answerable) - 1)] * 1000) / 1000)
