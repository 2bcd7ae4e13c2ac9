"""Opening Chroma, embedded in a folder or as a Chroma server over HTTP, and what the stores do when the
server is away: every wait is bounded, and a server that cannot be reached becomes `StoreUnavailable`.

How chromadb's HttpClient behaves (chromadb 1.5, measured in tests/test_chroma_server.py):
- its httpx session has no timeout at all, so a hung server would hang every request for ever: the
  session gets `BOT_CHROMA_TIMEOUT_S` (connecting gets at most 5 s of it);
- a stopped server refuses the connection at once (`httpx.ConnectError`), and when it listens again the
  next request simply connects: no new client is needed;
- collections are addressed by id; a server restarted on the same folder keeps them, one restarted on an
  empty folder does not (`NotFoundError`), and the stores then open their collections again by name.

Reading a whole collection (`read_all`) is here too, since both stores need it: Chroma's SQLite refuses a
`get` that returns the metadata of more than 32,766 records at once ("too many SQL variables").

No collections of our own and no records' meaning here: see `bot.store` and `bot.register.store`.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, ParamSpec, TypeVar

import chromadb
import httpx
from chromadb.api import ClientAPI
from chromadb.config import Settings as ChromaSettings
from chromadb.errors import NotFoundError

from bot.config import Settings
from bot.errors import StoreUnavailable

log = logging.getLogger(__name__)
P = ParamSpec("P")
R = TypeVar("R")
CONNECT_TIMEOUT_S = 5.0
# Records whose fields one `get` returns: Chroma's SQLite refuses the metadata of more than 32,766 at once.
PAGE = 10_000


def open_chroma(settings: Settings) -> ClientAPI:
    """The Chroma client the settings name: the server at BOT_CHROMA_HOST with bounded waits, else embedded."""
    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if not settings.chroma_host:
        settings.chroma_dir.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)
    where = f"{settings.chroma_host}:{settings.chroma_port}"
    try:
        # Creating the client already talks to the server, before its waits can be bounded: ask first, bounded.
        heartbeat = f"http://{where}/api/v2/heartbeat"
        httpx.get(heartbeat, timeout=_timeout(settings.chroma_timeout_s)).raise_for_status()
        client = chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
    except httpx.HTTPError as error:
        raise StoreUnavailable(where, _reason(error)) from error
    bound_waits(client, settings.chroma_timeout_s)
    return client


def bound_waits(client: ClientAPI, timeout_s: float) -> None:
    """Give the client's HTTP session a timeout (chromadb leaves it at None, i.e. wait for ever)."""
    session = getattr(getattr(client, "_server", None), "_session", None)
    if not isinstance(session, httpx.Client):
        log.warning("Cannot bound Chroma's waits: this chromadb keeps its HTTP session elsewhere.")
        return
    session.timeout = _timeout(timeout_s)


def _timeout(timeout_s: float) -> httpx.Timeout:
    return httpx.Timeout(timeout_s, connect=min(CONNECT_TIMEOUT_S, timeout_s))


def reports_unavailable(method: Callable[P, R]) -> Callable[P, R]:
    """A store method whose unreachable server becomes `StoreUnavailable`. A collection that is gone (a server
    restarted on an empty folder, a collection deleted to re-index) is opened again by name, once."""

    @functools.wraps(method)
    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            try:
                return method(*args, **kwargs)
            except NotFoundError:
                store: Any = args[0]
                log.warning("A Chroma collection of %s is gone; opening the collections again.", type(store).__name__)
                store.open_collections()
                return method(*args, **kwargs)
        except httpx.HTTPError as error:
            raise StoreUnavailable(_where(error), _reason(error)) from error

    return call


def _where(error: httpx.HTTPError) -> str:
    try:
        url = error.request.url
    except RuntimeError:  # an error raised before any request was made
        return "its server"
    return f"{url.host}:{url.port}"


def _reason(error: Exception) -> str:
    if isinstance(error, httpx.TimeoutException):
        return "it did not answer in time (BOT_CHROMA_TIMEOUT_S)"
    if isinstance(error, httpx.ConnectError):
        return "nothing accepts connections there (is the Chroma server running?)"
    if isinstance(error, httpx.HTTPStatusError):
        return f"it answered HTTP {error.response.status_code}"
    return f"the connection failed ({type(error).__name__})"


@dataclass(frozen=True)
class Records:
    """What `read_all` read: the ids, and the metadata and documents when asked for (else empty)."""

    ids: list[str]
    metadatas: list[Mapping[str, Any]] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)


def read_all(
    collection: Any,
    include: Sequence[Literal["metadatas", "documents"]] = ("metadatas",),
    where: dict[str, Any] | None = None,
    page: int | None = None,
) -> Records:
    """Every record of the collection (those `where` matches, when given), read `page` records (default
    `PAGE`) at a time: all the ids in one `get` (ids alone have no such limit), then the fields by id.

    Why by id and not `get(limit=, offset=)`: offsets count records in the order they were written, so a
    writer deleting records between two pages shifts them, and the next page skips records of documents
    nobody touched (tried on Chroma 1.5). Read by id, a concurrent write can only leave out or mix records
    that it deletes or adds itself: the stores read the completion markers first and keep only the records
    of sources complete then (a marker is removed before its records and written after them), and the
    writer bumps the generation last, so every reader reloads once it is done.

    The pages are read by id alone: `where` picked the ids, and Chroma 1.5 takes seconds for a `get` that
    has both ids and a `where` (68 s for 4,000 ids among 20,000 markers, against 0.1 s without)."""
    page = page or PAGE
    ids = list(collection.get(where=where, include=[])["ids"])
    metadatas: list[Mapping[str, Any]] = []
    documents: list[str] = []
    read: list[str] = []
    for start in range(0, len(ids), page):
        got = collection.get(ids=ids[start : start + page], include=list(include))
        read += got["ids"]  # a record deleted since the ids were read is simply not there
        if "metadatas" in include:
            metadatas += got["metadatas"] or []
        if "documents" in include:
            documents += got["documents"] or []
    return Records(read, metadatas, documents)


def completed_sources(meta: Any, kind: str) -> dict[str, str]:
    """source → content hash of every source whose completion marker of this `kind` is in the meta
    collection: the marker is written last, so only a source written in full has one."""
    got = read_all(meta, include=("metadatas", "documents"), where={"kind": kind})
    pairs = zip(got.metadatas, got.documents, strict=True)
    return {str(meta_["source"]): str(content_hash) for meta_, content_hash in pairs}
