"""Conversations: per-user history, and follow-up questions resolved without an LLM by carrying
the salient entities of earlier turns into retrieval."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .query import QueryAnalyzer
from .vocabulary import BRANDS
from .results import Answer

FOLLOW_UP_RE = re.compile(
    r"\b(it|its|it's|they|them|their|theirs|that|this|these|those|there|the (?:trial|study|drug|agent|"
    r"combination|arm|treatment|regimen|therapy|paper|reference|ADC|inhibitor|mechanism|antibody|compound))\b"
    r"|^\s*(and|also|what about|how about|and what|what else|why|same)\b",
    re.IGNORECASE,
)


@dataclass
class Turn:
    question: str
    resolved: str
    answer: Answer
    entities: list[str] = field(default_factory=list)


@dataclass
class Conversation:
    """One user's conversation. Never shared: each browser session / CLI run makes its own."""

    turns: list[Turn] = field(default_factory=list)

    def reset(self) -> None:
        self.turns.clear()

    def add(self, turn: Turn) -> None:
        self.turns.append(turn)

    def salient_entities(self) -> list[str]:
        """Entities of the most recent turn that had any."""
        for turn in reversed(self.turns):
            if turn.entities:
                return turn.entities
        return []

    def history_text(self, limit: int = 3) -> str:
        return "\n".join(f"User: {t.question}\nAssistant: {t.answer.answer}" for t in self.turns[-limit:])


PRONOUN_RE = re.compile(r"\b(it|its|it's|they|them|their|that (?:trial|study|drug)|this (?:trial|study|drug)|"
                        r"the (?:trial|study|drug|agent|combination|arm|treatment|regimen|therapy|ADC|inhibitor|"
                        r"antibody|compound))\b", re.IGNORECASE)
SAME_AGAIN_RE = re.compile(r"^\s*(?:and |so |ok |okay )?(?:what|how) about\b|^\s*(?:and )?same (?:for|with)\b",
                           re.IGNORECASE)


def is_follow_up(question: str, entities: list[str]) -> bool:
    return bool(FOLLOW_UP_RE.search(question)) or not entities


def resolve(question: str, conversation: Conversation | None, analyzer: QueryAnalyzer) -> tuple[str, list[str]]:
    """The question to answer (the reading shown as "Read as: …"), and the entities this turn is about.

    - A turn with its own subject and no pronoun stands alone — except "what about X?", which asks the
      previous question again about X.
    - A turn without a subject of its own (a pronoun, an ellipsis) borrows the subject of the last
      turn that had one: "its" → "HER2CLIMB's", "what about brain mets?" → "… in HER2CLIMB"."""
    own = [e for e in analyzer.entities_in(question) if analyzer.known(e) or e.lower() in BRANDS]
    if conversation is None or not conversation.turns:
        return question, own
    previous = conversation.turns[-1]
    carried = [e for e in conversation.salient_entities() if e.lower() not in question.lower()]
    from .answering.extractive import DRUG_RE, TRIAL_RE, is_drug_name
    from .retrieval import is_generic

    # A subject of its own: a drug, a trial or a brand, not an endpoint or a marker ("PFS", "PD-L1").
    specific_own = [e for e in own if not is_generic(e) and (
                        e.lower() in BRANDS or analyzer.paragraph_share(analyzer.aliases_of(e)) <= 0.2)
                    and (DRUG_RE.fullmatch(e.split()[0]) or TRIAL_RE.fullmatch(e) or e.lower() in BRANDS
                         or re.search(r"[A-Za-z]{2,}-?\d{2,}|[A-Za-z]{3,}\d", e))]
    if specific_own and SAME_AGAIN_RE.search(question) and not PRONOUN_RE.search(question):
        before = previous.question
        swapped = before
        for old in previous.entities:
            if old.lower() in before.lower():
                swapped = re.sub(re.escape(old), specific_own[0], swapped, count=1, flags=re.IGNORECASE)
        if swapped != before:
            return swapped, own
        return question, own
    if specific_own and not PRONOUN_RE.search(question):
        return _with_topic(question, previous, analyzer), own
    if not is_follow_up(question, own) or not carried:
        return question, own
    def trial_like(name: str) -> bool:
        return bool(TRIAL_RE.fullmatch(name) or re.search(r"\d", name))

    subject = carried[0]
    # "in it", "from that": something one is in is a trial; "it"/"its" otherwise a drug;
    # "that trial" a trial even when a drug was named first.
    inside = re.search(r"\b(?:in|from|during|within) (?:it|that|this)\b", question, re.I)
    if not inside and re.search(r"\b(?:it|its|they|their)\b", question, re.I):
        subject = next((e for e in carried if is_drug_name(e)), subject)
    if inside or re.search(r"\b(?:that|this|the) (trial|study)\b", question, re.I):
        subject = next((e for e in carried if trial_like(e)), subject)
    if PRONOUN_RE.search(question):
        def name(match: re.Match) -> str:
            word = match.group(0).lower()
            return f"{subject}’s" if word in ("its", "their") else subject
        rewritten = PRONOUN_RE.sub(name, question, count=1)
        return rewritten, own + carried
    stem = question.rstrip(" ?.")
    return f"{stem} in {subject}?", own + carried


# Words that ask how much or which, not about what ("roughly what share in HER2CLIMB?").
ASKING_WORDS = {"share", "proportion", "percentage", "percent", "fraction", "many", "much", "number", "rate", "roughly",
                "approximately", "approx", "about", "around", "exactly", "figure", "figures", "value", "values",
                "what", "which", "how", "there", "trial", "study", "arm", "one", "ones"}


def _with_topic(question: str, previous: Turn, analyzer: QueryAnalyzer) -> str:
    """'did her2climb include brain mets patients?' → 'roughly what share in HER2CLIMB?': a turn that
    names its subject but no topic keeps the previous turn's topic, shown in the reading."""
    from .answering.coverage import content_words

    from .retrieval import is_generic

    names = set(content_words(" ".join(e for e in analyzer.entities_in(question) if not is_generic(e))))
    own = [w for w in content_words(question) if w not in ASKING_WORDS and w not in names]
    if own:
        return question
    before_names = set(content_words(" ".join(e for e in analyzer.entities_in(previous.resolved) if not is_generic(e))))
    topic = [w for w in content_words(previous.resolved) if w not in before_names and w not in ASKING_WORDS
             and not re.match(r"(?:did|does|do|is|are|was|were|has|have|include|includes|included)$", w)]
    printed = {w.lower(): w for w in re.findall(r"[A-Za-z][\w\-]*", previous.resolved)}  # 'PFS', not 'pfs'
    return f"{question.rstrip(' ?')} ({' '.join(printed.get(w, w) for w in topic[:4])})?" if topic else question


def answer_entities(answer: Answer, analyzer: QueryAnalyzer) -> list[str]:
    """Entities named in the answer's first sentence (what 'it' will refer to next)."""
    if answer.abstained or not answer.answer:
        return []
    first = answer.points[0].text if answer.points else re.split(r"\[\d+\]", answer.answer, maxsplit=1)[0]
    from .answering.extractive import COMMON_CODES, DRUG_RE, TRIAL_RE

    names = [e for e in analyzer.entities_in(first) if analyzer.known(e) and not e.upper().startswith("NCT")]
    # Only drugs and trials become referents of a later "it"; receptor names and codes do not.
    named = [e for e in names if (DRUG_RE.fullmatch(e) or TRIAL_RE.fullmatch(e) or re.match(r"T-D", e))
             and e.upper() not in COMMON_CODES]
    return [e for e in named if analyzer.paragraph_share(analyzer.aliases_of(e)) <= 0.2][:2]
