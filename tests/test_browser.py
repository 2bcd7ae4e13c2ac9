"""End-to-end: the real app (FastAPI + Gradio, real models, real Chroma over the corpus) served by
uvicorn on localhost and driven by headless Chromium. Also saves the chat's screenshot (`screenshot_dir`)."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import wait_until_an_image_error_would_have_run
from expectations import COUNT, COUNT_QUESTION_ZH, LINKED_COUNT, LINKED_QUESTION

pytestmark = [pytest.mark.slow, pytest.mark.browser]

playwright_sync = pytest.importorskip("playwright.sync_api")
Page = playwright_sync.Page
expect = playwright_sync.expect

REPO = Path(__file__).resolve().parent.parent
ANSWER_TIMEOUT_MS = 60_000

QUESTION_EN = LINKED_QUESTION
QUESTION_ZH = COUNT_QUESTION_ZH
XSS = 'What about <img src=x onerror="window.__xss=1"> and <script>window.__xss=2</script> in January 2024?'


@pytest.fixture(scope="module")
def live_url(corpus_bot, corpus_settings, live_server) -> Iterator[str]:
    """The whole web service under uvicorn in a background thread; yields its base URL."""
    from bot.server import create_app

    with live_server(create_app(corpus_bot, corpus_settings)) as url:
        yield url


@pytest.fixture
def page(open_page, live_url: str) -> Page:
    """A fresh page (own context, so no chat history is shared) with the chat loaded."""
    page = open_page(live_url + "/")
    page.locator("#question textarea").wait_for(state="visible")
    return page


def ask(page: Page, question: str) -> None:
    box = page.locator("#question textarea")
    box.fill(question)
    expect(box).to_have_value(question)
    box.press("Enter")


def last_answer(page: Page):
    return page.locator("#chat [data-testid='bot']").last


def prose_of(answer) -> str:
    """The visible text of an answer without its sources block."""
    return answer.evaluate(
        "e => { const c = e.cloneNode(true); c.querySelectorAll('.citations').forEach(x => x.remove());"
        " return c.textContent; }"
    )


def wait_for_cited_answer(page: Page, number: str) -> None:
    """Waits for the last bot message to say `number` and cite a quote that holds it."""
    answer = last_answer(page)
    citations = answer.locator(".citations")
    expect(citations).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    as_word = re.compile(rf"(?<!\d){number}(?!\d)")
    prose = prose_of(answer)
    assert as_word.search(prose), f"the answer text lacks {number}: {prose!r}"
    first = citations.locator(".citation").first
    expect(first).to_be_visible()
    expect(first).to_contain_text("[1]")
    expect(first.locator("a, blockquote").first).to_be_visible()
    quote = citations.locator(".citation blockquote", has_text=as_word).first
    expect(quote).to_be_visible()
    assert as_word.search(quote.inner_text()), quote.inner_text()


def test_english_question_gets_cited_answer_and_screenshot(page: Page, screenshot_dir: Path) -> None:
    status = page.locator("#index-status")
    expect(status).to_be_visible()
    expect(status).to_contain_text(re.compile(r"\d+ documents"))

    ask(page, QUESTION_EN)
    expect(page.locator("#chat [data-testid='user']").last).to_have_text(QUESTION_EN, timeout=ANSWER_TIMEOUT_MS)
    wait_for_cited_answer(page, LINKED_COUNT)
    answer = last_answer(page)
    # Rendered, not shown as markup.
    assert "<div" not in answer.inner_text()
    assert "<blockquote" not in answer.inner_text()
    expect(answer.locator(".citation a").first).to_be_visible()
    expect(page.locator("#question textarea")).to_have_value("")
    # Each quote sits right under its own title, not nearer to the next citation's.
    citations = answer.locator(".citation")
    for i in range(citations.count()):
        title = citations.nth(i).locator("b").first.bounding_box()
        quote = citations.nth(i).locator("blockquote").bounding_box()
        assert title and quote
        below_title = quote["y"] - (title["y"] + title["height"])
        assert -1 <= below_title <= 12, f"quote [{i + 1}] starts {below_title:.0f}px below its title"
        if i + 1 < citations.count():
            following = citations.nth(i + 1).bounding_box()
            assert following
            gap = following["y"] - (quote["y"] + quote["height"])
            assert gap > below_title, f"quote [{i + 1}] is nearer the next citation ({gap:.0f}px)"

    out = screenshot_dir / "screenshot.png"
    page.screenshot(path=str(out), full_page=True)
    assert out.stat().st_size > 10_000


def test_chinese_question_gets_cited_answer(page: Page) -> None:
    ask(page, QUESTION_ZH)
    expect(page.locator("#chat [data-testid='user']").last).to_have_text(QUESTION_ZH, timeout=ANSWER_TIMEOUT_MS)
    wait_for_cited_answer(page, COUNT)
    answer = last_answer(page)
    assert re.search(r"[\u4e00-\u9fff]", answer.inner_text()), answer.inner_text()
    # A Chinese answer labels its sources in Chinese.
    expect(answer.locator(".citations")).to_contain_text("来源")


def test_markup_in_question_is_shown_as_text_and_not_run(page: Page) -> None:
    page.evaluate("window.__xss = undefined")
    ask(page, XSS)
    user = page.locator("#chat [data-testid='user']").last
    expect(user).to_contain_text('<img src=x onerror="window.__xss=1">', timeout=ANSWER_TIMEOUT_MS)
    expect(user).to_contain_text("<script>window.__xss=2</script>")
    assert user.locator("img, script").count() == 0
    # Wait for the finished answer (its rating buttons come last) so every render has happened, then check
    # that nothing ran. The answer may come from the documents or the register, with or without sources.
    expect(page.locator("#chat").get_by_role("button", name="Dislike").last).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    wait_until_an_image_error_would_have_run(page)
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator("#chat img[src='x'], #chat script").count() == 0


def test_clicking_an_example_fills_the_question_box(page: Page) -> None:
    from bot.examples import EXAMPLES

    box = page.locator("#question textarea")
    expect(box).to_have_value("")
    # Gradio shows each example as a button, long ones cut short ("…the Janua...").
    buttons = page.locator(".block", has_text="Examples / 示例").locator("button.gallery-item")
    expect(buttons).to_have_count(len(EXAMPLES))
    for i in (1, 3, 4):
        shown = buttons.nth(i).inner_text().strip().removesuffix("...")
        assert shown and EXAMPLES[i].startswith(shown), (shown, EXAMPLES[i])
        buttons.nth(i).click()
        expect(box).to_have_value(EXAMPLES[i])


def test_thumbs_with_a_comment_are_recorded_and_the_embed_snippet_names_this_server(
    page: Page, live_url: str, corpus_settings
) -> None:
    from bot.feedback import FeedbackStore

    ask(page, QUESTION_EN)
    wait_for_cited_answer(page, LINKED_COUNT)
    comment = f"web chat feedback {time.time_ns()}"
    page.locator("#feedback-comment textarea").fill(comment)
    page.locator("#chat").get_by_role("button", name="Dislike", exact=True).last.click()
    expect(page.locator("#feedback-status")).to_contain_text("recorded as not helpful")
    expect(page.locator("#feedback-comment textarea")).to_have_value("")
    rows = [row for row in FeedbackStore(corpus_settings.feedback_path).rows() if row["comment"] == comment]
    assert [(row["rating"], row["channel"], row["question"]) for row in rows] == [("down", "web", QUESTION_EN)]
    assert re.search(rf"(?<!\d){LINKED_COUNT}(?!\d)", rows[0]["answer"]["answer"]) and rows[0]["answer"]["citations"]

    page.get_by_text("Embed this bot").click()
    expect(page.locator("#embed-snippet")).to_contain_text(f'<script src="{live_url}/widget.js"')
