"""Damaged corpora: every case ends in a message naming the file (and line), or in warnings that
`build` prints and `inspect` shows — never a traceback."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from her2qa import cli
from her2qa.corpus import Corpus, CorpusError
from her2qa.reader import ParseError
from her2qa.settings import Settings

from .conftest import CORPUS_FILE

NAME = CORPUS_FILE.name
LAYOUT = CORPUS_FILE.with_suffix(".layout.json")
META = CORPUS_FILE.with_suffix(".meta.json")
TEXT = CORPUS_FILE.read_bytes()


def _replace(old: bytes, new: bytes):
    return lambda data: data.replace(old, new)


def _drop_table_1(data: bytes) -> bytes:
    start = data.index(b"Table 1.\n")
    end = data.index(b"MT: microtubules.") + len(b"MT: microtubules.")
    return data[:start] + data[end:]


def _cut_references(data: bytes) -> bytes:
    return data[: data.index(b"  \xe2\x80\xa2 40.")]


# name → (article bytes transform, layout text or None (missing) or ... (keep), expected)
# expected: ("error", [substrings]) or ("warn", [substrings])
CASES = {
    "truncated-half": (lambda d: d[: len(d) // 2], ..., ("warn", ["no reference list found"])),
    "truncated-tenth": (lambda d: d[: len(d) // 10], ..., ("warn", ["no reference list found"])),
    "header-only": (lambda d: d[: d.index(b"Abstract")], ..., ("error", [NAME, "no numbered section"])),
    "nul-bytes": (lambda d: d[:5000] + b"\x00\x00\x00" + d[5000:], ..., ("error", [NAME, "line", "NUL byte"])),
    "leading-nul": (lambda d: b"\x00" + d, ..., ("error", [NAME, "line 1", "NUL byte"])),
    "invalid-utf8": (lambda d: d[:20000] + b"\xff" + d[20000:], ..., ("error", [NAME, "line", "not valid UTF-8"])),
    "latin-1": (lambda d: d.decode("utf-8").encode("latin-1", "replace"), ...,
                ("error", [NAME, "not valid UTF-8"])),
    "empty": (lambda d: b"", ..., ("error", [NAME])),
    "whitespace-only": (lambda d: b"\n \n\t\n", ..., ("error", [NAME])),
    "binary": (lambda d: bytes(range(256)) * 50, ..., ("error", [NAME])),
    "no-headings": (lambda d: b"\n".join(l for l in d.split(b"\n") if not l[:1].isdigit()), ...,
                    ("error", [NAME, "no numbered section"])),
    "no-layout": (lambda d: d, None, ("warn", ["Table 1 has no column headers", "Table 2 has no column headers"])),
    "layout-invalid-json": (lambda d: d, '{"tables": {"1": ', ("error", [LAYOUT.name, "line 1", "invalid JSON"])),
    "layout-not-object": (lambda d: d, "[1, 2, 3]", ("warn", [LAYOUT.name, "expected a JSON object"])),
    "layout-wrong-shape": (lambda d: d, '{"tables": {"1": 5, "2": {"columns": "NCT"}}}',
                           ("warn", [LAYOUT.name, "table 1", "table 2"])),
    "layout-mismatched-columns": (lambda d: d, json.dumps({"tables": {"1": {"columns": ["A", "B"]},
                                                                       "2": {"columns": ["X", "Y", "Z"]}}}),
                                  ("warn", ["Table 1 has no column headers", "Table 2 has no column headers"])),
    "layout-invalid-utf8": (lambda d: d, b'{"tables": {}}\xff', ("error", [LAYOUT.name, "not valid UTF-8"])),
    "table-1-missing": (_drop_table_1, ..., ("warn", ["names Table 1 but no such table"])),
    "references-cut": (_cut_references, ..., ("warn", ["missing from the list", "truncated"])),
    "crlf": (lambda d: d.replace(b"\n", b"\r\n"), ..., ("ok", [])),
    "bom": (lambda d: b"\xef\xbb\xbf" + d, ..., ("ok", [])),
    "deeply-nested-layout": (lambda d: d, "[" * 100000 + "]" * 100000, ("error", [LAYOUT.name])),
}


def make_corpus(folder: Path, case: str) -> Path:
    transform, layout, _ = CASES[case]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / NAME).write_bytes(transform(TEXT))
    if layout is ...:
        shutil.copy(LAYOUT, folder / LAYOUT.name)
    elif layout is not None:
        (folder / LAYOUT.name).write_bytes(layout if isinstance(layout, bytes) else layout.encode())
    shutil.copy(META, folder / META.name)
    return folder


def run(args: list[str], corpus: Path, index: Path):
    env = {"HER2QA_CORPUS_DIR": str(corpus), "HER2QA_INDEX_DIR": str(index)}
    result = CliRunner().invoke(cli.main, args, env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"{args}: raised {result.exception!r}")
    assert "Traceback" not in result.output
    return result


@pytest.mark.parametrize("case", sorted(CASES))
def test_damaged_corpus_is_reported_never_a_traceback(case, tmp_path):
    corpus = make_corpus(tmp_path / "corpus", case)
    kind, needles = CASES[case][2]
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    if kind == "error":
        with pytest.raises((ParseError, CorpusError)) as caught:
            Corpus.load(settings)
        for needle in needles:
            assert needle in str(caught.value)
        for args in (["inspect"], ["ask", "What is HER2?"], ["build"]):
            result = run(args, corpus, tmp_path / "index")
            assert result.exit_code == 1, args
            assert all(n in result.output for n in needles), (args, result.output)
    else:
        corpus_obj = Corpus.load(settings)
        warnings = " | ".join(corpus_obj.warnings)
        for needle in needles:
            assert needle in warnings, warnings
        if kind == "ok":
            assert not corpus_obj.warnings, warnings
            assert len(corpus_obj.primary.references) == 83 and len(corpus_obj.primary.tables) == 2
        shown = run(["inspect"], corpus, tmp_path / "index")
        assert shown.exit_code == 0
        assert all(f"Warning: {w}" in shown.output for w in corpus_obj.warnings)
        # ask before any build: a clear message, never a traceback
        asked = run(["ask", "What is HER2?"], corpus, tmp_path / "index")
        assert asked.exit_code == 1 and "her2qa build" in asked.output


def test_build_prints_warnings(tmp_path, monkeypatch):
    """`build` prints the warnings before embedding and again in its summary."""
    from her2qa import store

    corpus = make_corpus(tmp_path / "corpus", "references-cut")
    monkeypatch.setattr(store, "build_index", lambda *a, **k: store.BuildReport(True, 0, 0.0, {}))
    result = run(["build"], corpus, tmp_path / "index")
    assert result.exit_code == 0
    assert "Warning: " in result.output and "  warning     " in result.output and "truncated" in result.output


def test_table_1_without_sidecar_keeps_whole_rows(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", "no-layout")
    doc = Corpus.load(Settings(corpus_dir=corpus)).primary
    table1, table2 = doc.tables
    assert len(table1.rows) == 7 and len(table2.rows) == 9
    first = next(iter(table2.rows[0].cells.values()))
    assert "DESTINY-Breast 07" in first and "T-DXd plus durvalumab" in first  # not just the NCT id
    assert "TULIP" in next(iter(table1.rows[0].cells.values()))


def test_primary_article_is_chosen_by_setting_not_alphabetically(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", "crlf")
    text = (corpus / NAME).read_bytes()
    (corpus / "aaa_other_article.txt").write_bytes(text.replace(b"Clinical Impact", b"Another Review: Clinical Impact"))
    with pytest.raises(CorpusError, match="HER2QA_PRIMARY_ARTICLE"):
        Corpus.load(Settings(corpus_dir=corpus))
    chosen = Corpus.load(Settings(corpus_dir=corpus, primary_article=NAME))
    assert chosen.primary.source == NAME and len(chosen.documents) == 2
    with pytest.raises(CorpusError, match="not in"):
        Corpus.load(Settings(corpus_dir=corpus, primary_article="missing.txt"))
    result = run(["inspect"], corpus, tmp_path / "index")
    assert result.exit_code == 1 and "HER2QA_PRIMARY_ARTICLE" in result.output


def test_licence_is_read_not_hard_coded(tmp_path):
    doc = Corpus.load(Settings()).primary
    assert doc.meta.licence.startswith("CC BY 4.0")
    corpus = make_corpus(tmp_path / "corpus", "crlf")
    (corpus / META.name).unlink()
    bare = Corpus.load(Settings(corpus_dir=corpus)).primary
    assert bare.meta.licence == "" and any("no licence" in w for w in bare.warnings)
    stated = (corpus / NAME).read_text(encoding="utf-8").replace(
        "Keywords:", "This article is distributed under the Creative Commons Attribution (CC BY) license.\n\nKeywords:")
    (corpus / NAME).write_text(stated, encoding="utf-8")
    assert "Creative Commons Attribution (CC BY)" in Corpus.load(Settings(corpus_dir=corpus)).primary.meta.licence


def test_missing_and_empty_corpus_folders(tmp_path):
    for corpus in (tmp_path / "nope", tmp_path):
        result = run(["inspect"], corpus, tmp_path / "index")
        assert result.exit_code == 1 and str(corpus) in result.output


def test_unreadable_article_names_the_file(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads any file")
    corpus = make_corpus(tmp_path / "corpus", "crlf")
    (corpus / NAME).chmod(0)
    result = run(["inspect"], corpus, tmp_path / "index")
    assert result.exit_code == 1 and NAME in result.output
