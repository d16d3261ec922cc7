"""Why two treatments are combined: the sentence that gives the reason for a combination.

"why combine checkpoint inhibitors with ADCs?", "rationale for adding immunotherapy to kadcyla?": the
answer is where the review says what supports giving them together (a synergy, a biological rationale),
not the drugs' own introductions, which share more of the question's words. The sentence is found by
what it says (a reason and a combination) and by the rarest of the question's words it names, then
quoted with the sentences that carry its reason on.

A mixin of :class:`her2qa.answering.pipeline.AnswerPipeline` (it uses the pipeline's sentence index and
its ``_quoting``).
"""

from __future__ import annotations

import math
import re

from ..query import Query, light_stem, mentions
from ..results import Answer
from ..retrieval import is_generic
from .coverage import content_words
from .passages import Sentence, words_of

# The question asks why two things are given together ('combine X with Y', 'adding X to Y', 'pair X with Y')
COMBINING_ASKED_RE = re.compile(r"\b(?:combin\w*|add(?:ing)?\b[^?]{1,60}?\bto\b|pair(?:ing|ed)?\b[^?]{1,60}?\bwith\b|"
                                r"together)", re.I)
# A sentence that gives the reason for a combination: a synergy, or support for combining
REASON_FOR_COMBINING_RE = re.compile(r"\bsynerg\w*|\brationale\b|\bsupports? the combination\b|"
                                     r"\bcombin\w*\b[^.]{0,120}\b(?:due to|because)\b", re.I)
# Words of the question that ask for a reason or a combination, not what is combined
FRAMING_WORDS = {"combine", "combined", "combining", "combination", "combinations", "combo", "combos", "add", "adding",
                 "added", "addition", "pair", "pairing", "paired", "together", "rationale", "reason", "reasons",
                 "why", "would", "they", "first", "place", "point", "idea", "logic", "whats", "what", "supports",
                 "support", "due", "alone", "monotherapy", "drugs", "drug", "therapy", "therapies", "inhibitors",
                 "inhibitor", "treatment", "treatments", "biological", "behind",
                 # where or how it was tried, not what is combined
                 "clinical", "trial", "trials", "study", "studies", "tested", "patients"}
# 'Based on this biological rationale, clinical trials…': a sentence whose reason is the one before it
REASON_TOLD_BEFORE_RE = re.compile(r"(?:Based on|Given|With|Consequently, with) (?:this|these|such)\b", re.I)
# A mechanism told by its verbs: bypassing or activating a pathway, or what it leads to.
MECHANISM_RE = re.compile(r"\b(?:bypass\w*|activat\w+ (?:of )?(?:\w+ ){0,3}(?:pathways?|signal\w*|receptors?)|"
                          r"downstream|lead(?:s|ing)? to|confer\w*|by (?:activating|inhibiting|blocking)|"
                          # the verb, not the noun ("has shown promising results in preclinical studies")
                          r"resulting in|(?<!promising )(?<!good )(?<!positive )(?<!encouraging )(?<!similar )(?<!better )"
                          r"(?<!the )(?<!these )(?<!its )(?<!their )(?<!shown )(?<!showed )results? in)\b", re.I)
# A word in at most a quarter of the review's sentences (rarity ≥ log 4) names what is combined ('her2' does not)
TELLING = math.log(4)
# 'The KATE2 phase II trial compared…', 'clinical trials have tested this hypothesis': what was done about it
TRIAL_WORD_RE = re.compile(r"\b(?:trials?|stud(?:y|ies))\b", re.I)
# How many sentences after the reason may carry it on ("ADCs induce lymphoid infiltration…")
CARRIED_ON = 2


class RationalePlans:
    def _combination_rationale(self, base: Answer, text: str, query: Query, found: Answer) -> Answer | None:
        """The review's reason for giving the question's two treatments together, when the answer ``found``
        for the question's subject gives no reason ('CCND1 overexpression can activate CDK4 and CDK6,
        leading to…' does); None when no sentence gives a reason for a combination of what it names."""
        if not COMBINING_ASKED_RE.search(text):
            return None
        if not found.abstained and any(REASON_FOR_COMBINING_RE.search(p.text) or MECHANISM_RE.search(p.text)
                                       for p in found.points):
            return None
        forms, names = self._combined(text, query)
        weight = self.sentences.rarity
        scored = []
        for sentence in self.sentences.sentences:
            if not REASON_FOR_COMBINING_RE.search(sentence.text) or REASON_TOLD_BEFORE_RE.match(sentence.text):
                continue
            said = [weight.get(f, 0.0) for f in forms & words_of(sentence.text)]
            said += [max(weight.get(f, 0.0) for a in aliases for f in words_of(a))
                     for aliases in names if mentions(sentence.text, aliases)]
            if said and max(said) >= TELLING:
                scored.append((sum(said), sentence))
        if not scored:
            return None
        best = max(score for score, _ in scored)
        reason = next(s for score, s in scored if score == best)  # the first in reading order on a tie
        return self._quoting(base, query, self._reason_with_sequel(reason))

    def _combined(self, text: str, query: Query) -> tuple[set[str], list[list[str]]]:
        """What is combined: the question's names (each with its aliases) and the word forms of its other
        content words and synonyms (checkpoint inhibitors → immunotherapy), without the words that frame
        the ask."""
        names = [query.aliases.get(e, [e]) for e in query.entities if e not in query.common and not is_generic(e)]
        named = {f for aliases in names for a in aliases for f in words_of(a)}
        framing = FRAMING_WORDS | {light_stem(w) for w in FRAMING_WORDS}
        forms: set[str] = set()
        for word in content_words(text) + [t for t in query.terms if len(t) > 2]:
            forms |= words_of(word.lower())
        return {f for f in forms - named - framing if len(f) > 2 and light_stem(f) not in framing}, names

    def _reason_with_sequel(self, reason: Sentence) -> list[Sentence]:
        """The reason and the sentences after it in its paragraph that carry it on, up to the first that
        speaks of trials: that is what was done about it."""
        paragraph = self.sentences.paragraph(reason)
        out = [reason]
        for sentence in paragraph[reason.index + 1: reason.index + 1 + CARRIED_ON]:
            if TRIAL_WORD_RE.search(sentence.text):
                break
            out.append(sentence)
        return out
