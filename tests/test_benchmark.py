"""The benchmark: metric functions on small hand-made cases, then a CI gate on the shipped eval set.

The gate runs the real pipeline (default preset) over the blind test split, eval/test.jsonl, against a
real index built once per session (tests/conftest.py ``assistant`` / ``built_settings``).
"""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from her2qa.chunking import Chunk
from her2qa.corpus import Corpus
from her2qa.evaluation import eval_command
from her2qa.evaluation.dataset import EvalItem, chunks_for_span, gold_for, load_questions, locate_quotes, select
from her2qa.evaluation.grading import below, grade, passed, problems, summarize, summarize_by_type
from her2qa.evaluation.metrics import (fact_in_text, first_relevant_rank, normalise, percentile, retrieval_scores,
                                       token_f1)
from her2qa.evaluation.runner import preset_overrides, run_benchmark
from her2qa.results import Answer, Citation, ReferenceInfo, Retrieved
from her2qa.settings import PROJECT_ROOT

DEV = PROJECT_ROOT / "eval" / "dev.jsonl"
TEST = PROJECT_ROOT / "eval" / "test.jsonl"


# ---------------------------------------------------------------- key facts and normalisation

@pytest.mark.parametrize("fact, text, expected", [
    ("15–20%", "HER2+ disease is 15-20% of all cases", True),           # en dash vs hyphen
    ("15-20%", "HER2+ disease is 15 – 20%", False),                     # spacing inside a range is not invented
    ("hr+/her2−", "the HR+/HER2- subtype", True),                       # minus sign vs hyphen
    ("tumor   microenvironment", "the Tumor\nmicroenvironment", True),  # whitespace and case
    ("8.5 months", "PFS was 8.5 months [12] vs. 4.1", True),
    ("8.5", "median PFS of 18.5 months", False),                        # numbers match whole …
    ("8.5", "median PFS of 8.55 months", False),
    ("20%", "relapse in 120% of", False),
    ("2020", "data from 2020.", True),
    ("20", "in 2020", False),
    ("2,261,419", "2,261,4190 cases", False),
    ("0.83", "HR 0.83;", True),
    ("orr", "the correct answer", False),                               # a fact starts at a word start
    ("orr", "primary endpoint ORR", True),
    ("trial", "two phase III trials", True),                            # … but may run on (plural)
    ("destiny", "the DESTINYBreast03 trial", True),
    ("her2 positive", "HER2 [3] positive", True),                       # citation markers ignored
    ("", "anything", True),
    # two cells of a quoted table row, as the review's flat row text runs them together
    ("1st line pfs", "Table 2 (Ongoing trials (T-DXd)): Trial Name: X-09; Setting: 1st line; Primary Endpoint: PFS. [1]",
     True),
    ("1st line pfs", "Setting: 1st line; Primary Endpoint: PFS.", False),  # only inside a quoted row
    ("iii t-dxd", "Table 2 (Ongoing trials): Phase: III; Experimental Arm: T-DXd; Setting: 2nd line", True),
    ("line pfs", "The 2nd line; its endpoint: PFS", False),
    # a list item's full stop copied with the fact is punctuation: the row quotes its items joined by ";"
    ("t-dxd plus durvalumab.", "Experimental Arm: T-DXd; T-DXd plus durvalumab; T-DXd plus pertuzumab", True),
    ("t-dxd plus durvalumab.", "Experimental Arm: T-DXd; T-DXd plus durvalumabs", True),
    ("8.5.", "median PFS of 8.55 months", False),                       # (a number's own dot is no full stop)
    ("t-dxd plus durvalumab.", "T-DXd plus pertuzumab", False),
])
def test_fact_in_text(fact, text, expected):
    assert fact_in_text(fact, text) is expected


def test_normalise():
    assert normalise("HER2\u2013Low\u00a0BC  [3, 4]\n’s") == "her2-low bc 's"


# ---------------------------------------------------------------- token F1 and percentiles

def test_token_f1():
    assert token_f1("The PFS was 8.5 months.", "pfs was 8.5 months") == 1.0
    assert token_f1("nothing shared", "pfs 8.5 months") == 0.0
    # pred {pfs, 8, 5, months, longer} vs gold {pfs, 8, 5, months}: P = 4/5, R = 1 → F1 = 8/9
    assert token_f1("PFS 8.5 months longer", "PFS 8.5 months") == pytest.approx(8 / 9)
    assert token_f1("", "") == 1.0 and token_f1("", "x") == 0.0


def test_percentile_matches_numpy():
    import numpy as np

    data = [5.0, 1.0, 9.0, 3.0, 7.0, 2.0]
    for q in (0, 50, 95, 100):
        assert percentile(data, q) == pytest.approx(np.percentile(data, q))
    assert percentile([], 50) is None


# ---------------------------------------------------------------- retrieval metrics via ir-measures

def test_retrieval_scores_by_hand():
    qrels = {"q1": {"a", "b"}, "q2": {"c"}, "q3": {"z"}}
    run = {"q1": ["x", "a", "b"], "q2": ["c", "y"], "q3": []}
    s = retrieval_scores(qrels, run)
    assert s["q1"]["R@1"] == 0 and s["q1"]["R@5"] == 1 and s["q1"]["RR@10"] == 0.5 and s["q1"]["Success@1"] == 0
    assert s["q2"]["R@1"] == 1 and s["q2"]["RR@10"] == 1 and s["q2"]["nDCG@10"] == pytest.approx(1.0)
    # nDCG of gold at ranks 2 and 3 out of 2 relevant: (1/log2(3) + 1/log2(4)) / (1 + 1/log2(3))
    assert s["q1"]["nDCG@10"] == pytest.approx((1 / 1.5849625 + 0.5) / (1 + 1 / 1.5849625), rel=1e-5)
    assert all(v == 0 for v in s["q3"].values())  # nothing retrieved → zeros, not a missing query


def test_retrieval_keeps_rank_order_whatever_the_ids():
    """pytrec-eval breaks score ties by doc id; rank-derived scores keep the system's order."""
    s = retrieval_scores({"q": {"aaa"}}, {"q": ["zzz", "aaa"]})
    assert s["q"]["RR@10"] == 0.5
    assert first_relevant_rank(["zzz", "aaa"], {"aaa"}) == 2 and first_relevant_rank(["x"], {"a"}) is None


# ---------------------------------------------------------------- a tiny hand-made corpus

TEXT = ("1. Introduction\n"
        "Drug A improved median PFS to 8.5 months versus 4.1 months [3]. It was well tolerated.\n"
        "Table 1. Trials\n"
        "NCT0001 ALPHA II\n- ORR\nNCT0002 BETA III\n- ORR\n"
        "References\n"
        "3. Smith J. Drug A in HER2+ breast cancer. N Engl J Med. 2020.\n")


def _span(text: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(text, start + 1)
    return start, start + len(text)


def _chunk(cid: str, kind: str, span: tuple[int, int], **kw) -> Chunk:
    return Chunk(id=cid, source="doc.txt", kind=kind, section=kw.pop("section", "1"), section_title="",
                 section_path="", start=span[0], end=span[1], text=TEXT[span[0]:span[1]], **kw)


PARA = "Drug A improved median PFS to 8.5 months versus 4.1 months [3]. It was well tolerated."
CHUNKS = [
    _chunk("p1", "text", _span(PARA), references=[3]),
    _chunk("row1", "table_row", _span("NCT0001 ALPHA II\n- ORR"), table=1),
    _chunk("row2", "table_row", _span("NCT0002 BETA III\n- ORR"), table=1),
    _chunk("tab1", "table", (TEXT.index("Table 1."), TEXT.index("References")), table=1),
    _chunk("ref3", "reference", _span("3. Smith J. Drug A in HER2+ breast cancer. N Engl J Med. 2020."),
           section="references", reference=3, references=[3]),
]
CORPUS = Corpus([SimpleNamespace(source="doc.txt", text=TEXT)], CHUNKS)
REF3 = ReferenceInfo(number=3, authors="Smith J", title="Drug A in HER2+ breast cancer", journal="N Engl J Med",
                     year=2020, doi="", url="")


def _item(**kw) -> EvalItem:
    base = {"id": "t-1", "type": "numeric", "question": "What was the median PFS with drug A?",
            "answer": "Median PFS was 8.5 months versus 4.1 months.", "key_facts": ["8.5 months", "4.1 months"],
            "evidence": ["Drug A improved median PFS to 8.5 months versus 4.1 months [3]."], "references": [3]}
    return EvalItem(**{**base, **kw})


def _citation(chunk: Chunk, refs=()) -> Citation:
    return Citation(marker=1, chunk_id=chunk.id, section=chunk.section, section_title="", kind=chunk.kind,
                    text=chunk.text, quote=chunk.text[:40], start=chunk.start, end=chunk.end, references=list(refs))


def _answer(text: str, cited=(), retrieved=(), abstained=False, ms=10.0) -> Answer:
    return Answer(question="q", answer=text, abstained=abstained, citations=list(cited),
                  retrieved=[Retrieved(chunk_id=c, section="1", kind="text", score=1.0 / (i + 1), text="")
                             for i, c in enumerate(retrieved)],
                  timings_ms={"retrieve": ms / 2, "answer": ms / 2, "total": ms})


def test_repeated_quote_is_placed_next_to_its_anchor():
    spans = locate_quotes(TEXT, ["NCT0002 BETA III", "- ORR"], CHUNKS)
    assert spans[1] == _span("- ORR", occurrence=1)  # the BETA row's ORR, not ALPHA's (which is nearer)
    assert locate_quotes(TEXT, ["NCT0001 ALPHA II", "- ORR"])[1] == _span("- ORR")  # no chunks: nearest
    assert locate_quotes(TEXT, ["- ORR"])[0] == _span("- ORR")  # no anchor: first occurrence
    assert locate_quotes(TEXT, ["not there"]) == [None]


def test_quote_maps_to_rows_not_the_table_overview():
    assert chunks_for_span(_span("NCT0002 BETA III"), CHUNKS) == ["row2"]
    # a quote spanning both rows is mostly inside neither row but each row lies inside it
    assert set(chunks_for_span((_span("NCT0001")[0], _span("- ORR", 1)[1]), CHUNKS)) == {"row1", "row2"}
    # a quote only the overview holds (the caption) maps to the overview
    assert chunks_for_span(_span("Table 1. Trials"), CHUNKS) == ["tab1"]
    # a sentence sharing < 50 % with a chunk is not gold there
    assert chunks_for_span((_span(PARA)[0] - 10, _span(PARA)[0] + 5), CHUNKS) == []


def test_gold_for_reference_items_adds_the_reference_entry():
    gold = gold_for(_item(type="reference"), CORPUS)
    assert gold.chunks == {"p1"} and gold.reference_chunks == {"ref3"}
    assert gold_for(_item(), CORPUS).relevant == {"p1"}
    assert gold_for(_item(type="unanswerable", evidence=[], key_facts=[], references=[]), CORPUS).relevant == set()


# ---------------------------------------------------------------- grading one answer

def test_grade_correct_supported_answer():
    item = _item()
    ans = _answer("Median PFS was 8.5 months vs 4.1 months [1].", [_citation(CHUNKS[0], [REF3])], ["row1", "p1"])
    r = grade(item, ans, gold_for(item, CORPUS))
    c = r["checks"]
    assert c["key_facts"] and c["missing_facts"] == [] and c["citation_support"] == 1.0 and c["reference_ok"]
    assert r["gold_rank"] == 2 and r["latency_ms"] == 10.0 and r["passed"] and problems(r) == ["first gold passage at rank 2"]


def test_grade_catches_a_wrong_number_and_unsupported_citation():
    """The regression a refactor could bring: right passage retrieved, wrong number in the answer."""
    item = _item()
    ans = _answer("Median PFS was 8.55 months vs 4.1 months [1].", [_citation(CHUNKS[1])], ["p1"])
    r = grade(item, ans, gold_for(item, CORPUS))
    assert r["checks"]["key_facts"] is False and r["checks"]["missing_facts"] == ["8.5 months"]
    assert r["checks"]["citation_support"] == 0.0 and r["checks"]["reference_ok"] is False and not r["passed"]
    assert any("misses key facts" in p for p in problems(r))


def test_citation_holding_all_key_facts_counts_as_support():
    item = _item(evidence=["It was well tolerated."], key_facts=["well tolerated"], references=[])
    r = grade(item, _answer("It was well tolerated [1].", [_citation(CHUNKS[0])]), gold_for(item, CORPUS))
    assert r["checks"]["citation_support"] == 1.0 and r["checks"]["reference_ok"] is None


def test_grade_abstentions():
    answerable = _item()
    r = grade(answerable, _answer("The review does not say.", abstained=True), gold_for(answerable, CORPUS))
    assert r["checks"]["answered"] is False and r["checks"]["key_facts"] is False
    assert r["checks"]["declined_ok"] is False and r["checks"]["token_f1"] == 0.0 and "wrongly declined" in problems(r)
    unans = _item(id="u-1", type="unanswerable", evidence=[], key_facts=[], references=[])
    declined = grade(unans, _answer("Not covered.", abstained=True), gold_for(unans, CORPUS))
    answered = grade(unans, _answer("Drug A works [1].", [_citation(CHUNKS[0])]), gold_for(unans, CORPUS))
    crashed = grade(unans, None, gold_for(unans, CORPUS), error="RuntimeError: boom")
    assert declined["passed"] and not answered["passed"] and not crashed["passed"]
    assert problems(answered) == ["answered an unanswerable question"]


def test_summarize_arithmetic():
    item, unans = _item(), _item(id="u-1", type="unanswerable", evidence=[], key_facts=[], references=[])
    good = _answer("8.5 months vs 4.1 months [1]", [_citation(CHUNKS[0], [REF3])], ["p1"], ms=10)
    wrong = _answer("9 months [1]", [_citation(CHUNKS[1])], ["row1"], ms=30)
    records = [
        grade(item, good, gold_for(item, CORPUS)),
        grade(item.model_copy(update={"id": "t-2"}), wrong, gold_for(item, CORPUS)),
        grade(item.model_copy(update={"id": "t-3"}), _answer("", abstained=True), gold_for(item, CORPUS)),
        grade(unans, _answer("Drug A [1]", [_citation(CHUNKS[0])], ms=20), gold_for(unans, CORPUS)),
    ]
    scores = retrieval_scores({r["id"]: set(r["gold_chunks"]) for r in records if r["gold_chunks"]},
                              {r["id"]: r["retrieved"] for r in records})
    for r in records:
        r["retrieval"] = scores.get(r["id"])
    s = summarize(records)
    assert s["n"] == 4 and s["n_answerable"] == 3 and s["n_unanswerable"] == 1
    assert s["key_fact_recall"] == pytest.approx(1 / 3)
    assert s["precision"] == pytest.approx(1 / 3)      # 1 correct of 3 answered (incl. the unanswerable one)
    assert s["coverage"] == pytest.approx(2 / 3)
    assert s["citation_support"] == pytest.approx(1 / 2)
    assert s["reference_accuracy"] == pytest.approx(1 / 3)
    assert s["unanswerable_declined"] == 0.0 and s["false_decline"] == pytest.approx(1 / 3)
    assert s["Success@1"] == pytest.approx(1 / 3) and s["R@10"] == pytest.approx(1 / 3)
    assert s["latency_p50_ms"] == 15.0  # 10, 10, 20, 30
    assert set(summarize_by_type(records)) == {"numeric", "unanswerable"}


# ---------------------------------------------------------------- a whole run with a fake assistant

class FakeAssistant:
    """Answers from a lookup table: enough to drive run_benchmark and the gate end to end."""

    def __init__(self, answers: dict[str, Answer]):
        self.corpus, self.answers = CORPUS, answers
        self.settings = SimpleNamespace(llm_backend="none")

    def ask(self, question, conversation=None):
        return self.answers[question]


def _fake_set():
    item = _item()
    unans = _item(id="u-1", type="unanswerable", question="Does drug Z work?", evidence=[], key_facts=[],
                  references=[])
    return [item, unans]


FLOORS = {"key_fact_recall": 0.9, "citation_support": 0.9, "unanswerable_declined": 0.9}


def test_gate_passes_a_good_system_and_catches_a_regression():
    items = _fake_set()
    good = FakeAssistant({items[0].question: _answer("8.5 months vs 4.1 months [1]",
                                                     [_citation(CHUNKS[0], [REF3])], ["p1"]),
                          items[1].question: _answer("Not covered.", abstained=True)})
    main, rows = run_benchmark(good, items, progress=False)
    assert rows == [] and below(main.summary, FLOORS) == [] and all(passed(r) for r in main.records)
    # regression: the abstention rule got loose and the answer now cites a table row
    bad = FakeAssistant({items[0].question: _answer("8.5 months vs 4.1 months [1]", [_citation(CHUNKS[1])], ["row1"]),
                         items[1].question: _answer("Drug A works [1].", [_citation(CHUNKS[0])], ["p1"])})
    main, _ = run_benchmark(bad, items, progress=False)
    failed = below(main.summary, FLOORS)
    assert [f.split(" =")[0] for f in failed] == ["citation_support", "unanswerable_declined"]
    assert main.summary["R@1"] == 0.0


def test_a_crashing_ask_is_recorded_not_raised():
    items = _fake_set()
    main, _ = run_benchmark(FakeAssistant({}), items, progress=False)  # KeyError on every ask
    assert main.summary["errors"] == 2 and main.summary["unanswerable_declined"] == 0.0


def test_select_spreads_a_limit_over_types():
    items = load_questions(DEV)
    types = {i.type for i in items}
    picked = select(items, limit=2 * len(types))
    assert len(picked) == 2 * len(types) and {i.type for i in picked} == types
    assert {i.type for i in select(items, ["table", "why"])} == {"table", "why"}


def test_preset_overrides():
    assert preset_overrides("default") == {}
    assert preset_overrides("bm25") == {"retrieval_mode": "bm25", "rerank": False}


def test_bad_questions_file_is_a_usage_error(tmp_path):
    bad = tmp_path / "q.jsonl"
    bad.write_text('{"id": "x", "type": "numeric"}\n')
    result = CliRunner().invoke(eval_command, ["--questions", str(bad)])
    assert result.exit_code == 2 and "needs 'question'" in result.output
    result = CliRunner().invoke(eval_command, ["--types", "nonsense"])
    assert result.exit_code == 2 and "nonsense" in result.output


# ---------------------------------------------------------------- CI gate: the real pipeline on the shipped set

# The gate reports the blind test split (never used for tuning). Floors sit just under the values
# measured on it (default preset); the pipeline is deterministic, so a drop below a floor is a real
# regression, not noise. Ceilings bound what must stay low.
# Measured 2026-11-30 (sixth round, the same as the fifth) on test (142 items, default settings, final
# code): key-fact recall 0.864, precision 0.857, R@1 0.628, MRR@10 0.866, unanswerable declined 0.824
# (14/17), answerable wrongly declined 0.016 (2/125).
GATE = {
    "key_fact_recall": 0.86,
    "precision": 0.84,
    "R@1": 0.61,
    "RR@10": 0.84,  # MRR@10
    "unanswerable_declined": 0.80,
}
CEILINGS = {"false_decline": 0.02}
# The README claims the second stage (sentence-level re-scoring) helps ranking; on dev it raised R@1
# from 0.491 (fusion alone) to 0.666 (1696 items, 2026-11-30), and must keep raising it by at least this much.
SECOND_STAGE_MIN_GAIN = 0.10
# A fixed number of dev items spread evenly over the file (so every round is in it): dev grows by hundreds of items
# a round and is run twice here, so a share of it (a third was 2717 items, half the suite's time) would keep slowing
# the suite; 900 items measure a gain of 0.10 with a standard error near 0.015.
DEV_SAMPLE_SIZE = 900


def evenly_spread(items: list, size: int) -> list:
    """``size`` items taken at even steps through ``items`` (all of them when there are fewer)."""
    if len(items) <= size:
        return list(items)
    return [items[i * len(items) // size] for i in range(size)]


def test_evenly_spread_takes_even_steps_and_keeps_a_short_list_whole():
    assert evenly_spread(list(range(10)), 4) == [0, 2, 5, 7]
    assert evenly_spread(list(range(3)), 4) == [0, 1, 2]
    sample = evenly_spread(list(range(8151)), DEV_SAMPLE_SIZE)
    assert len(sample) == DEV_SAMPLE_SIZE == len(set(sample)) and sample[0] == 0 and sample[-1] > 8100


@pytest.fixture(scope="module")
def real(assistant, monkeypatch_module):
    """The shared session assistant, handed to the CLI instead of loading a second copy."""
    from her2qa.evaluation import command

    where = {"index_dir", "corpus_dir", "chroma_url", "collection"}  # the fixture's index, not the project's

    def load(settings):
        overrides = {k: v for k, v in settings.model_dump().items()
                     if k not in where and v != getattr(assistant.settings, k)}
        return assistant.with_settings(**overrides) if overrides else assistant

    monkeypatch_module.setattr(command, "load_assistant", load)
    return assistant


@pytest.fixture(scope="module")
def monkeypatch_module():
    mp = pytest.MonkeyPatch()
    yield mp
    mp.undo()


def test_ci_gate_on_the_shipped_set(real, tmp_path):
    out = tmp_path / "run"
    result = CliRunner().invoke(eval_command, ["--split", "test", "--out", str(out), "--no-plot"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    metrics = json.loads((out / "metrics.json").read_text())
    summary = metrics["main"]["summary"]
    assert summary["n"] == len(load_questions(TEST)) and summary["errors"] == 0
    assert "| key-fact recall" in result.output and "## By question type" in result.output
    failed = below(summary, GATE) + [f"{k} = {summary[k]:.3f} > {v:.3f}" for k, v in CEILINGS.items()
                                     if summary.get(k) is None or summary[k] > v]
    assert not failed, "benchmark regressed: " + "; ".join(failed) + f"\n{result.output}"


def test_second_stage_still_helps_on_dev(real):
    """The ablation the README reports: without the second stage, R@1 on dev must drop."""
    items = evenly_spread(load_questions(DEV), DEV_SAMPLE_SIZE)
    with_stage, _ = run_benchmark(real, items, progress=False)
    without, _ = run_benchmark(real.with_settings(rerank=False), items, progress=False)
    gain = with_stage.summary["R@1"] - without.summary["R@1"]
    assert gain >= SECOND_STAGE_MIN_GAIN, f"second stage gain on dev R@1 = {gain:.3f} ({len(items)} items)"


def test_cli_ablations_write_every_output(real, tmp_path):
    out = tmp_path / "abl"
    result = CliRunner().invoke(eval_command, ["--ablations", "--limit", "9", "--out", str(out)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    for name in ("report.md", "metrics.json", "answers.jsonl", "metrics.png"):
        assert (out / name).stat().st_size > 0, name
    metrics = json.loads((out / "metrics.json").read_text())
    assert [r["name"] for r in metrics["ablations"]][:4] == ["bm25", "dense", "hybrid", "hybrid-rerank"]
    assert "## Ablations" in result.output
    rows = [json.loads(line) for line in (out / "answers.jsonl").read_text().splitlines()]
    assert len(rows) == 9 and {"question", "answer", "citations", "checks", "passed"} <= set(rows[0])
