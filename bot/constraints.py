"""What a question pins down, and whether a sentence keeps to it: the years it names, its other numbers,
its named entities (people, organisations, products, places; English and Chinese) and, for a "which" or
"what" question, the set or attribute of a named thing it asks about ("which US states" → states, "what
was X's budget" → budget). For the sentence offered as the answer itself, also the kind of answer asked for
(read by `bot.answer_type`: when → a date, how many → a number, how much of → a share, another name for →
a sentence that names) and, in English, a "not" in the question.
`read_constraints` reads them from the question; `violation` says which one a sentence breaks, given what its
passage adds (title, heading, document date, the sentence before it; for names and the set asked about, the
whole passage).

Nothing here ranks sentences or decides to answer (see `bot.answer`, which also decides which other
sentences may stand in when the best one breaks a constraint); nothing loads a model.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from bot.answer_type import AnswerType, answer_type_required, gives
from bot.text import STOPWORDS, Language, keyword_tokens, one_edit_apart

ViolationKind = Literal["year", "number", "entity", "asked", "negation", "answer_type"]

# A year from 1000 to 2099, not part of a longer number ("12,023") or a decimal; a comma before it may end a
# clause ("，2025年").
YEAR = re.compile(r"(?<!\d)(?<!\d[.,])(1\d\d\d|20\d\d)(?![\d.,]?\d)")
_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
_MONTH = "|".join(_MONTHS)
_RANGE_END = re.compile(r"(?<=\d)\s*(?:-|–|—|to|until|through)\s*(?:1[89]|20)\d\d\b")
# A day of the month written next to its month: part of a date, not a number the question counts.
_DAY = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH})\b|\b(?:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
    r"|\d{1,2}\s*[月日号]",
    re.I,
)
# Numbers whose digits are a name, not a quantity: articles, standards, order numbers, model versions; also
# right after Chinese text (起草了TC260-003-2024, 巴士41R线), where `\b` sees no edge.
_LABEL = re.compile(
    r"(?<![A-Za-z0-9])(?:article|order number|number|no\.?|gb(?:/t)?|tc260-|version|v)\s*\d+(?:[-.]\d+)*"
    r"|第\s*\d+\s*条|(?<![A-Za-z0-9])[A-Za-z]+[-‑]?\d+(?:\.\d+)?(?![A-Za-z0-9])"
    r"|(?<![A-Za-z0-9.])(?!\d+(?:st|nd|rd|th)\b)\d+(?:\.\d+)?[A-Za-z]+\d*[A-Za-z]*(?![A-Za-z0-9])",
    re.I,
)
_DIGITS = re.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|(?<![\d.])\d+(?:\.\d+)?(?![\d])")
_WORD_NUMBERS = {
    word: str(n)
    for n, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90"}
_NUMBER_WORD = re.compile(r"\b(" + "|".join(_WORD_NUMBERS) + r")\b", re.I)
_COUNTS_ANSWER = re.compile(r"\b(?:what|which)\s+(?:" + "|".join(_WORD_NUMBERS) + r"|\d+)\b|\bone\b", re.I)
# "16th" is read as 16 wherever it is written; "sixteenth" only in a sentence, since a question's "first" or
# "second" is as often an order ("the first filing") as a figure the answer must repeat.
_ORDINAL_WORDS = {
    word: str(n)
    for n, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
        "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(),
        start=1,
    )
}
_ORDINAL_WORD = re.compile(r"\b(" + "|".join(_ORDINAL_WORDS) + r")\b", re.I)
_ZH_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
# A Chinese numeral counts only before a measure word ("十四款", "三家"), not inside a name ("文心一言"), nor
# before 年/月/日, where it is a date or a span ("一年", "the whole year").
# Nor after 第, 哪, 每, 某 or 同: "哪一种" asks which kind, "每一家" is each one; neither is a count.
# A lone 一 before a measure word is the article "a" (一个应用, 那一批), not a figure the passage must repeat.
_ZH_ARTICLE = re.compile(r"(?<![零〇一二两三四五六七八九十百千万])一(?=[个家款项批位条章种名])")
_ZH_NUMBER = re.compile(r"(?<![第哪每某同])([零〇一二两三四五六七八九十百千万]+)(?=[个家款项批位条章种名倍%％])")

# Capitalised words that start a question or are capitalised by grammar rather than because they name something.
_NOT_NAMES = (
    frozenset(
        """what which who whom whose when where why how is are was were do does did has have had can could will would
    should shall may might must according in on at by for from of to the a an and or as if during after before since
    between among under over with without about into i according also please tell give list name ai llm llms genai
    """.split()
    )
    | frozenset(_MONTHS)
    | frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
)
# "4G" or "3M" is a name; "5th" is an ordinal, a number (see `numbers_in`).
_CAPITALISED = re.compile(r"[A-Z][\w'’.&-]*|(?!\d+(?:st|nd|rd|th)\b)\d+[A-Za-z][\w-]*")
_NAME_JOINERS = frozenset({"of", "the", "de", "for", "and", "du", "la", "von", "van", "der", "al"})
_ZH_NAME_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz", "eng"})
_ZH_GENERIC = frozenset({"中国", "中文", "英文", "ai", "AI", "llm", "LLM"})

_AUXILIARIES = "is|was|are|were|do|does|did|has|have|had|can|could|will|would|should|shall|may|might|must"
# "which US states …", "what title did …", "what was the lab's budget …": the set or attribute asked about.
_EN_ASKED = re.compile(
    r"\b(?:which|what)\s+(?:(?:is|was|are|were)\s+(?:the\s+)?)?(?!(?:" + _AUXILIARIES + r")\b)"
    r"([A-Za-z][\w'’ -]*?)(?=\s+(?:" + _AUXILIARIES + r"|of|in|on|at|for|from|to|by|that|with|"
    r"about|under|during|after|before|since|per|and|or|a|an|the)\b|[?,.]|$)",
    re.I,
)
_GENERIC_ASKED = frozenset(
    """year years date dates day days month months time times kind kinds type types sort way ways one ones name names
    number amount percentage share proportion part role thing things reason purpose point place term word words
    happened happen happens else event events""".split()
)
# A question asking about what is not so (English only: in Chinese 不/没/无 are inside too many words).
_ASKS_NEGATED = re.compile(r"\b(?:not|never|cannot)\b|n['’]t\b", re.I)
_SAYS_NO = re.compile(
    r"\b(?:not|no|never|none|nor|neither|without|cannot|unable|lack(?:s|ed|ing)?|fail(?:s|ed|ing)?|den(?:y|ies|ied)"
    r"|refus(?:e|es|ed|ing)|instead|rather than|as opposed to|unlike|except|impossible|only|few|little|rarely"
    r"|seldom|hardly|barely|sparsely)\b|n['’]t\b",
    re.I,
)
_WEB_WORDS = frozenset({"address", "website", "site", "url", "domain", "link", "网址", "网站", "域名"})
_WEB_ADDRESS = re.compile(r"https?://|\b[\w-]+(?:\.[\w-]+)+\.(?:cn|com|org|net|gov|edu)\b", re.I)
_ZH_ASKED = re.compile(
    r"(?:哪些|哪个|哪家|哪位|哪款|哪种|哪类|哪国)([\u4e00-\u9fff]{1,6}?)(?=[的是在有获被于了，。？?]|$)"
)
_ZH_GENERIC_ASKED = frozenset({"年", "天", "日", "月", "时候", "一年", "一天", "个", "些", "里", "儿", "次"})


@dataclass(frozen=True)
class Constraints:
    """What the question pins down. `asked` is the set or attribute named by "which"/"what" ("states")."""

    years: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    asked: str | None = None
    asked_phrase: str | None = None  # "US states", for saying what is missing
    language: Language = "en"
    entity_tokens: dict[str, frozenset[str]] = field(default_factory=dict, compare=False)
    negated: bool = False  # "what did X not …": the answer's own sentence must say no as well
    wants: AnswerType | None = None  # "when" → a date, "how many" → a number

    def __bool__(self) -> bool:
        return bool(self.years or self.numbers or self.entities or self.asked or self.negated or self.wants)


@dataclass(frozen=True)
class SentenceContext:
    """A sentence with what its passage adds: the document's title, the heading, the document's date, the
    sentence before it, and the passage's whole text (where the set or attribute asked about may be named)."""

    sentence: str
    previous: str = ""
    heading: str = ""
    title: str = ""
    as_of: str = ""
    passage: str = ""
    language: Language = "en"


@dataclass(frozen=True)
class Violation:
    """The constraint a sentence breaks: what was asked and what the sentence (and its context) gives instead."""

    kind: ViolationKind
    asked: str
    found: tuple[str, ...] = ()


def read_constraints(question: str, language: Language) -> Constraints:
    """The years, numbers, named entities and asked-about set of `question`."""
    text = unicodedata.normalize("NFKC", question)
    # The end of a range ("2001–2006") is not asked about by itself: the passage may give only the start.
    years = tuple(dict.fromkeys(YEAR.findall(_RANGE_END.sub("", text))))
    # "What two rivers …" counts the answer's parts, and "one" is as often a pronoun ("one of", "one reason"):
    # neither is a figure the passage must repeat.
    counted = _ZH_ARTICLE.sub(" ", _COUNTS_ANSWER.sub(" ", text))
    numbers = tuple(n for n in dict.fromkeys(numbers_in(counted, skip_years=True)) if n not in years)
    entities = _zh_entities(text) if language == "zh" else _en_entities(text)
    asked, phrase = _zh_asked(text) if language == "zh" else _en_asked(text, entities)
    tokens = {e: frozenset(keyword_tokens(_fold(e))) for e in entities}
    entities = tuple(e for e in entities if tokens[e])
    negated = language == "en" and _ASKS_NEGATED.search(text) is not None
    return Constraints(years, numbers, entities, asked, phrase, language, tokens, negated, answer_type_required(text))


def numbers_in(text: str, skip_years: bool = False, ordinal_words: bool = False) -> list[str]:
    """The quantities written in `text`, as plain digits ("85,000" → "85000", "seven" → "7", "16th" → "16",
    "十四款" → "14"): not days of the month, article or model numbers, with `skip_years` not years, and
    with `ordinal_words` also "first", "second" ... (their digits, "2nd", always count)."""
    text = _LABEL.sub(" ", _DAY.sub(" ", text))
    if skip_years:
        text = YEAR.sub(" ", text)
    found = [_plain_number(n) for n in _DIGITS.findall(text)]
    found += [_WORD_NUMBERS[w.lower()] for w in _NUMBER_WORD.findall(text)]
    if ordinal_words:
        found += [_ORDINAL_WORDS[w.lower()] for w in _ORDINAL_WORD.findall(text)]
    found += [str(v) for v in (_zh_numeral(n) for n in _ZH_NUMBER.findall(text)) if v is not None]
    return found


def violation(constraints: Constraints, context: SentenceContext, as_answer: bool = False) -> Violation | None:
    """The first constraint of the question that the sentence breaks, counting what its context adds;
    None when it keeps to all of them. Names are only checked within one language. With `as_answer` (the
    sentence is offered as the answer itself, not as one claim among others) it must also be of the kind of
    answer asked for (a date, a number) and, asked what is not so, say no."""
    local = " ".join((context.sentence, context.previous, context.heading, context.title))
    if constraints.years:
        years = set(YEAR.findall(f"{local} {context.as_of}"))
        for year in constraints.years:
            if year not in years:
                return Violation("year", year, tuple(sorted(set(YEAR.findall(context.sentence)))))
    if constraints.numbers:
        given = set(numbers_in(local, skip_years=True, ordinal_words=True))
        for number in constraints.numbers:
            if number not in given:
                return Violation("number", number, tuple(dict.fromkeys(numbers_in(context.sentence, True))))
    # The answer itself must be of the kind asked for: a heading's date does not say when something happened.
    if as_answer and constraints.wants and not gives(constraints.wants, context.sentence):
        return Violation("answer_type", constraints.wants)
    same_language = context.language == constraints.language
    # "What did X not share?" is answered by a sentence that says what X does not do, not by one saying what it
    # does; the sentence before may hold the "not" ("X was rejected by …. Its reasons were …").
    negated = as_answer and constraints.negated and same_language
    if negated and not _SAYS_NO.search(f"{context.previous} {context.sentence}"):
        return Violation("negation", "not")
    # A name is often said once in a passage and then referred to ("he", "the company"): the whole passage counts.
    whole = (local, context.passage)  # read apart: the passage's words are cached once for all its sentences
    if constraints.entities and same_language:
        for entity in constraints.entities:
            if not _names(entity, constraints, whole):
                return Violation("entity", entity)
    if constraints.asked and same_language:
        web = constraints.asked.lower() in _WEB_WORDS and any(_WEB_ADDRESS.search(text) for text in whole)
        kinds = (constraints.asked, *_same_kind(constraints.asked))
        if not web and not any(_names(kind, constraints, whole, strip_entities=True) for kind in kinds):
            return Violation("asked", constraints.asked_phrase or constraints.asked)
    return None


# Words for the same kind of thing, so "which Beijing organisations" is answered by a passage that says
# "entities" or "companies" (a small hand-made list for the sets this corpus is asked about).
_KINDS = (
    "organisation organization entity company firm enterprise institution institute lab laboratory body agency "
    "authority regulator startup 机构 公司 企业 单位 实验室 部门",
    "model llm service chatbot application app product tool system 模型 大模型 服务 应用 产品 工具",
    "person people official executive leader founder 人 人士 官员 负责人",
    "city province region place area 城市 省份 省 地区",
)


def _same_kind(word: str) -> tuple[str, ...]:
    """Other words for the kind of thing `word` names ("organisations" → entity, company, …)."""
    key = word if not word.isascii() else next(iter(keyword_tokens(word)), word)
    for group in _KIND_TOKENS:
        if key in group:
            return tuple(w for w in group if w != key)
    return ()


def _names(term: str, constraints: Constraints, texts: tuple[str, ...], strip_entities: bool = False) -> bool:
    """Whether `texts` name `term`: as a substring in Chinese; in English every word of it, allowing a
    shortened form ("Lab" for "Laboratory"), one typo in a longer word (not in an acronym), or an acronym
    spelt out ("EU").
    A name (not `strip_entities`, where a kind of thing is looked for) must have one of its words written
    as a name, with a capital or a digit: "a research centre" does not name "Centre", while "the king of
    France" names "French King"."""
    if constraints.language == "zh" and not term.isascii():
        wanted_text = unicodedata.normalize("NFKC", term)
        return any(wanted_text in unicodedata.normalize("NFKC", text) for text in texts)
    wanted = constraints.entity_tokens.get(term) or frozenset(keyword_tokens(_fold(term)))
    present = frozenset().union(*(_token_set(_without_names(t) if strip_entities else t) for t in texts))
    # An acronym is spelt exactly: one letter more ("OAPEC" for "OPEC") is another body.
    exact = _ACRONYM.fullmatch(term) is not None
    if all(token in present if exact else _mentioned(token, present) for token in wanted):
        if strip_entities or not wanted:
            return True
        as_names = frozenset().union(*(_name_token_set(t) for t in texts))
        if any(_mentioned(token, as_names) for token in wanted):
            return True
    acronym = term.replace(".", "").upper()
    return _ACRONYM.fullmatch(term) is not None and any(acronym in _acronyms(text) for text in texts)


_ACRONYM = re.compile(r"(?:[A-Z]\.?){2,6}")


@lru_cache(maxsize=4096)
def _acronyms(text: str) -> frozenset[str]:
    """The initials of every run of capitalised words in `text` ("European Union" → EU, "Islamic State of
    Iraq and the Levant" → ISIL), so a question's acronym finds the name spelt out."""
    found = set()
    for run in re.findall(r"[A-Z][\w’'-]*(?:\s+(?:(?:of|and|the|for|de)\s+)*[A-Z][\w’'-]*)+", text):
        initials = "".join(w[0] for w in run.split() if w[0].isupper())
        for start in range(len(initials)):
            for end in range(start + 2, len(initials) + 1):
                found.add(initials[start:end])
    return frozenset(found)


def _fold(text: str) -> str:
    """`text` without accents ("Temür" → "Temur"), for comparing names spelt with and without them."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _mentioned(token: str, present: frozenset[str]) -> bool:
    if token in present:
        return True
    if len(token) >= 3 and token.isascii() and any(p.startswith(token) for p in present):
        return True
    return len(token) >= 4 and token.isascii() and any(one_edit_apart(token, p) for p in present)


@lru_cache(maxsize=16384)
def _token_set(text: str) -> frozenset[str]:
    return frozenset(keyword_tokens(_fold(text)))


_NAME_WORD = re.compile(r"[\w'’.&-]*[A-Z0-9][\w'’.&-]*")


@lru_cache(maxsize=16384)
def _name_token_set(text: str) -> frozenset[str]:
    """The words of `text` written as names (with a capital or a digit), as keyword tokens."""
    return _token_set(" ".join(_NAME_WORD.findall(text)))


_KIND_TOKENS = tuple(
    tuple(dict.fromkeys(w if not w.isascii() else next(iter(keyword_tokens(w)), w) for w in group.split()))
    for group in _KINDS
)
_COUNTRY_NAMES = re.compile(r"\bUnited States(?: of America)?\b|\bUnited Kingdom\b|\bUnited Arab Emirates\b")


def _without_names(text: str) -> str:
    """`text` without the country names whose words would otherwise count as the set asked about
    ("United States" names no state)."""
    return _COUNTRY_NAMES.sub(" ", text)


def _en_entities(question: str) -> tuple[str, ...]:
    """Runs of capitalised words (with "of", "the" … inside), not counting the question's first word when
    it is capitalised only because it starts the sentence, nor month and day names."""
    entities: list[str] = []
    run: list[str] = []
    words = re.findall(r"[\w'’.&-]+|[^\w\s]", question)
    for i, word in enumerate(words):
        bare = word.strip(".'’").removesuffix("'s").removesuffix("’s")
        capitalised = bool(_CAPITALISED.fullmatch(bare)) and bare.lower() not in _NOT_NAMES
        if i == 0 and capitalised and (bare.lower() in STOPWORDS or _opens_sentence(bare, words)):
            capitalised = False
        if capitalised:
            run.append(bare)
        elif run and word.lower() in _NAME_JOINERS and i + 1 < len(words) and _CAPITALISED.fullmatch(words[i + 1]):
            run.append(word)
        else:
            _close(run, entities)
            run = []
    _close(run, entities)
    return tuple(dict.fromkeys(entities))


def _opens_sentence(word: str, words: list[str]) -> bool:
    """A plain capitalised first word not followed by another capitalised one: capitalised by grammar."""
    following = words[1] if len(words) > 1 else ""
    return word[1:].islower() and not _CAPITALISED.fullmatch(following)


def _close(run: list[str], entities: list[str]) -> None:
    while run and run[-1].lower() in _NAME_JOINERS:
        run.pop()
    # A lone nationality word ("German schools") says where, loosely; it is not a name a passage must repeat.
    if run and not (len(run) == 1 and run[0].lower() in _DEMONYMS):
        entities.append(" ".join(run))


_DEMONYMS = frozenset(
    """american british english french german chinese japanese korean russian spanish italian dutch european asian
    african indian canadian australian mexican brazilian swiss swedish norwegian danish polish greek turkish arab
    arabic persian roman irish scottish welsh western eastern northern southern""".split()
)


def _zh_entities(question: str) -> tuple[str, ...]:
    """Place, person, organisation and other proper names jieba tags in a Chinese question, and Latin names."""
    import jieba.posseg

    entities = []
    for word, tag in jieba.posseg.cut(question):
        word = word.strip()
        if tag in _ZH_NAME_TAGS and len(word) > 1 and word not in _ZH_GENERIC and not YEAR.fullmatch(word):
            if tag == "eng" and (word.lower() in _NOT_NAMES or word.isdigit()):
                continue
            entities += _zh_name_parts(word)
    return tuple(dict.fromkeys(entities))


def _zh_name_parts(word: str) -> list[str]:
    """Two names jieba ran into one ("甲乙丙和丁戊己") as two, each of at least two characters; else the word."""
    parts = re.split(r"[和与及、]", word)
    return parts if len(parts) > 1 and all(len(part) > 1 for part in parts) else [word]


def _en_asked(question: str, entities: tuple[str, ...]) -> tuple[str | None, str | None]:
    """The head word of the phrase after "which"/"what" ("US states" → "states"), unless it is generic."""
    match = _EN_ASKED.search(question)
    if not match:
        return None, None
    phrase = match.group(1).strip()
    # Only a set or attribute tied to a name is checked ("US states", "the lab's budget", "the budget of
    # the lab"): a bare "what treaty" is often answered by a passage that never says "treaty".
    owned = "'s " in phrase or "’s " in phrase or bool(re.match(r"\s+of\s+(?:the\s+)?[A-Z]", question[match.end() :]))
    if "'s " in phrase or "’s " in phrase:  # "the Shanghai AI Lab's budget": the thing owned is asked
        phrase = re.split(r"['’]s\s+", phrase)[-1]
    words = [w for w in phrase.split() if w.lower() not in STOPWORDS]
    # "which publication reported that …": the phrase ends before its verb.
    verb = next((i for i, w in enumerate(words) if i and re.fullmatch(r"[a-z]{3,}(?:ed|ing)", w)), None)
    words = words[:verb]
    if not owned and not any(w[:1].isupper() for w in words[:-1]):
        return None, None
    if not words:
        return None, None
    head = words[-1]
    if head.lower() in _GENERIC_ASKED or head[:1].isupper() or head.isdigit() or head.lower() in _NOT_NAMES:
        return None, None
    if any(head in entity.split() for entity in entities):
        return None, None
    return head, " ".join(words)


def _zh_asked(question: str) -> tuple[str | None, str | None]:
    match = _ZH_ASKED.search(question)
    if not match:
        return None, None
    phrase = match.group(1)
    import jieba.posseg

    words = list(jieba.posseg.cut(phrase))
    nouns = [w for w, tag in words if tag.startswith("n") and tag not in _ZH_NAME_TAGS]
    if not nouns or nouns[-1] in _ZH_GENERIC_ASKED:
        return None, None
    if not any(tag in _ZH_NAME_TAGS for _, tag in words):  # only a set tied to a name ("美国州"), as in English
        return None, None
    return nouns[-1], phrase


def _plain_number(text: str) -> str:
    text = text.replace(",", "")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _zh_numeral(text: str) -> int | None:
    """A Chinese numeral's value ("十四" → 14, "一百三十" → 130, "两" → 2), or None if it is not one."""
    total, section, digit = 0, 0, None
    for char in text:
        if char in _ZH_DIGITS:
            digit = _ZH_DIGITS[char]
        elif char == "万":
            section = (section + (digit or 0)) * 10000
            total, section, digit = total + section, 0, None
        elif char in _ZH_UNITS:
            section += (1 if digit is None else digit) * _ZH_UNITS[char]
            digit = None
        else:
            return None
    return total + section + (digit or 0)


def describe(broken: Violation, language: Language) -> str:
    """What the documents hold and what they lack, as the opening of an abstention that then quotes them."""
    found = ", ".join(broken.found)
    if language == "zh":
        if broken.kind == "year":
            return (
                f"文档给出的是{found}年的情况，不是{broken.asked}年的："
                if found
                else f"文档没有给出{broken.asked}年的情况，最接近的内容是："
            )
        if broken.kind == "number":
            return (
                f"文档给出的数字是{found}，不是{broken.asked}："
                if found
                else f"文档没有提到{broken.asked}，最接近的内容是："
            )
        if broken.kind == "entity":
            return f"文档没有就“{broken.asked}”给出这一信息，最接近的内容是："
        if broken.kind == "answer_type":
            return f"文档没有给出所问的{_ZH_TYPE_NAMES.get(broken.asked, broken.asked)}，最接近的内容是："
        return f"文档没有提到“{broken.asked}”，最接近的内容是："
    if broken.kind == "year":
        if found:
            return f"The documents give {found}, not {broken.asked}:"
        return f"The documents don't give this for {broken.asked}; the nearest they hold:"
    if broken.kind == "number":
        if found:
            return f"The documents give {found}, not {broken.asked}:"
        return f"The documents don't mention {broken.asked} here; the nearest they hold:"
    if broken.kind == "entity":
        return f"The documents don't say this about {broken.asked}; the nearest they hold:"
    if broken.kind == "negation":
        return "The documents don't say what is not so here; the nearest they hold:"
    if broken.kind == "answer_type":
        kind = _EN_TYPE_NAMES.get(broken.asked, broken.asked)
        return f"The documents don't give the {kind} asked for; the nearest they hold:"
    return f"The documents don't mention {broken.asked}; the nearest they hold:"


_EN_TYPE_NAMES = {"alias": "other name"}
_ZH_TYPE_NAMES = {"date": "日期", "number": "数字", "share": "比例", "alias": "别名"}
