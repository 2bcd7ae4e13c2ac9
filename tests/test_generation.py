"""The generation watch both stores reload their caches by, on a real embedded Chroma meta collection."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import chromadb
import pytest
from chromadb.config import Settings as ChromaSettings

from bot.generation import GenerationWatch


@pytest.fixture
def meta(tmp_path: Path) -> Any:
    client = chromadb.PersistentClient(path=str(tmp_path), settings=ChromaSettings(anonymized_telemetry=False))
    meta = client.get_or_create_collection("test-meta", embedding_function=None)
    GenerationWatch("generation", every_s=0.0).bump(meta)  # an index someone wrote
    return meta


class Reloads:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> None:
        self.count += 1


def test_nothing_is_loaded_before_anything_was_written(tmp_path: Path):
    client = chromadb.PersistentClient(path=str(tmp_path), settings=ChromaSettings(anonymized_telemetry=False))
    empty, reloads = client.get_or_create_collection("test-meta", embedding_function=None), Reloads()
    assert not GenerationWatch("generation", every_s=0.0).reload_if_changed(empty, reloads)
    assert reloads.count == 0


def test_a_watch_loads_once_then_only_when_the_generation_changes(meta: Any):
    watch, reloads = GenerationWatch("generation", every_s=0.0), Reloads()
    assert watch.reload_if_changed(meta, reloads)
    assert not watch.reload_if_changed(meta, reloads)
    GenerationWatch("generation", every_s=0.0).bump(meta)
    assert watch.reload_if_changed(meta, reloads)
    assert reloads.count == 2 and watch.loaded == watch.current(meta)


def test_another_process_write_is_seen_after_the_interval_or_at_once_when_asked(meta: Any):
    watch, reloads = GenerationWatch("generation", every_s=3600.0), Reloads()
    watch.reload_if_changed(meta, reloads)
    GenerationWatch("generation", every_s=3600.0).bump(meta)
    assert not watch.reload_if_changed(meta, reloads)  # not due for an hour
    assert watch.reload_if_changed(meta, reloads, check_now=True)
    assert reloads.count == 2


def test_a_write_through_this_watch_is_seen_at_once(meta: Any):
    watch, reloads = GenerationWatch("generation", every_s=3600.0), Reloads()
    watch.reload_if_changed(meta, reloads)
    watch.bump(meta)
    assert watch.reload_if_changed(meta, reloads)


def test_force_reloads_an_unchanged_generation(meta: Any):
    watch, reloads = GenerationWatch("generation", every_s=3600.0), Reloads()
    watch.reload_if_changed(meta, reloads)
    assert watch.reload_if_changed(meta, reloads, force=True)
    assert reloads.count == 2


def test_watches_under_different_keys_do_not_see_each_other(meta: Any):
    documents, register = GenerationWatch("generation", 0.0), GenerationWatch("register-generation", 0.0)
    documents.reload_if_changed(meta, Reloads())
    register.bump(meta)
    assert not documents.reload_if_changed(meta, Reloads())


def test_a_write_during_a_reload_is_reloaded_at_the_next_check(meta: Any):
    watch = GenerationWatch("generation", every_s=3600.0)
    other = GenerationWatch("generation", every_s=0.0)
    watch.reload_if_changed(meta, lambda: other.bump(meta))  # another replica writes while this one reads
    reloads = Reloads()
    assert watch.reload_if_changed(meta, reloads, check_now=True)
    assert reloads.count == 1
