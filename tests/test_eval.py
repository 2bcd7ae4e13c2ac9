"""`bot eval` end to end on a tiny evaluation set in the public sets' format, with the baseline; and the
scoring of register questions against hand-made answer JSON (fast, no models)."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import Settings
from bot.eval_report import format_table
from bot.eval_runner import evaluate_path, has_register_questions
from bot.evaluate import FILING_NUMBER, Outcome, answer_matches, answer_metrics, is_correct, score_register
from bot.schema import Answer

REPO = Path(__file__).resolve().parent.parent
REGISTER_SET = REPO / "evalsets" / "register.jsonl"

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


@pytest.mark.slow
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


# --- register questions -------------------------------------------------------------------------------


def _row(number: str, date: str | None = None, company: str = "某公司") -> dict:
    return {"name": "某服务", "company": company, "number": number, "date": date, "series": "genai"}


def _answer(total: int | None, rows: list[dict] = (), text: str = "…", abstained: bool = False) -> dict:
    register = None if total is None else {"query": {"intent": "list"}, "total": total, "rows": list(rows)}
    return {"answer": text, "abstained": abstained, "language": "en", "citations": [], "register": register}


def _question(type_: str, gold: dict, series: str = "genai") -> dict:
    return {"qid": "t1", "question": "?", "kind": "register", "type": type_, "gold": gold, "series": series}


def test_a_count_is_right_only_when_the_total_is_exact():
    question = _question("count", {"count": 14})
    assert score_register(question, _answer(14)).correct
    assert not score_register(question, _answer(13)).correct
    assert not score_register(question, _answer(14, abstained=True)).correct
    assert not score_register(question, _answer(None, text="There are 14.")).correct


def test_a_list_is_scored_by_precision_and_recall_of_its_numbers_and_its_total():
    gold = {"numbers": ["网信算备110108000000001240011", "网信算备110108000000001240029"], "total": 2}
    question = _question("list", gold, "deep-synthesis")
    both = [
        _row("网信算备110108000000001240011号"),
        _row("网信算备 110108000000001240029"),
    ]  # 号 and spaces as published
    right = score_register(question, _answer(2, both))
    assert right.correct and right.precision == right.recall == 1.0
    missing = score_register(question, _answer(1, both[:1]))
    assert not missing.correct and missing.precision == 1.0 and missing.recall == 0.5
    extra = score_register(question, _answer(3, [*both, _row("网信算备440000000000001240011")]))
    assert not extra.correct and extra.precision == pytest.approx(2 / 3) and extra.recall == 1.0
    assert not score_register(question, _answer(5, both)).correct  # the rows are right, the total is not


def test_a_list_too_long_to_show_is_scored_by_its_total():
    question = _question("list", {"numbers": [], "total": 296})
    shown = [_row(f"Beijing-X{i}-20240101") for i in range(20)]
    assert score_register(question, _answer(296, shown)).correct
    assert score_register(question, _answer(296, shown)).precision is None
    assert not score_register(question, _answer(20, shown)).correct


def test_a_lookup_needs_a_gold_number_among_the_rows_with_its_date():
    gold = {
        "number": "Beijing-XiaoAiTongXueAIZhuShou-20240102",
        "date": "2024-01-17",
        "numbers": ["Beijing-XiaoAiTongXueAIZhuShou-20240102", "Beijing-XiaoAiTongXueAIZhuShou-20241125S0004"],
        "dates": {
            "Beijing-XiaoAiTongXueAIZhuShou-20240102": "2024-01-17",
            "Beijing-XiaoAiTongXueAIZhuShou-20241125S0004": "2024-11-25",
        },
    }
    question = _question("lookup", gold)
    assert score_register(question, _answer(1, [_row("Beijing-XiaoAiTongXueAIZhuShou-20240102", "2024-01-17")])).correct
    other_row = _row("Beijing-XiaoAiTongXueAIZhuShou-20241125S0004", "2024-11-25")
    assert score_register(question, _answer(1, [other_row])).correct  # a name with two rows: either answers it
    wrong_date = _row("Beijing-XiaoAiTongXueAIZhuShou-20240102", "2024-01-02")
    assert not score_register(question, _answer(1, [wrong_date])).correct
    assert not score_register(question, _answer(1, [_row("Beijing-WenXinYiYan-20230821", "2023-08-31")])).correct


def test_an_algorithm_lookup_has_no_date_and_is_scored_by_its_number():
    number = "网信算备440106305310104220015"
    question = _question("lookup", {"number": number, "date": None, "numbers": [number]}, "algorithm")
    assert score_register(question, _answer(1, [_row(number + "号")])).correct


def test_a_renamed_company_must_be_named_in_the_text_or_the_rows():
    question = _question("renamed", {"company": "享道出行（上海）科技股份有限公司"}, "deep-synthesis")
    assert score_register(question, _answer(1, text="It is now 享道出行(上海)科技股份有限公司. [1]")).correct
    assert score_register(question, _answer(1, [_row("网信算备1", company="享道出行（上海）科技股份有限公司")])).correct
    assert not score_register(question, _answer(1, text="It is now 上海赛可出行科技服务有限公司.")).correct


def test_a_name_in_no_list_must_get_total_zero_no_rows_and_no_number():
    question = _question("not_in_register", {})
    assert score_register(question, _answer(0, text="No service named ChatGPT is in the CAC's lists.")).correct
    with_number = score_register(question, _answer(0, text="ChatGPT: Beijing-ChatGPT-20230821."))
    assert not with_number.correct and with_number.claims_number
    assert not score_register(question, _answer(1, [_row("Beijing-ChatGLM-20230821")])).correct
    assert not score_register(question, _answer(None, text="Not in my documents.")).correct
    assert not score_register(question, _answer(0, abstained=True)).correct


def test_is_correct_scores_register_questions_by_their_register_field():
    """Today's `Answer` has no register field: a register question is then never right, even with the number."""
    answer = Answer("14 services.", abstained=False, language="en")
    assert not is_correct(_question("count", {"count": 14}), answer)
    assert not is_correct({**_question("count", {"count": 14}), "answers": ["14"]}, answer)


class _Scripted:
    """An `Answer` stand-in whose JSON carries a register field, as the register answers will."""

    def __init__(self, data: dict) -> None:
        self.data = data
        self.abstained = data["abstained"]
        self.answer = data["answer"]

    def to_dict(self) -> dict:
        return self.data


def test_register_metrics_report_accuracy_per_type_and_series_precision_recall_and_latency():
    cases = [
        (_question("count", {"count": 3}), _answer(3), 0.010),
        (_question("count", {"count": 3}, "algorithm"), _answer(4), 0.030),
        (
            _question("list", {"numbers": ["A-B-20240101", "A-C-20240101"], "total": 2}),
            _answer(1, [_row("A-B-20240101")]),
            0.020,
        ),
        (_question("not_in_register", {}), _answer(0, text="Beijing-Fake-20240101"), 0.005),
    ]
    outcomes = []
    for question, data, seconds in cases:
        answer = _Scripted(data)
        outcomes.append(Outcome(question, answer, seconds, score_register(question, data).correct))  # type: ignore[arg-type]
    register = answer_metrics(outcomes)["register"]
    assert register["questions"] == 4 and register["accuracy"] == 0.25
    assert register["by_type"]["count"] == {"questions": 2, "accuracy": 0.5}
    assert register["by_type"]["list"] == {"questions": 1, "accuracy": 0.0, "precision": 1.0, "recall": 0.5}
    assert register["by_series"]["algorithm"] == {"questions": 1, "accuracy": 0.0}
    assert register["latency_p50_ms"] == 20.0
    assert register["not_in_register_with_number"] == 1
    table = format_table({"bot": answer_metrics(outcomes)})
    assert "| type: list | 0.0 (1), P 1.0 R 0.5 |" in table and "| latency_p50_ms | 20.0 |" in table


def _register_set() -> list[dict]:
    return [json.loads(line) for line in REGISTER_SET.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_register_set_has_the_promised_size_types_and_english_name_questions():
    rows = _register_set()
    assert has_register_questions(rows)
    genai = [r for r in rows if r["series"] == "genai"]
    assert len(genai) >= 150 and len(rows) - len(genai) >= 100
    assert {r["type"] for r in genai} == {"count", "list", "lookup", "not_in_register"}
    assert {r["type"] for r in rows if r["series"] != "genai"} >= {"count", "list", "lookup", "cancelled", "renamed"}
    english_only = [
        r for r in genai if not re.search(r"[\u3400-\u9fff]", r["question"]) and r.get("variant") == "english-name"
    ]
    assert len(english_only) >= 30
    assert len({r["qid"] for r in rows}) == len(rows)
    assert all(r["kind"] == "register" and r["answerable"] and r["lang"] in ("en", "zh") for r in rows)


def test_every_gold_number_looks_like_a_filing_number_to_the_scorer():
    """So that a not-in-register answer quoting any real number is caught."""
    data = json.loads((REPO / "corpus/register/cac-genai/genai_filing.json").read_text(encoding="utf-8"))
    genai = {
        row.get("备案号") or row.get("备案编号") for b in data["batches"] for row in b["rows"] if row["序号"] != "序号"
    }
    numbers = genai | {n for r in _register_set() for n in r["gold"].get("numbers", [])}
    unmatched = [n for n in numbers if not FILING_NUMBER.fullmatch(n)]
    assert len(genai) == 1842 and any(n.startswith("网信算备") for n in numbers)
    assert unmatched == ["Jiangsu-SiWeiXiangLiangZhiSuanYun-"]  # truncated in the CAC's own list


@pytest.mark.slow
def test_the_register_set_is_what_its_script_writes(tmp_path: Path):
    """The gold comes from the data through the script, never edited by hand."""
    out = tmp_path / "register.jsonl"
    script = REPO / "evalsets" / "build_register_eval.py"
    subprocess.run([sys.executable, str(script), "--out", str(out)], check=True, capture_output=True)
    assert out.read_text(encoding="utf-8") == REGISTER_SET.read_text(encoding="utf-8")


def test_a_register_answer_counts_as_right_when_a_row_of_its_table_holds_the_gold():
    from bot.evaluate import is_correct
    from bot.schema import Answer, TableResult

    row = {"name": "序列猴子", "company": "北京出门问问科技有限公司", "number": "Beijing-X-1", "date": "2023-11-03"}
    table = TableResult(query={"intent": "list"}, description="", total=1, rows=(row,), as_of="2026-08")
    answer = Answer("The 1 service approved together on 3 November 2023 is in the table.", False, "en", (), 1.0, table)
    question = {"question": "q", "answers": ["序列猴子"], "answerable": True}
    assert is_correct(question, answer)
    assert not is_correct({**question, "answers": ["Moonshot"]}, answer)
