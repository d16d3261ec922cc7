"""The set of articles to index: every PMC plain-text file in the corpus folder."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .chunking import Chunk, chunk_document
from .document import Document
from .reader import read_article
from .settings import Settings


class CorpusError(RuntimeError):
    """The corpus folder is missing or holds no readable article."""


def article_paths(corpus_dir: Path) -> list[Path]:
    if not corpus_dir.is_dir():
        raise CorpusError(f"corpus folder not found: {corpus_dir}")
    paths = sorted(p for p in corpus_dir.glob("*.txt") if p.is_file())
    if not paths:
        raise CorpusError(f"no *.txt articles in {corpus_dir}")
    return paths


def corpus_hash(corpus_dir: Path) -> str:
    """Hash of every file that shapes the index (articles and their layout sidecars)."""
    digest = hashlib.sha256()
    for path in article_paths(corpus_dir):
        for part in (path, path.with_suffix(".layout.json")):
            if part.exists():
                digest.update(part.name.encode())
                digest.update(part.read_bytes())
    return digest.hexdigest()


class Corpus:
    """Parsed articles and their chunks, loaded once per process."""

    def __init__(self, documents: list[Document], chunks: list[Chunk]):
        self.documents = documents
        self.chunks = chunks
        self.by_id = {c.id: c for c in chunks}
        self.by_source = {d.source: d for d in documents}
        self._reference_chunks = {(c.source, c.reference): c for c in chunks if c.kind == "reference"}

    @classmethod
    def load(cls, settings: Settings) -> "Corpus":
        documents = [read_article(p) for p in article_paths(settings.corpus_dir)]
        chunks = [c for d in documents
                  for c in chunk_document(d, settings.chunk_max_words, settings.chunk_overlap_sentences)]
        return cls(documents, chunks)

    @property
    def primary(self) -> Document:
        return self.documents[0]

    def document(self, source: str) -> Document:
        return self.by_source[source]

    def reference_chunk(self, source: str, number: int) -> Chunk | None:
        """The chunk holding entry ``number`` of ``source``'s reference list."""
        return self._reference_chunks.get((source, number))
