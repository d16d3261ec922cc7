"""The optional LLM path: token streaming through llama-index's ``stream_chat``, and which errors
count as "backend unavailable" (connection, time-out, HTTP) — a bug must not be disguised as one."""

from __future__ import annotations

from typing import Any

import pytest
from llama_index.core.llms import CompletionResponse, CustomLLM, LLMMetadata
from llama_index.core.llms.callbacks import llm_completion_callback

from her2qa.llm import BackendUnavailable, condense, generate, is_backend_error
from her2qa.results import Answer, Citation

QUESTION = "What was the median PFS with tucatinib versus placebo in HER2CLIMB?"
REPLY = "The median PFS was 7.8 months with tucatinib versus 5.6 months with placebo [1]."


class StreamingLLM(CustomLLM):
    """Sends its reply in pieces (like Ollama or an OpenAI-compatible server), or fails as told."""

    reply: str = REPLY
    fail_with: Any = None
    pieces_sent: int = 0
    on_piece: Any = None

    @property
    def metadata(self) -> LLMMetadata:
        return LLMMetadata(model_name="streaming")

    @llm_completion_callback()
    def complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponse:
        if self.fail_with is not None:
            raise self.fail_with
        return CompletionResponse(text=self.reply)

    @llm_completion_callback()
    def stream_complete(self, prompt: str, formatted: bool = False, **kwargs: Any):
        if self.fail_with is not None:
            raise self.fail_with
        words = self.reply.split(" ")

        def gen():
            text = ""
            for i, word in enumerate(words):
                delta = word if i == 0 else " " + word
                text += delta
                self.pieces_sent += 1
                if self.on_piece:
                    self.on_piece(text)
                yield CompletionResponse(text=text, delta=delta)

        return gen()


def _offered() -> list[Citation]:
    text = "After a median follow-up of 14 months, the median PFS was 7.8 months in the tucatinib arm vs. 5.6 months."
    return [Citation(marker=1, chunk_id="c1", section="3.1.3", section_title="TKI", kind="text", text=text, quote=text)]


def test_generate_streams_the_reply_as_it_arrives():
    llm = StreamingLLM()
    seen: list[tuple[str, int]] = []
    answer = generate(llm, QUESTION, _offered(), Answer(question=QUESTION, answer=""),
                      on_token=lambda text: seen.append((text, llm.pieces_sent)))
    assert answer.answer == REPLY and answer.backend == "llm"
    assert len(seen) == len(REPLY.split(" "))
    # each piece reached on_token before the next was produced: real streaming, not a replay
    assert [sent for _, sent in seen] == list(range(1, len(seen) + 1))
    assert seen[0][0] == "The" and seen[-1][0] == REPLY


@pytest.mark.parametrize("error", [ConnectionError("connection refused"), TimeoutError("timed out")])
def test_connection_and_timeout_errors_mean_backend_unavailable(error):
    with pytest.raises(BackendUnavailable):
        generate(StreamingLLM(fail_with=error), QUESTION, _offered(), Answer(question=QUESTION, answer=""),
                 on_token=lambda text: None)
    with pytest.raises(BackendUnavailable):
        condense(StreamingLLM(fail_with=error), "User: q", "and then?")


def test_http_errors_of_the_client_libraries_mean_backend_unavailable():
    import httpx

    request = httpx.Request("POST", "http://127.0.0.1:1/api/chat")
    status = httpx.HTTPStatusError("500", request=request, response=httpx.Response(500, request=request))
    assert is_backend_error(status) and is_backend_error(httpx.ConnectError("refused", request=request))
    assert is_backend_error(httpx.ReadTimeout("slow", request=request))
    openai = pytest.importorskip("openai")
    assert is_backend_error(openai.APIConnectionError(request=request))


@pytest.mark.parametrize("error", [TypeError("unexpected keyword 'foo'"), KeyError("message"), ValueError("bad")])
def test_programming_errors_are_not_disguised_as_an_outage(error):
    assert not is_backend_error(error)
    with pytest.raises(type(error)):
        generate(StreamingLLM(fail_with=error), QUESTION, _offered(), Answer(question=QUESTION, answer=""))
    with pytest.raises(type(error)):
        generate(StreamingLLM(fail_with=error), QUESTION, _offered(), Answer(question=QUESTION, answer=""),
                 on_token=lambda text: None)


def test_ask_stream_shows_tokens_then_the_verified_answer(assistant):
    llm = StreamingLLM(reply=REPLY + " The OS hazard ratio was 0.31 [1].")
    clone = assistant.with_settings(llm_backend="ollama").with_llm(llm)
    updates = list(clone.ask_stream(QUESTION))
    partial = [text for text, final in updates if final is None]
    final = updates[-1][1]
    assert partial and partial[0] != final.answer and "0.31" in partial[-1]  # raw tokens arrived first
    assert final.backend == "llm" and "7.8" in final.answer
    assert "0.31" not in final.answer and any("0.31" in note for note in final.verifier)  # the verifier's edit


def test_ask_stream_gives_an_extractive_answer_in_one_step(assistant):
    updates = list(assistant.ask_stream(QUESTION))
    assert len(updates) == 1  # no artificial pacing: the first update is the whole answer
    text, final = updates[0]
    assert final is not None and text == final.answer and "7.8 months" in text


def test_ask_stream_passes_errors_on(assistant):
    clone = assistant.with_settings(llm_backend="ollama").with_llm(StreamingLLM(fail_with=TypeError("bug")))
    with pytest.raises(TypeError):
        list(clone.ask_stream(QUESTION))
