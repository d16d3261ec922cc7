"""Per-browser state of the chat UI: the live session (server side) and the saved conversations
kept in the browser's local storage (``gr.BrowserState``), plus the export files of a session.

The stored value is plain JSON the browser sends back on every load, so it is treated as untrusted
input: every answer is re-validated as an :class:`~her2qa.results.Answer` and sizes are bounded.
"""

from __future__ import annotations

import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from .results import Answer

MAX_CONVERSATIONS = 20
MAX_ANSWERS = 60
STATE_VERSION = 1


def new_id() -> str:
    return uuid.uuid4().hex[:12]


@dataclass
class ChatSession:
    """One browser tab: the library conversation plus every answer shown (errors included),
    aligned with the assistant messages of the chat, and which answer the sources column shows."""

    conversation: object = None
    answers: list = field(default_factory=list)
    selected: int = -1
    epoch: int = 0  # bumped by reset(): an answer still streaming from before is then dropped
    id: str = field(default_factory=new_id)  # the saved conversation this session continues
    restored: bool = True  # False while ``conversation`` still has to be rebuilt from ``answers``
    folder: str = field(default_factory=lambda: uuid.uuid4().hex)  # export files of this tab

    def __post_init__(self):
        if self.conversation is None:
            from .chat import Conversation

            self.conversation = Conversation()

    def reset(self, conversation_id: str | None = None) -> None:
        from .chat import Conversation

        self.conversation = Conversation()
        self.answers = []
        self.selected = -1
        self.epoch += 1
        self.id = conversation_id or new_id()
        self.restored = True

    def answer(self, turn: int | None):
        if turn is not None and 0 <= turn < len(self.answers):
            return self.answers[turn]
        return None

    def ensure_conversation(self, assistant) -> None:
        """Rebuild the follow-up context from saved answers once the assistant is loaded."""
        if not self.restored:
            self.conversation = assistant.restore_conversation([a for a in self.answers if not a.error])
            self.restored = True


# --------------------------------------------------------------------------- browser storage

def empty_store() -> dict:
    return {"version": STATE_VERSION, "current": "", "conversations": []}


def _stored_answer(answer: Answer) -> dict:
    """What is kept in the browser: the answer without the retrieval trace (size)."""
    data = answer.model_dump(mode="json", exclude={"retrieved"})
    data["related"] = data.get("related", [])[:3]
    return data


def title_of(answers: list[Answer]) -> str:
    first = next((a.question for a in answers if a.question.strip()), "")
    first = " ".join(first.split())
    return (first[:60] + "…") if len(first) > 61 else (first or "Empty conversation")


def clean_store(value) -> dict:
    """The stored value, validated: unknown shapes become an empty store."""
    if not isinstance(value, dict) or not isinstance(value.get("conversations"), list):
        return empty_store()
    conversations = []
    for item in value["conversations"][:MAX_CONVERSATIONS]:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not isinstance(item.get("answers"), list):
            continue
        conversations.append({"id": item["id"][:40], "title": str(item.get("title", ""))[:80],
                              "updated": item.get("updated") if isinstance(item.get("updated"), (int, float)) else 0,
                              "answers": item["answers"][:MAX_ANSWERS]})
    current = value.get("current") if isinstance(value.get("current"), str) else ""
    return {"version": STATE_VERSION, "current": current, "conversations": conversations}


def answers_of(store: dict, conversation_id: str) -> list[Answer]:
    item = next((c for c in store["conversations"] if c["id"] == conversation_id), None)
    answers = []
    for data in (item or {}).get("answers", []):
        try:
            answers.append(Answer.model_validate(data))
        except Exception:
            continue  # a damaged or tampered entry is skipped, not fatal
    return answers


def save_session(store, session: ChatSession) -> dict:
    """The store with ``session``'s conversation saved (first in the list) and made current."""
    store = clean_store(store)
    others = [c for c in store["conversations"] if c["id"] != session.id]
    if session.answers:
        mine = {"id": session.id, "title": title_of(session.answers), "updated": time.time(),
                "answers": [_stored_answer(a) for a in session.answers[-MAX_ANSWERS:]]}
        others = [mine] + others
    return {"version": STATE_VERSION, "current": session.id, "conversations": others[:MAX_CONVERSATIONS]}


def saved_choices(store: dict) -> list[tuple[str, str]]:
    choices = []
    for item in clean_store(store)["conversations"]:
        when = time.strftime("%d %b %H:%M", time.localtime(item["updated"])) if item["updated"] else ""
        count = len(item["answers"])
        choices.append((f"{item['title']} ({count} question{'s' if count != 1 else ''}{', ' + when if when else ''})",
                        item["id"]))
    return choices


# --------------------------------------------------------------------------- export files

def export_folder(session: ChatSession) -> Path:
    folder = Path(tempfile.gettempdir()) / "her2qa-exports" / session.folder
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def write_conversation_exports(session: ChatSession, about: dict | None) -> dict[str, str]:
    """Markdown, BibTeX and RIS of the whole conversation; returns {'md'|'bib'|'ris': path}."""
    from .export import cited_references, conversation_markdown, references_bibtex, references_ris

    folder = export_folder(session)
    refs = cited_references(session.answers)
    files = {"md": folder / "her2qa-conversation.md", "bib": folder / "her2qa-conversation-references.bib",
             "ris": folder / "her2qa-conversation-references.ris"}
    files["md"].write_text(conversation_markdown(session.answers, about=about), encoding="utf-8")
    files["bib"].write_text(references_bibtex(refs), encoding="utf-8")
    files["ris"].write_text(references_ris(refs), encoding="utf-8")
    return {k: str(v) for k, v in files.items()}


def write_answer_exports(session: ChatSession, turn: int, about: dict | None) -> dict[str, str]:
    """Markdown, BibTeX and RIS of one answer; returns {'md'|'bib'|'ris': path} ({} if none)."""
    from .export import answer_markdown_export, cited_references, references_bibtex, references_ris

    answer = session.answer(turn)
    if answer is None:
        return {}
    folder = export_folder(session)
    refs = cited_references([answer])
    files = {"md": folder / f"her2qa-answer-{turn + 1}.md", "bib": folder / f"her2qa-answer-{turn + 1}-references.bib",
             "ris": folder / f"her2qa-answer-{turn + 1}-references.ris"}
    files["md"].write_text(answer_markdown_export(answer, about=about), encoding="utf-8")
    files["bib"].write_text(references_bibtex(refs), encoding="utf-8")
    files["ris"].write_text(references_ris(refs), encoding="utf-8")
    return {k: str(v) for k, v in files.items()}
