"""Numbers as the review prints them: what counts as a figure, and how to compare them exactly."""

from __future__ import annotations

import re

from .citations import MARKER_RE, NCT_RE

NUMBER_RE = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*")
NUMBER_WORDS = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"twenty|thirty|forty|fifty|hundred|thousand|half|twice|double|sixfold|seventeenfold|\w+fold)\b",
    re.IGNORECASE,
)
# Codes whose digits are names, not figures: HER2, CDK4/6, IC50, T-DM1, PI3K, ZW49, DESTINY-Breast 07.
CODE_RE = re.compile(r"\b[\w-]*[A-Za-z][\w-]*\d[\w/-]*|\b\d+[A-Za-z][\w-]*|\b(?:Table|Figure|Breast|phase)\s+\d+\b",
                     re.IGNORECASE)


def numbers(text: str) -> list[str]:
    """Figures in ``text`` (citation markers, NCT ids and code names removed)."""
    text = MARKER_RE.sub(" ", text)
    text = NCT_RE.sub(" ", text)
    text = CODE_RE.sub(" ", text)
    return NUMBER_RE.findall(text)


def has_figure(text: str) -> bool:
    return bool(numbers(text)) or bool(NUMBER_WORDS.search(MARKER_RE.sub(" ", text)))


def all_numbers(text: str) -> set[str]:
    """Every digit run in ``text`` (for the verifier: a figure must appear verbatim in its passage)."""
    return set(NUMBER_RE.findall(text))
