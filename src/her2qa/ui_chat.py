"""The Chat tab: layout (:func:`chat_layout`), the event handlers (:class:`ChatController`) and
their wiring (:func:`wire_chat`). Every handler returns a dict of component updates, so each one
names exactly what it changes.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field

from .ui_render import (EMPTY_SOURCES, answer_markdown, question_markdown, source_choices, sources_html,
                        streaming_markdown)
from .ui_state import (ChatSession, answers_of, clean_store, empty_store, new_id, save_session, saved_choices,
                       write_answer_exports, write_conversation_exports)

EXAMPLES = [
    ("Numbers", "What median PFS did tucatinib add in HER2CLIMB?"),
    ("Table", "What is the primary endpoint of DESTINY-Breast 09?"),
    ("Reference", "Which paper is cited for the EMILIA trial results?"),
    ("Follow-up 1/2", "What did the KATE2 trial test?"),
    ("Follow-up 2/2", "And what was the PFS in the PD-L1 positive subgroup?"),
]
WAITING = "_Searching the review…_"
LOADING = "_Loading the index and models (first question only)…_"
# Above the chat from the page's first paint until the server can answer (the page's load event
# and a 1 s timer clear it), so a page opened while the server starts says what is happening.
GETTING_READY = ("⏳ Getting ready: loading the review and its search index… You can type your question now; "
                 "it is answered as soon as this is done (a few seconds).")
SOURCES_LABEL = "Sources of the selected answer"

# Copies the selected answer as plain text (kept in a hidden textbox) to the clipboard.
COPY_JS = """() => {
  const box = document.querySelector('#her2qa-plain textarea');
  const text = box ? box.value : '';
  const done = (ok) => { const s = document.querySelector('#her2qa-copy-status');
    if (s) s.textContent = ok ? 'Answer copied as plain text.' : 'Copy failed: select the text instead.'; };
  if (text && navigator.clipboard) { navigator.clipboard.writeText(text).then(() => done(true), () => done(false)); }
  else { done(false); }
  return [];
}"""


@dataclass
class ChatView:
    """The Chat tab's components."""

    chatbot: object = None
    msg: object = None
    send: object = None
    new_btn: object = None
    examples: list = field(default_factory=list)
    saved: object = None
    conv_files: dict = field(default_factory=dict)  # md/bib/ris DownloadButtons (whole conversation)
    sources: object = None
    passage: object = None
    copy_btn: object = None
    answer_files: dict = field(default_factory=dict)  # md/bib/ris DownloadButtons (selected answer)
    plain: object = None
    cite_target: object = None
    status: object = None
    timer: object = None
    session: object = None
    store: object = None

    @property
    def outputs(self) -> list:
        return [self.chatbot, self.session, self.sources, self.passage, self.msg, *self.conv_files.values(),
                *self.answer_files.values(), self.plain, self.store, self.saved, self.copy_btn]


# --------------------------------------------------------------------------- layout

def _conversation_column(gr, view: ChatView) -> None:
    view.status = gr.Markdown(GETTING_READY, elem_id="her2qa-status")
    view.chatbot = gr.Chatbot(
        label="Conversation", elem_id="her2qa-chat", height=560, latex_delimiters=[], buttons=[],
        feedback_options=None, sanitize_html=True, autoscroll=True,
        placeholder="Ask a question about the review, or pick an example below.",
    )
    with gr.Row(elem_id="her2qa-ask-row"):
        view.msg = gr.Textbox(label="Your question about the review", show_label=False, scale=6, lines=1,
                              max_lines=4, autofocus=True, elem_id="her2qa-question", container=False,
                              placeholder="Ask about the review, e.g. What did HER2CLIMB show?")
        view.send = gr.Button("Ask", variant="primary", scale=1, min_width=80, elem_id="her2qa-ask")
    with gr.Row(elem_id="her2qa-conv-tools"):
        view.new_btn = gr.Button("New conversation", size="sm", elem_id="her2qa-new")
        labels = {"md": "Conversation (Markdown)", "bib": "Its references (BibTeX)", "ris": "Its references (RIS)"}
        view.conv_files = {k: gr.DownloadButton(label, value=None, size="sm", interactive=False,
                                                elem_id=f"her2qa-export-conv-{k}") for k, label in labels.items()}
    view.saved = gr.Dropdown(choices=[], value=None, label="Saved conversations (kept in this browser)",
                             elem_id="her2qa-saved", interactive=True, allow_custom_value=False)
    with gr.Column(elem_id="her2qa-examples"):
        gr.Markdown("**Try an example** (the last two are a follow-up pair: click them in order)")
        with gr.Row():
            view.examples = [gr.Button(q, size="sm", elem_classes=["her2qa-example"]) for _, q in EXAMPLES]


def _sources_column(gr, view: ChatView) -> None:
    gr.Markdown("### Sources", elem_id="her2qa-sources-title")
    view.sources = gr.Radio(choices=[], value=None, label=SOURCES_LABEL, elem_id="her2qa-sources", interactive=True)
    view.passage = gr.HTML(EMPTY_SOURCES, elem_id="her2qa-passage", padding=True, max_height=640)
    with gr.Row(elem_id="her2qa-answer-tools"):
        view.copy_btn = gr.Button("Copy answer as text", size="sm", elem_id="her2qa-copy", interactive=False)
        labels = {"md": "Answer (Markdown)", "bib": "BibTeX", "ris": "RIS"}
        view.answer_files = {k: gr.DownloadButton(label, value=None, size="sm", interactive=False,
                                                  elem_id=f"her2qa-export-answer-{k}") for k, label in labels.items()}
    gr.HTML("<div id='her2qa-copy-status' role='status' aria-live='polite'></div>", padding=False)
    view.plain = gr.Textbox(visible="hidden", elem_id="her2qa-plain", label="Selected answer as plain text")


def chat_layout(gr) -> ChatView:
    """The Chat tab inside an open ``gr.Tab``: conversation column and sources column."""
    view = ChatView()
    view.session = gr.State(None)
    view.store = gr.BrowserState(empty_store(), storage_key="her2qa-conversations-v1",
                                 secret="her2qa-local-conversations")
    with gr.Row(equal_height=False, elem_id="her2qa-main"):
        with gr.Column(scale=3, min_width=320, elem_id="her2qa-chat-col"):
            _conversation_column(gr, view)
        with gr.Column(scale=2, min_width=300, elem_id="her2qa-sources-panel"):
            _sources_column(gr, view)
    view.cite_target = gr.Textbox(visible="hidden", elem_id="her2qa-cite-target", label="Selected citation")
    view.timer = gr.Timer(1.0, active=True)
    return view


# --------------------------------------------------------------------------- handlers

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


def history_of(answers: list) -> list[dict]:
    """Chat messages for a list of answers (used after a reload and when opening a saved chat)."""
    messages = []
    for turn, answer in enumerate(answers):
        messages.append({"role": "user", "content": question_markdown(answer.question)})
        messages.append({"role": "assistant", "content": answer_markdown(answer, turn)})
    return messages


def error_answer(question: str, message: str):
    from .results import Answer

    return Answer(question=question or "", answer="", error=message)


class ChatController:
    """Event handlers of the Chat tab for one app (shared by all sessions; state is per session)."""

    def __init__(self, gr, view: ChatView, holder, document_fn, unavailable_message):
        self.gr = gr
        self.v = view
        self.holder = holder
        self.document = document_fn  # () -> Document | None, for "Show in context" and tables
        self.unavailable_message = unavailable_message

    # ---- shared pieces ----
    def about(self) -> dict | None:
        if not self.holder.ready:
            return None
        try:
            return self.holder.get().about()
        except Exception:
            return None

    def selection(self, session: ChatSession, turn: int | None, marker=None) -> dict:
        """Sources list, passage, the answer's export files and plain text for answer ``turn``."""
        from .export import answer_plain_text

        gr, v = self.gr, self.v
        answer = session.answer(turn)
        if answer is None:
            return {v.sources: gr.update(choices=[], value=None, label=SOURCES_LABEL), v.passage: EMPTY_SOURCES,
                    v.plain: "", v.copy_btn: gr.update(interactive=False),
                    **{b: gr.update(value=None, interactive=False) for b in v.answer_files.values()}}
        session.selected = turn
        choices = source_choices(answer)
        value = str(marker) if marker is not None else (choices[0][1] if choices else None)
        label = "No sources: the review does not answer this" if answer.abstained else SOURCES_LABEL
        try:
            files = write_answer_exports(session, turn, self.about())
        except OSError:
            traceback.print_exc()
            files = {}
        return {v.sources: gr.update(choices=choices, value=value, label=label),
                v.passage: sources_html(answer, value, turn, self.document()),
                v.plain: answer_plain_text(answer), v.copy_btn: gr.update(interactive=True),
                **{b: gr.update(value=files.get(k), interactive=bool(files.get(k)))
                   for k, b in v.answer_files.items()}}

    def conversation(self, session: ChatSession, store) -> dict:
        """Saved-conversation store and list, and the conversation's export files."""
        gr, v = self.gr, self.v
        store = save_session(store, session)
        files = {}
        if session.answers:
            try:
                files = write_conversation_exports(session, self.about())
            except OSError:
                traceback.print_exc()
        return {v.store: store,
                v.saved: gr.update(choices=saved_choices(store), value=session.id if session.answers else None),
                **{b: gr.update(value=files.get(k), interactive=bool(files.get(k))) for k, b in v.conv_files.items()}}

    # ---- events ----
    def respond(self, message, history, session, store):
        """A question: the turn appears at once, LLM text streams when there is an LLM, then the
        verified answer with its sources. Empty input does nothing."""
        gr, v = self.gr, self.v
        session = session if isinstance(session, ChatSession) else ChatSession()
        question = message if isinstance(message, str) else ""
        if not question.strip():
            yield {v.msg: gr.skip()}
            return
        turn, epoch = len(session.answers), session.epoch
        history = history_of(session.answers)
        history.append({"role": "user", "content": question_markdown(question)})
        history.append({"role": "assistant", "content": WAITING if self.holder.ready else LOADING})
        yield {v.chatbot: history, v.session: session, v.msg: ""}

        answer = None
        try:
            assistant = self.holder.get()
        except Exception as exc:
            answer = error_answer(question, self.unavailable_message(exc))
        else:
            try:
                session.ensure_conversation(assistant)
                for partial, final in assistant.ask_stream(question, conversation=session.conversation):
                    if final is not None:
                        answer = final
                        break
                    if partial and session.epoch == epoch:
                        history[-1] = {"role": "assistant", "content": streaming_markdown(partial)}
                        yield {v.chatbot: history}
            except Exception as exc:  # never a stack trace in the chat
                from .ui import _without_server_details

                traceback.print_exc()
                answer = error_answer(question, _without_server_details(
                    f"Something went wrong while answering ({type(exc).__name__}: {exc}). Please try again."))
        if answer is None:
            answer = error_answer(question, "The assistant returned no answer. Please try again.")
        if session.epoch != epoch:  # "New conversation" was pressed while this answer was on its way
            return
        session.answers.append(answer)
        history[-1] = {"role": "assistant", "content": answer_markdown(answer, turn)}
        yield {v.chatbot: history, v.session: session, **self.selection(session, turn),
               **self.conversation(session, store)}

    def show_source(self, marker, session):
        if not isinstance(session, ChatSession):
            return {self.v.passage: EMPTY_SOURCES}
        answer = session.answer(session.selected)
        return {self.v.passage: sources_html(answer, marker, session.selected, self.document())}

    def select_message(self, history, session, evt):
        if not isinstance(session, ChatSession):
            return {}
        turn = _turn_of_message(history, evt.index)
        if turn is None or session.answer(turn) is None:
            return {}
        return {**self.selection(session, turn), self.v.session: session}

    def cite_clicked(self, target, session):
        """``target`` is '<turn>-<marker>-<nonce>' from a click on an inline marker."""
        if not isinstance(session, ChatSession):
            return {}
        try:
            turn, marker = (int(x) for x in (target or "").split("-")[:2])
        except ValueError:
            return {}
        if session.answer(turn) is None:
            return {}
        return {**self.selection(session, turn, marker), self.v.session: session}

    def new_conversation(self, session, store):
        """Start over; the previous conversation stays in the saved list."""
        session = session if isinstance(session, ChatSession) else ChatSession()
        store = save_session(store, session)
        session.reset()
        return {self.v.chatbot: [], self.v.session: session, self.v.msg: "",
                **self.selection(session, None), **self.conversation(session, store)}

    def restore(self, store, session):
        """Page load: bring back the conversation this browser was in."""
        store = clean_store(store)
        session = ChatSession(id=store["current"] or new_id())
        session.answers = answers_of(store, session.id) if store["current"] else []
        session.restored = not session.answers
        last = len(session.answers) - 1 if session.answers else None
        return {self.v.chatbot: history_of(session.answers), self.v.session: session,
                **self.selection(session, last), **self.conversation(session, store)}

    def open_saved(self, conversation_id, session, store):
        session = session if isinstance(session, ChatSession) else ChatSession()
        store = clean_store(store)
        if not conversation_id or conversation_id == session.id:
            return {}
        store = save_session(store, session)
        answers = answers_of(store, conversation_id)
        session.reset(conversation_id)
        session.answers = answers
        session.restored = not answers
        last = len(answers) - 1 if answers else None
        return {self.v.chatbot: history_of(answers), self.v.session: session,
                **self.selection(session, last), **self.conversation(session, store)}

    def status(self):
        """The loading line above the chat, until the models are ready (then the timer stops)."""
        gr = self.gr
        if self.holder.ready:
            return {self.v.status: "", self.v.timer: gr.Timer(active=False)}
        if self.holder.last_error:
            problem = getattr(self.holder, "last_exception", None) or RuntimeError(self.holder.last_error)
            return {self.v.status: f"**Not ready:** {self.unavailable_message(problem)}",
                    self.v.timer: gr.Timer(active=False)}
        return {self.v.status: GETTING_READY,
                self.v.timer: gr.skip()}


def wire_chat(gr, view: ChatView, control: ChatController) -> None:
    """Connect the Chat tab's events. ``/chat`` is the streaming chat endpoint used by the page."""
    v = view
    ask_inputs = [v.msg, v.chatbot, v.session, v.store]
    common = dict(outputs=v.outputs, concurrency_id="answer", show_progress="minimal")
    v.msg.submit(control.respond, ask_inputs, api_name="chat",
                 api_description="Streaming chat turn: returns the chat history, the sources list, the passage "
                                 "of the first source and the export files.", **common)
    v.send.click(control.respond, ask_inputs, api_visibility="private", **common)
    for button in v.examples:
        button.click(control.respond, [button, v.chatbot, v.session, v.store], api_visibility="private", **common)
    quiet = dict(api_visibility="private", show_progress="hidden")
    v.sources.input(control.show_source, [v.sources, v.session], [v.passage], **quiet)
    select = control.select_message

    def select_message(history, session, evt):
        return select(history, session, evt)

    # ``from __future__ import annotations`` would leave a string Gradio cannot resolve: give it the class.
    select_message.__annotations__["evt"] = gr.SelectData

    v.chatbot.select(select_message, [v.chatbot, v.session], v.outputs, **quiet)
    v.cite_target.change(control.cite_clicked, [v.cite_target, v.session], v.outputs, **quiet)
    v.new_btn.click(control.new_conversation, [v.session, v.store], v.outputs, **quiet)
    v.chatbot.clear(control.new_conversation, [v.session, v.store], v.outputs, **quiet)
    v.saved.input(control.open_saved, [v.saved, v.session, v.store], v.outputs, **quiet)
    v.copy_btn.click(None, None, None, js=COPY_JS, **quiet)
    v.timer.tick(control.status, None, [v.status, v.timer], **quiet)
