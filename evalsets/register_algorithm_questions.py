"""Questions on the CAC's algorithm (互联网信息服务算法) and deep-synthesis (深度合成) lists, with their gold from
the rows of the Word lists: counts, lists, lookups, cancelled filings, renamed companies and names in no list.

Counts are rows as published: a number listed in two lists of one series counts twice, as in the lists'
own totals. Every choice goes through the seeded `QuestionSet`. No file I/O here.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from register_data import EnglishName, Row, plain, province, renames
from register_genai_questions import absent_services
from register_gold import LIST_LIMIT, QuestionSet, count_gold, list_gold, lookup_gold, month_en, month_zh

SERIES = ("algorithm", "deep-synthesis")
BOTH = "algorithm+deep-synthesis"  # the series field of a question over both lists
SERIES_EN = {"algorithm": "internet information service algorithm", "deep-synthesis": "deep-synthesis algorithm"}
SERIES_ZH = {"algorithm": "互联网信息服务算法", "deep-synthesis": "深度合成算法"}
CLASS_EN = {
    "个性化推送类": "personalised recommendation",
    "信息检索类": "information retrieval",
    "调度决策类": "scheduling and decision-making",
    "检索过滤类": "search and filtering",
    "排序精选类": "ranking and selection",
    "内容过滤类": "content filtering",
}
ROLE_EN = {"服务提供者": "a service provider", "服务技术支持者": "a technical supporter"}
# Kept out because the issue's own examples ask about them (the README and tests use those questions).
EXAMPLE_SUBJECTS = ("考拉", "抖音", "快手短视频生成合成算法", "上海识装信息科技有限公司")


def _in_series(rows: list[Row], series: str) -> list[Row]:
    return [r for r in rows if r.series == series]


def _province_name(short: str, lang: str, qs: QuestionSet) -> str:
    found = province(short)
    assert found, short
    return found.english if lang == "en" else qs.choice((found.short, found.full))


def _is_example(text: str) -> bool:
    return any(subject in text for subject in EXAMPLE_SUBJECTS)


def algorithm_questions(
    qs: QuestionSet, rows: list[Row], all_rows: list[Row], english: tuple[EnglishName, ...]
) -> None:
    _totals_and_lists(qs, rows)
    _province_counts(qs, rows)
    _category_counts(qs, rows)
    _company_questions(qs, rows, english)
    _province_and_product_lists(qs, rows)
    _lookups(qs, rows)
    _cancelled(qs, rows)
    _renamed(qs, rows)
    _not_in_register(qs, all_rows)


def _totals_and_lists(qs: QuestionSet, rows: list[Row]) -> None:
    totals = [
        ("How many internet information service algorithms has the CAC published as filed?", "algorithm", "en"),
        ("What is the total number of deep-synthesis algorithm filings published so far?", "deep-synthesis", "en"),
        ("境内互联网信息服务算法备案清单一共收录了多少个算法？", "algorithm", "zh"),
        ("深度合成算法备案总数是多少？", "deep-synthesis", "zh"),
    ]
    for question, series, lang in totals:
        qs.add(question, "count", count_gold(_in_series(rows, series)), series, lang)
    lists = sorted({(r.series, r.period) for r in rows})
    en = {
        "algorithm": "How many entries were in the {m} internet information service algorithm list?",
        "deep-synthesis": "How many algorithms does the {m} deep-synthesis list contain?",
    }
    zh = {
        "algorithm": "{m}互联网信息服务算法备案清单收录了几个算法？",
        "deep-synthesis": "{m}的深度合成服务算法备案清单有多少条？",
    }
    for i, (series, period) in enumerate(qs.pick(lists, 8)):
        matching = [r for r in rows if r.series == series and r.period == period]
        if i % 2 == 0:
            qs.add(en[series].format(m=month_en(period)), "count", count_gold(matching), series, "en")
        else:
            qs.add(zh[series].format(m=month_zh(period)), "count", count_gold(matching), series, "zh")
    small = [key for key in lists if sum(r.series == key[0] and r.period == key[1] for r in rows) <= LIST_LIMIT]
    large = [key for key in lists if key not in small]
    for series, period in qs.pick(small, 1):
        matching = [r for r in rows if r.series == series and r.period == period]
        qs.add(
            f"Which algorithms are in the {month_en(period)} {SERIES_EN[series]} list?",
            "list",
            list_gold(matching),
            series,
            "en",
        )
    for series, period in qs.pick(large, 2):
        matching = [r for r in rows if r.series == series and r.period == period]
        qs.add(
            f"列出{month_zh(period)}{SERIES_ZH[series]}备案清单里的所有算法。",
            "list",
            list_gold(matching),
            series,
            "zh",
        )


def _province_counts(qs: QuestionSet, rows: list[Row]) -> None:
    counts = Counter((r.series, r.province) for r in rows if r.province)
    pairs = sorted(key for key, n in counts.items() if n >= 3)
    pairs = [p for p in pairs if p not in {("deep-synthesis", "广东"), ("deep-synthesis", "上海")}]
    en = (
        "How many {s} filings are from companies in {p}?",
        "How many {s}s were filed by companies based in {p}?",
    )
    zh = ("{p}有多少个{s}备案？", "{p}的{s}备案有几条？")
    for i, (series, place) in enumerate(qs.pick(pairs, 8)):
        matching = [r for r in rows if r.series == series and r.province == place]
        if i % 2 == 0:
            question = qs.choice(en).format(s=SERIES_EN[series], p=_province_name(place, "en", qs))
            qs.add(question, "count", count_gold(matching), series, "en")
        else:
            question = qs.choice(zh).format(s=SERIES_ZH[series], p=_province_name(place, "zh", qs))
            qs.add(question, "count", count_gold(matching), series, "zh", "traditional" if i % 4 == 3 else "")


def _category_counts(qs: QuestionSet, rows: list[Row]) -> None:
    deep = _in_series(rows, "deep-synthesis")
    qs.add(
        f"How many deep-synthesis filings name the filer as {ROLE_EN['服务技术支持者']}?",
        "count",
        count_gold(r for r in deep if r.category == "服务技术支持者"),
        "deep-synthesis",
        "en",
    )
    qs.add(
        "深度合成算法备案中，角色为服务提供者的有多少条？",
        "count",
        count_gold(r for r in deep if r.category == "服务提供者"),
        "deep-synthesis",
        "zh",
    )
    places = sorted({r.province for r in deep if r.province and r.category == "服务技术支持者"})
    for place in qs.pick(places, 1):
        matching = [r for r in deep if r.province == place and r.category == "服务技术支持者"]
        qs.add(
            f"{_province_name(place, 'zh', qs)}有多少条深度合成备案的角色是服务技术支持者？",
            "count",
            count_gold(matching),
            "deep-synthesis",
            "zh",
        )
    algorithms = _in_series(rows, "algorithm")
    for i, category in enumerate(qs.pick(sorted(CLASS_EN), 4)):
        matching = [r for r in algorithms if r.category == category]
        if i % 2 == 0:
            qs.add(
                f"How many {CLASS_EN[category]} algorithms are on the internet information service list?",
                "count",
                count_gold(matching),
                "algorithm",
                "en",
            )
        else:
            qs.add(f"{category}的互联网信息服务算法备案有多少个？", "count", count_gold(matching), "algorithm", "zh")
    by_class_list = Counter((r.category, r.period) for r in algorithms if r.category in CLASS_EN)
    for i, (category, period) in enumerate(qs.pick(sorted(k for k, n in by_class_list.items() if 2 <= n <= 15), 3)):
        matching = [r for r in algorithms if r.category == category and r.period == period]
        if i % 2 == 0:
            qs.add(
                f"Which {CLASS_EN[category]} algorithms were in the {month_en(period)} algorithm list?",
                "list",
                list_gold(matching),
                "algorithm",
                "en",
            )
        else:
            qs.add(
                f"{month_zh(period)}的算法备案清单中有哪些{category}算法？",
                "list",
                list_gold(matching),
                "algorithm",
                "zh",
            )


def _company_questions(qs: QuestionSet, rows: list[Row], english: tuple[EnglishName, ...]) -> None:
    by_company = defaultdict(list)
    for r in rows:
        by_company[(r.series, plain(r.company))].append(r)
    keys = sorted(k for k in by_company if not _is_example(k[1]))
    for i, key in enumerate(qs.pick([k for k in keys if 5 <= len(by_company[k]) <= 40], 5)):
        series, found = key[0], by_company[key]
        if i % 2 == 0:
            qs.add(
                f"How many {SERIES_EN[series]}s has {found[0].company} filed?", "count", count_gold(found), series, "en"
            )
        else:
            qs.add(f"{found[0].company}有多少个{SERIES_ZH[series]}备案？", "count", count_gold(found), series, "zh")
    for i, key in enumerate(qs.pick([k for k in keys if 2 <= len(by_company[k]) <= 15], 10)):
        series, found = key[0], by_company[key]
        if i % 2 == 0:
            wording = qs.choice(("Which {s}s has {c} filed?", "List the {s}s filed by {c}."))
            qs.add(wording.format(s=SERIES_EN[series], c=found[0].company), "list", list_gold(found), series, "en")
        else:
            wording = qs.choice(("{c}备案了哪些{s}？", "{c}有哪些{s}备案？"))
            qs.add(
                wording.format(s=SERIES_ZH[series], c=found[0].company),
                "list",
                list_gold(found),
                series,
                "zh",
                "traditional" if i % 4 == 1 else "",
            )
    named = [
        (s, e)
        for s in SERIES
        for e in english
        if e.field == "company" and e.is_clear_in(_in_series(rows, s)) and not _is_example("".join(e.chinese))
    ]
    matches = {(s, e.english): [r for r in rows if r.series == s and e.matches(r)] for s, e in named}
    countable = [(s, e) for s, e in named if 3 <= len(matches[(s, e.english)]) <= 60]
    for series, name in qs.pick(countable, 2):
        qs.add(
            f"How many {SERIES_EN[series]}s has {name.english} filed?",
            "count",
            count_gold(matches[(series, name.english)]),
            series,
            "en",
            "english-name",
        )
    listable = [(s, e) for s, e in named if 2 <= len(matches[(s, e.english)]) <= LIST_LIMIT]
    for series, name in qs.pick(listable, 3):
        qs.add(
            f"Which {SERIES_EN[series]}s has {name.english} filed?",
            "list",
            list_gold(matches[(series, name.english)]),
            series,
            "en",
            "english-name",
        )


def _province_and_product_lists(qs: QuestionSet, rows: list[Row]) -> None:
    counts = Counter((r.series, r.province) for r in rows if r.province)
    small = sorted(key for key, n in counts.items() if n <= LIST_LIMIT)
    for i, (series, place) in enumerate(qs.pick(small, 5)):
        matching = [r for r in rows if r.series == series and r.province == place]
        if i % 2 == 0:
            qs.add(
                f"Which {SERIES_EN[series]}s were filed by companies in {_province_name(place, 'en', qs)}?",
                "list",
                list_gold(matching),
                series,
                "en",
            )
        else:
            qs.add(
                f"{_province_name(place, 'zh', qs)}有哪些{SERIES_ZH[series]}备案？",
                "list",
                list_gold(matching),
                series,
                "zh",
            )
    products = Counter(p for r in rows for p in set(r.products))
    usable = sorted(p for p, n in products.items() if 3 <= n <= 15 and len(p) >= 2 and not _is_example(p))
    for i, product in enumerate(qs.pick(usable, 5)):
        matching = [r for r in rows if product in r.products]
        if i % 2 == 0:
            qs.add(f"Which filed algorithms are used by {product}?", "list", list_gold(matching), BOTH, "en")
        else:
            qs.add(f"{product}用了哪些已备案的算法？", "list", list_gold(matching), BOTH, "zh")


def _lookups(qs: QuestionSet, rows: list[Row]) -> None:
    names = "\n".join(plain(r.name) for r in rows)
    candidates = [
        r for r in rows if len(plain(r.name)) >= 6 and not _is_example(r.name) and names.count(plain(r.name)) <= 3
    ]
    deep_numbers = {r.number for r in rows if r.series == "deep-synthesis"}
    in_both = [r for r in candidates if r.series == "algorithm" and r.number in deep_numbers]
    chosen = qs.pick(in_both, 2) + qs.pick([r for r in candidates if r not in in_both], 28)
    en = (
        "What is the filing number of {n}?",
        "Which company filed {n}, and under what number?",
        "Is {n} on the CAC's {s} list?",
        "In which list does {n} appear, and with what number?",
    )
    zh = ("{n}的备案编号是多少？", "{n}是哪家公司备案的？", "{n}在哪一期清单里？备案号多少？", "查询{n}的算法备案信息")
    for i, target in enumerate(chosen):
        same = [r for r in rows if plain(r.name) == plain(target.name)]
        series = target.series if {r.series for r in same} == {target.series} else BOTH
        if i % 2 == 0:
            question = qs.choice(en).format(n=target.name, s=SERIES_EN[target.series].replace(" algorithm", ""))
            qs.add(question, "lookup", lookup_gold(same, target), series, "en")
        else:
            qs.add(
                qs.choice(zh).format(n=target.name),
                "lookup",
                lookup_gold(same, target),
                series,
                "zh",
                "traditional" if i % 4 == 1 else "",
            )


def _cancelled(qs: QuestionSet, rows: list[Row]) -> None:
    cancelled = [r for r in rows if r.cancelled]
    qs.add(
        "How many filings across the algorithm and deep-synthesis lists are marked as cancelled?",
        "cancelled",
        count_gold(cancelled),
        BOTH,
        "en",
    )
    qs.add("算法和深度合成备案里一共有多少条已注销？", "cancelled", count_gold(cancelled), BOTH, "zh")
    qs.add(
        "How many deep-synthesis filings have been cancelled?",
        "cancelled",
        count_gold(r for r in cancelled if r.series == "deep-synthesis"),
        "deep-synthesis",
        "en",
    )
    qs.add(
        "互联网信息服务算法备案中有几条已经注销？",
        "cancelled",
        count_gold(r for r in cancelled if r.series == "algorithm"),
        "algorithm",
        "zh",
    )
    companies = sorted({plain(r.company) for r in cancelled if not _is_example(r.company)})
    for i, company in enumerate(qs.pick(companies, 6)):
        matching = [r for r in cancelled if plain(r.company) == company]
        name = matching[0].company
        series = matching[0].series if len({r.series for r in matching}) == 1 else BOTH
        if i % 2 == 0:
            qs.add(
                f"Which of {name}'s algorithm filings have been cancelled?",
                "cancelled",
                list_gold(matching),
                series,
                "en",
            )
        else:
            qs.add(f"{name}有哪些算法备案已注销？", "cancelled", list_gold(matching), series, "zh")
    places = Counter(r.province for r in cancelled if r.series == "deep-synthesis" and r.province)
    for place in qs.pick(sorted(p for p, n in places.items() if n >= 2), 1):
        matching = [r for r in cancelled if r.series == "deep-synthesis" and r.province == place]
        qs.add(
            f"Which cancelled deep-synthesis filings are from {_province_name(place, 'en', qs)}?",
            "cancelled",
            list_gold(matching),
            "deep-synthesis",
            "en",
        )


def _renamed(qs: QuestionSet, rows: list[Row]) -> None:
    # A name that still files under itself elsewhere was not renamed: one filing moved to another company.
    companies = {plain(r.company) for r in rows}
    pairs = sorted((old, new) for old, new in renames(rows).items() if plain(old) not in companies)
    forward = (
        ("What is {o} called now?", "en"),
        ("What did {o} change its name to?", "en"),
        ("{o}后来改名成什么了？", "zh"),
        ("{o}现在的主体名称是什么？", "zh"),
    )
    backward = (("What was {n} called before its name changed?", "en"), ("{n}以前叫什么名字？", "zh"))
    for i, (old, new) in enumerate(qs.pick(pairs, 12)):
        series = sorted({r.series for r in rows if old in r.remarks})
        series_name = series[0] if len(series) == 1 else BOTH
        one_old_name = sum(n == new for _, n in pairs) == 1
        if one_old_name and (i % 3 == 2 or _is_example(old)):
            wording, lang = qs.choice(backward)
            qs.add(wording.format(n=new), "renamed", {"company": old}, series_name, lang)
        elif not _is_example(old):
            wording, lang = qs.choice(forward)
            qs.add(wording.format(o=old), "renamed", {"company": new}, series_name, lang)


def _not_in_register(qs: QuestionSet, all_rows: list[Row]) -> None:
    en = (
        "Has {e} filed a deep-synthesis algorithm with the CAC?",
        "What is the algorithm filing number of {e}?",
        "Is {e}'s algorithm on China's deep-synthesis list?",
    )
    zh = ("{z}有深度合成算法备案吗？", "{z}的算法备案编号是什么？")
    for i, (english, chinese) in enumerate(qs.pick(absent_services(all_rows), 8)):
        if i < 5:
            qs.add(qs.choice(en).format(e=english), "not_in_register", {}, BOTH, "en")
        else:
            qs.add(qs.choice(zh).format(z=chinese), "not_in_register", {}, BOTH, "zh")
