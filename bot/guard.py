"""The gate in front of the bot's HTTP APIs (`/api/*` and `/v1/*`), as one ASGI middleware:

- which web sites may call them from a browser (the Origin check, and CORS for the sites allowed),
- API keys for programs (clients that send no Origin header),
- a per-client rate limit on the question and feedback endpoints (counted by `bot.ratelimit`: in memory,
  or in Redis shared by every replica when `BOT_REDIS_URL` is set),
- a cap on request bodies.

It does not touch Gradio's routes (`/`, `/gradio_api/...`) and does no work of the bot.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.config import Settings
from bot.ratelimit import RateLimit

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


class ApiGuard:
    """ASGI middleware guarding `/api/*` and `/v1/*`; everything else passes straight through."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        origins = settings.allowed_origin_list
        self.any_origin = "*" in origins
        self.allowed_origins = {normalize_origin(o) for o in origins if o != "*"}
        self.keys = [key.encode() for key in settings.api_key_list]
        self.max_body = settings.max_body_bytes
        self.limit = RateLimit(settings.rate_limit_per_minute, settings.redis_url, settings.collection_prefix)

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
            wait = await self.limit.wait(client)
            if wait:
                raise rate_refusal(self.limit.per_minute, self.limit.retry_after(wait))
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
            for known in self.keys:
                if scheme.lower() == "bearer" and hmac.compare_digest(given, known):
                    # A digest, not the key, in the counters (which Redis may hold), the same on every replica.
                    return f"key:{hashlib.sha256(known).hexdigest()[:16]}"
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
