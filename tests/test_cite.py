"""Citation markers in the answer text."""

import pytest

from bot.chunking import Chunk
from bot.cite import Evidence, join_with_markers
from bot.schema import Passage


def _evidence(text: str, *sentences: str) -> list[Evidence]:
    chunk = Chunk("c", "doc.md", "Doc", "", text, 0, len(text), "zh", None, None, (), "h")
    found = []
    for sentence in sentences:
        start = text.index(sentence)
        found.append(Evidence(Passage(chunk, 1.0), start, start + len(sentence)))
    return found


@pytest.mark.parametrize(
    ("language", "text", "sentences", "joined"),
    [
        ("zh", "甲获得批准。乙随后上线。", ("甲获得批准。", "乙随后上线。"), "甲获得批准。[1] 乙随后上线。[2]"),
        ("en", "A was approved. B came.", ("A was approved.", "B came."), "A was approved. [1] B came. [2]"),
        ("en", "甲获得批准。B came.", ("甲获得批准。", "B came."), "甲获得批准。[1] B came. [2]"),
    ],
)
def test_a_marker_follows_its_sentence_and_the_space_comes_after_it(language, text, sentences, joined):
    assert join_with_markers(_evidence(text, *sentences), language) == joined
