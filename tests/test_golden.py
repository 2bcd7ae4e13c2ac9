"""A golden evaluation as a guard: our own questions about the corpus, in both languages, with
fixed pass thresholds. `python -m bot eval` gives the full report; this only stops regressions.

The abstain model is not fitted on these questions (`bot/cli.py` CALIBRATION_SETS), so the guard measures
it out of sample; none asks what another reported set asks (`tests/test_leaks.py`)."""

from pathlib import Path

import pytest

from bot.evaluate import answer_metrics, ask_all, load_questions

pytestmark = pytest.mark.slow
GOLDEN = Path(__file__).resolve().parent / "golden" / "questions.jsonl"

# Measured when the golden set left the abstain model's fitting data: 0.909 (30 of 33), 0.667 (6 of 9) and
# 0.061 (2 of 33). Before, the model was fitted on these questions and the thresholds (0.85, 0.80, 0.10) were
# set on in-sample figures.
MIN_ANSWER_ACCURACY = 0.85
MIN_REFUSAL_RECALL = 0.65
MAX_FALSE_REFUSAL_RATE = 0.10


def test_golden_set_is_big_enough_and_bilingual():
    questions = load_questions(GOLDEN)
    assert len(questions) >= 20
    assert {q["lang"] for q in questions} == {"en", "zh"}
    assert sum(not q["answerable"] for q in questions) >= 8


def test_golden_questions_meet_their_thresholds(corpus_bot):
    outcomes = ask_all(corpus_bot.ask, load_questions(GOLDEN))
    metrics = answer_metrics(outcomes)
    wrong = [(o.question["qid"], o.question["question"], o.answer.answer[:120]) for o in outcomes if not o.correct]
    assert metrics["answer_accuracy"] >= MIN_ANSWER_ACCURACY, wrong
    assert metrics["refusal_recall"] >= MIN_REFUSAL_RECALL, wrong
    assert metrics["false_refusal_rate"] <= MAX_FALSE_REFUSAL_RATE, wrong


def test_every_answerable_golden_answer_is_in_its_named_source():
    """The golden set itself stays honest: each answer really is in the document it names."""
    repo = GOLDEN.parent.parent.parent
    for q in load_questions(GOLDEN):
        if q["answerable"]:
            assert q["gold_doc_ids"], q["qid"]
            for doc_id in q["gold_doc_ids"]:
                text = (repo / doc_id).read_text(encoding="utf-8").lower()
                assert any(a.lower() in text for a in q["answers"]), (q["qid"], doc_id)
