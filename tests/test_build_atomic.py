"""Builds never destroy a good index: generations, atomic switch, repair, orphans, locking."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from her2qa.settings import Settings
from her2qa.store import (
    IndexUnavailable, _build_lock, active_chroma_dir, build_index, health_problem, open_vector_store, read_manifest,
)

from .test_store import mini_corpus

QUESTION = "What IC50 does alpelisib have in cell-free assays?"


@pytest.fixture()
def mini(tmp_path) -> Settings:
    mini_corpus(tmp_path / "corpus")
    settings = Settings(corpus_dir=tmp_path / "corpus", index_dir=tmp_path / "index")
    build_index(settings)
    return settings


def generation_dirs(settings: Settings) -> list[str]:
    return sorted(p.name for p in settings.index_dir.iterdir() if p.is_dir())


def answer_of(settings: Settings) -> str:
    from her2qa.assistant import Assistant

    return Assistant(settings).ask(QUESTION).answer


@pytest.mark.parametrize("kill_after", ["start", "writing"])
def test_kill_during_build_leaves_the_previous_index_answering(mini, kill_after):
    before = answer_of(mini)
    assert "5 nM" in before
    generation = read_manifest(mini)["generation"]
    env = {**os.environ, "HER2QA_CORPUS_DIR": str(mini.corpus_dir), "HER2QA_INDEX_DIR": str(mini.index_dir)}
    build = subprocess.Popen([sys.executable, "-m", "her2qa.cli", "build", "--force"], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 240
        if kill_after == "start":
            time.sleep(1.0)  # importing / loading the model
        else:  # the new generation's folder exists: Chroma is being written
            while len(generation_dirs(mini)) < 2 and time.monotonic() < deadline and build.poll() is None:
                time.sleep(0.02)
        build.send_signal(signal.SIGKILL)
    finally:
        build.wait(timeout=60)
    assert build.returncode == -signal.SIGKILL, "the build finished before it could be killed"
    # The previous generation is still current and answers exactly as before.
    assert read_manifest(mini)["generation"] == generation
    assert health_problem(mini) == ""
    assert answer_of(mini) == before
    # The next build sees a sound, matching index (nothing to do) and removes the killed build's leftovers.
    again = build_index(mini)
    assert again.skipped
    assert generation_dirs(mini) == [active_chroma_dir(mini).name]


def test_forced_builds_switch_atomically_and_leave_no_orphans(mini):
    first = active_chroma_dir(mini).name
    for _ in range(3):
        report = build_index(mini, force=True)
        assert not report.skipped
    current = active_chroma_dir(mini).name
    manifest = json.loads(mini.manifest_path.read_text())
    assert manifest["chroma_dir"] == current != first
    # Only the current generation and the one it replaced (a running server may still read it).
    assert generation_dirs(mini) == sorted({current, manifest["previous_chroma_dir"]})
    open_vector_store(mini)


def test_damage_inside_sqlite_is_detected_and_repaired_by_build(mini):
    db = active_chroma_dir(mini) / "chroma.sqlite3"
    data = bytearray(db.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 8192] = os.urandom(8192)
    db.write_bytes(bytes(data))
    assert health_problem(mini)  # not trusted any more
    report = build_index(mini)  # no --force needed: a damaged index is rebuilt, not "up to date"
    assert not report.skipped and report.repaired
    assert health_problem(mini) == ""
    assert "5 nM" in answer_of(mini)


def test_forced_build_over_a_damaged_index_works(mini):
    db = active_chroma_dir(mini) / "chroma.sqlite3"
    db.write_bytes(b"garbage" * 1000)
    report = build_index(mini, force=True)  # was: "Collection [her2qa] already exists"
    assert not report.skipped
    open_vector_store(mini)


def test_damaged_manifest_json_is_a_clear_message_and_build_repairs_it(mini):
    mini.manifest_path.write_text("{not json")
    with pytest.raises(IndexUnavailable, match="manifest.json is damaged.*her2qa build"):
        open_vector_store(mini)
    assert not build_index(mini).skipped
    open_vector_store(mini)


def test_manifest_json_is_what_readers_follow(mini):
    """manifest.json names the current generation; pointing it at a missing folder is reported."""
    manifest = json.loads(mini.manifest_path.read_text())
    mini.manifest_path.write_text(json.dumps({**manifest, "chroma_dir": "chroma-does-not-exist"}))
    with pytest.raises(IndexUnavailable, match="missing.*her2qa build"):
        open_vector_store(mini)


def test_a_failed_build_deletes_nothing(mini):
    """An unrelated error (here: the embedding model cannot be loaded) leaves the index untouched."""
    before = generation_dirs(mini)
    manifest = mini.manifest_path.read_bytes()
    broken = mini.model_copy(update={"embed_model": str(mini.index_dir.parent / "no-such-model")})
    with pytest.raises(Exception):
        build_index(broken)
    assert generation_dirs(mini) == before and mini.manifest_path.read_bytes() == manifest
    open_vector_store(mini)


def test_index_dir_that_is_a_file_gives_a_clear_message(tmp_path):
    path = tmp_path / "index"
    path.write_text("not a folder")
    settings = Settings(index_dir=path)
    with pytest.raises(IndexUnavailable, match="is a file, not a folder"):
        open_vector_store(settings)
    with pytest.raises(IndexUnavailable, match="is a file, not a folder"):
        build_index(settings)


def test_a_second_concurrent_build_fails_fast(mini):
    with _build_lock(mini):
        with pytest.raises(IndexUnavailable, match="Another `her2qa build`"):
            build_index(mini, force=True)


def test_index_written_before_generations_is_still_read(mini, tmp_path):
    """index/chroma + a manifest without 'chroma_dir' (the old layout) keeps working, and the
    first new build keeps it as the previous generation instead of deleting it."""
    import shutil

    legacy = Settings(corpus_dir=mini.corpus_dir, index_dir=tmp_path / "legacy")
    legacy.index_dir.mkdir()
    shutil.copytree(active_chroma_dir(mini), legacy.index_dir / "chroma")
    manifest = json.loads(mini.manifest_path.read_text())
    for key in ("chroma_dir", "previous_chroma_dir", "generation"):
        manifest.pop(key)
    legacy.manifest_path.write_text(json.dumps(manifest))
    open_vector_store(legacy)
    assert build_index(legacy).skipped
    build_index(legacy, force=True)
    assert "chroma" in generation_dirs(legacy)
    assert json.loads(legacy.manifest_path.read_text())["previous_chroma_dir"] == "chroma"
