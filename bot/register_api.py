"""`GET /api/register`: the register's rows as data, filtered, paged, as JSON or CSV. The chat's table
answers link here with the same filters, so what the chat counts and what the download holds agree.
It validates and translates; the rows come from `bot.register.store`."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import replace
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel, Field

from bot.api import UNAVAILABLE, http_error
from bot.errors import StoreUnavailable
from bot.register.answer import group_rows, row_dict
from bot.register.chart import draw_chart
from bot.register.places import PROVINCES, province_named
from bot.register.query import EntityMatch, RegisterQuery
from bot.register.records import RegisterRow
from bot.register.store import RegisterStore
from bot.register.words import describe

router = APIRouter(prefix="/api", tags=["register"])
# What the filters take, in the schema (the handlers refuse anything else with a 422 that says why).
PROVINCE_NAMES = {"enum": sorted({name for p in PROVINCES for name in (p.short, p.full, p.english)})}
DATE = {"format": "date"}
# No value for a filter that may be given several times: an array, never null, in the schema (a nullable array
# lets a fuzzer send "null" as a name, which is a name like any other in a query string).
NONE: list[Any] = []
CSV_COLUMNS = ("name", "company", "province", "number", "date", "kind", "series", "period", "category", "url")


class RegisterRowOut(BaseModel):
    name: str
    company: str
    province: str
    province_en: str
    number: str
    date: str | None = Field(description="YYYY-MM-DD; null for lists that give no dates (algorithm lists).")
    kind: Literal["filing", "registration"]
    series: Literal["genai", "algorithm", "deep-synthesis"]
    period: str = Field(description="The month of the list the row was published in, YYYY-MM.")
    url: str | None
    category: str
    products: list[str]
    cancelled: bool
    renamed_from: str
    late: bool


class RegisterPage(BaseModel):
    total: int = Field(description="Rows matching the filters, exactly.")
    offset: int
    limit: int
    as_of: str | None = Field(description="The month of the latest list in the register.")
    rows: list[RegisterRowOut]


def get_register(request: Request) -> RegisterStore:
    register = getattr(request.app.state.bot, "register", None)
    if register is None:
        raise HTTPException(503, "This bot has no register: add register tables to the corpus and run ingest.")
    return register.store


def _day(value: str | None, name: str) -> int | None:
    if value is None:
        return None
    try:
        return int(dt.date.fromisoformat(value).strftime("%Y%m%d"))
    except ValueError as error:
        raise HTTPException(422, f"'{name}' must be a date as YYYY-MM-DD, not {value!r}.") from error


def register_filters(
    series: Annotated[
        list[Literal["genai", "algorithm", "deep-synthesis"]],
        Query(description="One series, or several (rows of any of them)."),
    ] = NONE,
    kind: Annotated[Literal["filing", "registration"] | None, Query()] = None,
    province: Annotated[
        str | None, Query(max_length=40, description="Chinese or English name.", json_schema_extra=PROVINCE_NAMES)
    ] = None,
    company: Annotated[
        list[str], Query(description="Exact company names (earlier names too); names of any kind match as 'or'.")
    ] = NONE,
    name: Annotated[list[str], Query(description="Exact service or algorithm names.")] = NONE,
    product: Annotated[list[str], Query(description="Product names.")] = NONE,
    number: Annotated[list[str], Query(description="Filing or registration numbers.")] = NONE,
    from_: Annotated[
        str | None, Query(alias="from", description="First date, YYYY-MM-DD.", json_schema_extra=DATE)
    ] = None,
    to: Annotated[str | None, Query(description="Last date, YYYY-MM-DD.", json_schema_extra=DATE)] = None,
    period: Annotated[str | None, Query(pattern=r"^\d{4}-(0[1-9]|1[0-2])$", description="One list, YYYY-MM.")] = None,
    year: Annotated[int | None, Query(ge=2000, le=2100, description="Every list published that year.")] = None,
    category: Annotated[str | None, Query(max_length=40)] = None,
    cancelled: Annotated[bool | None, Query()] = None,
) -> RegisterQuery:
    """The filters of `/api/register` (and its chart) as a `RegisterQuery`, the same the chat's answers use."""
    place = province_named(province) if province is not None else None
    if province is not None and place is None:
        raise HTTPException(422, f"Unknown province {province!r}: use a Chinese or English province name.")
    # Rows matching any of the names given, as a chat answer's download link asks for an alias's rows.
    parts = [
        EntityMatch(text=values[0], field=field, values=tuple(values))  # type: ignore[arg-type]
        for field, values in (("company", company), ("name", name), ("product", product), ("number", number))
        if values
    ]
    entities = (replace(parts[0], also=tuple(parts[1:])),) if parts else ()
    return RegisterQuery(
        intent="list",
        entities=entities,
        series=series[0] if series and len(set(series)) == 1 else None,
        series_in=tuple(sorted(set(series))) if series and len(set(series)) > 1 else (),
        kind=kind,
        province=place.short if place else None,
        date_from=_day(from_, "from"),
        date_to=_day(to, "to"),
        period=period,
        list_year=year,
        category=category or "",
        cancelled=cancelled,
    )


Filters = Annotated[RegisterQuery, Depends(register_filters)]


@router.get(
    "/register",
    response_model=RegisterPage,
    summary="The register's rows, filtered and paged, as JSON or CSV",
    responses={
        200: {"content": {"text/csv": {}}},
        422: {"description": "A filter that cannot be read."},
        **UNAVAILABLE,
    },
)
async def register_rows(
    request: Request,
    query: Filters,
    q: Annotated[str | None, Query(max_length=200, description="Text in a name, company, number or product.")] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 100,
    format: Annotated[Literal["json", "csv"], Query()] = "json",
) -> Any:
    store = get_register(request)
    try:
        rows: list[RegisterRow] = await run_in_threadpool(store.find, query)
        as_of = store.as_of()
    except StoreUnavailable as error:
        raise http_error(error) from error
    if q:
        rows = [row for row in rows if _mentions(row, q)]
    page = rows[offset : offset + limit]
    if format == "csv":
        return Response(_csv(page), media_type="text/csv; charset=utf-8", headers=_csv_headers(len(rows)))
    return RegisterPage(
        total=len(rows),
        offset=offset,
        limit=limit,
        as_of=as_of,
        rows=[RegisterRowOut(**row_dict(row, 0)) for row in page],
    )


@router.get(
    "/register/chart",
    summary="A chart of the register's rows: per list with the running total, or per province",
    response_class=Response,
    responses={
        200: {"content": {"image/png": {}}},
        422: {"description": "A filter that cannot be read."},
        **UNAVAILABLE,
    },
)
async def register_chart(
    request: Request,
    query: Filters,
    group_by: Annotated[Literal["period", "province"], Query()] = "period",
    lang: Annotated[Literal["en", "zh"], Query()] = "en",
) -> Response:
    store = get_register(request)
    try:
        rows: list[RegisterRow] = await run_in_threadpool(store.find, query)
        title = describe(query, store.as_of(query.series), lang)
    except StoreUnavailable as error:
        raise http_error(error) from error
    png = await run_in_threadpool(draw_chart, group_rows(rows, group_by), group_by, title, lang)
    return Response(png, media_type="image/png", headers={"Cache-Control": "no-cache"})


def _mentions(row: RegisterRow, text: str) -> bool:
    needle = text.strip().lower()
    return needle in " ".join((row.name, row.company, row.number, *(p.name for p in row.products))).lower()


def _csv(rows: list[RegisterRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        data = row_dict(row, 0)
        writer.writerow([data[column] or "" for column in CSV_COLUMNS])
    # A BOM, so spreadsheet programs open the Chinese text as UTF-8.
    return "\ufeff" + out.getvalue()


def _csv_headers(total: int) -> dict[str, str]:
    return {"Content-Disposition": 'attachment; filename="register.csv"', "X-Total-Count": str(total)}
