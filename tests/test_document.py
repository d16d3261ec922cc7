"""The parser against the real corpus."""

from __future__ import annotations

import re

import pytest

from her2qa.citations import cited_references, expand_marker
from her2qa.reader import ParseError, parse_article


def test_metadata(document):
    meta = document.meta
    assert meta.title.startswith("Clinical Impact of New Treatment Strategies")
    assert meta.authors[0] == "Marta Tapia" and meta.authors[-1] == "Pilar Eroles" and len(meta.authors) == 12
    assert (meta.journal, meta.year, meta.volume, meta.issue, meta.pages) == ("Cancers", 2023, "15", "18", "4522")
    assert meta.doi == "10.3390/cancers15184522"
    assert (meta.pmid, meta.pmcid) == ("37760491", "PMC10527351")
    assert meta.keywords == ["HER2-positive", "metastatic", "clinical resistance"]


def test_section_numbers_in_order(document):
    numbers = [s.number for s in document.sections if s.kind == "body"]
    assert numbers == ["1", "2", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8", "2.9", "3", "3.1",
                       "3.1.1", "3.1.2", "3.1.3", "4", "4.1", "4.2", "4.3", "4.4", "5"]


def test_unnumbered_subheadings_are_their_own_level(document):
    subs = {s.title: s for s in document.sections if s.kind == "subheading"}
    for title, parent in [("T-DM1", "3.1.1"), ("T-DXd", "3.1.1"), ("HER2-Low BC", "3.1.1"),
                          ("Trastuzumab Duocarmazine", "3.1.1"), ("CDK4/6 Inhibitors", "3.1.2"),
                          ("Lapatinib", "3.1.3"), ("Neratinib", "3.1.3"), ("Tucatinib", "3.1.3")]:
        assert subs[title].parent == parent
        assert subs[title].level == 4


def test_abstract_and_backmatter(document):
    front = [s.title for s in document.sections if s.kind == "front"]
    assert front == ["Abstract", "Simple Summary", "Abstract"]
    back = {s.title for s in document.sections if s.kind == "backmatter"}
    assert {"Author Contributions", "Conflicts of Interest", "Funding Statement", "Footnotes", "References"} <= back
    assert all(p.kind == "backmatter" for p in document.paragraphs
               if document.section(p.section).kind == "backmatter")


def test_paragraph_offsets_point_into_the_source(document):
    for paragraph in document.paragraphs:
        assert document.text[paragraph.span.start:paragraph.span.end] == paragraph.text


def test_figures(document):
    assert [f.number for f in document.figures] == [1, 2]
    assert document.figures[1].caption == "Timeline of approval anti-HER2 therapies. Based on Swain et al. [4]."
    assert document.figures[1].references == [4]


def test_table_1_rows(document):
    table = document.tables[0]
    assert table.number == 1 and table.caption == "ADCs under development for HER2 BC."
    assert len(table.rows) == 7
    assert table.footnote == "MT: microtubules."
    first = table.rows[0].cells
    assert first == {"ADC": "Vic-trastuzumab duocarmazine", "Payload": "DUBA (DNA-alkylating agent)",
                     "Development Phase in Breast Cancer": "III", "NCT Identifier": "TULIP (NCT03262935)"}
    by_adc = {r.cells["ADC"]: r.cells for r in table.rows}
    assert by_adc["ZW49"]["Payload"] == "N-acyl sulfonamide auristatin (MT inhibitor)"
    assert by_adc["Disitamab-vedotin"]["Development Phase in Breast Cancer"] == "I/II/III"
    assert by_adc["BDC-1001"]["Payload"] == "TLR7/8 agonist"
    assert by_adc["Zanidatamab zovodotin"]["NCT Identifier"] == "NCT03821233"
    assert table.rows[5].trials == ["NCT02881190", "NCT03500380", "NCT04400695"]


def test_table_2_rows(document):
    table = document.tables[1]
    assert len(table.rows) == 9
    rows = {r.cells["Trial Name"]: r.cells for r in table.rows}
    db07 = rows["DESTINY-Breast 07"]
    assert db07["NCT Identifier"] == "NCT04538742" and db07["Phase"] == "I/II"
    assert db07["Experimental Arm"].split("; ") == [
        "T-DXd", "T-DXd plus durvalumab", "T-DXd plus pertuzumab", "T-DXd plus paclitaxel",
        "T-DXd plus durvalumab plus paclitaxel", "T-DXd plus Tucatinib"]
    assert (db07["Control Arm"], db07["Setting"], db07["Primary Endpoint"]) == ("", "≥2nd line", "AEs")
    db06 = rows["DESTINY-Breast 06"]
    assert db06["Control Arm"] == ("Investigator’s choice standard of care chemotherapy "
                                   "(capecitabine, paclitaxel, nab-paclitaxel)")
    assert (db06["Setting"], db06["Primary Endpoint"]) == ("1st line", "PFS")
    assert rows["TRASCENDER study"]["Setting"] == "2nd line (early relapse)"
    assert rows["DESTINY-Breast 12"]["Setting"] == "No more than 2 lines"
    assert rows["HER2CLIMB-04"]["Experimental Arm"] == "Tucatinib plus T-DXd"
    assert rows["DESTINY-Breast 09"]["Primary Endpoint"] == "PFS"


SAMPLE_REFERENCES = {
    1: ("Sung H.", "10.3322/caac.21660", 2021),
    5: ("Swain S.M.", "10.1016/S1470-2045(19)30863-0", 2020),
    24: ("Modi S.", "10.1056/NEJMoa2203690", 2022),
    39: ("Verma S.", "10.1056/NEJMoa1209124", 2012),
    41: ("von Minckwitz G.", "10.1056/NEJMoa1814017", 2019),
    43: ("Cortés J.", "10.1056/NEJMoa2115022", 2022),
    45: ("Modi S.", "10.1056/NEJMoa1914510", 2020),
    51: ("Emens L.A.", "10.1016/S1470-2045(20)30465-4", 2020),
    59: ("Geyer C.E.", "10.1056/NEJMoa064320", 2006),
    61: ("Saura C.", "10.1200/JCO.20.00147", 2020),
    64: ("O’Brien N.", "10.1158/1538-7445.SABCS18-P6-17-11", 2019),
    65: ("Murthy R.K.", "10.1056/NEJMoa1914609", 2020),
    83: ("den Besten W.", "10.1038/s41589-020-0620-z", 2020),
}


def test_references(document):
    refs = document.references
    assert [r.number for r in refs] == list(range(1, 84))
    for number, (first, doi, year) in SAMPLE_REFERENCES.items():
        ref = document.reference(number)
        assert ref.authors[0] == first, number
        assert ref.doi == doi and ref.url == f"https://doi.org/{doi}"
        assert ref.year == year
    verma = document.reference(39)
    assert verma.journal == "N. Engl. J. Med." and verma.et_al and verma.in_pubmed and verma.in_pmc
    assert verma.title == "Trastuzumab Emtansine for HER2-Positive Advanced Breast Cancer"
    assert document.reference(10).doi == "" and document.reference(10).url.startswith("https://pubmed")
    assert document.reference(2).url == "https://seer.cancer.gov/statistics-network/explorer/"


def test_every_inline_marker_resolves(document):
    cited = set()
    for paragraph in document.paragraphs:
        cited.update(paragraph.references)
    assert cited and cited <= {r.number for r in document.references}
    assert len(cited) >= 80  # almost every entry is cited in the body


def test_nct_identifiers(document):
    trials = {t for p in document.paragraphs for t in p.trials}
    assert {"NCT04253561", "NCT04538742", "NCT03262935", "NCT02448420", "NCT04539938", "NCT05673928",
            "NCT03696030"} <= trials


@pytest.mark.parametrize("body,expected", [("5", [5]), ("45,46", [45, 46]), ("75, 76, 77", [75, 76, 77]),
                                           ("3–6", [3, 4, 5, 6]), ("2, 5-7", [2, 5, 6, 7])])
def test_marker_expansion(body, expected):
    assert expand_marker(body) == expected


def test_markers_ignore_figures_and_trials():
    assert cited_references("tumors [Figure 2]. risk [NCT04538742] but [12,13] and [3–5].") == [12, 13, 3, 4, 5]


def test_non_article_text_is_rejected():
    with pytest.raises(ParseError):
        parse_article("just some words\n\nwithout any structure\n")


def test_reader_is_not_tied_to_this_article():
    text = ("Journal X logoLink to Journal X\n. 2021 Jan 2;7(1):99. doi: 10.1000/xyz.1\n\nA Title\n\n"
            "Ann Lee 1, Bo Chan 2,*\nPMCID: PMC1  PMID: 2\n\nAbstract\n\nShort abstract.\n\n"
            "1. Background\n\nSome text citing [1,2].\n\n2. Results\n\nSub Heading\n\n"
            + "A paragraph long enough to be a paragraph and not a heading at all, really. " * 2 + "[2]\n\n"
            "References\n\n  • 1.Doe J. A paper. J. Test. 2020;1:1–2. doi: 10.1/abc. [DOI] [PubMed]\n"
            "  • 2.Roe R., et al. Another one. Nat. Test. 2019;2:3. [PubMed]\n")
    doc = parse_article(text, "x.txt")
    assert doc.meta.journal == "Journal X" and doc.meta.authors == ["Ann Lee", "Bo Chan"]
    assert [s.number for s in doc.sections if s.kind == "body"] == ["1", "2"]
    assert any(s.kind == "subheading" and s.title == "Sub Heading" for s in doc.sections)
    assert [r.authors for r in doc.references] == [["Doe J."], ["Roe R."]]
    assert doc.references[1].et_al and doc.references[0].doi == "10.1/abc"
    assert re.search("pubmed", doc.references[1].pubmed_url)
