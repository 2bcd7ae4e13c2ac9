"""What the third blind register questions share: the question set (qids rd001 …) that stays apart from the four
sets the register answerer was tuned on and takes its wording from `register_blind3_phrases.py`, time filters in
words, and the English names the alias table lacks.

The gold rules are the second blind set's (`register_blind2_common`: lists and counts by distinct filings), so
both blind sets score alike. This module reads no files and writes nothing; the questions are made in
`register_blind3_genai.py` and `register_blind3_algorithm.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from register_blind2_common import Blind2Set, OtherName, language
from register_blind3_phrases import (
    BATCH_EN,
    BATCH_ZH,
    KIND_WORDS,
    LIST_EN,
    LIST_ZH,
    MONTH_EN,
    MONTH_ZH,
    OTHER_NAMES,
    SINCE_EN,
    SINCE_ZH,
    TEMPLATES,
    YEAR_EN,
    YEAR_ZH,
)
from register_data import Row, plain
from register_gold import month_en, month_zh

# What the scorer takes for a filing number (bot/evaluate.py's FILING_NUMBER): a gold must look like one.
_NUMBER = re.compile(r"网信算备\s*\d{10,}|[A-Za-z]{4,}-[^\s，。,;:：]+-\d{8,14}(?:S\d{4})?")


def valid_number(number: str) -> bool:
    return bool(_NUMBER.fullmatch(number))


@dataclass
class Blind3Set(Blind2Set):
    """The second blind set's machinery (refuses what a tuned-on set asks, keeps templates and sub-series for
    the summary) with this set's own templates."""

    def template(self, shape: str, lang: str) -> str:
        """The shape's next template in that language (each is used before any is used twice)."""
        options = TEMPLATES[shape][lang]
        turn = self._turns.get((shape, lang), self.rng.randrange(len(options)))
        self._turns[(shape, lang)] = turn + 1
        return options[turn % len(options)]


def english_language(qs: Blind2Set) -> tuple[str, str]:
    """(lang, variant) for a question naming something in English: English four times in five (people who
    know a brand's English name mostly ask in English), else as `language`."""
    if qs.rng.random() < 0.8:
        return "en", ""
    return language(qs)


@dataclass(frozen=True)
class When:
    """A time filter in words (English appended, Chinese in front) and as a test on a row."""

    en: str
    zh: str
    test: Callable[[Row], bool]


ALWAYS = When("", "", lambda r: True)


def genai_whens(rows: list[Row]) -> list[When]:
    """Time filters of the generative-AI lists: by the listed date (a year, a month, from a month on) or by
    the batch the CAC published."""
    whens = []
    for year in ("2024", "2025", "2026"):
        whens.append(
            When(YEAR_EN.format(year=year), YEAR_ZH.format(year=year), lambda r, y=year: (r.date or "")[:4] == y)
        )
    for month in sorted({r.date[:7] for r in rows if r.date and r.date >= "2024-06"}):
        en, zh = month_en(month), month_zh(month)
        whens.append(
            When(MONTH_EN.format(month=en), MONTH_ZH.format(month=zh), lambda r, m=month: (r.date or "")[:7] == m)
        )
        whens.append(
            When(SINCE_EN.format(month=en), SINCE_ZH.format(month=zh), lambda r, m=month: (r.date or "")[:7] >= m)
        )
    for period in sorted({r.period for r in rows}):
        en, zh = month_en(period), month_zh(period)
        whens.append(When(BATCH_EN.format(month=en), BATCH_ZH.format(month=zh), lambda r, p=period: r.period == p))
    return whens


def list_whens(rows: list[Row]) -> list[When]:
    """Time filters of the algorithm lists: one published list, named by its month."""
    return [
        When(LIST_EN.format(month=month_en(p)), LIST_ZH.format(month=month_zh(p)), lambda r, p=p: r.period == p)
        for p in sorted({r.period for r in rows})
    ]


def kind_slots(kind: str) -> dict[str, str]:
    return dict(KIND_WORDS[kind])


def other_names(aliases: tuple[str, ...], rows: list[Row]) -> list[OtherName]:
    """The English names the alias table lacks, each checked: not an alias spelling (nor inside one), and every
    company it stands for is a company of the register."""
    companies = {plain(r.company) for r in rows}
    lowered = [a.lower() for a in aliases]
    found = []
    for english, spellings, source in OTHER_NAMES:
        if any(english.lower() == a or english.lower() in a.split() for a in lowered):
            raise SystemExit(f"{english} is in the alias table now: take it out of OTHER_NAMES")
        missing = [c for c in spellings if plain(c) not in companies]
        if missing:
            raise SystemExit(f"{english}: no rows of {missing} in the register")
        found.append(OtherName(english, spellings, source))
    return found
