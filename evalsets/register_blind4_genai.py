"""The fourth blind set's generative-AI questions: counts and lists by province, kind and time, lookups of a
service's number, questions that name an organisation in English only, and services that are in no list.

Every gold is computed from `register_data.Row`s here; the wording is `register_blind4_phrases.py`'s. This
module reads no files and writes nothing.
"""

from __future__ import annotations

from collections import Counter

from register_blind2_common import OtherName, absent, count_is_clear, list_gold
from register_blind4_common import Blind4Set, Filter, interleaved, language, matching, what
from register_blind4_phrases import (
    ABSENT_SERVICES,
    BATCH_EN,
    BATCH_ZH,
    BY_EN,
    FROM_EN,
    FROM_ZH,
    GENAI_KIND,
    LOOKUP_WORDS,
    MONTH_EN,
    MONTH_ZH,
    SINCE_EN,
    SINCE_ZH,
    YEAR_EN,
    YEAR_ZH,
)
from register_data import PROVINCES, Row, plain
from register_gold import lookup_gold, month_en, month_zh
from register_heldout_common import Entity

LIST_SHARE_LONG = 0.25  # about one list in four may be longer than one answer (scored by its total)


def kind_filter(kind: str) -> Filter:
    """The kind as a Chinese condition and a test; its English word goes before the noun (`kind_prefix`)."""
    return Filter("", GENAI_KIND[kind][1], lambda r: kind in ("both", r.kind))


def kind_prefix(kind: str) -> str:
    """'filed ', 'registered ', or '' for both kinds (whose filters then say so after them)."""
    return "" if kind == "both" else GENAI_KIND[kind][0] + " "


def both_suffix(kind: str) -> Filter:
    return Filter(f" ({GENAI_KIND['both'][0]})" if kind == "both" else "", "", lambda r: True)


def time_filters(rows: list[Row]) -> list[Filter]:
    """By the listed date (a year, a month, a month and later) or by the batch the CAC published."""
    found = [
        Filter(YEAR_EN.format(year=y), YEAR_ZH.format(year=y), lambda r, y=y: (r.date or "")[:4] == y)
        for y in ("2024", "2025", "2026")
    ]
    for month in sorted({r.date[:7] for r in rows if r.date and r.date >= "2024-03"}):
        en, zh = month_en(month), month_zh(month)
        found.append(
            Filter(MONTH_EN.format(month=en), MONTH_ZH.format(month=zh), lambda r, m=month: (r.date or "")[:7] == m)
        )
        found.append(
            Filter(SINCE_EN.format(month=en), SINCE_ZH.format(month=zh), lambda r, m=month: (r.date or "")[:7] >= m)
        )
    for period in sorted({r.period for r in rows}):
        en, zh = month_en(period), month_zh(period)
        found.append(Filter(BATCH_EN.format(month=en), BATCH_ZH.format(month=zh), lambda r, p=period: r.period == p))
    return found


def place_filters(rows: list[Row]) -> list[Filter]:
    present = {r.province for r in rows}
    return [
        Filter(FROM_EN.format(place=p.english), FROM_ZH.format(place=p.short), lambda r, s=p.short: r.province == s)
        for p in PROVINCES
        if p.short in present
    ]


def subseries(kind: str) -> str:
    return {"filing": "genai-filing", "registration": "genai-registration"}.get(kind, "genai")


def _counts_and_lists(qs: Blind4Set, genai: list[Row], n_count: int, n_list: int) -> None:
    places, times = place_filters(genai), time_filters(genai)
    made = Counter()
    for _ in range(4000):
        if made["count"] >= n_count and made["list"] >= n_list:
            return
        type_ = "count" if made["count"] < n_count and (made["list"] >= n_list or qs.rng.random() < 0.5) else "list"
        kind = qs.choice(("filing", "registration", "both"))
        filters = [kind_filter(kind)]
        shape = qs.rng.random()
        if shape < 0.75:
            filters.append(qs.choice(places))
        if shape > 0.45:
            filters.append(qs.choice(times))
        if len(filters) == 1:
            continue
        rows = matching(genai, filters)
        if not rows or (type_ == "count" and not count_is_clear(rows)):
            continue
        if type_ == "list" and len(rows) > 20 and qs.rng.random() > LIST_SHARE_LONG:
            continue
        lang, variant = language(qs)
        en, zh = what("genai", [*filters, both_suffix(kind)], "服务", kind_prefix(kind))
        gold = {"count": len(rows)} if type_ == "count" else list_gold(rows)
        slots = {"what": en if lang == "en" else zh}
        if qs.ask(type_, type_, gold, lang, slots, rows, "genai", subseries(kind), variant):
            made[type_] += 1


def _unique_names(genai: list[Row], everything: list[Row]) -> list[Row]:
    """Services whose name is in one row of every series, and does not read as a company's name."""
    counts = Counter(plain(r.name) for r in everything)
    return [r for r in genai if r.name and counts[plain(r.name)] == 1 and "公司" not in r.name and r.number]


def _lookups(qs: Blind4Set, genai: list[Row], everything: list[Row], n: int) -> None:
    made = 0
    for row in qs.pick(_unique_names(genai, everything), 400):
        if made >= n:
            return
        lang, variant = language(qs)
        numword_en, kinded, numword_zh, kind_zh = LOOKUP_WORDS[row.kind]
        slots = (
            {"name": row.name, "numword": numword_en, "kinded": kinded}
            if lang == "en"
            else {"name": row.name, "numword": numword_zh, "kind": kind_zh}
        )
        gold = lookup_gold([row], row)
        if qs.ask("lookup", "lookup", gold, lang, slots, [row], "genai", subseries(row.kind), variant, (row.name,)):
            made += 1


def _english_names(
    qs: Blind4Set, genai: list[Row], known: list[Entity], others: list[OtherName], quotas: dict[str, int]
) -> None:
    """Questions that name an organisation or a service in English only (alias-table names and others)."""
    made = Counter()
    services = [e for e in known if e.field == "name"]
    for entity in qs.pick(services, len(services)):
        rows = entity.rows(genai)
        if made["lookup"] >= quotas["lookup"] or not rows or len({r.kind for r in rows}) != 1:
            continue
        numword, kinded, _, _ = LOOKUP_WORDS[rows[0].kind]
        gold = lookup_gold(rows, sorted(rows, key=lambda r: r.date or "")[0])
        slots = {"name": qs.choice(entity.writable()), "numword": numword, "kinded": kinded}
        if qs.ask(
            "lookup",
            "lookup",
            gold,
            "en",
            slots,
            rows,
            "genai",
            subseries(rows[0].kind),
            "english-name",
            entity.all_names,
        ):
            made["lookup"] += 1
    known_companies = [(e.all_names, qs.choice(e.writable()), e.rows(genai)) for e in known if e.field == "company"]
    other_companies = [((o.english, *o.companies), o.english, o.rows(genai)) for o in others]
    companies = interleaved(
        qs.pick(other_companies, len(other_companies)), qs.pick(known_companies, len(known_companies))
    )
    for names, spelling, rows in companies:
        kind = qs.choice(("filing", "registration", "both"))
        rows = [r for r in rows if kind in ("both", r.kind)]
        type_ = qs.choice(("count", "list"))
        if made[type_] >= quotas[type_] or not rows or (type_ == "count" and not count_is_clear(rows)):
            continue
        by = Filter(BY_EN.format(company=spelling), "", lambda r: True)
        en, _ = what("genai", [by, both_suffix(kind)], prefix_en=kind_prefix(kind))
        gold = {"count": len(rows)} if type_ == "count" else list_gold(rows)
        if qs.ask(type_, type_, gold, "en", {"what": en}, rows, "genai", subseries(kind), "english-name", names):
            made[type_] += 1


def _absent(qs: Blind4Set, everything: list[Row], spellings: tuple[str, ...], n: int) -> None:
    made = 0
    for name in qs.pick(list(ABSENT_SERVICES), len(ABSENT_SERVICES)):
        if made >= n:
            return
        if not absent(name, everything, spellings):
            qs.skipped["genai not_in_register: the name is in the data or the alias table"] += 1
            continue
        lang, variant = language(qs)
        variant = "english-name" if lang == "en" else variant
        if qs.ask(
            "not_in_register", "not_in_register", {}, lang, {"what": name}, None, "genai", "genai", variant, (name,)
        ):
            made += 1


def genai_questions(
    qs: Blind4Set,
    genai: list[Row],
    everything: list[Row],
    known: list[Entity],
    others: list[OtherName],
    spellings: tuple[str, ...],
) -> None:
    _counts_and_lists(qs, genai, n_count=20, n_list=20)
    _lookups(qs, genai, everything, n=22)
    _english_names(qs, genai, known, others, {"lookup": 8, "count": 6, "list": 8})
    _absent(qs, everything, spellings, n=16)
