"""Turn a parsed :class:`Document` into retrieval chunks that never cross a section.

Paragraphs are the unit; a long paragraph is split at sentence boundaries with a small overlap so
no chunk exceeds what the embedding model reads. Table rows become sentences that repeat the
headers and caption; each reference entry becomes a chunk whose *retrieval* text also carries the
body sentences that cite it, so "which paper supports X?" finds the entry in one hop.
"""

from __future__ import annotations

import hashlib
from typing import Literal

from pydantic import BaseModel, Field

from .citations import cited_references, cited_trials
from .document import Document, Paragraph, Table
from .sentences import split_sentences

CHUNKER_VERSION = "6"
ChunkKind = Literal["text", "abstract", "table_row", "table", "figure", "reference", "backmatter"]


class Chunk(BaseModel):
    id: str = Field(description="Stable id from source, kind, span and text: a rebuild gives the same id.")
    source: str = Field(description="Article file the chunk comes from.")
    kind: ChunkKind = Field(description="What the chunk holds.")
    section: str = Field(description="Number of the enclosing numbered section ('3.1.1'), or a front/back key.")
    section_title: str = Field(description="Title of that section.")
    subheading: str = Field(default="", description="Unnumbered sub-heading inside the section, if any.")
    section_path: str = Field(description="Breadcrumb from the top-level section down, for display.")
    paragraph: int = Field(default=-1, description="Index of the source paragraph (-1 for rows/references).")
    start: int = Field(description="Start offset of the chunk in the source text.")
    end: int = Field(description="End offset of the chunk in the source text.")
    text: str = Field(description="What is shown to the user (exact source text, or a rendered table row).")
    context: str = Field(default="", description="Extra text used only for retrieval (headings, citing sentences).")
    references: list[int] = Field(default_factory=list, description="Reference numbers cited in the chunk.")
    trials: list[str] = Field(default_factory=list, description="NCT identifiers named in the chunk.")
    table: int | None = Field(default=None, description="Table number for table chunks.")
    reference: int | None = Field(default=None, description="Reference number for reference chunks.")

    @property
    def retrieval_text(self) -> str:
        """What BM25 indexes: the passage plus its context."""
        return f"{self.context}\n{self.text}" if self.context else self.text

    @property
    def embedding_text(self) -> str:
        """What the dense model embeds: MiniLM reads only 256 word pieces, so keep context short."""
        limit = 150 if self.kind == "reference" else 300
        return f"{self.context[:limit]}\n{self.text}" if self.context else self.text


def _chunk_id(source: str, kind: str, start: int, end: int, text: str) -> str:
    digest = hashlib.sha1(f"{source}|{kind}|{start}|{end}|{text}".encode()).hexdigest()
    return f"{kind[:3]}-{start}-{digest[:12]}"


def chunk_document(doc: Document, max_words: int = 110, overlap: int = 1) -> list[Chunk]:
    chunks: list[Chunk] = []
    for paragraph in doc.paragraphs:
        if paragraph.kind == "table_footnote":
            continue  # folded into the table chunks
        chunks.extend(_paragraph_chunks(doc, paragraph, max_words, overlap))
    for table in doc.tables:
        chunks.extend(_table_chunks(doc, table))
    chunks.extend(_reference_chunks(doc))
    return chunks


def _where(doc: Document, section_key: str) -> dict:
    path = doc.section_path(section_key)
    numbered = doc.numbered_section(section_key)
    sub = path[-1].title if path and path[-1].kind == "subheading" else ""
    return {
        "section": numbered.key if numbered else section_key,
        "section_title": numbered.title if numbered else "",
        "subheading": sub,
        "section_path": " › ".join(s.label for s in path),
    }


def _paragraph_chunks(doc: Document, paragraph: Paragraph, max_words: int, overlap: int) -> list[Chunk]:
    kind = {"abstract": "abstract", "figure": "figure", "backmatter": "backmatter"}.get(paragraph.kind, "text")
    where = _where(doc, paragraph.section)
    pieces: list[tuple[int, int]] = []
    if len(paragraph.text.split()) <= max_words:
        pieces.append((paragraph.span.start, paragraph.span.end))
    else:
        sentences = split_sentences(paragraph.text, paragraph.span.start)
        i = 0
        while i < len(sentences):
            j, words = i, 0
            while j < len(sentences) and (j == i or words + len(sentences[j][2].split()) <= max_words):
                words += len(sentences[j][2].split())
                j += 1
            pieces.append((sentences[i][0], sentences[j - 1][1]))
            if j >= len(sentences):
                break
            i = max(j - overlap, i + 1)
    out = []
    for start, end in pieces:
        text = doc.text[start:end]
        out.append(Chunk(
            id=_chunk_id(doc.source, kind, start, end, text), source=doc.source, kind=kind,
            paragraph=paragraph.index, start=start, end=end, text=text,
            context=where["section_path"], references=cited_references(text), trials=cited_trials(text),
            **where,
        ))
    return out


def render_row(table: Table, cells: dict[str, str]) -> str:
    parts = [f"{column}: {cells.get(column) or 'none listed'}" for column in table.columns]
    return f"Table {table.number} ({table.caption.rstrip('.')}): " + "; ".join(parts) + "."


def _table_chunks(doc: Document, table: Table) -> list[Chunk]:
    where = _where(doc, table.section)
    context = f"{where['section_path']} › Table {table.number}. {table.caption}"
    if table.footnote:
        context += f" ({table.footnote})"
    chunks = []
    for row in table.rows:
        text = render_row(table, row.cells)
        chunks.append(Chunk(
            id=_chunk_id(doc.source, "table_row", row.span.start, row.span.end, text), source=doc.source,
            kind="table_row", start=row.span.start, end=row.span.end, text=text, context=context,
            trials=row.trials, table=table.number, **where,
        ))
    # One overview chunk answers list questions ("which trials in Table 2 use PFS?").
    first = table.columns[0]
    names = []
    for row in table.rows:
        cells = [f"{k}: {v}" for k, v in row.cells.items() if k != first and v and len(v) <= 40]
        names.append(f"{row.cells.get(first, '')} ({'; '.join(cells)})" if cells else row.cells.get(first, ""))
    overview = f"Table {table.number}. {table.caption} Rows: " + " | ".join(names) + "."
    if table.footnote:
        overview += f" {table.footnote}"
    chunks.append(Chunk(
        id=_chunk_id(doc.source, "table", table.span.start, table.span.end, overview), source=doc.source,
        kind="table", start=table.span.start, end=table.span.end, text=overview, context=where["section_path"],
        trials=cited_trials(overview), table=table.number, **where,
    ))
    return chunks


def citing_sentences(doc: Document) -> dict[int, list[str]]:
    """Reference number → body sentences that cite it (the second hop of reference questions)."""
    cited: dict[int, list[str]] = {}
    for paragraph in doc.paragraphs:
        if paragraph.kind in {"backmatter", "table_footnote"}:
            continue
        for _, _, sentence in split_sentences(paragraph.text, paragraph.span.start):
            for number in cited_references(sentence):
                cited.setdefault(number, []).append(sentence)
    return cited


def _reference_chunks(doc: Document) -> list[Chunk]:
    cited = citing_sentences(doc)
    chunks = []
    for ref in doc.references:
        text = f"[{ref.number}] {ref.raw}"
        context = "References. Cited for: " + " ".join(cited.get(ref.number, []))[:600]
        chunks.append(Chunk(
            id=_chunk_id(doc.source, "reference", ref.span.start, ref.span.end, text), source=doc.source,
            kind="reference", section="references", section_title="References", section_path="References",
            start=ref.span.start, end=ref.span.end, text=text, context=context,
            references=[ref.number], trials=cited_trials(ref.raw), reference=ref.number,
        ))
    return chunks
