"""Reading on: 'how is that being addressed?' is answered where the review goes on from the sentence the
last answer quoted ('…high incidence of diarrhea…' → 'Therefore, the CONTROL trial is being performed…')."""

from __future__ import annotations

import copy
import re
from typing import Callable

from ..citations import strip_markers
from ..query import STOPWORDS, mentions, tokenize
from ..vocabulary import CHAT_WORDS
from ..results import Answer
from ..figures import has_figure
from .coverage import ENDPOINTS, asked_endpoints, content_words
from .extractive import DRUG_RE, STUDY_GOES_ON_RE, trial_names
from .intent import classify
from .outcome import Outcome
from .passages import CARRIES_ON_RE, Sentence


# A sentence that goes on about the trial just described: "The trial demonstrated a better PFS (8.4 months…)".
SAME_TRIAL_RE = re.compile(r"(?:In )?(?:The|This|That|These|Such) (?:trial|study|studies|analysis|randomi[sz]ed \w+|"
                           r"combination|regimen|phase \w+ (?:trial|study))\b|(?:It|They|Both arms|The \w+ arm)\b")

# The size of a benefit asked, without naming its endpoint
HOW_MUCH_ASKED_RE = re.compile(r"\bhow (?:much|big|large)\b|\bby how much\b|\bmagnitude\b|\bsize of (?:the )?benefit\b", re.I)

# "This study identified numerous HER2 mutations…": what the study just named went on to find
# Codes that name members: mutations (L755S), drugs (ZW25), trials (NCT04224272) — letters with digits
CODE_RE = re.compile(r"\b(?=[\w\-]*\d)(?=[\w\-]*[A-Z])[A-Z][\w\-]{2,}\b")
# members asked for: 'which mutations …', also after a topic set before it ('HER2 mutations w/o amplification -
# which specific variants …'), and 'give me every mutation the review lists'
WHICH_ASKED_RE = re.compile(r"(?:^\W*|\s[-–—:]\s+)(?:(?:and|so|ok)\s+)?(?:which|what)\s+(?:[\w\-+/]+\s+){0,3}?[\w\-]+s\b|"
                            r"^\W*(?:list|name)\b|\b(?:give me|list|name)\s+(?:every|all)\b", re.I)

# 'what did they find?', 'what did it show?': what a study found, asked as such
FOUND_ASKED_RE = re.compile(r"\b(?:find|found|findings|show|showed|shown|conclude\w*|learn\w*)\b", re.I)
# "These findings collectively unveil …": a sentence that sums up the findings told before it
FINDINGS_SUMMED_RE = re.compile(r"(?:Taken together,?\s+)?(?:These|This|Such|Their) (?:findings?|results|observations?|data)\b")
# what a study concluded, said as such ("This study demonstrated that …")
STUDY_VERDICT_RE = re.compile(r"\b(?:demonstrated|showed|shown|found|concluded|suggests?|suggested|confirmed) that\b", re.I)

# Whether something helps, asked without an auxiliary: 'worth it in …?', 'any use in …?'
BENEFIT_ASKED_RE = re.compile(r"\b(?:worth it|any (?:use|good|benefit)|useful|help(?:s|ed)?|benefit(?:s|ed)?)\b", re.I)
# A sentence that adds a result to the one before it: "Additionally, PAM50 associated …"
ADDS_TO_IT_RE = re.compile(r"(?:Additionally|Moreover|Furthermore|In addition|Also),?\s")
# A sentence that qualifies the finding before it: "However, this finding did not predict…"
CAVEAT_RE = re.compile(r"(?:However|Nevertheless|Nonetheless|Yet|But),?\s+(?:this|these|such|that|those)\s+"
                       r"(?:findings?|results?|observations?|data|associations?|benefits?|effects?|differences?)\b|"
                       # ("…included patients with active brain metastasis. In these cases, if patients presented local
                       # progression, treatment could be continued…": what held for the patients just told)
                       r"(?:In|For|Among)\s+(?:these|such|those|this)\s+(?:cases?|patients|women|subgroups?)\b", re.I)

# A figure set against others in so many words ('more than sixfold greater than', 'in comparison to', 'higher than')
COMPARISON_SAID_RE = re.compile(r"\b\w+fold\b|\b(?:greater|higher|lower|larger|smaller|more|less|fewer)\s+than\b|"
                                r"\bin comparison (?:to|with)\b|\bcompared (?:to|with)\b|\bversus\b|\bvs\.", re.I)
# "This rate, calculated from …": a sentence going on about the figure just given
ABOUT_THE_FIGURE_RE = re.compile(r"(?:This|That|These|Such|The same)\s+(?:rate|figure|number|frequency|incidence|"
                                 r"proportion|percentage|difference|value)s?\b", re.I)
# how many sentences after a figure may go on comparing it
COMPARISON_REACH = 3

# A figure asked for each member of a group ('by subtype', 'per subtype', 'for each arm', 'breakdown')
BY_MEMBER_ASKED_RE = re.compile(r"\b(?:by|per|for each|across|broken down by)\s+(?:each\s+)?(?:sub)?(?:types?|subgroups?|"
                                r"groups?|arms?|cohorts?)\b|\bbreakdown\b", re.I)
# A sentence without a figure that still goes on about the one before ("This rate, calculated from…"). Narrower
# than ABOUT_THE_FIGURE_RE: a breakdown walks on to the paragraph's end, so a "The same proportion …" must not
# carry it past the members.
FIGURES_GO_ON_RE = re.compile(r"(?:This|These|That)\s+(?:rate|figure|frequency|incidence|number)s?\b", re.I)

# A history asked ('approval history', 'timeline') — not a 'when' alone: 'what year did kadcyla get approval for
# 2nd/3rd line' asks one event, not what came after it — and a sentence going on in time
HISTORY_ASKED_RE = re.compile(r"\bhistory\b|\btimeline\b|\bchronolog|\bover (?:the )?years\b", re.I)
LATER_RE = re.compile(r"(?:Thereafter|Subsequently|Later|Afterwards|Since then|More recently)\b|In (?:\w+ )?(?:19|20)\d\d\b")
YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")


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
        query = self.analyzer.analyze(resolved)
        base = Answer(question=question, answer="", intent=classify(resolved), resolved_question=resolved)
        return Outcome(self._quoting(base, query, [sentence] + following), self._pool, self._considered)

    def _with_the_caveat(self, base: Answer, answer: Answer, query) -> Answer:
        """'in CLEOPATRA, how did low vs high HER2 expression do?': a finding quoted keeps the sentence right
        after it that qualifies it ("However, this finding did not predict a better response…") — the
        finding alone says more than the review does."""
        return self._with_what_follows_each(base, answer, query, lambda sentence, nxt: bool(CAVEAT_RE.match(nxt.text)))

    def _with_the_history_that_follows(self, base: Answer, answer: Answer, query) -> Answer:
        """'kadcyla approval history - what trials got it approved and when': an event quoted with its date is
        followed by the sentence that goes on in time ("Thereafter, in May 2019, T-DM1 became the first-ever ADC
        approved for the adjuvant treatment…"), when a history is asked."""
        if not HISTORY_ASKED_RE.search(query.text):
            return answer
        return self._with_what_follows_each(base, answer, query, lambda sentence, nxt: bool(
            YEAR_RE.search(sentence.text) and LATER_RE.match(nxt.text)))

    def _with_what_follows_each(self, base: Answer, answer: Answer, query,
                                follows: Callable[[Sentence, Sentence], bool]) -> Answer:
        """The answer with the sentence right after each quoted one, when ``follows(quoted, next)`` says it goes on
        from it (a caveat, a later event); unchanged for a table row or a merged quote."""
        if answer.abstained or not answer.citations:
            return answer
        chosen = [sentence for _, _, sentence in self._quoted(answer)]
        if None in chosen:
            return answer
        starts = {s.start for s in chosen}
        added = [nxt for sentence in chosen for nxt in self.sentences.paragraph(sentence)[sentence.index + 1: sentence.index + 2]
                 if nxt.start not in starts and follows(sentence, nxt)]
        return self._with_added(base, answer, query, chosen, added) if added else answer

    def _with_the_comparison_that_follows(self, base: Answer, answer: Answer, query) -> Answer:
        """'how common is HR+/HER2- compared with the HER2+ kinds?': the figure of one side is followed by the
        sentences setting it against the others ("This rate … surpasses other variants notably. To provide context,
        this rate is more than sixfold greater than … 12.6 cases. Even in comparison to HR−/HER2+ BC, with a rate of
        5.1 cases, …"): a comparison asked of a figure quoted from one passage brings the sentences going on to
        compare it."""
        if answer.abstained or not query.comparison or not query.wants_number or len(answer.citations) != 1:
            return answer
        chosen = [sentence for _, _, sentence in self._quoted(answer)]
        if None in chosen or not any(has_figure(strip_markers(s.text)) for s in chosen):
            return answer
        last = max(chosen, key=lambda s: s.start)  # (the sentences quoted run on to the last of them)
        added = self._run_after(last, lambda text: bool(COMPARISON_SAID_RE.search(text) or ABOUT_THE_FIGURE_RE.match(text)),
                                reach=COMPARISON_REACH)
        if not any(COMPARISON_SAID_RE.search(s.text) and has_figure(strip_markers(s.text)) for s in added):
            return answer  # (what follows sets nothing measured against it)
        return self._with_added(base, answer, query, chosen, added)

    def _with_each_figure_that_follows(self, base: Answer, answer: Answer, query) -> Answer:
        """'breakdown of bc incidence by subtype': a figure asked for each member of a group is given on in the
        sentences after the one quoted ("… HR+/HER2− … 87.2 …", "… HR−/HER2− BC, which stands at 13.2 cases, as
        well as HR+/HER2+ BC … 12.6 …", "… HR−/HER2+ BC, with a rate of 5.1 cases …"): the run of sentences with
        figures that follows it in its paragraph comes along."""
        if not BY_MEMBER_ASKED_RE.search(query.text) or answer.abstained or not answer.citations:
            return answer
        chosen = [sentence for _, _, sentence in self._quoted(answer)]
        if None in chosen or len(chosen) > 2:
            return answer
        added = [after for sentence in chosen if has_figure(strip_markers(sentence.text))
                 for after in self._run_after(sentence, lambda text: bool(has_figure(text) or FIGURES_GO_ON_RE.match(text)))]
        return self._with_added(base, answer, query, chosen, added)

    def _run_after(self, sentence: Sentence, goes_on: Callable[[str], bool], reach: int | None = None) -> list[Sentence]:
        """The sentences after this one in its paragraph, up to ``reach`` of them, for as long as
        ``goes_on(text without citation markers)`` holds."""
        run: list[Sentence] = []
        following = self.sentences.paragraph(sentence)[sentence.index + 1:]
        for after in following[:reach] if reach is not None else following:
            if not goes_on(strip_markers(after.text)):
                break
            run.append(after)
        return run

    def _with_results_that_follow(self, base: Answer, answer: Answer, query) -> Answer:
        """'lapatinib + cape vs cape alone, pfs?': the sentence that names the trial often gives only its
        design, and the next one ("The trial demonstrated a better PFS (8.4 months vs. 4.4 months…)")
        the endpoint asked. A quoted sentence not stating an asked endpoint brings the next sentence
        of its paragraph when that one goes on about the same trial and states it with a figure."""
        asked = asked_endpoints(query.text)
        if answer.abstained or not answer.citations:
            return answer
        chosen = [sentence for _, _, sentence in self._quoted(answer)]
        if None in chosen:
            return answer  # a table row or a merged quote: leave the answer as it is
        starts = {s.start for s in chosen}
        if not asked:
            if HOW_MUCH_ASKED_RE.search(query.text):
                # "herceptin+tykerb vs tykerb alone, how much better was the combo?": the sentence naming the
                # trial says only that it helped; the next ("The combination treatment showed benefits in terms
                # of PFS (12 weeks vs. 8.1 weeks…)") says by how much
                added = [nxt for sentence in chosen if not has_figure(strip_markers(sentence.text))
                         for nxt in self.sentences.paragraph(sentence)[sentence.index + 1: sentence.index + 2]
                         if nxt.start not in starts and SAME_TRIAL_RE.match(nxt.text)
                         and has_figure(strip_markers(nxt.text))]
                if added:
                    return self._with_added(base, answer, query, chosen, added)
            return self._with_what_the_study_found(base, answer, query, chosen)

        def states(text: str) -> bool:
            return any(ENDPOINTS[name].search(text) for name in asked)

        asked_names = [a for e in query.entities for a in query.aliases.get(e, [e])]

        def asked_about(text: str) -> bool:
            """Opens on a drug or trial of the question, and none it did not ask about (not on EMILIA's
            T-DM1; the drugs patients had before come later in the sentence)."""
            opening = " ".join(text.split()[:10])
            names = [m.group(0) for m in DRUG_RE.finditer(opening)] + trial_names(opening)
            return bool(names) and all(mentions(n, asked_names) or mentions(query.text, [n]) for n in names)

        added: list[Sentence] = []
        for sentence in chosen:
            following = self.sentences.paragraph(sentence)[sentence.index + 1: sentence.index + 2]
            if not following or following[0].start in starts:
                continue
            nxt = following[0]
            stated = [name for name in asked if ENDPOINTS[name].search(sentence.text)]
            if stated and len(asked) > 1:
                # "pfs and os across the two phase 3s": a sentence giving the PFS is followed by "However, no
                # statistically significant differences were observed in OS (75.0 weeks…)"
                rest = [name for name in asked if name not in stated]
                if rest and (SAME_TRIAL_RE.match(nxt.text) or re.match(r"(?:However|Nevertheless|In contrast|Moreover),?\s",
                                                                     nxt.text)) \
                        and any(ENDPOINTS[name].search(nxt.text) for name in rest) and has_figure(strip_markers(nxt.text)):
                    added.append(nxt)
                continue
            if states(sentence.text) or not asked_about(sentence.text):
                continue
            if SAME_TRIAL_RE.match(nxt.text) and states(nxt.text) and has_figure(strip_markers(nxt.text)):
                added.append(nxt)
        return self._with_added(base, answer, query, chosen, added)

    def _with_what_the_study_found(self, base: Answer, answer: Answer, query, chosen: list[Sentence]) -> Answer:
        """'bose et al her2 mutations other than l755s?': the sentence naming the study ("Bose et al. found
        HER2-activating mutations…") is followed by one going on about it ("This study identified numerous
        HER2 mutations, including L755S, L755P…") that says words of the question the first does not."""
        def words(text: str) -> set[str]:  # with digits: 'L755P' is a word the question may ask
            return {w for w in tokenize(text) if len(w) > 2} - STOPWORDS - CHAT_WORDS

        # the words as typed, with any clause set aside ('other than l755s' still says what to look at)
        # (the names asked say nothing new: 'T-DM1' in the next sentence is no more of an answer)
        names = words(" ".join(a for e in query.entities for a in query.aliases.get(e, [e])))
        asked = words(f"{base.question} {base.resolved_question} {query.text}") - names
        starts = {s.start for s in chosen}
        added = []
        for sentence in chosen:
            following = self._study_goes_on(sentence)
            if following is None or following.start in starts:
                continue
            new = asked & words(following.text) - words(sentence.text)
            # "which mutations did bose find?": the next sentence names them (L755S, L755P…), the first none
            named = set(CODE_RE.findall(following.text)) - set(CODE_RE.findall(sentence.text))
            # "would ibrance + herceptin help if …?": what the study showed is the verdict a yes/no asks for,
            # in its own words ("only benefits patients with HR-positive disease")
            # ("… what did they find?": the findings, summed up in the sentence that opens on them)
            # ('palbo + herceptin worth it in hr-negative?' asks it as a fact: the verdict all the same)
            verdict = ((base.intent == "yesno" or (base.intent == "fact" and BENEFIT_ASKED_RE.search(query.text)))
                       and STUDY_VERDICT_RE.search(following.text)) or (
                FOUND_ASKED_RE.search(query.text) and FINDINGS_SUMMED_RE.match(following.text))
            if new or verdict or (WHICH_ASKED_RE.search(query.text) and len(named) >= 2):
                added.append(following)
        # ("This study demonstrated that combination therapy only benefits patients with HR-positive disease.
        # Additionally, PAM50 associated the luminal intrinsic subtype with better PFS (10.6 months vs. 4.2 months)": a
        # study's verdict is told with the figure the next sentence adds to it)
        told = {s.start for s in chosen + added}
        verdicts = [s for s in chosen + added if STUDY_GOES_ON_RE.match(s.text) and STUDY_VERDICT_RE.search(s.text)]
        for sentence in verdicts:
            following = self.sentences.paragraph(sentence)[sentence.index + 1: sentence.index + 2]
            if following and following[0].start not in told and ADDS_TO_IT_RE.match(following[0].text) and \
                    has_figure(strip_markers(following[0].text)):
                added.append(following[0])
                told.add(following[0].start)
        return self._with_added(base, answer, query, chosen, added)

    def _study_goes_on(self, sentence: Sentence) -> "Sentence | None":
        """The next sentence of the paragraph when it goes on about the study this one names ("Bose et al.
        found …" → "This study identified …"), else None."""
        following = self.sentences.paragraph(sentence)[sentence.index + 1: sentence.index + 2]
        return following[0] if following and STUDY_GOES_ON_RE.match(following[0].text) else None

    def _sentence_said(self, said: str) -> "Sentence | None":
        """The review sentence an answer point quotes (points may add '[antecedent]' and drop markers)."""
        wanted = re.sub(r"\s+", " ", strip_markers(re.sub(r"\[[^\]\d][^\]]*\]\s*", "", said))).strip()[:80]
        if len(wanted) < 20:
            return None
        return next((s for s in self.sentences.sentences
                     if re.sub(r"\s+", " ", strip_markers(s.text)).strip().startswith(wanted)), None)
