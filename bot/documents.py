"""Reading source files into `Document`s: Markdown with YAML front matter, plain text, HTML and PDF.

Only reading and metadata live here; chunking is `bot.chunking`, storage is `bot.store`.
Offsets into `Document.text` are what citations point at; for Markdown and text files that is
the file's own text, so `open(path).read()[start:end]` is the quote.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from bot.errors import DocumentUnreadable
from bot.text import Language, detect_language

READABLE_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".html", ".htm", ".pdf"})
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*(?:\n|\Z)", re.DOTALL)


@dataclass(frozen=True)
class SourceRef:
    title: str
    url: str | None


@dataclass(frozen=True)
class Document:
    source: str  # the path as given to ingest, used as the document's identity
    title: str
    text: str
    body_start: int
    lang: Language
    as_of: str | None = None
    summary: str | None = None
    sources: tuple[SourceRef, ...] = field(default_factory=tuple)
    link: str | None = None  # front matter `url`: the original this document stands for

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:16]

    @property
    def url(self) -> str | None:
        """Where citations link: the front matter's `url`, else the first source that has a web address."""
        return self.link or next((ref.url for ref in self.sources if ref.url), None)


def find_documents(paths: list[Path]) -> list[Path]:
    """Every readable file under the given files and folders, sorted; hidden files skipped."""
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found.update(
                p
                for p in path.rglob("*")
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.exists():
            found.add(path)
        else:
            raise FileNotFoundError(f"{path} does not exist")
    return sorted(found)


def read_document(path: Path, source: str | None = None) -> Document:
    """Read one file; raise `DocumentUnreadable` with the reason when it can't be used."""
    source = source or path.as_posix()
    suffix = path.suffix.lower()
    if suffix not in READABLE_SUFFIXES:
        raise DocumentUnreadable(source, f"unsupported file type '{suffix or 'none'}' (use .md, .txt, .html or .pdf)")
    raw = _read_bytes(path, source)
    meta: dict[str, Any] = {}
    if suffix == ".pdf":
        text, title = _pdf_text(raw, source), path.stem
    else:
        decoded = _decode(raw, source)
        if suffix in (".html", ".htm"):
            text, html_title = _html_text(decoded)
            title = html_title or path.stem
        else:
            text, title = decoded, path.stem
    body_start = 0
    if suffix in (".md", ".markdown", ".txt"):
        meta, body_start = _front_matter(text, source)
        title = str(meta.get("title") or _first_heading(text[body_start:]) or path.stem)
    body = text[body_start:]
    if not body.strip():
        raise DocumentUnreadable(source, "the file has no text")
    return Document(
        source=source,
        title=title.strip(),
        text=text,
        body_start=body_start,
        lang=_language(meta.get("lang"), body),
        as_of=_as_date(meta.get("date")),
        summary=meta.get("summary"),
        sources=tuple(_source_refs(meta.get("sources"))),
        link=str(meta["url"]) if meta.get("url") else None,
    )


def _read_bytes(path: Path, source: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise DocumentUnreadable(source, f"cannot be opened ({error.strerror})") from error


def _decode(raw: bytes, source: str) -> str:
    if b"\x00" in raw[:4096]:
        raise DocumentUnreadable(source, "looks binary, not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DocumentUnreadable(source, f"is not valid UTF-8 (byte {error.start})") from error
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _language(declared: object, body: str) -> Language:
    """The front matter's `lang` when it is one we know, else the language detected in the body."""
    if declared == "en" or declared == "zh":
        return declared
    return detect_language(body)


def _front_matter(text: str, source: str) -> tuple[dict[str, Any], int]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as error:
        raise DocumentUnreadable(source, f"front matter is not valid YAML ({error.__class__.__name__})") from error
    if not isinstance(meta, dict):
        raise DocumentUnreadable(source, "front matter must be a mapping of keys to values")
    return meta, match.end()


def _first_heading(body: str) -> str | None:
    match = re.search(r"^#\s+(.+)$", body, re.MULTILINE)
    return match.group(1) if match else None


def _as_date(value: object) -> str | None:
    if isinstance(value, date):
        return value.isoformat()
    return str(value) if value else None


def _source_refs(value: object) -> list[SourceRef]:
    refs = []
    for item in value if isinstance(value, list) else []:
        if isinstance(item, dict):
            refs.append(SourceRef(title=str(item.get("title") or item.get("url") or ""), url=item.get("url") or None))
        elif isinstance(item, str):
            refs.append(SourceRef(title=item, url=item if item.startswith("http") else None))
    return refs


def _html_text(html: str) -> tuple[str, str | None]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "template"]):
        tag.decompose()
    title = soup.title.get_text(strip=True) if soup.title else None
    for heading in soup.find_all(["h1", "h2", "h3", "h4"]):
        level = int(heading.name[1])
        heading.replace_with(f"\n\n{'#' * level} {heading.get_text(' ', strip=True)}\n\n")
    for block in soup.find_all(["p", "li", "div", "br", "tr", "section", "article"]):
        block.insert_after("\n\n")
    text = re.sub(r"[ \t]+", " ", soup.get_text())
    text = re.sub(r"\n\s*\n\s*", "\n\n", text).strip()
    return text, title


def _pdf_text(raw: bytes, source: str) -> str:
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(raw))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        raise DocumentUnreadable(source, f"is not a readable PDF ({error})") from error
    return "\n\n".join(page.strip() for page in pages if page.strip())
