"""What the fifth blind register questions share: the question set (qids rf001 …) that stays apart from the six
sets the register answerer was tuned on and takes its wording from `register_blind5_phrases.py`, the filters
a count or list names (in words and as a test on a row), the languages, and the English names the alias table
lacks.

The gold rules are the second blind set's (`register_blind2_common`: lists and counts by distinct filings), so the
blind sets score alike. This module reads no files and writes nothing; the questions are made in
`register_blind5_genai.py` and `register_blind5_algorithm.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from register_blind2_common import Blind2Set, OtherName
from register_blind5_phrases import NEAR_TEST_NAMES, OTHER_NAMES, SERIES_WORDS, TEMPLATES
from register_data import Row, plain
from register_gold import has_chinese


@dataclass
class Blind5Set(Blind2Set):
    """The second blind set's machinery (refuses what a tuned-on set asks, keeps templates and sub-series for
    the summary) with this set's templates, a rename rule (only a gold company no tuned-on set has), and no
    question naming a service or company a test's own question names (`named_in_tests`: the tests' text)."""

    named_in_tests: str = ""

    def template(self, shape: str, lang: str) -> str:
        """The shape's next template in that language (each is used before any is used twice)."""
        options = TEMPLATES[shape][lang]
        turn = self._turns.get((shape, lang), self.rng.randrange(len(options)))
        self._turns[(shape, lang)] = turn + 1
        return options[turn % len(options)]

    def tuned_on_asks(self, series: str, type_: str, gold: dict[str, Any], names: tuple[str, ...]) -> str | None:
        """As the second blind set, except that a rename is refused only when a tuned-on set has its gold
        company (the data's renames are each asked one way or the other already)."""
        if type_ == "renamed":
            found = next((o for o in self.tuned_on if gold["company"] in o.renamed_companies), None)
            return found.path.name if found else None
        return super().tuned_on_asks(series, type_, gold, names)

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
        """As the second blind set, but a question naming a register name (four characters or more) that a
        test's text names, or one of `NEAR_TEST_NAMES`, is left out."""
        near = any(close in n for n in names for close in NEAR_TEST_NAMES)
        if near or any(len(n) >= 4 and has_chinese(n) and n in self.named_in_tests for n in names):
            self.skipped[f"{type_}: names what a test asks about"] += 1
            return False
        return super().ask(shape, type_, gold, lang, slots, rows, series, subseries, variant, names)


def language(qs: Blind2Set, chinese_share: float = 0.6) -> tuple[str, str]:
    """(lang, variant): Chinese about `chinese_share` of the time, and two Chinese questions in five
    Traditional."""
    if qs.rng.random() >= chinese_share:
        return "en", ""
    return "zh", "traditional" if qs.rng.random() < 0.4 else ""


@dataclass(frozen=True)
class Filter:
    """One condition of a count or list: English (appended after the noun), Chinese (joined with 、 before
    的 and the noun), and the test on a row."""

    en: str
    zh: str
    test: Callable[[Row], bool]


def scope(series: str, filters: Iterable[Filter], lead_en: str = "", verb_zh: str = "") -> tuple[str, str]:
    """A count's or list's subject in words: ('registered generative AI services from Hubei in the CAC's June
    2025 list', '属地为湖北、出自2025年6月清单的登记的生成式人工智能服务')."""
    filters = list(filters)
    noun_en, noun_zh = SERIES_WORDS[series][:2]
    en = lead_en + noun_en + "".join(f.en for f in filters)
    conditions = "、".join(f.zh for f in filters if f.zh)
    zh = f"{conditions}{verb_zh}的{noun_zh}" if conditions or verb_zh else noun_zh
    return en, zh


def matching(rows: Iterable[Row], filters: Iterable[Filter]) -> list[Row]:
    filters = list(filters)
    return [r for r in rows if all(f.test(r) for f in filters)]


def other_names(aliases: tuple[str, ...], rows: list[Row]) -> list[OtherName]:
    """The English names the alias table lacks, each checked: not an alias spelling (nor a word of one), and
    every company it stands for is a company of the register."""
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
