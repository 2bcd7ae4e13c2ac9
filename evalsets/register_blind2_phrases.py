"""The wording of the second blind register set (`register_blind2.jsonl`): its templates per question shape and
language, the words for kinds, series, classes and roles, and the English names it uses that the alias table
lacks.

Written for this set alone, without reading the bot's register code, the earlier register sets' questions or
their phrase files, as a user of an approvals bot might write them, casual and formal. Each template has one
reading: a date filter says it goes by the listed date, a list filter names the list. Simplified Chinese
templates become Traditional through OpenCC (`register_gold.traditional`). No data is read here.
"""

from __future__ import annotations

# Shape -> language -> templates. Slots: name, company, english, place, kind, kinds, number, when, day, what,
# series, product, old.
TEMPLATES: dict[str, dict[str, tuple[str, ...]]] = {
    "g_lookup": {
        "en": (
            "What {number} did {name} receive?",
            "Is {name} on the CAC's generative AI list? I need its {number}.",
            "{name} ({company}): when was it {kind}, and under which number?",
            "Can you look up {name} for me, with its date and {number}?",
            "Under what number was {name} {kind} with the CAC?",
        ),
        "zh": (
            "{name}的{number}是多少？",
            "{company}旗下的{name}是什么时候{kind}的？编号是多少？",
            "帮忙查下{name}，要{kind}编号和日期",
            "请问“{name}”是否已在网信办完成{kind}？编号是什么？",
            "{name}拿到的{number}是哪个",
        ),
    },
    "g_lookup_en": {
        "en": (
            "Has {english} {kind} a generative AI service? Give me the number.",
            "Which {number} does {english} hold for its generative AI service?",
            "{english} and generative AI: what {number} and what date?",
            "When did {english} get its generative AI service {kind}, and what is the number?",
        ),
    },
    "g_count_place": {
        "en": (
            "How many generative AI services from {place} were {kind}{when}?",
            "Number of {place} generative AI {kinds}{when}?",
            "How many {kinds} of generative AI services does {place} have{when}?",
            "Give me the count of generative AI services {kind} in {place}{when}.",
            "what's the total of genAI services {kind} in {place}{when}",
        ),
        "zh": (
            "{when}{place}有多少项生成式人工智能服务完成了{kind}？",
            "{when}{place}一共有几个生成式AI服务{kind}了？",
            "{when}统计一下{place}生成式人工智能服务的{kind}数量",
            "{when}{place}的生成式人工智能{kind}共有多少条？",
        ),
    },
    "g_count_company": {
        "en": (
            "What's the tally of generative AI services {kind} by {english}?",
            "{english}: how many generative AI {kinds} in total?",
            "Count {english}'s generative AI {kinds}, please.",
            "How many generative AI {kinds} does {english} have in the lists?",
        ),
    },
    "g_count_day": {
        "en": (
            "How many generative AI services were {kind} on {day}?",
            "On {day}, how many generative AI {kinds} were dated?",
            "Count the generative AI services {kind} with the date {day}.",
            "how many genAI {kinds} carry the date {day}",
        ),
        "zh": (
            "{day}这一天有多少项生成式人工智能服务完成{kind}？",
            "日期为{day}的生成式AI服务{kind}有几条？",
            "统计{day}当天的生成式人工智能服务{kind}数量",
            "{day}当天{kind}的生成式人工智能服务一共多少个",
        ),
    },
    "g_list_place": {
        "en": (
            "Which generative AI services from {place} were {kind}{when}?",
            "List the {place} generative AI {kinds}{when}.",
            "Show me every generative AI service {kind} in {place}{when}.",
            "I'd like the list of generative AI services {kind} in {place}{when}",
        ),
        "zh": (
            "{when}{place}有哪些生成式人工智能服务完成了{kind}？",
            "{when}列出{place}所有{kind}的生成式AI服务",
            "{when}{place}{kind}过的生成式人工智能服务都有哪些",
            "{when}请把{place}的生成式人工智能服务{kind}清单给我",
        ),
    },
    "g_list_company": {
        "en": (
            "Name the generative AI services that {english} got {kind}.",
            "List {english}'s generative AI {kinds}.",
            "What has {english} {kind} as generative AI services?",
            "Show {english}'s generative AI {kinds} with their numbers.",
        ),
    },
    "absent": {
        "en": (
            "Has {name} been filed as a generative AI service in China?",
            "Is {name} in the CAC's register?",
            "I need {name}'s Chinese filing number, if there is one.",
            "Did {name} ever get the CAC's approval as a generative AI service?",
            "{name}: filed or registered in China?",
        ),
        "zh": (
            "{name}在中国拿到备案没有？",
            "网信办的清单里能查到{name}吗？",
            "{name}的备案号是多少？",
            "{name}在国内做过生成式AI登记吗？",
        ),
    },
    "a_absent": {
        "en": (
            "Has {name} filed a recommendation algorithm with the CAC?",
            "Is there an algorithm filing for {name}?",
            "Does {name} hold an algorithm filing number in China?",
            "Has {name} filed any deep-synthesis algorithm?",
        ),
        "zh": (
            "{name}有没有算法备案？",
            "{name}的算法备案编号是多少",
            "深度合成算法清单里有{name}吗？",
            "{name}在网信办备案过推荐算法吗？",
        ),
    },
    "a_lookup": {
        "en": (
            "The algorithm {name}: which filing number does it carry?",
            "Who filed {name}, and under which number?",
            "{name} by {company}: what's its filing number?",
            "Find the filing of {name} in the {series} lists.",
            "which number was {name} filed under",
        ),
        "zh": (
            "{name}的备案编号是多少？",
            "{name}是哪家主体备案的？编号多少？",
            "查一下{company}的{name}，备案编号是什么",
            "{series}备案清单里，{name}的编号？",
            "请提供算法“{name}”的备案号",
        ),
    },
    "a_count_place": {
        "en": (
            "How many {what} are from {place}{when}?",
            "Count the {what} from {place}{when}.",
            "What is the number of {what} from {place}{when}?",
            "{place}{when}: how many {what}?",
        ),
        "zh": (
            "{when}归属地为{place}的{what}，清单里能数出多少？",
            "{when}{place}这边的{what}数量是多少",
            "{when}麻烦数一下{place}的{what}",
            "{when}按编号里的地区码算，{place}有几项{what}？",
        ),
    },
    "a_count_company": {
        "en": (
            "Tell me how many {what} {company} holds.",
            "{company}: number of {what}?",
            "How many {what} are in {company}'s name?",
            "{company} and {what}: what's the total?",
        ),
        "zh": (
            "{company}有多少条{what}？",
            "{company}名下的{what}一共几条",
            "统计{company}的{what}数量",
            "{company}共有几项{what}？",
        ),
    },
    "a_list_place": {
        "en": (
            "Which {what} from {place} are in the {month} list?",
            "List the {what} from {place} in the {month} list.",
            "Show me {place}'s {what} in the {month} list.",
            "What {what} did {place} have in the {month} list?",
        ),
        "zh": (
            "{month}的清单里，{place}有哪些{what}？",
            "列出{month}清单中来自{place}的{what}",
            "{month}那期清单，{place}的{what}都有哪些",
            "请给出{month}清单里{place}的{what}",
        ),
    },
    "a_list_company": {
        "en": (
            "Which {what} does {company} have?",
            "Put together a list of {company}'s {what}.",
            "What are the {what} of {company}?",
            "Show the {what} in {company}'s name.",
        ),
        "zh": (
            "{company}有哪些{what}？",
            "列出{company}的{what}",
            "{company}名下的{what}都有哪些",
            "查询{company}的全部{what}",
        ),
    },
    "a_list_product": {
        "en": (
            "Which filed algorithms are used by {product}?",
            "What algorithms name {product} among their products?",
            "List the filed algorithms behind {product}.",
            "Which algorithm filings give {product} as the product?",
        ),
        "zh": (
            "{product}用到了哪些已备案的算法？",
            "应用产品包含{product}的算法有哪些",
            "列出{product}背后备案的算法",
            "哪些算法备案的应用产品里有{product}？",
        ),
    },
    "cancel_list": {
        "en": (
            "Which of {company}'s algorithm filings were cancelled?",
            "Has {company} had algorithm filings cancelled? Which ones?",
            "List {company}'s cancelled algorithm filings.",
            "Which filings by {company} are marked cancelled?",
        ),
        "zh": (
            "{company}有哪些算法备案已注销？",
            "列出{company}已注销的算法备案",
            "{company}被注销的算法有哪些",
            "{company}名下哪些算法备案注销了？",
        ),
    },
    "cancel_count": {
        "en": (
            "Of the {what} from {place}, how many were later cancelled?",
            "Count the cancelled {what} from {place}.",
            "Number of cancelled {what} from {place}?",
            "how many {what} from {place} are marked cancelled",
        ),
        "zh": (
            "{place}有多少条{what}已注销？",
            "来自{place}的{what}中被注销的有几条",
            "统计{place}已注销的{what}数量",
            "{place}注销了多少项{what}？",
        ),
    },
    "renamed": {
        "en": (
            "What is {old} called now?",
            "{old} changed its name. To what?",
            "Which company did {old} become after it was renamed?",
            "What's the new name of {old}?",
        ),
        "zh": (
            "{old}改名后叫什么？",
            "{old}更名为哪家公司了？",
            "{old}现在的名称是什么？",
            "{old}的新主体名称是？",
        ),
    },
}

KIND = {
    "en": {"filing": "filed", "registration": "registered", "both": "filed or registered"},
    "zh": {"filing": "备案", "registration": "登记", "both": "备案或登记"},
}
KINDS_EN = {"filing": "filings", "registration": "registrations", "both": "filings and registrations"}
NUMBER = {
    "en": {"filing": "filing number", "registration": "registration number"},
    "zh": {"filing": "备案号", "registration": "登记编号"},
}
SERIES = {
    "en": {"algorithm": "internet information service algorithm", "deep-synthesis": "deep-synthesis algorithm"},
    "zh": {"algorithm": "互联网信息服务算法", "deep-synthesis": "深度合成服务算法"},
}
# What a count or list is of: the series alone, a class of the algorithm lists, or a role of the deep-synthesis lists.
WHAT = {
    "en": {"algorithm": "internet information service algorithm filings", "deep-synthesis": "deep-synthesis filings"},
    "zh": {"algorithm": "互联网信息服务算法备案", "deep-synthesis": "深度合成服务算法备案"},
}
CLASS_EN = {
    "个性化推送类": "personalised push",
    "信息检索类": "information retrieval",
    "调度决策类": "scheduling and decision",
    "检索过滤类": "retrieval and filtering",
    "排序精选类": "ranking and selection",
    "内容过滤类": "content filtering",
    "生成合成类": "generation and synthesis",
}
ROLE_EN = {"服务提供者": "service providers", "服务技术支持者": "technical supporters"}


def what_words(series: str, category: str = "") -> tuple[str, str]:
    """(English, Chinese) words for what a count or list is of: a series, narrowed to a class or a role."""
    if not category:
        return WHAT["en"][series], WHAT["zh"][series]
    if series == "algorithm":
        return (
            f"algorithm filings of the {CLASS_EN[category]} class ({category})",
            f"{category}的互联网信息服务算法备案",
        )
    return f"deep-synthesis filings by {ROLE_EN[category]} ({category})", f"角色为{category}的深度合成服务算法备案"


# English names the alias table lacks, with the register's exact company spellings they stand for.
_W = "English Wikipedia article"
OTHER_NAMES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("BOSS Zhipin", ("北京华品博睿网络技术有限公司",), f"{_W} 'Kanzhun' (BOSS Zhipin)"),
    ("Maimai", ("北京淘友天下科技发展有限公司",), "Maimai's English site"),
    ("China Literature", ("上海阅文信息技术有限公司",), f"{_W} 'China Literature'"),
    ("Mininglamp Technology", ("北京明略昭辉科技有限公司",), "Mininglamp's English site"),
    ("Datagrand", ("达观数据有限公司",), "Datagrand's English site"),
    ("Zhuiyi Technology", ("深圳追一科技有限公司",), "Zhuiyi's English site"),
    ("Sangfor", ("深信服科技股份有限公司",), f"{_W} 'Sangfor Technologies'"),
    ("Yonyou", ("用友网络科技股份有限公司",), f"{_W} 'Yonyou'"),
    ("Uniview", ("浙江宇视科技有限公司",), "Uniview's English site"),
    ("miHoYo", ("上海米哈游姬米花科技有限公司", "上海米哈游秘法科技有限公司"), f"{_W} 'miHoYo'"),
    ("Giant Network", ("上海巨人网络科技有限公司",), f"{_W} 'Giant Network'"),
    ("Zhuanzhuan", ("北京转转精神科技有限责任公司",), "Zhuanzhuan's English pages"),
    ("Anta Sports", ("安踏体育用品集团有限公司",), f"{_W} 'Anta Sports'"),
    ("Fenbi", ("北京粉笔蓝天科技有限公司",), "Fenbi Education's English pages"),
    ("TCL", ("武汉TCL集团工业研究院有限公司", "深圳TCL新技术有限公司", "深圳市TCL云创科技有限公司"), f"{_W} 'TCL'"),
    (
        "Haier",
        (
            "海尔优家智能科技（北京）有限公司",
            "海尔集团(青岛)金盈控股有限公司",
            "海尔集团（青岛）金盈控股有限公司",
            "青岛海尔多媒体有限公司",
            "青岛海尔科技有限公司",
        ),
        f"{_W} 'Haier'",
    ),
)

# Organisations and products in no list; `absent` checks each (and its Chinese name) against every row.
ABSENT_EN: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Leapmotor", ("零跑",)),
    ("Seres Group", ("赛力斯",)),
    ("SAIC Motor", ("上汽",)),
    ("GAC Group", ("广汽",)),
    ("Cambricon", ("寒武纪",)),
    ("Horizon Robotics", ("地平线",)),
    ("Luckin Coffee", ("瑞幸",)),
    ("Li-Ning", ("李宁",)),
    ("Lilith Games", ("莉莉丝",)),
    ("NetDragon", ("网龙",)),
    ("Cheetah Mobile", ("猎豹",)),
    ("Microsoft Copilot", ()),
    ("Stable Diffusion", ()),
    ("Adobe Firefly", ()),
    ("HeyGen", ()),
    ("Synthesia", ()),
    ("Grammarly", ()),
    ("DeepL Translator", ()),
    ("Pony.ai", ("小马智行",)),
    ("WeRide", ("文远知行",)),
    ("Nreal", ()),
    ("Poe by Quora", ()),
)
ABSENT_ZH = (
    "寒武纪", "零跑汽车", "瑞幸咖啡", "李宁", "莉莉丝游戏", "澄湖问答", "雁栖写作助手", "栖云大模型", "听松语音助手",
    "鹿鸣绘图", "青檀智库助手", "霁月对话", "小马智行", "溪山问答助手", "望舒绘画大模型",
)  # fmt: skip
