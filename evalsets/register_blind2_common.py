"""What the second blind register questions share: the question set that stays apart from the three sets the
register answerer was tuned on, the gold rules this set adds (distinct filings), time filters in words, English
names the alias table lacks, and the check that a name is in no list.

`register.jsonl`, `register_heldout.jsonl` and `register_blind.jsonl` all tuned the answerer, so this set
refuses what any of them asks, through `register_dev_overlap.DevOverlap` (yes/no answers, never a question).
This module reads no files itself and writes nothing; the questions are made in `register_blind2_genai.py` and
`register_blind2_algorithm.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from register_blind2_phrases import TEMPLATES
from register_data import Row, plain
from register_dev_overlap import DevOverlap
from register_gold import LIST_LIMIT, day_en, day_zh, month_en, month_zh, traditional
from register_heldout_common import HeldoutSet
from register_heldout_common import _squashed as squashed


def distinct(rows: Iterable[Row]) -> list[Row]:
    """One row per filing number (a number listed in two series, or twice in one, is one filing)."""
    seen: dict[str, Row] = {}
    for row in rows:
        seen.setdefault(row.number, row)
    return list(seen.values())


def list_gold(rows: Iterable[Row]) -> dict[str, Any]:
    """The distinct numbers when they fit in one answer (≤ 20), else only the total of distinct filings."""
    numbers = sorted({r.number for r in rows})
    return {"numbers": numbers if len(numbers) <= LIST_LIMIT else [], "total": len(numbers)}


def count_is_clear(rows: list[Row]) -> bool:
    """A count has one reading when no filing is listed twice among its rows (rows and filings agree)."""
    return bool(rows) and len({r.number for r in rows}) == len(rows)


def series_of(rows: Iterable[Row]) -> str:
    """The series field of a question about these rows: one series, or algorithm+deep-synthesis."""
    return "+".join(sorted({r.series for r in rows}))


@dataclass
class Blind2Set(HeldoutSet):
    """The questions (qids rc001 …): a `HeldoutSet` that refuses what any tuned-on set asks, hands out each
    shape's templates in turn, and keeps the sub-series and template of every question for the summary."""

    tuned_on: list[DevOverlap] = field(default_factory=list)
    subseries: dict[str, str] = field(default_factory=dict)  # qid -> genai-filing, genai-registration, …
    templates_used: set[tuple[str, str, str]] = field(default_factory=set)  # (type, lang, template)
    already_asked: Callable[[str], bool] = lambda question: False  # an issue example or a test's question
    _turns: dict[tuple[str, str], int] = field(default_factory=dict)

    def template(self, shape: str, lang: str) -> str:
        """The shape's next template in that language (each is used before any is used twice)."""
        options = TEMPLATES[shape][lang]
        turn = self._turns.get((shape, lang), self.rng.randrange(len(options)))
        self._turns[(shape, lang)] = turn + 1
        return options[turn % len(options)]

    def tuned_on_asks(self, series: str, type_: str, gold: dict[str, Any], names: tuple[str, ...]) -> str | None:
        """The tuned-on set that asks this already: the same entity and gold, the same rows in any series, or
        the same count of 20 or more in the same series (a figure that specific is one fact)."""
        for other in self.tuned_on:
            if other.asks(series, type_, gold, names) or other.has_rows(gold.get("numbers") or []):
                return other.path.name
            if gold.get("count", 0) >= 20 and other.has_gold(series, type_, gold):
                return other.path.name
        return None

    def ask(
        self,
        shape: str,
        type_: str,
        gold: dict[str, Any],
        lang: str,
        slots: dict[str, str],
        rows: list[Row] | None = None,
        series: str = "",
        subseries: str = "",
        variant: str = "",
        names: tuple[str, ...] = (),
    ) -> bool:
        """Fill the shape's next template and offer it; False (template turn kept) when it is refused."""
        series = series or series_of(rows or [])
        template = self.template(shape, lang)
        question = template.format(**slots)
        if lang == "en" and not re.search("[A-Za-z]", "".join(names)):
            question = self.casual(question)
        refused = self.tuned_on_asks(series, type_, gold, names)
        if refused:
            self.skipped[f"{series} {type_}: asked in {refused}"] += 1
        elif self.already_asked(question) or self.already_asked(traditional(question) or question):
            refused = "a test"
            self.skipped[f"{series} {type_}: an issue example or asked in a test"] += 1
        if refused or not self.offer(question, type_, gold, series, lang, variant, names, rows):
            self._turns[(shape, lang)] -= 1
            return False
        self.templates_used.add((type_, lang, template))
        self.subseries[self.rows[-1]["qid"]] = subseries or series
        return True


def language(qs: Blind2Set) -> tuple[str, str]:
    """(lang, variant): English or Chinese about half each; about one Chinese question in three Traditional."""
    if qs.rng.random() < 0.5:
        return "en", ""
    return "zh", "traditional" if qs.rng.random() < 0.36 else ""


@dataclass(frozen=True)
class When:
    """A time filter of the generative-AI lists in words (English suffix, Chinese prefix) and as a test."""

    en: str
    zh: str
    test: Callable[[Row], bool]


def genai_whens(rows: list[Row]) -> list[When]:
    """Every time filter the generative-AI questions use; a date filter says it goes by the listed date, a
    list filter names the list by the month it was published."""
    whens = [When("", "", lambda r: True)]
    for year in ("2024", "2025", "2026"):
        whens.append(
            When(
                f" with a listed date in {year}",
                f"按所列日期算，{year}年内，",
                lambda r, y=year: (r.date or "")[:4] == y,
            )
        )
    for month in sorted({r.date[:7] for r in rows if r.date})[8:]:
        en, zh = month_en(month), month_zh(month)
        whens += [
            When(f" with a listed date in {en}", f"按所列日期算，{zh}内，", lambda r, m=month: (r.date or "")[:7] == m),
            When(
                f" with a listed date earlier than {en}",
                f"按所列日期算，{zh}以前（不含{zh}），",
                lambda r, m=month: (r.date or "9999")[:7] < m,
            ),
            When(
                f" with a listed date from {en} onwards",
                f"按所列日期算，{zh}起（含{zh}），",
                lambda r, m=month: (r.date or "")[:7] >= m,
            ),
        ]
    for period in sorted({r.period for r in rows}):
        whens.append(
            When(
                f" in the list the CAC published in {month_en(period)}",
                f"在{month_zh(period)}公布的那一批清单中，",
                lambda r, p=period: r.period == p,
            )
        )
    return whens


def day_words(date: str) -> tuple[str, str]:
    return day_en(date), day_zh(date)


@dataclass(frozen=True)
class OtherName:
    """An English name the alias table lacks, and the register's exact company spellings it stands for."""

    english: str
    companies: tuple[str, ...]
    source: str

    def rows(self, rows: list[Row]) -> list[Row]:
        wanted = {plain(c) for c in self.companies}
        return [r for r in rows if plain(r.company) in wanted]


def absent(name: str, rows: list[Row], aliases: Iterable[str], chinese: tuple[str, ...] = ()) -> bool:
    """A name (and its Chinese spellings) in no row of any series (name, company, products, number, remarks)
    and in no alias-table spelling, either way round."""
    wanted = [squashed(n) for n in (name, *chinese) if squashed(n)]
    for row in rows:
        fields = [squashed(f) for f in (row.name, row.company, row.number, row.remarks, *row.products)]
        if any(w in f for w in wanted for f in fields):
            return False
    spellings = [squashed(a) for a in aliases if squashed(a)]
    return not any(w in a or a in w for w in wanted for a in spellings)
