"""Turning selected sentences into numbered citations whose quotes are verified slices of the
source document, and the answer text with its [n] markers. Nothing here ranks or decides."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.schema import Citation, Passage

# A sentence that ends in a Chinese character or full-width punctuation (。！？」）).
_ENDS_IN_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]$")


@dataclass(frozen=True)
class Evidence:
    """One sentence chosen from a passage, at document offsets `start:end`."""

    passage: Passage
    start: int
    end: int

    @property
    def text(self) -> str:
        chunk = self.passage.chunk
        return chunk.text[self.start - chunk.start : self.end - chunk.start]


def cite(evidence: list[Evidence]) -> tuple[Citation, ...]:
    """One citation per evidence sentence, numbered in order; a quote must lie inside its chunk."""
    citations = []
    for n, item in enumerate(evidence, start=1):
        chunk = item.passage.chunk
        if not (chunk.start <= item.start < item.end <= chunk.end):
            raise ValueError(f"evidence {item.start}:{item.end} lies outside chunk {chunk.id}")
        citations.append(
            Citation(
                n=n,
                title=chunk.title,
                source=chunk.source,
                url=chunk.url,
                quote=item.text,
                start=item.start,
                end=item.end,
            )
        )
    return tuple(citations)


def join_with_markers(evidence: list[Evidence], language: str) -> str:
    """The sentences in reading order, each followed by its citation number and then a space: "… took
    effect. [1] The …"; a Chinese sentence takes its marker without a space ("…获批。[1] 此后…"), whatever
    the language of the question (`language`, kept for callers)."""
    return " ".join(
        f"{item.text}{'' if _ENDS_IN_CJK.search(item.text) else ' '}[{n}]" for n, item in enumerate(evidence, start=1)
    )
