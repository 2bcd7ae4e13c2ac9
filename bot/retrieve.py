"""Hybrid retrieval: dense search under each embedder plus BM25, fused by weighted reciprocal rank,
with weights chosen by the question's language (MiniLM cannot read Chinese; BM25 with jieba is
strongest on Chinese). Also exposed as a LangChain retriever so it composes into chains.
"""

from __future__ import annotations

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


@dataclass(frozen=True)
class FusionWeights:
    """Weight of each signal in reciprocal-rank fusion, per question language."""

    en: dict[str, float] = field(default_factory=lambda: {"minilm": 1.0, "use": 0.5, KEYWORD: 1.0})
    zh: dict[str, float] = field(default_factory=lambda: {"minilm": 0.0, "use": 0.6, KEYWORD: 1.0})
    rank_constant: int = 30

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
        rankings: dict[str, list[tuple[str, float]]] = {}
        for name, embedder in self.store.embedders.items():
            if weights.get(name, 0.0) > 0:
                rankings[name] = self.store.dense_search(name, embedder.embed_query(question), self.depth)
        if weights.get(KEYWORD, 0.0) > 0:
            rankings[KEYWORD] = self.store.keywords.search(question, self.depth)
        fused: dict[str, float] = defaultdict(float)
        signals: dict[str, dict[str, float]] = defaultdict(dict)
        for name, ranking in rankings.items():
            for rank, (chunk_id, score) in enumerate(ranking):
                fused[chunk_id] += weights[name] / (self.weights.rank_constant + rank + 1)
                signals[chunk_id][name] = score
        best = sorted(fused, key=fused.__getitem__, reverse=True)[:k]
        return [Passage(self.store.chunk(chunk_id), fused[chunk_id], signals[chunk_id]) for chunk_id in best]


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
