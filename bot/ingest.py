"""Bringing files into the index, idempotently: new and changed documents are (re)chunked and
embedded, unchanged ones skipped by content hash, vanished ones removed, unreadable ones reported.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from bot.chunking import Chunk, chunk_document
from bot.config import PROJECT_ROOT
from bot.documents import Document, find_documents, read_document
from bot.errors import DocumentUnreadable
from bot.store import ChunkStore

log = logging.getLogger(__name__)


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    chunks: int = 0

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        return (
            f"added {len(self.added)}, updated {len(self.updated)}, removed {len(self.removed)}, "
            f"unchanged {len(self.unchanged)}, failed {len(self.failed)} ({self.chunks} chunks written)"
        )


def source_name(path: Path) -> str:
    """How a file is named in the index: relative to the project folder when it is inside it (so the
    name does not depend on the folder the bot was started from), else its absolute path."""
    absolute = path.resolve()
    try:
        return absolute.relative_to(PROJECT_ROOT.resolve()).as_posix()
    except ValueError:
        return absolute.as_posix()


def source_file(source: str) -> Path:
    """The file a source name stands for."""
    return PROJECT_ROOT / source


def ingest(paths: list[Path], store: ChunkStore, chunk_chars: int = 600, progress: bool = True) -> IngestReport:
    """Bring the index in line with the files under `paths`; see the module docstring."""
    report = IngestReport()
    indexed = store.indexed_documents()
    files = []
    for path in paths:
        if path.exists():
            files.extend(find_documents([path]))
        else:
            report.failed.append((source_name(path), "does not exist"))
    seen: set[str] = set()

    def readable() -> Iterator[Document]:
        for path in tqdm(files, desc="Indexing", unit="file", disable=not progress, leave=False):
            source = source_name(path)
            seen.add(source)
            try:
                yield read_document(path, source)
            except DocumentUnreadable as error:
                log.warning("Skipped %s", error)
                report.failed.append((source, error.reason))

    index_documents(readable(), store, chunk_chars, report, indexed)
    for root in (p for p in paths if p.is_dir()):
        prefix = source_name(root).rstrip("/") + "/"
        for source in sorted(indexed):
            if source.startswith(prefix) and source not in seen and not source_file(source).exists():
                store.remove_document(source)
                report.removed.append(source)
    return report


def index_documents(
    documents: Iterable[Document],
    store: ChunkStore,
    chunk_chars: int = 600,
    report: IngestReport | None = None,
    indexed: dict[str, str] | None = None,
    batch_chunks: int = 2048,
) -> IngestReport:
    """Chunk and store documents that are new or changed, writing in batches of about `batch_chunks`
    (large, because each batch is encoded in one call and a bigger call wastes less on padding)."""
    report = report if report is not None else IngestReport()
    indexed = indexed if indexed is not None else store.indexed_documents()
    pending: dict[str, list[Chunk]] = {}
    for document in documents:
        if indexed.get(document.source) == document.content_hash:
            report.unchanged.append(document.source)
            continue
        pending[document.source] = chunk_document(document, chunk_chars)
        report.chunks += len(pending[document.source])
        (report.updated if document.source in indexed else report.added).append(document.source)
        if sum(len(chunks) for chunks in pending.values()) >= batch_chunks:
            store.replace_documents(pending)
            pending = {}
    if pending:
        store.replace_documents(pending)
    return report
