"""SIGKILL during ingest, then ingest again: the index equals a clean ingest's (the same ids in every collection,
none repeated, none missing, the same completion markers), for documents and register rows alike, in embedded
Chroma and on a Chroma server. Each trial kills a real ingest process (tests/kill_ingest_child.py, fake
embedders) just before one of its writes; these points are the ones between a document's or a table's steps.
bench/kill_ingest.py runs every point and kills the real `python -m bot ingest` at random moments."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from chroma_server import ChromaServer, chroma_server
from small_corpus import copy_documents, write_register_table

REPO = Path(__file__).resolve().parent.parent
CHILD = REPO / "tests" / "kill_ingest_child.py"
TRIAL_TIMEOUT_S = 120
# Killed just before these writes (see `python tests/kill_ingest_child.py writes CORPUS --data DIR`):
KILL_BEFORE = {
    "approvals-minilm-sentences.upsert": "a document's chunk records written, its vectors not",
    "approvals-meta.upsert": "every chunk and vector written, the documents' completion markers not",
    "approvals-register.upsert": "a table's old rows deleted, its rows not written",
    "approvals-register-meta.upsert": "a table's rows written, its completion marker not",
}
ON_THE_SERVER = ("approvals-meta.upsert", "approvals-register-meta.upsert")


def run_child(*args: str, server: ChromaServer | None = None) -> subprocess.CompletedProcess[str]:
    where = ["--chroma", f"{server.host}:{server.port}"] if server else []
    env = {**os.environ, "PYTHONPATH": str(REPO), "ANONYMIZED_TELEMETRY": "False"}
    return subprocess.run(
        [sys.executable, str(CHILD), *args, *where],
        capture_output=True,
        text=True,
        timeout=TRIAL_TIMEOUT_S,
        env=env,
        cwd=REPO,
    )


def index_of(data: Path, server: ChromaServer | None = None) -> dict[str, Any]:
    result = run_child("snapshot", "--data", str(data), server=server)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("kill-corpus")
    copy_documents(folder, "filing-vs-registration.md", "zh-filing-vs-registration.md", "algorithm-registry.md")
    write_register_table(folder, "2024-04", 6)
    write_register_table(folder, "2024-08", 5)
    return folder


@pytest.fixture(scope="module")
def clean(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], dict[str, Any]]:
    """A clean ingest's writes, in order, and its index."""
    data = tmp_path_factory.mktemp("clean")
    result = run_child("writes", str(corpus), "--data", str(data))
    assert result.returncode == 0, result.stderr
    index = index_of(data)
    assert len(index["approvals-meta"]) == 3 and len(index["approvals-register"]) == 11
    return result.stdout.split(), index


def kill_and_ingest_again(corpus: Path, data: Path, kill_at: int, server: ChromaServer | None = None) -> dict[str, Any]:
    killed = run_child("ingest", str(corpus), "--data", str(data), "--kill-at", str(kill_at), server=server)
    assert killed.returncode == -signal.SIGKILL, (killed.returncode, killed.stderr[-2000:])
    again = run_child("ingest", str(corpus), "--data", str(data), server=server)
    assert again.returncode == 0, again.stderr[-2000:]
    return index_of(data, server)


@pytest.mark.parametrize("point", list(KILL_BEFORE))
def test_ingest_killed_then_run_again_leaves_the_index_a_clean_ingest_leaves(point, corpus, clean, tmp_path):
    writes, expected = clean
    assert kill_and_ingest_again(corpus, tmp_path / "data", writes.index(point) + 1) == expected, KILL_BEFORE[point]


def test_on_a_chroma_server_too(corpus, clean, tmp_path):
    writes, expected = clean
    with chroma_server(tmp_path / "chroma") as server:
        for n, point in enumerate(ON_THE_SERVER):
            data = tmp_path / f"data-{n}"
            # One server, a fresh index per trial: the server is emptied by starting it on a new folder.
            server.stop()
            server.path = tmp_path / f"chroma-{n}"
            server.start()
            found = kill_and_ingest_again(corpus, data, writes.index(point) + 1, server)
            assert found == expected, KILL_BEFORE[point]
