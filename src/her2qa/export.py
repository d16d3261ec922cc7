"""Export a conversation as a Markdown document with a bibliography of every cited reference.

Pure functions over :class:`~her2qa.results.Answer` records: no Gradio, no models, so the CLI,
the UI and tests can all use them.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Mapping

from .results import Answer, Citation, ReferenceInfo

TITLE = "her2qa conversation"


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def _quote_block(text: str) -> str:
    return "\n".join("> " + line if line else ">" for line in (text or "").strip().splitlines())


def reference_entry(ref: ReferenceInfo) -> str:
    """One bibliography line: ``[65] Murthy R.K., et al. Title. J. 2020. doi:… https://…``."""
    parts = [f"[{ref.number}]"]
    if ref.authors:
        parts.append(ref.authors.rstrip(".") + ".")
    if ref.title:
        parts.append(ref.title.rstrip(".") + ".")
    where = " ".join(p for p in (ref.journal.rstrip(".") if ref.journal else "", str(ref.year or "")) if p)
    if where:
        parts.append(where + ".")
    if ref.doi:
        parts.append(f"doi:{ref.doi} <https://doi.org/{ref.doi}>")
    elif ref.url:
        parts.append(f"<{ref.url}>")
    if ref.pubmed_url:
        parts.append(f"PubMed: <{ref.pubmed_url}>")
    return " ".join(parts)


def cited_references(answers: Iterable[Answer]) -> list[ReferenceInfo]:
    """Every review reference cited by any citation of ``answers``, by number, without repeats."""
    seen: dict[int, ReferenceInfo] = {}
    for answer in answers:
        if answer.error or answer.abstained:
            continue
        for citation in answer.citations:
            for ref in citation.references:
                seen.setdefault(ref.number, ref)
    return [seen[n] for n in sorted(seen)]


def _citation_line(citation: Citation) -> str:
    where = f"§{citation.section} {citation.section_title}".strip() if citation.section else citation.section_title
    line = f"- [{citation.marker}] {_one_line(where)}"
    if citation.kind and citation.kind != "text":
        line += f" ({citation.kind.replace('_', ' ')})"
    if citation.quote:
        line += f": \u201c{_one_line(citation.quote)}\u201d"
    if citation.references:
        line += " Cites " + ", ".join(f"[{r.number}] {r.short()}" for r in citation.references) + "."
    return line


def _as_answers(turns: Iterable) -> list[Answer]:
    """Answers from Answer records, ``(question, Answer)`` pairs or ``chat.Turn`` objects."""
    answers = []
    for turn in turns:
        if isinstance(turn, Answer):
            answers.append(turn)
        elif isinstance(turn, tuple):
            answers.append(turn[1])
        elif isinstance(getattr(turn, "answer", None), Answer):
            answers.append(turn.answer)
    return answers


def conversation_markdown(turns: Iterable,
                          about: Mapping | None = None, exported_at: str | None = None) -> str:
    """The conversation as Markdown: each question, its answer, its sources, then a bibliography.

    ``turns`` holds :class:`Answer` records, ``(question, Answer)`` pairs or the ``Turn`` objects of
    ``Conversation.turns``; ``about`` is ``Assistant.about()`` (optional) for the source line.
    """
    answers = _as_answers(turns)
    exported_at = exported_at or time.strftime("%Y-%m-%d %H:%M")
    out = [f"# {TITLE}", ""]
    if about and about.get("citation"):
        source = f"Source: {_one_line(about['citation'])}"
        if about.get("licence"):
            source += f" ({_one_line(about['licence'])})"
        out += [source + ".", ""]
    out += [f"Exported {exported_at}. Answers are quoted from the review; [n] markers point to the sources "
            "listed under each answer, and the bibliography lists the papers the review cites there.", ""]
    if not answers:
        out += ["_No questions asked yet._", ""]
    for i, answer in enumerate(answers, 1):
        out += [f"## Q{i}. {_one_line(answer.question) or '(empty question)'}", ""]
        if answer.resolved_question and _one_line(answer.resolved_question) != _one_line(answer.question):
            out += [f"_Read as: {_one_line(answer.resolved_question)}_", ""]
        if answer.error:
            out += [f"**Error:** {_one_line(answer.error)}", ""]
            continue
        if answer.abstained:
            out += ["**Not in the review.**", "", _quote_block(answer.answer), ""]
            if answer.related:
                out += ["Related passages (not evidence):", ""]
                out += [f"- §{r.section}: {_one_line(r.text)[:300]}" for r in answer.related]
                out.append("")
            continue
        out += [_quote_block(answer.answer), ""]
        if answer.notice:
            out += [f"_Note: {_one_line(answer.notice)}_", ""]
        if answer.citations:
            out += ["Sources:", ""] + [_citation_line(c) for c in answer.citations] + [""]
    refs = cited_references(answers)
    out += ["## Bibliography", ""]
    if refs:
        out += [f"- {reference_entry(r)}" for r in refs]
    else:
        out.append("_No references of the review were cited._")
    return "\n".join(out).rstrip() + "\n"
