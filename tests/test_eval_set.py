"""The shipped eval sets (eval/dev.jsonl, eval/test.jsonl) are well-formed and grounded in the corpus.

Every check here is about the data, not the system: a failure means an item needs fixing.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest

from her2qa.citations import cited_references
from her2qa.evaluation.dataset import load_questions
from her2qa.evaluation.metrics import fact_in_text
from her2qa.settings import PROJECT_ROOT

SPLITS = {"dev": PROJECT_ROOT / "eval" / "dev.jsonl", "test": PROJECT_ROOT / "eval" / "test.jsonl"}
CORPUS_FILE = PROJECT_ROOT / "corpus" / "tapia2023_cancers_15_4522_her2_resistance.txt"
# The first 283 dev items use the formal types; the natural-language items (dev n-*, all of test) the second set.
TYPES = {"numeric", "entity", "definition", "why", "table", "reference", "multihop", "unanswerable", "conversation",
         "fact", "overview", "list", "compare", "yesno"}
NATURAL_TYPES = {"fact", "overview", "list", "compare", "why", "definition", "yesno", "reference", "table",
                 "conversation", "unanswerable"}
MINIMUM = {"dev": 250, "test": 120}
N_REFERENCES = 83
FIELDS = {"id", "type", "section", "question", "turns", "answer", "key_facts", "evidence", "references", "note"}


@pytest.fixture(scope="module")
def corpus_text() -> str:
    return CORPUS_FILE.read_text(encoding="utf-8")


@pytest.fixture(scope="module", params=sorted(SPLITS))
def split(request) -> str:
    return request.param


@pytest.fixture(scope="module")
def raw_items(split) -> list[dict]:
    lines = SPLITS[split].read_text(encoding="utf-8").splitlines()
    assert all(line.strip() for line in lines), f"blank line in {split}.jsonl"
    return [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def items(split):
    return load_questions(SPLITS[split])


def test_loads_and_has_enough_items(items, raw_items, split):
    assert len(items) == len(raw_items) >= MINIMUM[split]


def test_dev_and_test_share_no_question():
    dev = {i.asked.strip().lower() for i in load_questions(SPLITS["dev"])}
    test = {i.asked.strip().lower() for i in load_questions(SPLITS["test"])}
    ids = {i.id for i in load_questions(SPLITS["dev"])} & {i.id for i in load_questions(SPLITS["test"])}
    assert not dev & test and not ids


def test_fields_are_known_and_typed(raw_items):
    for item in raw_items:
        assert set(item) <= FIELDS, item["id"]
        assert {"id", "type", "section", "answer", "key_facts", "evidence", "references"} <= set(item), item["id"]
        assert isinstance(item["answer"], str) and item["answer"].strip(), item["id"]
        assert all(isinstance(k, str) and k.strip() for k in item["key_facts"]), item["id"]
        assert all(isinstance(q, str) and q.strip() for q in item["evidence"]), item["id"]


def test_ids_unique(items):
    counts = Counter(item.id for item in items)
    assert not [i for i, n in counts.items() if n > 1]


def test_every_type_present_in_reasonable_numbers(items, split):
    counts = Counter(item.type for item in items)
    assert set(counts) <= TYPES, set(counts) - TYPES
    natural = Counter(item.type for item in items if not item.id.startswith(("a-", "b-")))
    assert set(natural) == NATURAL_TYPES, set(natural) ^ NATURAL_TYPES
    short = {t: n for t, n in natural.items() if n < (5 if split == "dev" else 8)}
    assert not short, f"too few natural items: {short}"


def test_evidence_quotes_are_exact_substrings_of_the_corpus(items, corpus_text):
    missing = [(item.id, quote[:70]) for item in items for quote in item.evidence if quote not in corpus_text]
    assert not missing


def test_repeated_quotes_can_be_placed(items, corpus_text):
    """A quote found more than once is placed next to another quote of the same item that occurs once."""
    for item in items:
        unique = [q for q in item.evidence if corpus_text.count(q) == 1]
        repeated = [q for q in item.evidence if corpus_text.count(q) > 1]
        assert not repeated or unique, f"{item.id}: {repeated} occur several times and nothing anchors them"


def test_key_facts_are_lowercase_and_in_evidence(items):
    for item in items:
        for fact in item.key_facts:
            assert fact == fact.lower(), (item.id, fact)
            assert any(fact in quote.lower() for quote in item.evidence), (item.id, fact)
            # and the grader's own matcher (dash/whitespace normalised, numbers exact) agrees
            assert any(fact_in_text(fact, quote) for quote in item.evidence), (item.id, fact)


def test_answerable_items_have_evidence_and_key_facts(items):
    for item in items:
        if item.type != "unanswerable":
            assert item.evidence and item.key_facts, item.id


def test_unanswerable_items_have_no_evidence(items):
    for item in items:
        if item.type == "unanswerable":
            assert item.evidence == [] and item.key_facts == [] and item.references == [], item.id


def test_conversations_have_at_least_two_turns(items, raw_items):
    for item, raw in zip(items, raw_items):
        if item.type == "conversation":
            assert len(item.turns) >= 2 and "question" not in raw, item.id
            assert all(t.strip() for t in item.turns), item.id
        else:
            assert item.question.strip() and "turns" not in raw, item.id


def test_reference_numbers_in_range(items):
    for item in items:
        assert all(1 <= n <= N_REFERENCES for n in item.references), item.id
        assert len(set(item.references)) == len(item.references), item.id


def test_reference_items_name_a_reference_and_quote_its_citing_sentence(items):
    for item in items:
        if item.type != "reference":
            continue
        assert item.references, item.id
        cited = {n for quote in item.evidence for n in cited_references(quote)}
        assert cited & set(item.references), f"{item.id}: no [n] marker for {item.references} in its evidence"


def test_every_quote_maps_to_a_chunk(items):
    """Gold evidence is scored by chunk: each quote must land in at least one chunk of the index."""
    from her2qa.corpus import Corpus
    from her2qa.evaluation.dataset import gold_for
    from her2qa.settings import Settings

    from her2qa.evaluation.dataset import chunks_for_span, locate_quotes

    corpus = Corpus.load(Settings())
    doc = corpus.primary
    headings = {s.label for s in doc.sections} | {f"{s.number}. {s.title}" for s in doc.sections if s.number}
    chunks = [c for c in corpus.chunks if c.source == doc.source]
    for item in items:
        if item.evidence:
            gold = gold_for(item, corpus)
            assert len(gold.spans) == len(item.evidence), item.id
            # A section heading quoted as evidence ("2.1. PI3K/AKT/mTOR Pathway") is in no chunk; anything else is.
            for quote, span in zip(item.evidence, locate_quotes(doc.text, item.evidence, chunks)):
                if quote.strip() not in headings:
                    assert span and chunks_for_span(span, chunks), (item.id, quote[:60])
