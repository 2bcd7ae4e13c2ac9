"""Follow-ups made explicit: a short question that leans on the previous turn ("and Beijing?", "那第二批呢？",
"what about 2025?") is rewritten into one that stands alone, by rules: a value in the follow-up (a place,
a year, a month, an ordinal batch) replaces the previous question's value of the same kind, or else the
follow-up is read together with the previous question. The rewrite is searched for and shown to the
user, so a misreading can be seen. Register follow-ups are rewritten from their parsed filters instead
(`bot.register.answer`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from bot.register.places import PROVINCES
from bot.text import keyword_tokens

_LEAD = re.compile(
    r"^\s*(?:and|what about|how about|and what about|what of|and in|and for|then)\b[\s,]*|^\s*(?:那么?|还有|再问)\s*",
    re.I,
)
_TRAIL = re.compile(r"\s*(?:呢|的呢)?\s*[?？。.!！]*\s*$")
_PRONOUN = re.compile(r"\b(they|them|those|these|it|its|that one)\b|它们|他们|这些|那些|这个|那个|其", re.I)

_PLACE_NAMES = sorted(
    {name for p in PROVINCES if p.code for name in (p.short, p.full, p.english)}, key=len, reverse=True
)
_SLOTS: dict[str, re.Pattern[str]] = {
    "place": re.compile("|".join(re.escape(name) for name in _PLACE_NAMES), re.I),
    "year": re.compile(r"(?<!\d)(?:19|20)\d\d(?:年)?(?!\d)"),
    "ordinal": re.compile(
        r"\b(?:first|second|third|fourth|fifth|last|latest)\b|第[一二三四五六七八九十\d]+[批次期]|首批|最新一批",
        re.I,
    ),
}
_MONTH = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b"
    r"|(?<!\d)\d{1,2}月",
    re.I,
)
_SLOTS["month"] = _MONTH


Message = dict[str, Any]


def previous_question(history: Sequence[Message]) -> str | None:
    for message in reversed(history):
        if message.get("role") == "user" and str(message.get("content", "")).strip():
            return str(message["content"]).strip()
    return None


def is_follow_up(question: str) -> bool:
    """Short, or opening with "and"/"what about"/"那", or leaning on a pronoun: it needs the previous turn."""
    if _LEAD.search(question) or question.rstrip().endswith(("呢", "呢？", "呢?")):
        return True
    return len(keyword_tokens(question)) < 3 and bool(_PRONOUN.search(question) or len(question) < 40)


def standalone_question(question: str, history: Sequence[Message]) -> str | None:
    """The question rewritten to stand alone, or None when it already does (or there is no earlier turn)."""
    previous = previous_question(history)
    if previous is None or not is_follow_up(question):
        return None
    core = _TRAIL.sub("", _LEAD.sub("", question)).strip()
    rewritten = previous
    replaced = False
    for pattern in _SLOTS.values():
        new_values = [m.group(0) for m in pattern.finditer(core)]
        old = pattern.search(rewritten)
        if len(new_values) == 1 and old is not None:
            rewritten = rewritten[: old.start()] + _same_case(new_values[0], old.group(0)) + rewritten[old.end() :]
            replaced = True
    if replaced and _only_slots(core):
        return rewritten
    return f"{previous} {question.strip()}"


def _only_slots(core: str) -> bool:
    """Whether the follow-up says nothing but values (places, years, months, ordinals) and filler words."""
    rest = core
    for pattern in _SLOTS.values():
        rest = pattern.sub(" ", rest)
    rest = re.sub(r"\b(the|in|of|for|batch|list|one|ones|based)\b|[的批在年]", " ", rest, flags=re.I)
    return not rest.strip(" ,，、")


def _same_case(new: str, old: str) -> str:
    return new[0].upper() + new[1:] if old[:1].isupper() and new[:1].islower() else new
