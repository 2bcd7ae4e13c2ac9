"""What the tests expect of answers, where more than one answer is right."""

from __future__ import annotations

FIRST_BATCH_BEIJING = ("Baidu", "ByteDance", "Zhipu", "Institute of Automation", "Baichuan")


def names_a_beijing_member_of_the_first_batch(answer: str) -> bool:
    """The follow-up "and Beijing?" after a question on the first batch's Shanghai members."""
    return "Beijing" in answer and any(member in answer for member in FIRST_BATCH_BEIJING)
