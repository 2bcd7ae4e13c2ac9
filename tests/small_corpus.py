"""A small corpus for the fault and replica tests: a few of the repository's documents and register tables of
real rows (from the generative-AI register in the repository) written as CSV, so ingest is quick."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from register_rows import genai_rows

REPO = Path(__file__).resolve().parent.parent
CSV_HEADER = ("模型名称", "备案单位", "备案编号", "备案时间", "属地")


def copy_documents(folder: Path, *names: str) -> None:
    """Copies documents of the repository's corpus into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(REPO / "corpus" / name, folder / name)


def write_register_table(folder: Path, period: str, count: int) -> Path:
    """A CSV of the first `count` rows of one list (`period`, YYYY-MM) of the real register, named after it."""
    rows = [row for row in genai_rows() if row.list.period == period][:count]
    assert len(rows) == count, f"the register has fewer than {count} rows in {period}"
    path = folder / "register" / f"genai-{period}.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(CSV_HEADER)
        for row in rows:
            date = f"{row.date // 10000}-{row.date // 100 % 100:02d}-{row.date % 100:02d}" if row.date else ""
            writer.writerow((row.name, row.company, row.number, date, row.province))
    return path
