#!/usr/bin/env python3
"""Scratch validator for eval/drafts/part_b.jsonl (section 3 items)."""
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus" / "tapia2023_cancers_15_4522_her2_resistance.txt"
ITEMS = Path(__file__).resolve().parent / "part_b.jsonl"

TYPES = {"numeric", "entity", "definition", "why", "table", "reference",
         "multihop", "unanswerable", "conversation"}
ALLOWED_KEYS = {"id", "type", "section", "question", "turns", "answer",
                "key_facts", "evidence", "references", "note"}
MINIMA = {"numeric": 14, "entity": 10, "definition": 6, "why": 7, "table": 16,
          "reference": 10, "multihop": 6, "unanswerable": 12, "conversation": 8}
SECTION_OK = re.compile(r"^(references|\d+(\.\d+)*)(,(references|\d+(\.\d+)*))*$")


def markers(text):
    """Return all integer reference markers in [n], [n,m], [n–m] brackets."""
    nums = set()
    for grp in re.findall(r"\[([0-9,\s–\-]+)\]", text):
        for part in grp.split(","):
            part = part.strip()
            if not part:
                continue
            m = re.match(r"^(\d+)\s*[–-]\s*(\d+)$", part)
            if m:
                nums.update(range(int(m.group(1)), int(m.group(2)) + 1))
            elif part.isdigit():
                nums.add(int(part))
    return nums


def main():
    corpus = CORPUS.read_text(encoding="utf-8")
    lines = corpus.splitlines()
    errors = []
    ids = set()
    counts = Counter()
    n = 0
    for ln, raw in enumerate(ITEMS.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            errors.append(f"line {ln}: blank line")
            continue
        try:
            it = json.loads(raw)
        except Exception as e:  # noqa
            errors.append(f"line {ln}: JSON error {e}")
            continue
        n += 1
        iid = it.get("id", f"<line {ln}>")
        def err(msg):
            errors.append(f"{iid}: {msg}")
        extra = set(it) - ALLOWED_KEYS
        if extra:
            err(f"unexpected keys {extra}")
        if not re.fullmatch(r"b-\d{3}", str(it.get("id", ""))):
            err("bad id")
        if iid in ids:
            err("duplicate id")
        ids.add(iid)
        t = it.get("type")
        if t not in TYPES:
            err(f"bad type {t}")
        counts[t] += 1
        sec = it.get("section", "")
        if not isinstance(sec, str) or not SECTION_OK.match(sec):
            err(f"bad section {sec!r}")
        elif t != "multihop" and "," in sec and t != "conversation":
            err("comma-joined section on non-multihop item")
        elif t == "multihop" and not any(s.startswith("3") for s in sec.split(",")):
            err("multihop must involve section 3")
        elif t != "multihop" and not all(s.startswith("3") or s == "references" for s in sec.split(",")):
            err("non-multihop item outside section 3")
        if t == "conversation":
            if "question" in it:
                err("conversation has question")
            turns = it.get("turns")
            if not (isinstance(turns, list) and 2 <= len(turns) <= 3 and all(isinstance(x, str) and x.strip() for x in turns)):
                err("bad turns")
        else:
            if "turns" in it:
                err("non-conversation has turns")
            if not isinstance(it.get("question"), str) or not it["question"].strip():
                err("missing question")
        if not isinstance(it.get("answer"), str) or not it["answer"].strip():
            err("missing answer")
        ev = it.get("evidence")
        kf = it.get("key_facts")
        refs = it.get("references")
        if not isinstance(ev, list) or not isinstance(kf, list) or not isinstance(refs, list):
            err("evidence/key_facts/references must be lists")
            continue
        if t == "unanswerable":
            if ev or kf:
                err("unanswerable must have empty evidence and key_facts")
            if refs:
                err("unanswerable must have empty references")
            continue
        if not (1 <= len(ev) <= 3):
            err(f"evidence count {len(ev)}")
        if not (1 <= len(kf) <= 4):
            err(f"key_facts count {len(kf)}")
        for q in ev:
            if q not in corpus:
                err(f"evidence not in corpus: {q[:80]!r}")
            if "\n" in q:
                err("evidence spans a line break")
            if t == "table" and not any(q in l for l in lines):
                err(f"table quote not on one line: {q!r}")
        low_ev = [q.lower() for q in ev]
        for k in kf:
            if k != k.lower():
                err(f"key fact not lowercase: {k!r}")
            if not any(k.lower() in q for q in low_ev):
                err(f"key fact not in evidence: {k!r}")
        all_markers = set()
        for q in ev:
            all_markers |= markers(q)
        for r in refs:
            if not isinstance(r, int) or not (1 <= r <= 83):
                err(f"bad reference {r!r}")
            elif t != "reference" and r not in all_markers:
                err(f"reference {r} not a marker in evidence")
        if t == "reference":
            if not refs:
                err("reference item without references")
            if not all_markers & set(refs):
                err("reference item lacks body sentence with marker")
    for t, mn in MINIMA.items():
        if counts[t] < mn:
            errors.append(f"type {t}: {counts[t]} < minimum {mn}")
    if n < 85:
        errors.append(f"only {n} items")
    print(f"items: {n}")
    for t in sorted(TYPES):
        print(f"  {t:13s} {counts[t]}")
    if errors:
        print(f"\n{len(errors)} ERRORS:")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("\nOK: all checks passed")


if __name__ == "__main__":
    main()
