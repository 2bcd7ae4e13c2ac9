"""Retrieval details: the title bonus, sentence-level MiniLM vectors, and which chunks each model reads."""

from pathlib import Path

import pytest
from expectations import COUNT_QUESTION, COUNT_QUESTION_ZH

from bot.retrieve import TITLE, _names_title, _title_key

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("question", "title", "named"),
    [
        ("潘淑的丈夫是谁？", "潘淑", True),
        ("凌云拍过哪些电影？", "凌云 (演员)", True),  # the bracketed qualifier is not needed
        ("What happened to the Sky_(United_Kingdom) channels?", "Sky_(United_Kingdom)", False),  # too short: "sky"
        ("What do the Interim Measures say about minors?", "Interim Measures", True),
        ("云是什么？", "云", False),  # one character matches too much
    ],
)
def test_a_question_names_a_title_only_when_it_contains_all_of_it(question, title, named):
    assert _names_title(_title_key(question), title) is named


@pytest.mark.slow
def test_a_chunk_scores_as_its_best_sentence_under_minilm(corpus_bot):
    store = corpus_bot.search.store
    ranking = store.dense_search("minilm", store.embedders["minilm"].embed_query(COUNT_QUESTION), 5)
    assert len(ranking) == len({chunk_id for chunk_id, _ in ranking}) == 5  # chunks, each once
    assert store.chunk(ranking[0][0]).source.endswith("interim-measures.md")


@pytest.mark.slow
def test_minilm_reads_only_english_chunks_and_use_reads_all(corpus_bot):
    store = corpus_bot.search.store
    chinese = COUNT_QUESTION_ZH
    by_minilm = store.dense_search("minilm", store.embedders["minilm"].embed_query(chinese), 30)
    by_use = store.dense_search("use", store.embedders["use"].embed_query(chinese), 30)
    assert {store.chunk(c).lang for c, _ in by_minilm} == {"en"}
    assert "zh" in {store.chunk(c).lang for c, _ in by_use}


@pytest.mark.slow
def test_the_title_bonus_is_recorded_with_the_passage_signals(corpus_bot):
    question = "What are the Provider Obligations Under the Interim Measures?"
    passages = corpus_bot.search.search(question, 6, "en")
    titled = [p for p in passages if TITLE in p.signals]
    assert titled and all(p.chunk.title == "Provider Obligations Under the Interim Measures" for p in titled)
