"""SIGKILL during ingest, then ingest again, many times: does the index always equal a clean ingest's (the same
ids in every collection, none repeated, none missing, the same completion markers)? Documents and register
rows, embedded Chroma and a `chroma run` server, two kinds of trial:

- at every step: the ingest process (tests/kill_ingest_child.py, fake embedders) kills itself just before
  its 1st, 2nd, … last write to Chroma;
- at any moment: the real `python -m bot ingest` (real models) is killed t seconds after it starts indexing,
  for t spread evenly over a clean ingest's duration, so kills also land inside a write.

    python bench/kill_ingest.py [--timed-trials 6] [--out bench/results]

Prints one line per trial and a summary, and writes OUT/kill_ingest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from chroma_server import ChromaServer  # noqa: E402
from small_corpus import copy_documents, write_register_table  # noqa: E402

CHILD = REPO / "tests" / "kill_ingest_child.py"
DOCUMENTS = ("filing-vs-registration.md", "zh-filing-vs-registration.md", "algorithm-registry.md", "zh-batches.md")
LIMIT_S = 600


def environment(**extra: str) -> dict[str, str]:
    base = {**os.environ, "PYTHONPATH": str(REPO), "ANONYMIZED_TELEMETRY": "False", "HF_HUB_OFFLINE": "1"}
    return {**base, **extra}


def child(*args: str, server: ChromaServer | None, prefix: str) -> subprocess.CompletedProcess[str]:
    where = ["--chroma", f"{server.host}:{server.port}"] if server else []
    command = [sys.executable, str(CHILD), *args, "--prefix", prefix, *where]
    return subprocess.run(command, capture_output=True, text=True, timeout=LIMIT_S, env=environment(), cwd=REPO)


def snapshot(data: Path, server: ChromaServer | None, prefix: str) -> dict[str, Any]:
    result = child("snapshot", "--data", str(data), server=server, prefix=prefix)
    if result.returncode != 0:
        raise RuntimeError(result.stderr)
    return json.loads(result.stdout)


def bot_env(corpus: Path, data: Path, server: ChromaServer | None, prefix: str) -> dict[str, str]:
    settings = {"BOT_DATA_DIR": str(data), "BOT_CORPUS_DIR": str(corpus), "BOT_COLLECTION_PREFIX": prefix}
    if server:
        settings |= {"BOT_CHROMA_HOST": server.host, "BOT_CHROMA_PORT": str(server.port)}
    return environment(**settings)


def run_bot_ingest(env: dict[str, str], kill_after_s: float | None) -> tuple[str, float]:
    """`python -m bot ingest`, killed `kill_after_s` after it starts indexing (None: left to finish).
    Returns how it ended ("killed", "finished") and the seconds from the start of indexing to its end."""
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "ingest"], cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    indexing = threading.Event()

    def watch() -> None:
        assert process.stderr is not None
        for line in iter(lambda: process.stderr.read(256), b""):  # type: ignore[union-attr]
            if b"Indexing" in line:
                indexing.set()

    threading.Thread(target=watch, daemon=True).start()
    if not indexing.wait(LIMIT_S):
        process.kill()
        raise RuntimeError("ingest never started indexing")
    started = time.monotonic()
    if kill_after_s is not None:
        try:
            process.wait(timeout=kill_after_s)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
    code = process.wait(timeout=LIMIT_S)
    if code not in (0, -signal.SIGKILL):
        raise RuntimeError(f"ingest exited with {code}")
    return ("killed" if code == -signal.SIGKILL else "finished"), time.monotonic() - started


def step_trials(corpus: Path, work: Path, server: ChromaServer | None, mode: str) -> list[dict[str, Any]]:
    clean_data = work / f"{mode}-steps-clean"
    writes = child("writes", str(corpus), "--data", str(clean_data), server=server, prefix="clean").stdout.split()
    expected = snapshot(clean_data, server, "clean")
    trials = []
    for n, write in enumerate(writes, start=1):
        data, prefix = work / f"{mode}-step-{n}", f"step{n}"
        killed = child("ingest", str(corpus), "--data", str(data), "--kill-at", str(n), server=server, prefix=prefix)
        again = child("ingest", str(corpus), "--data", str(data), server=server, prefix=prefix)
        same = killed.returncode == -signal.SIGKILL and again.returncode == 0
        same = same and _renamed(snapshot(data, server, prefix), prefix) == _renamed(expected, "clean")
        trials.append({"mode": mode, "kind": "step", "point": f"before write {n} ({write})", "equal": same})
        print(f"{mode:8} step  before write {n:2} {write:38} {'equal' if same else 'DIFFERENT'}", flush=True)
    return trials


def timed_trials(corpus: Path, work: Path, server: ChromaServer | None, mode: str, count: int) -> list[dict]:
    clean_data = work / f"{mode}-timed-clean"
    _, duration = run_bot_ingest(bot_env(corpus, clean_data, server, "clean"), None)
    expected = snapshot(clean_data, server, "clean")
    trials = []
    for n in range(count):
        at = duration * (n + 0.5) / count
        data, prefix = work / f"{mode}-timed-{n}", f"timed{n}"
        env = bot_env(corpus, data, server, prefix)
        ended, _ = run_bot_ingest(env, at)
        run_bot_ingest(env, None)
        same = _renamed(snapshot(data, server, prefix), prefix) == _renamed(expected, "clean")
        trials.append(
            {"mode": mode, "kind": "timed", "point": f"{at:.2f} s of {duration:.2f} s", "ended": ended, "equal": same}
        )
        print(
            f"{mode:8} timed at {at:5.2f} s of {duration:5.2f} s ({ended:8}) {'equal' if same else 'DIFFERENT'}",
            flush=True,
        )
    return trials


def _renamed(index: dict[str, Any], prefix: str) -> dict[str, Any]:
    """The index with its collection prefix taken off, so indexes under two prefixes compare."""
    return {name.removeprefix(f"{prefix}-"): entries for name, entries in index.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--timed-trials", type=int, default=6, help="timed kills per mode (embedded, server)")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results")
    args = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="kill-ingest-") as folder:
        work = Path(folder)
        corpus = work / "corpus"
        copy_documents(corpus, *DOCUMENTS)
        write_register_table(corpus, "2024-04", 60)
        write_register_table(corpus, "2024-08", 50)
        server = ChromaServer(work / "chroma")
        server.start()
        try:
            trials = []
            for mode, on in (("embedded", None), ("server", server)):
                trials += step_trials(corpus, work, on, mode)
                trials += timed_trials(corpus, work, on, mode, args.timed_trials)
        finally:
            server.stop()
    equal = sum(t["equal"] for t in trials)
    killed = sum(t.get("ended", "killed") == "killed" for t in trials)
    summary = {
        "trials": len(trials),
        "equal": equal,
        "killed_mid_ingest": killed,
        "seconds": round(time.monotonic() - started),
        "corpus": {"documents": list(DOCUMENTS), "register_rows": 110},
        "results": trials,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "kill_ingest.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(
        f"\n{equal} of {len(trials)} trials left the index a clean ingest leaves ({killed} killed mid-ingest, "
        f"the rest finished before the kill); {summary['seconds']} s; {args.out / 'kill_ingest.json'}"
    )
    sys.exit(0 if equal == len(trials) else 1)


if __name__ == "__main__":
    main()
