"""Plans for list questions: a section's parts, every trial of a name family, of a section or of a
drug, every drug a qualifier picks out, or the enumerating sentences among the best.

A mixin of :class:`her2qa.answering.pipeline.AnswerPipeline` (it uses the pipeline's sentence index,
tables, composer and subject helpers).
"""

from __future__ import annotations

import difflib
import re

from ..citations import NCT_RE, strip_markers
from ..document import Section
from ..query import Query, compact, light_stem, mentions
from ..results import Answer
from ..retrieval import is_generic
from .compose import PRONOUN_RE, Pick, render
from .concepts import concept_groups, parts_covered
from .coverage import content_words
from .intent import AGENT_PLURALS
from .extractive import (COMMON_CODES, DRUG_CODE_RE, DRUG_RE, OPENS_ON_PRONOUN_RE, TRIAL_RE, _join, asked_kind, is_drug_name,
                         trial_names)
from .passages import FRAME_WORDS, Sentence, words_of
from .tables import TABLE_WORDS

CLASS_NOUNS = {"drug", "drugs", "agent", "agents", "inhibitor", "inhibitors", "antibody", "antibodies", "adc", "adcs",
               "tki", "tkis", "therapy", "therapies", "compound", "compounds", "molecule", "molecules", "conjugate",
               "conjugates", "medication", "medications", "option", "options", "treatment", "treatments",
               "discussed", "mentioned", "named", "listed", "used", "tested", "described", "covered", "review"}
TRIALS_ASKED_RE = re.compile(r"\b(?:trials?|studies)\b", re.I)
# What blocking a target is called where the review says what it did
BLOCKING_RE = re.compile(r"\b(?:inhibition|inhibiting|inhibitors?|blockade|blocking)\b|"
                         r"(?<!HER2-)(?<!HER2 )\b(?:targeting|targeted therap\w*)", re.I)  # (not 'HER2-targeted therapies')
# The second stage's passages this high compete in a list's pool when they enumerate
ENUMERATION_RANKED = 5
LIST_ENUM_RE = re.compile(r"(?:[\w\-/+()]+(?: [\w\-/+()]+){0,4}, ){2,}|\b\w+(?: \w+){0,3},? and \w+|\([^)]*,[^)]*\)")


# "what are the components of an antibody–drug conjugate": the noun before "of" is what is listed.
PROPERTY_OF_RE = re.compile(r"\b(?:what|which)\s+(?:are|were|r)\s+(?:the\s+)?(?:main\s+|key\s+|(?:\d|two|three|four|five)\s+)?"
                            r"(?P<noun>[a-z\-]+)\s+of\s+(?:an?\s+|the\s+)?\w", re.I)
KINDS_ASKED_RE = re.compile(r"\b(?:kinds?|types?|sorts?|classes|categories) of\b", re.I)
PARTS_ASKED_RE = re.compile(r"\b(?:parts?|components?|pieces|elements|building blocks) (?:of|in|that make up|making up)\b|"
                            r"\bmakes? up an?\b", re.I)  # ('what are the parts that make up an ADC drug')
# What drugs asked for act on: "which drugs inhibit the PI3K/AKT/mTOR pathway", "agents that go after Src"
# (a verb: the 'inhibitors' of "which inhibitors are being tested against …" act on nothing named after them)
ACTED_ON_RE = re.compile(r"\b(?:target(?:s|ed|ing)?|inhibit(?:s|ed|ing)?|block(?:s|ed|ing)?|go(?:es)? after|attack\w*|hit(?:s|ting)?|against|"
                         r"act(?:s|ing)? on|aim(?:s|ed|ing)? at|directed (?:at|to))\s+(?:the\s+)?(?P<target>[\w\-/+]+(?:\s+(?:pathway|receptor|signal+ing|axis))?)",
                         re.I)
# The class itself is what is listed: "which TKIs have FDA approval?" (not "which receptors do ADCs upregulate")
CLASS_LISTED_RE = re.compile(r"^\W*(?:(?:so|ok|and)\W+)?(?:which|what|name|list)\W+(?:(?:all|the|of|other)\W+){0,2}"
                             r"(?:[\w\-/]+\W+)?(?:adcs|tkis|(?:tyrosine )?kinase inhibitors|antibod(?:y|ies)|"
                             r"[\w\-/]+ inhibitors)\b", re.I)
SECTION_PART_NOUNS = {"topics", "subsections", "sections", "subtopics", "types", "kinds", "examples", "members",
                      "names", "classes", "categories", "strategies", "approaches", "contents"}


# The class a "which <class>…" question asks, and how a drug's printed name tells its class: the
# international nonproprietary name stems (-tinib kinase inhibitors, -mab antibodies, -lisib PI3K
# inhibitors…); an ADC is an antibody named with its payload ('trastuzumab deruxtecan') or a T-D code.
CLASS_ASKED = (("adc", re.compile(r"\badcs?\b|antibody[–\-]drug conjugates?|\bconjugates\b", re.I)),
               ("tki", re.compile(r"\btkis?\b|\b(?:tyrosine )?kinase inhibitors?\b", re.I)),
               ("pi3k", re.compile(r"\bpi3k(?:α|-?alpha)?\s+inhibitors?\b", re.I)),
               ("cdk", re.compile(r"\bcdk\s?4/6\s+inhibitors?\b", re.I)),
               ("mtor", re.compile(r"\bmtor\s+inhibitors?\b", re.I)),
               ("antibody", re.compile(r"\b(?:monoclonal\s+)?antibodies\b|\bmabs\b", re.I)))
CLASS_STEMS = {"tki": "tinib", "pi3k": "lisib", "cdk": "ciclib", "mtor": "limus", "antibody": "mab"}
PAYLOAD_STEMS = r"(?:tecan|vedotin|dotin|tansine|carmazine)"


# 'combined with', 'paired with', 'given together with': drugs asked by what they are given with
COMBINED_WITH_RE = re.compile(r"\b(?:combin\w*|paired|pairing|given (?:together )?with|added to|adding|partner\w*|alongside)\b", re.I)


# A word printed in at most this share of the review's paragraphs is what a question is about
RARE_SHARE = 0.03


# "what lung problems showed up in the trials?": the plural asked for, before what it does
LISTED_HEAD_RE = re.compile(r"^\W*(?:what|which)\s+(?:[\w\-/]+\s+){0,2}?(?P<head>[a-z]+s)\s+(?:showed|show|were|came|come|"
                            r"occurred|occur|happened|happen|appeared|appear|turned|seen|reported)\b", re.I)


def _other_kind_asked(text: str) -> bool:
    """Does the question list things of another kind than trials or agents ('what lung problems showed up in the
    trials?': problems, told where the trials report them)?"""
    head = LISTED_HEAD_RE.match(text)
    return head is not None and head.group("head").lower() not in AGENT_PLURALS | {"trials", "studies", "ones"}


def class_asked(text: str) -> str:
    """'adc', 'tki', 'pi3k', 'cdk', 'mtor' or 'antibody' when the question names that class; ''."""
    return next((name for name, cue in CLASS_ASKED if cue.search(text)), "")


def class_of(name: str, body: str) -> str:
    """A drug's class by its name's stem, read where ``body`` prints it; '' for a code with no stem."""
    lowered = name.lower()
    if lowered.startswith("t-d") or re.search(rf"{PAYLOAD_STEMS}$", lowered) or (lowered.endswith("mab") and re.search(
            rf"\b{re.escape(name)}\s+\w+{PAYLOAD_STEMS}\b", body, re.I)):
        return "adc"
    return next((cls for cls, stem in CLASS_STEMS.items() if lowered.endswith(stem)), "")


def _same_drug_misprinted(name: str, seen: dict[str, object]) -> str:
    """The name already seen that ``name`` is one letter away from ('Lapitinib' and 'lapatinib')."""
    if len(name) < 7:
        return ""
    close = difflib.get_close_matches(name.lower(), list(seen), n=1, cutoff=0.88)
    return close[0] if close else ""


def _property_asked(text: str) -> str:
    """The noun asked of something ('components' of an ADC), unless it names drugs or parts of a text."""
    match = PROPERTY_OF_RE.search(text)
    noun = match.group("noun").lower() if match else ""
    return noun if noun not in CLASS_NOUNS | SECTION_PART_NOUNS else ""


def _the_child_asked(text: str, section: Section, children: list[Section]) -> Section | None:
    """The one part of a section whose title shares two or more of the question's words beyond the
    section's own title, when no other part shares any."""
    asked = {light_stem(w) for w in words_of(text)} - {light_stem(w) for w in words_of(section.title)} - \
        {light_stem(w) for w in FRAME_WORDS}
    shared = [(len(asked & {light_stem(w) for w in words_of(c.title)}), c) for c in children]
    hits = [(n, c) for n, c in shared if n]
    if len(hits) == 1 and hits[0][0] == 1 and (listed := LISTED_NOUN_RE.match(text)):
        # ('what other new approaches … in the future directions part': the kind listed is the one part's title word,
        # 'Diverse Approaches in Anti-HER2 Therapy Exploration')
        noun = {light_stem(w) for w in words_of(listed.group("noun"))}
        return hits[0][1] if noun & {light_stem(w) for w in words_of(hits[0][1].title)} else None
    return hits[0][1] if len(hits) == 1 and hits[0][0] >= 2 else None


# The kind a list asks for, after its wh-word and up to three words qualifying it ('what newer non-adc approaches are …')
# ('newer approaches in the future directions part': the kind typed alone, without a wh-word)
LISTED_NOUN_RE = re.compile(r"^\W*(?:(?:what|which|list|name)\s+)?(?:[\w\-]+\s+){0,3}?(?P<noun>[a-z]+s)\s+"
                            r"(?:are|were|is|does|do|did|in|listed|mentioned|named|besides|beyond|other than)\b", re.I)


def _called_an_inhibitor(name: str, text: str) -> bool:
    """'everolimus, an mTOR inhibitor', 'the pan-Akt inhibitor ipatasertib', 'Alpelisib (BYL719) is a … inhibitor'."""
    named = re.escape(name)
    return bool(re.search(rf"\binhibitor\s+(?:\S+\s+){{0,1}}{named}\b|\b{named}\b(?:\s*\([^()]*\))?(?:,|\s+is)?\s+(?:an?\s+)?"
                          rf"(?:\S+\s+){{0,4}}?inhibitor\b", text, re.I))


ANY_NAME = r"[\w\-]+"


def _class_phrase(name: str) -> re.Pattern:
    """A name (a pattern: ``ANY_NAME`` or escaped aliases) typed only as an example of its kind: 'herceptin-type
    drugs', 'drugs like herceptin'."""
    kinds = r"(?:drugs?|agents?|therap(?:y|ies)|treatments?|medications?)"
    return re.compile(rf"\b(?:{name})[\s-]+(?:type|like|class|style)\b(?:\s+{kinds}\b)?|"
                      rf"\b{kinds}\s+(?:like|such as)\s+(?:{name})\b", re.I)


def _aliases_pattern(aliases: list[str]) -> str:
    return "|".join(re.escape(a) for a in aliases)


def _titled_with_its_abbreviation(title: str, opening: str) -> str:
    """'Insulin-Like Growth Factor I Receptor' → '… (IGF-IR)' when the part's opening sentence abbreviates its title
    so: readers ask by the short name the text goes on to use."""
    found = re.search(rf"{re.escape(title)}\s*\(([A-Z][\w\-/]{{1,12}})\)", opening, re.I)
    return f"{title} ({found.group(1)})" if found else title


def enumerating_sentence(text: str) -> bool:
    """'…, …, and …', a colon before a list, or a parenthesised list."""
    return text.count(",") >= 2 or bool(LIST_ENUM_RE.search(text)) or bool(re.search(r":\s+\w[^.]*,", text))


# "This study identified numerous HER2 mutations…": the study is the one the sentence before names ("Bose et al.…")
# ("These findings collectively unveil a mechanism…": the findings are those of the research the sentence before tells)
THIS_STUDY_RE = re.compile(r"(?:This|These|That|Those) (?:stud(?:y|ies)|analys[ie]s|work|findings)\b")


# "which her2 tki is irreversible?": one member of a kind asked by what is said of it
ONE_MEMBER_ASKED_RE = re.compile(r"^\W*(?:(?:and|so|ok)\s+)?(?:which|what)\s+(?:(?:her2|anti-?her2|her2-targeted|new|newer|novel)\s+)?"
                                 r"(?P<kind>tki|adc|inhibitor|drug|antibody|agent)\s+(?:is|was)\s+"
                                 r"(?:an?\s+|the\s+)?(?P<property>[^?()]+)", re.I)
# At most this many sentences say what was asked of the member: more, and the words do not single one out
MEMBER_SENTENCES = 2


class ListPlans:
    """List plans of :class:`AnswerPipeline` (self is the pipeline)."""

    def _member_with_property(self, base, query: Query) -> Answer | None:
        """'which her2 tki is irreversible?': the sentences that say every word of the property of a drug of that
        kind ("Neratinib is an irreversible … pan-HER inhibitor") — not the class's definition, which names no member."""
        asked = ONE_MEMBER_ASKED_RE.match(query.text)
        if asked is None or self._specific(query):
            return None
        words = [w for w in words_of(asked.group("property")) if len(w) >= 5 and w not in FRAME_WORDS]
        if not words:
            return None
        stems = [light_stem(w) for w in words]
        wanted = class_asked(asked.group("kind"))
        found = []
        for sentence in self.sentences.sentences:
            body = strip_markers(sentence.text)
            if not all(stem in body.lower() for stem in stems):
                continue
            drugs = DRUG_RE.findall(body)
            if drugs and (not wanted or any(class_of(d, body) == wanted for d in drugs)):
                found.append(sentence)
        if not 1 <= len(found) <= MEMBER_SENTENCES:
            return None
        return self._quoting(base, query, found)

    def _list(self, base, question, text, query, candidates, carried) -> Answer | None:
        found = self.sentences.find_section(text, prefer_parents=True)
        specific = self._specific(query)
        # "which IGF-1R inhibitors are being combined … in trials?" asks for drugs, not for the trials
        if TRIALS_ASKED_RE.search(text) and asked_kind(text) != "drug" and not _other_kind_asked(text):
            # 'which ongoing enhertu trials are first-line with PFS as the endpoint': trials chosen by what a table
            # sets out for each (line, endpoint, phase) are that table's rows
            match = self.tables.match(text, query, require_table_word=False)
            if match is not None and match.rows and [f for f in match.filters if f not in query.entities]:
                return self._table(base, question, text, query, candidates, carried)
            if trials := self._named_trials(base, query, text, found, candidates):
                return trials
        if not specific and (noun := _property_asked(text)) and not (
                found is not None and words_of(noun) & words_of(found[1].title)):
            # 'what are the components of an ADC': a property of what the section is about, not its parts
            # (unlike 'what are the mechanisms of resistance', which the 'Mechanisms of …' section lists)
            return self._fact(base, question, query, candidates)
        # ('what resistance mechanisms to herceptin type drugs does the review go thru': a name standing for its class,
        # anti-HER2 drugs, which the section on resistance is about)
        if _class_phrase(ANY_NAME).search(text):
            specific = [e for e in specific if not _class_phrase(_aliases_pattern(query.aliases.get(e, [e]))).search(text)]
            found = found or self.sentences.find_section(_class_phrase(ANY_NAME).sub(" ", text), prefer_parents=True)
        if specific:
            found = None  # a name asked ('which trials of T-DXd…') is listed from its passages, not a section's parts
        if found is not None:
            source, section = found
            children = self.sentences.children(self.corpus.document(source), section.key)
            if (child := _the_child_asked(text, section, children)) is not None:
                # "what new approaches … in future directions": the part titled with them, not every part
                return self._section_overview(base, query, source, child)
            if len(children) >= 2:
                children += self.sentences.also_titled(source, section, text)
                return self._section_children(base, query, source, section, children)
        match = self.tables.match(text, query, require_table_word=not re.search(
            r"\b(?:trials?|adcs?|studies|phase|line)\b", text, re.I))
        if match is not None and match.rows and match.filters:
            return self._table(base, question, text, query, candidates, carried)
        # (names a table's rows give, which the text may never call a trial)
        rows = [query.aliases.get(e, [e]) for e in specific
                if not is_drug_name(e) and self.tables.rows_named([query.aliases.get(e, [e])])]
        if len(rows) >= 2 and self.tables.rows_named(rows) is not None:
            # "list every drug combined w t-dxd across destiny-breast 07 and 08": what is listed of trials that a
            # table's rows name is in those rows
            return self._table(base, question, text, query, candidates, carried)
        if found is not None:
            return self._section_overview(base, query, *found)
        return self._enumeration(base, query, candidates)

    def _section_children(self, base, query, source, section, children) -> Answer | None:
        opening = [(child, found[0]) for child in children if (found := self.sentences.in_section(source, child.key))]
        if not opening:
            return None
        self._considered.update(first.chunk_id for _, first in opening)
        picks = [Pick(chunk=self.sentences.chunk(first), text=first.text, start=first.start) for _, first in opening]
        answer = self.composer.compose(base, picks, query, highlight_figures=False)
        points = [p.model_copy(update={"text": _titled_with_its_abbreviation(child.title, strip_markers(first.text)),
                                       "highlights": []})
                  for p, (child, first) in zip(answer.points, opening)]
        heading = section.label if section.number else section.title
        elsewhere = [f"“{child.label if child.number else child.title}”" for child, _ in opening
                     if child.parent != section.key]
        lead = f"Section “{heading}” covers {len(points) - len(elsewhere)} topics, each opening a subsection"
        lead += f"; {_join(elsewhere, 'and')} adds {'one' if len(elsewhere) == 1 else len(elsewhere)} more later in the review:" \
            if elsewhere else ":"
        return answer.model_copy(update={"points": points, "lead": lead, "answer": render(lead, points)})

    def _enumeration(self, base, query, candidates) -> Answer | None:
        """Sentences that enumerate (commas, 'X, Y and Z', parenthesised lists) among the best."""
        pool = self.extractive.pool(candidates)
        # an enumeration the second stage ranks high that speaks to more of the question than any sentence of the pool
        # ("…upregulating the immune checkpoint receptors CTLA-4, PD-1, and PD-L1…" for 'checkpoints upregulated by
        # adcs') competes even when fusion left its passage out
        groups = concept_groups(query.text, query.aliases)
        covered = max((parts_covered(groups, u.unit.text) for c in pool for u in c.units), default=0)
        pool += [c for c in candidates[:ENUMERATION_RANKED] if c not in pool and c.chunk.kind == "text"
                 and any(enumerating_sentence(strip_markers(u.unit.text)) and parts_covered(groups, u.unit.text) > covered
                         for u in c.units)]
        ranked = self.extractive._rank_units(query, pool)
        if not ranked:
            return None
        enumerating = [(c, u) for c, u in ranked[:8] if enumerating_sentence(strip_markers(u.unit.text))]
        if drugs_named := self._named_drugs(base, query, ranked):
            return drugs_named if drugs_named.points else None
        if enumerating and enumerating[0][1].score >= 0.6 * ranked[0][1].score:
            ranked = [enumerating[0]] + [p for p in ranked if p is not enumerating[0]]
        best = ranked[0][1].score
        drugs_asked = re.search(r"\b(?:drugs?|agents?|inhibitors?|antibod|adcs?|tkis?|therap)", query.text, re.I)
        picks: list[Pick] = []
        for cand, unit in ranked:
            if len(picks) >= 3 or unit.score < 0.75 * best:
                break
            body = strip_markers(unit.unit.text)
            enumerates = enumerating_sentence(body) or (drugs_asked and DRUG_RE.search(body))
            if not picks or enumerates:
                # "This TKI inhibits HER2 and EGFR1…" under the sub-heading "Lapatinib" is lapatinib's
                picks.append(Pick(chunk=cand.chunk, text=unit.unit.text, start=unit.unit.start,
                                  antecedent=self._short_subheading(cand.chunk)))
        if not picks:
            return None
        for name in self._specific(query):
            # "what newer resistance mechanisms pop up … (tsc2, fgfr4)?": each member typed as an example is listed
            aliases = query.aliases.get(name, [name])
            if not any(mentions(p.text, aliases) for p in picks) and (
                    told := next(((c, u) for c, u in ranked if mentions(u.unit.text, aliases)), None)):
                picks.append(Pick(chunk=told[0].chunk, text=told[1].unit.text, start=told[1].unit.start,
                                  antecedent=self._short_subheading(told[0].chunk)))
        picks += self._members_that_follow(picks)
        picks += self._study_it_goes_on_about(picks)
        picks += self._what_its_pronoun_names(picks)
        picks.sort(key=lambda p: (p.chunk.start, p.start or 0))
        # ("They are composed by three components…": the name it stands for, in brackets)
        return self._with_antecedents(base, self.composer.compose(base, picks, query), query)

    def _study_it_goes_on_about(self, picks: list[Pick]) -> list[Pick]:
        """"This study identified numerous HER2 mutations, including L755S…" quoted for its members brings the sentence
        before it, which says whose study it was and what it found ("Bose et al. found HER2-activating mutations
        without gene amplification…")."""
        def the_study_named(sentence: Sentence) -> Sentence | None:
            if sentence.index == 0 or not THIS_STUDY_RE.match(sentence.text):
                return None
            return self.sentences.paragraph(sentence)[sentence.index - 1]
        return self._neighbours_added(picks, the_study_named)

    def _what_its_pronoun_names(self, picks: list[Pick]) -> list[Pick]:
        """"Moreover, its small molecular size facilitates the crossing of the brain–blood barrier" lists no member
        by itself: the sentence before it names what 'its' is ("Tucatinib is a new TKI…"), and comes too."""
        def leaned_on(sentence: Sentence) -> Sentence | None:
            # (one opening on its pronoun, "They are composed by…", is quoted with the name in brackets instead)
            if sentence.index == 0 or not OPENS_ON_PRONOUN_RE.match(sentence.text) or PRONOUN_RE.match(sentence.text):
                return None
            return self.sentences.paragraph(sentence)[sentence.index - 1]
        return self._neighbours_added(picks, leaned_on)

    def _members_that_follow(self, picks: list[Pick]) -> list[Pick]:
        """"Bose et al. found HER2-activating mutations…" is followed by "This study identified numerous HER2
        mutations, including L755S, L755P…": the members come in the sentence going on about the study."""
        def its_members(sentence: Sentence) -> Sentence | None:
            following = self._study_goes_on(sentence)
            return following if following is not None and enumerating_sentence(strip_markers(following.text)) else None
        return self._neighbours_added(picks, its_members)

    def _neighbours_added(self, picks: list[Pick], neighbour) -> list[Pick]:
        """The sentence ``neighbour`` finds beside each pick's sentence (or None), as new picks, each once."""
        taken = {p.start for p in picks}
        added = []
        for pick in picks:
            sentence = self._sentence_of(pick.chunk.id, pick.text)
            found = neighbour(sentence) if sentence is not None else None
            if found is not None and found.start not in taken:
                added.append(Pick(chunk=self.sentences.chunk(found), text=found.text, start=found.start))
                taken.add(found.start)
        return added

    def _named_trials(self, base: Answer, query: Query, text: str, found, candidates) -> Answer | None:
        """'which destiny-breast trials are mentioned?', 'which TKI trials does it discuss?': every
        trial of a name family, or of the section the question names, or of the best passages —
        text and tables — each with the first sentence or row that names it."""
        names = self._trial_index()
        rare: list[str] = []
        words = [compact(w) for w in re.findall(r"[\w\-]+", text) if len(compact(w)) >= 4]
        # ('which destiny-breast trials…' — not 'her2+', the start of HER2CLIMB's name and a word of every paragraph)
        family = next((w for w in words if sum(key.startswith(w) for key in names) >= 2 and w not in names
                       and self.analyzer.paragraph_share([w]) <= 0.2), None)
        if family:
            chosen = {key: hit for key, hit in names.items() if key.startswith(family)}
        else:
            drugs = [e for e in self._specific(query) if is_drug_name(e)]
            if found is not None:
                sentences = self.sentences.in_section(found[0], found[1].key)
            elif drugs:  # "which trials w/ kadcyla…": sentences naming it as what was tested, not as
                # a prior therapy or a resistance ("patients previously treated with … T-DM1")
                aliases = query.aliases.get(drugs[0], [drugs[0]])
                alias = "|".join(re.escape(a) for a in aliases)
                prior = re.compile(rf"\b(?:previous(?:ly)?|prior|pretreated|after|failure of|resistan\w*|including|"
                                   rf"refractory)\W+(?:[\w\-]+\W+){{0,8}}?(?:{alias})\b", re.I)
                sentences = [s for s in self.sentences.mentioning(aliases) if not prior.search(s.text)]
                # …and the sentences right after that go on about it ("its tolerability", "this drug")
                for s in list(sentences):
                    for nxt in self.sentences.paragraph(s)[s.index + 1: s.index + 3]:
                        if not re.search(r"\b(?:its|it|this (?:drug|agent|TKI|ADC))\b", nxt.text, re.I) or \
                                DRUG_RE.search(" ".join(nxt.text.split()[:5])):
                            break
                        sentences.append(nxt)
            else:
                sentences = self._best_paragraphs(self.extractive._rank_units(query, self.extractive.pool(candidates)))
            if rare := self._rare_words(text, query):
                # "any trials for leptomeningeal disease?": the trials told where the review names what is rare in
                # the question, not every trial of the passages found
                sentences = [s for s in sentences if mentions(s.text, rare)] or self.sentences.mentioning(rare)
            starts = {s.start for s in sentences}
            asked = [a for e in query.entities for a in query.aliases.get(e, [e])] + query.set_aside
            chosen = {key: hit for key, hit in names.items()
                      if any(p.start in starts for p in hit[1]) and not mentions(hit[0], asked)}
            chosen = {key: (name, [p for p in picks if p.start in starts][:1]) for key, (name, picks) in chosen.items()}
            # A trial the review gives only by its registry number ("a phase I trial in combination with
            # niraparib (NCT04235101)") is named by it, unless a trial name comes just before it.
            for s in sorted({s.start: s for s in sentences}.values(), key=lambda s: s.start):
                for match in NCT_RE.finditer(s.text):
                    before = s.text[max(0, match.start() - 60): match.start()]
                    if not any(compact(n) in names for n in TRIAL_RE.findall(before)) and compact(match.group(0)) not in chosen:
                        chosen[compact(match.group(0))] = (match.group(0), [Pick(chunk=self.sentences.chunk(s), text=s.text,
                                                                                 start=s.start)])
        if len(chosen) < 2 and not (rare and chosen):  # (the one trial told where a rare topic is, is the answer)
            return None
        picks = []
        for name, hits in chosen.values():
            pick = hits[0]
            picks.append(Pick(chunk=pick.chunk, text=pick.text, start=pick.start, highlights=[name]))
            self._considered.add(pick.chunk.id)
        picks.sort(key=lambda p: (p.chunk.source, p.chunk.start, p.start or 0))
        listed = ", ".join(dict.fromkeys(p.highlights[0] for p in picks))
        named = f"{len(chosen)} trials are named" if len(chosen) > 1 else "1 trial is named"
        return self.composer.compose(base, picks, query, lead=f"{named}: {listed}.",
                                     highlight_figures=False)

    def _rare_words(self, text: str, query: Query) -> list[str]:
        """Content words of a question the review prints in few of its paragraphs ('leptomeningeal') — a topic, not
        a word of a name asked ('duocarmazine', whose trials may be told under its code SYD985)."""
        named = " ".join(a for e in query.entities for a in query.aliases.get(e, [e]))
        words = [w for w in content_words(text) if len(w) >= 6 and w not in FRAME_WORDS and not is_generic(w)
                 and not mentions(named, [w]) and not re.search(r"(?:ing|ed)$", w)]  # ('combining': how, not what)
        return [w for w in words if 0 < self.analyzer.paragraph_share([w]) <= RARE_SHARE]

    def _best_paragraphs(self, ranked) -> list:
        """The sentences of the two body paragraphs holding the best-ranked passages."""
        paragraphs = list(dict.fromkeys((c.chunk.source, c.chunk.paragraph) for c, _ in ranked[:6]
                                        if c.chunk.kind in ("text", "abstract")))[:2]
        return [s for key in paragraphs for s in self.sentences.by_paragraph.get(key, [])]

    def _trial_index(self) -> dict[str, tuple[str, list[Pick]]]:
        """Every trial the review names (called a trial in its text, or listed in a table's trial
        column), by compact name → (name as printed, where it appears in reading order)."""
        if "trials" in self._indexes:
            return self._indexes["trials"]
        index: dict[str, tuple[str, list[Pick]]] = {}

        def add(name: str, pick: Pick) -> None:
            key = compact(name)
            printed, picks = index.get(key, (name, []))
            if "-" in name and "-" not in printed:
                printed = name  # 'DESTINY-Breast03' rather than the misprint 'DESTINYBreast03'
            index[key] = (printed, picks + [pick])

        for s in self.sentences.sentences:
            body = strip_markers(s.text)
            for name in dict.fromkeys(trial_names(body)):
                if not is_generic(name) and name.upper() not in COMMON_CODES and not name.upper().startswith("NCT") \
                        and self.analyzer.paragraph_share([name]) <= 0.2 and self.is_trial(name):
                    add(name, Pick(chunk=self.sentences.chunk(s), text=s.text, start=s.start))
        for source, table in self.tables.tables():
            columns = [c for c in table.columns if re.search(r"trial|identifier", c, re.I)]
            for row in table.rows:
                chunk = self.tables.chunk_of(source, table, row)
                for column in [c for c in columns if re.search(r"trial", c, re.I)][:1] or columns:
                    name = re.split(r"\s*\(", row.cells.get(column, ""))[0].strip()
                    if name and chunk is not None and not name.upper().startswith("NCT") and re.search(r"[A-Z]", name):
                        add(name, Pick(chunk=chunk, text=chunk.text, start=chunk.start))
        self._indexes["trials"] = index
        return index

    def _named_drugs(self, base: Answer, query: Query, ranked) -> Answer | None:
        """'Which PI3K inhibitors are mentioned?': every drug named in the best passages, each with
        the sentence that names it."""
        # (the 'drug' of 'antibody-drug conjugate' asks for no drugs)
        if not re.search(r"(?<![\-–])\b(?:drugs?|agents?|inhibitors?|antibodies|adcs|tkis|therapies|compounds|molecules|"
                         r"conjugates|medications|options)\b", query.text, re.I) or KINDS_ASKED_RE.search(query.text) \
                or PARTS_ASKED_RE.search(query.text):
            # 'what other kinds of treatment…' asks for the approaches, 'what are the parts of an adc drug' for
            # its parts: not a roll call of drug names
            return None
        # (a drug set aside, 'besides enhertu, which drugs…', is no more listed than one asked about)
        asked = {a.lower() for e in query.entities for a in query.aliases.get(e, [e])} | {a.lower() for a in query.set_aside}
        found = self.sentences.find_section(query.text)
        if found is None and (acted_on := ACTED_ON_RE.search(query.text)) and \
                acted_on.group("target").split()[0].lower() not in CLASS_NOUNS and \
                not words_of(acted_on.group("target")) <= self.sentences.everywhere:  # ('src-targeting drugs…')
            # "which drugs inhibit the PI3K/AKT/mTOR pathway?": the section titled with what they act on
            found = self.sentences.find_section(acted_on.group("target"))
        # "which bispecific molecules…": the few sentences using the qualifier word, wherever they are
        qualifiers = [w for w in content_words(query.text) if w not in CLASS_NOUNS and w not in FRAME_WORDS
                      and w not in TABLE_WORDS and not mentions(w, list(asked))]
        qualified = [] if found is not None else [
            s for w in qualifiers[:2]
            if 1 <= len(hits := [s for s in self.sentences.sentences if re.search(rf"\b{re.escape(w)}", s.text, re.I)]) <= 12
            for s in hits]
        # "which IGF-1R inhibitors…": the drugs are those of sentences naming the target before the class noun
        # (or the drugs for it: 'any drugs aimed at PI3K?', 'drugs for AXL yet')
        target = next((e for e in query.entities if not is_generic(e) and re.search(
            rf"{re.escape(e)}\s+(?:inhibitors?|antibod(?:y|ies)|drugs?|agents?|blockers?)\b|"
            # ('which drugs are being tried against PI3K', 'any drugs tested clinically against it')
            rf"\b(?:drugs?|agents?|blockers?|medicines?|compounds?)\s+(?:(?:are|is|being|been|were|was|tested|tried|used|"
            rf"given|studied|developed|clinically|currently|now|already|in development)\s+){{0,3}}"
            rf"(?:aimed at|directed at|against|for|targeting)\s+"
            rf"(?:the\s+)?{re.escape(e)}\b(?!\s+(?:pathway|signal+ing|axis)\b)", query.text, re.I)), None)
        # "which PI3K/AKT/mTOR pathway inhibitors…": the drugs of the section titled with the pathway
        # (… or 'which inhibitors of the PI3K/AKT/mTOR pathway')
        pathway = next((e for e in query.entities if not is_generic(e) and re.search(
            rf"{re.escape(e)}\s+(?:pathway|signal+ing|axis)\s+(?:inhibitors?|drugs?|agents?|blockers?)\b|"
            rf"\b(?:inhibitors?|drugs?|agents?|blockers?)\s+(?:of|for|against|targeting|acting on)\s+(?:the\s+)?"
            rf"{re.escape(e)}\s+(?:pathway|signal+ing|axis)\b", query.text, re.I)), None)
        if found is None and target is not None and pathway is None and ACTED_ON_RE.search(query.text) and \
                self._titled(query, target) is not None:
            # ('any drugs aimed at PI3K?': the target titles a section — the PI3K/AKT/mTOR pathway's — whose
            # inhibitors are the drugs aimed at it)
            pathway, target = target, None
        if found is None and target is not None and pathway is None and (
                joined := self._joined_in_one_title(query, target)) is not None:
            # ('pi3k / mtor drugs mentioned??': two targets typed together, which one section's title joins — the
            # PI3K/AKT/mTOR pathway's — ask for that pathway's drugs)
            pathway, target = joined, None
        if found is None and target is None and pathway is not None:
            found = self._titled(query, pathway)
        # "which drugs is ZW25 being combined with?": the drugs told beside the one rare drug the question names
        specific = self._specific(query)
        rare_drugs = [e for e in specific if not self.is_trial(e) and (is_drug_name(e) or DRUG_CODE_RE.fullmatch(e))
                      and self.analyzer.paragraph_share(query.aliases.get(e, [e])) <= 0.2]
        partner = rare_drugs[0] if len(rare_drugs) == 1 and not any(self.is_trial(e) for e in specific) else None
        if partner is not None and COMBINED_WITH_RE.search(query.text):
            # (before the section 'Combinations of Anti-HER2 Agents with Other Drugs' its words would find)
            told = self.sentences.mentioning(query.aliases.get(partner, [partner]))
            sentences = [s for s in told if COMBINED_WITH_RE.search(s.text) or re.search(r"\bplus\b", s.text)] or told
        elif found is not None:  # "PI3K/AKT/mTOR inhibitors" → every drug of §2.1
            sentences = self.sentences.in_section(*found[:1], found[1].key)
        elif target is not None:
            sentences = self.sentences.mentioning(query.aliases.get(target, [target]))
        elif trial := next((e for e in specific if self.is_trial(e)), None):
            # "what prior anti-HER2 drugs had pts in HER2CLIMB received": the drugs where the trial is described
            sentences = self._stretches(query, trial)
        elif qualified:
            sentences = sorted(set(qualified), key=lambda s: s.start)
        else:
            sentences = self._best_paragraphs(ranked)
        seen, classes = self._drugs_named_in(sentences, asked)
        wanted = class_asked(query.text)
        if wanted and not any(classes.get(n) == wanted for n in seen) and CLASS_LISTED_RE.match(query.text):
            # "which TKIs have FDA approval?": the best passages named other drugs (T-DM1, T-DXd); the
            # sentences naming the class name its members
            cue = dict(CLASS_ASKED)[wanted]
            seen, classes = self._drugs_named_in([s for s in self.sentences.sentences if cue.search(s.text)], asked)
        if wanted and sum(classes.get(n) == wanted for n in seen) >= 2:
            # "which TKIs…": a drug whose name tells another class is not one of them
            seen = {n: p for n, p in seen.items() if classes.get(n) in (wanted, "")}
        if pathway is not None or ((found is not None or target is not None)
                                   and re.search(r"\binhibitors\b", query.text, re.I)):
            # "which PI3K/AKT/mTOR pathway inhibitors / drugs…": those the section calls inhibitors ("everolimus, an
            # mTOR inhibitor"), not the drugs given with them (paclitaxel, trastuzumab)
            called = {n: p for n, p in seen.items() if _called_an_inhibitor(p.highlights[0], strip_markers(p.text))}
            seen = called if len(called) >= 2 else seen
        if len(seen) < 2 and (acted_on := target or pathway) and (blocking := self._blocking_told(query, acted_on)):
            # 'any drugs against AXL yet?': the review names none, but says what blocking it did and where it stands
            return self._quoting(base, query, blocking, lead=f"The review names no drug against {acted_on}; what it says "
                                                             f"of blocking it:")
        if len(seen) < 2:
            return None
        picks = sorted(seen.values(), key=lambda p: (p.chunk.start, p.start or 0))
        return self.composer.compose(base, picks, query,
                                     lead=f"{len(seen)} agents are named: {', '.join(p.highlights[0] for p in picks)}.")

    def _blocking_told(self, query: Query, target: str) -> list:
        """The sentences of the target's paragraphs that say what blocking it does ("Preclinical models corroborate
        that AXL inhibition can overcome resistance…", "Its inhibition has shown promising results…")."""
        aliases = query.aliases.get(target, [target])
        paragraphs = {(s.source, s.paragraph) for s in self.sentences.mentioning(aliases)}
        # (paragraphs in reading order: the index keeps them as the review prints them)
        return [s for key, found in self.sentences.by_paragraph.items() if key in paragraphs for s in found
                if BLOCKING_RE.search(s.text) and (mentions(s.text, aliases) or re.match(r"(?:Its|Their)\b", s.text))]

    def _joined_in_one_title(self, query: Query, target: str) -> str | None:
        """The name typed joined to ``target`` ('pi3k / mtor', 'pi3k and mtor') when one section's title names both."""
        section = self._titled(query, target)
        if section is None:
            return None
        for other in query.entities:
            if other != target and re.search(rf"\b{re.escape(other)}\s*(?:/|,|\band\b|&|\bor\b)\s*{re.escape(target)}\b",
                                             query.text, re.I) and self._titled(query, other) == section:
                return other
        return None

    def _titled(self, query: Query, name: str) -> tuple[str, Section] | None:
        """The one section whose title names ``name``, if one does."""
        titled = [(doc.source, sec) for doc in self.corpus.documents
                  for sec in self.sentences.titled_by(doc, query.aliases.get(name, [name]))]
        return titled[0] if len(titled) == 1 else None

    def _drugs_named_in(self, sentences, asked: set[str]) -> tuple[dict[str, Pick], dict[str, str]]:
        """Each drug the sentences name (not one asked), with the first sentence naming it and its class."""
        pool = [(self.sentences.chunk(s), s.text, s.start) for s in sentences]
        seen: dict[str, Pick] = {}
        classes: dict[str, str] = {}
        for chunk, text, start in pool:
            body = strip_markers(text)
            # 'ZW25', 'SYD985' — not a code in brackets after its drug's name ('alpelisib (BYL719)')
            codes = [n for n in DRUG_CODE_RE.findall(body) if n.upper() not in COMMON_CODES and not n.upper().startswith(
                ("NCT", "IC", "CD")) and not (TRIAL_RE.fullmatch(n) and self.is_trial(n))
                and not re.search(rf"\w\s*\({re.escape(n)}\)", body)]
            for name in DRUG_RE.findall(body) + codes:
                lowered = name.lower()
                if lowered in asked or lowered in seen or self.analyzer.paragraph_share([name]) > 0.2:
                    continue
                if re.search(rf"\b\w+(?:mab|nib)\s+{re.escape(name)}\b", body):
                    continue  # the payload half of 'trastuzumab emtansine', not a drug of its own
                twin = _same_drug_misprinted(lowered, seen)
                if twin:  # one drug misprinted once: listed once, under the name printed more often
                    if self.analyzer.paragraph_share([name]) > self.analyzer.paragraph_share([twin]):
                        del seen[twin]
                        seen[lowered] = Pick(chunk=chunk, text=text, start=start, highlights=[name])
                        classes[lowered] = classes.pop(twin)
                    continue
                seen[lowered] = Pick(chunk=chunk, text=text, start=start, highlights=[name])
                classes[lowered] = class_of(name, body)
                self._considered.add(chunk.id)
        return seen, classes
