"""Opening Chroma, embedded in a folder or as a Chroma server over HTTP, and what the stores do when the
server is away: every wait is bounded, and a server that cannot be reached becomes `StoreUnavailable`.

How chromadb's HttpClient behaves (chromadb 1.5, measured in tests/test_chroma_server.py):
- its httpx session has no timeout at all, so a hung server would hang every request for ever: the
  session gets `BOT_CHROMA_TIMEOUT_S` (connecting gets at most 5 s of it);
- a stopped server refuses the connection at once (`httpx.ConnectError`), and when it listens again the
  next request simply connects: no new client is needed;
- collections are addressed by id; a server restarted on the same folder keeps them, one restarted on an
  empty folder does not (`NotFoundError`), and the stores then open their collections again by name.

No collections or records here: see `bot.store` and `bot.register.store`.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

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


def completed_sources(meta: Any, kind: str) -> dict[str, str]:
    """source → content hash of every source whose completion marker of this `kind` is in the meta
    collection: the marker is written last, so only a source written in full has one."""
    got = meta.get(where={"kind": kind}, include=["metadatas", "documents"])
    pairs = zip(got["metadatas"] or [], got["documents"] or [], strict=True)
    return {str(meta_["source"]): str(content_hash) for meta_, content_hash in pairs}
