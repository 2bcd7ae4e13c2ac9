"""Reading approvals tables into `RegisterRow`s: the CAC's generative-AI register as published in JSON
(`{"batches": [{"period", "name", "url", "rows": [...]}, ...]}`), and the same kind of table as CSV or
XLSX, with Chinese or English column names (`COLUMNS`).

What a reader cannot use it reports, row by row, and goes on: a repeated header row, a row without a
number, a date it cannot read. "（补登）" after a date becomes the `late` flag. A row whose name and
company were swapped in the source is put right and flagged. Word lists are `bot.register.docx_lists`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from bot.register.places import province_named
from bot.register.records import Kind, ReadReport, RegisterList, RegisterRow, Series

# Each field with the column names it is read from (compared after NFKC, case and spaces removed).
COLUMNS: dict[str, tuple[str, ...]] = {
    "name": (
        "模型名称",
        "大模型名称",
        "应用/功能名称",
        "应用名称",
        "服务名称",
        "名称",
        "name",
        "service",
        "servicename",
        "model",
    ),
    "company": ("备案单位", "登记单位", "主体名称", "单位", "公司", "company", "organisation", "organization", "filer"),
    "number": ("备案号", "备案编号", "上线编号", "登记编号", "编号", "number", "filingnumber", "registrationnumber"),
    "date": ("备案时间", "登记时间", "上线时间", "日期", "时间", "date", "filedon", "approvedon"),
    "province": ("属地", "省份", "地区", "province", "region"),
    "kind": ("_kind", "类型", "类别", "kind", "type"),
    "scene": ("适用场景", "场景", "scene", "usedfor"),
    "period": ("清单", "批次", "list", "period"),
}
_REQUIRED = ("name", "number")
_LATE = re.compile(r"[（(]\s*补登\s*[)）]")
_REGISTRATION_NUMBER = re.compile(r"\d{8}S\d{4}\s*$")
_ORGANISATION = re.compile(r"(公司|研究院|研究所|大学|学院|中心|集团|实验室|医院|银行)$")
_PERIOD_IN_NAME = re.compile(r"(20\d\d)[-_年.]?(\d{1,2})")
_KINDS: dict[str, Kind] = {
    "备案": "filing",
    "filing": "filing",
    "filed": "filing",
    "登记": "registration",
    "registration": "registration",
    "registered": "registration",
}


def _key(header: str) -> str:
    return re.sub(r"[\s_]+", "", unicodedata.normalize("NFKC", str(header))).lower().lstrip("_") or header


_FIELD_OF_HEADER = {_key(name): field for field, names in COLUMNS.items() for name in names}
_FIELD_OF_HEADER["kind"] = "kind"


def map_columns(header: Iterable[str]) -> dict[str, str]:
    """The table's own column name for each field it has, e.g. {"name": "大模型名称", "number": "备案编号"}."""
    mapping: dict[str, str] = {}
    for column in header:
        field = _FIELD_OF_HEADER.get(_key(column))
        if field and field not in mapping:
            mapping[field] = column
    return mapping


def parse_date(text: Any) -> tuple[int | None, bool]:
    """(YYYYMMDD or None, late) from "2024/1/17", "2024-01-17", "2024年1月17日", "2024/1/17（补登）" or a date."""
    if isinstance(text, dt.datetime | dt.date):
        return int(text.strftime("%Y%m%d")), False
    value = unicodedata.normalize("NFKC", str(text or "")).strip()
    late = bool(_LATE.search(value))
    value = _LATE.sub("", value).strip()
    found = re.fullmatch(r"(20\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+00:00(?::00)?)?", value)
    if not found:
        return None, late
    year, month, day = (int(part) for part in found.groups())
    try:
        dt.date(year, month, day)
    except ValueError:
        return None, late
    return year * 10000 + month * 100 + day, late


def kind_of(number: str, stated: str = "") -> Kind:
    """Filing or registration: a registration number ends in YYYYMMDD S nnnn; a stated kind wins when given."""
    stated_kind = _KINDS.get(_key(stated)) if stated else None
    if stated_kind:
        return stated_kind
    return "registration" if _REGISTRATION_NUMBER.search(number) else "filing"


def rows_from_records(
    records: Iterable[Mapping[str, Any]],
    register_list: RegisterList,
    report: ReadReport,
    series: Series = "genai",
) -> list[RegisterRow]:
    """Rows from one list's records (dicts keyed by column name); what can't be used goes in `report`."""
    records = list(records)
    header = list(dict.fromkeys(column for record in records for column in record))
    columns = map_columns(header)
    missing = [field for field in _REQUIRED if field not in columns]
    if missing:
        report.skipped.extend((n, f"no {' or '.join(missing)} column") for n in range(1, len(records) + 1))
        return []
    rows = []
    for n, record in enumerate(records, start=1):
        value = {field: _text(record.get(column)) for field, column in columns.items()}
        if _is_header_row(value):
            report.skipped.append((n, "repeated header row"))
            continue
        if not value.get("number"):
            report.skipped.append((n, "no number"))
            continue
        date, late = parse_date(record.get(columns["date"])) if "date" in columns else (None, False)
        if "date" in columns and date is None:
            report.skipped.append((n, "unreadable date"))
            continue
        name, company, flags = value["name"], value.get("company", ""), []
        if _ORGANISATION.search(name) and not _ORGANISATION.search(company):
            name, company = company, name
            flags.append("name and company swapped in the source")
        if value["number"].endswith("-"):
            flags.append("number truncated in the source")
        province = province_named(value.get("province", ""))
        rows.append(
            RegisterRow(
                series=series,
                kind=kind_of(value["number"], value.get("kind", "")),
                name=name,
                company=company,
                number=value["number"],
                province=province.short if province else value.get("province", ""),
                list=register_list,
                date=date,
                late=late,
                scene=value.get("scene", ""),
                flags=tuple(flags),
                row=n,
            )
        )
        report.read += 1
        if flags:
            report.flagged.append((n, "; ".join(flags)))
    return rows


def read_register_json(path: Path, source: str) -> tuple[list[RegisterRow], ReadReport]:
    """The CAC's register as published in JSON: a `batches` list (one per published list), or a bare list of rows."""
    report = ReadReport(source)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"not a readable JSON table ({error})") from error
    if isinstance(data, list):
        data = {"batches": [{"period": _period_from_name(path.stem), "name": path.stem, "rows": data}]}
    if not isinstance(data, dict) or not isinstance(data.get("batches"), list):
        raise ValueError('not a register table: expected {"batches": [...]} or a list of rows')
    rows: list[RegisterRow] = []
    offset = 0
    for batch in data["batches"]:
        records = [r for r in batch.get("rows", []) if isinstance(r, dict)]
        register_list = RegisterList(
            series="genai",
            period=str(batch.get("period") or _period_from_name(path.stem)),
            title=str(batch.get("name") or path.stem),
            url=batch.get("url"),
            source=source,
        )
        batch_report = ReadReport(source)
        rows.extend(rows_from_records(records, register_list, batch_report))
        report.read += batch_report.read
        # Row numbers in the report count through the whole file, so a reader can find them.
        report.flagged.extend((offset + n, why) for n, why in batch_report.flagged)
        report.skipped.extend((offset + n, why) for n, why in batch_report.skipped)
        offset += len(records)
    return rows, report


def read_register_csv(path: Path, source: str) -> tuple[list[RegisterRow], ReadReport]:
    """A CSV approvals table (UTF-8, with or without BOM; GB18030 accepted), one row per service."""
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ValueError("not UTF-8 or GB18030 text")
    records = list(csv.DictReader(io.StringIO(text)))
    return _read_table(records, path, source)


def read_register_xlsx(path: Path, source: str) -> tuple[list[RegisterRow], ReadReport]:
    """An XLSX approvals table: the first sheet, its first non-empty row the header."""
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises several unrelated types for a broken file
        raise ValueError(f"not a readable XLSX workbook ({error})") from error
    try:
        values = [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()
    values = [row for row in values if any(cell not in (None, "") for cell in row)]
    if not values:
        return [], ReadReport(source)
    header = [str(cell or "").strip() for cell in values[0]]
    records = [dict(zip(header, row, strict=False)) for row in values[1:]]
    return _read_table(records, path, source)


def _read_table(records: list[dict[str, Any]], path: Path, source: str) -> tuple[list[RegisterRow], ReadReport]:
    """Rows of a CSV or XLSX table; its list is named by a `period` column, else by the file name."""
    report = ReadReport(source)
    columns = map_columns(records[0].keys() if records else [])
    by_period: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        period = _text(record.get(columns["period"])) if "period" in columns else ""
        by_period.setdefault(period or _period_from_name(path.stem), []).append(record)
    rows: list[RegisterRow] = []
    for period, group in by_period.items():
        register_list = RegisterList(series="genai", period=period, title=path.stem, source=source)
        rows.extend(rows_from_records(group, register_list, report))
    return rows, report


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    # Kept as published (full-width brackets and all): the citation quotes the row; matching normalises.
    return str(value).strip()


def _is_header_row(value: Mapping[str, str]) -> bool:
    """A table's header repeated inside it (the CAC starts its registrations table this way)."""
    return sum(1 for text in value.values() if text and _key(text) in _FIELD_OF_HEADER) >= 2


def _period_from_name(stem: str) -> str:
    found = _PERIOD_IN_NAME.search(stem)
    return f"{found.group(1)}-{int(found.group(2)):02d}" if found else ""
