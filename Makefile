# Two entry points do all set-up on a fresh machine:
#   make run   – install into .venv, build the index if missing, serve the chat UI on :7860
#   make test  – install (incl. Debian chromium for the browser test) and run the whole suite
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
HER2QA  = $(VENV)/bin/her2qa
STAMP   = $(VENV)/.installed-stamp
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 HF_HUB_DISABLE_TELEMETRY=1 ANONYMIZED_TELEMETRY=False \
       GRADIO_ANALYTICS_ENABLED=False TOKENIZERS_PARALLELISM=false PIP_DISABLE_PIP_VERSION_CHECK=1

.PHONY: install run index test bench eval chromium axe clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	# torch first and alone: the pinned CPU build on local disk (an unpinned torch pulls CUDA).
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[test,llm]'
	touch $(STAMP)

install: $(STAMP)

index: install
	$(HER2QA) build

# The index check runs inside the server (reads index/manifest.json, hashes the corpus) and
# builds first only when needed: no separate `her2qa build` process before every start.
run: install
	$(HER2QA) serve --build-if-needed

# Debian's chromium for the headless browser test (root only; the test skips without it).
chromium:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = "0" ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi

# axe-core (npm, pinned in package-lock.json) for the browser test's accessibility check.
axe: node_modules/axe-core/axe.min.js

node_modules/axe-core/axe.min.js: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --silent && touch $@; \
	else echo "npm not found: the accessibility check in the browser test will be skipped"; fi

test: install chromium axe
	$(PY) -m pytest -q

bench: index
	$(PY) bench/bench_build.py
	$(PY) bench/bench_latency.py
	$(PY) bench/bench_startup.py
	# Issue 9 benchmarks, quick defaults (full runs and their results: bench/README.md).
	nice -n 10 $(PY) bench/bench_side_by_side.py
	nice -n 10 $(PY) bench/bench_scaling.py --sizes 10000
	nice -n 10 $(PY) bench/bench_load.py --users 5,20 --duration 15

eval: index
	$(HER2QA) eval
	$(HER2QA) eval --split dev --ablations

clean:
	rm -rf $(VENV) index/chroma index/chroma-* index/manifest.json
