"""The chat UI in headless Chromium (Debian's /usr/bin/chromium driven by Python Playwright).

A real server (real index, real models) in a subprocess; the page is used as a person would:
type a question, watch the answer stream in, pick a source, follow a marker, open a second
browser session. Saves a screenshot to test-output/ui.png.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from her2qa.settings import PROJECT_ROOT

from .conftest import free_port

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOT = PROJECT_ROOT / "test-output" / "ui.png"
EMILIA_Q = "Which paper is cited for the EMILIA trial results?"
VERMA_DOI = "10.1056/NEJMoa1209124"
TIMEOUT_MS = 120_000  # generous: CI machines are small and may be busy

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium "
                       "(apt-get install -y chromium); never `playwright install`"),
]


@pytest.fixture(scope="module")
def server(built_settings, tmp_path_factory):
    """``python app.py`` on a free loopback port with the test index."""
    port = free_port()
    log_path = tmp_path_factory.mktemp("ui-browser") / "server.log"
    env = {**os.environ, "HER2QA_INDEX_DIR": str(built_settings.index_dir), "HER2QA_PORT": str(port),
           "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"}
    with open(log_path, "w") as log:
        proc = subprocess.Popen([sys.executable, str(PROJECT_ROOT / "app.py")], cwd=PROJECT_ROOT, env=env,
                                stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"server exited:\n{log_path.read_text()[-4000:]}")
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"server did not start:\n{log_path.read_text()[-4000:]}")
            time.sleep(0.3)
        # Wait for the models to finish loading (in the background) so the page tests time the UI only.
        from gradio_client import Client

        Client(url, verbose=False).predict("What is HER2?", api_name="/ask")
        yield url
    finally:
        if "Traceback" in log_path.read_text():
            print(f"server log:\n{log_path.read_text()[-4000:]}")
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM))
        yield browser
        browser.close()


def open_page(browser, url: str):
    context = browser.new_context(viewport={"width": 1400, "height": 1100})
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url)
            if not r.url.startswith(("http://127.0.0.1", "http://localhost", "data:", "blob:")) else None)
    page.goto(url)
    page.wait_for_selector("#her2qa-question textarea")
    return context, page, outside


def ask(page, question: str) -> None:
    page.fill("#her2qa-question textarea", question)
    page.keyboard.press("Enter")


def last_bot_text(page) -> str:
    bots = page.locator("#her2qa-chat [data-testid=bot]")
    return bots.nth(bots.count() - 1).inner_text() if bots.count() else ""


def wait_answered(page, turns: int) -> None:
    """Wait until the chat holds ``turns`` finished answers (no streaming cursor, sources filled)."""
    try:
        page.wait_for_function(
            """(turns) => {
                const bots = document.querySelectorAll('#her2qa-chat [data-testid=bot]');
                if (bots.length < turns) return false;
                const text = bots[bots.length - 1].innerText;
                return !text.includes('\u258c') && !text.includes('Searching the review')
                    && !text.includes('Loading the index');
            }""", arg=turns, timeout=TIMEOUT_MS)
    except Exception as exc:
        raise AssertionError(f"no answer #{turns} in time; the chat shows:\n{page.inner_text('#her2qa-chat')}") from exc


def test_question_streams_and_a_selected_citation_shows_passage_and_doi(browser, server):
    context, page, outside = open_page(browser, server)
    try:
        # Record every text the answer bubble shows, to see it arrive piece by piece.
        page.evaluate("""() => {
            window.__her2qaSeen = [];
            const chat = document.querySelector('#her2qa-chat');
            new MutationObserver(() => {
                const bots = chat.querySelectorAll('[data-testid=bot]');
                if (bots.length) window.__her2qaSeen.push(bots[bots.length - 1].innerText);
            }).observe(chat, {subtree: true, childList: true, characterData: true});
        }""")
        ask(page, EMILIA_Q)
        wait_answered(page, 1)
        seen = page.evaluate("() => window.__her2qaSeen")
        answer = last_bot_text(page)
        assert "EMILIA" in answer and "[1]" in answer
        partial = [s for s in seen if "\u258c" in s]  # the streaming cursor: text still arriving
        assert partial, "the answer should appear progressively"
        assert any(len(s) < len(answer) for s in partial)

        # The sources column lists the answer's citations; the first is shown with its quote marked.
        page.wait_for_selector("#her2qa-passage mark", timeout=TIMEOUT_MS)
        labels = page.locator("#her2qa-sources label")
        count = labels.count()
        assert count >= 1
        shown = "() => document.querySelector('#her2qa-passage .her2qa-passage')?.dataset.marker"

        # Clicking an inline marker [n] in the answer shows that source.
        page.locator(f'#her2qa-chat a[href="#cite-0-{count}"]').first.click()
        page.wait_for_function(f"() => ({shown})() === '{count}'", timeout=15_000)
        assert page.locator("#her2qa-passage mark").count() >= 1

        # Selecting a source in the list shows its passage: find the one citing Verma et al. (EMILIA).
        doi_link = page.locator(f'#her2qa-passage a[href="https://doi.org/{VERMA_DOI}"]')
        for i in range(count):
            labels.nth(i).click()
            page.wait_for_function(f"() => ({shown})() === '{i + 1}'", timeout=15_000)
            if doi_link.count():
                break
        passage = page.inner_text("#her2qa-passage")
        assert "Section" in passage and ("EMILIA" in passage or "Verma" in passage)
        assert page.locator("#her2qa-passage mark").count() >= 1
        assert doi_link.count() >= 1, passage
        assert doi_link.first.get_attribute("target") == "_blank"
        assert "noopener" in (doi_link.first.get_attribute("rel") or "")
        assert page.locator("#her2qa-passage a", has_text="PubMed").count() >= 1

        # The About panel says where answers come from.
        page.click("#her2qa-about")
        page.wait_for_function("() => document.querySelector('#her2qa-about').innerText.includes('CC BY 4.0')",
                               timeout=TIMEOUT_MS)
        about = page.inner_text("#her2qa-about")
        assert "Tapia" in about and "extractive" in about.lower()

        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOT), full_page=True)
        assert not outside, f"the page fetched something off this machine: {outside}"
    finally:
        context.close()


def test_abstention_is_visibly_different_and_earlier_answers_stay_selectable(browser, server):
    context, page, _ = open_page(browser, server)
    try:
        ask(page, "What is the primary endpoint of DESTINY-Breast 09?")
        wait_answered(page, 1)
        ask(page, "What was the overall survival with pembrolizumab in KEYNOTE-999?")
        wait_answered(page, 2)
        assert "Not in the review" in last_bot_text(page)
        assert page.locator("#her2qa-chat .her2qa-abstain").count() == 1
        page.wait_for_selector("#her2qa-passage .her2qa-related", timeout=TIMEOUT_MS)
        assert "Related passages (not evidence)" in page.inner_text("#her2qa-passage")
        assert page.locator("#her2qa-sources input").count() == 0  # no citations offered as evidence

        # Selecting the earlier answer in the chat brings its sources back.
        page.locator("#her2qa-chat [data-testid=bot]").first.click(position={"x": 12, "y": 8})
        page.wait_for_selector("#her2qa-passage .her2qa-passage mark", timeout=15_000)
        assert "DESTINY-Breast 09" in page.inner_text("#her2qa-passage")
        assert page.locator("#her2qa-sources input").count() >= 1
    finally:
        context.close()


def test_two_browser_sessions_do_not_share_history(browser, server):
    ctx_a, page_a, _ = open_page(browser, server)
    ctx_b, page_b, _ = open_page(browser, server)
    try:
        ask(page_a, "What did the KATE2 trial test?")
        ask(page_b, "What is the primary endpoint of DESTINY-Breast 09?")
        wait_answered(page_a, 1)
        wait_answered(page_b, 1)
        chat_a, chat_b = page_a.inner_text("#her2qa-chat"), page_b.inner_text("#her2qa-chat")
        assert "KATE2" in chat_a and "DESTINY-Breast 09" not in chat_a
        assert "DESTINY-Breast 09" in chat_b and "What did the KATE2 trial test?" not in chat_b

        # A follow-up in A resolves against A's own history only; B still has one turn.
        ask(page_a, "And what was the PFS in the PD-L1 positive subgroup?")
        wait_answered(page_a, 2)
        assert page_b.locator("#her2qa-chat [data-testid=bot]").count() == 1

        # "New conversation" empties A's chat and its sources, and leaves B alone.
        page_a.click("#her2qa-new")
        page_a.wait_for_function(
            "() => document.querySelectorAll('#her2qa-chat [data-testid=bot]').length === 0", timeout=15_000)
        assert page_a.locator("#her2qa-sources input").count() == 0
        assert page_b.locator("#her2qa-chat [data-testid=bot]").count() == 1
    finally:
        ctx_a.close()
        ctx_b.close()
