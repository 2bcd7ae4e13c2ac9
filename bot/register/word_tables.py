"""Word tables as rows of named fields: the header mapped by name (with a few synonyms, so a renamed or
reordered column still reads), merged cells read once, and every row that is not data (above the header,
empty, a repeated header, a heading) reported in the `ReadReport` with its reason.

Knows about Word and about the column names of the CAC's algorithm lists; not what a cell means
(`bot.register.filing_text`) nor which list it is (`bot.register.docx_lists`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import qn
from docx.table import Table

from bot.register.filing_text import number_problem
from bot.register.records import ReadReport, Series, normalize_number

# field → the names a column may carry, the CAC's own first
HEADER_NAMES: dict[str, tuple[str, ...]] = {
    "seq": ("序号", "序", "行号", "no", "no."),
    "name": ("算法名称", "算法名", "名称"),
    "category": ("算法类别", "算法类型", "类别", "类型"),
    "role": ("角色", "主体角色", "备案主体角色", "服务角色"),
    "company": ("主体名称", "备案主体", "备案主体名称", "企业名称", "单位名称", "公司名称", "主体"),
    "products": ("应用产品", "关联产品", "产品名称", "使用产品", "产品"),
    "purpose": ("主要用途", "用途", "算法用途", "主要功能"),
    "number": ("备案编号", "备案号", "编号"),
    "remarks": ("备注", "说明", "备注说明"),
}
REQUIRED = ("name", "company", "number")
_SYNONYMS = {_name: field for field, names in HEADER_NAMES.items() for _name in names}
_T, _TAB = qn("w:t"), qn("w:tab")
_TEXT_TAGS = (qn("w:p"), _T, _TAB, qn("w:br"), qn("w:cr"))  # w:delText (deleted text) is left out
_HEADER_SEARCH_ROWS = 5  # a header below this row is not looked for (title rows sit above it)


@dataclass(frozen=True)
class TableHeader:
    """Where each field sits in a table, and how wide the table is."""

    columns: dict[str, tuple[int, int]]  # field → grid columns [start, end)
    width: int

    @property
    def series(self) -> Series | None:
        if ("category" in self.columns) != ("role" in self.columns):
            return "algorithm" if "category" in self.columns else "deep-synthesis"
        return None


def map_header(cells: list[str]) -> dict[str, int]:
    """{field: column} for the header cells a field's name (or a synonym) names; the first column wins."""
    columns: dict[str, int] = {}
    for column, text in enumerate(cells):
        field = _field_named(text)
        if field and field not in columns:
            columns[field] = column
    return columns


def _field_named(text: str) -> str | None:
    key = re.sub(r"\s+|[（(][^）)]*[）)]|[:：*＊]", "", unicodedata.normalize("NFKC", text)).lower()
    if not key:
        return None
    if key in _SYNONYMS:
        return _SYNONYMS[key]
    contained = [name for name in _SYNONYMS if len(name) >= 2 and name in key]
    return _SYNONYMS[max(contained, key=len)] if contained else None


def data_rows(document: Any, report: ReadReport) -> tuple[list[dict[str, str]], TableHeader | None]:
    """Every data row of the document's tables as {field: text}, and the header they were read under;
    what is not data goes to the report."""
    rows: list[dict[str, str]] = []
    header: TableHeader | None = None
    table_row = 0  # rows of the document's tables, counted from 1: how skipped rows are named
    for number, table in enumerate(document.tables, start=1):
        grid = list(_grid_rows(table))
        found = _find_header(grid)
        if found is None and header is not None and _continues(grid, header):
            found, start = header, 0  # a table the list breaks into: the earlier header goes on
        elif found is not None:
            found, start = found
            header = found
        else:
            first = " | ".join(text for text in (grid[0] if grid else []) if text)[:60]
            for offset, cells in enumerate(grid, start=1):
                if any(cells):
                    report.skipped.append((table_row + offset, f"table {number}: no usable header ({first})"))
            table_row += len(grid)
            continue
        for offset, cells in enumerate(grid, start=1):
            reason = _not_data(cells, found, offset < start) if offset != start else None
            if reason:
                report.skipped.append((table_row + offset, reason))
            elif offset > start:
                rows.append({field: _value(cells, span) for field, span in found.columns.items()})
        table_row += len(grid)
    return rows, header


def _grid_rows(table: Table) -> Iterator[list[str]]:
    """A table's rows as text by grid column: a merged-across cell's text in its first column, a
    merged-down cell's text repeated in every row it covers."""
    grid = table._tbl.tblGrid
    width = len(grid.gridCol_lst) if grid is not None else 0
    above: list[str] = []
    for tr in table._tbl.tr_lst:
        cells = [""] * width
        column = tr.grid_before
        for tc in tr.tc_lst:
            if column >= len(cells):
                cells.extend([""] * (column + 1 - len(cells)))
            merged_down = tc.vMerge == "continue" and column < len(above)
            cells[column] = above[column] if merged_down else _cell_text(tc)
            column += tc.grid_span
        above = cells
        yield cells


def _cell_text(tc: Any) -> str:
    """A cell's text: runs wherever they sit (fields, content controls, insertions), paragraphs as lines."""
    parts: list[str] = []
    for element in tc.iter(*_TEXT_TAGS):
        if element.tag == _T:
            parts.append(element.text or "")
        elif element.tag == _TAB:
            parts.append(" ")
        elif parts:
            parts.append("\n")
    return "".join(parts).strip()


def _find_header(grid: list[list[str]]) -> tuple[TableHeader, int] | None:
    for index, cells in enumerate(grid[:_HEADER_SEARCH_ROWS]):
        columns = map_header(cells)
        if all(field in columns for field in REQUIRED):
            spans = _spans(columns, cells)
            return TableHeader(spans, len(cells)), index + 1
    return None


def _spans(columns: dict[str, int], cells: list[str]) -> dict[str, tuple[int, int]]:
    """Each field's grid columns: from its header cell up to the next non-empty header cell."""
    spans: dict[str, tuple[int, int]] = {}
    for field, start in columns.items():
        end = start + 1
        while end < len(cells) and not cells[end]:
            end += 1
        spans[field] = (start, end)
    return spans


def _continues(grid: list[list[str]], header: TableHeader) -> bool:
    """Whether a table without a header carries on the last one: same width, filing numbers where expected."""
    start, end = header.columns["number"]
    return (
        bool(grid)
        and len(grid[0]) == header.width
        and any(number_problem(_value(cells, (start, end))) is None for cells in grid[:_HEADER_SEARCH_ROWS])
    )


def _not_data(cells: list[str], header: TableHeader, above_header: bool) -> str | None:
    """Why a row is not a data row, or None when it is one."""
    if above_header:
        return "above the header" if any(cells) else None
    if not any(cells):
        return "empty row"
    name, number = _value(cells, header.columns["name"]), _value(cells, header.columns["number"])
    looks_like_header = _field_named(name) == "name" or _field_named(number) == "number"
    if looks_like_header and all(field in map_header(cells) for field in REQUIRED):
        return "repeated header"
    if not name and not normalize_number(number):
        return "no algorithm name and no filing number"
    return None


def _value(cells: list[str], span: tuple[int, int]) -> str:
    texts = [cells[column] for column in range(*span) if column < len(cells) and cells[column]]
    return "\n".join(dict.fromkeys(texts))
