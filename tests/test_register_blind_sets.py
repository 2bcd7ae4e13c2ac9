"""The blind register sets (`evalsets/register_blind*.jsonl`), each written apart from the sets before it: its
promised size, types, series and languages, its distance from the register sets the answerer was tuned on when it
was written, its lists counted by distinct filings, gold numbers the scorer reads as filing numbers, and that the
committed file is what its script writes. Nothing here runs the bot on them, and no question text is written
here."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.evaluate import FILING_NUMBER

EVALSETS = Path(__file__).resolve().parent.parent / "evalsets"
_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class BlindSet:
    name: str  # register_blind, register_blind2 …
    prefix: str  # of its qids
    tuned_on: tuple[str, ...]  # the register sets tuned on when it was written
    min_size: int
    min_lookup: int
    min_renamed: int  # the third: the tuned-on sets ask 49 of the data's 53 renames
    min_traditional: int

    @property
    def file(self) -> Path:
        return EVALSETS / f"{self.name}.jsonl"

    @property
    def script(self) -> Path:
        return EVALSETS / f"build_{self.name}.py"


SETS = [
    BlindSet("register_blind", "rb", ("register", "register_heldout"), 190, 50, 10, 10),
    BlindSet("register_blind2", "rc", ("register", "register_heldout", "register_blind"), 190, 45, 10, 15),
    BlindSet(
        "register_blind3", "rd", ("register", "register_heldout", "register_blind", "register_blind2"), 180, 45, 4, 15
    ),
    BlindSet(
        "register_blind4",
        "re",
        ("register", "register_heldout", "register_blind", "register_blind2", "register_blind3"),
        190,
        45,
        10,  # each rename asked the other way round from the tuned-on sets (a different gold company)
        15,
    ),
    BlindSet(
        "register_blind5",
        "rf",
        ("register", "register_heldout", "register_blind", "register_blind2", "register_blind3", "register_blind4"),
        190,
        45,
        10,  # renames whose gold company no tuned-on set has, in either direction
        15,
    ),
]
by_set = pytest.mark.parametrize("blind", SETS, ids=[s.name for s in SETS])


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@by_set
def test_a_blind_set_has_the_promised_size_types_series_and_languages(blind: BlindSet):
    rows = _rows(blind.file)
    types = Counter(r["type"] for r in rows)
    assert blind.min_size <= len(rows) <= 230
    assert types["count"] >= 40 and types["list"] >= 40 and types["lookup"] >= blind.min_lookup
    assert types["not_in_register"] >= 25 and types["cancelled"] >= 10 and types["renamed"] >= blind.min_renamed
    assert {"genai", "algorithm", "deep-synthesis"} <= {r["series"] for r in rows}
    genai_numbers = [n for r in rows if r["series"] == "genai" for n in r["gold"].get("numbers", [])]
    assert {bool(re.search(r"S\d{4}$", n)) for n in genai_numbers} == {True, False}  # registrations and filings
    assert sum(r["lang"] == "zh" for r in rows) >= 0.35 * len(rows)
    assert sum(r.get("variant") == "traditional" for r in rows) >= blind.min_traditional
    assert sum(r.get("variant") == "english-name" and not _CJK.search(r["question"]) for r in rows) >= 30
    assert [r["qid"] for r in rows] == [f"{blind.prefix}{i:03d}" for i in range(1, len(rows) + 1)]
    assert all(r["kind"] == "register" and r["answerable"] and r["lang"] in ("en", "zh") for r in rows)


@by_set
def test_a_blind_set_asks_no_row_or_question_the_tuned_on_sets_ask(blind: BlindSet):
    rows = _rows(blind.file)
    tuned = [row for name in blind.tuned_on for row in _rows(EVALSETS / f"{name}.jsonl")]
    assert not {r["question"] for r in rows} & {r["question"] for r in tuned}
    looked_up = {n for r in tuned if r["type"] == "lookup" for n in r["gold"]["numbers"]}
    assert not {n for r in rows if r["type"] == "lookup" for n in r["gold"]["numbers"]} & looked_up
    row_sets = {tuple(sorted(r["gold"]["numbers"])) for r in tuned if r["gold"].get("numbers")}
    assert not {tuple(sorted(r["gold"]["numbers"])) for r in rows if r["gold"].get("numbers")} & row_sets
    renamed = {r["gold"]["company"] for r in tuned if r["type"] == "renamed"}
    assert not {r["gold"]["company"] for r in rows if r["type"] == "renamed"} & renamed


@by_set
def test_a_blind_sets_listed_gold_counts_each_filing_once(blind: BlindSet):
    for row in _rows(blind.file):
        numbers = row["gold"].get("numbers")
        if "total" in row["gold"] and numbers:
            assert len(set(numbers)) == len(numbers) == row["gold"]["total"], row["qid"]


@by_set
def test_every_blind_gold_number_looks_like_a_filing_number_to_the_scorer(blind: BlindSet):
    numbers = {n for r in _rows(blind.file) for n in r["gold"].get("numbers", [])}
    assert numbers and all(FILING_NUMBER.fullmatch(n) for n in numbers)


@pytest.mark.slow
@by_set
def test_a_blind_set_is_what_its_script_writes(blind: BlindSet, tmp_path: Path):
    """The gold comes from the data through the script, never edited by hand."""
    out = tmp_path / blind.file.name
    subprocess.run([sys.executable, str(blind.script), "--out", str(out)], check=True, capture_output=True)
    assert out.read_text(encoding="utf-8") == blind.file.read_text(encoding="utf-8")
