"""Export a conversation or one answer: Markdown with a bibliography, plain text for the
clipboard, and the cited references as BibTeX and RIS.

Pure functions over :class:`~her2qa.results.Answer` records: no Gradio, no models, so the CLI,
the UI and tests can all use them. Text typed by users (and any text an LLM produced) is escaped
in Markdown, so ``<script>`` or ``<img onerror=…>`` in a question is shown, never rendered.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Mapping

from .results import Answer, Citation, ReferenceInfo

TITLE = "her2qa conversation"


_MD_CONTROL = re.compile(r"([\\`*_{}\[\]#|~!])")


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def md_text(text: str) -> str:
    """``text`` as literal Markdown: HTML characters become entities (no tag can form) and
    Markdown control characters are backslash-escaped (no link, image or emphasis can form)."""
    text = (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_CONTROL.sub(r"\\\1", text)


def _md_line(text: str) -> str:
    return md_text(_one_line(text))


def _quote_block(text: str) -> str:
    return "\n".join("> " + md_text(line) if line else ">" for line in (text or "").strip().splitlines())


def reference_entry(ref: ReferenceInfo, markdown: bool = True) -> str:
    """One bibliography line: ``[65] Murthy R.K., et al. Title. J. 2020. doi:… https://…``
    (escaped for Markdown unless ``markdown`` is False, e.g. for plain text)."""
    esc = md_text if markdown else (lambda t: t)
    parts = [f"[{ref.number}]"]
    if ref.authors:
        parts.append(esc(ref.authors.rstrip(".")) + ".")
    if ref.title:
        parts.append(esc(ref.title.rstrip(".")) + ".")
    where = " ".join(p for p in (ref.journal.rstrip(".") if ref.journal else "", str(ref.year or "")) if p)
    if where:
        parts.append(esc(where) + ".")
    if ref.doi:
        parts.append(f"doi:{esc(ref.doi)} " + (f"<https://doi.org/{ref.doi}>" if markdown else f"https://doi.org/{ref.doi}"))
    elif ref.url:
        parts.append(f"<{ref.url}>" if markdown else ref.url)
    if ref.pubmed_url:
        parts.append(f"PubMed search: <{ref.pubmed_url}>" if markdown else f"PubMed search: {ref.pubmed_url}")
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
    line = f"- [{citation.marker}] {_md_line(where)}"
    if citation.kind and citation.kind != "text":
        line += f" ({citation.kind.replace('_', ' ')})"
    if citation.quote:
        line += f": \u201c{_md_line(citation.quote)}\u201d"
    if citation.references:
        line += " Cites " + ", ".join(f"[{r.number}] {md_text(r.short())}" for r in citation.references) + "."
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


def _answer_body_markdown(answer: Answer) -> list[str]:
    """The answer itself: structured points/table when the engine gave them, else its text."""
    out: list[str] = []
    if answer.points or answer.table:
        if answer.lead:
            out += [md_text(_one_line(answer.lead)), ""]
        group = None
        for point in answer.points:
            if point.group and point.group != group:
                group = point.group
                out += ["", f"**{_md_line(group)}**", ""]
            marks = "".join(f" [{m}]" for m in point.markers)
            out.append(f"- {_md_line(point.text)}{marks}")
        if answer.points:
            out.append("")
        if answer.table and answer.table.rows:
            table = answer.table
            cols = [md_text(c) for c in table.columns] + ["Source"]
            out += [f"*{_md_line(table.title)}*", "", "| " + " | ".join(cols) + " |",
                    "|" + "---|" * len(cols)]
            for i, row in enumerate(table.rows):
                marker = f"[{table.markers[i]}]" if i < len(table.markers) else ""
                out.append("| " + " | ".join(_md_line(c) or "–" for c in row) + f" | {marker} |")
            out.append("")
    else:
        out += [_quote_block(answer.answer), ""]
    if answer.missing:
        out += ["Not reported in the review: " + "; ".join(_md_line(m) for m in answer.missing) + ".", ""]
    return out


def _turn_markdown(i: int, answer: Answer) -> list[str]:
    out = [f"## Q{i}. {_md_line(answer.question) or '(empty question)'}", ""]
    read_as = answer.read_as or (answer.resolved_question
                                 if _one_line(answer.resolved_question) != _one_line(answer.question) else "")
    if read_as:
        out += [f"_Read as: {_md_line(read_as)}_", ""]
    if answer.error:
        return out + [f"**Error:** {_md_line(answer.error)}", ""]
    if answer.abstained:
        out += ["**Not in the review.**", "", _quote_block(answer.answer), ""]
        if answer.related:
            out += ["Related passages (not evidence):", ""]
            out += [f"- §{_md_line(r.section)}: {_md_line(r.text)[:300]}" for r in answer.related]
            out.append("")
        return out
    out += _answer_body_markdown(answer)
    if answer.notice:
        out += [f"_Note: {_md_line(answer.notice)}_", ""]
    if answer.citations:
        out += ["Sources:", ""] + [_citation_line(c) for c in answer.citations] + [""]
    return out


def conversation_markdown(turns: Iterable,
                          about: Mapping | None = None, exported_at: str | None = None,
                          title: str = TITLE) -> str:
    """The conversation as Markdown: each question, its answer, its sources, then a bibliography.

    ``turns`` holds :class:`Answer` records, ``(question, Answer)`` pairs or the ``Turn`` objects of
    ``Conversation.turns``; ``about`` is ``Assistant.about()`` (optional) for the source line.
    Everything that comes from users, the review or an LLM is escaped (see :func:`md_text`).
    """
    answers = _as_answers(turns)
    exported_at = exported_at or time.strftime("%Y-%m-%d %H:%M")
    out = [f"# {md_text(title)}", ""]
    if about and about.get("citation"):
        source = f"Source: {_md_line(about['citation'])}"
        if about.get("licence"):
            source += f" ({_md_line(about['licence'])})"
        out += [source + ".", ""]
    out += [f"Exported {exported_at}. Answers are quoted from the review; [n] markers point to the sources "
            "listed under each answer, and the bibliography lists the papers the review cites there.", ""]
    if not answers:
        out += ["_No questions asked yet._", ""]
    for i, answer in enumerate(answers, 1):
        out += _turn_markdown(i, answer)
    refs = cited_references(answers)
    out += ["## Bibliography", ""]
    if refs:
        out += [f"- {reference_entry(r)}" for r in refs]
    else:
        out.append("_No references of the review were cited._")
    return "\n".join(out).rstrip() + "\n"


def answer_markdown_export(answer: Answer, about: Mapping | None = None, exported_at: str | None = None) -> str:
    """One answer as a Markdown document (same layout as a one-turn conversation)."""
    return conversation_markdown([answer], about=about, exported_at=exported_at, title="her2qa answer")


# --------------------------------------------------------------------------- plain text (clipboard)

def answer_plain_text(answer: Answer) -> str:
    """An answer as plain text for the clipboard: no Markdown, no HTML; markers [n] resolved to
    their sections and quotes, then the papers the review cites there."""
    lines = [f"Q: {_one_line(answer.question)}"]
    read_as = answer.read_as or (answer.resolved_question
                                 if _one_line(answer.resolved_question) != _one_line(answer.question) else "")
    if read_as:
        lines.append(f"Read as: {_one_line(read_as)}")
    lines.append("")
    if answer.error:
        return "\n".join(lines + [f"Error: {_one_line(answer.error)}"]) + "\n"
    if answer.abstained:
        return "\n".join(lines + ["Not in the review. " + _one_line(answer.answer)]) + "\n"
    if answer.points or answer.table:
        if answer.lead:
            lines.append(_one_line(answer.lead))
        group = None
        for point in answer.points:
            if point.group and point.group != group:
                group = point.group
                lines.append(f"{group}:")
            lines.append(f"- {_one_line(point.text)}" + "".join(f" [{m}]" for m in point.markers))
        if answer.table and answer.table.rows:
            lines.append(_one_line(answer.table.title))
            for i, row in enumerate(answer.table.rows):
                cells = "; ".join(f"{c}: {v or '–'}" for c, v in zip(answer.table.columns, row))
                marker = f" [{answer.table.markers[i]}]" if i < len(answer.table.markers) else ""
                lines.append(f"- {cells}{marker}")
    else:
        lines.append(_one_line(answer.answer))
    if answer.missing:
        lines.append("Not reported in the review: " + "; ".join(_one_line(m) for m in answer.missing) + ".")
    if answer.citations:
        lines += ["", "Sources (Tapia et al., Cancers 2023, doi:10.3390/cancers15184522):"]
        for c in answer.citations:
            where = f"section {c.section} {c.section_title}".strip() if c.section else c.section_title
            if c.kind == "reference":
                where = "reference list"
            lines.append(f"[{c.marker}] {_one_line(where)}: \u201c{_one_line(c.quote)}\u201d")
    refs = cited_references([answer])
    if refs:
        lines += ["", "References cited there:"] + [reference_entry(r, markdown=False) for r in refs]
    return "\n".join(lines).rstrip() + "\n"


# --------------------------------------------------------------------------- BibTeX and RIS

_BIBTEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
                   "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def _bibtex_escape(text: str) -> str:
    return "".join(_BIBTEX_SPECIAL.get(ch, ch) for ch in _one_line(text))


def _author_names(ref: ReferenceInfo) -> tuple[list[str], bool]:
    """(['Murthy, R.K.', 'Loi, S.'], et_al) from 'Murthy R.K., Loi S., et al.'."""
    names, et_al = [], False
    for part in (ref.authors or "").split(","):
        part = part.strip().rstrip(".") if part.strip().lower() in {"et al.", "et al"} else part.strip()
        if not part:
            continue
        if part.lower().startswith("et al"):
            et_al = True
            continue
        bits = part.split()
        if len(bits) >= 2 and re.fullmatch(r"[A-Z][A-Za-z.\-]*", bits[-1]) and bits[-1].replace(".", "").replace("-", "").isupper():
            names.append(f"{' '.join(bits[:-1])}, {bits[-1]}")
        else:
            names.append(part)
    return names, et_al


def bibtex_key(ref: ReferenceInfo) -> str:
    names, _ = _author_names(ref)
    first = re.sub(r"[^A-Za-z]", "", names[0].split(",")[0]) if names else "ref"
    return f"ref{ref.number}_{first.lower() or 'ref'}{ref.year or ''}"


def reference_bibtex(ref: ReferenceInfo) -> str:
    names, et_al = _author_names(ref)
    fields = []
    if names:
        fields.append(("author", " and ".join(_bibtex_escape(n) for n in names) + (" and others" if et_al else "")))
    for name, value in (("title", ref.title.rstrip(".")), ("journal", ref.journal.rstrip(".")),
                        ("year", str(ref.year or "")), ("doi", ref.doi),
                        ("url", ref.url if not ref.doi else f"https://doi.org/{ref.doi}")):
        if value:
            fields.append((name, _bibtex_escape(value) if name not in {"url", "doi"} else value.replace("}", "")
                           .replace("{", "")))
    fields.append(("note", f"Reference [{ref.number}] of Tapia et al., Cancers 2023 (doi:10.3390/cancers15184522)"))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    kind = "article" if ref.journal else "misc"
    return f"@{kind}{{{bibtex_key(ref)},\n{body}\n}}\n"


def references_bibtex(refs: Iterable[ReferenceInfo]) -> str:
    entries = [reference_bibtex(r) for r in refs]
    if not entries:
        return "% No references of the review were cited.\n"
    return "\n".join(entries)


def reference_ris(ref: ReferenceInfo) -> str:
    names, et_al = _author_names(ref)
    lines = [f"TY  - {'JOUR' if ref.journal else 'GEN'}"]
    lines += [f"AU  - {n}" for n in names]
    if et_al:
        lines.append("AU  - et al.")
    for tag, value in (("TI", ref.title.rstrip(".")), ("JO", ref.journal.rstrip(".")), ("PY", str(ref.year or "")),
                       ("DO", ref.doi), ("UR", f"https://doi.org/{ref.doi}" if ref.doi else ref.url)):
        if value:
            lines.append(f"{tag}  - {_one_line(value)}")
    lines.append(f"N1  - Reference [{ref.number}] of Tapia et al., Cancers 2023 (doi:10.3390/cancers15184522)")
    lines.append("ER  - ")
    return "\n".join(lines) + "\n"


def references_ris(refs: Iterable[ReferenceInfo]) -> str:
    return "\n".join(reference_ris(r) for r in refs)
