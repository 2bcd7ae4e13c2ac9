"""Reading a question's constraints (English and Chinese) and checking sentences against them."""

import pytest

from bot.constraints import SentenceContext, describe, numbers_in, read_constraints, violation


def test_english_question_years_numbers_and_names_are_read():
    c = read_constraints("How many of the 14 services approved in January 2024 came from Beijing?", "en")
    assert c.years == ("2024",)
    assert c.numbers == ("14",)
    assert c.entities == ("Beijing",)


def test_the_first_word_and_month_names_are_not_names():
    c = read_constraints("When did Northwind open Aurora Chat to the public in September 2023?", "en")
    assert c.entities == ("Northwind", "Aurora Chat")


def test_a_name_keeps_its_inner_of():
    c = read_constraints("Which model did the Institute of Oceanography get approved?", "en")
    assert "Institute of Oceanography" in c.entities


def test_days_of_the_month_and_article_numbers_are_not_quantities():
    assert numbers_in("By 31 March 2025 under Article 7 and TC260-003, 346 services", skip_years=True) == ["346"]


def test_number_words_and_thousands_are_read_as_digits():
    assert numbers_in("seven bodies and 85,000 clients") == ["85000", "7"]


@pytest.mark.parametrize(
    ("question", "asked", "phrase"),
    [
        ("Which US states have approved Chinese LLMs?", "states", "US states"),
        ("What was the Shanghai AI Lab's budget in 2023?", "budget", "budget"),
        ("What was the budget of the Shanghai AI Lab?", "budget", "budget"),
        ("Which European regulators approved it?", "regulators", "European regulators"),
        ("Which publication reported that Huawei's filing was pending?", None, None),
        ("What accord settled the quarrel?", None, None),
        ("What did ByteDance get approved?", None, None),
        ("In what year did the rules take effect?", None, None),
    ],
)
def test_the_set_or_attribute_asked_about_is_read(question, asked, phrase):
    c = read_constraints(question, "en")
    assert (c.asked, c.asked_phrase) == (asked, phrase)


def test_chinese_question_years_numerals_and_places_are_read():
    c = read_constraints("北京在2024年1月有十四款大模型获批吗？", "zh")
    assert c.years == ("2024",)
    assert c.numbers == ("14",)
    assert "北京" in c.entities


def test_chinese_numerals_inside_a_name_are_not_quantities():
    assert numbers_in("文心一言和三家公司", skip_years=True) == ["3"]


def test_chinese_which_question_names_its_set():
    c = read_constraints("哪些美国州批准了中国大模型？", "zh")
    assert c.asked == "州"
    assert "美国" in c.entities


def test_a_sentence_with_another_year_breaks_the_year():
    c = read_constraints("How much did sales grow in 2021?", "en")
    broken = violation(c, SentenceContext("Sales grew 5% in 2022.", title="Sales"))
    assert broken is not None and (broken.kind, broken.asked, broken.found) == ("year", "2021", ("2022",))
    assert describe(broken, "en") == "The documents give 2022, not 2021:"


def test_the_year_may_come_from_the_heading_the_previous_sentence_or_the_document_date():
    c = read_constraints("How much did sales grow in 2021?", "en")
    assert violation(c, SentenceContext("Sales grew 5%.", heading="Results for 2021")) is None
    assert violation(c, SentenceContext("Sales grew 5%.", previous="The year 2021 was good.")) is None
    assert violation(c, SentenceContext("Sales grew 5%.", as_of="2021-12-31")) is None


def test_a_name_missing_from_the_sentence_and_its_context_is_broken():
    c = read_constraints("What title did Duke Aldric II take in the Marren Isles?", "en")
    sentence = "Duke Aldric III took the title of Lord of the Marren Isles."
    broken = violation(c, SentenceContext(sentence, passage=sentence))
    assert broken is not None and (broken.kind, broken.asked) == ("entity", "Duke Aldric II")


def test_a_shortened_name_still_counts():
    c = read_constraints("What did the Harbour AI Lab release?", "en")
    sentence = "The Harbour AI Laboratory released a model."
    assert violation(c, SentenceContext(sentence, passage=sentence)) is None


def test_united_states_names_no_state():
    c = read_constraints("Which US states have approved Chinese LLMs?", "en")
    sentence = "According to CLSA, the United States held about 50% of the world's LLMs, and Chinese LLMs 40%."
    broken = violation(c, SentenceContext(sentence, passage=sentence))
    assert broken is not None and broken.kind == "asked" and broken.asked == "US states"
    assert describe(broken, "en").startswith("The documents don't mention US states")


def test_names_are_not_checked_across_languages():
    c = read_constraints("What did Baidu release?", "en")
    assert violation(c, SentenceContext("百度发布了文心一言。", language="zh")) is None


def test_chinese_sentence_must_name_the_place_asked_about():
    c = read_constraints("上海有多少款大模型获批？", "zh")
    assert violation(c, SentenceContext("北京有14款大模型获批。", language="zh")) is not None
    assert violation(c, SentenceContext("上海有3款大模型获批。", language="zh")) is None


def test_chinese_year_mismatch_is_said_in_chinese():
    c = read_constraints("2021年的销售额是多少？", "zh")
    broken = violation(c, SentenceContext("2022年销售额为5亿元。", language="zh"))
    assert broken is not None
    assert describe(broken, "zh") == "文档给出的是2022年的情况，不是2021年的："


def test_a_chinese_which_question_without_a_name_asks_about_no_set():
    assert read_constraints("哪家公司开发了它？", "zh").asked is None


def test_a_name_said_earlier_in_the_passage_counts():
    c = read_constraints("When did Queen Elinor of Harrowdale die?", "en")
    passage = "Queen Elinor of Harrowdale ruled the valley. She was a patron of the arts. She died in 1332."
    assert (
        violation(c, SentenceContext("He died in 1332.", previous="He was a patron of the arts.", passage=passage))
        is None
    )


def test_a_word_of_the_same_kind_names_the_set():
    c = read_constraints("Which Beijing organisations were in the first batch?", "en")
    sentence = "The first batch held eight entities, five of them based in Beijing."
    assert c.asked == "organisations"
    assert violation(c, SentenceContext(sentence, passage=sentence)) is None


def test_a_clause_comma_before_a_year_and_a_whole_year_in_chinese_are_read_right():
    c = read_constraints("据统计，2025年12月有多少用户？一年新增了多少？", "zh")
    assert c.years == ("2025",) and c.numbers == ()


@pytest.mark.parametrize(
    "question",
    [
        "哪些单位起草了TC260-003-2024这份标准？",
        "GB/T 45654-2025的正式版本是什么时候发布的？",
        "起草GB/T45674的是哪家机构？",
    ],
)
def test_a_standards_code_written_right_after_chinese_text_is_a_name_not_a_figure(question):
    assert read_constraints(question, "zh").numbers == ()


@pytest.mark.parametrize(
    ("question", "numbers"),
    [
        ("一家只调用API的公司要办什么手续？", ()),
        ("那一批名单里有哪些上海的公司？", ()),
        ("每一款应用都要显示模型名称吗？", ()),
        ("十一家公司在哪个月获批？", ("11",)),
        ("这一批一共有十四个模型吗？", ("14",)),
    ],
)
def test_a_lone_yi_before_a_measure_word_is_the_article_not_a_count(question, numbers):
    assert read_constraints(question, "zh").numbers == numbers


def test_an_acronym_must_be_spelt_exactly():
    c = read_constraints("When was the FRMA set up?", "en")
    longer = "The FRAMA was set up in 1961 to run the river ferries."
    assert violation(c, SentenceContext(longer, passage=longer)) is not None
    exact = "The FRMA was set up in 1961 to run the river ferries."
    assert violation(c, SentenceContext(exact, passage=exact)) is None


def test_a_route_or_model_label_right_after_chinese_text_is_no_quantity():
    assert numbers_in("乘坐渡轮58K线可以到达码头", skip_years=True) == []
    assert read_constraints("渡轮58K线每天开几班？", "zh").numbers == ()
