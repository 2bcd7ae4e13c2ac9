"""The abstain model: fitting, saving and loading, and `bot calibrate` on real questions."""

import json
from pathlib import Path

import pytest

from bot.abstain import (
    DEFAULT_MODEL,
    FEATURES,
    AbstainModel,
    cross_validated_probabilities,
    fit_logistic,
    threshold_for,
)

REPO = Path(__file__).resolve().parent.parent


def test_the_fit_separates_answerable_from_unanswerable_on_a_clear_feature():
    rows = [{"lexical": x / 10} for x in range(10)]
    labels = [x >= 5 for x in range(10)]
    weights, bias = fit_logistic(rows, labels, l2=0.01)
    model = AbstainModel(weights, bias)
    assert weights["lexical"] > 0
    assert [model.answers(row) for row in rows] == labels


def test_classes_weigh_the_same_however_many_of_each():
    rows = [{"lexical": 0.2}] * 2 + [{"lexical": 0.8}] * 40
    weights, bias = fit_logistic(rows, [False] * 2 + [True] * 40)
    model = AbstainModel(weights, bias)
    assert not model.answers({"lexical": 0.2}) and model.answers({"lexical": 0.8})


def test_the_threshold_refuses_at_most_the_allowed_share_of_answerable_questions():
    probabilities = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99]
    labels = [False, False] + [True] * 10
    threshold = threshold_for(probabilities, labels, 0.10)
    refused = [p < threshold for p, label in zip(probabilities, labels, strict=True) if label]
    assert sum(refused) == 1 and threshold == 0.3
    assert threshold_for(probabilities, labels, 0.0) == 0.2


def test_cross_validated_probabilities_come_from_models_that_did_not_see_the_row():
    rows = [{"lexical": x / 20} for x in range(20)]
    labels = [x >= 10 for x in range(20)]
    # A lone answerable row among unanswerable ones: seen in training it would pull its own probability up.
    rows.append({"lexical": 0.0})
    labels.append(True)
    held_out = cross_validated_probabilities(rows, labels)
    assert len(held_out) == len(rows)
    assert held_out[-1] < 0.5
    assert sum(p >= 0.5 for p in held_out[10:20]) >= 8


def test_a_saved_model_loads_back(tmp_path):
    model = AbstainModel({"lexical": 2.0, "score": 1.5}, -1.0, 0.6, fitted_on="x.jsonl")
    path = tmp_path / "model.json"
    model.save(path, {"questions": 3})
    assert AbstainModel.load(path) == model
    assert json.loads(path.read_text())["fit"] == {"questions": 3}


def test_the_packaged_model_uses_only_known_features():
    model = AbstainModel.load(DEFAULT_MODEL)
    assert set(model.weights) <= set(FEATURES) and model.fitted_on
    assert "squad" not in model.fitted_on and "cmrc" not in model.fitted_on and "approvals_dev" not in model.fitted_on


@pytest.mark.slow
def test_calibrate_fits_a_model_that_refuses_most_unanswerable_calibration_questions(tmp_path, settings_in):
    from bot.calibrate import QuestionSource, calibrate
    from bot.evaluate import load_questions

    questions = REPO / "evalsets" / "calibration.jsonl"
    out = tmp_path / "model.json"
    report = calibrate([QuestionSource.parse(str(questions))], settings_in(), out, False)
    labels = [q["answerable"] for q in load_questions(questions)]
    assert report["questions"] == len(labels) and report["unanswerable"] == labels.count(False)
    assert report["in_sample_refusal_recall"] >= 0.7 and report["in_sample_false_refusal_rate"] <= 0.2
    assert report["cross_validated_false_refusal_rate"] <= 0.10
    assert AbstainModel.load(out).threshold == report["threshold"]
    assert AbstainModel.load(out).weights.keys() == set(FEATURES)


def test_a_question_source_can_name_the_index_language():
    from bot.calibrate import QuestionSource

    assert QuestionSource.parse("a/b.jsonl:en") == QuestionSource(Path("a/b.jsonl"), "en")
    assert QuestionSource.parse("a/b.jsonl") == QuestionSource(Path("a/b.jsonl"))
