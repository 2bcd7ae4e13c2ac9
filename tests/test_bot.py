"""The core over the real corpus: answers with exact citations, abstains when the corpus is silent."""

from pathlib import Path

import pytest
from expectations import (
    COUNT_QUESTION,
    COUNT_QUESTION_ZH,
    DATE,
    DATE_QUESTION,
    FIRST_QUESTION,
    FIRST_QUESTION_ZH,
    FOLLOW_UP,
    UNCOVERED_QUESTION,
    UNCOVERED_QUESTION_ZH,
    speaks_of_labelling,
    speaks_of_training_data,
    states_the_count,
)

from bot.core import Bot
from bot.errors import InvalidQuestion

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parent.parent


def _assert_quotes_are_exact(answer):
    for citation in answer.citations:
        text = (REPO / citation.source).read_text(encoding="utf-8")
        assert text[citation.start : citation.end] == citation.quote


def test_a_count_question_is_answered_with_a_citation(corpus_bot):
    answer = corpus_bot.ask(COUNT_QUESTION)
    assert not answer.abstained and answer.language == "en"
    assert states_the_count(answer.answer) and "[1]" in answer.answer
    assert any(states_the_count(c.quote) for c in answer.citations)
    _assert_quotes_are_exact(answer)


def test_the_same_question_in_chinese_is_answered_from_chinese_sources(corpus_bot):
    answer = corpus_bot.ask(COUNT_QUESTION_ZH)
    assert not answer.abstained and answer.language == "zh"
    assert states_the_count(answer.answer)
    assert any(states_the_count(c.quote) and c.source.startswith("corpus/zh-") for c in answer.citations)
    _assert_quotes_are_exact(answer)


def test_a_rule_is_explained_in_both_languages(corpus_bot):
    english = corpus_bot.ask(FIRST_QUESTION)
    chinese = corpus_bot.ask(FIRST_QUESTION_ZH)
    assert not english.abstained and english.language == "en" and speaks_of_training_data(english.answer)
    assert not chinese.abstained and chinese.language == "zh" and speaks_of_training_data(chinese.answer)
    _assert_quotes_are_exact(english)
    _assert_quotes_are_exact(chinese)


def test_a_question_the_corpus_does_not_cover_is_abstained_on_in_its_language(corpus_bot):
    english = corpus_bot.ask(UNCOVERED_QUESTION)
    chinese = corpus_bot.ask(UNCOVERED_QUESTION_ZH)
    assert english.abstained and "don't cover" in english.answer
    assert chinese.abstained and "没有涉及" in chinese.answer
    assert english.citations, "an abstention still shows the nearest sources"
    _assert_quotes_are_exact(english)


# Made-up documents, so that no register row and no other document knows the date they leave open.
UNCONFIRMED = {
    "harbour.md": "# Harbour chatbot\n\nThe Harbour chatbot comes from Bluewave Labs, whose filing date could not be "
    "confirmed in the sources used for this document.\n\nThe Harbour chatbot answers questions about ferry "
    "timetables.\n",
    "zh-harbour.md": "# 港湾聊天机器人\n\n港湾聊天机器人由蓝浪实验室推出，但其备案日期尚未确认。\n\n"
    "港湾聊天机器人回答渡轮时刻表的问题。\n",
}


@pytest.fixture(scope="module")
def made_up_bot(tmp_path_factory):
    from bot.config import Settings
    from bot.core import Bot
    from bot.ingest import ingest
    from bot.retrieve import HybridSearch
    from bot.wiring import build_answerer, build_store

    corpus = tmp_path_factory.mktemp("unconfirmed-corpus")
    for name, text in UNCONFIRMED.items():
        (corpus / name).write_text(text, encoding="utf-8")
    settings = Settings(data_dir=tmp_path_factory.mktemp("unconfirmed-data"), corpus_dir=corpus)  # type: ignore[arg-type]
    store = build_store(settings)
    assert ingest([corpus], store, settings.chunk_chars, progress=False).ok
    return Bot(HybridSearch(store), build_answerer(settings, store))


def test_when_the_documents_say_a_fact_is_unconfirmed_the_bot_says_so_and_quotes_them(made_up_bot):
    english = made_up_bot.ask("When was the Harbour chatbot filed?")
    chinese = made_up_bot.ask("港湾聊天机器人是哪天备案的？")
    assert english.abstained and "not been confirmed" in english.answer
    assert any("could not be confirmed" in c.quote for c in english.citations)
    assert chinese.abstained and "尚未得到确认" in chinese.answer
    # The same sentence still answers what it does say.
    maker = made_up_bot.ask("Who makes the Harbour chatbot?")
    assert not maker.abstained and "Bluewave Labs" in maker.answer


def test_answer_json_has_the_documented_shape(corpus_bot):
    data = corpus_bot.ask(DATE_QUESTION).to_dict()
    assert set(data) == {"answer", "abstained", "language", "citations", "confidence"}
    assert set(data["citations"][0]) == {"n", "title", "source", "url", "quote", "start", "end"}
    assert DATE in data["answer"]


def test_stream_yields_text_pieces_then_the_answer(corpus_bot):
    pieces = list(corpus_bot.stream(DATE_QUESTION))
    *text, final = pieces
    assert len(text) > 3 and "".join(text) == final.answer


def test_a_short_follow_up_uses_the_previous_question(corpus_bot):
    answer = corpus_bot.ask(FOLLOW_UP, [{"role": "user", "content": FIRST_QUESTION}])
    assert not answer.abstained and speaks_of_labelling(answer.answer)


@pytest.mark.parametrize("question", ["", "   ", "x" * 2001])
def test_empty_or_overlong_questions_are_refused(corpus_bot, question):
    with pytest.raises(InvalidQuestion):
        corpus_bot.ask(question)


def test_abstentions_carry_their_reason(corpus_bot):
    documents = Bot(corpus_bot.search, corpus_bot.answerer)  # the documents' answer, register aside
    assert documents.ask(DATE_QUESTION).reason is None
    assert documents.ask("What is the boiling point of mercury on Mars?").to_dict()["reason"] == "not_covered"


def test_which_us_states_is_refused_from_the_documents_saying_what_they_hold(corpus_bot):
    answer = Bot(corpus_bot.search, corpus_bot.answerer).ask("Which US states have approved Chinese LLMs?")
    assert answer.abstained and answer.reason == "constraint"
    assert answer.answer.startswith("The documents don't mention US states")
    assert answer.citations and "United States" in answer.citations[0].quote
    _assert_quotes_are_exact(answer)


def test_a_year_the_documents_do_not_give_is_refused_with_the_year_they_do(corpus_bot):
    question = "How many Chinese LLMs did the science ministry's institutes count in May 2021?"
    answer = Bot(corpus_bot.search, corpus_bot.answerer).ask(question)
    assert answer.abstained and answer.reason == "constraint"
    assert "not 2021" in answer.answer and answer.citations


def test_which_us_states_is_refused_by_the_whole_bot(corpus_bot):
    answer = corpus_bot.ask("Which US states have approved Chinese LLMs?")
    assert answer.abstained and answer.reason == "constraint"
