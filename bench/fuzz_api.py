"""The full API fuzz: schemathesis, every phase (examples, coverage, fuzzing, stateful) and every check, against
`python -m bot serve` on 127.0.0.1 (the real bot over the real corpus, rate limit off), with the settings in
tests/schemathesis.toml. Passes when no case fails: no 5xx, every status, body and header as documented.

    python bench/fuzz_api.py [--max-examples 100] [--seed 1] [--out bench/results]

The server uses BOT_DATA_DIR (default data/), indexing the corpus first if nothing is indexed. Writes the
report to OUT/fuzz_api.txt and prints the summary: cases generated, passed, failed.
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent
CONFIG = REPO / "tests" / "schemathesis.toml"
START_LIMIT_S = 600  # a first start indexes the corpus


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_serving(url: str, server: subprocess.Popen[bytes]) -> None:
    started = time.monotonic()
    while time.monotonic() - started < START_LIMIT_S:
        if server.poll() is not None:
            sys.exit(f"the bot exited with {server.returncode} before serving")
        try:
            if httpx.get(f"{url}/api/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(1)
    sys.exit(f"the bot did not serve within {START_LIMIT_S} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-examples", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results")
    args = parser.parse_args()
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "BOT_RATE_LIMIT_PER_MINUTE": "0", "HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"}
    server = subprocess.Popen([sys.executable, "-m", "bot", "serve", "--port", str(port)], cwd=REPO, env=env)
    try:
        wait_until_serving(url, server)
        started = time.monotonic()
        command = [str(Path(sys.executable).parent / "st"), "--no-color", "--config-file", str(CONFIG), "run"]
        command += [f"{url}/openapi.json", "--max-examples", str(args.max_examples), "--seed", str(args.seed)]
        command += ["--workers", "2", "--request-timeout", "60"]
        with tempfile.TemporaryDirectory() as workdir:  # schemathesis keeps a cache where it runs
            result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=workdir)
        seconds = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
    report = result.stdout + result.stderr
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "fuzz_api.txt").write_text(report, encoding="utf-8")
    counted = re.search(r"Test cases:\s*\n\s*(.+)", report)
    print(f"schemathesis exit {result.returncode} in {seconds:.0f} s: {counted.group(1) if counted else '?'}")
    print(f"report: {args.out / 'fuzz_api.txt'}")
    sys.exit(result.returncode)


if __name__ == "__main__":
    main()
