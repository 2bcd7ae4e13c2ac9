"""Register questions phrased in ways the parser once missed, one group per cause, each checked on several
phrasings of our own: "算法" is not a law, dates are filters and never names, the latest list said in other
words, the name a company goes by today, lookups asked with a verb, names the register does not know written
in lower case or as a fragment, series named outright, and the lists of a year."""

from __future__ import annotations

import pytest
from register_rows import algorithm_rows, genai_rows, group_rows

from bot.register.names import NameCatalog
from bot.register.parse import parse_register_question
from bot.register.query import RegisterQuery


@pytest.fixture(scope="module")
def catalog() -> NameCatalog:
    return NameCatalog.from_rows(genai_rows() + algorithm_rows())


def parse(catalog: NameCatalog, question: str) -> RegisterQuery:
    parsed = parse_register_question(question, catalog, None)
    assert parsed is not None, question
    return parsed


# -- 算法 ends in 法 but is not a law ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question, series, province",
    [
        ("浙江的互联网信息服务算法总共有几条？", "algorithm", "浙江"),
        ("廣東的深度合成算法共有幾條", "deep-synthesis", "广东"),
        ("湖南备案的算法一共多少条", "algorithm", "湖南"),
    ],
)
def test_counting_algorithms_by_the_item_is_a_register_count(catalog, question, series, province):
    query = parse(catalog, question)
    assert (query.intent, query.series, query.province) == ("count", series, province)


def test_counting_the_articles_of_a_measure_still_goes_to_the_documents(catalog):
    assert parse_register_question("深度合成管理规定一共有几条？", catalog, None) is None


# -- a date is a filter, never the name asked about --------------------------------------------------------


@pytest.mark.parametrize(
    "question, day, kind",
    [
        ("What was registered on 9 October 2025?", 20251009, "registration"),
        ("Anything filed on 2nd March 2025?", 20250302, "filing"),
        ("Show what got filed on the 21 of April 2026", 20260421, "filing"),
    ],
)
def test_a_day_in_an_english_question_picks_rows_and_names_nothing(catalog, question, day, kind):
    query = parse(catalog, question)
    assert (query.intent, query.unknown_name, query.entities) == ("list", "", ())
    assert (query.date_from, query.date_to, query.kind) == (day, day, kind)


@pytest.mark.parametrize(
    "question, period, category",
    [
        ("2022年10月公布的算法清单里个性化推送类的有哪些", "2022-10", "个性化推送类"),
        ("2022年8月發布的算法清單中屬於生成合成類的算法", "2022-08", "生成合成类"),
    ],
)
def test_a_list_month_with_a_class_lists_that_class_in_that_list(catalog, question, period, category):
    query = parse(catalog, question)
    assert (query.intent, query.unknown_name, query.period, query.category) == ("list", "", period, category)


# -- the latest list, in other words -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "question, kind",
    [
        ("最新发布的那份生成式人工智能清单里有多少项备案？", "filing"),
        ("最近公示的名单中登记了多少个？", "registration"),
        ("How many registrations does the most recently published list hold?", "registration"),
        ("How many filings were in the list issued most recently?", "filing"),
    ],
)
def test_the_latest_list_said_in_other_words_is_that_list(catalog, question, kind):
    query = parse(catalog, question)
    assert (query.intent, query.kind, query.period) == ("count", kind, "2026-08")


@pytest.mark.parametrize("question", ["最近备案的服务有哪些？", "Which services were filed most recently?"])
def test_filed_most_recently_is_the_latest_date_not_the_latest_list(catalog, question):
    query = parse(catalog, question)
    assert (query.intent, query.period) == ("latest", None)


# -- the name a renamed company goes by today --------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "What name does 上海识装信息科技有限公司 go by today?",
        "what is 上海识装信息科技有限公司 called nowadays",
        "What name is 上海识装信息科技有限公司 using now?",
        "上海识装信息科技有限公司目前叫什么？",
        "上海识装信息科技有限公司如今的名称是什么",
        "上海识装信息科技有限公司的新主体名称叫什么",
        "上海識裝信息科技有限公司變更後的公司名稱是？",
        "上海识装信息科技有限公司的新的企业名字",
    ],
)
def test_the_name_a_company_goes_by_now_is_its_new_name(catalog, question):
    query = parse(catalog, question)
    assert (query.intent, query.asks, query.renamed_wants) == ("lookup", "renamed", "new")


# -- asking to have a name looked up -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "could you look up WenXinYiYan",
        "pull up the entry for WenXinYiYan please",
        "Search for WenXinYiYan in the lists",
        "请帮我查找文心一言",
    ],
)
def test_asking_to_look_a_name_up_is_a_lookup(catalog, question):
    query = parse(catalog, question)
    assert query.intent == "lookup" and "文心一言" in {v for e in query.entities for v in e.values}


def test_an_alias_spelled_in_pinyin_links_even_when_a_list_also_uses_its_chinese(catalog):
    query = parse(catalog, "look XiaoAiTongXue up for me")
    assert {v for e in query.entities for v in e.values} == {"小爱同学AI助手"}


def test_telling_about_a_service_without_filing_words_stays_with_the_documents(catalog):
    assert parse_register_question("Tell me about ERNIE Bot", catalog, None) is None


# -- a name the register does not know, written plainly ----------------------------------------------------


@pytest.mark.parametrize(
    "question, name",
    [
        ("Zapier filed with the CAC?", "Zapier"),
        ("grammarly registered in china?", "grammarly"),
        ("has jasper completed its generative ai filing", "jasper"),
        ("Did Synthesia pass the registration?", "Synthesia"),
        ("has descript's algorithm been filed", "descript"),
        ("notion ai service filing number", "notion ai"),
        ("Canva filing date?", "Canva"),
    ],
)
def test_a_name_the_register_does_not_know_is_asked_about_not_dropped(catalog, question, name):
    query = parse(catalog, question)
    assert (query.intent, query.unknown_name, query.entities) == ("lookup", name, ())


@pytest.mark.parametrize(
    "question",
    ["Which services filed with the CAC in May 2025?", "What got registered with the CAC in June 2025?"],
)
def test_a_question_word_before_filed_is_not_a_name(catalog, question):
    assert parse(catalog, question).unknown_name == ""


# -- a series named outright is the series counted ---------------------------------------------------------


def _answerer(rows):
    from bot.register.answer import RegisterAnswerer

    return RegisterAnswerer(_RowsStore(rows), lambda rows: NameCatalog.from_rows(rows), parse_register_question)


class _RowsStore:
    """The register store's reading side over rows in memory, filtering as its `where` clauses do."""

    generation = "fixed"

    def __init__(self, rows) -> None:
        self._rows = list(rows)

    def __len__(self) -> int:
        return len(self._rows)

    def rows(self):
        return list(self._rows)

    def as_of(self, series=None):
        return max(r.list.period for r in self._rows if series in (None, r.series))

    def find(self, query):
        def matches(row) -> bool:
            if query.series and row.series != query.series:
                return False
            if query.series_in and row.series not in query.series_in:
                return False
            if query.list_year is not None and not row.list.period.startswith(f"{query.list_year}-"):
                return False
            if query.kind and row.kind != query.kind:
                return False
            if query.period and row.list.period != query.period:
                return False
            return all(any(_row_has(row, part) for part in (entity, *entity.also)) for entity in query.entities)

        return [row for row in self._rows if matches(row)]


def _row_has(row, part) -> bool:
    if part.field == "company":  # as the store: a company's earlier name finds the rows renamed from it
        return row.company in part.values or row.renamed_from in part.values
    return getattr(row, part.field) in part.values


@pytest.mark.parametrize(
    "question, elsewhere",
    [
        ("How many generative AI services has 杭州优卖网络科技有限公司 got on the lists?", "1 filing in the algorithm"),
        ("杭州优卖网络科技有限公司有几项生成式人工智能备案或登记？", "互联网信息服务算法清单中（1项）"),
    ],
)
def test_a_count_of_a_series_named_outright_is_that_series_even_when_it_is_none(question, elsewhere):
    answer = _answerer(genai_rows()[:30] + algorithm_rows()).answer(question, [], "en")
    assert answer.register.total == 0 and not answer.register.rows
    assert elsewhere in answer.answer  # and where its rows are instead


def test_a_lookup_under_the_wrong_series_still_finds_the_name_elsewhere():
    answerer = _answerer(genai_rows()[:30] + algorithm_rows())
    answer = answerer.answer("What is the generative AI filing number of 杭州优卖网络科技有限公司?", [], "en")
    assert [row["number"] for row in answer.register.rows] == ["网信算备330108562416102220027号"]


# -- the lists of a year -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question, year",
    [
        ("How many deep-synthesis algorithms did the 2023 lists carry?", 2023),
        ("Which algorithms were in the lists published in 2022?", 2022),
        ("2022年发布的算法清单里有几条？", 2022),
        ("How many registrations were in 2025's lists?", 2025),
    ],
)
def test_a_year_of_lists_is_the_lists_published_that_year(catalog, question, year):
    query = parse(catalog, question)
    assert (query.list_year, query.date_from, query.date_to, query.period) == (year, None, None, None)


@pytest.mark.parametrize("question", ["How many algorithms were filed in 2024?", "2024年备案的深度合成算法有多少"])
def test_a_year_of_filing_is_still_the_dates_filed(catalog, question):
    query = parse(catalog, question)
    assert (query.list_year, query.date_from, query.date_to) == (None, 20240101, 20241231)


def test_a_year_of_lists_counts_every_list_published_that_year_and_its_download_asks_for_that_year():
    rows = genai_rows()
    published_2024 = [r for r in rows if r.list.period.startswith("2024-")]
    answer = _answerer(rows).answer("How many services appeared in the lists published in 2024?", [], "en")
    assert answer.register.total == len(published_2024) and "year=2024" in answer.register.download


# -- a company's earlier name ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question", ["Which entries does 旧名科技有限公司 have in the lists?", "旧名科技有限公司在清单里有哪些记录？"]
)
def test_a_company_still_filing_under_its_name_owns_only_its_rows_and_hears_of_the_moved_one(question):
    rows, _ = group_rows()
    answer = _answerer(rows).answer(question, [], "en")
    assert [row["number"] for row in answer.register.rows] == ["Beijing-JiuMingZhuShou-20250901S0001"]
    assert "新名图像生成算法" in answer.answer and answer.register.download is None


def test_an_earlier_name_filing_nothing_of_its_own_stands_for_the_company_it_became():
    rows, _ = group_rows()
    answer = _answerer(rows).answer("What has 更早科技有限公司 filed?", [], "en")
    assert [row["name"] for row in answer.register.rows] == ["后来文本生成算法"]


def test_the_rename_itself_is_still_found_under_the_earlier_name():
    rows, _ = group_rows()
    answer = _answerer(rows).answer("What is 旧名科技有限公司 called now?", [], "en")
    assert "新名科技有限公司" in answer.answer


# -- a name the register does not know is never every row ---------------------------------------------------


@pytest.mark.parametrize(
    "question, name",
    [
        ("Which algorithms has Zorbly filed with the regulator?", "Zorbly"),
        ("How many generative AI services does Qwertronic have on the lists?", "Qwertronic"),
        ("Show everything Vexaro Labs has in the register", "Vexaro Labs"),
        ("Tell me the number of Plimsoft's filed algorithms", "Plimsoft"),
    ],
)
def test_an_unknown_name_in_a_count_or_list_is_asked_about_not_dropped(catalog, question, name):
    query = parse(catalog, question)
    assert (query.unknown_name, query.entities) == (name, ())


@pytest.mark.parametrize(
    "question, name",
    [
        ("帮我查一下蓝鲸智写是否在网信办公布的清单里", "蓝鲸智写"),
        ("请问墨语创作助理有没有通过网信办的登记？", "墨语创作助理"),
        ("晨星问答拿到生成式人工智能服务的备案编号了吗", "晨星问答"),
        ("Has Zyphrex cleared China's filing process yet?", "Zyphrex"),
    ],
)
def test_an_unknown_name_asked_about_in_other_words_is_not_in_the_lists(catalog, question, name):
    query = parse(catalog, question)
    assert (query.intent, query.unknown_name) == ("lookup", name)


@pytest.mark.parametrize(
    "question",
    [
        "List the generative AI filings from Hunan.",
        "How many genAI registrations are there in Beijing?",
        "Which deep-synthesis algorithms were in the May 2025 list?",
    ],
)
def test_places_months_and_series_words_are_never_taken_for_a_name(catalog, question):
    assert parse(catalog, question).unknown_name == ""


def test_the_approval_process_itself_still_goes_to_the_documents(catalog):
    assert parse_register_question("What is the approval process for generative AI services?", catalog) is None


def test_an_unknown_name_gets_not_in_the_lists_and_never_a_row():
    answer = _answerer(genai_rows()[:30] + algorithm_rows()).answer("Which algorithms has Zorbly filed?", [], "en")
    assert answer.register.total == 0 and not answer.register.rows and "Zorbly" in answer.answer


# -- the internet information service series, in its own words -----------------------------------------------


@pytest.mark.parametrize(
    "question, province",
    [
        ("How many internet information service filings came from Zhejiang?", "浙江"),
        ("Count the internet-information-service filings of Sichuan", "四川"),
        ("互联网信息服务备案里四川有几条", "四川"),
    ],
)
def test_internet_information_service_filings_are_the_algorithm_series(catalog, question, province):
    query = parse(catalog, question)
    assert (query.intent, query.series, query.province) == ("count", "algorithm", province)


@pytest.mark.parametrize(
    "question, series",
    [
        ("Among firms registered in Guangdong, how many deep synthesis filings are cancelled?", "deep-synthesis"),
        (
            "Of the internet information service records held by companies registered in Hubei, count the revoked ones",
            "algorithm",
        ),
    ],
)
def test_where_a_filer_is_registered_is_a_place_not_the_kind_registration(catalog, question, series):
    query = parse(catalog, question)
    assert (query.series, query.cancelled) == (series, True) and query.kind != "registration"
    assert query.province


# -- filing words users say --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question, asks",
    [
        ("When was 文心一言 green-lit?", "date"),
        ("What's the reference number of 文心一言?", "number"),
        ("Did the regulator sign off on 文心一言?", "any"),
        ("想查抖音个性化推荐算法的网信算备编号", "number"),
    ],
)
def test_filing_words_users_say_make_a_lookup(catalog, question, asks):
    query = parse(catalog, question)
    assert (query.intent, query.asks, len(query.entities)) == ("lookup", asks, 1)


# -- a name's algorithms are its filings in both algorithm series ---------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Which algorithms has 问语智能科技有限公司 filed?",
        "问语智能科技有限公司备案了哪些算法？",
        "List 问语智能科技有限公司's algorithm filings",
    ],
)
def test_a_names_algorithms_are_both_algorithm_series_not_its_generative_ai_services(question):
    rows, _ = group_rows()
    answer = _answerer(rows).answer(question, [], "en")
    assert [row["name"] for row in answer.register.rows] == ["问语图像生成算法"]
    assert "series=algorithm&series=deep-synthesis" in answer.register.download


@pytest.mark.parametrize(
    "question",
    [
        "Show all of 问语智能科技有限公司's filings in the algorithm and deep-synthesis lists",
        "问语智能科技有限公司备案了哪些（算法备案和深度合成都算）？",
        "List 问语智能科技有限公司's deep-synthesis and algorithm filings",
    ],
)
def test_naming_both_algorithm_series_leaves_out_the_generative_ai_services(question):
    rows, _ = group_rows()
    answer = _answerer(rows).answer(question, [], "en")
    assert [row["name"] for row in answer.register.rows] == ["问语图像生成算法"]


def test_what_a_name_has_filed_without_saying_algorithms_is_still_every_series():
    rows, _ = group_rows()
    answer = _answerer(rows).answer("What has 问语智能科技有限公司 filed?", [], "en")
    assert {row["name"] for row in answer.register.rows} == {"问语大模型", "问语图像生成算法"}


# -- a longer name is not the known name it starts with ----------------------------------------------------------


@pytest.mark.parametrize("question", ["松果写诗助手备案了没有？", "松果寫詩助手有沒有登記"])
def test_a_longer_name_after_a_known_service_is_not_that_service(catalog, question):
    query = parse(catalog, question)
    assert (query.unknown_name, query.entities, query.near_names) == ("松果写诗助手", (), ("松果",))


@pytest.mark.parametrize("question", ["松果备案了没有？", "文心一言大模型备案了吗", "文心一言这个服务登记了吗"])
def test_a_known_service_followed_by_what_it_is_is_still_that_service(catalog, question):
    query = parse(catalog, question)
    assert query.unknown_name == "" and len(query.entities) == 1


# -- English names of well-known companies -------------------------------------------------------------------


@pytest.mark.parametrize(
    "question, company",
    [
        ("Which generative AI services has Hikvision filed?", "杭州海康威视数字技术股份有限公司"),
        ("Has Gree Electric got anything approved?", "珠海格力电器股份有限公司"),
        ("What has iReader filed?", "掌阅科技股份有限公司"),
        ("What number did Zhuiyi get for its generative AI service?", "深圳追一科技有限公司"),
        ("Is Anta Sports on the CAC's list?", "安踏体育用品集团有限公司"),
        ("Is there a Datagrand model on the CAC register?", "达观数据有限公司"),
        ("Does China Literature hold a filing number?", "上海阅文信息技术有限公司"),
        ("Has Maimai registered a generative AI feature?", "北京淘友天下科技发展有限公司"),
        ("Which services has Zhidemai filed?", "北京值得买科技股份有限公司"),
        ("Is SoundAI on the CAC's list?", "北京声智科技有限公司"),
        ("What has Tezign registered?", "特赞（上海）信息科技有限公司"),
        ("How many services does ShengShu have on the lists?", "北京生数科技有限公司"),
    ],
)
def test_well_known_companies_are_found_by_their_english_names(question, company):
    from bot.register.aliases import load_aliases

    query = parse(NameCatalog.from_rows(genai_rows(), load_aliases()), question)
    assert [entity.values for entity in query.entities] == [(company,)]


# -- a bracket after a range says whether its end counts, and is no date of its own ------------------------------


@pytest.mark.parametrize(
    "question, date_from, date_to",
    [
        ("照表上日期，2023年12月之前（不含2023年12月）江苏一共几个大模型备案了？", None, 20231130),
        ("2025年3月之前（包括2025年3月），上海登记了几个生成式人工智能服务", None, 20250331),
        ("以日期为准，2024年7月起（含2024年7月），湖南的生成式人工智能备案共几条？", 20240701, None),
        ("2024年7月起（不含2024年7月）北京备案了多少个大模型", 20240801, None),
        ("2025年6月以后（含）浙江有多少生成式人工智能登记", 20250601, None),
        ("How many generative AI services were filed in Beijing before May 2025 (May 2025 included)?", None, 20250531),
        ("Count Shanghai's generative AI filings since March 2024 (not including March 2024).", 20240401, None),
        ("How many generative AI services did Guangdong file until June 2025 (exclusive)?", None, 20250531),
    ],
)
def test_a_bracket_saying_whether_the_end_counts_sets_that_end(catalog, question, date_from, date_to):
    query = parse(catalog, question)
    assert (query.intent, query.date_from, query.date_to) == ("count", date_from, date_to)


# -- a list named by when it was published, and the verbs that ask for its rows ------------------------------------


@pytest.mark.parametrize(
    "question, intent, period",
    [
        (
            "How many generative AI services from Shanghai are in the list the CAC published in March 2025?",
            "count",
            "2025-03",
        ),
        ("Which Beijing filings were in the list that the regulator released in January 2024?", "list", "2024-01"),
        ("麻烦给出2025年3月那份名单中四川的算法备案", "list", "2025-03"),
        ("帮忙数一下2024年8月公布的清单里福建的互联网信息服务算法", "count", "2024-08"),
        ("幫我數一數2025年1月那期清單裡廣東的生成式人工智能備案", "count", "2025-01"),
    ],
)
def test_a_list_named_by_its_month_of_publication_is_that_list(catalog, question, intent, period):
    query = parse(catalog, question)
    assert (query.intent, query.period, query.unknown_name) == (intent, period, "")


@pytest.mark.parametrize(
    "question",
    [
        "请把浙江的生成式人工智能服务登记清单给我",
        "給我一份北京的生成式人工智能備案名單",
        "请给出上海的深度合成服务算法备案",
    ],
)
def test_asking_to_be_given_the_list_is_a_list(catalog, question):
    query = parse(catalog, question)
    assert (query.intent, query.unknown_name) == ("list", "")


# -- a name asked about after the list it would be in, or with a filing ever made --------------------------------


@pytest.mark.parametrize(
    "question, name, series",
    [
        ("网信办的名单里能找到青木写作助手吗？", "青木写作助手", None),
        ("深度合成算法清單上有沒有飛鳥寫真", "飞鸟写真", "deep-synthesis"),
        ("生成式人工智能备案清单里查得到云栖对话吗", "云栖对话", "genai"),
        ("请问星河茶饮以前向网信办备案过个性化推送算法没有", "星河茶饮", "algorithm"),
        ("远山教育有没有登记过生成式人工智能服务", "远山教育", "genai"),
    ],
)
def test_a_name_in_no_list_asked_about_by_the_list_is_not_in_the_register(catalog, question, name, series):
    query = parse(catalog, question)
    assert (query.intent, query.unknown_name, query.entities, query.series) == ("lookup", name, (), series)


@pytest.mark.parametrize("question", ["网信办的清单里能查到抖音吗", "抖音在网信办备案过推荐算法吗"])
def test_a_known_name_asked_about_by_the_list_is_that_name(catalog, question):
    query = parse(catalog, question)
    assert (query.intent, query.unknown_name, len(query.entities)) == ("lookup", "", 1)


@pytest.mark.parametrize("question", ["网信办的清单里有北京的吗", "深度合成算法清单里有多少条"])
def test_a_place_or_a_count_after_the_list_is_no_name(catalog, question):
    assert parse(catalog, question).unknown_name == ""


# -- open date ranges, in words on either side of the date and in three languages -------------------------------


@pytest.mark.parametrize(
    "question, date_from, date_to",
    [
        (
            "How many services were filed from March 2025 on (by the date in the list, March 2025 included)?",
            20250301,
            None,
        ),
        ("Which Tianjin services were registered June 2025 onwards?", 20250601, None),
        ("How many filings from Hubei dated 2025 and later?", 20250101, None),
        ("Count Beijing filings dated 12 May 2025 or later", 20250512, None),
        ("List Shanghai registrations from 2024 or earlier", None, 20241231),
        ("以清单上的日期为准，2025年4月及以后湖北一共备案了几个大模型？", 20250401, None),
        ("照清單上的日期算，2025年1月及以後陝西登記過幾個大模型？", 20250101, None),
        ("2025年3月及以前上海备案了多少个生成式人工智能服务", None, 20250331),
        ("2025年6月以后广东备案的生成式人工智能服务有多少", 20250701, None),
        ("2025年6月之後（含6月）廣東登記了多少生成式人工智能服務", 20250601, None),
        ("How many services were filed after May 2025 (May 2025 excluded)?", 20250601, None),
        ("How many services were filed before May 2025 (by list date, May 2025 included)?", None, 20250531),
    ],
)
def test_an_open_date_range_is_read_from_the_words_around_its_date(catalog, question, date_from, date_to):
    query = parse(catalog, question)
    assert (query.date_from, query.date_to, query.period) == (date_from, date_to, None)


@pytest.mark.parametrize(
    "question, period",
    [
        ("number of Hunan generative AI services filed in the batch the CAC published in June 2026", "2026-06"),
        ("Which services were in the batch published in May 2026?", "2026-05"),
        ("List the registrations in the batch that the regulator released in August 2025", "2025-08"),
    ],
)
def test_a_batch_named_by_when_it_was_published_is_that_list(catalog, question, period):
    query = parse(catalog, question)
    assert (query.period, query.date_from, query.date_to, query.batch) == (period, None, None, False)


# -- a name in no list is asked about, whatever it is said to be and whatever it ends with ------------------------


@pytest.mark.parametrize(
    "question, name",
    [
        ("Can I find WhatsApp's feed-sorting algorithm on record in China?", "WhatsApp"),
        ("Is a recommendation algorithm of Naver on record with the regulator?", "Naver"),
        ("Does Reddit have a ranking algorithm on the record in China?", "Reddit"),
    ],
)
def test_a_foreign_name_on_record_with_the_regulator_is_asked_about_not_dropped(catalog, question, name):
    query = parse(catalog, question)
    assert (query.unknown_name, query.entities) == (name, ())


@pytest.mark.parametrize(
    "question, name, near",
    [
        ("砚台松果有没有在网信办完成生成式人工智能备案？", "砚台松果", "松果"),
        ("请问墨川松果备案了吗", "墨川松果", "松果"),
        ("星澜AI作文登記了嗎", "星澜AI作文", "AI作文"),
    ],
)
def test_a_longer_name_ending_in_a_known_service_is_not_that_service(catalog, question, name, near):
    query = parse(catalog, question)
    assert (query.unknown_name, query.entities, query.near_names) == (name, (), (near,))


@pytest.mark.parametrize("question", ["请问松果备案了吗", "上海的松果备案了吗", "查一下文心一言登记了没有"])
def test_a_known_service_after_the_questions_own_words_or_a_place_is_still_that_service(catalog, question):
    query = parse(catalog, question)
    assert query.unknown_name == "" and len(query.entities) == 1


# -- lookups asked in other words: who is behind it, whose it is, how long ago ----------------------------------


@pytest.mark.parametrize(
    "question, asks",
    [
        ("坤安大模型背后的备案单位是谁？", "company"),
        ("希沃集思大模型幕后的公司是哪家公司", "company"),
        ("Whose service is 坤安大模型? I mean the one on the CAC list", "company"),
        ("Whose model is 希沃集思大模型?", "company"),
        ("How long ago did 坤安大模型 get its filing, on what day?", "date"),
        ("How long ago did 希沃集思大模型 get registered?", "date"),
    ],
)
def test_who_is_behind_a_service_and_how_long_ago_it_was_filed_are_lookups(catalog, question, asks):
    query = parse(catalog, question)
    assert (query.intent, query.asks, query.unknown_name, len(query.entities)) == ("lookup", asks, "", 1)


@pytest.mark.parametrize(
    "question", ["How long does a filing take?", "What does filing mean?", "How long is the registration process?"]
)
def test_how_long_the_process_takes_and_what_words_mean_still_go_to_the_documents(catalog, question):
    assert parse_register_question(question, catalog, None) is None


@pytest.mark.parametrize(
    "question",
    [
        "Which algorithm filings belong to 问语智能科技有限公司, recommendation and deep synthesis alike?",
        "List the ranking and deep-synthesis algorithms of 问语智能科技有限公司 together",
    ],
)
def test_an_algorithm_kind_with_deep_synthesis_alike_is_both_algorithm_series(catalog, question):
    query = parse(catalog, question)
    assert (query.series, query.series_in, query.category) == (None, ("algorithm", "deep-synthesis"), "")
    rows, _ = group_rows()
    answer = _answerer(rows).answer(question, [], "en")
    assert [row["name"] for row in answer.register.rows] == ["问语图像生成算法"]


@pytest.mark.parametrize(
    "question", ["中铝集团旗下的坤安大模型备案号是多少", "谁家的产品叫坤安大模型？清单上写的是哪个单位"]
)
def test_an_owner_or_question_words_before_a_known_service_are_no_part_of_its_name(catalog, question):
    query = parse(catalog, question)
    assert query.unknown_name == "" and "坤安大模型" in [entity.text for entity in query.entities]


# -- a company's trade name in pinyin, written as one word -------------------------------------------------------


@pytest.mark.parametrize(
    "question", ["Which services has Zhidemai filed?", "List the filings of zhidemai", "Is ZhiDeMai on the CAC list?"]
)
def test_a_companys_trade_name_in_pinyin_finds_the_company(catalog, question):
    query = parse(catalog, question)
    assert [entity.values for entity in query.entities] == [("北京值得买科技股份有限公司",)]


@pytest.mark.parametrize(
    "company, trade",
    [
        ("北京值得买科技股份有限公司", "值得买"),
        ("北京生数科技有限公司", ""),  # two characters: toneless pinyin too often shared (xinhua: 新华, 芯画)
        ("清华大学", ""),
        ("深圳市腾讯计算机系统有限公司", ""),  # 腾讯 once the trade words are off
        ("上海米哈游姬米花科技有限公司", "米哈游姬米花"),
    ],
)
def test_only_a_trade_name_of_three_characters_or_more_is_romanised(company, trade):
    from bot.register.short_names import trade_name

    assert trade_name(company) == trade


# -- a city, where the lists give provinces; a ranking of provinces -----------------------------------------


@pytest.mark.parametrize(
    "question, province",
    [
        ("Which services from Hangzhou were approved?", "浙江"),
        ("How many deep-synthesis algorithms come from Shenzhen?", "广东"),
        ("成都有多少个生成式人工智能服务备案？", "四川"),
        ("武漢備案了哪些大模型", "湖北"),
    ],
)
def test_a_city_is_read_as_its_province_and_the_answer_says_so(catalog, question, province):
    query = parse(catalog, question)
    assert (query.province, query.unknown_name) == (province, "")
    assert any(note.startswith("city ") for note in query.notes)


def test_a_city_that_begins_a_name_is_part_of_the_name(catalog):
    query = parse(catalog, "Has 南京大学 filed anything?")
    assert query.province is None and query.unknown_name == "南京大学"


def test_the_answer_about_a_city_says_the_lists_give_provinces():
    answer = _answerer(genai_rows()).answer("How many services from Guangzhou are on the lists?", [], "en")
    assert answer.answer.startswith("The lists give the province, not the city: Guangzhou is in Guangdong")
    assert answer.register.query["province"] == "广东"


@pytest.mark.parametrize(
    "question",
    [
        "Top provinces by number of generative AI filings",
        "Which province has the most deep-synthesis filings?",
        "各省排名：生成式人工智能备案",
        "Rank the provinces by algorithm filings",
    ],
)
def test_a_ranking_of_provinces_is_a_chart_by_province(catalog, question):
    query = parse(catalog, question)
    assert (query.intent, query.group_by) == ("chart", "province")


# -- words around a name: "对应的", "a list of", algorithm classes written with hyphens -------------------------


@pytest.mark.parametrize(
    "question", ["文心一言对应的备案号是多少？", "文心一言對應的備案編號", "文心一言相应的备案编号是什么"]
)
def test_corresponding_after_a_name_is_not_part_of_it(catalog, question):
    query = parse(catalog, question)
    assert query.unknown_name == "" and query.entities and query.entities[0].text == "文心一言"


@pytest.mark.parametrize(
    "question",
    [
        "I need a list of the registered generative AI services of 问语智能科技有限公司",
        "Spell out the filings of 问语智能科技有限公司",
    ],
)
def test_a_list_of_or_spell_out_asks_for_the_rows(catalog, question):
    assert parse(catalog, question).intent == "list"


@pytest.mark.parametrize(
    "question, category",
    [
        ("Which algorithms from Zhejiang are in the personalised-push class?", "个性化推送类"),
        ("How many information-retrieval algorithms from Beijing are filed?", "信息检索类"),
        ("List the search-and-filter algorithms filed in Shanghai", "检索过滤类"),
        ("Count the generation-and-synthesis algorithms of Guangdong", "生成合成类"),
    ],
)
def test_algorithm_classes_written_with_hyphens(catalog, question, category):
    assert parse(catalog, question).category == category


# -- another name before; registered in the register ---------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "问语智能科技有限公司 used to have another name. Which?",
        "Did 问语智能科技有限公司 once go by a different name?",
        "What name did 问语智能科技有限公司 go by before?",
    ],
)
def test_another_name_before_asks_for_the_old_name(catalog, question):
    query = parse(catalog, question)
    assert (query.asks, query.renamed_wants) == ("renamed", "old")


@pytest.mark.parametrize(
    "question, kind",
    [
        ("How many registered generative AI services from Hubei does the register hold?", "registration"),
        ("What number of generative AI services got registered in Hubei, per the registry?", "registration"),
        ("How many generative AI services from Hubei are registered in the CAC's register?", None),
    ],
)
def test_registered_is_a_registration_unless_it_only_says_the_row_is_in_the_register(catalog, question, kind):
    assert parse(catalog, question).kind == kind
