"""Reading approvals tables: the CAC's generative-AI register as published (quirks included), and CSV and
XLSX tables with renamed headers and bad rows, which are skipped, counted and named."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import openpyxl
import pytest

from bot.register.tables import map_columns, parse_date, read_register_csv, read_register_json, read_register_xlsx

REGISTER = Path(__file__).resolve().parent.parent / "corpus" / "register" / "cac-genai" / "genai_filing.json"


@pytest.fixture(scope="module")
def register():
    return read_register_json(REGISTER, "corpus/register/cac-genai/genai_filing.json")


def test_the_published_register_reads_as_1842_services_with_its_four_header_rows_skipped(register):
    rows, report = register
    assert len(rows) == report.read == 1842
    assert Counter(row.kind for row in rows) == {"filing": 1113, "registration": 729}
    assert Counter(reason for _, reason in report.skipped) == {"repeated header row": 4}
    assert len({row.id for row in rows}) == 1842
    assert "1842 rows" in report.summary() and "4 (repeated header row)" in report.summary()


def test_late_registrations_are_flagged_and_dates_are_sortable_integers(register):
    rows, _ = register
    assert sum(row.late for row in rows) == 56
    assert min(row.date for row in rows) == 20230831
    assert all(19000101 < row.date < 21000101 for row in rows)


def test_the_january_2024_batch_is_fourteen_beijing_services_on_17_january(register):
    rows, _ = register
    batch = [row for row in rows if row.date == 20240117]
    assert len(batch) == 14 and {row.province for row in batch} == {"北京"}
    january = [row for row in rows if row.date // 100 == 202401]
    assert len(january) == 25


def test_source_typos_are_kept_and_flagged_and_swapped_name_and_company_put_right(register):
    rows, report = register
    truncated = [row for row in rows if row.number.endswith("-")]
    assert len(truncated) == 1 and "number truncated in the source" in truncated[0].flags
    swapped = [row for row in rows if "name and company swapped in the source" in row.flags]
    assert swapped and all(row.company.endswith("公司") for row in swapped)
    assert len(report.flagged) == len(truncated) + len(swapped)


def test_column_names_map_in_chinese_and_english():
    assert map_columns(["大模型名称", "备案单位", "备案编号", "备案时间", "属地"]) == {
        "name": "大模型名称",
        "company": "备案单位",
        "number": "备案编号",
        "date": "备案时间",
        "province": "属地",
    }
    assert map_columns(["Service Name", "Company", "Filing number", "Date", "Province"])["number"] == "Filing number"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024/1/17", (20240117, False)),
        ("2024/1/17（补登）", (20240117, True)),
        ("2024-01-17", (20240117, False)),
        ("2024年1月17日", (20240117, False)),
        ("2024/2/30", (None, False)),
        ("soon", (None, False)),
    ],
)
def test_dates_are_read_in_the_forms_the_lists_use(text, expected):
    assert parse_date(text) == expected


CSV_TABLE = """Service Name,Company,Province,Filing number,Date
Example Chat,Example Tech Co Ltd,Beijing,Beijing-ExampleChat-20250101,2025-01-02
Example Draw,Example Tech Co Ltd,上海市,Shanghai-ExampleDraw-20250101S0001,2025/1/3（补登）
Service Name,Company,Province,Filing number,Date
No Number,Example Tech Co Ltd,Beijing,,2025-01-04
Bad Date,Example Tech Co Ltd,Beijing,Beijing-BadDate-20250101,someday
"""


def test_a_csv_table_with_english_headers_reads_its_good_rows_and_names_each_skipped_one(tmp_path: Path):
    path = tmp_path / "approvals-2025-01.csv"
    path.write_text(CSV_TABLE, encoding="utf-8")
    rows, report = read_register_csv(path, "approvals-2025-01.csv")
    assert [row.name for row in rows] == ["Example Chat", "Example Draw"]
    assert [row.kind for row in rows] == ["filing", "registration"]
    assert [row.province for row in rows] == ["北京", "上海"]
    assert rows[1].late and rows[0].list.period == "2025-01"
    assert Counter(reason for _, reason in report.skipped) == {
        "repeated header row": 1,
        "no number": 1,
        "unreadable date": 1,
    }


def test_an_xlsx_table_with_chinese_headers_and_a_list_column(tmp_path: Path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["序号", "属地", "应用名称", "登记单位", "上线编号", "登记时间", "清单"])
    sheet.append([1, "广东省", "示例助手", "示例科技有限公司", "Guangdong-ShiLi-20260101S0002", "2026/1/5", "2026-02"])
    sheet.append([2, "广东省", "没有编号", "示例科技有限公司", None, "2026/1/5", "2026-02"])
    sheet.append([None, None, None, None, None, None, None])
    path = tmp_path / "mine.xlsx"
    workbook.save(path)
    rows, report = read_register_xlsx(path, "mine.xlsx")
    assert len(rows) == 1 and rows[0].kind == "registration" and rows[0].list.period == "2026-02"
    assert rows[0].date == 20260105 and rows[0].province == "广东"
    assert report.skipped == [(2, "no number")]


def test_a_table_without_a_number_column_is_reported_not_read(tmp_path: Path):
    path = tmp_path / "notes.csv"
    path.write_text("Title,Comment\nA,B\n", encoding="utf-8")
    rows, report = read_register_csv(path, "notes.csv")
    assert rows == [] and report.skipped == [(1, "no name or number column")]


def test_a_json_file_that_is_not_a_register_says_so(tmp_path: Path):
    path = tmp_path / "other.json"
    path.write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(ValueError, match="not a register table"):
        read_register_json(path, "other.json")
