"""An answerer backed by a chat model (any OpenAI-compatible endpoint, e.g. llama.cpp's server or
Ollama), chosen by setting `BOT_LLM_BASE_URL`. The extractive answerer's evidence score gates it, so
the LLM is only asked when the passages can answer; its [n] markers are mapped back to the sentence
of passage n that best supports the answer, so citations stay exact quotes."""

from __future__ import annotations

import re
from collections.abc import Iterator

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage

from bot.answer import ExtractiveAnswerer
from bot.cite import Evidence, cite
from bot.config import Settings
from bot.errors import ModelUnavailable
from bot.schema import Answer, Passage
from bot.text import Language, keyword_tokens, sentence_spans

NOT_COVERED_TOKEN = "NOT_COVERED"
SYSTEM_PROMPT = (
    "You answer questions using only the numbered sources you are given. Answer briefly, in the language of "
    "the question, and put the number of each source you use in square brackets, like [1]. If the sources "
    f"do not contain the answer, reply with exactly {NOT_COVERED_TOKEN}."
)
_MARKER = re.compile(r"\[(\d+)\]")


class LLMAnswerer:
    """Asks `chat_model` to answer from the passages; `gate` decides first whether to answer at all."""

    def __init__(self, chat_model: BaseChatModel, gate: ExtractiveAnswerer) -> None:
        self.chat_model = chat_model
        self.gate = gate

    @classmethod
    def from_settings(cls, settings: Settings, gate: ExtractiveAnswerer) -> LLMAnswerer:
        try:
            from langchain_openai import ChatOpenAI
        except ImportError as error:
            raise ModelUnavailable("An LLM endpoint needs `pip install langchain-openai`.") from error
        model = ChatOpenAI(
            base_url=settings.llm_base_url,
            model=settings.llm_model,
            api_key=settings.llm_api_key,  # type: ignore[arg-type]
            timeout=settings.llm_timeout_s,
            temperature=0,
            max_retries=1,
        )
        return cls(model, gate)

    def answer(self, question: str, passages: list[Passage], language: Language) -> Answer:
        final = None
        for piece in self.stream(question, passages, language):
            if isinstance(piece, Answer):
                final = piece
        assert final is not None
        return final

    def stream(self, question: str, passages: list[Passage], language: Language) -> Iterator[str | Answer]:
        gated = self.gate.answer(question, passages, language)
        if gated.abstained:
            yield from _words(gated.answer)
            yield gated
            return
        messages = [SystemMessage(SYSTEM_PROMPT), HumanMessage(_prompt(question, passages))]
        text = ""
        try:
            for chunk in self.chat_model.stream(messages):
                piece = chunk.content if isinstance(chunk.content, str) else ""
                text += piece
                if NOT_COVERED_TOKEN not in text and piece:
                    yield piece
        except Exception as error:  # the endpoint's own errors vary by client library
            raise ModelUnavailable(f"The LLM at the configured endpoint failed: {error}") from error
        # A reply of nothing but source markers ("[1]") says nothing either.
        if NOT_COVERED_TOKEN in text or not _MARKER.sub("", text).strip():
            abstained = self.gate.abstain(self.gate.score_sentences(question, passages), language, 0.0)
            yield abstained
            return
        yield _cited_answer(text.strip(), passages, language, gated.confidence)


def _prompt(question: str, passages: list[Passage]) -> str:
    sources = "\n\n".join(f"[{n}] {p.chunk.title}\n{p.chunk.text}" for n, p in enumerate(passages, start=1))
    return f"Sources:\n\n{sources}\n\nQuestion: {question}"


def _words(text: str) -> list[str]:
    return re.findall(r"\S+\s*|\s+", text)


def _cited_answer(text: str, passages: list[Passage], language: Language, confidence: float) -> Answer:
    """Renumber the model's [n] markers in order of use and cite the best-supporting sentence of each."""
    used = [int(n) for n in _MARKER.findall(text) if 1 <= int(n) <= len(passages)]
    order = list(dict.fromkeys(used)) or [1]
    answer_tokens = set(keyword_tokens(_MARKER.sub("", text)))
    evidence = [_best_sentence(passages[n - 1], answer_tokens) for n in order]
    renumber = {old: new for new, old in enumerate(order, start=1)}
    body = _MARKER.sub(lambda m: f"[{renumber[int(m.group(1))]}]" if int(m.group(1)) in renumber else "", text)
    if not _MARKER.search(body):
        body = f"{body} [1]"
    return Answer(body, False, language, cite(evidence), confidence)


def _best_sentence(passage: Passage, answer_tokens: set[str]) -> Evidence:
    chunk = passage.chunk
    spans = sentence_spans(chunk.text) or []
    best = max(spans, key=lambda s: len(answer_tokens & set(keyword_tokens(chunk.text[s.start : s.end]))))
    return Evidence(passage, chunk.start + best.start, chunk.start + best.end)
