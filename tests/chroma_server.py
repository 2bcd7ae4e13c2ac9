"""A real Chroma server for tests: `chroma run --path DIR --port N` on 127.0.0.1, which a test can stop,
start again on the same port and folder, or freeze (SIGSTOP) to play a server that hangs. Every wait is
bounded; the process is always stopped at the end."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
from services import terminate

START_TIMEOUT_S = 30.0


def chroma_command() -> str:
    """The `chroma` CLI next to this Python (the venv's), else the one on PATH."""
    beside = Path(sys.executable).parent / "chroma"
    found = str(beside) if beside.exists() else shutil.which("chroma")
    if not found:
        raise RuntimeError("The `chroma` command is not installed (it comes with the chromadb package).")
    return found


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ChromaServer:
    """One `chroma run` process; `start()` waits (bounded) until it answers its heartbeat."""

    def __init__(self, path: Path, port: int | None = None) -> None:
        self.path = path
        self.port = port or free_port()
        self.host = "127.0.0.1"
        self.process: subprocess.Popen[bytes] | None = None
        self.log = path.parent / f"chroma-{self.port}.log"

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> float:
        """Starts the server and returns the seconds it took to answer."""
        started = time.monotonic()
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [chroma_command(), "run", "--path", str(self.path), "--host", self.host, "--port", str(self.port)],
                stdout=log,
                stderr=subprocess.STDOUT,
                env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
            )
        while time.monotonic() - started < START_TIMEOUT_S:
            if self.process.poll() is not None:
                raise RuntimeError(f"chroma run exited with {self.process.returncode}; see {self.log}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{self.url}/api/v2/heartbeat", timeout=1).status_code == 200:
                    return time.monotonic() - started
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"chroma run did not answer within {START_TIMEOUT_S:.0f} s; see {self.log}")

    def stop(self) -> None:
        """Stops the server (SIGTERM, then SIGKILL after 10 s); the port is free again afterwards."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)  # a frozen process cannot act on SIGTERM
        terminate(self.process)
        self.process = None

    def freeze(self) -> None:
        """The server stops answering but keeps its connections open (a hung server)."""
        assert self.process is not None
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGCONT)


@contextlib.contextmanager
def chroma_server(path: Path) -> Iterator[ChromaServer]:
    """A running Chroma server storing in `path`, stopped when the block ends."""
    server = ChromaServer(path)
    server.start()
    try:
        yield server
    finally:
        server.stop()
