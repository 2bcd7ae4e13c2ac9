"""The third blind register set's own wording: templates per question shape and language, the words for kinds,
series and algorithm classes, English names the alias table lacks, and names that are in no list.

Written without reading the bot's register code, the earlier sets' questions or phrase files, or any evaluation
report. Chinese templates are Simplified; about one Chinese question in three is turned into Traditional when
it is asked. This module holds text only: no reading, no choosing (see `register_blind3_common.py`).
"""

from __future__ import annotations

# shape -> language -> templates. Slots: {name} a service or algorithm as listed, {english} an English name,
# {company}, {province}, {kinded}/{kind_zh} filed or registered, {numword} filing/registration number,
# {when} a time filter, {series}, {category}, {day}, {old}/{new} company names, {product}.
TEMPLATES: dict[str, dict[str, tuple[str, ...]]] = {
    "genai_number": {
        "en": (
            "What {numword} did {name} get?",
            "Could you look up the {numword} of {name} for me?",
            "I need the {numword} for {name}, do you have it?",
            "{name}: what's its {numword} with the CAC?",
            "Is {name} on the CAC's generative AI list, and under which number?",
        ),
        "zh": (
            "{name}的{kind_zh}号是多少？",
            "帮我查一下{name}的{kind_zh}编号",
            "{name}在网信办{kind_zh}过吗？编号是什么？",
            "请问{name}这个生成式AI服务的{kind_zh}号",
            "想知道{name}拿到的{kind_zh}号，能查吗？",
        ),
    },
    "genai_when": {
        "en": (
            "When was {name} {kinded}?",
            "On what date did {name} get {kinded} with the CAC?",
            "What's the date on {name}'s {kind_noun}?",
            "How long ago was {name} {kinded}, what date exactly?",
        ),
        "zh": (
            "{name}是哪天完成{kind_zh}的？",
            "{name}什么时候{kind_zh}的？",
            "查一下{name}的{kind_zh}时间",
            "{name}的{kind_zh}日期是哪一天？",
        ),
    },
    "genai_who": {
        "en": (
            "Who is the company behind {name} in the CAC register?",
            "Which organisation {kinded} {name}?",
            "Who filed {name}, and where are they based?",
            "Whose service is {name}? I mean the one on the CAC list",
        ),
        "zh": (
            "{name}是哪家公司{kind_zh}的？",
            "{name}背后的{kind_zh}单位是谁？",
            "谁家的产品叫{name}？网信办清单上写的是哪个单位",
            "{name}的{kind_zh}主体是哪家？",
        ),
    },
    "english_lookup": {
        "en": (
            "Has {english} been approved in China? What number?",
            "What's the CAC number for {english}?",
            "Did {english} get through the CAC's generative AI filing? Number and date please",
            "Look up {english} in the generative AI register",
        ),
        "zh": (
            "{english}在国内备案了吗？编号多少？",
            "{english}拿到网信办的编号了吗",
            "查一下{english}的备案信息",
            "{english}有没有通过生成式人工智能备案？",
        ),
    },
    "genai_count_place": {
        "en": (
            "How many generative AI services from {province} were {kinded}{when}?",
            "Number of {province} generative AI services {kinded}{when}?",
            "Count the generative AI services {kinded} in {province}{when}",
            "How many gen-AI services based in {province} got {kinded}{when}?",
        ),
        "zh": (
            "{when}{province}有多少个生成式人工智能服务完成{kind_zh}？",
            "{when}{province}{kind_zh}的生成式AI服务一共几个？",
            "统计一下{when}{province}完成{kind_zh}的生成式人工智能服务数量",
            "{when}属地为{province}的生成式AI服务，{kind_zh}了多少个？",
        ),
    },
    "genai_count_all": {
        "en": (
            "How many generative AI services were {kinded}{when}?",
            "Total number of generative AI services {kinded}{when}?",
            "How many gen-AI services got {kinded}{when}, nationwide?",
            "Give me the count of generative AI services {kinded}{when}",
        ),
        "zh": (
            "{when}全国一共有多少个生成式人工智能服务完成{kind_zh}？",
            "{when}完成{kind_zh}的生成式AI服务有几个？",
            "{when}生成式人工智能服务{kind_zh}总数是多少？",
            "统计{when}全国{kind_zh}的生成式AI服务数量",
        ),
    },
    "english_count": {
        "en": (
            "How many generative AI services does {english} have on the CAC's lists, filed and registered together?",
            "Count everything {english} has filed or registered as generative AI",
            "How many of {english}'s gen-AI services are filed or registered?",
            "Add up {english}'s gen-AI entries across the filing and registration lists: how many?",
        ),
        "zh": (
            "{english}一共有几个生成式人工智能服务备案或登记？",
            "{english}名下的生成式AI备案和登记加起来有多少个？",
            "统计{english}的生成式人工智能备案、登记总数",
            "{english}有多少个生成式AI服务上了网信办清单（备案和登记都算）？",
        ),
    },
    "genai_list_place": {
        "en": (
            "Which {province} generative AI services were {kinded}{when}?",
            "List the generative AI services from {province} {kinded}{when}",
            "Show me the gen-AI services in {province} that got {kinded}{when}",
            "What generative AI services based in {province} were {kinded}{when}?",
        ),
        "zh": (
            "{when}{province}有哪些生成式人工智能服务完成{kind_zh}？",
            "列出{when}{province}{kind_zh}的生成式AI服务",
            "{when}属地是{province}的生成式AI服务，{kind_zh}的都有哪些？",
            "帮我看看{when}{province}{kind_zh}的生成式人工智能服务有哪些",
        ),
    },
    "genai_list_day": {
        "en": (
            "Which generative AI services were {kinded} on {day}?",
            "List every gen-AI service {kinded} on {day}",
            "What got {kinded} as generative AI on {day}?",
            "Show the generative AI {kind_noun}s dated {day}",
        ),
        "zh": (
            "{day}有哪些生成式人工智能服务完成{kind_zh}？",
            "{day}{kind_zh}的生成式AI服务是哪些？",
            "列出{kind_zh}日期为{day}的生成式人工智能服务",
            "查一下{day}那天{kind_zh}的生成式AI服务",
        ),
    },
    "english_list": {
        "en": (
            "Name the gen-AI products {english} got onto the CAC's filing or registration lists",
            "List {english}'s generative AI filings and registrations",
            "What gen-AI services from {english} are on the CAC's lists?",
            "Show me all of {english}'s generative AI services in the register",
        ),
        "zh": (
            "{english}有哪些生成式人工智能服务备案或登记了？",
            "列出{english}的生成式AI备案和登记",
            "{english}在网信办清单上的生成式AI服务有哪些？",
            "{english}名下备案、登记过的生成式人工智能服务都列一下",
        ),
    },
    "absent_genai": {
        "en": (
            "Has {name} been approved in China?",
            "Is {name} filed with the CAC as a generative AI service?",
            "Can I find {name} in the CAC's generative AI register?",
            "Did {name} get a filing number in China?",
        ),
        "zh": (
            "{name}在中国备案了吗？",
            "{name}有没有在网信办完成生成式人工智能备案？",
            "{name}上了生成式AI备案清单吗",
            "{name}的备案号是多少？",
        ),
    },
    "absent_algorithm": {
        "en": (
            "Would I find a content-ranking algorithm of {name} on record with China's internet regulator?",
            "Has {name} filed any algorithm with the CAC?",
            "Search the algorithm registry for {name}: is there any entry under that name?",
            "What algorithm filing number does {name} have in China?",
        ),
        "zh": (
            "{name}的推荐算法在网信办备案了吗？",
            "{name}有算法备案吗？",
            "算法备案清单里有{name}吗？",
            "{name}的算法备案编号是多少？",
        ),
    },
    "algo_number": {
        "en": (
            "What's the filing number of {name}?",
            "Find the CAC filing for the algorithm {name}",
            "Which company filed {name}, and under what number?",
            "{name} - is it filed? I need the number",
        ),
        "zh": (
            "{name}的备案编号是多少？",
            "查一下“{name}”的算法备案号",
            "{name}是哪家公司备案的？编号多少",
            "{name}备案了吗？给我编号",
        ),
    },
    "algo_count_place": {
        "en": (
            "For filers located in {province}, what is the tally of {series}{when}?",
            "Count the {series} filed by companies in {province}{when}",
            "What's the number of {series} from {province}{when}?",
            "How many {series} does {province} have{when}?",
        ),
        "zh": (
            "{when}{province}的{series}有多少条？",
            "{when}{province}一共有几条{series}？",
            "统计{when}{province}的{series}数量",
            "{when}属于{province}的{series}是多少条？",
        ),
    },
    "algo_count_class": {
        "en": (
            "How many {series} are of the class {category}{when}?",
            "Count the {category} entries among the {series}{when}",
            "How many {category} filings are there among the {series}{when}?",
            "Number of {series} in the {category} class{when}?",
        ),
        "zh": (
            "{when}{series}中{category}的有多少条？",
            "{when}{category}的{series}一共几条？",
            "统计{when}{series}里{category}的数量",
            "{when}{series}里属于{category}的有几条？",
        ),
    },
    "algo_list_company": {
        "en": (
            "Name every one of the {series} lodged by {company}",
            "List {company}'s {series}",
            "What {series} are filed under {company}?",
            "Show me every {series_one} from {company}",
        ),
        "zh": (
            "{company}有哪些{series}？",
            "列出{company}的{series}",
            "{company}名下备案的{series}都有哪些？",
            "帮我查{company}备案过的{series}",
        ),
    },
    "english_algo_list": {
        "en": (
            "What algorithms has {english} filed with the CAC, in either algorithm register?",
            "List {english}'s algorithm and deep-synthesis filings",
            "Which algorithm filings belong to {english}, recommendation and deep synthesis alike?",
            "Show all of {english}'s filings in the algorithm and deep-synthesis lists",
        ),
        "zh": (
            "{english}备案了哪些算法（算法备案和深度合成都算）？",
            "列出{english}的算法备案和深度合成备案",
            "{english}在算法和深度合成备案清单里有哪些条目？",
            "{english}名下的算法、深度合成备案有哪些？",
        ),
    },
    "cancelled_company": {
        "en": (
            "Which of {company}'s algorithm filings have been cancelled?",
            "Has {company} had any filings cancelled? Which ones?",
            "{company}: which of its algorithm entries are now shown as cancelled?",
            "What did {company} file that is now marked cancelled?",
        ),
        "zh": (
            "{company}有哪些算法备案已经注销了？",
            "{company}被注销的备案是哪些？",
            "列出{company}已注销的算法备案",
            "{company}的备案里哪些标了已注销？",
        ),
    },
    "cancelled_list": {
        "en": (
            "Which {series} from the {month} list were later cancelled?",
            "Of the {series} published in {month}, which have been cancelled?",
            "List the cancelled entries among the {month} {series}",
            "Any {series} in the {month} list that are now cancelled?",
        ),
        "zh": (
            "{month}公布的{series}里，哪些后来注销了？",
            "{month}那期{series}中已注销的有哪些？",
            "列出{month}清单里已注销的{series}",
            "{month}的{series}有没有被注销的？是哪些",
        ),
    },
    "cancelled_place": {
        "en": (
            "Which {series} from {province} have been cancelled?",
            "List the cancelled {series} from {province}",
            "Any {series} from {province} marked cancelled?",
            "Which {series} by companies based in {province} now carry a cancelled mark?",
        ),
        "zh": (
            "{province}有哪些{series}已注销？",
            "列出{province}已经注销的{series}",
            "{province}的{series}里哪些被注销了？",
            "查一下{province}注销了的{series}",
        ),
    },
    "renamed_new": {
        "en": (
            "What is {old} called now?",
            "{old} changed its name in the algorithm register. To what?",
            "What's the new name of {old}?",
            "Which name did {old} take after the change recorded by the CAC?",
        ),
        "zh": (
            "{old}后来改名叫什么了？",
            "{old}现在的主体名称是什么？",
            "{old}变更后的名称是？",
            "算法备案里{old}改成了哪个名字？",
        ),
    },
    "renamed_old": {
        "en": (
            "What was {new} called before it was renamed?",
            "What's the old name of {new} in the algorithm lists?",
            "{new} used to go by another name. Which one?",
            "Before the change, what name did {new} have?",
        ),
        "zh": (
            "{new}原来叫什么名字？",
            "{new}的原主体名称是什么？",
            "{new}改名前叫什么？",
            "算法备案里{new}以前用的是哪个名称？",
        ),
    },
}

# How a time filter reads: English is appended, Chinese put in front.
YEAR_EN, YEAR_ZH = " during {year} (by the date in the list)", "按清单日期，{year}年"
MONTH_EN, MONTH_ZH = " in {month} (by the date in the list)", "按清单日期，{month}"
SINCE_EN, SINCE_ZH = " from {month} on (by the date in the list, {month} included)", "按清单日期，{month}及以后"
BATCH_EN, BATCH_ZH = " in the batch the CAC published in {month}", "网信办{month}发布的那批清单里，"
LIST_EN, LIST_ZH = " in the {month} list", "{month}那一期清单里，"

KIND_WORDS = {
    "filing": {"kinded": "filed", "kind_noun": "filing", "numword": "filing number", "kind_zh": "备案"},
    "registration": {
        "kinded": "registered",
        "kind_noun": "registration",
        "numword": "registration number",
        "kind_zh": "登记",
    },
}
SERIES_WORDS = {
    "algorithm": {
        "en": "internet information service algorithm filings",
        "one": "internet information service algorithm filing",
        "zh": "互联网信息服务算法备案",
    },
    "deep-synthesis": {
        "en": "deep-synthesis algorithm filings",
        "one": "deep-synthesis algorithm filing",
        "zh": "深度合成算法备案",
    },
}
CATEGORY_EN = {
    "个性化推送类": "personalised push",
    "信息检索类": "information retrieval",
    "调度决策类": "scheduling and decision",
    "检索过滤类": "retrieval and filtering",
    "排序精选类": "ranking and selection",
    "内容过滤类": "content filtering",
    "生成合成类": "generation and synthesis",
    "服务提供者": "service provider",
    "服务技术支持者": "technical supporter",
}

# English names the alias table lacks: (English name, the register's exact company spellings, its source).
OTHER_NAMES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("miHoYo", ("上海米哈游姬米花科技有限公司", "上海米哈游秘法科技有限公司"), "Wikipedia article 'miHoYo'"),
    ("Kugou", ("广州酷狗计算机科技有限公司",), "Wikipedia article 'Kugou'"),
    ("TCL", ("武汉TCL集团工业研究院有限公司", "深圳TCL新技术有限公司", "深圳市TCL云创科技有限公司"),
     "Wikipedia 'TCL Technology'"),
    ("Meizu", ("湖北星纪魅族网络技术有限公司", "珠海星纪魅族信息技术有限公司"), "Wikipedia article 'Meizu'"),
    ("ShengShu", ("北京生数科技有限公司",), "ShengShu Technology's English site (Vidu)"),
    ("Zhidemai", ("北京值得买科技股份有限公司",), "Zhidemai Technology's English investor pages"),
    ("ZTE", ("中兴通讯股份有限公司", "中兴系统技术有限公司"), "Wikipedia article 'ZTE'"),
    ("Hisense", ("海信电子科技（深圳）有限公司", "海信视像科技股份有限公司"), "Wikipedia article 'Hisense'"),
    ("Midea", ("美的集团股份有限公司",), "Wikipedia article 'Midea Group'"),
    ("Zeekr", ("上海极氪蓝色新能源技术有限公司", "极氪汽车（宁波杭州湾新区）有限公司"), "Wikipedia article 'Zeekr'"),
    ("Youzan", ("杭州有赞科技有限公司",), "Wikipedia article 'Youzan'"),
    ("Perfect World", (
        "完美世界互娱（北京）科技有限公司", "完美世界午迪（上海）电竞信息科技有限公司",
        "完美世界（北京）软件科技发展有限公司",
    ), "Wikipedia article 'Perfect World (company)'"),
    ("Giant Network", ("上海巨人网络科技有限公司",), "Wikipedia article 'Giant Network'"),
    ("SinoVoice", ("北京捷通华声科技股份有限公司",), "SinoVoice's English site"),
    ("Tezign", ("特赞（上海）信息科技有限公司",), "Tezign's English site"),
    ("SoundAI", ("北京声智科技有限公司",), "SoundAI's English site"),
)  # fmt: skip

# Plausible names that should be in no list (each is checked against every row and the alias table).
ABSENT_GENAI_EN = (
    "Claude", "Gemini", "Grok", "Llama", "Perplexity", "Midjourney", "Character.AI", "Mistral Le Chat", "Suno",
    "Runway Gen-3", "Pika", "Jasper", "Replika", "Stable Diffusion", "ElevenLabs", "Cohere Command", "Poe",
    "Microsoft Copilot", "Notion AI", "Grammarly", "Writesonic", "Copy.ai", "Otter.ai", "Synthesia", "HeyGen",
    "Luma Dream Machine", "Ideogram", "Leonardo.ai", "Udio", "Descript", "Phind", "Inflection Pi", "Adobe Firefly",
    "Google Bard", "DALL-E", "Sora", "Anthropic", "OpenAI", "Krea", "Tabnine",
)  # fmt: skip
ABSENT_GENAI_ZH = (
    "星澜写作助手", "青鸾智能客服", "墨川大模型", "听潮翻译官", "云栖画师", "知遥问答", "砚台AI作文", "沧浪法律助手",
    "鹿鸣健康问诊", "松果编程助手", "萤火短剧生成", "澄江财报解读",
)  # fmt: skip
ABSENT_ALGORITHM = (
    "Netflix", "Spotify", "YouTube", "Instagram", "Pinterest", "Snapchat", "Reddit", "LinkedIn", "Tinder", "Quora",
    "Tumblr", "Twitch", "Discord", "Telegram", "WhatsApp", "Airbnb", "Shopee", "Lazada", "Naver", "Kakao",
)  # fmt: skip
