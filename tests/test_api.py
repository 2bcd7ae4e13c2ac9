"""The HTTP API through FastAPI's TestClient, over the real corpus bot."""

import re

import pytest
from expectations import COUNT_QUESTION, FIRST_QUESTION, FOLLOW_UP, speaks_of_labelling, states_the_count
from fastapi.testclient import TestClient

from bot.server import create_app

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client(corpus_bot, corpus_settings):
    with TestClient(create_app(corpus_bot, corpus_settings)) as client:
        yield client


def test_ask_returns_the_answer_with_citations(client):
    response = client.post("/api/ask", json={"question": COUNT_QUESTION})
    assert response.status_code == 200
    data = response.json()
    assert states_the_count(data["answer"]) and data["abstained"] is False and data["language"] == "en"
    assert data["citations"][0]["n"] == 1 and states_the_count(data["citations"][0]["quote"])


def test_ask_accepts_history(client):
    response = client.post(
        "/api/ask",
        json={"question": FOLLOW_UP, "history": [{"role": "user", "content": FIRST_QUESTION}]},
    )
    assert response.status_code == 200
    assert speaks_of_labelling(response.json()["answer"])


@pytest.mark.parametrize(
    ("question", "message"),
    [("", "empty"), ("   ", "empty"), ("q" * 2001, "limit is 2000")],
)
def test_bad_questions_get_422_with_a_message_that_says_why(client, question, message):
    response = client.post("/api/ask", json={"question": question})
    assert response.status_code == 422
    assert message in response.json()["detail"]


def test_a_body_without_a_question_is_422(client):
    assert client.post("/api/ask", json={"history": []}).status_code == 422


def test_health_reports_the_index(client):
    data = client.get("/api/health").json()
    assert data["status"] == "ok" and data["documents"] >= 15 and data["chunks"] > data["documents"]
    assert data["as_of"] and data["languages"]["zh"] >= 5


def test_openapi_docs_are_served(client):
    assert client.get("/docs").status_code == 200
    assert "/api/ask" in client.get("/openapi.json").json()["paths"]


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_api_docs_load_their_scripts_from_this_server_not_a_cdn(client, page):
    """The bot runs offline, so its API docs must too: every script and stylesheet they load is served here."""
    html = client.get(page).text
    assets = re.findall(r'(?:src|href)="([^"]+\.(?:js|css))"', html)
    assert assets, f"{page} loads no script"
    for asset in assets:
        assert asset.startswith("/"), f"{page} loads {asset} from elsewhere"
        assert client.get(asset).status_code == 200, asset


def test_the_chat_page_is_served_at_the_root(client):
    response = client.get("/")
    assert response.status_code == 200 and "<html" in response.text.lower()
