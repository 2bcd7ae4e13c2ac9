"""Two replicas on one Chroma server agree: each is a whole app (its own stores, caches and BM25, a short
refresh interval) served by uvicorn on 127.0.0.1, both on a real `chroma run` server. What is ingested
through one is answered by the other within its refresh interval; both give the same answer to the same
question, and the same register counts.

The two apps share this test's process (and so chromadb's HTTP session to the server, which chromadb
keeps one of per host and port); everything the bot keeps per replica is separate."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from chroma_server import chroma_server
from expectations import DATE, DATE_QUESTION
from small_corpus import copy_documents, write_register_table

from bot.config import Settings
from bot.ingest import ingest
from bot.register.store import RegisterStore
from bot.server import create_app
from bot.store import ChunkStore
from bot.wiring import build_bot, build_register_store, build_store

pytestmark = pytest.mark.slow
REFRESH_S = 1.0
# One answer's time on this 2-core machine under load, on top of the refresh interval.
ANSWER_SLACK_S = 2.0
QUESTIONS = [
    "Which providers must file their own large language model?",
    "What record does filing (备案) put a generative AI service on?",
    "How many generative AI services are in the register?",
]


@dataclass
class Replica:
    settings: Settings
    store: ChunkStore
    register: RegisterStore
    url: str

    def ask(self, question: str) -> dict:
        response = httpx.post(f"{self.url}/api/ask", json={"question": question}, timeout=60)
        assert response.status_code == 200, response.text
        return response.json()

    def documents(self) -> int:
        response = httpx.get(f"{self.url}/api/health", timeout=60)
        assert response.status_code == 200, response.text
        return response.json()["documents"]

    def register_total(self, **filters: str) -> int:
        response = httpx.get(f"{self.url}/api/register", params={**filters, "limit": 1}, timeout=60)
        assert response.status_code == 200, response.text
        return response.json()["total"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("replica-corpus")
    copy_documents(folder, "filing-vs-registration.md", "zh-filing-vs-registration.md")
    write_register_table(folder, "2024-04", 6)
    return folder


@pytest.fixture(scope="module")
def replicas(tmp_path_factory: pytest.TempPathFactory, corpus: Path, live_server) -> list[Replica]:
    with chroma_server(tmp_path_factory.mktemp("chroma")) as server, contextlib.ExitStack() as served:
        made = []
        for name in ("a", "b"):
            settings = Settings(
                data_dir=tmp_path_factory.mktemp(f"replica-{name}"),  # type: ignore[arg-type]
                corpus_dir=corpus,  # type: ignore[arg-type]
                chroma_host=server.host,
                chroma_port=server.port,
                refresh_s=REFRESH_S,
                rate_limit_per_minute=0,
            )
            store, register = build_store(settings), build_register_store(settings)
            app = create_app(build_bot(settings, store, register), settings)
            made.append(Replica(settings, store, register, served.enter_context(live_server(app))))
        first = made[0]
        report = ingest([corpus], first.store, progress=False, register=first.register, corpus=corpus)
        assert report.ok and len(report.added) == 2 and len(report.tables) == 1, report.summary()
        yield made


def wait_for(condition: Callable[[], bool], timeout_s: float, state: Callable[[], object] | None = None) -> float:
    """Seconds until `condition()` holds, polled every 0.1 s; fails after `timeout_s` showing `state()`."""
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > timeout_s:
            pytest.fail(f"not so within {timeout_s} s: {state() if state else ''}")
        time.sleep(0.1)
    return time.monotonic() - started


def test_the_same_question_gets_the_same_answer_from_both_replicas(replicas):
    first, second = replicas
    wait_for(lambda: second.register_total() == 6 and second.documents() == 2, REFRESH_S + ANSWER_SLACK_S)
    for question in QUESTIONS:
        answer = first.ask(question)
        assert second.ask(question) == answer, question
        assert not answer["abstained"], question


def test_an_ingest_through_one_replica_is_answered_by_the_other_within_its_refresh_interval(replicas, corpus):
    first, second = replicas
    assert DATE not in second.ask(DATE_QUESTION)["answer"], "the document is not there yet"
    copy_documents(corpus, "security-standards.md")
    write_register_table(corpus, "2024-08", 5)
    report = ingest([corpus], first.store, progress=False, register=first.register, corpus=corpus)
    assert report.added and len(report.tables) == 1 and report.ok, report.summary()

    def second_has_it() -> bool:
        return second.register_total() == 11 and DATE in second.ask(DATE_QUESTION)["answer"]

    seconds = wait_for(
        second_has_it, REFRESH_S + ANSWER_SLACK_S, lambda: (second.register_total(), second.ask(DATE_QUESTION))
    )
    print(f"\nthe other replica answered from the new document and table {seconds:.2f} s after the ingest")
    assert second.ask(DATE_QUESTION) == first.ask(DATE_QUESTION)


def test_the_register_counts_are_identical_on_both_replicas(replicas):
    first, second = replicas
    wait_for(lambda: second.register_total() == first.register_total() == 11, REFRESH_S + ANSWER_SLACK_S)
    for filters in ({}, {"period": "2024-04"}, {"period": "2024-08"}, {"province": "北京"}, {"series": "genai"}):
        assert first.register_total(**filters) == second.register_total(**filters), filters
    assert first.register_total(period="2024-08") == 5
    health = [httpx.get(f"{r.url}/api/health", timeout=60).json() for r in replicas]
    assert health[0] == health[1] and health[0]["documents"] == 3
