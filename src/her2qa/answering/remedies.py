"""Remedies: what the review says of countering a resistance mechanism.

"could ibrance or verzenio help with cyclin D1?", "can you block that?" after a mechanism: the sentences of the
section the mechanism titles that speak of inhibiting, targeting or overcoming it ("targeting CDK4/6 has shown
promising results in overcoming this resistance"), not the section's opening on what the mechanism is.

A mixin of :class:`her2qa.answering.pipeline.AnswerPipeline` (it uses the pipeline's corpus, sentence index and
``_quoting``).
"""

from __future__ import annotations

import re

from ..query import Query, mentions
from ..results import Answer
from .extractive import is_drug_name

# "could X help with it", "can you block that", "anything to overcome it": a way to counter what is named
REMEDY_ASKED_RE = re.compile(r"\b(?:help(?:s|ed)? (?:with|against)|block(?:s|ed|ing)?|overcom(?:e|es|ing)|counter(?:s|ed|ing)?|"
                             r"get(?:s|ting)? around)\b", re.I)
# the review saying how a mechanism is countered: "CDK4/6 inhibition can improve the response…", "targeting CDK4/6
# has shown promising results in overcoming this resistance"
REMEDY_SAID_RE = re.compile(r"\b(?:inhibit(?:ion|ors?|ing)|targeting|overcom(?:e|ing)|surmount\w*|resensiti[sz]\w*|"
                            r"block(?:ing|ade))\b", re.I)


class RemedyPlans:
    """What the section of a mechanism says of countering it."""

    def _remedy_in_its_section(self, base: Answer, text: str, query: Query) -> Answer | None:
        """'could ibrance or verzenio help with cyclin D1?', 'can you block that (Cyclin D1)?': what the section titled
        by the mechanism asked says of countering it — its sentences on inhibiting, targeting, overcoming it."""
        if (asked := REMEDY_ASKED_RE.search(text)) is None:
            return None
        doc = self.corpus.primary
        countered = text[asked.end():]  # ('can CDK4/6 inhibition get around resistance from a TSC2 mutation?': TSC2's)
        for name in [e for e in query.entities if not is_drug_name(e) and mentions(countered, query.aliases.get(e, [e]))]:
            titled = [s for s in self.sentences.titled_by(doc, query.aliases.get(name, [name])) if s.kind == "body"]
            if len(titled) != 1:
                continue
            said = [s for key in self.sentences.descendants(doc, titled[0].key)
                    for s in self.sentences.in_section(doc.source, key) if REMEDY_SAID_RE.search(s.text)]
            if said:
                return self._quoting(base, query, sorted(said, key=lambda s: s.start))
        return None
