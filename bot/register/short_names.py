"""Shorter spellings a user may write for register names: a service without its brackets or 大模型
(百度文心大模型 → 百度文心), a company without its place and legal form (北京百度网讯科技有限公司 → 百度网讯科技)
and then without its trade words (百度网讯).

Only the derivation; `bot.register.names` decides how far a derived name may link.
"""

from __future__ import annotations

import re

from bot.register.folding import fold, is_generic
from bot.register.places import PROVINCES

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


def short_service_names(name: str) -> list[str]:
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


def short_company_names(company: str) -> list[str]:
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


def trade_name(company: str) -> str:
    """The distinctive part of a company's name: without place, legal form and trade words (北京值得买科技股份有限公司
    → 值得买); "" for an institution, a name that keeps nothing distinctive, or one of fewer than three
    characters (two-character names share their toneless pinyin too often: xinhua is 新华 and 芯画). It is what
    a romanised company name spells (Zhidemai)."""
    if _INSTITUTION.search(company) or not _LEGAL_SUFFIX.search(company):
        return ""
    trade = _PLACE_PREFIX.sub("", _BRACKETED_PLACE.sub("", _LEGAL_SUFFIX.sub("", company)))
    while (shorter := _INDUSTRY_SUFFIX.sub("", trade)) != trade:
        trade = shorter
    if (
        len(trade) < 3
        or is_generic(trade)
        or _PLACE_PREFIX.fullmatch(trade)
        or not re.fullmatch(r"[\u4e00-\u9fff]+", trade)
    ):
        return ""
    return trade
