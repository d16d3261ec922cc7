"""The "Explore the review" tab: outline with section text, Tables 1 and 2, the reference list and
an index of the drugs, trials and targets the review names.

Pure functions over a parsed :class:`~her2qa.document.Document` (no models, no index), so the tab
works as soon as the page is up, before the models have loaded. :func:`explore_tab` lays it out.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from .document import Document, Paragraph, Reference, Section
from .ui_render import ask_anchor

MARKER_RE = re.compile(r"\[(\d+(?:\s*[,\u2013\u2014-]\s*\d+)*)\]")
TARGETS = ["HER2", "HER3", "HER1", "HER4", "EGFR", "PI3K", "AKT", "mTOR", "PTEN", "PIK3CA", "CDK4/6", "CDK4",
           "CDK6", "CCND1", "MET", "Src", "AXL", "PD-L1", "PD-1", "CTLA-4", "ESR1", "FGFR4", "MUC4", "IGF-IR",
           "p95HER2", "TSC2", "PARP", "BRCA", "MAPK"]
DRUG_SUFFIX = (r"mab|nib|lisib|parib|ciclib|limus|tecan|taxel|platin|citabine|tansine|carmazine|vedotin|"
               r"deruxtecan|zovodotin")
DRUG_RE = re.compile(rf"\b[A-Za-z][a-z]+(?:{DRUG_SUFFIX})\b")
DRUG_CODE_RE = re.compile(r"\b(?:T-DM1|T-DXd|SYD985|DS-8201a?|ARX788|A166|BDC-1001|ZW25|ZW49|BYL719|RC48)\b")
TRIAL_RE = re.compile(r"\b(?:DESTINY-?\s?[Bb]reast\s?\d+|[A-Z][A-Z0-9]{3,}(?:-[A-Z0-9]+)*)\b")
TRIAL_CONTEXT_RE = re.compile(r"\b(?:trial|study|studies|phase|randomi[sz]ed)\b", re.IGNORECASE)
NOT_TRIALS = {"GLOBOCAN", "FISH", "IC50", "PAM50", "PIP2", "PIP3", "PDK1", "JIMT-1", "CONTROL", "ECD4", "ECD2",
              "HGFR", "EGFR1", "TYRO3", "MERTK", "PI3KCA", "L755S", "L755P", "V777L", "S310F", "D769H", "DUBA",
              "HR", "ORR", "PFS", "OS", "DAR", "ADC", "ADCS", "TKI", "TKIS", "FDA", "EMA", "ASCO", "ESMO", "ILD",
              "NCCN", "CNS", "ECOG", "LVEF", "AES", "BICR", "DNA", "RNA", "MBC", "HER2CLIMB-02"}


# --------------------------------------------------------------------------- references in text

def expand_markers(group: str) -> list[int]:
    """'3, 5–7' → [3, 5, 6, 7]."""
    numbers: list[int] = []
    for part in re.split(r"\s*,\s*", group):
        bounds = re.split(r"\s*[\u2013\u2014-]\s*", part)
        if len(bounds) == 2 and all(b.isdigit() for b in bounds) and int(bounds[0]) <= int(bounds[1]) <= int(bounds[0]) + 50:
            numbers += range(int(bounds[0]), int(bounds[1]) + 1)
        elif part.isdigit():
            numbers.append(int(part))
    return numbers


def _ref_link(ref: Reference | None, number: int) -> str:
    if ref is None:
        return f"{number}"
    title = html.escape(f"[{number}] {ref.short}: {ref.title}", quote=True)
    return (f"<a class='her2qa-ref' href='{html.escape(ref.url, quote=True)}' target='_blank' "
            f"rel='noopener noreferrer' title='{title}'>{number}</a>")


def resolve_markers(text: str, document: Document) -> str:
    """Paragraph text escaped, each [n] marker turned into links to the cited papers."""
    out, pos = [], 0
    for match in MARKER_RE.finditer(text):
        out.append(html.escape(text[pos:match.start()]))
        numbers = expand_markers(match.group(1))
        out.append("[" + ", ".join(_ref_link(document.reference(n), n) for n in numbers) + "]")
        pos = match.end()
    out.append(html.escape(text[pos:]))
    return "".join(out)


# --------------------------------------------------------------------------- outline

def _children(document: Document) -> dict[str | None, list[Section]]:
    kids: dict[str | None, list[Section]] = {}
    for section in document.sections:
        kids.setdefault(section.parent, []).append(section)
    return kids


def _paragraphs_by_section(document: Document) -> dict[str, list[Paragraph]]:
    out: dict[str, list[Paragraph]] = {}
    for paragraph in document.paragraphs:
        out.setdefault(paragraph.section, []).append(paragraph)
    return out


def _section_html(section: Section, document: Document, kids, paras, depth: int = 0) -> str:
    own = paras.get(section.key, [])
    children = kids.get(section.key, [])
    label = html.escape(section.label)
    count = f" <span class='her2qa-count'>({len(own)} ¶)</span>" if own else ""
    body = [resolve_markers_block(p, document) for p in own]
    tables = [t for t in document.tables if t.section == section.key]
    for table in tables:
        body.append(f"<p class='her2qa-note'>Table {table.number} ({len(table.rows)} rows) sits here; see "
                    f"\u201cTables\u201d below.</p>")
    cited = sorted({n for p in own for n in p.references})
    if cited:
        items = "".join(f"<li>{_ref_link(document.reference(n), n)} "
                        f"{html.escape(document.reference(n).short) if document.reference(n) else ''}</li>"
                        for n in cited)
        body.append(f"<details class='her2qa-cited'><summary>References cited here ({len(cited)})</summary>"
                    f"<ul>{items}</ul></details>")
    if own:
        where = f"§{section.number} {section.title}" if section.number else section.title
        body.append(f"<p><a class='her2qa-ask-scope' href='{ask_anchor(f'In {where}: ', draft=True)}'>"
                    f"Ask about this section</a></p>")
    body += [_section_html(child, document, kids, paras, depth + 1) for child in children]
    return (f"<details class='her2qa-sec' data-key='{html.escape(section.key, quote=True)}'>"
            f"<summary>{label}{count}</summary><div class='her2qa-sec-body'>{''.join(body)}</div></details>")


def resolve_markers_block(paragraph: Paragraph, document: Document) -> str:
    return f"<p>{resolve_markers(paragraph.text, document)}</p>"


def outline_html(document: Document) -> str:
    """Every section as an expandable entry (sub-sections nested) holding its text with [n]
    markers linked to the cited papers, the list of references it cites and an "Ask about" link."""
    kids = _children(document)
    paras = _paragraphs_by_section(document)
    top = [s for s in kids.get(None, []) if s.key != "references"]
    return ("<nav class='her2qa-outline' aria-label='Outline of the review'>"
            f"<p class='her2qa-outline-help'>{len([s for s in document.sections if s.number])} numbered sections. "
            "Open a section to read it; markers [n] link to the papers the review cites.</p>"
            + "".join(_section_html(s, document, kids, paras) for s in top) + "</nav>")


# --------------------------------------------------------------------------- tables

def table_frame(table) -> tuple[list[str], list[list[str]]]:
    """Headers and rows of a review table for ``gr.Dataframe`` (empty cells shown as '–')."""
    return list(table.columns), [[row.cells.get(c, "") or "–" for c in table.columns] for row in table.rows]


def row_question(table, row: list[str]) -> str:
    """A question scoped to one table row: 'In Table 2, DESTINY-Breast 09 (NCT04784715): '."""
    cells = [c for c in row if c and c != "–"]
    name = " ".join(cells[:2]) if table.number == 2 else (cells[0] if cells else "")
    if table.number == 2 and len(cells) >= 2:
        name = f"{cells[1]} ({cells[0]})"
    return f"In Table {table.number}, {name}: "


# --------------------------------------------------------------------------- references

def references_html(document: Document, query: str = "") -> str:
    """The reference list (or the entries matching every word of ``query``) with DOI links."""
    words = [w for w in re.findall(r"\w[\w./-]*", (query or "").lower()) if w]
    hits = [r for r in document.references if all(w in r.raw.lower() or w == str(r.number) for w in words)]
    total = len(document.references)
    head = (f"{total} references" if not words else f"{len(hits)} of {total} references match "
            f"\u201c{html.escape(query.strip())}\u201d")
    from .results import ReferenceInfo
    from .ui_render import reference_html

    items = "".join(reference_html(ReferenceInfo.from_reference(r)) for r in hits)
    return (f"<p class='her2qa-ref-count' role='status' aria-live='polite'>{head}</p>"
            f"<ol class='her2qa-refs her2qa-reflist'>{items}</ol>" if hits else
            f"<p class='her2qa-ref-count' role='status' aria-live='polite'>{head}</p>")


# --------------------------------------------------------------------------- named things

@dataclass
class Entity:
    name: str
    kind: str
    mentions: int = 0
    sections: list[str] = field(default_factory=list)


def _sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.;])\s+(?=[A-Z])", text)


def entity_index(document: Document) -> list[Entity]:
    """Drugs, trials and targets the review names, with how often and in which sections."""
    found: dict[tuple[str, str], Entity] = {}

    def add(name: str, kind: str, where: str) -> None:
        key = (name.lower(), kind)
        entity = found.setdefault(key, Entity(name, kind))
        entity.mentions += 1
        if where not in entity.sections:
            entity.sections.append(where)

    trial_like: set[str] = set()
    for paragraph in document.paragraphs:
        for sentence in _sentences(paragraph.text):
            if TRIAL_CONTEXT_RE.search(sentence):
                trial_like.update(_trial_name(m) for m in TRIAL_RE.findall(sentence))
    for table in document.tables:
        for row in table.rows:
            if row.cells.get("Trial Name"):
                trial_like.add(_trial_name(row.cells["Trial Name"]))
    targets = {t.lower(): t for t in TARGETS}
    target_re = re.compile(r"(?<![\w-])(" + "|".join(re.escape(t) for t in TARGETS) + r")(?![\w-])")

    def scan(text: str, where: str) -> None:
        for match in DRUG_RE.finditer(text):
            add(match.group(0).lower(), "drug", where)
        for match in DRUG_CODE_RE.finditer(text):
            add(match.group(0), "drug", where)
        for match in TRIAL_RE.finditer(text):
            name = _trial_name(match.group(0))
            if name in trial_like and name.upper() not in NOT_TRIALS and name.lower() not in targets \
                    and not re.fullmatch(r"HER\d(?:-\w+)?|NCT\d+|CDK\d|EGF\w*", name) \
                    and not DRUG_CODE_RE.fullmatch(name):
                add(name, "trial", where)
        for match in re.finditer(r"\bNCT\d{8}\b", text):
            add(match.group(0), "trial", where)
        for match in target_re.finditer(text):
            add(targets[match.group(1).lower()], "target", where)

    for paragraph in document.paragraphs:
        if paragraph.kind not in {"text", "abstract", "figure"}:
            continue
        numbered = document.numbered_section(paragraph.section)
        scan(paragraph.text, (numbered.number or numbered.title) if numbered else paragraph.section)
    for table in document.tables:
        for row in table.rows:
            scan(" ; ".join(row.cells.values()), f"Table {table.number}")
    order = {"drug": 0, "trial": 1, "target": 2}
    return sorted(found.values(), key=lambda e: (order[e.kind], -e.mentions, e.name.lower()))


def _trial_name(name: str) -> str:
    match = re.fullmatch(r"DESTINY-?\s?[Bb]reast\s?0?(\d+)", name.strip())
    return f"DESTINY-Breast{int(match.group(1)):02d}" if match else name.strip()


def entity_rows(entities: list[Entity]) -> list[list]:
    return [[e.name, e.kind, e.mentions, ", ".join(f"§{s}" if s[:1].isdigit() else s for s in e.sections)]
            for e in entities]


# --------------------------------------------------------------------------- layout

@dataclass
class ExploreParts:
    """The Explore tab's components that the app wires to the chat (drafting a scoped question)."""

    tables: list = field(default_factory=list)       # (gr.Dataframe, Table)
    entities: object = None                           # gr.Dataframe
    entity_list: list = field(default_factory=list)   # Entity, in the frame's order


def explore_tab(gr, document: Document | None, problem: str = "") -> ExploreParts:
    """Lay out the Explore tab (inside an open ``gr.Tab``) for ``document``."""
    parts = ExploreParts()
    if document is None:
        gr.Markdown(f"The review could not be read: {problem or 'unknown problem'}", elem_id="her2qa-explore-error")
        return parts
    gr.Markdown("Browse the review itself. **Ask about** links and a click on a table row or a name put a "
                "question scoped to it into the chat's question box.", elem_classes=["her2qa-help"])
    with gr.Accordion("Outline and text", open=True, elem_id="her2qa-outline"):
        gr.HTML(outline_html(document), padding=False)
    with gr.Accordion("Tables", open=True, elem_id="her2qa-tables"):
        for table in document.tables:
            headers, rows = table_frame(table)
            gr.Markdown(f"**Table {table.number}.** {html.escape(table.caption)} ({len(rows)} rows)"
                        + (f"  \n<small>{html.escape(table.footnote)}</small>" if table.footnote else ""))
            frame = gr.Dataframe(value=rows, headers=headers, interactive=False, wrap=True,
                                 show_search="filter", label=f"Table {table.number}", show_label=False,
                                 elem_id=f"her2qa-table-{table.number}", max_height=480,
                                 buttons=["fullscreen"])
            parts.tables.append((frame, table))
    with gr.Accordion("References", open=True, elem_id="her2qa-references"):
        search = gr.Textbox(label="Search the references (authors, title, journal, year, DOI)",
                            placeholder="e.g. Murthy, DESTINY, 2020", elem_id="her2qa-ref-search", max_lines=1)
        listing = gr.HTML(references_html(document), elem_id="her2qa-ref-list", padding=False, max_height=520)
        def search_references(query):
            return references_html(document, query if isinstance(query, str) else "")

        search.change(search_references, [search], [listing], api_visibility="private", show_progress="hidden",
                     concurrency_limit=None, trigger_mode="always_last")
    with gr.Accordion("Drugs, trials and targets named in the review", open=False, elem_id="her2qa-names"):
        parts.entity_list = entity_index(document)
        parts.entities = gr.Dataframe(value=entity_rows(parts.entity_list),
                                      headers=["Name", "Kind", "Mentions", "Where"], interactive=False,
                                      wrap=True, show_search="filter", show_label=False,
                                      label="Drugs, trials and targets", elem_id="her2qa-entities", max_height=480)
    return parts
