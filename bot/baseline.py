"""The plain LangChain pipeline our bot is measured against: RecursiveCharacterTextSplitter
(400 characters, 40 overlap), HuggingFaceEmbeddings with the same MiniLM weights, Chroma similarity
top-k, the first retrieved chunk as the answer, and never abstaining. Used only by `bot eval`."""

from __future__ import annotations

from pathlib import Path

from langchain_chroma import Chroma
from langchain_core.documents import Document as LCDocument
from langchain_huggingface import HuggingFaceEmbeddings
from langchain_text_splitters import RecursiveCharacterTextSplitter

from bot.schema import Answer, Citation
from bot.text import detect_language


class BaselinePipeline:
    def __init__(self, persist_dir: Path, model_path: Path) -> None:
        self.embeddings = HuggingFaceEmbeddings(model_name=str(model_path), model_kwargs={"device": "cpu"})
        self.store = Chroma(
            collection_name="baseline", embedding_function=self.embeddings, persist_directory=str(persist_dir)
        )
        self.splitter = RecursiveCharacterTextSplitter(chunk_size=400, chunk_overlap=40, add_start_index=True)

    def index(self, documents: list[tuple[str, str, str]], batch: int = 256) -> int:
        """(doc_id, title, text) triples; returns the number of chunks written."""
        chunks = self.splitter.split_documents(
            [
                LCDocument(page_content=text, metadata={"doc_id": doc_id, "title": title})
                for doc_id, title, text in documents
            ]
        )
        for start in range(0, len(chunks), batch):
            self.store.add_documents(chunks[start : start + batch])
        return len(chunks)

    def ranked_doc_ids(self, question: str, k: int = 10) -> list[str]:
        hits = self.store.similarity_search(question, k=k * 3)
        return list(dict.fromkeys(hit.metadata["doc_id"] for hit in hits))[:k]

    def ask(self, question: str) -> Answer:
        hits = self.store.similarity_search(question, k=1)
        language = detect_language(question)
        if not hits:
            return Answer("", False, language)
        hit = hits[0]
        start = int(hit.metadata.get("start_index", 0))
        citation = Citation(
            1,
            hit.metadata["title"],
            hit.metadata["doc_id"],
            None,
            hit.page_content,
            start,
            start + len(hit.page_content),
        )
        return Answer(hit.page_content, False, language, (citation,))
