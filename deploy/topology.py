"""The deployment of deploy/compose.yaml as local processes on 127.0.0.1, without Docker: a Chroma server
(`chroma run`), `redis-server`, a PostgreSQL cluster, one `python -m bot ingest` into the Chroma server, two
(or more) `python -m bot serve` replicas sharing all three, and nginx in front with deploy/nginx.conf.

    deploy/local.sh [--port 8080] [--replicas 2] [--rate-limit N]   # start, print the URL, wait for Ctrl+C
    deploy/local.sh stop                                             # stop one started elsewhere

Every file (index, database, logs, nginx's config) lives in one state folder, fresh for each start, and
every wait has a deadline. It starts and stops processes and checks they answer; it measures nothing
(bench/load.py does) and knows nothing of the bot beyond its command line and `/api/health`.
Redis, PostgreSQL and nginx are the Debian packages (`make topology` installs them on a fresh machine);
PostgreSQL refuses to run as root, so under root its programs run as the `postgres` user.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NGINX_TEMPLATE = Path(__file__).resolve().parent / "nginx.conf"
DEFAULT_STATE = Path(tempfile.gettempdir()) / f"approvals-bot-topology-{os.getuid()}"
POSTGRES_BIN_DIRS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
INSTALL_HINT = "`make topology` installs it (apt-get install redis-server postgresql nginx)"
# The replicas' names in deploy/nginx.conf (compose's services), replaced here by 127.0.0.1 ports.
COMPOSE_REPLICAS = ("bot-1:7860", "bot-2:7860")
COMPOSE_LISTEN = "listen 8080;"


class TopologyError(RuntimeError):
    """A part of the topology is missing, or did not start in time."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_taken(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return True
    return False


def wait_for(ready: Callable[[], bool], seconds: float, what: str, alive: Callable[[], bool] = lambda: True) -> None:
    """Polls `ready` until it is true; `TopologyError` after `seconds`, or as soon as `alive` turns false."""
    deadline = time.monotonic() + seconds
    while not ready():
        if not alive():
            raise TopologyError(f"{what} exited before it was ready")
        if time.monotonic() > deadline:
            raise TopologyError(f"{what} was not ready within {seconds:g} s")
        time.sleep(0.25)


def http_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def program(name: str) -> str:
    """A program next to this Python (the venv's `chroma`) or on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise TopologyError(f"{name} is not installed; {INSTALL_HINT}")
    return found


def local_nginx_config(template: str, replica_ports: list[int], proxy_port: int) -> str:
    """deploy/nginx.conf with 127.0.0.1 ports in place of compose's service names (the first two replicas'
    lines stand for every replica) and the proxy's port."""
    for needle in (*COMPOSE_REPLICAS, COMPOSE_LISTEN):
        if needle not in template:
            raise TopologyError(f"deploy/nginx.conf no longer contains {needle!r}; update deploy/topology.py")
    lines = []
    for line in template.splitlines():
        if COMPOSE_REPLICAS[1] in line:
            continue  # the first replica's line is repeated for each replica
        if COMPOSE_REPLICAS[0] in line:
            lines += [line.replace(COMPOSE_REPLICAS[0], f"127.0.0.1:{port}") for port in replica_ports]
            continue
        lines.append(line.replace(COMPOSE_LISTEN, f"listen 127.0.0.1:{proxy_port};"))
    return "\n".join(lines) + "\n"


def nginx_main_config(state: Path) -> str:
    """The main config around deploy/nginx.conf: every file nginx writes stays in the state folder."""
    tmp = state / "nginx" / "tmp"
    temp_paths = "".join(
        f"    {kind}_temp_path {tmp / kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return (
        "worker_processes 2;\n"
        f"pid {state / 'nginx' / 'nginx.pid'};\n"
        "events { worker_connections 1024; }\n"
        "http {\n"
        f"    access_log {state / 'logs' / 'nginx-access.log'};\n"
        f"{temp_paths}"
        f"    include {state / 'nginx' / 'bot.conf'};\n"
        "}\n"
    )


def prepare_nginx(state: Path, replica_ports: list[int], proxy_port: int) -> list[str]:
    """Writes nginx's config and folders into `state/nginx` and returns the command that runs it."""
    folder = state / "nginx"
    for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (folder / "tmp" / kind).mkdir(parents=True, exist_ok=True)
        (folder / "tmp" / kind).chmod(0o777)  # nginx's workers run as `nobody` when it is started as root
    (state / "logs").mkdir(parents=True, exist_ok=True)
    (folder / "bot.conf").write_text(local_nginx_config(NGINX_TEMPLATE.read_text(), replica_ports, proxy_port))
    (folder / "nginx.conf").write_text(nginx_main_config(state))
    error_log = state / "logs" / "nginx-error.log"
    return [program("nginx"), "-p", str(folder), "-c", str(folder / "nginx.conf"), "-e", str(error_log)]


@dataclass
class Process:
    name: str
    popen: subprocess.Popen[bytes]

    def alive(self) -> bool:
        return self.popen.poll() is None


@dataclass
class Topology:
    """The whole topology; `start()` brings it up in dependency order, `stop()` takes it down in reverse."""

    proxy_port: int = 8080
    replicas: int = 2
    rate_limit: int | None = None  # BOT_RATE_LIMIT_PER_MINUTE for the replicas; None = the environment's
    corpus: Path = REPO / "corpus"
    state: Path = DEFAULT_STATE
    log: Callable[[str], None] = print
    processes: list[Process] = field(default_factory=list)
    postgres_data: Path | None = None
    replica_ports: list[int] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.proxy_port}"

    def start(self) -> None:
        if port_taken(self.proxy_port):
            raise TopologyError(f"Port {self.proxy_port} is taken; choose another with --port.")
        if running_launcher(self.state) is not None:
            raise TopologyError(f"A topology from {self.state} is running; stop it first (deploy/local.sh stop).")
        stop_recorded(self.state, self.log)  # what a launcher that was killed left behind
        shutil.rmtree(self.state, ignore_errors=True)
        (self.state / "logs").mkdir(parents=True)
        self.state.chmod(0o755)  # PostgreSQL (as `postgres`) and nginx's workers (as `nobody`) reach into it
        try:
            self._start_all()
        except BaseException:
            self.stop()
            raise

    def _start_all(self) -> None:
        chroma_port, redis_port, postgres_port = free_port(), free_port(), free_port()
        self.replica_ports = [free_port() for _ in range(self.replicas)]
        chroma = self._spawn(
            "chroma",
            [
                program("chroma"),
                "run",
                "--path",
                str(self.state / "chroma"),
                "--host",
                "127.0.0.1",
                "--port",
                str(chroma_port),
            ],
        )
        redis = self._spawn(
            "redis",
            [
                program("redis-server"),
                "--bind",
                "127.0.0.1",
                "--port",
                str(redis_port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.state),
            ],
        )
        database_url = self._start_postgres(postgres_port)
        wait_for(
            lambda: http_ok(f"http://127.0.0.1:{chroma_port}/api/v2/heartbeat"), 60, "the Chroma server", chroma.alive
        )
        wait_for(lambda: _redis_pong(redis_port), 20, "redis-server", redis.alive)
        self.log(f"Chroma on :{chroma_port}, Redis on :{redis_port}, PostgreSQL on :{postgres_port}")
        env = {
            **os.environ,
            "HF_HUB_OFFLINE": "1",
            "GRADIO_ANALYTICS_ENABLED": "False",
            "ANONYMIZED_TELEMETRY": "False",
            "TOKENIZERS_PARALLELISM": "false",
            "BOT_CHROMA_HOST": "127.0.0.1",
            "BOT_CHROMA_PORT": str(chroma_port),
            "BOT_REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
            "BOT_DATABASE_URL": database_url,
            "BOT_CORPUS_DIR": str(self.corpus),
        }
        if self.rate_limit is not None:
            env["BOT_RATE_LIMIT_PER_MINUTE"] = str(self.rate_limit)
        self.log(f"Indexing {self.corpus} into the Chroma server (once) ...")
        started = time.monotonic()
        ingest = subprocess.run(
            [sys.executable, "-m", "bot", "ingest", "--quiet"],
            cwd=REPO,
            env={**env, "BOT_DATA_DIR": str(self.state / "ingest")},
            capture_output=True,
            text=True,
            timeout=1800,
        )
        (self.state / "logs" / "ingest.log").write_text(ingest.stdout + ingest.stderr)
        if ingest.returncode != 0:
            raise TopologyError(f"Ingest failed ({ingest.returncode}):\n{(ingest.stdout + ingest.stderr)[-2000:]}")
        self.log(f"{ingest.stdout.strip().splitlines()[-1]} ({time.monotonic() - started:.0f} s)")
        replicas = []
        for n, port in enumerate(self.replica_ports, 1):
            replica_env = {**env, "BOT_DATA_DIR": str(self.state / f"replica-{n}")}
            command = [sys.executable, "-m", "bot", "serve", "--host", "127.0.0.1", "--port", str(port)]
            replicas.append((port, self._spawn(f"replica-{n}", command, replica_env)))
        for port, replica in replicas:
            # Loading the two embedding models takes a while, longer on a busy machine.
            wait_for(lambda p=port: http_ok(f"http://127.0.0.1:{p}/api/health"), 600, replica.name, replica.alive)
            self.log(f"{replica.name} on :{port}")
        nginx = self._start_nginx()
        wait_for(lambda: http_ok(f"{self.url}/api/health"), 30, "nginx", nginx.alive)
        self._record()

    def _spawn(self, name: str, command: list[str], env: dict[str, str] | None = None) -> Process:
        with (self.state / "logs" / f"{name}.log").open("ab") as log:
            # A session of its own: Ctrl+C in the terminal reaches this script, which stops them in order.
            popen = subprocess.Popen(
                command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        process = Process(name, popen)
        self.processes.append(process)
        self._record()
        return process

    def _start_postgres(self, port: int) -> str:
        if not POSTGRES_BIN_DIRS or not (POSTGRES_BIN_DIRS[0] / "initdb").exists():
            raise TopologyError(f"PostgreSQL is not installed; {INSTALL_HINT}")
        folder = self.state / "postgres"
        folder.mkdir()
        if os.geteuid() == 0:
            shutil.chown(folder, "postgres", "postgres")
        self.postgres_data = folder / "data"
        _postgres(
            "initdb",
            "-D",
            str(self.postgres_data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-sync",
            cwd=folder,
        )
        options = f"-p {port} -c listen_addresses=127.0.0.1 -k {folder}"
        log = str(self.state / "logs" / "postgres.log")
        (self.state / "logs" / "postgres.log").touch()
        if os.geteuid() == 0:
            shutil.chown(self.state / "logs" / "postgres.log", "postgres", "postgres")
        self._record()
        _postgres(
            "pg_ctl", "-D", str(self.postgres_data), "-l", log, "-o", options, "-w", "-t", "60", "start", cwd=folder
        )
        _postgres("createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "bot", cwd=folder)
        return f"postgresql+psycopg://postgres@127.0.0.1:{port}/bot"

    def _start_nginx(self) -> Process:
        command = prepare_nginx(self.state, self.replica_ports, self.proxy_port)
        checked = subprocess.run([*command, "-t"], capture_output=True, text=True, timeout=30)
        if checked.returncode != 0:
            raise TopologyError(f"nginx refuses the config: {checked.stderr}")
        return self._spawn("nginx", [*command, "-g", "daemon off;"])

    def _record(self) -> None:
        """Writes what `stop` needs to find: the process ids and the PostgreSQL cluster."""
        record = {
            "launcher": os.getpid(),
            "processes": {p.name: p.popen.pid for p in self.processes},
            "postgres_data": str(self.postgres_data) if self.postgres_data else None,
            "url": self.url,
        }
        (self.state / "topology.json").write_text(json.dumps(record, indent=2))

    def stop(self) -> None:
        """Stops what this object started, last started first; each wait bounded."""
        for process in reversed(self.processes):
            if process.alive():
                _terminate(process.popen.pid, process.name, self.log, process.popen.wait)
        self.processes.clear()
        if self.postgres_data is not None:
            _stop_postgres(self.postgres_data)
            self.postgres_data = None
        (self.state / "topology.json").unlink(missing_ok=True)


def _terminate(pid: int, name: str, log: Callable[[str], None], wait: Callable[[float], object] | None = None) -> None:
    """SIGTERM, then SIGKILL after 20 s; to the process's own session (nginx's and chroma's workers too)."""
    try:
        os.killpg(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if wait is not None:
            try:
                wait(0.25)
                return
            except subprocess.TimeoutExpired:
                continue
        if not pid_alive(pid):
            return
        time.sleep(0.25)
    log(f"{name} did not stop within 20 s: killing it")
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (exited, not yet reaped by a parent that is gone) is as good as stopped.
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def _started_by_us(pid: int, state: Path) -> bool:
    """Whether `pid` is still a process this topology started (its session leader, with the state folder or
    this repository's bot in its command line), not an unrelated program that got the recycled id."""
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        session = os.getsid(pid)
    except (OSError, ProcessLookupError):
        return False
    return session == pid and (str(state) in command or " -m bot serve " in f"{command} ")


def running_launcher(state: Path) -> int | None:
    """The id of the live process that started the topology recorded in `state`, if any."""
    record_path = state / "topology.json"
    if not record_path.exists():
        return None
    pid = json.loads(record_path.read_text()).get("launcher")
    if not pid or pid == os.getpid() or not pid_alive(pid):
        return None
    command = Path(f"/proc/{pid}/cmdline").read_bytes()
    return pid if b"topology" in command or b"bench/load" in command else None


def stop_recorded(state: Path, log: Callable[[str], None] = print) -> bool:
    """Stops a topology started elsewhere from its record in `state`: asks the process that started it to
    stop it (in order), or, when that one is gone, stops what it recorded. False when none is recorded."""
    record_path = state / "topology.json"
    if not record_path.exists():
        return False
    launcher = running_launcher(state)
    if launcher is not None:
        log(f"asking the launcher ({launcher}) to stop the topology")
        os.kill(launcher, signal.SIGTERM)
        wait_for(lambda: not record_path.exists() or not pid_alive(launcher), 90, "the launcher's stop")
        if not record_path.exists():
            return True
    record = json.loads(record_path.read_text())
    for name, pid in reversed(list(record["processes"].items())):
        if _started_by_us(pid, state):
            log(f"stopping {name} ({pid})")
            _terminate(pid, name, log)
    if record.get("postgres_data"):
        _stop_postgres(Path(record["postgres_data"]))
    record_path.unlink(missing_ok=True)
    return True


def _postgres(name: str, *args: str, cwd: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    command = [str(POSTGRES_BIN_DIRS[0] / name), *args]
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    done = subprocess.run(command, capture_output=True, text=True, timeout=90, cwd=cwd)
    if check and done.returncode != 0:
        raise TopologyError(f"{name} failed ({done.returncode}): {done.stderr or done.stdout}")
    return done


def _stop_postgres(data: Path) -> None:
    if (data / "postmaster.pid").exists():
        _postgres("pg_ctl", "-D", str(data), "-m", "fast", "-w", "-t", "30", "stop", cwd=data.parent, check=False)


def _redis_pong(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as s:
            s.sendall(b"PING\r\n")
            return s.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="deploy/local.sh", description=__doc__.split("\n\n")[0])
    parser.add_argument("action", nargs="?", choices=["start", "stop"], default="start")
    parser.add_argument("--port", type=int, default=8080, help="the proxy's port on 127.0.0.1 (default 8080)")
    parser.add_argument("--replicas", type=int, default=2, help="bot replicas behind the proxy (default 2)")
    parser.add_argument("--rate-limit", type=int, help="BOT_RATE_LIMIT_PER_MINUTE for the replicas (0 = none)")
    parser.add_argument("--corpus", type=Path, default=REPO / "corpus", help="folder to index (default corpus/)")
    parser.add_argument("--state", type=Path, default=DEFAULT_STATE, help=f"where everything lives ({DEFAULT_STATE})")
    args = parser.parse_args(argv)
    if args.action == "stop":
        stopped = stop_recorded(args.state)
        print("Stopped." if stopped else f"No topology recorded in {args.state}.")
        return 0
    topology = Topology(args.port, args.replicas, args.rate_limit, args.corpus.resolve(), args.state)
    # Ctrl+C, `kill` or `deploy/local.sh stop` (which signals the processes themselves) all end in stop().
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        topology.start()
        print(f"\nServing on {topology.url}  ({args.replicas} replicas behind nginx; logs in {args.state / 'logs'})")
        print("Ctrl+C (or `deploy/local.sh stop`) stops everything.", flush=True)
        while all(p.alive() for p in topology.processes):
            time.sleep(1)
        gone = [p.name for p in topology.processes if not p.alive()]
        print(f"{', '.join(gone)} exited; stopping the rest (see {args.state / 'logs'}).", file=sys.stderr)
        return 1
    except TopologyError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        print("Stopping ...", flush=True)
        topology.stop()


if __name__ == "__main__":
    sys.exit(main())
