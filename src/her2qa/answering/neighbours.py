"""Neighbours: the sentences a chosen sentence needs around it.

A quoted sentence may lean on the one before ("These results led to…"), name its subject only by a
pronoun ("[T-DXd] is uniquely designed…"), or leave its cause, mechanism or importance to the next one:
these steps bring those sentences (or the antecedent in brackets) into the answer.

A mixin of :class:`her2qa.answering.pipeline.AnswerPipeline`.
"""

from __future__ import annotations

import re
from typing import Callable

from ..citations import strip_markers
from ..figures import has_figure
from ..query import Query, light_stem, mentions, tokenize
from ..results import Answer, AnswerPoint, Citation
from ..retrieval import Candidate, is_generic
from .compose import Pick, points_from_text, with_antecedent
from .extractive import (
    ADDITIVE_RE,
    COMMON_CODES,
    FINDINGS_BEFORE_RE,
    LEANS_FORWARD_RE,
    OPENS_ON_PRONOUN_RE,
    STYLE_CUES,
    TRIAL_RE,
    causes_of_each,
    is_drug_name,
    trial_names,
)
from .lists import THIS_STUDY_RE
from .passages import BARE_PRONOUN_RE, CONTRASTS_WITH_PREVIOUS_RE, FRAME_WORDS, Sentence, words_of
from .rationale import MECHANISM_RE
from ..vocabulary import ABBREVIATIONS

# "Techniques such as PROTACs and molecular glues…": the kind was named in the sentence before (TPD).
KIND_SUCH_AS_RE = re.compile(r"(?:[A-Z][\w\-]*\s+)?(?:techniques|methods|approaches|strategies|agents|drugs|molecules|"
                             r"compounds|therapies|inhibitors|mechanisms|tools|technologies)\s+such as\b", re.I)

# "these results led to…", "based on these data": a sentence that takes its subject from before it.
POINTS_BACK_RE = re.compile(r"\b(?:these|those|such) (?:results?|data|findings|observations|outcomes)\b|"
                            r"\b(?:this|that|these|those) (?:rates?|frequency|incidence|figures?|percentages?)\b|"
                            r"\bbased on (?:these|this|such|those)\b", re.I)

# The section the abstract's sentences are in
ABSTRACT = "abstract/abstract"
# The review's summaries (abstract, simple summary), which restate claims its body makes
SUMMARY = "abstract/"
# Two sentences sharing a word this rare (printed in so many sentences at most) and this share of their words are one
# claim said twice
RARE_SENTENCES = 4
RESTATED_SHARE = 0.4
# A percentage and what it is of ('15% of all BCs')
PERCENT_OF_RE = re.compile(r"\d\s*% of ((?:[\w-]+ ){0,3}[\w-]+)")
# a receptor's status written after its name ('HER2-positive', 'HER2+')
STATUS_SUFFIX_RE = re.compile(r"(?:[-\s]?(?:positive|negative|low)|[+−])$", re.I)


def percentages_of(text: str) -> list[set[str]]:
    """What each percentage in ``text`` is of, as word forms with abbreviations spelt out: '15% of all BCs' →
    {breast, cancer}, within what '15–20% of all breast cancer cases' gives."""
    out = []
    for match in PERCENT_OF_RE.finditer(text):
        spelt = " ".join(ABBREVIATIONS.get(w.lower().rstrip("s"), w) if w.isupper() or w[:-1].isupper() else w
                         for w in match.group(1).split())
        out.append(words_of(spelt))
    return out


def same_whole(ours: set[str], theirs: set[str]) -> bool:
    """Two percentages of the same whole: one's words hold the other's ('all BCs' within 'all breast cancer cases';
    not 'all global cancer cases')."""
    return min(len(ours), len(theirs)) >= 2 and (ours <= theirs or theirs <= ours)


# How many sentences a chain of "This …" sentences is followed back
MAX_POINTED_BACK = 3

# "This truncated form of HER2…", "These drugs…": a subject named only in the sentence before.
DEMONSTRATIVE_RE = re.compile(r"(?:This|These|Such|That|Those|"
                              # ('Aberrations or genetic alterations in this gene…': the demonstrative after what it is of)
                              r"(?:[\w\-]+\s+){1,4}(?:in|of|on|for|from|with)\s+(?:this|these|that|those))"
                              r"\s+(?:[\w\-]+\s+){0,2}?(?:forms?|proteins?|receptors?|"
                              r"drugs?|agents?|mutations?|alterations?|pathways?|mechanisms?|molecules?|compounds?|"
                              r"antibod(?:y|ies)|genes?|combinations?|approach(?:es)?|strateg(?:y|ies)|variants?|"
                              r"isoforms?|inhibitors?|TKIs?|ADCs?|(?:hyper)?activation|overexpression|upregulation|"
                              r"amplifications?|interactions?|process(?:es)?|phenomen(?:on|a)|"
                              # "This study identified numerous HER2 mutations…" after "Bose et al. found…"
                              r"stud(?:y|ies)|analys[ie]s)\b|"
                              # "The patients received T-DXd (5.4 mg/kg…)": the patients of the trial told before
                              # ("The combination treatment showed benefits…": the combination of the trial before)
                              r"The (?:patients|participants|women|subjects|combination(?: treatment| therapy| arm)?|"
                              # ("The trial demonstrated that T-DM1 significantly improved PFS…": the trial told before)
                              r"trial|study)\b")

# The most sentences a definition quotes when its paragraph keeps naming the term.
DEFINITION_SENTENCES = 5
# A sentence telling what the one before it found or did ("These results allowed…", "This study showed…")
FINDINGS_BEFORE_RE = re.compile(r"(?:These|This|Such|Those) "
                                r"(?:results?|findings?|data|studies|study|trials?|analys[ie]s)\b")

# A phrase before a sentence's subject: "According to … evaluation, ", "In the EMILIA trial, "
LEADING_PHRASE_RE = re.compile(r"^(?:According to|In|Based on|Regarding|For|After|Despite|Among|Unlike|"
                               r"Compared (?:to|with))\b[^,]{0,80},\s*")

CONTRAST_RE = re.compile(r"(?:However|Nevertheless|In contrast|Conversely|But|Yet|Still),?\s")

# "why would enhertu work when HER2 is low or patchy?": a drug working whatever a condition is
WORKS_DESPITE_RE = re.compile(r"\b(?:why|how come|how)\b.*?\b(?:work|works|working|worked|effective|active|help|helps|benefit\w*)\b"
                              r"(?:\s+\w+){0,3}?\s+(?:even\s+)?(?:when|if|in|with|despite|though|on|for)\s+(?P<condition>.+)$", re.I)

# "… acts directly against neighboring cells regardless of their HER2 expression level"
REGARDLESS_OF_RE = re.compile(r"\b(?:regardless|irrespective|independent(?:ly)?)\s+of\s+(?P<what>[^,;.\[]{2,60})", re.I)

# 'why does it matter if…', 'why does X make treatment harder / cause poor responses': the bearing of a topic on treatment
MATTERS_ASKED_RE = re.compile(r"\b(?:matters?|important|importance|relevant|harder|difficult|poor(?:er)? respon\w*|"
                              r"respon\w* (?:poorly|worse)|affect\w*|impact\w*)\b", re.I)

# the review saying a topic matters: "plays an important role in the treatment", "suggest the importance of"
IMPORTANCE_SAID_RE = re.compile(r"\b(?:plays? an? (?:important|key|critical|crucial|major) role|importance of)\b", re.I)

CONSEQUENCE_RE = re.compile(r"(?:Therefore|Thus|Hence|Consequently|For this reason|As a result),\s")

# "For this reason, the ongoing trial PATRICIA-II…": the reason is the sentence before, whatever is asked
THIS_REASON_RE = re.compile(r"(?:For (?:this|these) reasons?|Because of this|Due to this|Given this),\s")
# "In addition, AXL can activate other downstream signaling pathways…": the others are others than the one the
# sentence before told ("Its activation can bypass the HER2 signaling pathway…")
ADDS_OTHERS_RE = re.compile(r"(?:In addition|Additionally|Besides|Also),?\s[^.;]{0,60}?\bother\s")


def _name_asked_in(opening: str, query: Query) -> str:
    """The form in which ``opening`` prints a name the question asks ('ADCs' for 'adc'), or ''."""
    for entity in query.entities:
        for alias in sorted(query.aliases.get(entity, [entity]), key=len, reverse=True):
            found = re.search(rf"(?<![\w-]){re.escape(alias)}s?(?![\w-])", opening, re.I)
            if found:
                return found.group(0)
    return ""


# The arms of a trial asked ('which arm did best', 'what were the regimens'), and a sentence setting them out
ARMS_ASKED_RE = re.compile(r"\b(?:arms?|regimens?|which (?:combo|combination|treatment|one) did)\b", re.I)
ARMS_SAID_RE = re.compile(r"\b(?:with or without|compared (?:to|with)|randomi[sz]ed to)\b", re.I)


class NeighbourSteps:
    """Sentences brought in beside the chosen ones: antecedents, what a sentence leans on or announces."""

    def _goes_on_about(self, point: AnswerPoint, citation: Citation | None, here: Sentence | None,
                       aliases: list[str]) -> bool:
        """Is the quoted sentence about the trial: naming it, or following a sentence of its paragraph that does
        before another trial is named ("The NALA phase III trial…" ends what "…the EXTENET trial" began)?"""
        if here is None:  # a table row, a reference entry: the trial is named in it or not at all
            return mentions(citation.text if citation is not None else point.text, aliases)
        return self._trial_spoken_of(here, aliases) == "asked"

    def _trial_spoken_of(self, here: Sentence, aliases: list[str]) -> str:
        """Which trial a sentence is about: 'asked' when it names the trial (``aliases``) or follows a sentence of
        its paragraph that does, 'another' when it or the last trial-naming sentence before it names another
        trial, '' when no trial is named up to it."""
        if mentions(here.text, aliases):
            return "asked"

        def names_another(text: str) -> bool:
            return any(not mentions(name, aliases) and name.upper() not in COMMON_CODES and not is_generic(name)
                       for name in trial_names(text))

        if names_another(here.text):
            return "another"
        for sentence in reversed(self.sentences.by_paragraph.get((here.source, here.paragraph), [])[:here.index]):
            if mentions(sentence.text, aliases):
                return "asked"
            if names_another(sentence.text):
                return "another"
        return ""

    def _with_antecedents(self, base: Answer, answer: Answer, query: Query) -> Answer:
        """'They are composed by three components…' quoted without the sentence before it, which names
        ADCs: the name asked goes in square brackets, the convention for quotations ('[ADCs] are…')."""
        if answer.abstained or answer.lead or answer.table is not None:
            return answer
        quoted = self._quoted(answer)
        if not quoted or any(sentence is None for _, _, sentence in quoted):
            return answer
        sentences = [sentence for _, _, sentence in quoted]
        starts = {s.start for s in sentences}
        names = {}
        for point, _, sentence in quoted:
            bracketed = re.match(r"\[([^\]]+?)(?:’s)?\]", point.text)
            if bracketed:
                names[sentence.start] = bracketed.group(1)  # already named: kept as it is
            elif BARE_PRONOUN_RE.match(sentence.text) and sentence.index > 0:
                previous = self.sentences.paragraph(sentence)[sentence.index - 1]
                if previous.start not in starts and (name := self._printed_name(previous, query)):
                    names[sentence.start] = name
        if not any(not re.match(r"\[", p.text) and s.start in names for p, _, s in quoted):
            return answer
        return self._quoting(base, query, sentences, lambda s: names.get(s.start, ""))

    @staticmethod
    def _printed_name(sentence: Sentence, query: Query) -> str:
        """The form in which the sentence's opening words print a name asked ('ADCs' for 'adc'), or ''."""
        # the subject follows a leading phrase ("According to immunohistochemical (IHC) evaluation, HER2 may
        # not be expressed…": 'Its expression' is HER2's, not IHC's); the opening itself when none is named after it
        after_phrase = LEADING_PHRASE_RE.sub("", sentence.text, count=1)
        openings = [" ".join(after_phrase.split()[:6])] if after_phrase != sentence.text else []
        for opening in openings:
            if name := _name_asked_in(opening, query):
                return name
        if openings and (subject := re.match(r"(?-i:[A-Z][A-Z0-9][\w\-/]*)(?=\s)", after_phrase.strip())):
            return subject.group(0)  # a name opening the clause after the phrase is the subject, asked or not
        for opening in [" ".join(sentence.text.split()[:6])]:
            if name := _name_asked_in(opening, query):
                return name
        # a kind asked by its short name ('an adc') is not an entity: the sentence's subject, when asked
        subject = re.match(r"((?:[\w\-/]+\s+){0,2}?[\w\-/]+)\s+(?:is|are|was|were|has|have)\b", sentence.text)
        if subject and words_of(subject.group(1)) & words_of(query.text) - FRAME_WORDS:
            return subject.group(1)
        return ""

    @staticmethod
    def _short_subheading(chunk) -> str:
        """The sub-heading a passage sits under when it is a name ('Lapatinib'), for a leading pronoun."""
        return chunk.subheading if chunk.subheading and len(chunk.subheading) <= 30 else ""

    def _named_points(self, answer: Answer) -> list:
        """Points of a running-text answer, a leading pronoun given its antecedent from the sub-heading."""
        by_marker = {c.marker: c for c in answer.citations}
        points = []
        for point in points_from_text(answer):
            citation = by_marker.get(point.markers[0]) if point.markers else None
            chunk = self.corpus.by_id.get(citation.chunk_id) if citation else None
            if chunk is not None and (heading := self._short_subheading(chunk)):
                point = point.model_copy(update={"text": with_antecedent(point.text, heading)})
            points.append(point)
        return points

    def _with_neighbours(self, base: Answer, answer: Answer, query: Query) -> Answer:
        """A cause or a yes/no settles in the sentences around the best ones ("It is highly selective…,
        which explains its favourable toxicity profile. Moreover, its small size…"): bring the next
        sentence, and the ones around that share the question's terms, from the same paragraph."""
        if not answer.citations or any(c.kind == "reference" for c in answer.citations):
            return answer
        terms = set(query.terms)
        if causes_of_each(query):
            # "why do tkis like tykerb and tukysa…": a sentence sharing only the names ("…approved three TKIs
            # (lapatinib, neratinib, and tucatinib)") says no cause of theirs
            terms -= set(tokenize(" ".join(a for e in query.entities for a in query.aliases.get(e, [e]))))
        picks: list[Pick] = []
        anchors = 0
        quoted = self._quoted(answer)
        for point, citation, sentence in quoted[:3]:
            if citation is None:
                continue
            if sentence is None:
                picks.append(Pick(chunk=self.corpus.by_id[citation.chunk_id], text=point.text))
                continue
            anchors += 1
            for s in self.sentences.paragraph(sentence)[max(0, sentence.index - 2): sentence.index + 3]:
                # one word is one term shared, not two ('metastasis' and its stem 'metastas')
                shared = {light_stem(t) for t in terms & set(tokenize(s.text))}
                follows = s.index == sentence.index + 1 and (query.intent in ("why", "yesno") or re.match(
                    r"(?:Moreover|Furthermore|Additionally|However|Thus|Therefore|Consequently|This|These|It|Its|"
                    r"In these|Besides)\b", s.text))
                # ("Moreover, its small molecular size…" leans on the sentence naming what 'its' is)
                leaned_on = s.index == sentence.index - 1 and bool(OPENS_ON_PRONOUN_RE.match(sentence.text))
                if s is sentence or len(shared) >= 2 or follows or leaned_on:
                    picks.append(Pick(chunk=self.sentences.chunk(s), text=s.text, start=s.start))
                    self._considered.add(s.chunk_id)
            if query.intent == "why":
                # ("Additionally, some studies have shown that CDK4/6 inhibition can improve…": a reason added to the one
                # before, "CCND1 overexpression can activate CDK4 and CDK6, leading to…", when that one says why too —
                # not "Moreover, neratinib improved ORR" after the PFS it adds to)
                paragraph = self.sentences.paragraph(sentence)
                starts = {p.start for p in picks}
                first = min((s for s in paragraph if s.start in starts), key=lambda s: s.index, default=sentence)
                if first.index > 0 and ADDITIVE_RE.match(first.text) and paragraph[first.index - 1].start not in starts \
                        and STYLE_CUES["why"].search(paragraph[first.index - 1].text):
                    before = paragraph[first.index - 1]
                    picks.append(Pick(chunk=self.sentences.chunk(before), text=before.text, start=before.start))
                    self._considered.add(before.chunk_id)
        if query.intent == "yesno" and anchors:
            # "was nerlynx better than tykerb?": a result is qualified by the "However, …" right after the
            # last one quoted ("However, no differences in OS were observed between arms")
            starts = {p.start for p in picks}
            for sentence in (sentence for _, _, sentence in quoted if sentence is not None):
                paragraph = self.sentences.paragraph(sentence)
                last = max((s for s in paragraph if s.start in starts), key=lambda s: s.index, default=sentence)
                after = paragraph[last.index + 1: last.index + 2]
                if after and after[0].start not in starts and CONTRAST_RE.match(after[0].text) \
                        and has_figure(strip_markers(last.text)):
                    picks.append(Pick(chunk=self.sentences.chunk(after[0]), text=after[0].text, start=after[0].start))
                    starts.add(after[0].start)
                    self._considered.add(after[0].chunk_id)
        if not anchors or len(picks) <= len(answer.points or [1]):
            return answer
        picks.sort(key=lambda p: (p.chunk.source, p.start if p.start is not None else p.chunk.start))
        return self.composer.compose(base, picks, query)

    def _with_what_it_refers_to(self, base: Answer, answer: Answer, query: Query) -> Answer:
        """'In 2013, these results led to FDA approval of T-DM1…' quoted alone hides which results:
        bring the sentences it points back to — those that name a trial or give figures, just before
        it (across the paragraph break when it opens a paragraph)."""
        if not answer.citations or answer.abstained or any(c.kind == "reference" for c in answer.citations):
            return answer
        chosen = [sentence for _, _, sentence in self._quoted(answer)]
        if None in chosen:
            return answer  # a table row or a merged quote: leave the answer as it is
        starts = {s.start for s in chosen}
        added: list[Sentence] = []
        for sentence in chosen:
            if (DEMONSTRATIVE_RE.match(sentence.text) or CONTRASTS_WITH_PREVIOUS_RE.match(sentence.text)
                    or KIND_SUCH_AS_RE.match(sentence.text) or THIS_REASON_RE.match(sentence.text)
                    or ADDS_OTHERS_RE.match(sentence.text)
                    # "why is CONTROL being run?": "Therefore, the CONTROL trial…" follows from the sentence before
                    or (base.intent == "why" and CONSEQUENCE_RE.match(sentence.text))) and sentence.index > 0:
                previous = self.sentences.paragraph(sentence)[sentence.index - 1]
                # "This truncated form of HER2…" needs what it is; "However, in the PD-L1 positive
                # subgroup…" what it contrasts with ("…not significantly different in all patients")
                # "This hyperactivation leads to…" after "This activation can occur…": back to the sentence that
                # says what was activated ("…alterations … including mutations in PIK3CA and loss of PTEN")
                for _ in range(MAX_POINTED_BACK):
                    if previous.start in starts:
                        break
                    added.append(previous)
                    starts.add(previous.start)
                    if not DEMONSTRATIVE_RE.match(previous.text) or previous.index == 0:
                        break
                    previous = self.sentences.paragraph(previous)[previous.index - 1]
                continue
            if not POINTS_BACK_RE.search(" ".join(sentence.text.split()[:9])):
                continue
            before = self._sentences_before(sentence)
            telling = [s for s in before if has_figure(strip_markers(s.text)) or TRIAL_RE.search(s.text)]
            if not telling or telling[-1].start in starts:
                continue  # nothing to point back to, or it is already there
            for s in reversed(before[-5:]):
                if has_figure(strip_markers(s.text)) or TRIAL_RE.search(s.text):
                    added.append(s)
                if len(added) >= 3:
                    break
        return self._with_added(base, answer, query, chosen, added)

    def _with_the_terms_paragraph(self, base: Answer, answer: Answer, query: Query) -> Answer:
        """A definition drawn from one paragraph keeps the sentences of that paragraph that name the term
        asked ("PROTACs … can selectively degrade proteins", "a trastuzumab-PROTAC conjugate…"): what
        the review says a term is seldom fits in the one sentence that introduces it."""
        specific = [e for e in self._specific(query) if e not in query.carried]
        if answer.abstained or not answer.citations:
            return answer
        chosen = [sentence for _, _, sentence in self._quoted(answer)]
        if None in chosen or len({(s.source, s.paragraph) for s in chosen}) != 1:
            return answer
        if not specific:
            # 'targeted protein degradation - what is it?': a term the review names no entity for is asked by its
            # words; a short paragraph opening with them is all about it
            paragraph = self.sentences.paragraph(chosen[0])
            opening = " ".join(re.findall(r"[\w\-]+", paragraph[0].text)[:3]).lower() if paragraph else ""
            if paragraph and paragraph[0].start in {s.start for s in chosen} and len(paragraph) <= DEFINITION_SENTENCES \
                    and len(opening.split()) == 3 and re.search(rf"\b{re.escape(opening)}\b", query.text.lower()):
                return self._with_added(base, answer, query, chosen, [s for s in paragraph if s not in chosen])
            return answer
        aliases = [a for e in specific for a in query.aliases.get(e, [e])]
        aliases += [a[:-1] for a in aliases if a.endswith("s") and len(a) > 4]  # 'PROTACs' names a 'PROTAC' too
        starts = {s.start for s in chosen}
        paragraph = self.sentences.paragraph(chosen[0])
        if paragraph and paragraph[0].start in starts and len(paragraph) <= DEFINITION_SENTENCES and re.match(
                rf"\W*(?:{'|'.join(map(re.escape, aliases))})\b", paragraph[0].text, re.I):
            # a short paragraph that opens with the term is all about it ("Targeted protein degradation (TPD) offers…
            # Techniques such as PROTACs and molecular glues utilize…"): what it is, how it works, an example
            return self._with_added(base, answer, query, chosen, [s for s in paragraph if s.start not in starts])
        # ("AXL upregulation has been associated with anti-HER2 drugs. Its activation can bypass the HER2 signaling
        # pathway…": a sentence opening on a bare pronoun names the term through the sentence before)
        # ("This study employed next-generation sequencing… These results allowed the selection of a specific
        # targeted treatment…": what a quoted sentence found, told by the one after it, is part of the term's account)
        added = [s for i, s in enumerate(paragraph) if s.start not in starts and (mentions(s.text, aliases) or (
            i > 0 and BARE_PRONOUN_RE.match(s.text) and mentions(paragraph[i - 1].text, aliases)) or (
            i > 0 and FINDINGS_BEFORE_RE.match(s.text) and (paragraph[i - 1].start in starts
                                                             or mentions(paragraph[i - 1].text, aliases))))]
        room = DEFINITION_SENTENCES - len(chosen)
        return self._with_added(base, answer, query, chosen, added[:max(0, room)])

    def _with_figures_between(self, base: Answer, answer: Answer, query: Query) -> Answer:
        """Two sentences quoted from one paragraph with one or two skipped between them: a skipped one that gives
        figures of what is asked ("To provide context, this rate is more than sixfold greater than the incidence of
        HR−/HER2− BC, which stands at 13.2 cases, as well as HR+/HER2+ BC, which stands at 12.6 cases.") is part of
        the run of figures the two quoted ones began and ended — the reader would miss the middle of it."""
        if not answer.citations or answer.abstained or any(c.kind == "reference" for c in answer.citations):
            return answer
        chosen = [sentence for _, _, sentence in self._quoted(answer)]
        if None in chosen:
            return answer
        terms = {light_stem(t) for t in query.terms}
        added: list[Sentence] = []
        for first, second in zip(chosen, chosen[1:]):
            if (first.source, first.paragraph) != (second.source, second.paragraph) or not 2 <= second.index - first.index <= 3:
                continue
            added += [s for s in self.sentences.paragraph(first)[first.index + 1: second.index]
                      if (has_figure(strip_markers(s.text)) and terms & {light_stem(w) for w in tokenize(s.text)})
                      # ('which arm in monarcher did best?': the skipped "Herein, the efficacy of abemaciclib plus
                      # trastuzumab with or without fulvestrant was compared to…" says what the arms were)
                      or (ARMS_ASKED_RE.search(query.text) and ARMS_SAID_RE.search(s.text))]
        return self._with_added(base, answer, query, chosen, added)

    def _with_the_body_restating(self, base: Answer, answer: Answer, query: Query) -> Answer:
        """An abstract's figure sums up one the body states with its reference: 'what % of breast cancers are her2
        positive' quotes the abstract's 15–20% and the introduction's "approximately 15% of all BCs [3]" beside it —
        the body's sentence names the primary paper, and where the two differ the reader sees both."""
        if not query.wants_number:
            return answer  # (most fact answers: their quoted sentences are not looked up)
        quoted = [s for _, _, s in self._quoted(answer)]
        if not quoted or None in quoted or any(s.section != ABSTRACT for s in quoted):
            return answer
        of_what = [whole for s in quoted for whole in percentages_of(s.text)]
        # (the subject the abstract's sentence names is the body's too — not all cancers' 11.7% for HER2-positive's;
        # a status is what the percentage counts: 'HER2-positive' is 'HER2 … overexpressed' in the body)
        named = [[STATUS_SUFFIX_RE.sub("", a) for a in query.aliases.get(e, [e])] for e in query.entities
                 if any(mentions(s.text, query.aliases.get(e, [e])) for s in quoted)]
        restating = next((s for s in self.sentences.sentences if s.section != ABSTRACT
                          and any(same_whole(ours, theirs) for ours in of_what for theirs in percentages_of(s.text))
                          and all(mentions(s.text, aliases) for aliases in named)), None)
        return self._with_added(base, answer, query, quoted, [restating] if restating else [])

    def _with_the_claim_restated(self, base: Answer, answer: Answer, query: Query) -> Answer:
        """A yes/no answered by a claim the abstract sums up and the body states again ('is her2+ mbc curable': the
        abstract's "remains a nearly incurable disease" and the conclusions' "remains considered almost an incurable
        disease") quotes both wordings: each is the review's answer, and the body's may carry the reference."""
        quoted = [s for _, _, s in self._quoted(answer)]
        if not quoted or None in quoted:
            return answer
        added = [twin for s in quoted if (twin := self._restatement(s)) is not None and twin not in quoted]
        return self._with_added(base, answer, query, quoted, added[:1])

    def _restatement(self, sentence: Sentence) -> Sentence | None:
        """The sentence on the other side of the summary/body line that says the same claim: the two share a rare
        word (printed in at most RARE_SENTENCES sentences: 'incurable') and RESTATED_SHARE of their words."""
        if "restatements" not in self._indexes:
            words = {s.start: words_of(strip_markers(s.text)) for s in self.sentences.sentences}
            printed_in: dict[str, int] = {}
            for found in words.values():
                for w in found:
                    printed_in[w] = printed_in.get(w, 0) + 1
            summary = [s for s in self.sentences.sentences if s.section.startswith(SUMMARY)]
            body = [s for s in self.sentences.sentences if not s.section.startswith(SUMMARY)]
            pairs: dict[int, Sentence] = {}
            for a in summary:
                def shared(b: Sentence) -> float:
                    both = words[a.start] & words[b.start]
                    if not any(printed_in[w] <= RARE_SENTENCES for w in both):
                        return 0.0
                    return len(both) / max(1, len(words[a.start] | words[b.start]))
                best = max(body, key=shared, default=None)
                if best is not None and shared(best) >= RESTATED_SHARE:
                    pairs[a.start] = best
                    pairs.setdefault(best.start, a)
            self._indexes["restatements"] = pairs
        return self._indexes["restatements"].get(sentence.start)

    def _with_added(self, base: Answer, answer: Answer, query: Query, chosen: list[Sentence],
                    added: list[Sentence]) -> Answer:
        """The answer composed again from the sentences it quoted and those a step added, in reading order."""
        if not added:
            return answer
        everything = sorted({s.start: s for s in chosen + added}.values(), key=lambda s: s.start)
        return self._quoting(base, query, everything)

    def _quoting(self, base: Answer, query: Query, sentences: list[Sentence],
                 antecedent: Callable[[Sentence], str] | str = "", lead: str = "") -> Answer:
        """An answer quoting these review sentences in the order given, each cited to its passage (which
        the verifier is told was considered); ``antecedent`` names what a leading pronoun stands for."""
        sentences = self._with_what_they_announce(sentences)
        self._considered.update(s.chunk_id for s in sentences)
        picks = [Pick(chunk=self.sentences.chunk(s), text=s.text, start=s.start,
                      antecedent=antecedent(s) if callable(antecedent) else antecedent) for s in sentences]
        return self.composer.compose(base, picks, query, lead=lead)

    def _with_what_they_announce(self, sentences: list[Sentence]) -> list[Sentence]:
        """Each sentence that leaves its point to the next one (LEANS_FORWARD_RE) followed by that sentence."""
        out: list[Sentence] = []
        for s in sentences:
            if (THIS_REASON_RE.match(s.text) or THIS_STUDY_RE.match(s.text)) and s.index > 0 and (
                    reason := self.sentences.paragraph(s)[s.index - 1]) not in sentences and reason not in out:
                out.append(reason)  # "For this reason, …" after the reason it follows
            out.append(s)
            if not LEANS_FORWARD_RE.search(s.text):
                continue  # most sentences: no paragraph to look up
            following = self.sentences.paragraph(s)[s.index + 1: s.index + 2]
            if following and following[0] not in sentences:
                out.append(following[0])
        return out

    def _sentences_before(self, sentence: Sentence) -> list[Sentence]:
        """The sentences before this one in its paragraph, or in the previous paragraph of the same
        section when it opens its paragraph."""
        paragraph = self.sentences.paragraph(sentence)
        if sentence.index > 0:
            return paragraph[: sentence.index]
        previous = self.sentences.by_paragraph.get((sentence.source, sentence.paragraph - 1), [])
        return previous if previous and previous[0].section == sentence.section else []

    def _quoted(self, answer: Answer) -> list[tuple[AnswerPoint, Citation | None, Sentence | None]]:
        """Each point of an answer with the citation it carries and the review sentence it quotes
        (None for a table row, a reference entry or a quote of several sentences)."""
        by_marker = {c.marker: c for c in answer.citations}
        quoted = []
        for point in answer.points or points_from_text(answer):
            citation = by_marker.get(point.markers[0]) if point.markers else None
            quoted.append((point, citation, self._sentence_of(citation.chunk_id, point.text) if citation else None))
        return quoted

    def _sentence_of(self, chunk_id: str, text: str) -> Sentence | None:
        chunk = self.corpus.by_id.get(chunk_id)
        if chunk is None or chunk.paragraph < 0:
            return None
        body = strip_markers(text).strip()
        # "[T-DXd] is uniquely designed…", "This TKI [lapatinib] inhibits…": the quote as printed
        def bare(quote: str) -> str:
            return re.sub(r"\s+", " ", re.sub(r"\[[^\]]*\]", " ", quote)).strip()

        body = bare(body)
        if not body:
            return None
        for s in self.sentences.by_paragraph.get((chunk.source, chunk.paragraph), []):
            plain = re.sub(r"\s+", " ", strip_markers(s.text)).strip()
            # the review's own brackets ("[Hazard ratio, 0.87…]") go the way the added ones went
            if plain == body or body in plain or body in s.text or body in bare(plain):
                return s
        return None

    def _with_what_acts_regardless(self, base: Answer, answer: Answer, query: Query) -> Answer:
        """'why would enhertu work when HER2 is low or patchy?': what works whatever the condition is, the review
        says in a sentence that acts "regardless of" it ("…bystander killing, which … acts directly against
        neighboring cells regardless of their HER2 expression level") — said of the drug, or of the class the
        review says it belongs to ('T-DXd is an ADC'), in that sentence's paragraph. It joins the answer."""
        asked = WORKS_DESPITE_RE.search(query.text)
        specific = [e for e in self._specific(query) if is_drug_name(e)]
        if asked is None or not specific:
            return answer
        # the condition, and the situation told before the question ('pathology said my tumor is heterogeneous for
        # her2. why would enhertu still work on that?'); 'HER2' too, which has a digit, and 'HER2-low' in its parts
        told = f"{query.text[:asked.start()]} {asked.group('condition')}"
        condition = words_of(told) | words_of(told.replace("-", " "))
        aliases = [a for e in specific for a in query.aliases.get(e, [e])]
        kinds = self._classes_of(aliases)
        quoted = [sentence for _, _, sentence in self._quoted(answer)]
        if None in quoted:
            return answer
        found = []
        for sentence in self.sentences.sentences:
            regardless = REGARDLESS_OF_RE.search(sentence.text)
            if regardless is None or sentence in quoted:
                continue
            if not condition & words_of(regardless.group("what")):
                continue  # regardless of HR status is no answer for HER2 that is low
            paragraph = " ".join(s.text for s in self.sentences.paragraph(sentence))
            if mentions(paragraph, aliases) or mentions(paragraph, kinds):
                found.append(sentence)
        if not found:
            return answer
        everything = sorted({s.start: s for s in quoted + found[:1]}.values(), key=lambda s: (s.source, s.start))
        return self._quoting(base, query, everything)

    def _with_its_importance_said(self, base: Answer, answer: Answer, query: Query) -> Answer:
        """'why does it matter if HER2 is patchy?', 'why does heterogeneity cause poor responses?': where the review
        itself says the topic matters for treatment ("For this reason, heterogeneity plays an important role in the
        treatment…", "These data suggest the importance of heterogeneity in treatment response") joins the answer, with
        the sentences those point back to (the reason, the data)."""
        if not MATTERS_ASKED_RE.search(query.text):
            return answer
        quoted = [sentence for _, _, sentence in self._quoted(answer)]
        if not quoted or None in quoted:
            return answer
        asked = {w for w in words_of(query.expanded) if w not in self.sentences.everywhere} - words_of(" ".join(FRAME_WORDS))
        said = [s for s in self.sentences.sentences if IMPORTANCE_SAID_RE.search(s.text) and s not in quoted
                and asked & words_of(IMPORTANCE_SAID_RE.sub(" ", s.text))]
        if not said or len(said) > 2:
            return answer  # none, or a topic whose importance the review asserts all over: no answer to the why
        added = list(said)
        for sentence in said:
            paragraph = self.sentences.paragraph(sentence)
            # "For this reason, …" leans on the sentence before; "These data suggest …" on the findings before it
            back = 1 if THIS_REASON_RE.match(sentence.text) else 3 if FINDINGS_BEFORE_RE.match(sentence.text) else 0
            added += paragraph[max(0, sentence.index - back):sentence.index]
        everything = sorted({s.start: s for s in quoted + added}.values(), key=lambda s: (s.source, s.start))
        return self._quoting(base, query, everything)

    def _with_what_it_is(self, base: Answer, answer: Answer, query: Query) -> Answer:
        """'how does AXL cause resistance?', 'how does Src tie into trastuzumab resistance?': how a marker acts is told
        after what it is, which the review says where it introduces it ("AXL is a member of the TAM family of receptor
        tyrosine kinases…", "Src is a proto-oncogene that encodes the non-receptor protein tyrosine kinase Src…");
        that sentence, in the paragraph of a quoted one, comes first. A drug is left as it is."""
        markers = [e for e in self._specific(query) if not is_drug_name(e)]
        quoted = [sentence for _, _, sentence in self._quoted(answer)]
        if len(markers) != 1 or not quoted or None in quoted:
            return answer
        names = "|".join(re.escape(a) for a in query.aliases.get(markers[0], markers[0:1]))
        what_it_is = re.compile(rf"^(?:The\s+)?(?:{names})\b(?:\s*\([^()]*\))?\s+(?:is|are)\s+(?:an?|the)\s", re.I)
        paragraphs = {(s.source, s.paragraph) for s in quoted}
        said = [s for s in self.sentences.sentences if (s.source, s.paragraph) in paragraphs and what_it_is.match(s.text)
                and s not in quoted]
        if not said:
            return answer
        return self._quoting(base, query, sorted({s.start: s for s in quoted + said[:1]}.values(), key=lambda s: s.start))

    def _classes_of(self, aliases: list[str]) -> list[str]:
        """The drug classes the review says a drug is ('T-DXd is an ADC of…' → ['ADCs', 'ADC'])."""
        names = "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True))
        kinds = []
        for sentence in self.sentences.mentioning(aliases):
            said = re.search(rf"(?:{names})\s+is\s+an?\s+(?:new\s+|novel\s+|second-generation\s+)?(?P<kind>ADC|TKI)\b",
                             sentence.text)
            if said:
                kinds += [said.group("kind") + "s", said.group("kind")]
        return list(dict.fromkeys(kinds))

    def _with_mechanism(self, base: Answer, answer: Answer, query: Query, scoped: list[Candidate]) -> Answer:
        """'how does axl cause resistance?' answered in AXL's own section: a sentence there that tells
        the mechanism by its verbs ("Its activation can bypass the HER2 signaling pathway…", "AXL can
        activate other downstream signaling pathways, such as PI3K/AKT and MAPK/ERK") joins the
        quoted ones when none of them does."""
        quoted = [sentence for _, _, sentence in self._quoted(answer)]
        if None in quoted:
            return answer
        if telling := [s for s in quoted if MECHANISM_RE.search(s.text)]:
            # "Its activation can bypass the HER2 signaling pathway…" quoted: the sentence after it that adds to the
            # mechanism ("In addition, AXL can activate other downstream signaling pathways…") goes with it
            following = [nxt for s in telling for nxt in self.sentences.paragraph(s)[s.index + 1: s.index + 2]]
            adding = [s for s in following if s not in quoted and s.section == telling[0].section
                      and ADDITIVE_RE.match(s.text) and MECHANISM_RE.search(s.text)]
            return self._with_added(base, answer, query, quoted, adding) if adding else answer
        section = scoped[0].chunk.section
        found = [s for s in self.sentences.sentences if s.section == section and s.source == scoped[0].chunk.source
                 and MECHANISM_RE.search(s.text) and s not in quoted]
        if not found:
            return answer
        return self._with_added(base, answer, query, quoted, found[:2])
