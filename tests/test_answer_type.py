"""The kind of answer a question asks for (`bot.answer_type`): a share of a whole and a second name, besides
the date and number checked in tests/test_constraints_answers.py."""

import pytest

from bot.answer_type import answer_type, answer_type_required, gives
from bot.constraints import SentenceContext, describe, read_constraints, violation


def _as_answer(question: str, sentence: str, language: str = "en"):
    c = read_constraints(question, language)
    return violation(c, SentenceContext(sentence, passage=sentence, language=language), as_answer=True)


@pytest.mark.parametrize(
    "question",
    [
        "How much of the harvest did the frost destroy?",
        "What percentage of the orchards grow pears?",
        "What fraction of the lake freezes in winter?",
        "果园里种梨的占比多少？",
    ],
)
def test_a_question_about_part_of_a_whole_wants_a_share(question):
    assert answer_type_required(question) == "share"


def test_a_plain_how_much_question_still_wants_a_number():
    assert answer_type_required("How much did the new mill cost?") == "number"
    assert answer_type("How much of the harvest did the frost destroy?") == "number"  # ranking is unchanged


@pytest.mark.parametrize(
    "sentence",
    [
        "The frost destroyed 40% of the harvest.",
        "About half the harvest was lost to frost.",
        "Frost ruined two-thirds of the crop.",
        "One in five trees died in the frost.",
        "霜冻毁掉了三成的收成。",
        "霜冻毁掉了百分之四十的收成。",
    ],
)
def test_percentages_fractions_and_words_for_them_are_shares(sentence):
    assert gives("share", sentence)


def test_a_part_of_a_whole_is_not_answered_by_a_count():
    question = "How much of the harvest did the frost destroy?"
    broken = _as_answer(question, "The frost of 1740 destroyed 3,000 bushels of the harvest.")
    assert broken is not None and (broken.kind, broken.asked) == ("answer_type", "share")
    assert _as_answer(question, "The frost of 1740 destroyed a quarter of the harvest.") is None


@pytest.mark.parametrize(
    "question",
    [
        "What is another name for the Varrow bridge?",
        "What other term for a grain store do farmers use?",
        "What else is the Varrow bridge called?",
        "瓦罗桥的别名是什么？",
    ],
)
def test_a_question_for_a_second_name_is_read(question):
    assert answer_type_required(question) == "alias"


def test_another_name_is_answered_only_by_a_sentence_that_names():
    question = "What is another name for the Varrow bridge?"
    broken = _as_answer(question, "The Varrow bridge carries the main road over the river.")
    assert broken is not None and (broken.kind, broken.asked) == ("answer_type", "alias")
    assert describe(broken, "en") == "The documents don't give the other name asked for; the nearest they hold:"
    assert describe(broken, "zh").startswith("文档没有给出所问的别名")
    assert _as_answer(question, "The Varrow bridge is known locally as the Old Span.") is None
    assert _as_answer(question, "The Old Span (the Varrow bridge) carries the main road.") is None
