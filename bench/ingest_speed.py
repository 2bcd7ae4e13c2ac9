"""Ingest speed against its limit, in one process on the same documents:

- limit: encoding exactly the texts our ingest embeds (`ChunkStore.embedding_units`: each English
  chunk's sentences for MiniLM, each chunk with its title and heading for USE) with the same embedder
  objects, the same batch sizes and thread settings, and nothing else;
- ours: `bot.ingest.index_documents` into a throwaway on-disk Chroma (chunking, MiniLM and USE
  vectors, BM25 tokens, Chroma writes);
- baseline: `bot.baseline.BaselinePipeline.index` (RecursiveCharacterTextSplitter 400/40,
  HuggingFaceEmbeddings with the same MiniLM weights, langchain_chroma) on the same documents.

Model loading, jieba's dictionary and reading the JSON lines are set-up, outside every timing.
Prints a table and writes `ingest_speed.json`. Speeds are compared as ratios: absolute numbers
depend on the machine and on whatever else it is running.

    python bench/ingest_speed.py [--data ../shared/eval] [--out bench/results] [--limit-chunks N]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from datetime import UTC, datetime
from itertools import chain, zip_longest
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
# Benchmark this checkout's code, not whatever `bot` the environment has installed.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from langchain_core.embeddings import Embeddings

from bot.chunking import chunk_document
from bot.config import Settings
from bot.documents import Document
from bot.embeddings import encode_documents
from bot.text import detect_language, init_tokenizers

SETS = ("squad2_en", "cmrc2018_zh")
MIN_CHUNKS = 5000


def load_documents(data: Path, sets: tuple[str, ...]) -> list[Document]:
    """The sets' passages as documents, interleaved so any prefix holds both languages."""
    per_set = []
    for name in sets:
        documents = []
        with (data / name / "corpus.jsonl").open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    row = json.loads(line)
                    text = str(row["text"])
                    title = str(row.get("title") or row["doc_id"])
                    documents.append(Document(f"{name}/{row['doc_id']}", title, text, 0, detect_language(text)))
        per_set.append(documents)
    return [d for d in chain.from_iterable(zip_longest(*per_set)) if d is not None]


def select_documents(documents: list[Document], chunk_chars: int, limit_chunks: int | None) -> list[Document]:
    """All documents, or the first ones that give at least `limit_chunks` chunks."""
    if limit_chunks is None:
        return documents
    chosen, chunks = [], 0
    for document in documents:
        if chunks >= limit_chunks:
            break
        chosen.append(document)
        chunks += len(chunk_document(document, chunk_chars))
    return chosen


def limit_round(embedders: dict[str, Embeddings], units: dict[str, list[str]]) -> float:
    """Seconds to encode each embedder's texts, one call each (the most padding-friendly way)."""
    started = time.perf_counter()
    for name, texts in units.items():
        encode_documents(embedders[name], texts)
    return time.perf_counter() - started


def ours_round(documents: list[Document], store: Any, chunk_chars: int) -> tuple[float, int]:
    from bot.ingest import index_documents

    started = time.perf_counter()
    report = index_documents(documents, store, chunk_chars)
    return time.perf_counter() - started, report.chunks


def baseline_round(documents: list[Document], pipeline: Any) -> tuple[float, int]:
    triples = [(d.source, d.title, d.text[d.body_start :]) for d in documents]
    started = time.perf_counter()
    chunks = pipeline.index(triples)
    return time.perf_counter() - started, chunks


def _row(documents: int, chunks: int, seconds: float) -> dict[str, float | int]:
    return {
        "documents": documents,
        "chunks": chunks,
        "seconds": round(seconds, 2),
        "chunks_per_s": round(chunks / seconds, 1),
        "documents_per_s": round(documents / seconds, 1),
    }


def format_table(result: dict[str, Any]) -> str:
    rows, ratios = result["rows"], result["ratios"]
    lines = [
        f"{'':9} {'docs':>6} {'chunks':>7} {'seconds':>8} {'chunks/s':>9} {'docs/s':>7}",
        *(
            f"{name:9} {row['documents']:>6} {row['chunks']:>7} {row['seconds']:>8.1f} "
            f"{row['chunks_per_s']:>9.1f} {row['documents_per_s']:>7.1f}"
            for name, row in rows.items()
        ),
        "",
        f"ours / limit     (chunks/s, the same chunks):  {ratios['ours_over_limit']:.2f}",
    ]
    if "baseline" in rows:
        lines.append(f"ours / baseline  (chunks/s, own chunkers):     {ratios['ours_over_baseline_chunks']:.2f}")
        lines.append(f"ours / baseline  (docs/s, the same documents): {ratios['ours_over_baseline_documents']:.2f}")
    return "\n".join(lines)


def run(
    data: Path, out: Path, chunk_chars: int, limit_chunks: int | None, rounds: int = 2, baseline: bool = True
) -> dict[str, Any]:
    """Measure the rows described in the module docstring and write `ingest_speed.json`.

    The documents are cut into `rounds` slices and every row ingests every slice, in the order
    limit, ours, baseline and then the reverse, so that a change in the machine's load while the
    benchmark runs falls on all rows alike instead of on whichever ran at the time."""
    import torch

    from bot.baseline import BaselinePipeline
    from bot.embeddings import resolve_model_path
    from bot.wiring import build_store, load_embedders

    init_tokenizers()
    documents = select_documents(load_documents(data, SETS), chunk_chars, limit_chunks)
    size = -(-len(documents) // rounds)
    slices = [documents[i : i + size] for i in range(0, len(documents), size)]
    part_chunks = [[c for d in part for c in chunk_document(d, chunk_chars)] for part in slices]
    chunks = sum(len(part) for part in part_chunks)
    default_chars = Settings.model_fields["chunk_chars"].default
    default_chunks = sum(len(chunk_document(d, default_chars)) for d in documents)
    names = ["limit", "ours", *(["baseline"] if baseline else [])]
    seconds = dict.fromkeys(names, 0.0)
    written = dict.fromkeys(names, 0)

    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as scratch:
        settings = Settings(data_dir=Path(scratch) / "ours", chroma_host=None, chunk_chars=chunk_chars)  # type: ignore[call-arg]
        embedders = load_embedders(settings.english_embedder, settings.multilingual_embedder)
        store = build_store(settings)
        units = [{name: texts for name, (_, texts, _) in store.embedding_units(part).items()} for part in part_chunks]
        pipeline = None
        if baseline:
            pipeline = BaselinePipeline(Path(scratch) / "baseline", resolve_model_path(settings.english_embedder))
            pipeline.embeddings.embed_query("warm up")
        for embedder in embedders.values():  # the first calls load weights lazily
            encode_documents(embedder, [c.context for c in part_chunks[0][:8]])
        for number, (part, part_units) in enumerate(zip(slices, units, strict=True)):
            for name in names if number % 2 == 0 else reversed(names):
                if name == "limit":
                    took, count = limit_round(embedders, part_units), len(part_chunks[number])
                elif name == "ours":
                    took, count = ours_round(part, store, chunk_chars)
                else:
                    took, count = baseline_round(part, pipeline)
                seconds[name] += took
                written[name] += count
        store.refresh(force=True)
        if len(list(store.iter_chunks())) != written["ours"] or written["ours"] != chunks:
            raise RuntimeError("our ingest did not store exactly the chunks the limit encoded")

    rows = {name: _row(len(documents), written[name], seconds[name]) for name in names}
    ratios = {"ours_over_limit": round(rows["ours"]["chunks_per_s"] / rows["limit"]["chunks_per_s"], 3)}
    if baseline:
        ratios["ours_over_baseline_chunks"] = round(rows["ours"]["chunks_per_s"] / rows["baseline"]["chunks_per_s"], 3)
        ratios["ours_over_baseline_documents"] = round(seconds["baseline"] / seconds["ours"], 3)
    languages = {lang: sum(d.lang == lang for d in documents) for lang in ("en", "zh")}
    note = (
        f"{len(documents)} documents ({languages['en']} en, {languages['zh']} zh) from {', '.join(SETS)} "
        f"give {chunks} chunks at chunk_chars={chunk_chars} (the default, {default_chars}, gives {default_chunks})"
    )
    if limit_chunks is None and chunks < MIN_CHUNKS:
        note += f"; fewer than {MIN_CHUNKS} chunks: lower --chunk-chars to reach them"
    result = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "corpus": note,
        "conditions": {
            "cpus": os.cpu_count(),
            "load_average_1m_at_end": round(os.getloadavg()[0], 2),
            "rounds": len(slices),
            "torch_threads": torch.get_num_threads(),
            "use_threads": getattr(embedders.get("use"), "threads", None),
            "batch_sizes": {name: getattr(e, "batch_size", None) for name, e in embedders.items()},
            "python": platform.python_version(),
        },
        "rows": rows,
        "ratios": ratios,
    }
    out.mkdir(parents=True, exist_ok=True)
    (out / "ingest_speed.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/eval"), help="folder holding the public sets")
    parser.add_argument("--out", type=Path, default=Path("bench/results"), help="where ingest_speed.json goes")
    parser.add_argument(
        "--chunk-chars",
        type=int,
        default=300,
        help="chunk size for our ingest (300: the 1,805 passages give over 5,000 chunks; 600 gives ~3,000)",
    )
    parser.add_argument("--limit-chunks", type=int, help="use only the first documents that give this many chunks")
    parser.add_argument("--rounds", type=int, default=2, help="slices the rows take turns on (evens out load changes)")
    parser.add_argument("--no-baseline", action="store_true", help="skip the LangChain baseline row")
    args = parser.parse_args(argv)
    result = run(args.data, args.out, args.chunk_chars, args.limit_chunks, args.rounds, not args.no_baseline)
    print(f"Ingest speed: {result['corpus']}.")
    conditions = result["conditions"]
    print(
        f"{conditions['cpus']} CPUs, {conditions['rounds']} rounds, torch threads {conditions['torch_threads']}, "
        f"USE threads {conditions['use_threads']}, batch sizes {conditions['batch_sizes']}, "
        f"load average at the end {conditions['load_average_1m_at_end']}\n"
    )
    print(format_table(result))
    print(f"\nWrote {args.out / 'ingest_speed.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
