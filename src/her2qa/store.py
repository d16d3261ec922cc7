"""The persistent Chroma index, written and read through llama-index's ``ChromaVectorStore``.

Builds never touch the index that is in use. Each build is a *generation*: a fresh folder
``index/chroma-<generation>/`` (local) or fresh collections ``<collection>.<generation>`` and
``….<generation>-sentences`` (Chroma server). It is filled, verified (counts, a query), and only
then made current by one atomic step: ``index/manifest.json`` is replaced (local) or the pointer
collection ``<collection>.current`` gets the new generation in its metadata (server). Until that
step every reader keeps using the previous generation, so a build killed at any moment leaves the
old index answering. Afterwards generations other than the new one and the one it replaced (which
a running process may still read) are removed, including leftovers of killed builds.

The manifest (corpus hash, model, chunker version, counts) is stored both in ``manifest.json``
and in the collection's metadata; ``build`` skips work only when it matches *and* the index passes
a health check (SQLite integrity, counts, one query), so a damaged index is rebuilt, never trusted.
An index written before generations existed (``index/chroma/`` or the bare collection) is still read.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from .chunking import CHUNKER_VERSION, Chunk
from .corpus import Corpus, corpus_hash
from .sentences import split_sentences
from .settings import Settings


class IndexUnavailable(RuntimeError):
    """The index is missing, corrupt, stale or its server is unreachable."""


HINT = "Run `her2qa build` to create it."
REPAIR = "Run `her2qa build` to rebuild it."
LEGACY_DIR = "chroma"
GENERATION_PREFIX = "chroma-"
# How the collections are searched, kept in the manifest so an index built otherwise is rebuilt. "2": every
# query explores at least as many graph nodes as the collection holds, so HNSW's approximate search is exact.
# With Chroma's default (100 of ~200 chunks) the 14th-20th hits changed from one process to the next.
STORE_VERSION = "2"
MIN_EF_SEARCH = 100


def _chroma_settings(settings: Settings, **extra):
    from chromadb.config import Settings as ChromaSettings

    return ChromaSettings(anonymized_telemetry=False, allow_reset=True, **extra)


def _timeout_message(settings: Settings, exc: BaseException) -> str | None:
    name = type(exc).__name__
    if "Timeout" in name or isinstance(exc, TimeoutError):
        return (f"The Chroma server at {settings.chroma_url} did not answer within {settings.store_timeout_s:g} s "
                f"(HER2QA_STORE_TIMEOUT_S); it may be stopped or overloaded.")
    return None


def _bounded(settings: Settings, make):
    """Run ``make()`` (a client constructor, which already talks to the server) for at most
    ``store_timeout_s``: chromadb's HTTP session has no timeout until we set one on it."""
    import threading

    result: dict = {}

    def run() -> None:
        try:
            result["value"] = make()
        except BaseException as exc:  # handed to the caller
            result["error"] = exc

    worker = threading.Thread(target=run, name="her2qa-chroma-connect", daemon=True)
    worker.start()
    worker.join(settings.store_timeout_s)
    if worker.is_alive():
        raise IndexUnavailable(_timeout_message(settings, TimeoutError()))
    if "error" in result:
        raise result["error"]
    return result["value"]


def _set_http_timeout(client, seconds: float) -> None:
    """Bound every later request of a chromadb HttpClient (its httpx session has timeout=None)."""
    import httpx

    session = getattr(getattr(client, "_server", None), "_session", None)
    if isinstance(session, httpx.Client):
        session.timeout = httpx.Timeout(seconds)


def chroma_client(settings: Settings, path: Path | None = None, create: bool = False):
    """A Chroma client: the server at ``settings.chroma_url`` (every call bounded by
    ``settings.store_timeout_s``), or the local database in ``path`` (default: the legacy folder)."""
    import chromadb

    if settings.chroma_url:
        url = urlparse(settings.chroma_url)
        if not url.hostname:
            raise IndexUnavailable(f"HER2QA_CHROMA_URL is not a URL: {settings.chroma_url!r}")
        try:
            client = _bounded(settings, lambda: chromadb.HttpClient(
                host=url.hostname, port=url.port or 8000, ssl=url.scheme == "https",
                settings=_chroma_settings(settings)))
            _set_http_timeout(client, settings.store_timeout_s)
            client.heartbeat()
        except IndexUnavailable:
            raise
        except Exception as exc:
            message = _timeout_message(settings, exc)
            raise IndexUnavailable(message or f"Chroma server at {settings.chroma_url} is not reachable "
                                   f"({type(exc).__name__}: {exc}).") from exc
        return client
    path = path or _legacy_dir(settings)
    if create:
        path.mkdir(parents=True, exist_ok=True)
    elif not (path / "chroma.sqlite3").exists():
        raise IndexUnavailable(f"No index found at {settings.index_dir}. {HINT}")
    _check_sqlite(path)
    try:
        return chromadb.PersistentClient(path=str(path), settings=_chroma_settings(settings))
    except Exception as exc:
        raise IndexUnavailable(f"The index at {path} cannot be opened ({type(exc).__name__}: {exc}). "
                               f"{REPAIR}") from exc


def expected_manifest(settings: Settings) -> dict:
    return {
        "corpus_hash": corpus_hash(settings.corpus_dir),
        "embed_model": settings.embed_model,
        "chunker_version": CHUNKER_VERSION,
        "store_version": STORE_VERSION,
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
    location = locate(settings)
    try:
        collection = location.client.get_collection(location.sentences)
        got = collection.get(include=["embeddings"])
    except Exception as exc:
        raise IndexUnavailable(_store_error(settings, exc, "The sentence index is missing or corrupt")) from exc
    return dict(zip(got["ids"], got["embeddings"]))


def _store_error(settings: Settings, exc: BaseException, what: str) -> str:
    return _timeout_message(settings, exc) or f"{what} ({type(exc).__name__}). {REPAIR}"


# ---------------------------------------------------------------------------------------- locating

@dataclass
class Location:
    """Where the current generation lives."""

    client: object
    collection: str
    sentences: str
    generation: str  # '' for an index written before generations existed
    path: Path | None = None  # local database folder (None on a server)


def _check_index_dir(settings: Settings) -> None:
    if settings.chroma_url:
        return
    if settings.index_dir.exists() and not settings.index_dir.is_dir():
        raise IndexUnavailable(f"The index location {settings.index_dir} is a file, not a folder; "
                               f"set HER2QA_INDEX_DIR (or --index-dir) to a folder.")


def _legacy_dir(settings: Settings) -> Path:
    return settings.index_dir / LEGACY_DIR


def _pointer_name(settings: Settings) -> str:
    return f"{settings.collection}.current"


def _read_pointer_file(settings: Settings) -> dict | None:
    """``index/manifest.json``: which generation folder is current (None if there is none)."""
    path = settings.manifest_path
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise IndexUnavailable(f"{path} is damaged ({type(exc).__name__}). {REPAIR}") from exc
    if not isinstance(data, dict):
        raise IndexUnavailable(f"{path} is damaged (not a JSON object). {REPAIR}")
    return data


def locate(settings: Settings) -> Location:
    """The current generation; :class:`IndexUnavailable` when there is none or it cannot be opened."""
    _check_index_dir(settings)
    names = (settings.collection, sentence_collection_name(settings))
    if settings.chroma_url:
        client = chroma_client(settings)
        try:
            pointer = client.get_collection(_pointer_name(settings))
        except Exception as exc:
            if _timeout_message(settings, exc):
                raise IndexUnavailable(_timeout_message(settings, exc)) from exc
            try:  # an index written before generations: the bare collection
                client.get_collection(names[0])
            except Exception as inner:
                if _timeout_message(settings, inner):
                    raise IndexUnavailable(_timeout_message(settings, inner)) from inner
                raise IndexUnavailable(f"No index found on the Chroma server at {settings.chroma_url}. {HINT}") from inner
            return Location(client, *names, generation="")
        generation = (pointer.metadata or {}).get("her2qa_generation", "")
        if not generation:
            raise IndexUnavailable(f"The pointer collection {_pointer_name(settings)!r} names no generation. {REPAIR}")
        return Location(client, f"{settings.collection}.{generation}",
                        f"{settings.collection}.{generation}-sentences", generation)
    pointer = _read_pointer_file(settings)
    folder = pointer.get("chroma_dir") if pointer else None
    if folder:
        path = settings.index_dir / folder
        if Path(folder).name != folder or not (path / "chroma.sqlite3").exists():
            raise IndexUnavailable(f"The index folder {path} named in {settings.manifest_path} is missing. {REPAIR}")
        return Location(chroma_client(settings, path), *names, generation=pointer.get("generation", ""), path=path)
    path = _legacy_dir(settings)
    if not (path / "chroma.sqlite3").exists():
        raise IndexUnavailable(f"No index found at {settings.index_dir}. {HINT}")
    return Location(chroma_client(settings, path), *names, generation="", path=path)


def _manifest_of(collection) -> dict:
    metadata = collection.metadata or {}
    manifest = {k.removeprefix("her2qa_"): v for k, v in metadata.items() if k.startswith("her2qa_")}
    for key in ("chunk_count", "unit_count", "chunk_max_words", "chunk_overlap_sentences"):
        if key in manifest:
            try:
                manifest[key] = int(manifest[key])
            except (TypeError, ValueError):
                manifest[key] = -1
    return manifest


def read_manifest(settings: Settings) -> dict:
    """The manifest stored with the current collection; raises :class:`IndexUnavailable` if there is none."""
    location = locate(settings)
    try:
        collection = location.client.get_collection(location.collection)
        manifest = _manifest_of(collection)
    except Exception as exc:
        raise IndexUnavailable(_store_error(settings, exc, f"The index has no collection "
                                            f"{location.collection!r} or is corrupt")) from exc
    if not manifest:
        raise IndexUnavailable(f"The index at {settings.chroma_url or settings.index_dir} was not finished. {HINT}")
    manifest.setdefault("chunk_count", 0)
    return manifest


def open_vector_store(settings: Settings, corpus: Corpus | None = None, wrap: bool = True):
    """The Chroma collection wrapped for llama-index, after checking it matches the corpus.
    ``wrap=False`` returns the checked collection itself (the web app wraps it in the background:
    importing llama-index costs about a second before the first answer)."""
    manifest = read_manifest(settings)
    wanted = expected_manifest(settings)
    stale = [k for k, v in wanted.items() if manifest.get(k) != v]
    if stale:
        raise IndexUnavailable(f"The index is out of date ({', '.join(stale)} changed). {HINT}")
    location = locate(settings)
    try:
        collection = location.client.get_collection(location.collection)
        count = collection.count()
    except Exception as exc:
        raise IndexUnavailable(_store_error(settings, exc, "The index cannot be read")) from exc
    if count != manifest["chunk_count"]:
        raise IndexUnavailable(f"The index holds {count} chunks, expected {manifest['chunk_count']}. {REPAIR}")
    return wrap_collection(collection) if wrap else collection


def wrap_collection(collection):
    """A checked Chroma collection as a llama-index vector store."""
    from llama_index.vector_stores.chroma import ChromaVectorStore

    return ChromaVectorStore(chroma_collection=collection)


def health_problem(settings: Settings) -> str:
    """Why the current index cannot be trusted ('' if it is sound): SQLite integrity, counts, a query."""
    try:
        location = locate(settings)
        if location.path is not None:
            _integrity_check(location.path)
        collection = location.client.get_collection(location.collection)
        manifest = _manifest_of(collection)
        if not manifest:
            return "unfinished"
        if collection.count() != manifest.get("chunk_count"):
            return "chunk count differs from the manifest"
        sentences = location.client.get_collection(location.sentences)
        if "unit_count" in manifest and sentences.count() != manifest["unit_count"]:
            return "sentence count differs from the manifest"
        probe = collection.get(limit=1, include=["embeddings"])
        if not probe["ids"]:
            return "empty collection"
        if not _finds_itself(collection, list(probe["embeddings"][0])):
            return "a stored vector does not find itself"
        if location.path is None:
            return ""
        pointer = _read_pointer_file(settings)
        if pointer and pointer.get("corpus_hash") not in (None, manifest.get("corpus_hash")):
            return "manifest.json and the collection disagree"
        return ""
    except IndexUnavailable as exc:
        return str(exc)
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"


def _integrity_check(path: Path) -> None:
    db = path / "chroma.sqlite3"
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as con:
            result = con.execute("PRAGMA quick_check").fetchone()
    except sqlite3.Error as exc:
        raise IndexUnavailable(f"{db} is damaged ({exc}). {REPAIR}") from exc
    finally:
        try:
            con.close()
        except Exception:
            pass
    if not result or result[0] != "ok":
        raise IndexUnavailable(f"{db} is damaged (integrity check: {result[0] if result else 'no result'}). {REPAIR}")


def _check_sqlite(path: Path) -> None:
    db = path / "chroma.sqlite3"
    if db.exists():
        with db.open("rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                raise IndexUnavailable(f"The index at {path} is corrupt (not a SQLite database). {REPAIR}")


# ---------------------------------------------------------------------------------------- building

@dataclass
class BuildReport:
    skipped: bool
    chunks: int
    seconds: float
    manifest: dict
    timings: dict = field(default_factory=dict)  # stage → seconds
    repaired: str = ""  # why a matching index was rebuilt anyway ('' if it was not)


@contextmanager
def _build_lock(settings: Settings):
    """One build at a time per local index folder (a second one fails fast with a clear message)."""
    if settings.chroma_url:
        yield
        return
    import fcntl

    settings.index_dir.mkdir(parents=True, exist_ok=True)
    handle = open(settings.index_dir / ".build.lock", "w")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            raise IndexUnavailable(f"Another `her2qa build` is writing {settings.index_dir}; "
                                   f"wait for it to finish.") from exc
        yield
    finally:
        handle.close()


def _new_generation() -> str:
    return time.strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)


def build_index(settings: Settings, corpus: Corpus | None = None, force: bool = False,
                progress=None) -> BuildReport:
    """Embed every chunk into a new generation and switch to it, unless the current index matches
    the corpus and is healthy. The index in use is never modified or deleted before the switch."""
    started = time.perf_counter()
    _check_index_dir(settings)
    wanted = expected_manifest(settings)
    repaired = ""
    with _build_lock(settings):
        if not force:
            try:
                current = read_manifest(settings)
            except IndexUnavailable as exc:
                current, repaired = None, str(exc) if "No index found" not in str(exc) else ""
            if current and all(current.get(k) == v for k, v in wanted.items()):
                problem = health_problem(settings)
                if not problem:
                    _remove_stale_generations(settings)
                    return BuildReport(True, current.get("chunk_count", 0), time.perf_counter() - started, current)
                repaired = problem
        report = _build_generation(settings, corpus or Corpus.load(settings), wanted, progress)
    report.seconds = time.perf_counter() - started
    report.repaired = repaired
    return report


def _import_write_path() -> None:
    """The libraries writing needs; imported on a thread while the model embeds (torch releases
    the GIL during its kernels, so the ~2 s of imports costs almost no wall time)."""
    import chromadb  # noqa: F401
    from llama_index.core.schema import TextNode  # noqa: F401
    from llama_index.vector_stores.chroma import ChromaVectorStore  # noqa: F401


def _exact_search(size: int) -> dict:
    """A collection configuration whose searches visit every one of its ``size`` vectors: the same hits, in
    the same order, in every process (the review's few hundred passages cost well under a millisecond)."""
    return {"hnsw": {"space": "cosine", "ef_search": max(MIN_EF_SEARCH, size)}}


def _build_generation(settings: Settings, corpus: Corpus, wanted: dict, progress) -> BuildReport:
    import threading

    from .embedding import load_sentence_model

    timings: dict[str, float] = {}
    mark = time.perf_counter()
    model = load_sentence_model(settings.embed_model)
    timings["load model"] = time.perf_counter() - mark
    mark = time.perf_counter()
    importer = threading.Thread(target=_import_write_path, name="her2qa-imports", daemon=True)
    importer.start()
    units = embedded_units(corpus)
    texts = [chunk_embedding_input(chunk) for chunk in corpus.chunks] + [u.text for u in units]
    vectors = embed_texts(_ModelEmbedder(model), texts, progress)
    timings["embed"] = time.perf_counter() - mark
    mark = time.perf_counter()
    importer.join()

    from llama_index.core.schema import TextNode
    from llama_index.vector_stores.chroma import ChromaVectorStore

    nodes = []
    for chunk, vector in zip(corpus.chunks, vectors):
        node = TextNode(id_=chunk.id, text=chunk.embedding_text, metadata=chunk_metadata(chunk), embedding=vector)
        node.excluded_embed_metadata_keys = list(node.metadata)
        node.excluded_llm_metadata_keys = list(node.metadata)
        nodes.append(node)

    # Nothing is written before the vectors exist: the new generation lives on disk for ~1 s.
    generation = _new_generation()
    if settings.chroma_url:
        client = chroma_client(settings)
        names = (f"{settings.collection}.{generation}", f"{settings.collection}.{generation}-sentences")
        path = None
    else:
        path = settings.index_dir / f"{GENERATION_PREFIX}{generation}"
        client = chroma_client(settings, path, create=True)
        names = (settings.collection, sentence_collection_name(settings))
    try:
        collection = client.create_collection(names[0], configuration=_exact_search(len(nodes)))
        ChromaVectorStore(chroma_collection=collection).add(nodes)  # what VectorStoreIndex does with embedded nodes
        sentences = client.create_collection(names[1], configuration=_exact_search(len(units)))
        unit_vectors = vectors[len(nodes):]
        for i in range(0, len(units), 256):
            part = units[i:i + 256]
            sentences.add(ids=[u.id for u in part], embeddings=unit_vectors[i:i + 256],
                          documents=[u.text for u in part],
                          metadatas=[{"chunk_id": u.chunk_id, "start": u.start, "end": u.end} for u in part])
        manifest = {**wanted, "chunk_count": len(nodes), "unit_count": len(units),
                    "built_at": time.strftime("%Y-%m-%dT%H:%M:%S"), "collection": settings.collection,
                    "generation": generation}
        collection.modify(metadata={f"her2qa_{k}": str(v) for k, v in manifest.items()})
        timings["write"] = time.perf_counter() - mark
        mark = time.perf_counter()
        _verify(collection, sentences, nodes, len(units))
        timings["verify"] = time.perf_counter() - mark
    except BaseException:
        _discard(settings, client, path, names)  # only the new, never-current generation
        raise
    mark = time.perf_counter()
    previous = _switch(settings, client, generation, path, manifest)
    _remove_stale_generations(settings, keep=previous)
    timings["switch"] = time.perf_counter() - mark
    return BuildReport(False, len(nodes), 0.0, manifest, timings)


def chunk_embedding_input(chunk: Chunk) -> str:
    """The text a chunk is embedded from: what llama-index's ``TextNode.get_content(metadata_mode=
    "embed")`` gives when every metadata key is excluded from embedding, i.e. the text itself."""
    return chunk.embedding_text


class _ModelEmbedder:
    """A bare sentence-transformers model seen through the one attribute :func:`embed_texts` uses."""

    normalize = True

    def __init__(self, model):
        self._model = model

    def get_text_embedding_batch(self, texts):  # fallback path only (a model without preprocess)
        return self._model.encode(texts, normalize_embeddings=True, convert_to_numpy=True).tolist()


def embed_texts(embedder, texts: list[str], progress=None, workers: int = 2, batch: int = 16) -> list[list[float]]:
    """Vectors of ``texts`` in order, as ``embedder.get_text_embedding_batch`` computes them.

    Each distinct text is embedded once (overlapping chunks repeat sentences). With the bundled
    model every text is tokenised once, up front, and batches are made of texts of equal token
    count, so padding adds ~5% to the tokens the model runs over (sorting by characters in batches
    of 64 added ~40%); small batches also keep a layer's activations in cache. The batches run,
    longest first, on ``workers`` threads with one torch thread each: on 2 cores that costs less
    CPU than one batch at a time on torch's 2-thread pool. The vectors are the same as the query
    embedder's (to ~1e-7: a text's vector hardly depends on the padding of its batch).
    """
    unique = list(dict.fromkeys(texts))
    counts: dict[str, int] = {}
    for text in texts:
        counts[text] = counts.get(text, 0) + 1
    found: dict[str, list[float]] = {}
    model = getattr(embedder, "_model", None)
    token_ids = getattr(model, "token_ids", None)
    tokenize = getattr(model, "preprocess", None) or getattr(model, "tokenize", None)
    if model is None or tokenize is None or not getattr(embedder, "normalize", True):
        order = sorted(unique, key=len)
        for i in range(0, len(order), batch):
            part = order[i:i + batch]
            found.update(zip(part, embedder.get_text_embedding_batch(part)))
            if progress:
                progress(sum(counts[t] for t in part))
        return [found[t] for t in texts]
    import threading
    from concurrent.futures import ThreadPoolExecutor

    import torch

    # One thread tokenises: fast tokenizers are not re-entrant.
    if token_ids is not None:
        ids = dict(zip(unique, token_ids(unique)))
        order = sorted(unique, key=lambda t: len(ids[t]))
        batches = [order[i:i + batch] for i in range(0, len(order), batch)]
        features = [model.collate([ids[t] for t in part]) for part in batches]
    else:
        order = sorted(unique, key=len)
        batches = [order[i:i + batch] for i in range(0, len(order), batch)]
        features = [tokenize(part) for part in batches]
    lock = threading.Lock()

    def run(k: int) -> None:
        with torch.inference_mode():
            out = model.forward(dict(features[k]))["sentence_embedding"]
            vectors = torch.nn.functional.normalize(out, p=2, dim=1).tolist()
        with lock:
            found.update(zip(batches[k], vectors))
            if progress:
                progress(sum(counts[t] for t in batches[k]))

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        with ThreadPoolExecutor(max(1, workers), thread_name_prefix="her2qa-embed") as pool:
            list(pool.map(run, reversed(range(len(batches)))))  # longest first: the threads finish together
    finally:
        torch.set_num_threads(threads)
    return [found[t] for t in texts]


def _verify(collection, sentences, nodes, unit_count: int) -> None:
    """The new generation holds what was written and answers a query; else nothing is switched."""
    if collection.count() != len(nodes) or sentences.count() != unit_count:
        raise IndexUnavailable(f"The new index holds {collection.count()} chunks and {sentences.count()} sentences, "
                               f"expected {len(nodes)} and {unit_count}; the previous index was kept.")
    if not _finds_itself(collection, nodes[len(nodes) // 2].embedding):
        raise IndexUnavailable("The new index does not find a stored chunk by its own vector; "
                               "the previous index was kept.")


def _finds_itself(collection, vector) -> bool:
    hit = collection.query(query_embeddings=[vector], n_results=1, include=["distances"])
    return bool(hit["distances"] and hit["distances"][0]) and hit["distances"][0][0] < 1e-3


def _switch(settings: Settings, client, generation: str, path: Path | None, manifest: dict) -> str:
    """Make ``generation`` current in one atomic step; returns the generation it replaced."""
    if settings.chroma_url:
        previous = ""
        try:
            pointer = client.get_collection(_pointer_name(settings))
            previous = (pointer.metadata or {}).get("her2qa_generation", "")
        except Exception:
            pointer = client.create_collection(_pointer_name(settings))
        pointer.modify(metadata={"her2qa_generation": generation, "her2qa_switched_at": time.strftime("%Y-%m-%dT%H:%M:%S")})
        return previous
    try:
        old = _read_pointer_file(settings) or {}
    except IndexUnavailable:
        old = {}
    previous = old.get("chroma_dir") or (LEGACY_DIR if (_legacy_dir(settings) / "chroma.sqlite3").exists() else "")
    record = {**manifest, "chroma_dir": path.name, "previous_chroma_dir": previous}
    tmp = settings.manifest_path.with_name(f".manifest.{generation}.tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(record, indent=2) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, settings.manifest_path)  # the switch
    try:
        dir_fd = os.open(settings.index_dir, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass
    return previous


def _discard(settings: Settings, client, path: Path | None, names: tuple[str, str]) -> None:
    """Remove a generation that was never made current (best effort: the next build also does)."""
    try:
        if path is not None:
            _forget_client(path)
            shutil.rmtree(path, ignore_errors=True)
        else:
            for name in names:
                try:
                    client.delete_collection(name)
                except Exception:
                    pass
    except Exception:
        pass


def _forget_client(path: Path) -> None:
    """Drop chromadb's cached system for a local folder that is about to be removed."""
    try:
        from chromadb.api.shared_system_client import SharedSystemClient

        SharedSystemClient._identifier_to_system.pop(str(path), None)
        SharedSystemClient._identifier_to_refcount.pop(str(path), None)
    except Exception:
        pass


def _remove_stale_generations(settings: Settings, keep: str = "") -> None:
    """Delete generations that are neither current nor the one just replaced (``keep``), and the
    leftovers of killed builds. Runs only under the build lock, so no build is writing them."""
    try:
        if settings.chroma_url:
            client = chroma_client(settings)
            current = locate(settings).generation
            if not current:
                return
            prefix = f"{settings.collection}."
            keep_names = {f"{prefix}{g}{s}" for g in (current, keep) if g for s in ("", "-sentences")}
            keep_names.add(_pointer_name(settings))
            for collection in client.list_collections():
                name = getattr(collection, "name", collection)
                if name.startswith(prefix) and name not in keep_names:
                    client.delete_collection(name)
            return
        pointer = _read_pointer_file(settings) or {}
        current = pointer.get("chroma_dir")
        if not current:
            return
        keep_dirs = {current, keep or pointer.get("previous_chroma_dir") or ""}
        for child in settings.index_dir.iterdir():
            if child.name in keep_dirs:
                continue
            if child.is_dir() and (child.name.startswith(GENERATION_PREFIX) or child.name == LEGACY_DIR):
                _forget_client(child)
                shutil.rmtree(child, ignore_errors=True)
            elif child.name.startswith(".manifest.") and child.name.endswith(".tmp"):
                child.unlink(missing_ok=True)
    except Exception:
        pass  # tidying up must never fail a build


def active_chroma_dir(settings: Settings) -> Path | None:
    """The local folder of the current generation (None on a server or without an index)."""
    try:
        return locate(settings).path
    except IndexUnavailable:
        return None
