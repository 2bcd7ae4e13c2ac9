"""Write `evalsets/register_blind2.jsonl`, the second blind register questions, from the raw files in
`corpus/register/`, with its own seed and its own templates.

`register.jsonl`, `register_heldout.jsonl` and `register_blind.jsonl` were all used to tune the register
answerer, so their figures are development figures. This set is the fresh out-of-sample one: its templates
(`register_blind2_phrases.py`) were written without reading the bot's register code (`bot/register/`), the
earlier sets' questions or phrase files, or any evaluation report, and without running the bot on it. It leaves
out what any earlier set asks (`register_dev_overlap.DevOverlap`, yes/no answers only), computes every gold
from `register_data`'s own readers, checks the data READMEs' totals, and refuses issue examples and questions a
test asks. Run from anywhere: `python evalsets/build_register_blind2.py`. Do not run the bot on it before the
final measurement.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_register_eval import build_and_write
from register_blind2_algorithm import algorithm_questions
from register_blind2_common import Blind2Set, OtherName
from register_blind2_genai import genai_questions
from register_blind2_phrases import OTHER_NAMES
from register_blind_build import build_blind_set
from register_data import SETS_ALIASES, plain
from register_dev_overlap import DEV_FILE

SEED = 20261219  # the development set's is 20260913, the held-out set's 20261108, the first blind set's 20261205
HERE = Path(__file__).resolve().parent
OUT = HERE / "register_blind2.jsonl"
TUNED_ON = (DEV_FILE, HERE / "register_heldout.jsonl", HERE / "register_blind.jsonl")


def other_names(aliases: tuple[str, ...], rows: list) -> list[OtherName]:
    """The English names the alias table lacks, each checked: not an alias spelling, and every company it
    stands for is a company of the register."""
    companies = {plain(r.company) for r in rows}
    found = []
    for english, spellings, source in OTHER_NAMES:
        if english.lower() in {a.lower() for a in aliases}:
            raise SystemExit(f"{english} is in the alias table now: take it out of OTHER_NAMES")
        missing = [c for c in spellings if plain(c) not in companies]
        if missing:
            raise SystemExit(f"{english}: no rows of {missing} in the register")
        found.append(OtherName(english, spellings, source))
    return found


def build(seed: int = SEED, aliases: Path = SETS_ALIASES) -> tuple[list[dict], list[str]]:
    def algorithm_questions_(questions, lists, everything, known, others, _spellings) -> None:  # type: ignore[no-untyped-def]
        algorithm_questions(questions, lists, everything, known, others)

    return build_blind_set(Blind2Set, "rc", seed, aliases, TUNED_ON, other_names, genai_questions, algorithm_questions_)


def main() -> int:
    return build_and_write(__doc__, build, OUT, SEED, SETS_ALIASES)


if __name__ == "__main__":
    raise SystemExit(main())
