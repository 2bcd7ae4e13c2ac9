"""`bot eval` end to end on a tiny evaluation set in the public sets' format, with the baseline."""

import json
from pathlib import Path

import pytest

from bot.config import Settings
from bot.eval_runner import evaluate_path
from bot.evaluate import answer_matches

pytestmark = pytest.mark.slow

PASSAGES = [
    ("d1", "Oxygen", "Oxygen is stored in three main reservoirs: the atmosphere, the biosphere and the lithosphere."),
    ("d2", "Sky", "BSkyB announced on 8 February 2007 that it would replace its free-to-air digital channels."),
    ("d3", "皇后", "全皇后是三国时期东吴皇帝孙亮的妻子。"),
    ("d4", "Rivers", "The Rhine flows from the Swiss Alps to the North Sea through several countries."),
]
QUESTIONS = [
    {
        "qid": "q1",
        "question": "In how many reservoirs is oxygen stored?",
        "answers": ["three"],
        "answerable": True,
        "gold_doc_ids": ["d1"],
    },
    {
        "qid": "q2",
        "question": "When did BSkyB announce it would replace its free channels?",
        "answers": ["8 February 2007"],
        "answerable": True,
        "gold_doc_ids": ["d2"],
    },
    {"qid": "q3", "question": "全皇后是谁的妻子？", "answers": ["孙亮"], "answerable": True, "gold_doc_ids": ["d3"]},
    {
        "qid": "q4",
        "question": "Who won the 1998 football World Cup final in Paris?",
        "answers": [],
        "answerable": False,
        "gold_doc_ids": [],
    },
]


def _write_jsonl(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def test_eval_writes_metrics_for_bot_and_baseline_and_a_report(tmp_path: Path):
    data = tmp_path / "set"
    data.mkdir()
    _write_jsonl(data / "corpus.jsonl", [{"doc_id": d, "title": t, "text": x} for d, t, x in PASSAGES])
    _write_jsonl(data / "questions.jsonl", QUESTIONS)
    out = tmp_path / "out"
    evaluate_path(data, Settings(data_dir=tmp_path / "unused"), baseline=True, out_dir=out, progress=False)  # type: ignore[arg-type]

    metrics = json.loads((out / "metrics.json").read_text())
    assert set(metrics) == {"bot", "baseline"}
    for system in ("bot", "baseline"):
        for key in (
            "recall@1",
            "recall@5",
            "recall@10",
            "mrr@10",
            "answer_accuracy",
            "refusal_recall",
            "false_refusal_rate",
            "latency_p50_ms",
            "latency_p95_ms",
            "languages",
        ):
            assert key in metrics[system], (system, key)
    assert metrics["bot"]["recall@1"] == 1.0 and metrics["bot"]["answer_accuracy"] == 1.0
    assert metrics["bot"]["refusal_recall"] == 1.0 and metrics["baseline"]["refusal_recall"] == 0.0
    assert metrics["bot"]["languages"] == {"en": 3, "zh": 1}
    assert (out / "chart.png").stat().st_size > 1000
    assert "| recall@1 |" in (out / "report.md").read_text()


@pytest.mark.parametrize(
    ("answer", "golds", "expected"),
    [
        ("It had 85,000 enterprise clients. [1]", ["85000"], True),
        ("ＦＵＬＬ width Text", ["full width"], True),
        ("About 50 per cent.", ["50%"], True),
        ("x" * 401 + " 14", ["14"], False),
        ("Nothing relevant", ["14"], False),
    ],
)
def test_answer_matching_normalises_case_width_spacing_and_numbers(answer, golds, expected):
    assert answer_matches(answer, golds) is expected
