"""The questions the tests ask the real corpus, and what they expect of the answers.

They are worded for the tests and ask no fact that a reported evaluation set asks: `tests/test_leaks.py`
compares every question string in `tests/` with every reported question.
"""

from __future__ import annotations

import re

# A count the corpus gives in English and in Chinese.
COUNT_QUESTION = "How many articles do the Algorithm Recommendation Provisions have?"
COUNT_QUESTION_ZH = "《互联网信息服务算法推荐管理规定》共有多少条？"
COUNT = "35"

# A count answered from a document whose front matter links to its original (the citation is a link).
LINKED_QUESTION = "How many chapters do the Interim Measures have?"
LINKED_COUNT = "5"

# A date.
DATE_QUESTION = "When did the Algorithm Recommendation Provisions take effect?"
DATE = "1 March 2022"

# A question, and a short follow-up that only makes sense after it.
FIRST_QUESTION = "What did ByteDance get approved in the first batch?"
FOLLOW_UP = "and Zhipu AI?"

# Questions the corpus does not answer.
UNCOVERED_QUESTION = "How many employees does ByteDance have?"
UNCOVERED_QUESTION_ZH = "字节跳动有多少名员工？"


def states_the_count(text: str) -> bool:
    """The count as a number of its own (not part of 350 or 2035)."""
    return re.search(rf"(?<!\d){COUNT}(?!\d)", text) is not None


def names_a_zhipu_ai_model(answer: str) -> bool:
    """The follow-up "and Zhipu AI?" after a question on what ByteDance had approved in the first batch."""
    return "GLM" in answer or "Zhipu Qingyan" in answer
