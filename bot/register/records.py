"""The register's one row model, shared by every series the CAC publishes: generative-AI filings and
registrations, internet-information-service algorithm filings and deep-synthesis algorithm filings.

A `RegisterRow` is one line of one published list, as read; `RegisterList` is the list it came from.
Readers (`bot.register.tables`, `bot.register.docx_lists`) make them; the store keeps them; the
question parser and the answers read them. Nothing here reads files or talks to Chroma.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Series = Literal["genai", "algorithm", "deep-synthesis"]
Kind = Literal["filing", "registration"]

SERIES_NAMES: dict[str, dict[str, str]] = {
    "genai": {"en": "generative AI services", "zh": "生成式人工智能服务"},
    "algorithm": {"en": "internet information service algorithms", "zh": "互联网信息服务算法"},
    "deep-synthesis": {"en": "deep-synthesis algorithms", "zh": "深度合成服务算法"},
}
KIND_NAMES: dict[str, dict[str, str]] = {
    "filing": {"en": "filing", "zh": "备案"},
    "registration": {"en": "registration", "zh": "登记"},
}


def normalize_number(number: str) -> str:
    """A filing number as compared across lists: NFKC, no spaces, no trailing 号 (some lists omit it)."""
    text = unicodedata.normalize("NFKC", number).strip()
    text = re.sub(r"\s+", "", text)
    return text[:-1] if text.endswith("号") else text


@dataclass(frozen=True)
class RegisterList:
    """One published list: where a row was published, for its citation."""

    series: Series
    period: str  # "YYYY-MM", the month in the list's title
    title: str
    url: str | None = None  # the attachment's (or notice page's) address
    source: str = ""  # the corpus file it was read from


@dataclass(frozen=True)
class Product:
    name: str
    kind: str = ""  # APP, 网站, 小程序, 公众号 … as the list gives it


@dataclass(frozen=True)
class RegisterRow:
    """One service or algorithm as one list gives it."""

    series: Series
    kind: Kind
    name: str
    company: str
    number: str
    province: str  # canonical short Chinese name (北京, 广东, 国资委 …); "" when unknown
    list: RegisterList
    date: int | None = None  # YYYYMMDD; None when the list gives no date (algorithm lists)
    late: bool = False  # "（补登）": registered late
    scene: str = ""  # 适用场景, where given
    category: str = ""  # 算法类别 (algorithm lists) or 角色 (deep-synthesis lists)
    products: tuple[Product, ...] = ()
    purpose: str = ""  # 主要用途
    remarks: str = ""  # 备注, as published
    cancelled: bool = False
    renamed_from: str = ""  # the company's earlier name, from a remark
    flags: tuple[str, ...] = ()  # what was odd about the row as read ("malformed number" …)
    row: int = 0  # position in its list, counted from 1 (序号 is often empty)

    @property
    def id(self) -> str:
        """Stable across re-ingests: the series, list and number (or the row's text where the number is odd)."""
        basis = f"{self.series}|{self.list.period}|{self.number}|{self.name}|{self.company}|{self.row}"
        return f"{self.series}:{self.list.period}:{hashlib.sha1(basis.encode()).hexdigest()[:16]}"

    @property
    def year(self) -> int | None:
        return self.date // 10000 if self.date else None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["list"] = asdict(self.list)
        data["products"] = [asdict(p) for p in self.products]
        data["flags"] = list(self.flags)
        return data


@dataclass
class ReadReport:
    """What a reader did with one file: rows read, rows flagged but kept, rows skipped and why."""

    source: str
    read: int = 0
    flagged: list[tuple[int, str]] = field(default_factory=list)  # (row, reason)
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (row, reason)

    def summary(self) -> str:
        text = f"{self.source}: {self.read} rows"
        if self.flagged:
            text += f", {len(self.flagged)} flagged"
        if self.skipped:
            reasons: dict[str, int] = {}
            for _, reason in self.skipped:
                reasons[reason] = reasons.get(reason, 0) + 1
            text += ", skipped " + ", ".join(f"{n} ({reason})" for reason, n in reasons.items())
        return text
