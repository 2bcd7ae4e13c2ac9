"""The fourth blind register set's wording: sentence frames per question shape and language, and the filter
words they are filled with. Written for this set without reading the bot's parser or any earlier set's
questions or phrase files. Simplified Chinese only: the Traditional questions are converted with OpenCC.

Each frame has one slot for what is asked about (`{what}`, built in `register_blind4_common.py`), or a name
(`{name}`, `{old}`, `{new}`) with its number word. This module holds text only.
"""

from __future__ import annotations

TEMPLATES: dict[str, dict[str, tuple[str, ...]]] = {
    "count": {
        "en": (
            "How many {what} are there?",
            "What is the total number of {what}?",
            "Could you count the {what} for me?",
            "Tell me how many {what} the CAC lists.",
            "I'd like the number of {what}, please.",
        ),
        "zh": (
            "{what}一共有多少？",
            "请问{what}有几条？",
            "帮我数一下{what}的数量。",
            "{what}总数是多少？",
            "网信办公布的{what}共计多少条？",
        ),
    },
    "list": {
        "en": (
            "What {what} are on record?",
            "Spell out the {what}, please.",
            "Show me every one of the {what}.",
            "Can you name the {what}?",
            "I need a list of the {what}.",
        ),
        "zh": (
            "{what}有哪些？",
            "列出{what}。",
            "请把{what}逐条列出来。",
            "{what}都是哪几项？",
            "给我看看{what}的清单。",
        ),
    },
    "lookup": {
        "en": (
            "Which {numword} does {name} carry?",
            "{name}: when was it {kinded}, and under what number?",
            "Has {name} been {kinded}? If so, what's the number?",
            "Find the register entry for {name}.",
            "Under which number is {name} {kinded} with the CAC?",
        ),
        "zh": (
            "{name}对应的{numword}是哪个？",
            "{name}是哪天{kind}的，编号多少？",
            "{name}{kind}过没有？有的话编号是多少？",
            "帮我查{name}的{kind}记录。",
            "请问{name}的{numword}",
        ),
    },
    "not_in_register": {
        "en": (
            "Is {what} on the CAC's register?",
            "Has {what} been filed in China?",
            "Does the CAC list {what}?",
            "Is there a CAC filing number for {what}?",
            "Did {what} get through the Chinese filing process?",
        ),
        "zh": (
            "{what}在网信办那边备过案没有？",
            "{what}有没有在国内备案？",
            "查一下{what}的备案号。",
            "{what}在中国的备案清单上吗？",
            "{what}通过国内的备案了没有？",
        ),
    },
    "cancelled_list": {
        "en": (
            "Which {what} have been cancelled?",
            "Show the cancelled {what}.",
            "List any {what} marked as cancelled.",
            "Which of the {what} were later cancelled?",
        ),
        "zh": (
            "{what}中哪些已注销？",
            "列出已注销的{what}。",
            "{what}里被注销的有哪些？",
            "哪些{what}已经注销了？",
        ),
    },
    "cancelled_count": {
        "en": (
            "Of the {what}, how many were cancelled?",
            "Give me a tally of the {what} that were cancelled.",
            "Among the {what}, how many carry a cancellation remark?",
            "What number of {what} were cancelled later on?",
        ),
        "zh": (
            "{what}中有几条已注销？",
            "已注销的{what}有多少？",
            "{what}被注销了多少条？",
            "统计一下{what}里已注销的数量。",
        ),
    },
    "renamed_to": {
        "en": (
            "What was {old} renamed to?",
            "{old} changed its name. What is it called now?",
            "What's the current name of {old}?",
            "Which name did {old} take after its name change?",
        ),
        "zh": (
            "{old}更名后叫什么？",
            "{old}现在的名称是什么？",
            "{old}改名成了什么？",
            "{old}变更后的主体名称是？",
        ),
    },
    "renamed_from": {
        "en": (
            "What was {new} called before its rename?",
            "What was the former name of {new}?",
            "Before the name change, what was {new} called?",
            "Which earlier company name did {new} replace?",
        ),
        "zh": (
            "{new}原来叫什么名字？",
            "{new}更名前的主体名称是什么？",
            "{new}改名以前的名称是？",
            "{new}改名之前叫什么？",
        ),
    },
}

# Series nouns: (English, Chinese).
SERIES_WORDS = {
    "genai": ("generative AI services", "生成式人工智能服务"),
    "algorithm": ("filed internet information service algorithms", "互联网信息服务算法备案"),
    "deep-synthesis": ("filed deep-synthesis algorithms", "深度合成服务算法备案"),
}
GENAI_KIND = {  # (English qualifier, Chinese condition)
    "filing": ("filed", "已备案"),
    "registration": ("registered", "已登记"),
    "both": ("filed and registered alike", "已备案或已登记"),
}
LOOKUP_WORDS = {  # kind -> (number word en, participle en, number word zh, verb zh)
    "filing": ("filing number", "filed", "备案号", "备案"),
    "registration": ("registration number", "registered", "登记编号", "登记"),
}
CLASSES_EN = {
    "个性化推送类": "personalised-push",
    "信息检索类": "information-retrieval",
    "调度决策类": "scheduling-and-decision",
    "检索过滤类": "search-filtering",
    "排序精选类": "ranking-and-selection",
}
ROLES_EN = {"服务提供者": "service provider", "服务技术支持者": "technical supporter"}

# Condition words: English appended after the series noun, Chinese joined with 、 before 的.
FROM_EN, FROM_ZH = " from {place}", "属地为{place}"
BY_EN, BY_ZH = " of {company}", "主体为{company}"
YEAR_EN, YEAR_ZH = " whose listed date falls in {year}", "所列时间在{year}年"
MONTH_EN, MONTH_ZH = " whose listed date falls in {month}", "所列时间在{month}"
SINCE_EN, SINCE_ZH = " whose listed date is {month} or later", "所列时间在{month}及以后"
BATCH_EN, BATCH_ZH = " in the batch the CAC put out in {month}", "出自网信办{month}公布的那批"
LIST_EN, LIST_ZH = " in the {month} list", "出自{month}那份清单"
CLASS_EN, CLASS_ZH = " in the {cls} class", "算法类别为{cls}"
ROLE_EN, ROLE_ZH = " whose role is {role}", "角色为{role}"

# Words whose questions `python -m bot leaks` found too close to a question of a test, of bench/ or of the
# golden set (g057's answer is "December"): a question with one of them in English is left out.
NEAR_TEST_QUESTIONS = ("iFlytek Spark", "Inner Mongolia", "December 2024")

# English names the alias table lacks, none of those the earlier blind sets name: (English name, the
# register's exact company spellings, source).
_W = "English Wikipedia article"
OTHER_NAMES = (
    ("China Construction Bank", ("中国建设银行股份有限公司",), f"{_W} 'China Construction Bank'"),
    ("CITIC Securities", ("中信证券股份有限公司",), f"{_W} 'CITIC Securities'"),
    ("Huatai Securities", ("华泰证券股份有限公司",), f"{_W} 'Huatai Securities'"),
    ("WeBank", ("深圳前海微众银行股份有限公司",), f"{_W} 'WeBank (China)'"),
    ("ZhongAn Technology", ("众安信科(深圳)股份有限公司",), "ZhongAn's English site"),
    ("Yonyou", ("用友网络科技股份有限公司",), f"{_W} 'Yonyou'"),
    ("Sangfor", ("深信服科技股份有限公司",), f"{_W} 'Sangfor'"),
    ("Qi An Xin", ("奇安信科技集团股份有限公司",), f"{_W} 'Qi An Xin'"),
    ("SF Technology", ("顺丰科技有限公司",), f"{_W} 'SF Express' (its technology arm)"),
    ("Hundsun", ("恒生电子股份有限公司",), f"{_W} 'Hundsun Technologies'"),
)

# Services and apps with no Chinese filing, named as users write them (each checked against every row).
ABSENT_SERVICES = (
    "Perplexity", "Grok", "Mistral Le Chat", "Character.AI", "Midjourney", "Stable Diffusion", "Runway Gen-3",
    "Suno", "Udio", "ElevenLabs", "Synthesia", "Jasper", "Writesonic", "Copy.ai", "Notion AI", "Grammarly",
    "DeepL Write", "Otter.ai", "Tabnine", "Cursor", "Replit Agent", "Codeium", "Phind", "You.com", "Inflection Pi",
    "Luma Dream Machine", "Pika", "Ideogram", "Leonardo.Ai", "Krea", "Gamma", "Poe", "Replika", "Claude",
    "Gemini", "Microsoft Copilot", "Llama", "Sora", "Cohere Command", "Aleph Alpha", "Kagi Assistant", "Tome",
    "Beautiful.ai", "Descript", "Murf AI", "Play.ht", "Speechify", "WellSaid Labs", "D-ID", "Colossyan", "Kaiber",
    "Genmo", "NightCafe", "Craiyon", "DreamStudio", "Playground AI", "Photoroom", "Lensa", "Adobe Firefly",
    "Glean", "Harvey AI", "Elicit", "Consensus", "Khanmigo", "Wordtune", "QuillBot", "Sudowrite", "NovelAI",
    "AI Dungeon", "Kindroid", "Janitor AI",
)  # fmt: skip
ABSENT_APPS = (
    "Netflix", "Spotify", "Reddit", "Pinterest", "Tinder", "Instagram", "Snapchat", "Twitch", "Etsy",
    "Hinge", "Strava", "Yelp", "Zillow", "DoorDash", "Hulu", "Vimeo", "Tumblr", "Discord", "Bumble", "Nextdoor",
    "Substack", "Goodreads", "Letterboxd", "SoundCloud", "Deezer", "Instacart", "Grubhub", "Lyft", "Wayfair",
    "Robinhood",
)  # fmt: skip
ABSENT_APP_WHAT = {  # what a not-in-register question about an app's algorithm asks after
    "algorithm": ("{owner} recommendation algorithm", "{name}的推荐算法"),
    "deep-synthesis": ("{owner} AI image generator", "{name}的AI生图算法"),
}
