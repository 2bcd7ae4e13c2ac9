"""Bringing files into the index, idempotently: new and changed documents are (re)chunked and
embedded, unchanged ones skipped by content hash, vanished ones removed, unreadable ones reported.
Register tables (.json, .csv, .xlsx, .docx) go to the register store (`bot.register.ingest`); the files
that describe a register folder (README.md, manifest.json …) are neither.

Nothing outside the corpus is read, so no answer quotes another file: given a corpus folder, a path that
leaves it is refused before any work (`OutsideCorpus`), and a file found under a folder that resolves
outside it (a symlink out) is skipped and reported.
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
from bot.errors import DocumentUnreadable, OutsideCorpus
from bot.register.ingest import ingest_tables, is_sidecar, is_table
from bot.register.records import ReadReport
from bot.register.store import RegisterStore
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
    tables: list[ReadReport] = field(default_factory=list)  # register tables read this time
    tables_unchanged: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        text = (
            f"added {len(self.added)}, updated {len(self.updated)}, removed {len(self.removed)}, "
            f"unchanged {len(self.unchanged)}, failed {len(self.failed)} ({self.chunks} chunks written)"
        )
        if self.tables or self.tables_unchanged:
            rows = sum(t.read for t in self.tables)
            skipped = sum(len(t.skipped) for t in self.tables)
            flagged = sum(len(t.flagged) for t in self.tables)
            text += (
                f"; register: {len(self.tables)} tables read ({rows} rows, {flagged} flagged, {skipped} skipped), "
                f"{len(self.tables_unchanged)} unchanged"
            )
        return text

    def table_lines(self) -> list[str]:
        """One line per register table read: its rows, and what was flagged or skipped and why."""
        return [table.summary() for table in self.tables]


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


def check_inside(paths: list[Path], corpus: Path) -> Path:
    """The corpus folder, resolved, once every path is inside it (symlinks and `..` followed); else `OutsideCorpus`."""
    bound = corpus.resolve()
    for path in paths:
        if not path.resolve().is_relative_to(bound):
            raise OutsideCorpus(str(path), str(corpus))
    return bound


def ingest(
    paths: list[Path],
    store: ChunkStore,
    chunk_chars: int = 600,
    progress: bool = True,
    register: RegisterStore | None = None,
    corpus: Path | None = None,
) -> IngestReport:
    """Bring the index (and the register, when given) in line with the files under `paths`; see the module
    docstring. With `corpus`, every path must lie inside that folder; without, each folder is its own bound."""
    bound = check_inside(paths, corpus) if corpus is not None else None
    report = IngestReport()
    indexed = store.indexed_documents()
    files, tables = [], []
    for path in paths:
        if not path.exists():
            report.failed.append((source_name(path), "does not exist"))
            continue
        inside = bound or path.resolve()
        for found in find_documents([path]):
            if is_sidecar(found):
                continue
            if not found.resolve().is_relative_to(inside):
                report.failed.append((found.absolute().as_posix(), "leads outside the corpus folder; not read"))
                continue
            if is_table(found):
                if register is not None:
                    tables.append(found)
            else:
                files.append(found)
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
    roots = [source_name(p).rstrip("/") + "/" for p in paths if p.is_dir()]

    def vanished(source: str, present: set[str]) -> bool:
        """A source under one of the folders ingested whose file is gone."""
        return (
            any(source.startswith(root) for root in roots)
            and source not in present
            and not source_file(source).exists()
        )

    # Every source the index holds anything of, so the remains of an ingest cut short go too.
    for source in sorted(store.stored_sources()):
        if vanished(source, seen):
            store.remove_document(source)
            report.removed.append(source)
    if register is not None:
        table_sources = [(path, source_name(path)) for path in tables]
        report.tables, report.tables_unchanged, failed = ingest_tables(table_sources, register, progress)
        report.failed.extend(failed)
        named = {source for _, source in table_sources}
        for source in sorted(register.stored_sources()):
            if vanished(source, named):
                register.remove_source(source)
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
