"""The questions the tests ask the real corpus, and what they expect of the answers.

They are worded for the tests and ask no fact that a reported evaluation set asks: `tests/test_leaks.py`
compares every question string in `tests/` with every reported question.
"""

from __future__ import annotations

import re

# A count the corpus gives in English and in Chinese, from documents whose front matter links to their
# originals (so the citation is a link).
COUNT_QUESTION = "How many chapters do the Interim Measures have?"
COUNT_QUESTION_ZH = "《生成式人工智能服务管理暂行办法》共分几章？"
COUNT = "5"
LINKED_QUESTION = COUNT_QUESTION
LINKED_COUNT = COUNT

# A date.
DATE_QUESTION = "When was GB/T 45654-2025 published?"
DATE = "25 April 2025"

# A question in English and in Chinese, and a short follow-up that only makes sense after it.
FIRST_QUESTION = "What does Article 7 of the Interim Measures require?"
FIRST_QUESTION_ZH = "暂行办法第七条要求什么？"
FOLLOW_UP = "and Article 12?"

# Questions the corpus does not answer.
UNCOVERED_QUESTION = "How tall is the Eiffel Tower?"
UNCOVERED_QUESTION_ZH = "埃菲尔铁塔有多高？"


def states_the_count(text: str) -> bool:
    """The count as a number of its own (not part of 15 or 2025)."""
    return re.search(rf"(?<!\d){COUNT}(?!\d)", text) is not None


def speaks_of_training_data(answer: str) -> bool:
    """What Article 7 is about, in either language."""
    return "training data" in answer or "训练数据" in answer


def speaks_of_labelling(answer: str) -> bool:
    """The follow-up "and Article 12?" after a question on Article 7: Article 12 is about labels."""
    return "Article 12" in answer and "label" in answer
