"""The command line, run as a real subprocess against a real index in a temporary data folder."""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from expectations import COUNT_QUESTION, COUNT_QUESTION_ZH, DATE, DATE_QUESTION, states_the_count

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parent.parent


def run_bot(*args: str, data_dir: Path, cwd: Path = REPO, **settings: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BOT_DATA_DIR": str(data_dir), "HF_HUB_OFFLINE": "1", **settings}
    if cwd != REPO:  # the package is importable from anywhere once installed; here, through PYTHONPATH
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("cli-data")
    result = run_bot("ingest", "--quiet", data_dir=data)
    assert result.returncode == 0, result.stderr
    documents = sorted(p for p in (REPO / "corpus").glob("*.md"))
    assert f"added {len(documents)}," in result.stdout, result.stdout
    return data


def test_second_ingest_reports_everything_unchanged(data_dir):
    result = run_bot("ingest", "--quiet", data_dir=data_dir)
    assert result.returncode == 0
    assert "added 0, updated 0, removed 0" in result.stdout and "failed 0" in result.stdout


def test_ask_json_answers_a_count_in_english_and_chinese(data_dir):
    for question in (COUNT_QUESTION, COUNT_QUESTION_ZH):
        result = run_bot("ask", "--json", question, data_dir=data_dir)
        assert result.returncode == 0, result.stderr
        answer = json.loads(result.stdout)
        assert states_the_count(answer["answer"]) and not answer["abstained"]
        assert any(states_the_count(c["quote"]) for c in answer["citations"])


def test_ask_prints_the_answer_and_numbered_sources(data_dir):
    result = run_bot("ask", DATE_QUESTION, data_dir=data_dir)
    assert result.returncode == 0
    assert DATE in result.stdout and "[1]" in result.stdout


def test_ask_without_an_index_says_run_ingest(tmp_path):
    result = run_bot("ask", "anything?", data_dir=tmp_path / "empty")
    assert result.returncode == 2
    assert "python -m bot ingest" in result.stderr


def test_ingest_of_a_broken_file_warns_and_exits_non_zero(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.md").write_text("# Good\n\nThe January 2024 batch approved 14 models.\n")
    (docs / "bad.pdf").write_bytes(b"%PDF-1.4 garbage")
    result = run_bot("ingest", "--quiet", str(docs), data_dir=tmp_path / "data", BOT_CORPUS_DIR=str(docs))
    assert result.returncode == 1
    assert "bad.pdf" in result.stderr and "added 1" in result.stdout and "failed 1" in result.stdout


def test_started_from_another_folder_the_bot_finds_its_corpus_and_index(data_dir, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = run_bot("ingest", "--quiet", data_dir=data_dir, cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    assert "added 0, updated 0, removed 0" in result.stdout, "the same documents under the same names"
    answer = run_bot("ask", DATE_QUESTION, data_dir=data_dir, cwd=elsewhere)
    assert answer.returncode == 0 and DATE in answer.stdout


def test_serving_on_a_busy_port_says_so_and_how_to_pick_another(data_dir):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_bot("serve", "--port", str(port), data_dir=data_dir)
    assert result.returncode == 2
    assert f"Port {port} on 127.0.0.1 is already in use" in result.stderr and "--port" in result.stderr
    assert "Serving on" not in result.stdout and "Traceback" not in result.stderr


def test_eval_with_the_llm_answerer_and_no_endpoint_says_how_to_set_one(tmp_path):
    env_free = {k: v for k, v in os.environ.items() if not k.startswith("BOT_LLM")}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "eval", "tests/golden/questions.jsonl", "--answerer", "llm"],
        cwd=REPO,
        env={**env_free, "BOT_DATA_DIR": str(tmp_path), "HF_HUB_OFFLINE": "1"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 2
    assert "BOT_LLM_BASE_URL" in result.stderr
