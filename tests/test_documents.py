"""Unit tests: reading Markdown with front matter, text, HTML and PDF, and refusing broken files."""

from pathlib import Path

import pytest

from bot.documents import find_documents, read_document
from bot.errors import DocumentUnreadable

MARKDOWN = """---
title: "Batch"
date: 2024-01-31
lang: en
summary: "A test."
sources:
  - title: "Global Times"
    url: "https://example.org/a"
  - title: "Reuters"
    url: null
---
# Batch

## Numbers
The January 2024 batch approved 14 models.
"""


def test_markdown_front_matter_becomes_metadata(tmp_path: Path):
    path = tmp_path / "batch.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    doc = read_document(path, "batch.md")
    assert (doc.title, doc.lang, doc.as_of, doc.summary) == ("Batch", "en", "2024-01-31", "A test.")
    assert [(s.title, s.url) for s in doc.sources] == [("Global Times", "https://example.org/a"), ("Reuters", None)]
    assert doc.url == "https://example.org/a"
    assert doc.text == MARKDOWN and doc.text[doc.body_start :].startswith("# Batch")


@pytest.mark.parametrize(
    ("front_matter", "url"),
    [
        (
            'sources:\n  - title: "Reuters"\n    url: null\n  - title: "Xinhua"\n    url: "https://example.org/x"\n',
            "https://example.org/x",
        ),
        (
            'url: "https://example.org/law"\nsources:\n  - title: "Xinhua"\n    url: "https://example.org/x"\n',
            "https://example.org/law",
        ),
        ('sources:\n  - title: "Reuters"\n    url: null\n', None),
    ],
)
def test_citations_link_to_the_front_matter_url_else_the_first_source_with_one(tmp_path: Path, front_matter, url):
    path = tmp_path / "doc.md"
    path.write_text(f"---\ntitle: Doc\n{front_matter}---\nText.\n", encoding="utf-8")
    assert read_document(path).url == url


def test_every_corpus_document_with_a_web_source_links_to_one():
    for path in sorted((Path(__file__).resolve().parent.parent / "corpus").glob("*.md")):
        document = read_document(path)
        if any(ref.url for ref in document.sources):
            assert document.url and document.url.startswith("https://"), path.name


def test_language_is_detected_when_front_matter_omits_it(tmp_path: Path):
    path = tmp_path / "zh.txt"
    path.write_text("2024年1月这一批共有14个大模型获批。", encoding="utf-8")
    assert read_document(path).lang == "zh"


def test_html_text_keeps_headings_and_drops_scripts(tmp_path: Path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Page</title><script>alert(1)</script></head>"
        "<body><h2>Counts</h2><p>346 services were filed.</p></body></html>",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert doc.title == "Page"
    assert "## Counts" in doc.text and "346 services were filed." in doc.text
    assert "alert" not in doc.text


def _minimal_pdf(text: str) -> bytes:
    """A one-page PDF with one line of Helvetica text, written by hand (no PDF library needed)."""
    stream = f"BT /F1 12 Tf 20 100 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_pdf_text_is_extracted(tmp_path: Path):
    path = tmp_path / "report.pdf"
    path.write_bytes(_minimal_pdf("By 31 March 2025, 346 services had been filed."))
    doc = read_document(path)
    assert "346 services had been filed" in doc.text
    assert doc.title == "report"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("broken.pdf", b"%PDF-1.4 this is not really a pdf", "not a readable PDF"),
        ("binary.txt", b"\x00\x01\x02\x03 binary", "binary"),
        ("latin1.md", "caf\xe9".encode("latin-1"), "not valid UTF-8"),
        ("empty.md", b"   \n", "no text"),
        ("bad-front.md", b"---\ntitle: [unclosed\n---\nbody", "front matter"),
        ("image.png", b"\x89PNG", "unsupported file type"),
    ],
)
def test_unreadable_files_raise_with_the_reason(tmp_path: Path, name: str, content: bytes, reason: str):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DocumentUnreadable, match=reason) as caught:
        read_document(path, name)
    assert caught.value.path == name


def test_find_documents_walks_folders_and_skips_hidden_files(tmp_path: Path):
    (tmp_path / "a.md").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("y")
    (tmp_path / ".hidden.md").write_text("z")
    assert [p.name for p in find_documents([tmp_path])] == ["a.md", "b.txt"]
