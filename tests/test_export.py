"""Export and copy: escaped Markdown, plain text for the clipboard, BibTeX and RIS."""

from __future__ import annotations

from her2qa.export import (answer_markdown_export, answer_plain_text, conversation_markdown, md_text,
                           reference_bibtex, references_bibtex, references_ris)
from her2qa.results import Answer, AnswerPoint, AnswerTable, Citation, ReferenceInfo

MURTHY = ReferenceInfo(number=65, authors="Murthy R.K., Loi S., Okines A., et al.",
                       title="Tucatinib, Trastuzumab, and Capecitabine for HER2-Positive Metastatic Breast Cancer",
                       journal="N. Engl. J. Med.", year=2020, doi="10.1056/NEJMoa1914609",
                       url="https://doi.org/10.1056/NEJMoa1914609",
                       pubmed_url="https://pubmed.ncbi.nlm.nih.gov/?term=10.1056%2FNEJMoa1914609%5Bdoi%5D")
EVIL = "<script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3)) ![i](http://x/y.png)"


def _answer(question: str = "What was the median PFS in HER2CLIMB?", **extra) -> Answer:
    citation = Citation(marker=1, chunk_id="c1", section="3.1.3", section_title="TKI", kind="text",
                        text="Median PFS was 7.8 vs. 5.6 months [65].", quote="Median PFS was 7.8 vs. 5.6 months [65].",
                        references=[MURTHY])
    return Answer(question=question, answer="Median PFS was 7.8 vs. 5.6 months [1].", citations=[citation], **extra)


def test_user_text_is_escaped_in_markdown_exports():
    answer = _answer(EVIL, read_as=EVIL, notice=EVIL)
    for text in (conversation_markdown([answer]), answer_markdown_export(answer)):
        assert "<script>" not in text and "<img" not in text
        assert "&lt;script&gt;" in text and "&lt;img src=x onerror=alert(2)&gt;" in text
        unescaped = text.replace("\\]", "").replace("\\[", "")
        assert "](javascript:" not in unescaped and "![" not in unescaped  # no link or image can form
        assert "\\[click\\]" in text
    error = Answer(question=EVIL, answer="", error=EVIL)
    assert "<img" not in conversation_markdown([error])
    assert md_text("a_b *c* <d>") == "a\\_b \\*c\\* &lt;d&gt;"


def test_structured_answers_export_points_groups_and_table_rows():
    answer = _answer(lead="Two aspects:", points=[
        AnswerPoint(text="Median PFS was 7.8 months.", markers=[1], group="Results"),
        AnswerPoint(text="Patients had prior <b>T-DM1</b>.", markers=[1], group="Design")],
        table=AnswerTable(title="Table 1. ADCs.", columns=["ADC", "Phase"], rows=[["T-DXd", "III"]], markers=[1]),
        missing=["a median OS"])
    text = conversation_markdown([answer])
    assert "**Results**" in text and "**Design**" in text
    assert "- Median PFS was 7.8 months. [1]" in text and "&lt;b&gt;T-DM1&lt;/b&gt;" in text
    assert "| ADC | Phase | Source |" in text and "| T-DXd | III | [1] |" in text
    assert "Not reported in the review: a median OS." in text
    plain = answer_plain_text(answer)
    assert "Results:" in plain and "- ADC: T-DXd; Phase: III [1]" in plain


def test_plain_text_copy_has_no_markup_and_lists_the_references():
    text = answer_plain_text(_answer(read_as="What was the median PFS with tucatinib in HER2CLIMB?"))
    assert text.startswith("Q: What was the median PFS in HER2CLIMB?\nRead as: What was the median PFS with tucatinib")
    assert "Median PFS was 7.8 vs. 5.6 months [1]." in text
    assert "[1] section 3.1.3 TKI:" in text
    assert "[65] Murthy R.K., Loi S., Okines A., et al." in text and "https://doi.org/10.1056/NEJMoa1914609" in text
    for markup in ("<sub>", "](#cite", "\\[", "**"):
        assert markup not in text


def test_bibtex_and_ris_of_cited_references():
    bib = reference_bibtex(MURTHY)
    assert bib.startswith("@article{ref65_murthy2020,")
    assert "author = {Murthy, R.K. and Loi, S. and Okines, A. and others}" in bib
    assert "doi = {10.1056/NEJMoa1914609}" in bib and "year = {2020}" in bib
    assert bib.count("{") == bib.count("}")
    odd = MURTHY.model_copy(update={"title": "50% of {HER2} & more_x", "number": 7})
    assert r"50\% of \{HER2\} \& more\_x" in reference_bibtex(odd)
    ris = references_ris([MURTHY])
    lines = ris.splitlines()
    assert lines[0] == "TY  - JOUR" and lines[-1] == "ER  - "
    assert "AU  - Murthy, R.K." in lines and "DO  - 10.1056/NEJMoa1914609" in lines and "PY  - 2020" in lines
    assert references_bibtex([]).startswith("%")
