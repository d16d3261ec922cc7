"""The benchmark behind ``her2qa eval`` (see eval/README.md).

- :mod:`.dataset`: eval items and their gold evidence mapped onto index chunks;
- :mod:`.metrics`: pure metric functions (key facts, token F1, ir-measures retrieval, percentiles);
- :mod:`.grading`: one answer → one graded record; records → metrics;
- :mod:`.runner`: the real pipeline over the items, and the ablation grid;
- :mod:`.report`: report.md, metrics.json, answers.jsonl and the plot.

Importing this package is cheap: heavy libraries load inside the functions that need them.
"""

from __future__ import annotations

from .command import eval_command

__all__ = ["eval_command"]
