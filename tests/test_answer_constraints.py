"""The extractive answerer's use of the constraint checks: which other sentences it may fall back on when the
best-matching one breaks a constraint. The abstain model is one that always answers, so only the constraint
rules decide."""

from fakes import HashedEmbeddings

from bot.abstain import AbstainModel
from bot.answer import ExtractiveAnswerer
from bot.chunking import Chunk
from bot.keyword import KeywordIndex
from bot.schema import Passage
from bot.text import keyword_tokens


def _passage(source: str, text: str, score: float) -> Passage:
    chunk = Chunk(f"{source}#0", source, source, "", text, 0, len(text), "en", None, None, (), source)
    return Passage(chunk, score)


def _answerer(passages: list[Passage]) -> ExtractiveAnswerer:
    index = KeywordIndex([p.chunk.id for p in passages], [keyword_tokens(p.chunk.text) for p in passages])
    always_answers = AbstainModel({}, bias=10.0, threshold=0.5)
    return ExtractiveAnswerer(HashedEmbeddings(), lambda: index, abstain_model=always_answers)


def _ask(question: str, passages: list[Passage]):
    return _answerer(passages).answer(question, passages, "en")


def test_a_name_the_best_passage_never_gives_is_refused_not_answered_from_elsewhere():
    passages = [
        _passage("bridges.md", "The Varrow bridge was designed by Ada Quill, an engineer from the coast.", 1.0),
        _passage("families.md", "The Varrow family of Tamsford kept a ferry.", 0.5),
    ]
    answer = _ask("Who designed the Varrow bridge for Tamsford?", passages)
    assert answer.abstained and answer.reason == "constraint"
    assert answer.answer.startswith("The documents don't say this about Tamsford")
    assert answer.citations[0].source == "bridges.md"


def test_a_name_the_best_passage_gives_is_answered():
    passages = [
        _passage("bridges.md", "The Varrow bridge was designed by Ada Quill for the town of Tamsford.", 1.0),
        _passage("fairs.md", "Tamsford holds a cattle market every spring.", 0.5),
    ]
    answer = _ask("Who designed the Varrow bridge for Tamsford?", passages)
    assert not answer.abstained and "Ada Quill" in answer.answer


def test_a_year_held_only_by_another_document_is_refused_with_the_year_given():
    passages = [
        _passage("river.md", "In 1891, 400 barges crossed the Lethe on their way to the sea.", 1.0),
        _passage("tolls.md", "Boats on the Lethe paid a toll of 2 pence from 1893.", 0.5),
    ]
    answer = _ask("How many barges crossed the Lethe in 1893?", passages)
    assert answer.abstained and answer.reason == "constraint"
    assert "1891, not 1893" in answer.answer


def test_a_year_given_further_on_in_the_same_document_is_answered_from_there():
    passages = [
        _passage(
            "river.md",
            "In 1891, 400 barges crossed the Lethe on their way to the sea. The count for 1893 was 650.",
            1.0,
        ),
        _passage("tolls.md", "Boats on the Lethe paid a toll of 2 pence from 1893.", 0.5),
    ]
    answer = _ask("How many barges crossed the Lethe in 1893?", passages)
    assert not answer.abstained and "650" in answer.answer and "pence" not in answer.answer
