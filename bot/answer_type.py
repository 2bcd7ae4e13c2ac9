"""The kind of answer a question asks for, and whether a sentence holds one: "when" wants a date, "how
many" a number, "how much of" a share of a whole ("half", "30%", "三成"), "another name for" a second name
(a sentence that names something: "known as", "called", a bracket). `answer_type` reads the kind used to
rank sentences (date or number) from the question's wording; `answer_type_required` the stricter kind the
answer's own sentence must hold; `gives` says whether a text holds an answer of a kind.

It reads wording only: it does not check the question's years, numbers or names (see `bot.constraints`),
rank sentences or decide to answer (see `bot.answer`).
"""

from __future__ import annotations

import re
from typing import Literal

AnswerType = Literal["date", "number", "share", "alias"]

# The kind of answer asked for: "when" wants a date, "how many" a number, in the answer's own sentence.
_ASKS_COUNT = re.compile(
    r"\bhow (many|much)\b|\b(the|what|total) number of\b|\bwhat (share|percentage|proportion)\b"
    r"|多少|几[个家款项批位]|数量|比例|占比"
)
# "When a cell is eaten, what traps it?" opens with a clause: only a "when" that is the question counts.
_ASKS_DATE = re.compile(
    r"^\W*when\b(?![^?]*\b(?:what|which|who|whom|whose|where|how)\b)"
    r"|\bwhen (did|was|were|is|are|will|do|does|has|have|had)\b|\b(what|which) (dates?|years?|months?|days?)\b"
    r"|\bin what year\b|何时|什么时候|哪一?[年天月日]|日期|几月|几号|哪年"
)
_HAS_NUMBER = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(thir|four|fif|six|seven|eigh|nine)teen"
    r"|(twen|thir|for|fif|six|seven|eigh|nine)ty|hundred|thousand|million|billion|dozen)\b"
    r"|\bnone\b|[一二三四五六七八九十两百千万亿]+[个家款项批位条章种名]",
    re.I,
)
# A year (1000–2099, or a decade: "the 1970s"), a month (May and March only beside a number: "may have"
# is no date), a century ("the 10th century") or a Chinese date, with its numerals in digits or characters
# ("洪武二十五年", "三月").
_HAS_DATE = re.compile(
    r"\b(1\d|20)\d\d(s|\b)|\b(january|february|april|june|july|august|september|october|november|december"
    r"|jan|feb|apr|jun|jul|aug|sept?|oct|nov|dec)\b|\b(may|march|mar)\s+\d|\d\s+(may|march|mar)\b"
    r"|\b\d{1,2}(st|nd|rd|th) centur"
    r"|\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth"
    r"|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first) centur"
    r"|\d+\s*[年月日]|[〇零一二三四五六七八九十百千元正]+[年月]|世纪|年代",
    re.I,
)


_DATE_EXPRESSION = re.compile(
    r"\b(article|order number|number|no\.?|gb(/t)?|tc260-)\s*\d+(-\d+)*|第\s*\d+\s*条|"
    r"\b\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(\s+\d{4})?|"
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2},?\s+)?\d{4}|"
    r"\b(1[89]|20)\d\d\b|\d{4}\s*年(\s*\d{1,2}\s*月)?(\s*\d{1,2}\s*日)?|\d{1,2}\s*月(\s*\d{1,2}\s*日)?",
    re.I,
)


def answer_type(question: str) -> AnswerType | None:
    """ "date" for a when-question, "number" for a how-many one, judged from the wording; else None."""
    lowered = question.lower()
    if _ASKS_DATE.search(lowered):
        return "date"
    if _ASKS_COUNT.search(lowered):
        return "number"
    return None


def answer_type_required(question: str) -> AnswerType | None:
    """The kind of answer the answer's own sentence must hold: as `answer_type`, except that a when-question
    in the present tense ("When are committees set up?") asks for a habitual time ("at the start of each
    session"), which is seldom a date; a question asking what part of a whole ("how much of the
    population") wants a share, not any figure; and one asking for another name wants a sentence that
    gives a name."""
    lowered = question.lower()
    if _ASKS_ALIAS.search(lowered):
        return "alias"
    kind = answer_type(question)
    if kind == "date" and _ASKS_HABIT.search(lowered):
        return None
    if kind in ("number", None) and _ASKS_SHARE.search(lowered):
        return "share"
    return kind


_ASKS_HABIT = re.compile(r"^\W*when (is|are|do|does|can|should|must|will)\b")
# "How much of the budget", "what share / percentage / proportion / fraction of": a part of a whole.
_ASKS_SHARE = re.compile(
    r"\bhow much of\b|\bwhat (share|percentage|percent|proportion|fraction|portion)\b|百分之几|多大比例|占比多少|几成"
)
# A share written as a percentage, a fraction or a word for one ("half", "two-thirds", "one in five", "三成").
_HAS_SHARE = re.compile(
    r"\d\s*(%|％)|\bper ?cent\b|\b(half|halves|thirds?|quarters?|fifths?|tenths?|majority|minority|fraction)\b"
    r"|\bone in (every )?\w+|\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine) (out )?of (every )?"
    r"(\d{1,3}|two|three|four|five|six|seven|eight|nine|ten)\b|\b\d+\s*/\s*\d+\b"
    r"|百分之|分之|[%％]|[一二三四五六七八九十]成|一半|半数|过半|多数|少数",
    re.I,
)
# "What is another name for …", "what else is it called", "what is it also known as".
_ASKS_ALIAS = re.compile(
    r"\b(another|other|alternative|different) (names?|terms?|words?) for\b|\bwhat else is\b.*\b(called|known)\b"
    r"|\balso (called|known as|named|referred to as)\s*\?|别名|又称|又名|也叫"
)
# A sentence giving a second name: "known as", "called", "named", "termed", "nicknamed", or a bracket.
_HAS_ALIAS = re.compile(
    r"\b(known|referred to|described)( \w+)? as\b|\b(called|calls|call|named|termed|nicknamed|dubbed|aka|a\.k\.a)\b"
    r"|\bname[sd]?\b|\bterm(ed)?\b|[(（“\"]|又称|又名|简称|也叫|俗称|称为|称作|名为|即",
    re.I,
)


def gives(kind: AnswerType, text: str) -> bool:
    """Whether `text` holds an answer of that kind: a date (a year, a month, a century), a number that
    is not merely part of a date ("13 September 2023" does not answer "how many"), a share ("half", "30%")
    or a second name ("known as", "called", a bracket)."""
    if kind == "date":
        return bool(_HAS_DATE.search(text))
    if kind == "share":
        return bool(_HAS_SHARE.search(text))
    if kind == "alias":
        return bool(_HAS_ALIAS.search(text))
    return bool(_HAS_NUMBER.search(_DATE_EXPRESSION.sub(" ", text)))
