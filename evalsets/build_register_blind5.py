"""Write `evalsets/register_blind5.jsonl`, the fifth blind register questions, from the raw files in
`corpus/register/`, with its own seed and its own templates.

The development, held-out and first four blind sets all tuned the register answerer, so their figures are
development figures. This set is the fresh out-of-sample one: its templates (`register_blind5_phrases.py`) were
written without reading the bot's register code (`bot/register/`), the earlier sets' questions or phrase files,
or any evaluation report, and without running the bot on it. It leaves out what any of the six asks
(`register_dev_overlap.DevOverlap`, yes/no answers only), computes every gold from `register_data`'s own
readers, checks the data READMEs' totals, and refuses issue examples and questions a test asks. Run from
anywhere: `python evalsets/build_register_blind5.py`. Do not run the bot on it before the final measurement.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_register_eval import build_and_write, tests_texts
from register_blind5_algorithm import algorithm_questions
from register_blind5_common import Blind5Set, other_names
from register_blind5_genai import genai_questions
from register_blind_build import build_blind_set
from register_data import SETS_ALIASES
from register_dev_overlap import DEV_FILE

# development 20260913, held-out 20261108, blind 20261205, blind2 20261219, blind3 20261231, blind4 20270214
SEED = 20270321
HERE = Path(__file__).resolve().parent
OUT = HERE / "register_blind5.jsonl"
TUNED_ON = (
    DEV_FILE,
    HERE / "register_heldout.jsonl",
    HERE / "register_blind.jsonl",
    HERE / "register_blind2.jsonl",
    HERE / "register_blind3.jsonl",
    HERE / "register_blind4.jsonl",
)


def build(seed: int = SEED, aliases: Path = SETS_ALIASES) -> tuple[list[dict], list[str]]:
    tests = "\n".join(tests_texts())

    def make_set(*args: object, **kwargs: object) -> Blind5Set:
        return Blind5Set(*args, named_in_tests=tests, **kwargs)

    return build_blind_set(make_set, "rf", seed, aliases, TUNED_ON, other_names, genai_questions, algorithm_questions)


def main() -> int:
    return build_and_write(__doc__, build, OUT, SEED, SETS_ALIASES)


if __name__ == "__main__":
    raise SystemExit(main())
