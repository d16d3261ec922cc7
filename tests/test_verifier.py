"""The verifier and the optional LLM path, with a scripted fake LLM (no server needed)."""

from __future__ import annotations

from typing import Any

import pytest
from llama_index.core.llms import CompletionResponse, CustomLLM, LLMMetadata
from llama_index.core.llms.callbacks import llm_completion_callback

from her2qa.chat import Conversation
from her2qa.results import Answer, Citation
from her2qa.verify import segments, verify

from .conftest import free_port


class ScriptedLLM(CustomLLM):
    """Returns the scripted replies in order; raises if told to, like a server that is down."""

    replies: list[str] = []
    down: bool = False
    prompts: list[str] = []

    @property
    def metadata(self) -> LLMMetadata:
        return LLMMetadata(model_name="scripted")

    @llm_completion_callback()
    def complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponse:
        if self.down:
            raise ConnectionError("connection refused")
        self.prompts.append(prompt)
        return CompletionResponse(text=self.replies.pop(0))

    @llm_completion_callback()
    def stream_complete(self, prompt: str, formatted: bool = False, **kwargs: Any):
        yield self.complete(prompt)


def citation(marker: int, chunk_id: str, text: str) -> Citation:
    return Citation(marker=marker, chunk_id=chunk_id, section="3.1.3", section_title="TKI", kind="text",
                    text=text, quote=text)


PASSAGE = "After a median follow-up of 14 months, the median PFS was 7.8 months in the tucatinib arm vs. 5.6 months."


def test_segments_keep_markers_with_their_claims():
    assert segments("A is 5 [1]. B is 6 [2][3]. Tail") == ["A is 5 [1].", "B is 6 [2][3].", "Tail"]


def test_supported_answer_is_kept():
    answer = Answer(question="q", answer="Median PFS was 7.8 vs. 5.6 months [1].",
                    citations=[citation(1, "c1", PASSAGE)])
    checked = verify(answer, {"c1"})
    assert checked.answer == "Median PFS was 7.8 vs. 5.6 months. [1]" and not checked.verifier


def test_invented_number_is_removed():
    answer = Answer(question="q", answer="Median PFS was 7.8 months [1]. The hazard ratio was 0.31 [1].",
                    citations=[citation(1, "c1", PASSAGE)])
    checked = verify(answer, {"c1"})
    assert "0.31" not in checked.answer and "7.8" in checked.answer
    assert any("0.31" in note for note in checked.verifier)


def test_marker_to_an_unretrieved_passage_is_removed():
    answer = Answer(question="q", answer="Median PFS was 7.8 months [1]. It cured everyone [2].",
                    citations=[citation(1, "c1", PASSAGE), citation(2, "elsewhere", "It cured everyone.")])
    checked = verify(answer, {"c1"})
    assert "cured" not in checked.answer and [c.marker for c in checked.citations] == [1]


def test_unearned_citations_are_stripped():
    answer = Answer(question="q", answer="Median PFS was 7.8 months [1].",
                    citations=[citation(1, "c1", PASSAGE), citation(2, "c2", "unrelated")])
    assert [c.marker for c in verify(answer, {"c1", "c2"}).citations] == [1]


def test_nothing_verifiable_becomes_a_refusal():
    answer = Answer(question="q", answer="The OS was 99 months [1].", citations=[citation(1, "c1", PASSAGE)])
    checked = verify(answer, {"c1"})
    assert checked.abstained and not checked.citations and "could not be verified" in checked.answer


@pytest.fixture()
def llm_assistant(assistant):
    llm = ScriptedLLM()
    return assistant.with_settings(llm_backend="ollama").with_llm(llm), llm


def test_llm_good_answer_passes_the_verifier(llm_assistant):
    clone, llm = llm_assistant
    llm.replies = ["The median PFS was 7.8 months with tucatinib versus 5.6 months with placebo [1]."]
    answer = clone.ask("What was the median PFS with tucatinib versus placebo in HER2CLIMB?")
    assert answer.backend == "llm" and "7.8" in answer.answer and not answer.verifier
    assert [c.marker for c in answer.citations] == [1]
    assert "Passages:" in llm.prompts[0] and "HER2CLIMB" in llm.prompts[0]


def test_llm_hallucinations_are_caught(llm_assistant):
    clone, llm = llm_assistant
    llm.replies = ["The median PFS was 7.8 months with tucatinib [1]. The OS hazard ratio was 0.31 [1]. "
                   "Tucatinib is also approved in Japan [17]."]
    answer = clone.ask("What was the median PFS with tucatinib versus placebo in HER2CLIMB?")
    assert "7.8" in answer.answer
    assert "0.31" not in answer.answer and "Japan" not in answer.answer
    notes = " ".join(answer.verifier)
    assert "0.31" in notes and "[17]" in notes and "Japan" in notes


def test_llm_backend_down_falls_back_to_the_extractive_answer(llm_assistant):
    clone, llm = llm_assistant
    llm.down = True
    answer = clone.ask("What was the median PFS with tucatinib versus placebo in HER2CLIMB?")
    assert answer.backend == "extractive" and "7.8 months" in answer.answer
    assert "unavailable" in answer.notice


def test_llm_condenses_follow_ups(llm_assistant):
    clone, llm = llm_assistant
    conversation = Conversation()
    llm.replies = ["KATE2 compared T-DM1 with or without atezolizumab [1].",
                   "What was the PFS in the PD-L1 positive subgroup of KATE2?",
                   "PFS was 8.5 months vs. 4.1 months [1]."]
    clone.ask("What did the KATE2 trial test?", conversation)
    answer = clone.ask("And what was the PFS in the PD-L1 positive subgroup?", conversation)
    assert answer.resolved_question == "What was the PFS in the PD-L1 positive subgroup of KATE2?"
    assert "8.5" in answer.answer


def test_real_ollama_backend_that_is_down_gives_a_notice(assistant):
    port = free_port()
    clone = assistant.with_settings(llm_backend="ollama", llm_model="llama3.1",
                                    llm_base_url=f"http://127.0.0.1:{port}", llm_timeout_s=5)
    answer = clone.ask("What is the drug-to-antibody ratio of T-DXd?")
    assert "approximately eight" in answer.answer and answer.backend == "extractive"
    assert "unavailable" in answer.notice
