"""The app factory: one FastAPI app with the HTTP API and the Gradio chat mounted at `/`, and
`serve()` that indexes the corpus on first start and runs it under uvicorn."""

from __future__ import annotations

import errno
import logging
import os
import socket

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline

from bot.config import Settings, get_settings
from bot.core import Bot
from bot.errors import BotError, PortInUse
from bot.feedback import FeedbackStore

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
log = logging.getLogger(__name__)


def create_app(
    bot: Bot | None = None, settings: Settings | None = None, feedback: FeedbackStore | None = None
) -> FastAPI:
    """The whole web service; pass a `Bot` (or a `FeedbackStore`) to serve it instead of one built from settings."""
    import gradio as gr

    from bot.api import router
    from bot.guard import ApiGuard
    from bot.openai_api import add_openai_error_handlers
    from bot.openai_api import router as openai_router
    from bot.register_api import router as register_router
    from bot.request_check import RequestCheck
    from bot.ui import CSS, build_ui
    from bot.widget.routes import router as widget_router
    from bot.wiring import build_bot

    settings = settings or get_settings()
    bot = bot or build_bot(settings)
    # The API docs (/docs, /redoc) load Swagger UI and ReDoc from this server, not from a CDN: the bot runs offline.
    app = FastAPIOffline(
        title="Approvals Q&A",
        version="0.1.0",
        description="Answers questions from the indexed documents, with citations whose quotes are exact "
        "slices of the source documents.",
    )
    app.state.bot = bot
    app.state.settings = settings
    app.state.feedback = feedback or FeedbackStore(settings.feedback_database)
    app.include_router(router)
    app.include_router(register_router)
    app.include_router(openai_router)
    app.include_router(widget_router)
    add_openai_error_handlers(app)
    # Inside the guard: unreadable bodies and methods an API path does not take (bot.request_check).
    app.add_middleware(RequestCheck, openapi=app.openapi)
    app.add_middleware(ApiGuard, settings=settings)  # origins, API keys, rate limit, body size for /api and /v1
    ui = build_ui(bot, feedback=app.state.feedback)
    return gr.mount_gradio_app(app, ui, path="/", css=CSS, theme=gr.themes.Soft(), footer_links=["api"])


def listening_socket(host: str, port: int) -> socket.socket:
    """A socket bound to `host:port`, or `PortInUse` when another program has it (checked before any slow
    start-up work, so the reader sees why rather than a traceback after "Serving on")."""
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        if error.errno == errno.EADDRINUSE:
            raise PortInUse(host, port) from error
        raise BotError(f"The server cannot listen on {host}:{port}: {error.strerror}.") from error
    return sock


def serve(settings: Settings | None = None) -> None:
    """Index the corpus if nothing is indexed yet, then serve until interrupted (Ctrl+C)."""
    import uvicorn

    from bot.ingest import ingest
    from bot.wiring import build_bot, build_register_store, build_store

    settings = settings or get_settings()
    sock = listening_socket(settings.host, settings.port)
    store = build_store(settings)
    register = build_register_store(settings)
    if (len(store.keywords) == 0 or len(register) == 0) and settings.corpus_dir.exists():
        log.warning("No index yet: indexing %s first.", settings.corpus_dir)
        report = ingest(
            [settings.corpus_dir], store, settings.chunk_chars, register=register, corpus=settings.corpus_dir
        )
        print(f"Ingest: {report.summary()}")
        store.refresh(force=True)
        register.refresh(force=True)
    bot = build_bot(settings, store, register)
    bot.warm_up()
    app = create_app(bot, settings)
    print(f"Serving on http://{settings.host}:{settings.port}  (API docs at /docs; Ctrl+C stops it)")
    uvicorn.Server(uvicorn.Config(app, host=settings.host, port=settings.port, log_level="warning")).run(sockets=[sock])
