"""Answers from the register: a parsed `RegisterQuery` and the rows it selects become an `Answer` whose
text says the exact count or the matching rows, whose table holds up to 20 rows by date, and whose
citations are those rows, each with its list's attachment. A name that is in no list is said plainly and
never given a number. Parsing is `bot.register.parse`; the rows come from `bot.register.store`; the
sentences are `bot.register.sentences` and the answer's data (rows, citations, download) is
`bot.register.answer_data`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, Protocol
from urllib.parse import urlencode

from bot.register.answer_data import (
    citation_of,
    extreme_rows,
    filter_params,
    group_rows,
    row_dict,
    shown_rows,
    split_moved_away,
)
from bot.register.query import RegisterQuery
from bot.register.records import RegisterRow
from bot.register.sentences import (
    SAY_NAMES_UP_TO,
    batch_text,
    chart_text,
    city_note,
    elsewhere_note,
    moved_note,
    names_of,
    outside_lists_text,
    renamed_text,
    rows_text,
    widened_note,
)
from bot.register.store import RegisterStore
from bot.register.words import describe, question_of, say_period
from bot.schema import Answer, TableResult
from bot.text import Language

__all__ = ["MAX_ROWS", "RegisterAnswerer", "filter_params", "group_rows", "row_dict"]

MAX_ROWS = 20
Message = dict[str, Any]


class Catalog(Protocol):
    """What the answers need from the name catalog (`bot.register.names.NameCatalog`)."""

    def nearest(self, name: str, n: int = 3) -> list[str]: ...

    def english_name(self, chinese: str) -> str: ...


Parser = Callable[[str, Any, RegisterQuery | None], RegisterQuery | None]


class RegisterAnswerer:
    """Answers register questions (lookups, lists, counts); says None to any other question."""

    def __init__(
        self,
        store: RegisterStore,
        build_catalog: Callable[[list[RegisterRow]], Any],
        parse: Parser,
        max_rows: int = MAX_ROWS,
        download_path: str = "/api/register",
    ) -> None:
        self.store = store
        self.build_catalog = build_catalog
        self.parse = parse
        self.max_rows = max_rows
        self.download_path = download_path
        self._catalog: Any = None
        self._catalog_generation: str | None = "never"

    @property
    def catalog(self) -> Any:
        """The name catalog of the rows in the store now (rebuilt when another process changed them)."""
        generation = self.store.generation
        if self._catalog is None or generation != self._catalog_generation:
            self._catalog = self.build_catalog(self.store.rows())
            self._catalog_generation = generation
        return self._catalog

    def warm_up(self) -> None:
        """Build the name catalog and its near-miss index before the first question needs them."""
        if len(self.store):
            catalog = self.catalog
            if hasattr(catalog, "nearest"):
                catalog.nearest("warm-up", 1)

    def understand(self, question: str, history: Sequence[Message] = ()) -> tuple[RegisterQuery | None, bool]:
        """The register query a question asks, reading a follow-up in the light of the previous question;
        and whether the previous question changed the reading (a follow-up)."""
        if len(self.store) == 0:
            return None, False
        catalog = self.catalog
        previous = None
        for message in reversed(history):
            if message.get("role") == "user" and str(message.get("content", "")).strip():
                previous = self.parse(str(message["content"]), catalog, None)
                break
        query = self.parse(question, catalog, previous)
        return query, previous is not None and query is not None and query != self.parse(question, catalog, None)

    def answer(self, question: str, history: Sequence[Message], language: Language) -> Answer | None:
        query, follow_up = self.understand(question, history)
        if query is None or _selects_nothing_in_particular(query):
            return None
        # The parser reads the language with the names blanked out: "What was 上海识装… renamed to?" is English.
        language = query.language or language
        answer = self.answer_query(query, language)
        if follow_up:
            standalone = question_of(query, self._as_of(query), language)
            answer = replace(answer, standalone_question=standalone)
        return answer

    def answer_query(self, query: RegisterQuery, language: Language) -> Answer:
        as_of = self._as_of(query)
        if query.unknown_name and not query.entities:
            return self._not_in_register(query, as_of, language)
        rows = self.store.find(query)
        if not rows and query.entities and (query.series or query.series_in):
            # A name asked about under the wrong series ("the algorithm filing of a deep-synthesis algorithm"):
            # its rows in any series answer a lookup better than "none", and the answer says which series
            # they are in. A count or list of one series named outright ("How many generative AI services
            # has X filed?") is answered for that series: none, and where X's rows are instead.
            asked = query.series or "+".join(query.series_in)
            widened = replace(query, series=None, series_in=(), notes=(*query.notes, f"series widened from {asked}"))
            elsewhere = self.store.find(widened)
            if _series_named_outright(query) and query.intent in ("count", "list"):
                text = self._text(query, [], as_of, language) + elsewhere_note(query, elsewhere, language)
                return self._answer(text, query, [], as_of, language)
            rows, query = elsewhere, widened
            as_of = self.store.as_of()
        if not rows and (outside := self._outside_the_lists(query)) is not None:
            text = outside_lists_text(query, as_of, *outside, language)
            return Answer(text, True, language, (), 0.0, reason="outside_lists")
        if query.asks == "renamed" and rows:
            return self._renamed(query, rows, as_of, language)
        rows, moved = split_moved_away(query, rows, self._filers())
        if query.intent == "chart":
            return self._chart(query, rows, as_of, language)
        if query.batch and rows and not query.entities:
            return self._batch(query, rows, as_of, language)
        if query.intent in ("latest", "first") and rows:
            rows = extreme_rows(rows, latest=query.intent == "latest")
        text = city_note(query, language) + widened_note(query, rows, language)
        text += self._text(query, rows, as_of, language)
        text += moved_note(moved, language)
        # The download's company filter still takes in the moved filings: none rather than a different count.
        return self._answer(text, query, rows, as_of, language, downloadable=not moved)

    def _as_of(self, query: RegisterQuery) -> str | None:
        """The month of the latest list of the series a query reads (all series when it names none)."""
        months = [self.store.as_of(series) for series in query.series_in] or [self.store.as_of(query.series)]
        return max((month for month in months if month), default=None)

    def _outside_the_lists(self, query: RegisterQuery) -> tuple[str, str, int, int] | None:
        """When the dates a question asks about lie wholly before the first list of its series or wholly after
        its latest: the first and latest list ("YYYY-MM") and the earliest and latest date in them. The lists
        then cannot say ("How many were filed in 2021?" before filing began; a month not yet published), which
        is not the same as none. A series' first date, not a kind's: registrations began later than filings,
        and "registered in 2023" is then truly none."""
        series = query.series_in or (query.series,)
        periods = sorted(p for s in series for p in self.catalog.periods(s))
        if not periods:
            return None
        first_month, last_month = int(periods[0].replace("-", "")), int(periods[-1].replace("-", ""))
        # Lists without dates per row (the algorithm lists) cover their lists' months.
        dates = sorted(d for s in series for d in self.catalog.dates(s)) or [first_month * 100, last_month * 100]
        covered = periods[0], periods[-1], dates[0], dates[-1]
        asked_list = int(query.period.replace("-", "")) if query.period else None
        if asked_list is not None and not first_month <= asked_list <= last_month:
            return covered
        if query.list_year is not None and not int(periods[0][:4]) <= query.list_year <= int(periods[-1][:4]):
            return covered
        before = query.date_to is not None and query.date_to < min(dates[0], first_month * 100 + 1)
        after = query.date_from is not None and query.date_from > max(dates[-1], last_month * 100 + 31)
        return covered if before or after else None

    def _filers(self) -> frozenset[str]:
        """Every company some row carries as its subject now (built once per catalog)."""
        catalog = self.catalog
        if getattr(self, "_filers_of", None) is not catalog:
            self._filers_cache = frozenset(row.company for row in getattr(catalog, "rows", ()))
            self._filers_of = catalog
        return self._filers_cache

    # -- wording ---------------------------------------------------------------------------

    def _text(self, query: RegisterQuery, rows: list[RegisterRow], as_of: str | None, language: Language) -> str:
        return rows_text(query, rows, as_of, language, self._english, self.max_rows)

    def _english(self, chinese: str) -> str:
        try:
            return str(self.catalog.english_name(chinese) or "")
        except AttributeError:
            return ""

    def _renamed(self, query: RegisterQuery, rows: list[RegisterRow], as_of: str | None, language: Language) -> Answer:
        """Each company rename the rows record, old name and new, with the row that records it."""
        renamed = [row for row in rows if row.renamed_from]
        if not renamed:
            return self._answer(self._text(query, rows, as_of, language), query, rows, as_of, language)
        first_of: dict[tuple[str, str], RegisterRow] = {}
        for row in renamed:
            first_of.setdefault((row.renamed_from, row.company), row)
        shown = list(first_of.values())
        return self._answer(renamed_text(shown, language), query, shown, as_of, language)

    def _not_in_register(self, query: RegisterQuery, as_of: str | None, language: Language) -> Answer:
        name = query.unknown_name
        month = say_period(as_of, language) if as_of else ""
        nearest = [n for n in self.catalog.nearest(name, 3) if n] if hasattr(self.catalog, "nearest") else []
        nearest = list(dict.fromkeys([*query.near_names, *nearest]))[:3]
        if language == "zh":
            text = f"截至{month}，CAC的清单中没有名为“{name}”的服务或公司。"
            if nearest:
                text += f"名称相近的有：{'、'.join(nearest)}。"
        else:
            text = f"No service or company named {name} is in the CAC's lists up to {month}."
            if nearest:
                text += f" The nearest names in the register: {', '.join(nearest)}."
        return Answer(
            text,
            False,
            language,
            (),
            1.0,
            TableResult(query.to_dict(), describe(query, as_of, language), 0, (), as_of, download=None),
        )

    def _batch(self, query: RegisterQuery, rows: list[RegisterRow], as_of: str | None, language: Language) -> Answer:
        """Services approved together: the largest group sharing one date in the period, and what else the
        period holds, so the reader sees both readings of "the batch"."""
        by_date = Counter(row.date for row in rows if row.date)
        if not by_date:
            return self._answer(self._text(query, rows, as_of, language), query, rows, as_of, language)
        date = by_date.most_common(1)[0][0]
        batch = [row for row in rows if row.date == date]
        period = describe(replace(query, batch=False, entities=()), None, language)
        text = batch_text(rows, date, by_date, period, query.intent == "list", language)
        if len(batch) <= SAY_NAMES_UP_TO:
            text += names_of(batch, language, self._english)
        batch_query = replace(query, date_from=date, date_to=date)
        return self._answer(text, batch_query, batch, as_of, language)

    def _chart(self, query: RegisterQuery, rows: list[RegisterRow], as_of: str | None, language: Language) -> Answer:
        """Growth per list with the running total, or rows per province: the chart's URL and its data."""
        group_by = query.group_by if query.group_by in ("period", "province") else "period"
        query = replace(query, group_by=group_by)
        groups = group_rows(rows, group_by)
        description = describe(query, as_of, language)
        text = chart_text(description, rows, groups, group_by, language)
        answer = self._answer(text, query, rows, as_of, language)
        chart = {
            "url": self.chart_url(query, group_by, language),
            "title": description,
            "group_by": group_by,
            "data": list(groups),
        }
        return replace(answer, register=replace(answer.register, chart=chart))  # type: ignore[arg-type]

    # -- the answer's data -------------------------------------------------------------------

    def _answer(
        self,
        text: str,
        query: RegisterQuery,
        rows: list[RegisterRow],
        as_of: str | None,
        language: Language,
        downloadable: bool = True,
    ) -> Answer:
        shown = shown_rows(rows, query, self.max_rows)
        citations = tuple(citation_of(n, row) for n, row in enumerate(shown, 1))
        groups = group_rows(rows, query.group_by) if query.group_by else None
        table = TableResult(
            query=query.to_dict(),
            description=describe(query, as_of, language),
            total=len(rows),
            rows=tuple(row_dict(row, n) for n, row in enumerate(shown, 1)),
            as_of=as_of,
            groups=groups,
            download=self.download_url(query) if rows and downloadable else None,
        )
        return Answer(text, False, language, citations, 1.0, table)

    def download_url(self, query: RegisterQuery) -> str:
        """The same rows as a CSV from `GET /api/register`, so what the chat counts and the file holds agree."""
        params = filter_params(query)
        params["format"] = "csv"
        params["limit"] = 10_000
        return f"{self.download_path}?{urlencode(params, doseq=True)}"

    def chart_url(self, query: RegisterQuery, group_by: str, language: Language) -> str:
        """The chart of the same rows from `GET /api/register/chart`."""
        params = {**filter_params(query), "group_by": group_by, "lang": language}
        return f"{self.download_path}/chart?{urlencode(params, doseq=True)}"


def _series_named_outright(query: RegisterQuery) -> bool:
    """Whether the question named its series in words ("generative AI", "深度合成", a class of algorithm)
    rather than the parser reading one into a weak word ("services")."""
    return not any(note.startswith("'services' read as") for note in query.notes)


def _selects_nothing_in_particular(query: RegisterQuery) -> bool:
    """A lookup that names nothing and filters nothing: not a register question after all (the register
    would answer it with every row)."""
    filters = (query.series, query.kind, query.province, query.date_from, query.date_to, query.period, query.category)
    return (
        query.intent == "lookup"
        and not query.entities
        and not query.unknown_name
        and not any(filters)
        and query.cancelled is None
        and not query.batch
    )
