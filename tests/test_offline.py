"""Build and query with the network cut: nothing may download at run time."""

from __future__ import annotations

import json
import os
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


OFFLINE_VARIABLES = ["HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_HUB_DISABLE_TELEMETRY", "ANONYMIZED_TELEMETRY",
                     "GRADIO_ANALYTICS_ENABLED", "TOKENIZERS_PARALLELISM", "HF_HUB_DISABLE_PROGRESS_BARS", "DO_NOT_TRACK"]

ENV_SCRIPT = """
import json, os
before = dict(os.environ)
import her2qa, her2qa.settings, her2qa.inputs, her2qa.limits, her2qa.store, her2qa.embedding, her2qa.corpus
import her2qa.assistant, her2qa.cli, her2qa.ui
after = dict(os.environ)
print(json.dumps({k: [before.get(k), after.get(k)] for k in set(before) | set(after) if before.get(k) != after.get(k)}))
"""


def test_importing_her2qa_leaves_the_environment_alone():
    """`import her2qa` used to setdefault eight variables in the host process."""
    env = {k: v for k, v in os.environ.items() if k not in OFFLINE_VARIABLES}
    out = subprocess.run([sys.executable, "-c", ENV_SCRIPT], env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert json.loads(out.stdout.strip().splitlines()[-1]) == {}


def test_the_cli_process_pins_itself_offline():
    env = {k: v for k, v in os.environ.items() if k not in OFFLINE_VARIABLES}
    script = ("import os, sys; from her2qa import cli; sys.argv = ['her2qa', 'inspect', '--json'];\n"
              "try: cli.main()\nexcept SystemExit: pass\nprint('HF_HUB_OFFLINE=' + os.environ.get('HF_HUB_OFFLINE', ''))")
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=300)
    assert out.stdout.strip().endswith("HF_HUB_OFFLINE=1"), out.stderr[-2000:]


@pytest.mark.skipif(not can_unshare(), reason="network namespaces (unshare -n) are not permitted here")
@pytest.mark.parametrize("offline_variables", ["set", "unset"])
def test_build_and_query_without_network(tmp_path, offline_variables):
    """With the network cut, build and ask work — also for a library user who set none of the
    offline variables (models are loaded with local_files_only, Chroma without telemetry)."""
    corpus = mini_corpus(tmp_path / "corpus").parent
    env_free = ["env", "-u", "HTTP_PROXY", "-u", "HTTPS_PROXY", "-u", "http_proxy", "-u", "https_proxy"]
    if offline_variables == "unset":
        for name in OFFLINE_VARIABLES:
            env_free += ["-u", name]
    cmd = ["unshare", "-n", "sh", "-c", 'ip link set lo up && exec "$@"', "sh", *env_free,
           sys.executable, "-c", SCRIPT, str(corpus), str(tmp_path / "index")]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-3000:]
    assert "BUILT" in out.stdout and "5 nM" in out.stdout
