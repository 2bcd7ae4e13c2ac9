"""`bench/ingest_speed.py` end to end on a few generated passages in the public sets' layout (no timings checked)."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent

ENGLISH = [
    "The Rhine flows from the Swiss Alps to the North Sea. It passes through six countries on the way.",
    "Oxygen is stored in three main reservoirs. They are the atmosphere, the biosphere and the lithosphere.",
    "BSkyB announced on 8 February 2007 that it would replace its free-to-air digital channels.",
]
CHINESE = [
    "全皇后是三国时期东吴皇帝孙亮的妻子。她的父亲是全尚。",
    "长江是中国最长的河流。它流经十一个省级行政区，最后注入东海。",
    "《战国无双3》是由光荣和ω-force开发的游戏。本作以三大故事为主轴。",
]


def _write_set(folder: Path, prefix: str, passages: list[str]) -> None:
    folder.mkdir(parents=True)
    rows = [{"doc_id": f"{prefix}{i}", "title": f"{prefix} {i}", "text": text} for i, text in enumerate(passages)]
    (folder / "corpus.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")


def test_ingest_speed_bench_prints_a_table_and_writes_every_row(tmp_path: Path):
    data, out = tmp_path / "eval", tmp_path / "results"
    _write_set(data / "squad2_en", "en", ENGLISH)
    _write_set(data / "cmrc2018_zh", "zh", CHINESE)
    command = [sys.executable, "bench/ingest_speed.py", "--data", str(data), "--out", str(out), "--limit-chunks", "4"]
    done = subprocess.run(
        [*command, "--rounds", "2", "--chunk-chars", "100"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "ours / limit" in done.stdout

    result = json.loads((out / "ingest_speed.json").read_text())
    rows = result["rows"]
    assert set(rows) == {"limit", "ours", "baseline"}
    assert rows["ours"]["chunks"] == rows["limit"]["chunks"] >= 4
    documents = rows["ours"]["documents"]
    assert rows["baseline"]["documents"] == documents and 2 <= documents < 6, "--limit-chunks takes the first few"
    assert re.search(r"\([1-9]\d* en, [1-9]\d* zh\)", result["corpus"]), "both languages, interleaved"
    assert rows["baseline"]["chunks"] >= documents
    assert {"ours_over_limit", "ours_over_baseline_chunks", "ours_over_baseline_documents"} <= set(result["ratios"])
    assert result["conditions"]["rounds"] == 2
    assert result["conditions"]["use_threads"] == 1
