"""What the held-out register questions share: the question set that refuses what the development set already
asks, the English-name entities that are safe to ask about, absent names, and the ways users write.

The held-out set (`register_heldout.jsonl`) is written with its own phrasing, made without looking at the bot's
question parser or at the development set's questions. This module reads no files itself (the rows, the alias
table and the development set come in) and writes nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from register_data import EnglishName, Row, plain
from register_dev_overlap import DevOverlap
from register_gold import QuestionSet

KIND_EN = {"filing": "filed", "registration": "registered"}
KIND_NOUN_EN = {"filing": "filing", "registration": "registration"}
KIND_ZH = {"filing": "备案", "registration": "登记"}
NUMBER_EN = {"filing": "filing number", "registration": "registration number"}
NUMBER_ZH = {"filing": "备案号", "registration": "登记编号"}
# The organisations and services the issues' own examples name (the README and the tests ask about them, and
# the parser was built on them): questions about them are left to the development set.
ISSUE_ENTITY_NAMES = (
    "Baidu", "百度", "ERNIE", "文心", "Xiaomi", "小米", "小爱", "XiaoAi", "Xiao Ai", "01.AI", "零一万物", "Moonshot",
    "月之暗面", "Kimi", "Apple", "苹果", "DeepSeek", "深度求索", "ChatGPT", "JD", "京东", "BOE", "Huawei", "华为",
    "Tencent", "腾讯", "Douyin", "抖音", "Kling", "可灵", "Kuaishou", "Kwai", "快手", "Kaola", "考拉", "优卖", "识装",
    "得物",
)  # fmt: skip
# English brand names that are also ordinary words: never written in lower case (a "spark" is not iFlytek's).
ORDINARY_WORDS = {"spark", "soul", "quark", "honor", "snowball", "moonshot", "poizon", "momo", "ernie"}


@dataclass
class HeldoutSet(QuestionSet):
    """The held-out questions: a `QuestionSet` (qids rh001 …) that takes a question only when the development
    set does not already ask the same entity/gold pair and the same text is not already taken."""

    dev: DevOverlap | None = None
    skipped: Counter = field(default_factory=Counter)
    looked_up: set[str] = field(default_factory=set)  # numbers this set's lookups already ask about
    listed: set[frozenset] = field(default_factory=set)  # the rows this set's lists and counts are about

    def offer(
        self,
        question: str,
        type_: str,
        gold: dict[str, Any],
        series: str,
        lang: str,
        variant: str = "",
        names: tuple[str, ...] = (),
        rows: list[Row] | None = None,
    ) -> bool:
        """Add the question unless the development set asks it already (by gold and the names it is about),
        or this set already asks about the same number (lookups) or the same rows (lists and counts)."""
        if any(x.lower() in n.lower() for n in names for x in ISSUE_ENTITY_NAMES):
            self.skipped[f"{series} {type_}: names an issue example's entity"] += 1
            return False
        if self.dev is not None and self.dev.asks(series, type_, gold, names):
            self.skipped[f"{series} {type_}: in the development set"] += 1
            return False
        numbers = set(gold.get("numbers") or [gold.get("number")]) if type_ == "lookup" else set()
        same = frozenset((r.series, r.period, r.number) for r in rows or ())
        if numbers & self.looked_up or (same and same in self.listed):
            self.skipped[f"{series} {type_}: asked here already"] += 1
            return False
        before = len(self.rows)
        self.add(question, type_, gold, series, lang, variant)
        text = self.rows[-1]["question"]
        if any(row["question"] == text for row in self.rows[:-1]):
            del self.rows[before:]
            self.skipped[f"{series} {type_}: same text twice"] += 1
            return False
        self.looked_up |= numbers
        if same:
            self.listed.add(same)
        return True

    def unasked_first(self, candidates: list[Any], names_of: Any) -> list[Any]:
        """The candidates shuffled, those the development set never names before those it does."""
        shuffled = self.pick(candidates, len(candidates))
        if self.dev is None:
            return shuffled
        return sorted(shuffled, key=lambda c: self.dev.mentions(names_of(c)))

    def round_robin(self, groups: dict[str, list[Any]], names_of: Any = None) -> list[Any]:
        """One from each group in turn (each group shuffled, or `unasked_first` when `names_of` is given), so
        every kind of question gets its share."""
        ordered = [
            self.unasked_first(groups[key], names_of) if names_of else self.pick(groups[key], len(groups[key]))
            for key in sorted(groups)
        ]
        return [group[i] for i in range(max(map(len, ordered), default=0)) for group in ordered if i < len(group)]

    def hurried(self, english_names: tuple[str, ...] = ()) -> bool:
        """Whether this question is typed in a hurry (about one in four): all lower case, no question mark.
        Never for a brand that is also an ordinary word."""
        return self.rng.random() < 0.25 and not any(n.lower() in ORDINARY_WORDS for n in english_names)

    def casual(self, question: str, english_names: tuple[str, ...] = ()) -> str:
        """The question as typed in a hurry, sometimes (for questions with no register spelling in them)."""
        return question.lower().rstrip("?.").rstrip() if self.hurried(english_names) else question


@dataclass(frozen=True)
class Entity:
    """One alias-table entry: its English spellings and the rows it stands for."""

    spellings: tuple[str, ...]
    chinese: tuple[str, ...]
    field: str  # "name" (a service) or "company"
    names: tuple[EnglishName, ...]

    def matches(self, row: Row) -> bool:
        return self.names[0].matches(row)

    @property
    def all_names(self) -> tuple[str, ...]:
        return self.spellings + self.chinese

    def writable(self) -> tuple[str, ...]:
        """The spellings a question may use: not an ordinary English word when there is another."""
        plainer = tuple(s for s in self.spellings if s.lower() not in ORDINARY_WORDS)
        return plainer or self.spellings

    def rows(self, rows: list[Row]) -> list[Row]:
        return [r for r in rows if self.matches(r)]


def entities(names: tuple[EnglishName, ...]) -> list[Entity]:
    """The English names grouped by alias-table entry (same Chinese names and register spellings)."""
    groups: dict[tuple, list[EnglishName]] = {}
    for name in names:
        groups.setdefault((name.chinese, name.field, name.companies, name.services), []).append(name)
    return [Entity(tuple(n.english for n in g), g[0].chinese, g[0].field, tuple(g)) for g in groups.values()]


def _contains_word(longer: str, shorter: str) -> bool:
    return longer.lower() != shorter.lower() and bool(
        re.search(rf"(?<![\w.]){re.escape(shorter.lower())}(?![\w.])", longer.lower())
    )


def clear_entities(all_entities: list[Entity], rows: list[Row], everything: list[Row]) -> list[Entity]:
    """Entities whose rows among `rows` are one right answer: no other entity written with this one's name
    inside its own (Tencent in Tencent Music, 腾讯 in 腾讯音乐) has rows outside this one's, and no service or
    company outside a company's entry carries its Chinese name."""
    rows_of = {e: {id(r) for r in e.rows(rows)} for e in all_entities}
    clear = []
    for entity in all_entities:
        if not all(n.is_clear_in(everything) for n in entity.names):
            continue
        if entity.field == "company" and any(
            c and c in r.company for r in rows if not entity.matches(r) for c in entity.chinese
        ):
            continue  # a company outside the entry carries its Chinese name
        inside = [
            other
            for other in all_entities
            if other is not entity
            and (
                any(_contains_word(o, s) for o in other.spellings for s in entity.spellings)
                or any(c and c != o and c in o for o in other.chinese for c in entity.chinese)
            )
        ]
        if all(rows_of[other] <= rows_of[entity] for other in inside):
            clear.append(entity)
    return clear


def _squashed(text: str) -> str:
    return re.sub(r"[\W_]+", "", plain(text).lower())


def absent_everywhere(name: str, rows: list[Row], names: tuple[EnglishName, ...]) -> bool:
    """A name in no row of any series (name, company, products, number, remarks) and no alias."""
    wanted = _squashed(name)
    for row in rows:
        fields = (row.name, row.company, row.number, row.remarks, *row.products)
        if any(wanted in _squashed(f) for f in fields):
            return False
    return not any(wanted in _squashed(n.english) or _squashed(n.english) in wanted for n in names)
