"""Safe by default: the Origin check and CORS, API keys, the rate limit and the body cap, on a real
uvicorn with real HTTP requests; plus origins and the rate limit's window on their own. The limit shared
through Redis by several replicas is in tests/test_shared_state.py."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator

import httpx
import pytest
from expectations import COUNT_QUESTION, states_the_count

from bot.config import Settings
from bot.guard import normalize_origin
from bot.ratelimit import RateLimit
from bot.server import create_app

QUESTION = COUNT_QUESTION
ALLOWED = "http://127.0.0.1:9000"
PREFLIGHT = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}
EVIL = "https://evil.example"
REFUSAL = (
    "This site (https://evil.example) is not allowed to use this bot. "
    "The bot's owner can add it to BOT_ALLOWED_ORIGINS."
)


@pytest.mark.parametrize(
    ("given", "normal"),
    [
        ("http://Example.ORG/", "http://example.org"),
        ("https://example.org:443", "https://example.org"),
        ("http://example.org:80", "http://example.org"),
        ("http://127.0.0.1:9000", "http://127.0.0.1:9000"),
        ("http://[::1]:8080", "http://[::1]:8080"),
        ("null", "null"),
    ],
)
def test_origins_compare_in_normal_form(given, normal):
    assert normalize_origin(given) == normal


def test_the_window_admits_the_limit_then_says_when_the_oldest_request_leaves_it():
    async def waits() -> tuple[list[float], float]:
        limit = RateLimit(per_minute=3)
        admitted = [await limit.wait("a") for _ in range(3)]
        return [*admitted, await limit.wait("a"), await limit.wait("a")], await limit.wait("b")

    (first, second, third, refused, again), other = asyncio.run(waits())
    assert [first, second, third] == [0.0, 0.0, 0.0]
    assert 59 < refused <= 60 and 59 < again <= refused, "the first request leaves the 60 s window in about 60 s"
    assert other == 0.0, "each client has its own window"
    assert RateLimit.retry_after(refused) == 60 and RateLimit.retry_after(0.001) == 1


def test_a_limit_of_zero_means_no_limit():
    async def waits() -> list[float]:
        limit = RateLimit(per_minute=0)
        return [await limit.wait("a") for _ in range(1000)]

    assert set(asyncio.run(waits())) == {0.0}


@pytest.fixture(scope="module")
def default_url(corpus_bot, corpus_settings, live_server) -> Iterator[str]:
    with live_server(create_app(corpus_bot, corpus_settings)) as url:
        yield url


@pytest.fixture(scope="module")
def guarded_url(corpus_bot, corpus_settings: Settings, live_server) -> Iterator[str]:
    settings = corpus_settings.model_copy(
        update={
            "allowed_origins": f"{ALLOWED}, https://docs.example.org",
            "api_keys": "key-one,key-two",
            "rate_limit_per_minute": 4,
            "max_body_bytes": 4096,
        }
    )
    with live_server(create_app(corpus_bot, settings)) as url:
        yield url


@pytest.mark.slow
def test_by_default_another_site_is_refused_with_a_readable_403(default_url):
    response = httpx.post(f"{default_url}/api/ask", json={"question": QUESTION}, headers={"Origin": EVIL})
    assert response.status_code == 403
    assert response.json() == {"detail": REFUSAL}
    assert response.headers["access-control-allow-origin"] == EVIL


@pytest.mark.slow
def test_by_default_the_servers_own_pages_may_ask(default_url):
    response = httpx.post(f"{default_url}/api/ask", json={"question": QUESTION}, headers={"Origin": default_url})
    assert response.status_code == 200 and states_the_count(response.json()["answer"])
    assert response.headers["access-control-allow-origin"] == default_url


@pytest.mark.slow
def test_a_refused_sites_preflight_passes_so_the_browser_can_read_the_refusal(default_url):
    response = httpx.options(f"{default_url}/api/ask/stream", headers={"Origin": EVIL, **PREFLIGHT})
    assert response.status_code == 204
    assert response.headers["access-control-allow-origin"] == EVIL
    assert "content-type" in response.headers["access-control-allow-headers"].lower()


@pytest.mark.slow
def test_gradio_routes_are_not_subject_to_the_origin_check(default_url):
    assert httpx.get(f"{default_url}/", headers={"Origin": EVIL}).status_code == 200


@pytest.mark.slow
def test_an_allowed_origin_gets_answers_and_cors_headers(guarded_url):
    preflight = httpx.options(f"{guarded_url}/api/ask", headers={"Origin": ALLOWED, **PREFLIGHT})
    assert preflight.status_code == 204 and preflight.headers["access-control-allow-origin"] == ALLOWED
    methods = preflight.headers["access-control-allow-methods"].replace(" ", "").split(",")
    assert set(methods) == {"GET", "POST", "OPTIONS"}
    body = {"question": QUESTION}
    response = httpx.post(f"{guarded_url}/api/ask", json=body, headers={"Origin": ALLOWED}, timeout=60)
    assert response.status_code == 200 and states_the_count(response.json()["answer"])
    assert response.headers["access-control-allow-origin"] == ALLOWED and "Origin" in response.headers["vary"]


@pytest.mark.slow
def test_a_site_not_in_the_list_is_refused(guarded_url):
    response = httpx.get(f"{guarded_url}/api/health", headers={"Origin": EVIL})
    assert response.status_code == 403 and response.json()["detail"] == REFUSAL


@pytest.mark.slow
@pytest.mark.parametrize(
    ("authorization", "message"),
    [(None, "needs a key"), ("Bearer key-three", "not valid"), ("Basic key-one", "not valid")],
)
def test_a_program_without_a_right_key_gets_401(guarded_url, authorization, message):
    headers = {"Authorization": authorization} if authorization else {}
    response = httpx.post(f"{guarded_url}/api/ask", json={"question": QUESTION}, headers=headers)
    assert response.status_code == 401 and message in response.json()["detail"]
    assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.slow
def test_a_program_with_a_right_key_gets_the_answer(guarded_url):
    headers = {"Authorization": "Bearer key-one"}
    response = httpx.post(f"{guarded_url}/api/ask", json={"question": QUESTION}, headers=headers, timeout=60)
    assert response.status_code == 200 and states_the_count(response.json()["answer"])


@pytest.mark.slow
def test_health_needs_no_key(guarded_url):
    assert httpx.get(f"{guarded_url}/api/health").status_code == 200


@pytest.mark.slow
def test_over_the_rate_limit_is_429_with_retry_after(guarded_url):
    headers = {"Authorization": "Bearer key-two"}
    ask = f"{guarded_url}/api/ask"
    statuses = [httpx.post(ask, json={"question": ""}, headers=headers).status_code for _ in range(4)]
    assert statuses == [422] * 4
    response = httpx.post(f"{guarded_url}/api/ask", json={"question": ""}, headers=headers)
    assert response.status_code == 429 and "limit is 4 a minute" in response.json()["detail"]
    # The window is 60 s: the first of the four requests leaves it, and a fifth may go, within a minute.
    assert 50 <= int(response.headers["retry-after"]) <= 60
    assert httpx.get(f"{guarded_url}/api/health", headers=headers).status_code == 200, "health is not rate limited"


@pytest.mark.slow
def test_a_body_over_the_limit_is_413(guarded_url):
    headers = {"Authorization": "Bearer key-one"}
    response = httpx.post(f"{guarded_url}/api/ask", json={"question": "x" * 5000}, headers=headers)
    assert response.status_code == 413 and "larger than 4096 bytes" in response.json()["detail"]


@pytest.mark.slow
def test_a_streamed_body_without_length_is_counted_too(guarded_url):
    def chunks() -> Iterator[bytes]:
        yield b'{"question": "'
        for _ in range(10):
            yield b"x" * 1000
        yield b'"}'

    headers = {"Authorization": "Bearer key-one", "Content-Type": "application/json"}
    response = httpx.post(f"{guarded_url}/api/ask", content=chunks(), headers=headers)
    assert "content-length" not in response.request.headers
    assert response.status_code == 413 and "larger than 4096 bytes" in response.json()["detail"]


def _same_form(text: str) -> str:
    """A message with its numbers and web addresses blanked, to compare a real body with a documented one."""
    return re.sub(r"\d+", "N", re.sub(r"https?://[^)\s]+", "ORIGIN", text))


@pytest.mark.slow
def test_the_api_docs_show_the_refusals_the_guard_really_sends(corpus_bot, corpus_settings, live_server):
    settings = corpus_settings.model_copy(update={"api_keys": "key-one", "rate_limit_per_minute": 1})
    with live_server(create_app(corpus_bot, settings)) as url:
        paths = httpx.get(f"{url}/openapi.json").json()["paths"]
        feedback = {"question": "q", "answer": "a", "rating": "up", "channel": "api"}
        key = {"Authorization": "Bearer key-one"}
        real = {
            401: httpx.post(f"{url}/api/feedback", json=feedback),
            403: httpx.post(f"{url}/api/feedback", json=feedback, headers={"Origin": EVIL}),
            413: httpx.post(f"{url}/api/feedback", json={**feedback, "answer": "x" * 70_000}, headers=key),
        }
        assert httpx.post(f"{url}/api/feedback", json=feedback, headers=key).status_code == 201
        real[429] = httpx.post(f"{url}/api/feedback", json=feedback, headers=key)
    for path in ("/api/ask", "/api/ask/stream", "/api/feedback"):
        documented = paths[path]["post"]["responses"]
        assert {"401", "403", "413", "429"} <= set(documented), path
        for status, response in real.items():
            example = documented[str(status)]["content"]["application/json"]["example"]
            assert response.status_code == status and set(response.json()) == set(example) == {"detail"}
            assert _same_form(response.json()["detail"]) == _same_form(example["detail"]), (path, status)
    assert "Retry-After" in paths["/api/ask"]["post"]["responses"]["429"]["headers"]
    assert {"503", "422"} <= set(paths["/api/ask"]["post"]["responses"])
    assert set(paths["/api/feedback"]["post"]["requestBody"]["content"]["application/json"]["schema"]) == {"$ref"}
