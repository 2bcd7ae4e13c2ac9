"""Replicas share their state through real services: two apps (two `create_app` under two uvicorn servers on
127.0.0.1) on one `redis-server` admit one rate limit in total, and their feedback lands in one PostgreSQL,
whose export is the same as SQLite's. Outages: with Redis down the bot keeps answering (the limit fails open,
with one warning), and with PostgreSQL down feedback gets a clear 503, loses nothing stored and works again
once the server is back, without a restart.

The apps serve an empty index with a constant fake embedder: the rate limit and feedback need no models.
"""

from __future__ import annotations

import contextlib
import logging
import os
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import chromadb
import httpx
import pytest
from chromadb.config import Settings as ChromaSettings
from langchain_core.embeddings import Embeddings

from bot.config import Settings
from bot.core import Bot
from bot.errors import FeedbackUnavailable
from bot.feedback import CONNECT_TIMEOUT_S, FeedbackStore
from bot.ratelimit import RETRY_AFTER_OUTAGE_S
from bot.retrieve import HybridSearch
from bot.server import create_app
from bot.store import ChunkStore

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
ANSWER = {"answer": "Forty services were filed.", "abstained": False, "language": "en", "citations": []}


class ConstantEmbeddings(Embeddings):
    """No model: every text gets the same vector (nothing is searched in these tests)."""

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [[1.0, 0.0] for _ in texts]

    def embed_query(self, text: str) -> list[float]:
        return [1.0, 0.0]


class NoAnswers:
    def answer(self, question: str, passages: list, language: str) -> None:
        raise AssertionError("these tests ask no questions")


@pytest.fixture(scope="module")
def empty_bot(tmp_path_factory: pytest.TempPathFactory) -> Bot:
    folder = tmp_path_factory.mktemp("empty-chroma")
    client = chromadb.PersistentClient(path=str(folder), settings=ChromaSettings(anonymized_telemetry=False))
    return Bot(HybridSearch(ChunkStore(client, {"constant": ConstantEmbeddings()})), NoAnswers())


@pytest.fixture
def replicas(empty_bot: Bot, live_server, tmp_path: Path) -> Callable[..., contextlib.AbstractContextManager]:
    """`with replicas(2, **settings) as urls:` serves that many apps, each with its own data folder, under
    their own uvicorn servers. Each call gets its own key prefix, so no two tests share rate-limit counters."""

    @contextlib.contextmanager
    def serve(count: int, **settings: object) -> Iterator[list[str]]:
        prefix = f"test-{uuid.uuid4().hex[:8]}"
        with contextlib.ExitStack() as stack:
            urls = []
            for n in range(count):
                data = tmp_path / f"replica-{n}"
                replica = Settings(data_dir=data, collection_prefix=prefix, **settings)  # type: ignore[arg-type]
                urls.append(stack.enter_context(live_server(create_app(empty_bot, replica))))
            yield urls

    return serve


def rate(client: httpx.Client, url: str, question: str = "How many services were filed?") -> httpx.Response:
    body = {**ANSWER, "question": question, "rating": "up", "channel": "api"}
    return client.post(f"{url}/api/feedback", json=body)


def send_alternately(urls: list[str], count: int) -> tuple[list[tuple[str, httpx.Response]], float]:
    """`count` ratings, the n-th to `urls[n % len(urls)]`, 8 at a time; (url, response) pairs and seconds taken."""
    targets = [urls[n % len(urls)] for n in range(count)]
    started = time.monotonic()
    with httpx.Client(timeout=10) as client, ThreadPoolExecutor(8) as pool:
        responses = list(pool.map(lambda url: rate(client, url), targets))
    return list(zip(targets, responses, strict=True)), time.monotonic() - started


LIMIT = 10
SENT = 4 * LIMIT


def test_two_replicas_sharing_one_redis_admit_one_limit_in_total(replicas, redis_server):
    with replicas(2, redis_url=redis_server.url, rate_limit_per_minute=LIMIT) as urls:
        sent, seconds = send_alternately(urls, SENT)
    statuses = Counter(response.status_code for _, response in sent)
    assert statuses == {201: LIMIT, 429: SENT - LIMIT}, statuses
    refused = [response for _, response in sent if response.status_code == 429]
    waits = [int(response.headers["retry-after"]) for response in refused]
    assert all(1 <= wait <= 60 for wait in waits)
    assert all(f"the limit is {LIMIT} a minute" in response.json()["detail"] for response in refused)
    by_replica = Counter(url for url, response in sent if response.status_code == 201)
    print(
        f"\ntwo replicas, one Redis, limit {LIMIT}/min: {SENT} requests alternating, 8 concurrent, in {seconds:.2f} s:"
        f" admitted {statuses[201]} ({' + '.join(str(by_replica[url]) for url in urls)} by replica),"
        f" 429 {statuses[429]} (Retry-After {min(waits)}-{max(waits)} s), 5xx 0"
    )


def test_without_redis_each_replica_counts_its_own_limit(replicas):
    """The reason for Redis: two replicas counting in their own memory admit twice the limit."""
    with replicas(2, rate_limit_per_minute=LIMIT) as urls:
        sent, _ = send_alternately(urls, SENT)
    statuses = Counter(response.status_code for _, response in sent)
    assert statuses == {201: 2 * LIMIT, 429: SENT - 2 * LIMIT}, statuses


def _deadline(seconds: float) -> Iterator[int]:
    """Counts tries until `seconds` have passed, then fails the test."""
    started = time.monotonic()
    tries = 0
    while time.monotonic() - started < seconds:
        tries += 1
        yield tries
    pytest.fail(f"not done within {seconds} s ({tries} tries)")


def test_with_redis_down_the_bot_keeps_answering_and_the_limit_holds_again_when_it_is_back(
    replicas, redis_server, caplog
):
    caplog.set_level(logging.WARNING, logger="bot.ratelimit")
    limit = 3
    with replicas(1, redis_url=redis_server.url, rate_limit_per_minute=limit) as [url], httpx.Client() as client:
        assert [rate(client, url).status_code for _ in range(limit + 1)] == [201] * limit + [429]
        redis_server.stop()
        try:
            during = []
            for _ in range(12):  # over more than one retry interval: Redis is tried again during the outage
                during.append(rate(client, url).status_code)
                time.sleep(RETRY_AFTER_OUTAGE_S / 6)
            assert client.get(f"{url}/api/health").status_code == 200
        finally:
            redis_server.start()
        warnings = [r.getMessage() for r in caplog.records if "cannot be reached" in r.getMessage()]
        assert during == [201] * 12, "with Redis down, requests go through"
        assert len(warnings) == 1 and redis_server.url.split("/0")[0] in warnings[0], warnings
        # Back: the first request tried on Redis again is counted, and the limit holds from there on.
        restarted = time.monotonic()
        for _ in _deadline(10):
            assert rate(client, url).status_code == 201
            if any("the limit holds again" in r.getMessage() for r in caplog.records):
                break
            time.sleep(0.1)
        recovered = time.monotonic() - restarted
        after = [rate(client, url).status_code for _ in range(limit)]
    assert after == [201] * (limit - 1) + [429]
    print(
        f"\nRedis stopped: {len(during)} requests over {RETRY_AFTER_OUTAGE_S * 2:g} s, {during.count(201)} of them 201,"
        f" {len(warnings)} warning; restarted: the limit enforced again after {recovered:.2f} s"
    )


def test_feedback_through_either_replica_lands_in_one_postgresql(replicas, postgres_server):
    database = postgres_server.database("replicas")
    with replicas(2, database_url=database, rate_limit_per_minute=0) as urls, httpx.Client() as client:
        sent = [rate(client, urls[n % 2], f"Question {n}") for n in range(6)]
    assert [response.status_code for response in sent] == [201] * 6
    rows = list(FeedbackStore(database).rows())
    assert [row["id"] for row in rows] == [response.json()["id"] for response in sent]
    assert [row["question"] for row in rows] == [f"Question {n}" for n in range(6)]
    assert all(row["answer"] == ANSWER and row["channel"] == "api" for row in rows)


def run_cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("BOT_DATABASE_URL", "BOT_DATA_DIR")}
    command = [sys.executable, "-m", "bot", "feedback", *args]
    return subprocess.run(command, cwd=REPO, env={**environment, **env}, capture_output=True, text=True, timeout=120)


def test_the_export_is_the_same_from_sqlite_and_postgresql(postgres_server, tmp_path):
    database = postgres_server.database("export")
    fixed_clock = lambda: datetime(2025, 3, 1, 8, 30, tzinfo=UTC)  # noqa: E731
    for store in (
        FeedbackStore(tmp_path / "data" / "feedback.sqlite3", fixed_clock),
        FeedbackStore(database, fixed_clock),
    ):
        store.record(question="How many services were filed?", answer=ANSWER, rating="up", channel="widget")
        store.record(question="备案了多少个服务？", answer={**ANSWER, "language": "zh"}, rating="up")
        store.record(question="Who filed first?", answer=ANSWER, rating="down", comment="Not said.", channel="api")
    from_sqlite = run_cli("--export", str(tmp_path / "sqlite.jsonl"), BOT_DATA_DIR=str(tmp_path / "data"))
    from_postgres = run_cli("--export", str(tmp_path / "postgres.jsonl"), BOT_DATABASE_URL=database)
    assert from_sqlite.returncode == 0 and from_postgres.returncode == 0, from_sqlite.stderr + from_postgres.stderr
    exported = (tmp_path / "sqlite.jsonl").read_bytes()
    assert exported == (tmp_path / "postgres.jsonl").read_bytes() and exported.count(b"\n") == 3
    counted = run_cli(BOT_DATABASE_URL=database)
    assert "3 rated answers (2 up, 1 down) in postgresql+psycopg://postgres@127.0.0.1" in counted.stdout


def test_with_postgresql_down_feedback_gets_503_and_nothing_stored_is_lost(replicas, postgres_server, tmp_path, caplog):
    caplog.set_level(logging.WARNING, logger="bot.api")
    database = postgres_server.database("outage")
    earlier_export = tmp_path / "feedback.jsonl"
    earlier_export.write_text("an earlier export\n", encoding="utf-8")
    with replicas(1, database_url=database, rate_limit_per_minute=0) as [url], httpx.Client(timeout=30) as client:
        stored = [rate(client, url, f"Before {n}").json()["id"] for n in range(3)]
        documented = client.get(f"{url}/openapi.json").json()["paths"]["/api/feedback"]["post"]["responses"]["503"]
        postgres_server.stop()
        try:
            started = time.monotonic()
            refused = rate(client, url, "During the outage")
            seconds = time.monotonic() - started
            health = client.get(f"{url}/api/health").status_code
            export = run_cli("--export", str(earlier_export), BOT_DATABASE_URL=database)
        finally:
            postgres_server.start()
        again = rate(client, url, "After")
    assert refused.status_code == 503 and seconds < CONNECT_TIMEOUT_S + 1
    assert refused.json() == {"detail": FeedbackUnavailable.detail}
    assert documented["content"]["application/json"]["example"] == refused.json()
    assert any("cannot be reached" in r.getMessage() for r in caplog.records), "the operator's reason is logged"
    assert health == 200, "the bot keeps serving while feedback is down"
    assert export.returncode == 2 and "feedback database (postgresql+psycopg://postgres@127.0.0.1" in export.stderr
    assert "cannot be reached" in export.stderr and "Ratings already stored there are kept" in export.stderr
    assert earlier_export.read_text(encoding="utf-8") == "an earlier export\n", "a failed export overwrites nothing"
    assert again.status_code == 201, "works again without a restart"
    rows = list(FeedbackStore(database).rows())
    assert [row["id"] for row in rows] == [*stored, again.json()["id"]]
    assert [row["question"] for row in rows] == ["Before 0", "Before 1", "Before 2", "After"]
    print(
        f"\nPostgreSQL stopped: 503 in {seconds * 1000:.0f} ms, health {health}, export exit {export.returncode};"
        f" restarted: 201, rows {len(stored)} before, {len(rows)} after, none lost"
    )
