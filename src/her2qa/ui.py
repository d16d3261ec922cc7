"""The Gradio chat UI: a streaming chat column, a sources column, examples, export and an API.

``import her2qa.ui`` is cheap: Gradio and the models are imported inside functions. The
:class:`~her2qa.assistant.Assistant` (corpus, index, models) is loaded once per process, in the
background right after the server starts, guarded by a lock; every browser session keeps its own
:class:`~her2qa.chat.Conversation` in a ``gr.State``.

Endpoints for scripts (``gradio_client``): ``/ask`` (one question, no history) returns the same
JSON as ``her2qa ask --json``; ``/chat`` is the streaming chat used by the page.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
import traceback
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import click

from .settings import Settings

_T0 = time.perf_counter()

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7860
DEFAULT_CONCURRENCY = 4
# Pause between streamed pieces: the extractive answer is ready at once, and without a short pause
# the browser would receive every piece in the same frame and the text would not visibly stream.
STREAM_PAUSE_S = 0.03

EXAMPLES = [
    ("Numbers", "What median PFS did tucatinib add in HER2CLIMB?"),
    ("Table", "What is the primary endpoint of DESTINY-Breast 09?"),
    ("Reference", "Which paper is cited for the EMILIA trial results?"),
    ("Follow-up 1/2", "What did the KATE2 trial test?"),
    ("Follow-up 2/2", "And what was the PFS in the PD-L1 positive subgroup?"),
]

CSS = """
#her2qa-header h1 { margin-bottom: 0.1em; }
#her2qa-header p { margin-top: 0; color: var(--body-text-color-subdued); }
.her2qa-passage, .her2qa-related, .her2qa-empty, .her2qa-error { font-size: 0.95em; line-height: 1.5; }
.her2qa-source-head { font-size: 1.02em; margin-bottom: 0.3em; }
.her2qa-marker { font-weight: 700; color: var(--color-accent); margin-right: 0.2em; }
.her2qa-kind { font-size: 0.8em; padding: 0 0.4em; border: 1px solid var(--border-color-primary);
  border-radius: 4px; margin-left: 0.4em; }
.her2qa-path { font-size: 0.85em; color: var(--body-text-color-subdued); margin-bottom: 0.4em; }
.her2qa-text, .her2qa-related blockquote { border-left: 3px solid var(--color-accent); margin: 0.5em 0;
  padding: 0.3em 0.8em; background: var(--background-fill-secondary); white-space: pre-wrap; }
.her2qa-passage mark { background: #ffe58a; color: #111; padding: 0 2px; border-radius: 2px; }
.her2qa-passage mark.her2qa-also { background: #fff3c4; }
.her2qa-refs-head, .her2qa-related-head { font-weight: 700; margin-top: 0.6em; }
.her2qa-refs { padding-left: 1.1em; margin: 0.3em 0; }
.her2qa-refs li { margin-bottom: 0.35em; }
.her2qa-refnum { font-weight: 700; }
.her2qa-related { border: 2px dashed #c98a00; border-radius: 8px; padding: 0.5em 0.8em; }
.her2qa-related-head { color: #9a6700; }
.her2qa-related-note { font-size: 0.9em; color: var(--body-text-color-subdued); }
.her2qa-error { color: #b42318; font-weight: 600; }
.her2qa-empty { color: var(--body-text-color-subdued); }
#her2qa-chat h3 { margin: 0 0 0.3em 0; color: #9a6700; font-size: 1.1em; }
#her2qa-chat .her2qa-abstain { border-left: 4px solid #c98a00; padding-left: 0.7em; }
/* the bundled Source Sans Pro ships weights 400 and 600 only: 700 falls back to a wider face */
#her2qa-chat strong, #her2qa-about strong, #her2qa-header strong, .her2qa-passage b { font-weight: 600; }
.her2qa-related-item { margin-top: 0.6em; }
#her2qa-examples button { font-size: 0.85em; }
"""

# Clicking an inline marker [n] in the chat (a link to #cite-<turn>-<n>) shows that source: the
# click is caught before the link navigates and handed to a hidden textbox whose input event runs
# on the server. Plain local JS, nothing fetched.
JS = """
() => {
  document.addEventListener('click', (event) => {
    const link = event.target && event.target.closest ? event.target.closest('a[href*="#cite-"]') : null;
    if (!link) return;
    event.preventDefault();
    event.stopPropagation();
    const box = document.querySelector('#her2qa-cite-target textarea, #her2qa-cite-target input');
    if (!box) return;
    const href = link.getAttribute('href');
    const target = href.slice(href.indexOf('#cite-') + 6) + '-' + Date.now();
    const proto = Object.getPrototypeOf(box);
    Object.getOwnPropertyDescriptor(proto, 'value').set.call(box, target);
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, true);
}
"""


# --------------------------------------------------------------------------- assistant (once)

class AssistantHolder:
    """Loads the Assistant once per process (lazily, under a lock); retries after a failure so a
    server started before ``her2qa build`` works once the index exists."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._assistant = None
        self._lock = threading.Lock()
        self.last_error = ""
        self.load_seconds: float | None = None

    @property
    def ready(self) -> bool:
        return self._assistant is not None

    def get(self):
        if self._assistant is not None:
            return self._assistant
        with self._lock:
            if self._assistant is None:
                from .assistant import Assistant

                started = time.perf_counter()
                try:
                    self._assistant = Assistant(self.settings)
                except Exception as exc:
                    self.last_error = str(exc)
                    raise
                self.load_seconds = time.perf_counter() - started
                self.last_error = ""
        return self._assistant

    def warm_up(self) -> threading.Thread:
        def run():
            try:
                self.get()
                print(f"her2qa: assistant loaded in {self.load_seconds:.1f} s", flush=True)
            except Exception as exc:  # shown to users when they ask
                print(f"her2qa: assistant not available yet: {exc}", file=sys.stderr, flush=True)

        thread = threading.Thread(target=run, name="her2qa-warm-up", daemon=True)
        thread.start()
        return thread


def _unavailable_message(exc: BaseException) -> str:
    from .store import IndexUnavailable

    if isinstance(exc, IndexUnavailable):
        text = str(exc)
        if "her2qa build" not in text:
            text += " Run `her2qa build` to create it."
        return text
    return f"The assistant could not be loaded ({type(exc).__name__}: {exc})."


def _error_answer(question: str, message: str):
    from .results import Answer

    return Answer(question=question or "", answer="", error=message)


# --------------------------------------------------------------------------- per-session state

@dataclass
class ChatSession:
    """One browser session: the library conversation plus every answer shown (errors included),
    aligned with the assistant messages of the chat, and which answer the sources column shows."""

    conversation: object = None
    answers: list = field(default_factory=list)
    selected: int = -1
    epoch: int = 0  # bumped by reset(): an answer still streaming from before is then dropped
    id: str = field(default_factory=lambda: uuid.uuid4().hex)

    def __post_init__(self):
        if self.conversation is None:
            from .chat import Conversation

            self.conversation = Conversation()

    def reset(self) -> None:
        reset = getattr(self.conversation, "reset", None)
        if callable(reset):
            reset()
        else:
            from .chat import Conversation

            self.conversation = Conversation()
        self.answers = []
        self.selected = -1
        self.epoch += 1

    def answer(self, turn: int):
        if 0 <= turn < len(self.answers):
            return self.answers[turn]
        return None


def export_path(session: ChatSession, about: dict | None) -> str:
    """Write the session's conversation as Markdown into the temp dir; return the file path."""
    from .export import conversation_markdown

    folder = Path(tempfile.gettempdir()) / "her2qa-exports" / session.id
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "her2qa-conversation.md"
    path.write_text(conversation_markdown(session.answers, about=about), encoding="utf-8")
    return str(path)


def _turn_of_message(history: list, index) -> int | None:
    """Which answer a chat message belongs to: the count of assistant messages before it."""
    if isinstance(index, (list, tuple)):
        index = index[0] if index else None
    if not isinstance(index, int) or not history or not 0 <= index < len(history):
        return None
    roles = [m.get("role") if isinstance(m, dict) else getattr(m, "role", None) for m in history]
    if roles[index] != "assistant":  # a question: show the answer that follows it
        nxt = next((i for i in range(index, len(roles)) if roles[i] == "assistant"), None)
        if nxt is None:
            return None
        index = nxt
    return sum(1 for r in roles[:index] if r == "assistant")


# --------------------------------------------------------------------------- the app

def build_demo(settings: Settings | None = None, holder: AssistantHolder | None = None):
    """The ``gr.Blocks`` app (not launched). ``demo.her2qa_holder`` is its AssistantHolder."""
    import gradio as gr

    from .ui_render import (EMPTY_SOURCES, about_markdown, answer_markdown, md_escape, source_choices,
                            sources_html, streaming_markdown)

    settings = settings or Settings()
    holder = holder or AssistantHolder(settings)

    def about_dict() -> dict | None:
        if not holder.ready:
            return None
        try:
            return holder.get().about()
        except Exception:
            return None

    def sources_update(answer, marker=None):
        choices = source_choices(answer)
        value = marker if marker is not None else (choices[0][1] if choices else None)
        label = "Sources of the selected answer"
        if answer is not None and answer.abstained:
            label = "No sources: the review does not answer this"
        return gr.update(choices=choices, value=value, label=label)

    def respond(message, history, session):
        session = session if isinstance(session, ChatSession) else ChatSession()
        history = list(history or [])
        question = message if isinstance(message, str) else ""
        turn = len(session.answers)
        epoch = session.epoch
        shown = md_escape(question.strip()) if question.strip() else "_(empty question)_"
        history.append({"role": "user", "content": shown})
        waiting = "_Searching the review…_" if holder.ready else "_Loading the index and models (first question only)…_"
        history.append({"role": "assistant", "content": waiting})
        yield history, session, gr.skip(), gr.skip(), "", gr.skip()

        answer = None
        try:
            assistant = holder.get()
        except Exception as exc:
            answer = _error_answer(question, _unavailable_message(exc))
        else:
            try:
                for partial, final in assistant.ask_stream(question, conversation=session.conversation):
                    if final is not None:
                        answer = final
                        break
                    if partial and session.epoch == epoch:
                        history[-1] = {"role": "assistant", "content": streaming_markdown(partial)}
                        yield history, session, gr.skip(), gr.skip(), gr.skip(), gr.skip()
                        time.sleep(STREAM_PAUSE_S)
            except Exception as exc:  # never a stack trace in the chat
                traceback.print_exc()
                answer = _error_answer(question, f"Something went wrong while answering "
                                                 f"({type(exc).__name__}: {exc}). Please try again.")
            if answer is None:
                answer = _error_answer(question, "The assistant returned no answer. Please try again.")
        if session.epoch != epoch:  # "New conversation" was pressed while this answer streamed
            return
        session.answers.append(answer)
        session.selected = turn
        history[-1] = {"role": "assistant", "content": answer_markdown(answer, turn)}
        try:
            download = gr.update(value=export_path(session, about_dict()), interactive=True)
        except Exception:
            traceback.print_exc()
            download = gr.skip()
        yield history, session, sources_update(answer), sources_html(answer, None, turn), "", download

    def show_source(marker, session):
        if not isinstance(session, ChatSession):
            return EMPTY_SOURCES
        return sources_html(session.answer(session.selected), marker, session.selected)

    def select_message(history, session, evt: gr.SelectData):
        if not isinstance(session, ChatSession):
            return gr.skip(), gr.skip(), session
        turn = _turn_of_message(history, evt.index)
        answer = session.answer(turn) if turn is not None else None
        if answer is None:
            return gr.skip(), gr.skip(), session
        session.selected = turn
        return sources_update(answer), sources_html(answer, None, turn), session

    # ``from __future__ import annotations`` leaves a string Gradio cannot resolve: give it the class.
    select_message.__annotations__["evt"] = gr.SelectData

    def cite_clicked(target, session):
        """``target`` is '<turn>-<marker>-<nonce>' from a click on an inline marker."""
        if not isinstance(session, ChatSession):
            return gr.skip(), gr.skip(), session
        try:
            turn, marker = (int(x) for x in (target or "").split("-")[:2])
        except ValueError:
            return gr.skip(), gr.skip(), session
        answer = session.answer(turn)
        if answer is None:
            return gr.skip(), gr.skip(), session
        session.selected = turn
        return sources_update(answer, str(marker)), sources_html(answer, marker, turn), session

    def new_conversation(session):
        session = session if isinstance(session, ChatSession) else ChatSession()
        session.reset()
        return ([], session, gr.update(choices=[], value=None, label="Sources of the selected answer"),
                EMPTY_SOURCES, "", gr.update(value=None, interactive=False))

    def load_about():
        try:
            about = holder.get().about()
            return about_markdown(about)
        except Exception as exc:
            return about_markdown(_fallback_about(settings), problem=_unavailable_message(exc))

    def ask(question: str) -> dict:
        """Answer one question (no conversation history). Returns the same JSON as `her2qa ask --json`:
        answer text with [n] markers, citations (section, passage, quote, references with DOI), etc."""
        question = question if isinstance(question, str) else ""
        try:
            assistant = holder.get()
        except Exception as exc:
            return _error_answer(question, _unavailable_message(exc)).to_json()
        try:
            from .chat import Conversation

            return assistant.ask(question, conversation=Conversation()).to_json()
        except Exception as exc:
            traceback.print_exc()
            return _error_answer(question, f"Something went wrong while answering "
                                           f"({type(exc).__name__}: {exc}).").to_json()

    with gr.Blocks(title="her2qa — HER2+ metastatic breast cancer review", analytics_enabled=False) as demo:
        session_state = gr.State(None)
        with gr.Column(elem_id="her2qa-header"):
            gr.Markdown("# her2qa\nCitation-first answers from one review: Tapia et al., *Cancers* 2023, "
                        "on resistance to HER2-targeted therapy in HER2-positive metastatic breast cancer. "
                        "Every answer quotes the review and cites its passages.")
        with gr.Row(equal_height=False):
            with gr.Column(scale=3, min_width=420):
                chatbot = gr.Chatbot(
                    label="Conversation", elem_id="her2qa-chat", height=560, latex_delimiters=[],
                    buttons=["copy"], feedback_options=None, sanitize_html=True, autoscroll=True,
                    placeholder="Ask a question about the review, or pick an example below.",
                )
                with gr.Row():
                    msg = gr.Textbox(placeholder="Ask about the review, e.g. What did HER2CLIMB show?",
                                     show_label=False, scale=6, lines=1, max_lines=4, autofocus=True,
                                     elem_id="her2qa-question", container=False)
                    send = gr.Button("Ask", variant="primary", scale=1, min_width=80, elem_id="her2qa-ask")
                with gr.Row():
                    new_btn = gr.Button("New conversation", size="sm", elem_id="her2qa-new")
                    download = gr.DownloadButton("Export as Markdown", value=None, size="sm", interactive=False,
                                                 elem_id="her2qa-export")
                with gr.Column(elem_id="her2qa-examples"):
                    gr.Markdown("**Try an example** (the last two are a follow-up pair: click them in order)")
                    with gr.Row():
                        example_buttons = [gr.Button(q, size="sm", elem_classes=["her2qa-example"])
                                           for _, q in EXAMPLES]
            with gr.Column(scale=2, min_width=340):
                gr.Markdown("### Sources")
                sources = gr.Radio(choices=[], value=None, label="Sources of the selected answer",
                                   elem_id="her2qa-sources", interactive=True)
                passage = gr.HTML(EMPTY_SOURCES, elem_id="her2qa-passage", padding=True, max_height=640)
        with gr.Accordion("About her2qa", open=False, elem_id="her2qa-about"):
            about_md = gr.Markdown(about_markdown(None, problem="Loading…"))
        cite_target = gr.Textbox(visible="hidden", elem_id="her2qa-cite-target", show_label=False)

        outputs = [chatbot, session_state, sources, passage, msg, download]
        common = dict(outputs=outputs, concurrency_id="answer", show_progress="minimal")
        msg.submit(respond, [msg, chatbot, session_state], api_name="chat",
                   api_description="Streaming chat turn: returns the chat history, the sources list and "
                                   "the passage of the first source.", **common)
        send.click(respond, [msg, chatbot, session_state], api_visibility="private", **common)
        for button in example_buttons:
            button.click(respond, [button, chatbot, session_state], api_visibility="private", **common)
        sources.input(show_source, [sources, session_state], [passage], api_visibility="private",
                      show_progress="hidden")
        chatbot.select(select_message, [chatbot, session_state], [sources, passage, session_state],
                       api_visibility="private", show_progress="hidden")
        cite_target.change(cite_clicked, [cite_target, session_state], [sources, passage, session_state],
                          api_visibility="private", show_progress="hidden")
        new_btn.click(new_conversation, [session_state], outputs, api_visibility="private")
        chatbot.clear(new_conversation, [session_state], outputs, api_visibility="private")
        demo.load(load_about, None, [about_md], api_visibility="private", show_progress="hidden")
        gr.api(ask, api_name="ask")
    demo.her2qa_holder = holder
    return demo


def _fallback_about(settings: Settings) -> dict:
    """Article citation without the index or models (for the About panel when they are missing)."""
    try:
        from .corpus import Corpus

        meta = Corpus.load(settings).primary.meta
        return {"citation": meta.citation(), "licence": "CC BY 4.0", "doi": meta.doi, "pmcid": meta.pmcid,
                "pmid": meta.pmid, "backend": "unavailable (index not loaded)"}
    except Exception:
        return {"licence": "CC BY 4.0", "backend": "unavailable"}


# --------------------------------------------------------------------------- serving

def serve(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, settings: Settings | None = None,
          concurrency: int = DEFAULT_CONCURRENCY, block: bool = True):
    """Build, queue and launch the app; warm the assistant up in the background. Returns the demo."""
    settings = settings or Settings()
    demo = build_demo(settings)
    demo.queue(default_concurrency_limit=concurrency, max_size=64)
    try:
        demo.launch(server_name=host, server_port=port, share=False, inbrowser=False, quiet=True,
                    show_error=False, prevent_thread_lock=True, ssr_mode=False, footer_links=["api"],
                    css=CSS, js=JS, mcp_server=False, pwa=False, enable_monitoring=False)
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port} ({exc}); choose another --port") from exc
    shown_host = "127.0.0.1" if host in ("0.0.0.0", "") else host
    print(f"her2qa UI running on http://{shown_host}:{port}  (startup {time.perf_counter() - _T0:.1f} s; "
          f"index {settings.chroma_url or settings.index_dir})", flush=True)
    demo.her2qa_holder.warm_up()
    if block:
        try:
            demo.block_thread()
        except KeyboardInterrupt:
            pass
    return demo


@click.command("serve")
@click.option("--host", default=DEFAULT_HOST, show_default=True, envvar="HER2QA_HOST",
              help="Interface to listen on (0.0.0.0 exposes it to the network).")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(1, 65535),
              envvar="HER2QA_PORT", help="Port to listen on (env HER2QA_PORT).")
@click.option("--concurrency", default=DEFAULT_CONCURRENCY, show_default=True, type=click.IntRange(1, 64),
              help="Questions answered at the same time.")
def serve_command(host: str, port: int, concurrency: int) -> None:
    """Start the web chat UI (and the /ask API) on HOST:PORT."""
    try:
        settings = Settings()
    except Exception as exc:
        raise click.ClickException(f"invalid settings: {exc}") from exc
    serve(host=host, port=port, settings=settings, concurrency=concurrency)


def main(argv: list[str] | None = None) -> None:
    """Entry point for ``python app.py [--host H --port P]``."""
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    serve_command.main(args=argv, prog_name="app.py", standalone_mode=True)
