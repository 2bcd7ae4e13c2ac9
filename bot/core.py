"""`Bot`: the library core. `Bot.ask(question, history) -> Answer` answers a register question (a
lookup, list or count over the CAC's lists) from the register, and any other question by a LangChain
chain (retrieve → answer → cite) over the documents. Collaborators are handed in by
`bot.wiring.build_bot`. Edges (CLI, API, UI) call this and only translate its input and output.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any, Protocol

from langchain_core.runnables import Runnable, RunnableLambda

from bot.errors import CorpusNotIndexed, InvalidQuestion
from bot.followup import standalone_question
from bot.printable import unprintable
from bot.register.answer import RegisterAnswerer
from bot.retrieve import HybridSearch
from bot.schema import Answer, Passage
from bot.store import IndexStats
from bot.text import Language, detect_language, is_traditional, to_simplified, to_traditional_as_written


class Answerer(Protocol):
    def answer(self, question: str, passages: list[Passage], language: Language) -> Answer: ...


Message = dict[str, Any]  # {"role": "user" | "assistant", "content": str}


class Bot:
    """Answers questions from the indexed documents, with citations, or says they don't cover it."""

    def __init__(
        self,
        search: HybridSearch,
        answerer: Answerer,
        top_k: int = 6,
        max_question_chars: int = 2000,
        register: RegisterAnswerer | None = None,
    ):
        self.search = search
        self.answerer = answerer
        self.register = register
        self.top_k = top_k
        self.max_question_chars = max_question_chars
        self.chain: Runnable[dict[str, Any], Answer] = RunnableLambda(self._retrieve) | RunnableLambda(self._answer)

    def ask(self, question: str, history: Sequence[Message] = ()) -> Answer:
        """Answer one question; `history` (earlier turns) helps with short follow-ups."""
        state = self._prepare(question, history)
        answer = self._from_register(state, history) or self.chain.invoke(state)
        return _in_script_of(state, answer)

    def stream(self, question: str, history: Sequence[Message] = ()) -> Iterator[str | Answer]:
        """The answer text in pieces as it is produced, then the finished `Answer`."""
        state = self._prepare(question, history)
        whole = self._from_register(state, history)
        if whole is None and state["traditional"]:
            # Converting to Traditional characters needs the whole text: answer first, then send it in pieces.
            whole = self.chain.invoke(state)
        if whole is not None:
            whole = _in_script_of(state, whole)
            yield from re.findall(r"\S+\s*|\s+", whole.answer)
            yield whole
            return
        state = self._retrieve(state)
        if hasattr(self.answerer, "stream"):
            for piece in self.answerer.stream(state["question"], state["passages"], state["language"]):
                if isinstance(piece, Answer) and state["standalone"]:
                    piece = replace(piece, standalone_question=state["standalone"])
                yield piece
            return
        answer = self._answer(state)
        yield from re.findall(r"\S+\s*|\s+", answer.answer)
        yield answer

    def warm_up(self) -> None:
        """Do the one-off work of a first question now (the register's name catalog), not for the first user."""
        if self.register is not None:
            self.register.warm_up()

    def stats(self, check_now: bool = False) -> IndexStats:
        """What the index holds; `check_now` asks the store now rather than from this replica's copy."""
        return self.search.store.stats(check_now=check_now)

    def check(self, question: str, history: Sequence[Message] = ()) -> str:
        """The question, trimmed, if it can be asked; else `InvalidQuestion` or `CorpusNotIndexed`, before any work."""
        question = question or ""
        if len(question) > self.max_question_chars:
            raise InvalidQuestion(
                f"The question is {len(question)} characters long; the limit is {self.max_question_chars}."
            )
        if found := unprintable(question):
            raise InvalidQuestion(f"The question holds {found}; remove it and ask again.")
        for n, turn in enumerate(history):
            if found := unprintable(str(turn.get("content", ""))):
                raise InvalidQuestion(f"Turn {n + 1} of the history holds {found}; remove it and ask again.")
        question = question.strip()
        if not question:
            raise InvalidQuestion("The question is empty: type a question about the documents.")
        if len(self.search.store.keywords) == 0 and (self.register is None or len(self.register.store) == 0):
            raise CorpusNotIndexed("the index")
        return question

    def _prepare(self, question: str, history: Sequence[Message]) -> dict[str, Any]:
        """The question ready to answer. One in Traditional characters is read in Simplified, as the
        documents and the register are written (華為 finds 华为), and answered in Traditional."""
        question = written = self.check(question, history)
        traditional = is_traditional(question)
        if traditional:
            question = to_simplified(question)
            history = [{**m, "content": to_simplified(str(m.get("content", "")))} for m in history]
        standalone = standalone_question(question, history)
        return {
            "question": standalone or question,
            "query": standalone or question,
            "asked": question,
            "standalone": standalone,
            "language": detect_language(question),
            "traditional": traditional,
            "written": written,
        }

    def _from_register(self, state: dict[str, Any], history: Sequence[Message]) -> Answer | None:
        """The register's answer when the question asks for a lookup, list or count of its rows."""
        if self.register is None:
            return None
        answer = self.register.answer(state["asked"], history, state["language"])
        return self._beside_reported_figure(state, answer) if answer is not None else None

    def _beside_reported_figure(self, state: dict[str, Any], answer: Answer) -> Answer:
        """A running total "as of" a date is also given as the documents report it, when they do: the lists
        and the figures reported at the time can differ, and the reader should see both, not one picked."""
        table = answer.register
        if table is None or table.query.get("intent") != "count" or table.query.get("entities"):
            return answer
        if not table.query.get("date_to") or table.query.get("date_from"):
            return answer
        reported = self.chain.invoke(state)
        if reported.abstained or not reported.citations or not re.search(r"\d", reported.citations[0].quote):
            return answer
        cited = replace(reported.citations[0], n=len(answer.citations) + 1)
        if answer.language == "zh":
            text = f"{answer.answer}文档中当时报道的数字：“{cited.quote}”[{cited.n}]"
        else:
            text = f"{answer.answer} The documents give the figure reported at the time: “{cited.quote}” [{cited.n}]"
        return replace(answer, answer=text, citations=(*answer.citations, cited))

    def _retrieve(self, state: dict[str, Any]) -> dict[str, Any]:
        passages = self.search.search(state["query"], self.top_k, state["language"])
        return {**state, "passages": passages}

    def _answer(self, state: dict[str, Any]) -> Answer:
        answer = self.answerer.answer(state["question"], state["passages"], state["language"])
        return replace(answer, standalone_question=state["standalone"]) if state["standalone"] else answer


def _in_script_of(state: dict[str, Any], answer: Answer) -> Answer:
    """The answer's text in Traditional characters when the question was, in the user's own spelling of the
    words they wrote; quotes stay exact slices."""
    if not state.get("traditional"):
        return answer
    return replace(answer, answer=to_traditional_as_written(answer.answer, state.get("written", "")))
