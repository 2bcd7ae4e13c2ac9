"""What the development set (`evalsets/register.jsonl`) already asks, so the held-out set can leave it out.

The held-out set must not repeat an entity/gold pair of the development set. This module reads the
development file and answers only yes/no questions about it: is this lookup's number already a gold there,
is this gold already there for the same series and type, does some development question of that gold name
this entity. It never returns or prints a development question, so the held-out templates are written
without seeing them. It does not choose or write questions (see `register_heldout_*.py`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEV_FILE = Path(__file__).resolve().parent / "register.jsonl"


def _gold_key(series: str, type_: str, gold: dict[str, Any]) -> str:
    return json.dumps([series, type_, gold], ensure_ascii=False, sort_keys=True)


def _simplified(text: str) -> str:
    import opencc

    return opencc.OpenCC("t2s").convert(text).lower()


@dataclass
class DevOverlap:
    """The development set's golds, and a way to ask whether one of its questions names an entity."""

    path: Path = DEV_FILE
    _rows: list[dict[str, Any]] = field(default_factory=list)
    _texts: list[str] = field(default_factory=list)  # the questions, Simplified and lower case, never shown

    def __post_init__(self) -> None:
        if not self.path.exists():
            raise SystemExit(f"{self.path} is missing: the held-out set is made against the development set")
        lines = self.path.read_text(encoding="utf-8").splitlines()
        self._rows = [json.loads(line) for line in lines if line.strip()]
        self._texts = [_simplified(row["question"]) for row in self._rows]
        self.lookup_numbers = {
            number for row in self._rows if row["type"] == "lookup" for number in row["gold"].get("numbers", [])
        }
        self.renamed_companies = {row["gold"]["company"] for row in self._rows if row["type"] == "renamed"}

    def __len__(self) -> int:
        return len(self._rows)

    def mentions(self, names: Iterable[str], types: Iterable[str] | None = None) -> bool:
        """Whether a development question (of one of `types`, or any) contains one of the names."""
        wanted = [_simplified(n) for n in names if n]
        kinds = set(types) if types is not None else None
        return any(
            any(n in text for n in wanted)
            for row, text in zip(self._rows, self._texts, strict=True)
            if kinds is None or row["type"] in kinds
        )

    def has_rows(self, numbers: Iterable[str]) -> bool:
        """Whether a list, cancelled or lookup question there has exactly these gold numbers, in any series."""
        wanted = sorted(numbers)
        return bool(wanted) and any(sorted(row["gold"].get("numbers") or []) == wanted for row in self._rows)

    def has_gold(self, series: str, type_: str, gold: dict[str, Any]) -> bool:
        """Whether a question there of this series and type has this very gold (whatever it names)."""
        key = _gold_key(series, type_, gold)
        return any(_gold_key(row["series"], row["type"], row["gold"]) == key for row in self._rows)

    def asks(self, series: str, type_: str, gold: dict[str, Any], names: Iterable[str]) -> bool:
        """Whether the development set already asks this entity/gold pair.

        Lookups: a gold number is already a lookup's gold there. Lists that name their rows: the same rows in
        the same series. Counts, long lists and cancelled counts: the same gold in the same series and type
        from a question that names the entity. Renamed: either company of the pair is already a gold.
        Not in the register: a development question names the same service."""
        names = list(names)
        if type_ == "lookup":
            return bool(set(gold.get("numbers") or [gold["number"]]) & self.lookup_numbers)
        if type_ == "renamed":
            return bool(set(names) & self.renamed_companies) or gold["company"] in self.renamed_companies
        if type_ == "not_in_register":
            return self.mentions(names)
        if gold.get("numbers"):
            same = {
                json.dumps(sorted(row["gold"]["numbers"]))
                for row in self._rows
                if row["series"] == series and row["gold"].get("numbers") and row["type"] != "lookup"
            }
            return json.dumps(sorted(gold["numbers"])) in same
        key = _gold_key(series, type_, gold)
        return any(
            _gold_key(row["series"], row["type"], row["gold"]) == key and any(_simplified(n) in text for n in names)
            for row, text in zip(self._rows, self._texts, strict=True)
            if names
        )
