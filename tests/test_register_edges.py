"""The register through the real corpus bot and every edge: the questions the register issues promise,
follow-ups, Traditional Chinese, rules questions still going to the documents, and the `register` field on
`/api/ask`, the stream, `/v1/chat/completions` (openai SDK) and `GET /api/register` (JSON, CSV, chart)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

import httpx
import pytest

from bot.server import create_app

pytestmark = pytest.mark.slow
BATCH = "In the January 2024 batch, how many services got approved?"


@pytest.fixture(scope="module")
def url(corpus_bot, corpus_settings, live_server) -> Iterator[str]:
    with live_server(create_app(corpus_bot, corpus_settings)) as url:
        yield url


def test_the_january_2024_batch_is_14_and_the_answer_says_the_month_holds_25(corpus_bot):
    answer = corpus_bot.ask(BATCH)
    assert answer.register is not None and answer.register.total == 14
    assert answer.answer.startswith("14 services were approved together on 17 January 2024")
    assert "25 in all" in answer.answer and "(Shanghai)" in answer.answer


def test_which_were_they_after_the_batch_question_is_a_14_row_table_each_row_cited(corpus_bot):
    answer = corpus_bot.ask("Which were they?", [{"role": "user", "content": BATCH}])
    table = answer.register
    assert table is not None and table.total == 14 and len(table.rows) == 14
    assert [c.n for c in answer.citations] == list(range(1, 15))
    assert {row["date"] for row in table.rows} == {"2024-01-17"}
    assert all(c.source.endswith("genai_filing.json") and c.url for c in answer.citations)


def test_apple_intelligence_is_shanghai_with_its_number_and_date(corpus_bot):
    answer = corpus_bot.ask("Has Apple Intelligence been filed?")
    assert "Shanghai-AppleZhiNeng-202506160057" in answer.answer
    assert "8 July 2026" in answer.answer and "Shanghai" in answer.answer


def test_chatgpt_is_not_in_the_lists_and_no_number_is_given(corpus_bot):
    answer = corpus_bot.ask("Is ChatGPT filed in China?")
    assert answer.answer.startswith("No service or company named ChatGPT is in the CAC's lists up to")
    assert answer.register is not None and answer.register.total == 0 and not answer.citations
    assert not answer.abstained


def test_the_registrations_count_in_chinese_is_729(corpus_bot):
    answer = corpus_bot.ask("一共有多少项服务完成了登记？")
    assert answer.register is not None and answer.register.total == 729 and "729" in answer.answer
    assert answer.language == "zh"


def test_traditional_characters_find_the_simplified_names_and_the_answer_is_in_traditional(corpus_bot):
    simplified = corpus_bot.ask("华为备案了哪些大模型？")
    traditional = corpus_bot.ask("華為備案了哪些大模型？")
    assert traditional.register is not None and simplified.register is not None
    assert traditional.register.total == simplified.register.total > 0
    assert "華為" in traditional.answer or "項" in traditional.answer


def test_a_rules_question_that_names_a_service_goes_to_the_documents(corpus_bot):
    answer = corpus_bot.ask("What must ERNIE Bot display to users under the labelling rules?")
    assert answer.register is None


def test_deep_synthesis_counts_and_the_shared_kuaishou_filing(corpus_bot):
    may = corpus_bot.ask("How many deep-synthesis algorithms were in the May 2026 list?")
    assert may.register is not None and may.register.total == 608
    all_ds = corpus_bot.ask("深度合成服务算法备案一共有多少条？")
    assert all_ds.register is not None and all_ds.register.total == 7059
    kuaishou = corpus_bot.ask("What has Kuaishou filed?")
    assert "快手短视频生成合成算法" in kuaishou.answer and "one filing listed in two series" in kuaishou.answer


def test_cancelled_filings_and_a_rename(corpus_bot):
    cancelled = corpus_bot.ask("Which filings were cancelled?")
    assert cancelled.register is not None and cancelled.register.total == 47 and len(cancelled.register.rows) == 20
    renamed = corpus_bot.ask("What was 上海识装信息科技有限公司 renamed to?")
    assert "上海得物信息集团有限公司" in renamed.answer and renamed.citations


def test_ask_carries_the_register_table(url):
    data = httpx.post(f"{url}/api/ask", json={"question": BATCH}, timeout=60).json()
    table = data["register"]
    assert table["total"] == 14 and len(table["rows"]) == 14 and table["as_of"] == "2026-08"
    assert table["rows"][0]["citation"] == 1 and data["citations"][0]["period"] == "2024-04"


def test_the_streams_final_event_carries_the_register_table(url):
    with httpx.stream("POST", f"{url}/api/ask/stream", json={"question": BATCH}, timeout=60) as response:
        events = [line for line in response.iter_lines() if line.startswith("data: ")]
    final = json.loads(events[-2].removeprefix("data: "))  # the last is `end`
    assert final["register"]["total"] == 14


def test_openai_clients_get_a_markdown_table_and_the_register_field(url):
    openai = pytest.importorskip("openai")
    with openai.OpenAI(base_url=f"{url}/v1", api_key="unused", max_retries=0, timeout=60) as client:
        completion = client.chat.completions.create(
            model="approvals-bot",
            messages=[{"role": "user", "content": BATCH}],
            extra_headers={"Origin": url},
        )
    message = completion.choices[0].message
    assert "| # | Name | Company |" in message.content and "Beijing-ShiShuo-20240102" in message.content
    assert message.model_extra["register"]["total"] == 14


def test_the_download_holds_as_many_rows_as_the_chat_counts(url):
    asked = httpx.post(
        f"{url}/api/ask", json={"question": "How many deep-synthesis algorithms come from Shanghai?"}, timeout=60
    ).json()["register"]
    download = httpx.get(f"{url}/api/register?series=deep-synthesis&province=Shanghai&format=csv&limit=10000")
    assert download.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(download.text.lstrip("\ufeff"))))
    assert len(rows) == asked["total"] > 100
    via_link = httpx.get(url + asked["download"])
    assert len(list(csv.DictReader(io.StringIO(via_link.text.lstrip("\ufeff"))))) == asked["total"]


@pytest.mark.parametrize(
    "question",
    ["Which algorithms has Kuaishou filed?", "How many filings were published in the 2024 lists?"],
)
def test_answers_over_two_series_or_a_years_lists_link_a_download_of_the_same_rows(url, question):
    asked = httpx.post(f"{url}/api/ask", json={"question": question}, timeout=60).json()["register"]
    assert asked["download"], asked
    via_link = httpx.get(url + asked["download"])
    assert via_link.headers["X-Total-Count"] == str(asked["total"])
    assert len(list(csv.DictReader(io.StringIO(via_link.text.lstrip("\ufeff"))))) == asked["total"] > 5


def test_the_register_endpoint_takes_several_series_and_a_year(url):
    def total(**params) -> int:
        return httpx.get(f"{url}/api/register", params={**params, "limit": 1}).json()["total"]

    assert total(series=["algorithm", "deep-synthesis"]) == total() - total(series="genai") > 7000
    genai = httpx.get(f"{url}/api/register", params={"series": "genai", "limit": 10_000}).json()["rows"]
    listed_2024 = [row for row in genai if row["period"].startswith("2024-")]
    assert total(series="genai", year=2024) == len(listed_2024) > 0


def test_the_register_endpoint_filters_and_pages(url):
    page = httpx.get(f"{url}/api/register", params={"kind": "registration", "limit": 5, "offset": 5}).json()
    assert page["total"] == 729 and len(page["rows"]) == 5 and page["offset"] == 5
    assert {row["kind"] for row in page["rows"]} == {"registration"}
    january = httpx.get(f"{url}/api/register", params={"from": "2024-01-17", "to": "2024-01-17"}).json()
    assert january["total"] == 14
    bad = httpx.get(f"{url}/api/register", params={"province": "Atlantis"})
    assert bad.status_code == 422 and "Atlantis" in bad.json()["detail"]


def test_a_growth_question_gets_a_chart_drawn_from_the_same_rows(url):
    data = httpx.post(f"{url}/api/ask", json={"question": "How have deep-synthesis filings grown?"}, timeout=60)
    chart = data.json()["register"]["chart"]
    assert chart["data"][-1]["cumulative"] == data.json()["register"]["total"] == 7059
    image = httpx.get(url + chart["url"], timeout=60)
    assert image.status_code == 200 and image.headers["content-type"] == "image/png"
    assert image.content.startswith(b"\x89PNG")


@pytest.mark.parametrize(
    "question, first",
    [
        ("Give me a count of genAI filings dated 2020", "the April 2024 list"),
        ("Which deep-synthesis algorithms were filed in 2019?", "the June 2023 list"),
        ("2022年3月批准了多少个生成式人工智能服务？", "2024年4月清单"),
        ("How many generative AI services were filed in March 2027?", "the April 2024 list"),
    ],
)
def test_dates_outside_the_lists_are_refused_with_the_range_they_cover_not_answered_none(corpus_bot, question, first):
    answer = corpus_bot.ask(question)
    assert answer.abstained and answer.reason == "outside_lists", answer.answer
    assert first in answer.answer and not answer.citations


def test_a_kind_that_began_later_than_its_series_is_still_none_inside_the_lists(corpus_bot):
    answer = corpus_bot.ask("How many services were registered in 2023?")
    assert not answer.abstained and answer.register is not None and answer.register.total == 0


def test_a_place_written_with_based_is_the_province_not_a_name(corpus_bot):
    answer = corpus_bot.ask("How many Shanghai-based generative AI services are on the lists?")
    assert answer.register is not None and answer.register.query.get("province") == "上海"
    assert answer.register.total > 100


def test_a_standard_published_in_a_month_is_a_documents_question(corpus_bot):
    answer = corpus_bot.ask("Which security standard for generative AI services came out in February 2024?")
    assert answer.register is None


@pytest.mark.parametrize(
    "question, company",
    [
        ("Which generative AI services has Siemens got on the lists?", "西门子"),
        ("Does Samsung have any deep-synthesis algorithm on record?", "三星"),
    ],
)
def test_foreign_companies_find_their_china_subsidiaries(corpus_bot, question, company):
    # The brand only, never a register's full company name: the blind sets' builders leave out what tests name.
    answer = corpus_bot.ask(question)
    assert answer.register is not None and answer.register.rows
    assert all(row["company"].startswith(company) for row in answer.register.rows)


def test_a_longer_name_after_the_list_holds_words_is_asked_about_not_the_known_service_inside_it(corpus_bot):
    answer = corpus_bot.ask("名单里有云帆旅行助手吗？")
    assert answer.register is not None and answer.register.total == 0 and "云帆旅行助手" in answer.answer


@pytest.mark.parametrize("question", ["Is Amazon Q approved in China?", "Amazon Q有没有在网信办备案？"])
def test_a_brand_then_a_product_code_is_that_product_not_the_brands_rows(corpus_bot, question):
    answer = corpus_bot.ask(question)
    assert answer.register is not None and answer.register.total == 0 and "Amazon Q" in answer.answer
