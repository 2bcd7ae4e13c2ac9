"""The embeddable widget end to end: the real app under uvicorn, host pages on other origins served by a
plain `http.server`, and headless Chromium loading the one-line snippet. Also the widget's static routes,
its size, and the web chat's `/chat` endpoint through `gradio_client`. Saves the widget's screenshot
(`screenshot_dir`)."""

from __future__ import annotations

import gzip
import json
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from conftest import wait_until_an_image_error_would_have_run
from expectations import COUNT, COUNT_QUESTION, states_the_count

from bot.config import Settings

playwright_sync = pytest.importorskip("playwright.sync_api")
Page = playwright_sync.Page
expect = playwright_sync.expect

REPO = Path(__file__).resolve().parent.parent
WIDGET_JS = REPO / "bot" / "widget" / "widget.js"
ANSWER_TIMEOUT_MS = 60_000

QUESTION = COUNT_QUESTION
FOLLOW_UP = "And the Deep Synthesis Provisions?"
PAYLOAD = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'
XSS_QUESTION = f"How many models did the Harbour batch {PAYLOAD} approve?"
# A document whose text, title and source carry markup and a javascript: link, as a hostile corpus might.
XSS_DOCUMENT = f"""---
title: "Harbour batch <img src=x onerror=\\"window.__xss=3\\">"
date: 2024-02-01
lang: en
summary: "A test document full of markup."
sources:
  - title: "Harbour register <script>window.__xss=4</script>"
    url: "javascript:window.__xss=5"
---

# The Harbour batch <b>notes</b>

The Harbour batch {PAYLOAD} approved 9 models in total.

The Harbour register lists every model by name and by the company that filed it.
"""

slow_browser = [pytest.mark.slow, pytest.mark.browser]


class HostPages(ThreadingHTTPServer):
    """A plain web server for pages that embed the widget; `pages` maps a path to its HTML."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _PageHandler)
        self.pages: dict[str, str] = {}
        self.origin = f"http://127.0.0.1:{self.server_address[1]}"


class _PageHandler(BaseHTTPRequestHandler):
    server: HostPages

    def do_GET(self) -> None:
        page = self.server.pages.get(self.path)
        body = (page or "not found").encode()
        self.send_response(200 if page else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # keep the test output quiet
        pass


def host_page(snippet: str) -> str:
    # The host's own styles must not reach into the widget.
    return f"<!doctype html><style>button {{ font-size: 40px; padding: 30px }}</style>{snippet}"


@pytest.fixture(scope="module")
def hosts() -> Iterator[tuple[HostPages, HostPages]]:
    """Two host sites on two ports (two origins): the first is allowed to use the bot, the second is not."""
    servers = (HostPages(), HostPages())
    threads = [threading.Thread(target=s.serve_forever, daemon=True) for s in servers]
    for thread in threads:
        thread.start()
    try:
        yield servers
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


@pytest.fixture(scope="module")
def app(corpus_bot, tmp_path_factory, hosts):
    from bot.server import create_app

    allowed, _ = hosts
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("widget-data"), corpus_dir=REPO / "corpus", allowed_origins=allowed.origin
    )  # type: ignore[arg-type]
    return create_app(corpus_bot, settings)


@pytest.fixture(scope="module")
def app_url(app, live_server, hosts) -> Iterator[str]:
    allowed, refused = hosts
    with live_server(app) as url:
        allowed.pages["/"] = host_page(f'<script src="{url}/widget.js" data-title="Approvals" defer></script>')
        refused.pages["/"] = host_page(
            f'<script src="{url}/widget.js" data-lang="zh" data-position="left" data-open="true" defer></script>'
        )
        yield url


@pytest.fixture(scope="module")
def xss_app_url(tmp_path_factory, live_server, hosts) -> Iterator[str]:
    """The app over a small corpus whose one document is full of markup."""
    from bot.ingest import ingest
    from bot.server import create_app
    from bot.wiring import build_bot, build_store

    allowed, _ = hosts
    corpus = tmp_path_factory.mktemp("xss-corpus")
    (corpus / "harbour.md").write_text(XSS_DOCUMENT, encoding="utf-8")
    settings = Settings(data_dir=tmp_path_factory.mktemp("xss-data"), corpus_dir=corpus, allowed_origins=allowed.origin)  # type: ignore[arg-type]
    store = build_store(settings)
    assert ingest([corpus], store, settings.chunk_chars, progress=False).ok
    with live_server(create_app(build_bot(settings, store), settings)) as url:
        allowed.pages["/xss"] = host_page(f'<script src="{url}/widget.js" data-open="true" defer></script>')
        yield url


def ask(page: Page, question: str) -> None:
    box = page.get_by_role("dialog").get_by_role("textbox", name=re.compile("Question|问题"))
    box.fill(question)
    box.press("Enter")


def last_answer(page: Page):
    return page.locator(".log .msg").last


# -- static routes ------------------------------------------------------------------------------------------


def test_widget_is_small_and_renders_no_html() -> None:
    source = WIDGET_JS.read_text(encoding="utf-8")
    assert len(gzip.compress(source.encode())) < 10_000
    # Everything is built with createElement/createTextNode; no HTML parsing of any kind.
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in source, sink


@pytest.mark.slow
def test_widget_js_is_served_as_cacheable_javascript(app_url: str) -> None:
    response = httpx.get(f"{app_url}/widget.js")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert "max-age" in response.headers["cache-control"]
    assert response.text == WIDGET_JS.read_text(encoding="utf-8")
    again = httpx.get(f"{app_url}/widget.js", headers={"If-None-Match": response.headers["etag"]})
    assert again.status_code == 304


@pytest.mark.slow
def test_demo_page_carries_and_shows_the_snippet(app_url: str) -> None:
    from bot.widget import embed_snippet

    response = httpx.get(f"{app_url}/widget/demo")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    snippet = embed_snippet(app_url)
    assert f'src="{app_url}/widget.js"' in snippet
    assert snippet in response.text  # the working tag
    assert snippet.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;") in response.text  # for copying


def test_embed_snippet_escapes_the_address() -> None:
    from bot.widget import embed_snippet

    snippet = embed_snippet('http://evil"><script>alert(1)</script>')
    assert "<script>alert" not in snippet
    assert snippet.count("<script") == 1


# -- the widget in a browser ----------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.browser
def test_widget_on_allowed_site_streams_cited_answer_keeps_it_on_reload_and_takes_feedback(
    app, app_url: str, hosts, open_page, screenshot_dir: Path
) -> None:
    allowed, _ = hosts
    page = open_page(allowed.origin + "/", width=1100, height=850)
    launcher = page.get_by_role("button", name="Open chat: Approvals")
    # The host page's button styles do not reach the widget's button.
    assert launcher.bounding_box()["height"] == pytest.approx(56, abs=1)
    launcher.focus()
    page.keyboard.press("Enter")  # keyboard opens it, and focus moves into the panel
    dialog = page.get_by_role("dialog", name="Approvals")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("textbox", name="Question")).to_be_focused()
    expect(page.get_by_role("log")).to_have_attribute("aria-live", "polite")

    with page.expect_response(f"{app_url}/api/ask/stream") as streamed:
        page.keyboard.type(QUESTION)
        page.keyboard.press("Enter")
    assert streamed.value.headers["content-type"].startswith("text/event-stream")
    answer = last_answer(page)
    expect(answer.locator(".cites")).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    assert states_the_count(answer.locator(".txt").inner_text())
    expect(answer.locator(".cites")).to_contain_text("Sources")
    first = answer.locator(".cite").first
    expect(first).to_contain_text("[1]")
    expect(first.locator("blockquote")).not_to_be_empty()
    expect(answer.locator(".cite blockquote", has_text=re.compile(rf"(?<!\d){COUNT}(?!\d)")).first).to_be_visible()
    page.screenshot(path=str(screenshot_dir / "widget.png"))

    # Feedback with a comment reaches the server's feedback store.
    answer.get_by_role("textbox", name="Comment (optional)").fill("clear and sourced")
    with page.expect_response(f"{app_url}/api/feedback") as posted:
        answer.get_by_role("button", name="Helpful", exact=True).click()
    assert posted.value.status == 201
    expect(answer.get_by_role("status")).to_have_text("Thanks for the feedback!")
    rows = list(app.state.feedback.rows())
    assert [(r["rating"], r["comment"], r["channel"]) for r in rows] == [("up", "clear and sourced", "widget")]
    assert rows[0]["question"] == QUESTION

    # A reload in the same tab keeps the conversation (and the panel open); a follow-up sends it as history.
    page.reload(wait_until="domcontentloaded")
    expect(page.get_by_role("dialog")).to_be_visible()
    expect(page.locator(".log .user .txt").first).to_have_text(QUESTION)
    expect(last_answer(page).locator(".cites")).to_be_visible()
    expect(last_answer(page).get_by_role("button", name="Helpful", exact=True)).to_be_disabled()
    with page.expect_request(f"{app_url}/api/ask/stream") as request:
        ask(page, FOLLOW_UP)
    history = request.value.post_data_json["history"]
    assert [turn["role"] for turn in history] == ["user", "assistant"]
    assert history[0]["content"] == QUESTION and states_the_count(history[1]["content"])
    expect(page.locator(".log .cites")).to_have_count(2, timeout=ANSWER_TIMEOUT_MS)

    # Esc closes the panel and hands focus back to the button.
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_be_hidden()
    expect(page.get_by_role("button", name="Open chat: Approvals")).to_be_focused()


@pytest.mark.slow
@pytest.mark.browser
def test_widget_on_site_not_allowed_shows_the_refusal_and_errors_in_chinese(app_url: str, hosts, open_page) -> None:
    _, refused = hosts
    page = open_page(refused.origin + "/", width=1100, height=850)
    # data-open="true", data-lang="zh", data-position="left"
    dialog = page.get_by_role("dialog", name="文件问答")
    expect(dialog).to_be_visible()
    assert dialog.bounding_box()["x"] < 100
    ask(page, QUESTION)
    error = page.locator(".log .err").last
    expect(error).to_contain_text(f"This site ({refused.origin}) is not allowed", timeout=ANSWER_TIMEOUT_MS)
    expect(error).to_contain_text("BOT_ALLOWED_ORIGINS")

    # Rarer replies, scripted: an abstention, a server failing mid-answer, and no server at all.
    stream = f"{app_url}/api/ask/stream"
    abstention = {
        "answer": "这些文件没有回答这个问题。",
        "abstained": True,
        "language": "zh",
        "citations": [
            {"n": 1, "title": "备案", "source": "corpus/x.md", "url": None, "quote": "引文", "start": 0, "end": 2}
        ],
        "confidence": 0.1,
    }
    replies = [
        f"event: citations\ndata: {json.dumps(abstention)}\n\nevent: end\ndata: {{}}\n\n",
        'event: delta\ndata: {"text": "Partial "}\n\nevent: error\ndata: {"status": 500, "detail": "It broke."}\n\n',
    ]
    page.route(stream, lambda route: route.fulfill(content_type="text/event-stream", body=replies.pop(0)))
    ask(page, "这是什么？")
    expect(last_answer(page).locator(".cites")).to_contain_text("最相关的来源")
    expect(last_answer(page).locator(".cite")).to_have_text(re.compile(r"\[1\]\s*备案\s*corpus/x.md\s*引文"))
    ask(page, "again")
    expect(page.locator(".log .err .txt").last).to_have_text("出错了：It broke.")
    page.unroute(stream)
    page.route(stream, lambda route: route.abort())
    ask(page, "once more")
    expect(page.locator(".log .err .txt").last).to_have_text("无法连接服务器，请检查网络后重试。")


@pytest.mark.slow
@pytest.mark.browser
def test_an_answers_notice_and_verified_citations_are_shown_as_text(app_url: str, hosts, open_page) -> None:
    allowed, _ = hosts
    page = open_page(allowed.origin + "/", width=1100, height=850)
    page.get_by_role("button", name="Open chat: Approvals").click()
    notice = 'The language model could not be used (<b onclick="x()">HTTP 500</b>); quoted from the documents.'
    reply = {
        "answer": "Filed on 1 May 2024. [1]",
        "abstained": False,
        "language": "en",
        "citations": [
            {
                "n": 1,
                "title": "Filings",
                "source": "corpus/x.md",
                "url": None,
                "quote": "q",
                "start": 0,
                "end": 1,
                "verified": True,
            }
        ],
        "confidence": 0.9,
        "notice": notice,
    }
    body = f"event: citations\ndata: {json.dumps(reply)}\n\nevent: end\ndata: {{}}\n\n"
    page.route(f"{app_url}/api/ask/stream", lambda route: route.fulfill(content_type="text/event-stream", body=body))
    ask(page, "When was it filed?")
    expect(last_answer(page).locator(".notice")).to_have_text(notice)
    expect(last_answer(page).locator(".cite")).to_contain_text("(verified)")
    root = "document.querySelector('#approvals-qa-widget').shadowRoot"
    assert page.evaluate(f"{root}.querySelectorAll('.notice b').length") == 0


@pytest.mark.slow
@pytest.mark.browser
def test_markup_in_question_and_documents_stays_inert_text(xss_app_url: str, hosts, open_page) -> None:
    allowed, _ = hosts
    page = open_page(allowed.origin + "/xss", width=1100, height=850)
    page.evaluate("window.__xss = undefined")
    ask(page, XSS_QUESTION)
    answer = last_answer(page)
    expect(answer.locator(".cites")).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    expect(page.locator(".log .user .txt").last).to_have_text(XSS_QUESTION)
    expect(answer.locator(".txt")).to_contain_text(PAYLOAD)
    expect(answer.locator(".cite blockquote").first).to_contain_text(PAYLOAD)
    expect(answer.locator(".cite").first).to_contain_text('Harbour batch <img src=x onerror="window.__xss=3">')
    # A javascript: source address is shown as plain text, not as a link.
    assert answer.locator(".cite a").count() == 0
    wait_until_an_image_error_would_have_run(page)
    assert page.evaluate("typeof window.__xss") == "undefined"
    root = "document.querySelector('#approvals-qa-widget').shadowRoot"
    assert page.evaluate(f"{root}.querySelectorAll('img, script, a[href^=javascript]').length") == 0


@pytest.mark.slow
@pytest.mark.browser
def test_demo_page_widget_answers_from_the_servers_own_origin(app_url: str, open_page) -> None:
    page = open_page(f"{app_url}/widget/demo", width=1100, height=850)
    expect(page.locator("#snippet")).to_contain_text(f'<script src="{app_url}/widget.js"')
    page.get_by_role("button", name="Open chat: Ask about AI approvals").click()
    ask(page, QUESTION)
    expect(last_answer(page).locator(".cites")).to_contain_text("Sources", timeout=ANSWER_TIMEOUT_MS)


@pytest.mark.slow
def test_web_chat_answers_through_gradio_client(app_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from gradio_client import Client

    # The client holds a heartbeat stream open; a short beat lets it (and the server) stop promptly.
    monkeypatch.setenv("GRADIO_HEARTBEAT_INTERVAL", "0.5")
    client = Client(app_url + "/", verbose=False)
    try:
        box, history = client.predict(QUESTION, [], api_name="/chat")
    finally:
        client.close()
    assert box == ""
    text = "".join(part["text"] for part in history[-1]["content"] if part.get("type") == "text")
    assert states_the_count(text.split("\n", 1)[0])
    assert 'class="citations"' in text
