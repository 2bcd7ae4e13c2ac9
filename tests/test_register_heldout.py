"""The held-out register set (`evalsets/register_heldout.jsonl`): its promised size and types, its distance from
the development set (`register.jsonl`), and that the committed file is what its script writes. Nothing here runs
the bot on it, and no question text is written here (the script refuses questions that a test contains)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.evaluate import FILING_NUMBER

REPO = Path(__file__).resolve().parent.parent
HELDOUT = REPO / "evalsets" / "register_heldout.jsonl"
DEV = REPO / "evalsets" / "register.jsonl"


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_heldout_set_has_the_promised_size_types_and_english_name_questions():
    rows = _rows(HELDOUT)
    genai = [r for r in rows if r["series"] == "genai"]
    others = [r for r in rows if r["series"] != "genai"]
    assert len(genai) >= 150 and len(others) >= 100
    assert {r["type"] for r in genai} == {"count", "list", "lookup", "not_in_register"}
    assert {r["type"] for r in others} == {"count", "list", "lookup", "cancelled", "renamed", "not_in_register"}
    english_only = [
        r for r in genai if r.get("variant") == "english-name" and not re.search(r"[\u3400-\u9fff]", r["question"])
    ]
    assert len(english_only) >= 30
    assert [r["qid"] for r in rows] == [f"rh{i:03d}" for i in range(1, len(rows) + 1)]
    assert all(r["kind"] == "register" and r["answerable"] and r["lang"] in ("en", "zh") for r in rows)
    assert {r["lang"] for r in rows} == {"en", "zh"} and any(r.get("variant") == "traditional" for r in rows)


def test_the_heldout_set_asks_nothing_the_development_set_asks():
    heldout, dev = _rows(HELDOUT), _rows(DEV)
    assert not {r["question"] for r in heldout} & {r["question"] for r in dev}
    dev_lookups = {n for r in dev if r["type"] == "lookup" for n in r["gold"]["numbers"]}
    assert not {n for r in heldout if r["type"] == "lookup" for n in r["gold"]["numbers"]} & dev_lookups
    dev_lists = {(r["series"], tuple(r["gold"]["numbers"])) for r in dev if r["gold"].get("numbers")}
    assert (
        not {
            (r["series"], tuple(r["gold"]["numbers"]))
            for r in heldout
            if r["type"] != "lookup" and r["gold"].get("numbers")
        }
        & dev_lists
    )
    dev_renamed = {r["gold"]["company"] for r in dev if r["type"] == "renamed"}
    assert not {r["gold"]["company"] for r in heldout if r["type"] == "renamed"} & dev_renamed


def test_every_heldout_gold_number_looks_like_a_filing_number_to_the_scorer():
    numbers = {n for r in _rows(HELDOUT) for n in r["gold"].get("numbers", [])}
    unmatched = {n for n in numbers if not FILING_NUMBER.fullmatch(n)}
    assert numbers and unmatched <= {"Jiangsu-SiWeiXiangLiangZhiSuanYun-"}  # truncated in the CAC's own list


@pytest.mark.slow
def test_the_heldout_set_is_what_its_script_writes(tmp_path: Path):
    """The gold comes from the data through the script, never edited by hand."""
    out = tmp_path / "register_heldout.jsonl"
    script = REPO / "evalsets" / "build_register_heldout.py"
    subprocess.run([sys.executable, str(script), "--out", str(out)], check=True, capture_output=True)
    assert out.read_text(encoding="utf-8") == HELDOUT.read_text(encoding="utf-8")
