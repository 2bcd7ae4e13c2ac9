"""The name a register question asks about when the catalog linked none: `asked_name(...)`.

A question that asks about one thing ("Did Perplexity get through China's filing?", "Is X's algorithm on the
deep-synthesis list?", "X是哪天通过备案的？", "X的算法备案编号是什么？") names it even when the register does not
know it. Such a name is found by the sentence's shape, and, for names in Latin letters, by how they are written
(capitalised, mixed case, digits or dots: DeepL, Character.AI, 01.AI) wherever they stand. A quoted name always
counts. What the name turns out to be is the catalog's call: the rows a known spelling stands for (a generic
name such as AI助手, asked about by itself), or nothing, and then the name is `unknown_name` and the answer
says it is not in the lists.

It does not link names inside a sentence (`bot.register.names`) or decide the intent (`bot.register.parse`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from bot.register import cues as w
from bot.register.dates import MONTHS, find_dates
from bot.register.folding import fold, is_generic
from bot.register.names import NameCatalog, NameLink
from bot.register.places import CITIES, PROVINCES, city_pattern

# Words that open a question, never a name at its start.
_QUESTION_WORD = (
    r"(?:is|was|are|were|has|have|had|did|does|do|when|what|who|which|where|how|why|can|could|will|would|should|any|"
    r"anything|all|every|none|nothing|some|something|show|list|tell|give|find|look|please|name|count|the\s+number)\b"
)
_BY_SHAPE_EN = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^\s*(?:is|was|are|were|has|have|had|did|does)\s+(?P<x>.+?)\s+(?:(?:been|get|got|gotten|already|ever|officially|"
        r"actually|now|yet)\s+)*(?:filed|registered|approved|listed|licen[cs]ed|cleared|cancel(?:l)?ed|renamed|file|"
        r"register|get\s+(?:approved|through|past|cleared)|pass(?:ed)?|on\s+(?:the\s+)?(?:\S+\s+){0,4}?(?:list|lists|"
        r"register|registry)|(?:in|among|part\s+of)\s+(?:the\s+)?(?:\S+\s+){0,4}?(?:list|lists|register|registry|services|filings"
        r"|algorithms))\b",
        r"\bwhen\s+(?:was|were|did)\s+(?P<x>.+?)\s+(?:get\s+|been\s+)?(?:filed|registered|approved|listed|file|register)\b",
        r"\b(?:filing|registration)\s+(?:number|no\.?|date)\s+(?:of|for)\s+(?P<x>.+?)\s*\??\s*$",
        r"\bwho\s+(?:filed|registered|operates|runs|owns|made|makes|is\s+behind)\s+(?P<x>.+?)\s*\??\s*$",
        r"\bwhat\s+is\s+(?P<x>.+?)'s\s+(?:\S+\s+){0,3}?(?:filing|registration)\b",
        r"\bwhere\s+(?:is|was)\s+(?P<x>.+?)\s+(?:filed|registered)\b",
        r"\bwhat\s+was\s+(?P<x>.+?)\s+(?:renamed|called)\b",
        # "Has X completed its filing?", "did X pass generative AI registration": a verb of getting through.
        r"^\s*(?:has|have|had|did|does|do|is|was)\s+(?P<x>.+?)\s+(?:(?:already|ever|yet|actually|officially|"
        r"successfully)\s+)*(?:complet|finish|pass|done|gone\s+through|go\s+through|went\s+through|obtain|receiv|got|get|"
        r"made|make|submit|undergo|underwent|secur)\w*\s+(?:\S+\s+){0,4}?(?:filing|registration|approval|record)s?\b",
        # A fragment that starts with the name: "X filed with the CAC?", "X algorithm filing number".
        r"^\s*(?!" + _QUESTION_WORD + r")(?P<x>.+?)(?:'s|’s)?\s+(?:(?:algorithm|service|model|app)s?\s+)?"
        r"(?:filing|registration|record)\s+(?:number|no\.?|date|status|id)\b",
        r"^\s*(?!" + _QUESTION_WORD + r")(?P<x>.+?)\s+(?:(?:been|get|got|already|ever|officially)\s+)*"
        r"(?:filed|registered|approved|listed)\s+(?:with|by|in|on|at)\b",
    )
]
# "Which algorithms does X use?", "X用了哪些算法": X, an app.
_BY_USE = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\bused\s+(?:by|in|on)\s+(?:the\s+)?(?P<x>.+?)(?:\s+app)?\s*[?？]?\s*$",
        r"\b(?:does|do|did)\s+(?:the\s+)?(?P<x>.+?)(?:\s+app)?\s+(?:use|rely\s+on|run\s+on)\b",
        r"\b(?:is|are)\s+(?:the\s+)?(?P<x>.+?)(?:\s+app)?\s+using\b",
        r"\b(?:power|powers|behind)\s+(?:the\s+)?(?P<x>.+?)(?:\s+app)?\s*[?？]?\s*$",
        r"^(?:请问)?(?P<x>.+?)(?:这个|这款)?(?:app|应用|客户端)?(?:用了|使用了?|采用了?|用到了?|应用了|依赖)",
    )
]
_SERIES_ZH = r"(?:生成式人工智能|生成式AI|人工智能|深度合成|互联网信息服务|大模型|算法|服务|模型)*"
_BY_SHAPE_ZH = [
    re.compile(p, re.IGNORECASE)
    for p in (
        # "X拿到生成式人工智能服务的编号了吗": before "X的…编号", which would take the verb into the name.
        r"^(?:请问)?(?P<x>.+?)(?:是否|有没有|已经|已|还)*(?:拿到|取得|获得|领到|申请到|有)了?(?:国家)?(?:网信办)?的?"
        + _SERIES_ZH
        + r"的?(?:备案|登记)?(?:号|编号|号码)",
        r"^(?:请问)?(?:查询|查一下|查查|搜索)?(?P<x>.+?)的"
        + _SERIES_ZH
        + r"(?:备案|登记)(?:号|编号|时间|日期|情况|信息|号码)",
        r"^(?:请问)?(?P<x>.+?)(?:是)?(?:在)?(?:什么时候|何时|哪天|哪一天|几时)(?:通过|完成|进行|做|办理)?了?的?"
        r"(?:备案|登记|获批|上线)",
        r"^(?:请问)?(?P<x>.+?)(?:是否|有没有|有无|已经|已|还|都|也)*(?:在(?:国家)?网信办)?(?:通过|完成|进行|做)?了?"
        + _SERIES_ZH
        + r"(?:备案|登记|上线|获批)了?(?:吗|没有|没|嘛|么|\?|$)",
        r"^(?:请问)?(?P<x>.+?)(?:有没有|是否有|有)" + _SERIES_ZH + r"(?:备案|登记)(?:吗|么|嘛|没有|\?|$)",
        r"^(?:请问)?(?P<x>.+?)(?:是否|有没有)?(?:被|已)?注销",
        # "X有没有通过网信办的备案", "查一下X是否在网信办公布的名单里".
        r"^(?:请问)?(?P<x>.+?)(?:是否|有没有|有无|已经|已|还)*(?:通过|完成|办理)了?(?:国家)?(?:网信办)?的?"
        + _SERIES_ZH
        + r"(?:备案|登记)",
        r"^(?:请问|帮我)?(?:查一下|查查|查询|看看|看一下|查)?(?P<x>.+?)(?:是否|有没有|在不在|是不是|有)?(?:在|列在|进了?|上了?|列入)"
        r"(?:国家)?(?:网信办)?(?:公布|发布|公示)?的?" + _SERIES_ZH + r"(?:备案|登记)?(?:名单|清单)",
        r"^(?:请问)?(?P<x>.+?)(?:更名|改名)",
        # "X的新主体名称是？", "X现在的公司名字叫什么", "X变更后的名称": the name of a rename.
        r"^(?:请问)?(?P<x>.+?)的(?:新的?|现在的?|目前的?|如今的?|最新的?|变更后的?)(?:主体|公司|企业|单位)?名(?:字|称)",
        # "网信办的清单里能查到X吗", "深度合成算法清单里有X吗", "名单上找得到X吗": the name after the list.
        r"(?:名单|清单|名录)(?:里|中|上|内|当中)?(?:面)?(?:能|可以|可)?(?:查到|找到|查得到|找得到|查得着|看到|搜到|查出|有没有|有)"
        r"(?P<x>.+?)(?:吗|么|嘛|没有|不|\?|$)",
        # "X在网信办备案过推荐算法吗", "X登记过生成式人工智能服务没有": a filing ever made.
        r"^(?:请问)?(?P<x>.+?)(?:是否|有没有|已经|曾经|以前|之前|此前|还|都)*(?:(?:在|向|到|去)(?:国家)?网信办)?(?:备案|登记)过",
        r"^(?:请问)?(?:查询|查一下|查查)(?P<x>.+?)的",
    )
]
_NOT_A_NAME = re.compile(
    r"^(?:it|they|them|this|that|these|those|any|anything|one|ones|there|the\s+service|this\s+service|that\s+service|"
    r"它|它们|这个|那个|该服务|这些|那些|他们|有|什么|哪些|多少)$|\b(?:services?|algorithms?|filings?|models?|"
    r"companies|anything|any|many|much|all|every)\b|^(?:这|那|哪|该|所有|全部|多少|什么|几)"
    r"|^(?:生成式人工智能)?(?:服务|算法|模型|大模型|公司|企业|产品|应用)$"
    r"|有没有|有无|是否|最近|最新|新的|哪些|什么|多少|注销|任何|有$"
    r"|\bchina's\b|\bcac(?:'s)?\b|deep[\s-]*synthe|\bgenerative\b",
    re.IGNORECASE,
)
# A place in a candidate makes it a filter, not a name ("上海的大模型备案了吗" asks about Shanghai's models).
_PLACE = re.compile(
    "|".join(
        sorted({p.short for p in PROVINCES} | {p.full for p in PROVINCES}, key=len, reverse=True)
        + [rf"\b{re.escape(p.english)}\b" for p in PROVINCES if p.code]
        + [city_pattern(c) for c in CITIES]
    ),
    re.IGNORECASE,
)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_NAME_CHAR = re.compile(r"[A-Za-z0-9\u4e00-\u9fff]")  # a name has a letter, digit or character ("." is none)
_ENGLISH_SENTENCE = re.compile(
    r"^\s*(?:is|was|are|were|has|have|had|did|does|do|when|what|who|which|where|how|can|could)\b", re.IGNORECASE
)
_OWNS = re.compile(r"\s*(?:'s|’s|的)\s*")
# An article before the name; what follows it ("'s", "in China", "X's algorithm": X is asked about).
_TRIM_NAME = re.compile(
    r"^(?:the|a|an)\s+|(?:'s|’s)$|\s+(?:in|by|with)\s+(?:china|the\s+cac).*$"
    r"|\s*(?:'s|’s)?\s+(?:algorithms?|services?|models?|apps?|chatbots?|products?)$",
    re.IGNORECASE,
)

# A Latin-script word written as a name: capitalised, mixed case, or with digits or dots (DeepL, Character.AI).
_LATIN_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9.&+\-]*(?:'s|’s)?")
# Words written capitalised that are never the name asked about (sentence openers, the country, the regulator).
_NEVER_NAMES = frozenset(
    """is was are were has have had did does do can could will would should when what which who whom whose where
    why how please tell show list give find check the a an and or of in on for to by from with about china china's
    chinese prc cac cac's cyberspace administration government beijing's sasac soe soes macau xizang q1 q2 q3 q4 h1 h2
    csv json pdf docx xlsx url""".split()
    + list(MONTHS)
)
# Words that are part of a name only beside another (Perplexity AI), never a name alone.
_NOT_ALONE = frozenset(
    """ai aigc app apps generative artificial intelligence internet information service services algorithm
    algorithms deep synthesis deep-synthesis filing filings list lists register registry model models llm gpt
    api pc web id no genai gen-ai""".split()
)


def asked_name(
    text: str,
    masked: str,
    quoted: Sequence[tuple[int, int]],
    catalog: NameCatalog,
    one_thing: bool,
    uses: bool = False,
) -> tuple[str, NameLink | None]:
    """(unknown name, link): the name `text` asks about when none was linked (`masked` is the question with
    the words the parser read itself blanked). Quoted names always count, and the app of a question about
    what an app `uses`; a name read from the sentence's shape or from its Latin spelling only when the
    question asks about `one_thing`. A known spelling comes back as its link; a name that means nothing as
    the unknown name; ("", None) when there is no name."""
    candidates = [text[start + 1 : end - 1].strip() for start, end in quoted]
    if uses:
        candidates += [m.group("x") for pattern in _BY_USE if (m := pattern.search(masked))]
    if not one_thing and w.REGISTER_WORDS.search(masked):
        # A count or list of what a name has filed ("Which algorithms has ZTE filed?", "Show me everything
        # Hikvision has"): a name written as one counts; the sentence's shape is the one-thing shapes' only.
        candidates += latin_names(masked)
    if one_thing:
        # An English sentence may carry a Chinese name ("Is 写作机器人 on the list?"): its words decide.
        chinese = bool(_CJK.search(masked)) and not _ENGLISH_SENTENCE.search(masked)
        patterns = _BY_SHAPE_ZH + _BY_SHAPE_EN if chinese else _BY_SHAPE_EN + _BY_SHAPE_ZH
        shapes = [m.group("x") for pattern in patterns if (m := pattern.search(masked))]
        latin = latin_names(masked) if w.FILING_WORDS.search(masked) else []
        # In a Chinese sentence a Latin name is plainer than the sentence's shape; in English the shape is.
        candidates += latin + shapes if chinese else shapes + latin
    for candidate in candidates:
        name = _TRIM_NAME.sub("", candidate.strip(" ,，?？")).strip(" ,，?？.")
        if not _NAME_CHAR.search(name) or len(name) > 40 or len(name.split()) > 5 or _NOT_A_NAME.search(name):
            continue
        if _PLACE.search(name):
            # "Shanghai's XYZ Bot" asks about XYZ Bot; "上海的大模型" about Shanghai's models (a filter).
            name = re.sub(r"^\s*(?:'s|’s|的)?\s*", "", _PLACE.sub("", name, count=1)).strip(" .")
            if not name or _PLACE.search(name) or _NOT_A_NAME.search(name) or name.lower() in _NOT_ALONE:
                continue
        if find_dates(name) or fold(name) in ("china", "中国", "cac"):
            continue
        known = catalog.lookup(name)
        if known is not None:
            start = max(text.find(name), 0)
            return "", dataclasses.replace(known, start=start, end=start + len(name))
        if _CJK.search(name) and is_generic(name):
            continue
        return name, None
    return "", None


_PRODUCT_CODE = re.compile(r" (?:[A-Z]|[A-Z]+\d[A-Za-z0-9.-]*)(?![A-Za-z0-9'’-])")


def owned_name(text: str, masked: str, links: Sequence[NameLink]) -> str:
    """A known owner followed by a Latin-script name the register does not know ("字节跳动的Seedance",
    "Apple's Siri"): the owner and that name, as asked about; "" when there is none. `masked` is `text` with
    the linked names blanked, so a name that links is never taken for an unknown one."""
    for link in links:
        # A brand, then a product code the register does not know ("Amazon Q", "Acme X2"): that product.
        code = _PRODUCT_CODE.match(masked, link.end)
        if code and re.fullmatch(r"[A-Za-z][\w .&-]*", text[link.start : link.end]):
            return text[link.start : code.end()]
        owns = _OWNS.match(masked, link.end)
        if owns is None:
            continue
        rest = masked[owns.end() :]
        run = next((name for name in latin_names(rest, first_is_name=True) if rest.startswith(name)), "")
        if run:
            return text[link.start : owns.end() + len(run)]
    return ""


def _bare(word: str) -> str:
    """A Latin word lower-cased, without "'s" and a plural s ("LLMs" → "llm")."""
    bare = re.sub(r"(?:'s|’s)$", "", word).lower()
    return bare[:-1] if bare.endswith("s") and bare[:-1] in _NOT_ALONE else bare


# What may follow a service's name and still mean that service: a particle or verb of the question, or a word
# saying what it is ("文心一言大模型", "豆包APP").
_AFTER_NAME = re.compile(
    r"^(?:的|在|是|于|有|已|还|被|曾|也|都|和|与|及|或|跟|同|这|那|该|此|通过|完成|获|拿|取|得|进|上|列|备案|登记|注销|更名|改名|吗|么|嘛|呢|了"
    r"|什么|哪|何|几|多少|背后|幕后|所属|归属|对应|相应|相关|所用|所对应|用于|用来|的话|大模型|模型|算法|服务|应用|产品|平台|系统|软件|公司|集团|旗下|系列|版本|小程序|网站|客户端|官方|国内|境内|中国)"
)
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


# Words that may open a Chinese question before the name it asks about, never part of that name.
_LEAD_ZH = re.compile(
    r"^(?:请问|请|帮我|帮忙|麻烦|我|想|要|能否|可否|可以|那么?)*"
    r"(?:查一下|查查|查询|查|搜一下|搜索|搜|找一下|找|看看|看一下|问一下|问下|问问|了解一下|了解|知道)?"
    r"(?:一下)?(?:这个|那个|这款|那款|名为|叫做?|国内|中国|国产)*"
)


_HOLDS_BEFORE = re.compile(
    r"(?:有没有|有无|是否有|能否查到|能查到|查得到|可以查到|能找到|找得到|(?:清单|名单|列表|目录)(?:里|中|内|上)有)"
    r"([\u4e00-\u9fff]{2,})$"
)


def extended_name(text: str, masked: str, links: Sequence[NameLink]) -> tuple[str, NameLink | None]:
    """A longer name that starts or ends with a known service's name ("松果创作助手" after 松果, "砚台AI作文"
    before AI作文), and that service: the longer name is another service, which the catalog did not link, so it
    is asked about as unknown; ("", None) when every linked service stands alone. `masked` is `text` with the
    linked names blanked."""
    for link in links:
        if link.alias_type or not any(match.field == "name" for match in link.matches):
            continue
        # Characters before the name, from the question's start: "砚台AI作文有没有…" asks about 砚台AI作文.
        # Only when nothing else stands there: "X公司旗下的Y" names the owner, and a linked name is blanked.
        head = _LEAD_ZH.sub("", masked[: link.start])
        if (
            len(head) >= 2
            and _CJK_RUN.fullmatch(head)
            and not re.search(r"的|旗下|名下|下属|之", head)
            and not _PLACE.search(head)
            and not _NOT_A_NAME.search(head)
        ):
            return head + text[link.start : link.end], link
        # Or right after words that ask whether the lists hold it: "清单里有枫屿旅行助手吗" asks about 枫屿旅行助手.
        asked = _HOLDS_BEFORE.search(masked[: link.start])
        if asked and not _PLACE.search(asked.group(1)) and not _NOT_A_NAME.search(asked.group(1)):
            return asked.group(1) + text[link.start : link.end], link
        run = _CJK_RUN.match(masked, link.end)
        if run is None or len(run.group(0)) < 2 or _AFTER_NAME.match(run.group(0)):
            continue
        # The name runs on to the first word of the question's own ("在", "备案", "有没有").
        tail = run.group(0)
        cut = next((i for i in range(1, len(tail)) if _AFTER_NAME.match(tail[i:]) or tail[i:].startswith("是否")), None)
        tail = tail[:cut] if cut else tail
        if len(tail) >= 2:
            return text[link.start : link.end] + tail, link
    return "", None


def latin_names(text: str, first_is_name: bool = False) -> list[str]:
    """Runs of Latin-script words written as names (capitalised after the first word, mixed case, digits,
    dots), joined by "'s" or 的 when one owns the next ("Meta的Llama"), longest first. The first word of an
    English text counts only when `first_is_name` (the text starts where a name is expected)."""
    runs: list[list[re.Match[str]]] = []
    chinese = first_is_name or bool(_CJK.search(text))
    for m in _LATIN_WORD.finditer(text):
        word = m.group(0)
        bare = re.sub(r"(?:'s|’s)$", "", word).lower()
        # An English sentence's first word is capitalised anyway; in a Chinese one, a Latin word is a name.
        first_word = not chinese and not re.search(r"[A-Za-z0-9]", text[: m.start()])
        looks_named = (
            any(c.isupper() for c in word[1:]) or re.search(r"\d|\.\w", word) or (word[0].isupper() and not first_word)
        )
        if bare in _NEVER_NAMES or not looks_named:
            runs.append([])
            continue
        gap = text[runs[-1][-1].end() : m.start()] if runs and runs[-1] else None
        if gap is not None and re.fullmatch(r"\s+|\s*的\s*|-", gap):
            runs[-1].append(m)
        else:
            runs.append([m])
    names = []
    for run in runs:
        if not run or all(_bare(m.group(0)) in _NOT_ALONE for m in run):
            continue
        names.append(text[run[0].start() : run[-1].end()])
    return sorted(names, key=len, reverse=True)
