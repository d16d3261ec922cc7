"""Step 4 — compose: chosen sentences become cited points, grouped and rendered as text.

A point is a verbatim sentence of the review. Two edits only, both visible: a pronoun subject gets
its antecedent in square brackets ("[T-DXd] is uniquely designed…"), and citation markers of the
review are dropped (its references stay on the citation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..chunking import Chunk
from ..citations import strip_markers
from ..figures import numbers
from ..results import Answer, AnswerPoint, Citation

FIGURE_RE = re.compile(r"(?<![\w.])\d+(?:[.,:]\d+)*(?:\s?(?:%|months?|weeks?|years?|mg/kg|nM|patients|cases))?"
                       r"(?:\s?(?:vs\.?|to|and)\s?\d+(?:[.,]\d+)*(?:\s?(?:%|months?|weeks?))?)?")
PRONOUN_RE = re.compile(r"^(It|Its|They|Their|This|These)\b(\s+(?:drug|agent|compound|TKI|ADC|trial|study|"
                        r"protein|receptor|inhibitor|antibody|molecule|pathway|combination|therapy|"
                        r"mechanism|rate|subtype)s?\b)?")


@dataclass
class Pick:
    """A sentence chosen for the answer, with where it comes from and what heading it goes under."""

    chunk: Chunk
    text: str
    start: int | None = None
    group: str = ""
    antecedent: str = ""
    highlights: list[str] = field(default_factory=list)


def figures_in(text: str) -> list[str]:
    """Figures worth highlighting ('7.8 months', '0.54', '44.9%'), as printed."""
    wanted = set(numbers(text))
    found = []
    for match in FIGURE_RE.finditer(text):
        head = re.match(r"\d+(?:[.,]\d+)*", match.group(0)).group(0)
        if head in wanted and not (len(match.group(0)) == 1 and match.group(0).isdigit()):
            found.append(match.group(0).strip())
    return list(dict.fromkeys(found))


def whole(mark: str, text: str) -> bool:
    """Does ``mark`` occur in ``text`` as a whole figure or name (not the '2' of 'HER2CLIMB')?"""
    return bool(re.search(rf"(?<![\w.]){re.escape(mark)}(?![\w])", text))


# A trial's name as the review prints it: one word, capitals inside ('PATRICIA', 'PLASMA-MATCH', 'DESTINY-Breast03')
TRIAL_NAME_RE = re.compile(r"(?=(?:[^A-Z]*[A-Z]){3})[A-Z][A-Za-z0-9\-]+")


def with_antecedent(text: str, antecedent: str) -> str:
    """'It is uniquely designed…' → '[T-DXd] is uniquely designed…' (the quotation convention)."""
    if not antecedent:
        return text
    match = PRONOUN_RE.match(text)
    if not match:
        return text
    word, noun = match.group(1), match.group(2) or ""
    if re.match(r"It (?:is|was|has been|remains|seems|appears|should be) (?:\w+ly )?(?:important|necessary|"
                r"essential|crucial|possible|likely|unclear|known|worth|noteworthy|clear|difficult|interesting|"
                r"urgent|still)\b", text):
        return text  # "It is important to…": no referent
    if antecedent.lower() in text.lower()[:80]:
        return text
    if re.match(r"\s*(?:study|studies|trial|trials)\b", noun) and not TRIAL_NAME_RE.fullmatch(antecedent):
        return text  # "This study" is a trial, never the drug or class a subsection is named after
    if noun:  # "This TKI inhibits…" → "This TKI [lapatinib] inhibits…"
        return f"{word}{noun} [{antecedent}]{text[match.end():]}"
    if word in ("Its", "Their"):
        return f"[{antecedent}’s]{text[match.end():]}"
    if word in ("This", "These"):
        return text  # "This enhancement…" points back at a claim, not a name
    if word == "They" and re.fullmatch(r"[A-Z0-9\-]{2,6}", antecedent):
        antecedent += "s"  # "They are composed…" → "[ADCs] are composed…"
    return f"[{antecedent}]{text[match.end():]}"


def render(lead: str, points: list[AnswerPoint], missing: list[str] | None = None) -> str:
    """The answer as text: one sentence inline, several as bullets under their group headings."""
    lines: list[str] = []
    if missing:
        lines.append(" ".join(missing))
    if lead:
        lines.append(lead)
    grouped = any(p.group for p in points)
    if len(points) == 1 and not grouped and not lead:
        p = points[0]
        lines.append(f"{p.text} {_markers(p.markers)}".strip())
        return "\n".join(lines)
    current = None
    for p in points:
        if grouped and p.group != current:
            current = p.group
            lines.append(f"**{p.group or 'Also'}**")
        lines.append(f"- {p.text} {_markers(p.markers)}".rstrip())
    return "\n".join(lines)


def _markers(markers: list[int]) -> str:
    return "".join(f"[{m}]" for m in markers)


class Composer:
    """Turns picks into an Answer with numbered citations (one marker per passage)."""

    def __init__(self, make_citation):
        self.make_citation = make_citation  # (marker, chunk, quote, query, start) -> Citation

    def compose(self, base: Answer, picks: list[Pick], query=None, lead: str = "",
                highlight_figures: bool = True) -> Answer:
        markers: dict[str, int] = {}
        citations: list[Citation] = []
        points: list[AnswerPoint] = []
        seen: set[str] = set()
        for pick in picks:
            key = re.sub(r"\W+", " ", strip_markers(pick.text)).strip().lower()
            if key in seen:
                continue  # overlapping chunks repeat a sentence
            seen.add(key)
            if pick.chunk.id not in markers:
                markers[pick.chunk.id] = len(markers) + 1
                citations.append(self.make_citation(markers[pick.chunk.id], pick.chunk, pick.text, query, pick.start))
            text = with_antecedent(strip_markers(pick.text).strip(), pick.antecedent)
            marks = pick.highlights or (figures_in(text) if highlight_figures else [])
            points.append(AnswerPoint(text=text, markers=[markers[pick.chunk.id]], group=pick.group,
                                      highlights=[h for h in marks if h in text]))
        for citation in citations:
            quoted = [p for p in points if citation.marker in p.markers]
            citation.highlights = list(dict.fromkeys(h for p in quoted for h in p.highlights
                                                     if whole(h, citation.text)))
        return base.model_copy(update={"answer": render(lead, points), "citations": citations,
                                       "points": points, "lead": lead})


def points_from_text(answer: Answer) -> list[AnswerPoint]:
    """Points of an answer composed as running text ('sentence [1] sentence [2]')."""
    from ..verify import ANSWER_MARKER_RE, segments

    points = []
    for segment in segments(answer.answer):
        found = [int(m) for group in ANSWER_MARKER_RE.findall(segment) for m in group.split(",")]
        body = ANSWER_MARKER_RE.sub("", segment).strip()
        if body:
            points.append(AnswerPoint(text=body, markers=found, highlights=figures_in(body)))
    return points


def merge(base: Answer, parts: list[tuple[str, Answer]], lead: str = "") -> Answer:
    """Answers to parts of one question (sides of a comparison, sub-questions) as one answer,
    markers renumbered, each part's points under its own heading."""
    citations: list[Citation] = []
    by_chunk: dict[str, int] = {}
    points: list[AnswerPoint] = []
    missing: list[str] = []
    for group, answer in parts:
        if answer.abstained:
            said = answer.answer.split("\n")[0]
            if said not in missing:  # two parts declined for one reason say it once
                missing.append(said)
            continue
        renumber: dict[int, int] = {}
        for citation in answer.citations:
            if citation.chunk_id not in by_chunk:
                by_chunk[citation.chunk_id] = len(by_chunk) + 1
                citations.append(citation.model_copy(update={"marker": by_chunk[citation.chunk_id]}))
            renumber[citation.marker] = by_chunk[citation.chunk_id]
        own = answer.points or points_from_text(answer)
        moved = [point.model_copy(update={"markers": [renumber[m] for m in point.markers if m in renumber],
                                          "group": group or point.group}) for point in own]
        new = [m for m in moved if not any(p.text == m.text for p in points)]
        # a part that a sentence given above already answers shows it again under its own heading
        points.extend(new or moved[:1])
    if not points:
        return base.model_copy(update={"answer": " ".join(missing) or "The review does not say.", "abstained": True})
    return base.model_copy(update={"answer": render(lead, points, missing), "citations": citations,
                                   "points": points, "lead": lead, "missing": missing})
