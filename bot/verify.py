"""Checking a generated sentence against the passages it cites: lexical support (how much of what it says,
weighted by rarity, the passage says too), embedding support (its closest sentence in the passage, with the
multilingual encoder, which also works across languages), its own years and numbers (each must be in the
passage), and the question's constraints (`bot.constraints`). It says which cited passages support a
sentence and which sentence of each is the closest, for the citation's quote.

It neither prompts a model nor decides what to do with an unsupported sentence (see `bot.llm`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from langchain_core.embeddings import Embeddings

from bot.cite import Evidence
from bot.constraints import YEAR, Constraints, SentenceContext, numbers_in, violation
from bot.keyword import KeywordIndex
from bot.schema import Passage
from bot.text import detect_language, keyword_tokens

# Support thresholds, set by hand (not fitted): a supported sentence says mostly what the passage says
# (half its weighted words) and means about the same as one of its sentences. Across languages no word
# can match, so meaning alone must be close.
MIN_LEXICAL = 0.5
MIN_SEMANTIC = 0.4
MIN_SEMANTIC_ACROSS = 0.55


@dataclass(frozen=True)
class Support:
    """How one cited passage supports a sentence, and the passage sentence closest to it."""

    passage_index: int
    evidence: Evidence
    lexical: float
    semantic: float
    supported: bool
    problem: str = ""  # why not, for the log


class SentenceVerifier:
    """Checks generated sentences against passages, with the answerer's embedder and keyword weights."""

    def __init__(
        self,
        embedder: Embeddings,
        keywords: Callable[[], KeywordIndex],
        sentence_vectors: Callable[[Passage], tuple[list[tuple[int, int]], np.ndarray]],
    ) -> None:
        self.embedder = embedder
        self.keywords = keywords
        self.sentence_vectors = sentence_vectors  # a passage's sentence offsets and vectors (cached by the answerer)

    def check(
        self, sentence: str, cited: list[int], passages: list[Passage], constraints: Constraints, previous: str = ""
    ) -> list[Support]:
        """The support of `sentence` by each passage it cites (1-based numbers; all passages when it cites none)."""
        indices = [n - 1 for n in cited if 1 <= n <= len(passages)] or list(range(len(passages)))
        if not indices or not sentence.strip():
            return []
        vector = np.asarray(self.embedder.embed_query(sentence))
        tokens = set(keyword_tokens(sentence))
        weights = {t: self.keywords().term_weight(t) for t in tokens}
        total = sum(weights.values()) or 1.0
        language = detect_language(sentence)
        years, numbers = set(YEAR.findall(sentence)), set(numbers_in(sentence, skip_years=True))
        results = []
        for index in indices:
            passage = passages[index]
            chunk = passage.chunk
            spans, vectors = self.sentence_vectors(passage)
            similarities = vectors @ vector if len(spans) else np.zeros(1)
            best = int(np.argmax(similarities)) if len(spans) else 0
            start, end = spans[best] if spans else (chunk.start, chunk.end)
            evidence = Evidence(passage, start, end)
            source = f"{chunk.title} {chunk.heading} {chunk.text}"
            present = set(keyword_tokens(source))
            lexical = sum(w for t, w in weights.items() if t in present) / total
            semantic = float(similarities[best]) if len(spans) else 0.0
            problem = ""
            if chunk.lang == language and (lexical < MIN_LEXICAL or semantic < MIN_SEMANTIC):
                problem = f"weak support (words {lexical:.2f}, meaning {semantic:.2f})"
            elif chunk.lang != language and semantic < MIN_SEMANTIC_ACROSS:
                problem = f"weak support across languages (meaning {semantic:.2f})"
            elif missing := sorted(years - set(YEAR.findall(f"{source} {chunk.as_of or ''}"))):
                problem = f"year {missing[0]} not in the source"
            elif missing := sorted(numbers - set(numbers_in(source, skip_years=True))):
                problem = f"number {missing[0]} not in the source"
            else:
                # Names are looked for in the sentence, the answer's previous kept sentence, the passage's
                # title and heading only: a generated
                # sentence should say what it is about, and a passage that merely mentions the name (a page
                # that tells the model what to say about it) does not make the sentence about it.
                context = SentenceContext(
                    sentence, previous, chunk.heading, chunk.title, chunk.as_of or "", "", language
                )
                broken = violation(constraints, context)
                if broken is not None:
                    problem = f"breaks the question's {broken.kind} {broken.asked}"
            results.append(Support(index, evidence, lexical, semantic, not problem, problem))
        return results
