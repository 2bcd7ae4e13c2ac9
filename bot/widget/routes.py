"""Serves the widget's static files: `GET /widget.js` and `GET /widget/demo` (a plain page carrying the
one-line snippet, with the snippet shown for copying). It serves files only; the widget's questions go to
the API, which decides which origins may ask."""

from __future__ import annotations

import hashlib
import html
from functools import cache
from importlib.resources import files

from fastapi import APIRouter, Request, Response

from bot.widget import embed_snippet

router = APIRouter(tags=["widget"])

# Browsers revalidate after an hour, so a new widget.js reaches host pages the same day; ETag makes that cheap.
CACHE_CONTROL = "public, max-age=3600"


@cache
def _asset(name: str) -> tuple[str, str]:
    """A file shipped in this package, and its ETag."""
    text = files("bot.widget").joinpath(name).read_text(encoding="utf-8")
    return text, '"' + hashlib.sha256(text.encode()).hexdigest()[:16] + '"'


@router.get("/widget.js", summary="The embeddable chat widget", response_class=Response)
@router.head("/widget.js", include_in_schema=False)  # listed once in the API docs, as GET
def widget_js(request: Request) -> Response:
    body, etag = _asset("widget.js")
    headers = {"Cache-Control": CACHE_CONTROL, "ETag": etag, "X-Content-Type-Options": "nosniff"}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    return Response(body, media_type="text/javascript; charset=utf-8", headers=headers)


@router.get("/widget/demo", summary="A demo page with the widget embedded", response_class=Response)
def widget_demo(request: Request) -> Response:
    snippet = embed_snippet(str(request.base_url))
    page = _asset("demo.html")[0].replace("{{snippet_code}}", html.escape(snippet)).replace("{{snippet}}", snippet)
    return Response(page, media_type="text/html; charset=utf-8", headers={"Cache-Control": "no-cache"})
