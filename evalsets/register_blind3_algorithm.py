"""The third blind set's questions on the algorithm and deep-synthesis lists: lookups by algorithm name, counts
by province, class or role and list, a company's filings, an English name's filings, cancelled filings, renamed
companies, and names in no list.

Every gold is computed from `register_data.Row`s here. Reads no files and writes nothing.
"""

from __future__ import annotations

from collections import Counter

from register_blind2_common import OtherName, absent, count_is_clear, distinct, language, list_gold, series_of
from register_blind3_common import ALWAYS, Blind3Set, english_language, list_whens, valid_number
from register_blind3_phrases import ABSENT_ALGORITHM, CATEGORY_EN, SERIES_WORDS
from register_data import PROVINCES, Row, renames
from register_gold import LIST_LIMIT, lookup_gold, month_en, month_zh
from register_heldout_common import Entity

SERIES = ("algorithm", "deep-synthesis")


def _series_slots(series: str, lang: str) -> dict[str, str]:
    words = SERIES_WORDS[series]
    return {"series": words["en" if lang == "en" else "zh"], "series_one": words["one"]}


def lookups(qs: Blind3Set, lists: list[Row], want: int) -> None:
    """Algorithms whose name is listed once in all lists."""
    once = Counter(r.name for r in lists)
    candidates = [r for r in lists if once[r.name] == 1 and valid_number(r.number) and len(r.name) >= 4]
    made = 0
    for row in qs.round_robin({s: [r for r in candidates if r.series == s] for s in SERIES}):
        if made >= want:
            return
        lang, variant = language(qs)
        made += qs.ask("algo_number", "lookup", lookup_gold([row], row), lang, {"name": row.name}, [row],
                       variant=variant, names=(row.name, row.company))  # fmt: skip


def counts(qs: Blind3Set, lists: list[Row], want_place: int, want_class: int) -> None:
    """Counts by series, province and list; and by class (algorithm) or role (deep synthesis)."""
    made = tries = 0
    while made < want_place and tries < 400:
        tries += 1
        series, place = qs.choice(SERIES), qs.choice(PROVINCES)
        when = qs.choice([ALWAYS, *list_whens([r for r in lists if r.series == series])])
        rows = [r for r in lists if r.series == series and r.province == place.short and when.test(r)]
        if not count_is_clear(rows):
            continue
        lang, variant = language(qs)
        slots = {"province": place.english if lang == "en" else place.short, "when": getattr(when, lang),
                 **_series_slots(series, lang)}  # fmt: skip
        made += qs.ask("algo_count_place", "count", {"count": len(rows)}, lang, slots, rows, variant=variant)
    made = tries = 0
    while made < want_class and tries < 400:
        tries += 1
        series = qs.choice(SERIES)
        here = [r for r in lists if r.series == series]
        category = qs.choice(sorted({r.category for r in here if r.category in CATEGORY_EN}))
        when = qs.choice(list_whens(here))
        rows = [r for r in here if r.category == category and when.test(r)]
        if not count_is_clear(rows):
            continue
        lang, variant = language(qs)
        slots = {"category": CATEGORY_EN[category] if lang == "en" else category, "when": getattr(when, lang),
                 **_series_slots(series, lang)}  # fmt: skip
        made += qs.ask("algo_count_class", "count", {"count": len(rows)}, lang, slots, rows, variant=variant)


def company_lists(qs: Blind3Set, lists: list[Row], want: int) -> None:
    """A company's filings in one series (two to twenty of them)."""
    groups = Counter((r.series, r.company) for r in lists)
    subjects = sorted(key for key, n in groups.items() if 2 <= n <= LIST_LIMIT)
    made = 0
    for series, company in qs.pick(subjects, len(subjects)):
        if made >= want:
            return
        rows = [r for r in lists if r.series == series and r.company == company]
        lang, variant = language(qs)
        slots = {"company": company, **_series_slots(series, lang)}
        made += qs.ask("algo_list_company", "list", list_gold(rows), lang, slots, rows, variant=variant,
                       names=(company,))  # fmt: skip


def english_lists(qs: Blind3Set, lists: list[Row], known: list[Entity], others: list[OtherName], want: int) -> None:
    """Everything an organisation named in English has in the two algorithm series."""
    subjects = [(o.english, (), o.rows(lists)) for o in others]
    subjects += [(qs.choice(e.writable()), e.chinese, e.rows(lists)) for e in known if e.field == "company"]
    made = 0
    for english, chinese, rows in subjects:
        if made >= want:
            return
        if not rows or len({r.number for r in rows}) > LIST_LIMIT:
            continue
        lang, variant = english_language(qs)
        made += qs.ask("english_algo_list", "list", list_gold(distinct(rows)), lang, {"english": english}, rows,
                       variant="english-name" if lang == "en" else variant, names=(english, *chinese))  # fmt: skip


def cancelled(qs: Blind3Set, lists: list[Row], want: int) -> None:
    """Cancelled (已注销) filings, by company and by province and series."""
    gone = [r for r in lists if r.cancelled and valid_number(r.number)]
    made = 0
    for company in qs.pick(sorted({r.company for r in gone}), len(gone)):
        if made >= want // 2 + 1:
            break
        rows = [r for r in gone if r.company == company]
        lang, variant = language(qs)
        made += qs.ask("cancelled_company", "cancelled", list_gold(rows), lang, {"company": company}, rows,
                       variant=variant, names=(company,))  # fmt: skip
    periods = sorted({(r.series, r.period) for r in gone})
    for series, period in qs.pick(periods, len(periods)):
        if made >= want * 2 // 3:
            break
        rows = [r for r in gone if r.series == series and r.period == period]
        lang, variant = language(qs)
        slots = {"month": month_en(period) if lang == "en" else month_zh(period), **_series_slots(series, lang)}
        made += qs.ask("cancelled_list", "cancelled", list_gold(rows), lang, slots, rows, variant=variant)
    places = sorted({(r.series, r.province) for r in gone if r.province})
    for series, short in qs.pick(places, len(places)):
        if made >= want:
            return
        place = next(p for p in PROVINCES if p.short == short)
        rows = [r for r in gone if r.series == series and r.province == short]
        lang, variant = language(qs)
        slots = {"province": place.english if lang == "en" else short, **_series_slots(series, lang)}
        made += qs.ask("cancelled_place", "cancelled", list_gold(rows), lang, slots, rows, variant=variant)


def renamed(qs: Blind3Set, lists: list[Row], want: int) -> None:
    """Companies renamed in a row's remarks, asked both ways round."""
    pairs = renames(lists)
    news = Counter(pairs.values())
    clear = [(o, n) for o, n in pairs.items() if news[n] == 1 and o not in pairs.values()]
    made = 0
    for old, new in qs.pick(clear, len(clear)):
        if made >= want:
            return
        rows = [r for r in lists if old in r.remarks and new in r.remarks]
        lang, variant = language(qs)
        if made % 2:
            made += qs.ask("renamed_old", "renamed", {"company": old}, lang, {"new": new}, rows,
                           series=series_of(rows), variant=variant, names=(old, new))  # fmt: skip
        else:
            made += qs.ask("renamed_new", "renamed", {"company": new}, lang, {"old": old}, rows,
                           series=series_of(rows), variant=variant, names=(old, new))  # fmt: skip


def not_in_register(qs: Blind3Set, everything: list[Row], spellings: tuple[str, ...], want: int) -> None:
    made = 0
    for name in qs.pick(list(ABSENT_ALGORITHM), len(ABSENT_ALGORITHM)):
        if made >= want:
            return
        if not absent(name, everything, spellings):
            qs.skipped["algorithm not_in_register: the name is in the register"] += 1
            continue
        lang, variant = english_language(qs)
        made += qs.ask("absent_algorithm", "not_in_register", {}, lang, {"name": name},
                       series="algorithm+deep-synthesis", variant="english-name" if lang == "en" else variant,
                       names=(name,))  # fmt: skip


def algorithm_questions(
    qs: Blind3Set,
    lists: list[Row],
    everything: list[Row],
    known: list[Entity],
    others: list[OtherName],
    spellings: tuple[str, ...],
) -> None:
    lookups(qs, lists, 22)
    counts(qs, lists, 13, 7)
    company_lists(qs, lists, 12)
    english_lists(qs, lists, known, others, 8)
    cancelled(qs, lists, 14)
    renamed(qs, lists, 13)
    not_in_register(qs, everything, spellings, 12)
