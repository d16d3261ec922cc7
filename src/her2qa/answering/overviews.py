"""Plans for overview questions ("what did X show", "tell me about Y", a section's summary): the
key sentences of an entity, a trial or a section in text order, grouped as design, results and safety.

A mixin of :class:`her2qa.answering.pipeline.AnswerPipeline` (it uses the pipeline's sentence index,
composer and table plans).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..citations import strip_markers
from ..figures import has_figure
from ..query import Query, light_stem, mentions
from ..results import Answer
from ..retrieval import Candidate
from .compose import Pick, merge
from .continuation import CAVEAT_RE
from .coverage import content_words
from .extractive import DRUG_CODE_RE, LEANS_BACK_RE, is_drug_name, trial_names
from .subjects import EVENT_RE, FACET_RE, without_brackets
from .intent import (ABOUT_REVIEW_RE, ASPECTS_LISTED_RE, COURSE_ASKED_RE, EXAMPLE_WORDS, HOW_TO_ANSWER_WORDS,
                     REVIEW_SCOPE_TAIL_RE)
from .passages import BARE_PRONOUN_RE, FRAME_WORDS, SECTION_ASKED_RE, Sentence, informative, words_of
from ..vocabulary import ABBREVIATIONS, SAME_TOPIC, in_the_reviews_words, synonym_meanings

# Asking for what a paper concludes rather than what it covers: 'bottom line', 'take-home', 'key message'
CONCLUSION_ASKED_RE = re.compile(r"\b(?:bottom[\s-]?line|take[\s-]?(?:home|aways?)|key messages?|main messages?|"
                                 r"conclu\w*|upshot|verdict)\b", re.I)
CONCLUSIONS_TITLE_RE = re.compile(r"\W*(?:\d+\.?\s*)?conclusions?\b", re.I)

# The role a topic is asked in: "X as a resistance mechanism", "Y as a biomarker"
AS_A_ROLE_RE = re.compile(r"\bas an? (?:[\w\-/]+\s+){0,3}?(?:mechanisms?|causes?|drivers?|markers?|biomarkers?|targets?|factors?)\b",
                          re.I)

# How many sentences naming an entity outside its home paragraph join its overview: a drug's or trial's, and a topic's
ELSEWHERE_NAMED = 2
ELSEWHERE_TOPIC = 4

ASPECTS = (
    ("Safety", re.compile(r"adverse|toxicit|diarrh|tolerab|safety|side effect|grade (?:3|III|three)|interstitial|"
                          r"fatal|transaminitis", re.I)),
    ("Results", re.compile(r"\bPFS\b|\bOS\b|\bORR\b|response|survival|hazard|improv|benefit|reduction|efficacy|"
                           r"\brate", re.I)),
    ("Design", re.compile(r"randomi|enrolled|includ|compared|phase|\barms?\b|received|single-group|designed|"
                          r"evaluat|assess", re.I)),
)
# A sentence setting a trial up: its phase, its arms or whom it enrolled, before any result
TRIAL_SET_UP_RE = re.compile(r"\bphase (?:I{1,3}|IV|[1-4])(?:/I{1,3}|b)?\b[^.]{0,40}\b(?:trial|study)\b[^.]{0,20}\b(?:compared|evaluated|"
                             r"assessed|tested|included|enrolled|randomi[sz]ed)\b|\brandomi[sz]ed to receive\b", re.I)
# A sentence that takes its subject or setting from the one before ('In this setting…', 'They…')
LEANS_ON_PREVIOUS_RE = re.compile(r"(?:In )?(?:this|these|such|that|those) (?:cases?|patients|setting|context|trial|study|sense)\b|"
                                  r"(?:It|They|This|These)\b")
# A sentence that goes on in the setting of the one before ('In these cases, …', 'In this sense, …')
SETTING_CARRIED_ON_RE = re.compile(r"(?:In )?(?:this|these|such|that|those) (?:cases?|patients|setting|context|sense)\b")
# Words of an overview question that ask for an overview, not for a topic.
OVERVIEW_WORDS = {"data", "show", "shows", "showed", "shown", "find", "found", "findings", "report", "reported", "results",
                  "result", "tell", "know", "known", "happened", "happen", "trial", "trials", "study", "studies", "drug",
                  "drugs", "about", "anything", "info", "information", "evidence", "summary", "summarize", "overview",
                  "describe", "explain", "review", "paper", "what", "does", "there", "have", "they", "them",
                  "outcomes", "outcome", "efficacy", "demonstrate", "demonstrated", "conclude", "concluded",
                  # how the topic is attached, not the topic: "its findings regarding PD-L1"
                  "regarding", "concerning", "related", "relating", "respect", "relation"}
# 'the main mechanisms', 'all the trials' (not 'the review says': a verb, not a plural)
PLURAL_ASKED_RE = re.compile(r"\b(?:the|all|main|different|various)\s+(?:[\w\-/]+\s+){0,2}?"
                             r"(?!(?:says|does|shows|gives|covers|mentions|describes|discusses|states|reports|"
                             r"suggests|claims|thinks)\b)[a-z]{3,}(?<!s)s\b(?!\s+(?:of|in|for|with|from)\b)", re.I)
# what a trial showed, or whether it worked: asked of a trial the review only names as running, there is nothing to quote
RESULTS_ASKED_RE = re.compile(r"\b(?:results?|efficacy|outcomes?|data|findings|show|showed|find|found|benefit|"
                              r"work(?:ed|s)?|succeed(?:ed|s)?|successful|positive|beat|(?:meet|met|hit|reach(?:ed)?|miss(?:ed)?) (?:its|the)|"
                              r"pan(?:ned)? out|report(?:ed|s)? (?:anything|any\w*|back))\b", re.I)
# Words that report a trial's result in a sentence (a figure, an improvement, no difference)
RESULT_REPORTED_RE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|months?|weeks?)|hazard ratio|\bimprov|\bsignificant|"
                                r"\bdemonstrat|\bshowed\b|\bbenefit|no (?:statistically )?(?:significant )?differences?", re.I)
# A trial's results or endpoint asked in so many words ('tulip primary endpoint and result')
RESULTS_NAMED_RE = re.compile(r"\b(?:results?|outcomes?|findings|efficacy|end ?points?)\b", re.I)
# What a trial sets out to do, not what it found: 'aim to show', 'trying to prove', 'designed to test'
AIM_ASKED_RE = re.compile(r"\b(?:aim(?:s|ing|ed)?|trying|tries|try|meant|set(?:ting)? out|designed|hop(?:e|es|ing)|want(?:s|ing)?)"
                          r" to\b|\b(?:goal|purpose|objective|aim)s?\b", re.I)
# How many review sentences may name a topic for an open question about it to quote them all
TOPIC_SENTENCES = 8
# The kind of data asked for a name: "any clinical data for …", "human evidence on …"
DATA_KIND_RE = re.compile(r"\b((?:pre)?clinical|human|trial|patient|phase[\s-]?(?:i{1,3}|[123])|randomi[sz]ed|"
                          r"real[\s-]world|survival|efficacy|safety)\s+(?:data|evidence|results)\s+(?:for|on|about|with|of|in)\b",
                          re.I)
EXAMPLE_GIVEN_RE = re.compile(rf"\b{EXAMPLE_WORDS}(?=[\s,.:])", re.I)
# ('overview of the newer approaches - bispecifics, car-t, protacs etc': after a dash as after a question mark)
EXAMPLES_AFTER_RE = re.compile(r"(?:(?<=\?)|\s[-–—:])\s*[\w\-/+ ,]{1,40}?\s+(?:etc\.?|and so on|and the like)\W*$", re.I)
# "whats this review about basically", "… about overall, in a nutshell?": how the question is hedged, no topic
HEDGE_WORDS = frozenset("basically nutshell general generally really actually anyway mainly mostly essentially "
                        "roughly quickly again exactly".split())
# The review's own subject, named whole ('where is her2+ mbc treatment going'): no topic within it
REVIEW_SUBJECT_WORDS = frozenset("her2 her2+ her2-positive positive mbc metastatic breast cancer bc treatment treatments "
                                 "therapy therapies field landscape heading headed".split())
ONGOING_RE = re.compile(r"\bbeing (?:tested|evaluated|investigated|studied|performed)|\bongoing\b|\bundergoing\b|"
                        r"\bNCT\d{6,}", re.I)


class OverviewPlans:
    """The key sentences of an entity, a trial or a section, in text order and grouped by aspect."""

    def _overview(self, base, question, text, query, candidates, carried) -> Answer | None:
        specific = [e for e in self._specific(query) if e not in query.carried] or self._carried_trial_asked(text, query) \
            or self._carried_drug_combined(text, query)
        if aspects := ASPECTS_LISTED_RE.search(text):
            # "neratinib - approvals, NALA, tox": the subject is named before its aspects, which it covers
            specific = [e for e in specific if mentions(text[:aspects.start()], query.aliases.get(e, [e]))] or specific
        if query.carried and specific and any(self.is_trial(e) for e in query.carried) \
                and not any((self.is_trial(e) and trial_names(e)) or is_drug_name(e) for e in specific):
            return None  # "what about in the pd-l1 positive ones?" after KATE2: that subgroup of the trial, a fact
        trials = [e for e in specific if self.is_trial(e) and trial_names(e)]
        if len(trials) == 1 and len(specific) >= 2 and self._all_said_with(trials[0], [e for e in specific if e != trials[0]], query):
            # "tell me about enhertu in her2-low (destiny-breast04)": the trial is where the review puts the rest
            specific = trials
        if len(trials) >= 2 and len(trials) == len(specific) and \
                (each := self._each_trial_told(base, query, text, trials)) is not None:
            return each
        # 'big picture on tykerb, nerlynx and tukysa': several names, each a part of one section
        if len(specific) >= 2 and (parent := self.sentences.parent_of_named(
                [query.aliases.get(e, [e]) for e in specific])) is not None:
            return self._section_overview(base, query, *parent)
        # "a rundown of the resistance mechanisms": a plural the title of a section with parts holds
        # ('HER2 heterogeneity as a resistance mechanism': the role a topic is asked in names no section of its own)
        found = self.sentences.find_section(AS_A_ROLE_RE.sub(" ", text), prefer_parents=bool(PLURAL_ASKED_RE.search(text)),
                                            topic=True)
        if found is None and not specific and not query.carried and (reworded := in_the_reviews_words(text)) != text:
            # ('checkpoint inhibitors + anti-her2': the part titled "Immunotherapy in HER2-Positive Disease", a title
            # in the review's words for what was typed)
            found = self.sentences.find_section(AS_A_ROLE_RE.sub(" ", reworded), topic=True,
                                                prefer_parents=bool(PLURAL_ASKED_RE.search(text)))
            if found is not None and words_of(found[1].title) & words_of(" ".join(synonym_meanings(text))):
                text = reworded
            else:
                found = None
        if len(specific) == 1 and (found is None or not mentions(found[1].title, query.aliases.get(specific[0], specific))) \
                and (spelt := self._spelt_out(query, specific[0])):
            # ('what does the review say about igf-1r': the section titled with the name spelt out, "Insulin-Like
            # Growth Factor I Receptor")
            found = self.sentences.find_section(spelt, topic=True) or found
            query = replace(query, aliases={**query.aliases, specific[0]: query.aliases.get(specific[0], specific) + [spelt]})
        # "any data in her2 low?" after a TULIP answer asks about TULIP there, not for the HER2-low section
        carried_elsewhere = found is not None and bool(query.carried) and not any(
            mentions(s.text, query.aliases.get(e, [e]))
            for e in query.carried for s in self.sentences.in_section(found[0], found[1].key))
        if specific and not aspects and (gap := self._topic_told_only_of_others(base, query, text, specific)) is not None:
            return gap  # (before the drug's own section: the topic asked of it is not there)
        if found is not None and not carried_elsewhere and (
                not specific or any(mentions(found[1].title, query.aliases.get(e, [e])) for e in specific)
                or self._section_asked_with_examples(text, found, specific, query)):
            if specific and not aspects and self._topic_section_apart(text, found, specific, query) \
                    and (focused := self._focused_overview(base, query, text, specific)) is not None:
                # 'any info on immunotherapy with T-DM1?': the name's own section was found, but the topic joined
                # to it has a section of its own that goes on about the name (KATE2, in "Immunotherapy…")
                return self._results_reported(base, focused, text, specific[0])
            if not specific and not query.carried and (on_topic := self._on_topic_in_section(text, *found)):
                # "what do the authors conclude about brain mets?": what the section says of that topic
                return self._quoting(base, query, on_topic, self.sentences.subheading_of,
                                     lead=f"From “{_section_label(found[1])}”:")
            return self._section_overview(base, query, *found)
        if specific and not aspects and (focused := self._focused_overview(base, query, text, specific)) is not None:
            return self._results_reported(base, focused, text, specific[0])
        if specific:
            answer = self._entity_overview(base, query, specific[0])
            if answer is not None:
                return self._results_reported(base, answer, text, specific[0])
            match = self.tables.match(text, query)
            if match is not None and match.rows:
                return self._table(base, question, text, query, candidates, carried)
        if query.carried:
            return None  # "what about brain mets?" after a trial: a focused question, answered as a fact
        # ('what does the review say about brain mets?' names a topic of its own: what the review is about is not asked)
        if ABOUT_REVIEW_RE.search(text) and not specific and not (
                set(content_words(_topic_asked(text) or (text if COURSE_ASKED_RE.search(text) else "")))
                - FRAME_WORDS - HOW_TO_ANSWER_WORDS - HEDGE_WORDS - REVIEW_SUBJECT_WORDS):
            doc = self.corpus.primary
            # "whats the bottom line of the review": what the authors conclude, not what the review covers
            concluding = next((s for s in doc.sections if s.kind == "body" and CONCLUSIONS_TITLE_RE.match(s.title)), None) \
                if CONCLUSION_ASKED_RE.search(text) else None
            summary = concluding or doc.section("abstract/abstract")
            if summary is not None:
                return self._section_overview(base, query, doc.source, summary)
        return self._survey(base, query, candidates)

    def _each_trial_told(self, base, query: Query, text: str, trials: list[str]) -> Answer | None:
        """'overview of the cdk4/6 + her2 trials (monarcher, patricia)': each trial named told on its own (its
        design and results) under its name, not the section both sit in, which tells the first and stops; None
        unless every trial has a telling of its own."""
        told = []
        for trial in trials:
            answer = self._entity_overview(base, query, trial)
            if answer is None or answer.abstained or not answer.points:
                return None
            told.append((trial, self._results_reported(base, answer, text, trial)))
        return merge(base, told)

    def _carried_drug_combined(self, text: str, query: Query) -> list[str]:
        """'what about combining it with herceptin?' after tykerb, read as '… combining tykerb with herceptin': the
        carried drug the reading puts in the pronoun's place, joined to another name asked, is the subject — not a
        section on combinations in general; [] otherwise."""
        typed = without_brackets(text)
        drugs = [e for e in query.carried if is_drug_name(e) and mentions(typed, query.aliases.get(e, [e]))]
        partners = [e for e in query.entities if e not in query.carried and is_drug_name(e) and not mentions(
            " ".join(query.aliases.get(drugs[0], drugs[:1])), [e])] if len(drugs) == 1 else []
        joined = any(re.search(rf"\b(?:with|plus|and|to)\s+(?:\w+\s+)?{re.escape(a)}\b|(?<!\d)\+\s*{re.escape(a)}\b", typed, re.I)
                     for e in partners for a in query.aliases.get(e, [e]))
        return drugs if joined else []

    def _carried_trial_asked(self, text: str, query: Query) -> list[str]:
        """'what were the numbers in that trial' read as '… in KATHERINE': the one trial the conversation
        carried into the reading is what is asked when the reading asks nothing else of it (no subgroup,
        no topic), so it gets the trial's own overview, design and results — [] otherwise."""
        named = [e for e in query.carried if self.is_trial(e) and trial_names(e)
                 and mentions(text, query.aliases.get(e, [e]))]
        if len(named) != 1 or query.wants_number:  # ('for how many days (CONTROL)?' asks one figure of it)
            return []
        rest = text
        for alias in query.aliases.get(named[0], named[0:1]):
            rest = re.sub(re.escape(alias), " ", rest, flags=re.I)
        asked = set(content_words(rest)) - FRAME_WORDS - OVERVIEW_WORDS - HOW_TO_ANSWER_WORDS
        return [] if asked else named

    def _on_topic_in_section(self, text: str, source: str, section) -> list[Sentence]:
        """The sentences of ``section`` that say every telling word of the topic the question asks it
        about ("… conclude about brain mets"), with the sentences leaning on them ("In this sense, …");
        [] when the question asks for the whole section ("the section on HER2 mutations") or no
        sentence says its topic."""
        about = _topic_asked(text)
        if not about:
            return []
        title = words_of(section.title)
        topic = self._telling_forms(about)
        if not topic or any(forms & title for forms in topic):
            return []
        sentences = self.sentences.in_section(source, section.key)
        saying = [i for i, s in enumerate(sentences) if all(forms & words_of(s.text) for forms in topic)]
        if not saying or len(saying) == len(sentences):
            return []
        chosen = set(saying)
        for i in saying:
            j = i + 1
            while j < len(sentences) and sentences[j].paragraph == sentences[i].paragraph and \
                    LEANS_ON_PREVIOUS_RE.match(sentences[j].text):
                chosen.add(j)
                j += 1
        return [sentences[i] for i in sorted(chosen)]

    def _telling_forms(self, topic: str) -> list[set[str]]:
        """The word forms of each telling word of a topic: not a frame or overview word, not one found everywhere."""
        return [forms for w in content_words(topic) if w not in FRAME_WORDS and w not in OVERVIEW_WORDS
                and (forms := words_of(w)) and not forms <= self.sentences.everywhere]

    def _naming_topic(self, text: str) -> list[Sentence]:
        """The sentences of the whole review that say every telling word of the topic asked about ('… on
        brain mets' → brain + metastasis), each with those leaning on it; a topic typed as alternatives ('CNS
        disease / brain mets') by any of them. [] when fewer than two or more than TOPIC_SENTENCES say it: a topic
        said once is a fact, one said everywhere is no topic."""
        about = _topic_asked(text)
        if not about:
            return []
        found: set[Sentence] = set()
        alternatives = re.split(r"\s*/\s*|\s+or\s+", about)
        # ('CNS mets': the review's brain metastases too)
        alternatives += [re.sub(rf"\b{re.escape(word)}\b", same, alternative, flags=re.I)
                         for alternative in list(alternatives) for word, same in SAME_TOPIC.items()
                         if re.search(rf"\b{re.escape(word)}\b", alternative, re.I)]
        for alternative in alternatives:
            if topic := self._telling_forms(alternative):
                found |= {s for s in self.sentences.sentences if all(forms & words_of(s.text) for forms in topic)}
        if not 2 <= len(found) <= TOPIC_SENTENCES:
            return []
        for sentence in list(found):
            paragraph = self.sentences.paragraph(sentence)
            for after in paragraph[sentence.index + 1:]:
                # ('It is important to highlight the toxicity…' after HER2CLIMB's brain-metastasis sentence turns away)
                if not SETTING_CARRIED_ON_RE.match(after.text):
                    break
                found.add(after)
        return sorted(found, key=lambda s: (s.source, s.start))

    def _topic_section_apart(self, text: str, found, specific: list[str], query: Query) -> bool:
        """Is ``found`` the name's own section (its title names it), while the rest of the question names
        another section, neither inside the other, that speaks of the name too?"""
        source, section = found
        aliases = [a for e in specific for a in query.aliases.get(e, [e])]
        if not mentions(section.title, aliases):
            return False
        rest = text
        for alias in sorted(aliases, key=len, reverse=True):
            rest = re.sub(rf"\b{re.escape(alias)}\b", " ", rest, flags=re.I)
        other = self.sentences.find_section(rest, topic=True)
        if other is None or other[0] != source:
            return False
        inner = set(self.sentences.descendants(self.corpus.document(source), section.key))
        outer = set(self.sentences.descendants(self.corpus.document(source), other[1].key))
        if other[1].key in inner or section.key in outer:
            return False
        return any(mentions(s.text, aliases) for s in self.sentences.in_section(source, other[1].key))

    def _section_asked_with_examples(self, text: str, found, specific: list[str], query: Query) -> bool:
        """'summary of the section on other new approaches (bispecifics, CAR-T etc)': a section asked for,
        the names given as examples of what it holds."""
        source, section = found
        # 'what does the review say about liquid biopsy and the PLASMA-MATCH study?': the section's own title asked
        # beside a name it holds is the section asked, with that name in it
        title = re.escape(section.title.strip().lower())
        joined = re.search(rf"\b{title}\s+(?:and|&|\+|plus)\s|\s(?:and|&|\+|plus)\s+(?:the\s+)?{title}\b", text.lower())
        # ('what does the review say about liquid biopsy for resistance, e.g. PLASMA-MATCH?': the names given only
        # as an example of the topic)
        # ('… liquid biopsy for tracking resistance? plasma-match etc': examples told after the question)
        example = EXAMPLE_GIVEN_RE.search(text) or EXAMPLES_AFTER_RE.search(text)
        as_examples = example is not None and all(
            mentions(text[example.start():], query.aliases.get(e, [e])) and not mentions(text[:example.start()], query.aliases.get(e, [e]))
            for e in specific)
        if not SECTION_ASKED_RE.search(text) and not joined and not as_examples:
            return False
        held = " ".join(s.text for s in self.sentences.in_section(source, section.key))
        return all(mentions(held, query.aliases.get(e, [e])) for e in specific)

    def _all_said_with(self, trial: str, others: list[str], query: Query) -> bool:
        """Does every name of ``others`` appear in a paragraph that names ``trial``?"""
        keys = dict.fromkeys((s.source, s.paragraph) for s in self.sentences.mentioning(query.aliases.get(trial, [trial])))
        paragraphs = " ".join(s.text for key in keys for s in self.sentences.by_paragraph.get(key, []))
        return bool(paragraphs) and all(mentions(paragraphs, query.aliases.get(e, [e])) for e in others)

    def _results_reported(self, base: Answer, answer: Answer, text: str, entity: str) -> Answer:
        """'What were the results of TULIP?' when the review only names the trial: say so."""
        # (results asked as typed: 'and what about the follow up trial?' after 'what did PATRICIA find' asks what
        # the next trial is, its reading's '(find)' the turn before's word)
        if not RESULTS_ASKED_RE.search(without_brackets(text)) or AIM_ASKED_RE.search(text):
            return answer  # ('what does PATRICIA-II aim to show?': what it sets out to do, which the review says)
        # a drug whose trial the review only says is running ("is being tested … [NCT04253561]")
        only_ongoing = bool(answer.points) and all(ONGOING_RE.search(p.text) for p in answer.points)
        if not self.is_trial(entity) and not only_ongoing:
            return answer
        aliases = self.analyzer.aliases_of(entity)
        if any(RESULT_REPORTED_RE.search(self._before_the_next_trial(p.text, aliases)) for p in answer.points) and not (
                self.is_trial(entity) and self._only_announced(entity)):
            return answer
        # quote what the review says of the trial itself, not a neighbour's result the answer held
        saying = [p.text for p in answer.points if mentions(p.text, aliases)] or \
            [s.text for s in self.sentences.mentioning(aliases)] or [p.text for p in answer.points]
        named = " ".join(f"“{t}”" for t in saying[:1])
        return self._decline(base, f"The review mentions {entity} but reports no results for it. What it says: {named}",
                             missing=[f"results of {entity}"])

    @staticmethod
    def _before_the_next_trial(text: str, aliases: list[str]) -> str:
        """What a sentence says of the name: all of it, unless it goes on to another trial after naming it ("…the
        TULIP phase III trial (NCT03262935) in advanced … settings, a phase I/Ib trial in HER2-low tumors (ORR
        ranging from 28% to 40% …)": the figures are the next trial's), then up to that trial."""
        named = next((m for a in aliases if (m := re.search(rf"(?<![\w-]){re.escape(a)}(?![\w-])", text, re.I))), None)
        if named is None:
            return text
        own = re.search(r"\b(?:trial|study)\b", text[named.end():named.end() + 40], re.I)
        start = named.end() + (own.end() if own else 0)
        following = re.search(r"\b(?:trial|study)\b", text[start:], re.I)
        return text if following is None else text[named.start():start + following.start()]

    def _never_reported(self, trial: str) -> bool:
        """No sentence of the review reports a result of ``trial`` in what it says of it (TULIP's one sentence goes on
        to another trial's ORR)."""
        aliases = self.analyzer.aliases_of(trial)
        return not any(RESULT_REPORTED_RE.search(self._before_the_next_trial(s.text, aliases))
                       for s in self.sentences.mentioning(aliases))

    def _only_announced(self, trial: str) -> bool:
        """True when the review names ``trial`` only as ongoing ('the ongoing trial PATRICIA-II … aims to
        demonstrate the benefit …': an aim, not a result) and the sentence after none reports a result:
        results quoted for it then belong to another trial (PATRICIA's)."""
        naming = self.sentences.mentioning(self.analyzer.aliases_of(trial))
        if not naming or not all(ONGOING_RE.search(s.text) for s in naming):
            return False
        after = [s for n in naming for s in self.sentences.paragraph(n) if s.index == n.index + 1]
        return not any(RESULT_REPORTED_RE.search(s.text) for s in after)

    def _focused_overview(self, base, query: Query, text: str, specific: list[str]) -> Answer | None:
        """'any data on combining kadcyla with a checkpoint inhibitor?', 'tucatinib and brain mets?': an
        overview of a name *in* a topic is the paragraph about the name that says most of the topic
        (KATE2's, HER2CLIMB's brain-metastasis sentences), not the name's whole story."""
        joined = self._joined_topic(query, text, specific)
        if joined is None:
            return None
        entity, aliases, forms = specific[0], query.aliases.get(specific[0], [specific[0]]), joined[1]

        naming = Counter((s.source, s.paragraph) for s in self.sentences.mentioning(aliases))
        # how many of the topic's words each paragraph naming it says; the paragraph dwelling on the name
        # wins a tie (KATE2's names T-DM1 thrice, the conclusion once)
        said = {key: self._topic_words_said(key, forms) for key in naming}
        best_key = max(sorted(naming), key=lambda key: (said[key], naming[key]), default=None)
        # every word of the topic, or two of a longer one, said in one paragraph about the name
        if best_key is None or said[best_key] < min(len(forms), 2):
            return None
        paragraph = self._paragraph_at(best_key)
        if len(paragraph) <= 6:
            chosen = paragraph
        else:  # a long paragraph: where it names the subject first, what it says of the topic, and what leans on that
            first = next(s for s in paragraph if mentions(s.text, aliases))
            topical = {s.index for s in paragraph if any(_says(s.text, group) for group in forms)}
            topical |= {i + 1 for i in topical if i + 1 < len(paragraph) and LEANS_ON_PREVIOUS_RE.match(paragraph[i + 1].text)}
            chosen = [s for s in paragraph if s.index in topical or s is first
                      or (mentions(s.text, aliases) and has_figure(strip_markers(s.text)))]
            if chosen[-1].index - chosen[0].index < 8:  # one passage: keep it whole ("Regarding PFS, … not different")
                chosen = paragraph[chosen[0].index: chosen[-1].index + 1]
        picks = [Pick(chunk=self.sentences.chunk(s), text=s.text, start=s.start,
                      antecedent=self._antecedent(s, entity)) for s in chosen]
        self._considered.update(s.chunk_id for s in chosen)
        return self.composer.compose(base, picks, query)

    def _topic_told_only_of_others(self, base, query: Query, text: str, specific: list[str]) -> Answer | None:
        """'is there data on nerlynx for brain mets specifically?': a topic joined to a drug that no paragraph naming
        the drug says a word of, while sentences elsewhere say all of it (of lapatinib, of tucatinib) — the review
        has no data on the drug there: that gap, with what it does say of the topic. None otherwise."""
        entity = specific[0]
        if not (is_drug_name(entity) or DRUG_CODE_RE.fullmatch(entity)) or (joined := self._joined_topic(
                query, text, specific, plain_words_only=True, scope_is_no_topic=True)) is None:
            return None
        topic, forms = joined
        aliases = query.aliases.get(entity, [entity])
        naming = {(s.source, s.paragraph) for s in self.sentences.mentioning(aliases)}
        # (as the focused overview reads a paragraph: every word of the topic, or two of a longer one, said there)
        if not naming or any(self._topic_words_said(key, forms) >= min(len(forms), 2) for key in naming):
            return None
        saying = [s for s in self.sentences.sentences if self.sentences.chunk(s).kind == "text"
                  and all(_says(s.text, group) for group in forms)]
        if not saying:
            return None  # said nowhere: the coverage check names what is missing
        quoted = "; ".join(f"“{strip_markers(s.text).strip()}”" for s in saying[:2])
        return self._decline(base, f"The review reports no data on {entity} in {' '.join(topic)}. What it says of "
                             f"{' '.join(topic)}: {quoted}", missing=[f"{' '.join(topic)} for {entity}"])

    def _topic_words_said(self, key, forms: list[list[str]]) -> int:
        """How many of the topic's words (a group of forms each) the paragraph at ``key`` says."""
        return sum(any(_says(s.text, group) for s in self._paragraph_at(key)) for group in forms)

    def _joined_topic(self, query: Query, text: str, specific: list[str], plain_words_only: bool = False,
                      scope_is_no_topic: bool = False) -> tuple[list[str], list[list[str]]] | None:
        """The topic joined to the name asked ('tucatinib and brain mets' → brain, metastases) as its words and the
        forms each is found by (a group per word), or None. ``plain_words_only`` keeps no adverb ('specifically')
        and no name that is a topic of its own."""
        entity = specific[0]
        aliases = query.aliases.get(entity, [entity])
        typed = without_brackets(text)  # 'CLEOPATRA (perjeta + herceptin + docetaxel)' explains the name
        # the topic is joined to the name after it ('tucatinib and brain mets', 'kadcyla with a checkpoint
        # inhibitor'); 'syd985 payload' asks an attribute of the name, answered where the name is described
        at = next((m.end() for a in aliases if (m := re.search(rf"\b{re.escape(a)}\b", typed, re.I))), None)
        joined = re.search(r"\b(?:and|with|in|for|plus|among|against|on)\b\s+(.+)", typed[at:], re.I) if at is not None else None
        if joined is None and at is not None:
            # ... or before it, joined to it ('any data on immunotherapy with kadcyla?', 'brain mets and tukysa')
            # ('adding checkpoint inhibitors to kadcyla': what is added to the name is the topic)
            joined = re.search(r"(?:^|\b(?:on|about|regarding|of)\s)(.+?)\s+(?:(?:together|along|combined)\s+)?"
                               r"(?:with|plus|and|in|for)\s+\S+\W*$", typed[:at], re.I) or \
                re.search(r"\b(?:add|adding|added)\s+(.+?)\s+(?:on\s*)?to\s+\S+\W*$", typed[:at], re.I)
        if joined is None or (
                scope_is_no_topic and REVIEW_SCOPE_TAIL_RE.fullmatch(" " + joined.group(0).rstrip(" ?.!"))):
            # ('palbociclib in her2-positive breast cancer' has no data missing: the review's whole scope is no topic)
            return None
        typed = joined.group(1)
        # (a word of a name asked is part of that name, not the topic — unless the name is the topic: 'in her2-low')
        # (a topic the review gives a part of its own, named — enhertu in HER2-low —, not a drug, nor what a trial
        # gave or whom it enrolled)
        def titled(name: str) -> bool:
            # ('HER2-Low BC'; the name as typed, sign and all: 'HER2+' is no 'HER2-Low')
            return any(len(section.title) <= len(name) + 12 and any(
                re.search(rf"(?<![\w+\-]){re.escape(alias)}(?![\w+\-])", section.title, re.I)
                for alias in query.aliases.get(name, [name]))
                for document in self.corpus.documents for section in document.sections)
        topic_names = [] if self.is_trial(entity) else [
            e for e in query.entities if e not in specific and mentions(typed, [e])
            and not (is_drug_name(e) or DRUG_CODE_RE.fullmatch(e)) and titled(e)]
        names = [a.lower() for e in specific for a in query.aliases.get(e, [e])] + \
            [e.lower() for e in query.entities if e not in topic_names]
        topic = [w for w in content_words(typed) if len(w) >= 4 and w not in FRAME_WORDS and w not in OVERVIEW_WORDS
                 and not any(w in n for n in names) and not mentions(w, [a for e in topic_names for a in query.aliases.get(e, [e])])]
        # ('any clinical data for mtor inhibition in her2+ or is it all preclinical': the kind of data asked, before
        # the name, is the topic too)
        if at is not None and (kind := DATA_KIND_RE.search(without_brackets(text)[:at])) and \
                kind.group(1).lower() not in FRAME_WORDS | OVERVIEW_WORDS and kind.group(1).lower() not in topic:
            topic.append(kind.group(1).lower())
        if plain_words_only:
            topic = [w for w in topic if not w.endswith("ly") and w not in HEDGE_WORDS]
            topic_names = []
        if not topic and not topic_names:
            return None
        # (a name that is the topic is found by its own forms: 'HER2-low' said whole, not its 'low')
        forms = [[re.escape(f) for f in _topic_forms(w, query.aliases.get(w, [w]))] for w in topic] + \
            [[re.escape(a) for a in query.aliases.get(e, [e])] for e in topic_names]
        return (topic + topic_names, forms) if forms else None

    def _paragraph_at(self, key) -> list[Sentence]:
        return self.sentences.by_paragraph.get(key, [])

    def _entity_overview(self, base, query: Query, entity: str, group: bool = True) -> Answer | None:
        aliases = query.aliases.get(entity, [entity])
        section = next((s for d in self.corpus.documents for s in d.sections
                        if s.kind in ("subheading", "body") and mentions(s.title, aliases)
                        and len(s.title) <= len(entity) + 12), None)
        if section is not None:
            source = next(d.source for d in self.corpus.documents if section in d.sections)
            return self._section_overview(base, query, source, section)
        hits = self.sentences.mentioning(aliases)
        if not hits:
            return None
        counts = Counter((s.source, s.paragraph) for s in hits)
        # The home paragraph is where the text dwells on the entity longest, not merely names it.
        runs = {key: self._run(key, hits, aliases, entity, query) for key in counts}
        # …and where it is the subject ("Another phase III trial, TH3RESA, demonstrated…"), not a
        # name at the end of a sentence about something else ("…consistent with MARIANNE and TH3RESA").
        def introduced(key) -> bool:
            return any(mentions(" ".join(s.text.split()[:7]), aliases) for s in runs[key])
        home = max(runs, key=lambda k: (introduced(k), len(runs[k]), counts[k], -k[1]))
        run = runs[home]
        if run and run[0].index > 0 and LEANS_BACK_RE.match(run[0].text):
            # ("Herein, the efficacy of abemaciclib …": the run opens on a sentence leaning on the one before it, which
            # names the trial and its patients)
            run = [self.sentences.paragraph(run[0])[run[0].index - 1]] + run
        # (a drug or trial has a home paragraph and is named in passing elsewhere; a topic — brain metastases — is
        # told a sentence or two in each of several places: more of them are its overview)
        reach = ELSEWHERE_NAMED if is_drug_name(entity) or DRUG_CODE_RE.fullmatch(entity) or self.is_trial(entity) \
            else ELSEWHERE_TOPIC
        elsewhere = [s for s in hits if (s.source, s.paragraph) != home][:reach]
        # ("IGF-IR is a tyrosine kinase receptor… Its activation has been demonstrated to promote…": a sentence
        # opening on a bare pronoun goes on about the name of the one before)
        elsewhere += [after for s in elsewhere if (after := self.sentences.next_in_paragraph(s)) is not None
                      and BARE_PRONOUN_RE.match(after.text) and after not in run and after not in elsewhere]
        # (…and a finding told there keeps the sentence after it that qualifies it: "However, this finding did not
        # predict a better response …" — the finding alone says more than the review does)
        elsewhere += [after for s in elsewhere if (after := self.sentences.next_in_paragraph(s)) is not None
                      and CAVEAT_RE.match(after.text) and after not in run and after not in elsewhere]
        chosen = run + elsewhere
        chosen = sorted(set(chosen + _safety_told(query, self._described(query, entity, EVENT_RE), chosen)),
                        key=lambda s: s.start)
        picks = [Pick(chunk=self.sentences.chunk(s), text=s.text, start=s.start,
                      antecedent=self._antecedent(s, entity)) for s in chosen]
        self._considered.update(s.chunk_id for s in chosen)
        if group and self.is_trial(entity):
            _group_by_aspect(picks)
        return self.composer.compose(base, picks, query)

    def _spelt_out(self, query: Query, name: str) -> str:
        """The long form the review spells a name out with ('IGF-IR' → 'Insulin-like growth factor I receptor'), or ''."""
        return next((self.analyzer.expansions[a.lower()] for a in query.aliases.get(name, [name])
                     if a.lower() in self.analyzer.expansions and a.lower() not in ABBREVIATIONS), "")

    def _section_overview(self, base, query: Query, source: str, section, named: list[str] | None = None) -> Answer:
        """Key sentences of a section in reading order: all of a short one; of a long one with
        subsections, the two most informative of each subsection. With ``named`` (subsections the
        question names by their titles), the section's own sentences and those subsections only."""
        doc = self.corpus.document(source)
        sentences = self.sentences.in_section(source, section.key)
        listing = query.intent == "list"
        children = self.sentences.children(doc, section.key)
        if named:
            children = [c for c in children if self.sentences.descendants(doc, c.key) & set(named)]
            kept = {key for c in children for key in self.sentences.descendants(doc, c.key)} | {section.key}
            sentences = [s for s in sentences if s.section in kept]

        def best(pool: list[Sentence], limit: int, title: str = "") -> list[Sentence]:
            # a part the question names by its title ('tukysa' → Tucatinib) is told by the sentences naming it
            ranked = sorted(pool, key=lambda s: (not (title and mentions(s.text, self.analyzer.aliases_of(title))),
                                                 -informative(s, s.index == 0, listing), s.start))
            return ranked[:limit]

        if len(sentences) <= 16:
            chosen = sentences
        elif len(children) >= 2:
            chosen = [s for child in children
                      for s in best(self.sentences.in_section(source, child.key), 2, child.title if named else "")]
            own = [s for s in sentences if s.section == section.key]
            chosen += best(own, 2)
        else:
            chosen = best(sentences, 12)
        # ('Targeted protein degradation (TPD) offers a novel approach…': the sentence after a paragraph's opening that
        # names its examples, 'Techniques such as PROTACs and molecular glues…', comes with it)
        chosen += [after for s in chosen if (after := self.sentences.examples_after(s)) is not None]
        chosen += _safety_told(query, sentences, chosen)
        chosen = sorted(set(chosen), key=lambda s: s.start)
        picks = []
        for s in chosen:
            heading = doc.section(s.section)
            # the section's own opening sentences sit under its own title, before its parts
            group = heading.title if heading is not None and len({x.section for x in chosen}) > 1 else ""
            picks.append(Pick(chunk=self.sentences.chunk(s), text=s.text, start=s.start, group=group,
                              antecedent=self.sentences.subheading_of(s)))
        self._considered.update(s.chunk_id for s in chosen)
        return self.composer.compose(base, picks, query, lead=f"From “{_section_label(section)}”:")

    def _survey(self, base, query: Query, candidates: list[Candidate]) -> Answer | None:
        """An open topic ('any data on CNS disease?'): the best sentence of each of the strongest passages —
        or, for a topic that no section holds but a few sentences across the review name, each of those
        sentences in text order with the retrieval's best one ('anything on brain mets?': lapatinib's,
        HER2CLIMB's, the CAR-T trials' and the conclusions' sentences, scattered over four sections)."""
        ranked = self.extractive._rank_units(query, self.extractive.pool(candidates))
        if not ranked:
            return None
        if naming := self._naming_topic(query.text):
            best = self.sentences.sentence_at(ranked[0][0].chunk.source, ranked[0][1].unit.start)
            chosen = naming + [best] if best is not None and best not in naming else naming
            chosen.sort(key=lambda s: (s.source, s.start))
            return self._quoting(base, query, chosen, self.sentences.subheading_of)
        best = ranked[0][1].score
        picks: list[Pick] = []
        chunks: set[str] = set()
        for cand, unit in ranked:
            if len(picks) >= 5 or unit.score < 0.7 * best:
                break
            if cand.chunk.id in chunks:
                continue
            chunks.add(cand.chunk.id)
            picks.append(Pick(chunk=cand.chunk, text=unit.unit.text, start=unit.unit.start))
        return self.composer.compose(base, picks, query)


def _topic_asked(text: str) -> str:
    """What the question asks about, after its last 'about'/'on'/'regarding' ('' when it names none)."""
    about = list(re.finditer(r"\b(?:about|on|regarding|concerning)\s+(.+)$", text, re.I))
    return about[-1].group(1) if about else ""


def _section_label(section) -> str:
    """'5 Conclusions' for a numbered section, the title alone for one without a number."""
    return section.label if section.number else section.title


def _says(text: str, forms: list[str]) -> bool:
    """Does the text say one of a topic word's forms (each a pattern, found at the start of a word)?"""
    return any(re.search(rf"\b{f}", text, re.I) for f in forms)


def _topic_forms(word: str, aliases: list[str]) -> list[str]:
    """'combining' → 'combin'; 'metastases' → 'metastas' (not 'metastatic'); a name → its aliases."""
    if len(aliases) > 1 or aliases[0] != word:
        return aliases
    return [light_stem(word)]


def _safety_told(query: Query, told: list[Sentence], chosen: list[Sentence]) -> list[Sentence]:
    """'rundown on tukysa - how it works, trial data, tox': an overview asked with its safety keeps the
    sentences reporting the events ("In the tucatinib arm, diarrhea, transaminitis … were frequent") when the
    most informative sentences left them out — a verdict in passing ("its favorable toxicity profile") is not
    the safety asked. The first two such sentences of ``told``, in reading order."""
    if not FACET_RE.search(query.text) or any(EVENT_RE.search(s.text) for s in chosen):
        return []
    return [s for s in told if EVENT_RE.search(s.text) and s not in chosen][:2]


def _group_by_aspect(picks: list[Pick]) -> None:
    """Design / Results / Safety headings when the sentences fall under at least two of them."""
    for before, pick in zip([None, *picks], picks):
        text = pick.text
        if before is not None and CAVEAT_RE.match(text):
            pick.group = before.group  # "However, this finding …" stays under the finding it qualifies
            continue
        if TRIAL_SET_UP_RE.search(text) and not has_figure(strip_markers(text)):
            pick.group = "Design"  # "The KATE2 phase II trial compared the safety and efficacy of…" sets a trial up
            continue
        for name, cue in ASPECTS:
            # (a result is told by its figure, or by its significance: "The addition of T-DXd significantly improved
            # PFS and OS")
            if cue.search(text) and (name != "Results" or has_figure(strip_markers(text)) or "differen" in text
                                     or "significan" in text):
                pick.group = name
                break
        else:
            pick.group = "Context"
    if len({p.group for p in picks}) < 2:
        for pick in picks:
            pick.group = ""
        return
    order = {"Design": 0, "Results": 1, "Safety": 2, "Context": 3}
    picks.sort(key=lambda p: (order[p.group], p.chunk.start, p.start or 0))
