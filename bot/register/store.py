"""The register's rows in Chroma: one record per row, its fields as metadata (dates and list months as
sortable integers), its text embedded for search by meaning. Chroma is the single source of truth, so any
number of stateless replicas can share one Chroma server:
- filters (`find`) are Chroma `where` queries, answered with ids only (fast), and turned into rows from
  a per-replica cache of all rows;
- the cache and the BM25 index over the rows' tokens are rebuilt when the store's generation (bumped by
  every write, from any replica) changes, checked every few seconds (`bot.generation`, as for
  `bot.store.ChunkStore`), reading the rows in pages (`bot.chroma.read_all`);
- a table counts as indexed once all its rows are written (its marker goes last), and only the rows of
  such tables are read.

No question parsing and no answer wording here: see `bot.register.parse` and `bot.register.answer`.
"""

from __future__ import annotations

import calendar
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from chromadb.api import ClientAPI
from langchain_core.embeddings import Embeddings

from bot.chroma import completed_sources, read_all, reports_unavailable
from bot.embeddings import encode_documents
from bot.generation import GenerationWatch
from bot.keyword import KeywordIndex
from bot.register.filing_text import filing_year
from bot.register.query import EntityMatch, RegisterQuery
from bot.register.records import Product, RegisterList, RegisterRow, normalize_number
from bot.text import keyword_tokens

_GENERATION_ID = "register-generation"
_DATED_SERIES = ("genai",)


@dataclass(frozen=True)
class RegisterStats:
    rows: int
    by_series: dict[str, int]
    as_of: str | None  # the latest list's month, "YYYY-MM"


def row_text(row: RegisterRow) -> str:
    """What a row says in one line: embedded for search by meaning, and the basis of its BM25 tokens."""
    products = "、".join(p.name for p in row.products)
    parts = [row.name, row.company, row.province, row.category, products, row.scene, row.purpose[:120]]
    return " ".join(part for part in parts if part)


def row_metadata(row: RegisterRow, content_hash: str) -> dict[str, Any]:
    """Every field of the row as Chroma metadata (no None: Chroma wants str, int, float, bool or a list)."""
    meta: dict[str, Any] = {
        "series": row.series,
        "kind": row.kind,
        "name": row.name,
        "company": row.company,
        "number": row.number,
        "number_key": normalize_number(row.number),
        "province": row.province,
        "date": row.date or 0,
        "period": row.list.period,
        "period_n": int(row.list.period.replace("-", "") or 0),
        # The year it was filed: from the date, else from the number (undated algorithm lists).
        "year": row.year or filing_year(row.number) or 0,
        "list_title": row.list.title,
        "list_url": row.list.url or "",
        "source": row.list.source,
        "doc_hash": content_hash,
        "late": row.late,
        "scene": row.scene,
        "category": row.category,
        "products": json.dumps([[p.name, p.kind] for p in row.products], ensure_ascii=False),
        "purpose": row.purpose,
        "remarks": row.remarks,
        "cancelled": row.cancelled,
        "renamed_from": row.renamed_from,
        "flags": json.dumps(list(row.flags), ensure_ascii=False),
        "row": row.row,
        "tokens": " ".join(keyword_tokens(row_text(row))),
    }
    if row.products:
        meta["product_names"] = [p.name for p in row.products]
    return meta


def row_from_metadata(meta: dict[str, Any]) -> RegisterRow:
    register_list = RegisterList(
        series=meta["series"],
        period=meta["period"],
        title=meta["list_title"],
        url=meta["list_url"] or None,
        source=meta["source"],
    )
    return RegisterRow(
        series=meta["series"],
        kind=meta["kind"],
        name=meta["name"],
        company=meta["company"],
        number=meta["number"],
        province=meta["province"],
        list=register_list,
        date=int(meta["date"]) or None,
        late=bool(meta["late"]),
        scene=meta["scene"],
        category=meta["category"],
        products=tuple(Product(name, kind) for name, kind in json.loads(meta["products"])),
        purpose=meta["purpose"],
        remarks=meta["remarks"],
        cancelled=bool(meta["cancelled"]),
        renamed_from=meta["renamed_from"],
        flags=tuple(json.loads(meta["flags"])),
        row=int(meta["row"]),
    )


def where_of(query: RegisterQuery, entity_clause: dict[str, Any] | None = None) -> dict[str, Any] | None:
    """The Chroma `where` filter for a query's filters (entities come as a ready clause, see `entity_clauses`)."""
    clauses: list[dict[str, Any]] = []
    for field in ("series", "kind", "province", "period", "category"):
        value = getattr(query, field)
        if value:
            clauses.append({field: value})
    if query.series_in and not query.series:
        clauses.append({"series": {"$in": list(query.series_in)}})
    if query.list_year is not None:  # every list published that year
        year = query.list_year * 100
        clauses.append({"$and": [{"period_n": {"$gte": year + 1}}, {"period_n": {"$lte": year + 12}}]})
    if query.cancelled is not None:
        clauses.append({"cancelled": query.cancelled})
    if query.date_from or query.date_to:
        clauses.append(_date_clause(query))
    if entity_clause:
        clauses.append(entity_clause)
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def _date_clause(query: RegisterQuery) -> dict[str, Any]:
    """Dated rows by their date; undated ones (algorithm lists) by the year in their number for whole years,
    by the month of the list they are in for whole months, and not at all for other ranges of days."""

    def between(field: str, low: int | None, high: int | None) -> dict[str, Any]:
        bounds = [{field: {"$gte": low}}] if low else []
        bounds += [{field: {"$lte": high}}] if high else []
        return bounds[0] if len(bounds) == 1 else {"$and": bounds}

    low, high = query.date_from, query.date_to
    dated = between("date", low, high)
    if (not low or low % 10000 == 101) and (not high or high % 10000 == 1231):
        # "filed in 2024": an undated filing's number says its year.
        listed = between("year", low // 10000 if low else None, high // 10000 if high else None)
    elif (not low or low % 100 == 1) and (not high or _is_month_end(high)):
        listed = between("period_n", low // 100 if low else None, high // 100 if high else None)
    else:
        # A range of days says nothing about rows that have no day.
        listed = {"date": {"$lt": 0}}
    if query.series in _DATED_SERIES:
        return dated
    if query.series:
        return listed
    return {"$or": [{"$and": [{"date": {"$gt": 0}}, dated]}, {"$and": [{"date": 0}, listed]}]}


def _is_month_end(date: int) -> bool:
    year, month, day = date // 10000, date // 100 % 100, date % 100
    return day == calendar.monthrange(year, month)[1]


def entity_clauses(query: RegisterQuery) -> list[dict[str, Any]]:
    """One `where` clause per linked name: a service or algorithm, a company (its earlier names too), a
    product or a number; a name that also stands for other rows (an alias's `also`) matches those too."""
    clauses = []
    for entity in query.entities:
        options = [_entity_clause(entity), *(_entity_clause(other) for other in entity.also)]
        clauses.append(options[0] if len(options) == 1 else {"$or": options})
    return clauses


def _entity_clause(entity: EntityMatch) -> dict[str, Any]:
    values = list(entity.values)
    if entity.field == "company":
        return {"$or": [{"company": {"$in": values}}, {"renamed_from": {"$in": values}}]}
    if entity.field == "product":
        options = [{"product_names": {"$contains": value}} for value in values]
        return options[0] if len(options) == 1 else {"$or": options}
    if entity.field == "number":
        return {"number_key": {"$in": [normalize_number(v) for v in values]}}
    return {"name": {"$in": values}}


class RegisterStore:
    """The rows of every register list, in Chroma, with a per-replica cache."""

    def __init__(
        self,
        client: ClientAPI,
        embedder: Embeddings,
        prefix: str = "approvals",
        refresh_every_s: float = 2.0,
    ) -> None:
        self.embedder = embedder
        self._client = client
        self._prefix = prefix
        self.open_collections()
        self._watch = GenerationWatch(_GENERATION_ID, refresh_every_s)
        self._rows: dict[str, RegisterRow] = {}
        self._keywords = KeywordIndex([], [])
        self._listeners: list[Callable[[], None]] = []

    @reports_unavailable
    def open_collections(self) -> None:
        """Open (or create) the register's collections by name."""
        self._rows_collection = self._client.get_or_create_collection(
            f"{self._prefix}-register", embedding_function=None, configuration={"hnsw": {"space": "cosine"}}
        )
        self._meta = self._client.get_or_create_collection(f"{self._prefix}-register-meta", embedding_function=None)
        self._write_batch = self._client.get_max_batch_size()

    # -- writing ---------------------------------------------------------------------------

    @reports_unavailable
    def indexed_sources(self) -> dict[str, str]:
        """source → content hash of every table whose rows were all written."""
        return completed_sources(self._meta, "source")

    @reports_unavailable
    def stored_sources(self) -> set[str]:
        """Every table the register holds anything of: indexed ones and the remains of a write cut short."""
        metadatas = read_all(self._rows_collection, include=("metadatas",)).metadatas
        return set(self.indexed_sources()) | {str(m["source"]) for m in metadatas}

    @reports_unavailable
    def replace_source(self, source: str, rows: Sequence[RegisterRow], content_hash: str) -> None:
        """Put a table's rows in place of whatever the register held for it. The table counts as indexed
        only once every row is written: a write cut short is redone by the next ingest."""
        self._meta.delete(ids=[_source_id(source)])
        self._rows_collection.delete(where={"source": source})
        if rows:
            ids = [row.id for row in rows]
            # Chroma rejects an upsert with a repeated id; a row that is truly repeated keeps its first place.
            unique = list({row_id: i for i, row_id in reversed(list(enumerate(ids)))}.values())
            unique.sort()
            rows = [rows[i] for i in unique]
            texts = [row_text(row) for row in rows]
            vectors = encode_documents(self.embedder, texts)
            metadatas = [row_metadata(row, content_hash) for row in rows]
            for start in range(0, len(rows), self._write_batch):
                end = start + self._write_batch
                self._rows_collection.upsert(
                    ids=[row.id for row in rows[start:end]],
                    embeddings=vectors[start:end],  # type: ignore[arg-type]
                    metadatas=metadatas[start:end],  # type: ignore[arg-type]
                    documents=texts[start:end],
                )
        self._meta.upsert(
            ids=[_source_id(source)],
            embeddings=[[0.0]],  # type: ignore[arg-type]
            metadatas=[{"kind": "source", "source": source}],
            documents=[content_hash],
        )
        self._watch.bump(self._meta)

    @reports_unavailable
    def remove_source(self, source: str) -> None:
        self._meta.delete(ids=[_source_id(source)])
        self._rows_collection.delete(where={"source": source})
        self._watch.bump(self._meta)

    # -- reading ---------------------------------------------------------------------------

    def on_refresh(self, listener: Callable[[], None]) -> None:
        """Call `listener` after each reload of the rows (e.g. to rebuild a name catalog)."""
        self._listeners.append(listener)

    @property
    def generation(self) -> str | None:
        self.refresh()
        return self._watch.loaded

    @reports_unavailable
    def refresh(self, force: bool = False) -> None:
        """Reload the rows when any process changed the register (checked every few seconds)."""
        if self._watch.reload_if_changed(self._meta, self._reload, force=force):
            for listener in self._listeners:
                listener()

    def _reload(self) -> None:
        complete = self.indexed_sources()  # first: see `bot.chroma.read_all` on concurrent writers
        got = read_all(self._rows_collection, include=("metadatas",))
        rows, tokens = {}, []
        for row_id, meta in zip(got.ids, got.metadatas, strict=True):
            if complete.get(str(meta["source"])) != meta["doc_hash"]:
                continue  # a table whose write was cut short: read once the next ingest completes it
            rows[row_id] = row_from_metadata(dict(meta))
            tokens.append(str(meta.get("tokens", "")).split())
        self._rows = rows
        self._keywords = KeywordIndex(list(rows), tokens)

    def rows(self) -> list[RegisterRow]:
        self.refresh()
        return list(self._rows.values())

    def __len__(self) -> int:
        self.refresh()
        return len(self._rows)

    @reports_unavailable
    def find(self, query: RegisterQuery) -> list[RegisterRow]:
        """Every row the query's filters match, oldest first. Several names must all match (a company and
        its service); where that leaves nothing, any of them does."""
        self.refresh()
        entities = entity_clauses(query)
        if len(entities) > 1:
            found = self._ids(where_of(query, {"$and": entities}))
            if not found:
                found = self._ids(where_of(query, {"$or": entities}))
        else:
            found = self._ids(where_of(query, entities[0] if entities else None))
        rows = [self._rows[row_id] for row_id in found if row_id in self._rows]
        return sorted(rows, key=sort_key)

    def _ids(self, where: dict[str, Any] | None) -> list[str]:
        if where is None:
            return list(self._rows)
        return list(self._rows_collection.get(where=where, include=[])["ids"])  # type: ignore[arg-type]

    @reports_unavailable
    def search(self, text: str, k: int = 10, query: RegisterQuery | None = None) -> list[tuple[RegisterRow, float]]:
        """Rows by meaning and keywords (for a question that names no service): the USE similarity plus
        the BM25 score divided by the best, within the query's filters when given."""
        self.refresh()
        if not self._rows:
            return []
        where = where_of(query) if query else None
        allowed = set(self._ids(where)) if where else None
        depth = max(k * 5, 50)
        result = self._rows_collection.query(
            query_embeddings=[self.embedder.embed_query(text)],  # type: ignore[arg-type]
            n_results=min(depth, len(self._rows)),
            where=where,  # type: ignore[arg-type]
            include=["distances"],
        )
        scores: dict[str, float] = {
            row_id: 1.0 - float(distance)
            for row_id, distance in zip(result["ids"][0], (result["distances"] or [[]])[0], strict=True)
        }
        ranking = [(i, s) for i, s in self._keywords.search(text, depth) if allowed is None or i in allowed]
        top = ranking[0][1] if ranking else 1.0
        for row_id, score in ranking:
            scores[row_id] = scores.get(row_id, 0.0) + score / top
        best = sorted(scores, key=scores.__getitem__, reverse=True)[:k]
        return [(self._rows[row_id], scores[row_id]) for row_id in best if row_id in self._rows]

    def stats(self) -> RegisterStats:
        rows = self.rows()
        by_series: dict[str, int] = {}
        for row in rows:
            by_series[row.series] = by_series.get(row.series, 0) + 1
        periods = [row.list.period for row in rows if row.list.period]
        return RegisterStats(len(rows), by_series, max(periods) if periods else None)

    def as_of(self, series: str | None = None) -> str | None:
        """The month of the latest list (of one series, when given)."""
        periods = [r.list.period for r in self.rows() if r.list.period and (series is None or r.series == series)]
        return max(periods) if periods else None


def _source_id(source: str) -> str:
    return f"source:{source}"


def sort_key(row: RegisterRow) -> tuple[int, str, int]:
    """Oldest first: by date, else by the list's month; then list order."""
    return (row.date or int(row.list.period.replace("-", "") or 0) * 100, row.list.period, row.row)
