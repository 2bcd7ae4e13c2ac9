"""The LLM answerer with a scripted chat model standing in for the remote endpoint."""

from pathlib import Path

import pytest
from expectations import COUNT_QUESTION, DATE, DATE_QUESTION, UNCOVERED_QUESTION, states_the_count
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

from bot.answer import ExtractiveAnswerer
from bot.config import Settings
from bot.core import Bot
from bot.llm import LLMAnswerer
from bot.schema import Answer
from bot.wiring import build_answerer

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parent.parent


def scripted(*replies: str) -> GenericFakeChatModel:
    return GenericFakeChatModel(messages=iter([AIMessage(content=r) for r in replies]))


@pytest.fixture
def llm_bot(corpus_bot):
    def make(*replies: str) -> Bot:
        assert isinstance(corpus_bot.answerer, ExtractiveAnswerer)
        return Bot(corpus_bot.search, LLMAnswerer(scripted(*replies), gate=corpus_bot.answerer))

    return make


def test_llm_answer_keeps_its_words_and_gets_exact_citations(llm_bot):
    bot = llm_bot("The Interim Measures have 5 chapters [2][1].")
    answer = bot.ask(COUNT_QUESTION)
    assert answer.answer == "The Interim Measures have 5 chapters [1][2]."
    assert [c.n for c in answer.citations] == [1, 2]
    for citation in answer.citations:
        text = (REPO / citation.source).read_text(encoding="utf-8")
        assert text[citation.start : citation.end] == citation.quote
    assert any(states_the_count(c.quote) for c in answer.citations)


def test_llm_saying_not_covered_becomes_an_abstention(llm_bot):
    answer = llm_bot("NOT_COVERED").ask(DATE_QUESTION)
    assert answer.abstained and answer.citations


@pytest.mark.parametrize("reply", ["[1]", " [2][1] "])
def test_a_reply_with_no_words_becomes_an_abstention(llm_bot, reply):
    answer = llm_bot(reply).ask(DATE_QUESTION)
    assert answer.abstained and "don't cover" in answer.answer


def test_the_gate_abstains_without_asking_the_llm(llm_bot):
    model_would_say = "A made-up staff of 1 million people [1]."
    answer = llm_bot(model_would_say).ask(UNCOVERED_QUESTION)
    assert answer.abstained and "million" not in answer.answer


def test_llm_answers_stream_sentence_by_sentence_once_each_is_checked(llm_bot):
    reply = (
        f"GB/T 45654-2025 was published on {DATE} [1]. "
        f"GB/T 45654-2025 took effect on 1 November 2025, after its publication on {DATE} [1]."
    )
    pieces = list(llm_bot(reply).stream(DATE_QUESTION))
    assert isinstance(pieces[-1], Answer)
    text = [p for p in pieces if isinstance(p, str)]
    assert len(text) == 2 and DATE in text[0] and DATE in text[1]
    assert "".join(text) == pieces[-1].answer


def test_setting_an_llm_endpoint_selects_the_llm_answerer(corpus_store, tmp_path):
    settings = Settings(data_dir=tmp_path, llm_base_url="http://127.0.0.1:9/v1")  # type: ignore[arg-type]
    assert isinstance(build_answerer(settings, corpus_store), LLMAnswerer)
    assert isinstance(build_answerer(Settings(data_dir=tmp_path), corpus_store), ExtractiveAnswerer)  # type: ignore[arg-type]
