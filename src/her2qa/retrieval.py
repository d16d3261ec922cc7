"""Hybrid retrieval: BM25 (bm25s) and dense (Chroma through llama-index), fused by weighted
reciprocal rank, then re-scored sentence by sentence (the second stage)."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from .chunking import Chunk
from .corpus import Corpus
from .query import SIGNED_STATUS_RE, Query, compact, names_any, tokenize
from .vocabulary import ABBREVIATIONS, AGENCIES, NAMED_ABBREVIATIONS
from .settings import Settings
from .store import Unit, chunk_units


@dataclass
class ScoredUnit:
    unit: Unit
    score: float
    dense: float
    lexical: float
    entity: float


@dataclass
class Candidate:
    chunk: Chunk
    fused: float
    score: float = 0.0
    bm25_rank: int | None = None
    dense_rank: int | None = None
    units: list[ScoredUnit] = field(default_factory=list)

    @property
    def best(self) -> ScoredUnit | None:
        return max(self.units, key=lambda u: u.score) if self.units else None


class LexicalIndex:
    """BM25 over chunk retrieval text with the review-aware tokenizer (codes, numbers, hyphens)."""

    def __init__(self, chunks: list[Chunk]):
        import bm25s

        self.chunks = chunks
        docs = [tokenize(c.retrieval_text) for c in chunks]
        self.bm25 = bm25s.BM25(k1=1.2, b=0.75)
        self.bm25.index(docs, show_progress=False)
        df = Counter(t for d in docs for t in set(d))
        n = len(docs)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}
        self.max_idf = math.log(1 + (n + 0.5) / 0.5)

    def search(self, terms: list[str], k: int) -> list[tuple[int, float]]:
        terms = [t for t in terms if t in self.bm25.vocab_dict]
        if not terms:
            return []
        scores = self.bm25.get_scores(terms)
        order = np.argsort(-scores)[:k]
        return [(int(i), float(scores[i])) for i in order if scores[i] > 0]

    def coverage(self, terms: list[str], text: str) -> float:
        """Share of the query's idf mass present in ``text``."""
        wanted = {t: self.idf.get(t, self.max_idf) for t in set(terms)}
        total = sum(wanted.values())
        if not total:
            return 0.0
        have = set(tokenize(text))
        return sum(w for t, w in wanted.items() if t in have) / total


class HybridRetriever:
    def __init__(self, settings: Settings, corpus: Corpus, vector_store, embedder,
                 unit_vectors: dict[str, list[float]]):
        self.settings = settings
        self.corpus = corpus
        # The dense side (embedder + vector index) may arrive after construction (see
        # Assistant(lazy_dense=True)); clones share this holder, so they see it arrive too.
        self._dense_side: dict = {"vector_store": vector_store, "embedder": None, "index": None}
        if embedder is not None:
            self.attach_embedder(embedder)
        self.lexical = LexicalIndex(corpus.chunks)
        self.position = {c.id: i for i, c in enumerate(corpus.chunks)}
        self.units = {c.id: chunk_units(c) for c in corpus.chunks}
        self.unit_vectors = {k: np.asarray(v, dtype=np.float32) for k, v in unit_vectors.items()}
        self._scopes: dict[str, tuple[str, str]] = {}
        self.cross_encoder = load_cross_encoder(settings.cross_encoder) if settings.cross_encoder else None
        self._terms: dict[str, set[str]] = {}

    def attach_embedder(self, embedder) -> None:
        from llama_index.core import VectorStoreIndex

        from .store import wrap_collection

        side = self._dense_side
        if not hasattr(side["vector_store"], "stores_text"):  # a bare Chroma collection: wrap it now
            side["vector_store"] = wrap_collection(side["vector_store"])
        side["index"] = VectorStoreIndex.from_vector_store(side["vector_store"], embed_model=embedder)
        side["embedder"] = embedder

    def attach_dense(self, vector_store, unit_vectors: dict[str, list[float]]) -> None:
        """The vector store and sentence vectors, when the database opens after start-up."""
        # In place: the per-preset clones share these holders, so they see the database arrive too.
        self.unit_vectors.update({k: np.asarray(v, dtype=np.float32) for k, v in unit_vectors.items()})
        self._dense_side["vector_store"] = vector_store  # wrapped by attach_embedder

    @property
    def embedder(self):
        return self._dense_side["embedder"]

    @property
    def index(self):
        return self._dense_side["index"]

    def with_settings(self, settings: Settings) -> "HybridRetriever":
        clone = object.__new__(HybridRetriever)
        clone.__dict__.update(self.__dict__)
        clone.settings = settings
        if settings.cross_encoder != self.settings.cross_encoder:
            clone.cross_encoder = load_cross_encoder(settings.cross_encoder) if settings.cross_encoder else None
        return clone

    # ---- first stage ------------------------------------------------------------------------
    def _allowed(self, chunk: Chunk, query: Query) -> bool:
        return chunk.kind != "backmatter" or query.wants_backmatter

    def _dense(self, query: Query, embedding: list[float], k: int) -> list[tuple[str, float]]:
        from llama_index.core.schema import QueryBundle

        retriever = self.index.as_retriever(similarity_top_k=k)
        hits = retriever.retrieve(QueryBundle(query_str=query.expanded, embedding=embedding))
        return [(hit.node.node_id, float(hit.score or 0.0)) for hit in hits]

    def retrieve(self, query: Query) -> list[Candidate]:
        s = self.settings
        embedder = self.embedder
        # Until the embedding model has loaded, retrieval is lexical only (and sentences get no cosine).
        embedding = embedder.get_query_embedding(query.expanded) if embedder is not None else None
        q_vec = np.asarray(embedding, dtype=np.float32) if embedding is not None else None
        pool: dict[str, Candidate] = {}
        if s.retrieval_mode in ("hybrid", "bm25"):
            for rank, (i, _) in enumerate(self.lexical.search(query.terms, s.top_k_bm25)):
                chunk = self.corpus.chunks[i]
                cand = pool.setdefault(chunk.id, Candidate(chunk, 0.0))
                cand.bm25_rank = rank
                cand.fused += s.bm25_weight / (s.rrf_k + rank + 1)
        if s.retrieval_mode in ("hybrid", "dense") and embedding is not None:
            for rank, (chunk_id, _) in enumerate(self._dense(query, embedding, s.top_k_dense)):
                chunk = self.corpus.by_id.get(chunk_id)
                if chunk is None:
                    continue
                cand = pool.setdefault(chunk.id, Candidate(chunk, 0.0))
                cand.dense_rank = rank
                weight = s.dense_weight if s.retrieval_mode == "hybrid" else 1.0
                cand.fused += weight / (s.rrf_k + rank + 1)
        candidates = [c for c in pool.values() if self._allowed(c.chunk, query)]
        for cand in candidates:
            self._score_units(cand, query, q_vec)
        if s.rerank and self.cross_encoder is not None:
            self._cross_encode(candidates, query)
        if s.rerank:
            top = max((c.fused for c in candidates), default=1.0) or 1.0
            for cand in candidates:
                best = cand.best.score if cand.units else 0.0
                cand.score = best + 0.25 * cand.fused / top
        else:
            for cand in candidates:
                cand.score = cand.fused
        candidates.sort(key=lambda c: (-c.score, self.position[c.chunk.id]))
        return candidates

    # ---- second stage -----------------------------------------------------------------------
    def _cross_encode(self, candidates: list[Candidate], query: Query, per_chunk: int = 3, chunks: int = 12) -> None:
        """With a cross-encoder configured, its judgement of (question, sentence) replaces the dense
        term for the strongest sentences of the strongest candidates."""
        top = sorted(candidates, key=lambda c: -c.fused)[:chunks]
        pairs = [(cand, unit) for cand in top for unit in sorted(cand.units, key=lambda u: -u.score)[:per_chunk]]
        if not pairs:
            return
        logits = self.cross_encoder.predict([(query.text, u.unit.text) for _, u in pairs], show_progress_bar=False)
        for (_, unit), logit in zip(pairs, np.atleast_1d(logits)):
            relevance = float(np.ravel(logit)[-1])
            if not 0.0 <= relevance <= 1.0:  # raw logits: squash; probabilities pass through
                relevance = float(1 / (1 + np.exp(-relevance)))
            unit.score += 0.45 * (relevance - unit.dense)
            unit.dense = relevance

    def _scope(self, chunk: Chunk) -> tuple[str, str]:
        """What a sentence's pronouns can refer to: its section path and whole paragraph."""
        cached = self._scopes.get(chunk.id)
        if cached is None:
            text = chunk.retrieval_text
            if chunk.paragraph >= 0:
                doc = self.corpus.document(chunk.source)
                paragraph = doc.paragraphs[chunk.paragraph]
                text = f"{chunk.section_path}\n{paragraph.text}"
            cached = (text.lower(), compact(text))
            self._scopes[chunk.id] = cached
        return cached

    def _unit_terms(self, unit: Unit) -> set[str]:
        terms = self._terms.get(unit.id)
        if terms is None:
            terms = self._terms[unit.id] = set(tokenize(unit.text))
        return terms

    def _score_units(self, cand: Candidate, query: Query, q_vec: np.ndarray) -> None:
        scope_lower, scope_compact = self._scope(cand.chunk)
        # The whole review is about HER2-positive BC: a passage that does not repeat it is still about it.
        present = [e for e in query.entities if e.lower() in REVIEW_SUBJECT
                   or names_any(scope_lower, scope_compact, query.aliases.get(e, [e]))]
        # Terms of entities named in the paragraph count as present in each of its sentences
        # ("its use is often limited" is about neratinib when the paragraph is).
        inherited = {t for e in present for t in tokenize(e)}
        specific = [e for e in query.entities if not is_generic(e)]
        s = self.settings
        weights = {t: self.lexical.idf.get(t, self.lexical.max_idf) for t in set(query.terms)}
        total = sum(weights.values()) or 1.0
        scored = []
        for unit in self.units[cand.chunk.id]:
            # Table rows and reference entries have no sentence vector: they are scored on terms
            # and entities (giving them their chunk vector lowered R@1 from .690 to .631).
            vec = self.unit_vectors.get(unit.id)
            dense = float(np.dot(q_vec, vec)) if vec is not None and q_vec is not None else 0.0
            have = self._unit_terms(unit) | inherited
            lexical = sum(w for t, w in weights.items() if t in have or query.equivalents.get(t, set()) & have) / total
            if query.entities:
                entity = len(present) / len(query.entities)
                if specific and not any(e in present for e in specific):
                    entity = 0.0
            else:
                entity = 0.0
            score = s.unit_dense_weight * dense + s.unit_lexical_weight * lexical + s.unit_entity_weight * entity
            if specific:
                lowered, compacted = unit.text.lower(), compact(unit.text)
                # "Nevertheless, its use is often limited…" speaks of the drug its paragraph names
                leans = bool(LEADING_PRONOUN_RE.match(unit.text))
                own = sum(1 for e in specific if names_any(lowered, compacted, query.aliases.get(e, [e]))
                          or (leans and e in present))
                score += s.unit_mention_bonus * own / len(specific)
            if cand.chunk.kind == "table" and not query.wants_list:
                score -= 0.2  # the table overview answers list questions only when nothing else does
            if cand.chunk.kind in ("table_row", "table") and query.wants_table:
                score += 0.15
            scored.append(ScoredUnit(unit, score, dense, lexical, entity))
        cand.units = scored


LEADING_PRONOUN_RE = re.compile(r"(?:(?:Nevertheless|However|Moreover|Furthermore|Additionally|Besides|Thus|Therefore|"
                                r"In addition|Importantly|Notably),?\s+)?(?:it|its|this (?:drug|agent|TKI|ADC|inhibitor|"
                                r"antibody|trial|study))\b", re.I)
REVIEW_SUBJECT = {"her2", "her2-positive", "her2+", "her2-positive bc", "her2+ bc"}
# The disease the whole review is about: naming it narrows nothing ('approved for metastatic breast cancer')
REVIEW_DISEASE = {"metastatic breast cancer", "breast cancer", "mbc", "metastatic bc", "bc"}
GENERIC = ({k for k in ABBREVIATIONS if k not in NAMED_ABBREVIATIONS}
           | {v.lower() for k, v in ABBREVIATIONS.items() if k not in NAMED_ABBREVIATIONS}
           | {"her2", "her2-positive", "her2+", "ic50", "human epidermal receptor type 2"}
           | AGENCIES)  # an agency approves; it is no subject asked about


def load_cross_encoder(path: str):
    """A sentence-transformers CrossEncoder from a local folder (none ships offline; see STACK.md)."""
    from sentence_transformers import CrossEncoder

    from .embedding import ModelUnavailable, resolve_model_path

    try:
        return CrossEncoder(resolve_model_path(path), device="cpu")
    except Exception as exc:
        raise ModelUnavailable(f"cannot load cross-encoder {path!r}: {exc}") from exc


def is_generic(entity: str) -> bool:
    """Endpoint and method abbreviations (PFS, ORR, DAR, IHC…) do not pin down what is asked about,
    nor do compounds of them with plain words ('FDA-approved', 'HER2-targeted', 'anti-HER2')."""
    lowered = entity.lower()
    if lowered in GENERIC:
        return True
    if "/" in entity and SIGNED_STATUS_RE.search(entity):
        return False  # a subtype ('HR−/HER2+') pins down which patients, unlike 'HER2+' alone
    parts = [p for p in re.split(r"[-/–\s]+", lowered) if p]  # "anti-HER2 ADC" is a class, not a name
    return (len(parts) > 1 and any(p in GENERIC for p in parts)
            and all(p in GENERIC or p.isalpha() for p in parts))
