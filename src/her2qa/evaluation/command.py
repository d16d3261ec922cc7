"""``her2qa eval``: run the benchmark over an eval set and write a report."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from ..settings import PROJECT_ROOT

# dev: tuning, ablations and debugging. test: written blind from the review by a helper that never
# saw the engine; only run to report (README, CI gate). See eval/README.md.
SPLITS = {"dev": PROJECT_ROOT / "eval" / "dev.jsonl", "test": PROJECT_ROOT / "eval" / "test.jsonl"}
RESULTS_DIR = PROJECT_ROOT / "eval" / "results"


def code_version() -> str:
    """``git describe --always --dirty`` of the checkout, or '' outside git."""
    import subprocess

    try:
        return subprocess.run(["git", "describe", "--always", "--dirty"], cwd=PROJECT_ROOT, capture_output=True,
                              text=True, timeout=5).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def load_assistant(settings):
    """Load corpus, index and models once (tests swap this for a shared instance)."""
    from ..assistant import Assistant

    return Assistant(settings)


@click.command("eval")
@click.option("--split", type=click.Choice(sorted(SPLITS)), default="test", show_default=True,
              help="Which shipped eval set: dev (tuning) or test (blind, reported).")
@click.option("--questions", "questions_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Another eval set in the eval/*.jsonl format (overrides --split).")
@click.option("--ablations", is_flag=True, help="Also run bm25 / dense / hybrid / hybrid+rerank (and the LLM "
              "backend when configured) over the same questions.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Use at most N questions (spread over types).")
@click.option("--types", default="", help="Comma-separated question types to keep, e.g. numeric,table.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder [default: eval/results/<timestamp>/].")
@click.option("--no-plot", is_flag=True, help="Skip the PNG plot.")
@click.option("--preset", default="default", show_default=True,
              help="Settings preset for the main run: default, bm25, dense, hybrid, hybrid-rerank.")
def eval_command(split: str, questions_path: Path | None, ablations: bool, limit: int | None, types: str, out_dir: Path | None,
                 no_plot: bool, preset: str) -> None:
    """Benchmark retrieval, answers, citations, abstention and latency on an eval set."""
    from ..settings import Settings
    from ..store import IndexUnavailable
    from .dataset import QuestionFileError, load_questions, select
    from .report import console_summary, write_outputs
    from .runner import run_benchmark

    started = time.perf_counter()
    questions_path = questions_path or SPLITS[split]
    try:
        items = load_questions(questions_path)
    except QuestionFileError as exc:
        raise click.BadParameter(str(exc), param_hint="--questions") from exc
    wanted = [t.strip() for t in types.split(",") if t.strip()]
    unknown = sorted(set(wanted) - {i.type for i in items})
    if unknown:
        raise click.BadParameter(f"no items of type {', '.join(unknown)} in {questions_path}", param_hint="--types")
    items = select(items, wanted, limit)
    try:
        settings = Settings.preset(preset)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--preset") from exc
    except Exception as exc:  # invalid HER2QA_* environment
        raise click.ClickException(f"invalid settings: {exc}") from exc
    try:
        assistant = load_assistant(settings)
    except IndexUnavailable as exc:
        raise click.ClickException(str(exc)) from exc
    load_seconds = time.perf_counter() - started
    main, rows = run_benchmark(assistant, items, ablations=ablations, name=preset)
    meta = {
        "date": time.strftime("%Y-%m-%d %H:%M:%S"), "code": code_version(),
        "questions": str(questions_path), "types": wanted,
        "limit": limit, "preset": preset, "ablations": ablations,
        "seconds": time.perf_counter() - started, "load_seconds": load_seconds,
    }
    out_dir = out_dir or RESULTS_DIR / time.strftime("%Y%m%d-%H%M%S")
    paths = write_outputs(out_dir, main, rows, meta, make_plot=not no_plot)
    click.echo(console_summary(main, rows))
    click.echo(f"\nWrote {', '.join(str(p) for p in paths.values())}", err=True)
    sys.stdout.flush()
