"""The fifth blind set's questions on the algorithm and deep-synthesis lists: counts by province, list, class
and role; lists by company and by product; lookups by an algorithm's name and by English company names;
cancelled filings; renamed companies; and names in no list.

Every gold is computed from `register_data.Row`s (lists and counts by distinct filings). This module reads no
files and writes nothing; `build_register_blind5.py` runs it.
"""

from __future__ import annotations

from typing import Any

from register_blind2_common import OtherName, absent, count_is_clear, list_gold, series_of
from register_blind5_common import Blind5Set, Filter, language, matching, scope
from register_blind5_genai import take
from register_blind5_phrases import ABSENT_EN, ABSENT_ZH, CATEGORY_EN, ROLE_EN, SERIES_WORDS
from register_data import PROVINCES, Row, plain, renames
from register_gold import LIST_LIMIT, lookup_gold, month_en, month_zh
from register_heldout_common import Entity

SERIES = ("algorithm", "deep-synthesis")
QUOTAS = {"count": 22, "list_company": 10, "list_product": 8, "lookup_name": 16, "english": 14}
QUOTAS |= {"cancelled": 15, "renamed": 15, "absent_en": 7, "absent_zh": 5}
GENERIC_PRODUCTS = {"官网", "网站", "官方网站", "APP", "小程序", "公众号", "平台", "系统", "客户端"}


def province_filter(short: str, english: str) -> Filter:
    return Filter(f" from {english}", f"属地为{short}", lambda r, p=short: r.province == p)


def list_filter(period: str) -> Filter:
    return Filter(f" in the {month_en(period)} list", f"出自{month_zh(period)}清单", lambda r, p=period: r.period == p)


def category_filter(category: str) -> Filter:
    return Filter(f" in the {CATEGORY_EN[category]} class", f"类别为{category}", lambda r, c=category: r.category == c)


def role_filter(role: str) -> Filter:
    return Filter(f" by {ROLE_EN[role]}", f"角色为{role}", lambda r, c=role: r.category == c)


def company_filter(company: str) -> Filter:
    wanted = plain(company)
    return Filter(f" by {company}", f"主体为{company}", lambda r: plain(r.company) == wanted)


def algorithm_questions(
    qs: Blind5Set,
    rows: list[Row],
    everything: list[Row],
    known: list[Entity],
    others: list[OtherName],
    spellings: tuple[str, ...],
) -> None:
    """The algorithm and deep-synthesis questions, appended to `qs`."""
    of = {s: [r for r in rows if r.series == s] for s in SERIES}
    provinces = [p for p in PROVINCES if any(r.province == p.short for r in rows)]
    periods = {s: sorted({r.period for r in of[s]}) for s in SERIES}

    def ask_rows(shape: str, type_: str, series: str, filters: list[Filter], lang: str, variant: str,
                 names: tuple[str, ...], found: list[Row], gold: dict[str, Any]) -> bool:  # fmt: skip
        en, zh = scope(series, filters)
        return qs.ask(shape, type_, gold, lang, {"scope": en if lang == "en" else zh}, found, series, series,
                      variant, names)  # fmt: skip

    # counts
    specs: list[tuple[str, list[Filter], tuple[str, ...]]] = []
    for series in SERIES:
        for p in provinces:
            place = province_filter(p.short, p.english)
            specs += [(series, [place, list_filter(period)], (p.short, p.english)) for period in periods[series]]
    for category in CATEGORY_EN:
        words = (category, CATEGORY_EN[category])
        specs += [("algorithm", [category_filter(category), list_filter(x)], words) for x in periods["algorithm"]]
        specs += [("algorithm", [category_filter(category), province_filter(p.short, p.english)], (p.short, *words))
                  for p in provinces]  # fmt: skip
    for role in ROLE_EN:
        words = (role, ROLE_EN[role])
        specs += [("deep-synthesis", [role_filter(role), province_filter(p.short, p.english)], (p.short, *words))
                  for p in provinces]  # fmt: skip
        specs += [("deep-synthesis", [role_filter(role), list_filter(x)], words) for x in periods["deep-synthesis"]]

    def count(spec: tuple) -> bool:
        series, filters, names = spec
        found = matching(of[series], filters)
        if not count_is_clear(found) or len(found) < 2:
            return False
        lang, variant = language(qs)
        return ask_rows("count", "count", series, filters, lang, variant, names, found, {"count": len(found)})

    take(qs.pick(specs, len(specs)), QUOTAS["count"], count)

    # lists by a company's register name (2 to 20 filings in one series)
    companies = sorted({(r.series, r.company) for r in rows})

    def list_company(item: tuple[str, str]) -> bool:
        series, company = item
        found = [r for r in of[series] if r.company == company]
        if not 2 <= len({r.number for r in found}) <= LIST_LIMIT:
            return False
        lang, variant = language(qs)
        things = SERIES_WORDS[series][2 if lang == "en" else 3]
        return qs.ask("company_list", "list", list_gold(found), lang, {"company": company, "things": things},
                      found, series, series, variant, (company,))  # fmt: skip

    take(qs.pick(companies, len(companies)), QUOTAS["list_company"], list_company)

    # lists by product: a product one company's filings name, 2 to 20 filings in one series
    products: dict[tuple[str, str], list[Row]] = {}
    for row in rows:
        for product in row.products:
            products.setdefault((row.series, product), []).append(row)
    company_names = {plain(r.company) for r in everything}

    def list_product(item: tuple[tuple[str, str], list[Row]]) -> bool:
        (series, product), found = item
        if product in GENERIC_PRODUCTS or len(product) < 3 or plain(product) in company_names:
            return False
        if len({r.company for r in found}) != 1 or not 2 <= len({r.number for r in found}) <= LIST_LIMIT:
            return False
        lang, variant = language(qs)
        things = SERIES_WORDS[series][2 if lang == "en" else 3]
        return qs.ask("product_list", "list", list_gold(found), lang, {"product": product, "things": things},
                      found, series, series, variant, (product,))  # fmt: skip

    product_items = sorted(products.items())
    take(qs.pick(product_items, len(product_items)), QUOTAS["list_product"], list_product)

    # lookups by an algorithm's name: one number, a name inside no other row's name
    by_name: dict[str, list[Row]] = {}
    for row in rows:
        by_name.setdefault(plain(row.name), []).append(row)
    all_names = [plain(r.name) for r in everything]

    def lookup_name(name: str) -> bool:
        group = by_name[name]
        if len({r.number for r in group}) != 1 or len(name) < 6 or sum(name in o for o in all_names) != len(group):
            return False
        lang, variant = language(qs)
        return qs.ask("lookup_algorithm", "lookup", lookup_gold(group, group[0]), lang, {"name": group[0].name},
                      group, series_of(group), series_of(group), variant, (group[0].name,))  # fmt: skip

    names = sorted(by_name)
    take(qs.pick(names, len(names)), QUOTAS["lookup_name"], lookup_name)

    # English company names: the alias table lacks the first ones; by size a lookup, a list or a count
    # company names only: a list "belonging to" a service name would read two ways
    english: list[tuple[str, str, tuple[str, ...], list[Row]]] = []
    for o in qs.pick(others, len(others)):
        english += [(s, o.english, o.companies, o.rows(of[s])) for s in SERIES]
    for e in (e for e in qs.pick(known, len(known)) if e.field == "company"):
        spelling = qs.choice(e.writable())
        english += [(s, spelling, e.all_names, e.rows(of[s])) for s in SERIES]

    def english_name(item: tuple) -> bool:
        series, name, all_names_, found = item
        distinct = len({r.number for r in found})
        names_ = (name, *all_names_)
        if distinct == 0:
            return False
        if distinct == 1:
            slots = {"company": name, "register": SERIES_WORDS[series][4]}
            return qs.ask("lookup_company", "lookup", lookup_gold(found, found[0]), "en", slots, found, series,
                          series, "english-name", names_)  # fmt: skip
        slots = {"company": name, "things": SERIES_WORDS[series][2]}
        if distinct <= LIST_LIMIT:
            return qs.ask("company_list", "list", list_gold(found), "en", slots, found, series, series,
                          "english-name", names_)  # fmt: skip
        if not count_is_clear(found):
            return False
        return qs.ask("company_count", "count", {"count": len(found)}, "en", slots, found, series, series,
                      "english-name", names_)  # fmt: skip

    take(english, QUOTAS["english"], english_name)

    # cancelled: by series, province, list or company; a list when it fits, else a count
    cancelled = [r for r in rows if r.cancelled]
    cancel_specs: list[tuple[str, list[Filter], tuple[str, ...]]] = [(s, [], ()) for s in SERIES]
    for series in SERIES:
        mine = [r for r in cancelled if r.series == series]
        cancel_specs += [(series, [province_filter(p.short, p.english)], (p.short, p.english))
                         for p in provinces if any(r.province == p.short for r in mine)]  # fmt: skip
        cancel_specs += [(series, [list_filter(x)], ()) for x in sorted({r.period for r in mine})]
        cancel_specs += [(series, [company_filter(c)], (c,)) for c in sorted({r.company for r in mine})]

    def cancelled_question(spec: tuple) -> bool:
        series, filters, names_ = spec
        names_ = (*names_, "cancel", "注销")  # a tuned-on question of the same gold that names cancelling refuses it
        found = matching([r for r in cancelled if r.series == series], filters)
        if not found or not count_is_clear(found):
            return False
        lang, variant = language(qs)
        as_list = len(found) <= LIST_LIMIT and (len(found) <= 3 or qs.rng.random() < 0.5)
        if as_list:
            return ask_rows("cancelled_list", "cancelled", series, filters, lang, variant, names_, found,
                            list_gold(found))  # fmt: skip
        return ask_rows("cancelled_count", "cancelled", series, filters, lang, variant, names_, found,
                        {"count": len(found)})  # fmt: skip

    take(qs.pick(cancel_specs, len(cancel_specs)), QUOTAS["cancelled"], cancelled_question)

    # renamed: the new name for the old, or the former name for the new, whichever gold no tuned-on set has
    pairs = renames(rows)
    olds_of: dict[str, list[str]] = {}
    for old, new in pairs.items():
        olds_of.setdefault(new, []).append(old)

    def renamed(pair: tuple[str, str]) -> bool:
        old, new = pair
        remarked = [r for r in rows if old in r.remarks and new in r.remarks]
        series = series_of(remarked)
        lang, variant = language(qs)
        if new not in pairs and qs.ask("renamed_new", "renamed", {"company": new}, lang, {"old": old}, None,
                                       series, series, variant, (old, new)):  # fmt: skip
            return True
        if len(olds_of[new]) != 1:
            return False
        return qs.ask("renamed_old", "renamed", {"company": old}, lang, {"new": new}, None, series, series, variant,
                      (old, new))  # fmt: skip

    pair_items = sorted(pairs.items())
    take(qs.pick(pair_items, len(pair_items)), QUOTAS["renamed"], renamed)

    # names in no list, not yet asked in this set
    asked = " ".join(r["question"] for r in qs.rows)

    def absent_name(item: tuple[str, str]) -> bool:
        name, lang = item
        if name in asked or not absent(name, everything, spellings):
            return False
        series = qs.choice(SERIES)
        things = SERIES_WORDS[series][2 if lang == "en" else 3]
        variant = "english-name" if lang == "en" else ("traditional" if qs.rng.random() < 0.4 else "")
        return qs.ask("absent", "not_in_register", {}, lang, {"name": name, "things": things}, None, series,
                      series, variant, (name,))  # fmt: skip

    take([(n, "en") for n in qs.pick(list(ABSENT_EN), len(ABSENT_EN))], QUOTAS["absent_en"], absent_name)
    take([(n, "zh") for n in qs.pick(list(ABSENT_ZH), len(ABSENT_ZH))], QUOTAS["absent_zh"], absent_name)
