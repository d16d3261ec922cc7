"""Curated vocabulary: brand → generic names and abbreviations the review uses without defining.

Everything the review defines itself ("trastuzumab deruxtecan (T-DXd)") is learnt from the text by
:func:`her2qa.query.learn_abbreviations`; this file only holds what the text cannot teach.
"""

from __future__ import annotations

import re

BRANDS: dict[str, str] = {
    "enhertu": "trastuzumab deruxtecan T-DXd",
    "kadcyla": "trastuzumab emtansine T-DM1",
    "tukysa": "tucatinib",
    "nerlynx": "neratinib",
    "tykerb": "lapatinib",
    "tyverb": "lapatinib",
    "herceptin": "trastuzumab",
    "perjeta": "pertuzumab",
    "phesgo": "pertuzumab trastuzumab",
    "piqray": "alpelisib",
    "ibrance": "palbociclib",
    "verzenio": "abemaciclib",
    "kisqali": "ribociclib",
    "xeloda": "capecitabine",
    "imfinzi": "durvalumab",
    "tecentriq": "atezolizumab",
    "afinitor": "everolimus",
    "taxol": "paclitaxel",
    "abraxane": "nab-paclitaxel",
    "taxotere": "docetaxel",
    "faslodex": "fulvestrant",
    "arimidex": "anastrozole",
    "femara": "letrozole",
    "sprycel": "dasatinib",
    "zejula": "niraparib",
    "truqap": "capivasertib",
    "aidixi": "disitamab vedotin",
    "margenza": "margetuximab",
    "ogivri": "trastuzumab",
    "kanjinti": "trastuzumab",
    "halaven": "eribulin",
    "lynparza": "olaparib",
    "keytruda": "pembrolizumab",
    "trodelvy": "sacituzumab govitecan",
}

# An abbreviation with two meanings in this field, each a name the review prints in full ('HR' of PFS is the
# 'Hazard ratio' of a sentence; ABBREVIATIONS joins both for retrieval).
MEANINGS = {"hr": ("hazard ratio", "hormone receptor")}

# Abbreviations the review uses but never spells out (or spells out only partly).
ABBREVIATIONS: dict[str, str] = {
    "ild": "interstitial lung disease",
    "tki": "tyrosine kinase inhibitor",
    "tkis": "tyrosine kinase inhibitors",
    "adc": "antibody-drug conjugate",
    "adcs": "antibody-drug conjugates",
    "bc": "breast cancer",
    "mbc": "metastatic breast cancer",
    "dfs": "disease-free survival",
    "idfs": "invasive disease-free survival",
    "ci": "confidence interval",
    "ae": "adverse event",
    "aes": "adverse events",
    "cns": "central nervous system",
    "fda": "Food and Drug Administration",
    "ihc": "immunohistochemistry",
    "fish": "fluorescence in situ hybridization",
    "ctdna": "circulating tumor DNA",
    "cdk4/6": "cyclin-dependent kinase 4/6",
    "car-t": "chimeric antigen receptor T cell",
    "protac": "proteolysis targeting chimera",
    "protacs": "proteolysis targeting chimeras",
    "nct": "clinical trial identifier",
    "dor": "duration of response",
    "mt": "microtubules",
    "dar": "drug-to-antibody ratio",
    "orr": "objective response rate",
    "pfs": "progression-free survival",
    "os": "overall survival",
    "hr": " ".join(MEANINGS["hr"]),
    "t-dxd": "trastuzumab deruxtecan",
    "t-dm1": "trastuzumab emtansine",
    "syd985": "trastuzumab duocarmazine",
    "ds-8201a": "trastuzumab deruxtecan",
    "pcr": "pathological complete response",
    "qol": "quality of life",
    "dcr": "disease control rate",
    "tme": "tumor microenvironment",
    "pdx": "patient-derived xenograft",
    "soc": "standard of care",
    "rtk": "receptor tyrosine kinase",
    "bbb": "blood–brain barrier",
    "srs": "stereotactic radiosurgery",
    "wbrt": "whole-brain radiotherapy",
    "thp": "taxane, trastuzumab and pertuzumab",
}

# Payloads a table names by their abbreviation alone (the names pharmacology gives them)
PAYLOAD_ABBREVIATIONS: dict[str, str] = {
    "MMAE": "monomethyl auristatin E",
    "MMAF": "monomethyl auristatin F",
    "DM1": "emtansine maytansinoid",
    "DM4": "ravtansine maytansinoid",
}

# A receptor written with its status sign ('HR+', 'HR+/HER2−') is the receptor, never a hazard ratio.
STATUS_MEANINGS = {"hr": "hormone receptor", "er": "estrogen receptor", "pr": "progesterone receptor"}

# Abbreviations whose long forms are names of specific things, not generic endpoints or methods.
NAMED_ABBREVIATIONS = {"t-dxd", "t-dm1", "syd985", "ds-8201a", "car-t", "protac", "protacs"}

# Words that ask for a figure.
NUMERIC_CUES = (
    "how many", "how much", "how long", "what percentage", "what proportion", "what share",
    "what fraction", "what rate", "median", "hazard ratio", "percent", "%", "ic50", "dose",
    "number of", "months", "weeks", "how often", "how frequent", "what was the pfs", "what was the os",
    "what was the orr", "response rate", "incidence", "odds", "p value", "p-value", "confidence interval",
    "dar", "drug-to-antibody", "how large", "how big", "what figure", "rate of", "how common",
    "what year", "which year", "when was", "when did",
    # ('monarcher enrollment number': a head count)
    "enrollment", "enrolment", "accrual", "sample size",
    # ('til cutoff used in kate2?': the value a marker is called positive at)
    "cutoff", "cut-off", "cut off", "threshold",
)
REFERENCE_CUES = (
    "which paper", "what paper", "which study is cited", "which reference", "what reference", "cited",
    "cite ", "citation", "source for", "what source", "primary paper", "primary source", "who reported",
    "who showed", "who published", "published in", "which journal", "what journal", "doi", "authors",
    "author of", "reference for", "reference number", "pubmed", "who demonstrated", "who found",
    "publication", "backs the", "back up", "supports the", "underlies", "underlying paper", "come from",
    "comes from", "which study supports", "what supports", "evidence for the claim", "source paper",
    "original paper", "original publication", "paper behind", "pivotal paper", "key paper", "full cite",
)
BACKMATTER_CUES = ("fund", "grant", "conflict", "contribut", "disclaimer", "competing interest", "wrote the",
                   "author contributions", "supported by")

# Chat words that carry no topic ("whats", "pls", "combos"): never a reason to decline.
# Everyday words the review never uses, which the spelling corrector must not turn into one it does
# ('i thought those were for…' is not 'through', 'sitting there' not 'setting')
EVERYDAY_WORDS = frozenset("""
thought thoughts though brought bought taught caught fought sitting sitting worried worry worries scared afraid
confused confusing honestly literally definitely probably maybe wondering wonder hoping hope feeling feels
everyone everybody someone somebody something nothing everything anyone anybody because
clinic clinics hospital hospitals doctor doctors nurse nurses pharmacy appointment appointments
""".split())

CHAT_WORDS = frozenset("""
whats what's hows whos wheres whens wats pls plz please thx thanks thank hey hello okay ok alright cool hmm yeah
gimme wanna gonna fyi btw omg lol imo imho asap
kinda sorta quick quickly brief briefly basically main takeaway takeaways gist tldr eli5 summary summarize
summarise overview anything something stuff thing things info details detail explain explained tell
mention mentioned mentions cover covers covered discuss discussed discusses talk talks talking about
combo combos difference differences different compare compared comparison versus numbers number data
results result findings finding outcome outcomes show shows showed shown trial trials study studies
review paper article section part parts anyway also really actually exactly roughly approximately
know known need needs give given list name names which ones does did kind kinds type types sort sorts
way ways like tldr eli5 simple simply words plain take-home takehome takeaway bottom-line supposed supposedly regular usual normal typical typically generally ever even
mean means meant
im ive tho
going thru
""".split())

# Words that carry a question's intent rather than its topic; a typo in one is mended like a typo in a
# name ('what happend in PATRICIA', 'main pionts'), though the review may never use the word itself.
INTENT_WORDS = set("""
happened happen points summary summarize summarise overview difference differences different compare comparison
explain explanation mechanism mechanisms meaning define definition results outcome outcomes findings showed
""".split())

# A trial's head count asked by name: 'total enrollment in her2climb?', 'monarcher accrual', 'sample size of KATE2'
HEAD_COUNT_NAMES = r"enrol(?:l)?ment|accrual|sample size"

# Clinical shorthand people type, mapped to the review's words.
SHORTHAND: dict[str, str] = {
    "pts": "patients", "pt": "patient", "mets": "metastases", "met": "metastasis", "tx": "treatment",
    "chemo": "chemotherapy", "rx": "treatment", "dx": "diagnosis", "tox": "toxicity", "ae": "adverse event",
    "std": "standard",
    "sae": "serious adverse event", "brain mets": "brain metastases", "cns mets": "brain metastases",
    "db": "DESTINY-Breast", "resp": "response", "cape": "capecitabine", "tras": "trastuzumab", "atezo": "atezolizumab",
    "w": "with",
    # asking words typed with two letters swapped ('what did EMILIA shwo'): too short for the fuzzy mending
    "shwo": "show", "hsow": "show", "sohw": "show", "waht": "what", "hwat": "what", "waht's": "what's", "hwo": "how",
    "teh": "the", "adn": "and", "fo": "of",
    "r": "are", "u": "you", "ur": "your", "w/": "with", "w/o": "without", "durva": "durvalumab", "palbo": "palbociclib", "abema": "abemaciclib",
    "lap": "lapatinib", "lapa": "lapatinib", "nera": "neratinib", "tuca": "tucatinib", "tuc": "tucatinib", "surv": "survival", "approx": "approximately",
    # chat spellings of frame words, so that intent and coverage read them ('tell me abt monarcHER')
    "abt": "about", "bout": "about", "wat": "what", "wht": "what", "wats": "whats", "whts": "whats", "wuts": "whats", "cuz": "because", "bcuz": "because",
    "yr": "year", "yrs": "years", "mo": "months", "mos": "months", "ppl": "people",
    "io": "immunotherapy", "ici": "immune checkpoint inhibitor", "icis": "immune checkpoint inhibitors",
    # the review writes its models out ("patient-derived xenografts and organoids")
    "pdx": "patient-derived xenograft", "pdxs": "patient-derived xenografts",
    "ngs": "next-generation sequencing",
    # a class typed by its adjective alone, as 'adcs' ('bispecifics, car-t etc'): the review's bispecific antibodies
    "bispecifics": "bispecific antibodies",
    "tbl": "table",
}

# How people ask (left, a regex prefix) versus how the review says it (right): added to retrieval terms.
# Radiation to a metastasis, as typed ('radiation', 'SRS'): with surgery beside it, the review's local therapy
RADIATION_TYPED = r"(?:radiation|radiotherapy|radiosurgery|srs)"
# Those close to a patient, who ask for them or whose words they pass on ('my wife', "dad's oncologist")
CLOSE_ONES = r"wife|husband|partner|mom|mum|mother|dad|father|sister|brother|daughter|son|friend|aunt|uncle"
# Treatment timed by surgery, as typed: the review's adjuvant and neoadjuvant settings
# ('residual disease after chemo + surgery': the treatment before the operation named beside it)
AFTER_SURGERY = (r"\b(?:after|following|post)[\s-]*(?:(?:her|his|my|your|their|the|an?)\s+)?"
                 r"(?:(?:chemo\w*|radio\w*|radiation|neo-?adjuvant(?: \w+)?)\s*(?:\+|and|&|/|then|plus)\s*)?"
                 # ('after surgery or radiation' for a metastasis is local therapy, see LOCAL_THERAPY_TYPED)
                 rf"(?:surgery|op(?:eration)?)\b(?!\s+(?:or|and|/|\+)\s+{RADIATION_TYPED}\b)|"
                 r"\bpostoperative\b|"
                 # ('mom had surgery and …': what follows is after it)
                 r"\b(?:had|has had|underwent|went through)\s+(?:(?:her|his|my|your|their|the|an?)\s+)?(?:surgery|op(?:eration)?)\b")
BEFORE_SURGERY = r"\b(?:before|prior to|pre)[\s-]*(?:(?:her|his|my|your|their|the|an?)\s+)?(?:surgery|op(?:eration)?)\b|\bpreoperative\b"

# 'could they stay on tucatinib after radiation or surgery?': surgery typed beside radiation, for a metastasis, is
# the review's local therapy (not surgery of the breast, nor its adjuvant setting)
LOCAL_THERAPY_TYPED = (rf"\b{RADIATION_TYPED}\s+(?:or|and|/|\+)\s+(?:brain\s+)?surgery\b|"
                       rf"\b(?:brain\s+)?surgery\s+(?:or|and|/|\+)\s+{RADIATION_TYPED}\b")

# Who approves a drug ('when did FDA approve it'): never the subject asked about, nor a date's scope
AGENCIES = frozenset({"fda", "ema", "food and drug administration"})

# Topics a reader names by another organ word than the review's: CNS metastases are the review's brain metastases
SAME_TOPIC = {"cns": "brain", "intracranial": "brain"}

# How a drug acts, in the review's words: what it inhibits, and how selectively
HOW_IT_ACTS = "mechanism action inhibits inhibitor selective"
# 'how long people lived', 'live longer': how long patients survived is the review's overall survival
LIVED_LONGER = r"\bhow long (?:\w+ ){0,2}?(?:lived|live|survived|survive)\b|\blive[sd]? longer\b|\blonger (?:lives|life)\b"

# 'what came out of it': what a trial came out with (its results), in the synonyms and in the intent patterns
CAME_OUT_OF = r"(?:came|comes|come) out of"

# 'how far along is it?', 'where are they in development': how far a drug has come is the phase of its trials
DEVELOPMENT_STAGE = (r"\bhow far along\b|\bhow (?:far|advanced) (?:is|are) (?:it|they|\w+) in development\b|\bdevelopment stage\b|"
                     r"\bwhere (?:is|are) (?:it|they|each|\w+) in (?:development|the pipeline|testing)\b")
# The patients a question sets apart ('which patients did better', 'what subgroup benefits')
PATIENT_GROUP = r"(?:patients|pts|people|subgroups?|groups?)"
SYNONYMS: dict[str, str] = {
    # 'who did best in PATRICIA?': the patients a treatment benefits, the subgroup that did better
    # ('which patients did better on palbo': the same asked of the patients)
    rf"\b(?:who|which {PATIENT_GROUP}) (?:did|does|do|fared|responded) (?:the )?"
    r"(?:best|better|well|most)\b|\bwho (?:benefit\w*|gain\w*)\b":
        "benefits patients subgroup",
    # 'does immunotherapy help everyone with her2+': whether all benefit or only some, the review's "subset of
    # patients" / "more selected subgroup"
    # (not 'is everyone just improvising', which asks no benefit)
    rf"\b(?:(?:help|helps|helping|helped|benefit\w*)\s+(?:for\s+|in\s+)?|(?:work|works|working|worked)\s+(?:for|in)\s+)"
    rf"(?:every(?:one|body)|all (?:the )?(?:[\w+\-]+ ){{0,2}}?{PATIENT_GROUP}|all of them)\b": "subset subgroup selected",
    # 'anything about managing the diarrhea?': how a side effect is kept down, the review's prophylaxis and tolerability
    r"\bmanag(?:e|es|ed|ing|ement)\b": "prophylaxis tolerability",
    # 'is there a standard treatment for the third line?': what every patient would get is the review's standard of care
    # ('is there a standard 3rd line treatment?': the line named between)
    r"\bstandard (?:(?:1st|2nd|3rd|first|second|third|later)[\s-]lines?\s+)?"
    r"(?:treatments?|therap(?:y|ies)|options?|regimens?|approach(?:es)?|drugs?)\b": "standard of care",
    # 'first line soc?': the first line's standard of care is what the review calls its gold standard ("CLEOPATRA
    # established the gold standard in the first-line setting"; of later lines it says there is no standard of care)
    r"(?:first|1st)[\s-]*line\s+(?:standard of care|soc)\b|(?:standard of care|soc)\s+(?:in|for)\s+(?:the\s+)?"
    r"(?:first|1st)[\s-]*line\b": "first-line gold standard",
    # 'whats the trial id for ZW49?': the tables' identifier column
    r"\b(?:trial|registry|registration|study) ids?\b": "NCT identifier",
    r"side[\s-]?effects?": "adverse events toxicity",
    r"tolera": "toxicity profile tolerability",
    r"penetra": "crossing brain–blood barrier central nervous system",
    r"brain": "central nervous system brain metastasis",
    r"cns\b": "brain metastasis central nervous system",
    # 'kadcyla vs enhertu at the molecule level': how the drugs are built
    r"\bparts?\b|\bbuilding blocks?\b|\bmade of\b|\bbuilt\b|\bstructur\w*|\bconstructed\b|\bdesign(?:ed)?\b|"
    r"\bmolecul(?:e|ar)[\s-]level\b|\bmolecularly\b":
        "components composed consists linked linker payload designed developed",
    r"target(?:s|ed)?\b|\bhit(?:s|ting)?\b|\bgo(?:es)? after\b|\battack(?:s|ing)?\b": "inhibits inhibitor",
    # ('so what did that lead to' after a trial: what the review says its results led to, an approval based on them)
    r"what did (?:that|this|it|they|these|those)(?: \w+)? lead to\b|\bwhat (?:came|resulted) (?:of|from)\b":
        "led to based on these results approval",
    # ('ctc / ctdna positivity prognostic?': what the review says of the prognosis)
    r"prognostic\b": "prognosis",
    # ('is anyone targeting AXL with drugs yet?': "Its inhibition … is currently being evaluated in clinical trials")
    # (not 'src-targeting drugs', a kind of drug named)
    # ('any drugs aimed at PI3K?', 'any drugs for AXL yet': a drug for a target is its inhibitor)
    r"(?<![\w-])targeting\b|\b(?:drugs?|agents?|medicines?|meds|compounds?|therap(?:y|ies)|treatments?) (?:aimed at|directed at|against|for)"
    r"(?= (?:it|them|this|that|(?-i:[A-Z][A-Z0-9]{1,}\w*)|[a-z]+\d\w*)\b)": "inhibits inhibitor inhibition",
    # 'what they hit', 'what does it target' (not 'HER2-targeted therapy'): what a drug inhibits, how selectively
    r"\bhit(?:s|ting)?\b|(?<![\w-])targets?\b": "inhibition selective",
    r"approv": "approved approval FDA",
    # ('… proven to work?': whether studies demonstrated its efficacy)
    r"\bprove[nd]?\b|\bproof\b": "demonstrate demonstrated efficacy",
    r"\bcandidates?\b": "potential",  # 'candidate biomarkers': the review's "potential biomarkers"
    # 'is anything targeting it in the clinic yet?': the clinic is where the review's clinical trials and practice are
    r"\bclinics?\b": "clinical",
    # 'whats tukysa usually given with?': the drugs given beside it, as the review joins them ("tucatinib or placebo in
    # combination with capecitabine and trastuzumab", "T-DXd plus pertuzumab")
    # ('what do they give tukysa with?': the drug named between)
    # (not 'what might go with better PFS': what is associated with it)
    # (the drug between stays where it is typed: 'reason to give immunotherapy with an adc' keeps 'immunotherapy')
    r"(?:given|gives?|giving|used|paired|taken)\b(?=(?: [\w\-]+){0,2}? (?:together |alongside )?with\b)":
        "in combination with plus",
    r"\bmarkers?\b": "biomarkers",  # 'which immune markers went with better PFS': the review's "biomarkers"
    # 'how does too much cyclin D1 cause resistance?': too much of a protein is its overexpression
    r"\btoo much\b(?! (?:of )?(?:the )?(?:drug|dose|toxicity|diarrh\w*))|\bexcess(?:ive)?\b": "overexpression overexpressed",
    # 'why would a PIK3CA mutation make herceptin work less well?': a drug working less well is resistance to it
    # ('if kadcyla stops working what comes next' asks what follows it, not why)
    r"\bwork(?:s|ed|ing)? (?:less(?: well)?|worse)\b|\bless effective\b": "resistance",
    # 'how does pi3k hyperactivation make cells resistant?': what turns cells resistant leads to the review's resistance
    r"\b(?:make|makes|made|making|become|becomes|became|becoming|render\w*|turn\w*|go|goes|went)\s+(?:[\w\-]+\s+){0,2}?"
    r"resistant\b": "resistance",
    # 'does enhertu work after kadcyla stops working?', 'kadcyla stopped working for me': after that drug failed
    # (not 'why would a mutation make herceptin stop working', which is resistance, nor 'once 2 lines stop working')
    r"\b(?:after|if|once|when)\s+(?!it\b|they\b|that\b|this\b)\S+\s+(?:stops|stopped|has stopped)\s+working\b|"
    r"^\W*\S+\s+stopped\s+working\b": "after failure prior",
    r"\bdos(?:e|es|ing|age)\b": "mg/kg every weeks",
    r"\bschedules?\b|\bdosing intervals?\b": "every weeks",
    # a dosing interval in prescribers' shorthand ('was enhertu given q3w'): 'every n weeks' in the review's words
    r"\bq3w(?:ks?)?\b|\b(?:3|three)[\s-]weekly\b": "every three weeks",
    r"\bq2w(?:ks?)?\b|\b(?:2|two)[\s-]weekly\b|\bfortnightly\b": "every two weeks",
    r"\bq4w(?:ks?)?\b|\b(?:4|four)[\s-]weekly\b": "every four weeks",
    r"\bq1?w(?:k|eek)?\b": "every week weekly",
    # 'how often do patients get enhertu?': how often a drug is given is its interval
    r"\bhow (?:often|frequently)\b(?=[^?]{0,40}\b(?:(?:given|administered|dosed|infused|injected)\b|"
    r"(?:get|gets|got|take|takes|receive|receives)\s+[\w\-]+\W*$))": "every weeks mg/kg",
    # 'does zw25 work tho?': whether a drug works, asked alone, is what its studies demonstrated (an improvement)
    r"^\W*(?:(?:so|and|but|ok)\W+)?(?:does|do|did|will|would|can)\s+(?:it|they|[\w\-]+)\s+(?:actually\s+|really\s+|even\s+)?"
    r"work(?:\s+(?:tho|though|at all))?\W*$":
        "demonstrated improved",
    r"\bwork(?:s|ed)?\b": "activity",
    # 'so what did the fda do after that': what a regulator did after a trial is the approval it gave
    r"\b(?:what|how) (?:did|does|has|will) (?:the )?fda (?:do|decide|say)\b|\bfda (?:decisions?|actions?|responses?)\b":
        "approval approved",
    # 'palbo + herceptin any use in hr negative?': whether a treatment is of use is whether it benefits
    r"\b(?:any|much|no|of) use\b|\buseful(?:ness)?\b|\bany good\b": "benefit benefits",
    # 'how they work': how a drug acts is what it inhibits, and how selectively
    # ('what do they each block' of two drugs; not 'which receptors does neratinib block', a list of targets)
    r"\bhow (?:do|does|did) (?:[\w\-]+ ){0,3}?work\b|\bhow (?:they|it) works?\b|"
    r"\bwhat (?:do|does|did) (?:they|it|each|both)(?: each)? block\b":
        HOW_IT_ACTS,
    # 'why does enhertu work even if the her2 is low': what works whatever the level is said to work "regardless of" it
    r"\beven (?:if|when|though|with|in)\b|\bno matter\b": "regardless",
    # 'her2 is patchy across the tumor': HER2 expressed unevenly is the review's heterogeneity
    r"\bpatchy\b|\bpatchily\b|\bunevenly?\b|\bspotty\b": "heterogeneous heterogeneity",
    # 'HER2 discordance between primary and mets': HER2 status that changes from the primary to a metastasis
    r"\bdiscordan\w*|\bconcordan\w*": "oscillate primary metastasis heterogeneity",
    r"mechanism of action|\bmoa\b": "mechanism action inhibits",
    r"progress(?:ed|ion)? (?:on|after)|\bfail(?:s|ed|ure)?\b|refractory|\bst(?:o|op)ped working\b|\bno longer work": "failure",
    # 'does how much her2 a tumour has predict…': the amount of HER2 is its expression level
    r"\bhow much her2\b|\b(?:amount|quantity|levels?) of her2\b|\bher2 (?:amount|levels?)\b|"
    r"\b(?:really |very |super )?high(?:er)? her2\b(?![\s-]*(?:positive|low|\+))": "HER2 expression levels",
    # 'sample size of KATHERINE': how many patients a trial took ("a phase III study involving 1486 patients")
    r"\b(?<!blood )(?<!tissue )(?<!tumor )(?<!plasma )sample(?: sizes?)?\b(?! (?:of|from) )|\bhow (?:big|large) (?:was|were|is)\b":
        "patients",
    r"\blower(?:s|ed)?\b|\breduc|\bless\b|\bfewer\b": "reducing decrease",
    # 'if my brain mets grow while on tukysa do i have to stop it': disease that grows on treatment progresses,
    # and whether to stop is whether treatment is continued
    r"\bgrow(?:s|ing|n)?\b|\bget(?:s|ting)? (?:bigger|worse)\b": "progression progressed",
    r"\b(?:have|need) to stop\b|\bkeep (?:taking|going|on)\b|\bcarry on\b": "continued",
    # 'once you're past 2nd line', 'after two lines have failed': the review's third and later lines
    r"\b(?:past|beyond|after) (?:the )?(?:2nd|second|two|2)(?:[\s-]lines?)?\b|\b(?:two|2) (?:prior )?lines (?:have |had )?failed\b":
        "third later lines",
    # 'what do doctors usually start with?': the treatment given first is the first-line standard
    r"\b(?:start|begin)(?:s|ed)? (?:with|on)\b|\bfirst (?:treatment|choice|option|drugs?|therapy)\b": "first-line standard",
    r"\btoxic\b": "toxicity",
    # 'miserable with GI stuff', 'stomach problems on nerlynx': the review's gastrointestinal events and diarrhea
    r"\bgi\b|\bstomach\b|\bgut\b|\bbowels?\b|\bloose stools?\b|\bthe runs\b": "gastrointestinal diarrhea",
    r"\bpulmonary\b|\blungs?\b": "lung interstitial pneumonitis",
    # 'lung fibrosis on enhertu': scarring of the lung is one interstitial lung disease
    r"\bfibrosis\b": "interstitial lung disease",
    # 'any cell therapy for her2 mbc?': the review's one cell therapy is CAR-T
    r"\bcell(?:ular)?[\s-]based therap(?:y|ies)\b|\bcell(?:ular)? therap(?:y|ies)\b|\badoptive (?:cell|t[\s-]?cell)\w*": "CAR-T",
    r"checkpoint (?:inhibitors?|blockers?|blockade)|\bicis?\b|immune checkpoint|\bimmuno\b|\bio\b|immuno-?oncology": "immunotherapy",
    r"\brationale\b|\breasoning\b": "supports due",
    r"\blimit(?:s|ing)?\b|\bdrawbacks?\b|\bdownsides?\b|\bused more\b|\bnot (?:used|use)\b|\bunder-?used\b|"
    r"\b(?:holds?|holding|held) (?:it|them|[\w\-]+) back\b|\bstruggl\w*|\bstay(?:ing)? on\b|\bstop(?:ping|s|ped)?\b(?! working)|\bdiscontinu\w*|\bquit\w*|"
    r"\bdrop(?:ping|s)? out\b|\b(?:problems?|issues?|concerns?|catch) (?:with|of)\b": "limited limitation",
    # 'what other approaches are being explored?', 'what are they looking into': the research the review
    # says the field is centred on
    r"\bbeing (?:explored|looked at|looked into|researched)\b|\blooking into\b|\bon the horizon\b|"
    # ('whats coming next for her2': not 'what next after enhertu', the line after a drug)
    r"\bin the pipeline\b|\bcoming (?:next|up|soon)\b|\bupcoming\b": "further research approaches",
    # 'so whats next for that approach?' after a trial: the trial that carries it on, ongoing (not 'what next after
    # enhertu', the line after a drug)
    r"\bwhat(?:'s|’s|s| is| comes)? next for\b":
        "ongoing trial aims currently",
    # 'why is neratinib so hard to take?': what limits its use, its side effects
    r"\b(?:hard|tough|difficult|rough) (?:to (?:take|tolerate|stay on|handle)|on (?:patients|people|pts|you|me)\b)":
        "limited limitation adverse toxicity tolerability",
    r"\bsystemic\b": "systematic",
    # 'as it is for leukaemia': blood cancers are what the review calls hematologic cancers
    r"\bleuka?emias?\b|\blymphomas?\b|\bmyelomas?\b|\bblood cancers?\b": "hematologic cancers",
    r"\bmade possible|\benabled?\b|\ballowed\b(?!\s+(?:in|into|on|to (?:join|enrol+|take part))\b)": "possible due improvements",
    # 'tumor dna in her blood test': what the review calls circulating tumor DNA
    r"\b(?:tumou?r|cancer) dna\b|\bdna (?:in|from) (?:the |her |his |my |their )?blood\b": "circulating tumor DNA ctDNA",
    # 'the spread tumor', 'the original breast tumor': a metastasis and the primary disease
    r"\bspread (?:tumou?rs?|cancer|disease|lesions?|spots?)\b|\bwhere it (?:has )?spread\b": "metastasis metastatic",
    r"\boriginal (?:breast )?(?:tumou?r|cancer|lump)\b|\bfirst (?:breast )?tumou?r\b": "primary disease",
    # 'would people like him have been allowed in the trial?', 'who was eligible': whom a trial included
    r"\b(?:allowed|let|admitted) (?:in|into|on)\b|\ballowed to (?:join|enrol+|take part)\b|\beligib\w*":
        "included patients",
    r"\bblood tests?\b|\bblood draws?\b|\bblood samples?\b": "liquid biopsy plasma circulating",
    r"\b(?:easier|harder|tougher|rougher) on\b|\bgentler\b|\bbetter tolerated\b|\bkinder\b|\b(?:fewer|less|milder)\s+(?:side[\s-]?effects?|adverse)|"
    r"\bmore tolerable\b|"
    # ('is it harsher than the pill combo?': how hard a drug is on patients is its toxicity)
    r"\b(?:harsh|rough|tough|mild)(?:er)?\b(?! (?:disease|cancer|tumou?r))": "toxicity profile tolerability quality of life",
    r"\bbefore\b|\bpreviously\b|\bpretreated\b|\bearlier\b|"
    r"\balready (?:been on|had|received|taken|tried|gone through)\b": "prior previously received",
    r"\bbad news\b|\bbad\b|\bworse\b|\bdangerous\b|\bserious\b": "poor prognosis aggressive",
    r"\bhelps?\b|\bbeats?\b|\bget(?:s)? around\b": "overcome overcoming",
    # 'how well did people do on it in that trial?': how patients fared is a trial's results
    r"\bhow (?:well )?did (?:people|patients|pts|women|they) (?:do|fare)\b|\bhow well did\b|\bdo(?:ing)? well\b":
        "results response rate PFS OS improved",
    # 'did it cut the chance of it coming back?': recurrence, what a disease-free survival measures
    r"\bcom(?:e|es|ing) back\b|\bcame back\b": "recurrence relapse invasive DFS",
    # 'coming back somewhere else in the body': away from the breast, what the review calls distant
    r"\b(?:somewhere|anywhere) else in (?:the|her|his|my|their|your) body\b|"
    r"\belsewhere in (?:the|her|his|my|their|your) body\b|\bother (?:parts|organs) of (?:the|her|his|my|their|your) body\b":
        "distant",
    # 'does it come back even with her2 drugs?': what happens despite a treatment
    r"\beven (?:with|on|after|though)\b": "despite still",
    # 'a test of how much HER2 she has': the expression level tested
    r"\bhow much her2\b": "HER2 expression levels",
    # 'will a test … tell us if kadcyla will work for her?': whether a marker predicts who benefits
    r"\btell\b[^?]{0,30}\b(?:if|whether)\b[^?]{0,40}\b(?:will|would|is going to)\s+(?:work|help|respond|benefit)\b":
        "predict predictors benefit",
    # 'does that mean kadcyla will work better for him?': whether a finding predicts who benefits
    r"\bmean\b[^?]{0,40}\b(?:work|works|respond|responds|benefit)\s+better\b": "predict predictors benefit",
    # 'what came out of it?': what a trial came out with is its results ('what approval came out of that' names it)
    rf"\bwhat {CAME_OUT_OF}\b": "results",
    # 'how much did KATHERINE help?': what a trial or its drug helped is the benefit it reports
    # ('does CDK4/6 inhibition help?': asked of a name of any length; 'why would tykerb help' asks the reason instead)
    r"\bhow much did \S+ help\b|(?<!why )(?<!how )\b(?:did|does|do|can|will) (?:[\w\-/+]+ ){1,3}(?:really |actually )?help\b|"
    r"\bhelped\b": "improved benefit",
    # 'third line and beyond' is the text's 'third and later lines' ('3rd line', '2L' are rewritten by
    # QueryAnalyzer.correct())
    r"\blines?\s*\+|\bbeyond\b|\bor later\b": "later lines",
    # 'past the second treatment', 'a standard 3rd option', 'had 2 lines already': the third and later lines
    r"\b(?:past|after|beyond|had) (?:the |her |his |their )?(?:second|2nd|two|2) (?:treatments?|lines?|regimens?|therap\w+)\b|"
    r"\b(?:3rd|third) (?:options?|treatments?|therap\w+|regimens?)\b|"
    r"\b(?:past|after|beyond) (?:the )?(?:3rd|third)[\s-]lines?\b|\bstandard (?:3rd|third)[\s-]lines?\b":
        "third and later lines",
    # 'once you're past the first two lines': what comes after them is the third and later lines
    r"\b(?:past|after|beyond) (?:the )?(?:first )?(?:two|2) lines?\b": "third and later lines",
    # 'what do they use after first line?': what follows the first line is the second ("T-DM1 … as a second-line
    # treatment")
    r"\b(?:after|past|beyond|following)\s+(?:the\s+)?(?:first|1st)[\s-]*lines?\b": "second-line",
    # 'kadcyla in later lines?': the review's later lines are its third line, after at least two anti-HER2 lines
    # ("in patients who had received at least two anti-HER2 lines of therapy"; 'third and later lines' names it already)
    r"(?<!\band )\blater[\s-]lines?\b": "third-line at least two lines",
    # 'which specific variants did bose et al report': a gene's variants are its mutations
    r"\bvariants?\b": "mutations",
    # 'why is it so hard to keep people on nerlynx', 'the big problem people have on it': what limits its use
    r"\b(?:hard|difficult|tough) to (?:keep (?:people|patients|pts|them|someone|her|him) on|stay on|tolerate)\b|"
    r"\b(?:big|main|biggest|major) (?:problem|issue|downside|drawback)s?\b": "toxicity tolerability use is often limited",
    r"\bfrequent(?:ly)?\b|\boften\b": "common",
    r"\bkeep (?:taking|on|going|using)\b|\bcarry on\b|\bstay(?:ing)? on\b": "continued",
    r"\bshr[iau]nk\w*": "response responded overall response rate",
    # 'how many were still alive after 2 years': the overall survival rates
    r"\bstill alive\b|\balive (?:after|at)\b|\bsurviv(?:ed|ing) (?:after|at|past)\b": "OS rates overall survival",
    # 'alive at a year', 'OS after one year': the review gives such rates at 12 months or as one-year rates
    r"\b(?:at|after) (?:a|one|1)[\s-]year\b": "12 months one-year",
    # 'how far along is it?': how far a drug has come in development is the phase of its trials
    DEVELOPMENT_STAGE: "phase trial",
    # 'has anyone tried blocking it?', 'does blocking AXL work?': an inhibitor tried, the review's inhibition
    r"\b(?:tried|try|trying|tested|testing|considered)\s+block\w*|\bblocking\b": "inhibition inhibitors",
    # 'all-comers vs the PD-L1+ subgroup': everyone in the trial, which the review calls all patients without stratification
    r"\ball[\s-]?comers\b|\bunselected\b|\bintention[\s-]to[\s-]treat\b|\b(?:whole|overall|entire) (?:population|cohort|trial)\b":
        "all patients without stratification",
    # 'was there a difference in how long people lived?', 'did it help them live longer': overall survival
    LIVED_LONGER: "OS overall survival",
    # 'how long did the responses last?': how long a tumour kept responding is the review's duration of response
    r"\bhow long (?:(?:did|do|does|were|are|was|have|has) )?(?:the |their |its |those |these )?(?:responses?|remissions?) "
    r"(?:last|hold|held|persist)\w*|\b(?:responses?|remissions?) (?:lasted|last(?:ing|s)?) (?:for )?how long\b":
        "duration of response",
    # disease growing only in the brain is the review's 'local progression' (HER2CLIMB let patients go on after it)
    r"\b(?:progress\w*|grow\w*|got worse|worsen\w*) (?:only |just )?(?:in|of) the brain\b|\b(?:brain|intracranial|cns) progression\b|"
    r"\bbrain (?:spots?|mets?|metastas[ie]s|tumou?rs?) (?:grow|grew|get bigger|got bigger|progress)\w*|"
    r"\b(?:spots?|mets?|tumou?rs?|lesions?) in (?:her|his|my|the|their) brain (?:grow|get bigger|progress)\w*": "local progression",
    # radiation to a metastasis is what the review calls local therapy
    LOCAL_THERAPY_TYPED + r"|\bradiation\b|\bradiotherapy\b|\bradiosurgery\b|\bsrs\b|\bwbrt\b|\bgamma knife\b|\bcyberknife\b":
        "local therapy",
    # 'which her2 pills are approved?': the oral anti-HER2 drugs are the small-molecule TKIs
    # ('which of the pills can get into the brain?': the pills asked about as a kind of drug)
    r"\b(?:her2|anti-?her2|targeted) (?:pills?|tablets?)\b|\boral anti-?her2\b|"
    r"\b(?:which|what|any|the) (?:of the )?(?:pills|tablets)\b": "TKIs tyrosine kinase inhibitors",
    # 'how common is HER2+ BC?': the share of cases it accounts for
    r"\bhow (?:common|prevalent|frequent|rare)\b|"
    # 'what % of all bc cases are her2+': the share of all cases a subtype accounts for
    r"\bwhat (?:%|percent(?:age)?|proportion|share|fraction) of (?:all )?(?:bc |breast cancer )?cases\b|"
    # ('what % of breast cancers are her2+', 'how many breast cancers are her2+': the same share, of the cancers)
    r"\b(?:what (?:%|percent(?:age)?|proportion|share|fraction)|how many) of (?:all )?(?:the )?(?:breast cancers|bcs?) "
    r"(?:are|is)\b(?![^?]*overexpress)|\bhow many (?:breast cancers|bcs) (?:are|is)\b(?![^?]*overexpress)":
        "accounts for cases frequency prevalent",
    r"\b(?:within|inside) (?:a|the|one|the same|each) tumou?r\b|\bsame tumou?r\b": "intratumoral",
    # 'any AXL inhibitors in patients yet or is it still lab stuff': work in the lab is what the review calls
    # preclinical, and testing in patients its clinical trials
    r"\b(?:lab|labs|laboratory|bench|in mice|animal)\s*(?:stuff|work|studies|only|research|models?)?\b": "preclinical",
    r"\b(?:in|on) (?:real )?(?:patients|humans|people)\b(?= yet| so far| already|\?|$)": "clinical trials",
    # 'is HER2 patchy inside the tumour?': expression that varies across a tumour is what the review calls heterogeneous
    r"\bpatch(?:y|ily|es)\b|\buneven(?:ly)?\b": "heterogeneity heterogeneous homogeneously",
    r"\bvar(?:y|ies|ied)\b|\bfluctuat\w*|\bswitch(?:es|ed)?\b|\bflip\w*|"
    # 'she said her2 can change from the original tumor': HER2 status that changes is the review's oscillation
    r"\bher2(?: status| expression| levels?)? (?:can |could |may |might |does |did |will )?chang\w*": "oscillate",
    # 're-biopsy the mets': a metastasis biopsied again, whose HER2 status may differ from the primary's
    r"\bre-?biops\w*": "HER2 status metastasis primary",
    # 'primary-to-met change in HER2': HER2 that changes from the primary tumour to a metastasis
    r"\bprimary(?:[\s-]+tumou?rs?)?[\s-]+(?:to|vs\.?|and|→)[\s-]+(?:the[\s-]+|a[\s-]+)?(?:met|mets|metastas[ie]s|metastatic)\b":
        "oscillate primary metastasis",
    r"\bbbb\b|\bblood[\s-]brain\b": "blood–brain barrier brain–blood barrier crossing",
    # 'adding X to Y' is weighed against Y given alone ('lapatinib plus capecitabine with capecitabine alone')
    r"\badd(?:ing|ed|s)?\s+(?:[\w\-+]+\s+){1,4}?to\b|\baddition of\b": "alone monotherapy combination addition",
    # 'is there anything after kadcyla?', 'what's next after X': what works once X has failed
    r"\b(?:anything|something|options?|what(?:'s|s| is)? next|what else)\s+(?:else\s+)?(?:after|beyond|once)\b|"
    r"\bwhat (?:would |will |should |do you |does one )?(?:usually |typically |normally )?(?:comes?|go(?:es)?|do) next\b|"
    r"\bnext (?:step|option|treatment|line)s?\b":
        "after failure of effective",
    # 'what was it compared against?', the comparison left open: the trial's control arm, its comparator
    # (which the review also writes "in comparison with the physician treatment choice")
    r"compared? (?:against|to|with|versus|vs\.?)\W*$|\bcomparators?\b": "control arm comparison",
    # early (non-metastatic) disease is treated around surgery: the review's (neo)adjuvant settings
    r"\bearly(?:[\s-]stage)? (?:breast cancer|bc|disease|her2\+? ?(?:positive )?(?:bc|breast cancer|disease))\b":
        "adjuvant neoadjuvant",
    # treatment timed by surgery is the review's (neo)adjuvant setting
    AFTER_SURGERY: "adjuvant",
    BEFORE_SURGERY: "neoadjuvant",
    # 'there was still cancer left after chemo', 'leftover cancer': the review's residual disease
    r"\b(?:left[\s-]?over|remaining) (?:cancer|tumou?r|disease)\b|\b(?:cancer|tumou?r|disease) (?:was |is )?(?:still )?"
    r"(?:left|remaining|there)\b": "residual disease",
    r"\b(?:did|worked|performed|came out|does|do) best\b|\bwon\b|\bwinner\b|\bbest arm\b": "better results superior",
    # 'is it true enhertu outperformed kadcyla?': what the review says one drug did to the other's efficacy
    r"\bout-?perform\w*|\bout-?did\b|\bout-?does\b": "enhanced the efficacy better",
    # 'what stage is it (in)', 'how far along is it': a drug's stage of development is its trial phase
    r"\bwhat stage (?:is|are|was|were) (?:it|they|this|that|the drug)\b|\bhow far along\b|"
    r"\bstage of (?:development|testing|trials?)\b": "phase trial",
    # 'what other kinds of treatment are researchers working on': the review's approaches under study
    r"\b(?:kinds?|types?|sorts?) of (?:new )?(?:treatments?|therap\w+|drugs?)\b": "approaches strategies",
    r"\bresearch(?:ers?|ing)\b|\b(?:working on|looking (?:at|into)|exploring)\b": "research exploration",
    # 'which checkpoint receptors do ADCs turn up?': what the review calls upregulating
    # ('which checkpoint receptors go up after adcs': what goes up is upregulated)
    r"\bturn(?:s|ed|ing)?\s+(?:\w+\s+)?up\b|\bramp(?:s|ed|ing)?\s+up\b|\b(?:go|goes|went|gone|going)\s+up\b":
        "upregulating upregulate upregulation",
}


def in_the_reviews_words(text: str) -> str:
    """``text`` with each phrase the review words otherwise put in its words ('checkpoint inhibitors + anti-her2' →
    'immunotherapy + anti-her2'), for finding the section titled in them."""
    for phrase, meaning in SYNONYMS.items():
        text = re.sub(rf"\b(?:{phrase})", meaning, text, flags=re.I)
    return text


def synonym_meanings(text: str) -> list[str]:
    """The review's words for what ``text`` says in its own ('after surgery' → 'adjuvant'), one string per
    synonym it uses."""
    lowered = text.lower()
    return [meaning for pattern, meaning in SYNONYM_PATTERNS if pattern.search(lowered)]


# SYNONYMS as compiled patterns, for every reader of them (built on every call, a hundred patterns pushed others out of
# the re module's cache); a phrase 'non-' negates is not said ('other non-standard approaches?' asks no standard of care)
SYNONYM_PATTERNS = [(re.compile(rf"(?<!\bnon-)(?<!\bnon )\b{phrase}"), meaning) for phrase, meaning in SYNONYMS.items()]
