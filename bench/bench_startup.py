#!/usr/bin/env python3
"""Startup time of the web UI: from launching ``her2qa serve`` to the first served page.

    .venv/bin/python bench/bench_startup.py [--runs N] [--index-dir DIR]

Each run starts a fresh server process on a free loopback port (``her2qa serve`` when the CLI
has the command, else ``python app.py``, which run the same code), and times:
  * page: launch → first HTTP 200 on ``/`` (target ≤ 8 s);
  * first answer: launch → first ``/ask`` answer (includes loading corpus, index and models,
    which happens in the background after the page is up).
Prints every run and the median; exits 0 either way — this is a measurement, not a test.
Uses the index in ``HER2QA_INDEX_DIR`` (default ``index/``; run ``her2qa build`` first).
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_PAGE_S = 8.0
QUESTION = "What was the median PFS with tucatinib versus placebo in HER2CLIMB?"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_argv(port: int) -> list[str]:
    """`her2qa serve` on a loopback port (the same code path as `python app.py`)."""
    return [sys.executable, "-m", "her2qa.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]


def one_run(index_dir: Path, timeout: float, ask: bool) -> tuple[float, float | None]:
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "HER2QA_INDEX_DIR": str(index_dir), "NO_PROXY": "127.0.0.1,localhost"}
    with tempfile.TemporaryFile("w+") as log:
        started = time.perf_counter()
        proc = subprocess.Popen(serve_argv(port), cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            page_s = None
            while time.perf_counter() - started < timeout:
                if proc.poll() is not None:
                    log.seek(0)
                    raise RuntimeError(f"server exited with {proc.returncode}:\n{log.read()[-3000:]}")
                try:
                    with urllib.request.urlopen(url, timeout=2) as response:
                        if response.status == 200:
                            page_s = time.perf_counter() - started
                            break
                except OSError:
                    time.sleep(0.05)
            if page_s is None:
                raise RuntimeError(f"no page within {timeout} s")
            answer_s = None
            if ask:
                from gradio_client import Client

                result = Client(url, verbose=False).predict(QUESTION, api_name="/ask")
                answer_s = time.perf_counter() - started
                if result.get("error"):
                    print(f"  (first answer was an error: {result['error']})")
            return page_s, answer_s
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="server starts to time (default 3)")
    parser.add_argument("--index-dir", type=Path, default=None, help="index to serve (default: settings)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for each start")
    parser.add_argument("--no-answer", action="store_true", help="only time the first page")
    args = parser.parse_args(argv)

    from her2qa.settings import Settings
    from her2qa.store import IndexUnavailable, read_manifest

    settings = Settings(**({"index_dir": args.index_dir} if args.index_dir else {}))
    try:
        read_manifest(settings)
    except IndexUnavailable as exc:
        print(f"bench_startup: {exc}", file=sys.stderr)
        return 2

    pages, answers = [], []
    for run in range(1, args.runs + 1):
        page_s, answer_s = one_run(settings.index_dir, args.timeout, ask=not args.no_answer)
        pages.append(page_s)
        extra = f", first answer {answer_s:.2f} s" if answer_s is not None else ""
        print(f"run {run}: first page {page_s:.2f} s{extra}", flush=True)
        if answer_s is not None:
            answers.append(answer_s)

    page = statistics.median(pages)
    verdict = "OK" if page <= TARGET_PAGE_S else "OVER TARGET"
    print(f"startup to first page: median {page:.2f} s over {len(pages)} runs "
          f"(min {min(pages):.2f}, max {max(pages):.2f}); target ≤ {TARGET_PAGE_S:.0f} s: {verdict}")
    if answers:
        print(f"startup to first answer: median {statistics.median(answers):.2f} s "
              "(models load in the background after the page is up)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
