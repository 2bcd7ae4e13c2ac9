"""What the fourth blind register questions share: the question set (qids re001 …) that stays apart from the five
sets the register answerer was tuned on and takes its wording from `register_blind4_phrases.py`, the filters a
question names (as words and as a test on a row), and the English names the alias table lacks.

The gold rules are the second blind set's (`register_blind2_common`: lists and counts by distinct filings), so the
blind sets score alike. This module reads no files and writes nothing; the questions are made in
`register_blind4_genai.py` and `register_blind4_algorithm.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from register_blind2_common import Blind2Set, OtherName
from register_blind4_phrases import NEAR_TEST_QUESTIONS, OTHER_NAMES, SERIES_WORDS, TEMPLATES
from register_data import Row, plain


@dataclass
class Blind4Set(Blind2Set):
    """The second blind set's machinery (refuses what a tuned-on set asks, keeps templates and sub-series for
    the summary) with this set's own templates, and one rule of its own for renamed companies."""

    def template(self, shape: str, lang: str) -> str:
        """The shape's next template in that language (each is used before any is used twice)."""
        options = TEMPLATES[shape][lang]
        turn = self._turns.get((shape, lang), self.rng.randrange(len(options)))
        self._turns[(shape, lang)] = turn + 1
        return options[turn % len(options)]

    def tuned_on_asks(self, series: str, type_: str, gold: dict[str, Any], names: tuple[str, ...]) -> str | None:
        """As the second blind set, except for renamed companies: every one of the data's 53 renames is asked
        once by a tuned-on set, in one direction, so this set asks the other direction (the new name for the
        old, or the old for the new) and refuses only a gold company a tuned-on set already has."""
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
        """As the second blind set, but a question naming one of `NEAR_TEST_QUESTIONS` is left out."""
        text = " ".join([*slots.values(), *names]).lower()
        if any(near.lower() in text for near in NEAR_TEST_QUESTIONS):
            self.skipped[f"{type_}: too close to a test's or bench's question"] += 1
            return False
        return super().ask(shape, type_, gold, lang, slots, rows, series, subseries, variant, names)


def language(qs: Blind2Set, chinese_share: float = 0.5) -> tuple[str, str]:
    """(lang, variant): Chinese about `chinese_share` of the time, and one Chinese question in three
    Traditional."""
    if qs.rng.random() >= chinese_share:
        return "en", ""
    return "zh", "traditional" if qs.rng.random() < 0.36 else ""


@dataclass(frozen=True)
class Filter:
    """One condition of a question, in English (appended to the series noun), in Chinese (joined with 、
    before 的) and as a test on a row."""

    en: str
    zh: str
    test: Callable[[Row], bool]


def what(series: str, filters: list[Filter], noun_zh: str = "条目", prefix_en: str = "") -> tuple[str, str]:
    """What a count or list asks after, in English and Chinese: 'deep-synthesis algorithm filings from Hunan
    in the May 2025 list' and '深度合成服务算法备案中，属地为湖南、出自2025年5月那份清单的条目'; `prefix_en` goes
    before the English noun ('registered generative AI services')."""
    noun_en, series_zh = SERIES_WORDS[series]
    en = prefix_en + noun_en + "".join(f.en for f in filters)
    conditions = "、".join(f.zh for f in filters if f.zh)
    zh = f"{series_zh}中，{conditions}的{noun_zh}" if conditions else series_zh
    return en, zh


def interleaved(others: list[Any], known: list[Any]) -> list[Any]:
    """One name the alias table lacks, then two it has, in turn: about a third of the English-name questions
    use a name the answerer has never been given."""
    out = []
    for i in range(max(len(others), (len(known) + 1) // 2)):
        out += others[i : i + 1] + known[2 * i : 2 * i + 2]
    return out


def matching(rows: list[Row], filters: list[Filter]) -> list[Row]:
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
