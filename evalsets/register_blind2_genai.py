"""The generative-AI questions of the second blind register set: lookups by a service's Chinese name or a
company's English name, counts and lists by province, kind, date or list, by day and by company, and names in
no list.

Subjects are drawn with the set's seeded generator from across the rows (any province, any list, services
nobody has heard of), those the tuned-on sets never name first. Every gold is computed here from the rows.
Writes nothing (see `build_register_blind2.py`).
"""

from __future__ import annotations

from collections import Counter

from register_blind2_common import Blind2Set, OtherName, absent, count_is_clear, day_words, genai_whens, language
from register_blind2_common import list_gold as distinct_list_gold
from register_blind2_phrases import ABSENT_EN, ABSENT_ZH, KIND, KINDS_EN, NUMBER
from register_data import PROVINCES, Row, plain
from register_gold import count_gold, lookup_gold
from register_heldout_common import Entity

_COMPANY_ENDINGS = ("公司", "院", "所", "社", "中心", "大学", "集团", "银行", "台", "局", "报")
_SUB = {"filing": "genai-filing", "registration": "genai-registration", "both": "genai"}


def _kind_rows(rows: list[Row], kind: str) -> list[Row]:
    return [r for r in rows if kind == "both" or r.kind == kind]


def _clear_service_rows(genai: list[Row], everything: list[Row]) -> list[Row]:
    """Rows whose service name is in no other row and inside no other name, with a company that reads as one."""
    counts = Counter(plain(r.name) for r in everything)
    all_names = "\n".join(sorted({plain(r.name) for r in everything}))
    return [
        r
        for r in genai
        if len(plain(r.name)) >= 3
        and counts[plain(r.name)] == 1
        and all_names.count(plain(r.name)) == 1
        and "公司" not in r.name
        and plain(r.company).endswith(_COMPANY_ENDINGS)
    ]


def lookups(qs: Blind2Set, genai: list[Row], everything: list[Row], n: int) -> None:
    by_kind = {
        k: [r for r in _clear_service_rows(genai, everything) if r.kind == k] for k in ("filing", "registration")
    }
    made = 0
    for row in qs.round_robin(by_kind, names_of=lambda r: (r.name,)):
        if made >= n:
            return
        lang, variant = language(qs)
        slots = {
            "name": row.name,
            "company": row.company,
            "kind": KIND[lang][row.kind],
            "number": NUMBER[lang][row.kind],
        }
        made += qs.ask(
            "g_lookup", "lookup", lookup_gold([row], row), lang, slots, [row], subseries=_SUB[row.kind],
            variant=variant, names=(row.name, row.company),
        )  # fmt: skip


def english_lookups(qs: Blind2Set, genai: list[Row], clear: list[Entity], others: list[OtherName], n: int) -> None:
    """Lookups by an English company name that has exactly one row of the kind asked."""
    subjects = [(e.writable()[0], e.all_names, e.rows(genai)) for e in clear if e.field == "company"]
    subjects += [(o.english, (o.english, *o.companies), o.rows(genai)) for o in others]
    candidates = [
        (english, names, kind_rows[0], kind)
        for english, names, rows in subjects
        for kind in ("filing", "registration")
        if len(kind_rows := _kind_rows(rows, kind)) == 1
    ]
    made = 0
    for english, names, row, kind in qs.unasked_first(candidates, lambda c: c[1]):
        if made >= n:
            return
        slots = {"english": english, "kind": KIND["en"][kind], "number": NUMBER["en"][kind]}
        made += qs.ask(
            "g_lookup_en", "lookup", lookup_gold([row], row), "en", slots, [row], subseries=_SUB[kind],
            variant="english-name", names=names,
        )  # fmt: skip


def place_questions(qs: Blind2Set, genai: list[Row], type_: str, n: int) -> None:
    """Counts or lists by province, kind (filed, registered or both) and a time filter, drawn at random."""
    whens = genai_whens(genai)
    provinces = [p for p in PROVINCES if any(r.province == p.short for r in genai)]
    made = 0
    for _ in range(40 * n):
        if made >= n:
            return
        place, kind, when = qs.choice(provinces), qs.choice(("filing", "registration", "both")), qs.choice(whens)
        rows = [r for r in _kind_rows(genai, kind) if r.province == place.short and when.test(r)]
        if not count_is_clear(rows) or (type_ == "list" and len(rows) > 20) or (type_ == "count" and len(rows) < 2):
            continue
        lang, variant = language(qs)
        slots = {
            "place": place.english if lang == "en" else place.short,
            "kind": KIND[lang][kind],
            "kinds": KINDS_EN[kind],
            "when": when.en if lang == "en" else when.zh,
        }
        gold = count_gold(rows) if type_ == "count" else distinct_list_gold(rows)
        shape = "g_count_place" if type_ == "count" else "g_list_place"
        made += qs.ask(
            shape, type_, gold, lang, slots, rows, subseries=_SUB[kind], variant=variant,
            names=(place.short, place.english),
        )  # fmt: skip


def day_counts(qs: Blind2Set, genai: list[Row], n: int) -> None:
    days = sorted({r.date for r in genai if r.date})
    made = 0
    for _ in range(40 * n):
        if made >= n:
            return
        day, kind = qs.choice(days), qs.choice(("filing", "registration", "both"))
        rows = [r for r in _kind_rows(genai, kind) if r.date == day]
        if len(rows) < 2:
            continue
        lang, variant = language(qs)
        en, zh = day_words(day)
        slots = {"day": en if lang == "en" else zh, "kind": KIND[lang][kind], "kinds": KINDS_EN[kind]}
        made += qs.ask(
            "g_count_day", "count", count_gold(rows), lang, slots, rows, subseries=_SUB[kind], variant=variant,
            names=(zh,),
        )  # fmt: skip


def company_questions(
    qs: Blind2Set, genai: list[Row], clear: list[Entity], others: list[OtherName], type_: str, n: int
) -> None:
    """Counts or lists of an English-named company's generative-AI rows, of one kind or both."""
    subjects = [(e.writable()[0], e.all_names, e.rows(genai)) for e in clear if e.field == "company"]
    subjects += [(o.english, (o.english, *o.companies), o.rows(genai)) for o in others]
    candidates = [
        (english, names, kind_rows, kind)
        for english, names, rows in subjects
        for kind in ("filing", "registration", "both")
        if (kind_rows := _kind_rows(rows, kind)) and (type_ == "count" or len(kind_rows) <= 20)
    ]
    made = 0
    for english, names, rows, kind in qs.unasked_first(candidates, lambda c: c[1]):
        if made >= n:
            return
        gold = count_gold(rows) if type_ == "count" else distinct_list_gold(rows)
        shape = "g_count_company" if type_ == "count" else "g_list_company"
        slots = {"english": english, "kind": KIND["en"][kind], "kinds": KINDS_EN[kind]}
        made += qs.ask(shape, type_, gold, "en", slots, rows, subseries=_SUB[kind], variant="english-name", names=names)


def absent_questions(qs: Blind2Set, everything: list[Row], aliases: tuple[str, ...]) -> None:
    """Names in no list: English organisations and products, and Chinese names (some of them made up). About
    half the organisations are asked about as algorithm filers instead."""
    for i, (english, chinese) in enumerate(ABSENT_EN):
        shape, series = ("a_absent", "algorithm+deep-synthesis") if chinese and i % 2 else ("absent", "genai")
        if absent(english, everything, aliases, chinese):
            qs.ask(
                shape, "not_in_register", {}, "en", {"name": english}, series=series, variant="english-name",
                names=(english, *chinese),
            )  # fmt: skip
    for i, name in enumerate(ABSENT_ZH):
        shape, series = ("a_absent", "algorithm+deep-synthesis") if i < 5 and i % 2 == 0 else ("absent", "genai")
        if absent(name, everything, aliases):
            _, variant = language(qs)
            qs.ask(shape, "not_in_register", {}, "zh", {"name": name}, series=series, variant=variant, names=(name,))


def genai_questions(
    qs: Blind2Set,
    genai: list[Row],
    everything: list[Row],
    clear: list[Entity],
    others: list[OtherName],
    aliases: tuple[str, ...],
) -> None:
    lookups(qs, genai, everything, 22)
    english_lookups(qs, genai, clear, others, 6)
    place_questions(qs, genai, "count", 15)
    day_counts(qs, genai, 4)
    company_questions(qs, genai, clear, others, "count", 6)
    place_questions(qs, genai, "list", 14)
    company_questions(qs, genai, clear, others, "list", 6)
    absent_questions(qs, everything, aliases)
