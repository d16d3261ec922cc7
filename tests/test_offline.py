"""Build and query with the network cut: nothing may download at run time."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from .test_store import mini_corpus

SCRIPT = """
import sys
from pathlib import Path
from her2qa.settings import Settings
from her2qa.store import build_index
from her2qa.assistant import Assistant
s = Settings(corpus_dir=Path(sys.argv[1]), index_dir=Path(sys.argv[2]))
report = build_index(s)
answer = Assistant(s).ask("What is the IC50 of alpelisib in cell-free assays?")
print("BUILT", report.chunks, "|", answer.answer)
"""


def can_unshare() -> bool:
    if not shutil.which("unshare") or not shutil.which("ip"):
        return False
    probe = subprocess.run(["unshare", "-n", "sh", "-c", "ip link set lo up && echo ok"],
                           capture_output=True, text=True)
    return probe.returncode == 0 and "ok" in probe.stdout


@pytest.mark.skipif(not can_unshare(), reason="network namespaces (unshare -n) are not permitted here")
def test_build_and_query_without_network(tmp_path):
    corpus = mini_corpus(tmp_path / "corpus").parent
    env_free = ["env", "-u", "HTTP_PROXY", "-u", "HTTPS_PROXY", "-u", "http_proxy", "-u", "https_proxy"]
    cmd = ["unshare", "-n", "sh", "-c", 'ip link set lo up && exec "$@"', "sh", *env_free,
           sys.executable, "-c", SCRIPT, str(corpus), str(tmp_path / "index")]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-3000:]
    assert "BUILT" in out.stdout and "5 nM" in out.stdout
