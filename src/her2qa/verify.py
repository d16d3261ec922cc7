"""The verifier: runs on every answer, extractive or generated, before it is shown.

A marker must point at a passage retrieved for this question; every number in a sentence must
appear in a passage that sentence cites; citations the answer did not earn are dropped.
"""

from __future__ import annotations

import re

from .figures import all_numbers, numbers
from .results import Answer
ANSWER_MARKER_RE = re.compile(r"\s*\[(\d+(?:\s*,\s*\d+)*)\]")
SEGMENT_RE = re.compile(r".*?(?:(?:\s*\[\d+(?:\s*,\s*\d+)*\])+[.;:]?|$)", re.DOTALL)


def segments(text: str) -> list[str]:
    """Claims as the answer cites them: each run of text up to and including its [n] markers."""
    return [m.group(0).strip() for m in SEGMENT_RE.finditer(text) if m.group(0).strip()]


def _supported_markers(body: str, markers: list[int], by_marker: dict, retrieved_ids: set[str],
                       notes: list[str], kind: str, needs_citation: bool) -> list[int] | None:
    """The markers of one claim that point at retrieved passages holding all its figures; None
    when the claim must go (a note says why). An uncited claim stays only if it has no figures
    and ``needs_citation`` is False."""
    valid = []
    for m in markers:
        citation = by_marker.get(m)
        if citation is None or citation.chunk_id not in retrieved_ids:
            notes.append(f"removed marker [{m}]: it does not point at a passage retrieved for this question")
        else:
            valid.append(m)
    support = " ".join(by_marker[m].text for m in valid)
    missing = sorted(set(numbers(body)) - all_numbers(support), key=body.find)
    if (markers or needs_citation) and not valid:
        notes.append(f"removed {kind} with no valid citation: {body[:80]!r}")
        return None
    if missing:
        notes.append(f"removed {kind} whose figure(s) {', '.join(missing)} do not appear in its cited passages: "
                     f"{body[:80]!r}")
        return None
    if not valid and numbers(body):
        notes.append(f"removed uncited {kind} containing figures: {body[:80]!r}")
        return None
    return valid


def verify(answer: Answer, retrieved_ids: set[str]) -> Answer:
    if answer.abstained:
        # a refusal makes no claim to support
        return answer.model_copy(update={"citations": [], "points": [], "table": None})
    if answer.points:
        return _verify_points(answer, retrieved_ids)
    by_marker = {c.marker: c for c in answer.citations}
    notes: list[str] = []
    kept: list[str] = []
    used: set[int] = set()
    for sentence in segments(answer.answer):
        markers = [int(m) for group in ANSWER_MARKER_RE.findall(sentence) for m in group.split(",")]
        body = ANSWER_MARKER_RE.sub("", sentence).strip()
        valid = _supported_markers(body, markers, by_marker, retrieved_ids, notes, "sentence", needs_citation=False)
        if valid is None:
            continue
        used.update(valid)
        kept.append(body + (" " + "".join(f"[{m}]" for m in dict.fromkeys(valid)) if valid else ""))

    citations = [c for c in answer.citations if c.marker in used]
    text = " ".join(kept).strip()
    update = {"citations": citations, "verifier": answer.verifier + notes, "answer": text}
    if not text or not citations:
        update.update(answer="The answer could not be verified against the review, so it is not shown. "
                             "See the related passages.", abstained=True, citations=[])
    return answer.model_copy(update=update)


def _verify_points(answer: Answer, retrieved_ids: set[str]) -> Answer:
    """The same checks, point by point, for a structured answer; the text is rendered again from
    the points that survive, so bullets and headings stay intact."""
    from .answering.compose import render

    by_marker = {c.marker: c for c in answer.citations}
    notes: list[str] = []
    kept = []
    for point in answer.points:
        valid = _supported_markers(point.text, point.markers, by_marker, retrieved_ids, notes, "point",
                                   needs_citation=True)
        if valid is None:
            continue
        kept.append(point.model_copy(update={"markers": valid}))
    used = {m for p in kept for m in p.markers}
    citations = [c for c in answer.citations if c.marker in used]
    table = answer.table
    if table is not None:
        rows = [(r, m) for r, m in zip(table.rows, table.markers) if m in used]
        table = table.model_copy(update={"rows": [r for r, _ in rows], "markers": [m for _, m in rows]}) if rows else None
    update = {"points": kept, "citations": citations, "table": table, "verifier": answer.verifier + notes,
              "answer": render(answer.lead, kept, answer.missing)}
    if not kept:
        update.update(answer="The answer could not be verified against the review, so it is not shown. "
                             "See the related passages.", abstained=True, citations=[], points=[], table=None)
    return answer.model_copy(update=update)
