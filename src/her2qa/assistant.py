"""The facade every front end uses (CLI, UI, benchmark): load once, then ``ask`` per question."""

from __future__ import annotations

import re
import threading
import time
from typing import Iterator

from .answer import ExtractiveAnswerer
from .chat import Conversation, Turn, answer_entities, resolve
from .corpus import Corpus
from .llm import BackendUnavailable, condense, describe, generate, make_llm
from .query import QueryAnalyzer
from .results import Answer
from .retrieval import HybridRetriever
from .settings import Settings
from .verify import verify


class Assistant:
    """Loads corpus, index and models once per process; ``ask`` is then cheap and thread-safe."""

    def __init__(self, settings: Settings | None = None, *, llm=None):
        from .embedding import load_embedder
        from .store import load_unit_vectors, open_vector_store

        self.settings = settings or Settings()
        self.corpus = Corpus.load(self.settings)
        vector_store = open_vector_store(self.settings)  # IndexUnavailable with a readable message
        embedder = load_embedder(self.settings.embed_model)
        self.analyzer = QueryAnalyzer("\n".join(d.text for d in self.corpus.documents))
        self.retriever = HybridRetriever(self.settings, self.corpus, vector_store, embedder,
                                         load_unit_vectors(self.settings))
        self.answerer = ExtractiveAnswerer(self.settings, self.corpus)
        self.llm, self.llm_error = self._load_llm(llm)
        import torch

        torch.set_num_threads(self.settings.query_threads)
        self._lock = threading.Lock()  # the embedding model is not re-entrant under torch threads

    def _load_llm(self, llm=None):
        if llm is not None:
            return llm, ""
        try:
            return make_llm(self.settings), ""
        except BackendUnavailable as exc:
            return None, str(exc)

    def with_settings(self, **overrides) -> "Assistant":
        """A sibling sharing corpus, index and models but with other retrieval/answer settings."""
        clone = object.__new__(Assistant)
        clone.__dict__.update(self.__dict__)
        clone.settings = self.settings.model_copy(update=overrides)
        clone.retriever = self.retriever.with_settings(clone.settings)
        clone.answerer = ExtractiveAnswerer(clone.settings, self.corpus)
        if {"llm_backend", "llm_model", "llm_base_url"} & set(overrides):
            clone.llm, clone.llm_error = clone._load_llm()
        return clone

    def with_llm(self, llm) -> "Assistant":
        """A sibling answering through ``llm`` (any llama-index LLM), e.g. a scripted one in tests."""
        clone = self.with_settings()
        clone.llm, clone.llm_error = llm, ""
        return clone

    # ---- input checks ---------------------------------------------------------------------------
    def check(self, question: object) -> str:
        """A readable problem with the question, or '' if it is fine."""
        if not isinstance(question, str) or not question.strip():
            return "Please type a question about the review."
        if len(question) > self.settings.max_question_chars:
            return (f"Questions are limited to {self.settings.max_question_chars} characters; "
                    f"this one has {len(question)}. Please shorten it.")
        return ""

    # ---- answering ------------------------------------------------------------------------------
    def ask(self, question: str, conversation: Conversation | None = None, on_token=None) -> Answer:
        """Answer one question (a turn of ``conversation`` when given). ``on_token`` receives the
        unverified LLM text as it streams (LLM backend only); the returned answer is verified."""
        started = time.perf_counter()
        problem = self.check(question)
        if problem:
            return Answer(question=str(question or ""), answer=problem, abstained=True, error=problem)
        question = re.sub(r"\s+", " ", question).strip()
        notice = f"LLM backend unavailable ({self.llm_error}); answered extractively." if self.llm_error else ""
        resolved, entities = resolve(question, conversation, self.analyzer)
        if self.llm is not None and conversation is not None and conversation.turns and resolved != question:
            try:
                resolved = condense(self.llm, conversation.history_text(), question)
            except BackendUnavailable as exc:
                notice = f"LLM backend unavailable ({exc}); answered extractively."
        query = self.analyzer.analyze(resolved, carried=[e for e in entities if e.lower() not in question.lower()])
        with self._lock:
            candidates = self.retriever.retrieve(query)
        retrieved_at = time.perf_counter()

        answer = self.answerer.answer(question, query, candidates)
        if self.llm is not None and not notice and not query.unknown:
            offered = [self.answerer.citation(i + 1, c.chunk, c.best.unit.text if c.best else c.chunk.text,
                                              query, c.best.unit.start if c.best else None)
                       for i, c in enumerate(self.answerer.pool(candidates))]
            try:
                answer = generate(self.llm, resolved, offered, answer.model_copy(update={"citations": []}),
                                  on_token=on_token)
            except BackendUnavailable as exc:
                notice = f"LLM backend unavailable ({exc}); showing the extractive answer."
        allowed = self._reachable(candidates)
        answer = verify(answer, allowed)
        total = time.perf_counter() - started
        answer = answer.model_copy(update={
            "notice": notice, "resolved_question": resolved,
            "timings_ms": {"retrieve": round((retrieved_at - started) * 1000, 1),
                           "answer": round((time.perf_counter() - retrieved_at) * 1000, 1),
                           "total": round(total * 1000, 1)},
        })
        if conversation is not None:
            # "Which TKI was first approved?" → the next "it" is the answer's subject (lapatinib).
            named = answer_entities(answer, self.analyzer)
            own = list({e.lower(): e for e in reversed(named + [e for e in entities if e not in query.common])}.values())
            own = list(reversed(own))[:4]
            conversation.add(Turn(question=question, resolved=resolved, answer=answer, entities=own))
        return answer

    def _reachable(self, candidates) -> set[str]:
        """Passages retrieved for this question, plus the reference entries they cite (one hop)."""
        top = list({c.chunk.id: c for c in candidates[: self.settings.top_k] + self.answerer.pool(candidates)}.values())
        allowed = {c.chunk.id for c in top}
        for cand in top:
            chunk = cand.chunk
            numbers = chunk.references
            if chunk.paragraph >= 0:  # a marker later in the same paragraph still covers the claim
                numbers = self.corpus.document(chunk.source).paragraphs[chunk.paragraph].references
            for number in numbers:
                entry = self.corpus.reference_chunk(chunk.source, number)
                if entry is not None:
                    allowed.add(entry.id)
        return allowed

    def ask_stream(self, question: str, conversation: Conversation | None = None
                   ) -> Iterator[tuple[str, Answer | None]]:
        """Yield the verified answer progressively: (partial text, None) … then (text, Answer)."""
        answer = self.ask(question, conversation)
        words = re.split(r"(\s+)", answer.answer)
        shown = ""
        step = max(1, len(words) // 24)
        for i in range(0, len(words), step):
            shown = "".join(words[: i + step])
            yield shown, None
        yield answer.answer, answer

    def about(self) -> dict:
        meta = self.corpus.primary.meta
        return {
            "citation": meta.citation(), "doi": meta.doi, "pmcid": meta.pmcid, "pmid": meta.pmid,
            "licence": "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)",
            "backend": describe(self.settings), "index": self.settings.chroma_url or str(self.settings.index_dir),
            "chunks": len(self.corpus.chunks),
        }
