"""`python -m bot eval`: index an evaluation set into a throwaway store (or use the current index),
ask every question with our bot and, with --baseline, with the plain LangChain pipeline, then write
`metrics.json`, a chart and a Markdown report of bot against baseline and of every miss.
A questions file with register questions (`kind: "register"`, e.g. `evalsets/register.jsonl`) is asked
against a throwaway index of the whole corpus folder, documents and register lists, built by `bot ingest`'s
own code, so the evaluation reads the register as a fresh clone would."""

from __future__ import annotations

import json
import logging
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tqdm import tqdm

from bot.config import Settings
from bot.core import Bot
from bot.documents import Document, find_documents, read_document
from bot.evaluate import Outcome, answer_metrics, is_correct, load_questions
from bot.schema import Answer
from bot.text import detect_language

RECALL_AT = (1, 5, 10)
log = logging.getLogger(__name__)


@dataclass
class System:
    name: str
    ask: Callable[[str], Answer]
    rank: Callable[[str], list[str]]  # document ids, best first


def load_corpus(path: Path) -> list[Document]:
    documents = []
    for row in load_questions(path):  # the same JSON-lines reader
        text = str(row["text"])
        documents.append(
            Document(
                source=str(row["doc_id"]),
                title=str(row.get("title") or row["doc_id"]),
                text=text,
                body_start=0,
                lang=detect_language(text),
            )
        )
    return documents


def run_system(system: System, questions: list[dict[str, Any]], progress: bool) -> tuple[dict[str, Any], list[Outcome]]:
    outcomes, retrieval_ms = [], []
    hits = {k: 0 for k in RECALL_AT}
    reciprocal, ranked_questions = 0.0, 0
    for question in tqdm(questions, desc=f"Asking ({system.name})", unit="q", disable=not progress, leave=False):
        started = time.perf_counter()
        ranked = system.rank(question["question"])
        retrieval_ms.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        answer = system.ask(question["question"])
        seconds = time.perf_counter() - started
        answerable = question.get("answerable", True)
        outcome = Outcome(question, answer, seconds, is_correct(question, answer), ranked)
        outcomes.append(outcome)
        gold = set(question.get("gold_doc_ids") or [])
        if answerable and gold:
            ranked_questions += 1
            for k in RECALL_AT:
                hits[k] += bool(gold & set(ranked[:k]))
            first = next((i for i, doc_id in enumerate(ranked[:10]) if doc_id in gold), None)
            reciprocal += 1.0 / (first + 1) if first is not None else 0.0
    metrics = answer_metrics(outcomes)
    if ranked_questions:
        for k in RECALL_AT:
            metrics[f"recall@{k}"] = round(hits[k] / ranked_questions, 4)
        metrics["mrr@10"] = round(reciprocal / ranked_questions, 4)
    retrieval_ms.sort()
    metrics["retrieval_p50_ms"] = round(retrieval_ms[len(retrieval_ms) // 2], 1) if retrieval_ms else None
    return metrics, outcomes


def _bot_system(bot) -> System:  # type: ignore[no-untyped-def]
    def rank(question: str) -> list[str]:
        passages = bot.search.search(question, 30)
        return list(dict.fromkeys(p.chunk.source for p in passages))[:10]

    return System("bot", bot.ask, rank)


def corpus_documents(settings: Settings, lang: str | None = None) -> list[Document]:
    """The documents of the corpus folder, or only those in one language."""
    from bot.ingest import source_name
    from bot.register.ingest import is_sidecar, is_table

    paths = [p for p in find_documents([settings.corpus_dir]) if not is_table(p) and not is_sidecar(p)]
    documents = [read_document(p, source_name(p)) for p in paths]
    return [d for d in documents if lang is None or d.lang == lang]


def throwaway_bot(documents: list[Document], settings: Settings, data_dir: Path, progress: bool = False) -> Bot:
    """A bot over a fresh embedded index of `documents` in `data_dir`."""
    from bot.ingest import index_documents
    from bot.wiring import build_bot, build_store

    local = settings.model_copy(update={"data_dir": data_dir, "chroma_host": None})
    store = build_store(local)
    progress_bar = tqdm(documents, desc="Indexing", unit="doc", disable=not progress, leave=False)
    index_documents(progress_bar, store, local.chunk_chars)
    store.refresh(force=True)
    return build_bot(local, store)


def corpus_bot(settings: Settings, data_dir: Path, progress: bool = False) -> Bot:
    """A bot over a fresh embedded index of the whole corpus folder, ingested as `bot ingest` does it.
    Files the ingest could not read are logged (as `bot ingest` reports them) and left out."""
    from bot.ingest import ingest
    from bot.wiring import build_bot, build_register_store, build_store

    local = settings.model_copy(update={"data_dir": data_dir, "chroma_host": None})
    store, register = build_store(local), build_register_store(local)
    report = ingest([settings.corpus_dir], store, local.chunk_chars, progress=progress, register=register)
    if report.failed:
        log.warning("The evaluation's index leaves out %d unreadable corpus files", len(report.failed))
    store.refresh(force=True)
    register.refresh(force=True)
    return build_bot(local, store, register)


def has_register_questions(questions: list[dict[str, Any]]) -> bool:
    return any(q.get("kind") == "register" for q in questions)


def evaluate_path(
    path: Path,
    settings: Settings,
    baseline: bool,
    out_dir: Path,
    progress: bool = True,
    index_lang: str | None = None,
) -> dict[str, Any]:
    """Run the evaluation described in the module docstring; returns what `metrics.json` holds.
    With `index_lang`, a questions file is asked against a throwaway index of only the corpus
    documents in that language (for the cross-language sets)."""
    from bot.wiring import build_bot

    with tempfile.TemporaryDirectory(prefix="bot-eval-") as scratch:
        if path.is_dir():
            questions = load_questions(path / "questions.jsonl")
            documents = load_corpus(path / "corpus.jsonl")
        else:
            questions = load_questions(path)
            documents = corpus_documents(settings, index_lang) if baseline or index_lang else []
        if path.is_dir() or index_lang:
            bot = throwaway_bot(documents, settings, Path(scratch) / "bot", progress)
        elif has_register_questions(questions):
            bot = corpus_bot(settings, Path(scratch) / "bot", progress)
        else:
            bot = build_bot(settings)
        results: dict[str, Any] = {}
        outcomes: dict[str, list[Outcome]] = {}
        results["bot"], outcomes["bot"] = run_system(_bot_system(bot), questions, progress)
        if baseline:
            from bot.baseline import BaselinePipeline
            from bot.embeddings import resolve_model_path

            pipeline = BaselinePipeline(Path(scratch) / "baseline", resolve_model_path(settings.english_embedder))
            pipeline.index([(d.source, d.title, d.text[d.body_start :]) for d in documents])
            system = System("baseline", pipeline.ask, pipeline.ranked_doc_ids)
            results["baseline"], outcomes["baseline"] = run_system(system, questions, progress)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "metrics.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    from bot.eval_report import write_report

    write_report(path, results, outcomes, out_dir)
    return results
