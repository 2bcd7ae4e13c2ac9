"""What the text of one cell of an algorithm filing list means: a filing number (well formed or not, the
province its division code names, the year it was filed in), a product cell split into products, and a
remark read for its events (cancelled, company renamed).

Pure functions over strings: nothing here opens a file or knows about Word. Only the CAC's algorithm
number format (`网信算备` + 21 digits + `号`) is read here; generative-AI numbers (`Beijing-XXX-2024…`)
are not. Remarks are kept whole on the row as published; this module only pulls out what a question
filters on (cancelled, an earlier company name)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bot.register.places import Province, province_of_code
from bot.register.records import Product, normalize_number

NUMBER_PREFIX = "网信算备"
NUMBER_DIGITS = 21
_DIGITS_AFTER_PREFIX = re.compile(rf"{NUMBER_PREFIX}([0-9]+)")


def clean_number(cell: str) -> str:
    """A number as published, with the whitespace and line breaks of its Word cell removed (号 kept if given)."""
    return re.sub(r"\s+", "", cell)


def _digits(number: str) -> str:
    """The digits after 网信算备, or "" when the number does not have that shape."""
    found = _DIGITS_AFTER_PREFIX.fullmatch(normalize_number(number))
    return found.group(1) if found else ""


def number_problem(number: str) -> str | None:
    """Why a filing number is not `网信算备` + 21 digits (+ optional 号), or None when it is."""
    if not normalize_number(number):
        return "no filing number"
    digits = _digits(number)
    if not digits:
        return f"malformed number {number!r}: not {NUMBER_PREFIX} followed by digits"
    if len(digits) != NUMBER_DIGITS:
        return f"malformed number {number!r}: {len(digits)} digits after {NUMBER_PREFIX}, {NUMBER_DIGITS} expected"
    return None


def division_code(number: str) -> str:
    """The six-digit administrative division code that opens a number (`310115` is Pudong), or ""."""
    digits = _digits(number)
    return digits[:6] if len(digits) >= 6 else ""


def province_of_number(number: str) -> Province | None:
    """The province the number's division code names (`网信算备44…` → Guangdong), or None if it names none."""
    digits = _digits(number)
    return province_of_code(digits[:2]) if len(digits) >= 2 else None


def filing_year(number: str) -> int | None:
    """The year a number was filed in: the two digits before its last four (`…01240025号` → 2024), or None.

    Read the same way on a malformed number (the August 2022 list's 22-digit typo still gives 2022)."""
    digits = _digits(number)
    return 2000 + int(digits[-6:-4]) if len(digits) >= 6 else None


# --- products -------------------------------------------------------------------------------------------

_NO_PRODUCT = {"", "-", "--", "---", "—", "——", "–", "无", "/", "暂无"}
_PRODUCT_SEPARATORS = "、，；;\n"
_OPENING, _CLOSING = "（(", "）)"
_TRAILING_BRACKET = re.compile(r"(?P<name>.*?)\s*[（(](?P<kind>[^（）()]*)[）)]", re.S)
_AND_OTHERS = re.compile(r"([）)])\s*等(?:产品)?(?=\s*(?:$|[、，；;\n]))")
_KIND_WORD = re.compile(r"(app|网站|网页|小程序|公众号|公众账号|快应用|h5|其他|硬件|客户端|应用|软件|pc端?)$", re.I)


def split_products(cell: str) -> tuple[Product, ...]:
    """`天工AI助手(APP)、天工AI搜索(小程序)` → two products with their kinds; "--" (none) → ().

    Splits only outside brackets, so `乐玩幻镜（抖音、快手、支付宝）(小程序)` stays one product; a bracket
    of several kinds (`网易新闻（APP、小程序）`) gives one product per kind; a trailing 等 ("and others")
    is dropped; a kind bracket followed by a name without 、 between them still ends a product."""
    text = cell.strip()
    if unicodedata.normalize("NFKC", text).replace(" ", "") in _NO_PRODUCT:
        return ()
    text = _AND_OTHERS.sub(r"\1", text)
    products: list[Product] = []
    for piece in _split_outside_brackets(text):
        products.extend(_products_in(piece))
    return tuple(dict.fromkeys(products))


def _split_outside_brackets(text: str) -> list[str]:
    pieces: list[str] = []
    current: list[str] = []
    depth, opened, after_kind = 0, 0, False
    for index, char in enumerate(text):
        if depth == 0 and after_kind and char not in _PRODUCT_SEPARATORS + _OPENING and not char.isspace():
            pieces.append("".join(current))  # `百度新闻（APP、网站）百度百科（APP）`: the CAC left out the 、
            current = []
        after_kind = False
        if char in _OPENING:
            depth += 1
            opened = index if depth == 1 else opened
        elif char in _CLOSING and depth:
            depth -= 1
            after_kind = depth == 0 and _is_kind_list(text[opened + 1 : index])
        if depth == 0 and char in _PRODUCT_SEPARATORS:
            pieces.append("".join(current))
            current = []
        else:
            current.append(char)
    pieces.append("".join(current))
    return [piece.strip() for piece in pieces if piece.strip()]


def _kinds(text: str) -> list[str]:
    return [kind.strip() for kind in re.split(r"[、，,/／]", text) if kind.strip()]


def _is_kind_list(text: str) -> bool:
    kinds = _kinds(text)
    return bool(kinds) and all(_KIND_WORD.search(kind) for kind in kinds)


def _products_in(piece: str) -> list[Product]:
    found = _TRAILING_BRACKET.fullmatch(piece)
    if found:
        # the name is everything before the last bracket group: brackets inside the name stay in it
        name = found.group("name").strip()
        if name and _is_kind_list(found.group("kind")):
            return [Product(name, kind) for kind in _kinds(found.group("kind"))]
    return [Product(piece, "")]


# --- remarks --------------------------------------------------------------------------------------------

_OPEN_QUOTES = '“"「『'
_ANY_QUOTE = '“”"「」『』'
_RENAMED_QUOTED = re.compile(
    rf"主体(?:名称)?由?\s*[{_OPEN_QUOTES}](?P<old>[^{_ANY_QUOTE}]+)[{_ANY_QUOTE}]\s*"
    rf"变更为\s*[{_OPEN_QUOTES}](?P<new>[^{_ANY_QUOTE}]+)[{_ANY_QUOTE}]"
)
_RENAMED_BARE = re.compile(
    rf"主体(?:名称)?由?(?P<old>[^{_ANY_QUOTE}，,。；;、\s]+?)变更为(?P<new>[^{_ANY_QUOTE}，,。；;、\s]+)"
)
# an unquoted rename is trusted only between two names that look like organisations
_ORGANISATION = re.compile(r"(公司|集团|研究院|研究所|中心|学会|协会|学校|大学|学院|电视台|总台|报社|医院|局|厂)$")
_CANCELLED = re.compile(r"已注销|予以注销|注销备案")


@dataclass(frozen=True)
class RemarkEvents:
    """What a remark records beside its text: the filing cancelled, the company renamed (old → new)."""

    cancelled: bool = False
    renamed_from: str = ""
    renamed_to: str = ""


def remark_events(remark: str) -> RemarkEvents:
    """Read 已注销 and `原主体名称“A”变更为“B”` (quoted or not, with 由 or without) from a remark."""
    cancelled = bool(_CANCELLED.search(remark))
    quoted = _RENAMED_QUOTED.search(remark)
    if quoted:
        return RemarkEvents(cancelled, quoted.group("old").strip(), quoted.group("new").strip())
    bare = _RENAMED_BARE.search(remark)
    if bare and _ORGANISATION.search(bare.group("old")) and _ORGANISATION.search(bare.group("new")):
        return RemarkEvents(cancelled, bare.group("old"), bare.group("new"))
    return RemarkEvents(cancelled)


def same_name(first: str, second: str) -> bool:
    """Whether two company names are the same once width, brackets and spaces are set aside."""
    return _name_key(first) == _name_key(second)


def _name_key(name: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name))
