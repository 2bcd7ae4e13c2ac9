"""A question's fingerprint for the leak check (`bot.leaks`): hashed character n-grams of its wording,
hashed canonical forms of its gold answers (dates, numbers with their scale, names) and multilingual
USE vectors of its keywords and of the whole question, so that questions can be compared across
languages, and stored without their text for sets that must not be copied into the repository.

It describes one question at a time; comparing two is `bot.leaks`'s job.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from bot.text import STOPWORDS, ZH_STOPWORDS, detect_language, init_tokenizers

Embed = Callable[[list[str]], np.ndarray]  # texts -> unit vectors, one row each
VECTOR_SIZE = 512  # multilingual USE v3

_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"[a-z0-9]+(?:[-./][a-z0-9]+)*")
_ZH_ASKING = re.compile(
    r"哪(?!吒)一?[年个部位种些天次里儿家款项批条本首类座名国场届]?|什么样?|多少[倍家个位款项批种次]?|何时|几"
)
_MONTH_NAMES = "jan january|feb february|mar march|apr april|may|jun june|jul july|aug august|sep sept september|"
_MONTH_NAMES += "oct october|nov november|dec december"
_MONTHS = {name: i + 1 for i, names in enumerate(_MONTH_NAMES.split("|")) for name in names.split()}
_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "hundred": 100}
_ZH_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}
_SCALES = {"thousand": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "万": 1e4, "亿": 1e8}


def normalise(text: str) -> str:
    """Width and case folded, punctuation and runs of spaces turned into one space."""
    text = unicodedata.normalize("NFKC", text).lower()
    return re.sub(r"[^\w%]+", " ", text).strip()


def _hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=4).digest(), "big")


def shingles(text: str) -> frozenset[int]:
    """Hashed character bigrams of Chinese runs and trigrams of the rest (spaces included)."""
    grams: set[str] = set()
    text = normalise(text)
    for piece in re.split(f"({_CJK_RUN.pattern})", text):
        if not piece.strip():
            continue
        n = 2 if _CJK_RUN.fullmatch(piece) else 3
        padded = piece if n == 2 else f" {piece.strip()} "
        grams.update(padded[i : i + n] for i in range(max(len(padded) - n + 1, 1)))
    return frozenset(_hash(g) for g in grams)


def named_numbers(text: str) -> frozenset[int]:
    """Hashed numbers the question names, months as numbers ("May 2026" and "2026年5月" both give 2026 and 5):
    two questions that name different years, months or counts ask different things."""
    text = unicodedata.normalize("NFKC", text).lower()
    found = {str(int(n)) for n in re.findall(r"\d+", text)}
    month = "|".join(sorted(_MONTHS, key=len, reverse=True))
    for before, name, after in re.findall(rf"(\d*)\s*\b({month})\b\.?\s*(\d*)", text):
        if before or after or name != "may":  # "may" is a month only beside a number
            found.add(str(_MONTHS[name]))
    return frozenset(_hash(f"#{n}") for n in found)


def _zh_number(text: str) -> float | None:
    """一 to 九十九 (十四, 二十, 七)."""
    if not text or any(c not in _ZH_DIGITS and c != "十" for c in text):
        return None
    if "十" not in text:
        return float(_ZH_DIGITS[text]) if len(text) == 1 else None
    tens, _, units = text.partition("十")
    return float((_ZH_DIGITS.get(tens, 1) if tens else 1) * 10 + (_ZH_DIGITS.get(units, 0) if units else 0))


def answer_keys(answer: str) -> set[str]:
    """Canonical forms of one gold answer: `d:2023-08-15` and `m:2024-09` for dates, `n:85000` and
    `%:40` for numbers, `t:zhaopin` for the rest, so that '15 August 2023' meets '2023年8月15日' and
    '8.5万' meets '85,000'."""
    text = unicodedata.normalize("NFKC", answer).lower().strip()
    keys: set[str] = set()
    for y, mo, d in re.findall(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?", text):
        keys.add(f"d:{y}-{int(mo):02d}-{int(d):02d}" if d else f"m:{y}-{int(mo):02d}")
    for y, mo, d in re.findall(r"(\d{4})-(\d{2})-(\d{2})", text):
        keys.add(f"d:{y}-{mo}-{d}")
    month = "|".join(sorted(_MONTHS, key=len, reverse=True))
    for d, mo, y in re.findall(rf"(?:(\d{{1,2}})\s+)?\b({month})\.?\s+(\d{{4}})", text):
        keys.add(f"d:{y}-{_MONTHS[mo]:02d}-{int(d):02d}" if d else f"m:{y}-{_MONTHS[mo]:02d}")
    for mo, d, y in re.findall(rf"\b({month})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})", text):
        keys.add(f"d:{y}-{_MONTHS[mo]:02d}-{int(d):02d}")
    if not keys:
        keys.update(_number_keys(text))
    words = normalise(answer).replace(" ", "")
    if words and not re.fullmatch(r"[\d.%]+", words) and not any(k[0] in "dm" for k in keys):
        keys.add(f"t:{words}")
    return keys


def _number_keys(text: str) -> set[str]:
    keys = set()
    scales = "|".join(sorted(_SCALES, key=len, reverse=True))
    for number, scale, percent in re.findall(rf"(\d+(?:[.,]\d+)*)\s*({scales})?\s*(%|per ?cent)?", text):
        value = float(number.replace(",", "")) if number.count(".") <= 1 else None
        if value is None:
            continue
        value *= _SCALES.get(scale, 1)
        keys.add(f"%:{value:g}" if percent else f"n:{value:g}")
    for word in re.findall(r"[a-z]+", text):
        if word in _NUMBER_WORDS:
            keys.add(f"n:{_NUMBER_WORDS[word]:g}")
    for run in re.findall(r"[零一二两三四五六七八九十]+", text):
        value = _zh_number(run)
        if value is not None:
            keys.add(f"n:{value:g}")
    return keys


def is_specific(key: str) -> bool:
    """A full date, a month, a percentage, a number of 100 or more, or a name: unlikely to be the
    answer of two different facts. Small numbers ('13', '30') are not."""
    kind, value = key.split(":", 1)
    if kind == "n":
        return float(value) >= 100 or not float(value).is_integer()
    return kind != "t" or len(value) >= 3 or bool(_CJK_RUN.search(value))


def keywords(text: str) -> list[str]:
    """The words a question asks about: English words and jieba words, without stopwords and
    question words."""
    words: list[str] = []
    text = unicodedata.normalize("NFKC", text)
    for piece in re.split(f"({_CJK_RUN.pattern})", text):
        if _CJK_RUN.fullmatch(piece):
            import jieba

            init_tokenizers()
            words += [w for w in jieba.lcut(_ZH_ASKING.sub(" ", piece)) if w.strip() and w not in ZH_STOPWORDS]
        else:
            words += [w for w in _WORD.findall(piece.lower()) if w not in STOPWORDS]
    return list(dict.fromkeys(words))


@dataclass(frozen=True)
class GoldAnswer:
    """One gold answer: its hashed canonical keys (each marked specific or not) and the hashed n-grams
    of its wording (to see whether another question names it)."""

    keys: dict[str, bool]
    shingles: frozenset[int]
    name: bool = False  # a name or phrase rather than a number or date
    cjk: bool = False  # written in Chinese characters

    @classmethod
    def of(cls, answer: str) -> GoldAnswer:
        keys = answer_keys(answer)
        name = any(k.startswith("t:") for k in keys) and not any(k[0] in "dmn%" for k in keys)
        cjk = bool(_CJK_RUN.search(answer))
        return cls({f"{_hash(k):08x}": is_specific(k) for k in keys}, shingles(answer), name, cjk)

    @property
    def specific(self) -> bool:
        return any(self.keys.values())


@dataclass
class Fingerprint:
    """What the leak check knows of one question."""

    set_name: str
    qid: str
    lang: str
    answerable: bool | None  # None: unlabelled (an example or a test's question)
    shingles: frozenset[int]
    answers: list[GoldAnswer] = field(default_factory=list)
    vectors: np.ndarray = field(default_factory=lambda: np.zeros((0, VECTOR_SIZE), dtype=np.float32))  # one per keyword
    sentence: np.ndarray = field(default_factory=lambda: np.zeros(VECTOR_SIZE, dtype=np.float32))  # the whole question
    text: str = ""  # empty for sets stored only as fingerprints
    own_corpus: bool = True  # asked against our corpus, so its labels compare with ours
    numbers: frozenset[int] = frozenset()  # hashed numbers and months the question names
    words: frozenset[int] = frozenset()  # hashed keywords, for comparing two questions word for word
    role: str = "reported"  # "fitting" (the abstain model's data), "tuning" (looked at while choosing rules)
    tuned_on: bool = False  # a reported set written with its feature, whose figures are development figures
    # A register question's whole gold (its type, series and gold, hashed), and the rows or renamed company it
    # asks about (`register_identity`); None and empty for every other question.
    register_gold: int | None = None
    register_facts: frozenset[int] = frozenset()
    compared_with: frozenset[str] = frozenset()  # a used question's reported sets (empty: every one)

    STORED_FIELDS = (
        "qid",
        "lang",
        "answerable",
        "shingles",
        "numbers",
        "words",
        "answers",
        "keyword_vectors",
        "sentence_vector",
    )

    def to_json(self) -> dict[str, Any]:
        """The stored form: hashes and 8-bit keyword vectors, no text."""
        return {
            "qid": self.qid,
            "lang": self.lang,
            "answerable": self.answerable,
            "shingles": _pack(self.shingles),
            "numbers": _pack(self.numbers),
            "words": _pack(self.words),
            "answers": [
                {"keys": a.keys, "shingles": _pack(a.shingles), "name": a.name, "cjk": a.cjk} for a in self.answers
            ],
            "keyword_vectors": _pack_vectors(self.vectors),
            "sentence_vector": _pack_vectors(self.sentence[None, :]),
        }

    @classmethod
    def from_json(cls, row: dict[str, Any], set_name: str, own_corpus: bool) -> Fingerprint:
        sentence = _unpack_vectors(row.get("sentence_vector", ""))
        return cls(
            set_name,
            row["qid"],
            row["lang"],
            row["answerable"],
            _unpack(row["shingles"]),
            [GoldAnswer(dict(a["keys"]), _unpack(a["shingles"]), a["name"], a["cjk"]) for a in row.get("answers", [])],
            _unpack_vectors(row.get("keyword_vectors", "")),
            sentence[0] if len(sentence) else np.zeros(VECTOR_SIZE, dtype=np.float32),
            own_corpus=own_corpus,
            numbers=_unpack(row.get("numbers", "")),
            words=_unpack(row.get("words", "")),
        )


def _pack(values: Iterable[int]) -> str:
    return base64.b64encode(np.array(sorted(values), dtype=">u4").tobytes()).decode("ascii")


def _unpack(text: str) -> frozenset[int]:
    return frozenset(int(v) for v in np.frombuffer(base64.b64decode(text), dtype=">u4"))


def _pack_vectors(vectors: np.ndarray) -> str:
    """Unit vectors as 8-bit integers (a cosine moves by less than 0.01)."""
    quantised = np.clip(np.round(vectors * 127), -127, 127).astype(np.int8)
    return base64.b64encode(quantised.tobytes()).decode("ascii")


def _unpack_vectors(text: str) -> np.ndarray:
    vectors = np.frombuffer(base64.b64decode(text), dtype=np.int8).reshape(-1, VECTOR_SIZE).astype(np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


def fingerprint(
    question: dict[str, Any], set_name: str, embed: Embed | None, own_corpus: bool = True, labelled: bool = True
) -> Fingerprint:
    """The fingerprint of a question line `{qid, question, answers | gold, answerable, lang}`; an
    unlabelled one (an example, a test's question) has no answerable flag and no answers."""
    text = str(question["question"])
    answerable = bool(question.get("answerable", True)) if labelled else None
    answers = [GoldAnswer.of(g) for g in gold_answers(question)] if answerable else []
    words = keywords(text)
    vectors = embed([*words, text]) if embed else np.zeros((len(words) + 1, VECTOR_SIZE), dtype=np.float32)
    lang = question.get("lang") or detect_language(text)
    register_gold, register_facts = register_identity(question) if labelled else (None, frozenset())
    return Fingerprint(
        set_name,
        str(question["qid"]),
        lang,
        answerable,
        shingles(text),
        answers,
        vectors[:-1],
        vectors[-1],
        text,
        own_corpus,
        named_numbers(text),
        frozenset(_hash(f"w:{w.lower()}") for w in words),
        register_gold=register_gold,
        register_facts=register_facts,
    )


def register_identity(question: dict[str, Any]) -> tuple[int | None, frozenset[int]]:
    """A register question's whole gold, hashed, and the facts it asks about: each filing number of a lookup,
    the whole set of a list's rows (one fact), a renamed company. (None, empty) for other questions."""
    if question.get("kind") != "register":
        return None, frozenset()
    gold = question.get("gold") or {}
    whole = json.dumps([question.get("type"), question.get("series"), gold], ensure_ascii=False, sort_keys=True)
    if "number" in gold:
        facts = {f"row:{n}" for n in gold.get("numbers") or [gold["number"]]}
    elif gold.get("numbers"):
        facts = {"rows:" + "|".join(sorted(gold["numbers"]))}
    elif "company" in gold:
        facts = {f"company:{gold['company']}"}
    else:
        facts = set()
    return _hash(whole), frozenset(_hash(f) for f in facts)


def gold_answers(question: dict[str, Any]) -> list[str]:
    """`answers`, or a register question's `gold`: a value, a list of values, or a mapping whose values are
    values or lists of them (`{"count": 12}`, `{"numbers": [...], "total": 2}`, `{"company": ...}`)."""
    gold = question.get("answers", question.get("gold"))
    values = list(gold.values()) if isinstance(gold, dict) else gold if isinstance(gold, list) else [gold]
    flat: list[Any] = []
    for value in values:
        flat.extend(value if isinstance(value, list) else value.values() if isinstance(value, dict) else [value])
    return [str(v) for v in flat if v is not None and not isinstance(v, dict | list | bool)]
