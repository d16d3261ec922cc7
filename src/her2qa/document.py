"""Typed records for a parsed review: metadata, sections, paragraphs, tables, references.

These models are the contract between the reader (text → records) and everything downstream
(chunking, retrieval, answers, UI). Offsets always point into the original source text so a
passage can be shown exactly as printed.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

BlockKind = Literal["abstract", "text", "figure", "table_footnote", "backmatter"]


class Span(BaseModel):
    start: int = Field(description="Offset of the first character in the source text.")
    end: int = Field(description="Offset one past the last character in the source text.")


class ArticleMeta(BaseModel):
    title: str = Field(description="Article title as printed.")
    authors: list[str] = Field(default_factory=list, description="Author names in byline order.")
    journal: str = Field(default="", description="Journal name.")
    year: int | None = Field(default=None, description="Publication year.")
    date: str = Field(default="", description="Publication date as printed, e.g. '2023 Sep 12'.")
    volume: str = Field(default="", description="Volume.")
    issue: str = Field(default="", description="Issue.")
    pages: str = Field(default="", description="Pages or article number.")
    doi: str = Field(default="", description="DOI without the https://doi.org/ prefix.")
    pmid: str = Field(default="", description="PubMed id.")
    pmcid: str = Field(default="", description="PubMed Central id, e.g. PMC10527351.")
    keywords: list[str] = Field(default_factory=list, description="Author keywords.")
    editor: str = Field(default="", description="Academic editor, if printed.")
    licence: str = Field(default="", description="Licence of the article text, as read from the article or "
                         "its sidecar ('' when neither states one).")

    def citation(self) -> str:
        """One-line citation in the style clinicians expect."""
        first = self.authors[0].split()[-1] if self.authors else "Anon."
        etal = " et al." if len(self.authors) > 1 else ""
        where = f"{self.journal} {self.year}"
        if self.volume:
            where += f", {self.volume}"
            if self.issue:
                where += f"({self.issue})"
            if self.pages:
                where += f":{self.pages}"
        return f"{first}{etal}, \u201c{self.title}\u201d, {where}. doi:{self.doi}"


class Section(BaseModel):
    key: str = Field(description="Stable key: the number ('3.1.1'), or a slug for unnumbered parts.")
    number: str = Field(default="", description="Printed number, e.g. '2.4'; empty when unnumbered.")
    title: str = Field(description="Heading text without its number.")
    level: int = Field(description="Depth: 1 for '3.', 2 for '3.1', 3 for '3.1.1'; sub-headings one deeper.")
    parent: str | None = Field(default=None, description="Key of the enclosing section.")
    kind: Literal["front", "body", "subheading", "backmatter"] = Field(
        description="front = abstract parts, body = numbered section, subheading = unnumbered heading "
        "inside a numbered section, backmatter = contributions, funding, conflicts, footnotes."
    )
    span: Span = Field(description="Span of the heading line.")

    @property
    def label(self) -> str:
        return f"{self.number} {self.title}".strip()


class Paragraph(BaseModel):
    index: int = Field(description="Position among all paragraphs of the document (0-based).")
    section: str = Field(description="Key of the innermost section or sub-heading holding it.")
    kind: BlockKind = Field(description="What sort of block this is.")
    text: str = Field(description="Paragraph text exactly as in the source.")
    span: Span = Field(description="Where the text sits in the source.")
    references: list[int] = Field(default_factory=list, description="Reference numbers cited in it.")
    trials: list[str] = Field(default_factory=list, description="NCT identifiers named in it.")


class Figure(BaseModel):
    number: int = Field(description="Figure number.")
    caption: str = Field(description="Caption text.")
    section: str = Field(description="Section key where the figure sits.")
    span: Span = Field(description="Span of the caption.")
    references: list[int] = Field(default_factory=list, description="Reference numbers cited in the caption.")


class TableRow(BaseModel):
    index: int = Field(description="Row position in its table (0-based).")
    cells: dict[str, str] = Field(description="Column header → cell value ('' where the table has '-').")
    span: Span = Field(description="Span of the row's lines in the source.")
    trials: list[str] = Field(default_factory=list, description="NCT identifiers in the row.")


class Table(BaseModel):
    number: int = Field(description="Table number.")
    caption: str = Field(description="Caption text.")
    columns: list[str] = Field(description="Column headers in order.")
    rows: list[TableRow] = Field(default_factory=list, description="Parsed data rows.")
    footnote: str = Field(default="", description="Abbreviation or note line(s) under the table.")
    section: str = Field(description="Section key where the table sits.")
    span: Span = Field(description="Span of the whole table block.")


class Reference(BaseModel):
    number: int = Field(description="Number in the review's reference list.")
    raw: str = Field(description="The entry as printed, without the trailing link flags.")
    authors: list[str] = Field(default_factory=list, description="Author names; 'et al.' dropped.")
    et_al: bool = Field(default=False, description="Whether the printed list is truncated with 'et al.'.")
    title: str = Field(default="", description="Title of the cited work.")
    journal: str = Field(default="", description="Journal abbreviation as printed.")
    year: int | None = Field(default=None, description="Publication year.")
    volume: str = Field(default="", description="Volume.")
    pages: str = Field(default="", description="Pages or article number.")
    doi: str = Field(default="", description="DOI without prefix, '' if none printed.")
    in_pubmed: bool = Field(default=False, description="The entry carries a [PubMed] link.")
    in_pmc: bool = Field(default=False, description="The entry carries a [PMC free article] link.")
    url: str = Field(description="Best link: doi.org when there is a DOI, else the printed URL or a PubMed search.")
    pubmed_url: str = Field(default="", description="PubMed search link for the entry ('' if not indexed).")
    span: Span = Field(description="Span of the entry in the source.")

    @property
    def short(self) -> str:
        """'Verma S. et al., N. Engl. J. Med. 2012'."""
        who = self.authors[0] if self.authors else (self.title[:60] or self.raw[:60])
        if len(self.authors) > 1 or self.et_al:
            who += " et al."
        bits = [who]
        if self.journal:
            bits.append(self.journal.rstrip("."))
        tail = ", ".join(bits)
        return f"{tail} {self.year}" if self.year else tail


class Document(BaseModel):
    source: str = Field(description="File name of the source text.")
    text: str = Field(description="The full source text; every span indexes into it.")
    meta: ArticleMeta = Field(description="Bibliographic metadata of the article.")
    sections: list[Section] = Field(default_factory=list, description="All headings in reading order.")
    paragraphs: list[Paragraph] = Field(default_factory=list, description="All paragraphs in reading order.")
    figures: list[Figure] = Field(default_factory=list, description="Figure captions.")
    tables: list[Table] = Field(default_factory=list, description="Parsed tables.")
    references: list[Reference] = Field(default_factory=list, description="The numbered reference list.")
    warnings: list[str] = Field(default_factory=list, description="Suspicious parse results (no references, "
                                "a table named in the text but not parsed, …), printed by build and inspect.")

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    def reference(self, number: int) -> Reference | None:
        return next((r for r in self.references if r.number == number), None)

    def section_path(self, key: str) -> list[Section]:
        """The chain of sections from the top level down to ``key``."""
        by_key = {s.key: s for s in self.sections}
        chain: list[Section] = []
        current = by_key.get(key)
        while current is not None:
            chain.append(current)
            current = by_key.get(current.parent) if current.parent else None
        return list(reversed(chain))

    def numbered_section(self, key: str) -> Section | None:
        """The innermost numbered (or front/back matter) section enclosing ``key``."""
        for sec in reversed(self.section_path(key)):
            if sec.kind != "subheading":
                return sec
        return None
