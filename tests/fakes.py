"""Fakes for tests that need no model: a deterministic embedder."""

from __future__ import annotations

import hashlib
import itertools

from langchain_core.embeddings import Embeddings


class HashedEmbeddings(Embeddings):
    """A deterministic fake: each character bigram adds to one of 64 dimensions (no model to load)."""

    def _vector(self, text: str) -> list[float]:
        vector = [0.0] * 64
        for a, b in itertools.pairwise(text):
            vector[hashlib.md5((a + b).encode()).digest()[0] % 64] += 1.0
        norm = sum(v * v for v in vector) ** 0.5 or 1.0
        return [v / norm for v in vector]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text)
