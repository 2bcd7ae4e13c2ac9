"""Hybrid retrieval: dense search under each embedder plus BM25, fused as a weighted sum of their
scores, with weights chosen by the question's language (MiniLM cannot read Chinese; BM25 with
jieba is strongest on Chinese), plus a bonus when the question names a document's title.
The weights were chosen by measurement with `python -m bot eval` (README, "Retrieval").
Also exposed as a LangChain retriever so it composes into chains.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document as LCDocument
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from bot.schema import Passage
from bot.store import ChunkStore
from bot.text import Language, detect_language

KEYWORD = "bm25"
TITLE = "title"
_CJK = re.compile(r"[\u3400-\u9fff]")
_QUALIFIER = re.compile(r"\s*[(（][^)）]*[)）]\s*")


@dataclass(frozen=True)
class FusionWeights:
    """Weight of each signal's score, per question language. Dense scores are cosine similarities;
    BM25 scores are divided by the best BM25 score for the question; `title` is 1 when the
    question contains the chunk's document title."""

    en: dict[str, float] = field(default_factory=lambda: {"minilm": 2.0, "use": 0.5, KEYWORD: 0.5, TITLE: 0.2})
    zh: dict[str, float] = field(default_factory=lambda: {"minilm": 0.0, "use": 1.0, KEYWORD: 1.0, TITLE: 0.2})

    def for_language(self, language: Language) -> dict[str, float]:
        return self.zh if language == "zh" else self.en


class HybridSearch:
    """Finds the passages for a question; knows nothing about answering."""

    def __init__(self, store: ChunkStore, weights: FusionWeights | None = None, depth: int = 30) -> None:
        self.store = store
        self.weights = weights or FusionWeights()
        self.depth = depth

    def search(self, question: str, k: int, language: Language | None = None) -> list[Passage]:
        language = language or detect_language(question)
        weights = self.weights.for_language(language)
        return self.fuse(question, self.rankings(question, weights), weights, k)

    def rankings(self, question: str, weights: dict[str, float] | None = None) -> dict[str, list[tuple[str, float]]]:
        """Each signal's (chunk id, score) list for the question, `depth` long; only the signals
        with a weight, or all of them when `weights` is None. BM25 scores are divided by the best."""
        rankings: dict[str, list[tuple[str, float]]] = {}
        for name, embedder in self.store.embedders.items():
            if weights is None or weights.get(name, 0.0) > 0:
                rankings[name] = self.store.dense_search(name, embedder.embed_query(question), self.depth)
        if weights is None or weights.get(KEYWORD, 0.0) > 0:
            ranking = self.store.keywords.search(question, self.depth)
            top = ranking[0][1] if ranking else 1.0
            rankings[KEYWORD] = [(chunk_id, score / top) for chunk_id, score in ranking]
        return rankings

    def fuse(
        self, question: str, rankings: dict[str, list[tuple[str, float]]], weights: dict[str, float], k: int
    ) -> list[Passage]:
        """The `k` best chunks by the weighted sum of their signal scores, plus the title bonus."""
        rankings = {name: ranking for name, ranking in rankings.items() if weights.get(name, 0.0) > 0 and ranking}
        signals: dict[str, dict[str, float]] = defaultdict(dict)
        for name, ranking in rankings.items():
            for chunk_id, score in ranking:
                signals[chunk_id][name] = score
        fused: dict[str, float] = {}
        question_key = _title_key(question)
        for chunk_id, found in signals.items():
            # A chunk missing from a signal's list scores as that list's last entry: at most that.
            score = sum(weights[name] * found.get(name, ranking[-1][1]) for name, ranking in rankings.items())
            if weights.get(TITLE) and _names_title(question_key, self.store.chunk(chunk_id).title):
                score += weights[TITLE]
                found[TITLE] = 1.0
            fused[chunk_id] = score
        best = sorted(fused, key=fused.__getitem__, reverse=True)[:k]
        return [Passage(self.store.chunk(chunk_id), fused[chunk_id], signals[chunk_id]) for chunk_id in best]


def _title_key(text: str) -> str:
    return re.sub(r"[\s_]+", " ", unicodedata.normalize("NFKC", text)).lower()


def _names_title(question_key: str, title: str) -> bool:
    """Whether the question contains the title (without a bracketed qualifier such as "(actor)")."""
    core = _title_key(_QUALIFIER.sub(" ", title)).strip()
    if len(core) < (2 if _CJK.search(core) else 4):
        return False
    return core in question_key


class HybridRetriever(BaseRetriever):
    """`HybridSearch` as a LangChain retriever: each LangChain document carries the chunk's metadata."""

    model_config = ConfigDict(arbitrary_types_allowed=True)
    search: HybridSearch
    k: int = 6

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[LCDocument]:
        return [
            LCDocument(
                page_content=passage.chunk.text,
                id=passage.chunk.id,
                metadata={**passage.chunk.to_metadata(), "score": passage.score, "signals": passage.signals},
            )
            for passage in self.search.search(query, self.k)
        ]
