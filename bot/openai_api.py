"""An OpenAI-compatible edge: `GET /v1/models` and `POST /v1/chat/completions`, streaming or not, so
the official `openai` SDKs and tools built on them can ask the bot.

The last user message is the question and earlier user and assistant messages are the history;
system messages are ignored (the bot answers only from its documents). Any `model` value is
accepted and replies name the one model, `approvals-bot`. Sampling options (temperature, max_tokens,
n, tools, ...) are accepted and ignored. Next to `content`, the reply's message (or, when streaming,
the last chunk's delta) carries `citations`, `abstained` and `language`, and `reason` and `notice` when
set. Errors have OpenAI's shape.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, FastAPI, HTTPException, Request
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import iterate_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from bot.api import SSE_HEADERS, BotDep, started
from bot.errors import BotError, CorpusNotIndexed, InvalidQuestion, StoreUnavailable
from bot.guard import openai_error
from bot.register.words import table_markdown
from bot.schema import Answer

log = logging.getLogger(__name__)
MODEL_ID = "approvals-bot"
MODEL_CREATED = 1_767_225_600  # 2026-01-01, a fixed date: the model does not change between requests


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")

    role: Literal["system", "developer", "user", "assistant", "tool", "function"]
    content: str | list[dict[str, Any]] | None = Field(None, description="Text, or a list of parts whose text is used.")

    def text(self) -> str:
        if isinstance(self.content, list):
            return "".join(str(part.get("text", "")) for part in self.content if part.get("type") == "text")
        return self.content or ""


class ChatRequest(BaseModel):
    model_config = ConfigDict(extra="allow")  # sampling options are accepted and ignored

    model: str = Field(MODEL_ID, description=f"Any value; the bot is one model, `{MODEL_ID}`.")
    messages: list[ChatMessage] = Field(min_length=1, max_length=100)
    stream: bool = False


class OpenAIError(BaseModel):
    message: str = Field(description="What went wrong, written for the caller.")
    type: str
    code: str


class OpenAIErrorOut(BaseModel):
    error: OpenAIError


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI responses for the errors /v1 answers with, in OpenAI's shape."""
    meaning = {
        400: "The request cannot be answered: no user message, an empty or unreadable question, a bad body.",
        401: "BOT_API_KEYS is set and the request (no Origin header) has no right key.",
        403: "A web page on a site that may not use the bot.",
        404: "No such model.",
        413: "The body is over BOT_MAX_BODY_BYTES.",
        429: "Over BOT_RATE_LIMIT_PER_MINUTE (see Retry-After).",
        503: "Nothing is indexed yet, or the Chroma server holding the index cannot be reached.",
    }
    return {status: {"model": OpenAIErrorOut, "description": meaning[status]} for status in statuses}


router = APIRouter(prefix="/v1", tags=["OpenAI-compatible"], responses=_errors(401, 403))


def _model() -> dict[str, Any]:
    return {"id": MODEL_ID, "object": "model", "created": MODEL_CREATED, "owned_by": "approvals-bot"}


@router.get("/models", summary="The one model the bot is")
def list_models() -> dict[str, Any]:
    return {"object": "list", "data": [_model()]}


@router.get("/models/{model_id}", summary="One model, by id", responses=_errors(404))
def retrieve_model(model_id: Annotated[str, PathParam(examples=[MODEL_ID])]) -> dict[str, Any]:
    if model_id != MODEL_ID:
        raise HTTPException(status_code=404, detail=f"There is no model {model_id!r}; the bot is {MODEL_ID!r}.")
    return _model()


@router.post(
    "/chat/completions",
    summary="Answer the last user message from the documents, with citations",
    responses={
        200: {"content": {"application/json": {}, "text/event-stream": {}}},
        **_errors(400, 413, 429, 503),
    },
)
async def chat_completions(body: ChatRequest, bot: BotDep) -> Response:
    question, history = _question_and_history(body.messages)
    completion_id, created = f"chatcmpl-{uuid.uuid4().hex}", int(time.time())
    try:
        if body.stream:
            question = await run_in_threadpool(bot.check, question, history)  # refuse before the stream starts
            pieces = await started(bot.stream(question, history))
        else:
            answer = await run_in_threadpool(bot.ask, question, history)
    except BotError as error:
        return _error(error)
    if body.stream:
        chunks = _chunks(pieces, completion_id, created)
        return StreamingResponse(chunks, media_type="text/event-stream", headers=SSE_HEADERS)
    message = {"role": "assistant", "content": answer.answer + _table(answer), **_extras(answer)}
    return JSONResponse(
        {
            "id": completion_id,
            "object": "chat.completion",
            "created": created,
            "model": MODEL_ID,
            "choices": [{"index": 0, "message": message, "finish_reason": "stop", "logprobs": None}],
        }
    )


def _question_and_history(messages: list[ChatMessage]) -> tuple[str, list[dict[str, str]]]:
    turns = [m for m in messages if m.role in ("user", "assistant")]
    last_user = max((i for i, m in enumerate(turns) if m.role == "user"), default=None)
    if last_user is None:
        raise HTTPException(status_code=400, detail="The messages hold no user message: nothing to answer.")
    history = [{"role": m.role, "content": m.text()} for m in turns[:last_user]]
    return turns[last_user].text(), history


def _extras(answer: Answer) -> dict[str, Any]:
    data = answer.to_dict()
    extras = {"citations": data["citations"], "abstained": data["abstained"], "language": data["language"]}
    for key in ("reason", "notice", "register"):
        if key in data:
            extras[key] = data[key]
    return extras


def _table(answer: Answer) -> str:
    """A register answer's rows as a Markdown table after the text: OpenAI clients show only `content`."""
    if answer.register is None or not answer.register.rows:
        return ""
    return "\n\n" + table_markdown(answer.register.rows, answer.language)


async def _chunks(pieces: Iterator[str | Answer], completion_id: str, created: int) -> AsyncIterator[str]:
    """`Bot.stream` as chat.completion.chunk events; the last chunk's delta carries the citations."""

    def chunk(delta: dict[str, Any], finish_reason: str | None = None) -> str:
        choice = {"index": 0, "delta": delta, "finish_reason": finish_reason, "logprobs": None}
        body = {"id": completion_id, "object": "chat.completion.chunk", "created": created, "model": MODEL_ID}
        return f"data: {json.dumps({**body, 'choices': [choice]}, ensure_ascii=False)}\n\n"

    yield chunk({"role": "assistant", "content": ""})
    try:
        async for piece in iterate_in_threadpool(pieces):
            if isinstance(piece, Answer):
                if table := _table(piece):
                    yield chunk({"content": table})
                yield chunk(_extras(piece), "stop")
            else:
                yield chunk({"content": piece})
    except BotError as error:
        yield f"data: {json.dumps(openai_error(_status(error), str(error), _code(error)))}\n\n"
    except Exception:
        log.exception("answering failed mid-stream")
        failure = openai_error(500, "The bot failed while answering; the server log has details.", "internal_error")
        yield f"data: {json.dumps(failure)}\n\n"
    yield "data: [DONE]\n\n"


def _status(error: BotError) -> int:
    if isinstance(error, InvalidQuestion):
        return 400
    if isinstance(error, CorpusNotIndexed | StoreUnavailable):
        return 503
    return 500


def _code(error: BotError) -> str:
    if isinstance(error, StoreUnavailable):
        return "store_unavailable"
    return {400: "invalid_question", 503: "not_indexed"}.get(_status(error), "bot_error")


def _error(error: BotError) -> JSONResponse:
    return JSONResponse(openai_error(_status(error), str(error), _code(error)), status_code=_status(error))


def add_openai_error_handlers(app: FastAPI) -> None:
    """Bad requests and HTTP errors under /v1 answer in OpenAI's error shape; elsewhere FastAPI's stays."""

    async def on_invalid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        if not request.url.path.startswith("/v1/"):
            return await request_validation_exception_handler(request, exc)
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        return JSONResponse(openai_error(400, f"Invalid request: {problems}", "invalid_request"), status_code=400)

    async def on_http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        if not request.url.path.startswith("/v1/"):
            return await http_exception_handler(request, exc)
        code = {400: "invalid_request", 404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        body = openai_error(exc.status_code, str(exc.detail), code)
        return JSONResponse(body, status_code=exc.status_code, headers=exc.headers)

    app.add_exception_handler(RequestValidationError, on_invalid)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
