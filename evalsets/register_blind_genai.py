"""The blind set's questions on the generative-AI register (filings 备案 and registrations 登记): lookups of
services by their Chinese and English names, counts and lists by province, kind and time, a company's services
by its English name, English names the alias table lacks, and names in no list. Every gold is computed here
from `register_data.Row`s; subjects are drawn with the set's seeded generator over all rows, not the famous
ones only. It reads no files and writes nothing (see `build_register_blind.py`).
"""

from __future__ import annotations

from collections import defaultdict

from register_blind_common import (
    ABSENT_EN,
    ABSENT_ZH,
    OTHER_ENGLISH_NAMES,
    BlindSet,
    absent,
    day_words,
    genai_whens,
    language,
)
from register_data import PROVINCES, EnglishName, Row, plain
from register_gold import count_gold, list_gold, lookup_gold
from register_heldout_common import Entity

KINDS = ("filing", "registration", "both")
_ENGLISH_PROVINCE = {p.short: p.english for p in PROVINCES}
_ISSUE_DAY = "2024-01-17"  # the issue's January 2024 batch: the README and the tests ask it


def _of_kind(rows: list[Row], kind: str) -> list[Row]:
    return rows if kind == "both" else [r for r in rows if r.kind == kind]


def _subseries(kind: str) -> str:
    return {"filing": "genai-filing", "registration": "genai-registration"}.get(kind, "genai-both")


def _unique_names(genai: list[Row]) -> dict[str, list[Row]]:
    """Service names that stand for one service: at least four characters, not a company's name, in no other
    service's name, at most two rows."""
    groups: dict[str, list[Row]] = defaultdict(list)
    for row in genai:
        groups[plain(row.name)].append(row)
    companies = {plain(r.company) for r in genai}
    names = list(groups)
    return {
        name: rows
        for name, rows in groups.items()
        if len(name) >= 4
        and len(rows) <= 2
        and name not in companies
        and "公司" not in name
        and not any(name != other and name in other for other in names)
    }


def lookups(qs: BlindSet, genai: list[Row], n: int) -> None:
    groups = _unique_names(genai)
    asked = 0
    for i, name in enumerate(qs.pick(sorted(groups), len(groups))):
        if asked >= n:
            return
        rows = sorted(groups[name], key=lambda r: (r.date or "", r.number))
        lang, variant = language(qs, i)
        slots = {"name": rows[0].name}
        if qs.ask(
            "lookup_service", "lookup", lookup_gold(rows, rows[0]), "genai", lang, slots, _subseries(rows[0].kind),
            variant, names=(rows[0].name,), hurried=True,
        ):  # fmt: skip
            asked += 1


def english_lookups(qs: BlindSet, genai: list[Row], services: list[Entity], n: int) -> None:
    asked = 0
    for entity in qs.pick(services, len(services)):
        rows = sorted(entity.rows(genai), key=lambda r: (r.date or "", r.number))
        if asked >= n or not 1 <= len(rows) <= 4:
            continue
        slots = {"name": qs.choice(entity.writable())}
        if qs.ask(
            "lookup_english", "lookup", lookup_gold(rows, rows[0]), "genai", "en", slots, _subseries(rows[0].kind),
            "english-name", names=entity.all_names,
        ):  # fmt: skip
            asked += 1


def counts_and_lists(qs: BlindSet, genai: list[Row], n_counts: int, n_lists: int, n_days: int) -> None:
    """Counts by province (and over all China) and lists by province, each with a kind and a time filter."""
    whens = genai_whens(genai)
    provinces = sorted({r.province for r in genai if r.province in _ENGLISH_PROVINCE})
    made = {"count": 0, "list": 0, "all": 0}
    for attempt in range(4000):
        if made["count"] >= n_counts and made["list"] >= n_lists:
            break
        type_ = "count" if made["count"] < n_counts and (attempt % 2 or made["list"] >= n_lists) else "list"
        kind, when = qs.choice(KINDS), qs.choice(whens)
        nationwide = type_ == "count" and when.en and made["all"] < n_counts // 3 and qs.rng.random() < 0.3
        province = "" if nationwide else qs.choice(provinces)
        rows = [r for r in _of_kind(genai, kind) if when.test(r) and (nationwide or r.province == province)]
        if not rows or (type_ == "list" and (len(rows) > 20 or not when.en)):
            continue
        lang, variant = language(qs, attempt)
        slots = {
            "kind": qs.kind(lang, kind),
            "when": when.en if lang == "en" else when.zh,
            "province": _ENGLISH_PROVINCE.get(province, "") if lang == "en" else province,
        }
        shape = "count_time" if nationwide else f"{type_}_province"
        gold = count_gold(rows) if type_ == "count" else list_gold(rows)
        if qs.ask(shape, type_, gold, "genai", lang, slots, _subseries(kind), variant, rows=rows):
            made[type_] += 1
            made["all"] += bool(nationwide)
    _days(qs, genai, n_days)


def _days(qs: BlindSet, genai: list[Row], n: int) -> None:
    by_day: dict[str, list[Row]] = defaultdict(list)
    for row in genai:
        if row.date:
            by_day[row.date].append(row)
    days = [d for d, rows in sorted(by_day.items()) if 2 <= len(rows) <= 15 and d != _ISSUE_DAY]
    for i, day in enumerate(qs.pick(days, n)):
        lang, variant = language(qs, i + 1)
        en, zh = day_words(day)
        kinds = {r.kind for r in by_day[day]}
        sub = _subseries(next(iter(kinds))) if len(kinds) == 1 else "genai-both"
        slots = {"day": en if lang == "en" else zh}
        qs.ask("list_day", "list", list_gold(by_day[day]), "genai", lang, slots, sub, variant, rows=by_day[day])


def companies(qs: BlindSet, genai: list[Row], clear: list[Entity], n_counts: int, n_lists: int) -> None:
    """A company's generative-AI services by its English name from the alias table (either kind)."""
    made = {"count": 0, "list": 0}
    for i, entity in enumerate(qs.pick(clear, len(clear))):
        rows = entity.rows(genai)
        type_ = "list" if i % 2 and 1 <= len(rows) <= 20 else "count"
        if made[type_] >= (n_lists if type_ == "list" else n_counts):
            continue
        gold = list_gold(rows) if type_ == "list" else count_gold(rows)
        slots = {"company": qs.choice(entity.writable())}
        if qs.ask(
            f"{type_}_company", type_, gold, "genai", "en", slots, "genai-both", "english-name",
            names=entity.all_names, rows=rows or None,
        ):  # fmt: skip
            made[type_] += 1


def other_names(qs: BlindSet, genai: list[Row], everything: list[Row], aliases: tuple[EnglishName, ...]) -> None:
    """English names the alias table lacks: their services when they have any, else not in the register."""
    spellings = tuple(a.english for a in aliases)
    for other in OTHER_ENGLISH_NAMES:
        rows = other.rows(genai)
        slots = {"company": other.english, "name": other.english}
        if rows:
            type_ = "list" if len(rows) <= 20 else "count"
            gold = list_gold(rows) if type_ == "list" else count_gold(rows)
            qs.ask(f"{type_}_company", type_, gold, "genai", "en", slots, "genai-both", "english-name",
                   names=(other.english,), rows=rows)  # fmt: skip
        elif not other.rows(everything) and absent(other.english, everything, spellings, other.chinese):
            qs.ask("absent_service", "not_in_register", {}, "genai", "en", slots, "genai-both", "english-name",
                   names=(other.english,))  # fmt: skip


def absent_names(qs: BlindSet, everything: list[Row], aliases: tuple[EnglishName, ...], n_en: int, n_zh: int) -> None:
    spellings = tuple(a.english for a in aliases)
    for names, lang, n in ((ABSENT_EN, "en", n_en), (ABSENT_ZH, "zh", n_zh)):
        kept = [name for name in names if absent(name, everything, spellings)]
        asked = 0
        for i, name in enumerate(kept):
            if asked >= n:
                break
            variant = "english-name" if lang == "en" else ("traditional" if i % 3 == 1 else "")
            slots = {"name": name}
            asked += qs.ask("absent_service", "not_in_register", {}, "genai", lang, slots, "genai-both", variant,
                            names=(name,), hurried=True)  # fmt: skip


def blind_genai_questions(
    qs: BlindSet, genai: list[Row], everything: list[Row], aliases: tuple[EnglishName, ...], known: list[Entity],
    clear: list[Entity],
) -> None:  # fmt: skip
    """About 115 questions on the generative-AI register, in a fixed order."""
    lookups(qs, genai, 30)
    english_lookups(qs, genai, [e for e in clear if e.field == "name"], 10)
    counts_and_lists(qs, genai, n_counts=26, n_lists=14, n_days=6)
    companies(qs, genai, [e for e in clear if e.field == "company"], n_counts=8, n_lists=8)
    other_names(qs, genai, everything, aliases)
    absent_names(qs, everything, aliases, n_en=14, n_zh=11)
