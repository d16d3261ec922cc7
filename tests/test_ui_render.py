"""Rendering of the answer contract in the UI (constructed Answer objects, no server), the
Explore tab's content, saved-conversation storage and the damaged-index message."""

from __future__ import annotations

import pytest

from her2qa.results import Answer, AnswerPoint, AnswerTable, Citation, ReferenceInfo, Retrieved
from her2qa.ui_render import answer_markdown, citation_html, relevant_related, sources_html

MURTHY = ReferenceInfo(number=65, authors="Murthy R.K., et al.", title="Tucatinib", journal="N. Engl. J. Med.",
                       year=2020, doi="10.1056/NEJMoa1914609", url="https://doi.org/10.1056/NEJMoa1914609")


def _cite(marker: int, text: str = "Median PFS was 7.8 vs. 5.6 months [65].", **extra) -> Citation:
    data = dict(marker=marker, chunk_id=f"c{marker}", section="3.1.3", section_title="TKI", kind="text",
                text=text, quote=text, references=[MURTHY])
    data.update(extra)
    return Citation(**data)


def test_points_render_as_grouped_bullets_with_highlights_and_linked_markers():
    answer = Answer(question="q", answer="ignored when points are given [1].", citations=[_cite(1), _cite(2)],
                    lead="Two findings:", points=[
                        AnswerPoint(text="In HER2CLIMB, median PFS was 7.8 months.", markers=[1], group="Efficacy",
                                    highlights=["7.8 months", "2"]),
                        AnswerPoint(text="Diarrhea was common.", markers=[2], group="Safety")])
    md = answer_markdown(answer, turn=4)
    assert md.startswith("Two findings:")
    assert "**Efficacy**" in md and "**Safety**" in md and md.index("**Efficacy**") < md.index("**Safety**")
    assert "- In HER2CLIMB, median PFS was <mark>7.8 months</mark>." in md  # '2' inside HER2 is not marked
    assert '[\\[1\\]](#cite-4-1 "[1] §3.1.3 TKI: \u201cMedian PFS was 7.8 vs. 5.6 months [65].\u201d")' in md
    assert "ignored when points" not in md


def test_table_answer_renders_as_a_table_with_a_marker_per_row():
    answer = Answer(question="Which ADCs are in phase III?", answer="x [1] [2]", citations=[_cite(1), _cite(2)],
                    table=AnswerTable(title="Table 1. ADCs under development for HER2 BC.", columns=["ADC", "Phase"],
                                      rows=[["Vic-trastuzumab duocarmazine", "III"], ["ARX788", ""]], markers=[1, 2]))
    md = answer_markdown(answer, turn=0)
    assert "| ADC | Phase | Source |" in md
    assert "| Vic-trastuzumab duocarmazine | III | [\\[1\\]](#cite-0-1 " in md
    assert "| ARX788 | – | [\\[2\\]](#cite-0-2 " in md


def test_read_as_missing_and_follow_ups_are_shown():
    answer = Answer(question="And its ORR?", answer="ORR was 40.6% [1].", citations=[_cite(1, "ORR was 40.6%.")],
                    read_as="What was the ORR of tucatinib in HER2CLIMB?", missing=["a median OS"],
                    follow_ups=["What was the OS in HER2CLIMB?", "Which paper reports HER2CLIMB?"])
    md = answer_markdown(answer, turn=1)
    assert "_Read as: What was the ORR of tucatinib in HER2CLIMB?_" in md
    assert "Not reported in the review: a median OS" in md
    assert "[What was the OS in HER2CLIMB?](#ask-What%20was%20the%20OS%20in%20HER2CLIMB%3F)" in md
    abstained = Answer(question="And its dose?", answer="The review does not report a dose.", abstained=True,
                       read_as="What dose of tucatinib?")
    assert "_Read as: What dose of tucatinib?_" in answer_markdown(abstained, 2)


def test_user_and_llm_text_cannot_inject_markup():
    evil = '<img src=x onerror=alert(1)> [x](javascript:alert(2)) "quoted" (paren)'
    answer = Answer(question=evil, answer=f"{evil} [1].", citations=[_cite(1, evil)], read_as=evil,
                    follow_ups=[evil], points=[AnswerPoint(text=evil, markers=[1], group=evil)])
    md = answer_markdown(answer, 0)
    import re

    assert not re.search(r"(?<!\\)<img", md)  # every '<' of user text is backslash-escaped
    assert "](javascript:" not in md.replace("\\]", "")
    html = citation_html(_cite(1, evil))
    assert "<img" not in html and "&lt;img" in html


def test_abstentions_show_only_related_passages_that_share_the_questions_words(document):
    near = Retrieved(chunk_id="a", section="3.1.3/tucatinib", kind="text", score=0.2,
                     text="Tucatinib is a TKI highly selective for HER2.")
    unrelated = Retrieved(chunk_id="b", section="abstract/abstract", kind="abstract", score=0.1,
                          text="Breast cancer is the most common cancer in women.")
    france = Answer(question="What is the capital of France?", answer="The review does not say.", abstained=True,
                    related=[near, unrelated])
    assert relevant_related(france) == []
    panel = sources_html(france, None, 0, document)
    assert "Nothing related in the review" in panel and "abstract/abstract" not in panel
    dose = Answer(question="What dose of tucatinib was used?", answer="…", abstained=True, related=[near, unrelated])
    panel = sources_html(dose, None, 0, document)
    assert relevant_related(dose) == [near]
    assert "Section 3.1.3 TKI · Tucatinib" in panel and "abstract/abstract" not in panel


def test_table_row_source_is_a_table_and_the_whole_table_is_one_click_away(document):
    table = next(t for t in document.tables if t.number == 2)
    row = next(r for r in table.rows if r.cells.get("Trial Name") == "DESTINY-Breast 09")
    citation = _cite(1, "NCT Identifier: NCT04784715; Control Arm: none listed", kind="table_row",
                     start=row.span.start, end=row.span.end, references=[])
    html = citation_html(citation, document=document)
    assert "Control Arm: none listed" not in html
    assert "<th scope='col'>Column</th>" in html and "<td>DESTINY-Breast 09</td>" in html
    assert f"Show the whole Table 2 ({len(table.rows)} rows)" in html
    assert html.count("<tr class='her2qa-row-cited' aria-current='true'>") == 1


def test_show_in_context_gives_the_whole_paragraph_and_its_neighbours(document):
    paragraph = next(p for p in document.paragraphs if "HER2CLIMB study, patients" in p.text)
    start = document.text.index("In the HER2CLIMB study, patients")
    quote = "In the HER2CLIMB study, patients previously treated with anti-HER2 therapies"
    citation = _cite(1, paragraph.text[:200], quote=quote, start=start, end=start + 200)
    html = citation_html(citation, document=document)
    assert "Show in context" in html
    context = html.split("her2qa-context-text", 1)[1]
    assert "7.8 months" in context  # the results the cut passage stopped before
    assert "<mark>" in context


def test_explore_content(document):
    from her2qa.ui_explore import entity_index, outline_html, references_html, table_frame

    outline = outline_html(document)
    assert "data-key='3.1.3'" in outline and "TKI" in outline
    assert "href='https://doi.org/10.1056/NEJMoa1914609'" in outline  # [65] resolved in the text
    assert "#draft-In%20%C2%A73.1.3%20TKI" in outline
    frames = {t.number: table_frame(t) for t in document.tables}
    assert len(frames[1][1]) == 7 and len(frames[2][1]) == 9
    assert "83 references" in references_html(document)
    hits = references_html(document, "Murthy")
    assert "1 of 83 references match" in hits and "10.1056/NEJMoa1914609" in hits
    names = {(e.name, e.kind): e for e in entity_index(document)}
    assert ("tucatinib", "drug") in names and ("HER2CLIMB", "trial") in names and ("PI3K", "target") in names
    assert "3.1.3" in names[("HER2CLIMB", "trial")].sections
    assert not any(kind == "trial" and name in {"HER2", "FISH", "GLOBOCAN"} for name, kind in names)


def test_saved_conversations_round_trip_and_reject_garbage():
    from her2qa.ui_state import ChatSession, answers_of, clean_store, save_session, saved_choices

    session = ChatSession()
    session.answers = [Answer(question="What did HER2CLIMB show?", answer="PFS 7.8 [1].", citations=[_cite(1)])]
    store = save_session(None, session)
    assert store["current"] == session.id and saved_choices(store)[0][1] == session.id
    assert answers_of(store, session.id)[0].citations[0].references[0].doi == MURTHY.doi
    assert clean_store("garbage")["conversations"] == [] and clean_store({"conversations": [1, {"id": 3}]})["conversations"] == []
    damaged = {"conversations": [{"id": "x", "answers": [{"question": 5}, session.answers[0].to_json()]}]}
    assert len(answers_of(clean_store(damaged), "x")) == 1  # the bad entry is skipped


def test_a_damaged_index_reads_as_such(tmp_path):
    from her2qa.ui import _unavailable_message

    def chroma_like():
        import chromadb  # noqa: F401  (frame inside chromadb is what matters; simulate with a fake path)

        exec(compile("raise AttributeError(\"'RustBindingsAPI' object has no attribute 'bindings'\")",
                     "/site-packages/chromadb/api/rust.py", "exec"))

    with pytest.raises(AttributeError) as info:
        chroma_like()
    message = _unavailable_message(info.value)
    assert "missing or damaged" in message and "her2qa build" in message and "RustBindingsAPI" not in message
    assert "could not be loaded (TypeError: bug)" in _unavailable_message(TypeError("bug"))
    from her2qa.store import IndexUnavailable

    shown = _unavailable_message(IndexUnavailable(f"The index at {tmp_path}/chroma-1 cannot be opened (InternalError: "
                                                  "database disk image is malformed). Run `her2qa build` to rebuild it."))
    assert str(tmp_path) not in shown and "[server path]" in shown and "her2qa build" in shown
    assert "127.0.0.1" not in _unavailable_message(IndexUnavailable("Chroma server at http://127.0.0.1:8000 is down."))


def test_about_shows_no_server_paths(assistant):
    about = assistant.about()
    text = " ".join(str(v) for v in about.values())
    assert str(assistant.settings.index_dir) not in text and "/" not in str(about.get("backend"))
    assert "index" not in about
