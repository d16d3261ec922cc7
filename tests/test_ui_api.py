"""The Gradio app through its API (real server, real index, real models) and the Markdown export.

The server runs in a subprocess on a free loopback port, exactly as a user starts it
(``python app.py`` / ``her2qa serve``), and is driven with ``gradio_client``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from her2qa.export import cited_references, conversation_markdown, reference_entry
from her2qa.results import Answer, Citation, ReferenceInfo, Retrieved
from her2qa.settings import PROJECT_ROOT

from .conftest import free_port

HER2CLIMB_Q = "What was the median PFS with tucatinib versus placebo in HER2CLIMB?"
EMILIA_Q = "Which paper is cited for the EMILIA trial results?"
MURTHY_DOI = "10.1056/NEJMoa1914609"
VERMA_DOI = "10.1056/NEJMoa1209124"


# --------------------------------------------------------------------------- server helpers

def serve_argv(port: int) -> list[str]:
    """`her2qa serve` on a loopback port (the same code path as `python app.py`)."""
    return [sys.executable, "-m", "her2qa.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]


def start_server(index_dir: Path, log_path: Path, timeout: float = 120.0):
    """Start the app on a free port; return (process, url) once ``/`` answers 200."""
    port = free_port()
    env = {**os.environ, "HER2QA_INDEX_DIR": str(index_dir), "HER2QA_PORT": str(port),
           "GRADIO_ANALYTICS_ENABLED": "False", "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"}
    log = open(log_path, "w")
    proc = subprocess.Popen(serve_argv(port), cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            log.close()
            raise RuntimeError(f"server exited with {proc.returncode}:\n{log_path.read_text()[-4000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return proc, url
        except OSError:
            pass
        time.sleep(0.3)
    stop_server(proc)
    raise RuntimeError(f"server did not answer within {timeout} s:\n{log_path.read_text()[-4000:]}")


def stop_server(proc) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def server(built_settings, tmp_path_factory):
    proc, url = start_server(built_settings.index_dir, tmp_path_factory.mktemp("ui-api") / "server.log")
    yield url
    stop_server(proc)


@pytest.fixture(scope="module")
def client(server):
    from gradio_client import Client

    return Client(server, verbose=False)


CHAT_OUTPUTS = ["history", "sources", "passage", "textbox", "conversation_md", "conversation_bib", "conversation_ris",
                "answer_md", "answer_bib", "answer_ris", "plain", "store", "saved"]


def chat(client, question: str) -> dict:
    """One /chat turn (the page's streaming endpoint) as a dict of its named outputs."""
    return dict(zip(CHAT_OUTPUTS, client.predict(question, [], None, api_name="/chat")))


def export_file(value) -> Path:
    """The exported Markdown file from the /chat output (a path, or an update dict holding one)."""
    if isinstance(value, dict):
        value = value.get("value")
    if isinstance(value, dict):  # FileData
        value = value.get("path")
    return Path(value)


def message_text(message) -> str:
    """Text of a chat message as gradio_client returns it (a string or a list of parts)."""
    content = message["content"] if isinstance(message, dict) else message
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(p.get("text", "") if isinstance(p, dict) else str(p) for p in content)
    return str(content)


# --------------------------------------------------------------------------- Markdown export

def _ref(number: int, doi: str = "", pubmed: bool = True) -> ReferenceInfo:
    return ReferenceInfo(number=number, authors=f"Author{number} A., Other B., et al.", title=f"Paper {number}",
                         journal="N. Engl. J. Med.", year=2020, doi=doi,
                         url=f"https://doi.org/{doi}" if doi else "https://example.org/paper",
                         pubmed_url=f"https://pubmed.ncbi.nlm.nih.gov/?term={number}" if pubmed else "")


def _citation(marker: int, refs: list[ReferenceInfo], section: str = "3.1.3") -> Citation:
    return Citation(marker=marker, chunk_id=f"c{marker}", section=section, section_title="TKI", kind="text",
                    text="Median PFS was 7.8 vs. 5.6 months [65].", quote="Median PFS was 7.8 vs. 5.6 months [65].",
                    references=refs)


def test_export_lists_every_cited_reference_once_with_doi():
    murthy = _ref(65, MURTHY_DOI)
    verma = _ref(39, VERMA_DOI)
    no_doi = _ref(7, "", pubmed=False)
    answers = [
        Answer(question="Q one?", answer="Seven point eight [1].", citations=[_citation(1, [murthy, no_doi])]),
        Answer(question="Q two?", answer="EMILIA [1]. Again [2].",
               citations=[_citation(1, [verma]), _citation(2, [murthy], section="3.1.1")]),
        Answer(question="Zebras?", answer="The review does not mention zebras.", abstained=True,
               related=[Retrieved(chunk_id="r", section="4.4", kind="text", score=0.1, text="Nearby passage.")]),
        Answer(question="", answer="", abstained=True, error="Please type a question about the review."),
    ]
    text = conversation_markdown(answers, about={"citation": "Tapia et al., Cancers 2023", "licence": "CC BY 4.0"},
                                 exported_at="2024-01-01 00:00")
    assert text.startswith("# her2qa conversation")
    assert "Source: Tapia et al., Cancers 2023 (CC BY 4.0)." in text
    assert "## Q1. Q one?" in text and "## Q2. Q two?" in text
    assert "**Not in the review.**" in text and "Related passages (not evidence)" in text
    assert "**Error:** Please type a question about the review." in text
    bibliography = text.split("## Bibliography", 1)[1]
    entries = [line for line in bibliography.splitlines() if line.startswith("- [")]
    assert [e.split("]")[0] for e in entries] == ["- [7", "- [39", "- [65"]  # sorted, each once
    assert f"doi:{MURTHY_DOI} <https://doi.org/{MURTHY_DOI}>" in bibliography
    assert f"doi:{VERMA_DOI}" in bibliography
    assert "<https://example.org/paper>" in bibliography  # no DOI: the printed link
    assert "- [1] §3.1.3 TKI" in text  # per-answer source lines


def test_export_accepts_conversation_turns_and_is_empty_safe():
    from her2qa.chat import Conversation, Turn

    answer = Answer(question="Q?", answer="A [1].", citations=[_citation(1, [_ref(65, MURTHY_DOI)])])
    conversation = Conversation()
    conversation.add(Turn(question="Q?", resolved="Q?", answer=answer))
    assert [r.number for r in cited_references([answer])] == [65]
    assert conversation_markdown(conversation.turns) == conversation_markdown([("Q?", answer)])
    empty = conversation_markdown([])
    assert "_No questions asked yet._" in empty and "_No references of the review were cited._" in empty
    assert reference_entry(_ref(65, MURTHY_DOI)).startswith("[65] Author65 A., Other B., et al. Paper 65.")


# --------------------------------------------------------------------------- rendering helpers

def test_passage_html_escapes_text_before_marking_the_quote():
    from her2qa.ui_render import citation_html

    evil = _ref(65, MURTHY_DOI)
    citation = Citation(marker=2, chunk_id="x", section="3.1.3", section_title="TKI <b>", kind="text",
                        text="Intro <script>alert(1)</script> [64]. Median PFS was 7.8 vs. 5.6 months [65]. Tail.",
                        quote="Median PFS was 7.8 vs. 5.6 months [65].", references=[evil])
    html = citation_html(citation)
    assert "<script>" not in html and "&lt;script&gt;" in html and "TKI &lt;b&gt;" in html
    assert "<mark>Median PFS was 7.8 vs. 5.6 months [65].</mark>" in html
    assert "Section 3.1.3" in html
    assert (f'<a href="https://doi.org/{MURTHY_DOI}" target="_blank" rel="noopener noreferrer">'
            f"{MURTHY_DOI}</a>") in html
    assert 'target="_blank" rel="noopener noreferrer" title="PubMed search for this paper">Search PubMed</a>' in html


def test_answer_markdown_links_markers_and_marks_abstentions():
    from her2qa.ui_render import answer_markdown, sources_html

    answer = Answer(question="q", answer="PFS was 7.8 months [1]. See *also* <b>x</b> [2].",
                    citations=[_citation(1, []), _citation(2, [], section="2.1")])
    md = answer_markdown(answer, turn=3)
    assert '[\\[1\\]](#cite-3-1 "[1] §3.1.3 TKI: \u201cMedian PFS' in md and "[\\[2\\]](#cite-3-2 " in md
    assert "<b>" not in md and "\\*also\\*" in md
    abstained = Answer(question="What do zebras do nearby?", answer="The review does not mention zebras.",
                       abstained=True, related=[Retrieved(chunk_id="r", section="4.4", kind="text", score=0.1,
                                                          text="Zebras nearby <i>by</i>.")])
    md = answer_markdown(abstained, turn=0)
    assert "Not in the review" in md and "#cite-" not in md
    panel = sources_html(abstained, None)
    assert "Related passages (not evidence)" in panel and "Zebras nearby &lt;i&gt;by&lt;/i&gt;." in panel
    error = Answer(question="", answer="", error="Please type a question about the review.")
    assert answer_markdown(error, 0).startswith("**Could not answer.**")


# --------------------------------------------------------------------------- command and import cost

def test_importing_the_ui_module_is_cheap():
    code = "import sys, her2qa.ui; print(sorted(m for m in ('gradio', 'torch', 'chromadb') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_serve_command_options(monkeypatch):
    from her2qa.ui import serve_command

    assert serve_command.name == "serve"
    ctx = serve_command.make_context("serve", [])
    assert ctx.params["host"] == "127.0.0.1" and ctx.params["port"] == 7860
    monkeypatch.setenv("HER2QA_PORT", "8123")
    assert serve_command.make_context("serve", []).params["port"] == 8123
    assert serve_command.make_context("serve", ["--port", "9001", "--host", "0.0.0.0"]).params == {
        "host": "0.0.0.0", "port": 9001, "concurrency": 4}
    # Gradio's standard variables (Docker images, hosted Spaces) work when HER2QA_* are not set.
    monkeypatch.delenv("HER2QA_PORT")
    monkeypatch.setenv("GRADIO_SERVER_PORT", "7999")
    monkeypatch.setenv("GRADIO_SERVER_NAME", "0.0.0.0")
    assert serve_command.make_context("serve", []).params == {"host": "0.0.0.0", "port": 7999, "concurrency": 4}


# --------------------------------------------------------------------------- /ask and /chat

@pytest.mark.slow
def test_ask_endpoint_numeric_answer_with_citations(client):
    result = client.predict(HER2CLIMB_Q, api_name="/ask")
    assert isinstance(result, dict)
    assert not result["error"] and not result["abstained"]
    assert "7.8" in result["answer"] and "5.6" in result["answer"]
    assert "[1]" in result["answer"]
    sections = {c["section"] for c in result["citations"]}
    assert "3.1.3" in sections
    cited = next(c for c in result["citations"] if c["section"] == "3.1.3")
    assert cited["quote"] and cited["quote"] in cited["text"]
    # same contract as `her2qa ask --json`
    assert set(result) >= {"question", "answer", "abstained", "citations", "related", "retrieved",
                           "timings_ms", "resolved_question", "backend", "notice", "verifier", "error"}


@pytest.mark.slow
def test_ask_endpoint_reference_question_gives_doi(client):
    result = client.predict(EMILIA_Q, api_name="/ask")
    assert not result["error"]
    dois = {r["doi"] for c in result["citations"] for r in c["references"]}
    assert VERMA_DOI in dois, dois


@pytest.mark.slow
def test_ask_endpoint_bad_input_is_a_readable_error(client, built_settings):
    empty = client.predict("", api_name="/ask")
    assert empty["error"] and "Traceback" not in empty["error"]
    assert "question" in empty["error"].lower()
    too_long = client.predict("x" * (built_settings.max_question_chars + 1), api_name="/ask")
    assert too_long["error"] and str(built_settings.max_question_chars) in too_long["error"]


@pytest.mark.slow
def test_chat_endpoint_returns_sources_passage_and_exports(server):
    from gradio_client import Client

    out = chat(Client(server, verbose=False), HER2CLIMB_Q)  # its own session: its own conversation
    history, sources, passage = out["history"], out["sources"], out["passage"]
    reply = message_text(history[-1])
    assert history[-1]["role"] == "assistant" and "7.8" in reply
    assert "(#cite-0-1 " in reply  # inline markers link to their source, with a preview title
    assert sources["choices"] and sources["value"] == sources["choices"][0][1]
    assert "Section" in passage and "<mark" in passage
    assert 'target="_blank"' in passage and "noopener" in passage

    text = export_file(out["conversation_md"]).read_text(encoding="utf-8")
    assert f"## Q1. {HER2CLIMB_Q}" in text
    bibliography = text.split("## Bibliography", 1)[1]
    passage_dois = set(re.findall(r'href="https://doi.org/([^"]+)"', passage))
    assert passage_dois, "the HER2CLIMB passage cites a reference with a DOI"
    bibtex = export_file(out["answer_bib"]).read_text(encoding="utf-8")
    ris = export_file(out["conversation_ris"]).read_text(encoding="utf-8")
    for doi in passage_dois:  # every reference of a cited passage is in the bibliography, BibTeX and RIS
        assert f"doi:{doi}" in bibliography.replace("\\_", "_")
        assert f"doi = {{{doi}}}" in bibtex and f"DO  - {doi}" in ris
    assert out["plain"].startswith(f"Q: {HER2CLIMB_Q}")
    saved = out["store"]["conversations"]
    assert len(saved) == 1 and saved[0]["title"].startswith("What was the median PFS")


@pytest.mark.slow
def test_chat_endpoint_empty_question_adds_no_turn(server):
    from gradio_client import Client

    client = Client(server, verbose=False)
    out = chat(client, "   ")
    assert not isinstance(out["history"], list) or not out["history"]  # nothing happened
    first = chat(client, "What did the KATE2 trial test?")
    assert len(first["history"]) == 2  # the empty submit left no "(empty question)" turn behind


@pytest.mark.slow
def test_several_users_get_their_own_answers_at_once(server):
    from concurrent.futures import ThreadPoolExecutor

    from gradio_client import Client

    questions = {"KATE2": "What did the KATE2 trial test?", "EMILIA": EMILIA_Q,
                 "DESTINY-Breast 09": "What is the primary endpoint of DESTINY-Breast 09?"}

    def one(question):
        return [message_text(m) for m in chat(Client(server, verbose=False), question)["history"]]

    with ThreadPoolExecutor(len(questions)) as pool:
        results = dict(zip(questions, pool.map(one, questions.values())))
    for key, messages in results.items():
        assert len(messages) == 2, messages  # each session sees only its own question and answer
        assert key in messages[1]


@pytest.mark.slow
def test_missing_index_starts_and_says_run_build(tmp_path):
    from gradio_client import Client

    proc, url = start_server(tmp_path / "no-index", tmp_path / "server.log")
    try:
        result = Client(url, verbose=False).predict(HER2CLIMB_Q, api_name="/ask")
        assert result["error"] and "her2qa build" in result["error"]
        reply = message_text(chat(Client(url, verbose=False), HER2CLIMB_Q)["history"][-1])
        assert "her2qa build" in reply and "Traceback" not in reply
    finally:
        stop_server(proc)


# Behaviour of the answering library seen through the app (kept last: they track library work).

@pytest.mark.slow
def test_chat_endpoint_follow_up_uses_the_session_history(server):
    from gradio_client import Client

    client = Client(server, verbose=False)
    assert "KATE2" in message_text(chat(client, "What did the KATE2 trial test?")["history"][-1])
    out = chat(client, "And what was the PFS in the PD-L1 positive subgroup?")
    follow_up = message_text(out["history"][-1])
    assert "#cite-1-1" in follow_up, follow_up  # second turn of this session, with a citation
    assert "8.5" in follow_up and "4.1" in follow_up, follow_up
    assert "Section 3.1.2" in out["passage"]
    text = export_file(out["conversation_md"]).read_text(encoding="utf-8")
    assert "## Q2. And what was the PFS in the PD-L1 positive subgroup?" in text


@pytest.mark.slow
def test_ask_endpoint_cites_the_trial_paper_for_her2climb(client):
    """[65] Murthy et al. NEJM 2020 is the paper the review cites for HER2CLIMB's results."""
    result = client.predict(HER2CLIMB_Q, api_name="/ask")
    dois = {r["doi"] for c in result["citations"] for r in c["references"]}
    assert MURTHY_DOI in dois, dois


def test_app_py_and_serve_share_one_command_line():
    app = subprocess.run([sys.executable, str(PROJECT_ROOT / "app.py"), "--help"], capture_output=True,
                         text=True, timeout=60, cwd=PROJECT_ROOT)
    assert app.returncode == 0 and "--port" in app.stdout and "--host" in app.stdout
    bad = subprocess.run([sys.executable, "-m", "her2qa.cli", "serve", "--bogus"], capture_output=True,
                         text=True, timeout=60, cwd=PROJECT_ROOT)
    assert bad.returncode == 2 and "No such option '--bogus'" in bad.stderr and "Traceback" not in bad.stderr
