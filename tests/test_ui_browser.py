"""The web UI in headless Chromium (Debian's /usr/bin/chromium driven by Python Playwright), on a
desktop (1440×900) and a phone (390×844) viewport.

A real server (real index, real models) in a subprocess; the page is used as a person would:
ask, hover and click citation markers, open the Explore tab, reload, export. Accessibility is
checked with axe-core (npm, ``make axe``). Screenshots go to /tmp/her2qa-ui-*.png.
"""

from __future__ import annotations

import json
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
AXE = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = Path("/tmp")
HER2CLIMB_Q = "What was the median PFS with tucatinib versus placebo in HER2CLIMB?"
DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}
TIMEOUT_MS = 120_000  # generous: CI machines are small and may be busy

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium "
                       "(make chromium); never `playwright install`"),
]


@pytest.fixture(scope="module")
def server(request, tmp_path_factory):
    """``python app.py`` on a free loopback port with the test index (port from Gradio's variable).
    ``HER2QA_TEST_UI_URL`` points the tests at an already running server instead (development)."""
    if os.environ.get("HER2QA_TEST_UI_URL"):
        yield os.environ["HER2QA_TEST_UI_URL"]
        return
    port = free_port()
    log_path = tmp_path_factory.mktemp("ui-browser") / "server.log"
    built_settings = request.getfixturevalue("built_settings")
    env = {**os.environ, "HER2QA_INDEX_DIR": str(built_settings.index_dir), "GRADIO_SERVER_PORT": str(port),
           "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"}
    env.pop("HER2QA_PORT", None)
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
        from gradio_client import Client

        Client(url, verbose=False).predict("What is HER2?", api_name="/ask")  # models loaded
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


def open_page(browser, url: str, viewport=DESKTOP, context=None, dark: bool = False):
    context = context or browser.new_context(viewport=viewport, is_mobile=viewport is PHONE,
                                             has_touch=viewport is PHONE, accept_downloads=True,
                                             color_scheme="dark" if dark else "light")
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url)
            if not r.url.startswith(("http://127.0.0.1", "http://localhost", "data:", "blob:")) else None)
    page.goto(url + ("?__theme=dark" if dark else ""))
    page.wait_for_selector("#her2qa-question textarea")
    return context, page, outside


def ask(page, question: str) -> None:
    page.fill("#her2qa-question textarea", question)
    page.keyboard.press("Enter")


def bots(page):
    return page.locator("#her2qa-chat [data-testid=bot]")


def last_bot_text(page) -> str:
    return bots(page).nth(bots(page).count() - 1).inner_text() if bots(page).count() else ""


def wait_answered(page, turns: int) -> None:
    """Wait until the chat holds ``turns`` finished answers."""
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


def record_bot_texts(page) -> None:
    """Keep every text the last answer bubble shows (to see how the answer arrives)."""
    # the chat mounts after the question box on a slow first load: observe it once it is there
    page.wait_for_selector("#her2qa-chat", state="attached")
    page.evaluate("""() => {
        window.__her2qaSeen = [];
        const chat = document.querySelector('#her2qa-chat');
        new MutationObserver(() => {
            const bots = chat.querySelectorAll('[data-testid=bot]');
            if (bots.length) window.__her2qaSeen.push(bots[bots.length - 1].innerText);
        }).observe(chat, {subtree: true, childList: true, characterData: true});
    }""")


def in_viewport(page, selector: str) -> bool:
    return page.evaluate("""(sel) => {
        const r = document.querySelector(sel).getBoundingClientRect();
        return r.top < window.innerHeight && r.bottom > 0;
    }""", selector)


def scrolled_into_view(page, selector: str, timeout: int = 5_000) -> bool:
    """Whether ``selector`` reaches the viewport once a smooth scroll has had ``timeout`` ms to run
    (checking at once races the animation: the panel's top arrives before the passage inside it)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function("""(sel) => { const r = document.querySelector(sel).getBoundingClientRect();
                                  return r.top < window.innerHeight && r.bottom > 0; }""", arg=selector, timeout=timeout)
        return True
    except PlaywrightTimeout:
        return False


def shown_marker(page) -> str | None:
    return page.evaluate("() => document.querySelector('#her2qa-passage .her2qa-passage')?.dataset.marker || null")


def axe_violations(page) -> list[dict]:
    """axe-core's WCAG 2 A/AA violations on the page as it is (serious and critical only)."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']},
                                           resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                        nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
    }""")
    return [v for v in result if v["impact"] in ("serious", "critical")]


def click_marker_and_check_passage(page, marker: int = 1) -> None:
    link = page.locator(f'#her2qa-chat a[href="#cite-0-{marker}"]').first
    link.click()
    page.wait_for_function(f"() => document.querySelector('#her2qa-passage .her2qa-passage')?.dataset.marker === "
                           f"'{marker}'", timeout=15_000)
    page.wait_for_function("() => { const r = document.querySelector('#her2qa-sources-panel').getBoundingClientRect();"
                           " return r.top < window.innerHeight && r.bottom > 0; }", timeout=5_000)
    assert "her2qa-cite-selected" in (link.get_attribute("class") or "")  # the selected marker is marked
    assert link.get_attribute("aria-current") == "true"
    assert page.locator("#her2qa-passage mark").count() >= 1  # the quote is highlighted


# --------------------------------------------------------------------------- desktop

def test_desktop_answer_appears_at_once_markers_preview_select_and_export(browser, server):
    context, page, outside = open_page(browser, server)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.rstrip("/"))
    try:
        record_bot_texts(page)
        ask(page, HER2CLIMB_Q)
        wait_answered(page, 1)
        answer = last_bot_text(page)
        assert "7.8 months" in answer and "[1]" in answer
        # No artificial delay: the first text after the "Searching" placeholder is the whole answer.
        seen = [s for s in page.evaluate("() => window.__her2qaSeen")
                if s.strip() and "Searching the review" not in s and "Loading the index" not in s]
        assert seen and seen[0] == answer, seen[:3]
        assert not any("\u258c" in s for s in seen)

        # Hovering a marker previews its passage.
        link = page.locator('#her2qa-chat a[href="#cite-0-1"]').first
        link.hover()
        page.wait_for_selector("#her2qa-preview:not([hidden])", timeout=5_000)
        preview = page.inner_text("#her2qa-preview")
        assert preview.startswith("[1] §") and "\u201c" in preview
        page.mouse.move(1, 1)
        page.wait_for_selector("#her2qa-preview", state="hidden", timeout=5_000)
        link.focus()  # keyboard users get the same preview on focus
        page.wait_for_selector("#her2qa-preview:not([hidden])", timeout=5_000)
        assert page.inner_text("#her2qa-preview") == preview

        # Clicking it selects it (visibly), shows its passage and keeps the sources in view.
        click_marker_and_check_passage(page, 1)
        quote = preview.split("\u201c", 1)[1].rstrip("\u201d")[:60]
        assert " ".join(quote.split()) in " ".join(page.inner_text("#her2qa-passage mark").split())
        # "Show in context" opens the surrounding paragraphs with the quote highlighted.
        page.locator("#her2qa-passage summary", has_text="Show in context").click()
        context_box = page.locator("#her2qa-passage .her2qa-context-text")
        assert context_box.is_visible() and context_box.locator("mark").count() >= 1

        # BibTeX of this answer's references (the passage cites a paper with a DOI).
        dois = page.eval_on_selector_all("#her2qa-passage a[href^='https://doi.org/']",
                                         "els => els.map(e => e.getAttribute('href').slice(16))")
        assert dois
        with page.expect_download() as download:
            page.click("#her2qa-export-answer-bib")
        bibtex = Path(download.value.path()).read_text(encoding="utf-8")
        assert bibtex.startswith("@article{") and f"doi = {{{dois[0]}}}" in bibtex

        # Copy as plain text: references resolved, no Markdown or HTML.
        page.click("#her2qa-copy")
        page.wait_for_function("() => document.querySelector('#her2qa-copy-status').innerText.includes('copied')",
                               timeout=5_000)
        copied = page.evaluate("() => navigator.clipboard.readText()")
        assert copied.startswith(f"Q: {HER2CLIMB_Q}") and dois[0] in copied
        assert "](#cite" not in copied and "<mark" not in copied and "\\[" not in copied

        # Accessibility: a labelled input, plain-text names for messages, no serious axe violations.
        assert page.get_by_label("Your question about the review").count() >= 1
        label = bots(page).first.get_attribute("aria-label") or ""
        assert label.startswith("Answer 1:") and "](#" not in label and "<mark" not in label and "\\[" not in label
        if AXE.exists():
            violations = axe_violations(page)
            assert not violations, json.dumps(violations, indent=1)
        page.screenshot(path=str(SHOTS / "her2qa-ui-desktop.png"), full_page=False)
        assert not outside, f"the page fetched something off this machine: {outside}"
    finally:
        context.close()


def test_injected_html_in_a_question_does_not_execute(browser, server):
    context, page, _ = open_page(browser, server)
    try:
        evil = "<img src=x onerror=\"window.__her2qaXss=1\"> <script>window.__her2qaXss=2</script> capital of France?"
        ask(page, evil)
        wait_answered(page, 1)
        page.wait_for_timeout(500)
        assert page.evaluate("() => window.__her2qaXss") is None
        assert page.locator("#her2qa-chat img[src='x']").count() == 0
        assert "<img src=x" in page.inner_text("#her2qa-chat [data-testid=user]")  # shown as text
        assert "Not in the review" in last_bot_text(page)  # and an abstention looks like one
        assert page.locator("#her2qa-chat .her2qa-abstain").count() == 1
    finally:
        context.close()


# --------------------------------------------------------------------------- phone

def test_phone_marker_tap_scrolls_to_the_passage(browser, server):
    context, page, _ = open_page(browser, server, PHONE, dark=True)  # dark theme: axe checks its contrast too
    try:
        ask(page, HER2CLIMB_Q)
        wait_answered(page, 1)
        # A reader looks at the answer (Playwright's own scrolling while typing depends on timing).
        page.evaluate("() => window.scrollTo(0, 0)")
        page.locator('#her2qa-chat a[href="#cite-0-1"]').first.scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / "her2qa-ui-phone-answer.png"))
        assert not in_viewport(page, "#her2qa-passage")  # the sources sit below the chat on a phone
        click_marker_and_check_passage(page, 1)
        assert scrolled_into_view(page, "#her2qa-passage")
        page.wait_for_timeout(600)  # let the smooth scroll settle for the screenshot
        page.screenshot(path=str(SHOTS / "her2qa-ui-phone-passage.png"))
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= PHONE["width"] + 1, f"the page scrolls sideways on a phone ({width}px)"
        if AXE.exists():
            violations = axe_violations(page)
            assert not violations, json.dumps(violations, indent=1)
    finally:
        context.close()


def test_phone_explore_tab_outline_tables_and_reference_search(browser, server):
    context, page, _ = open_page(browser, server, PHONE)
    try:
        page.get_by_role("tab", name="Explore the review").click()
        page.wait_for_selector("#her2qa-outline nav.her2qa-outline")
        for key in ("3", "3.1", "3.1.3"):  # the outline is a tree: open 3, then 3.1, then 3.1.3
            section = page.locator(f"details.her2qa-sec[data-key='{key}'] > summary")
            section.scroll_into_view_if_needed()
            section.click()
        body = page.locator("details.her2qa-sec[data-key='3.1.3'] > .her2qa-sec-body")
        assert body.is_visible()
        assert body.locator("a.her2qa-ref[href^='https://doi.org/']").count() >= 1  # [n] resolved to papers

        # gr.Dataframe renders a virtualised ARIA grid: its row count includes the header row.
        for number, rows in ((1, 7), (2, 9)):
            grid = page.locator(f"#her2qa-table-{number} [role=grid]")
            grid.scroll_into_view_if_needed()
            assert int(grid.get_attribute("aria-rowcount")) - 1 == rows
            assert f"({rows} rows)" in page.inner_text("#her2qa-tables")
        # The tables are filterable: filtering Table 2 for one trial leaves its row.
        page.locator("#her2qa-table-2 input.search-input").fill("DESTINY-Breast 09")
        page.wait_for_function("() => document.querySelector('#her2qa-table-2').innerText.includes('DESTINY-Breast 09')"
                               " && !document.querySelector('#her2qa-table-2').innerText.includes('DESTINY-Breast 12')",
                               timeout=15_000)

        search = page.locator("#her2qa-ref-search textarea, #her2qa-ref-search input").first
        search.fill("Murthy")
        page.wait_for_function("() => document.querySelector('#her2qa-ref-list').innerText.includes('1 of 83')",
                               timeout=15_000)
        assert page.locator("#her2qa-ref-list a[href='https://doi.org/10.1056/NEJMoa1914609']").count() == 1
        page.screenshot(path=str(SHOTS / "her2qa-ui-phone-explore.png"))
        if AXE.exists():
            violations = axe_violations(page)
            assert not violations, json.dumps(violations, indent=1)

        # Asking about a table row starts a question scoped to it in the Chat tab.
        page.locator("#her2qa-table-2").get_by_text("DESTINY-Breast 09", exact=True).last.click()
        page.wait_for_function("() => (document.querySelector('#her2qa-question textarea')?.value || '')"
                               ".startsWith('In Table 2')", timeout=15_000)
        assert "DESTINY-Breast 09" in page.input_value("#her2qa-question textarea")
    finally:
        context.close()


# --------------------------------------------------------------------------- history

def test_conversation_survives_a_reload_and_new_conversation_keeps_it(browser, server):
    context, page, _ = open_page(browser, server)
    try:
        page.click("#her2qa-ask")  # empty input does nothing
        page.wait_for_timeout(800)
        assert bots(page).count() == 0 and page.locator("#her2qa-export-conv-md").is_disabled()

        ask(page, HER2CLIMB_Q)
        wait_answered(page, 1)
        first_answer = last_bot_text(page)
        page.wait_for_timeout(500)  # the browser stores the conversation after the answer arrives
        page.reload()
        page.wait_for_function("() => document.querySelectorAll('#her2qa-chat [data-testid=bot]').length === 1",
                               timeout=30_000)
        assert last_bot_text(page) == first_answer
        assert HER2CLIMB_Q in page.inner_text("#her2qa-chat")
        click_marker_and_check_passage(page, 1)  # restored answers keep working sources

        page.click("#her2qa-new")
        page.wait_for_function("() => document.querySelectorAll('#her2qa-chat [data-testid=bot]').length === 0",
                               timeout=15_000)
        # The old conversation is in the saved list; opening it brings it back.
        page.click("#her2qa-saved input")
        option = page.get_by_role("option").filter(has_text="median PFS with tucatinib")
        assert option.count() == 1
        option.click()
        page.wait_for_function("() => document.querySelectorAll('#her2qa-chat [data-testid=bot]').length === 1",
                               timeout=15_000)
        assert last_bot_text(page) == first_answer

        # Another browser (its own storage) does not see it.
        other_ctx, other, _ = open_page(browser, server)
        try:
            other.wait_for_timeout(1500)
            assert bots(other).count() == 0
        finally:
            other_ctx.close()
    finally:
        context.close()
