"""Reading a register question without a model: `parse_register_question(question, catalog, previous)`.

From the words of an English or Chinese question (Traditional characters are converted first) it finds the
intent (lookup, list, count, latest, first, chart), the names (through `NameCatalog`), and the filters:
series, kind, province, dates, one list's period, a batch, cancelled, category or role, grouping. A name the
question asks about that matches nothing becomes `unknown_name`. With `previous`, a follow-up ("Which were
they?", "那上海呢？") keeps the earlier question's filters and replaces what it names.

It returns None for a question that is not about the register, including questions about rules and meaning
that name a service ("What must ERNIE Bot display to users?"): those go to the documents. Nothing here reads
the rows beyond what the catalog offers (names, list periods, dates), and nothing here answers.

Several `entities` are alternatives: a row matches when it matches any of them.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata

from bot.register import cues as w
from bot.register.dates import date_range, find_dates
from bot.register.names import NameCatalog, NameLink, fold, is_generic
from bot.register.places import PROVINCES
from bot.register.query import EntityMatch, RegisterQuery
from bot.text import detect_language, to_simplified

_QUOTED = re.compile(r"「([^」]+)」|『([^』]+)』|“([^”]+)”|\"([^\"]+)\"|《([^》]+)》")
_PROVINCE_PATTERNS = [
    (
        p.short,
        re.compile(
            "|".join(
                [re.escape(p.full), re.escape(p.short)]
                + ([rf"\b{re.escape(p.english)}\b"] if p.code else [])
                + {"香港": [r"\bhong\s*kong\b"], "澳门": [r"\bmacau\b"], "西藏": [r"\bxizang\b"]}.get(p.short, [])
                + (
                    [r"\bsasac\b", r"central\s+(?:state[\s-]+owned\s+enterprises|soes?)", "央企", "中央企业"]
                    if p.short == "国资委"
                    else []
                )
            ),
            re.IGNORECASE,
        ),
    )
    for p in PROVINCES
]
_UNKNOWN_EN = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^\s*(?:is|was|are|were|has|have|had|did|does)\s+(?P<x>.+?)\s+(?:(?:been|got|gotten|already|ever|officially|"
        r"actually|now|yet)\s+)*(?:filed|registered|approved|listed|licen[cs]ed|cleared|cancel(?:l)?ed|renamed|file|"
        r"register|get\s+approved|on\s+the\s+(?:list|register)|in\s+the\s+(?:list|lists|register|registry))\b",
        r"\bwhen\s+(?:was|were|did)\s+(?P<x>.+?)\s+(?:get\s+|been\s+)?(?:filed|registered|approved|listed|file|register)\b",
        r"\b(?:filing|registration)\s+(?:number|no\.?|date)\s+(?:of|for)\s+(?P<x>.+?)\s*\??\s*$",
        r"\bwho\s+(?:filed|registered|operates|runs|owns|made|makes|is\s+behind)\s+(?P<x>.+?)\s*\??\s*$",
        r"\bwhat\s+is\s+(?P<x>.+?)'s\s+(?:filing|registration)\b",
        r"\bwhere\s+(?:is|was)\s+(?P<x>.+?)\s+(?:filed|registered)\b",
        r"\bwhat\s+was\s+(?P<x>.+?)\s+renamed\b",
    )
]
_UNKNOWN_ZH = [
    re.compile(p)
    for p in (
        r"^(?:请问)?(?P<x>.+?)(?:是否|有没有|有无|已经|已)?(?:通过|完成|进行|做)?了?(?:备案|登记|上线|获批)了?"
        r"(?:吗|没有|没|嘛|么|\?|$)",
        r"^(?:请问)?(?P<x>.+?)的(?:备案|登记)(?:号|编号|时间|日期|情况|信息)",
        r"^(?:请问)?(?P<x>.+?)(?:是)?(?:什么时候|何时|哪天)(?:备案|登记|获批|上线)",
        r"^(?:请问)?(?P<x>.+?)(?:是否|有没有)?(?:被|已)?注销",
        r"^(?:请问)?(?P<x>.+?)(?:更名|改名)",
    )
]
_NOT_A_NAME = re.compile(
    r"^(?:it|they|them|this|that|these|those|any|anything|one|ones|there|the\s+service|this\s+service|that\s+service|"
    r"它|它们|这个|那个|该服务|这些|那些|他们|有|什么|哪些|多少)$|\b(?:services?|algorithms?|filings?|models?|"
    r"companies|anything|any|many|much|all|every)\b|^(?:这|那|哪|该|所有|全部|多少|什么|几)"
    r"|^(?:生成式人工智能)?(?:服务|算法|模型|大模型|公司|企业|产品|应用)$",
    re.IGNORECASE,
)
_TRIM_NAME = re.compile(r"^(?:the|a|an)\s+|(?:'s|’s)$|\s+(?:in|by|with)\s+(?:china|the\s+cac).*$", re.IGNORECASE)


def parse_register_question(
    question: str, catalog: NameCatalog, previous: RegisterQuery | None = None
) -> RegisterQuery | None:
    """The register query `question` asks, or None when it is not a register question."""
    text = unicodedata.normalize("NFKC", to_simplified(question)).strip()
    if not text:
        return None
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    keywords = _keyword_spans(text)
    links = catalog.link(text, quoted=quoted, blocked=keywords)
    masked = _blank(text, [(link.start, link.end) for link in links])
    low = masked.lower()
    language = "zh" if detect_language(masked) == "zh" or (not re.search("[A-Za-z]", masked) and links) else "en"
    notes: list[str] = []

    entities = _entities(text, links)
    unknown = ""
    if not entities:
        asking_about_one = not any(p.search(low) for p in (w.COUNT, w.LIST, w.CHART, w.LATEST, w.FIRST))
        unknown, entities = _asked_name(text, masked, quoted, catalog, asking_about_one)
    if w.DEFINITION.search(text) or (w.DOCUMENT_CUES.search(low) and not _counts_or_lists(low)):
        return None
    query = _read_filters(masked, low, catalog, bool(entities), notes)
    intent, asks, group_by = _intent(low, entities or unknown, query)
    if not (entities or unknown or _has_register_words(low, query) or previous):
        return None

    kind = query["kind"]
    if (entities or unknown) and (kind == "filing" or (kind and intent == "lookup")):
        kind = None
        word = "filed" if query["kind"] == "filing" else "registered"
        notes.append(f"'{word}' read as filed or registered for a name")
    cancelled = query["cancelled"]
    if asks == "cancelled":
        cancelled = None
    parsed = RegisterQuery(
        intent=intent or "lookup",  # type: ignore[arg-type]
        asks=asks,  # type: ignore[arg-type]
        entities=tuple(entities),
        unknown_name=unknown,
        series=query["series"],
        kind=kind,
        province=query["province"],
        date_from=query["date_from"],
        date_to=query["date_to"],
        period=query["period"],
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
    return parsed


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


def _entities(text: str, links: list[NameLink]) -> list[EntityMatch]:
    """One entity per linked name (the store requires every entity of a question): a filing number as such; a
    company's name as its companies (Xiaomi → its companies' rows); a service's as its service names; a
    product only when nothing else is known, or when "app" follows the name ("the Douyin app"). An owner
    followed by what it owns ("Tencent's Hunyuan", "腾讯的混元") means the owned name only."""
    entities: list[EntityMatch] = []
    for n, link in enumerate(links):
        if n + 1 < len(links) and re.fullmatch(r"\s*(?:'s|’s|的)\s*", text[link.end : links[n + 1].start]):
            continue
        by_field = {m.field: m for m in link.matches}
        order = ("number", "company", "name", "product")
        if w.APP_AFTER.match(text[link.end :]) and "product" in by_field:
            order = ("product",)
        elif by_field.get("name") and by_field["name"].how != "alias":
            order = ("number", "name", "company", "product")  # the register's own service name, as written
        entities.extend([by_field[f] for f in order if f in by_field][:1])
    return entities


def _counts_or_lists(low: str) -> bool:
    return bool(w.COUNT.search(low) or re.search(r"\bwhich\b|哪些", low)) and not re.search(
        r"\bmust\b|\bshould\b|\brequire|必须|应当|要求|如何|怎么|为什么", low
    )


def _read_filters(masked: str, low: str, catalog: NameCatalog, named: bool, notes: list[str]) -> dict:
    """Series, category, kind, province, dates, period, batch and cancelled, as the words give them."""
    category = next((name for name, pattern in w.CATEGORIES if pattern.search(low)), "")
    series = None
    if w.SERIES_DEEP.search(low):
        series = "deep-synthesis"
    elif w.SERIES_ALGORITHM.search(low):
        series = "algorithm"
    elif w.SERIES_GENAI.search(low):
        series = "genai"
    elif category:
        series = "deep-synthesis" if category in w.ROLES else "algorithm"
    elif w.ALGORITHM_BARE.search(low):
        if not named:
            series = "algorithm"
            notes.append("'algorithms' read as the internet information service algorithm filings")
    elif w.SERVICE_WEAK.search(low):
        series = "genai"
        notes.append("'services' read as generative-AI services")

    kind = None
    if w.KIND_BOTH.search(low):
        notes.append("'approved' read as filed or registered")
    elif w.KIND_REGISTRATION.search(low) and w.KIND_FILING.search(low):
        pass
    elif w.KIND_REGISTRATION.search(low) and not re.search(r"\bregistry\b|\bthe\s+register\b", low):
        kind = "registration"
    elif w.KIND_FILING.search(low):
        kind = "filing"

    province = None
    found = [(m.start(), short) for short, pattern in _PROVINCE_PATTERNS if (m := pattern.search(masked))]
    if found:
        province = min(found)[1]
        if len({short for _, short in found}) > 1:
            notes.append("more than one province named; the first is used")

    mentions = find_dates(masked)
    period = None
    batch = bool(w.BATCH.search(low))
    dated = []
    for d in mentions:
        after, before = masked[d.end :], masked[: d.start]
        if d.grain == "month" and (w.LIST_AFTER_DATE.match(after) or w.LIST_BEFORE_DATE.search(before)):
            if re.search(r"(?:up\s+to|until|through|as\s+of|截至|截止)\s+(?:the\s+)?$", before):
                dated.append(dataclasses.replace(d, date_from=d.date_to))  # cumulative: up to that list
                notes.append("'up to a list' read as up to the end of its month")
            else:
                period = f"{d.date_from // 10000:04d}-{d.date_from // 100 % 100:02d}"
            continue
        if w.BATCH_AFTER_DATE.match(after):
            batch = True
        dated.append(d)
    if w.LATEST_LIST.search(low):
        periods = catalog.periods(series)
        period = periods[-1] if periods else None
    first_date = None
    if w.FIRST_LIST.search(low):
        batch = True
        dates = catalog.dates(series or "genai")
        first_date = dates[0] if dates else None
    span = date_range(masked, dated)
    date_from, date_to = span.date_from, span.date_to
    if first_date and date_from is None and date_to is None:
        date_from = date_to = first_date
    cancelled = True if w.CANCELLED.search(low) else None
    return {
        "series": series,
        "category": category,
        "kind": kind,
        "province": province,
        "date_from": date_from,
        "date_to": date_to,
        "period": period,
        "batch": batch and bool(date_from or date_to),
        "cancelled": cancelled,
    }


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
        return "count", "any", "series" if w.BY_SERIES.search(low) else ""
    if w.LATEST.search(low):
        return "latest", asks, ""
    if w.FIRST.search(low):
        return "first", asks, ""
    companies = not isinstance(entities, str) and any(e.field == "company" for e in entities)
    if entities and companies and w.EVERYTHING.search(low) and not query["series"]:
        return "list", "any", "series"
    if w.LIST.search(low) and not (entities and w.WHICH_FIELD.search(low)):
        return "list", asks if asks in ("renamed",) else "any", ""
    if asks == "renamed" and not entities:
        return "list", "renamed", ""
    if entities:
        return "lookup", asks, ""
    if w.YES_NO.search(low):
        return "", asks, ""  # "Is it filed?" names nothing: a follow-up, or not a register question
    return ("lookup" if asks != "any" else "list"), asks, ""


def _has_register_words(low: str, query: dict) -> bool:
    return bool(w.REGISTER_WORDS.search(low) or query["series"] or query["period"])


def _asked_name(
    text: str, masked: str, quoted: list[tuple[int, int]], catalog: NameCatalog, lookup: bool
) -> tuple[str, list[EntityMatch]]:
    """The name a question asks about when no name was linked: the register rows it exactly means (a generic
    name such as AI助手, asked about by itself), or as `unknown_name` when it means nothing. Quoted names
    always count; a name read from the sentence's shape ("Is X filed?") only in a `lookup` question."""
    candidates = [text[start + 1 : end - 1].strip() for start, end in quoted]
    patterns = _UNKNOWN_ZH if re.search(r"[\u4e00-\u9fff]", masked) else _UNKNOWN_EN
    if lookup:
        candidates += [m.group("x") for pattern in patterns if (m := pattern.search(masked))]
    for candidate in candidates:
        name = _TRIM_NAME.sub("", candidate.strip(" ,，?？")).strip(" ,，?？")
        if not name or len(name) > 40 or len(name.split()) > 5 or _NOT_A_NAME.search(name):
            continue
        if any(p.search(name) for _, p in _PROVINCE_PATTERNS) or find_dates(name) or fold(name) in ("china", "中国"):
            continue
        known = catalog.lookup(name)
        if known:
            return "", list(known)
        if re.search(r"[\u4e00-\u9fff]", name) and is_generic(name):
            continue
        return name, []
    return "", []


def _is_follow_up(low: str, parsed: RegisterQuery) -> bool:
    if w.FOLLOW_UP.search(low) or w.LIST_THEM.search(low):
        return True
    # Only filters, short, and no intent of its own ("Beijing?", "2025年"): a follow-up too.
    own_intent = any(p.search(low) for p in (w.COUNT, w.LIST, w.CHART, w.LATEST, w.FIRST))
    short = len(low.split()) <= 6 and len(re.findall(r"[\u4e00-\u9fff]", low)) <= 12
    return short and not (parsed.entities or parsed.unknown_name or own_intent)


_FILTERS = ("series", "kind", "province", "category", "cancelled", "period")


def _merge(previous: RegisterQuery, new: RegisterQuery, low: str) -> RegisterQuery:
    """The previous question with what the follow-up names put in its place."""
    changes: dict = {"language": new.language, "notes": new.notes}
    for name in _FILTERS:
        value = getattr(new, name)
        if value not in (None, ""):
            changes[name] = value
    if new.date_from or new.date_to:
        changes.update(date_from=new.date_from, date_to=new.date_to, batch=new.batch or previous.batch)
    if new.entities or new.unknown_name:
        changes.update(entities=new.entities, unknown_name=new.unknown_name)
    if w.LIST_THEM.search(low):
        changes.update(intent="list", asks="any", group_by="")
    elif w.COUNT.search(low) or w.CHART.search(low) or w.LATEST.search(low) or w.FIRST.search(low):
        changes.update(intent=new.intent, asks=new.asks, group_by=new.group_by)
    elif new.asks != "any":
        changes.update(intent="lookup", asks=new.asks)
    return dataclasses.replace(previous, **changes)
