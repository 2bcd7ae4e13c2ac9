"""The default answerer, which needs no LLM: it scores the sentences of the retrieved passages
against the question, answers with the best (adding a neighbour only when it helps), and abstains
when the calibrated model in `bot.abstain` judges the evidence too weak. A sentence that breaks what the
question pins down (`bot.constraints`: a year, a number, a name, the set asked about) is not given as the
answer: another sentence that keeps to it may stand in (for a year or figure, only one of the same document;
for a name the best passage never gives, none), and otherwise the bot says what the documents hold instead.
Citations are built by `bot.cite`; retrieval is `bot.retrieve`.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np
from langchain_core.embeddings import Embeddings

from bot.abstain import AbstainModel
from bot.answer_type import answer_type, gives
from bot.cite import Evidence, cite, join_with_markers
from bot.constraints import (
    Constraints,
    SentenceContext,
    Violation,
    describe,
    read_constraints,
    violation,
)
from bot.keyword import KeywordIndex
from bot.schema import Answer, Passage
from bot.text import Language, keyword_tokens, one_edit_apart, sentence_spans

NOT_COVERED = {
    "en": "The documents don't cover this question. The nearest sources are listed below.",
    "zh": "文档中没有涉及这个问题的内容。下面列出了最相关的来源。",
}
NOT_CONFIRMED = {
    "en": "The documents don't give this; they say it has not been confirmed:",
    "zh": "文档没有给出答案，只说明这一点尚未得到确认：",
}

# A clause saying the thing it names is not known: "whose filing date could not be confirmed".
_UNCONFIRMED = re.compile(
    r"\b(not|never) (been |be )?(confirmed|disclosed|verified)\b|\bunconfirmed\b|\bunknown\b"
    r"|未能确认|尚未确认|无法确认|未确认|未披露|未公开|不详",
    re.I,
)
_CLAUSE_BREAK = re.compile(r"[,;:，；：]|\b(?:but|whose|which|who)\b|但")


@dataclass(frozen=True)
class ScoredSentence:
    evidence: Evidence
    score: float
    lexical: float
    semantic: float
    context_lexical: float
    type_match: float
    precision: float = 0.0
    prior: float = 0.0


@dataclass(frozen=True)
class SentenceWeights:
    """How a sentence's score is made: weighted coverage, meaning, focus and retrieval rank, times
    `type_penalty` when it lacks the date or number the question asks for."""

    lexical: float = 0.35
    context: float = 0.15
    semantic: float = 0.30
    precision: float = 0.10
    prior: float = 0.10
    type_penalty: float = 0.6

    def score(self, s: ScoredSentence) -> float:
        return s.type_match * (
            self.lexical * s.lexical
            + self.context * s.context_lexical
            + self.semantic * s.semantic
            + self.precision * s.precision
            + self.prior * s.prior
        )


class ExtractiveAnswerer:
    """Answers with sentences taken word for word from the passages."""

    def __init__(
        self,
        embedder: Embeddings,
        keywords: Callable[[], KeywordIndex],
        abstain_model: AbstainModel | None = None,
        max_sentences: int = 4,
        sentence_weights: SentenceWeights | None = None,
        runner_up_ratio: float = 0.6,
        max_answer_chars: int = 380,
        cache_size: int = 4096,
    ) -> None:
        self.embedder = embedder
        self.keywords = keywords
        self.abstain_model = abstain_model or AbstainModel.load()
        self.max_sentences = max_sentences
        self.sentence_weights = sentence_weights or SentenceWeights()
        self.runner_up_ratio = runner_up_ratio
        self.max_answer_chars = max_answer_chars
        self._sentence_cache: OrderedDict[str, tuple[list[tuple[int, int]], np.ndarray]] = OrderedDict()
        self._cache_size = cache_size

    def answer(self, question: str, passages: list[Passage], language: Language) -> Answer:
        scored = self.score_sentences(question, passages)
        if not scored:
            return Answer(NOT_COVERED[language], True, language, (), reason="not_covered")
        confidence = self.abstain_model.probability(self.evidence_features(question, scored, passages, language))
        if confidence < self.abstain_model.threshold:
            return self.abstain(scored, language, confidence)
        constraints = read_constraints(question, language)
        if constraints:
            kept = [s for s in scored if self.violation(constraints, s, passages) is None]
            broken = self.violation(constraints, scored[0], passages)
            # A sentence saying the date or figure asked for is not known has none by nature: it is not
            # refused for lacking one.
            lacks_answer = broken is not None and broken.kind == "answer_type"
            unknown = self._unconfirmed(question, self._choose(scored)) if lacks_answer else None
            if unknown is not None:
                return self._not_confirmed(unknown, language, confidence)
            if broken is not None:
                # The passage that best matches the question never names the thing it asks about: the
                # question has most likely put another name to what that passage says. A lesser sentence
                # elsewhere that merely names it is no answer.
                if broken.kind == "entity":
                    kept = []
                # It gives another year or figure: the one asked for may be given further on in the same
                # document, but a sentence of another document that holds it is about something else.
                if broken.kind in ("year", "number"):
                    source = scored[0].evidence.passage.chunk.source
                    kept = [s for s in kept if s.evidence.passage.chunk.source == source]
                if kept:
                    features = self.evidence_features(question, kept, passages, language)
                    confidence = self.abstain_model.probability(features)
                if not kept or confidence < self.abstain_model.threshold:
                    return self._refuse(scored[0], broken, language, confidence)
            scored = kept
        chosen = self._choose(scored)
        unconfirmed = self._unconfirmed(question, chosen)
        if unconfirmed is not None:
            return self._not_confirmed(unconfirmed, language, confidence)
        # Best first: with up to four sentences, the one that answers should not wait behind context.
        evidence = [s.evidence for s in chosen]
        return Answer(join_with_markers(evidence, language), False, language, cite(evidence), confidence)

    def _not_confirmed(self, sentence: ScoredSentence, language: Language, confidence: float) -> Answer:
        evidence = [sentence.evidence]
        text = NOT_CONFIRMED[language] + ("" if language == "zh" else " ") + join_with_markers(evidence, language)
        return Answer(text, True, language, cite(evidence), confidence, reason="not_confirmed")

    def _unconfirmed(self, question: str, candidates: list[ScoredSentence]) -> ScoredSentence | None:
        """A sentence that names the question's rarest term and says that what is asked is not known:
        "Kimi ... whose filing date could not be confirmed" for "When was Kimi filed?"."""
        # Nearly every answer says nothing of the kind: look for the wording before tokenising anything.
        candidates = [s for s in candidates if _UNCONFIRMED.search(s.evidence.text)]
        asked = set(keyword_tokens(question)) if candidates else set()
        if not asked:
            return None
        key = max(asked, key=self.keywords().term_weight)
        for sentence in candidates:
            text = sentence.evidence.text
            if key in keyword_tokens(text) and _says_unconfirmed(text, asked):
                return sentence
        return None

    def violation(
        self, constraints: Constraints, sentence: ScoredSentence, passages: list[Passage]
    ) -> Violation | None:
        """The constraint of the question that `sentence` breaks, with its passage's context, if any. The
        passage is every retrieved chunk of the sentence's document (a paragraph may span two chunks)."""
        passage = sentence.evidence.passage
        chunk = passage.chunk
        document = " ".join(p.chunk.text for p in passages if p.chunk.source == chunk.source) or chunk.text
        spans, _ = self.sentence_vectors(passage)
        index = next((i for i, (start, _) in enumerate(spans) if start == sentence.evidence.start), 0)
        previous = chunk.text[spans[index - 1][0] - chunk.start : spans[index - 1][1] - chunk.start] if index else ""
        context = SentenceContext(
            sentence.evidence.text, previous, chunk.heading, chunk.title, chunk.as_of or "", document, chunk.lang
        )
        return violation(constraints, context, as_answer=True)

    def _refuse(self, best: ScoredSentence, broken: Violation, language: Language, confidence: float) -> Answer:
        """An abstention that says what the documents hold and what they lack, quoting the nearest sentence."""
        evidence = [best.evidence]
        text = describe(broken, language) + ("" if language == "zh" else " ") + join_with_markers(evidence, language)
        return Answer(text, True, language, cite(evidence), confidence, reason="constraint")

    def abstain(self, scored: list[ScoredSentence], language: Language, confidence: float) -> Answer:
        nearest: list[Evidence] = []
        for sentence in scored:
            if all(e.passage.chunk.source != sentence.evidence.passage.chunk.source for e in nearest):
                nearest.append(sentence.evidence)
            if len(nearest) == 3:
                break
        return Answer(NOT_COVERED[language], True, language, cite(nearest), confidence, reason="not_covered")

    def _choose(self, scored: list[ScoredSentence]) -> list[ScoredSentence]:
        """The best sentence, plus runners-up at least `runner_up_ratio` as good (the evidence is
        often split between sentences, or a runner-up holds the answer), while the answer stays
        under `max_answer_chars` and does not say the same thing twice."""
        best = scored[0]
        chosen = [best]
        seen = [set(keyword_tokens(best.evidence.text))]
        length = len(best.evidence.text)
        for other in scored[1:8]:
            if len(chosen) >= self.max_sentences or other.score < self.runner_up_ratio * best.score:
                break
            text = other.evidence.text
            tokens = set(keyword_tokens(text))
            if length + len(text) > self.max_answer_chars or any(_overlap(tokens, s) >= 0.5 for s in seen):
                continue
            chosen.append(other)
            seen.append(tokens)
            length += len(text)
        return chosen

    def evidence_features(
        self, question: str, scored: list[ScoredSentence], passages: list[Passage], language: Language
    ) -> dict[str, float]:
        """What `bot.abstain` judges: how well the best sentence and passages cover the question."""
        best = scored[0]
        keywords = self.keywords()
        weights = self._term_weights(question)
        total = sum(weights.values()) or 1.0
        chunk = best.evidence.passage.chunk
        in_context = set(keyword_tokens(f"{chunk.title} {chunk.heading} {chunk.text}"))
        missing = [keywords.term_weight(t) / keywords.max_idf for t in weights if not _mentioned(t, in_context)]
        # A misspelt word ("heaquarters") is unknown to the index, but not to a reader of the passages.
        unknown = [t for t in weights if t not in keywords.idf]
        if unknown:
            retrieved = in_context.union(*(keyword_tokens(p.chunk.text) for p in passages[1:3]))
            unknown = [t for t in unknown if not _mentioned(t, retrieved)]
        cross = float(chunk.lang != language)
        # MiniLM reads English only; otherwise the multilingual encoder's similarity is the one that means something.
        dense_signal = "minilm" if language == "en" and passages and passages[0].chunk.lang == "en" else "use"
        return {
            "lexical": best.lexical,
            "context_lexical": best.context_lexical,
            "best_context_lexical": max(s.context_lexical for s in scored),
            # Across languages every question word is "missing"; that says nothing, so it counts only within one.
            "missing_term": max(missing, default=0.0) * (1 - cross),
            "unknown_terms": sum(weights[t] for t in unknown) / total * (1 - cross),
            "semantic": best.semantic,
            "dense": passages[0].signals.get(dense_signal, 0.0) if passages else 0.0,
            "type_match": float(best.type_match == 1.0),
            "cross_language": cross,
            "semantic_cross": best.semantic * cross,
            "chinese": float(language == "zh"),
            "score": best.score,
        }

    def _term_weights(self, question: str) -> dict[str, float]:
        keywords = self.keywords()
        # Numbers and dates in a question pin down which fact is meant, so they weigh double.
        return {t: keywords.term_weight(t) * (2.0 if t[:1].isdigit() else 1.0) for t in set(keyword_tokens(question))}

    def score_sentences(self, question: str, passages: list[Passage]) -> list[ScoredSentence]:
        """Every sentence of the passages, best first."""
        if not passages:
            return []
        keywords = self.keywords()
        weights = self._term_weights(question)
        total = sum(weights.values()) or 1.0
        wants = answer_type(question)
        question_vector = np.asarray(self.embedder.embed_query(question))
        top_score = passages[0].score or 1.0
        sentence_weights = self.sentence_weights
        scored = []
        for passage in passages:
            chunk = passage.chunk
            context_tokens = set(keyword_tokens(f"{chunk.title} {chunk.heading} {chunk.text}"))
            context_lexical = sum(w for t, w in weights.items() if t in context_tokens) / total
            spans, vectors = self.sentence_vectors(passage)
            similarities = vectors @ question_vector if len(spans) else np.zeros(0)
            for (start, end), semantic in zip(spans, similarities, strict=True):
                text = chunk.text[start - chunk.start : end - chunk.start]
                tokens = set(keyword_tokens(text))
                lexical = sum(w for t, w in weights.items() if t in tokens) / total
                # How much of the sentence is about the question: favours focused sentences.
                sentence_weight = sum(keywords.term_weight(t) for t in tokens) or 1.0
                precision = sum(keywords.term_weight(t) for t in tokens if t in weights) / sentence_weight
                # A "when" or "how many" question is almost never answered by a sentence without
                # a date or a number, however well it matches otherwise.
                type_factor = 1.0 if wants is None or gives(wants, text) else sentence_weights.type_penalty
                sentence = ScoredSentence(
                    Evidence(passage, start, end),
                    0.0,
                    lexical,
                    float(semantic),
                    context_lexical,
                    type_factor,
                    precision,
                    passage.score / top_score,
                )
                scored.append(replace(sentence, score=sentence_weights.score(sentence)))
        scored.sort(key=lambda s: s.score, reverse=True)
        return scored

    def sentence_vectors(self, passage: Passage) -> tuple[list[tuple[int, int]], np.ndarray]:
        """Sentence offsets and vectors of a chunk, cached by chunk id."""
        chunk = passage.chunk
        cached = self._sentence_cache.get(chunk.id)
        if cached is None:
            spans = [(chunk.start + s.start, chunk.start + s.end) for s in sentence_spans(chunk.text)]
            texts = [chunk.text[s - chunk.start : e - chunk.start] for s, e in spans]
            vectors = np.asarray(self.embedder.embed_documents(texts)) if texts else np.zeros((0, 1))
            cached = (spans, vectors)
            self._sentence_cache[chunk.id] = cached
            if len(self._sentence_cache) > self._cache_size:
                self._sentence_cache.popitem(last=False)
        else:
            self._sentence_cache.move_to_end(chunk.id)
        return cached


def _says_unconfirmed(sentence: str, asked: set[str]) -> bool:
    """Whether a clause of the sentence says "not confirmed" (or the like) about something asked."""
    for clause in _CLAUSE_BREAK.split(sentence):
        match = _UNCONFIRMED.search(clause)
        if match and asked & set(keyword_tokens(clause.replace(match.group(0), " "))):
            return True
    return False


def _mentioned(term: str, tokens: set[str]) -> bool:
    """Whether `term` is among `tokens`, allowing one typo in a longer Latin word."""
    if term in tokens:
        return True
    return len(term) >= 5 and term.isascii() and any(one_edit_apart(term, token) for token in tokens)


def _overlap(a: set[str], b: set[str]) -> float:
    """Jaccard overlap of two token sets (1 for two empty sets: nothing new is said)."""
    return len(a & b) / len(a | b) if a or b else 1.0
