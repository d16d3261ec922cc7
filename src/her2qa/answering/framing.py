"""Framing: what a question asks once who asks, why, and what they heard are set aside.

"my mom is on kadcyla — is enhertu better?", "the nurse said X is an ADC. what is that?", "NALA (nerlynx) results":
the question is read in the review's terms before its intent is classified — a context told before it, a
gloss in brackets, a drug named for its class or its trial.

A mixin of :class:`her2qa.answering.pipeline.AnswerPipeline`.
"""

from __future__ import annotations

import re

from ..query import Query, mentions, without_reading_context
from ..retrieval import is_generic
from ..vocabulary import BRANDS, CLOSE_ONES
from .coverage import GENERIC_ATTRIBUTES, content_words
from .extractive import DRUG_RE, _join, is_drug_name, trial_names
from .intent import (
    HEARD_FROM_RE,
    KNOWN_CLAIM_RE,
    LATER_ON,
    OVERVIEW_RE,
    PERSONAL_CONTEXT_RE,
    TRAILING_CONTEXT_RE,
    classify,
)
from .passages import FRAME_WORDS

# A name glossed by another in brackets ('HER2CLIMB (tukysa)'), and 'the X vs Y one' after a question.
GLOSS_BRACKET_RE = re.compile(r"(?P<name>[\w\-+/]*\w)\s*\((?P<gloss>[\w\-+/ ]{2,30})\)")

_ARMS = r"(?P<gloss>[\w\-+/ ]{2,40}?\s+(?:vs\.?|versus|v\.)\s+[\w\-+/ ]{2,40}?)"  # 'T-DXd vs T-DM1'

ARMS_GLOSS_RE = re.compile(rf"\s*(?:\(|[-–—:,]\s*|\?\s+|\bfor\s+){_ARMS}\)?\s*\??\s*$", re.I)

# A trial and its arms typed first, then a question of 'it' ('destiny breast 03 enhertu vs kadcyla what did it find')
ARMS_THEN_ASKED_RE = re.compile(r"^\W*(?P<told>[^?]{2,60}?\s(?:vs\.?|versus|v\.)\s[^?]{2,40}?)\s*[-–—:,]?\s+"
                                r"(?P<question>(?:so\s+)?(?:what|how)\s+(?:did|does|do|has|was)\s+(?P<it>it)\b[^?]*\??)"
                                r"\s*$", re.I)

ARMS_BRACKET_RE = re.compile(rf"\s*\({_ARMS}\)", re.I)

GLOSS_TAIL_RE = re.compile(r"[?,]\s*(?:i mean\s+)?the\s+[^?,]{2,40}?\s+(?:one|trial|study)\W*$", re.I)

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

# a name brought up before the question ('my onc mentioned KATE2, what was it testing?'), and the pronoun for it
INTRODUCED_RE = re.compile(r"\b(?:mentioned|brought up|brings up|told (?:me|us|her|him) about|asked (?:me |us )?about|"
                           r"heard (?:about|of)|read (?:about|of)|came across|saw|seen|noticed|spotted|talked about|recommended|"
                           # ('my mom just started enhertu, what kind of drug is it?': the drug begun is 'it')
                           r"started|starting|began|begun|switched to|prescribed|offered|"
                           # ('my mom's oncologist says enhertu might be next after kadcyla. what kind of drug is it?')
                           r"says|said|suggest(?:s|ed)?|considering|wants? to (?:try|give|use|start|add)|"
                           # ('one of my residents is on enhertu - how often does it cause ILD?': the drug one is given)
                           r"(?:is|was|are|were) (?:now |currently |still )?on|got|received|receiving|taking)\b", re.I)

# What the answer is for, told after the question: "thinking verzenio vs ibrance for …", "need it for a slide"
PURPOSE_TOLD_RE = re.compile(r"^\W*(?:(?:i'?m|i’m|im|we'?re|just)\s+)?(?:thinking|writing|trying|checking|deciding|choosing|"
                             r"weighing|need(?:ed)? (?:it|this|that) for|asking for|"
                             # "whats kadcyla's DAR? want to compare with enhertu's": what the answer is wanted for
                             r"(?:i\s+)?want(?:ed)? to (?:compare|check|contrast|see|know))\b", re.I)
# what the answer is for, when it will be explained to someone: "need to explain to a pt starting kadcyla"
EXPLAINING_TOLD_RE = re.compile(r"^\W*(?:(?:i'?m|i’m|im|i|we)\s+)?(?:need(?:ed)?|trying|want(?:ed)?|have|got)\s+to\s+"
                                r"(?:explain|teach|describe|tell|talk)\b", re.I)
# A condition, then a question: 'down the road if it stops working - was enhertu ever …', 'once X fails, what …'
CONDITION_THEN_ASKED_RE = re.compile(rf"^\W*(?:(?:ok|okay|so|and|but)\W+)*(?:{LATER_ON},?\s+)?"
                                     r"(?:if|when|once)\s+(?P<condition>[^,?]{1,80}?)"
                                     r"(?:,\s+|\s+[-–—]\s+)(?P<question>(?:is|are|was|were|does|do|did|can|could|has|have|"
                                     r"had|should|will|would|what|which|how)\b.*)$", re.I)
# A class named as such: 'an ADC', 'a TKI', 'TKIs', 'ADCs' (not 'the ADC', which is one told before)
CLASS_ASKED_RE = re.compile(r"\b(?:an?\s+(?:ADC|TKI|antibody[\s–-]drug conjugate|tyrosine kinase inhibitor)\b|"
                            r"(?:ADCs|TKIs|antibody[\s–-]drug conjugates|tyrosine kinase inhibitors)\b)", re.I)
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

# a question leaning on the treatments told before it: 'can enhertu still work', '… is there anything else'
STILL_AFTER_RE = re.compile(r"\b(?:still|anymore|any more|after (?:that|this|it|them)|else|next|now)\b", re.I)

# ("my mom progressed on kadcyla", "my dad failed tykerb": a treatment that stopped working is history too)
TREATMENT_HISTORY_RE = re.compile(r"\b(?:i|we|she|he|my (?:mom|mum|mother|dad|father|husband|wife|sister|brother|aunt|"
                                  r"patient|friend|partner))\s+(?:(?:just|already|recently)\s+)?"
                                  r"(?:had|have had|'ve had|’ve had|was on|were on|got|received|took|tried|finished|"
                                  r"progressed (?:on|after|through)|failed|relapsed (?:on|after))\b", re.I)

# "anything in there about brain mets?", "any data on CNS disease": a topic asked that names itself
OPEN_TOPIC_ASKED_RE = re.compile(r"^\W*(?:anything|any\s+(?:info|information|data|details|evidence))\b[^?]{0,40}?\b(?:about|on|regarding)\s+\w",
                                 re.I)

# The person the asker described, asked about by pronoun ("can she still be on tukysa"), and where the disease is
THE_PERSON_RE = re.compile(r"\b(?:she|he|her|him)\b", re.I)

WHERE_IT_SPREAD_RE = re.compile(r"\b(?:brain|liver|bones?|lungs?|spread|metasta\w*|mets)\b", re.I)

# Patients like the one the asker described before the question ("people like her", "someone like me")
PEOPLE_LIKE_RE = re.compile(r"\b(?:people|patients|pts|women|someone|somebody|anyone|those|ppl) (?:like|such as) "
                            r"(?:her|him|me|them|us|my \w+)\b", re.I)

# Two drugs named as alternatives, one choice of a kind ('ibrance or verzenio', 'ibrance / verzenio type drugs'; not
# 'palbociclib and fulvestrant', the parts of one regimen)
DRUGS_LISTED_RE = re.compile(r"\b(?P<first>[A-Za-z][\w\-]+)\s*(?:\bor\b|/)\s*(?P<second>[A-Za-z][\w\-]+)"
                             r"(?:\s+(?:type|kind|class|style)\s+(?:of\s+)?(?:drugs?|meds?|medicines?|pills?|inhibitors?))?", re.I)

# A part of the review titled by a class of drugs ("CDK4/6 Inhibitors")
CLASS_TITLE_RE = re.compile(r"\b(?:inhibitors|agents|antibodies|conjugates|drugs)\b", re.I)

# ('the actual tucatinib trial paper': how much it is the drug's own trial says nothing of which trial it is)
DRUGS_TRIAL_RE = re.compile(r"\bthe (?:(?:actual|real|original|main|pivotal|big|key)\s+)?(?P<drug>[A-Za-z][\w\-]+) "
                            r"(?:trial|study)\b", re.I)


# 'that trial' as typed after a drug named in the same turn
THAT_TRIAL_TYPED_RE = re.compile(r"\b(?:that|this) (?:trial|study)\b", re.I)


# "the follow-up study", "the next trial", "its successor": the trial that carries on from the one named
SUCCESSOR_ASKED_RE = re.compile(r"\b(?:the\s+|a\s+|its\s+)?(?:follow[\s-]?up|follow[\s-]?on|next|successor|sequel|second)\s+"
                                r"(?:study|trial)\b|\b(?:the\s+|its\s+)successor\b", re.I)


# 'that'/'this' standing for a thing told before the question ('how often does that happen'), not 'that trial'
# (as a pronoun after a verb or preposition: not the relative 'that' of "the big trial that got it approved")
TOLD_THING_RE = re.compile(r"\b(?:does|do|did|is|was|are|were|can|could|will|would|about|of|for|with|on|from)\s+(?:that|this)\b"
                           r"(?!\s+(?:trial|study|drug|one|paper|ref|reference)\b)", re.I)


class FramingSteps:
    """Rewrites of a question before its intent is read (who asks, glosses, what was told before)."""

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

    def _known_names(self, piece: str) -> list[str]:
        """The specific names in ``piece`` that the review (or a brand) knows."""
        return [e for e in self.analyzer.names_known(piece) if not is_generic(e)]

    def _without_personal_context(self, text: str) -> str:
        """'from a radiation standpoint i worry about SRS — why does tucatinib …': who asks and why is no part
        of the question, so its words ask for nothing — kept when the question needs it for its subject
        ("my patient on enhertu got ILD — is it fatal?")."""
        match = PERSONAL_CONTEXT_RE.match(text.strip()) or TRAILING_CONTEXT_RE.match(text.strip())
        if match is None and (core := without_reading_context(text)) != text and TRAILING_CONTEXT_RE.match(core.strip()):
            # ("does it cause diarrea? my mom is scared of that" read after 'wat is nerlynx': the reading's brackets
            # end the text, after the context told)
            kept = self._without_personal_context(core)
            return text if kept == core else f"{kept.rstrip(' ?')} {text[len(core):].strip()}"
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
        if trailing and not own and EXPLAINING_TOLD_RE.match(match.group("context")) and \
                not IT_RE.search(match.group("question")):
            # "list the parts of an adc, need to explain to a pt starting kadcyla": who the answer will be explained
            # to, told after a question of its own — not what it asks about
            return match.group("question").rstrip(" ,")
        if trailing and own and PURPOSE_TOLD_RE.match(match.group("context")):
            # "monarcHER vs PATRICIA - which pts got benefit in each? thinking verzenio vs ibrance for a HR+/HER2+ lady":
            # what the answer is for, told after a question naming its own subjects
            return match.group("question")
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
            named = f"{question_part[:pronoun.start()]}{name}{question_part[pronoun.end():]}"
            if TOLD_THING_RE.search(question_part):
                # "my onc mentioned lung problems with enhertu... how often does that happen and can it kill you":
                # 'that' is what was told of the name, which stays with the question
                return f"{text.strip()[:match.start('question')]}{named}"
            return named
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
        if not own and not trailing and named_before and CLASS_ASKED_RE.search(match.group("question")) \
                and not BACK_REFERENCE_RE.search(match.group("question")):
            # "my mom is on kadcyla. what are the parts an ADC is made of?": a question of the class as such ('an
            # ADC', 'TKIs') asks what the review says of the whole class, not of the one drug told before
            return match.group("question")
        # ("what is an 'ADC'? nurse keeps saying it about enhertu": what was heard, told after the question, too)
        claim = (KNOWN_CLAIM_RE.match(match.group("context")) or heard) if trailing else heard
        asks_of = own or [e for e in self.analyzer.entities_in(match.group("question")) if self.analyzer.known(e)]
        # ("mom is switching to tykerb with xeloda. how does tykerb actually work?": how a drug the question names works
        # is the same whatever it is given with)
        how_it_works = bool(own) and classify(match.group("question")) in ("why", "definition") \
            and not BACK_REFERENCE_RE.search(match.group("question"))  # ('… PIK3CA mutation. why would that make …')
        return match.group("question") if (own and (context <= own or history or how_it_works)) or (asks_of and claim) \
            else text

    def _without_condition_on_others(self, text: str) -> str:
        """'ok. down the road if perjeta stops working - was enhertu ever tested head to head against kadcyla?': a
        condition on other drugs than those the question names tells when one asks, not what — kept when the question
        names nothing of its own ('if kadcyla stops working, is there anything after it?') or the condition names no
        drug ('if she gets radiation for a brain spot, can she keep taking tukysa?')."""
        told = CONDITION_THEN_ASKED_RE.match(text.strip())
        if told is None:
            return text
        own = {e.lower() for e in self._known_names(told.group("question"))}
        condition = {e.lower() for e in self._known_names(told.group("condition"))}
        return told.group("question") if own and condition and not own & condition else text

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
        def its_trial(drug: str) -> str:
            if not is_drug_name(drug) or self.is_trial(drug):
                return ""
            named = {t for s in self.sentences.mentioning(self.analyzer.aliases_of(drug)) for t in trial_names(s.text)
                     if self.analyzer.names_a_trial(t)}
            return named.pop() if len(named) == 1 else ""

        text = DRUGS_TRIAL_RE.sub(lambda match: its_trial(match.group("drug")) or match.group(0), text)
        if (that := THAT_TRIAL_TYPED_RE.search(text)) and len(drugs := {d.lower(): d for d in self._known_names(
                text[:that.start()]) if is_drug_name(d)}) == 1 and (found := its_trial(next(iter(drugs.values())))):
            # "mom's doctor brought up tukysa. were people with brain mets allowed in that trial?": the drug's trial
            text = f"{text[:that.start()]}{found}{text[that.end():]}"
        return text

    def _with_the_successor_named(self, text: str) -> str:
        """'ok so whats the follow up study testing in PATRICIA?': the follow-up of a trial is the one the review names
        after it with a number ('PATRICIA-II'); the question unchanged when the trial has no such successor."""
        if not (asked := SUCCESSOR_ASKED_RE.search(text)):
            return text
        trials = [e for e in self._known_names(text) if self.is_trial(e)]
        if len(trials) != 1:
            return text
        base = trials[0].lower()
        followers = {name for low, name in self.analyzer.printed_names.items()
                     if re.fullmatch(rf"{re.escape(base)}[\s-]?(?:ii|2)", low)}
        if len(followers) != 1:
            return text
        return f"{text[:asked.start()]}{followers.pop()}{text[asked.end():]}"

    def _without_gloss(self, text: str) -> str:
        """'summary of HER2CLIMB (tukysa)', 'what did destiny-breast03 show? the enhertu vs kadcyla one': a
        name's gloss (its drug in brackets, 'the X vs Y one' after the question) says which one is meant;
        it is no second subject to overview or compare."""
        known = self._known_names

        def bracket(match: re.Match) -> str:
            name, glossing = match.group("name").lower(), match.group("gloss").strip().lower()
            if BRANDS.get(name, "").lower() == glossing or BRANDS.get(glossing, "").lower() == name:
                return match.group("gloss").strip() if name in BRANDS else match.group("name")  # 'imfinzi (durvalumab)': one drug
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
        return self._without_arms_typed_after(text)

    def _without_arms_typed_after(self, text: str) -> str:
        """'destiny breast 03 enhertu vs kadcyla what did it find': a trial typed with its arms, then asked of as
        'it', asks the trial ('what did DESTINY-Breast03 find') — its arms tell which trial it is, no two drugs to
        compare."""
        asked = ARMS_THEN_ASKED_RE.match(text)
        if asked is None:
            return text
        names = self._known_names(asked.group("told"))
        trials = [e for e in names if self.is_trial(e)]
        if len(trials) != 1 or names[0] != trials[0] or len(names) < 3:
            return text
        question = asked.group("question")
        return f"{question[:asked.start('it') - asked.start('question')]}{trials[0]}" \
               f"{question[asked.end('it') - asked.start('question'):]}"

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
