"""The fifth blind set's generative-AI questions: counts and lists by kind, province, list and day; lookups by a
service's Chinese name and by English company or service names (the alias table's and ones it lacks); and
names that are in no list.

Every gold is computed from `register_data.Row`s (lists and counts by distinct filings). This module reads no
files and writes nothing; `build_register_blind5.py` runs it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from register_blind2_common import OtherName, absent, count_is_clear, list_gold
from register_blind5_common import Blind5Set, Filter, language, matching, scope
from register_blind5_phrases import ABSENT_EN, ABSENT_ZH, KIND_WORDS, SERIES_WORDS
from register_data import PROVINCES, Row, plain
from register_gold import LIST_LIMIT, day_en, day_zh, lookup_gold, month_en, month_zh
from register_heldout_common import Entity

QUOTAS = {"count": 18, "list": 20, "lookup_name": 16, "lookup_english": 14, "list_english": 6, "count_english": 4}
QUOTAS |= {"absent_en": 9, "absent_zh": 6}


def take(candidates: Iterable[Any], quota: int, make: Callable[[Any], bool]) -> int:
    """Offer candidates in order until `quota` are taken; how many were."""
    taken = 0
    for candidate in candidates:
        if taken >= quota:
            break
        taken += bool(make(candidate))
    return taken


def kind_filter(kind: str) -> Filter:
    return Filter("", "", lambda r, k=kind: r.kind == k)


def province_filter(short: str, english: str) -> Filter:
    return Filter(f" from {english}", f"属地为{short}", lambda r, p=short: r.province == p)


def list_filter(period: str) -> Filter:
    return Filter(
        f" in the CAC's {month_en(period)} list", f"出自{month_zh(period)}清单", lambda r, p=period: r.period == p
    )


def day_filter(date: str) -> Filter:
    return Filter(f" on {day_en(date)}", f"于{day_zh(date)}", lambda r, d=date: r.date == d)


def subject(kind: str, filters: list[Filter]) -> tuple[str, str]:
    """'registered generative AI services from Hubei …' / '属地为湖北、…登记的生成式人工智能服务' (a day filter
    reads after the verb in English: 'generative AI services registered on 5 June 2025')."""
    participle, verb_zh = KIND_WORDS[kind][:2]
    if any(f.en.startswith(" on ") for f in filters):
        return _day_subject(kind, filters), scope("genai", filters, verb_zh=verb_zh)[1]
    return scope("genai", filters, lead_en=f"{participle} ", verb_zh=verb_zh)


def _day_subject(kind: str, filters: list[Filter]) -> str:
    participle = KIND_WORDS[kind][0]
    places = "".join(f.en for f in filters if not f.en.startswith(" on "))
    day = "".join(f.en for f in filters if f.en.startswith(" on "))
    return f"generative AI services{places} {participle}{day}"


def genai_questions(
    qs: Blind5Set,
    rows: list[Row],
    everything: list[Row],
    known: list[Entity],
    others: list[OtherName],
    spellings: tuple[str, ...],
) -> None:
    """The generative-AI questions, appended to `qs`."""
    provinces = [p for p in PROVINCES if any(r.province == p.short for r in rows)]
    periods = sorted({r.period for r in rows})
    days = sorted({r.date for r in rows if r.date})

    def filtered(kind: str, extra: list[Filter]) -> tuple[list[Filter], list[Row]]:
        filters = [kind_filter(kind), *extra]
        return filters, matching(rows, filters)

    # counts: kind × province, with or without a list
    count_specs = [(kind, p, period) for kind in KIND_WORDS for p in provinces for period in [None, *periods]]
    count_specs = qs.pick(count_specs, len(count_specs))

    def count(spec: tuple) -> bool:
        kind, p, period = spec
        extra = [province_filter(p.short, p.english)] + ([list_filter(period)] if period else [])
        filters, found = filtered(kind, extra)
        if not count_is_clear(found) or len(found) < 2:
            return False
        en, zh = subject(kind, filters)
        lang, variant = language(qs)
        names = (p.short, p.english)
        return qs.ask("count", "count", {"count": len(found)}, lang, {"scope": en if lang == "en" else zh},
                      found, "genai", f"genai-{kind}", variant, names)  # fmt: skip

    take(count_specs, QUOTAS["count"], count)

    # lists: kind × province × list, and kind × day (a few over 20, scored by their total)
    list_specs = [("place", kind, p, period) for kind in KIND_WORDS for p in provinces for period in periods]
    list_specs += [("day", kind, None, day) for kind in KIND_WORDS for day in days]
    list_specs = qs.pick(list_specs, len(list_specs))
    longer = [0]

    def listing(spec: tuple) -> bool:
        shape, kind, p, when = spec
        extra = [province_filter(p.short, p.english), list_filter(when)] if shape == "place" else [day_filter(when)]
        filters, found = filtered(kind, extra)
        distinct = {r.number for r in found}
        if len(distinct) < 2 or (len(distinct) > LIST_LIMIT and longer[0] >= 3):
            return False
        en, zh = subject(kind, filters)
        lang, variant = language(qs)
        names = (p.short, p.english) if p else ()
        taken = qs.ask("list", "list", list_gold(found), lang, {"scope": en if lang == "en" else zh}, found,
                       "genai", f"genai-{kind}", variant, names)  # fmt: skip
        longer[0] += taken and len(distinct) > LIST_LIMIT
        return taken

    take(list_specs, QUOTAS["list"], listing)

    # lookups by a service's own (Chinese) name: a name only one row has, inside no other row's name
    by_name: dict[str, list[Row]] = {}
    for row in rows:
        by_name.setdefault(plain(row.name), []).append(row)
    all_names = [plain(r.name) for r in everything]
    unique = [
        group[0]
        for name, group in by_name.items()
        if len(group) == 1 and len(name) >= 4 and sum(name in other for other in all_names) == 1
    ]

    def lookup_name(row: Row) -> bool:
        lang, variant = language(qs)
        participle, verb_zh, number_en, number_zh, noun = KIND_WORDS[row.kind]
        slots = (
            {"name": row.name, "verb": participle, "number_word": number_en, "noun": noun}
            if lang == "en"
            else {"name": row.name, "verb": verb_zh, "number_word": number_zh}
        )
        return qs.ask("lookup_service", "lookup", lookup_gold([row], row), lang, slots, [row], "genai",
                      f"genai-{row.kind}", variant, (row.name,))  # fmt: skip

    take(qs.pick(unique, len(unique)), QUOTAS["lookup_name"], lookup_name)

    # English names: the ones the alias table lacks first, then the table's clear entities
    english: list[tuple[str, tuple[str, ...], list[Row], str]] = [
        (o.english, o.companies, o.rows(rows), "company") for o in qs.pick(others, len(others))
    ]
    english += [(qs.choice(e.writable()), e.all_names, e.rows(rows), e.field) for e in qs.pick(known, len(known))]

    def lookup_english(item: tuple) -> bool:
        name, names, found, _ = item
        if len({r.number for r in found}) != 1:
            return False
        slots = {"company": name, "register": SERIES_WORDS["genai"][4]}
        return qs.ask("lookup_company", "lookup", lookup_gold(found, found[0]), "en", slots, found, "genai",
                      "genai", "english-name", (name, *names))  # fmt: skip

    take(english, QUOTAS["lookup_english"], lookup_english)

    def list_english(item: tuple) -> bool:
        name, names, found, field = item
        if field != "company" or not 2 <= len({r.number for r in found}) <= LIST_LIMIT:
            return False
        slots = {"company": name, "things": SERIES_WORDS["genai"][2]}
        return qs.ask("company_list", "list", list_gold(found), "en", slots, found, "genai", "genai",
                      "english-name", (name, *names))  # fmt: skip

    take(english, QUOTAS["list_english"], list_english)

    def count_english(item: tuple) -> bool:
        name, names, found, field = item
        if field != "company" or not count_is_clear(found) or len(found) < 3:
            return False
        slots = {"company": name, "things": SERIES_WORDS["genai"][2]}
        return qs.ask("company_count", "count", {"count": len(found)}, "en", slots, found, "genai", "genai",
                      "english-name", (name, *names))  # fmt: skip

    take(english, QUOTAS["count_english"], count_english)

    # names in no list
    def absent_en(name: str) -> bool:
        if not absent(name, everything, spellings):
            return False
        slots = {"name": name, "things": SERIES_WORDS["genai"][2]}
        return qs.ask("absent", "not_in_register", {}, "en", slots, None, "genai", "genai", "english-name", (name,))

    take(qs.pick(list(ABSENT_EN), len(ABSENT_EN)), QUOTAS["absent_en"], absent_en)

    def absent_zh(name: str) -> bool:
        if not absent(name, everything, spellings):
            return False
        variant = "traditional" if qs.rng.random() < 0.4 else ""
        slots = {"name": name, "things": SERIES_WORDS["genai"][3]}
        return qs.ask("absent", "not_in_register", {}, "zh", slots, None, "genai", "genai", variant, (name,))

    take(qs.pick(list(ABSENT_ZH), len(ABSENT_ZH)), QUOTAS["absent_zh"], absent_zh)
