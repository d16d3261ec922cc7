"""Write a benchmark run to disk: report.md, metrics.json, answers.jsonl and a PNG plot."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .grading import problems, severity
from .runner import RunResult

# (key in a summary, column header, kind) — kind picks the number format.
SUMMARY_ROWS = (
    ("n", "items", "int"), ("n_answerable", "answerable", "int"), ("n_unanswerable", "unanswerable", "int"),
    ("R@1", "Recall@1", "frac"), ("R@5", "Recall@5", "frac"), ("R@10", "Recall@10", "frac"),
    ("Success@1", "gold in top 1", "frac"), ("Success@5", "gold in top 5", "frac"),
    ("RR@10", "MRR@10", "frac"), ("nDCG@10", "nDCG@10", "frac"),
    ("key_fact_recall", "key-fact recall (all facts in answer)", "frac"),
    ("fact_share", "key facts found (mean share)", "frac"),
    ("token_f1", "token F1 vs reference answer", "frac"),
    ("precision", "precision (correct ÷ answered)", "frac"),
    ("coverage", "coverage (answered ÷ answerable)", "frac"),
    ("citation_support", "citation support (supported ÷ cited passages)", "frac"),
    ("cited_rate", "answers with ≥1 citation", "frac"),
    ("reference_accuracy", "reference accuracy", "frac"),
    ("unanswerable_declined", "unanswerable declined", "frac"),
    ("false_decline", "answerable wrongly declined", "frac"),
    ("pass_rate", "items passing every check", "frac"),
    ("latency_p50_ms", "latency p50 (ms)", "ms"), ("latency_p95_ms", "latency p95 (ms)", "ms"),
    ("errors", "errors", "int"),
)
TABLE_COLUMNS = (
    ("n", "n", "int"), ("R@1", "R@1", "frac"), ("R@5", "R@5", "frac"), ("R@10", "R@10", "frac"),
    ("RR@10", "MRR@10", "frac"), ("nDCG@10", "nDCG@10", "frac"), ("key_fact_recall", "KF recall", "frac"),
    ("token_f1", "F1", "frac"), ("precision", "prec.", "frac"), ("coverage", "cov.", "frac"),
    ("citation_support", "cit. support", "frac"), ("reference_accuracy", "ref. acc.", "frac"),
    ("unanswerable_declined", "unans. declined", "frac"), ("false_decline", "false decline", "frac"),
    ("latency_p50_ms", "p50 ms", "ms"), ("latency_p95_ms", "p95 ms", "ms"),
)


def fmt(value: Any, kind: str) -> str:
    if value is None:
        return "—"
    if kind == "int":
        return str(int(value))
    if kind == "ms":
        return f"{value:.1f}"
    return f"{value:.3f}"


def summary_table(summary: dict[str, Any]) -> str:
    lines = ["| metric | value |", "|---|---:|"]
    lines += [f"| {label} | {fmt(summary.get(key), kind)} |" for key, label, kind in SUMMARY_ROWS]
    return "\n".join(lines)


def grid_table(rows: dict[str, dict[str, Any]], first: str) -> str:
    head = f"| {first} | " + " | ".join(label for _, label, _ in TABLE_COLUMNS) + " |"
    rule = "|---|" + "|".join("---:" for _ in TABLE_COLUMNS) + "|"
    body = [f"| {name} | " + " | ".join(fmt(summary.get(key), kind) for key, _, kind in TABLE_COLUMNS) + " |"
            for name, summary in rows.items()]
    return "\n".join([head, rule, *body])


def worst_items(records: list[dict], n: int = 10) -> list[dict]:
    failing = [r for r in records if not r["passed"]]
    return sorted(failing, key=severity)[:n]


def failures_table(records: list[dict], n: int = 10) -> str:
    lines = ["| id | type | question | what went wrong |", "|---|---|---|---|"]
    for r in worst_items(records, n):
        question = " → ".join(r["turns"]) if r["turns"] else r["question"]
        lines.append(f"| {r['id']} | {r['type']} | {_cell(question)} | {_cell('; '.join(problems(r)))} |")
    return "\n".join(lines)


def _cell(text: str, limit: int = 160) -> str:
    text = " ".join(text.split()).replace("|", "\\|")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def console_summary(main: RunResult, ablations: list[RunResult]) -> str:
    parts = [f"## Summary ({main.name}, {main.summary['n']} items, {main.seconds:.1f} s)", "",
             summary_table(main.summary), "", "## By question type", "", grid_table(main.by_type, "type")]
    if ablations:
        parts += ["", "## Ablations (same questions)", "", grid_table({r.name: r.summary for r in ablations}, "config")]
    return "\n".join(parts)


def markdown_report(main: RunResult, ablations: list[RunResult], meta: dict[str, Any]) -> str:
    settings = ", ".join(f"{k}={v}" for k, v in main.settings.items())
    parts = [
        "# her2qa benchmark", "",
        f"- date: {meta['date']}" + (f" (code {meta['code']})" if meta.get("code") else ""), f"- questions: `{meta['questions']}` ({main.summary['n']} items"
        + (f", types {', '.join(meta['types'])}" if meta.get("types") else "")
        + (f", limit {meta['limit']}" if meta.get("limit") else "") + ")",
        f"- preset: `{meta['preset']}`; settings: {settings}",
        f"- wall time: {meta['seconds']:.1f} s (load {meta['load_seconds']:.1f} s)", "",
        console_summary(main, ablations), "",
        "## Worst failing items", "", failures_table(main.records, 10), "",
        "## How the metrics are computed", "",
        "- Retrieval (ir-measures, pytrec-eval): a chunk is gold when it holds ≥ 50 % of a gold quote's characters"
        " (or lies mostly inside it); reference questions also count the asked reference-list entry. The run is"
        " the answer's `retrieved` list in rank order. Recall@k is the share of gold chunks in the top k;"
        " \"gold in top k\" is Success@k.",
        "- Key-fact recall: share of answerable items whose answer contains *every* key fact (case-insensitive,"
        " dashes/whitespace normalised, citation markers ignored, numbers matched whole). Declined = wrong.",
        "- Precision = correct ÷ answered (unanswerable items answered count as wrong); coverage = answered ÷ answerable.",
        "- Citation support: cited passages (answerable items) that overlap gold evidence or contain all key facts.",
        "- Reference accuracy: answerable items with gold references where a cited passage cites one of them.",
        "- Latency: `timings_ms.total` of the graded turn.",
    ]
    return "\n".join(parts) + "\n"


def metrics_payload(main: RunResult, ablations: list[RunResult], meta: dict[str, Any]) -> dict[str, Any]:
    return {
        "meta": meta,
        "main": {"name": main.name, "settings": main.settings, "seconds": main.seconds,
                 "summary": main.summary, "by_type": main.by_type},
        "ablations": [{"name": r.name, "settings": r.settings, "seconds": r.seconds, "reused_from": r.reused_from,
                       "summary": r.summary, "by_type": r.by_type} for r in ablations],
    }


def plot(main: RunResult, ablations: list[RunResult], path: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    keys = (("Success@5", "gold in top 5"), ("RR@10", "MRR@10"), ("key_fact_recall", "key-fact recall"),
            ("citation_support", "citation support"), ("reference_accuracy", "reference acc."),
            ("unanswerable_declined", "unans. declined"))
    panels = [("by question type", main.by_type)]
    if ablations:
        panels.append(("by configuration (ablations)", {r.name: r.summary for r in ablations}))
    fig, axes = plt.subplots(len(panels), 1, figsize=(12, 4.2 * len(panels)), squeeze=False)
    width = 0.8 / len(keys)
    for ax, (title, rows) in zip(axes[:, 0], panels):
        names = list(rows)
        for i, (key, label) in enumerate(keys):
            values = [rows[n].get(key) for n in names]
            xs = [x + (i - (len(keys) - 1) / 2) * width for x in range(len(names))]
            ax.bar(xs, [v if v is not None else 0 for v in values], width, label=label)
        ax.set_xticks(range(len(names)), names, rotation=20, ha="right")
        ax.set_ylim(0, 1.05)
        ax.set_title(f"{main.name}: {title}" if title.startswith("by question") else title)
        ax.grid(axis="y", alpha=0.3)
    handles, labels = axes[0, 0].get_legend_handles_labels()
    fig.legend(handles, labels, ncol=len(keys), fontsize=8, loc="upper center")
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.35 / (4.2 * len(panels))))
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def write_outputs(out_dir: Path, main: RunResult, ablations: list[RunResult], meta: dict[str, Any],
                  make_plot: bool = True) -> dict[str, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {"report": out_dir / "report.md", "metrics": out_dir / "metrics.json", "answers": out_dir / "answers.jsonl"}
    paths["report"].write_text(markdown_report(main, ablations, meta), encoding="utf-8")
    paths["metrics"].write_text(json.dumps(metrics_payload(main, ablations, meta), indent=2) + "\n", encoding="utf-8")
    _write_jsonl(paths["answers"], main.records)
    for run in ablations:
        if not run.reused_from:
            _write_jsonl(out_dir / f"answers-{_slug(run.name)}.jsonl", run.records)
    if make_plot:
        paths["plot"] = plot(main, ablations, out_dir / "metrics.png")
    return paths


def _write_jsonl(path: Path, records: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps({**r, "problems": problems(r)}, ensure_ascii=False) + "\n")


def _slug(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in name).strip("-")
