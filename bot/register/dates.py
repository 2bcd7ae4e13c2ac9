"""Dates and date ranges in a register question, in English and Chinese: "in January 2024", "2024年1月",
"before April 2024", "in 2025", "since June 2025", "on 17 January 2024", "2024年1月17日", "between March and
May 2025", "截至2025年底", quarters and halves ("Q1 2025", "2025年上半年"), and "this year" / "去年" / "last
month" / "上个月" counted from today. Each becomes an inclusive YYYYMMDD range with the span it was read from.
A bracket after a range that says whether its end is counted ("2025年11月以前（不含2025年11月）", "2024年7月起（含）",
"before May 2025 (May excluded)") sets that end and is not a date of its own. Open ranges are read from words on
either side: "from X on", "X onwards", "X and later", "X or earlier", "X及以后", "X及之前" count X itself; "after X",
"X以后" start after it; "before X", "X以前" end before it.

It does not decide what a date means for a question (a batch, a list's period): `bot.register.parse` does,
from the words around the span this module reports.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

Grain = Literal["day", "month", "span", "year"]  # a span: several months (a quarter, a half-year)

MONTHS = {
    name: n
    for n, names in enumerate(
        [
            "january jan",
            "february feb",
            "march mar",
            "april apr",
            "may",
            "june jun",
            "july jul",
            "august aug",
            "september sep sept",
            "october oct",
            "november nov",
            "december dec",
        ],
        1,
    )
    for name in names.split()
}
_MONTH = r"(?P<mname>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>20\d\d)"
_MONTH2 = _MONTH.replace("mname", "mname2")
_FORMS: tuple[tuple[Grain, str], ...] = (
    # Two months of one year: "between March and May 2025", "from March to May 2025", "2025年3月至5月".
    ("span", rf"\b{_MONTH}\s*(?:and|to|through|until|till|-|–)\s*{_MONTH2},?\s+(?:of\s+)?{_YEAR}\b"),
    (
        "span",
        r"(?P<year>20\d\d)\s*年\s*(?P<month>1[0-2]|0?[1-9])\s*月?\s*(?:到|至|-|–|~|～)\s*(?P<month2>1[0-2]|0?[1-9])\s*月",
    ),
    ("day", r"(?P<year>20\d\d)\s*年\s*(?P<month>1[0-2]|0?[1-9])\s*月\s*(?P<day>[0-3]?\d)\s*[日号]"),
    ("day", r"\b(?P<year>20\d\d)[-/.](?P<month>1[0-2]|0?[1-9])[-/.](?P<day>[0-3]?\d)\b"),
    ("day", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b"),
    ("day", rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
    ("month", r"(?P<year>20\d\d)\s*年\s*(?P<month>1[0-2]|0?[1-9])\s*月(?:份)?"),
    ("month", rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b"),
    ("month", r"\b(?P<year>20\d\d)-(?P<month>1[0-2]|0[1-9])\b"),
    ("span", r"(?P<year>20\d\d)\s*年?\s*(?:第\s*)?(?P<quarter>[一二三四1-4])\s*季度"),
    ("span", r"(?P<year>20\d\d)\s*年?\s*(?P<half>上|下)半年"),
    ("span", r"\b(?:(?P<year>20\d\d)\s*)?[Qq](?P<quarter>[1-4])\b(?(year)|,?\s*(?P<year2>20\d\d)\b)"),
    ("span", r"\b(?:(?P<year>20\d\d)\s*)?H(?P<half>[12])\b(?(year)|,?\s*(?P<year2>20\d\d)\b)"),
    ("span", rf"\b(?:the\s+)?(?P<quarter>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+(?:of\s+)?{_YEAR}\b"),
    ("span", rf"\b(?:the\s+)?(?P<half>first|second|1st|2nd)\s+half\s+(?:of\s+)?{_YEAR}\b"),
    ("year", r"(?P<year>20\d\d)\s*年(?:度)?(?P<yearend>底|末|年底|年末)?"),
    ("year", rf"\b(?:the\s+end\s+of\s+)?{_YEAR}\b"),
)
_PATTERNS = [(grain, re.compile(form, re.IGNORECASE)) for grain, form in _FORMS]
_ORDINALS = {"一": 1, "二": 2, "三": 3, "四": 4, "first": 1, "second": 2, "third": 3, "fourth": 4, "上": 1, "下": 2}
# A year or month named from today, and how many back: "this year", "去年" (last year), "前年" (the year
# before), "this month", "上个月" (last month).
_RELATIVE: tuple[tuple[Grain, int, re.Pattern[str]], ...] = (
    ("year", 0, re.compile(r"\bthis\s+year\b|今年|本年度?", re.IGNORECASE)),
    ("year", 1, re.compile(r"\blast\s+year\b|\bthe\s+previous\s+year\b|去年|上一年", re.IGNORECASE)),
    ("year", 2, re.compile(r"\bthe\s+year\s+before\s+last\b|前年", re.IGNORECASE)),
    ("month", 0, re.compile(r"\bthis\s+month\b|本月|这个月|这月", re.IGNORECASE)),
    (
        "month",
        1,
        re.compile(r"\b(?:last|previous)\s+month\b(?!\s+of\b)|\bthe\s+month\s+before\b|上个月|上月", re.IGNORECASE),
    ),
)

# Words before (English) or after (Chinese) a date that turn it into an open range.
# ("before the June 2025 list": the words may stand before "the" and the list's owner.)
_THE = r"\s*(?:the\s+)?(?:cac(?:'s)?\s+)?$"
_BEFORE_EN = re.compile(r"\b(?:before|prior\s+to|earlier\s+than)" + _THE, re.IGNORECASE)
_UNTIL_EN = re.compile(
    r"\b(?:until|till|by|up\s+to|through|as\s+of|no\s+later\s+than|by\s+the\s+end\s+of)" + _THE, re.IGNORECASE
)
_AFTER_EN = re.compile(r"\b(?:after|later\s+than)" + _THE, re.IGNORECASE)
_SINCE_EN = re.compile(r"\b(?:since|from|starting(?:\s+in)?|beginning(?:\s+in)?|as\s+from)" + _THE, re.IGNORECASE)
# Words after an English date that open a range counting the date itself: "July 2025 onwards", "from May
# 2025 on (…)", "2024 and later"; "or earlier" / "and before" close one the same way.
_SINCE_EN_AFTER = re.compile(
    r"^\s*(?:onwards?\b|on\s*(?=$|[,.;:?!()（）])|(?:and|or)\s+(?:later|after|beyond|since)\b"
    r"|(?:and|or)\s+(?:any\s*time\s+)?after\b|forward\b)",
    re.IGNORECASE,
)
_UNTIL_EN_AFTER = re.compile(r"^\s*(?:and|or)\s+(?:earlier|before)\b", re.IGNORECASE)
_BEFORE_ZH = re.compile(r"^\s*(?:之前|以前|前)")
# "及以前", "含之前", "或之前": the date itself counts.
_UNTIL_ZH_AFTER = re.compile(r"^\s*(?:为止|止|(?:及|或|和|含|以及)\s*(?:之前|以前|前))")
_UNTIL_ZH = re.compile(r"(?:截至|截止|截止到|到|至)\s*$")
_AFTER_ZH = re.compile(r"^\s*(?:之后|以后|后)")
_SINCE_ZH_AFTER = re.compile(r"^\s*(?:以来|起|开始|(?:及|或|和|含|以及)\s*(?:之后|以后|后|以来))")
_BOTH_ENDS = re.compile(r"\s(?:and|to|through|until|till)\s|[-–到至~～]", re.IGNORECASE)
_YEAR_END = re.compile(r"^\s*(?:底|末|年底|年末)")
_SINCE_ZH = re.compile(r"(?:自|从|自从)\s*$")
# A bracket after a range that says whether its end counts: "（不含2025年11月）", "（含）", "(inclusive)",
# "(May 2025 excluded)". `_OPEN_BRACKET` ends the text before a date inside one, `_CLOSE_BRACKET` starts the text after.
_EXCLUDED = re.compile(
    r"不含|不包含|不包括|不算|除外|\bexcluded\b|\bexcluding\b|\bexclusive\b|\bnot\s+(?:including|included|counted)\b",
    re.IGNORECASE,
)
_INCLUDED = re.compile(r"含|包含|包括|算在内|\bincluded\b|\bincluding\b|\binclusive\b|\bcounted\b", re.IGNORECASE)
# ("(by the date in the list, July 2025 included)": the words before the date may be a short clause.)
_OPEN_BRACKET = re.compile(r"[（(]([^（()）]{0,40})$")
_CLOSE_BRACKET = re.compile(r"^([^（()）]{0,24})[)）]")
_AFTER_RANGE = (
    r"(?:(?:及|或|和|含|以及)?\s*(?:之前|以前|前|之后|以后|后|以来)|起|开始|为止|止"
    r"|onwards?|on|(?:and|or)\s+(?:later|after|beyond|since|earlier|before)|forward)?"
)
_RANGE_WORDS = re.compile(r"^\s*" + _AFTER_RANGE + r"\s*[,，]?\s*$", re.IGNORECASE)
# A bracket with no date in it right after a range: "起（含）", "before June 2025 (exclusive)".
_BARE_BRACKET = re.compile(r"^\s*" + _AFTER_RANGE + r"\s*[（(]([^（()）]{1,24})[)）]", re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    """One date expression: its inclusive range, its grain, and where it was in the text."""

    start: int
    end: int
    date_from: int
    date_to: int
    grain: Grain
    text: str


@dataclass(frozen=True)
class DateRange:
    """What the question's dates say together: an inclusive range (either end may be open)."""

    date_from: int | None
    date_to: int | None
    mentions: tuple[DateMention, ...]


def find_dates(text: str, today: dt.date | None = None) -> list[DateMention]:
    """Every date expression in `text`, longest first where they overlap, in reading order; "this year" and
    the like count from `today` (the clock's date by default)."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for grain, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            mention = _mention(grain, m)
            if mention:
                found.append(mention)
                taken.append((m.start(), m.end()))
    for grain, back, pattern in _RELATIVE:
        for m in pattern.finditer(text):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                lo, hi = _counted_back(today or dt.date.today(), grain, back)
                found.append(DateMention(m.start(), m.end(), lo, hi, grain, m.group(0)))
    return sorted(found, key=lambda d: d.start)


def _counted_back(today: dt.date, grain: Grain, back: int) -> tuple[int, int]:
    """The inclusive range of the year or month `back` years or months before today's."""
    if grain == "year":
        year = today.year - back
        return year * 10000 + 101, year * 10000 + 1231
    year, month0 = divmod(today.year * 12 + today.month - 1 - back, 12)
    first = year * 10000 + (month0 + 1) * 100
    return first + 1, first + calendar.monthrange(year, month0 + 1)[1]


def _mention(grain: Grain, m: re.Match[str]) -> DateMention | None:
    groups = m.groupdict()
    year = int(groups.get("year") or groups.get("year2") or 0)
    month = MONTHS[groups["mname"].lower()] if groups.get("mname") else int(groups.get("month") or 0)
    if grain == "span" and (groups.get("mname2") or groups.get("month2")):
        last = MONTHS[groups["mname2"].lower()] if groups.get("mname2") else int(groups["month2"])
        if last < month:
            return None
        lo = year * 10000 + month * 100 + 1
        hi = year * 10000 + last * 100 + calendar.monthrange(year, last)[1]
    elif grain == "span":
        part = str(groups.get("quarter") or groups.get("half")).lower()
        n = _ORDINALS.get(part) or _ORDINALS.get(part[:-2]) or int(part[0])  # "一", "first", "1st", "1"
        first, months = ((n - 1) * 3 + 1, 3) if groups.get("quarter") else ((n - 1) * 6 + 1, 6)
        last = first + months - 1
        lo = year * 10000 + first * 100 + 1
        hi = year * 10000 + last * 100 + calendar.monthrange(year, last)[1]
    elif grain == "year":
        lo, hi = year * 10000 + 101, year * 10000 + 1231
    elif grain == "month":
        last = calendar.monthrange(year, month)[1]
        lo, hi = year * 10000 + month * 100 + 1, year * 10000 + month * 100 + last
    else:
        day = int(groups["day"])
        if not 1 <= day <= calendar.monthrange(year, month)[1]:
            return None
        lo = hi = year * 10000 + month * 100 + day
    return DateMention(m.start(), m.end(), lo, hi, grain, m.group(0))


def date_range(text: str, mentions: list[DateMention] | None = None) -> DateRange:
    """The range the question's dates describe: one date is its own range, "before X" ends the day before X,
    "since X" starts at X, "between X and Y" / "从X到Y" spans both, "截至X" ends at X's end."""
    mentions = find_dates(text) if mentions is None else mentions
    counted, restated = _end_brackets(text, mentions)
    lo: int | None = None
    hi: int | None = None
    for n, d in enumerate(mentions):
        if n in restated:
            continue
        before, after = text[: d.start], text[d.end :]
        counts = counted.get(n)  # None: the range word's own reading
        if d.grain == "span" and _BOTH_ENDS.search(d.text):  # "from March to May 2025": closed at both ends
            lo = d.date_from if lo is None else min(lo, d.date_from)
            hi = d.date_to if hi is None else max(hi, d.date_to)
        elif "end of" in d.text.lower() or _YEAR_END.match(after) or "底" in d.text or "末" in d.text:
            hi = d.date_to
        elif _BEFORE_EN.search(before) or _BEFORE_ZH.match(after):
            hi = d.date_to if counts else _day_before(d.date_from)
        elif (
            _UNTIL_EN.search(before)
            or _UNTIL_ZH.search(before)
            or _UNTIL_ZH_AFTER.match(after)
            or _UNTIL_EN_AFTER.match(after)
        ):
            hi = _day_before(d.date_from) if counts is False else d.date_to
        elif _AFTER_EN.search(before) or _AFTER_ZH.match(after):
            lo = d.date_from if counts else _day_after(d.date_to)
        elif (
            _SINCE_EN.search(before)
            or _SINCE_ZH.search(before)
            or _SINCE_ZH_AFTER.match(after)
            or _SINCE_EN_AFTER.match(after)
        ):
            lo = _day_after(d.date_to) if counts is False else d.date_from
        elif n > 0 and re.search(r"(?:\band\b|\bto\b|-|–|到|至)\s*$", before[mentions[n - 1].end :]):
            hi = d.date_to
        else:
            lo = d.date_from if lo is None else min(lo, d.date_from)
            hi = d.date_to if hi is None else max(hi, d.date_to)
    return DateRange(lo, hi, tuple(mentions))


def _end_brackets(text: str, mentions: list[DateMention]) -> tuple[dict[int, bool], set[int]]:
    """Brackets that say whether a range's end counts: for each date so qualified, whether its own period is
    counted ("以前（含）": yes; "起（不含2024年7月）": no); and the dates inside such brackets, which restate the
    end and are no range of their own."""
    counted: dict[int, bool] = {}
    restated: set[int] = set()
    for n, d in enumerate(mentions):
        rest = text[d.end : mentions[n + 1].start] if n + 1 < len(mentions) else text[d.end :]
        bare = _BARE_BRACKET.match(rest)
        if bare and (_EXCLUDED.search(bare.group(1)) or _INCLUDED.search(bare.group(1))):
            counted[n] = not _EXCLUDED.search(bare.group(1))
            continue
        if n == 0:
            continue
        prev = mentions[n - 1]
        opened = _OPEN_BRACKET.search(text[prev.end : d.start])
        closed = _CLOSE_BRACKET.match(text[d.end :])
        if not (opened and closed and _RANGE_WORDS.match(text[prev.end : prev.end + opened.start()])):
            continue
        words = opened.group(1) + " " + closed.group(1)
        if (d.date_from, d.date_to) == (prev.date_from, prev.date_to) and (
            _EXCLUDED.search(words) or _INCLUDED.search(words)
        ):
            counted[n - 1] = not _EXCLUDED.search(words)
            restated.add(n)
    return counted, restated


def _day_before(day: int) -> int:
    year, month, dd = day // 10000, day // 100 % 100, day % 100
    if dd > 1:
        return day - 1
    if month > 1:
        return year * 10000 + (month - 1) * 100 + calendar.monthrange(year, month - 1)[1]
    return (year - 1) * 10000 + 1231


def _day_after(day: int) -> int:
    year, month, dd = day // 10000, day // 100 % 100, day % 100
    if dd < calendar.monthrange(year, month)[1]:
        return day + 1
    if month < 12:
        return year * 10000 + (month + 1) * 100 + 1
    return (year + 1) * 10000 + 101
