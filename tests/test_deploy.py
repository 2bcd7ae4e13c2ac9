"""deploy/: the compose file read as YAML (no Docker engine needed), nginx's config as the local topology
writes it (checked by `nginx -t`), and bench/load.py's questions and verdicts. Starting the topology and
loading it are the documented long commands (docs/DEPLOY.md, docs/RELIABILITY.md), not tests."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from bot.config import Settings

REPO = Path(__file__).resolve().parent.parent
DEPLOY = REPO / "deploy"
sys.path.insert(0, str(DEPLOY))
sys.path.insert(0, str(REPO / "bench"))

import load  # noqa: E402  (bench/load.py)
import topology  # noqa: E402  (deploy/topology.py)

REPLICAS = ["bot-1", "bot-2"]


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))


def _env(service: dict) -> dict[str, str]:
    return {name: str(value) for name, value in (service.get("environment") or {}).items()}


def test_compose_has_the_shared_services_two_replicas_one_ingest_and_the_proxy(compose):
    assert set(compose["services"]) == {"chroma", "redis", "postgres", "ingest", *REPLICAS, "nginx"}
    published = {name: s.get("ports", []) for name, s in compose["services"].items() if s.get("ports")}
    assert published == {"nginx": ["8080:8080"]}, "only the proxy is reachable from outside"


def test_every_bot_setting_in_compose_is_a_settings_field(compose):
    fields = {f"BOT_{name.upper()}" for name in Settings.model_fields}
    for name in ["ingest", *REPLICAS]:
        named = {key for key in _env(compose["services"][name]) if key.startswith("BOT_")}
        assert named, name
        assert named <= fields, f"{name}: {sorted(named - fields)} are not Settings fields"


def test_replicas_and_ingest_point_at_the_shared_services_by_their_names_and_ports(compose):
    services = compose["services"]
    chroma_command = services["chroma"]["command"]
    chroma_port = chroma_command[chroma_command.index("--port") + 1]
    for name in ["ingest", *REPLICAS]:
        env = _env(services[name])
        assert env["BOT_CHROMA_HOST"] == "chroma" and env["BOT_CHROMA_PORT"] == chroma_port
        assert env["BOT_DATABASE_URL"].startswith("postgresql+psycopg://")
        database = urlsplit(env["BOT_DATABASE_URL"].replace("${POSTGRES_PASSWORD:-change-me}", "pw"))
        assert (database.hostname, database.port, database.path) == ("postgres", 5432, "/bot")
        assert database.username == services["postgres"]["environment"]["POSTGRES_USER"]
    for name in REPLICAS:
        env = _env(services[name])
        assert urlsplit(env["BOT_REDIS_URL"]).hostname == "redis"
        for setting in ("BOT_ALLOWED_ORIGINS", "BOT_API_KEYS", "BOT_RATE_LIMIT_PER_MINUTE"):
            assert setting in env, f"{name} lets the operator set {setting}"
        assert env["FORWARDED_ALLOW_IPS"], "uvicorn must take the client's address from nginx"


def test_replicas_start_after_ingest_and_the_services_and_serve_on_the_port_nginx_uses(compose):
    services = compose["services"]
    for name in REPLICAS:
        replica = services[name]
        assert replica["command"][:4] == ["python", "-m", "bot", "serve"]
        assert replica["command"][replica["command"].index("--port") + 1] == "7860"
        assert replica["depends_on"]["ingest"]["condition"] == "service_completed_successfully"
        assert {"redis", "postgres"} <= set(replica["depends_on"])
        assert "/api/health" in " ".join(replica["healthcheck"]["test"])
    assert services["ingest"]["command"][:4] == ["python", "-m", "bot", "ingest"]
    assert services["ingest"]["restart"] == "no"
    assert set(services["nginx"]["depends_on"]) == set(REPLICAS)
    nginx_conf = (DEPLOY / "nginx.conf").read_text()
    upstreams = re.findall(r"server (bot-\d+):(\d+)", nginx_conf)
    assert {name for name, _ in upstreams} == set(REPLICAS) and {port for _, port in upstreams} == {"7860"}
    assert "listen 8080;" in nginx_conf
    assert "./nginx.conf:/etc/nginx/conf.d/default.conf:ro" in services["nginx"]["volumes"]


def test_the_image_is_built_from_the_dockerfile_with_the_cpu_torch_wheel(compose):
    build = compose["services"][REPLICAS[0]]["build"]
    dockerfile = (DEPLOY / build["context"] / build["dockerfile"]).resolve()
    assert dockerfile == DEPLOY / "Dockerfile"
    text = dockerfile.read_text()
    assert re.search(r"pip install torch==[\d.]+ --index-url https://download.pytorch.org/whl/cpu", text)
    pinned = re.search(r'"torch==([\d.]+)"', (REPO / "pyproject.toml").read_text())
    assert pinned and f"torch=={pinned.group(1)}" in text, "the same torch as pyproject.toml pins"
    for copied in re.findall(r"^COPY (\S+)", text, re.MULTILINE):
        assert (REPO / copied).exists(), f"the build context has no {copied}"


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed (make topology installs it)")
def test_nginx_accepts_the_config_the_local_topology_writes(tmp_path: Path):
    bot_conf = topology.local_nginx_config((DEPLOY / "nginx.conf").read_text(), [17861, 17862, 17863], 18080)
    assert bot_conf.count("server 127.0.0.1:1786") == 2 * 3, "each upstream lists every replica"
    assert "bot-1" not in bot_conf and "listen 127.0.0.1:18080;" in bot_conf
    command = topology.prepare_nginx(tmp_path / "state", [17861, 17862], 18080)
    checked = subprocess.run([*command, "-t"], capture_output=True, text=True, timeout=30)
    assert checked.returncode == 0, checked.stderr


def test_load_questions_mix_register_and_documents_in_both_languages_and_copy_no_set():
    groups = {(kind, lang) for kind, lang, _ in load.QUESTIONS}
    assert groups == {("register", "en"), ("register", "zh"), ("documents", "en"), ("documents", "zh")}
    known = set()
    for path in [*REPO.glob("evalsets/*.jsonl"), REPO / "tests/golden/questions.jsonl"]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                known.add(_words(str(json.loads(line).get("question", ""))))
    mine = [_words(text) for _, _, text in load.QUESTIONS]
    assert len(set(mine)) == len(mine)
    assert not known & set(mine)


def _words(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


def _outcome(status: int, retry_after: str | None = None, upstream: str = "127.0.0.1:1") -> load.Outcome:
    return load.Outcome("documents", "en", "/api/ask", status, 0.1, upstream, retry_after, abstained=False)


def test_a_load_run_with_one_5xx_or_a_dropped_connection_fails():
    assert load.verdict(load.summarize([_outcome(200)] * 5, 1.0), "load", None) == []
    assert load.verdict(load.summarize([_outcome(200), _outcome(502)], 1.0), "load", None)
    dropped = load.Outcome("documents", "en", "/api/ask", 0, 1.0, None, None, "ReadTimeout")
    assert load.verdict(load.summarize([_outcome(200), dropped], 1.0), "load", None)


def test_a_limit_run_passes_only_with_one_limit_admitted_and_retry_after_on_every_429():
    refused = [_outcome(429, "12")] * 30
    one_limit = [_outcome(200, upstream="a")] * 10 + [_outcome(200, upstream="b")] * 10
    assert load.verdict(load.summarize(one_limit + refused, 1.0), "limit", 20) == []
    two_limits = one_limit * 2
    assert any("admitted" in f for f in load.verdict(load.summarize(two_limits + refused, 1.0), "limit", 20))
    bare = [*one_limit, *refused, _outcome(429)]
    assert any("Retry-After" in f for f in load.verdict(load.summarize(bare, 1.0), "limit", 20))
    summary = load.summarize(one_limit + refused, 1.0)
    assert summary["answered_by_replica"] == {"a": 10, "b": 10}
    assert summary["retry_after_range_s"] == [12, 12]
