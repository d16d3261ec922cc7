"""Recover table rows from PMC plain text, where cells are joined by spaces and lose their borders.

Column headers cannot be recovered from such text ("Trial Name Phase Experimental Arm" is
ambiguous), so they come from a small layout sidecar next to the article
(``<article>.layout.json``). Rows are then split with cues that hold for clinical-trial tables
in general: NCT identifiers, trial-phase numerals, bullet lists of arms, line-of-therapy settings
and endpoint abbreviations. A table without a layout hint keeps each row as a single cell.
"""

from __future__ import annotations

import re

from .citations import NCT_RE
from .document import Span, TableRow

PHASE_RE = re.compile(r"(?<!\S)((?:IV|I{1,3})(?:/(?:IV|I{1,3}))*)(?!\S)")
BULLET_RE = re.compile(r"^\s*•\s*-?\s*$")
SETTING_RE = re.compile(
    r"(?:≥\s*)?\d+(?:st|nd|rd|th) line(?:\s*\([^)]*\))?|No more than \d+ lines?|[Aa]djuvant|[Nn]eoadjuvant"
)
ENDPOINT_RE = re.compile(r"\b(PFS|ORR|OS|AEs?|DFS|iDFS|EFS|pCR|DoR|CBR|DLTs?|TEAEs?)\b(?:\s+[a-z][a-z ]*)?$")

Line = tuple[int, str]  # (offset of the line in the source, line text)


def parse_rows(columns: list[str], lines: list[Line]) -> list[TableRow]:
    """Split the table body ``lines`` into rows of ``columns``."""
    lines = [(off, text) for off, text in lines if text.strip()]
    if not lines:
        return []
    nct_col = next((i for i, c in enumerate(columns) if "NCT" in c.upper()), None)
    starts_nct = lambda t: bool(re.match(r"\s*NCT\d{8}", t))  # noqa: E731
    if len(columns) < 2:
        # No column headers (no layout sidecar, or it does not match): keep each row as one cell,
        # still grouping a row's wrapped lines by where its NCT identifier sits.
        if starts_nct(lines[0][1]):
            groups = _group(lines, starts=starts_nct)
        elif any(NCT_RE.search(t) for _, t in lines):
            groups = _group(lines, ends=lambda t: bool(NCT_RE.search(t)))
        else:
            groups = [[line] for line in lines]
        parse = None
    elif nct_col == 0:
        groups = _group(lines, starts=starts_nct)
        parse = _bulleted_row
    elif nct_col is not None:
        groups = _group(lines, ends=lambda t: bool(NCT_RE.search(t)))
        parse = _inline_row
    else:
        groups = [[line] for line in lines]
        parse = None
    rows = []
    for i, group in enumerate(groups):
        text = " ".join(t.strip() for _, t in group)
        cells = parse(columns, group) if parse else None
        if not cells:
            cells = {columns[0] if columns else "Row": text}
        start = group[0][0]
        end = group[-1][0] + len(group[-1][1])
        rows.append(TableRow(index=i, cells=cells, span=Span(start=start, end=end),
                             trials=list(dict.fromkeys(NCT_RE.findall(text)))))
    return rows


def _group(lines: list[Line], starts=None, ends=None) -> list[list[Line]]:
    groups: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if starts and starts(line[1]) and current:
            groups.append(current)
            current = []
        current.append(line)
        if ends and ends(line[1]):
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def _inline_row(columns: list[str], group: list[Line]) -> dict[str, str]:
    """Rows like 'ZW49 N-acyl sulfonamide auristatin / (MT inhibitor) / I ZWI-ZW49-101 (NCT03821233)'.

    Layout: name, descriptor (may wrap onto lines in parentheses), phase, identifier cell.
    """
    text = " ".join(t.strip() for _, t in group)
    phase = None
    for match in PHASE_RE.finditer(text):
        if NCT_RE.search(text[match.end():]):
            phase = match
    if phase is None or len(columns) < 4:
        return {columns[0]: text}
    before, after = text[: phase.start()].strip(), text[phase.end():].strip()
    name, descriptor = _split_name(before)
    cells = [name, descriptor, phase.group(1), after]
    return dict(zip(columns, cells + [""] * (len(columns) - len(cells))))


def _split_name(text: str) -> tuple[str, str]:
    """Drug name first: a code with digits ('ARX788', 'BDC-1001') or an INN whose later words are
    lower case ('Vic-trastuzumab duocarmazine', 'Zanidatamab zovodotin')."""
    words = text.split()
    if not words:
        return "", ""
    if re.search(r"\d", words[0]):
        take = 1
    else:
        take = 1
        while take < len(words) and re.match(r"[a-z]", words[take]):
            take += 1
    return " ".join(words[:take]), " ".join(words[take:])


def _bulleted_row(columns: list[str], group: list[Line]) -> dict[str, str]:
    """Rows whose first line is 'NCT… Trial name Phase', then '• -' bullet items (one arm each),
    then a last line 'control arm | setting | endpoint' (a lone '-' marks an empty control arm)."""
    head = group[0][1].strip()
    match = NCT_RE.match(head)
    if match is None:  # lines before the first NCT row: not a row of this shape
        return {}
    nct = match.group(0)
    rest = head[len(nct):].strip()
    phases = list(PHASE_RE.finditer(rest))
    phase = phases[-1].group(1) if phases else ""
    name = rest[: phases[-1].start()].strip() if phases else rest

    arms: list[str] = []
    tail: list[str] = []
    expecting_item = False
    for _, line in group[1:]:
        if BULLET_RE.match(line):
            expecting_item = True
            continue
        if expecting_item and line.startswith("    "):
            arms.append(line.strip().rstrip("."))
            expecting_item = False
            continue
        tail.append(line.strip())
    control, setting, endpoint = _split_tail(" ".join(tail))
    values = [nct, name, phase, "; ".join(arms), control, setting, endpoint]
    return dict(zip(columns, values + [""] * (len(columns) - len(values))))


def _split_tail(text: str) -> tuple[str, str, str]:
    text = text.strip()
    endpoint = ""
    match = ENDPOINT_RE.search(text)
    if match:
        endpoint = match.group(0).strip()
        text = text[: match.start()].strip()
    setting = ""
    settings = list(SETTING_RE.finditer(text))
    if settings and settings[-1].end() == len(text):
        setting = settings[-1].group(0).strip()
        text = text[: settings[-1].start()].strip()
    control = "" if text in {"", "-", "–"} else text
    if text.startswith("- "):
        control = ""
        setting = setting or text[2:].strip()
    return control, setting, endpoint
