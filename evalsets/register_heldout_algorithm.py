"""Held-out questions on the algorithm (互联网信息服务算法) and deep-synthesis (深度合成) filing lists: lookups,
lists, counts, cancelled filings, renamed companies and names in no list, in English, Simplified and
Traditional Chinese.

The phrasing is new and was written without looking at the bot's question parser or at the development set's
questions; the gold is computed from `register_data` rows. It reads and writes no files.

Conventions: "the May 2025 list" is the list published that month; a province is the filing number's division
code; counts are rows as published; a question that names no series is about both lists
(`algorithm+deep-synthesis`).
"""

from __future__ import annotations

from collections import Counter, defaultdict

from register_data import EnglishName, Row, plain, province, renames
from register_gold import count_gold, list_gold, lookup_gold, month_en, month_zh
from register_heldout_common import Entity, HeldoutSet, absent_everywhere, clear_entities
from register_heldout_phrases import ALGORITHM as T
from register_heldout_phrases import CLASS_EN, SERIES_EN, SERIES_ZH, say

BOTH = "algorithm+deep-synthesis"
# Counts the issues' own examples ask (the README and the tests use them), left to them: the May 2026
# deep-synthesis list (608 rows) and the deep-synthesis filings from Guangdong and from Shanghai.
ISSUE_PERIODS = {("deep-synthesis", "2026-05")}
ISSUE_PROVINCES = {("deep-synthesis", "广东"), ("deep-synthesis", "上海")}
# Image, voice and video tools from abroad (none of them asked about in the generative-AI part).
ABSENT = (
    "Lensa", "Microsoft Designer", "Luma Dream Machine", "Pika Labs", "Murf AI", "Speechify", "Leonardo.Ai",
    "Magic Studio", "Remini", "Picsart", "Play.ht", "Resemble AI", "Kaiber", "Opus Clip", "Veed.io", "Clipchamp",
    "Pictory", "Voicemod", "Krisp", "Topaz Video AI",
)  # fmt: skip


def _series_of(rows: list[Row]) -> str:
    found = {r.series for r in rows}
    return found.pop() if len(found) == 1 else BOTH


def _series_fields(series: str) -> dict[str, str]:
    return dict(series_en=SERIES_EN[series], series_zh=SERIES_ZH[series])


def _place(short: str) -> dict[str, str]:
    place = province(short)
    return dict(prov_en=place.english, prov_zh=place.short) if place else {}


def _class_fields(category: str) -> dict[str, str]:
    return dict(cls_zh=category, **({"cls_en": CLASS_EN[category]} if category in CLASS_EN else {}))


def _lookups(qs: HeldoutSet, lists: list[Row], n: int) -> None:
    """Algorithms by their own name: one company, no other name contains it."""
    by_name: dict[str, list[Row]] = defaultdict(list)
    for row in lists:
        by_name[plain(row.name)].append(row)
    joined = "\n".join(by_name)  # a name found once here is inside no other name
    usable = [
        rows[0] for name, rows in by_name.items() if len({r.company for r in rows}) == 1 and joined.count(name) == 1
    ]
    by_series = {series: [r for r in usable if r.series == series] for series in ("algorithm", "deep-synthesis")}
    made = 0
    for row in qs.round_robin(by_series, lambda r: (r.name,)):
        same = by_name[plain(row.name)]
        series = _series_of(same)
        fields = dict(name=row.name, **_series_fields(row.series if series == BOTH else series))
        question, lang, variant = say(qs, T["lookup"], fields)
        made += qs.offer(question, "lookup", lookup_gold(same, row), series, lang, variant, (row.name, row.company))
        if made == n:
            return


def _company_lists(qs: HeldoutSet, lists: list[Row], n: int) -> None:
    """A company's filings in one series, or in both, by its full Chinese name."""
    groups: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in lists:
        groups[(row.series, row.company)].append(row)
        groups[(BOTH, row.company)].append(row)
    usable = [
        key
        for key, rows in groups.items()
        if 2 <= len(rows) <= 20 and (key[0] != BOTH or len({r.series for r in rows}) == 2)
    ]
    made, both = 0, 0
    for series, company in qs.unasked_first(sorted(usable), lambda k: (k[1],)):
        if series == BOTH and both >= n // 4:
            continue
        fields = dict(company=company, **(_series_fields(series) if series != BOTH else {}))
        question, lang, variant = say(qs, T["list_company_both" if series == BOTH else "list_company"], fields)
        if qs.offer(
            question,
            "list",
            list_gold(groups[(series, company)]),
            series,
            lang,
            variant,
            (company,),
            groups[(series, company)],
        ):
            made, both = made + 1, both + (series == BOTH)
        if made == n:
            return


def _english(qs: HeldoutSet, lists: list[Row], all_entities: list[Entity], lists_n: int, counts_n: int) -> None:
    """Lists and counts of one series by English name."""
    asks = []
    for series in ("algorithm", "deep-synthesis"):
        rows = [r for r in lists if r.series == series]
        for entity in clear_entities(all_entities, rows, lists):
            found = entity.rows(rows)
            if found and entity.field == "company":
                if _products_elsewhere(entity, rows):
                    continue
                asks.append((series, entity, found))
    made_lists = made_counts = 0
    for series, entity, found in qs.unasked_first(asks, lambda a: a[1].spellings):
        english = qs.choice(entity.writable())
        fields = dict(en=english, **_series_fields(series))
        if made_lists < lists_n and len(found) <= 20 and (made_lists <= made_counts or made_counts == counts_n):
            question, lang, _ = say(qs, T["list_english"], fields)
            made_lists += qs.offer(
                question, "list", list_gold(found), series, lang, "english-name", entity.all_names, found
            )
        elif made_counts < counts_n:
            question, lang, _ = say(qs, T["count_english"], fields)
            made_counts += qs.offer(
                question, "count", count_gold(found), series, lang, "english-name", entity.all_names, found
            )
        if made_lists == lists_n and made_counts == counts_n:
            return


def _products_elsewhere(entity: Entity, rows: list[Row]) -> bool:
    """Whether a row of another company lists a product with this entity's Chinese name (then "X's algorithms"
    could also mean the algorithms its products use)."""
    return any(c and c in p for r in rows if not entity.matches(r) for p in r.products for c in entity.chinese)


def _filtered_lists(qs: HeldoutSet, lists: list[Row], n: int) -> None:
    """One list's rows from one province, of one class, or of one role and province."""
    groups: dict[tuple, list[Row]] = defaultdict(list)
    for row in lists:
        groups[("list_province_period", row.series, row.province, "", row.period)].append(row)
        if row.series == "algorithm":
            groups[("list_class_period", row.series, "", row.category, row.period)].append(row)
        else:
            groups[("list_role_province_period", row.series, row.province, row.category, row.period)].append(row)
    usable: dict[str, list[tuple]] = defaultdict(list)
    for key, rows in sorted(groups.items()):
        if 2 <= len(rows) <= 20 and (key[2] == "" or province(key[2])):
            usable[key[0]].append(key)
    made, spread = 0, Counter()
    for key in qs.round_robin(usable):
        family, series, short, category, period = key
        if spread[short or category] == 2:
            continue
        fields = dict(_series_fields(series), **_place(short), month_en=month_en(period), month_zh=month_zh(period))
        if category:
            fields.update(_class_fields(category))
        question, lang, variant = say(qs, T[family], fields)
        names = tuple(x for x in (short, category) if x)
        if qs.offer(question, "list", list_gold(groups[key]), series, lang, variant, names, groups[key]):
            made, spread[short or category] = made + 1, spread[short or category] + 1
        if made == n:
            return


def _count_asks(lists: list[Row]) -> dict[str, list[tuple[str, str, dict, list[Row], tuple[str, ...]]]]:
    asks: dict[str, list] = defaultdict(list)
    for series in ("algorithm", "deep-synthesis"):
        rows = [r for r in lists if r.series == series]
        words = _series_fields(series)
        left_out = {p for s, p in ISSUE_PROVINCES if s == series}
        for short in sorted({r.province for r in rows if province(r.province)} - left_out):
            found = [r for r in rows if r.province == short]
            asks["province"].append(("count_series_province", series, dict(words, **_place(short)), found, (short,)))
        for period in sorted({r.period for r in rows} - {p for s, p in ISSUE_PERIODS if s == series}):
            fields = dict(words, month_en=month_en(period), month_zh=month_zh(period))
            found = [r for r in rows if r.period == period]
            asks["period"].append(("count_series_period", series, fields, found, (month_en(period), month_zh(period))))
        for year in sorted({r.period[:4] for r in rows}):
            found = [r for r in rows if r.period.startswith(year)]
            asks["year"].append(("count_series_year", series, dict(words, year=year), found, (year,)))
        for category in sorted({r.category for r in rows}):
            found = [r for r in rows if r.category == category]
            family = "count_class" if series == "algorithm" else "count_role"
            asks["class"].append((family, series, _class_fields(category), found, (category,)))
            for short in sorted({r.province for r in found if province(r.province)}):
                fields = dict(_class_fields(category), **_place(short))
                inside = [r for r in found if r.province == short]
                asks["class_province"].append((f"{family}_province", series, fields, inside, (short,)))
    return asks


def _counts(qs: HeldoutSet, lists: list[Row], n: int) -> None:
    made, spread = 0, Counter()
    for family, series, fields, rows, names in qs.round_robin(_count_asks(lists)):
        if spread[names[0]] == 2:
            continue
        question, lang, variant = say(qs, T[family], fields)
        if qs.offer(question, "count", count_gold(rows), series, lang, variant, names, rows):
            made, spread[names[0]] = made + 1, spread[names[0]] + 1
        if made == n:
            return


def _cancelled(qs: HeldoutSet, lists: list[Row], n: int) -> None:
    """Is one algorithm cancelled, which of a company's filings are, how many or which in a series and province."""
    gone = [r for r in lists if r.cancelled]
    by_name: dict[str, list[Row]] = defaultdict(list)
    for row in lists:
        by_name[plain(row.name)].append(row)
    asks: dict[str, list] = defaultdict(list)
    for row in gone:
        same = by_name[plain(row.name)]
        if all(r.cancelled for r in same) and len({r.company for r in same}) == 1:
            asks["one"].append(("cancelled_one", _series_of(same), dict(name=row.name), same, (row.name, row.company)))
    for company in sorted({r.company for r in gone}):
        found = [r for r in gone if r.company == company]
        asks["company"].append(("cancelled_company", BOTH, dict(company=company), found, (company,)))
    for series in ("algorithm", "deep-synthesis"):
        found = [r for r in gone if r.series == series]
        asks["series"].append(("cancelled_count", series, _series_fields(series), found, (SERIES_ZH[series],)))
        for short in sorted({r.province for r in found if province(r.province)}):
            inside = [r for r in found if r.province == short]
            fields = dict(_series_fields(series), **_place(short))
            asks["province"].append(("cancelled_count_province", series, fields, inside, (short,)))
            if len(inside) >= 2:
                asks["province_list"].append(("cancelled_list_province", series, fields, inside, (short,)))
    made = 0
    for family, series, fields, rows, names in qs.round_robin(asks):
        gold = count_gold(rows) if "count" in family else list_gold(rows)
        question, lang, variant = say(qs, T[family], fields)
        made += qs.offer(question, "cancelled", gold, series, lang, variant, names, rows)
        if made == n:
            return


def _renamed(qs: HeldoutSet, lists: list[Row], n: int) -> None:
    """What a company is called now, or what it was called before; only pairs whose answer is not already
    written inside the question."""
    pairs = list(renames(lists).items())
    back = Counter(w for _, w in pairs)
    made = 0
    for old, new in qs.unasked_first(pairs, lambda p: p):
        series = _series_of([r for r in lists if old in r.remarks])
        forward = back[new] > 1 or qs.rng.random() < 0.5
        if forward and plain(new) not in plain(old):
            question, lang, variant = say(qs, T["renamed_forward"], dict(old=old))
            made += qs.offer(question, "renamed", {"company": new}, series, lang, variant, (old, new))
        elif not forward and plain(old) not in plain(new):
            question, lang, variant = say(qs, T["renamed_back"], dict(new=new))
            made += qs.offer(question, "renamed", {"company": old}, series, lang, variant, (old, new))
        if made == n:
            return


def _absent(qs: HeldoutSet, everything: list[Row], names: tuple[EnglishName, ...], n: int) -> None:
    made = 0
    for name in qs.unasked_first([a for a in ABSENT if absent_everywhere(a, everything, names)], lambda a: (a,)):
        deep = qs.rng.random() < 0.5
        question, lang, variant = say(qs, T["absent_deep" if deep else "absent_any"], dict(x=name))
        series = "deep-synthesis" if deep else BOTH
        made += qs.offer(question, "not_in_register", {}, series, lang, variant, (name,))
        if made == n:
            return


def heldout_algorithm_questions(
    qs: HeldoutSet, lists: list[Row], everything: list[Row], names: tuple[EnglishName, ...], all_entities: list[Entity]
) -> None:
    """Add the algorithm and deep-synthesis questions: 24 lookups, 24 lists, 26 counts, 14 cancelled,
    12 renamed, 12 names in no list."""
    _lookups(qs, lists, 24)
    _company_lists(qs, lists, 12)
    _english(qs, lists, all_entities, lists_n=6, counts_n=6)
    _filtered_lists(qs, lists, 6)
    _counts(qs, lists, 20)
    _cancelled(qs, lists, 14)
    _renamed(qs, lists, 12)
    _absent(qs, everything, names, 12)
