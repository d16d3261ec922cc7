"""Gaps: saying exactly what the review does not report, and what it says beside it.

"what was the median OS in KATE2?" → "The review does not report a median OS for KATE2; it gives one-year OS
rates: …": a figure given for another trial, a measure said in other words, a setting or a kind the review
never names.

A mixin of :class:`her2qa.answering.pipeline.AnswerPipeline`.
"""

from __future__ import annotations

import re

from ..citations import cited_references, strip_markers
from ..figures import has_figure
from ..query import Query, light_stem, mentions, tokenize, without_reading_context
from ..results import Answer
from ..retrieval import is_generic
from .compose import with_antecedent
from .coverage import (
    MEASURES,
    SETTINGS_ASKED,
    content_words,
    measured_gap,
    qualifier_gaps,
)
from .extractive import (
    ASKED_KIND_RE,
    DRUG_RE,
    TRIAL_RE,
    _join,
    is_drug_name,
    names_of_kind,
    trial_names,
)
from .intent import DRUGS_OF_KIND_RE
from .passages import Sentence

# How far down the ranked sentences a rate asked is looked for before the review is said not to give it
RATE_SEARCH_REACH = 12

# A study named by its authors ("In 2009, Pohlmann et al. demonstrated…")
AUTHORS_RE = re.compile(r"\b[A-Z][\w\-']+(?: and [A-Z][\w\-']+)? et al\.")

# Early disease, or cancer left after treatment: what the adjuvant setting treats, in a patient's words
EARLY_OR_LEFT_RE = re.compile(r"\bearly[\s-](?:stage|breast|bc|disease)|\b(?:cancer|tumou?r|disease) (?:left|remain\w*)|"
                              r"\bresidual\b", re.I)

# How many sentences after the one placing a drug in the setting asked go on about it
SETTING_RUN = 3

# How near (in words) the setting is to the drug's name in a sentence that places the drug in it
NEAR_SETTING = 25


def setting_asked(question: str) -> re.Pattern | None:
    """How the review says the curative setting a question asks of ('after surgery' → "adjuvant"), or None."""
    for name in ("neoadjuvant", "adjuvant"):
        asked, said = SETTINGS_ASKED[name]
        if asked.search(question) or (name == "adjuvant" and EARLY_OR_LEFT_RE.search(question)):
            return said
    return None


def closest_said(sentences: list[str], question: str) -> str:
    """The sentence sharing most of the question's words (the first on a tie), shown beside a gap."""
    asked = {light_stem(w) for w in content_words(question)}
    def shared(text: str) -> int:
        return len(asked & {light_stem(w) for w in content_words(text)})
    return strip_markers(max(sentences, key=shared)).strip() if sentences else ""


class GapSteps:
    """What a declined answer names as missing, and the nearest thing the review does say."""

    def _in_the_setting_asked(self, base: Answer, answer: Answer, query: Query) -> Answer | None:
        """'is kadcyla used after surgery if there's cancer left?': a curative setting asked of a drug is answered
        where the review puts the drug in that setting ("Thereafter, in May 2019, T-DM1 became the first-ever ADC
        approved for the adjuvant treatment … KATHERINE trial") and the sentences going on about it (its trial's
        design and results), not by the drug's introduction; None when no sentence naming the drug (a quoted one
        first) puts it in the setting."""
        if base.intent not in ("yesno", "fact") or not (setting := setting_asked(query.text)):
            return None
        drugs = [e for e in self._specific(query) if is_drug_name(e)]
        quoted = [sentence for _, _, sentence in self._quoted(answer)]
        if len(drugs) != 1 or None in quoted:
            return None
        aliases = query.aliases.get(drugs[0], drugs)

        def apart(s: Sentence) -> int:
            """How far the setting is from the drug in the sentence ('T-DM1 became the first-ever ADC approved for
            the adjuvant treatment', not '…T-DM1 … who experienced disease relapse … after … adjuvant treatment')."""
            lowered, at = s.text.lower(), setting.search(s.text).start()
            named = [m.start() for a in aliases for m in re.finditer(re.escape(a.lower()), lowered)]
            return min(len(lowered[min(at, n):max(at, n)].split()) for n in named) if named else len(lowered[:at].split())
        # a quoted sentence first, else any that names the drug ('is T-DM1 given post-neoadjuvant?' may quote
        # only its introduction)
        naming = [s for s in self.sentences.mentioning(aliases) if self.sentences.chunk(s).kind == "text"]
        placing = next((s for s in sorted(quoted, key=lambda s: s.start) + naming if setting.search(s.text)
                        and apart(s) <= NEAR_SETTING and (mentions(s.text, aliases) or self._speaks_of(s, drugs[0], aliases))),
                       None)
        if placing is None:
            return None
        going_on = []
        own_trials = {t.lower() for t in trial_names(placing.text)}
        for s in self.sentences.paragraph(placing)[placing.index + 1: placing.index + 1 + SETTING_RUN]:
            if any(t.lower() not in own_trials and not is_generic(t) for t in trial_names(" ".join(s.text.split()[:8]))):
                break  # another trial begins ("The NALA phase III trial…" after ExteNET's approval)
            going_on.append(s)
        return self._quoting(base, query, [placing] + going_on)

    def _given_for_another(self, gaps: list[str]) -> str:
        """The one sentence printing a property asked of something else ('the drug-to-antibody ratio'
        of T-DM1 → T-DXd's "drug-to-antibody ratio (DAR) of approximately eight"), '' when none or many do."""
        phrase = re.sub(r"^the ", "", gaps[0]) if len(gaps) == 1 else ""
        phrase = self.analyzer.expansions.get(phrase.lower(), phrase)  # 'dar' → 'drug-to-antibody ratio'
        if phrase.lower() not in self.analyzer.reverse:  # a named property (DAR), not 'the number of patients'
            return ""
        printing = [s for s in self.sentences.sentences if phrase.lower() in s.text.lower()]
        if len(printing) != 1:
            return ""
        # 'It is uniquely designed…' under the T-DXd subheading: "[T-DXd] is uniquely designed…"
        quoted = with_antecedent(printing[0].text, self.sentences.subheading_of(printing[0]))
        # only when it says whose it is ("In intention-to-treat analysis, ORR was 60.9%" does not)
        named = [n for n in self.analyzer.entities_in(quoted) if is_drug_name(n) or self.is_trial(n)]
        return quoted if named else ""

    def _measure_said_otherwise(self, gaps: list[str], chunk_ids: list[str], question: str) -> str:
        """'a median OS' missing for HER2CLIMB: the sentence nearby that gives OS another way, with a figure
        ("The two-year OS rates were 44.9% … vs. 26.6%"), '' when none does."""
        measures = [MEASURES[p[2]] for g in gaps if len(p := g.split(" ", 2)) == 3 and p[2] in MEASURES]
        if not measures:
            return ""
        wanted = set(chunk_ids)
        found = [s.text for s in self.sentences.sentences if s.chunk_id in wanted and has_figure(strip_markers(s.text))
                 and any(re.search(rf"\b{re.escape(a)}\b", s.text, re.I) for names in measures for a in names)]
        return closest_said(found, question) if found else ""

    @staticmethod
    def _said(answer: Answer) -> list[str]:
        return [p.text for p in answer.points] or [answer.answer]

    def _unnamed(self, query: Query, said: list[str], kind: str, question: str = "") -> str:
        """'the name of the IGF-IR inhibitor' when a "which <drug/trial>…" question is answered by
        sentences that name none besides those asked ("ongoing trials are investigating IGF-IR
        inhibitors with HER2-targeted therapies" names no inhibitor), else ''."""
        # ("which trial established that (cleopatra established gold docetaxel)?": the words a follow-up's reading
        # brings along in brackets tell what 'that' is, not a name asked)
        typed = without_reading_context(query.text)
        asked = [a for e in query.entities for a in query.aliases.get(e, [e])
                 if typed == query.text or mentions(typed, query.aliases.get(e, [e]))]
        for text in said:
            if any(not mentions(n, asked) and not mentions(typed, [n]) for n in names_of_kind(text, kind)):
                return ""
        question = question or query.text  # (the question after what was told before it)
        noun = ASKED_KIND_RE.search(question)
        if noun and re.search(r"stud(?:y|ies)$", noun.group("noun"), re.I) and any(AUTHORS_RE.search(t) for t in said):
            return ""  # 'which study showed…': "Pohlmann et al. demonstrated…" names it by its authors
        if noun is None and DRUGS_OF_KIND_RE.match(question):  # 'drugs targeting axl'
            return f"the names of the {question.strip(' ?.!')}"
        # ('are there any drugs …': the kind asked, without the words that ask it)
        return f"the name of the {noun.group('kind').strip()}" if noun else ""

    def _naming_where_described(self, query: Query, kind: str) -> list[Sentence]:
        """Sentences naming a drug (or trial) other than those asked, where the review describes the
        question's trial or drug."""
        specific = self._specific(query)
        if not specific:
            return []
        entity = next((e for e in specific if self.is_trial(e)), specific[0])
        asked = [a for e in query.entities for a in query.aliases.get(e, [e])]
        cue = TRIAL_RE if kind == "trial" else DRUG_RE
        found = [s for s in self._described(query, entity, cue)
                 if any(not mentions(n, asked) and not mentions(query.text, [n]) for n in names_of_kind(s.text, kind))]
        return sorted(found[:2], key=lambda s: s.start)

    def _trial_of_the_same_paper(self, query: Query, answer: Answer) -> list[Sentence]:
        """The quoted sentences, then the first sentence elsewhere in the review that cites the same paper and names a
        trial: one paper is one study, so that trial is the study the quoted sentences report ([] when none does)."""
        quoted = [s for _, _, s in self._quoted(answer) if s is not None]
        papers = {n for s in quoted for n in cited_references(s.text)}
        if not papers or len(quoted) > 2:
            return []
        asked = [a for e in query.entities for a in query.aliases.get(e, [e])]
        naming = [s for s in self.sentences.sentences if s not in quoted and papers & set(cited_references(s.text))
                  and any(not mentions(n, asked) for n in names_of_kind(s.text, "trial"))]
        return sorted(quoted + naming[:1], key=lambda s: s.start) if naming else []

    def _giving_the_rate(self, answer: Answer, question: str, query: Query, candidates) -> Answer | None:
        """The best-ranked sentence that gives the rate asked beside its name, about the name asked, or None."""
        pool = self.extractive.pool(candidates, query)
        for pair in self.extractive._rank_units(query, pool)[:RATE_SEARCH_REACH]:
            text = strip_markers(pair[1].unit.text)
            if has_figure(text) and not measured_gap(query.text, self.analyzer, [text]) \
                    and self.extractive._about(query, pair):
                base = Answer(question=question, answer="", retrieved=answer.retrieved, resolved_question=query.text)
                found = self.extractive._compose(base, [pair], query)
                return found.model_copy(update={"intent": answer.intent, "points": self._named_points(found)})
        return None

    def _say_what_is_missing(self, base: Answer, declined: Answer, query: Query, candidates) -> Answer:
        """'The review does not report a median OS for NALA. What it says (§3.1.3): “However, no
        differences in OS were observed between arms.”' — the gap, named exactly, beside the nearest fact."""
        specific = self._specific(query)[:2]
        gaps = qualifier_gaps(query.text, [])
        if not gaps or not specific:
            return declined
        subject = _join(specific)
        measure_words = set(tokenize(" ".join(g.split(" ", 2)[-1] for g in gaps)))
        best = None
        for cand, unit in self.extractive._rank_units(query, self.extractive.pool(candidates))[:12]:
            text = unit.unit.text
            if any(mentions(text, query.aliases.get(e, [e])) for e in specific) or self.extractive._about(query, (cand, unit)):
                if measure_words & set(tokenize(text)):
                    best = (cand, unit)
                    break
        message = f"The review does not report {_join(gaps)} for {subject}."
        if best is not None:
            message += (f" What it says (§{best[0].chunk.section}): “{strip_markers(best[1].unit.text).strip()}”")
        return declined.model_copy(update={"answer": message, "missing": [f"{g} for {subject}" for g in gaps]})
