"""A register answer's data, beside its words: the rows shown (at most a page, by date or by series), each
row as a dict and as a citation of its list, groups for charts and breakdowns, and a query's filters as
`/api/register` parameters so a download holds what the chat counted.

No wording (`bot.register.sentences`) and no store access: the rows come in already found.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from bot.register.places import english_province
from bot.register.query import RegisterQuery
from bot.register.records import RegisterRow
from bot.register.words import iso_date, row_quote
from bot.schema import Citation


def filter_params(query: RegisterQuery) -> dict[str, Any]:
    """A query's filters as `/api/register` parameters."""
    params: dict[str, Any] = {}
    for field in ("series", "kind", "province", "period", "category"):
        if getattr(query, field):
            params[field] = getattr(query, field)
    if query.series_in and not query.series:
        params["series"] = list(query.series_in)
    if query.list_year is not None:
        params["year"] = query.list_year
    if query.date_from:
        params["from"] = iso_date(query.date_from)
    if query.date_to:
        params["to"] = iso_date(query.date_to)
    if query.cancelled is not None:
        params["cancelled"] = str(query.cancelled).lower()
    for entity in query.entities:
        for part in (entity, *entity.also):
            params[part.field] = [*params.get(part.field, []), *part.values]
    return params


def extreme_rows(rows: list[RegisterRow], latest: bool) -> list[RegisterRow]:
    """The rows on the latest (or first) date, or in the latest (or first) list when undated."""
    key = rows[-1] if latest else rows[0]
    if key.date:
        return [row for row in rows if row.date == key.date]
    return [row for row in rows if row.list.period == key.list.period and not row.date]


def shown_rows(rows: list[RegisterRow], query: RegisterQuery, limit: int) -> list[RegisterRow]:
    if query.group_by == "series":
        rows = sorted(rows, key=lambda row: ("genai", "algorithm", "deep-synthesis").index(row.series))
    return rows[:limit]


def group_rows(rows: list[RegisterRow], group_by: str) -> tuple[dict[str, Any], ...]:
    if group_by == "series":
        counts = Counter(row.series for row in rows)
    elif group_by == "province":
        counts = Counter(row.province or "?" for row in rows)
        return tuple({"key": k, "total": n} for k, n in counts.most_common())
    else:
        counts = Counter(row.list.period for row in rows)
        cumulative, groups = 0, []
        for key in sorted(counts):
            cumulative += counts[key]
            groups.append({"key": key, "total": counts[key], "cumulative": cumulative})
        return tuple(groups)
    return tuple({"key": k, "total": n} for k, n in counts.items())


def citation_of(n: int, row: RegisterRow) -> Citation:
    return Citation(
        n=n,
        title=row.list.title,
        source=row.list.source,
        url=row.list.url,
        quote=row_quote(row),
        start=0,
        end=0,
        period=row.list.period,
        row=row.row,
    )


def row_dict(row: RegisterRow, citation: int) -> dict[str, Any]:
    return {
        "name": row.name,
        "company": row.company,
        "province": row.province,
        "province_en": english_province(row.province) if row.province else "",
        "number": row.number,
        "date": iso_date(row.date),
        "kind": row.kind,
        "series": row.series,
        "period": row.list.period,
        "url": row.list.url,
        "category": row.category,
        "products": [p.name for p in row.products],
        "cancelled": row.cancelled,
        "renamed_from": row.renamed_from,
        "late": row.late,
        "citation": citation,
    }


def split_moved_away(
    query: RegisterQuery, rows: list[RegisterRow], filers: frozenset[str]
) -> tuple[list[RegisterRow], list[RegisterRow]]:
    """(rows, moved): a company that still files under its own name (it is in `filers`) owns the rows whose
    subject is it now; a filing whose remark moves it to another company (原主体名称…变更为…) is that
    company's, set apart. A name that files nothing under itself is the later company's earlier name, and
    keeps every row."""
    asked = [e for e in query.entities if e.field == "company"]
    if not asked:
        return rows, []
    kept, moved = [], []
    for row in rows:
        by_old_name_only = all(
            row.company not in e.values and row.renamed_from in e.values and row.renamed_from in filers for e in asked
        )
        (moved if by_old_name_only else kept).append(row)
    return kept, moved
