"""Bringing register tables into the register store, idempotently: a table is read again only when its
bytes changed, a vanished one is removed, and each file's summary says what was read, flagged and
skipped. Which reader reads a file goes by its suffix; the folder's description files are left alone.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable
from pathlib import Path

from tqdm import tqdm

from bot.register.records import ReadReport, RegisterRow
from bot.register.store import RegisterStore

log = logging.getLogger(__name__)

TABLE_SUFFIXES = frozenset({".json", ".csv", ".xlsx", ".docx"})
# Files that describe a register folder rather than hold its rows.
SIDECARS = frozenset({"readme.md", "manifest.json", "aggregates.json", "aliases.yaml"})

Reader = Callable[[Path, str], tuple[list[RegisterRow], ReadReport]]


def is_sidecar(path: Path) -> bool:
    return path.name.lower() in SIDECARS


def is_table(path: Path) -> bool:
    return path.suffix.lower() in TABLE_SUFFIXES and not is_sidecar(path)


def read_table(path: Path, source: str) -> tuple[list[RegisterRow], ReadReport]:
    """Rows of one register table; `ValueError` with the reason when the file is not one."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from bot.register.docx_lists import read_docx_list, read_manifest

        manifest = read_manifest(path.parent)
        return read_docx_list(path, source, manifest.get(path.name))
    from bot.register import tables

    readers: dict[str, Reader] = {
        ".json": tables.read_register_json,
        ".csv": tables.read_register_csv,
        ".xlsx": tables.read_register_xlsx,
    }
    return readers[suffix](path, source)


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def ingest_tables(
    files: Iterable[tuple[Path, str]],
    store: RegisterStore,
    progress: bool = True,
) -> tuple[list[ReadReport], list[str], list[tuple[str, str]]]:
    """Read each (path, source) table that is new or changed into the store.
    Returns the read reports, the unchanged sources and the failures (source, reason)."""
    indexed = store.indexed_sources()
    reports: list[ReadReport] = []
    unchanged: list[str] = []
    failed: list[tuple[str, str]] = []
    for path, source in tqdm(list(files), desc="Register", unit="file", disable=not progress, leave=False):
        content_hash = file_hash(path)
        if indexed.get(source) == content_hash:
            unchanged.append(source)
            continue
        try:
            rows, report = read_table(path, source)
        except ValueError as error:
            log.warning("Skipped %s: %s", source, error)
            failed.append((source, str(error)))
            continue
        store.replace_source(source, rows, content_hash)
        reports.append(report)
    return reports, unchanged, failed
