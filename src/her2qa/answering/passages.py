"""The review as sentences in reading order, with the section tree around them.

Overview and list answers are built from structure, not similarity alone: "tell me about AXL" is
best answered by the section about AXL, "what did HER2CLIMB show" by the run of sentences that
starts where the trial is introduced and ends where the text moves on to something else.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..chunking import Chunk
from ..corpus import Corpus
from ..document import Document, Section
from ..figures import has_figure
from ..query import STOPWORDS, light_stem, mentions
from ..vocabulary import ABBREVIATIONS
from ..sentences import split_sentences

BODY_KINDS = {"text", "abstract"}
# Question words that say how to answer, not what about ("summarize the liquid biopsy section").
# A sentence naming examples of what the one before it introduced ('Techniques such as PROTACs and molecular glues…')
EXAMPLES_NAMED_RE = re.compile(r"\b(?:such as|for example|e\.g\.)\s", re.I)

FRAME_WORDS = {"summarize", "summarise", "summary", "overview", "tell", "explain", "describe", "discuss",
               "discussed", "section", "part", "chapter", "review", "paper", "article", "say", "says",
               "cover", "covers", "covered", "mention", "mentioned", "main", "key", "points", "point",
               "pls", "please", "u", "can", "could", "you", "me", "give", "brief", "briefly", "quick",
               "whats", "what's", "anything", "info", "information", "details", "detail", "data", "results",
               "result", "new", "find", "findings", "topics", "topic", "things", "thing", "stuff", "list",
               "which", "what", "are", "is", "does", "do", "the", "about", "in", "of", "on", "and", "a", "an",
               "all", "types", "kinds", "kind", "type", "its", "it", "this", "that", "there", "here", "some",
               "story", "gist", "nutshell", "general", "overall", "big", "picture", "short", "brief", "sum", "up",
               "takeaways", "takeaway", "message", "messages", "whole", "basically", "disease", "here", "yet",
               "context", "tldr", "take-home", "takehome", "take", "home", "bottom", "recap", "highlights", "eli5",
               # how one asks what the review goes through: 'which … does the review go through / walk through'
               "go", "goes", "going", "through", "walk", "walks", "run", "runs", "rundown", "outline", "outlines",
               "address", "addresses", "addressed", "talk", "talks", "touch", "touches", "covering", "mentions",
               # the review's own authors ('what do the authors conclude'): no section is titled by them
               "authors", "author"}


# How people shorten section names ("the intro", "the conclusion").
SECTION_SHORTHAND = {"intro": "introduction", "conclusion": "conclusions", "outlook": "future",
                     "conclude": "conclusions", "concludes": "conclusions", "concluded": "conclusions",
                     "background": "introduction", "her2+": "her2-positive"}


def _hyphened_words(word: str) -> set[str]:
    """'future-directions' → the forms of 'future' and 'directions': a title typed with a hyphen ('the
    future-directions section') names the title's words. Only words of five letters or more, every part a word
    (not 'anti-her2', printed so, nor 'non-adc', which negates)."""
    parts = word.split("-")
    if len(parts) < 2 or not all(len(part) >= 5 and part.isalpha() for part in parts):
        return set()
    return set().union(*(words_of(part) for part in parts))


# A section named by its number: 'section 4.4', 'sec 2.3', 'sect. 3.1', '§4', 'part 2'
SECTION_NUMBER_RE = re.compile(r"(?:§|\b(?:section|sect?\.?|part)\s*)\s*(\d(?:\.\d){0,2})\b", re.I)

# Heads of titles that name a kind, not a topic ('CDK4/6 Inhibitors' is not what 'checkpoint inhibitors' asks)
CLASS_NOUNS = {"inhibitors", "inhibitor", "therapies", "therapy", "agents", "drugs", "approaches", "mechanisms",
               "conjugates", "antibodies", "receptor", "pathway", "trials", "studies", "bc", "cancer"}
# Places in the paper used to point at a part of it ("at the end", "before the conclusions", "after the
# intro"): the parts they name are landmarks, not the part asked about.
# An overview's title match that holds a word not found all over the review outranks one that does not.
TELLING_TITLE_BONUS = 1.0
# Words after which a title qualifies its head noun ('Combinations of …', 'Approaches in …', 'Mutations without …')
TITLE_PREPOSITIONS = frozenset({"in", "of", "for", "to", "with", "without", "on", "beyond"})

POSITION_RE = re.compile(r"\b(?:at|towards?|near)\s+the\s+(?:very\s+)?(?:end|start|beginning)\b|"
                         r"\b(?:just\s+)?(?:before|after|preceding|following|prior\s+to)\s+(?:the\s+)?"
                         r"(?:intro(?:duction)?|conclusions?|abstract|references|discussion|summary)(?:\s+section)?\b")

# a contrast with the sentence before ("However, in PD-L1 positive subgroup…"), not a turn in the story
# ("Nevertheless, its use is often limited…" opens a new point)
CONTRASTS_WITH_PREVIOUS_RE = re.compile(r"(?:However|In contrast|Conversely),\s")

# A sentence that carries on from the one before: a consequence, a remedy, an explanation.
CARRIES_ON_RE = re.compile(r"(?:Therefore|Thus|Hence|Consequently|As a result|For this reason|To (?:overcome|address|"
                           r"improve|reduce|avoid|prevent|solve)|In order to|This is (?:due|because)|Because|Since)\b")

# The question asks for a part of the review by name ('the section on …', 'that chapter about …')
# ('… listed in the future directions part', 'the part on liquid biopsy': a part of the review named by its title)
SECTION_ASKED_RE = re.compile(r"\b(?:section|chapter|subsection)\b|\bthe\s+(?:[\w\-/]+\s+){1,4}part\b|"
                              r"\bpart\s+(?:on|about)\b", re.I)


@dataclass(frozen=True)
class Sentence:
    source: str
    paragraph: int
    index: int          # position inside its paragraph
    start: int
    end: int
    text: str
    section: str        # innermost section key of the paragraph
    chunk_id: str       # the chunk that holds the sentence (the first, when chunks overlap)


def words_of(text: str) -> set[str]:
    words = {w for w in re.findall(r"[a-z0-9][a-z0-9/\-]*[a-z0-9]|[a-z]", text.lower().replace("–", "-"))}
    out = set()
    for w in words:
        if w in STOPWORDS:
            continue
        out.add(w)
        out.add(light_stem(w))
        if w.endswith("s") and len(w) > 3:
            out.add(w[:-1])
    return out


# 'drugs', 'therapies', 'inhibitors': kinds every part of the review has, never what tells one section apart
CLASS_FORMS = {form for noun in CLASS_NOUNS for form in words_of(noun)}


class SentenceIndex:
    """Every body sentence of the corpus, and the sections that hold them."""

    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        self.sentences: list[Sentence] = []
        self._everywhere: set[str] | None = None
        self._rarity: dict[str, float] | None = None
        self.by_paragraph: dict[tuple[str, int], list[Sentence]] = {}
        for doc in corpus.documents:
            chunks = [c for c in corpus.chunks if c.source == doc.source and c.paragraph >= 0]
            for paragraph in doc.paragraphs:
                if paragraph.kind not in BODY_KINDS:
                    continue
                own = [c for c in chunks if c.paragraph == paragraph.index]
                found = []
                for i, (start, end, text) in enumerate(split_sentences(paragraph.text, paragraph.span.start)):
                    chunk = next((c for c in own if c.start <= start and end <= c.end), own[0] if own else None)
                    if chunk is None:
                        continue
                    found.append(Sentence(doc.source, paragraph.index, i, start, end, text, paragraph.section,
                                          chunk.id))
                self.by_paragraph[(doc.source, paragraph.index)] = found
                self.sentences.extend(found)

    @property
    def everywhere(self) -> set[str]:
        """Word forms found in more than a quarter of the body paragraphs."""
        if self._everywhere is None:
            counts: dict[str, int] = {}
            paragraphs = [p for p in self.by_paragraph.values() if p]
            for sentences in paragraphs:
                for form in words_of(" ".join(s.text for s in sentences)):
                    counts[form] = counts.get(form, 0) + 1
            self._everywhere = {f for f, n in counts.items() if n > len(paragraphs) / 4}
        return self._everywhere

    @property
    def rarity(self) -> dict[str, float]:
        """Each word form's inverse sentence frequency, log(sentences / sentences holding it): 'immunotherapy'
        tells more than 'her2'."""
        if self._rarity is None:
            counts: dict[str, int] = {}
            for sentence in self.sentences:
                for form in words_of(sentence.text):
                    counts[form] = counts.get(form, 0) + 1
            self._rarity = {f: math.log(len(self.sentences) / n) for f, n in counts.items()}
        return self._rarity

    # ---- sections -------------------------------------------------------------------------------
    def document(self, source: str) -> Document:
        return self.corpus.document(source)

    def descendants(self, doc: Document, key: str) -> set[str]:
        keys, frontier = {key}, [key]
        while frontier:
            parent = frontier.pop()
            for sec in doc.sections:
                if sec.parent == parent and sec.key not in keys:
                    keys.add(sec.key)
                    frontier.append(sec.key)
        return keys

    def children(self, doc: Document, key: str) -> list[Section]:
        return [s for s in doc.sections if s.parent == key and s.kind in ("body", "subheading")]

    def in_section(self, source: str, key: str) -> list[Sentence]:
        keys = self.descendants(self.document(source), key)
        return [s for s in self.sentences if s.source == source and s.section in keys]

    def find_section(self, question: str, prefer_parents: bool = False,
                     topic: bool = False) -> tuple[str, Section] | None:
        """The section a question names: by number ('4.4'), or by the words of its title. For an
        overview (``topic``) a title also counts when the question holds all of it ('liquid biopsy
        for her2+ resistance whats the deal' → 4.2 Liquid Biopsy) or the name it opens with ('what does
        the review say about axl?' → 4.3 AXL, Another Resistance Mechanism)."""
        number = SECTION_NUMBER_RE.search(question) or re.search(r"\(\s*(\d(?:\.\d){0,2})\b", question)
        for doc in self.corpus.documents:
            if number:
                sec = doc.section(number.group(1))
                if sec is not None:
                    return doc.source, sec
        # 'the bottom line of the conclusions section': a phrase that asks for a summary names no section
        asking = re.sub(r"\b(?:bottom line|big picture|take[\s-]?home(?: messages?| points?)?|in a nutshell)\b", " ",
                        question.lower().replace("–", "-"))
        # '… at the end (before conclusions)': where a part sits in the paper places it, it does not name it
        asking = POSITION_RE.sub(" ", asking)
        asked_words = [SECTION_SHORTHAND.get(w, w) for w in re.findall(r"[a-z0-9][a-z0-9/\-+]*[a-z0-9+]|[a-z]", asking)
                       if w not in STOPWORDS and w not in FRAME_WORDS and not w.isdigit()]
        # "ADCs" finds "Antibody-Drug Conjugates", "TKIs" the "TKI" section.
        asked_forms = [words_of(w) | words_of(ABBREVIATIONS.get(w, "")) | _hyphened_words(w) for w in asked_words]
        asked_forms = [f for f in asked_forms if f]
        # Words on most pages of the review ("HER2+", "disease") say nothing about which section: a
        # title need not hold them, though they count when it does.
        telling = [f for f in asked_forms if not f <= self.everywhere] or asked_forms
        asked = set().union(*asked_forms) if asked_forms else set()
        if not asked:
            return None
        # "summary of the section on other new approaches": a section asked for by a telling word of its title
        # (by a word as typed: CAR-T's spelt-out 'receptor' names no section)
        typed_telling = [words_of(w) | _hyphened_words(w) for w in asked_words if not words_of(w) <= self.everywhere] \
            if SECTION_ASKED_RE.search(question) else []
        best, best_score = None, 0.0
        for doc in self.corpus.documents:
            for sec in doc.sections:
                if sec.kind not in ("body", "subheading", "front") or sec.key == "abstract/abstract":
                    continue
                title = {w for w in words_of(sec.title) if w not in FRAME_WORDS}
                if not title:
                    continue
                shared = asked & title
                title_words = {w for w in re.findall(r"[a-z0-9/\-]+", sec.title.lower()) if w not in STOPWORDS}
                covered = sum(1 for w in title_words if words_of(w) & asked) / max(1, len(title_words))
                asked_covered = max(sum(1 for forms in asked_forms if forms & title) / len(asked_forms),
                                    sum(1 for forms in telling if forms & title) / len(telling))
                title_words_in_order = re.split(r"[\s,:]+", sec.title.strip())
                head = words_of(title_words_in_order[0])
                # a short noun phrase ends on its head: 'Tumor Heterogeneity' is about heterogeneity
                if len(title_words_in_order) <= 3 and title_words_in_order[-1].lower() not in CLASS_NOUNS:
                    head |= words_of(title_words_in_order[-1])
                # …and before the words that qualify it: 'Diverse Approaches in Anti-HER2 Therapy Exploration' is about
                # approaches ('newer approaches beyond adcs/tkis - quick rundown?')
                if (qualified := next((i for i, w in enumerate(title_words_in_order)
                                       if i and w.lower() in TITLE_PREPOSITIONS), 0)) > 1:
                    head |= words_of(title_words_in_order[qualified - 1])
                names_it = topic and (covered == 1.0 or any(forms & head and not forms <= self.everywhere
                                                             for forms in telling))
                section_named = any(forms & title for forms in typed_telling)
                if not shared or ((covered < 0.3 or asked_covered < 0.6) and not names_it and not section_named):
                    continue
                score = covered + asked_covered
                if topic and any(forms & title for forms in telling
                                 if not forms <= self.everywhere and not forms & CLASS_FORMS):
                    # 'immunotherapy + anti-her2 drugs': the title holding the telling word (Immunotherapy in
                    # HER2-Positive Disease), not the one holding only words found all over (Anti-HER2 Drugs)
                    score += TELLING_TITLE_BONUS
                if prefer_parents and len(self.children(doc, sec.key)) >= 2:
                    score += 0.5  # "what mechanisms are discussed" lists a section's parts
                if score > best_score:
                    best, best_score = (doc.source, sec), score
        return best

    def titled_by(self, doc: Document, aliases: list[str]) -> list[Section]:
        """The sections and sub-headings of ``doc`` whose title names any of ``aliases``."""
        return [sec for sec in doc.sections if sec.kind in ("body", "subheading") and mentions(sec.title, aliases)]

    def subheading_of(self, sentence: Sentence) -> str:
        """The sub-heading a sentence sits under ('T-DXd'), '' when its heading is a numbered section."""
        heading = self.document(sentence.source).section(sentence.section)
        return heading.title if heading is not None and heading.kind == "subheading" else ""

    def parent_of_named(self, aliases: list[list[str]]) -> tuple[str, Section, list[str]] | None:
        """The section whose parts are titled by each of several names asked ('tykerb, nerlynx, tukysa'
        → 3.1.3 TKI, whose subsections are Lapatinib, Neratinib and Tucatinib): the smallest such, with
        the keys of the titled parts."""
        for doc in self.corpus.documents:
            titled = [self.titled_by(doc, names) for names in aliases]
            if not all(titled):
                continue
            if set.intersection(*({sec.key for sec in secs} for secs in titled)):
                return None  # one part is titled by every name ('Overexpression of HER1 and HER3'): that part
            parents = [{p.key for sec in secs for p in doc.section_path(sec.key)[:-1]} for secs in titled]
            common = set.intersection(*parents)
            inside = [sec for sec in doc.sections if sec.key in common and sec.kind in ("body", "subheading")]
            if inside:
                return (doc.source, max(inside, key=lambda sec: len(doc.section_path(sec.key))),
                        [sec.key for secs in titled for sec in secs])
        return None

    def also_titled(self, source: str, section: Section, question: str) -> list[Section]:
        """Sections outside ``section`` whose title shares at least two of the words the question shares
        with its title: "which resistance mechanisms…" lists section 2's parts and also "4.3 AXL,
        Another Resistance Mechanism"."""
        doc = self.document(source)
        title = words_of(section.title)
        matched = [forms for w in re.findall(r"[a-z0-9][a-z0-9/\-+]*", question.lower())
                   if w not in STOPWORDS and w not in FRAME_WORDS and (forms := words_of(w)) & title]
        if len(matched) < 2:
            return []
        inside = self.descendants(doc, section.key)
        return [sec for sec in doc.sections if sec.key not in inside and sec.kind in ("body", "subheading")
                and sum(bool(forms & words_of(sec.title)) for forms in matched) >= 2]

    # ---- entities -------------------------------------------------------------------------------
    def mentioning(self, aliases: list[str]) -> list[Sentence]:
        return [s for s in self.sentences if mentions(s.text, aliases)]

    def sentence_at(self, source: str, start: int) -> Sentence | None:
        """The body sentence of ``source`` that starts at ``start`` (a unit of a ranked passage)."""
        return next((s for s in self.sentences if s.source == source and s.start == start), None)

    def paragraph(self, sentence: Sentence) -> list[Sentence]:
        return self.by_paragraph.get((sentence.source, sentence.paragraph), [])

    def examples_after(self, opening: Sentence) -> Sentence | None:
        """The sentence after a paragraph's opening that names the examples of what it introduced ('Targeted protein
        degradation (TPD) offers a novel approach…' → 'Techniques such as PROTACs and molecular glues…'), else None."""
        after = self.next_in_paragraph(opening) if opening.index == 0 else None
        return after if after is not None and EXAMPLES_NAMED_RE.search(after.text) else None

    def next_in_paragraph(self, sentence: Sentence) -> Sentence | None:
        paragraph = self.paragraph(sentence)
        return paragraph[sentence.index + 1] if sentence.index + 1 < len(paragraph) else None

    def chunk(self, sentence: Sentence) -> Chunk:
        return self.corpus.by_id[sentence.chunk_id]


# A sentence opening on a bare pronoun, whose name is in the sentence before.
BARE_PRONOUN_RE = re.compile(r"(?:It|Its|They|Their)\b")


def informative(sentence: Sentence, first_in_paragraph: bool, listing: bool = False) -> float:
    """How much a sentence carries on its own: topic sentences, names, figures, definitions."""
    text = sentence.text
    names = len(re.findall(r"\b[A-Z][A-Za-z0-9]*[A-Z0-9][A-Za-z0-9\-/]*\b|\b\w+(?:mab|nib|lisib|ciclib|tecan)\b", text))
    score = 1.0 if first_in_paragraph else 0.0
    score += 0.25 * min(names, 4)
    score += 0.5 if has_figure(text) else 0.0
    score += 0.3 if re.search(r"\b(?:is an?|are|consists? of|defined as)\b", text) else 0.0
    score -= 0.4 if re.match(r"(?:In (?:summary|brief)|Overall|Therefore|Thus)\b", text) else 0.0
    if listing and re.search(r"\b(?:such as|including|include|includes|encompassing|namely)\b", text):
        score += 0.6
    return score
