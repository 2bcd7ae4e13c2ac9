"""What a register question asks, once parsed: `RegisterQuery`, the filters and the intent. The parser
(`bot.register.parse`) makes it from the words of a question; the store turns it into a Chroma `where`
filter; the answers (`bot.register.answer`) say it back in words. No parsing and no I/O here."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from bot.register.records import Kind, Series

Intent = Literal["lookup", "list", "count", "latest", "first", "chart"]
# What a lookup asks for: everything about the match, or one field of it.
Asks = Literal["any", "date", "number", "company", "province", "cancelled", "renamed"]


@dataclass(frozen=True)
class EntityMatch:
    """A name in the question linked to register rows: a service, algorithm, product or company."""

    text: str  # as written in the question ("Xiaomi", "小米", "XiaoAiTongXue")
    field: Literal["name", "company", "product", "number"]
    values: tuple[str, ...]  # the register's own spellings it stands for (company or service names)
    english: str = ""  # the English name, when the alias table gives one
    how: Literal["exact", "alias", "pinyin", "traditional", "partial"] = "exact"
    # Other spellings the same name stands for, in other fields: a row matching any of them matches the name.
    # An alias such as Xiaomi stands for its companies and also for services named for it that another
    # company filed; Qwen for its services and also for the company that runs them.
    also: tuple[EntityMatch, ...] = ()


@dataclass(frozen=True)
class RegisterQuery:
    intent: Intent
    asks: Asks = "any"
    # For asks="renamed": which name of a renamed company the question wants, the one it took ("new": "What
    # was X renamed to?", "X现在叫什么？") or the one it had ("old": "What was X called before?", "X原名是什么？").
    renamed_wants: Literal["", "new", "old"] = ""
    entities: tuple[EntityMatch, ...] = ()
    # A name the question asks about that matches nothing in the register ("ChatGPT"): answered as
    # "not in the lists", never with a number.
    unknown_name: str = ""
    # Known names the unknown one starts with ("松果" in "松果创作助手"): offered first as near misses.
    near_names: tuple[str, ...] = ()
    series: Series | None = None
    # When no one series is named but not every series is meant: "X's algorithms" are its filings in both
    # algorithm series, never its generative-AI services. Empty: `series` alone decides.
    series_in: tuple[Series, ...] = ()
    kind: Kind | None = None
    province: str | None = None  # canonical short Chinese name, see `bot.register.places`
    date_from: int | None = None  # YYYYMMDD, inclusive
    date_to: int | None = None  # YYYYMMDD, inclusive
    period: str | None = None  # one list, "YYYY-MM" ("the May 2026 list", "the latest list")
    list_year: int | None = None  # every list published that year ("the 2024 lists", "2025年公布的清单")
    batch: bool = False  # "the January 2024 batch": services approved together on one date
    cancelled: bool | None = None
    category: str = ""  # 算法类别 or 角色
    group_by: Literal["", "series", "province", "period"] = ""
    language: Literal["en", "zh"] = "en"
    notes: tuple[str, ...] = field(default=())  # how a word was read, for the answer to say

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["entities"] = [asdict(e) for e in self.entities]
        return {k: v for k, v in data.items() if v not in (None, "", (), [], False) or k == "intent"}
