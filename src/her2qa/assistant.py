"""The facade every front end uses (CLI, UI, benchmark): load once, then ``ask`` per question."""

from __future__ import annotations

import re
import threading
import time
from typing import Iterator

from .answering.extractive import ExtractiveAnswerer, asked_kind
from .answering.pipeline import AnswerPipeline
from .chat import (Conversation, Turn, answer_entities, answering_point, excluded, is_trial_name,
                   point_entities, points_at_what_was_said, resolve, told_as_past_treatment)
from .corpus import Corpus
from .llm import BackendUnavailable, condense, describe, generate, make_llm
from .query import QueryAnalyzer, mentions
from .results import Answer
from .retrieval import HybridRetriever
from .settings import Settings
from .verify import verify


_START_LOCK = threading.Lock()
# A question whose answer is a name: "which TKI…", "what drug…", "who…".
ASKS_WHICH_RE = re.compile(r"^\s*(?:which|what (?!is\b|are\b|was\b|were\b|did\b|does\b|do\b|about\b)\w+)\b|"
                           r"^\s*any\b|\b(?:another|any other|other)\b", re.IGNORECASE)  # "any akt inhibitors…?", "another…?"
# "what receptor family does AXL belong to?" asks for a class: the members the answer lists are not its subject
ASKS_CLASS_RE = re.compile(r"^\s*(?:which|what)\s+(?:[\w\-]+\s+)?(?:family|class|type|kind|group|category)\b", re.I)


def index_mismatch(settings: Settings) -> str:
    """Why the local index cannot be used as it is ('' when ``manifest.json`` names an existing
    database built from this corpus with these settings). Cheap: it reads the manifest and hashes
    the corpus files, and opens no database. Not for a Chroma server (nothing local to read)."""
    import json

    from .store import expected_manifest

    if settings.chroma_url:
        return "the index is on a Chroma server"
    try:
        manifest = json.loads(settings.manifest_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return "no index yet"
    except (OSError, ValueError):
        return "the index manifest cannot be read"
    folder = manifest.get("chroma_dir") if isinstance(manifest, dict) else None
    if not isinstance(folder, str) or not folder or not (settings.index_dir / folder / "chroma.sqlite3").is_file():
        return "the index folder is missing"
    stale = [key for key, value in expected_manifest(settings).items() if manifest.get(key) != value]
    return f"the index is out of date ({', '.join(stale)} changed)" if stale else ""


def _dense_problem(exc: BaseException) -> str:
    """Why answers stay lexical, for the answer's notice (users see it: no server paths)."""
    from .store import IndexUnavailable
    from .ui import _raised_by_the_index, _unavailable_message, _without_server_details

    if isinstance(exc, IndexUnavailable) or _raised_by_the_index(exc):
        return _unavailable_message(exc)
    return _without_server_details(f"the embedding model could not be loaded ({type(exc).__name__}: {exc}).")


class Assistant:
    """Loads corpus, index and models once per process; ``ask`` is then cheap and thread-safe."""

    def __init__(self, settings: Settings | None = None, *, llm=None, lazy_dense: bool = False,
                 start_dense: bool = True, corpus: Corpus | None = None):
        """``lazy_dense=True`` (the web app) answers with lexical retrieval until the embedding
        model has loaded in the background, so the first answer does not wait for it; everything
        else (CLI, eval, tests) loads it first, so answers never depend on timing. With
        ``start_dense=False`` that background load waits for :meth:`start_dense` (the web app calls
        it after its first answer: importing torch would otherwise share the CPU with it).
        ``corpus``: the corpus already parsed from these settings' corpus folder, if there is one."""
        from .embedding import load_embedder
        from .store import load_unit_vectors, open_vector_store

        self.settings = settings or Settings()
        self.corpus = corpus if corpus is not None else Corpus.load(self.settings)
        # The web app with a local index whose manifest matches: lexical answers need only the
        # corpus, so the database is opened in the background with the embedding model.
        deferred = lazy_dense and not index_mismatch(self.settings)
        if deferred:
            vector_store, unit_vectors = None, {}
        else:  # IndexUnavailable with a readable message; the web app wraps it for llama-index later
            vector_store = open_vector_store(self.settings, wrap=not lazy_dense)
            unit_vectors = load_unit_vectors(self.settings)
        self.analyzer = QueryAnalyzer("\n".join(d.text for d in self.corpus.documents))
        self.retriever = HybridRetriever(self.settings, self.corpus, vector_store,
                                         None if lazy_dense else load_embedder(self.settings.embed_model),
                                         unit_vectors)
        self.dense_error = ""
        self.dense_loader = None
        if lazy_dense:
            def load() -> None:
                try:
                    if deferred:
                        self._open_index()
                    embedder = load_embedder(self.settings.embed_model)
                    import torch

                    torch.set_num_threads(self.settings.query_threads)
                    self.retriever.attach_embedder(embedder)
                except Exception as exc:  # answers stay lexical and say why
                    self.dense_error = _dense_problem(exc)

            self.dense_loader = threading.Thread(target=load, name="her2qa-embedder", daemon=True)
        self.answerer = ExtractiveAnswerer(self.settings, self.corpus)
        self.pipeline = AnswerPipeline(self.settings, self.corpus, self.analyzer, self._retrieve)
        self.llm, self.llm_error = self._load_llm(llm)
        if not lazy_dense:
            import torch

            torch.set_num_threads(self.settings.query_threads)
        self._lock = threading.Lock()  # the embedding model is not re-entrant under torch threads
        if lazy_dense and start_dense:
            self.start_dense()  # last, so its imports do not slow the rest of the start

    def _open_index(self) -> None:
        """Open and check the database (deferred by ``lazy_dense``): its sentence vectors, then the
        collection the embedding model will search. The retriever shares both with its clones."""
        from .store import load_unit_vectors, open_vector_store

        collection = open_vector_store(self.settings, wrap=False)
        vectors = load_unit_vectors(self.settings)
        self.retriever.attach_dense(collection, vectors)

    def start_dense(self) -> None:
        """Start loading the embedding model in the background (``lazy_dense`` only; once)."""
        with _START_LOCK:
            if self.dense_loader is not None and self.dense_loader.ident is None:
                self.dense_loader.start()

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
        clone.pipeline = self.pipeline.with_settings(clone.settings, clone._retrieve)
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
        from .inputs import clean_question

        return clean_question(question, self.settings.max_question_chars).error

    # ---- answering ------------------------------------------------------------------------------
    def ask(self, question: str, conversation: Conversation | None = None, on_token=None) -> Answer:
        """Answer one question (a turn of ``conversation`` when given). ``on_token`` receives the
        unverified LLM text as it streams (LLM backend only); the returned answer is verified."""
        started = time.perf_counter()
        from .inputs import clean_question, preview

        cleaned = clean_question(question, self.settings.max_question_chars)  # before any model call
        if cleaned.error:  # echo only a short, cleaned prefix of a rejected question
            return Answer(question=preview(question), answer=cleaned.error, abstained=True, error=cleaned.error)
        question = cleaned.text
        question = re.sub(r"\s+", " ", question).strip()
        asked = question
        notice = f"LLM backend unavailable ({self.llm_error}); answered extractively." if self.llm_error else ""
        if self.retriever.embedder is None and self.settings.retrieval_mode != "bm25":
            notice = ("Answered with keyword retrieval only: the embedding model is still loading."
                      if not self.dense_error else f"Answered with keyword retrieval only: {self.dense_error}")
        question = self.analyzer.correct(question)  # typos and shorthand → the review's words
        resolved, entities = resolve(question, conversation, self.analyzer)
        if self.llm is not None and conversation is not None and conversation.turns and resolved != question:
            try:
                resolved = condense(self.llm, conversation.history_text(), question)
            except BackendUnavailable as exc:
                notice = f"LLM backend unavailable ({exc}); answered extractively."
        carried = [e for e in entities if e.lower() not in question.lower()]
        outcome = self.pipeline.run(asked, resolved, carried)
        if conversation is not None and conversation.turns and points_at_what_was_said(question) \
                and re.search(r"\b(?:that|this)\b", resolved, re.I):  # ('for that' read as 'for HER2-low' points nowhere)
            outcome = self._carried_on(outcome, asked, resolved, conversation.turns[-1].answer)
        answer, candidates = outcome.answer, outcome.candidates
        # Only the LLM path and the conversation memory need the whole question's analysis.
        query = self.analyzer.analyze(resolved, carried=carried) if self.llm is not None or conversation else None
        if self.llm is not None and not notice and not query.unknown:
            offered = [self.answerer.citation(i + 1, c.chunk, c.best.unit.text if c.best else c.chunk.text,
                                              query, c.best.unit.start if c.best else None)
                       for i, c in enumerate(self.answerer.pool(candidates))]
            try:
                answer = generate(self.llm, resolved, offered,
                                  answer.model_copy(update={"citations": [], "points": [], "lead": "",
                                                            "table": None}),
                                  on_token=on_token)
            except BackendUnavailable as exc:
                notice = f"LLM backend unavailable ({exc}); showing the extractive answer."
        allowed = self._reachable(candidates) | outcome.considered
        answer = verify(answer, allowed)
        total = time.perf_counter() - started
        answer = answer.model_copy(update={
            "notice": notice or answer.notice, "resolved_question": resolved, "question": asked,
            "read_as": resolved if _plain(resolved) != _plain(asked) else "",
            "timings_ms": {"retrieve": round(outcome.retrieve_s * 1000, 1),
                           "answer": round((total - outcome.retrieve_s) * 1000, 1),
                           "total": round(total * 1000, 1)},
        })
        answer = answer.model_copy(update={"follow_ups": self.pipeline.follow_ups(answer)})
        if conversation is not None:
            # "Which TKI was first approved?" → the next "it" is the answer's subject (lapatinib).
            named = answer_entities(answer, self.analyzer)
            from .retrieval import is_generic

            subjects = [e for e in entities if e not in query.common and not is_generic(e)
                        and not excluded(e, question)]  # "apart from EMILIA, …" is not about EMILIA
            subjects = self._asked_first(subjects, question)
            # "Which PI3K inhibitor is α-selective?" → the answer (alpelisib) is what "its" means next.
            ordered = subjects + named
            if ASKS_WHICH_RE.search(question) and not ASKS_CLASS_RE.search(question):
                if not named and re.match(r"\W*(?:(?:so|and|ok)\s+)?which\b", question, re.I):
                    # "which HER2 bispecific does the review talk up?": an opening point about bispecifics in general
                    # names none; the point that names one (ZW25) answers which
                    named = next((found for point in answer.points[1:]
                                  if (found := point_entities(point.text, answer.question, self.analyzer))), [])
                # only a name of the kind asked answers it: "which trial…?" is not answered by "T-DM1"
                kind = asked_kind(question)
                answering = [e for e in named if not kind or (kind == "trial") == is_trial_name(e, self.analyzer)]
                ordered = answering + subjects + named
            first_seen: dict[str, str] = {}
            for name in ordered:
                first_seen.setdefault(name.lower(), name)
            own = list(first_seen.values())[:4]
            conversation.add(Turn(question=question, resolved=resolved, answer=answer, entities=own))
        return answer

    def _asked_first(self, names: list[str], question: str) -> list[str]:
        """'my pt is progressing on kadcyla. what did destiny-breast03 show?': the names of the sentence
        that asks come before those of the context told first, so the next 'it' is DESTINY-Breast03."""
        sentences = [s for s in re.split(r"(?<=[.!?])\s+(?=\S)", question.strip()) if s.strip()]
        if len(sentences) < 2:
            return names
        asking = next((s for s in reversed(sentences) if s.rstrip().endswith("?")), sentences[-1])
        # ('anything for pts progressing on kadcyla? saw something about syd985': the treatment that failed stays
        # background, though the asking sentence names it)
        inside = [n for n in names if mentions(asking, self.analyzer.aliases_of(n) + [n])
                  and not told_as_past_treatment(asking, self.analyzer.aliases_of(n) + [n])]
        return inside + [n for n in names if n not in inside] if inside else names

    def _carried_on(self, outcome, asked: str, resolved: str, previous: Answer):
        """'how is that being addressed?': where the review goes on from what the last answer quoted,
        when it does (else the retrieved answer stands)."""
        if previous.abstained or not previous.points:
            return outcome
        carried_on = self.pipeline.continuation(asked, resolved, answering_point(previous, by_topic=True))
        if carried_on is None:
            return outcome
        carried_on.answer = carried_on.answer.model_copy(update={"retrieved": outcome.answer.retrieved})
        carried_on.candidates = outcome.candidates
        carried_on.considered |= outcome.considered
        carried_on.retrieve_s = outcome.retrieve_s
        return carried_on

    def _retrieve(self, query):
        with self._lock:
            return self.retriever.retrieve(query)

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
        """Yield ``(text so far, None)`` while an LLM backend's reply arrives, then ``(text, Answer)``
        with the verified answer (the verifier's edits included). No pacing: an extractive answer
        is yielded once, as soon as it exists; LLM text is yielded as the backend sends it."""
        import queue

        updates: queue.Queue = queue.Queue()
        done = object()
        outcome: dict = {}

        def run() -> None:
            try:
                outcome["answer"] = self.ask(question, conversation, on_token=lambda text: updates.put(text))
            except BaseException as exc:  # handed to the consumer below
                outcome["error"] = exc
            finally:
                updates.put(done)

        worker = threading.Thread(target=run, name="her2qa-ask", daemon=True)
        worker.start()
        while True:
            item = updates.get()
            if item is done:
                break
            while not updates.empty():  # only the newest text matters when the reader is slow
                nxt = updates.get()
                if nxt is done:
                    updates.put(done)
                    break
                item = nxt
            yield item, None
        worker.join()
        if "error" in outcome:
            raise outcome["error"]
        answer = outcome["answer"]
        yield answer.answer, answer

    def restore_conversation(self, answers: list[Answer]) -> Conversation:
        """A conversation rebuilt from saved answers (e.g. after a page reload), so follow-ups
        resolve against it as if it had been asked in this process."""
        conversation = Conversation()
        for answer in answers:
            if answer.error:
                continue
            resolved = answer.resolved_question or answer.question
            named = answer_entities(answer, self.analyzer)
            own = [e for e in self.analyzer.entities_in(resolved) if self.analyzer.known(e)]
            entities = list(dict.fromkeys(named + own))[:4]
            conversation.add(Turn(question=answer.question, resolved=resolved, answer=answer, entities=entities))
        return conversation

    def about(self) -> dict:
        meta = self.corpus.primary.meta
        return {
            "citation": meta.citation(), "doi": meta.doi, "pmcid": meta.pmcid, "pmid": meta.pmid,
            "licence": meta.licence or "not stated in the article",
            # No server paths or URLs: this is shown to users.
            "backend": describe(self.settings, public=True), "chunks": len(self.corpus.chunks),
            "references": len(self.corpus.primary.references),
        }


def _plain(question: str) -> str:
    """A question compared for showing "Read as": case, end punctuation and hyphens ('first line' read
    as 'first-line') are not a different reading."""
    return re.sub(r"[\s\-–]+", " ", question.rstrip("?. ").lower())
