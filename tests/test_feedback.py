"""Readers' ratings: stored through `POST /api/feedback` on a real uvicorn, kept in SQLite, and exported
by `python -m bot feedback --export` (a subprocess) as evaluation questions `bot eval` can read. PostgreSQL,
replicas sharing one store and outages are in tests/test_shared_state.py."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bot.errors import FeedbackUnavailable
from bot.evaluate import load_questions
from bot.feedback import FeedbackStore
from bot.server import create_app

REPO = Path(__file__).resolve().parent.parent
QUESTION = "How many models did the Harbour batch approve?"
CITATION = {
    "n": 1,
    "title": "January 2024 batch",
    "source": "corpus/batch-2024-01.md",
    "url": None,
    "quote": "14 were approved.",
    "start": 10,
    "end": 27,
}
ANSWERED = {"answer": "14 were approved. [1]", "abstained": False, "language": "en", "citations": [CITATION]}
DECLINED = {"answer": "The documents don't cover this.", "abstained": True, "language": "en", "citations": [CITATION]}


def test_ratings_export_as_evaluation_questions(tmp_path):
    store = FeedbackStore(tmp_path / "feedback.sqlite3")
    up = store.record(question=QUESTION, answer=ANSWERED, rating="up", channel="widget")
    declined = store.record(question="Any fines?", answer=DECLINED, rating="up")
    down = store.record(question="Who chairs the CAC?", answer=ANSWERED, rating="down", comment="Wrong: ask Li.")
    out = tmp_path / "out" / "feedback.jsonl"
    assert store.export(out) == 3
    liked, agreed, disliked = load_questions(out)
    assert liked["qid"] == f"feedback-{up}" and liked["question"] == QUESTION
    assert liked["answerable"] is True and liked["answers"] == ["14 were approved. [1]"]
    assert liked["gold_doc_ids"] == ["corpus/batch-2024-01.md"] and liked["citations"] == [CITATION]
    assert liked["lang"] == "en" and liked["rating"] == "up" and liked["channel"] == "widget" and liked["created_at"]
    assert agreed["qid"] == f"feedback-{declined}" and agreed["answerable"] is False and agreed["answers"] == []
    assert disliked["qid"] == f"feedback-{down}" and disliked["answerable"] is None and disliked["answers"] == []
    assert disliked["gold_doc_ids"] == [] and disliked["comment"] == "Wrong: ask Li."
    assert disliked["answer_given"] == "14 were approved. [1]" and disliked["citations"] == [CITATION]


def test_the_export_is_in_the_golden_sets_format(tmp_path):
    store = FeedbackStore(tmp_path / "feedback.sqlite3")
    store.record(question=QUESTION, answer=ANSWERED, rating="up")
    store.export(tmp_path / "feedback.jsonl")
    [exported] = load_questions(tmp_path / "feedback.jsonl")
    golden = load_questions(REPO / "tests" / "golden" / "questions.jsonl")
    assert {key for question in golden for key in question} <= set(exported)


def test_ratings_from_many_threads_all_land(tmp_path):
    store = FeedbackStore(tmp_path / "feedback.sqlite3")
    ids: list[int] = []

    def rate() -> None:
        for _ in range(10):
            ids.append(store.record(question=QUESTION, answer=ANSWERED, rating="up"))

    threads = [threading.Thread(target=rate) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(ids) == list(range(1, 41)) and len(list(store.rows())) == 40


def test_a_row_whose_citations_lack_a_source_still_exports(tmp_path):
    """One odd row must not stop the export of all the others."""
    store = FeedbackStore(tmp_path / "feedback.sqlite3")
    store.record(question=QUESTION, answer={**ANSWERED, "citations": [{"n": 1, "title": "t"}]}, rating="up")
    store.record(question=QUESTION, answer=ANSWERED, rating="up")
    out = tmp_path / "feedback.jsonl"
    assert store.export(out) == 2
    odd, good = load_questions(out)
    assert odd["gold_doc_ids"] == [] and good["gold_doc_ids"] == ["corpus/batch-2024-01.md"]


def test_a_bad_rating_is_refused(tmp_path):
    with pytest.raises(ValueError, match="rating"):
        FeedbackStore(tmp_path / "f.sqlite3").record(question=QUESTION, answer=ANSWERED, rating="meh")


def test_a_file_written_before_sqlalchemy_is_read_and_extended(tmp_path):
    path = tmp_path / "feedback.sqlite3"
    with sqlite3.connect(path) as db:  # the table as the store created it before it used SQLAlchemy
        db.execute(
            "CREATE TABLE feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT NULL,"
            " question TEXT NOT NULL, answer TEXT NOT NULL, rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),"
            " comment TEXT NOT NULL DEFAULT '', channel TEXT NOT NULL)"
        )
        db.execute(
            "INSERT INTO feedback (created_at, question, answer, rating, channel) VALUES (?, ?, ?, ?, ?)",
            ("2025-01-01T00:00:00+00:00", QUESTION, json.dumps(ANSWERED), "up", "web"),
        )
    db.close()
    store = FeedbackStore(path)
    assert store.record(question="Any fines?", answer=DECLINED, rating="down") == 2
    old, new = store.rows()
    assert old["answer"] == ANSWERED and old["comment"] == "" and new["answer"] == DECLINED


def test_an_unreachable_database_is_a_clear_error_naming_it(tmp_path):
    from services import free_port

    store = FeedbackStore(f"postgresql+psycopg://bot:secret@127.0.0.1:{free_port()}/feedback")
    with pytest.raises(FeedbackUnavailable, match="cannot be reached") as refused:
        store.record(question=QUESTION, answer=ANSWERED, rating="up")
    assert "postgresql+psycopg://bot:***@127.0.0.1" in str(refused.value) and "secret" not in str(refused.value)
    with pytest.raises(FeedbackUnavailable, match="Ratings already stored there are kept"):
        store.export(tmp_path / "out.jsonl")
    assert not (tmp_path / "out.jsonl").exists() and list(tmp_path.iterdir()) == []


@pytest.fixture(scope="module")
def served(corpus_bot, corpus_settings, live_server, tmp_path_factory) -> Iterator[tuple[str, FeedbackStore]]:
    data = tmp_path_factory.mktemp("feedback-data")
    settings = corpus_settings.model_copy(update={"data_dir": data})
    with live_server(create_app(corpus_bot, settings)) as url:
        yield url, FeedbackStore(settings.feedback_path)


@pytest.mark.slow
def test_posting_feedback_stores_it_in_the_data_folder(served):
    url, store = served
    body = {**ANSWERED, "question": QUESTION, "rating": "down", "comment": "Too short.", "channel": "widget"}
    response = httpx.post(f"{url}/api/feedback", json=body, headers={"Origin": url})
    assert response.status_code == 201
    row = next(r for r in store.rows() if r["id"] == response.json()["id"])
    assert row["question"] == QUESTION and row["rating"] == "down" and row["comment"] == "Too short."
    assert row["channel"] == "widget" and row["answer"] == ANSWERED


@pytest.mark.slow
@pytest.mark.parametrize(
    "change",
    [
        {"rating": "meh"},
        {"comment": "x" * 2001},
        {"channel": "email"},
        {"question": ""},
        {"language": "fr"},
        {"citations": [{"n": 1, "title": "no source, quote or offsets"}]},
    ],
)
def test_bad_feedback_is_422(served, change):
    url, _ = served
    body = {**ANSWERED, "question": QUESTION, "rating": "up", **change}
    assert httpx.post(f"{url}/api/feedback", json=body).status_code == 422


@pytest.mark.slow
def test_cli_exports_the_ratings_for_bot_eval(tmp_path):
    store = FeedbackStore(tmp_path / "data" / "feedback.sqlite3")
    store.record(question=QUESTION, answer=ANSWERED, rating="up")
    store.record(question="港口批次批准了多少个模型？", answer={**DECLINED, "language": "zh"}, rating="down")
    env = {**os.environ, "BOT_DATA_DIR": str(tmp_path / "data"), "HF_HUB_OFFLINE": "1"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "bot", "feedback", *args]
        return subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=300)

    out = tmp_path / "feedback.jsonl"
    exported = run("--export", str(out))
    assert exported.returncode == 0, exported.stderr
    assert "Wrote 2 rated answers" in exported.stdout
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines == load_questions(out)
    assert [q["qid"] for q in lines] == ["feedback-1", "feedback-2"]
    assert lines[1]["question"] == "港口批次批准了多少个模型？" and lines[1]["lang"] == "zh"
    counted = run()
    assert counted.returncode == 0 and "2 rated answers (1 up, 1 down)" in counted.stdout
