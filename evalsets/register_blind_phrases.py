"""The phrasings of the blind register set (`register_blind.jsonl`): how users of an approvals bot ask, in English
and Simplified Chinese (Traditional is made from the Simplified with OpenCC), one group of templates per question
shape.

Written for this set without reading the bot's question parser (`bot/register/`), the questions of the
development and held-out register sets, or any evaluation report. Every template keeps one reading in the data
README's terms: "filed" is a filing (备案), "registered" a registration (登记), "approved", "licensed",
"green-lit", 获批 and 通过 mean either; a date ("dated", "with a date in", 时间在) is the row's date, a list
("the list published in", 公布的名单) is the list's month. This module only holds strings; it chooses nothing.
"""

from __future__ import annotations

# Slots: {name} service, {company}, {province}, {month}, {year}, {day}, {kind} (a kind phrase below), {algo}
# algorithm name, {series} (a series phrase below), {product}, {old} (a company's former name), {category}.

KIND_PHRASES = {
    "en": {
        "filing": ("filed", "filed (model filing, 备案)"),
        "registration": ("registered", "registered (the app registration, 登记)"),
        "both": ("approved", "licensed", "green-lit", "filed or registered"),
    },
    "zh": {
        "filing": ("完成备案", "备案"),
        "registration": ("完成登记", "登记"),
        "both": ("获批", "通过备案或登记", "备案或登记"),
    },
}

SERIES_PHRASES = {
    "en": {
        "algorithm": ("internet information service", "internet-information-service"),
        "deep-synthesis": ("deep-synthesis", "deep synthesis"),
    },
    "zh": {"algorithm": ("互联网信息服务",), "deep-synthesis": ("深度合成", "深度合成服务")},
}

TEMPLATES: dict[str, dict[str, tuple[str, ...]]] = {
    # Generative AI, one service: its number and date.
    "lookup_service": {
        "en": (
            "Has {name} been approved by the CAC? If so, when and under which number?",
            "What date was {name} green-lit, and what is its reference number?",
            "Could you check whether {name} is on the CAC's generative AI register?",
            "{name}: approved or not? Number and date please.",
            "Is {name} licensed as a generative AI service in China, and since when?",
            "I'd like the approval number of {name}, please.",
        ),
        "zh": (
            "{name}通过备案了吗？编号是多少？",
            "请问{name}是什么时候获批上线的？",
            "帮我查一下{name}的编号和时间",
            "{name}在网信办那边有没有备案或登记过？",
            "麻烦问下，{name}这个服务拿到编号了没有",
            "{name}是哪天通过的，编号多少？",
        ),
    },
    # Generative AI, one service by its English name: its number and date.
    "lookup_english": {
        "en": (
            "Has {name} been approved in China? When, and what number?",
            "When did {name} get its CAC approval?",
            "Is there a CAC approval on record for {name}? I need the number.",
            "Quick one: is {name} licensed in mainland China?",
        ),
    },
    # Generative AI: a count by province and kind, with an optional time filter ({when}).
    "count_province": {
        "en": (
            "How many generative AI services from {province} have been {kind}{when}?",
            "What's the number of {province}-based generative AI services {kind}{when}?",
            "Count for me the {kind} generative AI services in {province}{when}, please.",
            "In total, how many AI services located in {province} were {kind}{when}?",
        ),
        "zh": (
            "{when}{province}一共有多少个生成式人工智能服务{kind}？",
            "请问{when}属地为{province}的生成式AI服务有几项{kind}？",
            "{when}{province}的大模型服务{kind}了多少个",
            "统计一下{when}{province}{kind}的生成式人工智能服务数量",
        ),
    },
    # Generative AI: a count over the whole register, by kind and time.
    "count_time": {
        "en": (
            "How many generative AI services were {kind}{when}?",
            "What is the total of generative AI services {kind}{when}?",
            "Across China, how many AI services got {kind}{when}?",
            "Give me the number of services {kind}{when}.",
        ),
        "zh": (
            "{when}全国共有多少个生成式人工智能服务{kind}？",
            "{when}{kind}的生成式AI服务一共几项？",
            "请统计{when}{kind}的大模型服务总数",
            "想知道{when}有多少款生成式人工智能服务{kind}了",
        ),
    },
    # Generative AI: how many services one company (English name) has.
    "count_company": {
        "en": (
            "How many generative AI services has {company} had approved?",
            "How many of {company}'s AI services are on the CAC's generative AI register?",
            "Number of generative AI services {company} has got licensed in China?",
            "{company} has how many approved generative AI services?",
        ),
    },
    # Generative AI: a list by province and time.
    "list_province": {
        "en": (
            "Which generative AI services from {province} were {kind}{when}?",
            "List the {province} generative AI services {kind}{when}.",
            "Can you show me the AI services in {province} that were {kind}{when}?",
            "What AI services based in {province} got {kind}{when}?",
        ),
        "zh": (
            "{when}{province}有哪些生成式人工智能服务{kind}？",
            "列出{when}属地为{province}的{kind}生成式AI服务",
            "请问{when}{province}{kind}的大模型服务都有哪些",
            "{when}{province}{kind}的生成式人工智能服务名单给我看看",
        ),
    },
    # Generative AI: a list by one exact date.
    "list_day": {
        "en": (
            "Which generative AI services have an approval date of {day}?",
            "What services were approved on {day}?",
            "List every service dated {day} on the generative AI register.",
            "Show the generative AI services with the date {day}.",
        ),
        "zh": (
            "备案或登记时间为{day}的生成式人工智能服务有哪些？",
            "{day}当天获批的生成式AI服务都有哪些",
            "请列出时间是{day}的大模型服务",
            "哪些生成式人工智能服务的时间写的是{day}？",
        ),
    },
    # Generative AI: a company's services (English name).
    "list_company": {
        "en": (
            "Which generative AI services has {company} had approved?",
            "List {company}'s approved generative AI services.",
            "What generative AI services does {company} have on the CAC register?",
            "Show me everything {company} has on the generative AI register.",
        ),
    },
    # Any series: a name in no list.
    "absent_service": {
        "en": (
            "Has {name} cleared the CAC's approval process?",
            "Would I find {name} among the generative AI services China has signed off on?",
            "I heard {name} is available in China now. Is it approved there?",
            "Can I find {name} in China's list of approved AI services?",
            "Is {name} licensed to operate as a generative AI service in China?",
        ),
        "zh": (
            "{name}在国内备案了吗？",
            "请问{name}有没有通过网信办的备案或登记？",
            "{name}拿到生成式人工智能服务的编号了吗",
            "查一下{name}是否在网信办公布的名单里",
            "{name}获批了没有？",
        ),
    },
    "absent_algorithm": {
        "en": (
            "Has {name} filed an algorithm with the CAC?",
            "Is there an algorithm filing in China for {name}?",
            "Does {name} appear in the CAC's algorithm filing lists?",
            "Give me the number of {name}'s filed algorithm, if there is one.",
        ),
        "zh": (
            "{name}做过算法备案吗？",
            "{name}的算法备案编号是多少？",
            "网信办的算法备案清单里有{name}吗",
            "请问{name}有没有备案过深度合成或推荐算法？",
        ),
    },
    # Algorithm series: one algorithm's number.
    "lookup_algorithm": {
        "en": (
            "What is the filing number of {algo}?",
            "Has {algo} been filed? I need its number.",
            "Could you look up the CAC filing of {algo}?",
            "Which number was {algo} filed under?",
            "Is {algo} (by {company}) filed with the CAC?",
        ),
        "zh": (
            "{algo}的备案编号是多少？",
            "请帮我查一下{algo}有没有备案",
            "{company}的{algo}备案号是什么",
            "{algo}是在哪一期清单里备案的？编号多少？",
            "想查{algo}的网信算备编号",
        ),
    },
    # Algorithm series: counts by list, province, class or role.
    "count_series": {
        "en": (
            "How many {series} filings are there{where}{when}?",
            "What's the number of {series} algorithms filed{where}{when}?",
            "Count the {series} filings{where}{when}.",
            "Tell me how many {series} algorithms were filed{where}{when}.",
        ),
        "zh": (
            "{when}{where}的{series}备案一共有多少条？",
            "{where}{when}备案的{series}算法有几个",
            "请统计{when}{where}{series}算法备案的数量",
            "想知道{when}{where}{series}算法备案的条数",
        ),
    },
    # Algorithm series: a company's algorithms, or those of a product.
    "list_series_company": {
        "en": (
            "Pull up every {series} algorithm on file for {company}.",
            "List {company}'s {series} filings.",
            "What {series} algorithms does {company} have on file with the CAC?",
            "Show me the {series} filings made by {company}.",
        ),
        "zh": (
            "{company}备案了哪些{series}算法？",
            "列出{company}的{series}算法备案",
            "{company}名下有哪些{series}备案",
            "请问{company}在{series}清单里有哪些算法",
        ),
    },
    # Algorithm series: a company's algorithms in either series (no series named).
    "list_any_company": {
        "en": (
            "Which algorithms has {company} filed with the CAC?",
            "What has {company} got on the CAC's algorithm filing lists?",
            "List the algorithm filings of {company}, any series.",
            "Does {company} have any algorithms on file in China? Which?",
        ),
        "zh": (
            "{company}备案过哪些算法？",
            "{company}在网信办的算法备案清单上有哪些记录",
            "请列出{company}的全部算法备案",
            "{company}名下的算法备案都有哪些？",
        ),
    },
    "list_product": {
        "en": (
            "Which filed algorithms does the {product} product use?",
            "What algorithms are filed for {product}?",
        ),
        "zh": ("{product}用到了哪些已备案的算法？", "应用产品包括{product}的备案算法有哪些"),
    },
    # Cancelled filings.
    "cancelled_company": {
        "en": (
            "Did {company} have algorithm filings cancelled later on? Which?",
            "Has {company} had any algorithm filing deregistered? Which ones?",
            "Any of {company}'s algorithm filings struck off (cancelled)? List them.",
        ),
        "zh": ("{company}有哪些算法备案已经注销了？", "{company}被注销的备案有哪些", "列出{company}已注销的算法备案"),
    },
    "cancelled_count": {
        "en": (
            "How many {series} filings{where} have been cancelled?",
            "What's the number of cancelled {series} filings{where}?",
            "In the {series} lists, how many entries{where} are marked as cancelled?",
        ),
        "zh": (
            "{where}{series}算法备案里，状态是已注销的有几条？",
            "{where}{series}清单中被注销掉的备案数量是多少",
            "数一数{where}{series}备案里注销了多少条",
        ),
    },
    # Renamed companies.
    "renamed": {
        "en": (
            "What is {old} called now?",
            "{old} changed its name according to the filing lists. What's the new name?",
            "Under what name does {old} appear now after its rename?",
            "What did {old} rename itself to?",
        ),
        "zh": (
            "{old}后来改名叫什么了？",
            "{old}更名后的主体名称是什么",
            "{old}现在叫什么名字？",
            "请问{old}变更为哪家公司名称了",
        ),
    },
}
