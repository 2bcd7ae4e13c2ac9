"""Linking the names in a question to register rows: `NameCatalog`.

The catalog is built once from the register's rows and the alias table (`corpus/register/aliases.yaml`). It
knows every service, algorithm, company and product spelling as published, short company names derived from
the full ones (北京百度网讯科技有限公司 → 百度网讯科技), English and Chinese names from the alias table
(Baidu, 百度, ERNIE Bot), pinyin as the CAC writes it in filing numbers (XiaoAiTongXue, WenXinYiYan) and the
filing numbers themselves. `link(question)` finds the names in a question, leftmost and longest first, so 京东方
(BOE) is never read as 京东 (JD); `nearest(name)` offers near misses for a name that matches nothing.

It does not parse intents, dates or places (`bot.register.parse` does), read files other than the alias
table, or talk to the store. Questions and spellings are compared after Traditional → Simplified conversion,
width folding and lower-casing, so 華為 finds 华为.
"""

from __future__ import annotations

import difflib
import gc
import itertools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pypinyin import lazy_pinyin

from bot.register.places import PROVINCES
from bot.register.query import EntityMatch
from bot.register.records import RegisterRow
from bot.text import to_simplified

ALIASES_PATH = Path(__file__).resolve().parents[2] / "corpus" / "register" / "aliases.yaml"

Field = Literal["name", "company", "product", "number"]
How = Literal["exact", "alias", "pinyin", "traditional", "partial"]

_DROP = str.maketrans("", "", '·•・“”"「」『』《》〈〉')
_LATIN = re.compile(r"[a-z0-9]")
_PLAIN_WORDS = re.compile(r"[A-Za-z][a-z]+(?: [A-Za-z][a-z]+)*")
_SHORT_LATIN = re.compile(r"[A-Za-z0-9.]{1,3}")
_NOT_PINYIN = re.compile(r"[^a-z0-9\-]")
_SPACES = re.compile(r"(?<=[a-z0-9])(\s+)(?=[a-z0-9])|\s+")
_CJK = re.compile(r"[\u3400-\u9fff]")
# Words that name a kind of service, not one service: a name made only of these (AI助手, 智能客服) is linked
# only when the question quotes it.
_GENERIC_WORDS = sorted(
    """人工智能 智能体 大语言模型 大模型 多模态 小助手 助手 助理 客服 智能 模型 问答 对话 写作 搜索 翻译 生成 合成 算法
    文本 图像 图片 视频 语音 音频 数字人 平台 系统 服务 机器人 推荐 个性化 内容 安全 识别 引擎 语言 创作 办公 医疗 健康
    教育 金融 法律 政务 知识库 知识 通用 行业 在线 云 官网 网站 应用 小程序 工具 管家 专家 精灵 伙伴 伴侣 老师 医生
    营销 电商 客户 企业 版 端 pc app ai aigc gpt llm chat bot agent copilot assistant pro plus max mini lite
    助 手 问 答 写 文 图 聊 天 说 读 学 搜 查 画 拍 看 听 记 译 一 的 和 与 及""".split(),
    key=len,
    reverse=True,
)
_GENERIC = re.compile("|".join(re.escape(w) for w in _GENERIC_WORDS) + r"|[\s\d\W_]")
# Words every register question uses; never a name, whatever a list calls a service.
_QUESTION_WORDS = frozenset(
    """备案 登记 清单 名单 列表 数量 最新 最近 最早 首批 批次 公司 企业 单位 主体 省份 地区 全国 中国 境内 国家
    网信办 深度合成 生成式 算法备案 互联网 互联网信息服务 服务提供者 服务技术支持者 技术支持者 注销 变更 更名 产品
    编号 时间 日期 趋势 增长 分布 图表 统计""".split()
)
_PLACE_PREFIX = re.compile(
    "^(?:"
    + "|".join(sorted({p.full for p in PROVINCES} | {p.short for p in PROVINCES}, key=len, reverse=True))
    + "|深圳市?|广州市?|杭州市?|南京市?|成都市?|武汉市?|苏州市?|厦门市?|西安市?|宁波市?|青岛市?|合肥市?|长沙市?"
    + "|昆明市?|郑州市?|济南市?|福州市?|无锡市?|东莞市?|佛山市?|珠海市?|大连市?|沈阳市?|哈尔滨市?|贵阳市?|南宁市?"
    + "|中国)"
)
_BRACKETED_PLACE = re.compile(r"[（(][^（）()]{1,6}[）)]")
_LEGAL_SUFFIX = re.compile(r"(?:集团)?(?:股份有限公司|有限责任公司|有限公司|股份公司|公司)$")
_INDUSTRY_SUFFIX = re.compile(
    r"(?:网络科技|信息科技|智能科技|数字科技|信息技术|网络技术|软件技术|计算机系统|人工智能|电子商务|文化传媒|"
    r"互联网信息服务|信息服务|网络信息服务|科技|技术|网络|信息|软件|集团|控股|传媒|数据|智能|通信|数码|电子|"
    r"发展|服务|咨询|商务|云计算)$"
)
_INSTITUTION = re.compile(r"(?:大学|学院|研究院|研究所|医院|中心|协会|学会|委员会|实验室|总院|总台|电视台|报社)$")
_NUMBER = re.compile(r"网信算备\s*\d{15,24}\s*号?|\b[A-Za-z]+-[A-Za-z0-9.\-]+-\d{8}(?:\d{4}|S\d{4})?\b")


def fold(text: str) -> str:
    """A name as compared: Simplified, width-folded, lower-case, quotes dropped, spaces only between Latin words."""
    return _fold_simplified(to_simplified(text))


@lru_cache(maxsize=65536)
def _fold_simplified(text: str) -> str:
    """`fold` of a text already in Simplified characters (the same result as `_fold_chars`, faster)."""
    folded = unicodedata.normalize("NFKC", text).lower().translate(_DROP)
    return _SPACES.sub(lambda m: " " if m.group(1) else "", folded)


def _fold_chars(text: str) -> tuple[str, list[int]]:
    """`text` folded, and for each folded character the index of the character of `text` it came from."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        for c in unicodedata.normalize("NFKC", ch).lower().translate(_DROP):
            if c.isspace():
                continue
            if out and i > 0 and text[i - 1].isspace() and _LATIN.match(out[-1]) and _LATIN.match(c):
                out.append(" ")
                where.append(i - 1)
            out.append(c)
            where.append(i)
    return "".join(out), where


def is_generic(name: str) -> bool:
    """True for a name that only says what kind of service it is (AI助手, 智能客服, 大模型)."""
    return _is_generic_folded(fold(name))


@lru_cache(maxsize=65536)
def _is_generic_folded(folded: str) -> bool:
    return folded in _QUESTION_WORDS or not _GENERIC.sub("", folded)


@dataclass(frozen=True)
class Alias:
    """One entry of the alias table."""

    english: tuple[str, ...]
    chinese: tuple[str, ...]
    type: Literal["company", "service"]
    companies: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    products: tuple[str, ...] = ()
    source: str = ""

    @property
    def name(self) -> str:
        return self.english[0] if self.english else self.chinese[0]


def load_aliases(path: Path = ALIASES_PATH) -> tuple[Alias, ...]:
    """The alias table, as `Alias` entries; an entry without names is an error the reader should see."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    aliases = []
    for n, entry in enumerate(entries, 1):
        if not entry.get("english") and not entry.get("chinese"):
            raise ValueError(f"{path}: entry {n} has neither an English nor a Chinese name")
        aliases.append(
            Alias(
                english=tuple(entry.get("english") or ()),
                chinese=tuple(str(c) for c in entry.get("chinese") or ()),
                type=entry.get("type", "company"),
                companies=tuple(entry.get("companies") or ()),
                services=tuple(entry.get("services") or ()),
                products=tuple(entry.get("products") or ()),
                source=entry.get("source", ""),
            )
        )
    return tuple(aliases)


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


@dataclass(frozen=True)
class NameLink:
    """One name found in a question: where (in the Simplified question), and the register rows it means."""

    start: int
    end: int
    text: str
    matches: tuple[EntityMatch, ...]


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
        return _fold_simplified(simple) if simple is not None else fold(spelling)

    def _add(self, spelling: str, fld: Field, value: str, how: How = "exact", english: str = "") -> None:
        key = _fold_simplified(spelling) if how == "partial" else self._key(spelling)
        if len(key) < 2 or (key.isdigit() and how != "alias"):
            return
        if how == "partial" and key in self._surfaces and self._surfaces[key].how != "partial":
            return  # a derived short name never widens a name the register or the alias table gives
        surface = self._surfaces.get(key)
        if surface is None:
            surface = self._surfaces[key] = _Surface(
                spelling,
                how=how,
                generic=how != "alias" and _is_generic_folded(key),
                plain_word=how != "alias" and bool(_PLAIN_WORDS.fullmatch(spelling)),
            )
        elif how == "alias":
            surface.plain_word = surface.generic = False
        elif how == "exact" and surface.how != "exact":
            surface.how, surface.display = "exact", spelling
        surface.targets.setdefault(fld, set()).add(value)
        if english and not surface.english:
            surface.english = english
        if how == "alias" and _SHORT_LATIN.fullmatch(spelling):
            surface.case_sensitive = spelling

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
            self._add(old, "company", new)
            self._add(old, "company", old)
        for number in {r.number for r in self.rows if r.number}:
            self._simple[number] = number  # Latin letters and digits, and 网信算备号: nothing to convert
            self._add(number, "number", number)
        for product in products:
            if len(self._key(product)) >= 3:
                self._add(product, "product", product)
        for alias in self.aliases:
            self._add_alias(alias)
        for name in names:
            for short in _short_service_names(self._simple.get(name, name)):
                self._add(short, "name", name, how="partial")
        for company in companies:
            for short in _short_company_names(self._simple.get(company, company)):
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

    def _add_alias(self, alias: Alias) -> None:
        for spelling in (*alias.english, *alias.chinese):
            for company in alias.companies:
                self._add(spelling, "company", company, "alias", alias.name)
            for service in alias.services:
                self._add(spelling, "name", service, "alias", alias.name)
            for product in alias.products:
                self._add(spelling, "product", product, "alias", alias.name)

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
            if surface.generic or not (surface.how == "alias" or key in services):
                continue
            if len(_CJK.findall(key)) < 2 or len(key) > 12:
                continue
            spelled = "".join(lazy_pinyin(key))
            for fld, values in surface.targets.items():
                for value in values:
                    self._add_pinyin(spelled, fld, value, provinces, surface.english)

    def _add_pinyin(self, key: str, fld: Field, value: str, provinces: set[str], english: str = "") -> None:
        key = _NOT_PINYIN.sub("", key)
        if len(key) < 5 or key in provinces or key.isdigit():
            return
        surface = self._pinyin.get(key) or self._pinyin.setdefault(key, _Surface(key, how="pinyin"))
        surface.targets.setdefault(fld, set()).add(value)
        surface.english = surface.english or english

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
        folded, where = _fold_chars(text)
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
            links.append(NameLink(start_o, end_o, written, self._matches(written, surface, how)))
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
        if i > 0 and _LATIN.match(folded[i]) and _LATIN.match(folded[i - 1]):
            return None
        for length in self._lengths:
            end = i + length
            if end > len(folded):
                continue
            surface = self._surfaces.get(folded[i:end])
            if surface is None:
                continue
            if end < len(folded) and _LATIN.match(folded[end - 1]) and _LATIN.match(folded[end]):
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
                links.append(NameLink(start, end, text[start:end], self._matches(text[start:end], surface, "pinyin")))
                i += n
                break
            else:
                i += 1
        return links

    def _matches(self, text: str, surface: _Surface, how: How) -> tuple[EntityMatch, ...]:
        order: tuple[Field, ...] = ("number", "name", "company", "product")
        return tuple(
            EntityMatch(text, fld, tuple(sorted(surface.targets[fld])), english=surface.english, how=how)
            for fld in order
            if surface.targets.get(fld)
        )

    def lookup(self, name: str) -> tuple[EntityMatch, ...]:
        """What exactly `name` stands for (generic names included), or () when it is not a known spelling."""
        key = fold(name)
        surface = self._surfaces.get(key) or self._pinyin.get(key.replace(" ", ""))
        return self._matches(name, surface, surface.how) if surface else ()

    def english_name(self, spelling: str) -> str:
        """The English name of a register spelling (a company or service), or "" when none is known."""
        return self._english.get(spelling, "")

    # -- near misses ------------------------------------------------------------------------------------

    @cached_property
    def _grams(self) -> dict[str, set[str]]:
        grams: dict[str, set[str]] = defaultdict(set)
        for key, surface in self._surfaces.items():
            # Names a user might misspell: not numbers, generic words or the long descriptive algorithm names.
            if surface.generic or "number" in surface.targets or len(key) > 16:
                continue
            for gram in _grams(key):
                grams[gram].add(key)
        return grams

    def nearest(self, name: str, n: int = 5, cutoff: float = 0.6) -> list[str]:
        """Known names closest to `name` (a name that matched nothing), best first, as the register spells them."""
        key = fold(name)
        if len(key) < 2:
            return []
        counts: dict[str, int] = defaultdict(int)
        for gram in _grams(key):
            for candidate in self._grams.get(gram, ()):
                counts[candidate] += 1
        shortlist = sorted(counts, key=counts.__getitem__, reverse=True)[:200]
        scored = []
        for candidate in shortlist:
            ratio = difflib.SequenceMatcher(None, key, candidate).ratio()
            if ratio >= cutoff:
                scored.append((ratio, -len(candidate), candidate))
        scored.sort(reverse=True)
        names: list[str] = []
        for _, _, candidate in scored:
            surface = self._surfaces[candidate]
            # A derived short name is offered as the register's own spelling it was derived from.
            shown = sorted(v for vs in surface.targets.values() for v in vs) if surface.how == "partial" else []
            for display in shown or [surface.display]:
                if display not in names:
                    names.append(display)
        return names[:n]

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


def _grams(key: str) -> set[str]:
    if _CJK.search(key):
        return {key[i : i + 2] for i in range(len(key) - 1)} or {key}
    return {key[i : i + 3] for i in range(len(key) - 2)} or {key}


def _short_service_names(name: str) -> list[str]:
    """Shorter spellings of a service name a user may write: the parts around brackets, without 大模型."""
    shorts = []
    parts = [p for p in re.split(r"[（()）]", name) if p]
    if len(parts) > 1:
        shorts.extend(parts)
    base = re.sub(r"[（(].*?[）)]", "", name)
    stripped = re.sub(r"(?:大语言模型|大模型|模型)$", "", base)
    if stripped != name:
        shorts.append(stripped)
    return [s for s in shorts if len(fold(s)) >= 2 and not is_generic(s) and not _PLACE_PREFIX.fullmatch(s)]


def _short_company_names(company: str) -> list[str]:
    """Short names of a company: without its place and legal form (百度网讯科技), then without the trade words
    (百度网讯) when at least three characters remain. Institutions (大学, 研究院 …) keep their full names."""
    if _INSTITUTION.search(company) or not _LEGAL_SUFFIX.search(company):
        return []
    core = _BRACKETED_PLACE.sub("", _LEGAL_SUFFIX.sub("", company))
    core = _PLACE_PREFIX.sub("", core)
    shorts = []
    if len(core) >= 3 and core != company:
        shorts.append(core)
    trade = core
    while True:
        shorter = _INDUSTRY_SUFFIX.sub("", trade)
        if shorter == trade:
            break
        trade = shorter
    if len(trade) >= 3 and trade != core:
        shorts.append(trade)
    return [s for s in shorts if not is_generic(s) and not _PLACE_PREFIX.fullmatch(s)]
