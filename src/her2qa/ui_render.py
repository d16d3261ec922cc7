"""HTML and Markdown for the chat UI: pure string functions (no Gradio), unit-testable.

Everything that comes from the corpus, an LLM or the user is escaped before any markup is added:
passages go through :func:`html.escape` before ``<mark>`` is inserted, chat text through
:func:`md_escape` before citation links are added. Gradio's own sanitizer (``sanitize_html=True``)
runs on top of that in the browser.

Links the page's script understands (``static/her2qa.js``):
``#cite-<turn>-<n>`` (show source n of answer ``turn``; its title is the hover preview),
``#ask-<question>`` (ask it now) and ``#draft-<text>`` (put it into the question box).
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from urllib.parse import quote

from .results import Answer, AnswerPoint, AnswerTable, Citation, ReferenceInfo, Retrieved

ANSWER_MARKER_RE = re.compile(r"\\\[(\d+)\\\]")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>~|$#!])")
PREVIEW_CHARS = 280

EMPTY_SOURCES = ("<div class='her2qa-empty' role='note'>No answer selected yet. Ask a question: the passages "
                 "its answer cites appear here. Hover over or focus a marker [n] in an answer to preview its "
                 "passage; click it to show the passage here.</div>")


def md_escape(text: str) -> str:
    """Backslash-escape Markdown/HTML control characters so corpus text renders literally."""
    return _MD_SPECIAL.sub(r"\\\1", text or "")


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def _link(url: str, label: str, title: str = "") -> str:
    """An external link opening in a new tab; only http(s) URLs are linked."""
    if not re.match(r"^https?://", url or ""):
        return html.escape(label)
    extra = f' title="{html.escape(title, quote=True)}"' if title else ""
    return (f'<a href="{html.escape(url, quote=True)}" target="_blank" rel="noopener noreferrer"{extra}>'
            f"{html.escape(label)}</a>")


def cite_anchor(turn: int, marker: int) -> str:
    return f"#cite-{turn}-{marker}"


def ask_anchor(question: str, draft: bool = False) -> str:
    return ("#draft-" if draft else "#ask-") + quote(_one_line(question), safe="")


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


# --------------------------------------------------------------------------- chat messages

def preview_text(citation: Citation) -> str:
    """What hovering a marker shows: where the passage is and its quoted sentence."""
    where = "Reference list" if citation.kind == "reference" else (
        f"§{citation.section} {citation.section_title}" if _numbered(citation.section)
        else citation.section_title or citation.section)
    body = _one_line(citation.quote or citation.text)
    if len(body) > PREVIEW_CHARS:
        body = body[:PREVIEW_CHARS - 1] + "…"
    # A Markdown link title: no double quotes, no backslashes, no brackets that could end it.
    text = f"[{citation.marker}] {_one_line(where)}: \u201c{body}\u201d"
    for old, new in (("\\", "/"), ('"', "\u201d"), ("(", "\u2768"), (")", "\u2769"), ("<", "\u2039"), (">", "\u203a")):
        text = text.replace(old, new)
    return text


def _marker_link(turn: int, n: int, by_marker: Mapping[int, Citation]) -> str:
    citation = by_marker.get(n)
    if citation is None:
        return f"\\[{n}\\]"
    return f'[\\[{n}\\]]({cite_anchor(turn, n)} "{preview_text(citation)}")'


def _linkify(escaped: str, turn: int, by_marker: Mapping[int, Citation]) -> str:
    """Escaped text whose ``\\[n\\]`` markers become source links with a preview title."""
    def repl(match: re.Match) -> str:
        n = int(match.group(1))
        return _marker_link(turn, n, by_marker) if n in by_marker else match.group(0)

    return ANSWER_MARKER_RE.sub(repl, escaped)


def _key_spans(text: str, keys) -> list[tuple[int, int]]:
    """Where each key occurs first as a whole token (not inside a word: '2' is not marked in 'HER2')."""
    spans: list[tuple[int, int]] = []
    for key in sorted({k.strip() for k in keys if k and k.strip()}, key=len, reverse=True):
        for match in re.finditer(r"(?<![\w.])" + re.escape(key) + r"(?![\w])", text):
            at, end = match.span()
            if not any(s < end and at < e for s, e in spans):
                spans.append((at, end))
                break
    return spans


def _emphasised(text: str, highlights: list[str]) -> str:
    """``text`` escaped for Markdown with each highlight wrapped in ``<mark>`` (key figures)."""
    spans = _key_spans(text, highlights)
    out, pos = [], 0
    for start, end in sorted(spans):
        out += [md_escape(text[pos:start]), "<mark>", md_escape(text[start:end]), "</mark>"]
        pos = end
    out.append(md_escape(text[pos:]))
    return "".join(out)


def _points_markdown(points: list[AnswerPoint], turn: int, by_marker: Mapping[int, Citation]) -> list[str]:
    lines: list[str] = []
    group = None
    for point in points:
        if point.group and point.group != group:
            group = point.group
            lines += ["", f"**{md_escape(group)}**", ""]
        markers = " ".join(_marker_link(turn, m, by_marker) for m in point.markers)
        lines.append(f"- {_emphasised(point.text, point.highlights)}" + (f" {markers}" if markers else ""))
    return lines


def _table_markdown(table: AnswerTable, turn: int, by_marker: Mapping[int, Citation]) -> list[str]:
    def cell(value: str) -> str:
        return md_escape(_one_line(value)) or "–"

    lines = ["", f"_{md_escape(_one_line(table.title))}_", "",
             "| " + " | ".join(cell(c) for c in table.columns) + " | Source |",
             "|" + " --- |" * (len(table.columns) + 1)]
    for i, row in enumerate(table.rows):
        marker = _marker_link(turn, table.markers[i], by_marker) if i < len(table.markers) else ""
        padded = list(row) + [""] * (len(table.columns) - len(row))
        lines.append("| " + " | ".join(cell(c) for c in padded[:len(table.columns)]) + f" | {marker} |")
    return lines + [""]


def _follow_ups_markdown(questions: list[str]) -> list[str]:
    links = [f"[{md_escape(q)}]({ask_anchor(q)})" for q in questions[:4] if q.strip()]
    return ["", "**Ask next:** " + " · ".join(links)] if links else []


def _read_as(answer: Answer) -> str:
    return _one_line(answer.read_as)


def answer_markdown(answer: Answer, turn: int) -> str:
    """The assistant's chat message for ``answer`` (Markdown; markers link to ``#cite-turn-n``
    and carry the passage preview as their title)."""
    if answer.error:
        return f"**Could not answer.** {md_escape(answer.error)}"
    read_as = _read_as(answer)
    if answer.abstained:
        body = md_escape(answer.answer.strip()) or "The review does not answer this question."
        lines = ["<div class='her2qa-abstain'>", "", "### Not in the review", "", body]
        if read_as:
            lines += ["", f"_Read as: {md_escape(read_as)}_"]
        if answer.related:
            lines += ["", "_Nearby passages are listed under Sources as \u201cRelated passages (not evidence)"
                          "\u201d: they do not answer the question._"]
        if answer.notice:
            lines += ["", f"_Note: {md_escape(answer.notice)}_"]
        lines += _follow_ups_markdown(answer.follow_ups)
        return "\n".join(lines + ["", "</div>"])
    by_marker = {c.marker: c for c in answer.citations}
    lines: list[str] = []
    if answer.points or (answer.table and answer.table.rows):
        if answer.lead:
            lines.append(md_escape(_one_line(answer.lead)))
        lines += _points_markdown(answer.points, turn, by_marker)
        if answer.table and answer.table.rows:
            lines += _table_markdown(answer.table, turn, by_marker)
    else:
        lines.append(_linkify(md_escape(answer.answer.strip()), turn, by_marker))
    if answer.missing:
        lines += ["", "_Not reported in the review: " + "; ".join(md_escape(m) for m in answer.missing) + "._"]
    if read_as:
        lines += ["", f"_Read as: {md_escape(read_as)}_"]
    if answer.citations:
        sources = " · ".join(f"{_marker_link(turn, c.marker, by_marker)} {md_escape(section_short(c))}"
                             for c in answer.citations)
        lines += ["", f"Sources: {sources}"]
    if answer.notice:
        lines += ["", f"_Note: {md_escape(answer.notice)}_"]
    if answer.backend == "llm" and answer.verifier:
        lines += ["", f"_Checked by the verifier: {len(answer.verifier)} change(s) to the generated text "
                      "(unsupported sentences or markers removed)._"]
    lines += _follow_ups_markdown(answer.follow_ups)
    return "\n".join(lines)


def streaming_markdown(partial: str) -> str:
    """A partial LLM answer while it streams (escaped, with a cursor and a note that it is unchecked)."""
    return md_escape(partial) + " \u258c\n\n_Generating; the verifier checks the text when it is complete._"


def question_markdown(question: str) -> str:
    return md_escape(_one_line(question))


# --------------------------------------------------------------------------- passages

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


def _spans_html(text: str, spans: list[tuple[int, int, str, str]]) -> str:
    """``text`` escaped with non-overlapping ``spans`` (start, end, open tag, close tag) inserted."""
    out, pos = [], 0
    for start, end, open_tag, close_tag in sorted(spans):
        if start < pos:
            continue
        out += [html.escape(text[pos:start]), open_tag, html.escape(text[start:end]), close_tag]
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def highlight(text: str, quote: str, others: list[str] | tuple[str, ...] = (),
              keys: list[str] | tuple[str, ...] = ()) -> str:
    """``text`` escaped, the quoted sentence wrapped in ``<mark>`` (with its key figures ``keys`` in
    ``<strong>`` inside it) and other answer sentences from this passage in ``<mark class='her2qa-also'>``.
    Escaping happens before any tag is added."""
    text = text or ""
    main = find_span(text, quote)
    spans: list[tuple[int, int, str]] = []
    if main:
        spans.append((*main, "main"))
    for sentence in others:
        span = find_span(text, sentence)
        if span and not any(s < span[1] and span[0] < e for s, e, _ in spans):
            spans.append((*span, "also"))
    out, pos = [], 0
    for start, end, kind in sorted(spans):
        out.append(html.escape(text[pos:start]))
        inner = text[start:end]
        if kind == "main":
            key_spans = [(a, b, "<strong class='her2qa-key'>", "</strong>") for a, b in _key_spans(inner, keys)]
            out += ["<mark>", _spans_html(inner, key_spans), "</mark>"]
        else:
            out += ["<mark class='her2qa-also'>", html.escape(inner), "</mark>"]
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


def reference_html(ref: ReferenceInfo, tag: str = "li") -> str:
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
        # The review prints no PMIDs: this is a PubMed search (by DOI when there is one), said as such.
        links.append(_link(ref.pubmed_url, "Search PubMed", "PubMed search for this paper"))
    if links:
        bits.append("<span class='her2qa-links'>" + " · ".join(links) + "</span>")
    return f"<{tag}>" + " ".join(bits) + f"</{tag}>"


def _section_heading(citation: Citation) -> tuple[str, str]:
    if citation.kind == "reference":
        return "Reference list", "the review's bibliography"
    if _numbered(citation.section):
        return f"Section {citation.section}", citation.section_title or ""
    return citation.section_title or citation.section or "Review", ""


def table_html(columns: list[str], rows: list[list[str]], caption: str = "", marked: set[int] = frozenset(),
               cls: str = "her2qa-table") -> str:
    """A real HTML table (escaped cells, '–' for empty ones); rows in ``marked`` are highlighted."""
    head = "".join(f"<th scope='col'>{html.escape(c)}</th>" for c in columns)
    body = []
    for i, row in enumerate(rows):
        attrs = " class='her2qa-row-cited' aria-current='true'" if i in marked else ""
        cells = "".join(f"<td>{html.escape(v) if v else '–'}</td>" for v in row)
        body.append(f"<tr{attrs}>{cells}</tr>")
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return (f"<div class='her2qa-table-wrap' tabindex='0'><table class='{cls}'>{cap}<thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table></div>")


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _table_of(citation: Citation, document):
    if document is None:
        return None, set()
    for table in document.tables:
        rows = {r.index for r in table.rows if _overlaps(r.span.start, r.span.end, citation.start, citation.end)}
        if rows or _overlaps(table.span.start, table.span.end, citation.start, citation.end) and citation.kind == "table":
            return table, rows
    return None, set()


def _row_html(citation: Citation, document) -> str:
    """A cited table row as a small two-column table, plus the whole table on request."""
    table, rows = _table_of(citation, document)
    if table is None:
        return f"<blockquote class='her2qa-text'>{html.escape(citation.text)}</blockquote>"
    row = next(r for r in table.rows if r.index in rows) if rows else None
    parts = []
    if row is not None:
        pairs = [[c, row.cells.get(c, "")] for c in table.columns]
        parts.append(table_html(["Column", "Value"], pairs, f"Table {table.number}, row {row.index + 1}",
                                cls="her2qa-table her2qa-row-table"))
    full = table_html(table.columns, [[r.cells.get(c, "") for c in table.columns] for r in table.rows],
                      f"Table {table.number}. {table.caption}", marked=rows)
    parts.append(f"<details class='her2qa-context'><summary>Show the whole Table {table.number} "
                 f"({len(table.rows)} rows)</summary>{full}"
                 + (f"<p class='her2qa-footnote'>{html.escape(table.footnote)}</p>" if table.footnote else "")
                 + "</details>")
    return "".join(parts)


def context_html(citation: Citation, document, quote_keys: list[str] | tuple[str, ...] = ()) -> str:
    """"Show in context": the paragraph(s) holding the passage and their neighbours in the same
    section, the quote highlighted, in a ``<details>`` element (keyboard operable, no script)."""
    if document is None or citation.kind in {"reference", "table_row", "table"} or citation.end <= citation.start:
        return ""
    paragraphs = document.paragraphs
    hits = [i for i, p in enumerate(paragraphs) if _overlaps(p.span.start, p.span.end, citation.start, citation.end)]
    if not hits:
        return ""
    first, last = hits[0], hits[-1]
    section = paragraphs[first].section
    if first > 0 and paragraphs[first - 1].section == section:
        first -= 1
    if last + 1 < len(paragraphs) and paragraphs[last + 1].section == section:
        last += 1
    shown = []
    for p in paragraphs[first:last + 1]:
        inner = highlight(p.text, citation.quote, keys=quote_keys) if p.index in hits else html.escape(p.text)
        shown.append(f"<p>{inner}</p>")
    return ("<details class='her2qa-context'><summary>Show in context "
            f"({last - first + 1} paragraph{'s' if last > first else ''})</summary>"
            f"<div class='her2qa-context-text'>{''.join(shown)}</div></details>")


def citation_html(citation: Citation, turn: int | None = None, also: list[str] | tuple[str, ...] = (),
                  document=None) -> str:
    """The sources-column view of one citation: section, passage with the quote marked (or a cited
    table row as a table), "Show in context", references with DOI links."""
    section, title = _section_heading(citation)
    kind = {"table_row": "Table row", "figure": "Figure caption", "abstract": "Abstract"}.get(citation.kind, "")
    parts = [f"<div class='her2qa-passage' data-marker='{citation.marker}'>",
             "<a class='her2qa-back' href='#her2qa-back'>\u2191 Back to the answer</a>",
             f"<div class='her2qa-source-head'><span class='her2qa-marker'>[{citation.marker}]</span> "
             f"<b>{html.escape(section)}</b>" + (f" · {html.escape(title)}" if title else "")
             + (f" <span class='her2qa-kind'>{kind}</span>" if kind else "") + "</div>"]
    if citation.section_path and citation.section_path.strip() not in {citation.section_title.strip(), ""}:
        parts.append(f"<div class='her2qa-path'>{html.escape(citation.section_path)}</div>")
    if citation.kind == "table_row":
        parts.append(_row_html(citation, document))
    else:
        parts.append(f"<blockquote class='her2qa-text'>"
                     f"{highlight(citation.text, citation.quote, also, citation.highlights)}</blockquote>")
        parts.append(context_html(citation, document, citation.highlights))
    if citation.references:
        head = "This reference" if citation.kind == "reference" else "References cited in this passage"
        parts.append(f"<div class='her2qa-refs-head'>{head}</div>")
        parts.append("<ul class='her2qa-refs'>" + "".join(reference_html(r) for r in citation.references)
                     + "</ul>")
    else:
        parts.append("<div class='her2qa-refs-head'>This passage cites no numbered reference.</div>")
    parts.append("</div>")
    return "".join(parts)


_STOP = set("""what which who whom whose when where why how does did do is are was were the a an of in on for to
with and or by from about into than that this these those it its be been being there their they them what's
review say says said tell show give list any some all much many more most other such can could would should may
might will shall not no yes trial trials study studies drug drugs patients patient cancer breast therapy therapies
treatment treatments capital dose doses""".split())


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9][a-z0-9\-]{2,}", (text or "").lower()) if w not in _STOP}


def relevant_related(answer: Answer) -> list[Retrieved]:
    """Related passages worth showing with an abstention: those sharing a distinctive word with the
    question (so "capital of France" shows none rather than three unrelated passages)."""
    wanted = _words(answer.read_as or answer.resolved_question or answer.question)
    return [r for r in answer.related if wanted & _words(r.text)]


def _related_where(item: Retrieved, document) -> str:
    if document is not None:
        section = document.section(item.section)
        if section is not None:
            number = document.numbered_section(item.section)
            if section.number:
                return f"Section {section.number} {section.title}"
            if number is not None and number.number:
                return f"Section {number.number} {number.title} · {section.title}"
            return section.title
    return f"Section {item.section}" if _numbered(item.section) else (item.section or "Review").split("/")[-1].title()


def related_html(related: list[Retrieved], document=None) -> str:
    """Passages shown with an abstention: clearly labelled as not being evidence."""
    parts = ["<div class='her2qa-related'><div class='her2qa-related-head'>Related passages (not evidence)</div>",
             "<p class='her2qa-related-note'>The review does not answer the question; these are the "
             "nearest passages that share its words, shown so you can check for yourself.</p>"]
    if not related:
        parts = ["<div class='her2qa-related'><div class='her2qa-related-head'>Nothing related in the review</div>",
                 "<p class='her2qa-related-note'>No passage of the review shares the question's distinctive "
                 "words. Try the Explore tab to browse its sections, tables and references.</p>"]
    for item in related:
        kind = " (table)" if item.kind == "table_row" else ""
        parts.append(f"<div class='her2qa-related-item'><b>{html.escape(_related_where(item, document))}</b>{kind}"
                     f"<blockquote>{html.escape(item.text)}</blockquote></div>")
    parts.append("</div>")
    return "".join(parts)


def error_html(message: str) -> str:
    return f"<div class='her2qa-error' role='alert'>{html.escape(message)}</div>"


def sources_html(answer: Answer | None, marker: int | str | None, turn: int | None = None, document=None) -> str:
    """What the sources column shows for ``answer`` with citation ``marker`` selected."""
    if answer is None:
        return EMPTY_SOURCES
    if answer.error:
        return error_html(answer.error)
    if answer.abstained:
        return related_html(relevant_related(answer), document)
    if not answer.citations:
        return EMPTY_SOURCES
    wanted = str(marker) if marker is not None else str(answer.citations[0].marker)
    citation = next((c for c in answer.citations if str(c.marker) == wanted), answer.citations[0])
    if not citation.highlights:
        keys = [h for p in answer.points if citation.marker in p.markers for h in p.highlights]
        citation = citation.model_copy(update={"highlights": keys})
    return citation_html(citation, turn, sentences_for_marker(answer.answer, citation.marker), document)


def about_markdown(about: Mapping | None, problem: str = "") -> str:
    """The About panel from ``Assistant.about()`` (or a fallback when the assistant cannot load).
    Shows no server path or URL: this is what users see."""
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
    if about.get("chunks"):
        lines.append(f"**Index.** {about['chunks']} passages"
                     + (f", {about['references']} references" if about.get("references") else "") + ".")
    lines.append("**Your conversations** are kept in this browser only (local storage), never on the server; "
                 "\u201cNew conversation\u201d keeps the previous one in the saved list.")
    lines.append("_Not medical advice: answers only report what the review says._")
    if problem:
        lines.append(f"**Not available yet:** {md_escape(problem)}")
    return "\n\n".join(lines)
