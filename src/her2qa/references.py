"""Parse the entries of a PMC-style reference list into :class:`Reference` records.

An entry looks like ``Verma S., Miles D., ..., et al. Title. N. Engl. J. Med. 2012;367:1783–1791.
doi: 10.1056/NEJMoa1209124. [DOI] [PMC free article] [PubMed] [Google Scholar]``.
"""

from __future__ import annotations

import re
from urllib.parse import quote_plus

from .document import Reference, Span

ENTRY_RE = re.compile(r"^\s*•\s*(\d+)\.(.*)$")
FLAG_RE = re.compile(r"\s*\[(DOI|PMC free article|PubMed|Google Scholar|CrossRef)\]")
DOI_RE = re.compile(r"\bdoi:\s*(10\.\S+?)\.?(?=\s|$)", re.IGNORECASE)
URL_RE = re.compile(r"https?://\S+")
# One author: surname (may hold spaces, particles, hyphens, apostrophes) then initials "S.M." / "S.-A.".
_AUTHOR = r"[^\s,.\[][^,\[.]*?\s(?:[A-Z][a-z]?\.(?:-?[A-Z][a-z]?\.)*)"
AUTHORS_RE = re.compile(rf"^\s*((?:{_AUTHOR},\s)*(?:{_AUTHOR}|et al\.))(?=\s)")
# "Journal Abbrev. 2012;367:1783–1791." with optional issue "(Suppl. S4)".
SOURCE_RE = re.compile(
    r"\s(?P<year>(?:19|20)\d{2});(?P<volume>[^:;.\s]*?(?:\(\([^)]*\)\)|\([^)]*\))?)?:(?P<pages>[^.\s]+)\."
)
JOURNAL_WORD_RE = re.compile(r"[A-Z][\w’'&/-]*\.?|of|and|in|the|for|&|\(\w+\)")
PUBMED_SEARCH = "https://pubmed.ncbi.nlm.nih.gov/?term="


def parse_reference(number: int, body: str, span: Span) -> Reference:
    flags = set(FLAG_RE.findall(body))
    raw = FLAG_RE.sub("", body).strip()
    doi_match = DOI_RE.search(raw)
    doi = doi_match.group(1) if doi_match else ""

    authors: list[str] = []
    et_al = False
    rest = raw
    author_match = AUTHORS_RE.match(raw)
    if author_match:
        names = [a.strip() for a in author_match.group(1).split(",")]
        et_al = names[-1] == "et al."
        authors = [n for n in names if n and n != "et al."]
        rest = raw[author_match.end():].strip()

    title, journal, year, volume, pages = _split_title_source(rest)
    if year is None:
        years = re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", raw)
        year = int(years[-1]) if years else None

    printed_url = URL_RE.search(raw)
    if doi:
        url = f"https://doi.org/{doi}"
    elif printed_url:
        url = printed_url.group(0).rstrip(".")
    else:
        url = PUBMED_SEARCH + quote_plus(title or raw[:200])
    pubmed_url = ""
    if "PubMed" in flags:
        pubmed_url = PUBMED_SEARCH + quote_plus(f"{doi}[doi]" if doi else (title or raw[:200]))
    return Reference(
        number=number, raw=raw, authors=authors, et_al=et_al, title=title, journal=journal,
        year=year, volume=volume, pages=pages, doi=doi, in_pubmed="PubMed" in flags,
        in_pmc="PMC free article" in flags, url=url, pubmed_url=pubmed_url, span=span,
    )


def _split_title_source(rest: str) -> tuple[str, str, int | None, str, str]:
    """Split 'Title. Journal Abbrev. 2012;367:1783–1791. doi: …' into its parts."""
    source = SOURCE_RE.search(rest)
    if not source:
        title = re.split(r"(?<=[.?!])\s", rest, maxsplit=1)[0].rstrip(".")
        return title, "", None, "", ""
    before = rest[: source.start()].strip()
    title, journal = before.rstrip("."), ""
    # The journal is the shortest tail made only of capitalised (often abbreviated) words.
    for cut in re.finditer(r"[.?!]\s+", before):
        tail = before[cut.end():]
        if tail and all(JOURNAL_WORD_RE.fullmatch(w) for w in tail.split()):
            title, journal = before[: cut.start() + (cut.group(0)[0] != ".")].strip(), tail.strip()
            break
    return (
        title, journal, int(source.group("year")),
        (source.group("volume") or "").strip(), source.group("pages").strip(),
    )
