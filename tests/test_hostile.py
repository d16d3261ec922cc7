"""Hostile input through `ask` (in-process), `ask --batch` and `ask` on the command line, and the
`/ask` API of a served app: no crashes, no tracebacks, one answer per input (one JSON object per
batch line, in order), errors for bad input, limits enforced before any model runs.

Answer-level properties (off-topic not answered as fact, injected text not changing citations)
live in test_hostile_answers.py.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import urllib.error
import urllib.request

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from her2qa.cli import dump_line
from her2qa.inputs import clean_question
from her2qa.results import Answer

from .hostile_inputs import BIG, HOSTILE

COUNTS = {"ask": 0, "batch": 0, "cli": 0, "api": 0, "crashes": 0}
CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x1b]")
HYPOTHESIS = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                      suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def strict_json(line: str):
    def no_constants(name):
        raise ValueError(f"{name} in output")
    return json.loads(line, parse_constant=no_constants)


def check_answer(answer, question, assistant) -> None:
    """Invariants every answer keeps, whatever the question."""
    assert isinstance(answer, Answer)
    assert isinstance(answer.answer, str) and answer.answer.strip()
    line = dump_line(answer.to_json())
    line.encode("utf-8")  # always printable
    assert strict_json(line)["answer"] == answer.answer
    assert not CONTROL_RE.search(answer.question), "control characters echoed back"
    cleaned = clean_question(question, assistant.settings.max_question_chars)
    if cleaned.error:
        assert answer.error == cleaned.error and answer.abstained and not answer.citations
        assert len(answer.question) <= 81, "a rejected question is echoed only as a short prefix"
    numbers = {r.number for r in assistant.corpus.primary.references}
    for citation in answer.citations:
        assert all(ref.number in numbers for ref in citation.references)


def ask_checked(assistant, question, conversation=None) -> Answer:
    try:
        answer = assistant.ask(question, conversation)
    except Exception:
        COUNTS["crashes"] += 1
        raise
    COUNTS["ask"] += 1
    check_answer(answer, question, assistant)
    return answer


# ------------------------------------------------------------------------------- item 1 regression

@pytest.mark.parametrize("question", ["What is \ud800 HER2?", "T-DXd\udcff dose?", "\udfff",
                                      "x" * 100_000, "\x1b[31m\x1b[0m", "\u200b\u200b"])
def test_invalid_text_is_rejected_before_any_model_call(assistant, monkeypatch, question):
    """A lone surrogate once made the embedder raise and llama-index retry for ~8 s under the lock."""
    def no_model(*args, **kwargs):
        raise AssertionError("a model was called for invalid input")

    monkeypatch.setattr(assistant.retriever, "retrieve", no_model)
    answer = assistant.ask(question)
    assert answer.error and answer.abstained and not answer.citations
    assert len(answer.question) <= 81 and "\ud800" not in answer.question


def test_cleaning_keeps_the_question_and_strips_escapes(assistant):
    assert clean_question("\x1b[31mWhat is T-DXd?\x1b[0m", 1000).text == "What is T-DXd?"
    assert clean_question("What\u200b is\tHER2?\r\n", 1000).text == "What is HER2?"
    assert "not valid Unicode" in clean_question("a\ud800", 1000).error
    assert "undecodable byte 0xff" in clean_question(b"\xff".decode("utf-8", "surrogateescape"), 1000).error
    plain = assistant.ask("\x1b[31mWhat is the DAR of T-DXd?\x1b[0m")
    assert plain.question == "What is the DAR of T-DXd?" and not plain.error


# ------------------------------------------------------------------------------- in-process ask

def test_hand_written_hostile_inputs(assistant):
    from her2qa.chat import Conversation

    for question in HOSTILE:
        ask_checked(assistant, question)
    conversation = Conversation()
    for question in HOSTILE[::4]:  # the follow-up resolution path too
        ask_checked(assistant, question, conversation)


def test_non_string_questions(assistant):
    for value in (None, 42, 3.5, ["What is HER2?"], {"q": 1}, b"What is HER2?", b"\xff\xfe"):
        answer = assistant.ask(value)  # type: ignore[arg-type]
        COUNTS["ask"] += 1
        assert isinstance(answer, Answer)
        dump_line(answer.to_json())


@HYPOTHESIS
@given(st.text(max_size=400))
def test_generated_text(assistant, question):
    ask_checked(assistant, question)


@HYPOTHESIS
@given(st.text(alphabet=st.characters(codec="utf-8", categories=["Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "So", "Lo"]),
               max_size=200))
def test_generated_control_format_and_exotic_characters(assistant, question):
    ask_checked(assistant, question)


@HYPOTHESIS
@given(st.sampled_from(["What is the DAR of T-DXd?", "Which paper is cited for the HER2CLIMB results?",
                        "What did the KATE2 trial test?"]),
       st.sampled_from(HOSTILE[:80]), st.integers(0, 60),
       st.one_of(st.none(), st.integers(0xD800, 0xDFFF), st.integers(0, 0x1F)))
def test_hostile_fragments_inside_real_questions(assistant, question, fragment, at, code):
    at = min(at, len(question))
    text = question[:at] + fragment + question[at:]
    if code is not None:
        text = text[: at // 2] + chr(code) + text[at // 2:]
    ask_checked(assistant, text)


# ------------------------------------------------------------------------------- batch (subprocess)

def batch_env(built_settings) -> dict:
    return {**os.environ, "HER2QA_INDEX_DIR": str(built_settings.index_dir), "HF_HUB_OFFLINE": "1"}


def test_batch_answers_every_line_in_order(built_settings, tmp_path):
    lines: list[bytes] = []
    expect: list[tuple[object, str]] = []  # (id, "ok" | "error" | "answer-error")

    def add(raw: bytes, item_id, kind: str) -> None:
        lines.append(raw)
        expect.append((item_id, kind))

    for i, question in enumerate(HOSTILE):
        raw = json.dumps({"id": f"h{i}", "question": question}).encode()
        if len(raw) > built_settings.batch_max_line_bytes:
            add(raw, None, "error")
        else:
            add(raw, f"h{i}", "answer-error" if clean_question(question, 1000).error else "ok")
    add(b"[" * 5000 + b"]" * 5000, None, "error")                         # RecursionError before
    add(json.dumps({"id": "after-deep", "question": "What is the DAR of T-DXd?"}).encode(), "after-deep", "ok")
    add(b'{"id": "bad-utf8", "question": "What is \xff HER2?"}', None, "error")  # no output at all before
    add(b'{"id": NaN, "question": "What is HER2?"}', None, "error")         # invalid JSON written back before
    add(b'{"id": Infinity, "question": "What is HER2?"}', None, "error")
    add(b'{"id": -Infinity, "question": "What is HER2?"}', None, "error")
    add(json.dumps({"id": "long", "turns": ["What is HER2?"] * 1000}).encode(), "long", "error")  # 45 s before
    add(b"", None, "error")
    add(b"   \t ", None, "error")
    add(b"{not json", None, "error")
    add(b"[1, 2, 3]", None, "error")
    add(b"42", None, "error")
    add(b"null", None, "error")
    add(b'"just a string"', None, "error")
    add(b'{"id": "no-question"}', "no-question", "error")
    add(b'{"id": "bad-turns", "turns": [1, 2]}', "bad-turns", "error")
    add(b'{"id": "empty-turns", "turns": []}', "empty-turns", "error")
    add(b'{"id": "surrogate-id-\\ud800", "question": "What is HER2?"}', "surrogate-id-\ud800", "ok")
    add(b'{"id": {"nested": [1, {"x": null}]}, "question": "What is the DAR of T-DXd?"}',
        {"nested": [1, {"x": None}]}, "ok")
    add(b'{"id": 1' + b"0" * 5000 + b', "question": "x"}', None, "error")  # int over Python's digit limit
    add(b'{"id": "crlf", "question": "What is the DAR of T-DXd?"}\r', "crlf", "ok")
    add(b'\xef\xbb\xbf{"id": "bom", "question": "x"}', None, "error")
    add(b"\x00\x01\x02", None, "error")
    add(b'{"id": "conv", "turns": ["What did the KATE2 trial test?", "\\u001b[31mAnd the PFS?"]}', "conv", "ok")
    add(json.dumps({"id": "last", "question": "What IC50 does alpelisib have in cell-free assays?"}).encode(),
        "last", "ok")
    path = tmp_path / "hostile.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")

    out = subprocess.run([sys.executable, "-m", "her2qa.cli", "ask", "--batch", str(path)], env=batch_env(built_settings),
                         capture_output=True, timeout=600)
    stderr = out.stderr.decode("utf-8", "replace")
    assert out.returncode == 0, stderr[-2000:]
    assert "Traceback" not in stderr
    rows = [strict_json(line) for line in out.stdout.decode("utf-8").splitlines()]
    assert len(rows) == len(lines), "every line gets exactly one output object"
    COUNTS["batch"] += len(rows)
    for number, (row, (item_id, kind)) in enumerate(zip(rows, expect), 1):
        assert row["id"] == item_id, (number, row)
        if kind == "error":
            assert row["error"].startswith(f"line {number}:"), (number, row)
        elif kind == "answer-error":
            assert row["error"] and row["abstained"] and len(row["question"]) <= 81, (number, row)
        else:
            assert not row["error"] and row["answer"], (number, row)
    by_id = {json.dumps(r["id"]): r for r in rows}
    assert "eight" in by_id['"after-deep"']["answer"] and "5 nM" in by_id['"last"']["answer"]
    assert "turns; the limit is 20" in by_id['"long"']["error"]


# ------------------------------------------------------------------------------- CLI (subprocess)

def run_cli(built_settings, *args: bytes | str):
    out = subprocess.run([sys.executable, "-m", "her2qa.cli", *args], env=batch_env(built_settings),
                         capture_output=True, timeout=300)
    COUNTS["cli"] += 1
    return out.returncode, out.stdout.decode("utf-8"), out.stderr.decode("utf-8", "replace")


def test_cli_rejects_invalid_bytes_before_loading_anything(built_settings):
    code, stdout, stderr = run_cli(built_settings, "ask", b"What is \xff HER2?")
    assert code == 2 and "undecodable byte 0xff" in stdout and "Traceback" not in stdout + stderr
    code, stdout, stderr = run_cli(built_settings, "ask", "--json", b"\xed\xa0\x80 T-DXd")
    row = strict_json(stdout)
    assert code == 2 and row["error"] and row["abstained"] and "Traceback" not in stderr
    code, stdout, stderr = run_cli(built_settings, "ask", BIG)
    assert code == 2 and "limited to 1000 characters" in stdout and len(stdout) < 500


# ------------------------------------------------------------------------------- the /ask API

@pytest.fixture(scope="module")
def served(built_settings, tmp_path_factory):
    from .test_ui_api import start_server, stop_server

    log = tmp_path_factory.mktemp("hostile-api") / "server.log"
    proc, url = start_server(built_settings.index_dir, log)
    yield url, log
    stop_server(proc)


def post(url: str, body: bytes, chunked: bool = False) -> tuple[int, bytes]:
    data = iter([body[i:i + 65536] for i in range(0, len(body), 65536)]) if chunked else body
    request = urllib.request.Request(url, data=data, method="POST", headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def declared_only(url: str, length: int) -> bytes:
    """Send only the headers of a huge POST and read what comes back."""
    import socket
    from urllib.parse import urlparse

    where = urlparse(url)
    with socket.create_connection((where.hostname, where.port), timeout=30) as sock:
        sock.sendall(f"POST /gradio_api/call/ask HTTP/1.1\r\nHost: {where.hostname}\r\n"
                     f"Content-Type: application/json\r\nContent-Length: {length}\r\n\r\n".encode())
        return sock.recv(4096)


def call_ask(url: str, question: str) -> dict:
    """POST /gradio_api/call/ask with the question JSON-escaped (lone surrogates too, which
    gradio_client cannot send), then read the event stream for the result."""
    status, body = post(url + "gradio_api/call/ask", json.dumps({"data": [question]}).encode())
    assert status == 200, body[:300]
    event = json.loads(body)["event_id"]
    with urllib.request.urlopen(f"{url}gradio_api/call/ask/{event}", timeout=120) as response:
        stream = response.read().decode("utf-8")
    events = re.findall(r"^event: (\w+)\ndata: (.*)$", stream, re.M)
    assert events and events[-1][0] == "complete", stream[:500]
    return json.loads(events[-1][1])[0]


@pytest.mark.slow
def test_api_survives_hostile_questions_and_limits_bodies(served):
    from gradio_client import Client

    url, log = served
    client = Client(url, verbose=False)
    assert "eight" in client.predict("What is the DAR of T-DXd?", api_name="/ask")["answer"]
    sample = [q for q in HOSTILE if len(q) <= 5000][::2] + ["x" * 5000]
    for question in sample:
        row = call_ask(url, question)
        COUNTS["api"] += 1
        assert isinstance(row, dict) and row["answer"], question[:40]
        if clean_question(question, 1000).error:
            assert row["error"] and len(row["question"]) <= 81, "rejected question echoed back in full"
    endpoint = url + "gradio_api/call/ask"
    big = json.dumps({"data": ["x" * 1_500_000]}).encode()  # over the 1 MiB limit
    assert post(endpoint, big)[0] == 413  # rejected before parsing (was: accepted and echoed, +230 MB)
    assert post(endpoint, big, chunked=True)[0] == 413
    assert declared_only(url, 100_000_000).startswith(b"HTTP/1.1 413")  # refused on the header alone
    assert post(endpoint, json.dumps({"data": ["What is HER2?"]}).encode())[0] == 200
    assert client.predict("What is the DAR of T-DXd?", api_name="/ask")["answer"]  # still serving
    assert "Traceback" not in log.read_text(errors="replace")


def test_zz_hostile_suite_counts():
    """Runs last in this module: how many inputs went through, and that none crashed."""
    total = sum(v for k, v in COUNTS.items() if k != "crashes")
    print(f"\nhostile suite: {COUNTS} total {total}")
    assert COUNTS["crashes"] == 0
    if COUNTS["ask"]:  # the module ran as a whole
        assert total >= 500
