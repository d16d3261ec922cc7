#!/usr/bin/env python3
"""Load: simulated ``gradio_client`` users against the ``/ask`` API, one app or the team deployment.

    nice -n 10 .venv/bin/python bench/bench_load.py [--users 20,50] [--duration 60]
        [--scenarios single,team] [--think 0] [--out bench/results]

Scenarios (every process is a subprocess of this script, on free loopback ports):
* single: one ``her2qa serve --host 127.0.0.1 --port N`` over a local index (``HER2QA_INDEX_DIR``,
  default /tmp/bench-index-load, built first if missing);
* team:   one ``chroma run --path TMP --host 127.0.0.1 --port P``; ``her2qa build`` into it
  (``HER2QA_CHROMA_URL=http://127.0.0.1:P``); two ``her2qa serve`` processes pointing at it;
  users alternate between the two apps.

Each user is a thread with its own ``gradio_client.Client`` (created before the clock starts) that
asks ``/ask`` in a closed loop (next question as soon as the answer arrives, plus ``--think``
seconds), cycling through the eval questions from its own offset, for ``--duration`` seconds; a
request in flight at the end is waited for and counted. An error is an exception from ``predict``
or an answer whose ``error`` field is set. Server RSS (``/proc/<pid>/status`` VmRSS) is sampled
every 0.5 s. Prints a table and writes ``bench/results/load_<label>.{json,md}``. Exits 0 either way.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
OFFLINE = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "HF_HUB_DISABLE_TELEMETRY": "1",
           "ANONYMIZED_TELEMETRY": "False", "GRADIO_ANALYTICS_ENABLED": "False", "TOKENIZERS_PARALLELISM": "false",
           "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"}
os.environ.update(OFFLINE)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def percentile(values: list[float], q: float) -> float | None:
    from her2qa.evaluation.metrics import percentile as pct

    value = pct(values, q)
    return round(value, 1) if value is not None else None


def rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def tool(name: str) -> str:
    path = BIN / name
    return str(path) if path.exists() else name


# ------------------------------------------------------------------------------------ processes

class Proc:
    """A subprocess with its log; stopped (terminate, then kill) by ``stop``."""

    def __init__(self, name: str, argv: list[str], env: dict, logdir: Path):
        self.name, self.argv = name, argv
        self.log_path = logdir / f"{name}.log"
        self._log = open(self.log_path, "w")
        self.proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT)
        self.pid = self.proc.pid

    def check(self) -> None:
        if self.proc.poll() is not None:
            raise RuntimeError(f"{self.name} exited with {self.proc.returncode}:\n{self.log_path.read_text()[-3000:]}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._log.close()


def start_chroma(path: Path, env: dict, logdir: Path) -> tuple[Proc, str]:
    port = free_port()
    proc = Proc("chroma", [tool("chroma"), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
                env, logdir)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        proc.check()
        try:
            with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2) as response:
                if response.status == 200:
                    return proc, url
        except OSError:
            time.sleep(0.3)
    proc.stop()
    raise RuntimeError("chroma run did not answer within 60 s")


def start_app(name: str, env: dict, logdir: Path, timeout: float = 240.0) -> tuple[Proc, str]:
    """``her2qa serve`` on a free port; returns once ``/`` is up and ``/ask`` has answered once."""
    port = free_port()
    proc = Proc(name, [tool("her2qa"), "serve", "--host", "127.0.0.1", "--port", str(port)], env, logdir)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + timeout
    while True:
        proc.check()
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            pass
        if time.monotonic() > deadline:
            proc.stop()
            raise RuntimeError(f"{name} did not serve / within {timeout:.0f} s")
        time.sleep(0.3)
    from gradio_client import Client

    client = Client(url, verbose=False)
    while True:  # the assistant loads in the background after the page is up
        answer = client.predict("What is the DAR of T-DXd?", api_name="/ask")
        if isinstance(answer, dict) and not answer.get("error"):
            return proc, url
        if time.monotonic() > deadline:
            proc.stop()
            raise RuntimeError(f"{name} did not answer /ask within {timeout:.0f} s: {answer}")
        time.sleep(1)


# ------------------------------------------------------------------------------------ load

def run_load(urls: list[str], users: int, duration: float, think: float, questions: list[str],
             watched: dict[str, int]) -> dict:
    from gradio_client import Client

    clients: list = [None] * users
    errors_at_connect: list[str] = []

    def connect(i: int) -> None:
        try:
            clients[i] = Client(urls[i % len(urls)], verbose=False)
        except Exception as exc:  # counted, the user then does not run
            errors_at_connect.append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=connect, args=(i,)) for i in range(users)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    lock = threading.Lock()
    results: list[dict] = []
    samples: dict[str, list[float]] = {name: [] for name in watched}
    stop_sampling = threading.Event()

    def sample() -> None:
        while not stop_sampling.is_set():
            for name, pid in watched.items():
                value = rss_mb(pid)
                if value is not None:
                    samples[name].append(value)
            stop_sampling.wait(0.5)

    start_barrier = threading.Barrier(users + 1)
    t_start = [0.0]

    def user(i: int) -> None:
        client = clients[i]
        start_barrier.wait()
        k = 0
        while time.perf_counter() - t_start[0] < duration:
            question = questions[(i * 7 + k * users) % len(questions)]
            k += 1
            t0 = time.perf_counter()
            error = ""
            try:
                if client is None:
                    raise RuntimeError("client did not connect")
                answer = client.predict(question, api_name="/ask")
                if not isinstance(answer, dict):
                    error = f"unexpected reply {type(answer).__name__}"
                elif answer.get("error"):
                    error = f"app error: {str(answer['error'])[:200]}"
            except Exception as exc:
                error = f"{type(exc).__name__}: {str(exc)[:200]}"
            t1 = time.perf_counter()
            with lock:
                results.append({"user": i, "app": i % len(urls), "ms": (t1 - t0) * 1000, "end": t1, "error": error})
            if client is None:
                return
            if think:
                time.sleep(think)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    workers = [threading.Thread(target=user, args=(i,)) for i in range(users)]
    for w in workers:
        w.start()
    rss_start = {name: rss_mb(pid) for name, pid in watched.items()}
    t_start[0] = time.perf_counter()
    start_barrier.wait()
    for w in workers:
        w.join()
    elapsed = time.perf_counter() - t_start[0]
    stop_sampling.set()
    sampler.join()
    rss_end = {name: rss_mb(pid) for name, pid in watched.items()}

    ok = [r["ms"] for r in results if not r["error"]]
    errors = [r for r in results if r["error"]]
    in_window = [r for r in results if r["end"] - t_start[0] <= duration]
    per_app = {}
    for a, url in enumerate(urls):
        mine = [r["ms"] for r in results if r["app"] == a and not r["error"]]
        per_app[url] = {"requests": sum(r["app"] == a for r in results), "p50_ms": percentile(mine, 50),
                        "p95_ms": percentile(mine, 95)}
    kinds: dict[str, int] = {}
    for r in errors:
        kinds[r["error"][:120]] = kinds.get(r["error"][:120], 0) + 1
    return {
        "users": users, "duration_s": duration, "elapsed_s": round(elapsed, 1), "think_s": think,
        "requests": len(results), "errors": len(errors) + len(errors_at_connect), "error_kinds": kinds,
        "connect_errors": errors_at_connect,
        "p50_ms": percentile(ok, 50), "p95_ms": percentile(ok, 95), "max_ms": round(max(ok), 1) if ok else None,
        "rps": round(len(in_window) / duration, 2), "rps_incl_tail": round(len(results) / elapsed, 2),
        "rss_mb": {name: {"start": rss_start[name], "peak": max(samples[name], default=None), "end": rss_end[name]}
                   for name in watched},
        "per_app": per_app,
    }


# ------------------------------------------------------------------------------------ scenarios

def ensure_local_index(index_dir: Path, env: dict, logdir: Path) -> None:
    out = subprocess.run([tool("her2qa"), "build"], cwd=ROOT, env=env, capture_output=True, text=True)
    (logdir / "build-local.log").write_text(out.stdout + out.stderr)
    if out.returncode:
        raise RuntimeError(f"her2qa build failed:\n{out.stdout[-2000:]}{out.stderr[-2000:]}")


def single(args, questions, logdir: Path) -> list[dict]:
    env = {**os.environ, "HER2QA_INDEX_DIR": str(args.index_dir)}
    env.pop("HER2QA_CHROMA_URL", None)
    ensure_local_index(args.index_dir, env, logdir)
    app, url = start_app("app", env, logdir)
    rows = []
    try:
        for users in args.users:
            print(f"  single app: {users} users × {args.duration:.0f} s …", file=sys.stderr, flush=True)
            row = run_load([url], users, args.duration, args.think, questions, {"app": app.pid})
            app.check()
            rows.append({"scenario": "one app, local index", **row})
    finally:
        app.stop()
    return rows


def team(args, questions, logdir: Path) -> list[dict]:
    rows = []
    chroma_dir = Path(tempfile.mkdtemp(prefix="bench-load-chroma-", dir=logdir))
    chroma, chroma_url = start_chroma(chroma_dir, dict(os.environ), logdir)
    apps: list[Proc] = []
    try:
        env = {**os.environ, "HER2QA_CHROMA_URL": chroma_url, "HER2QA_INDEX_DIR": str(logdir / "team-index")}
        t0 = time.perf_counter()
        out = subprocess.run([tool("her2qa"), "build"], cwd=ROOT, env=env, capture_output=True, text=True)
        (logdir / "build-team.log").write_text(out.stdout + out.stderr)
        if out.returncode:
            raise RuntimeError(f"her2qa build into {chroma_url} failed:\n{out.stdout[-2000:]}{out.stderr[-2000:]}")
        print(f"  team: built into {chroma_url} in {time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)
        urls = []
        for name in ("app-a", "app-b"):
            app, url = start_app(name, env, logdir)
            apps.append(app)
            urls.append(url)
        watched = {"app-a": apps[0].pid, "app-b": apps[1].pid, "chroma": chroma.pid}
        for users in args.users:
            print(f"  team: {users} users × {args.duration:.0f} s over 2 apps …", file=sys.stderr, flush=True)
            row = run_load(urls, users, args.duration, args.think, questions, watched)
            for proc in apps + [chroma]:
                proc.check()
            rows.append({"scenario": "2 apps + 1 chroma server", **row})
    finally:
        for proc in apps:
            proc.stop()
        chroma.stop()
    return rows


def table(rows: list[dict]) -> str:
    lines = ["| scenario | users | requests | errors | p50 ms | p95 ms | max ms | req/s | server RSS MB (start → peak) |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        rss = "; ".join(f"{name} {v['start']:.0f} → {v['peak']:.0f}" for name, v in r["rss_mb"].items()
                        if v["start"] is not None and v["peak"] is not None)
        lines.append(f"| {r['scenario']} | {r['users']} | {r['requests']} | {r['errors']} | {r['p50_ms']} "
                     f"| {r['p95_ms']} | {r['max_ms']} | {r['rps']} | {rss} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", default="20,50", help="comma-separated user counts (default 20,50)")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds per load level (default 60)")
    parser.add_argument("--think", type=float, default=0.0, help="pause between a user's requests (s)")
    parser.add_argument("--scenarios", default="single,team")
    parser.add_argument("--questions", type=Path, default=next(
        (p for p in (ROOT / "eval" / "questions.jsonl", ROOT / "eval" / "dev.jsonl") if p.exists()),
        ROOT / "eval" / "dev.jsonl"))
    parser.add_argument("--index-dir", type=Path,
                        default=Path(os.environ.get("HER2QA_INDEX_DIR", "/tmp/bench-index-load")))
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # `kill` still stops the servers started here
    args.users = [int(u) for u in args.users.split(",") if u.strip()]
    scenarios = [s.strip() for s in args.scenarios.split(",") if s.strip()]

    from her2qa.evaluation.dataset import load_questions

    questions = [item.asked for item in load_questions(args.questions)]
    started = time.strftime("%Y-%m-%d %H:%M:%S")
    load_before = os.getloadavg()
    header = (f"Load on the /ask API ({started}; {len(questions)} eval questions cycled; closed loop, think "
              f"{args.think:g} s; {args.duration:g} s per level; niceness {os.nice(0)}; load generator in the "
              f"same 2 shared cores; load average before {load_before[0]:.2f})")
    print(header, flush=True)
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        logdir = Path(tmp)
        try:
            if "single" in scenarios:
                rows += single(args, questions, logdir)
            if "team" in scenarios:
                rows += team(args, questions, logdir)
        except Exception as exc:
            print(f"error: {exc}", file=sys.stderr)
            for log in sorted(logdir.glob("*.log")):
                text = re.sub(r"\x1b\[[0-9;]*m", "", log.read_text(errors="replace"))
                print(f"--- {log.name}\n{text[-3000:]}", file=sys.stderr)
    load_after = os.getloadavg()
    md = table(rows)
    errors = sum(r["errors"] for r in rows)
    kinds = {k: v for r in rows for k, v in r["error_kinds"].items()}
    footer = (f"errors: {errors} in {sum(r['requests'] for r in rows)} requests (target 0)"
              + (f"; kinds: {kinds}" if kinds else "")
              + f"\nload average after {load_after[0]:.2f}; figures are noisy (2 cores shared with other jobs)")
    print(md)
    print(footer)
    args.out.mkdir(parents=True, exist_ok=True)
    stem = f"load_u{'-'.join(map(str, args.users))}_d{args.duration:g}"
    (args.out / f"{stem}.md").write_text(f"{header}\n\n{md}\n\n{footer}\n")
    (args.out / f"{stem}.json").write_text(json.dumps({
        "header": header, "started": started, "load_before": load_before, "load_after": load_after,
        "rows": rows}, indent=2) + "\n")
    print(f"saved {args.out / stem}.{{json,md}}")
    return 0 if rows else 1


if __name__ == "__main__":
    sys.exit(main())
