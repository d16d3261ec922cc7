"""Step 1 — what is asked: the intent of a question, and its parts.

Cues are about the *form* of a question (its wh-word, "vs", "list", "tell me about"), never about
the review's content, so they hold for questions nobody has written yet.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from ..query import DRUG_SUFFIX_RE, REFERENCE_CUE_RE, SOURCE_SCOPE_RE, SOURCE_TAG_RE, STOPWORDS, without_authors_saying
from ..retrieval import REVIEW_SUBJECT
from ..vocabulary import BRANDS, CAME_OUT_OF, CHAT_WORDS, CLOSE_ONES, HEAD_COUNT_NAMES
from .coverage import asked_endpoints

INTENTS = ("fact", "list", "table", "overview", "compare", "why", "definition", "yesno", "reference")

# The imperative: "compare the MonarcHER and PATRICIA trials", "pls contrast X and Y" (its sides are set apart by 'and')
IMPERATIVE_COMPARE_RE = re.compile(r"^\s*(?:(?:pls|please|can you|could you|quickly|briefly)\s+)*(?:compare|contrast)\s+"
                                   r"(?!to\b|with\b)", re.I)
COMPARE_RE = re.compile(r"\b(?:vs\.?|versus|v\.|compared? (?:to|with)|comparison|difference(?:s)? between|contrast (?:of|between)|"
                        r"differ(?:s|ence|ences|ently|ent from)?|how (?:do|does|did) .+ (?:compare|stack up|line up)|"
                        # "X and Y: how are they different?", "whats different between X and Y"
                        r"how (?:are|is|were|was) .{1,60}? different|what(?:'s|s| is)? different (?:about|between)|"
                        # "how did T-DM1 do against trastuzumab in KATHERINE?"
                        r"(?:do|did|does|fare[sd]?|perform(?:ed|s)?)\s+(?:\w+\s+)?against|"
                        # "EGF1001515 and EGF104900 what result each": two names, then what each gave
                        r"\s(?:and|&)\s[^?,]{1,40}?[\s,-]+(?:what|how)\b[^?]{0,30}\beach(?:\s+(?:one|trial|study|drug|of them))?"
                        r"\W*$)\b|" + IMPERATIVE_COMPARE_RE.pattern, re.I)
# What 'which is …' sets two treatments against each other by ('nerlynx or tukysa - which one is easier to
# tolerate?' sets them against on their safety)
BETTER_WORDS = (r"better|best|worse|easier|harder|safer|gentler|milder|kinder|tougher|less toxic|more toxic|more tolerable|"
                r"superior|won|wins|more effective|came out (?:on )?top|"
                # ('which has the scarier side effects', 'which is rougher side-effect wise'): which one is worse to take
                r"rougher|scarier|nastier|harsher|riskier|more (?:dangerous|serious|severe)|less tolerable|"
                r"(?:more|fewer|less) side[\s-]effects")
# "nerlynx + xeloda or tykerb + xeloda — which did better in NALA?": two sides set against each other by "or"
EITHER_BETTER_RE = re.compile(rf"^(?P<first>.+?)\s+or\s+(?P<second>.+?)\s*[-–—:,?]*\s*which\b[^?]{{0,30}}?\b(?:{BETTER_WORDS})\b",
                              re.I)
# 'which is gentler, tucatinib or neratinib?': the same, asked before the two are named (after a condition too:
# 'if mom ends up on a pill later, which is rougher, tukysa or nerlynx?')
WHICH_BETTER_FIRST_RE = re.compile(rf"^\W*(?:(?:if|when|once|since|given)\b[^?,]{{0,80}},\s*)?which\b(?: one| of them)?(?: (?:is|was|would be|seems))?\s+(?:\w+\s+){{0,2}}?"
                                   rf"(?:{BETTER_WORDS})\b(?:\s+(?:to|for|on)\s+[\w\s]{{1,20}}?|\s+[\w\-]{{2,20}}[\s-]wise)?\s*[,:\-–—]\s*"
                                   r"(?P<first>[^,?]+?)\s+or\s+(?P<second>[^,?]+?)\W*$", re.I)


# ('ok and how does that make herceptin stop working': a follow-up's 'and' says nothing of the intent either)
LEADING_FILLER_RE = re.compile(r"^\W*(?:(?:ok(?:ay)?|so|wait|hmm+|um+|uh+|well|oh|right|alright|and|but)\b[\s,.!]*)+", re.I)


def either_better(question: str) -> tuple[str, str] | None:
    """The two sides of 'X or Y - which is better/easier…?' (or 'which is gentler, X or Y?'), None otherwise."""
    match = EITHER_BETTER_RE.match(question) or WHICH_BETTER_FIRST_RE.match(question)
    return (match.group("first"), match.group("second")) if match else None


# Two comparisons set against each other: "tykerb + xeloda vs xeloda alone, compared with tykerb + herceptin vs
# tykerb alone - which improved OS?" (each pair is one trial's arms; the pairs are split where one ends)
PAIR_SPLIT_RE = re.compile(r"\s*,?\s*(?:\bcompared? (?:to|with|w/)|\bor\b|;)\s*", re.I)
PAIR_VS_RE = re.compile(r"\s(?:vs\.?|versus)\s", re.I)
# where the second pair ends and the question about both goes on ("… vs tykerb alone - which one …?")
PAIR_END_RE = re.compile(r"\s[-–—:]\s|\s*[?(]|\s(?:which|what|how|did|does)\s", re.I)

PAIR_OPENING_RE = re.compile(r"^\W*(?:how|what|which|why)\s+(?:did|does|do|was|were|is|are)\s+", re.I)


def paired_comparisons(question: str) -> list[str]:
    """The two 'X vs Y' pairs of a question that compares two comparisons, [] when it does not."""
    # ('… compared to EGF104900 (lap+trastuzumab vs lap) — pfs/os?': a pair given in brackets after its trial's name)
    chunks = [chunk for chunk in PAIR_SPLIT_RE.split(re.sub(r"[()]", " ", question)) if chunk and chunk.strip()]
    # ('how did tykerb + xeloda vs xeloda alone compare with …': the question's opening is no part of the first pair)
    chunks = [PAIR_OPENING_RE.sub("", chunk) for chunk in chunks]
    pairs = [" ".join(PAIR_END_RE.split(chunk)[0].split()) for chunk in chunks if PAIR_VS_RE.search(chunk)]
    pairs = [pair for pair in pairs if len(PAIR_VS_RE.split(pair)) == 2 and all(
        re.search(r"\w", side) for side in PAIR_VS_RE.split(pair))]
    return pairs if len(pairs) == 2 else []


WHY_RE = re.compile(r"^(?:why|how come|what(?: is| was| are|'s|’s|s) the (?:(?:proposed|suggested|likely|main|underlying|"
                    r"possible|presumed|putative)\s+)?(?:rationale|reason|basis|mechanism)|"
                    r"what explains|what causes|what makes)\b|^\W*mechanisms?\s*:|"
                    # "mechanistically how does AXL drive resistance?": the mechanism asked in so many words
                    r"^\W*(?:mechanistically|biologically|molecularly)\b|\b(?:rationale|reason|reasoning|why)\b|"
                    # ('src and trastuzumab resistance, whats the link', 'axl and resistance how'): how the two are tied
                    r"\bwhat(?:'s|’s|s| is)\s+the\s+(?:link|connection|relationship|relation|tie)\b|\bresist\w*\b.*\bhow\W*$|"
                    # ("AXL as resistance driver - mechanistically how?": the same, asked after what it is about)
                    r"[-–—:,]\s*(?:(?:so|but|and|ok)\s+)?(?:mechanistically|biologically|molecularly)\b|"
                    # ('axl and resistance to anti-her2 - mechanism?', 'cyclin d1 overexpression -> resistance, mechanism?':
                    # the mechanism asked as a label's one word)
                    # ('cyclin d1 overexpression - mechanism of resistance?', 'axl resistance mechanism?': the name
                    # before is what is asked to cause it)
                    # ('axl mechanism of anti-her2 resistance': the resistance may be named by what it resists)
                    r"[-–—:,>]\s*(?:the\s+|its\s+|what(?:'s|s| is) the\s+)?(?:resistance\s+)?mechanisms?"
                    r"(?:\s+(?:of|for|behind)\s+(?:the\s+)?(?:[\w\-]+\s+)?resistance)?\s*\?*\s*$|"
                    r"^(?!\W*(?:what|which|list|name|any|anything|are|is|were|was|do|does|tell|summar\w*|overview|"
                    r"explain|describe)\b)"
                    r"(?![^?]*\bas an?\s+resistance\b)[^?\-–—:,]{2,60}?\s"
                    r"(?:mechanisms?\s+of\s+(?:[\w\-]+\s+)?resistance|"
                    r"resistance\s+mechanisms?)\W*$|"
                    # "what's the point of pairing X with Y", "the idea behind combining…": the purpose asked
                    r"\b(?:point|idea|logic|thinking|purpose) (?:of|behind) (?:\w+ing|combin\w*|adding|the combination)\b|"
                    r"\bmechanisms? (?:by which|through which|whereby|behind|underlying|of how)\b|"
                    # ('pi3k pathway how does it cause resistance': a topic typed first, then asked of as 'it')
                    r"^(?:(?:[\w\-/+]+\s+){1,4}(?=how\s+\w+\s+(?:it|they|this|that)\b))?"
                    r"how (?:does|do|did|can|could|might|would|is|are)\b.*\b(?:cause|causes|lead|leads|drive|drives|"
                    # ('how would AXL stop herceptin working?': how a drug is made to fail is a mechanism of resistance)
                    r"stops?\s+(?:[\w\-]+\s+){1,3}?(?:from\s+)?working|"
                    r"work|works|overcome|confer|confers|promote|promotes|induce|induces|mediate|resist\w*|"
                    r"make|makes|made|making|escape|escapes|bypass|bypasses|evade|evades|kill|kills|bind|binds|"
                    r"get into|cross|crosses|act|acts|"
                    # ('how do ADCs cut down on side effects?': how harm is spared is a mechanism too)
                    r"reduce|reduces|lower|lowers|cuts? down|spares?|minimi[sz]es?|"
                    # ('how does AXL get around the her2 blockade?'): how something is escaped is a mechanism
                    r"gets? around|work around|circumvents?|dodges?|sidesteps?)\b", re.I)
# Who is treated: "which patients…", "help all the patients?" ask about a population, not for named members
POPULATION_WORDS = ("patients", "pts", "women", "people", "subjects", "cases")
# 'design + all the numbers': a trial's figures told, not members of a kind listed
FIGURE_PLURALS = ("numbers", "figures", "stats", "results", "findings", "outcomes", "details")
LIST_RE = re.compile(r"\blist\b|\bname (?:the|all|them|some|a few|any|those|these)\b|\b(?:give|show|tell) (?:me|us) (?:every|all)\b|\ball (?:the )?(?!(?:" + "|".join(POPULATION_WORDS + FIGURE_PLURALS) + r")\b)\w+s\b|"
                     # ('all the resistance mechanisms …?' opening the question: after 'the', one word may qualify the plural
                     # listed — not 'all breast cancers', a population, nor '… curable with all the new drugs?')
                     r"^\W*(?:(?:and|so|ok|pls|please)\W+)?all the (?!(?:" + "|".join(POPULATION_WORDS) + r")\b)\w+\s+(?!(?:" + "|".join(POPULATION_WORDS) + r")\b)\w+s\b"
                     r"(?!\s+(?:" + "|".join(POPULATION_WORDS) + r")\b)|"
                     r"\bwhat (?:are|were) (?:the|all) (?!results|findings|outcomes|effects|data|numbers|figures|stats)\w+s\b|"
                     # ('src inhibitors names?', 'names of the src drugs'): the members' names asked in so many words
                     r"^\W*(?:[\w\-/+]+\s+){0,3}[a-z\-]+s\s+names?\W*$|\bnames\s+of\s+(?:the\s+|all\s+(?:the\s+)?)?"
                     r"(?:[\w\-/+]+\s+){0,3}?[a-z\-]+s\b|"
                     r"\b(?:types|kinds|classes|examples) of\b|\bwhich (?:specific |exact |particular |individual )?ones\b|"
                     # ('src inhibitors named in the review?': where they are named adds nothing to what is asked)
                     r"\b(?:mentioned|named|listed)(?:\s+(?:in|by)\s+(?:the\s+|this\s+)?(?:review|paper|article|text|authors))?\W*$|"
                     # ('PI3K/AKT/mTOR pathway agents discussed in the review?': agents, then where they are told)
                     r"\b(?:drugs|agents|inhibitors|compounds|medications|therapies)\s+(?:discussed|covered|described|mentioned|"
                     r"named|listed)\b",
                     re.I)
AUXILIARIES = {"did", "does", "do", "is", "are", "was", "were", "has", "have", "had", "can", "could", "would", "will",
               "should", "may", "might", "made", "make", "makes"}
NOT_PLURAL = {"this", "its", "his", "plus", "status", "analysis", "versus", "previous", "various", "thus", "was",
              "does", "has", "is", "results", "data", "news", "focus", "bias", "basis", "metastasis", "virus",
              *POPULATION_WORDS,
              # "what years is that rate from": a span of time, not members
              "years", "months", "weeks", "days"}


# A question typed as a plural and who found its members: 'her2 mutations bose found?', 'biomarkers they identified in
# kate2?' (not 'drugs used in her2climb?', where the drugs a trial's patients had before are no members)
MEMBERS_FOUND_RE = re.compile(
    # ('her2 mutations that bose found without amplification?': 'that' before who found them, where after)
    r"^\W*(?:(?:and|so|ok)\s+)?(?:the\s+)?(?:[\w\-/+]+\s+){0,2}(?P<plural>[a-z\-]+s)\s+(?:that\s+)?"
    r"(?:[\w\-.]+(?:\s+et\s+al\.?)?|they|the (?:review|authors|study|trial))\s+(?:found|identified|reported|described|"
    r"discovered)(?:\s+(?:in|for|with|without|among)\s+[^?]{1,40})?\W*$|"
    # ('her2 mutations found by bose et al': the participle, who found them after it)
    r"^\W*(?:(?:and|so|ok)\s+)?(?:the\s+)?(?:[\w\-/+]+\s+){0,2}(?P<plural_by>[a-z\-]+s)\s+(?:that\s+(?:were|was)\s+)?"
    # ('… found by bose without amplification?': where they were found, after who found them)
    r"(?:found|identified|reported|described|discovered)\s+by\s+[\w\-.]+(?:\s+et\s+al\.?)?"
    r"(?:\s+(?:in|for|with|without|among)\s+[^?]{1,40})?\W*$", re.I)

# A question typed as a plural and what was done to its members: 'checkpoints upregulated by adcs', 'dna mutation
# biomarkers being validated in bc', 'ongoing trials of tukysa + adc?' (not 'drugs used in her2climb?', the drugs its
# patients had before)
MEMBERS_DESCRIBED_RE = re.compile(
    r"^\W*(?:(?:and|so|ok)\s+)?(?:the\s+)?(?:[\w\-/+]+\s+){0,3}?(?P<plural>[a-z\-]+s)\s+(?:(?:being|that are|currently)\s+)?"
    r"(?:upregulated|induced|targeted|validated|tested|studied|investigated|evaluated|combined|examined|assessed|"
    r"developed|mentioned|listed|named|covered|"
    # ('her2 mutations linked to resistance w/o amplification?': what the members are tied to; see _members_tied)
    r"(?P<tie>linked|associated|tied|connected|implicated|involved))"
    r"\s+(?:by|in|for|with|on|against|to)\b[^?]{0,60}\W*$|"
    r"^\W*(?:any\s+)?(?:ongoing|current|running|active)\s+(?P<trials>trials|studies)\s+(?:of|with|testing|combining|on)\b", re.I)

# 'so is there a drug for AXL', 'are there any medicines against src?': whether drugs for a target exist, which are
# named one by one if any
DRUG_EXISTS_RE = re.compile(r"^\W*(?:(?:so|and|ok|but)\W+)?(?:is|are) there (?:a|an|any)\s+(?:\w+\s+)?(?:drugs?|medicines?|"
                            r"medications?|inhibitors?|agents?)\s+(?:for|against|that (?:targets?|blocks?|hits?)|aimed at|"
                            r"targeting|blocking)\b", re.I)

# A question typed as a noun phrase naming drugs of a kind: "src targeting drugs?", "drugs against axl",
# "her2 targeted agents?" ('src inhibitors?' alone names the topic and is an overview).
DRUGS_OF_KIND_RE = re.compile(r"^\W*(?:(?:(?:[\w\-/+]+\s+){1,3}|[\w/+]+-)(?:targeting|targeted|directed|blocking)\s+"
                              r"(?:drugs|agents|compounds|therapies|medications)|(?:drugs|agents|compounds|therapies|medications)"
                              r"\s+(?:targeting|against|blocking|that (?:target|block|inhibit))\s+(?:[\w\-/+]+\s*){1,3})"
                              r"(?:\s+(?:in|under) (?:development|(?:clinical )?trials?|the pipeline)|\s+being (?:tested|developed|studied))?"
                              r"\W*$", re.I)


# Plurals of what acts on a target: right after 'which'/'what', the subject of the verb that follows
# "src inhibitors in development for her2 resistance?": a kind of drug asked with where it stands, the members
# ('src inhibitors?' alone stays the topic's overview)
KIND_IN_DEVELOPMENT_RE = re.compile(r"^\W*(?!(?:are|is|were|was|do|does|did|have|has|can|could|any|which|what)\b)(?:[\w\-/+]+\s+){1,3}(?:inhibitors|drugs|agents|blockers|antibodies|compounds)\s+"
                                    r"(?:(?:in|under) (?:development|(?:clinical )?trials?|the pipeline)|"
                                    r"being (?:tested|developed|studied|trialled|trialed)|"
                                    # ('cdk4/6 inhibitors tested with anti-her2 drugs in this review?')
                                    r"(?:tested|studied|trialled|trialed|evaluated|combined|paired)\s+(?:with|alongside|in)\b)", re.I)
# How drugs are tried, between their plural and what they act on ('any drugs tested clinically against …')
TRIED_WORDS = frozenset("tested tried studied trialled trialed used given developed approved being been currently "
                        "clinically now yet still already".split())
AGENT_PLURALS = {"drugs", "agents", "inhibitors", "medications", "medicines", "compounds", "therapies", "antibodies", "tkis", "adcs"}
ASKED_NOT_LISTED = {"findings", "results", "outcomes", "data", "details", "conclusions", "differences", "similarities",
                    "pros", "cons", "implications", "numbers", "figures", "odds", "chances", "benefits", "risks"}


# "what else is being tested in her2-low?", "is there anything else in trials for it?": the others tested, each named
ELSE_TESTED_RE = re.compile(r"^\W*(?:(?:and|so|ok|okay)\W+)?(?:(?:is|are)(?:\s+there)?\s+)?(?:what|anything|something)\s+else\s+"
                            r"(?:(?:is|are)\s+)?(?:(?:being|currently|now|still)\s+)*(?:tested|studied|tried|trialed|"
                            r"developed|explored|investigated|evaluated|in (?:clinical )?trials?)\b", re.I)


def else_tested_as_drugs(question: str) -> str:
    """'what else is being tested in her2-low?' → 'which other drugs are being tested in her2-low?': the others tested
    are named one by one, as the drugs of a list are (the question unchanged otherwise)."""
    if not (asked := ELSE_TESTED_RE.match(question)):
        return question
    done = re.search(r"\b(?:tested|studied|tried|trialed|developed|explored|investigated|evaluated)\b", asked.group(0), re.I)
    verb = done.group(0) if done else "tested"
    return f"which other drugs are being {verb}{question[asked.end():]}"


def _members_tied(question: str, plural: str) -> bool:
    """'her2 mutations linked to resistance?' asks which members are tied to it — not 'are MET aberrations linked to
    worse response' (whether), 'ctdna / ctcs linked to resistance?' (an abbreviation: whether the one thing is), nor
    'drugs linked to ild?' (a side effect's sentences name no drugs as members)."""
    return plural.lower() not in AGENT_PLURALS and bool(re.search(r"[aeiou]", plural[:-1], re.I)) and \
        not re.match(r"^\W*(?:(?:and|so|ok)\s+)?(?:are|is|were|was|do|does|did|can|could|have|has)\b", question, re.I)


def asks_for_list(question: str) -> bool:
    """'which TKIs…', 'what resistance mechanisms…', 'list…': a plural noun right after the wh-word
    (before any verb) asks for every member."""
    if LIST_RE.search(question) or DRUGS_OF_KIND_RE.match(question) or ELSE_TESTED_RE.match(question) or \
            KIND_IN_DEVELOPMENT_RE.match(question):
        return True
    if (found := MEMBERS_FOUND_RE.match(question)) and (found.group("plural") or found.group("plural_by")).lower() \
            not in NOT_PLURAL | set(FIGURE_PLURALS):
        return True  # 'her2 mutations bose found?': the members, named by who found them
    if DRUG_EXISTS_RE.match(question):
        return True  # 'so is there a drug for it': which drugs, if any
    if (described := MEMBERS_DESCRIBED_RE.match(question)) and \
            (described.group("plural") or described.group("trials")).lower() not in NOT_PLURAL | set(FIGURE_PLURALS) \
            and not (described.group("tie") and not _members_tied(question, described.group("plural"))):
        return True  # 'checkpoints upregulated by adcs': the members, named by what was done to them
    # ("which pi3k drugs get a mention?": mentioned)
    words = re.findall(r"[\w\-/+]+", re.sub(r"\b(?:get|gets|got|getting)\s+(?:a\s+)?mention(?:ed)?\b", "mentioned",
                                             question.lower()))
    while words[:1] and words[0] in ("and", "so", "ok", "okay"):
        words = words[1:]  # ('and which other … drugs come up?': a follow-up's opening word)
    if words[:2] in (["any", "other"], ["any", "more"], ["which", "other"], ["what", "other"]):
        words = words[:1] + words[2:]  # "any other drugs in that pathway being tested?": other members, listed the same
    if words[:1] == ["any"] and len(words) > 3 and words[1] in AGENT_PLURALS | {"trials", "studies"}:
        # ('any drugs tested clinically against PI3K?', 'any inhibitors of src being tested?': how they were tried
        # before what they act on)
        after = list(itertools.dropwhile(lambda w: w in TRIED_WORDS, words[2:]))
        if after[:1] and (after[0] in ("that", "which", "for", "against", "targeting", "testing", "blocking", "hitting",
                                       "in", "aimed", "directed", "acting") or (after[0] == "of" and words[1] != "trials"
                                                                                and words[1] != "studies")):
            return True  # "any drugs that hit it?", "any trials testing tucatinib with enhertu?": which ones, if any
    if not words or words[0] not in ("which", "what"):
        return False
    follows = AUXILIARIES | {"in", "of", "from", "for", "with", "without", "that", "which", "under", "on", "are", "were", "the", "to",
                             # ('which checkpoint receptors go up after adcs')
                             "go", "goes", "went", "get", "gets", "got",
                             "being", "been", "currently", "still", "mentioned", "listed", "named", "discussed",
                             # "what PI3K inhibitors come up / appear / crop up in the review"
                             "come", "appear", "crop", "pop", "feature", "exist"}
    # "what are (all) the resistance mechanisms…": the plural after "are the" is what is listed
    start = 3 if words[1:3] in (["are", "the"], ["are", "all"], ["were", "the"]) else 1
    members_of = words[0] == "which" and words[1:2] == ["of"]
    if members_of:
        # "which of the ongoing T-DXd trials include…": the members of the plural after "of the" are listed —
        # not "which of these drugs is oral" (one) or "which of the two trials had more patients" (a pick)
        if re.search(r"\b(?:is|was|has)\b|\b(?:more|most|better|best|longer|higher|larger|fewer|less|first)\b",
                     " ".join(words[2:])):
            return False
        start = 2
    if words[start:start + 1] in (["the"], ["these"], ["those"]):
        start += 1
    if start > 1 and set(words[start:start + 3]) & ASKED_NOT_LISTED:
        return False  # "what were the findings of monarcHER": an overview, "what are the differences": a comparison
    for i, word in enumerate(words[start:start + 3], start=start):
        if word in AUXILIARIES:
            return False
        plural = (len(word) >= 4 and word.endswith("s") and word not in NOT_PLURAL
                  and not word.endswith(("ss", "us", "is", "ous"))) or word.endswith(("tkis", "adcs"))
        after = words[i + 1] if i + 1 < len(words) else ""
        # "which TKIs does…", "what trials tested…", not "which side effect limits its…"
        if plural and (not after or after in follows or (after.endswith("ed") and len(after) > 4) or members_of):
            return True
        if start == 1 and i <= 2 and word in AGENT_PLURALS:
            # "what drugs go after PI3K?", "which inhibitors hit AKT": the members do what is asked (one word may
            # qualify them first: "which pipeline adcs use …", "which new tkis cross …")
            return True
    return False


OVERVIEW_RE = re.compile(r"\btell (?:me|us) (?:about|more)\b|"
                         # "the current status of SYD985", "where does SYD985 stand": where a drug is in its trials
                         r"\b(?:current|present|latest|developmental|development) status of\b|\bwhere (?:does|do) [\w\-() ]{2,40}? stand\b|"
                         r"\bwalk (?:me|us) (?:through|thru)\b|\b(?:results|outcomes?|findings|data) (?:of|from|for|in)\b|"
                         # "what were the numbers in KATHERINE": a trial's figures are its results (its name typed
                         # first too: 'destiny breast01 what were the numbers')
                         r"\bwhat (?:were|are) the (?:main |key )?(?:numbers|figures|stats) (?:of|from|for|in)\b|"
                         r"^\W*[\w\-]+(?:\s+[\w\-]+){0,2}\s*(?:[-–—:]\s*)?what (?:were|are) the (?:main |key )?"
                         r"(?:numbers|figures|stats)\W*$|"
                         # "give me the key HER2CLIMB numbers": the headline figures of what is named between
                         # ('give me the kadcyla mbc data in a nutshell': with no adjective too)
                         r"\b(?:give|show|tell) (?:me|us) the (?:(?:main|key|headline|top-?line|big) )?(?:[\w\-]+ ){1,2}?"
                         r"(?:numbers|figures|stats|results|data)\b|"
                         # "what was the design and outcome": how a trial was run and what it found, together
                         r"\bdesign\b[^?.]{0,20}?\s(?:and|&|\+)\s(?:the\s)?(?:main\s|key\s)?(?:outcomes?|results?|findings|"
                         r"numbers|figures|stats|data)\b|"
                         # "liquid biopsy section - what's covered?": what a section holds
                         r"\bwhat(?:'s|’s|s| is| gets)? covered\b|\bwhat (?:does|do) (?:it|they|this|that|the \w+) cover\b|"
                         r"\b(?:outcomes?|results?|findings)\b[^?.]{0,20}?\s(?:and|&|\+)\s(?:the\s)?design\b|"
                         r"\bsummari[sz]e|\bsummary\b|\boverview\b|"
                         r"\bwhat (?:did|does|do) .+ (?:show|find|found|demonstrate|report|conclude)\b|"
                         # "what NALA trial show?", "what were the NALA results": a trial's name, its auxiliary or
                         # article left out (not "what were the PFS results": a measure's figure is asked)
                         r"\bwhat\s+(?:the\s+)?(?-i:[A-Z][\w\-]*\d*)(?:\s+(?:trial|study))?(?:\s+(?:actually|really|finally|even|ever))?"
                         r"\s+(?:show|shows|showed|find|found)\b|"
                         r"\bwhat (?:were|are|was|is) the (?-i:[A-Z][\w\-]*)(?:\s+(?:trial|study))?\s+(?:results|findings|outcomes?|data)\b|"
                         # "how did kadcyla do in TH3RESA?": how a drug fared in a trial named by its capitals is
                         # that trial's results
                         r"^\W*(?:(?:and|so|ok)\s+)?how (?:did|does|do|has) (?:the\s+)?[\w\-+/]+(?:\s+[\w\-+/]+)?\s+"
                         r"(?:do|fare|perform|go)\s+(?:in|on)\s+(?:the\s+)?(?-i:[A-Z][\w\-]*\d*[A-Z\d][\w\-]*)"
                         r"(?:\s+(?:trial|study))?\W*$|"
                         # "what did TH3RESA compare": what a trial set out to test is its design
                         r"\bwhat (?:did|does) (?:the )?[\w\-]+(?: (?:trial|study))? (?:compare|test|evaluate|assess|investigate)\W*$|"
                         # "what came out of MonarcHER?": what a trial came out with, its results
                         rf"^\W*(?:(?:so|and|ok)\s+)?what {CAME_OUT_OF} (?:the )?[\w\-]+(?: (?:trial|study))?\W*$|"
                         # ('what happened in DESTINY-Breast03 with enhertu': the drug it tested, named after it)
                         # ('nerlynx - what happened in the NALA trial?': a name as the label before it)
                         r"^\W*(?:[\w\-+/]+(?:\s+[\w\-+/]+)?\s*[-–—:]\s*)?"
                         r"what happened (?:in|with) (?:the )?[\w\-]+(?: (?:trial|study))?(?: (?:with|to|for) [\w\-]+)?\W*$|"
                         # ("PATRICIA trial (palbo + trastuzumab) - what happened there?": the trial named before it)
                         r"(?-i:[A-Z][\w\-]*[A-Z0-9][\w\-]*)(?:\s+(?:trial|study))?(?:\s*\([^()]{1,60}\))?\s*[-–—:,]+\s*(?:so\s+)?"
                         r"what happened(?: there| in it| with it)?\W*$|"
                         # ("monarcher trial - what happened": a name typed in lower case, called a trial)
                         r"^\W*(?:the\s+)?[\w\-]+\s+(?:trial|study)\s*[-–—:,]+\s*(?:so\s+)?"
                         r"what happened(?: there| in it| with it)?\W*$|"
                         # ("what was DESTINY-Breast04 in HER2-low and what happened": the trial named first, then what
                         # came of it — its design and its results)
                         r"^\W*(?:(?:so|and|ok)\s+)?(?:what|who)(?:'s|’s|s| is| was| were)\s+(?:the\s+)?[^?]{2,60}?(?:\s+(?:and|&|\+))?\s+"
                         r"what (?:happened|came of it|did it (?:show|find))(?: there| in it| with it)?\W*$|"
                         # "whats trastuzumab duocarmazine (syd985) about", "what is the PATRICIA trial all about?"
                         r"^\W*what(?:'s|’s|s| is| was)\s+(?:the\s+)?[\w\-+/]+(?:\s+[\w\-+/()]+){0,3}?\s+(?:all\s+)?about\W*$|"
                         # "how did DESTINY-Breast03 turn out?": how a trial came out is its results
                         r"^\W*how did (?:the )?[\w\-]+(?: (?:trial|study))? (?:turn out|go|pan out|end up)\W*$|"
                         r"\bwhat (?:does|did) the (?:review|paper|article|text) say\b|\bwhat about\b|"
                         # ("anything in here on brain mets?", "anything in the review about …": where to look, before the topic)
                         # ('anything useful on CNS disease?': how much the asker hopes for, before the topic)
                         r"\b(?:any|anything|info|information|data|details?)(?: (?:useful|helpful|relevant|interesting|important|new))?"
                         r"(?: in (?:here|there|it|this|(?:the|this) (?:review|paper|"
                         r"article|text)))? (?:on|about|regarding)\b|"
                         # ("what's out there on ZW25?": what has been reported about it)
                         r"\bwhat(?:'s| is|s) out there (?:on|about|for|re)\b|"
                         r"\bwhat(?:'s| is) known about\b|\bwhat (?:do|does|did) (?:we|they|you|anyone|people|researchers) (?:really |actually )?know\b|\bwhat (?:were|are|was|is) the (?:data|results|findings|outcomes)\W*$|^\W*(?:what(?:'s| is| was)|whats) (?:the |this |that )?[\w\-–/+ ]{2,40} about\W*$|\bwhat (?:does|do) .+ say\b|\bresults\??$|\bexplain\b|\bdescribe\b|\bdiscuss\b|"
                         r"\b(?:gist|nutshell|tl;?dr|big picture|take-?aways?|take[\s-]?home(?: messages?| points?)?|bottom line|main (?:points?|messages?|ideas?)|"
                         r"key (?:points?|messages?)|the story|(?:the|its|their) [\w\-]+ story|in short|sum(?:s)? (?:(?:it|this|that|them|these) )?up|"
                         r"(?:a |quick |brief |short )?(?:rundown|run-down|recap|lowdown|primer|breakdown) (?:of|on)\b)\b|"
                         # ('newer approaches beyond adcs/tkis - quick rundown?': the topic, then the telling asked)
                         r"\b(?:rundown|run-down|recap|lowdown|primer|breakdown)(?:\s*[:\-–—]|\W*$)|"
                         # ('recap destiny-breast04 in her2 low': the word that opens the question is the command)
                         r"^\W*(?:(?:pls|please|plz|quick|brief|short)\s+)?(?:recap|rundown|run-down|lowdown|primer|breakdown)\s+(?!of\b|on\b)|"
                         # ('monarcher study short version?': a name, then the telling asked for)
                         r"\b(?:short|quick|brief|tl;?dr|cliff ?notes?|one[\s-]line)\s+(?:version|summary|overview)\b|"
                         # "liquid biopsy … where does the review land", "immunotherapy + anti her2 where are we"
                         r"\bwhere (?:are we|do we stand|does (?:the |this )?(?:review|paper|article|field) (?:land|stand))\b|"
                         # "io + her2 drugs, where does it stand", "whats the state of immunotherapy + anti-her2"
                         r"\bwhere (?:does|do) (?:it|they|that|this|things) stand\b|"
                         r"^\W*(?:so |and |ok )?(?:what(?:'s| is)|whats) the (?:current )?state(?: of play)? (?:of|with|on)\b|"
                         r"\bwhat(?:'s| is|s) the deal\W*$|"
                         # "whats the overall take on checkpoint inhibitors + anti-her2": what the review makes of it
                         r"\b(?:take|verdict|stance|view|thoughts|opinion)\s+(?:on|of|about|regarding)\b|"
                         # "whats going on with trastuzumab duocarmazine", "what's the latest on margetuximab"
                         r"^\W*(?:so |and |ok )?(?:what(?:'s| is)|whats) (?:going on|happening|new|up|the (?:latest|news|deal|story|status)) "
                         r"(?:with|on|for|about|in)\b", re.I)
# The review itself as the subject: "what is this review about", "main points of the paper".
# ('where does this review say her2+ mbc treatment is going?'): the field's course, as the review tells it — the
# overview reads whether a topic of its own is named ('where is adc development heading')
COURSE_ASKED = r"\bwhere\b[^?]{0,60}\b(?:going|heading|headed)\b"
COURSE_ASKED_RE = re.compile(COURSE_ASKED, re.I)
ABOUT_REVIEW_RE = re.compile(r"\b(?:this|the) (?:review|paper|article)\b(?:\W+\w+){0,3}\W+(?:about|cover|covers)\b|"
                             rf"{COURSE_ASKED}|"
                             # ("how many ADCs are approved as of this review": when, not what about)
                             r"(?<!\bas )\b(?:about|of|from) (?:this|the) (?:review|paper|article)\W*$|"
                             r"^\W*(?:what(?:'s| is| are)?|whats )?\s*(?:the )?(?:(?:authors?|review|paper|article)(?:['’]s?|['’])?\s+)?"
                             r"(?:(?:overall|main|real|key|general)\s+)?(?:gist|nutshell|tl;?dr|big picture|take-?aways?|take[\s-]?home(?: messages?| points?)?|bottom line|"
                             r"main (?:points?|messages?)|key (?:points?|messages?))(?:\W+(?:pls|please|plz))?\W*$", re.I)
# 'what exactly is an adc': an adverb before the copula asks the same
COPULA_ADVERB = r"(?:exactly|really|even|actually|precisely|basically)"
DEFINITION_RE = re.compile(rf"^(?:(?:what (?:{COPULA_ADVERB} )?(?:is|are|was|were)|what[’']s|whats) (?:an? |the )?"
                           # ('whats being tested in HER2CLIMB-04': a verb in its progressive asks what is done, no term)
                           r"(?!(?:being|been|going|happening|coming|planned|tested|studied)\b)"
                           # ('what is the akt inhibitor paired with?': what it is given with, a fact — no term)
                           r"(?![\w\-–/+ ]*\b(?:\w{3,}ed|given|taken|shown) (?:with|to|against|alongside)"
                           # ('what was kadcyla compared against in th3resa': the trial it was done in after it)
                           r"(?:\s+(?:in|within)\s+(?:the\s+)?[\w\-–/+]+(?:\s+(?:trial|study))?)?\??$)"
                           # ('what are they comparing X against?', "whats the comparator in X": who is asked a doing
                           # of, or an arm of a trial — no term)
                           r"(?!(?:the |an? )?(?:comparators?|control arms?)\b)"
                           # ('what was the enrolment in nala?': a head count, a figure — no term)
                           rf"(?!(?:the |an? )?(?:total |overall )?(?:{HEAD_COUNT_NAMES})\b)"
                           # ("whats the main issue with kadcyla": what is wrong with a drug, a fact — no term)
                           r"(?!(?:the |an? )?(?:(?:main|biggest|big|major|key|real)\s+)?(?:problems?|issues?|drawbacks?|downsides?|"
                           r"concerns?|limitations?|challenges?)\s+(?:with|of|for)\b)"
                           r"(?![\w\-–/+ ]*\b\w{3,}ing\b[\w\-–/+ ]*\b(?:against|with|to|for|on)\??$)"
                           # ("what's the TULIP trial testing?": what it is doing, no term)
                           r"(?![\w\-–/+ ]*\b(?:testing|studying|investigating|evaluating|comparing|assessing|exploring|"
                           r"looking at|doing|showing)\??$)"
                           # ('what was the big trial that got enhertu approved': the one that did something, a fact)
                           r"(?![\w\-–/+ ]*\b(?:trials?|stud(?:y|ies)|drugs?|agents?)\s+(?:that|which|who)\s+(?!(?:is|are)\b)\w+)"
                           r"[\w\-–/+ ]{1,40}\??$|define\b|"
                           r"what does .+ (?:mean|stand for)(?! for(?! (?:adcs?|tkis?|antibod\w+|conjugates?|antibody[\s-]drug conjugates?)\W*$))|what means\b|what (?:do|does) [\w\-–/+ ]{1,40} do\b|what kind of|what type of|what class of|"
                           r"what (?:counts|qualifies|is considered) as\b|"
                           r"meaning of)|\b(?:made (?:up )?of|composed of|consists? of|built from)\W*$", re.I)
# "whats the trial id for ZW49?", "what's the payload of SYD985": a table column asked of a name, a fact — no term
COLUMN_OF_NAME_RE = re.compile(r"\bthe (?:trial |nct |registry |registration )?(?:ids?|identifiers?|numbers?|payloads?|phases?|ncts?|"
                               r"arms?|settings?|end ?points?)\s+(?:of|for|in)\s+\S", re.I)
# "what is a biparatopic ADC, e.g. ZW49?": an example given after the term asked, which does not change what is asked
# The words that give an example ("e.g.", "such as", "like")
EXAMPLE_WORDS = r"(?:e\.?g\.?|such as|like|for example|for instance)"
EXAMPLE_TAIL_RE = re.compile(rf"\s*(?:,|\s[-–—]|\()?\s*\b{EXAMPLE_WORDS}(?:,|\.|\s)\s*"
                             r"[^?()]{1,40}?\)?\s*(?=\?*$)|"
                             # ('what is targeted protein degradation in the HER2 context? PROTACs etc')
                             r"(?<=\?)\s*[\w\-/+ ,]{1,40}?\s+(?:etc\.?|and so on|and the like)\W*$|"
                             # ('quick def of targeted protein degradation as used in this review (PROTACs etc)')
                             r"\s*\((?:e\.?g\.?,?\s*)?[\w\-/+ ,]{1,40}?\s+(?:etc\.?|and so on|and the like)\)\W*$", re.I)
# "what is TPD / PROTACs as described in the review?": where the answer comes from, which every answer does
SCOPE_TAIL_RE = re.compile(r"\s*,?\s*\b(?:as (?:described|defined|discussed|explained|presented|used|mentioned) "
                           r"(?:in|by) (?:the|this) (?:review|paper|article|authors)|"
                           # 'define X as used here', 'X as the review uses it'
                           r"as (?:used|defined|described|meant) here|in the sense (?:used|meant|intended) (?:here|in (?:the|this) (?:review|paper|article))|"
                           r"as (?:the|this) (?:review|paper|article|authors?) "
                           r"(?:uses?|defines?|describes?|means?) (?:it|them|the term)|"
                           r"according to (?:the|this) (?:review|paper|article|authors)|in (?:the|this) (?:review|paper|article|context|text)|"
                           r"in (?:the |this |a )?(?:her2|her2\+|her2-positive|anti-her2) (?:context|setting|world|space)|"
                           # 'what's TPD / PROTACs, as it relates to HER2?'
                           r"as (?:it|they) (?:relates?|related|applies|applied|appl(?:y|ies)) to (?:her2|her2\+|her2-positive|"
                           r"anti-her2|(?:breast )?cancer|bc)|"
                           # "what does HER2-low mean for a tumor": what the term is, said of what it describes
                           r"(?:for|in) (?:an? |the )?(?:tumou?rs?|patients?|(?:breast )?cancers?|bc))(?=\W*$)", re.I)
NAME_GLOSS_RE = re.compile(r"(?<=[\w+])\s*\(\s*(?=[\w\-/+.]*[A-Z])[\w\-/+.]+\s*\)")


def without_scope_or_example(question: str) -> str:
    """The term asked, without where it is used or an example given after it ('quick def of TPD as used in this review
    (PROTACs etc)' → 'quick def of TPD')."""
    # ('what is targeted protein degradation (TPD)?', 'what is enhertu (T-DXd)?': a name glossed by its short form is one
    # term asked; a follow-up's reading adds words of context in brackets the same way, "… testing (follow-up)?", but
    # in lower case)
    return NAME_GLOSS_RE.sub("", SCOPE_TAIL_RE.sub("", EXAMPLE_TAIL_RE.sub("", question)))


# "X vs Y - …", "tykerb + xeloda vs tykerb + herceptin - which one …": two names or regimens set side by side first
_REGIMEN = r"[\w\-/]+(?:\s*(?:\+|plus|&)\s*[\w\-/]+){0,3}(?:\s+(?:alone|only|monotherapy))?"
HEADLINE_COMPARE_RE = re.compile(rf"^\W*{_REGIMEN}\s+(?:vs\.?|versus|v\.?)\s+{_REGIMEN}(?![\w\-/])"  # (not 'T-' of 'T-DM1')
                                 # ('kadcyla vs herceptin after surgery with leftover cancer - how much better…': the setting)
                                 r"(?:\s+(?:after|before|post|pre|for|with|among)[\s-]+[^-–—:,?]{1,50}?"
                                 # ('… in trastuzumab-refractory pts, which combo had an OS benefit?': the population)
                                 r"|\s+in\s+(?:(?!\s[-–—]\s)[^–—:,?]){1,50}?\b(?:patients|pts|people|women|disease|setting)"
                                 # ('kadcyla vs enhertu construct - linker, payload, DAR?': what of them is set side by side)
                                 # (a dash between spaces or before one parts them; 'head-to-head' is one word)
                                 r"|(?:\s+(?!(?:in|on|at|of|from|during|within|to|by)\b)[a-z][a-z\-]*){1,2}(?=\s+[-–—]|[-–—]\s|\s*:)"
                                 # ('T-DXd vs T-DM1 at the construct level - linker, payload …': the level they are set at)
                                 r"|\s+at\s+the\s+[\w\-]+\s+level(?=\s+[-–—]|[-–—]\s|\s*:)"
                                 # ('tykerb + cape vs tykerb + herceptin trials, which one …': the two told as trials)
                                 r"|\s+(?:trials?|stud(?:y|ies)|data|results|regimens?|combos?|combinations?)"
                                 r"(?=\s*[,:?]))?"
                                 r"(?:\s+[-–—]|[-–—](?:\s|$)|\s*[:,?]|\s*$)"
                                 r"(?!.*\b(?:vs\.?|versus)\s)", re.I)  # (a second 'vs' sets other things side by side)
# "any data that inhibiting AXL actually works?", "any proof that blocking src helps": is there evidence that…
EVIDENCE_THAT_RE = re.compile(r"^\W*(?:(?:so|and|but|ok|okay)\W+)?(?:is there |are there )?any (?:real |actual |good )?"
                              r"(?:data|evidence|proof|signs?|indications?|hints?) (?:that|whether)\b", re.I)
# When, told before a condition: 'down the road if it stops working …'
LATER_ON = r"(?:down the road|later on|later|eventually|in the future|one day)"
YESNO_RE = re.compile(r"^(?:(?:so|and|but|ok|okay|then|also|hmm)\W+){0,2}(?:(?:in|for|with|among|at|after|according to) [^,?]{1,50}, |"
                      # "HER2CLIMB - could pts with brain progression stay on it?": a name as the topic, then the question
                      # ('cns progression on tucatinib triplet - can you keep going after srs?': a topic of a few words —
                      # not a clause told first, 'pt progressed on kadcyla - is enhertu still an option?')
                      r"(?!(?:what|which|who|whom|whose|why|how|when|where)\b)"
                      r"(?![^-–—:?]*\b(?:progressed|failed|relapsed|had|has|have|was|were|is|are|got|received|stopped)\b)"
                      r"[\w\-+/]+(?: [\w\-+/]+){0,5}(?: [-–—]| ?:) |"
                      # "if she gets radiation for a brain spot, can she keep taking tukysa?": a condition, then the question
                      # (without the comma, the question's own subject after its verb marks where it starts)
                      # ('ok. down the road if it stops working - was enhertu ever tested …?': when, then the condition)
                      rf"(?:{LATER_ON},? )?"
                      r"(?:if|when|once|now that) [^,?]{1,80}?(?:, | [-–—] )|"
                      # ('in HER2CLIMB if someone progressed in the brain only did they have to come off study drug?')
                      r"(?:(?:in|for|with|among) [\w\-+/]+(?: [\w\-+/]+)? )?"
                      r"(?:if|when|once|now that) [^,?]{1,80}?\s(?=(?:is|are|was|were|does|do|did|can|could|should|will|would)\s+"
                      r"(?:they|she|he|i|we|you|it|patients|people|pts|pt|patient|someone|somebody|anyone|"
                      r"(?:the|my|a|your|our) (?:patient|pt|mom|mum|mother|dad|father|wife|husband|sister|friend)s?)\b))?"
                      r"(?:is|are|was|were|does|do|did|can|could|has|have|had|should|will|would)\b", re.I)
MEASURE_RE = re.compile(r"\b(?:pfs|os|orr|dcr|dfs|idfs|hazard ratios?|hr|response rates?|survival|median|rates?|"
                        r"percentage|percent|proportion|how many|how much|how long|dose|dar|drug[\s-]to[\s-]antibody|ic50|incidence|"
                        r"number of|figure|months?|cis?|confidence intervals?)\b|%", re.I)
TABLE_RE = re.compile(r"\btable\s*(\d+)\b|\btables?\b", re.I)
WH_START = r"(?:what|which|who|whom|whose|when|where|why|how|is|are|does|do|did|can|was|were)"
# New questions start after "?", ";" or ", and <wh-word>" — not at a relative clause (", which compared…").
PART_SPLIT_RE = re.compile(r"\?\s+(?=\S)|;\s+|"
                           # ('what's it combined with in phase 2, and any tolerability issues in phase 1?')
                           r",\s+and\s+(?=any\s+\w+\s+\w+)|"
                           # ('…, and can ibrance type drugs fix that?': a yes/no question of a subject of its own)
                           r",\s+and\s+(?=(?:can|could|does|do|did|is|are|will|would|should)\s+"
                           r"(?!(?:it|its|they|them|this|that|these|those|there|people|patients|pts|ppl|women|any)\b)\w+\s+\w+)|"
                           # ('how is HER2 heterogeneity defined, incl the Metzger criteria?': what it must include too)
                           r",\s+(?:incl\.?|including)\s+(?=(?:the\s+)?\w+\s+\w+)|,?\s+(?:\band|\+|&)\s+(?=(?:(?:in|through|by|with|for|at|from|of|on) )?"
                           # ('…, and roughly what % of pts relapse': a hedge before the next question's wh-word)
                           r"(?:(?:roughly|approximately|approx|about|also|then|exactly|specifically)\s+)?"
                           r"(?:what|which|who|when|where|why|how)\b|"
                           # '… and were ppl with brain mets even in it': a yes/no question asked of its own subject
                           # (not 'and is it site-specific', a property of the same subject asked in one breath, nor
                           # '…and do they work yet?', where they are what the part before named)
                           r"(?:was|were|is|are|does|do|did|can|could) (?:there|people|patients|pts|ppl|women|any|anyone|anybody|someone|everyone)\b)", re.I)


# A part that is a wh-word and one noun ('which line', 'what phase'), with whatever it is asked of after
ONE_WORD_ASKED_RE = re.compile(r"^\W*(?:which|what)\s+[a-z]+\b(?:\s+(?:in|for|of|with)\b[^?]*)?\W*$", re.I)
ENDS_ON_ONE_WORD_ASKED_RE = re.compile(r"(?:^|[,;:]\s*|\s)(?:which|what)\s+[a-z]+\W*$", re.I)
# A why after a dash (why one side is so); 'which did better', 'what was the HR', 'how are they told apart' after a
# dash ask the comparison itself
DASH_THEN_QUESTION_RE = re.compile(r"\s+[-–—]\s+(?=why\b)", re.I)


# ... and a yes/no question of what one side does, after a question mark or ', and' ('SYD985 vs T-DM1 payload class?
# and does SYD985 work where T-DM1 fails')
DOES_IT_THEN_RE = re.compile(r"(?:\?\s*|,\s+)(?:and\s+)?(?=(?:does|do|did|can|could|will|would)\s+(?:it|they|\S+)\s+"
                             r"(?:still\s+)?(?:work|help|overcome|beat|improve|cross|get)\b)", re.I)


def comparison_then_question(sentence: str) -> list[str]:
    """'tucatinib vs lapatinib selectivity - why is tukysa easier to tolerate' → the comparison and the why, as two
    questions; so too a yes/no of what one side does after it; anything else → [sentence]."""
    dash = DASH_THEN_QUESTION_RE.search(sentence)
    before = sentence[:dash.start()] if dash else ""
    if dash and re.search(r"\b(?:vs\.?|versus)\s", before, re.I) and len(before.split()) >= 4:
        return [before, sentence[dash.end():]]
    then = DOES_IT_THEN_RE.search(sentence)
    if then and COMPARE_RE.search(sentence[:then.start()]) and len(sentence[:then.start()].split()) >= 3:
        return [sentence[:then.start()].rstrip(" ,?") + "?", sentence[then.end():]]
    return [sentence]


def is_reference(question: str) -> bool:
    lowered = SOURCE_SCOPE_RE.sub(" ", without_authors_saying(question.lower()))
    return bool(REFERENCE_CUE_RE.search(lowered)) or bool(
        # ('who did best by PAM50' asks which patients, not who did the study)
        re.search(r"\bwho (?:(?:first|originally|initially) )?(?:wrote|authored|did(?!\s+(?:the\s+)?(?:best|better|well|worse|worst|poorly|badly)\b)|"
                  r"showed|found|reported|described|classified|demonstrated)\b|"
                  r"\b(?:which|what) (?:(?:trial|study)\s*/\s*)?(?:ref|reference|journal|paper|article|source)\b|\breferences?\b|\brefs?\b|"
                  r"\bwhere(?:'s| is| does| did| do)\b.*\bfrom\b|\bcitations?\b|\bjournal\b(?!\s+clubs?\b)|\bpublished\b|\bauthors?\b|"
                  r"\bdoi\b|\bpubmed\b|"
                  # 'the NALA paper they cite, whose is it', 'which study is that from': whose the cited paper is
                  r"\bwhose (?:is it|paper|study|work|data)\b|\b(?:which|what) (?:study|paper|work|trial) (?:is|was) (?:that|this|it) from\b|"
                  # ('source?' as a turn of its own; 'tsc2 mutation + palbociclib - which study': the claim, then the study asked)
                  r"^\W*(?:and\s+|so\s+)?(?:the\s+)?sources?(?:\s+(?:in|for|of|on|that|showing|saying)\s+[^?]+)?\W*$|"
                  r"[-–—:,]\s*(?:which|what)\s+(?:study|studies|paper|source)\W*$|"
                  r"\b(?:paper|study|article|work) (?:they|the authors|the review) cites?\b|"
                  # '… the actual tucatinib trial paper. which one do they cite?'
                  r"\b(?:do|does|did) (?:they|the authors|the review|it) cite\b|"
                  # 'which study got it approved? whats the paper': the paper asked for, not what it is about
                  # ('whats the actual paper for the EMILIA trial?')
                  r"\bwhat(?:'s|s| is| was) the (?:(?:actual|real|original|full|main|underlying) )?(?:paper|source|publication)\b"
                  r"(?!\s+(?:about|say|says|said|cover|covers|"
                  r"discuss\w*|conclude\w*|mean|describe\w*|argue\w*|review\w*|on)\b)", lowered)) \
        or bool(STUDY_SHOWED_RE.search(lowered)) or bool(SOURCE_TAG_RE.search(lowered))  # ('her2climb paper?')


# "which study showed palbo + lapatinib gets around TSC2 resistance?": the finding is the review's, the
# study behind it is the one it cites (a trial is asked as "which trial", and is named in the sentence)
STUDY_SHOWED_RE = re.compile(r"\b(?:which|what) (?:study|studies|group|paper|work|research)\b(?:\W+\w+){0,2}?\W+"
                             r"(?:shows?|showed|shown|found|finds|demonstrat\w*|report\w*|describ\w*|identif\w*|suggest\w*)\b")


# A term typed first, then asked about: "targeted protein degradation - what is it", "her2-low? whats
# that", "bystander effect meaning".
TERM_THEN_ASKED_RE = re.compile(r"^\W*(?P<term>[\w\-–/+ ]{2,50}?)(?:\s*\([^()]{1,60}\))?\s*(?:[-–—:,?]+\s*)*\s(?:so\s+|and\s+)?"
                                r"(?:(?:what(?:'s|’s| is| are| was| were)|whats|wat is)\s+(?:it|that|this|they|those|these)|"
                                # 'targeted protein degradation / PROTACs — what's the concept?', '… - how is it defined in 4.4?'
                                r"what(?:'s|’s| is)\s+the\s+(?:concept|idea|definition|meaning|gist)|"
                                # ('targeted protein degradation - what does that mean here')
                                r"what\s+(?:does|do)\s+(?:it|that|this|they|those|these)\s+mean|"
                                r"how\s+(?:is|are)\s+(?:it|they|this|that)\s+defined)"
                                # ('…, in a sentence or two?', '… in 4.4?', '… briefly?': how or where, not what)
                                r"(?:\s*,?\s*(?:in\s+(?:a|one|two|plain|simple|short|few|lay)\b[\w ]{0,20}|in\s+(?:section\s+)?\d[\d.]*|"
                                r"briefly|exactly|simply put|here|"
                                # ('DESTINY-Breast04 in HER2-low - what was it and what happened': what it was, then what
                                # came of it — told together by its description)
                                r"(?:and\s+)?what (?:happened|came of it|did it (?:show|find))|"
                                # ('… - what is that in the HER2 context?': the review's own context, no restriction)
                                r"in\s+(?:the\s+|this\s+)?(?:her2\S*\s+)?context))?\W*$", re.I)
# "zw25 - what kind of drug is that": a name typed alone, then what kind of thing it is
NAME_THEN_KIND_ASKED_RE = re.compile(r"^\W*(?P<term>[\w\-/+]+(?:\s[\w\-/+]+)?)\s*[-–—:,?]+\s*what\s+(?:kind|type|class|sort)\s+of\s+"
                                     r"(?:drug|agent|molecule|compound|thing|therapy|treatment)s?\s+(?:is|are)\s+"
                                     r"(?:it|that|this|they|those|these)\W*$", re.I)
TERM_MEANING_RE = re.compile(r"^\W*(?!(?:which|what|who|whose|how|why|when|where)\b)"  # ('which ref backs the X definition')
                             r"(?P<term>[\w\-–/+ ]{2,50}?)\s*[-–—:,]?\s+(?:(?:one[- ]line|1[- ]line|one[- ]sentence|short|quick|brief|"
                             r"simple|plain|formal|exact|precise)\s+)?(?:meaning|definition|defn?)"
                             r"(?:\s+(?:(?:in|for|within|of) )?(?:the )?[\w\-+]+(?: [\w\-+]+){0,3}?(?: context| setting)?)?"
                             r"(?:\s*\([\w\-+/ ]{1,30}\))?\W*$", re.I)  # 'bystander effect meaning adc', 'bystander effect meaning (adcs)?'


# "what's the definition of HER2 3+ by IHC", "meaning of pCR", "how is HER2-low defined": the term asked.
DEFINITION_OF_RE = re.compile(r"^\W*(?:(?:so|and|ok)\s+)?(?:(?:what(?:'s|’s| is)|whats|give me|tell me|"
                              # 'need a clear definition of HER2-low for our inclusion criteria': a definition wanted
                              r"(?:i\s+|we\s+)?(?:need|want|would like|looking for))\s+)?(?:the\s+|a\s+)?"
                              r"(?:exact\s+|formal\s+|precise\s+|quick\s+|short\s+|brief\s+|simple\s+|clear\s+|one[- ]line\s+)?"
                              r"(?:definition|meaning|defn?\.?)\s+of\s+(?:the\s+term\s+)?"
                              r"(?P<term>[\w\-–/+ ]{2,50}?)(?:\s+for\s+(?:our|my|the|a|an|his|her|their)\s+[\w\- ]{1,40})?[^\w+]*$|"
                              # ('what exactly counts as intratumoral HER2 heterogeneity?', 'how does the review define …')
                              r"^\W*(?:what\s+(?:exactly\s+|really\s+|precisely\s+)?(?:counts|qualifies)\s+as|"
                              # ('what do they mean by liquid biopsy here?')
                              r"what\s+(?:do|does)\s+(?:they|you|the\s+authors?|the\s+review|the\s+paper|it)\s+mean\s+by|"
                              r"how\s+(?:is|are|do\s+(?:they|you|the\s+authors)\s+define|"
                              r"does\s+(?:the|this)\s+(?:review|paper|article)\s+define))\s+(?:an?\s+|the\s+)?(?P<term2>[\w\-–/+ ]{2,50}?)"
                              r"(?:\s+defined)?(?:\s+(?:in|by|according to)\s+(?:this|the)\s+(?:review|paper|article|authors)|\s+here)?"
                              r"[^\w+]*$", re.I)


# "the doctor said enhertu has a bystander effect, what does that mean?": what was heard, then its meaning asked
_HEARD = (r"^\W*(?:[\w'’]+\s+){0,4}?(?:said|says|told (?:me|us|her|him|them)|mentioned|explained)\s+(?:that\s+)?"
          r"(?P<owner>[\w\-+]+(?:\s+[\w\-+]+)?)\s+")
_MEANING_ASKED = r"\s*[,.;:—–-]+\s*(?:so\s+|but\s+)?what (?:does|do|did) (?:that|this|it) (?:mean|do)\W*$"
HEARD_PROPERTY_RE = re.compile(_HEARD + r"(?:has|have|had|causes?|gives?|shows?)\s+(?:an?\s+|the\s+|some\s+)?"
                               r"(?P<term>[\w\-–/+ ]{2,40}?)" + _MEANING_ASKED, re.I)
# "the nurse said enhertu has a really high DAR. what number is it": a figure heard of, then asked for
HEARD_FIGURE_RE = re.compile(_HEARD + r"(?:has|have|had|gives?|shows?)\s+(?:an?\s+|the\s+|some\s+)?"
                             r"(?:(?:really|very|quite|pretty|super|so|fairly)\s+)?(?:(?:high|low|big|large|small|huge|tiny)\s+)?"
                             r"(?P<term>[\w\-–/+ ]{2,40}?)\s*[,.;:—–-]+\s*(?:so\s+|but\s+|ok\s+)?"
                             r"(?:what(?:'s|’s| is)? (?:the )?(?:number|figure|value|percentage|%|rate)(?: is (?:it|that))?|"
                             r"how (?:high|low|much|big|many) is (?:it|that))\W*$", re.I)
HEARD_STATE_RE = re.compile(_HEARD + r"(?:is|are|was|were)\s+(?:an?\s+)?(?P<term>[\w\-–/+ ]{2,40}?)" + _MEANING_ASKED, re.I)


# Courtesy at the end ("… pls", "… thanks") and quote marks around a word ("a 'heterogeneous' tumor") are
# not part of the term asked.
COURTESY_TAIL_RE = re.compile(r"[\s,]+(?:pls|plz|please|thx|thanks|thank you|ty)\W*$", re.I)
TERM_QUOTES_RE = re.compile(r"(?<!\w)['‘’\"“”]|['‘’\"“”](?!\w)")


# "what does it mean when a tumour is 'heterogeneous' for HER2?", "what does it mean if a cancer is HER2-low": the
# state asked is the term (what it is said of, 'for HER2', comes before it)
STATE_MEANING_RE = re.compile(r"^\W*what (?:does|do) it mean (?:when|if|that) (?:an?\s+|the\s+|my\s+|her\s+|his\s+|your\s+|"
                              r"their\s+)?(?:[\w\-]+\s+){1,2}?(?:is|are|was|were|gets|comes back(?: as)?)\s+(?:an?\s+)?"
                              r"(?P<term>[\w\-–/+]+(?:\s+[\w\-–/+]+)?)(?:\s+(?:for|in|on)\s+(?P<of>[\w\-/+]+(?:\s+[\w\-/+]+)?))?\W*$", re.I)


# 'targeted protein degradation = ?', 'TPD=??': a term set equal to a question mark
TERM_EQUALS_RE = re.compile(r"^\W*(?P<term>[\w][\w\-/+ ]{1,60}?)\s*=\s*\?+\s*$")


def as_definition(question: str) -> str:
    """'targeted protein degradation - what is it' → 'what is targeted protein degradation?' (else '')."""
    question = TERM_QUOTES_RE.sub("", COURTESY_TAIL_RE.sub("", question)) or question
    if state := STATE_MEANING_RE.match(question):
        return f"what is {state.group('of') + ' ' if state.group('of') else ''}{state.group('term')}?"
    if heard := HEARD_PROPERTY_RE.match(question) or HEARD_FIGURE_RE.match(question):
        return f"what is the {heard.group('term').strip()} of {heard.group('owner')}?"
    if heard := HEARD_STATE_RE.match(question):  # "…said her cancer is HER2-low, what does that mean"
        return f"what is {heard.group('term').strip()}?"
    # ('quick def of TPD as used in this review (PROTACs etc)': where the term is used and its examples are no part of it)
    defined = DEFINITION_OF_RE.match(question) or DEFINITION_OF_RE.match(without_scope_or_example(question))
    if defined and (defined.group("term") or re.search(r"\bdefined?\b|\b(?:counts|qualifies) as\b|\bmean by\b", question,
                                                       re.I)):
        return f"what is {(defined.group('term') or defined.group('term2')).strip()}?"
    if equals := TERM_EQUALS_RE.match(question):  # 'targeted protein degradation = ?'
        return f"what is {equals.group('term').strip()}?"
    match = TERM_THEN_ASKED_RE.match(question) or TERM_MEANING_RE.match(question) or NAME_THEN_KIND_ASKED_RE.match(question)
    if not match or re.fullmatch(r"(?:so|and|ok|okay|but|then|hmm|um|well|right|yes|no)", match.group("term").strip(), re.I):
        return ""  # 'so what is that' asks about the last answer, not about 'so'
    if re.search(r"\b(?:vs\.?|versus|compared? (?:to|with))\b", match.group("term"), re.I):
        return ""  # 'her2-low vs her2 3+, how are they defined': two terms set side by side, a comparison
    return f"what is {match.group('term').strip()}?"


# "besides adcs and tkis, what other…", "…explored apart from ADCs?": what is set aside is not asked.
EXCLUSION_PHRASES = (r"besides|apart from|aside from|other than|except(?: for)?|excluding|not counting|"
                     r"(?:setting|leaving|putting) aside")
# 'beyond' opening a question sets names aside too ('beyond adcs and tkis whats next'), not 'beyond 2nd line'
EXCLUSION_WORDS = rf"(?:{EXCLUSION_PHRASES}|beyond(?!\s+(?:first|second|third|fourth|\d)))"
# (a name never is a dash alone: 'beyond adcs - what approaches are explored' sets aside ADCs, not the question)
NAMED_WORD = r"[\w+/&][\w\-+/&]*"
LEADING_EXCLUSION_RE = re.compile(rf"^\W*{EXCLUSION_WORDS}\s+(?:{NAMED_WORD}\s+){{0,6}}?{NAMED_WORD}\s*[,\-–—:]?\s*"
                                  rf"(?=(?:what|whats|what[’']s|which|who|how|are|is|do|does|any|anything|name|list|"
                                  rf"tell|give)\b)", re.I)
# "… explored beyond adcs and tkis?", "… explored (beyond adcs & tkis)" — not "third line and beyond"
# (and before a second sentence: "other newer approaches besides adcs and tkis? what r they exploring")
TRAILING_EXCLUSION_RE = re.compile(rf"\s*,?\s+\(?\s*{EXCLUSION_WORDS}\s+"
                                   rf"(?:{NAMED_WORD}\s+){{0,6}}?{NAMED_WORD}\s*\)?\s*(?=[?.!]*\s*$|[?!]+\s+\S|"
                                   # ('any serious side effects apart from ild with enhertu?': the drug the question is
                                   # of, after what it sets aside, stays)
                                   rf"\s+(?:with|on)\s+(?:{NAMED_WORD}\s*){{1,3}}[?.!]*\s*$)", re.I)


# "what other new anti-her2 approaches (beyond adcs and tkis) does the review list": set aside in brackets, anywhere
BRACKETED_EXCLUSION_RE = re.compile(rf"\s*\(\s*{EXCLUSION_WORDS}\s+[^()]{{1,60}}\)", re.I)
# "what newer approaches beyond adcs/tkis are discussed" (not "third line and beyond", a setting)
MIDDLE_EXCLUSION_RE = re.compile(rf"\s+(?:{EXCLUSION_PHRASES}|beyond)\s+(?!(?:first|second|third|fourth|\d)\b)"
                                 rf"(?:{NAMED_WORD}\s+){{0,3}}?{NAMED_WORD}(?:\s*(?:and|or|&|,)\s*{NAMED_WORD})?"  # 'drugs like ADCs and TKIs'
                                 # ('newer strategies beyond adcs and tkis - short rundown?': before a dash, what is asked)
                                 # ('… beyond adcs and tkis in the future directions part', '… besides adcs per 4.4')
                                 rf"(?=\s+(?:are|is|were|was|do|does|did|have|has|being|that|in|per|according|within|"
                                 rf"mentioned|listed|discussed|covered|described|explored)\b|\s*[-–—:]\s)", re.I)


# "why would enhertu still work after kadcyla if theyre both basically herceptin + chemo?": the asker's premise that
# the two are alike, after the why — what the answer corrects, not what it is about
ALIKE_PREMISE_RE = re.compile(r"\s*,?\s+(?:if|when|since|given(?: that)?|even though|although|though)\s+"
                              r"(?:(?:they(?:'re|’re|re| are)?|both|it(?:'s|’s|s| is)?)\s+(?:\w+\s+){0,2}?"
                              r"(?:basically|just|essentially|the same|similar|alike|both)|"
                              # ('why dont more patients get nerlynx if it beat tykerb?': that it won is granted)
                              r"(?:it|they)\s+(?:beat|beats|outperformed|did better than|worked better than|was better than))"
                              r"\b[^?]{0,60}(?=\?*\s*$)", re.I)


# "why dont more patients get nerlynx?": why a drug is not used more, asked of the people who would take it
NOT_GIVEN_MORE_RE = re.compile(r"^\W*why\s+(?:don'?t|don’t|dont|doesn'?t|doesn’t|doesnt|do not|does not|aren'?t|arent|isn'?t|isnt)\s+"
                               r"(?:more|many|most|all)\s+(?:patients|people|pts|women|doctors|oncologists|clinicians)\s+"
                               r"(?:get|use|take|receive|prescribe|give|go on|start)\s+(?P<drug>[\w\-]+)(?P<rest>.*)$", re.I)


# "why do ppl end up not using nerlynx much?", "why do doctors rarely prescribe tykerb": the same, told the other way
NOT_USED_MUCH_RE = re.compile(r"^\W*why\s+(?:do|does|would|did)\s+(?:more\s+|many\s+|most\s+)?(?:patients|people|pts|women|doctors|"
                              r"oncologists|clinicians)\s+(?:(?:end up|tend to|often|usually)\s+)?(?:not|rarely|seldom|hardly)\s+"
                              r"(?:ever\s+)?(?:use|using|get|getting|take|taking|receive|receiving|prescribe|prescribing|give|giving)"
                              r"\s+(?P<drug>[\w\-]+)(?:\s+(?:much|more|often|a lot))?(?P<rest>.*)$", re.I)


def without_alike_premise(question: str) -> str:
    """The why asked without a trailing premise that the things asked of are alike, and 'why dont more patients get X'
    as why X is not used more (the question unchanged otherwise)."""
    if given := NOT_GIVEN_MORE_RE.match(question) or NOT_USED_MUCH_RE.match(question):
        question = f"why is {given.group('drug')} not used more{given.group('rest')}"
    stripped = ALIKE_PREMISE_RE.sub("", question, count=1)
    return stripped if stripped != question and WHY_RE.search(stripped) and len(stripped.split()) >= 4 else question


def _exclusion_clause(question: str) -> re.Match | None:
    """The first clause setting names aside ('besides adcs and tkis', '… beyond adcs/tkis') whose removal leaves a
    question of three words or more; None when there is none."""
    for pattern in (LEADING_EXCLUSION_RE, TRAILING_EXCLUSION_RE, BRACKETED_EXCLUSION_RE, MIDDLE_EXCLUSION_RE):
        if (clause := pattern.search(question)) and len((question[:clause.start()] + question[clause.end():]).split()) >= 3:
            return clause
    return None


def without_exclusion(question: str) -> str:
    """'besides adcs and tkis what other approaches are explored' → 'what other approaches are explored'
    (and '' when there is no such clause): the set-aside names would otherwise pull their own passages."""
    if (clause := _exclusion_clause(question)) is None:
        return ""
    stripped = question[:clause.start()] + question[clause.end():]
    if same := SAME_ONE_RE.search(stripped):
        # 'besides her2 what other receptors are in that same family': the family of what was set aside
        named = re.sub(rf"^\W*{EXCLUSION_WORDS}\s+", "", clause.group(0).strip(), flags=re.I).strip(" ,()")
        return f"{stripped[:same.start()]}the same {same.group(1)} as {named}{stripped[same.end():]}"
    return stripped


def set_aside_clause(question: str) -> str:
    """The clause ``without_exclusion`` takes out ('besides enhertu,'), '' when there is none: the names in it are
    what the answer should not be made of."""
    clause = _exclusion_clause(question)
    return clause.group(0) if clause else ""


# 'that same family', 'the same class': what the names set aside belong to
SAME_ONE_RE = re.compile(r"\b(?:that|the|this) same ([\w\-]+)\b(?!\s+as\b)", re.I)


# "whats the evidence for cdk4/6 inhibitors", "what evidence does the review present for lapatinib": all it reports
EVIDENCE_FOR_RE = re.compile(r"^\W*(?:what(?:'s| is| are)?|whats)\s+(?:the\s+)?(?:evidence|data)\b(?:\s+(?:is there|(?:does|did|do)\s+"
                             r"(?:the\s+)?(?:review|paper|article|authors?)\s+\w+))?\s+(?:for|on|about|behind)\b", re.I)
ASPECT_LIST_RE = re.compile(r"\([^()]*,[^()]*\)|"
                            # ('structurally how do t-dm1 and t-dxd differ - linker, payload, DAR?': listed after a dash)
                            r"\s[-–—:]\s*[\w\-/+]+(?:\s+[\w\-/+]+)?(?:\s*,\s*(?:and\s+|&\s+)?[\w\-/+]+(?:\s+[\w\-/+]+)?)+\W*$")
# "overview of neratinib - approvals, NALA, tox", "tell me about KATE2: design, results and safety", "ARX788
# payload, phase, and trial name?": the aspects an overview should cover, listed after the subject
WH_ASPECT_RE = re.compile(r"(?:^|[,(:\-–—]|\band)\s*(?:what|which|who|when|where|how)\b", re.I)
ASPECTS_LISTED_RE = re.compile(r"(?:\s[-–—]|:|\(|^\W*[A-Za-z][\w\-]*\d[\w\-]*(?=\s))\s*[\w\-/+]+(?:\s+[\w\-/+]+){0,2}(?:\s*,\s*[\w\-/+]+(?:\s+[\w\-/+]+){0,2})+"
                               r"(?:\s*,?\s*(?:and|&)\s*[\w\-/+]+(?:\s+[\w\-/+]+){0,2})?\s*\)?\W*$", re.I)


# "contrast MonarcHER and PATRICIA …, with the references cited?", "… — what figures are given, and from which
# source?": the sources asked beside a comparison are the references its quoted passages carry
REFERENCES_BESIDE_RE = re.compile(r"[,;]?\s*(?:and |with |plus |incl\.? |including |along with |together with )(?:the |their |its )?"
                                  r"(?:refs?|references?|citations?|sources?)"
                                  r"(?: (?:(?:it|they|the review) )?(?:cited|given|used|cites|gives|uses))?\W*$|"
                                  r"[,;]?\s*and (?:from |in )?(?:which|what) (?:source|ref|reference|paper)s?\W*$", re.I)


# "how common is HER2+ BC compared to all breast cancers?": a share of the whole, not two things set side by side
# ('… was it different for PD-L1+ people vs everyone?': a subgroup set against the whole trial, one trial's results)
SHARE_OF_ALL_RE = re.compile(r"\b(?:compared? (?:to|with)|vs\.?|versus) (?:all|every|everyone|everybody|the whole|the total|"
                             r"overall|the rest)\b", re.I)


# "… (nerlynx)", "… (the tukysa one)?" ending a question: a gloss of what it names
# ('what were the NALA results (nerlynx)', 'so what was HER2CLIMB about, the tukysa trial': a gloss after the question)
TRAILING_GLOSS_RE = re.compile(r"\s*(?:\([^()]{2,40}\)|,\s*(?:the|that|this) [\w\-]+ (?:trial|study|drug|one))\W*$", re.I)


# "was kadcyla actually better than tykerb + xeloda?": two sides set against each other, asked as yes or no
# ('is tukysa easier to tolerate than nerlynx?': how the two are to take, set against each other)
BETTER_THAN_RE = re.compile(r"^\W*(?:is|was|are|were|does|did)\b.{2,60}?\b(?:better|worse|superior|inferior|more effective|"
                            r"less effective|(?:easier|harder|safer|gentler|milder|tougher) (?:to (?:tolerate|take|handle)\s+)?)"
                            r"\s*(?:than|to|vs\.?|versus)\s+\S", re.I)
# "which trials have PFS as the primary endpoint": a measure named as what trials are chosen by, not a figure asked
_ENDPOINT = r"(?:pfs|os|orr|dfs|idfs|dcr|overall survival|progression[\s-]free survival|safety)"
ENDPOINT_NAMED_RE = re.compile(rf"\b{_ENDPOINT}\s+(?:as|is|was|for)\s+(?:the\s+|their\s+|its\s+|a\s+)?(?:primary\s+|main\s+)?"
                               rf"end[\s-]?points?\b|\b(?:primary\s+|main\s+)?end[\s-]?points?\s+(?:of\s+|is\s+|was\s+|=\s*)?{_ENDPOINT}\b",
                               re.I)


# "what was TH3RESA compared to?": the comparator of one trial asked, not two things set side by side
ASKS_COMPARATOR_RE = re.compile(r"\b(?:was|were|is|are|being|been)\s+(?:[\w\-/]+\s+)?compared (?:to|with|against)\b", re.I)


# "the enhertu vs kadcyla trial", "the T-DXd versus T-DM1 study": one trial, named by what its arms gave
TRIAL_BY_ARMS_RE = re.compile(r"\b(?:the|a|an)\s+(?:(?:head[\s-]to[\s-]head|randomi[sz]ed|phase\s+(?:[1-3]|i{1,3}))\s+)*"
                              r"[\w\-+/]+(?:\s+[\w\-+/]+)?\s+(?:vs\.?|versus|v\.?)\s+[\w\-+/]+(?:\s+[\w\-+/]+)?\s+"
                              r"(?:trial|study)\b|"
                              # ('why was a head-to-head trial of enhertu vs kadcyla needed?')
                              r"\b(?:the|a|an)\s+(?:head[\s-]to[\s-]head\s+)?(?:trial|study)\s+(?:of|comparing|testing)\s+"
                              r"[\w\-+/]+(?:\s+[\w\-+/]+)?\s+(?:vs\.?|versus|v\.?|against)\s+[\w\-+/]+\b", re.I)


# 'what about <topic> - <a question of its own>'
WHAT_ABOUT_THEN_ASKED_RE = re.compile(r"^\W*(?:and |so |ok )?what about\b[^?\-–—]{3,80}?\s[-–—]+\s*"
                                      r"(?P<asked>(?:is|are|was|were|do|does|did|can|could|has|have|had|will|would|should)\b.+)$",
                                      re.I)


def classify(question: str) -> str:
    """The intent of one (single-part) question; see INTENTS."""
    # 'ok so what even is HER2', 'wait so what happened in …': chat openers say nothing of the intent
    q = LEADING_FILLER_RE.sub("", question.strip()) or question.strip()
    if (topic_then := WHAT_ABOUT_THEN_ASKED_RE.match(q)) and topic_then.group("asked") != q:
        # "what about brain mets with it - were those pts in the trial?": the topic turned to, then what is asked of it
        return classify(topic_then.group("asked"))
    if (beside := REFERENCES_BESIDE_RE.search(q)) and COMPARE_RE.search(q[:beside.start()]) \
            and not is_reference(q[:beside.start()]):
        return "compare"
    if beside and OVERVIEW_RE.search(q[:beside.start()]) and not is_reference(q[:beside.start()]):
        return "overview"  # "summarize what the review reports about KATHERINE, along with the references it uses"
    if is_reference(q):
        return "reference"
    # "was the enhertu vs kadcyla trial the first phase 3 …?": a trial told by its arms is one trial asked about
    q = TRIAL_BY_ARMS_RE.sub("the trial", q)
    asks_comparator = ASKS_COMPARATOR_RE.search(q)
    if either_better(q) or paired_comparisons(q) or BETTER_THAN_RE.match(q) or asks_of_each_term(q) or asks_of_each_drug(q):
        return "compare"
    # "how is X built differently from Y (linker, payload, DAR)?": a measure among the listed aspects is one
    # thing compared, not the figure the question asks
    if COMPARE_RE.search(q) and (not MEASURE_RE.search(ASPECT_LIST_RE.sub("", q)) or HEADLINE_COMPARE_RE.match(q)) \
            and not asks_comparator and not SHARE_OF_ALL_RE.search(q):
        # "X vs Y?" — but "what PFS did X achieve versus Y?" asks one trial's figures, while
        # "monarcher vs patricia - how many pts, which cdk4/6i" sets two names side by side first
        return "compare"
    if TABLE_RE.search(q) and not re.search(r"\b(?:why|how does)\b", q, re.I):
        return "table"
    # ('cyclin d1 overexpression - how does that cause resistance': the label names what the how-question asks of)
    if WHY_RE.search(q) or ((labelled := LABEL_THEN_QUESTION_RE.match(q)) and WHY_RE.match(labelled.group("question"))):
        return "why"
    if asks_for_list(q) and not MEASURE_RE.search(ENDPOINT_NAMED_RE.sub(" ", q)) and not re.match(
            r"^(?:which|what) (?:year|dose|phase|line|payload)\b", q, re.I):
        return "list"
    if ABOUT_REVIEW_RE.search(q) or (EVIDENCE_FOR_RE.search(q) and not MEASURE_RE.search(q)):
        return "overview"
    # ("TULIP - which drug, what payload, what phase" asks a question of each: facts, not aspects to tell)
    if (aspects := ASPECTS_LISTED_RE.search(q)) and not re.match(rf"\W*{WH_START}\b", q, re.I) \
            and not MEASURE_RE.search(aspects.group(0)) and not WH_ASPECT_RE.search(aspects.group(0)):
        return "overview"  # "KATE2 - design, results, safety?": a name and what to tell of it
    # ('what were the NALA results (nerlynx)': a drug named after the question in brackets glosses it)
    # ('NALA in a nutshell - who, arms, pfs, orr, os': the telling asked holds the endpoints listed, not one figure)
    # ('… design and results incl hr and p value': what the telling is to include is no figure asked instead)
    if OVERVIEW_RE.search(TRAILING_GLOSS_RE.sub("", q) or q) and not DATA_IN_A_SETTING_RE.match(q) and not ASPECT_DATA_RE.search(
            q) and not (MEASURE_RE.search(
            INCLUDED_RE.sub("", re.sub(r"\bresults\??$", "", q))) and not
                                      re.search(r"\bshow|summar|overview|tell\b", q, re.I)
                                      and not (_endpoints_listed(q) and TELLING_RE.search(q))):
        return "overview"
    if DEFINITION_RE.search(without_scope_or_example(q)) and not MEASURE_RE.search(q) and not COLUMN_OF_NAME_RE.search(q):
        return "definition"
    if YESNO_RE.search(q) or EVIDENCE_THAT_RE.match(q):
        return "yesno"
    if _bare_name(q) and not MEASURE_RE.search(q):  # 'kate2?' — but 'enhertu dose?' asks a figure
        return "overview"
    if SECTION_MEMBERS_RE.match(q):
        return "list"  # 'newer non-adc approaches in the future directions part?': the members a section names
    if (labelled := LABEL_THEN_QUESTION_RE.match(q)) and NAME_LIKE_RE.search(labelled.group("question")) and \
            classify(labelled.group("question")) == "overview":  # (one naming its own subject: not 'what does it say?')
        # "got a call about nerlynx in the metastatic setting - what's the NALA trial about?": what was told before
        # the dash labels the question after it, which asks for the overview
        return "overview"
    return "fact"


# 'is there phase III data for T-DM1 after both herceptin and tykerb have failed?': whether data exist in a setting,
# a yes/no (the sentence giving that setting answers it), not the drug's overview
DATA_IN_A_SETTING_RE = re.compile(r"^\W*(?:is|are) there\b[^?]*\bdata\b[^?]*\b(?:after|following|once|when|who|refractory|"
                                  r"pretreated|progress\w*|failed|resistant)\b", re.I)

# 'any qol data for the tucatinib triplet?', 'cns results for tukysa?': the data of one aspect asked, a fact of it (whose
# absence is told) — not all the review says of the drug
ASPECT_DATA_RE = re.compile(r"\b(?:qol|quality[\s-]of[\s-]life|cns|brain|intracranial|cardiac|heart|pk|pharmacokinetics?|"
                            r"biomarkers?)\s+(?:data|results|outcomes?|findings|evidence)\s+(?:of|from|for|in|on|with|about)\b",
                            re.I)

# What a telling asked is to include, said after it ('… design and results incl hr and p value')
INCLUDED_RE = re.compile(r"\b(?:incl\.?|including|inc\.?)\s.*$", re.I)

# Words asking for a trial told whole, in short ('in a nutshell', 'a rundown', 'for a slide')
TELLING_RE = re.compile(r"\b(?:nutshell|rundown|run-down|recap|lowdown|primer|breakdown|gist|tl;?dr|snapshot|slide|"
                        r"journal club|walk (?:me|us) through|tell (?:me|us) about)\b", re.I)


# The endpoints a trial reports its results in (not a hazard ratio or a toxicity)
TRIAL_ENDPOINTS = ("OS", "PFS", "ORR", "DFS")


def _endpoints_listed(question: str) -> bool:
    """'… - who, arms, pfs, orr, os': two or more endpoints set in a list (commas, 'and', '+')."""
    found = [e for e in asked_endpoints(question) if e in TRIAL_ENDPOINTS]
    return len(found) >= 2 and bool(re.search(r",|\band\b|\+|/", question))


# what is told before a dash, then a question standing on its own
LABEL_THEN_QUESTION_RE = re.compile(r"^(?P<label>[^?]{2,100}?)\s[-–—]+\s+(?P<question>(?:so\s+)?(?:what|whats|what's|what’s|how|tell|"
                                    r"give|summari[sz]e|walk)\b[^?]*\?*)\s*$", re.I)


# "… how often does each happen?", "… what share of patients for each": one question asked of every side
EACH_ASKED_RE = re.compile(r"\b(?:each(?: one)?|either)\b", re.I)
# "intratumoral HER2 heterogeneity vs primary-to-met discordance, how often does each happen?": one question of each term
# How often something happens, asked with no name of its own: asked of two terms, it is asked of each
_FREQUENCY_ASKED = (r"(?:how (?:often|common|frequent(?:ly)?)|what (?:%|percent(?:age)?|proportion))"
                    r"(?:\s+(?:does|do|is|are)\s+(?:it|that|this|they)(?:\s+(?:happen|occur|seen))?)?\W*$")
FREQUENCY_ASKED_RE = re.compile(rf"^\W*{_FREQUENCY_ASKED}", re.I)
# ('… vs change from primary to mets - how often': how often asked of two terms is asked of each)
TERMS_EACH_RE = re.compile(r"^\W*(?P<left>[\w\-+/ ]{2,40}?)\s+(?:vs\.?|versus)\s+(?P<right>[\w\-+/ ]{2,40}?)"
                           rf"(?:\s*[,:?–—]\s*.*{EACH_ASKED_RE.pattern}|"
                           rf"(?:\s*[,:?–—]|\s-)\s*{_FREQUENCY_ASKED})", re.I)


# "when were kadcyla and enhertu each approved?": two drugs joined, and one question asked of each of them
TWO_JOINED_RE = re.compile(r"(?<![\w-])(?P<left>[\w\-]+)\s+(?:and|&)\s+(?P<right>[\w\-]+)(?![\w-])", re.I)
PLURAL_ASKED_RE = re.compile(r"^\W*(?:when|what|how|which|where)\b[^?]{0,40}?\b(?:were|are|did|do|have|had)\s+(?:the\s+)?"
                             # ('what did the trials of palbociclib and abemaciclib show?': the trials of each)
                             r"(?:(?:trials?|studies|results|data)\s+(?:of|for|with|on|testing)\s+)?"
                             r"[\w\-]+\s+(?:and|&)\s+", re.I)


def asks_of_each_drug(question: str) -> bool:
    """Two drugs joined by 'and', asked of each ('… each', 'when were X and Y approved?'): both sides answered."""
    from .extractive import is_drug_name
    if not (EACH_ASKED_RE.search(question) or PLURAL_ASKED_RE.search(question)):
        return False
    def drug(word: str) -> bool:
        return is_drug_name(word) or word.lower() in BRANDS

    return any(drug(m.group("left")) and drug(m.group("right")) for m in TWO_JOINED_RE.finditer(question))


def asks_of_each_term(question: str) -> bool:
    """Two terms — not drugs — set side by side, then one question asked of each (a measure too)."""
    from .extractive import is_drug_name  # (extractive reads this module's patterns)
    match = TERMS_EACH_RE.match(question)
    return match is not None and not any(
        is_drug_name(w) for side in (match.group("left"), match.group("right")) for w in side.split())


# 'give me the monarcHER trial (in a nutshell)': a trial handed over whole, with nothing asked of it
GIVE_ME_RE = re.compile(r"^\W*(?:(?:pls|please|plz)\s+)?(?:give|show|tell)\s+(?:me|us)\s+", re.I)


def _bare_name(question: str) -> bool:
    """'PATRICIA trial?', 'kate2?', 'margetuximab', 'give me the NALA trial' — a name and little else asks for an
    overview (after 'give me', a trial's or a name's: not 'give me the numbers')."""
    if (given := GIVE_ME_RE.match(question)) is not None:
        question = question[given.end():]
        if not (re.search(r"\b(?:trial|study)\b", question, re.I) or NAME_LIKE_RE.search(question)):
            return False
    question = WHAT_HAPPENED_TAIL_RE.sub("", question)
    if (unscoped := REVIEW_SCOPE_TAIL_RE.sub("", question)) != question and any(
            DRUG_SUFFIX_RE.search(w) or w.lower() in BRANDS or NAME_LIKE_RE.search(w)
            for w in re.findall(r"[\w\-/+]+", unscoped)):
        question = unscoped  # ('first-line standard for her2+ mbc?' names no drug: the standard is asked, not a name)
    words = [w for w in re.findall(r"[\w\-/+.]+", question) if re.search(r"\w", w)]
    rest = [w for w in words if w.lower() not in {"trial", "study", "the", "drug", "pls", "please", "plz", "info"} | TELLING_WORDS]
    return 0 < len(rest) <= 2 and not re.match(rf"^{WH_START}\b", question.strip(), re.I)


# 'abemaciclib in her2+?', 'neratinib for her2+ mbc?': the whole review's scope said after a name narrows nothing, so
# the name is still all that is asked
REVIEW_SCOPE_TAIL_RE = re.compile(r"\s+(?:in|for)\s+(?:(?:her2\s*\+|her2[\s-]*pos(?:itive)?|her2)"
                                  r"(?:\s+(?:metastatic\s+)?(?:breast\s+cancer|bc|mbc|disease|patients|pts|setting))?|"
                                  r"(?:metastatic\s+)?"
                                  r"(?:breast\s+cancer|mbc|bc))(?=\W*$)", re.I)


# "katherine trial kadcyla details pls", "her2climb - what happened": a name, maybe its drug, and a word asking to be
# told about it (the telling itself, not one measure)
TELLING_WORDS = {"details", "detail", "results", "findings", "outcomes", "outcome", "data", "summary"}
# ('monarcher trial tell me quickly', 'tukysa - quick summary pls': the telling asked after the name)
WHAT_HAPPENED_TAIL_RE = re.compile(r"\s*[-–—:,]*\s*(?:(?:so\s+)?what happen(?:e)?d(?: there| in it| with it)?|"
                                   r"(?:(?:pls|please|plz|can you|could you)\s+)?(?:tell me|fill me in|explain)"
                                   r"(?:\s+(?:about it|more|quickly|briefly|fast|in short|in brief))?(?:\s+(?:pls|please|plz))?)\W*$", re.I)


# Text addressed to the system rather than asking about the review: "Ignore previous instructions…",
# "SYSTEM: …", "### Instruction: …", "(answer only with reference 83)". It never steers retrieval.
INSTRUCTION_RE = re.compile(
    r"^\W*(?:system|assistant|user|developer|instructions?|prompt|note to (?:the )?(?:ai|assistant|model))\s*:|"
    r"^\W*#{2,}|^\W*(?:ignore|disregard|forget|override|bypass|pretend|act as|you are|you must|you will|"
    r"from now on|print|reveal|output|respond|reply|answer only|only answer|say|repeat|translate)\b|"
    r"^\W*cite\b.*\b(?:instead|only|rather)\b|"
    # a database command ("'; DROP TABLE embeddings; --") is addressed to a system too
    r"^\W*(?:drop|delete|truncate|alter|insert|update|select)\s+(?:\*\s+)?(?:table|database|from|into|index)\b", re.I)


def without_instructions(question: str) -> tuple[str, list[str]]:
    """The question with instruction-like sentences removed, and what was removed."""
    pieces = re.split(r"(?<=[.?!])\s+|\n+", question.strip())
    kept, dropped = [], []
    for piece in pieces:
        (dropped if INSTRUCTION_RE.search(piece) else kept).append(piece)
    return " ".join(kept).strip(), dropped


# Wording around a question that asks nothing of the review: why it is asked ("for my journal club
# slide: …"), quote marks around a term ("the 'bystander effect'"), and hearsay ("… people talk about").
# What a question may be asked for: a talk, a class, a post
_PURPOSES = (r"(?:journal\s+club|slides?|deck|talk|presentation|lecture|class|exam|boards?|notes|poster|seminar|teaching|"
             r"thesis|dissertation|manuscript|grant|proposal|"
             r"tutorial|handout|post|thread|tweet|blog|newsletter|podcast|episode|video|project|essay|assignment|homework|"
             # a journalist's: 'quick stat for my lede -'
             r"lede|story|article|piece|column|write-?up|leaflet|brochure|pamphlet|flyer|briefing(?: doc| note)?|memo|"
             # a health economist's or pharmacist's: 'for a cost-effectiveness model:', 'for our HTA -', 'for the order set'
             r"model|(?:model )?input sheet|spreadsheet|hta|dossier|submission|formulary(?: note)?|order set)")
PURPOSE_PREAMBLE_RE = re.compile(r"^\W*(?:(?:quick|short|small|dumb|silly|one)\s+)?(?:q|qs|question|query)\s*[:\-–—]\s*|"
                                 # "quick one - how is 'HER2-low' defined?": how small the question is
                                 r"^\W*(?:quick|short|small|simple|basic)\s+one\s*[:\-–—,]\s*|"
                                 # "new to onc nursing - what's a TKI?": who asks, by how new they are to it
                                 r"^\W*(?:(?:i'?m|i’m|im|i am)\s+)?new to\s+[\w\- ]{1,30}?\s*[:\-–—,]\s+(?=(?:what|whats|what's|"
                                 r"what’s|how|why|which|who|when|where|is|are|does|do|can)\b)|"
                                 # "in plain words for the group - …": how to answer, and for whom, before the question
                                 r"^\W*in\s+(?:plain|simple|lay|everyday)\s+(?:words|terms|english|language)(?:\s+for\s+[\w\- ]{1,30}?)?"
                                 r"\s*[:\-–—]\s*|"
                                 # "for a lay summary: …": what the answer will be written into
                                 r"^\W*for\s+(?:my|our|a|an|the)\s+(?:[\w\-]+\s+)?(?:summary|write-?up|explainer|leaflet|brochure|"
                                 r"faq|report)\s*[:\-–—]\s*|"
                                 # "pathology block q: …": whose question, labelled
                                 r"^\W*(?:[\w\-]+\s+){1,2}?(?:q|qs|question|query)\s*:\s*|"
                                 # "plain-language question for a leaflet: …": what kind of question, and what for
                                 r"^\W*(?:[\w\-]+\s+){1,2}?(?:q|qs|question|query)\s+for\s+(?:my|our|a|an|the)\s+(?:[\w\-]+\s+){0,2}?"
                                 r"[\w\-]+\s*[:\-–—]\s*|"
                                 # "screening for a her2-low study - …": the task at hand, and what for
                                 r"^\W*(?:screening|recruiting|enrolling|prepping|preparing|drafting|writing|reviewing|updating|designing|planning)"
                                 r"\s+(?:for|a|an|the|my|our)\b[^:–—?]{0,50}?\s[:\-–—]\s+|"
                                 # "quick check before i translate the abstract - …": a check asked for, and what for
                                 r"^\W*(?:(?:quick|short|small|fast)\s+(?:check|sanity check|fact check|q|question)|"
                                 # "pharmacy check on an enhertu order - …": a check of one's own, and on what
                                 r"[\w\-]+\s+check\s+(?:on|of|for|before|re)\b)[^:\-–—?]{0,60}?\s[:\-–—]\s+|"
                                 r"^\W*(?:for\s+)?(?:(?:my|our|a|the|an|tomorrow[’']?s?|today[’']?s?)\s+)?(?:[\w\-]+\s+){0,2}?"
                                 # ('intro slide for our new lab members: …': the purpose, and whom it is for)
                                 # (a dash as a separator, not as a hyphen: 'kadcyla post-neoadjuvant: …' is no post)
                                 rf"{_PURPOSES}(?:\s+[\w\-]+){{0,3}}?(?:\s+for\s+(?:[\w\-]+\s+){{0,3}}?[\w\-]+)?"
                                 r"\s*(?:[:,]|[\-–—](?!\w))\s*|"
                                 # "quick stat for a post: …", "one fact for my thread - …": what is wanted, and what for
                                 rf"^\W*(?P<lead>(?:[\w\-]+\s+){{0,3}}?)for\s+(?:my|our|a|the|an)\s+(?:[\w\-]+\s+)?{_PURPOSES}\s*[:\-–—]\s*|"
                                 # "im a nursing student, what is…": who asks, introduced before the question
                                 # (a role of one or two words: "as a patient on enhertu, …" names the subject and stays)
                                 r"^\W*(?:(?:hi|hello|hey)\W+)?(?:i'?m|i’m|im|i am|as)\s+(?:an?|the)\s+(?:[\w\-]+\s+)?[\w\-]+"
                                 r"\s*[,.:;]\s+(?=(?:what|whats|how|why|which|who|when|where|is|are|does|do|did|can|could)\b)|"
                                 # "biostat here - in EMILIA what OS…", "onc nurse here: …": who asks, by role
                                 r"^\W*(?!(?:what|whats|which|who|how|why|when|where|is|are|anything|something|nothing|"
                                 r"everything|info|data|it|this|that)\b)(?:[a-z][\w\-]*\s+){0,2}?[a-z][\w\-]*\s+here\s*[:\-–—,]\s+"
                                 # ("gyn onc fellow here, rotating on breast. monarcHER: …": and what they do, told before)
                                 r"(?:(?!(?:what|whats|which|who|how|why|when|where|is|are|does|do|did|can|could|any|anything)\b)"
                                 r"[^.?!:\-–—]{1,60}[.!]\s+)?|"
                                 # "mechanism - how does cyclin D1 cause resistance?": a label before the question
                                 r"^\W*(?:mechanisms?|moa|rationale|definition|background|context|basics|summary|overview)"
                                 r"\s*[:\-–—]\s+(?=(?:what|whats|how|why|which|who|when|where|is|are|does|do|did|can)\b)|"
                                 # "Patient asks why Tukysa…", "my mum keeps asking what…": a question passed on
                                 # ('newly diagnosed friend asked me how common …': who, told by a word or two more)
                                 r"^\W*(?:(?:a|my|the|one|our|her|his)\s+)?(?:[\w\-]+\s+){0,2}?(?:patients?|pts?|friends?|mum|mom|mother|dad|father|"
                                 r"sisters?|daughters?|sons?|husband|wife|partner|colleagues?|students?|someone|somebody|"
                                 r"family)\s+(?:asks?|asked|is asking|keeps? asking|kept asking|wants to know|wondered|"
                                 r"wonders)\s+(?:me\s+|us\s+)?(?=(?:why|what|whats|how|which|who|when|where)\b)", re.I)
# "why does X … - what's the reason?": the reason asked again after the why
WHY_ASKED_AGAIN_RE = re.compile(r"\s*[-–—,;]\s*(?:what'?s|what is|whats)\s+the\s+(?:reason|rationale|explanation)\W*$", re.I)
QUOTED_TERM_RE = re.compile(r"(?<![\w'’])['‘\"“]([\w][\w\-–/+ ]{0,40}[\w+])['’\"”](?![\w'’])")
HEARSAY_RE = re.compile(r"\s+(?:that\s+|which\s+)?(?:people|everyone|everybody|folks|they|you|i|we|doctors|oncologists)"
                        r"(?:\s+(?:always|often|keep|keeps|kept|have been|are|'ve|’ve|'re|’re))?\s+"
                        r"(?:(?:talk(?:ing|s)?|speak(?:ing|s)?|hear(?:ing|d)?|read(?:ing)?)\s+(?:about|of)|"
                        # ('the bystander effect people keep mentioning with ADCs': mentioning takes no 'about')
                        r"mention(?:ing|s|ed)?(?:\s+(?:about|of))?)\b", re.I)

# "which immune checkpoints get turned up by ADCs like kadcyla": a drug given as an example of the class asked
# about illustrates it; the class is what the question asks of
_CLASS_NOUNS = r"(?:adcs|drugs|tkis|inhibitors|antibodies|agents|therapies|treatments|medicines|meds|conjugates|pills)"
# ('the parts of an ADC like kadcyla': one of a class whose parts or workings are asked, not that drug; 'is a
# pill like tukysa better' asks of tukysa)
_ONE_OF_CLASS = (r"(?:of|up)\s+an?\s+(?:adc|drug|tki|inhibitor|antibody|agent|therapy|treatment|medicine|conjugate|pill)|"
                 # ('why would a cdk4/6 drug like ibrance help': one of a class its target names, the class asked)
                 r"(?<=\ba\s)[\w\-]*\d[\w\-/]*\s+(?:drug|inhibitor|agent|medicine|pill)")
EXAMPLE_OF_CLASS_RE = re.compile(rf"\b({_CLASS_NOUNS}|{_ONE_OF_CLASS})\s*,?\s+(?:like|such as|e\.g\.,?|for example|for instance)\s+"
                                 r"(?:the\s+)?[A-Za-z][\w\-]*(?:\s*(?:,|or|and|/|\+)\s*[A-Za-z][\w\-]*)*", re.I)
# The names an example gives, after its 'like' / 'such as'
EXAMPLE_NAMES_RE = re.compile(r"(?<!\w)(?!(?:like|such|as|e\.?g|for|example|instance|the|or|and)\b)[A-Za-z][\w\-]*", re.I)
ONE_OF_THE_KIND_RE = re.compile(r"\bone of (?:these|those|the) (?P<kind>[\w\-]+(?: [\w\-]+){0,3}?) "
                                r"(?:medicines|meds|drugs|medications|treatments|therapies|pills)\b", re.I)
EXCEPT_RE = re.compile(r"\b(?:beyond|besides|other than|apart from|aside from|except|excluding|instead of|not)\b", re.I)
# "kadcyla is an ADC - what are the parts of an ADC": what a name is, told before a question about that class
CLASS_STATEMENT_RE = re.compile(r"^\W*[\w\-]+\s+(?:is|are)\s+(?:an?|the|a kind of|a type of)\s+(?P<cls>[\w\-]+)"
                                r"\s*(?:[.;:!,]|\s[-–—])\s+(?P<question>(?:what|whats|how|why|which|who|is|are|does|do)\b.*)$", re.I)

# "Could you contrast ZW25 and PRS-343? Both seem to be bispecifics.": what the asker believes of the subjects,
# told after the question, asks nothing of its own
TRAILING_BELIEF_RE = re.compile(r"(?<=\?)\s+(?:(?:both|they|it|these|those|each|all of them)\s+(?:\w+\s+){0,2}?"
                                r"(?:seem|seems|look|looks|sound|sounds|appear|appears)\b[^?]*|"
                                # "…? arent they both just herceptin with chemo attached": a doubt the answer settles
                                r"(?:aren[’']?t|isn[’']?t|don[’']?t|doesn[’']?t)\s+(?:they|it|both|these|those)\s+"
                                r"(?:both\s+|all\s+)?(?:just|only|simply|basically|the same)\b[^?]*\??)$", re.I)


# A word that looks like a name: capitals after its first letter, or a digit ('EMILIA', 'T-DM1', 'HER2CLIMB')
NAME_LIKE_RE = re.compile(r"\b\w+[A-Z0-9]\w*\b")
# How to answer, after a comma: "whats an ADC, in plain words?", "…, simply put"
# ("whats an ADC? in simple words pls": after the question mark too, with courtesy after it)
STYLE_TAIL_RE = re.compile(r"(?:\s*[,;:\-–—?.]+\s*|\s+(?=(?:in|using)\s))(?:(?:in|using)\s+(?:plain|simple|lay(?:man[’']?s)?|everyday|easy|normal)\s+"
                           r"(?:words|terms|english|language)|simply put|in short|briefly|in a nutshell|"
                           # ('main conclusions, in a few lines?': the answer's length, not lines of treatment)
                           r"(?:in\s+)?(?:a\s+)?(?:few|couple of|2|3|two|three)\s+(?:lines|words|sentences|bullets|bullet points)|"
                           r"(?:the\s+)?(?:short|quick|brief)\s+version|"
                           # ('how is 'HER2-low' defined? need a one-liner')
                           r"(?:(?:i\s+)?need\s+|just\s+)?(?:a\s+|in\s+a\s+|in\s+one\s+)?one[\s-]?(?:liner|line|sentence))"
                           r"(?:[\s,]+(?:pls|plz|please|thx|thanks))?(?=\s*[?.!]*\s*$)", re.I)


# ... and set between a question's parts: 'explain an adc in plain english, what's it made of'
STYLE_ASIDE_RE = re.compile(r"\s+(?:in|using)\s+(?:plain|simple|lay(?:man[’']?s)?|everyday|easy|normal)\s+"
                            r"(?:words|terms|english|language)(?=\s*[,;:\-–—])", re.I)


# "doesn't carry X but Y", "don't target X but Y" — not "doesn't only X but also Y"
NOT_X_BUT_Y_RE = re.compile(r"\b(?:does\s*n[o’']t|do\s*n[o’']t|did\s*n[o’']t|doesnt|dont)\s+"
                            r"(?P<verb>carry|have|use|contain|include|target|hit|block)\s+(?!only\b|just\b)[^,?;]{1,40}?"
                            r"\s+but\s+(?!also\b)", re.I)


# "sorry basic q - whats an ADC exactly", "dumb question: …": an apology for asking asks nothing
APOLOGY_OPENING_RE = re.compile(r"^\W*(?:(?:ok|okay|so|um+|hmm+)\W+)?"
                                r"(?:(?:sorry|apologies|pardon)\b[\s,]*(?:(?:for (?:the|a|this|my) )?(?:very )?(?:basic|dumb|stupid|"
                                r"silly|quick|newbie|naive|simple|noob)\s+(?:q|qs|question|one)\b)?|"
                                # ('ok probably a dumb question but what exactly is …')
                                r"(?:(?:probably|maybe|prob|possibly)\s+)?(?:(?:very|a|another) )?"
                                # ('dumb question maybe but what actually IS her2?')
                                r"(?:basic|dumb|stupid|silly|newbie|naive|noob) (?:q|question)(?:\s+(?:maybe|probably|prob))?\b|"
                                # ('in plain terms, what is an antibody-drug conjugate?': how to answer, said first)
                                r"in (?:plain|simple|lay(?:man'?s)?|everyday) (?:terms|words|english)(?=\s*[-–—:,]))"
                                r"\s*[-–—:,.!]*\s*(?:but\s+)?(?=\w)", re.I)


# "the future-directions part mentions 'targeted protein degradation' - what is that in plain terms?", "the doctor
# said my niece is her2 low. what does that mean exactly": a term told before, asked after as 'that'
# ('path report says her2-low?? what does that even mean': a surprised question mark ends what was told too)
THAT_TERM_ASKED_RE = re.compile(r"^(?P<context>[^?]{3,200}?)(?P<stop>[.;:!?]+|\s[-–—]+|,)\s+(?P<question>(?:so\s+|and\s+)?"
                                r"(?:what(?:'s|’s| is| does| do)?|whats)\s+(?P<that>that|this|it|[\w\-]*\d\+?|[\w\-+/]+(?=\s+mean))(?!\w)"
                                r"(?:\s+(?:mean|means|stand for|exactly|really|actually|basically|even|in (?:plain|simple|lay) \w+|"
                                r"in (?:this|the) (?:paper|review|article|context)|"
                                # ('…called tukysa a 'TKI', what does that mean as a type of drug?')
                                r"as an? (?:type|kind|class|sort) of \w+))*"
                                r"\s*(?:pls|please)?\W*)$", re.I)
# a statement typed straight on into "what does X mean", with no stop between them
RUN_ON_ASKED_RE = re.compile(r"^(?!\W*(?:what|whats|how|why|which|who|is|are|does|do|can)\b)(?P<context>[^?]{10,200}?\S)\s+"
                             r"(?P<question>(?:what(?:'s|’s| is| does| do)?|whats)\s+\S.*)$", re.I)
# the term told: quoted, or what the one spoken of is ('my niece is her2 low', 'she has HER2-low disease')
TERM_TOLD_RE = re.compile(r"\b(?:is|are|was|has|have|had|got|as|called|mentions?|mentioned|said|says)\s+(?:an?\s+|the\s+)?"
                          r"(?P<term>[\w\-+/]+(?:\s+[\w\-+/]+){0,3})\W*$", re.I)

# "… my cancer is 'her2 low'. did enhertu help in that group?": the group a statement told, asked about after it
THAT_GROUP_ASKED_RE = re.compile(r"^(?P<context>[^?]{3,200}?)(?:[.;:!?]+|\s[-–—]+)\s+(?P<question>.*?\b"
                                 r"(?P<that>(?:that|this) (?:group|population|subgroup|subtype|category))\b.*)$", re.I)
# "… called it an 'ADC'. what parts is one of those made of?": a member of the kind told before, asked about
ONE_OF_THOSE_ASKED_RE = re.compile(r"^(?P<context>[^?]{3,200}?)(?:[.;:!]+|\s[-–—]+)\s+"
                                   r"(?P<question>(?:so\s+|and\s+)?(?:what|how|which|is|are|does|do)\b.*\bone of (?:those|these|them)\b.*)$",
                                   re.I)
# "screening note mentions a MET aberration - why does that matter for anti-HER2 response?": a finding a report
# names, then why it matters
# ('path report mentions cyclin D1 …': the last telling verb, not 'report' as one)
WHY_THAT_ASKED_RE = re.compile(r"^(?P<context>[^?]{3,200}\b(?:mentions?|mentioned|shows?|showed|says|said|found|reports?|"
                               r"reported|flags?|flagged|lists?|listed)\s+(?:an?\s+|the\s+)?(?P<term>[\w\-+/]+(?:\s+[\w\-+/]+){0,3}))"
                               r"\s*(?:[.;:!]+|\s[-–—]+|,)\s+(?P<question>(?:so\s+|and\s+)?(?:why|how)\s+(?:does|do|is|would|could|might|did)\s+"
                               r"(?P<that>that|this)\b.*)$", re.I)


# "oncologist said nerlynx has one nasty side effect, what is it": 'it' is the thing the name was said to have
THING_THEN_WHAT_IS_IT_RE = re.compile(
    r"^.*?\b(?P<subject>[\w\-+/]+)\s+(?:has|have|had|causes?|caused|gives?|gave|comes? with)\s+"
    r"(?:(?:one|a|an|some|this|that)\s+)?(?P<thing>(?:[\w\-]+\s+){0,2}?(?:side[\s-]?effects?|toxicit(?:y|ies)|problems?|"
    r"issues?|risks?|downsides?|drawbacks?))\s*[,.;:!–—-]+\s*(?:so\s+)?what\s+(?P<verb>is|are|was|were)\s+(?:it|they|that|this)\b"
    r"(?P<rest>.*)$", re.I)


def with_the_thing_it_points_to(question: str) -> str:
    """'… said nerlynx has one nasty side effect, what is it and can they do anything about it' → 'what is the
    nasty side effect of nerlynx and can they do anything about it' (the question unchanged otherwise)."""
    match = THING_THEN_WHAT_IS_IT_RE.match(question.strip())
    if match is None or match.group("subject").lower() in STOPWORDS:
        return question  # ('she has one nasty side effect, what is it': no name to ask it of)
    thing = re.sub(r"^(?:one|a|an|some)\s+", "", match.group("thing"), flags=re.I)
    return f"what {match.group('verb').lower()} the {thing} of {match.group('subject')}{match.group('rest')}"


def with_the_term_told_before(question: str) -> str:
    """'… mentions 'targeted protein degradation' - what is that in plain terms?' → 'what is targeted protein
    degradation in plain terms?': the term a context names, put where the question points at it."""
    match = THAT_TERM_ASKED_RE.match(question.strip())
    if match is None and (run_on := RUN_ON_ASKED_RE.match(question.strip())) and TOLD_BY_SOMEONE_RE.search(run_on.group("context")):
        # "wifes pathology report says her2 3+ what does 3+ actually mean": a statement run on into the question
        match = THAT_TERM_ASKED_RE.match(f"{run_on.group('context')}. {run_on.group('question')}")
        question = f"{run_on.group('context')}. {run_on.group('question')}" if match else question
    if match is None and (group := THAT_GROUP_ASKED_RE.match(question.strip())):
        # "i was told my cancer is 'her2 low'. did enhertu help people live longer in that group?": the group told
        quoted = QUOTED_TERM_RE.findall(group.group("context"))
        told = TERM_TOLD_RE.search(group.group("context"))
        term = quoted[-1] if quoted else told.group("term") if told else ""
        if term and len(term.split()) <= 4:
            asked = group.group("question")
            start, end = group.start("that") - group.start("question"), group.end("that") - group.start("question")
            return f"{asked[:start]}{term}{asked[end:]}"
    if match is None and (one := ONE_OF_THOSE_ASKED_RE.match(question.strip())) and \
            len(quoted := QUOTED_TERM_RE.findall(one.group("context"))) == 1:
        # "a friend … called it an 'ADC'. what parts is one of those made of?": one of the quoted kind
        asked = one.group("question")
        return re.sub(r"\bone of (?:those|these|them)\b", quoted[0], asked, count=1, flags=re.I)
    if match is None and (why := WHY_THAT_ASKED_RE.match(question.strip())):
        asked = why.group("question")
        start, end = why.start("that") - why.start("question"), why.end("that") - why.start("question")
        return f"{asked[:start]}{why.group('term')}{asked[end:]}"
    if match is None:
        return question
    that = match.group("that")
    if match.group("stop") == "," and not QUOTED_TERM_RE.search(match.group("context")):
        return question  # ('la doctora wants a 'liquid biopsy' for my mom, what is that': after a comma, only a quoted term)
    if that.lower() not in ("that", "this", "it"):
        # "path report says HER2 3+ ... what does 3+ mean": the context gives the term in full
        fuller = re.search(rf"([\w\-]+)\s+{re.escape(that)}(?!\w)", match.group("context"))
        term = f"{fuller.group(1)} {that}" if fuller and fuller.group(1).lower() not in STOPWORDS else ""
    else:
        quoted = QUOTED_TERM_RE.findall(match.group("context"))
        told = TERM_TOLD_RE.search(match.group("context"))
        term = quoted[-1] if quoted else told.group("term") if told else ""
    if not term or len(term.split()) > 4:
        return question
    asked = match.group("question")
    return asked[:match.start("that") - match.start("question")] + term + asked[match.end("that") - match.start("question"):]


# "…? NCTs pls", "…? names only": the form the rows asked should take, which every answer row gives
ANSWER_FORM_TAIL_RE = re.compile(r"\?\s*(?:(?:the|their|with|incl\.?|including|just|only)\s+)?(?:ncts?|nct (?:numbers|ids)|ids|names|"
                                 r"trial names)(?:\s+(?:pls|plz|please|too|only|thx|thanks))?\W*$", re.I)
# "db-07 arms? list them": after a question, asking for its answer as a list — no question of its own
LIST_FORM_TAIL_RE = re.compile(r"(?<=\?)\s*(?:(?:pls|plz|please|and|just)\s+)?(?:list|name|enumerate|spell out)\s+"
                               r"(?:them|em|'em|’em|these|those|each|all)(?:\s+(?:all|out))?(?:\s+(?:pls|plz|please))?\W*$", re.I)
# 'newer non-adc approaches in the future directions part?': a plural kind, no question word, in a part of the review
SECTION_MEMBERS_RE = re.compile(r"^\W*(?P<kind>(?:[\w\-/]+\s+){0,3}[\w\-]+s"
                                # ('newer approaches besides adc in …': what is set aside, read before)
                                r"(?:\s+(?:besides|other than|except|apart from|beyond)\s+[\w\-/]+s?)?)\s+"
                                r"(?:(?:covered|discussed|mentioned|listed|named)\s+)?"
                                # ('… in the future directions bit?': a part of the text in chat words)
                                r"(?P<where>(?:in|from)\s+(?:the\s+)?[\w\-/ ]{2,40}?\s+(?:section|part|chapter|subsection|paragraph|"
                                r"bit|piece|bits))\W*$",
                                re.I)
# "table 2: which T-DXd trials are first-line…?": the table named as a label before the question asked of it
TABLE_LABEL_RE = re.compile(r"^\W*(?P<table>table\s*\d+)\s*[:\-–—]+\s+(?P<question>(?:which|what|whats|list|name|any|are|is|"
                            r"how|show|give)\b.*)$", re.I | re.S)


# A face typed in the text (":(", ":-)", ";)"), which ends what was told before the question
EMOTICON_RE = re.compile(r"\s+[:;=]-?[()/\\|DPpO]+(?=\s|$)|\s+[)(]-?[:;](?=\s|$)")
# "ZW49 shows up in table 1, what kind of drug is it": where the name was seen, then a question about it
SEEN_IN_TABLE_RE = re.compile(r"^\W*(?P<name>[\w\-]+(?:\s[\w\-]+)?)\s+(?:shows up|appears|is listed|is mentioned|comes up|pops up)"
                              r"\s+in\s+(?:the\s+)?table\s*\d\s*[,.;:\-–—]+\s*"
                              r"(?P<question>(?:what|whats|which|how|is|does|why)\b.*\b(?:it|this|that)\b.*)$", re.I)


# "the oncologist told my client her tumor is 'heterogeneous'. why does that make treatment harder?": a state heard of,
# then a why or how about it
TOLD_STATE_THEN_ASKED_RE = re.compile(r"^\W*(?:[\w'’]+\s+){0,6}?(?:said|says|told(?:\s+[\w'’]+){0,2}|mentioned|explained)\s+"
                                      r"(?:that\s+)?(?:[\w'’]+\s+){0,3}?(?:is|are|was|were)\s+(?:an?\s+)?"
                                      r"(?P<term>['‘\"“][\w\-–/+ ]{2,30}['’\"”]|[\w\-–/+]+)\s*[.;:!—–-]+\s*"
                                      r"(?P<question>(?:so\s+)?(?:why|how)\b.*?\b(?:that|this)\b.*)$", re.I)


# A numbered name such as a trial's ('DESTINY-Breast04', 'KATE2'), not a plain word
NUMBERED_NAME_RE = re.compile(r"(?<![\w\-])(?=[\w\-]*[A-Z])[A-Za-z][\w\-]*\d[\w\-]*(?![\w\-])")


def _numbered_name_set_aside(preamble: str, question: str) -> str:
    """The one numbered name a stripped purpose held that the question after it does not name ('' if none)."""
    names = [n for n in NUMBERED_NAME_RE.findall(preamble)
             if n.lower() not in question.lower() and n.lower() not in REVIEW_SUBJECT]  # ('for my HER2 talk')
    return names[0] if len(names) == 1 else ""


# "explaining ADCs to a new grad on the unit - …": the topic to explain, to whom, then the question about it
EXPLAINING_TO_RE = re.compile(r"^\W*(?:explaining|teaching|describing|introducing|presenting)\s+(?P<topic>[\w\-/+ ]{2,40}?)\s+to\s+"
                              r"[^:–—?]{1,50}?\s*(?:[:–—]|\s-)\s+(?P<question>(?:what|whats|how|why|which|who|is|are|does|do|can)\b.+)$",
                              re.I | re.S)
# '… the parts that make one up', '… what is one': one of the topic told before
ONE_OF_TOPIC_RE = re.compile(r"\bmakes?\s+(one)\s+up\b|\bmake\s+up\s+(one)\b|\b(?:is|in|of)\s+(one)\W*$", re.I)


# "the kadcyla-after-surgery trial", "the enhertu-for-her2-low study": a phrase typed as one hyphened word
HYPHENED_PHRASE_RE = re.compile(r"\b([A-Za-z][\w]*)-(after|before|for|with|plus|versus|vs)-([A-Za-z][\w]*)\b", re.I)


def _drug_set_aside(purpose: str) -> str:
    """The last drug a stripped purpose names ('journal club on nerlynx:' → 'nerlynx'), or ''."""
    from .extractive import is_drug_name  # (extractive reads this module's patterns)
    return next((w for w in reversed(re.findall(r"[\w\-]+", purpose)) if is_drug_name(w)), "")


# 'table comparing tykerb / nerlynx / tukysa': a table asked as the answer's form is a comparison, not the review's tables
TABLE_AS_FORM_RE = re.compile(r"^\W*(?:(?:pls|please|plz|can you|could you)\s+)?(?:(?:make|give|draw|build|create|do)\s+"
                              r"(?:me\s+|us\s+)?)?(?:an?\s+)?(?:(?:quick|short|simple|small)\s+)?table\s+"
                              r"(?:comparing|that compares|to compare|contrasting|that contrasts)\s+", re.I)


# 'what newer non-adc approaches are listed': approaches besides ADCs (a class of treatment set aside — not 'non-HER2
# drugs', drugs not aimed at HER2)
NON_ONE = r"non-?(adcs?|tkis?|antibod(?:y|ies)|chemo(?:therapy)?|immunotherap(?:y|ies))"
NON_ONE_RE = re.compile(NON_ONE, re.I)
NON_CLASS_RE = re.compile(rf"\b(?P<classes>{NON_ONE}(?:\s*(?:/|,|and|or|&)\s*{NON_ONE})*)\s+"
                          r"(?P<kind>approaches|options|drugs|therapies|treatments|strategies|agents|ones)\b", re.I)


# "ok what about her2-low pts, was it tested there?": a place told after 'what about', then a question pointing at it by
# 'there' (not 'is there', which asks whether something exists)
PLACE_THEN_THERE_RE = re.compile(r"^\W*(?:(?:and|so|ok|okay|but)[\s,]+)*(?:what|how) about\s+(?P<place>[^,;:?]+?)\s*[,;:?—–-]+\s*"
                                 r"(?P<asked>(?:what|how|which|why|did|does|do|is|are|was|were|has|have|can|could)\b[^?]*?)"
                                 r"(?<!\bis)(?<!\bare)(?<!\bwas)(?<!\bwere)(?<!\bbe)\s+(?:in\s+)?there\b"
                                 r"(?!\s+(?:is|are|was|were|be)\b)(?P<rest>[^?]*\??)\s*$", re.I)


# "enhertu in her2 low - which trial?": a topic typed first, then only the kind of name asked for it ('… - which
# study?' asks the topic's source, a reference)
KIND_ASKED_OF_LABEL_RE = re.compile(r"^\W*(?P<label>[^?:]{3,60}?)(?:\s+[-–—]+|:)\s*(?P<asked>(?:which|what)\s+trials?)"
                                    r"\W*$", re.I)


def with_the_kind_asked_first(question: str) -> str:
    """'enhertu in her2 low - which trial?' → 'which trial for enhertu in her2 low?' (else unchanged)."""
    if not (asked := KIND_ASKED_OF_LABEL_RE.match(question)) or COMPARE_RE.search(asked.group("label")):
        return question  # ('neratinib early bc vs metastatic - which trials': two sides, each with its trials)
    return f"{asked.group('asked')} for {asked.group('label').strip()}?"


def with_the_place_told(question: str) -> str:
    """'what about X, was it tested there?' → 'was it tested in X?' (the question unchanged otherwise)."""
    if not (told := PLACE_THEN_THERE_RE.match(question)):
        return question
    place = told.group("place").strip()
    place = place if re.match(r"(?:in|among|for|after|during|with)\b", place, re.I) else f"in {place}"
    return f"{told.group('asked')} {place}{told.group('rest')}"


def without_framing(question: str, rare: Callable[[str], bool] | None = None) -> str:
    """'for my journal club slide: what is the 'bystander effect' people talk about with ADCs' →
    'what is the bystander effect with ADCs': the question itself, as a reader of the review asks it. ``rare`` tells a
    name the review gives so seldom that, typed as an example ('src inhibitors like dasatinib'), it is kept."""
    question = APOLOGY_OPENING_RE.sub("", question, count=1) or question
    question = TABLE_AS_FORM_RE.sub("compare ", question, count=1)
    question = NON_CLASS_RE.sub(lambda m: f"{m.group('kind')} besides {' and '.join(NON_ONE_RE.findall(m.group('classes')))}",
                                question)
    # ('the kadcyla-after-surgery trial': words hyphened into one name, each said on its own)
    question = HYPHENED_PHRASE_RE.sub(r"\1 \2 \3", question)
    # ('scan showed spots in my brain :( anything in there about brain mets?': a face typed ends what was told)
    question = EMOTICON_RE.sub(". ", question).strip()
    if told := TOLD_STATE_THEN_ASKED_RE.match(question):
        term = told.group("term").strip("'‘’\"“”")
        question = re.sub(r"\b(?:that|this)\b", f"a {term} tumor" if re.search(r"ous$", term) else term,
                          told.group("question"), count=1)
    if explaining := EXPLAINING_TO_RE.match(question):
        # "explaining ADCs to a new grad on the unit - what are the parts that make one up?": one of the topic
        topic, asked = explaining.group("topic").strip(), explaining.group("question")
        single = topic[:-1] if re.fullmatch(r"[A-Z][\w\-]*[A-Z]s", topic) else topic
        if one := ONE_OF_TOPIC_RE.search(asked):
            at = next(i for i in (1, 2, 3) if one.group(i))
            question = f"{asked[:one.start(at)]}{'an' if single[0].lower() in 'aeiou' else 'a'} {single}{asked[one.end(at):]}"
        elif pronoun := re.search(r"\b(?:it|they|them)\b", asked, re.I):
            question = f"{asked[:pronoun.start()]}{topic}{asked[pronoun.end():]}"
        else:  # ('explaining ADCs to readers - what are the parts an antibody-drug conjugate is made of?')
            question = asked
    if seen := SEEN_IN_TABLE_RE.match(question):
        question = re.sub(r"\b(?:it|this|that)\b", seen.group("name"), seen.group("question"), count=1)
    if labelled := TABLE_LABEL_RE.match(question):
        asked = labelled.group("question").rstrip()
        tail = re.search(r"\?+([^?]*)$", asked)  # ('…? NCTs pls': what is wanted of the rows stays after it)
        head, rest = (asked[:tail.start()], tail.group(1)) if tail else (asked.rstrip("?. "), "")
        question = f"{head} in {labelled.group('table').lower()}?{rest}"
    # ('Please summarise EMILIA for the tumour board: design and main results': a name before the purpose stays)
    stripped = PURPOSE_PREAMBLE_RE.sub(lambda m: m.group("lead") if m.group("lead") and NAME_LIKE_RE.search(
        m.group("lead")) else "", question, count=1)
    if stripped != question and (trial := _numbered_name_set_aside(question[:len(question) - len(stripped)], stripped)):
        # "for a DB-04 eligibility talk: what was the median PFS …?": the trial the purpose names is the question's
        stripped = re.sub(r"\s*\?*\s*$", f" in {trial}?", stripped, count=1)
    elif stripped != question and (drug := _drug_set_aside(question[:len(question) - len(stripped)])) and \
            (pronoun := re.search(r"\b(it|its)\b", stripped, re.I)) and \
            not re.search(r"\b[A-Z][A-Z0-9\-]+\b", stripped[:pronoun.start()]):  # ('… rate of ILD … was it fatal': ILD)
        # "journal club on nerlynx: what holds it back in practice?": 'it' is the drug the purpose names
        name = drug + ("’s" if pronoun.group(1).lower() == "its" else "")
        stripped = f"{stripped[:pronoun.start()]}{name}{stripped[pronoun.end():]}"
    stripped = STYLE_TAIL_RE.sub("", stripped)
    # ('explain an adc in plain english, what's it made of': how to answer, set between the question's parts)
    stripped = STYLE_ASIDE_RE.sub("", stripped)
    stripped = ANSWER_FORM_TAIL_RE.sub("?", stripped)
    stripped = LIST_FORM_TAIL_RE.sub("", stripped)
    if members := SECTION_MEMBERS_RE.match(stripped):
        # ('newer non-adc approaches in the future directions part?': which of them the part names)
        stripped = f"which {members.group('kind')} are {members.group('where')}?"
    # 'which ADC in table 1 doesn't carry a cytotoxic payload but an immune agonist': what it carries is asked
    stripped = NOT_X_BUT_Y_RE.sub(lambda m: f"{m.group('verb')} ", stripped)
    if not re.search(r"[A-Za-z]{2}", stripped):
        stripped = question
    stripped = QUOTED_TERM_RE.sub(r"\1", stripped)
    if (statement := CLASS_STATEMENT_RE.match(stripped)) and re.search(
            rf"\b{re.escape(statement.group('cls').rstrip('s'))}s?\b", statement.group("question"), re.I):
        stripped = statement.group("question")
    if not EXCEPT_RE.search(stripped):  # 'beyond pills like tukysa, what else…': the example says what is left out
        # ('src inhibitors like dasatinib': an example the review names once points at the very passage — kept)
        # ('how come tkis like tykerb and tukysa reach brain mets': a cause asked of two examples is each one's — kept)
        explained = bool(WHY_RE.search(stripped))
        stripped = EXAMPLE_OF_CLASS_RE.sub(
            lambda m: m.group(0) if (names := EXAMPLE_NAMES_RE.findall(m.group(0)[len(m.group(1)):])) and (
                (rare is not None and all(rare(n) for n in names)) or (explained and len(names) >= 2)) else m.group(1),
            stripped)
    # 'the parts that make up one of these antibody drug conjugate medicines': a member of the class, asked of the class
    stripped = ONE_OF_THE_KIND_RE.sub(lambda m: ("an " if m.group("kind")[0].lower() in "aeiou" else "a ") + m.group("kind"),
                                      stripped)
    stripped = TRAILING_BELIEF_RE.sub("", stripped)
    if re.match(r"\W*why\b", stripped, re.I):
        stripped = WHY_ASKED_AGAIN_RE.sub("?", stripped)
    return HEARSAY_RE.sub("", stripped, count=1).strip()


# Who told the asker something ("the dr said …", "the nurse mentioned …")
_HEARD_FROM = (r"\b(?:dr|doctor|oncologist|onc|nurse|surgeon)s?\s+(?:(?:keeps?|kept)\s+)?"
               r"(?:said|says|saying|told|mentioned|mentioning|explained|called|calls|calling|described)\b|"
               # "just started kadcyla and everyone keeps saying it's an 'ADC'": what people around one keep saying
               r"\b(?:everyone|everybody|people|they|the team)\s+(?:keeps?|kept)\s+(?:saying|calling|mentioning|talking)\b")
HEARD_FROM_RE = re.compile(_HEARD_FROM, re.I)

# Who asks and why, told before the question: "from a radiation standpoint i worry about SRS — why does …",
# "We still use lapatinib for CNS disease. Compare …". The question after it asks what the review says.
PERSONAL_CONTEXT_RE = re.compile(
    r"^(?P<context>[^?]{0,200}?(?:\b(?:i|we|me)\b(?<!phase i)|\b(?:i'm|i’m|im|my|our|we're|we’re|as an?|from an?)\b|"
    # "the dr said enhertu is an 'ADC'.. what are the parts of an ADC?": what a carer said, before the question
    rf"{_HEARD_FROM}|"
    # "the igf-ir section says trials are ongoing - which …": what the review says, told before asking more
    r"^\W*(?:the |this )?(?:[\w\-/]+ )?(?:review|paper|article|section|text|authors?)\s+(?:says?|said|mentions?|mentioned|notes?|"
    r"states?|writes?)\b|"
    # "saw ZW49 on a trial list - what kind of drug is it?": where the asker met a name, told without an 'I'
    r"^\W*(?:saw|seen|noticed|spotted|came across|read about|heard about)\b|"
    # "mom is switching to tykerb with xeloda. how does …": someone close, named without a 'my'
    rf"^\W*(?:{CLOSE_ONES})(?:'s|’s)?\s+(?:is|was|has|had|just|started|got|gets|takes|took|switched|switching|on)\b)"
    # ("one of my patients mentioned the NALA trial, what was it about": a comma before a question word too)
    r"[^?]{0,200}?)(?:[.;:!]|\s[-–—]|[—–]|,(?=\s+(?:what|whats|how|why|which|is|are|does|did|can|could)\b))\s+"
    r"(?P<question>(?:what|whats|how|why|which|who|when|where|is|are|does|do|did|can|could|should|would|will|was|"
    r"were|has|have|compare|tell|summari[sz]e|explain|list|name|give|describe|any|anything)\b.*)$", re.I | re.S)

# ... or told after it: "were people with brain mets allowed in the tukysa trial? i have 2 small ones"
# How a statement told after a question opens: who tells it, who it is about, what it is for
_TOLD_AFTER = (r"(?:i|i'm|i’m|im|i've|i’ve|ive|my|mine|we|we're|we’re|our|ours|"
               # "…? she's terrified of it going to her brain": how the one treated feels
               r"she|she's|she’s|shes|he|he's|he’s|hes|her|his|"
               # "…? wife's oncologist said it isn't rare": what someone close was told
               rf"(?:{CLOSE_ONES}|niece|nephew)(?:'s|’s|s)?|"
               # "…? onc mentioned it", "…? writing interventions for my care plan", "…? thinking
               # about co-meds": who brought it up, or what the answer is for
               r"onc|doc|doctor|dr|oncologist|nurse|writing|thinking|need|needed|asking|just|"
               # "…? want to check dad's prescription": what the answer will be used for
               r"want|wanted|wanting|trying|checking|"
               # "…? saw it listed as a resistance mechanism": where the asker met it
               r"saw|seen|read|heard|noticed|spotted|came across)\b")
# ('list the parts of an adc, need to explain to a pt starting kadcyla': a request, then after a comma what it is for)
TRAILING_CONTEXT_RE = re.compile(rf"^(?P<question>[^?]+\?|[^?,]{{8,}}?,(?=\s*(?:need|needed|trying|want|wanted|writing|asking|"
                                 rf"checking)\b))\s*(?P<context>{_TOLD_AFTER}[^?]*)$", re.I | re.S)

# "what's the DAR of kadcyla? I know enhertu is about 8": what the asker already knows or has heard, offered
# beside the question; it names other things but asks nothing of them
KNOWN_CLAIM_RE = re.compile(r"^\W*(?:i|we)\s+(?:already\s+)?(?:know|knew|read|heard|think|thought|believe|remember|recall|"
                            r"saw|was told|were told|understand)\b", re.I)

# "tucatinib dose in HER2CLIMB? 300 mg bid?": a guess at the figure asked, not a question of its own
FIGURE_GUESS_RE = re.compile(r"^\W*(?:(?:like|maybe|or|is it|was it|about|around|approx\w*|something like)\s+)?[~≈<>]?\s*"
                             r"\d[\d.,]*\s*(?:%|mg(?:/kg|/m2)?|months?|mo|weeks?|wks?|years?|yrs?|patients|pts)?"
                             r"(?:\s+(?:bid|tid|qd|daily|twice daily|q3w|or so|every \w+ weeks?))?\W*$|"
                             # "…, is it pills twice a day": a guess at the schedule
                             r"^\W*(?:is it|was it|like|maybe)\s+(?:[\w\-]+\s+){0,3}?(?:once|twice|three times|\d+ times?)"
                             r"\s+(?:a|per|every)\s+(?:day|week|month)\W*$", re.I)
ELABORATION_RE = re.compile(r"^\W*(?:like|e\.?g\.?|i\.?e\.?|esp(?:ecially)?\.?|particularly|specifically|ideally|"
                            r"i mean|as in)\b|"
                            # "… beyond adcs and tkis? bispecifics, car-t etc": examples of what is asked, no new part
                            r"^\W*[\w\-/+]+(?:\s+[\w\-/+]+){0,2}(?:\s*,\s*[\w\-/+]+(?:\s+[\w\-/+]+){0,2})*\s*,?\s*"
                            r"(?:etc\.?|and so on|and the like|…|\.\.\.)\W*$|"
                            # "what tucatinib dose was used in HER2CLIMB? need the mg for tukysa": what the answer must give
                            r"^\W*(?:i\s+|we\s+)?(?:need|want|looking for)\s+(?:the|a|an|its|their|some|exact|actual)\b[^?]*$",
                            re.I)


# "…phase III? need NCTs", "…? give NCT numbers": the registry numbers of what the part before asks, no new question
IDENTIFIERS_TOO_RE = re.compile(r"^\W*(?:(?:and|also|pls|please|plus|with|incl\.?|including)\s+)*"
                                r"(?:(?:i\s+)?(?:need|want|give(?:\s+me)?|show(?:\s+me)?|list|include|add)\s+)?"
                                r"(?:the\s+|their\s+|its\s+)?(?:nct\w*|registry|trial)(?:\s+(?:numbers?|nos?\.?|ids?|identifiers?|#s?))?"
                                r"(?:\s+(?:too|as well|pls|please))?\W*$", re.I)


# "…? give me the big picture", "…? keep it simple", "…? key data pls": how to answer, not a new question
HOW_TO_ANSWER_WORDS = frozenset("big picture simple short plain terms words overall brief keep make sense "
                                "detail detailed details high level layman laymans english all every everything each full "
                                "complete exhaustive single one key data numbers figures stats specifics".split())


# "did TULIP meet its PFS endpoint and by how much": a wh-word alone asks more of the part before it ('and how
# often' after a dose asks its schedule, a part of its own)
# "other newer approaches besides adcs and tkis? what r they exploring": the part before asked again of a pronoun,
# with a verb that says only that someone works on it — no new part
RESTATED_OF_PRONOUN_RE = re.compile(r"^\W*(?:(?:and|so)\s+)?(?:what|which|whats|what[’']s)\s+(?:ones\s+)?(?:are|is|were|do|does)?\s*"
                                    r"(?:they|it|these|those|people|researchers|ppl)\s+(?:(?:currently|now|still|actually)\s+)?"
                                    r"(?:exploring|explore|studying|study|testing|test|investigating|researching|developing|"
                                    r"looking (?:at|into)|working on|trying|doing)\W*$", re.I)
ELLIPTICAL_PART_RE = re.compile(r"^\W*(?:(?:and|but|or|so)\s+)?(?:(?:by|for|since|until|to)\s+)?"
                                r"(?:how (?:much|so|come)|why(?: not| so)?)\W*$", re.I)


# "median OS enhertu vs kadcyla in DB03? how many months each": the unit of the figure asked before it
UNIT_OF_IT_RE = re.compile(r"^\W*(?:(?:and|so|ok)\s+)?(?:how (?:many|much|long)|in what|what)\s+"
                           r"(?:months?|weeks?|years?|days?|percent(?:age)?|%|mg(?:/kg)?)"
                           r"(?:\s+(?:each|for each|for both|per arm|in each arm|both|respectively|exactly|roughly|total))?\W*$", re.I)
# "what dose of tucatinib do they take and how many times a day": the schedule of the dose asked before it
SCHEDULE_PART_RE = re.compile(r"^\W*(?:(?:and|or|so)\s+)?(?:how (?:often|frequently)|how many times(?: (?:a|per) (?:day|week|month))?|"
                              r"(?:on )?what schedule|"
                              # '…dose of tucatinib? mg twice a day?': the unit and schedule the dose is expected in
                              r"(?:in\s+)?(?:mg|mg/kg|milligrams?)(?:\s+(?:or|and|once|twice|a|per|day|daily|week|weekly|bid|tid|qd|"
                              r"every|\w+ly)){0,4})\W*$", re.I)
# words asking a dose ('what dose', 'how many mg'); extractive's dose measure reads the same ones
DOSE_CUE = r"\bdos(?:e|es|ing|age)\b|\bmg\b"
DOSE_ASKED_RE = re.compile(rf"{DOSE_CUE}|\bhow much\b", re.I)
# "what dose of T-DXd was used and how often": beside a dose, how often is its schedule, not a share
SCHEDULE_ASKED_RE = re.compile(r"\bhow (?:often|frequent(?:ly)?|many times)\b", re.I)
# "what was NALA about and what did it find?": what it found is the rest of the overview asked before it
FOUND_OF_IT_RE = re.compile(r"^\W*(?:(?:and|so)\s+)?(?:what|how)\s+(?:(?:did|does|do|was|were|is|are)\s+)?(?:it|they|this|that)\s+"
                            r"(?:find|found|show|shows|showed|go|went|turn out|conclude|concluded|report|reported)\W*$", re.I)

# "monarcHER - what was the design and what came out of it?", "what was the design and what were the results of
# NALA?": a trial's design asked in one clause and its results in the next is one overview of both
DESIGN_THEN_RESULTS_RE = re.compile(
    r"(?P<design>\bwhat (?:was|were|is|are) (?:the |its |their )?(?:trial |study )?designs?)\s*,?\s*(?:and|&|\+|\?)\s+"
    rf"(?:(?:so|and)\s+)?what\s+(?:{CAME_OUT_OF}|(?:did|does) (?:it|they) (?:show|find)|(?:was|were|are|is) (?:the |its |their )?"
    r"(?:main |key |headline )?(?:results?|outcomes?|findings)(?: of)?)"
    r"(?P<of>\s+(?!(?:it|this|that|them)\W*$)[\w\-/+]+(?:\s+[\w\-/+]+)?)?(?:\s+(?:it|this|that|them))?\s*\?*\s*$", re.I)


def design_and_results_as_one(question: str) -> str:
    """'monarcHER - what was the design and what came out of it?' → 'monarcHER - what was the design and results?'."""
    asked = DESIGN_THEN_RESULTS_RE.search(question)
    if asked is None:
        return question
    of = f" of {asked.group('of').strip()}" if asked.group("of") else ""
    return f"{question[:asked.start()]}{asked.group('design')} and results{of}?"


def _asks_nothing_new(piece: str) -> bool:
    words = [w.lower() for w in re.findall(r"[A-Za-z0-9'’]+", piece)]
    return any(w in HOW_TO_ANSWER_WORDS for w in words) and not re.match(rf"\W*{WH_START}\b", piece, re.I) and all(
        w in STOPWORDS or w in CHAT_WORDS or w in HOW_TO_ANSWER_WORDS for w in words)


# A question after a full stop (not an abbreviation's: 'et al.', 'vs.')
ASKED_AFTER_STOP_RE = re.compile(r"(?<![.\s][A-Za-z])(?<!\b(?:vs|al|ie|eg))\.\s+(?=(?:what|whats|which|who|when|where|why|how)\b)",
                                 re.I)
ASKING_OPENING_RE = re.compile(r"^\W*(?:define|explain|describe|list|name|summari[sz]e|tell me|what|whats|which|who|when|"
                               r"where|why|how|is|are|does|do|did|can)\b", re.I)


# A question and a statement side by side: "what's bystander killing - my onc said enhertu does it", "kadcyla and
# enhertu are both called ADCs... what is an ADC in plain words?"
QUESTION_AND_STATEMENT_RE = re.compile(r"^(?P<first>[^?]+?)(?:\?+|\s+[-–—]+|\.{2,}|(?<=[a-z0-9)'’\"”])\.)\s+(?P<second>[^?]+\??)$")


# Who told or heard it, or whose it is: what makes a piece beside a question a statement, not a label
TOLD_BY_SOMEONE_RE = re.compile(r"\b(?:i|i'm|im|my|me|we|our|she|he|her|his|someone|onc|doc|doctor|dr|nurse|said|says|told|"
                                r"mentioned|called|heard|saw|seen|read|keeps?)\b", re.I)


def definition_beside_statement(question: str) -> str:
    """The definition asked beside a statement of what the asker heard or why they ask, alone ('' when the
    question is no definition, or the other piece asks something too)."""
    match = QUESTION_AND_STATEMENT_RE.match(question.strip())
    if match is None:
        return ""
    for asked, told in ((match.group("first") + "?", match.group("second")), (match.group("second"), match.group("first"))):
        if "?" in told or re.match(rf"\W*(?:{WH_START}|whats|tell|explain|define)\b", told, re.I) \
                or not TOLD_BY_SOMEONE_RE.search(told) \
                or re.search(r"\b(?:it|its|that|this|they|them)\b", SCOPE_TAIL_RE.sub("", asked), re.I):
            continue  # ('HER2 3+ vs HER2-low - how are they defined': a label; 'saw ZW49 … - what kind of drug is it')
        defined = as_definition(asked)
        if (defined or classify(asked) == "definition") and _names_a_term(asked):
            return defined or asked
    return ""


DEFINING_WORDS = {"what", "whats", "mean", "means", "meaning", "define", "defined", "exactly", "actually", "really",
                  "even", "plain", "simple", "words", "terms", "numbers", "figures"}


def _names_a_term(asked: str) -> bool:
    """'what is an ADC in simple words?', 'whats bystander killing': a term of its own — not 'whats the numbers' nor
    'what does the 3+ mean', which lean on the statement beside them."""
    words = [w for w in re.findall(r"[A-Za-z][\w\-]{2,}", SCOPE_TAIL_RE.sub("", asked))
             if w.lower() not in STOPWORDS and w.lower() not in DEFINING_WORDS]
    # ('what does her2-low mean'): a coined term, letters joined to a digit or a hyphen, is a term on its own
    return len(words) >= 2 or any(re.fullmatch(r"[A-Z][A-Z0-9\-]+s?", w) or re.search(r"[a-z][\d\-]|\d[a-z]", w, re.I)
                                  for w in words)


def split_parts(question: str) -> list[str]:
    """'What kind of receptor is IGF-IR, and through which mechanisms does it act?' → two parts.

    Only splits where a new wh-clause starts, so 'trastuzumab and pertuzumab' stays whole, and
    never leaves a fragment of fewer than three words."""
    # "define intratumoral HER2 heterogeneity. how common is it": a request, a full stop, then a question
    # ("i am on T-DXd. what are the side effects" tells who asks: the framing steps read that)
    sentences = [question]
    if (stop := ASKED_AFTER_STOP_RE.search(question)) and ASKING_OPENING_RE.match(question):
        sentences = [question[:stop.start()], question[stop.end():]]
    # ("tucatinib vs lapatinib selectivity - why is tukysa easier to tolerate": a comparison asked, then a question of
    # its own after the dash — not a label before a dash, 'nerlynx - what happened in NALA')
    sentences = [p for sentence in sentences for p in comparison_then_question(sentence)]
    pieces = [p.strip(" ,;") for sentence in sentences for p in PART_SPLIT_RE.split(sentence)
              if p and re.search(r"[A-Za-z]{2}", p)]
    parts: list[str] = []
    for piece in pieces:
        # "nerlynx diarrhea rate in NALA? like % grade 3": an elaboration of the part before, not a new one
        if parts and FIGURE_GUESS_RE.match(piece):
            continue  # the review's figure, not the guess, answers it
        if parts and ONE_WORD_ASKED_RE.match(piece) and ENDS_ON_ONE_WORD_ASKED_RE.search(parts[-1]):
            # "in mbc, which trial and which line (for nerlynx)?": two things asked of one subject, in one breath
            parts[-1] = f"{parts[-1]} and {piece}"
            continue
        if parts and (len(piece.split()) < 3 or len(parts[-1].split()) < 3 or ELABORATION_RE.match(piece)
                      or _asks_nothing_new(piece) or ELLIPTICAL_PART_RE.match(piece) or UNIT_OF_IT_RE.match(piece)
                      or RESTATED_OF_PRONOUN_RE.match(piece)
                      or IDENTIFIERS_TOO_RE.match(piece)
                      or (FOUND_OF_IT_RE.match(piece) and classify(parts[-1]) == "overview")
                      or (SCHEDULE_PART_RE.match(piece) and DOSE_ASKED_RE.search(parts[-1]))):
            parts[-1] = f"{parts[-1]} {piece}"
        else:
            parts.append(piece)
    return parts or [question]
