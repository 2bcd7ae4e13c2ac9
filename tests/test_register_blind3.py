"""The third blind register set (`evalsets/register_blind3.jsonl`): its promised size, types, series and
languages, its distance from the four register sets the answerer was tuned on, its lists counted by distinct
filings, and that the committed file is what its script writes. Nothing here runs the bot on it, and no
question text is written here."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from bot.evaluate import FILING_NUMBER

REPO = Path(__file__).resolve().parent.parent
BLIND3 = REPO / "evalsets" / "register_blind3.jsonl"
TUNED_ON = [
    REPO / "evalsets" / "register.jsonl",
    REPO / "evalsets" / "register_heldout.jsonl",
    REPO / "evalsets" / "register_blind.jsonl",
    REPO / "evalsets" / "register_blind2.jsonl",
]
_CJK = re.compile(r"[\u3400-\u9fff]")


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_third_blind_set_has_the_promised_size_types_series_and_languages():
    rows = _rows(BLIND3)
    types = Counter(r["type"] for r in rows)
    assert 180 <= len(rows) <= 230
    assert types["count"] >= 40 and types["list"] >= 40 and types["lookup"] >= 45
    assert (
        types["not_in_register"] >= 25 and types["cancelled"] >= 10 and types["renamed"] >= 4
    )  # the tuned-on sets ask 49 of the 53 renames
    assert {"genai", "algorithm", "deep-synthesis"} <= {r["series"] for r in rows}
    genai_numbers = [n for r in rows if r["series"] == "genai" for n in r["gold"].get("numbers", [])]
    assert {bool(re.search(r"S\d{4}$", n)) for n in genai_numbers} == {True, False}  # registrations and filings
    assert sum(r["lang"] == "zh" for r in rows) >= 0.35 * len(rows)
    assert sum(r.get("variant") == "traditional" for r in rows) >= 15
    assert sum(r.get("variant") == "english-name" and not _CJK.search(r["question"]) for r in rows) >= 30
    assert [r["qid"] for r in rows] == [f"rd{i:03d}" for i in range(1, len(rows) + 1)]
    assert all(r["kind"] == "register" and r["answerable"] and r["lang"] in ("en", "zh") for r in rows)


def test_the_third_blind_set_asks_no_row_or_question_the_tuned_on_sets_ask():
    blind = _rows(BLIND3)
    tuned = [row for path in TUNED_ON for row in _rows(path)]
    assert not {r["question"] for r in blind} & {r["question"] for r in tuned}
    looked_up = {n for r in tuned if r["type"] == "lookup" for n in r["gold"]["numbers"]}
    assert not {n for r in blind if r["type"] == "lookup" for n in r["gold"]["numbers"]} & looked_up
    row_sets = {tuple(sorted(r["gold"]["numbers"])) for r in tuned if r["gold"].get("numbers")}
    assert not {tuple(sorted(r["gold"]["numbers"])) for r in blind if r["gold"].get("numbers")} & row_sets
    renamed = {r["gold"]["company"] for r in tuned if r["type"] == "renamed"}
    assert not {r["gold"]["company"] for r in blind if r["type"] == "renamed"} & renamed


def test_a_listed_gold_counts_each_filing_once():
    for row in _rows(BLIND3):
        numbers = row["gold"].get("numbers")
        if "total" in row["gold"] and numbers:
            assert len(set(numbers)) == len(numbers) == row["gold"]["total"], row["qid"]


def test_every_third_blind_gold_number_looks_like_a_filing_number_to_the_scorer():
    numbers = {n for r in _rows(BLIND3) for n in r["gold"].get("numbers", [])}
    assert numbers and all(FILING_NUMBER.fullmatch(n) for n in numbers)


@pytest.mark.slow
def test_the_third_blind_set_is_what_its_script_writes(tmp_path: Path):
    """The gold comes from the data through the script, never edited by hand."""
    out = tmp_path / "register_blind3.jsonl"
    script = REPO / "evalsets" / "build_register_blind3.py"
    subprocess.run([sys.executable, str(script), "--out", str(out)], check=True, capture_output=True)
    assert out.read_text(encoding="utf-8") == BLIND3.read_text(encoding="utf-8")
