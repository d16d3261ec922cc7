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


def choose_primary(paths: list[Path], name: str) -> Path:
    """The primary article: named explicitly when the corpus holds more than one, never by sort order."""
    if name:
        chosen = next((p for p in paths if p.name == name or p.stem == name), None)
        if chosen is None:
            raise CorpusError(f"primary article {name!r} (HER2QA_PRIMARY_ARTICLE) is not in "
                              f"{paths[0].parent}; it holds {', '.join(p.name for p in paths)}")
        return chosen
    if len(paths) > 1:
        raise CorpusError(f"{paths[0].parent} holds {len(paths)} articles ({', '.join(p.name for p in paths)}); "
                          f"set HER2QA_PRIMARY_ARTICLE to the file name of the one the assistant is about")
    return paths[0]


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
        paths = article_paths(settings.corpus_dir)
        primary = choose_primary(paths, settings.primary_article)
        documents = []
        for path in paths:
            try:
                documents.append(read_article(path))
            except OSError as exc:
                raise CorpusError(f"{path.name}: cannot be read ({exc.strerror or exc})") from exc
        chunks = [c for d in documents
                  for c in chunk_document(d, settings.chunk_max_words, settings.chunk_overlap_sentences)]
        corpus = cls(documents, chunks)
        corpus.primary_source = primary.name
        return corpus

    primary_source: str = ""

    @property
    def primary(self) -> Document:
        """The article the assistant is about (``settings.primary_article``; the only one otherwise)."""
        return self.by_source.get(self.primary_source) or self.documents[0]

    @property
    def warnings(self) -> list[str]:
        return [w for d in self.documents for w in d.warnings]

    def document(self, source: str) -> Document:
        return self.by_source[source]

    def reference_chunk(self, source: str, number: int) -> Chunk | None:
        """The chunk holding entry ``number`` of ``source``'s reference list."""
        return self._reference_chunks.get((source, number))
