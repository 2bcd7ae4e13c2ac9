"""The HTTP API: `POST /api/ask`, `POST /api/ask/stream` (server-sent events), `POST /api/feedback`
and `GET /api/health`. It validates and translates; the work is done by `Bot` (and `FeedbackStore`).
Errors become status codes with a `detail` written for the caller. Who may call it (origins, keys,
rate limit, body size) is `bot.guard`'s job."""

from __future__ import annotations

import itertools
import json
import logging
from collections.abc import AsyncIterator, Iterator
from functools import partial
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse
from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from starlette.concurrency import iterate_in_threadpool

from bot.config import Settings
from bot.core import Bot
from bot.errors import BotError, CorpusNotIndexed, FeedbackUnavailable, InvalidQuestion, StoreUnavailable
from bot.feedback import MAX_COMMENT_CHARS, FeedbackStore
from bot.guard import Refusal, missing_key_refusal, origin_refusal, rate_refusal, size_refusal
from bot.printable import PRINTABLE_NOT_BLANK_PATTERN, PRINTABLE_PATTERN, unprintable
from bot.schema import Answer

log = logging.getLogger(__name__)
SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
_DEFAULTS = {name: field.default for name, field in Settings.model_fields.items()}
# The request models take exactly what their schema says: no other fields, no strings for numbers.
STRICT = ConfigDict(strict=True, extra="forbid")


def _printable(text: str) -> str:
    if found := unprintable(text):
        raise ValueError(f"the text holds {found}; remove it")
    return text


# Text in a request: no control characters (but tab and line breaks), as the schema's pattern says.
Text = Annotated[str, AfterValidator(_printable), Field(json_schema_extra={"pattern": PRINTABLE_PATTERN})]


class Turn(BaseModel):
    model_config = STRICT
    role: Literal["user", "assistant"]
    content: Text = Field(max_length=20_000)


class AskRequest(BaseModel):
    model_config = STRICT
    question: str = Field(
        description="The question, in English or Chinese (1 to 2,000 characters).",
        json_schema_extra={"pattern": PRINTABLE_NOT_BLANK_PATTERN, "maxLength": _DEFAULTS["max_question_chars"]},
    )
    history: list[Turn] = Field(default_factory=list, max_length=50, description="Earlier turns, oldest first.")


class CitationOut(BaseModel):
    n: int
    title: str
    source: str
    url: str | None
    quote: str = Field(description="Exactly the text at start:end of the source document.")
    start: int
    end: int
    period: str | None = Field(None, description="A register row's list (YYYY-MM); absent for documents.")
    row: int | None = Field(None, description="A register row's place in its list, from 1; absent for documents.")
    verified: bool | None = Field(
        None, description="An LLM answer's: whether the sentences citing it were checked against it; else absent."
    )


class CitationIn(CitationOut):
    """A citation sent back with feedback, as `/api/ask` returned it."""

    model_config = STRICT
    title: Text
    source: Text
    url: Text | None
    quote: Text
    period: Text | None = None


class RegisterTableOut(BaseModel):
    query: dict[str, Any] = Field(description="The filters the question was read as.")
    description: str = Field(description="The filters in words.")
    total: int = Field(description="Rows matching, exactly (the table shows at most 20).")
    rows: list[dict[str, Any]]
    as_of: str | None = Field(description="The month of the latest list, YYYY-MM.")
    groups: list[dict[str, Any]] | None = None
    chart: dict[str, Any] | None = None
    download: str | None = Field(None, description="The same rows from GET /api/register, as CSV.")


class AnswerOut(BaseModel):
    answer: str
    abstained: bool
    language: Literal["en", "zh"]
    citations: list[CitationOut]
    confidence: float = Field(
        description="The score the abstention threshold is compared with (0..1): below it, the bot abstains."
    )
    reason: Literal["not_covered", "not_confirmed", "constraint", "outside_lists"] | None = Field(
        None,
        description="Why the bot abstained: the documents don't cover the question; they say it is not known; "
        "or the nearest evidence breaks what the question asks (a year, number, name or set); or the register's lists "
        "do not reach the dates asked about (before the first list or after the latest). Absent when answered.",
    )
    notice: str | None = Field(
        None, description="Something to show the reader about how the answer was made (e.g. the LLM failed)."
    )
    standalone_question: str | None = Field(
        None, description="A follow-up rewritten to stand alone: what was searched for (shown as 'Searched for')."
    )
    # Named `register` in JSON; the attribute has another name because BaseModel has a `register` already.
    register_table: RegisterTableOut | None = Field(
        None,
        alias="register",
        description="For a register question (lookup, list, count): the rows and the exact total.",
    )


class HealthOut(BaseModel):
    status: Literal["ok", "empty"]
    documents: int
    chunks: int
    as_of: str | None = Field(description="The latest 'as of' date among the indexed documents.")
    languages: dict[str, int]


class FeedbackIn(BaseModel):
    """A reader's rating of one answer. Required: `question`, `answer` and `rating`."""

    model_config = STRICT

    question: Text = Field(min_length=1, max_length=20_000, description="The question that was answered (required).")
    answer: Text = Field(max_length=20_000, description="The answer text as shown (required).")
    citations: list[CitationIn] = Field(
        default_factory=list, max_length=50, description="The answer's citations, as `/api/ask` returned them."
    )
    abstained: bool = False
    language: Literal["en", "zh"] | None = None
    rating: Literal["up", "down"] = Field(description="Thumbs up or down (required).")
    comment: Text = Field("", max_length=MAX_COMMENT_CHARS, description="What was wrong or right (optional).")
    channel: Literal["web", "widget", "api"] = "web"


ANSWER_FIELDS = {"answer", "abstained", "language", "citations"}


def _answer_of(body: FeedbackIn) -> dict[str, Any]:
    """The rated answer as stored: a document citation without the register-only fields it never had."""
    answer = body.model_dump(include=ANSWER_FIELDS)
    for citation in answer["citations"]:
        for key in ("period", "row", "verified"):
            if citation.get(key) is None:
                citation.pop(key, None)
    return answer


class FeedbackOut(BaseModel):
    id: int


class ErrorOut(BaseModel):
    detail: str = Field(description="What went wrong, written for the caller.")


def _documented(refusal: Refusal, description: str) -> dict[str, Any]:
    """An OpenAPI response whose example is the body the guard really sends."""
    response: dict[str, Any] = {
        "model": ErrorOut,
        "description": description,
        "content": {"application/json": {"example": {"detail": refusal.message}}},
    }
    if refusal.headers:
        response["headers"] = {
            name: {"schema": {"type": "string"}, "example": v} for name, v in refusal.headers.items()
        }
    return response


# The refusals of `bot.guard` (examples with the default settings), and the missing index.
REFUSED = {
    401: _documented(missing_key_refusal(), "BOT_API_KEYS is set and the request (no Origin header) has no right key."),
    403: _documented(origin_refusal("https://example.org"), "A web page on a site that may not use the bot."),
    413: _documented(size_refusal(_DEFAULTS["max_body_bytes"]), "The body is over BOT_MAX_BODY_BYTES."),
    429: _documented(rate_refusal(_DEFAULTS["rate_limit_per_minute"], 20), "Over BOT_RATE_LIMIT_PER_MINUTE."),
}
STORE_UNAVAILABLE = StoreUnavailable("127.0.0.1:8000", "nothing accepts connections there")
NOT_INDEXED = {
    503: {
        "model": ErrorOut,
        "description": "Nothing is indexed yet, or the Chroma server holding the index cannot be reached.",
        "content": {"application/json": {"example": {"detail": str(CorpusNotIndexed("the index"))}}},
    }
}
FEEDBACK_UNAVAILABLE = {
    503: {
        "model": ErrorOut,
        "description": "The feedback database (BOT_DATABASE_URL) cannot be reached; nothing stored is lost.",
        "content": {"application/json": {"example": {"detail": FeedbackUnavailable.detail}}},
    }
}
UNAVAILABLE = {
    503: {
        "model": ErrorOut,
        "description": "The Chroma server holding the index cannot be reached (the service recovers by itself).",
        "content": {"application/json": {"example": {"detail": str(STORE_UNAVAILABLE)}}},
    }
}
QUESTION_REFUSED = {
    422: {
        "description": "The question is empty, too long or holds a control character (`detail` says which), or the "
        "body is not UTF-8 JSON of this shape (`detail` says where, or lists the fields).",
        "content": {
            "application/json": {
                "schema": {
                    "anyOf": [
                        {"$ref": "#/components/schemas/ErrorOut"},
                        {"$ref": "#/components/schemas/HTTPValidationError"},
                    ]
                }
            }
        },
    }
}


def get_bot(request: Request) -> Bot:
    return request.app.state.bot


def get_feedback(request: Request) -> FeedbackStore:
    return request.app.state.feedback


BotDep = Annotated[Bot, Depends(get_bot)]
FeedbackDep = Annotated[FeedbackStore, Depends(get_feedback)]

router = APIRouter(prefix="/api", tags=["questions"])


def status_of(error: BotError) -> int:
    """The HTTP status that says what kind of failure a `BotError` is."""
    if isinstance(error, InvalidQuestion):
        return 422
    if isinstance(error, CorpusNotIndexed | StoreUnavailable):
        return 503
    return 500


def http_error(error: BotError) -> HTTPException:
    return HTTPException(status_code=status_of(error), detail=str(error))


@router.post(
    "/ask",
    response_model=AnswerOut,
    summary="Answer a question from the documents, with citations",
    responses={**QUESTION_REFUSED, **REFUSED, **NOT_INDEXED},
)
async def ask(body: AskRequest, bot: BotDep) -> dict:
    try:
        answer = await run_in_threadpool(bot.ask, body.question, [t.model_dump() for t in body.history])
    except BotError as error:
        raise http_error(error) from error
    return answer.to_dict()


@router.post(
    "/ask/stream",
    summary="Answer a question as server-sent events: delta pieces, then citations, then end",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}}, **QUESTION_REFUSED, **REFUSED, **NOT_INDEXED},
)
async def ask_stream(body: AskRequest, bot: BotDep) -> StreamingResponse:
    try:
        # Refuse a bad question or a missing index with a plain status before the stream starts.
        history = [t.model_dump() for t in body.history]
        question = await run_in_threadpool(bot.check, body.question, history)
        pieces = await started(bot.stream(question, history))
    except BotError as error:
        raise http_error(error) from error
    return StreamingResponse(answer_events(pieces), media_type="text/event-stream", headers=SSE_HEADERS)


async def started(pieces: Iterator[str | Answer]) -> Iterator[str | Answer]:
    """The stream with its first piece made (the search is done by then), so a failure to start, such as the
    index's store being away, is a status rather than an error event after a 200."""
    first = await run_in_threadpool(next, pieces, None)
    return itertools.chain([] if first is None else [first], pieces)


async def answer_events(pieces: Iterator[str | Answer]) -> AsyncIterator[str]:
    """The SSE form of `Bot.stream`: each text piece as `delta`, the `Answer` as `citations`, then `end`.
    A failure after the stream started becomes an `error` event (the status has been sent already)."""
    try:
        # `Bot.stream` does CPU work between pieces: each step runs in a worker thread.
        async for piece in iterate_in_threadpool(pieces):
            if isinstance(piece, Answer):
                yield sse("citations", piece.to_dict())
            else:
                yield sse("delta", {"text": piece})
    except BotError as error:
        yield sse("error", {"status": status_of(error), "detail": str(error)})
    except Exception:
        log.exception("answering failed mid-stream")
        yield sse("error", {"status": 500, "detail": "The bot failed while answering; the server log has details."})
    yield sse("end", {})


def sse(event: str, data: dict[str, Any]) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


@router.post(
    "/feedback",
    status_code=201,
    response_model=FeedbackOut,
    summary="Rate an answer (thumbs up or down); `question`, `answer` and `rating` are required",
    responses={**QUESTION_REFUSED, **REFUSED, **FEEDBACK_UNAVAILABLE},
)
async def feedback(body: FeedbackIn, store: FeedbackDep) -> FeedbackOut:
    record = partial(store.record, question=body.question, answer=_answer_of(body))
    try:
        id_ = await run_in_threadpool(record, rating=body.rating, comment=body.comment, channel=body.channel)
    except FeedbackUnavailable as error:
        log.warning("%s", error)  # the operator's reason (host, driver message); the caller gets the plain one
        raise HTTPException(status_code=503, detail=FeedbackUnavailable.detail) from error
    return FeedbackOut(id=id_)


@router.get("/health", response_model=HealthOut, summary="What the index holds", responses=UNAVAILABLE)
def health(bot: BotDep) -> HealthOut:
    try:
        stats = bot.stats(check_now=True)
    except StoreUnavailable as error:
        raise http_error(error) from error
    return HealthOut(
        status="ok" if stats.chunks else "empty",
        documents=stats.documents,
        chunks=stats.chunks,
        as_of=stats.as_of,
        languages=stats.languages,
    )
