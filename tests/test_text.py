"""Unit tests: language detection, sentence spans and keyword tokens."""

from bot.text import detect_language, keyword_tokens, one_edit_apart, sentence_spans


def _sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in sentence_spans(text)]


def test_english_sentences_split_at_full_stops_but_not_abbreviations():
    text = "The U.S. share was 50%. Order No. 15 was issued, e.g. by the CAC! Was it? Yes."
    assert _sentences(text) == [
        "The U.S. share was 50%.",
        "Order No. 15 was issued, e.g. by the CAC!",
        "Was it?",
        "Yes.",
    ]


def test_chinese_sentences_split_at_chinese_punctuation():
    text = "会议于周一召开。共有三项议程！结论是什么？"
    assert _sentences(text) == ["会议于周一召开。", "共有三项议程！", "结论是什么？"]


def test_paragraphs_and_list_items_end_sentences_even_without_punctuation():
    text = "A heading-less line\n\n- first item\n- second item"
    assert _sentences(text) == ["A heading-less line", "first item", "second item"]


def test_sentence_spans_are_offsets_into_the_original_text():
    text = "  Leading space. 然后是中文。"
    for span in sentence_spans(text, 2):
        assert text[span.start : span.end].strip() == text[span.start : span.end]
    assert [text[s.start : s.end] for s in sentence_spans(text, 2)] == ["Leading space.", "然后是中文。"]


def test_language_detection():
    assert detect_language("这份文件是谁写的？") == "zh"
    assert detect_language("这篇报道讲了什么？") == "zh"
    assert detect_language("What does this document say?") == "en"
    assert detect_language("What is Zhipu's GLM called in Chinese, 智谱清言?") == "en"


def test_keyword_tokens_stem_english_and_keep_numbers():
    assert keyword_tokens("How many models were approved in March 2019?") == ["model", "approv", "march", "2019"]


def test_keyword_tokens_unify_spellings_of_the_same_thing():
    assert keyword_tokens("LLMs") == keyword_tokens("large language models")
    assert keyword_tokens("US share") == keyword_tokens("United States share")
    assert keyword_tokens("took effect") == keyword_tokens("take effect")


def test_keyword_tokens_segment_chinese_and_drop_function_words():
    tokens = keyword_tokens("2023年共批准了多少个行业大模型？")
    assert {"2023", "批准", "行业", "模型"} <= set(tokens)
    assert "多少" not in tokens and "了" not in tokens


def test_chinese_question_words_never_become_keywords():
    # jieba keeps "哪一年" and "什么样" whole and also cuts out "一年": none of it is what the question is about.
    assert keyword_tokens("这份规定在哪一年施行？") == ["这份", "规定", "施行"]
    assert keyword_tokens("这座桥的外观是什么样的？") == ["这座", "桥", "外观"]
    assert keyword_tokens("这家公司的总部在哪里？") == ["这家", "公司", "总部"]


def test_english_contractions_leave_no_stray_keyword():
    assert keyword_tokens("The Amazon didn't have many inhabitants") == ["amazon", "inhabit"]


def test_one_edit_apart_allows_one_typo_of_any_kind():
    assert one_edit_apart("heaquart", "headquart")  # a letter left out
    assert one_edit_apart("packag", "pacakg")  # two letters swapped
    assert one_edit_apart("kelven", "kalven")  # a letter changed
    assert one_edit_apart("approvals", "approval")  # a letter added
    assert not one_edit_apart("approval", "approval")
    assert not one_edit_apart("kelvin", "kalven")
    assert not one_edit_apart("abcde", "bcdea")


def test_an_answer_in_traditional_keeps_the_users_own_spelling_of_their_words():
    from bot.text import to_traditional, to_traditional_as_written

    answer = "清单中没有名为“砚台AI写作”的服务。"
    assert "硯臺AI寫作" in to_traditional(answer)  # the conversion's own choice
    assert "硯台AI寫作" in to_traditional_as_written(answer, "硯台AI寫作有沒有備案？")
    assert to_traditional_as_written(answer, "ChatGPT備案了嗎") == to_traditional(answer)
