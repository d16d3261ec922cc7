"""The Chroma index: persistent, idempotent, reopened in a new process, clear errors."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from her2qa.settings import Settings
from her2qa.store import IndexUnavailable, active_chroma_dir, build_index, open_vector_store, read_manifest

from .conftest import CORPUS_FILE, free_port


def mini_corpus(folder: Path) -> Path:
    """A small but real article: the review's front matter, sections 1–2.1, Table 1 and refs 1–11."""
    text = CORPUS_FILE.read_text(encoding="utf-8")
    head = text[: text.index("2.2. p95HER2")]
    table = text[text.index("Table 1.\n"): text.index("MT: microtubules.") + len("MT: microtubules.")]
    refs = text[text.index("References\n"): text.index("  • 12.")]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "mini.txt"
    path.write_text(head + table + "\n\n" + refs, encoding="utf-8")
    layout = CORPUS_FILE.with_suffix(".layout.json").read_text(encoding="utf-8")
    (folder / "mini.layout.json").write_text(layout, encoding="utf-8")
    return path


@pytest.fixture()
def mini_settings(tmp_path) -> Settings:
    mini_corpus(tmp_path / "corpus")
    return Settings(corpus_dir=tmp_path / "corpus", index_dir=tmp_path / "index")


QUERY_SCRIPT = """
import json, sys
from her2qa.settings import Settings
from her2qa.assistant import Assistant
a = Assistant(Settings(index_dir=sys.argv[1]))
ans = a.ask(sys.argv[2])
print(json.dumps({"top": ans.retrieved[0].chunk_id, "answer": ans.answer}))
"""


def test_reopen_in_a_new_process_gives_the_same_top_hit(assistant, built_settings):
    question = "What IC50 does alpelisib have in cell-free assays?"
    here = assistant.ask(question)
    out = subprocess.run([sys.executable, "-c", QUERY_SCRIPT, str(built_settings.index_dir), question],
                         capture_output=True, text=True, timeout=300, check=True)
    there = json.loads(out.stdout.strip().splitlines()[-1])
    assert there["top"] == here.retrieved[0].chunk_id
    assert "5 nM" in there["answer"] and there["answer"] == here.answer


def test_manifest_records_what_was_built(built_settings):
    manifest = read_manifest(built_settings)
    assert manifest["embed_model"] == built_settings.embed_model
    assert manifest["chunk_count"] > 150 and len(manifest["corpus_hash"]) == 64
    on_disk = json.loads(built_settings.manifest_path.read_text())
    assert on_disk["corpus_hash"] == manifest["corpus_hash"]


def test_dense_search_is_exact(assistant, built_settings):
    """Chroma's HNSW search is approximate; with its default breadth (100 of ~200 chunks) the tail of the
    top 20 changed between processes. Built by her2qa, every search visits every chunk: the hits are the
    exact cosine ranking of the stored vectors."""
    import numpy as np

    from her2qa.store import locate

    collection = locate(built_settings).client.get_collection(locate(built_settings).collection)
    assert collection.configuration["hnsw"]["ef_search"] >= collection.count()
    stored = collection.get(include=["embeddings"])
    matrix = np.asarray(stored["embeddings"], dtype=np.float64)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    questions = ["first author and year (PATRICIA)?", "whats the DAR of enhertu", "tucatinib brain mets",
                 "ILD with T-DXd", "which trials are first line", "PI3K mutations and resistance", "nerlynx diarrhea",
                 "what is HER2-low", "margetuximab Fc engineering", "p95HER2 truncated receptor"]
    embedder = assistant.retriever.embedder
    for question in questions:
        vector = np.asarray(embedder.get_query_embedding(question), dtype=np.float64)
        exact = [stored["ids"][i] for i in np.argsort(-(matrix @ vector), kind="stable")[:20]]
        found = collection.query(query_embeddings=[vector.tolist()], n_results=20)["ids"][0]
        assert found == exact, question


def test_an_index_built_with_approximate_search_is_rebuilt(mini_settings):
    from her2qa.store import locate

    build_index(mini_settings)
    location = locate(mini_settings)
    collection = location.client.get_collection(location.collection)
    collection.modify(metadata={k: v for k, v in collection.metadata.items() if k != "her2qa_store_version"})
    with pytest.raises(IndexUnavailable, match="out of date \\(store_version changed\\)"):
        open_vector_store(mini_settings)
    assert not build_index(mini_settings).skipped
    open_vector_store(mini_settings)


def test_build_is_skipped_when_unchanged_and_redone_when_the_corpus_changes(mini_settings):
    first = build_index(mini_settings)
    assert not first.skipped and first.chunks > 10
    again = build_index(mini_settings)
    assert again.skipped and again.manifest["corpus_hash"] == first.manifest["corpus_hash"]
    article = mini_settings.corpus_dir / "mini.txt"
    article.write_text(article.read_text().replace("11.7% of all global", "11.7 % of all global"))
    changed = build_index(mini_settings)
    assert not changed.skipped and changed.manifest["corpus_hash"] != first.manifest["corpus_hash"]
    forced = build_index(mini_settings, force=True)
    assert not forced.skipped
    open_vector_store(mini_settings)  # consistent after every build


def test_stale_index_is_refused(mini_settings):
    build_index(mini_settings)
    article = mini_settings.corpus_dir / "mini.txt"
    article.write_text(article.read_text() + "\n")
    with pytest.raises(IndexUnavailable, match="out of date.*her2qa build"):
        open_vector_store(mini_settings)


def test_missing_index_gives_a_clear_message(tmp_path):
    with pytest.raises(IndexUnavailable, match="No index found.*her2qa build"):
        open_vector_store(Settings(index_dir=tmp_path / "nothing-here"))


def test_corrupt_index_gives_a_clear_message(mini_settings):
    build_index(mini_settings)
    db = active_chroma_dir(mini_settings) / "chroma.sqlite3"
    db.write_bytes(b"this is not a database" * 100)
    with pytest.raises(IndexUnavailable, match="her2qa build"):
        open_vector_store(mini_settings)
    env = {**os.environ, "HER2QA_INDEX_DIR": str(mini_settings.index_dir),
           "HER2QA_CORPUS_DIR": str(mini_settings.corpus_dir)}
    cli = subprocess.run([sys.executable, "-m", "her2qa.cli", "ask", "What is HER2?"], env=env,
                         capture_output=True, text=True, timeout=300)
    assert cli.returncode == 1
    assert "her2qa build" in cli.stderr and "Traceback" not in cli.stderr
    rebuilt = build_index(mini_settings)  # a rebuild repairs it
    assert not rebuilt.skipped
    open_vector_store(mini_settings)


def test_unreachable_chroma_server_gives_a_clear_message(tmp_path):
    settings = Settings(index_dir=tmp_path, chroma_url=f"http://127.0.0.1:{free_port()}")
    with pytest.raises(IndexUnavailable, match="not reachable"):
        read_manifest(settings)


@pytest.mark.slow
def test_remote_chroma_server(mini_settings, tmp_path):
    chroma = Path(sys.executable).with_name("chroma")
    port = free_port()
    server = subprocess.Popen([str(chroma), "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1",
                               "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        remote = mini_settings.model_copy(update={"chroma_url": f"http://127.0.0.1:{port}"})
        deadline = time.time() + 60
        while True:
            try:
                read_manifest(remote)
            except IndexUnavailable as exc:
                if "not reachable" not in str(exc) or time.time() > deadline:
                    break
                time.sleep(0.5)
        report = build_index(remote)
        assert not report.skipped and build_index(remote).skipped
        from her2qa.assistant import Assistant

        answer = Assistant(remote).ask("What IC50 does alpelisib have?")
        assert "5 nM" in answer.answer and answer.citations[0].section == "2.1"
    finally:
        server.terminate()
        server.wait(timeout=30)


def start_chroma_server(path: Path):
    """`chroma run` on a free port; returns (process, url) once its heartbeat answers."""
    import urllib.request

    chroma = Path(sys.executable).with_name("chroma")
    port = free_port()
    server = subprocess.Popen([str(chroma), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2):
                return server, url
        except OSError:
            time.sleep(0.3)
    server.kill()
    raise RuntimeError("chroma run did not start")


@pytest.mark.slow
def test_frozen_chroma_server_ends_in_a_clear_message_within_the_timeout(mini_settings, tmp_path):
    server, url = start_chroma_server(tmp_path / "server")
    try:
        remote = mini_settings.model_copy(update={"chroma_url": url, "store_timeout_s": 3.0})
        build_index(remote)
        os.kill(server.pid, signal.SIGSTOP)  # alive, accepts connections, never answers
        env = {**os.environ, "HER2QA_CHROMA_URL": url, "HER2QA_STORE_TIMEOUT_S": "3",
               "HER2QA_CORPUS_DIR": str(mini_settings.corpus_dir), "NO_PROXY": "127.0.0.1,localhost"}
        started = time.monotonic()
        cli = subprocess.run([sys.executable, "-m", "her2qa.cli", "ask", "What IC50 does alpelisib have?"],
                             env=env, capture_output=True, text=True, timeout=240)  # guard against a hang
        assert cli.returncode == 1
        assert "did not answer within 3 s" in cli.stderr and "Traceback" not in cli.stderr
        with pytest.raises(IndexUnavailable, match="did not answer within 3 s"):
            read_manifest(remote)
        with pytest.raises(IndexUnavailable, match="did not answer within 3 s"):
            build_index(remote, force=True)
        print(f"frozen server: CLI ended after {time.monotonic() - started:.1f} s")
        os.kill(server.pid, signal.SIGCONT)  # a server that comes back is used again
        assert read_manifest(remote)["chunk_count"] > 10
    finally:
        os.kill(server.pid, signal.SIGCONT)
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.slow
def test_server_builds_switch_generations_and_remove_old_ones(mini_settings, tmp_path):
    server, url = start_chroma_server(tmp_path / "server")
    try:
        remote = mini_settings.model_copy(update={"chroma_url": url})
        build_index(remote)
        for _ in range(2):
            build_index(remote, force=True)
        from her2qa.store import chroma_client, locate

        names = sorted(c.name for c in chroma_client(remote).list_collections())
        current = locate(remote).generation
        assert f"her2qa.{current}" in names and "her2qa.current" in names
        assert len(names) == 5  # pointer + (current, previous) × (chunks, sentences)
        open_vector_store(remote)
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_build_embeddings_equal_the_query_embedder(document):
    """Builds embed with transformers directly (threaded, deduplicated); queries embed through
    llama-index's HuggingFaceEmbedding. The two must give the same vectors."""
    import numpy as np

    from her2qa.embedding import MeanPoolingEncoder, load_embedder, load_sentence_model
    from her2qa.settings import BUNDLED_MODEL
    from her2qa.store import _ModelEmbedder, embed_texts

    model = load_sentence_model(BUNDLED_MODEL)
    assert isinstance(model, MeanPoolingEncoder)
    texts = [p.text for p in document.paragraphs[:40]] + ["  padded  ", "x", document.paragraphs[0].text]
    built = np.array(embed_texts(_ModelEmbedder(model), texts))
    queried = np.array(load_embedder(BUNDLED_MODEL).get_text_embedding_batch(texts))
    assert built.shape == queried.shape and np.abs(built - queried).max() < 1e-5
