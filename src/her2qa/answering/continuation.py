"""Reading on: 'how is that being addressed?' is answered where the review goes on from the sentence the
last answer quoted ('…high incidence of diarrhea…' → 'Therefore, the CONTROL trial is being performed…')."""

from __future__ import annotations

import copy
import re

from ..citations import strip_markers
from ..results import Answer
from .compose import Pick
from .coverage import content_words
from .intent import classify
from .outcome import Outcome
from .passages import Sentence

# A sentence that carries on from the one before: a consequence, a remedy, an explanation.
CARRIES_ON_RE = re.compile(r"(?:Therefore|Thus|Hence|Consequently|As a result|For this reason|To (?:overcome|address|"
                           r"improve|reduce|avoid|prevent|solve)|In order to|This is (?:due|because)|Because|Since)\b")


class ContinuationPlans:
    """Mixin of :class:`AnswerPipeline`: the continuation plan for follow-ups that point at what was said."""

    def continuation(self, question: str, resolved: str, said: str) -> Outcome | None:
        """'how is that being addressed?' after an answer that quoted "…limited due to the high
        incidence of diarrhea…": the review goes on in the next sentence ("Therefore, the CONTROL trial
        is being performed…"). None when the sentence said is not found or the next one does not
        carry on from it (a connective or a word of the question)."""
        call = copy.copy(self)  # shared by concurrent users: per-call state on a copy, as in run()
        call._considered, call._pool, call._retrieve_s = set(), [], 0.0
        return call._continue(question, resolved, said)

    def _continue(self, question: str, resolved: str, said: str) -> Outcome | None:
        sentence = self._sentence_said(said)
        if sentence is None:
            return None
        paragraph = self.sentences.paragraph(sentence)
        following = paragraph[sentence.index + 1: sentence.index + 2]
        asked = set(content_words(resolved)) - {"that", "this"}
        if not following or not (CARRIES_ON_RE.match(following[0].text)
                                 or asked & set(content_words(following[0].text))):
            return None
        chosen = [sentence] + following
        self._considered.update(s.chunk_id for s in chosen)
        query = self.analyzer.analyze(resolved)
        base = Answer(question=question, answer="", intent=classify(resolved), resolved_question=resolved)
        picks = [Pick(chunk=self.sentences.chunk(s), text=s.text, start=s.start) for s in chosen]
        return Outcome(self.composer.compose(base, picks, query), self._pool, self._considered)

    def _sentence_said(self, said: str) -> "Sentence | None":
        """The review sentence an answer point quotes (points may add '[antecedent]' and drop markers)."""
        wanted = re.sub(r"\s+", " ", strip_markers(re.sub(r"\[[^\]\d][^\]]*\]\s*", "", said))).strip()[:80]
        if len(wanted) < 20:
            return None
        return next((s for s in self.sentences.sentences
                     if re.sub(r"\s+", " ", strip_markers(s.text)).strip().startswith(wanted)), None)
