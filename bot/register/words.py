"""How the register's values and a query's filters are said, in English and Chinese: dates, list months,
series and kinds, and the one-line description of what a query selects ("filings from Shanghai, up to
the August 2026 list"). Wording only; no data access."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot.register.places import english_province
from bot.register.query import RegisterQuery
from bot.register.records import RegisterRow
from bot.text import Language

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def say_date(date: int, language: Language) -> str:
    year, month, day = date // 10000, date // 100 % 100, date % 100
    if language == "zh":
        return f"{year}年{month}月{day}日" if day else f"{year}年{month}月"
    return f"{day} {MONTHS[month - 1]} {year}" if day else f"{MONTHS[month - 1]} {year}"


def say_period(period: str, language: Language) -> str:
    """ "2026-08" → "the August 2026 list" / "2026年8月清单"."""
    year, month = (int(part) for part in period.split("-"))
    return f"{year}年{month}月清单" if language == "zh" else f"the {MONTHS[month - 1]} {year} list"


def iso_date(date: int | None) -> str | None:
    return f"{date // 10000:04d}-{date // 100 % 100:02d}-{date % 100:02d}" if date else None


SERIES_ZH = {"genai": "生成式人工智能服务", "algorithm": "互联网信息服务算法", "deep-synthesis": "深度合成服务算法"}


def say_kind(row: RegisterRow, language: Language) -> str:
    if language == "zh":
        return SERIES_ZH[row.series] + ("登记" if row.kind == "registration" else "备案")
    if row.series == "algorithm":
        return "algorithm filing"
    if row.series == "deep-synthesis":
        return "deep-synthesis filing"
    return "registration" if row.kind == "registration" else "filing"


def _noun(query: RegisterQuery, language: Language) -> str:
    if language == "zh":
        series = {
            "genai": "生成式人工智能服务",
            "algorithm": "互联网信息服务算法",
            "deep-synthesis": "深度合成服务算法",
        }
        what = series.get(query.series or "", "")
        kind = {"filing": "备案", "registration": "登记"}.get(
            query.kind or "", "备案和登记" if query.series in (None, "genai") else "备案"
        )
        if query.series in ("algorithm", "deep-synthesis"):
            kind = "备案"
        if query.series_in:
            return "算法备案（互联网信息服务算法和深度合成服务算法）"
        return f"{what}{kind}"
    if query.series_in:
        return "algorithm filings (internet information service and deep-synthesis)"
    if query.series == "algorithm":
        return "algorithm filings"
    if query.series == "deep-synthesis":
        return "deep-synthesis algorithm filings"
    if query.kind == "filing":
        return "filings"
    if query.kind == "registration":
        return "registrations"
    if query.series == "genai":
        return "generative AI services filed or registered"
    return "filings and registrations"


def describe(query: RegisterQuery, as_of: str | None, language: Language) -> str:
    """What the query selects, in words, ending with how current the lists are."""
    noun = _noun(query, language)
    names = "、".join(e.values[0] if len(e.values) == 1 else e.text for e in query.entities)
    if language == "zh":
        parts = []
        if query.province:
            parts.append(query.province)
        if names:
            parts.append(names)
        if query.category:
            parts.append(query.category)
        when = _when_zh(query)
        text = "".join(parts) + ("的" if parts else "") + ("已注销的" if query.cancelled else "") + noun
        if when:
            text = f"{when}{text}"
        if as_of and not (query.period or query.list_year):
            text = f"截至{say_period(as_of, 'zh')}，{text}"
        return text
    text = ("cancelled " if query.cancelled else "") + noun
    if query.category:
        text += f" of the class {query.category}"
    if names:
        text += f" of {', '.join(_english_names(query))}"
    if query.province:
        text += f" from {english_province(query.province)}"
    when = _when_en(query)
    if when:
        text += f" {when}"
    if as_of and not (query.period or query.list_year):
        text += f", up to {say_period(as_of, 'en')}"
    return text[0].upper() + text[1:]


def question_of(query: RegisterQuery, as_of: str | None, language: Language) -> str:
    """A register query as a question that stands alone (a follow-up made explicit)."""
    description = describe(query, None, language)
    if query.batch and query.date_from:
        month = say_date(query.date_from // 100 * 100, language)
        if language == "zh":
            return f"{month}那一批获批的有哪些？" if query.intent != "count" else f"{month}那一批获批了多少项？"
        which = "How many services were" if query.intent == "count" else "Which services were"
        return f"{which} approved in the {month} batch?"
    if language == "zh":
        return {
            "count": f"{description}有多少项？",
            "chart": f"{description}的数量变化如何？",
            "lookup": f"{description}的信息是什么？",
        }.get(query.intent, f"{description}有哪些？")
    lowered = description[0].lower() + description[1:]
    return {
        "count": f"How many {lowered} are there?",
        "chart": f"How have {lowered} grown?",
        "lookup": f"What are the {lowered}?",
    }.get(query.intent, f"Which are the {lowered}?")


def _english_names(query: RegisterQuery) -> list[str]:
    names = []
    for entity in query.entities:
        chinese = entity.values[0] if len(entity.values) == 1 else entity.text
        names.append(f"{chinese} ({entity.english})" if entity.english and entity.english != chinese else chinese)
    return names


def _when_en(query: RegisterQuery) -> str:
    if query.period:
        return f"in {say_period(query.period, 'en')}"
    if query.list_year:
        return f"in the lists published in {query.list_year}"
    low, high = query.date_from, query.date_to
    if low and high:
        if low // 100 == high // 100 and low % 100 == 1 and high % 100 >= 28:
            return f"dated {say_date(low // 100 * 100, 'en')}"
        if low % 10000 == 101 and high % 10000 == 1231:
            return f"dated {low // 10000}" if low // 10000 == high // 10000 else f"dated {low // 10000}–{high // 10000}"
        if low == high:
            return f"dated {say_date(low, 'en')}"
        return f"dated {say_date(low, 'en')} to {say_date(high, 'en')}"
    if low:
        return f"dated from {say_date(low, 'en')}"
    if high:
        return f"dated up to {say_date(high, 'en')}"
    return ""


def _when_zh(query: RegisterQuery) -> str:
    if query.period:
        return f"{say_period(query.period, 'zh')}中"
    if query.list_year:
        return f"{query.list_year}年公布的清单中"
    low, high = query.date_from, query.date_to
    if low and high:
        if low // 100 == high // 100 and low % 100 == 1 and high % 100 >= 28:
            return f"{low // 10000}年{low // 100 % 100}月"
        if low % 10000 == 101 and high % 10000 == 1231 and low // 10000 == high // 10000:
            return f"{low // 10000}年"
        if low == high:
            return say_date(low, "zh")
        return f"{say_date(low, 'zh')}至{say_date(high, 'zh')}"
    if low:
        return f"{say_date(low, 'zh')}起"
    if high:
        return f"{say_date(high, 'zh')}前"
    return ""


def row_quote(row: RegisterRow) -> str:
    """The row as text, for its citation: the fields in the list's own order and spelling."""
    parts = [row.province, row.name, row.category, row.company, row.number]
    if row.date:
        parts.append(iso_date(row.date) + ("（补登）" if row.late else ""))  # type: ignore[operator]
    if row.remarks:
        parts.append(row.remarks)
    return " | ".join(part for part in parts if part)


def thousands(n: int, language: Language) -> str:
    return str(n) if language == "zh" else f"{n:,}"


def table_markdown(rows: Sequence[Mapping[str, Any]], language: Language) -> str:
    """A register answer's rows as a Markdown table (for clients that show only text, such as OpenAI's)."""
    if not rows:
        return ""
    headers = (
        ["#", "名称", "单位", "属地", "编号", "日期", "类型"]
        if language == "zh"
        else ["#", "Name", "Company", "Province", "Number", "Date", "Kind"]
    )

    def cell(value: Any) -> str:
        return str(value or "–").replace("|", "/").replace("\n", " ")

    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    for row in rows:
        kind = KIND_WORDS[language].get(f"{row['series']}:{row['kind']}", row["kind"])
        province = row["province"] if language == "zh" else row.get("province_en") or row["province"]
        values = [f"[{row['citation']}]", row["name"], row["company"], province, row["number"], row["date"], kind]
        lines.append("| " + " | ".join(cell(v) for v in values) + " |")
    return "\n".join(lines)


KIND_WORDS = {
    "en": {
        "genai:filing": "filing",
        "genai:registration": "registration",
        "algorithm:filing": "algorithm",
        "deep-synthesis:filing": "deep synthesis",
    },
    "zh": {
        "genai:filing": "备案",
        "genai:registration": "登记",
        "algorithm:filing": "算法备案",
        "deep-synthesis:filing": "深度合成备案",
    },
}
