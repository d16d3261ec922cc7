"""The Gradio app: a Chat tab (answers with clickable, previewable [n] markers and a sources
column), an Explore tab (outline, tables, references, named drugs/trials/targets) and an About tab.

``import her2qa.ui`` is cheap: Gradio and the models are imported inside functions. The
:class:`~her2qa.assistant.Assistant` (corpus, index, models) is loaded once per process, in the
background right after the server starts, guarded by a lock; the page says so until it is ready.
Each browser tab keeps its conversation in a ``gr.State`` and its saved conversations in the
browser's local storage (``gr.BrowserState``).

The app is put together from named parts: :func:`header` and :func:`about_tab` here,
:mod:`her2qa.ui_chat` (chat layout, handlers, wiring), :mod:`her2qa.ui_explore` (Explore tab),
:mod:`her2qa.ui_render` (Markdown/HTML), :mod:`her2qa.ui_state` (sessions, browser storage,
export files) and ``static/her2qa.{js,css}`` (marker previews, scrolling, accessibility fixes).

Endpoints for scripts (``gradio_client``): ``/ask`` (one question, no history) returns the same
JSON as ``her2qa ask --json``; ``/chat`` is the streaming chat used by the page.
"""

from __future__ import annotations

import os
import sys
import threading
import time
import traceback
from pathlib import Path

import click

from .settings import Settings

_T0 = time.perf_counter()


def since_start() -> float:
    """Seconds since this process started (Linux: from /proc; elsewhere since this import)."""
    try:
        ticks = int(open("/proc/self/stat").read().rsplit(")", 1)[1].split()[19])
        uptime = float(open("/proc/uptime").read().split()[0])
        return max(0.0, uptime - ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError):
        return time.perf_counter() - _T0

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7860
DEFAULT_CONCURRENCY = 4
STATIC = Path(__file__).with_name("static")
TITLE = "her2qa — HER2+ metastatic breast cancer review"


def static_text(name: str) -> str:
    return (STATIC / name).read_text(encoding="utf-8")


# --------------------------------------------------------------------------- assistant (once)

class AssistantHolder:
    """Loads the Assistant once per process (lazily, under a lock); retries after a failure so a
    server started before ``her2qa build`` works once the index exists."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._assistant = None
        self._lock = threading.Lock()
        self.last_error = ""
        self.last_exception: BaseException | None = None
        self.load_seconds: float | None = None
        self.corpus = None  # the corpus parsed for the Explore tab, reused by the Assistant

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
                    # the embedding model loads after the warm-up answer (see warm_up)
                    self._assistant = Assistant(self.settings, lazy_dense=True, start_dense=False,
                                                corpus=self.corpus)
                except Exception as exc:
                    self.last_error = str(exc)
                    self.last_exception = exc
                    raise
                self.load_seconds = time.perf_counter() - started
                self.last_error = ""
        return self._assistant

    def warm_up(self) -> threading.Thread:
        """Load in a background thread now and answer one throw-away question, so the first
        user's question does not pay for first-call set-up; then start loading the embedding
        model (until it is attached, answers use keyword retrieval and say so)."""
        def run():
            try:
                assistant = self.get()
                loaded = since_start()
                try:
                    assistant.ask("What is HER2?")
                finally:
                    assistant.start_dense()
                print(f"her2qa: ready to answer {since_start():.1f} s after start "
                      f"(index and keyword retrieval loaded in {self.load_seconds:.1f} s, by {loaded:.1f} s); "
                      f"the embedding model is loading in the background", flush=True)
                if assistant.dense_loader is not None:
                    assistant.dense_loader.join()
                    state = (f"not available ({assistant.dense_error}); answers stay keyword-only"
                             if assistant.dense_error else "attached")
                    print(f"her2qa: embedding model {state} {since_start():.1f} s after start",
                          flush=True)
            except Exception as exc:  # shown to users when they ask
                print(f"her2qa: assistant not available yet: {_unavailable_message(exc)}", file=sys.stderr, flush=True)

        thread = threading.Thread(target=run, name="her2qa-warm-up", daemon=True)
        thread.start()
        return thread


def _without_server_details(text: str) -> str:
    """``text`` with file-system paths and URLs replaced: messages reach users' pages."""
    import re

    text = re.sub(r"https?://\S+?(?=[\s),;]|\.?$)", "[server address]", text)
    return re.sub(r"(?<![\w/])(?:/[\w@+\-]+(?:\.[\w@+\-]+)*){2,}/?", "[server path]", text)


def _unavailable_message(exc: BaseException) -> str:
    """A readable reason the assistant cannot answer, without server paths: a missing or damaged
    index says to run `her2qa build`, whatever internal error the database raised (e.g. Chroma's
    "'RustBindingsAPI' object has no attribute 'bindings'" on a corrupt file)."""
    from .store import IndexUnavailable

    if isinstance(exc, IndexUnavailable):
        text = _without_server_details(str(exc))
        if "her2qa build" not in text:
            text += " Run `her2qa build` to create it."
        return text
    if _raised_by_the_index(exc):
        return (f"The index is missing or damaged ({type(exc).__name__}). "
                "Run `her2qa build --force` to rebuild it, then ask again.")
    return _without_server_details(f"The assistant could not be loaded ({type(exc).__name__}: {exc}).")


def _raised_by_the_index(exc: BaseException) -> bool:
    """Whether ``exc`` (or its cause) was raised inside the vector database's code."""
    seen = 0
    while exc is not None and seen < 5:
        frames = traceback.extract_tb(exc.__traceback__) if exc.__traceback__ else []
        if any("chromadb" in f.filename or "/store.py" in f.filename for f in frames):
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def _error_answer(question: str, message: str):
    from .results import Answer

    from .inputs import preview

    return Answer(question=preview(question) if question else "", answer="", error=message)


class DocumentHolder:
    """The parsed review for the Explore tab and for "Show in context": the assistant's once it is
    loaded, else parsed on its own (fast, no models), so Explore works while models load."""

    def __init__(self, settings: Settings, holder: "AssistantHolder"):
        self.settings = settings
        self.holder = holder
        self._document = None
        self.problem = ""

    def get(self):
        if self.holder.ready:
            try:
                return self.holder.get().corpus.primary
            except Exception:
                pass
        if self._document is None and not self.problem:
            try:
                from .corpus import Corpus

                corpus = Corpus.load(self.settings)
                self._document = corpus.primary
                if self.holder.corpus is None:
                    self.holder.corpus = corpus
            except Exception as exc:
                self.problem = _without_server_details(f"{type(exc).__name__}: {exc}")  # shown on the page
        return self._document


# --------------------------------------------------------------------------- the app's parts

def header(gr) -> None:
    with gr.Column(elem_id="her2qa-header"):
        gr.Markdown("# her2qa\nCitation-first answers from one review: Tapia et al., *Cancers* 2023, on "
                    "resistance to HER2-targeted therapy in HER2-positive metastatic breast cancer. Every answer "
                    "quotes the review and cites its passages.")


def about_tab(gr, holder, settings):
    about_md = gr.Markdown(about_markdown_text(None, problem="Loading…"), elem_id="her2qa-about")

    def load_about():
        try:
            return about_markdown_text(holder.get().about())
        except Exception as exc:
            return about_markdown_text(_fallback_about(settings), problem=_unavailable_message(exc))

    return about_md, load_about


def about_markdown_text(about, problem: str = "") -> str:
    from .ui_render import about_markdown

    return about_markdown(about, problem=problem)


def ask_endpoint(holder):
    """The ``/ask`` API function (one question, no history), as JSON like `her2qa ask --json`."""

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
            return _error_answer(question, _without_server_details(
                f"Something went wrong while answering ({type(exc).__name__}: {exc}).")).to_json()

    return ask


def wire_explore(gr, parts, view, tabs) -> None:
    """Table rows and names in the Explore tab draft a scoped question in the chat's box."""
    from .ui_explore import row_question

    quiet = dict(api_visibility="private", show_progress="hidden")
    for frame, table in parts.tables:
        def draft_row(evt, table=table):
            row = evt.row_value if isinstance(getattr(evt, "row_value", None), list) else []
            return gr.update(value=row_question(table, [str(c) for c in row])), gr.Tabs(selected="chat")

        draft_row.__annotations__["evt"] = gr.SelectData
        frame.select(draft_row, None, [view.msg, tabs], **quiet)
    if parts.entities is not None:
        def draft_name(evt):
            row = evt.row_value if isinstance(getattr(evt, "row_value", None), list) else []
            name = str(row[0]) if row else ""
            return (gr.update(value=f"What does the review say about {name}?" if name else ""),
                    gr.Tabs(selected="chat"))

        draft_name.__annotations__["evt"] = gr.SelectData
        parts.entities.select(draft_name, None, [view.msg, tabs], **quiet)


def build_demo(settings: Settings | None = None, holder: "AssistantHolder | None" = None):
    """The ``gr.Blocks`` app (not launched). ``demo.her2qa_holder`` is its AssistantHolder."""
    import gradio as gr

    from .ui_chat import ChatController, chat_layout, wire_chat
    from .ui_explore import explore_tab

    settings = settings or Settings()
    holder = holder or AssistantHolder(settings)
    documents = DocumentHolder(settings, holder)
    with gr.Blocks(title=TITLE, analytics_enabled=False) as demo:
        header(gr)
        with gr.Tabs(elem_id="her2qa-tabs") as tabs:
            with gr.Tab("Chat", id="chat", elem_id="her2qa-tab-chat"):
                view = chat_layout(gr)
            with gr.Tab("Explore the review", id="explore", elem_id="her2qa-tab-explore"):
                parts = explore_tab(gr, documents.get(), documents.problem)
            with gr.Tab("About", id="about", elem_id="her2qa-tab-about"):
                about_md, load_about = about_tab(gr, holder, settings)
        control = ChatController(gr, view, holder, documents.get, _unavailable_message)
        wire_chat(gr, view, control)
        wire_explore(gr, parts, view, tabs)
        quiet = dict(api_visibility="private", show_progress="hidden")
        demo.load(control.restore, [view.store, view.session], view.outputs, **quiet)
        demo.load(load_about, None, [about_md], **quiet)
        demo.load(control.status, None, [view.status, view.timer], **quiet)
        gr.api(ask_endpoint(holder), api_name="ask")
    demo.her2qa_holder = holder
    return demo


def _fallback_about(settings: Settings) -> dict:
    """Article citation without the index or models (for the About panel when they are missing)."""
    try:
        from .corpus import Corpus

        meta = Corpus.load(settings).primary.meta
        return {"citation": meta.citation(), "licence": meta.licence or "not stated in the article", "doi": meta.doi,
                "pmcid": meta.pmcid, "pmid": meta.pmid, "backend": "unavailable (index not loaded)"}
    except Exception:
        return {"licence": "unknown (the corpus could not be read)", "backend": "unavailable"}


# --------------------------------------------------------------------------- serving

class _NoStubWriting:
    """Import hook for ``gradio.component_meta``: its ``create_or_modify_pyi`` — run for every
    component class while ``import gradio`` runs — re-reads and parses Gradio's own sources to keep
    its ``.pyi`` type stubs up to date, for Gradio's developers. An installed Gradio ships them,
    so the server skips that: measured on the 2-core machine, ``import gradio`` took 1.6–2.7 s of
    CPU with it skipped and 4.1–4.9 s without (Gradio 6.31)."""

    def find_spec(self, name, path, target=None):
        if name != "gradio.component_meta":
            return None
        import importlib.machinery

        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        run = spec.loader.exec_module

        def exec_module(module):
            run(module)
            if callable(getattr(module, "create_or_modify_pyi", None)):
                module.create_or_modify_pyi = lambda *args, **kwargs: None

        spec.loader.exec_module = exec_module
        return spec


def import_gradio_for_serving():
    """Import Gradio for this server process (not for a library user's process): without its
    stub writing (see :class:`_NoStubWriting`), and with Matplotlib's non-interactive backend
    chosen up front — Gradio looks the backend up around every event, and finding it out
    imports pyplot (about 0.7 s of CPU on the first question)."""
    os.environ.setdefault("MPLBACKEND", "agg")
    if "gradio" not in sys.modules:
        hook = _NoStubWriting()
        sys.meta_path.insert(0, hook)
        try:
            import gradio
        finally:
            if hook in sys.meta_path:
                sys.meta_path.remove(hook)
    import gradio

    return gradio


def serve(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, settings: Settings | None = None,
          concurrency: int = DEFAULT_CONCURRENCY, block: bool = True):
    """Build, queue and launch the app, then load the assistant in the background (the page says
    so until it is ready). Returns the demo."""
    from .limits import body_limit_app_kwargs

    settings = settings or Settings()
    holder = AssistantHolder(settings)
    marks = [("start", since_start())]
    import_gradio_for_serving()

    marks.append(("gradio", since_start()))
    demo = build_demo(settings, holder)
    demo.queue(default_concurrency_limit=concurrency, max_size=64)
    marks.append(("app", since_start()))
    try:
        demo.launch(server_name=host, server_port=port, share=False, inbrowser=False, quiet=True,
                    show_error=False, prevent_thread_lock=True, ssr_mode=False, footer_links=["api"],
                    css=static_text("her2qa.css"), js=static_text("her2qa.js"), mcp_server=False, pwa=False,
                    enable_monitoring=False, app_kwargs=body_limit_app_kwargs(settings.max_body_bytes))
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port} ({exc}); choose another --port") from exc
    marks.append(("listening", since_start()))
    # Only now: the assistant's load and the page's start share one interpreter lock, so loading
    # it earlier would delay the page by as much as it brings the first answer forward.
    holder.warm_up()
    shown_host = "127.0.0.1" if host in ("0.0.0.0", "") else host
    steps = ", ".join(f"{name} {t:.1f}" for name, t in marks)
    print(f"her2qa UI running on http://{shown_host}:{port}  (page up {marks[-1][1]:.1f} s after start: "
          f"{steps}; index {settings.chroma_url or settings.index_dir})", flush=True)
    if block:
        try:
            demo.block_thread()
        except KeyboardInterrupt:
            pass
    return demo


@click.command("serve")
@click.option("--host", default=DEFAULT_HOST, show_default=True, envvar=["HER2QA_HOST", "GRADIO_SERVER_NAME"],
              help="Interface to listen on (0.0.0.0 exposes it to the network; env HER2QA_HOST or "
                   "GRADIO_SERVER_NAME).")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(1, 65535),
              envvar=["HER2QA_PORT", "GRADIO_SERVER_PORT"],
              help="Port to listen on (env HER2QA_PORT or GRADIO_SERVER_PORT).")
@click.option("--concurrency", default=DEFAULT_CONCURRENCY, show_default=True, type=click.IntRange(1, 64),
              help="Questions answered at the same time.")
@click.option("--build-if-needed", is_flag=True, expose_value=False,
              callback=lambda ctx, _param, value: ctx.meta.__setitem__("her2qa_build_if_needed", value),
              help="First run `her2qa build` (in this process) when the index is missing or its manifest "
                   "does not match the corpus; what `make run` does.")
def serve_command(host: str, port: int, concurrency: int) -> None:
    """Start the web chat UI (and the /ask API) on HOST:PORT."""
    try:
        settings = Settings()
    except Exception as exc:
        raise click.ClickException(f"invalid settings: {exc}") from exc
    if click.get_current_context().meta.get("her2qa_build_if_needed"):
        from .assistant import index_mismatch

        reason = index_mismatch(settings)
        if reason:
            from .cli import build

            click.echo(f"her2qa: {reason}: running `her2qa build` first.")
            click.get_current_context().invoke(build, force=False, index_dir=None, corpus_dir=None)
    serve(host=host, port=port, settings=settings, concurrency=concurrency)


def main(argv: list[str] | None = None) -> None:
    """Entry point for ``python app.py [--host H --port P]``."""
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    serve_command.main(args=argv, prog_name="app.py", standalone_mode=True)
