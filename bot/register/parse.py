"""Reading a register question without a model: `parse_register_question(question, catalog, previous)`.

From the words of an English or Chinese question (Traditional characters are converted first) it finds the
intent (lookup, list, count, latest, first, chart), what a lookup asks (date, number, company, province,
cancelled, renamed and which name of a rename), the names (through `NameCatalog`), and the filters
(`bot.register.filters`: series, kind, province, dates, one list's period, a batch, cancelled, category or
role), and grouping. A name the question asks about that matches nothing becomes `unknown_name`
(`bot.register.asked_names`). With `previous`, a follow-up ("Which were they?", "那上海呢？") keeps the
earlier question's filters and replaces what it names.

It returns None for a question that is not about the register, including questions about rules and meaning
that name a service ("What must ERNIE Bot display to users?"): those go to the documents. Nothing here reads
the rows beyond what the catalog offers (names, list periods, dates), and nothing here answers.

Each linked name is one entity, and a row must match every entity ("Tencent's Hunyuan" is one, "华为盘古" two);
an entity's `also` are other fields the same name stands for, any of which a row may match instead.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata

from bot.register import cues as w
from bot.register.asked_names import asked_name, extended_name, owned_name
from bot.register.dates import find_dates
from bot.register.filters import read_filters
from bot.register.names import NameCatalog, NameLink
from bot.register.query import EntityMatch, RegisterQuery
from bot.text import detect_language, to_simplified

# "Shanghai-based", "Beijing-headquartered": the place, then a word the filters already read.
_PLACE_HYPHEN = re.compile(r"(?<=[A-Za-z])-(?=(?:based|headquartered|registered)\b)", re.IGNORECASE)
_QUOTED = re.compile(r"「([^」]+)」|『([^』]+)』|“([^”]+)”|\"([^\"]+)\"|《([^》]+)》")


def parse_register_question(
    question: str, catalog: NameCatalog, previous: RegisterQuery | None = None
) -> RegisterQuery | None:
    """The register query `question` asks, or None when it is not a register question."""
    text = _PLACE_HYPHEN.sub(" ", unicodedata.normalize("NFKC", to_simplified(question)).strip())
    if not text:
        return None
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    keywords = _keyword_spans(text)
    links = catalog.link(text, quoted=quoted, blocked=keywords)
    masked = _blank(text, [(link.start, link.end) for link in links])
    low = masked.lower()
    language = "zh" if detect_language(masked) == "zh" or (not re.search("[A-Za-z]", masked) and links) else "en"
    notes: list[str] = []

    entities = _entities(text, low, links)
    unknown = owned_name(text, masked, links)  # "Apple's Siri": Siri, which the register does not know
    near: NameLink | None = None
    if not unknown and _asks_one_thing(low):
        unknown, near = extended_name(text, masked, links)  # "松果创作助手" is not 松果
    if unknown:
        entities = []
    elif not entities:
        one_thing = _asks_one_thing(low)
        # A date is a filter, never the name asked about ("What got filed on 14 May 2025?" names nothing).
        undated = _blank(masked, [(d.start, d.end) for d in find_dates(masked)])
        unknown, link = asked_name(text, undated, quoted, catalog, one_thing, uses=bool(w.USES.search(low)))
        entities = _entities(text, low, [link]) if link else []
    asks_rules = w.DOCUMENT_CUES.search(w.PASSED_PROCESS.sub(" cleared ", low))  # not "cleared the process"
    if w.DEFINITION.search(text) or (asks_rules and not _counts_or_lists(low)):
        return None
    if w.NOT_REGISTER_SUBJECT.search(low) and not (previous and _is_follow_up_text(low)):
        return None  # it counts or asks about something the register does not hold (users, articles, budgets)
    if entities and not _about_filing(low, masked):
        return None  # a name in a question about something else ("Who makes the Doubao app?")
    query = read_filters(masked, low, catalog, bool(entities or unknown), notes)
    intent, asks, group_by = _intent(low, entities or unknown, query)
    if intent == "chart" and query["list_year"]:
        # A chart is drawn by `/api/register/chart`, which takes dates, not a year's lists.
        year, query["list_year"] = query["list_year"], None
        query["date_from"], query["date_to"] = year * 10000 + 101, year * 10000 + 1231
    if not (entities or unknown or _has_register_words(low, query) or previous):
        return None

    kind = query["kind"]
    if (entities or unknown) and kind == "filing" and intent in ("count", "list"):
        pass  # "How many models has X filed?": its filings, not its registrations
    elif (entities or unknown) and (kind == "filing" or (kind and intent == "lookup")):
        kind = None
        word = "filed" if query["kind"] == "filing" else "registered"
        notes.append(f"'{word}' read as filed or registered for a name")
    cancelled = query["cancelled"]
    if asks == "cancelled":
        cancelled = None
    renamed_wants = ""
    if asks == "renamed":
        renamed_wants = "old" if w.RENAMED_OLD.search(low) else "new" if w.RENAMED_NEW.search(low) else ""
    parsed = RegisterQuery(
        intent=intent or "lookup",  # type: ignore[arg-type]
        asks=asks,  # type: ignore[arg-type]
        renamed_wants=renamed_wants,  # type: ignore[arg-type]
        entities=tuple(entities),
        unknown_name=unknown,
        near_names=tuple(dict.fromkeys(v for m in near.matches for v in m.values))[:3] if near and unknown else (),
        series=query["series"],
        series_in=query["series_in"],
        kind=kind,
        province=query["province"],
        date_from=query["date_from"],
        date_to=query["date_to"],
        period=query["period"],
        list_year=query["list_year"],
        batch=query["batch"],
        cancelled=cancelled,
        category=query["category"],
        group_by=group_by,  # type: ignore[arg-type]
        language=language,  # type: ignore[arg-type]
        notes=tuple(notes),
    )
    if previous is not None and _is_follow_up(low, parsed):
        return _merge(previous, parsed, low)
    if not intent or not (entities or unknown or _has_register_words(low, query)):
        return None
    if intent == "lookup" and not (entities or unknown) and not _narrows(parsed):
        return None  # a lookup of nothing in particular would answer with every row: not a register question
    return parsed


def _asks_one_thing(low: str) -> bool:
    """Whether a question asks about one thing (is it filed, when, under what number), not for a count or list."""
    return not any(p.search(low) for p in (w.COUNT, w.CHART, w.LATEST, w.FIRST)) and (
        not w.LIST.search(low) or bool(w.WHICH_FIELD.search(low))
    )


def _about_filing(low: str, masked: str) -> bool:
    """Whether a question that names something asks about its filing: filing words, a register field (its
    number, date, province), a request to look it up, a count or list, or little besides the name itself
    ("DeepSeek?")."""
    if any(p.search(low) for p in (w.FILING_WORDS, w.REGISTER_WORDS, w.LOOKUP_VERBS)) or _counts_or_lists(low):
        return True
    if any(p.search(low) for p in (w.RENAMED, w.RENAMED_OLD, w.RENAMED_NEW, w.CANCELLED, w.KIND_BOTH, w.USES)):
        return True  # what the lists' remarks record about it (a rename, a cancellation); what an app uses
    rest = re.sub(r"[\s?？!！。.,，、]+", " ", masked).strip()
    return len(rest.split()) <= 2 and len(re.findall(r"[\u4e00-\u9fff]", rest)) <= 4


def _is_follow_up_text(low: str) -> bool:
    return bool(w.FOLLOW_UP.search(low) or w.LIST_THEM.search(low))


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _keyword_spans(text: str) -> list[tuple[int, int]]:
    """Words the parser reads itself; a register name lying inside one is not a name here (互联网 in
    互联网信息服务算法)."""
    spans = []
    for pattern in (w.SERIES_DEEP, w.SERIES_ALGORITHM, w.SERIES_GENAI, w.KIND_BOTH, w.CHART, w.COUNT, w.LIST):
        spans.extend((m.start(), m.end()) for m in pattern.finditer(text))
    for _, pattern in w.CATEGORIES:
        spans.extend((m.start(), m.end()) for m in pattern.finditer(text))
    return spans


def _entities(text: str, low: str, links: list[NameLink]) -> list[EntityMatch]:
    """One entity per linked name (the store requires every entity of a question). An owner followed by what
    it owns ("Tencent's Hunyuan", "腾讯的混元") means the owned name only."""
    entities: list[EntityMatch] = []
    for n, link in enumerate(links):
        if n + 1 < len(links) and re.fullmatch(r"\s*(?:'s|’s|的)\s*", text[link.end : links[n + 1].start]):
            continue
        app = bool(w.APP_AFTER.match(text[link.end :]) or w.USES.search(low))
        entities.append(_entity(link, app))
    return entities


def _entity(link: NameLink, product_wanted: bool) -> EntityMatch:
    """What one linked name stands for: a filing number as such; a product when the question asks what an
    app uses ("the Douyin app", "X用了哪些算法"); the register's own service name as written; an alias by its
    type first (a company's rows for Xiaomi, the services for Qwen), with what else it stands for in `also`
    (Xiaomi's services that another company filed, the company that runs Qwen); a product when nothing else."""
    by_field = {m.field: m for m in link.matches}
    if product_wanted and "product" in by_field:
        return by_field["product"]
    if "number" in by_field:
        return by_field["number"]
    name_first = link.alias_type == "service" or (not link.alias_type and "name" in by_field)
    order = ("name", "company", "product") if name_first else ("company", "name", "product")
    primary = next(by_field[f] for f in order if f in by_field)
    if link.alias_type and primary.field in ("name", "company"):
        other = "company" if primary.field == "name" else "name"
        if other in by_field:
            return dataclasses.replace(primary, also=(by_field[other],))
    return primary


def _counts_or_lists(low: str) -> bool:
    return bool(w.COUNT.search(low) or re.search(r"\bwhich\b|哪些", low)) and not re.search(
        r"\bmust\b|\bshould\b|\brequire|必须|应当|要求|如何|怎么|为什么", low
    )


def _narrows(query: RegisterQuery) -> bool:
    """True when a query's filters pick some rows out of a series (a place, a date, a list, a class …)."""
    return bool(
        query.province
        or query.date_from
        or query.date_to
        or query.period
        or query.list_year
        or query.batch
        or query.category
        or query.cancelled is not None
    )


def _intent(low: str, entities: list[EntityMatch] | str, query: dict) -> tuple[str, str, str]:
    """(intent, asks, group_by) from the question's words; `entities` is what the question names (the linked
    names, or the unknown name)."""
    asks = "any"
    if w.RENAMED.search(low):
        asks = "renamed"
    elif query["cancelled"] and entities and not w.COUNT.search(low) and not w.LIST.search(low):
        asks = "cancelled"
    else:
        fields = [field for field, pattern in w.ASKS if pattern.search(low)]
        asks = fields[0] if len(fields) == 1 else "any"  # several ("when, under what number?"): everything
    if w.CHART.search(low) and not (entities and asks != "any"):
        if w.CHART_BY_PROVINCE.search(low):
            return "chart", "any", "province"
        if w.BY_SERIES.search(low):
            return "chart", "any", "series"
        return "chart", "any", "period"
    if w.COUNT.search(low):
        # "How many companies changed their names?" counts the renames, not the rows.
        return "count", "renamed" if asks == "renamed" else "any", "series" if w.BY_SERIES.search(low) else ""
    if w.LATEST.search(low) and not w.LATEST_LIST.search(low):  # "the list published most recently" is a list
        return "latest", asks, ""
    if w.FIRST.search(low):
        return "first", asks, ""
    if asks == "renamed" and entities and not w.LIST.search(low):
        return "lookup", "renamed", ""  # "What did X use to be called?" is not "What did X file?"
    companies = not isinstance(entities, str) and any(e.field == "company" for e in entities)
    if entities and companies and w.EVERYTHING.search(low) and not query["series"]:
        return "list", "any", "series"
    narrowed = any(
        query[k] for k in ("province", "date_from", "date_to", "period", "list_year", "category", "cancelled")
    )
    if w.LIST.search(low) and not (entities and w.WHICH_FIELD.search(low)):
        if not entities and not narrowed and asks != "renamed" and w.WHICH_FIELD.search(low):
            return "lookup", asks, ""  # "Under which number was it filed?" of nothing named: not the register's
        return "list", asks if asks in ("renamed",) else "any", ""
    if asks == "renamed" and not entities:
        return "list", "renamed", ""
    if entities:
        return "lookup", asks, ""
    if w.YES_NO.search(low):
        if narrowed and not w.PRONOUN.search(low):
            return "list", "any", ""  # "Were any services filed in Tibet in 2024?": those services
        return "", asks, ""  # "Is it filed?" names nothing: a follow-up, or not a register question
    if asks != "any":
        return "lookup", asks, ""
    # Register words and nothing that picks rows or asks for them ("What record does filing put a service
    # on?") ask about the rules, not for every row.
    return ("list" if narrowed else ""), asks, ""


def _has_register_words(low: str, query: dict) -> bool:
    return bool(w.REGISTER_WORDS.search(low) or query["series"] or query["period"] or query["list_year"])


def _is_follow_up(low: str, parsed: RegisterQuery) -> bool:
    if w.FOLLOW_UP.search(low) or w.LIST_THEM.search(low):
        return True
    # Only filters, short, and no intent of its own ("Beijing?", "2025年"): a follow-up too.
    own_intent = any(p.search(low) for p in (w.COUNT, w.LIST, w.CHART, w.LATEST, w.FIRST))
    short = len(low.split()) <= 6 and len(re.findall(r"[\u4e00-\u9fff]", low)) <= 12
    return short and not (parsed.entities or parsed.unknown_name or own_intent)


_FILTERS = ("series", "kind", "province", "category", "cancelled", "period", "list_year")


def _merge(previous: RegisterQuery, new: RegisterQuery, low: str) -> RegisterQuery:
    """The previous question with what the follow-up names put in its place."""
    changes: dict = {"language": new.language, "notes": new.notes}
    for name in _FILTERS:
        value = getattr(new, name)
        if value not in (None, ""):
            changes[name] = value
    if new.series or new.series_in:
        changes.update(series=new.series, series_in=new.series_in)
    if new.date_from or new.date_to:
        changes.update(date_from=new.date_from, date_to=new.date_to, batch=new.batch or previous.batch)
    if new.entities or new.unknown_name:
        changes.update(entities=new.entities, unknown_name=new.unknown_name, near_names=new.near_names)
    if w.LIST_THEM.search(low):
        changes.update(intent="list", asks="any", group_by="")
    elif w.COUNT.search(low) or w.CHART.search(low) or w.LATEST.search(low) or w.FIRST.search(low):
        changes.update(intent=new.intent, asks=new.asks, group_by=new.group_by)
    elif new.asks != "any":
        changes.update(intent="lookup", asks=new.asks, renamed_wants=new.renamed_wants)
    return dataclasses.replace(previous, **changes)
