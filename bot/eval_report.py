"""The human side of `bot eval`: a printed table (with, for register questions, accuracy per question type
and series), a PNG chart of bot against baseline per metric, and a Markdown report listing every question
the bot got wrong."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.evaluate import Outcome, score_register

CHART_METRICS = ("recall@1", "recall@5", "mrr@10", "answer_accuracy", "refusal_recall", "refusal_precision")
TABLE_METRICS = (
    "recall@1",
    "recall@5",
    "recall@10",
    "mrr@10",
    "answer_accuracy",
    "refusal_recall",
    "refusal_precision",
    "false_refusal_rate",
    "retrieval_p50_ms",
    "latency_p50_ms",
    "latency_p95_ms",
)


def format_table(results: dict[str, dict[str, Any]]) -> str:
    systems = list(results)
    lines = ["| metric | " + " | ".join(systems) + " |", "|---|" + "---|" * len(systems)]
    for metric in TABLE_METRICS:
        if any(metric in results[s] for s in systems):
            values = [results[s].get(metric) for s in systems]
            lines.append(f"| {metric} | " + " | ".join("–" if v is None else f"{v}" for v in values) + " |")
    lines.append("| questions (by language) | " + " | ".join(str(results[s]["languages"]) for s in systems) + " |")
    register = format_register_table(results)
    return "\n".join(lines) + ("\n\n" + register if register else "")


def _score_cell(entry: dict[str, Any] | None) -> str:
    if not entry:
        return "–"
    cell = f"{entry['accuracy']} ({entry['questions']})"
    if "precision" in entry:
        cell += f", P {entry['precision']} R {entry['recall']}"
    return cell


def format_register_table(results: dict[str, dict[str, Any]]) -> str:
    """Register questions: accuracy (questions) per type and series, list precision and recall, latency."""
    systems = [s for s in results if results[s].get("register")]
    if not systems:
        return ""
    registers = {s: results[s]["register"] for s in systems}
    lines = ["| register | " + " | ".join(systems) + " |", "|---|" + "---|" * len(systems)]
    lines.append("| all | " + " | ".join(_score_cell(registers[s]) for s in systems) + " |")
    for group in ("by_type", "by_series"):
        for name in sorted({name for s in systems for name in registers[s][group]}):
            cells = [_score_cell(registers[s][group].get(name)) for s in systems]
            lines.append(f"| {group[3:]}: {name} | " + " | ".join(cells) + " |")
    for key in ("latency_p50_ms", "not_in_register_with_number"):
        lines.append(f"| {key} | " + " | ".join(str(registers[s][key]) for s in systems) + " |")
    return "\n".join(lines)


def write_chart(results: dict[str, dict[str, Any]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    metrics = [m for m in CHART_METRICS if any(results[s].get(m) is not None for s in results)]
    figure, axes = plt.subplots(figsize=(9, 4))
    width = 0.8 / max(len(results), 1)
    for i, (system, values) in enumerate(results.items()):
        axes.bar(
            [x + i * width for x in range(len(metrics))], [values.get(m) or 0 for m in metrics], width, label=system
        )
    axes.set_xticks([x + width * (len(results) - 1) / 2 for x in range(len(metrics))], metrics, rotation=15)
    axes.set_ylim(0, 1.05)
    axes.legend()
    axes.set_title("bot vs baseline")
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)


def write_report(
    source: Path, results: dict[str, dict[str, Any]], outcomes: dict[str, list[Outcome]], out_dir: Path
) -> None:
    write_chart(results, out_dir / "chart.png")
    lines = [f"# Evaluation of `{source}`", "", format_table(results), "", "![bot vs baseline](chart.png)", ""]
    wrong = [o for o in outcomes["bot"] if not o.correct]
    lines += [f"## Questions the bot got wrong ({len(wrong)} of {len(outcomes['bot'])})", ""]
    for o in wrong:
        q = o.question
        if q.get("kind") == "register":
            lines.append(_register_miss(o))
            continue
        expected = "abstain" if not o.answerable else " / ".join(q.get("answers", [])[:3])
        got = "abstained" if o.answer.abstained else o.answer.answer[:300].replace("\n", " ")
        gold = set(q.get("gold_doc_ids") or [])
        found = [d for d in o.ranked_sources[:5] if d in gold]
        in_top5 = bool(found) if gold else "n/a"
        lines.append(
            f"- **{q['qid']}** {q['question']}  \n  expected: {expected}; got: {got}  \n  gold in top 5: {in_top5}"
        )
    (out_dir / "report.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _register_miss(outcome: Outcome) -> str:
    """One missed register question: its gold, and the answer's total, first numbers and text."""
    q, data = outcome.question, outcome.answer.to_dict()
    register = data.get("register") or {}
    numbers = [str(r.get("number")) for r in (register.get("rows") or [])[:5]]
    score = score_register(q, outcome.answer)
    gold = {k: (v[:5] if isinstance(v, list) else v) for k, v in q.get("gold", {}).items() if k != "dates"}
    got = "abstained" if data.get("abstained") else f"total {register.get('total')}, rows {numbers}"
    if score.precision is not None:
        got += f", precision {score.precision:.2f}, recall {score.recall:.2f}"
    text = str(data.get("answer") or "")[:200].replace("\n", " ")
    heading = f"- **{q['qid']}** ({q.get('type')}, {q.get('series')}) {q['question']}"
    return f"{heading}  \n  gold: {gold}; got: {got}  \n  text: {text}"
