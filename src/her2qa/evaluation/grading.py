"""Grade one answer against one eval item, and roll graded items up into metrics."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from .dataset import MIN_OVERLAP, EvalItem, Gold, overlap
from .metrics import (RETRIEVAL_MEASURES, first_relevant_rank, mean, missing_facts, percentile, share,
                      token_f1)

TOP_K_LOGGED = 10


def citation_supported(citation, item: EvalItem, gold: Gold) -> bool:
    """A cited passage is supported if it is (or overlaps) gold evidence, or holds every key fact."""
    if citation.chunk_id in gold.relevant:
        return True
    span = (citation.start, citation.end)
    if span[1] > span[0]:
        for _, start, end in gold.spans:
            shared = overlap(span, (start, end))
            if shared and (shared >= MIN_OVERLAP * (end - start) or shared >= MIN_OVERLAP * (span[1] - span[0])):
                return True
    return bool(item.key_facts) and not missing_facts(item.key_facts, citation.text)


def grade(item: EvalItem, answer, gold: Gold, error: str = "") -> dict[str, Any]:
    """One per-item record (JSON-ready): what was asked, answered, cited, and each check's verdict.

    ``answer`` is a :class:`her2qa.results.Answer` (or None when ``ask`` raised). Checks are None
    where they do not apply (e.g. key facts of an unanswerable item).
    """
    text = answer.answer if answer is not None else ""
    error = error or (answer.error if answer is not None else "") or ""
    abstained = answer is None or bool(answer.abstained) or bool(error) or not text.strip()
    answered = not abstained
    citations = list(answer.citations) if answer is not None else []
    retrieved = [r.chunk_id for r in answer.retrieved] if answer is not None else []

    cited = []
    for c in citations:
        cited.append({
            "marker": c.marker, "chunk_id": c.chunk_id, "kind": c.kind, "section": c.section,
            "quote": c.quote, "references": [r.number for r in c.references],
            "supported": citation_supported(c, item, gold) if item.answerable else None,
        })
    checks: dict[str, Any] = {"answered": answered}
    if item.answerable:
        missing = missing_facts(item.key_facts, text) if answered else list(item.key_facts)
        checks["key_facts"] = answered and not missing
        checks["missing_facts"] = missing
        checks["fact_share"] = 1 - len(missing) / len(item.key_facts) if item.key_facts else None
        checks["token_f1"] = token_f1(text, item.answer) if answered and item.answer else (0.0 if item.answer else None)
        checks["declined_ok"] = answered
        supported = [c["supported"] for c in cited] if answered else []
        checks["cited"] = bool(cited) if answered else None
        checks["citations_supported"] = sum(supported)
        checks["citations_total"] = len(supported)
        checks["citation_support"] = sum(supported) / len(supported) if supported else None
        if item.references:
            cited_refs = {n for c in cited for n in c["references"]} if answered else set()
            checks["reference_ok"] = bool(cited_refs & set(item.references))
        else:
            checks["reference_ok"] = None
    else:
        checks["declined_ok"] = abstained and not error  # a crash is not a considered refusal
    gold_rank = first_relevant_rank(retrieved, gold.relevant) if gold.relevant else None
    timings = answer.timings_ms if answer is not None else {}
    record = {
        "id": item.id, "type": item.type, "section": item.section, "question": item.asked,
        "turns": item.turns or None, "resolved_question": getattr(answer, "resolved_question", "") or "",
        "reference_answer": item.answer, "key_facts": item.key_facts, "gold_references": item.references,
        "answer": text, "abstained": abstained, "error": error,
        "backend": getattr(answer, "backend", "") if answer is not None else "",
        "citations": cited, "retrieved": retrieved[:TOP_K_LOGGED],
        "gold_chunks": sorted(gold.relevant), "gold_rank": gold_rank,
        "latency_ms": float(timings.get("total", 0.0)) if timings else None,
        "checks": checks, "retrieval": None,
    }
    record["passed"] = passed(record)
    return record


def passed(record: dict) -> bool:
    c = record["checks"]
    if c.get("key_facts") is None:  # unanswerable
        return bool(c["declined_ok"])
    return bool(c["key_facts"]) and c.get("citation_support") == 1.0 and c.get("reference_ok") is not False


def problems(record: dict) -> list[str]:
    """Readable reasons an item failed (empty when it passed)."""
    c = record["checks"]
    out = []
    if record["error"]:
        out.append(f"error: {record['error']}")
    if c.get("key_facts") is None:
        if not c["declined_ok"]:
            out.append("answered an unanswerable question")
        return out
    if record["abstained"]:
        out.append("wrongly declined")
    elif c["missing_facts"]:
        out.append("answer misses key facts " + ", ".join(repr(f) for f in c["missing_facts"]))
    if record["gold_chunks"]:
        rank = record["gold_rank"]
        if rank is None or rank > TOP_K_LOGGED:
            out.append("gold evidence not in the top 10 retrieved")
        elif rank > 1:
            out.append(f"first gold passage at rank {rank}")
    if c.get("cited") is False:
        out.append("no citation")
    if c.get("citation_support") is not None and c["citation_support"] < 1:
        out.append(f"{c['citations_total'] - c['citations_supported']}/{c['citations_total']} citations unsupported")
    if c.get("reference_ok") is False and not record["abstained"]:
        out.append(f"gold reference {record['gold_references']} not among cited references")
    return out


def severity(record: dict) -> tuple:
    """Sort key: worst first."""
    c = record["checks"]
    if c.get("key_facts") is None:
        return (-(0 if c["declined_ok"] else 3), 0.0, 0.0)
    rank = record["gold_rank"]
    score = 3 * (not c["key_facts"]) + 2 * record["abstained"] + 2 * bool(record["gold_chunks"] and (rank is None or rank > TOP_K_LOGGED))
    score += (1 - (c["citation_support"] if c["citation_support"] is not None else 1)) + (c.get("reference_ok") is False)
    return (-score, c["fact_share"] or 0.0, c["token_f1"] or 0.0)


# ---------------------------------------------------------------- roll-up

def summarize(records: list[dict]) -> dict[str, Any]:
    """Metrics over a list of graded records (all items, or one type)."""
    answerable = [r for r in records if r["checks"].get("key_facts") is not None]
    unanswerable = [r for r in records if r["checks"].get("key_facts") is None]
    answered = [r for r in records if r["checks"]["answered"]]
    correct = [r for r in answerable if r["checks"]["key_facts"]]
    with_gold = [r for r in records if r["retrieval"] is not None]
    supported = sum(r["checks"]["citations_supported"] for r in answerable)
    total_cited = sum(r["checks"]["citations_total"] for r in answerable)
    latencies = [r["latency_ms"] for r in records if r["latency_ms"] is not None]
    out: dict[str, Any] = {"n": len(records), "n_answerable": len(answerable), "n_unanswerable": len(unanswerable)}
    for measure in RETRIEVAL_MEASURES:
        out[measure] = mean(r["retrieval"][measure] for r in with_gold)
    out.update({
        "key_fact_recall": share(r["checks"]["key_facts"] for r in answerable),
        "fact_share": mean(r["checks"]["fact_share"] for r in answerable),
        "token_f1": mean(r["checks"]["token_f1"] for r in answerable),
        "precision": len(correct) / len(answered) if answered else None,
        "coverage": share(r["checks"]["answered"] for r in answerable),
        "citation_support": supported / total_cited if total_cited else None,
        "cited_rate": share(r["checks"]["cited"] for r in answerable),
        "reference_accuracy": share(r["checks"]["reference_ok"] for r in answerable),
        "unanswerable_declined": share(r["checks"]["declined_ok"] for r in unanswerable),
        "false_decline": share(not r["checks"]["declined_ok"] for r in answerable) if answerable else None,
        "pass_rate": share(r["passed"] for r in records),
        "latency_p50_ms": percentile(latencies, 50),
        "latency_p95_ms": percentile(latencies, 95),
        "errors": sum(bool(r["error"]) for r in records),
    })
    return out


def summarize_by_type(records: list[dict]) -> dict[str, dict[str, Any]]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        groups[r["type"]].append(r)
    return {t: summarize(groups[t]) for t in sorted(groups)}


def below(summary: dict[str, Any], floors: dict[str, float]) -> list[str]:
    """Metrics under their floor (a missing metric counts as under), as readable lines; empty = pass."""
    out = []
    for key, floor in floors.items():
        value = summary.get(key)
        if value is None or value < floor:
            out.append(f"{key} = {'n/a' if value is None else f'{value:.3f}'} < {floor:.3f}")
    return out
