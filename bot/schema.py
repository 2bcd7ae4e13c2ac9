"""The shapes the core hands to every edge: `Passage` (a retrieved chunk with its scores),
`Citation` and `Answer`, with the one JSON form shared by the CLI and the API."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

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

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Answer:
    answer: str
    abstained: bool
    language: Language
    citations: tuple[Citation, ...] = ()
    confidence: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "answer": self.answer,
            "abstained": self.abstained,
            "language": self.language,
            "citations": [citation.to_dict() for citation in self.citations],
            "confidence": round(float(self.confidence), 4),
        }
