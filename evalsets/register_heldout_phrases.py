"""The held-out set's own phrasings, as users type them: plain, polite, short and hurried, in English and
Chinese (Traditional Chinese is the Simplified phrasing through OpenCC). Written for this set without looking
at the bot's question parser or at the development set's questions.

Fields: {name} a service or algorithm, {company}, {en} an English name, {pinyin}, {prov_en}/{prov_zh},
{month_en}/{month_zh}, {day_en}/{day_zh}, {year}, {verb_en}/{verb_zh} (filed 备案 / registered 登记),
{noun_en} (filing / registration), {number_en}/{number_zh}, {x} a name in no list, {old}/{new} company
names, {cls} an algorithm class or role, {series_en}/{series_zh}. No data, no file reading.
"""

from __future__ import annotations

import re
from typing import Any

_LOOKUP_EN = [
    "Is {name} on the CAC's list of generative AI services?",
    "When was {name} {verb_en}?",
    "What's the {number_en} for {name}?",
    "Who runs {name}, and when was it {verb_en}?",
    "Could you look up {name} in the generative AI register, please?",
    "{name} - {verb_en}? under what number?",
    "hi, has {name} been {verb_en} with the CAC?",
    "I need the {number_en} and date of {name}.",
]
_LOOKUP_ZH = [
    "{name}{verb_zh}了吗？",
    "请问{name}的{number_zh}是多少？",
    "{name}是哪家公司的？什么时候{verb_zh}的？",
    "帮我查一下{name}这个大模型的{verb_zh}信息",
    "麻烦查查{name}有没有{verb_zh}",
    "{name} {number_zh}",
    "您好，想了解{name}的{verb_zh}时间和编号",
]

GENAI: dict[str, Any] = {
    "lookup_name": {
        "en": [*_LOOKUP_EN, "Which province was {name} {verb_en} in?"],
        "zh": [*_LOOKUP_ZH, "{name}在哪个省{verb_zh}的"],
    },
    "lookup_name_noplace": {"en": _LOOKUP_EN, "zh": _LOOKUP_ZH},
    "lookup_pinyin": [
        "Is {pinyin} in the generative AI register?",
        "{pinyin} {verb_en}?",
        "When was {pinyin} {verb_en}?",
        "look up {pinyin} for me please",
    ],
    "lookup_english": [
        "Has {en} got a generative AI filing in China?",
        "When did {en} get its generative AI service approved by the CAC?",
        "what number did {en} get from the CAC for its AI model",
        "{en} got approved?",
        "Is {en}'s large model in the Chinese register?",
        "Which province is {en}'s generative AI service listed in?",
        "Did {en} make it onto the CAC's generative AI list?",
        "Any record of {en} in the genAI register? Number and date please",
    ],
    "list_english_both": [
        "Which generative AI services from {en} are in the register?",
        "list every {en} service that was filed or registered",
        "Show me all of {en}'s entries in the CAC generative AI lists.",
        "What generative AI products has {en} put through filing or registration?",
    ],
    "list_english_kind": [
        "Which of {en}'s generative AI services were {verb_en}?",
        "{en}: which services are {verb_en}?",
        "Could you list the generative AI services {en} has {verb_en}?",
    ],
    "count_english_both": [
        "How many generative AI services does {en} have in the register, filed or registered?",
        "how many {en} entries are there in the genAI lists",
        "Number of generative AI services from {en}, filings and registrations together?",
    ],
    "count_english_kind": [
        "How many generative AI services has {en} {verb_en}?",
        "how many genAI services has {en} got {verb_en}",
        "Count of {en}'s {verb_en} generative AI services?",
    ],
    "count_none": [
        "How many generative AI services has {en} filed or registered?",
        "Does {en} have any generative AI service in the register? How many?",
    ],
    "list_company": {
        "en": [
            "Which generative AI services does {company} have in the register?",
            "List every generative AI service {company} has filed or registered.",
            "What has {company} got on the generative AI lists?",
        ],
        "zh": [
            "{company}有哪些大模型备案或登记了？",
            "{company}名下的生成式人工智能服务都有哪些",
            "请列出{company}备案和登记的全部服务",
        ],
    },
    "list_month": {
        "en": [
            "Which services from {prov_en} were {verb_en} in {month_en}?",
            "what did {prov_en} get {verb_en} in {month_en}",
            "List the {prov_en} generative AI services {verb_en} during {month_en}.",
        ],
        "zh": [
            "{month_zh}{prov_zh}{verb_zh}了哪些大模型？",
            "{prov_zh}在{month_zh}{verb_zh}的生成式AI服务有哪些",
            "请列出{month_zh}{verb_zh}的{prov_zh}服务",
        ],
    },
    "list_list": {
        "en": [
            "Which {prov_en} generative AI services appear in the list published in {month_en}?",
            "Show the {prov_en} entries of the {month_en} genAI list.",
        ],
        "zh": ["{month_zh}公布的大模型名单里有哪些{prov_zh}的服务？", "{month_zh}那期生成式AI名单中{prov_zh}的有哪些"],
    },
    "list_day": {
        "en": ["Which services were {verb_en} on {day_en}?", "What got {verb_en} on {day_en}?"],
        "zh": ["{day_zh}{verb_zh}的有哪些服务？", "哪些大模型是{day_zh}{verb_zh}的"],
    },
    "count_province_kind": {
        "en": [
            "How many generative AI services in {prov_en} have been {verb_en}?",
            "{prov_en}: how many {verb_en} genAI services?",
            "Could you tell me the number of {verb_en} generative AI services from {prov_en}?",
        ],
        "zh": [
            "{prov_zh}有几个{verb_zh}的大模型",
            "{prov_zh}目前{verb_zh}了多少个生成式AI服务？",
            "请问{prov_zh}的生成式AI{verb_zh}数量是多少",
        ],
    },
    "count_province_both": {
        "en": [
            "How many generative AI services from {prov_en} are in the register, filed or registered?",
            "total genAI services in {prov_en}, filings plus registrations?",
        ],
        "zh": ["{prov_zh}备案和登记的生成式人工智能服务一共多少个", "{prov_zh}加起来有多少个大模型备案或登记"],
    },
    "count_province_year": {
        "en": [
            "How many {prov_en} services were {verb_en} in {year}?",
            "{year}: number of {verb_en} services from {prov_en}?",
        ],
        "zh": ["{year}年{prov_zh}{verb_zh}了多少个大模型", "{prov_zh}{year}年的大模型{verb_zh}数量"],
    },
    "count_year": {
        "en": [
            "How many generative AI services were {verb_en} in {year}?",
            "number of services {verb_en} during {year}",
        ],
        "zh": ["{year}年一共{verb_zh}了多少个生成式AI服务？", "{year}年{verb_zh}的大模型有多少"],
    },
    "count_month": {
        "en": ["How many services were {verb_en} in {month_en}?", "How many {verb_en} services are dated {month_en}?"],
        "zh": ["{month_zh}{verb_zh}的服务有多少个？", "{month_zh}份{verb_zh}了几个大模型"],
    },
    "count_since": {
        "en": [
            "How many services have been {verb_en} since {month_en}?",
            "since {month_en}, how many genAI services got {verb_en}?",
        ],
        "zh": ["{month_zh}以来{verb_zh}了多少个大模型？", "自{month_zh}起{verb_zh}的服务有多少"],
    },
    "count_before": {
        "en": [
            "How many services were {verb_en} before {month_en}?",
            "before {month_en}, how many genAI services had been {verb_en}?",
        ],
        "zh": ["{month_zh}之前{verb_zh}的大模型有多少个？", "在{month_zh}以前一共{verb_zh}了几个大模型"],
    },
    "count_list": {
        "en": [
            "How many generative AI {noun_en}s does the {month_en} list contain?",
            "{month_en} genAI list: how many {noun_en}s?",
        ],
        "zh": [
            "{month_zh}公布的生成式人工智能名单里有多少个{verb_zh}？",
            "{month_zh}发布的那期大模型名单有几个{verb_zh}的服务",
        ],
    },
    "count_latest": {
        "en": [
            "How many {noun_en}s are in the most recent generative AI list?",
            "latest CAC genAI list - how many {noun_en}s?",
        ],
        "zh": ["最新一期生成式人工智能服务名单里有多少个{verb_zh}？", "最近公布的大模型名单{verb_zh}了几个服务"],
    },
    "count_central": {
        "en": ["How many generative AI services are listed under 国资委 (central state-owned enterprises)?"],
        "zh": ["国资委（央企）名下有多少个生成式人工智能服务备案或登记？"],
    },
    "absent": {
        "en": [
            "Is {x} on the CAC's generative AI list?",
            "{x} filed with the CAC?",
            "Can I find {x} in China's generative AI register?",
            "what's the filing number of {x}",
            "Has {x} completed generative AI filing in China?",
        ],
        "zh": [
            "{x}在国内备案了吗？",
            "{x}有没有在网信办登记过？",
            "请问{x}的备案号是多少",
            "{x}通过生成式人工智能备案了没",
        ],
    },
}


# The fields a hurried user types in lower case; register spellings ({name}, {company}) are kept as they are.
_LOWERED = ("en", "x", "prov_en", "month_en", "day_en", "series_en", "cls_en")


def say(qs: Any, templates: dict[str, list[str]], fields: dict[str, Any]) -> tuple[str, str, str]:
    """One phrasing in a language chosen by the seeded generator: (question, lang, variant). English is
    sometimes typed in a hurry; Chinese is Traditional about one time in three."""
    usable = {
        lang: [t for t in found if set(re.findall(r"{(\w+)}", t)) <= set(fields)] for lang, found in templates.items()
    }
    languages = [lang for lang in ("en", "zh") if usable.get(lang)]
    if not languages:
        raise ValueError(f"no phrasing has only the fields {sorted(fields)}")
    lang = qs.choice(languages)
    template = qs.choice(usable[lang])
    if lang == "en":
        english = tuple(v for k, v in fields.items() if k in ("en", "x") and isinstance(v, str))
        if qs.hurried(english):
            template = template.lower().rstrip("?.").rstrip()
            fields = {k: v.lower() if k in _LOWERED and isinstance(v, str) else v for k, v in fields.items()}
        return template.format(**fields), "en", ""
    return template.format(**fields), "zh", "traditional" if qs.rng.random() < 0.35 else ""


SERIES_EN = {"algorithm": "internet information service algorithm", "deep-synthesis": "deep-synthesis algorithm"}
SERIES_ZH = {"algorithm": "互联网信息服务算法", "deep-synthesis": "深度合成算法"}
CLASS_EN = {
    "个性化推送类": "personalised recommendation",
    "调度决策类": "scheduling and decision",
    "排序精选类": "ranking and curation",
    "内容过滤类": "content filtering",
    "生成合成类": "generation and synthesis",
    "服务提供者": "service provider",
    "服务技术支持者": "technical supporter",
}

ALGORITHM: dict[str, Any] = {
    "lookup": {
        "en": [
            "Which company filed the algorithm {name}, and under what number?",
            "{name}: filing number?",
            "Could you find {name} in the algorithm filings?",
            "Is {name} a filed {series_en}?",
            "Which province is {name} filed in?",
            "look up the algorithm {name} please",
        ],
        "zh": [
            "{name}的备案编号是多少",
            "{name}是哪家公司备案的？",
            "查询一下{name}",
            "{name}这个算法备案了吗",
            "{name}是哪个省备案的",
            "请帮忙查一下{name}的备案信息",
        ],
    },
    "list_company": {
        "en": [
            "Which {series_en}s has {company} filed?",
            "List the {series_en}s filed by {company}.",
            "what {series_en}s does {company} have",
        ],
        "zh": [
            "{company}备案了哪些{series_zh}？",
            "{company}的{series_zh}备案有哪些",
            "列一下{company}名下的{series_zh}",
        ],
    },
    "list_company_both": {
        "en": [
            "Show every algorithm and deep-synthesis filing of {company}.",
            "What has {company} filed in the two algorithm registers?",
        ],
        "zh": ["{company}的算法备案和深度合成备案都有哪些？", "{company}在算法和深度合成两个清单里备案了什么"],
    },
    "list_english": {"en": ["Which {series_en}s has {en} filed?", "List {en}'s {series_en}s.", "{en} {series_en}s?"]},
    "count_english": {"en": ["How many {series_en}s has {en} filed?", "how many {series_en} filings does {en} have"]},
    "list_province_period": {
        "en": [
            "Which {prov_en} entries are in the {month_en} {series_en} list?",
            "{month_en} {series_en} list: entries from {prov_en}?",
        ],
        "zh": [
            "{month_zh}的{series_zh}清单里有哪些{prov_zh}的？",
            "{prov_zh}在{month_zh}{series_zh}清单中的备案有哪些",
        ],
    },
    "list_class_period": {
        "en": [
            "Which {cls_en} algorithms were in the {month_en} algorithm list?",
            "Which algorithms of the class {cls_zh} are in the {month_en} list?",
        ],
        "zh": ["{month_zh}算法备案清单里{cls_zh}的有哪些", "{month_zh}公布的算法清单中属于{cls_zh}的算法"],
    },
    "list_role_province_period": {
        "en": ["Which {cls_en}s from {prov_en} are in the {month_en} deep-synthesis list?"],
        "zh": ["{month_zh}深度合成清单中{prov_zh}的{cls_zh}有哪些"],
    },
    "count_series_province": {
        "en": [
            "{prov_en}: number of {series_en} filings?",
            "How many {series_en}s are filed by companies in {prov_en}?",
        ],
        "zh": ["{prov_zh}有多少{series_zh}备案？", "{prov_zh}的{series_zh}一共几条"],
    },
    "count_series_period": {
        "en": [
            "How many entries does the {month_en} {series_en} list have?",
            "{series_en} list of {month_en}: how many rows?",
        ],
        "zh": ["{month_zh}公布的{series_zh}清单有多少条？", "{month_zh}那期{series_zh}备案清单收录了几个算法"],
    },
    "count_series_year": {
        "en": ["In the {year} lists, how many {series_en}s were published?"],
        "zh": ["{year}年公布的{series_zh}清单一共多少条"],
    },
    "count_class": {
        "en": ["How many {cls_en} algorithms have been filed?", "How many algorithms of class {cls_zh} are there?"],
        "zh": ["{cls_zh}算法一共备案了多少个？", "算法备案里{cls_zh}的有几个"],
    },
    "count_class_province": {
        "en": ["How many {cls_en} algorithms come from companies in {prov_en}?"],
        "zh": ["{prov_zh}的{cls_zh}算法有几个"],
    },
    "count_role": {
        "en": ["How many deep-synthesis filings were made by a {cls_en}?"],
        "zh": ["深度合成备案中{cls_zh}有多少条"],
    },
    "count_role_province": {
        "en": ["How many deep-synthesis filings from {prov_en} are by {cls_en}s?"],
        "zh": ["{prov_zh}的深度合成备案里{cls_zh}有几条"],
    },
    "cancelled_one": {
        "en": [
            "Has {name} been cancelled?",
            "Is the filing of {name} still valid, or was it cancelled?",
            "was {name} deregistered",
        ],
        "zh": ["{name}注销了吗？", "{name}的备案是不是已经注销了"],
    },
    "cancelled_company": {
        "en": ["{company}: any cancelled algorithm filings?", "List the cancelled filings of {company}."],
        "zh": ["{company}有哪些算法备案被注销了？", "{company}注销的备案有哪些"],
    },
    "cancelled_count": {
        "en": ["How many {series_en} filings have been cancelled?", "number of cancelled {series_en}s?"],
        "zh": ["{series_zh}备案里被注销的有多少条", "已注销的{series_zh}有几个"],
    },
    "cancelled_count_province": {
        "en": ["How many cancelled {series_en}s are from {prov_en}?"],
        "zh": ["{prov_zh}有几条{series_zh}备案已注销"],
    },
    "cancelled_list_province": {
        "en": ["Which {series_en}s from {prov_en} were cancelled?", "show cancelled {series_en} filings in {prov_en}"],
        "zh": ["{prov_zh}已注销的{series_zh}有哪些"],
    },
    "renamed_forward": {
        "en": ["What is {old} called now?", "{old} changed its name. What to?", "What name does {old} go by now?"],
        "zh": ["{old}后来改名叫什么了？", "{old}更名为什么？", "{old}现在的主体名称是什么"],
    },
    "renamed_back": {
        "en": ["What was {new} called before?", "What was the previous company name of {new}?"],
        "zh": ["{new}以前叫什么名字？", "{new}更名前的主体名称是什么"],
    },
    "absent_any": {
        "en": ["Has {x}'s algorithm been filed with the CAC?", "{x} algorithm filing number?"],
        "zh": ["{x}的算法备案了吗？", "查一下{x}的算法备案编号"],
    },
    "absent_deep": {
        "en": ["Is {x} in the deep-synthesis register?", "Did {x} file a deep-synthesis algorithm in China?"],
        "zh": ["{x}有深度合成备案吗", "{x}在深度合成算法清单里吗"],
    },
}
