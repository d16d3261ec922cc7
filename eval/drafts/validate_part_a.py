#!/usr/bin/env python3
"""Scratch validator for eval/drafts/part_a.jsonl."""
import json, re, sys, collections
CORPUS = "/work/main/corpus/tapia2023_cancers_15_4522_her2_resistance.txt"
DATA = "/work/main/eval/drafts/part_a.jsonl"
TYPES = {"numeric","entity","definition","why","reference","multihop","unanswerable","conversation"}
corpus = open(CORPUS, encoding="utf-8").read()
errors, warns = [], []
ids = set(); counts = collections.Counter()
with open(DATA, encoding="utf-8") as f:
    lines = f.read().splitlines()
for ln, line in enumerate(lines, 1):
    try:
        d = json.loads(line)
    except Exception as e:
        errors.append(f"line {ln}: JSON error {e}"); continue
    iid = d.get("id", f"line{ln}")
    allowed = {"id","type","section","question","turns","answer","key_facts","evidence","references","note"}
    extra = set(d) - allowed
    if extra: errors.append(f"{iid}: unexpected fields {extra}")
    for k in ("id","type","section","answer","key_facts","evidence","references"):
        if k not in d: errors.append(f"{iid}: missing {k}")
    if not re.fullmatch(r"a-\d{3}", str(iid)): errors.append(f"{iid}: bad id format")
    if iid in ids: errors.append(f"{iid}: duplicate id")
    ids.add(iid)
    t = d.get("type")
    if t not in TYPES: errors.append(f"{iid}: bad type {t}")
    counts[t] += 1
    if t == "conversation":
        if "question" in d: errors.append(f"{iid}: conversation has question")
        tu = d.get("turns")
        if not (isinstance(tu, list) and 2 <= len(tu) <= 3 and all(isinstance(x, str) and x.strip() for x in tu)):
            errors.append(f"{iid}: bad turns")
    else:
        if "turns" in d: errors.append(f"{iid}: non-conversation has turns")
        if not isinstance(d.get("question"), str) or not d["question"].strip():
            errors.append(f"{iid}: missing question")
    ev = d.get("evidence", []); kf = d.get("key_facts", []); refs = d.get("references", [])
    if not isinstance(ev, list) or not isinstance(kf, list) or not isinstance(refs, list):
        errors.append(f"{iid}: evidence/key_facts/references must be lists"); continue
    if t == "multihop" and "," not in str(d.get("section", "")):
        errors.append(f"{iid}: multihop section should join sections with ','")
    if t == "unanswerable":
        if ev or kf: errors.append(f"{iid}: unanswerable must have empty evidence and key_facts")
        if refs: errors.append(f"{iid}: unanswerable must have no references")
        continue
    if not ev: errors.append(f"{iid}: no evidence")
    if not kf: errors.append(f"{iid}: no key facts")
    if len(ev) > 3: errors.append(f"{iid}: more than 3 evidence quotes")
    if len(kf) > 4: errors.append(f"{iid}: more than 4 key facts")
    for q in ev:
        if q not in corpus: errors.append(f"{iid}: evidence not in corpus: {q[:80]!r}")
        if len(q) < 30 or len(q) > 300: warns.append(f"{iid}: evidence length {len(q)}: {q[:60]!r}")
    low = [q.lower() for q in ev]
    for k in kf:
        if k != k.lower(): errors.append(f"{iid}: key fact not lowercase: {k!r}")
        if not any(k.lower() in q for q in low): errors.append(f"{iid}: key fact not in evidence: {k!r}")
    for r in refs:
        if not isinstance(r, int) or not 1 <= r <= 83:
            errors.append(f"{iid}: bad reference {r!r}"); continue
        if t != "reference":
            pat = re.compile(r"[\[,]\s*%d\s*[\],]" % r)
            if not any(pat.search(q) for q in ev):
                errors.append(f"{iid}: reference {r} has no marker in evidence")
    if t == "reference":
        if not refs: errors.append(f"{iid}: reference item without references")
        if len(ev) < 2: errors.append(f"{iid}: reference item should quote body and ref entry")
    # markers present in evidence but not listed (warning only)
    for q in ev:
        for m in re.findall(r"\[([\d,\s]+)\]", q):
            for n in m.split(","):
                n = n.strip()
                if n.isdigit() and int(n) not in refs:
                    warns.append(f"{iid}: marker [{n}] in evidence not in references")
print("items:", len(lines))
for t in sorted(TYPES): print(f"  {t}: {counts[t]}")
for w in warns: print("WARN", w)
for e in errors: print("ERROR", e)
print("OK" if not errors else f"{len(errors)} errors")
sys.exit(1 if errors else 0)
