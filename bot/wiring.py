"""The one place that builds the real objects from `Settings`: Chroma client, embedders, stores (documents
and register), search, answerers and `Bot`. Tests build their own from the same parts."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from chromadb.api import ClientAPI
from langchain_core.embeddings import Embeddings

from bot.abstain import AbstainModel
from bot.answer import ExtractiveAnswerer
from bot.chroma import open_chroma
from bot.config import Settings
from bot.core import Answerer, Bot
from bot.embeddings import MiniLMEmbeddings, UniversalSentenceEncoderEmbeddings
from bot.register.answer import RegisterAnswerer
from bot.register.store import RegisterStore
from bot.retrieve import HybridSearch
from bot.store import ChunkStore
from bot.text import init_tokenizers


@lru_cache(maxsize=4)
def load_embedders(english: str, multilingual: str) -> dict[str, Embeddings]:
    """The embedding models by signal name, loaded once per process."""
    embedders: dict[str, Embeddings] = {"minilm": MiniLMEmbeddings(english)}
    if multilingual == "use":
        embedders["use"] = UniversalSentenceEncoderEmbeddings()
    return embedders


def chroma_client(settings: Settings) -> ClientAPI:
    """Embedded Chroma in BOT_DATA_DIR, or the server at BOT_CHROMA_HOST (see `bot.chroma`)."""
    return open_chroma(settings)


def build_store(settings: Settings) -> ChunkStore:
    embedders = load_embedders(settings.english_embedder, settings.multilingual_embedder)
    return ChunkStore(
        chroma_client(settings), embedders, prefix=settings.collection_prefix, refresh_every_s=settings.refresh_s
    )


def build_register_store(settings: Settings) -> RegisterStore:
    """The register's rows, in the same Chroma as the documents, embedded by the multilingual model."""
    embedders = load_embedders(settings.english_embedder, settings.multilingual_embedder)
    embedder = embedders.get("use") or next(iter(embedders.values()))
    return RegisterStore(
        chroma_client(settings), embedder, prefix=settings.collection_prefix, refresh_every_s=settings.refresh_s
    )


def build_register_answerer(register: RegisterStore) -> RegisterAnswerer:
    from bot.register.aliases import load_aliases
    from bot.register.names import NameCatalog
    from bot.register.parse import parse_register_question

    aliases = load_aliases()
    return RegisterAnswerer(
        register,
        lambda rows: NameCatalog.from_rows(rows, aliases),
        parse_register_question,
    )


def load_abstain_model(settings: Settings) -> AbstainModel:
    """The calibrated abstain model (the packaged one unless `BOT_ABSTAIN_MODEL` names another)."""
    model = AbstainModel.load(settings.abstain_model) if settings.abstain_model else AbstainModel.load()
    if settings.abstain_threshold is not None:
        model = replace(model, threshold=settings.abstain_threshold)
    return model


def build_answerer(settings: Settings, store: ChunkStore) -> Answerer:
    """The extractive answerer, or an LLM gated by it when `BOT_LLM_BASE_URL` is set."""
    sentence_embedder = store.embedders.get("use") or next(iter(store.embedders.values()))
    extractive = ExtractiveAnswerer(
        sentence_embedder,
        lambda: store.keywords,
        load_abstain_model(settings),
        max_sentences=settings.answer_sentences,
    )
    if settings.llm_base_url:
        from bot.llm import LLMAnswerer

        return LLMAnswerer.from_settings(settings, gate=extractive)
    return extractive


def build_bot(settings: Settings, store: ChunkStore | None = None, register: RegisterStore | None = None) -> Bot:
    import torch

    init_tokenizers()
    # Questions are encoded one at a time; several torch threads per question only fight over the
    # cores with parallel requests (measured: 17 ms with one thread, up to 0.5 s with two under load).
    torch.set_num_threads(settings.query_threads)
    store = store or build_store(settings)
    register = register or build_register_store(settings)
    return Bot(
        HybridSearch(store),
        build_answerer(settings, store),
        top_k=settings.top_k,
        max_question_chars=settings.max_question_chars,
        register=build_register_answerer(register),
    )
