"""A check of requests to the JSON APIs (`/api/*`, `/v1/*`) before FastAPI reads them, as one ASGI middleware:

- a body must be UTF-8 JSON nested at most `MAX_DEPTH` deep, with no lone UTF-16 surrogate in any string or
  key (`"\\ud800"` is valid JSON but no character: it could be neither stored nor sent back, not even in a
  validation error);
- a method a documented path does not take (by the OpenAPI schema) gets 405 with `Allow`, and HEAD is
  answered where GET is; without this the web chat mounted at `/` would answer both, with a 404;
- a query parameter that takes one value may be given once (FastAPI would quietly keep the last).

Control characters in a question are `Bot.check`'s to refuse, and in feedback the API models'.

Each refusal says what was wrong and where: 422 under /api (FastAPI's status for a body it cannot use) and
400 in OpenAI's shape under /v1. A body that is not JSON at all is left to FastAPI, which says where it broke.
It runs inside `bot.guard.ApiGuard`, so bodies are already capped in size; it does no work of the bot.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl

from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.guard import error_response
from bot.printable import LONE_SURROGATE

CHECKED_PREFIXES = ("/api/", "/v1/")
MAX_DEPTH = 32  # the deepest body the APIs take is 4 levels (messages → parts → part → text)


class BadBody(Exception):
    """A body the APIs refuse, with the reason for the caller."""


class RequestCheck:
    """ASGI middleware: refuses unreadable bodies and unsupported methods on the JSON APIs; see the module."""

    def __init__(self, app: ASGIApp, openapi: Callable[[], dict[str, Any]]) -> None:
        self.app = app
        self.openapi = openapi
        self._paths: list[tuple[re.Pattern[str], dict[str, set[str]]]] | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        operations = self._operations_of(scope)
        allowed = set(operations) if operations is not None else None
        if allowed is not None and scope["method"] == "HEAD" and "GET" in allowed:
            # HEAD is GET without the body (the server leaves it out); FastAPI's routes take GET only.
            scope = {**scope, "method": "GET"}
        elif allowed is not None and scope["method"] not in allowed:
            refusal = _refusal(scope["path"], 405, f"{scope['method']} is not a method of {scope['path']}.", "method")
            refusal.headers["Allow"] = ", ".join(sorted(allowed))
            await refusal(scope, receive, send)
            return
        if not scope["path"].startswith(CHECKED_PREFIXES):
            await self.app(scope, receive, send)
            return
        repeated = _repeated(scope, (operations or {}).get(scope["method"], set()))
        if repeated:
            message = f"The query parameter '{repeated}' takes one value, and was given more than once."
            await _refusal(scope["path"], None, message, "invalid_query")(scope, receive, send)
            return
        messages, body = await _read(receive)
        try:
            check_body(body)
        except BadBody as problem:
            await _refusal(scope["path"], None, str(problem), "invalid_body")(scope, receive, send)
            return
        await self.app(scope, _replay(messages, receive), send)

    def _operations_of(self, scope: Scope) -> dict[str, set[str]] | None:
        """The methods the schema lists for the path, each with its one-value query parameters; None when the
        schema has no such path (FastAPI's 404 then)."""
        if self._paths is None:
            paths = self.openapi().get("paths", {})
            self._paths = [
                (_path_pattern(path), {method.upper(): _single_valued(op) for method, op in ops.items()})
                for path, ops in paths.items()
            ]
        for pattern, operations in self._paths:
            if pattern.match(scope["path"]):
                return operations
        return None


def _path_pattern(template: str) -> re.Pattern[str]:
    """The paths an OpenAPI path template stands for (`/v1/models/{model_id}` → `/v1/models/<anything>`)."""
    parts = ("[^/]+" if part.startswith("{") else re.escape(part) for part in template.split("/"))
    return re.compile("^" + "/".join(parts) + "$")


def _single_valued(operation: dict[str, Any]) -> set[str]:
    """The query parameters of an operation whose schema takes no array."""
    names = set()
    for parameter in operation.get("parameters", []):
        schema = parameter.get("schema", {})
        types = {schema.get("type")} | {option.get("type") for option in schema.get("anyOf", [])}
        if parameter.get("in") == "query" and "array" not in types:
            names.add(parameter["name"])
    return names


def _repeated(scope: Scope, single: set[str]) -> str | None:
    """The first one-value query parameter the request gives more than once."""
    seen: set[str] = set()
    for name, _ in parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True):
        if name in single and name in seen:
            return name
        seen.add(name)
    return None


def check_body(body: bytes) -> None:
    """Raises `BadBody` when the body is not UTF-8, or is JSON nested too deep or holding a lone surrogate."""
    if not body.strip():
        return
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BadBody(
            f"The body is not valid UTF-8 (byte {error.start} is 0x{body[error.start]:02x}); send JSON in UTF-8."
        ) from error
    try:
        value = json.loads(text)
    except RecursionError as error:
        raise BadBody(f"The JSON is nested more than {MAX_DEPTH} levels deep.") from error
    except ValueError:
        return  # not JSON: FastAPI says where it broke
    _check_value(value)


def _check_value(value: Any) -> None:
    """Depth, and every string and key, without recursion."""
    pending: list[tuple[Any, str, int]] = [(value, "body", 1)]
    while pending:
        item, where, depth = pending.pop()
        if depth > MAX_DEPTH:
            raise BadBody(f"The JSON is nested more than {MAX_DEPTH} levels deep (at {where}).")
        if isinstance(item, str):
            _check_text(item, where)
        elif isinstance(item, dict):
            for key, child in item.items():
                _check_text(key, f"{where} (a key)")
                pending.append((child, f"{where}.{key}", depth + 1))
        elif isinstance(item, list):
            pending.extend((child, f"{where}.{n}", depth + 1) for n, child in enumerate(item))


def _check_text(text: str, where: str) -> None:
    if surrogate := LONE_SURROGATE.search(text):
        raise BadBody(
            f"{where} holds a lone UTF-16 surrogate (U+{ord(surrogate.group()):04X}), which is not a character; "
            "send text as UTF-8, or escape a character outside the BMP as a surrogate pair."
        )


async def _read(receive: Receive) -> tuple[list[Message], bytes]:
    messages: list[Message] = []
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request" or not message.get("more_body", False):
            break
    return messages, b"".join(m.get("body", b"") for m in messages if m["type"] == "http.request")


def _replay(messages: list[Message], receive: Receive) -> Receive:
    pending = list(messages)

    async def receive_again() -> Message:
        return pending.pop(0) if pending else await receive()

    return receive_again


def _refusal(path: str, status: int | None, message: str, code: str) -> Response:
    if status is None:
        status = 400 if path.startswith("/v1/") else 422
    return error_response(path, status, message, code)
