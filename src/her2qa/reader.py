"""Read a PMC "plain text" article into a :class:`Document`.

The layout this reader understands is what PMC's article page gives when saved as text: a header
(journal, date/volume/doi, title, byline, PMCID/PMID), "Abstract" with optional "Simple Summary",
"Keywords:", numbered section headings ("2.1. PI3K/AKT/mTOR Pathway"), unnumbered sub-headings
inside them, "Figure N." / "Table N." blocks, back matter (contributions, funding, conflicts,
footnotes) and "References" with "• N." entries. Nothing in here knows about one particular article.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .citations import cited_references, cited_trials
from .document import ArticleMeta, Document, Figure, Paragraph, Section, Span, Table
from .references import ENTRY_RE, parse_reference
from .tables import parse_rows

HEADING_RE = re.compile(r"^(\d+(?:\.\d+){0,3})\.\s+(\S.{0,150})$")
FIGURE_RE = re.compile(r"^Figure (\d+)\.$")
TABLE_RE = re.compile(r"^Table (\d+)\.$")
FOOTNOTE_RE = re.compile(r"^(?:[\w/+−-]+: [^.]+\.\s*)+$")
ISSUE_RE = re.compile(
    r"^\.?\s*(?P<date>(?P<year>(?:19|20)\d{2})(?:\s+\w{3})?(?:\s+\d{1,2})?);(?P<volume>\w+)"
    r"(?:\((?P<issue>[^)]+)\))?:(?P<pages>[\w-]+)\.?\s*(?:doi:\s*(?P<doi>10\.\S+?)\.?)?\s*$"
)
IDS_RE = re.compile(r"PMCID:\s*(PMC\d+)|PMID:\s*(\d+)")
BACKMATTER = {
    "author contributions", "conflicts of interest", "funding", "funding statement", "footnotes",
    "acknowledgments", "acknowledgements", "institutional review board statement",
    "informed consent statement", "data availability statement", "abbreviations",
    "supplementary materials", "notes",
}
PAGE_CHROME = ("Skip to main content",)


class ParseError(ValueError):
    """The text does not look like a PMC plain-text article."""


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _line_of(data: bytes | str, offset: int) -> int:
    return data.count(b"\n" if isinstance(data, bytes) else "\n", 0, offset) + 1


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 text of a corpus file, or a :class:`ParseError` naming the file and line."""
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ParseError(f"{name}: line {_line_of(data, nul)}: NUL byte (the file is binary or damaged)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = _line_of(data, exc.start)
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ParseError(f"{name}: line {line}, byte {column}: not valid UTF-8 "
                         f"(0x{data[exc.start]:02x}); save the file as UTF-8") from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def read_layout(path: Path) -> tuple[dict, list[str]]:
    """The layout sidecar (table column headers, licence) and warnings about its shape."""
    if not path.exists():
        return {}, []
    text = decode_text(path.read_bytes(), path.name)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ParseError(f"{path.name}: line {exc.lineno}, column {exc.colno}: invalid JSON ({exc.msg})") from None
    except RecursionError:
        raise ParseError(f"{path.name}: invalid JSON (nested too deeply)") from None
    warnings: list[str] = []
    if not isinstance(data, dict):
        return {}, [f"{path.name}: expected a JSON object; ignored"]
    tables = data.get("tables", {})
    if not isinstance(tables, dict):
        warnings.append(f"{path.name}: 'tables' should map table numbers to {{'columns': [...]}}; ignored")
        tables = {}
    clean: dict = {}
    for number, entry in tables.items():
        columns = entry.get("columns") if isinstance(entry, dict) else None
        if not isinstance(columns, list) or not columns or not all(isinstance(c, str) and c.strip() for c in columns):
            warnings.append(f"{path.name}: table {number}: 'columns' should be a list of header strings; ignored")
            continue
        clean[str(number)] = {"columns": [c.strip() for c in columns]}
    return {"tables": clean}, warnings


def read_meta(path: Path) -> tuple[dict, list[str]]:
    """The metadata sidecar ``<article>.meta.json`` (e.g. ``{"licence": "CC BY 4.0 (https://…)"}``):
    facts about the article that its text does not print and that do not shape the index."""
    if not path.exists():
        return {}, []
    try:
        data = json.loads(decode_text(path.read_bytes(), path.name))
    except json.JSONDecodeError as exc:
        raise ParseError(f"{path.name}: line {exc.lineno}, column {exc.colno}: invalid JSON ({exc.msg})") from None
    except RecursionError:
        raise ParseError(f"{path.name}: invalid JSON (nested too deeply)") from None
    if not isinstance(data, dict):
        return {}, [f"{path.name}: expected a JSON object; ignored"]
    return {k: v for k, v in data.items() if isinstance(v, str)}, []


def read_article(path: str | Path) -> Document:
    path = Path(path)
    layout_path = path.with_suffix(".layout.json")
    layout, warnings = read_layout(layout_path)
    meta, meta_warnings = read_meta(path.with_suffix(".meta.json"))
    warnings += meta_warnings
    text = decode_text(path.read_bytes(), path.name)
    document = parse_article(text, source=path.name, layout={**layout, "meta": meta})
    document.warnings[:0] = warnings
    return document


def parse_article(text: str, source: str = "article.txt", layout: dict | None = None) -> Document:
    return _Reader(text, source, layout or {}).run()


class _Reader:
    def __init__(self, text: str, source: str, layout: dict):
        self.text = text
        self.source = source
        self.layout = layout
        self.lines: list[tuple[int, str]] = []
        offset = 0
        for raw in text.split("\n"):
            self.lines.append((offset, raw))
            offset += len(raw) + 1
        self.sections: list[Section] = []
        self.paragraphs: list[Paragraph] = []
        self.figures: list[Figure] = []
        self.tables: list[Table] = []
        self.references = []
        self.current: Section | None = None
        self.numbered: Section | None = None

    # ---- helpers -------------------------------------------------------------------------
    def _next_nonblank(self, i: int) -> int:
        while i < len(self.lines) and not self.lines[i][1].strip():
            i += 1
        return i

    def _span(self, i: int) -> Span:
        off, line = self.lines[i]
        lead = len(line) - len(line.lstrip())
        return Span(start=off + lead, end=off + len(line.rstrip()))

    def _add_section(self, i: int, key: str, number: str, title: str, level: int, kind: str,
                     parent: str | None) -> Section:
        section = Section(key=key, number=number, title=title, level=level, parent=parent, kind=kind,
                          span=self._span(i))
        self.sections.append(section)
        self.current = section
        return section

    def _add_paragraph(self, i: int, kind: str) -> None:
        span = self._span(i)
        body = self.text[span.start:span.end]
        self.paragraphs.append(Paragraph(
            index=len(self.paragraphs), section=self.current.key if self.current else "front",
            kind=kind, text=body, span=span,
            references=cited_references(body), trials=cited_trials(body),
        ))

    def _is_subheading(self, i: int) -> bool:
        line = self.lines[i][1]
        stripped = line.strip()
        if not stripped or line != stripped or len(stripped) > 80:
            return False
        if stripped[-1] in ".:;,)" or FIGURE_RE.match(stripped) or TABLE_RE.match(stripped):
            return False
        if re.match(r"^Figure \d+$", stripped) or not re.match(r"[A-Z0-9]", stripped):
            return False
        before = i == 0 or not self.lines[i - 1][1].strip()
        after = i + 1 < len(self.lines) and not self.lines[i + 1][1].strip()
        following = self._next_nonblank(i + 1)
        return before and after and following < len(self.lines) and (
            len(self.lines[following][1]) > 80 or HEADING_RE.match(self.lines[following][1]) is None
        )

    # ---- passes --------------------------------------------------------------------------
    def run(self) -> Document:
        meta, i = self._front()
        i = self._abstract(i, meta)
        i = self._body(i)
        self._references(i)
        if not any(s.kind == "body" for s in self.sections):
            raise ParseError(f"{self.source}: no numbered section headings found")
        refs_at = next((s.span.start for s in self.sections if s.key == "references"), len(self.text))
        meta.licence = _licence_in(self.text[:refs_at]) or self.layout.get("meta", {}).get("licence", "")
        return Document(source=self.source, text=self.text, meta=meta, sections=self.sections,
                        paragraphs=self.paragraphs, figures=self.figures, tables=self.tables,
                        references=self.references, warnings=self._warnings(meta))

    def _warnings(self, meta: ArticleMeta) -> list[str]:
        """Results that parse but look wrong: each is a reason to look at the source file."""
        out = []
        cited = sorted({n for p in self.paragraphs for n in p.references})
        numbers = {r.number for r in self.references}
        if not self.references:
            out.append(f"{self.source}: no reference list found"
                       + (f" although the text cites [{cited[0]}]…[{cited[-1]}]" if cited else ""))
        else:
            missing = [n for n in cited if n not in numbers]
            if missing:
                out.append(f"{self.source}: the text cites {len(missing)} reference(s) missing from the list "
                           f"(e.g. [{missing[0]}]); the list ends at [{max(numbers)}]: truncated file?")
        for kind, found in (("Table", {t.number for t in self.tables}), ("Figure", {f.number for f in self.figures})):
            named = sorted({int(n) for n in re.findall(rf"\b{kind} (\d+)\b", self.text)})
            lost = [n for n in named if n not in found]
            if lost:
                out.append(f"{self.source}: the text names {kind} {', '.join(map(str, lost))} but no such "
                           f"{kind.lower()} was parsed")
        for table in self.tables:
            if len(table.columns) < 2:
                out.append(f"{self.source}: Table {table.number} has no column headers in the layout sidecar "
                           f"(or they do not match the printed header); rows kept as single cells")
        if not any(p.kind == "abstract" for p in self.paragraphs):
            out.append(f"{self.source}: no abstract found")
        if not (meta.doi or meta.pmid or meta.pmcid):
            out.append(f"{self.source}: no DOI, PMID or PMCID in the header")
        if not meta.licence:
            out.append(f"{self.source}: no licence stated (in the text, or as 'licence' in the .meta.json sidecar)")
        return out

    def _front(self) -> tuple[ArticleMeta, int]:
        fields: dict = {"title": ""}
        i = 0
        while i < len(self.lines):
            line = self.lines[i][1].strip()
            if line == "Abstract" or HEADING_RE.match(line):
                break
            if not line or line in PAGE_CHROME:
                i += 1
                continue
            logo = re.match(r"^(.+?) logoLink to (.+)$", line)
            issue = ISSUE_RE.match(line)
            if logo:
                fields["journal"] = logo.group(2).strip()
            elif issue:
                fields.update(date=issue.group("date"), year=int(issue.group("year")),
                              volume=issue.group("volume") or "", issue=issue.group("issue") or "",
                              pages=issue.group("pages") or "", doi=issue.group("doi") or "")
            elif line.startswith("Editor:"):
                fields["editor"] = line.split(":", 1)[1].strip()
            elif IDS_RE.search(line):
                for pmcid, pmid in IDS_RE.findall(line):
                    if pmcid:
                        fields["pmcid"] = pmcid
                    if pmid:
                        fields["pmid"] = pmid
            elif not fields["title"]:
                fields["title"] = line
            elif "authors" not in fields:
                fields["authors"] = _byline(line)
            i += 1
        if not fields["title"]:
            raise ParseError(f"{self.source}: no title before the abstract")
        return ArticleMeta(**fields), i

    def _abstract(self, i: int, meta: ArticleMeta) -> int:
        if i >= len(self.lines) or self.lines[i][1].strip() != "Abstract":
            return i
        top = self._add_section(i, "abstract", "", "Abstract", 1, "front", None)
        i += 1
        while i < len(self.lines):
            line = self.lines[i][1].strip()
            if HEADING_RE.match(line):
                break
            if not line:
                i += 1
                continue
            if line.startswith("Keywords:"):
                meta.keywords = [k.strip() for k in line.split(":", 1)[1].split(",") if k.strip()]
                self.current = top
                self._add_paragraph(i, "abstract")
            elif self._is_subheading(i):
                self._add_section(i, f"abstract/{slug(line)}", "", line, 2, "front", "abstract")
            else:
                self._add_paragraph(i, "abstract")
            i += 1
        return i

    def _body(self, i: int) -> int:
        in_backmatter = False
        while i < len(self.lines):
            raw = self.lines[i][1]
            line = raw.strip()
            if not line:
                i += 1
                continue
            if line == "References" and self._next_entry(i):
                return i
            heading = HEADING_RE.match(raw)
            if heading and not in_backmatter and not line.endswith("."):
                number, title = heading.group(1), heading.group(2).strip()
                level = number.count(".") + 1
                parent = number.rsplit(".", 1)[0] if level > 1 else None
                self.numbered = self._add_section(i, number, number, title, level, "body", parent)
            elif line.lower() in BACKMATTER and raw == line:
                in_backmatter = True
                self.numbered = self._add_section(i, slug(line), "", line, 1, "backmatter", None)
            elif FIGURE_RE.match(line):
                i = self._figure(i, int(FIGURE_RE.match(line).group(1)))
                continue
            elif TABLE_RE.match(line):
                i = self._table(i, int(TABLE_RE.match(line).group(1)))
                continue
            elif not in_backmatter and self.numbered and self._is_subheading(i):
                parent = self.numbered
                self._add_section(i, f"{parent.key}/{slug(line)}", "", line, parent.level + 1,
                                  "subheading", parent.key)
            else:
                self._add_paragraph(i, "backmatter" if in_backmatter else "text")
            i += 1
        return i

    def _next_entry(self, i: int) -> bool:
        j = self._next_nonblank(i + 1)
        return j < len(self.lines) and bool(ENTRY_RE.match(self.lines[j][1]))

    def _figure(self, i: int, number: int) -> int:
        j = self._next_nonblank(i + 1)
        if j < len(self.lines) and re.match(rf"^Figure {number}$", self.lines[j][1].strip()):
            j = self._next_nonblank(j + 1)
        span = self._span(j)
        caption = self.text[span.start:span.end]
        self.figures.append(Figure(number=number, caption=caption, span=span,
                                   section=self.current.key if self.current else "",
                                   references=cited_references(caption)))
        self._add_paragraph(j, "figure")
        return j + 1

    def _table(self, i: int, number: int) -> int:
        start = self._span(i).start
        j = self._next_nonblank(i + 1)
        caption = self.lines[j][1].strip()
        j = self._next_nonblank(j + 1)
        header = self.lines[j][1].strip()
        hint = self.layout.get("tables", {}).get(str(number), {}).get("columns")
        columns = hint if hint and " ".join(hint) == header else [header or "Row"]
        body: list[tuple[int, str]] = []
        footnote = ""
        k = j + 1
        while k < len(self.lines):
            off, line = self.lines[k]
            stripped = line.strip()
            if stripped and FOOTNOTE_RE.match(stripped):
                footnote = stripped
                self._add_paragraph(k, "table_footnote")
                k += 1
                break
            if stripped and (HEADING_RE.match(line) or (len(line) > 250 and line == stripped)):
                break
            if stripped and self._is_subheading(k) and body and not line.startswith(" "):
                # A heading right after the rows means the table had no footnote.
                if not re.search(r"\b(PFS|ORR|OS|AEs?)\b", stripped):
                    break
            body.append((off, line))
            k += 1
        end = self._span(k - 1).end
        rows = parse_rows(columns, body)
        self.tables.append(Table(number=number, caption=caption, columns=columns, rows=rows,
                                 footnote=footnote, section=self.current.key if self.current else "",
                                 span=Span(start=start, end=end)))
        return k

    def _references(self, i: int) -> None:
        if i >= len(self.lines):
            return
        self._add_section(i, "references", "", "References", 1, "backmatter", None)
        for k in range(i + 1, len(self.lines)):
            off, line = self.lines[k]
            match = ENTRY_RE.match(line)
            if match:
                span = Span(start=off + len(line) - len(line.lstrip()), end=off + len(line.rstrip()))
                self.references.append(parse_reference(int(match.group(1)), match.group(2), span))


LICENCE_RE = re.compile(r"(Creative Commons[^.\n]{0,120}?(?:licen[cs]e|\(CC[^)]*\))|\bCC[ -]BY(?:[ -](?:NC|ND|SA))*(?: \d\.\d)?)",
                        re.IGNORECASE)


def _licence_in(text: str) -> str:
    """A licence statement printed in the article ('… Creative Commons Attribution (CC BY) license')."""
    match = LICENCE_RE.search(text)
    return " ".join(match.group(0).split()) if match else ""


def _byline(line: str) -> list[str]:
    """'Marta Tapia 1,2, Cristina Hernando 1,2, …, Pilar Eroles 2,4,7,*' → names."""
    names = re.findall(r"([^\d,*][^\d*]*?)\s*[\d,*]+(?:,\s*|$)", line)
    if not names:
        names = line.split(",")
    return [n.strip() for n in names if n.strip()]
