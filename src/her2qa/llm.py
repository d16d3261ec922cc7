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


def _backend_error_types() -> tuple[type[BaseException], ...]:
    """Exceptions that mean "the LLM server could not be reached or refused the request":
    connection failures, time-outs and HTTP errors of the client libraries the backends use.
    Anything else (a TypeError, a KeyError…) is a bug and must not be disguised as an outage."""
    kinds: list[type[BaseException]] = [ConnectionError, TimeoutError]
    try:
        import httpx

        kinds += [httpx.TransportError, httpx.HTTPStatusError]  # connect/read/timeouts, 4xx/5xx
    except ImportError:
        pass
    try:
        import openai

        kinds += [openai.APIConnectionError, openai.APIStatusError]  # incl. APITimeoutError
    except ImportError:
        pass
    try:
        import ollama

        kinds.append(ollama.ResponseError)  # the server answered with an error status
    except ImportError:
        pass
    return tuple(kinds)


def is_backend_error(exc: BaseException) -> bool:
    return isinstance(exc, _backend_error_types())


def _unavailable(exc: BaseException) -> BackendUnavailable:
    return BackendUnavailable(f"{type(exc).__name__}: {exc}")


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


def describe(settings: Settings, public: bool = False) -> str:
    """The answer backend in words; ``public`` leaves out server URLs (for pages users see)."""
    if settings.llm_backend == "none":
        return "extractive (offline): answers quote the review's own sentences; no generative model"
    if public:
        return f"{settings.llm_backend} LLM {settings.llm_model or '(default model)'}, checked by the verifier"
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
        text = _stream(llm, messages, on_token) if on_token is not None else (llm.chat(messages).message.content or "")
    except Exception as exc:
        if is_backend_error(exc):
            raise _unavailable(exc) from exc
        raise
    text = text.strip()
    if not text or text.rstrip(".").lower() == "the review does not say":
        return base.model_copy(update={"answer": "The review does not say.", "abstained": True, "backend": "llm"})
    return base.model_copy(update={"answer": text, "citations": candidates_as_citations, "backend": "llm"})


def _stream(llm, messages, on_token) -> str:
    """The reply of ``llm.stream_chat``, calling ``on_token(text_so_far)`` as pieces arrive.

    llama-index chat responses carry the text so far in ``message.content`` (Ollama, OpenAI-like)
    and the new piece in ``delta``; a backend that only fills ``delta`` is accumulated here."""
    text = ""
    for response in llm.stream_chat(messages):
        content = response.message.content if response.message is not None else None
        if content:
            text = content
        elif response.delta:
            text += response.delta
        else:
            continue
        on_token(text)
    return text


def condense(llm, history: str, question: str) -> str:
    try:
        reply = llm.complete(CONDENSE.format(history=history, question=question))
    except Exception as exc:
        if is_backend_error(exc):
            raise _unavailable(exc) from exc
        raise
    text = (reply.text or "").strip().splitlines()
    return text[0].strip() if text and text[0].strip() else question
