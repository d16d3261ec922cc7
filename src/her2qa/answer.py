"""Extractive, grounded answers: pick the review's own sentences, quote figures verbatim, cite
each sentence, and decline plainly when the review does not say."""

from __future__ import annotations

import re

from .chunking import Chunk
from .citations import cited_references, strip_markers
from .corpus import Corpus
from .figures import has_figure
from .query import Query
from .results import Answer, Citation, ReferenceInfo, Retrieved
from .retrieval import Candidate, ScoredUnit
from .sentences import split_sentences
from .settings import Settings

NOT_IN_REVIEW = "The review does not say."


def retrieved_list(candidates: list[Candidate], limit: int) -> list[Retrieved]:
    return [Retrieved(chunk_id=c.chunk.id, section=c.chunk.section, kind=c.chunk.kind,
                      score=round(c.score, 4), text=c.chunk.text) for c in candidates[:limit]]


class ExtractiveAnswerer:
    def __init__(self, settings: Settings, corpus: Corpus):
        self.settings = settings
        self.corpus = corpus

    # ---- public -------------------------------------------------------------------------------
    def answer(self, question: str, query: Query, candidates: list[Candidate]) -> Answer:
        top = candidates[: self.settings.top_k]
        retrieved = retrieved_list(candidates, max(self.settings.top_k, 10))
        base = Answer(question=question, answer="", retrieved=retrieved, resolved_question=query.text)
        if query.unknown:
            names = _join([f"{u}" for u in query.unknown])
            return self._decline(base, top, f"The review does not mention {names}.")
        if not top:
            return self._decline(base, top, NOT_IN_REVIEW)
        if query.wants_reference:
            answer = self._reference_answer(base, query, top)
            if answer is not None:
                return answer
        units = self._rank_units(query, top)
        if not units:
            return self._decline(base, top, NOT_IN_REVIEW)
        if query.wants_number:
            with_figures = [u for u in units if has_figure(u[1].unit.text)]
            focused = [u for u in with_figures if self._on_entities(query, u)]
            if query.entities and not focused:
                names = _join(query.entities[:2])
                return self._decline(base, top, f"The review mentions {names} but does not report that figure.")
            units = (focused or with_figures or units) + [u for u in units if u not in (focused or with_figures)]
        best = units[0][1].score
        if best < self.settings.abstain_threshold:
            return self._decline(base, top, NOT_IN_REVIEW)
        chosen = self._choose(query, units, best)
        return self._compose(base, chosen)

    # ---- selection ----------------------------------------------------------------------------
    def _rank_units(self, query: Query, top: list[Candidate]) -> list[tuple[Candidate, ScoredUnit]]:
        pairs = []
        for rank, cand in enumerate(top):
            if cand.chunk.kind == "reference" and not query.wants_reference:
                continue  # a bibliography entry is not an answer to a clinical question
            for unit in cand.units:
                bonus = 0.04 * (len(top) - rank) / len(top)
                pairs.append((cand, ScoredUnit(unit.unit, unit.score + bonus, unit.dense, unit.lexical, unit.entity)))
        pairs.sort(key=lambda p: -p[1].score)
        return pairs

    def _on_entities(self, query: Query, pair: tuple[Candidate, ScoredUnit]) -> bool:
        return not query.entities or pair[1].entity > 0

    def _choose(self, query: Query, units, best: float) -> list[tuple[Candidate, ScoredUnit]]:
        chosen = [units[0]]
        limit = self.settings.answer_max_sentences
        wanted = [e.lower() for e in query.entities] if query.comparison else []
        for cand, unit in units[1:]:
            if len(chosen) >= limit:
                break
            text = unit.unit.text.lower()
            if any(unit.unit.id == u.unit.id or _overlap(text, u.unit.text.lower()) > 0.6 for _, u in chosen):
                continue
            covers_missing = any(e in text and not any(e in u.unit.text.lower() for _, u in chosen) for e in wanted)
            close_enough = unit.score >= 0.8 * best and (
                cand.chunk.id == chosen[0][0].chunk.id or unit.score >= 0.9 * best)
            if covers_missing or close_enough:
                chosen.append((cand, unit))
        return chosen

    # ---- composition --------------------------------------------------------------------------
    def _compose(self, base: Answer, chosen) -> Answer:
        markers: dict[str, int] = {}
        citations: list[Citation] = []
        # Keep the review's order when sentences come from the same passage.
        chosen = sorted(chosen, key=lambda p: (p[0].chunk.id != chosen[0][0].chunk.id, p[1].unit.start))
        parts = []
        for cand, unit in chosen:
            if cand.chunk.id not in markers:
                markers[cand.chunk.id] = len(markers) + 1
                citations.append(self._citation(markers[cand.chunk.id], cand.chunk, unit.unit.text))
            text = strip_markers(unit.unit.text).strip()
            parts.append(f"{text} [{markers[cand.chunk.id]}]")
        return base.model_copy(update={"answer": " ".join(parts), "citations": citations})

    def _citation(self, marker: int, chunk: Chunk, quote: str) -> Citation:
        doc = self.corpus.document(chunk.source)
        numbers = chunk.references if chunk.kind != "reference" else [chunk.reference]
        refs = [ReferenceInfo.from_reference(r) for n in numbers if (r := doc.reference(n))]
        return Citation(marker=marker, chunk_id=chunk.id, section=chunk.section, section_title=chunk.section_title,
                        section_path=chunk.section_path, kind=chunk.kind, text=chunk.text, quote=quote,
                        start=chunk.start, end=chunk.end, references=refs)

    def _decline(self, base: Answer, top: list[Candidate], message: str) -> Answer:
        related = [r for r in base.retrieved if r.kind != "reference"][:3]
        return base.model_copy(update={"answer": message, "abstained": True, "related": related})

    # ---- "which paper supports X?" ------------------------------------------------------------
    def _reference_answer(self, base: Answer, query: Query, top: list[Candidate]) -> Answer | None:
        """Find the body sentence about X, follow its [n] marker to the reference entry."""
        body = [(c, u) for c, u in self._rank_units(query, top) if c.chunk.kind not in {"reference", "table"}]
        ref_chunks = [c for c in top if c.chunk.kind == "reference"]
        if body:
            cand, unit = body[0]
            numbers = self._markers_near(cand.chunk, unit.unit.start)
            if numbers:
                return self._compose_reference(base, cand, unit, numbers)
        if ref_chunks:
            cand = ref_chunks[0]
            return self._compose_reference(base, None, None, [cand.chunk.reference])
        return None

    def _markers_near(self, chunk: Chunk, start: int) -> list[int]:
        """Markers of the sentence at ``start``, else of the nearest sentence in its paragraph."""
        doc = self.corpus.document(chunk.source)
        paragraph = next((p for p in doc.paragraphs if p.index == chunk.paragraph), None)
        if paragraph is None:
            return cited_references(chunk.text)
        sentences = split_sentences(paragraph.text, paragraph.span.start)
        here = next((i for i, s in enumerate(sentences) if s[0] <= start < s[1]), None)
        if here is None:
            return cited_references(chunk.text)
        for distance in range(len(sentences)):
            for i in (here + distance, here - distance):
                if 0 <= i < len(sentences):
                    found = cited_references(sentences[i][2])
                    if found:
                        return found
        return []

    def _compose_reference(self, base: Answer, cand: Candidate | None, unit: ScoredUnit | None,
                           numbers: list[int]) -> Answer:
        citations: list[Citation] = []
        parts: list[str] = []
        marker = 0
        if cand is not None and unit is not None:
            marker += 1
            citations.append(self._citation(marker, cand.chunk, unit.unit.text))
            parts.append(f"The review states: \u201c{strip_markers(unit.unit.text).strip()}\u201d [{marker}]")
        source = cand.chunk.source if cand else self.corpus.primary.source
        doc = self.corpus.document(source)
        for number in numbers[:3]:
            ref = doc.reference(number)
            chunk = next((c for c in self.corpus.chunks if c.kind == "reference" and c.reference == number
                          and c.source == source), None)
            if ref is None or chunk is None:
                continue
            marker += 1
            citations.append(self._citation(marker, chunk, chunk.text))
            info = ReferenceInfo.from_reference(ref)
            doi = f", doi:{ref.doi}" if ref.doi else ""
            authors = info.authors if info.authors.endswith(".") else info.authors + "."
            parts.append(f"It cites reference {number}: {authors} \u201c{ref.title}.\u201d "
                         f"{ref.journal} {ref.year or ''}{doi} [{marker}]")
        if len(citations) <= (1 if cand else 0):
            return None
        return base.model_copy(update={"answer": " ".join(parts), "citations": citations})


def _overlap(a: str, b: str) -> float:
    wa, wb = set(re.findall(r"\w+", a)), set(re.findall(r"\w+", b))
    return len(wa & wb) / max(1, min(len(wa), len(wb)))


def _join(names: list[str]) -> str:
    names = list(dict.fromkeys(names))
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " or " + names[-1]
