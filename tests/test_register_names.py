"""The alias table and `NameCatalog`: every alias spelling is in the register, names in questions link to the
register's own spellings (full, short, English, pinyin, Traditional, numbers, products), prefixes are not
confused, generic and ordinary words are not names, near misses are offered, and it is all fast."""

from __future__ import annotations

import re
import statistics
import time
import zipfile
from functools import lru_cache

import pytest
from lxml import etree
from register_rows import GENAI, REPO, algorithm_rows, genai_rows, group_rows

from bot.register.aliases import ALIASES_PATH, load_aliases
from bot.register.folding import fold
from bot.register.names import NameCatalog
from bot.text import to_simplified

ALGORITHM_LISTS = sorted((REPO / "corpus" / "register" / "cac-algorithm").glob("*.docx"))
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def catalog() -> NameCatalog:
    return NameCatalog.from_rows(genai_rows() + algorithm_rows())


def values(catalog: NameCatalog, question: str, field: str | None = None) -> set[str]:
    """Every register spelling the names in `question` stand for (of one field, or all)."""
    return {v for link in catalog.link(question) for m in link.matches if field in (None, m.field) for v in m.values}


@lru_cache(maxsize=1)
def register_text() -> tuple[set[str], str]:
    """Every genai name and company, and every Word-list cell, without spaces; and all of them joined."""
    cells: set[str] = set()
    for row in genai_rows():
        cells.update({row.name, row.company})
    for path in ALGORITHM_LISTS:
        root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
        cells.update("".join(t.text or "" for t in tc.iter(_W + "t")) for tc in root.iter(_W + "tc"))
    squeezed = {re.sub(r"\s+", "", c) for c in cells}
    return squeezed, "\n".join(squeezed)


def test_alias_table_names_at_least_100_organisations_and_services_each_with_a_source():
    aliases = load_aliases(ALIASES_PATH)
    assert len(aliases) >= 100
    for alias in aliases:
        assert alias.english, alias
        assert alias.type in ("company", "service"), alias
        assert alias.source.strip(), alias
        assert alias.companies or alias.services or alias.products, alias


def test_every_alias_spelling_occurs_in_the_register_as_published():
    cells, joined = register_text()
    missing = []
    for alias in load_aliases(ALIASES_PATH):
        for spelling in (*alias.companies, *alias.services):
            if re.sub(r"\s+", "", spelling) not in cells:
                missing.append((alias.name, spelling))
        for product in alias.products:  # a product is one item of a product cell
            if re.sub(r"\s+", "", product) not in joined:
                missing.append((alias.name, product))
    assert missing == []


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("Baidu", "百度"),
        ("ERNIE Bot", "文心一言"),
        ("Xiaomi", "小米"),
        ("Xiao Ai", "小爱同学"),
        ("01.AI", "零一万物"),
        ("Moonshot AI", "月之暗面"),
        ("Apple Intelligence", "Apple智能"),
        ("DeepSeek", "深度求索"),
        ("Qwen", "通义千问"),
        ("Hunyuan", "混元"),
        ("Doubao", "豆包"),
        ("Spark", "星火"),
        ("SenseTime", "商汤"),
        ("ChatGLM", "智谱清言"),
        ("Kling", "可灵"),
        ("Douyin", "抖音"),
        ("Meituan", "美团"),
        ("JD.com", "京东"),
        ("Kaola", "考拉海购"),
        ("Dewu", "得物"),
    ],
)
def test_the_issues_english_names_mean_the_same_rows_as_their_chinese_names(catalog, english, chinese):
    found = values(catalog, f"Is {english} filed?")
    assert found
    assert found == values(catalog, f"{chinese}备案了吗")


def test_short_company_names_from_the_alias_table_reach_the_full_spelling(catalog):
    assert values(catalog, "百度备案了哪些", "company") == {"北京百度网讯科技有限公司"}
    assert "小米科技有限责任公司" in values(catalog, "小米的备案", "company")
    assert values(catalog, "Kimi") == {"Kimi智能助手"}


def test_short_company_names_are_derived_by_stripping_place_and_legal_form(catalog):
    assert values(catalog, "衔远科技备案了什么", "company") == {"北京衔远科技有限公司"}
    assert values(catalog, "智谱华章科技", "company") >= {"北京智谱华章科技有限公司"}


def test_jd_is_not_boe_and_boe_is_not_jd(catalog):
    jd = values(catalog, "京东备案了哪些", "company")
    boe = values(catalog, "京东方备案了哪些", "company")
    assert "京东科技信息技术有限公司" in jd and not any("京东方" in c for c in jd)
    assert boe == {"京东方科技集团股份有限公司", "京东方智慧物联科技有限公司"}
    assert values(catalog, "Which services has BOE filed?", "company") == boe
    assert not values(catalog, "Which services has jd filed?")  # a short alias keeps its case


def test_traditional_characters_link_like_simplified(catalog):
    links = catalog.link("華為的備案號是什麼？")
    assert values(catalog, "華為的備案號是什麼？") == values(catalog, "华为的备案号是什么？")
    assert links[0].text == "华为" and links[0].matches[0].how == "traditional"
    assert values(catalog, "騰訊") == values(catalog, "腾讯")


def test_pinyin_as_in_filing_numbers_links_the_service(catalog):
    assert "小爱同学AI助手" in values(catalog, "Is XiaoAiTongXue filed?", "name")
    assert values(catalog, "When was WenXinYiYan filed?", "name") >= {"文心一言"}
    assert catalog.link("Is XiaoAiTongXue filed?")[0].matches[0].how == "pinyin"


def test_filing_numbers_link_as_numbers(catalog):
    assert values(catalog, "Beijing-WenXinYiYan-20230821是什么？", "number") == {"Beijing-WenXinYiYan-20230821"}
    assert values(catalog, "网信算备110108413760701220011号是哪个算法", "number") == {"网信算备110108413760701220011号"}


def test_full_names_products_and_renamed_companies_link(catalog):
    assert values(catalog, "北京快手科技有限公司有哪些备案", "company") == {"北京快手科技有限公司"}
    assert values(catalog, "考拉海购的算法", "product") == {"考拉海购"}
    old = values(catalog, "上海识装信息科技有限公司改名了吗", "company")
    assert "上海得物信息集团有限公司" in old


def test_a_longer_name_wins_over_a_name_inside_it(catalog):
    links = catalog.link("快手短视频生成合成算法备案号是多少")
    assert [link.text for link in links] == ["快手短视频生成合成算法"]


@pytest.mark.parametrize(
    "question",
    [
        "AI助手是否备案",
        "智能客服有哪些",
        "How many AI assistants are filed?",
        "互联网信息服务算法备案有多少",
        "Which filings record a change?",
        "How many services from Shanghai are filed?",
        "一共有多少项服务完成了登记？",
        "各省生成式人工智能备案数量",
        "How many deep-synthesis algorithms were in the May 2026 list?",
    ],
)
def test_generic_and_ordinary_words_are_not_names(catalog, question):
    assert catalog.link(question) == []


def test_a_generic_service_name_links_when_quoted(catalog):
    question = "「AI助手」备案了吗"
    links = catalog.link(question, quoted=[(0, 6)])
    assert links and links[0].matches[0].values == ("AI助手",)


def test_names_inside_words_the_parser_reads_are_not_linked(catalog):
    question = "互联网信息服务算法有多少"
    assert catalog.link(question, blocked=[(0, 9)]) == []


def test_english_names_of_register_spellings(catalog):
    assert catalog.english_name("北京百度网讯科技有限公司") == "Baidu"
    assert catalog.english_name("Apple智能") == "Apple Intelligence"
    assert catalog.english_name("某某不存在的公司") == ""


def test_nearest_offers_near_misses_and_nothing_for_nonsense(catalog):
    assert "文心一言" in catalog.nearest("文心一眼")
    assert "ChatGLM" in catalog.nearest("ChatGLM4")
    assert "Kimi" in catalog.nearest("Kimmi")
    assert catalog.nearest("zzqqxx") == []


def test_fold_makes_width_case_and_script_equal():
    assert fold("Ｋｉｍｉ 智能助手") == fold("kimi智能助手")
    assert fold("華為") == fold("华为")
    assert to_simplified("備案") == "备案"


def test_catalog_builds_in_under_a_second_and_links_in_under_5_ms():
    rows = genai_rows()
    aliases = load_aliases(ALIASES_PATH)
    started = time.perf_counter()
    catalog = NameCatalog(rows, aliases)
    assert time.perf_counter() - started < 1.0
    questions = ["Has Apple Intelligence been filed?", "京东方备案了哪些", "華為的備案號是什麼？", "Is ChatGPT filed?"]
    timings = []
    for question in questions * 5:
        started = time.perf_counter()
        catalog.link(question)
        timings.append(time.perf_counter() - started)
    assert statistics.median(timings) < 0.005
    assert GENAI.exists()


# -- what an alias and an earlier company name stand for -----------------------------------------------------


@pytest.fixture(scope="module")
def group_catalog() -> NameCatalog:
    rows, aliases = group_rows()
    return NameCatalog(rows, aliases)


def test_an_alias_link_says_its_type_and_every_field_it_stands_for(group_catalog):
    [group] = group_catalog.link("Jiayi的算法")
    assert group.alias_type == "company"
    assert {m.field: m.values for m in group.matches} == {
        "company": ("甲乙科技有限公司",),
        "name": ("甲乙视频推荐算法",),
        "product": ("甲乙商城", "甲乙商城极速版"),
    }
    [brand] = group_catalog.link("问语备案了吗")
    assert brand.alias_type == "service"
    assert {m.field: m.values for m in brand.matches}["product"] == ("问语 助手",)  # as the list spells it
    assert [link.alias_type for link in group_catalog.link("甲乙科技有限公司")] == [""]


def test_an_earlier_name_still_filing_under_itself_means_only_that_company(group_catalog):
    [link] = group_catalog.link("旧名科技有限公司登记了什么")
    assert {m.field: m.values for m in link.matches} == {"company": ("旧名科技有限公司",)}


def test_an_earlier_name_known_only_from_a_remark_means_the_company_it_became(group_catalog):
    [link] = group_catalog.link("更早科技有限公司改名了吗")
    assert {m.field: set(m.values) for m in link.matches} == {"company": {"更早科技有限公司", "后来科技有限公司"}}


def test_lookup_gives_a_whole_name_its_link_or_none(group_catalog):
    found = group_catalog.lookup("Wenyu")
    assert found is not None and found.alias_type == "service" and found.text == "Wenyu"
    assert group_catalog.lookup("Nothing Like It") is None


def test_an_app_written_as_the_lists_spell_it_is_that_app_not_its_brands_others(group_catalog):
    [link] = group_catalog.link("甲乙商城用了哪些算法")
    assert {m.field: m.values for m in link.matches}["product"] == ("甲乙商城",)


def test_a_two_character_app_is_found_as_a_whole_name_only(group_catalog):
    assert group_catalog.link("丁丁用了哪些算法") == []
    found = group_catalog.lookup("丁丁")
    assert found is not None and [(m.field, m.values) for m in found.matches] == [("product", ("丁丁",))]


def test_quotation_marks_inside_a_name_do_not_join_it_to_the_word_before(catalog):
    assert values(catalog, "Look up “i呈贡”微信小程序 in the register", "name") == {"“i呈贡”微信小程序"}
