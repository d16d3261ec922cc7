"""Plans about one drug or trial: where the review describes it (its stretches of text, who the
topic of a sentence is), one aspect of it (side effects…), an endpoint asked of it, answers anchored in
its text, and results of a trial the review only lists.

A mixin of :class:`her2qa.answering.pipeline.AnswerPipeline`.
"""

from __future__ import annotations

import re

from ..citations import strip_markers
from ..figures import has_figure
from ..query import (NEGATING_PREFIXES, PRETREATED_SAID_RE, STOPWORDS, Query, compact, light_stem, mentions,
                     only_as_comparator, tokenize, treatment_history, without_reading_context)
from ..results import Answer
from ..retrieval import is_generic
from .compose import merge
from .coverage import (DURATION_CUE, ENDPOINTS, SURVIVAL_ENDPOINTS, asked_endpoints, attribute_words,
                       gives_an_unnamed_survival_figure, measured_gap, names_of_property, unnamed_survival_figure)
from .extractive import COMMON_CODES, DRUG_CODE_RE, DRUG_RE, WHERE_TOLD_FIRST_RE, _join, asked_kind, is_drug_name, trial_names
from .intent import COMPARE_RE
from .passages import CARRIES_ON_RE, FRAME_WORDS, Sentence, words_of
from .tables import row_text
from ..vocabulary import AGENCIES, SAME_TOPIC, synonym_meanings

# The opening of a yes/no ('does kadcyla', 'can enhertu', 'is it able to') and words that frame what it asks
YESNO_OPENING_RE = re.compile(r"^\W*(?:(?:so|and|ok|but)\s+)?(?:does|do|did|can|could|will|would|is|are|was|were|has|have)\s+", re.I)
# How many words apart the words of a yes/no's predicate may be in a sentence that says it
PHRASE_REACH = 8
PREDICATE_FRAME = {"able", "even", "also", "been", "being", "ever", "really", "actually", "known", "shown", "said", "supposed", "well", "still",
                   "drug", "drugs", "medicine", "patients", "people", "work", "works", "help", "helps", "good",
                   # ('does tykerb have cns activity': it works there, in whatever words)
                   "activity", "active",
                   # ('ild rate with kadcyla': how often is asked of the event, which is what must be said of the drug)
                   "rate", "rates", "incidence", "frequency", "percentage", "percent", "proportion", "often", "data",
                   "figures", "numbers"}

# The one aspect of a drug or trial asked on its own (the review's "Safety" wording and the user's).
FACET_RE = re.compile(r"adverse|\btoxic|side[\s-]?effects?|tolera|safety|\bAEs?\b|interstitial lung|\bILD\b|"
                      r"easier on|gentler|"
                      r"diarrh|transaminitis|hand[\s–-]foot", re.I)
# A chemotherapy named in a regimen ('the tucatinib capecitabine herceptin triplet'): a partner, not what is asked —
# the -citabines, which the drug suffixes ``is_drug_name`` reads (-taxel, -platin, -rubicin…) leave out
CHEMOTHERAPY_RE = re.compile(r"citabine$")
# The largest share of the review's paragraphs a topic asked of a drug may be named in to be checked
TOPIC_SHARE = 0.1
# A kind of drug or the disease spelt out ('adcs' → antibody–drug conjugates, 'mbc'): no topic asked of a drug
KIND_OF_DRUG_OR_DISEASE_RE = re.compile(r"\b(?:conjugates?|inhibitors?|antibod(?:y|ies)|cancers?|carcinomas?)\b")
# Drugs asked as one regimen: 'the tucatinib cape herceptin triplet', 'tucatinib + trastuzumab'
REGIMEN_ASKED_RE = re.compile(r"\b(?:triplets?|triple|doublets?|combos?|combinations?|regimens?)\b|\+|\bplus\b", re.I)
# A sentence about a trial ("this trial included…", "In the HER2CLIMB study, …")
TRIAL_SAID_RE = re.compile(r"\b(?:trials?|stud(?:y|ies))\b", re.I)
# A judgement of a drug's safety rather than a report of its events
VERDICT_RE = re.compile(r"\b(?:favou?rable|lower|higher|better|worse|good|poor|manageable|acceptable)\s+(?:\w+\s+)?"
                        r"(?:toxicity|safety|tolerability|side[\s-]effects?)|\bwell[\s-]tolerated|\btolerable\b|"
                        r"\blimited (?:due to|by)\b", re.I)
# What is done about a problem: asked ("anything being done about it", "how are they dealing with it") and said
# ("…to improve its tolerability by administering antidiarrheal prophylaxis", "dose escalation").
REMEDY_ASKED_RE = re.compile(r"\b(?:done about|deal(?:ing|t)? with|tackl\w*|address\w*|fix\w*|solv\w*|overcom\w*|"
                             r"manag\w*|mitigat\w*|prevent\w*|counter\w*|improv\w*)\b", re.I)
# A problem said to hold a drug back: "its use is often limited due to the high incidence of diarrhea"
LIMITS_USE_RE = re.compile(r"\b(?:use|utility|benefit|administration) (?:is|was|are|were|has been|remains) (?:often |frequently |usually )?"
                           r"(?:limited|restricted|hampered|compromised)\b", re.I)
REMEDY_SAID_RE = re.compile(r"\b(?:to improve|to reduce|to decrease|to prevent|prophyla\w*|dose escalation|"
                            r"manag\w*|mitigat\w*)", re.I)
# A drug's standing: approved (for what), or still in trials.
APPROVAL_ASKED_RE = re.compile(r"\b(?:approv\w*|fda|ema|licen[sc]ed|available|on the market|marketed)\b", re.I)
APPROVAL_SAID_RE = re.compile(r"\bapprov\w*|\bundergoing clinical trials|\bcurrently being (?:tested|evaluated|investigated)|"
                              r"\btrials (?:are|were) (?:testing|assessing|evaluating)", re.I)
# what goes on about a status's trial: "Some examples of these trials are…", "This was a phase III study involving…"
EXAMPLES_RE = re.compile(r"(?:Some )?examples? of (?:these|this|such)\b|This (?:was|is) an? \w+|The(?:se|is) (?:study|trial)\b", re.I)


def without_brackets(text: str) -> str:
    """The question as typed: a bracket holds the conversation's topic added to a follow-up ('(approved
    adjuvant use)') or a name explained ('CLEOPATRA (perjeta + herceptin + docetaxel)')."""
    return re.sub(r"\([^)]*\)", " ", text)


def _status_of(text: str, aliases: list[str]) -> bool:
    """A status said of the drug itself: the drug opens the sentence, or stands within twelve words of
    'approved' / 'undergoing clinical trials' (not 'Moreover, T-DXd has enhanced … and the new drug
    SYD985 is currently undergoing…')."""
    words = text.split()
    if not APPROVAL_SAID_RE.search(text):
        return False
    if mentions(" ".join(words[:2]), aliases):
        return True  # the drug opens the sentence ("Neratinib is … that was firstly approved…")
    drugs = sorted(m.start() for pattern in (DRUG_RE, DRUG_CODE_RE) for m in pattern.finditer(text))
    for match in APPROVAL_SAID_RE.finditer(text):
        at = len(text[:match.start()].split())
        window = " ".join(words[max(0, at - 12): at + 12])
        if not mentions(window, aliases):
            continue
        # the drug named last before the status is the one it is said of ('… and the new drug trastuzumab
        # duocarmazine is currently undergoing …' is SYD985's, not T-DM1's)
        before = [start for start in drugs if start < match.start() and len(text[start:match.start()].split()) <= 12]
        # (from a little before that name: 'trastuzumab duocarmazine' is two words)
        if not before or mentions(text[max(0, before[-1] - 20):match.start()], aliases):
            return True
    return False


EVENT_RE = re.compile(r"diarrh|transaminitis|hand[\s–-]foot|interstitial|pneumonitis|neutropeni|nausea|fatigue|"
                      r"cardiotox|hepatotox|\bgrade\b|fatal|hematolog|gastrointestinal|discontinu", re.I)
# Figures asked for outright ("pfs and os numbers?"), not just whether an endpoint improved.
# A result's figure: a value with its unit, a decimal, a hazard ratio (not 'phase III', 'HER2', 'two lines').
RESULT_FIGURE_RE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|months?|weeks?|years?|mg)|\b\d+\.\d+\b|hazard ratio|\bHR\b", re.I)
def _figure_given(sentences) -> bool:
    return any(RESULT_FIGURE_RE.search(s.text) for s in sentences)


# ('what were the actual pfs months in destiny-breast04': the endpoint's figure, in its unit)
FIGURES_ASKED_RE = re.compile(r"\b(?:numbers?|figures?|values?|exact|actual|how big|how large|median|mean|"
                              r"(?:pfs|os|dfs|idfs|dor)\s+(?:in\s+)?(?:months|weeks))\b", re.IGNORECASE)
RESULTS_ASKED_RE = re.compile(r"\b(?:results?|outcomes?|efficacy|benefit|beat|better|superior|improv\w*|"
                              r"show(?:ed|s)?|find|found|work(?:ed|s)?|read ?out|data|"
                              # ('did DESTINY-Breast 06 meet its primary endpoint?')
                              r"(?:meet|met|hit|reach(?:ed)?|miss(?:ed)?) (?:its|the))\b", re.I)
# "show me X", "can you show the row for X": a request to display, not "what did X show"
SHOW_ME_RE = re.compile(r"^\s*(?:(?:can|could) you |pls |please )?show\b(?:\s+(?:me|us)\b)?", re.I)
NAME_LIMIT = 8


# "was there another phase 3 of kadcyla apart from emilia?": other trials than the one named are what is asked
OTHERS_ASKED_RE = re.compile(r"\b(?:another|other|others|apart from|besides|aside from|except|beyond)\b", re.I)


# "On the other hand, the randomized PATRICIA trial…": a sentence that turns to another study
TURNS_TO_ANOTHER_RE = re.compile(r"(?:On the other hand|In contrast|Conversely|Meanwhile|Another|Other|A second|The second)\b")


# An approval told with the trial it rested on: "…based on the (positive) results of the KATHERINE trial"
APPROVED_ON_TRIAL_RE = re.compile(r"\bbased on (?:the )?(?:positive )?results of the [A-Z][\w\-]+ (?:phase \w+ )?(?:trial|study)\b")
# ... and what a sentence with figures says of the outcome ("T-DM1 improved invasive DFS (Hazard ratio, 0.50; …)")
RESULT_SAID_RE = re.compile(r"\bimprov\w*|\breduc\w*|\b[Hh]azard ratio\b|\bmedian\b|\brisk\b")
# A name in capitals followed, in its sentence, by 'trial' or 'study' (the result sentence must tell no other trial)
TRIAL_CALLED_RE = re.compile(r"\b[A-Z][A-Z0-9]{2,}[\w\-]*\b(?=[^.]*\b(?:trial|study)\b)")


# A sentence telling of one trial or study, named or not ('A phase III study compared…')
ONE_TRIAL_TOLD_RE = re.compile(r"\b(?:trial|study)\b", re.I)

# 'reversible or irreversible', 'cleavable or non-cleavable': a property asked beside its opposite
OPPOSITES_ASKED_RE = re.compile(r"\b(?P<one>[a-z][a-z\-]{3,})\s+or\s+(?P<other>[a-z][a-z\-]{3,})\b")


def _opposites(one: str, other: str) -> bool:
    """Is one word the other with a negating prefix ('irreversible' of 'reversible')?"""
    return any(b == f"{prefix}{a}" for a, b in ((one, other), (other, one)) for prefix in NEGATING_PREFIXES)


class SubjectPlans:
    """Plans about one drug or trial, for :class:`AnswerPipeline` (self is the pipeline)."""

    def _endpoint_across_trials(self, question: str, query: Query) -> Answer | None:
        """'kadcyla in EMILIA vs tukysa in HER2CLIMB, median pfs?': one endpoint asked of two or more
        trials is answered trial by trial, each under its own heading, then side by side."""
        endpoints = asked_endpoints(query.text)
        trials = list(dict.fromkeys(e for e in self._specific(query) if self.is_trial(e)))
        if not endpoints or len(trials) < 2 or not COMPARE_RE.search(query.text):
            return None
        qualifier = "median " if re.search(r"\bmedian\b", query.text, re.I) else ""
        parts = []
        for trial in trials[:3]:
            sub = f"{qualifier}{' and '.join(endpoints)} in {trial}?"
            parts.append((trial, self._single(question, sub, [], "fact")))
        if all(a.abstained for _, a in parts):
            return None
        base = self._base(question, query, self._pool, "compare")
        return merge(base, parts).model_copy(update={"intent": "compare"})

    def _listed_only(self, base: Answer, query: Query, text: str) -> Answer | None:
        """'DESTINY-Breast06 results — did enhertu beat chemo?': a trial the review only lists in a
        table of ongoing trials has no results in it. Say so, with the row it does give."""
        if not RESULTS_ASKED_RE.search(SHOW_ME_RE.sub("", text)):
            return None  # "show me destiny-breast08 - arms, phase" asks for the row, not for results
        for entity in self._specific(query):
            aliases = query.aliases.get(entity, [entity])
            if self.sentences.mentioning(aliases):
                continue
            for source, table in self.tables.tables():
                rows = [r for r in table.rows if mentions(row_text(table, r), aliases)]
                if len(rows) != 1 or not re.search(r"ongoing|under development", table.caption, re.I):
                    continue
                row = rows[0]
                shown = "; ".join(f"{c}: {row.cells[c]}" for c in table.columns if row.cells.get(c))
                return self._decline(base, f"The review reports no results for {entity}: it only lists it in "
                                           f"Table {table.number} ({table.caption.rstrip('.')}) — {shown}.",
                                     missing=[f"results of {entity}"])
        return None

    def _facet(self, base, query: Query, judged: bool = False) -> Answer | None:
        """'side effects of tukysa?', 'lung toxicity with T-DXd in DESTINY-Breast03?': one aspect of a
        drug or trial. The review rarely repeats the question's words there ("diarrhea, transaminitis …
        were frequent"), so the answer is the aspect's sentences in the passages where the review
        describes that drug or trial, in reading order.

        ``judged``: a side of a comparison ("which is easier on the body"), where the review's verdict on
        the aspect ("which explains its favorable toxicity profile") answers as much as the rates do."""
        if not FACET_RE.search(query.text) or query.wants_number or asked_kind(WHERE_TOLD_FIRST_RE.sub("", query.text)):
            return None  # a figure or "which trial…" is asked: the fact path checks for it exactly
        # (of the question's own names, not those the reading brought in brackets: "does nerlynx cause diarrhea
        # (… EXTENET)?" asks about nerlynx)
        typed = without_reading_context(query.text)
        specific = [e for e in self._specific(query) if mentions(typed, query.aliases.get(e, [e]))] or self._specific(query)
        trials = [e for e in specific if self.is_trial(e)]
        entity = (trials or specific or [None])[0]
        if entity is None:
            return None
        facet = self._described(query, entity, FACET_RE)
        if not facet:
            return None
        if REMEDY_ASKED_RE.search(query.text) and (remedies := self._remedies(facet)):
            # "is anything being done about it?": what is done about the problem, beside the problem
            chosen = sorted({s.start: s for s in facet[:1] + remedies}.values(), key=lambda s: s.start)[:4]
            return self._quoting(base, query, chosen, lambda s: self._antecedent(s, entity))
        # A sentence naming the aspect in passing ("its favourable toxicity profile") gives way to
        # the ones that report it, when both are there.
        reported = [s for s in facet if has_figure(strip_markers(s.text)) or EVENT_RE.search(s.text)]
        verdict = self._verdicts(query, entity, reported)[:1] if judged else []
        chosen = sorted(verdict + (reported or facet)[:4 - len(verdict)], key=lambda s: s.start)
        if measured_gap(query.text, self.analyzer, [s.text for s in chosen]):
            return None  # "grade 3 diarrhea rate in nala" is a figure: the fact path checks for it exactly
        # a problem that limits a drug's use comes with what the review says is done about it, when it goes
        # straight on to that ("…limited due to the high incidence of diarrhea" → "Therefore, the CONTROL trial…")
        limiting = [s for s in chosen if LIMITS_USE_RE.search(s.text)]
        chosen = sorted({s.start: s for s in chosen + self._remedies(limiting, carrying_on=True)}.values(),
                        key=lambda s: s.start)
        return self._quoting(base, query, chosen, lambda s: self._antecedent(s, entity))

    def _approval_status(self, base, query: Query) -> Answer | None:
        """'is trastuzumab duocarmazine approved yet?', 'is nerlynx only approved for metastatic
        disease?': every sentence where the review says of that drug that it was approved, or that it
        is still being tested, in reading order — the status is the answer, whichever it is."""
        # what the question itself asks, not the conversation's topic added in brackets ('(tki got fda approval)')
        typed = without_brackets(query.text)
        if not APPROVAL_ASKED_RE.search(typed) or query.wants_number:
            return None
        drugs = [e for e in self._specific(query) if is_drug_name(e) or DRUG_CODE_RE.fullmatch(e)]
        if len(drugs) != 1:
            return None
        drug = drugs[0]
        aliases = query.aliases.get(drug, [drug])
        status = [s for s in self._stretches(query, drug) if APPROVAL_SAID_RE.search(s.text) and self._speaks_of(s, drug, aliases)
                  and (not mentions(s.text, aliases) or _status_of(s.text, aliases))]
        status += [s for s in self.sentences.mentioning(aliases) if _status_of(s.text, aliases)]
        # "Several trials are testing its action…" goes on in "Some examples of these trials are the TULIP…"
        status += [nxt for s in status for nxt in self.sentences.paragraph(s)[s.index + 1: s.index + 2]
                   if EXAMPLES_RE.match(nxt.text)]
        # the sentences naming what else the question asks ('adjuvant') first, then in reading order
        asked = [w for w in re.findall(r"[a-z]{5,}", typed.lower())
                 if w not in ("approved", "approval", "setting", "still") and not mentions(w, aliases)]
        unique = list({s.start: s for s in status}.values())
        ranked = sorted(unique, key=lambda s: (-sum(w[:6] in s.text.lower() for w in asked), s.start))
        chosen = sorted(ranked[:4], key=lambda s: s.start)
        # "…approved for the adjuvant treatment … based on the results of the KATHERINE trial": the results it was
        # approved on, told in the sentences after (where no other trial is named)
        chosen += [found for s in chosen if APPROVED_ON_TRIAL_RE.search(s.text)
                   if (found := next((nxt for nxt in self.sentences.paragraph(s)[s.index + 1: s.index + 4]
                                      if nxt not in chosen and has_figure(strip_markers(nxt.text))
                                      and RESULT_SAID_RE.search(nxt.text)), None)) is not None
                   and not TRIAL_CALLED_RE.search(found.text)]
        chosen = sorted({s.start: s for s in chosen}.values(), key=lambda s: s.start)
        # 'approved for her2-low?': a status that never names the setting asked is no answer to it
        others = [e for e in query.entities if e != drug and e not in query.common
                  and e.lower() not in {"fda", "ema", "her2", "her2+", "her2-positive", "anti-her2"}]
        if not chosen or any(not any(mentions(s.text, query.aliases.get(e, [e])) for s in chosen) for e in others):
            return None
        return self._quoting(base, query, chosen, lambda s: self._antecedent(s, drug))

    def _remedies(self, problems: list[Sentence], carrying_on: bool = False) -> list[Sentence]:
        """What the review says is done about a problem, in the two sentences after it ("Therefore, the
        CONTROL trial is being performed to improve its tolerability…" after neratinib's diarrhea);
        ``carrying_on``: only the sentence right after, opening with a consequence."""
        found = []
        for problem in problems:
            following = self.sentences.paragraph(problem)[problem.index + 1: problem.index + (2 if carrying_on else 3)]
            found += [s for s in following if REMEDY_SAID_RE.search(s.text) and s not in problems
                      and (not carrying_on or CARRIES_ON_RE.match(s.text))]
        return found

    def _verdicts(self, query: Query, entity: str, reported: list[Sentence]) -> list[Sentence]:
        """Where the review judges a drug's safety ("…which explains its favorable toxicity profile",
        "T-DM1 presented a lower toxicity profile"), in any passage about it, in reading order."""
        aliases = query.aliases.get(entity, [entity])
        return sorted({s.start: s for run in self._runs(query, entity) for s in run
                       if FACET_RE.search(s.text) and VERDICT_RE.search(s.text) and s not in reported
                       and self._speaks_of(s, entity, aliases)}.values(), key=lambda s: s.start)

    def _described(self, query: Query, entity: str, cue: re.Pattern) -> list[Sentence]:
        """The sentences matching ``cue`` where the review describes ``entity`` at length (not where
        it is named in a list of drugs), and only those that speak of it."""
        aliases = query.aliases.get(entity, [entity])
        runs = [(run, [s for s in run if cue.search(s.text) and self._speaks_of(s, entity, aliases)])
                for run in self._runs(query, entity)]
        runs = [(run, found) for run, found in runs if found]
        return max(runs, key=lambda r: len(r[0]))[1] if runs else []

    def _measure_covered(self, base: Answer, answer: Answer, query: Query) -> Answer:
        """'patricia OS results?', 'ILD rate in DESTINY-Breast04?': an endpoint asked of a drug or
        trial must be stated by the answer. If the chosen sentences do not state it, look where the
        review describes that drug or trial; if it is not there either, say so beside what it says."""
        asked = asked_endpoints(query.text)
        specific = self._specific(query)
        if not asked or not specific or answer.abstained or query.wants_reference or base.intent not in ("fact", "yesno"):
            return answer
        trials = [e for e in specific if self.is_trial(e)]
        entity = (trials or specific)[0]
        aliases = query.aliases.get(entity, [entity])
        # Only what is said of that drug or trial counts (EMILIA's OS is not KATHERINE's).
        stretches = self._stretches(query, entity)  # where the review describes it
        about = {s.start for s in stretches}
        kept = [s for _, _, s in self._quoted(answer) if s is not None and (s.start in about or mentions(s.text, aliases))]
        evidence = " ".join(s.text for s in kept)
        gaps = [name for name in asked if not ENDPOINTS[name].search(evidence)]
        # The review sometimes gives a trial's survival figures without naming the endpoint ("the
        # triple combination (8.3 months vs. 5.7 months; Hazard ratio, 0.67)"): a figure where it
        # describes the trial, naming no other endpoint, stands for the one asked.
        gaps = [g for g in gaps if not unnamed_survival_figure([g], [s.text for s in kept])]
        if not gaps and (paired := self._hazard_of_endpoint(base, query, entity, stretches, kept)) is not None:
            return paired
        # (a figure of the endpoint: the dose quoted beside it, "5.4 mg/kg", is none)
        if not gaps and FIGURES_ASKED_RE.search(query.text) and kept and not _figure_given(
                [s for s in kept + stretches if any(ENDPOINTS[e].search(s.text) for e in asked)
                 or (s in kept and gives_an_unnamed_survival_figure(s.text))]):
            # "th3resa pfs and os numbers?": the review says PFS and OS improved, and gives no figure
            naming = [s for s in kept if any(ENDPOINTS[e].search(s.text) for e in asked)]
            said = f"“{strip_markers((naming or kept)[0].text).strip()}”"
            return self._decline(base, f"The review gives no figures for {_join(asked)} in {entity}. What it says: {said}",
                                 missing=[f"{_join(asked)} figures for {entity}"])
        if not gaps:
            return answer
        # (or where the review goes on about it without naming it: "In this setting, T-DM1 improved invasive DFS…")
        found = self._described(query, entity, ENDPOINTS[gaps[0]]) or [
            s for s in stretches if ENDPOINTS[gaps[0]].search(s.text)][:2]
        if not found and gaps[0] in SURVIVAL_ENDPOINTS and gaps[0] != "OS":
            found = [s for s in self._described(query, entity, DURATION_CUE) if gives_an_unnamed_survival_figure(s.text)]
        # every endpoint asked, not only the first: "hazard ratio for os?" is not answered by OS rates
        found, unfound = found[:3], []
        for gap in gaps[1:] if found else []:
            if not any(ENDPOINTS[gap].search(s.text) for s in found):
                more = self._described(query, entity, ENDPOINTS[gap])[:2]
                found, unfound = found + more, unfound + ([] if more else [gap])
        if found and not unfound:
            chosen = sorted({s.start: s for s in kept + found}.values(), key=lambda s: s.start)
            paired = self._hazard_of_endpoint(base, query, entity, stretches, chosen)
            return paired or self._quoting(base, query, chosen, lambda s: self._antecedent(s, entity))
        if found:
            return self._not_reported(base, unfound, entity, [found[0].text])
        # Beside the gap, what the review does report for it: another endpoint where it describes it
        # ("T-DM1 improved invasive DFS (Hazard ratio, 0.50…)"), else where it first names it.
        reported = [s for s in stretches if any(p.search(s.text) for p in ENDPOINTS.values())]
        first = [s.text for s in reported[:1]] or [s.text for s in kept if mentions(s.text, aliases)][:1] or [
            s.text for s in self.sentences.mentioning(aliases)[:1]]
        return self._not_reported(base, gaps, entity, first)

    def _not_reported(self, base: Answer, gaps: list[str], entity: str, said: list[str]) -> Answer:
        """'The review does not report a hazard ratio for OS in HER2CLIMB. What it says: “…”'."""
        quoted = " ".join(f"“{strip_markers(q).strip()}”" for q in said)
        message = f"The review does not report {_join(gaps)} for {entity}." + (f" What it says: {quoted}" if quoted else "")
        return self._decline(base, message, missing=[f"{g} for {entity}" for g in gaps])

    def _hazard_of_endpoint(self, base: Answer, query: Query, entity: str, stretches: list[Sentence],
                            chosen: list[Sentence]) -> Answer | None:
        """'her2climb os hazard ratio?': a hazard ratio asked with one endpoint is that endpoint's, not the
        PFS one quoted beside OS rates. None when a chosen sentence gives both; else the answer with the
        sentence of the trial's text that does, or a decline saying the review gives none."""
        asked = asked_endpoints(query.text)
        endpoints = [e for e in asked if e in SURVIVAL_ENDPOINTS]
        if "a hazard ratio" not in asked or len(endpoints) != 1:
            return None

        def both(sentence: Sentence) -> bool:
            return bool(ENDPOINTS[endpoints[0]].search(sentence.text) and ENDPOINTS["a hazard ratio"].search(sentence.text))

        if any(both(s) for s in chosen):
            return None
        found = [s for s in stretches if both(s)][:2]
        if found:
            everything = sorted({s.start: s for s in chosen + found}.values(), key=lambda s: s.start)
            return self._quoting(base, query, everything, lambda s: self._antecedent(s, entity))
        stating = [s for s in chosen if ENDPOINTS[endpoints[0]].search(s.text)] or chosen
        said = f" What it says: “{strip_markers(stating[0].text).strip()}”" if stating else ""
        return self._decline(base, f"The review does not report a hazard ratio for {endpoints[0]} in {entity}.{said}",
                             missing=[f"a hazard ratio for {endpoints[0]} in {entity}"])

    def _runs(self, query: Query, entity: str) -> list[list[Sentence]]:
        """For each paragraph naming the entity, the run from its first mention until the text moves
        on to another drug or trial."""
        aliases = query.aliases.get(entity, [entity])
        hits = self.sentences.mentioning(aliases)
        return [self._run(key, hits, aliases, entity, query, limit=2 * NAME_LIMIT)
                for key in dict.fromkeys((h.source, h.paragraph) for h in hits)]

    def _in_the_population_treated(self, base: Answer, query: Query) -> Answer | None:
        """'kadcyla in pts who already had trastuzumab and lapatinib?': the sentence where the review gives
        the subject to patients treated before with those very drugs (TH3RESA's "patients who had received …
        including trastuzumab and lapatinib"), when one or two sentences do."""
        history_text = treatment_history(query.text)
        if not history_text:
            return None
        specific = self._specific(query)
        history = [e for e in specific if mentions(history_text, query.aliases.get(e, [e]))]
        subjects = [e for e in specific if e not in history]
        if not history or not subjects:
            return None
        found = []
        for sentence in self.sentences.sentences:
            said = [m.group(0) for m in PRETREATED_SAID_RE.finditer(sentence.text)]
            if not said or not all(any(mentions(c, query.aliases.get(h, [h])) for c in said) for h in history):
                continue
            upto = " ".join(s.text for s in self.sentences.paragraph(sentence) if s.index <= sentence.index)
            if all(mentions(upto, query.aliases.get(e, [e])) for e in subjects):
                found.append(sentence)
        if not 1 <= len(found) <= 2:
            return None
        chosen = []
        for sentence in found:
            chosen.append(sentence)
            following = [s for s in self.sentences.paragraph(sentence) if s.index == sentence.index + 1]
            if following and not has_figure(strip_markers(sentence.text)) and has_figure(strip_markers(following[0].text)) \
                    and re.match(r"(?:The|This) (?:trial|study)\b|It\b", following[0].text):
                chosen.append(following[0])  # the trial's results, told next
        return self._quoting(base, query, chosen, lambda s: self._antecedent(s, subjects[0]))

    def _stretches(self, query: Query, entity: str) -> list[Sentence]:
        """Every sentence in a stretch of text about the entity, in reading order."""
        found = {s.start: s for run in self._runs(query, entity) for s in run}
        return sorted(found.values(), key=lambda s: s.start)

    def _anchored(self, base: Answer, answer: Answer, query: Query) -> Answer:
        """'was the kadcyla benefit in emilia limited to HR+ patients?': the text about the trial asked
        of is searched for the sentences sharing most of the question's other words ("…regardless of
        the site of metastatic disease and HR status"); when one says more of them than every quoted
        sentence, it joins the answer (or replaces it, if nothing quoted is about that trial)."""
        specific = self._specific(query)
        trials = [e for e in specific if self.is_trial(e) and e not in query.carried]
        if not trials and all(e in query.carried for e in specific):
            # "which arm came out best?" after a MonarcHER question: the carried trial is the subject
            # (or the carried drug: "the main problem with the drug that won?" after NALA)
            trials = [e for e in specific if self.is_trial(e)][:1] or [e for e in specific if is_drug_name(e)][:1]
        if not trials and base.intent in ("why", "yesno"):  # "why would tykerb help…": the drug's own text
            trials = [e for e in self._specific(query) if e not in query.carried and is_drug_name(e)][:1]
        if answer.abstained or not trials or asked_kind(query.text) or any(c.kind == "reference" for c in answer.citations):
            return answer  # ("which other trials…" asks for different ones)
        entity = trials[0]
        aliases = query.aliases.get(entity, [entity])
        stretch = self._stretches(query, entity)
        starts = {s.start for s in stretch}
        # The drugs and trials named say nothing about which of the trial's sentences answers; a
        # status or marker asked of it ('HR+', 'PD-L1') does.
        subjects = [e for e in query.entities if self.is_trial(e) or is_drug_name(e)]
        names = set(tokenize(" ".join(a for e in subjects for a in query.aliases.get(e, [e]))))
        # a follow-up's bracketed context ("(approved adjuvant use)") was the last turn's question, not this one's
        asked = without_brackets(query.text) if query.carried else query.text
        said_as = " ".join(synonym_meanings(asked))  # 'before' → 'prior'
        words = {light_stem(w.rstrip("+−-")) for w in tokenize(f"{asked} {said_as}")} - {
            light_stem(w) for w in names} - {light_stem(w) for w in FRAME_WORDS}
        # "what was the benefit in that trial?": a result is what is asked, whatever its words
        results_asked = bool(RESULTS_ASKED_RE.search(asked))

        def said(text: str) -> int:
            return len(words & {light_stem(w) for w in tokenize(text)}) + int(results_asked and bool(RESULT_FIGURE_RE.search(text)))

        quoted: list[Sentence] = []
        for _, citation, sentence in self._quoted(answer):
            if citation is None or citation.kind in ("table_row", "table", "reference"):
                if citation is not None and mentions(citation.quote, aliases):
                    return answer  # a row or entry about the trial itself
                continue
            if sentence is None:
                return answer  # a quote this step cannot place: leave the answer as it is
            quoted.append(sentence)
        on_subject = [s for s in quoted if s.start in starts or mentions(s.text, aliases)]
        if base.intent == "fact" and len(trials) == 1 and self.is_trial(entity) and entity not in query.carried \
                and on_subject and not OTHERS_ASKED_RE.search(query.text) and not [
                    t for t in trial_names(query.text) if not mentions(t, aliases) and t.upper() not in COMMON_CODES
                    and not is_generic(t)]:  # (a second trial typed, 'EGF1001515 vs EGF104900 OS', is asked too)
            # "os in EGF104900?": a sentence going on about the trial before it (EGF1001515's OS, "However, no
            # statistically significant differences were observed in OS…") gives that trial's figure, not this one's
            # (and one of its paragraph before the trial is introduced, "T-DM1 was the first ADC approved…" before
            # "In the EMILIA phase III trial…", says nothing of it — unless it tells a trial unnamed, "A phase III
            # study compared…")
            spoken_of = {s.start: self._trial_spoken_of(s, aliases) for s in quoted if s not in on_subject}
            elsewhere = {s.start for s in quoted if spoken_of.get(s.start) == "another" or (
                spoken_of.get(s.start) == "" and not ONE_TRIAL_TOLD_RE.search(s.text)
                and any(mentions(later.text, aliases) for later in self.sentences.paragraph(s)[s.index + 1:]))}
            if elsewhere:
                quoted = [s for s in quoted if s.start not in elsewhere]
                answer = self._quoting(base, query, quoted, lambda s: self._antecedent(s, entity))
        best = max((said(s.text) for s in stretch), default=0)
        # (a claim quoted with the sentence before it that names its subject, "Tucatinib is a new TKI…", is one claim)
        one_claim = len(quoted) == 1 or (len(quoted) == 2 and (quoted[0].source, quoted[0].paragraph) == (
            quoted[1].source, quoted[1].paragraph) and quoted[1].index == quoted[0].index + 1)
        if base.intent == "yesno" and one_claim and is_drug_name(entity) and (tried := self._tried_on_it(
                quoted[-1], stretch, said)) is not None:
            # "does tukysa work for brain mets?": beside what the drug's text says (it crosses the brain–blood
            # barrier), what its trial did in those patients ("this trial included patients with … brain metastasis")
            return self._quoting(base, query, sorted([*quoted, tried], key=lambda s: s.start),
                                 lambda s: self._antecedent(s, entity))
        if best < 1 or best <= max((said(s.text) for s in on_subject), default=0):
            return answer
        chosen = [s for s in stretch if said(s.text) == best and s.start not in {q.start for q in quoted}][:2]
        everything = sorted({s.start: s for s in on_subject + chosen}.values(), key=lambda s: s.start)
        return self._quoting(base, query, everything, lambda s: self._antecedent(s, entity))

    def _tried_on_it(self, quoted: Sentence, stretch: list[Sentence], said) -> Sentence | None:
        """The sentence of a drug's trial, in another paragraph than the one quoted, that says most of the question's
        words (at least two) — what was found in those patients, beside a claim about the drug."""
        trial_said = [(said(s.text), s) for s in stretch if (s.source, s.paragraph) != (quoted.source, quoted.paragraph)
                      and TRIAL_SAID_RE.search(s.text)]
        best = max((n for n, _ in trial_said), default=0)
        return next((s for n, s in trial_said if n == best), None) if best >= 2 else None

    def _property_of_another(self, query: Query, answer: Answer) -> str:
        """'the drug-to-antibody ratio of Kadcyla': a named property the answer prints only where the review
        speaks of another drug ("[T-DXd] … has a high DAR of approximately eight", "Key biochemical
        differences compared to T-DM1 include the increased DAR") is missing for the drug asked: 'the <property>'
        then, '' when a sentence gives it of that drug or the question names no one drug."""
        phrase = " ".join(attribute_words(query.text))
        phrase = self.analyzer.expansions.get(phrase, phrase).lower()
        specific = self._specific(query)
        drugs = [e for e in specific if is_drug_name(e) or DRUG_CODE_RE.fullmatch(e)]
        names = names_of_property(phrase, self.analyzer)
        if not names or len(drugs) != 1 or len(specific) != 1:
            return ""
        holding = [s for _, _, s in self._quoted(answer) if s is not None
                   and any(re.search(rf"\b{re.escape(n)}\b", s.text.lower()) for n in names)]
        aliases = query.aliases.get(drugs[0], drugs)
        if not holding or any(not only_as_comparator(s.text, aliases) and (
                self._speaks_of(s, drugs[0], aliases) or mentions(s.text, aliases)) for s in holding):
            return ""
        return f"the {phrase}"

    def _said_only_of_others(self, base: Answer, query: Query, least: int = 3, topic_only: bool = False) -> Answer | None:
        """'does kadcyla cross the blood brain barrier?': what a yes/no asks of one drug, when every sentence saying
        all of it ("…lapatinib … can easily cross the blood–brain barrier", "…[tucatinib's] small molecular size
        facilitates the crossing of the brain–blood barrier") speaks of other drugs — the review does not say it
        of the drug asked; None otherwise. A regimen asked ('qol with the tucatinib cape herceptin triplet') is its
        drugs together: a sentence speaking of any of them says it of the regimen. ``least``: the fewest words of
        the predicate that make it checkable; ``topic_only``: the predicate is only the topic the question names (a
        name the review knows that is no drug, 'quality of life', or a typed abbreviation's words, 'ild') — a fact
        question's other words ('when did … get approval') are said in too many ways to check."""
        specific = self._specific(query)
        drugs = [e for e in specific if is_drug_name(e) or DRUG_CODE_RE.fullmatch(e)]
        # (a topic the review names, 'quality of life', is what is asked of the drug; a trial would be where)
        if not drugs or any(self.is_trial(e) for e in specific) or (
                len(drugs) > 1 and not REGIMEN_ASKED_RE.search(query.text)):
            return None
        aliases = [a for d in drugs for a in query.aliases.get(d, [d])]
        if query.text.strip().rstrip("?").count("?"):
            return None  # several questions: each part is checked on its own
        # ('… with ADCs like enhertu?': an example of a class is no word the review must say)
        asked = re.sub(r"\b(?:like|such as|e\.g\.?)\s+[\w\-]+", " ", YESNO_OPENING_RE.sub("", query.text.lower()))
        # 'cross the bbb': an abbreviation is the words the review says it in ('blood–brain barrier')
        # (not an endpoint's: 'improve OS or just PFS' is said of a trial's results in their short forms)
        # (an event the endpoints count is spelt out: 'ild' is the "interstitial lung disease" the review says)
        asked = re.sub(r"[a-z]+", lambda m: m.group(0) if m.group(0).upper() in asked_endpoints(m.group(0))
                       else self.analyzer.expansions.get(m.group(0), m.group(0)).lower(), asked)
        if topic_only:
            if not (topics := self._topics_asked(query, specific, drugs)):
                return None
            asked = " ".join(topics)
        # 'does nerlynx have cns activity / cross the bbb?': two ways to ask one thing, either said of the drug will do
        drug = " + ".join(drugs)
        if (either := OPPOSITES_ASKED_RE.search(asked)) and _opposites(either.group("one"), either.group("other")):
            # 'is tucatinib reversible or irreversible?': a property or its opposite, either said of another drug only
            # (the side the review never says, 'reversible', settles nothing)
            said = [w for w in (either.group("one"), either.group("other"))
                    if re.search(rf"\b{re.escape(w.lower())}", self.analyzer.lowered_text)]
            found = [self._said_of(base, drug, aliases, w, 1) for w in said] or ["unchecked"]
        else:
            found = [self._said_of(base, drug, aliases, alternative, least, loosely=topic_only)
                     for alternative in re.split(r"\s+/\s+", asked)]
        checked = [f for f in found if f != "unchecked"]
        if not checked or any(f is None for f in checked):
            return None
        # ('does tykerb get into the cns': the review says of lapatinib that it enters the "systemic nervous system" and
        # helps in brain metastasis — the topic an abbreviation names, in the review's other word for it, will do)
        typed = YESNO_OPENING_RE.sub("", query.text.lower())
        if (same := re.sub(r"[a-z]+", lambda m: SAME_TOPIC.get(m.group(0), m.group(0)), typed)) != typed and \
                self._said_of(base, drug, aliases, same, least=1) is None:
            return None
        return checked[0]

    def _topics_asked(self, query: Query, specific: list[str], drugs: list[str]) -> list[str]:
        """The topics a question asks of its drugs: the names the review knows that are phrases ('quality of life'),
        not names — a class, a trial, a population —, and the words of a typed abbreviation ('ild'); each in at most
        ``TOPIC_SHARE`` of the review's paragraphs ('adc' → antibody–drug conjugates and 'bc' are all over it)."""
        topics = [e for e in specific if e not in drugs and e == e.lower() and not self.is_trial(e)] + [
            self.analyzer.expansions[w].lower() for w in re.findall(r"[a-z]+", query.text.lower())
            if w in self.analyzer.expansions and w not in AGENCIES and w.upper() not in asked_endpoints(w)
            and not is_drug_name(w) and not is_drug_name(self.analyzer.expansions[w])]
        return list(dict.fromkeys(
            t for t in topics if not KIND_OF_DRUG_OR_DISEASE_RE.search(t)
            and self.analyzer.paragraph_share(query.aliases.get(t) or self.analyzer.aliases_of(t) or [t]) <= TOPIC_SHARE))

    def _said_of(self, base: Answer, drug: str, aliases: list[str], asked: str, least: int = 3,
                 loosely: bool = False) -> Answer | None | str:
        """The decline when every sentence saying ``asked`` speaks of other drugs than ``drug``; None when one speaks
        of it or none says it; "unchecked" when ``asked`` has fewer than ``least`` words to check. ``loosely``: a
        sentence about the drug sharing any telling word of ``asked`` ('adverse effects' for 'adverse events') may
        say it in its own words — no decline then."""
        named = {w for a in aliases for w in re.findall(r"[a-z][a-z\-]+", a.lower())}
        words = [w for w in re.findall(r"[a-z][a-z]+", asked)
                 if len(w) >= 4 and w not in named and w not in FRAME_WORDS and w not in PREDICATE_FRAME
                 and w not in STOPWORDS and not is_drug_name(w) and not CHEMOTHERAPY_RE.search(w)
                 and not REGIMEN_ASKED_RE.fullmatch(w)]
        stems = list(dict.fromkeys(light_stem(w)[:6] for w in words))
        if len(stems) < least:
            return "unchecked"  # a predicate of a word or two ('is it safe') is said in too many ways to check this way

        def says_together(text: str) -> bool:
            """Every stem, within a phrase's reach of the others ('cross the blood–brain barrier')."""
            words = re.findall(r"[a-z0-9][a-z0-9\-–]*", text.lower())
            at = [next((i for i, w in enumerate(words) if re.match(rf"(?:[a-z0-9]+[\-–])?{re.escape(stem)}", w)), None)
                  for stem in stems]
            return None not in at and max(at) - min(at) <= PHRASE_REACH
        saying = [s for s in self.sentences.sentences if self.sentences.chunk(s).kind == "text" and says_together(s.text)]
        if not saying or any(mentions(s.text, aliases) or self._speaks_of(s, drug, aliases) for s in saying):
            return None
        if any(all(re.search(rf"\b(?:[a-z0-9]+[\-–])?{re.escape(stem)}", s.text.lower()) for stem in stems)
               for s in self.sentences.mentioning(aliases)):
            return None  # ("growing interest in the combination of tucatinib with ADCs and several phase II trials":
            # said of the drug asked, in a longer phrase)
        if loosely:
            telling = list(dict.fromkeys(light_stem(w)[:6] for w in words if not words_of(w) <= self.sentences.everywhere))
            paragraphs = {(s.source, s.paragraph) for s in self.sentences.mentioning(aliases)}
            about = [s for key in paragraphs for s in self.sentences.by_paragraph[key]
                     if mentions(s.text, aliases) or self._speaks_of(s, drug, aliases)]
            if any(re.search(rf"\b(?:[a-z0-9]+[\-–])?{re.escape(stem)}", s.text.lower()) for s in about for stem in telling):
                return None
        # (a drug as the sentence names it, lower-cased as drugs are; else the drug or trial its stretch is about)
        of = [next((m.group(0) for m in DRUG_RE.finditer(s.text)), "") or self._topic_of_sentence(s) for s in saying]
        of = [o.lower() if DRUG_RE.fullmatch(o) else o for o in of]
        # (a sentence saying whose it is first: T-DM1's "improved quality of life" before MET's prognosis sentence)
        shown = sorted(zip(of, saying), key=lambda pair: not pair[0])[:2]
        others = list(dict.fromkeys(o for o, _ in shown if o))
        labelled = len(others) > 1
        said = "; ".join(f"{o}: “{strip_markers(s.text).strip()}”" if o and labelled else f"“{strip_markers(s.text).strip()}”"
                         for o, s in shown)
        return self._decline(base, f"The review does not say this of {drug}; it says it of "
                             f"{_join(others, 'and') or 'other drugs'} — {said}", missing=[f"{' '.join(words)} for {drug}"])

    def _topic_of_sentence(self, sentence: Sentence) -> str:
        """The last drug named at the start of a sentence of this paragraph up to this one, else the last trial so
        named ("In this trial, 84 … were treated with T-DXd": the stretch of the trial its paragraph introduced); ''
        if none."""
        before = list(reversed(self.sentences.paragraph(sentence)[: sentence.index + 1]))
        for drugs_only in (True, False):
            for s in before:
                if found := self._opening_names(s, drugs_only=drugs_only):
                    return found[-1]
        return ""

    def _opening_names(self, sentence: Sentence, drugs_only: bool = False) -> list[str]:
        """The drugs (and, unless ``drugs_only``, T-D codes and trials rare in the review) named in the first six words
        of a sentence: who a stretch of a paragraph is about."""
        opening = " ".join(sentence.text.split()[:6])
        names = [m.group(0) for m in DRUG_RE.finditer(opening)]
        if drugs_only:
            return names
        for name in names:
            # a code in brackets after a drug glosses it ("Alpelisib (BYL719) is…"): the drug is who the stretch is about
            opening = re.sub(rf"(?<![\w-]){re.escape(name)}\s*\([^)]*\)", name, opening)
        return names + re.findall(r"\bT-D\w+", opening) + [
            n for n in trial_names(opening) if not is_generic(n) and self.analyzer.paragraph_share([n]) <= 0.2]

    def _speaks_of(self, sentence: Sentence, entity: str, aliases: list[str]) -> bool:
        """Is the entity what this stretch of the paragraph is about? The topic is the last drug or
        trial named at the start of a sentence up to here; a trial's stretch speaks of the drug it
        treated patients with ("…were treated with T-DXd"), not of the ones they had before."""
        paragraph = self.sentences.paragraph(sentence)
        stretches: list[tuple[str, list[str]]] = []  # (topic, its sentences), in reading order
        for s in paragraph[: sentence.index + 1]:
            if names := self._opening_names(s):
                stretches.append((names[-1], []))
            if stretches:
                stretches[-1][1].append(s.text)
        if not stretches:
            return False

        def same(name: str, names: list[str]) -> bool:
            return mentions(name, names) or any(mentions(n, [name]) for n in names)

        topic, since = stretches[-1]
        if same(topic, aliases):
            return True
        if self.is_trial(topic):  # "…were treated with T-DXd": the trial's stretch speaks of its drug
            alias = "|".join(re.escape(a) for a in aliases)
            return bool(re.search(rf"\b(?:treated with|receiv\w*|given|arm of|in the)\s+(?:\w+\s+){{0,2}}(?:{alias})\b",
                                  " ".join(since), re.I))
        # A trial stays the topic through its arms and drugs ("In the tucatinib arm, …", "Herein,
        # abemaciclib plus trastuzumab …") until another trial is introduced.
        trials = [t for t, _ in stretches if self.is_trial(t)]
        return bool(trials) and same(trials[-1], aliases)

    def _run(self, key, hits: list[Sentence], aliases: list[str], entity: str, query: Query,
             limit: int = NAME_LIMIT) -> list[Sentence]:
        """From the paragraph's first mention of the entity until the text moves on to another one."""
        paragraph = self.sentences.by_paragraph[key]
        first = min(s.index for s in hits if (s.source, s.paragraph) == key)
        run: list[Sentence] = []
        for sentence in paragraph[first:]:
            if run and not mentions(sentence.text, aliases) and self._moves_on(sentence.text, entity, query,
                                                                              " ".join(s.text for s in run)):
                break
            run.append(sentence)
            if len(run) >= limit:
                break
        return run

    def is_trial(self, name: str) -> bool:
        """Does the review call this name a trial or study ('the NALA phase III trial', 'study, MonarcHER')?"""
        if name not in self._trial_cache:
            self._trial_cache[name] = self._called_a_trial(name)
        return self._trial_cache[name]

    def names_a_trial_row(self, name: str) -> bool:
        """Is ``name`` a trial of a table's rows ('DESTINY-Breast 09', which the text never calls a trial)?"""
        return any(compact(name) == compact(row.cells.get("Trial Name", "")) for _, table in self.tables.tables()
                   for row in table.rows)

    def _called_a_trial(self, name: str) -> bool:
        if DRUG_RE.fullmatch(name.split()[0]) or re.match(r"T-D", name):
            return False
        cue = re.compile(rf"(?:trials?|study|studies)\W+(?:\w+\W+){{0,2}}{re.escape(name)}|"
                         rf"{re.escape(name)}\W+(?:\w+\W+){{0,3}}(?:trials?|study)\b", re.I)
        return any(cue.search(s.text) for s in self.sentences.mentioning([name])[:12])

    def _moves_on(self, text: str, entity: str, query: Query, run: str = "") -> bool:
        """Has the text moved on to another trial (when a trial is described) or drug — or, from a drug, to a trial
        the run about it has not named ("On the other hand, the randomized PATRICIA trial…" after abemaciclib's)?"""
        if run and not self.is_trial(entity) and TURNS_TO_ANOTHER_RE.match(text) and any(
                self.is_trial(n) and not mentions(run, [n]) and not n.upper().startswith("NCT") and not is_generic(n)
                for n in trial_names(text)):
            return True
        if self.is_trial(entity):
            others = [n for n in trial_names(text)
                      if not is_generic(n) and not mentions(n, query.aliases.get(entity, [entity]))
                      and not mentions(entity, [n]) and self.analyzer.paragraph_share([n]) <= 0.2
                      and not n.upper().startswith("NCT") and self.is_trial(n)]
            return bool(others)
        opening = " ".join(text.split()[:5])
        return bool([m for m in DRUG_RE.findall(opening) if not mentions(m, query.aliases.get(entity, [entity]))
                     and self.analyzer.paragraph_share([m]) <= 0.2])

    def _antecedent(self, sentence: Sentence, entity: str) -> str:
        if re.match(r"(?:This|That|The) (?:study|trial)\b", sentence.text) and self.is_trial(entity):
            # 'This study' is the trial named last before it (PATRICIA, even when PATRICIA-II is asked),
            # and never the drug class the subsection is named after
            before = [s for s in self.sentences.paragraph(sentence) if s.index < sentence.index]
            for earlier in reversed(before):
                trials = [n for n in trial_names(earlier.text) if self.is_trial(n) and not n.upper().startswith("NCT")]
                if trials:
                    return entity if any(mentions(t, self.analyzer.aliases_of(entity)) for t in trials) else trials[-1]
            return entity
        doc = self.corpus.document(sentence.source)
        heading = doc.section(sentence.section)
        if heading is not None and heading.kind == "subheading" and len(heading.title) <= 30:
            return heading.title
        return entity if DRUG_RE.fullmatch(entity.split()[0]) or re.match(r"T-D", entity) else ""
