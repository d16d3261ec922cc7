"""Understand a question with the review's own vocabulary: expand abbreviations and brand names,
find the entities it names, flag entities the corpus never mentions, and tell what kind of answer
it wants."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .vocabulary import ABBREVIATIONS, BACKMATTER_CUES, BRANDS, NUMERIC_CUES, REFERENCE_CUES

STOPWORDS = frozenset("""
a an the of in on at to for from by with without and or but not no nor is are was were be been being
do does did has have had what which who whom whose when where why how that this these those it its
they them their there here than then as into over under about after before between both each either
any all some such can could may might will would should shall must also very more most less least
i we you he she me my our your his her us if so up out just only other same own too s t vs versus
review article paper study studies describe described say says said tell give list mention mentioned
patients patient show showed shown report reported reports according
""".split())

# A token looks like a named entity (drug, trial, gene, code) if it has digits, capitals inside,
# a hyphenated code shape or a drug-name suffix.
DRUG_SUFFIX_RE = re.compile(
    r"(?:mab|nib|lisib|ciclib|tecan|vedotin|tansine|mycin|platin|taxel|rubicin|sertib|parib|stat|"
    r"zumab|ximab|tinib|rafenib|lukast|dotin|carmazine|deruxtecan|sertib|trozole|strant|olimus)$",
    re.IGNORECASE,
)
TOKEN_RE = re.compile(r"[A-Za-z0-9α-ωΑ-Ω][A-Za-z0-9α-ωΑ-Ω/+.\-–]*[A-Za-z0-9α-ωΑ-Ω+]|[A-Za-z0-9]")
NUMBER_RE = re.compile(r"(?<![\w.])(?:\d+(?:[.,]\d+)*)(?:\s?(?:%|months?|weeks?|mg/kg|nM|years?))?")


def compact(text: str) -> str:
    return re.sub(r"[^a-z0-9α-ω]+", "", text.lower())


def tokenize(text: str) -> list[str]:
    """Lower-case index terms: words, codes ('t-dxd', 'nct04538742'), numbers ('9.6'), plus the
    parts and the joined form of hyphenated codes so 'T-DXd', 'TDXd' and 'T DXd' all meet."""
    terms: list[str] = []
    for raw in TOKEN_RE.findall(text.replace("–", "-")):
        token = raw.lower().strip(".-")
        if not token or token in STOPWORDS:
            continue
        terms.append(token)
        if "-" in token or "/" in token:
            parts = [p for p in re.split(r"[-/]", token) if p and p not in STOPWORDS]
            terms.extend(parts)
            terms.append(re.sub(r"[-/]", "", token))
        elif len(token) > 4 and token.endswith("s") and not token.endswith("ss") and not re.search(r"\d", token):
            terms.append(token[:-1])  # light plural folding: inhibitors → inhibitor
    return terms


def entity_like(token: str) -> bool:
    if len(token) < 3 or token.lower() in STOPWORDS:
        return False
    if re.search(r"\d", token) and re.search(r"[A-Za-z]", token):
        return True
    if re.search(r"[A-Z].*[A-Z]", token) and not token.isupper() or (token.isupper() and len(token) >= 3):
        return True
    return bool(DRUG_SUFFIX_RE.search(token))


def learn_abbreviations(text: str) -> dict[str, str]:
    """Schwartz–Hearst style: 'trastuzumab deruxtecan (T-DXd)' → {'t-dxd': 'trastuzumab deruxtecan'}."""
    found: dict[str, str] = {}
    for match in re.finditer(r"\(([A-Za-z][A-Za-z0-9\-/]{1,9})\)", text):
        short = match.group(1)
        if not re.search(r"[A-Z]", short):
            continue
        before = text[max(0, match.start() - 120):match.start()].rstrip()
        words = re.findall(r"[\w\-–/]+", before)
        letters = [c.lower() for c in short if c.isalnum()]
        for n in range(1, min(len(words), len(letters) + 3) + 1):
            candidate = words[-n:]
            if candidate[0][0].lower() != letters[0]:
                continue
            joined = " ".join(candidate).lower()
            it = iter(joined)
            if all(ch in it for ch in letters[1:]):
                found.setdefault(short.lower(), " ".join(candidate))
                break
    return found


@dataclass
class Query:
    text: str = field(metadata={"description": "The question as asked (after follow-up resolution)."})
    expanded: str = field(metadata={"description": "Question plus expansions, used for retrieval."})
    terms: list[str] = field(metadata={"description": "BM25 terms of the expanded question."})
    entities: list[str] = field(metadata={"description": "Named entities found in the corpus."})
    unknown: list[str] = field(metadata={"description": "Entity-like words the corpus never mentions."})
    wants_number: bool = field(metadata={"description": "The question asks for a figure."})
    wants_reference: bool = field(metadata={"description": "The question asks which paper supports a claim."})
    wants_backmatter: bool = field(metadata={"description": "Funding, conflicts or contributions."})
    comparison: bool = field(metadata={"description": "'X or Y', 'compare', 'versus'."})


class QueryAnalyzer:
    """Built once from the corpus text."""

    def __init__(self, corpus_text: str):
        self.corpus_compact = compact(corpus_text)
        self.corpus_words = {w.lower() for w in re.findall(r"[\w\-–/]+", corpus_text)}
        learned = learn_abbreviations(corpus_text)
        self.expansions = {**ABBREVIATIONS, **learned}
        # reverse: long form → short form, so 'trastuzumab deruxtecan' also finds 'T-DXd'
        self.reverse = {v.lower(): k for k, v in learned.items()}

    def known(self, name: str) -> bool:
        key = compact(name)
        return len(key) >= 3 and key in self.corpus_compact

    def entities_in(self, text: str) -> list[str]:
        found: list[str] = []
        tokens = TOKEN_RE.findall(text)
        for i, token in enumerate(tokens):
            cand = token.strip(".-")
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if re.fullmatch(r"\d{1,2}", nxt) and entity_like(cand):
                cand = f"{cand} {nxt}"  # "DESTINY-Breast 09"
            if entity_like(cand.split()[0]) or cand.lower() in BRANDS:
                found.append(cand)
        return list(dict.fromkeys(found))

    def analyze(self, question: str) -> Query:
        lowered = question.lower()
        extra: list[str] = []
        for word in re.findall(r"[\w\-/]+", lowered):
            if word in BRANDS:
                extra.append(BRANDS[word])
            if word in self.expansions:
                extra.append(self.expansions[word])
        for long_form, short in self.reverse.items():
            if long_form in lowered:
                extra.append(short)
        entities, unknown = [], []
        for name in self.entities_in(question):
            if name.lower() in BRANDS:
                entities.append(BRANDS[name.lower()])
            elif self.known(name) or name.lower() in self.expansions:
                entities.append(name)
            elif self._known_number_variant(name):
                unknown.append(name)
            else:
                unknown.append(name)
        expanded = question + (" " + " ".join(extra) if extra else "")
        return Query(
            text=question, expanded=expanded, terms=tokenize(expanded), entities=entities, unknown=unknown,
            wants_number=any(cue in lowered for cue in NUMERIC_CUES),
            wants_reference=any(cue in lowered for cue in REFERENCE_CUES),
            wants_backmatter=any(cue in lowered for cue in BACKMATTER_CUES),
            comparison=bool(re.search(r"\b(or|versus|vs\.?|compared? (?:to|with)|compare|than)\b", lowered)),
        )

    def _known_number_variant(self, name: str) -> bool:
        return False
