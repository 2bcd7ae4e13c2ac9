"""The web chat's rendering of an answer: its notice and citations as escaped HTML."""

from bot.schema import Answer, Citation
from bot.ui import render_answer


def test_a_notice_is_shown_before_the_answer_escaped():
    citation = Citation(1, "Filings", "corpus/x.md", None, "<i>quote</i>", 0, 12, verified=False)
    answer = Answer("Filed in May [1].", False, "en", (citation,), notice="The LLM failed (<script>x()</script>).")
    page = render_answer(answer)
    assert page.index("answer-notice") < page.index("Filed in May")
    assert "&lt;script&gt;x()&lt;/script&gt;" in page and "<script>" not in page
    assert "(not verified)" in page and "&lt;i&gt;quote&lt;/i&gt;" in page


def test_document_answers_show_no_verification_label():
    citation = Citation(1, "Filings", "corpus/x.md", None, "quote", 0, 5)
    assert "verified" not in render_answer(Answer("Filed [1].", False, "en", (citation,)))
