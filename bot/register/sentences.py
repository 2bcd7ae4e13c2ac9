"""The sentences of register answers, in English and Chinese: rows named in the text, one row as a sentence,
counts split by kind or series, filings listed in two series, a verdict on "is X cancelled?", the note when a
name was found only in another series, the batch approved on one day, and what a chart shows.

Wording only: the rows come in already chosen (`bot.register.answer` chooses them) and nothing here reads the
store or builds the answer's data (`bot.register.answer_data`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from bot.register.places import city_named, english_province
from bot.register.query import RegisterQuery
from bot.register.records import RegisterRow, normalize_number
from bot.register.words import describe, say_date, say_kind, say_period, thousands
from bot.text import Language

SAY_NAMES_UP_TO = 8


def names_of(rows: list[RegisterRow], language: Language, english: Callable[[str], str]) -> str:
    """A few rows named in the text itself (chat readers and OpenAI clients read the text first)."""
    named = []
    for n, row in enumerate(rows, 1):
        company_en = english(row.company)
        if language == "zh":
            named.append(f"{row.name}（{row.company}）[{n}]")
        else:
            named.append(f"{row.name} by {row.company}{f' ({company_en})' if company_en else ''} [{n}]")
    return "、".join(named) + "。" if language == "zh" else " " + "; ".join(named) + "."


def cancelled_verdict(query: RegisterQuery, rows: list[RegisterRow], language: Language) -> list[str]:
    """For "is X cancelled?": yes or no first, then the rows."""
    if query.asks != "cancelled":
        return []
    cancelled = sum(row.cancelled for row in rows)
    if language == "zh":
        return [
            "是的，已注销。"
            if cancelled == len(rows)
            else ("部分已注销。" if cancelled else "没有，清单未标注已注销。")
        ]
    return [
        "Yes, it is marked cancelled (已注销)."
        if cancelled == len(rows)
        else ("Some of its filings are marked cancelled." if cancelled else "No: the lists do not mark it cancelled.")
    ]


def widened_note(query: RegisterQuery, rows: list[RegisterRow], language: Language) -> str:
    """When a name was found only outside the series asked about, say so first."""
    asked = next((note.rsplit(" ", 1)[1] for note in query.notes if note.startswith("series widened from ")), None)
    if not asked or not rows:
        return ""
    found = sorted({row.series for row in rows})
    names = {
        "en": {"genai": "generative AI", "algorithm": "algorithm", "deep-synthesis": "deep-synthesis"},
        "zh": {"genai": "生成式人工智能", "algorithm": "互联网信息服务算法", "deep-synthesis": "深度合成"},
    }[language]
    asked_in = asked.split("+")  # "algorithm+deep-synthesis": both algorithm series were asked about
    if language == "zh":
        listed = "、".join(names[s] for s in found)
        return f"{'、'.join(names[a] for a in asked_in)}清单中没有这一项；它列在{listed}清单中。"
    return (
        f"Not in the {' or '.join(names[a] for a in asked_in)} lists; "
        f"it is in the {' and '.join(names[s] for s in found)} lists. "
    )


def city_note(query: RegisterQuery, language: Language) -> str:
    """Before an answer about a city: the lists give provinces, so the rows are its province's."""
    note = next((note for note in query.notes if note.startswith("city ")), None)
    if note is None or query.province is None:
        return ""
    short = note.removeprefix("city ").removesuffix(" read as its province")
    city = city_named(short)
    english = city.english if city else short
    if language == "zh":
        return f"清单只记省份，不记城市：{short}属{query.province}，以下是{query.province}的全部记录。"
    return (
        f"The lists give the province, not the city: {english} is in {english_province(query.province)}, "
        f"so these are all of {english_province(query.province)}'s. "
    )


def elsewhere_note(query: RegisterQuery, rows: list[RegisterRow], language: Language) -> str:
    """After "none" for the series asked about: which other series hold the name's rows, and how many."""
    if not rows:
        return ""
    names = _SERIES_NAMES[language]
    found = sorted({row.series for row in rows}, key=_SERIES_ORDER.index)
    count = thousands(len(rows), language)
    if language == "zh":
        return f"它列在{'、'.join(names[s] for s in found)}清单中（{count}项）。"
    who = (query.entities[0].english or query.entities[0].text) if query.entities else "It"
    filings = "filing" if len(rows) == 1 else "filings"
    return f" {who} has {count} {filings} in the {' and '.join(names[s] for s in found)} lists instead."


def moved_note(moved: list[RegisterRow], language: Language) -> str:
    """The filings that moved from the company asked about to another (a remark on the row), not counted."""
    if not moved:
        return ""
    if language == "zh":
        items = "、".join(f"{row.name}（{row.number}，现主体{row.company}）" for row in moved[:5])
        return f"另有{len(moved)}项备案的主体已由{moved[0].renamed_from}变更为其他公司，未计入：{items}。"
    items = "; ".join(f"{row.name} ({row.number}, now {row.company})" for row in moved[:5])
    filings = "filing lists" if len(moved) == 1 else "filings list"
    return f" Not counted: {len(moved)} {filings} {moved[0].renamed_from} as its former subject: {items}."


_SERIES_ORDER = ("genai", "algorithm", "deep-synthesis")
_SERIES_NAMES = {
    "en": {"genai": "generative AI", "algorithm": "algorithm", "deep-synthesis": "deep-synthesis"},
    "zh": {"genai": "生成式人工智能", "algorithm": "互联网信息服务算法", "deep-synthesis": "深度合成"},
}


def shared_filings(rows: list[RegisterRow], language: Language) -> str:
    """Say which filings are listed in more than one series (one number, one filing)."""
    series_of: dict[str, dict[str, RegisterRow]] = {}
    for row in rows:
        series_of.setdefault(normalize_number(row.number), {}).setdefault(row.series, row)
    shared = [found for found in series_of.values() if len(found) > 1]
    if not shared:
        return ""
    names = {
        "en": {"genai": "generative AI", "algorithm": "algorithm", "deep-synthesis": "deep synthesis"},
        "zh": {"genai": "生成式人工智能", "algorithm": "算法", "deep-synthesis": "深度合成"},
    }[language]
    parts = []
    for found in shared[:5]:
        first = next(iter(found.values()))
        where = [f"{names[series]} ({say_period(row.list.period, language)})" for series, row in found.items()]
        if language == "zh":
            parts.append(f"{first.name}（{first.number}）是同一项备案，同时列入{'和'.join(where)}。")
        else:
            parts.append(f"{first.name} ({first.number}) is one filing listed in two series: {' and '.join(where)}.")
    return ("" if language == "zh" else " ").join(parts)


def places_on(rows: list[RegisterRow], date: int, language: Language) -> str:
    provinces = dict.fromkeys(row.province for row in rows if row.date == date)
    if language == "zh":
        return "、".join(provinces)
    return ", ".join(english_province(p) for p in provinces)


def count_text(rows: list[RegisterRow], query: RegisterQuery, language: Language) -> str:
    total = thousands(len(rows), language)
    kinds = Counter(row.kind for row in rows)
    if query.kind or query.series in ("algorithm", "deep-synthesis") or len(kinds) < 2:
        return f"{total}项" if language == "zh" else total
    if language == "zh":
        return f"{total}项（备案{kinds['filing']}项，登记{kinds['registration']}项）"
    return (
        f"{total} ({thousands(kinds['filing'], 'en')} filings, {thousands(kinds['registration'], 'en')} registrations)"
    )


def by_series(rows: list[RegisterRow], language: Language) -> str:
    counts = Counter(row.series for row in rows)
    names = {
        "en": {"genai": "generative AI", "algorithm": "algorithm", "deep-synthesis": "deep synthesis"},
        "zh": {"genai": "生成式人工智能", "algorithm": "算法", "deep-synthesis": "深度合成"},
    }[language]
    if language == "zh":
        return "其中" + "，".join(f"{names[s]}{n}项" for s, n in counts.items()) + "。"
    return "By series: " + ", ".join(f"{names[s]} {n}" for s, n in counts.items()) + "."


def row_sentence(
    row: RegisterRow, n: int, query: RegisterQuery, language: Language, english: Callable[[str], str]
) -> str:
    name_en, company_en = english(row.name), english(row.company)
    if language == "zh":
        name = f"{row.name}（{name_en}）" if name_en else row.name
        when = f"，日期{say_date(row.date, 'zh')}" if row.date else f"，列入{say_period(row.list.period, 'zh')}"
        text = f"{name}由{row.company}{say_kind(row, 'zh')}，属地{row.province}，编号{row.number}{when}"
        if row.cancelled:
            text += "，已注销"
        if row.renamed_from:
            text += f"（原主体名称{row.renamed_from}）"
        return f"{text} [{n}]。"
    name = f"{row.name} ({name_en})" if name_en else row.name
    company = f"{row.company} ({company_en})" if company_en else row.company
    when = f", dated {say_date(row.date, 'en')}" if row.date else f", listed in {say_period(row.list.period, 'en')}"
    place = f" in {english_province(row.province)}" if row.province else ""
    text = f"{name}: {say_kind(row, 'en')} by {company}{place}, number {row.number}{when}"
    if row.late:
        text += " (registered late)"
    if row.cancelled:
        text += "; cancelled (已注销)"
    if row.renamed_from:
        text += f"; the company was formerly {row.renamed_from}"
    return f"{text} [{n}]."


def batch_text(
    rows: list[RegisterRow], date: int, by_date: Counter[int], period: str, listed: bool, language: Language
) -> str:
    """The batch approved together on `date` (the period's busiest day), and the period's other dates, so the
    reader sees both readings of "the batch"; `listed` when the question asks for the batch's rows."""
    size = by_date[date]
    batch = [row for row in rows if row.date == date]
    others = sorted(d for d in by_date if d != date)
    provinces = Counter(row.province for row in batch)
    if listed:
        # "Which were they?": the batch itself, named; the month's other dates are said once already.
        if language == "zh":
            text = f"{say_date(date, 'zh')}同一天获批的这一批共{size}项，见下表。"
        else:
            text = f"The {size} services approved together on {say_date(date, 'en')}, the batch, are in the table."
    elif language == "zh":
        where = "、".join(provinces)
        text = f"{say_date(date, 'zh')}同一天获批的一批共{size}项（{where}）。"
        if others:
            rest = "、".join(f"{say_date(d, 'zh')}{by_date[d]}项（{places_on(rows, d, 'zh')}）" for d in others)
            text += f"按日期算，{period}共有{len(rows)}项：另有{rest}。"
    else:
        where = ", ".join(english_province(p) for p in provinces)
        services = "service was" if size == 1 else "services were"
        text = f"{size} {services} approved together on {say_date(date, 'en')} ({where}): that is the batch."
        if others:
            rest = ", ".join(f"{by_date[d]} on {say_date(d, 'en')} ({places_on(rows, d, 'en')})" for d in others)
            text += f" Counting by date, {period[0].lower()}{period[1:]} come to {len(rows)} in all: also {rest}."
    return text


def chart_text(
    description: str, rows: list[RegisterRow], groups: tuple[dict[str, Any], ...], group_by: str, language: Language
) -> str:
    """What a chart shows, in words: the provinces with the most rows, or growth from the first list to the last."""
    if group_by == "province":
        top = groups[:5]
        if language == "zh":
            lead = "，".join(f"{g['key']}{g['total']}项" for g in top)
            text = f"{description}：共{len(rows)}项，分布在{len(groups)}个省级地区；最多的是{lead}。见下图。"
        else:
            lead = ", ".join(f"{english_province(g['key'])} {g['total']:,}" for g in top)
            text = (
                f"{description}: {len(rows):,} in all, from {len(groups)} provinces; the most: {lead}. See the chart."
            )
    elif groups:
        first, last = groups[0], groups[-1]
        if language == "zh":
            text = (
                f"{description}：共{len(rows)}项，分{len(groups)}期公布，从{say_period(first['key'], 'zh')}的"
                f"{first['total']}项增至{say_period(last['key'], 'zh')}累计{last['cumulative']}项。见下图。"
            )
        else:
            text = (
                f"{description}: {len(rows):,} in all, over {len(groups)} lists, from {first['total']:,} in "
                f"{say_period(first['key'], 'en')} to {last['cumulative']:,} in all by "
                f"{say_period(last['key'], 'en')}. The chart shows each list and the running total."
            )
    else:
        text = f"{description}：0项。" if language == "zh" else f"{description}: none."
    return text


def rows_text(
    query: RegisterQuery,
    rows: list[RegisterRow],
    as_of: str | None,
    language: Language,
    english: Callable[[str], str],
    max_rows: int,
) -> str:
    """The answer to a lookup, list or count in words: the rows as sentences for a short lookup, otherwise the
    count with the filters said back, a few names, the series split and how to see the rest."""
    description = describe(query, as_of, language)
    if not rows:
        if language == "zh":
            return f"{description}：0项。CAC清单中没有符合这些条件的记录。"
        return f"{description}: none. No row in the CAC's lists matches all of this."
    count = count_text(rows, query, language)
    shared = shared_filings(rows, language)
    if query.intent == "lookup" and len(rows) <= 3:
        sentences = [row_sentence(row, n, query, language, english) for n, row in enumerate(rows, 1)]
        return " ".join([*cancelled_verdict(query, rows, language), *sentences, shared]).strip()
    if query.intent in ("latest", "first"):
        # Undated rows (the algorithm lists) are the first or latest by the list they were published in.
        when = say_date(rows[0].date, language) if rows[0].date else say_period(rows[0].list.period, language)
        if language == "zh":
            description = f"{'最新' if query.intent == 'latest' else '最早'}的一批（{when}），{description}"
        else:
            which = "The latest" if query.intent == "latest" else "The first"
            dated = "dated" if rows[0].date else "in"
            description = f"{which}, {dated} {when}: {description[0].lower()}{description[1:]}"
    head = f"{description}：{count}。" if language == "zh" else f"{description}: {count}."
    if len(rows) <= SAY_NAMES_UP_TO:
        head += names_of(rows, language, english)
    if query.group_by == "series" and len({row.series for row in rows}) > 1:
        head += " " + by_series(rows, language)
    if shared:
        head += shared if language == "zh" else f" {shared}"
    if len(rows) > max_rows:
        tail = (
            f"下表列出按日期排列的前{max_rows}项；可按省份、月份或类型缩小范围。"
            if language == "zh"
            else f"The first {max_rows} by date are below; narrow the question by province, month or kind "
            "to see the rest, or download them all."
        )
    else:
        tail = "见下表，按日期排列。" if language == "zh" else "They are in the table below, by date."
    return f"{head}{tail}" if language == "zh" else f"{head} {tail}"


def outside_lists_text(
    query: RegisterQuery, as_of: str | None, first: str, latest: str, earliest: int, last: int, language: Language
) -> str:
    """Why the lists cannot answer for dates before their first list or after their latest one, with the range
    they do cover."""
    description = describe(query, as_of, language)
    if language == "zh":
        return (
            f"{description}：清单无法回答。这里的清单从{say_period(first, 'zh')}到{say_period(latest, 'zh')}，"
            f"所载日期从{say_date(earliest, 'zh')}到{say_date(last, 'zh')}；此范围以外的情况，清单中没有记录。"
        )
    return (
        f"{description}: the lists cannot say. The lists here run from {say_period(first, 'en')} to "
        f"{say_period(latest, 'en')}, with dates from {say_date(earliest, 'en')} to {say_date(last, 'en')}; "
        "they record nothing outside that range."
    )


def renamed_text(shown: list[RegisterRow], language: Language) -> str:
    """Each rename, old name and new, citing the row whose remark records it."""
    sentences = []
    for n, row in enumerate(shown, 1):
        if language == "zh":
            sentences.append(f"{row.renamed_from}已更名为{row.company}（见{row.name}的备案备注）[{n}]。")
        else:
            sentences.append(
                f"{row.renamed_from} was renamed {row.company} (a remark on the filing of {row.name}) [{n}]."
            )
    return "".join(sentences) if language == "zh" else " ".join(sentences)
