"""Chunking: section-aware, stable, lossless."""

from __future__ import annotations

from her2qa.chunking import chunk_document


def test_no_chunk_crosses_a_section(document):
    for chunk in chunk_document(document):
        if chunk.kind in ("text", "abstract", "figure", "backmatter"):
            paragraph = document.paragraphs[chunk.paragraph]
            assert paragraph.span.start <= chunk.start < chunk.end <= paragraph.span.end
            assert document.numbered_section(paragraph.section).key == chunk.section


def test_ids_are_stable_and_unique(document):
    first = [c.id for c in chunk_document(document)]
    second = [c.id for c in chunk_document(document)]
    assert first == second and len(set(first)) == len(first)


def test_every_body_paragraph_is_covered(document):
    chunks = chunk_document(document)
    for paragraph in document.paragraphs:
        if paragraph.kind == "table_footnote":
            continue
        covered = set()
        for chunk in chunks:
            if chunk.paragraph == paragraph.index:
                assert document.text[chunk.start:chunk.end] == chunk.text
                covered.update(range(chunk.start, chunk.end))
        missing = [i for i in range(paragraph.span.start, paragraph.span.end)
                   if i not in covered and not document.text[i].isspace()]
        assert not missing, f"paragraph {paragraph.index} loses text"


def test_long_paragraphs_are_split_with_overlap(document):
    chunks = chunk_document(document, max_words=60, overlap=1)
    assert max(len(c.text.split()) for c in chunks if c.kind == "text") <= 110  # one long sentence may exceed
    by_paragraph: dict[int, list] = {}
    for c in chunks:
        if c.kind == "text":
            by_paragraph.setdefault(c.paragraph, []).append(c)
    multi = [v for v in by_paragraph.values() if len(v) > 1]
    assert multi
    pairs = [(a, b) for pieces in multi for a, b in zip(pieces, pieces[1:])]
    for a, b in pairs:
        assert b.start <= a.end + 1  # never a gap
    # a chunk of two or more sentences hands its last sentence on to the next one
    assert sum(b.start < a.end for a, b in pairs) >= len(pairs) // 2


def test_table_rows_repeat_headers_and_caption(document):
    rows = [c for c in chunk_document(document) if c.kind == "table_row"]
    assert len(rows) == 16
    db09 = next(c for c in rows if "DESTINY-Breast 09" in c.text)
    assert db09.text.startswith("Table 2 (Ongoing clinical trials with T-DXd including metastatic BC patients)")
    for header in document.tables[1].columns:
        assert f"{header}:" in db09.text
    assert "Primary Endpoint: PFS" in db09.text and db09.trials == ["NCT04784715"]


def test_reference_chunks_carry_their_citing_sentences(document):
    refs = {c.reference: c for c in chunk_document(document) if c.kind == "reference"}
    assert len(refs) == 83
    assert refs[65].text.startswith("[65] Murthy R.K.")
    assert "grade III or higher adverse events" in refs[65].context
    assert refs[65].section == "references"


def test_chunks_record_citations(document):
    chunks = chunk_document(document)
    emilia = next(c for c in chunks if "EMILIA phase III" in c.text and c.kind == "text")
    assert 39 in emilia.references and emilia.section == "3.1.1" and emilia.subheading == "T-DM1"
    nct = next(c for c in chunks if "NCT04253561" in c.text and c.kind == "text")
    assert "NCT04253561" in nct.trials
