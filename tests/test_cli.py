"""The CLI contract: ask (text, --json, --batch), chat, inspect, errors."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from her2qa import cli


@pytest.fixture()
def runner(assistant, monkeypatch):
    monkeypatch.setattr(cli, "_assistant", lambda settings: assistant)
    return CliRunner()


def test_ask_prints_answer_sources_and_references(runner):
    result = runner.invoke(cli.main, ["ask", "Which paper is cited for the HER2CLIMB results?"])
    assert result.exit_code == 0
    assert "Sources:" in result.output and "ref 65: Murthy R.K. et al." in result.output
    assert "https://doi.org/10.1056/NEJMoa1914609" in result.output


def test_ask_json_contract(runner):
    result = runner.invoke(cli.main, ["ask", "--json", "What IC50 does alpelisib have?"])
    data = json.loads(result.output)
    assert {"question", "answer", "abstained", "citations", "retrieved", "timings_ms"} <= set(data)
    assert "5 nM" in data["answer"] and data["abstained"] is False
    ref_keys = {"number", "authors", "title", "journal", "year", "doi", "url"}
    assert all(ref_keys <= set(r) for c in data["citations"] for r in c["references"])


def test_ask_batch_handles_conversations_and_bad_lines(runner, tmp_path):
    batch = tmp_path / "q.jsonl"
    batch.write_text("\n".join([
        json.dumps({"id": "n1", "question": "What is the DAR of T-DXd?"}),
        json.dumps({"id": "c1", "turns": ["What did the KATE2 trial test?",
                                          "And what was the PFS in the PD-L1 positive subgroup?"]}),
        "{not json",
        json.dumps({"id": "x", "turns": "not a list"}),
        json.dumps({"id": "e", "question": ""}),
    ]) + "\n")
    result = runner.invoke(cli.main, ["ask", "--batch", str(batch)])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r.get("id") for r in rows] == ["n1", "c1", None, "x", "e"]
    assert "eight" in rows[0]["answer"]
    assert "8.5 months" in rows[1]["answer"] and rows[1]["question"].startswith("And what")
    assert "line 3" in rows[2]["error"] and "turns" in rows[3]["error"]
    assert rows[4]["error"] and rows[4]["abstained"]


def test_ask_needs_a_question(runner):
    result = runner.invoke(cli.main, ["ask"])
    assert result.exit_code == 2 and "QUESTION" in result.output


def test_empty_question_exits_with_a_message(runner):
    result = runner.invoke(cli.main, ["ask", "  "])
    assert result.exit_code == 2 and "Please type a question" in result.output


def test_unknown_command_and_option_are_clear_errors():
    runner = CliRunner()
    assert runner.invoke(cli.main, ["frobnicate"]).exit_code == 2
    result = runner.invoke(cli.main, ["build", "--turbo"])
    assert result.exit_code == 2 and "No such option" in result.output


def test_chat_session(runner):
    script = "\n".join(["What did the KATE2 trial test?", "/sources",
                        "And what was the PFS in the PD-L1 positive subgroup?", "/reset",
                        "And what was the PFS in the PD-L1 positive subgroup?", "/quit"]) + "\n"
    result = runner.invoke(cli.main, ["chat"], input=script)
    assert result.exit_code == 0
    out = result.output
    assert "atezolizumab" in out and "Sources:" in out and "(new conversation)" in out
    first_pdl1, after_reset = out.split("(new conversation)")
    assert "8.5 months" in first_pdl1


def test_inspect_outline_and_json():
    runner = CliRunner()
    text = runner.invoke(cli.main, ["inspect"])
    assert text.exit_code == 0
    assert "3.1.3 TKI" in text.output and "Table 2." in text.output and "[83] den Besten W." in text.output
    data = json.loads(runner.invoke(cli.main, ["inspect", "--json"]).output)
    assert len(data["references"]) == 83 and len(data["tables"][1]["rows"]) == 9


def test_batch_bad_lines_each_get_one_error_object_in_order(runner, tmp_path):
    """Issue 9 item 4: a deep line raised RecursionError and stopped the batch; one invalid UTF-8
    byte gave no output at all; NaN ids were written back as invalid JSON; turns were unbounded."""
    batch = tmp_path / "bad.jsonl"
    batch.write_bytes(b"\n".join([
        b"[" * 5000 + b"]" * 5000,
        b'{"id": "bad", "question": "What \xff is HER2?"}',
        b'{"id": NaN, "question": "What is HER2?"}',
        json.dumps({"id": "many", "turns": ["What is HER2?"] * 1000}).encode(),
        b"x" * 70_000,
        b"",
        json.dumps({"id": "ok", "question": "What is the DAR of T-DXd?"}).encode(),
    ]) + b"\n")
    result = runner.invoke(cli.main, ["ask", "--batch", str(batch)])
    assert result.exit_code == 0 and result.exception is None
    rows = [json.loads(line, parse_constant=lambda name: pytest.fail(f"{name} in output"))
            for line in result.output.splitlines()]
    assert [r["id"] for r in rows] == [None, None, None, "many", None, None, "ok"]
    assert "nested too deeply" in rows[0]["error"] and "not valid UTF-8" in rows[1]["error"]
    assert "NaN is not valid JSON" in rows[2]["error"] and "limit is 20" in rows[3]["error"]
    assert "bytes; the limit is" in rows[4]["error"] and "empty line" in rows[5]["error"]
    assert [r.get("line") for r in rows[:6]] == [1, 2, 3, 4, 5, 6]
    assert "eight" in rows[6]["answer"]


def test_unexpected_errors_are_one_line_without_traceback(runner, monkeypatch, assistant):
    def broken(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(assistant, "ask", broken)
    result = runner.invoke(cli.main, ["ask", "What is HER2?"])
    assert result.exit_code == 1 and "unexpected error (ZeroDivisionError: boom)" in result.output
    assert "Traceback" not in result.output
