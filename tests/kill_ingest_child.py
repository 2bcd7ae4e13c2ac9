"""The process the SIGKILL trials kill (tests/test_kill_ingest.py, bench/kill_ingest.py).

    python tests/kill_ingest_child.py ingest CORPUS --data DIR [--chroma HOST:PORT] [--prefix P] [--kill-at N]
    python tests/kill_ingest_child.py writes CORPUS --data DIR ...   # ingest, then list its writes, one a line
    python tests/kill_ingest_child.py snapshot --data DIR [--chroma HOST:PORT] [--prefix P]

`ingest` runs the bot's own `ingest` (documents and register tables) with deterministic fake embedders, so no
model is loaded; with `--kill-at N` the process SIGKILLs itself just before its Nth write to Chroma (an
upsert or a delete, in any collection), which is how a write is cut short between any two of its steps.
`snapshot` prints, as JSON, every collection's ids and every completion marker's hash: what "the index" is.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from pathlib import Path
from typing import Any

import chromadb
from chromadb.api import ClientAPI
from chromadb.config import Settings as ChromaSettings
from fakes import HashedEmbeddings

GENERATION_IDS = {"generation", "register-generation"}  # a fresh random value on every write: not content


class CountingCollection:
    """A Chroma collection whose writes are counted; the process kills itself before write number `kill_at`."""

    def __init__(self, collection: Any, writes: list[str], kill_at: int | None) -> None:
        self._collection = collection
        self._writes = writes
        self._kill_at = kill_at

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._collection, name)
        if name not in ("upsert", "delete", "add", "update"):
            return attribute

        def write(*args: Any, **kwargs: Any) -> Any:
            self._writes.append(f"{self._collection.name}.{name}")
            if len(self._writes) == self._kill_at:
                os.kill(os.getpid(), signal.SIGKILL)
            return attribute(*args, **kwargs)

        return write


class CountingClient:
    """A Chroma client whose collections are `CountingCollection`s."""

    def __init__(self, client: ClientAPI, kill_at: int | None) -> None:
        self._client = client
        self._kill_at = kill_at
        self.writes: list[str] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._client, name)

    def get_or_create_collection(self, *args: Any, **kwargs: Any) -> CountingCollection:
        return CountingCollection(self._client.get_or_create_collection(*args, **kwargs), self.writes, self._kill_at)


def open_client(args: argparse.Namespace) -> ClientAPI:
    settings = ChromaSettings(anonymized_telemetry=False)
    if args.chroma:
        host, port = args.chroma.rsplit(":", 1)
        return chromadb.HttpClient(host=host, port=int(port), settings=settings)
    return chromadb.PersistentClient(path=str(Path(args.data) / "chroma"), settings=settings)


def run_ingest(args: argparse.Namespace) -> list[str]:
    from bot.ingest import ingest
    from bot.register.store import RegisterStore
    from bot.store import ChunkStore

    client = CountingClient(open_client(args), args.kill_at)
    fake = HashedEmbeddings()
    store = ChunkStore(client, {"minilm": fake, "use": fake}, prefix=args.prefix, refresh_every_s=0)  # type: ignore[arg-type]
    register = RegisterStore(client, fake, prefix=args.prefix, refresh_every_s=0)  # type: ignore[arg-type]
    corpus = Path(args.corpus)
    report = ingest([corpus], store, progress=False, register=register, corpus=corpus)
    if not report.ok:
        sys.exit(f"ingest failed: {report.failed}")
    return client.writes


def snapshot(args: argparse.Namespace) -> dict[str, Any]:
    """Each of the prefix's collections: its ids, sorted, and for completion markers their content hashes."""
    client = open_client(args)
    found: dict[str, Any] = {}
    for collection in sorted(client.list_collections(), key=lambda c: c.name):
        if not collection.name.startswith(f"{args.prefix}-"):
            continue
        got = collection.get(include=["documents"])
        entries = {
            id_: doc if collection.name.endswith("meta") else None
            for id_, doc in zip(got["ids"], got["documents"] or [None] * len(got["ids"]), strict=True)
            if id_ not in GENERATION_IDS
        }
        assert len(entries) == len(got["ids"]) - len(set(got["ids"]) & GENERATION_IDS), "repeated ids"
        found[collection.name] = sorted(entries.items())
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["ingest", "writes", "snapshot"])
    parser.add_argument("corpus", nargs="?")
    parser.add_argument("--data", required=True)
    parser.add_argument("--chroma", help="HOST:PORT of a Chroma server; else embedded Chroma in --data")
    parser.add_argument("--prefix", default="approvals")
    parser.add_argument("--kill-at", type=int)
    args = parser.parse_args()
    if args.command == "snapshot":
        print(json.dumps(snapshot(args), ensure_ascii=False))
        return
    writes = run_ingest(args)
    if args.command == "writes":
        print("\n".join(writes))


if __name__ == "__main__":
    main()
