"""HTML and Markdown for the chat UI: pure string functions (no Gradio), unit-testable.

Everything that comes from the corpus or the user is escaped before any markup is added:
passages go through :func:`html.escape` before ``<mark>`` is inserted, chat text through
:func:`md_escape` before citation links are added.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

from .results import Answer, Citation, ReferenceInfo, Retrieved

ANSWER_MARKER_RE = re.compile(r"\\\[(\d+)\\\]")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>~|$#])")

EMPTY_SOURCES = ("<div class='her2qa-empty'>Ask a question: the passages its answer cites appear here. "
                 "Select a source [n] above, or click a marker [n] in the answer.</div>")


def md_escape(text: str) -> str:
    """Backslash-escape Markdown/HTML control characters so corpus text renders literally."""
    return _MD_SPECIAL.sub(r"\\\1", text or "")


def _link(url: str, label: str) -> str:
    """An external link opening in a new tab; only http(s) URLs are linked."""
    if not re.match(r"^https?://", url or ""):
        return html.escape(label)
    return (f'<a href="{html.escape(url, quote=True)}" target="_blank" rel="noopener noreferrer">'
            f"{html.escape(label)}</a>")


def cite_anchor(turn: int, marker: int) -> str:
    return f"#cite-{turn}-{marker}"


def _numbered(section: str) -> bool:
    return bool(re.match(r"^\d", section or ""))


def section_short(citation: Citation) -> str:
    """``§3.1.3`` for a numbered section, else a plain name (``reference list``, ``abstract``)."""
    if citation.kind == "reference":
        return "reference list"
    if _numbered(citation.section):
        return f"§{citation.section}"
    return (citation.section_title or citation.section or "review").lower()


def source_label(citation: Citation) -> str:
    """Label of a citation in the Sources list: ``[1] §3.1.3 TKI``, ``[2] Reference list: [39] Verma…``."""
    if citation.kind == "reference":
        where = "Reference list"
        if citation.references:
            ref = citation.references[0]
            where += f": [{ref.number}] {ref.short()}"
    elif _numbered(citation.section):
        where = f"§{citation.section} {citation.section_title}"
    else:
        where = citation.section_title or citation.section
    where = " ".join(where.split())
    label = f"[{citation.marker}] {where}"
    if citation.kind == "table_row":
        label += " (table)"
    return label if len(label) <= 90 else label[:87] + "…"


def source_choices(answer: Answer | None) -> list[tuple[str, str]]:
    if answer is None or answer.error or answer.abstained:
        return []
    return [(source_label(c), str(c.marker)) for c in answer.citations]


def answer_markdown(answer: Answer, turn: int) -> str:
    """The assistant's chat message for ``answer`` (Markdown; markers link to ``#cite-turn-n``)."""
    if answer.error:
        return f"**Could not answer.** {md_escape(answer.error)}"
    if answer.abstained:
        body = md_escape(answer.answer.strip()) or "The review does not answer this question."
        lines = ["<div class='her2qa-abstain'>", "", "### Not in the review", "", body]
        if answer.related:
            lines += ["", "_The nearest passages are listed in the sources column as \u201cRelated passages "
                          "(not evidence)\u201d: they do not answer the question._"]
        if answer.notice:
            lines += ["", f"_Note: {md_escape(answer.notice)}_"]
        return "\n".join(lines + ["", "</div>"])
    markers = {c.marker for c in answer.citations}

    def linkify(match: re.Match) -> str:
        n = int(match.group(1))
        if n not in markers:
            return match.group(0)
        return f"[\\[{n}\\]]({cite_anchor(turn, n)})"

    text = ANSWER_MARKER_RE.sub(linkify, md_escape(answer.answer.strip()))
    lines = [text]
    if answer.citations:
        sources = " · ".join(f"[\\[{c.marker}\\]]({cite_anchor(turn, c.marker)}) "
                             f"{md_escape(section_short(c))}" for c in answer.citations)
        lines += ["", f"<sub>Sources: {sources}</sub>"]
    if answer.notice:
        lines += ["", f"_Note: {md_escape(answer.notice)}_"]
    return "\n".join(lines)


def streaming_markdown(partial: str) -> str:
    """A partial answer while it streams (escaped, with a cursor)."""
    return md_escape(partial) + " ▌"


_REVIEW_MARKER_RE = re.compile(r"\s?\[(?:\d+(?:\s*[,\u2013\u2014-]\s*\d+)*)\]")


def _normalized(text: str) -> tuple[str, list[int]]:
    """``text`` without the review's numeric markers and with runs of whitespace collapsed, plus
    the offset in ``text`` of every kept character (so a match maps back to the original)."""
    kept: list[str] = []
    offsets: list[int] = []
    removed = [m.span() for m in _REVIEW_MARKER_RE.finditer(text)]
    r = 0
    i = 0
    while i < len(text):
        if r < len(removed) and i == removed[r][0]:
            i = removed[r][1]
            r += 1
            continue
        ch = text[i]
        if ch.isspace():
            if kept and kept[-1] != " ":
                kept.append(" ")
                offsets.append(i)
        else:
            kept.append(ch)
            offsets.append(i)
        i += 1
    return "".join(kept), offsets


def find_span(text: str, sentence: str) -> tuple[int, int] | None:
    """Where ``sentence`` sits in ``text``, ignoring whitespace and the review's [n] markers."""
    sentence = (sentence or "").strip()
    if not sentence:
        return None
    start = text.find(sentence)
    if start >= 0:
        return start, start + len(sentence)
    clean, offsets = _normalized(text)
    wanted, _ = _normalized(sentence)
    wanted = wanted.strip()
    if len(wanted) < 12:
        return None
    at = clean.find(wanted)
    if at < 0:
        return None
    return offsets[at], offsets[at + len(wanted) - 1] + 1


def highlight(text: str, quote: str, others: list[str] | tuple[str, ...] = ()) -> str:
    """``text`` escaped, the quoted sentence wrapped in ``<mark>`` and other answer sentences taken
    from this passage in ``<mark class='her2qa-also'>``. Escaping happens before any tag is added."""
    text = text or ""
    spans: list[tuple[int, int, str]] = []
    main = find_span(text, quote)
    if main:
        spans.append((*main, "<mark>"))
    for sentence in others:
        span = find_span(text, sentence)
        if span and not any(s < span[1] and span[0] < e for s, e, _ in spans):
            spans.append((*span, "<mark class='her2qa-also'>"))
    out, pos = [], 0
    for start, end, tag in sorted(spans):
        out += [html.escape(text[pos:start]), tag, html.escape(text[start:end]), "</mark>"]
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def sentences_for_marker(answer_text: str, marker: int) -> list[str]:
    """The pieces of an answer that end with the inline marker ``[marker]``."""
    pieces, last = [], 0
    for match in re.finditer(r"\[(\d+)\]", answer_text or ""):
        piece = answer_text[last:match.start()].strip()
        last = match.end()
        if int(match.group(1)) == marker and piece:
            pieces.append(piece.strip("\u201c\u201d\" "))
    return pieces


def reference_html(ref: ReferenceInfo) -> str:
    bits = [f"<span class='her2qa-refnum'>[{ref.number}]</span>"]
    if ref.authors:
        bits.append(html.escape(ref.authors.rstrip(".")) + ".")
    if ref.title:
        bits.append(f"<i>{html.escape(ref.title.rstrip('.'))}</i>.")
    where = " ".join(p for p in (ref.journal.rstrip("."), str(ref.year or "")) if p)
    if where:
        bits.append(html.escape(where) + ".")
    links = []
    if ref.doi:
        links.append("DOI " + _link(f"https://doi.org/{ref.doi}", ref.doi))
    elif ref.url:
        links.append(_link(ref.url, "Link"))
    if ref.pubmed_url:
        links.append(_link(ref.pubmed_url, "PubMed"))
    if links:
        bits.append("<span class='her2qa-links'>" + " · ".join(links) + "</span>")
    return "<li>" + " ".join(bits) + "</li>"


def citation_html(citation: Citation, turn: int | None = None, also: list[str] | tuple[str, ...] = ()) -> str:
    """The sources-column view of one citation: section, passage with the quote marked, references."""
    if citation.kind == "reference":
        section, title = "Reference list", "the review's bibliography"
    elif _numbered(citation.section):
        section, title = f"Section {citation.section}", html.escape(citation.section_title or "")
    else:
        section, title = citation.section_title or citation.section or "Review", ""
    kind = {"table_row": "Table row", "figure": "Figure caption",
            "abstract": "Abstract"}.get(citation.kind, "")
    parts = [f"<div class='her2qa-passage' data-marker='{citation.marker}'>",
             f"<div class='her2qa-source-head'><span class='her2qa-marker'>[{citation.marker}]</span> "
             f"<b>{html.escape(section)}</b>" + (f" · {title}" if title else "")
             + (f" <span class='her2qa-kind'>{kind}</span>" if kind else "") + "</div>"]
    if citation.section_path and citation.section_path.strip() not in {citation.section_title.strip(), ""}:
        parts.append(f"<div class='her2qa-path'>{html.escape(citation.section_path)}</div>")
    parts.append(f"<blockquote class='her2qa-text'>{highlight(citation.text, citation.quote, also)}</blockquote>")
    if citation.references:
        head = "This reference" if citation.kind == "reference" else "References cited in this passage"
        parts.append(f"<div class='her2qa-refs-head'>{head}</div>")
        parts.append("<ul class='her2qa-refs'>" + "".join(reference_html(r) for r in citation.references)
                     + "</ul>")
    else:
        parts.append("<div class='her2qa-refs-head'>This passage cites no numbered reference.</div>")
    parts.append("</div>")
    return "".join(parts)


def related_html(related: list[Retrieved]) -> str:
    """Passages shown with an abstention: clearly labelled as not being evidence."""
    parts = ["<div class='her2qa-related'><div class='her2qa-related-head'>Related passages (not evidence)</div>",
             "<p class='her2qa-related-note'>The review does not answer the question; these are the "
             "nearest passages, shown so you can check for yourself.</p>"]
    if not related:
        parts.append("<p>No related passage was found.</p>")
    for item in related:
        kind = " (table)" if item.kind == "table_row" else ""
        parts.append(f"<div class='her2qa-related-item'><b>Section {html.escape(item.section or '?')}</b>{kind}"
                     f"<blockquote>{html.escape(item.text)}</blockquote></div>")
    parts.append("</div>")
    return "".join(parts)


def error_html(message: str) -> str:
    return f"<div class='her2qa-error'>{html.escape(message)}</div>"


def sources_html(answer: Answer | None, marker: int | str | None, turn: int | None = None) -> str:
    """What the sources column shows for ``answer`` with citation ``marker`` selected."""
    if answer is None:
        return EMPTY_SOURCES
    if answer.error:
        return error_html(answer.error)
    if answer.abstained:
        return related_html(answer.related)
    if not answer.citations:
        return EMPTY_SOURCES
    wanted = str(marker) if marker is not None else str(answer.citations[0].marker)
    citation = next((c for c in answer.citations if str(c.marker) == wanted), answer.citations[0])
    return citation_html(citation, turn, sentences_for_marker(answer.answer, citation.marker))


def about_markdown(about: Mapping | None, problem: str = "") -> str:
    """The About panel from ``Assistant.about()`` (or a fallback when the assistant cannot load)."""
    about = dict(about or {})
    lines = []
    if about.get("citation"):
        lines.append(f"**Source article.** {md_escape(about['citation'])}")
    ids = [f"{label} {about[key]}" for key, label in (("doi", "DOI"), ("pmcid", "PMCID"), ("pmid", "PMID"))
           if about.get(key)]
    if about.get("doi"):
        ids[0] = f"DOI [{md_escape(about['doi'])}](https://doi.org/{about['doi']})"
    if ids:
        lines.append(" · ".join(ids))
    licence = re.sub(r"\s*\(?https?://\S+?\)?$", "", about.get("licence") or "CC BY 4.0").strip()
    lines.append(f"**Licence.** The article is open access under {md_escape(licence)} "
                 "([creativecommons.org/licenses/by/4.0](https://creativecommons.org/licenses/by/4.0/)); "
                 "passages are shown verbatim with their section and references.")
    backend = about.get("backend") or "extractive"
    lines.append("**How answers are produced.** Each question is matched against passages of this one review "
                 "(hybrid BM25 + dense retrieval, then sentence-level re-scoring). "
                 "By default the answer is *extractive*: sentences quoted from the review, each with an [n] "
                 "marker pointing to its passage. When the review does not cover a question the assistant says "
                 "so (\u201cNot in the review\u201d) instead of guessing. "
                 f"Active answer backend: **{md_escape(str(backend))}**.")
    if about.get("index") or about.get("chunks"):
        lines.append(f"**Index.** {md_escape(str(about.get('index', '')))}"
                     + (f" ({about['chunks']} passages)" if about.get("chunks") else ""))
    lines.append("_Not medical advice: answers only report what the review says._")
    if problem:
        lines.append(f"**Not available yet:** {md_escape(problem)}")
    return "\n\n".join(lines)
