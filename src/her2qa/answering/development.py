"""Development: how far a drug has come, and the agents built on it.

"is ZW49 in trials yet?", "how far along is it clinically?": a drug's row of a table of drugs in development gives
its phase, trial name and NCT identifier, beside what the text says. "is there an ADC version of ZW25?": the agent
whose paragraph opens on it and names the one asked inside it (ZW49), not the one asked's own paragraph.

A mixin of :class:`her2qa.answering.pipeline.AnswerPipeline` (it uses the pipeline's sentence index, tables,
composer and ``_quoting``).
"""

from __future__ import annotations

import re

from ..citations import NCT_RE
from ..query import Query, mentions
from ..results import Answer
from .compose import Pick, merge
from .extractive import DRUG_CODE_RE

# "is there an ADC version of ZW25?", "an ADC built on it": another agent of a kind, made from the one named
KIND_BUILT_ON_RE = re.compile(r"\b(?P<kind>ADC|conjugate|bispecific|antibody|inhibitor|TKI)s?\s+(?:(?:version|form|variant|"
                              r"counterpart)(?:\s+(?:built|based|made))?|(?:that(?:'s| is)\s+)?(?:built|based|made))\s+(?:of|on|from)\b",
                              re.I)
# "is it in trials yet?", "how far along is it clinically?", "what phase is it in?": how far a drug has come
STAGE_ASKED_RE = re.compile(r"\bin (?:clinical )?(?:trials?|testing|development)\b|\bhow far along\b|\bclinical(?:ly)?\b.*\b(?:stage|far)\b|"
                            r"\bwhat phase\b|\bwhich phase\b|\bphase (?:is|are)\b|\btrial (?:ids?|numbers?|identifiers?)\b|\bnct\b|"
                            # ('is zw49 already in phase 3?': a phase it may have reached, not trials of that phase)
                            r"\b(?:in|reached|into|at)\s+phase\s*(?:[1-4]|iv|i{1,3})\b(?!\s*(?:/|trials?|stud))", re.I)


# "are there trials combining it with ADCs?", "any studies …": trials are asked for
TRIALS_ASKED_RE = re.compile(r"\b(?:trials|studies)\b", re.I)
# a sentence listing more identifiers than this is a list of its own, not trials to look up one by one
IDENTIFIERS_LOOKED_UP = 3


class DevelopmentPlans:
    """How far a drug has come (its table row), and the agents of a kind built on a drug."""

    def _with_its_row(self, answer: Answer, text: str, carried: list[str]) -> Answer:
        """'is ZW49 in trials yet?', 'how far along is it clinically?': how far a drug has come is what its row of a
        table of drugs in development gives (phase, trial name and NCT identifier), beside what the text says."""
        query = self.analyzer.analyze(text, carried=list(carried))
        specific = self._specific(query)
        if len(specific) != 1 or (match := self.tables.rows_named([query.aliases.get(specific[0], specific)])) is None:
            return answer
        if any(c.chunk_id in {chunk.id for chunk in match.chunks} for c in answer.citations):
            return answer
        base = answer.model_copy(update={"answer": "", "points": [], "citations": [], "lead": ""})
        self._considered.update(chunk.id for chunk in match.chunks)
        row = self.composer.compose(base, [Pick(chunk=chunk, text=chunk.text) for chunk in match.chunks], query)
        if row.abstained or not row.points:
            return answer
        return merge(answer, [("", answer), ("", row)], lead=answer.lead)

    def _with_the_rows_it_cites(self, answer: Answer, text: str, carried: list[str]) -> Answer:
        """'are there trials combining tucatinib with ADCs?': a quoted sentence that gives trials by their identifiers
        alone ("…several phase II trials are assessing … [NCT04539938 and NCT05673928]") brings the table rows those
        identifiers own (HER2CLIMB-04: tucatinib plus T-DXd), which say what each trial is."""
        # ('tell me about NCT04538742': a trial asked by its identifier is asked of its row too)
        if answer.abstained or answer.table is not None or not (TRIALS_ASKED_RE.search(text) or NCT_RE.search(text)):
            return answer
        cited = [n for p in answer.points for n in dict.fromkeys(NCT_RE.findall(p.text))]
        if not cited or len(cited) > IDENTIFIERS_LOOKED_UP:
            return answer
        quoted = {c.chunk_id for c in answer.citations}
        found = [m for n in cited if (m := self.tables.rows_named([[n]])) is not None]
        chunks = list({chunk.id: chunk for m in found for chunk in m.chunks if chunk.id not in quoted}.values())
        if not chunks:
            return answer
        query = self.analyzer.analyze(text, carried=list(carried))
        base = answer.model_copy(update={"answer": "", "points": [], "citations": [], "lead": ""})
        self._considered.update(chunk.id for chunk in chunks)
        rows = self.composer.compose(base, [Pick(chunk=chunk, text=chunk.text) for chunk in chunks], query)
        if rows.abstained or not rows.points:
            return answer
        return merge(answer, [("", answer), ("", rows)], lead=answer.lead)

    def _with_the_text_on_its_row(self, answer: Answer, text: str, carried: list[str]) -> Answer:
        """'her2climb-04 - what is it': an answer that is one table row brings the text's sentences citing that row's
        identifier ("…growing interest in the combination of tucatinib with ADCs … [NCT04539938 and NCT05673928]"),
        which say why the trial is run."""
        if answer.abstained or answer.table is not None or len(answer.citations) != 1 or \
                answer.citations[0].kind != "table_row":
            return answer
        numbers = list(dict.fromkeys(NCT_RE.findall(answer.citations[0].quote or answer.answer)))
        if len(numbers) != 1:
            return answer
        told = [s for s in self.sentences.mentioning([numbers[0]]) if self.sentences.chunk(s).kind == "text"]
        if not told:
            return answer
        query = self.analyzer.analyze(text, carried=list(carried))
        base = answer.model_copy(update={"answer": "", "points": [], "citations": [], "lead": ""})
        self._considered.update(self.sentences.chunk(s).id for s in told)
        saying = self.composer.compose(base, [Pick(chunk=self.sentences.chunk(s), text=s.text, start=s.start) for s in told],
                                       query)
        if saying.abstained or not saying.points:
            return answer
        return merge(answer, [("", answer), ("", saying)], lead=answer.lead)

    def _kind_built_on(self, base: Answer, text: str, query: Query) -> Answer | None:
        """'is there an ADC version of ZW25?': the paragraph that opens on another agent of that kind and names the
        one asked inside it ("ZW49 … merging bispecific antibody technology with ADCs. ZW25 is crucial for
        targeting…") — the one asked's own paragraph says what it is, not what was built on it."""
        asked = KIND_BUILT_ON_RE.search(text)
        specific = self._specific(query)
        if asked is None or len(specific) != 1:
            return None
        aliases = query.aliases.get(specific[0], specific)
        kind = re.compile(rf"\b{re.escape(asked.group('kind'))}s?\b", re.I)
        for sentence in self.sentences.mentioning(aliases):
            paragraph = self.sentences.paragraph(sentence)
            opening = paragraph[0]
            if mentions(opening.text, aliases) or not any(kind.search(s.text) for s in paragraph):
                continue
            others = [n for n in self.analyzer.entities_in(opening.text) if DRUG_CODE_RE.fullmatch(n)]
            if not others:
                continue
            told = [s for s in paragraph if s is opening or mentions(s.text, aliases + others)]
            return self._quoting(base, query, told)
        return None
