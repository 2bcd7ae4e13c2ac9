"""The index: chunks in Chroma and the BM25 keyword index, kept in step. Chroma holds one record
collection (chunk text, metadata and BM25 tokens) and one vector collection per embedding model;
a model can embed whole chunks or each sentence of a chunk (a question usually paraphrases one
sentence, and a sentence vector is not diluted by its neighbours). Chroma is the single source of
truth, so any number of stateless replicas can share one Chroma server; each replica rebuilds its
BM25 postings from the tokens stored at ingest (read in pages, `bot.chroma.read_all`) when the index's
generation changes (`bot.generation`).

A document counts as indexed only once all its chunks and vectors in every collection are written: a
marker with its content hash is written last (and removed first when it is replaced), so an ingest cut
short anywhere is redone by the next one, and readers see only documents whose marker is there.

No chunking or ranking here: see `bot.chunking` and `bot.retrieve`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from chromadb.api import ClientAPI
from chromadb.api.models.Collection import Collection
from langchain_core.embeddings import Embeddings

from bot.chroma import completed_sources, read_all, reports_unavailable
from bot.chunking import Chunk
from bot.embeddings import encode_documents
from bot.generation import GenerationWatch
from bot.keyword import KeywordIndex
from bot.text import keyword_tokens, sentence_spans

_BATCH = 256
_GENERATION_ID = "generation"
_DOCUMENT = "document"  # the `kind` of a document's completion marker in the meta collection


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
        sentence_level: frozenset[str] = frozenset({"minilm"}),
        reads: dict[str, frozenset[str]] | None = None,
    ) -> None:
        if not embedders:
            raise ValueError("ChunkStore needs at least one embedder")
        self.embedders = embedders
        self.sentence_level = frozenset(name for name in sentence_level if name in embedders)
        # The languages an embedder can read: MiniLM gets only English chunks, since its vectors of
        # Chinese text match nothing (Chinese questions don't use it) and cost twice an English chunk.
        self.reads = {"minilm": frozenset({"en"})} if reads is None else reads
        self._client = client
        self._prefix = prefix
        self.open_collections()
        self._watch = GenerationWatch(_GENERATION_ID, refresh_every_s)
        self._chunks: dict[str, Chunk] = {}
        self._keywords = KeywordIndex([], [])
        self._searchable: frozenset[str] = frozenset()  # the embedders that read a language of a loaded chunk

    @reports_unavailable
    def open_collections(self) -> None:
        """Open (or create) the store's collections by name."""
        client, prefix = self._client, self._prefix
        self._collections: dict[str, Collection] = {
            name: client.get_or_create_collection(
                f"{prefix}-{name}{'-sentences' if name in self.sentence_level else ''}",
                embedding_function=None,
                configuration={"hnsw": {"space": "cosine"}},
            )
            for name in self.embedders
        }
        # Chunk records carry a one-number placeholder vector: Chroma wants one, and ours live elsewhere.
        self._records = client.get_or_create_collection(f"{prefix}-chunks", embedding_function=None)
        self._meta = client.get_or_create_collection(f"{prefix}-meta", embedding_function=None)
        # Chroma writes a large batch much faster than the same rows in small ones.
        self._write_batch = client.get_max_batch_size()

    # -- writing ---------------------------------------------------------------------------

    @reports_unavailable
    def indexed_documents(self) -> dict[str, str]:
        """source → content hash of every document whose chunks and vectors were all written."""
        return completed_sources(self._meta, _DOCUMENT)

    @reports_unavailable
    def stored_sources(self) -> set[str]:
        """Every source the index holds anything of: indexed documents and the remains of a write cut short."""
        metadatas = read_all(self._records, include=("metadatas",)).metadatas
        return set(self.indexed_documents()) | {str(m["source"]) for m in metadatas}

    @reports_unavailable
    def replace_documents(self, chunks_by_source: Mapping[str, Sequence[Chunk]]) -> None:
        """Put each source's chunks in place of whatever the index held for it; see `_add` for the embedding.
        Each document counts as indexed only once everything is written (its marker goes last)."""
        sources = list(chunks_by_source)
        self._meta.delete(ids=[_marker_id(source) for source in sources])
        for collection in self._all_collections():
            for start in range(0, len(sources), _BATCH):
                collection.delete(where={"source": {"$in": sources[start : start + _BATCH]}})  # type: ignore[dict-item]
        self._add([chunk for source in sources for chunk in chunks_by_source[source]])
        hashes = {source: chunks[0].doc_hash for source, chunks in chunks_by_source.items() if chunks}
        # A document without chunks (an empty file) has nothing to read back, and is not marked: it is
        # chunked again by each ingest, at no cost.
        for start in range(0, len(hashes), self._write_batch):
            batch = list(hashes.items())[start : start + self._write_batch]
            self._meta.upsert(
                ids=[_marker_id(source) for source, _ in batch],
                embeddings=[[0.0]] * len(batch),  # type: ignore[arg-type]
                metadatas=[{"kind": _DOCUMENT, "source": source} for source, _ in batch],
                documents=[doc_hash for _, doc_hash in batch],
            )
        self._watch.bump(self._meta)

    @reports_unavailable
    def remove_document(self, source: str) -> None:
        self._meta.delete(ids=[_marker_id(source)])
        for collection in self._all_collections():
            collection.delete(where={"source": source})
        self._watch.bump(self._meta)

    def _all_collections(self) -> list[Collection]:
        return [self._records, *self._collections.values()]

    def _add(self, chunks: Sequence[Chunk]) -> None:
        if not chunks:
            return
        # Encoding is most of the work. Tokenising for BM25 and writing to Chroma happen on one writer
        # thread meanwhile, so they use the core an encoder leaves idle instead of adding to the time.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="chroma-writer") as writer:
            written = [writer.submit(self._write_records, chunks)]
            for name, (unit_ids, unit_texts, unit_meta) in self.embedding_units(chunks).items():
                # One call per embedder for the whole batch: an encoder groups a call's texts by length,
                # so the bigger the call the less it pads; the array goes to Chroma as it is.
                vectors = encode_documents(self.embedders[name], unit_texts)
                written.append(writer.submit(self._upsert, self._collections[name], unit_ids, vectors, unit_meta))
            for write in written:
                write.result()

    def _write_records(self, chunks: Sequence[Chunk]) -> None:
        """The chunks' text and metadata, with their BM25 tokens."""
        metadatas = [chunk.to_metadata() for chunk in chunks]
        for meta, chunk in zip(metadatas, chunks, strict=True):
            meta["tokens"] = " ".join(keyword_tokens(chunk.context))
        ids = [chunk.id for chunk in chunks]
        self._upsert(self._records, ids, [[0.0]] * len(ids), metadatas, [chunk.text for chunk in chunks])

    def _upsert(
        self,
        collection: Collection,
        ids: list[str],
        vectors: Any,
        metadatas: Sequence[dict[str, Any]],
        documents: list[str] | None = None,
    ) -> None:
        for start in range(0, len(ids), self._write_batch):
            end = start + self._write_batch
            collection.upsert(
                ids=ids[start:end],
                embeddings=vectors[start:end],
                metadatas=list(metadatas[start:end]),  # type: ignore[arg-type]
                documents=documents[start:end] if documents is not None else None,
            )

    def embedding_units(self, chunks: Sequence[Chunk]) -> dict[str, tuple[list[str], list[str], list[dict[str, str]]]]:
        """What each embedder encodes for these chunks, as (ids, texts, metadata): the sentences or the
        chunk (with title and heading), of the chunks in the languages it reads."""
        units = {}
        for name in self._collections:
            readable = [c for c in chunks if self.reads_language(name, c.lang)]
            if not readable:
                continue
            if name in self.sentence_level:
                units[name] = sentence_units(readable)
            else:
                metadatas = [{"source": c.source, "chunk_id": c.id} for c in readable]
                units[name] = ([c.id for c in readable], [c.context for c in readable], metadatas)
        return units

    def reads_language(self, name: str, language: str) -> bool:
        """Whether embedder `name` gets the chunks of this language (see `reads`)."""
        return name not in self.reads or language in self.reads[name]

    # -- reading ---------------------------------------------------------------------------

    @reports_unavailable
    def refresh(self, force: bool = False, check_now: bool = False) -> None:
        """Reload chunks and BM25 when another process changed the index (checked every few seconds, or now
        with `check_now`); `force` reloads in any case. Only the chunks of documents written in full are kept."""
        self._watch.reload_if_changed(self._meta, self._reload, force=force, check_now=check_now)

    def _reload(self) -> None:
        complete = self.indexed_documents()  # first: see `bot.chroma.read_all` on concurrent writers
        got = read_all(self._records, include=("documents", "metadatas"))
        chunks, tokens = {}, []
        for chunk_id, text, meta in zip(got.ids, got.documents, got.metadatas, strict=True):
            if complete.get(str(meta["source"])) != meta["doc_hash"]:
                continue
            chunks[chunk_id] = Chunk.from_metadata(chunk_id, text, dict(meta))
            tokens.append(str(meta.get("tokens", "")).split())
        languages = {chunk.lang for chunk in chunks.values()}
        self._chunks = chunks
        self._keywords = KeywordIndex(list(chunks), tokens)
        self._searchable = frozenset(
            name for name in self._collections if any(self.reads_language(name, lang) for lang in languages)
        )

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

    @reports_unavailable
    def dense_search(self, name: str, vector: list[float], k: int) -> list[tuple[str, float]]:
        """The `k` nearest chunks under embedder `name`, as (chunk id, cosine similarity); for a
        sentence-level embedder, a chunk scores as its best sentence. Only chunks this replica has read
        are returned (a chunk another process is writing now counts once its document is complete)."""
        self.refresh()
        # Decided from what was loaded, not by asking Chroma for the collection's size before every query
        # (at 100k chunks that took as long as the query). Chroma 1.x answers a query for more records than
        # a collection holds, or over an empty one, with what it has, so this only saves a query.
        if name not in self._searchable:  # e.g. MiniLM over a corpus with no English document
            return []
        units = k * 3 if name in self.sentence_level else k
        result = self._collections[name].query(
            query_embeddings=[vector],  # type: ignore[arg-type]
            n_results=units,
            include=["distances", "metadatas"],
        )
        distances, metadatas = (result["distances"] or [[]])[0], (result["metadatas"] or [[]])[0]
        best: dict[str, float] = {}
        for distance, meta in zip(distances, metadatas, strict=True):
            chunk_id = str(meta["chunk_id"])
            if chunk_id not in best and chunk_id in self._chunks:
                best[chunk_id] = 1.0 - float(distance)
        return list(best.items())[:k]

    def stats(self, check_now: bool = False) -> IndexStats:
        """What the index holds; `check_now` asks the store first (a health probe), so an unreachable one
        raises `StoreUnavailable`."""
        self.refresh(check_now=check_now)
        chunks = list(self._chunks.values())
        languages: dict[str, int] = {}
        by_source = {chunk.source: chunk for chunk in chunks}
        for chunk in by_source.values():
            languages[chunk.lang] = languages.get(chunk.lang, 0) + 1
        dates = [chunk.as_of for chunk in by_source.values() if chunk.as_of]
        return IndexStats(len(by_source), len(chunks), max(dates) if dates else None, languages)


def _marker_id(source: str) -> str:
    return f"{_DOCUMENT}:{source}"


def sentence_units(chunks: Sequence[Chunk]) -> tuple[list[str], list[str], list[dict[str, str]]]:
    """Ids, texts and metadata of every sentence of the chunks (a chunk without sentence breaks is one unit)."""
    ids, texts, metadatas = [], [], []
    for chunk in chunks:
        spans = sentence_spans(chunk.text) or []
        pieces = [chunk.text[span.start : span.end] for span in spans if chunk.text[span.start : span.end].strip()]
        for n, piece in enumerate(pieces or [chunk.text]):
            ids.append(f"{chunk.id}:{n}")
            texts.append(piece)
            metadatas.append({"source": chunk.source, "chunk_id": chunk.id})
    return ids, texts, metadatas
