"""Schemathesis against the app's OpenAPI schema, every operation, every check (tests/schemathesis.toml says
which two are tuned, and why): no 5xx, every status documented, every body and header as documented, what
the schema allows taken and what it forbids refused. A few cases per operation, over the real corpus bot
served on 127.0.0.1; bench/fuzz_api.py runs the same with many more cases (over 1,000)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.server import create_app

pytestmark = pytest.mark.slow
CONFIG = Path(__file__).resolve().parent / "schemathesis.toml"
SCHEMATHESIS = Path(sys.executable).parent / "st"


def run_schemathesis(
    url: str, max_examples: int, workdir: Path, seed: int | None = None, phases: str | None = None
) -> tuple[int, str]:
    """`st run` against a served app, in `workdir` (where it keeps its cache): its exit status and its report."""
    command = [str(SCHEMATHESIS), "--no-color", "--config-file", str(CONFIG), "run", f"{url}/openapi.json"]
    command += ["--max-examples", str(max_examples), "--workers", "2", "--request-timeout", "60"]
    command += ["--seed", str(seed)] if seed is not None else []
    command += ["--phases", phases] if phases else []
    result = subprocess.run(command, capture_output=True, text=True, timeout=1800, cwd=workdir)
    return result.returncode, result.stdout + result.stderr


def test_every_operation_answers_as_its_schema_says(corpus_bot, corpus_settings, live_server, tmp_path):
    settings = corpus_settings.model_copy(update={"rate_limit_per_minute": 0})
    with live_server(create_app(corpus_bot, settings)) as url:
        status, report = run_schemathesis(url, 12, tmp_path, seed=1, phases="examples,fuzzing,stateful")
    counted = re.search(r"(\d+) generated, (\d+) passed", report)
    assert status == 0 and counted, report[-4000:]
    assert int(counted.group(1)) == int(counted.group(2)) >= 100, report[-2000:]
    print(f"\nschemathesis: {counted.group(1)} cases generated, {counted.group(2)} passed")
