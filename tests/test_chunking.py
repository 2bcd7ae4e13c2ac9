"""Unit tests: chunks follow headings and sentences in both languages, and their offsets are exact."""

from pathlib import Path

from bot.chunking import Chunk, chunk_document
from bot.documents import read_document

REPO = Path(__file__).resolve().parent.parent


def _doc(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_document(path, name)


def test_chunks_never_cross_headings_and_carry_the_heading(tmp_path: Path):
    doc = _doc(
        tmp_path,
        "a.md",
        "---\ntitle: T\n---\n# T\n\n## First\nOne sentence. Two sentence.\n\n## Second\nThree sentence.\n",
    )
    chunks = chunk_document(doc, max_chars=600)
    assert [(c.heading, c.text) for c in chunks] == [
        ("First", "One sentence. Two sentence."),
        ("Second", "Three sentence."),
    ]


def test_long_sections_are_cut_at_sentence_boundaries(tmp_path: Path):
    sentences = [f"Sentence number {i} is here." for i in range(40)]
    doc = _doc(tmp_path, "b.md", "# Long\n\n" + " ".join(sentences))
    chunks = chunk_document(doc, max_chars=200)
    assert len(chunks) > 3
    assert all(len(c.text) <= 200 for c in chunks)
    assert all(c.text.endswith(".") and c.text[0].isupper() for c in chunks)
    assert " ".join(c.text for c in chunks) == " ".join(sentences)


def test_chinese_chunks_end_at_chinese_sentence_marks(tmp_path: Path):
    body = "".join(f"第{i}句话讲的是备案和登记的区别。" for i in range(30))
    doc = _doc(tmp_path, "c.md", "---\nlang: zh\n---\n# 标题\n\n" + body)
    chunks = chunk_document(doc, max_chars=100)
    assert len(chunks) > 3
    assert all(c.text.endswith("。") and c.lang == "zh" for c in chunks)


def test_every_chunk_of_the_corpus_is_an_exact_slice_of_its_file():
    for path in sorted((REPO / "corpus").glob("*.md")):
        doc = read_document(path, path.name)
        file_text = path.read_text(encoding="utf-8")
        for chunk in chunk_document(doc):
            assert file_text[chunk.start : chunk.end] == chunk.text
            assert chunk.title == doc.title and chunk.source == path.name


def test_chunk_ids_are_stable_and_change_with_content(tmp_path: Path):
    doc = _doc(tmp_path, "d.md", "# D\n\nSame text here.")
    again = _doc(tmp_path, "d.md", "# D\n\nSame text here.")
    changed = _doc(tmp_path, "d.md", "# D\n\nOther text here.")
    assert [c.id for c in chunk_document(doc)] == [c.id for c in chunk_document(again)]
    assert [c.id for c in chunk_document(doc)] != [c.id for c in chunk_document(changed)]


def test_metadata_round_trip(tmp_path: Path):
    doc = _doc(tmp_path, "e.md", '---\ntitle: E\nsources:\n  - {title: S, url: "https://x.org"}\n---\nText here.')
    chunk = chunk_document(doc)[0]
    assert Chunk.from_metadata(chunk.id, chunk.text, chunk.to_metadata()) == chunk
