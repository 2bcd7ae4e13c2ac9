"""Real shared services for tests: a `redis-server` and a PostgreSQL server (the Debian packages), each on
127.0.0.1 on a free port with its files in a temporary folder, which a test may stop and start again on the
same port to play an outage. Every wait has a deadline.

It starts and stops servers; it knows nothing of the bot. PostgreSQL refuses to run as root, so under root
its programs run as the `postgres` user through `runuser` (the folder is handed to that user first).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

POSTGRES_BIN_DIRS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
INSTALL_HINT = "install the Debian packages: `make services` (apt-get install redis-server postgresql)"


class ServiceMissing(RuntimeError):
    """A server program is not installed on this machine."""


def terminate(process: subprocess.Popen, timeout_s: float = 10) -> None:
    """Stops a server process: SIGTERM, then SIGKILL after `timeout_s`; returns once it has exited."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=timeout_s)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(ready: Callable[[], bool], seconds: float, what: str) -> float:
    """Polls `ready` until it is true; returns the seconds it took, or raises `TimeoutError` after `seconds`."""
    started = time.monotonic()
    while not ready():
        if time.monotonic() - started > seconds:
            raise TimeoutError(f"{what} was not ready within {seconds} s")
        time.sleep(0.02)
    return time.monotonic() - started


def accepts_connections(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


class RedisServer:
    """One `redis-server` without persistence; `url` stays the same across `stop()` and `start()`."""

    def __init__(self, folder: Path) -> None:
        self.program = shutil.which("redis-server")
        if self.program is None:
            raise ServiceMissing(f"redis-server is not installed; {INSTALL_HINT}")
        self.folder = folder
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        command = [self.program, "--bind", "127.0.0.1", "--port", str(self.port), "--dir", str(self.folder)]
        command += ["--save", "", "--appendonly", "no", "--protected-mode", "no", "--loglevel", "warning"]
        log = (self.folder / "redis.log").open("ab")
        self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)  # type: ignore[arg-type]
        log.close()
        wait_for(lambda: self._pong() or self.process.poll() is not None, 10, f"redis-server on port {self.port}")
        if self.process.poll() is not None:
            raise RuntimeError(f"redis-server exited: {(self.folder / 'redis.log').read_text()[-2000:]}")

    def stop(self) -> None:
        if self.process is not None:
            terminate(self.process)
        self.process = None

    def _pong(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.2) as s:
                s.sendall(b"PING\r\n")
                return s.recv(16).startswith(b"+PONG")
        except OSError:
            return False


class PostgresServer:
    """One PostgreSQL cluster (trust authentication on 127.0.0.1 only, no fsync: a test server) with a
    database `bot`; `url` (SQLAlchemy, psycopg 3) stays the same across `stop()` and `start()`."""

    def __init__(self) -> None:
        if not POSTGRES_BIN_DIRS or not (POSTGRES_BIN_DIRS[0] / "initdb").exists():
            raise ServiceMissing(f"PostgreSQL is not installed; {INSTALL_HINT}")
        self.bin = POSTGRES_BIN_DIRS[0]
        self.as_root = os.geteuid() == 0
        # Not under pytest's own temporary folder: the `postgres` user could not reach into root's.
        self.folder = Path(tempfile.mkdtemp(prefix="bot-test-postgres-"))
        if self.as_root:
            shutil.chown(self.folder, "postgres", "postgres")
        self.data = self.folder / "data"
        self.port = free_port()
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/bot"
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync")

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder} -F"
        log = str(self.folder / "postgres.log")
        self._run("pg_ctl", "-D", str(self.data), "-l", log, "-o", options, "-w", "-t", "30", "start")
        wait_for(lambda: accepts_connections(self.port), 30, f"PostgreSQL on port {self.port}")
        self.database("bot")

    def database(self, name: str) -> str:
        """The URL of database `name`, created first if it does not exist."""
        created = self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name, check=False)
        if created.returncode != 0 and "already exists" not in created.stderr:
            raise RuntimeError(f"createdb {name} failed: {created.stderr}")
        return self.url.rsplit("/", 1)[0] + f"/{name}"

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "-t", "30", "stop", check=False)

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _run(self, program: str, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = [str(self.bin / program), *args]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=self.folder)
        if check and done.returncode != 0:
            raise RuntimeError(f"{program} failed ({done.returncode}): {done.stderr or done.stdout}")
        return done
