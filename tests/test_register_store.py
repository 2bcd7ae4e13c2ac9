"""The register store on a real Chroma: idempotent ingest beside documents, Chroma `where` filters, the
answers' counts, lists, lookups and not-in-register wording, and a change seen by a second replica."""

from __future__ import annotations

import shutil
from pathlib import Path

import chromadb
import pytest
from chromadb.config import Settings as ChromaSettings
from fakes import HashedEmbeddings

from bot.register.answer import RegisterAnswerer
from bot.register.ingest import ingest_tables
from bot.register.query import EntityMatch, RegisterQuery
from bot.register.store import RegisterStore

REGISTER = Path(__file__).resolve().parent.parent / "corpus" / "register" / "cac-genai" / "genai_filing.json"
SOURCE = "corpus/register/cac-genai/genai_filing.json"


def open_store(path: Path) -> RegisterStore:
    client = chromadb.PersistentClient(path=str(path), settings=ChromaSettings(anonymized_telemetry=False))
    return RegisterStore(client, HashedEmbeddings(), refresh_every_s=0.0)


class NoNames:
    def nearest(self, name: str, n: int = 3) -> list[str]:
        return []

    def english_name(self, chinese: str) -> str:
        return {"苹果技术开发（上海）有限公司": "Apple"}.get(chinese, "")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> RegisterStore:
    store = open_store(tmp_path_factory.mktemp("register"))
    reports, unchanged, failed = ingest_tables([(REGISTER, SOURCE)], store, progress=False)
    assert not failed and not unchanged and reports[0].read == 1842
    return store


@pytest.fixture(scope="module")
def answerer(store: RegisterStore) -> RegisterAnswerer:
    return RegisterAnswerer(store, lambda rows: NoNames(), lambda question, catalog, previous: None)


def test_ingest_again_reads_nothing_and_keeps_every_row(store: RegisterStore):
    reports, unchanged, failed = ingest_tables([(REGISTER, SOURCE)], store, progress=False)
    assert (reports, unchanged, failed) == ([], [SOURCE], [])
    assert len(store) == 1842


def test_counts_come_from_where_filters(store: RegisterStore):
    assert len(store.find(RegisterQuery("count", kind="registration"))) == 729
    assert len(store.find(RegisterQuery("count", kind="filing"))) == 1113
    assert len(store.find(RegisterQuery("count", kind="filing", province="上海"))) == 188
    january = store.find(RegisterQuery("count", date_from=20240101, date_to=20240131))
    assert len(january) == 25 and january == sorted(january, key=lambda row: row.date or 0)


def test_a_company_and_its_service_both_match_or_else_either_does(store: RegisterStore):
    xiaomi = EntityMatch("小米", "company", ("小米科技有限责任公司",))
    assistant = EntityMatch("小爱同学", "name", ("小爱同学AI助手",))
    both = store.find(RegisterQuery("lookup", entities=(xiaomi, assistant)))
    assert {row.name for row in both} == {"小爱同学AI助手"} and len(both) == 2
    nobody = EntityMatch("none", "name", ("没有这个服务",))
    assert len(store.find(RegisterQuery("lookup", entities=(xiaomi, nobody)))) == 15


def test_the_batch_answer_gives_the_one_day_batch_and_says_what_else_the_month_holds(answerer: RegisterAnswerer):
    answer = answerer.answer_query(RegisterQuery("count", date_from=20240101, date_to=20240131, batch=True), "en")
    assert answer.answer.startswith("14 services were approved together on 17 January 2024 (Beijing)")
    assert "25 in all" in answer.answer and "7 on 31 January 2024 (Shanghai)" in answer.answer
    assert answer.register is not None and answer.register.total == 14 and len(answer.citations) == 14
    assert not answer.abstained


def test_a_lookup_names_the_number_and_date_and_cites_the_row(answerer: RegisterAnswerer):
    apple = EntityMatch("Apple Intelligence", "name", ("Apple智能",), english="Apple Intelligence")
    answer = answerer.answer_query(RegisterQuery("lookup", entities=(apple,)), "en")
    assert "Shanghai-AppleZhiNeng-202506160057" in answer.answer and "8 July 2026" in answer.answer
    assert "Shanghai" in answer.answer and "(Apple)" in answer.answer
    [citation] = answer.citations
    assert citation.source == SOURCE and citation.period == "2026-08" and citation.url.startswith("https://")
    assert "Shanghai-AppleZhiNeng-202506160057" in citation.quote


def test_a_list_over_twenty_gives_the_exact_total_the_first_twenty_and_a_download(answerer: RegisterAnswerer):
    answer = answerer.answer_query(RegisterQuery("list", kind="filing", province="上海"), "zh")
    table = answer.register
    assert table is not None and table.total == 188 and len(table.rows) == 20 and len(answer.citations) == 20
    assert "188" in answer.answer and "前20项" in answer.answer
    assert table.download == "/api/register?kind=filing&province=%E4%B8%8A%E6%B5%B7&format=csv&limit=10000"


def test_a_name_in_no_list_is_said_plainly_without_a_number(answerer: RegisterAnswerer):
    answer = answerer.answer_query(RegisterQuery("lookup", unknown_name="ChatGPT"), "en")
    assert answer.answer == "No service or company named ChatGPT is in the CAC's lists up to the August 2026 list."
    assert not answer.abstained and answer.register is not None and answer.register.total == 0
    assert not answer.citations


def test_a_chart_answer_carries_its_url_and_the_data_of_the_same_rows(answerer: RegisterAnswerer):
    answer = answerer.answer_query(RegisterQuery("chart", kind="registration", group_by="period"), "en")
    chart = answer.register.chart  # type: ignore[union-attr]
    assert chart["url"].startswith("/api/register/chart?kind=registration&group_by=period")
    assert chart["data"][-1]["cumulative"] == answer.register.total == 729  # type: ignore[union-attr]


def test_a_second_replica_sees_a_change_made_through_the_first(tmp_path: Path):
    first = open_store(tmp_path / "chroma")
    second = open_store(tmp_path / "chroma")
    copy = tmp_path / "genai.json"
    shutil.copy(REGISTER, copy)
    ingest_tables([(copy, "genai.json")], first, progress=False)
    assert len(second) == 1842
    first.remove_source("genai.json")
    assert len(second) == 0
