"""The core over the real corpus: answers with exact citations, abstains when the corpus is silent."""

from pathlib import Path

import pytest

from bot.core import Bot
from bot.errors import InvalidQuestion

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parent.parent


def _assert_quotes_are_exact(answer):
    for citation in answer.citations:
        text = (REPO / citation.source).read_text(encoding="utf-8")
        assert text[citation.start : citation.end] == citation.quote


def test_january_batch_question_answers_14_with_a_citation(corpus_bot):
    answer = corpus_bot.ask("How many LLMs and AI applications were approved in the January 2024 batch?")
    assert not answer.abstained and answer.language == "en"
    assert "14" in answer.answer and "[1]" in answer.answer
    assert any("14" in c.quote for c in answer.citations)
    _assert_quotes_are_exact(answer)


def test_the_same_question_in_chinese_answers_14_from_chinese_sources(corpus_bot):
    answer = corpus_bot.ask("2024年1月这一批共批准了多少个大模型和应用？")
    assert not answer.abstained and answer.language == "zh"
    assert "14" in answer.answer
    assert any("14" in c.quote for c in answer.citations)
    _assert_quotes_are_exact(answer)


def test_who_was_in_the_first_batch_is_answered_in_both_languages(corpus_bot):
    english = corpus_bot.ask("Which companies were in the first batch?")
    chinese = corpus_bot.ask("首批获批的有哪些公司？")
    assert not english.abstained and all(name in english.answer for name in ("Baidu", "SenseTime", "MiniMax"))
    assert not chinese.abstained and all(name in chinese.answer for name in ("百度", "商汤科技", "MiniMax"))
    _assert_quotes_are_exact(english)
    _assert_quotes_are_exact(chinese)


def test_a_question_the_corpus_does_not_cover_is_abstained_on_in_its_language(corpus_bot):
    english = corpus_bot.ask("What fine did the CAC impose on an unfiled chatbot in 2024?")
    chinese = corpus_bot.ask("华为盘古大模型的参数量是多少？")
    assert english.abstained and "don't cover" in english.answer
    assert chinese.abstained and "没有涉及" in chinese.answer
    assert english.citations, "an abstention still shows the nearest sources"
    _assert_quotes_are_exact(english)


def test_when_the_documents_say_a_fact_is_unconfirmed_the_bot_says_so_and_quotes_them(corpus_bot):
    english = corpus_bot.ask("On what date was Kimi filed with the CAC?")
    chinese = corpus_bot.ask("Kimi的备案日期是哪一天？")
    assert english.abstained and "not been confirmed" in english.answer
    assert any("could not be confirmed" in c.quote for c in english.citations)
    assert chinese.abstained and "尚未得到确认" in chinese.answer
    _assert_quotes_are_exact(english)
    # The same sentence still answers what it does say.
    maker = corpus_bot.ask("Which company makes the Kimi chatbot?")
    assert not maker.abstained and "Moonshot AI" in maker.answer


def test_answer_json_has_the_documented_shape(corpus_bot):
    data = corpus_bot.ask("When did the Interim Measures take effect?").to_dict()
    assert set(data) == {"answer", "abstained", "language", "citations", "confidence"}
    assert set(data["citations"][0]) == {"n", "title", "source", "url", "quote", "start", "end"}
    assert "15 August 2023" in data["answer"]


def test_stream_yields_text_pieces_then_the_answer(corpus_bot):
    pieces = list(corpus_bot.stream("When did the Interim Measures take effect?"))
    *text, final = pieces
    assert len(text) > 3 and "".join(text) == final.answer


def test_a_short_follow_up_uses_the_previous_question(corpus_bot):
    history = [{"role": "user", "content": "Which Shanghai-based companies were in the first approved batch?"}]
    answer = corpus_bot.ask("and Beijing?", history)
    beijing_members = ("Baidu", "ByteDance", "Zhipu", "Institute of Automation", "Baichuan")
    assert not answer.abstained and "Beijing" in answer.answer
    assert any(member in answer.answer for member in beijing_members)


@pytest.mark.parametrize("question", ["", "   ", "x" * 2001])
def test_empty_or_overlong_questions_are_refused(corpus_bot, question):
    with pytest.raises(InvalidQuestion):
        corpus_bot.ask(question)


def test_abstentions_carry_their_reason(corpus_bot):
    documents = Bot(corpus_bot.search, corpus_bot.answerer)  # the documents' answer, register aside
    assert documents.ask("When did the Interim Measures take effect?").reason is None
    assert documents.ask("What is the boiling point of mercury on Mars?").to_dict()["reason"] == "not_covered"


def test_which_us_states_is_refused_from_the_documents_saying_what_they_hold(corpus_bot):
    answer = Bot(corpus_bot.search, corpus_bot.answerer).ask("Which US states have approved Chinese LLMs?")
    assert answer.abstained and answer.reason == "constraint"
    assert answer.answer.startswith("The documents don't mention US states")
    assert answer.citations and "United States" in answer.citations[0].quote
    _assert_quotes_are_exact(answer)


def test_a_year_the_documents_do_not_give_is_refused_with_the_year_they_do(corpus_bot):
    answer = Bot(corpus_bot.search, corpus_bot.answerer).ask("How many users did Ernie Bot have in December 2021?")
    assert answer.abstained and answer.reason == "constraint"
    assert "not 2021" in answer.answer and answer.citations


@pytest.mark.xfail(strict=True, reason="the register parser reads it as 'list every filed service' (issue 11)")
def test_which_us_states_is_refused_by_the_whole_bot(corpus_bot):
    answer = corpus_bot.ask("Which US states have approved Chinese LLMs?")
    assert answer.abstained and answer.reason == "constraint"
