"""Optional generative backends (opt-in; never the default). The LLM sees numbered passages and
must cite them; its output goes through the same verifier as extractive answers."""

from __future__ import annotations

from .results import Answer, Citation
from .settings import Settings

SYSTEM = (
    "You answer questions about one review article on HER2-positive metastatic breast cancer. "
    "Use ONLY the numbered passages. After every sentence put the number of the passage that supports "
    "it in square brackets, e.g. [2]. Copy figures exactly as written in the passages. If the passages "
    "do not answer the question, reply exactly: The review does not say."
)
CONDENSE = (
    "Rewrite the last user question as one standalone question, using the conversation for context. "
    "Reply with the question only.\n\n{history}\nUser: {question}\nStandalone question:"
)


class BackendUnavailable(RuntimeError):
    """The configured LLM server did not answer."""


def make_llm(settings: Settings):
    """A llama-index LLM for the configured backend, or None for the extractive default."""
    if settings.llm_backend == "none":
        return None
    try:
        if settings.llm_backend == "ollama":
            from llama_index.llms.ollama import Ollama

            return Ollama(model=settings.llm_model or "llama3.1", base_url=settings.llm_base_url or
                          "http://127.0.0.1:11434", request_timeout=settings.llm_timeout_s)
        from llama_index.llms.openai_like import OpenAILike

        return OpenAILike(model=settings.llm_model, api_base=settings.llm_base_url or "http://127.0.0.1:8000/v1",
                          api_key=settings.llm_api_key or "none", is_chat_model=True,
                          timeout=settings.llm_timeout_s, max_retries=0)
    except ImportError as exc:
        raise BackendUnavailable(f"the {settings.llm_backend} backend needs `pip install her2qa[llm]` ({exc})") from exc


def describe(settings: Settings) -> str:
    if settings.llm_backend == "none":
        return "extractive (offline): answers quote the review's own sentences; no generative model"
    return f"{settings.llm_backend} LLM {settings.llm_model or '(default model)'} at {settings.llm_base_url or 'default URL'}, checked by the verifier"


def passages_prompt(question: str, citations: list[Citation]) -> str:
    blocks = "\n\n".join(f"[{c.marker}] ({c.section} {c.section_title}) {c.text}" for c in citations)
    return f"Passages:\n\n{blocks}\n\nQuestion: {question}\nAnswer:"


def generate(llm, question: str, candidates_as_citations: list[Citation], base: Answer,
             on_token=None) -> Answer:
    """Ask the LLM; return an unverified Answer whose citations are all offered passages.

    ``on_token(text_so_far)`` is called as the reply arrives when the caller wants to stream it."""
    from llama_index.core.llms import ChatMessage

    messages = [ChatMessage(role="system", content=SYSTEM),
                ChatMessage(role="user", content=passages_prompt(question, candidates_as_citations))]
    try:
        reply = llm.chat(messages)
    except Exception as exc:
        raise BackendUnavailable(f"{type(exc).__name__}: {exc}") from exc
    text = (reply.message.content or "").strip()
    if not text or text.rstrip(".").lower() == "the review does not say":
        return base.model_copy(update={"answer": "The review does not say.", "abstained": True, "backend": "llm"})
    return base.model_copy(update={"answer": text, "citations": candidates_as_citations, "backend": "llm"})


def condense(llm, history: str, question: str) -> str:
    try:
        reply = llm.complete(CONDENSE.format(history=history, question=question))
    except Exception as exc:
        raise BackendUnavailable(f"{type(exc).__name__}: {exc}") from exc
    text = (reply.text or "").strip().splitlines()
    return text[0].strip() if text and text[0].strip() else question
