"""The fourth blind set's questions on the algorithm and deep-synthesis lists: counts and lists by province,
list, class or role, lookups of one algorithm's number, a company's filings named in English, cancelled
filings, renamed companies (the direction no tuned-on set asks), and apps whose algorithms are in no list.

Every gold is computed from `register_data.Row`s here; the wording is `register_blind4_phrases.py`'s. This
module reads no files and writes nothing.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from register_blind2_common import OtherName, absent, count_is_clear, distinct, list_gold
from register_blind4_common import Blind4Set, Filter, interleaved, language, matching, what
from register_blind4_phrases import (
    ABSENT_APP_WHAT,
    ABSENT_APPS,
    BY_EN,
    BY_ZH,
    CLASS_EN,
    CLASS_ZH,
    CLASSES_EN,
    FROM_EN,
    FROM_ZH,
    LIST_EN,
    LIST_ZH,
    LOOKUP_WORDS,
    ROLE_EN,
    ROLE_ZH,
    ROLES_EN,
)
from register_data import PROVINCES, Row, plain, renames
from register_gold import lookup_gold, month_en, month_zh
from register_heldout_common import Entity

SERIES = ("algorithm", "deep-synthesis")
LIST_SHARE_LONG = 0.25


def _filters(rows: list[Row], series: str) -> dict[str, list[Filter]]:
    """The filters a question on one series may combine: province, list, and class or role."""
    mine = [r for r in rows if r.series == series]
    present = {r.province for r in mine}
    places = [
        Filter(FROM_EN.format(place=p.english), FROM_ZH.format(place=p.short), lambda r, s=p.short: r.province == s)
        for p in PROVINCES
        if p.short in present
    ]
    lists = [
        Filter(LIST_EN.format(month=month_en(p)), LIST_ZH.format(month=month_zh(p)), lambda r, p=p: r.period == p)
        for p in sorted({r.period for r in mine})
    ]
    if series == "algorithm":
        kinds = [
            Filter(CLASS_EN.format(cls=en), CLASS_ZH.format(cls=zh), lambda r, c=zh: r.category == c)
            for zh, en in CLASSES_EN.items()
        ]
    else:
        kinds = [
            Filter(ROLE_EN.format(role=en), ROLE_ZH.format(role=zh), lambda r, c=zh: r.category == c)
            for zh, en in ROLES_EN.items()
        ]
    return {"place": places, "list": lists, "kind": kinds}


def _company_filter(company: str) -> Filter:
    return Filter(
        BY_EN.format(company=company), BY_ZH.format(company=company), lambda r: plain(r.company) == plain(company)
    )


def _counts_and_lists(qs: Blind4Set, lists: list[Row], n_count: int, n_list: int) -> None:
    by_series = {s: _filters(lists, s) for s in SERIES}
    companies = {s: sorted({r.company for r in lists if r.series == s}) for s in SERIES}
    made = Counter()
    for _ in range(6000):
        if made["count"] >= n_count and made["list"] >= n_list:
            return
        type_ = "count" if made["count"] < n_count and (made["list"] >= n_list or qs.rng.random() < 0.5) else "list"
        series = qs.choice(SERIES)
        groups = by_series[series]
        roll = qs.rng.random()
        if roll < 0.2:
            filters = [_company_filter(qs.choice(companies[series]))]
        else:
            keys = qs.pick(["place", "list", "kind"], 2 if roll < 0.85 else 3)
            filters = [qs.choice(groups[k]) for k in ("place", "list", "kind") if k in keys]
        rows = matching([r for r in lists if r.series == series], filters)
        if not rows or (type_ == "count" and not count_is_clear(rows)):
            continue
        if type_ == "list" and len(distinct(rows)) > 20 and qs.rng.random() > LIST_SHARE_LONG:
            continue
        lang, variant = language(qs)
        en, zh = what(series, filters)
        gold = {"count": len(rows)} if type_ == "count" else list_gold(rows)
        names = tuple(sorted({r.company for r in rows})) if len(filters) == 1 and roll < 0.2 else ()
        slots = {"what": en if lang == "en" else zh}
        if qs.ask(type_, type_, gold, lang, slots, rows, series, series, variant, names):
            made[type_] += 1


def _lookups(qs: Blind4Set, lists: list[Row], n: int) -> None:
    """One algorithm of one company: its name and company have one filing number in every series."""
    numbers: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in lists:
        numbers[(plain(row.name), plain(row.company))].add(row.number)
    unique = [r for r in lists if len(numbers[(plain(r.name), plain(r.company))]) == 1 and r.name and r.company]
    made, seen = Counter(), set()
    for row in qs.pick(unique, len(unique)):
        if made[row.series] >= n // 2 or row.number in seen:
            continue
        seen.add(row.number)
        same = [r for r in lists if r.number == row.number]
        lang, variant = language(qs)
        numword_en, kinded, _, kind_zh = LOOKUP_WORDS["filing"]
        if lang == "en":
            slots = {"name": f"{row.name} ({row.company})", "numword": numword_en, "kinded": kinded}
        else:
            slots = {"name": f"{row.company}的{row.name}", "numword": "备案编号", "kind": kind_zh}
        gold = lookup_gold(same, row)
        names = (row.name, row.company)
        if qs.ask("lookup", "lookup", gold, lang, slots, same, "", row.series, variant, names):
            made[row.series] += 1
        if sum(made.values()) >= n:
            return


def _english_names(
    qs: Blind4Set, lists: list[Row], known: list[Entity], others: list[OtherName], quotas: dict[str, int]
) -> None:
    known_companies = [(e.all_names, qs.choice(e.writable()), e.rows(lists)) for e in known if e.field == "company"]
    other_companies = [((o.english, *o.companies), o.english, o.rows(lists)) for o in others]
    companies = interleaved(
        qs.pick(other_companies, len(other_companies)), qs.pick(known_companies, len(known_companies))
    )
    made = Counter()
    for names, spelling, rows in companies:
        series = qs.choice(SERIES)
        rows = [r for r in rows if r.series == series]
        type_ = qs.choice(("count", "list"))
        if made[type_] >= quotas[type_] or not rows or (type_ == "count" and not count_is_clear(rows)):
            continue
        en, _ = what(series, [Filter(BY_EN.format(company=spelling), "", lambda r: True)])
        gold = {"count": len(rows)} if type_ == "count" else list_gold(rows)
        if qs.ask(type_, type_, gold, "en", {"what": en}, rows, series, series, "english-name", names):
            made[type_] += 1


def _cancelled(qs: Blind4Set, lists: list[Row], n: int) -> None:
    """Cancelled filings among a company's, a province's or one list's filings of one series."""
    cancelled = [r for r in lists if r.cancelled]
    candidates: list[tuple[str, list[Filter]]] = []
    for series in SERIES:
        mine = [r for r in cancelled if r.series == series]
        groups = _filters(lists, series)
        candidates += [(series, [_company_filter(c)]) for c in sorted({r.company for r in mine})]
        candidates += [(series, [f]) for f in groups["place"] + groups["list"] if any(f.test(r) for r in mine)]
        candidates += [
            (series, [p, k])
            for p in groups["place"]
            for k in groups["kind"]
            if any(p.test(r) and k.test(r) for r in mine)
        ]
    made = 0
    for series, filters in qs.pick(candidates, len(candidates)):
        if made >= n:
            return
        rows = matching([r for r in cancelled if r.series == series], filters)
        type_ = qs.choice(("cancelled_list", "cancelled_count"))
        if type_ == "cancelled_count" and not count_is_clear(rows):
            continue
        lang, variant = language(qs)
        en, zh = what(series, filters)
        gold = {"count": len(rows)} if type_ == "cancelled_count" else list_gold(rows)
        names = tuple(sorted({r.company for r in rows})) if len(filters) == 1 and "主体" in filters[0].zh else ()
        slots = {"what": en if lang == "en" else zh}
        if qs.ask(type_, "cancelled", gold, lang, slots, rows, series, series, variant, names):
            made += 1


def _renamed(qs: Blind4Set, lists: list[Row], n: int) -> None:
    """Each rename asked in the direction no tuned-on set asks: the new name for the old, or the old for the new
    (only when the new name came from one old name)."""
    pairs = renames(lists)
    olds_of = Counter(pairs.values())
    made = 0
    for old, new in qs.pick(sorted(pairs.items()), len(pairs)):
        if made >= n:
            return
        rows = [r for r in lists if old in r.remarks and new in r.remarks]
        directions = [] if new in pairs else [("renamed_to", {"company": new}, {"old": old})]  # "now": no later name
        if olds_of[new] == 1:
            directions.append(("renamed_from", {"company": old}, {"new": new}))
        for shape, gold, slots in qs.pick(directions, 2):
            lang, variant = language(qs)
            if qs.ask(
                shape,
                "renamed",
                gold,
                lang,
                slots,
                rows,
                "",
                "+".join(sorted({r.series for r in rows})),
                variant,
                (old, new),
            ):
                made += 1
                break


def _absent(qs: Blind4Set, everything: list[Row], spellings: tuple[str, ...], n: int) -> None:
    made = 0
    for name in qs.pick(list(ABSENT_APPS), len(ABSENT_APPS)):
        if made >= n:
            return
        if not absent(name, everything, spellings):
            qs.skipped["algorithm not_in_register: the name is in the data or the alias table"] += 1
            continue
        series = qs.choice(SERIES)
        lang, variant = language(qs)
        variant = "english-name" if lang == "en" else variant
        en, zh = ABSENT_APP_WHAT[series]
        owner = name + ("'" if name.endswith("s") else "'s")
        slots = {"what": en.format(owner=owner) if lang == "en" else zh.format(name=name)}
        if qs.ask("not_in_register", "not_in_register", {}, lang, slots, None, series, series, variant, (name,)):
            made += 1


def algorithm_questions(
    qs: Blind4Set,
    lists: list[Row],
    everything: list[Row],
    known: list[Entity],
    others: list[OtherName],
    spellings: tuple[str, ...],
) -> None:
    _counts_and_lists(qs, lists, n_count=20, n_list=20)
    _lookups(qs, lists, n=24)
    _english_names(qs, lists, known, others, {"count": 5, "list": 6})
    _cancelled(qs, lists, n=12)
    _renamed(qs, lists, n=12)
    _absent(qs, everything, spellings, n=13)
