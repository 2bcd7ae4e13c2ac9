"""Every example in README.md and docs/*.md gives, against a live server over the corpus, what its page
shows: the example questions' answers, each curl command's response and the openai SDK program's output.
`make docs` rewrites them from a real run (`tests/doc_examples.py`)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from doc_examples import REPO, answer_of, examples, same

from bot.examples import EXAMPLES
from bot.server import create_app

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def url(corpus_bot, corpus_settings, live_server) -> Iterator[str]:
    with live_server(create_app(corpus_bot, corpus_settings)) as url:
        yield url


def test_the_pages_show_examples_of_every_kind_and_the_readme_every_example_question():
    found = examples()
    assert {"questions", "curl", "python"} <= {e.kind for e in found}
    readme = [e for e in found if e.page == REPO / "README.md" and e.kind == "questions"]
    assert len(readme) == 1 and all(f"**{question}**" in readme[0].body for question in EXAMPLES)


@pytest.mark.parametrize("example", examples(), ids=str)
def test_each_example_gives_what_its_page_shows(example, url):
    now = answer_of(example, url)
    assert same(example.shown, now), f"{example} is out of date: run `make docs`.\nshown:\n{example.shown}\nnow:\n{now}"
