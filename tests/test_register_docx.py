"""The Word-list reader: on the CAC's 35 real lists (every quirk in the data README) and on small lists
made here with python-docx (a renamed and reordered header, a bad number, empty and repeated rows)."""

from __future__ import annotations

import re
import time
from collections import Counter
from pathlib import Path

import docx
import pytest

from bot.errors import DocumentUnreadable
from bot.register.docx_lists import filing_year, map_header, read_docx_list, read_manifest
from bot.register.filing_text import number_problem, remark_events, split_products
from bot.register.records import Product, ReadReport, RegisterRow, normalize_number

LISTS = Path(__file__).resolve().parent.parent / "corpus" / "register" / "cac-algorithm"


class RealLists:
    """Every real list read once: rows and report per file name, and how long reading took."""

    def __init__(self) -> None:
        self.manifest = read_manifest(LISTS)
        self.rows: dict[str, list[RegisterRow]] = {}
        self.reports: dict[str, ReadReport] = {}
        started = time.perf_counter()
        for path in sorted(LISTS.glob("*.docx")):
            source = f"corpus/register/cac-algorithm/{path.name}"
            self.rows[path.name], self.reports[path.name] = read_docx_list(path, source, self.manifest[path.name])
        self.seconds = time.perf_counter() - started

    @property
    def all_rows(self) -> list[RegisterRow]:
        return [row for rows in self.rows.values() for row in rows]

    def named(self, name: str) -> list[RegisterRow]:
        return [row for row in self.all_rows if row.name == name]


@pytest.fixture(scope="module")
def real() -> RealLists:
    return RealLists()


# --- the real lists -------------------------------------------------------------------------------------


def test_every_list_reads_exactly_the_rows_its_manifest_counts(real: RealLists) -> None:
    assert len(real.rows) == 35
    for name, rows in real.rows.items():
        assert len(rows) == real.manifest[name]["rows"], name
        assert real.reports[name].read == len(rows)
        assert not real.reports[name].skipped, real.reports[name].summary()
    by_series = Counter(row.series for row in real.all_rows)
    assert by_series == {"algorithm": 938, "deep-synthesis": 7059}
    assert Counter(name.startswith("algorithm") for name in real.rows) == {True: 18, False: 17}


def test_each_list_carries_its_series_month_title_and_citation(real: RealLists) -> None:
    for name, rows in real.rows.items():
        listing = rows[0].list
        assert all(row.list == listing and row.kind == "filing" and row.date is None for row in rows)
        year, month = re.search(r"(\d{4})-(\d{2})", name).groups()  # type: ignore[union-attr]
        assert listing.period == f"{year}-{month}"
        assert f"（{int(year)}年{int(month)}月）" in listing.title
        assert listing.source == f"corpus/register/cac-algorithm/{name}"
        if name.startswith("deep-synthesis"):
            assert (listing.series, listing.url) == ("deep-synthesis", real.manifest[name]["notice_url"])
            assert listing.title.startswith("境内深度合成服务算法备案清单")
        else:
            assert (listing.series, listing.url) == ("algorithm", None)
            assert listing.title.startswith("境内互联网信息服务算法备案清单")
    # published on 1 November 2024, titled October: the list's month is its title's
    assert real.rows["deep-synthesis-2024-10.docx"][0].list.period == "2024-10"


def test_rows_are_counted_where_the_seq_column_is_empty(real: RealLists) -> None:
    for name in ("algorithm-2025-07.docx", "deep-synthesis-2024-04.docx"):
        table = docx.Document(str(LISTS / name)).tables[0]
        assert table.rows[1].cells[0].text == ""  # Word's automatic numbering: no text in 序号
        assert [row.row for row in real.rows[name]] == list(range(1, real.manifest[name]["rows"] + 1))


def test_numbers_read_clean_and_compare_with_or_without_hao(real: RealLists) -> None:
    numbers = [row.number for row in real.all_rows]
    assert all(not re.search(r"\s", number) for number in numbers)
    # two cells end in a line break after 号
    assert "网信算备330113105332201240025号" in numbers and "网信算备110108133707401240015号" in numbers
    # the README's example without 号 finds the row
    found = [row for row in real.all_rows if normalize_number(row.number) == "网信算备440115128941206250019"]
    assert [row.name for row in found] == ["小马智行车辆分单调度决策算法"]


def test_the_22_digit_typo_is_kept_and_flagged(real: RealLists) -> None:
    malformed = [row for row in real.all_rows if any(flag.startswith("malformed") for flag in row.flags)]
    assert len(malformed) == 1
    row = malformed[0]
    assert (row.name, row.number, row.row) == ("美团配送调度决策算法", "网信算备1101082242366066220017号", 9)
    assert row.list.period == "2022-08" and row.province == "北京"
    assert any(
        position == 9 and "22 digits" in reason for position, reason in real.reports[Path(row.list.source).name].flagged
    )
    assert row.remarks == "2023年12月新增算法使用产品"  # a product change stays a remark on the row


def test_ten_numbers_are_one_filing_in_an_algorithm_list_and_the_first_deep_synthesis_list(real: RealLists) -> None:
    by_series: dict[str, set[str]] = {"algorithm": set(), "deep-synthesis": set()}
    for row in real.all_rows:
        by_series[row.series].add(normalize_number(row.number))
    shared = by_series["algorithm"] & by_series["deep-synthesis"]
    assert len(shared) == 10
    periods = {(row.series, row.list.period[:4]) for row in real.all_rows if normalize_number(row.number) in shared}
    assert {period for series, period in periods if series == "algorithm"} == {"2022"}
    assert {
        row.list.period
        for row in real.all_rows
        if row.series == "deep-synthesis" and normalize_number(row.number) in shared
    } == {"2023-06"}
    for name in ("快手短视频生成合成算法", "钉钉语音识别算法"):
        assert {row.series for row in real.named(name)} == {"algorithm", "deep-synthesis"}


def test_one_number_is_in_two_deep_synthesis_lists(real: RealLists) -> None:
    rows = real.named("同瓴数字人合成算法")
    assert sorted(row.list.period for row in rows) == ["2025-05", "2025-07"]
    assert {normalize_number(row.number) for row in rows} == {"网信算备330110807992101250019"}
    repeated = Counter((row.series, normalize_number(row.number)) for row in real.all_rows)
    assert [key for key, count in repeated.items() if count > 1] == [
        ("deep-synthesis", "网信算备330110807992101250019")
    ]


def test_47_rows_are_cancelled(real: RealLists) -> None:
    cancelled = [row for row in real.all_rows if row.cancelled]
    assert len(cancelled) == 47
    assert all("已注销" in row.remarks for row in cancelled)


def test_a_renamed_company_is_listed_by_its_new_name_and_found_by_its_old(real: RealLists) -> None:
    dewu = [row for row in real.all_rows if row.renamed_from == "上海识装信息科技有限公司"]
    assert dewu and {row.company for row in dewu} == {"上海得物信息集团有限公司"}
    assert len(dewu) == 9  # a remark on 9 rows in 6 lists, never a row of its own
    assert len({row.list.period for row in dewu}) == 6
    for row in real.all_rows:
        if "原主体名称“" in row.remarks:
            assert row.renamed_from and row.renamed_from in row.remarks and row.company in row.remarks, row
    assert sum("变更" in row.remarks for row in real.all_rows) == 291


def test_products_split_into_names_and_kinds(real: RealLists) -> None:
    tiangong = real.named("天工大语言模型算法")[0]
    assert tiangong.products == (
        Product("天工AI助手", "APP"),
        Product("天工AI搜索", "小程序"),
        Product("天工AI助手", "网站"),
    )
    roles = Counter(row.category for row in real.all_rows if row.series == "deep-synthesis")
    assert roles == {"服务提供者": 5494, "服务技术支持者": 1565}
    supporters_without = [row for row in real.all_rows if row.category == "服务技术支持者" and not row.products]
    assert len(supporters_without) >= 1563  # "--"; one more has an empty cell
    kinds = Counter(product.kind for row in real.all_rows for product in row.products)
    assert set(kinds) <= {
        "APP",
        "网站",
        "小程序",
        "其他",
        "公众账号",
        "微信小程序",
        "抖音小程序",
        "支付宝小程序",
        "智能硬件",
        "",
    }
    assert kinds[""] == 1  # `SpeakNow，SpeakNow Air(APP)`: the first has no kind of its own


def test_classes_are_the_algorithm_lists_categories(real: RealLists) -> None:
    classes = {row.category for row in real.all_rows if row.series == "algorithm"}
    assert classes == {
        "个性化推送类",
        "信息检索类",
        "调度决策类",
        "检索过滤类",
        "排序精选类",
        "内容过滤类",
        "生成合成类",
    }


def test_provinces_come_from_the_numbers_division_code(real: RealLists) -> None:
    provinces = Counter(row.province for row in real.all_rows)
    assert (provinces["广东"], provinces["北京"], provinces["浙江"], provinces["上海"], provinces["江苏"]) == (
        2316,
        1750,
        1006,
        972,
        402,
    )
    unplaced = [row for row in real.all_rows if not row.province]
    assert len(unplaced) == 4  # 406301: a division code no province has; kept, flagged
    assert all(row.flags == ("division code 406301 names no province",) for row in unplaced)


def test_filing_year_is_the_list_year_or_the_one_before_in_all_rows_but_one(real: RealLists) -> None:
    assert filing_year("网信算备310115402810501240025号") == 2024
    late = [
        row
        for row in real.all_rows
        if filing_year(row.number) not in (int(row.list.period[:4]), int(row.list.period[:4]) - 1)
    ]
    assert [(row.name, row.list.period, filing_year(row.number)) for row in late] == [("头条搜索算法", "2024-04", 2022)]


def test_merged_cells_are_read_once(real: RealLists) -> None:
    """deep-synthesis-2024-06 spans 主要用途 over two grid columns in every row."""
    row = real.rows["deep-synthesis-2024-06.docx"][0]
    assert row.purpose.startswith("应用于图像、视频生成场景") and row.purpose.count("应用于") == 1


def test_reading_all_35_lists_takes_seconds(real: RealLists) -> None:
    print(f"read 35 lists, {len(real.all_rows)} rows, in {real.seconds:.2f} s")
    assert real.seconds < 20


# --- small lists made here ------------------------------------------------------------------------------

HEADER = ["序号", "算法名称", "算法类别", "主体名称", "应用产品", "主要用途", "备案编号", "备注"]


def write_list(
    path: Path, tables: list[list[list[str]]], title: str | None = "境内互联网信息服务算法备案清单（2027年3月）"
) -> Path:
    document = docx.Document()
    document.add_paragraph("附件")
    if title:
        document.add_paragraph(title)
    for rows in tables:
        table = document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
        for cells, row in zip(table.rows, rows, strict=True):
            for cell, text in zip(cells.cells, row, strict=False):
                cell.text = text
    document.save(str(path))
    return path


def data_row(name: str, number: str, company: str = "某某科技有限公司", remark: str = "") -> list[str]:
    return ["", name, "个性化推送类", company, "某某(APP)、某某(小程序)", "应用于推荐场景。", number, remark]


def test_a_renamed_and_reordered_header_still_reads(tmp_path: Path) -> None:
    header = ["备案号", "算法名", "备案主体名称", "类别", "关联产品", "用途", "说明", "序 号"]
    row = [
        "网信算备110108000000001270011号",
        "甲推荐算法",
        "甲科技有限公司",
        "个性化推送类",
        "甲(APP)",
        "推荐。",
        "",
        "1",
    ]
    rows, report = read_docx_list(write_list(tmp_path / "new.docx", [[header, row]]), "new.docx")
    assert report.read == 1 and not report.flagged and not report.skipped
    assert (rows[0].name, rows[0].company, rows[0].category, rows[0].series) == (
        "甲推荐算法",
        "甲科技有限公司",
        "个性化推送类",
        "algorithm",
    )
    assert rows[0].products == (Product("甲", "APP"),) and rows[0].province == "北京"
    assert (rows[0].list.period, rows[0].list.title, rows[0].list.url) == (
        "2027-03",
        "境内互联网信息服务算法备案清单（2027年3月）",
        None,
    )


def test_a_bad_number_is_kept_and_flagged_and_empty_and_repeated_rows_are_skipped(tmp_path: Path) -> None:
    rows_in = [
        HEADER,
        data_row("甲算法", "网信算备110108000000001270011"),  # no 号: accepted
        [""] * 8,
        HEADER,  # the header again, as a table breaking over pages repeats it
        data_row("乙算法", "网信算备11010800000000127001号"),  # 20 digits
        ["一、补充", "", "", "", "", "", "", ""],
    ]
    rows, report = read_docx_list(write_list(tmp_path / "l.docx", [rows_in]), "l.docx")
    assert [row.name for row in rows] == ["甲算法", "乙算法"] and [row.row for row in rows] == [1, 2]
    assert rows[0].flags == () and rows[0].number == "网信算备110108000000001270011"
    assert rows[1].number == "网信算备11010800000000127001号"
    assert report.flagged == [
        (2, "malformed number '网信算备11010800000000127001号': 20 digits after 网信算备, 21 expected")
    ]
    assert sorted(reason for _, reason in report.skipped) == [
        "empty row",
        "no algorithm name and no filing number",
        "repeated header",
    ]
    assert "skipped 1 (empty row), 1 (repeated header), 1 (no algorithm name and no filing number)" in report.summary()


def test_a_table_without_a_usable_header_is_reported_not_read(tmp_path: Path) -> None:
    layout = [["联系人", "电话"], ["张三", "010-1234"]]
    good = [HEADER, data_row("甲算法", "网信算备110108000000001270011号")]
    rows, report = read_docx_list(write_list(tmp_path / "l.docx", [layout, good]), "l.docx")
    assert [row.name for row in rows] == ["甲算法"]
    assert [reason for _, reason in report.skipped] == ["table 1: no usable header (联系人 | 电话)"] * 2
    only_layout, alone = read_docx_list(write_list(tmp_path / "n.docx", [layout]), "n.docx")
    assert only_layout == [] and alone.read == 0 and len(alone.skipped) == 2
    _, counted = read_docx_list(tmp_path / "n.docx", "n.docx", {"rows": 1})
    assert counted.flagged == [(0, "the manifest counts 1 rows, 0 were read")]


def test_a_list_broken_into_two_tables_reads_both(tmp_path: Path) -> None:
    first = [HEADER, data_row("甲算法", "网信算备110108000000001270011号")]
    rest = [data_row("乙算法", "网信算备110108000000001270029号")]
    rows, report = read_docx_list(write_list(tmp_path / "l.docx", [first, rest]), "l.docx")
    assert [(row.name, row.row) for row in rows] == [("甲算法", 1), ("乙算法", 2)] and not report.skipped


def test_a_company_merged_down_over_rows_is_given_to_each(tmp_path: Path) -> None:
    path = write_list(
        tmp_path / "l.docx",
        [
            [
                HEADER,
                data_row("甲算法", "网信算备110108000000001270011号", "甲公司"),
                data_row("乙算法", "网信算备110108000000001270029号", ""),
            ]
        ],
    )
    document = docx.Document(str(path))
    merged = document.tables[0].cell(1, 3).merge(document.tables[0].cell(2, 3))
    merged.text = "甲公司"
    document.save(str(path))
    rows, _ = read_docx_list(path, "l.docx")
    assert [row.company for row in rows] == ["甲公司", "甲公司"]


def test_a_row_listed_under_its_earlier_name_takes_the_new_one(tmp_path: Path) -> None:
    remark = "原主体名称“旧名科技有限公司”变更为“新名科技有限公司”"
    path = write_list(
        tmp_path / "l.docx",
        [[HEADER, data_row("甲算法", "网信算备310115000000001270011号", "旧名科技有限公司", remark)]],
    )
    rows, report = read_docx_list(path, "l.docx")
    assert (rows[0].company, rows[0].renamed_from) == ("新名科技有限公司", "旧名科技有限公司")
    assert report.flagged == [(1, "listed under its earlier name; named 新名科技有限公司 as its remark says")]


def test_series_and_month_come_from_the_manifest_then_the_title_then_the_file_name(tmp_path: Path) -> None:
    header = [("角色" if text == "算法类别" else text) for text in HEADER]
    row = data_row("丙算法", "网信算备440305000000001270011号")
    role_list = write_list(tmp_path / "x.docx", [[header, row]], title="境内深度合成服务算法备案清单（2027年5月）")
    rows, _ = read_docx_list(role_list, "x.docx")
    assert (rows[0].series, rows[0].list.period, rows[0].province) == ("deep-synthesis", "2027-05", "广东")
    entry = {
        "series": "深度合成服务算法备案",
        "list_month": "2027-06",
        "title": "境内深度合成服务算法备案清单",
        "notice_url": "https://www.cac.gov.cn/x.htm",
        "rows": 2,
    }
    rows, report = read_docx_list(role_list, "x.docx", entry)
    assert (rows[0].list.period, rows[0].list.url) == ("2027-06", "https://www.cac.gov.cn/x.htm")
    assert (0, "the manifest dates the list 2027-06, its title 2027-05") in report.flagged
    assert (0, "the manifest counts 2 rows, 1 were read") in report.flagged
    untitled = write_list(
        tmp_path / "deep-synthesis-2027-07.docx", [[HEADER[:2] + HEADER[3:], row[:2] + row[3:]]], None
    )
    rows, _ = read_docx_list(untitled, "u.docx")
    assert (rows[0].series, rows[0].list.period) == ("deep-synthesis", "2027-07")
    assert rows[0].list.title == "deep-synthesis-2027-07（2027年7月）"
    with pytest.raises(DocumentUnreadable, match="series"):
        read_docx_list(write_list(tmp_path / "list.docx", [[HEADER[:2] + HEADER[3:], row[:2] + row[3:]]], None), "l")


def test_a_file_that_is_not_a_word_document_is_unreadable(tmp_path: Path) -> None:
    (tmp_path / "bad.docx").write_text("not a zip")
    with pytest.raises(DocumentUnreadable, match=r"bad\.docx: not a Word"):
        read_docx_list(tmp_path / "bad.docx", "bad.docx")


def test_the_manifest_is_keyed_by_file_name(tmp_path: Path) -> None:
    assert read_manifest(tmp_path) == {}
    manifest = read_manifest(LISTS)
    assert len(manifest) == 35 and manifest["deep-synthesis-2026-05.docx"]["rows"] == 608


# --- cells ----------------------------------------------------------------------------------------------


def test_header_names_map_by_name_and_synonym() -> None:
    assert map_header(["序号", "算法名称", "角色", "主体名称", "应用产品", "主要用途", "备案编号", "备注"]) == {
        "seq": 0,
        "name": 1,
        "role": 2,
        "company": 3,
        "products": 4,
        "purpose": 5,
        "number": 6,
        "remarks": 7,
    }
    assert map_header(["算法 名称（中文）", "服务主体名称", "算法备案编号：", "其他"]) == {
        "name": 0,
        "company": 1,
        "number": 2,
    }


def test_numbers_are_checked_for_21_digits() -> None:
    assert number_problem("网信算备440115128941206250019") is None
    assert number_problem("网信算备440115128941206250019号") is None
    assert number_problem("网信算备１１０１０８２２４２３６６０６６２２００１７号") is not None  # 22 digits, full width
    assert number_problem("") == "no filing number"
    assert "not 网信算备" in (number_problem("京ICP备12345号") or "")
    assert filing_year("网信算备1101082242366066220017号") == 2022 and filing_year("京ICP备12345号") is None


def test_product_cells_split_outside_brackets() -> None:
    assert split_products("--") == () and split_products("") == ()
    assert split_products("网易新闻（APP、小程序）") == (Product("网易新闻", "APP"), Product("网易新闻", "小程序"))
    assert split_products("乐玩幻镜（抖音、快手、支付宝）(小程序)") == (
        Product("乐玩幻镜（抖音、快手、支付宝）", "小程序"),
    )
    assert split_products("百度新闻（APP、网站）百度百科（APP）、百度贴吧（网站）等") == (
        Product("百度新闻", "APP"),
        Product("百度新闻", "网站"),
        Product("百度百科", "APP"),
        Product("百度贴吧", "网站"),
    )
    assert split_products("主题美化（手机应用）(APP)") == (Product("主题美化（手机应用）", "APP"),)
    assert split_products("某平台(企业版)") == (Product("某平台(企业版)", ""),)


def test_remarks_give_cancellation_and_renames() -> None:
    assert remark_events("已注销").cancelled
    quoted = remark_events("变更内容：原主体名称“北京百川智能科技有限公司”变更为“百川智能科技有限公司”")
    assert (quoted.renamed_from, quoted.renamed_to) == ("北京百川智能科技有限公司", "百川智能科技有限公司")
    bare = remark_events("2024年8月，原主体名称言希（佛山）有限公司变更为广州言希人工智能技术有限公司，原算法名称…")
    assert (bare.renamed_from, bare.renamed_to) == ("言希（佛山）有限公司", "广州言希人工智能技术有限公司")
    assert remark_events("变更内容：原算法名称“甲”变更为“乙”") == remark_events("")
    assert remark_events("2022年9月更新备案主体名称").renamed_from == ""
