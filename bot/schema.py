"""The shapes the core hands to every edge: `Passage` (a retrieved chunk with its scores),
`Citation` and `Answer`, with the one JSON form shared by the CLI and the API. An abstention carries its
`reason`; an answer made differently from usual (an LLM that failed and was replaced) carries a `notice`."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from bot.chunking import Chunk
from bot.text import Language


@dataclass(frozen=True)
class Passage:
    chunk: Chunk
    score: float  # fused retrieval score
    signals: dict[str, float] = field(default_factory=dict)  # raw score per retrieval signal


@dataclass(frozen=True)
class Citation:
    n: int
    title: str
    source: str
    url: str | None
    quote: str
    start: int
    end: int
    period: str | None = None  # a register row's list, "YYYY-MM"
    row: int | None = None  # a register row's place in its list, from 1
    verified: bool | None = None  # an LLM answer's: whether the sentences citing it were checked against it

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        return {k: v for k, v in data.items() if v is not None or k not in ("period", "row", "verified")}


@dataclass(frozen=True)
class TableResult:
    """A register answer's data: the parsed filters, the exact total, the rows shown (at most 20), and
    groups or a chart when the question asked for them."""

    query: dict[str, Any]
    description: str
    total: int
    rows: tuple[dict[str, Any], ...]
    as_of: str | None
    groups: tuple[dict[str, Any], ...] | None = None
    chart: dict[str, Any] | None = None
    download: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "description": self.description,
            "total": self.total,
            "rows": list(self.rows),
            "as_of": self.as_of,
            "groups": list(self.groups) if self.groups is not None else None,
            "chart": self.chart,
            "download": self.download,
        }


# Why an answer is an abstention: the documents don't cover the question; they say the thing asked is not
# known; or the nearest evidence breaks what the question pins down (a year, a number, a name, the set asked about).
AbstainReason = Literal["not_covered", "not_confirmed", "constraint", "outside_lists"]


@dataclass(frozen=True)
class Answer:
    answer: str
    abstained: bool
    language: Language
    citations: tuple[Citation, ...] = ()
    confidence: float = 0.0
    register: TableResult | None = None
    reason: AbstainReason | None = None  # set on abstentions
    notice: str | None = None  # something the reader should know about how the answer was made
    standalone_question: str | None = None  # a follow-up as it was understood and searched for

    def to_dict(self) -> dict[str, Any]:
        data = {
            "answer": self.answer,
            "abstained": self.abstained,
            "language": self.language,
            "citations": [citation.to_dict() for citation in self.citations],
            "confidence": round(float(self.confidence), 4),
        }
        if self.reason is not None:
            data["reason"] = self.reason
        if self.notice is not None:
            data["notice"] = self.notice
        if self.register is not None:
            data["register"] = self.register.to_dict()
        if self.standalone_question is not None:
            data["standalone_question"] = self.standalone_question
        return data
