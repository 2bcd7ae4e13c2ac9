"""Answers from the register: a parsed `RegisterQuery` and the rows it selects become an `Answer` whose
text says the exact count or the matching rows, whose table holds up to 20 rows by date, and whose
citations are those rows, each with its list's attachment. A name that is in no list is said plainly and
never given a number. Parsing is `bot.register.parse`; the rows come from `bot.register.store`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, Protocol
from urllib.parse import urlencode

from bot.register.places import english_province
from bot.register.query import RegisterQuery
from bot.register.records import RegisterRow, normalize_number
from bot.register.store import RegisterStore
from bot.register.words import (
    describe,
    iso_date,
    question_of,
    row_quote,
    say_date,
    say_kind,
    say_period,
    thousands,
)
from bot.schema import Answer, Citation, TableResult
from bot.text import Language

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
            standalone = question_of(query, self.store.as_of(query.series), language)
            answer = replace(answer, standalone_question=standalone)
        return answer

    def answer_query(self, query: RegisterQuery, language: Language) -> Answer:
        as_of = self.store.as_of(query.series)
        if query.unknown_name and not query.entities:
            return self._not_in_register(query, as_of, language)
        rows = self.store.find(query)
        if not rows and query.entities and query.series:
            # A name asked about under the wrong series ("the algorithm filing of a deep-synthesis algorithm"):
            # its rows in any series answer better than "none", and the answer says which series they are in.
            widened = replace(query, series=None, notes=(*query.notes, f"series widened from {query.series}"))
            rows, query = self.store.find(widened), widened
            as_of = self.store.as_of()
        if query.asks == "renamed" and rows:
            return self._renamed(query, rows, as_of, language)
        if query.intent == "chart":
            return self._chart(query, rows, as_of, language)
        if query.batch and rows and not query.entities:
            return self._batch(query, rows, as_of, language)
        if query.intent in ("latest", "first") and rows:
            rows = _extreme(rows, latest=query.intent == "latest")
        text = _widened_note(query, rows, language) + self._text(query, rows, as_of, language)
        return self._answer(text, query, rows, as_of, language)

    # -- wording ---------------------------------------------------------------------------

    def _text(self, query: RegisterQuery, rows: list[RegisterRow], as_of: str | None, language: Language) -> str:
        description = describe(query, as_of, language)
        if not rows:
            if language == "zh":
                return f"{description}：0项。CAC清单中没有符合这些条件的记录。"
            return f"{description}: none. No row in the CAC's lists matches all of this."
        count = _count_text(rows, query, language)
        shared = _shared_filings(rows, language)
        if query.intent == "lookup" and len(rows) <= 3:
            sentences = [_row_sentence(row, n, query, language, self._english) for n, row in enumerate(rows, 1)]
            return " ".join([*_cancelled_verdict(query, rows, language), *sentences, shared]).strip()
        if query.intent in ("latest", "first") and rows[0].date:
            day = say_date(rows[0].date, language)
            if language == "zh":
                description = f"{'最新' if query.intent == 'latest' else '最早'}的一批（{day}），{description}"
            else:
                which = "The latest" if query.intent == "latest" else "The first"
                description = f"{which}, dated {day}: {description[0].lower()}{description[1:]}"
        head = f"{description}：{count}。" if language == "zh" else f"{description}: {count}."
        if len(rows) <= SAY_NAMES_UP_TO:
            head += _names_of(rows, language, self._english)
        if query.group_by == "series" and len({row.series for row in rows}) > 1:
            head += " " + _by_series(rows, language)
        if shared:
            head += shared if language == "zh" else f" {shared}"
        if len(rows) > self.max_rows:
            tail = (
                f"下表列出按日期排列的前{self.max_rows}项；可按省份、月份或类型缩小范围。"
                if language == "zh"
                else f"The first {self.max_rows} by date are below; narrow the question by province, month or kind "
                "to see the rest, or download them all."
            )
        else:
            tail = "见下表，按日期排列。" if language == "zh" else "They are in the table below, by date."
        return f"{head}{tail}" if language == "zh" else f"{head} {tail}"

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
        sentences = []
        for n, row in enumerate(shown, 1):
            if language == "zh":
                sentences.append(f"{row.renamed_from}已更名为{row.company}（见{row.name}的备案备注）[{n}]。")
            else:
                sentences.append(
                    f"{row.renamed_from} was renamed {row.company} (a remark on the filing of {row.name}) [{n}]."
                )
        return self._answer(
            "".join(sentences) if language == "zh" else " ".join(sentences), query, shown, as_of, language
        )

    def _not_in_register(self, query: RegisterQuery, as_of: str | None, language: Language) -> Answer:
        name = query.unknown_name
        month = say_period(as_of, language) if as_of else ""
        nearest = [n for n in self.catalog.nearest(name, 3) if n] if hasattr(self.catalog, "nearest") else []
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
        date, size = by_date.most_common(1)[0]
        batch = [row for row in rows if row.date == date]
        provinces = Counter(row.province for row in batch)
        others = sorted(d for d in by_date if d != date)
        period = describe(replace(query, batch=False, entities=()), None, language)
        if query.intent == "list":
            # "Which were they?": the batch itself, named; the month's other dates are said once already.
            if language == "zh":
                text = f"{say_date(date, 'zh')}同一天获批的这一批共{size}项，见下表。"
            else:
                text = f"The {size} services approved together on {say_date(date, 'en')}, the batch, are in the table."
        elif language == "zh":
            where = "、".join(provinces)
            text = f"{say_date(date, 'zh')}同一天获批的一批共{size}项（{where}）。"
            if others:
                rest = "、".join(f"{say_date(d, 'zh')}{by_date[d]}项（{_places(rows, d, 'zh')}）" for d in others)
                text += f"按日期算，{period}共有{len(rows)}项：另有{rest}。"
        else:
            where = ", ".join(english_province(p) for p in provinces)
            services = "service was" if size == 1 else "services were"
            text = f"{size} {services} approved together on {say_date(date, 'en')} ({where}): that is the batch."
            if others:
                rest = ", ".join(f"{by_date[d]} on {say_date(d, 'en')} ({_places(rows, d, 'en')})" for d in others)
                text += f" Counting by date, {period[0].lower()}{period[1:]} come to {len(rows)} in all: also {rest}."
        if len(batch) <= SAY_NAMES_UP_TO:
            text += _names_of(batch, language, self._english)
        batch_query = replace(query, date_from=date, date_to=date)
        return self._answer(text, batch_query, batch, as_of, language)

    def _chart(self, query: RegisterQuery, rows: list[RegisterRow], as_of: str | None, language: Language) -> Answer:
        """Growth per list with the running total, or rows per province: the chart's URL and its data."""
        group_by = query.group_by if query.group_by in ("period", "province") else "period"
        query = replace(query, group_by=group_by)
        groups = group_rows(rows, group_by)
        description = describe(query, as_of, language)
        if group_by == "province":
            top = groups[:5]
            if language == "zh":
                lead = "，".join(f"{g['key']}{g['total']}项" for g in top)
                text = f"{description}：共{len(rows)}项，分布在{len(groups)}个省级地区；最多的是{lead}。见下图。"
            else:
                lead = ", ".join(f"{english_province(g['key'])} {g['total']:,}" for g in top)
                text = (
                    f"{description}: {len(rows):,} in all, from {len(groups)} provinces; the most: {lead}. "
                    "See the chart."
                )
        elif groups:
            first, last = groups[0], groups[-1]
            if language == "zh":
                text = (
                    f"{description}：共{len(rows)}项，分{len(groups)}期公布，从{say_period(first['key'], 'zh')}的"
                    f"{first['total']}项增至{say_period(last['key'], 'zh')}累计{last['cumulative']}项。见下图。"
                )
            else:
                text = (
                    f"{description}: {len(rows):,} in all, over {len(groups)} lists, from {first['total']:,} in "
                    f"{say_period(first['key'], 'en')} to {last['cumulative']:,} in all by "
                    f"{say_period(last['key'], 'en')}. The chart shows each list and the running total."
                )
        else:
            text = f"{description}：0项。" if language == "zh" else f"{description}: none."
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
        self, text: str, query: RegisterQuery, rows: list[RegisterRow], as_of: str | None, language: Language
    ) -> Answer:
        shown = _shown(rows, query, self.max_rows)
        citations = tuple(_citation(n, row) for n, row in enumerate(shown, 1))
        groups = group_rows(rows, query.group_by) if query.group_by else None
        table = TableResult(
            query=query.to_dict(),
            description=describe(query, as_of, language),
            total=len(rows),
            rows=tuple(row_dict(row, n) for n, row in enumerate(shown, 1)),
            as_of=as_of,
            groups=groups,
            download=self.download_url(query) if rows else None,
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


def filter_params(query: RegisterQuery) -> dict[str, Any]:
    """A query's filters as `/api/register` parameters."""
    params: dict[str, Any] = {}
    for field in ("series", "kind", "province", "period", "category"):
        if getattr(query, field):
            params[field] = getattr(query, field)
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


SAY_NAMES_UP_TO = 8


def _names_of(rows: list[RegisterRow], language: Language, english: Callable[[str], str]) -> str:
    """A few rows named in the text itself (chat readers and OpenAI clients read the text first)."""
    named = []
    for n, row in enumerate(rows, 1):
        company_en = english(row.company)
        if language == "zh":
            named.append(f"{row.name}（{row.company}）[{n}]")
        else:
            named.append(f"{row.name} by {row.company}{f' ({company_en})' if company_en else ''} [{n}]")
    return "、".join(named) + "。" if language == "zh" else " " + "; ".join(named) + "."


def _cancelled_verdict(query: RegisterQuery, rows: list[RegisterRow], language: Language) -> list[str]:
    """For "is X cancelled?": yes or no first, then the rows."""
    if query.asks != "cancelled":
        return []
    cancelled = sum(row.cancelled for row in rows)
    if language == "zh":
        return [
            "是的，已注销。"
            if cancelled == len(rows)
            else ("部分已注销。" if cancelled else "没有，清单未标注已注销。")
        ]
    return [
        "Yes, it is marked cancelled (已注销)."
        if cancelled == len(rows)
        else ("Some of its filings are marked cancelled." if cancelled else "No: the lists do not mark it cancelled.")
    ]


def _widened_note(query: RegisterQuery, rows: list[RegisterRow], language: Language) -> str:
    """When a name was found only outside the series asked about, say so first."""
    asked = next((note.rsplit(" ", 1)[1] for note in query.notes if note.startswith("series widened from ")), None)
    if not asked or not rows:
        return ""
    found = sorted({row.series for row in rows})
    names = {
        "en": {"genai": "generative AI", "algorithm": "algorithm", "deep-synthesis": "deep-synthesis"},
        "zh": {"genai": "生成式人工智能", "algorithm": "互联网信息服务算法", "deep-synthesis": "深度合成"},
    }[language]
    if language == "zh":
        return f"{names[asked]}清单中没有这一项；它列在{'、'.join(names[s] for s in found)}清单中。"
    return f"Not in the {names[asked]} lists; it is in the {' and '.join(names[s] for s in found)} lists. "


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


def _shared_filings(rows: list[RegisterRow], language: Language) -> str:
    """Say which filings are listed in more than one series (one number, one filing)."""
    series_of: dict[str, dict[str, RegisterRow]] = {}
    for row in rows:
        series_of.setdefault(normalize_number(row.number), {}).setdefault(row.series, row)
    shared = [found for found in series_of.values() if len(found) > 1]
    if not shared:
        return ""
    names = {
        "en": {"genai": "generative AI", "algorithm": "algorithm", "deep-synthesis": "deep synthesis"},
        "zh": {"genai": "生成式人工智能", "algorithm": "算法", "deep-synthesis": "深度合成"},
    }[language]
    parts = []
    for found in shared[:5]:
        first = next(iter(found.values()))
        where = [f"{names[series]} ({say_period(row.list.period, language)})" for series, row in found.items()]
        if language == "zh":
            parts.append(f"{first.name}（{first.number}）是同一项备案，同时列入{'和'.join(where)}。")
        else:
            parts.append(f"{first.name} ({first.number}) is one filing listed in two series: {' and '.join(where)}.")
    return ("" if language == "zh" else " ").join(parts)


def _places(rows: list[RegisterRow], date: int, language: Language) -> str:
    provinces = dict.fromkeys(row.province for row in rows if row.date == date)
    if language == "zh":
        return "、".join(provinces)
    return ", ".join(english_province(p) for p in provinces)


def _count_text(rows: list[RegisterRow], query: RegisterQuery, language: Language) -> str:
    total = thousands(len(rows), language)
    kinds = Counter(row.kind for row in rows)
    if query.kind or query.series in ("algorithm", "deep-synthesis") or len(kinds) < 2:
        return f"{total}项" if language == "zh" else total
    if language == "zh":
        return f"{total}项（备案{kinds['filing']}项，登记{kinds['registration']}项）"
    return (
        f"{total} ({thousands(kinds['filing'], 'en')} filings, {thousands(kinds['registration'], 'en')} registrations)"
    )


def _by_series(rows: list[RegisterRow], language: Language) -> str:
    counts = Counter(row.series for row in rows)
    names = {
        "en": {"genai": "generative AI", "algorithm": "algorithm", "deep-synthesis": "deep synthesis"},
        "zh": {"genai": "生成式人工智能", "algorithm": "算法", "deep-synthesis": "深度合成"},
    }[language]
    if language == "zh":
        return "其中" + "，".join(f"{names[s]}{n}项" for s, n in counts.items()) + "。"
    return "By series: " + ", ".join(f"{names[s]} {n}" for s, n in counts.items()) + "."


def _row_sentence(
    row: RegisterRow, n: int, query: RegisterQuery, language: Language, english: Callable[[str], str]
) -> str:
    name_en, company_en = english(row.name), english(row.company)
    if language == "zh":
        name = f"{row.name}（{name_en}）" if name_en else row.name
        when = f"，日期{say_date(row.date, 'zh')}" if row.date else f"，列入{say_period(row.list.period, 'zh')}"
        text = f"{name}由{row.company}{say_kind(row, 'zh')}，属地{row.province}，编号{row.number}{when}"
        if row.cancelled:
            text += "，已注销"
        if row.renamed_from:
            text += f"（原主体名称{row.renamed_from}）"
        return f"{text} [{n}]。"
    name = f"{row.name} ({name_en})" if name_en else row.name
    company = f"{row.company} ({company_en})" if company_en else row.company
    when = f", dated {say_date(row.date, 'en')}" if row.date else f", listed in {say_period(row.list.period, 'en')}"
    place = f" in {english_province(row.province)}" if row.province else ""
    text = f"{name}: {say_kind(row, 'en')} by {company}{place}, number {row.number}{when}"
    if row.late:
        text += " (registered late)"
    if row.cancelled:
        text += "; cancelled (已注销)"
    if row.renamed_from:
        text += f"; the company was formerly {row.renamed_from}"
    return f"{text} [{n}]."


def _extreme(rows: list[RegisterRow], latest: bool) -> list[RegisterRow]:
    """The rows on the latest (or first) date, or in the latest (or first) list when undated."""
    key = rows[-1] if latest else rows[0]
    if key.date:
        return [row for row in rows if row.date == key.date]
    return [row for row in rows if row.list.period == key.list.period and not row.date]


def _shown(rows: list[RegisterRow], query: RegisterQuery, limit: int) -> list[RegisterRow]:
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


def _citation(n: int, row: RegisterRow) -> Citation:
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
