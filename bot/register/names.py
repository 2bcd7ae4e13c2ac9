"""Linking the names in a question to register rows: `NameCatalog`.

The catalog is built once from the register's rows and the alias table (`corpus/register/aliases.yaml`). It
knows every service, algorithm, company and product spelling as published, short company names derived from
the full ones (北京百度网讯科技有限公司 → 百度网讯科技), English and Chinese names from the alias table
(Baidu, 百度, ERNIE Bot), pinyin as the CAC writes it in filing numbers (XiaoAiTongXue, WenXinYiYan) and the
filing numbers themselves. `link(question)` finds the names in a question, leftmost and longest first, so 京东方
(BOE) is never read as 京东 (JD); `nearest(name)` offers near misses for a name that matches nothing.

It does not parse intents, dates or places (`bot.register.parse` does), read the alias table
(`bot.register.aliases` does), derive short names (`bot.register.short_names`) or talk to the store. Questions
and spellings are compared folded (`bot.register.folding`: Traditional → Simplified, width, case), so 華為
finds 华为.
"""

from __future__ import annotations

import gc
import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal

from pypinyin import lazy_pinyin

from bot.register.aliases import ALIASES_PATH, Alias, load_aliases
from bot.register.folding import LATIN, fold, fold_chars, fold_simplified, is_generic_folded
from bot.register.near_misses import NearMisses
from bot.register.places import PROVINCES
from bot.register.query import EntityMatch
from bot.register.records import RegisterRow
from bot.register.short_names import short_company_names, short_service_names, trade_name
from bot.text import to_simplified

Field = Literal["name", "company", "product", "number"]
How = Literal["exact", "alias", "pinyin", "traditional", "partial"]

_PLAIN_WORDS = re.compile(r"[A-Za-z][a-z]+(?: [A-Za-z][a-z]+)*")
_SHORT_LATIN = re.compile(r"[A-Za-z0-9.]{1,3}")
_NOT_PINYIN = re.compile(r"[^a-z0-9\-]")
_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass
class _Surface:
    """What one folded spelling stands for."""

    display: str
    targets: dict[Field, set[str]] = field(default_factory=dict)
    how: How = "exact"
    english: str = ""
    generic: bool = False
    case_sensitive: str = ""  # a short Latin alias (JD, QQ) must be written in this case
    plain_word: bool = False  # a register name that is an ordinary word (Echo, Change): linked only capitalised
    alias_type: str = ""  # "company" or "service" when the alias table gives this spelling
    own_products: set[str] = field(default_factory=set)  # products spelled exactly so (not through an alias)


@dataclass(frozen=True)
class NameLink:
    """One name found in a question: where (in the Simplified question), and the register rows it means."""

    start: int
    end: int
    text: str
    matches: tuple[EntityMatch, ...]  # one per field the name stands for: number, name, company, product
    # "company" or "service" when the spelling is an alias table entry's: what the name is first of all.
    alias_type: str = ""


class NameCatalog:
    """Every name a question may use for register rows, with the rows' own spellings each stands for."""

    def __init__(self, rows: Iterable[RegisterRow], aliases: Sequence[Alias] = ()) -> None:
        self.rows = tuple(rows)
        self.aliases = tuple(aliases)
        self._surfaces: dict[str, _Surface] = {}
        self._pinyin: dict[str, _Surface] = {}
        self._english: dict[str, str] = {}  # register spelling → English name
        collecting = gc.isenabled()
        gc.disable()  # tens of thousands of small sets: the collector would run dozens of times for nothing
        try:
            self._build()
        finally:
            if collecting:
                gc.enable()
        self._lengths = sorted({len(k) for k in self._surfaces}, reverse=True)

    @classmethod
    def from_rows(cls, rows: Iterable[RegisterRow], aliases: Sequence[Alias] | Path = ALIASES_PATH) -> NameCatalog:
        """The catalog of `rows` with an alias table: already loaded, or read from a path (the repository's
        by default; none when the file is missing)."""
        if isinstance(aliases, Path):
            aliases = load_aliases(aliases) if aliases.exists() else ()
        return cls(rows, aliases)

    # -- building ---------------------------------------------------------------------------------------

    def _key(self, spelling: str) -> str:
        simple = self._simple.get(spelling)
        return fold_simplified(simple) if simple is not None else fold(spelling)

    def _add(
        self, spelling: str, fld: Field, value: str, how: How = "exact", english: str = "", alias_type: str = ""
    ) -> None:
        key = fold_simplified(spelling) if how == "partial" else self._key(spelling)
        if len(key) < 2 or (key.isdigit() and how != "alias"):
            return
        if how == "partial" and key in self._surfaces and self._surfaces[key].how != "partial":
            return  # a derived short name never widens a name the register or the alias table gives
        surface = self._surfaces.get(key)
        if surface is None:
            surface = self._surfaces[key] = _Surface(
                spelling,
                how=how,
                generic=how != "alias" and is_generic_folded(key),
                plain_word=how != "alias" and bool(_PLAIN_WORDS.fullmatch(spelling)),
            )
        elif how == "alias":
            surface.plain_word = surface.generic = False
        elif how == "exact" and surface.how != "exact":
            surface.how, surface.display = "exact", spelling
        surface.targets.setdefault(fld, set()).add(value)
        if fld == "product" and how == "exact":
            surface.own_products.add(value)
        if english and not surface.english:
            surface.english = english
        if how == "alias" and _SHORT_LATIN.fullmatch(spelling):
            surface.case_sensitive = spelling
        surface.alias_type = surface.alias_type or alias_type

    def _build(self) -> None:
        names = {r.name for r in self.rows}
        companies = {r.company for r in self.rows}
        products = {p.name for r in self.rows for p in r.products}
        renamed = {(r.renamed_from, r.company) for r in self.rows if r.renamed_from}
        self._simple = _simplify_all(names | companies | products | {old for old, _ in renamed})
        for name in names:
            self._add(name, "name", name)
        for company in companies:
            self._add(company, "company", company)
        for old, new in renamed:
            # An earlier name stands for the company's later name too, unless rows still carry it as a
            # company of its own: then it means exactly that company (the store adds the rows renamed from it).
            if old not in companies:
                self._add(old, "company", new)
            self._add(old, "company", old)
        for number in {r.number for r in self.rows if r.number}:
            self._simple[number] = number  # Latin letters and digits, and 网信算备号: nothing to convert
            self._add(number, "number", number)
        self._short_products: dict[str, _Surface] = {}
        for product in products:
            if len(self._key(product)) >= 3:
                self._add(product, "product", product)
            else:  # 点淘: too short to find in running text, found when a question's shape names it
                short = self._short_products.setdefault(self._key(product), _Surface(product))
                short.targets.setdefault("product", set()).add(product)
        published: dict[tuple[Field, str], set[str]] = defaultdict(set)
        for fld, spellings in (("name", names), ("company", companies), ("product", products)):
            for spelling in spellings:
                published[(fld, self._key(spelling))].add(spelling)
        for alias in self.aliases:
            self._add_alias(alias, published)
        for name in names:
            for short in short_service_names(self._simple.get(name, name)):
                self._add(short, "name", name, how="partial")
        for company in companies:
            for short in short_company_names(self._simple.get(company, company)):
                self._add(short, "company", company, how="partial")
        # A register spelling's English name is that of the narrowest alias covering it: 北京抖音信息服务有限公司
        # is Douyin's (one company) before ByteDance's (three).
        for alias in sorted(self.aliases, key=lambda a: len(a.companies) + len(a.services) + len(a.products)):
            for value in (*alias.companies, *alias.services, *alias.products):
                self._english.setdefault(value, alias.name)
                surface = self._surfaces.get(self._key(value))
                if surface is not None and not surface.english:
                    surface.english = alias.name
        for surface in self._surfaces.values():
            if surface.english:
                for values in surface.targets.values():
                    for value in values:
                        self._english.setdefault(value, surface.english)
        self._build_pinyin()

    def _add_alias(self, alias: Alias, published: dict[tuple[Field, str], set[str]]) -> None:
        """An alias's names, standing for the register's own spellings of its targets: the table may write a
        target with other spaces or width than a list does ("Kimi智能助手" for the list's "Kimi 智能助手")."""
        targets: list[tuple[Field, str]] = [
            (fld, value)
            for fld, values in (("company", alias.companies), ("name", alias.services), ("product", alias.products))
            for target in values
            for value in sorted(published.get((fld, self._key(target))) or {target})  # type: ignore[arg-type]
        ]
        for spelling in (*alias.english, *alias.chinese):
            for fld, value in targets:
                self._add(spelling, fld, value, "alias", alias.name, alias.type)

    def _build_pinyin(self) -> None:
        """Pinyin keys: the service part of each generative-AI filing number, and the pinyin of generative-AI
        service names and Chinese aliases (two syllables or more, and never a province's English name)."""
        provinces = {p.english.lower() for p in PROVINCES}
        for row in self.rows:
            if row.series == "genai" and row.number.count("-") >= 2:
                middle = "-".join(row.number.split("-")[1:-1])
                self._add_pinyin(middle.lower(), "name", row.name, provinces)
        services = {self._key(r.name) for r in self.rows if r.series == "genai"}
        for key, surface in list(self._surfaces.items()):
            # An alias table spelling counts even where a list also writes it (小爱同学 is a product too).
            if surface.generic or not (surface.how == "alias" or surface.alias_type or key in services):
                continue
            if len(_CJK.findall(key)) < 2 or len(key) > 12:
                continue
            spelled = "".join(lazy_pinyin(key))
            for fld, values in surface.targets.items():
                for value in values:
                    self._add_pinyin(spelled, fld, value, provinces, surface.english, surface.alias_type)
        # A company's trade name romanised (Zhidemai: 值得买), where no service or alias already spells it so and
        # it names three companies at most: the whole Latin word must be the whole trade name.
        by_trade: dict[str, set[str]] = defaultdict(set)
        for company in {r.company for r in self.rows}:
            if trade := trade_name(self._simple.get(company, company)):
                by_trade[_NOT_PINYIN.sub("", "".join(lazy_pinyin(trade)))].add(company)
        for spelled, companies in by_trade.items():
            if spelled not in self._pinyin and len(companies) <= 3:
                for company in companies:
                    self._add_pinyin(spelled, "company", company, provinces)

    def _add_pinyin(
        self, key: str, fld: Field, value: str, provinces: set[str], english: str = "", alias_type: str = ""
    ) -> None:
        key = _NOT_PINYIN.sub("", key)
        if len(key) < 5 or key in provinces or key.isdigit():
            return
        surface = self._pinyin.get(key) or self._pinyin.setdefault(key, _Surface(key, how="pinyin"))
        surface.targets.setdefault(fld, set()).add(value)
        surface.english = surface.english or english
        surface.alias_type = surface.alias_type or alias_type

    # -- linking ----------------------------------------------------------------------------------------

    def link(
        self, question: str, quoted: Sequence[tuple[int, int]] = (), blocked: Sequence[tuple[int, int]] = ()
    ) -> list[NameLink]:
        """The names in `question` (Simplified or Traditional), leftmost-longest, each with what it stands for.

        Spans are offsets into `to_simplified(question)`. A generic name (AI助手) is linked only inside one of
        the `quoted` spans; a name lying inside a `blocked` span (a word the parser reads itself, such as
        互联网信息服务算法) is not linked, while a longer name around such a word is."""
        original = question
        text = to_simplified(question)
        folded, where = fold_chars(text)
        links: list[NameLink] = []
        i = 0
        while i < len(folded):
            found = self._longest_at(folded, i, text, where, quoted, blocked)
            if found is None:
                i += 1
                continue
            end, surface = found
            start_o, end_o = where[i], where[end - 1] + 1
            how = surface.how
            if len(original) == len(text) and original[start_o:end_o] != text[start_o:end_o]:
                how = "traditional"
            written = text[start_o:end_o]
            links.append(self._link(start_o, end_o, written, surface, how))
            i = end
        links.extend(self._link_pinyin(text, links))
        return sorted(links, key=lambda link: link.start)

    def _longest_at(
        self,
        folded: str,
        i: int,
        text: str,
        where: list[int],
        quoted: Sequence[tuple[int, int]],
        blocked: Sequence[tuple[int, int]],
    ) -> tuple[int, _Surface] | None:
        if i > 0 and LATIN.match(folded[i]) and LATIN.match(folded[i - 1]):
            return None
        for length in self._lengths:
            end = i + length
            if end > len(folded):
                continue
            surface = self._surfaces.get(folded[i:end])
            if surface is None:
                continue
            if end < len(folded) and LATIN.match(folded[end - 1]) and LATIN.match(folded[end]):
                continue
            if surface.case_sensitive and text[where[i] : where[end - 1] + 1] != surface.case_sensitive:
                continue
            start_o, end_o = where[i], where[end - 1] + 1
            in_quotes = any(a <= start_o and end_o <= b for a, b in quoted)
            if surface.generic and not in_quotes:
                continue
            if surface.plain_word and not in_quotes and not _capitalised_mid_sentence(text, start_o):
                continue
            if any(a <= start_o and end_o <= b for a, b in blocked):
                continue
            return end, surface
        return None

    def _link_pinyin(self, text: str, taken: list[NameLink]) -> list[NameLink]:
        """Latin words not already linked, alone or run together (Xiao Ai Tong Xue), looked up as pinyin."""
        free = [
            m
            for m in re.finditer(r"[A-Za-z][A-Za-z0-9\-]*", text)
            if not any(link.start <= m.start() < link.end for link in taken)
        ]
        links: list[NameLink] = []
        i = 0
        while i < len(free):
            for n in range(min(6, len(free) - i), 0, -1):
                words = free[i : i + n]
                if any(text[a.end() : b.start()].strip() for a, b in itertools.pairwise(words)):
                    continue
                written = "".join(w.group(0) for w in words)
                surface = self._pinyin.get(written.lower())
                if surface is None:
                    continue
                if n == 1 and not _looks_like_pinyin(written) and not _capitalised_mid_sentence(text, words[0].start()):
                    continue
                start, end = words[0].start(), words[-1].end()
                links.append(self._link(start, end, text[start:end], surface, "pinyin"))
                i += n
                break
            else:
                i += 1
        return links

    def _link(self, start: int, end: int, text: str, surface: _Surface, how: How) -> NameLink:
        order: tuple[Field, ...] = ("number", "name", "company", "product")
        # An app written as the lists spell it is that app (58同城), not every app of its brand (58同城商家版).
        targets = {**surface.targets, "product": surface.own_products or surface.targets.get("product", set())}
        matches = tuple(
            EntityMatch(text, fld, tuple(sorted(targets[fld])), english=surface.english, how=how)
            for fld in order
            if targets.get(fld)
        )
        return NameLink(start, end, text, matches, surface.alias_type)

    def lookup(self, name: str) -> NameLink | None:
        """What exactly `name` stands for (generic names included), or None when it is not a known spelling."""
        key = fold(name)
        surface = self._surfaces.get(key) or self._pinyin.get(key.replace(" ", "")) or self._short_products.get(key)
        return self._link(0, len(name), name, surface, surface.how) if surface else None

    def english_name(self, spelling: str) -> str:
        """The English name of a register spelling (a company or service), or "" when none is known."""
        return self._english.get(spelling, "")

    # -- near misses ------------------------------------------------------------------------------------

    @cached_property
    def _near_misses(self) -> NearMisses:
        # Names a user might misspell: not numbers, generic words or the long descriptive algorithm names; a
        # derived short name is offered as the register's own spellings it was derived from.
        return NearMisses(
            (key, tuple(sorted(v for vs in s.targets.values() for v in vs)) if s.how == "partial" else (s.display,))
            for key, s in self._surfaces.items()
            if not (s.generic or "number" in s.targets or len(key) > 16)
        )

    def nearest(self, name: str, n: int = 5, cutoff: float = 0.6) -> list[str]:
        """Known names closest to `name` (a name that matched nothing), best first, as the register spells them."""
        return self._near_misses.nearest(name, n, cutoff)

    # -- what the parser needs to know about the lists -------------------------------------------------

    def periods(self, series: str | None = None) -> list[str]:
        """The lists' periods ("YYYY-MM"), oldest first, of one series or of all."""
        return sorted({r.list.period for r in self.rows if series is None or r.series == series})

    def dates(self, series: str | None = None) -> list[int]:
        """The distinct filing dates (YYYYMMDD), oldest first, of one series or of all."""
        return sorted({r.date for r in self.rows if r.date and (series is None or r.series == series)})

    def categories(self) -> set[str]:
        """Every 算法类别 and 角色 the rows give."""
        return {r.category for r in self.rows if r.category}


def _looks_like_pinyin(word: str) -> bool:
    """A single written word that is plainly pinyin, not an English word: CamelCase (XiaoAiTongXue), hyphenated
    or long (wenxinyiyan)."""
    return sum(c.isupper() for c in word) >= 2 or "-" in word or len(word) >= 8


def _capitalised_mid_sentence(text: str, start: int) -> bool:
    """True when the word at `start` is capitalised and not the first word of its sentence."""
    return text[start].isupper() and bool(re.search(r"[A-Za-z0-9,]\s+$", text[:start]))


def _simplify_all(texts: Iterable[str]) -> dict[str, str]:
    """Each text in Simplified characters, converted in one call (OpenCC is fast per call, not per text)."""
    texts = [t for t in texts if t and "\n" not in t]
    converted = to_simplified("\n".join(texts)).split("\n")
    if len(converted) != len(texts):
        return {t: to_simplified(t) for t in texts}
    return dict(zip(texts, converted, strict=True))
