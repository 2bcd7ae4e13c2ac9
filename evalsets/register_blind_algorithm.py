"""The blind set's questions on the algorithm (算法备案) and deep-synthesis (深度合成) Word lists: lookups of
algorithms, counts by list, province, class and role, a company's or a product's algorithms, cancelled filings,
renamed companies and names in no list. The province is the filing number's division code, as the data README
defines it; a question that names no series is about both (`algorithm+deep-synthesis`). Every gold is computed
here from `register_data.Row`s. It reads no files and writes nothing (see `build_register_blind.py`).
"""

from __future__ import annotations

from collections import defaultdict

from register_blind_common import (
    ABSENT_ALGORITHM_EN,
    ABSENT_ALGORITHM_ZH,
    OTHER_ENGLISH_NAMES,
    BlindSet,
    absent,
    language,
)
from register_data import PROVINCES, EnglishName, Row, plain, renames
from register_gold import count_gold, list_gold, lookup_gold, month_en, month_zh
from register_heldout_common import Entity

SERIES = ("algorithm", "deep-synthesis")
_ISSUE_PLACES = ("上海", "广东")  # the issue counts their deep-synthesis filings; the README and the tests ask it
_ENGLISH_PROVINCE = {p.short: p.english for p in PROVINCES}
CATEGORY_EN = {
    "个性化推送类": "personalised push", "信息检索类": "information retrieval", "调度决策类": "scheduling decisions",
    "检索过滤类": "search filtering", "排序精选类": "ranking and selection", "内容过滤类": "content filtering",
    "生成合成类": "generation and synthesis", "服务提供者": "service provider", "服务技术支持者": "technical supporter",
}  # fmt: skip


def distinct_filings(rows: list[Row]) -> list[Row]:
    """The rows with each one counted once (the same row may be collected twice), in their order."""
    return list({id(row): row for row in rows}.values())


def series_of(rows: list[Row]) -> str:
    return "+".join(sorted({r.series for r in rows}))


def lookups(qs: BlindSet, lists: list[Row], n: int) -> None:
    """Algorithms with a name of their own (one company, in no other algorithm's name), both series in turn."""
    groups: dict[str, list[Row]] = defaultdict(list)
    for row in lists:
        groups[plain(row.name)].append(row)
    names = list(groups)
    fit = {
        name: rows
        for name, rows in groups.items()
        if len(name) >= 6 and len({r.company for r in rows}) == 1 and not any(name != o and name in o for o in names)
    }
    by_series = {s: [k for k in fit if fit[k][0].series == s] for s in SERIES}
    asked = 0
    for i, name in enumerate(qs.round_robin(by_series)):
        if asked >= n:
            return
        rows = fit[name]
        lang, variant = language(qs, i)
        slots = {"algo": rows[0].name, "company": rows[0].company}
        if qs.ask(
            "lookup_algorithm", "lookup", lookup_gold(rows, rows[0]), series_of(rows), lang, slots, variant=variant,
            names=(rows[0].name, rows[0].company), hurried=True,
        ):  # fmt: skip
            asked += 1


def counts(qs: BlindSet, lists: list[Row], n: int) -> None:
    """Counts by series, with a province, class or role, and a list month (at least one of them)."""
    made = 0
    for attempt in range(3000):
        if made >= n:
            return
        series = SERIES[attempt % 2]
        rows = [r for r in lists if r.series == series]
        where_kind = qs.choice(("", "province", "category"))
        period = qs.choice(sorted({r.period for r in rows})) if qs.rng.random() < 0.55 or not where_kind else ""
        lang, variant = language(qs, attempt // 2)
        where, province = "", ""
        if where_kind == "province":
            province = qs.choice(sorted({r.province for r in rows if r.province}))
            rows = [r for r in rows if r.province == province]
            where = f" by filers registered in {_ENGLISH_PROVINCE[province]}" if lang == "en" else province
        elif where_kind == "category":
            category = qs.choice(sorted({r.category for r in rows}))
            rows = [r for r in rows if r.category == category]
            gloss = CATEGORY_EN[category]
            role = series == "deep-synthesis"
            if lang == "en":
                where = f" whose role is {gloss} ({category})" if role else f" in the class {category} ({gloss})"
            else:
                where = f"角色为{category}" if role else f"属于{category}"
        if period:
            rows = [r for r in rows if r.period == period]
        if series == "deep-synthesis" and not (period or where_kind != "province" or province not in _ISSUE_PLACES):
            continue
        if series == "deep-synthesis" and period == "2026-05" and not where:
            continue  # the issue's count of the May 2026 list
        when = (f" in the {month_en(period)} list" if lang == "en" else f"{month_zh(period)}清单中") if period else ""
        if not rows:
            continue
        slots = {"series": qs.series(lang, series), "where": where, "when": when}
        made += qs.ask("count_series", "count", count_gold(rows), series, lang, slots, variant=variant, rows=rows)


def _clear_in_lists(entity: Entity, lists: list[Row]) -> bool:
    """No other company's product carries the entity's Chinese name (so its English name means its rows only)."""
    return not any(
        any(c and c in p for p in r.products for c in entity.chinese) and not entity.matches(r) for r in lists
    )


def company_lists(qs: BlindSet, lists: list[Row], clear: list[Entity], n_zh: int, n_english: int) -> None:
    """A company's algorithms in one series (its Chinese name) or in both (English names, with or without
    an alias-table entry)."""
    by_company: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in lists:
        by_company[(row.series, row.company)].append(row)
    fit = [key for key, rows in sorted(by_company.items()) if 2 <= len(rows) <= 12]
    asked = 0
    for i, (series, company) in enumerate(qs.pick(fit, len(fit))):
        if asked >= n_zh:
            break
        lang, variant = language(qs, i)
        rows = by_company[(series, company)]
        slots = {"company": company, "series": qs.series(lang, series)}
        asked += qs.ask("list_series_company", "list", list_gold(rows), series, lang, slots, variant=variant,
                        names=(company,), rows=rows)  # fmt: skip
    asked = 0
    english = [e for e in clear if _clear_in_lists(e, lists)]
    for entity in qs.pick(english, len(english)):
        rows = entity.rows(lists)
        if asked >= n_english or not 1 <= len(rows) <= 20:
            continue
        slots = {"company": qs.choice(entity.writable())}
        asked += qs.ask("list_any_company", "list", list_gold(rows), series_of(rows), "en", slots,
                        variant="english-name", names=entity.all_names, rows=rows)  # fmt: skip
    for other in OTHER_ENGLISH_NAMES:
        rows = other.rows(lists)
        if 1 <= len(rows) <= 20:
            qs.ask("list_any_company", "list", list_gold(rows), series_of(rows), "en", {"company": other.english},
                   variant="english-name", names=(other.english,), rows=rows)  # fmt: skip


def products(qs: BlindSet, lists: list[Row], n: int) -> None:
    """Algorithms used by a product named in no other product's name."""
    by_product: dict[str, list[Row]] = defaultdict(list)
    for row in lists:
        for product in row.products:
            by_product[product].append(row)
    names = list(by_product)
    fit = [p for p, rows in sorted(by_product.items()) if 2 <= len(rows) <= 10 and len(p) >= 3
           and not any(p != o and p in o for o in names)]  # fmt: skip
    asked = 0
    for i, product in enumerate(qs.pick(fit, len(fit))):
        if asked >= n:
            return
        lang, variant = language(qs, i)
        # A cell may name one product twice, once per kind ("智媒者(APP)、智媒者(小程序)"): the pick above counts
        # the product's mentions, the gold counts its distinct filings.
        rows = distinct_filings(by_product[product])
        asked += qs.ask("list_product", "list", list_gold(rows), series_of(rows), lang, {"product": product},
                        variant=variant, names=(product,), rows=rows)  # fmt: skip


def cancelled(qs: BlindSet, lists: list[Row], n_companies: int, n_counts: int) -> None:
    gone = [r for r in lists if r.cancelled]
    by_company: dict[str, list[Row]] = defaultdict(list)
    for row in gone:
        by_company[row.company].append(row)
    asked = 0
    for i, company in enumerate(qs.pick(sorted(by_company), len(by_company))):
        if asked >= n_companies:
            break
        lang, variant = language(qs, i)
        rows = by_company[company]
        asked += qs.ask("cancelled_company", "cancelled", list_gold(rows), "algorithm+deep-synthesis", lang,
                        {"company": company}, variant=variant, names=(company,), rows=rows)  # fmt: skip
    asked = 0
    for attempt in range(200):
        if asked >= n_counts:
            return
        series = SERIES[attempt % 2]
        rows = [r for r in gone if r.series == series]
        lang, variant = language(qs, attempt // 2)
        where = ""
        if attempt >= 2:
            province = qs.choice(sorted({r.province for r in rows if r.province}))
            rows = [r for r in rows if r.province == province]
            where = f" by filers registered in {_ENGLISH_PROVINCE[province]}" if lang == "en" else f"{province}企业的"
        slots = {"series": qs.series(lang, series), "where": where}
        asked += qs.ask("cancelled_count", "cancelled", count_gold(rows), series, lang, slots, variant=variant,
                        rows=rows)  # fmt: skip


def renamed(qs: BlindSet, lists: list[Row], n: int) -> None:
    pairs = renames(lists)
    asked = 0
    for i, old in enumerate(qs.pick(sorted(pairs), len(pairs))):
        if asked >= n:
            return
        new = pairs[old]
        rows = [r for r in lists if old in r.remarks]
        lang, variant = language(qs, i)
        asked += qs.ask("renamed", "renamed", {"company": new}, series_of(rows), lang, {"old": old},
                        variant=variant, names=(old, new))  # fmt: skip


def absent_algorithms(qs: BlindSet, everything: list[Row], aliases: tuple[EnglishName, ...]) -> None:
    spellings = tuple(a.english for a in aliases)
    for names, lang in ((ABSENT_ALGORITHM_EN, "en"), (ABSENT_ALGORITHM_ZH, "zh")):
        for i, name in enumerate(n for n in names if absent(n, everything, spellings)):
            variant = "english-name" if lang == "en" else ("traditional" if i % 2 else "")
            qs.ask("absent_algorithm", "not_in_register", {}, "algorithm+deep-synthesis", lang, {"name": name},
                   variant=variant, names=(name,))  # fmt: skip


def blind_algorithm_questions(
    qs: BlindSet, lists: list[Row], everything: list[Row], aliases: tuple[EnglishName, ...], clear: list[Entity]
) -> None:
    """About 90 questions on the algorithm and deep-synthesis lists, in a fixed order."""
    lookups(qs, lists, 22)
    counts(qs, lists, 18)
    company_lists(qs, lists, clear, n_zh=12, n_english=6)
    products(qs, lists, 4)
    cancelled(qs, lists, n_companies=7, n_counts=6)
    renamed(qs, lists, 12)
    absent_algorithms(qs, everything, aliases)
