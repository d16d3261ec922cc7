"""What an answer looks like: the contract shared by the CLI (``ask --json``), the UI, the API
endpoint and the benchmark."""

from __future__ import annotations

from pydantic import BaseModel, Field

from .document import Reference


class ReferenceInfo(BaseModel):
    number: int = Field(description="Number in the review's reference list.")
    authors: str = Field(description="Authors as printed, 'et al.' kept.")
    title: str = Field(description="Title of the cited paper.")
    journal: str = Field(description="Journal abbreviation.")
    year: int | None = Field(description="Publication year.")
    doi: str = Field(description="DOI without prefix ('' if none printed).")
    url: str = Field(description="doi.org link, else the printed URL or a PubMed search.")
    pubmed_url: str = Field(default="", description="PubMed link ('' if the entry is not in PubMed).")

    @classmethod
    def from_reference(cls, ref: Reference) -> "ReferenceInfo":
        authors = ", ".join(ref.authors) + (", et al." if ref.et_al else "")
        return cls(number=ref.number, authors=authors, title=ref.title, journal=ref.journal,
                   year=ref.year, doi=ref.doi, url=ref.url, pubmed_url=ref.pubmed_url)

    def short(self) -> str:
        first = self.authors.split(",")[0] if self.authors else self.title[:60]
        more = " et al." if "," in self.authors else ""
        return f"{first}{more}, {self.journal.rstrip('.')} {self.year or ''}".strip()


class Citation(BaseModel):
    marker: int = Field(description="The [n] marker used in the answer text.")
    chunk_id: str = Field(description="Id of the cited chunk in the index.")
    section: str = Field(description="Number of the section holding the passage.")
    section_title: str = Field(description="Title of that section.")
    section_path: str = Field(default="", description="Breadcrumb down to the sub-heading.")
    kind: str = Field(description="Chunk kind: text, table_row, reference, …")
    text: str = Field(description="The full passage.")
    quote: str = Field(description="The sentence of the passage the answer relies on, verbatim.")
    start: int = Field(default=0, description="Offset of the passage in the source text.")
    end: int = Field(default=0, description="End offset of the passage in the source text.")
    references: list[ReferenceInfo] = Field(default_factory=list,
                                            description="The review's references cited in this passage.")
    highlights: list[str] = Field(default_factory=list,
                                  description="Substrings of `quote` that answer the question (figures, names), "
                                  "to be emphasised where the quote is shown.")


class Retrieved(BaseModel):
    chunk_id: str = Field(description="Id of the retrieved chunk.")
    section: str = Field(description="Section number.")
    kind: str = Field(description="Chunk kind.")
    score: float = Field(description="Final retrieval score (higher is better).")
    text: str = Field(description="Passage text.")


class AnswerPoint(BaseModel):
    """One cited statement of a structured answer (a bullet when shown)."""

    text: str = Field(description="The statement: a verbatim sentence of the review, possibly with a pronoun's "
                      "antecedent added in square brackets ('[T-DXd] is uniquely designed…'); no [n] markers.")
    markers: list[int] = Field(default_factory=list, description="Citation markers supporting this statement.")
    group: str = Field(default="", description="Heading the point belongs under: an aspect ('Design', "
                       "'Results', 'Safety'), a side of a comparison, or a part of a multi-part question.")
    highlights: list[str] = Field(default_factory=list,
                                  description="Substrings of `text` that answer the question (figures, names).")


class AnswerTable(BaseModel):
    """Rows of one of the review's tables that answer a list/filter question, each row cited."""

    title: str = Field(description="Table caption, e.g. 'Table 1. ADCs under development for HER2 BC.'")
    columns: list[str] = Field(description="Column headers as printed.")
    rows: list[list[str]] = Field(default_factory=list, description="Matching rows, cells as printed.")
    markers: list[int] = Field(default_factory=list, description="Citation marker of each row (same order).")


class Answer(BaseModel):
    question: str = Field(description="The question as the user asked it.")
    answer: str = Field(description="The answer text with inline [n] markers.")
    abstained: bool = Field(default=False, description="True when the review does not answer the question.")
    citations: list[Citation] = Field(default_factory=list, description="Passages the answer cites.")
    related: list[Retrieved] = Field(default_factory=list,
                                     description="Nearest passages shown with an abstention, not as support.")
    retrieved: list[Retrieved] = Field(default_factory=list, description="What retrieval returned, best first.")
    timings_ms: dict[str, float] = Field(default_factory=dict, description="retrieve, answer, total.")
    resolved_question: str = Field(default="", description="The question after follow-up resolution.")
    backend: str = Field(default="extractive", description="Which answerer produced the text.")
    notice: str = Field(default="", description="One-line notice, e.g. the LLM backend was unreachable.")
    verifier: list[str] = Field(default_factory=list, description="What the verifier removed or flagged.")
    error: str = Field(default="", description="A readable error instead of an answer (bad input, no index).")
    intent: str = Field(default="", description="What the question was read as asking: fact, list, table, overview, "
                        "compare, why, definition, yesno, reference, or '' when unknown.")
    read_as: str = Field(default="", description="For a follow-up: the reading used ('What was the ORR of "
                         "tucatinib?'); '' when the question was taken as typed.")
    lead: str = Field(default="", description="A framing line before the points ('Table 1 lists 3 ADCs in "
                      "phase III:'); carries no claim of its own beyond counting what follows.")
    points: list[AnswerPoint] = Field(default_factory=list,
                                      description="The answer as cited statements, in display order.")
    table: AnswerTable | None = Field(default=None, description="Table rows answering a list/filter question.")
    missing: list[str] = Field(default_factory=list, description="Parts of the question the review does not "
                               "answer ('a median OS for KATE2'), said in the answer text too.")
    follow_ups: list[str] = Field(default_factory=list,
                                  description="Suggested next questions drawn from the cited passages.")

    def to_json(self) -> dict:
        return self.model_dump(mode="json")
