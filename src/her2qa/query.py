"""Understand a question with the review's own vocabulary: expand abbreviations and brand names,
find the entities it names, flag entities the corpus never mentions, and tell what kind of answer
it wants."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import difflib

from .vocabulary import (ABBREVIATIONS, AFTER_SURGERY, BACKMATTER_CUES, BEFORE_SURGERY, BRANDS, CHAT_WORDS, EVERYDAY_WORDS, INTENT_WORDS,
                         LOCAL_THERAPY_TYPED,
                         NUMERIC_CUES, REFERENCE_CUES, SHORTHAND, STATUS_MEANINGS, synonym_meanings)

STOPWORDS = frozenset("""
a an the of in on at to for from by with without and or but not no nor is are was were be been being
do does did has have had what which who whom whose when where why how that this these those it its
they them their there here than then as into over under about after before between both each either
any all some such can could may might will would should shall must also very more most less least
i we you he she me my our your his her us if so up out just only other same own too s t vs versus
review article paper study studies describe described say says said tell give list mention mentioned
patients patient show showed shown report reported reports according
test tests tested testing evaluate evaluated evaluating examine examined investigate investigated assess assessed
aside leaving putting
""".split())

# A token looks like a named entity (drug, trial, gene, code) if it has digits, capitals inside,
# a hyphenated code shape or a drug-name suffix.
DRUG_SUFFIX_RE = re.compile(
    r"(?:mab|nib|lisib|ciclib|tecan|vedotin|tansine|mycin|platin|taxel|rubicin|sertib|parib|stat|"
    r"zumab|ximab|tinib|rafenib|lukast|dotin|carmazine|deruxtecan|sertib|trozole|strant|olimus)$",
    re.IGNORECASE,
)
TOKEN_RE = re.compile(r"[A-Za-z0-9α-ωΑ-Ω][A-Za-z0-9α-ωΑ-Ω/+.\-–]*[A-Za-z0-9α-ωΑ-Ω+]|[A-Za-z0-9]")


# "What PFS did…", "What OS results…", "what efficacy results…": a measured outcome is asked for.
MEASURE_QUESTION_RE = re.compile(
    r"^(?:what|whats|which|how)\b(?!.*\b(?:why|how does|how do|how did|how can|mechanism)\b).*"
    r"\b(?:PFS|OS|ORR|DCR|hazard ratio|response rate|survival|efficacy results|results did|benefit did|"
    r"incidence|frequency|prevalence|IC50|dose)\b", re.IGNORECASE)
ORDINAL_WORDS = {"1": "first", "2": "second", "3": "third", "4": "fourth"}
ROMAN_OF = {"one": "I", "two": "II", "three": "III", "four": "IV"}
NUMBER_OF = {"first": 1, "1st": 1, "one": 1, "second": 2, "2nd": 2, "two": 2, "third": 3, "3rd": 3, "three": 3}


def cue_re(cues, whole_words: bool = False) -> re.Pattern:
    """A cue starts a word: 'dar' asks for a DAR, not the 'dar' in 'standard'; with ``whole_words`` it
    ends one too: 'doi' is not in 'doing' (while 'dose' still finds 'doses')."""
    def one(cue: str) -> str:
        return (("(?<![a-z0-9])" if cue[0].isalnum() else "") + re.escape(cue)
                + ("(?![a-z0-9])" if whole_words and cue[-1].isalnum() else ""))
    return re.compile("|".join(one(cue) for cue in cues))


NUMERIC_CUE_RE = cue_re(NUMERIC_CUES)
# 'in each', 'for both': what is asked, asked of every name
EACH_ASKED_RE = re.compile(r"\b(?:in|for|of|from) (?:each|both)(?: (?:of (?:them|the two|these|those)|one|trial|study|arm))?\W*$")
# 'kadcyla emilia pfs numbrs?': an endpoint's figures asked by name, with no question word before them
# (not one of several aspects listed, 'design, pfs, os numbers?', which asks for the telling of each)
ENDPOINT_FIGURES_RE = re.compile(r"^[^,;]*\b(?:pfs|os|orr|dfs|idfs|dcr|dor|overall survival|response rate)\s+"
                                 r"(?:numb?e?rs?|nums|figures?|stats|values?)\W*$", re.I)
# "everolimus + herceptin + paclitaxel - what were …": what the question is about, set before it by a dash or colon
# (only a plain 'what were the …' after it: 'X vs Y: which one helped OS?' and 'DESTINY-Breast01: what were the design,
# the ORR …' choose or describe, they do not ask figures alone)
LABEL_BEFORE_RE = re.compile(r"^[^?]{2,80}?\s*(?:\s[-–—]+|:)\s+(?=what (?:were|was|are|is) the\b(?![^?]*\b(?:design|compare|which)\b))", re.I)
# journals people name by their initials ('the tucatinib NEJM one'): where a cited paper appeared, which the reference
# list prints in full ("N. Engl. J. Med.")
JOURNAL_SHORT_NAMES = {"nejm", "jama", "jnci", "jco"}
# "which combo with everolimus improved pfs?": the regimen (drug, trial) that did better is a name, not a figure
REGIMEN_ASKED_RE = re.compile(r"^\W*(?:(?:and|so|ok)\W+)?(?:which|what) (?:combos?|combinations?|regimens?|drugs?|agents?|"
                              r"treatments?|therap(?:y|ies)|trials?|stud(?:y|ies)|arms?)\b(?:\s+[\w\-+/]+){0,4}?\s+"
                              r"(?:improved?|improves|showed|shows|prolonged|extended|increased|gave|boosted)\b", re.I)
# "which patients got the pfs benefit with everolimus?": who benefited is a population, not a figure
POPULATION_ASKED_RE = re.compile(r"^\W*(?:(?:and|so|ok)\W+)?(?:which|what) (?:patients|pts|subgroups?|people|women|population|"
                                 r"groups?|kinds? of patients|type of patients)\b", re.I)
# 'the NCT number of ipatasertib': a registry's identifier, no figure measured
IDENTIFIER_NUMBER_RE = re.compile(r"\b(?:nct|registry|registration|trial|identifier|reference|ref|doi|pubmed|pmid)\s+"
                                  r"(?:numbers?|nos?\.?|#)", re.I)
# "what do the authors conclude?": what the review's own authors say, not who wrote a cited paper
AUTHORS_SAY_RE = re.compile(r"\b(?:the |review(?:'s)? )?authors?\s+(?:\w+\s+)?(?:conclude|say|suggest|propose|recommend|"
                            r"think|argue|highlight|emphasi[sz]e|believe|mean|see|consider)\w*|"
                            r"\b(?:per|according to|in the (?:view|opinion) of|as per) (?:the |these )?(?:review(?:'s)? )?"
                            r"authors?\b|"
                            # "the authors' overall take home message", "the authors view on…"
                            r"\bauthors?(?:['’]s?|['’])?\s+(?:\w+\s+){0,2}?(?:message|view|take|opinion|conclusions?|"
                            r"stance|position|verdict|perspective|recommendations?|framing|words|wording|account|"
                            r"estimate|summary|reading)\b", re.I)


# British and American spellings of one word ('tumour'/'tumor', 'randomised'/'randomized', 'oestrogen'/
# 'estrogen', 'haematologic'/'hematologic', 'centre'/'center'), each way: the review prints one of them.
SPELLING_RULES = ((r"our", "or"), (r"or(?=\w)", "our"), (r"is(?=e|ed|es|ing|ation)", "iz"), (r"iz(?=e|ed|es|ing|ation)", "is"),
                  (r"(?<=\w)oe", "e"), (r"(?<=\w)ae", "e"), (r"^oe", "e"), (r"tre\b", "ter"), (r"ter\b", "tre"))


def spelling_variants(word: str) -> list[str]:
    """The other spellings of a word, one rule at a time: 'tumour' → ['tumor']."""
    variants = [re.sub(pattern, replacement, word) for pattern, replacement in SPELLING_RULES]
    return [v for v in dict.fromkeys(variants) if v != word]


def without_authors_saying(question: str) -> str:
    """The question without 'the authors conclude' (an opinion of the review, not a bibliography cue)."""
    return AUTHORS_SAY_RE.sub(" the review says ", question)


REFERENCE_CUE_RE = cue_re(REFERENCE_CUES, whole_words=True)
# "Per the SEER figures cited, how does … compare": where the figures come from scopes the question; it asks no source
SOURCE_SCOPE_RE = re.compile(r"\b(?:per|according to|using|from|based on) (?:the )?[\w\s\-]{0,40}? cited\b,?")
BACKMATTER_CUE_RE = cue_re(BACKMATTER_CUES)
# "monarcher paper - who and where": a trial's paper, then who wrote it and where it appeared
PAPER_ASKED_RE = re.compile(r"\b(?:paper|publication)\s*(?:[-–—:,]\s*|\s+)(?:who|where|when|which journal|what journal|authors?)\b")
# What is said of a gene or receptor right after its name: a lower-case word the review also prints in capitals as a
# name ('met') is that name before one of these ('met aberrations', 'met inhibitors')
MOLECULE_NOUN_RE = re.compile(r"(?:aberrations?|amplifications?|amplified|mutations?|mutated|alterations?|inhibitors?|inhibition|"
                              r"pathways?|signal+ing|overexpression|expression|receptors?|genes?|activation|upregulation)", re.I)
# 'tukysa dosing - is it 300 mg bid?': a dose typed is a figure asked to be checked
DOSE_TYPED_RE = re.compile(r"\b\d+(?:\.\d+)?\s*(?:mg(?:/kg|/m2)?|mcg|µg)\b", re.I)
# 'cep17', 'rc48': letters then digits, a code naming one thing
CODE_SHAPED_RE = re.compile(r"[A-Za-z]{2,}-?\d+[A-Za-z]?")
# a name this short is found in the review's paragraphs only as a word of its own
SHORT_NAME = 3
# a name this short (letters and digits) is known only when one printed word holds it
SHORT_COMPACT_NAME = 6
# "src activation linked to worse survival - source?": a claim, then the one word asking where it comes from
# ('her2climb source?', 'muc4 epitope masking paper?': a short label, then the one word; 'paper for her2climb?')
SOURCE_TAG_RE = re.compile(r"[-–—:,]\s*(?:the\s+|its\s+|any\s+)?(?:source|ref|reference|citation|paper)s?\s*\??\s*$|"
                           r"^\W*(?:[\w+/-]+\s+){1,3}(?:source|ref|reference|citation|paper|publication)s?\s*\?+\s*$|"
                           r"^\W*(?:the\s+)?(?:source|ref|reference|paper|publication)s?\s+(?:for|on|behind|of)\s+"
                           r"(?:the\s+)?[\w+/-]+(?:\s+(?:trial|study))?\s*\?*\s*$|"
                           # ('everolimus pfs claim - which trial backs it': the work behind a claim)
                           r"\b(?:which|what)\s+(?:trial|study|paper|ref|reference|source|work)\s+(?:backs|supports|underpins|"
                           r"is behind)\s+(?:it|that|this|them|the claim)\b")
# "the timeline figure of approvals - what's it based on?": a figure's caption names the work it was drawn from
FIGURE_SOURCE_RE = re.compile(r"\b(?:figure|fig|timeline|diagram|illustration|schematic|image|graphic)s?\b[^?]{0,60}?\bbased on\b|"
                              r"\bbased on\b[^?]{0,30}\b(?:figure|fig)\b")
# "What does the review say about X?", "Does it discuss X?": X itself must be in the corpus.
# Words for the parts of a text ("the section on …"), never a topic the review could lack.
FRAME_NOUNS = {"section", "sections", "chapter", "chapters", "part", "parts", "paragraph", "paragraphs", "review",
               "paper", "article", "text", "table", "tables", "figure", "figures", "bit", "piece",
               # ('tell me the enhertu story': how a drug's course is told)
               "story",
               # ('a kadcyla study called TH3RESA': how a name is introduced, not a topic of its own)
               "called", "named", "termed", "dubbed"}
# What the asker says of their own background ("im from heme so only know imatinib", "i only know herceptin")
ASKER_BACKGROUND_RE = re.compile(r"\b(?:i'?m|i’m|i am)\s+from\s+[^,;.?!]*|"
                                 r"\bi\s+(?:only\s+|just\s+|mostly\s+)?(?:know|knew|have heard of|heard of)\b[^,;.?!]*|"
                                 r"\b(?:so|and)\s+only\s+know\b[^,;.?!]*", re.I)
# How one topic bears on another ("heterogeneity and its relevance to neoadjuvant response"): a relation asked
# between topics the review holds, never a topic of its own it could lack.
RELATION_NOUNS = {"relevance", "importance", "significance", "implications", "impact", "relationship", "relation",
                  "connection", "association", "bearing", "role"}
TOPIC_RE = re.compile(r"\b(?:say|says|tell (?:me|us)|discuss(?:es)?|mention(?:s)?|cover(?:s)?)\s+(?:about\s+)?"
                      # ('tell me how often the lung trouble occurred': a question told, not a topic named)
                      r"(?!(?:how|what|which|who|when|where|why|whether|if)\b)"
                      # ('ok but say it comes back as mets': a case supposed, no topic)
                      r"(?!(?:it|they|she|he|we|i|you)\s+\w+)"
                      # ('path report mentions cyclin D1 overexpression - why would that matter': the topic ends at a dash)
                      r"(?:the\s+|any\s+)?([\w\-–/ ]+?)(?:\s+(?:in|for|as|during|among|with|an|to)\b|\s[-–—]+\s|[?.,]|$)",
                      re.IGNORECASE)


PHASE_NUMERAL_RE = re.compile(r"[IVX]+[ab]?(?:/[IVX]+[ab]?)?")  # a trial phase ('III', 'I/Ib') read as a name


def is_phase_numeral(name: str) -> bool:
    """A phase ('III', 'I/Ib'), which the analyzer may take for a name, is no subject to ask of or carry on."""
    return bool(PHASE_NUMERAL_RE.fullmatch(name))


def _letter_series(text: str) -> list[str]:
    """'PI3Kβ/γ/δ' → ['PI3Kβ', 'PI3Kγ', 'PI3Kδ']: names printed as one stem with a series of Greek letters."""
    return [f"{m.group(1)}{letter}" for m in re.finditer(r"\b(\w+?)([α-ω](?:/[α-ω])+)", text)
            for letter in m.group(2).split("/")]


def compact(text: str) -> str:
    return re.sub(r"[^a-z0-9α-ω]+", "", text.lower())


_SHORT_NAME_RES: dict[str, re.Pattern] = {}


def _short_name_re(key: str) -> re.Pattern:
    """'nala' as a word, optionally with hyphens or spaces between letters ('T-DXd' ~ 'tdxd'),
    but not inside another word ('monoclonal antibody' does not name NALA); an isoform's Greek letter
    may follow ('PI3Kα' names PI3K)."""
    pattern = _SHORT_NAME_RES.get(key)
    if pattern is None:
        pattern = _SHORT_NAME_RES[key] = re.compile(
            r"(?<![a-z0-9α-ω])" + r"[\s\-–/]?".join(map(re.escape, key)) + r"(?![a-z0-9])")
    return pattern


# A status written with signs: 'HR+/HER2−', 'HER2-', 'HR−' (a sign before '/' or at the end).
SIGNED_STATUS_RE = re.compile(r"[A-Za-z0-9][+−](?:/|$)|[A-Za-z0-9]-(?:/|$)")


def _one_digit_apart(a: str, b: str) -> bool:
    """Is one string the other with one digit inserted?"""
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return any(longer[i].isdigit() and longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))


def _two_digits_swapped(a: str, b: str) -> bool:
    """Is one string the other with two neighbouring digits typed the other way round ('958' for '985')?"""
    if len(a) != len(b):
        return False
    apart = [i for i in range(len(a)) if a[i] != b[i]]
    return len(apart) == 2 and apart[1] == apart[0] + 1 and a[apart[0]].isdigit() and a[apart[1]].isdigit() \
        and a[apart[0]] == b[apart[1]] and a[apart[1]] == b[apart[0]]


def _a_figure_follows(text: str, name: re.Match, number: re.Match) -> bool:
    """'FISH <50% of cells': the number after a name is a figure (compared, or a percentage), not a numbered
    name like 'DESTINY-Breast 09'."""
    return bool(re.search(r"[<>≤≥=]", text[name.end():number.start()])) or text[number.end():number.end() + 1] == "%"


def _signs_normal(text: str) -> str:
    return text.replace("−", "-").replace("–", "-")


# A breast cancer subtype by its receptors, in words or signs: 'hormone positive her2+', 'ER+ HER2+',
# 'HER2-positive and HR-positive', 'hormone receptor (HR)-negative and HER2-positive'. The review prints
# the subtypes 'HR+/HER2−' (oestrogen or progesterone receptors are its hormone receptors).
_SIGN = r"(\+|−|-(?![a-z])|pos(?:itive)?\b|neg(?:ative)?\b)"
_HORMONE = r"(?:hormone[\s-]*receptors?(?:\s*\(hr\))?|hormones?|hr|er/pr|er|pr)"
RECEPTOR_STATUS_RES = (
    re.compile(rf"\b{_HORMONE}[\s-]*{_SIGN}[\s,/]*(?:and\s+)?her-?2[\s-]*{_SIGN}", re.I),
    re.compile(rf"\bher-?2[\s-]*{_SIGN}[\s,/]*(?:and\s+)?{_HORMONE}[\s-]*{_SIGN}(?!\s*/)", re.I),
)
TRIPLE_NEGATIVE_RE = re.compile(r"\b(?:triple[\s-]*negative|tnbc)\b", re.I)
STATUS_PAIR_RE = re.compile(r"\bHR[+−-]/HER2[+−-]", re.I)


def _printed_sign(sign: str) -> str:
    return "+" if sign.lower().startswith(("+", "pos")) else "−"


def receptor_statuses(text: str) -> str:
    """Subtypes written in words or in another order, as the review prints them: 'hormone positive her2+'
    → 'HR+/HER2+', 'HER2-positive and HR-negative' → 'HR−/HER2+', 'triple negative' → 'HR−/HER2−'."""
    text = RECEPTOR_STATUS_RES[0].sub(lambda m: f"HR{_printed_sign(m.group(1))}/HER2{_printed_sign(m.group(2))}", text)
    text = RECEPTOR_STATUS_RES[1].sub(lambda m: f"HR{_printed_sign(m.group(2))}/HER2{_printed_sign(m.group(1))}", text)
    return TRIPLE_NEGATIVE_RE.sub("HR−/HER2−", text)


def names_any(lowered: str, compacted: str, aliases: list[str]) -> bool:
    """Does a text, given lower-cased and compacted, name any of ``aliases`` ('T-DXd' also meets 'TDXd')?
    Short names (under six letters) must stand as words of their own."""
    for alias in aliases:
        if "/" in alias and SIGNED_STATUS_RE.search(alias):
            # 'HR-/HER2+' is not 'HR+/HER2−': a receptor status keeps its signs
            if _signs_normal(alias.lower()) in _signs_normal(receptor_statuses(lowered).lower()):
                return True
            continue
        key = compact(alias)
        if len(key) < 2:
            continue
        if len(key) == 2:
            # 'OS', 'HR': a two-letter abbreviation names only as a whole word, never split ('o s');
            # 'HR+' is a status, not the 'HR' of a hazard ratio
            if alias.isalpha() and re.search(rf"(?<![a-z0-9]){key}(?![a-z0-9])", lowered):
                return True
            continue
        if len(key) < 6:
            if _short_name_re(key).search(lowered):
                return True
            continue
        if alias.lower() in lowered or key in compacted:
            return True
    return False


SUCCESSOR_RE = re.compile(r"[\s-]?(?:i{1,3}|iv|\d{1,2})\b")


def only_successors(name: str, text: str) -> bool:
    """Is every 'patricia' in the text part of 'PATRICIA-II' (every 'her2climb' of 'HER2CLIMB-04')?
    A numbered successor is another trial (though its text often goes on about the first)."""
    if re.search(r"(?:\d|\b[ivx]+)$", name, re.I):
        return False
    lowered = text.lower()
    found = [m.end() for m in re.finditer(re.escape(name.lower()), lowered)]
    return bool(found) and all(SUCCESSOR_RE.match(lowered, end) for end in found)


# The context a follow-up's reading adds at its end ("which trial established that (… gold docetaxel)?", "… did nerlynx
# get (ORR)?"): what the turn before was about, not words the asker typed
READING_CONTEXT_RE = re.compile(r"\s*\([^()]*\)\W*$")


def without_reading_context(text: str) -> str:
    return READING_CONTEXT_RE.sub("", text)


def mentions(text: str, aliases: list[str]) -> bool:
    return names_any(text.lower(), compact(text), aliases)


# What something is measured against, as the review writes it ("compared to T-DM1", "than lapatinib")
COMPARED_WITH = r"(?:compared (?:to|with)|than|versus|vs\.?|relative to|instead of)\s+"


def only_as_comparator(text: str, aliases: list[str], compared_with: str = COMPARED_WITH) -> bool:
    """Is the name in the text only what something else is measured against ("differences compared to T-DM1 include
    the increased DAR")? ``compared_with`` is the pattern of the words before it."""
    names = "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True))
    rest = re.sub(rf"\b{compared_with}(?:{names})(?![\w-])", " ", text, flags=re.I)
    return rest != text and not mentions(rest, aliases)


def only_a_successor_named(text: str, aliases: list[str]) -> bool:
    """Does the text print the name (any of its aliases) only as part of a numbered successor: HER2CLIMB-04's row,
    or a sentence on PATRICIA-II, names another trial than HER2CLIMB or PATRICIA."""
    printed = [a for a in aliases if a.lower() in text.lower()]
    return bool(printed) and all(only_successors(a, text) for a in printed)


def tokenize(text: str) -> list[str]:
    """Lower-case index terms: words, codes ('t-dxd', 'nct04538742'), numbers ('9.6'), plus the
    parts and the joined form of hyphenated codes so 'T-DXd', 'TDXd' and 'T DXd' all meet."""
    terms: list[str] = []
    for raw in TOKEN_RE.findall(text.replace("–", "-").replace("−", "-")):
        token = raw.lower().strip(".-")
        if not token or token in STOPWORDS:
            continue
        terms.append(token)
        if "-" in token or "/" in token:
            parts = [p for p in re.split(r"[-/]", token) if p and p not in STOPWORDS]
            terms.extend(parts)
            terms.append(re.sub(r"[-/]", "", token))
        elif len(token) > 4 and token.isalpha():
            stem = light_stem(token)
            if stem != token:
                terms.append(stem)  # compared/compare → compar, inhibitors → inhibitor
    return terms


# ('comparison' meets 'compared': the one noun of the review made by -ison)
_SUFFIXES = ("ations", "ation", "isons", "ison", "ings", "ing", "edly", "ies", "ied", "ed", "es", "s", "ly", "al", "e")


GREEK = {"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ"}


def _glossed(question: str, other: str, name: str) -> bool:
    """Is ``other`` typed in brackets right after ``name``, or ``name`` in brackets right after ``other``?"""
    a, b = re.escape(other), re.escape(name)
    return bool(re.search(rf"{b}\s*\(\s*{a}\s*\)|{a}\s*\(\s*{b}\s*\)", question, re.I))


def _inflects(word: str, stem: str) -> bool:
    """Is ``word`` the stem or an inflection of it ('costs', 'costly'), not a longer word that starts
    with it ('costimulatory' is no cost)?"""
    return word.startswith(stem) and len(word) <= len(stem) + 4


def _typed_aliases(question: str, entities: list[str], rare, trial) -> list[tuple[str, str]]:
    """Pairs of entities the question writes as 'X (Y)' — one thing under two names — when the review
    hardly prints one of them (zanidatamab only in a table row): 'KATE2 (atezolizumab)' describes, it
    does not rename, and a trial is no second name of a drug or a patient group ('her2-low (destiny-breast04)')."""
    pairs = []
    for match in re.finditer(r"([\w\-/+]+)\s*\(\s*([\w\-/+ ]+?)\s*\)", question):
        first = next((e for e in entities if e.lower() == match.group(1).lower()), None)
        second = next((e for e in entities if e.lower() == match.group(2).lower()), None)
        if first and second and first != second and (rare(first) or rare(second)) and trial(first) == trial(second) \
                and all(second != p[1] and first != p[1] for p in pairs):
            pairs.append((first, second))
    return pairs


def light_stem(word: str) -> str:
    """A deliberately small suffix stripper (no stemming library ships offline here)."""
    if word.endswith("sis") and len(word) >= 7:
        return word[:-2]  # a Greek singular meets its plural: metastasis/metastases → metastas
    # an adjective meets its noun: heterogeneous/heterogeneity → heterogen
    if word.endswith(("eous", "eity")) and len(word) >= 9:
        return word[:-4]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4 and not word.endswith("ss"):
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 5 else word


# What follows a receptor written as a status ('HR+', 'HR−', 'HR status', 'HR-positive').
RECEPTOR_STATUS = r"[+−-]|\s*(?:status|expression|positive|negative)\b"
RECEPTOR_STATUS_RE = re.compile(RECEPTOR_STATUS, re.I)
# Side effects as the review names them ('diarrhea', 'transaminitis', 'neutropenia')
SIDE_EFFECT_WORD_RE = re.compile(r"diarrh|transaminitis|neutropeni|thrombocytopeni|pneumonitis|nausea|fatigue|vomit|"
                                 r"cardiotox|hepatotox|toxicit", re.I)
# The endings of clinical terms (a condition, a toxicity, a procedure): such a word the review never
# uses names something it does not cover.
# ('radionecrosis', 'fibrosis', 'thrombosis': conditions named by their -osis, beside the review's prognosis/diagnosis)
# ('immunogenic cell death': a property named by its -genic, beside the review's 'oncogenic')
CLINICAL_TERM_RE = re.compile(r"(?:penia|emia|aemia|itis|pathy|toxicity|genic|genicity|ectomy|otomy|algia|plasia|trophy|(?<!gn)osis|"
                              r"cardio\w*|hepato\w*|nephro\w*|neuro\w*|cardiac|hepatic|"
                              # drug names by their stems ('loperamide', 'ondansetron', 'dexamethasone', 'heparin')
                              r"amide|pril|olol|statin|azole|cycline|mycin|sartan|dronate|setron|asone|olone|"
                              r"tidine|oxacin|parin|xaban)$", re.I)

# Care topics a patient or nurse asks about, as whole words of any length ('pregnant', 'heart', 'LVEF', 'scans',
# 'renal', 'hair loss'), and the business around a drug ('which company', 'sponsor', 'price'): when the review
# never uses one, no passage of it can answer for it.
CARE_TOPIC_RE = re.compile(r"pregnan\w*|fertil\w*|contracept\w*|breastfe\w*|lactat\w*|heart|lvef|ejection|echo\w*|"
                           r"scans?|imaging|mri|bones?|vaccin\w*|alcohol|diet|exercise|insurance|price|costs?|"
                           r"kidneys?|renal|liver|hair|nausea|fatigue|rash\w*|elderly|surgery|seniors?|geriatric\w*|grapefruit|"
                           r"supplements?|herbal\w*|hospice|palliat\w*|caregiv\w*|infusions?|"
                           # everyday life on treatment: eating, flying, travelling (the review is about trials)
                           r"eat|eating|meals?|fly|flying|flights?|planes?|travel\w*|trips?|vacations?|holidays?|"
                           r"compan(?:y|ies)|manufactur\w*|sponsor\w*|developers?|pharma|biotech|partnered|partnerships?|"
                           r"licensed|licensing|revenue|sales|investors?|"
                           # regulators and guideline bodies besides the FDA, and the places they approve for ('when did the
                           # ema approve enhertu', 'does nccn recommend tukysa')
                           r"ema|nccn|mhra|pmda|guidelines?|reimburs\w*|europe|eu|japan\w*|china|chinese|canad\w*|"
                           # how a side effect runs its course ('does the diarrhoea settle down after a few weeks?')
                           r"settl\w*|subsid\w*|"
                           # other medicines taken alongside ('can pts take ppis with it?'): the review names none
                           r"ppis?|antacids?|proton|statins?|warfarin|anticoagulants?|corticosteroids?|dexamethasone|"
                           r"prednison\w*|antiemetics?|loperamide|painkillers?|ibuprofen|paracetamol|acetaminophen|opioids?|"
                           # named radiotherapy techniques (the review speaks only of 'local therapy')
                           r"srs|wbrt|sbrt|radiosurgery|"
                           # blood counts and who pays ('does kadcyla drop platelets', 'can i get it on the nhs')
                           r"platelets?|nhs|medicare|medicaid|reimburs\w*",
                           re.I)
# 'tukysa or nerlynx, which one is best for me?': a choice for one person, which a review of trials does not make
PERSONAL_CHOICE_RE = re.compile(r"\b(?:which|what)(?: one| drug| treatment| option| of them)?(?: is| would be| works| will work)? "
                                r"(?:best|better|right) (?:for|4) (?:me|my|her|him|us)\b|"
                                # ('should i do radiation (srs) first or go straight to tukysa')
                                r"\bshould (?:i|she|he|we|my \w+) (?:take|get|choose|pick|go (?:for|with)|switch to|do|have|try|start)\b"
                                r"[^?]*\bor\b",
                                re.I)

WHO_MAKES_RE = re.compile(r"\bwho (?:makes|made|manufactures|manufactured|markets|sells|produces|owns)\b", re.I)
STATE_SUFFIX_RE = re.compile(r"-(?:expressing|overexpressing|mutant|mutated|amplified|driven|positive|negative|"
                             r"high|low|dependent|resistant)$", re.I)
# 'how men respond', 'male breast cancer': a population by sex, which the review never sets apart
SEX_GROUP_RE = re.compile(r"\bmale (?:breast cancer|bc|patients?|pts)\b|\b(?:in|for|among|of|how|do|are|with)\s+men\b|"
                          r"\bmen (?:with|who|respond|do|get|have)\b", re.I)
AGE_GROUP_RE = re.compile(r"\b(?:older|old|aged|younger|young) (?:people|patients|pts|women|adults|ladies|persons?)\b|"
                          r"\bold age\b|"
                          # 'pts over 75', 'an age subgroup': a population by age, which the review never sets apart
                          r"\b(?:pts|patients|people|women|those) (?:over|above|older than|aged|under|below) \d{2}\b|"
                          r"\bage (?:sub-?groups?|groups?|cut-?offs?|brackets?)\b", re.I)

# A population by what it was treated with before, as asked ("pts who already had trastuzumab and lapatinib",
# "previously treated with kadcyla") and as the review says it ("patients who had received … including
# trastuzumab and lapatinib", "refractory to trastuzumab"): the drugs named there are history, not the subject.
_HISTORY_END = r"(?=\s+(?:in|for|from|vs|versus)\b|[?.;,]|$)"  # '… lapatinib in kadcyla?': the subject follows
PRETREATED_ASKED_RE = re.compile(
    r"\b(?:who|that)\s+(?:have\s+|had\s+|were\s+|are\s+)?(?:already\s+|previously\s+|all\s+|both\s+)?"
    r"(?:had|received|got|been\s+on|were\s+on|failed|progressed\s+on|(?:been\s+)?(?:pre)?treated\s+with)\b"
    rf"(?P<history>[^?.;,]*?){_HISTORY_END}|\b(?:previously|pre-?)\s*treated\s+with\b(?P<treated>[^?.;,]*?){_HISTORY_END}",
    re.I)
# 'can i get it if kadcyla already failed?': a treatment said to have failed, in a turn of a conversation
FAILED_BEFORE_RE = re.compile(r"\b(?:if|once|since|now that)\s+(?P<failed>[\w\-+/]+(?:\s+[\w\-+/]+)?)\s+"
                              r"(?:has\s+|have\s+|had\s+)?(?:already\s+)?"
                              r"(?:failed|stopped working|stops working|quit working|progressed)\b", re.I)
PRETREATED_SAID_RE = re.compile(r"\b(?:previously treated with|pretreated with|(?:who )?had received|who received|"
                                r"refractory to|progression (?:to|on|after)|after (?:the )?failure of)\b[^.;]*", re.I)


def treatment_history(text: str) -> str:
    """The words of a population's past treatment in a question ('… who already had X and Y' → ' X and Y')."""
    match = PRETREATED_ASKED_RE.search(text)
    return (match.group("history") or match.group("treated") or "") if match else ""


def failed_before(text: str) -> str:
    """The treatment a turn says has failed after a pronoun that points back ('can i get it if kadcyla already
    failed?' → 'kadcyla'), or '': that 'it' is not the failed drug — while in 'if kadcyla stops working too, is
    there anything after it?' it is (the single question's own plans read the failure themselves)."""
    match = FAILED_BEFORE_RE.search(text)
    if match is None or not re.search(r"\b(?:it|its|they|them|their)\b", text[:match.start()], re.I):
        return ""
    return match.group("failed")


# A name written like a trial's: capitals and digits ('TH3RESA', 'NALA'), not a word of the text
TRIAL_SHAPED_RE = re.compile(r"[A-Z][A-Z0-9\-]*[A-Z0-9]")
# "after surgery" is a treatment setting, not surgery itself
SURGERY_TIMING_RE = re.compile(f"{AFTER_SURGERY}|{BEFORE_SURGERY}|{LOCAL_THERAPY_TYPED}", re.I)
# "brain mets on MRI", "seen on her scan": where a finding was seen, not imaging asked about
SEEN_ON_IMAGING_RE = re.compile(r"\b(?:on|in|at)\s+(?:an?\s+|the\s+|her\s+|his\s+|my\s+|their\s+)?(?:mri|ct|pet|scans?|imaging)\b",
                                re.I)

# Enzymes are named by '-ase' ('protease', 'ligase', 'esterase'): a question asking which enzyme does something
# names a class of molecule, and when the review never prints that word it names no member of it either.
ENZYME_RE = re.compile(r"[a-z]{3,}ase", re.I)
NOT_ENZYMES = {"increase", "decrease", "release", "disease", "phase", "purchase", "database", "please", "erase",
               "showcase", "lease", "chase", "crease", "base", "case", "ease"}

# "1-year", "2nd", "5.4mg", "3+" are amounts, orders and scores, not names.
# (a count before the noun it counts is an amount, not a name: 'the 84-patient results', 'a 3-drug combo')
AMOUNT_RE = re.compile(r"\d+(?:[.,]\d+)?[+]?(?:-?(?:years?|yrs?|months?|mo|weeks?|wks?|days?|hours?|mg|kg|mg/kg|"
                       r"lines?|fold|k|st|nd|rd|th|x|arm|armed|patients?|pts|cycles?|doses?|drugs?|trials?|"
                       r"stud(?:y|ies)|cohorts?|groups?|way|step|stage|part|centers?|centres?))?", re.I)


def _a_drug_typed(word: str) -> bool:
    """A drug by its brand, its generic stem or a code with a digit ('tukysa', 'neratinib', 'T-DXd', 'ZW49')."""
    return word.lower() in BRANDS or bool(DRUG_SUFFIX_RE.search(word)) \
        or bool(re.fullmatch(r"T-D(?:Xd|M1)", word, re.I)) \
        or bool(re.search(r"\d", word) and re.search(r"[A-Za-z]", word))


def entity_like(token: str) -> bool:
    if len(token) < 3 or token.lower() in STOPWORDS or AMOUNT_RE.fullmatch(token):
        return False
    if re.search(r"\d", token) and re.search(r"[A-Za-z]", token):
        return True
    if re.search(r"[A-Z].*[A-Z]", token) and not token.isupper() or (token.isupper() and len(token) >= 3):
        return True
    return bool(DRUG_SUFFIX_RE.search(token[2:]))  # a drug's stem comes first: 'stat' ("quick stat…") is a word


def short_names(corpus_text: str) -> set[str]:
    """Gene and protein names too short or too plain for ``entity_like`` ('Src', 'AXL', 'AKT'): a word
    the review's paragraphs print capitalised inside sentences, recurring, and never in lower case."""
    body = "\n".join(line for line in corpus_text.split("\n")
                     if len(line.split()) >= 20 and not re.match(r"\s*(?:\[|•|\d+\.)", line))  # not reference entries
    lower = set(re.findall(r"\b[a-z]+\b", corpus_text))
    printed = Counter(m.group(1) for m in re.finditer(r"(?<=[a-z,;(] )([A-Z][a-z]{2,}|[A-Z]{3})\b", body))
    # a capitalised word (not in capitals) must recur more: the byline's first names appear twice
    return {w for w, n in printed.items() if n >= (2 if w.isupper() else 6) and w.lower() not in lower
            and w.lower() not in STOPWORDS and w.lower() not in SHORTHAND and w.lower() not in CHAT_WORDS
            and not re.fullmatch(r"[IVX]+", w)}


def learn_abbreviations(text: str) -> dict[str, str]:
    """Schwartz–Hearst style: 'trastuzumab deruxtecan (T-DXd)' → {'t-dxd': 'trastuzumab deruxtecan'}."""
    found: dict[str, str] = {}
    for match in re.finditer(r"\(([A-Za-z][A-Za-z0-9\-/]{1,9})\)", text):
        short = match.group(1)
        if not re.search(r"[A-Z]", short):
            continue
        before = text[max(0, match.start() - 120):match.start()].rstrip()
        words = re.findall(r"[\w\-–/]+", before)
        letters = [c.lower() for c in short if c.isalnum()]
        for n in range(1, min(len(words), len(letters) + 3) + 1):
            candidate = words[-n:]
            if candidate[0][0].lower() != letters[0]:
                continue
            joined = " ".join(candidate).lower()
            it = iter(joined)
            if all(ch in it for ch in letters[1:]):
                found.setdefault(short.lower(), " ".join(candidate))
                break
    return found


def _receptor_range(first: int, last: int, typed: str) -> str:
    """'HER1-3' → 'HER1, HER2, and HER3' (as typed when it is no range: 'HER3-2')."""
    if last <= first:
        return typed
    names = [f"HER{n}" for n in range(first, last + 1)]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + (", and " if len(names) > 2 else " and ") + names[-1]


# A list of examples in brackets: "(PD-L1, TILs etc)", "(e.g. SRS, WBRT)"
EXAMPLES_GIVEN_RE = re.compile(r"\((?:e\.?g\.?,?\s|such as\s|like\s)[^()]{1,80}\)|\([^()]{1,80}?(?:,\s*|\s)(?:etc\.?|and so on|and the like)\s*\)",
                               re.I)


@dataclass
class Query:
    text: str = field(metadata={"description": "The question as asked (after follow-up resolution)."})
    expanded: str = field(metadata={"description": "Question plus expansions, used for retrieval."})
    terms: list[str] = field(metadata={"description": "BM25 terms of the expanded question."})
    entities: list[str] = field(metadata={"description": "Named entities found in the corpus."})
    unknown: list[str] = field(metadata={"description": "Entity-like words the corpus never mentions."})
    wants_number: bool = field(metadata={"description": "The question asks for a figure."})
    wants_reference: bool = field(metadata={"description": "The question asks which paper supports a claim."})
    wants_backmatter: bool = field(metadata={"description": "Funding, conflicts or contributions."})
    aliases: dict[str, list[str]] = field(default_factory=dict,
                                          metadata={"description": "Entity → other names (T-DXd ↔ trastuzumab deruxtecan)."})
    equivalents: dict[str, set[str]] = field(default_factory=dict, metadata={
        "description": "Term of an expansion → terms of the name it expands ('insulin' → {'igf-ir', …}): a "
                       "sentence naming IGF-IR has the expansion's words too."})
    carried: set[str] = field(default_factory=set, metadata={
        "description": "Entities borrowed from earlier turns of the conversation."})
    common: set[str] = field(default_factory=set, metadata={
        "description": "Entities so frequent in the corpus (trastuzumab, HER2) that they do not pin down a passage."})
    comparison: bool = field(default=False, metadata={"description": "'X or Y', 'compare', 'versus'."})
    wants_table: bool = field(default=False, metadata={"description": "The question names a table."})
    wants_list: bool = field(default=False, metadata={"description": "'Which trials…', 'list…'."})
    intent: str = field(default="", metadata={"description": "The planner's reading of the question (why, list…)."})
    set_aside: list[str] = field(default_factory=list, metadata={
        "description": "Names the question sets aside ('besides enhertu, …'), aliases included: not what to answer with."})


def _inflected(a: str, b: str) -> bool:
    """'approve' ~ 'approved', 'treat' ~ 'treating': one word with an inflection of the other."""
    endings = ("s", "es", "d", "ed", "ing", "ly")
    stems = {a, a[:-1] if a.endswith("e") else a}
    other = {b, b[:-1] if b.endswith("e") else b}
    return any(x + e in (b, a) for x in stems | other for e in endings) or _base_form(a) == _base_form(b)


def _base_form(word: str) -> str:
    """'studied' and 'studies' → 'study': two inflections of a word ending in y share it ('happend' is no
    inflection of 'happened', but a typo)."""
    for ending in ("ies", "ied"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)] + "y"
    return word


NEGATING_PREFIXES = ("ir", "in", "un", "im", "il", "dis", "non-", "non")


# An entry of the reference list as the corpus prints it ('  • 24.Modi S., Jacot W., …')
REFERENCE_ENTRY_RE = re.compile(r"^\s*•\s*\d+\.")


class QueryAnalyzer:
    """Built once from the corpus text."""

    def __init__(self, corpus_text: str):
        # 'PI3Kβ/γ/δ' prints PI3Kγ and PI3Kδ too: each member of a letter series is a name the review gives
        corpus_text += "\n" + " ".join(_letter_series(corpus_text))
        self.corpus_compact = compact(corpus_text)
        self.compact_words = " ".join(compact(w) for w in corpus_text.split())
        self.lowered_text = re.sub(r"\s+", " ", corpus_text.lower())  # for phrase look-ups across lines
        self.paragraphs = [line.lower() for line in corpus_text.split("\n") if len(line.split()) >= 20]
        self._shares: dict[tuple[str, ...], float] = {}
        self.corpus_words = {w.lower() for w in re.findall(r"[\w\-–/]+", corpus_text)}
        # the words of the review's own text, not of the titles it cites ('HER2-Overexpressing' is only a title's)
        self._body_words = {w.lower() for line in corpus_text.split("\n") if not REFERENCE_ENTRY_RE.match(line)
                            for w in re.findall(r"[\w\-–/]+", line)}
        # words the review links with two hyphens or more ('drug-to-antibody', 'head-to-head')
        self._linked_words = sorted(w for w in self.corpus_words if w.count("-") >= 2
                                    and all(p.isalpha() for p in w.split("-")))
        self.signed = {w.lower() for w in re.findall(r"\b[A-Za-z0-9]{2,}[+−-](?![\w])", corpus_text)}
        self.plain_words = {w.lower() for w in re.findall(r"[A-Za-z]+", corpus_text)}
        self.lower_words = set(re.findall(r"\b[a-z]+\b", corpus_text))
        self.prefixes = {w[:4] for w in self.plain_words if len(w) >= 4}
        # Names as the review prints them, found again when typed in lower case ('emilia', 'nala').
        # The most frequent printing wins ('MonarcHER' twice over 'monarcHER' once).
        printings = Counter(t for t in TOKEN_RE.findall(corpus_text) if entity_like(t) and (len(t) >= 4 or re.search(r"\d", t)))
        self.printed_names = {t.lower(): t for t, _ in sorted(printings.items(), key=lambda kv: kv[1])}
        # Typos are mended only towards names (drugs, trials, genes): 'tukatinib' → 'tucatinib', never
        # 'France' → an author's name.
        self._spelling = sorted({w for w in self.plain_words if len(w) >= 5
                                 and (DRUG_SUFFIX_RE.search(w) or w in self.printed_names)}
                                | {b for b in BRANDS if len(b) >= 5 and b.isalpha()}  # 'hercpetin' → 'herceptin'
                                # the review's own running words, when it uses them often ('aproved' → 'approved')
                                | {w for w, n in Counter(re.findall(r"\b[a-z]{6,}\b", corpus_text)).items() if n >= 3}
                                | {w for w in INTENT_WORDS if len(w) >= 6}
                                # the side effects it names, typed by ear ('diarrea', 'nuetropenia')
                                | {w for w in self.plain_words if len(w) >= 6 and SIDE_EFFECT_WORD_RE.match(w)})
        # 'herclimb' → 'HER2CLIMB': a name whose digit between letters was left out in typing
        # a drug name the review misprints once beside its usual printing ('Lapitinib' once, 'lapatinib' often)
        drug_counts = Counter(w.lower() for w in re.findall(r"[A-Za-z]+", corpus_text) if DRUG_SUFFIX_RE.search(w.lower()))
        self._misprinted = {w: close[0] for w, n in drug_counts.items() if n == 1 and len(w) >= 6 and (close := [
            c for c in difflib.get_close_matches(w, [d for d, m in drug_counts.items() if m >= 3], n=1, cutoff=0.84)])}
        self._digit_dropped = {re.sub(r"\d", "", low): name for low, name in self.printed_names.items()
                               if re.fullmatch(r"[a-z]{2,}\d+[a-z]{2,}", low) and len(re.sub(r"\d", "", low)) >= 6}
        # 'fgfr' → 'FGFR4': a family name typed without its member's number, when the review prints one member only
        # and never the family's name on its own
        members: dict[str, list[str]] = {}
        for low, name in self.printed_names.items():
            if (stem := re.fullmatch(r"([a-z]{3,})\d{1,4}", low)) and low == compact(name).lower():
                members.setdefault(stem.group(1), []).append(name)
        self._number_dropped = {stem: names[0] for stem, names in members.items() if len(names) == 1
                                and not re.search(rf"\b{stem}\b", corpus_text, re.I) and stem not in STOPWORDS
                                # ('destinybreast': DESTINY-Breast03, -04 … are printed hyphenated too)
                                and len(set(re.findall(rf"{stem}(\d+)", self.corpus_compact))) == 1}
        # 'climb' → 'HER2CLIMB': a name printed with the review's subject as its prefix, typed without it (a word the
        # review never prints on its own)
        self._subject_dropped = {low[4:]: name for low, name in self.printed_names.items()
                                 if re.fullmatch(r"her2[a-z]{4,}", low) and low[4:] not in self.lower_words}
        self.upper_words = set(re.findall(r"\b[A-Z]{3,}\b", corpus_text))
        # hyphenated words the review prints in lower case somewhere ('early-stage' beside a title's 'Early-Stage')
        self.lower_hyphenated = {t for t in TOKEN_RE.findall(corpus_text) if "-" in t and t.islower()}
        learned = learn_abbreviations(corpus_text)
        # Curated meanings win ('HR' is more often a hazard ratio in questions than in the text).
        frequent = {k for k in learned if len(re.findall(rf"\b{re.escape(k)}\b", corpus_text, re.IGNORECASE)) > 40}
        self.expansions = {**{k: v for k, v in learned.items() if k not in frequent}, **ABBREVIATIONS}
        self._by_compact = {compact(printed): printed for printed in self.printed_names.values()}
        # every printing of a numbered name ('DESTINY-Breast 09' in Table 2, read as 'DESTINY-Breast09'), which the
        # search is given too: its words and number apart are what the table row holds
        self._spaced_printings: dict[str, set[str]] = {}
        for printed in re.findall(r"\b[A-Za-z][\w\-]*[A-Za-z]\s\d{1,3}\b", corpus_text):
            self._spaced_printings.setdefault(compact(printed), set()).add(printed)
        # 'cyclin d1', 'mucin 4': a name the review spells out once before its short form ("Cyclin D1 (CCND1)")
        # names that thing when typed in full, though no word of it looks like a name
        self.spelled_out = {long_form.lower(): long_form for short, long_form in learned.items()
                            if short not in ABBREVIATIONS and short not in frequent and len(long_form.split()) >= 2}
        self._spelled_out_re = re.compile(r"\b(?:" + "|".join(re.escape(f) for f in sorted(self.spelled_out, key=len, reverse=True))
                                          + r")\b", re.I) if self.spelled_out else None
        for name in short_names(corpus_text):
            if name.lower() not in learned and name.lower() not in ABBREVIATIONS:  # 'adc', 'pfs' stay abbreviations
                self.printed_names.setdefault(name.lower(), name)  # 'src' → Src, 'axl' → AXL
        # reverse: long form → short form, so 'trastuzumab deruxtecan' also finds 'T-DXd'
        self.reverse: dict[str, list[str]] = {}
        for short, long_form in {**learned, **ABBREVIATIONS}.items():
            if len(long_form.split()) <= 4 and short not in {"hr", "bc"}:
                self.reverse.setdefault(long_form.lower(), []).append(short)
        # 'antibody drug conjugate', 'progression free survival': a long form typed without its hyphen
        hyphened = sorted((f for f in self.reverse if re.search(r"[\-–]", f)), key=len, reverse=True)
        self._unhyphened_re = re.compile(r"\b(?:" + "|".join(
            re.sub(r"\\?[\-–]", r"[\\s\\-–]+", re.escape(f)) for f in hyphened) + r")(?=s?\b)", re.I) if hyphened else None
        self._hyphened = {re.sub(r"[\-–]", " ", f): f for f in hyphened}

    def uses_word(self, word: str, strict: bool = False) -> bool:
        """Does the review use this word, or one sharing its first four letters (not when strict) or its stem?"""
        word = word.lower()
        if word in self.plain_words or word in self.corpus_words:
            return True
        if strict:
            return light_stem(word) in self.plain_words or word.rstrip("s") in self.plain_words
        if len(word) >= 4 and word[:4] in self.prefixes:
            return True
        return light_stem(word) in self.plain_words

    def correct(self, question: str) -> str:
        """Typos and shorthand mended towards the review's own words: 'tukatinib' → 'tucatinib',
        'trastuzamab' → 'trastuzumab', 'DB-03' → 'DESTINY-Breast03', 'mets' → 'metastases'."""
        def destiny(match: re.Match) -> str:
            return f"DESTINY-Breast{int(match.group(1)):02d}"

        text = re.sub(r"\b(?:DB|destiny[\s-]?breast)[\s-]?0?(\d{1,2})\b", destiny, question, flags=re.I)
        # 'destiny-breast 07 and 08', 'DB-03/04': the family name typed once for several trials
        text = re.sub(r"(?<=DESTINY-Breast\d\d)((?:\s*(?:,|and|&|or|/|vs\.?)\s*0?\d{1,2}\b(?![.,]\d|\s*(?:%|months?|pts|patients)))+)",
                      lambda m: re.sub(r"0?(\d{1,2})\b", lambda n: f"DESTINY-Breast{int(n.group(1)):02d}", m.group(1)),
                      text)
        text = re.sub(r"\bm(PFS|OS|DOR)\b", r"median \1", text, flags=re.I)  # 'mPFS', 'mOS': medians
        # "which tki's are fda approved?": a class's abbreviation made plural with an apostrophe, before a verb
        text = re.sub(r"\b(tki|adc|ici|mab|bsab)['’]s\b(?=\s+(?:are|were|have|had|got|get|do|did|can|cross|is|in|for|"
                      r"that|which|with|approved|used|tested|named|listed)\b|\s*[?,.]|\s*$)", r"\1s", text, flags=re.I)
        # 'perjeta+herceptin', 'tdm1+atezo' (not 'HER2+', 'HR+/…')
        text = re.sub(r"(?<=[A-Za-z]{3})\+(?=[A-Za-z]{3})|(?<=[A-Za-z]{2}\d)\+(?=[A-Za-z]{4})", " + ", text)
        # '2nd/3rd line' → 'second and third line': two lines asked (the review's "second and third-line treatment")
        text = re.sub(r"\b([1-4])(?:st|nd|rd|th)\s*(?:/|&|and|or|[-–])\s*([1-4])(?:st|nd|rd|th)(?=[\s-]*lines?\b)",
                      lambda m: f"{ORDINAL_WORDS[m.group(1)]} and {ORDINAL_WORDS[m.group(2)]}", text, flags=re.I)
        # '3rd line+' → 'third and later lines' (the review's words; the tables' filters read both forms)
        text = re.sub(r"\b(1st|2nd|3rd|4th)(?=[\s-]*lines?\b)|\b([1-4])l\b",
                      lambda m: ORDINAL_WORDS[(m.group(1) or m.group(2)).lower()[:1]] + ("" if m.group(1) else " line"),
                      text, flags=re.I)  # '2L' → 'second line'
        text = re.sub(r"\b(first|second|third|fourth)([\s-]*)lines?\s*\+", r"\1 and later lines", text, flags=re.I)
        # 'once you're past the second line': what comes after it, the review's third and later lines (the words
        # 'second line' themselves would find the sentences about the second line)
        text = re.sub(r"\b(?:past|beyond|after)\s+(?:the\s+)?second[\s-]*lines?\b(?![\s-]+(?:treatment|therapy|setting|regimen)s?\b\s+\w)",
                      "in third and later lines", text, flags=re.I)
        # 'the PI3K/AKT/mTOR axis': the review's pathway, unless it says 'axis' of that name itself ('MET axis')
        text = re.sub(r"\b([\w/\-]+)\s+(axis|cascade)\b",
                      lambda m: m.group(0) if m.group(0).lower() in self.lowered_text else f"{m.group(1)} pathway",
                      text, flags=re.I)
        # 'third line and beyond', 'third-line or later': the same lines
        text = re.sub(r"\b(first|second|third|fourth)[\s-]+lines?\s+(?:and|or|&)\s+(?:beyond|later|after|above|up)\b",
                      r"\1 and later lines", text, flags=re.I)
        if self._unhyphened_re is not None:
            text = self._unhyphened_re.sub(
                lambda m: self._hyphened.get(re.sub(r"[\s\-–]+", " ", m.group(0).lower()), m.group(0)), text)
        text = re.sub(r"\btl\s*;\s*dr\b", "tldr", text, flags=re.I)  # 'tl;dr' is one word
        # 'cdk4/6i', 'PI3Ki', 'mTORi': a target's name with an 'i' is its inhibitor (when the review speaks of one)
        text = re.sub(r"\b([A-Za-z]+\d*(?:/\d+)?)i(s)?\b",
                      lambda m: f"{m.group(1)} inhibitor{m.group(2) or ''}"
                      if (re.search(r"\d", m.group(1)) or m.group(1)[1:].isupper()) and len(m.group(1)) >= 3
                      and f"{m.group(1).lower()} inhibitor" in self.lowered_text else m.group(0), text)
        # 'tdxd', 'tdm1' typed without the hyphen; 't-dm1s number': the possessive typed without its apostrophe
        text = re.sub(r"\bt-?dxd(?:'?s)?\b", lambda m: "T-DXd" + ("'s" if m.group(0)[-1] in "sS" else ""), text, flags=re.I)
        text = re.sub(r"\bt-?dm-?1(?:'?s)?\b", lambda m: "T-DM1" + ("'s" if m.group(0)[-1] in "sS" else ""), text, flags=re.I)
        # 'how many extra months did people live': overall survival, the review's word
        text = re.sub(r"\bhow (?:long|many (?:extra |more |additional )?(?:months|years)) "
                      r"(?:did|do|does|will|would|could|can) (?:people|patients|pts|women|they|she|he|you) "
                      r"(?:live|survive)(?: longer)?\b|\bhow many (?:extra |more |additional )?(?:months|years) longer "
                      r"(?:did|do|does|will|would|could|can) (?:people|patients|pts|women|they|she|he|you) "
                      r"(?:live|survive)\b",
                      "how many months of OS", text, flags=re.I)
        # 'how much tukysa does she take': the dose of the drug (not 'how much ILD do pts get', how often a harm is had)
        text = re.sub(r"\bhow much ([\w\-]+) (?:does|do|did|should|will|would) (?:she|he|i|you|one|they|patients|pts|people) "
                      r"(?:take|get|receive)\b",
                      lambda m: f"what dose of {m.group(1)} is given" if _a_drug_typed(m.group(1)) else m.group(0),
                      text, flags=re.I)
        # 'how much do they give', 'how much did patients get': the dose
        text = re.sub(r"\bhow much (?:do|does|did|will|would) (?:they|you|doctors|patients|pts|people|she|he) "
                      r"(?:give|get|take|receive|use)\b", "what dose is given", text, flags=re.I)
        text = receptor_statuses(text)
        # 'more common in HER2+ than HER2- disease': a lone minus sign is the review's 'HER2-negative'
        text = re.sub(r"(?<![/\w])(HER2|her2|Her2)[-−](?=[\s?,.;:)]|$)", r"\1-negative", text)
        text = re.sub(r"\s&\s", " and ", text)  # 'why is its use limited & what are they doing about it'
        # 'PI3Kalpha', 'PI3K alpha', 'ERalpha': an isoform's Greek letter as the review prints it (PI3Kα)
        text = re.sub(r"(?<=[A-Z0-9])[\s-]?((?i:alpha|beta|gamma|delta))\b", lambda m: GREEK[m.group(1).lower()], text)
        # 'PI3Ka': the Greek letter typed as its Latin first letter, when the review prints the name with it
        # ('pi3ka' typed in lower case: a name with a digit in it)
        text = re.sub(r"\b([A-Za-z0-9]*[A-Z0-9]|[a-z]*\d[a-z0-9]*)([abgd])\b",
                      lambda m: self._greek_typed(m.group(1), m.group(2)), text)

        def regimen(match: re.Match) -> str:
            # 'perjeta/herceptin/docetaxel': names typed as one regimen (not 'PI3K/AKT/mTOR', printed so)
            parts = match.group(0).split("/")
            if self.known(match.group(0)) or not all(p.lower() not in ABBREVIATIONS and self._a_name(p)
                                                     for p in parts):  # 'tkis/adcs' are classes, not a regimen
                return match.group(0)  # ('linker/payload': two words of a question, 'and' them below)
            return " + ".join(parts)
        text = re.sub(r"(?<![\w/])[A-Za-z][\w\-]{2,}(?:/[A-Za-z][\w\-]{2,})+(?![\w/])", regimen, text)
        # 'kadcyla vs enhertu linker + payload': a plus sign between two plain words joins two things asked, not two drugs
        # (a slash may offer either, 'which trial/paper'; 'abema+tras' are drugs, in shorthand)
        text = re.sub(r"(?<![\w/+\-])([a-z]{3,})\s*\+\s*([a-z]{3,})(?![\w/+\-])",
                      lambda m: m.group(0) if any(self._a_name(w) or w.lower() in SHORTHAND for w in m.groups())
                      else f"{m.group(1)} and {m.group(2)}", text)

        def hyphened_regimen(match: re.Match) -> str:
            # 'perjeta-herceptin-docetaxel': drugs typed as one hyphened regimen; the review's own
            # 'pertuzumab–trastuzumab–docetaxel' stays whole, and so do 'T-DXd' or 'anti-HER2'
            whole, parts = match.group(0), match.group(0).split("-")
            if compact(whole) in self.corpus_compact or not all(
                    p.lower() in BRANDS or (DRUG_SUFFIX_RE.search(p) and self.known(p)) for p in parts):
                return whole
            return " + ".join(parts)
        text = re.sub(r"(?<![\w\-])[A-Za-z]{3,}(?:-[A-Za-z]{3,})+(?![\w\-])", hyphened_regimen, text)
        # 'ph2'; 'the two ph3s' are phase III trials
        text = re.sub(r"\bph\s?([123])(s?)\b", lambda m: "phase " + "I" * int(m.group(1)) + (" trials" if m.group(2) else ""),
                      text, flags=re.I)
        # 'phase two', 'the second table', 'table one': numbers spelled out, as the review prints them
        text = re.sub(r"\bphase (one|two|three|four)\b", lambda m: "phase " + ROMAN_OF[m.group(1).lower()], text, flags=re.I)
        text = re.sub(r"\b(?:the )?(first|second|third|1st|2nd|3rd) table\b|\btable (one|two|three)\b",
                      lambda m: f"Table {NUMBER_OF[(m.group(1) or m.group(2)).lower()]}", text, flags=re.I)
        text = re.sub(r"\bw/o\b", "without", text, flags=re.I)
        # ('% with diarrhea on neratinib in nala': the share of patients who had it)
        text = re.sub(r"^(\W*)(?:%|percent(?:age)?|pct|rate)\s+(?:of\s+(?:patients|pts|people)\s+)?(?:with|who had|having)\b",
                      lambda m: f"{m.group(1)}what % of patients had", text, flags=re.I)
        # ('tpd stands for? what is it': the long form asked of the abbreviation typed first)
        text = re.sub(r"^(\W*)([A-Za-z][\w\-/]{1,9})\s+(?:stands?|is short) for\b\W*?(?=\?|$)",
                      lambda m: f"{m.group(1)}what does {m.group(2)} stand for", text, flags=re.I)
        text = re.sub(r"\bacc(?:\.|ording)?\s+to\b", "according to", text, flags=re.I)  # '… acc to the authors'
        text = re.sub(r"\bw/(?=\s|$)", "with", text, flags=re.I)  # 'trials w/ kadcyla'
        text = re.sub(r"\bd/c(?:'?d)?(?=\W|$)", "discontinue", text, flags=re.I)  # 'at what grade do you d/c enhertu'
        # 'does blocking CDK4/6 help?': a target blocked is the review's inhibition of it ('CDK4/6 inhibition'); a
        # name with a digit is a target as typed in any case ('blocking cdk4/6')
        # ('co-blocking HER3 with HER2': blocking it together with another is its inhibition too)
        text = re.sub(r"\b(?:co-?)?blocking\s+(?P<target>[A-Za-z][\w/\-]*\d[\w/\-]*|(?-i:[A-Z]{2,}[\w/\-]*|Src))(?![\w/\-])",
                      lambda m: f"{m.group('target')} inhibition", text, flags=re.I)
        # ('i was ER/PR negative': both hormone receptors, the review's HR status)
        text = re.sub(r"\bER\s?/\s?PR(?=\s?(?:[+−]|-?\s?(?:pos|neg)))", "ER", text, flags=re.I)
        # 'ER+ too': oestrogen-receptor status is what the review reports as hormone-receptor (HR) status
        text = re.sub(r"\b(?:ER|estrogen[\s-]receptor|oestrogen[\s-]receptor)\s?(?:\+|-?\s?pos(?:itive)?\b)", "HR-positive", text, flags=re.I)
        text = re.sub(r"\b(?:ER|estrogen[\s-]receptor|oestrogen[\s-]receptor)\s?(?:−|-\s?neg(?:ative)?\b|neg(?:ative)?\b)", "HR-negative",
                      text, flags=re.I)
        # 'HER1-3 together': a range of the family's receptors, each as the review names it
        text = re.sub(r"\bHER([1-4])\s?[-–]\s?([1-4])\b(?![+\-])", lambda m: _receptor_range(int(m.group(1)), int(m.group(2)), m.group(0)),
                      text, flags=re.I)

        def mend(match: re.Match) -> str:
            word = match.group(0)
            lowered = word.lower()
            if word[0].isupper() and match.start() > 0 and word[1:].islower():
                return word  # a capitalised word inside the sentence is a proper noun as typed
            if lowered in SHORTHAND and (lowered not in self.plain_words or len(lowered) <= 2):  # 'what r ADCs'
                return SHORTHAND[lowered]
            if lowered in self._misprinted:  # 'lapitinib', as the review misprints it once, is its lapatinib
                return self._misprinted[lowered]
            if lowered in self._subject_dropped:
                return self._subject_dropped[lowered]
            if lowered in self._number_dropped:
                return self._number_dropped[lowered]
            if (len(lowered) < 6 or lowered in self.plain_words or lowered in STOPWORDS or lowered in CHAT_WORDS
                    or lowered in EVERYDAY_WORDS
                    or lowered in BRANDS or lowered in self.expansions
                    or any(lowered.endswith(x) and lowered[: -len(x)] in self.plain_words
                           for x in ("s", "es", "ed", "d", "ing", "ly"))
                    # 'comparing', 'described': a word of the review's with its final e dropped, not a typo
                    or any(lowered.endswith(x) and f"{lowered[: -len(x)]}e" in self.plain_words for x in ("ing", "ed"))):
                return word
            if lowered in self._digit_dropped:
                return self._digit_dropped[lowered]
            variant = next((v for v in spelling_variants(lowered) if v in self.plain_words), None)
            if variant is not None:  # 'tumour' → 'tumor', 'randomised' → 'randomized', as the review spells it
                return variant
            pool = [w for w in self._spelling if w[0] == lowered[0] and abs(len(w) - len(lowered)) <= 2]
            close = difflib.get_close_matches(lowered, pool, n=1, cutoff=0.84)
            if close and _inflected(lowered, close[0]):
                return word  # another form of the same word ('approve' / 'approved'), not a typo
            return close[0] if close else self._mended_inflection(lowered) or word

        text = re.sub(r"(?<![\w-])[A-Za-z]+(?![\w-])", mend, text)
        text = re.sub(r"(?<![\w-])[A-Za-z]{2,}\d{4,}(?![\w-])", self._mend_code, text)
        text = re.sub(r"(?<![\w-])[A-Za-z]{2,}-?\d{2,}(?![\w-])", self._mend_swapped_code, text)
        return self._hyphenated(text)

    def _mended_inflection(self, lowered: str) -> str:
        """'aproaches' → 'approaches': a typo in the stem of an inflected word the review prints rarely, mended
        by its stem ('approach', printed often) when the review prints that inflection too; '' otherwise."""
        for ending in ("es", "s", "ed", "ing"):
            stem = lowered[: -len(ending)]
            if not lowered.endswith(ending) or len(stem) < 5:
                continue
            pool = [w for w in self._spelling if w[0] == stem[0] and abs(len(w) - len(stem)) <= 2]
            for close in difflib.get_close_matches(stem, pool, n=2, cutoff=0.84):
                if close + ending in self.plain_words:
                    return close + ending
        return ""

    def _without_state_suffix(self, name: str) -> str:
        """'p95HER2-expressing tumors' asks about p95HER2: a state typed onto a name the review prints bare."""
        match = STATE_SUFFIX_RE.search(name)
        if match is None or compact(name) in self.corpus_compact:
            return name
        base = name[:match.start()]
        return base if len(base) >= 3 and compact(base) in self.corpus_compact else name

    def _greek_typed(self, name: str, letter: str) -> str:
        greek = next(g for word, g in GREEK.items() if word[0] == letter)
        return f"{name}{greek}" if len(name) >= 3 and f"{name}{greek}".lower() in self.lowered_text else f"{name}{letter}"

    def _mend_code(self, match: re.Match) -> str:
        """'EGF100151' → 'EGF1001515': a study code one digit longer or shorter than the one the review
        prints is that code (a digit dropped or doubled in typing, or in the review's own printing). An NCT
        number is left alone: one digit apart is another trial."""
        code = match.group(0)
        if code.lower().startswith("nct") or code.lower() in self.corpus_words:
            return code
        close = [name for name in self.printed_names.values() if re.fullmatch(r"[A-Za-z]{2,}\d{4,}", name)
                 and name[:2].lower() == code[:2].lower() and abs(len(name) - len(code)) == 1
                 and _one_digit_apart(name.lower(), code.lower())]
        return close[0] if len(close) == 1 else code

    def _mend_swapped_code(self, match: re.Match) -> str:
        """'syd958' → 'SYD985': a drug or study code the review does not print, with two neighbouring digits
        swapped from exactly one code it does (the letters as typed, the hyphen optional). An NCT number is
        left alone: its digits name another trial."""
        code = compact(match.group(0))
        if code.startswith("nct") or code in self.corpus_compact:
            return match.group(0)
        close = {name for name in self.printed_names.values() if re.fullmatch(r"[A-Za-z]{2,}-?\d{2,}", name)
                 and not name.lower().startswith("nct") and _two_digits_swapped(compact(name), code)}
        return close.pop() if len(close) == 1 else match.group(0)

    def _hyphenated(self, text: str) -> str:
        """'her2 low' → 'HER2-low', 'pan her' → 'pan-HER': two words typed apart that the review only
        prints joined by a hyphen."""
        def joined(first: str, second: str) -> str | None:
            hyphened = f"{first}-{second}".lower()
            # ('her2 overexpressing' stays two words: only a cited title joins them, in its capitals — while a word
            # printed in lower case, 'trastuzumab-based', is joined wherever the review prints it)
            if hyphened not in self.corpus_words or f"{first} {second}".lower() in self.lowered_text or (
                    hyphened not in self._body_words and hyphened not in self.lower_hyphenated):
                return None
            if hyphened in self.lower_hyphenated:
                return f"{first}-{second}"  # an ordinary word ('early stage'), not a title's capitals
            return self.printed_names.get(hyphened, f"{first}-{second}")
        # 'drug to antibody ratio' → 'drug-to-antibody ratio', 'head to head', 'intention to treat'
        for word in self._linked_words:
            spaced = word.replace("-", " ")
            if spaced in text.lower() and spaced not in self.lowered_text:
                text = re.sub(rf"\b{re.escape(spaced)}\b", word, text, flags=re.I)
        # every pair of neighbouring words, overlapping: in 'whats her2 low mean' the pair starts at the second word
        pieces, end = [], 0
        for match in re.finditer(r"\b(?=([A-Za-z0-9]+) ([A-Za-z0-9]+)\b)", text):
            if match.start() >= end and (word := joined(match.group(1), match.group(2))) is not None:
                pieces += [text[end:match.start()], word]
                end = match.start() + len(match.group(1)) + 1 + len(match.group(2))
        return "".join(pieces) + text[end:]

    def names_known(self, text: str) -> list[str]:
        """The names in ``text`` the review knows, a brand ('enhertu') as the drug it sells."""
        return [e for e in self.entities_in(text) if self.known(e) or e.lower() in BRANDS]

    def known(self, name: str) -> bool:
        """Is ``name`` in the corpus? Compounds ('HER2-heterogeneous', 'MUC4/JIMT-1') are known when
        each entity-like part is; a numbered name ('DESTINY-Breast 05') must match whole."""
        if re.fullmatch(r"[A-Za-z0-9]{2,}\s?[+−-]", name):  # 'HR+', 'HER2−': a status, as printed
            return name.lower().replace(" ", "").replace("-", "−") in self.signed or \
                name.lower().replace(" ", "").replace("−", "-") in self.signed
        key = compact(name)
        if re.fullmatch(r"[A-Z]{2,5}s", name) and name.lower() not in self.expansions and (
                self.known(name[:-1]) or name[:-1].lower() in self.expansions):
            return True  # an acronym's plural ('NCTs', 'HRs') is known as its singular
        if re.fullmatch(r"[A-Z]{2,4}", name) and name.lower() not in self.expansions:
            return name.lower() in self.plain_words  # an acronym is a whole word of the review ('EMA' is in no 'schema')
        # (a short name within one printed word: 'her5' is in 'other 5' only across the space between two words)
        if len(key) >= 3 and key in (self.compact_words if len(key) <= SHORT_COMPACT_NAME and not re.search(r"\s", name)
                                     else self.corpus_compact):
            return True
        if "/" not in name and "–" not in name and re.search(r"(?:[\s-]|[A-Za-z])\d{1,2}$", name):
            return False
        parts = [p for p in re.split(r"[/–—-]+", name) if p]
        if len(parts) < 2:
            return False
        named = [p for p in parts if entity_like(p) or p.lower() in BRANDS]
        # the plain word joined to a name must be one the review uses in some form: 'HER2-heterogeneous'
        # is, 'HER2-ultralow' (a category it never names) is not
        plain = [p.lower() for p in parts if p not in named and re.fullmatch(r"[A-Za-z]{4,}", p)]
        return bool(named) and all(len(compact(p)) >= 2 and compact(p) in self.corpus_compact for p in named) \
            and all(any(w.startswith(p[:5]) for w in self.plain_words) for p in plain)

    def _printed_as_a_list(self, first: str, second: str) -> bool:
        """Two names the review prints one after the other only with a comma between ('lapatinib, neratinib')."""
        a, b = re.escape(first.lower()), re.escape(second.lower())
        return bool(re.search(rf"(?<![\w-]){a},\s*{b}(?![\w-])", self.lowered_text)) and \
            not re.search(rf"(?<![\w-]){a}[\s-]*{b}(?![\w-])", self.lowered_text)

    def entities_in(self, text: str) -> list[str]:
        # a subtype ('HR+/HER2−') is one name, signs and all (the token pattern drops a closing sign)
        found: list[str] = [f"HR{_printed_sign(m.group(0)[2])}/HER2{_printed_sign(m.group(0)[-1])}"
                            for m in STATUS_PAIR_RE.finditer(text)]
        text = STATUS_PAIR_RE.sub(lambda m: " " * len(m.group(0)), text)
        found_tokens = list(TOKEN_RE.finditer(text))
        tokens = [m.group(0) for m in found_tokens]
        # 'lapatinib, neratinib': a comma between two words lists two names, it does not join one (nor a plus sign:
        # 'tucatinib + trastuzumab + capecitabine' gives three drugs together; nor a sign of a value: 'DAR ~8' is
        # a ratio's value, not a name 'DAR 8')
        listed = {i for i in range(len(found_tokens) - 1)
                  if re.search(r"[,+&~≈=<>]", text[found_tokens[i].end():found_tokens[i + 1].start()])}
        i = 0
        while i < len(tokens):
            cand = tokens[i].strip(".-")
            step = 1
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            after = tokens[i + 2].lower() if i + 2 < len(tokens) else ""
            if re.fullmatch(r"\d{1,2}", nxt) and entity_like(cand) and i not in listed \
                    and not _a_figure_follows(text, found_tokens[i], found_tokens[i + 1]) and not re.match(
                    r"(?:y|yr|yrs|years?|months?|mo|weeks?|wks?|lines?|arms?|pts|patients)$", after):  # 'her2climb 2 yr OS'
                cand, step = f"{cand} {nxt}", 2  # "DESTINY-Breast 09"
            elif nxt and nxt != cand and i not in listed and entity_like(cand) and entity_like(nxt) \
                    and not re.fullmatch(r"[IVX]+", cand) \
                    and self.known(f"{cand} {nxt}") \
                    and compact(f"{cand} {nxt}") in self.corpus_compact \
                    and not self._printed_as_a_list(cand, nxt):
                # "trastuzumab deruxtecan" (not 'lapatinib neratinib', printed only as a list: "lapatinib, neratinib")
                cand, step = f"{cand} {nxt}", 2
            # a word in capitals that is an ordinary word ('URGENT', 'SYSTEM') is shouted; three capitals that are
            # none ('EMA', 'NICE' is four) are an acronym, a name the review may lack
            # ("which ADCs DON'T carry…": a contraction typed in capitals is no acronym)
            contracted = cand.isupper() and bool(re.match(r"[’']T\b", text[found_tokens[i].end():]))
            shouted = contracted or cand.isalpha() and cand.isupper() and cand not in self.upper_words \
                and cand.lower() not in self.expansions and cand.lower() not in BRANDS \
                and (len(cand) != 3 or cand.lower() in STOPWORDS or cand.lower() in self.plain_words)
            if shouted or cand.lower() in CHAT_WORDS:
                pass  # "SYSTEM:", "URGENT" — a word in capitals, not a name the review uses; 'eli5' asks how
            elif (parts := self._slash_joined(cand)):
                found += parts  # 'the tucatinib/her2climb data': a drug and its trial, typed with a slash between
            elif entity_like(cand.split()[0]) or cand.lower() in BRANDS:
                cand = self._without_state_suffix(cand)
                found.append(self.printed_names.get(cand.lower(), cand) if cand.islower() else cand)  # 'th3resa'

            elif cand.islower() and cand.upper() in self.upper_words and MOLECULE_NOUN_RE.fullmatch(nxt):
                found.append(cand.upper())  # 'met aberrations': the gene MET's, not a verb 'met'
            elif cand.lower() in self.printed_names and cand.lower() not in CHAT_WORDS and not (
                    cand.islower() and (cand in self.lower_words or cand in self.lower_hyphenated)  # 'control arm' is not the CONTROL trial…
                    and nxt.lower() not in ("trial", "study")):  # …but 'the control trial' is
                found.append(self.printed_names[cand.lower()])
            i += step
        if self._spelled_out_re is not None:
            found += [self.spelled_out[m.group(0).lower()] for m in self._spelled_out_re.finditer(text)]
        # ('Lapatinib + capecitabine versus lapatinib + trastuzumab': one name, however it is capitalised)
        first: dict[str, str] = {}
        for name in found:
            first.setdefault(name.lower(), name)
        return list(first.values())

    def _a_name(self, word: str) -> bool:
        """A drug, trial or other name the review uses ('tykerb', 'tucatinib', 'HER2CLIMB'), not a plain word ('linker')."""
        return word.lower() in BRANDS or bool(DRUG_SUFFIX_RE.search(word)) or (entity_like(word) and self.known(word))

    def _slash_joined(self, token: str) -> list[str]:
        """A drug and its trial joined by a slash ('tucatinib/her2climb' → tucatinib, her2climb), when the review never
        prints the pair as one name (as it does 'trastuzumab/pertuzumab' or 'PI3K/AKT/mTOR'); [] otherwise."""
        parts = token.split("/")
        if len(parts) < 2 or token.lower() in self.lowered_text:
            return []
        if not all(len(p) >= 4 and (p.lower() in BRANDS or (entity_like(p) and self.known(p))) for p in parts):
            return []
        drugs = [p.lower() in BRANDS or bool(DRUG_SUFFIX_RE.search(p)) for p in parts]
        if all(drugs) or not all(drug or self.names_a_trial(p) for p, drug in zip(parts, drugs)) or not any(drugs):
            return []  # ('zanidatamab/ZW25', 'kadcyla/enhertu': one drug by two names, or two drugs given together)
        return [self.printed_names.get(p.lower(), p) if p.islower() else p for p in parts]

    def paragraph_share(self, aliases: list[str]) -> float:
        """Share of the corpus paragraphs naming any of ``aliases``."""
        if not self.paragraphs:
            return 0.0
        key = tuple(sorted({a.lower() for a in aliases}))
        if key not in self._shares:
            # a short name as a word ('MET' in 'MET aberrations', 'ADCs'), not inside another ('metastatic')
            named = [re.compile(rf"(?<![a-z0-9]){re.escape(a)}(?:s|es)?(?![a-z0-9])" if len(a) <= SHORT_NAME
                                else re.escape(a)) for a in key]
            self._shares[key] = sum(any(n.search(p) for n in named) for p in self.paragraphs) / len(self.paragraphs)
        return self._shares[key]

    def unknown_proper_nouns(self, question: str) -> list[str]:
        """Capitalised words inside the sentence ('France', 'Japan') and acronyms typed in capitals ('SOPHIA', a trial
        the review never names) that the corpus never uses."""
        words = re.findall(r"(?<=[a-z,;:] )([A-Z][a-z]{3,})\b", question) + [
            w for w in re.findall(r"(?<![\w\-])([A-Z]{4,})(?![\w\-])", question)
            if w.lower() not in self.expansions and w.lower() not in JOURNAL_SHORT_NAMES]
        return [w for w in words if w.lower() not in self.corpus_words and w.lower() not in BRANDS
                and w.lower() not in STOPWORDS and not any(v.startswith(w.lower()[:6]) for v in self.corpus_words)]

    def unknown_topic_words(self, question: str) -> list[str]:
        """Content words of an explicit topic ("say about X") that the corpus never uses, even as a stem,
        and clinical terms anywhere in the question that it never uses ('thrombocytopenia',
        'cardiotoxicity'): no passage can answer for them."""
        clinical = [w for w in re.findall(r"[A-Za-z][a-z\-]{6,}", question) if CLINICAL_TERM_RE.search(w)
                    and not any(v.startswith(w.lower()[:9]) for v in self.corpus_words)  # not 'hepatocyte'
                    # ('ferroptosis': a process the review names by its adjective, "ferroptotic cell death")
                    and not (w.lower().endswith("osis") and f"{w.lower()[:-4]}otic" in self.corpus_words)
                    and not synonym_meanings(w)]  # 'leukaemia' is what the review calls a hematologic cancer
        # "after surgery" is the adjuvant setting the review discusses, not surgery itself
        asked = SEEN_ON_IMAGING_RE.sub(" ", SURGERY_TIMING_RE.sub(" ", question))
        clinical += [w for w in re.findall(r"[A-Za-z]+", asked) if CARE_TOPIC_RE.fullmatch(w)
                     and not any(_inflects(v, w.lower().rstrip("s")) for v in self.corpus_words)]
        # 'is enhertu safe for older people': a population by age, which the review never sets apart
        clinical += [m.group(0) for m in AGE_GROUP_RE.finditer(question) if m.group(0).lower() not in self.lowered_text]
        # 'who makes enhertu?': the company behind a drug, which the review never names
        if WHO_MAKES_RE.search(question):
            clinical.append("who makes the drug")
        if PERSONAL_CHOICE_RE.search(question):
            clinical.append("which treatment is best for one patient")
        clinical += ["men" for _ in SEX_GROUP_RE.finditer(question)
                     if not re.search(r"\b(?:men|male)\b", self.lowered_text)][:1]
        clinical += [w for w in re.findall(r"[A-Za-z]+", question) if ENZYME_RE.fullmatch(w)
                     and w.lower() not in NOT_ENZYMES and not any(v.startswith(w.lower()) for v in self.corpus_words)]
        match = TOPIC_RE.search(question)
        if not match:
            return clinical
        missing = clinical
        # ('tell me about kadcyla being used after surgery': the adjuvant setting, not surgery itself)
        for word in re.findall(r"[A-Za-z][\w\-]{4,}", SURGERY_TIMING_RE.sub(" ", match.group(1))):
            lowered = word.lower()
            if lowered in STOPWORDS or lowered in BRANDS or lowered in FRAME_NOUNS or lowered in RELATION_NOUNS \
                    or lowered in CHAT_WORDS or synonym_meanings(lowered):  # 'tell me about HER2CLIMB please'
                continue  # …and a word the review says in its own words ('candidate' → 'potential')
            if re.search(r"\d", word) and self.known(word):
                continue  # ('say about igf-1r': a name the review prints otherwise, IGF-IR)
            stem = lowered[:6]
            undoubled = re.sub(r"([a-z])\1(?:ed|ing)$", r"\1", lowered)  # 'trialled', 'modelling': British doubling
            singular = re.sub(r"(?<=[^s])s$", "", lowered)  # 'enhertu works in HER2-low': the review's 'work'
            if not any(w.startswith(stem) or w in (undoubled, singular) for w in self.corpus_words):
                missing.append(word)
        return missing

    def called_a_trial(self, name: str) -> bool:
        """Does the review write the name before 'trial' or 'study' ('DESTINY-breast04 phase III trial')?"""
        return any(re.search(rf"{re.escape(alias.lower())}\W+(?:[\w/]+\W+){{0,3}}?(?:trial|study)\b", self.lowered_text)
                   # ('Another phase III trial, TH3RESA, demonstrated…': a name in capitals set after 'trial,')
                   or (TRIAL_SHAPED_RE.fullmatch(alias) and re.search(rf"\b(?:trial|study),\s+{re.escape(alias.lower())}\b",
                                                                      self.lowered_text))
                   for alias in self.aliases_of(name))

    def names_a_trial(self, name: str) -> bool:
        """A trial's own name: the review calls it a trial and it is rare in its paragraphs ('HER2CLIMB', not
        'HER2' in "HER2 … trials")."""
        return self.called_a_trial(name) and self.paragraph_share(self.aliases_of(name)) <= 0.2

    def aliases_of(self, name: str) -> list[str]:
        lowered = name.lower()
        names = [name]
        if lowered in BRANDS:
            names += BRANDS[lowered].split(" T-")[0:1] + [w for w in BRANDS[lowered].split() if "-" in w]
        if lowered in self.expansions:
            names.append(self.expansions[lowered])
        names += self.reverse.get(lowered, [])
        if (qualified := re.match(r"(?:anti-?\s?her2|her2-?\s?(?:targeted|directed))\s+(\S.*)$", name, re.I)):
            # 'anti-HER2 ADCs': in a review about HER2 every ADC it discusses is one ("ADCs induce lymphoid…")
            names += self.aliases_of(qualified.group(1))
        if "breast cancer" in lowered:  # the review writes 'metastatic BC' (its 'bc' is too common to search alone)
            names.append(re.sub(r"breast cancer", "BC", name, flags=re.I))
        if re.search(r"[/–]", name) and not STATUS_PAIR_RE.fullmatch(name):  # 'HR+/HER2−' is not 'HER2'
            names += [p for p in re.split(r"[/–]+", name) if len(p) >= 3]
        if re.fullmatch(r"[A-Za-z][A-Za-z0-9\-]*\+", name):  # 'HER2+ disease' is the review's HER2-positive disease
            names += [f"{name[:-1]}-positive", f"{name[:-1]} positive"]
        if re.fullmatch(r"[A-Z][A-Za-z0-9\-]*[A-Z0-9]s", name):
            names.append(name[:-1])  # 'other TKIs': the review's "a new TKI" is one of them
        key = compact(name)
        if "1" in key and len(key) >= 4:  # 'IGF-1R' is printed 'IGF-IR' too: the numeral one as I
            roman = self._by_compact.get(key.replace("1", "i"))
            names += [roman] if roman else []
        return list(dict.fromkeys(names))

    def analyze(self, question: str, carried: list[str] | None = None) -> Query:
        lowered = question.lower()
        extra: list[str] = synonym_meanings(question)
        equivalents: dict[str, set[str]] = {}

        def same_as(meaning: str, name: str) -> None:
            for term in tokenize(meaning):
                equivalents.setdefault(term, set()).update(tokenize(name))
        for match in re.finditer(r"[\w\-/]+", lowered):
            word = match.group(0)
            if word in BRANDS:
                extra.append(BRANDS[word])
            if word in STATUS_MEANINGS and RECEPTOR_STATUS_RE.match(lowered, match.end()):
                extra.append(STATUS_MEANINGS[word])
            elif word in self.expansions:
                extra.append(self.expansions[word])
                if word not in ABBREVIATIONS:  # a name the review spells out once (IGF-IR), not a class (ADC)
                    same_as(self.expansions[word], word)
            # "is nerlynx reversible?" is settled where the review says "irreversible" ("non-cleavable")
            extra.extend(f"{prefix}{word}" for prefix in NEGATING_PREFIXES
                         if len(word) >= 5 and f"{prefix}{word}" in self.corpus_words)
        for long_form, shorts in self.reverse.items():
            if long_form in lowered:
                extra.extend(shorts)
        entities, unknown = [], []
        seen_on = " ".join(m.group(0).lower() for m in SEEN_ON_IMAGING_RE.finditer(question))
        for name in self.entities_in(question):
            if name.lower() in seen_on.split():
                continue  # 'brain mets on MRI': where a finding was seen is no subject asked
            if name.lower() in BRANDS and not any(w in self.lowered_text for w in BRANDS[name.lower()].lower().split()):
                unknown.append(f"{name} ({BRANDS[name.lower()]})")  # 'kisqali': ribociclib, which the review never names
            elif name.lower() in BRANDS:
                entities.append(name)
            elif self.known(name) or name.lower() in self.expansions:
                entities.append(name)
            elif re.search(r"[/+]", name) and any(p.lower() in self.plain_words or self.known(p)
                                                   for p in re.split(r"[/+]", name) if p):
                # 'SRS/local therapy': alternatives typed with a slash, one of them in the review's words;
                # the names among them are asked, the one it never uses is no subject missing
                # ('HER1+HER3': targets blocked together, each a name the review gives)
                entities += [p for p in re.split(r"[/+]", name) if p and self.known(p) and p not in entities]
                # ('her2/cep17 ratio': a code of letters and digits the review never prints is a subject it lacks)
                unknown += [p for p in re.split(r"[/+]", name) if CODE_SHAPED_RE.fullmatch(p) and not self.known(p)
                            and p.lower() not in self.plain_words]
            # ('q3w', a code of letters and digits, is a dosing interval the review words as 'every three weeks')
            elif not (re.search(r"\d", name) and synonym_meanings(name)):
                unknown.append(name)
        unknown += [w for w in self.unknown_topic_words(question) if w not in unknown]
        unknown += [w for w in self.unknown_proper_nouns(question) if w not in unknown
                    and not any(w in e for e in entities)]
        # '(PD-L1, TILs etc)': names given as examples of what is asked; one the review lacks leaves the question open
        # when another example is the review's (not '(e.g. H1047R vs E545K)', none of which it names)
        examples = " ".join(m.group(0) for m in EXAMPLES_GIVEN_RE.finditer(question)
                            if any(mentions(m.group(0), [e]) for e in entities))
        unknown = [w for w in unknown if w.split(" (")[0] not in examples]
        # 'disitamab vedotin (rc48)', 'rc48 (disitamab vedotin)': a code the review never prints, typed in brackets beside
        # a name it does, is that drug's other name, not a second subject missing
        unknown = [w for w in unknown if not any(_glossed(question, w, e) for e in entities)]
        # ('…, im from heme so only know imatinib lol': a name in what the asker says of themselves is not asked)
        background = " ".join(m.group(0) for m in ASKER_BACKGROUND_RE.finditer(question)).lower()
        asked = ASKER_BACKGROUND_RE.sub(" ", question).lower()
        unknown = [w for w in unknown if not (w.split(" (")[0].lower() in background
                                              and w.split(" (")[0].lower() not in asked)]
        for long_form in self.reverse:
            if re.search(rf"\b{re.escape(long_form)}\b", lowered) and not any(long_form in e.lower() for e in entities):
                # 'antibody-drug conjugates' is one name, not the 'Antibody-Drug' found inside it
                entities = [e for e in entities if e.lower() not in long_form] + [long_form]
        extra += [p for e in entities for p in sorted(self._spaced_printings.get(compact(e), ())) if p not in question]
        expanded = question + (" " + " ".join(extra) if extra else "")
        aliases = {e: self.aliases_of(e) for e in entities}
        for name, other in _typed_aliases(question, entities, lambda e: self.lowered_text.count(e.lower()) <= 2,
                                          self.called_a_trial):
            # 'zw25 (zanidatamab)': the user gives a second name for one thing; either one names it
            entities.remove(other)
            aliases[name] = list(dict.fromkeys(aliases[name] + aliases.pop(other)))
        return Query(
            text=question, expanded=expanded, terms=tokenize(expanded), entities=entities,
            aliases=aliases, unknown=unknown, equivalents=equivalents,
            common={e for e in entities if self.paragraph_share(self.aliases_of(e)) > 0.2},
            carried=set(carried or []),
            # ('everolimus + herceptin + paclitaxel - what were the actual pfs numbers?': the question after its label)
            wants_number=bool(NUMERIC_CUE_RE.search(IDENTIFIER_NUMBER_RE.sub(" ", lowered)) or MEASURE_QUESTION_RE.search(question)
                              or DOSE_TYPED_RE.search(question)
                              or ENDPOINT_FIGURES_RE.search(question)
                              or MEASURE_QUESTION_RE.search(LABEL_BEFORE_RE.sub("", question, count=1)))
            and not POPULATION_ASKED_RE.match(question) and not REGIMEN_ASKED_RE.match(question),
            wants_reference=bool(REFERENCE_CUE_RE.search(SOURCE_SCOPE_RE.sub(" ", without_authors_saying(lowered)))
                                 or FIGURE_SOURCE_RE.search(lowered) or PAPER_ASKED_RE.search(lowered)
                                 or SOURCE_TAG_RE.search(lowered)),
            wants_backmatter=bool(BACKMATTER_CUE_RE.search(lowered)),
            # ('monarcher and patricia, how many patients in each?': two names, a figure asked of each)
            comparison=bool(re.search(r"\b(or|versus|vs\.?|compared? (?:to|with)|compare|than)\b", lowered)
                            or (len(entities) >= 2 and EACH_ASKED_RE.search(lowered))),
            wants_table=bool(re.search(r"\btables?\b", lowered)),
            wants_list=bool(re.search(r"^(which|what) (trials|drugs|adcs|agents|studies|tkis|inhibitors)\b|\blist\b|\ball\b", lowered)),
        )
