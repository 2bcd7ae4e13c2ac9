"""`POST /api/ask/stream` (server-sent events) on a real uvicorn, read with httpx as a stream."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator

import httpx
import pytest
from expectations import COUNT_QUESTION, FIRST_QUESTION, FOLLOW_UP, speaks_of_labelling, states_the_count

from bot.core import Bot
from bot.errors import ModelUnavailable
from bot.schema import Answer, Passage
from bot.server import create_app
from bot.text import Language

pytestmark = pytest.mark.slow

QUESTION = COUNT_QUESTION


class SteppedAnswerer:
    """A fake answerer that streams "Part one. ", then does what the question says: waits for the
    test to release it ("wait"), breaks ("break"), or loses its model ("model"), then finishes."""

    def __init__(self) -> None:
        self.release = threading.Event()

    def answer(self, question: str, passages: list[Passage], language: Language) -> Answer:
        return Answer("Part one. Part two.", False, language)

    def stream(self, question: str, passages: list[Passage], language: Language) -> Iterator[str | Answer]:
        yield "Part one. "
        if "wait" in question:
            self.release.wait(timeout=30)
        if "break" in question:
            raise RuntimeError("the answerer broke")
        if "model" in question:
            raise ModelUnavailable("The LLM at the configured endpoint failed: connection refused")
        yield "Part two."
        yield self.answer(question, passages, language)


def events(response: httpx.Response) -> Iterator[tuple[str, dict]]:
    """The (event, data) pairs of a server-sent event stream, as they arrive."""
    name, data = "message", []
    for line in response.iter_lines():
        if line.startswith("event:"):
            name = line.removeprefix("event:").strip()
        elif line.startswith("data:"):
            data.append(line.removeprefix("data:").strip())
        elif not line and data:
            yield name, json.loads("\n".join(data))
            name, data = "message", []


@pytest.fixture(scope="module")
def url(corpus_bot, corpus_settings, live_server) -> Iterator[str]:
    with live_server(create_app(corpus_bot, corpus_settings)) as url:
        yield url


@pytest.fixture(scope="module")
def stepped() -> SteppedAnswerer:
    return SteppedAnswerer()


@pytest.fixture(scope="module")
def fake_url(corpus_bot, corpus_settings, stepped, live_server) -> Iterator[str]:
    with live_server(create_app(Bot(corpus_bot.search, stepped), corpus_settings)) as url:
        yield url


def test_stream_sends_deltas_then_citations_then_end(url):
    with httpx.stream("POST", f"{url}/api/ask/stream", json={"question": QUESTION}, timeout=60) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        assert response.headers["cache-control"] == "no-cache" and response.headers["x-accel-buffering"] == "no"
        received = list(events(response))
    names = [name for name, _ in received]
    assert names[-2:] == ["citations", "end"] and set(names[:-2]) == {"delta"} and len(names) > 3
    final = received[-2][1]
    assert "".join(data["text"] for name, data in received if name == "delta") == final["answer"]
    assert states_the_count(final["answer"]) and final["abstained"] is False and final["language"] == "en"
    assert 0 < final["confidence"] <= 1
    assert set(final["citations"][0]) == {"n", "title", "source", "url", "quote", "start", "end"}
    assert any(states_the_count(citation["quote"]) for citation in final["citations"])
    assert received[-1][1] == {}


def test_stream_uses_the_history_for_a_follow_up(url):
    body = {
        "question": FOLLOW_UP,
        "history": [{"role": "user", "content": FIRST_QUESTION}],
    }
    with httpx.stream("POST", f"{url}/api/ask/stream", json=body, timeout=60) as response:
        final = dict(events(response))["citations"]
    assert speaks_of_labelling(final["answer"])


@pytest.mark.parametrize(
    ("body", "message"),
    [({"question": "  "}, "empty"), ({"question": "q" * 2001}, "limit is 2000"), ({"history": []}, "question")],
)
def test_a_bad_question_is_a_plain_422_before_any_stream(url, body, message):
    response = httpx.post(f"{url}/api/ask/stream", json=body, timeout=30)
    assert response.status_code == 422 and response.headers["content-type"] == "application/json"
    assert message in json.dumps(response.json()["detail"])


def test_pieces_arrive_while_the_answer_is_still_being_written(fake_url, stepped):
    """The first delta reaches the client before the answerer finishes, and the server keeps serving meanwhile."""
    stepped.release.clear()
    with httpx.stream("POST", f"{fake_url}/api/ask/stream", json={"question": "wait please"}, timeout=30) as response:
        received = events(response)
        assert next(received) == ("delta", {"text": "Part one. "})
        assert not stepped.release.is_set()
        assert httpx.get(f"{fake_url}/api/health", timeout=5).status_code == 200
        stepped.release.set()
        rest = list(received)
    assert [name for name, _ in rest] == ["delta", "citations", "end"]
    assert rest[1][1]["answer"] == "Part one. Part two."


def test_a_failure_mid_stream_becomes_an_error_event_then_end(fake_url):
    with httpx.stream("POST", f"{fake_url}/api/ask/stream", json={"question": "break now"}, timeout=30) as response:
        assert response.status_code == 200
        received = list(events(response))
    assert received[0] == ("delta", {"text": "Part one. "})
    assert received[1][0] == "error" and received[1][1]["status"] == 500
    assert "server log" in received[1][1]["detail"] and "broke" not in received[1][1]["detail"]
    assert received[2:] == [("end", {})]


def test_a_bot_error_mid_stream_keeps_its_message(fake_url):
    with httpx.stream("POST", f"{fake_url}/api/ask/stream", json={"question": "model gone"}, timeout=30) as response:
        received = list(events(response))
    assert received[1] == (
        "error",
        {"status": 500, "detail": "The LLM at the configured endpoint failed: connection refused"},
    )
    assert received[-1] == ("end", {})


def test_the_openai_sdk_raises_on_a_failure_mid_stream(fake_url):
    openai = pytest.importorskip("openai")
    with openai.OpenAI(base_url=f"{fake_url}/v1", api_key="unused", max_retries=0) as client:
        stream = client.chat.completions.create(
            model="approvals-bot", messages=[{"role": "user", "content": "model gone"}], stream=True
        )
        texts = []
        with pytest.raises(openai.APIError, match="connection refused"):
            for chunk in stream:
                texts.append(chunk.choices[0].delta.content)
    assert "Part one. " in texts


def test_without_an_index_both_apis_say_503(settings_in, live_server):
    from bot.wiring import build_bot

    settings = settings_in()
    with live_server(create_app(build_bot(settings), settings)) as url:
        stream = httpx.post(f"{url}/api/ask/stream", json={"question": QUESTION}, timeout=30)
        chat = {"model": "approvals-bot", "messages": [{"role": "user", "content": QUESTION}], "stream": True}
        completion = httpx.post(f"{url}/v1/chat/completions", json=chat, timeout=30)
        documented = httpx.get(f"{url}/openapi.json").json()["paths"]["/api/ask/stream"]["post"]["responses"]["503"]
    assert stream.status_code == 503 and "python -m bot ingest" in stream.json()["detail"]
    assert stream.json() == documented["content"]["application/json"]["example"]
    assert completion.status_code == 503 and completion.json()["error"]["code"] == "not_indexed"
