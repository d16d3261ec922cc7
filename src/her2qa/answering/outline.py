"""Outline: a section's lead-in told with what it announces.

"what else is in the pipeline beyond ADCs — bispecifics, CAR-T…?": the best sentence is often a section's lead-in, a
paragraph of one sentence naming the topics the section goes on to ("Further research … is centered around diverse
approaches, encompassing bispecific antibodies, CAR-T, and strategies aimed at regulating protein production or
degradation."). Quoted alone it names the topics and tells nothing of them; the opening sentence of each paragraph
after it tells what the section says of each (and, when results are asked, the paragraph's first sentence giving a
figure).

A mixin of :class:`her2qa.answering.pipeline.AnswerPipeline` (it uses the pipeline's sentence index and composer).
"""

from __future__ import annotations

import re

from ..citations import strip_markers
from ..figures import has_figure
from ..results import Answer
from .compose import Pick, merge

# "… bispecifics etc? what results", "any numbers?": the figures each paragraph gives are asked too
FIGURES_ASKED_RE = re.compile(r"\b(?:results?|numbers|figures|data|outcomes?|efficacy|response rates?)\b", re.I)

# A lead-in announces at least this many topics ('A, B, and C'): two are a pair, not an outline
ANNOUNCED_TOPICS = 3
# The paragraphs told after the lead-in (a section of more reads as its own overview)
OUTLINE_PARAGRAPHS = 6


class OutlinePlans:
    """A section's lead-in answered with the opening sentence of each paragraph it announces."""

    def _with_the_outline_it_announces(self, answer: Answer, text: str, carried: list[str]) -> Answer:
        if answer.abstained or len(answer.citations) != 1 or answer.table is not None:
            return answer
        citation = answer.citations[0]
        lead_in = self._sentence_of(citation.chunk_id, citation.quote)
        if lead_in is None or lead_in.index != 0 or len(self.sentences.paragraph(lead_in)) != 1 or \
                strip_markers(lead_in.text).count(",") < ANNOUNCED_TOPICS - 1:
            return answer
        section = [s for s in self.sentences.in_section(lead_in.source, lead_in.section) if s.section == lead_in.section]
        if not section or section[0].start != lead_in.start:
            return answer  # (a lone sentence in the middle of a section announces nothing)
        openings = [s for s in section if s.index == 0 and s.start > lead_in.start][:OUTLINE_PARAGRAPHS]
        if len(openings) < ANNOUNCED_TOPICS - 1:
            return answer
        # 'Targeted protein degradation (TPD) offers a novel approach…' names a kind; the sentence after it names
        # its examples ('Techniques such as PROTACs and molecular glues…'), which a list of approaches asks for
        examples = [self.sentences.examples_after(s) for s in openings]
        openings = sorted(openings + [f for f in examples if f is not None], key=lambda s: s.start)
        if FIGURES_ASKED_RE.search(text):
            # each paragraph's first sentence giving a figure ("ZW25 demonstrated a 33% response rate…") beside its opening
            figures = [next((f for f in self.sentences.paragraph(s)[1:] if has_figure(strip_markers(f.text))), None)
                       for s in openings]
            openings = sorted(openings + [f for f in figures if f is not None], key=lambda s: s.start)
        query = self.analyzer.analyze(text, carried=list(carried))
        picks = [Pick(chunk=self.sentences.chunk(s), text=s.text, start=s.start) for s in openings]
        self._considered.update(p.chunk.id for p in picks)
        base = answer.model_copy(update={"answer": "", "points": [], "citations": [], "lead": ""})
        told = self.composer.compose(base, picks, query)
        if told.abstained or not told.points:
            return answer
        return merge(answer, [("", answer), ("", told)], lead=answer.lead)
