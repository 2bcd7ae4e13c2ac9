"""Held-out questions on the generative-AI register (filings 备案 and registrations 登记): lookups, lists, counts
and names in no list, in English, Simplified and Traditional Chinese, with English names from the alias table.

The phrasing here is new and was written without looking at the bot's question parser or at the development
set's questions; the gold is computed from `register_data` rows. It reads and writes no files.

Conventions, as in the development set's README: "filed" is a filing (备案), "registered" a registration (登记);
"filed in March 2025" and "dated" mean the row's date, "the March 2025 list" the list published that month.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from pypinyin import lazy_pinyin
from register_data import CENTRAL_SOE, EnglishName, Row, plain, province
from register_gold import count_gold, day_en, day_zh, list_gold, lookup_gold, month_en, month_zh
from register_heldout_common import (
    KIND_EN,
    KIND_NOUN_EN,
    KIND_ZH,
    NUMBER_EN,
    NUMBER_ZH,
    Entity,
    HeldoutSet,
    absent_everywhere,
    clear_entities,
)
from register_heldout_phrases import GENAI as T
from register_heldout_phrases import say

SERIES = "genai"
# What the issue's own examples ask (the README and the tests use them), left to them: the January 2024 batch
# (14 services dated 17 January 2024, 25 filings dated January 2024) and the filings from Shanghai (188).
ISSUE_DAY, ISSUE_MONTH = "2024-01-17", "2024-01"
ISSUE_PROVINCE_KIND = ("上海", "filing")
# Foreign services a user might ask about; those found anywhere in the register are dropped by the check.
ABSENT = (
    "Google Bard", "Bing Chat", "Copy.ai", "Ideogram", "Otter.ai", "Wordtune", "Notion AI", "Tabnine", "Codeium",
    "Amazon Q", "Samsung Gauss", "Naver HyperCLOVA", "Yandex GPT", "GigaChat", "Einstein GPT", "Duet AI",
    "Replit Ghostwriter", "YouChat", "Mistral AI", "QuillBot", "Writesonic", "NovelAI", "Cohere", "Beautiful.ai",
    "Fireflies.ai", "Descript",
)  # fmt: skip


def _unique_names(genai: list[Row], everything: list[Row]) -> list[Row]:
    """Rows whose service name is distinctive: one company, no other name contains it, not a company name."""
    by_name: dict[str, list[Row]] = defaultdict(list)
    for row in genai:
        by_name[plain(row.name)].append(row)
    joined = "\n".join({plain(r.name) for r in everything})  # a name found once here is inside no other name
    keep = []
    for name, rows in by_name.items():
        if len(name) < 3 or "公司" in name or len({r.company for r in rows}) > 1 or joined.count(name) != 1:
            continue
        keep.append(rows[0])
    return keep


def _lookups(qs: HeldoutSet, genai: list[Row], everything: list[Row], n: int) -> None:
    rows = _unique_names(genai, everything)
    made = 0
    for row in qs.unasked_first(rows, lambda r: (r.name,)):
        same = [r for r in genai if r.name == row.name]
        place = province(row.province)
        fields = dict(
            name=row.name,
            verb_en=KIND_EN[row.kind],
            verb_zh=KIND_ZH[row.kind],
            number_en=NUMBER_EN[row.kind],
            number_zh=NUMBER_ZH[row.kind],
            company=row.company,
        )
        templates = T["lookup_name"] if place else T["lookup_name_noplace"]
        question, lang, variant = say(qs, templates, fields)
        made += qs.offer(question, "lookup", lookup_gold(same, row), SERIES, lang, variant, (row.name, row.company))
        if made == n:
            return


def _pinyin_lookups(qs: HeldoutSet, genai: list[Row], everything: list[Row], n: int) -> None:
    """Names written in pinyin the way the numbers spell them (Beijing-WenXinYiYan-…), kept only when the
    number's pinyin is the name's own and no other number carries it."""
    segments = [r.number.split("-")[1].lower() for r in genai if r.number.count("-") >= 2]
    rows = []
    for row in _unique_names(genai, everything):
        parts = row.number.split("-")
        spelled = "".join(p.capitalize() for p in lazy_pinyin(row.name))
        if len(parts) >= 3 and parts[1] == spelled and len(spelled) >= 10 and segments.count(spelled.lower()) == 1:
            rows.append(row)
    made = 0
    for row in qs.unasked_first(rows, lambda r: (r.name, r.number.split("-")[1])):
        spelled = row.number.split("-")[1]
        written = qs.choice((spelled, spelled, spelled.lower()))
        template = qs.choice(T["lookup_pinyin"])
        question = template.format(pinyin=written, verb_en=KIND_EN[row.kind])
        same = [r for r in genai if r.name == row.name]
        made += qs.offer(
            question, "lookup", lookup_gold(same, row), SERIES, "en", "pinyin", (row.name, spelled, row.company)
        )
        if made == n:
            return


def _english_lookups(qs: HeldoutSet, genai: list[Row], clear: list[Entity], n: int) -> None:
    usable = [e for e in clear if 1 <= len(e.rows(genai)) <= 3]
    made = 0
    for entity in qs.unasked_first(usable, lambda e: e.spellings):
        rows = sorted(entity.rows(genai), key=lambda r: (r.date or "", r.number))
        english = qs.choice(entity.writable())
        template = qs.choice(T["lookup_english"])
        question = qs.casual(template.format(en=english), (english,))
        made += qs.offer(question, "lookup", lookup_gold(rows, rows[0]), SERIES, "en", "english-name", entity.all_names)
        if made == n:
            return


def _english_lists_and_counts(qs: HeldoutSet, genai: list[Row], clear: list[Entity], lists: int, counts: int) -> None:
    """Lists and counts by English name: all of an entity's services, or only its filings or registrations."""
    usable = [e for e in clear if len(e.rows(genai)) >= 2]
    made_lists = made_counts = 0
    for entity in qs.unasked_first(usable, lambda e: e.spellings):
        rows = entity.rows(genai)
        english = qs.choice(entity.writable())
        kinds = [k for k in ("filing", "registration") if any(r.kind == k for r in rows)]
        kind = qs.choice([*kinds, "both"]) if len(kinds) == 2 else qs.choice([kinds[0], "both"])
        chosen = rows if kind == "both" else [r for r in rows if r.kind == kind]
        if made_lists < lists and (made_lists <= made_counts or made_counts == counts):
            template = qs.choice(T["list_english_" + ("both" if kind == "both" else "kind")])
            question = qs.casual(template.format(en=english, verb_en=KIND_EN.get(kind, "")), (english,))
            made_lists += qs.offer(
                question, "list", list_gold(chosen), SERIES, "en", "english-name", entity.all_names, chosen
            )
        elif made_counts < counts:
            template = qs.choice(T["count_english_" + ("both" if kind == "both" else "kind")])
            question = qs.casual(template.format(en=english, verb_en=KIND_EN.get(kind, "")), (english,))
            made_counts += qs.offer(
                question, "count", count_gold(chosen), SERIES, "en", "english-name", entity.all_names, chosen
            )
        if made_lists == lists and made_counts == counts:
            return


def _none_yet(qs: HeldoutSet, genai: list[Row], everything: list[Row], all_entities: list[Entity], n: int) -> None:
    """Companies known from the other lists with no generative-AI service at all: a count of 0, not an absence."""
    usable = [
        e
        for e in all_entities
        if e.field == "company"
        and not e.rows(genai)
        and e.rows(everything)
        and not any(c and (c in r.name or c in r.company) for r in genai for c in e.chinese)
    ]
    made = 0
    for entity in qs.unasked_first(usable, lambda e: e.spellings):
        english = qs.choice(entity.writable())
        question = qs.casual(qs.choice(T["count_none"]).format(en=english), (english,))
        made += qs.offer(question, "count", {"count": 0}, SERIES, "en", "english-name", entity.all_names)
        if made == n:
            return


def _company_lists(qs: HeldoutSet, genai: list[Row], n: int) -> None:
    """Lists by the company's full Chinese name, as a user pastes it."""
    swapped = {plain(r.name) for r in genai}
    by_company: dict[str, list[Row]] = defaultdict(list)
    for row in genai:
        by_company[row.company].append(row)
    usable = [c for c, rows in by_company.items() if 2 <= len(rows) <= 20 and plain(c) not in swapped]
    made = 0
    for company in qs.unasked_first(sorted(usable), lambda c: (c,)):
        question, lang, variant = say(qs, T["list_company"], dict(company=company))
        made += qs.offer(
            question, "list", list_gold(by_company[company]), SERIES, lang, variant, (company,), by_company[company]
        )
        if made == n:
            return


def _place_names(short: str) -> tuple[str, ...]:
    place = province(short)
    return (place.short, place.english) if place else (short,)


def _place_fields(short: str) -> dict[str, str]:
    place = province(short)
    return dict(prov_zh=place.short, prov_en=place.english) if place else {}


def _date_lists(qs: HeldoutSet, genai: list[Row], n: int) -> None:
    """Filings or registrations of one province dated in one month, of one day, or in one province's list."""
    groups: dict[tuple, list[Row]] = defaultdict(list)
    for row in genai:
        if province(row.province):
            if row.date[:7] != ISSUE_MONTH:
                groups[("month", row.province, row.kind, row.date[:7])].append(row)
            groups[("list", row.province, "both", row.period)].append(row)
        if row.date[:7] != ISSUE_MONTH:
            groups[("day", "", row.kind, row.date)].append(row)
    usable: dict[str, list[tuple]] = defaultdict(list)
    for key, rows in sorted(groups.items()):
        if 2 <= len(rows) <= 20:
            usable[key[0]].append(key)
    made, spread = 0, Counter()
    for key in qs.round_robin(usable):
        how, short, kind, when = key
        if spread[short or when] == 2:
            continue
        fields = dict(_place_fields(short), verb_en=KIND_EN.get(kind, ""), verb_zh=KIND_ZH.get(kind, ""))
        if how == "day":
            fields.update(day_en=day_en(when), day_zh=day_zh(when))
        else:
            fields.update(month_en=month_en(when), month_zh=month_zh(when))
        question, lang, variant = say(qs, T[f"list_{how}"], fields)
        names = _place_names(short) if short else (day_en(when), day_zh(when))
        if qs.offer(question, "list", list_gold(groups[key]), SERIES, lang, variant, names, groups[key]):
            made, spread[short or when] = made + 1, spread[short or when] + 1
        if made == n:
            return


def _count_asks(genai: list[Row]) -> dict[str, list[tuple[str, dict, list[Row], tuple[str, ...]]]]:
    """Every count this set may ask, by phrasing family: (template, fields, rows, names it is about)."""
    periods = sorted({r.period for r in genai})
    asks: dict[str, list] = defaultdict(list)
    for short in sorted({r.province for r in genai if province(r.province)}):
        for kind in ("filing", "registration", "both"):
            rows = [r for r in genai if r.province == short and (kind == "both" or r.kind == kind)]
            family = "count_province_both" if kind == "both" else "count_province_kind"
            fields = dict(_place_fields(short), verb_en=KIND_EN.get(kind, ""), verb_zh=KIND_ZH.get(kind, ""))
            if rows and (short, kind) != ISSUE_PROVINCE_KIND:
                asks[family].append((family, fields, rows, _place_names(short)))
        for year in sorted({r.year for r in genai if r.province == short}):
            for kind in ("filing", "registration"):
                rows = [r for r in genai if r.province == short and r.kind == kind and r.year == year]
                fields = dict(_place_fields(short), year=year, verb_en=KIND_EN[kind], verb_zh=KIND_ZH[kind])
                if len(rows) >= 2:
                    asks["count_province_year"].append(("count_province_year", fields, rows, _place_names(short)))
    for kind in ("filing", "registration"):
        words = dict(verb_en=KIND_EN[kind], verb_zh=KIND_ZH[kind], noun_en=KIND_NOUN_EN[kind])
        for year in sorted({r.year for r in genai}):
            rows = [r for r in genai if r.kind == kind and r.year == year]
            asks["count_year"].append(("count_year", dict(words, year=year), rows, (str(year),)))
        for month in sorted({r.date[:7] for r in genai}):
            fields = dict(words, month_en=month_en(month), month_zh=month_zh(month))
            names = (month_en(month), month_zh(month))
            rows = [r for r in genai if r.kind == kind and r.date.startswith(month)]
            after = [r for r in genai if r.kind == kind and r.date >= month + "-01"]
            before = [r for r in genai if r.kind == kind and r.date < month + "-01"]
            if rows and month != ISSUE_MONTH:
                asks["count_month"].append(("count_month", fields, rows, names))
            if after and before:
                asks["count_since"].append(("count_since", fields, after, names))
                asks["count_before"].append(("count_before", fields, before, names))
        for period in periods:
            rows = [r for r in genai if r.kind == kind and r.period == period]
            fields = dict(words, month_en=month_en(period), month_zh=month_zh(period))
            if rows:
                asks["count_list"].append(("count_list", fields, rows, (month_en(period), month_zh(period))))
        latest = [r for r in genai if r.kind == kind and r.period == periods[-1]]
        names = ("latest", "最新", "最近", month_en(periods[-1]), month_zh(periods[-1]))
        asks["count_latest"].append(("count_latest", words, latest, names))
    central = [r for r in genai if r.province == CENTRAL_SOE]
    asks["count_central"].append(("count_central", {}, central, (CENTRAL_SOE, "central", "央企")))
    return asks


def _counts(qs: HeldoutSet, genai: list[Row], n: int) -> None:
    """Counts by province and kind, province and year, year, month, date ranges, list, the latest list."""
    made, spread = 0, Counter()
    for family, fields, rows, names in qs.round_robin(_count_asks(genai)):
        if spread[names[0]] == 3:
            continue
        question, lang, variant = say(qs, T[family], fields)
        if qs.offer(question, "count", count_gold(rows), SERIES, lang, variant, names, rows):
            made, spread[names[0]] = made + 1, spread[names[0]] + 1
        if made == n:
            return


def _absent(qs: HeldoutSet, everything: list[Row], names: tuple[EnglishName, ...], n: int) -> None:
    absent = [a for a in ABSENT if absent_everywhere(a, everything, names)]
    made = 0
    for name in qs.unasked_first(absent, lambda a: (a,)):
        question, lang, variant = say(qs, T["absent"], dict(x=name))
        made += qs.offer(question, "not_in_register", {}, SERIES, lang, variant, (name,))
        if made == n:
            return


def heldout_genai_questions(
    qs: HeldoutSet, genai: list[Row], everything: list[Row], names: tuple[EnglishName, ...], all_entities: list[Entity]
) -> None:
    """Add the generative-AI questions: 60 lookups, 40 lists, 50 counts, 18 names in no list."""
    clear = clear_entities(all_entities, genai, everything)
    _lookups(qs, genai, everything, 26)
    _pinyin_lookups(qs, genai, everything, 6)
    _english_lookups(qs, genai, clear, 18)
    _english_lists_and_counts(qs, genai, clear, lists=12, counts=12)
    _none_yet(qs, genai, everything, all_entities, 4)
    _company_lists(qs, genai, 12)
    _date_lists(qs, genai, 16)
    _counts(qs, genai, 34)
    _absent(qs, everything, names, 18)
