"""Questions on the generative-AI register (filings 备案 and registrations 登记), with their gold from the rows:
counts, lists, lookups (Chinese names, English names) and names that are in no list at all.

Wording varies as users write; every choice goes through the seeded `QuestionSet`. No file I/O here.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from register_data import CENTRAL_SOE, EnglishName, Row, plain, province
from register_gold import (
    LIST_LIMIT,
    QuestionSet,
    count_gold,
    day_en,
    day_zh,
    list_gold,
    lookup_gold,
    month_en,
    month_zh,
)

KINDS = ("filing", "registration", "both")
VERB_EN = {"filing": "filed", "registration": "registered", "both": "filed or registered"}
NOUN_EN = {"filing": "filings", "registration": "registrations", "both": "services"}
VERB_ZH = {"filing": "备案", "registration": "登记", "both": "备案或登记"}
# The README's demonstration date: kept out so the set does not re-ask what the README and tests ask.
README_DATE = "2024-01-17"

# Well-known services from outside China: (English name, Chinese name users write, strings that must
# occur in no row of any series, case-insensitive).
FOREIGN_SERVICES = (
    ("ChatGPT", "ChatGPT", ("chatgpt", "openai")),
    ("Claude", "Claude", ("claude", "anthropic")),
    ("Google Gemini", "谷歌Gemini", ("gemini", "谷歌")),
    ("Microsoft Copilot", "微软Copilot", ("copilot", "微软")),
    ("Midjourney", "Midjourney", ("midjourney",)),
    ("Perplexity", "Perplexity", ("perplexity",)),
    ("Grok", "Grok", ("grok",)),
    ("Character.AI", "Character.AI", ("character.ai", "characterai")),
    ("Sora", "Sora", ("sora",)),
    ("Stable Diffusion", "Stable Diffusion", ("stablediffusion",)),
    ("ElevenLabs", "ElevenLabs", ("elevenlabs",)),
    ("Suno", "Suno", ("suno",)),
    ("Runway Gen-3", "Runway", ("runway",)),
    ("Grammarly", "Grammarly", ("grammarly",)),
    ("DeepL", "DeepL", ("deepl",)),
    ("NotebookLM", "NotebookLM", ("notebooklm",)),
    ("Meta AI", "Meta的Llama", ("metaai", "llama")),
    ("Adobe Firefly", "Adobe Firefly", ("firefly", "adobe")),
    ("HeyGen", "HeyGen", ("heygen",)),
    ("Synthesia", "Synthesia", ("synthesia",)),
    ("Replika", "Replika", ("replika",)),
    ("Cursor", "Cursor", ("cursor",)),
    ("Jasper", "Jasper", ("jasper",)),
)


def absent_services(all_rows: list[Row]) -> list[tuple[str, str]]:
    """The foreign services whose every probe string is in no name, company, product, number or remark."""
    haystack = "\n".join(
        plain(" ".join((r.name, r.company, r.number, r.remarks, *r.products))).lower() for r in all_rows
    )
    return [(en, zh) for en, zh, probes in FOREIGN_SERVICES if not any(p in haystack for p in probes)]


def _of_kind(rows: list[Row], kind: str) -> list[Row]:
    return [r for r in rows if kind == "both" or r.kind == kind]


def _province_name(short: str, lang: str, qs: QuestionSet) -> str:
    found = province(short)
    assert found, short
    return found.english if lang == "en" else qs.choice((found.short, found.full))


def _provinces(rows: list[Row]) -> list[str]:
    return sorted({r.province for r in rows if r.province and r.province != CENTRAL_SOE and province(r.province)})


def genai_questions(qs: QuestionSet, rows: list[Row], all_rows: list[Row], english: tuple[EnglishName, ...]) -> None:
    _totals(qs, rows)
    _province_counts(qs, rows)
    _period_counts(qs, rows)
    _english_counts(qs, rows, english)
    _company_lists(qs, rows)
    _english_lists(qs, rows, english)
    _province_lists(qs, rows)
    _date_lists(qs, rows)
    _name_lookups(qs, rows, all_rows)
    _english_lookups(qs, rows, english)
    _not_in_register(qs, all_rows)


def _totals(qs: QuestionSet, rows: list[Row]) -> None:
    asks = [
        ("How many generative AI services have completed filing with the CAC so far?", "filing", "en"),
        ("What is the total number of generative AI registrations in the CAC's published lists?", "registration", "en"),
        (
            "Counting filings and registrations together, how many generative AI services are in the register?",
            "both",
            "en",
        ),
        ("截至最新一批清单，已备案的生成式人工智能服务共有几个？", "filing", "zh"),
        ("生成式人工智能服务的备案和登记加起来一共多少项？", "both", "zh"),
        ("已登记的生成式AI应用总数是多少？", "registration", "zh"),
    ]
    for question, kind, lang in asks:
        qs.add(question, "count", count_gold(_of_kind(rows, kind)), "genai", lang)


def _province_counts(qs: QuestionSet, rows: list[Row]) -> None:
    templates = {
        ("en", "filing"): (
            "How many generative AI services based in {p} have been filed?",
            "How many generative AI model filings come from {p}?",
        ),
        ("en", "registration"): (
            "How many generative AI registrations are from {p}?",
            "How many generative AI apps in {p} have been registered with the cyberspace office?",
        ),
        ("en", "both"): (
            "How many generative AI services from {p} are in the register, filings and registrations together?",
        ),
        ("zh", "filing"): ("{p}有多少个生成式人工智能服务完成了备案？", "{p}备案的生成式AI大模型有几个？"),
        ("zh", "registration"): ("{p}已登记的生成式人工智能应用有多少个？", "{p}有几项生成式AI服务完成登记？"),
        ("zh", "both"): ("{p}一共有多少项生成式人工智能服务已备案或已登记？",),
    }
    by_place = defaultdict(list)
    for r in rows:
        by_place[r.province].append(r)
    places = [p for p in _provinces(rows) if len(by_place[p]) >= 3]
    pairs = [(p, k) for p in places for k in KINDS if _of_kind(by_place[p], k) and (p, k) != ("上海", "filing")]
    for i, (place, kind) in enumerate(qs.pick(pairs, 14)):
        lang = "en" if i % 2 == 0 else "zh"
        question = qs.choice(templates[(lang, kind)]).format(p=_province_name(place, lang, qs))
        variant = "traditional" if lang == "zh" and i % 6 == 1 else ""
        qs.add(question, "count", count_gold(_of_kind(by_place[place], kind)), "genai", lang, variant)
    # by province and year of the filing or registration date
    triples = [(p, k, y) for p in places for k in ("filing", "registration") for y in (2024, 2025, 2026)]
    triples = [t for t in triples if any(r.kind == t[1] and r.year == t[2] for r in by_place[t[0]])]
    for i, (place, kind, year) in enumerate(qs.pick(triples, 5)):
        matching = [r for r in by_place[place] if r.kind == kind and r.year == year]
        if i % 2 == 0:
            name = _province_name(place, "en", qs)
            qs.add(
                f"How many {name} generative AI services were {VERB_EN[kind]} in {year}?",
                "count",
                count_gold(matching),
                "genai",
                "en",
            )
        else:
            name = _province_name(place, "zh", qs)
            qs.add(
                f"{year}年{name}{VERB_ZH[kind]}了多少个生成式人工智能服务？",
                "count",
                count_gold(matching),
                "genai",
                "zh",
            )


def _period_counts(qs: QuestionSet, rows: list[Row]) -> None:
    periods = sorted({r.period for r in rows})
    pairs = [(p, k) for p in periods for k in KINDS if any(r.period == p for r in _of_kind(rows, k))]
    en = {
        "filing": "How many filings does the {m} list of generative AI services contain?",
        "registration": "How many registrations were published in the CAC's {m} generative AI list?",
        "both": "How many services in total appear in the {m} generative AI list?",
    }
    zh = {
        "filing": "{m}公布的生成式人工智能服务清单中有多少项备案？",
        "registration": "{m}那份生成式人工智能清单新增了多少项登记？",
        "both": "{m}的生成式人工智能服务清单一共列出了多少项？",
    }
    for i, (period, kind) in enumerate(qs.pick(pairs, 7)):
        matching = [r for r in _of_kind(rows, kind) if r.period == period]
        if i % 2 == 0:
            qs.add(en[kind].format(m=month_en(period)), "count", count_gold(matching), "genai", "en")
        else:
            qs.add(zh[kind].format(m=month_zh(period)), "count", count_gold(matching), "genai", "zh")
    # by the month and year of the date itself, not the list
    months = Counter((r.date[:7], r.kind) for r in rows if r.date)
    dated = sorted(key for key, n in months.items() if n >= 3)
    for i, (month, kind) in enumerate(qs.pick(dated, 6)):
        matching = [r for r in rows if r.kind == kind and r.date and r.date.startswith(month)]
        if i % 2 == 0:
            wording = {
                "filing": f"How many generative AI services were filed in {month_en(month)}?",
                "registration": f"How many generative AI registrations are dated {month_en(month)}?",
            }[kind]
            qs.add(wording, "count", count_gold(matching), "genai", "en")
        else:
            what = {"filing": "备案的生成式人工智能服务有多少个？", "registration": "完成登记的生成式AI应用有几个？"}[
                kind
            ]
            qs.add(f"{month_zh(month)}{what}", "count", count_gold(matching), "genai", "zh")
    years = [
        ("How many generative AI services were registered in 2025?", "registration", 2025, "en"),
        ("How many generative AI models were filed during 2024?", "filing", 2024, "en"),
        ("2026年备案的生成式人工智能服务有多少个？", "filing", 2026, "zh"),
        ("2025年一共登记了多少项生成式AI应用？", "registration", 2025, "zh"),
    ]
    for question, kind, year, lang in years:
        qs.add(question, "count", count_gold(r for r in rows if r.kind == kind and r.year == year), "genai", lang)


def _matching(rows: list[Row], name: EnglishName) -> list[Row]:
    return [r for r in rows if name.matches(r)]


def _english_counts(qs: QuestionSet, rows: list[Row], english: tuple[EnglishName, ...]) -> None:
    companies = [
        e for e in english if e.field == "company" and e.is_clear_in(rows) and 2 <= len(_matching(rows, e)) <= 30
    ]
    for i, name in enumerate(qs.pick(companies, 5)):
        matching = _matching(rows, name)
        filings = [r for r in matching if r.kind == "filing"]
        if i % 3 == 1 and filings:
            qs.add(
                f"How many generative AI models has {name.english} filed?",
                "count",
                count_gold(filings),
                "genai",
                "en",
                "english-name",
            )
        else:
            wording = qs.choice(
                (
                    "How many generative AI services has {e} filed or registered?",
                    "In total, how many entries does {e} have in China's generative AI register?",
                )
            )
            qs.add(wording.format(e=name.english), "count", count_gold(matching), "genai", "en", "english-name")


def _company_lists(qs: QuestionSet, rows: list[Row]) -> None:
    by_company = defaultdict(list)
    for r in rows:
        by_company[plain(r.company)].append(r)
    companies = sorted(c for c, found in by_company.items() if 2 <= len(found) <= 12 and "公司" in c)
    for i, key in enumerate(qs.pick(companies, 10)):
        found = by_company[key]
        company = found[0].company
        kinds = {r.kind for r in found}
        kind = kinds.pop() if len(kinds) == 1 else "both"
        if i % 2 == 0:
            wording = qs.choice(
                (
                    "Which generative AI services has {c} " + VERB_EN[kind] + "?",
                    "List the generative AI services of {c} in the CAC register.",
                )
            )
            qs.add(wording.format(c=company), "list", list_gold(found), "genai", "en")
        else:
            verb = {"filing": "备案", "registration": "登记", "both": "备案和登记"}[kind]
            wording = qs.choice(
                ("{c}" + verb + "了哪些生成式人工智能服务？", "{c}名下有哪些生成式AI服务已" + verb + "？")
            )
            variant = "traditional" if i % 4 == 1 else ""
            qs.add(wording.format(c=company), "list", list_gold(found), "genai", "zh", variant)


def _english_lists(qs: QuestionSet, rows: list[Row], english: tuple[EnglishName, ...]) -> None:
    companies = [
        e
        for e in english
        if e.field == "company" and e.is_clear_in(rows) and 2 <= len(_matching(rows, e)) <= LIST_LIMIT
    ]
    wordings = (
        "Which generative AI services does {e} have in the CAC's register?",
        "List {e}'s filed and registered generative AI services.",
        "What generative AI products has {e} put through filing or registration?",
    )
    for name in qs.pick(companies, 8):
        qs.add(
            qs.choice(wordings).format(e=name.english),
            "list",
            list_gold(_matching(rows, name)),
            "genai",
            "en",
            "english-name",
        )


def _province_lists(qs: QuestionSet, rows: list[Row]) -> None:
    by_place = defaultdict(list)
    for r in rows:
        by_place[r.province].append(r)
    small = [p for p in _provinces(rows) if len(by_place[p]) <= LIST_LIMIT]
    for i, place in enumerate(qs.pick(small, 7)):
        if i % 2 == 0:
            name = _province_name(place, "en", qs)
            wording = qs.choice(
                (
                    "Which generative AI services are from {p}?",
                    "List the generative AI services filed or registered in {p}.",
                )
            )
            qs.add(wording.format(p=name), "list", list_gold(by_place[place]), "genai", "en")
        else:
            name = _province_name(place, "zh", qs)
            wording = qs.choice(("{p}有哪些生成式人工智能服务已备案或登记？", "列出{p}的生成式AI备案和登记。"))
            qs.add(wording.format(p=name), "list", list_gold(by_place[place]), "genai", "zh")
    large = [
        (p, k)
        for p in _provinces(rows)
        for k in ("filing", "registration")
        if len(_of_kind(by_place[p], k)) > LIST_LIMIT
    ]
    for i, (place, kind) in enumerate(qs.pick(large, 4)):
        matching = _of_kind(by_place[place], kind)
        if i % 2 == 0:
            qs.add(
                f"List the generative AI {NOUN_EN[kind]} from {_province_name(place, 'en', qs)}.",
                "list",
                list_gold(matching),
                "genai",
                "en",
            )
        else:
            qs.add(
                f"列出{_province_name(place, 'zh', qs)}所有已{VERB_ZH[kind]}的生成式人工智能服务。",
                "list",
                list_gold(matching),
                "genai",
                "zh",
            )


def _date_lists(qs: QuestionSet, rows: list[Row]) -> None:
    months = Counter((r.province, r.kind, r.date[:7]) for r in rows if r.date and province(r.province))
    triples = sorted(key for key, n in months.items() if 2 <= n <= 12)
    for i, (place, kind, month) in enumerate(qs.pick(triples, 5)):
        matching = [r for r in rows if r.province == place and r.kind == kind and r.date and r.date.startswith(month)]
        if i % 2 == 0:
            name = _province_name(place, "en", qs)
            qs.add(
                f"Which {name} generative AI services were {VERB_EN[kind]} in {month_en(month)}?",
                "list",
                list_gold(matching),
                "genai",
                "en",
            )
        else:
            name = _province_name(place, "zh", qs)
            qs.add(
                f"{month_zh(month)}{name}{VERB_ZH[kind]}了哪些生成式人工智能服务？",
                "list",
                list_gold(matching),
                "genai",
                "zh",
            )
    days = Counter((r.date, r.kind) for r in rows if r.date and r.date != README_DATE)
    pairs = sorted(key for key, n in days.items() if 3 <= n <= LIST_LIMIT)
    for i, (date, kind) in enumerate(qs.pick(pairs, 4)):
        matching = [r for r in rows if r.date == date and r.kind == kind]
        if i % 2 == 0:
            qs.add(
                f"Which generative AI services were {VERB_EN[kind]} on {day_en(date)}?",
                "list",
                list_gold(matching),
                "genai",
                "en",
            )
        else:
            qs.add(
                f"{day_zh(date)}{VERB_ZH[kind]}的生成式人工智能服务有哪些？", "list", list_gold(matching), "genai", "zh"
            )


def _distinctive(rows: list[Row], all_rows: list[Row]) -> list[Row]:
    """Rows whose name is a name of its own: in at most three rows' names, even as part of a longer name."""
    names = "\n".join(plain(r.name) for r in all_rows)
    return [r for r in rows if len(plain(r.name)) >= 2 and "公司" not in r.name and names.count(plain(r.name)) <= 3]


def _name_lookups(qs: QuestionSet, rows: list[Row], all_rows: list[Row]) -> None:
    en = {
        "filing": (
            "What is the filing number of {n}?",
            "When was {n} filed with the CAC?",
            "Which company is behind {n}, and what is its filing number?",
            "Is {n} in the CAC's register of generative AI services?",
        ),
        "registration": (
            "What is the registration number of {n}?",
            "When was {n} registered?",
            "Who registered {n}, and under which number?",
            "Is {n} in the CAC's register of generative AI services?",
        ),
    }
    zh = {
        "filing": (
            "{n}的备案号是多少？",
            "{n}是什么时候备案的？",
            "{n}在网信办备案了吗？编号是什么？",
            "查一下{n}的备案信息",
        ),
        "registration": (
            "{n}的登记编号是多少？",
            "{n}是什么时候登记的？",
            "{n}有没有完成登记？",
            "{n}是哪家公司登记的？",
        ),
    }
    candidates = _distinctive(rows, all_rows)
    repeated = [r for r in candidates if sum(plain(o.name) == plain(r.name) for o in rows) > 1]
    chosen = qs.pick(repeated, 2) + qs.pick([r for r in candidates if r not in repeated], 28)
    for i, target in enumerate(chosen):
        same = [r for r in all_rows if plain(r.name) == plain(target.name)]
        if i % 2 == 0:
            qs.add(qs.choice(en[target.kind]).format(n=target.name), "lookup", lookup_gold(same, target), "genai", "en")
        else:
            variant = "traditional" if i % 4 == 1 else ""
            qs.add(
                qs.choice(zh[target.kind]).format(n=target.name),
                "lookup",
                lookup_gold(same, target),
                "genai",
                "zh",
                variant,
            )


def _earliest(rows: list[Row]) -> Row:
    return min(rows, key=lambda r: (r.date or "9999", r.number))


def _english_lookups(qs: QuestionSet, rows: list[Row], english: tuple[EnglishName, ...]) -> None:
    services = [e for e in english if e.field == "name" and 1 <= len(_matching(rows, e)) <= 3]
    service_wordings = (
        "What is the filing number of {e}?",
        "When did {e} complete its CAC filing?",
        "Is {e} in the CAC's register of generative AI services?",
        "Under which number was {e} filed, and on what date?",
        "Has {e} passed the CAC's generative AI filing?",
        "Which company filed {e}, and when?",
    )
    for name in qs.pick(services, 14):
        found = _matching(rows, name)
        qs.add(
            qs.choice(service_wordings).format(e=name.english),
            "lookup",
            lookup_gold(found, _earliest(found)),
            "genai",
            "en",
            "english-name",
        )
    companies = [
        e for e in english if e.field == "company" and e.is_clear_in(rows) and 1 <= len(_matching(rows, e)) <= 3
    ]
    company_wordings = (
        "Has {e} filed a generative AI model with the CAC?",
        "When did {e} get its generative AI service filed?",
        "What is the filing number of {e}'s large model?",
    )
    for name in qs.pick(companies, 8):
        found = _matching(rows, name)
        qs.add(
            qs.choice(company_wordings).format(e=name.english),
            "lookup",
            lookup_gold(found, _earliest(found)),
            "genai",
            "en",
            "english-name",
        )


def _not_in_register(qs: QuestionSet, all_rows: list[Row]) -> None:
    en = (
        "Is {e} on the CAC's list of filed generative AI services?",
        "Has {e} been registered with China's cyberspace regulator?",
        "What is {e}'s filing number in China?",
        "When was {e} approved by the CAC?",
        "Did {e} get through China's generative AI filing?",
    )
    zh = (
        "{z}在网信办备案了吗？",
        "{z}的备案号是多少？",
        "{z}有没有完成生成式人工智能服务登记？",
        "{z}是哪天通过备案的？",
    )
    services = absent_services(all_rows)
    for i, (english, chinese) in enumerate(qs.pick(services, 20)):
        if i < 12:
            qs.add(qs.choice(en).format(e=english), "not_in_register", {}, "genai", "en")
        else:
            variant = "traditional" if i % 3 == 0 else ""
            qs.add(qs.choice(zh).format(z=chinese), "not_in_register", {}, "genai", "zh", variant)
