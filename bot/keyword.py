"""BM25 over jieba/stemmed tokens, with an inverted index so a query touches only the postings of
its own terms. Built from token lists made at ingest time; never re-tokenises the corpus per query."""

from __future__ import annotations

import math
from collections import Counter, defaultdict

import numpy as np

from bot.text import keyword_tokens


class KeywordIndex:
    """Okapi BM25 (k1=1.2, b=0.75) over a fixed list of documents identified by id."""

    def __init__(self, ids: list[str], tokens: list[list[str]], k1: float = 1.2, b: float = 0.75) -> None:
        self.ids = list(ids)
        self.k1, self.b = k1, b
        lengths = np.array([len(t) for t in tokens], dtype=np.float32)
        self._length_norm = k1 * (1 - b + b * lengths / max(float(lengths.mean()) if len(lengths) else 1.0, 1.0))
        postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for position, doc_tokens in enumerate(tokens):
            for term, count in Counter(doc_tokens).items():
                postings[term].append((position, count))
        n = len(self.ids)
        self._postings = {
            term: (np.array([p for p, _ in plist], dtype=np.int32), np.array([c for _, c in plist], dtype=np.float32))
            for term, plist in postings.items()
        }
        self.idf = {term: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for term, p in postings.items()}
        self.max_idf = math.log(1 + (n + 0.5) / 0.5) if n else 1.0

    def __len__(self) -> int:
        return len(self.ids)

    def term_weight(self, term: str) -> float:
        """IDF of a term; a term the corpus never uses gets the largest weight there is."""
        return self.idf.get(term, self.max_idf)

    def scores(self, query_tokens: list[str]) -> np.ndarray:
        scores = np.zeros(len(self.ids), dtype=np.float32)
        for term, query_count in Counter(query_tokens).items():
            if term not in self._postings:
                continue
            positions, counts = self._postings[term]
            scores[positions] += (
                query_count * self.idf[term] * counts * (self.k1 + 1) / (counts + self._length_norm[positions])
            )
        return scores

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        """The `k` best (id, score) pairs with a positive score."""
        scores = self.scores(keyword_tokens(query))
        if not len(scores):
            return []
        top = np.argsort(-scores)[:k]
        return [(self.ids[i], float(scores[i])) for i in top if scores[i] > 0]
