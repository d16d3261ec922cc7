"""The answering steps in order: intent → plan → select → compose (→ verify, in the assistant).

Each intent has its own way of choosing evidence; all of them end in the same composer, so every
answer is a list of cited, verbatim points, and the verifier can check each one.
"""

from __future__ import annotations

import copy
import itertools
import re
import time
from typing import Callable

from ..citations import strip_markers
from ..corpus import Corpus
from ..figures import has_figure
from ..query import Query, QueryAnalyzer, light_stem, mentions, tokenize
from ..results import Answer, AnswerPoint, Citation
from ..retrieval import REVIEW_DISEASE, REVIEW_SUBJECT, Candidate, is_generic
from ..settings import Settings
from .compose import Composer, Pick, merge, points_from_text, render, with_antecedent
from .coverage import (GENERIC_ATTRIBUTES, MEASURES, SETTINGS_ASKED, arm_gap, asked_endpoints, attribute_gap, content_words,
                       count_gap, duration_gap, grade_gap, subgroup_gap, management_gap, measured_gap, off_topic,
                       other_trials_figure, qualifier_gaps, setting_gap, weakly_covered, year_gap)
from .extractive import (ADDITIVE_RE, ASKED_KIND_RE, COMMON_CODES, DRUG_RE, FINDINGS_BEFORE_RE, LEANS_FORWARD_RE, TRIAL_RE,
                         ExtractiveAnswerer, _join, asked_kind, asked_measures, is_drug_name, names_of_kind, retrieved_list,
                         trial_names)
from .comparisons import ComparePlans
from .continuation import ContinuationPlans
from .definitions import DefinitionPlans
from .head_to_head import HeadToHeadPlans
from .outcome import Outcome
from .rationale import MECHANISM_RE, RationalePlans
from .overviews import RESULTS_ASKED_RE, OverviewPlans
from .lists import THIS_STUDY_RE, ListPlans
from .subjects import SubjectPlans
from .intent import (ASKS_COMPARATOR_RE, ABOUT_REVIEW_RE, ASPECTS_LISTED_RE, COMPARE_RE, DRUGS_OF_KIND_RE, HEARD_FROM_RE, KNOWN_CLAIM_RE,
                     OVERVIEW_RE, PERSONAL_CONTEXT_RE, SCOPE_TAIL_RE, TRAILING_CONTEXT_RE, as_definition, classify,
                     split_parts, design_and_results_as_one, with_the_term_told_before, without_exclusion, without_framing,
                     without_instructions)
from .passages import (CONTRASTS_WITH_PREVIOUS_RE, FRAME_WORDS, SECTION_NUMBER_RE, Sentence, SentenceIndex,
                       words_of)
from .table_plans import ROW_COLUMN_ASKED_RE, TablePlans
from .tables import PHASE_RE, TableAnswerer
from ..vocabulary import AGENCIES, BRANDS, CLOSE_ONES

Retrieve = Callable[[Query], list[Candidate]]
# "Techniques such as PROTACs and molecular glues…": the kind was named in the sentence before (TPD).
KIND_SUCH_AS_RE = re.compile(r"(?:[A-Z][\w\-]*\s+)?(?:techniques|methods|approaches|strategies|agents|drugs|molecules|"
                             r"compounds|therapies|inhibitors|mechanisms|tools|technologies)\s+such as\b", re.I)
# A name glossed by another in brackets ('HER2CLIMB (tukysa)'), and 'the X vs Y one' after a question.
GLOSS_BRACKET_RE = re.compile(r"(?P<name>[\w\-+/]*\w)\s*\((?P<gloss>[\w\-+/ ]{2,30})\)")
_ARMS = r"(?P<gloss>[\w\-+/ ]{2,40}?\s+(?:vs\.?|versus|v\.)\s+[\w\-+/ ]{2,40}?)"  # 'T-DXd vs T-DM1'
ARMS_GLOSS_RE = re.compile(rf"\s*(?:\(|[-–—:,]\s*|\?\s+|\bfor\s+){_ARMS}\)?\s*\??\s*$", re.I)
ARMS_BRACKET_RE = re.compile(rf"\s*\({_ARMS}\)", re.I)
GLOSS_TAIL_RE = re.compile(r"[?,]\s*(?:i mean\s+)?the\s+[^?,]{2,40}?\s+(?:one|trial|study)\W*$", re.I)
# A sentence opening on a bare pronoun, whose name is in the sentence before.
BARE_PRONOUN_RE = re.compile(r"(?:It|Its|They|Their)\b")
# "these results led to…", "based on these data": a sentence that takes its subject from before it.
POINTS_BACK_RE = re.compile(r"\b(?:these|those|such) (?:results?|data|findings|observations|outcomes)\b|"
                            r"\b(?:this|that|these|those) (?:rates?|frequency|incidence|figures?|percentages?)\b|"
                            r"\bbased on (?:these|this|such|those)\b", re.I)
# Who a statement is told by or about: the asker, the one treated, their doctors
ASKER_RE = re.compile(rf"\b(?:i|i'm|i’m|im|i've|my|we|our|me|he|she|his|her|him|their|{CLOSE_ONES}|"
                      r"patients?|pts?|doctor|dr|docs?|oncologist|onc|"
                      r"nurse|surgeon|callers?|clients?|members?|colleagues?|readers?|someone|somebody|"
                      # (what someone told: 'a caller on verzenio asked about the monarcHER trial - what was it')
                      r"asked|mentioned|said|told|brought up)\b", re.I)
# What was heard ("oncologist mentioned cyclin D1 in a herceptin patient"): the words after the telling verb
HEARD_TERM_RE = re.compile(r"\b(?:mentioned|said|brought up|talked about|told (?:me|us|him|her) about)\s+"
                           r"(?:(?:the|a|an|something called|some(?:thing)? about)\s+)?(?P<term>[\w\-/+]+(?:\s+[\w\-/+]+)?)"
                           # (not 'mentioned AXL as a reason the drugs stop working': what was heard is then a claim)
                           r"(?=\s+(?:in|for|with|on|at|to|when|during|and|is|was)\b|\s*[.,;:!]|\s+[-–—]|\s*$)", re.I)
# A statement, then the question: "his biopsy … is being rechecked for HER2. how often does …?"
TOLD_THEN_ASKED_RE = re.compile(r"^(?P<context>[^?]{10,300}?)(?P<stop>[.;!]|\s[-–—])\s+(?P<question>(?:what|whats|what's|how|why|which|"
                                r"who|when|where|is|are|does|do|did|can|could|should|was|were|has|have|any|anything)\b[^?]*\?*)\s*$",
                                re.I | re.S)
# "if my brain spot grows and i get radiation, …": a condition told before the question, in one's own words
CONDITION_CONTEXT_RE = re.compile(r"^\W*(?:(?:ok|okay|and|so|but)\W+)*(?:if|once|in case)\b", re.I)
# "what did Metzger find?", "what did bose et al show": a study the review names by its first author
AUTHOR_FINDINGS_RE = re.compile(r"\bwhat (?:did|does|do|have|has) (?P<who>[a-z][\w\-']+)(?: et al\.?)?"
                                r"(?: and (?:colleagues|co-?workers|team))? (?:find|found|show|shown|report|reported|"
                                r"demonstrate|demonstrated|observe|observed|describe|conclude|say)\b", re.I)
# "her2 mutations bose et al found w/o amplification?": what an author's study found, asked as a noun phrase
AUTHOR_FOUND_RE = re.compile(r"\b(?P<who>[a-z][\w\-']+) et al\.?(?: and (?:colleagues|co-?workers|team))? (?:found|find|showed|"
                             r"reported|identified|described|observed|demonstrated)\b", re.I)
# A sentence going on about the study before it: "They demonstrated…", "This study identified…", "These studies suggest…"
GOES_ON_ABOUT_STUDY_RE = re.compile(r"(?:They|These authors|The authors|Their|This study|These studies|"
                                    r"In (?:this|their|that) study)\b")
FOLLOW_ON_SENTENCES = 3
# "is there medicine for src?", "and there is medicine for Src?", "are there any drugs for AXL": a remedy asked for
AGENTS_FOR_RE = re.compile(r"^\W*(?:(?:and|so|but|ok)\W+)?(?:(?:is|are)\s+there|there\s+(?:is|are))\s+(?:any\s+|a\s+|some\s+)?"
                           r"(?:medicines?|meds|drugs?|medications?|treatments?|therap(?:y|ies)|pills?)\s+"
                           # ('are there any drugs that hit src?': a remedy told by what it does to its target)
                           r"(?:for|against|(?:that|which|to)\s+(?:hit|target|block|inhibit|go(?:es)? after|work against|"
                           r"act on|hits|targets|blocks|inhibits|works against|acts on))\s+(?P<target>[\w\-/+]+)\s*\?", re.I)
# "and AXL - how does that cause resistance?", "tucatinib: why does it cross the BBB": a name, then a question about it
# (the pointing word within the question's first words, as its subject or object: in "DESTINY-Breast01: what were the
# design, the ORR with its CI" 'its' is the ORR's)
NAME_THEN_ASKED_RE = re.compile(r"^\W*(?:(?:and|so|ok|but|also)\s+)?(?P<name>[\w\-/+]+(?:\s+[\w\-/+]+)?)\s*[-–—:]\s*"
                                r"(?P<before>(?:how|why|what|does|do|did|is|are|can|could)\b(?:\s+(?!(?:that|this|it|they)\b)"
                                r"[\w\-']+){0,3}\s+)(?:that|this|it|they)\b(?P<after>.*)$", re.I)
# "… what drugs are tried against it?", "… can anything block it?": 'it' is what something acts on
ACTED_ON_IT_RE = re.compile(r"\b(?:against|target(?:s|ed|ing)?|block(?:s|ed|ing)?|inhibit(?:s|ed|ing)?|hit(?:s|ting)?|"
                            r"overcome|get around|go after|act on|aimed at)\s+it\W*$", re.I)
# How many sentences a chain of "This …" sentences is followed back
MAX_POINTED_BACK = 3
# "This truncated form of HER2…", "These drugs…": a subject named only in the sentence before.
DEMONSTRATIVE_RE = re.compile(r"(?:This|These|Such|That|Those)\s+(?:[\w\-]+\s+){0,2}?(?:forms?|proteins?|receptors?|"
                              r"drugs?|agents?|mutations?|alterations?|pathways?|mechanisms?|molecules?|compounds?|"
                              r"antibod(?:y|ies)|genes?|combinations?|approach(?:es)?|strateg(?:y|ies)|variants?|"
                              r"isoforms?|inhibitors?|TKIs?|ADCs?|(?:hyper)?activation|overexpression|upregulation|"
                              r"amplifications?|interactions?|process(?:es)?|phenomen(?:on|a)|"
                              # "This study identified numerous HER2 mutations…" after "Bose et al. found…"
                              r"stud(?:y|ies)|analys[ie]s)\b|"
                              # "The patients received T-DXd (5.4 mg/kg…)": the patients of the trial told before
                              # ("The combination treatment showed benefits…": the combination of the trial before)
                              r"The (?:patients|participants|women|subjects|combination(?: treatment| therapy| arm)?)\b")


# A line of treatment as what the members are ("…are 1st line", "…in the second line"), not a
# standard someone set ("…set X as 1st line standard").
_IN_A_LINE = r"\b(?:are|is|in|for|at)\s+(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th|≥\s*2nd)[\s-]*lines?"
LINE_ASKED_RE = re.compile(_IN_A_LINE + r"\b(?!\s+(?:standard|therapy|treatment|setting)\b)", re.IGNORECASE)
# "which T-DXd trials are in the first-line setting / for first-line treatment": a setting asked of trials is the
# tables' Setting column
TRIALS_IN_LINE_RE = re.compile(r"\b(?:trials?|studies)\b.*" + _IN_A_LINE + r"\s+(?:setting|treatment|therapy)\b", re.IGNORECASE)
# "which trial was the first phase 3 to…" asks for one trial, not the rows of a phase.
ONE_ASKED_RE = re.compile(r"\b(?:was|is)\s+(?:the\s+)?(?:first|only|last|earliest|largest)\b", re.IGNORECASE)
PRIMARY_ENDPOINT_RE = re.compile(r"\bprimary (?:end ?points?|outcomes?)\b", re.IGNORECASE)
TRIALS_WITH_RE = re.compile(r"^\s*[\w\-]+\s+trials?\s+(?:with|where|that|having)\b", re.IGNORECASE)  # 't-dxd trials with…'
# a name brought up before the question ('my onc mentioned KATE2, what was it testing?'), and the pronoun for it
INTRODUCED_RE = re.compile(r"\b(?:mentioned|brought up|brings up|told (?:me|us|her|him) about|asked (?:me |us )?about|"
                           r"heard (?:about|of)|read (?:about|of)|came across|talked about|recommended|"
                           # ('my mom just started enhertu, what kind of drug is it?': the drug begun is 'it')
                           r"started|starting|began|begun|switched to|prescribed|offered|"
                           # ('my mom's oncologist says enhertu might be next after kadcyla. what kind of drug is it?')
                           r"says|said|suggest(?:s|ed)?|considering|wants? to (?:try|give|use|start|add)|"
                           # ('one of my residents is on enhertu - how often does it cause ILD?': the drug one is given)
                           r"(?:is|was|are|were) (?:now |currently |still )?on|got|received|receiving|taking)\b", re.I)
# "which anti-diarrhea drug and schedule did the CONTROL trial use": a named detail of one trial, told where it is
DETAIL_OF_TRIAL_RE = re.compile(r"^\W*(?:which|what)\s+(?:[\w\-]+\s+){0,2}?(?:drugs?|agents?|medications?|meds|doses?|"
                                r"schedules?|regimens?|comparators?)\b", re.I)
IT_RE = re.compile(r"\b(?:it|its|they|them|their)\b", re.I)
# 'of each one', 'for both', 'each of them': the things named before, one by one
EACH_OF_THEM_RE = re.compile(r"\b(?:each(?: one| of them| of the two)?|both(?: of them)?|either one)\W*$|\b(?:of|for|with|on) "
                             r"(?:each|both)(?: one| of them)?\b", re.I)
# "… just for that?", "… anything for this": a condition pointed at after a preposition, told in the context
CONDITION_THAT_RE = re.compile(r"\b(?:for|with|against|about|in|on)\s+(that|this)\s*(?:one|condition|problem)?\W*$", re.I)
# 'i have brain mets', 'my mom has liver mets': the condition one has, ending the context
CONDITION_HAD_RE = re.compile(r"\b(?:i|she|he|we|they|mom|mum|mother|dad|father|wife|husband|sister|brother|friend|"
                              r"daughter|son|patient|pt)\s+(?:also\s+|now\s+|just\s+)?(?:has|have|had|got|developed)\s+"
                              r"(?P<condition>(?:[\w\-+/]+\s+){0,3}?(?:mets|metastas[ie]s|disease|cancer|tumou?rs?|ild|"
                              r"progression|relapse|recurrence|diarrh\w+|resistance))\W*$|"
                              # 'pathology said my tumor is heterogeneous for her2': what the tumour was found to be
                              r"\b(?:tumou?r|cancer|disease|biopsy)\s+(?:is|was|came back|showed|shows)\s+(?:as\s+)?"
                              r"(?P<state>[\w\-+/]+(?:\s+[\w\-+/]+){0,3})\W*$", re.I)
# a question pointing back at what was told before it ('how common is that?')
BACK_REFERENCE_RE = re.compile(r"\b(?:it|its|that|this|they|them|those|these)\b", re.I)
# How far down the ranked sentences a rate asked is looked for before the review is said not to give it
RATE_SEARCH_REACH = 12
# An endpoint's name ('PFS', 'ORR'): what a trial measured, never the subject of a part of its own
ENDPOINT_NAME_RE = re.compile(r"pfs|os|orr|dcr|dfs|idfs|overall survival|progression[- ]free survival|response rate|"
                              r"hazard ratio", re.I)
# 'which of the ongoing T-DXd trials include a durvalumab arm': the arms column, row by row
ARM_ASKED_RE = re.compile(r"\b(?:trials?|stud(?:y|ies))\b.*\b(?:include|includes|including|have|has|having|with)\s+"
                          r"(?:an?\s+)?[\w\-+]+\s+arms?\b", re.I)
# The asking words of an earlier part lent as context: 'who showed it' in "who showed it in the neoadjuvant
# setting and how did they define …" would make the later part ask for a reference too
ASKING_WORDS_RE = re.compile(r"^\W*(?:who|what|which|how|when|where|why)\b(?:\s+[\w']+){0,2}?\s+"
                             r"(?:it|they|them|this|that)\b\s*", re.I)
# "is there an enhertu trial for brain mets?", "are there any ongoing trials with tucatinib + T-DXd?"
TRIAL_EXISTS_RE = re.compile(r"^\W*(?:so |and )?(?:(?:is|are) there (?:an?|any)|(?:is|are|do|does) (?:any|either|one)(?: of)?)\b"
                             r".*?\b(?:trials?|stud(?:y|ies))\b", re.I)  # '… is any of the T-DXd trials for …
# 'is enhertu being studied specifically for brain mets?': whether a trial of it is running, row by row in the tables
BEING_TRIED_RE = re.compile(r"^\W*(?:(?:so|and|ok|okay)\W+)?(?:(?:is|are) [\w\-]+(?: [\w\-]+)? (?:also |still )?being "
                            r"(?:studied|tested|trialed|trialled|investigated|evaluated|explored)|"
                            # "is anyone testing enhertu specifically for brain mets"
                            r"(?:is|are) (?:any(?:one|body)|some(?:one|body)|there (?:any )?(?:trials?|studies)) "
                            r"(?:\w+ )?(?:studying|testing|trialing|trialling|investigating|evaluating|exploring|looking at))\b", re.I)
# A question asking for the members of a set ("which…", "list…", "any…").
MEMBERS_ASKED_RE = re.compile(r"^\s*(?:which|what|list|name|show|any)\b", re.IGNORECASE)


# The most sentences a definition quotes when its paragraph keeps naming the term.
DEFINITION_SENTENCES = 5


# Questions about the review itself rather than what it says: who wrote it, where and when it appeared
# What a bibliographic record gives: 'in which journal?', 'and the doi', 'what year'
PUBLICATION_ASKED_RE = re.compile(r"\b(?:journal|doi|pmid|pmcid|issue|volume|published|publication|year|date|authors?)\b",
                                  re.I)
# 'this review', 'this HER2 resistance review in Cancers': the review itself, described by a few words
# ('the katherine paper' is a cited one: words between only after 'this')
_THIS_REVIEW = r"(?:this(?: [\w\-+]+){0,4}?|the) (?:review|paper|article)(?: (?:in|from) (?:the journal )?cancers)?"
REVIEW_ITSELF_RE = re.compile(
    rf"^\W*(?:who (?:wrote|authored|are the authors of|is the (?:first |corresponding )?author of) {_THIS_REVIEW}|"
    rf"(?:who are )?(?:the )?authors(?: of {_THIS_REVIEW})?|"
    rf"(?:which|what) journal (?:is|was) {_THIS_REVIEW}(?: published)? in|"
    rf"when was {_THIS_REVIEW} published|(?:what is )?(?:the )?doi of {_THIS_REVIEW})\W*$", re.IGNORECASE)


class AnswerPipeline(ListPlans, SubjectPlans, HeadToHeadPlans, DefinitionPlans, ContinuationPlans, TablePlans,
                     OverviewPlans, ComparePlans, RationalePlans):
    """The planner: one method per intent, with the list and subject plans mixed in."""

    def __init__(self, settings: Settings, corpus: Corpus, analyzer: QueryAnalyzer, retrieve: Retrieve):
        self.settings = settings
        self.corpus = corpus
        self.analyzer = analyzer
        self.retrieve_query = retrieve
        self.extractive = ExtractiveAnswerer(settings, corpus)
        self.tables = TableAnswerer(corpus)
        self.sentences = SentenceIndex(corpus)
        self.composer = Composer(self.extractive.citation)
        self._trial_cache: dict[str, bool] = {}  # name → does the review call it a trial
        self._indexes: dict[str, dict | list] = {}  # built on first use, shared by the per-call copies

    def with_settings(self, settings: Settings, retrieve: Retrieve) -> "AnswerPipeline":
        clone = object.__new__(AnswerPipeline)
        clone.__dict__.update(self.__dict__)
        clone.settings = settings
        clone.retrieve_query = retrieve
        clone.extractive = ExtractiveAnswerer(settings, self.corpus)
        clone.composer = Composer(clone.extractive.citation)
        return clone

    # ---- entry point ------------------------------------------------------------------------
    def run(self, question: str, resolved: str, carried: list[str]) -> Outcome:
        """Answer one question. The pipeline is shared by concurrent users, so each call works on
        its own shallow copy (what it retrieved and considered is per call)."""
        call = copy.copy(self)
        call._considered, call._pool, call._retrieve_s = set(), [], 0.0
        outcome = call._run_call(question, resolved, carried)
        outcome.retrieve_s = call._retrieve_s
        return outcome

    def _run_call(self, question: str, resolved: str, carried: list[str]) -> Outcome:
        resolved, ignored = without_instructions(resolved)
        if not resolved or not re.search(r"[A-Za-z]{2}", resolved):
            answer = self._decline(Answer(question=question, answer=""),
                                   "That is an instruction, not a question about the review, so it is not followed.")
            return Outcome(answer, self._pool, self._considered)
        notice = f"Ignored text addressed to the assistant: “{' '.join(ignored)[:120]}”" if ignored else ""
        outcome = self._answer_question(question, resolved, carried)
        if notice:
            outcome.answer = outcome.answer.model_copy(update={"notice": notice})
        return outcome

    def _authors_findings(self, base: Answer, text: str, query: Query) -> Answer | None:
        """'what did Metzger find?': what the review reports of a study it names by its first author ("Metzger
        et al. classified…"), with the sentences that go on about it ("They demonstrated the absence of pCR…",
        "This study identified…") — not every sentence with the word 'finding'."""
        asked = AUTHOR_FINDINGS_RE.search(text) or AUTHOR_FOUND_RE.search(text)
        if asked is None:
            return None
        author = re.compile(rf"\b{re.escape(asked.group('who'))} et al\b", re.I)
        asked_words = {light_stem(w) for w in content_words(asked.re.sub(" ", text)) if w not in FRAME_WORDS}
        said: list[Sentence] = []
        for sentence in self.sentences.sentences:
            if not author.search(sentence.text) or sentence in said:
                continue
            said.append(sentence)
            for following in self.sentences.paragraph(sentence)[sentence.index + 1: sentence.index + 1 + FOLLOW_ON_SENTENCES]:
                told = {light_stem(w) for s in said for w in content_words(s.text)}
                # ('HER2 heterogeneity in the metastatic setting - what did Metzger find?': the sentence after their
                # study that says the question's word it left unsaid, "In metastatic settings, the same scenario…")
                if not GOES_ON_ABOUT_STUDY_RE.match(following.text) and \
                        not (asked_words - told) & {light_stem(w) for w in content_words(following.text)}:
                    break
                said.append(following)
        return self._quoting(base, query, said) if said else None

    def _name_put_back(self, question: str) -> str:
        """'and AXL - how does that cause resistance?' → 'how does AXL cause resistance?': a name typed first and then
        pointed at by the question after it is the question's subject (only a name the review knows)."""
        if (first := NAME_THEN_ASKED_RE.match(question)) is None or not self._known_names(first.group("name")):
            return question
        return f"{first.group('before')}{first.group('name')}{first.group('after')}"

    def _as_agents_against(self, question: str) -> str:
        """'is there medicine for src? it works?' → 'any drugs that target Src? it works?': a remedy asked for
        something the review names drugs as targeting ("new drugs that specifically target Src") asks for
        those drugs; a remedy for a condition ('a treatment for brain mets') stays as typed."""
        asked = AGENTS_FOR_RE.match(question)
        if asked is None:
            return question
        target = asked.group("target")
        acted_on = re.compile(rf"\b(?:target\w*|inhibit\w*|block\w*)\s+(?:\w+\s+)?{re.escape(target)}\b|"
                              rf"\b{re.escape(target)}[\s-](?:targeting|inhibitors?|blockers?)\b", re.I)
        if not any(acted_on.search(s.text) for s in self.sentences.sentences):
            return question
        return f"any drugs that target {target}?{question[asked.end():]}"

    def _answer_question(self, question: str, resolved: str, carried: list[str]) -> Outcome:
        numbered = self._numbered_item(question, resolved)
        if numbered is not None:
            return Outcome(numbered, self._pool, self._considered)
        markers = [int(n) for n in re.findall(r"\[(\d+)\]", resolved)]
        resolved = re.sub(r"\s*\[\d+(?:\s*[,–-]\s*\d+)*\]", "", resolved).strip()  # pasted citation markers
        resolved = design_and_results_as_one(without_framing(with_the_term_told_before(resolved)))
        resolved = as_definition(resolved) or without_exclusion(resolved) or resolved
        resolved = self._as_agents_against(self._name_put_back(resolved))
        resolved = self._with_the_drugs_trial(self._without_gloss(self._without_personal_context(resolved)))
        resolved = self._with_the_drugs_class(resolved)
        parts = split_parts(resolved)
        if len(parts) > 1 and not (COMPARE_RE.search(resolved) and not ASKS_COMPARATOR_RE.search(resolved)):
            answer = self._multi_part(question, parts, carried)
        else:
            # the reading, not the words typed: 'what about kadcyla?' after 'enhertu dose?' asks a dose
            intent = classify(resolved)
            if intent == "definition":  # 'what does HER2-low mean for a tumor': the term, not the tumour
                resolved = SCOPE_TAIL_RE.sub("", resolved).strip() or resolved
            answer = self._single(question, resolved, carried, intent)
        unknown = [n for n in markers if self.corpus.primary.reference(n) is None]
        if unknown:
            answer = answer.model_copy(update={"notice": f"The review has no reference [{unknown[0]}]; "
                                                         "the marker was ignored."})
        return Outcome(answer, self._pool, self._considered)

    def _known_names(self, piece: str) -> list[str]:
        """The specific names in ``piece`` that the review (or a brand) knows."""
        return [e for e in self.analyzer.entities_in(piece)
                if (self.analyzer.known(e) or e.lower() in BRANDS) and not is_generic(e)]

    def _without_personal_context(self, text: str) -> str:
        """'from a radiation standpoint i worry about SRS — why does tucatinib …': who asks and why is no part
        of the question, so its words ask for nothing — kept when the question needs it for its subject
        ("my patient on enhertu got ILD — is it fatal?")."""
        match = PERSONAL_CONTEXT_RE.match(text.strip()) or TRAILING_CONTEXT_RE.match(text.strip())
        if match is None:
            return text
        if match.re is PERSONAL_CONTEXT_RE and CONDITION_CONTEXT_RE.match(match.group("context")):
            # "if my brain spot grows and i get radiation, could i stay on the tukysa combo?": the condition is what
            # the question asks under (progression in the brain, local therapy), not who asks
            return text
        own = {e.lower() for e in self._known_names(match.group("question"))}
        named_before = self._known_names(match.group("context"))
        context = {e.lower() for e in named_before}
        # "i had herceptin and perjeta then kadcyla and now its back in my liver. is there anything after kadcyla":
        # the treatments one has had are history; the question names what it asks about
        history = bool(TREATMENT_HISTORY_RE.search(match.group("context")))
        trailing = match.re is TRAILING_CONTEXT_RE
        if history and not trailing and STILL_AFTER_RE.search(match.group("question")) and (
                earlier := [e for e in named_before if e.lower() not in own]):
            # "I was on Kadcyla and it stopped working. Can Enhertu still work for me?": 'still' asks it after them
            return f"{match.group('question').rstrip(' ?')} after {_join(earlier[:2])}?"
        if trailing and not context:
            return match.group("question")  # "…? my sister is on her 4th now": names nothing the question needs
        # ('my friend's doc mentioned margetuximab - does it work…': a drug the review never names is brought up too)
        brought_up = named_before or [m.group(0) for m in DRUG_RE.finditer(match.group("context"))]
        brought_up = [b for b in brought_up if b.lower() not in own]  # ('…mentioned X - does it beat herceptin?')
        if not trailing and brought_up and INTRODUCED_RE.search(match.group("context")) and (
                pronoun := IT_RE.search(match.group("question"))):
            # "one of my patients mentioned the NALA trial, what was it about?": 'it' is the name brought up before
            # (a context telling more than a name, "my sister had ILD on enhertu, can she restart it", stays whole)
            name = brought_up[0] + ("’s" if pronoun.group(0).lower() in ("its", "their") else "")
            question_part = match.group("question")
            return f"{question_part[:pronoun.start()]}{name}{question_part[pronoun.end():]}"
        if PEOPLE_LIKE_RE.search(match.group("question")) or (
                THE_PERSON_RE.search(match.group("question")) and WHERE_IT_SPREAD_RE.search(match.group("context"))):
            # "my sister has spots in her brain… were people like her allowed in…", "my wife has cancer in her
            # brain too, can she still be on tukysa": who she is, is the question's context
            return text
        if not trailing and len(named_before) == 2 and not own and EACH_OF_THEM_RE.search(match.group("question")):
            # "the doctor is choosing between nerlynx or tukysa for my mom. what … side effects of each one?": the two
            # named before are the sides compared
            return f"{named_before[0]} vs {named_before[1]} - {match.group('question')}"
        if not trailing and (that := CONDITION_THAT_RE.search(match.group("question"))) and (
                had := CONDITION_HAD_RE.search(match.group("context"))):
            # "i have brain mets - is there an enhertu trial in the table just for that?": that is what one has
            question_part = match.group("question")
            condition = had.group("condition") or f"tumors {had.group('state')}"
            return f"{question_part[:that.start(1)]}{condition}{question_part[that.end(1):]}"
        heard = HEARD_FROM_RE.search(match.group("context"))
        if heard and (back := BACK_REFERENCE_RE.search(match.group("question"))):
            if (term := HEARD_TERM_RE.search(match.group("context"), heard.start())) and back.group(0).lower() in (
                    "that", "this", "it") and (self._known_names(term.group("term")) or re.search(
                    rf"\b{re.escape(term.group('term').lower())}\b", self.analyzer.lowered_text)):
                # "oncologist mentioned cyclin D1 in a herceptin patient - how does that cause resistance?": that is
                # the name heard, not the patient it was heard about
                question_part = match.group("question")
                return f"{question_part[:back.start()]}{term.group('term')}{question_part[back.end():]}"
            return text  # "the nurse said something about lung problems. how common is that?": that is what was heard
        # "…? I know enhertu is about 8": what the asker knows, told after a question with its own subject;
        # "the dr said enhertu is an ADC.. what are the parts of an ADC?": what was heard, before one (a class
        # is subject enough then)
        if not context and not trailing and OPEN_TOPIC_ASKED_RE.match(match.group("question")):
            # "scan showed spots in my brain. anything in there about brain mets?": the topic asked names itself
            return match.group("question")
        # ("what is an 'ADC'? nurse keeps saying it about enhertu": what was heard, told after the question, too)
        claim = (KNOWN_CLAIM_RE.match(match.group("context")) or heard) if trailing else heard
        asks_of = own or [e for e in self.analyzer.entities_in(match.group("question")) if self.analyzer.known(e)]
        return match.group("question") if (own and (context <= own or history)) or (asks_of and claim) else text

    def _with_the_drugs_class(self, text: str) -> str:
        """'why add ibrance or verzenio to her2 drugs?': drugs named as alternatives in a why are asked as the class the
        review titles the part naming them all ("CDK4/6 Inhibitors", where palbociclib and abemaciclib are given)."""
        # (the cheap checks first: every question passes here, and classify is run on it again after)
        if (listed := DRUGS_LISTED_RE.search(text)) is None:
            return text
        drugs = [listed.group("first"), listed.group("second")]
        if not all(is_drug_name(d) or d.lower() in BRANDS for d in drugs) or classify(text) != "why":
            return text
        aliases = [self.analyzer.aliases_of(d) for d in drugs]
        for doc in self.corpus.documents:
            for section in doc.sections:
                if section.kind != "subheading" or not CLASS_TITLE_RE.search(section.title):
                    continue
                told = " ".join(s.text for s in self.sentences.in_section(doc.source, section.key))
                if all(mentions(told, names) for names in aliases):
                    return f"{text[:listed.start()]}{section.title}{text[listed.end():]}"
        return text

    def _with_the_drugs_trial(self, text: str) -> str:
        """'were people with brain mets allowed in the tukysa trial?': a drug's trial is the one trial the review
        names beside the drug (tucatinib's HER2CLIMB); a drug tried in several (neratinib) stays as typed."""
        def trial(match: re.Match) -> str:
            drug = match.group("drug")
            if not is_drug_name(drug) or self.is_trial(drug):
                return match.group(0)
            named = {t for s in self.sentences.mentioning(self.analyzer.aliases_of(drug)) for t in trial_names(s.text)
                     if self.analyzer.names_a_trial(t)}
            return named.pop() if len(named) == 1 else match.group(0)
        return DRUGS_TRIAL_RE.sub(trial, text)

    def _without_gloss(self, text: str) -> str:
        """'summary of HER2CLIMB (tukysa)', 'what did destiny-breast03 show? the enhertu vs kadcyla one': a
        name's gloss (its drug in brackets, 'the X vs Y one' after the question) says which one is meant;
        it is no second subject to overview or compare."""
        known = self._known_names

        def bracket(match: re.Match) -> str:
            glossed, gloss = known(match.group("name")), known(match.group("gloss"))
            # a trial glossed by its drug; not a drug by its code ('zanidatamab (ZW25)'), which may be the name the review uses
            return match.group("name") if len(glossed) == 1 and len(gloss) == 1 and self.is_trial(glossed[0]) \
                and not self.is_trial(gloss[0]) else match.group(0)

        text = GLOSS_BRACKET_RE.sub(bracket, text)
        tail = GLOSS_TAIL_RE.search(text)
        if tail and known(text[: tail.start()]):
            # ('so what was HER2CLIMB about, the tukysa trial': a comma before the gloss ends the question too)
            text = f"{text[: tail.start()].rstrip()}?"
        arms = ARMS_GLOSS_RE.search(text)
        if arms and OVERVIEW_RE.search(text[: arms.start()]):
            # "summarize NALA (nerlynx + cape vs tykerb + cape)": a trial told by its arms, asked for its overview
            trials = [e for e in known(text[: arms.start()]) if self.is_trial(e)]
            drugs = known(arms.group("gloss"))
            if len(trials) == 1 and len(drugs) >= 2 and not any(self.is_trial(e) for e in drugs):
                text = f"{text[: arms.start()].rstrip(' -–—:,(')}?"
        # 'citation for DESTINY-Breast03 (T-DXd vs T-DM1) in this review?': the source of a trial glossed by its
        # arms is the trial's; its arms' words would pull other sentences about the two drugs
        if classify(text) == "reference" and (inner := ARMS_BRACKET_RE.search(text)) and len(
                trials := [e for e in self._known_names(text[: inner.start()]) if self.is_trial(e)]) == 1 and not any(
                self.is_trial(e) for e in self._known_names(inner.group("gloss"))):
            text = f"{text[: inner.start()]}{text[inner.end():]}"
        return text

    def follow_ups(self, answer: Answer, limit: int = 3) -> list[str]:
        """Next questions drawn from the passages just cited: the trials and drugs they name that
        the question did not ('What did TH3RESA show?', 'Tell me about neratinib')."""
        if answer.abstained or not answer.citations:
            return []
        asked = (answer.question + " " + answer.read_as).lower()
        asked += " " + " ".join(BRANDS[w] for w in re.findall(r"[a-z]+", asked) if w in BRANDS).lower()
        names: list[tuple[str, str]] = []
        for citation in answer.citations:
            if citation.kind == "reference":
                continue
            for name in self.analyzer.entities_in(citation.text):
                if (name.lower() in asked or name not in citation.text or " " in name
                        or re.fullmatch(r"[IV]+|NCT\d+", name) or is_generic(name)
                        or self.analyzer.paragraph_share([name]) > 0.2
                        or any(name.lower() in n.lower() or n.lower() in name.lower() for n, _ in names)):
                    continue
                if DRUG_RE.fullmatch(name) or re.match(r"T-D", name):
                    names.append((name, f"Tell me about {name}"))
                elif TRIAL_RE.fullmatch(name) and self.is_trial(name):
                    names.append((name, f"What did {name} show?"))
        questions = [q for _, q in names[:limit]]
        if answer.intent in ("overview", "fact") and any(c.references for c in answer.citations):
            questions.append("Which paper does the review cite for this?")
        return questions[:limit]

    def _numbered_item(self, question: str, text: str) -> Answer | None:
        """'reference [24]', 'ref 84', 'Table 99': look the number up; one that does not exist is said
        to be missing instead of matched to whatever shares its digits."""
        doc = self.corpus.primary
        table = re.search(r"\btable\s*(\d+)\b", text, re.I)
        if table and not any(t.number == int(table.group(1)) for t in doc.tables):
            numbers = " and ".join(str(t.number) for t in doc.tables) or "none"
            return self._decline(Answer(question=question, answer="", intent="table", resolved_question=text),
                                 f"The review has no Table {int(table.group(1))}; its tables are {numbers}.")
        ref = re.search(r"\b(?:ref(?:erence)?s?|citation)\s*(?:no\.?|number|#)?\s*\[?(\d+)\]?", text, re.I)
        if ref is None:
            return None
        number = int(ref.group(1))
        base = Answer(question=question, answer="", intent="reference", resolved_question=text)
        entry = doc.reference(number)
        chunk = self.corpus.reference_chunk(doc.source, number)
        if entry is None or chunk is None:
            count = len(doc.references)
            return self._decline(base, f"The review's reference list runs from 1 to {count}; there is no reference {number}.")
        self._considered.add(chunk.id)
        return self.composer.compose(base, [Pick(chunk=chunk, text=chunk.text)], None, highlight_figures=False)

    def _query(self, text: str, carried: list[str], intent: str) -> tuple[Query, list[Candidate]]:
        query = self.analyzer.analyze(text, carried=list(carried))
        query.intent = intent
        query.unknown = self._unknown_asked(text, query)
        if intent == "why":
            # "the mechanism by which X causes Y" asks how; a sentence calling X "a mechanism" does not say it
            query.terms = [t for t in query.terms if t not in WHY_ASKING_TERMS] or query.terms
        if intent == "reference":
            query.wants_reference = True
        started = time.perf_counter()
        candidates = self.retrieve_query(query)
        self._retrieve_s += time.perf_counter() - started
        if not self._pool:
            self._pool = candidates
        self._considered.update(c.chunk.id for c in candidates[: max(self.settings.top_k, 10)])
        return query, candidates

    def _told_then_asked(self, text: str) -> tuple[str, str] | None:
        """A statement told before a question that stands on its own: (what was told, what is asked). 'his biopsy of
        the liver spot is being rechecked for HER2. how often does HER2 status change …?', '… still had cancer left at
        surgery … the KATHERINE trial with kadcyla. what did that trial find?' — not a condition ('if …'), nor a
        question pointing back to a topic told with no name the review knows ('mom has cardiotoxicity now. is that
        common?'), nor one asking nothing of its own ('worried about cardiotoxicity. what does the review say?')."""
        told = TOLD_THEN_ASKED_RE.match(text.strip())
        if told is None or CONDITION_CONTEXT_RE.match(told.group("context")):
            return None
        context, asked = told.group("context"), told.group("question")
        if told.group("stop").strip() in "-–—" and not ASKER_RE.search(context):
            return None  # 'cardiotoxicity / LVEF decline rates with herceptin — any figures?': a topic, then the question
        if BACK_REFERENCE_RE.search(asked):
            return (context, asked) if self._known_names(context) else None
        own = [w for w in content_words(asked) if w not in FRAME_WORDS and w not in GENERIC_ATTRIBUTES]
        return (context, asked) if own else None

    def _unknown_asked(self, text: str, query: Query) -> list[str]:
        """The words the review never uses that the question asks about: a care topic told only in a statement
        before the question (the liver spot, the surgery above) is why one asks, not what."""
        if not query.unknown or (told := self._told_then_asked(text)) is None:
            return query.unknown
        context, asked = told
        told_only = set(self.analyzer.unknown_topic_words(context)) - set(self.analyzer.unknown_topic_words(asked))
        return [u for u in query.unknown if u not in told_only]

    def _base(self, question: str, query: Query, candidates: list[Candidate], intent: str) -> Answer:
        return Answer(question=question, answer="", intent=intent, resolved_question=query.text,
                      retrieved=retrieved_list(candidates, max(self.settings.top_k, 10)))

    # ---- one question, by intent ---------------------------------------------------------------
    def _single(self, question: str, text: str, carried: list[str], intent: str) -> Answer:
        answer = self._by_intent(question, text, carried, intent)
        if answer.abstained:
            return answer
        # "how should ILD be managed?": what the review reports of a toxicity is not what to do about it.
        quotes = [p.text for p in answer.points] or [answer.answer]
        if missing := management_gap(text, quotes):
            said = f"“{_closest(quotes, text)}”"
            base = Answer(question=question, answer="", intent=intent, resolved_question=answer.resolved_question,
                          retrieved=answer.retrieved)
            return self._decline(base, f"The review does not say {missing}. What it says: {said}", missing=[missing])
        if intent == "yesno" and RESULTS_ASKED_RE.search(text):
            return self._outcome_reported(answer, text, carried)
        return answer

    def _outcome_reported(self, answer: Answer, text: str, carried: list[str]) -> Answer:
        """'did the TULIP trial work?': a yes/no on how one trial came out is declined, like 'what did TULIP
        show?', when the review only names the trial as running."""
        query = self.analyzer.analyze(text, carried=list(carried))
        trials = [e for e in self._specific(query) if self.is_trial(e)]
        if len(trials) != 1:
            return answer
        base = Answer(question=answer.question, answer="", intent="yesno",
                      resolved_question=answer.resolved_question, retrieved=answer.retrieved)
        return self._results_reported(base, answer, text, trials[0])

    def _by_intent(self, question: str, text: str, carried: list[str], intent: str) -> Answer:
        query, candidates = self._query(text, carried, intent)
        base = self._base(question, query, candidates, intent)
        if REVIEW_ITSELF_RE.match(text) and not carried:
            # "who are the authors?": the review's byline is no passage to quote, and a bibliography entry
            # would name someone else's paper
            meta = self.corpus.primary.meta
            return self._decline(base, "This asks about the review itself, not what it says, so there is no passage "
                                       f"to quote. From its header: {meta.citation()}. Authors: {', '.join(meta.authors)}.")
        if query.unknown:
            return self.extractive.answer(question, query, candidates).model_copy(update={"intent": intent})
        if not query.entities and not carried and not ABOUT_REVIEW_RE.search(text) and (
                off_topic(text, self.analyzer) or not content_words(text)) and self.sentences.find_section(text) is None:
            return self._decline(base, "The review does not cover this: it is about treating HER2-positive "
                                       "metastatic breast cancer that resists anti-HER2 therapy.")
        if intent != "table" and (listed := self._listed_only(base, query, text)) is not None:
            return listed
        if (findings := self._authors_findings(base, text, query)) is not None:
            return findings
        if intent in ("fact", "list") and SECTION_NUMBER_RE.search(text) and not self._specific(query) \
                and (found := self.sentences.find_section(text)) is not None:
            source, section = found
            children = self.sentences.children(self.corpus.document(source), section.key)
            if intent == "list" and len(children) >= 2 and _asks_for_its_parts(text, section.title):
                # "what resistance mechanisms does section 2 go through?": the topics its subsections open with
                return self._section_children(base, query, source, section, children)
            # "what newer stuff is in the pipeline per sec 4.4?": the section the question names by number
            return self._section_overview(base, query, *found)
        # "which ongoing enhertu trials are phase 3 / 1st line?", "t-dxd trials with AEs as primary endpoint?":
        # the tables give phase, line and primary endpoint row by row; "is there an enhertu trial specifically
        # for brain mets?": the tables of ongoing trials say
        rows_asked = (intent in ("fact", "list") and (MEMBERS_ASKED_RE.search(text) or TRIALS_WITH_RE.search(text))
                      and not ONE_ASKED_RE.search(text)
                      and (PHASE_RE.search(text) or LINE_ASKED_RE.search(text) or TRIALS_IN_LINE_RE.search(text)
                           or PRIMARY_ENDPOINT_RE.search(text) or ARM_ASKED_RE.search(text))
                      and not asked_measures(text)  # 'what response rate did ZW25 get in its phase 1 study?': no column
                      # 'what PFS did the TULIP phase III trial report?': a result, not the endpoint column
                      and not (asked_endpoints(text) and not PRIMARY_ENDPOINT_RE.search(text))
                      # ('is there a T-DXd trial for brain mets listed?' reads as a list by its last word)
                      ) or (intent in ("yesno", "list") and (TRIAL_EXISTS_RE.match(text) or BEING_TRIED_RE.match(text)))
        if intent in ("yesno", "list", "fact") and (combined := self._combination_rows(base, question, text, query,
                                                                                     candidates, carried)) is not None:
            return combined  # (two drugs asked together: the rows giving both, not every row naming one)
        if rows_asked:
            match = self.tables.match(text, query)
            if match is not None and match.rows and match.filters:
                return self._table(base, question, text, query, candidates, carried)
        if intent in ("fact", "list") and ROW_COLUMN_ASKED_RE.search(text) and (
                rows := self._rows_named(base, text, query)) is not None:
            return rows
        if intent in ("fact", "compare") and (across := self._endpoint_across_trials(question, query)) is not None:
            return across
        if intent == "yesno" and (status := self._approval_status(base, query)) is not None:
            return status
        if intent == "yesno" and (unpaired := self._never_given_together(base, text, query)) is not None:
            return unpaired
        if intent == "yesno" and (elsewhere := self._said_only_of_others(base, query)) is not None:
            return elsewhere
        if intent in ("fact", "overview", "yesno", "list") and (treated := self._in_the_population_treated(base, query)):
            return treated
        if intent in ("fact", "list", "yesno", "overview", "definition") and not (
                intent == "overview" and ASPECTS_LISTED_RE.search(text)):
            # (an overview asked with its aspects listed, "neratinib - approvals, NALA, tox", wants all of them)
            answer = self._facet(base, query)
            if answer is not None:
                return answer
        if intent == "yesno" and (scoped := self._in_the_part_titled(query, candidates)):
            # "does enhertu work in her2-low pts?": the part titled HER2-Low BC, which speaks of T-DXd
            answer = self._fact(base, question, query, scoped)
            if not answer.abstained:
                return answer
        if intent == "why" and (scoped := self._in_its_own_section(query, candidates)):
            # "how does src cause herceptin resistance?": the section titled Src explains it, not a
            # passage elsewhere that shares "cause resistance".
            answer = self._fact(base, question, query, scoped)
            if not answer.abstained:
                return self._with_mechanism(base, answer, query, scoped)
        handler = {
            "table": self._table, "list": self._list, "overview": self._overview, "compare": self._compare,
            "definition": self._definition,
        }.get(intent)
        if handler is not None:
            answer = handler(base, question, text, query, candidates, carried)
            if answer is not None and intent == "list" and not answer.abstained and (
                    (WHICH_RE.match(query.text) and asked_kind(query.text) == "drug") or DRUGS_OF_KIND_RE.match(query.text)) \
                    and (missing := self._unnamed(query, self._said(answer), "drug")):
                # "which IGF-1R inhibitors are being tested?" answered by sentences that name none
                return self._decline(base, f"The review does not report {missing}. What it says: "
                                           f"“{_closest(self._said(answer), query.text)}”", missing=[missing])
            if answer is not None:
                return self._with_the_terms_paragraph(base, answer, query) if intent == "definition" else answer
        answer = self._fact(base, question, query, candidates)
        if intent == "why" and (reason := self._combination_rationale(base, text, query, answer)) is not None:
            return reason
        if intent == "why" and not answer.abstained:
            answer = self._with_what_acts_regardless(base, answer, query)
            answer = self._with_its_importance_said(base, answer, query)
        if not answer.abstained and not self._specific(query) and weakly_covered(
                text, [c.text for c in answer.citations], self.analyzer):
            return self._decline(base, "The review does not say. Its nearest passages share too few of the "
                                       "question's words to answer it.")
        return self._with_the_terms_paragraph(base, answer, query) if intent == "definition" else answer

    def _fact(self, base: Answer, question: str, query: Query, candidates: list[Candidate]) -> Answer:
        answer = self.extractive.answer(question, query, candidates)
        answer = answer.model_copy(update={"intent": base.intent, "points": self._named_points(answer)})
        if answer.abstained:
            if "does not report" in answer.answer:
                return self._say_what_is_missing(base, answer, query, candidates)
            return answer
        if base.intent in ("why", "yesno") or query.carried:
            answer = self._with_neighbours(base, answer, query)
        answer = self._anchored(base, answer, query)
        if (in_setting := self._in_the_setting_asked(base, answer, query)) is not None:
            answer = in_setting
        else:
            answer = self._with_what_it_refers_to(base, answer, query)
            answer = self._with_the_caveat(base, self._with_results_that_follow(base, answer, query), query)
            answer = self._given_together_first(base, answer, query)
        evidence = [c.text for c in answer.citations]
        specific = self._specific(query)
        # A trial named scopes the figure: DESTINY-Breast01's median PFS is not DESTINY-Breast04's.
        scope = [e for e in specific if self.is_trial(e)] or specific
        near = [c.chunk for c in candidates[:5]
                if not scope or any(mentions(c.chunk.text, query.aliases.get(e, [e])) for e in scope)]
        # (a median of another trial quoted beside it, EMILIA's OS for T-DM1, is not the named trial's)
        trials = [e for e in scope if self.is_trial(e)]
        described = {strip_markers(s.text).strip() for e in trials for s in self._stretches(query, e)}
        scoped = [c for c in answer.citations if not trials or strip_markers(c.quote).strip() in described
                  or any(mentions(c.text, query.aliases.get(e, [e])) for e in trials)]
        gaps = qualifier_gaps(query.text, [c.quote for c in scoped] + [c.text for c in scoped] + [c.text for c in near])
        # a qualifier only the reading carried ('median' from the turn before), none typed in this one
        carried_only = bool(gaps) and query.text != question and not qualifier_gaps(question, [])
        said = [p.text for p in answer.points] or [answer.answer]
        # an arm is named by its drug ('the tdm1 arm'); 'the PD-L1+ group' is a subgroup
        arms = {e: query.aliases.get(e, [e]) for e in query.entities if is_drug_name(e) and not self.is_trial(e)}
        # (a property is asked in the question, not in what was told before it: 'his biopsy of the liver spot …')
        asked = told[1] if (told := self._told_then_asked(query.text)) else query.text
        missing = (attribute_gap(asked, self.analyzer, evidence) or measured_gap(asked, self.analyzer, said)
                   or self._property_of_another(query, answer)
                   or arm_gap(query.text, said, arms) or count_gap(query.text, said) or duration_gap(query.text, said)
                   or (grade_gap(query.text, said) if base.intent == "fact" else "") or subgroup_gap(query.text, said)
                   or (setting_gap(query.text, said) if self._specific(query) else "")
                   or (other_trials_figure(query.text, said, [a for e in specific if not is_drug_name(e)
                                                              for a in query.aliases.get(e, [e])])
                       if len(scope) == 1 and self.is_trial(scope[0]) and scope[0] not in query.carried else "")
                   or year_gap(query.text, said, [query.aliases.get(e, [e]) for e in query.entities
                                                    # (who approves is no scope, nor the disease the whole review is
                                                    # about: 'for metastatic breast cancer')
                                                    if e not in query.common and e.lower() not in AGENCIES
                                                    and e.lower() not in REVIEW_DISEASE])
                   if base.intent in ("fact", "yesno") else "")
        if missing.startswith("the rate of") and not gaps and (giving := self._giving_the_rate(answer, question, query,
                                                                                            candidates)) is not None:
            # "what % of pts on T-DXd got interstitial lung disease": the figure sits further down the ranking, in
            # a sentence that goes on about T-DXd's trial ("Regarding adverse events, 13.6% of patients…")
            answer, missing = giving, ""
        if not missing and base.intent == "fact" and WHICH_RE.match(query.text) and (kind := asked_kind(query.text)):
            missing = self._unnamed(query, said, kind)
            if missing and (named := self._naming_where_described(query, kind)):
                # "which checkpoint inhibitor was added to T-DM1 in KATE2?": where KATE2 is described
                return self._quoting(base, query, named, lambda s: self._antecedent(s, self._specific(query)[0]))
        if carried_only and not missing and said:
            # "her2climb median pfs?" then "and os?": 'median' is the reading's, not the asker's; the OS the
            # review gives is the answer, with what it lacks said beside it
            subject = _join([e for e in specific if self.is_trial(e)][:1] or specific[:1])
            where = f" for {subject}" if subject else ""
            answer = self._with_antecedents(base, answer, query)
            return answer.model_copy(update={"notice": f"The review does not report {_join(gaps)}{where}; "
                                                       "this is what it gives."})
        if missing and not gaps:
            gaps = [missing if missing.startswith(("the ", "how ", "its ", "a ")) else f"the {missing}"]
        if not gaps and base.intent == "fact" and (row := self._only_its_row(query, specific, answer)) is not None:
            # "whats being tested in HER2CLIMB-04": a trial only a table names is told by its row, not by a sentence
            # of the text that shares the question's other words ("…ipatasertib is being tested in combination…")
            return row
        if not gaps:
            answer = self._with_antecedents(base, self._measure_covered(base, answer, query), query)
            detail = DETAIL_OF_TRIAL_RE.search(query.text)  # 'which anti-diarrhea drug did the CONTROL trial use'
            if base.intent == "fact" and (query.wants_number or detail) and not answer.abstained and \
                    (trial := self._trial_left_unquoted(query, specific, answer)):
                # "how much did nerlynx reduce events in ExteNET?": NALA's figures are not ExteNET's
                aliases = query.aliases.get(trial, [trial])
                # the first sentence naming it, else its table row: only the first is quoted
                told = next(itertools.chain(
                    (s.text for s in self.sentences.mentioning(aliases)),
                    (c.chunk.text for c in candidates if c.chunk.kind == "table_row" and mentions(c.chunk.text, aliases))), "")
                what = f" What it says of {trial}: “{told}”" if told else ""
                kind = "figure" if query.wants_number else "detail"
                return self._decline(base, f"The review gives no such {kind} for {trial}.{what}",
                                     missing=[f"that {kind} for {trial}"])
            return answer
        if gaps:
            # every name that scopes the gap: not "the year for enhertu" (2019 is given) but "… for enhertu and HER2-low"
            # a measure named in the gap is not what it is missing for: not "the dar for DAR or kadcyla"
            measures = [e for e in query.entities if (e.lower() in self.analyzer.expansions or e.lower() in self.analyzer.reverse)
                        and any(re.search(rf"\b{re.escape(name)}\b", " ".join(gaps).lower())
                                for name in (e.lower(), self.analyzer.expansions.get(e.lower(), e.lower())))]
            subject = _join([e for e in query.entities if (not is_generic(e) or e not in query.common)
                             and e not in measures][:2])
            if re.search(r" of the .+ arm$", gaps[0]):  # 'the PFS of the T-DM1 arm' in the trial asked
                trials = [e for e in query.entities if self.is_trial(e)]
                where = f" in {trials[0]}" if trials else ""
            else:
                where = f" for {subject}" if subject and not gaps[0].startswith("the name of") else ""
            closest = (self._measure_said_otherwise(gaps, [c.id for c in near], query.text)
                       or self._given_for_another(gaps) or _closest(said, query.text))
            return self._decline(base, f"The review does not report {_join(gaps)}{where}. What it says: “{closest}”",
                                 missing=[f"{g}{where}" for g in gaps])
        return answer

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

    def _only_its_row(self, query: Query, specific: list[str], answer: Answer) -> Answer | None:
        """The table row of the one trial asked, when no sentence of the text names it and nothing quoted is about it;
        None otherwise."""
        trial = self._trial_left_unquoted(query, specific, answer)
        aliases = query.aliases.get(trial, [trial])
        if not trial or self.sentences.mentioning(aliases) or (match := self.tables.rows_named([aliases])) is None:
            return None
        base = answer.model_copy(update={"intent": "table", "citations": [], "points": [], "answer": ""})
        return self._table(base, query.text, query.text, query, [], [], match=match)

    def _trial_left_unquoted(self, query: Query, specific: list[str], answer: Answer) -> str:
        """The one trial the question asks a figure of when no cited passage names it ('' otherwise)."""
        scope = [e for e in specific if self.is_trial(e) or TRIAL_RE.fullmatch(e)]
        if len(scope) != 1 or scope[0] in query.carried:
            return ""
        aliases = query.aliases.get(scope[0], [scope[0]])
        if not self.sentences.mentioning(aliases) and not any(
                c.kind == "table_row" and mentions(c.text, aliases) for c in self.corpus.chunks):
            return ""  # a source only the bibliography names ('per the SEER figures cited'), not a trial the text describes
        return "" if any(self._goes_on_about(point, citation, sentence, aliases)
                         for point, citation, sentence in self._quoted(answer)) else scope[0]

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
        return _closest(found, question) if found else ""

    @staticmethod
    def _said(answer: Answer) -> list[str]:
        return [p.text for p in answer.points] or [answer.answer]

    def _unnamed(self, query: Query, said: list[str], kind: str) -> str:
        """'the name of the IGF-IR inhibitor' when a "which <drug/trial>…" question is answered by
        sentences that name none besides those asked ("ongoing trials are investigating IGF-IR
        inhibitors with HER2-targeted therapies" names no inhibitor), else ''."""
        asked = [a for e in query.entities for a in query.aliases.get(e, [e])]
        for text in said:
            if any(not mentions(n, asked) and not mentions(query.text, [n]) for n in names_of_kind(text, kind)):
                return ""
        noun = ASKED_KIND_RE.search(query.text)
        if noun and re.search(r"stud(?:y|ies)$", noun.group("noun"), re.I) and any(AUTHORS_RE.search(t) for t in said):
            return ""  # 'which study showed…': "Pohlmann et al. demonstrated…" names it by its authors
        if noun is None and DRUGS_OF_KIND_RE.match(query.text):  # 'drugs targeting axl'
            return f"the names of the {query.text.strip(' ?.!')}"
        return f"the name of the {noun.group(0).split(None, 1)[-1].strip()}" if noun else ""

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
                if s is sentence or len(shared) >= 2 or follows:
                    picks.append(Pick(chunk=self.sentences.chunk(s), text=s.text, start=s.start))
                    self._considered.add(s.chunk_id)
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
        added = [s for s in paragraph if s.start not in starts and mentions(s.text, aliases)]
        room = DEFINITION_SENTENCES - len(chosen)
        return self._with_added(base, answer, query, chosen, added[:max(0, room)])

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

    def _decline(self, base: Answer, message: str, missing: list[str] | None = None) -> Answer:
        related = [r for r in base.retrieved if r.kind != "reference"][:3]
        return base.model_copy(update={"answer": message, "abstained": True, "related": related,
                                       "missing": missing or []})

    # ---- tables ---------------------------------------------------------------------------
    def _one_trial_found(self, part: str, answer: Answer) -> str:
        """The one trial that answers a 'what/which trial …?' part ('Based on the phase III HER2CLIMB study,
        tucatinib was approved…'), '' when the part asks no trial or its first point names none or several."""
        if answer.abstained or not answer.points or asked_kind(part) != "trial":
            return ""
        named = {t for t in trial_names(answer.points[0].text) if self.is_trial(t) and not is_generic(t)}
        return named.pop() if len(named) == 1 else ""

    def _multi_part(self, question: str, parts: list[str], carried: list[str]) -> Answer:
        from ..chat import ONLY_SETTING_RE  # (chat reads questions with this package: imported here, not above)

        answers = []
        named = [[e for e in self.analyzer.entities_in(p) if self.analyzer.known(e) and not is_generic(e)] for p in parts]
        # "what was the control arm and who was eligible in TH3RESA?": a name given once serves every part.
        # A carried name the reading put in one part ("…how heavily pretreated were PATRICIA") is the subject
        # of every part, not the conversation's other names (palbociclib).
        subject: list[str] = ([e for e in carried if any(e in n for n in named)] or list(carried)
                              or next((n for n in named if n), []))
        unnamed = ""  # the kind a 'which …?' part asked and the review does not name
        found_trial = ""  # the one trial a 'which trial …?' part was answered with
        for i, part in enumerate(parts):
            own = [e for e in self.analyzer.entities_in(part) if self.analyzer.known(e)]
            if i and not own and answers and _asks_of_rows_listed(part, answers[-1][1]):
                continue
            if i and not own and REVIEW_ITSELF_RE.match(parts[0]) and PUBLICATION_ASKED_RE.search(part):
                continue  # "when was this review published and in which journal?": its header answers both
            # "did T-DXd + pertuzumab beat THP in DESTINY-Breast09? whats the PFS": a trial named is what a
            # later part's endpoint is of
            lent = [e for e in subject if (self.is_trial(e) and trial_names(e)) or self.names_a_trial_row(e)][:1] or subject
            context = ", ".join(lent[:2]) if subject else (
                ASKING_WORDS_RE.sub("", parts[0]) if part is not parts[0] else "")
            ends_on_it = re.search(r"\b(?:it|that|this|them)\W*$", part.strip(" ?"), re.I)
            if ends_on_it and ACTED_ON_IT_RE.search(part) and len(subject) == 1 \
                    and not is_drug_name(subject[0]) and not self.is_trial(subject[0]):
                # "how does the PI3K/AKT/mTOR pathway cause resistance and what drugs are tried against it?": what
                # drugs act on is the pathway or receptor named before ('how many died from it' is the part before)
                ends_on_it = None
            if i and not own and found_trial and (pointer := TRIAL_POINTER_RE.search(part)):
                # "what trial got it approved and were ppl with brain mets even in it": the trial the part before found
                part = f"{part[:pointer.start()]}{found_trial}{part[pointer.end():]}"
                own = [found_trial]
            elif i and not own and ends_on_it:
                # "…main side effect is a problem right? how are they dealing with it": it is the part before
                context = parts[i - 1].strip(" ?")
            named_here = [e for e in own if not is_generic(e)]  # 'HER2-targeted' names no subject of its own
            # "what is TPD and how has it been applied to HER2?": the review's own subject (HER2) is no
            # subject of the part's own, while 'HER2-low patients' is
            # ... nor is an endpoint ('whats the PFS' after a trial's part asks that trial's PFS)
            topical = [e for e in own if e.lower() not in REVIEW_SUBJECT and not ENDPOINT_NAME_RE.fullmatch(e)]
            text = part if topical or not context else f"{part.rstrip(' ?')} ({context})?"
            if not topical and len(lent) == 1 and is_drug_name(lent[0]) and not self.is_trial(lent[0]) \
                    and (trial := THE_TRIAL_RE.search(part)):
                # "can you get tucatinib with brain mets? were ppl with brain mets even in the trial": tucatinib's trial
                text = self._with_the_drugs_trial(f"{part[:trial.start()]}the {lent[0]} {trial.group(1)}{part[trial.end():]}")
            if i and not named_here and not ends_on_it and len(subject) == 1 and re.search(r"\b(?:it|its)\b", part, re.I):
                # "what is AXL and how does it fit into resistance to HER2-targeted therapy?": 'it' is the one
                # name asked before
                text = re.sub(r"\b(it)(s?)\b", lambda m: subject[0] + ("'s" if m.group(2) else ""), part, count=1,
                              flags=re.I)
            subjects_here = [e for e in own if not ENDPOINT_NAME_RE.fullmatch(e)]
            intent = classify(part)
            if intent != "definition" and (defined := as_definition(text)) and classify(defined) == "definition":
                text, intent = defined, "definition"  # 'targeted protein degradation - what is it?': the term, defined
            answer = self._single(question, text, [] if subjects_here else lent, intent)
            if unnamed and not named_here and re.search(r"\b(?:it|its|they|their|them)\b", part, re.I):
                # "which MET inhibitor was combined with trastuzumab, and what response rate did it achieve?":
                # the review names none, so 'it' stands for nothing it reports on
                answer = self._decline(answer, f"The review does not name the {unnamed}, so it reports nothing "
                                               f"about it.", missing=[f"the {unnamed}"])
            elif WHICH_RE.match(part) and (kind := asked_kind(part)) and answer.abstained:
                asked = re.match(r"\W*(?:so |and |ok )?which\s+((?:[\w\-/+]+\s+){0,2}?[\w\-/+]+?)\s+"
                                 r"(?:is|are|was|were|has|have|had|did|does|do)\b", part, re.I)
                unnamed = asked.group(1) if asked else kind  # 'IGF-IR antibody', else 'drug'
            if i and not named_here and not answer.abstained and RESULTS_ASKED_RE.search(part) and \
                    (declined := next((a for _, a in answers if a.abstained and any(
                        m.startswith("results of") for m in a.missing)), None)) is not None:
                answer = declined  # "did TULIP work?? what were the results": the same ask, the same answer
            if i and answer.abstained and (given := self._given_above(part, [a for _, a in answers])) is not None:
                answer = given  # "… ILD with T-DXd, and how often was it fatal?": the sentence above says both
            if i and answers and (setting := ONLY_SETTING_RE.match(part)) and (
                    going_on := self._going_on_in_setting(answers[-1][1], setting.group("setting"), answer)) is not None:
                answer = going_on  # "what did Metzger find, and what about the metastatic setting?": where the text goes on
            if own:
                subject = own
            found_trial = self._one_trial_found(part, answer)
            answers.append((part.rstrip("?.!… ") + "?", answer))  # "what it found." is headed "what it found?"
        first_query = self.analyzer.analyze(parts[0])
        base = self._base(question, first_query, self._pool, "multi")
        return merge(base, answers).model_copy(update={"intent": "multi"})

    def _going_on_in_setting(self, before: Answer, setting: str, base: Answer) -> Answer | None:
        """The sentence right after what the part before quoted that names the setting a later part asks
        ("In metastatic settings, the same scenario was observed…" after Metzger's neoadjuvant finding)."""
        words = [w for w in content_words(setting) if w not in {"setting", "settings", "disease", "patients", "pts"}]
        quoted = [sentence for _, _, sentence in self._quoted(before) if sentence is not None]
        if not words or not quoted:
            return None
        last = quoted[-1]
        for following in self.sentences.paragraph(last)[last.index + 1: last.index + 1 + FOLLOW_ON_SENTENCES]:
            if all(re.search(rf"\b{re.escape(w[:6])}", following.text, re.I) for w in words):
                return self._quoting(base, self.analyzer.analyze(setting), [following])
        return None

    @staticmethod
    def _given_above(part: str, earlier: list[Answer]) -> Answer | None:
        """An earlier part's answer cut to its first sentence that holds every telling word of ``part``
        with a figure ("… interstitial lung disease, which was fatal in approximately 2.2%" for "how often
        was it fatal?"); None when no sentence given above does."""
        words = [w for w in content_words(part) if len(w) >= 4 and w not in HOW_MUCH_WORDS and w not in FRAME_WORDS]
        if not words:
            return None
        for answer in earlier:
            if answer.abstained:
                continue
            for point in answer.points:
                text = point.text.lower()
                if has_figure(point.text) and all(re.search(rf"\b{re.escape(light_stem(w))}", text) for w in words):
                    cited = [c for c in answer.citations if c.marker in point.markers]
                    return answer.model_copy(update={"points": [point], "citations": cited,
                                                      "answer": render("", [point])})
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

    def _in_its_own_section(self, query: Query, candidates: list[Candidate]) -> list[Candidate]:
        """The retrieved passages inside the section whose title names the question's subject ('2.9
        Src', '2.1 PI3K/AKT/mTOR Pathway'), in retrieval order; [] when no title names it."""
        doc = self.corpus.primary
        for name in self._specific(query):
            aliases = [a.lower() for a in query.aliases.get(name, [name])]
            for section in doc.sections:
                title_words = set(re.split(r"[\s/,]+", section.title.lower()))
                if section.kind == "body" and any(a in title_words for a in aliases):
                    keys = self.sentences.descendants(doc, section.key)
                    return [c for c in candidates if c.chunk.section in keys and c.chunk.source == doc.source]
        return []

    def _in_the_part_titled(self, query: Query, candidates: list[Candidate]) -> list[Candidate]:
        """The retrieved passages of the section or sub-heading titled by one name of the question that
        speaks of every other name asked (HER2-Low BC, for T-DXd in HER2-low disease) — the smallest
        such part, as the most specific; [] when there is none."""
        doc = self.corpus.primary
        named = [e for e in query.entities if e not in query.common]
        if len(named) < 2:
            return []
        parts = []
        for name in named:
            titled = self.sentences.titled_by(doc, query.aliases.get(name, [name]))
            if len(titled) != 1:
                continue
            own = [s for key in self.sentences.descendants(doc, titled[0].key)
                   for s in self.sentences.in_section(doc.source, key) if s.section == key]
            text = " ".join(s.text for s in own)
            if own and all(mentions(text, query.aliases.get(e, [e])) for e in named if e != name):
                parts.append(own)
        if not parts:
            return []
        chunk_ids = {s.chunk_id for s in min(parts, key=len)}
        return [c for c in candidates if c.chunk.id in chunk_ids]

    def _specific(self, query: Query) -> list[str]:
        return [e for e in query.entities if not is_generic(e) and e not in query.common
                and not re.fullmatch(r"table\s*\d*", e, re.I)
                and not re.fullmatch(r"[IVX]+[ab]?(?:/[IVX]+[ab]?)?", e)]  # a phase ('III', 'I/Ib'), not a name


# A phrase before a sentence's subject: "According to … evaluation, ", "In the EMILIA trial, "
LEADING_PHRASE_RE = re.compile(r"^(?:According to|In|Based on|Regarding|For|After|Despite|Among|Unlike|"
                               r"Compared (?:to|with))\b[^,]{0,80},\s*")
# A study named by its authors ("In 2009, Pohlmann et al. demonstrated…")
AUTHORS_RE = re.compile(r"\b[A-Z][\w\-']+(?: and [A-Z][\w\-']+)? et al\.")
CONTRAST_RE = re.compile(r"(?:However|Nevertheless|In contrast|Conversely|But|Yet|Still),?\s")
# "why would enhertu work when HER2 is low or patchy?": a drug working whatever a condition is
WORKS_DESPITE_RE = re.compile(r"\b(?:why|how come|how)\b.*?\b(?:work|works|working|worked|effective|active|help|helps|benefit\w*)\b"
                              r"(?:\s+\w+){0,3}?\s+(?:even\s+)?(?:when|if|in|with|despite|though|on|for)\s+(?P<condition>.+)$", re.I)
# "… acts directly against neighboring cells regardless of their HER2 expression level"
REGARDLESS_OF_RE = re.compile(r"\b(?:regardless|irrespective|independent(?:ly)?)\s+of\s+(?P<what>[^,;.\[]{2,60})", re.I)
# a question leaning on the treatments told before it: 'can enhertu still work', '… is there anything else'
STILL_AFTER_RE = re.compile(r"\b(?:still|anymore|any more|after (?:that|this|it|them)|else|next|now)\b", re.I)
TREATMENT_HISTORY_RE = re.compile(r"\b(?:i|we|she|he|my (?:mom|mum|mother|wife|sister|patient|friend))\s+"
                                  r"(?:had|have had|'ve had|’ve had|was on|were on|got|received|took|tried|finished)\b", re.I)
# "anything in there about brain mets?", "any data on CNS disease": a topic asked that names itself
OPEN_TOPIC_ASKED_RE = re.compile(r"^\W*(?:anything|any\s+(?:info|information|data|details|evidence))\b[^?]{0,40}?\b(?:about|on|regarding)\s+\w",
                                 re.I)
# 'why does it matter if…', 'why does X make treatment harder / cause poor responses': the bearing of a topic on treatment
MATTERS_ASKED_RE = re.compile(r"\b(?:matters?|important|importance|relevant|harder|difficult|poor(?:er)? respon\w*|"
                              r"respon\w* (?:poorly|worse)|affect\w*|impact\w*)\b", re.I)
# the review saying a topic matters: "plays an important role in the treatment", "suggest the importance of"
IMPORTANCE_SAID_RE = re.compile(r"\b(?:plays? an? (?:important|key|critical|crucial|major) role|importance of)\b", re.I)
CONSEQUENCE_RE = re.compile(r"(?:Therefore|Thus|Hence|Consequently|For this reason|As a result),\s")
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


# "For this reason, the ongoing trial PATRICIA-II…": the reason is the sentence before, whatever is asked
THIS_REASON_RE = re.compile(r"(?:For (?:this|these) reasons?|Because of this|Due to this|Given this),\s")
# Words asking how much or how often, not about what
HOW_MUCH_WORDS = {"often", "frequent", "frequently", "common", "commonly", "many", "much", "rate", "rates", "percentage",
                  "percent", "proportion", "share", "number", "figure"}


def _asks_of_rows_listed(part: str, before: Answer) -> bool:
    """'which table 2 trials are phase II, and what do they measure?', 'is there an enhertu trial for brain
    mets? whats the primary endpoint': a later part about the rows (or list) just given, whose every column
    is shown already — unless it names a table of its own ('…its trial in table 2')."""
    listed = before.intent == "list" or (before.citations and all(c.kind in ("table_row", "table") for c in before.citations))
    return (listed and not before.abstained and not re.search(r"\btable\s*\d", part, re.I)
            and bool(re.search(r"\b(?:they|their|them|those|these)\b", part, re.I) or ROW_COLUMN_ASKED_RE.search(part)))


WHY_ASKING_TERMS = frozenset({"mechanism", "mechanisms", "reason", "reasons", "rationale", "explain", "explains"})
# 'the tukysa trial', 'the atezolizumab study': a trial named by its drug
THE_TRIAL_RE = re.compile(r"\bthe (trial|study)\b", re.I)
# The person the asker described, asked about by pronoun ("can she still be on tukysa"), and where the disease is
THE_PERSON_RE = re.compile(r"\b(?:she|he|her|him)\b", re.I)
WHERE_IT_SPREAD_RE = re.compile(r"\b(?:brain|liver|bones?|lungs?|spread|metasta\w*|mets)\b", re.I)
# Patients like the one the asker described before the question ("people like her", "someone like me")
PEOPLE_LIKE_RE = re.compile(r"\b(?:people|patients|pts|women|someone|somebody|anyone|those|ppl) (?:like|such as) "
                            r"(?:her|him|me|them|us|my \w+)\b", re.I)
# A part pointing back at the trial the part before asked for: "…and were ppl with brain mets even in it"
TRIAL_POINTER_RE = re.compile(r"\b(?:it|(?:that|this|the) (?:trial|study))\b", re.I)
# Two drugs named as alternatives, one choice of a kind ('ibrance or verzenio', 'ibrance / verzenio type drugs'; not
# 'palbociclib and fulvestrant', the parts of one regimen)
DRUGS_LISTED_RE = re.compile(r"\b(?P<first>[A-Za-z][\w\-]+)\s*(?:\bor\b|/)\s*(?P<second>[A-Za-z][\w\-]+)"
                             r"(?:\s+(?:type|kind|class|style)\s+(?:of\s+)?(?:drugs?|meds?|medicines?|pills?|inhibitors?))?", re.I)
# A part of the review titled by a class of drugs ("CDK4/6 Inhibitors")
CLASS_TITLE_RE = re.compile(r"\b(?:inhibitors|agents|antibodies|conjugates|drugs)\b", re.I)
# ('the actual tucatinib trial paper': how much it is the drug's own trial says nothing of which trial it is)
DRUGS_TRIAL_RE = re.compile(r"\bthe (?:(?:actual|real|original|main|pivotal|big|key)\s+)?(?P<drug>[A-Za-z][\w\-]+) "
                            r"(?:trial|study)\b", re.I)
WHICH_RE = re.compile(r"^\s*(?:so |and |ok )?(?:which|name (?:the|a|an))\b|"
                      r"^\s*(?:so |and |ok )?(?:are )?(?:there )?any\b.*\b(?:named|mentioned|listed)\W*$", re.I)


def _closest(sentences: list[str], question: str) -> str:
    """The sentence sharing most of the question's words (the first on a tie), shown beside a gap."""
    asked = {light_stem(w) for w in content_words(question)}
    def shared(text: str) -> int:
        return len(asked & {light_stem(w) for w in content_words(text)})
    return strip_markers(max(sentences, key=shared)).strip() if sentences else ""


def _name_asked_in(opening: str, query: Query) -> str:
    """The form in which ``opening`` prints a name the question asks ('ADCs' for 'adc'), or ''."""
    for entity in query.entities:
        for alias in sorted(query.aliases.get(entity, [entity]), key=len, reverse=True):
            found = re.search(rf"(?<![\w-]){re.escape(alias)}s?(?![\w-])", opening, re.I)
            if found:
                return found.group(0)
    return ""


# "list the subsections of section 2", "which topics does section 4 cover": a section's parts asked by name
SUBPARTS_ASKED_RE = re.compile(r"\b(?:sub-?sections?|sub-?topics?|sub-?headings?|topics|parts|headings)\b", re.I)


def _asks_for_its_parts(text: str, title: str) -> bool:
    """Does a list question ask for a section's parts: by that word, or by a plural its title names
    ('mechanisms' of 'Mechanisms of Resistance…', 'ADCs' of 'Novel Antibody-Drug Conjugates')?"""
    titled = {light_stem(w) for w in words_of(title)}
    return bool(SUBPARTS_ASKED_RE.search(text)) or any(
        len(w) > 3 and w.endswith("s") and light_stem(w) in titled for w in words_of(text) - FRAME_WORDS)

