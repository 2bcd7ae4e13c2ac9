"""The algorithm and deep-synthesis questions of the second blind register set: lookups by algorithm name,
counts and lists by province, list, class or role, by company (Chinese or English name) and by product,
cancelled filings, and renamed companies.

Counts are asked only where rows and filings agree (no number listed twice among them); a list's total is its
distinct filings. Subjects are drawn with the set's seeded generator. Writes nothing.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from register_blind2_common import Blind2Set, OtherName, count_is_clear, distinct, language, series_of
from register_blind2_common import list_gold as distinct_list_gold
from register_blind2_phrases import SERIES, what_words
from register_data import PROVINCES, Row, plain, renames
from register_gold import count_gold, lookup_gold, month_en, month_zh
from register_heldout_common import Entity

SERIES_NAMES = ("algorithm", "deep-synthesis")


def _words(lang: str, en: str, zh: str) -> str:
    return en if lang == "en" else zh


def lookups(qs: Blind2Set, lists: list[Row], everything: list[Row], n: int) -> None:
    """Algorithms whose name is one filing and inside no other name."""
    numbers_of: dict[str, set[str]] = defaultdict(set)
    for row in everything:
        numbers_of[plain(row.name)].add(row.number)
    all_names = "\n".join(sorted(numbers_of))
    by_series: dict[str, list[Row]] = defaultdict(list)
    for row in distinct(lists):
        name = plain(row.name)
        if len(name) >= 5 and len(numbers_of[name]) == 1 and all_names.count(name) == 1:
            by_series[row.series].append(row)
    made = 0
    for row in qs.round_robin(by_series, names_of=lambda r: (r.name,)):
        if made >= n:
            return
        rows = [r for r in lists if r.number == row.number]
        lang, variant = language(qs)
        slots = {"name": row.name, "company": row.company, "series": SERIES[lang][row.series]}
        made += qs.ask(
            "a_lookup", "lookup", lookup_gold(distinct(rows), row), lang, slots, rows, variant=variant,
            names=(row.name, row.company),
        )  # fmt: skip


def _category(qs: Blind2Set, series: str, lists: list[Row]) -> str:
    """No class or role (most often), or one drawn from the series' own rows."""
    if qs.rng.random() < 0.55:
        return ""
    return qs.choice(sorted({r.category for r in lists if r.series == series and r.category}))


def place_questions(qs: Blind2Set, lists: list[Row], type_: str, n: int) -> None:
    """Counts (in all lists or one) or lists (of one list) by series, province and, sometimes, class or role."""
    provinces = [p for p in PROVINCES if any(r.province == p.short for r in lists)]
    made = 0
    for _ in range(60 * n):
        if made >= n:
            return
        series, place = qs.choice(SERIES_NAMES), qs.choice(provinces)
        category = _category(qs, series, lists)
        periods = sorted({r.period for r in lists if r.series == series})
        period = qs.choice(periods) if type_ == "list" or qs.rng.random() < 0.6 else ""
        rows = [
            r
            for r in lists
            if r.series == series
            and r.province == place.short
            and (not category or r.category == category)
            and (not period or r.period == period)
        ]
        if not count_is_clear(rows) or (type_ == "list" and len(rows) > 20) or len(rows) < 2:
            continue
        lang, variant = language(qs)
        en, zh = what_words(series, category)
        slots = {"what": _words(lang, en, zh), "place": _words(lang, place.english, place.short)}
        if type_ == "count":
            slots["when"] = (
                _words(lang, f" in the {month_en(period)} list", f"在{month_zh(period)}的那期清单中，")
                if period
                else ""
            )
        else:
            slots["month"] = _words(lang, month_en(period), month_zh(period))
        gold = count_gold(rows) if type_ == "count" else distinct_list_gold(rows)
        shape = "a_count_place" if type_ == "count" else "a_list_place"
        made += qs.ask(shape, type_, gold, lang, slots, rows, variant=variant, names=(place.short, place.english))


def company_questions(
    qs: Blind2Set, lists: list[Row], clear: list[Entity], others: list[OtherName], type_: str, n: int, english: int
) -> None:
    """Counts or lists of one company's filings in one series: `english` of them by an English name (the
    alias table's or one it lacks), the rest by the company's full Chinese name."""
    subjects = [(e.writable()[0], e.all_names, e.rows(lists)) for e in clear if e.field == "company"]
    subjects += [(o.english, (o.english, *o.companies), o.rows(lists)) for o in others]
    named = [
        (name, names, series_rows, series)
        for name, names, rows in subjects
        for series in SERIES_NAMES
        if (series_rows := [r for r in rows if r.series == series])
        and count_is_clear(series_rows)
        and (type_ == "count" or len(series_rows) <= 20)
    ]
    made = 0
    for name, names, rows, series in qs.unasked_first(named, lambda c: c[1]):
        if made >= english:
            break
        en, _ = what_words(series)
        shape = f"a_{type_}_company"
        gold = count_gold(rows) if type_ == "count" else distinct_list_gold(rows)
        made += qs.ask(
            shape, type_, gold, "en", {"company": name, "what": en}, rows, variant="english-name", names=names
        )
    by_company: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in lists:
        by_company[(row.company, row.series)].append(row)
    chinese = [
        (c, s, rows) for (c, s), rows in sorted(by_company.items()) if 2 <= len(rows) <= 20 and count_is_clear(rows)
    ]
    made = 0
    for company, series, rows in qs.unasked_first(chinese, lambda c: (c[0],)):
        if made >= n - english:
            return
        lang, variant = language(qs)
        slots = {"company": company, "what": _words(lang, *what_words(series))}
        gold = count_gold(rows) if type_ == "count" else distinct_list_gold(rows)
        made += qs.ask(f"a_{type_}_company", type_, gold, lang, slots, rows, variant=variant, names=(company,))


def product_lists(qs: Blind2Set, lists: list[Row], n: int) -> None:
    """Algorithms whose products include one product, for products inside no other product's name."""
    rows_of: dict[str, list[Row]] = defaultdict(list)
    for row in lists:
        for product in set(row.products):
            rows_of[product].append(row)
    all_products = "\n".join(sorted(rows_of))
    candidates = [
        (p, rows)
        for p, rows in sorted(rows_of.items())
        if len(p) >= 3 and all_products.count(p) == 1 and 2 <= len({r.number for r in rows}) <= 20
    ]
    made = 0
    for product, rows in qs.unasked_first(candidates, lambda c: (c[0],)):
        if made >= n:
            return
        lang, variant = language(qs)
        made += qs.ask(
            "a_list_product", "list", distinct_list_gold(rows), lang, {"product": product}, rows, variant=variant,
            names=(product,),
        )  # fmt: skip


def cancelled_questions(qs: Blind2Set, lists: list[Row], lists_n: int, counts_n: int) -> None:
    """A company's cancelled filings (a list), and the cancelled filings of a series from a province (a count)."""
    cancelled = [r for r in lists if r.cancelled]
    by_company: dict[str, list[Row]] = defaultdict(list)
    for row in cancelled:
        by_company[row.company].append(row)
    made = 0
    for company, rows in qs.unasked_first(sorted(by_company.items()), lambda c: (c[0],)):
        if made >= lists_n:
            break
        lang, variant = language(qs)
        made += qs.ask(
            "cancel_list", "cancelled", distinct_list_gold(rows), lang, {"company": company}, rows, variant=variant,
            names=(company,),
        )  # fmt: skip
    places = Counter((r.series, r.province) for r in cancelled if r.province)
    made = 0
    for series, short in qs.pick(sorted(places), len(places)):
        if made >= counts_n:
            return
        rows = [r for r in cancelled if r.series == series and r.province == short]
        place = next(p for p in PROVINCES if p.short == short)
        if not count_is_clear(rows):
            continue
        lang, variant = language(qs)
        slots = {"what": _words(lang, *what_words(series)), "place": _words(lang, place.english, place.short)}
        made += qs.ask(
            "cancel_count", "cancelled", count_gold(rows), lang, slots, rows, variant=variant,
            names=(place.short, place.english),
        )  # fmt: skip


def renamed_questions(qs: Blind2Set, lists: list[Row], n: int) -> None:
    pairs = renames(lists)
    made = 0
    for old, new in qs.unasked_first(sorted(pairs.items()), lambda c: c):
        if made >= n:
            return
        rows = [r for r in lists if old in r.remarks]
        lang, variant = language(qs)
        made += qs.ask(
            "renamed", "renamed", {"company": new}, lang, {"old": old}, series=series_of(rows), variant=variant,
            names=(old, new),
        )  # fmt: skip


def algorithm_questions(
    qs: Blind2Set, lists: list[Row], everything: list[Row], clear: list[Entity], others: list[OtherName]
) -> None:
    lookups(qs, lists, everything, 26)
    place_questions(qs, lists, "count", 13)
    company_questions(qs, lists, clear, others, "count", 8, english=5)
    place_questions(qs, lists, "list", 9)
    company_questions(qs, lists, clear, others, "list", 10, english=4)
    product_lists(qs, lists, 7)
    cancelled_questions(qs, lists, 7, 6)
    renamed_questions(qs, lists, 13)
