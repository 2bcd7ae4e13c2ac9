"""Load through the reverse proxy: many concurrent clients asking mixed questions (the register and the
documents, English and Chinese) for a fixed time, against the local topology (deploy/local.sh) or any
deployment of deploy/compose.yaml.

- `--mode load` (default): 32 clients for 60 s, the rate limit off. Passes with zero 5xx and zero failed
  connections; reports throughput, latency p50/p95/p99 and the status, kind and replica counts.
- `--mode limit`: the replicas run with a small shared limit (`BOT_RATE_LIMIT_PER_MINUTE`, counted in Redis).
  Every client comes through nginx from one address, so they share one limit. Passes when every response is
  200 or 429, every 429 carries `Retry-After`, and the requests admitted in the run (at most 60 s, one window)
  are exactly one limit, not one per replica.

Clients wait for their answer before asking again (a closed loop); after a 429 a client pauses for the
`Retry-After` it was given, capped by `--max-pause` so the limit stays under pressure. A share of the
questions (`--stream-share`) goes to `/api/ask/stream`, read to its last event. In load mode each question
is asked once before the clock starts (a warm-up, not counted); limit mode has none (it would use the limit).

    python bench/load.py --start                      # starts the topology itself, runs, stops it
    python bench/load.py --start --mode limit --limit 20 --duration 40
    python bench/load.py --url http://127.0.0.1:8080  # a topology already running (deploy/local.sh --rate-limit 0)

Writes `load.json` (or `load-limit.json`) in `--out` (default bench/results). It measures and reports;
starting the processes is deploy/topology.py's job.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "deploy"))

# Written for this benchmark, in our own words: what a reader might ask of the register (counts, lists,
# lookups) and of the documents, in both languages. Only the mix matters here, not the answers.
QUESTIONS: list[tuple[str, str, str]] = [
    ("register", "en", "Does any hospital or health company appear among the generative AI filings?"),
    ("register", "en", "What algorithms has Meituan put on the recommendation algorithm register?"),
    ("register", "en", "Is NetEase on the deep synthesis register, and for what?"),
    ("register", "en", "Which generative AI services from Shanghai are in the most recent batch?"),
    ("register", "en", "Is iFlytek's Spark model on the register of filed services?"),
    ("register", "en", "How many deep synthesis filings came from Zhejiang companies?"),
    ("register", "zh", "深圳的公司有哪些生成式人工智能服务已经备案？"),
    ("register", "zh", "字节跳动名下备案了哪些深度合成算法？"),
    ("register", "zh", "最近一批算法备案清单里一共有几条记录？"),
    ("register", "zh", "上海完成登记的生成式人工智能服务都有哪些？"),
    ("register", "zh", "百度的文心一言在备案名单上吗？"),
    ("register", "zh", "浙江的企业一共备案了多少个深度合成服务算法？"),
    ("documents", "en", "What should a provider do after a user reports unlawful output from its service?"),
    ("documents", "en", "When were the first chatbots cleared for public launch in China?"),
    ("documents", "en", "How does registering a generative AI app differ from filing its model?"),
    ("documents", "en", "Which national standard covers the security of generative AI services?"),
    ("documents", "en", "What marks must synthetic pictures and voices carry under the new labelling rules?"),
    ("documents", "en", "How many people used Ernie Bot shortly after it opened to everyone?"),
    ("documents", "zh", "暂行办法对训练数据的来源提出了哪些要求？"),
    ("documents", "zh", "2024年1月获批名单中有哪些面向企业的应用？"),
    ("documents", "zh", "备案与登记分别适用于什么样的服务？"),
    ("documents", "zh", "AI生成的图片需要加上什么样的标记？"),
    ("documents", "zh", "TC260-003这份技术文件主要讲了什么？"),
    ("documents", "zh", "暂行办法要求服务提供者如何处理用户的投诉举报？"),
]


@dataclass
class Outcome:
    kind: str
    lang: str
    endpoint: str
    status: int  # 0 when no HTTP response came back (connection refused, reset, timed out)
    seconds: float
    upstream: str | None
    retry_after: str | None
    error: str | None = None  # a transport failure, or an `error` event inside a 200 stream
    abstained: bool | None = None
    register: bool | None = None


async def ask(client: httpx.AsyncClient, question: tuple[str, str, str], stream: bool) -> Outcome:
    kind, lang, text = question
    endpoint = "/api/ask/stream" if stream else "/api/ask"
    started = time.perf_counter()
    try:
        if stream:
            async with client.stream("POST", endpoint, json={"question": text}) as response:
                body = (await response.aread()).decode("utf-8", errors="replace")
        else:
            response = await client.post(endpoint, json={"question": text})
            body = response.text
    except httpx.HTTPError as error:
        return Outcome(kind, lang, endpoint, 0, time.perf_counter() - started, None, None, type(error).__name__)
    outcome = Outcome(
        kind,
        lang,
        endpoint,
        response.status_code,
        time.perf_counter() - started,
        response.headers.get("x-upstream"),
        response.headers.get("retry-after"),
    )
    if response.status_code == 200 and stream and "event: error" in body:
        outcome.error = "error event in stream"
    elif response.status_code == 200 and not stream:
        answer = json.loads(body)
        outcome.abstained, outcome.register = bool(answer["abstained"]), answer.get("register") is not None
    return outcome


async def client_loop(
    n: int, client: httpx.AsyncClient, deadline: float, stream_share: float, max_pause: float, seed: int
) -> list[Outcome]:
    """One client: asks, waits for the answer, asks the next question, until `deadline`."""
    rng = random.Random(seed * 1000 + n)
    order = rng.sample(QUESTIONS, len(QUESTIONS))
    outcomes = []
    i = 0
    while time.monotonic() < deadline:
        outcome = await ask(client, order[i % len(order)], rng.random() < stream_share)
        outcomes.append(outcome)
        i += 1
        if outcome.status == 429:
            await asyncio.sleep(min(float(outcome.retry_after or 1), max_pause))
    return outcomes


async def warm_up(client: httpx.AsyncClient) -> None:
    """Each question once, two at a time (so both replicas see some), before the clock starts: a replica's
    first questions pay one-off costs (dictionaries, caches) that are not what load costs."""
    for start in range(0, len(QUESTIONS), 2):
        await asyncio.gather(*(ask(client, q, stream=False) for q in QUESTIONS[start : start + 2]))


async def run_clients(
    url: str, clients: int, seconds: float, stream_share: float, max_pause: float, seed: int, warm: bool
):
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    timeout = httpx.Timeout(180.0, connect=10.0)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=timeout) as client:
        if warm:
            await warm_up(client)
        started = time.monotonic()
        deadline = started + seconds
        tasks = [client_loop(n, client, deadline, stream_share, max_pause, seed) for n in range(clients)]
        results = await asyncio.gather(*tasks)
        elapsed = time.monotonic() - started
    return [o for outcomes in results for o in outcomes], elapsed


def percentiles(seconds: list[float]) -> dict[str, float | None]:
    if not seconds:
        return {"p50_ms": None, "p95_ms": None, "p99_ms": None, "max_ms": None}
    values = np.array(seconds) * 1000
    return {
        "p50_ms": round(float(np.percentile(values, 50)), 1),
        "p95_ms": round(float(np.percentile(values, 95)), 1),
        "p99_ms": round(float(np.percentile(values, 99)), 1),
        "max_ms": round(float(values.max()), 1),
    }


def summarize(outcomes: list[Outcome], elapsed: float) -> dict[str, Any]:
    ok = [o for o in outcomes if o.status == 200 and o.error is None]
    by_group: dict[str, Any] = {}
    for kind in ("register", "documents"):
        for lang in ("en", "zh"):
            group = [o.seconds for o in ok if o.kind == kind and o.lang == lang]
            by_group[f"{kind}/{lang}"] = {"answered": len(group), **percentiles(group)}
    refused = [o for o in outcomes if o.status == 429]
    return {
        "requests": len(outcomes),
        "answered": len(ok),
        "seconds": round(elapsed, 1),
        "throughput_per_s": round(len(ok) / elapsed, 2),
        "statuses": dict(sorted(Counter(str(o.status) for o in outcomes).items())),
        "status_5xx": sum(1 for o in outcomes if o.status >= 500),
        "transport_errors": dict(Counter(o.error for o in outcomes if o.status == 0)),
        "stream_errors": sum(1 for o in outcomes if o.status == 200 and o.error is not None),
        "latency_answered": percentiles([o.seconds for o in ok]),
        "latency_by_kind": by_group,
        "endpoints": dict(Counter(o.endpoint for o in ok)),
        "answered_by_replica": dict(sorted(Counter(o.upstream or "?" for o in ok).items())),
        # nginx passed the request on after the first replica failed it (X-Upstream lists both)
        "retried_by_proxy": sum(1 for o in outcomes if o.upstream and "," in o.upstream),
        "abstained": sum(1 for o in ok if o.abstained),
        "register_answers": sum(1 for o in ok if o.register),
        "refused_429": len(refused),
        "refused_without_retry_after": sum(1 for o in refused if not (o.retry_after or "").isdigit()),
        "retry_after_range_s": (
            [min(int(o.retry_after) for o in refused), max(int(o.retry_after) for o in refused)]
            if refused and all((o.retry_after or "").isdigit() for o in refused)
            else None
        ),
        "latency_refused": percentiles([o.seconds for o in refused]),
    }


def verdict(summary: dict[str, Any], mode: str, limit: int | None) -> list[str]:
    """What failed, in words; empty when the run passes."""
    failures = []
    if summary["status_5xx"]:
        failures.append(f"{summary['status_5xx']} responses were 5xx")
    if summary["transport_errors"]:
        failures.append(f"requests got no response: {summary['transport_errors']}")
    if summary["stream_errors"]:
        failures.append(f"{summary['stream_errors']} streams ended with an error event")
    others = {s: c for s, c in summary["statuses"].items() if s not in ({"200", "429"} if mode == "limit" else {"200"})}
    if others:
        failures.append(f"unexpected statuses: {others}")
    if mode == "limit":
        if summary["refused_without_retry_after"]:
            failures.append(f"{summary['refused_without_retry_after']} 429s had no usable Retry-After")
        if not summary["refused_429"]:
            failures.append(
                "no request was refused: the replicas seem to run without a limit (BOT_RATE_LIMIT_PER_MINUTE)"
            )
        if limit is not None and summary["answered"] != limit:
            failures.append(f"{summary['answered']} requests were admitted; one shared limit admits {limit}")
    return failures


def read_proxy_errors(state: Path) -> list[str]:
    """nginx's error log of the topology this run started: what the proxy saw fail, even when a retry on the
    other replica saved the request (its `X-Upstream` then names both)."""
    log = state / "logs" / "nginx-error.log"
    return log.read_text(errors="replace").splitlines()[-50:] if log.exists() else []


def load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="the proxy's address, e.g. http://127.0.0.1:8080 (else --start)")
    parser.add_argument("--start", action="store_true", help="start the local topology for the run, then stop it")
    parser.add_argument("--port", type=int, default=8080, help="the proxy's port with --start (default 8080)")
    parser.add_argument("--mode", choices=["load", "limit"], default="load")
    parser.add_argument("--limit", type=int, help="limit mode: the replicas' BOT_RATE_LIMIT_PER_MINUTE (with --start)")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--duration", type=float, help="seconds (default 60; 40 in limit mode, at most 60)")
    parser.add_argument("--stream-share", type=float, default=0.2, help="share of questions sent to /api/ask/stream")
    parser.add_argument("--max-pause", type=float, default=0.5, help="longest pause after a 429, in seconds")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results")
    args = parser.parse_args(argv)
    duration = args.duration or (40.0 if args.mode == "limit" else 60.0)
    if args.mode == "limit" and duration > 60:
        parser.error("limit mode counts one window of the per-minute limit: --duration must be at most 60")
    if not args.url and not args.start:
        parser.error("give --url of a running topology, or --start")
    if args.start and args.mode == "limit" and args.limit is None:
        parser.error("--start --mode limit needs --limit N")

    topology = None
    if args.start:
        from topology import Topology

        topology = Topology(proxy_port=args.port, rate_limit=args.limit if args.mode == "limit" else 0)
        print(f"Starting the local topology ({topology.state}) ...", flush=True)
        topology.start()
    url = args.url or topology.url  # type: ignore[union-attr]
    try:
        before = load_average()
        print(f"{args.clients} clients for {duration:g} s against {url} ({args.mode} mode); load average {before}")
        outcomes, elapsed = asyncio.run(
            run_clients(url, args.clients, duration, args.stream_share, args.max_pause, args.seed, args.mode == "load")
        )
        after = load_average()
        proxy_errors = read_proxy_errors(topology.state) if topology is not None else None
    finally:
        if topology is not None:
            topology.stop()
    summary = summarize(outcomes, elapsed)
    failures = verdict(summary, args.mode, args.limit)
    result = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": "python bench/load.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "mode": args.mode,
        "limit_per_minute": args.limit,
        "url": url,
        "conditions": {
            "clients": args.clients,
            "duration_s": duration,
            "stream_share": args.stream_share,
            "warm_up": args.mode == "load",
            "questions": len(QUESTIONS),
            "cpus": os.cpu_count(),
            "load_average_before": before,
            "load_average_after": after,
            "python": platform.python_version(),
        },
        "summary": summary,
        "proxy_errors": proxy_errors,
        "passed": not failures,
        "failures": failures,
        "sample": [asdict(o) for o in outcomes[:5]],
    }
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / ("load.json" if args.mode == "load" else "load-limit.json")
    path.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    print(f"load average: before {before}, after {after}; wrote {path}")
    print("PASSED" if not failures else "FAILED: " + "; ".join(failures))
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
