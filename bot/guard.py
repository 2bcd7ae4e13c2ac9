"""The gate in front of the bot's HTTP APIs (`/api/*` and `/v1/*`), as one ASGI middleware:

- which web sites may call them from a browser (the Origin check, and CORS for the sites allowed),
- API keys for programs (clients that send no Origin header),
- a per-client rate limit on the question and feedback endpoints,
- a cap on request bodies.

It does not touch Gradio's routes (`/`, `/gradio_api/...`) and does no work of the bot. Its counters live
in memory, so the rate limit holds per process (per replica), not across replicas.
"""

from __future__ import annotations

import hmac
import math
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.config import Settings

GUARDED_PREFIXES = ("/api/", "/v1/")
RATE_LIMITED_PATHS = frozenset({"/api/ask", "/api/ask/stream", "/api/feedback", "/v1/chat/completions"})
KEYLESS_PATHS = frozenset({"/api/health"})  # load balancers probe it; it tells only what the index holds
CORS_METHODS = "GET, POST, OPTIONS"
CORS_HEADERS = "Content-Type, Authorization"
OPENAI_ERROR_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "not_found_error",
    413: "invalid_request_error",
    422: "invalid_request_error",
    429: "rate_limit_error",
    503: "service_unavailable_error",
}


class Refusal(Exception):
    """A request the guard turns away, with the status, a message for the caller and a short code."""

    def __init__(self, status: int, message: str, code: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code
        self.headers = headers or {}


def origin_refusal(origin: str) -> Refusal:
    return Refusal(
        403,
        f"This site ({origin}) is not allowed to use this bot. The bot's owner can add it to BOT_ALLOWED_ORIGINS.",
        "origin_not_allowed",
    )


def missing_key_refusal() -> Refusal:
    return Refusal(
        401,
        "This API needs a key: send `Authorization: Bearer KEY` with a key the bot's owner set in BOT_API_KEYS.",
        "missing_api_key",
        {"WWW-Authenticate": "Bearer"},
    )


def invalid_key_refusal() -> Refusal:
    return Refusal(
        401,
        "The API key is not valid. Send `Authorization: Bearer KEY` with a key the bot's owner set in BOT_API_KEYS.",
        "invalid_api_key",
        {"WWW-Authenticate": "Bearer"},
    )


def rate_refusal(per_minute: int, seconds: int) -> Refusal:
    return Refusal(
        429,
        f"Too many requests: the limit is {per_minute} a minute. Try again in {seconds} s.",
        "rate_limit_exceeded",
        {"Retry-After": str(seconds)},
    )


def size_refusal(max_body: int) -> Refusal:
    return Refusal(413, f"The request body is larger than {max_body} bytes (BOT_MAX_BODY_BYTES).", "body_too_large")


def openai_error(status: int, message: str, code: str) -> dict[str, Any]:
    """An error body the way OpenAI's API (and so its SDKs) shape one."""
    error_type = OPENAI_ERROR_TYPES.get(status, "invalid_request_error" if status < 500 else "server_error")
    return {"error": {"message": message, "type": error_type, "code": code}}


def error_response(path: str, status: int, message: str, code: str, headers: dict[str, str] | None = None) -> Response:
    """An error in the shape its API family uses: OpenAI's `{"error": {...}}` under /v1, `{"detail"}` elsewhere."""
    payload = openai_error(status, message, code) if path.startswith("/v1/") else {"detail": message}
    return JSONResponse(payload, status_code=status, headers=headers)


def normalize_origin(origin: str) -> str:
    """`scheme://host[:port]` in lower case without a default port, so equal origins compare equal."""
    text = origin.strip().rstrip("/")
    parts = urlsplit(text)
    try:
        port = parts.port
    except ValueError:
        return text.lower()
    if not parts.scheme or not parts.hostname:
        return text.lower()
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    if port is not None and port != {"http": 80, "https": 443}.get(parts.scheme.lower()):
        host = f"{host}:{port}"
    return f"{parts.scheme.lower()}://{host}"


class RateLimiter:
    """A token bucket per client: `per_minute` requests at once, refilled at `per_minute` a minute."""

    MAX_CLIENTS = 10_000

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.capacity = float(per_minute)
        self.per_second = per_minute / 60.0
        self.clock = clock
        self.buckets: dict[str, tuple[float, float]] = {}  # client -> (tokens, when counted)
        self.pruned_at = clock()

    def wait(self, client: str) -> float:
        """Takes a token and returns 0 if the client may go ahead now, else the seconds until it may."""
        if self.capacity <= 0:
            return 0.0
        now = self.clock()
        tokens, counted = self.buckets.get(client, (self.capacity, now))
        tokens = min(self.capacity, tokens + (now - counted) * self.per_second)
        if tokens >= 1:
            self.buckets[client] = (tokens - 1, now)
            self._prune(now)
            return 0.0
        self.buckets[client] = (tokens, now)
        return (1 - tokens) / self.per_second

    def _prune(self, now: float) -> None:
        # A client whose bucket has refilled is the same as one never seen: forget it, at most once a minute.
        if len(self.buckets) <= self.MAX_CLIENTS or now - self.pruned_at < 60:
            return
        refill = self.capacity / self.per_second
        self.buckets = {c: (t, when) for c, (t, when) in self.buckets.items() if now - when < refill}
        self.pruned_at = now


class ApiGuard:
    """ASGI middleware guarding `/api/*` and `/v1/*`; everything else passes straight through."""

    def __init__(self, app: ASGIApp, settings: Settings, clock: Callable[[], float] = time.monotonic) -> None:
        self.app = app
        origins = settings.allowed_origin_list
        self.any_origin = "*" in origins
        self.allowed_origins = {normalize_origin(o) for o in origins if o != "*"}
        self.keys = [key.encode() for key in settings.api_key_list]
        self.max_body = settings.max_body_bytes
        self.limiter = RateLimiter(settings.rate_limit_per_minute, clock)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(GUARDED_PREFIXES):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        origin = headers.get("origin")
        if origin is not None and scope["method"] == "OPTIONS" and "access-control-request-method" in headers:
            # Even a site that is not allowed gets a passing preflight, so its browser sends the real
            # request and the page can read the 403 that explains the refusal.
            await self._preflight(origin)(scope, receive, send)
            return
        # The refusal of a site is readable by it; nothing else is, since only allowed sites get further.
        cors = {"Access-Control-Allow-Origin": origin, "Vary": "Origin"} if origin is not None else {}
        try:
            body = await self._check(scope, receive, headers, origin)
        except Refusal as refusal:
            response = error_response(scope["path"], refusal.status, refusal.message, refusal.code)
            response.headers.update({**cors, **refusal.headers})
            if cors:
                response.headers["Access-Control-Expose-Headers"] = "Retry-After"
            await response(scope, receive, send)
            return
        await self.app(scope, _replay(body, receive), _with_headers(send, cors))

    async def _check(self, scope: Scope, receive: Receive, headers: Headers, origin: str | None) -> list[Message]:
        """The request's body messages, read once the request has passed every check; else `Refusal`."""
        path = scope["path"]
        if origin is not None and not self._origin_allowed(origin, scope, headers):
            raise origin_refusal(origin)
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_body:
            raise self._too_large()
        client = self._client(path, origin, headers, scope)
        if path in RATE_LIMITED_PATHS and scope["method"] == "POST":
            wait = self.limiter.wait(client)
            if wait:
                raise rate_refusal(int(self.limiter.capacity), max(1, math.ceil(wait)))
        return await self._read_body(receive)

    def _origin_allowed(self, origin: str, scope: Scope, headers: Headers) -> bool:
        if self.any_origin:
            return True
        wanted = normalize_origin(origin)
        own = normalize_origin(f"{scope.get('scheme', 'http')}://{headers.get('host', '')}")
        return wanted == own or wanted in self.allowed_origins

    def _client(self, path: str, origin: str | None, headers: Headers, scope: Scope) -> str:
        """Who is asking, for the rate limit: the API key when one is configured and given, else the IP."""
        peer = scope.get("client")
        by_address = f"ip:{peer[0] if peer else 'unknown'}"
        if not self.keys:
            return by_address
        authorization = headers.get("authorization")
        if authorization is not None:
            scheme, _, key = authorization.partition(" ")
            given = key.strip().encode()
            for n, known in enumerate(self.keys):
                if scheme.lower() == "bearer" and hmac.compare_digest(given, known):
                    return f"key:{n}"
            raise invalid_key_refusal()
        if origin is None and path not in KEYLESS_PATHS:
            raise missing_key_refusal()
        return by_address

    async def _read_body(self, receive: Receive) -> list[Message]:
        """Reads the whole body (it is small by now), counting bytes in case Content-Length was absent or false."""
        messages: list[Message] = []
        size = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                return messages
            size += len(message.get("body", b""))
            if size > self.max_body:
                raise self._too_large()
            if not message.get("more_body", False):
                return messages

    def _too_large(self) -> Refusal:
        return size_refusal(self.max_body)

    @staticmethod
    def _preflight(origin: str) -> Response:
        return Response(
            status_code=204,
            headers={
                "Access-Control-Allow-Origin": origin,
                "Access-Control-Allow-Methods": CORS_METHODS,
                "Access-Control-Allow-Headers": CORS_HEADERS,
                "Access-Control-Max-Age": "600",
                "Vary": "Origin",
            },
        )


def _replay(messages: list[Message], receive: Receive) -> Receive:
    """A `receive` that hands out the body already read, then listens on (for the client disconnecting)."""
    pending = list(messages)

    async def receive_again() -> Message:
        return pending.pop(0) if pending else await receive()

    return receive_again


def _with_headers(send: Send, extra: dict[str, str]) -> Send:
    if not extra:
        return send
    extra = {**extra, "Access-Control-Expose-Headers": "Retry-After"}

    async def send_with_headers(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = Headers(raw=message.get("headers", [])).mutablecopy()
            headers.update(extra)
            message = {**message, "headers": headers.raw}
        await send(message)

    return send_with_headers
