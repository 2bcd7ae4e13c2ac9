"""Shared fixtures: the real embedding models, a real Chroma in a temporary folder holding the
repository's corpus, the `Bot` built on it the way `bot.wiring` builds it in production, and
`live_server` to serve an app under a real uvicorn on 127.0.0.1, real Redis and PostgreSQL servers
(`redis_server`, `postgres_server`, from tests/services.py), and where browser tests save screenshots."""

from __future__ import annotations

import contextlib
import os
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from services import PostgresServer, RedisServer, ServiceMissing

from bot.config import Settings
from bot.core import Bot
from bot.ingest import ingest
from bot.register.store import RegisterStore
from bot.store import ChunkStore
from bot.wiring import build_bot, build_register_store, build_store

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"


@pytest.fixture
def settings_in(tmp_path: Path):
    """Settings whose data directory is a fresh temporary folder."""

    def make(**overrides: object) -> Settings:
        return Settings(data_dir=tmp_path / "data", corpus_dir=CORPUS, **overrides)  # type: ignore[arg-type]

    return make


@pytest.fixture(scope="session")
def corpus_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(data_dir=tmp_path_factory.mktemp("corpus-index"), corpus_dir=CORPUS)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def corpus_register(corpus_settings: Settings) -> RegisterStore:
    """The repository's register tables (documents skipped), in the same on-disk Chroma as `corpus_store`."""
    return build_register_store(corpus_settings)


@pytest.fixture(scope="session")
def corpus_store(corpus_settings: Settings, corpus_register: RegisterStore) -> ChunkStore:
    """The repository's corpus, documents and register tables, indexed with the real models into a real
    on-disk Chroma."""
    store = build_store(corpus_settings)
    report = ingest([CORPUS], store, corpus_settings.chunk_chars, progress=False, register=corpus_register)
    assert report.ok, report.failed
    return store


@pytest.fixture(scope="session")
def corpus_bot(corpus_settings: Settings, corpus_store: ChunkStore, corpus_register: RegisterStore) -> Bot:
    return build_bot(corpus_settings, corpus_store, corpus_register)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def _serve(app: object) -> Iterator[str]:
    import httpx
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, "127.0.0.1", port, log_level="warning"))  # type: ignore[arg-type]
    thread = threading.Thread(target=server.run, name=f"uvicorn-test-{port}", daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{url}/api/health", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            pytest.fail("the server did not answer GET /api/health within 60 s")
        time.sleep(0.1)
    try:
        yield url
    finally:
        server.should_exit = True
        thread.join(timeout=15)


@pytest.fixture(scope="session")
def live_server() -> Callable[[object], contextlib.AbstractContextManager[str]]:
    """`with live_server(app) as url:` serves `app` under uvicorn in a background thread until the block ends."""
    return _serve


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    """A real `redis-server` on 127.0.0.1 for the session; a test that stops it starts it again."""
    try:
        server = RedisServer(tmp_path_factory.mktemp("redis"))
    except ServiceMissing as missing:
        pytest.skip(str(missing))
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A real PostgreSQL on 127.0.0.1 for the session (its folder removed after); a test that stops it starts
    it again."""
    try:
        server = PostgresServer()
    except ServiceMissing as missing:
        pytest.skip(str(missing))
    try:
        server.start()
        yield server
    finally:
        server.remove()


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where browser tests save their screenshots: `$SCREENSHOTS_DIR` when set (`make screenshots` sets
    it to docs/), else a temporary folder, so that a test run never rewrites the tracked images."""
    configured = os.environ.get("SCREENSHOTS_DIR")
    folder = Path(configured) if configured else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def wait_until_an_image_error_would_have_run(page: object) -> None:
    """Loads an image that fails, as injected markup would, and waits for its error handler: after that,
    a handler smuggled into the page has had its chance to run (no fixed sleep)."""
    page.evaluate(  # type: ignore[attr-defined]
        "() => { window.__probe = 0; const i = new Image(); i.onerror = () => { window.__probe = 1; };"
        " i.src = 'x-missing-' + Date.now(); }"
    )
    page.wait_for_function("window.__probe === 1")  # type: ignore[attr-defined]


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser():
    """Headless Debian Chromium driven by Playwright (never `playwright install`)."""
    playwright_sync = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (run `make browser`)")
    with playwright_sync.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


PAGE_LOAD_TIMEOUT_MS = 30_000


@pytest.fixture
def open_page(browser) -> Iterator[Callable[..., Any]]:
    """Opens a URL in a fresh browser context (its own storage, so no chat history is shared) that reaches
    127.0.0.1 and localhost only: anything else (fonts, CDNs, analytics) is refused rather than waited on.
    Contexts close when the test ends."""
    contexts = []

    def open_(url: str, width: int = 1200, height: int = 900) -> Any:
        context = browser.new_context(viewport={"width": width, "height": height}, locale="en-US")
        context.route(re.compile(r"^(?!https?://(127\.0\.0\.1|localhost)[:/]).*"), lambda route: route.abort())
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(PAGE_LOAD_TIMEOUT_MS)
        page.goto(url, wait_until="domcontentloaded")
        return page

    yield open_
    for context in contexts:
        context.close()
