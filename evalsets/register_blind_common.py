"""What the blind register questions share: the question set that stays apart from the sets the register
answerer was tuned on, the time filters in words, and English names that are not in the alias table.

The blind set (`register_blind.jsonl`) is the third register set: `register.jsonl` and `register_heldout.jsonl`
were both used to tune the register answerer, so this one refuses what either already asks (through
`register_dev_overlap.DevOverlap`, which answers yes/no questions and never shows a question). This module
reads no files itself and writes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from register_blind_phrases import KIND_PHRASES, SERIES_PHRASES, TEMPLATES
from register_data import Row, plain
from register_dev_overlap import DevOverlap
from register_gold import MONTHS, month_en, month_zh, traditional
from register_heldout_common import HeldoutSet
from register_heldout_common import _squashed as squashed


@dataclass
class BlindSet(HeldoutSet):
    """The blind questions (qids rb001 …): a `HeldoutSet` that refuses what any of the tuned-on sets asks,
    hands out each shape's templates in turn, and remembers the sub-series of each question for the summary."""

    tuned_on: list[DevOverlap] = field(default_factory=list)
    subseries: dict[str, str] = field(default_factory=dict)  # qid -> genai-filing, genai-registration, …
    _turns: dict[tuple[str, str], int] = field(default_factory=dict)
    templates_used: set[tuple[str, str, str]] = field(default_factory=set)  # (type, lang, template)
    # Whether a question is an issue example or asked in a test (then another subject is drawn).
    already_asked: Callable[[str], bool] = lambda question: False

    def template(self, shape: str, lang: str) -> str:
        """The shape's next template in that language (each is used before any is used twice)."""
        options = TEMPLATES[shape][lang]
        turn = self._turns.get((shape, lang), self.rng.randrange(len(options)))
        self._turns[(shape, lang)] = turn + 1
        return options[turn % len(options)]

    @staticmethod
    def _tuned_on_asks(
        other: DevOverlap, series: str, type_: str, gold: dict[str, Any], names: tuple[str, ...]
    ) -> bool:
        """The held-out set's test (`DevOverlap.asks`), plus: the same rows in any series, or the same count of
        20 or more in the same series (a figure that specific is the same fact, whatever the words)."""
        if other.asks(series, type_, gold, names) or other.has_rows(gold.get("numbers") or []):
            return True
        return gold.get("count", 0) >= 20 and other.has_gold(series, type_, gold)

    @staticmethod
    def traditional_or_same(question: str, variant: str) -> str:
        return (traditional(question) or question) if variant == "traditional" else question

    def phrase(self, table: dict[str, dict[str, tuple[str, ...]]], lang: str, key: str) -> str:
        return self.choice(table[lang][key])

    def kind(self, lang: str, key: str) -> str:
        return self.phrase(KIND_PHRASES, lang, key)

    def series(self, lang: str, key: str) -> str:
        return self.phrase(SERIES_PHRASES, lang, key)

    def ask(
        self,
        shape: str,
        type_: str,
        gold: dict[str, Any],
        series: str,
        lang: str,
        slots: dict[str, str],
        subseries: str = "",
        variant: str = "",
        names: tuple[str, ...] = (),
        rows: list[Row] | None = None,
        hurried: bool = False,
    ) -> bool:
        """Fill the shape's next template and offer it; False when a tuned-on set already asks it."""
        template = self.template(shape, lang)
        question = template.format(**slots)
        if hurried and lang == "en" and not any(re.search("[A-Za-z]", n) for n in names):
            # lower case only where no name in the register's own spelling would change
            question = self.casual(question, names)
        refused = next((o.path.name for o in self.tuned_on if self._tuned_on_asks(o, series, type_, gold, names)), None)
        if refused:
            self.skipped[f"{series} {type_}: asked in {refused}"] += 1
        elif self.already_asked(question) or self.already_asked(self.traditional_or_same(question, variant)):
            refused = "a test"
            self.skipped[f"{series} {type_}: an issue example or asked in a test"] += 1
        if refused or not self.offer(question, type_, gold, series, lang, variant, names, rows):
            self._turns[(shape, lang)] -= 1  # the template's turn is not used up by a refused question
            return False
        self.templates_used.add((type_, lang, template))
        self.subseries[self.rows[-1]["qid"]] = subseries or series
        return True


def language(qs: BlindSet, i: int) -> tuple[str, str]:
    """(lang, variant) alternating by `i`; about one Chinese question in three is in Traditional characters."""
    if i % 2 == 0:
        return "en", ""
    return "zh", "traditional" if qs.rng.random() < 0.33 else ""


@dataclass(frozen=True)
class When:
    """A time filter in words and as a test on a row of the generative-AI lists."""

    en: str
    zh: str
    test: Callable[[Row], bool]


def genai_whens(rows: list[Row]) -> list[When]:
    """Every time filter the generative-AI questions use, each with one reading: a date filter names the date
    (日期), a list filter names the list's publication."""
    periods = sorted({r.period for r in rows})
    months = sorted({r.date[:7] for r in rows if r.date})
    whens = [When("", "", lambda r: True)]
    for year in ("2024", "2025", "2026"):
        whens.append(
            When(f" with a date in {year}", f"{year}年（以日期为准）", lambda r, y=year: (r.date or "")[:4] == y)
        )
    for month in months[6:]:
        whens.append(
            When(
                f" with a date in {month_en(month)}",
                f"{month_zh(month)}（以日期为准）",
                lambda r, m=month: (r.date or "")[:7] == m,
            )
        )
        whens.append(
            When(
                f" with a date before {month_en(month)}",
                f"{month_zh(month)}之前（以日期为准，不含当月）",
                lambda r, m=month: (r.date or "9999")[:7] < m,
            )
        )
        whens.append(
            When(
                f" with a date from {month_en(month)} on",
                f"{month_zh(month)}以来（以日期为准，含当月）",
                lambda r, m=month: (r.date or "")[:7] >= m,
            )
        )
    for period in periods:
        whens.append(
            When(
                f" in the list published in {month_en(period)}",
                f"在{month_zh(period)}公布的名单中",
                lambda r, p=period: r.period == p,
            )
        )
    return whens


def day_words(date: str) -> tuple[str, str]:
    """ "2025-03-07" → ("7 March 2025", "2025年3月7日")."""
    year, month, day = date.split("-")
    return f"{int(day)} {MONTHS[int(month) - 1]} {year}", f"{year}年{int(month)}月{int(day)}日"


@dataclass(frozen=True)
class OtherName:
    """An English name that is not in the alias table, and the register's companies it stands for (exact
    spellings; none when the organisation is in no list). Its gold is whatever the rows say."""

    english: str
    chinese: tuple[str, ...]  # how the organisation writes itself, to check that the data lacks it
    companies: tuple[str, ...]
    source: str

    def rows(self, rows: list[Row]) -> list[Row]:
        wanted = {plain(c) for c in self.companies}
        return [r for r in rows if plain(r.company) in wanted]


_W = "English Wikipedia article"
OTHER_ENGLISH_NAMES = (
    OtherName("Hikvision", ("海康威视",), ("杭州海康威视数字技术股份有限公司",), f"{_W} 'Hikvision'"),
    OtherName("Midea Group", ("美的集团",), ("美的集团股份有限公司",), f"{_W} 'Midea Group'"),
    OtherName("ZTE", ("中兴通讯",), ("中兴通讯股份有限公司",), f"{_W} 'ZTE'"),
    OtherName("iReader Technology", ("掌阅",), ("掌阅科技股份有限公司",), f"{_W} 'iReader Technology'"),
    OtherName("Zhaopin", ("智联招聘", "北京网聘"), ("北京网聘信息技术有限公司",), f"{_W} 'Zhaopin'"),
    OtherName("Gree Electric", ("格力",), ("珠海格力电器股份有限公司",), f"{_W} 'Gree Electric'"),
    OtherName("Kugou", ("酷狗",), ("广州酷狗计算机科技有限公司",), f"{_W} 'Kugou'"),
    OtherName("Kuwo", ("酷我",), ("北京酷我科技有限公司",), f"{_W} 'Kuwo'"),
    OtherName("XPeng", ("小鹏",), (), f"{_W} 'XPeng'"),
    OtherName("Changan Automobile", ("长安汽车",), (), f"{_W} 'Changan Automobile'"),
)

# Services and brands that are in no list (checked against every row and alias by `absent`).
ABSENT_EN = (
    "Claude", "Google Gemini", "Midjourney", "Perplexity", "Grok", "Mistral Le Chat", "Character.AI",
    "Runway Gen-3", "Suno", "Meta Llama", "Jasper AI", "Notion AI", "Pi by Inflection", "Udio", "Pika Labs",
    "ElevenLabs", "DALL-E", "Leonardo.Ai",
)  # fmt: skip
ABSENT_ZH = (
    "谷歌Gemini", "Claude智能助手", "Midjourney绘图", "青鸟智答", "墨言大模型", "北辰对话助手", "云帆写作精灵",
    "知更鸟AI", "星槎问答", "听澜语音大模型", "松果创作助手",
)  # fmt: skip
ABSENT_ALGORITHM_EN = ("Netflix", "YouTube", "Spotify", "Instagram", "Pinterest")
ABSENT_ALGORITHM_ZH = ("奈飞", "油管YouTube", "领英", "Spotify音乐")


def absent(name: str, rows: list[Row], aliases: tuple[str, ...], chinese: tuple[str, ...] = ()) -> bool:
    """A name (and its Chinese spellings) in no row of any series (name, company, products, number, remarks)
    and no alias-table spelling."""
    wanted = [squashed(n) for n in (name, *chinese) if squashed(n)]
    for row in rows:
        fields = [squashed(f) for f in (row.name, row.company, row.number, row.remarks, *row.products)]
        if any(w in f for w in wanted for f in fields):
            return False
    return not any(squashed(name) in squashed(a) or squashed(a) in squashed(name) for a in aliases if squashed(a))
