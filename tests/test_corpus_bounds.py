"""Ingest reads nothing outside the corpus folder, so no citation source points outside it: a path that
leaves the folder (`../..`, an absolute path, a symlink given on the command line) is refused before any
work, a file under the folder that resolves outside it (a symlinked file) is skipped and reported, and a
symlinked folder is not followed at all. Fake embedders and an embedded Chroma in a temporary folder: no
model is loaded."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import chromadb
import pytest
from chromadb.config import Settings as ChromaSettings
from fakes import HashedEmbeddings
from small_corpus import copy_documents

from bot.chunking import chunk_document
from bot.documents import read_document
from bot.errors import OutsideCorpus
from bot.ingest import ingest
from bot.register.store import RegisterStore
from bot.store import ChunkStore
from bot.text import MAX_SENTENCE_CHARS

REPO = Path(__file__).resolve().parent.parent
SECRET = "The launch code of the outside world is 0000."


@pytest.fixture
def layout(tmp_path: Path) -> tuple[Path, Path]:
    """A corpus folder with one document, a symlinked file and a symlinked folder leading out of it, and a
    secret outside it."""
    corpus, outside = tmp_path / "corpus", tmp_path / "outside"
    copy_documents(corpus, "filing-vs-registration.md")
    outside.mkdir()
    (outside / "secret.md").write_text(f"# Secret\n\n{SECRET}\n", encoding="utf-8")
    (corpus / "linked-secret.md").symlink_to(outside / "secret.md")
    (corpus / "linked-folder").symlink_to(outside, target_is_directory=True)
    return corpus, outside


def stores(data: Path) -> tuple[ChunkStore, RegisterStore]:
    client = chromadb.PersistentClient(path=str(data), settings=ChromaSettings(anonymized_telemetry=False))
    fake = HashedEmbeddings()
    return ChunkStore(client, {"use": fake}, refresh_every_s=0), RegisterStore(client, fake, refresh_every_s=0)


@pytest.mark.parametrize("leaving", ["../outside", "../../..", "linked-folder", "/etc"])
def test_a_path_leaving_the_corpus_folder_is_refused_before_any_work(layout, tmp_path, leaving):
    corpus, _ = layout
    store, register = stores(tmp_path / "chroma")
    with pytest.raises(OutsideCorpus, match="is outside the corpus folder"):
        ingest([corpus / leaving], store, progress=False, register=register, corpus=corpus)
    assert store.indexed_documents() == {} and store.stats().chunks == 0


def test_files_that_resolve_outside_the_corpus_are_skipped_and_reported(layout, tmp_path):
    corpus, _ = layout
    store, register = stores(tmp_path / "chroma")
    report = ingest([corpus], store, progress=False, register=register, corpus=corpus)
    assert len(report.added) == 1
    assert report.failed == [((corpus / "linked-secret.md").as_posix(), "leads outside the corpus folder; not read")]
    assert all(SECRET not in chunk.text for chunk in store.iter_chunks())


def test_every_source_in_the_index_lies_inside_the_corpus(layout, tmp_path):
    corpus, _ = layout
    store, register = stores(tmp_path / "chroma")
    ingest([corpus], store, progress=False, register=register, corpus=corpus)
    for source in store.indexed_documents():
        assert Path(source).resolve().is_relative_to(corpus.resolve()), source


def test_without_a_corpus_folder_each_folder_given_is_its_own_bound(layout, tmp_path):
    corpus, _ = layout
    store, register = stores(tmp_path / "chroma")
    report = ingest([corpus], store, progress=False, register=register)
    assert len(report.added) == 1 and [Path(path).name for path, _ in report.failed] == ["linked-secret.md"]


def test_the_command_line_refuses_a_path_outside_the_corpus_at_once(layout, tmp_path):
    corpus, _ = layout
    env = {**os.environ, "BOT_DATA_DIR": str(tmp_path / "data"), "BOT_CORPUS_DIR": str(corpus)}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "ingest", "--quiet", str(corpus / ".." / ".." / "etc")],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2 and "is outside the corpus folder" in result.stderr
    assert "BOT_CORPUS_DIR" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "data").exists(), "refused before opening the index"


@pytest.mark.parametrize("line", ["approval model service " * 43_479, "A sentence here." * 62_500, "中文" * 500_000])
def test_a_document_of_one_1_mb_line_is_cut_into_bounded_chunks_quickly(tmp_path, line):
    """Without sentence ends the line would be one 1 MB "sentence", chunk and quote."""
    path = tmp_path / "one-line.md"
    path.write_text(f"# One line\n\n{line}\n", encoding="utf-8")
    started = time.monotonic()
    document = read_document(path, "one-line.md")
    chunks = chunk_document(document, 600)
    assert time.monotonic() - started < 10
    assert len(line) >= 999_990 and len(chunks) > 900
    assert max(len(chunk.text) for chunk in chunks) <= MAX_SENTENCE_CHARS
    assert all(document.text[chunk.start : chunk.end] == chunk.text for chunk in chunks)
