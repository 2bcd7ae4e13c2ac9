"""The filters of a register question, as its words give them: series, kind, province, category or role, dates
and ranges, one list's period ("the May 2026 list", "the latest list"), a year's lists ("the 2024 lists"), a
batch, cancelled. `read_filters`
runs on the question with its linked names blanked.

It does not find names or the intent (`bot.register.parse` does) and knows of the rows only what the catalog
says about the lists (their periods and dates).
"""

from __future__ import annotations

import re

from bot.register import cues as w
from bot.register.dates import DateMention, date_range, find_dates
from bot.register.names import NameCatalog
from bot.register.places import CITIES, PROVINCES, city_pattern

_PROVINCE_PATTERNS = [
    (
        p.short,
        re.compile(
            "|".join(
                [re.escape(p.full), re.escape(p.short)]
                + ([rf"\b{re.escape(p.english)}\b"] if p.code else [])
                + {"香港": [r"\bhong\s*kong\b"], "澳门": [r"\bmacau\b"], "西藏": [r"\bxizang\b"]}.get(p.short, [])
                + (
                    [r"\bsasac\b", r"central\s+(?:state[\s-]+owned\s+enterprises|soes?)", "央企", "中央企业"]
                    if p.short == "国资委"
                    else []
                )
            ),
            re.IGNORECASE,
        ),
    )
    for p in PROVINCES
]


# A city where the lists give only provinces: read as its province, and the answer says so.
_CITY_PATTERNS = [(c, re.compile(city_pattern(c), re.IGNORECASE)) for c in CITIES]


# "registered in the register" says where a row is, not that it is a registration (登记).
_ON_THE_REGISTER = re.compile(
    r"\bregistered\s+(?:in|on|with)\s+(?:the\s+|china's\s+)?(?:cac's\s+)?(?:\w+\s+){0,3}?(?:register|registry)\b"
)


def read_filters(masked: str, low: str, catalog: NameCatalog, named: bool, notes: list[str]) -> dict:
    """Series, category, kind, province, dates, period, batch and cancelled, as the words give them."""
    category = next((name for name, pattern in w.CATEGORIES if pattern.search(low)), "")
    both = w.SERIES_BOTH_ALGORITHMS.search(low)
    if category and both and any(name == category and p.search(both.group(0)) for name, p in w.CATEGORIES):
        category = ""  # "recommendation and deep synthesis alike" names the two series, not a class of algorithm
    series = _series(low, category, named, notes)
    series_in: tuple[str, ...] = ()
    if series == ALGORITHMS:
        series, series_in = None, ("algorithm", "deep-synthesis")

    kind = None
    low = w.FILER_REGISTERED_IN.sub(" ", low)
    if w.KIND_BOTH.search(low):
        notes.append("'approved' read as filed or registered")
    elif w.KIND_REGISTRATION.search(low) and w.KIND_FILING.search(low):
        pass
    elif w.KIND_REGISTRATION.search(_ON_THE_REGISTER.sub(" ", low)):
        kind = "registration"
    elif w.KIND_FILING.search(low):
        kind = "filing"

    province = None
    found = [(m.start(), short) for short, pattern in _PROVINCE_PATTERNS if (m := pattern.search(masked))]
    if found:
        province = min(found)[1]
        if len({short for _, short in found}) > 1:
            notes.append("more than one province named; the first is used")
    elif city := next((c for c, pattern in _CITY_PATTERNS if pattern.search(masked)), None):
        province = city.province
        notes.append(f"city {city.short} read as its province")

    mentions = find_dates(masked)
    period = None
    batch = bool(w.BATCH.search(low))
    dated = []
    up_to = None
    list_year = None
    for d in mentions:
        after, before = masked[d.end :], masked[: d.start]
        if _names_lists_of_a_year(d, before, after):
            list_year = d.date_from // 10000
            continue
        if _names_a_list(d, before, after):
            if w.AS_OF_BEFORE.search(before):
                up_to = d.date_to  # cumulative: everything up to that list
                notes.append("'up to a list' read as up to the end of its month")
            else:
                period = f"{d.date_from // 10000:04d}-{d.date_from // 100 % 100:02d}"
            continue
        if w.BATCH_AFTER_DATE.match(after):
            batch = True
        dated.append(d)
    latest = w.LATEST_LIST.search(low)
    if latest and w.AS_OF_BEFORE.search(low[: latest.start()]):
        notes.append("'up to the latest list' read as everything listed so far")
    elif latest:
        periods = catalog.periods(series)
        period = periods[-1] if periods else None
    first_date = None
    if w.FIRST_LIST.search(low):
        batch = True
        dates = catalog.dates(series or "genai")
        first_date = dates[0] if dates else None
    span = date_range(masked, dated)
    date_from, date_to = span.date_from, span.date_to
    if up_to:
        date_to = min(date_to or up_to, up_to)
    if first_date and date_from is None and date_to is None:
        date_from = date_to = first_date
    cancelled = True if w.CANCELLED.search(low) else None
    if kind == "registration" and series in ("algorithm", "deep-synthesis"):
        # The algorithm lists hold filings only: "registered" there says filed.
        kind = None
        notes.append("'registered' read as filed: the algorithm lists hold filings only")
    return {
        "series": series,
        "series_in": series_in,
        "category": category,
        "kind": kind,
        "province": province,
        "date_from": date_from,
        "date_to": date_to,
        "period": period,
        "list_year": list_year if period is None else None,
        "batch": batch and bool(date_from or date_to),
        "cancelled": cancelled,
    }


ALGORITHMS = "algorithms"  # both algorithm series, not the generative-AI register


def _series(low: str, category: str, named: bool, notes: list[str]) -> str | None:
    """The series the words name. "Algorithm filings" / 算法备案 alone means the internet information service
    algorithms; asked about a name, both algorithm series (`ALGORITHMS`: what the CAC files as algorithms,
    never the generative-AI services); named with the deep-synthesis series, both algorithm series too."""
    if w.SERIES_BOTH_ALGORITHMS.search(low):
        notes.append("'algorithm and deep-synthesis' read as both algorithm series")
        return ALGORITHMS
    if w.SERIES_DEEP.search(low):
        return "deep-synthesis"
    if w.SERIES_ALGORITHM.search(low):
        return "algorithm"
    if w.ALGORITHM_FILINGS.search(low) and not category:
        if named:
            notes.append("'algorithm filings' of a name read as its filings in both algorithm series")
            return ALGORITHMS
        notes.append("'algorithm filings' read as the internet information service algorithm filings")
        return "algorithm"
    if w.SERIES_GENAI.search(low):
        return "genai"
    if category:
        return "deep-synthesis" if category in w.ROLES else "algorithm"
    if w.ALGORITHM_BARE.search(low):
        if not named:
            notes.append("'algorithms' read as the internet information service algorithm filings")
            return "algorithm"
        notes.append("'algorithms' of a name read as its filings in both algorithm series")
        return ALGORITHMS
    if w.SERVICE_WEAK.search(low):
        notes.append("'services' read as generative-AI services")
        return "genai"
    if w.APPROVED.search(low) and not named:
        # Algorithms are filed, never "approved": approval is said of generative-AI services.
        notes.append("'approved' read as generative-AI services")
        return "genai"
    return None


_RANGED = re.compile(r"\b(?:before|prior\s+to|earlier\s+than|after|later\s+than|since)\s+(?:the\s+)?$", re.IGNORECASE)
_RANGED_ZH = re.compile(r"^\s*(?:之前|以前|之后|以后|以来)")


def _names_lists_of_a_year(d: DateMention, before: str, after: str) -> bool:
    """True when a year names the lists published in it ("the 2024 lists", "2025年公布的清单"), not the dates
    filed in it ("filed in 2024"), and no word makes it a range ("before the 2025 lists")."""
    if d.grain != "year" or re.search(r"底|末|end\s+of", d.text, re.IGNORECASE) or _RANGED.search(before):
        return False
    return bool(w.YEAR_LISTS_AFTER.match(after) or w.YEAR_LISTS_BEFORE.search(before))


def _names_a_list(d: DateMention, before: str, after: str) -> bool:
    """True when a month names one of the CAC's lists ("the June 2025 generative AI list", "2025年10月那份…清单",
    "the list published in May 2026"), not a span of dates ("before the June 2025 list" is a span)."""
    if d.grain != "month" or _RANGED.search(before) or _RANGED_ZH.match(after):
        return False
    return bool(w.LIST_AFTER_DATE.match(after) or w.LIST_BEFORE_DATE.search(before))
