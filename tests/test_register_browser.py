"""Register answers in headless Chromium: a table answer and a chart answer in the web chat and in the
widget (served from the bot's own demo page), each row cited. Saves `register.png` and `chart.png`
(`screenshot_dir`: docs/ under `make screenshots`, a temporary folder otherwise)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.browser]

playwright_sync = pytest.importorskip("playwright.sync_api")
Page = playwright_sync.Page
expect = playwright_sync.expect

ANSWER_TIMEOUT_MS = 60_000
TABLE_QUESTION = "Which services did the CAC list as approved on 17 January 2024?"
CHART_QUESTION = "How have deep-synthesis filings grown?"


@pytest.fixture(scope="module")
def live_url(corpus_bot, corpus_settings, live_server) -> Iterator[str]:
    from bot.server import create_app

    with live_server(create_app(corpus_bot, corpus_settings)) as url:
        yield url


def ask_in_chat(page: Page, question: str) -> None:
    box = page.locator("#question textarea")
    box.wait_for(state="visible")
    box.fill(question)
    box.press("Enter")


def test_the_chat_shows_a_table_answer_with_every_row_cited(live_url: str, open_page, screenshot_dir: Path) -> None:
    page = open_page(live_url + "/", height=1000)
    ask_in_chat(page, TABLE_QUESTION)
    answer = page.locator("#chat [data-testid='bot']").last
    table = answer.locator("table.register-table")
    expect(table).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    expect(table.locator("tr")).to_have_count(15)  # the header and the 14 services of 17 January 2024
    expect(table).to_contain_text("Beijing-XiaoAiTongXueAIZhuShou-20240102")
    expect(answer.locator(".citations .citation")).to_have_count(14)
    expect(answer.locator("a.register-download")).to_contain_text("Download all 14 rows")
    answer.evaluate("e => e.scrollIntoView({block: 'start'})")  # the answer's text and table, not its sources
    page.locator("#chat").screenshot(path=str(screenshot_dir / "register.png"))


def test_the_chat_shows_a_chart_drawn_from_the_counted_rows(live_url: str, open_page, screenshot_dir: Path) -> None:
    page = open_page(live_url + "/", height=1200)
    ask_in_chat(page, CHART_QUESTION)
    answer = page.locator("#chat [data-testid='bot']").last
    chart = answer.locator("img.register-chart")
    expect(chart).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=chart.element_handle())
    expect(answer).to_contain_text("7,059")
    answer.evaluate("e => e.scrollIntoView({block: 'start'})")  # the answer's text and chart, not its sources
    page.locator("#chat").screenshot(path=str(screenshot_dir / "chart.png"))


def test_the_widget_shows_the_table_and_the_chart(live_url: str, open_page) -> None:
    page = open_page(live_url + "/widget/demo")
    page.get_by_role("button", name=re.compile("Open chat")).click()
    dialog = page.get_by_role("dialog")
    box = dialog.get_by_role("textbox", name=re.compile("Question|问题"))
    box.fill(TABLE_QUESTION)
    box.press("Enter")
    message = page.locator(".log .msg").last
    expect(message.locator("table")).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    expect(message.locator("table tr")).to_have_count(15)
    expect(message.locator(".cite")).to_have_count(14)
    box.fill(CHART_QUESTION)
    box.press("Enter")
    chart = page.locator(".log .msg").last.locator("img.chart")
    expect(chart).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=chart.element_handle())
