"""The command line: `python -m bot ingest|ask|eval|calibrate|leaks|serve|feedback`. It parses arguments, calls the
core and prints; errors become a message on stderr and a non-zero exit status."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from bot.config import Settings, get_settings
from bot.errors import BotError

# The labelled questions the packaged abstain model is fitted on: the calibration set only, asked against
# the whole corpus and against each language's documents. No reported set, the golden set included, is
# among them, and `python -m bot leaks` checks that none asks what a reported question asks.
CALIBRATION_SETS = [
    "evalsets/calibration.jsonl",
    "evalsets/calibration.jsonl:en",
    "evalsets/calibration.jsonl:zh",
]


def _ingest(args: argparse.Namespace, settings: Settings) -> int:
    from bot.ingest import check_inside, ingest
    from bot.wiring import build_register_store, build_store

    paths = [Path(p) for p in args.paths] or [settings.corpus_dir]
    check_inside(paths, settings.corpus_dir)  # before the models load: a refusal is immediate
    register = build_register_store(settings)
    store = build_store(settings)
    report = ingest(
        paths, store, settings.chunk_chars, progress=not args.quiet, register=register, corpus=settings.corpus_dir
    )
    for line in report.table_lines():
        print(f"Register table {line}")
    for source, reason in report.failed:
        print(f"warning: skipped {source}: {reason}", file=sys.stderr)
    print(f"Ingest: {report.summary()}")
    return 0 if report.ok else 1


def _ask(args: argparse.Namespace, settings: Settings) -> int:
    from bot.wiring import build_bot

    answer = build_bot(settings).ask(args.question)
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
        return 0
    print(answer.answer)
    if answer.register is not None and answer.register.rows:
        from bot.register.words import table_markdown

        print("\n" + table_markdown(answer.register.rows, answer.language))
    for citation in answer.citations:
        link = f" <{citation.url}>" if citation.url else ""
        print(f"\n[{citation.n}] {citation.title} ({citation.source}:{citation.start}-{citation.end}){link}")
        print(f"    “{citation.quote}”")
    return 0


def _eval(args: argparse.Namespace, settings: Settings) -> int:
    from bot.eval_report import format_table
    from bot.eval_runner import evaluate_path

    if args.answerer == "extractive":
        settings = settings.model_copy(update={"llm_base_url": None})
    elif args.answerer == "llm" and not settings.llm_base_url:
        from bot.errors import ModelUnavailable

        raise ModelUnavailable(
            "`--answerer llm` needs an OpenAI-compatible endpoint: set BOT_LLM_BASE_URL "
            "(e.g. http://127.0.0.1:11434/v1 for Ollama) and BOT_LLM_MODEL."
        )
    results = evaluate_path(
        Path(args.path), settings, args.baseline, Path(args.out), progress=not args.quiet, index_lang=args.index_lang
    )
    print(format_table(results))
    print(f"\nWrote {Path(args.out) / 'metrics.json'} and {Path(args.out) / 'report.md'}")
    return 0


def _calibrate(args: argparse.Namespace, settings: Settings) -> int:
    from bot.calibrate import QuestionSource, calibrate

    sources = [QuestionSource.parse(spec) for spec in args.questions]
    report = calibrate(
        sources, settings, Path(args.out), progress=not args.quiet, max_false_refusal_rate=args.max_false_refusals
    )
    print(json.dumps(report, indent=2))
    print(f"Wrote {args.out}")
    return 0


def _leaks(args: argparse.Namespace, settings: Settings) -> int:
    from bot.leaks import find_overlaps
    from bot.question_sets import (
        REPO,
        REPORTED_SETS,
        SHARED_SOURCES,
        allowed_overlaps,
        use_encoder,
        used_and_reported,
        write_fingerprints,
    )

    encode = use_encoder()
    if args.fingerprint:
        qset = next(s for s in REPORTED_SETS if s.name == args.fingerprint)
        named = args.source or SHARED_SOURCES[qset.name]
        command = f"python -m bot leaks --fingerprint {qset.name}" + (f" --source {named}" if args.source else "")
        count = write_fingerprints(qset, REPO / named, named, encode, command)
        print(f"Wrote the fingerprints of {count} questions from {named} to {qset.path}")
        return 0
    allowed = allowed_overlaps()
    used, reported = used_and_reported(encode)
    flagged = find_overlaps(used, reported)
    unexplained = [o for o in flagged if o.pair not in allowed]
    in_use = {f.set_name for f in reported}
    stale = {pair for pair in allowed if pair[1].split(":")[0] in in_use} - {o.pair for o in flagged}
    for overlap in unexplained:
        print(overlap.describe())
    for used, reported in sorted(stale):
        print(f"allowed, not flagged now (remove it once it stays so): {used} ~ {reported}")
    print(f"{len(flagged)} pairs flagged, {len(flagged) - len(unexplained)} of them allowed; {len(unexplained)} not.")
    return 1 if unexplained else 0


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    from bot.server import serve

    serve(settings.model_copy(update={k: v for k, v in (("host", args.host), ("port", args.port)) if v}))
    return 0


def _feedback(args: argparse.Namespace, settings: Settings) -> int:
    from bot.feedback import FeedbackStore

    store = FeedbackStore(settings.feedback_database)
    if args.export:
        count = store.export(Path(args.export))
        print(f"Wrote {count} rated answers to {args.export} as evaluation questions.")
        return 0
    ratings = [row["rating"] for row in store.rows()]
    print(f"{len(ratings)} rated answers ({ratings.count('up')} up, {ratings.count('down')} down) in {store.where}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Answer questions from your documents.")
    commands = parser.add_subparsers(dest="command", required=True)
    ingest = commands.add_parser("ingest", help="index documents (default: the corpus folder)")
    ingest.add_argument("paths", nargs="*", help="files or folders inside the corpus folder (BOT_CORPUS_DIR)")
    ingest.add_argument("--quiet", action="store_true", help="no progress bar")
    ingest.set_defaults(run=_ingest)
    ask = commands.add_parser("ask", help="answer one question")
    ask.add_argument("question")
    ask.add_argument("--json", action="store_true", help="print the answer as JSON")
    ask.set_defaults(run=_ask)
    evaluate = commands.add_parser("eval", help="measure retrieval, answers and abstention on a question set")
    evaluate.add_argument("path", help="a folder with corpus.jsonl and questions.jsonl, or a questions .jsonl")
    evaluate.add_argument("--baseline", action="store_true", help="also run the plain LangChain pipeline")
    evaluate.add_argument("--out", default="eval-out", help="where metrics.json, chart.png and report.md go")
    evaluate.add_argument("--quiet", action="store_true", help="no progress bars")
    evaluate.add_argument(
        "--index-lang",
        choices=["en", "zh"],
        help="ask against a throwaway index of only the corpus documents in this language",
    )
    evaluate.add_argument(
        "--answerer",
        choices=["extractive", "llm"],
        help="measure this answerer (default: the LLM when BOT_LLM_BASE_URL is set, else the extractive one)",
    )
    evaluate.set_defaults(run=_eval)
    calibrate = commands.add_parser("calibrate", help="fit the abstain model on labelled questions")
    calibrate.add_argument(
        "questions",
        nargs="*",
        default=CALIBRATION_SETS,
        help="question .jsonl files; FILE:en or FILE:zh asks against only the corpus documents in that language",
    )
    calibrate.add_argument("--out", default="bot/abstain_model.json", help="where the coefficients go")
    calibrate.add_argument(
        "--max-false-refusals",
        type=float,
        default=0.10,
        help="the share of answerable questions the threshold may refuse in cross-validation (default 0.10)",
    )
    calibrate.add_argument("--quiet", action="store_true", help="no progress bars")
    calibrate.set_defaults(run=_calibrate)
    leaks = commands.add_parser(
        "leaks", help="check that no question used to fit or tune the bot asks what a reported question asks"
    )
    leaks.add_argument(
        "--fingerprint",
        metavar="SET",
        choices=["approvals_dev", "squad2_en", "cmrc2018_zh"],
        help="write the fingerprints of a shared evaluation set (approvals_dev, squad2_en, cmrc2018_zh) instead",
    )
    leaks.add_argument("--source", help="the set's questions file (default: under ../shared/eval)")
    leaks.set_defaults(run=_leaks)
    serve = commands.add_parser("serve", help="serve the web chat and the HTTP API")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.set_defaults(run=_serve)
    feedback = commands.add_parser("feedback", help="count readers' ratings, or export them as evaluation questions")
    feedback.add_argument("--export", metavar="FILE.jsonl", help="write the ratings in the format of questions.jsonl")
    feedback.set_defaults(run=_feedback)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        return int(args.run(args, get_settings()))
    except BotError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
