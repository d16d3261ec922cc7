"""Inline citation markers of the review: ``[5]``, ``[45,46]``, ``[75,76,77]``, ``[3–7]`` and NCT ids."""

from __future__ import annotations

import re

# A bracket holding only numbers, commas, spaces and dashes: "[12,13]", "[75, 76, 77]", "[3–7]".
MARKER_RE = re.compile(r"\[(\d+(?:\s*[,–—-]\s*\d+)*)\]")
NCT_RE = re.compile(r"\bNCT\d{8}\b")


def expand_marker(body: str) -> list[int]:
    """'45,46' → [45, 46]; '3–6' → [3, 4, 5, 6]; '2, 5–7' → [2, 5, 6, 7]."""
    numbers: list[int] = []
    for part in re.split(r"\s*,\s*", body.strip()):
        bounds = re.split(r"\s*[–—-]\s*", part)
        if len(bounds) == 2 and all(b.isdigit() for b in bounds):
            lo, hi = int(bounds[0]), int(bounds[1])
            if lo <= hi and hi - lo < 50:
                numbers.extend(range(lo, hi + 1))
                continue
        numbers.extend(int(b) for b in bounds if b.isdigit())
    return numbers


def cited_references(text: str) -> list[int]:
    """Reference numbers cited in ``text``, in order of first appearance, without repeats."""
    seen: dict[int, None] = {}
    for match in MARKER_RE.finditer(text):
        for number in expand_marker(match.group(1)):
            seen.setdefault(number, None)
    return list(seen)


def cited_trials(text: str) -> list[str]:
    """NCT identifiers named in ``text``, in order, without repeats."""
    return list(dict.fromkeys(NCT_RE.findall(text)))


def strip_markers(text: str) -> str:
    """Text with numeric citation markers removed (for display of a quoted sentence)."""
    stripped = re.sub(r"\s?" + MARKER_RE.pattern, "", text)
    # "Based on Swain et al. [4]." loses its marker, not the sentence's own full stop: one stop stays
    return re.sub(r"(?<=\bal\.)\.(?!\.)", "", stripped)
