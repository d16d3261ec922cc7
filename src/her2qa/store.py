"""The persistent Chroma index, written and read through llama-index's ``ChromaVectorStore``.

A manifest (corpus hash, model, chunker version, chunk ids) lives in the collection's metadata and
in ``index/manifest.json``: ``build`` skips work when nothing changed and rebuilds when anything did.
"""

from __future__ import annotations

import json
import shutil
import time
from dataclasses import dataclass
from urllib.parse import urlparse

from .chunking import CHUNKER_VERSION, Chunk
from .corpus import Corpus, corpus_hash
from .sentences import split_sentences
from .settings import Settings


class IndexUnavailable(RuntimeError):
    """The index is missing, corrupt, stale or its server is unreachable."""


HINT = "Run `her2qa build` to create it."


def chroma_client(settings: Settings):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=True)
    if settings.chroma_url:
        url = urlparse(settings.chroma_url)
        if not url.hostname:
            raise IndexUnavailable(f"HER2QA_CHROMA_URL is not a URL: {settings.chroma_url!r}")
        try:
            client = chromadb.HttpClient(host=url.hostname, port=url.port or 8000,
                                         ssl=url.scheme == "https", settings=chroma_settings)
            client.heartbeat()
        except Exception as exc:
            raise IndexUnavailable(f"Chroma server at {settings.chroma_url} is not reachable ({exc}).") from exc
        return client
    settings.chroma_dir.mkdir(parents=True, exist_ok=True)
    try:
        return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)
    except Exception as exc:
        raise IndexUnavailable(f"The index at {settings.chroma_dir} cannot be opened ({exc}). "
                               f"Run `her2qa build --force` to rebuild it.") from exc


def expected_manifest(settings: Settings) -> dict:
    return {
        "corpus_hash": corpus_hash(settings.corpus_dir),
        "embed_model": settings.embed_model,
        "chunker_version": CHUNKER_VERSION,
        "chunk_max_words": settings.chunk_max_words,
        "chunk_overlap_sentences": settings.chunk_overlap_sentences,
    }


def chunk_metadata(chunk: Chunk) -> dict:
    """Flat metadata Chroma can filter on; lists become comma-joined strings."""
    return {
        "source": chunk.source, "kind": chunk.kind, "section": chunk.section,
        "section_title": chunk.section_title, "subheading": chunk.subheading,
        "start": chunk.start, "end": chunk.end,
        "references": ",".join(map(str, chunk.references)), "trials": ",".join(chunk.trials),
    }


def sentence_collection_name(settings: Settings) -> str:
    return f"{settings.collection}-sentences"


@dataclass
class Unit:
    """A sentence of a chunk (or a whole table row / reference entry): what the second stage scores."""

    id: str
    chunk_id: str
    start: int
    end: int
    text: str


SINGLE_UNIT_KINDS = {"table_row", "table", "reference"}


def total_embeddings(corpus: Corpus) -> int:
    """How many texts a build embeds (for progress bars)."""
    return len(corpus.chunks) + len(embedded_units(corpus))


def chunk_units(chunk: Chunk) -> list[Unit]:
    if chunk.kind in SINGLE_UNIT_KINDS:
        return [Unit(f"{chunk.id}:0", chunk.id, chunk.start, chunk.end, chunk.text)]
    return [Unit(f"{chunk.id}:{k}", chunk.id, start, end, text)
            for k, (start, end, text) in enumerate(split_sentences(chunk.text, chunk.start))]


def embedded_units(corpus: Corpus) -> list[Unit]:
    """Sentences that get vectors of their own; single-unit chunks (table rows, references)
    reuse their chunk's vector."""
    return [u for chunk in corpus.chunks if chunk.kind not in SINGLE_UNIT_KINDS for u in chunk_units(chunk)]


def load_unit_vectors(settings: Settings) -> dict[str, list[float]]:
    """All sentence embeddings, read from Chroma once at start-up (a few hundred vectors)."""
    client = chroma_client(settings)
    try:
        collection = client.get_collection(sentence_collection_name(settings))
        got = collection.get(include=["embeddings"])
    except Exception as exc:
        raise IndexUnavailable(f"The sentence index is missing or corrupt ({type(exc).__name__}). {HINT}") from exc
    return dict(zip(got["ids"], got["embeddings"]))


@dataclass
class BuildReport:
    skipped: bool
    chunks: int
    seconds: float
    manifest: dict


def build_index(settings: Settings, corpus: Corpus | None = None, force: bool = False,
                progress=None) -> BuildReport:
    """Embed every chunk into Chroma unless the stored manifest already matches."""
    started = time.perf_counter()
    wanted = expected_manifest(settings)
    if not force:
        try:
            current = read_manifest(settings)
        except IndexUnavailable:
            current = None
        if current and all(current.get(k) == v for k, v in wanted.items()):
            return BuildReport(True, current.get("chunk_count", 0), time.perf_counter() - started, current)

    corpus = corpus or Corpus.load(settings)
    client = _writable_client(settings)
    for name in (settings.collection, sentence_collection_name(settings)):
        try:
            client.delete_collection(name)
        except Exception:
            pass  # nothing to delete
    collection = client.create_collection(settings.collection, metadata={"hnsw:space": "cosine"})

    from llama_index.core import StorageContext, VectorStoreIndex
    from llama_index.core.schema import TextNode
    from llama_index.vector_stores.chroma import ChromaVectorStore

    from .embedding import load_embedder

    embedder = load_embedder(settings.embed_model)
    nodes = []
    for chunk in corpus.chunks:
        node = TextNode(id_=chunk.id, text=chunk.embedding_text, metadata=chunk_metadata(chunk))
        node.excluded_embed_metadata_keys = list(node.metadata)
        node.excluded_llm_metadata_keys = list(node.metadata)
        nodes.append(node)
    # One embedding pass over chunks and sentences lets sentence-transformers batch by length.
    units = embedded_units(corpus)
    texts = [n.get_content(metadata_mode="embed") for n in nodes] + [u.text for u in units]
    # Batches of similar length waste no padding: embed in length order, then restore the order.
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    vectors: list[list[float]] = [[] for _ in texts]
    batch = 64
    for start in range(0, len(order), batch):
        part = order[start:start + batch]
        for i, vector in zip(part, embedder.get_text_embedding_batch([texts[i] for i in part])):
            vectors[i] = vector
        if progress:
            progress(len(part))
    for node, vector in zip(nodes, vectors):
        node.embedding = vector
    vector_store = ChromaVectorStore(chroma_collection=collection)
    storage = StorageContext.from_defaults(vector_store=vector_store)
    VectorStoreIndex(nodes, storage_context=storage, embed_model=embedder)

    sentences = client.create_collection(sentence_collection_name(settings), metadata={"hnsw:space": "cosine"})
    unit_vectors = vectors[len(nodes):]
    for i in range(0, len(units), 256):
        part = units[i:i + 256]
        sentences.add(ids=[u.id for u in part], embeddings=unit_vectors[i:i + 256],
                      documents=[u.text for u in part],
                      metadatas=[{"chunk_id": u.chunk_id, "start": u.start, "end": u.end} for u in part])

    manifest = {**wanted, "chunk_count": len(nodes), "built_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
                "collection": settings.collection}
    # Written last: a build that dies half-way leaves no manifest and so is never trusted.
    collection.modify(metadata={f"her2qa_{k}": str(v) for k, v in manifest.items()})
    settings.index_dir.mkdir(parents=True, exist_ok=True)
    settings.manifest_path.write_text(json.dumps(manifest, indent=2) + "\n")
    return BuildReport(False, len(nodes), time.perf_counter() - started, manifest)


def _writable_client(settings: Settings):
    """A client for building; a local database that cannot be opened is wiped and recreated."""
    if settings.chroma_url:
        return chroma_client(settings)
    try:
        _check_sqlite(settings)
        client = chroma_client(settings)
        client.list_collections()
        return client
    except Exception:
        from chromadb.api.client import SharedSystemClient

        SharedSystemClient.clear_system_cache()  # chromadb caches one system per path
        shutil.rmtree(settings.chroma_dir, ignore_errors=True)
        return chroma_client(settings)


def _check_sqlite(settings: Settings) -> None:
    db = settings.chroma_dir / "chroma.sqlite3"
    if db.exists():
        with db.open("rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                raise IndexUnavailable(f"The index at {settings.index_dir} is corrupt (not a SQLite database). "
                                       f"Run `her2qa build --force` to rebuild it.")


def read_manifest(settings: Settings) -> dict:
    """The manifest stored with the collection; raises :class:`IndexUnavailable` if there is none."""
    if not settings.chroma_url and not (settings.chroma_dir / "chroma.sqlite3").exists():
        raise IndexUnavailable(f"No index found at {settings.index_dir}. {HINT}")
    if not settings.chroma_url:
        _check_sqlite(settings)
    client = chroma_client(settings)
    try:
        collection = client.get_collection(settings.collection)
        metadata = collection.metadata or {}
    except Exception as exc:
        raise IndexUnavailable(f"The index has no collection {settings.collection!r} or is corrupt "
                               f"({type(exc).__name__}). {HINT}") from exc
    manifest = {k.removeprefix("her2qa_"): v for k, v in metadata.items() if k.startswith("her2qa_")}
    if not manifest:
        raise IndexUnavailable(f"The index at {settings.index_dir} was not finished. {HINT}")
    manifest["chunk_count"] = int(manifest.get("chunk_count", 0))
    manifest["chunk_max_words"] = int(manifest.get("chunk_max_words", 0))
    manifest["chunk_overlap_sentences"] = int(manifest.get("chunk_overlap_sentences", 0))
    return manifest


def open_vector_store(settings: Settings, corpus: Corpus | None = None):
    """The Chroma collection wrapped for llama-index, after checking it matches the corpus."""
    from llama_index.vector_stores.chroma import ChromaVectorStore

    manifest = read_manifest(settings)
    wanted = expected_manifest(settings)
    stale = [k for k, v in wanted.items() if manifest.get(k) != v]
    if stale:
        raise IndexUnavailable(f"The index is out of date ({', '.join(stale)} changed). {HINT}")
    client = chroma_client(settings)
    try:
        collection = client.get_collection(settings.collection)
        count = collection.count()
    except Exception as exc:
        raise IndexUnavailable(f"The index cannot be read ({type(exc).__name__}: {exc}). {HINT}") from exc
    if count != manifest["chunk_count"]:
        raise IndexUnavailable(f"The index holds {count} chunks, expected {manifest['chunk_count']}. {HINT}")
    return ChromaVectorStore(chroma_collection=collection)
