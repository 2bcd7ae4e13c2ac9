"""Readers' ratings of answers (thumbs up or down, with an optional comment), kept through SQLAlchemy, and
their export as evaluation questions for `python -m bot eval`.

The store is SQLite in `BOT_DATA_DIR/feedback.sqlite3` by default, or the database `BOT_DATABASE_URL` names
(PostgreSQL through psycopg 3 when replicas share one store); the table and the export are the same on both.
When the database cannot be reached, each call raises `FeedbackUnavailable` (the API answers 503), nothing
stored is touched, and the next call tries again: pooled connections are checked before use, so the store
works again once the database is back, without a restart.

It stores and exports; it does not judge answers or change how the bot answers. A thumbs-up on an
answer becomes a regression case (the same answer, from the same sources, is expected again); a
thumbs-down becomes an evaluation case whose expected answer a person fills in.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import CheckConstraint, Column, Integer, MetaData, Table, Text, create_engine, inspect, select
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.schema import CreateTable

from bot.errors import FeedbackUnavailable

RATINGS = ("up", "down")
CHANNELS = ("web", "widget", "api")
MAX_COMMENT_CHARS = 2000
CONNECT_TIMEOUT_S = 5  # a database server that does not answer within this is reported unreachable

metadata = MetaData()
feedback_table = Table(
    "feedback",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", Text, nullable=False),  # ISO 8601 in UTC, to the second
    Column("question", Text, nullable=False),
    Column("answer", Text, nullable=False),  # the answer as JSON, in the form of Answer.to_dict()
    Column("rating", Text, CheckConstraint("rating IN ('up', 'down')"), nullable=False),
    Column("comment", Text, nullable=False, server_default=""),
    Column("channel", Text, nullable=False),
    sqlite_autoincrement=True,  # ids are never reused, as in the files written before SQLAlchemy
)


def now_in_utc() -> datetime:
    return datetime.now(UTC)


def feedback_engine(url: str) -> Engine:
    """An engine for `url` whose pooled connections are checked before each use (`pool_pre_ping`)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        connect_args: dict[str, Any] = {"timeout": 10}  # seconds to wait for another writer's lock
    elif parsed.get_backend_name() == "postgresql":
        connect_args = {"connect_timeout": CONNECT_TIMEOUT_S}
    else:
        connect_args = {}
    return create_engine(parsed, pool_pre_ping=True, connect_args=connect_args)


class FeedbackStore:
    """Feedback rows in one database; threads (and replicas, on a database server) may share it.

    `where` is a SQLAlchemy URL (`sqlite:///path`, `postgresql+psycopg://user:pw@host/db`) or the path of a
    SQLite file.
    """

    def __init__(self, where: str | Path, now: Callable[[], datetime] = now_in_utc) -> None:
        url = where if isinstance(where, str) else f"sqlite:///{where}"
        self.engine = feedback_engine(url)
        parsed = self.engine.url
        is_file = parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:")
        self.where = str(parsed.database) if is_file else parsed.render_as_string(hide_password=True)
        self.now = now
        self._schema_ready = False
        self._schema_lock = threading.Lock()

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
        row = {
            "created_at": self.now().astimezone(UTC).isoformat(timespec="seconds"),
            "question": question,
            "answer": json.dumps(answer, ensure_ascii=False),
            "rating": rating,
            "comment": comment,
            "channel": channel,
        }
        with self._reachable():
            self._ensure_schema()
            with self.engine.begin() as db:  # commits, or rolls back on an error
                result = db.execute(feedback_table.insert().values(**row))
                return int(result.inserted_primary_key[0])

    def rows(self) -> Iterator[dict[str, Any]]:
        """Every stored rating, oldest first, with the answer decoded."""
        with self._reachable():
            self._ensure_schema()
            with self.engine.connect() as db:
                for row in db.execute(select(feedback_table).order_by(feedback_table.c.id)):
                    stored = dict(row._mapping)
                    yield {**stored, "answer": json.loads(stored["answer"])}

    def export(self, out: Path) -> int:
        """Writes every rating to `out` as evaluation questions (JSON lines); returns how many. On an error
        `out` is left as it was: the lines go to a temporary file that replaces `out` once all are written."""
        out.parent.mkdir(parents=True, exist_ok=True)
        partial = out.with_name(f".{out.name}.{os.getpid()}.partial")
        count = 0
        try:
            with partial.open("w", encoding="utf-8") as handle:
                for row in self.rows():
                    handle.write(json.dumps(as_eval_question(row), ensure_ascii=False) + "\n")
                    count += 1
            partial.replace(out)
        finally:
            partial.unlink(missing_ok=True)
        return count

    def close(self) -> None:
        """Closes the pooled connections (a later call opens new ones)."""
        self.engine.dispose()

    def _ensure_schema(self) -> None:
        """Creates the table if it is missing, once per store (again after a failure)."""
        if self._schema_ready:
            return
        with self._schema_lock:
            if self._schema_ready:
                return
            try:
                with self.engine.begin() as db:
                    db.execute(CreateTable(feedback_table, if_not_exists=True))
            except (OperationalError, InterfaceError):
                raise
            except DBAPIError:
                # Another replica created it at the same moment (PostgreSQL's IF NOT EXISTS can still collide).
                if not inspect(self.engine).has_table(feedback_table.name):
                    raise
            self._schema_ready = True

    @contextlib.contextmanager
    def _reachable(self) -> Iterator[None]:
        """Turns a database that cannot be reached into `FeedbackUnavailable`, with the driver's reason."""
        try:
            yield
        except (OperationalError, InterfaceError) as error:
            reason = str(error.orig).strip().splitlines()[0] if error.orig is not None else str(error)
            raise FeedbackUnavailable(self.where, reason) from error


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
