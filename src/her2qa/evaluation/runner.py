"""Run the real pipeline over eval items (one configuration, or the ablation grid)."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from typing import Any

from .dataset import EvalItem, Gold, gold_for
from .grading import grade, summarize, summarize_by_type
from .metrics import retrieval_scores

# Retrieval ablations: (row name, settings preset). Answers stay extractive in these rows so the
# table isolates retrieval; a configured generative backend gets its own row.
ABLATIONS = (("bm25", "bm25"), ("dense", "dense"), ("hybrid", "hybrid"), ("hybrid-rerank", "hybrid-rerank"))


@dataclass
class RunResult:
    name: str
    settings: dict[str, Any]
    records: list[dict]
    summary: dict[str, Any]
    by_type: dict[str, dict[str, Any]]
    seconds: float
    reused_from: str = ""  # an ablation row identical to the main run reuses its records


def settings_brief(settings) -> dict[str, Any]:
    """The settings that shape a run, for the report header and metrics.json."""
    keys = ("retrieval_mode", "rerank", "top_k", "top_k_bm25", "top_k_dense", "bm25_weight", "dense_weight",
            "rrf_k", "embed_model", "cross_encoder", "chunk_max_words", "answer_max_sentences",
            "llm_backend", "llm_model")
    return {k: getattr(settings, k) for k in keys if hasattr(settings, k)}


def preset_overrides(name: str) -> dict[str, Any]:
    """What a preset changes relative to the default preset (environment applies to both)."""
    from ..settings import Settings

    base, preset = Settings.preset("default"), Settings.preset(name)
    return {k: getattr(preset, k) for k in type(preset).model_fields if getattr(preset, k) != getattr(base, k)}


def ask_item(assistant, item: EvalItem):
    """Ask the question; a multi-turn item is asked turn by turn in one conversation, the last graded."""
    turns = item.user_turns
    if len(turns) == 1:
        return assistant.ask(turns[0])
    from ..chat import Conversation

    conversation = Conversation()
    answer = None
    for turn in turns:
        answer = assistant.ask(turn, conversation=conversation)
    return answer


def gold_index(items: list[EvalItem], corpus) -> dict[str, Gold]:
    return {item.id: gold_for(item, corpus) for item in items}


def run_config(assistant, items: list[EvalItem], golds: dict[str, Gold], name: str = "default",
               progress: bool = True) -> RunResult:
    """Ask every item, grade it, and add ir-measures retrieval scores."""
    from tqdm import tqdm

    started = time.perf_counter()
    records = []
    for item in tqdm(items, desc=f"eval {name}", unit="q", disable=None if progress else True,
                     file=sys.stderr, leave=False):
        try:
            answer, error = ask_item(assistant, item), ""
        except Exception as exc:  # one broken item must not sink the run; it is counted as an error
            answer, error = None, f"{type(exc).__name__}: {exc}"
        records.append(grade(item, answer, golds[item.id], error=error))
    # Every measure stops at rank 10, and records keep the top 10 retrieved ids in rank order.
    qrels = {r["id"]: set(r["gold_chunks"]) for r in records if r["gold_chunks"]}
    scores = retrieval_scores(qrels, {r["id"]: r["retrieved"] for r in records if r["gold_chunks"]})
    for record in records:
        record["retrieval"] = scores.get(record["id"])
    settings = getattr(assistant, "settings", None)
    return RunResult(name=name, settings=settings_brief(settings) if settings is not None else {},
                     records=records, summary=summarize(records), by_type=summarize_by_type(records),
                     seconds=time.perf_counter() - started)


def ablation_plan(base_settings) -> list[tuple[str, dict[str, Any]]]:
    """(row name, overrides) for each ablation row; the LLM row only when a backend is configured."""
    plan = []
    llm = getattr(base_settings, "llm_backend", "none")
    for row, preset in ABLATIONS:
        overrides = preset_overrides(preset)
        if llm != "none":
            overrides["llm_backend"] = "none"
        plan.append((row, overrides))
    if llm != "none":
        overrides = preset_overrides("hybrid-rerank")
        overrides["llm_backend"] = llm
        plan.append((f"hybrid-rerank + {llm}", overrides))
    return plan


def sibling(assistant, overrides: dict[str, Any]):
    """An assistant sharing the loaded corpus/index/models with other settings."""
    if not overrides:
        return assistant
    return assistant.with_settings(**overrides)


def same_settings(a, b) -> bool:
    try:
        return a.model_dump() == b.model_dump()
    except AttributeError:
        return False


def run_ablations(assistant, items: list[EvalItem], golds: dict[str, Gold], main: RunResult | None = None,
                  progress: bool = True) -> list[RunResult]:
    """Every ablation row over the same items; a row whose settings equal the main run reuses it."""
    results = []
    base = assistant.settings
    for row, overrides in ablation_plan(base):
        target = base.model_copy(update=overrides)
        if main is not None and same_settings(target, base):
            results.append(RunResult(name=row, settings=main.settings, records=main.records, summary=main.summary,
                                     by_type=main.by_type, seconds=main.seconds, reused_from=main.name))
            continue
        variant = sibling(assistant, {k: v for k, v in overrides.items() if getattr(base, k) != v})
        results.append(run_config(variant, items, golds, name=row, progress=progress))
    return results


def run_benchmark(assistant, items: list[EvalItem], ablations: bool = False, name: str = "default",
                  progress: bool = True) -> tuple[RunResult, list[RunResult]]:
    """The main run over ``items`` and, if asked, the ablation grid over the same items."""
    golds = gold_index(items, assistant.corpus)
    main = run_config(assistant, items, golds, name=name, progress=progress)
    rows = run_ablations(assistant, items, golds, main=main, progress=progress) if ablations else []
    return main, rows
