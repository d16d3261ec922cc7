"""Comparisons the review settles in one passage: two arms of one trial.

"kadcyla vs tykerb+xeloda in emilia", "nerlynx+xeloda vs tykerb+xeloda", "tykerb + herceptin vs tykerb
alone": each side is a regimen, and the review compares them where one paragraph names what tells the
sides apart (T-DM1 and lapatinib; neratinib and lapatinib). Answering each side on its own finds each
drug's best-known sentence, not the head-to-head result.
"""

from __future__ import annotations

import re

from ..figures import has_figure
from ..query import Query, light_stem, mentions
from ..results import Answer
from ..retrieval import is_generic
from ..vocabulary import synonym_meanings
from .coverage import ENDPOINTS, content_words
from .extractive import MEASURES, asked_measures, is_drug_name, trial_names
from .intent import IMPERATIVE_COMPARE_RE, either_better
from .passages import Sentence

SIDE_SPLIT_RE = re.compile(r"\b(?:vs\.?|versus|v\.|compared? (?:to|with)|against|"
                           r"(?:better|worse|superior|inferior|more effective|less effective)\s+(?:than|to)|"
                           # ('lap + cape improve os over cape alone?': 'over' after what was improved)
                           r"(?:(?<=\bos )|(?<=\bpfs )|(?<=\borr )|(?<=survival )|(?<=improve )|(?<=improved )|"
                           r"(?<=benefit ))over)\b", re.IGNORECASE)
# What a side was given after is the setting, not part of the regimen ("tykerb alone after herceptin progression").
# ('cape alone in trastuzumab refractory pts': the drug a side's patients were refractory to is no part of it)
CONTEXT_RE = re.compile(r"\b(?:after|following|post|refractory to|progress\w* (?:on|after|to)|previously treated|"
                        r"pretreated|[\w\-]+[- ](?:refractory|resistant|pre-?treated|exposed))\b.*", re.IGNORECASE)
# ('kadcyla vs herceptin for residual disease - numbers?': whom the second side was given to, told after 'for' — when
# no name follows it: 'the 3 yr idfs for t-dm1 vs herceptin' names a side)
# ('adjuvant kadcyla vs herceptin in residual disease': after 'in' too, when no name asked follows it)
SETTING_AFTER_RE = re.compile(r"\b(?:for|in)\s+(?!(?:the|a|an|it|its|them|this|that|me|us|you|what|which|how|each|both)\b).*",
                            re.IGNORECASE)
# the setting told after a side ends where the question goes on ("… after neoadjuvant residual disease - what were …")
# ('… after neoadjuvant residual disease, idfs?': a comma, then what is asked of it)
SETTING_END_RE = re.compile(r"\s[-–—:]\s|[?;]|,\s|\s(?:what|which|how|and)\s", re.IGNORECASE)
# "For women with residual disease after neoadjuvant treatment, how did X do against Y in KATHERINE?": who
# was treated, said before the question; its 'after …' is no part of a regimen either
POPULATION_LEAD_RE = re.compile(r"^\W*(?:for|in|among)\s[^,?]{3,100},\s*(?=(?:how|what|which|did|does|do|is|was|were)\b)", re.I)
# the end of a sentence told before the question ('…before surgery. kadcyla vs herceptin…'), not of 'vs.' or 'et al.'
SENTENCE_STOP_RE = re.compile(r"(?<!\bvs)(?<!\bal)[.!]\s+(?=\S)", re.I)
OUTCOMES = [ENDPOINTS[name] for name in ("OS", "PFS", "ORR", "DFS")]
BOTH_WITH_RE = re.compile(r"\bboth\s+(?:with|w/?|plus|\+|on|given with|combined with)\s+([\w\-+/ ]{2,40})", re.IGNORECASE)
PLUS_RE = re.compile(r"\w\s*(?:\+|\bplus\b)\s*\w", re.IGNORECASE)  # a regimen typed as one drug plus another
REGIMEN_JOIN_RE = re.compile(r"\+|\bplus\b|\bwith\b|\band\b|&|/", re.IGNORECASE)
# A result added to the one before ("Besides, T-DM1 presented a lower toxicity profile…")
ADDS_ON_RE = re.compile(r"(?:Besides|Moreover|Furthermore|In addition|Additionally|Also)\b")
COMPARATIVE_RE = re.compile(r"\b(?:lower|higher|improved|better|worse|fewer|reduced|increased)\b", re.IGNORECASE)
# a hazard ratio typed in lower case ('pfs hr'), not a hormone-receptor status ('hr+', 'hr-/her2+')
HAZARD_TYPED_RE = re.compile(r"\bhazard\b|\bhr\b(?![+\-−/])", re.IGNORECASE)
# a second partner offered for one drug: 'apitolisib with trastuzumab or with t-dm1'
OTHER_PARTNER_RE = re.compile(r"\s+or\s+(?=(?:with|w/|plus)\s)", re.I)
# which arm did better, said without a figure ("The combination with T-DM1 has exhibited superior efficacy…")
VERDICT_RE = re.compile(r"\b(?:superior|inferior|outperform\w*|more (?:effective|pronounced|potent)|less effective)\b",
                        re.I)
ALONE_RE = re.compile(r"\b(?:alone|monotherapy|by itself|on its own|single[- ]agent)\b", re.IGNORECASE)


# A sentence telling the approval the results before it led to ("Based on these results, the FDA approved …",
# "In 2013, these results led to FDA approval of …")
APPROVAL_FOLLOWED_RE = re.compile(r"(?:In \w+ \d{4}, |In \d{4}, )?(?:Based on (?:these|this|the) (?:results|findings|data)|"
                                  r"(?:These|This|The) (?:results|findings|data) led to)\b[^.]*\bapprov", re.I)


class HeadToHeadPlans:
    """Mixin of :class:`AnswerPipeline`: the passage where two regimens meet."""

    def _head_to_head(self, base: Answer, text: str, query: Query) -> Answer | None:
        text = POPULATION_LEAD_RE.sub("", text)
        # "i still had cancer left after chemo before surgery. kadcyla vs herceptin afterwards…": who asks, told in a
        # sentence of its own before the comparison, is no part of its first side (but may tell the setting)
        told_before = ""
        if (vs := SIDE_SPLIT_RE.search(text)) and (stops := list(SENTENCE_STOP_RE.finditer(text[:vs.start()]))):
            told_before, text = text[:stops[-1].end()], text[stops[-1].end():]
        either = either_better(text)
        split = list(either) if either else SIDE_SPLIT_RE.split(text)
        if len(split) == 1 and (partners := OTHER_PARTNER_RE.search(text)):
            # 'apitolisib with trastuzumab or with t-dm1 - which combo…': one drug given with either of two partners
            split = [text[:partners.start()], text[partners.end():]]
        if len(split) == 1 and (imperative := IMPERATIVE_COMPARE_RE.match(text)):
            split = re.split(r"\band\b", text[imperative.end():], maxsplit=1)  # 'compare X and Y in NALA'
        sides = [CONTEXT_RE.sub("", side) for side in split]
        if len(sides) != 2:
            return None
        told_after = SETTING_AFTER_RE.search(sides[1])
        if told_after and told_after.group(0)[:2].lower() == "in" and \
                len(re.findall(r"[\w\-+/]+", sides[1][:told_after.start()])) > 2:
            told_after = None  # ('…vs Enhertu get FDA approval in metastatic disease': 'in' right after the side's name only)
        if told_after and not any(mentions(told_after.group(0), query.aliases.get(e, [e])) for e in query.entities):
            sides[1] = sides[1][:told_after.start()]
        else:
            told_after = None
        setting = self._setting_told(split + [told_before] * bool(told_before), query,
                                     (told_after.group(0).split(None, 1)[-1],) if told_after else ())
        names = [e for e in query.entities if not is_generic(e)]  # trastuzumab is common, yet a regimen part
        trials = [e for e in names if self.is_trial(e)]
        if len([e for e in trials if not is_drug_name(e)]) >= 2:
            return None  # 'verzenio+herceptin vs ibrance+herceptin - how do monarcHER and PATRICIA stack up': two trials
        drugs = [e for e in names if e not in trials]
        per_side = [{e for e in drugs if mentions(side, query.aliases.get(e, [e])) or e.lower() in side.lower()}
                    for side in sides]
        if re.match(r"\s*(?:with|w/|plus)\s", sides[1]) and (joined := re.search(r"\s(?:with|w/|plus)\s", sides[0])):
            # (a second side that is only the other partner — '… or with t-dm1' — is given with what the first
            # side's partner joins)
            per_side[1] |= {e for e in drugs if mentions(sides[0][:joined.start()], query.aliases.get(e, [e]))}
        if both := BOTH_WITH_RE.search(text):
            # 'nerlynx vs tykerb (both w xeloda)': what both sides were given with is part of each regimen
            given = {e for e in drugs if mentions(both.group(1), query.aliases.get(e, [e]))}
            per_side = [side_names | given for side_names in per_side]
        shared = per_side[0] & per_side[1]
        distinct = [side_names - shared for side_names in per_side]
        # ('tykerb + xeloda vs xeloda': a side of one drug, which the other side adds to, is that drug alone)
        alone = [(bool(ALONE_RE.search(side)) or (bool(own) and own < other and not REGIMEN_JOIN_RE.search(side)))
                 and not names_ for side, names_, own, other in zip(sides, distinct, per_side, per_side[::-1])]
        if not all(d or a for d, a in zip(distinct, alone)) or not any(distinct):
            return None
        # (a regimen typed as one side — 'kadcyla vs tykerb + xeloda' — not a '+' in what is asked after it)
        typed_regimen = any(PLUS_RE.search(re.split(r"\s*:\s|\s[-–—]\s|[?(;,]", side)[0]) for side in sides)
        if not (shared or trials or any(alone) or setting or typed_regimen):
            return None  # "enhertu vs kadcyla": two drugs, each answered on its own (not "kadcyla vs tykerb + xeloda")
        needed = sorted(set().union(*distinct) | shared | set(trials))
        paragraph = self._meeting_paragraph(query, needed, any(alone), setting)
        if paragraph is None and setting and (shared or trials or any(alone)):
            setting = set()  # the setting in other words than the review's: the regimens alone find the paragraph
            paragraph = self._meeting_paragraph(query, needed, any(alone))
        if paragraph is None:
            return None
        chosen = self._arms_and_results(paragraph, query, needed, any(alone), setting=setting)
        if not trials and (other := [e for e in needed if not any(
                mentions(CONTEXT_RE.sub("", s.text), query.aliases.get(e, [e])) for s in chosen)]):
            # "tykerb + xeloda vs tykerb + herceptin": each regimen set against its own control in the
            # paragraph; the sentence setting up the other side, and its results, join
            chosen += [s for s in self._arms_and_results(paragraph, query, other, False) if s not in chosen]
            chosen.sort(key=lambda s: s.index)
        # ('nerlynx + xeloda vs tykerb + xeloda in NALA, who won': "Based on these results, the FDA approved the use of
        # neratinib as third-line therapy…" — what the results led to is the end of the story told)
        after = paragraph[chosen[-1].index + 1: chosen[-1].index + 2] if chosen else []
        if after and APPROVAL_FOLLOWED_RE.match(after[0].text):
            chosen.append(after[0])
        return self._quoting(base, query, chosen).model_copy(update={"intent": "compare"})

    def _regimens_met_for_a_figure(self, base: Answer, text: str, query: Query) -> Answer | None:
        """'herceptin + tykerb vs tykerb alone os?', 'nera+cape vs lap+cape pfs and os': a figure asked of two
        regimens set against each other is the trial's where they meet, when its arms and results give every
        measure asked (else the figure is sought sentence by sentence)."""
        # (a side told as one drug 'alone' — 'capecitabine alone', a drug the reading takes for no name — is an arm)
        if not all(any(is_drug_name(e) for e in query.entities if mentions(side, query.aliases.get(e, [e])))
                   or ALONE_RE.search(side) for side in SIDE_SPLIT_RE.split(text)[:2]):
            return None  # ('hr+/her2- vs hr-/her2+ incidence?': subtypes set against each other, no regimens)
        typed = {t.lower() for t in [*query.entities, *trial_names(text)] if self.is_trial(t)}
        if len(typed) >= 2:
            return None  # ('tykerb+xeloda (EGF1001515) vs tykerb+herceptin (EGF104900)': two trials, each its own arms)
        meeting = self._head_to_head(base, text, query)
        if meeting is None or meeting.abstained:
            return None
        told = " ".join(p.text for p in meeting.points) or meeting.answer
        measures = asked_measures(text)
        if HAZARD_TYPED_RE.search(text) and "hazard" not in measures:
            measures.append("hazard")  # ('db03 pfs hr enhertu vs kadcyla': the review gives no hazard ratio there)
        if not has_figure(told) or not all(MEASURES[m][1].search(told) for m in measures):
            return None
        return meeting.model_copy(update={"intent": base.intent})

    @staticmethod
    def _setting_told(split: list[str], query: Query, told: tuple[str, ...] = ()) -> set[str]:
        """"kadcyla vs herceptin after neoadjuvant residual disease": the words of the setting where the two
        arms met (stems of two or more words besides the names asked), else none. ``told``: settings read apart
        from the sides ('… for residual disease')."""
        settings = [SETTING_END_RE.split(found.group(0))[0] for side in split if (found := CONTEXT_RE.search(side))] + \
            [SETTING_END_RE.split(setting)[0] for setting in told]
        if not settings:
            return set()
        named = {light_stem(w) for e in query.entities for a in query.aliases.get(e, [e]) for w in content_words(a)}
        setting = {light_stem(w) for w in content_words(" ".join(settings)) if len(w) >= 4} - named
        if len(setting) >= 2 and (meanings := synonym_meanings(" ".join(settings))):
            # "after surgery when theres leftover cancer": the setting in the review's words, adjuvant and residual
            # disease (the words as typed are not the review's)
            setting = {light_stem(w) for w in content_words(" ".join(meanings)) if len(w) >= 4} - named
        return setting if len(setting) >= 2 else set()

    def _meeting_paragraph(self, query: Query, needed: list[str], alone: bool,
                           setting: set[str] = frozenset()) -> list[Sentence] | None:
        """The paragraph naming every regimen part (and the trial, if one is asked, and the setting's
        words, if one is told), with the most figures."""
        best, best_figures = None, 0
        for sentences in self.sentences.by_paragraph.values():
            text = " ".join(s.text for s in sentences)
            if not all(mentions(text, query.aliases.get(e, [e])) for e in needed):
                continue
            if setting and not setting <= _stems(text):
                continue
            if alone and not ALONE_RE.search(text):
                continue
            figures = sum(has_figure(s.text) for s in sentences)
            if figures > best_figures:
                best, best_figures = sentences, figures
        return best

    def _arms_and_results(self, paragraph: list[Sentence], query: Query, needed: list[str], alone: bool,
                          limit: int = 4, setting: set[str] = frozenset()) -> list[Sentence]:
        """The sentence that sets the regimens against each other (most parts named; 'alone' when asked),
        then the sentences with figures that follow it, until another trial takes the stage."""
        def fit(s: Sentence) -> tuple[int, int]:
            regimen = CONTEXT_RE.sub("", s.text)  # '…alone in patients previously treated with trastuzumab'
            named = sum(mentions(regimen, query.aliases.get(e, [e])) for e in needed)
            return named + (bool(ALONE_RE.search(regimen)) if alone else 0), -s.index
        # An asked trial's arms are set against each other where it is described, not in what comes
        # before it is named ("In 2013, … T-DM1 … trastuzumab …" precedes "…the KATHERINE trial").
        trials = [e for e in needed if self.is_trial(e)]
        first = next((i for i, s in enumerate(paragraph)
                      if any(mentions(s.text, query.aliases.get(e, [e])) for e in trials)), 0)
        if setting and not trials:
            # the arms are set against each other where the setting asked is described ("…who had residual
            # disease after neoadjuvant treatment"), not in an approval told before it
            # (of two sentences sharing as many of its words, the one saying them together: "…who had residual
            # disease after neoadjuvant treatment", not an approval "…after the completion of adjuvant treatment")
            first = max(range(len(paragraph)), key=lambda i: (len(setting & _stems(paragraph[i].text)),
                                                              _said_together(setting, paragraph[i].text), -i))
        start = max(range(first, len(paragraph)), key=lambda i: fit(paragraph[i]))
        # the sentence telling the setting asked ("…1486 patients … who had residual disease after neoadjuvant
        # treatment") says who the arms were given to
        chosen = [paragraph[first]] * bool(setting and first < start) + [paragraph[start]]
        def names_a_trial(sentence: Sentence) -> bool:
            return any(self.is_trial(t) for t in trial_names(sentence.text))
        if setting and not trials and first > 0 and not any(names_a_trial(s) for s in chosen) and \
                names_a_trial(paragraph[first - 1]):
            # ("This was a phase III study involving 1486 patients …": the trial it is, named just before)
            chosen.insert(0, paragraph[first - 1])
        # the words asked that the comparing sentence prints (capecitabine too, which the review repeats)
        comparing = CONTEXT_RE.sub("", paragraph[start].text)  # the comparing sentence's regimens, without the setting
        compared = {w for w in set(content_words(query.text)) & set(content_words(comparing))
                    if not ALONE_RE.fullmatch(w)}  # ('alone' names no regimen: the next trial's control arm says it too)
        # (and the regimen parts asked by any of their names: 'tykerb + xeloda' is the review's lapatinib plus capecitabine)
        parts = {e for e in needed if mentions(comparing, query.aliases.get(e, [e]))}
        for s in paragraph[start + 1:]:
            others = [t for t in trial_names(s.text) if t not in needed and not is_generic(t)]
            if others and not any(
                    mentions(s.text, query.aliases.get(e, [e])) for e in needed if self.is_trial(e)):
                regimen = CONTEXT_RE.sub("", s.text)
                same_words = bool(compared) and compared <= set(content_words(regimen))
                same_parts = len(parts) >= 2 and all(mentions(regimen, query.aliases.get(e, [e])) for e in parts)
                if trials or not (same_words or same_parts):
                    break  # "Moreover, the EGF104900 trial…": another trial's results
                limit += 2  # the same regimens set against each other in a second trial: its results too
            if has_figure(s.text) or any(p.search(s.text) for p in OUTCOMES) or \
                    (ADDS_ON_RE.match(s.text) and COMPARATIVE_RE.search(s.text)) or \
                    (VERDICT_RE.search(s.text) and any(mentions(s.text, query.aliases.get(e, [e])) for e in needed)):
                # "However, no differences in OS were observed between arms." too, and "Besides, T-DM1 presented a
                # lower toxicity profile and an improved quality of life."
                chosen.append(s)
        return chosen[:limit]


def _stems(text: str) -> set[str]:
    return {light_stem(w) for w in content_words(text)}


def _said_together(stems: set[str], text: str) -> int:
    """How many pairs of these word stems the text says next to each other ('residual disease')."""
    words = [light_stem(w) for w in content_words(text)]
    return sum(a in stems and b in stems and a != b for a, b in zip(words, words[1:]))
