"""`parse_register_question`: every intent and filter in English, Simplified and Traditional Chinese, the
issues' own example questions, unknown names, follow-ups, and questions that belong to the documents."""

from __future__ import annotations

import datetime as dt
import statistics
import time

import pytest
from register_rows import algorithm_rows, genai_rows, group_rows

from bot.register.dates import find_dates
from bot.register.names import NameCatalog
from bot.register.parse import parse_register_question
from bot.register.query import RegisterQuery


@pytest.fixture(scope="module")
def catalog() -> NameCatalog:
    return NameCatalog.from_rows(genai_rows() + algorithm_rows())


def parse(catalog: NameCatalog, question: str, previous: RegisterQuery | None = None) -> RegisterQuery:
    parsed = parse_register_question(question, catalog, previous)
    assert parsed is not None, question
    return parsed


def named(query: RegisterQuery, field: str | None = None) -> set[str]:
    return {v for e in query.entities if field in (None, e.field) for v in e.values}


# -- the issues' examples -----------------------------------------------------------------------------------


def test_january_2024_batch_count_and_its_follow_up_list(catalog):
    count = parse(catalog, "How many services were approved in the January 2024 batch?")
    assert (count.intent, count.batch, count.date_from, count.date_to) == ("count", True, 20240101, 20240131)
    assert count.kind is None and count.series == "genai"
    listed = parse(catalog, "Which were they?", count)
    assert listed.intent == "list"
    assert (listed.batch, listed.date_from, listed.date_to, listed.series) == (True, 20240101, 20240131, "genai")


def test_apple_intelligence_lookup(catalog):
    query = parse(catalog, "Has Apple Intelligence been filed?")
    assert query.intent == "lookup" and named(query, "name") == {"Apple智能"}
    assert query.entities[0].english == "Apple Intelligence" and query.kind is None


def test_chatgpt_is_an_unknown_name_never_an_entity(catalog):
    query = parse(catalog, "Is ChatGPT filed in China?")
    assert (query.intent, query.unknown_name, query.entities, query.province) == ("lookup", "ChatGPT", (), None)


def test_registrations_in_all_in_chinese(catalog):
    query = parse(catalog, "一共有多少项服务完成了登记？")
    assert (query.intent, query.kind, query.language) == ("count", "registration", "zh")


def test_deep_synthesis_counts_by_list_and_in_all(catalog):
    may = parse(catalog, "How many deep-synthesis algorithms were in the May 2026 list?")
    assert (may.intent, may.series, may.period, may.date_from) == ("count", "deep-synthesis", "2026-05", None)
    total = parse(catalog, "深度合成服务算法备案一共有多少条？")
    assert (total.intent, total.series, total.period) == ("count", "deep-synthesis", None)
    algorithms = parse(catalog, "How many algorithm filings are there?")
    assert (algorithms.intent, algorithms.series) == ("count", "algorithm")


def test_what_has_kuaishou_filed_is_grouped_by_series(catalog):
    query = parse(catalog, "What has Kuaishou filed?")
    assert (query.intent, query.group_by, query.series) == ("list", "series", None)
    assert [e.field for e in query.entities] == ["company"]  # one entity per name: the store needs them all
    assert "北京快手科技有限公司" in named(query, "company")


def test_cancelled_list_and_renamed_lookup(catalog):
    cancelled = parse(catalog, "Which filings were cancelled?")
    assert (cancelled.intent, cancelled.cancelled) == ("list", True)
    renamed = parse(catalog, "What was 上海识装信息科技有限公司 renamed to?")
    assert (renamed.intent, renamed.asks, renamed.language) == ("lookup", "renamed", "en")
    assert "上海得物信息集团有限公司" in named(renamed, "company")


def test_issue_13_questions(catalog):
    douyin = parse(catalog, "What is the filing number of Douyin's recommendation algorithm?")
    assert (douyin.intent, douyin.asks, douyin.category) == ("lookup", "number", "个性化推送类")
    assert "北京抖音信息服务有限公司" in named(douyin, "company")
    kling = parse(catalog, "Has Kling's video generator been filed?")
    assert "可灵" in named(kling, "name")
    guangdong = parse(catalog, "How many deep-synthesis algorithms come from Guangdong?")
    assert (guangdong.intent, guangdong.series, guangdong.province) == ("count", "deep-synthesis", "广东")
    kaola = parse(catalog, "Which of Kaola's filings were cancelled?")
    assert (kaola.intent, kaola.cancelled, named(kaola, "company")) == ("list", True, {"杭州优卖网络科技有限公司"})
    app = parse(catalog, "Which algorithms does the Douyin app use?")
    assert app.intent == "list" and {e.field for e in app.entities} == {"product"}
    assert named(app) == {"抖音短视频"}


@pytest.mark.parametrize(
    ("question", "group_by", "series"),
    [
        ("How have deep-synthesis filings grown?", "period", "deep-synthesis"),
        ("各省生成式人工智能备案数量", "province", "genai"),
        ("Plot registrations over time", "period", None),
        ("How many filings per province?", "province", None),
        ("各省深度合成算法備案分布", "province", "deep-synthesis"),
    ],
)
def test_charts_group_by_period_or_province(catalog, question, group_by, series):
    query = parse(catalog, question)
    assert (query.intent, query.group_by, query.series) == ("chart", group_by, series)


# -- filters ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "province"),
    [
        ("How many services from Shanghai are filed?", "上海"),
        ("北京有多少个生成式人工智能服务备案？", "北京"),
        ("北京市备案了多少个大模型", "北京"),
        ("How many filings from beijing?", "北京"),
        ("廣東省有多少項登記？", "广东"),
        ("How many SASAC filings are there?", "国资委"),
        ("央企备案了多少个大模型", "国资委"),
        ("How many services are registered in Inner Mongolia?", "内蒙古"),
    ],
)
def test_province_in_either_language(catalog, question, province):
    assert parse(catalog, question).province == province


def test_a_province_inside_a_company_name_is_not_a_filter(catalog):
    query = parse(catalog, "北京快手科技有限公司备案了哪些？")
    assert query.province is None and named(query, "company") == {"北京快手科技有限公司"}


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How many services are filed?", "filing"),
        ("How many registrations are there?", "registration"),
        ("How many services were approved?", None),
        ("How many services were filed or registered?", None),
        ("有多少项服务完成了备案？", "filing"),
        ("有多少项服务完成了登记？", "registration"),
        ("备案和登记一共有多少？", None),
        ("有多少項服務完成了登記？", "registration"),
    ],
)
def test_kind_filed_registered_or_both(catalog, question, kind):
    assert parse(catalog, question).kind == kind


@pytest.mark.parametrize(
    ("question", "series"),
    [
        ("How many deep synthesis filings are there?", "deep-synthesis"),
        ("深度合成算法有多少", "deep-synthesis"),
        ("算法备案有多少条", "algorithm"),
        ("How many algorithm filings come from Zhejiang?", "algorithm"),
        ("In total, how many filed gen-AI services are there?", "genai"),
        ("生成式人工智能服务备案有多少", "genai"),
        ("互联网信息服务算法备案有多少", "algorithm"),
    ],
)
def test_series_words(catalog, question, series):
    assert parse(catalog, question).series == series


@pytest.mark.parametrize(
    ("question", "date_from", "date_to"),
    [
        ("Which services were filed in January 2024?", 20240101, 20240131),
        ("2024年1月备案了哪些服务？", 20240101, 20240131),
        ("Which services were filed before April 2024?", None, 20240331),
        ("How many services were filed in 2025?", 20250101, 20251231),
        ("How many services were filed since June 2025?", 20250601, None),
        ("What was filed on 17 January 2024?", 20240117, 20240117),
        ("2024年1月17日备案了什么", 20240117, 20240117),
        ("2025年6月以来登记了多少服务？", 20250601, None),
        ("截至2025年底一共备案了多少个？", None, 20251231),
        ("2024年4月以前備案了多少個服務？", None, 20240331),
    ],
)
def test_dates_and_ranges(catalog, question, date_from, date_to):
    query = parse(catalog, question)
    assert (query.date_from, query.date_to) == (date_from, date_to)


@pytest.mark.parametrize(
    ("question", "period"),
    [
        ("What is in the latest list?", "2026-08"),
        ("最新一期清单有多少项？", "2026-08"),
        ("Which services were in the April 2024 list?", "2024-04"),
        ("2025年12月的清单有多少项服务", "2025-12"),
        ("How many deep-synthesis algorithms were in the latest list?", "2025-09"),
    ],
)
def test_one_list_by_its_period(catalog, question, period):
    query = parse(catalog, question)
    assert query.period == period and query.date_from is None


def test_a_batch_is_the_months_services_approved_together(catalog):
    query = parse(catalog, "2024年1月那批有哪些服务获批？")
    assert (query.batch, query.date_from, query.date_to) == (True, 20240101, 20240131)
    first = parse(catalog, "Which services were in the first batch?")
    assert (first.batch, first.date_from, first.date_to) == (True, 20230831, 20230831)


@pytest.mark.parametrize(
    ("question", "category", "series"),
    [
        ("个性化推送类算法有多少", "个性化推送类", "algorithm"),
        ("Which recommendation algorithms were filed in 2022?", "个性化推送类", "algorithm"),
        ("Which technical supporters are from Beijing?", "服务技术支持者", "deep-synthesis"),
        ("服务技术支持者有多少个", "服务技术支持者", "deep-synthesis"),
        ("How many scheduling algorithms are filed?", "调度决策类", "algorithm"),
    ],
)
def test_category_and_role(catalog, question, category, series):
    query = parse(catalog, question)
    assert (query.category, query.series) == (category, series)


def test_cancelled_in_both_languages(catalog):
    assert parse(catalog, "注销了多少个算法？").cancelled is True
    assert parse(catalog, "Which deep-synthesis filings were cancelled in 2024?").cancelled is True
    asked = parse(catalog, "Is 考拉推荐算法 cancelled?")
    assert (asked.intent, asked.asks, asked.cancelled) == ("lookup", "cancelled", None)


# -- intents and names ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "intent", "asks"),
    [
        ("Has DeepSeek been approved?", "lookup", "any"),
        ("When was Kimi filed?", "lookup", "date"),
        ("文心一言的备案号是多少", "lookup", "number"),
        ("Who filed 文心一言?", "lookup", "company"),
        ("Where is Moonshot AI registered?", "lookup", "province"),
        ("騰訊的混元大模型是什麼時候備案的？", "lookup", "date"),
        ("Has DeepSeek been approved? When, under what number?", "lookup", "any"),
        ("What is the latest generative AI service filed?", "latest", "any"),
        ("最新备案的生成式人工智能服务是哪个？", "latest", "any"),
        ("Which was the first service filed?", "first", "any"),
        ("最早备案的大模型是哪个？", "first", "any"),
        ("百度备案了哪些", "list", "any"),
        ("Which companies were renamed?", "list", "renamed"),
    ],
)
def test_intents_and_what_a_lookup_asks(catalog, question, intent, asks):
    query = parse(catalog, question)
    assert (query.intent, query.asks) == (intent, asks)


@pytest.mark.parametrize(
    ("question", "field", "spelling"),
    [
        ("Has Xiaomi's AI assistant been approved?", "company", "小米科技有限责任公司"),
        ("Is XiaoAiTongXue filed?", "name", "小爱同学AI助手"),
        ("Is 01.AI approved?", "company", "北京零一万物科技有限公司"),
        ("Has Moonshot AI filed Kimi?", "product", "Kimi智能助手"),
        ("Is ERNIE Bot filed?", "name", "文心一言"),
        ("華為的大模型備案了嗎？", "company", "华为云计算技术有限公司"),
        ("Beijing-WenXinYiYan-20230821 是什么服务？", "number", "Beijing-WenXinYiYan-20230821"),
        ("京东备案了哪些？", "company", "京东科技信息技术有限公司"),
    ],
)
def test_names_in_questions(catalog, question, field, spelling):
    assert spelling in named(parse(catalog, question), field)


def test_jd_questions_never_reach_boe(catalog):
    assert not any("京东方" in v for v in named(parse(catalog, "京东备案了哪些？")))
    assert named(parse(catalog, "京东方备案了哪些？"), "company") == {
        "京东方科技集团股份有限公司",
        "京东方智慧物联科技有限公司",
    }


def test_an_owner_and_its_service_mean_the_service(catalog):
    query = parse(catalog, "Baidu's ERNIE Bot: when was it filed?")
    assert named(query, "name") == {"文心一言"} and "北京百度网讯科技有限公司" not in named(query)


@pytest.mark.parametrize(
    ("question", "unknown"),
    [
        ("Is Midjourney approved in China?", "Midjourney"),
        ("Sora备案了吗", "Sora"),
        ("When was Gemini registered?", "Gemini"),
        ("「某某大模型」备案了吗？", "某某大模型"),
    ],
)
def test_unknown_names(catalog, question, unknown):
    query = parse(catalog, question)
    assert (query.intent, query.unknown_name, query.entities) == ("lookup", unknown, ())


def test_a_generic_name_asked_about_by_itself_is_looked_up(catalog):
    query = parse(catalog, "「AI助手」备案了吗")
    assert named(query, "name") == {"AI助手"} and not query.unknown_name


def test_traditional_questions_parse_like_simplified(catalog):
    pairs = [
        ("深度合成算法備案一共有多少條？", "深度合成算法备案一共有多少条？"),
        ("北京有多少家公司登記了生成式人工智能服務？", "北京有多少家公司登记了生成式人工智能服务？"),
        ("華為備案了哪些？", "华为备案了哪些？"),
    ]
    for traditional, simplified in pairs:
        a, b = parse(catalog, traditional).to_dict(), parse(catalog, simplified).to_dict()
        for d in (a, b):
            for e in d.get("entities", []):
                e.pop("how")
                e.pop("text")
        assert a == b


# -- follow-ups ----------------------------------------------------------------------------------------------


def test_follow_ups_replace_one_filter(catalog):
    shanghai = parse(catalog, "How many services from Shanghai are filed?")
    beijing = parse(catalog, "And Beijing?", shanghai)
    assert (beijing.intent, beijing.province, beijing.kind, beijing.series) == ("count", "北京", "filing", "genai")
    zh = parse(catalog, "北京有多少个生成式人工智能服务备案？")
    shanghai_zh = parse(catalog, "那上海呢？", zh)
    assert (shanghai_zh.intent, shanghai_zh.province, shanghai_zh.series) == ("count", "上海", "genai")
    registrations = parse(catalog, "How many were registrations?", shanghai)
    assert (registrations.kind, registrations.province) == ("registration", "上海")
    listed = parse(catalog, "列出来", zh)
    assert (listed.intent, listed.province) == ("list", "北京")


def test_a_new_question_is_not_a_follow_up(catalog):
    shanghai = parse(catalog, "How many services from Shanghai are filed?")
    fresh = parse(catalog, "Has Apple Intelligence been filed?", shanghai)
    assert fresh.province is None and fresh.intent == "lookup"


def test_follow_ups_without_a_previous_question_are_not_register_questions(catalog):
    assert parse_register_question("Which were they?", catalog) is None
    assert parse_register_question("Is it approved?", catalog) is None


# -- documents, not the register -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "What must ERNIE Bot display to users?",
        "What do the Interim Measures require?",
        "How do I file an algorithm?",
        "What is deep synthesis?",
        "What is the capital of France?",
        "生成式人工智能服务提供者应当履行哪些义务？",
        "如何办理算法备案？",
        "什么是深度合成？",
        "文心一言需要显示什么标识？",
    ],
)
def test_rules_and_meaning_questions_go_to_the_documents(catalog, question):
    assert parse_register_question(question, catalog) is None


def test_the_language_follows_the_question(catalog):
    assert parse(catalog, "How many services from Shanghai are filed?").language == "en"
    assert parse(catalog, "上海有多少个服务备案？").language == "zh"
    assert parse(catalog, "Who filed 文心一言?").language == "en"


def test_parsing_a_question_takes_well_under_5_ms(catalog):
    questions = [
        "How many services were approved in the January 2024 batch?",
        "Has Apple Intelligence been filed?",
        "華為的大模型備案了嗎？",
        "Is ChatGPT filed in China?",
        "各省生成式人工智能备案数量",
        "What is the filing number of Douyin's recommendation algorithm?",
    ]
    timings = []
    for question in questions * 5:
        started = time.perf_counter()
        parse_register_question(question, catalog)
        timings.append(time.perf_counter() - started)
    assert statistics.median(timings) < 0.005


# -- one list by its month, as of the latest list -----------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "period"),
    [
        ("How many services did the CAC's May 2025 generative AI list carry?", "2025-05"),
        ("Which registrations appeared in the list published in March 2026?", "2026-03"),
        ("2025年5月公布的那份生成式人工智能清单里有几项登记？", "2025-05"),
        ("2024年11月这一期生成式人工智能服务清单收录了多少项？", "2024-11"),
        ("How many filings does the February 2025 internet information service algorithm list hold?", "2025-02"),
    ],
)
def test_a_month_with_a_list_word_anywhere_in_its_phrase_is_that_list(catalog, question, period):
    query = parse(catalog, question)
    assert (query.period, query.date_from, query.date_to) == (period, None, None)


@pytest.mark.parametrize(
    "question",
    [
        "截至最新一期清单，一共登记了多少项？",
        "Counting up to the latest list, how many generative AI services are filed?",
        "According to the most recent list, how many registrations are there?",
    ],
)
def test_up_to_the_latest_list_means_everything_so_far(catalog, question):
    query = parse(catalog, question)
    assert query.intent == "count" and query.period is None and (query.date_from, query.date_to) == (None, None)


def test_a_range_around_a_list_month_is_a_range_not_that_list(catalog):
    before = parse(catalog, "How many services were filed before the March 2025 list?")
    assert (before.period, before.date_to) == (None, 20250228)
    upto = parse(catalog, "Up to the March 2025 list, how many registrations were published?")
    assert (upto.period, upto.date_from, upto.date_to) == (None, None, 20250331)


# -- what a name's count or list is filtered by ------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "intent", "kind"),
    [
        ("How many generative AI services has Xiaomi filed?", "count", "filing"),
        ("小米备案了几个大模型？", "count", "filing"),
        ("Which services has Xiaomi filed so far?", "list", "filing"),
        ("小米登记了几个生成式人工智能服务？", "count", "registration"),
        ("How many services of Xiaomi were approved?", "count", None),
        ("小米有多少个大模型获批？", "count", None),
        ("Has Xiaomi filed a model?", "lookup", None),
    ],
)
def test_filed_counts_and_lists_of_a_name_are_its_filings_approved_is_both(catalog, question, intent, kind):
    query = parse(catalog, question)
    assert (query.intent, query.kind) == (intent, kind)


@pytest.mark.parametrize(
    ("question", "series"),
    [
        ("Which algorithm filings does Kuaishou have?", None),
        ("快手的算法备案编号是多少？", None),
        ("How many algorithm filings are there in Shanghai?", "algorithm"),
        ("在算法和深度合成两类清单里，北京一共有多少条备案？", None),
        ("How many algorithm or deep-synthesis filings come from Hubei?", None),
        ("How many filings do both algorithm lists hold for Zhejiang?", None),
        ("Which recommendation algorithms has Kuaishou filed?", "algorithm"),
    ],
)
def test_the_generic_algorithm_cue_filters_a_series_only_when_nothing_is_named(catalog, question, series):
    query = parse(catalog, question)
    assert query.series == series


@pytest.mark.parametrize(
    "question",
    [
        "Which filed algorithms does Kuaishou rely on?",
        "快手这个应用用到了哪些算法？",
        "What algorithms are used by the Kuaishou app?",
    ],
)
def test_what_an_app_uses_is_read_from_the_products(catalog, question):
    query = parse(catalog, question)
    assert query.intent == "list" and [e.field for e in query.entities] == ["product"]
    assert named(query) == {"快手"}


# -- names the register does not know ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "unknown", "asks"),
    [
        ("Did Poe clear the CAC's generative AI filing?", "Poe", "any"),
        ("Does China's deep-synthesis register include Pika?", "Pika", "any"),
        ("Is Claude 3 among the services on the CAC register?", "Claude 3", "any"),
        ("Which company filed Leonardo.Ai?", "Leonardo.Ai", "company"),
        ("Is Anthropic's model listed by the CAC?", "Anthropic", "any"),
        ("Leonardo.Ai什么时候通过的备案？", "Leonardo.Ai", "date"),
        ("Grok的深度合成算法备案号是多少？", "Grok", "number"),
        ("Pika是否已经登记？", "Pika", "any"),
        ("查询Poe的备案信息", "Poe", "any"),
        ("Pika在深度合成清单里吗？", "Pika", "any"),
        ("Did Mistral's Le Chat get filed?", "Mistral's Le Chat", "any"),
        ("What is the filing date of Poe?", "Poe", "date"),
    ],
)
def test_a_latin_name_in_a_lookup_that_links_to_nothing_is_unknown(catalog, question, unknown, asks):
    query = parse(catalog, question)
    assert (query.intent, query.unknown_name, query.entities, query.asks) == ("lookup", unknown, (), asks)


@pytest.mark.parametrize(
    "question",
    [
        "What number did the filing get?",
        "Under which number was the algorithm filed?",
        "算法备案编号是什么？",
    ],
)
def test_a_lookup_of_nothing_in_particular_is_not_a_register_question(catalog, question):
    assert parse_register_question(question, catalog) is None


def test_a_yes_no_question_with_filters_lists_the_rows(catalog):
    query = parse(catalog, "Were any generative AI services registered in Qinghai during 2025?")
    assert (query.intent, query.province, query.date_from, query.date_to) == ("list", "青海", 20250101, 20251231)


# -- renamed companies -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "wants"),
    [
        ("What was 后来科技有限公司's name before the change?", "old"),
        ("What did 后来科技有限公司 use to be called?", "old"),
        ("后来科技有限公司的曾用名是什么？", "old"),
        ("What is 更早科技有限公司 known as now?", "new"),
        ("更早科技有限公司改名为什么了？", "new"),
        ("更早科技有限公司现在的名称是什么？", "new"),
        ("Which company did 更早科技有限公司 become?", "new"),
    ],
)
def test_a_rename_question_says_which_name_it_wants(group_catalog, question, wants):
    query = parse(group_catalog, question)
    assert (query.intent, query.asks, query.renamed_wants) == ("lookup", "renamed", wants)
    assert "后来科技有限公司" in named(query, "company")


# -- which rows a linked name stands for -------------------------------------------------------------------


@pytest.fixture(scope="module")
def group_catalog() -> NameCatalog:
    rows, aliases = group_rows()
    return NameCatalog(rows, aliases)


def test_a_group_name_is_its_companies_and_also_the_services_named_for_it(group_catalog):
    query = parse(group_catalog, "How many algorithms has Jiayi filed?")
    [entity] = query.entities
    assert (entity.field, entity.values) == ("company", ("甲乙科技有限公司",))
    assert [(also.field, also.values) for also in entity.also] == [("name", ("甲乙视频推荐算法",))]


def test_a_service_brand_is_its_services_and_also_the_company_running_them(group_catalog):
    query = parse(group_catalog, "When was Wenyu filed?")
    [entity] = query.entities
    assert (entity.field, entity.values) == ("name", ("问语大模型",))
    assert [(also.field, also.values) for also in entity.also] == [("company", ("问语智能科技有限公司",))]


def test_a_name_as_the_register_spells_it_stands_for_itself_only(group_catalog):
    query = parse(group_catalog, "问语大模型是哪天备案的？")
    assert [(e.field, e.values, e.also) for e in query.entities] == [("name", ("问语大模型",), ())]
    company = parse(group_catalog, "旧名科技有限公司登记了哪些服务？")
    assert [(e.field, e.values) for e in company.entities] == [("company", ("旧名科技有限公司",))]


def test_the_rename_direction_and_the_also_field_are_in_the_query_json(group_catalog):
    data = parse(group_catalog, "What was 新名科技有限公司 called before?").to_dict()
    assert (data["asks"], data["renamed_wants"]) == ("renamed", "old")
    assert data["entities"][0]["also"] == ()


@pytest.mark.parametrize("question", ["How many companies have changed their names?", "一共有多少家公司更名？"])
def test_counting_renamed_companies_counts_the_renames(catalog, question):
    query = parse(catalog, question)
    assert (query.intent, query.asks) == ("count", "renamed")


@pytest.mark.parametrize(
    ("question", "date_from", "date_to"),
    [
        ("How many services were registered in the second quarter of 2025?", 20250401, 20250630),
        ("Which services were filed in Q4 2024?", 20241001, 20241231),
        ("2025年下半年登记了多少项服务？", 20250701, 20251231),
        ("2024年第三季度备案了哪些大模型？", 20240701, 20240930),
        ("How many filings came in the first half of 2026?", 20260101, 20260630),
    ],
)
def test_quarters_and_half_years_are_ranges_of_months(catalog, question, date_from, date_to):
    query = parse(catalog, question)
    assert (query.date_from, query.date_to, query.period) == (date_from, date_to, None)


def test_this_year_and_last_year_count_from_today():
    today = dt.date(2026, 3, 1)
    [last] = find_dates("去年备案了多少个？", today)
    [this] = find_dates("How many were filed this year?", today)
    assert (last.date_from, last.date_to, this.date_from, this.date_to) == (20250101, 20251231, 20260101, 20261231)


def test_this_month_and_last_month_count_from_today_across_a_new_year():
    today = dt.date(2026, 1, 15)
    [last] = find_dates("上个月备案了多少个？", today)
    [this] = find_dates("What got registered this month?", today)
    [previous] = find_dates("How many were approved last month?", today)
    assert (last.date_from, last.date_to, previous.date_from) == (20251201, 20251231, 20251201)
    assert (this.date_from, this.date_to, this.grain) == (20260101, 20260131, "month")
    assert [d.grain for d in find_dates("the last month of 2025", today)] == ["year"]


def test_companies_that_changed_names_are_listed_as_renames(catalog):
    query = parse(catalog, "哪些公司改过名？")
    assert (query.intent, query.asks) == ("list", "renamed")


@pytest.mark.parametrize(
    ("question", "unknown"),
    [
        ("Has Apple's Siri cleared the CAC filing?", "Apple's Siri"),
        ("字节跳动的Seedance有没有备案？", "字节跳动的Seedance"),
    ],
)
def test_a_known_owner_of_an_unknown_latin_name_does_not_stand_in_for_it(catalog, question, unknown):
    query = parse(catalog, question)
    assert (query.unknown_name, query.entities) == (unknown, ())


def test_an_owner_of_a_generic_word_is_still_the_name_asked_about(catalog):
    query = parse(catalog, "Has Baidu's AI assistant been filed?")
    assert not query.unknown_name and "北京百度网讯科技有限公司" in named(query, "company")


@pytest.mark.parametrize(
    ("question", "province"),
    [
        ("广东的大模型都备案了吗？", "广东"),
        ("青海有深度合成算法备案吗？", "青海"),
        ("Does Hainan have any deep-synthesis filings?", "海南"),
    ],
)
def test_a_place_asked_about_is_a_filter_not_an_unknown_name(catalog, question, province):
    query = parse(catalog, question)
    assert (query.intent, query.province, query.unknown_name) == ("list", province, "")


def test_an_unknown_name_after_a_place_is_still_unknown(catalog):
    query = parse(catalog, "Is Hainan's Foobar Chat filed?")
    assert (query.unknown_name, query.province) == ("Foobar Chat", "海南")


@pytest.mark.parametrize("question", ["Which algorithms is the 丁丁 app using?", "丁丁这个应用用了哪些算法？"])
def test_an_app_named_where_a_question_asks_what_it_uses_is_found_even_when_short(group_catalog, question):
    query = parse(group_catalog, question)
    assert query.intent == "list" and [(e.field, e.values) for e in query.entities] == [("product", ("丁丁",))]


def test_an_app_the_register_does_not_know_is_unknown(group_catalog):
    query = parse(group_catalog, "Which algorithms does the Foobar app use?")
    assert (query.intent, query.unknown_name, query.entities) == ("list", "Foobar", ())


@pytest.mark.parametrize("question", ["Is AI助手 part of the CAC's register?", "Is AI助手 among the filed services?"])
def test_a_generic_register_name_in_an_english_sentence_is_looked_up(catalog, question):
    query = parse(catalog, question)
    assert query.intent == "lookup" and named(query, "name") == {"AI助手"}


@pytest.mark.parametrize(
    ("question", "date_from", "date_to"),
    [
        ("How many services were registered between February and April 2025?", 20250201, 20250430),
        ("Which services were filed from October to December 2024?", 20241001, 20241231),
        ("2025年6月至8月备案了多少个大模型？", 20250601, 20250831),
        ("How many services were filed since 2025-03?", 20250301, None),
    ],
)
def test_two_months_of_one_year_are_one_closed_range(catalog, question, date_from, date_to):
    query = parse(catalog, question)
    assert (query.date_from, query.date_to) == (date_from, date_to)


def test_a_follow_up_asking_the_old_name_keeps_the_company_and_says_which_name(group_catalog):
    first = parse(group_catalog, "后来科技有限公司备案了哪些算法？")
    follow = parse(group_catalog, "那它以前叫什么？", first)
    assert (follow.asks, follow.renamed_wants) == ("renamed", "old")
    assert "后来科技有限公司" in named(follow, "company")


@pytest.mark.parametrize("question", ["生成式人工智能备案数量的变化趋势", "Plot the trend of algorithm filings"])
def test_the_trend_of_the_filings_is_a_chart(catalog, question):
    assert parse(catalog, question).intent == "chart"


def test_a_trend_of_something_else_goes_to_the_documents(catalog):
    assert parse_register_question("生成式人工智能行业的发展趋势如何？", catalog) is None
