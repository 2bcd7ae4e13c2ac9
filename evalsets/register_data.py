"""The CAC's register read straight from the raw files in `corpus/register/`, for the evaluation's gold.

Deliberately independent of `bot.register`: the gold of `evalsets/register.jsonl` is a cross-check of
the bot's own readers, so it must not come from them. This module reads the generative-AI JSON and the
35 Word lists (with python-docx) into plain `Row`s, and knows the provinces and the English names the
questions use. It writes nothing and asks no questions (see `build_register_eval.py`).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

REGISTER_DIR = Path(__file__).resolve().parent.parent / "corpus" / "register"
GENAI_FILE = REGISTER_DIR / "cac-genai" / "genai_filing.json"
ALGORITHM_DIR = REGISTER_DIR / "cac-algorithm"
ALIASES_FILE = REGISTER_DIR / "aliases.yaml"
# The alias table as the register sets were written with (commit 33cb60d): the table grows, the sets' questions
# must not move with it.
SETS_ALIASES = Path(__file__).resolve().parent / "register_sets_aliases.yaml"

# Division code, short Chinese name, full Chinese name as the generative-AI lists write it, English name.
_PROVINCE_TABLE = """
11 北京 北京市 Beijing|12 天津 天津市 Tianjin|13 河北 河北省 Hebei|14 山西 山西省 Shanxi
15 内蒙古 内蒙古自治区 Inner_Mongolia|21 辽宁 辽宁省 Liaoning|22 吉林 吉林省 Jilin
23 黑龙江 黑龙江省 Heilongjiang|31 上海 上海市 Shanghai|32 江苏 江苏省 Jiangsu|33 浙江 浙江省 Zhejiang
34 安徽 安徽省 Anhui|35 福建 福建省 Fujian|36 江西 江西省 Jiangxi|37 山东 山东省 Shandong|41 河南 河南省 Henan
42 湖北 湖北省 Hubei|43 湖南 湖南省 Hunan|44 广东 广东省 Guangdong|45 广西 广西壮族自治区 Guangxi
46 海南 海南省 Hainan|50 重庆 重庆市 Chongqing|51 四川 四川省 Sichuan|52 贵州 贵州省 Guizhou
53 云南 云南省 Yunnan|54 西藏 西藏自治区 Tibet|61 陕西 陕西省 Shaanxi|62 甘肃 甘肃省 Gansu|63 青海 青海省 Qinghai
64 宁夏 宁夏回族自治区 Ningxia|65 新疆 新疆维吾尔自治区 Xinjiang|81 香港 香港特别行政区 Hong_Kong
82 澳门 澳门特别行政区 Macao
"""


@dataclass(frozen=True)
class Province:
    code: str
    short: str
    full: str
    english: str


PROVINCES = tuple(
    Province(code, short, full, english.replace("_", " "))
    for entry in _PROVINCE_TABLE.replace("\n", "|").split("|")
    if entry.strip()
    for code, short, full, english in [entry.split()]
)
_BY_FULL = {p.full: p for p in PROVINCES}
_BY_CODE = {p.code: p for p in PROVINCES}
CENTRAL_SOE = "国资委"  # the generative-AI lists' "province" for central state-owned enterprises


def province(short: str) -> Province | None:
    return next((p for p in PROVINCES if p.short == short), None)


@dataclass(frozen=True)
class Row:
    """One line of one published list, as the gold sees it."""

    series: str  # "genai" | "algorithm" | "deep-synthesis"
    kind: str  # "filing" | "registration"
    period: str  # the list, "YYYY-MM"
    name: str
    company: str
    number: str  # as compared: NFKC, no spaces, no trailing 号
    province: str  # short Chinese name, 国资委, or "" when the number's division code is no province
    date: str | None  # "YYYY-MM-DD" (generative-AI lists); None for the algorithm lists
    category: str = ""  # 算法类别 or 角色
    products: tuple[str, ...] = ()  # product names without their kind in brackets
    remarks: str = ""

    @property
    def cancelled(self) -> bool:
        return "已注销" in self.remarks

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date else None


def plain(text: str) -> str:
    """NFKC and no whitespace: how names and numbers are compared."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def comparable_number(number: str) -> str:
    text = plain(number)
    return text[:-1] if text.endswith("号") else text


def _date(text: str) -> str | None:
    found = re.match(r"\s*(\d{4})/(\d{1,2})/(\d{1,2})", text)
    return f"{int(found[1]):04d}-{int(found[2]):02d}-{int(found[3]):02d}" if found else None


def read_genai(path: Path = GENAI_FILE) -> list[Row]:
    """Every service of the generative-AI lists; repeated table-header rows (序号 = "序号") are not services."""
    data = json.loads(path.read_text(encoding="utf-8"))
    rows = []
    for batch in data["batches"]:
        for raw in batch["rows"]:
            if raw.get("序号") == "序号":
                continue
            place = raw["属地"].strip()
            found = _BY_FULL.get(place)
            rows.append(
                Row(
                    series="genai",
                    kind={"备案": "filing", "登记": "registration"}[raw["_kind"]],
                    period=batch["period"],
                    name=(raw.get("模型名称") or raw.get("大模型名称") or "").strip(),
                    company=raw["备案单位"].strip(),
                    number=comparable_number(raw.get("备案号") or raw.get("备案编号") or ""),
                    province=found.short if found else place,
                    date=_date(raw["备案时间"]),
                )
            )
    return rows


def _products(cell: str) -> tuple[str, ...]:
    """知乎（网站、APP）、快手(APP) → ("知乎", "快手"): split at 、 outside brackets, drop the kind in brackets."""
    parts, depth, current = [], 0, ""
    for char in plain(cell):
        depth += (char == "(") - (char == ")")
        if char in "、；;" and depth <= 0:
            parts.append(current)
            current, depth = "", 0
        else:
            current += char
    parts.append(current)
    names = [re.sub(r"\([^()]*\)$", "", part).strip() for part in parts]
    return tuple(name for name in names if name and name != "--" and "(" not in name and ")" not in name)


def read_algorithm_lists(folder: Path = ALGORITHM_DIR) -> list[Row]:
    """Every row of the algorithm and deep-synthesis Word lists; the province comes from the number's division code."""
    import docx

    rows = []
    for path in sorted(folder.glob("*.docx")):
        found = re.fullmatch(r"(algorithm|deep-synthesis)-(\d{4}-\d{2})", path.stem)
        if not found:
            raise ValueError(f"{path.name}: expected algorithm-YYYY-MM.docx or deep-synthesis-YYYY-MM.docx")
        series, period = found[1], found[2]
        for table in docx.Document(str(path)).tables:
            header = [cell.text.strip() for cell in table.rows[0].cells]
            for line in table.rows[1:]:
                cells: dict[str, str] = {}
                for title, cell in zip(header, line.cells, strict=True):
                    cells.setdefault(title, cell.text.strip())  # a repeated column keeps its first cell
                if not any(cells.values()):
                    continue
                number = comparable_number(cells["备案编号"])
                place = _BY_CODE.get(number[4:6]) if number.startswith("网信算备") else None
                rows.append(
                    Row(
                        series=series,
                        kind="filing",
                        period=period,
                        name=cells["算法名称"],
                        company=cells["主体名称"],
                        number=number,
                        province=place.short if place else "",
                        date=None,
                        category=cells.get("算法类别") or cells.get("角色") or "",
                        products=_products(cells.get("应用产品", "")),
                        remarks=cells.get("备注", ""),
                    )
                )
    return rows


def renames(rows: list[Row]) -> dict[str, str]:
    """Old company name → new, from remarks such as 原主体名称“A”变更为“B”; names renamed two ways are left out."""
    pairs: dict[str, set[str]] = {}
    for row in rows:
        for old, new in re.findall(r"原主体名称[“\"]([^”\"]+)[”\"]变更为[“\"]([^”\"]+)[”\"]", row.remarks):
            pairs.setdefault(old.strip(), set()).add(new.strip())
    return {old: next(iter(new)) for old, new in sorted(pairs.items()) if len(new) == 1}


@dataclass(frozen=True)
class EnglishName:
    """An English name and the Chinese names it stands for in the register."""

    english: str
    field: str  # "name" (a service) or "company"
    chinese: tuple[str, ...]  # matched as substrings of the field
    source: str  # where the English name comes from
    exclude: tuple[str, ...] = ()  # substrings that must not match (京东 is not 京东方)
    # From the alias table: the register's own spellings the name stands for, matched exactly.
    companies: frozenset[str] = frozenset()
    services: frozenset[str] = frozenset()

    def matches(self, row: Row) -> bool:
        if self.companies or self.services:
            return plain(row.company) in self.companies or plain(row.name) in self.services
        value = plain(row.name if self.field == "name" else row.company)
        return any(plain(c) in value for c in self.chinese) and not any(plain(x) in value for x in self.exclude)

    def is_clear_in(self, rows: list[Row]) -> bool:
        """A company's name is clear when no other company's service carries it (滴滴差旅助手 of 北京桔财动力
        would make "Didi" ambiguous): then the question has one right answer."""
        if self.field != "company":
            return True
        return not any(any(plain(c) in plain(r.name) for c in self.chinese) and not self.matches(r) for r in rows)


# Until `corpus/register/aliases.yaml` lands on main: well-known English names, each with where it is used.
_W = "English Wikipedia article"
BUILTIN_ENGLISH_NAMES: tuple[EnglishName, ...] = (
    EnglishName("ERNIE Bot", "name", ("文心一言",), f"Baidu's product name; {_W} 'Ernie Bot'"),
    EnglishName("Apple Intelligence", "name", ("Apple智能",), f"Apple's product name; {_W} 'Apple Intelligence'"),
    EnglishName("Tongyi Qianwen", "name", ("通义千问",), f"Alibaba Cloud's model name; {_W} 'Qwen'"),
    EnglishName("iFlytek Spark", "name", ("星火认知",), f"iFlytek's English name for 星火; {_W} 'iFlytek'"),
    EnglishName("Tencent Hunyuan", "name", ("混元",), "Tencent Cloud's English product pages ('Hunyuan')"),
    EnglishName("Skylark", "name", ("云雀",), "ByteDance Volcano Engine's English name for 云雀"),
    EnglishName("Xiao Ai", "name", ("小爱同学",), f"Xiaomi's voice assistant; {_W} 'Xiao Ai'"),
    EnglishName("Kling", "name", ("可灵",), f"Kuaishou's video model; {_W} 'Kling AI'"),
    EnglishName("PanGu", "name", ("盘古",), f"Huawei Cloud's model family; {_W} 'Huawei PanGu'"),
    EnglishName("SenseNova", "name", ("日日新",), "SenseTime's English name for 日日新 (SenseTime's site)"),
    EnglishName("BlueLM", "name", ("蓝心",), "vivo's English name for 蓝心 (vivo's developer site)"),
    EnglishName("Tiangong", "name", ("“天工”大模型",), f"Kunlun Tech's model; {_W} 'Kunlun Tech'"),
    EnglishName("Sequence Monkey", "name", ("序列猴子",), "Mobvoi's English name for 序列猴子 (Mobvoi's site)"),
    EnglishName("Ziyue", "name", ("子曰",), "NetEase Youdao's English name for 子曰 (Youdao's site)"),
    EnglishName("Baidu", "company", ("百度",), f"{_W} 'Baidu'"),
    EnglishName("Xiaomi", "company", ("小米",), f"{_W} 'Xiaomi'"),
    EnglishName("Tencent", "company", ("腾讯",), f"{_W} 'Tencent'"),
    EnglishName("Huawei", "company", ("华为",), f"{_W} 'Huawei'"),
    EnglishName("Lenovo", "company", ("联想",), f"{_W} 'Lenovo'"),
    EnglishName("Kuaishou", "company", ("快手",), f"{_W} 'Kuaishou'"),
    EnglishName("NetEase", "company", ("网易",), f"{_W} 'NetEase'"),
    EnglishName("Didi", "company", ("滴滴",), f"{_W} 'DiDi'"),
    EnglishName("JD.com", "company", ("京东",), f"{_W} 'JD.com'", exclude=("京东方",)),
    EnglishName("BOE", "company", ("京东方",), f"{_W} 'BOE Technology'"),
    EnglishName("Moonshot AI", "company", ("月之暗面",), f"{_W} 'Moonshot AI'"),
    EnglishName("01.AI", "company", ("零一万物",), f"{_W} '01.AI'"),
    EnglishName("Fourth Paradigm", "company", ("第四范式",), f"{_W} '4Paradigm'"),
    EnglishName("Zhipu AI", "company", ("智谱",), f"{_W} 'Zhipu AI'"),
    EnglishName("DeepSeek", "company", ("深度求索",), f"{_W} 'DeepSeek'"),
    EnglishName("MiniMax", "company", ("稀宇",), f"{_W} 'MiniMax (company)'"),
    EnglishName("StepFun", "company", ("阶跃星辰",), "StepFun's English site"),
    EnglishName("ModelBest", "company", ("面壁智能",), "ModelBest's English site (MiniCPM)"),
    EnglishName("Baichuan", "company", ("百川智能",), f"{_W} 'Baichuan AI'"),
    EnglishName("iFlytek", "company", ("讯飞",), f"{_W} 'iFlytek'"),
    EnglishName("Megvii", "company", ("旷视",), f"{_W} 'Megvii'"),
    EnglishName("CloudWalk", "company", ("云从科技",), f"{_W} 'CloudWalk Technology'"),
    EnglishName("Unisound", "company", ("云知声",), "Unisound's English site"),
    EnglishName("Mobvoi", "company", ("出门问问",), f"{_W} 'Mobvoi'"),
    EnglishName("Meitu", "company", ("美图",), f"{_W} 'Meitu'"),
    EnglishName("Trip.com", "company", ("携程",), f"{_W} 'Trip.com Group'"),
    EnglishName("iReader", "company", ("掌阅",), f"{_W} 'iReader Technology'"),
    EnglishName("Zhaopin", "company", ("北京网聘",), f"{_W} 'Zhaopin' (its operator 北京网聘)"),
    EnglishName("Kingsoft Office", "company", ("金山办公",), f"{_W} 'Kingsoft' (WPS Office)"),
    EnglishName("China Mobile", "company", ("中国移动",), f"{_W} 'China Mobile'"),
    EnglishName("Inspur", "company", ("浪潮",), f"{_W} 'Inspur'"),
    EnglishName("Haier", "company", ("海尔",), f"{_W} 'Haier'"),
    EnglishName("Gree", "company", ("格力",), f"{_W} 'Gree Electric'"),
    EnglishName("NIO", "company", ("蔚来",), f"{_W} 'Nio Inc.'"),
    EnglishName("Douyin", "company", ("抖音",), f"{_W} 'Douyin'"),
    EnglishName("Xiaoice", "company", ("小冰",), f"{_W} 'Xiaoice'"),
    EnglishName("SenseTime", "company", ("商汤",), f"{_W} 'SenseTime'"),
    EnglishName("DingTalk", "company", ("钉钉",), f"{_W} 'DingTalk'"),
    EnglishName("Ximalaya", "company", ("喜马拉雅",), f"{_W} 'Ximalaya'"),
    EnglishName("Dewu", "company", ("得物",), f"{_W} 'Dewu' (Poizon)"),
    EnglishName("EZVIZ", "company", ("萤石",), "EZVIZ's English site (Hikvision's consumer brand)"),
    EnglishName("Meituan", "company", ("三快",), f"{_W} 'Meituan' (its operator 北京三快科技)"),
)


def english_names(aliases: Path = ALIASES_FILE) -> tuple[tuple[EnglishName, ...], str]:
    """The English names the questions use, and where they came from: the alias table once it is in the
    repository, else the built-in list above."""
    if not aliases.exists():
        return BUILTIN_ENGLISH_NAMES, f"built-in list ({aliases.name} is not in the repository yet)"
    where = aliases.resolve()
    root = REGISTER_DIR.parent.parent
    return read_alias_table(aliases), str(where.relative_to(root) if where.is_relative_to(root) else where)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def read_alias_table(path: Path) -> tuple[EnglishName, ...]:
    """English names from the alias table: per entry its English names, Chinese names, type (company or
    service) and the register's own company and service spellings it stands for."""
    import yaml

    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(entries, list):
        raise ValueError(f"{path}: expected a list of entries with english, chinese, type, companies, services")
    names = []
    for entry in entries:
        field = "name" if entry.get("type") == "service" else "company"
        companies = frozenset(plain(c) for c in _strings(entry.get("companies")))
        services = frozenset(plain(s) for s in _strings(entry.get("services")))
        for english in _strings(entry.get("english")):
            names.append(
                EnglishName(
                    english,
                    field,
                    tuple(_strings(entry.get("chinese"))),
                    str(entry.get("source", "")),
                    companies=companies,
                    services=services,
                )
            )
    if not names:
        raise ValueError(f"{path}: no entries with an English name")
    return tuple(names)
