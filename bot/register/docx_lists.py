"""Reads the CAC's algorithm and deep-synthesis filing lists, Word attachments as published, into
`RegisterRow`s, with a `ReadReport` of what was read, flagged and skipped.

The tables are read by `bot.register.word_tables` (header by name; a table without a usable header is
reported, not read). Rows are counted, never numbered from 序号 (often empty: Word's automatic numbering).
The series comes from the header (算法类别 → algorithm, 角色 → deep synthesis), else the manifest entry,
the title or the file name; the list's month from the manifest entry, else the title (`（2024年4月）`),
else the file name. What a cell means (numbers, products, remarks) is read by `bot.register.filing_text`.
Nothing here stores rows or decides what a question asks.
"""

from __future__ import annotations

import json
import re
from pathlib import Path, PurePosixPath
from typing import Any
from zipfile import BadZipFile

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.text.paragraph import Paragraph

from bot.errors import DocumentUnreadable
from bot.register.filing_text import (
    clean_number,
    division_code,
    filing_year,
    number_problem,
    province_of_number,
    remark_events,
    same_name,
    split_products,
)
from bot.register.records import ReadReport, RegisterList, RegisterRow, Series, normalize_number
from bot.register.word_tables import HEADER_NAMES, data_rows, map_header

__all__ = ["HEADER_NAMES", "filing_year", "map_header", "read_docx_list", "read_manifest"]

_SERIES_WORDS: tuple[tuple[str, Series], ...] = (
    ("深度合成", "deep-synthesis"),
    ("互联网信息服务算法", "algorithm"),
    ("deepsynthesis", "deep-synthesis"),  # file names: deep-synthesis-2024-04.docx, hyphens dropped
    ("algorithm", "algorithm"),
)
_MONTH_IN_TITLE = re.compile(r"(20\d{2})\s*年\s*(1[0-2]|0?[1-9])\s*月")
_MONTH_IN_NAME = re.compile(r"(20\d{2})[-_.]?(1[0-2]|0[1-9])(?!\d)")


def read_docx_list(
    path: Path, source: str, manifest: dict[str, Any] | None = None
) -> tuple[list[RegisterRow], ReadReport]:
    """Rows of one Word list and a report on them; `manifest` is this file's entry from `read_manifest`."""
    entry = manifest or {}
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, BadZipFile, KeyError, ValueError) as error:
        raise DocumentUnreadable(source, f"not a Word (.docx) file python-docx can open ({error})") from error
    report = ReadReport(source)
    title = _title_paragraph(document)
    cells, header = data_rows(document, report)
    listed_as = _series_named(str(entry.get("series") or ""))
    if header and header.series and listed_as and header.series != listed_as:
        report.flagged.append((0, f"the header makes it a {header.series} list, the manifest a {listed_as} list"))
    series = (header.series if header else None) or listed_as
    series = series or _series_named(title) or _series_named(str(entry.get("title") or "")) or _series_named(path.name)
    period = _period(entry, title, path, report)
    if not cells:
        _check_count(entry, 0, report)
        return [], report
    if series is None:
        raise DocumentUnreadable(source, "cannot tell the series: no 算法类别 or 角色 column, manifest entry or title")
    if period is None:
        raise DocumentUnreadable(source, "cannot tell the list's month: no manifest entry, no 'YYYY年M月' title")
    if not _MONTH_IN_TITLE.search(title):  # cited by title and month: the month must be in the title
        title = (title or str(entry.get("title") or path.stem)) + f"（{int(period[:4])}年{int(period[5:])}月）"
    listing = RegisterList(series, period, title, entry.get("notice_url") or None, source)
    rows = [_register_row(values, position, listing, report) for position, values in enumerate(cells, start=1)]
    _flag_repeated_numbers(rows, report)
    _check_count(entry, len(rows), report)
    report.read = len(rows)
    return rows, report


def _check_count(entry: dict[str, Any], read: int, report: ReadReport) -> None:
    expected = entry.get("rows")
    if isinstance(expected, int) and expected != read:
        report.flagged.append((0, f"the manifest counts {expected} rows, {read} were read"))


def read_manifest(folder: Path) -> dict[str, dict[str, Any]]:
    """`manifest.json` in `folder` as {file name: entry}; {} when there is none."""
    path = folder / "manifest.json"
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {PurePosixPath(entry["file"]).name: entry for entry in data["files"]}
    except (ValueError, KeyError, TypeError) as error:
        reason = f"not a manifest with a 'files' list of entries with a 'file' ({error})"
        raise DocumentUnreadable(str(path), reason) from error


# --- rows -----------------------------------------------------------------------------------------------


def _register_row(values: dict[str, str], position: int, listing: RegisterList, report: ReadReport) -> RegisterRow:
    number = clean_number(values.get("number", ""))
    remarks = _one_line(values.get("remarks", ""))
    events = remark_events(remarks)
    flags: list[str] = []
    problem = number_problem(number)
    if problem:
        flags.append(problem)
    province = province_of_number(number)
    if province is None and division_code(number):
        flags.append(f"division code {division_code(number)} names no province")
    company, renamed_from = _one_line(values.get("company", "")), events.renamed_from
    if renamed_from and not same_name(company, events.renamed_to):
        if same_name(company, renamed_from):
            flags.append(f"listed under its earlier name; named {events.renamed_to} as its remark says")
            company = events.renamed_to
        else:
            flags.append(f"its remark renames {renamed_from} to {events.renamed_to}, not the company listed")
    name = _one_line(values.get("name", ""))
    if not name:
        flags.append("no algorithm name")
    for flag in flags:
        report.flagged.append((position, flag))
    return RegisterRow(
        series=listing.series,
        kind="filing",
        name=name,
        company=company,
        number=number,
        province=province.short if province else "",
        list=listing,
        category=_one_line(values.get("category") or values.get("role") or ""),
        products=split_products(values.get("products", "")),
        purpose=_one_line(values.get("purpose", "")),
        remarks=remarks,
        cancelled=events.cancelled,
        renamed_from=renamed_from,
        flags=tuple(flags),
        row=position,
    )


def _flag_repeated_numbers(rows: list[RegisterRow], report: ReadReport) -> None:
    first: dict[str, int] = {}
    for row in rows:
        key = normalize_number(row.number)
        if key and key in first:
            report.flagged.append((row.row, f"number also in row {first[key]} of this list"))
        first.setdefault(key, row.row)


def _one_line(text: str) -> str:
    """A cell's lines joined: without a space between Chinese characters, with one between Latin words."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    joined = ""
    for line in lines:
        latin = joined and joined[-1].isascii() and joined[-1].isalnum() and line[0].isascii() and line[0].isalnum()
        joined += (" " if latin else "") + line
    return joined


# --- the list: series, month, title ---------------------------------------------------------------------


def _title_paragraph(document: Any) -> str:
    """The list's own title (`境内深度合成服务算法备案清单（2024年4月）`): a line above the first table."""
    for block in document.iter_inner_content():
        if not isinstance(block, Paragraph):
            break
        text = re.sub(r"\s+", "", block.text)
        if "清单" in text or "名单" in text or "备案" in text:
            return text
    return ""


def _series_named(text: str) -> Series | None:
    if text in ("algorithm", "deep-synthesis"):
        return text  # type: ignore[return-value]
    text = text.replace("-", "")
    for word, series in _SERIES_WORDS:
        if word in text:
            return series
    return None


def _period(entry: dict[str, Any], title: str, path: Path, report: ReadReport) -> str | None:
    """The list's month, "YYYY-MM": the manifest's, else the title's, else the file name's."""
    in_title = _MONTH_IN_TITLE.search(title)
    from_title = f"{in_title.group(1)}-{int(in_title.group(2)):02d}" if in_title else None
    from_entry = str(entry.get("list_month") or "")
    if re.fullmatch(r"20\d{2}-(0[1-9]|1[0-2])", from_entry):
        if from_title and from_title != from_entry:
            report.flagged.append((0, f"the manifest dates the list {from_entry}, its title {from_title}"))
        return from_entry
    if from_title:
        return from_title
    in_name = _MONTH_IN_NAME.search(path.stem)
    return f"{in_name.group(1)}-{in_name.group(2)}" if in_name else None
