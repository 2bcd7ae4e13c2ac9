"""The fifth blind register set's own wording: question templates per shape and language, the words for each
series, kind and filter, English names the alias table lacks, and names that are in no list.

Written for `register_blind5.jsonl` without reading the bot's register code, the earlier sets' questions or
phrase files, or any evaluation report. Templates are Simplified Chinese or English; a Traditional question is
its Simplified template converted by OpenCC. Nothing here reads data or makes a question (see
`register_blind5_genai.py` and `register_blind5_algorithm.py`).
"""

from __future__ import annotations

_W = "English Wikipedia article"

# shape -> language -> templates; the slots each shape fills are named in its templates.
TEMPLATES: dict[str, dict[str, tuple[str, ...]]] = {
    "count": {
        "en": (
            "How many {scope} are there?",
            "What's the total number of {scope}?",
            "Could you count the {scope} for me?",
            "What count does the register give for {scope}?",
            "Give me a number: {scope}, how many?",
        ),
        "zh": (
            "{scope}有多少条？",
            "{scope}一共多少个？",
            "请问{scope}总数是多少？",
            "{scope}共计几项？",
            "帮我数一下{scope}有几个。",
        ),
    },
    "list": {
        "en": (
            "Which are the {scope}?",
            "List the {scope}, please.",
            "Show me all the {scope}.",
            "What {scope} are there?",
            "I'd like to see every one of the {scope}.",
        ),
        "zh": (
            "{scope}有哪些？",
            "列出{scope}。",
            "请把{scope}都列出来。",
            "{scope}都是哪些？",
            "想看看{scope}分别是哪几个。",
        ),
    },
    "company_list": {
        "en": (
            "Which {things} belong to {company}?",
            "List the {things} in {company}'s name.",
            "What {things} has {company} got on the CAC's lists?",
            "Which of {company}'s {things} made it onto the register?",
        ),
        "zh": (
            "{company}名下有哪些{things}？",
            "列出{company}的{things}。",
            "{company}有哪些{things}上了网信办的清单？",
            "{company}的{things}都有哪些？",
        ),
    },
    "company_count": {
        "en": (
            "How many {things} does {company} have on the register?",
            "Count {company}'s {things}.",
            "What number of {things} are listed under {company}?",
            "How many {things} has {company} put through the CAC?",
        ),
        "zh": (
            "{company}名下有多少{things}？",
            "{company}一共有几个{things}？",
            "网信办清单里{company}的{things}有几项？",
            "数一数{company}的{things}。",
        ),
    },
    "lookup_service": {
        "en": (
            "When was {name} {verb}, and under what number?",
            "Which {number_word} does {name} carry?",
            "I need the date and number for {name}'s {noun}.",
            "Look up {name}: which number and date did it get when it was {verb}?",
        ),
        "zh": (
            "{name}是哪天{verb}的？编号是多少？",
            "{name}的{number_word}是什么？",
            "查一下{name}的{verb}日期和编号。",
            "{name}什么时候完成{verb}的，编号多少？",
        ),
    },
    "lookup_company": {
        "en": (
            "Is {company} on the CAC's {register}? Under which number?",
            "Does {company} have anything in the {register}? What's the number?",
            "Give me the number {company} holds in the {register}.",
            "Has {company} got an entry in China's {register}? Which number is it?",
        ),
        "zh": (
            "{company}在{register}里有记录吗？编号多少？",
            "{company}在{register}中的编号是什么？",
            "查查{company}在{register}里的编号。",
            "{register}里有没有{company}？编号是哪个？",
        ),
    },
    "lookup_algorithm": {
        "en": (
            "What is the filing number of {name}?",
            "Under which number was {name} filed?",
            "Look up {name} for me: what's its filing number?",
            "Which filing number did the CAC give {name}?",
        ),
        "zh": (
            "{name}的备案编号是多少？",
            "{name}备案号是什么？",
            "帮我查{name}的备案编号。",
            "{name}在网信办备案的编号是哪个？",
        ),
    },
    "absent": {
        "en": (
            "Has {name} been filed with the CAC?",
            "Is {name} on any of the CAC's lists?",
            "Did {name} get through China's filing with the CAC?",
            "Can I find {name} in China's register of {things}?",
        ),
        "zh": (
            "{name}在网信办备案了吗？",
            "{name}有没有完成备案？",
            "网信办的清单里有{name}吗？",
            "{name}是不是已经在网信办备案过了？",
        ),
    },
    "cancelled_count": {
        "en": (
            "How many {scope} have been cancelled?",
            "Of the {scope}, how many are marked as cancelled?",
            "Count the cancelled {scope}.",
            "What number of {scope} were deregistered?",
        ),
        "zh": (
            "{scope}中有多少已注销？",
            "已经注销的{scope}有几条？",
            "{scope}里被注销的一共多少？",
            "统计一下已注销的{scope}。",
        ),
    },
    "cancelled_list": {
        "en": (
            "Which {scope} have been cancelled?",
            "List the cancelled {scope}.",
            "Show me the {scope} that were deregistered.",
            "Which of the {scope} are now cancelled?",
        ),
        "zh": (
            "{scope}中哪些已注销？",
            "列出已注销的{scope}。",
            "哪些{scope}被注销了？",
            "{scope}有哪几条已经注销？",
        ),
    },
    "renamed_new": {
        "en": (
            "What is {old} called now?",
            "{old} changed its name. What to?",
            "What did {old} rename itself to?",
            "Which name does {old} go by since its name change?",
        ),
        "zh": (
            "{old}后来改名叫什么了？",
            "{old}现在的名称是什么？",
            "{old}更名为什么了？",
            "{old}如今用的是什么名字？",
        ),
    },
    "renamed_old": {
        "en": (
            "What was {new} called before it was renamed?",
            "What was the former name of {new}?",
            "Under what name did {new} file before its rename?",
            "{new} used to have another name. Which?",
        ),
        "zh": (
            "{new}改名前叫什么？",
            "{new}原来的主体名称是什么？",
            "{new}更名之前用的是哪个名字？",
            "{new}的曾用名是？",
        ),
    },
    "product_list": {
        "en": (
            "What {things} sit behind {product}?",
            "What {things} list {product} among their products?",
            "{product}: list the {things} it uses.",
            "Name the {things} whose products include {product}.",
        ),
        "zh": (
            "{product}用了哪些{things}？",
            "应用产品里有{product}的{things}有哪些？",
            "哪些{things}用在{product}上？",
            "{product}背后备案的{things}有哪些？",
        ),
    },
}

# series -> (English noun for counts and lists, Chinese noun, English "things" for a company, Chinese "things",
# English register name, Chinese register name)
SERIES_WORDS: dict[str, tuple[str, str, str, str, str, str]] = {
    "genai": (
        "generative AI services",
        "生成式人工智能服务",
        "generative AI services",
        "生成式人工智能服务",
        "generative AI register",
        "生成式人工智能服务清单",
    ),
    "algorithm": (
        "internet information service algorithm filings",
        "互联网信息服务算法备案",
        "internet information service algorithms",
        "互联网信息服务算法",
        "internet information service algorithm register",
        "互联网信息服务算法备案清单",
    ),
    "deep-synthesis": (
        "deep-synthesis algorithm filings",
        "深度合成服务算法备案",
        "deep-synthesis algorithms",
        "深度合成算法",
        "deep-synthesis algorithm register",
        "深度合成服务算法备案清单",
    ),
}
KIND_WORDS = {  # kind -> (English participle, Chinese verb, English number word, Chinese number word, noun)
    "filing": ("filed", "备案", "filing number", "备案号", "filing"),
    "registration": ("registered", "登记", "registration number", "登记编号", "registration"),
}
CATEGORY_EN = {
    "个性化推送类": "personalised push",
    "信息检索类": "information retrieval",
    "调度决策类": "scheduling and decision",
    "检索过滤类": "retrieval and filtering",
    "排序精选类": "ranking and curation",
    "内容过滤类": "content filtering",
    "生成合成类": "generation and synthesis",
}
ROLE_EN = {"服务提供者": "service providers", "服务技术支持者": "technical supporters"}

# English names the alias table lacks: (English name, the register's exact company spellings, source).
OTHER_NAMES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("Hikvision", ("杭州海康威视数字技术股份有限公司",), f"{_W} 'Hikvision'"),
    ("Samsung", ("三星（中国）投资有限公司", "三星电子（中国）研发中心"), f"{_W} 'Samsung'"),
    ("Siemens", ("西门子（中国）有限公司",), f"{_W} 'Siemens'"),
    ("BMW", ("宝马（中国）汽车贸易有限公司",), f"{_W} 'BMW'"),
    ("Mercedes-Benz", ("梅赛德斯-奔驰（中国）汽车销售有限公司",), f"{_W} 'Mercedes-Benz'"),
    (
        "Amazon",
        ("亚马逊通技术服务（北京）有限公司", "亚马逊信息服务（北京）有限公司上海分公司"),
        f"{_W} 'Amazon (company)'",
    ),
    ("Chery", ("奇瑞汽车股份有限公司",), f"{_W} 'Chery'"),
    ("Unitree", ("宇树科技股份有限公司",), f"{_W} 'Unitree Robotics'"),
    ("UBTech", ("深圳市优必选科技股份有限公司",), f"{_W} 'UBTech Robotics'"),
    ("China Literature", ("上海阅文信息技术有限公司",), f"{_W} 'China Literature'"),
    ("Futu", ("深圳市富途网络科技有限公司",), f"{_W} 'Futu Holdings'"),
    ("Gree Electric", ("珠海格力电器股份有限公司",), f"{_W} 'Gree Electric'"),
    ("Tuya", ("杭州涂鸦信息技术有限公司", "杭州涂鸦科技有限公司"), f"{_W} 'Tuya Smart'"),
    ("Agora", ("上海声网科技有限公司",), f"{_W} 'Agora, Inc.'"),
    ("SF Express", ("顺丰科技有限公司",), f"{_W} 'SF Express' (its technology arm 顺丰科技)"),
)  # fmt: skip

# Register names one character away from a name a test's question asks about (上海识装信息科技, in the tests'
# rename questions): a question naming one of them would read as a paraphrase of that test, so it is left out.
NEAR_TEST_NAMES: tuple[str, ...] = ("上海识致信息科技",)

# Services, apps and companies that no list names (checked against every field of every row and the alias
# table before use): English for English questions, Chinese for Chinese ones.
ABSENT_EN: tuple[str, ...] = (
    "Perplexity", "Midjourney", "Mistral Le Chat", "Character.AI", "Runway Gen-3", "Suno", "ElevenLabs",
    "Jasper AI", "Notion AI", "Grammarly", "Synthesia", "Descript", "Otter.ai", "Luma Dream Machine", "Pika Labs",
    "Udio", "Leonardo.Ai", "Tabnine", "Cursor AI", "Replit Ghostwriter", "Gamma App", "Writesonic", "Copy.ai",
    "QuillBot", "DeepL Write", "Speechify", "Murf AI", "Lensa", "Aleph Alpha", "AI21 Jurassic", "Cohere Command",
    "Replika",
    "Adobe Firefly", "Canva Magic Studio", "Microsoft Designer", "Spotify DJ", "Netflix", "Pinterest", "Reddit",
    "Duolingo Max", "Khanmigo", "Meta AI", "WhatsApp", "Snapchat My AI", "Inflection Pi", "HuggingChat",
    "Stability AI", "Krea AI", "Ideogram", "Typeface", "Sudowrite", "NovelAI", "Jan AI", "Elicit AI", "Poe by Quora",
)  # fmt: skip
ABSENT_ZH: tuple[str, ...] = (
    "青禾问答大模型", "松涛智写助手", "澜星视频生成", "墨川AI翻译", "云栖晓语", "北辰灵犀大模型", "星槎对话",
    "知遥写作助手", "雁回语音合成", "岚山绘图助手", "汀兰智能客服", "杉木AI作文", "珀光数字人", "霁月图像生成",
    "溪桥法律问答", "枫屿旅行助手", "鹭洲医疗问诊大模型", "苍梧编程助手", "琅玕知识库问答", "沐白AI配音",
)  # fmt: skip
