"""The constraints a sentence offered as the answer must also keep: the kind of answer asked for, a "not" in
the question, ordinals and early years, and names written as names."""

import pytest

from bot.answer_type import answer_type, gives
from bot.constraints import SentenceContext, describe, numbers_in, read_constraints, violation


def _as_answer(question: str, sentence: str, previous: str = "", language: str = "en"):
    c = read_constraints(question, language)
    return violation(c, SentenceContext(sentence, previous, passage=sentence, language=language), as_answer=True)


def test_a_when_question_is_not_answered_by_a_sentence_without_a_date():
    broken = _as_answer("When did the Varrow bridge open?", "The Varrow bridge carries two lanes of traffic.")
    assert broken is not None and (broken.kind, broken.asked) == ("answer_type", "date")
    assert describe(broken, "en") == "The documents don't give the date asked for; the nearest they hold:"
    assert _as_answer("When did the Varrow bridge open?", "The Varrow bridge opened in 1189.") is None


def test_a_how_many_question_needs_a_number_that_is_not_only_a_date():
    assert _as_answer("How many arches does the Varrow bridge have?", "It was finished on 3 May 1190.") is not None
    assert _as_answer("How many arches does the Varrow bridge have?", "The Varrow bridge has seventeen arches.") is None


def test_the_kind_of_answer_is_only_checked_for_the_answer_itself():
    c = read_constraints("When did the Varrow bridge open?", "en")
    assert violation(c, SentenceContext("The Varrow bridge carries two lanes.")) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The mill was rebuilt in 1264.",
        "By the 1970s the mill had closed.",
        "The mill dates from the 11th century.",
        "The mill dates from the twelfth century.",
        "磨坊在嘉靖三十二年重建。",
        "雨季在三月到六月之间。",
    ],
)
def test_early_years_decades_centuries_and_chinese_reign_years_are_dates(sentence):
    assert gives("date", sentence)


def test_a_question_opening_with_a_when_clause_asks_for_what_follows():
    assert answer_type("When a seed is soaked, what does it grow first?") is None
    assert answer_type("When was the mill rebuilt?") == "date"
    assert answer_type("During what years did the ferry run?") == "date"
    assert answer_type("多少座桥跨过这条河？") == "number"


def test_a_question_with_not_wants_a_sentence_that_says_no():
    question = "Which metals does the alloy not contain?"
    broken = _as_answer(question, "The alloy contains copper and tin.")
    assert broken is not None and broken.kind == "negation"
    assert _as_answer(question, "The alloy contains no lead or zinc.") is None
    assert _as_answer(question, "Its makers named two metals.", previous="It never holds lead or zinc.") is None


def test_a_chinese_question_is_never_read_as_negated():
    assert not read_constraints("这座桥为什么没有桥墩？", "zh").negated


def test_an_ordinal_in_digits_is_a_number_and_its_word_in_a_sentence_answers_it():
    c = read_constraints("Which scholar in the 14th century copied the map?", "en")
    assert c.numbers == ("14",) and c.entities == ()
    assert violation(c, SentenceContext("A scholar of the fourteenth century copied it.")) is None
    broken = violation(c, SentenceContext("A scholar of the fifteenth century copied it."))
    assert broken is not None and broken.kind == "number"


def test_ordinal_words_in_a_question_are_not_figures():
    assert numbers_in("the first and second filings") == []
    assert numbers_in("the first and second filings", ordinal_words=True) == ["1", "2"]


def test_a_number_counting_the_answer_or_a_pronoun_one_is_not_a_constraint():
    assert read_constraints("What three rivers meet at the old fort?", "en").numbers == ()
    assert read_constraints("What is one reason the ferry stopped?", "en").numbers == ()
    assert read_constraints("How many of the 12 ferries still run?", "en").numbers == ("12",)


def test_years_before_1800_are_read_as_years():
    assert read_constraints("Who governed the port in 1648?", "en").years == ("1648",)


def test_a_name_must_be_written_as_a_name_in_the_passage():
    question = "What was built in the Harbour Quarter?"
    assert _as_answer(question, "A market was built in the old harbour quarter.") is not None
    assert _as_answer(question, "A market was built in the Harbour Quarter.") is None


def test_which_one_in_chinese_is_not_a_count():
    assert read_constraints("这位画家属于哪一种流派？", "zh").numbers == ()
    assert read_constraints("这座城市有三家画廊吗？", "zh").numbers == ("3",)


def test_two_chinese_names_run_together_are_checked_apart():
    c = read_constraints("程远山和柳青禾是什么关系？", "zh")
    assert "程远山和柳青禾" not in c.entities
    passage = "程远山早年拜师学画。后来他收柳青禾为徒，两人亦师亦友。"
    assert violation(c, SentenceContext("两人亦师亦友。", passage=passage, language="zh")) is None


def test_a_name_needs_only_one_of_its_words_written_as_a_name():
    question = "Who advised the Marren King?"
    assert _as_answer(question, "The king of the Marren valley was advised by his sister.") is None


def test_a_habitual_when_question_may_be_answered_without_a_date():
    assert read_constraints("When are new wardens chosen?", "en").wants is None
    assert read_constraints("When were new wardens chosen?", "en").wants == "date"


def test_a_growing_number_of_things_is_not_a_count_question():
    assert answer_type("A growing number of towns use what fuel?") is None
    assert answer_type("What was the total number of towns?") == "number"


def test_a_restrictive_word_answers_a_negated_question():
    question = "Which scholar argued the valley didn't hold many farms?"
    assert _as_answer(question, "Ines Varga argued it held only a few farms.") is None


@pytest.mark.parametrize(
    "sentence",
    ["The river may have flooded the market.", "The mayor decided to march on.", "A novel about junior staff."],
)
def test_words_that_start_like_months_are_not_dates(sentence):
    assert not gives("date", sentence)
    assert gives("date", "The fair opened on 3 May and closed in March 1990.")
