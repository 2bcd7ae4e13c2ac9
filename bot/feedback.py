"""Readers' ratings of answers (thumbs up or down, with an optional comment), kept in SQLite, and
their export as evaluation questions for `python -m bot eval`.

It stores and exports; it does not judge answers or change how the bot answers. A thumbs-up on an
answer becomes a regression case (the same answer, from the same sources, is expected again); a
thumbs-down becomes an evaluation case whose expected answer a person fills in.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

RATINGS = ("up", "down")
CHANNELS = ("web", "widget", "api")
MAX_COMMENT_CHARS = 2000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,  -- the answer as JSON, in the form of Answer.to_dict()
    rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    comment TEXT NOT NULL DEFAULT '',
    channel TEXT NOT NULL
)
"""


class FeedbackStore:
    """Feedback rows in one SQLite file; each call opens its own connection, so threads may share a store."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute(_SCHEMA)

    def record(
        self, *, question: str, answer: dict[str, Any], rating: str, comment: str = "", channel: str = "web"
    ) -> int:
        """Stores one rating of `answer` (an `Answer.to_dict()`) and returns its id."""
        if rating not in RATINGS:
            raise ValueError(f"rating must be one of {RATINGS}, not {rating!r}")
        if channel not in CHANNELS:
            raise ValueError(f"channel must be one of {CHANNELS}, not {channel!r}")
        if len(comment) > MAX_COMMENT_CHARS:
            raise ValueError(f"the comment is {len(comment)} characters long; the limit is {MAX_COMMENT_CHARS}")
        created_at = datetime.now(UTC).isoformat(timespec="seconds")
        with self._connect() as db:
            cursor = db.execute(
                "INSERT INTO feedback (created_at, question, answer, rating, comment, channel)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (created_at, question, json.dumps(answer, ensure_ascii=False), rating, comment, channel),
            )
            return int(cursor.lastrowid or 0)

    def rows(self) -> Iterator[dict[str, Any]]:
        """Every stored rating, oldest first, with the answer decoded."""
        with self._connect() as db:
            db.row_factory = sqlite3.Row
            for row in db.execute("SELECT * FROM feedback ORDER BY id"):
                yield {**dict(row), "answer": json.loads(row["answer"])}

    def export(self, out: Path) -> int:
        """Writes every rating to `out` as evaluation questions (JSON lines); returns how many."""
        out.parent.mkdir(parents=True, exist_ok=True)
        count = 0
        with out.open("w", encoding="utf-8") as handle:
            for row in self.rows():
                handle.write(json.dumps(as_eval_question(row), ensure_ascii=False) + "\n")
                count += 1
        return count

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=10)
        try:
            with db:  # commits, or rolls back on an error
                yield db
        finally:
            db.close()


def as_eval_question(row: dict[str, Any]) -> dict[str, Any]:
    """One rating in the format of the evaluation questions (see `bot.evaluate.load_questions`).

    Thumbs up on an answer: answerable, the answer given is the expected answer and its cited sources
    are the gold documents. Thumbs up on an abstention: not answerable (the bot was right to decline).
    Thumbs down: `answerable` is null and `answers` empty, for a person to fill in from the comment.
    """
    answer = row["answer"]
    citations = answer.get("citations") or []
    # Rows stored before the API checked citations may lack a source: they just name no gold document.
    sources = [c["source"] for c in citations if isinstance(c, dict) and isinstance(c.get("source"), str)]
    abstained = bool(answer.get("abstained"))
    liked = row["rating"] == "up"
    return {
        "qid": f"feedback-{row['id']}",
        "question": row["question"],
        "answers": [answer.get("answer", "")] if liked and not abstained else [],
        "answerable": (not abstained) if liked else None,
        "gold_doc_ids": list(dict.fromkeys(sources)) if liked and not abstained else [],
        "lang": answer.get("language"),
        "rating": row["rating"],
        "comment": row["comment"],
        "answer_given": answer.get("answer", ""),
        "abstained": abstained,
        "citations": citations,
        "channel": row["channel"],
        "created_at": row["created_at"],
    }
