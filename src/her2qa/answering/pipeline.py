"""The answering steps in order: intent → plan → select → compose (→ verify, in the assistant).

Each intent has its own way of choosing evidence; all of them end in the same composer, so every
answer is a list of cited, verbatim points, and the verifier can check each one.

The steps around the plans live in their own modules, mixed into :class:`AnswerPipeline`: ``framing``
(what a question asks once who asks and what they heard are set aside), ``parts`` (a question of several
parts), ``gaps`` (what a declined answer names as missing) and ``neighbours`` (the sentences a chosen
sentence needs beside it).
"""

from __future__ import annotations

import copy
import itertools
import re
import time
from typing import Callable

from ..citations import NCT_RE, strip_markers
from ..corpus import Corpus
from ..figures import has_figure
from ..query import Query, QueryAnalyzer, compact, is_phase_numeral, light_stem, mentions, without_reading_context
from ..results import Answer
from ..retrieval import REVIEW_DISEASE, Candidate, is_generic
from ..settings import Settings
from .compose import Composer, Pick, merge
from .coverage import (arm_gap, asked_endpoints, attribute_gap, quality_gap, between_groups_gap, content_words, count_gap,
                       duration_gap, grade_gap, site_gap, subgroup_gap, management_gap, measured_gap, method_gap,
                       METHOD_SAID_RE, off_topic, other_trials_figure, qualifier_gaps, general_survival_gap, per_count_gap,
                       setting_gap, stopping_gap, weakly_covered, year_gap, YEAR_ASKED_RE)
from .extractive import (DRUG_RE, MEASURES, NO_FIGURE_FOUND, TRIAL_RE, WHERE_TOLD_FIRST_RE, ExtractiveAnswerer, _join,
                         asked_kind, asked_measures, is_drug_name, retrieved_list, trial_names)
from .comparisons import ComparePlans
from .continuation import ContinuationPlans
from .development import STAGE_ASKED_RE, DevelopmentPlans
from .definitions import DefinitionPlans
from .head_to_head import HeadToHeadPlans
from .framing import FramingSteps
from .gaps import GapSteps, closest_said
from .neighbours import NeighbourSteps
from .outcome import Outcome
from .parts import FOLLOW_ON_SENTENCES, REVIEW_ITSELF_RE, WHICH_RE, PartSteps
from .outline import OutlinePlans
from .sequencing import SequencingPlans
from .remedies import RemedyPlans
from .rationale import RationalePlans
from .overviews import RESULTS_ASKED_RE, RESULTS_NAMED_RE, OverviewPlans
from .lists import ListPlans
from .subjects import SubjectPlans
from .intent import (ASKS_COMPARATOR_RE, ABOUT_REVIEW_RE, ASPECTS_LISTED_RE, COMPARE_RE, DRUGS_OF_KIND_RE, SCOPE_TAIL_RE, as_definition, classify,
                     definition_beside_statement, comparison_then_question,
                     split_parts, design_and_results_as_one, without_alike_premise, with_the_term_told_before, with_the_place_told, with_the_kind_asked_first, with_the_thing_it_points_to, without_exclusion, without_framing, set_aside_clause, else_tested_as_drugs,
                     without_instructions)
from .passages import FRAME_WORDS, SECTION_NUMBER_RE, Sentence, SentenceIndex, words_of
from .table_plans import ROW_COLUMN_ASKED_RE, TablePlans
from .tables import PHASE_RE, TableAnswerer
from ..vocabulary import AGENCIES, BRANDS

Retrieve = Callable[[Query], list[Candidate]]
# A name set aside ('besides enhertu, …') costs the passages naming it their rank only when it is rare enough to mark
# what a passage is about (HER2, in most paragraphs, marks none)
SET_ASIDE_SHARE = 0.2
# A name the review gives in no more than this share of its paragraphs (two of its 148): an example that points at
# the one passage about it
RARE_NAME_SHARE = 0.02

# "trials with pfs as (the) primary endpoint", "where pfs is the primary endpoint", "primary endpoint of pfs"
# ('ORR in brain metastases as primary endpoint': the measure, where it is measured, as the column's value)
ENDPOINT_AS_PRIMARY_RE = re.compile(r"\b[\w\-]+(?:\s+(?:in|for|of|by)\s+(?:[\w\-]+\s+){0,2}?[\w\-]+)?\s+(?:as|is|was|=)\s+"
                                    r"(?:the|their|its)?\s*primary\s+end\s?points?\b|"
                                    r"\bprimary\s+end\s?points?\s+(?:of|is|was|=|being)\s+[\w\-]+", re.I)
# "what did Metzger find?", "what did bose et al show": a study the review names by its first author
AUTHOR_FINDINGS_RE = re.compile(r"\bwhat (?:did|does|do|have|has) (?P<who>[a-z][\w\-']+)(?: et al\.?)?"
                                r"(?: and (?:colleagues|co-?workers|team))? (?:find|found|show|shown|report|reported|"
                                r"demonstrate|demonstrated|observe|observed|describe|conclude|say|"
                                # ('what did metzger call a heterogeneous tumour': how their study classed it)
                                r"call|classify|classified|define|defined|consider|considered|class)\b", re.I)
# "her2 mutations bose et al found w/o amplification?": what an author's study found, asked as a noun phrase
AUTHOR_FOUND_RE = re.compile(r"\b(?P<who>[a-z][\w\-']+) et al\.?(?: and (?:colleagues|co-?workers|team))? (?:found|find|showed|"
                             r"reported|identified|described|observed|demonstrated)\b", re.I)
# A sentence going on about the study before it: "They demonstrated…", "This study identified…", "These studies suggest…"
GOES_ON_ABOUT_STUDY_RE = re.compile(r"(?:They|These authors|The authors|Their|This study|These studies|"
                                    r"In (?:this|their|that) study)\b|"
                                    # "In metastatic settings, the same scenario was observed, …": the finding again
                                    r"(?:[\w\- ]{1,40},\s+)?[Tt]he same (?:scenario|pattern|finding|result|effect|trend)s? "
                                    r"(?:was|were|has been|have been) (?:observed|seen|found|reported)\b")


# 'is enhertu approved first line?': an approval asked in one line
APPROVED_IN_LINE_RE = re.compile(r"\bapprov\w*\b[^?]*?\b(?P<line>first|1st|second|2nd|third|3rd)[\s-]*line|"
                                 r"\b(?P<again>first|1st|second|2nd|third|3rd)[\s-]*line\b[^?]*\bapprov\w*", re.I)
ORDINAL_OF = {"first": "1st", "1st": "first", "second": "2nd", "2nd": "second", "third": "3rd", "3rd": "third"}
# A line of treatment as what the members are ("…are 1st line", "…in the second line"), not a
# standard someone set ("…set X as 1st line standard").
_IN_A_LINE = r"\b(?:are|is|in|for|at)\s+(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th|≥\s*2nd)[\s-]*lines?"
LINE_ASKED_RE = re.compile(_IN_A_LINE + r"\b(?!\s+(?:standard|therapy|treatment|setting)\b)", re.IGNORECASE)
# "which T-DXd trials are in the first-line setting / for first-line treatment": a setting asked of trials is the
# tables' Setting column
TRIALS_IN_LINE_RE = re.compile(r"\b(?:trials?|studies)\b.*" + _IN_A_LINE + r"\s+(?:setting|treatment|therapy)\b", re.IGNORECASE)
# "which trial was the first phase 3 to…" asks for one trial, not the rows of a phase.
ONE_ASKED_RE = re.compile(r"\b(?:was|is)\s+(?:the\s+)?(?:first|only|last|earliest|largest)\b", re.IGNORECASE)
# ('… first line and measure PFS?': what trials measure is their endpoint column)
PRIMARY_ENDPOINT_RE = re.compile(r"\bprimary (?:end ?points?|outcomes?)\b|"
                                 # ('any t-dxd trial with a brain mets endpoint': the tables' one endpoint column)
                                 r"\bwith\s+(?:an?\s+|the\s+)?(?:[\w\-]+\s+){1,3}?end ?points?\b|"
                                 r"\b(?:measure|measures|measuring|looking at)\s+(?:pfs|os|orr|dfs|idfs|cbr)\b", re.IGNORECASE)
# 't-dxd trials with…', 'ongoing enhertu trials where…'
# ('tdxd trial specifically for brain mets? endpoint': the trials by whom they are for)
TRIALS_WITH_RE = re.compile(r"^\s*(?:[\w\-]+\s+){1,3}trials?\s+(?:with|where|that|having|(?:specifically\s+|just\s+|only\s+)?for)\b",
                            re.IGNORECASE)
# "which anti-diarrhea drug and schedule did the CONTROL trial use": a named detail of one trial, told where it is
DETAIL_OF_TRIAL_RE = re.compile(r"^\W*(?:which|what)\s+(?:[\w\-]+\s+){0,2}?(?:drugs?|agents?|medications?|meds|doses?|"
                                r"schedules?|regimens?|comparators?)\b", re.I)
# 'which of the ongoing T-DXd trials include a durvalumab arm': the arms column, row by row
ARM_ASKED_RE = re.compile(r"\b(?:trials?|stud(?:y|ies))\b.*\b(?:include|includes|including|have|has|having|with)\s+"
                          r"(?:an?\s+)?[\w\-+]+\s+arms?\b", re.I)
# "is there an enhertu trial for brain mets?", "are there any ongoing trials with tucatinib + T-DXd?"
TRIAL_EXISTS_RE = re.compile(r"^\W*(?:so |and )?(?:(?:is|are) there (?:an?|any)|(?:is|are|do|does) (?:any|either|one)(?: of)?|"
                             # ('is tucatinib in any of the enhertu combo trials': whether a row of those gives it —
                             # not 'is it in any trials right now?', which the text answers)
                             r"(?:is|are) [\w\-]+(?: [\w\-]+)? (?:in|part of|used in|tested in|given in) (?:any|either) of)\b"
                             r".*?\b(?:trials?|stud(?:y|ies))\b", re.I)  # '… is any of the T-DXd trials for …
# 'is enhertu being studied specifically for brain mets?': whether a trial of it is running, row by row in the tables
BEING_TRIED_RE = re.compile(r"^\W*(?:(?:so|and|ok|okay)\W+)?(?:(?:is|are) [\w\-]+(?: [\w\-]+)? (?:also |still )?being "
                            r"(?:studied|tested|trialed|trialled|investigated|evaluated|explored)|"
                            # "is anyone testing enhertu specifically for brain mets"
                            r"(?:is|are) (?:any(?:one|body)|some(?:one|body)|there (?:any )?(?:trials?|studies)) "
                            r"(?:\w+ )?(?:studying|testing|trialing|trialling|investigating|evaluating|exploring|looking at))\b", re.I)
# 'any trial of enhertu just for brain mets', 't-dxd trials for brain mets?': trials asked for a population, which
# the tables' rows name in a cell (an endpoint "ORR brain met") — the row filter must come from those words
TRIALS_FOR_RE = re.compile(r"\b(?:trials?|stud(?:y|ies))\b(?:\s+(?:of|with|testing|using|on)\s+[\w\-]+(?:\s+[\w\-]+)?)?\s+"
                           r"(?:(?:just|specifically|only|exclusively|solely)\s+)?for\s+(?P<who>[\w\- ]{3,40})", re.I)
# A question asking for the members of a set ("which…", "list…", "any…").
MEMBERS_ASKED_RE = re.compile(r"^\s*(?:which|what|list|name|show|any)\b", re.IGNORECASE)


# the extractive step found no figure of the measure in sentences naming the trial ("The review mentions NALA but
# does not report a response rate."): "Moreover, neratinib improved ORR (32.8% vs. 26.7%…)" names neither
EXTRACTIVE_GAP_RE = re.compile(r"The review mentions .+ but does not report [^.]+\.$")


# what one trial or drug was set against, asked: 'compared against?', 'vs what', 'the comparator', 'the control arm'
COMPARATOR_ASKED_RE = re.compile(r"\bcompared? (?:against|to|with)\W*(?:in\s+[\w\-]+\W*)?$|"
                                 r"\b(?:compared? (?:against|to|with)|vs\.?|versus|against)\s+what\b|"
                                 r"\bcomparators?\b|\bcontrol arms?\b", re.I)
# a sentence setting an arm against another
COMPARISON_PRINTED_RE = re.compile(r"\bvs\.?\s|\bversus\b|\bcompared (?:to|with)\b|\bin comparison (?:to|with)\b", re.I)
# "whats the payload of enhertu", "what linker does kadcyla have": an ADC's part asked ...
PAYLOAD_WORDS = r"payloads?|warheads?"
ADC_PART_ASKED_RE = re.compile(rf"\b(?:{PAYLOAD_WORDS}|linkers?)\b", re.I)
PAYLOAD_ASKED_RE = re.compile(rf"\b(?:{PAYLOAD_WORDS})\b", re.I)
# ... which a sentence prints by what the antibody is linked to, or by the part's kind ("a topoisomerase I inhibitor
# payload through a tetrapeptide-based cleavable linker"), not by the word alone ("high levels of payload delivered")
ADC_PART_PRINTED_RE = re.compile(r"\blinked (?:to|via)\b|\bconjugated to\b|\bcytotoxic agent\b|"
                                 r"\b(?:inhibitor|agent|toxin)\s+(?:payload|warhead)\b|\b(?:payload|warhead),\s|"
                                 r"\bcleavable linker\b", re.I)
# 'is it in a phase 3 anywhere?', 'any phase III data?': a phase asked by its number
PHASE_NUMBER_ASKED_RE = re.compile(r"\bphase[\s-]*(?P<n>[123]|iii|ii|i)\b", re.I)
ROMAN_PHASES = {"1": "I", "2": "II", "3": "III"}


def figure_of_each(measures: list[str], said: list[str]) -> bool:
    """Does a sentence with a figure name each measure ('ORR (32.8% vs. 26.7%…)'), not only say it improved?"""
    return bool(measures) and all(any(MEASURES[m][1].search(t) and has_figure(t) for t in said) for m in measures)


# Why a drug would be used ('why would X help', 'why add X', 'why combine X with …'), and the preclinical case for it
USE_ASKED_RE = re.compile(r"\bwhy\b.*\b(?:help\w*|add\w*|combin\w*|use|using|give|giving|work)\b", re.I)
PRECLINICAL_BENEFIT_RE = re.compile(r"\bpreclinical\b.*\b(?:synergis\w*|resensiti\w*|overc[oa]m\w*|restor\w*|enhanc\w*)", re.I)


class AnswerPipeline(FramingSteps, PartSteps, GapSteps, NeighbourSteps, ListPlans, SubjectPlans, HeadToHeadPlans,
                     DefinitionPlans, ContinuationPlans, TablePlans, OverviewPlans, ComparePlans, RationalePlans,
                     DevelopmentPlans, RemedyPlans, OutlinePlans, SequencingPlans):
    """The planner: one method per intent, with the plans of each intent and the steps around them mixed in."""

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
        self._set_aside: list[str] = []  # per call: names the question sets aside ('besides enhertu, …')

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
        call._considered, call._pool, call._retrieve_s, call._set_aside = set(), [], 0.0, []
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

    def _names_set_aside(self, text: str) -> list[str]:
        """The names, with their other names, of the clause ``without_exclusion`` takes out ('besides enhertu, …'):
        what the answer should not be made of. A name in most paragraphs sets none aside ('besides the usual her2
        drugs, …': HER2)."""
        if not (clause := set_aside_clause(text)):
            return []
        return [alias for name in self.analyzer.entities_in(clause) if not is_generic(name)
                and self.analyzer.paragraph_share(self.analyzer.aliases_of(name)) <= SET_ASIDE_SHARE
                for alias in self.analyzer.aliases_of(name)]

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

    def _answer_question(self, question: str, resolved: str, carried: list[str]) -> Outcome:
        numbered = self._numbered_item(question, resolved)
        if numbered is not None:
            return Outcome(numbered, self._pool, self._considered)
        markers = [int(n) for n in re.findall(r"\[(\d+)\]", resolved)]
        resolved = re.sub(r"\s*\[\d+(?:\s*[,–-]\s*\d+)*\]", "", resolved).strip()  # pasted citation markers
        # the typed question, read step by step: what 'it' points to, a kind asked after a label, a place told before
        # 'there', a term told before the question
        for rewrite in (with_the_thing_it_points_to, with_the_kind_asked_first, with_the_place_told, with_the_term_told_before):
            resolved = rewrite(resolved)
        resolved = without_alike_premise(design_and_results_as_one(without_framing(resolved, rare=self._named_once)))
        # (a definition asked keeps its words: nothing is set aside)
        definition = as_definition(resolved) or definition_beside_statement(resolved)
        self._set_aside = [] if definition else self._names_set_aside(resolved)
        resolved = definition or without_exclusion(resolved) or resolved
        if any(is_drug_name(name) for name in self._set_aside):
            # ('besides enhertu, what else is being tested in her2-low?': the others are drugs too — not after 'what
            # else is explored after ADCs', whose others are approaches)
            resolved = else_tested_as_drugs(resolved)
        resolved = self._as_agents_against(self._name_put_back(resolved))
        resolved = self._with_the_drugs_trial(self._with_the_successor_named(self._without_gloss(self._without_personal_context(
            self._without_condition_on_others(resolved)))))
        resolved = self._with_the_drugs_class(resolved)
        parts = split_parts(resolved)
        # (a comparison is one question across its 'and's — unless a question of its own follows it after a dash)
        if len(parts) > 1 and not (COMPARE_RE.search(resolved) and not ASKS_COMPARATOR_RE.search(resolved)
                                   and len(comparison_then_question(resolved)) == 1):
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

    def _named_once(self, name: str) -> bool:
        """A drug the review names in at most two of its paragraphs (dasatinib), not one it keeps coming back to (T-DM1)."""
        return self.analyzer.known(name) and 0 < self.analyzer.paragraph_share(self.analyzer.aliases_of(name)) <= RARE_NAME_SHARE

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
        query.common |= self._glossing_a_trial(text, query)
        query.set_aside = list(self._set_aside)
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

    def _glossing_a_trial(self, text: str, query: Query) -> set[str]:
        """'how many pts were in PATRICIA (palbo + herceptin)': the drugs in brackets after a trial's name tell which trial
        it is — each is no subject the answer must name beside the trial."""
        glossed: set[str] = set()
        if "(" not in text:
            return glossed  # (no brackets, no gloss: no pattern built per name on every question)
        for trial in (e for e in query.entities if self.is_trial(e) and not is_drug_name(e)):
            for match in re.finditer(rf"{re.escape(trial)}(?:\s+(?:trial|study))?\s*\(([^()]{{2,80}})\)", text, re.I):
                glossed |= {e for e in query.entities if e != trial and is_drug_name(e)
                            and mentions(match.group(1), query.aliases.get(e, [e]))}
        return glossed

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
        if missing := management_gap(text, quotes) or self._method_gap(text, quotes, carried):
            said = f"“{closest_said(quotes, text)}”"
            base = Answer(question=question, answer="", intent=intent, resolved_question=answer.resolved_question,
                          retrieved=answer.retrieved)
            return self._decline(base, f"The review does not say {missing}. What it says: {said}", missing=[missing])
        if intent == "yesno" and RESULTS_ASKED_RE.search(text):
            return self._outcome_reported(answer, text, carried)
        if intent == "fact" and RESULTS_NAMED_RE.search(text):
            # ('tulip primary endpoint and result': results asked of a trial whose results the review never reports)
            return self._outcome_reported(answer, text, carried, never_reported=True)
        cites_trials = intent in ("yesno", "fact", "list")
        if PAYLOAD_ASKED_RE.search(text) and answer.table is None and intent in ("fact", "definition"):
            # ('whats the payload on trastuzumab duocarmazine': a table of ADCs gives each one's payload by its short
            # name, DUBA, beside the text's seco-duocarmycin-hydroxybenzamide-azaindole)
            answer = self._with_its_row(answer, text, carried)
        if STAGE_ASKED_RE.search(text) and answer.table is None:
            # ('what phase are those trials': the rows of the identifiers quoted say it too)
            answer = self._with_its_row(answer, text, carried)
            return self._with_the_rows_it_cites(answer, text, carried) if cites_trials else answer
        if cites_trials or NCT_RE.search(text):
            answer = self._with_the_rows_it_cites(answer, text, carried)
        if intent in ("definition", "overview"):  # (what a trial is, not a column asked of its row)
            answer = self._with_the_text_on_its_row(answer, text, carried)
        return self._with_the_outline_it_announces(answer, text, carried)

    def _method_gap(self, text: str, quotes: list[str], carried: list[str]) -> str:
        """'how is p95her2 measured': how the rare name asked is measured, when neither the answer nor any sentence of
        the review names it with a test or an assay (HER2 heterogeneity is told "on a FISH test": that one is
        answered); '' otherwise — the question's words are read first, the review only when they ask a method."""
        if not (missing := method_gap(text, quotes)):
            return ""
        query = self.analyzer.analyze(text, carried=list(carried))
        specific = [e for e in self._specific(query) if e not in query.common]
        told = any(METHOD_SAID_RE.search(s.text) for e in specific
                   for s in self.sentences.mentioning(query.aliases.get(e, [e])))
        return missing if specific and not told else ""

    def _outcome_reported(self, answer: Answer, text: str, carried: list[str], never_reported: bool = False) -> Answer:
        """'did the TULIP trial work?': a yes/no on how one trial came out is declined, like 'what did TULIP
        show?', when the review only names the trial as running."""
        query = self.analyzer.analyze(text, carried=list(carried))
        trials = [e for e in self._specific(query) if self.is_trial(e)]
        if len(trials) != 1 or (never_reported and not self._never_reported(trials[0])):
            return answer
        base = Answer(question=answer.question, answer="", intent=answer.intent,
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
                           or PRIMARY_ENDPOINT_RE.search(text) or ARM_ASKED_RE.search(text)
                           # ('… trial for brain mets - endpoint?': a column of the tables asked of the trials chosen)
                           or (TRIALS_WITH_RE.search(text) and ROW_COLUMN_ASKED_RE.search(text)))
                      # 'what response rate did ZW25 get in its phase 1 study?': no column — but 'trials with pfs as
                      # primary endpoint' names the measure as the column's value
                      and not asked_measures(ENDPOINT_AS_PRIMARY_RE.sub(" ", text))
                      # 'what PFS did the TULIP phase III trial report?': a result, not the endpoint column
                      and not (asked_endpoints(text) and not PRIMARY_ENDPOINT_RE.search(text))
                      # ('is there a T-DXd trial for brain mets listed?' reads as a list by its last word)
                      ) or (intent in ("yesno", "list") and (TRIAL_EXISTS_RE.match(text) or BEING_TRIED_RE.match(text)))
        # ('tucatinib plus enhertu trial - name, phase, endpoint': the aspects listed are its row's columns)
        if intent in ("yesno", "list", "fact", "overview") and (combined := self._combination_rows(base, question, text, query,
                                                                                     candidates, carried)) is not None:
            return combined  # (two drugs asked together: the rows giving both, not every row naming one)
        if rows_asked:
            match = self.tables.match(text, query)
            if match is not None and match.rows and match.filters:
                return self._table(base, question, text, query, candidates, carried)
        elif intent in ("fact", "list") and (MEMBERS_ASKED_RE.search(text) or TRIALS_WITH_RE.search(text)) and \
                (wanted := TRIALS_FOR_RE.search(text)):
            match = self.tables.match(text, query)
            # (the population's words, not a name: 'the big trial for tukysa' asks of the drug's trial)
            named = {w for e in query.entities for a in query.aliases.get(e, [e])
                     for w in re.findall(r"[a-z0-9]+", a.lower())}
            who = set(re.findall(r"[a-z0-9]+", wanted.group("who").lower())) - named
            if match is not None and match.rows and any(w in who for f in match.filters for w in f.split()):
                return self._table(base, question, text, query, candidates, carried)
        if intent in ("fact", "list", "table") and (partners := self._partners_in_its_row(base, text, query)) is not None:
            return partners
        if intent in ("fact", "list") and ROW_COLUMN_ASKED_RE.search(text) and (
                rows := self._rows_named(base, text, query)) is not None:
            return rows
        if intent in ("fact", "compare") and (across := self._endpoint_across_trials(question, query)) is not None:
            return across
        if intent == "yesno" and (status := self._approval_status(base, query)) is not None:
            return self._with_its_trials_in_the_line_asked(base, question, status, query)
        if intent == "yesno" and (unpaired := self._never_given_together(base, text, query)) is not None:
            return unpaired
        # ('qol with kadcyla' is checked as 'does kadcyla improve qol' is: a topic of two words or more, said only of
        # other drugs, is not said of the one asked)
        if intent in ("yesno", "fact") and (elsewhere := self._said_only_of_others(
                base, query, least=3 if intent == "yesno" else 2, topic_only=intent == "fact")) is not None:
            return elsewhere
        if intent in ("fact", "overview", "yesno", "list") and (treated := self._in_the_population_treated(base, query)):
            return treated
        if intent in ("fact", "list", "overview") and (following := self._what_comes_after(base, text, query)) is not None:
            return following
        if intent in ("fact", "list", "yesno", "overview", "definition") and not (
                intent == "overview" and self._aspects_listed(text, query)):
            # (an overview asked with its aspects listed, "neratinib - approvals, NALA, tox", wants all of them)
            answer = self._facet(base, query)
            if answer is not None:
                return answer
        if intent in ("yesno", "fact", "list", "overview") and (built := self._kind_built_on(base, text, query)) is not None:
            return built
        if intent in ("fact", "list") and (member := self._member_with_property(base, query)) is not None:
            return member
        if intent == "yesno" and (remedy := self._remedy_in_its_section(base, text, query)) is not None:
            return remedy
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
                return self._with_what_it_is(base, self._with_mechanism(base, answer, query, scoped), query)
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
                                           f"“{closest_said(self._said(answer), query.text)}”", missing=[missing])
            if answer is not None and intent == "list" and not answer.abstained and len(answer.citations) == 1:
                # ("In addition, AXL can activate other downstream signaling pathways…" answering 'what pathways does
                # AXL switch on': the one sentence a list found leans on the one naming the first)
                answer = self._with_what_it_refers_to(base, answer, query)
            if answer is not None and intent == "definition":
                return self._with_its_spelling_out(base, self._with_the_terms_paragraph(base, answer, query), query, text)
            if answer is not None:
                return answer
        answer = self._fact(base, question, query, candidates)
        if intent == "why" and (reason := self._combination_rationale(base, text, query, answer)) is not None:
            return reason
        if intent == "why" and not answer.abstained:
            answer = self._with_what_acts_regardless(base, answer, query)
            answer = self._with_its_importance_said(base, answer, query)
            answer = self._with_what_it_is(base, answer, query)
        if not answer.abstained and not self._specific(query) and weakly_covered(
                text, [c.text for c in answer.citations], self.analyzer):
            return self._decline(base, "The review does not say. Its nearest passages share too few of the "
                                       "question's words to answer it.")
        return self._with_the_terms_paragraph(base, answer, query) if intent == "definition" else answer

    def _in_the_subjects_sections(self, base: Answer, answer: Answer, query: Query) -> Answer:
        """'how does neratinib work': of the sentences picked for a why asked of one name, those in a section where
        none names it go ("Clinical research should be strengthened … drug resistance and action mechanisms", from the
        conclusions), when one does name it."""
        specific = self._specific(query)
        quoted = self._quoted(answer)
        if len(specific) != 1 or len(quoted) < 2:
            return answer
        aliases = query.aliases.get(specific[0], [specific[0]])
        # (a sentence naming it by a pronoun, "[T-DXd] is uniquely designed…", or under a heading titled by it counts)
        sections = {(s.source, s.section) for point, _, s in quoted
                    if s is not None and (mentions(point.text, aliases) or mentions(self.sentences.subheading_of(s), aliases))}
        # (a summary's sentence — the abstract's — is in no section: it stays only if it names the subject)
        kept = [(point, s) for point, _, s in quoted
                if (s is not None and (s.source, s.section) in sections) or (s is None and mentions(point.text, aliases))]
        if not sections or len(kept) == len(quoted) or any(s is None for _, s in kept):
            return answer
        return self._quoting(base, query, [s for _, s in kept], lambda s: self._antecedent(s, specific[0]))

    def _with_the_evidence_elsewhere(self, base: Answer, answer: Answer, query: Query) -> Answer:
        """'why would you add a cdk4/6 inhibitor to anti-her2 therapy': the case for using a drug is made where
        the mechanism is told (2.5) and again where its trials are ("In preclinical models, CDK4/6 inhibitors combined
        with trastuzumab have synergistic antitumor activity and could resensitize…", 3.1.2) — the first sentence
        in another section naming it with preclinical evidence of a benefit joins."""
        # (a target's inhibitors are named by the target, which counts as generic: 'cdk4/6 inhibitor'; HER2, what all
        # the review's drugs act on, names none of them: 'HER2-targeted drugs')
        specific = [e for e in query.entities if e not in query.common and "her2" not in compact(e)]
        if len(specific) != 1 or query.carried or not USE_ASKED_RE.search(query.text) or answer.abstained:
            return answer
        quoted = [s for _, _, s in self._quoted(answer)]
        if not quoted or None in quoted:
            return answer
        aliases = query.aliases.get(specific[0], [specific[0]])
        sections = {(s.source, s.section) for s in quoted}
        found = next((s for s in self.sentences.mentioning(aliases) if (s.source, s.section) not in sections
                      and PRECLINICAL_BENEFIT_RE.search(s.text)), None)
        return self._with_added(base, answer, query, quoted, [found] if found else [])

    def _aspects_listed(self, text: str, query: Query) -> bool:
        """'neratinib - approvals, NALA, tox': aspects listed after a name — not names a part of a question was given
        for its context ('ok and the side effects (enhertu, T-DM1)?')."""
        if (listed := ASPECTS_LISTED_RE.search(text)) is None:
            return False
        items = [i for i in re.split(r"\s*(?:,|&|\band\b)\s*", listed.group(0).strip(" ()-–—:?")) if i.strip()]
        return not all(any(mentions(i, query.aliases.get(e, [e])) for e in query.entities) for i in items)

    def _endpoint_where_described(self, base: Answer, query: Query) -> Answer | None:
        """An endpoint asked of one trial named, whose sentences the ranking missed (its results sentence names
        neither the trial nor the endpoint: "The treatment regime that showed better results was the triple
        combination (8.3 months vs. 5.7 months…)"): the endpoint where the review describes the trial."""
        trials = [e for e in self._specific(query) if self.is_trial(e)]
        if len(trials) != 1 or not asked_endpoints(query.text) or qualifier_gaps(query.text, []) or \
                not (told := self._stretches(query, trials[0])):
            return None  # (a 'median' asked is checked where the figure was sought: the review may give none)
        aliases = query.aliases.get(trials[0], [trials[0]])
        # (where it is told on its own: "The first randomized study, MonarcHER, enrolled…", not "MonarcHER and PATRICIA…")
        own = next((s for s in told if mentions(s.text, aliases) and not any(
            self.is_trial(t) and not mentions(t, aliases) for t in trial_names(s.text))), told[0])
        covered = self._measure_covered(base, self._quoting(base, query, [own]), query)
        return None if covered.abstained else covered

    def _with_what_the_sentences_need(self, base: Answer, answer: Answer, query: Query) -> Answer:
        """The sentences a fact picked, with what they lean on and what follows them: the sentence before a
        'this', the setting asked, the results after a trial's design, a caveat, the figures between."""
        if base.intent in ("why", "yesno") or query.carried:
            answer = self._with_neighbours(base, answer, query)
        answer = self._anchored(base, answer, query)
        if base.intent == "why":
            answer = self._in_the_subjects_sections(base, answer, query)
            answer = self._with_the_evidence_elsewhere(base, answer, query)
        if (in_setting := self._in_the_setting_asked(base, answer, query)) is not None:
            return in_setting
        answer = self._with_what_it_refers_to(base, answer, query)
        # (the pair asked first: the results that follow are those of the sentences that stay)
        answer = self._given_together_first(base, answer, query)
        answer = self._with_the_caveat(base, self._with_results_that_follow(base, answer, query), query)
        answer = self._with_the_history_that_follows(base, answer, query)
        answer = self._with_figures_between(base, answer, query)
        answer = self._with_the_phase_asked(base, answer, query)
        answer = self._with_the_comparator_asked(base, answer, query)
        answer = self._with_the_adc_part_asked(base, answer, query)
        answer = self._with_each_figure_that_follows(base, answer, query)
        return self._with_the_comparison_that_follows(base, answer, query)

    def _with_its_trials_in_the_line_asked(self, base: Answer, question: str, answer: Answer, query: Query) -> Answer:
        """'is enhertu approved first line?': the approval the review tells is in another line ("…who have received
        two or more prior anti-HER2-based regimens"); the drug's ongoing trials in the line asked (DESTINY-Breast 09,
        1st line) say where that line stands — rows of the tables, beside the approval."""
        asked = APPROVED_IN_LINE_RE.search(query.text)
        drugs = [e for e in self._specific(query) if is_drug_name(e)]
        if asked is None or len(drugs) != 1 or answer.abstained:
            return answer
        line = (asked.group("line") or asked.group("again")).lower()
        said = " ".join(p.text for p in answer.points)
        if re.search(rf"\b(?:{line}|{ORDINAL_OF.get(line, line)})\b[^.]{{0,30}}\bline", said, re.I):
            return answer  # (the approval told is in that line: "…for second and third-line treatment")
        rows = self._single(question, f"which {drugs[0]} trials are {line} line?", [], "table")
        if rows.abstained or rows.intent != "table" or not rows.citations or \
                any(c.kind != "table_row" for c in rows.citations):
            return answer
        return merge(base, [("Approval", answer), (f"{drugs[0]} trials in the {line} line", rows)]).model_copy(
            update={"intent": answer.intent})

    def _with_the_phase_asked(self, base: Answer, answer: Answer, query: Query) -> Answer:
        """'is SYD985 in a phase 3 anywhere?': a phase asked of one agent, which no quoted sentence prints, is added
        from where the review describes the agent ("…the TULIP phase III trial (NCT03262935)…", told of its
        trials), when it prints that phase there."""
        asked = PHASE_NUMBER_ASKED_RE.search(query.text)
        if asked is None:
            return answer
        roman = ROMAN_PHASES.get(asked.group("n"), asked.group("n").upper())
        digit = next(d for d, r in ROMAN_PHASES.items() if r == roman)
        # ('phase III', 'phase 3'; not 'phase I/Ib' for a phase I asked)
        return self._with_what_it_prints(base, answer, query, re.compile(rf"\bphase\s+(?:{roman}|{digit})\b(?![/\w])", re.I))

    def _with_the_comparator_asked(self, base: Answer, answer: Answer, query: Query) -> Answer:
        """'what was DESTINY-Breast04 compared against?': what one trial or drug was set against, which no quoted
        sentence prints, is added from where the review describes it ("The patients received T-DXd … vs.
        physician’s choice chemotherapy.")."""
        if not COMPARATOR_ASKED_RE.search(query.text):
            return answer
        return self._with_what_it_prints(base, answer, query, COMPARISON_PRINTED_RE)

    def _with_the_adc_part_asked(self, base: Answer, answer: Answer, query: Query) -> Answer:
        """'whats the payload of enhertu?': an ADC's payload or linker asked of one drug, which no quoted sentence
        prints (Modi et al.'s "high levels of payload delivered" names it only), is added from where the review
        describes the drug ("T-DXd is an ADC … linked to a topoisomerase I inhibitor payload…")."""
        if base.intent != "fact" or not ADC_PART_ASKED_RE.search(query.text):
            return answer
        return self._with_what_it_prints(base, answer, query, ADC_PART_PRINTED_RE)

    def _with_what_it_prints(self, base: Answer, answer: Answer, query: Query, printed: re.Pattern) -> Answer:
        """What the question asks of its one subject, as ``printed`` tells it: when no quoted sentence prints it, the
        first sentence that does where the review describes the subject joins the answer."""
        specific = self._specific(query)
        if len(specific) != 1 or answer.abstained or not answer.citations:
            return answer
        quoted = [s for _, _, s in self._quoted(answer)]
        if None in quoted or any(printed.search(s.text) for s in quoted):
            return answer
        found = self._described(query, specific[0], printed)
        return self._with_added(base, answer, query, quoted, found[:1])

    def _fact(self, base: Answer, question: str, query: Query, candidates: list[Candidate]) -> Answer:
        met = self._regimens_met_for_a_figure(base, query.text, query) if base.intent == "fact" else None
        answer = met or self.extractive.answer(question, query, candidates)
        if met is None:  # (a running text, made points; the meeting's points are its own)
            answer = answer.model_copy(update={"intent": base.intent, "points": self._named_points(answer)})
        if answer.abstained and EXTRACTIVE_GAP_RE.match(answer.answer) and \
                (described := self._endpoint_where_described(base, query)) is not None and (
                    answer.answer.endswith(f"does not report {NO_FIGURE_FOUND}.")
                    or figure_of_each(asked_measures(query.text), self._said(described))):
            # ('what was the pfs in MonarcHER?': its figures sit where the review describes it; a measure the step
            # named as missing is found there only with its own figure — not MonarcHER's PFS for an ORR asked)
            answer = described
        if answer.abstained:
            if "does not report" in answer.answer:
                return self._say_what_is_missing(base, answer, query, candidates)
            return answer
        if met is None:  # (where two regimens meet, their arms and results are told whole: only gaps are checked)
            answer = self._with_what_the_sentences_need(base, answer, query)
            answer = self._with_the_body_restating(base, answer, query)
            if base.intent == "yesno":
                answer = self._with_the_claim_restated(base, answer, query)
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
        missing = (attribute_gap(asked, self.analyzer, evidence) or quality_gap(asked, evidence)
                   or measured_gap(asked, self.analyzer, said)
                   or self._property_of_another(query, answer)
                   or arm_gap(query.text, said, arms) or count_gap(query.text, said) or duration_gap(query.text, said)
                   or stopping_gap(query.text, said) or per_count_gap(query.text, said)
                   or general_survival_gap(query.text, said, any(is_drug_name(e) or self.is_trial(e) for e in specific))
                   or (grade_gap(query.text, said) if base.intent == "fact" else "") or subgroup_gap(query.text, said)
                   or between_groups_gap(query.text, said)
                   # (an endpoint only the reading carried, 'what about brain mets, were they allowed in (… pfs)', is
                   # not asked of the brain)
                   or site_gap(without_reading_context(query.text), said, query.wants_number)
                   or (setting_gap(query.text, said) if self._specific(query) else "")
                   or (other_trials_figure(query.text, said, [a for e in specific if not is_drug_name(e)
                                                              for a in query.aliases.get(e, [e])])
                       if len(scope) == 1 and self.is_trial(scope[0]) and scope[0] not in query.carried else "")
                   or year_gap(query.text, said, dated := [query.aliases.get(e, [e]) for e in query.entities
                                                             # (who approves is no scope, nor the disease the whole
                                                             # review is about: 'for metastatic breast cancer')
                                                             if e not in query.common and e.lower() not in AGENCIES
                                                             and e.lower() not in REVIEW_DISEASE],
                               each=[n for n in dated if any(is_drug_name(a) for a in n)])
                   if base.intent in ("fact", "yesno") else "")
        if missing.startswith("the rate of") and not gaps and (giving := self._giving_the_rate(answer, question, query,
                                                                                            candidates)) is not None:
            # "what % of pts on T-DXd got interstitial lung disease": the figure sits further down the ranking, in
            # a sentence that goes on about T-DXd's trial ("Regarding adverse events, 13.6% of patients…")
            answer, missing = giving, ""
        # ('my mom's oncologist wants enhertu now that kadcyla stopped working. which trial showed it works …?')
        # ('in the CONTROL trial which antidiarrheal do they give': a name asked after where, as 'which antidiarrheal …')
        which = WHERE_TOLD_FIRST_RE.sub("", asked)
        if not missing and base.intent == "fact" and WHICH_RE.match(which) and (kind := asked_kind(which)):
            # (a drug named in another trial's sentence is not the one a named trial used: 'which antidiarrheal drug
            # did CONTROL use' is not answered by NALA's capecitabine)
            # (none of them quoted: whether the trial is described at all is checked below)
            of_trial = [t for t in said if any(mentions(t, query.aliases.get(e, [e])) for e in trials)] \
                if kind == "drug" and trials else said
            missing = self._unnamed(query, of_trial or said, kind, which)
            said = of_trial if missing and of_trial else said  # (what the review says of that trial is quoted)
            if missing and kind == "trial" and (named := self._trial_of_the_same_paper(query, answer)):
                # "which trial tested enhertu in her2-low": the quoted "Modi et al. showed … in patients considered
                # HER2-low [24]" names no trial; the sentence citing the same paper does (DESTINY-Breast04 [24])
                return self._quoting(base, query, named)
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
        # (an endpoint's figure asked of it is no row's: 'what PFS did enhertu + perjeta get in destiny breast 09')
        if not gaps and base.intent == "fact" and not (query.wants_number and asked_endpoints(query.text)) and \
                (row := self._only_its_row(query, specific, answer)) is not None:
            # "whats being tested in HER2CLIMB-04": a trial only a table names is told by its row, not by a sentence
            # of the text that shares the question's other words ("…ipatasertib is being tested in combination…")
            return row
        if not gaps:
            # (where two regimens meet, the measures asked were found in their trial's own results)
            answer = self._with_antecedents(base, answer if met else self._measure_covered(base, answer, query), query)
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
                       or self._given_for_another(gaps) or self._event_told_undated(gaps, query)
                       or closest_said(said, query.text))
            return self._decline(base, f"The review does not report {_join(gaps)}{where}. What it says: “{closest}”",
                                 missing=[f"{g}{where}" for g in gaps])
        return answer

    def _event_told_undated(self, gaps: list[str], query: Query) -> str:
        """'when did the fda approve nerlynx?': no year is given, but the review tells the approvals of the one drug
        asked ("…firstly approved by the FDA for the adjuvant therapy setting…", "…approved the use of neratinib as
        third-line therapy…") — those, up to two, joined; '' otherwise."""
        event = YEAR_ASKED_RE.search(query.text)
        drugs = [e for e in self._specific(query) if is_drug_name(e)]
        if gaps[:1] != ["the year"] or event is None or len(drugs) != 1:
            return ""
        stem = re.search(r"(approv|publish|introduc|discover|launch|licens|authori[sz])\w*\W*$", event.group(0), re.I)
        if stem is None:
            return ""
        told = [strip_markers(t.text).strip() for t in self.sentences.mentioning(query.aliases.get(drugs[0], drugs))
                if self.sentences.chunk(t).kind == "text" and re.search(stem.group(1), t.text, re.I)
                and self._speaks_of(t, drugs[0], query.aliases.get(drugs[0], drugs))]
        return "” … “".join(told[:2])

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

    def _decline(self, base: Answer, message: str, missing: list[str] | None = None) -> Answer:
        related = [r for r in base.retrieved if r.kind != "reference"][:3]
        return base.model_copy(update={"answer": message, "abstained": True, "related": related,
                                       "missing": missing or []})

    def _in_its_own_section(self, query: Query, candidates: list[Candidate]) -> list[Candidate]:
        """The retrieved passages inside the section whose title names the question's subject ('2.9
        Src', '2.1 PI3K/AKT/mTOR Pathway'), in retrieval order; [] when no title names it."""
        doc = self.corpus.primary
        for name in self._specific(query):
            aliases = [a.lower() for a in query.aliases.get(name, [name])]
            for section in doc.sections:
                title_words = set(re.split(r"[\s/,]+", section.title.lower()))
                # (a name of two words, 'cyclin d1', is titled as a phrase: "Cyclin D1/CDK4/CDK6")
                if section.kind == "body" and any(a in title_words or (" " in a and re.search(
                        rf"(?<![\w\-]){re.escape(a)}(?![\w\-])", section.title.lower())) for a in aliases):
                    return self._candidates_in(doc, section, candidates)
        if (subject := WHY_SUBJECT_RE.match(query.text)) and (words := words_of(subject.group("subject")) - FRAME_WORDS) \
                and not words <= self.sentences.everywhere:
            # "how do her2 mutations cause resistance?": a subject of no name, every word of it in one section's
            # title (2.6 HER2 Activating Mutations without Copy Number Gain), is explained there
            titled = [section for section in doc.sections if section.kind == "body" and words <= words_of(section.title)]
            if len(titled) == 1:
                return self._candidates_in(doc, titled[0], candidates)
        return []

    def _candidates_in(self, doc, section, candidates: list[Candidate]) -> list[Candidate]:
        """The candidates inside ``section`` of ``doc`` or its sub-headings, in retrieval order."""
        keys = self.sentences.descendants(doc, section.key)
        return [c for c in candidates if c.chunk.section in keys and c.chunk.source == doc.source]

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
                and not is_phase_numeral(e)]


# What a how-question says brings something about: 'how do <subject> cause / drive / lead to …'
WHY_SUBJECT_RE = re.compile(r"^\W*how (?:do|does|did|can|could|might|would) (?P<subject>[\w\-/+ ]{3,50}?) "
                            r"(?:cause|drive|lead to|confer|promote|induce|mediate|bring about|result in)\b", re.I)


WHY_ASKING_TERMS = frozenset({"mechanism", "mechanisms", "reason", "reasons", "rationale", "explain", "explains"})


# "list the subsections of section 2", "which topics does section 4 cover": a section's parts asked by name
SUBPARTS_ASKED_RE = re.compile(r"\b(?:sub-?sections?|sub-?topics?|sub-?headings?|topics|parts|headings)\b", re.I)


def _asks_for_its_parts(text: str, title: str) -> bool:
    """Does a list question ask for a section's parts: by that word, or by a plural its title names
    ('mechanisms' of 'Mechanisms of Resistance…', 'ADCs' of 'Novel Antibody-Drug Conjugates')?"""
    titled = {light_stem(w) for w in words_of(title)}
    return bool(SUBPARTS_ASKED_RE.search(text)) or any(
        len(w) > 3 and w.endswith("s") and light_stem(w) in titled for w in words_of(text) - FRAME_WORDS)

