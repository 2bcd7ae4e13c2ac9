"""The Chroma server goes away while the bot serves: every edge (/api/ask, its stream, /v1 with and without
streaming, /api/register, /api/health) says so with a 503 within BOT_CHROMA_TIMEOUT_S, never a 500 or a
hang, and the service comes back by itself when the server does, without restarting the bot. Real
processes: a `chroma run` server (stopped, frozen with SIGSTOP, restarted on the same port and folder) and
the app under uvicorn on 127.0.0.1."""

from __future__ import annotations

import time

import httpx
import pytest
from chroma_server import chroma_server
from small_corpus import copy_documents, write_register_table

from bot.config import Settings
from bot.ingest import ingest
from bot.server import create_app
from bot.wiring import build_bot, build_register_store, build_store

pytestmark = pytest.mark.slow
REFRESH_S = 0.5
TIMEOUT_S = 2.0
SLACK_S = 1.5  # one request's own time on a loaded 2-core machine
RECOVERY_LIMIT_S = 30.0
QUESTION = "How many chapters make up the Interim Measures?"
REQUESTS: dict[str, tuple[str, str, dict | None]] = {
    "ask": ("POST", "/api/ask", {"question": QUESTION}),
    "ask stream": ("POST", "/api/ask/stream", {"question": QUESTION}),
    "v1": ("POST", "/v1/chat/completions", {"messages": [{"role": "user", "content": QUESTION}]}),
    "v1 stream": (
        "POST",
        "/v1/chat/completions",
        {"messages": [{"role": "user", "content": QUESTION}], "stream": True},
    ),
    "register": ("GET", "/api/register?province=北京", None),
    "register, all rows": ("GET", "/api/register", None),
    "health": ("GET", "/api/health", None),
}


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, live_server):
    corpus = tmp_path_factory.mktemp("outage-corpus")
    copy_documents(corpus, "filing-vs-registration.md")
    write_register_table(corpus, "2024-04", 6)
    with chroma_server(tmp_path_factory.mktemp("chroma")) as server:
        settings = Settings(
            data_dir=tmp_path_factory.mktemp("outage-data"),  # type: ignore[arg-type]
            corpus_dir=corpus,  # type: ignore[arg-type]
            chroma_host=server.host,
            chroma_port=server.port,
            chroma_timeout_s=TIMEOUT_S,
            refresh_s=REFRESH_S,
            rate_limit_per_minute=0,
        )
        store, register = build_store(settings), build_register_store(settings)
        assert ingest([corpus], store, progress=False, register=register, corpus=corpus).ok
        with live_server(create_app(build_bot(settings, store, register), settings)) as url:
            yield server, url, settings


def call(url: str, name: str) -> tuple[httpx.Response, float]:
    """The response to one of `REQUESTS`, and the seconds it took (the client waits far longer than the bot)."""
    method, path, body = REQUESTS[name]
    started = time.monotonic()
    response = httpx.request(method, f"{url}{path}", json=body, timeout=60)
    return response, time.monotonic() - started


def message_of(response: httpx.Response) -> str:
    body = response.json()
    return body["error"]["message"] if "error" in body else body["detail"]


def every_request_is_refused_as_unavailable(url: str) -> float:
    """Asserts a clear 503 from every edge; returns the longest wait."""
    longest = 0.0
    for name in REQUESTS:
        response, seconds = call(url, name)
        assert response.status_code == 503, (name, response.status_code, response.text[:300])
        assert "unavailable" in message_of(response) and "Chroma" in message_of(response), name
        assert seconds < TIMEOUT_S + SLACK_S, (name, seconds)
        longest = max(longest, seconds)
    return longest


def seconds_until_answered(url: str) -> float:
    started = time.monotonic()
    while call(url, "ask")[0].status_code != 200:
        if time.monotonic() - started > RECOVERY_LIMIT_S:
            pytest.fail(f"the bot did not answer again within {RECOVERY_LIMIT_S} s of the store's return")
        time.sleep(0.1)
    return time.monotonic() - started


def every_request_is_answered(url: str) -> None:
    for name in REQUESTS:
        response, _ = call(url, name)
        assert response.status_code == 200, (name, response.text[:300])


def test_a_stopped_chroma_server_gives_503_and_the_service_comes_back_by_itself(served):
    server, url, _ = served
    every_request_is_answered(url)
    server.stop()
    time.sleep(REFRESH_S)  # a replica may answer from its own copy for one refresh interval
    longest = every_request_is_refused_as_unavailable(url)
    restart = server.start()
    back = seconds_until_answered(url)
    every_request_is_answered(url)
    print(
        f"\nstopped: 503 from all {len(REQUESTS)} requests, the slowest in {longest:.2f} s; "
        f"server restarted in {restart:.2f} s, the bot answered again {back:.2f} s after that"
    )


def test_a_hung_chroma_server_gives_503_within_the_timeout_and_the_service_comes_back(served):
    server, url, _ = served
    every_request_is_answered(url)
    server.freeze()
    try:
        time.sleep(REFRESH_S)
        longest = every_request_is_refused_as_unavailable(url)
    finally:
        server.thaw()
    back = seconds_until_answered(url)
    every_request_is_answered(url)
    print(
        f"\nfrozen: 503 from all {len(REQUESTS)} requests, the slowest in {longest:.2f} s "
        f"(timeout {TIMEOUT_S} s); the bot answered again {back:.2f} s after the server thawed"
    )


def test_a_server_back_without_its_data_gives_not_indexed_until_an_ingest(served, tmp_path):
    """Collections are addressed by id: on a server restarted on an empty folder the stores open theirs again
    by name, the bot says nothing is indexed (503, not 500), and answers once something is ingested."""
    server, url, settings = served
    server.stop()
    server.path = tmp_path / "empty-chroma"
    server.start()
    time.sleep(REFRESH_S)
    response, _ = call(url, "ask")
    assert response.status_code == 503 and "No documents are indexed" in message_of(response), response.text
    store, register = build_store(settings), build_register_store(settings)
    corpus = settings.corpus_dir
    assert ingest([corpus], store, progress=False, register=register, corpus=corpus).ok
    back = seconds_until_answered(url)
    every_request_is_answered(url)
    print(f"\nserver back on an empty folder: 503 'not indexed'; answered {back:.2f} s after a new ingest")
