"""Parts: a question of several parts, each answered under its own heading.

"What kind of receptor is IGF-IR, and through which mechanisms does it act?": a name given once serves every
part, 'it' in a later part is the part before, and a part the sentence above already answers is not asked
again.

A mixin of :class:`her2qa.answering.pipeline.AnswerPipeline`.
"""

from __future__ import annotations

import re

from ..figures import has_figure
from ..query import light_stem, mentions
from ..results import Answer
from ..retrieval import REVIEW_SUBJECT, is_generic
from .compose import merge, render
from .coverage import content_words
from .extractive import MEASURES, asked_kind, is_drug_name, trial_names
from .intent import as_definition, classify
from .overviews import RESULTS_ASKED_RE
from .passages import FRAME_WORDS
from .table_plans import ROW_COLUMN_ASKED_RE

FOLLOW_ON_SENTENCES = 3

# 'how many died from it': deaths asked, which the review says as "fatal" or "mortality" too
DEATH_ASKED_RE = re.compile(r"died|dies|deaths?|dying|killed", re.I)
# A part that only asks for more of the subject ('any good data', 'give me the overview'): more of the part before
REQUEST_NOUN_END_RE = re.compile(r"^\W*(?:(?:and|so|also|ok)\s+)?(?:any|give me|show me|what about|what are|got)\b.*?"
                                 r"\b(?:data|results|overview|summary|details|info|information|numbers)\W*$",
                                 re.I)

# "which IGF-1R inhibitors are being combined …, and any response data?": results asked of what the part before asked
RESULTS_OF_NONE_RE = re.compile(r"^\W*(?:(?:and|so|also)\s+)?(?:any|what(?:'s| is| was| were| are)?)\s+(?:the\s+)?"
                                r"(?:clinical\s+)?(?:response|efficacy|results?|data|outcomes?)(?:\s+(?:data|rates?|results?))?\W*$",
                                re.I)

# "… what drugs are tried against it?", "… can anything block it?": 'it' is what something acts on
ACTED_ON_IT_RE = re.compile(r"\b(?:against|target(?:s|ed|ing)?|block(?:s|ed|ing)?|inhibit(?:s|ed|ing)?|hit(?:s|ting)?|"
                            r"overcome|get around|go after|act on|aimed at)\s+it\W*$", re.I)

# An endpoint's name ('PFS', 'ORR'): what a trial measured, never the subject of a part of its own
ENDPOINT_NAME_RE = re.compile(r"pfs|os|orr|dcr|dfs|idfs|overall survival|progression[- ]free survival|response rate|"
                              r"hazard ratio", re.I)

# The asking words of an earlier part lent as context: 'who showed it' in "who showed it in the neoadjuvant
# setting and how did they define …" would make the later part ask for a reference too
ASKING_WORDS_RE = re.compile(r"^\W*(?:who|what|which|how|when|where|why)\b(?:\s+[\w']+){0,2}?\s+"
                             r"(?:it|they|them|this|that)\b\s*", re.I)

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

# The asking words that open a part: "why does HER2 heterogeneity lead to resistance" → its topic, lent to a later part
WH_OPENING_RE = re.compile(r"^\W*(?:why|how|what|which|when|where)\s+(?:(?:does|do|did|is|are|was|were|can|could|would)\s+)?",
                           re.I)


def _ends_on_it(part: str) -> re.Match | None:
    """'… how are they dealing with it', '… less bothered by it': the part ends on what was asked before."""
    return re.search(r"\b(?:it|that|this|them)\W*$", part.strip(" ?"), re.I)


# 'the tukysa trial', 'the atezolizumab study': a trial named by its drug
THE_TRIAL_RE = re.compile(r"\bthe (trial|study)\b", re.I)

# A part pointing back at the trial the part before asked for: "…and were ppl with brain mets even in it"
TRIAL_POINTER_RE = re.compile(r"\b(?:it|(?:that|this|the) (?:trial|study))\b", re.I)

WHICH_RE = re.compile(r"^\s*(?:so |and |ok )?(?:which|name (?:the|a|an))\b|"
                      r"^\s*(?:so |and |ok )?(?:are )?(?:there )?any\b.*\b(?:named|mentioned|listed)\W*$", re.I)


class PartSteps:
    """Multi-part questions: each part answered in turn, the subject carried from part to part."""

    # ---- tables ---------------------------------------------------------------------------
    def _one_trial_found(self, part: str, answer: Answer) -> str:
        """The one trial that answers a 'what/which trial …?' part ('Based on the phase III HER2CLIMB study,
        tucatinib was approved…'), '' when the part asks no trial or its first point names none or several."""
        if answer.abstained or not answer.points or asked_kind(part) != "trial":
            return ""
        named = {t for t in trial_names(answer.points[0].text) if self.is_trial(t) and not is_generic(t)}
        return named.pop() if len(named) == 1 else ""

    def _multi_part(self, question: str, parts: list[str], carried: list[str]) -> Answer:
        from ..chat import (
            ONLY_SETTING_RE,  # (chat reads questions with this package: imported here, not above)
        )

        answers = []
        named = [[e for e in self.analyzer.entities_in(p) if self.analyzer.known(e) and not is_generic(e)] for p in parts]
        # "what was the control arm and who was eligible in TH3RESA?": a name given once serves every part.
        # A carried name the reading put in one part ("…how heavily pretreated were PATRICIA") is the subject
        # of every part, not the conversation's other names (palbociclib).
        # A later part that points back ("…, and why is T-DXd less bothered by it?") asks its name of the part
        # before, so that name is no subject of the parts before it.
        subject: list[str] = ([e for e in carried if any(e in n for n in named)] or list(carried)
                              or next((n for j, n in enumerate(named) if n and not (j and _ends_on_it(parts[j]))), []))
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
            ends_on_it = _ends_on_it(part)
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
            asked_on = False  # (the part asked on names typed into it: no names lent besides)
            if i and not topical and REQUEST_NOUN_END_RE.search(part) and (
                    on := ", ".join([e for e in self._known_names(parts[i - 1]) if e.lower() not in REVIEW_SUBJECT][:2])
                    or context):
                # "where do cdk4/6 inhibitors stand in her2+ mbc? any good data": data asked on the subject, a brand
                # too ('im writing on enhertu … - are the results good? give me the overview')
                text, asked_on = f"{part.rstrip(' ?.!')} on {on}?", True
            if i and topical and ends_on_it and not named[i - 1] and not carried:
                # "why does HER2 heterogeneity lead to resistance, and why is T-DXd less bothered by it?": it is the
                # topic of the part before, which names nothing the review knows as a name
                text = f"{part.rstrip(' ?')} ({WH_OPENING_RE.sub('', parts[i - 1]).strip(' ?')})?"
            if not topical and len(lent) == 1 and is_drug_name(lent[0]) and not self.is_trial(lent[0]) \
                    and (trial := THE_TRIAL_RE.search(part)):
                # "can you get tucatinib with brain mets? were ppl with brain mets even in the trial": tucatinib's trial
                text = self._with_the_drugs_trial(f"{part[:trial.start()]}the {lent[0]} {trial.group(1)}{part[trial.end():]}")
            others = [e for e in subject if e not in named_here and not mentions(part, self.analyzer.aliases_of(e) + [e])]
            if i and named_here and not ends_on_it and len(subject) == 2 and len(others) == 1 and \
                    re.search(r"\b(?:it|its)\b", part, re.I):
                # "… compare with that of T-DM1, and does it work where T-DM1 fails?": 'it' is the other one
                text = re.sub(r"\b(it)(s?)\b", lambda m: others[0] + ("'s" if m.group(2) else ""), part, count=1,
                              flags=re.I)
            if i and not named_here and not ends_on_it and len(subject) == 1 and re.search(r"\b(?:it|its)\b", part, re.I):
                # "what is AXL and how does it fit into resistance to HER2-targeted therapy?": 'it' is the one
                # name asked before
                text = re.sub(r"\b(it)(s?)\b", lambda m: subject[0] + ("'s" if m.group(2) else ""), part, count=1,
                              flags=re.I)
            subjects_here = [e for e in own if not ENDPOINT_NAME_RE.fullmatch(e)]
            # ('any good data on CDK4/6?' asks an overview, as 'any good data' alone does not say)
            intent = classify(text if asked_on else part)
            if intent != "definition" and (defined := as_definition(text)) and classify(defined) == "definition":
                text, intent = defined, "definition"  # 'targeted protein degradation - what is it?': the term, defined
            answer = self._single(question, text, [] if subjects_here or asked_on else lent, intent)
            if unnamed and not named_here and (re.search(r"\b(?:it|its|they|their|them)\b", part, re.I)
                                               or RESULTS_OF_NONE_RE.match(part)):
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
            # ("… ILD with T-DXd, and how often was it fatal?": the sentence above says both — declined, or answered
            # by that same sentence among others, which the part shows alone)
            own_hit = None if answer.abstained else self._given_above(part, [answer])
            if i and (own_hit is None or any(own_hit.points[0].text == p.text for _, a in answers for p in a.points)) \
                    and (given := self._given_above(part, [a for _, a in answers])) is not None:
                answer = given
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
                deaths_said = bool(MEASURES["deaths"][1].search(text))
                if has_figure(point.text) and all(re.search(rf"\b{re.escape(light_stem(w))}", text)
                                                  or (DEATH_ASKED_RE.fullmatch(w) and deaths_said) for w in words):
                    cited = [c for c in answer.citations if c.marker in point.markers]
                    return answer.model_copy(update={"points": [point], "citations": cited,
                                                      "answer": render("", [point])})
        return None
