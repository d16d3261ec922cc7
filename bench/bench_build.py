"""Time a full index build (fresh process, fresh temp folder) and a skipped rebuild.

Target: under 30 s on 2 cores for the shipped corpus. Prints figures; asserts nothing.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

HER2QA = [sys.executable, "-m", "her2qa.cli"]


def timed(args: list[str]) -> tuple[float, str]:
    started = time.perf_counter()
    out = subprocess.run(args, capture_output=True, text=True, check=True)
    return time.perf_counter() - started, out.stdout


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        index = str(Path(tmp) / "index")
        full, summary = timed(HER2QA + ["build", "--index-dir", index])
        skipped, _ = timed(HER2QA + ["build", "--index-dir", index])
    print(summary.rstrip())
    print(f"full build, wall clock incl. interpreter start: {full:.1f} s (target < 30 s)")
    print(f"unchanged rebuild (skipped):                    {skipped:.1f} s")


if __name__ == "__main__":
    main()
