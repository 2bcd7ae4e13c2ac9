"""The third blind set's generative-AI questions: lookups by service name and English name, counts and lists by
province, kind, date and batch, an English name's services, and services in no list.

Every gold is computed from `register_data.Row`s here. Reads no files and writes nothing.
"""

from __future__ import annotations

from collections import Counter

from register_blind2_common import OtherName, absent, count_is_clear, language, list_gold
from register_blind3_common import ALWAYS, Blind3Set, When, english_language, genai_whens, kind_slots, valid_number
from register_blind3_phrases import ABSENT_GENAI_EN, ABSENT_GENAI_ZH
from register_data import PROVINCES, Row
from register_gold import LIST_LIMIT, day_en, day_zh, lookup_gold
from register_heldout_common import Entity


def _variant(lang: str, variant: str, english: bool) -> str:
    return "english-name" if english and lang == "en" else variant


def lookups(qs: Blind3Set, genai: list[Row], want: int) -> None:
    """Services whose name is listed once, looked up by number, date or company."""
    once = Counter(r.name for r in genai)
    candidates = [r for r in genai if once[r.name] == 1 and valid_number(r.number) and r.name and r.date]
    made = 0
    for row in qs.round_robin({k: [r for r in candidates if r.kind == k] for k in ("filing", "registration")}):
        if made >= want:
            return
        shape = ("genai_number", "genai_when", "genai_who")[made % 3]
        lang, variant = language(qs)
        slots = {"name": row.name, **kind_slots(row.kind)}
        names = (row.name, row.company)
        made += qs.ask(shape, "lookup", lookup_gold([row], row), lang, slots, [row], variant=variant, names=names,
                       subseries=f"genai-{row.kind}")  # fmt: skip


def english_lookups(qs: Blind3Set, genai: list[Row], known: list[Entity], want: int) -> None:
    """Services known by an English name, with exactly one row."""
    made = 0
    for entity in qs.pick([e for e in known if e.field == "name"], len(known)):
        rows = entity.rows(genai)
        if made >= want or len(rows) != 1 or not valid_number(rows[0].number):
            continue
        lang, variant = english_language(qs)
        spelling = qs.choice(entity.writable())
        made += qs.ask("english_lookup", "lookup", lookup_gold(rows, rows[0]), lang, {"english": spelling}, rows,
                       variant=_variant(lang, variant, True), names=(spelling, *entity.chinese),
                       subseries=f"genai-{rows[0].kind}")  # fmt: skip


def counts(qs: Blind3Set, genai: list[Row], want_place: int, want_all: int) -> None:
    """Counts by province, kind and time, and nationwide by kind and time."""
    whens = genai_whens(genai)
    provinces = [p for p in PROVINCES if any(r.province == p.short for r in genai)]
    made = tries = 0
    while made < want_place and tries < 400:
        tries += 1
        place, kind = qs.choice(provinces), qs.choice(("filing", "registration"))
        when: When = qs.choice([ALWAYS, *whens])
        rows = [r for r in genai if r.province == place.short and r.kind == kind and when.test(r)]
        if not count_is_clear(rows):
            continue
        lang, variant = language(qs)
        slots = {"province": place.english if lang == "en" else place.short, "when": getattr(when, lang),
                 **kind_slots(kind)}  # fmt: skip
        made += qs.ask("genai_count_place", "count", {"count": len(rows)}, lang, slots, rows, variant=variant,
                       subseries=f"genai-{kind}")  # fmt: skip
    made = tries = 0
    while made < want_all and tries < 200:
        tries += 1
        kind, when = qs.choice(("filing", "registration")), qs.choice(whens)
        rows = [r for r in genai if r.kind == kind and when.test(r)]
        if not count_is_clear(rows):
            continue
        lang, variant = language(qs)
        slots = {"when": getattr(when, lang), **kind_slots(kind)}
        made += qs.ask("genai_count_all", "count", {"count": len(rows)}, lang, slots, rows, variant=variant,
                       subseries=f"genai-{kind}")  # fmt: skip


def lists(qs: Blind3Set, genai: list[Row], want_place: int, want_day: int) -> None:
    """Lists by province, kind and batch or month, and by the day of the listed date."""
    whens = genai_whens(genai)
    provinces = [p for p in PROVINCES if any(r.province == p.short for r in genai)]
    made = tries = 0
    while made < want_place and tries < 600:
        tries += 1
        place, kind, when = qs.choice(provinces), qs.choice(("filing", "registration")), qs.choice(whens)
        rows = [r for r in genai if r.province == place.short and r.kind == kind and when.test(r)]
        if not rows or (len(rows) > LIST_LIMIT and qs.rng.random() < 0.7):
            continue
        lang, variant = language(qs)
        slots = {"province": place.english if lang == "en" else place.short, "when": getattr(when, lang),
                 **kind_slots(kind)}  # fmt: skip
        made += qs.ask("genai_list_place", "list", list_gold(rows), lang, slots, rows, variant=variant,
                       subseries=f"genai-{kind}")  # fmt: skip
    by_day = Counter((r.date, r.kind) for r in genai if r.date)
    days = [key for key, n in by_day.items() if 2 <= n <= LIST_LIMIT and key[0] != "2024-01-17"]
    made = 0
    for date, kind in qs.pick(sorted(days), len(days)):
        if made >= want_day:
            return
        rows = [r for r in genai if r.date == date and r.kind == kind]
        lang, variant = language(qs)
        slots = {"day": day_en(date) if lang == "en" else day_zh(date), **kind_slots(kind)}
        made += qs.ask("genai_list_day", "list", list_gold(rows), lang, slots, rows, variant=variant,
                       subseries=f"genai-{kind}")  # fmt: skip


def by_english_name(
    qs: Blind3Set, genai: list[Row], known: list[Entity], others: list[OtherName], want_count: int, want_list: int
) -> None:
    """An organisation's generative-AI services, named in English (alias-table names and others), counted or listed."""
    subjects: list[tuple[str, tuple[str, ...], list[Row]]] = [
        (qs.choice(e.writable()), e.chinese, e.rows(genai)) for e in known if e.field == "company"
    ]
    subjects += [(o.english, (), o.rows(genai)) for o in others]
    subjects = [s for s in subjects if s[2]]
    ordered = qs.pick(subjects, len(subjects))
    ordered.sort(key=lambda s: not any(s[0] == o.english for o in others))  # the names the table lacks first
    made_count = made_list = 0
    for english, chinese, rows in ordered:
        lang, variant = english_language(qs)
        variant = _variant(lang, variant, True)
        names = (english, *chinese)
        if made_list < want_list and len({r.number for r in rows}) <= LIST_LIMIT:
            made_list += qs.ask("english_list", "list", list_gold(rows), lang, {"english": english}, rows,
                                series="genai", variant=variant, names=names)  # fmt: skip
        elif made_count < want_count and count_is_clear(rows) and len(rows) >= 2:
            made_count += qs.ask("english_count", "count", {"count": len(rows)}, lang, {"english": english}, rows,
                                 series="genai", variant=variant, names=names)  # fmt: skip


def not_in_register(qs: Blind3Set, everything: list[Row], spellings: tuple[str, ...], want: int) -> None:
    """Plausible services in no list of any series."""
    candidates = [(n, "en") for n in ABSENT_GENAI_EN] + [(n, "zh") for n in ABSENT_GENAI_ZH]
    made = 0
    for name, script in qs.pick(candidates, len(candidates)):
        if made >= want:
            return
        if not absent(name, everything, spellings):
            qs.skipped["genai not_in_register: the name is in the register"] += 1
            continue
        lang, variant = english_language(qs) if script == "en" else ("zh", language(qs)[1] or "")
        made += qs.ask("absent_genai", "not_in_register", {}, lang, {"name": name}, series="genai",
                       variant=_variant(lang, variant, script == "en"), names=(name,))  # fmt: skip


def genai_questions(
    qs: Blind3Set,
    genai: list[Row],
    everything: list[Row],
    known: list[Entity],
    others: list[OtherName],
    spellings: tuple[str, ...],
) -> None:
    lookups(qs, genai, 24)
    english_lookups(qs, genai, known, 8)
    counts(qs, genai, 14, 5)
    lists(qs, genai, 12, 6)
    by_english_name(qs, genai, known, others, 8, 10)
    not_in_register(qs, everything, spellings, 18)
