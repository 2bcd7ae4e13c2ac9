"""The index: chunks in Chroma (one collection per embedding model) and the BM25 keyword index,
kept in step. Chroma is the single source of truth, so any number of stateless replicas can share
one Chroma server; each replica rebuilds its BM25 postings from the tokens stored at ingest.

No chunking or ranking here: see `bot.chunking` and `bot.retrieve`.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from threading import Lock

from chromadb.api import ClientAPI
from chromadb.api.models.Collection import Collection
from langchain_core.embeddings import Embeddings

from bot.chunking import Chunk
from bot.embeddings import encode_documents
from bot.keyword import KeywordIndex
from bot.text import keyword_tokens

_BATCH = 256
_GENERATION_ID = "generation"


@dataclass(frozen=True)
class IndexStats:
    documents: int
    chunks: int
    as_of: str | None
    languages: dict[str, int]


class ChunkStore:
    """Chunks with their vectors under each embedder, and BM25 over the same chunks."""

    def __init__(
        self,
        client: ClientAPI,
        embedders: dict[str, Embeddings],
        prefix: str = "approvals",
        refresh_every_s: float = 2.0,
    ) -> None:
        if not embedders:
            raise ValueError("ChunkStore needs at least one embedder")
        self.embedders = embedders
        self._collections: dict[str, Collection] = {
            name: client.get_or_create_collection(
                f"{prefix}-{name}", embedding_function=None, configuration={"hnsw": {"space": "cosine"}}
            )
            for name in embedders
        }
        self._meta = client.get_or_create_collection(f"{prefix}-meta", embedding_function=None)
        self._primary = next(iter(self._collections.values()))
        # Chroma writes a large batch much faster than the same rows in small ones.
        self._write_batch = client.get_max_batch_size()
        self._lock = Lock()
        self._refresh_every_s = refresh_every_s
        self._checked_at = 0.0
        self._generation: str | None = None
        self._chunks: dict[str, Chunk] = {}
        self._keywords = KeywordIndex([], [])

    # -- writing ---------------------------------------------------------------------------

    def indexed_documents(self) -> dict[str, str]:
        """source → content hash of every document in the index."""
        metadatas = self._primary.get(include=["metadatas"])["metadatas"] or []
        return {str(m["source"]): str(m["doc_hash"]) for m in metadatas}

    def replace_documents(self, chunks_by_source: dict[str, Sequence[Chunk]]) -> None:
        """Put each source's chunks in place of whatever the index held for it; see `_add` for the embedding."""
        sources = list(chunks_by_source)
        for collection in self._collections.values():
            for start in range(0, len(sources), _BATCH):
                collection.delete(where={"source": {"$in": sources[start : start + _BATCH]}})
        self._add([chunk for source in sources for chunk in chunks_by_source[source]])
        self._bump_generation()

    def remove_document(self, source: str) -> None:
        for collection in self._collections.values():
            collection.delete(where={"source": source})
        self._bump_generation()

    def _add(self, chunks: Sequence[Chunk]) -> None:
        if not chunks:
            return
        contexts = [chunk.context for chunk in chunks]
        # One call per embedder for all the chunks: an encoder batches a call's texts by length, so the
        # bigger the call the less it pads; and arrays go to Chroma as they are, not as lists of floats.
        vectors = {name: encode_documents(embedder, contexts) for name, embedder in self.embedders.items()}
        ids = [chunk.id for chunk in chunks]
        texts = [chunk.text for chunk in chunks]
        metadatas = [chunk.to_metadata() for chunk in chunks]
        for meta, context in zip(metadatas, contexts, strict=True):
            meta["tokens"] = " ".join(keyword_tokens(context))
        # Only the primary collection keeps text, metadata and BM25 tokens (`refresh` reads them from it);
        # the others hold vectors and the source (for deletes), which halves what Chroma writes and indexes.
        sources = [{"source": chunk.source} for chunk in chunks]
        for name, collection in self._collections.items():
            primary = collection is self._primary
            for start in range(0, len(chunks), self._write_batch):
                end = start + self._write_batch
                collection.upsert(
                    ids=ids[start:end],
                    embeddings=vectors[name][start:end],
                    documents=texts[start:end] if primary else None,
                    metadatas=(metadatas if primary else sources)[start:end],  # type: ignore[arg-type]
                )

    def _bump_generation(self) -> None:
        self._meta.upsert(ids=[_GENERATION_ID], embeddings=[[0.0]], documents=[uuid.uuid4().hex])

    # -- reading ---------------------------------------------------------------------------

    def _current_generation(self) -> str | None:
        documents = self._meta.get(ids=[_GENERATION_ID], include=["documents"])["documents"]
        return documents[0] if documents else None

    def refresh(self, force: bool = False) -> None:
        """Reload chunks and BM25 when another process changed the index (checked every few seconds)."""
        now = time.monotonic()
        if not force and now - self._checked_at < self._refresh_every_s:
            return
        with self._lock:
            self._checked_at = now
            generation = self._current_generation()
            if generation == self._generation and not force:
                return
            got = self._primary.get(include=["documents", "metadatas"])
            chunks, tokens = {}, []
            for chunk_id, text, meta in zip(got["ids"], got["documents"] or [], got["metadatas"] or [], strict=True):
                chunks[chunk_id] = Chunk.from_metadata(chunk_id, text, dict(meta))
                tokens.append(str(meta.get("tokens", "")).split())
            self._chunks = chunks
            self._keywords = KeywordIndex(list(chunks), tokens)
            self._generation = generation

    @property
    def keywords(self) -> KeywordIndex:
        self.refresh()
        return self._keywords

    def chunk(self, chunk_id: str) -> Chunk:
        self.refresh()
        return self._chunks[chunk_id]

    def iter_chunks(self) -> Iterator[Chunk]:
        self.refresh()
        return iter(list(self._chunks.values()))

    def dense_search(self, name: str, vector: list[float], k: int) -> list[tuple[str, float]]:
        """The `k` nearest chunks under embedder `name`, as (id, cosine similarity)."""
        collection = self._collections[name]
        result = collection.query(query_embeddings=[vector], n_results=k, include=["distances"])
        ids, distances = result["ids"][0], (result["distances"] or [[]])[0]
        return [(chunk_id, 1.0 - float(distance)) for chunk_id, distance in zip(ids, distances, strict=True)]

    def stats(self) -> IndexStats:
        self.refresh()
        chunks = list(self._chunks.values())
        languages: dict[str, int] = {}
        by_source = {chunk.source: chunk for chunk in chunks}
        for chunk in by_source.values():
            languages[chunk.lang] = languages.get(chunk.lang, 0) + 1
        dates = [chunk.as_of for chunk in by_source.values() if chunk.as_of]
        return IndexStats(len(by_source), len(chunks), max(dates) if dates else None, languages)
