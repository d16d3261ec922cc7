"""Conversations: per-user history, and follow-up questions resolved without an LLM by carrying
the salient entities of earlier turns into retrieval."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .answering.coverage import asked_endpoints, content_words
from .answering.intent import EXCLUSION_WORDS, MEASURE_RE, PERSONAL_CONTEXT_RE, split_parts, with_the_place_told
from .answering.sequencing import AFTER_FAILURE_ASKED_RE
from .citations import NCT_RE
from .figures import has_figure
from .query import QueryAnalyzer, failed_before, is_phase_numeral, mentions, only_as_comparator, treatment_history
from .vocabulary import BRANDS, LIVED_LONGER, PATIENT_GROUP, synonym_meanings
from .results import Answer

FOLLOW_UP_RE = re.compile(
    r"\b(it|its|it's|they|them|their|theirs|that|this|these|those|there|the (?:trial|study|drug|agent|"
    r"combination|arm|treatment|regimen|therapy|paper|reference|ADC|inhibitor|mechanism|antibody|compound))\b"
    r"|^\s*(and|also|what about|how about|and what|what else|why|same)\b",
    re.IGNORECASE,
)


@dataclass
class Turn:
    question: str
    resolved: str
    answer: Answer
    entities: list[str] = field(default_factory=list)


@dataclass
class Conversation:
    """One user's conversation. Never shared: each browser session / CLI run makes its own."""

    turns: list[Turn] = field(default_factory=list)

    def reset(self) -> None:
        self.turns.clear()

    def add(self, turn: Turn) -> None:
        self.turns.append(turn)

    def salient_entities(self) -> list[str]:
        """Entities of the most recent turn that had any."""
        for turn in reversed(self.turns):
            if turn.entities:
                return turn.entities
        return []

    def history_text(self, limit: int = 3) -> str:
        return "\n".join(f"User: {t.question}\nAssistant: {t.answer.answer}" for t in self.turns[-limit:])


# 'it' that stands for no name: "did it matter where the mets were", "is it possible to …"
DUMMY_IT_RE = re.compile(r"(?<!\bof )(?<!\bwith )(?<!\bon )(?<!\bto )(?<!\bfor )(?<!\bin )(?<!\bfrom )(?<!\babout )"
                         r"\bit\s+(?:matter(?:s|ed)?|makes?\s+(?:a|any)\s+difference|made\s+(?:a|any)\s+difference|"
                         r"depend(?:s|ed)?\s+on|(?:is|was)\s+(?:possible|true|known|likely|worth))\b|"
                         r"(?<!\bof )\bit\s+(?:possible|true|known|likely|worth)\b(?=.*\bto\b)", re.I)
PRONOUN_RE = re.compile(r"\b(it|its|it's|they|them|their|that (?:trial|study|drug|one)|this (?:trial|study|drug|one)|"
                        r"the (?:trial|study|drug|agent|combination|arm|treatment|regimen|therapy|ADC|inhibitor|"
                        r"antibody|compound)(?: (?:that|which|who) (?!\w+ (?:in|with|on|at|for|vs|against)\b)"
                        r"(?:won|worked|failed|lost|beat|succeeded|came out (?:best|on top)|did (?:best|better|worse)))?)\b"
                        # ('and the ADC version built on it?': a kind of agent made from 'it', another agent)
                        r"(?!\s+(?:version|form|variant|counterpart|built|based|made)\b)",
                        re.IGNORECASE)  # "the drug that won" is the drug: its clause only picked it out
# A turn that names only what is added ("when herceptin was added", "adding atezo?") adds it to the
# conversation's subject.
ADDED_RE = re.compile(r"\b(?:added|adding|add-on|on top)\b", re.IGNORECASE)
SAME_AGAIN_RE = re.compile(r"^\s*(?:and |so |ok |okay )?(?:what|how) about\b|"
                           r"^\s*(?:and )?(?:the )?same (?:(?:question|q|thing|one|again)\s+)?(?:for|with)\b",
                           re.IGNORECASE)
# ... followed by a question of its own: "what about everolimus specifically, what did the trials show?"
WHAT_ABOUT_THEN_ASKED_RE = re.compile(r"^\s*(?:and |so |ok |okay )?(?:what|how) about\s+(?P<subject>[^,;:?]+?)"
                                      r"(?:\s+(?:specifically|exactly|then|though|in particular))?\s*[,;:?—–-]+\s*"
                                      r"(?P<question>(?:what|how|which|why|did|does|do|is|are|was|were)\b.{6,})$", re.I)


# What comes after a line of treatment: "and when that stops working what's next?", "then what?"
NEXT_ASKED_RE = re.compile(r"\bwhat(?:'s|’s|s| is| comes| do (?:you|they|we|doctors) (?:use|give|try))?\s+(?:next|after(?:wards)?)\W*$|"
                           r"\bthen what\b|\bwhat(?:'s|’s|s| is) the next (?:step|option|line|treatment)\b", re.I)
# "and after that what do they use?": what is given after the thing asked before
AFTER_IT_ASKED_RE = re.compile(r"\b(?:after|following|beyond) (?:that|this|it)\b[^?]*\bwhat\b|"
                               r"\bwhat\b[^?]*\b(?:after|following) (?:that|this|it)\W*$", re.I)
LINE_NAMED_RE = re.compile(r"\b(first|second|1st|2nd)[\s-]*line\b", re.I)
# "and after kadcyla?", "what about once enhertu stops working": a treatment the next one is asked after, alone
ONLY_AFTER_RE = re.compile(r"^\W*(?:(?:and|so|ok|okay|but|then)[\s,]+){0,2}(?:(?:what|how) about\s+)?"
                           r"(?:after|once|when|if)\s+(?P<treatment>[^?]+?)\W*$", re.I)
# How bad or how common a side effect is: 'is that bad?', 'how often is it deadly', 'is it serious'
SEVERITY_ASKED_RE = re.compile(r"\b(?:deadly|fatal|lethal|die|died|dying|kill(?:s|ed)?|serious|severe|bad|dangerous|"
                               r"life[\s-]threatening|how (?:often|common|frequent(?:ly)?))\b", re.I)
# "which one works better", "which of the two is safer": one of two things asked about just before
WHICH_OF_TWO_RE = re.compile(r"\bwhich (?:one|of (?:the|those|these) two|of (?:them|those|these|both))\b", re.I)
# One of a kind told by its mark ("the akt one", "the oral ones")
ONE_OF_A_KIND_RE = re.compile(r"(?:the|that|this)\s+[\w\-/+]+(?:\s+[\w\-/+]+)?\s+ones?", re.I)


# A turn that is only an endpoint ("and os?", "what about the orr?"): the last question again, with this
# endpoint in place of the one it asked.
ENDPOINT = r"(?:pfs|os|orr|dcr|dfs|idfs|overall survival|progression[- ]free survival|response rate|hazard ratio|hr)"
ONLY_ENDPOINT_RE = re.compile(rf"^\W*(?:(?:and|so|ok|okay|but)\s+)?(?:(?:what|how) about\s+)?(?:the\s+)?(?:median\s+)?"
                              rf"(?P<endpoint>{ENDPOINT})(?:\s+(?:data|results?|figures?|numbers?))?\W*$", re.IGNORECASE)
ENDPOINT_RE = re.compile(rf"\b{ENDPOINT}\b", re.IGNORECASE)


# "and enhertu's?", "and for kadcyla?", "and in her2climb?" — a turn that is a name and nothing else asks
# the last question again about that name (resolve checks the name is one).
ONLY_A_NAME_RE = re.compile(r"^\W*(?:(?:and|or|ok|okay|so|but|then)[\s,]+){1,2}(?:(?:for|with|in)\s+)?(?:the\s+)?"
                            r"[\w\-/+.]+(?:['’]s)?\s*\W*$", re.IGNORECASE)


# A treatment setting: where in the course of the disease a drug is given or a finding was made
SETTING = (r"(?:metastatic|metastases|mets|mbc|advanced|early(?:[\s-]stage)?|(?:neo)?adjuvant|"
           r"(?:first|second|third|later|1st|2nd|3rd)[\s-]lines?(?:\s+(?:and|or)\s+(?:beyond|later|after|above))?|"
           # ('third and later lines', '2nd or later lines')
           r"(?:second|third|fourth|2nd|3rd|4th)\s+(?:and|or)\s+(?:later|subsequent|further)\s+lines?|"
           r"(?:after|before|following|prior to) (?:the )?surgery|"
           r"post-?op(?:erative)?|pre-?op(?:erative)?)")
SETTING_NOUN = r"(?:\s+(?:setting|settings|disease|patients|pts|bc|breast cancer|cancer|treatment|therapy|stage))?"
SETTING_PHRASE = rf"(?:(?:in|for|with|during|as|after|at)\s+)?(?:the\s+|an?\s+)?{SETTING}(?:\s+{SETTING})?{SETTING_NOUN}"
# A turn that is only a setting ("and for early stage after surgery?", "what about in the metastatic setting")
ONLY_SETTING_RE = re.compile(rf"^\W*(?:(?:and|so|ok|okay|but)[\s,]+){{0,2}}(?:(?:what|how) about\s+)?"
                             rf"(?P<setting>{SETTING_PHRASE})\W*$", re.IGNORECASE)
SETTING_PHRASE_RE = re.compile(rf"\b{SETTING_PHRASE}\b", re.IGNORECASE)


def _setting_swapped(question: str, previous: Turn) -> str:
    """'and for early stage after surgery?' after 'when kadcyla approved for metastatic' → 'when kadcyla approved
    for early stage after surgery' ('' when the turn is more than a setting or the last question named none)."""
    match = ONLY_SETTING_RE.match(question)
    if match is None or not (before := SETTING_PHRASE_RE.search(previous.resolved)):
        return ""
    setting = match.group("setting")
    if not re.match(r"(?:in|for|with|during|as|after|at)\s", setting, re.I) and \
            (prep := re.match(r"(?:in|for|with|during|as|after|at)\s+", before.group(0), re.I)):
        setting = prep.group(0) + setting  # the last question's preposition: 'approved for' → 'for adjuvant'
    return f"{previous.resolved[:before.start()]}{setting}{previous.resolved[before.end():]}"


def _endpoint_swapped(question: str, previous: Turn) -> str:
    """'and os?' after 'tykerb + xeloda phase 3 pfs' → 'tykerb + xeloda phase 3 os' ('' when the last
    question named no endpoint)."""
    match = ONLY_ENDPOINT_RE.match(question)
    if match is None:
        return ""
    if not ENDPOINT_RE.search(previous.resolved):
        # 'did adding it to xeloda help in the trials?' → 'and overall survival?': the same question, on that endpoint
        # ('what did HER2CLIMB show' → 'pfs?' asks HER2CLIMB's PFS: the subject carried on, not the overview again)
        if previous.answer.intent not in ("yesno", "compare"):
            return ""
        return f"{previous.resolved.rstrip(' ?')}, in terms of {match.group('endpoint')}?"
    return ENDPOINT_RE.sub(match.group("endpoint"), previous.resolved, count=1)


def is_follow_up(question: str, entities: list[str]) -> bool:
    return bool(FOLLOW_UP_RE.search(question)) or not entities


def resolve(question: str, conversation: Conversation | None, analyzer: QueryAnalyzer) -> tuple[str, list[str]]:
    """The question to answer (the reading shown as "Read as: …"), and the entities this turn is about.

    - A turn with its own subject and no pronoun stands alone — except "what about X?", which asks the
      previous question again about X, and a bare subject ("and in HER2CLIMB?"), which keeps its topic.
    - "which of them…" filters the last list; a bare "that" ("fix that") is what the last answer said.
    - A turn without a subject of its own (a pronoun, an ellipsis) borrows the subject of the last
      turn that had one: "its" → "HER2CLIMB's", "what about brain mets?" → "… in HER2CLIMB"; a
      phrase that only narrows ("and in the metastatic setting?") keeps the last topic too."""
    own = _condition_last(question, analyzer.names_known(question), analyzer)
    if conversation is None or not conversation.turns:
        return question, own
    previous = conversation.turns[-1]
    question = _told_in_other_words(question, previous)
    # ("db04 enhertu in her2 low - what dose?" → "vs what? and did it help os": what the subject was compared against)
    question = COMPARATOR_ELLIPSIS_RE.sub("what was it compared against", question, count=1)
    # "what about in the adjuvant setting, did it help there?": the question, with 'there' the place told first
    question = with_the_place_told(question)
    if (named := _named_with_that_noun(question, conversation, analyzer)) is not None:
        question, own = named[0], own + [named[1]]  # "what other drugs hit that pathway?": the pathway told before
        if not PRONOUN_RE.search(question):
            return question, own  # the thing told before is the turn's subject: nothing else is carried in
    turn = _reading_of(question, own, conversation, analyzer)
    for step in (_the_trial_the_answer_gave, _pronoun_read_in_this_turn, _asked_of_the_last_answer,
                 _with_a_subject_of_its_own, _pointing_at_what_was_said):
        if (reading := step(turn)) is not None:
            return reading
    return _with_the_subject_carried_on(turn)


@dataclass
class _Reading:
    """A follow-up being read: the turn as told so far, the names it gives, and what the conversation carries."""
    question: str
    own: list[str]            # the names the turn gives
    carried: list[str]        # the conversation's names the turn does not give
    specific_own: list[str]   # the turn's own subjects (not a treatment history, nor a name only set against)
    pronoun: re.Match | None  # the pronoun that points back, if any
    those_asked: bool         # registry numbers asked of "those" trials
    previous: Turn
    conversation: Conversation
    analyzer: QueryAnalyzer


Read = tuple[str, list[str]]


def _told_in_other_words(question: str, previous: Turn) -> str:
    """The turn with what it says in its own words told in the review's terms: 'they' who think are the authors,
    'they' who do something the field, 'that' after a trouble is the trouble, 'one' after 'what is a …' is one of
    that kind."""
    # "which drugs do they think help there?": "they" who think, say or recommend are the authors
    question = AUTHORS_AS_THEY_RE.sub(r"\1 the authors", question)
    question = THEY_TELL_RE.sub("the review", question)  # "that tsc2 thing they mention": the review mentions it
    # "what are they doing about the diarrhea with it?": "they" who do or try something are the field, not the drug
    # (in a later part, "…and how are they trying to manage it", "it" is the part before: answering reads that)
    if len(split_parts(question)) == 1:
        question = FIELD_DOING_RE.sub("what is being done", question)
    if (that := TROUBLE_THAT_RE.search(question)) and (troubles := list(TROUBLE_WORDS_RE.finditer(question[:that.start(1)]))):
        # "ppl complain about the side effects tho, is anything being done about that?": that is the trouble told
        question = f"{question[:that.start(1)]}the {troubles[-1].group('trouble')}{question[that.end(1):]}"
    if (one := HAVING_ONE_RE.search(question)) and (kind := A_KIND_ASKED_RE.match(previous.resolved.strip())):
        # "whats a MET aberration?" → "does having one change how well the her2 drugs work?": one is one of that kind
        question = f"{question[:one.start(1)]}a {kind.group('kind')}{question[one.end(1):]}"
    return question


def _reading_of(question: str, own: list[str], conversation: Conversation, analyzer: QueryAnalyzer) -> _Reading:
    """What the turn gives and what it leaves to the conversation: the names carried on, its own subjects, and the
    pronoun that points back (not 'it' for the cancer, 'they' for people or trials the turn names, 'that one' beside a
    name)."""
    previous = conversation.turns[-1]
    carried = [e for e in conversation.salient_entities() if e.lower() not in question.lower() and not is_phase_numeral(e)]
    if carried and not _subjects_named(carried, analyzer) and _markers_named(own, analyzer):
        carried = []  # "so does blocking cdk4/6 help" after cyclin D1: a marker of its own is the turn's topic
    # "what about pts who already had trastuzumab and lapatinib?": drugs of a treatment history say who is
    # treated, not what the turn is about
    history = " ".join(filter(None, (treatment_history(question), failed_before(question))))
    specific_own = [e for e in _subjects_named(own, analyzer) if not mentions(history, analyzer.aliases_of(e))
                    and not _given_in_carried_trial(e, carried, previous, analyzer, question)]
    if specific_own and carried and OUTCOME_ASKED_RE.search(question) and \
            all(only_as_comparator(question, analyzer.aliases_of(e), TYPED_COMPARED_WITH) for e in specific_own):
        # "how big was the benefit over plain herceptin?" after KATHERINE: what was measured against herceptin is
        # still the subject carried on
        specific_own = []
    if not specific_own and carried and not _subjects_named(carried, analyzer) and (
            SAME_AGAIN_RE.search(question) or WHAT_ABOUT_THEN_ASKED_RE.match(question)):
        # "what about MET - whats the clinical impact of MET aberrations?" after IGF-IR: a marker or receptor named
        # after a turn about another one is the new topic, as a drug after a drug
        from .retrieval import is_generic
        specific_own = [e for e in own if not is_generic(e) and not ENDPOINT_RE.fullmatch(e)
                        and analyzer.paragraph_share(analyzer.aliases_of(e)) <= 0.4  # (not HER2, in most)
                        and not mentions(history, analyzer.aliases_of(e))]
    pronoun = PRONOUN_RE.search(question)
    while pronoun and (aside := DISEASE_AS_IT_RE.match(question, pronoun.start())
                       # (the one saying, not what is said of: 'any drugs aimed at it mentioned?')
                       or (None if OBJECT_OF_RE.search(question[:pronoun.start()])
                           else AUTHORS_AS_PRONOUN_RE.match(question, pronoun.start()))):
        # "say it comes back as mets. is there anything that still works after kadcyla?": 'it' is the cancer;
        # "the CI they print for that HR looks off": they are the authors
        pronoun = PRONOUN_RE.search(question, aside.end())
    while pronoun and DUMMY_IT_RE.match(question, pronoun.start()):
        pronoun = PRONOUN_RE.search(question, pronoun.end())  # "did it matter where the mets were": no name's place
    if pronoun and re.fullmatch(r"(?:that|this) one", pronoun.group(0), re.I) and specific_own:
        pronoun = None  # "ok, and TH3RESA? what did that one show": the one the turn names
    if pronoun and pronoun.group(0).lower() in ("they", "them", "their") and PEOPLE_NAMED_RE.search(question[:pronoun.start()]):
        pronoun = None  # "if someone progressed … did they have to come off study?": they are those people
    if pronoun and pronoun.group(0).lower() in ("they", "them", "their") and \
            TRIALS_POINTED_AT_RE.search(question[:pronoun.start()]):
        pronoun = None  # "what phase are those trials and what are they called": they are those trials
    # ('… what are the NCT numbers of those?': those are every trial the answer gave, not its one row)
    those_asked = bool(IDENTIFIERS_ASKED_RE.search(question) and THOSE_TRIALS_RE.search(question))
    return _Reading(question, own, carried, specific_own, pronoun, those_asked, previous, conversation, analyzer)


def _one_picked_out(subject: str, names: list[str]) -> str:
    """What the whole of 'what about X' picks out: one of a kind by its mark ('the akt one'), or one of ``names`` as
    typed ('axl', 'the AXL' → 'AXL'); '' otherwise."""
    if one := ONE_OF_A_KIND_RE.fullmatch(subject):
        return one.group(0)
    return next((said.group(1) for name in names
                 if (said := re.fullmatch(rf"\s*(?:the\s+)?({re.escape(name)})\s*", subject, re.I))), "")


def _pronoun_read_in_this_turn(t: _Reading) -> Read | None:
    """A pronoun the turn itself explains: the one of a kind it picks out, a side effect asked how bad, a term just
    defined, the patients of a trial, a class of drugs, the line after a line, one of two drugs set side by side."""
    from .answering.extractive import DRUG_CODE_RE, is_drug_name

    question, own, carried, specific_own, pronoun = t.question, t.own, t.carried, t.specific_own, t.pronoun
    previous, analyzer = t.previous, t.analyzer
    if pronoun and pronoun.group(0).lower() in ("it", "its") and (asked := WHAT_ABOUT_THEN_ASKED_RE.match(question)) \
            and pronoun.start() >= asked.start("question") and \
            (one := _one_picked_out(asked.group("subject"), [e for e in own if e not in specific_own])):
        # "which pi3k pathway drugs are combined with anti-her2?" → "what about the akt one - what's it paired with?",
        # "what about axl - is blocking it in trials?" after FGFR4: it is the one the turn picks out by its mark or by a
        # name the turn gives but would not otherwise keep as its subject, not the subject carried on
        at = pronoun.start() - asked.start("question")
        rest = asked.group("question")
        said = one + ("'s" if pronoun.group(0).lower() == "its" else "")
        return f"{rest[:at]}{said}{rest[at + len(pronoun.group(0)):]}", own
    if pronoun and pronoun.group(0).lower() in ("they", "them") and not specific_own and carried and \
            (asked := WHAT_ABOUT_THEN_ASKED_RE.match(question)) and pronoun.start() >= asked.start("question") and \
            ADMITTED_RE.search(asked.group("question")):
        # "pfs in the tucatinib pivotal trial?" → "what about brain mets, were they let in?": they are the patients
        # with what the turn names, in the trial carried on — not the drug
        at = pronoun.start() - asked.start("question")
        rest = asked.group("question")
        reading = f"{rest[:at]}patients with {asked.group('subject').strip()}{rest[at + len(pronoun.group(0)):]}"
        reading = reading.rstrip(" ?")
        if (that_trial := THAT_TRIAL_RE.search(reading)) and (trial := next((e for e in carried
                                                                              if is_trial_name(e, analyzer)), None)):
            # ('… were they in that trial': that trial is the one carried on)
            return f"{reading[:that_trial.start()]}{trial}{reading[that_trial.end():]}?", own + carried
        joint = " " if re.search(r"\b(?:in|into)$", reading) else " in "  # ('… let in' takes the trial after it)
        return f"{reading}{joint}{_with_typed_alias(carried[0], t.conversation)}?", own + carried
    if pronoun and pronoun.group(0).lower() in ("it", "that", "this") and not specific_own and \
            SEVERITY_ASKED_RE.search(question) and (trouble := TROUBLE_WORDS_RE.search(previous.resolved)) and \
            (drug := next((e for e in carried if is_drug_name(e) or e.lower() in BRANDS), None)):
        # "whats the main side effect worry with enhertu" → "is that bad? how often is it deadly": it is that side
        # effect, not the drug
        said = f"the {trouble.group('trouble').lower()} of {drug}"
        return re.sub(r"\b(?:it|that|this)\b(?!\s+(?:one|trial|study|drug))", said, question, flags=re.I), own + [drug]
    if pronoun and pronoun.group(0).lower() in ("it", "its") and specific_own and (term := _term_defined(previous)) \
            and not mentions(question, analyzer.aliases_of(term)) and not is_drug_name(term) \
            and not DRUG_CODE_RE.fullmatch(term) and not is_trial_name(term, analyzer):
        # "what does ORR mean?" → "whats it for enhertu in destiny-breast01": it is the term just defined, asked of
        # the names the turn gives (a drug or trial defined is the conversation's subject, which the turn's own name
        # may be set beside: "and how does zw49 relate to it" after ZW25)
        said = term + ("'s" if pronoun.group(0).lower() == "its" else "")
        if (holder := next((e for e in carried if e not in own and (is_drug_name(e) or e.lower() in BRANDS or
                                                                    is_trial_name(e, analyzer))), None)) \
                and mentions(previous.resolved, analyzer.aliases_of(holder)):
            # "whats the payload on enhertu" → "and how does it differ from kadcyla's": it is enhertu's payload (set
            # against another name's), and enhertu stays the subject the next "it" points to; without that other
            # name's, "and how did it do in TH3RESA?", it is the drug itself
            said = f"{holder}'s {said}" if re.search(r"\b[\w\-]+['’]s\b", question[pronoun.end():]) else holder
            return f"{question[:pronoun.start()]}{said}{question[pronoun.end():]}", [holder, term] + own
        return f"{question[:pronoun.start()]}{said}{question[pronoun.end():]}", own + [term]
    if pronoun and pronoun.group(0).lower() == "they" and LINE_REACHED_RE.match(question, pronoun.end()):
        # "whats the first-line standard?" → "and once they get to 3rd line and beyond?": only patients reach a line
        # of treatment; the line is the question, not the first-line trial the last answer named
        return f"{question[:pronoun.start()]}patients{question[pronoun.end():]}", own
    if pronoun and pronoun.group(0).lower() == "they" and PATIENTS_DOING_RE.match(question, pronoun.end()) and (
            trial := next((e for e in carried if is_trial_name(e, analyzer)), None)):
        # "her2climb - were pts with active brain mets allowed in?" → "and if they progressed in the brain …?": what
        # only patients do (progress, relapse, come off treatment) says they are the trial's patients, not the trial
        reading = f"{question[:pronoun.start()]}patients{question[pronoun.end():]}".rstrip(" ?")
        return f"{reading} in {trial}?", own + [trial]
    if not specific_own and (they := PLURAL_SUBJECT_RE.search(question)) and (
            named := CLASS_WITH_EXAMPLES_RE.search(previous.resolved)):
        # "how do cdk4/6 inhibitors like verzenio or ibrance fit in?" → "whats the biology reason theyd help?": they are
        # the class, not its first example
        word = they.group(0).lower().replace("’", "'")
        said = named.group("cls") + {"their": "'", "theyd": " would", "they'd": " would", "theyre": " are",
                                     "they're": " are"}.get(word, "")
        return f"{question[:they.start()]}{said}{question[they.end():]}", own + carried
    if not specific_own and (NEXT_ASKED_RE.search(question) or AFTER_IT_ASKED_RE.search(question)) and \
            (line := LINE_NAMED_RE.search(previous.resolved)):
        # "whats usually first line for her2+ mbc" → "and when that stops working what's next?", "and after that what
        # do they commonly use": the line after it
        following = {"first": "second", "1st": "second", "second": "third", "2nd": "third"}[line.group(1).lower()]
        return f"what is the standard {following}-line treatment?", own + carried
    if not specific_own and (one := WHICH_OF_TWO_RE.search(question)) and \
            len(pair := _drugs_set_side_by_side(previous, analyzer) or _two_drugs_asked(previous, analyzer)) == 2:
        # "is kadcyla the same as enhertu?" → "which one works better": which of those two
        return f"{question[:one.start()]}which{question[one.end():].rstrip(' ?')}, {pair[0]} or {pair[1]}?", own + pair
    if not specific_own and pronoun and pronoun.group(0).lower() in ("they", "them") and \
            len(pair := _drugs_set_side_by_side(previous, analyzer)) == 2:
        # "is enhertu better than kadcyla?" → "which trial put them head to head?": them are the two drugs compared
        return f"{question[:pronoun.start()]}{pair[0]} and {pair[1]}{question[pronoun.end():]}", own + pair
    return None


def _asked_of_the_last_answer(t: _Reading) -> Read | None:
    """A turn asking of what the last answer gave: its table row or rows, its two names, its list, the endpoint or
    setting asked again, a time after it."""
    question, own, carried, specific_own = t.question, t.own, t.carried, t.specific_own
    previous, conversation, analyzer, those_asked = t.previous, t.conversation, t.analyzer, t.those_asked
    if (one := ONE_OF_A_KIND_RE.search(question)) and (row := _row_picked_out(one.group(0), previous.answer)):
        # "which tdxd trials in table 2 combine it with tucatinib" (three rows) → "primary endpoint of the phase 2
        # one?": the one row whose cell the turn names
        return f"{question[:one.start()]}{row}{question[one.end():]}", [row] + own
    if not specific_own and PAPER_DETAILS_ASKED_RE.search(question) and \
            len(papers := set(PAPER_CITED_RE.findall(previous.answer.answer))) == 1:
        # "which ref is the kate2 biomarker analysis?" → "who's the first author and what journal/year?": the paper the
        # answer cited
        return f"{question.rstrip(' ?')} of reference {papers.pop()}?", own
    # "what phase is it?" after a table answer of several rows: 'it' is any of them, so each is answered
    several_rows = previous.answer.table is not None and len(previous.answer.table.rows) >= 2 \
        and bool(re.search(r"\b(?:it|its)\b", question, re.I)) and bool(TRIAL_PROPERTY_RE.search(question))
    # (a row quoted among sentences is the one meant only when the last turn asked for a trial without naming one:
    # 'any enhertu trials specifically for brain mets?', not 'tukysa HER2CLIMB - what was the control arm')
    quoted_row = bool(re.search(r"\btrials?\b|\bstud(?:y|ies)\b", previous.resolved, re.I)) and not any(
        is_trial_name(e, analyzer) for e in analyzer.entities_in(previous.resolved))
    if not specific_own and not t.pronoun and IDENTIFIERS_LISTED_RE.search(question) and \
            len(numbers := list(dict.fromkeys(NCT_RE.findall(previous.answer.answer)))) >= 2:
        # "any trials combining tukysa with adcs?" → "got the nct numbers?": every trial the answer gave by its number
        named = " and ".join(numbers[:6])
        return f"{question.rstrip(' ?')} ({named})?", own + numbers[:6]
    if not specific_own and not those_asked and (row := _one_row_name(previous.answer, quoted_row)) and (
            TRIAL_PROPERTY_RE.search(question) or COLUMN_ASKED_RE.search(question)):
        # "is it also in the T-DXd trials table?" → one row → "whats the primary endpoint there": that row's
        there = THERE_OR_IT_RE.search(question)
        name = row if there and there.group(0).lower() == "it" else f"in {row}"  # 'what phase is it' / '… there'
        reading = f"{question[:there.start()]}{name}{question[there.end():]}" if there else f"{question.rstrip(' ?')} in {row}?"
        return reading, own + [row]
    if (two := THE_TWO_RE.search(question)) and not specific_own and (
            len(pair := _row_names(previous.answer)) == 2 or len(pair := _last_two_subjects(conversation, analyzer)) == 2):
        # ('which ADCs in table 1 are still only phase I' → 'do those two have anything in common?': its two rows)
        # "whats the payload on enhertu" → "and kadcyla?" → "which of the two has the cleavable linker": those two
        return f"{question[:two.start()]}{pair[1]} and {pair[0]}{question[two.end():]}", own + pair
    if not specific_own and COMPARATOR_ASKED_RE.search(question) and not MEASURE_RE.search(question) and \
            2 <= len(rows := _row_names(previous.answer)) <= 4:
        # "is enhertu being tested first line anywhere?" (two rows) → "what are they comparing it against?": the
        # control arm of each row given
        from .answering.extractive import _join

        return f"{question.rstrip(' ?')} in {_join(rows, 'and')}?", own + rows
    if not specific_own and (they := PLURAL_PRONOUN_RE.search(question)) and not BACK_TO_LIST_RE.search(question) and (
            TRIAL_PROPERTY_RE.search(question) or COLUMN_ASKED_RE.search(question)) and \
            2 <= len(rows := _row_names(previous.answer)) <= 4:
        # "is tucatinib in any of the enhertu combo trials?" (three rows) → "which phase are they in?": each row's
        from .answering.extractive import _join

        name = _join(rows, "and") + ("'" if they.group(0).lower() == "their" else "")
        return f"{question[:they.start()]}{name}{question[they.end():]}", own + rows
    if not own and not t.pronoun and (TRIAL_PROPERTY_RE.search(question) or COLUMN_ASKED_RE.search(question)) and \
            len(re.findall(r"\w+", question)) <= 6 and 2 <= len(rows := _row_names(previous.answer)) <= 4:
        # "tukysa + enhertu together - is anyone studying that?" (three rows) → "what phase and primary endpoint": a
        # trial's property asked of no name is asked of each row given
        from .answering.extractive import _join

        return f"{question.rstrip(' ?')} in {_join(rows, 'and')}?", rows
    if BACK_TO_LIST_RE.search(question) or ((FOR_THOSE_RE.search(question) or PLURAL_PRONOUN_RE.search(question)
                                             or several_rows)
                                            and previous.answer.intent in ("list", "table") and not specific_own):
        # "which of them got to phase III?" after a list: the list's question says what "them" are.
        return f"{question.rstrip(' ?')} ({_asked_topic(previous.resolved)})?", own
    if swapped := _endpoint_swapped(question, previous):
        return swapped, own + carried
    if swapped := _setting_swapped(question, previous):
        return swapped, own + carried
    if carried and (temporal := TEMPORAL_THAT_RE.search(question)):
        # "was tdm1 approved after that?" after an EMILIA question: after EMILIA
        question = f"{question[:temporal.start()]}{temporal.group(1)} {carried[0]}{question[temporal.end():]}"
        return question, own + carried[:1]
    return None


# 'enhertu? and …', 'and nerlynx - when was it …': a name put first as the turn's topic, then its question
TOPIC_FIRST_RE = re.compile(r"^\W*(?:(?:and|so|ok|okay|then|what about|how about)\s+)*(?P<topic>[\w\-+/]+(?:\s+[\w\-+/]+)?)"
                            r"\s*(?:\?+|\s[-–—:]|:|,)\s*", re.I)


def _with_a_subject_of_its_own(t: _Reading) -> Read | None:
    """A turn naming its own subject: combined with the drug carried on, 'what about X - …', asked again of X, added to
    the drug before, 'that' or 'there' for the last subject, the outcome of a drug in the trial just told."""
    from .answering.extractive import DRUG_CODE_RE, is_drug_name

    question, own, carried, specific_own, pronoun = t.question, t.own, t.carried, t.specific_own, t.pronoun
    previous, analyzer = t.previous, t.analyzer
    if len(specific_own) == 1 and pronoun and pronoun.group(0).lower() in ("it", "its") and \
            (topic := TOPIC_FIRST_RE.match(question)) and topic.end() <= pronoun.start() and \
            mentions(topic.group("topic"), analyzer.aliases_of(specific_own[0])):
        # "enhertu? and what approval does it have" after a turn on perjeta and kadcyla: 'it' is the subject this turn
        # puts first as its topic, not a name carried on
        return _named_in_its_place(question, pronoun, specific_own[0]), own
    if specific_own and not pronoun and (combined := COMBINED_WITH_RE.search(question)) and \
            all(mentions(question[combined.end():], analyzer.aliases_of(e)) for e in specific_own) and \
            (drug := next((e for e in carried if is_drug_name(e) or DRUG_CODE_RE.fullmatch(e)), None)):
        # "what's syd985" → "what about combos with parp inhibitors?": what is combined with them is the drug carried on
        return f"{question[:combined.start()]}{drug} {question[combined.start():]}", own + [drug]
    if len(specific_own) == 1 and not pronoun and COMBINATION_ASKED_RE.search(previous.resolved) and \
            (partner := PARTNER_WITH_RE.search(question)) and \
            mentions(partner.group("partner"), analyzer.aliases_of(specific_own[0])) and \
            (drug := next((e for e in carried if is_drug_name(e) and e != specific_own[0]), None)):
        # "can tukysa be given with an adc" → "is there a trial w enhertu specifically": with enhertu is the partner
        # of the drug carried on, whose combination was asked
        return f"{question[:partner.start('with')]} of {drug}{question[partner.start('with'):]}", own + [drug]
    if len(specific_own) == 1 and not pronoun and (after := ONLY_AFTER_RE.match(question)) and \
            (NEXT_ASKED_RE.search(previous.question) or AFTER_FAILURE_ASKED_RE.search(previous.resolved)):
        # "she progressed on perjeta/herceptin/docetaxel, what next" → "and after kadcyla?": what comes next is asked
        # again, after the treatment this turn names
        return f"what comes after {after.group('treatment')}?", own
    if specific_own and (asked := WHAT_ABOUT_THEN_ASKED_RE.match(question)) and not pronoun:
        # "what about everolimus specifically, what did the trials show?": a question of its own about the name
        if mentions(asked.group("question"), [asked.group("subject")]):
            return asked.group("question"), own  # ('what about MET - what is the clinical impact of MET aberrations?')
        return f"{asked.group('question').rstrip(' ?')} with {asked.group('subject')}?", own
    if specific_own and (SAME_AGAIN_RE.search(question) or ONLY_A_NAME_RE.match(question)) and not pronoun:
        return _asked_again_about(specific_own[0], previous, analyzer) or question, own
    if (len(specific_own) == 1 and not pronoun and carried and ADDED_RE.search(question)
            and carried[0] not in analyzer.aliases_of(specific_own[0])):
        # "what happened when herceptin was added?" after a lapatinib question: added to lapatinib
        return f"{question.rstrip(' ?')} (added to {carried[0]})?", own + carried[:1]
    if specific_own and carried and (against := COMPARED_THAT_RE.search(question)) and not any(
            mentions(question[:against.end()], analyzer.aliases_of(e)) for e in specific_own) and \
            not any(mentions(carried[0], analyzer.aliases_of(e)) for e in specific_own):
        # "what is t-dxd made of" → "and how is that different from kadcyla": that is T-DXd, kadcyla its comparator
        # (a later 'it' is still T-DXd)
        that = against.span("that")
        return f"{question[:that[0]]}{carried[0]}{question[that[1]:]}", [carried[0]] + own
    if specific_own and (that := OBJECT_THAT_RE.search(question) or SUBJECT_THAT_RE.search(question)) and (
            last := carried[0] if carried else _short_topic(previous.resolved)):
        # "does enhertu even work for that??" after "what is HER2-low": that is the last turn's subject (or topic)
        return f"{question[:that.start(1)]}{last}{question[that.end(1):]}", own + carried[:1]
    if specific_own and not pronoun and (there := PLACE_THERE_RE.search(question)) and _locative_there(question) and (
            trial := next((e for e in carried if is_trial_name(e, analyzer)), None)):
        # "what was the KATHERINE trial" → "how did kadcyla do compared to herceptin there?": the drugs are the turn's
        # own, the place they met is the trial before
        return f"{question[:there.start()]} in {trial}{question[there.end():]}", own + [trial]
    if specific_own and not pronoun and carried and _locative_there(question) and \
            (there := MID_THERE_RE.search(question)) and POPULATION_NAME_RE.search(carried[0]) \
            and not any(is_drug_name(e) for e in carried):
        # "what's the deal with HER2-low?" → "which trial tested enhertu there …?": there is that population
        return f"{question[:there.start()]} in {carried[0]}{question[there.end():]}", own + carried[:1]
    if specific_own and not pronoun and carried and is_trial_name(carried[0], analyzer) and \
            (asked_endpoints(question) or OUTCOME_ASKED_RE.search(question)) and \
            all(is_drug_name(e) and mentions(previous.answer.answer, analyzer.aliases_of(e)) for e in specific_own) and \
            not any(is_trial_name(e, analyzer) for e in own):
        # "whats destiny-breast04 about?" → "so did enhertu actually help people live longer?": the outcome of the drug
        # the trial just told gave, in that trial
        return f"{question.rstrip(' ?')} in {carried[0]}?", own + carried[:1]
    if specific_own and not pronoun:
        return _with_topic(question, previous, analyzer), own
    return None


def _the_trial_the_answer_gave(t: _Reading) -> Read | None:
    """"which trial got nerlynx approved in metastatic disease?" → "what about its orr in that one": that one is the
    trial the answer gave (NALA), and 'it' stays the drug asked of before."""
    from .answering.extractive import is_drug_name

    question, previous = t.question, t.previous
    if t.specific_own or not (one := THAT_ONE_OR_TRIAL_RE.search(question)) or not WHICH_TRIAL_RE.search(previous.resolved) or \
            not (trial := _trial_behind_last_answer(previous, t.analyzer)):
        return None
    question = f"{question[:one.start()]}{trial}{question[one.end():]}"
    drug = next((e for e in t.carried if is_drug_name(e) and not is_trial_name(e, t.analyzer)), None)
    if drug and (pronoun := PRONOUN_RE.search(question)) and re.fullmatch(r"it|its", pronoun.group(0), re.I):
        question = _named_in_its_place(question, pronoun, drug)
    return question, t.own + [trial] + t.carried


def _pointing_at_what_was_said(t: _Reading) -> Read | None:
    """A turn pointing at what the last answer said or named: the trial behind it, the drug of the kind asked, the
    trials it gave by number, the marker it told, the trouble it told ("is anyone fixing it?" — the turn is told
    again with 'that' when nothing else answers it)."""
    from .answering.extractive import is_drug_name

    question, own, carried, specific_own, pronoun = t.question, t.own, t.carried, t.specific_own, t.pronoun
    previous, conversation, analyzer, those_asked = t.previous, t.conversation, t.analyzer, t.those_asked
    if WHICH_TRIAL_WAS_IT_RE.search(question) and (trial := _trial_behind_last_answer(previous, analyzer, question)):
        # 'which trial was that?': what the trial the last answer came from was, told where it is described
        return WHICH_TRIAL_WAS_IT_RE.sub(f"what was {trial}", question, count=1), own + [trial] + carried
    if not specific_own and (one := THAT_ONE_RE.search(question)) and (kind := KIND_ASKED_RE.search(previous.resolved)) \
            and (drug := _drug_of_kind_in_last_answer(previous, kind.group("kind"), analyzer)):
        # "is there an AKT inhibitor being combined with perjeta + herceptin?" → "code name and NCT for that one?":
        # the drug of that kind the answer named
        return f"{question[:one.start()]}{drug}{question[one.end():]}", own + [drug] + carried
    if not specific_own and those_asked and (pointer := THOSE_TRIALS_RE.search(question)) and \
            (numbers := list(dict.fromkeys(NCT_RE.findall(previous.answer.answer)))):
        # "tukysa + adc combos, any trials?" → "whats the NCT numbers for those?": the trials the answer gave by their
        # identifiers
        named, group = " and ".join(numbers[:6]), 1 if pointer.group(1) else 2
        return f"{question[:pointer.start(group)]}{named}{question[pointer.end(group):]}", own + numbers[:6]
    if not specific_own and pronoun and re.fullmatch(r"it|its", pronoun.group(0), re.I) and \
            (kind := ONE_OF_KIND_ASKED_RE.match(previous.resolved) or NEXT_OF_KIND_ASKED_RE.search(previous.resolved)) and \
            (drug := _drug_of_kind_in_last_answer(previous, kind.group("kind"), analyzer)):
        # "which her2 tki is irreversible?" → "which receptors does it hit?": it is the one drug the answer named
        return _named_in_its_place(question, pronoun, drug), own + [drug]
    if (acted_on := ACTED_ON_THAT_RE.search(question)) and not specific_own and (
            marker := carried[0] if carried else _marker_asked(previous, analyzer)) and not is_drug_name(marker):
        # "what does the review say about cyclin d1?" → "can you block that? any data?": what is blocked or targeted is
        # the marker or pathway told, not the words of the answer
        word = 1 if acted_on.group(1) else "subject"
        return f"{question[:acted_on.start(word)]}{marker}{question[acted_on.end(word):]}", own + (carried or [marker])
    if (remedy := REMEDY_OF_IT_RE.search(question)) and carried and not specific_own and previous.answer.points and \
            is_drug_name(carried[0]):
        # "is anyone working on fixing it?" after nerlynx's GI side effects: a drug is not fixed, the trouble told is
        question = f"{question[:remedy.start(1)]}that{question[remedy.end(1):]}"
        pronoun = PRONOUN_RE.search(question)
        trouble = next((p.text for p in previous.answer.points if TROUBLE_SAID_RE.search(p.text)), "")
        if said := _said_topic(previous, analyzer, point=trouble):
            return f"{question.rstrip(' ?')} ({said})?", own + carried
    if (follow_on := FOLLOW_ON_TRIAL_RE.search(question)) and not specific_own and \
            (trial := next((e for e in carried if is_trial_name(e, analyzer)), "")) and \
            (that := re.search(r"\b(?:that|this)\b(?=\W*$)", question[follow_on.end():], re.I)):
        # "patricia trial - who benefited?" → "is there a follow up trial going on for that?": the trial's successor
        at = follow_on.end()
        return f"{question[:at + that.start()]}{trial}{question[at + that.end():]}", own + carried
    if (demonstrative := DEMONSTRATIVE_OBJECT_RE.search(question) or THAT_INFO_RE.search(question)) and \
            not TOPIC_NAMED_BEFORE_RE.search(question[:demonstrative.start()]):
        # "is any trial trying to fix that?": "that" is what the last answer said, not a name.
        that = re.search(r"\b(?:that|this)\b", demonstrative.group(0), re.I)
        if not specific_own and that and previous.answer.intent != "compare" and \
                GIVEN_TOGETHER_RE.search(previous.resolved) and (pair := _two_drugs_asked(previous, analyzer)):
            # "can tukysa go with enhertu" → "which trial is looking at that?": that is the two drugs given together the
            # last question asked of, not the words of the row that answered it
            at = demonstrative.start() + that.start()
            together = f"{pair[0]} plus {pair[1]}"
            return f"{question[:at]}{together}{question[at + len(that.group(0)):]}", own + pair
        if THAT_INFO_RE.fullmatch(demonstrative.group(0)):
            said = carried[0] if carried else _asked_topic_words(previous.resolved)
        elif THAT_ASKED_RE.search(question):
            # "what was kadcyla first approved for" → "what year was that", "cyclin d1 and resistance?" → "how does
            # that work mechanistically": when or how 'that' happened asks of what the last question asked, not of
            # the rarest words its answer said
            said = _asked_topic_words(previous.resolved)
            if carried and not mentions(said, analyzer.aliases_of(carried[0])):
                # ('cyclin d1 and resistance?': the subject by its name, whose short words the topic words leave out)
                said = " ".join([carried[0]] + [w for w in said.split() if w.lower() not in carried[0].lower()])
        else:
            said = _said_topic(previous, analyzer)
        if said:
            if pronoun and carried and pronoun.group(0).lower() in ("it", "its"):
                # "when did FDA approve it for that?": 'it' is still the subject carried on, 'that' what was said
                question = _named_in_its_place(question, pronoun, _with_typed_alias(carried[0], conversation))
            return f"{question.rstrip(' ?')} ({said})?", own + carried
    t.question, t.pronoun = question, pronoun
    return None


def _with_the_subject_carried_on(t: _Reading) -> Read:
    """A turn standing alone, or one whose pronoun or ellipsis borrows the subject carried on (the trial the last
    answer found first), with the last topic when the turn asks little of its own."""
    from .answering.extractive import is_drug_name

    question, own, carried, specific_own, pronoun = t.question, t.own, t.carried, t.specific_own, t.pronoun
    previous, conversation, analyzer = t.previous, t.conversation, t.analyzer
    from .answering.coverage import asked_endpoints

    # "that trial with kadcyla and the immunotherapy, …": a trial told by what it gave is named by the turn itself
    # ('what's its orr in her2-low tumors?' after SYD985: a question of 'its', not a definition of HER2-low; nor
    # 'whats the orr in her2-low' after its trials: an endpoint asked in a population names no subject of its own)
    defined = DEFINITION_OPENING_RE.search(question) and not re.match(
        r"^\s*(?:what(?:'s|’s| is| are| was| were)|whats)\s+(?:its|their|it|they)\b", question, re.I) and not (
        carried and not specific_own and asked_endpoints(question))
    stands_alone = (defined or DESCRIBED_TRIAL_RE.search(question)) and own
    if stands_alone or not is_follow_up(question, specific_own):
        return question, own
    # a turn bringing a topic of its own, pointing at nothing before it ("and what counts as ihc 3+?")
    topic_of_its_own = bool(_topic_of(question)) and not pronoun and not NARROWING_RE.search(question) and not re.search(
        r"\b(?:it|its|they|them|those|these)\b", question, re.I) and not _locative_there(question)
    if carried and topic_of_its_own and not analyzer.names_known(previous.resolved):
        # "does the review say anything about pts who've been through lots of lines?" → "what's the standard of care in
        # 3rd line then?": names the last answer gave are not what a question of its own, after a question naming
        # none, is about
        return question, own
    if not carried and not specific_own and pronoun and TRIAL_ASKED_RE.search(previous.resolved) and \
            (trial := _trial_behind_last_answer(previous, analyzer)):
        # "liquid biopsy for anti-her2 resistance - any trial" → "how did it pick the treatment": it is the trial the
        # answer found (PLASMA-MATCH), not the topic asked before
        carried = [trial]
    if not carried:
        # The last turn was about a topic, not a drug or trial ("what is src" → "any drugs against it?"):
        # its words stand in for the subject — unless the turn brings a topic of its own ("and what
        # counts as ihc 3+?").
        if topic_of_its_own:
            return question, own
        # ('my mother has her2+ mets and … — does it work with her2 drugs?': who asks is no topic)
        asked_before = PERSONAL_CONTEXT_RE.match(previous.resolved.strip())
        topic = _asked_topic_words(asked_before.group("question") if asked_before else previous.resolved)
        return (f"{question.rstrip(' ?.')} ({topic})?" if topic else question), own
    if not specific_own and TRIAL_ASKED_RE.search(previous.resolved) and \
            (trial := _trial_behind_last_answer(previous, analyzer)) and trial not in carried:
        # "was there a trial comparing the two head to head?" → "ok what were the results": the trial it found
        carried = [trial] + carried
    elif not specific_own and WHICH_TRIAL_RE.search(previous.resolved) and (
            WHOLE_RESULTS_RE.match(question) or ASKED_OF_A_TRIAL_RE.search(question)) and \
            (trial := _trial_it_was_in(carried, previous, analyzer)):
        # "kadcyla's approval for adjuvant use - which trial was that based on?" → "ok and what were the results?":
        # the results of the trial it named, before the drug asked about
        carried = [trial] + [e for e in carried if e != trial]
    elif not specific_own and WHICH_TRIAL_RE.search(previous.resolved) and asked_endpoints(question) and \
            (trial := _trial_behind_last_answer(previous, analyzer)):
        # "neratinib - which trial in mbc" → "orr and duration of response?": the figures of the trial whose point
        # answered (NALA's, not the adjuvant EXTENET quoted before it)
        carried = [trial] + [e for e in carried if e != trial]
    if TELL_ME_MORE_RE.search(question):
        return f"Tell me about {carried[0]}", own + carried  # 'tell me more' after a KATE2 question
    if pronoun and len(specific_own) == 1 and pronoun.group(0).lower() in ("it", "its") and (
            _subject_of_clause_before(question[:pronoun.start()], analyzer.aliases_of(specific_own[0]))
            # "and that tsc2 thing they mention - what got around it?": the topic told before the dash
            or ((dash := re.search(r"\s[-–—]\s|:\s", question[:pronoun.start()]))
                and mentions(question[:dash.start()], analyzer.aliases_of(specific_own[0])))
            # ('and nerlynx, where does it fit in the adjuvant setting?': the name alone before a comma — not "and
            # kadcyla's payload, how is it different?", where 'it' is what the name's words tell)
            or ((comma := re.search(r",\s", question[:pronoun.start()])) and NAME_ALONE_RE.fullmatch(question[:comma.start()])
                and mentions(question[:comma.start()], analyzer.aliases_of(specific_own[0])))):
        # "ok, and if kadcyla stops working too, is there anything after it?": 'it' is the name the turn gave before it
        return _named_in_its_place(question, pronoun, specific_own[0]), own
    referent = _referent(question, carried, analyzer, previous)
    if pronoun and pronoun.group(0).lower() in ("it", "that", "this") and WHICH_TRIAL_RE.search(question) and \
            _trials_named(referent, analyzer) == [referent] and not _trials_named(previous.resolved, analyzer) \
            and (topic := _asked_topic_words(previous.resolved)):
        # "what's the first line gold standard?" → "which trial set it?": the trial is what is asked, so 'it' is the
        # thing asked before (a trial the answer named is the answer, not the pronoun's referent)
        return f"{question[:pronoun.start()]}the {topic}{question[pronoun.end():]}", own
    subject = _with_typed_alias(referent, conversation)
    if pronoun and (that_trial := THAT_TRIAL_RE.search(question)) and is_trial_name(referent, analyzer) and \
            (drug := next((e for e in carried if e != referent and not is_trial_name(e, analyzer)), "")):
        # "what benefit did it show in that trial" after KATHERINE was named: 'that trial' is KATHERINE, so 'it' is
        # the drug the conversation is about (kadcyla), not the trial again
        reading = f"{question[:that_trial.start()]}{subject}{question[that_trial.end():]}"
        reading = PRONOUN_RE.sub(lambda m: f"{drug}’s" if m.group(0).lower() in ("its", "their") else drug, reading, count=1)
        return reading, own + [referent, drug] + [e for e in carried if e not in (referent, drug)]
    if referent not in carried and THAT_TRIAL_RE.search(question):
        # 'that trial' found in the last answer (KATHERINE for 'has kadcyla been used after surgery?') is
        # where the last topic was answered: it stands for the topic as well
        return THAT_TRIAL_RE.sub(subject, question, count=1), own + [referent] + carried
    if referent not in carried:
        carried = [referent] + carried  # (the trial of the last answer's point, which the conversation never named)
    if pronoun:
        def name(match: re.Match) -> str:
            word = match.group(0).lower()
            if re.fullmatch(r"(?:that|this) (?:trial|study)", word) and not is_trial_name(referent, analyzer) \
                    and re.search(r"\b(?:in|into|from|of)\s+$", match.string[:match.start()], re.I):
                # "what was the benefit in that trial?" after an answer quoting KATHERINE's results: that trial;
                # 'the people in that study' after a drug, with no trial behind the answer: its trial
                return _trial_behind_last_answer(previous, analyzer) or f"the {subject} {word.split()[1]}"
            if re.fullmatch(r"the (?:trial|study)", word) and not is_trial_name(referent, analyzer):
                # "what about tukysa, were brain met pts even allowed in the trial?": the drug's trial, not the drug
                # (the drug the turn names, when the one carried is another: tukysa after a list led by lapatinib)
                owner = specific_own[0] if len(specific_own) == 1 and is_drug_name(specific_own[0]) and not mentions(
                    subject, analyzer.aliases_of(specific_own[0])) else subject
                return f"the {owner} {word.split()[1]}"
            if word == "they" and is_drug_name(referent) and PLURAL_TOPIC_RE.search(previous.resolved) and \
                    (topic := _last_topic(question, previous, analyzer)):
                # "does it have side effects?" → "are they usually serious?": they are the side effects, not the drug
                return f"the {topic} of {subject}"
            return f"{subject}’s" if word in ("its", "their") else subject
        reading = PRONOUN_RE.sub(name, question, count=1)
        if (that_trial := THAT_TRIAL_RE.search(reading)) and not is_trial_name(referent, analyzer) and \
                (trial := _trial_behind_last_answer(previous, analyzer)):
            # "did it help everyone in that trial?" after an answer on PATRICIA: 'it' is the drug, 'that trial' PATRICIA
            reading = f"{reading[:that_trial.start()]}{trial}{reading[that_trial.end():]}"
        if is_drug_name(referent) and ASKED_OF_A_TRIAL_RE.search(question) and (
                trial := _trial_it_was_in(carried, previous, analyzer)) and trial.lower() not in reading.lower():
            # "… what trial supports that?" → "how much did it help vs herceptin?": the drug, in that trial
            return f"{reading.rstrip(' ?')} in {trial}?", own + [trial] + [e for e in carried if e != trial]
        if is_trial_name(referent, analyzer) and WHICH_TRIAL_RE.search(previous.resolved):
            return reading, own + carried  # ('how many cycles was it?' after 'what trial supports that?': the trial found)
        if len(_topic_of(question)) <= 1 and not asked_endpoints(question):
            # (an endpoint asked of it, 'what were the OS numbers in it?', is the turn's own topic)
            # "ild risk with enhertu?" → "was it ever fatal?": the pronoun may stand for the last topic
            # (ILD, brain mets, the patients) as much as for its subject, so the topic comes along.
            reading = _with_topic(reading, previous, analyzer, narrowing=True)
        # "did it work for people who already had kadcyla before?": the name of the treatment history tells who was
        # treated; 'it' stays the subject a later turn carries on
        told_only = [e for e in own if e not in specific_own]
        # "was it tested against tykerb + xeloda?": what 'it' was set against is no new subject — a later 'it'
        # is still the drug carried on
        against = _set_against(question[pronoun.end():], [e for e in own if e in specific_own], analyzer)
        return reading, [e for e in own if e in specific_own and e not in against] + carried + against + told_only
    if (ones := THE_ONES_RE.search(question)) and AUXILIARY_WORD_RE.search(question) and \
            (topic := _last_topic(question, previous, analyzer)) and re.search(r"[a-z]s$", topic, re.I):
        # "tukysa side effects?" → "were the severe ones common": the ones are the plural the last turn asked of (a
        # question of them; 'and the her2-positive ones specifically?' asks the last question again of them)
        question = f"{question[:ones.start('ones')]}{topic}{question[ones.end('ones'):]}"
    stem = question.rstrip(" ?.")
    if ELSE_ASKED_RE.search(question):
        if SET_ASIDE_RE.search(question):
            # "what side effects should i look out for" → "anything else serious apart from the lung thing": others of
            # the topic asked before, besides the one the turn sets aside itself, in the same subject
            return _with_topic(f"{stem} in {subject}?", previous, analyzer, narrowing=True), own + carried
        if not OTHER_OF_A_TOPIC_RE.search(question):
            # "did enhertu help in her2-low?" → "is anything else being tested in her2-low?": else is besides enhertu
            return f"{stem} besides {subject}?", own + carried
    if WHICH_TRIAL_RE.search(question) and is_trial_name(referent, analyzer) and len(content_words(question)) >= 4:
        # "liquid biopsy for her2 resistance" → "which trial used ngs on plasma to pick targeted tx?": the trial is
        # what the turn asks, told by its own words — not the trial the last answer named, put in as where to look
        return question, own + carried
    reading = f"{stem} in {subject}?"
    if WHOLE_RESULTS_RE.match(question) and (is_trial_name(subject, analyzer) or analyzer.names_a_trial(referent)):
        # "what were the numbers" after a trial's answer: all its results, not those of the last topic's words
        return reading, own + carried
    if NARROWING_RE.search(question) or (SAME_AGAIN_RE.search(question) and not MEASURE_RE.search(question)
                                         and not TROUBLE_WORDS_RE.search(question)):
        # "what about adjuvant?" after "when did tdm1 first get fda approval": the same question
        # about the adjuvant setting (an endpoint asked instead, "what about os?", replaces the last one, as a
        # trouble does: "what about toxicity in that arm" after a PFS asks the arm's toxicity, not its PFS)
        return _with_topic(reading, previous, analyzer, narrowing=True), own + carried
    return _with_topic(reading, previous, analyzer), own + carried


# 'vs what?', 'compared to what', 'against what?' opening a follow-up: its subject's comparator
# ('comparator?', 'and the control arm?': the same asked as a noun, the turn's whole question)
COMPARATOR_ELLIPSIS_RE = re.compile(r"^\W*(?:(?:and|so|ok|okay)\W+)?(?:(?:vs\.?|versus|compared (?:to|with)|against)\s+what\b|"
                                    r"(?:the\s+|its\s+|what\s+was\s+the\s+)?(?:comparators?|control arms?|comparison arms?)"
                                    r"(?=\W*$))", re.I)
# "and nerlynx", "ok so tukysa": a name alone, after at most a word or two of chat
NAME_ALONE_RE = re.compile(r"\W*(?:(?:and|so|ok|okay|but|then|what about|how about)\s+){0,2}[\w\-]+\W*", re.I)
# When or how 'that' came about: 'what year was that', 'when was that', 'how does that work'
THAT_ASKED_RE = re.compile(r"^\W*(?:(?:and|so|ok|okay)\W+)?(?:what year|which year|when)\s+(?:was|did|is)\s+"
                           r"(?:that|this)\b|^\W*(?:(?:and|so|ok|okay)\W+)?how\s+(?:does|did|do|would)\s+(?:that|this)\s+"
                           r"work\b", re.I)
# A verb asking something of what a turn names ('were the severe ones common'), not the name alone again
AUXILIARY_WORD_RE = re.compile(r"\b(?:were|was|are|is|do|does|did|can|could|have|has|had|will|would)\b", re.I)
# 'the severe ones', 'the oral ones': members of a plural asked before, told by a word
THE_ONES_RE = re.compile(r"\bthe\s+(?:[\w\-]+\s+){1,2}?(?P<ones>ones)\b", re.I)
# 'apart from the lung thing': what a turn sets aside itself
SET_ASIDE_RE = re.compile(r"\b(?:besides|apart from|aside from|other than|except(?: for)?|excluding)\s", re.I)
# 'anything else', 'what else', 'any other': others than the subject carried on are asked for
ELSE_ASKED_RE = re.compile(r"\b(?:anything|something|what|who|which|anyone|any)\s+else\b|\b(?:any|which|what) other\b", re.I)
# 'what other grade 3 stuff?' after the lung toxicity of a trial: others of the topic, in the same subject — not other
# trials or drugs than the subject
OTHER_OF_A_TOPIC_RE = re.compile(r"\bother\s+(?!(?:trials?|stud(?:y|ies)|drugs?|options?|treatments?|therap(?:y|ies)|"
                                 r"agents?|adcs?|tkis?|inhibitors?|ones?|approaches|combos?|combinations?)\b)"
                                 r"(?:grade|side|adverse|toxicit|effects?|aes?\b|problems?|issues?)", re.I)
# "does having one change …?": 'one' is a thing of the kind the last turn asked about, when it asked 'what is a …'
HAVING_ONE_RE = re.compile(r"\b(?:having|have|has|had|with|get|gets|got|carry|carrying|carries)\s+(one)\b(?!\s+(?:of|more|less|or)\b)",
                           re.I)
A_KIND_ASKED_RE = re.compile(r"^\W*(?:(?:ok|so|and)\W+)?(?:what(?:[’']s| is|s)|define)\s+an?\s+(?P<kind>[\w\-/ ]{2,40}?)\s*\??$",
                             re.I)
# "that pathway", "the same receptor": a thing pointed at by the kind of thing it is
THAT_NOUN_RE = re.compile(r"\b(?:that|this|the same)\s+(?P<noun>pathway|receptor|mutation|gene|protein|marker|biomarker|kinase)\b",
                          re.I)


def _named_with_that_noun(question: str, conversation: Conversation, analyzer: QueryAnalyzer) -> tuple[str, str] | None:
    """'… drugs hitting that pathway' after "does the review talk about the PI3K pathway in resistance?": the
    latest turn that named something with that noun ("PI3K pathway") says which; the reading names it."""
    pointer = THAT_NOUN_RE.search(question)
    if pointer is None:
        return None
    noun = pointer.group("noun").lower()
    # ("why is everolimus in a her2 review?" → "any other drugs in that pathway?": the pathway its answer named)
    told = [text for turn in reversed(conversation.turns) for text in (turn.question, turn.resolved)]
    for text in told + [conversation.turns[-1].answer.answer]:
        for name in analyzer.entities_in(text):
            if analyzer.known(name) and re.search(rf"{re.escape(name)}\W+(?:[\w/\-]+\s+)?{noun}\b", text, re.I):
                return f"{question[:pointer.start()]}the {name} {noun}{question[pointer.end():]}", name
    # … or the one the section it was answered from is titled by ("2.1. PI3K/AKT/mTOR Pathway")
    for citation in conversation.turns[-1].answer.citations:
        titled = re.fullmatch(rf"(?:the\s+)?(?P<name>.+?)\s+{noun}s?", citation.section_title.strip(), re.I)
        if titled and analyzer.known(name := titled.group("name")):
            return f"{question[:pointer.start()]}the {name} {noun}{question[pointer.end():]}", name
    return None


# What a trial's experimental arm is set against: its control arm
COMPARATOR_ASKED_RE = re.compile(r"\bcompar\w*\s+(?:[\w\-]+\s+)?(?:against|to|with)\W*$|"
                                 r"\bagainst what\b|\b(?:vs\.?|versus) what\b|\bcomparators?\b|\bcontrol arms?\b", re.I)


def _row_names(answer: Answer) -> list[str]:
    """The name cell of each table row an answer gave ('ACE-Breast 03'); [] for an answer without a table."""
    table = answer.table
    if table is None:
        return []
    names = []
    for row in table.rows:
        cells = dict(zip(table.columns, row))
        name = next((cells[c].strip() for c in ROW_NAME_COLUMNS if cells.get(c, "").strip()), "")
        if ";" in name and (number := re.match(r"\s*(NCT\d{8})\b", cells.get("NCT Identifier", ""))):
            name = number.group(1)  # ('Trial Name: T-DXd; DS-8201a' names the drug twice, not the trial: its number does)
        names.append(name)
    return names if all(names) else []


def _row_picked_out(mark: str, answer: Answer) -> str:
    """The name of the one row, among two or more the answer gave, that 'the phase 2 one' or 'the durvalumab one'
    picks out by a cell ('' when none or several fit): a phase is that phase alone before a combined one (phase 2 is
    'II' before 'I/II'); other words are found in the row's cells."""
    from .answering.tables import ROMAN, phases_of

    table, names = answer.table, _row_names(answer)
    if table is None or len(names) < 2:
        return ""
    words = re.sub(r"^(?:the|that|this)\s+|\s+ones?$", "", mark.strip(), flags=re.I)
    cells = [dict(zip(table.columns, row)) for row in table.rows]
    if phase := re.fullmatch(r"(?:phase|ph)\s*([1-4]|iv|i{1,3})", words, re.I):
        wanted = ROMAN[phase.group(1).lower()]
        phases = [phases_of(next((v for c, v in row.items() if "phase" in c.lower()), "")) for row in cells]
        picked = [n for n, have in zip(names, phases) if have == {wanted}] or \
                 [n for n, have in zip(names, phases) if wanted in have]
    else:
        picked = [n for n, row in zip(names, cells)
                  if all(any(re.search(rf"\b{re.escape(w)}", v, re.I) for v in row.values()) for w in words.split())]
    return picked[0] if len(picked) == 1 else ""


def _one_row_name(answer: Answer, quoted_too: bool = False) -> str:
    """The name cell of the one table row an answer gave, '' for any other answer — or, with ``quoted_too``, of the one
    row quoted among sentences (its registry number when its name cell names the drug, 'T-DXd; DS-8201a')."""
    names = _row_names(answer)
    if answer.table is not None or not quoted_too:
        return names[0] if len(names) == 1 else ""
    quoted = [p.text for p in answer.points if ROW_NCT_RE.search(p.text)]
    if len(quoted) != 1:
        return ""
    named = ROW_NAME_CELL_RE.findall(quoted[0])
    return named[0] if named and ";" not in named[0] else ROW_NCT_RE.search(quoted[0]).group(1)


def _named_in_its_place(question: str, pronoun: re.Match, name: str) -> str:
    """The question with the pronoun found replaced by ``name`` ('its' by "name’s")."""
    owned = name + ("’s" if pronoun.group(0).lower() == "its" else "")
    return f"{question[:pronoun.start()]}{owned}{question[pronoun.end():]}"


def _marker_asked(previous: Turn, analyzer: QueryAnalyzer) -> str:
    """The one gene, receptor or pathway the last question named ('… mentions MET. what is that?'), '' if not one."""
    from .retrieval import is_generic

    named = [e for e in analyzer.entities_in(previous.resolved) if analyzer.known(e) and not is_generic(e)]
    return named[0] if len(named) == 1 else ""


def _drugs_set_side_by_side(previous: Turn, analyzer: QueryAnalyzer) -> list[str]:
    """The two drugs the last turn compared ('is enhertu better than kadcyla?'), as typed; [] when it compared none."""
    return _two_drugs_in(previous.question, analyzer) if previous.answer.intent == "compare" else []


def _two_drugs_asked(previous: Turn, analyzer: QueryAnalyzer) -> list[str]:
    """The two drugs the last question set beside each other in any words ('is kadcyla the same as enhertu?'), as
    read; [] unless it named exactly two."""
    return _two_drugs_in(previous.resolved, analyzer)


def _two_drugs_in(text: str, analyzer: QueryAnalyzer) -> list[str]:
    """The drugs ``text`` names, a drug and its other names counted once; [] unless there are exactly two."""
    from .answering.extractive import is_drug_name

    drugs: list[str] = []
    for name in analyzer.entities_in(text):
        if (is_drug_name(name) or name.lower() in BRANDS) and not any(
                set(map(str.lower, analyzer.aliases_of(name))) & set(map(str.lower, analyzer.aliases_of(d))) for d in drugs):
            drugs.append(name)
    return drugs if len(drugs) == 2 else []


def _last_two_subjects(conversation: Conversation, analyzer: QueryAnalyzer) -> list[str]:
    """The subjects of the two most recent turns that each named one (a name and its other names, 'enhertu'
    and 'T-DXd', are one), most recent first."""
    subjects: list[str] = []
    for turn in reversed(conversation.turns):
        if not turn.entities:
            continue
        first = turn.entities[0]
        aliases = {a.lower() for a in analyzer.aliases_of(first)} | {first.lower()}
        if any(e.lower() not in aliases and not (set(map(str.lower, analyzer.aliases_of(e))) & aliases)
               for e in turn.entities[1:]):
            break  # a turn of several names is no one subject
        if first.lower() not in {s.lower() for s in subjects}:
            subjects.append(first)
        if len(subjects) == 2:
            break
    return subjects


def _locative_there(question: str) -> bool:
    """'which drugs help there?': "there" is the last topic — unlike "is there…" or "there are…"."""
    return bool(re.search(r"\bthere\b", question, re.I)) and not re.search(
        r"\b(?:is|are|was|were|be|been|isn't|aren't)\s+there\b|\bthere\s*(?:is|are|was|were|be|been|any|'s|’s)\b",
        question, re.I)


AUTHORS_AS_THEY_RE = re.compile(r"\b(do|does|did|would|will|what|how)\s+they\b(?=\s+(?:think|say|recommend|suggest|conclude|"
                                r"propose|believe|consider|claim|argue|expect|feel|advise|favou?r|prefer)\b)", re.I)
# "they" who mention, describe or cite something are the authors
THEY_TELL_RE = re.compile(r"\bthey\b(?=\s+(?:mention(?:s|ed)?|talk(?:ed)? about|discuss(?:es|ed)?|cite[sd]?|describe[sd]?|"
                          r"br(?:ing|ought) up|write|wrote)\b)", re.I)
FIELD_DOING_RE = re.compile(r"\b(?:what|how)\s+(?:are|were|is)\s+(?:they|people|researchers|doctors|oncologists|investigators)\s+"
                            r"(?:doing|trying|working|planning|testing)(?=\s+(?:about|to|on|for)\b)|"
                            r"\b(?:are|is)\s+(?:they|people|researchers|anyone|anybody)\s+(?:doing|trying)\s+anything(?=\s+(?:about|to)\b)",
                            re.I)
TELL_ME_MORE_RE = re.compile(r"^\W*(?:tell me more|more (?:details|info|on (?:it|that|this))|go on|elaborate|"
                             r"say more|anything else)\W*$", re.IGNORECASE)
# "what is HER2-low?" asks about its own term even in the middle of a conversation.
DEFINITION_OPENING_RE = re.compile(r"^\s*(?:what(?:'s| is| are)|whats|define|meaning of)\b", re.IGNORECASE)
# "and in the metastatic setting?", "and between primary and mets?": a phrase that narrows the last
# question rather than asking a new one.
NARROWING_RE = re.compile(r"^\s*(?:(?:and|but|or|ok|so)\s+)?(?:in|for|with|among|during|after|before|at|between|"
                          r"within|without|versus|vs)\b", re.IGNORECASE)


def _with_typed_alias(subject: str, conversation: Conversation) -> str:
    """'Zanidatamab (ZW25)' when the user typed both names ("what's zanidatamab (zw25)"): the review may
    use only one of them."""
    for turn in reversed(conversation.turns):
        typed = turn.question
        match = re.search(rf"\b{re.escape(subject)}\s*\(([^()]{{2,30}})\)", typed, re.I) or \
            re.search(rf"\b([\w\-]{{2,30}})\s*\(\s*{re.escape(subject)}\s*\)", typed, re.I)
        if match:
            other = next((e for e in turn.entities if e.lower() == match.group(1).strip().lower()), "")
            return f"{subject} ({other})" if other else subject
    return subject


def _subjects_named(own: list[str], analyzer: QueryAnalyzer) -> list[str]:
    """The turn's own subjects: drugs, trials, brands and codes — not endpoints, markers or
    populations ("PFS", "PD-L1", "HER2-low"), which narrow a question without changing its subject."""
    from .answering.extractive import TRIAL_RE, is_drug_name
    from .retrieval import is_generic

    return [e for e in own if not is_generic(e) and (
                e.lower() in BRANDS or analyzer.paragraph_share(analyzer.aliases_of(e)) <= 0.2)
            and (is_drug_name(e) or TRIAL_RE.fullmatch(e)  # (a T-D code too: 'why would t-dxd help…' names its drug)
                 or (is_trial_name(e, analyzer) and not re.search(r"\d", e))  # 'MonarcHER', not 'PD-L1'
                 or e.lower() in BRANDS
                 or re.search(r"[A-Za-z]{2,}-?\d{2,}|[A-Za-z]{3,}\d", e))]


def _markers_named(own: list[str], analyzer: QueryAnalyzer) -> list[str]:
    """The turn's own markers, receptors and pathways ('CDK4/6', 'TSC2'): rare names that are no endpoint, not
    HER2 itself."""
    from .retrieval import REVIEW_SUBJECT

    # (a class such as 'CDK4/6' counts: 'anti-HER2' is what every turn is about)
    subjects = set(_subjects_named(own, analyzer))  # (drugs, trials, brands and codes are subjects, not markers)
    return [e for e in own if e not in subjects and not ENDPOINT_RE.fullmatch(e) and e.lower() not in REVIEW_SUBJECT
            and not e.lower().startswith("anti") and analyzer.paragraph_share(analyzer.aliases_of(e)) <= 0.4]


def _given_in_carried_trial(name: str, carried: list[str], previous: Turn, analyzer: QueryAnalyzer,
                            question: str) -> bool:
    """'how many pts got T-DXd and how pretreated were they?' after DESTINY-Breast03: a drug's code the last answer
    gave in the trial carried on is that trial's arm, not a new subject of the conversation (a brand or a printed
    name typed, 'what did FDA do with the kadcyla data', is one: the asker chose to name the drug)."""
    return bool(carried) and is_trial_name(carried[0], analyzer) \
        and mentions(previous.answer.answer, analyzer.aliases_of(name)) \
        and (bool(re.match(r"T-D", name)) or bool(SUBGROUP_ASKED_RE.search(question)))


# "and which patients did better on palbo" after PATRICIA: the patients who did better are a subgroup of a trial, so a
# drug the trial gave, named by the asker, still asks within that trial
SUBGROUP_ASKED_RE = re.compile(rf"\b(?:which|what) {PATIENT_GROUP}\b|"
                               r"\bwho (?:did|does|do|fared|responded|benefit\w*)\b", re.I)


def _asked_again_about(subject: str, previous: Turn, analyzer: QueryAnalyzer) -> str:
    """'what about NALA?' → the previous question with its subject swapped for NALA ('' if none). When the
    question before named a drug and a trial ('in EMILIA what was kadcyla compared against'), a trial takes the
    trial's place and keeps the drug ('what about in TH3RESA?')."""
    swapped = previous.question
    olds = list(previous.entities)
    same_kind = [old for old in olds if is_trial_name(old, analyzer) == is_trial_name(subject, analyzer)]
    if len(olds) > 1 and same_kind:
        olds = same_kind[:1]
    for old in olds:
        if old.lower() in swapped.lower():
            swapped = re.sub(re.escape(old), subject, swapped, count=1, flags=re.IGNORECASE)
    return swapped if swapped != previous.question else ""


def is_trial_name(name: str, analyzer: QueryAnalyzer) -> bool:
    """A trial's name as typed or printed: NALA, MonarcHER ('monarcHER'), DESTINY-Breast 09 — not a
    compound's code (ARX788, ZW49) nor a drug printed with one ('ipatasertib GDC-0068')."""
    from .answering.extractive import DRUG_CODE_RE, is_drug_name, trial_names

    if DRUG_CODE_RE.fullmatch(name) or is_drug_name(name):
        return False
    printed = analyzer.printed_names.get(name.lower(), name)
    printed = printed[:1].upper() + printed[1:]  # 'monarcHER' (as typed, or printed mid-sentence) → 'MonarcHER'
    return bool(printed in trial_names(printed) or re.search(r"\d", name))


def _referent(question: str, carried: list[str], analyzer: QueryAnalyzer, previous: Turn | None = None) -> str:
    """Which carried entity a pronoun or an ellipsis stands for.

    "in it", "from that": something one is in is a trial; "that trial" is a trial even when a drug was
    named first; "the drug" is a drug; "it"/"its" after a trial is the trial's drug ("how does it work?"),
    otherwise the last subject."""
    from .answering.extractive import DRUG_CODE_RE, asked_kind, is_drug_name

    subject = carried[0]
    inside = re.search(r"\b(?:in|from|during|within) (?:it|that|this)\b", question, re.I)
    said_trial = THAT_TRIAL_RE.search(question)
    if inside or said_trial or TRIAL_PROPERTY_RE.search(question):
        # ('EGF104900', shaped like a compound's code, is a trial when the review calls it one)
        carried_trial = next((e for e in carried if is_trial_name(e, analyzer) or (
            DRUG_CODE_RE.fullmatch(e) and not is_drug_name(e) and analyzer.names_a_trial(e))), None)
        if carried_trial is None and said_trial and previous is not None:
            return _trial_of_last_answer(previous, analyzer) or subject
        return carried_trial or subject
    if asked_endpoints(question):
        return _measured_in(question, subject, carried, analyzer, previous)
    if re.search(r"\bthe (?:drug|agent|ADC|inhibitor|antibody|compound)\b", question, re.I):
        return next((e for e in carried if is_drug_name(e)), subject)
    # "which trial…?", "any head to head trial?" → it = that trial
    answered_a_trial = previous is not None and (asked_kind(previous.resolved) == "trial"
                                                 or bool(TRIAL_ASKED_RE.search(previous.resolved))
                                                 # ('… what trial supports that?' → 'how many cycles was it?')
                                                 or bool(WHICH_TRIAL_RE.search(previous.resolved)
                                                         and ASKED_OF_A_TRIAL_RE.search(question)))
    if THEY_STUDIED_RE.search(question):
        # ("kate2 - t-dm1 plus atezo, any benefit?" → "which biomarkers did they look at?": who looks, tests and
        # reports is the trial's investigators)
        return next((e for e in carried if is_trial_name(e, analyzer)), subject)
    if re.search(r"\b(?:it|its|they|their)\b", DUMMY_IT_RE.sub(" ", question), re.I) and is_trial_name(subject, analyzer) \
            and not answered_a_trial:
        return next((e for e in carried if is_drug_name(e)), subject)
    return subject


def _measured_in(question: str, subject: str, carried: list[str], analyzer: QueryAnalyzer,
                 previous: Turn | None) -> str:
    """Where an endpoint asked with a pronoun ("and the OS at 6 and 12 mo?") was measured: in a trial the review calls
    one — the trial of the last answer's point that names the drug, else the first trial carried — not in a drug."""
    from .answering.extractive import is_drug_name

    if is_drug_name(subject) and _other_drug_typed(question, subject, analyzer):
        # ('did it beat tykerb on overall survival?' after neratinib: the trial that set the two drugs against
        # each other is found from both, not a trial the drug's answer named for something else)
        return subject
    if WHICH_TRIAL_RE.search(question):
        return subject  # ('which trial and what was the idfs benefit': the trial is asked, of the subject)
    if any(POPULATION_NAME_RE.match(e) for e in analyzer.entities_in(question)):
        # ('whats the orr in her2-low' after the drug's trials: the drug's figure in the patients the turn names, which
        # the review may give of another trial than the one its last answer named first)
        return subject
    # "nerlynx what is it" (EXTENET) → "how did it do against tykerb" (NALA) → "did people live longer on it": the
    # trial of the last answer's point, not the first one the conversation named (after what the drug is, 'whats
    # trastuzumab duocarmazine', a trial its description names is no trial asked of)
    if previous is not None and (is_drug_name(subject) or subject.lower() in BRANDS) and \
            previous.answer.intent not in ("definition", "overview") and \
            (answered := _trial_of_last_answer(previous, analyzer)) and any(
                answered in _trials_named(point.text, analyzer) and mentions(point.text, analyzer.aliases_of(subject))
                for point in previous.answer.points):
        return answered
    # (a drug is none, though the review writes 'trial' near it: 'ild risk with it?' after enhertu set against
    # kadcyla asks enhertu's)
    return next((e for e in carried if analyzer.called_a_trial(e) and not is_drug_name(e)
                 and e.lower() not in BRANDS), subject)


# 'they' doing what a trial's investigators do: "which biomarkers did they look at", "what did they measure"
THEY_STUDIED_RE = re.compile(r"\b(?:did|do|have|had)\s+they\s+(?:\w+ly\s+)?(?:look|test|measur|assess|evaluat|find|report|"
                             r"enrol|recruit|analy[sz]|stud|randomi[sz]|stratif|follow)\w*\b|"
                             r"\bthey\s+(?:looked|tested|measured|assessed|evaluated|found|reported|enrolled|recruited|"
                             r"analy[sz]ed|studied|randomi[sz]ed|stratified)\b", re.I)


def _other_drug_typed(question: str, subject: str, analyzer: QueryAnalyzer) -> bool:
    """Does the turn name a drug besides ``subject`` (by any of its names)?"""
    from .answering.extractive import is_drug_name

    own = {a.lower() for a in analyzer.aliases_of(subject)} | {subject.lower()}
    return any((is_drug_name(name) or name.lower() in BRANDS) and name.lower() not in own
               and not {a.lower() for a in analyzer.aliases_of(name)} & own for name in analyzer.entities_in(question))


def _trial_it_was_in(carried: list[str], previous: Turn, analyzer: QueryAnalyzer) -> str:
    """The trial a drug spoken of as 'it' was tested in: the one the last turn asked for ("what trial supports
    that?"), or the trial the conversation was about before the drug ('' when neither)."""
    # (a trial the conversation already carries is the one its answer found: 'which trial was that based on?' may be
    # answered by a passage naming an older trial first)
    if WHICH_TRIAL_RE.search(previous.resolved) and (
            trial := next((e for e in carried if is_trial_name(e, analyzer)), "") or _trial_behind_last_answer(previous, analyzer)):
        return trial
    return carried[0] if carried and is_trial_name(carried[0], analyzer) else ""


def _trial_of_last_answer(previous: Turn, analyzer: QueryAnalyzer, now: str = "") -> str:
    """'how big was that trial?' after a drug's answer that names several trials: the trial of the point that
    answered the last question ('has kadcyla been used after surgery?' → the adjuvant point, KATHERINE).
    A trial named only in an opening 'After …,' clause sets the scene for another ("After the … activity observed
    in the DESTINY-Breast01 trial, it was necessary to perform a head-to-head trial…"): it is the one meant only
    when the answer names no other."""
    from .answering.extractive import is_drug_name

    asked = _stems(previous.resolved) | _stems(" ".join(synonym_meanings(previous.resolved)))
    # ('… which trial in mbc' → the point of the metastatic setting; 'and the adjuvant approval - what trial was that?'
    # names its own setting, which the point must be of)
    setting_asked = now if EARLY_SETTING_RE.search(now) or SPREAD_SETTING_RE.search(now) else previous.resolved
    # ('is kadcyla any use after 2+ prior her2 lines?' → 'which trial was that': the trial told of kadcyla, TH3RESA,
    # not DESTINY-Breast01, quoted beside it for what came after)
    subjects = [analyzer.aliases_of(e) for e in analyzer.entities_in(previous.resolved) if is_drug_name(e)]
    for scene_too in (False, True):
        best, best_score = "", (0, False, 0, False)
        for told in _told_of_one_trial(previous.answer.points):
            point = told[0]
            trials = _trials_named(point if scene_too else SCENE_SETTING_RE.sub("", point), analyzer)
            if not trials:
                continue
            # ('was there a trial that put it up against kadcyla?' shares no word with its answer: then the trial
            # a point opens with, "The DESTINY-Breast03 trial was the first phase III trial to compare…")
            # (the points going on about it count as its own: "DESTINY-Breast01, a phase II … study …" → "In that
            # study, 60.9% …" → "These results led to the accelerated approval of T-DXd…")
            text = " ".join(told)
            opening = " ".join(point.split()[:4])
            score = (sum(mentions(text, aliases) for aliases in subjects),
                     not _other_setting(setting_asked, text), len(asked & _stems(text)), trials[0] in opening)
            if score > best_score:
                best, best_score = trials[0], score
        if best:
            return best
    return ""


# A point going on about the trial or study the point before it named: "In that study, …", "These results …"
GOES_ON_ABOUT_IT_RE = re.compile(r"(?:(?:In )?(?:that|this|That|This) (?P<noun>study|trial)|"
                                 r"(?:These|Such|Its|The) (?:results|findings|data))\b")


def _told_of_one_trial(points) -> list[list[str]]:
    """The points' texts in runs: a point that goes on about the one before it joins its run — "In that study, …"
    after a point naming a study ("DESTINY-Breast01, a phase II single-group study, …"), "These results …" after one
    giving figures."""
    runs: list[list[str]] = []
    for point in points:
        goes_on = GOES_ON_ABOUT_IT_RE.match(point.text)
        if runs and goes_on and (re.search(rf"\b{goes_on.group('noun')}\b", runs[-1][-1], re.I) if goes_on.group("noun")
                                 else has_figure(runs[-1][-1])):
            runs[-1].append(point.text)
        else:
            runs.append([point.text])
    return runs


# The disease settings a question and a sentence may name: early (around surgery) or spread
EARLY_SETTING_RE = re.compile(r"\b(?:adjuvant|neoadjuvant|early[\s-]stage|early breast|ebc|after surgery|before surgery)\b", re.I)
SPREAD_SETTING_RE = re.compile(r"\b(?:mbc|metastatic|metastasis|advanced|mets?|stage (?:4|iv))\b", re.I)


def _other_setting(asked: str, said: str) -> bool:
    """'which trial in mbc' and a point telling a trial of the adjuvant setting ("…approved … for the adjuvant therapy
    setting based on … the EXTENET trial"): the point is of another setting than the one asked."""
    if SPREAD_SETTING_RE.search(asked) and not EARLY_SETTING_RE.search(asked):
        return bool(EARLY_SETTING_RE.search(said))
    if EARLY_SETTING_RE.search(asked) and not SPREAD_SETTING_RE.search(asked):
        return bool(SPREAD_SETTING_RE.search(said))
    return False


def _trial_behind_last_answer(previous: Turn, analyzer: QueryAnalyzer, now: str = "") -> str:
    """'which trial was that?', 'did it help everyone in that trial?': the trial of the point that answered,
    else the one trial the answer names, else the last trial its passage names before the sentence quoted
    ('The patients received T-DXd (5.4 mg/kg every three weeks)…' follows "A randomized … DESTINY-breast04
    phase III trial was performed…")."""
    if found := _trial_of_last_answer(previous, analyzer, now):
        return found
    named = {t for point in previous.answer.points for t in _trials_named(point.text, analyzer)}
    if len(named) == 1:
        return named.pop()
    for citation in previous.answer.citations[:1]:
        if named := _trials_named(citation.text[: max(citation.text.find(citation.quote), 0)], analyzer):
            return named[-1]
    return ""


def _drug_of_kind_in_last_answer(previous: Turn, kind: str, analyzer: QueryAnalyzer) -> str:
    """The one drug the last answer names in a point that names the kind asked ('an AKT inhibitor': "The selective
    pan-Akt inhibitor ipatasertib (GDC-0068) is being tested in combination with pertuzumab and trastuzumab…"),
    besides those the question named; '' when none or several."""
    from .answering.extractive import DRUG_RE, is_drug_name

    *modifiers, head = kind.lower().split()
    asked = [a.lower() for e in analyzer.entities_in(previous.resolved) for a in analyzer.aliases_of(e)]
    # (a word of a name asked is that drug's: 'trastuzumab' of "trastuzumab emtansine", the kadcyla asked about)
    asked_words = {w for a in asked for w in a.split()}
    found: list[str] = []
    for point in previous.answer.points:
        lowered = point.text.lower()
        if re.search(rf"\b{re.escape(head.rstrip('s'))}", lowered) and all(m in lowered for m in modifiers):
            drugs = [m.group(0) for m in DRUG_RE.finditer(point.text)] or [
                # ("Thereafter, a second ADC, T-DXd, was effective after T-DM1 failure…": a drug named by its code)
                e for e in analyzer.entities_in(point.text) if is_drug_name(e)]
            found += [d for d in drugs if d.lower() not in asked and d.lower() not in asked_words and d not in found]
    return found[0] if len(found) == 1 else ""


def _trials_named(text: str, analyzer: QueryAnalyzer) -> list[str]:
    """The trials ``text`` names, in order: names the review calls a trial, not a status ('HER2-positive')."""
    from .answering.extractive import trial_names

    return [t for t in trial_names(text) if analyzer.names_a_trial(t) and not STATUS_NAME_RE.search(t)]


# An opening 'After …,' clause, which sets the scene for the sentence's own subject
SCENE_SETTING_RE = re.compile(r"^(?:After|Following)\b[^,]{0,120},")
# A plural topic a later "they" can stand for ('side effects', 'adverse events', 'mutations', 'results')
PLURAL_TOPIC_RE = re.compile(r"\b(?:side[\s-]effects|adverse (?:events|effects)|aes|toxicities|mutations|results|symptoms|"
                             r"problems|risks)\b", re.I)
# A turn asking whether there is a drug of a kind ("is there an AKT inhibitor being combined with …?"), and one
# pointing at the drug found ("code name and NCT for that one?")
KIND_ASKED_RE = re.compile(r"\b(?:is|was|are|were) there (?:ever |already |really )?(?:an?|any)\s+(?P<kind>(?:[\w\-/]+\s+){0,2}?"
                           r"(?:inhibitors?|drugs?|agents?|ADCs?|TKIs?|antibod(?:y|ies)|bispecifics?))\b", re.I)
# A turn asking the registry numbers of trials just told ("whats the NCT numbers for those?", "their trial ids?")
IDENTIFIERS_ASKED_RE = re.compile(r"\bNCTs?\b|\b(?:trial|registry|registration|study) (?:numbers?|ids?|identifiers?)\b|"
                                  r"\bidentifiers?\b", re.I)
# registry numbers asked in the plural: 'the nct numbers', 'their ids', 'ncts'
IDENTIFIERS_LISTED_RE = re.compile(r"\b(?:nct|trial|registry|registration|study)\s*(?:numbers|nos|ids|identifiers)\b|\bncts\b|"
                                   r"\bidentifiers\b", re.I)
THOSE_TRIALS_RE = re.compile(r"\b(?:for|of)\s+((?:those|these|them|both|each)(?:\s+(?:trials|studies|ones))?)\b|"
                             r"\b((?:their|they|those|these))\b", re.I)
# A turn asking which one drug of a kind does something ("which her2 tki is irreversible?")
ONE_OF_KIND_ASKED_RE = re.compile(r"^\W*(?:(?:and|so|ok)\s+)?(?:which|what)\s+(?P<kind>(?:[\w\-/]+\s+){0,2}?(?:inhibitor|drug|agent|"
                                  r"ADC|TKI|antibody|bispecific))\s+(?:is|was|has|does|did|can|got|gets|had)\b", re.I)
# A paper's details asked ('first author', 'what journal/year'), and the paper an answer cited ("It cites reference 51: …")
PAPER_DETAILS_ASKED_RE = re.compile(r"\b(?:first |lead |senior |last )?authors?\b|\bjournal\b|\bdoi\b|\bpmid\b|\bpubmed\b|"
                                    r"\b(?:what|which) year\b|\bpublished\b", re.I)
PAPER_CITED_RE = re.compile(r"\bcites? reference (\d+)\b")
# ('pt progressed on kadcyla, what does the review back as the next adc?': the next one of a kind, asked anywhere)
NEXT_OF_KIND_ASKED_RE = re.compile(r"\bnext\s+(?P<kind>ADC|TKI|drug|agent|inhibitor|antibody)\b", re.I)
THAT_ONE_RE = re.compile(r"\b(?:that|this) (?:one|drug|agent|inhibitor)\b", re.I)
# ... or the trial an answer to "which trial …?" gave ("what was the orr in that one?")
THAT_ONE_OR_TRIAL_RE = re.compile(r"\b(?:that|this) (?:one|trial|study)\b", re.I)
# A turn asking which trial something came from ("… which trial was that based on?")
WHICH_TRIAL_RE = re.compile(r"\b(?:which|what) (?:trial|study)\b|"
                            # ('the kadcyla-after-surgery trial, which one was that?')
                            r"\b(?:trial|study)\b.*\b(?:which|what) one\b", re.I)
# What a trial, not its drug, is asked after naming it ("how much did it help vs herceptin?", "how many cycles was it?")
ASKED_OF_A_TRIAL_RE = re.compile(r"\b(?:help(?:ed)?|find|found|show(?:ed)?|work(?:ed)?|improv\w*|benefit\w*|results?|"
                                 r"cycles?|enrolled|randomi[sz]\w*|arms?|follow-?up|end ?points?)\b", re.I)
# A turn asking whether there is a trial ("was there a trial comparing the two?"); 'which trial…?' is asked_kind's
TRIAL_ASKED_RE = re.compile(r"\b(?:is|was|are|were) there (?:ever |already |really )?(?:an?|any)\s+"
                            r"(?:(?!(?:did|does|do|is|was|were|are|has|had|have|the)\b)[\w\-]+\s+){0,3}?(?:trials?|stud(?:y|ies))\b|"
                            # ('liquid biopsy for anti-her2 resistance - any trial')
                            r"[-–—:,]\s*(?:any|a)\s+(?:trials?|stud(?:y|ies))\W*$", re.I)
# A turn asking for all of a subject's results: "what were the numbers", "and the results?", "data?"
WHOLE_RESULTS_RE = re.compile(r"^\W*(?:(?:and|so|ok|okay|but)\W+)*(?:(?:what|how)\s+(?:were|are|was|is|about)\s+)?(?:the\s+)?"
                              r"(?:main\s+|key\s+|actual\s+)?(?:numbers|results|figures|stats|data|findings|outcomes?)\W*$", re.I)
# "that trial with kadcyla and the immunotherapy", "the study testing T-DXd plus pertuzumab": a trial told by its arms
DESCRIBED_TRIAL_RE = re.compile(r"\b(?:that|the) (?:trial|study)\s+(?:with|of|on|testing|using|combining|giving|"
                                r"that (?:tested|used|combined|added|gave|compared))\s+(?!(?:it|them|that|this|those)\b)", re.I)
# "that trial", "the study" — not 'the trial number'
THAT_TRIAL_RE = re.compile(r"\b(?:that|this|the) (?:trial|study)\b(?!\W*(?:numbers?|names?|ids?|identifiers?)\b)", re.I)
# "does enhertu work for that?", "any data in this?": a bare that/this after a preposition, ending the turn
OBJECT_THAT_RE = re.compile(r"\b(?:for|in|with|against|on|after)\s+(that|this)\s*[?.!]*\s*$", re.I)
# "and how is that different from kadcyla?", "is it better than tykerb": a bare 'that' set against a name the turn gives
# is the last turn's subject — the name after 'from'/'than' is what it is compared with
COMPARED_THAT_RE = re.compile(r"\b(?:how|is|was|are|does|do|did)\s+(?P<that>that|this|it)\s+"
                              r"(?:(?:really|actually|any|much|very|so)\s+)?"
                              r"(?:different|differ|compare|better|worse|stacks? up|similar)\b[^?]*?"
                              r"\b(?:from|to|with|than|against|vs\.?|versus)\s+", re.I)
# "how does that end up making herceptin stop working?": a bare 'that' doing something is the last turn's subject
SUBJECT_THAT_RE = re.compile(r"\b(?:how|why|when)\s+(?:does|do|did|can|could|would|might|will)\s+(that|this)\b"
                             r"(?!\s+(?:trial|study|drug|agent|one|work|happen|mean|matter)\b)", re.I)
# 'which trial was that?', 'what study is this from': the trial the last answer came from
# ('which trial was that based on?' asks the trial behind what was said, a question of its own)
WHICH_TRIAL_WAS_IT_RE = re.compile(r"\b(?:which|what) (?:trial|study) (?:was|is) (?:that|this|it)(?: from| based on| behind)?"
                                   r"(?=\s*(?:[?.!,;]|$|\band\b))", re.I)
# a study that follows one: 'a follow up trial', 'the successor study'
FOLLOW_ON = r"(?:follow[\s-]?up|successor|sequel|extension)"
FOLLOW_ON_TRIAL_RE = re.compile(rf"\b{FOLLOW_ON}\s+(?:stud(?:y|ies)|trials?)\b", re.I)
# What only a trial has: "what is it compared against?", "how many did it enrol?", "its primary endpoint?"
TRIAL_PROPERTY_RE = re.compile(r"\b(?:compared? (?:against|to|with)|control arm|arms?|enrol+(?:ed|ment)?|enroll?ing|"
                               r"how many (?:patients|pts|women|people|participants)|(?:pre-?)?treated|prior (?:lines?|therap\w+)|"
                               r"randomi[sz]ed?|primary (?:end ?point|outcome)|end ?points?|eligib\w*|inclusion|"
                               r"recruit\w*|accrual|phase|let (?:in|into)|admit\w*|allow\w* (?:in|into)|"
                               # ('is there a follow up study to it?': a study that follows one is a trial's)
                               rf"(?:{FOLLOW_ON}|next|later|second)\s+(?:stud(?:y|ies)|trials?)|"
                               # "what is it measuring and who can get in?": its endpoint and eligibility
                               r"measur\w*|get (?:in|into)|qualif\w*|take part|sign(?:ed)? up|join\w*|"
                               # an outcome: what a trial shows ('did it improve os?' after EGF100151 and its regimen)
                               r"(?:improv|prolong|extend)\w*\s+(?:the\s+)?(?:os|pfs|orr|overall survival|"
                               r"progression[\s-]free|survival|response))\b", re.I)
# Temporal "after that", "since then": the last turn's subject (a trial, an approval), not what its answer said.
TEMPORAL_THAT_RE = re.compile(r"\b(after|before|since|following|until|till) (?:that|this|then)\b", re.I)


# what only patients do ("and if they progressed in the brain …?"): a "they" doing it is the patients
PATIENTS_DOING_RE = re.compile(r"\s+(?:\w+ly\s+|then\s+|later\s+)?(?:progress(?:ed|es)?|relaps(?:ed|es)?|died|die|survived|"
                               r"recurred|got worse|get worse|had to (?:come|go|stop)|have to (?:come|go|stop)|came off|come off)\b",
                               re.I)
# 'once they get to 3rd line', 'when they reach later lines': patients reaching a line of treatment
LINE_REACHED_RE = re.compile(r"\s+(?:\w+ly\s+)?(?:get|got|reach(?:ed)?|move|moved|go|are|were)\s+(?:to|into|on|in)?\s*"
                             r"(?:the\s+)?(?:\d(?:st|nd|rd|th)|first|second|third|fourth|later|subsequent)\b[^?]{0,30}?\blines?\b", re.I)
# Who a trial let in: 'were they let in?', 'allowed', 'eligible'
# ('… were they in that trial': being in a trial is being admitted to it)
ADMITTED_RE = re.compile(r"\b(?:let in|let into|allowed|included|eligible|enrolled|admitted|excluded|take part|"
                         r"get in)\b|\b(?:were|are|was|is)\s+(?:they|them)\s+(?:in|part of)\s+(?:that|the|this)\s+"
                         r"(?:trial|study)\b", re.I)
# people a question names before a "they" that is them, not the conversation's subject
PEOPLE_NAMED_RE = re.compile(r"\b(?:someone|somebody|anyone|anybody|patients?|people|pts|women|persons?)\b", re.I)
# The columns the tables name their rows by (as the table plans read them), and a row's name cell as rows are
# printed ("ADC: Disitamab-vedotin; Payload: …", "…; Trial Name: TULIP; …")
ROW_NAME_COLUMNS = ("Trial Name", "ADC")
ROW_NCT_RE = re.compile(r"\bNCT Identifier:\s*(NCT\d{8})\b")
ROW_NAME_CELL_RE = re.compile(rf"(?:^|;\s|:\s)(?:{'|'.join(ROW_NAME_COLUMNS)}):\s(.+?)(?=;\s[A-Z][A-Za-z/ ]{{0,40}}:\s|\.?$)")
# The columns a follow-up asks of the row just shown
COLUMN_ASKED_RE = re.compile(r"\b(?:payload|nct|identifier|setting|line|control arm|experimental arm|endpoint)\b", re.I)
# "… compared to herceptin there?": 'there' closing the question, where what it asks happened
# "there" anywhere in the turn ('which trial tested enhertu there and at what dose?')
MID_THERE_RE = re.compile(r"\s+(?:in\s+)?there\b", re.I)
# A population named by its HER2 or hormone status ('HER2-low', 'HR+/HER2−', 'HER2-ultralow')
POPULATION_NAME_RE = re.compile(r"^(?:HER2|HR)[\s-]*(?:low|ultralow|positive|negative|[+−-])", re.I)
PLACE_THERE_RE = re.compile(r"\s+(?:in\s+)?there(?=\s*[?.!]*\s*$)", re.I)
# "whats the primary endpoint there", "what phase is it in": the row just shown
THERE_OR_IT_RE = re.compile(r"\b(?:in |for |of )?(?:there|it)\b", re.I)
# "which of the two…": the subjects of the last two turns ("the two trials" names its own kind)
THE_TWO_RE = re.compile(r"\b(?:the|these|those) two\b(?! (?:trials|studies|arms|drugs|adcs|tkis)\b)|\bboth of them\b", re.I)
# "which of them…", "any of those…", "which ones…": a follow-up that filters the last answer's list.
BACK_TO_LIST_RE = re.compile(r"\b(?:(?:which|one|ones|any|all|each|none|some|how many) of (?:them|those|these)|"
                             r"which (?:one|ones)|those ones)\b", re.IGNORECASE)
# "what are the control arms for those?" right after a list or a table: the same, at the end of the turn.
FOR_THOSE_RE = re.compile(r"\b(?:for|of|in) (?:those|these)(?: \w+s)?\W*$", re.IGNORECASE)
# "and what are their primary endpoints?" right after a list or a table: the members it gave
PLURAL_PRONOUN_RE = re.compile(r"\b(?:their|they|them)\b", re.IGNORECASE)
# A bare "that"/"this" as the object of a verb ("fix that", "why is that", "how is this being
# addressed"): it stands for what the last answer said.
# "what about the lung problem her oncologist warned about, how often does that happen" (or "…with it? how often did
# that happen"): 'that' is the topic the turn named before it, not what the last answer said
TOPIC_NAMED_BEFORE_RE = re.compile(r"\b(?:what|how) about\s+(?:the\s+|her\s+|his\s+|my\s+)?\w[^,;:?]*[,;:?–—-]\s*|"
                                   # "is it still the standard 2nd line or has something challenged that?": what the
                                   # question put first, then asked the other way
                                   r"^\W*(?:is|are|was|were|does|do|did|has|have|can|could)\s+[^?]{6,80}?\s+or\s+|"
                                   # "and detecting CTCs or ctDNA, what does that mean prognostically?": a doing named first
                                   r"^\W*(?:(?:and|so|ok|but|also)\s+)?[a-z]+ing\s+[^,;:?]{2,60}?(?:[,;:–—]|\s-)\s*"
                                   r"(?=(?:what|how|is|does|do|would|could)\b)|"
                                   # "they also warned us about some lung side effect - how often did that happen"
                                   r"\b(?:warn(?:ed|ing|s)?|told|telling|ask(?:ed|ing)|mention(?:ed|ing)|said|saying|talk(?:ed|ing)|heard|hearing|"
                                   r"worried|worrying|read|reading)\b[^,;:?]{0,20}?\babout\s+"
                                   r"(?:some|a|an|the|this|that|her|his|my|their)?\s*\w[^,;:?]*?(?:[,;:–—]|\s-)\s*|"
                                   # "my dad cant handle the diarrhea on it. … managing that?": what one cannot bear, told first
                                   r"\b(?:can'?t|can’t|cant|cannot|couldn'?t|couldnt)\s+(?:handle|stand|tolerate|take|deal with|cope with)\s+"
                                   r"(?:the|her|his|my|this|all the)\s+\w[^.?!]{1,60}?[.!]+\s+|"
                                   # "ugh i read the diarrhea is bad with it. is anyone working on that?": what one read, told first
                                   r"\b(?:read|heard|saw|seen|noticed|know|knew)\s+(?:that\s+)?(?:the|her|his|my|some|a|an)\s+"
                                   r"\w[^.?!]{1,80}?\b(?:is|are|was|were|gets?|got)\b[^.?!]{0,40}[.!]+\s+", re.I)
DEMONSTRATIVE_OBJECT_RE = re.compile(
    r"\b(?:that|this)\s*(?:[?.!]|$|\b(?:be|being|been|is|was|happen|happens|work|works|mean|means|done)\b)"
    r"|\b(?:fix|address|overcome|prevent|manage|treat|reduce|solve|explain|cause|causes)\s+(?:that|this)\b"
    r"|\bmak(?:e|es|ing)\s+(?:that|this)\s+(?:more|less|easier|better)\b"
    # "does having that make things worse …?": what one has is what was said
    r"|\b(?:having|has|have|had)\s+(?:that|this)\b(?!\s+(?:trial|study|drug|one|agent|arm|combination|regimen)\b)"
    # "how often was that deadly?", "is that common?": what was said, asked of with a copula
    r"|\b(?:is|was|are|were)\s+(?:that|this)\s+(?:(?:ever|really|very|always|usually|often|still)\s+)?"
    r"(?!(?:trial|study|drug|one|agent|arm|combination|regimen)\b)[a-z]+\s*[?.!]*$",
    re.IGNORECASE)
# "can you block that?": what is blocked, targeted or inhibited is a thing with a name (a marker, a pathway)
# ("does that change how well her her2 medicines work?" after "… mentions MET. what is that?": that is the marker as
# the subject asked of)
ACTED_ON_THAT_RE = re.compile(r"\b(?:block(?:ing)?|target(?:ing)?|inhibit(?:ing)?|hit(?:ting)?|switch(?:ing)? off|"
                              r"shut(?:ting)? down|knock(?:ing)? down|drug(?:ging)?)\s+(that|this|it)\b"
                              r"(?!\s+(?:trial|study|drug|one|agent|arm|combination|regimen)\b)|"
                              r"^\W*(?:(?:and|so|ok|okay|but)\W+)?(?:does|do|did|can|could|would|will|might)\s+(?P<subject>that|this)\s+"
                              r"(?:change|affect|alter|matter|mean|predict|make|cause|impact|influence)\b", re.IGNORECASE)
# "is anyone working on fixing it?": what one fixes or prevents is a trouble, never the drug that caused it
REMEDY_OF_IT_RE = re.compile(r"\b(?:fix(?:ing)?|overcom(?:e|ing)|prevent(?:ing)?|solv(?:e|ing)|reduc(?:e|ing)|"
                             r"deal(?:ing)? with)\s+(it)\b(?!\s+(?:with|by|for)\b)", re.IGNORECASE)
# What a trouble is told with: the point of an answer that a remedy asked next ("fixing it") is about
TROUBLE_SAID_RE = re.compile(r"\b(?:limit(?:s|ed|ing)?|toxicit(?:y|ies)|adverse|side effects?|secondary effects?|"
                             r"resistance|discontinu\w+|fatal)\b", re.IGNORECASE)
# 'it' that comes back, spreads or recurs is the cancer: no drug does that
# 'the CI they print', 'what exactly does it say': who prints or says is the review or its authors, no drug or trial
AUTHORS_AS_PRONOUN_RE = re.compile(r"(?:they|it)\s+(?:\w+ly\s+)?(?:print(?:s|ed)?|report(?:s|ed)?|say(?:s)?|said|write(?:s)?|"
                                   r"wrote|state(?:s|d)?|mention(?:s|ed)?|cite(?:s|d)?|quote(?:s|d)?)\b", re.IGNORECASE)
OBJECT_OF_RE = re.compile(r"\b(?:at|about|on|in|to|for|with|of|from|by|against|target(?:s|ing)?|hit(?:s|ting)?)\s+$", re.I)
DISEASE_AS_IT_RE = re.compile(r"(?:it|it's|its)\s+(?:(?:has|had|ever|does|did|then|later)\s+)?(?:com(?:es|ing)\s+back|came\s+back|"
                              r"spread(?:s|ing)?|recur(?:s|red|ring)?|relaps(?:es|ed|ing)|metastasi[sz](?:es|ed|ing))\b",
                              re.IGNORECASE)
# What a drug did for the people treated: an outcome asked, which a trial reports
# ('does it still work after kadcyla stops working?' asks what works next, not the trial's outcome)
OUTCOME_ASKED_RE = re.compile(rf"\b(?:help(?:s|ed)?|benefit(?:s|ed)?|improv\w*|results?|do (?:better|well)|"
                              rf"slow(?:s|ed)? (?:things|it|the cancer) down)\b|{LIVED_LONGER}", re.IGNORECASE)
# 'they' and its typed contractions ('theyd', 'theyre')
PLURAL_SUBJECT_RE = re.compile(r"\b(?:they(?:['’]d|['’]re|d|re)?|them|their)\b", re.IGNORECASE)
# "cdk4/6 inhibitors like verzenio or ibrance", "TKIs such as tukysa": a class named with its examples
CLASS_WITH_EXAMPLES_RE = re.compile(r"(?P<cls>\b(?!(?:do|does|did|how|are|is|were|was|the|a|an|what|which|about|of|on)\b)"
                                    r"[\w/\-]+(?:\s+[\w/\-]+)?\s+(?:inhibitors|drugs|antibodies|ADCs|TKIs|agents|"
                                    r"conjugates|therapies))\s*,?\s+(?:like|such as|e\.?g\.?,?|including)\s+\w", re.IGNORECASE)
# "what do they propose doing with that info?": all the last answer told, which is about the last turn's subject
# 'can tukysa go with enhertu', 'tucatinib plus T-DXd?': two drugs asked of as given together
GIVEN_TOGETHER_RE = re.compile(r"\b(?:go|goes|given|give|used|use|combined|paired|mixed|together)\s+(?:\w+\s+)?with\b|\bplus\b|"
                               r"\s\+\s|\bcombin\w*|\btogether\b", re.I)
THAT_INFO_RE = re.compile(r"\b(?:that|this)\s+(?:info|information|knowledge)\b", re.IGNORECASE)
WH_OPENING_RE = re.compile(r"^\s*(?:(?:explain|describe|define)(?:\s+(?:simply|briefly|quickly|to me))?(?:\s+what)?|"
                           r"what|which|who|how many|how|list|name|tell me about)\s+"
                           r"(?:(?:are|is|was|were|do|does|did|the|all|an?)\s+)*", re.IGNORECASE)


# Linking and hedging words: rare in a review's paragraphs, yet never what "that" points at.
DISCOURSE_WORDS = {"nevertheless", "nonetheless", "however", "moreover", "furthermore", "therefore", "thus", "hence",
                   "although", "though", "often", "usually", "also", "still", "indeed", "interestingly", "notably",
                   "importantly", "additionally", "consequently", "overall", "finally", "firstly", "secondly",
                   "recently", "currently", "especially", "particularly", "approximately", "significantly"}


# A name that is the subject of a clause of its own ('if kadcyla stops working too, …'): what 'it' after the comma is
CLAUSE_VERBS = (r"(?:stops?|stopped|fails?|failed|works?|worked|is|was|does|did|doesn['’]t|isn['’]t|has|had|gets?|got|"
                r"causes?|caused|comes?|came|quits?|progress(?:es|ed)?)")


def _subject_of_clause_before(text: str, aliases: list[str]) -> bool:
    """Does ``text`` name one of ``aliases`` as the subject of a clause that a comma closes before the
    pronoun ("ok, and if kadcyla stops working too, is there anything after it?") — not as an object in the same
    clause ("which trial tested enhertu in it?") or a possessive ("kadcyla's payload, how is it different")?"""
    names = "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True))
    if re.search(rf"(?<![\w-])(?:{names})\s*(?:\([^()]*\))?\s*[-–—:]\s", text, re.I):
        return True  # "and the other phase 3 one, TH3RESA - who was in it": the name the question is labelled with
    if "," not in text:
        return False
    clause = text[:text.rindex(",")]
    return bool(re.search(rf"(?<![\w-])(?:{names})\s+(?:\w+ly\s+)?{CLAUSE_VERBS}\b", clause, re.I))


# "if the tukysa stops working, …": a condition opening the turn, before what it asks
CONDITION_OPENING_RE = re.compile(r"^\W*(?:(?:ok|okay|and|so|but)\W+)*(?:if|when|once|after)\b[^,?]*,", re.I)


# "just progressed on kadcyla", "after kadcyla stopped working": a treatment told as one that was had and failed
PAST_BEFORE = (r"(?:(?:progress(?:ed|ing)|progression|fail(?:ed|ing)|relaps(?:ed|ing)|been|was|were)\s+(?:on|after|with|through)|"
               r"(?:switch(?:ed|ing)?|mov(?:ed|ing)|chang(?:ed|ing)|came|coming|went|taken)\s+(?:off|from))\s+(?:the\s+)?")
PAST_AFTER = r"\s+(?:stopped|stops|quit|failed|fails|(?:is|was)\s+no longer)\b"


def told_as_past_treatment(question: str, aliases: list[str]) -> bool:
    names = "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True))
    told = list(re.finditer(rf"(?<![\w-])(?:{names})(?![\w-])", question, re.I))
    return bool(told) and all(re.search(rf"{PAST_BEFORE}$", question[:m.start()], re.I) or
                              re.match(PAST_AFTER, question[m.end():], re.I) for m in told)


# what a turn measures a name against, as people type it ("the benefit over plain herceptin")
TYPED_COMPARED_WITH = (r"(?:compared (?:to|with)|than|over|versus|vs\.?|relative to|instead of)\s+"
                       r"(?:(?:plain|standard|regular|just|the)\s+)?")


# "those trials", "these studies": trials pointed at, which a later 'they' in the turn stands for
TRIALS_POINTED_AT_RE = re.compile(r"\b(?:those|these)\s+(?:trials|studies)\b", re.I)
# A combination asked of a drug ('can tukysa be given with an adc', 'tucatinib combos?'), and a trial asked with one
# partner named after it ('is there a trial w enhertu specifically')
COMBINATION_ASKED_RE = re.compile(r"\b(?:given|used|combined|paired|added|mixed|taken)\s+(?:together\s+)?with\b|"
                                  r"\bcombos?\b|\bcombinations?\b", re.I)
PARTNER_WITH_RE = re.compile(r"\b(?:trial|study|trials|studies)(?P<with>\s+(?:with|w/?)\s+)(?P<partner>[\w\-]+)", re.I)
# "combos with parp inhibitors", "combined with enhertu": a partner named, the drug it joins left unsaid
COMBINED_WITH_RE = re.compile(r"\b(?:combos?|combinations?|combined|combining|pair(?:ed|ing)s?|given together)\s+with\b", re.I)
# what a pronoun's referent is set against: "(tested) against", "vs", "compared with", "better than"
SET_AGAINST_RE = re.compile(r"\b(?:against|versus|vs\.?|compared (?:to|with)|than|relative to)\s+", re.I)


def _set_against(after_pronoun: str, names: list[str], analyzer: QueryAnalyzer) -> list[str]:
    """The names printed only after the words that set the subject against them ('… against tykerb + xeloda', a
    combination's every drug), in the text after the pronoun."""
    if not (against := SET_AGAINST_RE.search(after_pronoun)):
        return []
    before, after = after_pronoun[:against.start()], after_pronoun[against.end():]
    return [e for e in names if mentions(after, analyzer.aliases_of(e)) and not mentions(before, analyzer.aliases_of(e))]


def _condition_last(question: str, names: list[str], analyzer: QueryAnalyzer) -> list[str]:
    """'if the tukysa stops working, is enhertu something people get after?' → [enhertu, tukysa]: a name only
    in the condition the turn opens with is its background, so a pronoun in the next turn is the asked name.
    So is a name told only as the treatment that failed ("just progressed on kadcyla … switch me to enhertu")."""
    condition = CONDITION_OPENING_RE.match(question)
    rest = question[condition.end():] if condition else question
    background = [n for n in names if not mentions(rest, analyzer.aliases_of(n))
                  or told_as_past_treatment(question, analyzer.aliases_of(n))]
    return [n for n in names if n not in background] + background if len(background) < len(names) else names


def _topic_of(question: str) -> list[str]:
    """What a turn asks about besides its asking words (content words drop pronouns and hedges):
    'was it ever fatal' → ['fatal']."""
    return [w for w in content_words(question) if w not in ASKING_WORDS and not AUXILIARY_RE.match(w)]


def _term_defined(turn: Turn) -> str:
    """'what does ORR mean?' → 'ORR': the term a definition turn asked about, '' for any other turn."""
    from .answering.definitions import DEFINED_TERM_RE

    asked = DEFINED_TERM_RE.match(turn.resolved.strip())
    # ('what does ORR mean' is answered as a figure's, the measure defined where the review spells it out)
    if asked is None or turn.answer.abstained or (turn.answer.intent != "definition" and not re.search(
            r"\b(?:mean|means|stand for|stands for)\W*$", turn.resolved, re.I)):
        return ""
    return asked.group("term").strip()


def _asked_topic(question: str) -> str:
    """'what ADCs are in development per table 1?' → 'ADCs are in development per table 1'."""
    return WH_OPENING_RE.sub("", question).strip(" ?.") or question.strip(" ?.")


def _short_topic(question: str) -> str:
    """'what is HER2-low' → 'HER2-low': what a short question asked about, when it is a few words; ''."""
    topic = _asked_topic(question)
    return topic if len(topic.split()) <= 3 else ""


def _asked_topic_words(question: str, limit: int = 5) -> str:
    """'how common is her2 heterogeneity within a tumor' → 'common her2 heterogeneity tumor'."""
    words = list(dict.fromkeys(_topic_of(question)))
    printed = {w.lower(): w for w in re.findall(r"[A-Za-z][\w\-+]*", question)}
    return " ".join(printed.get(w, w) for w in words[:limit])


EXCLUDING_RE = re.compile(rf"\b{EXCLUSION_WORDS}\s+"
                          r"(?:the\s+)?([\w\-+]+(?:\s\d+)?)", re.IGNORECASE)


def excluded(name: str, question: str) -> bool:
    """Is ``name`` set aside by the question ('apart from EMILIA, was there another…')?"""
    return any(m.group(1).lower() == name.lower() for m in EXCLUDING_RE.finditer(question))


# A trouble of a treatment, as people type it ('terrible diarrhea', 'the side effects', 'lung problems')
TROUBLE_WORDS_RE = re.compile(r"\b(?:terrible|bad|awful|severe|nasty|horrible)?\s*(?P<trouble>side[\s-]effects?|diarrh\w+|toxicit\w+|"
                              r"nausea|rash\w*|lung (?:problems?|issues?|damage)|ild|interstitial lung disease)\b", re.I)
# ... and the 'that' at the end of a turn that asks what is done about it
TROUBLE_THAT_RE = re.compile(r"\b(?:about|for|with|against)\s+(that|this)\s*[?.!]*\s*$", re.I)


def points_at_what_was_said(question: str) -> bool:
    """'fix that', 'how is this being addressed?': a bare demonstrative for the last answer's content — not when
    the turn told something of its own first ("my dad cant handle the diarrhea on it. does the review say anything
    about managing that?": that is the diarrhea; "ok thanks. how is that addressed?" tells nothing)."""
    demonstrative = DEMONSTRATIVE_OBJECT_RE.search(question)
    told = [t for t in re.split(r"(?<=\w)[.!]+\s+", question[:demonstrative.start()])[:-1]] if demonstrative else []
    return bool(demonstrative) and not any(len(t.split()) >= 4 for t in told) \
        and not TROUBLE_WORDS_RE.search(question[:demonstrative.start()]) \
        and not TOPIC_NAMED_BEFORE_RE.search(question[:demonstrative.start()])  # (as resolve reads it)


def _said_topic(previous: Turn, analyzer: QueryAnalyzer, limit: int = 4, point: str = "") -> str:
    """The rarest words of the last answer's first point (or of ``point``) that its question did not use: what
    a bare "that" in the next question points at ("…limited due to the high incidence of diarrhea" → 'diarrhea')."""
    if previous.answer.abstained or not previous.answer.answer:
        return ""
    # the point that answered, not the context before it ("FGFR4 is a cell surface receptor…" opens
    # an answer whose point is "…patient-derived xenografts… reveal a synergistic interplay…")
    first = point or (answering_point(previous.answer, by_topic=True) if previous.answer.points else previous.answer.answer)
    asked = set(content_words(previous.resolved))
    words = [w for w in dict.fromkeys(content_words(re.sub(r"\[\d+(?:[,–-]\d+)*\]", "", first)))
             if w not in asked and w not in ASKING_WORDS and w not in DISCOURSE_WORDS and len(w) > 3]
    shares = {w: analyzer.paragraph_share([w]) for w in words}
    rare = sorted((w for w in words if 0 < shares[w] <= 0.03), key=lambda w: shares[w])[:limit]
    return " ".join(w for w in words if w in rare)  # in the answer's order: read as a phrase


# Words that ask how much or which, not about what ("roughly what share in HER2CLIMB?").
ASKING_WORDS = {"share", "proportion", "percentage", "percent", "fraction", "many", "much", "number", "rate", "roughly",
                "approximately", "approx", "about", "around", "exactly", "figure", "figures", "value", "values",
                "what", "which", "how", "there", "trial", "study", "arm", "one", "ones",
                "often", "frequently", "common", "commonly", "likely",
                "plus"}  # how a regimen is written ("tykerb plus xeloda"), not a topic


# 'plasma-match - what kind of trial is that': what kind of thing the name is asks the name's own design, no topic
WHAT_KIND_IT_IS_RE = re.compile(r"\b(?:what|which)\s+(?:kind|type|sort|class)\s+of\s+[\w\-]+\s+(?:is|was|are|were)\b",
                                re.I)


# 'and what was plasma-match?': a turn opening by asking what something is
WHAT_IS_OPENING_RE = re.compile(r"^\W*(?:(?:and|so|ok|okay|but|then)\W+)?(?:what|whats)"
                                r"(?:'s|’s|\s+(?:is|was|are|were))\b", re.I)


def _what_the_name_is(question: str, names: set[str]) -> bool:
    """'and what was plasma-match?': a turn asking only what its name is defines the name — the last topic ('liquid
    biopsy') is no part of it."""
    return bool(WHAT_IS_OPENING_RE.match(question)) and \
        set(content_words(question)) - names <= {"what", "whats", "trial", "study", "drug"}


AUXILIARY_RE = re.compile(r"(?:did|does|do|is|are|was|were|has|have|include|includes|included|whats)$")


def _with_topic(question: str, previous: Turn, analyzer: QueryAnalyzer, narrowing: bool = False) -> str:
    """'did her2climb include brain mets patients?' → 'roughly what share in HER2CLIMB?': a turn that
    names its subject but no topic keeps the previous turn's topic, shown in the reading."""
    from .retrieval import is_generic

    names = set(content_words(" ".join(e for e in analyzer.entities_in(question) if not is_generic(e))))
    own = [w for w in content_words(question) if w not in ASKING_WORDS and w not in names]
    if (own or WHAT_KIND_IT_IS_RE.search(question) or _what_the_name_is(question, names)) and not narrowing:
        return question
    topic = _last_topic(question, previous, analyzer)
    return f"{question.rstrip(' ?')} ({topic})?" if topic else question


def _last_topic(question: str, previous: Turn, analyzer: QueryAnalyzer) -> str:
    """The words of the last turn's question beyond its names and asking words ('side effects' of 'does
    tukysa have side effects'), at most four, as printed; those this turn repeats are left out."""
    from .retrieval import is_generic

    before_names = set(content_words(" ".join(e for e in analyzer.entities_in(previous.resolved) if not is_generic(e))))
    asked = set(content_words(question))
    # a setting the turn names replaces the last one ('approved in the adjuvant setting' → 'and in mbc, which line?')
    before = SETTING_PHRASE_RE.sub(" ", previous.resolved) if SETTING_PHRASE_RE.search(question) else previous.resolved
    topic = [w for w in content_words(before) if w not in before_names and w not in ASKING_WORDS
             and w not in asked and not AUXILIARY_RE.match(w)]
    printed = {w.lower(): w for w in re.findall(r"[A-Za-z][\w\-]*", previous.resolved)}  # 'PFS', not 'pfs'
    return " ".join(printed.get(w, w) for w in topic[:4])


# where a treatment is used, said around what is asked of it ('in the clinic', 'in practice')
CLINIC_FRAME_WORDS = {"clinic", "clinical", "practice"}


def answering_point(answer: Answer, by_topic: bool = False) -> str:
    """The point that answers the question: the one sharing most of its words (the first on a tie).
    An answer can open with context ("…PI3K inhibitor and trastuzumab…") before the point that says
    what was asked ("everolimus… is the first non-HER2-targeted therapy…")."""
    # ('main problem with it in the clinic?': where a drug is used is a frame, not what the point must say)
    asked = _stems(answer.resolved_question or answer.question) - CLINIC_FRAME_WORDS
    texts = [p.text for p in answer.points]
    # a why is answered by the point that gives a cause ("…limited due to the high incidence of diarrhea")
    why = answer.intent == "why"
    # what a bare "that" points at (by_topic) is told by the topic words, not by a subject most points share
    # ('neratinib'); the subject a turn carries on is found with it
    said = [_stems(t) for t in texts]
    telling = {w for w in asked if sum(w in stems for stems in said) <= len(texts) / 2} if len(texts) > 2 else asked

    def shared(i: int) -> int:
        if not by_topic:
            return len(asked & said[i])
        # 'limits' asked meets 'limited' said
        return sum(any(v == w or (min(len(v), len(w)) >= 5 and (v.startswith(w) or w.startswith(v))) for v in said[i])
                   for w in telling)
    # (on a tie, the point saying an asked word in another form: 'fails' asked, "after T-DM1 failure" said — not the
    # sentence before it, brought only because the answering one leans on it: "Thereafter, a second ADC, T-DXd…")
    def formed(i: int) -> int:
        return sum(any(v.startswith(w) for v in said[i]) for w in asked if len(w) >= 4)
    return texts[max(range(len(texts)), key=lambda i: (why and bool(CAUSE_SAID_RE.search(texts[i])), shared(i),
                                                       len(asked & said[i]), formed(i), -i))]


def _stems(text: str) -> set[str]:
    # 'inhibitors' asked, 'inhibitor' said; 'akt' asked, 'pan-Akt' said
    return {part.rstrip("s") for w in content_words(text) for part in [w, *w.split("-")] if part}


CAUSE_SAID_RE = re.compile(r"\b(?:due to|because|caused by|owing to|as a result of|attributable to|lead(?:s|ing)? to|"
                           r"results? in|explains?)\b", re.I)


def _called_a_study(name: str, analyzer: QueryAnalyzer) -> bool:
    """Does the review call ``name`` a trial or study anywhere ('the NALA phase III trial', 'MonarcHER
    and PATRICIA are two phase II trials'), or give it a registry number? A capitalised data source
    (GLOBOCAN) is not a trial."""
    key = re.escape(name.lower())
    return bool(re.search(rf"{key}\W+(?:[\w\-]+\W+){{0,5}}?(?:trials?|stud(?:y|ies)|nct\d+)\b|"
                          rf"\b(?:trials?|stud(?:y|ies))\W+(?:[\w\-]+\W+){{0,3}}?{key}\b", analyzer.lowered_text))


# 'HER2-negative', 'HR+': a population the answer names beside what was asked ("more common than in
# HER2-negative BC"), which a later "it" or "there" does not stand for — unless the question asked it
# ... and a hyphened modifier ('HER2-targeted therapies', 'HER2-directed'), which names no trial either
STATUS_NAME_RE = re.compile(r"-(?:negative|positive|low|high|ultralow|null|enriched|amplified|targeted|targeting|directed|"
                            r"based|driven|dependent|mediated|resistant|sensitive)$|[+−]$", re.I)


def answer_entities(answer: Answer, analyzer: QueryAnalyzer) -> list[str]:
    """Entities named in the answer's first sentence (what 'it' will refer to next)."""
    if answer.abstained or not answer.answer:
        return []
    first = answering_point(answer) if answer.points else re.split(r"\[\d+\]", answer.answer, maxsplit=1)[0]
    return point_entities(first, answer.question, analyzer)


def point_entities(first: str, question: str, analyzer: QueryAnalyzer) -> list[str]:
    """The drugs and trials one answer point names, which a later 'it' may stand for (at most two)."""
    if names_cells := ROW_NAME_CELL_RE.findall(first):
        # a table row ("ADC: Disitamab-vedotin; Payload: MMAE …") is about the name in its name column;
        # the payload or arms it lists are what was asked of it, not what 'it' will mean next
        first = "; ".join(names_cells)
    from .answering.extractive import COMMON_CODES, TRIAL_RE, is_drug_name

    # "After the … activity observed in the DESTINY-Breast01 trial, it was necessary to perform a head-to-head trial…":
    # a trial named in an opening 'After …,' clause sets the scene for the one the sentence is about — when the
    # question was answered by the rest ('which trial compared them head to head?'), not by the scene ('which trial
    # showed it works?')
    if (scene := SCENE_SETTING_RE.match(first)) and (rest := first[scene.end():].strip()):
        asked = _stems(question)
        if len(asked & _stems(rest)) > len(asked & _stems(scene.group(0))):
            first = rest
    names = [e for e in analyzer.entities_in(first) if analyzer.known(e) and not e.upper().startswith("NCT")]
    # the other members of a bracketed list that holds the sentence's own subject are an aside: "AXL is a
    # member of the TAM family … (TYRO3, AXL, and MERTK)" is about AXL, not TYRO3
    outside = re.sub(r"\([^()]*\)", " ", first)
    for listed in re.findall(r"\(([^()]*,[^()]*)\)", first):
        inside = [e for e in names if e.lower() in listed.lower()]
        if any(e.lower() in outside.lower() for e in inside):
            names = [e for e in names if e not in inside or e.lower() in outside.lower()]
    # Only drugs and trials become referents of a later "it"; receptor names and codes do not.
    # a trial the review calls one, or a gene's symbol ('TSC2'): not a capitalised data source ('GLOBOCAN')
    named = [e for e in names if (is_drug_name(e) or (TRIAL_RE.fullmatch(e) and (
                 re.search(r"\d", e) or _called_a_study(e, analyzer))))
             and e.upper() not in COMMON_CODES  # 'ipatasertib GDC-0068' too
             and not (STATUS_NAME_RE.search(e) and e.lower() not in question.lower())]
    return [e for e in named if analyzer.paragraph_share(analyzer.aliases_of(e)) <= 0.2][:2]
