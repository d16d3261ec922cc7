#!/usr/bin/env python3
"""Startup time of the web UI: from launching the server to the first served page and the first answer.

    .venv/bin/python bench/bench_startup.py [--runs N] [--index-dir DIR] [--via serve|make]

Each run starts a fresh server on a free loopback port — ``her2qa serve`` (default) or the real
``make run`` (``--via make``: the Makefile's install check and index check, then ``her2qa serve``;
the port comes from ``GRADIO_SERVER_PORT``) — and times:
  * page: launch → first HTTP 200 on ``/``;
  * first answer: launch → first ``/ask`` answer, asked as soon as the page is up (includes
    loading corpus, index and models, which starts before Gradio is imported; target ≤ 8 s).
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
TARGET_ANSWER_S = 8.0
QUESTION = "What was the median PFS with tucatinib versus placebo in HER2CLIMB?"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_argv(port: int) -> list[str]:
    """`her2qa serve` on a loopback port (the same code path as `python app.py`)."""
    return [sys.executable, "-m", "her2qa.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]


def make_argv(port: int) -> list[str]:
    """The README's `make run` (port through Gradio's standard variable)."""
    return ["make", "-s", "run"]


def one_run(index_dir: Path, timeout: float, ask: bool, via: str = "serve") -> tuple[float, float | None]:
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "HER2QA_INDEX_DIR": str(index_dir), "NO_PROXY": "127.0.0.1,localhost",
           "GRADIO_SERVER_PORT": str(port)}
    env.pop("HER2QA_PORT", None)
    argv = make_argv(port) if via == "make" else serve_argv(port)
    with tempfile.TemporaryFile("w+") as log:
        started = time.perf_counter()
        # its own process group: `make` starts the server as a child, and both are stopped below
        proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
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
            import signal

            try:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
            except ProcessLookupError:
                pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="server starts to time (default 3)")
    parser.add_argument("--index-dir", type=Path, default=None, help="index to serve (default: settings)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for each start")
    parser.add_argument("--no-answer", action="store_true", help="only time the first page")
    parser.add_argument("--via", choices=["serve", "make"], default="serve",
                        help="start with `her2qa serve` (default) or the real `make run`")
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
        page_s, answer_s = one_run(settings.index_dir, args.timeout, ask=not args.no_answer, via=args.via)
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
        answer = statistics.median(answers)
        print(f"startup to first answer ({'make run' if args.via == 'make' else 'her2qa serve'}): median "
              f"{answer:.2f} s over {len(answers)} runs (min {min(answers):.2f}, max {max(answers):.2f}); "
              f"target ≤ {TARGET_ANSWER_S:.0f} s: {'OK' if answer <= TARGET_ANSWER_S else 'OVER TARGET'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
