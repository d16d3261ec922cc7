"""Sequencing: what the review says works once a treatment has failed.

"once kadcyla stops working what's next?", "what comes after T-DM1 fails?": the sentences where the review gives
another drug to patients after that treatment failed or progressed ("Thereafter, a second ADC, T-DXd, was effective
after T-DM1 failure…", "The proficient activity of T-DXd after failure of T-DM1…") — not the failed drug's own
description, which shares every word of the question.

A mixin of :class:`her2qa.answering.pipeline.AnswerPipeline` (it uses the pipeline's sentence index and
``_quoting``).
"""

from __future__ import annotations

import re

from ..citations import strip_markers
from ..query import Query, mentions
from ..results import Answer
from .extractive import DRUG_CODE_RE, DRUG_RE, is_drug_name

# What comes after a treatment, asked: "once X stops working what's next", "what comes after X fails",
# "after X what do they use", "X failed, now what?"
AFTER_FAILURE_ASKED_RE = re.compile(
    r"\b(?:once|when|after|if)\b[^?]{0,40}?\b(?:stops? working|stopped working|fails?|failed|failure|progress\w*|"
    r"quits? working|doesn[’']?t work|no longer works?)\b[^?]{0,30}?\b(?:what(?:[’']s|s| is| comes)?\s+(?:next|then|after)|"
    r"then what|now what|what (?:now|then)|options?|what (?:do|can|would) (?:they|you|we|doctors|i)\b)|"
    r"\bwhat (?:comes|is used|do (?:they|you|doctors) (?:use|give|try)) after\b|"
    r"\bwhat(?:[’']s|s| is)?\s+(?:next|then)\s+(?:after|once|when|if)\b|"
    # ("pt progressed on kadcyla, what does the review back as the next adc?")
    r"\b(?:progress\w*|relaps\w*)\s+(?:on|after|with)\b[^?]{1,40}?\b(?:what|which)\b[^?]{0,40}?\bnext\b|"
    # (… read with the history after it: 'which is the next adc the review backs after kadcyla?')
    r"\b(?:what|which)\b[^?]{0,20}?\bnext\b[^?]{0,40}?\bafter\b", re.I)
# The review giving a treatment after another failed: "after T-DM1 failure", "after failure of T-DM1",
# "progression to …", "refractory to …", "resistant to …"
AFTER_FAILURE_SAID_RE = re.compile(r"\bafter (?:the )?(?P<a>[\w\-/]+) failure\b|\bafter (?:the )?failure of (?:the )?(?P<b>[\w\-/]+)|"
                                   r"\b(?:progress\w* (?:on|to|after)|refractory to|resistant to) (?P<c>[\w\-/]+)", re.I)
# At most this many sentences answer: more, and the words pick out no sequence
SEQUENCE_SENTENCES = 3


class SequencingPlans:
    """What the review gives after a treatment has failed."""

    def _what_comes_after(self, base: Answer, text: str, query: Query) -> Answer | None:
        """'once kadcyla stops working what's next?': the sentences naming another drug given after the one asked
        failed, in reading order (None unless one to three sentences do)."""
        if not AFTER_FAILURE_ASKED_RE.search(text):
            return None
        failed = [e for e in self._specific(query) if is_drug_name(e)]
        if len(failed) != 1:
            return None
        aliases = query.aliases.get(failed[0], [failed[0]])
        found = []
        for sentence in self.sentences.sentences:
            body = strip_markers(sentence.text)
            after = [m.group("a") or m.group("b") or m.group("c") for m in AFTER_FAILURE_SAID_RE.finditer(body)]
            if not any(mentions(name, aliases) for name in after):
                continue
            others = [m.group(0) for m in DRUG_RE.finditer(body)] + DRUG_CODE_RE.findall(body)
            if any(not mentions(name, aliases) and not mentions(" ".join(aliases), [name]) for name in others):
                found.append(sentence)  # (another drug is what comes after)
        if not 1 <= len(found) <= SEQUENCE_SENTENCES:
            return None
        return self._quoting(base, query, found, lambda s: self._antecedent(s, failed[0]))
