"""Extractive, grounded answers: pick the review's own sentences, quote figures verbatim, cite
each sentence, and decline plainly when the review does not say."""

from __future__ import annotations

import re

from ..chunking import Chunk
from ..citations import NCT_RE, cited_references, strip_markers
from ..corpus import Corpus
from ..figures import has_figure
from ..query import (DRUG_SUFFIX_RE, FIGURE_SOURCE_RE, STOPWORDS, Query, light_stem, mentions, only_a_successor_named,
                     tokenize, without_reading_context)
from ..results import Answer, Citation, ReferenceInfo, Retrieved
from ..retrieval import LEADING_PRONOUN_RE, Candidate, ScoredUnit, is_generic
from ..store import Unit
from ..sentences import split_sentences
from ..settings import Settings
from ..vocabulary import BRANDS, HEAD_COUNT_NAMES
from .concepts import concept_groups, parts_covered
from .passages import words_of
from .coverage import NOT_RECEPTOR_STATUS
from .intent import DOSE_CUE, EXAMPLE_OF_CLASS_RE, SCHEDULE_ASKED_RE

NOT_IN_REVIEW = "The review does not say."
DRUG_RE = re.compile(r"\b[A-Za-z][a-z]+(?:" + DRUG_SUFFIX_RE.pattern[3:-2] + r")\b", re.IGNORECASE)

COMMON_CODES = {"HER2", "HER1", "HER3", "HER4", "EGFR", "PD-L1", "PD-1", "CTLA-4", "PI3K", "AKT", "MTOR", "CDK4",
                "CDK6", "DNA", "RNA", "FDA", "IHC", "FISH", "TKI", "TKIS", "ADC", "ADCS", "PFS", "ORR", "DFS"}
# 'how often is enhertu given?', 'how often do patients get tukysa?': how often a drug is given
SCHEDULE_CUE = (r"\bhow (?:often|frequently)\s+(?:(?:is|are|was|were|do|does|did|should|would|can)\s+)?(?:[\w\-]+\s+){0,4}?"
                r"(?:(?:given|administered|dosed|infused|injected)\b|(?:get|gets|got|take|takes|receive|receives)\s+"
                r"[\w\-]+\W*$)|\bdosing (?:schedule|interval)|\bschedule\b|\bevery how many\b|"
                # ('how many times a day in her2climb?', 'is it twice a day?')
                r"\bhow many times (?:a|per|each) (?:day|week|month|cycle)\b|\b(?:once|twice) (?:a|per) (?:day|week)\b")
# 'These findings collectively unveil…', 'These results suggest…': a sentence summing up the one before it
# A sentence going on about the study the one before it names ("Bose et al. found … [28]. This study identified …")
STUDY_GOES_ON_RE = re.compile(r"(?:This|These|That|Such) (?:study|studies|trial|trials|analysis|analyses|work|findings?|"
                              r"results|observations?)\b")
FINDINGS_BEFORE_RE = re.compile(r"(?:These|Such|Those|The(?:se)? above) (?:findings|results|data|observations)\b")
TRIAL_RE = re.compile(r"\b(?:[A-Z][A-Z0-9]{3,}(?:-[A-Za-z0-9]+)*|DESTINY-?\s?[Bb]reast\s?\d+)\b")
# A cause asked of a class, told of another member in another passage, joins the answer at this share of the best
# sentence's score (set on the two TKI sentences the review gives for brain metastases: 0.90 of each other)
CLASS_CAUSE_RATIO = 0.85
# A name and a topic typed together, asking nothing in particular of them ('tucatinib brain mets?', 'and brain mets
# in tucatinib?', 'tukysa and cns - any data?'): not a wh- or yes/no question, which asks one thing
TOPIC_OF_NAME_RE = re.compile(r"^\W*(?:(?:and|so|ok|okay|also|what about|how about)\W+)?"
                              r"(?!(?:what|whats|which|who|whom|whose|when|where|why|how|is|are|was|were|do|does|did|can|could|"
                              r"will|would|should|has|have|had)\b)", re.I)
# A sentence telling the asked topic again in the name's passage is added down to this share of the best score
TOPIC_AGAIN_RATIO = 0.5
# "Moreover, its small molecular size…", "It is…": a sentence whose subject is the one before it
OPENS_ON_PRONOUN_RE = re.compile(r"^\W*(?:(?:Moreover|Furthermore|Additionally|However|Also|Besides|Thus),?\s+)?"
                                 r"(?:it|its|they|their|this drug|this agent)\b", re.I)
# 'what were the actual numbers', 'os figures?', 'how many months': a figure itself is asked, not only the finding
FIGURES_ASKED_RE = re.compile(r"\b(?:numbers?|figures?|stats?|statistics|values?|exact|actual|median|mean|"
                              r"how (?:many|much|long))\b", re.I)
# A result told in words ('no differences in OS were observed', 'significantly improved PFS and OS'); a table
# row's 'Primary Endpoint: ORR' names an endpoint, not a finding
FINDING_RE = re.compile(r"\b(?:observed|improv\w+|differences?|similar|significant\w*|prolong\w+|reduc\w+|"
                        r"increas\w+|benefit\w*|worse|better)\b", re.I)
# 'HER2-low', 'HER2-positive': a status written like a trial's name, with a plain word after the hyphen
STATUS_NAME_RE = re.compile(r"[A-Z0-9]+(?:-[a-z]+)+")
# What a numeric question measures: (question cue, evidence cue, how to name it when absent).
MEASURES = {
    "dose": (re.compile(DOSE_CUE, re.I), re.compile(r"\d\s?mg\b|mg/kg", re.I), "a dose"),
    "patients": (re.compile(r"how many (?:patients|women|participants|people)(?!\s+(?:were|are|was|stayed)\s+(?:still\s+)?alive)|"
                            r"number of (?:patients|participants)|"
                            rf"(?:enrolled|{HEAD_COUNT_NAMES}|randomi[sz]ed)", re.I),
                 # '13.6% of patients presented ILD' answers "how many patients got ILD" (a head count
                 # enrolled or randomised is checked by coverage.count_gap)
                 re.compile(r"\d[\d,]*\s+(?:\S+\s+){0,7}?(?:patients|women|participants|cases)|"
                            r"\d\s?%\s+of\s+(?:\S+\s+){0,3}?(?:patients|women|participants|cases)|"
                            # 'included patients with … brain metastasis (approximately 45% in both arms)'
                            r"\b(?:patients|women|participants)\b[^.()]{0,80}\((?:approximately |about |around )?\d+(?:\.\d+)?\s?%", re.I),
                 "the number of patients"),
    "hazard": (re.compile(r"hazard ratio|\bHR\b" + NOT_RECEPTOR_STATUS), re.compile(r"hazard ratio|\bHR\b", re.I),
               "a hazard ratio"),
    "ic50": (re.compile(r"\bic50\b", re.I), re.compile(r"\bic50\b", re.I), "an IC50"),
    # 'how often is her2 heterogeneous', 'her2+ what % of all bc': a share, printed as a percentage — or, for a
    # disease, as a rate ('87.2 new occurrences for every 100,000 women', '12.6 cases')
    "share": (re.compile(r"\bhow (?:often|frequent(?:ly)?)\b|\bwhat (?:%|percent(?:age)?|proportion|share|fraction)"
                         r"|\b(?:frequency|prevalence)\b|%\s+of\b", re.I),
              re.compile(r"\d\s?%|\bpercent|\b(?:for every|per)\s+\d[\d,]*\b|\d\s+(?:new\s+)?(?:cases|occurrences)\b", re.I),
              "a percentage"),
    # 'how often is enhertu given?': how often a drug is given, printed as an interval ('every three weeks')
    # ('how often did pts get ILD on enhertu' asks how common ILD is: a drug got is the last word asked)
    "schedule": (re.compile(SCHEDULE_CUE, re.I),
                 re.compile(r"\bevery\s+(?:\w+\s+)?(?:weeks?|days?|months?)\b|\bq\d+w\b|\bweekly\b|\bdaily\b|"
                            r"\b(?:once|twice) (?:a|per|every)\b", re.I),
                 "how often it is given"),
    # 'til cutoff used in kate2?': the value a marker is called positive at, printed as a bound ('in more than 30% of
    # all tumoral cells', 'fewer than 50%')
    "cutoff": (re.compile(r"\bcut[\s-]?offs?\b|\bthresholds?\b", re.I),
               re.compile(r"\b(?:more|fewer|less|greater|higher|lower) than\s+\d|\bat least\s+\d|[≥≤<>]\s?\d|\bcut[\s-]?off|"
                          r"\bthreshold", re.I),
               "a cut-off"),
    # ('how much longer did ppl live on enhertu': how long they lived is overall survival)
    "os": (re.compile(r"overall survival|\bOS\b|\bstill alive\b|\balive (?:after|at)\b|"
                      r"\b(?:live|lived|living|survived?)\s+(?:\w+\s+)?longer\b|"
                      r"\blonger\s+(?:\w+\s+){0,2}(?:live|lived|survival)\b", re.I),
           re.compile(r"overall survival|\bOS\b|survival rate", re.I),
           "overall survival figures"),
    # 'what percent had their tumours shrink': tumour shrinkage is what a response rate counts
    "orr": (re.compile(r"response rate|\bORR\b|overall response|\bshr[iau]nk(?:s|age|ing)?\b", re.I),
            re.compile(r"response|\bORR\b", re.I), "a response rate"),
    "os_hazard": (re.compile(r"(?!)"), re.compile(r"(?!)"), "an overall-survival hazard ratio"),
    # 'what years is that rate from': the span of years data were collected over ('2016 to 2020')
    "years": (re.compile(r"\b(?:what|which) (?:years|period|time ?(?:frame|span|period))\b", re.I),
              re.compile(r"\b(?:19|20)\d\d\b"), "the years"),
    "deaths": (re.compile(r"\bdied\b|\bdeaths?\b|mortality", re.I), re.compile(r"\bdied\b|\bdeaths?\b|mortality|fatal", re.I),
               "deaths"),
}


STYLE_CUES = {
    "why": re.compile(r"\b(?:due to|because|lead(?:s|ing)? to|result(?:s|ing)? in|therefore|thus|since|"
                      r"responsible|rationale|explain|attributable|associated with|allow(?:s|ing)?|by)\b", re.I),
    "definition": re.compile(r"\b(?:is an?|are|is the|consists? of|composed|defined|refers? to|known as|"
                             r"designed|characteri[sz]ed)\b", re.I),
}


# ('in the CONTROL trial which antidiarrheal do they give': where, told first, then which)
WHERE_TOLD_FIRST_RE = re.compile(r"^\s*(?:so |and |ok )?(?:in|for|with|among|during) (?:the )?[\w\-+/]+(?: [\w\-+/]+){0,3}?,?\s+"
                                 r"(?=(?:which|what|name)\b)", re.I)
# "Which TKI was first approved…?", "what ADC has a DAR of eight?": the answer is a name of that kind.
ASKED_KIND_RE = re.compile(
    # ('which checkpoint receptors do ADCs upregulate' asks receptors: a noun after the verb is its subject)
    r"^\s*(?:so |and |ok )?(?:which|what|name (?:the|a|an)|(?:are )?(?:there )?any)\s+"
    # ('name the parts an ADC is made of': an article starts another noun phrase — the parts are asked, not ADCs)
    # (kind: what is asked for, without the words asking it — 'IGF-IR inhibitor' of "which IGF-IR inhibitor …")
    r"(?P<kind>(?:(?!(?:do|does|did|is|are|was|were|can|could|have|has|had|a|an)\b)[\w\-+/]+\s+){0,3}?"
    r"(?P<noun>drugs?|agents?|tkis?|adcs?|antibod(?:y|ies)|inhibitors?|compounds?|conjugates?|medications?|"
    r"(?:antidiarrh?o?eals?|antiemetics?)(?!\s+(?:drugs?|agents?|medications?|medicines?))|"
    # ('which trial for enhertu in her2-low?': a trial is asked for what it tested)
    r"trials?|stud(?:y|ies)))\b(?!\s+(?:of|with)\b)(?!(?<!trial)(?<!trials)(?<!study)(?<!studies)\s+for\b)", re.I)
DRUG_CODE_RE = re.compile(r"\bT-D\w+|\b[A-Z]{2,}-?\d{2,}[A-Z]?\b")
MIXED_CASE_NAME_RE = re.compile(r"\b[A-Za-z][a-z]+[A-Z]{2,}\w*\b")  # MonarcHER (and 'monarcHER' as typed)
# A class a "which <kind>…" question names must be the answer sentence's class too.
CLASS_CUES = {"adc": re.compile(r"\badc|antibody–drug conjugate|antibody-drug conjugate", re.I),
              "tki": re.compile(r"\btki|tyrosine kinase", re.I),
              "antibody": re.compile(r"antibody", re.I), "conjugate": re.compile(r"conjugate", re.I)}


ABSTRACT_PENALTY = 0.05
# below any sentence of near score: what the question set aside ranks after what it still asks about
SET_ASIDE_PENALTY = 0.2
# A table's one-line summary of every row, set below the row of the name asked of ('what are they comparing
# DESTINY-Breast09 against?': its row gives the control arm; the summary leaves long cells out)
TABLE_SUMMARY_PENALTY = 0.2
# A score or figure typed in the question ('what does a 3+ score mean', 'where is the 16.4 months from') that
# the review prints marks the sentence that answers: its words alone ('score', 'mean') point elsewhere
TYPED_FIGURE_RE = re.compile(r"(?<![\w.])(?:\d\+|\d+(?:\.\d+)?\s?%|\d+\.\d+)(?![\w.])")
# How far down the ranked sentences, and how close in score, one that covers more of a yes/no may come first
COVERAGE_REACH = 6
COVERAGE_SCORE_RATIO = 0.75
# "how common is intratumoral HER2 heterogeneity?": a rate asked is the rate of the thing asked, which the
# sentence giving it must speak to ("…heterogeneity … has been described in 16–36% of…"), not any share
RATE_ASKED_RE = re.compile(r"\bhow (?:common|prevalent|frequent|rare|often)\b|"
                           r"\bwhat (?:percent(?:age)?|share|proportion|fraction)\b", re.I)
# A sentence going on about the trial the one before named ("The trial demonstrated …", "This study showed …")
THE_TRIAL_OPENING_RE = re.compile(r"(?:The|This|That) (?:trial|study)\b")
# "In these cases, …" leans on the sentence before it
IN_THESE_RE = re.compile(r"In (?:these|this|such|those) (?:cases?|patients|settings?|situations?)\b")
EXPLANATION_RANKED = 5
RATIONALE_RE = re.compile(r"\b(?:rationale|supports? the (?:combination|use|hypothesis)|due to|because|attributable to|"
                          r"which explains|explained by|explains why)\b", re.I)  # "…, which explains its favorable toxicity"


# A statement quoted in a reference question, whose words the attributed sentence says
STATEMENT_RE = re.compile(r"\b(?:statement|claim|sentence|line|part|bit|point|finding|idea) (?:that|about|saying)\s+(.+?)\s*(?:[?.]|$)",
                          re.I)
# How far down the second stage's ranking a passage naming a trial with its marker competes for a reference
REFERENCE_REACH = 5
# How far down the ranking a property listed in a question is looked for
PROPERTY_REACH = 12
# Where one asked property ends and the next begins: 'ratio + median follow up', 'dose and schedule'
PROPERTY_JOIN_RE = re.compile(r"\s(?:\+|&|and|plus)\s|,\s*|\s/\s", re.I)
PROPERTY_FRAME = {"what", "whats", "which", "was", "were", "is", "are", "the", "of", "in", "for", "did", "does", "its",
                  "their", "trial", "study", "give", "tell", "me", "pls", "please", "median", "overall", "main"}


def listed_properties(question: str, names: list[str]) -> list[list[str]]:
    """The properties a question lists beside its subject ('her2climb randomization ratio + median follow up'
    → [['random'], ['follow']]), each by the stem of its telling word; [] when it lists fewer than two."""
    text = question.strip(" ?.!")
    if re.search(r"\b(?:what|whats|which|how|when|why|who|where|does|did|is|are|was|were|can)\b", text, re.I):
        return []  # a clause asks its own question (split into parts elsewhere); only terse lists of properties here
    for name in sorted(names, key=len, reverse=True):
        text = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", " ", text, flags=re.I)
    pieces = []
    for piece in PROPERTY_JOIN_RE.split(text):
        words = [w for w in re.findall(r"[a-z][a-z\-]+", piece.lower()) if w not in PROPERTY_FRAME and len(w) >= 3
                 and not is_generic(w)]
        if words:
            # the longest word is the telling one ('randomization' of 'randomization ratio': a hazard ratio is no answer)
            longest = max(words, key=len)
            pieces.append([longest[:6] if len(longest) > 6 else longest])
    return pieces if len(pieces) >= 2 else []


# What a figure asked is called when no sentence about the names asked gives one
NO_FIGURE_FOUND = "that figure"


# Endpoints asked by name, each printed beside its own figure (not 'share', which any percentage gives, nor a dose
# read from "how much")
NAMED_MEASURES = ("os", "orr", "hazard")


def gives_asked_figure(text: str, measures: list[re.Pattern]) -> bool:
    """Does the text give a figure of one of the measures asked — any figure when none is ('how often was the
    toxicity of enhertu fatal')? (``has_figure`` reads past citation markers.)"""
    return has_figure(text) and (not measures or any(m.search(text) for m in measures))


# How far back in its paragraph a finding's trial may be named ("…the KATHERINE trial [41]. This was a phase III study
# … Patients were randomized … In this setting, T-DM1 improved invasive DFS…")
TRIAL_NAMED_REACH = 3


def trial_names(text: str) -> list[str]:
    """Trial-shaped names in ``text``: capitals and digits (NALA, HER2CLIMB-04) or mixed case (MonarcHER)."""
    return TRIAL_RE.findall(text) + MIXED_CASE_NAME_RE.findall(text)


def is_drug_name(name: str) -> bool:
    """A drug by its printed name (-mab, -nib…), its T-D code, or a brand the user typed."""
    return bool(DRUG_RE.fullmatch(name.split()[0]) or name.lower() in BRANDS or re.match(r"T-D", name))


def asked_kind(question: str) -> str:
    """'drug' or 'trial' when the question asks which one of that kind; '' otherwise."""
    match = ASKED_KIND_RE.search(question)
    if not match:
        return ""
    # "which TKI trials…": the last noun of the compound is what is asked
    trial_head = re.match(r"\s+(?:trials?|stud(?:y|ies))\b", question[match.end():], re.I)
    return "trial" if match.group("noun").lower().startswith(("trial", "stud")) or trial_head else "drug"


def kind_asked_as(question: str) -> str:
    """The words asking which kind ('cdk4/6 inhibitor' of "which cdk4/6 inhibitor …"), '' when none."""
    match = ASKED_KIND_RE.search(question)
    return match.group("kind") + match.group("noun") if match else ""


def parts_besides_kind(query: Query, asked_as: str) -> list[frozenset[str]]:
    """The question's concept groups, less those of the kind asked ('which trial …': every answer names a trial)."""
    groups = concept_groups(query.text, query.aliases)
    if not asked_as:
        return groups
    kind_words = words_of(asked_as)
    return [g for g in groups if not g & kind_words]


# The hazard ratio OF overall survival ('os hr', 'hazard ratio for OS') — not 'median pfs, HR and 2yr OS',
# which asks for a hazard ratio and for OS side by side
OS_HAZARD_ASKED_RE = re.compile(r"\b(?:os|overall survival)\s+(?:hr|hazard)|\b(?:hr|hazard ratios?)\s+(?:for|of|in|on)\s+"
                                r"(?:the\s+)?(?:os|overall survival)\b", re.I)


def names_of_kind(text: str, kind: str) -> list[str]:
    """Drug or trial names in ``text`` (the review's naming patterns, not a list of its drugs)."""
    if kind == "trial":
        return [n for n in TRIAL_RE.findall(text) if n.upper() not in COMMON_CODES and not is_generic(n)]
    return [m.group(0) for m in DRUG_RE.finditer(text)] + [
        n for n in DRUG_CODE_RE.findall(text) if n.upper() not in COMMON_CODES and not NCT_RE.fullmatch(n)]


LEANS_BACK_RE = re.compile(r"(?:Consequently|Therefore|Thus|Hence|For this reason|As a result|This|These|"
                           r"Such|Accordingly|In this sense|In this setting|Herein|In this (?:trial|study))\b|"
                           # ('Aberrations or genetic alterations in this gene…', 'Hyperactivation of this signaling
                           # pathway…': what 'this' names is the sentence before's, not the review's own 'this review')
                           r"^(?:\w+\W+){0,4}(?:based on|given|with|from|for|in|of|on) (?:this|these|that|such)\b"
                           r"(?!\s+(?:review|paper|article)\b)", re.I)


# A sentence that names its point only in general ("… may be attributable to its pharmaceutical properties.")
# leaves the point itself to the next sentence, which comes too.
LEANS_FORWARD_RE = re.compile(r"\b(?:attributable|attributed|due|owing|related|linked)\s+to\s+(?:its|their|some|several|"
                              r"certain|various|different|multiple|a number of|these|the following|two|three)\s+"
                              r"(?:[\w\-]+\s+){0,3}?(?:properties|characteristics|features|factors|reasons|mechanisms|"
                              r"differences|aspects|advantages)\W*(?:\[[\d,\s–-]+\])?\W*$|\b(?:the following|as follows)\W*$", re.I)
CAUSAL_BACK_RE = re.compile(r"(?:Consequently|Therefore|Thus|Hence|For this reason|As a result|Accordingly)\b", re.I)
ADDITIVE_RE = re.compile(r"(?:Additionally|Moreover|Furthermore|In addition|Also)\b", re.I)


def question_style(question: str) -> str:
    lowered = question.lower().strip()
    if re.match(r"(?:why|how does|how do|how can|how might|what is the (?:rationale|reason|mechanism)|what explains)", lowered) \
            or "rationale" in lowered or "reason" in lowered:
        return "why"
    if re.match(r"(?:what (?:is|are) (?:an? |the )?[\w\-–/ ]{1,40}\??$|define|what does .* (?:mean|stand for)|"
                r"what (?:is|are) (?:an? )?[\w\-–/]+ and)", lowered):
        return "definition"
    return ""


def asked_measures(question: str) -> list[str]:
    asked = [name for name, (cue, _, _) in MEASURES.items() if cue.search(question)]
    if "dose" in asked and "share" in asked and not MEASURES["share"][0].search(SCHEDULE_ASKED_RE.sub("", question)):
        asked.remove("share")
    if "schedule" in asked and "share" in asked:
        asked.remove("share")  # 'how often is it given' asks an interval, not how common something is
    return asked




def retrieved_list(candidates: list[Candidate], limit: int) -> list[Retrieved]:
    return [Retrieved(chunk_id=c.chunk.id, section=c.chunk.section, kind=c.chunk.kind,
                      score=round(c.score, 4), text=c.chunk.text) for c in candidates[:limit]]


def _trials_told(text: str) -> set[str]:
    """The trials a sentence tells by name, called a trial or study beside it ("the EGF1001515 phase III trial",
    "Another phase III trial (EGF104900 Study)") — not a compound's code ("In a phase I study …, ZW25 …")."""
    return {name for name in TRIAL_RE.findall(text) if name.upper() not in COMMON_CODES and re.search(
        rf"\b{re.escape(name)}\W+(?:[\w\-]+\W+){{0,2}}?(?:trials?|study)\b|\b(?:trials?|study)\W+\(?{re.escape(name)}\b", text)}


class ExtractiveAnswerer:
    def __init__(self, settings: Settings, corpus: Corpus):
        self.settings = settings
        self.corpus = corpus
        self._trials_called: dict[str, bool] = {}

    # ---- public -------------------------------------------------------------------------------
    def pool(self, candidates: list[Candidate], query: Query | None = None) -> list[Candidate]:
        """The passages answers are drawn from. Measured on the eval set: drawing most of them in
        fusion order while showing them in second-stage order gives the best answers and ranking.
        An explanation's pool holds no bibliography entry: none could be quoted as a cause or a meaning
        (for other questions, dropping them changed answers both ways on dev: +3 −2)."""
        if query is not None and not query.wants_reference and query.intent in ("why", "definition"):
            candidates = [c for c in candidates if c.chunk.kind != "reference"] or candidates
        if self.settings.answer_pool == "fused":
            # The second stage's favourite always competes; the rest come in fusion order.
            lead = candidates[:1]
            rest = [c for c in sorted(candidates, key=lambda c: -c.fused) if c not in lead]
            pool = (lead + rest)[: self.settings.top_k]
            if query is not None and not query.wants_reference and \
                    sum(c.chunk.kind == "reference" for c in pool) > self.settings.top_k // 2:
                # bibliography titles full of the question's words ('HER2-positive breast cancer') took most
                # places, yet none can be quoted for a clinical question: the second stage's next passages join
                pool += [c for c in candidates[: self.settings.top_k] if c not in pool and c.chunk.kind != "reference"]
            if query is not None and query.set_aside and sum(mentions(c.chunk.text, query.set_aside) for c in pool) > 1:
                # 'besides enhertu, is anything else tested in her2-low?': places taken by passages about what was set
                # aside leave room for the second stage's next passages that are not
                pool += [c for c in candidates[: self.settings.top_k + 2] if c not in pool
                         and not mentions(c.chunk.text, query.set_aside) and c.chunk.kind != "reference"]
            if query is not None:
                pool = self._each_name_asked(query, pool, candidates)
            if query is not None and query.wants_number:
                pool = self._named_trial_first(query, pool, candidates)
                pool = self._results_beside_rows(query, pool, candidates)
                pool = self._measure_where_ranked(query, pool, candidates)
            if query is not None and query.intent == "why":
                # a rationale the second stage ranks high ("Preclinical evidence supports the combination
                # … due to …") competes even when fusion left its passage out
                pool += [c for c in candidates[:EXPLANATION_RANKED] if c not in pool
                         and any(RATIONALE_RE.search(u.unit.text) for u in c.units)]
            return pool
        return candidates[: self.settings.top_k]

    def _named_trial_first(self, query: Query, pool: list[Candidate], candidates: list[Candidate]) -> list[Candidate]:
        """A figure asked of a named trial is answered from the passages that name it: table rows of other
        trials (which hold no results) that won places on shared words ('PFS', 'T-DXd') give them up to
        text passages naming it that the second stage ranks among its best; and a trial no text passage of the pool
        gives a figure of gets the best-ranked one naming it."""
        trials = [e for e in query.entities if names_of_kind(e, "trial") == [e] and not is_drug_name(e)
                  and not STATUS_NAME_RE.fullmatch(e) and self._called_a_trial(e)]
        if not trials:
            return pool

        def names_asked(cand: Candidate) -> bool:
            # (a successor's row, PATRICIA-II's, is about the trial as well: it may be what is asked)
            return all(mentions(cand.chunk.text, query.aliases.get(t, [t])) for t in trials)

        others = [c for c in pool if c.chunk.kind in ("table_row", "table") and not names_asked(c)]
        waiting = [c for c in candidates[: self.settings.top_k] if c not in pool
                   and c.chunk.kind not in ("table_row", "table", "reference") and names_asked(c)]
        if others and waiting:
            given_up = others[-len(waiting):]
            pool = [c for c in pool if c not in given_up] + waiting[: len(given_up)]
        # ('monarcher vs patricia … how many pts in each': a trial no text passage of the pool gives a figure of —
        # "In this setting, MonarcHER and PATRICIA are two phase II trials…" only names them —, while the second
        # stage ranks one naming it among its best, is told by that one)
        measures = [MEASURES[m][1] for m in asked_measures(query.text)]
        for trial in trials:
            aliases = query.aliases.get(trial, [trial])
            if not any(c.chunk.kind == "text" and any(mentions(u.unit.text, aliases) and gives_asked_figure(
                    u.unit.text, measures) for u in c.units) for c in pool):
                pool += [c for c in candidates[: self.settings.top_k] if c not in pool
                         and c.chunk.kind == "text" and mentions(c.chunk.text, aliases)][:1]
        return pool

    def _each_name_asked(self, query: Query, pool: list[Candidate], candidates: list[Candidate]) -> list[Candidate]:
        """A name asked that no passage of the pool names ('is ipatasertib approved…?': fusion kept the passages on FDA
        approvals) is looked for among the second stage's best: the first passage there with a sentence about it (naming
        it among its first words, not in passing: "…the results of the MARIANNE and TH3RESA trials") joins the pool."""
        def about(cand: Candidate, aliases: list[str]) -> bool:
            return cand.chunk.kind != "reference" and any(mentions(" ".join(u.unit.text.split()[:8]), aliases)
                                                          for u in cand.units)

        for entity in query.entities:
            if is_generic(entity) or entity in query.common or self._called_a_trial(entity):
                continue  # (a trial asked is found where it is described, by the steps after this one)
            aliases = query.aliases.get(entity, [entity])
            if any(c.chunk.kind != "reference" and mentions(c.chunk.text, aliases) for c in pool):
                continue
            naming = next((c for c in candidates[: 2 * self.settings.top_k] if c not in pool and about(c, aliases)), None)
            if naming is not None:
                pool = pool + [naming]
        return pool

    def _results_beside_rows(self, query: Query, pool: list[Candidate], candidates: list[Candidate]) -> list[Candidate]:
        """A figure asked of a drug whose ongoing trials fill most of the pool ('what response rate did enhertu
        get?': four Table 2 rows) is looked for in the text too: rows hold no results, so the passages the second
        stage ranks among its best that name the drug join the pool."""
        specific = [a for e in query.entities if not is_generic(e) for a in query.aliases.get(e, [e])]
        rows = [c for c in pool if c.chunk.kind in ("table_row", "table")]
        measures = [MEASURES[m][1] for m in asked_measures(query.text)]
        # (bibliography entries give no result either)
        if not specific or len(rows) + sum(c.chunk.kind == "reference" for c in pool) <= len(pool) // 2:
            return pool
        if any(c not in rows and c.chunk.kind != "reference" and mentions(c.chunk.text, specific)
               and gives_asked_figure(c.chunk.text, measures) for c in pool):
            return pool  # the pool already holds a passage giving the drug's figure
        return pool + [c for c in candidates[: self.settings.top_k] if c not in pool
                       and c.chunk.kind not in ("table_row", "table", "reference") and mentions(c.chunk.text, specific)]

    def _measure_where_ranked(self, query: Query, pool: list[Candidate],
                              candidates: list[Candidate]) -> list[Candidate]:
        """A measure asked by name ('whats the orr in her2-low') that no passage of the pool gives beside what the
        question names is looked for among the passages the second stage ranks among its best: fusion may rank a
        passage low for sharing few words with the question (SYD985's phase I/Ib ORR in HER2-low tumours) while the
        pool is full of passages that share the words but hold no such figure."""
        # (an endpoint by name: any percentage would answer 'what % of …', which the pool may rightly lack)
        measures = [MEASURES[m][1] for m in asked_measures(query.text) if m in NAMED_MEASURES]
        # (a population asked alone, 'in her2-low', is what the figure must be given in)
        named = [e for e in query.entities if not is_generic(e)] or query.entities
        specific = [a for e in named for a in query.aliases.get(e, [e])]
        if not measures or not specific:
            return pool

        def gives(c: Candidate) -> bool:
            return c.chunk.kind != "reference" and mentions(c.chunk.text, specific) \
                and any(gives_asked_figure(u.unit.text, measures) for u in c.units)
        if any(gives(c) for c in pool):
            return pool
        return pool + [c for c in candidates[: self.settings.top_k] if c not in pool and gives(c)]

    def _called_a_trial(self, name: str) -> bool:
        """Does the review call this name a trial or study ('the PATRICIA trial', 'Trial Name: DESTINY-Breast 09')?"""
        if name not in self._trials_called:
            cue = re.compile(rf"(?:trials?|study|studies)\W+(?:\w+\W+){{0,2}}{re.escape(name)}\b|"
                             rf"\b{re.escape(name)}\W+(?:\w+\W+){{0,3}}(?:trials?|study)\b", re.I)
            self._trials_called[name] = any(cue.search(c.text) for c in self.corpus.chunks if c.kind != "reference")
        return self._trials_called[name]

    def answer(self, question: str, query: Query, candidates: list[Candidate]) -> Answer:
        top = self.pool(candidates, query)
        retrieved = retrieved_list(candidates, max(self.settings.top_k, 10))
        base = Answer(question=question, answer="", retrieved=retrieved, resolved_question=query.text)
        if query.unknown:
            names = _join([f"{u}" for u in query.unknown])
            return self._decline(base, top, f"The review does not mention {names}.")
        if not top:
            return self._decline(base, top, NOT_IN_REVIEW)
        if query.wants_reference:
            # the second stage's top three compete too: the attributed sentence may sit in a passage
            # the answer pool left out for overlapping its neighbour
            answer = self._reference_answer(base, query, top + [c for c in candidates[:3] if c not in top]
                                            + self._trial_cited_where_named(query, candidates[3:REFERENCE_REACH], top))
            if answer is not None:
                return answer
        units = self._rank_units(query, top)
        if not units:
            return self._decline(base, top, NOT_IN_REVIEW)
        if query.wants_number:
            with_figures = [u for u in units if has_figure(u[1].unit.text)]
            focused = [u for u in with_figures if self._about(query, u)]
            measures = asked_measures(query.text)
            missing = [m for m in measures if not any(MEASURES[m][1].search(u[1].unit.text) for u in focused[:6])]
            if missing and not FIGURES_ASKED_RE.search(query.text):
                # "what was the os in nala?": "no differences in OS were observed" answers it without a figure
                # ("what were the actual os numbers" asks for one)
                plain = [u for u in units[:12] if u not in with_figures and u[0].chunk.kind not in ("table_row", "table")
                         and FINDING_RE.search(u[1].unit.text) and self._about(query, u)]
                stated = {m: next((u for u in plain if MEASURES[m][1].search(u[1].unit.text)), None) for m in missing}
                focused += [u for u in stated.values() if u is not None and u not in focused]
                missing = [m for m in missing if stated[m] is None]
            if "hazard" in measures and "os" in measures and not missing and OS_HAZARD_ASKED_RE.search(query.text) and not any(
                    MEASURES["hazard"][1].search(u[1].unit.text) and MEASURES["os"][1].search(u[1].unit.text)
                    for u in focused[:6]):
                missing = ["os_hazard"]  # a hazard ratio for another endpoint is not the one asked
            if (query.entities and not focused) or (focused and missing):
                names = _join([e for e in query.entities if not is_generic(e)][:2] or query.entities[:2])
                what = MEASURES[missing[0]][2] if missing else NO_FIGURE_FOUND
                return self._decline(base, top, f"The review mentions {names} but does not report {what}.")
            if measures:
                focused.sort(key=lambda u: -sum(bool(MEASURES[m][1].search(u[1].unit.text)) for m in measures))
            units = (focused or with_figures or units) + [u for u in units if u not in (focused or with_figures)]
        if query.intent in ("yesno", "fact") and not query.wants_number and not query.comparison:
            units = self._the_drug_asked_first(query, units)
        if query.intent == "yesno" or (query.intent == "fact" and RATE_ASKED_RE.search(query.text)):
            units = self._covering_most_first(query, units)
        elif query.intent in ("", "fact") and (kind := asked_kind(query.text)):
            # "which trial is trying to fix nerlynx's diarrhea?": of the sentences naming a trial, the one that speaks
            # to the rest of what is asked (read with the sentence it leans on: "…diarrhea… Therefore, the CONTROL
            # trial…") names it, not one that only shares the drug's name (NALA's)
            # (the words naming the kind asked, 'cdk4/6 inhibitor', are what every candidate answer is: no part to cover)
            units = self._covering_most_first(query, units, lambda cand, unit: self._names_new(
                query, cand.chunk, unit.unit, kind), reach=2 * COVERAGE_REACH, asked_as=kind_asked_as(query.text))
        elif query.intent == "fact" and not query.wants_number:
            # ('quality of life with kadcyla?': of a name and a topic, the sentence saying
            # both — "T-DM1 presented … an improved quality of life" — before one that only names the drug; a fact
            # of more parts, 'katherine tldr (n, arms, idfs)', is told by its own steps)
            units = self._covering_most_first(query, units, fewest=2, most=2)
        if causes_of_each(query):
            # "why do tkis like tykerb and tukysa reach brain mets": a sentence naming both drugs is no cause of either;
            # the sentences giving a cause come first, each drug's then covered in turn
            units = [u for u in units if STYLE_CUES["why"].search(u[1].unit.text)] + \
                [u for u in units if not STYLE_CUES["why"].search(u[1].unit.text)]
        best = units[0][1].score
        chosen = [units[0]]
        if self._style(query) and self.settings.answer_max_sentences > 1:
            chosen = self._with_next_sentence(chosen)
        chosen = self._choose(query, units, best, chosen)
        if query.intent == "fact":
            chosen = self._with_each_property(query, units, chosen)
        if query.intent in ("", "fact") and asked_kind(query.text) == "trial":
            chosen = self._with_the_trial_it_belongs_to(query, units, chosen)
        if query.intent == "fact":
            chosen = self._with_the_topic_told_again(query, units, chosen)
        return self._compose(base, self._with_typed_figures(query, units, chosen), query)

    def _the_drug_asked_first(self, query: Query, units):
        """'palbo + herceptin worth it in hr-negative her2+?': the one drug asked that the review seldom names
        (palbociclib, not the trastuzumab it is given with) is what the answer is about; a sentence saying the rest of
        the question of another drug ("…everolimus, trastuzumab, and paclitaxel can improve PFS in patients with …
        HR-negative and HER2-positive…") comes after those about it (naming it, or going on from one that does)."""
        drugs = [e for e in query.entities if is_drug_name(e) and e not in query.common and not is_generic(e)]
        if len(drugs) != 1 or not units:
            return units
        head = units[:COVERAGE_REACH]
        about = [pair for pair in head if self._about_all(query, pair, drugs)]
        if not about or head[0] in about:
            return units
        return about + [pair for pair in units if pair not in about]

    def _with_each_property(self, query: Query, units, chosen):
        """'her2climb randomization ratio + median follow up?': each property listed is a part of the
        question; one no chosen sentence speaks to gets the best-ranked sentence about the same subject
        that does ("…were randomized 2:1 to receive tucatinib or placebo…")."""
        properties = listed_properties(query.text, [a for e in query.entities for a in query.aliases.get(e, [e])])
        if len(properties) < 2:
            return chosen
        chosen = list(chosen)
        for stems in properties:
            said = " ".join(u.unit.text.lower() for _, u in chosen)
            if any(re.search(rf"\b{re.escape(stem)}", said) for stem in stems):
                continue
            speaking = next((pair for pair in units[:PROPERTY_REACH] if pair not in chosen and self._about(query, pair)
                             and any(re.search(rf"\b{re.escape(stem)}", pair[1].unit.text.lower()) for stem in stems)), None)
            if speaking is not None:
                chosen.append(speaking)
        return chosen

    def _with_the_topic_told_again(self, query: Query, units, chosen):
        """'tucatinib brain mets?': a topic asked of one name, which the name's passage tells twice — the drug's CNS
        activity ("…crossing of the brain–blood barrier…") and its trial's patients ("…this trial included patients
        with active and treated brain metastasis…") — gets each sentence of that passage holding the whole topic, not
        the best alone (the second names the drug only through "this trial")."""
        names = [e for e in query.entities if not is_generic(e) and e not in query.common]
        if query.wants_number or len(names) != 1 or len(chosen) >= self.settings.answer_max_sentences or \
                not TOPIC_OF_NAME_RE.match(query.text):
            return chosen
        aliases = query.aliases.get(names[0], [names[0]])
        topic = concept_groups(query.text, {names[0]: aliases})[1:]
        if not topic:
            return chosen
        best = chosen[0][1].score
        chosen = list(chosen)
        for cand, unit in units[1:COVERAGE_REACH]:
            if len(chosen) >= self.settings.answer_max_sentences:
                break
            text = unit.unit.text.lower()
            if unit.score < TOPIC_AGAIN_RATIO * best or parts_covered(topic, unit.unit.text) < len(topic) or \
                    any(unit.unit.id == u.unit.id or _overlap(text, u.unit.text.lower()) > 0.6 for _, u in chosen):
                continue
            if re.match(r"(?:These|Those|Such|They|Their)\b", unit.unit.text):
                continue  # ("These drugs inhibit cellular growth…": said of a class the name is one of)
            paragraph, _ = self._paragraph_around(cand.chunk, unit.unit.start)
            # (a paragraph naming it only in a bracketed list, "(lapatinib, neratinib, and tucatinib)", is the class's)
            told = re.sub(r"\([^()]*,[^()]*\)", " ", " ".join(text for _, _, text in paragraph))
            if mentions(told, aliases) and not (names_of_kind(unit.unit.text, "trial") or any(
                    is_drug_name(w) and not mentions(w, aliases) for w in re.findall(r"[\w\-]+", unit.unit.text))):
                chosen.append((cand, unit))
        return chosen

    def _with_the_trial_it_belongs_to(self, query: Query, units, chosen):
        """'which trial showed the idfs benefit of kadcyla': the sentence giving the finding ("In this setting, T-DM1
        improved invasive DFS…") may name no trial; its trial is the one its paragraph named last before it ("…based
        on the results of the KATHERINE trial"), which is put before it."""
        groups = parts_besides_kind(query, kind_asked_as(query.text))
        if not groups:
            return chosen
        finding = max(chosen, key=lambda pair: (parts_covered(groups, pair[1].unit.text), -chosen.index(pair)))
        if names_of_kind(finding[1].unit.text, "trial"):
            return chosen
        if (named := self._trial_named_before(finding, units, chosen)) is not None:
            return chosen if named is True else [named] + list(chosen)
        # ('which trial got enhertu approved': "In 2019, based on these results, FDA granted…" sits too far from any
        # trial's name; another finding saying as much — "These results led to the accelerated approval of T-DXd" —
        # follows DESTINY-Breast01 closely)
        covered = parts_covered(groups, finding[1].unit.text)
        for other in units[:COVERAGE_REACH]:
            if other in chosen or parts_covered(groups, other[1].unit.text) < covered or not self._about(query, other):
                continue
            if (named := self._trial_named_before(other, units, [other])) not in (None, True):
                return [named, other]
        return chosen

    def _trial_named_before(self, finding, units, chosen):
        """The sentence naming a trial that the finding's paragraph gives shortly before it (True when it is chosen
        already), else None."""
        sentences, here = self._paragraph_around(finding[0].chunk, finding[1].unit.start)
        if here is None:
            return None
        for start, end, text in reversed(sentences[max(0, here - TRIAL_NAMED_REACH):here]):
            if names_of_kind(text, "trial"):
                if any(pair[1].unit.start == start for pair in chosen):
                    return True
                return next((pair for pair in units if pair[1].unit.start == start), None) or \
                    self._sentence_at(start, end, text)
        return None

    def _sentence_at(self, start: int, end: int, text: str) -> tuple[Candidate, ScoredUnit] | None:
        """The review's sentence at ``start``, quoted from a passage that holds it whole."""
        chunk = next((c for c in self.corpus.chunks if c.kind == "text" and c.start <= start and end <= c.end), None)
        if chunk is None:
            return None
        return Candidate(chunk=chunk, fused=0.0), ScoredUnit(Unit("", chunk.id, start, end, text), 0.0, 0.0, 0.0, 0.0)

    def _covering_most_first(self, query: Query, units, eligible=None, reach: int = COVERAGE_REACH, asked_as: str = "",
                             fewest: int = 3, most: int | None = None):
        """A yes/no is settled by the sentence that speaks to most of what is asked ("…if patients presented
        local progression, treatment could be continued after local therapy" for "can she keep taking tukysa
        if her brain spots grow and she gets radiation"), not by one repeating a single part's words."""
        groups = parts_besides_kind(query, asked_as)
        if len(groups) < fewest - bool(asked_as) or (most is not None and len(groups) > most):
            return units
        # (a sentence two passages hold is one sentence: its second copy takes no place)
        head, seen = [], set()
        for pair in units:
            if len(head) == reach:
                break
            if pair[1].unit.text not in seen:
                seen.add(pair[1].unit.text)
                head.append(pair)

        def said(cand, unit) -> str:
            # "In these cases, …" says its part together with the sentence it leans on
            text = unit.unit.text
            if LEANS_BACK_RE.match(text) or LEADING_PRONOUN_RE.match(text) or IN_THESE_RE.match(text):
                return " ".join(self._previous_sentences(cand.chunk, unit.unit.start, 1) + [text])
            return text
        # a sentence that goes on about a name asked ("Regarding adverse events, 13.6% of patients…" in the
        # paragraph on T-DXd's trial) speaks to it without repeating it
        named = " ".join(e for e in query.entities if not is_generic(e))
        covered = [parts_covered(groups, said(cand, unit) + (f" {named}" if self._about(query, (cand, unit)) else ""))
                   for cand, unit in head]
        competing = [i for i in range(len(head)) if eligible is None or eligible(*head[i])]
        if not competing or competing[0] != 0:
            # (the best sentence naming none of the kind sets the scene — "On the other hand, the randomized
            # PATRICIA trial…" —, and the one after it names what is asked: the order stands)
            return units
        best = max(competing, key=lambda i: (covered[i], -i))
        if query.wants_number and not has_figure(head[best][1].unit.text):
            return units  # a figure asked is answered by a sentence that gives one
        if best and covered[best] > covered[0] and head[best][1].score >= COVERAGE_SCORE_RATIO * head[0][1].score:
            return [head[best]] + [u for u in units if u is not head[best]]
        return units

    @staticmethod
    def _with_typed_figures(query: Query, units, chosen):
        """A score or figure typed in the question is a part of it: when no chosen sentence prints it, the
        best one that does comes too ('what does a 3+ score mean' → "…defined as intense (3+) when…")."""
        for figure in TYPED_FIGURE_RE.findall(query.text):
            if any(figure in u.unit.text for _, u in chosen):
                continue
            printing = next((pair for pair in units[:12] if figure in pair[1].unit.text), None)
            if printing is not None:
                chosen = chosen + [printing]
        return chosen

    @staticmethod
    def _style(query: Query) -> str:
        """'why' and 'definition' answers continue into the next sentence; the planner's intent wins."""
        if query.intent in ("why", "definition"):
            return query.intent
        return question_style(query.text) if not query.intent else ""

    def _with_next_sentence(self, chosen):
        """Explanations continue in the next sentence ("ADCs are … They are composed of …"); a
        sentence opening with "Consequently"/"This" leans on the previous one, which comes too."""
        cand, unit = chosen[0]
        units = cand.units
        index = next((i for i, u in enumerate(units) if u.unit.id == unit.unit.id), None)
        if index is None:
            return chosen
        picked = list(chosen)
        if index > 0 and LEANS_BACK_RE.match(unit.unit.text):
            picked.append((cand, units[index - 1]))
        if index + 1 < len(units):
            picked.append((cand, units[index + 1]))
        # "Additionally, PAM50 … For this reason, PATRICIA-II …": a reason given as findings joined by
        # "Additionally"/"Moreover" starts at the first of them, which comes too
        last = max(i for i, u in enumerate(units) if any(u.unit.id == p[1].unit.id for p in picked))
        first = min(i for i, u in enumerate(units) if any(u.unit.id == p[1].unit.id for p in picked))
        if CAUSAL_BACK_RE.match(units[last].unit.text) and first > 0 and ADDITIVE_RE.match(units[first].unit.text):
            picked.insert(0, (cand, units[first - 1]))
        seen: set[str] = set()
        return [p for p in picked if not (p[1].unit.id in seen or seen.add(p[1].unit.id))]

    # ---- selection ----------------------------------------------------------------------------
    def _rank_units(self, query: Query, top: list[Candidate]) -> list[tuple[Candidate, ScoredUnit]]:
        pairs = []
        style = self._style(query)
        kind = asked_kind(query.text) if query.intent in ("", "fact") else ""
        specific = [a for e in query.entities if not is_generic(e) for a in query.aliases.get(e, [e])]
        named_rows = query.intent not in ("list", "table", "overview") and any(
            c.chunk.kind == "table_row" and specific and mentions(c.chunk.text, specific) for c in top)
        for rank, cand in enumerate(top):
            if cand.chunk.kind == "reference" and not query.wants_reference:
                continue  # a bibliography entry is not an answer to a clinical question
            for unit in cand.units:
                bonus = 0.04 * (len(top) - rank) / len(top)
                if style and STYLE_CUES[style].search(unit.unit.text):
                    bonus += 0.06
                if kind and self._names_new(query, cand.chunk, unit.unit, kind):
                    bonus += 0.08
                if style == "why" and cand.chunk.kind == "abstract":
                    bonus -= ABSTRACT_PENALTY  # the abstract summarises; the body says why
                if query.set_aside and mentions(unit.unit.text, query.set_aside):
                    bonus -= SET_ASIDE_PENALTY  # 'besides enhertu, …': a sentence about enhertu is what was not asked
                if named_rows and cand.chunk.kind == "table":
                    bonus -= TABLE_SUMMARY_PENALTY
                pairs.append((cand, ScoredUnit(unit.unit, unit.score + bonus, unit.dense, unit.lexical, unit.entity)))
        pairs.sort(key=lambda p: -p[1].score)
        return pairs

    def _names_new(self, query: Query, chunk: Chunk, unit, kind: str) -> bool:
        """Does the sentence (or the one before it, for "It is…") name a drug/trial the question does not?
        A class the question names ("which ADC…", "which TKI…") must be the sentence's too: the first
        TKI approved is not the first ADC."""
        cue = CLASS_CUES.get(ASKED_KIND_RE.search(query.text).group("noun").lower().rstrip("s"))
        if cue is not None and not cue.search(unit.text + " " + " ".join(self._previous_sentences(chunk, unit.start, 1))):
            return False
        asked = [a for e in query.entities for a in query.aliases.get(e, [e])]
        texts = [unit.text] + self._previous_sentences(chunk, unit.start, 1)[-1:]
        for text in texts:
            names = [n for n in names_of_kind(text, kind) if not mentions(n, asked) and not mentions(query.text, [n])]
            if names:
                return True
            if not re.match(r"(?:It|Its|This|These|They)\b", unit.text):
                return False
        return False

    def _about(self, query: Query, pair: tuple[Candidate, ScoredUnit]) -> bool:
        """Is this figure about what the question names? The sentence must name the specific
        entities itself, or continue a passage that does: walking back through its paragraph, the
        entities must appear before another drug or trial takes the stage."""
        specific = [e for e in query.entities if not is_generic(e) and e not in query.common]
        # a name carried from the turn before into the pronoun's place ('what ORR did it get vs lapatinib' →
        # '… did nerlynx get …') is the turn's subject; one added in brackets after it is context
        typed = without_reading_context(query.text)
        own = [e for e in specific if e not in query.carried or mentions(typed, query.aliases.get(e, [e]))]
        specific = own or specific
        if not specific:
            return not query.entities or pair[1].entity > 0
        if len(specific) >= 2 and query.comparison:
            # "X in EMILIA vs Y in KATE2": each side is answered by its own passage.
            return any(self._about_all(query, pair, [e]) for e in specific)
        return self._about_all(query, pair, specific)

    def _about_all(self, query: Query, pair: tuple[Candidate, ScoredUnit], specific: list[str]) -> bool:
        cand, scored = pair
        if cand.chunk.kind in ("table_row", "table"):
            return all(mentions(cand.chunk.text, query.aliases.get(e, [e])) for e in specific)
        text = scored.unit.text
        missing = [e for e in specific if not mentions(text, query.aliases.get(e, [e]))]
        if not missing:
            return True
        opening = " ".join(text.split()[:4])
        if self._other_subject(opening, missing, query):
            return False  # the sentence is about another drug ("Alpelisib (BYL719) is …")
        for sentence in reversed(self._previous_sentences(cand.chunk, scored.unit.start, 4)):
            missing = [e for e in missing if not mentions(sentence, query.aliases.get(e, [e]))]
            if not missing:
                return True
            if self._other_subject(sentence, missing, query):
                return False
        return False

    @staticmethod
    def _other_subject(text: str, missing: list[str], query: Query) -> bool:
        """Does ``text`` bring on another drug (when a drug is sought) or another trial (when a trial is)?"""
        aliases = [a for e in missing for a in query.aliases.get(e, [e])]
        kinds = {"drug" if DRUG_RE.fullmatch(e.split()[0]) else "trial" if TRIAL_RE.fullmatch(e) else "" for e in missing}
        names = []
        if "drug" in kinds:
            names += [m.group(0) for m in DRUG_RE.finditer(text)]
        if "trial" in kinds:
            names += [n for n in TRIAL_RE.findall(text) if not is_generic(n) and n.upper() not in COMMON_CODES]
        # a drug the question asks about besides the missing one is no other subject ('what ORR did nerlynx get against
        # lapatinib': "Moreover, neratinib improved ORR…" goes on about the comparison) — unless each side of a
        # comparison is answered by its own passage
        asked = [] if query.comparison else [a for e in query.entities for a in query.aliases.get(e, [e])]
        return any(not mentions(name, aliases) and not any(mentions(a, [name]) for a in aliases)
                   and not mentions(name, asked) for name in names)

    def _paragraph_around(self, chunk: Chunk, start: int) -> tuple[list[tuple[int, int, str]], int | None]:
        """The sentences of the chunk's paragraph, and the index of the one at ``start`` (None outside them)."""
        if chunk.paragraph < 0:
            return [], None
        paragraph = self.corpus.document(chunk.source).paragraphs[chunk.paragraph]
        sentences = split_sentences(paragraph.text, paragraph.span.start)
        return sentences, next((i for i, s in enumerate(sentences) if s[0] <= start < s[1]), None)

    def _previous_sentences(self, chunk: Chunk, start: int, count: int | None = None) -> list[str]:
        """The ``count`` sentences of the paragraph before the one at ``start`` (all of them when None)."""
        sentences, here = self._paragraph_around(chunk, start)
        here = here or 0
        return [s[2] for s in sentences[(0 if count is None else max(0, here - count)):here]]

    def _choose(self, query: Query, units, best: float, chosen=None) -> list[tuple[Candidate, ScoredUnit]]:
        chosen = list(chosen or [units[0]])
        limit = self.settings.answer_max_sentences
        wanted = [e for e in query.entities if not is_generic(e) and e not in query.common]
        # "how come tkis like tykerb and tukysa reach brain mets": each drug named is explained (by a cause), as each
        # side compared is answered
        causes_only = causes_of_each(query)
        of_a_class = query.intent == "why" and not any(is_drug_name(e) or DRUG_CODE_RE.fullmatch(e) or TRIAL_RE.fullmatch(e)
                                                       for e in query.entities if not is_generic(e))
        if not query.comparison:
            drugs = [e for e in wanted if is_drug_name(e)]
            wanted = drugs if query.intent == "why" and len(drugs) >= 2 else []
        told: dict[str, str] = {}  # each sentence read with its referent once, not once per sentence chosen

        def told_of(cand: Candidate, unit: ScoredUnit) -> str:
            if unit.unit.id not in told:
                told[unit.unit.id] = self._told_with_referent(cand, unit)
            return told[unit.unit.id]
        for cand, unit in units[1:]:
            if len(chosen) >= limit:
                break
            text = unit.unit.text.lower()
            if any(unit.unit.id == u.unit.id or _overlap(text, u.unit.text.lower()) > 0.6 for _, u in chosen):
                continue
            if causes_only and not STYLE_CUES["why"].search(text):
                continue
            covers_missing = any(
                mentions(told_of(cand, unit), query.aliases.get(e, [e]))
                and not any(mentions(told_of(c, u), query.aliases.get(e, [e])) for c, u in chosen)
                for e in wanted)
            same = cand.chunk.id == chosen[0][0].chunk.id
            close_enough = (same and unit.score >= self.settings.same_passage_ratio * best) or (
                unit.score >= self.settings.other_passage_ratio * best)
            if query.wants_number and unit.lexical < 0.7 * chosen[0][1].lexical:
                close_enough = False  # a figure about something else is noise
            if of_a_class and not same and unit.score >= CLASS_CAUSE_RATIO * best and STYLE_CUES["why"].search(text):
                # "why do the tki pills help with brain mets": the cause told of one member (tucatinib's small size)
                # is told of another in its own passage (lapatinib's) — both are the class's
                close_enough = True
            if covers_missing or close_enough:
                chosen.append((cand, unit))
        return chosen

    def _told_with_referent(self, cand: Candidate, unit: ScoredUnit) -> str:
        """A sentence opening on a pronoun ("Moreover, its small molecular size…") speaks of what the sentence
        before it names (tucatinib): the two, read together."""
        if OPENS_ON_PRONOUN_RE.match(unit.unit.text):
            return " ".join(self._previous_sentences(cand.chunk, unit.unit.start, 1) + [unit.unit.text])
        return unit.unit.text

    # ---- composition --------------------------------------------------------------------------
    def _compose(self, base: Answer, chosen, query: Query | None = None) -> Answer:
        markers: dict[str, int] = {}
        citations: list[Citation] = []
        # Keep the review's order when sentences come from the same passage.
        chosen = sorted(chosen, key=lambda p: (p[0].chunk.id != chosen[0][0].chunk.id, p[1].unit.start))
        parts = []
        for cand, unit in chosen:
            if cand.chunk.id not in markers:
                markers[cand.chunk.id] = len(markers) + 1
                citations.append(self.citation(markers[cand.chunk.id], cand.chunk, unit.unit.text, query,
                                               unit.unit.start))
            text = strip_markers(unit.unit.text).strip()
            parts.append(f"{text} [{markers[cand.chunk.id]}]")
        return base.model_copy(update={"answer": " ".join(parts), "citations": citations})

    def citation(self, marker: int, chunk: Chunk, quote: str, query: Query | None = None,
                 quote_start: int | None = None) -> Citation:
        """A citation of ``chunk``; its references are those the passage cites, plus the ones the
        review attaches to the quoted sentence even when the marker sits later in the paragraph."""
        doc = self.corpus.document(chunk.source)
        numbers = list(chunk.references) if chunk.kind != "reference" else [chunk.reference]
        if chunk.kind == "text" and query is not None and quote_start is not None:
            numbers = list(dict.fromkeys(self._markers_near(chunk, quote_start, query) + numbers))
        refs = [ReferenceInfo.from_reference(r) for n in numbers if (r := doc.reference(n))]
        return Citation(marker=marker, chunk_id=chunk.id, section=chunk.section, section_title=chunk.section_title,
                        section_path=chunk.section_path, kind=chunk.kind, text=chunk.text, quote=quote,
                        start=chunk.start, end=chunk.end, references=refs)

    def _decline(self, base: Answer, top: list[Candidate], message: str) -> Answer:
        related = [r for r in base.retrieved if r.kind != "reference"][:3]
        return base.model_copy(update={"answer": message, "abstained": True, "related": related})

    # ---- "which paper supports X?" ------------------------------------------------------------
    def _reference_answer(self, base: Answer, query: Query, top: list[Candidate]) -> Answer | None:
        """Find the body sentence about X, follow its [n] marker to the reference entry."""
        body = [(c, u) for c, u in self._rank_units(query, top) if c.chunk.kind not in {"reference", "table"}]
        # A sentence carrying its own [n] marker is the review's explicit attribution.
        specific = [e for e in query.entities if not is_generic(e) and e not in query.common]

        def names(pair, entity: str) -> bool:
            """Names the entity, or points back to it ("…biomarkers in this study [51]" after KATE2)."""
            aliases = query.aliases.get(entity, [entity])
            text = pair[1].unit.text
            if mentions(text, aliases):
                return not only_a_successor_named(text, aliases)
            if not POINTS_BACK_TO_STUDY_RE.search(text):
                return False
            before = self._previous_sentences(pair[0].chunk, pair[1].unit.start)
            return mentions(" ".join(before), aliases)

        # "which paper is behind the KATHERINE numbers (88% vs 77%)": the sentence printing the figures typed
        # ('88%' is the review's 88.3%) is the one attributed (a count joined to its noun too: 'the 84-patient results')
        typed = re.findall(r"(?<![\w.\-])(\d+(?:\.\d+)?)(?=\s*(?:%|months?\b|weeks?\b|mo\b|vs\b|patients\b|pts\b)|"
                           r"-(?:months?|weeks?|patients?|pts)\b)",
                           query.text, re.I)

        # "the source for the statement that three TKIs are FDA-approved…": the sentence that says the statement's
        # words is the one attributed (a number word among them: 'three')
        statement = STATEMENT_RE.search(query.text)
        stated = {light_stem(w.lower()) for w in re.findall(r"[A-Za-z][\w\-]+", statement.group(1))
                  if w.lower() not in STOPWORDS} if statement else set()

        # "the approval timeline figure - what source is it based on?": a figure's source is what its caption cites
        figure_asked = bool(FIGURE_SOURCE_RE.search(query.text))

        def attribution(pair) -> float:
            if figure_asked and pair[0].chunk.kind == "figure":
                return 1.0 + pair[1].score + 0.15 * bool(cited_references(pair[1].unit.text))
            named = sum(names(pair, e) for e in specific) / len(specific) if specific else 0
            text = pair[1].unit.text
            printed = sum(bool(re.search(rf"(?<![\d.]){re.escape(f)}(?:\.\d+)?(?![\d])", text)) for f in typed)
            says = len(stated & {light_stem(w.lower()) for w in re.findall(r"[A-Za-z][\w\-]+", text)}) / len(stated) \
                if stated else 0
            return pair[1].score + 0.15 * bool(cited_references(text)) + 0.3 * named + \
                (0.5 * printed / len(typed) if typed else 0) + 0.3 * says

        body.sort(key=lambda p: -attribution(p))
        ref_chunks = [c for c in top if c.chunk.kind == "reference"]
        titled = self._titled_after_trial(query)
        if body:
            cand, unit = body[0]
            numbers = self._markers_near(cand.chunk, unit.unit.start, query)
            if numbers:
                quoted = self._with_findings_summed_up(cand, unit) + self._run_to_marker(cand, unit, numbers)
                if (went_on := self._what_the_study_went_on_to_find(cand, unit)) is not None:
                    # the study's findings are quoted before its reference, which then follows them
                    *before, (last_cand, last_unit, last_numbers) = quoted
                    quoted = before + [(last_cand, last_unit, []), (cand, went_on, last_numbers)]
                if specific and len(numbers) == 1 and REFERENCES_ASKED_RE.search(query.text):
                    # "what refs does the review give for DESTINY-Breast04": the sentences going on about it
                    # cite papers of their own (a claim backed by several has them already)
                    cited = set(numbers)
                    following = [(cand, ScoredUnit(Unit("", cand.chunk.id, a, b, text), 0.0, 0.0, 0.0, 0.0))
                                 for a, b, text in self._going_on_about(cand.chunk, unit.unit.start, query)]
                    for pair in following:
                        own = [n for n in cited_references(pair[1].unit.text) if n not in cited]
                        if own:
                            quoted.append((*pair, own))
                            cited.update(own)
                    quoted = quoted[:3]
                cited = {n for *_, ns in quoted for n in ns}
                return self._compose_reference(base, quoted, query, titled=[n for n in titled if n not in cited])
        if ref_chunks:
            cand = ref_chunks[0]
            number = cand.chunk.reference
            # 'who showed SYD985 overcomes t-dm1 resistance?': a paper found by its title is quoted with the
            # review's sentence citing it ("…SYD985 has been shown to overcome T-DM1 resistance… [47]")
            citing = self._sentence_citing(cand.chunk.source, number, query)
            quoted = (*citing, [number]) if citing else (None, None, [number])
            return self._compose_reference(base, [quoted], query, titled=[n for n in titled if n != number])
        return None

    def _sentence_citing(self, source: str, number: int, query: Query) -> tuple[Candidate, ScoredUnit] | None:
        """The body sentence of ``source`` that cites reference ``number`` and shares most of the question's
        words (at least one); None when no sentence cites it."""
        asked = {light_stem(w) for w in tokenize(query.text) if w not in STOPWORDS and len(w) >= 3}
        best, best_shared = None, 0
        seen: set[int] = set()
        for chunk in self.corpus.chunks:
            if chunk.source != source or chunk.kind not in ("text", "abstract"):
                continue
            for a, b, text in split_sentences(chunk.text, chunk.start):
                if a in seen or number not in cited_references(text):
                    continue
                seen.add(a)
                shared = len(asked & {light_stem(w) for w in tokenize(text)})
                if shared > best_shared:
                    best, best_shared = (Candidate(chunk=chunk, fused=0.0), ScoredUnit(Unit("", chunk.id, a, b, text),
                                                                                       0.0, 0.0, 0.0, 0.0)), shared
        return best

    def _trial_cited_where_named(self, query: Query, candidates: list[Candidate], top: list[Candidate]) -> list[Candidate]:
        """'what's the citation for destiny-breast03': a trial is cited where a sentence names it with a marker of
        its own ("…challenged by the results of the DESTINYBreast03 phase III trial [43]"), a passage the
        second stage may rank just below the three that compete."""
        trials = [e for e in query.entities if not is_generic(e) and e not in query.common and trial_names(e)]
        return [c for c in candidates if c not in top and c.chunk.kind not in ("reference", "table_row") and any(
            cited_references(u.unit.text) and mentions(u.unit.text, query.aliases.get(e, [e])) for u in c.units for e in trials)]

    def _with_findings_summed_up(self, cand: Candidate, unit: ScoredUnit) -> list:
        """'These findings collectively unveil … [66].': the sentence before it, which reports the findings it
        sums up ("Research involving patient-derived xenografts and organoids reveals…"), when that one has
        no marker of its own; [] otherwise."""
        if not FINDINGS_BEFORE_RE.match(unit.unit.text):
            return []
        sentences, here = self._paragraph_around(cand.chunk, unit.unit.start)
        if not here:
            return []
        a, b, text = sentences[here - 1]
        if cited_references(text) or not (cand.chunk.start <= a and b <= cand.chunk.end):
            return []
        return [(cand, ScoredUnit(Unit("", cand.chunk.id, a, b, text), 0.0, 0.0, 0.0, 0.0), [])]

    def _what_the_study_went_on_to_find(self, cand: Candidate, unit: ScoredUnit) -> ScoredUnit | None:
        """'Bose et al. found HER2-activating mutations … [28].': the next sentence when it goes on about that study
        without a marker of its own ("This study identified numerous HER2 mutations, including L755S…")."""
        sentences, here = self._paragraph_around(cand.chunk, unit.unit.start)
        if here is None or here + 1 >= len(sentences) or not cited_references(unit.unit.text):
            return None
        a, b, text = sentences[here + 1]
        if not STUDY_GOES_ON_RE.match(text) or cited_references(text) or not (cand.chunk.start <= a and b <= cand.chunk.end):
            return None
        return ScoredUnit(Unit("", cand.chunk.id, a, b, text), 0.0, 0.0, 0.0, 0.0)

    def _run_to_marker(self, cand: Candidate, unit: ScoredUnit, numbers: list[int], reach: int = 2):
        """The quoted sentence, and when the marker it is cited by closes a run of claims a sentence or two
        later ("It is important to highlight the toxicity profile of this drug. In the tucatinib arm,
        diarrhea… However, only a small number … [65]."), the rest of the run up to that marker."""
        chunk = cand.chunk
        sentences, here = self._paragraph_around(chunk, unit.unit.start)
        if cited_references(unit.unit.text) or here is None:
            return [(cand, unit, numbers)]
        run = []
        for a, b, text in sentences[here + 1: here + 1 + reach]:
            if not (chunk.start <= a and b <= chunk.end):
                break
            run.append((cand, ScoredUnit(Unit("", chunk.id, a, b, text), 0.0, 0.0, 0.0, 0.0), []))
            if cited_references(text):
                if cited_references(text) != numbers:
                    break
                return [(cand, unit, [])] + run[:-1] + [(run[-1][0], run[-1][1], numbers)]
        return [(cand, unit, numbers)]

    def _going_on_about(self, chunk: Chunk, start: int, query: Query) -> list[tuple[int, int, str]]:
        """The sentences after the one at ``start`` that go on about what it names ("The patients
        received…", "The addition of T-DXd improved…"), up to one that names another trial; only
        those inside ``chunk``."""
        sentences, here = self._paragraph_around(chunk, start)
        here = len(sentences) if here is None else here
        asked = {a.lower() for e in query.entities for a in query.aliases.get(e, [e])}
        run = []
        for a, b, text in sentences[here + 1:]:
            if any(t.lower() not in asked and t.upper() not in COMMON_CODES for t in TRIAL_RE.findall(text)):
                break
            if chunk.start <= a and b <= chunk.end:
                run.append((a, b, text))
        return run

    def _titled_after_trial(self, query: Query) -> list[int]:
        """References whose title names a trial the question names ("… (KATE2): A phase 2…", "Phase III
        NALA Trial"), or, with no trial named, every drug of a regimen it names: the trial's (or regimen's) own
        paper, which the review may cite under another number."""
        trials = [e for e in query.entities if TRIAL_RE.fullmatch(e) and not is_generic(e) and e not in query.common]
        found = []
        for reference in self.corpus.primary.references:
            for trial in trials:
                for alias in query.aliases.get(trial, [trial]):
                    name = re.escape(alias)
                    if re.search(rf"\({name}\)|\b{name}\b(?:\W+\w+){{0,2}}?\W+(?:trial|study)\b", reference.title, re.I):
                        found.append(reference.number)
                        break
        drugs = [e for e in query.entities if is_drug_name(e) and not is_generic(e)]
        if not trials and len(drugs) >= 2:
            # "who wrote the study on tukysa with herceptin and xeloda": the paper titled by the whole regimen
            # ("Tucatinib, Trastuzumab, and Capecitabine for HER2-Positive…")
            found += [r.number for r in self.corpus.primary.references
                      if all(mentions(r.title, query.aliases.get(d, [d])) for d in drugs)]
        return list(dict.fromkeys(found))

    def _markers_near(self, chunk: Chunk, start: int, query: Query) -> list[int]:
        """The references behind the sentence at ``start``: its own markers; else the nearest marked
        sentence of its paragraph that names what the question is about; else the next marker
        (a marker closes the run of claims before it); else the previous one."""
        sentences, here = self._paragraph_around(chunk, start)
        if here is None:
            return cited_references(chunk.text)
        if cited_references(sentences[here][2]):
            return cited_references(sentences[here][2])
        if here > 0 and CITED_BEFORE_RE.match(sentences[here][2]) and cited_references(sentences[here - 1][2]):
            # "Metzger et al. classified … [23]. They demonstrated …", "Bose et al. found … [28]. This study
            # identified …": the work of the sentence before
            return cited_references(sentences[here - 1][2])
        marked = [i for i, s in enumerate(sentences) if cited_references(s[2])]
        if not marked:
            return []
        specific = [e for e in query.entities if not is_generic(e)]
        trials = [e for e in specific if TRIAL_RE.fullmatch(e)]
        # A trial name pins the attribution better than a drug that many sentences mention.
        names = [a.lower() for e in (trials or specific) for a in query.aliases.get(e, [e])]
        naming = [i for i in marked if any(n in sentences[i][2].lower() for n in names)]
        # (…a marker on a sentence about another trial — "Another phase III trial (EGF104900 Study) showed … [60]" after
        # an unmarked EGF1001515 sentence — closes that trial's claim, not the run before it)
        own_trials = _trials_told(sentences[here][2])
        if not own_trials and here > 0 and THE_TRIAL_OPENING_RE.match(sentences[here][2]):
            # ("In the EMILIA phase III trial, … [39]. The trial demonstrated … PFS (9.6 vs. 6.4 months) …": the trial
            # of the sentence before, so "Another phase III trial, TH3RESA, … [40]" closes another trial's claim)
            own_trials = _trials_told(sentences[here - 1][2])

        def of_another_trial(i: int) -> bool:
            return bool(own_trials) and bool(_trials_told(sentences[i][2]) - own_trials)
        naming = [i for i in naming if not of_another_trial(i)]
        after = [i for i in marked if i > here and not of_another_trial(i)]
        # (a marker closes the run of claims before it, so one earlier in the paragraph closed another run: it is
        # taken only when no marker follows)
        naming = [i for i in naming if i > here] or ([] if after else naming)
        if naming:
            best = min(naming, key=lambda i: (abs(i - here), i < here))
            return cited_references(sentences[best][2])
        before = [i for i in marked if i < here]
        if not after and not before:
            return []
        best = after[0] if after else max(before)
        return cited_references(sentences[best][2])

    def _compose_reference(self, base: Answer, quoted: list[tuple[Candidate | None, ScoredUnit | None, list[int]]],
                           query: Query | None = None, titled: list[int] = ()) -> Answer | None:
        """Each quoted sentence followed by the references it cites (at most four entries in all)."""
        citations: list[Citation] = []
        parts: list[str] = []
        listed = 0
        for k, (cand, unit, numbers) in enumerate(quoted):
            if cand is not None and unit is not None:
                citations.append(self.citation(len(citations) + 1, cand.chunk, unit.unit.text, query, unit.unit.start))
                quote = strip_markers(unit.unit.text).strip()
                if (lead := AUTHORS_BEFORE_RE.match(quote)) and (
                        named := ETAL_RE.findall(" ".join(self._previous_sentences(cand.chunk, unit.unit.start, 1)))):
                    quote = f"[{named[-1]}]{quote[lead.end():]}"  # "They demonstrated…" → "[Metzger et al.] demonstrated…"
                parts.append(f"The review states: \u201c{quote}\u201d [{len(citations)}]")
            source = cand.chunk.source if cand else self.corpus.primary.source
            # the trial's own papers come after the last quoted sentence's references
            for number in (numbers[:3] + (list(titled) if k == len(quoted) - 1 else []))[:4 - listed]:
                if (entry := self._reference_entry(source, number, number in titled, len(citations) + 1)) is not None:
                    citations.append(entry[0])
                    parts.append(entry[1])
                    listed += 1
        if listed == 0:
            return None
        return base.model_copy(update={"answer": " ".join(parts), "citations": citations})

    def _reference_entry(self, source: str, number: int, titled: bool, marker: int) -> tuple[Citation, str] | None:
        """Reference ``number`` of ``source`` as a citation and the sentence that names it."""
        ref = self.corpus.document(source).reference(number)
        chunk = self.corpus.reference_chunk(source, number)
        if ref is None or chunk is None:
            return None
        info = ReferenceInfo.from_reference(ref)
        doi = f", doi:{ref.doi}" if ref.doi else ""
        authors = info.authors if info.authors.endswith(".") else info.authors + "."
        lead = "The paper whose title names it is reference" if titled else "It cites reference"
        return (self.citation(marker, chunk, chunk.text),
                f"{lead} {number}: {authors} \u201c{ref.title}.\u201d {ref.journal} {ref.year or ''}{doi} [{marker}]")


# "what refs …", "which papers …", "all the references for …": more than one reference asked
REFERENCES_ASKED_RE = re.compile(r"\b(?:refs|references|papers|sources|citations|publications)\b|"
                                 r"\ball (?:the )?(?:refs?|references?|citations?)\b", re.I)
# A sentence whose subject is the authors just cited: "They demonstrated…", "These authors found…"
AUTHORS_BEFORE_RE = re.compile(r"\s*(?:They|Their|These authors|The authors|The same (?:authors|group))\b")
CITED_BEFORE_RE = re.compile(AUTHORS_BEFORE_RE.pattern + r"|\s*(?:This|That|The same) (?:study|work|research|group)\b")
ETAL_RE = re.compile(r"\b[A-Z][\w\-']+ et al\.")
# "in this study", "the same trial", "It…": a sentence about the study its paragraph named before.
POINTS_BACK_TO_STUDY_RE = re.compile(r"\b(?:this|that|the same|the) (?:study|trial|analysis|cohort|population)\b|"
                                     r"^\s*(?:It|Its|They|Their)\b")


def causes_of_each(query: Query) -> bool:
    """A cause asked of a class through two or more drugs given as its examples ('how come tkis like tykerb and
    tukysa…'), not of one drug set against others ('why does enhertu work where kadcyla and herceptin struggle')."""
    return query.intent == "why" and bool(EXAMPLE_OF_CLASS_RE.search(query.text)) and \
        sum(is_drug_name(e) and not is_generic(e) for e in query.entities) >= 2


def _overlap(a: str, b: str) -> float:
    wa, wb = set(re.findall(r"\w+", a)), set(re.findall(r"\w+", b))
    return len(wa & wb) / max(1, min(len(wa), len(wb)))


def _join(names: list[str], conjunction: str = "or") -> str:
    names = list(dict.fromkeys(names))
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {conjunction} " + names[-1]
