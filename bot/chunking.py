"""Cutting a `Document` into `Chunk`s that follow its headings and sentence boundaries.

Each chunk is an exact slice `document.text[start:end]` and carries its document's metadata and
its heading, so a citation can always point back into the original. No embedding happens here.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass

from bot.documents import Document
from bot.text import Span, sentence_spans

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$", re.MULTILINE)


@dataclass(frozen=True)
class Chunk:
    id: str
    source: str
    title: str
    heading: str
    text: str
    start: int
    end: int
    lang: str
    as_of: str | None
    url: str | None
    urls: tuple[str, ...]
    doc_hash: str

    @property
    def context(self) -> str:
        """The chunk with its document title and heading, which is what gets embedded."""
        return f"{self.title} — {self.heading}\n{self.text}" if self.heading else f"{self.title}\n{self.text}"

    def to_metadata(self) -> dict[str, str | int]:
        return {
            "source": self.source,
            "title": self.title,
            "heading": self.heading,
            "start": self.start,
            "end": self.end,
            "lang": self.lang,
            "as_of": self.as_of or "",
            "url": self.url or "",
            "urls": json.dumps(self.urls),
            "doc_hash": self.doc_hash,
        }

    @classmethod
    def from_metadata(cls, chunk_id: str, text: str, meta: dict) -> Chunk:
        return cls(
            id=chunk_id,
            source=str(meta["source"]),
            title=str(meta["title"]),
            heading=str(meta.get("heading", "")),
            text=text,
            start=int(meta["start"]),
            end=int(meta["end"]),
            lang=str(meta.get("lang", "en")),
            as_of=str(meta.get("as_of")) or None,
            url=str(meta.get("url")) or None,
            urls=tuple(json.loads(str(meta.get("urls", "[]")))),
            doc_hash=str(meta.get("doc_hash", "")),
        )


def _sections(document: Document) -> list[tuple[str, int, int]]:
    """(heading path, start, end) of each stretch of body text between headings."""
    text, sections = document.text, []
    trail: list[tuple[int, str]] = []
    cursor, heading = document.body_start, ""
    for match in _HEADING.finditer(text, document.body_start):
        sections.append((heading, cursor, match.start()))
        level, name = len(match.group(1)), match.group(2).strip()
        trail = [(lvl, n) for lvl, n in trail if lvl < level] + [(level, name)]
        # The document title is already on every chunk; the heading says where inside it we are.
        heading = " › ".join(n for lvl, n in trail if not (lvl == 1 and n == document.title))
        cursor = match.end()
    sections.append((heading, cursor, len(text)))
    return [(h, s, e) for h, s, e in sections if text[s:e].strip()]


def _pack(spans: list[Span], max_chars: int) -> list[list[Span]]:
    groups: list[list[Span]] = []
    for span in spans:
        if groups and span.end - groups[-1][0].start <= max_chars:
            groups[-1].append(span)
        else:
            groups.append([span])
    return groups


def chunk_document(document: Document, max_chars: int = 600) -> list[Chunk]:
    """Chunks of at most `max_chars` (a longer single sentence stays whole), never crossing a heading."""
    chunks = []
    urls = tuple(ref.url for ref in document.sources if ref.url)
    # Hashed once: a property that hashes the whole text, per chunk, made a 1 MB document take 12 s.
    doc_hash, url = document.content_hash, document.url
    for heading, start, end in _sections(document):
        for group in _pack(sentence_spans(document.text, start, end), max_chars):
            chunk_start, chunk_end = group[0].start, group[-1].end
            digest = hashlib.sha1(f"{document.source}\x00{doc_hash}\x00{chunk_start}".encode()).hexdigest()[:24]
            chunks.append(
                Chunk(
                    id=digest,
                    source=document.source,
                    title=document.title,
                    heading=heading,
                    text=document.text[chunk_start:chunk_end],
                    start=chunk_start,
                    end=chunk_end,
                    lang=document.lang,
                    as_of=document.as_of,
                    url=url,
                    urls=urls,
                    doc_hash=doc_hash,
                )
            )
    return chunks
