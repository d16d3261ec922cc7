"""Sentence boundaries with character offsets, tuned to biomedical prose ("vs.", "et al.", "95% CI")."""

from __future__ import annotations

import re

ABBREVIATIONS = {"vs", "al", "e.g", "i.e", "fig", "figs", "no", "approx", "ca", "dr", "etc", "st", "cf", "resp"}
BOUNDARY_RE = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z0-9\[(“\"‘])")


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int, str]]:
    """Sentences of ``text`` as ``(start, end, sentence)`` with offsets shifted by ``offset``."""
    spans: list[tuple[int, int, str]] = []
    start = 0
    for match in BOUNDARY_RE.finditer(text):
        before = text[start:match.start()]
        last_word = re.search(r"([A-Za-z.]+)\.$", before.rstrip("\"”’)"))
        if last_word:
            word = last_word.group(1).lower().rstrip(".")
            if word in ABBREVIATIONS or re.fullmatch(r"[a-z]", word):
                continue
        end = match.start() + len(match.group(0).rstrip())
        sentence = text[start:end].strip()
        if sentence:
            lead = len(text[start:end]) - len(text[start:end].lstrip())
            spans.append((offset + start + lead, offset + start + lead + len(sentence), sentence))
        start = match.end()
    tail = text[start:].strip()
    if tail:
        lead = len(text[start:]) - len(text[start:].lstrip())
        spans.append((offset + start + lead, offset + start + lead + len(tail), tail))
    return spans
