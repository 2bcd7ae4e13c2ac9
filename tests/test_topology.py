"""The local topology end to end (deploy/topology.py, what deploy/local.sh runs): a Chroma server, Redis,
PostgreSQL, one ingest, two replicas and nginx on 127.0.0.1, over two documents of the corpus. Questions
through the proxy reach both replicas, a short load run through it has no 5xx, and stopping leaves none of
its processes behind. The full load run is a documented command (docs/RELIABILITY.md)."""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "deploy"))
sys.path.insert(0, str(REPO / "bench"))

import load  # noqa: E402  (bench/load.py)
import topology  # noqa: E402  (deploy/topology.py)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def running() -> Iterator[topology.Topology]:
    missing = [p for p in ("redis-server", "nginx") if shutil.which(p) is None]
    if missing or not topology.POSTGRES_BIN_DIRS:
        pytest.fail(f"{missing or 'PostgreSQL'} not installed: `make services proxy` installs them")
    # Not under pytest's temporary folder: the `postgres` user could not reach into root's.
    state = Path(tempfile.mkdtemp(prefix="bot-test-topology-"))
    corpus = state.parent / f"{state.name}-corpus"
    corpus.mkdir()
    for name in ("interim-measures.md", "zh-batches.md"):
        shutil.copy(REPO / "corpus" / name, corpus / name)
    lines: list[str] = []
    started = topology.Topology(
        proxy_port=topology.free_port(), rate_limit=0, corpus=corpus, state=state, log=lines.append
    )
    try:
        started.start()
        yield started
    finally:
        started.stop()
        shutil.rmtree(state, ignore_errors=True)
        shutil.rmtree(corpus, ignore_errors=True)


def test_questions_through_the_proxy_are_answered_by_both_replicas(running: topology.Topology):
    question = next(text for kind, lang, text in load.QUESTIONS if (kind, lang) == ("documents", "zh"))
    answered_by = set()
    with httpx.Client(base_url=running.url, timeout=60) as client:
        for _ in range(6):
            response = client.post("/api/ask", json={"question": question})
            assert response.status_code == 200, response.text
            answered_by.add(response.headers["x-upstream"])
        assert client.get("/api/health").json()["documents"] == 2
    assert answered_by == {f"127.0.0.1:{port}" for port in running.replica_ports}


def test_a_short_load_run_through_the_proxy_has_no_5xx(running: topology.Topology, tmp_path: Path):
    code = load.main(["--url", running.url, "--clients", "4", "--duration", "5", "--out", str(tmp_path)])
    assert code == 0, (tmp_path / "load.json").read_text()


def test_stop_leaves_none_of_its_processes(running: topology.Topology):
    pids = [p.popen.pid for p in running.processes]
    postgres = running.postgres_data
    assert len(pids) == 5  # chroma, redis, two replicas, nginx (PostgreSQL runs under pg_ctl)
    running.stop()
    for pid in pids:
        assert not topology.pid_alive(pid), pid
    assert postgres is not None and not (postgres / "postmaster.pid").exists()
    assert not (running.state / "topology.json").exists()
