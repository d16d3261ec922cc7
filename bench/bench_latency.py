#!/usr/bin/env python3
"""Warm ``Assistant.ask`` latency over the eval set (answerable + unanswerable), default settings.

    .venv/bin/python bench/bench_latency.py [--questions FILE] [--rounds N] [--preset NAME]

Loads the assistant once, warms it up, then times every question (every turn of a conversation,
in one conversation) with a wall clock around ``ask``. Prints p50/p95 against the targets
(p50 ≤ 50 ms, p95 ≤ 150 ms); exits 0 either way — this is a measurement, not a test.
Uses the index in ``HER2QA_INDEX_DIR`` (default ``index/``; run ``her2qa build`` first).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_P50_MS, TARGET_P95_MS = 50.0, 150.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=ROOT / "eval" / "test.jsonl")
    parser.add_argument("--rounds", type=int, default=1, help="passes over the set (default 1)")
    parser.add_argument("--preset", default="default")
    args = parser.parse_args(argv)

    from her2qa.assistant import Assistant
    from her2qa.chat import Conversation
    from her2qa.evaluation.dataset import load_questions
    from her2qa.evaluation.metrics import percentile
    from her2qa.settings import Settings
    from her2qa.store import IndexUnavailable

    items = load_questions(args.questions)
    started = time.perf_counter()
    try:
        assistant = Assistant(Settings.preset(args.preset))
    except IndexUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    load_s = time.perf_counter() - started
    for item in items[:5]:  # warm-up: first-call costs (tokenizer, BM25, Chroma) are not measured
        assistant.ask(item.user_turns[0])

    wall, reported = [], []
    by_kind: dict[str, list[float]] = {"answerable": [], "unanswerable": []}
    for _ in range(args.rounds):
        for item in items:
            conversation = Conversation()
            for turn in item.user_turns:
                t0 = time.perf_counter()
                answer = assistant.ask(turn, conversation=conversation)
                ms = (time.perf_counter() - t0) * 1000
                wall.append(ms)
                reported.append(answer.timings_ms.get("total", float("nan")))
                by_kind["answerable" if item.answerable else "unanswerable"].append(ms)

    p50, p95 = percentile(wall, 50), percentile(wall, 95)
    print(f"her2qa warm ask latency — {len(wall)} asks over {len(items)} items × {args.rounds} round(s), "
          f"preset {args.preset!r} (load {load_s:.1f} s)")
    print(f"  wall clock   p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   mean {statistics.fmean(wall):7.1f} ms   "
          f"max {max(wall):7.1f} ms")
    print(f"  timings_ms   p50 {percentile(reported, 50):7.1f} ms   p95 {percentile(reported, 95):7.1f} ms "
          f"(the assistant's own total)")
    for kind, values in by_kind.items():
        if values:
            print(f"  {kind:12s} p50 {percentile(values, 50):7.1f} ms   p95 {percentile(values, 95):7.1f} ms   "
                  f"n {len(values)}")
    ok50, ok95 = p50 <= TARGET_P50_MS, p95 <= TARGET_P95_MS
    print(f"  target       p50 ≤ {TARGET_P50_MS:.0f} ms: {'OK' if ok50 else 'MISSED'}   "
          f"p95 ≤ {TARGET_P95_MS:.0f} ms: {'OK' if ok95 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
