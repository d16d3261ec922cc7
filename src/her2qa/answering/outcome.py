"""What the pipeline produced for one question, before verification."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..retrieval import Candidate
from ..results import Answer


@dataclass
class Outcome:
    """What the pipeline produced for one question, before verification."""

    answer: Answer
    candidates: list[Candidate]
    considered: set[str] = field(default_factory=set)
    retrieve_s: float = 0.0  # time spent in retrieval (the rest is choosing and composing)
