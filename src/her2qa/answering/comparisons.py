"""Plans for comparison questions ("X vs Y", "how do X and Y differ"): the sides and the compared
aspect read from the question, and each side's sentences on that aspect, or two classes side by side.

A mixin of :class:`her2qa.answering.pipeline.AnswerPipeline` (it uses the pipeline's fact and overview
plans and its composer).
"""

from __future__ import annotations

import re

from ..citations import strip_markers
from ..figures import has_figure
from ..query import Query, light_stem, mentions, only_a_successor_named, tokenize
from ..results import Answer
from ..retrieval import LEADING_PRONOUN_RE, is_generic
from .compose import PRONOUN_RE, Pick, merge
from .coverage import PROPERTY_SAID
from .extractive import DRUG_CODE_RE, DRUG_RE, is_drug_name, trial_names
from .overviews import RESULTS_ASKED_RE
from .subjects import FACET_RE
from .intent import COMPARE_RE, EACH_ASKED_RE, FREQUENCY_ASKED_RE, classify, paired_comparisons
from .passages import CONTRASTS_WITH_PREVIOUS_RE, FRAME_WORDS, Sentence, informative, words_of
from ..vocabulary import AFTER_SURGERY, BRANDS, BEFORE_SURGERY, DEVELOPMENT_STAGE, HOW_IT_ACTS, SYNONYMS

# A drug's name, the chemotherapies ending in -citabine and the codes (T-DM1, as misprinted 'TDM-1') too
ANY_DRUG_RE = re.compile(rf"{DRUG_RE.pattern}|\b[a-z]+citabine\b|{DRUG_CODE_RE.pattern}|\bTDM-1\b", re.I)
# Two drugs given together: 'lapatinib plus capecitabine', 'T-DXd + pertuzumab', 'combined with'
TOGETHER = r"(?:plus|\+|in combination with|combined with)"
# 'which is better', 'which one wins': the trial where the two met is asked beside what each is
WHICH_BETTER_RE = re.compile(r"\bwhich\b[^?]{0,20}?\b(?:better|best|superior|wins?|won|more effective|outperforms?)\b|"
                             r"\bis (?:\w+ )?better\b|\bbetter than\b|\bsuperior to\b|\boutperform|\bhow much (?:better|more)\b", re.I)
# Two drugs set against each other in a trial: 'compared with', 'head-to-head', 'versus', 'randomized to'
SIDES_MET_RE = re.compile(r"\bcompar\w*|\brandomi[sz]ed\b|\bhead-to-head\b|\bversus\b|\bvs\.?(?=\s)|\bagainst\b", re.I)
# How one side differs from another, in the review's own words ("Key biochemical differences compared to T-DM1…")
DIFFERENCES_SAID_RE = re.compile(r"\bdifferences\s+(?:compared\s+(?:to|with)|from|between|versus|vs\.?)\s|\bunlike\s|"
                                 r"\bin contrast (?:to|with)\s|\bdiffers?\s+from\s", re.I)
# A measure's abbreviation in at most this share of paragraphs (DAR, ORR, PFS) can be a compared aspect.
RARE_MEASURE_SHARE = 0.1
# A comparison's aspect that the drugs named answer ('which drugs did each give').
DRUGS_ASKED_RE = re.compile(r"\b(?:drugs?|agents?|regimens?|combos?|combinations?|inhibitors?|what (?:they|pts|patients) got)\b", re.I)
# What a side is said to spare or lack, which the other side may not: "…selective for … HER2 with minimal
# inhibition of EGFR", "…topoisomerase I instead of microtubules"
SET_APART_FROM_RE = re.compile(r"\b(?:minimal|little|no|without|instead of|rather than|unlike|not|less|lower)\s+"
                               r"(?P<what>(?:[\w\-/]+\s+){0,2}(?:of\s+)?[\w\-/]+)")
# Two terms set side by side before the question about them: "her2-low vs her2 heterogeneous tumours, whats…"
# ('her2 low vs her2 3+ whats the difference': the question typed straight after the second term ends it)
TERMS_VS_RE = re.compile(r"^\W*(?P<left>[\w\-+/ ]{2,40}?)\s+(?:vs\.?|versus)\s+(?P<right>[\w\-+/ ]{2,40}?)\s*(?:[,:?–—…]|\.{2,}|\s-|$|"
                         r"(?<=\s)(?=(?:what(?:'s|s| is| are)|how (?:do|does|are|is)|which)\b))", re.I)
# "difference between her2 3+ and her2 low on the path report": the two terms named after 'between'
TERMS_BETWEEN_RE = re.compile(r"\bdifferen\w*\s+between\s+(?P<left>[\w\-+/ ]{2,40}?)\s+and\s+(?P<right>[\w\-+/ ]{2,40}?)"
                              r"\s*(?:[,:?–—]|\s-|\s+(?:on|in|when|for|as|according)\b|$)", re.I)
# "HER2-low and properly HER2 3+": how firmly a side is meant is no part of the term
TERM_HEDGE_RE = re.compile(r"^(?:properly|truly|really|actually|genuinely|strictly|fully|true|real|classic(?:al(?:ly)?)?)\s+",
                           re.I)
# ('her2-low vs her2 heterogeneous, same thing?': whether they are one thing is how they differ)
DIFFERENCE_ASKED_RE = re.compile(r"\b(?:defin\w*|differen\w*|distinguish\w*|mean(?:s|ing)?|told apart|tell (?:\w+ )?apart|"
                                 r"(?:the )?same(?: thing)?|alike|interchangeable|synonyms?)\b", re.I)
# Words that frame a comparison without naming what is compared: "how r they different", "whats the difference"
COMPARISON_FRAME_WORDS = {"or", "and", "with", "between", "how", "they", "them", "their", "each", "did", "differ", "do",
                          "does", "are", "r", "is", "different", "difference", "differences", "similar", "alike",
                          "compare", "compared", "comparison", "what", "whats", "the", "main", "key", "other",
                          # what the sides are ("how do the X and Y trials differ"), not what to compare
                          "trial", "trials", "study", "studies",
                          # 'in terms of kinase selectivity', 'when it comes to toxicity': the frame of the aspect
                          "terms", "regard", "regarding", "respect", "comes",
                          "two", "both", "three", "one",  # ('which one has…')
                          # 'is X better than Y': which one did better is the comparison itself, not an aspect of it
                          "better", "worse", "superior", "inferior", "than", "actually", "really"}
# The part of a comparison before its 'and'/'vs' that lists names by commas ("how do lapatinib, neratinib")
LISTED_NAMES_RE = re.compile(r"(?:[\w\-' ]*\s)?[\w\-+/]+(?:\s*\([^)]*\))?(?:\s*,\s*[\w\-+/]+(?:\s*\([^)]*\))?)+\s*,?", re.I)
# 'early results', 'clinical outcomes', 'efficacy': a compared aspect that is what the trials found
# A sentence going on about the trial of the sentence before: "Interestingly, this trial included patients with…"
THIS_TRIAL_OPENING_RE = re.compile(r"(?:\w+,\s+)?(?:this|that|the same) (?:trial|study)\b", re.I)
# 'ZW25 vs PRS-343, what are they and how did they do': what each side is, asked beside the compared aspect
# "axl vs src mechanisms of resistance", "p95her2 vs her2 mutations - how do they cause resistance": how each side brings
# about the thing named, which each side's why-answer tells
# ('p95her2 vs activating her2 mutations as resistance mechanisms': the thing brought about, named before 'mechanism')
MECHANISM_COMPARED_RE = re.compile(r"\bmechanisms?\s+of\s+(?P<of>[a-z][\w\-]+)|\bhow\s+(?:do|does)\s+(?:they|each|both)\s+"
                                   r"(?:cause|drive|lead to|confer|give|bring about)\s+(?P<caused>[a-z][\w\-]+)|"
                                   r"\b(?:as\s+)?(?P<kind>resistance)\s+mechanisms?\b", re.I)
WHAT_THEY_ARE_RE = re.compile(r"\bwhat (?:are|were) (?:they|these|those|both|the two)\b|\bwhat(?:'s| is) each\b|"
                              r"\bwhat (?:each|both) (?:is|are)\b", re.I)
# 'in how they work', 'how do they work', 'what do they each block': how each side acts
HOW_THEY_WORK_RE = re.compile(r"\bhow (?:do |does |did )?(?:they|it|each|both)(?: \w+)? works?\b|\bwhat (?:(?:do|does) )?(?:they|it|each)"
                              r"(?: each)? blocks?\b|"
                              # ('p95her2 vs igf-ir as resistance mechanisms': what they are as causes of resistance)
                              r"(?<!resistance )\bmechanisms?\b(?! of (?:drug |treatment |therapy )?resistance)|\bmoa\b", re.I)
RESULTS_ASPECT_RE = re.compile(r"\b(?:results?|outcomes?|efficacy|found|findings|what data|(?:what|any) evidence|"
                               r"(?:early|clinical|trial|efficacy|response|phase I) (?:data|numbers|figures|stats)|"
                               # ('… and how did they do early on?': how each side fared)
                               r"how (?:did|do|does|have) (?:they|it|each|both)(?: \w+)? (?:do|done|fare|fared|perform|performed))\b",
                               re.I)
# "X vs Y - what did each show?": what the sides showed is their results (not when another trial is named:
# "kadcyla vs herceptin - what did KATHERINE show" asks that trial's, which no side's results stand for)
SHOWED_RE = re.compile(r"\bshow(?:ed|n)?\b", re.I)
RESULTS_MEASURES = "results response PFS OS survival efficacy"
# What the compared sides are: "(the X and Y) trials of CDK4/6 inhibitors in HER2+ disease"
SIDES_DESCRIBED_RE = re.compile(r"\b(?:trials?|stud(?:y|ies))\s+(?:of|with|testing|using)\s+[^?.,;:]*|"
                                # 'the EGF1001515 and EGF104900 lapatinib trials', 'the two CDK4/6 trials'
                                r"(?<![\w\-/+])[\w\-/+]+\s+(?=(?:trials?|stud(?:y|ies))\b)", re.I)


# Words that say what the sides are, not what to compare: "how do these 2 bispecifics differ", "alpelisib vs
# apitolisib as PI3K-pathway drugs in HER2 models", "everolimus vs alpelisib as ways to hit the PI3K/mTOR axis"
# (a setting told by 'as' — 'as second-line options' — is an aspect, and stays)
_KINDS = (r"(?:drugs?|agents?|ways?|approaches|options?|inhibitors?|therap(?:y|ies)|treatments?|molecules?|compounds?|"
          r"bispecifics?|ADCs?|TKIs?|antibod(?:y|ies)|classes)")
SIDES_KIND_RE = re.compile(rf"\b(?:(?:these|those|both)\s+(?:(?:two|2|three|3)\s+)?|the\s+(?:two|2|three|3)\s+){_KINDS}\b|"
                           rf"\bas\s+(?![^?,;:—–]*\b(?:lines?|adjuvant|neoadjuvant|maintenance)\b)(?:[\w\-/+]+\s+){{0,4}}?{_KINDS}\b"
                           r"(?:\s+(?:to|for|of|in|against)\s+[^?,;:—–]*)?", re.I)


# Each side's own trial asked as an aspect: 'key trial', 'pivotal study', 'main trials'
KEY_TRIAL_ASPECT_RE = re.compile(r"\b(?:key|main|pivotal|registration(?:al)?|approval|landmark|major)\s+(?:trials?|stud(?:y|ies))\b",
                                 re.I)


# A sentence drawing its point from the one before it ("For this reason, the ongoing trial PATRICIA-II aims…")
FOLLOWS_FROM_RE = re.compile(r"(?:For this reason|Therefore|Consequently|Thus|Hence|As a result)\b")


class ComparePlans:
    """How two (or more) sides compare on the aspect asked, each side from its own sentences."""

    def _compare(self, base, question, text, query, candidates, carried) -> Answer | None:
        if pairs := paired_comparisons(text):
            return self._pairs_compared(question, pairs)
        if (combinations := self._combinations_compared(base, text, query)) is not None:
            return combinations
        meeting = self._head_to_head(base, text, query)
        if meeting is not None:
            return meeting
        # ('IGF-IR vs MET as resistance mechanisms - whats the difference?': what each is, told by the terms' plan)
        how = MECHANISM_COMPARED_RE.search(text)
        if how and not (how.group("kind") and DIFFERENCE_ASKED_RE.search(text)) and \
                len(sides := self._mechanism_sides(text, how, query)) == 2 and not any(
                    is_drug_name(side) or DRUG_CODE_RE.fullmatch(side) or (self.is_trial(side) and trial_names(side))
                    for side in sides):
            # (each side as its own why: "Its activation can bypass the HER2 signaling pathway…", not the sentence
            # calling it a mechanism)
            caused = how.group("of") or how.group("caused") or how.group("kind")
            each = [(side, self._single(question, f"how does {side} cause {caused}?", [], "why")) for side in sides]
            if all(not answer.abstained and answer.points for _, answer in each):
                return merge(base, each).model_copy(update={"intent": "compare"})
        if (each := self._asked_of_each_term(question, text)) is not None:
            return each
        sides = self._sides(text, query)
        named_trials = [e for e in query.entities if self.is_trial(e) and not is_drug_name(e) and not DRUG_CODE_RE.fullmatch(e)]
        if len(named_trials) == 2 and set(sides) != set(named_trials):
            # 'verzenio+herceptin trial vs the ibrance+herceptin one - how do monarcHER and PATRICIA stack up': the two
            # trials named are what is compared, whatever the regimens typed beside them
            sides = named_trials
        if len(sides) < 2:
            return self._compare_classes(base, query) or self._terms_defined_side_by_side(question, text)
        trials = [side for side in sides if self.is_trial(side) and trial_names(side)]
        drugs = [side for side in sides if side not in trials and not self.is_trial(side)
                 and (is_drug_name(side) or DRUG_CODE_RE.fullmatch(side))]
        if len(sides) == 2 and len(trials) == len(drugs) == 1 and RESULTS_ASKED_RE.search(text) and \
                self._all_said_with(trials[0], drugs, query):
            # 'results of TULIP for trastuzumab duocarmazine vs physician's choice?': one trial and the drug it tests
            # are no two sides; the trial's results are asked (and said to be missing when the review has none)
            return self._overview(base, question, text, query, candidates, carried)
        if not any(is_drug_name(side) or DRUG_CODE_RE.fullmatch(side) or self.is_trial(side) for side in sides) and \
                (defined := self._terms_defined_side_by_side(question, text)) is not None:
            return defined  # 'HER2 3+ vs HER2-low - how are they defined?': two terms, each as the review defines it
        aspect = self._aspect_words(text, query, sides)
        # where the review itself sets out how one differs from the other ("Key biochemical differences compared to
        # T-DM1 include…"), and the measures it names there
        told = self._differences_told(query, sides, []) if len(sides) == 2 else []
        aspect = self._with_measures_the_review_contrasts(aspect, told)
        parts = []
        for side in sides:
            said_before = {p.text for _, earlier in parts for p in earlier.points} | {
                with_marker for sentence in told for with_marker in (sentence.text, strip_markers(sentence.text))}
            side_query, side_candidates = self._query(f"{aspect} {side}".strip(), [], "fact")
            side_base = self._base(question, side_query, side_candidates, "fact")
            # "nerlynx vs tukysa side effects": each side's safety where the review describes it
            overview = self._facet(side_base, side_query, judged=True) if aspect and FACET_RE.search(aspect) else None
            if overview is not None and (rest := FACET_RE.sub(" ", aspect).strip()) and \
                    (other := self._aspect_sentences(side_base, side_query, side, rest)) is not None:
                # "what they hit and side effects": the other aspect beside the safety one
                overview = merge(side_base, [("", other), ("", overview)])
            if overview is None and aspect and RESULTS_MEASURES not in aspect:
                # (results asked with another aspect — 'design and early results' — are the side's overview,
                # focused below on both)
                overview = self._aspect_sentences(side_base, side_query, side, aspect,
                                                  besides=frozenset(sentence.start for sentence in told))
            if overview is None:
                overview = self._entity_overview(side_base, side_query, side, group=False)
                if overview is not None:
                    # a sentence the side before already gave ("MonarcHER and PATRICIA are two phase II trials…")
                    # takes no place of this side's own
                    overview = self._focus(overview.model_copy(update={
                        "points": [p for p in overview.points if p.text not in said_before] or overview.points}),
                        aspect, limit=4)
            if overview is not None and overview.points:
                answer = overview
            else:
                answer = self._fact(side_base, question, side_query, side_candidates)
            if answer.points and {p.text for p in answer.points} <= said_before:
                # one sentence set both sides against each other: this side still gets its own description
                answer = self._entity_overview(side_base, side_query, side, group=False) or answer
            if WHAT_THEY_ARE_RE.search(text) and (defined := self._defining(
                    side_base, side_query, side, query.aliases.get(side, [side]))) is not None:
                shown = {p.text for p in answer.points}
                # (what it is and the sentence after, as a definition is told; the one after alone when the first is
                # already shown — unless it leans on that one: "Moreover, its small molecular size…")
                rest = [p for p in defined.points if p.text not in shown]
                if defined.points and defined.points[0].text in shown:
                    rest = [p for p in rest if not (PRONOUN_RE.match(p.text) or LEADING_PRONOUN_RE.match(p.text))]
                defined = defined.model_copy(update={"points": rest})
                if defined.points:  # the sentence that says what it is, before the aspect compared
                    answer = merge(side_base, [("", defined), ("", answer)])
            parts.append((side, self._with_what_it_contrasts(side_base, answer, side_query)))
        if len(parts) == 2 and aspect and not FACET_RE.search(aspect) and RESULTS_MEASURES not in aspect:
            parts = self._told_on_the_same_terms(question, query, aspect, parts)
        parts = self._rows_for_each_side(base, query, parts)
        if told:
            # 'kadcyla vs enhertu - how are they built differently?': the review's own account of the differences first,
            # and not again under a side (unless it is all that side has)
            parts = [(side, _without_points_said(answer, {strip_markers(s.text) for s in told})) for side, answer in parts]
            kept = {strip_markers(p.text) for _, answer in parts for p in answer.points}
            if told := [s for s in told if strip_markers(s.text) not in kept]:
                parts.insert(0, (f"{sides[0]} vs {sides[1]}", self._quoting(base, query, told)))
        if WHICH_BETTER_RE.search(text) and len(sides) == 2 and (met := self._where_they_met(query, sides)):
            # 'enhertu vs kadcyla which better?': beside what each is, the trial that set them against each other
            said = {sentence.text for sentence in met}
            parts = [(side, _without_points_said(answer, said)) for side, answer in parts]
            parts.insert(0, (f"{sides[0]} vs {sides[1]}", self._quoting(base, query, met)))
        merged = merge(base, parts)
        return merged.model_copy(update={"intent": "compare"})

    def _told_on_the_same_terms(self, question: str, query: Query, aspect: str,
                                parts: list[tuple[str, Answer]]) -> list[tuple[str, Answer]]:
        """'tukysa vs tykerb selectivity': where one side's sentence on the aspect names what the sides differ on
        (tucatinib is selective for HER2 "with minimal inhibition of EGFR"), the other side is told on the same terms
        too, by its own sentence naming it (lapatinib "inhibits HER2 and … (EGFR1)") — not only by its other
        aspect."""
        asked = set(tokenize(aspect))
        asked |= {t[:-3] for t in asked if t.endswith("ity") and len(t) > 7}  # 'selectivity' is said "selective"
        sides = {a.lower() for side, _ in parts for a in query.aliases.get(side, [side])}
        told = []
        for side, answer in parts:
            names = set()
            for point in answer.points:
                if asked & set(tokenize(point.text)):
                    # (only a name the side is set apart from — "with minimal inhibition of EGFR" —, not its own
                    # payload or the trial that approved it)
                    names |= {n for m in SET_APART_FROM_RE.finditer(strip_markers(point.text))
                              for n in self.analyzer.entities_in(m.group("what"))
                              if not any(n.lower() in a or a in n.lower() for a in sides) and not is_drug_name(n)
                              and not self.is_trial(n) and self.analyzer.paragraph_share([n]) <= 0.2}
            told.append(names)
        out = []
        for i, (side, answer) in enumerate(parts):
            wanted = told[1 - i] - told[i]
            shown = " ".join(p.text for p in answer.points)
            if not wanted or any(mentions(shown, [n]) for n in wanted):
                out.append((side, answer))
                continue
            side_query, side_candidates = self._query(f"{' '.join(sorted(wanted))} {side}", [], "fact")
            side_base = self._base(question, side_query, side_candidates, "fact")
            same = self._aspect_sentences(side_base, side_query, side, " ".join(sorted(wanted)), limit=1)
            if same is None or not same.points or same.points[0].text in shown:
                out.append((side, answer))
                continue
            out.append((side, merge(side_base, [("", same), ("", answer)])))
        return out

    def _rows_for_each_side(self, base: Answer, query: Query, parts: list[tuple[str, Answer]]) -> list[tuple[str, Answer]]:
        """'SYD985 vs ARX788 — payload class?': a side told by its table row (ARX788's payload is only in Table 1) has the
        other sides read off the same table too — each side's own row, after what the text says of it."""
        tables = {self.corpus.by_id[c.chunk_id].table for _, answer in parts for c in answer.citations
                  if c.kind == "table_row" and c.chunk_id in self.corpus.by_id}
        if len(tables) != 1 or None in tables:
            return parts
        number = tables.pop()
        completed = []
        for side, answer in parts:
            if not answer.abstained and not any(c.kind == "table_row" for c in answer.citations) and (
                    match := self.tables.rows_named([query.aliases.get(side, [side])])) is not None \
                    and match.table.number == number and len(match.chunks) == 1:
                row = self.composer.compose(base, [Pick(chunk=match.chunks[0], text=match.chunks[0].text, group="")], query)
                answer = merge(base, [("", answer), ("", row)])
            completed.append((side, answer))
        return completed

    def _combinations_compared(self, base: Answer, text: str, query: Query) -> Answer | None:
        """'tykerb+xeloda vs tykerb+herceptin - what did the trials show?': each side is two drugs given together, so
        its evidence is the first sentence giving both together ("… compared lapatinib plus capecitabine with …",
        "… trastuzumab plus lapatinib vs. lapatinib alone …") with the sentences after it that give its figures —
        wherever each sits in the review. None unless both sides name two drugs each."""
        chunks = re.split(r"\b(?:vs\.?|versus)\b", re.split(r"\s[-–—:]\s|\?", text)[0], flags=re.I)
        if len(chunks) != 2 or any(self.is_trial(e) and trial_names(e) for e in query.entities):
            return None  # ('… how do monarcHER and PATRICIA stack up?': the trials named are the sides)
        drugs = [e for e in query.entities if is_drug_name(e) or e.lower() in BRANDS]
        sides = []
        for chunk in chunks:
            side = [e for e in drugs if mentions(chunk, query.aliases.get(e, [e])) or e.lower() in chunk.lower()]
            # ('… vs lapatinib plus capecitabine': a drug the reading did not take for a name is still a drug)
            said = {a.lower() for e in side for a in query.aliases.get(e, [e])}
            side += [d for d in ANY_DRUG_RE.findall(chunk) if d.lower() not in said]
            sides.append(side)
        if any(len(side) != 2 for side in sides) or {d.lower() for d in sides[0]} == {d.lower() for d in sides[1]}:
            return None
        patterns = []
        for first, second in sides:
            one, other = _any_of(query.aliases.get(first, [first])), _any_of(query.aliases.get(second, [second]))
            patterns.append(re.compile(rf"\b(?:{one})\s+{TOGETHER}\s+(?:{other})\b|\b(?:{other})\s+{TOGETHER}\s+(?:{one})\b",
                                       re.I))
        if any(all(p.search(s.text) for p in patterns) for s in self.sentences.sentences):
            return None  # the two are one trial's arms ("capecitabine plus neratinib or capecitabine plus lapatinib")
        parts = []
        for (first, second), together in zip(sides, patterns):
            giving = [(s, m) for s in self.sentences.sentences if (m := together.search(s.text))]
            # the trial of the combination itself, not one where it was another drug's comparator ("T-DM1 was compared
            # with lapatinib plus capecitabine")
            given = next((s for s, m in giving if not ANY_DRUG_RE.search(s.text[:m.start()])), giving[0][0] if giving else None)
            if given is None:
                return None
            figures = []  # the figures told right after it, sentence after sentence
            for after in self.sentences.paragraph(given)[given.index + 1: given.index + 4]:
                if not has_figure(after.text):
                    break
                figures.append(after)
            told = [given] + figures
            parts.append((f"{first} + {second}", self._quoting(base, query, told)))
        return merge(base, parts).model_copy(update={"intent": "compare"})

    def _pairs_compared(self, question: str, pairs: list[str]) -> Answer:
        """'tykerb + xeloda vs xeloda alone, compared with tykerb + herceptin vs tykerb alone': each pair is
        compared on its own (the trial where its two arms met, else each side), under its own heading."""
        parts = []
        for pair in pairs:
            pair_query, pair_candidates = self._query(pair, [], "compare")
            pair_base = self._base(question, pair_query, pair_candidates, "compare")
            answer = self._head_to_head(pair_base, pair, pair_query) or self._single(question, pair, [], "compare")
            parts.append((pair, answer))
        answered = [(pair, answer) for pair, answer in parts if not answer.abstained and answer.points]
        if not answered:
            return parts[0][1]
        return merge(answered[0][1], answered).model_copy(update={"intent": "compare"})

    def _with_what_it_contrasts(self, base: Answer, answer: Answer, query: Query) -> Answer:
        """A side quoting "However, in PD-L1 positive subgroup, the PFS (8.5 months vs. 4.1 months)…" without the
        sentence it sets itself against ("…not significantly different when considering all patients without
        stratification"): that sentence comes too, before it; and a figure's "However, …" after it."""
        if answer.abstained or not answer.points or answer.table is not None:
            return answer
        quoted = [sentence for _, _, sentence in self._quoted(answer)]
        if None in quoted:
            return answer
        starts = {s.start for s in quoted}
        added = [self.sentences.paragraph(s)[s.index - 1] for s in quoted if s.index > 0 and CONTRASTS_WITH_PREVIOUS_RE.match(s.text)]
        # …and a figure quoted without the "However, …" that qualifies it right after ("…PFS, from 4.3 to 6.2 months…"
        # then "However, no statistically significant differences were observed in OS (75.0 weeks…)")
        added += [after for s in quoted if has_figure(strip_markers(s.text))
                  for after in self.sentences.paragraph(s)[s.index + 1: s.index + 2] if CONTRASTS_WITH_PREVIOUS_RE.match(after.text)]
        added = list({s.start: s for s in added if s.start not in starts}.values())
        return self._with_added(base, answer, query, quoted, added) if added else answer

    def _differences_told(self, query: Query, sides: list[str], parts: list) -> list[Sentence]:
        """Sentences where the review says how one side differs from the other: naming one side beside a
        difference ('differences compared to T-DM1', 'unlike…'), in a paragraph that names the other."""
        if not all(is_drug_name(side) or self.is_trial(side) for side in sides) or sides[0].lower() == sides[1].lower():
            return []
        said = {strip_markers(p.text) for _, answer in parts for p in answer.points}
        first, second = (query.aliases.get(side, [side]) for side in sides)
        told = []
        for s in self.sentences.sentences:
            if not DIFFERENCES_SAID_RE.search(s.text) or strip_markers(s.text) in said:
                continue
            paragraph = " ".join(p.text for p in self.sentences.paragraph(s))
            if (mentions(s.text, first) and mentions(paragraph, second)) or \
                    (mentions(s.text, second) and mentions(paragraph, first)):
                told.append(s)
        return told[:2]

    def _with_measures_the_review_contrasts(self, aspect: str, told: list[Sentence]) -> str:
        """The aspect asked, with the measures the review names where it sets the two apart on that aspect: 'kadcyla
        vs enhertu - linker & payload?' meets "Key biochemical differences … include the increased DAR, the … payload",
        so each side's DAR is part of how they differ."""
        asked = set(tokenize(aspect))
        if not asked or FACET_RE.search(aspect):
            return aspect  # (safety asked: how the drugs are built is another aspect, whatever words it shares)
        added = []
        for sentence in told:
            words = set(tokenize(sentence.text))
            if not asked & words:
                continue  # (a difference on another aspect)
            # (a measure's abbreviation the review spells out, rare enough to tell the aspect)
            added += [w for w in sorted(words - asked) if w in self.analyzer.expansions and is_generic(w)
                      and self.analyzer.paragraph_share([w]) <= RARE_MEASURE_SHARE and w not in added]
        return " ".join([aspect] + added)

    def _where_they_met(self, query: Query, sides: list[str]) -> list[Sentence]:
        """The first sentence that sets the two drugs against each other ('…a head-to-head trial to compare T-DXd
        with T-DM1.', '…randomized to receive … T-DM1 or trastuzumab') and the one after it, which names or
        reports that trial; [] when none does."""
        if not all(is_drug_name(side) for side in sides):
            return []
        # (the two named a few words apart across 'with'/'or'/'vs': a drug named as what patients had before,
        # '…previously treated with taxane and trastuzumab', is no arm)
        first, second = (query.aliases.get(side, [side]) for side in sides)
        met = [s for s in self.sentences.sentences if SIDES_MET_RE.search(s.text)
               and (_side_by_side(s.text, first, second) or _side_by_side(s.text, second, first))]
        if not met:
            return []
        paragraph = self.sentences.paragraph(met[0])
        return [met[0]] + paragraph[met[0].index + 1: met[0].index + 2]

    def _mechanism_sides(self, text: str, how: re.Match, query: Query) -> list[str]:
        """The two sides whose mechanisms are compared: the names the question gives, or the two terms typed around
        'vs' before the mechanism is named ('p95her2 vs activating her2 mutations as resistance mechanisms')."""
        sides = self._sides(text, query)
        before = re.sub(r"[\s\-–—,:]+(?:as|in|for)?\s*$", "", text[:how.start()])
        if len(sides) != 2 and (typed := TERMS_VS_RE.match(before)):
            sides = [typed.group("left").strip(), typed.group("right").strip()]
        return sides

    def _asked_of_each_term(self, question: str, text: str) -> Answer | None:
        """'intratumoral HER2 heterogeneity vs primary-to-met discordance, how often does each happen?': two terms
        (no drugs or trials) set side by side, then one question asked of each — answered for each on its own."""
        match = TERMS_VS_RE.match(text)
        if match is None:
            return None
        rest = text[match.end():]
        each = EACH_ASKED_RE.search(rest)
        if each is None and FREQUENCY_ASKED_RE.match(rest):
            # ('… vs change from primary to mets - how often': how often each is seen, asked after the two)
            rest = "how often does each happen"
            each = EACH_ASKED_RE.search(rest)
        terms = [match.group("left").strip(), match.group("right").strip()]
        # (a trial is a name the question holds, not any word the review once puts before 'trial': 'to')
        if each is None or any(is_drug_name(w) for t in terms for w in [t, *t.split()]) or \
                any(self.is_trial(n) for t in terms for n in [t, *self.analyzer.entities_in(t)]):
            return None
        parts = []
        for term in terms:
            asked = f"{rest[:each.start()]}{term}{rest[each.end():]}".strip(" ,:;-–—")
            parts.append((term, self._single(question, asked, [], classify(asked))))
        answered = [(term, answer) for term, answer in parts if not answer.abstained and answer.points]
        if not answered:
            return None
        if len(answered) == 1:
            # a term the review says in other words ('primary-to-met discordance': "HER2 expression can oscillate
            # from primary disease to metastasis"): the whole question, read as one, finds it
            whole = self._single(question, text, [], "fact")
            said = {p.text for p in answered[0][1].points}
            if whole.abstained or not [p for p in whole.points if p.text not in said]:
                return None
            missing = next(term for term, answer in parts if answer.abstained or not answer.points)
            answered = [(term, whole if term == missing else answer) for term, answer in parts]
        return merge(answered[0][1], answered).model_copy(update={"intent": "compare"})

    def _terms_defined_side_by_side(self, question: str, text: str) -> Answer | None:
        """'her2 low vs her2 3+ on IHC - how are they defined differently', 'her2-low vs heterogeneous tumours,
        whats the difference': two terms, not drugs or trials, each answered by what the review says it is."""
        match = TERMS_VS_RE.match(text) or TERMS_BETWEEN_RE.search(text)
        if match is None or not DIFFERENCE_ASKED_RE.search(text):
            return None
        parts = []
        for term in (match.group("left"), match.group("right")):
            term = TERM_HEDGE_RE.sub("", term.strip())  # ('properly HER2 3+': the category, however hedged)
            answer = self._single(question, f"what is {self.analyzer.correct(term)}?", [], "definition")
            if answer.abstained or not answer.points:
                return None
            parts.append((term.strip(), answer))
        base = parts[0][1]
        return merge(base, parts).model_copy(update={"intent": "compare"})

    def _compare_classes(self, base, query: Query) -> Answer | None:
        """'ADCs vs TKIs: how do they work differently?': two drug classes, each titling a section of the
        review, are told by the opening sentences of their own sections (what the class is and does)."""
        classes = [e for e in query.entities if is_generic(e)]
        sections = []
        for name in classes:
            aliases = query.aliases.get(name, [name])
            aliases = aliases + [a[:-1] for a in aliases if a.endswith("s")]  # the 'TKI' section for 'TKIs'
            titled = [(doc.source, sec) for doc in self.corpus.documents
                      for sec in self.sentences.titled_by(doc, aliases)]
            if titled:
                sections.append((name, titled[0]))
        if len(sections) != 2 or len(classes) != 2:
            return None
        parts = []
        for name, (source, section) in sections:
            own = [s for s in self.sentences.in_section(source, section.key) if s.section == section.key]
            aliases = query.aliases.get(name, [name])

            def telling(s: Sentence) -> float:
                # a sentence whose subject is the class ('ADCs are…', 'These drugs inhibit…') says what it is
                opening = " ".join(s.text.split()[:4])
                return 2.0 * bool(mentions(opening, aliases) or re.match(r"(?:These|Such|They)\b", s.text)) \
                    + informative(s, s.index == 0)
            own = sorted(sorted(own, key=lambda s: (-telling(s), s.start))[:3], key=lambda s: s.start)
            if not own:
                return None
            parts.append((name, self._quoting(base, query, own, lambda s, name=name: name)))
        return merge(base, parts).model_copy(update={"intent": "compare"})

    def _aspect_sentences(self, base, query: Query, side: str, aspect: str, limit: int = 3,
                          besides: frozenset[int] = frozenset()) -> Answer | None:
        """Sentences naming one side of a comparison that speak to the compared aspect (not those starting at
        ``besides``, told elsewhere in the answer)."""
        terms = set(tokenize(aspect)) | set(tokenize(" ".join(v for k, v in SYNONYMS.items() if re.search(k, aspect, re.I))))
        # a quality asked by its noun is printed by its adjective: 'selectivity' by "selective", 'toxicity' by "toxic"
        terms |= {t[:-3] for t in terms if t.endswith("ity") and len(t) > 7}
        # a property the review names otherwise for one side ("T-DM1 … linked … to the cytotoxic agent DM1"),
        # said by that whole phrase
        said_as = {w: PROPERTY_SAID[w.rstrip("s")] for w in tokenize(aspect) if w.rstrip("s") in PROPERTY_SAID}
        # Names the whole review repeats (HER2, trastuzumab) say nothing about the compared aspect; a
        # measure's abbreviation does when it is rare ('DAR' in "linker, payload and DAR").
        terms = {t for t in terms if (share := self.analyzer.paragraph_share([t])) <= 0.2
                 and (not is_generic(t) or share <= RARE_MEASURE_SHARE)}
        # ('targets + key trial': a trial asked as an aspect is told by a sentence naming one, a word too common to
        # score by itself)
        trial_asked = bool(re.search(r"\b(?:trials?|stud(?:y|ies))\b", aspect, re.I))
        if not terms and not trial_asked:
            return None
        scored = []
        aliases = query.aliases.get(side, [side])
        for s in self._naming_or_continuing(aliases, side)[:60]:
            if only_a_successor_named(s.text, aliases) or s.start in besides:
                continue  # 'PATRICIA-II' is not the PATRICIA side of a comparison
            printed = set(tokenize(s.text))
            # ('egfr' is the review's numbered "EGFR1")
            numbered = {t for t in terms if any(w.startswith(t) and w[len(t):].isdigit() for w in printed)}
            shared = terms & printed | numbered | {w for w, phrases in said_as.items()
                                                   if any(p in s.text.lower() for p in phrases)}
            if trial_asked and any(not n.upper().startswith("NCT") for n in trial_names(s.text)):
                shared = shared | {"trial"}
            if shared:
                scored.append((shared, s))
        if not scored:
            return None
        # on a tie, a sentence that opens with the side is about it, not one that names it in passing
        scored.sort(key=lambda t: (-len(t[0]), not mentions(" ".join(t[1].text.split()[:3]), aliases), t[1].start))
        ranked = [s for _, s in scored]
        # first the sentences that each add a compared term not yet covered ('linker, payload and DAR':
        # the DAR sentence before a second one on the payload), then the best of the rest from their paragraphs
        picked, covered = [], set()
        for shared, s in scored:
            if len(picked) < limit and shared - covered:
                picked.append(s)
                covered |= shared
        paragraphs = {(s.source, s.paragraph) for s in picked}
        picked += [s for s in ranked if s not in picked and (s.source, s.paragraph) in paragraphs][:limit - len(picked)]
        chosen = sorted(picked, key=lambda s: s.start)
        return self._quoting(base, query, chosen, lambda s: self._antecedent(s, side))

    def _naming_or_continuing(self, aliases: list[str], side: str) -> list[Sentence]:
        """Sentences naming the side, and those that go on about it by pronoun ("It is uniquely designed
        and has a high DAR…" after "T-DXd is an ADC…"): the compared property is often in the second."""
        naming = self.sentences.mentioning(aliases)
        named = {(s.source, s.paragraph, s.index) for s in naming}
        continuing = [s for s in self.sentences.sentences
                      if (PRONOUN_RE.match(s.text) or LEADING_PRONOUN_RE.match(s.text)  # "Moreover, its small size…"
                          or THIS_TRIAL_OPENING_RE.match(s.text))  # "Interestingly, this trial included…"
                      and (s.source, s.paragraph, s.index - 1) in named
                      and self._speaks_of(s, side, aliases)]
        return sorted(naming + continuing, key=lambda s: s.start)

    def _focus(self, answer: Answer, aspect: str, limit: int) -> Answer:
        """The points of an overview that speak to the compared aspect (all, if none does), in order."""
        # ('who benefited' meets "only benefits patients with…": words compared by their stems)
        terms = {light_stem(w) for w in tokenize(aspect)}
        # 'which drugs / what regimen' is answered by the sentences that name drugs, whatever their words
        drugs_asked = bool(DRUGS_ASKED_RE.search(aspect))
        scored = [(len(terms & {light_stem(w) for w in tokenize(p.text)}) + (drugs_asked and bool(DRUG_RE.search(p.text))), -i, p)
                  for i, p in enumerate(answer.points)]
        keep = sorted(scored, key=lambda t: (-t[0], -t[1]))[:limit]
        # ("For this reason, the ongoing trial PATRICIA-II …" is kept with the finding it follows from: "Additionally,
        # PAM50 associated the luminal intrinsic subtype with better PFS (10.6 months vs. 4.2 months…)")
        indices = {-order for _, order, _ in keep}
        leaned_on = {i - 1 for i in indices if i > 0 and i - 1 not in indices and FOLLOWS_FROM_RE.match(answer.points[i].text)}
        keep += [t for t in scored if -t[1] in leaned_on]
        points = [p for _, _, p in sorted(keep, key=lambda t: -t[1])]
        used = {m for p in points for m in p.markers}
        return answer.model_copy(update={"points": points, "lead": "",
                                         "citations": [c for c in answer.citations if c.marker in used]})

    def _sides(self, text: str, query: Query) -> list[str]:
        specific = [e for e in query.entities if not is_generic(e)]
        if len(specific) < 2:
            return []
        # ('tykerb / nerlynx / tukysa': a slash between spaces lists sides; 'T-DM1/pertuzumab' joins a regimen)
        split = re.split(r"\b(?:vs\.?|versus|v\.|compared? (?:to|with)|or|and)\b|\s/\s", text, flags=re.I)
        sides = []
        for chunk in split:
            named = [e for e in specific if mentions(chunk, query.aliases.get(e, [e])) or e.lower() in chunk.lower()]
            if len(named) >= 2 and (LISTED_NAMES_RE.fullmatch(chunk.strip()) or self._typed_in_a_row(chunk, named, query)):
                sides += [e for e in named if e not in sides]  # 'lapatinib, neratinib and tucatinib'
            elif named and named[-1] not in sides:
                sides.append(named[-1] if not sides else named[0])
        return sides[:3] if len(sides) >= 2 else specific[:2]

    @staticmethod
    def _typed_in_a_row(chunk: str, named: list[str], query: Query) -> bool:
        """'between tykerb nerlynx and tukysa': names typed one after another with nothing between them list sides,
        as commas would."""
        lowered = chunk.lower()
        return all(any(re.search(rf"\b{re.escape(a.lower())}\s+{re.escape(b.lower())}\b", lowered)
                       for a in query.aliases.get(left, [left]) for b in query.aliases.get(right, [right]))
                   for left, right in zip(named, named[1:]))

    def _aspect_words(self, text: str, query: Query, sides: list[str]) -> str:
        rest = text
        for side in sides:
            for alias in query.aliases.get(side, [side]):
                rest = re.sub(re.escape(alias), " ", rest, flags=re.I)
        # "how does the payload of X compare with …": what is compared sits inside the comparing phrase
        rest = re.sub(r"\bhow (?:do|does|did)\s+(.+?)\s+(?:compare|stack up|line up)\b", r" \1 ", rest, flags=re.I)
        rest = COMPARE_RE.sub(" ", rest)
        # "X vs Y after surgery": treatment timed by surgery is the review's (neo)adjuvant setting, in its words
        rest = re.sub(AFTER_SURGERY, " adjuvant ", rest, flags=re.I)
        rest = re.sub(BEFORE_SURGERY, " neoadjuvant ", rest, flags=re.I)
        # "…PATRICIA trials of CDK4/6 inhibitors in HER2+ disease" says what the sides are, not what to compare
        rest = SIDES_DESCRIBED_RE.sub(" ", rest)
        rest = SIDES_KIND_RE.sub(" ", rest)
        words = [w for w in re.findall(r"[\w\-/+]+", rest)
                 if w.lower() not in FRAME_WORDS and w.lower() not in COMPARISON_FRAME_WORDS
                 and words_of(w)]
        if FACET_RE.search(rest) and not FACET_RE.search(" ".join(words)):
            words.append("safety")  # 'which one is easier on the body': the frame words dropped held the aspect
        if HOW_THEY_WORK_RE.search(rest):
            # 'tykerb vs tukysa in how they work': the frame words dropped held the aspect, how each acts
            words.append(HOW_IT_ACTS)
        if re.search(DEVELOPMENT_STAGE, rest, re.I):
            words.append("phase")  # 'where are they in development': how far each has come, its trials' phase
        if KEY_TRIAL_ASPECT_RE.search(text) and "trial" not in words:
            words.append("trial")  # 'targets + key trial': each side's trial, a word the frame words drop
        trial_apart = any(self.is_trial(e) and trial_names(e) and e not in sides for e in query.entities)
        if RESULTS_ASPECT_RE.search(rest) or (SHOWED_RE.search(rest) and not trial_apart):
            # 'design and early results': a trial's results are told by its measures (a 33% response
            # rate, disease control of 58%), seldom by the word 'results'
            words.append(RESULTS_MEASURES)
        return " ".join(words)


def _without_points_said(answer: Answer, said: set[str]) -> Answer:
    """``answer`` without the points quoting a sentence of ``said`` — unless that would leave it none."""
    kept = [p for p in answer.points if strip_markers(p.text) not in said]
    return answer.model_copy(update={"points": kept}) if kept else answer


def _side_by_side(text: str, left: list[str], right: list[str]) -> bool:
    """Is a name of ``left`` set beside one of ``right`` a few words on, across 'with', 'or', 'vs' ('compare
    T-DXd with T-DM1', '…plus neratinib or capecitabine plus lapatinib', 'adjuvant T-DM1 or trastuzumab')?"""
    return bool(re.search(rf"(?<![\w-])(?:{_any_of(left)})(?![\w-])\W+(?:[\w\-/+]+\W+){{0,3}}?"
                          rf"(?:with|or|vs\.?|versus|against|to)\W+(?:[\w\-/+]+\W+){{0,3}}?"
                          rf"(?<![\w-])(?:{_any_of(right)})(?![\w-])", text, re.I))


def _any_of(aliases: list[str]) -> str:
    return "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True))
