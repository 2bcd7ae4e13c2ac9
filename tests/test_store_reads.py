"""How the stores read Chroma, on a real embedded Chroma: whole collections in pages (Chroma's SQLite refuses
to return the metadata of more than 32,766 records at once), played here by a client that refuses more
than 10 at once with pages of 7; and dense search without asking for a collection's size per query."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import chromadb
import pytest
from chromadb.config import Settings as ChromaSettings
from chromadb.errors import InternalError
from fakes import HashedEmbeddings
from register_rows import genai_rows

import bot.chroma
from bot.chroma import read_all
from bot.chunking import Chunk, chunk_document
from bot.config import Settings
from bot.core import Bot
from bot.documents import Document
from bot.register.store import RegisterStore
from bot.retrieve import HybridSearch
from bot.store import ChunkStore
from bot.wiring import build_answerer

REFUSED_OVER = 10  # records whose metadata one `get` may return, in these tests
PAGE = 7


class RefusingCollection:
    """A real Chroma collection that refuses, as Chroma's SQLite does past 32,766, a `get` returning the
    metadata of more than `REFUSED_OVER` records; it counts the calls made to it by name."""

    def __init__(self, real: Any, calls: dict[str, int]) -> None:
        self._real = real
        self._calls = calls

    def get(self, *args: Any, **kwargs: Any) -> Any:
        self._calls["get"] = self._calls.get("get", 0) + 1
        got = self._real.get(*args, **kwargs)
        if "metadatas" in kwargs.get("include", ["metadatas"]) and len(got["ids"]) > REFUSED_OVER:
            raise InternalError("too many SQL variables (a test's stand-in for Chroma's limit)")
        return got

    def __getattr__(self, name: str) -> Any:
        self._calls[name] = self._calls.get(name, 0) + 1
        return getattr(self._real, name)


class RefusingClient:
    """A real embedded Chroma client whose collections are `RefusingCollection`s."""

    def __init__(self, path: Path) -> None:
        self._real = chromadb.PersistentClient(path=str(path), settings=ChromaSettings(anonymized_telemetry=False))
        self.calls: dict[str, int] = {}

    def get_or_create_collection(self, *args: Any, **kwargs: Any) -> RefusingCollection:
        return RefusingCollection(self._real.get_or_create_collection(*args, **kwargs), self.calls)

    def get_max_batch_size(self) -> int:
        return self._real.get_max_batch_size()


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bot.chroma, "PAGE", PAGE)


def documents(count: int, lang: str = "en") -> dict[str, list[Chunk]]:
    """`count` one-chunk documents, each its own source."""
    chunked = {}
    for n in range(count):
        text = f"Service {n} was filed in month {n % 12 + 1}." if lang == "en" else f"第{n}号服务于{n % 12 + 1}月备案。"
        document = Document(f"doc-{n}.md", f"Document {n}", text, 0, lang)  # type: ignore[arg-type]
        chunked[document.source] = chunk_document(document)
    return chunked


def chunk_store(client: Any) -> ChunkStore:
    fake = HashedEmbeddings()
    return ChunkStore(client, {"minilm": fake, "use": fake}, refresh_every_s=0.0)


def test_the_refusing_client_refuses_a_whole_read_as_chroma_does_past_its_limit(tmp_path: Path):
    collection = RefusingClient(tmp_path).get_or_create_collection("records", embedding_function=None)
    collection.add(ids=[str(n) for n in range(30)], embeddings=[[0.0]] * 30, metadatas=[{"n": n} for n in range(30)])
    with pytest.raises(InternalError, match="too many SQL variables"):
        collection.get(include=["metadatas"])


def test_a_replica_reads_every_chunk_and_source_in_pages(tmp_path: Path, small_pages: None):
    chunk_store(RefusingClient(tmp_path)).replace_documents(documents(30))
    replica = chunk_store(RefusingClient(tmp_path))
    assert len(list(replica.iter_chunks())) == 30
    assert len(replica.keywords) == 30
    assert replica.indexed_documents().keys() == replica.stored_sources() == {f"doc-{n}.md" for n in range(30)}


def test_a_replica_reads_every_register_row_and_table_in_pages(tmp_path: Path, small_pages: None):
    rows = genai_rows()[:30]
    source = rows[0].list.source
    RegisterStore(RefusingClient(tmp_path), HashedEmbeddings()).replace_source(source, rows, "hash")
    replica = RegisterStore(RefusingClient(tmp_path), HashedEmbeddings(), refresh_every_s=0.0)
    assert {row.id for row in replica.rows()} == {row.id for row in rows}
    assert replica.stored_sources() == set(replica.indexed_sources()) == {source}


class DeletesAfterFirstPage(RefusingCollection):
    """Deletes the records of one source right after the first page of fields is read: a concurrent writer."""

    def __init__(self, real: Any, source: str) -> None:
        super().__init__(real, {})
        self._source = source

    def get(self, *args: Any, **kwargs: Any) -> Any:
        got = super().get(*args, **kwargs)
        if kwargs.get("ids") is not None and self._source:
            self._real.delete(where={"source": self._source})
            self._source = ""
        return got


def test_a_write_between_two_pages_loses_no_record_of_any_other_source(tmp_path: Path, small_pages: None):
    """Offsets would shift when records are deleted between pages, and skip records nobody touched."""
    client = chromadb.PersistentClient(path=str(tmp_path), settings=ChromaSettings(anonymized_telemetry=False))
    real = client.get_or_create_collection("records", embedding_function=None)
    sources = [f"s{n // 5}" for n in range(30)]  # six sources of five records, in write order
    real.add(ids=[f"r{n:02d}" for n in range(30)], embeddings=[[0.0]] * 30, metadatas=[{"source": s} for s in sources])
    got = read_all(DeletesAfterFirstPage(real, "s0"), include=("metadatas",))
    assert {f"r{n:02d}" for n in range(5, 30)} <= set(got.ids)
    assert [m["source"] for m in got.metadatas] == [sources[int(i[1:])] for i in got.ids]


def test_read_all_returns_33000_records_that_one_get_cannot(tmp_path: Path):
    """Past Chroma's real limit (32,766 records' metadata), with the real page size, and in bounded time
    with a `where` (Chroma takes minutes over a `get` with both ids and a `where`)."""
    client = chromadb.PersistentClient(path=str(tmp_path), settings=ChromaSettings(anonymized_telemetry=False))
    collection = client.get_or_create_collection("records", embedding_function=None)
    total, batch = 33_000, client.get_max_batch_size()
    for start in range(0, total, batch):
        ids = [f"r{n}" for n in range(start, min(start + batch, total))]
        collection.add(ids=ids, embeddings=[[0.0]] * len(ids), metadatas=[{"kind": "row", "source": i} for i in ids])
    with pytest.raises(InternalError, match="too many SQL variables"):
        collection.get(include=["metadatas"])
    started = time.perf_counter()
    got = read_all(collection, include=("metadatas",), where={"kind": "row"})
    assert len(set(got.ids)) == total
    assert all(meta["source"] == record_id for record_id, meta in zip(got.ids, got.metadatas, strict=True))
    assert time.perf_counter() - started < 30


# -- dense search ----------------------------------------------------------------------------------------


def test_an_english_question_over_only_chinese_documents_is_answered_without_error(tmp_path: Path):
    """MiniLM reads only English, so its collection is empty: it is not searched, and nothing fails."""
    client = RefusingClient(tmp_path / "chroma")
    store = chunk_store(client)
    store.replace_documents(documents(5, lang="zh"))
    settings = Settings(data_dir=tmp_path / "data")  # type: ignore[arg-type]
    bot = Bot(HybridSearch(store), build_answerer(settings, store))
    assert store.dense_search("minilm", HashedEmbeddings().embed_query("Which service?"), 10) == []
    answer = bot.ask("Which service was filed in month 3?")
    assert answer.answer
    assert "count" not in client.calls


def test_a_search_for_more_chunks_than_the_index_holds_returns_those_it_holds(tmp_path: Path):
    store = chunk_store(RefusingClient(tmp_path))
    store.replace_documents(documents(3))
    vector = HashedEmbeddings().embed_query("Service 1 was filed")
    assert {chunk_id for chunk_id, _ in store.dense_search("use", vector, 30)} == {
        chunk.id for chunk in store.iter_chunks()
    }
    assert len(store.dense_search("minilm", vector, 30)) == 3


def test_a_search_asks_chroma_nothing_but_the_query(tmp_path: Path):
    client = RefusingClient(tmp_path)
    store = chunk_store(client)
    store.replace_documents(documents(3))
    store.refresh()
    client.calls.clear()
    store.dense_search("use", HashedEmbeddings().embed_query("Service 1"), 5)
    assert client.calls == {"get": 1, "query": 1}  # the generation check (refresh_every_s=0) and the query
