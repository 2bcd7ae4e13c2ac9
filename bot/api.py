"""The HTTP API: `POST /api/ask` and `GET /api/health`. It validates and translates; the work is
done by `Bot`. Errors become status codes with a `detail` written for the caller."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from bot.core import Bot
from bot.errors import BotError, CorpusNotIndexed, InvalidQuestion


class Turn(BaseModel):
    role: Literal["user", "assistant"]
    content: str = Field(max_length=20_000)


class AskRequest(BaseModel):
    question: str = Field(description="The question, in English or Chinese (1 to 2,000 characters).")
    history: list[Turn] = Field(default_factory=list, max_length=50, description="Earlier turns, oldest first.")


class CitationOut(BaseModel):
    n: int
    title: str
    source: str
    url: str | None
    quote: str = Field(description="Exactly the text at start:end of the source document.")
    start: int
    end: int


class AnswerOut(BaseModel):
    answer: str
    abstained: bool
    language: Literal["en", "zh"]
    citations: list[CitationOut]


class HealthOut(BaseModel):
    status: Literal["ok", "empty"]
    documents: int
    chunks: int
    as_of: str | None = Field(description="The latest 'as of' date among the indexed documents.")
    languages: dict[str, int]


def get_bot(request: Request) -> Bot:
    return request.app.state.bot


BotDep = Annotated[Bot, Depends(get_bot)]

router = APIRouter(prefix="/api", tags=["questions"])


def http_error(error: BotError) -> HTTPException:
    if isinstance(error, InvalidQuestion):
        return HTTPException(status_code=422, detail=str(error))
    if isinstance(error, CorpusNotIndexed):
        return HTTPException(status_code=503, detail=str(error))
    return HTTPException(status_code=500, detail=str(error))


@router.post("/ask", response_model=AnswerOut, summary="Answer a question from the documents, with citations")
async def ask(body: AskRequest, bot: BotDep) -> dict:
    try:
        answer = await run_in_threadpool(bot.ask, body.question, [t.model_dump() for t in body.history])
    except BotError as error:
        raise http_error(error) from error
    return answer.to_dict()


@router.get("/health", response_model=HealthOut, summary="What the index holds")
def health(bot: BotDep) -> HealthOut:
    stats = bot.stats()
    return HealthOut(
        status="ok" if stats.chunks else "empty",
        documents=stats.documents,
        chunks=stats.chunks,
        as_of=stats.as_of,
        languages=stats.languages,
    )
