#!/usr/bin/env python3
"""Side by side: "the obvious llama-index build" against her2qa, same questions, one run.

    nice -n 10 .venv/bin/python bench/bench_side_by_side.py [--questions FILE ...] [--limit N]
        [--index-dir DIR] [--out bench/results]

Default questions: eval/dev.jsonl (formerly eval/questions.jsonl) and eval/test.jsonl.

Baseline (what a llama-index tutorial gives): ``SimpleDirectoryReader`` on the corpus file →
``SentenceSplitter()`` with its defaults (1024-token chunks, 200 overlap) → the same bundled
all-MiniLM-L6-v2 through ``HuggingFaceEmbedding`` (local path) → ``ChromaVectorStore`` in its own
temp folder → ``index.as_retriever(similarity_top_k=5)``.
her2qa: ``Assistant(settings).ask(question)`` (hybrid BM25 + dense, second stage, extractive
answer, verifier); its ``retrieved`` list gives the ranked chunks, the first 5 are scored.

Both indexes are built before anything is timed. Questions are asked alternately (baseline, then
her2qa) so background load hits both alike; a multi-turn item is asked turn by turn to her2qa in
one conversation and only its last turn to the baseline (which has no memory); only the graded
(last) turn is timed. Torch uses her2qa's one query thread for both (set when the Assistant loads).

Measures, over the answerable items:
* evidence recall@5 — share of an item's gold evidence quotes found in the top 5, averaged over
  items. Baseline: a node holds a quote when its [start, end) character span in the corpus file
  covers ≥ 50 % of the quote's characters. her2qa: a chunk holds a quote when it is one of the
  quote's gold chunks (``her2qa.evaluation.dataset``: ``locate_quotes`` + ``chunks_for_span``, as
  ``gold_for`` does);
* evidence hit@5 — share of items with at least one quote held in the top 5;
* her2qa chunk R@5 / Success@5 against ``gold_for`` (the eval's own gold, which adds the
  reference-list entries of reference questions) — her2qa only, for the README's figures;
* all key facts in top 5 — every key fact is a case-insensitive substring of the concatenated
  top-5 texts (the baseline's top 5 hold far more text: its mean size is printed beside it);
* latency p50/p95 of the timed call (baseline: ``retrieve``; her2qa: the whole ``ask``, plus its
  own ``timings_ms.retrieve``).
Prints a table, writes ``bench/results/side_by_side_<questions>.{json,md}``. Exits 0 either way.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS_FILE = ROOT / "corpus" / "tapia2023_cancers_15_4522_her2_resistance.txt"
for key, value in {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "HF_HUB_DISABLE_TELEMETRY": "1",
                   "ANONYMIZED_TELEMETRY": "False", "TOKENIZERS_PARALLELISM": "false"}.items():
    os.environ.setdefault(key, value)


def percentile(values, q):
    from her2qa.evaluation.metrics import percentile as pct

    value = pct(values, q)
    return round(value, 2) if value is not None else None


def mean(values):
    values = [v for v in values if v is not None]
    return round(sum(values) / len(values), 4) if values else None


# ------------------------------------------------------------------------------------ baseline

class Baseline:
    """SentenceSplitter defaults → MiniLM → Chroma (temp dir) → top-5 retriever."""

    def __init__(self, workdir: Path, top_k: int = 5):
        import chromadb
        from chromadb.config import Settings as ChromaSettings
        from llama_index.core import Settings as LISettings
        from llama_index.core import SimpleDirectoryReader, StorageContext, VectorStoreIndex
        from llama_index.core.node_parser import SentenceSplitter
        from llama_index.embeddings.huggingface import HuggingFaceEmbedding
        from llama_index.vector_stores.chroma import ChromaVectorStore

        from her2qa.embedding import resolve_model_path
        from her2qa.settings import BUNDLED_MODEL

        started = time.perf_counter()
        embed = HuggingFaceEmbedding(model_name=resolve_model_path(BUNDLED_MODEL), device="cpu")
        LISettings.embed_model = embed
        LISettings.llm = None  # retrieval only; never a MockLLM answer
        documents = SimpleDirectoryReader(input_files=[str(CORPUS_FILE)]).load_data()
        self.text = documents[0].text
        self.splitter = SentenceSplitter()
        self.nodes = self.splitter.get_nodes_from_documents(documents)
        client = chromadb.PersistentClient(path=str(workdir / "baseline-chroma"),
                                           settings=ChromaSettings(anonymized_telemetry=False))
        collection = client.get_or_create_collection("baseline")
        store = ChromaVectorStore(chroma_collection=collection)
        index = VectorStoreIndex(self.nodes, storage_context=StorageContext.from_defaults(vector_store=store),
                                 embed_model=embed)
        self.retriever = index.as_retriever(similarity_top_k=top_k)
        self.spans = {n.node_id: (n.start_char_idx, n.end_char_idx) for n in self.nodes}
        self.build_s = time.perf_counter() - started
        for node in self.nodes:  # offsets must point into the file text
            start, end = self.spans[node.node_id]
            assert start is not None and self.text[start:end] == node.text, "node offsets do not match"

    def retrieve(self, question: str):
        return self.retriever.retrieve(question)

    def describe(self) -> dict:
        lengths = [len(n.text) for n in self.nodes]
        return {"chunker": f"SentenceSplitter(chunk_size={self.splitter.chunk_size}, "
                           f"chunk_overlap={self.splitter.chunk_overlap})",
                "chunks": len(self.nodes), "mean_chunk_chars": round(sum(lengths) / len(lengths)),
                "build_s": round(self.build_s, 1)}


def baseline_quote_hits(quote_spans, node_spans) -> list[bool]:
    """For each located quote: does some node hold ≥ 50 % of its characters?"""
    from her2qa.evaluation.dataset import MIN_OVERLAP, overlap

    hits = []
    for span in quote_spans:
        length = max(1, span[1] - span[0])
        hits.append(any(overlap(span, ns) >= MIN_OVERLAP * length for ns in node_spans))
    return hits


# ------------------------------------------------------------------------------------ her2qa

def her2qa_quote_chunks(item, corpus) -> list[set[str]]:
    """Gold chunk ids of each located evidence quote, the way ``gold_for`` places them."""
    from her2qa.evaluation.dataset import chunks_for_span, locate_quotes

    per_quote = []
    for doc in corpus.documents:
        doc_chunks = [c for c in corpus.chunks if c.source == doc.source]
        for span in locate_quotes(doc.text, item.evidence, doc_chunks):
            if span is not None:
                per_quote.append(set(chunks_for_span(span, doc_chunks)))
    return per_quote


def facts_in(facts: list[str], text: str) -> bool | None:
    if not facts:
        return None
    low = text.lower()
    return all(f.lower() in low for f in facts)


# ------------------------------------------------------------------------------------ run

def run_file(path: Path, baseline: Baseline, assistant, limit: int | None) -> dict:
    from her2qa.chat import Conversation
    from her2qa.evaluation.dataset import gold_for, load_questions, locate_quotes

    items = load_questions(path)
    if limit:
        items = items[:limit]
    for item in items[:3]:  # warm-up, not measured
        baseline.retrieve(item.asked)
        assistant.ask(item.asked)

    records = []
    for item in items:
        conversation = Conversation()
        for turn in item.user_turns[:-1]:
            assistant.ask(turn, conversation=conversation)
        t0 = time.perf_counter()
        nodes = baseline.retrieve(item.asked)
        base_ms = (time.perf_counter() - t0) * 1000
        t0 = time.perf_counter()
        answer = assistant.ask(item.asked, conversation=conversation if item.turns else None)
        her_ms = (time.perf_counter() - t0) * 1000

        base_top = nodes[:5]
        her_top = answer.retrieved[:5]
        record = {"id": item.id, "type": item.type, "answerable": item.answerable,
                  "baseline_ms": round(base_ms, 2), "her2qa_ms": round(her_ms, 2),
                  "her2qa_retrieve_ms": answer.timings_ms.get("retrieve"),
                  "baseline_top5_chars": sum(len(n.node.get_content()) for n in base_top),
                  "her2qa_top5_chars": sum(len(r.text) for r in her_top)}
        if item.answerable:
            # baseline: quotes located in the corpus file text the splitter saw
            spans = [s for s in locate_quotes(baseline.text, item.evidence) if s is not None]
            node_spans = [baseline.spans[n.node.node_id] for n in base_top]
            b_hits = baseline_quote_hits(spans, node_spans)
            # her2qa: each quote's gold chunks
            per_quote = her2qa_quote_chunks(item, assistant.corpus)
            her_ids = [r.chunk_id for r in her_top]
            h_hits = [bool(set(her_ids) & gold) for gold in per_quote]
            gold = gold_for(item, assistant.corpus)
            record.update({
                "quotes": len(item.evidence), "quotes_located_baseline": len(spans),
                "quotes_located_her2qa": len(per_quote),
                "baseline_recall5": sum(b_hits) / len(b_hits) if b_hits else None,
                "her2qa_recall5": sum(h_hits) / len(h_hits) if h_hits else None,
                "baseline_hit5": any(b_hits) if b_hits else None,
                "her2qa_hit5": any(h_hits) if h_hits else None,
                "her2qa_gold_chunk_r5": (len(set(her_ids) & gold.relevant) / len(gold.relevant)
                                         if gold.relevant else None),
                "her2qa_gold_chunk_success5": bool(set(her_ids) & gold.relevant) if gold.relevant else None,
                "baseline_facts5": facts_in(item.key_facts, "\n".join(n.node.get_content() for n in base_top)),
                "her2qa_facts5": facts_in(item.key_facts, "\n".join(r.text for r in her_top)),
                "her2qa_answer_facts": facts_in(item.key_facts, answer.answer) if not answer.abstained else
                (False if item.key_facts else None),
            })
        records.append(record)

    answerable = [r for r in records if r["answerable"]]

    def share(key):
        flags = [r[key] for r in answerable if r.get(key) is not None]
        return (round(sum(bool(f) for f in flags) / len(flags), 4), len(flags)) if flags else (None, 0)

    summary = {
        "file": str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path),
        "items": len(records), "answerable": len(answerable),
        "baseline": {
            "p50_ms": percentile([r["baseline_ms"] for r in records], 50),
            "p95_ms": percentile([r["baseline_ms"] for r in records], 95),
            "evidence_recall5": mean([r.get("baseline_recall5") for r in answerable]),
            "evidence_hit5": share("baseline_hit5")[0],
            "facts_in_top5": share("baseline_facts5")[0],
            "mean_top5_chars": round(mean([r["baseline_top5_chars"] for r in records])),
        },
        "her2qa": {
            "p50_ms": percentile([r["her2qa_ms"] for r in records], 50),
            "p95_ms": percentile([r["her2qa_ms"] for r in records], 95),
            "retrieve_p50_ms": percentile([r["her2qa_retrieve_ms"] for r in records if r["her2qa_retrieve_ms"]], 50),
            "retrieve_p95_ms": percentile([r["her2qa_retrieve_ms"] for r in records if r["her2qa_retrieve_ms"]], 95),
            "evidence_recall5": mean([r.get("her2qa_recall5") for r in answerable]),
            "evidence_hit5": share("her2qa_hit5")[0],
            "gold_chunk_r5": mean([r.get("her2qa_gold_chunk_r5") for r in answerable]),
            "gold_chunk_success5": share("her2qa_gold_chunk_success5")[0],
            "facts_in_top5": share("her2qa_facts5")[0],
            "facts_in_answer": share("her2qa_answer_facts")[0],
            "mean_top5_chars": round(mean([r["her2qa_top5_chars"] for r in records])),
        },
        "scored": {"evidence_baseline": sum(r.get("baseline_recall5") is not None for r in answerable),
                   "evidence_her2qa": sum(r.get("her2qa_recall5") is not None for r in answerable),
                   "facts": share("baseline_facts5")[1]},
    }
    return {"summary": summary, "records": records}


def ratio(a, b):
    return round(a / b, 2) if a is not None and b else None


def table(summary: dict) -> str:
    b, h = summary["baseline"], summary["her2qa"]
    rows = [
        ("evidence recall@5 (quotes)", b["evidence_recall5"], h["evidence_recall5"], "{:.3f}"),
        ("evidence hit@5 (≥1 quote)", b["evidence_hit5"], h["evidence_hit5"], "{:.3f}"),
        ("all key facts in top 5", b["facts_in_top5"], h["facts_in_top5"], "{:.3f}"),
        ("latency p50 (ms)", b["p50_ms"], h["p50_ms"], "{:.1f}"),
        ("latency p95 (ms)", b["p95_ms"], h["p95_ms"], "{:.1f}"),
        ("mean top-5 text (chars)", b["mean_top5_chars"], h["mean_top5_chars"], "{:,}"),
    ]
    lines = ["| measure | llama-index baseline | her2qa | her2qa / baseline |", "|---|---:|---:|---:|"]
    for name, bv, hv, fmt in rows:
        show = lambda v: fmt.format(v) if v is not None else "–"  # noqa: E731
        r = ratio(hv, bv)
        lines.append(f"| {name} | {show(bv)} | {show(hv)} | {f'{r:.2f}×' if r is not None else '–'} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, nargs="*", default=None,
                        help="question files (default: those of eval/questions.jsonl, eval/dev.jsonl, eval/test.jsonl that exist)")
    parser.add_argument("--limit", type=int, default=None, help="first N items of each file (quick runs)")
    parser.add_argument("--index-dir", type=Path,
                        default=Path(os.environ.get("HER2QA_INDEX_DIR", "/tmp/bench-index-sbs")),
                        help="her2qa index folder (built here if missing or stale)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args(argv)
    # eval/questions.jsonl (283 items) became eval/dev.jsonl (283 + 100 natural) on 2026-11-29: take what exists.
    files = args.questions or [p for p in (ROOT / "eval" / "questions.jsonl", ROOT / "eval" / "dev.jsonl",
                                           ROOT / "eval" / "test.jsonl") if p.exists()]
    files = [p.resolve() for p in files]  # absolute: nothing below may depend on the working directory
    from her2qa.evaluation.dataset import load_questions

    for path in files:
        load_questions(path)  # fail before the slow part

    from her2qa.assistant import Assistant
    from her2qa.settings import Settings
    from her2qa.store import build_index

    settings = Settings(index_dir=args.index_dir)
    load_before = os.getloadavg()
    started = time.strftime("%Y-%m-%d %H:%M:%S")
    t0 = time.perf_counter()
    report = build_index(settings)  # skipped when the manifest matches
    her_build_s = time.perf_counter() - t0
    with tempfile.TemporaryDirectory(prefix="bench-sbs-") as tmp:
        baseline = Baseline(Path(tmp))
        assistant = Assistant(settings)
        results = [run_file(path, baseline, assistant, args.limit) for path in files]
        described = baseline.describe()
    load_after = os.getloadavg()

    header = (f"Side by side, one run ({started}; niceness {os.nice(0)}; load average before "
              f"{load_before[0]:.2f}, after {load_after[0]:.2f}; 2 shared cores, figures are noisy)\n"
              f"baseline: SimpleDirectoryReader → {described['chunker']} → {described['chunks']} chunks "
              f"(mean {described['mean_chunk_chars']:,} chars) → HuggingFaceEmbedding(bundled all-MiniLM-L6-v2) → "
              f"Chroma → top-5 retriever (built in {described['build_s']} s)\n"
              f"her2qa:   Assistant(Settings(index_dir={args.index_dir})).ask(q), default settings, top 5 of "
              f"`retrieved` (index {'reused' if report.skipped else f'built in {her_build_s:.1f} s'})")
    parts = [header]
    for result in results:
        s = result["summary"]
        h = s["her2qa"]
        parts.append(
            f"\n{s['file']}: {s['items']} items ({s['answerable']} answerable; evidence scored on "
            f"{s['scored']['evidence_baseline']} baseline / {s['scored']['evidence_her2qa']} her2qa items, "
            f"key facts on {s['scored']['facts']})\n\n{table(s)}\n\n"
            f"her2qa latency is a whole answer (retrieval {h['retrieve_p50_ms']} / {h['retrieve_p95_ms']} ms "
            f"p50/p95 of it); the baseline's is retrieval only.\n"
            f"her2qa against the eval's own gold (gold_for, incl. reference entries): chunk R@5 "
            f"{h['gold_chunk_r5']}, Success@5 {h['gold_chunk_success5']}; key facts in its answer text "
            f"{h['facts_in_answer']}.")
    text = "\n".join(parts)
    print(text)
    args.out.mkdir(parents=True, exist_ok=True)
    stem = "side_by_side_" + "+".join(Path(r["summary"]["file"]).stem for r in results)
    if args.limit:
        stem += f"_first{args.limit}"
    (args.out / f"{stem}.md").write_text(text + "\n")
    (args.out / f"{stem}.json").write_text(json.dumps({
        "started": started, "load_before": load_before, "load_after": load_after, "baseline": described,
        "her2qa_index": str(args.index_dir), "results": results}, indent=2) + "\n")
    print(f"saved {args.out / stem}.{{json,md}}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
