"""Eval items (``eval/questions.jsonl``) and their gold evidence mapped onto index chunks."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from pydantic import BaseModel, ConfigDict, Field, model_validator

if TYPE_CHECKING:  # pragma: no cover
    from ..chunking import Chunk
    from ..corpus import Corpus

UNANSWERABLE = "unanswerable"
MIN_OVERLAP = 0.5  # share of a quote's characters a chunk must hold to count as gold


class EvalItem(BaseModel):
    """One graded question; see eval/README.md for the format."""

    model_config = ConfigDict(extra="ignore")

    id: str
    type: str
    section: str = ""
    question: str = ""
    turns: list[str] = Field(default_factory=list)
    answer: str = ""
    key_facts: list[str] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)
    references: list[int] = Field(default_factory=list)
    note: str = ""

    @model_validator(mode="after")
    def _has_a_question(self) -> "EvalItem":
        if not self.question.strip() and not any(t.strip() for t in self.turns):
            raise ValueError("needs 'question' or non-empty 'turns'")
        return self

    @property
    def answerable(self) -> bool:
        return self.type != UNANSWERABLE

    @property
    def user_turns(self) -> list[str]:
        """What is asked, in order; the last one is graded."""
        return list(self.turns) if self.turns else [self.question]

    @property
    def asked(self) -> str:
        return self.user_turns[-1]


class QuestionFileError(ValueError):
    """The questions file cannot be read."""


def load_questions(path: str | Path) -> list[EvalItem]:
    path = Path(path)
    if not path.is_file():
        raise QuestionFileError(f"questions file not found: {path}")
    items, seen = [], set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = EvalItem.model_validate(json.loads(line))
        except Exception as exc:
            raise QuestionFileError(f"{path}:{number}: {exc}") from exc
        if item.id in seen:
            raise QuestionFileError(f"{path}:{number}: duplicate id {item.id!r}")
        seen.add(item.id)
        items.append(item)
    if not items:
        raise QuestionFileError(f"no questions in {path}")
    return items


def select(items: Iterable[EvalItem], types: Iterable[str] | None = None, limit: int | None = None) -> list[EvalItem]:
    """Items of the given types, then the first ``limit`` spread evenly over types."""
    chosen = [i for i in items if not types or i.type in set(types)]
    if limit is None or limit >= len(chosen):
        return chosen
    # Round-robin over types so a small --limit still touches every type.
    by_type: dict[str, list[EvalItem]] = {}
    for item in chosen:
        by_type.setdefault(item.type, []).append(item)
    picked: list[EvalItem] = []
    while len(picked) < limit:
        for group in by_type.values():
            if group and len(picked) < limit:
                picked.append(group.pop(0))
    order = {item.id: n for n, item in enumerate(chosen)}
    return sorted(picked, key=lambda i: order[i.id])


# ---------------------------------------------------------------- gold evidence → chunks

def occurrences(text: str, quote: str) -> list[int]:
    found, start = [], text.find(quote)
    while start != -1:
        found.append(start)
        start = text.find(quote, start + 1)
    return found


def locate_quotes(text: str, quotes: list[str], chunks: list["Chunk"] | None = None) -> list[tuple[int, int] | None]:
    """Span of each quote in ``text`` (None if absent).

    A quote printed more than once (a table cell such as "- ORR") is placed where it shares a
    chunk (paragraph, table row) with one of the item's quotes that occur only once; failing
    that, at the occurrence nearest to such a quote; with no such quote, at the first. The
    smallest shared chunk wins (a table row over the whole-table overview).
    """
    found = [occurrences(text, q) for q in quotes]
    anchors = [(spots[0], spots[0] + len(q)) for q, spots in zip(quotes, found) if len(spots) == 1]

    def together(start: int, length: int) -> float:
        """Size of the smallest chunk holding this occurrence and an anchor (inf if none)."""
        return min((c.end - c.start for c in chunks or [] for a, b in anchors
                    if c.start <= start and start + length <= c.end and c.start <= a and b <= c.end),
                   default=float("inf"))

    def distance(start: int, length: int) -> int:
        return min(max(a - (start + length), start - b, 0) for a, b in anchors)

    spans: list[tuple[int, int] | None] = []
    for quote, spots in zip(quotes, found):
        if not spots:
            spans.append(None)
            continue
        start = spots[0]
        if len(spots) > 1 and anchors:
            start = min(spots, key=lambda s: (together(s, len(quote)), distance(s, len(quote)), s))
        spans.append((start, start + len(quote)))
    return spans


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def chunks_for_span(span: tuple[int, int], chunks: list["Chunk"]) -> list[str]:
    """Chunks holding most of a quote: ≥ 50 % of its characters, or lying mostly inside it.

    The one-per-table overview chunk spans the whole table; it only counts when no row does.
    """
    length = max(1, span[1] - span[0])
    hits = []
    for chunk in chunks:
        shared = overlap(span, (chunk.start, chunk.end))
        if not shared:
            continue
        if shared >= MIN_OVERLAP * length or shared >= MIN_OVERLAP * max(1, chunk.end - chunk.start):
            hits.append(chunk)
    specific = [c for c in hits if c.kind != "table"]
    return [c.id for c in (specific or hits)]


@dataclass
class Gold:
    """Where an item's evidence sits: source spans (per article) and the chunks holding it."""

    spans: list[tuple[str, int, int]] = field(default_factory=list)
    chunks: set[str] = field(default_factory=set)
    reference_chunks: set[str] = field(default_factory=set)

    @property
    def relevant(self) -> set[str]:
        return self.chunks | self.reference_chunks


def gold_for(item: EvalItem, corpus: "Corpus") -> Gold:
    gold = Gold()
    if not item.evidence and not (item.type == "reference" and item.references):
        return gold
    for doc in corpus.documents:
        doc_chunks = [c for c in corpus.chunks if c.source == doc.source]
        for span in locate_quotes(doc.text, item.evidence, doc_chunks):
            if span is None:
                continue
            gold.spans.append((doc.source, *span))
            gold.chunks.update(chunks_for_span(span, doc_chunks))
    if item.type == "reference":
        wanted = set(item.references)
        gold.reference_chunks = {c.id for c in corpus.chunks if c.kind == "reference" and c.reference in wanted}
    return gold
