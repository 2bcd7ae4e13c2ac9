"""The cue words register questions use, in English and Chinese (Simplified; questions are converted first), as
compiled patterns: which series, kind, category or role a question names, what it asks (count, list, chart,
a lookup's field), follow-up cues, and the cues that make it a question for the documents instead.

Only patterns live here; `bot.register.parse` decides what they mean together. Patterns run on the question
with its linked names blanked out, lower-cased.
"""

from __future__ import annotations

import re


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


SERIES_DEEP = _re(r"deep[\s-]*synthe(?:sis|tic)|deep[\s-]*fakes?|深度合成")
# The internet information service algorithm series by a name only it has.
SERIES_ALGORITHM = _re(
    r"(?:internet\s+information\s+service|recommendation|recommender|search|ranking|scheduling|dispatch(?:ing)?"
    r"|personali[sz]ed\s+push|filtering)\s+algorithms?|互联网信息服务算法|推荐算法|搜索算法"
    # The series' own name, with or without "algorithm": "internet information service filings", 互联网信息服务备案.
    r"|\binternet[\s-]+information[\s-]+services?\b|互联网信息服务(?!深度合成)"
)
# "Algorithm filings", "算法备案": the CAC's word for both algorithm series (its deep-synthesis lists are 深度合成服务
# 算法备案清单). Alone it means the internet information service algorithms; asked about a name, either series.
ALGORITHM_FILINGS = _re(
    r"algorithm\s+(?:filings?|registers?|registry|lists?|records?)|algorithms?\s+filed|filed\s+algorithms?"
    r"|算法备案|算法清单|已备案的?算法|备案的算法"
)
# Both algorithm series named together: no series filter.
SERIES_BOTH_ALGORITHMS = _re(
    r"algorithms?\s+(?:filings?\s+|lists?\s+|registers?\s+)?(?:and|or|&|\+)\s+(?:the\s+)?deep[\s-]*synthe"
    r"|deep[\s-]*synthe(?:sis|tic)\s+(?:algorithms?\s+)?(?:filings?\s+|lists?\s+)?(?:and|or|&|\+)\s+(?:the\s+)?"
    r"(?:internet\s+information\s+service\s+)?algorithm"
    r"|\bboth\s+(?:of\s+the\s+)?algorithm\s+(?:lists|series|registers|registries)|两(?:个|类|份)算法(?:备案)?(?:清单|名单|系列)?"
    # "recommendation and deep synthesis alike": an algorithm kind with deep synthesis stands for both series
    r"|\b(?:recommendation|ranking|search|retrieval|filtering|scheduling|push|selection)\s+(?:algorithms?\s+)?"
    r"(?:and|or|&|\+)\s+deep[\s-]*synthe(?:sis|tic)\b[^.,;?!]{0,60}?\b(?:alike|both|together|included)\b"
    r"|算法(?:备案)?(?:清单)?(?:和|与|及|以及|或|或者|、)深度合成|深度合成(?:算法)?(?:备案)?(?:清单)?(?:和|与|及|以及|或|或者|、)"
    r"(?:互联网信息服务)?算法"
)
SERIES_GENAI = _re(
    r"generative[\s-]*(?:ai|artificial\s+intelligence)|\bgen[\s-]?ai\b|生成式人工智能|生成式ai|生成式|大模型"
    r"|large\s+(?:language\s+)?models?|\bllms?\b|\bai\s+services?\b|\bchatbots?\b"
)
ALGORITHM_BARE = _re(r"\balgorithms?\b|算法")
SERVICE_WEAK = _re(r"\bservices?\b|(?<!信息)服务(?!提供者|技术支持者|算法)|\bmodels?\b|模型")

CATEGORIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("内容过滤类", _re(r"内容过滤类?|content[\s-]+filter(?:ing)?")),
    ("信息检索类", _re(r"信息检索类?|information[\s-]+retrieval")),
    (
        "个性化推送类",
        _re(r"个性化推送类?|推送类|推荐算法|personali[sz]ed[\s-]+(?:push|recommendation)|recommend(?:ation|er)s?\b"),
    ),
    (
        "检索过滤类",
        _re(
            r"检索过滤类?|搜索算法|\bsearch[\s-]+(?:and[\s-]+filter(?:ing)?[\s-]+)?algorithms?|\bsearch[\s-]+and[\s-]+filter"
        ),
    ),
    ("调度决策类", _re(r"调度决策类?|调度算法|\bscheduling\b|\bdispatch(?:ing)?\b|decision[\s-]+making")),
    ("排序精选类", _re(r"排序精选类?|排序算法|\branking\b|\bselection\s+algorithms?")),
    ("生成合成类", _re(r"生成合成类|generation[\s-]+and[\s-]+synthesis\b")),
    ("服务技术支持者", _re(r"(?:服务)?技术支持者|technical\s+support(?:ers?)?\b|technology\s+support(?:ers?)?\b")),
    ("服务提供者", _re(r"服务提供者|service\s+providers?")),
)
ROLES = frozenset({"服务提供者", "服务技术支持者"})

# What users say for approved: "green-lit", "signed off on", "given the go-ahead", "okayed".
APPROVAL_SLANG = (
    r"\bgreen[\s-]?lit\b|\bgreen[\s-]?light(?:ed|s)?\b|\bsign(?:ed|s)?\s+off\b|\bgo[\s-]ahead\b|\bok(?:ay)?ed\b"
)
KIND_BOTH = _re(
    r"filed\s+or\s+registered|registered\s+or\s+filed|filings?\s+(?:and|or)\s+registrations?"
    r"|registrations?\s+(?:and|or)\s+filings?|备案(?:和|或|与|及|或者|以及)登记|登记(?:和|或|与|及|或者|以及)备案"
    r"|\bapprov(?:ed|als?)\b|获批|批准|审批|通过了?(?:审核|审查)?|\bcleared\b|\blicen[cs]ed\b|" + APPROVAL_SLANG
)
KIND_REGISTRATION = _re(r"\bregistered\b|\bregistrations?\b|登记")
KIND_FILING = _re(r"\bfiled\b|\bfilings?\b|备案")
# Where a filer is registered as a company ("filers registered in Beijing"): a place, not the kind 登记.
FILER_REGISTERED_IN = _re(
    r"\b(?:filers?|compan(?:y|ies)|entit(?:y|ies)|firms?|organi[sz]ations?|businesses|subjects?|operators?|providers?)"
    r"\s+(?:(?:that|which|who)\s+(?:are|were|is|was)\s+)?registered\s+(?:in|at|from)\b"
)

CANCELLED = _re(r"\bcancel(?:l)?(?:ed|ations?)\b|\brevoked\b|\bderegistered\b|\bwithdrawn\b|注销|撤销|吊销")
# Which name of a renamed company a question wants: the earlier one, or the one it took.
RENAMED_OLD = _re(
    r"\bcalled\s+before\b|\bname\s+before\b|\bbefore\s+the\s+(?:name\s+)?change\b|\bbefore\s+(?:it\s+was\s+|its\s+name\s+(?:was\s+)?|the\s+name\s+)?(?:renamed|changed)"
    r"|\b(?:previous|former|old|earlier|original|prior)\s+(?:company\s+)?names?\b|\bformerly\b|\buse(?:d)?\s+to\s+be\s+(?:called|named|known\s+as)\b"
    r"|\b(?:used\s+to\s+(?:have|go\s+by|carry)|once\s+(?:ha(?:ve|d)|go\s+by|went\s+by|carr(?:y|ied)))\s+(?:an?\s+)?(?:other|different|another)\s+name\b"
    r"|\bwent\s+by\s+(?:an?\s+)?(?:other|different|another)\s+name\b|\bname\s+(?:it\s+)?(?:had|used|went\s+by)\s+before\b|\b(?:go|went)\s+by\s+before\b"
    r"|以前叫|之前叫|原来叫|过去叫|曾经叫|原名|曾用名|旧名|更名前|改名前|(?:以前|之前|原来|过去)的(?:主体)?名(?:字|称)"
)
RENAMED_NEW = _re(
    r"\brenamed\s+(?:to|as|into)\b|\b(?:change[sd]?|switch(?:e[sd])?)\s+(?:its\s+|their\s+)?(?:names?\s+)?to\b|\bnew\s+name\b|\bnow\s+(?:called|named|known)|\b(?:called|named|known\s+as)\s+now\b"
    r"|\bcurrent(?:ly)?\s+(?:company\s+)?(?:names?|called|named)\b|\b(?:called|named)\s+now\b|\bwhat\s+(?:is|was)\s+.+\s+renamed\b"
    r"|\b(?:what|which)\s+(?:company|name)\s+did\s+.+\s+become\b|\bbec(?:o|a)me\s+(?:what|which)\b|\bturned\s+into\b"
    # The name it has today: "what name does X go by now", "what is X called these days", "X's name today".
    r"|\bgo(?:es)?\s+by\s+(?:now|today|these\s+days|nowadays)\b|\b(?:name|called|named|known\s+as)\s+(?:today|these\s+days"
    r"|nowadays)\b|\bname\s+(?:it\s+)?(?:has|uses|carries)\s+(?:now|today)\b|\bcall(?:s|ed)?\s+itself\s+(?:now|today)\b"
    r"|\bwhat\s+name\s+(?:does|do|is|are)\b.*\b(?:now|today|currently|these\s+days|nowadays)\b"
    r"|更名为|改名为|改名成|更名成|变更为|现在叫|现名|新名|现在的(?:主体)?名(?:字|称)|后来(?:改名|更名|叫)|更名后|改名后"
    r"|(?:如今|目前|现在|现)(?:叫|改叫|名为|叫做|用的?名(?:字|称))|(?:如今|目前)的(?:主体)?名(?:字|称)|改叫"
    # "X的新主体名称是？", "新的公司名字", "变更后的主体名称", "更名后的企业名"
    r"|新的?(?:主体|公司|企业|单位)名(?:字|称)?|变更后的?(?:主体|公司|企业|单位)?名(?:字|称)"
)
RENAMED = _re(
    r"\brenamed\b|\brename\b|\bname\s+change|\bchanged?\s+(?:its\s+|their\s+)?names?\b|\bformerly\b|\bnew\s+name\b"
    r"|更名|改名|名称变更|变更为|原名|新名|(?:改|更|换)过名|名称(?:有过)?变更|换了名|名字变了|"
    + RENAMED_OLD.pattern
    + "|"
    + RENAMED_NEW.pattern
)

CHART = _re(
    r"\bcharts?\b|\bgraphs?\b|\bplot\b|\bvisuali[sz]|\btrends?\b|\bover\s+time\b|\bgr[eo]wn\b|\bgrowth\b|\bgrow(?:ing|s)?\b"
    r"|\b(?:per|by|each|every)\s+(?:month|list|year|province|region)\b|\bbreakdown\b|\bdistribution\b|\bacross\s+provinces\b"
    r"|\btop\s+(?:\d+\s+)?(?:provinces|regions)\b|\b(?:provinces|regions)\s+rank|\brank(?:ing)?\s+(?:of\s+)?(?:the\s+)?provinces\b"
    r"|\bwhich\s+(?:provinces?|regions?)\s+(?:has|have)\s+(?:filed\s+)?the\s+most\b|省份排名|各省排名|哪个省最多|哪些省最多"
    r"|图表|画图|作图|柱状图|折线图|饼图|趋势|增长|走势|变化|分布|各省|每个省|分省|按省|各地区|每期|每批|每月|逐月|按月|按年|每年|各年"
)
CHART_BY_PROVINCE = _re(r"provinc|region|各省|每个省|分省|按省|各地|地区|分布|\bwhere\b")
BY_SERIES = _re(r"\b(?:by|per|each)\s+(?:series|register)\b|各类备案|按类型|各系列|分系列")

COUNT = _re(
    r"\bhow\s+many\b|(?<!filing\s)(?<!registration\s)(?<!reference\s)(?<!record\s)\bnumber\s+of\b|\bcount\b|\btotal\b|\bin\s+all\b"
    r"|(?<!是)多少|几个|几项|几款|几家|几条|几种|几批|数量|总数|一共|总共|共有|合计|统计|数一下|数一数|数数"
)
LIST = _re(
    r"\bwhich\b|\bwhat\s+(?:services|algorithms|filings|registrations|models|apps|products|companies)\b|^\s*list\b|\blist\s+(?:all|the|them|those|every|each)\b|\bwhat\s+are\b|\bshow\b|\bname\s+(?:the|all)\b"
    r"|\bgive\s+me\b|\benumerate\b|\b(?:a|the|full|complete)\s+list\s+of\b|\bspell\s+out\b|\bitemi[sz]e\b|哪些|列出|列表|列一下|有什么|都有谁|是哪些|有哪几|哪几"
    # "请给出…", "把…的清单给我", "给我一份…名单": asked for the rows themselves.
    r"|给出|(?:清单|名单|列表)(?:发|给)(?:我|一下)|给我(?:一份|一个)?(?:清单|名单|列表)"
)
LATEST = _re(
    r"\b(?:latest|newest|most\s+recent(?:ly)?)\b(?!\s+(?:(?:published|released|issued|announced)\s+)?(?:list|batch|release"
    r"|publication|update))"
    r"|\blast\s+(?:filed|registered|one|service|filing)\b|最新(?!一期|一批|清单|名单|的清单|的名单|批次|公布)|最近(?:一次|一个|(?=(?:完成|通过)?(?:备案|登记|获批|上线)))|最晚"
)
FIRST = _re(r"\b(?:first|earliest)\b(?!\s+(?:list|batch))|最早|第一个|第一家|第一款|首个|首家|首款")

ASKS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "date",
        _re(
            r"\bwhen\b|\bhow\s+long\s+ago\b|\bwhat\s+(?:date|day)\b|\bwhich\s+(?:date|day)\b|\b(?:filing|registration|approval)\s+dates?\b"
            r"|\bdate\s+of\s+(?:its\s+)?(?:filing|registration|approval)\b|何时|什么时候|哪天|哪一天|日期|时间"
        ),
    ),
    (
        "number",
        _re(
            r"\b(?:filing|registration|record|reference)\s+(?:numbers?|no|id|code)\b|\bwhat\s+number\b|\bnumbers?\b(?!\s+of)"
            r"|编号|备案号|登记号|号码"
        ),
    ),
    (
        "company",
        _re(
            r"\bwho\b|\bwhose\s+(?:service|model|app|product|algorithm)s?\b|\bwhich\s+(?:company|companies|firm|organi[sz]ation|entity)\b|\bwhat\s+company\b|\bbehind\b"
            r"|谁|哪家公司|哪个公司|哪家企业|什么公司|主体|备案单位|运营方"
        ),
    ),
    (
        "province",
        _re(r"\bwhere\b|\bwhich\s+(?:province|region)\b|\bwhat\s+province\b|哪里|哪个省|哪个地方|在哪|属地|哪个地区"),
    ),
)
WHICH_FIELD = _re(
    r"\bwhich\s+(?:province|region|company|companies|firm|organi[sz]ation|entity|date|day|list|batch|month|number)\b"
    r"|哪家公司|哪个公司|哪家企业|哪一期|哪期|哪个省|哪一批|哪批"
)
EVERYTHING = _re(
    r"^\s*what\s+(?:has|have|did)\b|\beverything\b|\ball\s+(?:of\s+)?(?:the\s+)?(?:filings|things)\b"
    r"|备案了(?:哪些|什么)|都备案|有哪些备案|哪些备案|所有备案|全部备案|备案过(?:哪些|什么)"
)
APP_AFTER = _re(r"^\s*(?:'s\s+)?(?:apps?\b|application\b|应用|客户端)")
# "Which algorithms does X use?", "X用了哪些算法": X is a product, the algorithms are the rows that list it.
USES = _re(
    r"\buse[sd]?\b|\busing\b|\bpower(?:s|ed)?\b|\brel(?:y|ies|ied)\s+on\b|\bbehind\s+the\s+app\b"
    r"|用了|使用|采用|用到|用的|应用了|依赖"
)

FIRST_LIST = _re(r"\bfirst\s+(?:list|batch)\b|首批|第一批|第一期")
# A month that names one of the CAC's lists: "the June 2025 generative AI list", "the CAC's January 2025 list",
# "2026年4月的生成式人工智能服务清单", "2025年10月那份清单", "the list published in May 2026".
_LIST_WORDS_EN = (
    r"(?:(?:generative|artificial|intelligence|ai|gen-?ai|deep|synthesis|deep-synthesis|internet|information|"
    r"services?|algorithms?|filings?|registrations?|filing/registration|cac(?:'s)?|official|published|new|monthly|"
    r"models?|large|language|approval|approved|register|registry)\s+){0,6}"
)
_LIST_WORDS_ZH = (
    r"(?:的|这|那|本|该|一|份|期|批|公布|发布|新增|网信办|国家|生成式人工智能|生成式AI|生成式|人工智能|深度合成|"
    r"互联网信息服务|算法|服务|备案|登记|大模型)*"
)
LATEST_LIST = _re(
    r"\b(?:latest|newest|most\s+recent(?:ly)?|last|current)\s+(?:(?:published|released|issued|announced)\s+)?"
    r"(?:list|batch|release|publication|update)\b|\blists?\s+(?:published|released|issued)\s+(?:most\s+recently|last)\b"
    r"|最新(?:一期|一批|清单|名单|的清单|的名单|批次|公布)|最近一期|最近一批"
    # "最近公布的大模型名单", "最新发布的那份算法清单": the words between say which series, not which list.
    r"|(?:最新|最近)(?:一次)?(?:公布|发布|公示|更新|出炉)的?" + _LIST_WORDS_ZH + r"(?:清单|名单|批次|一批|一期)"
)
LIST_AFTER_DATE = _re(
    r"^\s*(?:'s\s+)?(?:" + _LIST_WORDS_EN + r"(?:list|register)\b|" + _LIST_WORDS_ZH + r"(?:清单|名单)"
    r"|一期|那期|的?公告|公布的?)"
)
LIST_BEFORE_DATE = _re(
    r"\blists?\s+(?:(?:that\s+)?(?:was\s+)?(?:of|for|from|dated|published|released|issued|came\s+out|announced)\s+)+"
    r"(?:in\s+|on\s+)?(?:the\s+)?$|清单\s*$"
    # "the batch published in June 2026": a batch the CAC published is its list of that month
    r"|\bbatch\s+(?:that\s+|which\s+)?(?:was\s+)?(?:published|released|issued|announced)\s+(?:in\s+|on\s+)?(?:the\s+)?$"
    # "the list the CAC published in October 2025", "the list which the regulator put out in May 2026"
    r"|\b(?:lists?|batch)\s+(?:that\s+|which\s+)?(?:the\s+)?(?:cac|regulator|administration|it|they)(?:'s)?\s+"
    r"(?:published|released|issued|put\s+out|announced|brought\s+out)\s+(?:in\s+|on\s+)?(?:the\s+)?$"
)
# A year that names the lists published in it, not the dates filed in it: "the 2024 lists", "2025's lists",
# "lists published in 2025", "algorithms published in 2024", "2025年公布的…清单", "2024年发布的名单里".
YEAR_LISTS_AFTER = _re(
    r"^\s*(?:'s\s+)?(?:" + _LIST_WORDS_EN + r"lists\b|(?:cac\s+)?(?:published|released|issued)\s+lists\b)"
    r"|^\s*(?:内|中|里|全年)?(?:公布|发布|公示|印发|出炉)的?" + _LIST_WORDS_ZH + r"(?:清单|名单)"
)
YEAR_LISTS_BEFORE = _re(
    r"\b(?:lists?|batch(?:es)?)\s+(?:(?:that\s+)?(?:were\s+|was\s+)?(?:published|released|issued|came\s+out)\s+)"
    r"(?:in|during)\s+$|\b(?:published|released)\s+(?:in|during)\s+$|\blists\s+(?:of|from|for)\s+$"
)
# Before "the latest list": as of that list, not in it ("截至最新一批清单", "up to the latest list").
AS_OF_BEFORE = _re(
    r"(?:\bup\s+to|\buntil|\btill|\bthrough|\bas\s+of|\baccording\s+to|\bbased\s+on|\bin\s+line\s+with|\bper"
    r"|截至|截止到?|到|根据|按照|依据|依照)\s*(?:the\s+)?(?:cac(?:'s)?\s+)?$"
)
BATCH_AFTER_DATE = _re(r"^\s*(?:'s\s+)?(?:batch|round|那批|批次|一批|批)")
BATCH = _re(r"\bbatch(?:es)?\b|\bround\b|批次|那批|这批|一批")

REGISTER_WORDS = _re(
    r"\bfil(?:e|ed|ing|ings)\b|\bregist(?:er|ered|ration|rations|ry)\b|\bapprov|\bservices?\b|\balgorithms?\b"
    r"|\bmodels?\b|\bcompan(?:y|ies)\b|\bbatch\b|\blist(?:ed|s)?\b|\bcac\b|deep[\s-]*synthesis|generative|\bcancel"
    r"|\brenamed\b|备案|登记|算法|服务|模型|公司|企业|清单|名单|批|上线|获批|注销|更名|产品|应用|网信算备|"
    + APPROVAL_SLANG
)
# Asking to have a name looked up ("look up X for me", "pull up X's entry", "查询一下X"): the register's own
# job, whatever X is; "tell me about X" is not among them (the documents may say more about X).
LOOKUP_VERBS = _re(
    r"\blook(?:ing)?\s+up\b|\blook\s+(?:\S+\s+)?up\b|\bpull\s+up\b|\bsearch\s+(?:for|up)\b|\bcheck\s+(?:on\s+)?(?:the\s+)?"
    r"(?:entry|record|listing)\b|\b(?:entry|record|listing)\s+(?:of|for)\b|^\s*(?:please\s+)?(?:find|search|check)\b"
    r"|查询|查一下|查查|查找|检索|搜一下|搜索|^\s*(?:请问)?(?:我)?想查"
)
# Words that make a question about filing itself: a Latin-script name in such a question is asked about.
FILING_WORDS = _re(
    r"\bfil(?:e|ed|es|ing|ings)\b|\bregist(?:er|ered|ers|ration|rations|ry)\b|\bapprov|\blist(?:ed|s)?\b|\bcac\b"
    r"|\bcleared\b|\blicen[cs]ed\b|\bon\s+file\b|\breference\s+(?:numbers?|no)\b|\bon\s+(?:the\s+)?records?\b"
    r"|\b(?:internet\s+)?regulator(?:'s|s)?\b"
    r"|备案|登记|清单|名单|获批|批准|网信办|网信算备|" + APPROVAL_SLANG
)
# Getting through the process ("Has X cleared the CAC's approval process?") asks whether X is filed; "What is
# the approval process?" still asks about the process.
PASSED_PROCESS = _re(
    r"\b(?:clear|pass|complet|finish|got\s+through|get\s+through|gone\s+through|went\s+through|go\s+through"
    r"|made\s+it\s+through|succeed(?:ed)?\s+in)\w*\s+(?:the\s+)?(?:(?:cac|china|prc|beijing|government|regulator)(?:'s|’s)?\s+)?"
    r"(?:\w+\s+){0,2}?(?:approval|filing|registration|review|vetting)\s+process(?:es)?\b"
)
DOCUMENT_CUES = _re(
    r"\bmust\b|\bshould\b|\bshall\b|\brequire[sd]?\b|\brequirements?\b|\bobligations?\b|\bpenalt(?:y|ies)\b"
    r"|(?<!\bi\s)\bmean(?:s|ing|t)?\b|\bdefin(?:e|ed|ition)\b|\bwhy\b|\bhow\s+(?:do|does|did|can|could|should|would|to|is|are)\b"
    r"|\bprocess\b|\bprocedures?\b|\bsteps?\b|\bapply\b|\bdisplay\b|\blabel(?:l)?(?:ing|ed|s)?\b|\bdifference\b"
    r"|\bexplain\b|\binterim\s+measures\b|\bregulations?\b|\blaws?\b|\brules?\b|\bprovisions?\b"
    r"|必须|应当|应该|需要|须要|要求|规定|义务|责任|处罚|罚款|什么是|是什么意思|什么意思|含义|定义|(?<![名更成])为什么|为何|如何|怎么(?!样)"
    r"|怎样|流程|程序|步骤|材料|条件|标识|区别|办法|条例|法规|规则"
)
APPROVED = _re(r"\bapprov(?:e|ed|al|als)\b|获批|批准|审批|" + APPROVAL_SLANG)
# What a question counts, lists or asks about when that is not something the register holds: people, users,
# articles of a regulation, money, places abroad … Such a question goes to the documents.
NOT_REGISTER_SUBJECT = _re(
    r"\b(?:how\s+many|number\s+of|which|what)\s+(?:\w+\s+){0,2}?(?:employees|staff|workers|people|users|subscribers"
    r"|articles|chapters|clauses|sections|paragraphs|bodies|agencies|departments|ministries|regulators|parameters"
    r"|tokens|dollars|yuan|percent|times|states|countries|cities|pages|words|fines|penalties|standards?|rules?"
    r"|requirements?|obligations?)\b"
    r"|\b(?:budget|revenue|sales|valuation|funding|market\s+share|share\s+of|price|salary|profit|investment)s?\b"
    r"|多少(?:名|位|个人|人|员工|用户|部门|个部门|章|字|页|元|美元|倍)|几(?:个部门|章|名|位)"
    r"|(?:规定|办法|条例|措施|标准|(?<!算)法)[》」”]?(?:共|一共|总共)?有?(?:多少|几)[条章款]"  # 算法 is no law
    r"|预算|收入|营收|估值|融资|份额|价格|薪|利润|投资|员工|用户数"
    # Who said it: a question about a report, not about the lists ("according to Reuters", 据CNNIC统计).
    r"|\baccording\s+to\s+(?![^,.?]{0,40}\b(?:cac|register|registry|lists?)\b)|\breported\b|\bpublications?\b|\bnewspapers?\b"
    r"|据(?!国家网信办|网信办)[^，,。？?]{0,12}(?:统计|报道|称|说|显示)|据报道|报道称|媒体"
    # How long, how much it costs, what kind, where to apply, who else: not in any row.
    r"|\bhow\s+(?:long(?!\s+ago)|much|soon|often)\b|\bcosts?\b|\bfees?\b|\bwhat\s+kinds?\s+of\b|\bwhat\s+types?\s+of\b"
    r"|\blaw\s+firms?\b|\bconsultanc(?:y|ies)\b|\bshift(?:ed)?\s+towards?\b"
    r"|多久|多长时间|费用|收费|多少钱|什么类型|哪类|哪种|律师|中介|普及率|规模|比例|向何处|哪里提交|去哪|在哪里办"
    # A trend of something other than the filings ("生成式人工智能的发展趋势"); the filings' trend is a chart.
    r"|^(?!.*(?:备案|登记|清单|名单|\bfil(?:ed|ings?)\b|\bregistrations?\b|\blists?\b)).*(?:\btrends?\b|趋势)"
    # Other jurisdictions' regulators: the CAC's lists say nothing about them.
    r"|\b(?:european\s+union|eu|united\s+states|u\.s\.|us|america|europe|japan|korea|uk|britain)\b|欧盟|美国|欧洲|日本|韩国|英国"
)
YES_NO = _re(r"^\s*(?:is|are|was|were|has|have|had|did|does|do|can)\b(?!\s+there)|(?:吗|嘛|(?<!什)么)\s*[?？]?\s*$")
DEFINITION = _re(
    r"^\s*what\s+(?:is|are)\s+(?:a\s+|an\s+|the\s+)?(?:deep[\s-]*synthesis|generative\s+ai|algorithm\s+filing"
    r"|filing|registration|备案|登记)s?\s*\??\s*$"
)

FOLLOW_UP = _re(
    r"^\s*(?:and|what\s+about|how\s+about|also|then|same\s+for|now)\b|^\s*(?:那|那么|还有|再|换成|改成|如果是)"
    r"|呢\s*[?？]?\s*$|\b(?:it|they|them|those|these|ones)\b|\bhow\s+many\s+(?:were|are|of)\b|它们|这些|其中|他们|那些"
    r"|列出来|都是|分别是|多少是"
)
PRONOUN = _re(r"\b(?:it|its|they|them|this|that|these|those)\b|它|它们|这个|那个|该服务|这些|那些")
LIST_THEM = _re(
    r"\bwhich\s+(?:were|are)\s+they\b|\b(?:list|show|name)\s+(?:them|those|these)\b|\bwhat\s+(?:were|are)\s+they\b"
    r"|\bwhich\s+ones\b|列出来|列一下|都是哪些|是哪些|有哪些|分别是|都有哪些"
)
