"""Language-aware text primitives: language detection, Traditional → Simplified Chinese, sentence spans
with offsets, and the keyword tokens that BM25 and the answerer share. No I/O and no models here."""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import jieba
import opencc
import snowballstemmer

Language = Literal["en", "zh"]

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z0-9]+(?:[.,][0-9]+)*")
# A sentence ends at Chinese 。！？ (optionally followed by closing quotes) or at . ! ? followed by
# whitespace; list items and paragraphs end at blank lines or line breaks before a bullet.
_SENTENCE_END = re.compile(
    r"[。！？!?][”’」』）)]*|(?<![0-9A-Z]\.[A-Z])(?<!\b[A-Z])(?<!\bNo)(?<!\bvs)(?<!\be\.g)(?<!\bi\.e)\.(?=\s|$)[”’\"')]*"
)
_BREAK = re.compile(r"\n\s*\n|\n(?=\s*(?:[-*+]|\d+\.)\s)")

STOPWORDS = frozenset(
    """a an the and or but of to in on at by for with from as is are was were be been being it its this that these
    those which who whom whose what when where why how did do does done has have had having not no nor than then
    there their they them he she his her we our you your i me my so such can could would should will shall may might
    must into about after before over under up down out off again further once also any all each few more most other
    some own same very just only both s t if many much while during through between among per via vs within
    without didn doesn don isn wasn weren aren hasn haven hadn wouldn couldn shouldn""".split()
)
ZH_STOPWORDS = frozenset(
    "的 了 是 在 和 与 及 或 也 都 而 被 把 对 于 为 由 从 这 那 其 之 个 些 吗 呢 吧 啊 "
    "什么 哪些 哪个 多少 何时 如何 怎么 怎样 谁 哪 几 是否 有 没有 一个 请问".split()
)
# Question words, which jieba keeps whole ("哪一年", "什么样", "多少倍") and then also cuts into pieces
# ("一年"): they ask and never match, so they are blanked out before jieba sees them.
_ZH_QUESTION_WORDS = re.compile(
    r"哪(?!吒)一?[年个部位种些天次里儿家款项批条本首类座名国场届]?|什么样?|怎么样?|怎样|多少[倍家个位款项批种次]?|为什么|为何|何时|何处|何地|几时"
)

_stemmer = snowballstemmer.stemmer("english")
# The stemmer leaves irregular verb forms alone; questions ask "take effect", documents say "took effect".
_IRREGULAR = {
    form: base
    for base, forms in {
        "take": "took taken",
        "give": "gave given",
        "make": "made",
        "begin": "began begun",
        "come": "came",
        "go": "went gone",
        "win": "won",
        "get": "got gotten",
        "hold": "held",
        "lead": "led",
        "say": "said",
        "see": "saw seen",
        "sell": "sold",
        "tell": "told",
        "becom": "became",
        "bring": "brought",
        "buy": "bought",
        "build": "built",
        "choos": "chose chosen",
        "find": "found",
        "grow": "grew grown",
        "keep": "kept",
        "know": "knew known",
        "leav": "left",
        "lose": "lost",
        "meet": "met",
        "pay": "paid",
        "run": "ran",
        "rise": "rose risen",
        "send": "sent",
        "spend": "spent",
        "stand": "stood",
        "think": "thought",
        "write": "wrote written",
        "fall": "fell fallen",
        "draw": "drew drawn",
        "speak": "spoke spoken",
        "teach": "taught",
        "fight": "fought",
        "seek": "sought",
        "drive": "drove driven",
        "eat": "ate eaten",
        "fli": "flew flown",
        "forbid": "forbade forbidden",
        "freez": "froze frozen",
        "hide": "hid hidden",
        "ride": "rode ridden",
        "shake": "shook shaken",
        "steal": "stole stolen",
        "strike": "struck",
        "swim": "swam swum",
        "throw": "threw thrown",
        "wear": "wore worn",
        "feel": "felt",
        "hear": "heard",
        "mean": "meant",
        "put": "put",
        "read": "read",
        "sing": "sang sung",
        "sit": "sat",
        "sleep": "slept",
    }.items()
    for form in forms.split()
}
_jieba_ready = False


def init_tokenizers() -> None:
    """Load jieba's dictionary once at start-up (about a second) instead of on the first query."""
    global _jieba_ready
    if not _jieba_ready:
        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        _jieba_ready = True


def detect_language(text: str) -> Language:
    """`zh` when a noticeable share of the letters are CJK ideographs, else `en`."""
    cjk = len(_CJK.findall(text))
    latin_words = len(re.findall(r"[A-Za-z]+", text))
    return "zh" if cjk > 2 * latin_words else "en"


def normalize(text: str) -> str:
    """Fold width and case and collapse spaces, for comparing answers and tokens."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().lower()


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """The text with Traditional Chinese characters in Simplified (華為 → 华为, 備案 → 备案), through OpenCC;
    Simplified Chinese and other scripts pass through unchanged."""
    if not _CJK.search(text):
        return text
    return _t2s().convert(text)


@lru_cache(maxsize=1)
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2tw")


def to_traditional(text: str) -> str:
    """The text in Traditional characters (for answering a question asked in them)."""
    if not _CJK.search(text):
        return text
    return _s2t().convert(text)


_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}")


def to_traditional_as_written(text: str, written: str) -> str:
    """`text` in Traditional characters, keeping the spelling of the words the user wrote in `written`: the
    conversion picks one Traditional form per word, so a name asked as 硯台 would otherwise be said back as
    硯臺, and the user would not see their own name."""
    converted = to_traditional(text)
    for run in set(_CJK_RUN.findall(written)):
        round_trip = to_traditional(to_simplified(run))
        if round_trip != run:
            converted = converted.replace(round_trip, run)
    return converted


def is_traditional(text: str) -> bool:
    """Whether the text uses Traditional characters that differ from their Simplified forms."""
    return bool(_CJK.search(text)) and to_simplified(text) != text


@dataclass(frozen=True)
class Span:
    start: int
    end: int


MAX_SENTENCE_CHARS = 1000  # the longest sentence in the corpus has 211 characters


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Split `text[start:end]` into sentences, returning trimmed spans with absolute offsets; a sentence
    longer than `MAX_SENTENCE_CHARS` is cut into pieces no longer than that."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    for block_start, block_end in _blocks(text, start, end):
        cursor = block_start
        for match in _SENTENCE_END.finditer(text, block_start, block_end):
            _append_trimmed(spans, text, cursor, match.end())
            cursor = match.end()
        _append_trimmed(spans, text, cursor, block_end)
    return spans


def _blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    blocks, cursor = [], start
    for match in _BREAK.finditer(text, start, end):
        blocks.append((cursor, match.start()))
        cursor = match.end()
    blocks.append((cursor, end))
    return blocks


def _append_trimmed(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and (text[start].isspace() or text[start] in "-*+>"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    # A "sentence" this long is a line without sentence ends (a table dump, or 1 MB sent to see what breaks):
    # cut it at a space in its second half, else at the limit, so no chunk, vector or quote grows without end.
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        _append_trimmed(spans, text, start, cut)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start and re.search(r"\w", text[start:end]):
        spans.append(Span(start, end))


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _IRREGULAR.get(word) or str(_stemmer.stemWord(word))


# Spellings of one thing that should count as the same keyword (applied before lower-casing).
_ALIASES = [
    (re.compile(r"\blarge language models?\b|\bLLMs?\b", re.I), " llm "),
    (re.compile(r"\bU\.S\.(?:A\.)?|\bUS\b|\bUSA\b|\bUnited States(?: of America)?\b"), " unitedstates "),
    (re.compile(r"\bartificial intelligence\b", re.I), " ai "),
    (re.compile(r"\bgen(?:erative)?[- ]AI\b", re.I), " generative ai "),
    (re.compile(r"\bCyberspace Administration of China\b", re.I), " cac "),
    (re.compile(r"\bper ?cent\b", re.I), "%"),
]


def one_edit_apart(a: str, b: str) -> bool:
    """Whether two different words differ by one inserted, deleted, changed or swapped letter."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    if len(a) == len(b):
        rest_a, rest_b = a[start + 1 :], b[start + 1 :]
        swapped = start + 1 < len(a) and a[start] == b[start + 1] and a[start + 1] == b[start]
        return rest_a == rest_b or (swapped and a[start + 2 :] == b[start + 2 :])
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[start + 1 :] == shorter[start:]


def keyword_tokens(text: str) -> list[str]:
    """Tokens for BM25 and overlap scoring: jieba words for Chinese, stemmed words for English,
    numbers kept, stopwords dropped."""
    tokens: list[str] = []
    text = unicodedata.normalize("NFKC", text)
    for pattern, replacement in _ALIASES:
        text = pattern.sub(replacement, text)
    text = text.lower()
    for piece in re.split(r"([\u3400-\u9fff\uf900-\ufaff]+)", text):
        if not piece:
            continue
        if _CJK.match(piece):
            init_tokenizers()
            tokens.extend(
                w
                for w in jieba.cut_for_search(_ZH_QUESTION_WORDS.sub(" ", piece))
                if w.strip() and w not in ZH_STOPWORDS
            )
        else:
            for word in _LATIN_WORD.findall(piece):
                word = word.replace(",", "")
                if word not in STOPWORDS:
                    tokens.append(_stem(word))
    return tokens
