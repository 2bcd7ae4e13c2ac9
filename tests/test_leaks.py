"""The leak check: no question used to fit or tune the bot (the calibration set, the golden set, the example
questions, the tests' questions) asks what a question of a reported evaluation set asks, except the pairs on
the allow-list, each with its reason. Also the check itself, on questions made up for it."""

from __future__ import annotations

import json

import pytest

from bot.cli import CALIBRATION_SETS
from bot.fingerprint import Fingerprint, answer_keys, fingerprint, is_specific
from bot.leaks import compare, find_overlaps
from bot.question_sets import (
    ALLOWED_OVERLAPS,
    REPO,
    REPORTED_SETS,
    allowed_overlaps,
    fingerprints_of,
    reported_sets,
    tuning_questions,
    use_encoder,
    used_and_reported,
)


@pytest.fixture(scope="module")
def encode():
    return use_encoder()


@pytest.fixture(scope="module")
def flagged(encode):
    return find_overlaps(*used_and_reported(encode))


@pytest.mark.slow
def test_no_question_used_to_fit_or_tune_asks_what_a_reported_question_asks(flagged):
    allowed = allowed_overlaps()
    unexplained = [o.describe() for o in flagged if o.pair not in allowed]
    assert not unexplained, "reword or remove these, or allow them with a reason:\n" + "\n".join(unexplained)


@pytest.mark.slow
def test_every_allowed_pair_names_two_questions_that_exist(encode):
    """An allowed pair with a typo would allow nothing; one of a set not in use yet (the register's) waits."""
    used, reported = used_and_reported(encode)
    names = {f"{f.set_name}:{f.qid}" for f in (*used, *reported)}
    in_use = {f.set_name for f in (*used, *reported)}
    for first, second in allowed_overlaps():
        for name in (first, second):
            assert name in names or name.split(":")[0] not in in_use, f"{ALLOWED_OVERLAPS}: no question {name}"


def test_every_allowed_pair_says_why():
    rows = json.loads((REPO / ALLOWED_OVERLAPS).read_text(encoding="utf-8"))
    for row in rows:
        assert set(row) == {"used", "reported", "why"} and len(row["why"]) >= 40, row


def test_every_reported_set_is_compared_and_the_register_set_once_it_exists():
    names = {s.name for s in reported_sets()}
    assert {"golden", "crosslang_zh_to_en", "crosslang_en_to_zh", "approvals_dev", "squad2_en", "cmrc2018_zh"} <= names
    register = next(s for s in REPORTED_SETS if s.name == "register")
    assert (register.name in names) == register.exists()
    for qset in reported_sets():
        assert qset.exists(), f"{qset.path} is missing"


def test_stored_fingerprints_say_where_they_come_from_and_hold_no_question_text():
    for qset in (s for s in REPORTED_SETS if s.fingerprinted):
        stored = json.loads(qset.file.read_text(encoding="utf-8"))
        assert stored["source"].startswith("../shared/eval/") and len(stored["source_sha256"]) == 64
        assert stored["questions_count"] == len(stored["questions"]) > 0
        assert all(set(row) <= set(Fingerprint.STORED_FIELDS) for row in stored["questions"])


def test_the_abstain_model_is_fitted_on_the_calibration_set_only():
    assert all(spec.split(":")[0] == "evalsets/calibration.jsonl" for spec in CALIBRATION_SETS)
    model = json.loads((REPO / "bot" / "abstain_model.json").read_text(encoding="utf-8"))
    assert model["fitted_on"] == ", ".join(CALIBRATION_SETS)


def test_the_tests_questions_and_the_examples_are_among_the_questions_checked():
    checked = {text for _, _, text in tuning_questions()}
    assert "How many chapters do the Interim Measures have?" in checked  # tests/expectations.py
    assert "Which providers must file their own large language model?" in checked  # bot/examples.py


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("15 August 2023", "2023年8月15日"),
        ("August 15, 2023", "2023-08-15"),
        ("85,000", "8.5万"),
        ("600 million", "6亿"),
        ("fourteen", "十四"),
        ("40 per cent", "40%"),
        ("September 2024", "2024年9月"),
    ],
)
def test_gold_answers_written_differently_share_a_canonical_form(one, other):
    assert answer_keys(one) & answer_keys(other)


def test_small_numbers_are_not_specific_enough_to_tie_two_questions_alone():
    assert not is_specific("n:13") and is_specific("n:302") and is_specific("d:2023-08-15")
    assert is_specific("t:zhaopin") and not is_specific("t:ai")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("used", "reported", "reason"),
    [
        # Made-up questions about a made-up harbour authority, in the shapes the check looks for.
        (
            {"question": "When did the harbour authority open its new pier?", "answers": ["3 May 2021"]},
            {"question": "On what date was the harbour authority's new pier opened?", "answers": ["2021年5月3日"]},
            "the same gold answer",
        ),
        (
            {"question": "港务局的新码头是哪一天启用的？", "answers": ["2021年5月3日"]},
            {"question": "When was the harbour authority's new pier opened?", "answers": ["3 May 2021"]},
            "the same gold answer",
        ),
        (
            {"question": "How many cranes does the harbour authority run?", "answerable": False},
            {"question": "How many cranes are run by the harbour authority?", "answerable": False},
            "nearly the same wording",
        ),
        (
            {"question": "What fine did the harbour authority impose on the ferry company?", "answerable": False},
            {"question": "港务局对渡轮公司处以多少罚款？", "answerable": False},
            "both unanswerable, about the same things",
        ),
        (
            {"question": "Which ferry company runs the night crossing?", "answers": ["Bluewave"]},
            {"question": "What crossing does Bluewave run?", "answers": ["the night crossing"]},
            "one names the other's answer",
        ),
    ],
)
def test_the_check_flags_the_same_fact_asked_twice(encode, used, reported, reason):
    overlap = compare(
        fingerprint({"qid": "u", **used}, "used", encode), fingerprint({"qid": "r", **reported}, "reported", encode)
    )
    assert overlap is not None and overlap.reason == reason, overlap


@pytest.mark.slow
@pytest.mark.parametrize(
    ("used", "reported"),
    [
        (
            {"question": "When did the harbour authority open its new pier?", "answers": ["3 May 2021"]},
            {"question": "How many ships docked at the new pier in its first year?", "answers": ["1,200"]},
        ),
        (
            {"question": "How many cranes does the harbour authority run?", "answerable": False},
            {"question": "Who designed the lighthouse on the north mole?", "answerable": False},
        ),
        (  # the same template asking for another figure
            {"question": "How many ferries had been licensed as of August 2025?", "answers": ["538"]},
            {"question": "By August 2025, how many ferries had been inspected (not licensed)?", "answers": ["263"]},
        ),
    ],
)
def test_the_check_leaves_different_facts_alone(encode, used, reported):
    overlap = compare(
        fingerprint({"qid": "u", **used}, "used", encode), fingerprint({"qid": "r", **reported}, "reported", encode)
    )
    assert overlap is None, overlap.describe()


@pytest.mark.slow
def test_a_stored_fingerprint_compares_like_the_question_it_came_from(encode):
    question = {"qid": "r", "question": "When was the harbour authority's new pier opened?", "answers": ["3 May 2021"]}
    used = fingerprint(
        {"qid": "u", "question": "On what day did the new pier open?", "answers": ["3 May 2021"]}, "u", encode
    )
    live = fingerprint(question, "reported", encode)
    stored = Fingerprint.from_json(json.loads(json.dumps(live.to_json())), "reported", own_corpus=True)
    assert not stored.text and stored.shingles == live.shingles
    assert compare(used, stored).likeness == pytest.approx(compare(used, live).likeness, abs=0.02)


def test_stored_fingerprints_load_without_a_model():
    for qset in (s for s in reported_sets() if s.fingerprinted):
        assert all(f.shingles and f.set_name == qset.name for f in fingerprints_of(qset, None))


def _register(qid: str, question: str, type_: str, gold: dict) -> dict:
    return {"qid": qid, "question": question, "kind": "register", "type": type_, "series": "genai", "gold": gold}


@pytest.mark.slow
def test_two_register_questions_sharing_only_a_date_or_a_small_count_ask_different_facts(encode):
    """Made-up rows: hundreds of services share a date, and many questions have the answer 3."""
    same_day = [
        _register(
            "u", "When was Harbour Chat approved?", "lookup", {"number": "Xx-HarbourChat-1", "date": "2025-03-07"}
        ),
        _register("r", "When was Pier Writer approved?", "lookup", {"number": "Xx-PierWriter-2", "date": "2025-03-07"}),
    ]
    three = [
        _register("u", "How many services from Harbourtown are filed?", "count", {"count": 3}),
        _register("r", "How many services from Pierville were registered in 2025?", "count", {"count": 3}),
    ]
    for used, reported in (same_day, three):
        assert compare(fingerprint(used, "used", encode), fingerprint(reported, "reported", encode)) is None


@pytest.mark.slow
def test_two_register_questions_about_the_same_row_ask_the_same_fact(encode):
    used = _register(
        "u", "When was Harbour Chat approved?", "lookup", {"number": "Xx-HarbourChat-1", "date": "2025-03-07"}
    )
    reported = _register(
        "r", "Harbour Chat 的备案编号是多少？", "lookup", {"number": "Xx-HarbourChat-1", "date": "2025-03-07"}
    )
    overlap = compare(fingerprint(used, "used", encode), fingerprint(reported, "reported", encode))
    assert overlap is not None and overlap.reason == "the same register rows"


def test_the_register_sets_the_answerer_was_tuned_on_count_as_tuning_against_every_set_on_our_corpus():
    by_name = {s.name: s for s in REPORTED_SETS}
    tuned = set(by_name["register"].tunes)
    assert tuned == set(by_name["register_heldout"].tunes) == set(by_name["register_blind"].tunes)
    assert tuned == set(by_name["register_blind2"].tunes) == set(by_name["register_blind3"].tunes)
    assert tuned == set(by_name["register_blind4"].tunes) == set(by_name["register_blind5"].tunes)
    assert tuned == {s.name for s in REPORTED_SETS if s.own_corpus and not s.tuned_on}
    developed = ["register", "register_heldout"] + [f"register_blind{n}" for n in ("", "2", "3", "4", "5")]
    assert all(by_name[name].tuned_on for name in developed)
    assert {"golden", "approvals_dev"} <= tuned and not tuned & set(developed)
