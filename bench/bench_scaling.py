#!/usr/bin/env python3
"""Chroma store scaling: query p50/p95 and insert throughput at growing collection sizes.

    nice -n 10 .venv/bin/python bench/bench_scaling.py [--sizes 10000,100000,1000000]
        [--modes embedded,server] [--queries 200] [--batch N] [--out bench/results]

The vectors are SYNTHETIC: random unit vectors of 384 dimensions (the dimension of the bundled
all-MiniLM-L6-v2), drawn from a seeded Gaussian and normalised, in a cosine-space collection
(her2qa's own collections use ``hnsw:space=cosine``). Queries are fresh random unit vectors, top 5.
Random vectors are the hard case for HNSW (no cluster structure), so the ANN recall printed beside
the latency is a lower bound of what real embeddings give.

Each mode fills ONE collection in stages: insert up to the first size, measure queries, insert up
to the next size, measure again… ("insert/s" is the throughput of that stage's inserts, in batches
of the client's ``get_max_batch_size()`` unless ``--batch`` says otherwise).

* embedded: ``chromadb.PersistentClient`` in this process, its own temp folder;
* server:   ``chroma run --path TMP --host 127.0.0.1 --port N`` (a subprocess, same niceness)
            queried with ``chromadb.HttpClient``.

Target reported against: p95 ≤ 100 ms at 1M vectors on the server. Prints a table and writes
``bench/results/scaling_<sizes>.{json,md,png}``. Exits 0 either way: a measurement, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DIM = 384
SEED = 20231
TARGET_P95_MS = 100.0
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


# ------------------------------------------------------------------------------------ helpers

def label(n: int) -> str:
    return f"{n // 1_000_000}M" if n >= 1_000_000 and n % 1_000_000 == 0 else (
        f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else str(n))


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values, dtype=float), q)) if values else float("nan")


def unit_vectors(start: int, count: int) -> np.ndarray:
    """Vectors start..start+count of the deterministic synthetic set (any slice regenerates the same)."""
    out = np.empty((count, DIM), dtype=np.float32)
    block = 10_000
    done = 0
    while done < count:
        index = start + done
        b, offset = divmod(index, block)
        rng = np.random.default_rng([SEED, b])
        chunk = rng.standard_normal((block, DIM), dtype=np.float32)[offset:]
        take = min(len(chunk), count - done)
        out[done:done + take] = chunk[:take]
        done += take
    out /= np.linalg.norm(out, axis=1, keepdims=True)
    return out


def query_vectors(count: int) -> np.ndarray:
    rng = np.random.default_rng([SEED, 999_999])
    q = rng.standard_normal((count, DIM), dtype=np.float32)
    return q / np.linalg.norm(q, axis=1, keepdims=True)


def exact_top5(queries: np.ndarray, total: int) -> list[set[int]]:
    """Brute-force cosine top-5 ids over the first ``total`` synthetic vectors (for ANN recall)."""
    best_scores = np.full((len(queries), 5), -np.inf, dtype=np.float32)
    best_ids = np.zeros((len(queries), 5), dtype=np.int64)
    step = 100_000
    for start in range(0, total, step):
        block = unit_vectors(start, min(step, total - start))
        scores = queries @ block.T
        ids = np.arange(start, start + len(block))
        merged_s = np.concatenate([best_scores, scores], axis=1)
        merged_i = np.concatenate([best_ids, np.broadcast_to(ids, scores.shape)], axis=1)
        top = np.argpartition(-merged_s, 5, axis=1)[:, :5]
        best_scores = np.take_along_axis(merged_s, top, axis=1)
        best_ids = np.take_along_axis(merged_i, top, axis=1)
    return [set(row.tolist()) for row in best_ids]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def dir_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20


def chroma_settings():
    from chromadb.config import Settings as ChromaSettings

    return ChromaSettings(anonymized_telemetry=False)


def start_server(path: Path, log_path: Path) -> tuple[subprocess.Popen, int]:
    chroma = Path(sys.executable).with_name("chroma")
    port = free_port()
    argv = [str(chroma) if chroma.exists() else "chroma", "run", "--path", str(path),
            "--host", "127.0.0.1", "--port", str(port)]
    log = open(log_path, "w")
    proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT,
                            env={**os.environ, "ANONYMIZED_TELEMETRY": "False"})
    import chromadb

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"chroma run exited with {proc.returncode}: {log_path.read_text()[-2000:]}")
        try:
            chromadb.HttpClient(host="127.0.0.1", port=port, settings=chroma_settings()).heartbeat()
            return proc, port
        except Exception:
            time.sleep(0.3)
    proc.terminate()
    raise RuntimeError("chroma run did not answer its heartbeat within 60 s")


def stop(proc: subprocess.Popen | None) -> None:
    if proc is not None and proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# ------------------------------------------------------------------------------------ one mode

def run_mode(mode: str, sizes: list[int], n_queries: int, batch: int | None, workdir: Path,
             recall_queries: int, budget_s: float | None = None) -> list[dict]:
    import chromadb

    data_dir = workdir / f"chroma-{mode}"
    server, pid = None, os.getpid()
    if mode == "embedded":
        client = chromadb.PersistentClient(path=str(data_dir), settings=chroma_settings())
    else:
        server, port = start_server(data_dir, workdir / "chroma-server.log")
        pid = server.pid
        client = chromadb.HttpClient(host="127.0.0.1", port=port, settings=chroma_settings())
    rows: list[dict] = []
    try:
        max_batch = client.get_max_batch_size()
        batch = min(batch or max_batch, max_batch)
        collection = client.create_collection("scaling", metadata={"hnsw:space": "cosine"})
        queries = query_vectors(n_queries)
        have = 0
        mode_started = time.perf_counter()
        for target in sizes:
            size = target
            insert_s = 0.0
            before = have
            while have < size:
                if budget_s and time.perf_counter() - mode_started > budget_s:
                    size = have  # out of time: measure the collection as far as it got
                    print(f"  [{mode}] insert budget of {budget_s / 60:.0f} min spent at {have:,} vectors",
                          file=sys.stderr, flush=True)
                    break
                count = min(batch, size - have)
                vectors = unit_vectors(have, count)  # generated outside the timed part
                ids = [str(i) for i in range(have, have + count)]
                t0 = time.perf_counter()
                collection.add(ids=ids, embeddings=vectors)
                insert_s += time.perf_counter() - t0
                have += count
                if have // 100_000 != (have - count) // 100_000 or have == size:
                    print(f"  [{mode}] {have:>9,} vectors inserted ({insert_s:7.1f} s this stage)",
                          file=sys.stderr, flush=True)
            added = size - before
            if added <= 0:
                break
            assert collection.count() == size, (collection.count(), size)
            for q in queries[:10]:  # warm-up (first query loads the segment)
                collection.query(query_embeddings=[q], n_results=5, include=["distances"])
            latencies, found = [], []
            for q in queries:
                t0 = time.perf_counter()
                result = collection.query(query_embeddings=[q], n_results=5, include=["distances"])
                latencies.append((time.perf_counter() - t0) * 1000)
                found.append({int(i) for i in result["ids"][0]})
            recall = None
            if recall_queries:
                exact = exact_top5(queries[:recall_queries], size)
                recall = float(np.mean([len(f & e) / 5 for f, e in zip(found, exact)]))
            row = {
                "mode": mode, "size": size, "target_size": target, "inserted_this_stage": added, "batch": batch,
                "insert_s": round(insert_s, 2), "insert_per_s": round(added / insert_s, 1) if insert_s else None,
                "queries": len(latencies), "query_p50_ms": round(percentile(latencies, 50), 2),
                "query_p95_ms": round(percentile(latencies, 95), 2),
                "query_max_ms": round(max(latencies), 2), "ann_recall_at_5": recall,
                "rss_mb": round(rss_mb(pid), 1), "disk_mb": round(dir_mb(data_dir), 1),
            }
            rows.append(row)
            print(f"  [{mode}] {label(size):>5}: insert {row['insert_per_s']:>9,.0f}/s  query p50 "
                  f"{row['query_p50_ms']:.2f} ms  p95 {row['query_p95_ms']:.2f} ms  recall@5 "
                  f"{recall if recall is not None else float('nan'):.3f}  rss {row['rss_mb']:.0f} MB",
                  file=sys.stderr, flush=True)
            if size < target:
                break
    finally:
        del client
        stop(server)
        shutil.rmtree(data_dir, ignore_errors=True)
    return rows


# ------------------------------------------------------------------------------------ output

def table(rows: list[dict]) -> str:
    lines = ["| mode | vectors | insert/s (this stage) | query p50 ms | query p95 ms | max ms | ANN recall@5 "
             "| RSS MB | disk MB |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        recall = f"{r['ann_recall_at_5']:.3f}" if r["ann_recall_at_5"] is not None else "–"
        size = f"{r['size']:,}" + (f" (of {r['target_size']:,}: budget)" if r.get("target_size", r["size"]) > r["size"] else "")
        lines.append(f"| {r['mode']} | {size} | {r['insert_per_s']:,.0f} | {r['query_p50_ms']:.2f} "
                     f"| {r['query_p95_ms']:.2f} | {r['query_max_ms']:.1f} | {recall} | {r['rss_mb']:,.0f} "
                     f"| {r['disk_mb']:,.0f} |")
    return "\n".join(lines)


def plot(rows: list[dict], path: Path, title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.2))
    for mode, colour in (("embedded", "tab:blue"), ("server", "tab:orange")):
        rs = [r for r in rows if r["mode"] == mode]
        if not rs:
            continue
        xs = [r["size"] for r in rs]
        ax1.plot(xs, [r["query_p50_ms"] for r in rs], "o-", color=colour, label=f"{mode} p50")
        ax1.plot(xs, [r["query_p95_ms"] for r in rs], "s--", color=colour, label=f"{mode} p95")
        ax2.plot(xs, [r["insert_per_s"] for r in rs], "o-", color=colour, label=mode)
    ax1.axhline(TARGET_P95_MS, color="red", lw=0.8, ls=":", label="target p95 100 ms")
    for ax in (ax1, ax2):
        ax.set_xscale("log")
        ax.set_xlabel("vectors in collection (synthetic, 384-d)")
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8)
    ax1.set_yscale("log")
    ax1.set_ylabel("top-5 query latency (ms)")
    ax1.set_title("query latency")
    ax2.set_ylabel("inserted vectors / s")
    ax2.set_title("insert throughput")
    fig.suptitle(title, fontsize=9)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000", help="comma-separated, ascending (default 10000; "
                        "the full run is 10000,100000,1000000)")
    parser.add_argument("--modes", default="embedded,server", help="in this order")
    parser.add_argument("--queries", type=int, default=200, help="timed queries per size")
    parser.add_argument("--recall-queries", type=int, default=50, help="queries checked against exact top-5")
    parser.add_argument("--max-embedded", type=int, default=None,
                        help="largest size measured in embedded mode (the full run's budget cap)")
    parser.add_argument("--insert-budget-min", type=float, default=None,
                        help="per mode: stop inserting after this many minutes and measure the size reached")
    parser.add_argument("--batch", type=int, default=None, help="insert batch (default: client max)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    parser.add_argument("--workdir", type=Path, default=None, help="where the temp Chroma folders go")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # `kill` still stops the servers started here
    sizes = sorted({int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()})
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]

    import chromadb

    load_before = os.getloadavg()
    started = time.strftime("%Y-%m-%d %H:%M:%S")
    header = (f"Chroma {chromadb.__version__} store scaling — SYNTHETIC random unit vectors, {DIM}-d "
              f"(MiniLM's dimension), cosine, top-5; {args.queries} timed queries per size; "
              f"niceness {os.nice(0)}; {os.cpu_count()} CPUs; load before {load_before[0]:.2f}")
    print(header, flush=True)
    rows: list[dict] = []
    t_all = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-scaling-", dir=args.workdir) as tmp:
        for mode in modes:
            mode_sizes = [s for s in sizes if mode != "embedded" or not args.max_embedded or s <= args.max_embedded]
            rows += run_mode(mode, mode_sizes, args.queries, args.batch, Path(tmp), min(args.recall_queries, args.queries),
                             budget_s=args.insert_budget_min * 60 if args.insert_budget_min else None)
    load_after = os.getloadavg()
    total_s = time.perf_counter() - t_all

    md = table(rows)
    print(md)
    verdict = ""
    big = [r for r in rows if r["mode"] == "server" and r.get("target_size", r["size"]) >= 1_000_000]
    if big:
        p95, reached = big[-1]["query_p95_ms"], big[-1]["size"]
        verdict = (f"target p95 ≤ {TARGET_P95_MS:.0f} ms at 1M on the server: {p95:.1f} ms at {reached:,} vectors → "
                   + ("MET" if p95 <= TARGET_P95_MS else "MISSED") if reached >= 1_000_000 else
                   f"target p95 ≤ {TARGET_P95_MS:.0f} ms at 1M on the server: NOT MEASURED — the insert budget ran "
                   f"out at {reached:,} vectors, where p95 was {p95:.1f} ms")
    else:
        verdict = "target p95 ≤ 100 ms at 1M on the server: not measured in this run (use --sizes …,1000000)"
    footer = (f"{verdict}\nrun {started}, {total_s / 60:.1f} min; load average before {load_before[0]:.2f}, "
              f"after {load_after[0]:.2f} (2 cores shared with other jobs: figures are noisy)")
    print(footer)

    args.out.mkdir(parents=True, exist_ok=True)
    stem = "scaling_" + "-".join(label(s) for s in sizes)
    (args.out / f"{stem}.json").write_text(json.dumps({
        "header": header, "started": started, "total_s": round(total_s, 1), "sizes": sizes, "modes": modes,
        "synthetic": True, "dim": DIM, "seed": SEED, "target_p95_ms_at_1M_server": TARGET_P95_MS,
        "load_before": load_before, "load_after": load_after, "rows": rows, "verdict": verdict,
    }, indent=2) + "\n")
    (args.out / f"{stem}.md").write_text(f"{header}\n\n{md}\n\n{footer}\n")
    plot(rows, args.out / f"{stem}.png", header)
    print(f"saved {args.out / stem}.{{json,md,png}}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
