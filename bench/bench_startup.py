#!/usr/bin/env python3
"""Startup time of the web UI: from launching `make run` to the first served page and the first answer.

    .venv/bin/python bench/bench_startup.py [--runs N] [--index-dir DIR] [--via make|serve]
                                            [--repo DIR] [--json PATH]

Each run starts a fresh server on a free loopback port — by default the real ``make run`` in the
repository (``--via make``: make's install check, then ``her2qa serve --build-if-needed``, whose
in-process index check reads the manifest; the port comes from ``GRADIO_SERVER_PORT``), or
``her2qa serve`` itself (``--via serve``) — and times, from the moment the command is started:
  * page: launch → first HTTP 200 on ``/``;
  * first answer: launch → first ``/ask`` answer, asked through ``gradio_client`` as soon as the
    page is up (includes the client's own set-up requests, and loading corpus and index; the
    embedding model loads afterwards, so this answer uses keyword retrieval; target ≤ 8 s);
  * ready: launch → the server's "ready to answer" line (when it printed one);
  * CPU: seconds of CPU the launched processes had used when the page and the answer arrived
    (less sensitive than wall time to other work on a shared machine).
The server's own start-up steps (seconds since its process started) are printed too.
Prints every run, the load average before it and the medians; exits 0 either way — this is a
measurement, not a test. Uses the index in ``HER2QA_INDEX_DIR`` (default ``index/``; run
``her2qa build`` first). ``--repo`` times another checkout (e.g. an export of an older commit
with a ``.venv`` link to this one's) with the same index, for before/after comparisons; given
several times, the runs alternate between the checkouts.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
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


class Output:
    """The server's output lines with the time each arrived (seconds since launch)."""

    def __init__(self, stream, started: float):
        self.lines: list[tuple[float, str]] = []
        self._thread = threading.Thread(target=self._read, args=(stream, started), daemon=True)
        self._thread.start()

    def _read(self, stream, started: float) -> None:
        for line in stream:
            self.lines.append((time.perf_counter() - started, line.rstrip()))

    def first(self, pattern: str) -> tuple[float, re.Match] | None:
        for at, line in list(self.lines):
            match = re.search(pattern, line)
            if match:
                return at, match
        return None

    def text(self) -> str:
        return "\n".join(line for _, line in self.lines)


def session_cpu_s(session: int) -> float:
    """CPU seconds (user + system, children that were waited for included) used so far by the
    processes of ``session`` (the launched command and everything it started; Linux only)."""
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session:  # field 6 of stat: the session id
            ticks += sum(int(f) for f in fields[11:15])  # utime stime cutime cstime
    return ticks / os.sysconf("SC_CLK_TCK")


def one_run(index_dir: Path, timeout: float, ask: bool, via: str = "make", repo: Path = ROOT,
            settle: float = 0.0) -> dict:
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "HER2QA_INDEX_DIR": str(index_dir), "NO_PROXY": "127.0.0.1,localhost",
           "GRADIO_SERVER_PORT": str(port), "PYTHONUNBUFFERED": "1"}
    env.pop("HER2QA_PORT", None)
    if repo != ROOT:
        env["PYTHONPATH"] = str(repo / "src")
    argv = make_argv(port) if via == "make" else serve_argv(port)
    run = {"load_before": round(os.getloadavg()[0], 2)}
    started = time.perf_counter()
    # its own process group: `make` starts the server as a child, and both are stopped below
    proc = subprocess.Popen(argv, cwd=repo, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, start_new_session=True)
    output = Output(proc.stdout, started)
    try:
        page_s = None
        while time.perf_counter() - started < timeout:
            if proc.poll() is not None:
                time.sleep(0.2)
                raise RuntimeError(f"server exited with {proc.returncode}:\n{output.text()[-3000:]}")
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200:
                        page_s = time.perf_counter() - started
                        break
            except OSError:
                time.sleep(0.05)
        if page_s is None:
            raise RuntimeError(f"no page within {timeout} s")
        run["page_s"] = round(page_s, 2)
        run["cpu_at_page_s"] = round(session_cpu_s(proc.pid), 2)
        if ask:
            from gradio_client import Client

            client = Client(url, verbose=False)
            run["client_ready_s"] = round(time.perf_counter() - started, 2)
            result = client.predict(QUESTION, api_name="/ask")
            run["answer_s"] = round(time.perf_counter() - started, 2)
            run["cpu_at_answer_s"] = round(session_cpu_s(proc.pid), 2)
            run["answer_notice"] = result.get("notice", "")
            run["answer_cites"] = len(result.get("citations") or [])
            if result.get("error"):
                run["answer_error"] = result["error"]
                print(f"  (first answer was an error: {result['error']})")
        deadline = time.perf_counter() + settle
        while time.perf_counter() < deadline and not output.first(r"embedding model \w+ [\d.]+ s after start"):
            time.sleep(0.2)
        up = output.first(r"page up ([\d.]+) s after start: ([^;]*)")
        if up:
            run["server_page_steps"] = up[1].group(2)
        ready = output.first(r"(?:ready to answer|\(ready) ([\d.]+) s after start")  # now | before
        if ready:
            run["ready_line_s"] = round(ready[0], 2)
            run["server_ready_s"] = float(ready[1].group(1))
        dense = output.first(r"embedding model \w+ ([\d.]+) s after start")
        if dense:
            run["dense_line_s"] = round(dense[0], 2)
        return run
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
    parser.add_argument("--via", choices=["make", "serve"], default="make",
                        help="start with the real `make run` (default) or `her2qa serve`")
    parser.add_argument("--repo", type=Path, action="append", default=None,
                        help="checkout to start (default: this one); repeat to alternate runs between checkouts")
    parser.add_argument("--settle", type=float, default=0.0,
                        help="after the answer, wait up to this long for the embedding model's line")
    parser.add_argument("--json", type=Path, default=None, help="also write the runs as JSON here")
    args = parser.parse_args(argv)

    from her2qa.settings import Settings
    from her2qa.store import IndexUnavailable, read_manifest

    settings = Settings(**({"index_dir": args.index_dir} if args.index_dir else {}))
    try:
        read_manifest(settings)
    except IndexUnavailable as exc:
        print(f"bench_startup: {exc}", file=sys.stderr)
        return 2

    what = "make run" if args.via == "make" else "her2qa serve"
    repos = [repo.resolve() for repo in (args.repo or [ROOT])]
    print(f"timing `{what}` in {', '.join(map(str, repos))}" + (" (alternating)" if len(repos) > 1 else "")
          + f"; {os.cpu_count()} CPUs", flush=True)
    runs: dict[Path, list[dict]] = {repo: [] for repo in repos}
    for number in range(1, args.runs + 1):
        for repo in repos:  # alternating, so a change in the machine's load hits every checkout alike
            run = one_run(settings.index_dir, args.timeout, ask=not args.no_answer, via=args.via,
                          repo=repo, settle=args.settle)
            runs[repo].append(run)
            extra = (f", first answer {run['answer_s']:.2f} s (CPU used by then: page {run['cpu_at_page_s']:.1f} s,"
                     f" answer {run['cpu_at_answer_s']:.1f} s)" if "answer_s" in run else "")
            ready = f", server ready line {run['ready_line_s']:.2f} s" if "ready_line_s" in run else ""
            dense = f", embedding model {run['dense_line_s']:.2f} s" if "dense_line_s" in run else ""
            label = f"{repo.name} " if len(repos) > 1 else ""
            print(f"{label}run {number} (load {run['load_before']:.2f}): first page {run['page_s']:.2f} s"
                  f"{extra}{ready}{dense}", flush=True)
            if "server_page_steps" in run:
                print(f"    server steps (s since its start): {run['server_page_steps']}", flush=True)

    for repo in repos:
        label = f" in {repo}" if len(repos) > 1 else ""
        pages = [r["page_s"] for r in runs[repo]]
        answers = [r["answer_s"] for r in runs[repo] if "answer_s" in r]
        page = statistics.median(pages)
        verdict = "OK" if page <= TARGET_PAGE_S else "OVER TARGET"
        print(f"startup to first page ({what}{label}): median {page:.2f} s over {len(pages)} runs "
              f"(min {min(pages):.2f}, max {max(pages):.2f}); target ≤ {TARGET_PAGE_S:.0f} s: {verdict}")
        if answers:
            answer = statistics.median(answers)
            print(f"startup to first answer ({what}{label}): median "
                  f"{answer:.2f} s over {len(answers)} runs (min {min(answers):.2f}, max {max(answers):.2f}); "
                  f"target ≤ {TARGET_ANSWER_S:.0f} s: {'OK' if answer <= TARGET_ANSWER_S else 'OVER TARGET'}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"command": what, "question": QUESTION, "cpus": os.cpu_count(),
                                         "runs": {str(repo): runs[repo] for repo in repos}}, indent=2) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
