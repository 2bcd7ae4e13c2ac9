"""Hostile input to the HTTP APIs, each refused cleanly, with a 4xx and a message that says what was wrong:
a body that is not UTF-8, deeply nested JSON, a history of 10,000 messages, control characters and lone
surrogates, a single 1 MB line (as a question, and as the request line itself). Over the real corpus bot."""

from __future__ import annotations

import contextlib
import json
import socket
from urllib.parse import urlsplit

import pytest
from expectations import DATE, DATE_QUESTION
from fastapi.testclient import TestClient

from bot.server import create_app

pytestmark = pytest.mark.slow
POSTS = ["/api/ask", "/api/ask/stream", "/api/feedback", "/v1/chat/completions"]
ONE_MB = 1_000_000


@pytest.fixture(scope="module")
def settings(corpus_settings):
    return corpus_settings.model_copy(update={"rate_limit_per_minute": 0})


@pytest.fixture(scope="module")
def client(corpus_bot, settings):
    with TestClient(create_app(corpus_bot, settings)) as client:
        yield client


@pytest.fixture(scope="module")
def roomy_client(corpus_bot, settings):
    """Bodies up to 2 MB get past the size cap, so the API's own refusals show."""
    with TestClient(create_app(corpus_bot, settings.model_copy(update={"max_body_bytes": 2 * ONE_MB}))) as client:
        yield client


def refusal(response, path: str) -> str:
    """The refusal's message, after checking its status and shape for the API family."""
    body = response.json()
    if path.startswith("/v1/"):
        assert response.status_code == 400, response.text[:300]
        return body["error"]["message"]
    assert response.status_code == 422, response.text[:300]
    return body["detail"] if isinstance(body["detail"], str) else json.dumps(body["detail"])


def body_for(path: str, text: str) -> dict:
    if path == "/v1/chat/completions":
        return {"messages": [{"role": "user", "content": text}]}
    if path == "/api/feedback":
        return {"question": text, "answer": "an answer", "rating": "up"}
    return {"question": text}


@pytest.mark.parametrize("path", POSTS)
def test_a_body_that_is_not_utf8_is_refused(client, path):
    raw = b'{"question": "caf\xe9 \xff"}'
    response = client.post(path, content=raw, headers={"content-type": "application/json"})
    assert "not valid UTF-8 (byte 17 is 0xe9)" in refusal(response, path)


@pytest.mark.parametrize("depth", [33, 500, 30_000])
@pytest.mark.parametrize("path", POSTS)
def test_deeply_nested_json_is_refused(client, path, depth):
    raw = json.dumps(body_for(path, "When?"))[:-1] + ', "x": ' + "[" * depth + "]" * depth + "}"
    response = client.post(path, content=raw, headers={"content-type": "application/json"})
    assert "nested more than 32 levels deep" in refusal(response, path)


def test_a_history_of_10000_messages_is_refused(client, roomy_client):
    history = [{"role": "user", "content": "hello"}, {"role": "assistant", "content": "hi"}] * 5_000
    response = client.post("/api/ask", json={"question": DATE_QUESTION, "history": history})
    assert response.status_code == 413 and "larger than 65536 bytes" in response.json()["detail"]
    response = roomy_client.post("/api/ask", json={"question": DATE_QUESTION, "history": history})
    assert "at most 50 items" in refusal(response, "/api/ask")
    messages = [*history, {"role": "user", "content": DATE_QUESTION}]
    response = roomy_client.post("/v1/chat/completions", json={"messages": messages})
    assert "at most 100 items" in refusal(response, "/v1/chat/completions")


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x08", "\x1b", "\x7f", "\x85"])
@pytest.mark.parametrize("path", POSTS)
def test_control_characters_are_refused(client, path, char):
    response = client.post(path, json=body_for(path, f"When did {char}the provisions take effect?"))
    assert f"control character (U+{ord(char):04X})" in refusal(response, path)


def test_control_characters_in_the_history_are_refused(client):
    history = [{"role": "user", "content": "first\x1b[31m question"}]
    response = client.post("/api/ask", json={"question": DATE_QUESTION, "history": history})
    assert "control character (U+001B)" in refusal(response, "/api/ask")


def test_tabs_and_line_breaks_are_not_refused(client):
    response = client.post("/api/ask", json={"question": DATE_QUESTION.replace(" ", "\t", 1) + "\r\n"})
    assert response.status_code == 200 and DATE in response.json()["answer"]


@pytest.mark.parametrize("path", POSTS)
def test_a_lone_surrogate_is_refused(client, path):
    raw = json.dumps(body_for(path, "When did the provisions take effect? PLACEHOLDER")).replace(
        "PLACEHOLDER", "\\ud800"
    )
    response = client.post(path, content=raw, headers={"content-type": "application/json"})
    assert "lone UTF-16 surrogate (U+D800)" in refusal(response, path)


def test_a_character_outside_the_bmp_sent_as_a_surrogate_pair_is_text(client):
    raw = json.dumps({"question": DATE_QUESTION + " \U0001f600"})  # json.dumps escapes it as a pair
    response = client.post("/api/ask", content=raw, headers={"content-type": "application/json"})
    assert response.status_code == 200 and DATE in response.json()["answer"]


@pytest.mark.parametrize("path", POSTS)
def test_a_single_1_mb_line_is_refused(client, roomy_client, path):
    body = body_for(path, "a" * ONE_MB)
    response = client.post(path, json=body)
    assert response.status_code == 413, response.text[:300]
    response = roomy_client.post(path, json=body)
    if path == "/api/feedback":
        assert "at most 20000 characters" in refusal(response, path)
    else:
        assert f"The question is {ONE_MB} characters long; the limit is 2000" in refusal(response, path)


def test_a_1_mb_request_line_is_refused_by_the_server(corpus_bot, settings, live_server):
    """Too long a URL never reaches the app: uvicorn answers 400 and closes the connection."""
    with live_server(create_app(corpus_bot, settings)) as url:
        parts = urlsplit(url)
        with socket.create_connection((parts.hostname, parts.port), timeout=30) as sock:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # it may stop reading at once
                sock.sendall(b"GET /api/register?q=" + b"a" * ONE_MB + b" HTTP/1.1\r\nHost: x\r\n\r\n")
            reply = sock.recv(4096)
        assert reply.startswith(b"HTTP/1.1 400 ")
        with TestClient(create_app(corpus_bot, settings)) as client:
            response = client.get("/api/register", params={"q": "a" * 201})
            assert response.status_code == 422 and "at most 200 characters" in response.text


@pytest.mark.parametrize(("method", "path"), [("TRACE", "/api/ask"), ("GET", "/api/ask"), ("DELETE", "/v1/models")])
def test_a_method_a_path_does_not_take_gets_405_with_allow(client, method, path):
    response = client.request(method, path)
    assert response.status_code == 405 and response.headers["allow"] in ("POST", "GET")
    assert f"{method} is not a method of {path}" in response.text


def test_a_one_value_parameter_given_twice_is_refused(client):
    response = client.get("/api/register?q=a&q=b")
    assert response.status_code == 422 and "'q' takes one value" in response.json()["detail"]
