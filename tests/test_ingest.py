"""Component tests: ingest into a real on-disk Chroma with the real embedding models."""

import shutil
from pathlib import Path

import pytest
from expectations import DATE_QUESTION

from bot.config import Settings
from bot.ingest import ingest, source_name
from bot.wiring import build_store

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def workspace(tmp_path: Path, settings_in) -> tuple[Path, Settings]:
    corpus = tmp_path / "docs"
    corpus.mkdir()
    for name in ("january-2024-batch.md", "zh-batches.md", "interim-measures.md"):
        shutil.copy(REPO / "corpus" / name, corpus / name)
    return corpus, settings_in()


def _add_a_closing_section(corpus: Path) -> Path:
    """Changes one document of the workspace; returns its path."""
    target = corpus / "interim-measures.md"
    target.write_text(target.read_text(encoding="utf-8") + "\n## Added\nA brand-new closing sentence.\n")
    return target


def test_ingest_indexes_every_document_and_a_second_run_changes_nothing(workspace):
    corpus, settings = workspace
    store = build_store(settings)
    first = ingest([corpus], store, progress=False)
    assert (len(first.added), first.failed) == (3, [])
    chunks_after_first = store.stats().chunks
    assert chunks_after_first == first.chunks > 3

    second = ingest([corpus], build_store(settings), progress=False)
    assert (second.added, second.updated, second.removed, len(second.unchanged)) == ([], [], [], 3)
    assert second.chunks == 0 and build_store(settings).stats().chunks == chunks_after_first


def test_a_changed_document_replaces_its_old_chunks(workspace):
    corpus, settings = workspace
    store = build_store(settings)
    ingest([corpus], store, progress=False)
    target = _add_a_closing_section(corpus)

    report = ingest([corpus], store, progress=False)
    assert report.updated == [source_name(target)] and len(report.unchanged) == 2
    texts = [c.text for c in store.iter_chunks() if c.source == source_name(target)]
    assert "A brand-new closing sentence." in texts
    hashes = {c.doc_hash for c in store.iter_chunks() if c.source == source_name(target)}
    assert len(hashes) == 1, "old chunks of the changed document must be gone"


def test_a_deleted_document_is_removed_from_the_index(workspace):
    corpus, settings = workspace
    store = build_store(settings)
    ingest([corpus], store, progress=False)
    (corpus / "zh-batches.md").unlink()
    report = ingest([corpus], store, progress=False)
    assert report.removed == [source_name(corpus / "zh-batches.md")]
    assert {c.source for c in store.iter_chunks()} == {
        source_name(corpus / "january-2024-batch.md"),
        source_name(corpus / "interim-measures.md"),
    }
    assert store.stats().documents == 2


def test_every_embedder_holds_exactly_the_chunks_it_reads_after_an_update_and_a_delete(workspace):
    corpus, settings = workspace
    store = build_store(settings)
    ingest([corpus], store, progress=False)
    _add_a_closing_section(corpus)
    (corpus / "zh-batches.md").unlink()
    ingest([corpus], store, progress=False)

    store.refresh(force=True)
    chunks = list(store.iter_chunks())
    for name, embedder in store.embedders.items():
        expected = {c.id for c in chunks if name not in store.reads or c.lang in store.reads[name]}
        found = store.dense_search(name, embedder.embed_query("generative AI"), k=len(chunks) + 50)
        assert {chunk_id for chunk_id, _ in found} == expected, name


def test_a_broken_file_is_reported_and_the_rest_is_indexed(workspace):
    corpus, settings = workspace
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.7 truncated garbage")
    (corpus / "binary.txt").write_bytes(b"\x00\x00\x00 not text")
    store = build_store(settings)
    report = ingest([corpus], store, progress=False)
    assert sorted(name.rsplit("/", 1)[-1] for name, _ in report.failed) == ["binary.txt", "broken.pdf"]
    assert not report.ok and len(report.added) == 3
    assert store.stats().documents == 3


def test_a_missing_path_is_a_failure_not_a_crash(workspace, tmp_path):
    _, settings = workspace
    report = ingest([tmp_path / "nope"], build_store(settings), progress=False)
    assert report.failed and "does not exist" in report.failed[0][1]


def test_search_finds_english_and_chinese_passages(corpus_bot):
    english = corpus_bot.search.search("January 2024 batch approvals", 3)
    chinese = corpus_bot.search.search("2024年1月获批的大模型", 3)
    assert "january-2024-batch" in english[0].chunk.source
    assert chinese[0].chunk.lang == "zh"


def test_hybrid_search_is_usable_as_a_langchain_retriever(corpus_bot):
    from bot.retrieve import HybridRetriever

    documents = HybridRetriever(search=corpus_bot.search, k=3).invoke(DATE_QUESTION)
    assert len(documents) == 3
    assert documents[0].metadata["source"].startswith("corpus/") and documents[0].metadata["signals"]
