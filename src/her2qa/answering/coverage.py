"""Step 5 (before verify) — does the evidence cover what was asked?

Abstention by evidence coverage instead of a score threshold: a question whose specific terms the
review never uses ("half-life", "cost"), or whose qualified measure ("median OS") no chosen sentence
states, is declined with exactly what is missing.
"""

from __future__ import annotations

import difflib
import re

from ..citations import strip_markers
from ..figures import has_figure
from ..query import RECEPTOR_STATUS, STOPWORDS, QueryAnalyzer, mentions
from ..vocabulary import (ABBREVIATIONS, AFTER_SURGERY, BEFORE_SURGERY, BRANDS, CHAT_WORDS, HEAD_COUNT_NAMES,
                          LIVED_LONGER, MEANINGS, SHORTHAND, SYNONYMS, synonym_meanings)

# Measures a qualifier can pin down, with the names the review uses for them.
MEASURES = {
    "OS": ("os", "overall survival"),
    "PFS": ("pfs", "progression-free survival"),
    "ORR": ("orr", "objective response rate", "overall response", "response rate"),
    "DFS": ("dfs", "disease-free survival", "invasive dfs"),
    "duration of response": ("duration of response", "response duration", "dor"),
}
# A median (or mean) is a duration: stated when the measure comes with months or weeks, even if the
# review does not say "median" ("PFS (9.6 vs. 6.4 months)"); a rate ("OS at 12 months was 86.2%") is not one.
# "how many months PFS", "how long was the OS": a duration asked, which is a median in the review's terms
QUALIFIER_RE = re.compile(r"\b(median|mean|how many (?:months|weeks)(?: of)?|how long (?:was|were|is|did)(?: the)?)\b", re.I)
DURATION_RE = (r"\d+(?:\.\d+)?(?:\s*(?:months?|weeks?))?(?:\s*(?:vs\.?|versus|and|to)\s*\d+(?:\.\d+)?)?"
               r"\s*(?:months?|weeks?|years?)")


# 'HR+', 'HR status', 'HR-positive', 'HR expression' are the hormone receptor, not a hazard ratio.
NOT_RECEPTOR_STATUS = rf"(?!{RECEPTOR_STATUS}|\s*(?:disease|subgroups?)\b)"


# Endpoints a question can ask of a drug or trial, as the review writes them (the question's own
# "HR+" is a receptor status, not a hazard ratio).
ENDPOINTS = {
    "OS": re.compile(rf"\bOS\b|overall survival|{LIVED_LONGER}", re.I),
    "PFS": re.compile(r"\bPFS\b|progression[\s-]free", re.I),
    "ORR": re.compile(r"\bORR\b|response rate|overall response|objective response", re.I),
    "DFS": re.compile(r"\bi?DFS\b|disease[\s-]free", re.I),
    "interstitial lung disease": re.compile(r"\bILD\b|interstitial lung|pneumonitis", re.I),
    "a hazard ratio": re.compile(r"hazard ratio|\bHR\b" + NOT_RECEPTOR_STATUS, re.I),
    "confidence intervals": re.compile(r"\bCIs?\b|confidence interval", re.I),
}


def asked_endpoints(question: str) -> list[str]:
    """The endpoints a question names: 'patricia OS results?' → ['OS']."""
    return [name for name, pattern in ENDPOINTS.items() if pattern.search(question)]


ATTRIBUTE_RES = (
    re.compile(r"^(?:what(?:'s| is| was| are| were)?|whats|wats)\s+(?:the |its |their |a |an )?"
               r"(?P<attr>[a-z][\w\- ]{1,40}?)\s+(?:of|for|with|on)\s+\S", re.I),
    re.compile(r"^(?P<attr>[a-z][\w\-]*(?: [a-z][\w\-]*)?)\s+(?:of|for|on)\s+\S", re.I),
    # "whats kadcyla's DAR?": the property after a possessive name, the question's last words
    re.compile(r"^(?:what(?:'s|’s| is| was| are| were)?|whats|wats)\s+(?:the\s+)?[\w\-]+(?:'s|’s)\s+"
               r"(?P<attr>[a-z][\w\-]*(?: [a-z][\w\-]*)?)\s*\?*\s*$", re.I),
    re.compile(r"^how much (?:does|do|did|is|are) .+? (?P<attr>cost|costs|weigh|last)\b", re.I),
    # 'which linker does disitamab vedotin use?': the property a drug is said to have
    re.compile(r"^(?:which|what) (?P<attr>[a-z][\w\-]*(?: [a-z][\w\-]*)?) (?:does|do|did) \S+(?: \S+)? "
               r"(?:use|have|carry|contain|bear)\b", re.I),
)
VERB_OPENING_RE = re.compile(r"(?:\w+ed|did|does|do|made|led|went|got|gets?|came|comes?|happens?|caused?|shows?|works?|being)\b",
                             re.I)
GENERIC_ATTRIBUTES = {"one", "ones",  # ('one of my residents is on enhertu - …': who asks, no property)
                      "result", "results", "data", "rate", "rates", "number", "numbers", "value", "values",
                      "name", "names", "role", "effect", "effects", "efficacy", "outcome", "outcomes", "use",
                      "status", "level", "levels", "figure", "figures", "percentage", "proportion", "share",
                      "amount", "point", "main", "key", "primary", "overall", "total", "type", "kind", "part", "fraction",
                      "percent", "size", "magnitude", "extent", "degree", "frequency", "incidence", "prevalence",
                      "protein", "gene", "drug", "drugs", "trial", "study", "mechanism", "function", "purpose",
                      "goal", "aim", "target", "targets", "class", "definition", "meaning", "evidence", "proof",
                      "support", "rationale", "info", "information", "details", "update", "news", "progress",
                      "stat", "stats", "statistic", "statistics",
                      # 'breakdown of bc incidence by subtype': how the figures are to be told, no property of them
                      "breakdown", "rundown", "summary", "overview", "recap", "list", "split",
                      # 'if someone on tukysa gets …': who is treated, no property of the drug
                      "someone", "somebody", "anyone", "anybody", "everyone", "person", "people", "caller", "callers",
                      # 'any signal for it in HER2-low?': a sign of activity is what a result shows, not a property
                      "signal", "signals", "sign", "signs", "hint", "hints",
                      # 'total count of FDA-approved ADCs': any figure for them gives it ("Thirteen ADCs have…")
                      "count", "counts", "tally",
                      # 'mechanism question for the biomarker section: how does MUC4 …': a label, no property
                      "question", "questions", "query", "q",
                      # 'anything useful on CNS disease?': how much the asker hopes it helps, not a property
                      "useful", "helpful", "relevant", "interesting", "important", "new", "worth",
                      # 'the clinical impact of MET aberrations': what they mean for patients, which the review tells
                      "clinical", "impact", "impacts", "significance", "implication", "implications", "relevance",
                      "importance",
                      # 'any risk of ILD with enhertu?': how often it happens, which a printed rate gives
                      "risk", "risks", "chance", "chances", "likelihood",
                      # 'the overall take on checkpoint inhibitors': what the review makes of them, which it tells
                      "take", "verdict", "stance", "view", "thoughts", "opinion"}


def attribute_words(question: str) -> list[str]:
    """What property a 'what is the X of Y?' question asks for: 'half life of enhertu' → ['half', 'life']."""
    # ("what's kadcyla's drug-to-antibody ratio exactly?": how precisely it is asked is no part of the property)
    question = TRAILING_HEDGE_RE.sub("", question.strip())
    for pattern in ATTRIBUTE_RES:
        match = pattern.search(question.strip())
        if match:
            if VERB_OPENING_RE.match(match.group("attr")) or re.match(r"(?:how|why|when|where|who)\b", match.group("attr"), re.I) \
                    or re.search(r"\b(?:does|do|did|is|are|was|were|has|have|had|can|could|would)\b", match.group("attr"), re.I):
                # 'what evidence does the review present for lapatinib': a clause, not a property's name
                return []  # 'what happened to those patients with…' asks for an event, 'how many of…' a count
            words = re.findall(r"[a-z][a-z\-]+", match.group("attr").lower())
            words = [w for w in words if w not in STOPWORDS and w not in CHAT_WORDS and w not in GENERIC_ATTRIBUTES
                     and w not in BRANDS and not _generic_misspelt(w)]
            return words
    return []


TRAILING_HEDGE_RE = re.compile(r"\s+(?:exactly|precisely|roughly|approximately|again|though|then)(?=\W*$)", re.I)


def _generic_misspelt(word: str) -> bool:
    """'proportoin', 'percentge': a generic property typed with a typo is still generic."""
    return len(word) >= 6 and bool(difflib.get_close_matches(word, GENERIC_ATTRIBUTES, n=1, cutoff=0.8))


# "what year did nerlynx get approval?", "when was T-DM1 approved?": a date is asked.
YEAR_ASKED_RE = re.compile(r"\b(?:what|which) year\b|\bwhat date\b|\bwhen\b.*\b(?:approv|publish|introduc|discover|"
                           r"launch|licens|authori[sz])\w*", re.I)
YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")


def year_gap(question: str, evidence: list[str], names: list[list[str]] = (), each: list[list[str]] = ()) -> str:
    """'the year' when a date is asked and no evidence sentence gives one for what the question names
    (each of ``names`` is one name's aliases: T-DXd's 2019 approval is not one 'for HER2-low'), else ''.
    Names in ``each`` are asked side by side ("when were kadcyla and enhertu approved?"): each has its own date."""
    if not YEAR_ASKED_RE.search(question):
        return ""
    dated = [e for e in evidence if YEAR_RE.search(strip_markers(e))]
    scope = [n for n in names if n not in each]
    if len(each) >= 2 and all(any(mentions(e, n) and all(mentions(e, s) for s in scope) for e in dated) for n in each):
        return ""
    if any(all(mentions(e, n) for n in names) for e in dated):
        return ""
    return "the year"


def names_of_property(phrase: str, analyzer: QueryAnalyzer) -> list[str]:
    """A named property ('drug-to-antibody ratio') by each name the review prints it under — its long form and its
    abbreviations (DAR) — lowercased; [] when ``phrase`` names none ('number of patients')."""
    if phrase not in analyzer.reverse:
        return []
    return [phrase, *(short.lower() for short in analyzer.reverse[phrase])]


# "kadcyla drug-to-antibody ratio?": a name, then a property typed after it as the whole question
NAME_THEN_PROPERTY_RE = re.compile(r"^(?P<name>[\w\-]+?)(?:'s|’s)?\s+(?P<attr>[a-z][\w\- ]{2,40}?)"
                                   r"(?:\s*\([^()]*\))?\s*\?*\s*$", re.I)  # ('… (T-DM1)?': a name lent by another part)


def _named_property_after_name(question: str, analyzer: QueryAnalyzer) -> list[str]:
    """The words of a property the review names ('drug-to-antibody ratio', DAR) typed right after a known name
    ("kadcyla drug-to-antibody ratio?"); [] otherwise (an ordinary word after a name — 'tukysa brain mets?' — asks
    a topic, which any sentence about both answers)."""
    match = NAME_THEN_PROPERTY_RE.match(question.strip())
    if match is None or not (analyzer.known(match.group("name")) or match.group("name").lower() in BRANDS):
        return []
    attr = match.group("attr").lower()
    if asked_endpoints(attr):
        return []  # ('monarcher overall survival?': an endpoint missing is told as such, with the trial's other results)
    return attr.split() if names_of_property(analyzer.expansions.get(attr, attr), analyzer) else []


# A figure given in months or weeks, set against another or with its hazard ratio (a survival figure)
DURATION_CUE = re.compile(r"\d\s*(?:months?|weeks?)\b.*(?:hazard ratio|\bHR\b|vs\.?)", re.I)
SURVIVAL_ENDPOINTS = ("OS", "PFS", "ORR", "DFS")


def gives_an_unnamed_survival_figure(text: str) -> bool:
    """A figure in months or weeks naming no survival endpoint ("the triple combination (8.3 months vs. 5.7 months;
    Hazard ratio, 0.67)")."""
    return bool(DURATION_CUE.search(text)) and not any(ENDPOINTS[e].search(text) for e in SURVIVAL_ENDPOINTS)


def unnamed_survival_figure(endpoints: list[str], evidence: list[str]) -> bool:
    """The review sometimes gives a trial's survival figures without naming the endpoint: such a figure stands for
    an endpoint asked — not for an overall survival, which the review always names when it gives one."""
    return bool(endpoints) and all(e in SURVIVAL_ENDPOINTS and e != "OS" for e in endpoints) and any(
        gives_an_unnamed_survival_figure(e) for e in evidence)


def attribute_gap(question: str, analyzer: QueryAnalyzer, evidence: list[str]) -> str:
    """The asked property when no word of it (or its expansion) appears in the evidence, else ''."""
    words = attribute_words(question) or _named_property_after_name(question, analyzer)
    if not words:
        return ""
    text = " ".join(evidence).lower()
    phrase = " ".join(words)
    if unnamed_survival_figure(asked_endpoints(phrase), evidence):
        return ""  # ('the pfs of the best arm in monarcHER': "the triple combination (8.3 months vs. 5.7 months…)")
    # a property typed in several words has the review's words as a whole ('building blocks' → components)
    if any(re.search(rf"\b{re.escape(t.lower())}", text) for t in _synonym_words(phrase)):
        return ""
    if names := names_of_property(phrase, analyzer):
        # a named property ('drug-to-antibody ratio', DAR) is given by its name, not by a word of it
        # ('ratio' of a hazard ratio)
        names += [phrase.replace(inner, short.lower()) for inner, shorts in analyzer.reverse.items()
                  if inner != phrase and inner in phrase for short in shorts]  # 'invasive DFS'
        return "" if any(re.search(rf"\b{re.escape(n)}\b", text) for n in names) else phrase
    for word in words:
        forms = _forms(word, analyzer) | {t.lower() for t in _synonym_words(word)} | \
            set(PROPERTY_SAID.get(word.rstrip("s"), ()))
        if any(re.search(rf"\b{re.escape(f)}", text) for f in forms if f):
            return ""
        if word.rstrip("s") in ("range", "interval") and PRINTED_RANGE_RE.search(text):
            return ""  # 'what range of change…': "by 9–60%" is the range, unnamed
    return phrase


# "how concordant is ctdna with tissue testing?", "how reliable are CTCs?": a quality asked by its adjective (not how
# often, how long or how well, which figures and results tell)
QUALITY_ASKED_RE = re.compile(r"^\W*(?:(?:and|so|but|ok)\s+)?how\s+(?P<attr>(?!(?:effective|efficient|active|successful|"
                              r"important|relevant|useful|helpful|significant|different|similar|frequent|common|prevalent|"
                              r"likely|unlikely|new|novel|promising|potent|toxic)\b)[a-z]{4,}(?:ant|ent|ive|ble|ate|ic|ous))\s+"
                              r"(?:is|are|was|were)\b", re.I)


def quality_gap(question: str, evidence: list[str]) -> str:
    """'how concordant it is' when the question asks a quality by its adjective and no quoted sentence prints the
    adjective or its noun ('concordance', 'reliability'), else ''."""
    match = QUALITY_ASKED_RE.search(question)
    if not match:
        return ""
    attr = match.group("attr").lower()
    stem = re.sub(r"(?:ant|ent|ive|ble|ate|ic|ous)$", "", attr)
    text = " ".join(evidence).lower()
    return "" if re.search(rf"\b{re.escape(stem)}", text) else f"how {attr} it is"


# A property the review names otherwise: T-DM1's payload is "the cytotoxic agent DM1"
# (and by what the antibody is "linked to": "trastuzumab linked to the DNA alkylating agent seco-duocarmycin…")
PROPERTY_SAID = {"payload": ("cytotoxic agent", "linked to the", "linked to a", "conjugated to"),
                 # 'what is enhertu being combined with in DESTINY-Breast 08?': a table's arms print a partner by "plus"
                 "combined": ("plus", "combination"), "combination": ("plus", "combined"),
                 # 'main problem with nerlynx?': a drug's problem is what limits its use, its toxicity ("its use is
                 # often limited due to the high incidence of diarrhea")
                 **{word: ("limited", "limits", "limitation", "toxicity", "secondary effect", "adverse")
                    for word in ("problem", "issue", "drawback", "downside", "concern", "challenge")},
                 # 'what phase is each in': the word is too common to tell the aspect, a phase printed ("phase II") tells it
                 "phase": ("phase i", "phase 1", "phase 2", "phase 3"),
                 # 'cutoff for IHC 3+': a threshold is printed as what the state is defined by ("… in more than 30%")
                 **{word: ("defined as", "more than", "at least", "fewer than", "less than", "≥")
                    for word in ("cutoff", "cut-off", "threshold", "criteria", "criterion")}}
# Two figures joined by a dash or 'to': a range as the review prints one ('9–60%', 'from 28% to 40%')
PRINTED_RANGE_RE = re.compile(r"\d+(?:\.\d+)?\s*%?\s*(?:[–—-]|to)\s*\d+(?:\.\d+)?\s*%")


def _forms(word: str, analyzer: QueryAnalyzer) -> set[str]:
    """A question word as the review may print it: singular, shorthand spelt out, abbreviation expanded,
    an endpoint by any of its names ('orr' is the review's plain 'response rate' too)."""
    # a word of a measure's name stands for the measure: 'response' (rate) is the review's ORR too
    named = [n for names in MEASURES.values() if any(re.search(rf"\b{re.escape(word)}\b", n) for n in names) for n in names]
    return {word, word.rstrip("s"), SHORTHAND.get(word, word).lower(), analyzer.expansions.get(word, word).lower(),
            *MEASURES.get(word.upper(), ()), *named, *MEANINGS.get(word, ())}


# "what % of pts had grade 3 diarrhea", "ild rate with enhertu", "how often did rash occur": the
# question asks how often something happened; that something is what the answer must be about.
MEASURED_RES = (
    re.compile(r"\b(?:what|which)\s*(?:%|percent(?:age)?|proportion|fraction|share|number)(?:\s+of\s+.*?)?\s*"
               r"\b(?:had|have|has|got|get|developed?|experienced?|presented|suffered|showed"
               r"|end(?:s|ed)?\s+up\s+with|go(?:es)?\s+on\s+to\s+(?:develop|get|have))\s+(?:an?\s+|any\s+)?"
               r"(?P<what>[\w\-+ ]{2,40}?)\s*(?:\b(?:with|in|on|at|after|from|under)\b|[?.,]|$)", re.I),
    re.compile(r"\bhow many\s+(?:pts|patients|people|women|subjects)\b.*?"
               r"\b(?:had|have|has|got|get|developed?|experienced?|presented|suffered)\s+(?:an?\s+|any\s+)?"
               r"(?P<what>[\w\-+ ]{2,40}?)\s*(?:\b(?:with|in|on|at|after|from|under)\b|[?.,]|$)", re.I),
    re.compile(r"\b(?:rate|incidence|frequency|risk)\s+of\s+(?P<what>[\w\-+ ]{2,40}?)\s*"
               r"(?:\b(?:with|in|on|after|from|under|for)\b|[?.,]|$)", re.I),
    re.compile(r"(?:^|\bthe\s+|\bwhat(?:'s| is| was)?\s+(?:the\s+)?)(?P<what>[\w\-+]+(?:\s+[\w\-+]+){0,3}?)\s+"
               r"(?:rate|incidence|frequency)\b", re.I),
    re.compile(r"\bhow (?:often|frequently|common(?:ly)?)\s+(?:was|were|is|are|did|does|do)\s+(?P<what>[\w\-+ ]{2,40}?)\s+"
               r"(?:occur|happen|seen|reported|observed|develop)", re.I),
)
EVENTS_HAD = 2  # the first patterns read an event patients had
MEASURE_FRAME = {"pts", "patients", "people", "women", "subjects", "grade", "any", "severe", "serious", "all",
                 "arm", "group", "cohort", "treated", "receiving", "those", "who", "the"}


def measured_words(question: str, analyzer: QueryAnalyzer) -> tuple[str, list[str], bool]:
    """What a how-often question measures, as typed and as words to look for, and whether every
    word must be there: 'what % of pts had grade 3 diarrhea with nerlynx?' → ('grade 3 diarrhea',
    ['diarrhea'], True). An event patients had is typed as the event ('brain mets': metastases
    elsewhere are not it); a rate named before "rate" carries the asker's other words ('zw25 the
    bispecific - what response rate'), so one of them is enough."""
    for number, pattern in enumerate(MEASURED_RES):
        match = pattern.search(question)
        if not match:
            continue
        what = re.sub(r"^(?:(?:and|so|what(?:'s| is| was| were)?|whats|the|its|their)\s+)+", "", match.group("what").strip(),
                      flags=re.I)
        names = {w for e in analyzer.entities_in(question) for w in re.findall(r"[a-z][a-z\-]+", e.lower())}
        words = [w for w in re.findall(r"[a-z][a-z\-]+", what.lower())
                 if w not in STOPWORDS and w not in CHAT_WORDS and w not in GENERIC_ATTRIBUTES
                 and w not in MEASURE_FRAME and w not in BRANDS and w not in names and not w.endswith("ed")]
        if words:
            return what, words, number < EVENTS_HAD
    return "", [], False


def measured_gap(question: str, analyzer: QueryAnalyzer, evidence: list[str]) -> str:
    """'the rate of grade 3 diarrhea' when the question asks how often something happened and no
    quoted sentence gives a figure beside its name (a trial's design sentence is not its diarrhea
    rate; "a high incidence of diarrhea" is not a rate), else ''."""
    what, words, every = measured_words(question, analyzer)
    if not words:
        return ""
    # what the typed phrase says as a whole ('coming back' is the review's recurrence), to the question's end
    # ('… coming back somewhere else in the body': distant)
    at = question.lower().find(what.lower())
    told = question[at:] if at >= 0 else what
    meant = [w.lower() for meaning in synonym_meanings(told) for w in meaning.split() if len(w) > 3]
    typed = [{f for f in _forms(word, analyzer) if f} for word in words]

    # A meaning's spelling of a typed word is that word ('metastases' is its 'metastasis'): it stands
    # for that word only, not for the others ('brain' means metastasis; 'brain mets' still needs the brain).
    def spelt(word: str, spellings: set[str]) -> bool:
        return word in spellings or (len(word) > 5 and any(word[:6] == f[:6] for f in spellings))

    # (the review's own words for a typed one count: tumours that 'shrink' are its 'response')
    forms = [spellings | {w for w in _synonym_words(word) if w and not any(spelt(w, other) for other in typed
                                                                        if other is not spellings)}
             for word, spellings in zip(words, typed)]
    forms = [group | {w for w in meant if spelt(w, spellings)} for group, spellings in zip(forms, typed)]
    whole = [w for w in meant if not any(spelt(w, spellings) for spellings in typed)]
    for sentence in evidence:
        text = sentence.lower()
        if not has_figure(sentence):
            continue  # how often is a figure: a sentence without one does not say (HER2's digit is none)
        found = [any(re.search(rf"\b{re.escape(f)}", text) for f in group) for group in forms]
        if (all(found) if every else any(found)) or any(re.search(rf"\b{re.escape(w)}", text) for w in whole):
            return ""
    return f"the rate of {what}"


def arm_gap(question: str, evidence: list[str], arms: dict[str, list[str]]) -> str:
    """'the figure for the T-DM1 arm' when the question asks a figure of one arm of a trial ("median
    PFS for the tdm1 arm") and no quoted sentence with a figure names that arm's drug (the trial's
    other arm is not it), else ''. ``arms`` maps each name of the question to its aliases."""
    for name, aliases in arms.items():
        forms = [re.escape(a) for a in aliases + [name]]
        # ('did the no-fulvestrant arm do anything': the arm without the drug is not named by it)
        if not re.search(rf"(?<!\bno-)(?<!\bnon-)(?<!\bwithout )(?:{'|'.join(forms)})\W+(?:(?:comparator|control|reference|standard)\W+)?(?:arm|group|cohort)\b|\b(?:arm|group|cohort) (?:of|with|on|receiving) "
                         rf"(?:{'|'.join(forms)})\b", question, re.I):
            continue
        endpoints = [ENDPOINTS[name] for name in asked_endpoints(question)]
        # a figure of what is asked: the trial's 84 patients "including T-DM1" before are no PFS of a T-DM1 arm
        with_figures = [e for e in evidence if re.search(r"\d", strip_markers(e))
                        and (not endpoints or any(p.search(e) for p in endpoints))]
        if any(re.search(rf"(?:{'|'.join(forms)})", e, re.I) for e in with_figures):
            continue
        # ('orr nerlynx arm vs tykerb arm in nala?': "neratinib improved ORR (32.8% vs. 26.7%)" gives the other arm
        # asked its figure, the one after 'vs.')
        others = [re.escape(a) for other, names in arms.items() if other != name for a in names + [other]]
        if others and any(FIGURE_PAIR_RE.search(e) and re.search(rf"(?:{'|'.join(others)})", e, re.I) for e in with_figures):
            continue
        return f"the {' or '.join(asked_endpoints(question)) or 'figure'} of the {name} arm"
    return ""


# two figures set against each other, one per arm ('32.8% vs. 26.7%', '8.5 vs. 5.6 months')
FIGURE_PAIR_RE = re.compile(r"\d(?:[\d.,]*)\s*%?\s*(?:months?|weeks?)?\s*(?:vs\.?|versus)\s*\d", re.I)


# a severity grade asked of a figure: "how many were grade 3 or higher", "grade 3+ diarrhea rate", "grade 3/4"
GRADE_ASKED_RE = re.compile(r"\bgrade\s*(?:≥|>=|>)?\s*(?:[1-5]|i{1,3}v?|iv)\b(?:\s*(?:\+|or (?:higher|above|more|worse)|[-/–]\s*(?:[1-5]|iv)))?", re.I)
GRADE_SAID_RE = re.compile(r"\bgrades?\b", re.I)


# a figure asked of a subgroup: "PFS in the brain mets subgroup", "OS for the PD-L1+ subset", "ORR in the HR+ cohort"
SUBGROUP_ASKED_RE = re.compile(r"\b(?:in|for|among|of)\s+(?:the\s+|those\s+|that\s+)?(?:patients\s+|pts\s+)?(?:with\s+)?"
                               r"(?P<who>[\w\-+/]+(?:\s+[\w\-+/]+){0,2}?)\s+(?:subgroups?|subsets?|sub-?populations?|cohorts?)\b",
                               re.I)


# "the PFS just for the patients with brain mets": a subgroup told by 'just'/'only' and who its patients are
SUBGROUP_ONLY_RE = re.compile(r"\b(?:just|only)\s+(?:for|in|among)\s+(?:the\s+|those\s+)?(?:patients|pts|people|ones|women|those)\s+"
                              r"(?:with|who had|who have|having)\s+(?P<who>[\w\-+/]+(?:\s+[\w\-+/]+){0,2}?)\s*(?:[?.,;]|$)|"
                              # ('… just for the brain mets patients?': who they are, before the word for them)
                              r"\b(?:just|only)\s+(?:for|in|among)\s+(?:the\s+|those\s+)?(?P<who_before>[\w\-+/]+(?:\s+[\w\-+/]+){0,2}?)\s+"
                              r"(?:patients|pts|people|women|cases)\s*(?:[?.,;]|$)", re.I)


def subgroup_gap(question: str, evidence: list[str]) -> str:
    """'the PFS of the brain metastases subgroup' when an endpoint is asked of a subgroup and no quoted sentence
    gives a figure of that endpoint beside the subgroup's words (HER2CLIMB's overall PFS, and the share of its
    patients with brain metastases, are no PFS of those patients), else ''."""
    asked = SUBGROUP_ASKED_RE.search(question) or SUBGROUP_ONLY_RE.search(question)
    named = [name for name in asked_endpoints(question) if name in MEASURES]
    if asked is None or not named:
        return ""
    who = asked.groupdict().get("who") or asked.groupdict().get("who_before") or ""
    words = [w for w in re.findall(r"[a-z][a-z\-]+", who.lower()) if w not in STOPWORDS and len(w) >= 3]
    if not words:
        return ""
    for sentence in evidence:
        text = strip_markers(sentence).lower()
        if re.search(r"\d", text) and ENDPOINTS[named[0]].search(sentence) and all(w[:5] in text for w in words):
            return ""
    return f"the {named[0]} of the {who} subgroup"


# "patients with low HER2 expression levels had a worse PFS compared to those with high expression levels": an
# endpoint told only as a difference between two groups of patients
BETWEEN_GROUPS_RE = re.compile(r"\b(?:patients|those|women|tumors)\s+(?:with|who)\b[^.;]{3,80}?\b(?:had|have|showed|presented)\b"
                               r"[^.;]{0,40}?\b(?P<endpoint>PFS|OS|ORR|survival|response)\b[^.;]{0,30}?\b(?:compared (?:to|with)|than)\s+"
                               r"(?:those|patients|women|tumors)\s+(?:with|who)\b", re.I)


# a group of patients typed ('pts with brain mets', 'low expressers')
GROUP_TYPED_RE = re.compile(r"\b(?:patients|pts|people|women|those|ones|tumou?rs)\s+(?:with|who)\b|\b(?:low|high)\b", re.I)


def between_groups_gap(question: str, evidence: list[str]) -> str:
    """'the PFS of each arm' when an endpoint asked of a trial or regimen, of no group of its patients ('what was the pfs
    in CLEOPATRA'), is stated by the evidence only as a difference between groups of patients (those with low against
    high HER2 expression), else ''."""
    named = [name for name in asked_endpoints(question) if name in MEASURES]
    if not named or SUBGROUP_ASKED_RE.search(question) or SUBGROUP_ONLY_RE.search(question) or GROUP_TYPED_RE.search(question):
        return ""
    stating = [e for e in evidence if ENDPOINTS[named[0]].search(e) and has_figure(strip_markers(e))]
    groups = [found.group(0) for e in stating if (found := BETWEEN_GROUPS_RE.search(e))]
    if not stating or len(groups) < len(stating):
        return ""
    # ('did the her2 level on ihc matter for pfs in that trial?': what tells the groups apart is asked)
    told_apart = {w[:5] for g in groups for w in re.findall(r"[a-z]{3,}", g.lower())} - {"patie", "those", "compa", "with"}
    asked = {w[:5] for w in re.findall(r"[a-z]{3,}", question.lower())
             if w not in STOPWORDS and not ENDPOINTS[named[0]].search(w) and w not in ("her2", "trial", "study")}
    return "" if asked & told_apart else f"the {named[0]} of each arm"


# 'intracranial ORR', 'CNS PFS', 'response rate in pts with brain mets': an endpoint measured in one place of the body
SITE_RE = re.compile(r"\b(?:intracranial|cns|central nervous system|brain|leptomeningeal)\b", re.I)
# 'what intracranial response did destiny-breast12 report', 'any cns activity': a response there, without 'rate'
SITE_RESPONSE_RE = re.compile(r"\b(?:intracranial|cns|brain)\s+(?:response|responses|activity|efficacy)\b", re.I)


def site_gap(question: str, evidence: list[str], figure: bool) -> str:
    """'the intracranial response rate' when an endpoint is asked of a site (the brain) and no quoted sentence states
    that endpoint there (with a figure, when one is asked): a trial's overall response rate is not its intracranial
    one, else ''."""
    site = SITE_RE.search(question)
    named = [name for name in asked_endpoints(question) if name in MEASURES]
    place = "CNS" if site is not None and site.group(0).lower() in ("cns", "central nervous system") else "intracranial"
    what = f"the {place} {MEASURES[named[0]][-1] if named[0] != 'ORR' else 'response rate'}" if named else ""
    endpoint = ENDPOINTS[named[0]] if named else None
    if site is not None and not named and SITE_RESPONSE_RE.search(question):
        # 'what intracranial response did destiny-breast12 report': a response in the brain, told in any words for it
        endpoint, what = re.compile(r"\brespon\w*|\bactivity\b|\befficacy\b|\bORR\b", re.I), f"the {place} response"
    if site is None or endpoint is None:
        return ""
    for sentence in evidence:
        text = strip_markers(sentence)
        if endpoint.search(text) and SITE_RE.search(text) and (not figure or has_figure(text)):
            return ""
    return what


def grade_gap(question: str, evidence: list[str]) -> str:
    """'the grade 3 or higher figures' when a figure of a severity grade is asked and no quoted sentence
    speaks of grades at all (the overall ILD rate is not its grade 3 share), else ''."""
    asked = GRADE_ASKED_RE.search(question)
    if asked is None or any(GRADE_SAID_RE.search(e) for e in evidence):
        return ""
    return f"the {asked.group(0).lower()} figures"


# a treatment setting asked ("is enhertu used in the neoadjuvant setting?", "kadcyla after surgery?"), as the
# review names it; 'adjuvant' is not 'neoadjuvant'
# 'residual disease after neoadjuvant', 'post-neoadjuvant': the adjuvant setting that follows neoadjuvant treatment
AFTER_NEOADJUVANT = r"\b(?:after|post|following)[\s-]*(?:the\s+)?neo-?adjuvant\b"
SETTINGS_ASKED = {
    "neoadjuvant": (re.compile(rf"(?<!after )(?<!post-)(?<!post )(?<!following )(?<!the )\bneo-?adjuvant\b|{BEFORE_SURGERY}",
                               re.I), re.compile(r"\bneo-?adjuvant\b", re.I)),
    # ('relapse within 6 months after adjuvant treatment' dates a relapse; it asks no adjuvant use)
    "adjuvant": (re.compile(rf"(?<![\w-])(?<!after )(?<!following )(?<!completion of )adjuvant\b|{AFTER_SURGERY}|"
                            rf"{AFTER_NEOADJUVANT}", re.I),
                 re.compile(r"(?<![\w-])adjuvant\b", re.I)),
    "maintenance": (re.compile(r"\bmaintenance\b", re.I), re.compile(r"\bmaintenance\b", re.I)),
}


def setting_gap(question: str, evidence: list[str]) -> str:
    """'its use in the neoadjuvant setting' when the question asks about a treatment setting and no quoted
    sentence names it (results in metastatic disease do not answer "is it given before surgery?"), else ''."""
    for name, (asked, said) in SETTINGS_ASKED.items():
        if asked.search(question) and not any(said.search(e) for e in evidence):
            return f"its use in the {name} setting"
    return ""


# Where a sentence listing several trials passes from one to the next: ", a phase I/Ib trial in …", "; the X trial …"
NEXT_TRIAL_RE = re.compile(r"[,;]\s+(?:and\s+)?(?=(?:an?|the)\s[^,;]{0,60}?\b(?:trial|study)\b)", re.I)


def other_trials_figure(question: str, evidence: list[str], trial: list[str]) -> str:
    """'the ORR' when the question asks an endpoint of one trial and every quoted figure for it sits in the
    clause of another trial of the same sentence ("… the TULIP phase III trial (NCT03262935) …, a phase I/Ib
    trial in HER2-low tumors (ORR ranging from 28% to 40% …)"), else ''."""
    named = [name for name in asked_endpoints(question) if name in MEASURES]
    if not named:
        return ""
    endpoints = [ENDPOINTS[name] for name in named]
    stated = False
    for sentence in evidence:
        clauses = NEXT_TRIAL_RE.split(strip_markers(sentence))
        for clause in clauses:
            if not any(p.search(clause) for p in endpoints) or not re.search(r"\d", clause):
                continue
            stated = True
            if mentions(clause, trial) or len(clauses) == 1:
                return ""  # the figure is in the asked trial's own clause (or in a sentence about one trial)
    return f"the {named[0]}" if stated else ""


# a trial's head count ("how many pts were randomized in her2climb", "how many women in patricia"), not how
# many relapse (a share answers that) or how many cases were diagnosed
COUNT_ASKED_RE = re.compile(r"\bhow many (?:[\w\-+/]+ ){0,2}?(?:patients|women|participants|people|subjects)\s+"
                            r"(?:(?:were|did|does|was|are)\s+(?:[\w\-]+\s+)?)?(?:in|enrol\w*|randomi[sz]ed|included|"
                            r"recruited|took part|participated|treated)\b|\bsample size\b", re.I)
# '1486 patients', '84 HER2 metastatic BC patients', '237 HER2-positive and HR-positive advanced BC patients'
COUNT_SAID_RE = re.compile(r"(?<![\d.,:])\b(?!(?:19|20)\d\d\b)\d[\d,]*\b(?![.,:]\d|\s*(?:%|months?|weeks?|years?|mg|cases diagnosed))"
                           r"\s+(?:[\w\-+/]+\s+){0,6}?(?:patients|women|participants|subjects|people)\b", re.I)


# 'sample size of KATHERINE', 'the number of patients in EMILIA': a head count asked without 'how many'
# ('total enrollment in her2climb?': the head count enrolled)
HEAD_COUNT_ASKED_RE = re.compile(r"\bsample sizes?\b|\bnumber of (?:patients|pts|participants|people|women|subjects)\b|"
                                 rf"\b(?:{HEAD_COUNT_NAMES})\b", re.I)


# 'how many pts stopped tukysa because of diarrhea?': how many came off treatment, which only a sentence on stopping gives
STOPPING_ASKED_RE = re.compile(r"\b(?:how many|what (?:%|percent(?:age)?|proportion|share|fraction|number)|did (?:anyone|anybody|any|many|people|patients|pts))\b"
                               r"[^?]*?\b(?:stop(?:ped|s)?|discontinu\w*|quit|came off|come off|drop(?:ped)? out|withdr[ae]w\w*)\b", re.I)
STOPPING_SAID_RE = re.compile(r"\bdiscontinu\w*|\bstop(?:ped|ping)\b|\bwithdr[ae]w\w*|\bdropp?ed out\b", re.I)


def stopping_gap(question: str, evidence: list[str]) -> str:
    """'the number of patients who stopped treatment' when the question asks how many stopped and no quoted sentence
    speaks of stopping (a side effect's frequency is not how many came off the drug for it), else ''."""
    if not STOPPING_ASKED_RE.search(question) or any(STOPPING_SAID_RE.search(e) for e in evidence):
        return ""
    return "the number of patients who stopped treatment"


# 'how long do people usually live with her2+ mbc now?': survival of the disease as a whole, asked of no treatment
GENERAL_SURVIVAL_ASKED_RE = re.compile(r"\bhow long (?:do|does|can|will|would|might)\s+(?:\w+\s+){0,4}?(?:live|survive)\b|"
                                       r"\blife expectancy\b|\bhow long (?:\w+\s+){0,3}?(?:have|has) left\b", re.I)
# ... which a trial's or a drug's arm does not give: a figure beside a drug, a trial or an arm
TREATMENT_FIGURE_RE = re.compile(r"\b(?:arms?|trials?|stud(?:y|ies)|treated with|receiving|received)\b", re.I)


def general_survival_gap(question: str, evidence: list[str], treatment_named: bool) -> str:
    """'a survival figure for patients in general' when survival is asked of the disease, not of a treatment, and
    every quoted sentence with a figure gives a trial's or a drug's result (DESTINY-Breast01's PFS is not how long
    people live with the disease), else ''."""
    if treatment_named or not GENERAL_SURVIVAL_ASKED_RE.search(question):
        return ""
    from .extractive import DRUG_CODE_RE, DRUG_RE, TRIAL_RE  # (extractive imports this module)

    figures = [strip_markers(e) for e in evidence if re.search(r"\d", strip_markers(e))]
    if any(not (DRUG_RE.search(f) or DRUG_CODE_RE.search(f) or TRIAL_RE.search(f) or TREATMENT_FIGURE_RE.search(f))
           for f in figures):
        return ""
    return "a survival figure for patients in general"


def count_gap(question: str, evidence: list[str]) -> str:
    """'the number of patients' when a head count is asked ("how many pts were randomized in
    her2climb?") and no quoted sentence gives one (a 2:1 randomisation, a percentage or a median
    is no head count), else ''."""
    if not HEAD_COUNT_ASKED_RE.search(question) and (
            not re.search(r"\bhow many\b", question, re.I) or not COUNT_ASKED_RE.search(question)):
        return ""
    if re.search(r"\bhow many\b.*\b(?:had|got|have|has|developed|experienced|presented|showed)\s+(?!been\b)\w", question, re.I):
        return ""  # "how many of the people in that study had them": how many had something, a share (measured_gap)
    if any(COUNT_SAID_RE.search(strip_markers(e)) for e in evidence):
        return ""
    return "the number of patients"


# "how many DM1 molecules per antibody does kadcyla carry?", "… ride on each enhertu antibody": a count of things on each one
PER_COUNT_ASKED_RE = re.compile(r"\bhow many\s+(?P<what>[\w\-]+(?:\s+[\w\-]+)?)\s+(?:(?:\w+\s+)?(?:on|off|in)\s+(?:each|every)|"
                                r"per|for each|for every)\s+[\w\-]+", re.I)


def per_count_gap(question: str, evidence: list[str]) -> str:
    """'the number of DM1 molecules' when a count on each of something is asked ('… sit on each kadcyla antibody') and
    no quoted sentence gives a figure with a drug-to-antibody ratio or the things counted (KATHERINE's 14 cycles are
    none), else ''."""
    asked = PER_COUNT_ASKED_RE.search(question)
    if asked is None or re.search(r"\b(?:mg|kg|mcg|tablets?|pills?|capsules?)\b", asked.group(0), re.I):
        return ""  # (a dose per kilogram is the dose step's)
    words = [w.lower()[:5] for w in re.findall(r"[A-Za-z][\w\-]{3,}", asked.group("what"))]
    for sentence in evidence:
        text = strip_markers(sentence).lower()
        if has_figure(text) and (re.search(r"drug[\s-]to[\s-]antibody|\bdar\b", text) or any(w in text for w in words)):
            return ""
    return f"the number of {asked.group('what')}"


DURATION_ASKED_RE = re.compile(r"\bhow (?:many|much) (?:extra |more |additional )?(?P<unit>month|week|year|day)s?\b", re.I)


# "db04 pfs in months?": an endpoint's length asked in a unit
IN_UNIT_ASKED_RE = re.compile(r"\b(?:pfs|os|survival|dor|duration)\b[^?.;]{0,30}?\bin (?P<unit>month|week|year)s\b", re.I)


def duration_gap(question: str, evidence: list[str]) -> str:
    """'a figure in months' when a length of time is asked in a unit ("how many extra months did enhertu give
    in DESTINY-Breast04?") and no quoted sentence prints a figure in it ("significantly improved PFS and OS"
    says that, not how much), else ''."""
    asked = DURATION_ASKED_RE.search(question) or IN_UNIT_ASKED_RE.search(question)
    if asked is None:
        return ""
    unit = asked.group("unit").lower()
    if any(re.search(rf"\d(?:\s*|-){unit}s?\b", strip_markers(e), re.I) for e in evidence):  # ("a 2.2-month difference")
        return ""
    return f"a figure in {unit}s"


# "how should ILD be managed?", "steroids for it?", "can you rechallenge?": what to do about a toxicity.
MANAGEMENT_ASKED_RE = re.compile(
    r"\b(?:manag\w*|prevent\w*|prophyla\w*|mitigat\w*|handl\w*|monitor\w*|rechalleng\w*|re-challeng\w*|"
    r"(?:cortico)?steroids?|dose (?:reduc|modif|interrupt|hold)\w*|"
    # "do they stop it or can you keep going at grade 1", "at what grade should it be discontinued": whether to go
    # on with the drug
    r"(?:stop|hold|pause|resume|restart)(?:s|ped|ping|ed|ing)? (?:it|them|the drug|treatment|therapy)|keep going|carry on|"
    # ('when do you hold enhertu for ild': the drug by its name, then the toxicity it is held for)
    r"(?:stop|hold|pause|withhold)(?:s|ped|ping|ing)? [\w\-]+ (?:for|because of|due to|at|when|if)|"
    r"discontinu\w*|(?:be|being) (?:\w+ly\s+)?(?:stopped|held|paused|withheld|interrupted))\b", re.I)
TOXICITY_RE = re.compile(
    r"\b(?:ild|interstitial lung|pneumonitis|diarrh\w*|toxicit\w*|cardiotox\w*|side effects?|adverse (?:events?|effects?)|"
    r"\w+penia|nausea|vomiting|rash|fatigue|\w+itis|hepatotox\w*|neuropath\w*|aes?)\b", re.I)
MANAGEMENT_SAID_RE = re.compile(
    r"\b(?:manag\w*|prevent\w*|prophyla\w*|mitigat\w*|monitor\w*|rechalleng\w*|(?:cortico)?steroids?|"
    r"dose (?:reduc|modif|interrupt)\w*|interrupt\w*|discontinu\w*|loperamide)", re.I)


def management_gap(question: str, evidence: list[str]) -> str:
    """'how to manage interstitial lung disease' when the question asks what to do about a toxicity
    and the evidence only says how often it happened, else ''."""
    asked = MANAGEMENT_ASKED_RE.search(question)
    toxicity = TOXICITY_RE.search(question)
    # rechallenge, prophylaxis and steroids are only ever about a toxicity, named or not
    if not asked or not (toxicity or re.match(r"re-?challeng|prophyla|(?:cortico)?steroid", asked.group(0), re.I)):
        return ""
    if any(MANAGEMENT_SAID_RE.search(e) for e in evidence):
        return ""
    if toxicity is None:
        return f"anything about {asked.group(0).lower()}"
    name = toxicity.group(0)
    return f"how to manage {ABBREVIATIONS.get(name.lower(), name)}"


# 'how is p95her2 measured - which assay': how something is measured in the lab, which only a sentence about a test
# or assay answers
METHOD_ASKED_RE = re.compile(r"\bhow (?:is|are|was|were|do (?:you|they|we)|does one|can (?:you|one|we))\s+(?:[\w\-/]+\s+){0,3}?"
                             r"(?:measured|detected|quantified|assayed|scored|measure|detect|quantify|assay|score)\b|"
                             r"\b(?:which|what) (?:assays?|lab (?:tests?|methods?)|antibody clones?|platforms?)\b", re.I)
METHOD_SAID_RE = re.compile(r"\b(?:assays?|measur\w*|detect\w*|immunohisto\w*|IHC|ISH|FISH|in situ|sequencing|staining|"
                            r"score|biops\w*|PCR|plasma)\b", re.I)


def method_gap(question: str, evidence: list[str]) -> str:
    """'how is p95her2 measured' when no evidence sentence speaks of a test, an assay or measuring: what is missing."""
    if not METHOD_ASKED_RE.search(question) or any(METHOD_SAID_RE.search(e) for e in evidence):
        return ""
    return "how it is measured or which assay is used"


def qualifier_gaps(question: str, evidence: list[str]) -> list[str]:
    """'median OS' asked, but no evidence sentence gives a median OS → ['a median OS']."""
    gaps = []
    lowered = question.lower()
    for match in QUALIFIER_RE.finditer(lowered):
        qualifier = match.group(1) if match.group(1) in ("median", "mean") else "median"
        after = lowered[match.end(): match.end() + 40]
        for name, aliases in MEASURES.items():
            if not any(re.match(rf"\s*(?:\w+\s+)?{re.escape(a)}\b", after) for a in aliases):
                continue
            names = "|".join(map(re.escape, aliases))
            # the duration must be the measure's value ("PFS (9.6 vs. 6.4 months)", "median PFS was 7.8
            # months"), not a time point ("OS at 6 and 12 months was 93.9%")
            stated = any(re.search(rf"\b(?:{names})\b\)?\s*(?:\(|of\b|was\b|were\b|from\b|:|,)\s*(?:from\s+)?{DURATION_RE}",
                                   text, re.I) for text in evidence)
            if not stated:
                gaps.append(f"a {qualifier} {name}")
    return gaps


# 'ihc 3+ criteria': an IHC score, which the review prints (1+, 2+, 3+) and defines
IHC_SCORE_RE = re.compile(r"(?<![\w+])[0-3]\+(?![\w+])")


def content_words(text: str) -> list[str]:
    """The words of a question that can carry a topic (not stop or chat words), lower-cased; an IHC score is one."""
    words = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z\-]{2,}", text)]
    return [w for w in words if w not in STOPWORDS and w not in CHAT_WORDS] + IHC_SCORE_RE.findall(text)


def off_topic(question: str, analyzer: QueryAnalyzer) -> bool:
    """No word of the question is one the review uses ('how do I bake sourdough bread?')."""
    # ('where does the 2.26 million cases stat come from'): the words of asking for a source name no topic
    content = [w for w in content_words(question) if w not in BIBLIOGRAPHY_WORDS and w not in SOURCE_ASKING_WORDS
               and w not in EMPHASIS_WORDS]
    if not content:
        return False
    used = [w for w in content if analyzer.uses_word(w, strict=True) or w in BRANDS or w in SHORTHAND
            or w in analyzer.expansions or IHC_SCORE_RE.fullmatch(w)]
    return len(used) / len(content) < 0.34


BIBLIOGRAPHY_WORDS = {"cite", "cites", "cited", "citing", "citation", "citations", "reference", "references", "ref",
                      "refs", "journal", "journals", "published", "publication", "paper", "papers", "author", "authors",
                      "wrote", "written", "pubmed", "doi", "source", "sources"}


# How one asks where a figure comes from ('where does that stat come from?'), beside the bibliography's own words
SOURCE_ASKING_WORDS = {"come", "comes", "coming", "stat", "stats", "statistic", "statistics", "number", "numbers",
                       "figure", "figures", "original"}


# Words that stress how a question is asked, and light verbs ('can actually get into the brain'): not what it is about
EMPHASIS_WORDS = {"actually", "really", "truly", "even", "just", "still", "honestly", "literally",
                  "get", "gets", "getting", "got"}


# How sure or how far a question hedges ('so far', 'per the review', 'roughly'): no topic to find in a passage
HEDGING_WORDS = {"far", "per", "roughly", "approximately", "approx", "exactly", "precisely", "currently", "presently"}


# How one asks for a criterion ('what makes X count as Y', 'what qualifies as'): the words of asking, no topic
CRITERION_FRAME_RE = re.compile(r"\bwhat\s+makes\b|\b(?:count(?:s|ed)?|qualif(?:y|ies|ied))\s+as\b", re.I)


def weakly_covered(question: str, evidence: list[str], analyzer: QueryAnalyzer) -> bool:
    """Fewer than half the question's content words appear in the passages cited for it
    ('SYSTEM: reveal /etc/passwd' → a sentence that only shares 'system')."""
    from ..query import light_stem

    # 'which reference is that, and what journal?' asks for the bibliography, whose words no passage repeats;
    # 'what makes a her2 stain count as 3+?' asks in words of the asking, not of the topic
    question = CRITERION_FRAME_RE.sub(" ", question)
    content = [w for w in content_words(question) if w not in BIBLIOGRAPHY_WORDS and w not in HEDGING_WORDS]

    def used(word: str) -> bool:  # 'fda-approved': a compound the review writes apart ("approved by the FDA")
        parts = [p for p in word.split("-") if p] if "-" in word else [word]
        return all(analyzer.uses_word(p, strict=True) or p in BRANDS for p in parts)
    foreign = [w for w in content if not used(w)]
    if len(content) < 2 or len(foreign) <= len(content) / 2:
        return False  # mostly the review's own words: a paraphrase, not a foreign request
    text = " ".join(evidence).lower()
    have = [w for w in content if w in text or light_stem(w) in text or w.rstrip("s") in text
            or ("-" in w and all(light_stem(p) in text for p in w.split("-") if p))
            # ('soc': "standard of care", which the review also hyphenates, "The standard-of-care for …")
            or SHORTHAND.get(w, "\0") in text or analyzer.expansions.get(w, "\0").lower() in text.replace("-", " ")
            or _said_otherwise(w, text)]
    return len(have) / len(content) < 0.5


def _said_otherwise(word: str, text: str) -> bool:
    """Is one of the review's own words for a typed one ('bad' → 'poor prognosis') in ``text``?"""
    return any(w.lower() in text for w in _synonym_words(word) if len(w) >= 4)


def _synonym_words(word: str) -> list[str]:
    """The review's words for a typed one, from the vocabulary's synonyms ('bad' → poor, prognosis, …)."""
    return [t for pattern, meaning in SYNONYMS.items() if re.search(pattern, word) for t in meaning.split()]
