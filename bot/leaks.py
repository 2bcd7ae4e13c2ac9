"""The leak check: which questions used to fit or tune the bot ask the same fact as a question of a
reported evaluation set (the reported figure would then be partly in-sample).

Two questions (`bot.fingerprint.Fingerprint`) are flagged when their wording is nearly the same, or
when they are labelled alike and are alike enough ("likeness": their keywords' alignment and their
sentence vectors' cosine, averaged; 0..1): a shared specific gold answer, one naming the other's
answer, both unanswerable, or, for questions without labels (examples, tests' questions), a close
paraphrase naming the same numbers. Two register questions (`kind: "register"`) are judged by their rows and
whole gold instead (`_same_register_fact`). Questions used for tuning (not fitting) are held only to their own
wording against a set written together with its feature, whose figures are development figures.

It judges pairs; `bot.question_sets` says which sets play which part, and the allow-list of pairs judged
harmless lives in `evalsets/allowed_overlaps.json`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from bot.fingerprint import Fingerprint, GoldAnswer

# Thresholds. Unrelated questions about this corpus have a likeness of about 0.2-0.45. The thresholds
# were chosen so that every overlapping pair the leak issue named is flagged, then checked by reading
# the pairs near each of them (`python -m bot leaks --near 0.05` lists those).
NEAR_DUPLICATE = 0.6  # Jaccard similarity of the n-grams of two questions in one language
SAME_WORDING = 0.85  # ... at which even two different gold answers do not make them different questions
PARAPHRASE = 0.75  # likeness at which an unlabelled question (an example, a test's) counts as a paraphrase
SAME_WORDS = 0.6  # ... or, in one language, the share of each one's (rarity-weighted) keywords the other has
SAME_SPECIFIC_ANSWER = 0.35  # likeness enough when both share a specific gold answer (a date, 302, 'Zhaopin')
SAME_SMALL_NUMBER = 0.5  # ... when the shared answer is only a small number ('13', '7')
NAMED_ANSWER = 0.45  # ... when one question's specific answer is named in the other question
BOTH_UNANSWERABLE = 0.6  # ... when neither has an answer in the corpus
BOTH_UNANSWERABLE_ACROSS = 0.48  # ... the same, asked in two languages (translations score lower)
UNRELATED_WORDS = 0.3  # cosine of two unrelated words, about
TWIN_WORDS = 0.7  # cosine of a word and its translation, at least (many reach only 0.4-0.6)
SAME_WORD = 0.8  # cosine at which two keywords count as one word when judging how common it is


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def word_rarity(fingerprints: Sequence[Fingerprint]) -> dict[int, float]:
    """How rare each (hashed) keyword is among the questions: inverse document frequency."""
    counts: dict[int, int] = {}
    for f in fingerprints:
        for word in f.words:
            counts[word] = counts.get(word, 0) + 1
    return {word: float(np.log((len(fingerprints) + 1) / (n + 0.5))) for word, n in counts.items()}


def same_words(a: Fingerprint, b: Fingerprint, rarity: dict[int, float]) -> float:
    """The smaller of the two shares: of a's keywords (weighted by rarity) that b has too, and the other
    way round. A question that adds a name or a place the other lacks ('... has StepFun filed?') is another
    question."""
    if not a.words or not b.words:
        return 0.0
    shared = sum(rarity.get(w, 1.0) for w in a.words & b.words)
    return min(shared / sum(rarity.get(w, 1.0) for w in a.words), shared / sum(rarity.get(w, 1.0) for w in b.words))


def keyword_weights(fingerprints: Sequence[Fingerprint]) -> list[np.ndarray]:
    """For each question, how rare each of its keywords is among all the questions (inverse document
    frequency, a keyword counting as present where a question has one with a cosine of 0.8 or more):
    '2024', 'CAC' or '大模型' say little about which fact is asked, 'fine' or 'Kimi' a lot."""
    stacked = [f.vectors for f in fingerprints if len(f.vectors)]
    if not stacked:
        return [np.zeros(0) for _ in fingerprints]
    every = np.concatenate(stacked)
    owner = np.concatenate([np.full(len(f.vectors), i) for i, f in enumerate(fingerprints) if len(f.vectors)])
    total = len(stacked)
    weights = []
    for f in fingerprints:
        if not len(f.vectors):
            weights.append(np.zeros(0))
            continue
        near = (f.vectors @ every.T) >= SAME_WORD
        df = np.array([len(np.unique(owner[row])) for row in near])
        weights.append(np.log((total + 1) / (df + 0.5)))
    return weights


def alignment(
    a: np.ndarray, b: np.ndarray, a_weights: np.ndarray | None = None, b_weights: np.ndarray | None = None
) -> float:
    """How alike two questions' keywords are (0..1): each keyword's best match on the other side,
    scaled so that unrelated words (cosine up to about 0.3) count 0 and a word or its translation
    (0.7 and up) counts 1, averaged both ways, rarer keywords weighing more."""
    if not len(a) or not len(b):
        return 0.0
    similarity = a @ b.T
    scaled = np.clip((similarity - UNRELATED_WORDS) / (TWIN_WORDS - UNRELATED_WORDS), 0.0, 1.0)
    a_weights = np.ones(len(a)) if a_weights is None else a_weights
    b_weights = np.ones(len(b)) if b_weights is None else b_weights
    forward = float(scaled.max(axis=1) @ a_weights / max(a_weights.sum(), 1e-9))
    backward = float(scaled.max(axis=0) @ b_weights / max(b_weights.sum(), 1e-9))
    return (forward + backward) / 2


@dataclass(frozen=True)
class Overlap:
    used: Fingerprint
    reported: Fingerprint
    reason: str
    wording: float
    likeness: float

    @property
    def pair(self) -> tuple[str, str]:
        """`("set:qid", "set:qid")`, as the allow-list names it."""
        return (f"{self.used.set_name}:{self.used.qid}", f"{self.reported.set_name}:{self.reported.qid}")

    def describe(self) -> str:
        text = f" {self.used.text!r}" if self.used.text else ""
        other = f" {self.reported.text!r}" if self.reported.text else ""
        return (
            f"{self.used.set_name}:{self.used.qid}{text} ~ {self.reported.set_name}:{self.reported.qid}{other}: "
            f"{self.reason} (wording {self.wording:.2f}, likeness {self.likeness:.2f})"
        )


def _names(question: Fingerprint, answers: list[GoldAnswer]) -> bool:
    """Whether the question's wording contains one of the specific answers."""
    return any(a.specific and a.shingles and a.shingles <= question.shingles for a in answers)


def _scripts(f: Fingerprint) -> set[str]:
    """Whether the gold names are written in Chinese, Latin letters or both (numbers and dates aside)."""
    return {"zh" if a.cjk else "latin" for a in f.answers if a.name}


def _different_answers(a: Fingerprint, b: Fingerprint, rarity: dict[int, float]) -> bool:
    """Two questions of one template that ask for different things: both answerable with specific gold
    answers and none shared ('... filed by August 2025?' against '... registered by August 2025?'), or,
    without labels, one naming what the other does not ('How many services are filed?' against '... has
    StepFun filed?')."""
    if a.answerable is None or b.answerable is None:
        return bool(a.words and b.words) and same_words(a, b, rarity) < SAME_WORDS
    if not (a.answerable and b.answerable and a.own_corpus and b.own_corpus):
        return False
    mine = {k for x in a.answers for k, specific in x.keys.items() if specific}
    theirs = {k for x in b.answers for k, specific in x.keys.items() if specific}
    return bool(mine and theirs) and not (
        {k for x in a.answers for k in x.keys} & {k for x in b.answers for k in x.keys}
    )


def _same_register_fact(a: Fingerprint, b: Fingerprint, likeness: float, rarity: dict[int, float]) -> str | None:
    """Two register questions ask one fact when they ask about the same rows (a lookup's filing number, a
    list's whole set of rows) or the same renamed company, or share their whole gold (a count, a long list's
    total, a name in no list) in alike words naming the same numbers. One shared value is not enough: hundreds
    of rows share a date, and a count of 3 answers many questions."""
    if a.register_facts & b.register_facts:
        return "the same register rows"
    alike = same_words(a, b, rarity) >= SAME_WORDS if a.lang == b.lang else likeness >= PARAPHRASE
    if a.register_gold == b.register_gold and a.numbers == b.numbers and alike:
        return "the same register gold"
    return None


def compare(
    used: Fingerprint,
    reported: Fingerprint,
    weights: tuple[np.ndarray, np.ndarray] | None = None,
    rarity: dict[int, float] | None = None,
) -> Overlap | None:
    """Why `used` and `reported` ask the same fact, or None (see the module docstring); `weights` are
    their keywords' `keyword_weights`, `rarity` the `word_rarity` of the questions compared."""
    wording = jaccard(used.shingles, reported.shingles) if used.lang == reported.lang else 0.0
    likeness = (
        alignment(used.vectors, reported.vectors, *(weights or (None, None))) + float(used.sentence @ reported.sentence)
    ) / 2
    same_numbers = used.numbers == reported.numbers
    reason = None
    if reported.tuned_on and used.role == "tuning":
        # A set written with its feature (development figures): the feature's tests may ask what it asks, in
        # their own words; only a copy is flagged.
        reason = "nearly word for word" if wording >= SAME_WORDING and same_numbers else None
    elif wording >= NEAR_DUPLICATE and (
        wording >= SAME_WORDING or (same_numbers and not _different_answers(used, reported, rarity or {}))
    ):
        reason = "nearly the same wording"
    elif not reported.own_corpus:
        reason = None
    elif used.register_gold is not None and reported.register_gold is not None:
        reason = _same_register_fact(used, reported, likeness, rarity or {})
    elif used.answerable is None or reported.answerable is None:
        # Unlabelled: the same template naming another year, month, count or name asks another thing. In one
        # language the words decide (word vectors hardly tell names apart); across languages, the likeness.
        if used.lang == reported.lang:
            alike = same_words(used, reported, rarity or {}) >= SAME_WORDS
        else:
            alike = likeness >= PARAPHRASE
        reason = "a paraphrase" if alike and same_numbers else None
    elif used.answerable and reported.answerable:
        mine = {k: s for a in used.answers for k, s in a.keys.items()}
        theirs = {k: s for a in reported.answers for k, s in a.keys.items()}
        shared = mine.keys() & theirs.keys()
        if any(mine[k] for k in shared) and likeness >= SAME_SPECIFIC_ANSWER:
            reason = "the same gold answer"
        elif shared and likeness >= SAME_SMALL_NUMBER:
            reason = "the same gold number"
        elif likeness >= NAMED_ANSWER and (_names(reported, used.answers) or _names(used, reported.answers)):
            reason = "one names the other's answer"
        elif (
            likeness >= PARAPHRASE and _scripts(used) and _scripts(reported) and not _scripts(used) & _scripts(reported)
        ):
            reason = "a paraphrase, its gold answers in another script"
    elif not used.answerable and not reported.answerable:
        enough = BOTH_UNANSWERABLE if used.lang == reported.lang else BOTH_UNANSWERABLE_ACROSS
        reason = "both unanswerable, about the same things" if likeness >= enough else None
    return Overlap(used, reported, reason, wording, likeness) if reason else None


def find_overlaps(used: Sequence[Fingerprint], reported: Sequence[Fingerprint]) -> list[Overlap]:
    """Every flagged pair of a used question and a reported one (never two of the same set)."""
    unique = list({id(f): f for f in (*used, *reported)}.values())
    by_id = {id(f): w for f, w in zip(unique, keyword_weights(unique), strict=True)}
    used_weights, reported_weights = [by_id[id(f)] for f in used], [by_id[id(f)] for f in reported]
    rarity = word_rarity(unique)
    found = []
    for u, uw in zip(used, used_weights, strict=True):
        for r, rw in zip(reported, reported_weights, strict=True):
            if u.compared_with and r.set_name not in u.compared_with:
                continue
            if u.set_name != r.set_name and (overlap := compare(u, r, (uw, rw), rarity)):
                found.append(overlap)
    return found
