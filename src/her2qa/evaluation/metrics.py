"""Metric functions of the benchmark: pure, small and unit-tested (tests/test_benchmark.py).

Retrieval metrics come from ``ir-measures`` (pytrec-eval backend); answer, citation and
abstention metrics are simple shares computed here.
"""

from __future__ import annotations

import math
import re
import string
from collections import Counter
from typing import Iterable

# ---------------------------------------------------------------- text normalisation

_DASHES = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]")
_SPACES = re.compile(r"\s+")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})
# Numeric citation markers: "[3]", "[12, 13]", "[3–7]" (the review's and the answer's own).
_MARKERS = re.compile(r"\s?\[\d+(?:\s*[,\u2013\u2014-]\s*\d+)*\]")


def normalise(text: str) -> str:
    """Lowercase; one kind of dash, apostrophe and space; citation markers dropped."""
    text = _MARKERS.sub("", text.translate(_QUOTES))
    text = _DASHES.sub("-", text.lower())
    return _SPACES.sub(" ", text).strip()


def _fact_pattern(fact: str) -> re.Pattern:
    # a list item's full stop copied with it ("t-dxd plus durvalumab.") is punctuation, not part of the fact: a
    # table row quoted with its cells joined by ";" holds the same item
    fact = re.sub(r"(?<=[a-z)])\.$", "", normalise(fact))
    pattern = re.escape(fact)
    if fact[:1].isalnum():
        pattern = r"(?<![0-9a-z])" + pattern  # a fact starts at a word start: "orr" ≠ "corr…"
    if fact[:1].isdigit():
        pattern = r"(?<!\d[.,])" + pattern  # "8.5" ≠ "18.5", "3.8.5"
    if fact[-1:].isdigit():
        pattern += r"(?![.,]?\d)"  # numbers match exactly: "8.5" ≠ "8.55", "20" ≠ "2020"
    return re.compile(pattern)


# A quoted table row labels its cells ("…; Setting: 1st line; Primary Endpoint: PFS."); the review's
# flat text of the row, which item writers quote, runs the cells together ("1st line PFS").
_TABLE_CAPTION = re.compile(r"^(?:- )?Table \d+ \((?:[^()]|\([^()]*\))*\):")
_CELL_LABEL = re.compile(r"(?:^|;)\s*(?:- )?[A-Z][A-Za-z/ ]{0,40}:\s")


def _flat_rows(text: str) -> str:
    """The table rows of ``text`` (lines of three or more labelled cells), labels dropped."""
    rows = []
    for line in text.splitlines():
        line = _TABLE_CAPTION.sub("", line)
        if len(_CELL_LABEL.findall(line)) >= 3:
            rows.append(_CELL_LABEL.sub(" ", line))
    return " ".join(rows)


def fact_in_text(fact: str, text: str) -> bool:
    """A key fact appears in a text: case-insensitive, dashes/whitespace normalised, whole numbers.

    The end of a word may run on ("trial" finds "trials"), the start may not. A fact that spans two
    cells of a quoted table row is found in the row's cells read without their labels.
    """
    if not normalise(fact):
        return True
    pattern = _fact_pattern(fact)
    if pattern.search(normalise(text)) is not None:
        return True
    flat = _flat_rows(text)
    return bool(flat) and pattern.search(normalise(flat)) is not None


def missing_facts(facts: Iterable[str], text: str) -> list[str]:
    return [f for f in facts if not fact_in_text(f, text)]


# ---------------------------------------------------------------- token F1 (SQuAD style)

_ARTICLES = re.compile(r"\b(a|an|the)\b")
_PUNCT = str.maketrans({c: " " for c in string.punctuation + "\u2013\u2014\u2212\u2018\u2019\u201c\u201d\u2022"})


def tokens(text: str) -> list[str]:
    text = normalise(text).translate(_PUNCT)
    return _ARTICLES.sub(" ", text).split()


def token_f1(prediction: str, reference: str) -> float:
    pred, gold = tokens(prediction), tokens(reference)
    if not pred or not gold:
        return float(pred == gold)
    shared = sum((Counter(pred) & Counter(gold)).values())
    if not shared:
        return 0.0
    precision, recall = shared / len(pred), shared / len(gold)
    return 2 * precision * recall / (precision + recall)


# ---------------------------------------------------------------- shares and percentiles

def share(flags: Iterable[bool | None]) -> float | None:
    """Mean of the non-None flags (None when there are none)."""
    values = [bool(f) for f in flags if f is not None]
    return sum(values) / len(values) if values else None


def mean(values: Iterable[float | None]) -> float | None:
    values = [v for v in values if v is not None]
    return sum(values) / len(values) if values else None


def percentile(values: Iterable[float], q: float) -> float | None:
    """Linear-interpolated percentile (numpy's default), q in [0, 100]."""
    data = sorted(values)
    if not data:
        return None
    pos = (len(data) - 1) * q / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    return data[lo] + (data[hi] - data[lo]) * (pos - lo)


# ---------------------------------------------------------------- retrieval (ir-measures)

RETRIEVAL_MEASURES = ("R@1", "R@5", "R@10", "Success@1", "Success@5", "RR@10", "nDCG@10")


def retrieval_scores(qrels: dict[str, set[str]], run: dict[str, list[str]],
                     measures: Iterable[str] = RETRIEVAL_MEASURES) -> dict[str, dict[str, float]]:
    """Per-query scores of ranked chunk ids against gold chunk ids, computed by ir-measures.

    The run is given in rank order; scores fed to pytrec-eval are derived from the rank so its
    tie-breaking (by document id) can never reorder what the system returned. A query with gold
    but nothing retrieved scores 0 on every measure.
    """
    import ir_measures

    names = list(measures)
    parsed = [ir_measures.parse_measure(m) for m in names]
    by_measure = {str(m): n for m, n in zip(parsed, names)}
    judged = {q: docs for q, docs in qrels.items() if docs}
    scores = {q: {n: 0.0 for n in names} for q in judged}
    qrel_rows = [ir_measures.Qrel(q, d, 1) for q, docs in judged.items() for d in sorted(docs)]
    run_rows = []
    for q, ranked in run.items():
        if q not in judged:
            continue
        seen: set[str] = set()
        ranked = [d for d in ranked if not (d in seen or seen.add(d))]
        run_rows += [ir_measures.ScoredDoc(q, d, float(len(ranked) - i)) for i, d in enumerate(ranked)]
    if qrel_rows and run_rows:
        for metric in ir_measures.iter_calc(parsed, qrel_rows, run_rows):
            scores[metric.query_id][by_measure[str(metric.measure)]] = float(metric.value)
    return scores


def first_relevant_rank(ranked: list[str], relevant: set[str]) -> int | None:
    """1-based rank of the first gold chunk (None if absent)."""
    for rank, doc in enumerate(ranked, 1):
        if doc in relevant:
            return rank
    return None
