"""Gold answers and question rows for `evalsets/register.jsonl`: the gold shapes scored by `bot eval`
(count, list, lookup, renamed, not in the register), a seeded `QuestionSet` that collects the rows, and the
small helpers the question makers share (dates in words, Traditional Chinese through OpenCC).

The gold is always computed here from `register_data.Row`s, never typed. No file reading, no writing.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from register_data import Row

LIST_LIMIT = 20  # a list answer shows at most 20 rows; longer lists are scored by their total
MONTHS = ("January February March April May June July August September October November December").split()
_CJK = re.compile(r"[\u3400-\u9fff]")


def month_en(period: str) -> str:
    """ "2025-06" → "June 2025"."""
    year, month = period.split("-")
    return f"{MONTHS[int(month) - 1]} {year}"


def month_zh(period: str) -> str:
    year, month = period.split("-")
    return f"{year}年{int(month)}月"


def day_en(date: str) -> str:
    year, month, day = date.split("-")
    return f"{int(day)} {MONTHS[int(month) - 1]} {year}"


def day_zh(date: str) -> str:
    year, month, day = date.split("-")
    return f"{year}年{int(month)}月{int(day)}日"


def has_chinese(text: str) -> bool:
    return bool(_CJK.search(text))


def count_gold(rows: Iterable[Row]) -> dict[str, Any]:
    return {"count": len(list(rows))}


def list_gold(rows: Iterable[Row]) -> dict[str, Any]:
    """The numbers when the list fits in one answer (≤ 20 rows), else only the total."""
    rows = list(rows)
    numbers = sorted({r.number for r in rows}) if len(rows) <= LIST_LIMIT else []
    return {"numbers": numbers, "total": len(rows)}


def lookup_gold(rows: Iterable[Row], primary: Row) -> dict[str, Any]:
    """The row the question is about, and every row of the same name (any of them answers it, with its date)."""
    rows = list(rows)
    gold: dict[str, Any] = {"number": primary.number, "date": primary.date, "numbers": sorted({r.number for r in rows})}
    if any(r.date for r in rows):
        gold["dates"] = {r.number: r.date for r in rows}
    return gold


def traditional(question: str) -> str | None:
    """The question in Traditional characters (Taiwan or Hong Kong standard, alternately), or None when
    OpenCC's way back to Simplified would not give the same question."""
    import opencc

    config = "s2tw" if sum(map(ord, question)) % 2 else "s2hk"
    converted = opencc.OpenCC(config).convert(question)
    if converted == question or opencc.OpenCC("t2s").convert(converted) != question:
        return None
    return converted


@dataclass
class QuestionSet:
    """The questions as they are made, in order, with a seeded random generator for every choice."""

    seed: int
    rows: list[dict[str, Any]] = field(default_factory=list)
    prefix: str = "rg"  # of the qids: rg001 …; the held-out set uses rh

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)

    def pick(self, items: list[Any], n: int) -> list[Any]:
        """`n` items (or all, when fewer) chosen without repeats, in a stable order."""
        return self.rng.sample(items, min(n, len(items)))

    def choice(self, items: list[Any] | tuple[Any, ...]) -> Any:
        return self.rng.choice(items)

    def add(
        self,
        question: str,
        type_: str,
        gold: dict[str, Any],
        series: str,
        lang: str,
        variant: str = "",
    ) -> None:
        if variant == "traditional":
            converted = traditional(question)
            if converted is None:
                variant = ""
            else:
                question = converted
        if variant == "english-name" and has_chinese(question):
            raise ValueError(f"an English-name question has Chinese in it: {question}")
        row: dict[str, Any] = {
            "qid": f"{self.prefix}{len(self.rows) + 1:03d}",
            "question": question,
            "lang": lang,
            "kind": "register",
            "type": type_,
            "gold": gold,
            "answerable": True,
            "series": series,
        }
        if variant:
            row["variant"] = variant
        self.rows.append(row)
